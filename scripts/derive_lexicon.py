#!/usr/bin/env python3
"""Derives the word lists and models that hizala embeds (src/lexicon/).

Sources — none of them an evaluation set:
- LibreOffice's help pages in US English and their Turkish translation, as Debian 12 ships them
  (packages libreoffice-help-en-us and libreoffice-help-tr, 4:7.4.7-1+deb12u14; MPL-2.0,
  licence in src/lexicon/LIBREOFFICE-HELP-COPYRIGHT): 2,561 pages per language whose paragraphs
  carry the same ids, so the two are aligned paragraph by paragraph (36,476 pairs).
- Tesseract's Turkish and English word lists (the word DAWGs of tessdata's tur and eng models,
  packages tesseract-ocr-tur and tesseract-ocr-eng; Apache-2.0, licence in
  src/lexicon/TESSDATA-COPYRIGHT), read with Tesseract's own combine_tessdata and dawg2wordlist:
  words of everyday text, without counts.
- Unicode CLDR's Turkish and English names of countries, territories, languages and the cities
  of time zones, as Debian's python3-babel ships them, and its names of subdivisions and of
  emoji, as Debian's unicode-cldr-core 41 ships them (fetched with `apt-get download`; Unicode
  License v3, in src/lexicon/CLDR-COPYRIGHT).
- WikDict's Polish–Turkish and Polish–English dictionaries (Polish Wiktionary's translations,
  extracted by DBnary), as Debian 12's dict-freedict-pol-tur and dict-freedict-pol-eng 2022.12.07-2
  ship them (fetched with `apt-get download`; CC-BY-SA 3.0, in src/lexicon/WIKDICT-COPYRIGHT):
  both list each Polish word's senses with the same Polish gloss, so a Turkish and an English
  translation of one sense are translations of each other ("samolot": uçak / aircraft).
- SCOWL's American and British English word lists as Debian ships them (packages wamerican and
  wbritish, /usr/share/dict; licence in src/lexicon/SCOWL-COPYRIGHT): lowercase words of three
  letters or more, without possessives.
Not read: the corpora in tests/fixtures/corpora (FLORES-200 and NTREX-128 are published
evaluation sets; the tests measure on them) and the seeds.

Writes, one lowercased entry per line, sorted (dotted and dotless i folded to i, as
`reflow::word_key` does):
  en_words.txt   English words written without a hyphen
  compounds.txt  hyphenated compounds seen in either language ("built-in", "alt-çizgi")
and, for the language detector, every run of letters of the help text in each language with
its count, as written (the detector lowercases), most frequent first:
  tr_counts.txt, en_counts.txt   "word<TAB>count"
  tr_types.txt, en_types.txt     Tesseract's lowercase words, one per line (Turkish ones that
                                 are English words without a Turkish letter left out)
and, for the aligner, word translations learned from the aligned help paragraphs:
  dictionary.tsv                 "turkish_stem<TAB>english_stem<TAB>dice" (a stem may have
                                 several partners; CLDR's one-word emoji names, "otobüs"/"bus",
                                 are listed with 1.000)
  names.tsv                      "turkish_name<TAB>english_name" (match keys, single words,
                                 where the two differ; language names also by their stem)
  wikdict.tsv                    "turkish_stem<TAB>english_stem": one-word translations of
                                 one sense, through Polish (CC-BY-SA 3.0, unlike the rest)
Run: apt-get install wamerican wbritish tesseract-ocr tesseract-ocr-tur tesseract-ocr-eng
python3-babel && /usr/bin/python3 scripts/derive_lexicon.py
(the two help packages, unicode-cldr-core and the two WikDict dictionaries are fetched with
`apt-get download` into target/lexicon-sources).
"""
import gzip
import html
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ROOT / "target" / "lexicon-sources"
HELP_PACKAGES = ("libreoffice-help-en-us", "libreoffice-help-tr")
CLDR_PACKAGE = "unicode-cldr-core"
WIKDICT_PACKAGES = ("dict-freedict-pol-tur", "dict-freedict-pol-eng")
PUNCT = ".,;:!?()[]{}\"“”‘’'«»…*"
WORD = re.compile(r"[^\W\d_]+")
COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
ELEMENT = re.compile(r"<(p|h[1-6]|td|li)\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</\1>", re.S)


