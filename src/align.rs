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
//!   (NTREX-128, the development set; LibreOffice's help pages give 0.96), measured again on
//!   each document's surest pairs, with a variance that grows with the length and with its
//!   square (the ratio is an estimate, and documents differ);
//! - anchors that survive translation: numbers (in figures or in words: `beş`/`five`),
//!   question and exclamation marks, capitalised names and acronyms folded with
//!   [`match_key`](crate::casing::match_key) and stripped of Turkish suffixes after an apostrophe (`Pakistan’ın` →
//!   `pakistan`), and a small glossary for names that change form (`Hindistan` → `india`,
//!   `Eylül` → `september`), word translations learned from LibreOffice's bilingual help
//!   pages and taken from WikDict's dictionaries (through Polish), and cognates — loanwords
//!   and names spelt by their consonants (`teknik`/`technical`, `Teksas`/`Texas`), counted
//!   only where both languages of the document have them. Anchors
//!   are weighted by rarity, so `Pakistan` in every paragraph proves little, and compared as a
//!   weighted Dice overlap, so one shared number cannot decide a pair on its own; two
//!   paragraphs with many anchors and almost none in common are most likely about different
//!   things (an untranslated Turkish paragraph next to an English one the summary left out);
//! - for a 1-2 or 2-1 bead, its sentences: aligned by length and anchors inside the bead, the
//!   joined paragraph should account for sentences that one paragraph alone leaves unmatched —
//!   a short closing line merged into the Turkish paragraph before it leaves a Turkish
//!   sentence over when the bead takes only one English paragraph, and a neighbour's sentence
//!   that shares nothing with the Turkish is left over when the bead takes it in.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::detect::{Detected, Label};
use crate::reflow::{Kind, Paragraph};

/// FxHash (the Firefox/rustc hash): the aligner interns tens of thousands of short keys per
/// document, and SipHash's protection against chosen keys buys nothing there.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The default threshold of a reported pair, 0.60 (evidence of 0.6 nats under the calibration
/// below): the best exact-bead F1 on the NTREX development papers, both layouts, among 0.50,
/// 0.55, 0.60 and 0.65. Held-out FLORES figures: `output/README.md`.
pub const DEFAULT_MIN_SCORE: f64 = 0.60;

/// The evidence (log-likelihood ratio) from which a first-pass 1-1 bead measures the document's
/// length ratio: most beads above it are right, and a few wrong ones hardly move a ratio.
const CONFIDENT_EVIDENCE: f64 = -1.77;

/// Evidence below which a bead is never chosen: the most a bead gains from its place is one
/// continuation bonus (1.5) and the one it passes on to the next bead, less than this.
const BEYOND_HELP: f64 = -4.0;

/// The most sentences a joined paragraph counts for its bead (more is rare, and the bound
/// lets hopeless beads skip their sentences).
const MAX_EXPLAINED: f64 = 2.0;

/// The Dice overlap below which a bead with many anchors looks unrelated: on the NTREX
/// development papers, of the 1-1 cells with at least 40 anchors on both sides together, 1.2%
/// of translation pairs overlap less than this and 90% of the other paragraph pairs of a
/// document do. (A count, not the anchors' weight: weights grow with the document, and in a
/// long one a single sentence carries as much weight as a paragraph of a short one.)
pub const LOW_OVERLAP: f64 = 0.12;

/// Evidence (length gain plus shared words) from which a headline joins the bead after it,
/// the other side having run it into its first paragraph.
const ABSORB_EVIDENCE: f64 = 1.5;

/// How far apart (as a ratio, after adding the slack to both) the lengths of a headline and
/// of the run-in headline of the other side's paragraph ([`fused_headline`]) may be.
const FUSED_LENGTH_RATIO: f64 = 1.6;
const FUSED_LENGTH_SLACK: f64 = 10.0;

/// The least length gain (nats) with which a run-in headline joins ([`absorb_gain`]).
const FUSED_GAIN: f64 = 0.0;

/// The longest paragraph without a closing mark that is taken for a headline.
const HEADLINE_CHARS: usize = 160;

/// Tunable constants of the aligner; `Default` holds the measured values.
#[derive(Clone, Debug)]
pub struct AlignConfig {
    /// English characters per Turkish character.
    pub length_ratio: f64,
    /// Variance of the length difference per character (Gale–Church's s²).
    pub length_variance: f64,
    /// Variance of the length ratio itself: the variance of the length difference grows with the
    /// square of the length by this much. A translation's length varies per character (s², about 2
    /// on NTREX gold 1-1 pairs at each document's own ratio); but the ratio the aligner uses is an
    /// estimate, and documents differ (NTREX papers' ratios spread with a standard deviation of
    /// 0.069, a variance of 0.0048): a long paragraph's length is held to the ratio no more tightly
    /// than the ratio is known. With Gale–Church's linear variance alone (s² 4), a verbose
    /// translation (615 Turkish characters for 505 English) was paired with the English paragraph
    /// after it too, one the summary left out. NTREX papers, sixteen development draws: 0.9920 /
    /// 0.9927 → 0.9924 / 0.9932 (s² 3; 2.5: 0.9925 / 0.9932, and 0.006: 0.9924 / 0.9932, 0.004:
    /// 0.9920 / 0.9929), 21000–28000 0.9937 / 0.9940 → 0.9939 / 0.9943, single segments 0.9807 /
    /// 0.9814 → 0.9815 / 0.9822, reading draws (24) 0.9903 / 0.9918 → 0.9908 / 0.9923, three
    /// stories a paper 0.9874 / 0.9854 → 0.9890 / 0.9871, whole stories 0.9950 / 0.9965 → 0.9970 /
    /// 1.0; held-out FLORES loses one bead in five draws (0.9967 / 0.9988 → 0.9961 / 0.9983), a
    /// paragraph with no counterpart paired with a left-out one. Measured afterwards on fresh
    /// draws: NTREX papers (sixteen) 0.9915 / 0.9927 → 0.9917 / 0.9929, three stories a paper
    /// (eight) 0.9909 / 0.9911 → 0.9929 / 0.9932, FLORES (eight) 0.9921 / 0.9943 → 0.9917 / 0.9943.
    pub ratio_variance: f64,
    /// Weight of the anchor overlap in the log-likelihood ratio.
    pub anchor_weight: f64,
    /// Anchor overlap expected between unrelated paragraphs of one document.
    pub anchor_baseline: f64,
    /// How many times its weight the anchor overlap of long paragraphs may carry. A bead's
    /// anchors, their total weight over 8 (the amount), count in proportion up to 1, in full up
    /// to [`AlignConfig::anchor_amount_full`], then by the square root of the amount over that,
    /// up to this. Only the path counts the part above 1; the score is calibrated without it.
    pub anchor_confidence_cap: f64,
    /// The amount of anchors from which more count more (see above).
    pub anchor_amount_full: f64,
    /// Log prior odds of any bead: the evidence a pair needs before it is claimed.
    pub pair_prior: f64,
    /// Further log prior of a 1-2 or 2-1 bead relative to 1-1.
    pub merge_penalty: f64,
    /// Further penalty for a 1-2 or 2-1 bead when one of the joined paragraphs has anchors of
    /// its own but shares none with the other side that the other joined paragraph does not
    /// share too (likely a neighbour left untranslated).
    pub stray_penalty: f64,
    /// Anchor weight from which a joined paragraph sharing none of it counts as a stray.
    pub stray_mass: f64,
    /// Log-odds cost of each sentence a bead leaves without a counterpart when its sentences
    /// are aligned by their lengths and anchors (0: sentences are not looked at).
    pub sentence_skip: f64,
    /// Weight of the sentences' anchors in that alignment, as a share of a paragraph's
    /// ([`AlignConfig::anchor_weight`]; 0: lengths alone), and the anchor weight from which a
    /// sentence bead's anchors count in full. Lengths alone left sentences unmatched where a
    /// translator wrote long ("2 unmatched" for a true 1-1 twice the English length) and matched
    /// a neighbour's sentence by its length alone; the anchors say which sentence translates
    /// which, and the sentences left over then weigh more (`sentence_skip` 0.5 → 1.0, then 1.25
    /// with [`AlignConfig::sentence_merge_penalty`]). NTREX papers, sixteen development draws
    /// (1000–8000, 21000–28000): 0.9889 / 0.9895 → 0.9903 / 0.9910 (weight 1: 0.9899 / 0.9908
    /// at `sentence_skip` 0.75; 3: 0.9904 / 0.9910); sixteen fresh draws (11000–18000,
    /// 31000–38000) 0.9865 / 0.9876 → 0.9874 / 0.9886.
    pub sentence_anchors: f64,
    pub sentence_anchor_full: f64,
    /// Log prior of each extra sentence in a sentence bead (a translator joined two sentences
    /// or split one). Above the cost of a sentence left over (`sentence_skip`): at the
    /// paragraphs' merge penalty the two cost the same, and a short sentence of a neighbour
    /// went into a sentence bead as readily as it was left over, so the count of sentences
    /// left over said nothing of it. NTREX papers, sixteen development draws: 0.9903 / 0.9910
    /// (1.0 with `sentence_skip` 1.0) → 0.9918 / 0.9925 (1.5: 0.9918 / 0.9925 and 2.0: 0.9919 /
    /// 0.9926, each with `sentence_skip` 1.25; `sentence_skip` 1.0 and 1.5 lose 0.001 with
    /// either); sixteen fresh draws 0.9874 / 0.9886 → 0.9894 / 0.9907.
    pub sentence_merge_penalty: f64,
    /// Number of anchors (both sides together) from which an overlap below [`LOW_OVERLAP`] is
    /// evidence against a pair.
    pub low_overlap_anchors: usize,
    /// Log-odds taken from such a bead when it shares no anchor, less the nearer its overlap
    /// comes to the threshold; with more anchors, more in proportion (times the anchors over
    /// [`AlignConfig::low_overlap_anchors`]).
    pub low_overlap_penalty: f64,
    /// How much the threshold of a low overlap rises above [`LOW_OVERLAP`] per anchor beyond
    /// [`AlignConfig::low_overlap_anchors`], up to [`AlignConfig::low_overlap_max`]: the
    /// longer two paragraphs, the more a translation of one shares with the other, and the
    /// more two unrelated ones share by chance too. On the NTREX development papers (four
    /// draws, 1-1 cells), translations with 100 anchors overlap by 0.46 or more (1st
    /// percentile), with 140 by 0.41; the threshold there is 0.24 and 0.30, and no translation
    /// falls below it, while 79% of the other pairs do.
    pub low_overlap_slope: f64,
    pub low_overlap_max: f64,
    /// Number of anchors (both sides together) from which sharing none at all is evidence
    /// against a pair, as a low overlap is from [`AlignConfig::low_overlap_anchors`]: a Turkish
    /// paragraph with no counterpart, paired with an English paragraph the summary left out
    /// because the beads around it carry it, shares nothing among 20–37 anchors. NTREX papers,
    /// sixteen development draws: 0.9918 / 0.9925 → 0.9921 / 0.9928 (30: 0.9920 / 0.9927; 15:
    /// 0.9920 / 0.9927), single segments 0.9768 / 0.9775 → 0.9783 / 0.9790; sixteen fresh draws
    /// 0.9894 / 0.9907 → 0.9899 / 0.9911.
    pub zero_overlap_anchors: usize,
    /// Log-odds added to a bead that starts with the first Turkish paragraph: a summary's
    /// first paragraph is translated as surely as the one after a bead, wherever in the English
    /// it starts.
    pub start_bonus: f64,
    /// Log-odds added to a bead that directly follows another bead (no skip between).
    pub continuation_bonus: f64,
    /// Share of the continuation bonus a bead earns when one paragraph on one side lies
    /// between it and the bead before (left out of the summary).
    pub near_continuation: f64,
    /// Beads scoring below this are not reported as pairs: [`DEFAULT_MIN_SCORE`].
    pub min_score: f64,
    /// Calibration of the score (Platt scaling): score = logistic(slope × evidence + offset),
    /// fitted so that a score is the share of beads that are right (see `tests/align_eval.rs`).
    pub score_slope: f64,
    pub score_offset: f64,
    /// A side needs at least this many characters of body text (a sentence or two) to be aligned
    /// at all: a title quoted in the other language is no summary.
    pub min_side_chars: usize,
    /// Whether to measure the length ratio on the text itself and align a second time (off for
    /// the sentences of one pair, whose ratio is the pair's own).
    pub measure_ratio: bool,
    /// Up to this many cells (Turkish × English paragraphs) every cell is considered; above
    /// it, only candidate cells (a band, anchor matches, then a corridor around the path).
    pub full_grid_cells: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            length_ratio: 0.95,
            length_variance: 3.0,
            ratio_variance: 0.005,
            anchor_weight: 8.0,
            anchor_baseline: 0.05,
            anchor_confidence_cap: 2.5,
            anchor_amount_full: 1.5,
            pair_prior: -1.0,
            merge_penalty: 1.0,
            stray_penalty: 3.0,
            stray_mass: 2.0,
            sentence_skip: 1.25,
            sentence_anchors: 2.0,
            sentence_anchor_full: 4.0,
            sentence_merge_penalty: 1.75,
            low_overlap_anchors: 40,
            low_overlap_penalty: 2.0,
            low_overlap_slope: 0.002,
            low_overlap_max: 0.3,
            zero_overlap_anchors: 20,
            start_bonus: 1.5,
            continuation_bonus: 1.5,
            near_continuation: 0.3,
            min_score: DEFAULT_MIN_SCORE,
            score_slope: 0.655,
            score_offset: 0.003,
            min_side_chars: 100,
            full_grid_cells: 250_000,
            measure_ratio: true,
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
    align_files(paragraphs, labels, paragraphs, labels, cfg)
}

/// [`align_document`], after which a paragraph joined with the next one where the text shows
/// no paragraph end ([soft breaks](Paragraph::soft_breaks): text without blank lines between
/// paragraphs, a paragraph joined across a page break) is split where that raises the value of
/// the aligner's path by more than a prior against it, and the document is aligned again, a
/// split at a time. The paragraphs are renumbered; each part keeps its paragraph's language
/// label.
pub fn split_and_align_document(
    paragraphs: &mut Vec<Paragraph>,
    labels: &mut Vec<Detected>,
    cfg: &AlignConfig,
) -> Vec<Bead> {
    let mut beads = align_document(paragraphs, labels, cfg);
    // A split changes the beads around it, which may call for another.
    for _ in 0..SPLIT_ROUNDS {
        let sides = Sides { tr: paragraphs, tr_labels: labels, en: paragraphs, en_labels: labels };
        let Some((_, split)) = best_split(&sides, &beads, true, cfg) else { break };
        split_paragraphs(paragraphs, labels, &[split]);
        beads = align_document(paragraphs, labels, cfg);
    }
    beads
}

/// How many times a paragraph is split and the text aligned again, at most.
const SPLIT_ROUNDS: usize = 6;

/// [`align_files`], with the splits of [`split_and_align_document`] on either side.
pub fn split_and_align_files(
    tr: &mut Vec<Paragraph>,
    tr_labels: &mut Vec<Detected>,
    en: &mut Vec<Paragraph>,
    en_labels: &mut Vec<Detected>,
    cfg: &AlignConfig,
) -> Vec<Bead> {
    let mut beads = align_files(tr, tr_labels, en, en_labels, cfg);
    for _ in 0..SPLIT_ROUNDS {
        let sides = Sides { tr, tr_labels, en, en_labels };
        let Some((turkish, split)) = best_split(&sides, &beads, false, cfg) else { break };
        if turkish {
            split_paragraphs(tr, tr_labels, &[split]);
        } else {
            split_paragraphs(en, en_labels, &[split]);
        }
        beads = align_files(tr, tr_labels, en, en_labels, cfg);
    }
    beads
}

/// Log odds (nats) by which a split at a soft break must raise the value of the alignment's
/// path: most soft breaks are sentences that happen to end at the margin, and two parts of a
/// paragraph find beads of their own more easily than the whole (a second continuation
/// bonus). Chosen on NTREX papers without blank lines (draws 1000–8000, papers / single
/// segments, two files): 0.5: 0.9440 / 0.8958, 1: 0.9435 / 0.8941, 1.5: 0.9436 / 0.8912,
/// 2: 0.9430 / 0.8885, 2.5: 0.9420 / 0.8838.
const SPLIT_COST: f64 = 1.0;

/// Where to split a paragraph: its number, the words before the split, the source line after.
type Split = (usize, usize, usize);

/// The paragraphs and labels of both sides (the same lists for one file).
struct Sides<'a> {
    tr: &'a [Paragraph],
    tr_labels: &'a [Detected],
    en: &'a [Paragraph],
    en_labels: &'a [Detected],
}

/// The soft break whose split raises the value of the alignment's path (what the aligner
/// maximises) most, by more than [`SPLIT_COST`], and whether it is on the Turkish side: among
/// the breaks of the paragraphs in a bead or next to one. Whatever joined the two paragraphs —
/// a paragraph end at the margin, one left out of the summary run into its neighbour, a
/// summary paragraph run into the next where the body has two — the path with both parts in
/// their own places is the likelier one, and the aligner already weighs everything that says
/// so (lengths, anchors, sentences, the beads around). `one_file`: both languages are in one
/// list (`sides.tr` and `sides.en` are the same).
fn best_split(sides: &Sides, beads: &[Bead], one_file: bool, cfg: &AlignConfig) -> Option<(bool, Split)> {
    // The stretch of each side the beads cover, one paragraph more at each end (a paragraph
    // next to a bead lies in it): what lies beyond pairs with nothing either way.
    let span = |pick: fn(&Bead) -> &Vec<usize>| {
        let (lo, hi) = beads.iter().flat_map(pick).fold((usize::MAX, 0), |(lo, hi), &n| (lo.min(n), hi.max(n)));
        lo.saturating_sub(1)..=hi + 1
    };
    let (tr_span, en_span) = (span(|b| &b.tr), span(|b| &b.en));
    // Each side's paragraphs in the stretch, numbered afresh, the paragraph `split` names
    // whole or split.
    let stretch = |list: &[Paragraph], labels: &[Detected], lang: Label, split: Option<Split>| {
        let span = if lang == Label::Tr { &tr_span } else { &en_span };
        let mut out: Vec<Paragraph> = Vec::new();
        for (q, l) in list.iter().zip(labels) {
            if !span.contains(&q.index) || l.lang != lang || !alignable(q) {
                continue;
            }
            match split.filter(|s| s.0 == q.index).and_then(|s| split_paragraph(q, s)) {
                Some((head, tail)) => out.extend([head, tail]),
                None => out.push(q.clone()),
            }
        }
        for (i, q) in out.iter_mut().enumerate() {
            q.index = i + 1;
        }
        out
    };
    // The value of the path over the stretch, with a split on one side (both, in one file).
    let value = |split: Option<Split>, turkish: bool| {
        let (t_split, e_split) = match (one_file, turkish) {
            (true, _) => (split, split),
            (false, true) => (split, None),
            (false, false) => (None, split),
        };
        let t = stretch(sides.tr, sides.tr_labels, Label::Tr, t_split);
        let e = stretch(sides.en, sides.en_labels, Label::En, e_split);
        align_valued(&t.iter().collect::<Vec<_>>(), &e.iter().collect::<Vec<_>>(), cfg).1
    };
    let mut now = None;
    let mut best: Option<(f64, bool, Split)> = None;
    for turkish in [true, false] {
        let (own, own_labels, lang) =
            if turkish { (sides.tr, sides.tr_labels, Label::Tr) } else { (sides.en, sides.en_labels, Label::En) };
        let ids: fn(&Bead) -> &Vec<usize> = if turkish { |b| &b.tr } else { |b| &b.en };
        for (p, label) in own.iter().zip(own_labels) {
            if p.soft_breaks.is_empty() || label.lang != lang || !alignable(p) {
                continue;
            }
            // Only a paragraph in a bead or next to one can change the path.
            if !beads.iter().any(|b| ids(b).iter().any(|&n| n + 1 >= p.index && n <= p.index + 1)) {
                continue;
            }
            let now = *now.get_or_insert_with(|| value(None, turkish));
            for &(words, line) in &p.soft_breaks {
                let split = (p.index, words, line);
                if split_paragraph(p, split).is_none() {
                    continue;
                }
                let gain = value(Some(split), turkish) - now - SPLIT_COST;
                if gain > 0.0 && best.is_none_or(|b| gain > b.0) {
                    best = Some((gain, turkish, split));
                }
            }
        }
    }
    best.map(|(_, turkish, split)| (turkish, split))
}

