#!/usr/bin/env python3
"""Derives the word lists that hyphen repair uses as corpus evidence (src/lexicon/).

Sources: the NTREX-128 English and Turkish news text in tests/fixtures/corpora (CC-BY-SA 4.0),
and SCOWL's American and British English word lists as Debian ships them (packages wamerican
and wbritish, /usr/share/dict; licence in src/lexicon/SCOWL-COPYRIGHT): lowercase words of
three letters or more, without possessives.
Not read: FLORES-200, the held-out text on which tests/hyphenation.rs measures hyphen repair,
and the seeds (hyphen repair must decide from evidence, not from a list of the seeds' words).

Writes, one lowercased entry per line, sorted (dotted and dotless i folded to i, as
`reflow::word_key` does):
  en_words.txt   English words written without a hyphen
  compounds.txt  hyphenated compounds seen in either language ("well-known", "sosyo-ekonomik")
and, for the language detector, every run of letters in NTREX with its count, as written
(the detector lowercases), most frequent first:
  tr_counts.txt, en_counts.txt   "word<TAB>count"
and, for the aligner, word translations learned from NTREX's aligned segments:
  dictionary.tsv                 "turkish_stem<TAB>english_stem<TAB>dice"
Run: apt-get install wamerican wbritish && python3 scripts/derive_lexicon.py
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "fixtures" / "corpora"
PUNCT = ".,;:!?()[]{}\"“”‘’'«»…*"
WORD = re.compile(r"[^\W\d_]+")
COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def key(word):
    return word.replace("İ", "i").replace("I", "i").lower().replace("ı", "i")


def tokens(text):
    for tok in text.split():
        core = re.split(r"[’']", tok.strip(PUNCT))[0]
        if core:
            yield core


def main():
    english = (CORPORA / "newstest2019-src.eng.txt").read_text(encoding="utf-8")
    turkish = (CORPORA / "newstest2019-ref.tur.txt").read_text(encoding="utf-8")
    words, compounds = set(), set()
    for text, lang in ((english, "en"), (turkish, "tr")):
        for core in tokens(text):
            if COMPOUND.fullmatch(core):
                compounds.add(key(core))
            elif lang == "en" and WORD.fullmatch(core) and len(core) > 1:
                words.add(key(core))
    for name in ("american-english", "british-english"):
        for line in pathlib.Path("/usr/share/dict", name).read_text(encoding="utf-8").splitlines():
            if re.fullmatch(r"[a-z]{3,}", line):
                words.add(line)
    out = ROOT / "src" / "lexicon"
    out.mkdir(exist_ok=True)
    (out / "en_words.txt").write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    (out / "compounds.txt").write_text("\n".join(sorted(compounds)) + "\n", encoding="utf-8")
    for text, name in ((turkish, "tr_counts.txt"), (english, "en_counts.txt")):
        counts = {}
        for run in WORD.findall(text):
            counts[run] = counts.get(run, 0) + 1
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        (out / name).write_text("".join(f"{w}\t{n}\n" for w, n in rows), encoding="utf-8")
        print(f"{name}: {len(rows)} letter runs, {sum(counts.values())} in all")
    write_dictionary(turkish, english, out)
    print(f"{len(words)} English words, {len(compounds)} compounds")


FOLD = str.maketrans({"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u", "â": "a", "î": "i", "û": "u"})


def stem(word):
    """The aligner's word stem: Turkish-aware lowercase, folded to ASCII, first five letters."""
    w = word.replace("İ", "i").replace("I", "i").lower().replace("\u0307", "").translate(FOLD)
    return w[:5]


def write_dictionary(turkish, english, out):
    """Word translations learned from NTREX-128's line-aligned segments: a Turkish stem and an
    English stem are a pair when each is the other's best partner by Dice co-occurrence
    (seen together in at least 3 segment pairs, Dice >= 0.3). Writes dictionary.tsv:
    "turkish_stem<TAB>english_stem<TAB>dice"."""
    ct, ce, cte = {}, {}, {}
    for t, e in zip(turkish.split("\n"), english.split("\n")):
        ts = {stem(w) for w in WORD.findall(t) if len(w) >= 3}
        es = {stem(w) for w in WORD.findall(e) if len(w) >= 3}
        for a in ts:
            ct[a] = ct.get(a, 0) + 1
        for b in es:
            ce[b] = ce.get(b, 0) + 1
        for a in ts:
            for b in es:
                cte[(a, b)] = cte.get((a, b), 0) + 1
    best_t, best_e = {}, {}
    for (a, b), c in sorted(cte.items()):
        if c < 3:
            continue
        d = 2 * c / (ct[a] + ce[b])
        if d > best_t.get(a, (0, None))[0]:
            best_t[a] = (d, b)
        if d > best_e.get(b, (0, None))[0]:
            best_e[b] = (d, a)
    pairs = sorted((a, b, d) for a, (d, b) in best_t.items() if best_e[b][1] == a and d >= 0.3)
    (out / "dictionary.tsv").write_text("".join(f"{a}\t{b}\t{d:.3f}\n" for a, b, d in pairs), encoding="utf-8")
    print(f"dictionary.tsv: {len(pairs)} word pairs")


if __name__ == "__main__":
    main()
