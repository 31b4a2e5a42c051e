//! Sentences inside an aligned pair: split each side into sentences and align them with the
//! same dynamic program as paragraphs, written to `sentences.csv`.
//!
//! Splitting starts from Unicode's sentence boundaries (UAX #29, `unicode-segmentation`) and
//! takes back the breaks it makes after abbreviations ("Dr.", "vb.", "vs.", "No.", "U.S.",
//! "e.g."), initials ("John F. Kennedy") and Turkish ordinals ("1. Dünya Savaşı").

use unicode_segmentation::UnicodeSegmentation;

use crate::align::{self, AlignConfig};
use crate::reflow::{Kind, Paragraph};

/// Abbreviations after which a full stop does not end a sentence, lowercased, with their dots.
const ABBREVIATIONS: &[&str] = &[
    // English
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "no.", "nos.", "vol.", "vols.", "pp.", "p.", "ch.",
    "fig.", "figs.", "ed.", "eds.", "cf.", "e.g.", "i.e.", "al.", "vs.", "approx.", "dept.", "gen.", "gov.", "capt.",
    "col.", "lt.", "sgt.", "rev.", "inc.", "ltd.", "co.", "corp.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
    "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "u.s.", "u.k.", "u.n.", "a.m.", "p.m.", "mt.", "v.", "sen.",
    "sens.", "rep.", "reps.", // Turkish
    "vb.", "vd.", "bkz.", "örn.", "yy.", "yrd.", "doç.", "av.", "s.", "sf.", "çev.", "haz.", "bşk.", "gen.", "alb.",
    "mah.", "cad.", "sok.", "hz.", "m.ö.", "m.s.", "t.c.", "a.ş.",
];

/// The sentences of a text, in order, trimmed; nothing is lost but the white space between them.
///
/// ```
/// use hizala::sentences::split;
/// assert_eq!(split("Dr. Ehud Ur warned. The U.S. Army agreed."), ["Dr. Ehud Ur warned.", "The U.S. Army agreed."]);
/// assert_eq!(split("1. Dünya Savaşı bitti vb. şeyler oldu. Sonra barış geldi."), ["1. Dünya Savaşı bitti vb. şeyler oldu.", "Sonra barış geldi."]);
/// ```
pub fn split(text: &str) -> Vec<&str> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for piece in text.split_sentence_bounds() {
        let (start, end) = (offset, offset + piece.len());
        offset = end;
        if piece.trim().is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if continues(&text[last.0..last.1]) => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    let mut sentences = Vec::new();
    for (s, e) in out {
        split_before_numbers(&text[s..e], &mut sentences);
    }
    sentences.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// A text's sentences as byte ranges of it, appended to `out`, by a quick scan of its words: a
/// sentence ends with a word ending in `.`, `!`, `?` or `…` (closing quotes and brackets aside)
/// when the next word starts with a capital, a digit or an opening quote, and not after an
/// abbreviation, an initial or an ordinal ([`split`]'s rules). Close to [`split`] and many times
/// faster: the aligner weighs the sentences of every candidate bead.
pub fn spans_into(text: &str, out: &mut Vec<(usize, usize)>) {
    let base = text.as_ptr() as usize;
    let mut words = text.split_whitespace().map(|w| (w.as_ptr() as usize - base, w)).peekable();
    let mut start = None;
    while let Some((at, word)) = words.next() {
        let begin = *start.get_or_insert(at);
        let core = word.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
        let opens =
            |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(«".contains(c));
        let last = match words.peek() {
            None => true,
            Some((_, next)) => {
                core.ends_with(['.', '!', '?', '…'])
                    && opens(next)
                    && !(core.ends_with('.') && continues(&text[begin..at + core.len()]))
            }
        };
        if last {
            out.push((begin, at + word.len()));
            start = None;
        }
    }
}

/// Unicode keeps "çalıştı. 1976 seçimleri…" together (a full stop, then a number, then a
/// lowercase word); a Turkish sentence often starts with a number, so break there unless the
/// full stop belongs to an abbreviation, an initial or an ordinal.
fn split_before_numbers<'a>(segment: &'a str, out: &mut Vec<&'a str>) {
    let mut start = 0;
    for (i, _) in segment.match_indices(". ") {
        let next = segment[i + 2..].chars().next();
        if next.is_some_and(|c| c.is_ascii_digit()) && !continues(&segment[start..=i]) {
            out.push(&segment[start..=i]);
            start = i + 2;
        }
    }
    out.push(&segment[start..]);
}

/// Abbreviations that stand before what they qualify, so never end a sentence: titles before
/// a name ("Dr.", "Sen.", "Yrd. Doç."), "v." in "Roe v. Wade", "No." before a number.
const NEVER_FINAL: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "mt.", "gen.", "gov.", "capt.", "col.", "lt.", "sgt.", "rev.", "sen.",
    "sens.", "rep.", "reps.", "v.", "vs.", "no.", "nos.", "vol.", "pp.", "fig.", "figs.", "cf.", "e.g.", "i.e.",
    "yrd.", "doç.", "bkz.", "örn.", "hz.",
];