/// A text split before its word number `words` (counted from 0): the two parts, the first
/// ending a sentence; None when the text has changed since the break was found.
fn split_words(text: &str, words: usize) -> Option<(&str, &str)> {
    let start = text.split_whitespace().nth(words)?.as_ptr() as usize - text.as_ptr() as usize;
    let (head, tail) = (text[..start].trim_end(), &text[start..]);
    let ends = head.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?', '…']);
    (ends && !head.is_empty()).then_some((head, tail))
}

/// Splits paragraphs (by number) where [`best_split`] found, and renumbers them.
fn split_paragraphs(paragraphs: &mut Vec<Paragraph>, labels: &mut Vec<Detected>, splits: &[Split]) {
    let mut out = Vec::with_capacity(paragraphs.len() + splits.len());
    let mut out_labels = Vec::with_capacity(out.capacity());
    for (p, label) in paragraphs.drain(..).zip(labels.drain(..)) {
        match splits.iter().find(|s| s.0 == p.index).and_then(|&split| split_paragraph(&p, split)) {
            Some((head, tail)) => {
                out.extend([head, tail]);
                out_labels.extend([label, label]);
            }
            None => {
                out.push(p);
                out_labels.push(label);
            }
        }
    }
    for (i, p) in out.iter_mut().enumerate() {
        p.index = i + 1;
    }
    *paragraphs = out;
    *labels = out_labels;
}

/// The two parts of a paragraph split at one of its soft breaks (numbered as the paragraph);
/// None when the text has changed since the break was found.
fn split_paragraph(p: &Paragraph, (_, words, line): Split) -> Option<(Paragraph, Paragraph)> {
    let (head, tail) = split_words(&p.text, words)?;
    let before: Vec<(usize, usize)> = p.soft_breaks.iter().copied().filter(|b| b.0 < words).collect();
    let after: Vec<(usize, usize)> =
        p.soft_breaks.iter().filter(|b| b.0 > words).map(|&(w, l)| (w - words, l)).collect();
    Some((
        Paragraph {
            last_line: line.saturating_sub(1).max(p.first_line),
            text: head.to_string(),
            soft_breaks: before,
            ..p.clone()
        },
        Paragraph { first_line: line, text: tail.to_string(), soft_breaks: after, ..p.clone() },
    ))
}

/// Aligns the Turkish paragraphs of one document (or file) with the English paragraphs of
/// another (or the same): the body paragraphs first, then the headings that open a bead on both
/// sides ([`pair_headings`]).
pub fn align_files(
    tr: &[Paragraph],
    tr_labels: &[Detected],
    en: &[Paragraph],
    en_labels: &[Detected],
    cfg: &AlignConfig,
) -> Vec<Bead> {
    let beads = align(&pick(tr, tr_labels, Label::Tr), &pick(en, en_labels, Label::En), cfg);
    pair_headings(tr, tr_labels, en, en_labels, beads, cfg)
}

/// A heading directly before a bead's Turkish paragraphs and one directly before its English
/// paragraphs (boilerplate between does not count) are most likely the same heading: a news
/// headline, a translated subheading — also when one side wrote it as an unpaired line of text
/// (a headline in sentence case). They become a bead of their own when their lengths and
/// anchors do not speak against it. Section names ("Öz", "Abstract", "Genişletilmiş Özet",
/// "Introduction") are never paired: they name the part, they do not translate each other.
pub fn pair_headings(
    tr: &[Paragraph],
    tr_labels: &[Detected],
    en: &[Paragraph],
    en_labels: &[Detected],
    beads: Vec<Bead>,
    cfg: &AlignConfig,
) -> Vec<Bead> {
    // Paragraphs already in a bead, on each side.
    let paired = |pick: fn(&Bead) -> &Vec<usize>| -> HashSet<usize> { beads.iter().flat_map(pick).copied().collect() };
    let (tr_paired, en_paired) = (paired(|b| &b.tr), paired(|b| &b.en));
    // The paragraph right before paragraph number `first` in the language wanted, when it is a
    // heading (not a section name) or a body paragraph left unpaired; and whether a heading.
    let before = |side: &[Paragraph], labels: &[Detected], first: usize, lang: Label, taken: &HashSet<usize>| {
        let (p, d) = side[..first.saturating_sub(1).min(side.len())]
            .iter()
            .zip(labels)
            .rev()
            .find(|(p, _)| p.kind != Kind::Boilerplate)?;
        let heading = p.kind == Kind::Heading && crate::reflow::heading_language(&p.text).is_none();
        let unpaired = alignable(p) && !taken.contains(&p.index);
        (d.lang == lang && (heading || unpaired)).then_some((p.index, heading))
    };
    let mut out = Vec::with_capacity(beads.len());
    // Words the body text writes in lower case: a headline's capitalised word among them is no
    // name.
    let lowercase = if beads.is_empty() {
        HashSet::default()
    } else {
        lowercase_words(tr.iter().chain(en).filter(|p| alignable(p)).map(|p| p.text.as_str()))
    };
    for mut bead in beads {
        // The evidence that two headings translate each other.
        let evidence = |t: usize, e: usize| {
            let (t_text, e_text) = (&tr[t - 1].text, &en[e - 1].text);
            let (ka, kb) = (heading_keys(t_text, true, &lowercase), heading_keys(e_text, false, &lowercase));
            let shared = ka.all.intersection(&kb.all).count();
            // A headline is in title case: its capitalised words are names only when the text
            // does not also write them in lower case, and translated words meet through the
            // dictionary. Names on both sides and nothing shared speak against the pair.
            let anchor_llr = if shared > 0 {
                shared.min(2) as f64
            } else if !ka.names.is_empty() && !kb.names.is_empty() {
                -1.0
            } else {
                0.0
            };
            let length = length_llr(t_text.chars().count() as f64, e_text.chars().count() as f64, cfg);
            length + anchor_llr + cfg.pair_prior + cfg.continuation_bonus
        };
        // Of the headings before the bead on each side, the pair that fits best: each in its
        // language or too short to tell, or a Turkish one that reads as English for its names
        // ("The High Breed: Bilinçli hip hop nedir?") but has letters English does not write,
        // or one written the same in both away from page breaks. A summary leaves out the
        // paragraphs under a headline as it leaves out others: up to two unpaired ones may
        // stand between.
        let tr_headings = headings_before(tr, tr_labels, bead.tr[0], Label::Tr, &tr_paired, 2);
        let en_headings = headings_before(en, en_labels, bead.en[0], Label::En, &en_paired, 2);
        let headings = tr_headings
            .iter()
            .flat_map(|t| en_headings.iter().filter(|e| e.lang != Label::Tr).map(move |e| (t, e)))
            .filter(|(t, e)| {
                let text = &tr[t.index - 1].text;
                // Written the same in both: a headline of names ("Elite League: Dundee Stars
                // 5-3 Belfast Giants") away from page breaks; beside one, a running header
                // ("M. Yilmaz, A. Khan" on every other page), whatever language it reads as.
                if *text == en[e.index - 1].text {
                    return ![t, e].iter().any(|h| h.after_boilerplate || h.before_boilerplate);
                }
                t.lang != Label::En || has_turkish_letter(text)
            })
            .map(|(t, e)| (t.index, e.index, evidence(t.index, e.index)))
            .max_by(|a, b| a.2.total_cmp(&b.2));
        let found = headings.or_else(|| {
            before(tr, tr_labels, bead.tr[0], Label::Tr, &tr_paired)
                .zip(before(en, en_labels, bead.en[0], Label::En, &en_paired))
                // Two body paragraphs the aligner has already weighed and left apart stay apart;
                // a text written the same in both, left out above, stays out.
                .filter(|((t, th), (e, eh))| (*th || *eh) && tr[t - 1].text != en[e - 1].text)
                .map(|((t, _), (e, _))| (t, e, evidence(t, e)))
        });
        if let Some((t, e, evidence)) = found {
            let score = logistic(cfg.score_slope * evidence + cfg.score_offset);
            if score >= cfg.min_score {
                out.push(Bead { tr: vec![t], en: vec![e], score });
            }
        } else {
            // A headline the other side ran into its first paragraph ("Trump Neden İkinci Kez
            // Seçimi Kazanacak Bu mantığa göre…") joins the bead when the lengths say so.
            let text = |side: &[Paragraph], ids: &[usize]| -> String {
                ids.iter().map(|&i| side[i - 1].text.as_str()).collect::<Vec<_>>().join(" ")
            };
            let (t_text, e_text) = (text(tr, &bead.tr), text(en, &bead.en));
            // Right before the bead, not next to boilerplate (a running header seen only once
            // beside its page number is not known for one), and not in the other language.
            let right_before = |side: &[Paragraph], labels: &[Detected], first: usize, lang: Label, taken| {
                let other = if lang == Label::Tr { Label::En } else { Label::Tr };
                headings_before(side, labels, first, lang, taken, 0)
                    .into_iter()
                    .next()
                    .filter(|h| !h.after_boilerplate && !h.before_boilerplate && h.lang != other)
                    .map(|h| h.index)
            };
            let (t_first, e_first) = (&tr[bead.tr[0] - 1].text, &en[bead.en[0] - 1].text);
            // A heading joins by its own evidence ([`absorbs`]); a headline written as a line
            // of text only as the run-in headline of the other side ([`fused_into`]), the
            // lengths not speaking against it.
            let joins = |heading: &Paragraph, own: &str, other: &str, own_first: &str, other_first: &str, turkish| {
                let fused = fused_into(&heading.text, other_first, own_first, turkish, &lowercase, cfg)
                    && absorb_gain(&heading.text, own, other, turkish, cfg) >= FUSED_GAIN;
                fused || (heading.kind == Kind::Heading && absorbs(&heading.text, own, other, turkish, &lowercase, cfg))
            };
            if let Some(h) = right_before(en, en_labels, bead.en[0], Label::En, &en_paired) {
                if joins(&en[h - 1], &e_text, &t_text, e_first, t_first, false) {
                    bead.en.insert(0, h);
                }
            } else if let Some(h) = right_before(tr, tr_labels, bead.tr[0], Label::Tr, &tr_paired) {
                if joins(&tr[h - 1], &t_text, &e_text, t_first, e_first, true) {
                    bead.tr.insert(0, h);
                }
            }
        }
        out.push(bead);
    }
    out
}

/// Whether a paragraph reads as a headline: short, and ending without a punctuation mark.
fn reads_as_headline(text: &str) -> bool {
    text.trim_end().chars().last().is_some_and(char::is_alphanumeric) && text.chars().count() <= HEADLINE_CHARS
}

/// Whether a text has a letter of the Turkish alphabet that English does not use.
fn has_turkish_letter(text: &str) -> bool {
    text.chars().any(|c| matches!(c, 'ç' | 'ğ' | 'ı' | 'ö' | 'ş' | 'ü' | 'Ç' | 'Ğ' | 'İ' | 'Ö' | 'Ş' | 'Ü'))
}

/// A heading found before a bead: its paragraph number, its language, and whether boilerplate
/// stands right before it.
struct HeadingBefore {
    index: usize,
    lang: Label,
    after_boilerplate: bool,
    /// Boilerplate (a page number) right after it: a running header's place.
    before_boilerplate: bool,
}

/// The headings before paragraph number `first`, nearest first: past boilerplate and up to
/// `skip` body paragraphs in `lang` that no bead has taken, the first heading (not a section
/// name), and any of those paragraphs that reads as a headline.
fn headings_before(
    side: &[Paragraph],
    labels: &[Detected],
    first: usize,
    lang: Label,
    taken: &HashSet<usize>,
    skip: usize,
) -> Vec<HeadingBefore> {
    let before = &side[..first.saturating_sub(1).min(side.len())];
    let mut found = Vec::new();
    let mut skipped = 0;
    for at in (0..before.len()).rev() {
        let (p, d) = (&before[at], &labels[at]);
        let after_boilerplate = at > 0 && before[at - 1].kind == Kind::Boilerplate;
        let before_boilerplate = side.get(at + 1).is_some_and(|n| n.kind == Kind::Boilerplate);
        let heading = HeadingBefore { index: p.index, lang: d.lang, after_boilerplate, before_boilerplate };
        match p.kind {
            Kind::Boilerplate => continue,
            Kind::Heading if crate::reflow::heading_language(&p.text).is_none() => {
                found.push(heading);
                break;
            }
            _ if alignable(p) && !taken.contains(&p.index) => {
                // A headline written as a line of text: short, no closing mark, and not cut
                // off by a page break.
                if reads_as_headline(&p.text) && !heading.before_boilerplate {
                    found.push(heading);
                }
                if d.lang != lang || skipped == skip {
                    break;
                }
                skipped += 1;
            }
            _ => break,
        }
    }
    found
}

/// Whether `heading`, before the paragraph `own` of its side, belongs in the bead with `other`
/// (the other side's paragraph, which would then have run the headline into its text): the
/// lengths agree better with it, and it shares with `other` what `own` does not have — a name
/// or number, unless the lengths speak clearly (a left-out headline fits many a length, and
/// its dictionary words meet some word of most paragraphs).
fn absorbs<S: std::hash::BuildHasher>(
    heading: &str,
    own: &str,
    other: &str,
    turkish: bool,
    lowercase: &HashSet<String, S>,
    cfg: &AlignConfig,
) -> bool {
    let gain = absorb_gain(heading, own, other, turkish, cfg);
    let kh = heading_keys(heading, turkish, lowercase);
    let (ko, kx) = (heading_keys(own, turkish, lowercase).all, heading_keys(other, !turkish, lowercase).all);
    let brings = |k: &&String| kx.contains(*k) && !ko.contains(*k);
    let unique = kh.all.iter().filter(brings).count();
    // A name or number among them: dictionary words and cognates of a headline meet too many
    // words of an unrelated paragraph.
    let named = kh.names.iter().any(|k| brings(&k));
    (named || gain >= 1.0) && gain + unique.min(2) as f64 >= ABSORB_EVIDENCE
}

/// Words a headline may have before the text it was run into starts.
const FUSED_HEADLINE_WORDS: usize = 16;

/// How much better (nats) the lengths of `own` (in Turkish when `turkish`) and `other` fit with
/// `heading` joined to `own`.
fn absorb_gain(heading: &str, own: &str, other: &str, turkish: bool, cfg: &AlignConfig) -> f64 {
    let (lh, lo, lx) = (heading.chars().count() as f64, own.chars().count() as f64, other.chars().count() as f64);
    side_length_llr(lh + lo, lx, turkish, cfg) - side_length_llr(lo, lx, turkish, cfg)
}

/// Where a headline run into the first sentence of a paragraph ends ("ABD, yapay zeka
/// fonlarını iki katına çıkarmalı Daha önce Google…", "… Ahead of Midterms As many top
/// Republicans…"): the number of characters before the last capitalised common word (one the
/// document also writes in lower case) that follows a word without punctuation and is followed
/// by a lower-case word, among the first sentence's first words. A sentence capitalises such a
/// word only at its start.
fn fused_headline<S: std::hash::BuildHasher>(text: &str, lowercase: &HashSet<String, S>) -> Option<usize> {
    fused_headlines(text, lowercase)
        .iter()
        .rev()
        .find(|(_, common)| *common)
        .map(|&(at, _)| text[..at].trim_end().chars().count())
}

/// Every place a run-in headline may end ([`fused_headline`]) as a byte offset, and whether
/// before a common word; also before a name ("… değiştirilmeyeceğini oyladı Makedonya halkı
/// pazar günü…"), which a sentence writes capitalised anywhere.
fn fused_headlines<S: std::hash::BuildHasher>(text: &str, lowercase: &HashSet<String, S>) -> Vec<(usize, bool)> {
    let mut words = text.split_whitespace().take(FUSED_HEADLINE_WORDS + 1).peekable();
    let mut previous: Option<&str> = None;
    let mut found = Vec::new();
    let mut key = String::new();
    while let Some(word) = words.next() {
        if let (Some(prev), Some(next)) = (previous, words.peek()) {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let bare = prev.chars().last().is_some_and(char::is_alphanumeric);
            if capitalised && bare && next.chars().next().is_some_and(char::is_lowercase) {
                match_key_into(word.trim_matches(|c: char| !c.is_alphanumeric()), &mut key);
                let at = word.as_ptr() as usize - text.as_ptr() as usize;
                // After a capitalised word, only a headline in title case ends: in a sentence
                // the two are one name ("… to a High Street near you").
                let after_name = prev.chars().next().is_some_and(char::is_uppercase);
                // A name ends a headline in title case too ("… Yüzlerce İnsan Öldü Lombok
                // depreminin ardından").
                let title = after_name && crate::reflow::is_headline(std::iter::once(&text[..at]));
                if title || !after_name {
                    found.push((at, title || lowercase.contains(key.as_str())));
                }
            }
        }
        // The first sentence ends at a full stop that closes no abbreviation ("U.S.", "A.I.").
        let end = word.trim_end_matches(['"', '\'', '”', '’', ')']);
        if end.ends_with(['.', '!', '?']) && !end[..end.len() - 1].contains('.') {
            break;
        }
        previous = Some(word);
    }
    found
}

/// Whether `heading` is the headline `other` ran into its first sentence: `other` has one
/// ([`fused_headline`]) whose length fits the heading's (`turkish`: the heading's language), and
/// `own`, the paragraph after the heading, has none (both ran in a headline: the heading is
/// another).
fn fused_into<S: std::hash::BuildHasher>(
    heading: &str,
    other: &str,
    own: &str,
    turkish: bool,
    lowercase: &HashSet<String, S>,
    cfg: &AlignConfig,
) -> bool {
    if fused_headline(own, lowercase).is_some() {
        return false;
    }
    let keys = heading_keys(heading, turkish, lowercase).all;
    fused_headlines(other, lowercase).into_iter().any(|(at, common)| {
        let prefix = &other[..at];
        // Before a name, the headline shares a name, number or cognate with the heading (a
        // dictionary word meets too many).
        let shares = || heading_keys(prefix, !turkish, lowercase).all.intersection(&keys).any(|k| !k.starts_with('~'));
        if !common && !shares() {
            return false;
        }
        headline_lengths_fit(heading.chars().count(), prefix.trim_end().chars().count(), turkish, cfg)
    })
}

/// Whether a headline of `heading` characters (in Turkish when `turkish`) and one of `other`
/// characters in the other language are about as long as translations are.
fn headline_lengths_fit(heading: usize, other: usize, turkish: bool, cfg: &AlignConfig) -> bool {
    // Lengths in English measure; Gale–Church's evidence says little this short.
    let (own, other) = (heading as f64, other as f64);
    let (a, b) = if turkish { (own * cfg.length_ratio, other) } else { (own, other * cfg.length_ratio) };
    (a.max(b) + FUSED_LENGTH_SLACK) / (a.min(b) + FUSED_LENGTH_SLACK) <= FUSED_LENGTH_RATIO
}