def key(word):
    return word.replace("İ", "i").replace("I", "i").lower().replace("ı", "i")


def tokens(text):
    for tok in text.split():
        core = re.split(r"[’']", tok.strip(PUNCT))[0]
        if core:
            yield core


def help_root():
    """The unpacked help pages, fetched and unpacked on first use."""
    root = SOURCES / "usr" / "share" / "libreoffice" / "help"
    if not (root / "tr").is_dir() or not (root / "en-US").is_dir():
        SOURCES.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", *HELP_PACKAGES], cwd=SOURCES, check=True)
        for deb in sorted(SOURCES.glob("libreoffice-help-*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(SOURCES)], check=True)
    return root


def cldr_root():
    """CLDR's common data (unicode-cldr-core), fetched and unpacked on first use."""
    root = SOURCES / "usr" / "share" / "unicode" / "cldr" / "common"
    if not root.is_dir():
        SOURCES.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", CLDR_PACKAGE], cwd=SOURCES, check=True)
        for deb in sorted(SOURCES.glob(f"{CLDR_PACKAGE}_*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(SOURCES)], check=True)
    return root


def wikdict_senses(pair):
    """A WikDict dictionary (dictd format) as {(Polish word, part of speech, gloss): [translation,
    …]}; the package is fetched and unpacked on first use. An entry is a head line
    ("samolot /sãˈmɔlɔt/ <n>"), then per sense a line of translations (numbered "1. …" or with
    the next sense's number trailing) and a line with the Polish gloss."""
    base = SOURCES / "usr" / "share" / "dictd" / f"freedict-{pair}"
    if not base.with_suffix(".index").exists():
        SOURCES.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", f"dict-freedict-{pair}"], cwd=SOURCES, check=True)
        for deb in sorted(SOURCES.glob(f"dict-freedict-{pair}_*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(SOURCES)], check=True)
    digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def number(text):
        n = 0
        for c in text:
            n = n * 64 + digits.index(c)
        return n

    data = gzip.open(base.with_suffix(".dict.dz")).read()
    senses = {}
    for line in base.with_suffix(".index").read_text(encoding="utf-8").splitlines():
        word, offset, length = line.split("\t")
        if word.startswith("00database"):
            continue
        lines = data[number(offset) : number(offset) + number(length)].decode("utf-8").split("\n")
        head = re.match(r"(.*?)(?: /.*?/)? <(.*?)>$", lines[0])
        headword, pos = (head.group(1), head.group(2)) if head else (lines[0], "")
        body = [l for l in lines[1:] if l.strip()]
        for k in range(0, len(body) - 1, 2):
            translations = re.sub(r"\s*\d+\.\s*$", "", re.sub(r"^\s*\d+\.\s*", "", body[k]))
            words = [t.strip() for t in translations.split(",") if t.strip()]
            senses.setdefault((headword, pos, body[k + 1].strip()), []).extend(words)
    return senses


def write_wikdict(out):
    """Turkish and English one-word translations of the same Polish sense, as stems: a Turkish
    verb of more than five letters by its root ("bitirmek" → "bitir", "görmek" → "gör"), skipped
    when the root is shorter than three letters; pairs whose stems are the same word are left to
    the cognate keys. The aligner reads a root shorter than a stem as a prefix of the words built
    on it ("gördü")."""
    turkish, english = wikdict_senses("pol-tur"), wikdict_senses("pol-eng")
    rows = set()
    for sense, tr_words in turkish.items():
        for t in tr_words:
            for e in english.get(sense, []):
                if len(t.split()) != 1 or len(e.split()) != 1 or not (t.isalpha() and e.isalpha()):
                    continue
                if len(t) < 3 or len(e) < 3:
                    continue
                root = stem(t, None)
                if root.endswith(("mak", "mek")) and len(root) > 5:
                    root = root[:-3]
                    if len(root) < 3:
                        continue
                a, b = root[:5], stem(e)
                if b.isascii() and a != b:
                    rows.add((a, b))
    (out / "wikdict.tsv").write_text("".join(f"{a}\t{b}\n" for a, b in sorted(rows)), encoding="utf-8")
    print(f"wikdict.tsv: {len(rows)} word pairs")


def cldr_names(folder, element, lang):
    """CLDR's names of one kind in one language, by code: `<element type="code">name<`."""
    text = (cldr_root() / folder / f"{lang}.xml").read_text(encoding="utf-8")
    pattern = re.compile(rf'<{element} (?:cp|type)="([^"]+)"( type="tts")?[^>]*>([^<]+)</{element}>')
    # Emoji annotations list keywords and a spoken name ("tts") per character: names only.
    return {m.group(1): html.unescape(m.group(3)) for m in pattern.finditer(text) if element != "annotation" or m.group(2)}


def paragraphs(page):
    """The text of each paragraph, heading, cell and list item with an id, by id."""
    out = {}
    for m in ELEMENT.finditer(page.read_text(encoding="utf-8", errors="replace")):
        text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", m.group(3)))).strip()
        if text:
            out[m.group(2)] = text
    return out


def help_text():
    """(Turkish paragraphs, English paragraphs, aligned (Turkish, English) pairs)."""
    root = help_root()
    turkish, english, pairs = [], [], []
    for en_page in sorted((root / "en-US" / "text").rglob("*.html")):
        tr_page = root / "tr" / en_page.relative_to(root / "en-US")
        e = paragraphs(en_page)
        t = paragraphs(tr_page) if tr_page.exists() else {}
        english.extend(e.values())
        turkish.extend(t.values())
        # Untranslated paragraphs (the same text on both sides) are no translation pairs.
        pairs.extend((t[k], e[k]) for k in e if k in t and t[k] != e[k])
    return turkish, english, pairs


def tesseract_words(lang):
    """The words of a tessdata model's word DAWG."""
    work = SOURCES / "tessdata"
    work.mkdir(parents=True, exist_ok=True)
    model = next(pathlib.Path("/usr/share").glob(f"tesseract-ocr/*/tessdata/{lang}.traineddata"))
    subprocess.run(["combine_tessdata", "-u", str(model), str(work / f"{lang}.")], check=True, capture_output=True)
    words = work / f"{lang}.words.txt"
    subprocess.run(
        ["dawg2wordlist", str(work / f"{lang}.lstm-unicharset"), str(work / f"{lang}.lstm-word-dawg"), str(words)],
        check=True,
        capture_output=True,
    )
    return words.read_text(encoding="utf-8").split()


def write_types(english_words, out):
    """Tesseract's lowercase words of two letters or more in each language."""
    plain = re.compile(r"[^\W\d_]{2,}")
    en = {w for w in tesseract_words("eng") if plain.fullmatch(w) and w == w.lower()}
    tr = {w for w in tesseract_words("tur") if plain.fullmatch(w) and w[0].islower()}
    # Turkish web text quotes English: "his", "police" are no Turkish words.
    turkish_letters = set("çğıöşüâîû")
    tr = {w for w in tr if (w not in en and w not in english_words) or turkish_letters & set(w)}
    for words, name in ((tr, "tr_types.txt"), (en, "en_types.txt")):
        (out / name).write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
        print(f"{name}: {len(words)} words")


def write_names(out):
    """CLDR's single-word names of countries, territories and languages whose Turkish and
    English match keys differ; a language name ending in -ca/-ce/-ça/-çe also gives its stem
    ("Özbekçe" → "özbek")."""
    from babel import Locale

    tr, en = Locale("tr"), Locale("en")
    rows = set()
    pairs = []
    # Cities of time zones: English names only where they differ from the zone's id.
    for zone, names in tr.time_zones.items():
        english = en.time_zones.get(zone, {}).get("city") or zone.split("/")[-1].replace("_", " ")
        if names.get("city"):
            pairs.append((names["city"], english))
    subdivisions_en = cldr_names("subdivisions", "subdivision", "en")
    for code, name in cldr_names("subdivisions", "subdivision", "tr").items():
        if code in subdivisions_en:
            pairs.append((name, subdivisions_en[code]))
    for name, english in pairs:
        if len(name.split()) == 1 and len(english.split()) == 1:
            a, b = stem(name, None), stem(english, None)
            if a.isalpha() and b.isalpha():
                rows.add((a, b))
    for kind in ("territories", "languages"):
        t, e = getattr(tr, kind), getattr(en, kind)
        for code, name in t.items():
            if code not in e or len(name.split()) != 1 or len(e[code].split()) != 1:
                continue
            a, b = stem(name, None), stem(e[code], None)
            if not (a.isalpha() and b.isalpha()):
                continue
            if kind == "languages" and name.lower().endswith(("ca", "ce", "ça", "çe")) and len(a) >= 6:
                rows.add((a[:-2], b))
            rows.add((a, b))
    rows = sorted((a, b) for a, b in rows if a != b and len(a) >= 4)
    (out / "names.tsv").write_text("".join(f"{a}\t{b}\n" for a, b in rows), encoding="utf-8")
    print(f"names.tsv: {len(rows)} names")


def main():
    turkish, english, pairs = help_text()
    print(f"help pages: {len(turkish)} Turkish and {len(english)} English paragraphs, {len(pairs)} pairs")
    turkish, english = "\n".join(turkish), "\n".join(english)
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
    write_types(words, out)
    write_names(out)
    write_dictionary(pairs, out)
    write_wikdict(out)
    print(f"{len(words)} English words, {len(compounds)} compounds")


FOLD = str.maketrans({"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u", "â": "a", "î": "i", "û": "u"})


def stem(word, length=5):
    """The aligner's word stem: Turkish-aware lowercase, folded to ASCII, first five letters
    (the whole match key with `length` None)."""
    w = word.replace("İ", "i").replace("I", "i").lower().replace("\u0307", "").translate(FOLD)
    return w[:length]


def write_dictionary(pairs, out):
    """Word translations learned from aligned paragraph pairs: each Turkish stem with its best
    English partner by Dice co-occurrence (seen together in at least 3 pairs, Dice >= 0.3).
    Writes dictionary.tsv: "turkish_stem<TAB>english_stem<TAB>dice"."""
    ct, ce, cte = {}, {}, {}
    for t, e in pairs:
        ts = {stem(w) for w in WORD.findall(t) if len(w) >= 3}
        es = {stem(w) for w in WORD.findall(e) if len(w) >= 3}
        for a in ts:
            ct[a] = ct.get(a, 0) + 1
        for b in es:
            ce[b] = ce.get(b, 0) + 1
        for a in ts:
            for b in es:
                cte[(a, b)] = cte.get((a, b), 0) + 1
    best = {}
    for (a, b), c in sorted(cte.items()):
        if c < 3:
            continue
        d = 2 * c / (ct[a] + ce[b])
        if d > best.get(a, (0, None))[0]:
            best[a] = (d, b)
    rows = {(a, b): d for a, (d, b) in best.items() if d >= 0.3}
    # Everyday words the help pages lack: CLDR's one-word names of emoji in both languages.
    emoji_en = cldr_names("annotations", "annotation", "en")
    for cp, name in cldr_names("annotations", "annotation", "tr").items():
        t = [w for w in WORD.findall(name) if len(w) >= 3]
        e = [w for w in WORD.findall(emoji_en.get(cp, "")) if len(w) >= 3]
        if len(t) == 1 and len(e) == 1 and len(name.split()) == 1 and len(emoji_en[cp].split()) == 1:
            rows.setdefault((stem(t[0]), stem(e[0])), 1.0)
    rows = sorted((a, b, d) for (a, b), d in rows.items())
    (out / "dictionary.tsv").write_text("".join(f"{a}\t{b}\t{d:.3f}\n" for a, b, d in rows), encoding="utf-8")
    print(f"dictionary.tsv: {len(rows)} word pairs")


if __name__ == "__main__":
    main()
