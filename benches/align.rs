//! `make bench`, part three: the paragraph aligner on the whole NTREX-128 pair (1,997 Turkish and
//! 1,997 English segments in two files, no document boundaries), as `hizala align --tr --en`
//! sees it after reflow and detection. Reports the aligner's own time (median of 7 runs, one
//! thread), next to a read + NFC pass over the same bytes, and how many pairs are right.

use std::time::Instant;

use hizala::align::{self, AlignConfig};
use hizala::detect::Label;
use hizala::pipeline::{StageTimes, analyse};
use unicode_normalization::UnicodeNormalization;

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("aligner benchmark: run with `make bench` (cargo bench)");
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora");
    let tr = std::fs::read_to_string(dir.join("newstest2019-ref.tur.txt")).expect("NTREX fixture");
    let en = std::fs::read_to_string(dir.join("newstest2019-src.eng.txt")).expect("NTREX fixture");
    let mut times = StageTimes::default();
    let (tp, tl) = analyse(&tr, &mut times);
    let (ep, el) = analyse(&en, &mut times);
    let (a, b) = (align::pick(&tp, &tl, Label::Tr), align::pick(&ep, &el, Label::En));
    let cfg = AlignConfig::default();
    let mut runs = Vec::new();
    let mut beads = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        beads = align::align(&a, &b, &cfg);
        runs.push(start.elapsed().as_secs_f64());
    }
    runs.sort_by(f64::total_cmp);
    let median = runs[runs.len() / 2];
    let start = Instant::now();
    let nfc: usize = tr.nfc().count() + en.nfc().count();
    let nfc_seconds = start.elapsed().as_secs_f64();
    std::hint::black_box(nfc);
    // Line i of one file translates line i of the other.
    let right = beads.iter().filter(|b| b.tr == b.en && b.tr.len() == 1).count();
    println!("aligner on the NTREX-128 pair ({} × {} paragraphs, one thread)", a.len(), b.len());
    println!(
        "  align: median {:.1} ms (min {:.1}, max {:.1})",
        median * 1e3,
        runs[0] * 1e3,
        runs[runs.len() - 1] * 1e3
    );
    println!("  NFC over the same bytes: {:.1} ms; align ÷ NFC time: {:.1}", nfc_seconds * 1e3, median / nfc_seconds);
    println!(
        "  pairs: {} found, {} right (precision {:.2}%, recall {:.2}% of 1,997)",
        beads.len(),
        right,
        100.0 * right as f64 / beads.len().max(1) as f64,
        100.0 * right as f64 / 1997.0
    );
}
