#!/usr/bin/env python3
"""Draws a seeded random sample of direct quotes from scraped articles for a hand check of
their speakers, and prints each with its speaker, its entity and the text around it.

    python3 scripts/quote_sample.py --articles 2028 --quotes 9 \
        ../shared/data/articles/indonews-2025-06-18.jsonl ../shared/data/articles/detik-2025.jsonl \
        > /tmp/sample.jsonl
    target/release/warta process --mapping indonews --input /tmp/sample.jsonl --output /tmp/sample.out.jsonl
    python3 scripts/quote_sample.py --show /tmp/sample.out.jsonl --quotes 9

The first call picks 300 input lines with `random.seed(ARTICLES)`; the second picks 50
direct quotes of the output with `random.seed(QUOTES)`. docs/evaluation.md gives the
samples checked so far and their results.
"""

import argparse
import json
import random
import sys


def draw_articles(paths, seed, n):
    lines = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            lines += f.read().splitlines()
    random.seed(seed)
    for line in random.sample(lines, n):
        print(line)


def show(path, seed, n):
    quotes = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("body") is None:
                continue
            quotes += [(r, q) for q in r["quotes"] if q["kind"] == "direct"]
    print(f"{len(quotes)} direct quotes; {n} drawn with random.seed({seed})\n")
    random.seed(seed)
    for k, (r, q) in enumerate(random.sample(quotes, n), 1):
        body, s, e = r["body"], q["start"], q["end"]
        sp = q["speaker"] or {}
        print(f"#{k} [{r['source']}] speaker={sp.get('name')!r} entity={sp.get('entity')!r} cue={q['cue']!r}")
        print("   quote:", q["text"][:200])
        before = body[max(0, s - 500) : s].replace("\n", " ")
        after = body[e : e + 200].replace("\n", " ")
        print("   text:", before, "<<QUOTE>>", after, "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2028, help="seed of the article draw")
    ap.add_argument("--quotes", type=int, default=9, help="seed of the quote draw")
    ap.add_argument("--lines", type=int, default=300, help="input lines to draw")
    ap.add_argument("--n", type=int, default=50, help="quotes to draw")
    ap.add_argument("--show", metavar="OUTPUT", help="warta process output to draw quotes from")
    ap.add_argument("inputs", nargs="*", help="scraped JSONL files to draw articles from")
    a = ap.parse_args()
    if a.show:
        show(a.show, a.quotes, a.n)
    elif a.inputs:
        draw_articles(a.inputs, a.articles, a.lines)
    else:
        sys.exit("give scraped JSONL files, or --show OUTPUT")


if __name__ == "__main__":
    main()
