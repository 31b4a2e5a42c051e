//! Turkish-aware case mapping, for matching words across the two languages and for
//! `hizala case`.
//!
//! Turkish has two letters i: dotted `i`/`İ` and dotless `ı`/`I`. So in Turkish `I` lowercases
//! to `ı` ("ISPARTA" → "ısparta"), `İ` to `i`, and `i` uppercases to `İ`. Rust's own
//! `to_lowercase` is language-neutral: it turns `İ` into `i` + U+0307 (a combining dot), which
//! no Turkish reader wrote. Everything else follows the Unicode default mappings, including
//! the whole-string rule for Greek final sigma.

use unicode_normalization::char::canonical_combining_class;

/// The language whose casing rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Tr,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "tr" | "tur" | "turkish" => Some(Lang::Tr),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

const COMBINING_DOT_ABOVE: char = '\u{307}';

/// Lowercases `text` by the rules of `lang`.
///
/// Turkish: `I` → `ı`, `İ` → `i`, and a decomposed `I` + U+0307 → `i` (the dot may follow
/// other combining marks, as in SpecialCasing.txt's `After_I` / `Before_Dot` contexts).
/// English: `İ` → `i`, and a decomposed `I` + U+0307 too — never `i` + U+0307: the dot is the
/// letter's own, not an accent to keep. That is the one place where English differs from
/// Java's `Locale.ROOT` (`tests/oracle/README.md` lists it).
///
/// ```
/// use hizala::casing::{to_lower, Lang};
/// assert_eq!(to_lower("ISPARTA İSTANBUL", Lang::Tr), "ısparta istanbul");
/// assert_eq!(to_lower("ISPARTA İSTANBUL", Lang::En), "isparta istanbul");
/// ```
pub fn to_lower(text: &str, lang: Lang) -> String {
    if text.is_ascii() && lang == Lang::En {
        return text.to_ascii_lowercase();
    }
    if !text.contains(['I', 'İ', COMBINING_DOT_ABOVE]) {
        return text.to_lowercase();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut prepared = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'İ' => prepared.push('i'),
            'I' if before_dot(&chars[i + 1..]) => prepared.push('i'),
            'I' if lang == Lang::Tr => prepared.push('ı'),
            COMBINING_DOT_ABOVE if after_i(&chars[..i]) => {}
            c => prepared.push(c),
        }
    }
    // `str::to_lowercase` applies the final-sigma rule, which needs the whole string.
    prepared.to_lowercase()
}

/// Whether a combining dot above follows, with only combining marks other than those that
/// sit above (class 230) in between: SpecialCasing.txt's `Before_Dot`.
fn before_dot(rest: &[char]) -> bool {
    for &c in rest {
        if c == COMBINING_DOT_ABOVE {
            return true;
        }
        if matches!(canonical_combining_class(c), 0 | 230) {
            return false;
        }
    }
    false
}

/// Whether the last base letter before this point is `I`, with no mark of class 230 between:
/// SpecialCasing.txt's `After_I`.
fn after_i(before: &[char]) -> bool {
    for &c in before.iter().rev() {
        if c == 'I' {
            return true;
        }
        if matches!(canonical_combining_class(c), 0 | 230) {
            return false;
        }
    }
    false
}

/// Uppercases `text` by the rules of `lang`. Turkish: `i` → `İ` (and `ı` → `I`, as everywhere).
pub fn to_upper(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => text.to_uppercase(),
        Lang::Tr => {
            let mut out = String::with_capacity(text.len());
            for c in text.chars() {
                match c {
                    'i' => out.push('İ'),
                    c => out.extend(c.to_uppercase()),
                }
            }
            out
        }
    }
}

/// A case-insensitive matching key for one language: two words match when their keys are
/// equal. Turkish keeps `ı` and `i` apart ("ılık" ≠ "ilik").
pub fn fold(text: &str, lang: Lang) -> String {
    to_lower(text, lang)
}

/// A key that matches a word across the two languages and across ASCII-only spellings:
/// "İslamabad", "Islamabad" and "ıslamabad" agree, and so do "Türkiye" and "Turkiye",
/// "Çolakoğlu" and "Colakoglu". Used for names, never for display.
pub fn match_key(text: &str) -> String {
    to_lower(text, Lang::En).chars().filter_map(fold_letter).collect()
}

