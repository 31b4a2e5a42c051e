//! Paragraph alignment end to end on papers built from real parallel text (`common/synth.rs`):
//! raw PDF-like text in, `reflow` → `normalize` → `detect` → `align`, beads out, compared with
//! the gold beads. A bead is right only if both its sides are exactly the gold paragraphs
//! (exact-bead precision, recall and F1). FLORES-200 documents are held out (the aligner's
//! constants were set on NTREX-128 documents); both are measured in one file and as two files.
//!
//! Environment for tuning and robustness runs (`cargo test --release --test align_eval NAME --
//! --include-ignored --nocapture`): `HIZALA_SEED` draws other papers, `HIZALA_CFG` overrides
//! aligner settings (`name=value,…`), `HIZALA_NO_BLANK_LINES` lays papers out without blank
//! lines, `HIZALA_PAGE_STYLE` (0–4) and `HIZALA_PAGE_LINES` change page breaks, `HIZALA_WIDTH`
//! the narrowest line, `HIZALA_ALT_HEADER` (another running header on even pages),
//! `HIZALA_HEADER_LINE` (the shape of the header line with its page number, style 4:
//! `"{p}    {h}"`), `HIZALA_FORM_FEED` (a form feed at each page break) and `HIZALA_INDENT`
//! (first lines set in by so many spaces) other layouts; `HIZALA_RATES` other summaries (how
//! often a paragraph of no counterpart comes in, one is left out, two are joined, one is split:
//! `0.05,0.12,0.12,0.08` by default); `HIZALA_MISSED` lists the gold beads
//! not found; `HIZALA_PERDOC` the papers whose one-file and two-file results differ; `diagnose`, `show_doc`
//! (`HIZALA_DIAG`, `HIZALA_DOC`, `HIZALA_ONE_FILE`; `HIZALA_ALL`: `diagnose` lists the right
//! beads' evidence too) explain single papers. Layouts: `flores`,
//! `ntrex` (1–3 segments a paragraph), `ntrex-segments`, `ntrex-docs` (whole stories),
//! `ntrex-long` (three stories a paper).

#[path = "common/baseline.rs"]
mod baseline;
#[path = "common/pdfsim.rs"]
mod pdfsim;
#[path = "common/synth.rs"]
mod synth;

use std::collections::HashSet;

use hizala::align::{self, AlignConfig, Bead};
use hizala::detect::Label;
use hizala::pipeline::{StageTimes, analyse, analyse_pair};
use hizala::reflow::Paragraph;