/// A heading's (or paragraph's) anchor keys as text: all of them, and its names and numbers.
struct HeadingKeys {
    all: HashSet<String>,
    names: HashSet<String>,
}

/// The [`HeadingKeys`] of a text: names and numbers, cognates and dictionary concepts.
fn heading_keys<S: std::hash::BuildHasher>(text: &str, turkish: bool, lowercase: &HashSet<String, S>) -> HeadingKeys {
    let names: HashSet<String> = anchors(text, lowercase).into_iter().map(|(k, _)| k).collect();
    let mut all = names.clone();
    let (concepts, cognates, _) = word_anchors(text, turkish);
    all.extend(concepts.into_iter().map(|c| format!("~{c}")));
    all.extend(cognates.into_iter().map(|c| format!("={c}")));
    HeadingKeys { all, names }
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
    align_valued(tr, en, cfg).0
}

/// [`align`], and the value of its path (log odds).
fn align_valued(tr: &[&Paragraph], en: &[&Paragraph], cfg: &AlignConfig) -> (Vec<Bead>, f64) {
    let chars = |side: &[&Paragraph]| side.iter().map(|p| p.text.chars().count()).sum::<usize>();
    if tr.is_empty() || en.is_empty() || chars(tr) < cfg.min_side_chars || chars(en) < cfg.min_side_chars {
        return (Vec::new(), 0.0);
    }
    let features = Features::new(tr, en, cfg);
    let (n, m) = (tr.len(), en.len());
    let full = n * m <= cfg.full_grid_cells;
    // Long texts: a first pass with 1-1 beads only over the candidate cells finds the path; the
    // second pass looks at every bead shape in a corridor around it.
    let (cells, first_shapes) =
        if full { (all_cells(n, m), &ALL_SHAPES[..]) } else { (sparse_cells(n, m, &features, &[]), &ALL_SHAPES[..1]) };
    let first = align_pass(tr, en, &features, cfg, &cells, first_shapes);
    let Some(tuned) = measured_config(tr, en, &features, cfg, &first.0, full) else {
        return first;
    };
    let position = |side: &[&Paragraph], n: usize| side.binary_search_by_key(&n, |p| p.index).unwrap_or(0);
    let cells = if full {
        cells
    } else {
        let path: Vec<(usize, usize)> = std::iter::once((0, 0))
            .chain(first.0.iter().map(|b| (position(tr, b.tr[0]), position(en, b.en[0]))))
            .chain(std::iter::once((n, m)))
            .collect();
        sparse_cells(n, m, &features, &path)
    };
    align_pass(tr, en, &features, &tuned, &cells, &ALL_SHAPES)
}

/// The settings of the second pass: the length ratio measured on the first pass's confident
/// 1-1 beads, shrunk towards the default when there are few. None when the first pass stands
/// (a full grid with fewer than two confident beads, or measuring turned off).
fn measured_config(
    tr: &[&Paragraph],
    en: &[&Paragraph],
    features: &Features,
    cfg: &AlignConfig,
    first: &[Bead],
    full: bool,
) -> Option<AlignConfig> {
    // Beads whose own evidence (continuation included) is at least `CONFIDENT_EVIDENCE`.
    let confident_score = logistic(cfg.score_slope * CONFIDENT_EVIDENCE + cfg.score_offset);
    let confident: Vec<&Bead> =
        first.iter().filter(|b| b.score >= confident_score && b.tr.len() == 1 && b.en.len() == 1).collect();
    if (confident.len() < 2 || !cfg.measure_ratio) && full {
        return None;
    }
    // Paragraphs are in reading order, so their numbers are sorted.
    let position = |side: &[&Paragraph], n: usize| side.binary_search_by_key(&n, |p| p.index).unwrap_or(0);
    let lt: f64 = confident.iter().map(|b| features.tr_len[position(tr, b.tr[0])]).sum();
    let le: f64 = confident.iter().map(|b| features.en_len[position(en, b.en[0])]).sum();
    let k = confident.len() as f64;
    let measured = if lt > 0.0 { (le / lt).clamp(0.75, 1.35) } else { cfg.length_ratio };
    let ratio = (measured * k + cfg.length_ratio * 2.0) / (k + 2.0);
    Some(AlignConfig { length_ratio: ratio, ..cfg.clone() })
}

/// The evidence for one bead, for diagnosis (`tests/align_eval.rs`): length, anchors and
/// prior log-likelihood ratios under the second pass's length ratio, with positions into `tr` and `en`.
#[doc(hidden)]
pub fn explain(
    tr: &[&Paragraph],
    en: &[&Paragraph],
    t: std::ops::Range<usize>,
    e: std::ops::Range<usize>,
    cfg: &AlignConfig,
) -> String {
    let f = Features::new(tr, en, cfg);
    // The second pass's length ratio, as `align` measures it.
    let (n, m) = (tr.len(), en.len());
    let full = n * m <= cfg.full_grid_cells;
    let (cells, shapes) =
        if full { (all_cells(n, m), &ALL_SHAPES[..]) } else { (sparse_cells(n, m, &f, &[]), &ALL_SHAPES[..1]) };
    let first = align_pass(tr, en, &f, cfg, &cells, shapes).0;
    let tuned = measured_config(tr, en, &f, cfg, &first, full);
    let cfg = tuned.as_ref().unwrap_or(cfg);
    let lt: f64 = f.tr_len[t.clone()].iter().sum();
    let le: f64 = f.en_len[e.clone()].iter().sum();
    let masses = |mass: &[f64], r: &std::ops::Range<usize>| {
        mass[r.clone()].iter().map(|m| format!("{m:.1}")).collect::<Vec<_>>().join("+")
    };
    format!(
        "ratio {:.3} len {lt}/{le} {:.2} anchors {:.2} (dice {:.3}, count {}, mass tr {} en {}) stray {:.1} unmatched {} total {:.2}",
        cfg.length_ratio,
        length_llr(lt, le, cfg),
        f.anchor_llr(&t, &e, cfg),
        f.overlap(&t, &e).0,
        f.anchor_count(&t, &e),
        masses(&f.tr_mass, &t),
        masses(&f.en_mass, &e),
        f.stray_member(&t, &e, cfg),
        f.unmatched_sentences(&t, &e, cfg),
        f.llr(t, e, cfg)
    )
}

/// The evidence of every 1-1 cell, for fitting (`tests/align_eval.rs`): Dice overlap, anchor
/// mass, length evidence, sentence fit score and sentences skipped, number of sentences, number
/// of anchors; by Turkish, then English position.
#[doc(hidden)]
pub fn overlap_table(tr: &[&Paragraph], en: &[&Paragraph], cfg: &AlignConfig) -> Vec<Vec<[f64; 7]>> {
    let f = Features::new(tr, en, cfg);
    (0..tr.len())
        .map(|i| {
            (0..en.len())
                .map(|j| {
                    let (dice, mass) = f.overlap(&(i..i + 1), &(j..j + 1));
                    let (a, b) = f.sentences(&(i..i + 1), &(j..j + 1));
                    let (score, skipped) = sentence_fit(a, b, cfg, None);
                    let anchors = (f.tr_count[i] + f.en_count[j]) as f64;
                    let length = length_llr(f.tr_len[i], f.en_len[j], cfg);
                    [dice, mass, length, score, skipped, (a.len() + b.len()) as f64, anchors]
                })
                .collect()
        })
        .collect()
}

/// Bead shapes (Turkish, English paragraphs): 1-1 first.
const ALL_SHAPES: [(usize, usize); 3] = [(1, 1), (1, 2), (2, 1)];

/// Where beads may start: for each Turkish position, the sorted English positions.
type Candidates = Vec<Vec<usize>>;

/// Every cell: exact, for documents of ordinary size.
fn all_cells(n: usize, m: usize) -> Candidates {
    vec![(0..m).collect(); n]
}

/// Candidate start cells for a long pair of texts: a band around the diagonal (parallel files),
/// the cells around each Turkish paragraph's best anchor matches (a summary of any part of the
/// body), and, in the second pass, a corridor around the first pass's path.
fn sparse_cells(n: usize, m: usize, features: &Features, path: &[(usize, usize)]) -> Candidates {
    // The second pass only looks around the first pass's path.
    let first_pass = path.is_empty();
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut add = |i: isize, j: isize| {
        if (0..n as isize).contains(&i) && (0..m as isize).contains(&j) {
            rows[i as usize].push(j as usize);
        }
    };
    const BAND: isize = 6;
    if first_pass {
        for i in 0..n {
            let centre = (i * m / n) as isize;
            for d in -BAND..=BAND {
                add(i as isize, centre + d);
            }
        }
        for (i, j) in features.anchor_matches(3) {
            for d in -2..=2isize {
                add(i as isize + d, j as isize + d);
            }
        }
    }
    for w in path.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        // Between two beads of the first pass, and around each.
        let steps = (i1 - i0).max(j1 - j0).max(1);
        for k in 0..=steps {
            let i = i0 + (i1 - i0) * k / steps;
            let j = j0 + (j1 - j0) * k / steps;
            for d in -3..=3isize {
                add(i as isize, j as isize + d);
            }
        }
    }
    for row in &mut rows {
        row.sort_unstable();
        row.dedup();
    }
    rows
}

/// One candidate bead in the chain.
struct Node {
    i: usize,
    j: usize,
    di: usize,
    dj: usize,
    llr: f64,
    /// The part of `llr` the score leaves out ([`Features::evidence`]).
    surplus: f64,
    value: f64,
    prev: Option<usize>,
    /// The continuation bonus this bead earned from the bead before it.
    bonus: f64,
}

/// Prefix maximum over end columns, of (value, node).
struct Fenwick {
    tree: Vec<(f64, usize)>,
}

impl Fenwick {
    fn new(size: usize) -> Fenwick {
        Fenwick { tree: vec![(f64::NEG_INFINITY, usize::MAX); size + 1] }
    }

    fn update(&mut self, column: usize, entry: (f64, usize)) {
        let mut k = column + 1;
        while k < self.tree.len() {
            if entry.0 > self.tree[k].0 {
                self.tree[k] = entry;
            }
            k += k & k.wrapping_neg();
        }
    }

    fn best_up_to(&self, column: usize) -> (f64, usize) {
        let mut k = column + 1;
        let mut best = (f64::NEG_INFINITY, usize::MAX);
        while k > 0 {
            if self.tree[k].0 > best.0 {
                best = self.tree[k];
            }
            k -= k & k.wrapping_neg();
        }
        best
    }
}