/// Whether `text` ends with an abbreviation that never ends a sentence ("… Roe v."): a line
/// ending so goes on, whatever follows it.
pub fn ends_with_title(text: &str) -> bool {
    let last = text.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
    NEVER_FINAL.iter().any(|a| word.chars().flat_map(char::to_lowercase).eq(a.chars()))
}

/// Whether a segment's final full stop belongs to an abbreviation, an initial or an ordinal, so
/// the next segment continues its sentence.
fn continues(segment: &str) -> bool {
    let last = segment.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
    if !word.ends_with('.') {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let core = &word[..word.len() - 1];
    // "F." in "John F. Kennedy"; "1." or "12." as a Turkish ordinal or a list number.
    (core.chars().count() == 1 && core.chars().all(char::is_uppercase))
        || (!core.is_empty() && core.len() <= 2 && core.chars().all(|c| c.is_ascii_digit()))
}

/// One bead of aligned sentences, 0-based positions into each side's sentences. A sentence
/// with no counterpart is a bead with an empty other side and no score.
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceBead {
    pub tr: Vec<usize>,
    pub en: Vec<usize>,
    pub score: Option<f64>,
}

impl SentenceBead {
    pub fn shape(&self) -> String {
        format!("{}-{}", self.tr.len(), self.en.len())
    }
}

/// The settings for sentences of a pair already known to be a translation: pairing is the
/// expectation, so a bead needs little evidence, and every cell is looked at.
fn sentence_config(length_ratio: f64) -> AlignConfig {
    AlignConfig {
        length_ratio,
        measure_ratio: false,
        // Sentences have few anchors each: a merge is not suspect for lacking them.
        stray_penalty: 0.0,
        // A sentence is the unit: nothing below it to look at.
        sentence_skip: 0.0,
        // A pair's sentences are all translated: no gaps to bridge.
        near_continuation: 0.0,
        pair_prior: 2.0,
        // Translators join and split sentences more often than paragraphs: a two-sentence side
        // costs less than between paragraphs.
        merge_penalty: 0.75,
        continuation_bonus: 0.5,
        min_score: 0.0,
        min_side_chars: 0,
        full_grid_cells: usize::MAX,
        ..AlignConfig::default()
    }
}

/// Splits both sides of an aligned pair into sentences and aligns them. Every sentence is in
/// exactly one bead, in order. `pair_score` is the paragraph pair's own score: a pair of one
/// sentence on each side is that bead, with that score.
pub fn align_pair<'a>(tr: &'a str, en: &'a str, pair_score: f64) -> (Vec<&'a str>, Vec<&'a str>, Vec<SentenceBead>) {
    let (ts, es) = (split(tr), split(en));
    if ts.len() == 1 && es.len() == 1 {
        return (ts, es, vec![SentenceBead { tr: vec![0], en: vec![0], score: Some(pair_score) }]);
    }
    // The pair's own length ratio, not a corpus-wide one: sentences share their translator.
    let chars = |s: &str| s.chars().count().max(1) as f64;
    let ratio = (chars(en) / chars(tr)).clamp(0.5, 2.0);
    let as_paragraphs = |side: &[&str]| -> Vec<Paragraph> {
        side.iter()
            .enumerate()
            .map(|(k, s)| Paragraph {
                index: k + 1,
                kind: Kind::Body,
                first_line: 1,
                last_line: 1,
                text: s.to_string(),
                soft_breaks: Vec::new(),
            })
            .collect()
    };
    let (tp, ep) = (as_paragraphs(&ts), as_paragraphs(&es));
    let beads = align::align(&tp.iter().collect::<Vec<_>>(), &ep.iter().collect::<Vec<_>>(), &sentence_config(ratio));
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for bead in beads {
        let (ti, ej) = (bead.tr[0] - 1, bead.en[0] - 1);
        out.extend((i..ti).map(|k| SentenceBead { tr: vec![k], en: Vec::new(), score: None }));
        out.extend((j..ej).map(|k| SentenceBead { tr: Vec::new(), en: vec![k], score: None }));
        i = bead.tr.last().copied().unwrap_or(ti + 1);
        j = bead.en.last().copied().unwrap_or(ej + 1);
        out.push(SentenceBead {
            tr: bead.tr.iter().map(|n| n - 1).collect(),
            en: bead.en.iter().map(|n| n - 1).collect(),
            score: Some(bead.score),
        });
    }
    out.extend((i..ts.len()).map(|k| SentenceBead { tr: vec![k], en: Vec::new(), score: None }));
    out.extend((j..es.len()).map(|k| SentenceBead { tr: Vec::new(), en: vec![k], score: None }));
    (ts, es, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_initials_and_ordinals_do_not_end_sentences() {
        assert_eq!(
            split("Throughout 1960s, Brzezinski worked for John F. Kennedy as his advisor. He left in 1969."),
            ["Throughout 1960s, Brzezinski worked for John F. Kennedy as his advisor.", "He left in 1969."]
        );
        assert_eq!(
            split("Lyndon B. Johnson yönetiminde çalıştı. 1976 seçimleri sırasında danışmanlık yaptı."),
            ["Lyndon B. Johnson yönetiminde çalıştı.", "1976 seçimleri sırasında danışmanlık yaptı."]
        );
        assert_eq!(
            split("Prof. Dr. Ayşe Yılmaz (bkz. s. 12) geldi. Toplantı başladı."),
            ["Prof. Dr. Ayşe Yılmaz (bkz. s. 12) geldi.", "Toplantı başladı."]
        );
        assert_eq!(
            split("Dr. Ehud Ur, e.g. in Halifax, warned. “It is early,” he said!"),
            ["Dr. Ehud Ur, e.g. in Halifax, warned.", "“It is early,” he said!"]
        );
    }

    #[test]
    fn quick_lengths_follow_the_sentences() {
        let text = "Dr. Ehud Ur, e.g. in Halifax, warned. “It is early,” he said! 1. Dünya Savaşı bitti vb. \
                    şeyler oldu. 1976 seçimleri geldi… Sonra? barış geldi.";
        let lengths_of = |text: &str| -> Vec<f64> {
            let mut spans = Vec::new();
            spans_into(text, &mut spans);
            spans.iter().map(|&(s, e)| text[s..e].chars().count() as f64).collect()
        };
        let lengths = lengths_of(text);
        let expected: Vec<f64> = [
            "Dr. Ehud Ur, e.g. in Halifax, warned.",
            "“It is early,” he said!",
            "1. Dünya Savaşı bitti vb. şeyler oldu.",
            "1976 seçimleri geldi…",
            "Sonra? barış geldi.",
        ]
        .iter()
        .map(|s| s.chars().count() as f64)
        .collect();
        assert_eq!(lengths, expected);
        assert!(lengths_of("  ").is_empty());
    }

    #[test]
    fn nothing_but_white_space_is_lost() {
        let text = "Bir.  İki? Üç!\nDört… Beş";
        let joined: String = split(text).concat();
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squeeze(&joined), squeeze(text));
    }

    #[test]
    fn sentences_of_a_translated_pair_align_one_to_one_and_merged() {
        let tr = "Pakistan ve Türkiye, Pakistan’ın 1947’deki bağımsızlığından bu yana bir ittifakla övünüyor. \
                  NATO ve CENTO anlaşmaları onları yakınlaştırdı ve 1955’te Bağdat Paktı imzalandı. \
                  Sonuç olarak ilişkiler güçlendi.";
        let en = "Pakistan and Türkiye have boasted of an alliance since Pakistan’s independence in 1947. \
                  NATO and CENTO agreements brought them closer. The Baghdad Pact was signed in 1955. \
                  As a result, relations grew stronger.";
        let (ts, es, beads) = align_pair(tr, en, 0.9);
        assert_eq!((ts.len(), es.len()), (3, 4));
        let shapes: Vec<(Vec<usize>, Vec<usize>)> = beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect();
        assert_eq!(shapes, vec![(vec![0], vec![0]), (vec![1], vec![1, 2]), (vec![2], vec![3])]);
    }
}
