//! Stage 3: make paragraph text comparable without changing what it says.
//!
//! PDF extraction leaves soft hyphens, zero-width characters, ligatures (`ﬁ`), no-break and
//! other odd spaces, decomposed letters (`I` + U+0307 for `İ`) and apostrophes detached from
//! the word they belong to (`Türkiye ‘s`). [`normalize`] removes exactly these and then applies
//! Unicode NFC. It does not apply NFKC: that would also turn the footnote marker in `1951.⁴`
//! into `1951.4` and change the source's quotes.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalises one paragraph: cleanup, white space collapsed to single spaces and trimmed, NFC.
/// Idempotent: `normalize(&normalize(x)) == normalize(x)`.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if is_clean(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        match c {
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c if is_space(c) => pending_space = !out.is_empty(),
            c => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                match ligature(c) {
                    Some(expansion) => out.push_str(expansion),
                    None => out.push(c),
                }
            }
        }
    }
    let out = attach_apostrophes(&out);
    let out = match is_nfc_quick(out.chars()) {
        IsNormalized::Yes => out,
        _ => out.nfc().collect(),
    };
    Cow::Owned(out)
}

/// True when [`normalize`] would return the text unchanged: the fast path for the common case
/// of clean ASCII or NFC Turkish with single spaces.
fn is_clean(text: &str) -> bool {
    if text.starts_with(' ') || text.ends_with(' ') {
        return false;
    }
    let mut previous_space = false;
    for c in text.chars() {
        // A space before an apostrophe may be a detached suffix (`Türkiye ‘s`).
        if previous_space && is_apostrophe(c) {
            return false;
        }
        if c == ' ' {
            if previous_space {
                return false;
            }
            previous_space = true;
            continue;
        }
        previous_space = false;
        if c.is_ascii() {
            if c.is_ascii_control() {
                return false;
            }
            continue;
        }
        if is_space(c) || ligature(c).is_some() {
            return false;
        }
        if matches!(c, '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}') {
            return false;
        }
    }
    matches!(is_nfc_quick(text.chars()), IsNormalized::Yes)
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
}

/// Latin ligatures PDF fonts emit (U+FB00–U+FB06), spelled out.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// `Türkiye ‘s` → `Türkiye’s`, `Musharraf ’s` → `Musharraf’s`, `Pakistan ’ın` → `Pakistan’ın`:
/// a space before an apostrophe that is followed by the English possessive `s` or a Turkish
/// case suffix is a PDF artefact. Any other word after a quote mark is a quotation
/// (`to ‘feel the heat’`, `said 'yes'`) and is left alone.
fn attach_apostrophes(text: &str) -> String {
    if !text.contains(" ‘") && !text.contains(" ’") && !text.contains(" '") {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' && i > 0 && chars[i - 1].is_alphanumeric() && i + 1 < chars.len() && is_apostrophe(chars[i + 1]) {
            let start = i + 2;
            let mut end = start;
            while end < chars.len() && chars[end].is_alphabetic() && chars[end].is_lowercase() {
                end += 1;
            }
            let suffix: String = chars[start..end].iter().collect();
            let ends_word = end == chars.len() || !chars[end].is_alphanumeric() && !is_apostrophe(chars[end]);
            if ends_word && (suffix == "s" || TURKISH_SUFFIXES.contains(&suffix.as_str())) {
                // The typographic apostrophe is what the rest of the text uses; keep ASCII `'`.
                out.push(if chars[i + 1] == '\'' { '\'' } else { '’' });
                i += 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Case and possessive endings written after an apostrophe on Turkish proper names and numbers.
const TURKISH_SUFFIXES: &[&str] = &[
    "a", "e", "ya", "ye", "na", "ne", "ı", "i", "u", "ü", "yı", "yi", "yu", "yü", "nı", "ni", "nu", "nü", "da", "de",
    "ta", "te", "nda", "nde", "dan", "den", "tan", "ten", "ndan", "nden", "ın", "in", "un", "ün", "nın", "nin", "nun",
    "nün", "la", "le", "yla", "yle", "daki", "deki", "taki", "teki", "ndaki", "ndeki", "lar", "ler", "lı", "li", "lu",
    "lü", "dır", "dir", "tır", "tir", "ki",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(normalize("Türkiye ve Pakistan’ın ilişkileri."), Cow::Borrowed(_)));
    }

    #[test]
    fn soft_hyphen_inside_turkish_word() {
        assert_eq!(normalize("ara\u{AD}sındaki"), "arasındaki");
    }

    #[test]
    fn ligatures_and_odd_spaces() {
        assert_eq!(normalize("e\u{FB00}ective  \u{A0}de\u{FB01}ned\u{202F}here\t"), "effective defined here");
    }

    #[test]
    fn decomposed_dotted_capital_i_becomes_nfc() {
        assert_eq!(normalize("I\u{307}stanbul"), "İstanbul");
    }

    #[test]
    fn footnote_markers_are_kept() {
        assert_eq!(normalize("Agreement in 1951.⁴ Türkiye"), "Agreement in 1951.⁴ Türkiye");
    }

    #[test]
    fn detached_apostrophes_are_reattached() {
        assert_eq!(normalize("Türkiye ‘s position"), "Türkiye’s position");
        assert_eq!(normalize("Musharraf ’s era"), "Musharraf’s era");
        assert_eq!(normalize("Pakistan ’ın ve Türkiye ’nin"), "Pakistan’ın ve Türkiye’nin");
        assert_eq!(normalize("he said ‘yes’ twice"), "he said ‘yes’ twice");
        assert_eq!(normalize("had to 'feel the heat' from"), "had to 'feel the heat' from");
    }

    #[test]
    fn zero_width_characters_are_removed() {
        assert_eq!(normalize("İs\u{200B}tan\u{FEFF}bul"), "İstanbul");
    }
}
