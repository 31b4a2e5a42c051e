//! Stage 4: the language of every paragraph — Turkish, English, or undetermined.
//!
//! `whatlang` is restricted to English and Turkish (left free, it answers Azerbaijani for
//! short Turkish text), and its answer is combined with a letter only Turkish has: `ğ ı ş İ
//! Ş Ğ`, and the mis-decoded Windows-1254 forms `ý þ ð Ý Þ Ð` that old Turkish files still
//! carry. Their *share* of the letters counts, not their presence: an English paragraph that
//! cites Çolakoğlu stays English. What has no language of its own (page numbers, numbers
//! alone, running headers, fragments too short to call) is `und`.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use crate::reflow::{Kind, Paragraph};

/// A language label as written to `paragraphs.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Tr,
    En,
    Und,
}

impl Label {
    pub const ALL: [Label; 3] = [Label::Tr, Label::En, Label::Und];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Tr => "tr",
            Label::En => "en",
            Label::Und => "und",
        }
    }
}

impl From<crate::casing::Lang> for Label {
    fn from(lang: crate::casing::Lang) -> Label {
        match lang {
            crate::casing::Lang::Tr => Label::Tr,
            crate::casing::Lang::En => Label::En,
        }
    }
}

/// A label and how sure we are of it, in [0, 1]. `und` carries confidence 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detected {
    pub lang: Label,
    pub confidence: f64,
}

impl Detected {
    pub const UND: Detected = Detected { lang: Label::Und, confidence: 0.0 };
}

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| Detector::with_allowlist(vec![Lang::Eng, Lang::Tur]));

/// Detects the language of a paragraph; running headers and page numbers are `und`, and a
/// known section name is labelled by the language it belongs to: "Öz" and "Abstract" are
/// too short for any statistical detector.
pub fn detect_paragraph(p: &Paragraph) -> Detected {
    match p.kind {
        Kind::Boilerplate => Detected::UND,
        Kind::Heading => match crate::reflow::heading_language(&p.text) {
            Some(lang) => Detected { lang: lang.into(), confidence: 0.95 },
            None => detect(&p.text),
        },
        _ => detect(&p.text),
    }
}

/// Detects the language of a text.
pub fn detect(text: &str) -> Detected {
    let mut letters = 0usize;
    let mut turkish_only = 0usize;
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if matches!(c, 'ğ' | 'ı' | 'ş' | 'İ' | 'Ş' | 'Ğ' | 'ý' | 'þ' | 'ð' | 'Ý' | 'Þ' | 'Ð') {
                turkish_only += 1;
            }
        }
    }
    let words = text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    if letters < 3 || (words < 2 && turkish_only == 0 && letters < 8) {
        return Detected::UND;
    }
    // In running Turkish about 4% of letters are ğ, ı or ş; an English sentence with one
    // Turkish name has well under 1%.
    let share = turkish_only as f64 / letters as f64;
    if share >= 0.02 && turkish_only >= 2 {
        return Detected { lang: Label::Tr, confidence: (0.8 + share * 5.0).min(1.0) };
    }
    match DETECTOR.detect(text) {
        Some(info) => {
            let lang = if info.lang() == Lang::Tur { Label::Tr } else { Label::En };
            Detected { lang, confidence: info.confidence().clamp(0.0, 1.0) }
        }
        None => Detected::UND,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_and_english_sentences() {
        assert_eq!(
            detect("Bu çalışma, Pakistan ve Türkiye’nin ortak savunma sanayii iş birliklerini inceler.").lang,
            Label::Tr
        );
        assert_eq!(
            detect("This study focuses on analysing the cooperation between Türkiye and Pakistan.").lang,
            Label::En
        );
    }

    #[test]
    fn english_citing_a_turkish_name_stays_english() {
        let text = "Selcuk Çolakoğlu, Turkey-Pakistan Security Relations Since 1950s, Middle East Institute, November 25, 2013.";
        assert_eq!(detect(text).lang, Label::En);
    }

    #[test]
    fn numbers_and_fragments_are_undetermined() {
        assert_eq!(detect("180").lang, Label::Und);
        assert_eq!(detect("12.03.2020").lang, Label::Und);
        assert_eq!(detect("").lang, Label::Und);
    }

    #[test]
    fn misdecoded_windows_1254_is_still_turkish() {
        assert_eq!(detect("Türkiye ile Pakistan arasýndaki iliþkiler daðlýk bölgelerde").lang, Label::Tr);
    }

    #[test]
    fn known_section_names_carry_their_language() {
        let heading = |text: &str| Paragraph {
            index: 1,
            kind: Kind::Heading,
            first_line: 1,
            last_line: 1,
            text: text.to_string(),
        };
        assert_eq!(detect_paragraph(&heading("Öz")).lang, Label::Tr);
        assert_eq!(detect_paragraph(&heading("Genişletilmiş Özet")).lang, Label::Tr);
        assert_eq!(detect_paragraph(&heading("Abstract")).lang, Label::En);
        assert_eq!(detect_paragraph(&heading("CONCLUSION")).lang, Label::En);
        assert_eq!(detect_paragraph(&heading("1. Introduction")).lang, Label::En);
    }

    #[test]
    fn confidence_is_a_probability() {
        for text in ["Genişletilmiş Özet", "CONCLUSION", "system motor final", "Ankara"] {
            let d = detect(text);
            assert!((0.0..=1.0).contains(&d.confidence), "{text}: {d:?}");
        }
    }
}