/// The first `n` characters of a word's [`match_key`], written into `out` (cleared first)
/// without lowercasing the whole word: the aligner asks for a stem of every word it reads.
pub fn match_key_prefix_into(word: &str, n: usize, out: &mut String) {
    out.clear();
    let mut count = 0;
    for c in word.chars() {
        // ASCII letters are most of any text, and their own key lowercased.
        if c.is_ascii() {
            if count == n {
                return;
            }
            out.push(c.to_ascii_lowercase());
            count += 1;
            continue;
        }
        let lowered = match c {
            'İ' => 'i'.to_lowercase(),
            c => c.to_lowercase(),
        };
        for folded in lowered.filter_map(fold_letter) {
            if count == n {
                return;
            }
            out.push(folded);
            count += 1;
        }
    }
}

/// How a lowercased letter appears in a match key: Turkish and circumflexed letters as their
/// ASCII base, the combining dot of a decomposed `İ` dropped.
fn fold_letter(c: char) -> Option<char> {
    Some(match c {
        'ı' | 'î' => 'i',
        'ç' => 'c',
        'ğ' => 'g',
        'ö' => 'o',
        'ş' => 's',
        'ü' | 'û' => 'u',
        'â' => 'a',
        COMBINING_DOT_ABOVE => return None,
        c => c,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_lowercase_of_dotless_and_dotted_capitals() {
        assert_eq!(to_lower("ISPARTA", Lang::Tr), "ısparta");
        assert_eq!(to_lower("İSTANBUL", Lang::Tr), "istanbul");
        assert_eq!(to_lower("ISPARTA", Lang::En), "isparta");
    }

    #[test]
    fn dotted_capital_never_leaves_a_combining_dot() {
        assert_eq!(to_lower("İSTANBUL", Lang::En), "istanbul");
        assert_eq!(to_lower("I\u{307}STANBUL", Lang::Tr), "istanbul");
        assert!(!to_lower("İzmir", Lang::En).contains('\u{307}'));
    }

    #[test]
    fn dot_above_after_other_marks_still_belongs_to_the_i() {
        // I + dot below + dot above: the dot above is the i's own dot (SpecialCasing After_I).
        assert_eq!(to_lower("I\u{323}\u{307}", Lang::Tr), "i\u{323}");
        // I + acute: no dot, so a Turkish dotless ı keeps its accent.
        assert_eq!(to_lower("I\u{301}", Lang::Tr), "ı\u{301}");
        // İ + another dot above: only the letter's own dot goes.
        assert_eq!(to_lower("İ\u{307}", Lang::Tr), "i\u{307}");
    }

    #[test]
    fn turkish_uppercase() {
        assert_eq!(to_upper("istanbul ılık", Lang::Tr), "İSTANBUL ILIK");
        assert_eq!(to_upper("istanbul", Lang::En), "ISTANBUL");
        assert_eq!(to_upper("straße", Lang::Tr), "STRASSE");
    }

    #[test]
    fn greek_final_sigma() {
        assert_eq!(to_lower("ΟΔΟΣ", Lang::Tr), "οδος");
    }

    #[test]
    fn match_key_joins_spellings() {
        assert_eq!(match_key("İslamabad"), match_key("Islamabad"));
        assert_eq!(match_key("Türkiye"), match_key("TURKIYE"));
        assert_eq!(match_key("Çolakoğlu"), "colakoglu");
    }

    #[test]
    fn match_key_prefix_is_the_start_of_the_match_key() {
        let mut out = String::new();
        for word in ["Hükümet", "İSLAMABAD", "ışık", "I\u{307}zmir", "Çolakoğlu", "government", "Ab", "ÂDET"] {
            match_key_prefix_into(word, 5, &mut out);
            assert_eq!(out, match_key(word).chars().take(5).collect::<String>(), "{word}");
        }
    }

    #[test]
    fn fold_keeps_turkish_i_apart() {
        assert_ne!(fold("ILIK", Lang::Tr), fold("İLİK", Lang::Tr));
        assert_eq!(fold("ILIK", Lang::Tr), fold("ılık", Lang::Tr));
    }
}
