//! `hizala::casing` against Java 17's `String.toLowerCase` / `toUpperCase` under
//! `Locale.forLanguageTag("tr")` (our Turkish) and `Locale.ROOT` (our English), for every code
//! point and for whole strings where context matters. The table is built by
//! `tests/oracle/CaseOracle.java` (`make oracle`); the machine running the tests needs no Java.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use hizala::casing::{Lang, to_lower, to_upper};
use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Op {
    Lower,
    Upper,
}

struct Oracle {
    defined: Vec<(u32, u32)>,
    /// (op, lang, input) → Java's output; inputs that Java maps to themselves are absent.
    mappings: BTreeMap<(Op, Lang2, String), String>,
}

/// `casing::Lang` has no `Ord`; the table needs one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Lang2 {
    Tr,
    Root,
}

impl Lang2 {
    fn ours(self) -> Lang {
        match self {
            Lang2::Tr => Lang::Tr,
            Lang2::Root => Lang::En,
        }
    }
}

fn decode(hex: &str) -> String {
    hex.split(' ').map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap()).collect()
}

fn load() -> Oracle {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/java_casing.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut defined = Vec::new();
    let mut mappings = BTreeMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "unicode" => assert_eq!(f[1], "13.0"),
            "defined" => defined.push((u32::from_str_radix(f[1], 16).unwrap(), u32::from_str_radix(f[2], 16).unwrap())),
            op => {
                let op = if op == "lower" { Op::Lower } else { Op::Upper };
                let lang = if f[1] == "tr" { Lang2::Tr } else { Lang2::Root };
                mappings.insert((op, lang, decode(f[2])), decode(f[3]));
            }
        }
    }
    assert!(defined.len() > 600 && mappings.len() > 5000, "oracle table looks truncated");
    Oracle { defined, mappings }
}

impl Oracle {
    fn defines(&self, cp: u32) -> bool {
        self.defined.iter().any(|&(a, b)| (a..=b).contains(&cp))
    }

    fn expected(&self, op: Op, lang: Lang2, input: &str) -> String {
        self.mappings.get(&(op, lang, input.to_string())).cloned().unwrap_or_else(|| input.to_string())
    }
}

fn ours(op: Op, lang: Lang2, input: &str) -> String {
    match op {
        Op::Lower => to_lower(input, lang.ours()),
        Op::Upper => to_upper(input, lang.ours()),
    }
}

/// The one deliberate difference: English lowercases `İ` to plain `i`, where Java's ROOT writes
/// `i` + U+0307 — a dot no English or Turkish reader wrote.
fn deliberate(op: Op, lang: Lang2, input: &str, java: &str) -> bool {
    op == Op::Lower
        && lang == Lang2::Root
        && input.contains('İ')
        && java.replace("i\u{307}", "i") == ours(op, lang, input)
}

fn hex(s: &str) -> String {
    s.chars().map(|c| format!("{:04X}", c as u32)).collect::<Vec<_>>().join(" ")
}

#[test]
fn every_code_point_java_17_knows_maps_as_in_java() {
    let oracle = load();
    let mut wrong = Vec::new();
    let mut newer = BTreeSet::new();
    for cp in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(cp) else { continue };
        let input = c.to_string();
        for op in [Op::Lower, Op::Upper] {
            for lang in [Lang2::Tr, Lang2::Root] {
                let java = oracle.expected(op, lang, &input);
                let got = ours(op, lang, &input);
                if got == java || deliberate(op, lang, &input, &java) {
                    continue;
                }
                // A code point Java 17 does not know, or one whose case partner came later
                // (U+019B ƛ got its capital U+A7DC in Unicode 16).
                if oracle.defines(cp) && got.chars().all(|g| oracle.defines(g as u32)) {
                    wrong.push(format!("{op:?} {lang:?} {}: java {} ours {}", hex(&input), hex(&java), hex(&got)));
                } else {
                    newer.insert(cp);
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} differences from Java 17:\n{}", wrong.len(), wrong.join("\n"));
    // Characters added after Unicode 13, or whose case partner was, map differently in our
    // newer Unicode tables: they may legitimately differ from Java 17 and are listed in
    // tests/oracle/newer_than_java17.txt, not special-cased. HIZALA_BLESS=1 rewrites the list.
    let list_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/newer_than_java17.txt");
    let found: Vec<String> = newer.iter().map(|cp| format!("{cp:04X} {}", char::from_u32(*cp).unwrap())).collect();
    if std::env::var_os("HIZALA_BLESS").is_some() {
        let (major, minor, update) = char::UNICODE_VERSION;
        let header = format!(
            "# Code points whose case mapping in hizala (Unicode {major}.{minor}.{update}) differs from Java 17's\n\
             # (Unicode 13) because the character or its case partner is newer than Unicode 13.\n\
             # Generated by `HIZALA_BLESS=1 cargo test --test casing_oracle`.\n"
        );
        std::fs::write(&list_path, header + &found.join("\n") + "\n").unwrap();
        return;
    }
    let listed: BTreeSet<u32> = std::fs::read_to_string(&list_path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| u32::from_str_radix(l.split_whitespace().next().unwrap(), 16).unwrap())
        .collect();
    assert_eq!(newer, listed, "code points newer than Java 17 with case mappings changed; now:\n{}", found.join("\n"));
}

#[test]
fn whole_strings_map_as_in_java() {
    let oracle = load();
    let mut checked = 0;
    for ((op, lang, input), java) in &oracle.mappings {
        if input.chars().count() < 2 {
            continue;
        }
        // The contract is for NFC text; the decomposed inputs must still agree after NFC.
        let nfc: String = input.nfc().collect();
        let got = ours(*op, *lang, input);
        let java_nfc: String = java.nfc().collect();
        let got_nfc: String = got.nfc().collect();
        if &nfc == input {
            assert!(
                got == *java || deliberate(*op, *lang, input, java),
                "{op:?} {lang:?} {input:?}: java {java:?}, ours {got:?}"
            );
        } else if *lang == Lang2::Tr {
            // Turkish rules are defined on decomposed text too (I + U+0307 → i).
            assert_eq!(got_nfc, java_nfc, "{op:?} {lang:?} {input:?}");
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} whole-string cases");
}

#[test]
fn never_a_combining_dot_from_capital_dotted_i() {
    for lang in [Lang::Tr, Lang::En] {
        for input in ["İ", "İSTANBUL", "I\u{307}", "DİYARBAKIR", "I\u{323}\u{307}"] {
            assert!(!to_lower(input, lang).contains('\u{307}'), "{lang:?} {input:?}");
        }
    }
}
