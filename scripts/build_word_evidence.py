#!/usr/bin/env python3
"""Builds data/words/indonesian-words.tsv, the word evidence the entity rules read
(`roles::Glue`, `Rules::headline_words`): whether a word is a common Indonesian word
and how often kumparan's POS-tagged news corpus tags it as a proper noun.

Sources (fetch them first; nothing here reaches the network):

    pip download --no-deps nlp-id==0.1.23.0 -d /tmp/res
    unzip -q -o /tmp/res/nlp_id-0.1.23.0-py3-none-any.whl -d /tmp/res/nlpid
    (cd /tmp/res && apt-get download hunspell-id && dpkg-deb -x hunspell-id_*.deb hun)
    python3 scripts/build_word_evidence.py /tmp/res/nlpid/nlp_id/data \
        /tmp/res/hun/usr/share/hunspell/id_ID.dic > data/words/indonesian-words.tsv

- nlp-id 0.1.23.0 (kumparan, MIT): `root-word.txt` (root words), `lemma_dict.json`
  (word forms and their lemmas) and `dataset_postag.txt` (POS-tagged news sentences,
  NNP marks proper nouns). Only counts per word are kept, no text.
- hunspell-id 7.5.0 (Debian; LibreOffice dictionaries, id_ID by Ali Ahmadi, LGPL-3):
  `id_ID.dic`, lowercase entries are common words, capitalised entries proper names.

Columns: word (lowercase), common (1 if a root word, a lowercase hunspell entry or a
lemma-dictionary form seen in the POS corpus), proper (1 if hunspell spells it with a
capital), tagged (times the POS corpus has the word, capped at 65535) and nnp (times as
NNP). Rows are sorted, so the same sources give the same file.
"""

import json
import sys
from collections import Counter
from pathlib import Path


def words_of_dic(path):
    lower, proper = set(), set()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        w = line.split("/", 1)[0].strip()
        if not w or " " in w:
            continue
        (proper if w[0].isupper() else lower).add(w.lower())
    return lower, proper


def pos_counts(path):
    tagged, nnp = Counter(), Counter()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        w = parts[0].strip().lower()
        if not w or not w[0].isalpha():
            continue
        tagged[w] += 1
        if parts[1].strip() == "NNP":
            nnp[w] += 1
    return tagged, nnp


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, dic = Path(sys.argv[1]), sys.argv[2]
    roots = {w.strip().lower() for w in (data / "root-word.txt").read_text().splitlines()}
    lemmas = json.loads((data / "lemma_dict.json").read_text())
    hun_lower, hun_proper = words_of_dic(dic)
    tagged, nnp = pos_counts(data / "dataset_postag.txt")
    common = roots | hun_lower | {w.lower() for w in lemmas if w.lower() in tagged}
    common.discard("")
    rows = sorted(common | hun_proper | {w for w, n in tagged.items() if n >= 2})
    out = sys.stdout
    out.write(
        "# source: nlp-id 0.1.23.0 (kumparan: root-word.txt, lemma_dict.json, "
        "dataset_postag.txt counts) and hunspell-id 7.5.0 (id_ID.dic by Ali Ahmadi). "
        "Rebuilt by scripts/build_word_evidence.py (its docstring gives the commands).\n"
        "# licence: derived from nlp-id (MIT) and hunspell-id (LGPL-3); the word list "
        "keeps both licences.\n"
    )
    out.write("# columns: word common proper tagged nnp\n")
    for w in rows:
        if "\t" in w or not w.strip():
            continue
        out.write(
            f"{w}\t{int(w in common)}\t{int(w in hun_proper)}\t"
            f"{min(tagged[w], 65535)}\t{min(nnp[w], 65535)}\n"
        )


if __name__ == "__main__":
    main()