/// Letters and digits only, lowercased: the same paragraph whatever its line breaks.
fn key(texts: &[&str]) -> String {
    texts.iter().flat_map(|t| t.chars()).filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[derive(Default, Debug, Clone, Copy)]
pub struct Score {
    found: usize,
    right: usize,
    gold: usize,
}

impl Score {
    fn add(&mut self, other: Score) {
        self.found += other.found;
        self.right += other.right;
        self.gold += other.gold;
    }
    fn precision(&self) -> f64 {
        self.right as f64 / self.found.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.right as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn score(beads: &[Bead], tr: &[Paragraph], en: &[Paragraph], gold: &[synth::GoldBead]) -> (Score, Vec<String>) {
    let text = |side: &[Paragraph], ids: &[usize]| -> Vec<String> {
        ids.iter().map(|&i| side.iter().find(|p| p.index == i).expect("paragraph").text.clone()).collect()
    };
    let gold_keys: HashSet<(String, String)> = gold
        .iter()
        .map(|g| {
            let (t, e): (Vec<&str>, Vec<&str>) =
                (g.tr.iter().map(String::as_str).collect(), g.en.iter().map(String::as_str).collect());
            (key(&t), key(&e))
        })
        .collect();
    let mut s = Score { gold: gold.len(), ..Score::default() };
    let mut wrong = Vec::new();
    let mut found_keys = HashSet::new();
    for b in beads {
        let (t, e) = (text(tr, &b.tr), text(en, &b.en));
        let k = (
            key(&t.iter().map(String::as_str).collect::<Vec<_>>()),
            key(&e.iter().map(String::as_str).collect::<Vec<_>>()),
        );
        s.found += 1;
        found_keys.insert(k.clone());
        if gold_keys.contains(&k) {
            s.right += 1;
        } else {
            wrong.push(format!("{} {:.3} tr {:?} en {:?}", b.shape(), b.score, b.tr, b.en));
        }
    }
    // `HIZALA_MISSED`: the gold beads not found, for the eval tools.
    if std::env::var("HIZALA_MISSED").is_ok() {
        let short = |v: &[String]| v.iter().map(|t| t.chars().take(50).collect::<String>()).collect::<Vec<_>>();
        for g in gold {
            let (t, e): (Vec<&str>, Vec<&str>) =
                (g.tr.iter().map(String::as_str).collect(), g.en.iter().map(String::as_str).collect());
            if !found_keys.contains(&(key(&t), key(&e))) {
                println!("  missed {}-{}: {:?} / {:?}", g.tr.len(), g.en.len(), short(&g.tr), short(&g.en));
            }
        }
    }
    (s, wrong)
}

fn run_one_file(built: &synth::Built, cfg: &AlignConfig) -> (Score, Vec<String>) {
    let mut times = StageTimes::default();
    let (mut paragraphs, mut labels) = analyse(&built.one_file, &mut times);
    let beads = align::split_and_align_document(&mut paragraphs, &mut labels, cfg);
    score(&beads, &paragraphs, &paragraphs, &built.gold)
}

fn run_two_files(built: &synth::Built, cfg: &AlignConfig) -> (Score, Vec<String>) {
    let mut times = StageTimes::default();
    let [(mut tp, mut tl), (mut ep, mut el)] = analyse_pair(&built.tr_file, &built.en_file, &mut times);
    let beads = align::split_and_align_files(&mut tp, &mut tl, &mut ep, &mut el, cfg);
    score(&beads, &tp, &ep, &built.gold)
}

/// The first seed of the papers' random choices; `HIZALA_SEED` draws another set of papers from
/// the same text (to see how much the figures move with the draw).
fn seed_base() -> u64 {
    std::env::var("HIZALA_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1000)
}

pub fn corpus(name: &str) -> Vec<synth::Built> {
    corpus_laid_out(name, seed_base(), std::env::var("HIZALA_NO_BLANK_LINES").is_err())
}

/// The papers of one draw: `base` seeds the first paper's random choices.
fn corpus_drawn(name: &str, base: u64) -> Vec<synth::Built> {
    corpus_laid_out(name, base, true)
}

/// [`corpus_drawn`], with or without blank lines between paragraphs.
fn corpus_laid_out(name: &str, base: u64, blank_lines: bool) -> Vec<synth::Built> {
    // `HIZALA_PAGE_STYLE` (robustness runs of the eval tools): 1, the page number after the
    // header; 2, a running header without any number; 3, a bare page number; 4, the page
    // number on the header's line.
    let style = std::env::var("HIZALA_PAGE_STYLE").ok().and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
    corpus_styled(name, base, blank_lines, synth::PageBreak::ALL[style.min(4)])
}

/// [`corpus_laid_out`] with page breaks of the style given.
fn corpus_styled(name: &str, base: u64, blank_lines: bool, page_break: synth::PageBreak) -> Vec<synth::Built> {
    let (docs, group) = match name {
        "ntrex" => (pdfsim::ntrex_documents(), true),
        "ntrex-segments" => (pdfsim::ntrex_documents(), false),
        // Whole stories as paragraphs (the corpus's documents.tsv rows), eight to a paper.
        "ntrex-docs" => (
            pdfsim::ntrex_documents()
                .chunks(8)
                .map(|c| pdfsim::ParallelDoc {
                    name: c[0].name.clone(),
                    tr: c.iter().map(|d| d.tr.join(" ")).collect(),
                    en: c.iter().map(|d| d.en.join(" ")).collect(),
                })
                .collect(),
            false,
        ),
        // Three stories to a paper: a long English body, the summary covering part of it.
        "ntrex-long" => (
            pdfsim::ntrex_documents()
                .chunks(3)
                .map(|c| pdfsim::ParallelDoc {
                    name: c[0].name.clone(),
                    tr: c.iter().flat_map(|d| d.tr.clone()).collect(),
                    en: c.iter().flat_map(|d| d.en.clone()).collect(),
                })
                .collect(),
            true,
        ),
        _ => (pdfsim::flores_documents(8), false),
    };
    let foreign_pool: Vec<String> = docs.iter().rev().map(|d| d.tr[0].clone()).collect();
    docs.iter()
        .enumerate()
        .filter(|(_, d)| d.tr.len() >= 3)
        .map(|(k, d)| {
            synth::build_styled(
                d,
                base + k as u64,
                group,
                &foreign_pool[k % foreign_pool.len()],
                blank_lines,
                page_break,
            )
        })
        .collect()
}

/// The aligner's settings, with `HIZALA_CFG` overrides (`name=value,…`) for tuning runs.
fn config_from_env() -> AlignConfig {
    let mut cfg = AlignConfig::default();
    for kv in std::env::var("HIZALA_CFG").unwrap_or_default().split(',').filter(|s| !s.is_empty()) {
        let (k, v) = kv.split_once('=').unwrap();
        let v: f64 = v.parse().unwrap();
        match k {
            "pair_prior" => cfg.pair_prior = v,
            "merge_penalty" => cfg.merge_penalty = v,
            "min_score" => cfg.min_score = v,
            "stray_penalty" => cfg.stray_penalty = v,
            "stray_mass" => cfg.stray_mass = v,
            "sent_anchors" => cfg.sentence_anchors = v,
            "sent_full" => cfg.sentence_anchor_full = v,
            "sent_merge" => cfg.sentence_merge_penalty = v,
            "sentence_skip" => cfg.sentence_skip = v,
            "continuation_bonus" => cfg.continuation_bonus = v,
            "anchor_weight" => cfg.anchor_weight = v,
            "anchor_baseline" => cfg.anchor_baseline = v,
            "low_slope" => cfg.low_overlap_slope = v,
            "low_max" => cfg.low_overlap_max = v,
            "conf_cap" => cfg.anchor_confidence_cap = v,
            "amount_full" => cfg.anchor_amount_full = v,
            "near" => cfg.near_continuation = v,
            "length_variance" => cfg.length_variance = v,
            "length_ratio" => cfg.length_ratio = v,
            "ratio_variance" => cfg.ratio_variance = v,
            "low_anchors" => cfg.low_overlap_anchors = v as usize,
            "zero_anchors" => cfg.zero_overlap_anchors = v as usize,
            "low_penalty" => cfg.low_overlap_penalty = v,
            "start_bonus" => cfg.start_bonus = v,
            "min_side_chars" => cfg.min_side_chars = v as usize,
            "slope" => cfg.score_slope = v,
            "offset" => cfg.score_offset = v,
            _ => panic!("{k}"),
        }
    }
    cfg
}

fn evaluate(name: &str) -> (Score, Score) {
    evaluate_papers(name, &corpus(name))
}

fn evaluate_papers(name: &str, docs: &[synth::Built]) -> (Score, Score) {
    let cfg = config_from_env();
    let (mut one, mut two) = (Score::default(), Score::default());
    let mut shown = 0;
    for built in docs {
        let (s1, w1) = run_one_file(built, &cfg);
        let (s2, w2) = run_two_files(built, &cfg);
        if std::env::var("HIZALA_PERDOC").is_ok() && s1.right != s2.right {
            println!(
                "PERDOC {} one {}/{}/{} two {}/{}/{}",
                built.name, s1.right, s1.found, s1.gold, s2.right, s2.found, s2.gold
            );
        }
        one.add(s1);
        two.add(s2);
        for w in w1.iter().chain(&w2) {
            if shown < 12 {
                println!("  {} wrong: {w}", built.name);
                shown += 1;
            }
        }
    }
    for (mode, s) in [("one file", one), ("two files", two)] {
        println!(
            "{name} ({} papers, {mode}): {} gold beads, {} found, {} right: P {:.4} R {:.4} F1 {:.4}",
            docs.len(),
            s.gold,
            s.found,
            s.right,
            s.precision(),
            s.recall(),
            s.f1()
        );
    }
    (one, two)
}

#[test]
fn held_out_flores_papers_align_exactly() {
    let (one, two) = evaluate("flores");
    assert!(one.f1() >= 0.99 && two.f1() >= 0.99, "F1 one file {:.4}, two files {:.4}", one.f1(), two.f1());
}

/// The same held-out papers with no blank line between paragraphs: a paragraph's end shows
/// only where its last line stops short (and where the next line's first word would have
/// fitted). An end after a full last line cannot be seen; the aligner splits such a paragraph
/// at a sentence end on a full line where that makes its path likelier. The floor is lower:
/// F1 was 0.40 before the reflow looked at what fits on a line, 0.78 before the aligner split
/// paragraphs, 0.91 / 0.93 with the split rules of one bead's lengths, 0.969 / 0.971 now
/// (0.89–0.97 over five draws).
#[test]
fn held_out_flores_papers_without_blank_lines() {
    let docs = corpus_laid_out("flores", seed_base(), false);
    let (one, two) = evaluate_papers("flores without blank lines", &docs);
    assert!(one.f1() >= 0.92 && two.f1() >= 0.92, "F1 one file {:.4}, two files {:.4}", one.f1(), two.f1());
}

/// NTREX papers (the development set) without blank lines: 0.954 / 0.952 (0.928 / 0.922 on
/// average over eight draws with the split rules of one bead's lengths, 0.948 / 0.947 now).
#[test]
fn ntrex_papers_without_blank_lines() {
    let docs = corpus_laid_out("ntrex", seed_base(), false);
    let (one, two) = evaluate_papers("ntrex without blank lines", &docs);
    assert!(one.f1() >= 0.93 && two.f1() >= 0.93, "F1 one file {:.4}, two files {:.4}", one.f1(), two.f1());
}

/// The held-out papers with page breaks shown other ways: the running header before the page
/// number, a header without any number (known only by standing alone more than once), a bare
/// page number, the number on the header's line. Before the reflow knew them, F1 fell to 0.90
/// (header then number), 0.989 / 0.994 (header only) and 0.989 / 0.994 (number on the header's
/// line); a bare number was handled already.
#[test]
fn held_out_flores_papers_with_other_page_breaks() {
    for style in &synth::PageBreak::ALL[1..] {
        let docs = corpus_styled("flores", seed_base(), true, *style);
        let (one, two) = evaluate_papers(&format!("flores, page breaks {style:?}"), &docs);
        assert!(
            one.f1() >= 0.98 && two.f1() >= 0.98,
            "{style:?}: F1 one file {:.4}, two files {:.4}",
            one.f1(),
            two.f1()
        );
    }
}

/// NTREX-128 papers are the development set of the aligner's constants (no lexicon is derived
/// from them). News stories are harder than FLORES paragraphs: one story's paragraphs share
/// their names and topic words, and many are a single short line. The 0.99 target is met on
/// average over these eight draws (0.992 / 0.993) and over sixteen fresh ones (0.992 /
/// 0.993); the floor guards what is.
#[test]
fn ntrex_papers_align() {
    let (one, two) = evaluate("ntrex");
    assert!(one.f1() >= 0.985 && two.f1() >= 0.985, "F1 one file {:.4}, two files {:.4}", one.f1(), two.f1());
}

/// Sentences inside aligned pairs, on held-out FLORES-200 paragraphs: the corpus gives each
/// paragraph as translated lines (a line is a sentence, now and then two), so every sentence we
/// split off belongs to known lines. A sentence bead is right when its Turkish and English
/// sentences come from the same lines; a line is found when the beads covering it are right.
#[test]
fn held_out_flores_sentences_split_and_align() {
    let dir = pdfsim::fixtures();
    let read = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let (tr_lines, en_lines) = (read("tur_Latn.devtest"), read("eng_Latn.devtest"));
    let (tr_lines, en_lines): (Vec<&str>, Vec<&str>) = (tr_lines.lines().collect(), en_lines.lines().collect());
    let table = read("flores200_paragraphs.tsv");
    let (mut within, mut sentences) = (0, 0);
    let (mut beads_total, mut beads_right, mut lines_total, mut lines_found) = (0, 0, 0, 0);
    for row in table.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (first, count): (usize, usize) = (cols[1].parse().unwrap(), cols[2].parse().unwrap());
        let gold_tr = &tr_lines[first - 1..first - 1 + count];
        let gold_en = &en_lines[first - 1..first - 1 + count];
        let (tr, en) = (gold_tr.join(" "), gold_en.join(" "));
        let (ts, es, beads) = hizala::sentences::align_pair(&tr, &en, 0.9);
        // The lines each sentence comes from, by position of its letters in the paragraph.
        let lines_of = |gold: &[&str], ours: &[&str]| -> Vec<std::collections::BTreeSet<usize>> {
            let mut ends = Vec::new();
            let mut total = 0;
            for g in gold {
                total += key(&[g]).chars().count();
                ends.push(total);
            }
            let mut pos = 0;
            ours.iter()
                .map(|s| {
                    let len = key(&[s]).chars().count();
                    let (a, b) = (pos, pos + len.max(1) - 1);
                    pos += len;
                    (0..gold.len()).filter(|&l| a < ends[l] && b >= ends[l] - key(&[gold[l]]).chars().count()).collect()
                })
                .collect()
        };
        let (tl, el) = (lines_of(gold_tr, &ts), lines_of(gold_en, &es));
        for set in tl.iter().chain(&el) {
            sentences += 1;
            within += usize::from(set.len() == 1);
        }
        let mut good_lines = std::collections::BTreeSet::new();
        let mut bad_lines = std::collections::BTreeSet::new();
        for b in &beads {
            let t: std::collections::BTreeSet<usize> = b.tr.iter().flat_map(|&i| tl[i].iter().copied()).collect();
            let e: std::collections::BTreeSet<usize> = b.en.iter().flat_map(|&i| el[i].iter().copied()).collect();
            let right = !t.is_empty() && t == e;
            if !b.tr.is_empty() && !b.en.is_empty() {
                beads_total += 1;
                beads_right += usize::from(right);
            }
            if right { good_lines.extend(t) } else { bad_lines.extend(t.union(&e).copied()) }
        }
        lines_total += count;
        lines_found += good_lines.difference(&bad_lines).count();
    }
    let precision = beads_right as f64 / beads_total as f64;
    let recall = lines_found as f64 / lines_total as f64;
    println!(
        "FLORES sentences: {within}/{sentences} split sentences lie within one corpus line ({:.2}%); \
         {beads_total} sentence beads, {beads_right} right (precision {:.4}); {lines_found}/{lines_total} lines \
         aligned right (recall {:.4})",
        100.0 * within as f64 / sentences as f64,
        precision,
        recall
    );
    assert!(precision >= 0.97 && recall >= 0.95, "precision {precision:.4}, recall {recall:.4}");
}

/// Every bead the aligner chooses on the NTREX development papers, with its evidence and
/// whether it is right.
fn scored_beads(name: &str, cfg: &AlignConfig) -> Vec<(f64, bool)> {
    scored_beads_of(&corpus(name), cfg)
}

fn scored_beads_of(papers: &[synth::Built], cfg: &AlignConfig) -> Vec<(f64, bool)> {
    let cfg = AlignConfig { min_score: 0.0, ..cfg.clone() };
    let mut out = Vec::new();
    for built in papers {
        let mut times = StageTimes::default();
        let (paragraphs, labels) = analyse(&built.one_file, &mut times);
        let [(tp, tl), (ep, el)] = analyse_pair(&built.tr_file, &built.en_file, &mut times);
        let runs = [
            (align::align_document(&paragraphs, &labels, &cfg), &paragraphs, &paragraphs),
            (align::align_files(&tp, &tl, &ep, &el, &cfg), &tp, &ep),
        ];
        for (beads, tr, en) in runs {
            for b in &beads {
                let (s, _) = score(std::slice::from_ref(b), tr, en, &built.gold);
                out.push((b.score, s.right == 1));
            }
        }
    }
    out
}

/// Fits the score calibration (Platt scaling) on the NTREX development papers, paragraphs of
/// one to three segments and of single segments pooled (`HIZALA_DIAG` names others), and prints
/// it: `cargo test --release --test align_eval calibrate -- --ignored --nocapture`.
#[test]
#[ignore]
fn calibrate() {
    let raw = AlignConfig { score_slope: 1.0, score_offset: 0.0, ..config_from_env() };
    // Five draws of the NTREX papers: one draw has too few wrong beads for a stable fit.
    let name = std::env::var("HIZALA_DIAG").unwrap_or_else(|_| "ntrex+ntrex-segments".into());
    let papers: Vec<synth::Built> =
        name.split('+').flat_map(|name| (1..=5).flat_map(move |k| corpus_drawn(name, 1000 * k))).collect();
    let data: Vec<(f64, f64)> = scored_beads_of(&papers, &raw)
        .into_iter()
        .map(|(s, right)| ((s / (1.0 - s)).ln().clamp(-30.0, 30.0), if right { 1.0 } else { 0.0 }))
        .collect();
    // Newton's method on the logistic log-likelihood, each step halved until the likelihood
    // improves (a full step from far away can overshoot and diverge).
    let log_likelihood = |a: f64, b: f64| -> f64 {
        data.iter().map(|&(x, y)| -(1.0 + (-(2.0 * y - 1.0) * (a * x + b)).exp()).ln()).sum()
    };
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for &(x, y) in &data {
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            ga += (y - p) * x;
            gb += y - p;
            let w = p * (1.0 - p);
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        let (da, db) = ((hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det);
        let (before, mut step) = (log_likelihood(a, b), 1.0);
        while step > 1e-6 && log_likelihood(a + step * da, b + step * db) < before {
            step /= 2.0;
        }
        a += step * da;
        b += step * db;
    }
    println!("{} beads: score_slope {a:.3}, score_offset {b:.3}", data.len());
}

/// The score means what it says on text it was not fitted on: on the held-out FLORES papers,
/// the beads kept by the default threshold are right at least about as often as their scores
/// promise.
#[test]
fn held_out_scores_are_calibrated() {
    let beads = scored_beads("flores", &AlignConfig::default());
    let mut bins = [(0usize, 0usize, 0.0f64); 5];
    for &(s, right) in &beads {
        let k = ((s * 5.0) as usize).min(4);
        bins[k].0 += 1;
        bins[k].1 += usize::from(right);
        bins[k].2 += s;
    }
    for (k, (n, r, sum)) in bins.iter().enumerate() {
        if *n > 0 {
            println!(
                "score {:.1}–{:.1}: {n} beads, mean score {:.3}, right {:.3}",
                k as f64 / 5.0,
                (k + 1) as f64 / 5.0,
                sum / *n as f64,
                *r as f64 / *n as f64
            );
        }
    }
    let threshold = AlignConfig::default().min_score;
    let kept: Vec<&(f64, bool)> = beads.iter().filter(|(s, _)| *s >= threshold).collect();
    let precision = kept.iter().filter(|(_, r)| *r).count() as f64 / kept.len() as f64;
    let promised = kept.iter().map(|(s, _)| s).sum::<f64>() / kept.len() as f64;
    println!("score >= {threshold}: {} beads, right {precision:.4}, mean score {promised:.4}", kept.len());
    assert!(precision >= 0.98 && precision >= promised - 0.02, "precision {precision:.4}, promised {promised:.4}");
}

/// How many beads each threshold keeps and how many of them are wrong:
/// `cargo test --release --test align_eval score_table -- --ignored --nocapture`.
#[test]
#[ignore]
fn score_table() {
    for name in ["ntrex", "ntrex-segments", "flores"] {
        let beads = scored_beads(name, &AlignConfig::default());
        for t in [0.5, 0.6, 0.8, 0.9, 0.95, 0.97, 0.99] {
            let kept: Vec<_> = beads.iter().filter(|(s, _)| *s >= t).collect();
            let wrong = kept.iter().filter(|(_, r)| !r).count();
            let right = kept.len() - wrong;
            println!("{name} >= {t}: {} kept, {wrong} wrong, {right} right", kept.len());
        }
    }
}

/// hizala against a hunalign-style baseline (`common/baseline.rs`) on the same two-file papers:
/// the baseline on naive paragraphs (what hunalign gets without a person cleaning the text) and
/// on hizala's rebuilt paragraphs.
#[test]
fn hizala_beats_a_hunalign_style_baseline() {
    for name in ["flores", "ntrex"] {
        let docs = corpus(name);
        let (mut naive, mut rebuilt, mut ours) = (Score::default(), Score::default(), Score::default());
        for built in &docs {
            let gold: HashSet<(String, String)> = built
                .gold
                .iter()
                .map(|g| {
                    (
                        key(&g.tr.iter().map(String::as_str).collect::<Vec<_>>()),
                        key(&g.en.iter().map(String::as_str).collect::<Vec<_>>()),
                    )
                })
                .collect();
            let count = |tr: &[String], en: &[String], beads: &[(Vec<usize>, Vec<usize>)]| -> Score {
                let mut s = Score { gold: gold.len(), ..Score::default() };
                for (t, e) in beads {
                    s.found += 1;
                    let kt = key(&t.iter().map(|&i| tr[i].as_str()).collect::<Vec<_>>());
                    let ke = key(&e.iter().map(|&i| en[i].as_str()).collect::<Vec<_>>());
                    s.right += usize::from(gold.contains(&(kt, ke)));
                }
                s
            };
            let (tn, en_) = (baseline::naive_paragraphs(&built.tr_file), baseline::naive_paragraphs(&built.en_file));
            naive.add(count(&tn, &en_, &baseline::align(&tn, &en_)));
            let mut times = StageTimes::default();
            let [(tp, tl), (ep, el)] = analyse_pair(&built.tr_file, &built.en_file, &mut times);
            let texts = |ps: Vec<&Paragraph>| ps.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
            let (tt, et) = (texts(align::pick(&tp, &tl, Label::Tr)), texts(align::pick(&ep, &el, Label::En)));
            rebuilt.add(count(&tt, &et, &baseline::align(&tt, &et)));
            ours.add(run_two_files(built, &AlignConfig::default()).0);
        }
        for (who, s) in [
            ("hunalign-style, naive paragraphs", naive),
            ("hunalign-style, hizala paragraphs", rebuilt),
            ("hizala", ours),
        ] {
            println!("{name} two files, {who}: P {:.4} R {:.4} F1 {:.4}", s.precision(), s.recall(), s.f1());
        }
        assert!(ours.f1() > rebuilt.f1() && ours.f1() > naive.f1());
    }
}

/// Where the gold beads of a corpus are lost: a gold paragraph the pipeline does not rebuild as
/// one alignable paragraph of its language (reflow or detection), or a bead the aligner misses
/// although all its paragraphs are there:
/// `cargo test --release --test align_eval diagnose -- --ignored --nocapture`.
#[test]
#[ignore]
fn diagnose() {
    let name = std::env::var("HIZALA_DIAG").unwrap_or_else(|_| "ntrex".into());
    let cfg = AlignConfig { min_score: 0.0, ..config_from_env() };
    let one_file = std::env::var("HIZALA_ONE_FILE").is_ok();
    let (mut lost_in_pipeline, mut missed, mut wrong) = (0, 0, 0);
    for built in &corpus(&name) {
        let mut times = StageTimes::default();
        // The paragraphs as the aligner leaves them (split where text without blank lines ran
        // two together).
        let (tp, tl, ep, el) = if one_file {
            let (mut p, mut l) = analyse(&built.one_file, &mut times);
            align::split_and_align_document(&mut p, &mut l, &cfg);
            (p.clone(), l.clone(), p, l)
        } else {
            let [(mut tp, mut tl), (mut ep, mut el)] = analyse_pair(&built.tr_file, &built.en_file, &mut times);
            align::split_and_align_files(&mut tp, &mut tl, &mut ep, &mut el, &cfg);
            (tp, tl, ep, el)
        };
        let (tr, en) = (align::pick(&tp, &tl, Label::Tr), align::pick(&ep, &el, Label::En));
        let beads = align::align(&tr, &en, &cfg);
        let keys = |ps: &[&Paragraph]| -> Vec<String> { ps.iter().map(|p| key(&[&p.text])).collect() };
        let (tk, ek) = (keys(&tr), keys(&en));
        let short = |s: &str| s.chars().take(70).collect::<String>();
        for g in &built.gold {
            let tpos: Vec<Option<usize>> = g.tr.iter().map(|t| tk.iter().position(|k| *k == key(&[t]))).collect();
            let epos: Vec<Option<usize>> = g.en.iter().map(|e| ek.iter().position(|k| *k == key(&[e]))).collect();
            if tpos.iter().chain(&epos).any(Option::is_none) {
                lost_in_pipeline += 1;
                println!("{} LOST tr {tpos:?} en {epos:?}", built.name);
                for (t, p) in g.tr.iter().zip(&tpos) {
                    if p.is_none() {
                        println!("    tr: {}", short(t));
                    }
                }
                for (e, p) in g.en.iter().zip(&epos) {
                    if p.is_none() {
                        println!("    en: {}", short(e));
                    }
                }
                continue;
            }
            let ti: Vec<usize> = tpos.iter().map(|p| tr[p.unwrap()].index).collect();
            let ei: Vec<usize> = epos.iter().map(|p| en[p.unwrap()].index).collect();
            if !beads.iter().any(|b| b.tr == ti && b.en == ei && b.score >= AlignConfig::default().min_score) {
                missed += 1;
                let got: Vec<String> = beads
                    .iter()
                    .filter(|b| b.tr.iter().any(|t| ti.contains(t)) || b.en.iter().any(|e| ei.contains(e)))
                    .map(|b| format!("{}:{:?}-{:?}@{:.3}", b.shape(), b.tr, b.en, b.score))
                    .collect();
                println!("{} MISSED gold tr {ti:?} en {ei:?}; chosen {got:?}", built.name);
                let pos = |side: &[&Paragraph], ids: &[usize]| {
                    let a = side.iter().position(|p| p.index == ids[0]).unwrap();
                    a..a + ids.len()
                };
                println!("    gold: {}", align::explain(&tr, &en, pos(&tr, &ti), pos(&en, &ei), &cfg));
                for b in
                    beads.iter().filter(|b| b.tr.iter().any(|t| ti.contains(t)) || b.en.iter().any(|e| ei.contains(e)))
                {
                    println!(
                        "    chosen {:?}-{:?}: {}",
                        b.tr,
                        b.en,
                        align::explain(&tr, &en, pos(&tr, &b.tr), pos(&en, &b.en), &cfg)
                    );
                }
                for t in &g.tr {
                    println!("    tr ({} ch): {}", t.chars().count(), short(t));
                }
                for e in &g.en {
                    println!("    en ({} ch): {}", e.chars().count(), short(e));
                }
            }
        }
        let kept: Vec<Bead> = beads.iter().filter(|b| b.score >= AlignConfig::default().min_score).cloned().collect();
        let (s, _) = score(&kept, &tp, &ep, &built.gold);
        wrong += s.found - s.right;
        let pos = |side: &[&Paragraph], ids: &[usize]| {
            let a = side.iter().position(|p| p.index == ids[0]).unwrap();
            a..a + ids.len()
        };
        for b in &kept {
            let (one, _) = score(std::slice::from_ref(b), &tp, &ep, &built.gold);
            // `HIZALA_ALL`: every kept bead with its evidence (right ones too), for studies.
            if one.right == 1 && std::env::var("HIZALA_ALL").is_ok() {
                println!(
                    "{} RIGHT {}:{:?}-{:?}@{:.3}: {}",
                    built.name,
                    b.shape(),
                    b.tr,
                    b.en,
                    b.score,
                    align::explain(&tr, &en, pos(&tr, &b.tr), pos(&en, &b.en), &cfg)
                );
            }
            if one.right == 0 {
                // A Turkish paragraph of no gold bead: the summary's paragraph with no counterpart.
                let gold_tr: HashSet<String> = built.gold.iter().flat_map(|g| g.tr.iter().map(|t| key(&[t]))).collect();
                let foreign = b
                    .tr
                    .iter()
                    .all(|&i| !gold_tr.contains(&key(&[&tp.iter().find(|p| p.index == i).expect("paragraph").text])));
                println!(
                    "{} WRONG{} {}:{:?}-{:?}@{:.3}: {}",
                    built.name,
                    if foreign { " (no counterpart)" } else { "" },
                    b.shape(),
                    b.tr,
                    b.en,
                    b.score,
                    align::explain(&tr, &en, pos(&tr, &b.tr), pos(&en, &b.en), &cfg)
                );
            }
        }
    }
    println!(
        "{name} two files: {lost_in_pipeline} gold beads lost in the pipeline, {missed} missed by the aligner, {wrong} wrong beads"
    );
}

/// NTREX papers of three stories each: longer English bodies around the summary.
#[test]
#[ignore]
fn ntrex_long() {
    evaluate("ntrex-long");
}

/// NTREX papers whose paragraphs are whole stories, eight to a paper.
#[test]
#[ignore]
fn ntrex_docs() {
    evaluate("ntrex-docs");
}

/// NTREX papers whose paragraphs are single segments, as the corpus's own example documents lay
/// them out: the headline stands alone (a heading, or a line of text in sentence case), and
/// one-line quotes ("Hayır." / "Oh, no.") are paragraphs. The hardest shape: 0.982 / 0.982 on
/// average over eight draws (what is left is mostly the translators' moving words across
/// segments and quotes without anchors); the floor guards what is.
#[test]
fn ntrex_segments() {
    let (one, two) = evaluate("ntrex-segments");
    assert!(one.f1() >= 0.975 && two.f1() >= 0.975, "F1 one file {:.4}, two files {:.4}", one.f1(), two.f1());
}

/// One paper's paragraphs, gold beads and chosen beads:
/// `HIZALA_DIAG=ntrex HIZALA_DOC=bbc.381646 cargo test --release --test align_eval show_doc -- --ignored --nocapture`.
/// The paper is also written to the temp directory as `hizala_doc.txt` (one file) and
/// `hizala_doc.tr.txt` / `hizala_doc.en.txt`.
#[test]
#[ignore]
fn show_doc() {
    let Ok(want) = std::env::var("HIZALA_DOC") else { return };
    let name = std::env::var("HIZALA_DIAG").unwrap_or_else(|_| "ntrex".into());
    let cfg = AlignConfig { min_score: 0.0, ..AlignConfig::default() };
    for built in corpus(&name).iter().filter(|b| b.name == want) {
        let mut times = StageTimes::default();
        for (suffix, text) in [("txt", &built.one_file), ("tr.txt", &built.tr_file), ("en.txt", &built.en_file)] {
            std::fs::write(std::env::temp_dir().join(format!("hizala_doc.{suffix}")), text).unwrap();
        }
        if std::env::var("HIZALA_ONE_FILE").is_ok() {
            let (p, l) = analyse(&built.one_file, &mut times);
            for (p, l) in p.iter().zip(&l) {
                let text: String = p.text.chars().take(110).collect();
                println!(
                    "P {} {:?} {:?} lines {}-{} sb {:?}: {text}",
                    p.index, p.kind, l.lang, p.first_line, p.last_line, p.soft_breaks
                );
            }
            // The beads, over the paragraphs as the aligner's splits leave them.
            let (mut p, mut l) = (p, l);
            let beads = align::split_and_align_document(&mut p, &mut l, &cfg);
            for b in &beads {
                let first = |ids: &[usize]| -> String {
                    p.iter().find(|q| q.index == ids[0]).map_or(String::new(), |q| q.text.chars().take(40).collect())
                };
                println!(
                    "BEAD {} {:?} {:?} {:.3}: {} | {}",
                    b.shape(),
                    b.tr,
                    b.en,
                    b.score,
                    first(&b.tr),
                    first(&b.en)
                );
            }
            continue;
        }
        let [(tp, tl), (ep, el)] = analyse_pair(&built.tr_file, &built.en_file, &mut times);
        let (tr, en) = (align::pick(&tp, &tl, Label::Tr), align::pick(&ep, &el, Label::En));
        for (p, l) in tp.iter().zip(&tl).filter(|(p, _)| p.kind == hizala::reflow::Kind::Heading) {
            println!("HEADING {} {:?}: {}", p.index, l.lang, p.text);
        }
        for (p, l) in ep.iter().zip(&el).filter(|(p, _)| p.kind == hizala::reflow::Kind::Heading) {
            println!("HEADING {} {:?}: {}", p.index, l.lang, p.text);
        }
        for (side, ps) in [("TR", &tr), ("EN", &en)] {
            for p in ps {
                let text: String = p.text.chars().take(150).collect();
                println!("{side} {} ({}) sb {:?}: {text}", p.index, p.text.chars().count(), p.soft_breaks);
            }
        }
        for g in &built.gold {
            let f = |v: &[String]| v.iter().map(|t| t.chars().take(30).collect::<String>()).collect::<Vec<_>>();
            println!("GOLD {:?} <-> {:?}", f(&g.tr), f(&g.en));
        }
        for b in align::align_files(&tp, &tl, &ep, &el, &cfg) {
            println!("BEAD {} {:?} {:?} {:.3}", b.shape(), b.tr, b.en, b.score);
        }
    }
}

/// Every 1-1 cell's evidence with whether it is a gold 1-1 bead, as TSV on stdout (the columns
/// of `align::overlap_table`, then the gold flag and the paper), for fitting the evidence:
/// `HIZALA_DIAG=ntrex cargo test --release --test align_eval overlap_dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn overlap_dump() {
    let name = std::env::var("HIZALA_DIAG").unwrap_or_else(|_| "ntrex".into());
    for built in &corpus(&name) {
        let mut times = StageTimes::default();
        let [(tp, tl), (ep, el)] = analyse_pair(&built.tr_file, &built.en_file, &mut times);
        let (tr, en) = (align::pick(&tp, &tl, Label::Tr), align::pick(&ep, &el, Label::En));
        let (tk, ek): (Vec<String>, Vec<String>) =
            (tr.iter().map(|p| key(&[&p.text])).collect(), en.iter().map(|p| key(&[&p.text])).collect());
        let gold: HashSet<(usize, usize)> = built
            .gold
            .iter()
            .filter(|g| g.tr.len() == 1 && g.en.len() == 1)
            .filter_map(|g| {
                let t = tk.iter().position(|k| *k == key(&[&g.tr[0]]))?;
                let e = ek.iter().position(|k| *k == key(&[&g.en[0]]))?;
                Some((t, e))
            })
            .collect();
        for (i, row) in align::overlap_table(&tr, &en, &AlignConfig::default()).iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                let v: Vec<String> = v.iter().map(|x| format!("{x:.4}")).collect();
                println!("OV\t{}\t{}\t{}", v.join("\t"), u8::from(gold.contains(&(i, j))), built.name);
            }
        }
    }
}

/// How often a gold bead's two sides have the same number of sentences, by bead shape; with
/// `HIZALA_SHOW`, the sentences of the beads whose counts differ (evidence study).
#[test]
#[ignore]
fn sentence_counts() {
    let name = std::env::var("HIZALA_DIAG").unwrap_or_else(|_| "ntrex".into());
    let count = |texts: &[String]| texts.iter().map(|t| hizala::sentences::split(t).len()).sum::<usize>();
    let mut hist: std::collections::BTreeMap<(String, i64), usize> = Default::default();
    for built in &corpus(&name) {
        for g in &built.gold {
            let shape = format!("{}-{}", g.tr.len(), g.en.len());
            let d = count(&g.tr) as i64 - count(&g.en) as i64;
            *hist.entry((shape, d)).or_default() += 1;
            if d != 0 && std::env::var("HIZALA_SHOW").is_ok() {
                for t in &g.tr {
                    println!("  TR {:?}", hizala::sentences::split(t));
                }
                for e in &g.en {
                    println!("  EN {:?}", hizala::sentences::split(e));
                }
            }
        }
    }
    for ((shape, d), n) in hist {
        println!("gold {shape} tr-en sentences {d:+}: {n}");
    }
}

/// The whole NTREX-128 pair as two files (1,997 segments a side, one document, no paragraph
/// structure): line i translates line i. Anchor weights grow with a document's length, so
/// evidence tuned on short papers must still hold on a long text (`make bench` times it).
#[test]
fn the_whole_ntrex_pair_aligns_line_by_line() {
    let dir = pdfsim::fixtures();
    let tr = std::fs::read_to_string(dir.join("newstest2019-ref.tur.txt")).unwrap();
    let en = std::fs::read_to_string(dir.join("newstest2019-src.eng.txt")).unwrap();
    let mut times = StageTimes::default();
    let (tp, tl) = analyse(&tr, &mut times);
    let (ep, el) = analyse(&en, &mut times);
    let beads =
        align::align(&align::pick(&tp, &tl, Label::Tr), &align::pick(&ep, &el, Label::En), &AlignConfig::default());
    let right = beads.iter().filter(|b| b.tr == b.en && b.tr.len() == 1).count();
    let precision = right as f64 / beads.len() as f64;
    println!(
        "NTREX pair: {} beads, {right} right (precision {precision:.4}, recall {:.4})",
        beads.len(),
        right as f64 / 1997.0
    );
    assert!(right >= 1940 && precision >= 0.995, "{right} right of {} beads", beads.len());
}
