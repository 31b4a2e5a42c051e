//! Invariants that must hold for any input, checked with proptest.

use hizala::normalize::normalize;
use hizala::reflow::rebuild;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Text shaped like PDF extraction: Turkish and English letters, spaces of several kinds,
/// line breaks, hyphens at line ends, soft hyphens, ligatures, decomposed dotted I, quotes.
fn pdf_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Türkiye",
        "arasın-\n",
        "daki",
        "İstanbul",
        "ISPARTA",
        "ılık",
        " ",
        "  ",
        "\n",
        "\n\n",
        " \n",
        ".",
        ", ",
        "ara\u{AD}sında",
        "ﬁnal",
        "I\u{307}zmir",
        "\u{A0}",
        "’nin",
        " ‘s",
        "1951.⁴",
        "counter-\n",
        "terrorism",
        "180 SDE AKADEMİ DERGİSİ\n",
        "12\n",
        "Abstract\n",
        "1.\tTrade: ",
        "Pakistan",
        "ğüşöç",
        "\t",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn letters(text: &str) -> Vec<char> {
    let expanded = text.replace('ﬁ', "fi");
    let mut v: Vec<char> = expanded.nfc().filter(|c| c.is_alphanumeric()).collect();
    v.sort_unstable();
    v
}

proptest! {
    #[test]
    fn normalizing_twice_changes_nothing(text in pdf_like()) {
        let once = normalize(&text).into_owned();
        prop_assert_eq!(normalize(&once).into_owned(), once);
    }

    #[test]
    fn normalized_text_is_nfc_with_single_spaces(text in pdf_like()) {
        let out = normalize(&text).into_owned();
        prop_assert!(unicode_normalization::is_nfc(&out));
        let soft_hyphen = '\u{AD}';
        prop_assert!(!out.contains("  ") && !out.contains('\n') && !out.contains(soft_hyphen), "{:?}", out);
        prop_assert_eq!(out.trim(), out.as_str());
    }

    /// Rebuilding paragraphs loses no letter or digit: only hyphens of repaired breaks,
    /// white space and the documented cleanups go.
    #[test]
    fn rebuilding_paragraphs_loses_no_letter(text in pdf_like()) {
        let paragraphs = rebuild(&text);
        let rebuilt: String = paragraphs.iter().map(|p| normalize(&p.text).into_owned()).collect::<Vec<_>>().join(" ");
        prop_assert_eq!(letters(&rebuilt), letters(&text));
        for (i, p) in paragraphs.iter().enumerate() {
            prop_assert_eq!(p.index, i + 1);
            prop_assert!(p.first_line <= p.last_line);
        }
    }
}
