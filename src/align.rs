//! Stage 5: pair Turkish paragraphs with the English paragraphs they translate.
//!
//! The aligner is a dynamic program over two sequences of paragraphs with beads 1-1, 1-2 and
//! 2-1, and free 1-0 and 0-1 skips: in a paper the Turkish *Genişletilmiş Özet* translates only
//! the start of the English body, so most English paragraphs have no counterpart and must cost
//! nothing to leave out. A bead is worth its log-likelihood ratio (match vs. chance), so the
//! program only pairs paragraphs when the evidence is positive, and the bead's score is that
//! ratio through a logistic: 0.5 means "as likely a match as not".
//!
//! The evidence is
//! - length, Gale–Church style: English runs about 0.95 characters per Turkish character
//!   (measured on FLORES-200 and NTREX-128), with a variance that grows with length;
//! - anchors that survive translation: numbers, capitalised names and acronyms folded with
//!   [`match_key`] and stripped of Turkish suffixes after an apostrophe (`Pakistan’ın` →
//!   `pakistan`), and a small glossary for names that change form (`Hindistan` → `india`,
//!   `Eylül` → `september`). Anchors are weighted by rarity in the document, so `Pakistan` in
//!   every paragraph proves little, and compared as a weighted Dice overlap, so one shared
//!   number cannot decide a pair on its own.

use std::collections::{HashMap, HashSet};

use crate::casing::match_key;
use crate::detect::{Detected, Label};
use crate::reflow::{Kind, Paragraph};

/// Tunable constants of the aligner; `Default` holds the measured values.
#[derive(Clone, Debug)]
pub struct AlignConfig {
    /// English characters per Turkish character.
    pub length_ratio: f64,
    /// Variance of the length difference per character (Gale–Church's s²).
    pub length_variance: f64,
    /// Weight of the anchor overlap in the log-likelihood ratio.
    pub anchor_weight: f64,
    /// Anchor overlap expected between unrelated paragraphs of one document.
    pub anchor_baseline: f64,
    /// Log prior odds of any bead: the evidence a pair needs before it is claimed.
    pub pair_prior: f64,
    /// Further log prior of a 1-2 or 2-1 bead relative to 1-1.
    pub merge_penalty: f64,
    /// Log-odds added to a bead that directly follows another bead (no skip between).
    pub continuation_bonus: f64,
    /// Beads scoring below this are not reported as pairs.
    pub min_score: f64,
    /// A side needs at least this many characters of body text to be aligned at all.
    pub min_side_chars: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            length_ratio: 0.95,
            length_variance: 4.0,
            anchor_weight: 8.0,
            anchor_baseline: 0.15,
            pair_prior: -1.0,
            merge_penalty: 1.0,
            continuation_bonus: 1.5,
            min_score: 0.5,
            min_side_chars: 200,
        }
    }
}

/// One aligned bead: paragraph numbers on each side (1-based, as in `paragraphs.csv`).
#[derive(Clone, Debug, PartialEq)]
pub struct Bead {
    pub tr: Vec<usize>,
    pub en: Vec<usize>,
    /// In [0, 1]; 0.5 is the point where a match and chance are equally likely.
    pub score: f64,
}

impl Bead {
    /// "1-1", "1-2", "2-1".
    pub fn shape(&self) -> String {
        format!("{}-{}", self.tr.len(), self.en.len())
    }
}

/// Paragraphs worth aligning: running text, not headings, footnotes or boilerplate.
pub fn alignable(p: &Paragraph) -> bool {
    matches!(p.kind, Kind::Body | Kind::ListItem)
}

/// Aligns the Turkish and English paragraphs of one mixed-language document. A document with
/// too little text in either language (an English article quoting a Turkish title) yields no
/// beads.
pub fn align_document(paragraphs: &[Paragraph], labels: &[Detected], cfg: &AlignConfig) -> Vec<Bead> {
    align(&pick(paragraphs, labels, Label::Tr), &pick(paragraphs, labels, Label::En), cfg)
}

/// The alignable paragraphs of one language, in reading order.
pub fn pick<'a>(paragraphs: &'a [Paragraph], labels: &[Detected], lang: Label) -> Vec<&'a Paragraph> {
    paragraphs.iter().zip(labels).filter(|(p, d)| alignable(p) && d.lang == lang).map(|(p, _)| p).collect()
}

