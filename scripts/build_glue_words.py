#!/usr/bin/env python3
"""Builds data/clean/words.tsv, the word list of the glued-word splitter.

A fact list of lowercase word forms with their counts (all, and capitalised), taken from the shared scraped
articles (../shared/data/articles/*.jsonl: body and title) and the NER training data
whose licences allow it (idner-news-2k: MIT; nergrit). No sentences are kept.

Forms seen once are left out unless the NER data has them. Article forms that look like
a known word glued to a function word ("mentalyang") are left out too, since the list
must only hold real words; REAL lists words that look like that but are real, checked
by hand. Run from the repository root:  python3 scripts/build_glue_words.py
"""
import collections, glob, json, re

SHARED = "../shared/data"
FUNC = ["yang", "dan", "di", "ke", "dari", "dengan", "untuk", "pada", "dalam", "atau",
        "ini", "itu", "oleh", "karena", "bahwa", "serta", "sebagai", "tersebut", "adalah",
        "juga", "hingga", "kepada", "tidak", "sudah", "telah", "bisa", "sejak", "tapi"]
# Real words (names included) that the glued-form filter below would otherwise drop.
REAL = {"gunadi", "peroleh", "trendi", "serbabisa", "kenyang", "perdalam", "sembahyang"}
# Glued forms seen more than once, so the filter below keeps them; checked by hand.
GLUED = set("""berikutini pantauandetikcomdi wibowoatau selengkapnyadi airlinesyang compada
migasdan pencegahanfraudyang pakudi jettidak jetdengan comdari chatyang yulianatelah
ultimateyang siraitatau mobiledi hubdi barcelonaakan sederhanatapi screenini
penyandangdisabilitasdalam officeitu officedi napatau napadalah klikdi kepadadetikjatengdi
justicedan jetoleh jetitu fourdi diklikdi bomyang bomterhadap zonyang tniatau tikusini
smartphoneini raungyang postyang plkdi mcgregorsudah marthinbisa khameneidalam
indonesiaakan ibuyang hilalakan hadjudan dievakuasiini careyakan beningdari anemiadan
alienitu yayadan""".split())
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")

articles = collections.Counter()
capitalised = collections.Counter()
for path in sorted(glob.glob(f"{SHARED}/articles/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        text = (rec.get("isi_berita") or "") + " " + (rec.get("judul") or "")
        for w in WORD.findall(text):
            articles[w.lower()] += 1
            if w[0].isupper():
                capitalised[w.lower()] += 1
ner = collections.Counter()
for path in [f"{SHARED}/ner/idner-news-2k/train.txt", f"{SHARED}/ner/idner-news-2k/dev.txt",
             f"{SHARED}/ner/nergrit/train_preprocess.txt",
             f"{SHARED}/ner/nergrit/valid_preprocess.txt"]:
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if parts and WORD.fullmatch(parts[0]):
            ner[parts[0].lower()] += 1
            if parts[0][0].isupper():
                capitalised[parts[0].lower()] += 1
total = articles + ner


def looks_glued(w):
    for f in sorted(FUNC, key=len, reverse=True):
        if w.endswith(f):
            left = w[: -len(f)]
            if len(left) >= 4 and total[left] >= 3 and total[w] * 20 < total[left]:
                return True
    return False


out = []
for w, c in total.items():
    if c < 2 and ner[w] == 0 and w not in REAL:
        continue
    if w in GLUED or (ner[w] == 0 and w not in REAL and looks_glued(w)):
        continue
    out.append((w, c))
out.sort(key=lambda x: (-x[1], x[0]))
with open("data/clean/words.tsv", "w", encoding="utf-8") as f:
    for w, c in out:
        f.write(f"{w}\t{c}\t{capitalised[w]}\n")
print(f"{len(out)} words")
