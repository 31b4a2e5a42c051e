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

/// Paragraphs of Turkish and English sentences wrapped at one width with no blank line between
/// them, as some extractions deliver text: every paragraph end shows only by where its last
/// line stops, or not at all.
fn unseparated() -> impl Strategy<Value = String> {
    let sentence = prop::sample::select(vec![
        "Pakistan ve Türkiye arasındaki ilişkiler normal siyasetten kaynaklanmamaktadır.",
        "İki ülke 1955'te Bağdat Paktı'nı imzaladı.",
        "The two countries signed the Baghdad Pact in 1955.",
        "Relations between Pakistan and Türkiye do not stem from ordinary politics.",
        "Savunma sanayii iş birliği son yirmi yılda hızla büyüdü.",
        "Defence industry cooperation grew quickly over the last twenty years.",
        "Hayır.",
        "Oh, no.",
    ]);
    let paragraph = prop::collection::vec(sentence, 1..5).prop_map(|v| v.join(" "));
    (prop::collection::vec(paragraph, 2..12), 30usize..90).prop_map(|(paragraphs, width)| {
        let mut lines: Vec<String> = Vec::new();
        for p in paragraphs {
            let mut line = String::new();
            for word in p.split_whitespace() {
                if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                    lines.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            lines.push(line);
        }
        lines.join("\n") + "\n"
    })
}

proptest! {
    /// Soft breaks lie inside their paragraph, and splitting paragraphs there for the aligner
    /// loses no character and keeps the numbering and the labels in step.
    #[test]
    fn splitting_at_soft_breaks_loses_nothing(text in unseparated()) {
        for p in rebuild(&text) {
            let words = p.text.split_whitespace().count();
            for &(before, line) in &p.soft_breaks {
                prop_assert!(before > 0 && before < words, "{:?}", p);
                prop_assert!(line > p.first_line && line <= p.last_line, "{:?}", p);
            }
        }
        let mut times = hizala::pipeline::StageTimes::default();
        let (mut paragraphs, mut labels) = hizala::pipeline::analyse(&text, &mut times);
        let before: String = paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ");
        let cfg = hizala::align::AlignConfig { min_side_chars: 0, ..hizala::align::AlignConfig::default() };
        hizala::align::split_and_align_document(&mut paragraphs, &mut labels, &cfg);
        let after: String = paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ");
        prop_assert_eq!(after, before);
        prop_assert_eq!(labels.len(), paragraphs.len());
        for (i, p) in paragraphs.iter().enumerate() {
            prop_assert_eq!(p.index, i + 1);
            prop_assert!(p.first_line <= p.last_line);
        }
    }

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