/// Aligns Turkish paragraphs with English paragraphs, both in reading order.
///
/// Translators differ in how much they expand or compress, so the length ratio is measured
/// on the document itself: a first pass with the default ratio finds confident 1-1 pairs, their
/// ratio (shrunk towards the default when there are few) drives a second pass.
pub fn align(tr: &[&Paragraph], en: &[&Paragraph], cfg: &AlignConfig) -> Vec<Bead> {
    let chars = |side: &[&Paragraph]| side.iter().map(|p| p.text.chars().count()).sum::<usize>();
    if tr.is_empty() || en.is_empty() || chars(tr) < cfg.min_side_chars || chars(en) < cfg.min_side_chars {
        return Vec::new();
    }
    let features = Features::new(tr, en);
    let first = align_pass(tr, en, &features, cfg);
    let confident: Vec<&Bead> = first.iter().filter(|b| b.score >= 0.8 && b.tr.len() == 1 && b.en.len() == 1).collect();
    if confident.len() < 2 {
        return first;
    }
    let length_of = |side: &[&Paragraph], n: usize| -> f64 {
        side.iter().find(|p| p.index == n).map_or(0.0, |p| p.text.chars().count() as f64)
    };
    let lt: f64 = confident.iter().map(|b| length_of(tr, b.tr[0])).sum();
    let le: f64 = confident.iter().map(|b| length_of(en, b.en[0])).sum();
    let k = confident.len() as f64;
    let measured = (le / lt).clamp(0.75, 1.35);
    let ratio = (measured * k + cfg.length_ratio * 2.0) / (k + 2.0);
    let tuned = AlignConfig { length_ratio: ratio, ..cfg.clone() };
    align_pass(tr, en, &features, &tuned)
}