/// The best chain of beads: each bead is worth its log-likelihood ratio, skipping paragraphs
/// costs nothing, and a bead that directly follows another earns the continuation bonus
/// (translations come in runs). Equivalent to the full dynamic program over the grid of
/// Turkish × English positions, but evaluated only at the candidate start cells, with a
/// Fenwick tree for "the best chain ending anywhere above and to the left".
fn align_pass(
    tr: &[&Paragraph],
    en: &[&Paragraph],
    features: &Features,
    cfg: &AlignConfig,
    cells: &Candidates,
    shapes: &[(usize, usize)],
) -> (Vec<Bead>, f64) {
    let (n, m) = (tr.len(), en.len());
    let mut nodes: Vec<Node> = Vec::new();
    let mut ending_at_row: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    // The best chain ending at each column of the previous, current and next row.
    let mut ending_prev: Vec<usize> = vec![usize::MAX; m + 1];
    let mut ending_here: Vec<usize> = vec![usize::MAX; m + 1];
    let mut ending_next: Vec<usize> = vec![usize::MAX; m + 1];
    let mut above_left = Fenwick::new(m);
    for (i, row) in cells.iter().enumerate() {
        for &j in row {
            // Directly after another bead; after one left-out paragraph on either side (a
            // summary leaves paragraphs out); or anywhere above and to the left.
            let chain = |id: usize, bonus: f64| (id != usize::MAX).then(|| (nodes[id].value + bonus, id, bonus));
            let near = cfg.continuation_bonus * cfg.near_continuation;
            let candidates = [
                chain(ending_here[j], cfg.continuation_bonus),
                j.checked_sub(1).and_then(|jj| chain(ending_here[jj], near)),
                chain(ending_prev[j], near),
            ];
            let (far_value, far_id) = above_left.best_up_to(j);
            let mut best = if far_value > 0.0 {
                (far_value, Some(far_id), 0.0)
            } else if i == 0 {
                (cfg.start_bonus, None, cfg.start_bonus)
            } else {
                (0.0, None, 0.0)
            };
            for (v, id, bonus) in candidates.into_iter().flatten() {
                if v >= best.0 && v >= 0.0 {
                    best = (v, Some(id), bonus);
                }
            }
            let (base, prev, bonus) = best;
            for &(di, dj) in shapes {
                if i + di > n || j + dj > m {
                    continue;
                }
                let (llr, surplus) = features.evidence(i..i + di, j..j + dj, cfg);
                ending_at_row[i + di].push(nodes.len());
                nodes.push(Node { i, j, di, dj, llr, surplus, value: base + llr, prev, bonus });
            }
        }
        // Chains ending on the next row become available to the rows below it.
        if i > 0 {
            for &id in &ending_at_row[i - 1] {
                ending_prev[nodes[id].j + nodes[id].dj] = usize::MAX;
            }
        }
        std::mem::swap(&mut ending_prev, &mut ending_here);
        for &id in &ending_at_row[i + 1] {
            let node = &nodes[id];
            let end = node.j + node.dj;
            above_left.update(end, (node.value, id));
            let other = ending_next[end];
            if other == usize::MAX || nodes[other].value < node.value {
                ending_next[end] = id;
            }
        }
        std::mem::swap(&mut ending_here, &mut ending_next);
    }
    let mut best: Option<usize> = None;
    for (id, node) in nodes.iter().enumerate() {
        if node.value > 0.0 && best.is_none_or(|b| nodes[b].value < node.value) {
            best = Some(id);
        }
    }
    let value = best.map_or(0.0, |b| nodes[b].value);
    let mut beads = Vec::new();
    // The continuation bonus the following bead earned from this one: a bead with translated
    // neighbours directly on both sides is likelier right than its own evidence says.
    let mut bonus_out = 0.0;
    while let Some(id) = best {
        let node = &nodes[id];
        let sandwich = if node.bonus > 0.0 { bonus_out } else { 0.0 };
        let score = logistic(cfg.score_slope * (node.llr - node.surplus + node.bonus + sandwich) + cfg.score_offset);
        bonus_out = node.bonus;
        if score >= cfg.min_score {
            beads.push(Bead {
                tr: tr[node.i..node.i + node.di].iter().map(|p| p.index).collect(),
                en: en[node.j..node.j + node.dj].iter().map(|p| p.index).collect(),
                score,
            });
        }
        best = node.prev;
    }
    beads.reverse();
    (beads, value)
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Per-paragraph lengths and anchors, and the document-wide anchor weights.
/// Settings (as bits), and the sentences left unmatched by each 1-1 part found with them.
type UnmatchedMemo = ([u64; 7], HashMap<(u32, u32), f64, FxBuild>);

struct Features {
    tr_len: Vec<f64>,
    en_len: Vec<f64>,
    /// Each paragraph's anchors that also occur on the other side (the only ones that can be
    /// shared), sorted.
    tr_anchors: Vec<Vec<u32>>,
    en_anchors: Vec<Vec<u32>>,
    /// Each paragraph's total anchor weight, and the weight it has in common with the next
    /// paragraph of its side: the mass of a two-paragraph side without merging lists.
    tr_mass: Vec<f64>,
    en_mass: Vec<f64>,
    /// Each paragraph's number of anchors (one-sided ones included).
    tr_count: Vec<usize>,
    en_count: Vec<usize>,
    /// Whether each paragraph ends without a punctuation mark, as a headline does.
    tr_headline: Vec<bool>,
    en_headline: Vec<bool>,
    tr_next_common: Vec<f64>,
    en_next_common: Vec<f64>,
    weights: Vec<f64>,
    /// The character lengths of every paragraph's sentences, all paragraphs of a side in one
    /// list, and where each paragraph's sentences start in it (one more entry at the end).
    tr_sentences: Vec<f64>,
    en_sentences: Vec<f64>,
    /// Each sentence's two-sided anchors, in the same order (empty unless the fit weighs them).
    tr_sentence_anchors: Vec<Vec<u32>>,
    en_sentence_anchors: Vec<Vec<u32>>,
    tr_first_sentence: Vec<usize>,
    en_first_sentence: Vec<usize>,
    /// The Turkish row [`Features::overlap`] last looked at.
    marks: std::cell::RefCell<RowMarks>,
    /// The sentences a 1-1 part leaves unmatched ([`Features::unmatched_sentences`]), by
    /// Turkish and English position, for the settings (as bits) they were found with.
    unmatched_memo: std::cell::RefCell<UnmatchedMemo>,
}

impl Features {
    fn new(tr: &[&Paragraph], en: &[&Paragraph], cfg: &AlignConfig) -> Features {
        let lowercase = lowercase_words(tr.iter().chain(en).map(|p| p.text.as_str()));
        let mut ids: HashMap<String, u32, FxBuild> = HashMap::default();
        let mut cognate_ids: HashMap<u32, u32, FxBuild> = HashMap::default();
        // Dictionary concepts (English stems) get ids of their own.
        let mut concept_ids: HashMap<&'static str, u32, FxBuild> = HashMap::default();
        let mut kinds: Vec<AnchorKind> = Vec::new();
        let mut new_id = |kind: AnchorKind| {
            kinds.push(kind);
            kinds.len() as u32 - 1
        };
        let (mut key, mut found) = (String::new(), WordAnchors::default());
        // Appends a text's names, numbers, marks and cognates to `plain`, its dictionary
        // concepts to `concepts`, and the dictionary entries they came from to `entries`.
        let mut read = |text: &str,
                        turkish: bool,
                        plain: &mut Vec<u32>,
                        concepts: &mut Vec<u32>,
                        entries: &mut Vec<usize>| {
            // The id of a keyed anchor (a name, a number, a mark), a new one the first time.
            let mut intern = |k: &str, kind: AnchorKind| match ids.get(k) {
                Some(&id) => id,
                None => *ids.entry(k.to_owned()).or_insert(new_id(kind)),
            };
            anchors_each(text, &lowercase, &mut key, |k, kind| plain.push(intern(k, kind)));
            word_anchors_into(text, turkish, &mut found);
            for &n in &found.numbers {
                key.clear();
                write!(key, "#{n}").expect("writing to a String");
                plain.push(intern(&key, AnchorKind::Number));
            }
            // A question meets a question, an exclamation an exclamation.
            for mark in ["?", "!"].into_iter().filter(|m| text.contains(m)) {
                plain.push(intern(mark, AnchorKind::Mark));
            }
            for &cognate in &found.cognates {
                plain.push(*cognate_ids.entry(cognate).or_insert_with(|| new_id(AnchorKind::Cognate)));
            }
            concepts.extend(
                found.concepts.iter().map(|&c| *concept_ids.entry(c).or_insert_with(|| new_id(AnchorKind::Concept))),
            );
            entries.extend_from_slice(&found.entries);
        };
        // Anchors read by `read`: all of them, and how many there are counting a dictionary
        // word once (it may have several English stems).
        let whole = |plain: &mut Vec<u32>, concepts: &[u32], entries: &mut Vec<usize>| -> (Vec<u32>, usize) {
            plain.sort_unstable();
            plain.dedup();
            entries.sort_unstable();
            entries.dedup();
            let count = plain.len() + entries.len();
            let mut v = Vec::with_capacity(plain.len() + concepts.len());
            v.extend_from_slice(plain);
            v.extend_from_slice(concepts);
            v.sort_unstable();
            v.dedup();
            (v, count)
        };
        // Each paragraph's anchors and count; each sentence's length and, when the sentence
        // fit weighs them, anchors (a paragraph's are then its sentences' together, read once);
        // and where each paragraph's sentences start (one more entry at the end).
        let by_sentence = cfg.sentence_anchors > 0.0 && cfg.sentence_skip > 0.0;
        let mut side = |paras: &[&Paragraph], turkish: bool| {
            let (mut lists, mut counts) = (Vec::with_capacity(paras.len()), Vec::with_capacity(paras.len()));
            let (mut lengths, mut sentences, mut first) = (Vec::new(), Vec::new(), vec![0]);
            let (mut spans, mut plain, mut concepts, mut entries) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            // One sentence's anchors, read into buffers kept from paragraph to paragraph.
            let (mut one, mut one_concepts, mut one_entries) = (Vec::new(), Vec::new(), Vec::new());
            for p in paras {
                spans.clear();
                if cfg.sentence_skip > 0.0 {
                    crate::sentences::spans_into(&p.text, &mut spans);
                    lengths.extend(spans.iter().map(|&(s, e)| p.text[s..e].chars().count() as f64));
                }
                first.push(lengths.len());
                plain.clear();
                concepts.clear();
                entries.clear();
                let (v, count) = if by_sentence && spans.len() > 1 {
                    for &(start, end) in &spans {
                        one.clear();
                        one_concepts.clear();
                        one_entries.clear();
                        read(&p.text[start..end], turkish, &mut one, &mut one_concepts, &mut one_entries);
                        plain.extend_from_slice(&one);
                        concepts.extend_from_slice(&one_concepts);
                        entries.extend_from_slice(&one_entries);
                        sentences.push(whole(&mut one, &one_concepts, &mut one_entries).0);
                    }
                    whole(&mut plain, &concepts, &mut entries)
                } else {
                    read(&p.text, turkish, &mut plain, &mut concepts, &mut entries);
                    let paragraph = whole(&mut plain, &concepts, &mut entries);
                    if by_sentence {
                        sentences.extend(spans.iter().map(|_| paragraph.0.clone()));
                    }
                    paragraph
                };
                lists.push(v);
                counts.push(count);
            }
            (lists, counts, sentences, lengths, first)
        };
        let (tr_anchors, tr_count, tr_sentence_anchors, tr_sentences, tr_first_sentence) = side(tr, true);
        let (en_anchors, en_count, en_sentence_anchors, en_sentences, en_first_sentence) = side(en, false);
        let mut df_tr = vec![0u32; kinds.len()];
        let mut df_en = vec![0u32; kinds.len()];
        for a in tr_anchors.iter().flatten() {
            df_tr[*a as usize] += 1;
        }
        for a in en_anchors.iter().flatten() {
            df_en[*a as usize] += 1;
        }
        let weights: Vec<f64> = (0..kinds.len())
            .map(|k| {
                let share = (df_tr[k] as f64 / tr.len() as f64).max(df_en[k] as f64 / en.len() as f64);
                let w = (-share.ln()).clamp(0.1, 4.0);
                match kinds[k] {
                    // A number is good evidence, but never enough on its own.
                    AnchorKind::Number => w.min(2.0),
                    // Most words have no cognate, and a word's translation may be another
                    // word than the dictionary's: a key found on one side only says nothing.
                    AnchorKind::Cognate | AnchorKind::Concept if df_tr[k] == 0 || df_en[k] == 0 => 0.0,
                    _ => w,
                }
            })
            .collect();
        let len = |side: &[&Paragraph]| side.iter().map(|p| p.text.chars().count() as f64).collect();
        let mass = |lists: &[Vec<u32>]| -> Vec<f64> {
            lists.iter().map(|l| l.iter().map(|&a| weights[a as usize]).sum()).collect()
        };
        let next_common = |lists: &[Vec<u32>]| -> Vec<f64> {
            (0..lists.len())
                .map(|i| match lists.get(i + 1) {
                    Some(next) => intersect(&lists[i], next).map(|a| weights[a as usize]).sum(),
                    None => 0.0,
                })
                .collect()
        };
        let (tr_mass, en_mass) = (mass(&tr_anchors), mass(&en_anchors));
        let (tr_next_common, en_next_common) = (next_common(&tr_anchors), next_common(&en_anchors));
        let two_sided = |lists: Vec<Vec<u32>>| -> Vec<Vec<u32>> {
            lists
                .into_iter()
                .map(|l| l.into_iter().filter(|&a| df_tr[a as usize] > 0 && df_en[a as usize] > 0).collect())
                .collect()
        };
        let headline = |side: &[&Paragraph]| -> Vec<bool> {
            side.iter().map(|p| p.text.trim_end().chars().last().is_some_and(char::is_alphanumeric)).collect()
        };
        Features {
            tr_sentence_anchors: two_sided(tr_sentence_anchors),
            en_sentence_anchors: two_sided(en_sentence_anchors),
            tr_sentences,
            en_sentences,
            tr_first_sentence,
            en_first_sentence,
            tr_len: len(tr),
            en_len: len(en),
            tr_anchors: two_sided(tr_anchors),
            en_anchors: two_sided(en_anchors),
            tr_mass,
            en_mass,
            tr_count,
            en_count,
            tr_headline: headline(tr),
            en_headline: headline(en),
            tr_next_common,
            en_next_common,
            marks: std::cell::RefCell::new(RowMarks::new(weights.len())),
            unmatched_memo: std::cell::RefCell::new(([0; 7], HashMap::default())),
            weights,
        }
    }

    /// The anchor weight of one or two consecutive paragraphs of a side.
    fn side_mass(mass: &[f64], next_common: &[f64], range: &std::ops::Range<usize>) -> f64 {
        match range.len() {
            1 => mass[range.start],
            _ => mass[range.start] + mass[range.start + 1] - next_common[range.start],
        }
    }

    /// For each Turkish paragraph, the `k` English paragraphs sharing the most anchor weight
    /// (anchors found in more than 50 English paragraphs are too common to point anywhere).
    fn anchor_matches(&self, k: usize) -> Vec<(usize, usize)> {
        // The English paragraphs of each anchor: those of anchor `a` are
        // `postings[start[a]..start[a + 1]]`.
        let mut start = vec![0usize; self.weights.len() + 1];
        for &a in self.en_anchors.iter().flatten() {
            start[a as usize + 1] += 1;
        }
        for a in 0..self.weights.len() {
            start[a + 1] += start[a];
        }
        let mut postings = vec![0usize; start[self.weights.len()]];
        let mut next = start.clone();
        for (j, anchors) in self.en_anchors.iter().enumerate() {
            for &a in anchors {
                postings[next[a as usize]] = j;
                next[a as usize] += 1;
            }
        }
        let mut out = Vec::new();
        let mut shared = vec![0.0f64; self.en_anchors.len()];
        let mut touched: Vec<usize> = Vec::new();
        for (i, anchors) in self.tr_anchors.iter().enumerate() {
            for &a in anchors {
                let list = &postings[start[a as usize]..start[a as usize + 1]];
                if list.len() <= 50 {
                    for &j in list {
                        if shared[j] == 0.0 {
                            touched.push(j);
                        }
                        shared[j] += self.weights[a as usize];
                    }
                }
            }
            // The k best (ties to the earlier paragraph): select them, then order those alone.
            let order = |&a: &usize, &b: &usize| shared[b].total_cmp(&shared[a]).then(a.cmp(&b));
            let best = k.min(touched.len());
            if touched.len() > k {
                touched.select_nth_unstable_by(k, order);
            }
            touched[..best].sort_by(order);
            out.extend(touched[..best].iter().map(|&j| (i, j)));
            for &j in &touched {
                shared[j] = 0.0;
            }
            touched.clear();
        }
        out
    }

    fn llr(&self, tr: std::ops::Range<usize>, en: std::ops::Range<usize>, cfg: &AlignConfig) -> f64 {
        self.evidence(tr, en, cfg).0
    }

    /// [`Features::llr`], and the surplus of its anchor evidence ([`Features::anchor_evidence`]):
    /// the path counts it, the score (calibrated without it) does not.
    fn evidence(&self, tr: std::ops::Range<usize>, en: std::ops::Range<usize>, cfg: &AlignConfig) -> (f64, f64) {
        let lt: f64 = self.tr_len[tr.clone()].iter().sum();
        let le: f64 = self.en_len[en.clone()].iter().sum();
        let length = length_llr(lt, le, cfg);
        let (anchors, surplus) = self.anchor_evidence(&tr, &en, cfg);
        let one_to_one = length + anchors + cfg.pair_prior;
        if tr.len() == 1 && en.len() == 1 {
            return (one_to_one, surplus);
        }
        let stray = self.stray_member(&tr, &en, cfg);
        // The sentences can at most waive the stray penalty and count `MAX_EXPLAINED` sentences
        // for the bead: a bead beyond help even so is not worth aligning its sentences.
        let blind = one_to_one - cfg.merge_penalty - stray;
        if blind + stray + cfg.sentence_skip * MAX_EXPLAINED < BEYOND_HELP {
            return (blind, surplus);
        }
        // Sentences the joined paragraph accounts for: left unmatched by the better of the two
        // one-paragraph beads inside this one, matched by this bead.
        let explained = self.explained_sentences(&tr, &en, cfg).min(MAX_EXPLAINED);
        let stray = if explained > 0.0 { 0.0 } else { stray };
        (one_to_one - cfg.merge_penalty - stray + cfg.sentence_skip * explained, surplus)
    }

    /// For a 1-2 or 2-1 bead: how many fewer sentences it leaves unmatched than the better of
    /// its two 1-1 parts (negative when it leaves more).
    fn explained_sentences(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>, cfg: &AlignConfig) -> f64 {
        if cfg.sentence_skip == 0.0 {
            return 0.0;
        }
        let parts = if tr.len() > 1 {
            [(tr.start..tr.start + 1, en.clone()), (tr.start + 1..tr.end, en.clone())]
        } else {
            [(tr.clone(), en.start..en.start + 1), (tr.clone(), en.start + 1..en.end)]
        };
        let mut best_part = f64::INFINITY;
        for (t, e) in &parts {
            best_part = best_part.min(self.unmatched_sentences(t, e, cfg));
            // None can do better than leave nothing unmatched.
            if best_part == 0.0 {
                break;
            }
        }
        best_part - self.unmatched_sentences(tr, en, cfg)
    }

    /// The sentence anchors of a bead's Turkish and English paragraphs, with the weights.
    fn sentence_anchors(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>) -> SentenceAnchors<'_> {
        if self.tr_sentence_anchors.is_empty() || self.en_sentence_anchors.is_empty() {
            return None;
        }
        Some((
            &self.tr_sentence_anchors[self.tr_first_sentence[tr.start]..self.tr_first_sentence[tr.end]],
            &self.en_sentence_anchors[self.en_first_sentence[en.start]..self.en_first_sentence[en.end]],
            &self.weights,
        ))
    }

    /// The sentence lengths of a bead's Turkish and English paragraphs.
    fn sentences(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>) -> (&[f64], &[f64]) {
        (
            &self.tr_sentences[self.tr_first_sentence[tr.start]..self.tr_first_sentence[tr.end]],
            &self.en_sentences[self.en_first_sentence[en.start]..self.en_first_sentence[en.end]],
        )
    }

    /// How many sentences of a bead find no counterpart when the bead's sentences are aligned
    /// by their lengths and anchors ([`sentence_fit`]): a translation leaves none, a paragraph
    /// paired with part of its translation leaves the rest.
    fn unmatched_sentences(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>, cfg: &AlignConfig) -> f64 {
        if cfg.sentence_skip == 0.0 {
            return 0.0;
        }
        let (a, b) = self.sentences(tr, en);
        // One sentence against one is one sentence bead; very long beads are not worth the time.
        if a.len() * b.len() == 1 || a.len() * b.len() > 48 {
            return 0.0;
        }
        let anchors = self.sentence_anchors(tr, en);
        if tr.len() > 1 || en.len() > 1 {
            return sentence_fit(a, b, cfg, anchors).1;
        }
        // A 1-1 part is asked for by up to four beads around it (as the first or second
        // part of a 1-2 and of a 2-1): computed once for the settings of the pass.
        let settings = [
            cfg.sentence_skip,
            cfg.sentence_anchors,
            cfg.sentence_anchor_full,
            cfg.sentence_merge_penalty,
            cfg.length_ratio,
            cfg.length_variance,
            cfg.ratio_variance,
        ]
        .map(f64::to_bits);
        let mut memo = self.unmatched_memo.borrow_mut();
        if memo.0 != settings {
            *memo = (settings, HashMap::default());
        }
        *memo.1.entry((tr.start as u32, en.start as u32)).or_insert_with(|| sentence_fit(a, b, cfg, anchors).1)
    }

    /// A bead that joins two paragraphs on one side should find each of them in the other side:
    /// a member with anchors of its own and none shared — beyond those its sibling shares too —
    /// is more likely a neighbour the translation left out. Returns the penalty (0 or
    /// `cfg.stray_penalty`).
    fn stray_member(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>, cfg: &AlignConfig) -> f64 {
        // Only what the member adds counts: news paragraphs repeat the story's names, and a
        // neighbour sharing just those with the other side brings nothing of its own.
        let shares = |member: &[u32], sibling: &[u32], other: &[Vec<u32>]| {
            other.iter().any(|o| intersect(member, o).any(|a| sibling.binary_search(&a).is_err()))
        };
        // A headline (no full stop) that restates its paragraph — half its weight or more
        // shared with it — has only the rest for its own.
        let stray =
            |side: &[Vec<u32>], mass: &[f64], headline: &[bool], range: &std::ops::Range<usize>, other: &[Vec<u32>]| {
                range.len() > 1
                    && range.clone().any(|k| {
                        let sibling = if k == range.start { range.start + 1 } else { range.start };
                        let restated = if headline[k] {
                            intersect(&side[k], &side[sibling]).map(|a| self.weights[a as usize]).sum::<f64>()
                        } else {
                            0.0
                        };
                        let own = if 2.0 * restated >= mass[k] { mass[k] - restated } else { mass[k] };
                        own >= cfg.stray_mass && !shares(&side[k], &side[sibling], other)
                    })
            };
        let (a, b) = (&self.tr_anchors[tr.clone()], &self.en_anchors[en.clone()]);
        if stray(&self.tr_anchors, &self.tr_mass, &self.tr_headline, tr, b)
            || stray(&self.en_anchors, &self.en_mass, &self.en_headline, en, a)
        {
            cfg.stray_penalty
        } else {
            0.0
        }
    }

    fn anchor_llr(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>, cfg: &AlignConfig) -> f64 {
        self.anchor_evidence(tr, en, cfg).0
    }

    /// How many anchors a bead's paragraphs have, both sides together (one-sided ones too).
    fn anchor_count(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>) -> usize {
        self.tr_count[tr.clone()].iter().chain(&self.en_count[en.clone()]).sum()
    }

    /// [`Features::anchor_llr`], and the part of it that many anchors add beyond full weight
    /// (the surplus; see [`AlignConfig::anchor_confidence_cap`]).
    fn anchor_evidence(
        &self,
        tr: &std::ops::Range<usize>,
        en: &std::ops::Range<usize>,
        cfg: &AlignConfig,
    ) -> (f64, f64) {
        let (dice, total) = self.overlap(tr, en);
        if total == 0.0 {
            return (0.0, 0.0);
        }
        // Few anchors are weak evidence either way; many are stronger evidence than a few, up
        // to a point (the overlap of two long paragraphs varies less than that of two short).
        let amount = total / 8.0;
        let confidence = if amount <= cfg.anchor_amount_full {
            amount.min(1.0)
        } else {
            (amount / cfg.anchor_amount_full).sqrt().min(cfg.anchor_confidence_cap)
        };
        // Many anchors and almost none shared: two paragraphs about different things. The more
        // anchors, the higher the overlap that counts as low, and the surer it is. None shared
        // at all says so from fewer anchors.
        let count = self.anchor_count(tr, en);
        let beyond = count.saturating_sub(cfg.low_overlap_anchors) as f64;
        let low = (LOW_OVERLAP + cfg.low_overlap_slope * beyond).min(cfg.low_overlap_max.max(LOW_OVERLAP));
        let unrelated =
            if (dice < low && count >= cfg.low_overlap_anchors) || (dice == 0.0 && count >= cfg.zero_overlap_anchors) {
                let surer = count as f64 / cfg.low_overlap_anchors as f64;
                cfg.low_overlap_penalty * surer * (1.0 - dice / low)
            } else {
                0.0
            };
        let weighed = cfg.anchor_weight * (dice - cfg.anchor_baseline);
        (weighed * confidence - unrelated, weighed * (confidence - confidence.min(1.0)))
    }

    /// The Dice overlap of a bead's anchors (weighted) and their total weight on both sides.
    /// The aligner asks for every bead starting on a Turkish row before it moves to the next
    /// row, so the row's anchors are spread out once ([`RowMarks`]) and each English paragraph's
    /// anchors are looked up there, in order: the same sum, without walking two lists.
    fn overlap(&self, tr: &std::ops::Range<usize>, en: &std::ops::Range<usize>) -> (f64, f64) {
        let mass_a = Features::side_mass(&self.tr_mass, &self.tr_next_common, tr);
        let mass_b = Features::side_mass(&self.en_mass, &self.en_next_common, en);
        let total = mass_a + mass_b;
        if total == 0.0 {
            return (0.0, 0.0);
        }
        let mut marks = self.marks.borrow_mut();
        if marks.row != tr.start {
            marks.load(&self.tr_anchors, &self.weights, tr.start);
        }
        let weight = if tr.len() == 1 { &marks.one } else { &marks.two };
        let shared = if en.len() == 1 {
            self.en_anchors[en.start].iter().fold(0.0, |sum, &a| sum + weight[a as usize])
        } else {
            Merged::new(&self.en_anchors[en.clone()]).fold(0.0, |sum, a| sum + weight[a as usize])
        };
        (2.0 * shared / total, total)
    }
}

/// The anchor weights of one Turkish paragraph (`one`) and of it with the next (`two`), by
/// anchor, zero for anchors they lack.
struct RowMarks {
    row: usize,
    one: Vec<f64>,
    two: Vec<f64>,
    /// The anchors set, to clear them for the next row.
    set: Vec<u32>,
}

impl RowMarks {
    fn new(anchors: usize) -> RowMarks {
        RowMarks { row: usize::MAX, one: vec![0.0; anchors], two: vec![0.0; anchors], set: Vec::new() }
    }

    fn load(&mut self, lists: &[Vec<u32>], weights: &[f64], row: usize) {
        for &a in &self.set {
            self.one[a as usize] = 0.0;
            self.two[a as usize] = 0.0;
        }
        self.set.clear();
        for &a in &lists[row] {
            self.one[a as usize] = weights[a as usize];
            self.two[a as usize] = weights[a as usize];
            self.set.push(a);
        }
        for &a in lists.get(row + 1).into_iter().flatten() {
            self.two[a as usize] = weights[a as usize];
            self.set.push(a);
        }
        self.row = row;
    }
}

/// The sorted union of the anchor lists of one or two paragraphs (a bead's side), without
/// allocating: the aligner asks for it at every candidate bead.
struct Merged<'a> {
    first: &'a [u32],
    second: &'a [u32],
    last: Option<u32>,
}

