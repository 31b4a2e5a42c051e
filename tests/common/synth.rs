//! Bilingual test documents built from real parallel text the way a PDF delivers a Turkish paper
//! with a *Genişletilmiş Özet*: an English body, and a Turkish summary that translates part of it
//! — with English paragraphs it leaves out, two English paragraphs it merges into one, a
//! paragraph it splits in two, and now and then a Turkish paragraph with no counterpart — all
//! wrapped with hyphenated line breaks, with running headers and page numbers between pages.
//! The gold beads are known by construction. Shared by `tests/align_eval.rs` and benchmarks.

#![allow(dead_code)]

use crate::pdfsim::{self, Lang, ParallelDoc};

/// A small deterministic generator (xorshift64*): the same documents on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// One gold bead: the Turkish and English paragraph texts it joins.
#[derive(Clone, Debug)]
pub struct GoldBead {
    pub tr: Vec<String>,
    pub en: Vec<String>,
}

pub struct Built {
    pub name: String,
    /// The whole paper in one file (English body and Turkish summary, in either order).
    pub one_file: String,
    /// The Turkish summary alone and the English body alone, as two files.
    pub tr_file: String,
    pub en_file: String,
    pub gold: Vec<GoldBead>,
}

/// Groups a document's segments into paragraphs of 1 to 3 segments (both languages alike).
fn paragraphs(doc: &ParallelDoc, rng: &mut Rng, group: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tr.len() {
        // A news story opens with its headline: in a paper that would be a heading, so it
        // starts the first paragraph instead of standing alone.
        let size = if group { 1 + rng.below(3) + usize::from(i == 0) } else { 1 };
        let end = (i + size).min(doc.tr.len());
        out.push((doc.tr[i..end].join(" "), doc.en[i..end].join(" ")));
        i = end;
    }
    out
}

/// Builds one paper from `doc`. `foreign` supplies a Turkish paragraph with no counterpart.
pub fn build(doc: &ParallelDoc, seed: u64, group: bool, foreign: &str) -> Built {
    build_with(doc, seed, group, foreign, true)
}

/// How a page break shows in extracted text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageBreak {
    /// The page number (a footer), then the running header of the next page.
    NumberThenHeader,
    /// The running header, then the page number.
    HeaderThenNumber,
    /// A running header without any number.
    HeaderOnly,
    /// A bare page number.
    NumberOnly,
    /// The page number on the running header's line ("Journal of Applied Studies 3 (2016) | 40").
    NumberInHeader,
}

impl PageBreak {
    pub const ALL: [PageBreak; 5] = [
        PageBreak::NumberThenHeader,
        PageBreak::HeaderThenNumber,
        PageBreak::HeaderOnly,
        PageBreak::NumberOnly,
        PageBreak::NumberInHeader,
    ];
}

/// [`build`], with or without a blank line between paragraphs (some extractions set paragraphs
/// off only by where their last line stops).
pub fn build_with(doc: &ParallelDoc, seed: u64, group: bool, foreign: &str, blank_lines: bool) -> Built {
    build_styled(doc, seed, group, foreign, blank_lines, PageBreak::NumberThenHeader)
}

/// [`build_with`], with page breaks of the style given.
pub fn build_styled(
    doc: &ParallelDoc,
    seed: u64,
    group: bool,
    foreign: &str,
    blank_lines: bool,
    page_break: PageBreak,
) -> Built {
    let mut rng = Rng::new(seed);
    let paras = paragraphs(doc, &mut rng, group);
    let n = paras.len();
    // How often the summary brings a paragraph of its own, leaves one out, joins two, splits
    // one (`HIZALA_RATES`, robustness runs of the eval tools: four shares, comma-separated).
    let rates: Vec<f64> = std::env::var("HIZALA_RATES")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
        .filter(|r: &Vec<f64>| r.len() == 4)
        .unwrap_or_else(|| vec![0.05, 0.12, 0.12, 0.08]);
    // The summary covers a run of the body: from its start or from a little way in.
    let start = if n > 6 && rng.chance(0.3) { rng.below(n / 3) } else { 0 };
    let span = (n - start).min(3 + rng.below(8)).max(1);
    let mut summary: Vec<String> = Vec::new();
    let mut gold = Vec::new();
    let mut i = start;
    while i < start + span {
        let (tr, en) = &paras[i];
        if rng.chance(rates[0]) {
            summary.push(foreign.to_string());
        }
        if span > 2 && rng.chance(rates[1]) {
            // Left out of the summary.
            i += 1;
            continue;
        }
        if i + 1 < start + span && rng.chance(rates[2]) {
            // Two English paragraphs, one Turkish.
            let (tr2, en2) = &paras[i + 1];
            let merged = format!("{tr} {tr2}");
            summary.push(merged.clone());
            gold.push(GoldBead { tr: vec![merged], en: vec![en.clone(), en2.clone()] });
            i += 2;
            continue;
        }
        let sentences: Vec<&str> = split_sentences(tr);
        if sentences.len() >= 2 && rng.chance(rates[3]) {
            // One English paragraph, two Turkish.
            let cut = sentences.len() / 2;
            let (a, b) = (sentences[..cut].join(" "), sentences[cut..].join(" "));
            summary.push(a.clone());
            summary.push(b.clone());
            gold.push(GoldBead { tr: vec![a, b], en: vec![en.clone()] });
            i += 1;
            continue;
        }
        summary.push(tr.clone());
        gold.push(GoldBead { tr: vec![tr.clone()], en: vec![en.clone()] });
        i += 1;
    }
    let body: Vec<String> = paras.iter().map(|(_, en)| en.clone()).collect();
    // Lines of 64–79 characters; `HIZALA_WIDTH` moves the narrowest (robustness runs of the
    // eval tools: 40, 50, 90 and 120 give the same F1 within a point).
    let width = std::env::var("HIZALA_WIDTH").ok().and_then(|v| v.parse().ok()).unwrap_or(64) + rng.below(16);
    let header = format!("Journal of Applied Studies {} ({})", 3 + rng.below(20), 2015 + rng.below(10));
    let layout = |sections: &[(&str, &[String])], lang: Lang, rng: &mut Rng| {
        layout(sections, width, lang, rng, &header, blank_lines, page_break)
    };
    let english = layout(&[("Abstract", &body[..])], Lang::En, &mut rng);
    let turkish = layout(&[("Genişletilmiş Özet", &summary[..])], Lang::Tr, &mut rng);
    let one_file = if rng.chance(0.5) {
        layout(&[("Abstract", &body[..]), ("Genişletilmiş Özet", &summary[..])], Lang::En, &mut rng)
    } else {
        layout(&[("Genişletilmiş Özet", &summary[..]), ("Introduction", &body[..])], Lang::En, &mut rng)
    };
    Built { name: doc.name.clone(), one_file, tr_file: turkish, en_file: english, gold }
}

