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
        "“Quoted,” she said; (see p. 4) & 50% — ok?",
        "\u{200B}",
        " 17\n\n",
        "From The Perspective of Two States\n",
        "well-\n",
        "known",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// Every visible character, sorted, with the documented changes applied: ligatures expanded,
/// soft hyphens and zero-width characters gone, a detached `‘` before a suffix written `’`, and
/// hyphens left out (a repaired line break removes one).
fn visible(text: &str) -> Vec<char> {
    let expanded = text.replace('ﬁ', "fi");
    let mut v: Vec<char> = expanded
        .nfc()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '-' | '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
        })
        .map(|c| if c == '‘' { '’' } else { c })
        .collect();
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

    /// Rebuilding and normalising paragraphs loses no character: only hyphens of repaired
    /// breaks, white space and the documented cleanups go; boilerplate stays as paragraphs.
    #[test]
    fn rebuilding_paragraphs_loses_no_character(text in pdf_like()) {
        let paragraphs = rebuild(&text);
        let rebuilt: String = paragraphs.iter().map(|p| normalize(&p.text).into_owned()).collect::<Vec<_>>().join(" ");
        prop_assert_eq!(visible(&rebuilt), visible(&text));
        let hyphens = |t: &str| t.matches('-').count();
        let breaks = text.matches("-\n").count();
        prop_assert!(hyphens(&rebuilt) <= hyphens(&text) && hyphens(&rebuilt) + breaks >= hyphens(&text));
        for (i, p) in paragraphs.iter().enumerate() {
            prop_assert_eq!(p.index, i + 1);
            prop_assert!(p.first_line <= p.last_line);
        }
    }
}