impl<'a> Merged<'a> {
    fn new(lists: &'a [Vec<u32>]) -> Merged<'a> {
        let first = lists.first().map_or(&[][..], Vec::as_slice);
        let second = lists.get(1).map_or(&[][..], Vec::as_slice);
        Merged { first, second, last: None }
    }
}

impl Iterator for Merged<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        loop {
            let take = match (self.first.first(), self.second.first()) {
                (Some(&a), b) if b.is_none_or(|&b| a <= b) => {
                    self.first = &self.first[1..];
                    a
                }
                (_, Some(&b)) => {
                    self.second = &self.second[1..];
                    b
                }
                _ => return None,
            };
            if self.last != Some(take) {
                self.last = Some(take);
                return Some(take);
            }
        }
    }
}

/// The common elements of two sorted lists.
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

/// The two-sided anchors of a bead's Turkish and English sentences, and the anchor weights.
type SentenceAnchors<'a> = Option<(&'a [Vec<u32>], &'a [Vec<u32>], &'a [f64])>;

/// The best alignment of two lists of sentences, by their lengths and, when given, their
/// anchors: (its score, the sentences it leaves without a counterpart). Each sentence bead of
/// up to four sentences in all (1-1, 1-2, 2-1, 2-2, 1-3, 3-1) scores its [`length_llr`] and
/// its anchors' evidence less `cfg.sentence_merge_penalty` per extra sentence; each sentence
/// left alone costs `cfg.sentence_skip`.
fn sentence_fit(a: &[f64], b: &[f64], cfg: &AlignConfig, anchors: SentenceAnchors) -> (f64, f64) {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    // Most beads have a few sentences a side: their table lives on the stack.
    let mut small = [(f64::NEG_INFINITY, 0.0f64); 64];
    let mut large = Vec::new();
    let best: &mut [(f64, f64)] = if (n + 1) * w <= small.len() {
        &mut small[..(n + 1) * w]
    } else {
        large.resize((n + 1) * w, (f64::NEG_INFINITY, 0.0));
        &mut large
    };
    best[0] = (0.0, 0.0);
    // The anchor weight each Turkish sentence shares with each English one, and each
    // sentence's own (at most 48 pairs: on the stack).
    let mut shared = [0.0f64; 48];
    let (mut own_a, mut own_b) = ([0.0f64; 48], [0.0f64; 48]);
    let lexical = anchors.filter(|_| n * m <= 48).map(|(ta, ea, weights)| {
        let mass = |l: &[u32]| l.iter().map(|&x| weights[x as usize]).sum::<f64>();
        for (i, t) in ta.iter().enumerate() {
            own_a[i] = mass(t);
            for (j, e) in ea.iter().enumerate() {
                shared[i * m + j] = intersect(t, e).map(|x| weights[x as usize]).sum();
            }
        }
        for (j, e) in ea.iter().enumerate() {
            own_b[j] = mass(e);
        }
    });
    // A sentence bead's anchor evidence, as a paragraph's ([`Features::anchor_evidence`]) but
    // counting in full from `cfg.sentence_anchor_full`.
    let anchor_llr = |i: usize, di: usize, j: usize, dj: usize| -> f64 {
        if lexical.is_none() {
            return 0.0;
        }
        let total: f64 = own_a[i..i + di].iter().sum::<f64>() + own_b[j..j + dj].iter().sum::<f64>();
        if total == 0.0 {
            return 0.0;
        }
        let common: f64 = (i..i + di).map(|r| shared[r * m + j..r * m + j + dj].iter().sum::<f64>()).sum();
        let dice = (2.0 * common / total).min(1.0);
        cfg.sentence_anchors
            * cfg.anchor_weight
            * (dice - cfg.anchor_baseline)
            * (total / cfg.sentence_anchor_full).min(1.0)
    };
    for i in 0..=n {
        for j in 0..=m {
            let (here, skipped) = best[i * w + j];
            if here == f64::NEG_INFINITY {
                continue;
            }
            let mut offer = |ii: usize, jj: usize, gain: f64, skip: f64| {
                let cell = &mut best[ii * w + jj];
                if here + gain > cell.0 {
                    *cell = (here + gain, skipped + skip);
                }
            };
            if i < n {
                offer(i + 1, j, -cfg.sentence_skip, 1.0);
            }
            if j < m {
                offer(i, j + 1, -cfg.sentence_skip, 1.0);
            }
            let mut lt = 0.0;
            for di in 1..=3.min(n - i) {
                lt += a[i + di - 1];
                let mut le = 0.0;
                for dj in 1..=3.min(m - j).min(4 - di) {
                    le += b[j + dj - 1];
                    let extra = (di + dj - 2) as f64;
                    let lexical = anchor_llr(i, di, j, dj);
                    offer(i + di, j + dj, length_llr(lt, le, cfg) + lexical - cfg.sentence_merge_penalty * extra, 0.0);
                }
            }
        }
    }
    best[n * w + m]
}

/// Gale–Church: how much likelier the two lengths are for a translation pair than for two
/// unrelated paragraphs of similar size, as a log ratio. For a translation the normalised
/// difference δ is standard normal (the difference's variance is s² per character plus the
/// ratio's variance times the length squared); for unrelated paragraphs it spreads with the
/// length (lengths of unrelated paragraphs differ by about half), so agreeing lengths of long
/// paragraphs are strong evidence and those of two short headings are none.
fn length_llr(lt: f64, le: f64, cfg: &AlignConfig) -> f64 {
    let mean = (lt + le / cfg.length_ratio) / 2.0;
    if mean == 0.0 {
        return 0.0;
    }
    // δ², and the variance r² of δ between unrelated paragraphs (at least 1).
    let diff = le - lt * cfg.length_ratio;
    let variance = cfg.length_variance * mean + cfg.ratio_variance * mean * mean;
    let d2 = diff * diff / variance;
    let r2 = (0.25 * mean * mean / variance).max(1.0);
    // A tenth of real pairs are looser than Gale–Church's normal (a footnote marker, a
    // sentence the translator added): a wider component (δ/3) keeps them from being ruled out.
    // ln [0.9 φ(δ) + 0.1 φ(δ/3) / 3] − ln [φ(δ/r) / r], worked out in logarithms: one `exp`,
    // one `ln` (this is the aligner's most frequent call, from every sentence fit).
    let mixture = 0.9 * (-4.0 * d2 / 9.0).exp() + 0.1 / 3.0;
    (0.5 * (r2 * mixture * mixture).ln() - d2 / 18.0 + d2 / (2.0 * r2)).clamp(-8.0, 3.0)
}

/// [`length_llr`] of a paragraph of `own` characters on one side (Turkish when `turkish`) and
/// `other` characters on the other.
fn side_length_llr(own: f64, other: f64, turkish: bool, cfg: &AlignConfig) -> f64 {
    if turkish { length_llr(own, other, cfg) } else { length_llr(other, own, cfg) }
}

/// Turkish names that change form in English, by [`match_key`](crate::casing::match_key) of the Turkish stem.
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

/// Turkish names by [`match_key`](crate::casing::match_key) → English: [`GLOSSARY`] first, then the single-word names of
/// countries, territories, languages, cities ("Londra") and subdivisions ("İskoçya") of Unicode
/// CLDR (`src/lexicon/names.tsv`, derived by `scripts/derive_lexicon.py`; "Özbekçe" also gives
/// the stem "özbek").
static NAMES: std::sync::LazyLock<HashMap<&'static str, &'static str, FxBuild>> = std::sync::LazyLock::new(|| {
    let mut names: HashMap<&str, &str, FxBuild> =
        include_str!("lexicon/names.tsv").lines().filter_map(|l| l.split_once('\t')).collect();
    names.extend(GLOSSARY.iter().copied());
    names
});

/// The English form of a Turkish name key: the longest known name the key starts with, followed
/// by at most four letters of suffix ("hindistanda" → "india").
fn english_name(key: &str) -> Option<&'static str> {
    let mut end = key.len();
    for _ in 0..5 {
        if let Some(&english) = NAMES.get(&key[..end]) {
            return Some(english);
        }
        end = key[..end].char_indices().next_back().map_or(0, |(i, _)| i);
        if end == 0 {
            break;
        }
    }
    None
}

/// Turkish stems with their English stems, every English stem the dictionary knows, and the
/// WikDict roots shorter than a stem ("gör", "ülke"), read as prefixes of longer words.
type Dictionary =
    (HashMap<&'static str, Vec<&'static str>, FxBuild>, HashSet<&'static str, FxBuild>, HashSet<&'static str, FxBuild>);

/// Word translations learned from LibreOffice's help pages, aligned paragraph by paragraph in
/// English and Turkish, the one-word emoji names of Unicode CLDR ("otobüs"/"bus") and the
/// translations of one sense of a Polish word in WikDict's Polish–Turkish and Polish–English
/// dictionaries ("samolot": uçak/aircraft; `src/lexicon/wikdict.tsv`, CC-BY-SA 3.0)
/// (`scripts/derive_lexicon.py`; no evaluation text is read): Turkish stem → its English stems,
/// stems being the first five letters of [`match_key`](crate::casing::match_key).
static DICTIONARY: std::sync::LazyLock<Dictionary> = std::sync::LazyLock::new(|| {
    let mut tr_en: HashMap<&str, Vec<&str>, FxBuild> = HashMap::default();
    let (mut en, mut roots) = (HashSet::default(), HashSet::default());
    let wikdict = include_str!("lexicon/wikdict.tsv").lines().map(|line| (line, true));
    for (line, from_wikdict) in include_str!("lexicon/dictionary.tsv").lines().map(|line| (line, false)).chain(wikdict)
    {
        let mut cols = line.split('\t');
        if let (Some(t), Some(e)) = (cols.next(), cols.next()) {
            tr_en.entry(t).or_default().push(e);
            en.insert(e);
            if from_wikdict && t.len() < 5 {
                roots.insert(t);
            }
        }
    }
    (tr_en, en, roots)
});

/// The dictionary concepts and the cognate keys of a text, from one pass over its words (both
/// read the word's [`match_key`](crate::casing::match_key)): dictionary concepts as English stems ("hükümet" and
/// "government" are both `gover`); and how many different dictionary words gave concepts (a
/// Turkish word may give several).
fn word_anchors(text: &str, turkish: bool) -> (Vec<&'static str>, Vec<u32>, usize) {
    let mut out = WordAnchors::default();
    let words = word_anchors_into(text, turkish, &mut out);
    (out.concepts, out.cognates, words)
}

/// What [`word_anchors_into`] finds in a text's words.
#[derive(Default)]
struct WordAnchors {
    concepts: Vec<&'static str>,
    /// The dictionary entries the concepts came from, each once (by the address of its key).
    entries: Vec<usize>,
    cognates: Vec<u32>,
    /// Numbers written as words ("beş", "five" → 5; "on iki", "twenty-two" → 12, 22): a
    /// translator may write a number in figures where the other side spells it out. "bir" and
    /// "one" count only after a ten ("yirmi bir"): alone they are an article, a pronoun.
    numbers: Vec<u32>,
}

/// [`word_anchors`] and numbers written as words, into `out` (cleared first), returning the
/// number of dictionary words.
fn word_anchors_into(text: &str, turkish: bool, out: &mut WordAnchors) -> usize {
    let (tr_en, en, roots) = &*DICTIONARY;
    let mut buf = String::with_capacity(16);
    let mut base = String::with_capacity(16);
    let mut both: Vec<&'static str> = Vec::with_capacity(2);
    let mut mutated = String::with_capacity(8);
    let mut letters: Vec<char> = Vec::with_capacity(16);
    let WordAnchors { concepts, entries: words, cognates, numbers } = out;
    concepts.clear();
    words.clear();
    cognates.clear();
    numbers.clear();
    // A ten waiting for the unit that may follow it ("yirmi" before "bir").
    let mut tens: Option<u32> = None;
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        if word.chars().nth(1).is_none() {
            numbers.extend(tens.take());
            continue;
        }
        crate::casing::match_key_prefix_into(word, 12, &mut buf);
        match (tens.take(), number_value(&buf, turkish)) {
            (Some(ten), Some(unit)) if unit < 10 => numbers.push(ten + unit),
            (pending, value) => {
                numbers.extend(pending);
                match value {
                    Some(n) if n % 10 == 0 && n < 100 => tens = Some(n),
                    Some(n) if n > 1 => numbers.push(n),
                    _ => {}
                }
            }
        }
        if word.chars().nth(2).is_none() {
            continue;
        }
        let stem = &buf[..buf.char_indices().nth(5).map_or(buf.len(), |(i, _)| i)];
        let (entry, found): (Option<&'static str>, &[&'static str]) = if turkish {
            let key = tr_en.get_key_value(stem).or_else(|| {
                // A root whose last consonant softened before a vowel ("kitabı" kitap,
                // "köpeği" köpek; not the participle's "-dığı"), or a root shorter than a stem,
                // as the longest prefix of a longer word.
                [5, 4, 3].into_iter().find_map(|n| {
                    let end = buf.char_indices().nth(n)?.0;
                    let (prefix, b) = (&buf[..end], buf.as_bytes());
                    let look = |key: &str| match n {
                        5 => tr_en.get_key_value(key),
                        _ => roots.get(key).and_then(|root| tr_en.get_key_value(root)),
                    };
                    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
                    let participle = matches!(b[end - 3], b'd' | b't') && vowel(b[end - 2]);
                    let hard = match b[end - 1] {
                        _ if n == 3 || !b.get(end).is_some_and(|&c| vowel(c)) => None,
                        b'b' => Some('p'),
                        b'g' if !participle && word.contains(['ğ', 'Ğ']) => Some('k'),
                        _ => None,
                    };
                    let softened = hard.and_then(|c| {
                        mutated.clear();
                        mutated.push_str(&prefix[..end - 1]);
                        mutated.push(c);
                        look(&mutated)
                    });
                    softened.or_else(|| if n < 5 { look(prefix) } else { None })
                })
            });
            key.map_or((None, &[]), |(k, v)| (Some(*k), v.as_slice()))
        } else {
            // The word's own stem and its base form's ("saw" is a tool, and "see").
            let own = en.get(stem).copied();
            let of_base = english_bases(&buf, &mut base, |b| {
                let stem = &b[..b.char_indices().nth(5).map_or(b.len(), |(i, _)| i)];
                en.get(stem).copied()
            });
            both.clear();
            both.extend(own);
            both.extend(of_base.filter(|b| Some(*b) != own));
            (own.or(of_base), &both[..])
        };
        if let Some(entry) = entry {
            let address = entry.as_ptr() as usize;
            if !words.contains(&address) {
                words.push(address);
            }
            concepts.extend_from_slice(found);
        }
        if word.chars().nth(4).is_some() {
            letters.clear();
            letters.extend(buf.chars());
            cognates.extend(cognate_key(&letters));
        }
    }
    numbers.extend(tens);
    words.len()
}

/// Calls `found` with the base forms a lowercase English word may be an inflection of
/// ("said" → "say", "cities" → "city", "making" → "make"), most likely first, until it returns
/// something: the dictionary keeps base forms, and a base shorter than a stem ("say") is not
/// the stem of its inflections ("says"). `base` is scratch space.
fn english_bases<T>(word: &str, base: &mut String, mut found: impl FnMut(&str) -> Option<T>) -> Option<T> {
    // Function words, and words that are not the inflection they look like.
    if matches!(word, "has" | "had" | "having" | "does" | "did" | "done" | "doing" | "being" | "news" | "bit" | "its") {
        return None;
    }
    if let Some(b) = english_irregular(word) {
        return found(b);
    }
    let n = word.len();
    let mut try_base = |stripped: usize, add: &str| {
        if n < stripped + 2 || !word.is_char_boundary(n - stripped) {
            return None;
        }
        base.clear();
        base.push_str(&word[..n - stripped]);
        base.push_str(add);
        found(base)
    };
    let doubled = |suffix: usize| {
        let b = word.as_bytes();
        n >= suffix + 3
            && b[n - suffix - 1] == b[n - suffix - 2]
            && !matches!(b[n - suffix - 1], b'l' | b's' | b'e' | b'o')
    };
    if let Some(stem) = word.strip_suffix("ies").or_else(|| word.strip_suffix("ied")) {
        return (stem.len() > 1).then(|| try_base(3, "y")).flatten();
    }
    if word.ends_with("ing") {
        // "coding" is "code", "looking" "look": a single vowel before one consonant asks for an e.
        let b = word.as_bytes();
        let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
        let silent_e = n >= 6 && !vowel(b[n - 4]) && vowel(b[n - 5]) && !vowel(b[n - 6]);
        return if doubled(3) {
            try_base(4, "")
        } else if silent_e {
            try_base(3, "e").or_else(|| try_base(3, ""))
        } else {
            try_base(3, "").or_else(|| try_base(3, "e"))
        };
    }
    if word.ends_with("ed") {
        return if doubled(2) { try_base(3, "") } else { try_base(1, "").or_else(|| try_base(2, "")) };
    }
    if ["sses", "shes", "ches", "xes", "zes"].iter().any(|s| word.ends_with(s)) {
        return try_base(2, "");
    }
    if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") {
        return try_base(1, "");
    }
    None
}

/// The base form of an irregular English verb form or plural ("said" → "say", "children" →
/// "child"): common verbs and nouns whose inflections do not begin with their base.
fn english_irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "arose" | "arisen" => "arise",
        "ate" | "eaten" => "eat",
        "awoke" | "awoken" => "awake",
        "became" => "become",
        "began" | "begun" => "begin",
        "bent" => "bend",
        "bitten" => "bite",
        "blew" | "blown" => "blow",
        "bore" | "borne" => "bear",
        "bought" => "buy",
        "broke" | "broken" => "break",
        "brought" => "bring",
        "built" => "build",
        "burnt" => "burn",
        "caught" => "catch",
        "chose" | "chosen" => "choose",
        "came" => "come",
        "dealt" => "deal",
        "drew" | "drawn" => "draw",
        "drank" | "drunk" => "drink",
        "drove" | "driven" => "drive",
        "dug" => "dig",
        "fed" => "feed",
        "fell" | "fallen" => "fall",
        "felt" => "feel",
        "fought" => "fight",
        "found" => "find",
        "fled" => "flee",
        "flew" | "flown" => "fly",
        "forgot" | "forgotten" => "forget",
        "forgave" | "forgiven" => "forgive",
        "froze" | "frozen" => "freeze",
        "gave" | "given" => "give",
        "went" | "gone" | "goes" => "go",
        "got" | "gotten" => "get",
        "grew" | "grown" => "grow",
        "hung" => "hang",
        "heard" => "hear",
        "hid" | "hidden" => "hide",
        "held" => "hold",
        "kept" => "keep",
        "knew" | "known" => "know",
        "laid" => "lay",
        "led" => "lead",
        "left" => "leave",
        "lent" => "lend",
        "lay" | "lain" => "lie",
        "lost" => "lose",
        "made" => "make",
        "meant" => "mean",
        "met" => "meet",
        "paid" => "pay",
        "ran" => "run",
        "rang" | "rung" => "ring",
        "rode" | "ridden" => "ride",
        "rose" | "risen" => "rise",
        "said" => "say",
        "sang" | "sung" => "sing",
        "sank" | "sunk" => "sink",
        "sat" => "sit",
        "saw" | "seen" => "see",
        "sought" => "seek",
        "sold" => "sell",
        "sent" => "send",
        "shook" | "shaken" => "shake",
        "shot" => "shoot",
        "shown" => "show",
        "slept" => "sleep",
        "spoke" | "spoken" => "speak",
        "spent" => "spend",
        "stood" => "stand",
        "stole" | "stolen" => "steal",
        "struck" | "stricken" => "strike",
        "swore" | "sworn" => "swear",
        "swam" | "swum" => "swim",
        "took" | "taken" => "take",
        "taught" => "teach",
        "tore" | "torn" => "tear",
        "told" => "tell",
        "thought" => "think",
        "threw" | "thrown" => "throw",
        "understood" => "understand",
        "woke" | "woken" => "wake",
        "wore" | "worn" => "wear",
        "won" => "win",
        "wrote" | "written" => "write",
        "withdrew" | "withdrawn" => "withdraw",
        "children" => "child",
        "men" => "man",
        "women" => "woman",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "lives" => "life",
        "wives" => "wife",
        "knives" => "knife",
        "leaves" => "leaf",
        "wolves" => "wolf",
        "halves" => "half",
        "thieves" => "thief",
        "better" | "best" => "good",
        "worse" | "worst" => "bad",
        _ => return None,
    })
}