/// A crude sentence split for building splits (". " before a capital).
fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        let next = bytes.get(i + 2).copied().unwrap_or(b'a');
        if next.is_ascii_uppercase() {
            out.push(text[start..=i].trim());
            start = i + 2;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Sections with their paragraphs, wrapped and hyphenated, a running header and a page number
/// every 42 lines, usually in the middle of a paragraph.
fn layout(
    sections: &[(&str, &[String])],
    width: usize,
    lang: Lang,
    rng: &mut Rng,
    header: &str,
    blank_lines: bool,
    page_break: PageBreak,
) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (heading, paragraphs) in sections {
        lines.push(heading.to_string());
        lines.push(String::new());
        let lang = if *heading == "Genişletilmiş Özet" { Lang::Tr } else { lang };
        // `HIZALA_INDENT` (robustness runs): the first line of each paragraph indented by so
        // many spaces, as a layout-preserving extraction shows it.
        let indent = " ".repeat(std::env::var("HIZALA_INDENT").ok().and_then(|v| v.parse().ok()).unwrap_or(0));
        for p in paragraphs.iter() {
            // The indented first line ends at the same margin: wrapped behind a placeholder as
            // wide as the indent.
            let wrapped = if indent.is_empty() {
                pdfsim::wrap(p, width, lang).lines
            } else {
                let placeholder = "~".repeat(indent.len() - 1);
                let mut lines = pdfsim::wrap(&format!("{placeholder} {p}"), width, lang).lines;
                lines[0] = lines[0].replacen(&format!("{placeholder} "), &indent, 1);
                lines
            };
            lines.extend(wrapped);
            if blank_lines {
                lines.push(String::new());
            }
        }
    }
    let mut out = String::new();
    let mut page = 1 + rng.below(200);
    let page_lines: usize = std::env::var("HIZALA_PAGE_LINES").ok().and_then(|v| v.parse().ok()).unwrap_or(42);
    for (k, line) in lines.iter().enumerate() {
        // `HIZALA_PAGE_LINES` sets the page length for robustness runs of the eval tools
        // (25 and 15: held-out FLORES 0.980 / 0.994 and 0.983 / 0.974, NTREX 0.986 / 0.984).
        if k > 0 && k % page_lines == 0 {
            // `HIZALA_ALT_HEADER` (robustness runs): even pages carry another running header.
            let alternate = std::env::var("HIZALA_ALT_HEADER").ok().filter(|_| page % 2 == 0);
            let header = alternate.as_deref().unwrap_or(header);
            match page_break {
                PageBreak::NumberThenHeader => out.push_str(&format!("\n{page}\n\n{header}\n\n")),
                PageBreak::HeaderThenNumber => out.push_str(&format!("\n{header}\n\n{page}\n\n")),
                PageBreak::HeaderOnly => out.push_str("\nUluslararası İlişkiler ve Bölge Çalışmaları\n\n"),
                PageBreak::NumberOnly => out.push_str(&format!("\n{page}\n\n")),
                // `HIZALA_HEADER_LINE` (robustness runs): the line's shape, `{h}` the header and
                // `{p}` the page number ("{p}    {h}").
                PageBreak::NumberInHeader => {
                    let shape = std::env::var("HIZALA_HEADER_LINE").unwrap_or_else(|_| "{h} | {p}".into());
                    let line = shape.replace("{h}", header).replace("{p}", &page.to_string());
                    out.push_str(&format!("\n{line}\n\n"));
                }
            }
            page += 1;
            // A new page in extracted text often starts with a space; `HIZALA_FORM_FEED`
            // (robustness runs): with a form feed, as pdftotext writes it.
            if std::env::var("HIZALA_FORM_FEED").is_ok() {
                out.push('\u{c}');
            }
            out.push(' ');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