fn align_pass(tr: &[&Paragraph], en: &[&Paragraph], features: &Features, cfg: &AlignConfig) -> Vec<Bead> {
    let (n, m) = (tr.len(), en.len());
    let width = m + 1;
    // Two states per cell (i Turkish and j English paragraphs consumed): the best total whose
    // last step was a bead ending here, and the best whose last step was a skip. A bead that
    // directly follows another earns the continuation bonus: translations come in runs.
    let mut after_bead = vec![f64::NEG_INFINITY; (n + 1) * width];
    let mut after_skip = vec![f64::NEG_INFINITY; (n + 1) * width];
    // Back pointers: for beads (Turkish count, English count, came from a bead); for skips
    // (skipped a Turkish paragraph, came from a bead).
    let mut bead_back = vec![(0u8, 0u8, false); (n + 1) * width];
    let mut skip_back = vec![(false, false); (n + 1) * width];
    after_skip[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = i * width + j;
            if here == 0 {
                continue;
            }
            let mut best = f64::NEG_INFINITY;
            let mut from = (false, false);
            let up = i.checked_sub(1).map(|i| (true, i * width + j));
            let left = j.checked_sub(1).map(|j| (false, i * width + j));
            for (skip_tr, prev) in up.into_iter().chain(left) {
                for (was_bead, value) in [(true, after_bead[prev]), (false, after_skip[prev])] {
                    if value > best {
                        best = value;
                        from = (skip_tr, was_bead);
                    }
                }
            }
            after_skip[here] = best;
            skip_back[here] = from;

            let mut best = f64::NEG_INFINITY;
            let mut from = (0u8, 0u8, false);
            for (di, dj) in [(1usize, 1usize), (1, 2), (2, 1)] {
                if i < di || j < dj {
                    continue;
                }
                let prev = (i - di) * width + j - dj;
                let llr = features.llr(i - di..i, j - dj..j, cfg);
                for (was_bead, value) in [(true, after_bead[prev] + cfg.continuation_bonus), (false, after_skip[prev])]
                {
                    if value + llr > best {
                        best = value + llr;
                        from = (di as u8, dj as u8, was_bead);
                    }
                }
            }
            after_bead[here] = best;
            bead_back[here] = from;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    let mut in_bead = after_bead[n * width + m] > after_skip[n * width + m];
    while i > 0 || j > 0 {
        let here = i * width + j;
        if in_bead {
            let (di, dj, was_bead) = bead_back[here];
            let (di, dj) = (di as usize, dj as usize);
            let bonus = if was_bead { cfg.continuation_bonus } else { 0.0 };
            let score = logistic(features.llr(i - di..i, j - dj..j, cfg) + bonus);
            if score >= cfg.min_score {
                beads.push(Bead {
                    tr: tr[i - di..i].iter().map(|p| p.index).collect(),
                    en: en[j - dj..j].iter().map(|p| p.index).collect(),
                    score,
                });
            }
            i -= di;
            j -= dj;
            in_bead = was_bead;
        } else {
            let (skip_tr, was_bead) = skip_back[here];
            if skip_tr {
                i -= 1;
            } else {
                j -= 1;
            }
            in_bead = was_bead;
        }
    }
    beads.reverse();
    beads
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Per-paragraph lengths and anchors, and the document-wide anchor weights.
struct Features {
    tr_len: Vec<f64>,
    en_len: Vec<f64>,
    tr_anchors: Vec<Vec<u32>>,
    en_anchors: Vec<Vec<u32>>,
    weights: Vec<f64>,
}

impl Features {
    fn new(tr: &[&Paragraph], en: &[&Paragraph]) -> Features {
        let lowercase: HashSet<String> = tr
            .iter()
            .chain(en)
            .flat_map(|p| p.text.split_whitespace())
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(|w| match_key(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .collect();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut is_number: Vec<bool> = Vec::new();
        let mut intern = |key: String, number: bool| -> u32 {
            let next = ids.len() as u32;
            *ids.entry(key).or_insert_with(|| {
                is_number.push(number);
                next
            })
        };
        let mut side = |paras: &[&Paragraph], turkish: bool| -> Vec<Vec<u32>> {
            paras
                .iter()
                .map(|p| {
                    let mut v: Vec<u32> = anchors(&p.text, &lowercase)
                        .into_iter()
                        .chain(concepts(&p.text, turkish).into_iter().map(|k| (k, false)))
                        .map(|(k, number)| intern(k, number))
                        .collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                })
                .collect()
        };
        let tr_anchors = side(tr, true);
        let en_anchors = side(en, false);
        let mut df_tr = vec![0u32; is_number.len()];
        let mut df_en = vec![0u32; is_number.len()];
        for a in tr_anchors.iter().flatten() {
            df_tr[*a as usize] += 1;
        }
        for a in en_anchors.iter().flatten() {
            df_en[*a as usize] += 1;
        }
        let weights = (0..is_number.len())
            .map(|k| {
                let share = (df_tr[k] as f64 / tr.len() as f64).max(df_en[k] as f64 / en.len() as f64);
                let w = (-share.ln()).clamp(0.1, 4.0);
                // A number is good evidence, but never enough on its own.
                if is_number[k] { w.min(2.0) } else { w }
            })
            .collect();
        let len = |side: &[&Paragraph]| side.iter().map(|p| p.text.chars().count() as f64).collect();
        Features { tr_len: len(tr), en_len: len(en), tr_anchors, en_anchors, weights }
    }

    fn llr(&self, tr: std::ops::Range<usize>, en: std::ops::Range<usize>, cfg: &AlignConfig) -> f64 {
        let lt: f64 = self.tr_len[tr.clone()].iter().sum();
        let le: f64 = self.en_len[en.clone()].iter().sum();
        let length = length_llr(lt, le, cfg);
        let anchors = self.anchor_llr(&tr, &en, cfg);
        let prior = if tr.len() == 1 && en.len() == 1 { 0.0 } else { -cfg.merge_penalty };
        let prior = prior + cfg.pair_prior;
        length + anchors + prior
    }

    fn anchor_llr(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>, cfg: &AlignConfig) -> f64 {
        let a = union(&self.tr_anchors[tr.clone()]);
        let b = union(&self.en_anchors[en.clone()]);
        let mass_a: f64 = a.iter().map(|&k| self.weights[k as usize]).sum();
        let mass_b: f64 = b.iter().map(|&k| self.weights[k as usize]).sum();
        let total = mass_a + mass_b;
        if total == 0.0 {
            return 0.0;
        }
        let shared: f64 = intersect(&a, &b).map(|k| self.weights[k as usize]).sum();
        let dice = 2.0 * shared / total;
        // Few anchors are weak evidence either way.
        let confidence = (total / 8.0).min(1.0);
        cfg.anchor_weight * (dice - cfg.anchor_baseline) * confidence
    }
}

/// The sorted anchor set of several paragraphs. Most beads are 1-1: then the paragraph's own
/// sorted list is borrowed instead of building a union.
fn union(lists: &[Vec<u32>]) -> std::borrow::Cow<'_, [u32]> {
    if let [single] = lists {
        return std::borrow::Cow::Borrowed(single.as_slice());
    }
    let mut v: Vec<u32> = lists.iter().flatten().copied().collect();
    v.sort_unstable();
    v.dedup();
    std::borrow::Cow::Owned(v)
}

fn intersect<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}

/// Gale–Church: how much likelier the two lengths are for a translation pair than for two
/// unrelated paragraphs of similar size, as a log ratio. For a translation the normalised
/// difference δ is standard normal; for unrelated paragraphs it spreads with the length
/// (lengths of unrelated paragraphs differ by about half), so agreeing lengths of long
/// paragraphs are strong evidence and those of two short headings are none.
fn length_llr(lt: f64, le: f64, cfg: &AlignConfig) -> f64 {
    let mean = (lt + le / cfg.length_ratio) / 2.0;
    if mean == 0.0 {
        return 0.0;
    }
    let sd = (cfg.length_variance * mean).sqrt();
    let delta = (le - lt * cfg.length_ratio) / sd;
    let random_sd = (0.5 * mean / sd).max(1.0);
    // A tenth of real pairs are looser than Gale–Church's normal (a footnote marker, a
    // sentence the translator added): a wider component keeps them from being ruled out.
    let matched = 0.9 * normal_pdf(delta) + 0.1 * normal_pdf(delta / 3.0) / 3.0;
    let random = normal_pdf(delta / random_sd) / random_sd;
    (matched.max(1e-300) / random.max(1e-300)).ln().clamp(-8.0, 3.0)
}

fn normal_pdf(x: f64) -> f64 {
    (-(x * x) / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// Turkish names that change form in English, by [`match_key`] of the Turkish stem.
const GLOSSARY: &[(&str, &str)] = &[
    ("afganistan", "afghanistan"),
    ("almanya", "germany"),
    ("amerika", "america"),
    ("asya", "asia"),
    ("avrupa", "europe"),
    ("azerbaycan", "azerbaijan"),
    ("bagdat", "baghdad"),
    ("bati", "west"),
    ("bosna", "bosnian"),
    ("cin", "china"),
    ("hindistan", "india"),
    ("ingiltere", "britain"),
    ("irak", "iraq"),
    ("israil", "israel"),
    ("kesmir", "kashmir"),
    ("kibris", "cyprus"),
    ("misir", "egypt"),
    ("rusya", "russia"),
    ("sovyet", "soviet"),
    ("suriye", "syria"),
    ("turkiye", "turkey"),
    ("yunanistan", "greece"),
    ("ocak", "january"),
    ("subat", "february"),
    ("mart", "march"),
    ("nisan", "april"),
    ("mayis", "may"),
    ("haziran", "june"),
    ("temmuz", "july"),
    ("agustos", "august"),
    ("eylul", "september"),
    ("ekim", "october"),
    ("kasim", "november"),
    ("aralik", "december"),
];

/// Word translations learned from NTREX-128's aligned segments (`scripts/derive_lexicon.py`):
/// Turkish stem → English stem, stems being the first five letters of [`match_key`].
static DICTIONARY: std::sync::LazyLock<(HashMap<&'static str, &'static str>, HashSet<&'static str>)> =
    std::sync::LazyLock::new(|| {
        let mut tr_en = HashMap::new();
        let mut en = HashSet::new();
        for line in include_str!("lexicon/dictionary.tsv").lines() {
            let mut cols = line.split('\t');
            if let (Some(t), Some(e)) = (cols.next(), cols.next()) {
                tr_en.insert(t, e);
                en.insert(e);
            }
        }
        (tr_en, en)
    });

fn stem(word: &str) -> String {
    match_key(word).chars().take(5).collect()
}

/// The dictionary concepts of a text, as English stems prefixed with `~`: "hükümet" and
/// "government" are both `~gover`.
fn concepts(text: &str, turkish: bool) -> Vec<String> {
    let (tr_en, en) = &*DICTIONARY;
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .filter_map(|w| {
            let s = stem(w);
            let english = if turkish { tr_en.get(s.as_str()).copied() } else { en.get(s.as_str()).copied() };
            english.map(|e| format!("~{e}"))
        })
        .collect()
}

/// The anchors of a text: (key, is_number). `lowercase` holds words the document also writes
/// in lower case; a capitalised one of those is a sentence start, not a name.
fn anchors(text: &str, lowercase: &HashSet<String>) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for token in text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '/' | ',' | ';' | '"' | '“' | '”'))
    {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        if token.chars().any(|c| c.is_ascii_digit()) {
            for digits in token.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()) {
                out.push((format!("#{}", digits.trim_start_matches('0')), true));
            }
            continue;
        }
        let stem = token.split(['’', '\'']).next().unwrap_or(token);
        if !stem.chars().next().is_some_and(char::is_uppercase) || stem.chars().count() < 2 {
            continue;
        }
        let key = match_key(stem);
        if lowercase.contains(&key) {
            continue;
        }
        let key = GLOSSARY
            .iter()
            .find(|(tr, _)| key.starts_with(tr) && key.len() <= tr.len() + 4)
            .map(|(_, en)| en.to_string())
            .unwrap_or(key);
        // "Türkiye" and "Turkey" are the same anchor; so are "Turkish"/"Türk".
        out.push((key, false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(index: usize, text: &str) -> Paragraph {
        Paragraph { index, kind: Kind::Body, first_line: index, last_line: index, text: text.to_string() }
    }

    #[test]
    fn anchors_strip_turkish_suffixes_and_map_names() {
        let none = HashSet::new();
        let keys: Vec<String> =
            anchors("Pakistan’ın 1947’deki bağımsızlığı, Hindistan’daki Müslümanlar ve 11 Eylül", &none)
                .into_iter()
                .map(|(k, _)| k)
                .collect();
        assert_eq!(keys, ["pakistan", "#1947", "india", "muslumanlar", "#11", "september"]);
    }

    #[test]
    fn translation_pairs_beat_unrelated_paragraphs() {
        let tr = [
            para(
                1,
                "Pakistan ve Türkiye, Pakistan’ın 1947’deki bağımsızlığını kazanmasından bu yana bir ittifakla övünüyorlar (Türkiye Cumhuriyeti Dışişleri Bakanlığı, tarih yok). NATO ve CENTO anlaşmaları onları yakınlaştırdı.",
            ),
            para(
                2,
                "Ankara ile İslamabad arasındaki ilişkiler, 1962 savaşında Hindistan’a yapılan yardıma rağmen iyileşmeye devam etti ve ECO kuruldu.",
            ),
        ];
        let en = [
            para(
                10,
                "Pakistan and Türkiye have boasted of an alliance since Pakistan’s independence in 1947 (Ministry of Foreign Affairs of the Republic of Türkiye, n.d.). NATO and CENTO agreements brought them closer.",
            ),
            para(
                11,
                "The weather in the region was mild for most of the year, and farmers planted wheat and cotton across the plains.",
            ),
            para(
                12,
                "Relations between Ankara and Islamabad continued to improve despite aid to India in the 1962 war, and ECO was founded.",
            ),
        ];
        let tr: Vec<&Paragraph> = tr.iter().collect();
        let en: Vec<&Paragraph> = en.iter().collect();
        let beads = align(&tr, &en, &AlignConfig { min_side_chars: 0, ..AlignConfig::default() });
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect();
        assert_eq!(pairs, vec![(vec![1], vec![10]), (vec![2], vec![12])]);
        assert!(beads.iter().all(|b| b.score > 0.5 && b.score <= 1.0));
    }

    #[test]
    fn one_shared_number_does_not_make_a_pair() {
        let tr = [para(1, "Bölüm 1")];
        let en = [para(2, "Chapter 1")];
        let beads = align(&[&tr[0]], &[&en[0]], &AlignConfig { min_side_chars: 0, ..AlignConfig::default() });
        assert!(beads.is_empty(), "{beads:?}");
    }

    #[test]
    fn length_evidence_peaks_at_the_expected_ratio() {
        let cfg = AlignConfig::default();
        assert!(length_llr(500.0, 475.0, &cfg) > length_llr(500.0, 300.0, &cfg));
        assert!(length_llr(500.0, 475.0, &cfg) > 1.0);
        assert!(length_llr(8.0, 9.0, &cfg).abs() < 0.1, "short texts prove nothing");
    }
}