/// The value of a number word by its [`match_key`](crate::casing::match_key) ("beş",
/// "five" → 5; "on" only in Turkish, "ten" only in English).
fn number_value(key: &str, turkish: bool) -> Option<u32> {
    let n = if turkish {
        match key {
            "bir" => 1,
            "iki" => 2,
            "uc" => 3,
            "dort" => 4,
            "bes" => 5,
            "alti" => 6,
            "yedi" => 7,
            "sekiz" => 8,
            "dokuz" => 9,
            "on" => 10,
            "yirmi" => 20,
            "otuz" => 30,
            "kirk" => 40,
            "elli" => 50,
            "altmis" => 60,
            "yetmis" => 70,
            "seksen" => 80,
            "doksan" => 90,
            "yuz" => 100,
            _ => return None,
        }
    } else {
        match key {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" => 100,
            _ => return None,
        }
    };
    Some(n)
}

/// The cognate key of a word: loanwords and names keep their consonants across the two
/// languages ("teknik"/"technical", "Teksas"/"Texas", "festivali"/"festival"). A key is the
/// first letter (any vowel as `a`) and the next three consonants of the word spelt phonetically
/// (`c` as `k` or `s`, `x` as `ks`, `w` as `v`, `z` as `s`, `h` dropped, doubled letters once);
/// words too short for that prove nothing; the four sounds are ASCII letters, one byte each of
/// the key. `letters` is the word's [`match_key`](crate::casing::match_key).
fn cognate_key(letters: &[char]) -> Option<u32> {
    const SOUNDS: usize = 4;
    // Four ASCII sounds, one byte each.
    let mut key = 0u32;
    let mut count = 0;
    let mut last = ' ';
    for (k, &c) in letters.iter().enumerate() {
        let next = letters.get(k + 1).copied().unwrap_or(' ');
        let sounds: &[char] = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' if k == 0 => &['a'],
            'h' => &[],
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' => {
                last = ' ';
                continue;
            }
            'c' if matches!(next, 'e' | 'i' | 'y') => &['s'],
            'c' | 'q' => &['k'],
            'x' => &['k', 's'],
            'w' => &['v'],
            'z' => &['s'],
            c if c.is_ascii_lowercase() => std::slice::from_ref(&letters[k]),
            _ => &[],
        };
        for &sound in sounds {
            if sound != last && count < SOUNDS {
                key = key << 8 | sound as u32;
                count += 1;
            }
            last = sound;
        }
    }
    (count == SOUNDS).then_some(key)
}

/// A word's [`match_key`](crate::casing::match_key), written into `out` (cleared first).
fn match_key_into(word: &str, out: &mut String) {
    crate::casing::match_key_prefix_into(word, usize::MAX, out);
}

/// What an anchor is: its evidence is weighed by kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AnchorKind {
    Name,
    Number,
    Cognate,
    /// A dictionary word, keyed by its English stem.
    Concept,
    /// A question or exclamation mark: translations keep them.
    Mark,
}

/// The [`match_key`](crate::casing::match_key)s of the words the texts write in lower case.
fn lowercase_words<'a>(texts: impl Iterator<Item = &'a str>) -> HashSet<String, FxBuild> {
    let mut lowercase: HashSet<String, FxBuild> = HashSet::default();
    let mut key = String::new();
    for word in texts.flat_map(str::split_whitespace) {
        if word.chars().next().is_some_and(char::is_lowercase) {
            match_key_into(word.trim_matches(|c: char| !c.is_alphanumeric()), &mut key);
            if !lowercase.contains(key.as_str()) {
                lowercase.insert(key.clone());
            }
        }
    }
    lowercase
}

/// The anchors of a text: (key, kind). `lowercase` holds words the document also writes
/// in lower case; a capitalised one of those is a sentence start, not a name.
fn anchors<S: std::hash::BuildHasher>(text: &str, lowercase: &HashSet<String, S>) -> Vec<(String, AnchorKind)> {
    let mut out = Vec::new();
    anchors_each(text, lowercase, &mut String::new(), |key, kind| out.push((key.to_string(), kind)));
    out
}

/// [`anchors`] one at a time, each key written in `key` (the aligner's hot path: no key is
/// allocated unless it is new to the document).
fn anchors_each<S: std::hash::BuildHasher>(
    text: &str,
    lowercase: &HashSet<String, S>,
    key: &mut String,
    mut each: impl FnMut(&str, AnchorKind),
) {
    for token in text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '/' | ',' | ';' | '"' | '“' | '”'))
    {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        if token.chars().any(|c| c.is_ascii_digit()) {
            for digits in token.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()) {
                key.clear();
                key.push('#');
                key.push_str(digits.trim_start_matches('0'));
                each(key, AnchorKind::Number);
            }
            continue;
        }
        let stem = token.split(['’', '\'']).next().unwrap_or(token);
        if !stem.chars().next().is_some_and(char::is_uppercase) || stem.chars().count() < 2 {
            continue;
        }
        match_key_into(stem, key);
        if lowercase.contains(key.as_str()) {
            continue;
        }
        // "Türkiye" and "Turkey" are the same anchor; so are "Turkish"/"Türk".
        each(english_name(key).unwrap_or(key), AnchorKind::Name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(index: usize, text: &str) -> Paragraph {
        Paragraph {
            index,
            kind: Kind::Body,
            first_line: index,
            last_line: index,
            text: text.to_string(),
            soft_breaks: Vec::new(),
        }
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
    fn a_headline_before_a_bead_on_both_sides_is_paired_but_section_names_are_not() {
        let doc = "Genişletilmiş Özet\n\nEndonezya'da Tsunami ve Deprem Adayı Vurdu, Yüzlerce İnsan Öldü\n\nLombok depreminin ardından, yabancı sivil toplum örgütlerine ihtiyaç duyulmadığı söylendi ve Endonezya hükümeti 2018 yılında ulusal afet ilan etmedi. Lombok nüfusunun yüzde 10'undan fazlası yerinden oldu.\n\nAbstract\n\nIndonesia Tsunami and Quake Devastate an Island, Killing Hundreds\n\nIn the aftermath of the Lombok earthquake, foreign nongovernmental organizations were told they were not needed and Indonesia declared no national disaster in 2018. More than 10 percent of Lombok's population was dislocated.\n";
        // 1 and 4 are "Genişletilmiş Özet" and "Abstract": never a pair.
        assert_eq!(pairs_of(doc), vec![(vec![2], vec![5]), (vec![3], vec![6])]);
    }

    #[test]
    fn a_headline_written_the_same_in_both_is_paired_but_a_running_header_is_not() {
        let tr_body = "Ankara Kartalları, cumartesi akşamı Başkent Arena'da oynanan maçta İzmir Aslanları'nı 3-1 yendi ve ligde üst üste beşinci galibiyetini aldı. Takımın kaptanı maçtan sonra taraftarlara teşekkür etti.";
        let en_body = "The Ankara Eagles beat the Izmir Lions 3-1 at the Capital Arena on Saturday night for their fifth win in a row in the league. The team's captain thanked the fans after the game.";
        let headline = "Premier Cup: Ankara Eagles 3-1 Izmir Lions";
        let doc = format!("Genişletilmiş Özet\n\n{headline}\n\n{tr_body}\n\nAbstract\n\n{headline}\n\n{en_body}\n");
        assert_eq!(pairs_of(&doc), vec![(vec![2], vec![5]), (vec![3], vec![6])]);
        // The journal's line before a page number, in each of two files, is no headline.
        let file = |body: &str, more: &str| {
            let text = format!("{body}\n\nJournal of Applied Studies 16 (2022)\n\n153\n\n{more}\n");
            let paragraphs = crate::reflow::rebuild(&text);
            let labels = crate::detect::detect_document(&paragraphs);
            (paragraphs, labels)
        };
        let (tr, tl) = file(
            tr_body,
            "Kaptan, gelecek hafta deplasmanda oynanacak zor maç için takımın hazır olduğunu ve kimsenin sakatlığı bulunmadığını söyledi.",
        );
        let (en, el) = file(
            en_body,
            "The captain said the team was ready for next week's hard away game and that nobody was injured.",
        );
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        let beads = align_files(&tr, &tl, &en, &el, &cfg);
        assert_eq!(
            beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect::<Vec<_>>(),
            vec![(vec![1], vec![1]), (vec![4], vec![4])]
        );
    }

    #[test]
    fn a_headline_written_as_a_line_of_text_on_one_side_is_paired_too() {
        let doc = "Abstract\n\nJohn Edward: Languages Skills Essential for Global Citizens\n\nScotland's independent schools maintain a track record of academic excellence, and in 2018 Edward said that 85 percent of their pupils in Edinburgh and Glasgow studied a second language.\n\nGenişletilmiş Özet\n\nJohn Edward: Dil becerileri, dünya vatandaşları için büyük önem taşıyor\n\nİskoçya'nın bağımsız okulları akademik anlamda başarılı bir geçmişe sahiptir ve Edward 2018 yılında Edinburgh ve Glasgow'daki öğrencilerin yüzde 85'inin ikinci bir dil öğrendiğini söyledi.\n";
        let paragraphs = crate::reflow::rebuild(doc);
        assert_eq!((paragraphs[1].kind, paragraphs[4].kind), (Kind::Heading, Kind::Body), "{paragraphs:?}");
        assert_eq!(pairs_of(doc), vec![(vec![5], vec![2]), (vec![6], vec![3])]);
    }

    #[test]
    fn a_running_header_of_names_after_the_page_number_is_no_headline_in_either_file() {
        // Even pages carry the authors' names: each file has them once, after a page number,
        // and the Turkish file's copy may read as Turkish.
        let file = |first: &str, second: &str| {
            let text = format!("{first}\n\n148\n\nM. Yilmaz, A. Khan\n\n{second}\n");
            let paragraphs = crate::reflow::rebuild(&text);
            let labels = crate::detect::detect_document(&paragraphs);
            (paragraphs, labels)
        };
        let (tr, tl) = file(
            "Ankara Kartalları, cumartesi akşamı Başkent Arena'da oynanan maçta İzmir Aslanları'nı 3-1 yendi ve ligde üst üste beşinci galibiyetini aldı.",
            "Kaptan, gelecek hafta deplasmanda oynanacak zor maç için takımın hazır olduğunu ve kimsenin sakatlığı bulunmadığını söyledi.",
        );
        let (en, el) = file(
            "The Ankara Eagles beat the Izmir Lions 3-1 at the Capital Arena on Saturday night for their fifth win in a row in the league.",
            "The captain said the team was ready for next week's hard away game and that nobody was injured.",
        );
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        let pairs: Vec<_> = align_files(&tr, &tl, &en, &el, &cfg).into_iter().map(|b| (b.tr, b.en)).collect();
        assert_eq!(pairs, vec![(vec![1], vec![1]), (vec![4], vec![4])]);
    }

    fn pairs_of(doc: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
        let paragraphs = crate::reflow::rebuild(doc);
        let labels = crate::detect::detect_document(&paragraphs);
        let beads = align_document(&paragraphs, &labels, &AlignConfig { min_side_chars: 0, ..AlignConfig::default() });
        beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect()
    }

    #[test]
    fn a_title_case_headline_is_paired_through_its_translated_words() {
        // Every word of a headline is capitalised: none is a name for that ("Domuz", "Pig"),
        // the dictionary links them (domuz/pig, çiftçi/farmer).
        let doc = "Genişletilmiş Özet\n\nKatil Domuz Çinli Çiftçiyi Öldürdü\n\nYerel basına göre Çin'in güneybatısındaki bir pazarda bir çiftçi, bir domuzun saldırısına uğrayarak hayatını kaybetti. Çiftçinin kuzeni, olaydan sonra ağılda ağzı kanlı büyük bir domuz gördüğünü söyledi.\n\nAbstract\n\nKiller Pig Kills Chinese Farmer\n\nA farmer was attacked and killed by a pig at a market in southwest China, according to local media. The farmer's cousin said that after the attack he saw a large pig with blood on its mouth in the sty.\n";
        assert_eq!(pairs_of(doc), vec![(vec![2], vec![5]), (vec![3], vec![6])]);
    }

    #[test]
    fn a_headline_is_paired_past_a_paragraph_the_summary_left_out() {
        let doc = "Abstract\n\nAlmanac: The Inventor of the Geiger Counter\n\nAnd now a page from our Sunday Morning almanac: September 30, 1882, the day the physicist Johannes Wilhelm Geiger was born in the German town of Neustadt.\n\nGeiger developed a method for detecting and measuring radioactivity, an invention that eventually led to the device known as the Geiger Counter.\n\nGenişletilmiş Özet\n\nAlmanak: Geiger Sayacının Mucidi\n\nGeiger, radyoaktiviteyi tespit etmek ve ölçmek için bir yöntem geliştirdi; bu buluş, sonunda Geiger Sayacı olarak bilinen cihazı getirdi.\n";
        assert_eq!(pairs_of(doc), vec![(vec![6], vec![2]), (vec![7], vec![4])]);
    }

    #[test]
    fn a_headline_run_into_the_other_sides_first_paragraph_joins_its_bead() {
        let doc = "Abstract\n\nSarah Palin Cites Track Palin's PTSD at Donald Trump Rally\n\nTrack Palin, 26, spent a year in Iraq after enlisting in September, his mother told the crowd in Tulsa, and came back changed by what he had seen there.\n\nGenişletilmiş Özet\n\nSarah Palin, Donald Trump mitinginde Track Palin'in TSSB'sinden söz etti. Annesi Tulsa'daki kalabalığa, 26 yaşındaki Track Palin'in eylülde orduya katıldıktan sonra bir yılını Irak'ta geçirdiğini ve gördükleri yüzünden değişmiş olarak döndüğünü anlattı.\n";
        assert_eq!(pairs_of(doc), vec![(vec![5], vec![2, 3])]);
    }

    #[test]
    fn a_headline_run_into_the_first_sentence_is_found_where_it_ends() {
        let lowercase = lowercase_words(["daha bu as"].into_iter());
        let fused = |text: &str| fused_headline(text, &lowercase);
        // A common word capitalised after a word without punctuation.
        let text =
            "ABD, yapay zeka fonlarını iki katına çıkarmalı Daha önce Google'da çalışmış olan yatırımcı böyle diyor.";
        assert_eq!(fused(text), Some("ABD, yapay zeka fonlarını iki katına çıkarmalı".chars().count()));
        let text = "Republicans Alienating Women Voters Ahead of Midterms As many Republicans stand by the nominee.";
        assert_eq!(fused(text), Some("Republicans Alienating Women Voters Ahead of Midterms".chars().count()));
        // A name after a headline in title case.
        let text = "Endonezya'da Deprem Yüzlerce Evi Yıktı Lombok depreminin ardından yardım ekipleri adaya ulaştı.";
        assert_eq!(fused(text), Some("Endonezya'da Deprem Yüzlerce Evi Yıktı".chars().count()));
        // Sentences: a name of two words, names after a lower-case word, a full stop first.
        assert_eq!(fused("The market stood next to a High Street shop until it closed in May."), None);
        assert_eq!(
            fused("Tennessee State Tigers linebacker Christion Abercrombie underwent surgery on Saturday."),
            None
        );
        assert_eq!(fused("Bakan dün akşam Yüksek Mahkeme önünde konuştu."), None);
        assert_eq!(fused("Yağmur yağdı. Bu yüzden maç ertelendi ve Daha sonra oynanacak."), None);
    }

    #[test]
    fn a_headline_line_the_other_side_ran_into_its_first_sentence_joins_its_bead() {
        // The English headline is a line of text in sentence case with an acronym the Turkish
        // writes out ("A.I.", "yapay zeka"); the Turkish summary ran its translation into the
        // first sentence ("… çıkarmalı Daha önce …"), and the lengths alone barely speak.
        let doc = "Abstract\n\nU.S. should double A.I. research funding\n\nAs China spends more on artificial intelligence, the U.S. should double what it spends on research in the field, says the investor Kai Lee, who once worked at three large technology companies.\n\nGenişletilmiş Özet\n\nABD yapay zeka fonlarını iki katına çıkarmalı Daha önce üç büyük teknoloji şirketinde çalışmış olan yatırımcı Kai Lee, Çin yapay zekaya daha çok harcadıkça ABD'nin araştırma harcamasını iki katına çıkarması gerektiğini söylüyor.\n";
        // Pairing headlines after the aligner's bead 5 ↔ 3 (it left the English headline out:
        // its acronym, found nowhere in the Turkish, can make it a stray of the bead).
        let headings_paired = |doc: &str| {
            let paragraphs = crate::reflow::rebuild(doc);
            let labels = crate::detect::detect_document(&paragraphs);
            let beads = vec![Bead { tr: vec![5], en: vec![3], score: 0.9 }];
            let beads = pair_headings(&paragraphs, &labels, &paragraphs, &labels, beads, &AlignConfig::default());
            beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect::<Vec<_>>()
        };
        assert_eq!(headings_paired(doc), vec![(vec![5], vec![2, 3])]);
        assert_eq!(pairs_of(doc), vec![(vec![5], vec![2, 3])]);
        // Run in before a name: the headline shares a name or cognate with the heading.
        let doc = "Abstract\n\nMacedonians vote in a referendum on their country's name\n\nThe people of Macedonia voted on Sunday on whether to change the name of their country, which would end a long dispute with Greece.\n\nGenişletilmiş Özet\n\nMakedonyalılar ülkenin adını referandumda oyladı Makedonya halkı pazar günü ülkelerinin adını değiştirip değiştirmemeyi oyladı; bu, Yunanistan ile uzun süren bir anlaşmazlığı bitirecek.\n";
        assert_eq!(headings_paired(doc), vec![(vec![5], vec![2, 3])]);
    }

    #[test]
    fn a_headline_line_is_paired_rather_than_a_heading_further_up() {
        // A heading from elsewhere stands above the Turkish headline, which the reflow reads
        // as a line of text (a sentence with a comma); the English headline is a heading.
        let doc = "Genişletilmiş Özet\n\nKatil Balina Limanda Görüldü\n\nVolkan, Mexico City üzerine kül püskürttü\n\nPopocatepetl volkanından püsküren küller Meksika'nın başkentinin güney mahallelerine ulaştı.\n\nUlusal Afet Önleme Merkezi cumartesi günü, kraterdeki hareketlilik artınca Meksikalıları volkandan uzak durmaları konusunda uyardı.\n\nAbstract\n\nVolcano spews ash on Mexico City\n\nAsh spewing from the Popocatepetl volcano has reached the southern neighbourhoods of Mexico's capital.\n\nThe Center for Disaster Prevention warned people on Saturday to stay away from the volcano after activity picked up in the crater.\n";
        let paragraphs = crate::reflow::rebuild(doc);
        assert_eq!(paragraphs[2].kind, Kind::Body, "{paragraphs:?}");
        assert_eq!(pairs_of(doc), vec![(vec![3], vec![7]), (vec![4], vec![8]), (vec![5], vec![9])]);
    }

    #[test]
    fn a_headline_restating_its_paragraph_is_no_stray_of_the_bead() {
        // The English headline is a paragraph of its own; the Turkish ran it into the next one.
        // Everything it shares with the Turkish its sibling shares too — it restates it.
        let doc = "Abstract\n\nMacedonians vote in a referendum on changing the name of their country\n\nThe people of Macedonia voted in a referendum on Sunday on whether to change the name of their country to Republic of North Macedonia, which would end a long dispute with Greece over membership in NATO and the European Union.\n\nGreece, which has a province called Macedonia, says the name of its northern neighbour is a claim on its territory.\n\nGenişletilmiş Özet\n\nMakedonyalılar ülkelerinin adının değiştirilmesini referandumda oyladı Makedonya halkı pazar günü yapılan referandumda, Yunanistan ile NATO ve Avrupa Birliği üyeliği konusunda yıllardır süren bir anlaşmazlığı sona erdirecek olan Kuzey Makedonya Cumhuriyeti adını kabul edip etmeyeceklerini oyladı.\n\nMakedonya adlı bir ili olan Yunanistan, kuzey komşusunun adının kendi toprakları üzerinde bir hak iddiası olduğunu söylüyor.\n";
        let paragraphs = crate::reflow::rebuild(doc);
        assert_eq!(paragraphs[1].kind, Kind::Body, "{paragraphs:?}");
        assert_eq!(pairs_of(doc), vec![(vec![6], vec![2, 3]), (vec![7], vec![4])]);
    }

    #[test]
    fn a_turkish_headline_full_of_english_names_is_still_paired() {
        let doc = "Genişletilmiş Özet\n\nThe High Breed: Bilinçli hip hop nedir?\n\nBu hip hop üçlüsü, müziklerini olumlu mesajlarla doldurarak türün olumsuz algısını değiştirmek istiyor ve Bristol'deki konserlerinde gençlere sosyal sorunları anlatıyor.\n\nAbstract\n\nThe High Breed: What is conscious hip hop?\n\nA hip hop trio wants to challenge the negative view of the genre by filling their music with positive messages, and tells young people about social issues at its concerts in Bristol.\n";
        assert_eq!(pairs_of(doc), vec![(vec![2], vec![5]), (vec![3], vec![6])]);
    }

    /// Body paragraphs numbered from 1, with the soft breaks given (words before each).
    fn side(texts: &[(&str, &[usize])]) -> (Vec<Paragraph>, Vec<Detected>) {
        let paragraphs: Vec<Paragraph> = texts
            .iter()
            .enumerate()
            .map(|(i, (text, breaks))| Paragraph {
                soft_breaks: breaks.iter().map(|&w| (w, i + 1)).collect(),
                ..para(i + 1, text)
            })
            .collect();
        let labels = crate::detect::detect_document(&paragraphs);
        (paragraphs, labels)
    }

    const TR_A: &str = "Yerel basına göre Çin'in güneybatısındaki bir pazarda bir çiftçi, bir domuzun saldırısına uğrayarak hayatını kaybetti.";
    const TR_B: &str = "Çiftçinin kuzeni, ertesi sabah ağılın kapısını açık bulduğunu ve içeride ağzı kanlı büyük bir erkek domuz gördüğünü söyledi.";
    const EN_A: &str =
        "A farmer was attacked and killed by a pig at a market in southwest China, according to local media reports.";
    const EN_B: &str = "His cousin said that the next morning he found the door of the sty open and a large male pig with blood on its mouth inside.";
    const EN_C: &str = "Security camera footage showed the farmer entering the market at 4.40 am on Thursday to feed his pigs before the attack.";

    #[test]
    fn a_paragraph_run_into_the_next_at_a_full_line_is_split_where_the_other_side_splits() {
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        let joined = format!("{TR_A} {TR_B}");
        let words = TR_A.split_whitespace().count();
        let (mut tr, mut tl) = side(&[(joined.as_str(), &[words])]);
        let (mut en, mut el) = side(&[(EN_A, &[]), (EN_B, &[]), (EN_C, &[])]);
        let beads = split_and_align_files(&mut tr, &mut tl, &mut en, &mut el, &cfg);
        let texts: Vec<&str> = tr.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, [TR_A, TR_B]);
        assert_eq!((tr[1].index, tl.len()), (2, 2));
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect();
        assert_eq!(pairs, vec![(vec![1], vec![1]), (vec![2], vec![2])]);
        // Without the soft break (a summary's own merge, joined mid-line) the bead stays 1-2.
        let (mut tr, mut tl) = side(&[(joined.as_str(), &[])]);
        let (mut en, mut el) = side(&[(EN_A, &[]), (EN_B, &[]), (EN_C, &[])]);
        let beads = split_and_align_files(&mut tr, &mut tl, &mut en, &mut el, &cfg);
        assert_eq!((tr.len(), beads[0].en.clone()), (1, vec![1, 2]));
    }

    #[test]
    fn a_turkish_paragraph_left_alone_takes_the_tail_run_into_the_bead_before_it() {
        // The summary split one English paragraph in two (TR_A, TR_B); the English body ran the
        // next, short paragraph into that one at a page break. Its translation was left alone
        // next to the 2-1 bead, whose own split (at a break between A and B) finds nothing.
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        let (tr_c, en_c) = ("Pazar cuma günü kapalı kaldı.", "The market stayed closed on Friday.");
        let tr_d = "Polis, olayın ardından pazardaki bütün domuzların kontrol edileceğini ve hayvan sahiplerine yeni kurallar getirileceğini açıkladı.";
        let en_d = "Police said after the incident that all pigs at the market would be checked and their owners would face new rules.";
        // A third pair gives an English paragraph the orphan's number (3): in two files that
        // number says nothing of the Turkish side.
        let tr_e =
            "Yetkililer, pazarın önümüzdeki hafta yeniden açılacağını ve güvenlik önlemlerinin artırılacağını duyurdu.";
        let en_e =
            "Officials announced that the market would reopen next week and that security measures would be increased.";
        let (ab, joined) = (format!("{EN_A} {EN_B}"), format!("{EN_A} {EN_B} {en_c}"));
        let words = ab.split_whitespace().count();
        let (mut tr, mut tl) = side(&[(TR_A, &[]), (TR_B, &[]), (tr_c, &[]), (tr_d, &[]), (tr_e, &[])]);
        let (mut en, mut el) = side(&[(joined.as_str(), &[words]), (en_d, &[]), (en_e, &[])]);
        let beads = split_and_align_files(&mut tr, &mut tl, &mut en, &mut el, &cfg);
        let texts: Vec<&str> = en.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, [ab.as_str(), en_c, en_d, en_e], "{beads:?}");
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect();
        assert_eq!(pairs, vec![(vec![1, 2], vec![1]), (vec![3], vec![2]), (vec![4], vec![3]), (vec![5], vec![4])]);
    }

    #[test]
    fn an_english_paragraph_left_alone_takes_the_tail_run_into_the_turkish_bead_before_it() {
        // The Turkish summary merged two English paragraphs into one (a 1-2 bead) and, at a
        // full line (a soft break), ran a short paragraph into it; that one's English
        // counterpart stands alone after the bead. A 1-3 bead is no shape, and the 1-2 bead's
        // own split finds nothing (its break is not between the two English paragraphs).
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        let (tr_b2, en_b2) = (
            "Çiftçinin ailesi, cenaze töreninin pazartesi günü köyde yapılacağını açıkladı.",
            "The farmer's family announced that the funeral would be held in the village on Monday.",
        );
        let (tr_c, en_c) = ("Pazar cuma günü kapalı kaldı.", "The market stayed closed on Friday.");
        let merged = format!("{TR_B} {tr_b2}");
        let joined = format!("{merged} {tr_c}");
        let words = merged.split_whitespace().count();
        let (mut tr, mut tl) = side(&[(TR_A, &[]), (joined.as_str(), &[words])]);
        let (mut en, mut el) = side(&[(EN_A, &[]), (EN_B, &[]), (en_b2, &[]), (en_c, &[])]);
        let beads = split_and_align_files(&mut tr, &mut tl, &mut en, &mut el, &cfg);
        let texts: Vec<&str> = tr.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, [TR_A, merged.as_str(), tr_c], "{beads:?}");
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect();
        assert_eq!(pairs, vec![(vec![1], vec![1]), (vec![2], vec![2, 3]), (vec![3], vec![4])]);
    }

    #[test]
    fn a_split_is_kept_where_its_parts_go_to_different_beads_of_other_shapes() {
        // The summary split EN_A + EN_B in two (TR_A, TR_B) and, at a full line, ran the next
        // paragraph's translation into TR_B. Split, TR_B joins TR_A over the English paragraph
        // (a 2-1) and the tail pairs with EN_C: no single bead's lengths asked for it.
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        let tr_c = "Güvenlik kamerası görüntüleri, çiftçinin saldırıdan önce domuzlarını beslemek için perşembe sabahı 4.40'ta pazara girdiğini gösterdi.";
        let joined = format!("{TR_B} {tr_c}");
        let ab = format!("{EN_A} {EN_B}");
        let (mut tr, mut tl) = side(&[(TR_A, &[]), (joined.as_str(), &[TR_B.split_whitespace().count()])]);
        let (mut en, mut el) = side(&[(ab.as_str(), &[]), (EN_C, &[])]);
        let beads = split_and_align_files(&mut tr, &mut tl, &mut en, &mut el, &cfg);
        let texts: Vec<&str> = tr.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, [TR_A, TR_B, tr_c], "{beads:?}");
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect();
        assert_eq!(pairs, vec![(vec![1, 2], vec![1]), (vec![3], vec![2])]);
        // One file, the English body first: the same.
        let (mut doc, mut labels) = side(&[
            (ab.as_str(), &[]),
            (EN_C, &[]),
            (TR_A, &[]),
            (joined.as_str(), &[TR_B.split_whitespace().count()]),
        ]);
        let beads = split_and_align_document(&mut doc, &mut labels, &cfg);
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect();
        assert_eq!(pairs, vec![(vec![3, 4], vec![1]), (vec![5], vec![2])], "{doc:?}");
    }

    #[test]
    fn sentence_anchors_tell_which_sentence_translates_which() {
        // Two long Turkish sentences translate the first two English ones; the third English
        // sentence belongs to a neighbour the summary left out. By length, the second Turkish
        // sentence is best matched with the last two English ones together: nothing is left
        // over and the bead with the neighbour looks whole. By anchors, the third shares
        // nothing and is left over.
        let cfg = AlignConfig::default();
        let (a, b) = ([150.0, 160.0], [95.0, 100.0, 70.0]);
        let weights = [2.0, 2.0, 2.0, 2.0, 2.0, 2.0];
        let ta = [vec![0, 1], vec![2, 3]];
        let ea = [vec![0, 1], vec![2, 3], vec![4, 5]];
        let anchors = Some((&ta[..], &ea[..], &weights[..]));
        assert_eq!(sentence_fit(&a, &b, &cfg, None).1, 0.0);
        assert_eq!(sentence_fit(&a, &b, &cfg, anchors).1, 1.0);
        // With their anchors shared, the three fit as the lengths say.
        let ea = [vec![0, 1], vec![2], vec![3]];
        assert_eq!(sentence_fit(&a, &b, &cfg, Some((&ta[..], &ea[..], &weights[..]))).1, 0.0);
    }

    #[test]
    fn a_short_neighbours_sentence_is_left_over_rather_than_joined_to_a_translated_one() {
        // A Turkish sentence and its translation, and a short English sentence after it (a
        // neighbour's, or a translation the Turkish lacks): joined to the translation, it even
        // makes the lengths fit better, but translators seldom join sentences.
        let cfg = AlignConfig::default();
        let (a, b) = ([130.0], [110.0, 14.0]);
        assert_eq!(sentence_fit(&a, &b, &cfg, None).1, 1.0);
        // At the paragraphs' merge penalty, joining cost less than leaving it over.
        let even = AlignConfig { sentence_merge_penalty: cfg.merge_penalty, sentence_skip: 1.0, ..cfg.clone() };
        assert_eq!(sentence_fit(&a, &b, &even, None).1, 0.0);
    }

    #[test]
    fn a_left_out_paragraph_run_into_a_translated_one_is_split_off() {
        // The English body ran a paragraph the summary left out (EN_C) into the one it
        // translates; the lengths of the 1-1 bead fit far better without it.
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        let joined = format!("{EN_B} {EN_C}");
        let words = EN_B.split_whitespace().count();
        let (mut tr, mut tl) = side(&[(TR_A, &[]), (TR_B, &[])]);
        let (mut en, mut el) = side(&[(EN_A, &[]), (joined.as_str(), &[words])]);
        let beads = split_and_align_files(&mut tr, &mut tl, &mut en, &mut el, &cfg);
        let texts: Vec<&str> = en.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, [EN_A, EN_B, EN_C]);
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect();
        assert_eq!(pairs, vec![(vec![1], vec![1]), (vec![2], vec![2])]);
    }

    #[test]
    fn country_and_language_names_take_their_english_form() {
        let none = HashSet::new();
        let keys: Vec<String> = anchors("Japonya, Özbekistan’daki Almanca kursları ve Yunanistan", &none)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["japan", "uzbekistan", "german", "greece"]);
        let keys: Vec<String> =
            anchors("Londra’dan Moskova’ya, İskoçya ve Galler", &none).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["london", "moscow", "scotland", "wales"]);
    }

    #[test]
    fn everyday_words_meet_their_translation() {
        let concepts = |text: &str, turkish: bool| word_anchors(text, turkish).0;
        let tr = concepts("Otobüs bir köpek gördü", true);
        let en = concepts("The bus saw a dog", false);
        assert!(["bus", "dog"].iter().all(|c| tr.contains(c) && en.contains(c)), "{tr:?} {en:?}");
        // Through Polish (WikDict): askeri/military, uçak/aircraft, yardım/aid.
        let tr = concepts("Askeri uçak bölgeye yardım getiriyor", true);
        let en = concepts("Military aircraft are bringing in aid", false);
        assert!(["milit", "aircr", "aid"].iter().all(|c| tr.contains(c) && en.contains(c)), "{tr:?} {en:?}");
    }

    #[test]
    fn short_roots_and_inflected_english_words_meet_their_translation() {
        let concepts = |text: &str, turkish: bool| word_anchors(text, turkish).0;
        // Roots shorter than a stem ("gör", "bul", "ülke") are read as prefixes of the words
        // built on them; English inflections ("saw", "found", "countries", "tells") by their
        // base forms, which the dictionary keeps.
        let tr = concepts("Ülkedeki kayıp çocuğu gördüklerini ve bulduklarını söylediler", true);
        let en = concepts("They said they saw and found the missing child in the country", false);
        for c in ["see", "find", "say", "count"] {
            assert!(tr.contains(&c) && en.contains(&c), "{c}: {tr:?} {en:?}");
        }
        let en = concepts("She tells us that countries differ", false);
        assert!(en.contains(&"tell") && en.contains(&"count"), "{en:?}");
        // A final consonant softened before a vowel: köpeği is köpek, but olduğu is not oldukça.
        let tr = concepts("Köpeği gördüğü yerde", true);
        assert!(tr.contains(&"dog") && !tr.contains(&"quite"), "{tr:?}");
        // A root is a prefix only where no stem of five letters is known: "gelir" is income,
        // not "gel-" (come).
        let tr = concepts("Gelir arttı, geliyorlar", true);
        assert!(tr.contains(&"incom") && tr.iter().filter(|&&c| c == "come").count() == 1, "{tr:?}");
        let base = |word: &str| english_bases(word, &mut String::new(), |b| Some(b.to_owned()));
        assert_eq!(base("coding").as_deref(), Some("code"));
        assert_eq!(base("looking").as_deref(), Some("look"));
        assert_eq!(base("stopped").as_deref(), Some("stop"));
        assert_eq!(base("cities").as_deref(), Some("city"));
        assert_eq!(base("churches").as_deref(), Some("church"));
        assert_eq!(base("told").as_deref(), Some("tell"));
        assert_eq!(base("news"), None);
        assert_eq!(base("class"), None);
    }

    #[test]
    fn a_dictionary_word_counts_once_among_a_paragraphs_anchors() {
        // "hata", "durum", "teknik" have several English stems each; the unrelated-paragraph
        // evidence counts anchors, and a short sentence must not look like a long one.
        let text = "Ancak teknik bir hata değilmiş düzenlemelerle ilgili bir durummuş.";
        let (concepts, _, words) = word_anchors(text, true);
        assert!(concepts.len() > 2 * words && words <= 8, "{concepts:?} {words}");
        let (tr, en) = ([para(1, text)], [para(2, "But it wasn't, it was a governmental issue.")]);
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let cfg = AlignConfig::default();
        let features = Features::new(&tr, &en, &cfg);
        let anchors = features.tr_count[0] + features.en_count[0];
        assert!(anchors < cfg.low_overlap_anchors, "{anchors}");
    }

    #[test]
    fn cognates_keep_the_consonants_of_loanwords_and_names() {
        let keys = |text: &str| word_anchors(text, true).1;
        assert_eq!(keys("teknik Teksas festivali olimpiyat"), keys("technical Texas festival olympic"));
        assert_eq!(keys("Endonezya momentumun"), keys("Indonesia momentum"));
        // Short words have no key: "bir", "the", "çok" prove nothing.
        assert!(keys("bir çok the and için").is_empty());
        assert_ne!(keys("hükümet"), keys("government"));
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

    /// A Turkish paragraph with no counterpart where the English has one the summary left out:
    /// two long paragraphs of one field share some words by chance, an overlap well below what
    /// a translation of that length shares.
    #[test]
    fn two_short_paragraphs_sharing_not_one_of_their_anchors_are_told_apart() {
        // A Turkish paragraph with no counterpart and an English one the summary left out:
        // twenty-odd anchors between them, not one shared.
        let tr = [para(1, "Ankara'daki Milli Kütüphane, 1923 yılından kalan el yazmalarını sergiye açtı.")];
        let en = [para(2, "Officials in Brighton said the old pier would reopen after repairs.")];
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let cfg = AlignConfig::default();
        let features = Features::new(&tr, &en, &cfg);
        let count = features.anchor_count(&(0..1), &(0..1));
        assert_eq!(features.overlap(&(0..1), &(0..1)).0, 0.0);
        assert!((cfg.zero_overlap_anchors..cfg.low_overlap_anchors).contains(&count), "{count}");
        let lenient = AlignConfig { zero_overlap_anchors: usize::MAX, ..cfg.clone() };
        let (strict, lax) =
            (features.anchor_llr(&(0..1), &(0..1), &cfg), features.anchor_llr(&(0..1), &(0..1), &lenient));
        assert!(strict <= lax - 1.0, "{strict} {lax}");
    }

    #[test]
    fn long_paragraphs_sharing_little_stay_apart_where_a_summary_skips_on_both_sides() {
        let tr = [
            para(
                1,
                "Kapadokya, Orta Anadolu'da volkanik tüflerin aşınmasıyla oluşmuş peri bacalarıyla tanınan bir bölgedir. Bölgedeki yer altı şehirleri, Bizans döneminde Hristiyan toplulukların baskınlardan korunmak için kullandığı sığınaklardı. Derinkuyu yer altı şehri sekiz kata kadar iner ve binlerce kişiyi hayvanlarıyla birlikte barındırabiliyordu. Bugün bölge, sıcak hava balonu turları ve kaya oyma otelleriyle her yıl iki milyondan fazla ziyaretçi çekmektedir.",
            ),
            para(
                2,
                "Karadeniz kıyısındaki çay tarımı, 1940'lardan sonra Rize ve çevresinde yaygınlaştı. Dik yamaçlardaki bahçelerde hasat hâlâ çoğunlukla elle yapılır ve yaş çay yaprakları aynı gün fabrikalara taşınır. Devlet kuruluşu uzun yıllar piyasanın büyük bölümünü elinde tuttu; özel şirketlerin payı ise serbestleşmeden sonra arttı. Üreticiler son yıllarda kuraklık, gübre fiyatları ve genç nüfusun şehirlere göçüyle mücadele ediyor.",
            ),
            para(
                3,
                "Göbeklitepe'deki kazılar, avcı toplayıcıların tarımdan önce anıtsal yapılar inşa ettiğini gösterdi. Dikilitaşların üzerindeki tilki, yaban domuzu ve akbaba kabartmaları, bu toplulukların karmaşık bir inanç dünyasına sahip olduğunu düşündürüyor. Alanın en eski katmanları yaklaşık on bir bin yıl öncesine tarihleniyor. Arkeologlar, tapınak alanının yalnızca küçük bir bölümünün şimdiye kadar açığa çıkarıldığını tahmin ediyor.",
            ),
        ];
        let en = [
            para(
                10,
                "Cappadocia is a region in Central Anatolia known for its fairy chimneys, formed by the erosion of volcanic tuff. The underground cities of the region were shelters that Christian communities used during the Byzantine period to protect themselves from raids. The underground city of Derinkuyu descends as far as eight levels and could house thousands of people together with their animals. Today the region attracts more than two million visitors every year with hot air balloon tours and cave hotels.",
            ),
            para(
                11,
                "The Hittite capital Hattusa was described by European travellers in the nineteenth century and excavated by German archaeologists in the following decades. Thousands of clay tablets found in the royal archives record treaties, letters and religious texts in several languages. Among them is the peace treaty signed with Egypt after the battle of Kadesh, often called one of the earliest surviving peace agreements. Its ruins were inscribed on the World Heritage List by UNESCO.",
            ),
            para(
                12,
                "The excavations at Göbeklitepe showed that hunter-gatherers built monumental structures before agriculture. Reliefs of foxes, wild boars and vultures on the pillars suggest that these communities had a complex world of beliefs. The oldest layers of the site date back about eleven thousand years. Archaeologists estimate that only a small part of the temple area has been uncovered so far.",
            ),
        ];
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let cfg = AlignConfig::default();
        let features = Features::new(&tr, &en, &cfg);
        // Some 150 anchors, a sixth of them shared: lengths that fit and a share that would
        // count for a pair with few anchors.
        let (dice, _) = features.overlap(&(1..2), &(1..2));
        let count = features.tr_count[1] + features.en_count[1];
        assert!((0.12..0.25).contains(&dice) && count > 120, "{dice} {count}");
        let pairs = |cfg: &AlignConfig| -> Vec<(Vec<usize>, Vec<usize>)> {
            align(&tr, &en, cfg).into_iter().map(|b| (b.tr, b.en)).collect()
        };
        assert_eq!(pairs(&cfg), vec![(vec![1], vec![10]), (vec![3], vec![12])]);
        // With a threshold that stays at `LOW_OVERLAP` whatever the count, they were paired.
        let flat = AlignConfig { low_overlap_slope: 0.0, ..AlignConfig::default() };
        assert!(features.llr(1..2, 1..2, &flat) > 0.0 && features.llr(1..2, 1..2, &cfg) < -2.0);
        assert_eq!(pairs(&flat).len(), 3);
    }

    #[test]
    fn a_neighbour_sharing_nothing_is_not_merged_into_a_bead() {
        let tr = [para(
            1,
            "Ankara ile İslamabad arasındaki ilişkiler, 1962 savaşında Hindistan’a yapılan yardıma rağmen iyileşmeye devam etti ve ECO kuruldu.",
        )];
        let en = [
            para(
                10,
                "Relations between Ankara and Islamabad kept improving despite aid to India in the 1962 war, and ECO was founded.",
            ),
            para(11, "Relations with India, ECO and the 1962 war are discussed in Ankara and Islamabad."),
            para(12, "Meanwhile Brazil, Argentina and Chile signed the Mercosur accords in 1991 and 1994."),
        ];
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let features = Features::new(&tr, &en, &AlignConfig::default());
        let strict = AlignConfig::default();
        let lenient = AlignConfig { stray_penalty: 0.0, ..AlignConfig::default() };
        // 10 + 11: both share names and numbers with the Turkish paragraph, no penalty.
        assert_eq!(features.llr(0..1, 0..2, &lenient), features.llr(0..1, 0..2, &strict));
        // 11 + 12: paragraph 12 has names and numbers of its own and shares none.
        let gap = features.llr(0..1, 1..3, &lenient) - features.llr(0..1, 1..3, &strict);
        assert!((gap - strict.stray_penalty).abs() < 1e-9, "{gap}");
        let beads = align(&tr, &[en[0], en[2]], &AlignConfig { min_side_chars: 0, ..strict });
        assert_eq!(beads.iter().map(|b| b.en.clone()).collect::<Vec<_>>(), vec![vec![10]], "{beads:?}");
    }

    #[test]
    fn a_neighbour_sharing_only_the_storys_names_is_a_stray() {
        let tr = [
            para(1, "Kavanaugh perşembe günü Senato Yargı Komitesi önünde ifade verdi ve suçlamaları reddetti."),
            para(2, "Kavanaugh perşembe günü ifade verdi; Trump, Batı Virginia'daki mitingde Kavanaugh'u övdü."),
        ];
        let en = [
            para(10, "Kavanaugh testified before the Senate Judiciary Committee on Thursday and denied the claims."),
            para(11, "Trump praised Kavanaugh at a rally in West Virginia on Saturday evening."),
        ];
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let cfg = AlignConfig::default();
        let features = Features::new(&tr, &en, &cfg);
        // Paragraph 11 shares "Kavanaugh" with the first Turkish paragraph, but so does 10:
        // it adds nothing of its own there.
        assert_eq!(features.stray_member(&(0..1), &(0..2), &cfg), cfg.stray_penalty);
        // The second Turkish paragraph has Trump and Virginia too: 11 belongs.
        assert_eq!(features.stray_member(&(1..2), &(0..2), &cfg), 0.0);
    }

    #[test]
    fn a_closing_line_merged_into_the_turkish_paragraph_joins_its_bead() {
        let tr = [
            para(
                1,
                "Belediye meclisi dün akşam yeni bütçeyi kabul etti ve okullara ayrılan payı yüzde 12 artırdı. \
                 Başkan Ayşe Demir, kararın uzun bir tartışmanın ardından oybirliğiyle alındığını söyledi. \
                 Toplantı gece yarısına kadar sürdü.",
            ),
            para(2, "Muhalefet partileri ise ulaşım projelerinin ertelenmesini eleştirdi ve yeni bir oylama istedi."),
        ];
        let en = [
            para(
                5,
                "The city council approved the new budget last night and raised the share for schools by 12 \
                 percent. Mayor Ayşe Demir said the decision was unanimous after a long debate.",
            ),
            para(6, "The meeting lasted until midnight."),
            para(7, "Opposition parties criticised the postponement of transport projects and asked for a new vote."),
        ];
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let shape =
            |cfg: &AlignConfig| align(&tr, &en, cfg).iter().map(|b| (b.tr.clone(), b.en.clone())).collect::<Vec<_>>();
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        assert_eq!(shape(&cfg), [(vec![1], vec![5, 6]), (vec![2], vec![7])]);
        // The Turkish paragraph's last sentence has its counterpart only in the 1-2 bead: that
        // bead gains, the 1-1 bead inside it is weighed as before.
        let blind = AlignConfig { sentence_skip: 0.0, ..cfg.clone() };
        let f = Features::new(&tr, &en, &cfg);
        assert_eq!(f.unmatched_sentences(&(0..1), &(0..1), &cfg), 1.0);
        assert_eq!(f.unmatched_sentences(&(0..1), &(0..2), &cfg), 0.0);
        assert!(f.llr(0..1, 0..2, &cfg) - f.llr(0..1, 0..2, &blind) >= cfg.sentence_skip - 1e-9);
        assert_eq!(f.llr(0..1, 0..1, &cfg), f.llr(0..1, 0..1, &blind));
    }

    #[test]
    fn many_shared_anchors_weigh_more_on_the_path_but_not_in_the_score() {
        let tr = [
            para(
                1,
                "Türkiye İstatistik Kurumu'nun (TÜİK) verilerine göre 2023 yılında İstanbul'un nüfusu 15,6 \
                 milyona, Ankara'nın nüfusu 5,8 milyona ve İzmir'in nüfusu 4,5 milyona ulaştı. Bursa 3,2 milyon \
                 ve Antalya 2,7 milyon ile onları izledi; Konya, Adana ve Şanlıurfa da 2 milyonu aştı.",
            ),
            para(2, "Kurum, göçün yavaşladığını söyledi."),
        ];
        let en = [
            para(
                5,
                "According to the Turkish Statistical Institute (TÜİK), in 2023 the population of Istanbul \
                 reached 15.6 million, Ankara 5.8 million and Izmir 4.5 million. Bursa followed with 3.2 \
                 million and Antalya with 2.7 million; Konya, Adana and Sanliurfa also passed 2 million.",
            ),
            para(6, "The institute said migration had slowed."),
        ];
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        let flat = AlignConfig { anchor_confidence_cap: 1.0, ..cfg.clone() };
        let f = Features::new(&tr, &en, &cfg);
        // The long pair shares a score of names and numbers: more evidence than a few anchors.
        let (llr, surplus) = f.evidence(0..1, 0..1, &cfg);
        assert!(surplus > 1.0, "{surplus}");
        assert!((llr - surplus - f.llr(0..1, 0..1, &flat)).abs() < 1e-9);
        // The short pair has too few anchors for a surplus.
        assert_eq!(f.evidence(1..2, 1..2, &cfg).1, 0.0);
        // The beads are the same here, and so are their scores.
        let beads = align(&tr, &en, &cfg);
        assert_eq!(
            beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect::<Vec<_>>(),
            [(vec![1], vec![5]), (vec![2], vec![6])]
        );
        assert_eq!(beads, align(&tr, &en, &flat));
    }

    #[test]
    fn length_llr_is_the_log_ratio_of_the_two_length_densities() {
        // The densities written out, as Gale–Church state them.
        let pdf = |x: f64| (-(x * x) / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
        let direct = |lt: f64, le: f64, cfg: &AlignConfig| {
            let mean = (lt + le / cfg.length_ratio) / 2.0;
            let sd = (cfg.length_variance * mean + cfg.ratio_variance * mean * mean).sqrt();
            let delta = (le - lt * cfg.length_ratio) / sd;
            let r = (0.5 * mean / sd).max(1.0);
            let matched = 0.9 * pdf(delta) + 0.1 * pdf(delta / 3.0) / 3.0;
            (matched / (pdf(delta / r) / r)).ln().clamp(-8.0, 3.0)
        };
        let cfg = AlignConfig::default();
        for lt in [1.0, 7.0, 40.0, 120.0, 400.0, 1500.0] {
            for le in [1.0, 5.0, 38.0, 130.0, 380.0, 1600.0] {
                let (got, want) = (length_llr(lt, le, &cfg), direct(lt, le, &cfg));
                assert!((got - want).abs() < 1e-9, "{lt}/{le}: {got} vs {want}");
            }
        }
        assert_eq!(length_llr(0.0, 0.0, &cfg), 0.0);
        // Agreeing lengths of long paragraphs are evidence; of short ones, next to none.
        assert!(length_llr(400.0, 380.0, &cfg) > 1.0 && length_llr(7.0, 6.0, &cfg).abs() < 0.5);
    }

    #[test]
    fn numbers_in_words_meet_numbers_in_figures() {
        let numbers = |text: &str, turkish: bool| {
            let mut out = WordAnchors::default();
            word_anchors_into(text, turkish, &mut out);
            out.numbers
        };
        assert_eq!(numbers("Beş kişi öldü, on iki kişi yaralandı; yirmi bir gün sürdü.", true), [5, 12, 21]);
        assert_eq!(numbers("Five people died, Twelve were hurt, twenty-two missing.", false), [5, 12, 22]);
        assert_eq!(numbers("On gün, on kişi. Otuz", true), [10, 10, 30]);
        // "on" is a preposition in English, "altında" no number in Turkish.
        assert!(numbers("It hit on Friday, one by one.", false).is_empty());
        assert!(numbers("Köprünün altında bir kedi bekledi.", true).is_empty());
        // The words and the figures are one anchor.
        let tr = [para(1, "Otobüs kazasında beş kişi hayatını kaybetti.")];
        let en = [para(2, "Police said 5 died in the bus crash.")];
        let f = Features::new(&[&tr[0]], &[&en[0]], &AlignConfig::default());
        assert!(!f.tr_anchors[0].is_empty() && f.tr_anchors[0].iter().any(|a| f.en_anchors[0].contains(a)));
    }

    #[test]
    fn a_question_meets_a_question() {
        let tr = [para(1, "Köpeğe kim bakacak?"), para(2, "Bunun planını yapın.")];
        let en = [para(3, "Who will care for the dog?"), para(4, "Have that plan in place.")];
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let f = Features::new(&tr, &en, &AlignConfig::default());
        let dice = |t: usize, e: usize| f.overlap(&(t..t + 1), &(e..e + 1)).0;
        assert!(dice(0, 0) > dice(0, 1), "{} {}", dice(0, 0), dice(0, 1));
    }

    #[test]
    fn one_shared_number_does_not_make_a_pair() {
        let tr = [para(1, "Bölüm 1")];
        let en = [para(2, "Chapter 1")];
        let cfg = AlignConfig { min_side_chars: 0, ..AlignConfig::default() };
        // The bead's own evidence is against it ...
        assert!(Features::new(&[&tr[0]], &[&en[0]], &cfg).llr(0..1, 0..1, &cfg) < 0.0);
        // ... so it is no pair unless its place speaks for it (as the first Turkish paragraph
        // does: a summary starts by translating something).
        let beads = align(&[&tr[0]], &[&en[0]], &AlignConfig { start_bonus: 0.0, ..cfg });
        assert!(beads.is_empty(), "{beads:?}");
    }

    /// Lines `skip..skip + take` of the NTREX pair, a paragraph each.
    fn ntrex_lines(skip: usize, take: usize) -> (Vec<Paragraph>, Vec<Paragraph>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpora/");
        let lines = |name: &str| -> Vec<Paragraph> {
            std::fs::read_to_string(format!("{dir}{name}"))
                .unwrap()
                .lines()
                .skip(skip)
                .take(take)
                .enumerate()
                .map(|(i, l)| para(i + 1, l))
                .collect()
        };
        (lines("newstest2019-ref.tur.txt"), lines("newstest2019-src.eng.txt"))
    }

    #[test]
    fn a_verbose_translation_is_not_topped_up_with_the_next_paragraph() {
        // NTREX: a Turkish paragraph of 615 characters translates 505 English ones (1.22 times,
        // at a ratio of 0.95 expected 1.05); the English paragraph after it was left out of the
        // summary. With Gale–Church's variance alone, that neighbour made the lengths agree
        // and the bead became a 1-2.
        let (tr_lines, en_lines) = ntrex_lines(43, 10);
        let join = |side: &[Paragraph], r: std::ops::Range<usize>| {
            side[r].iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ")
        };
        let tr = [para(1, &join(&tr_lines, 0..4)), para(2, &join(&tr_lines, 5..7))];
        let en = [
            para(11, &join(&en_lines, 0..4)),
            para(12, &en_lines[4].text),
            para(13, &join(&en_lines, 5..7)),
            para(14, &en_lines[7].text),
            para(15, &en_lines[8].text),
            para(16, &en_lines[9].text),
        ];
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let pairs = |cfg: &AlignConfig| -> Vec<(Vec<usize>, Vec<usize>)> {
            align(&tr, &en, cfg).into_iter().map(|b| (b.tr, b.en)).collect()
        };
        let cfg = AlignConfig::default();
        assert_eq!(pairs(&cfg), [(vec![1], vec![11]), (vec![2], vec![13])]);
        // The variance of the ratio is what keeps it so.
        let linear = AlignConfig { length_variance: 4.0, ratio_variance: 0.0, ..cfg };
        assert_eq!(pairs(&linear)[0], (vec![1], vec![11, 12]));
    }

    #[test]
    fn overlap_sums_the_shared_anchors_in_any_order_of_cells() {
        let (tr, en) = ntrex_lines(200, 12);
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let f = Features::new(&tr, &en, &AlignConfig::default());
        let union =
            |lists: &[Vec<u32>]| -> std::collections::BTreeSet<u32> { lists.iter().flatten().copied().collect() };
        let mut cells = Vec::new();
        for i in 0..tr.len() {
            for j in 0..en.len() {
                for (di, dj) in [(1, 1), (1, 2), (2, 1), (2, 2)] {
                    if i + di <= tr.len() && j + dj <= en.len() {
                        cells.push((i..i + di, j..j + dj));
                    }
                }
            }
        }
        // Rows out of order, and back to rows seen before.
        cells.sort_by_key(|(t, e)| (e.start * 7 + t.start * 3) % 11);
        let mut shared_cells = 0;
        for (t, e) in &cells {
            let (a, b) = (union(&f.tr_anchors[t.clone()]), union(&f.en_anchors[e.clone()]));
            let shared = a.intersection(&b).fold(0.0, |sum, &x| sum + f.weights[x as usize]);
            let (dice, total) = f.overlap(t, e);
            if total > 0.0 {
                assert_eq!(dice, 2.0 * shared / total, "{t:?} {e:?}");
            }
            shared_cells += usize::from(shared > 0.0);
        }
        // Line i of one file translates line i of the other.
        assert!(shared_cells >= tr.len(), "{shared_cells}");
    }

    #[test]
    fn candidate_cells_find_what_the_full_grid_finds() {
        let (tr, en) = ntrex_lines(0, 700);
        let (tr, en): (Vec<&Paragraph>, Vec<&Paragraph>) = (tr.iter().collect(), en.iter().collect());
        let sparse = align(&tr, &en, &AlignConfig::default());
        let full = align(&tr, &en, &AlignConfig { full_grid_cells: usize::MAX, ..AlignConfig::default() });
        let pairs = |beads: &[Bead]| -> HashSet<(Vec<usize>, Vec<usize>)> {
            beads.iter().map(|b| (b.tr.clone(), b.en.clone())).collect()
        };
        let (s, f) = (pairs(&sparse), pairs(&full));
        let same = s.intersection(&f).count();
        assert!(f.len() > 600, "{}", f.len());
        assert!(same * 1000 >= f.len() * 995, "sparse {} full {} shared {same}", s.len(), f.len());
    }

    #[test]
    fn length_evidence_peaks_at_the_expected_ratio() {
        let cfg = AlignConfig::default();
        assert!(length_llr(500.0, 475.0, &cfg) > length_llr(500.0, 300.0, &cfg));
        assert!(length_llr(500.0, 475.0, &cfg) > 1.0);
        assert!(length_llr(8.0, 9.0, &cfg).abs() < 0.1, "short texts prove nothing");
    }
}
