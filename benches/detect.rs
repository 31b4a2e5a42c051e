//! `make bench`, part two: language detectors side by side on the same texts — hizala's
//! detector, whatlang restricted to English and Turkish, and lingua with only its English and
//! Turkish models (built with `--features bench-lingua`, as `make bench` does). For each text
//! length: accuracy on the held-out FLORES test half (see `tests/common/langid.rs`) and
//! single-thread throughput in MB/s, with the ratios we track (ours ÷ lingua, ours ÷ whatlang).
//! Paragraphs: the 3,994 NTREX-128 news segments, both languages.

#[path = "../tests/common/langid.rs"]
mod langid;

use std::time::Instant;

use hizala::detect::Label;
use langid::{Half, Sample};

type Detect = Box<dyn Fn(&str) -> Label>;

fn detectors() -> Vec<(&'static str, Detect)> {
    let mut list: Vec<(&'static str, Detect)> = vec![("hizala", Box::new(|t: &str| hizala::detect::detect(t).lang))];
    let whatlang = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, whatlang::Lang::Tur]);
    list.push((
        "whatlang (en+tr)",
        Box::new(move |t: &str| match whatlang.detect_lang(t) {
            Some(whatlang::Lang::Tur) => Label::Tr,
            Some(_) => Label::En,
            None => Label::Und,
        }),
    ));
    #[cfg(feature = "bench-lingua")]
    {
        use lingua::{Language, LanguageDetectorBuilder};
        let lingua = LanguageDetectorBuilder::from_languages(&[Language::English, Language::Turkish])
            .with_preloaded_language_models()
            .build();
        list.push((
            "lingua (en+tr)",
            Box::new(move |t: &str| match lingua.detect_language_of(t) {
                Some(Language::Turkish) => Label::Tr,
                Some(_) => Label::En,
                None => Label::Und,
            }),
        ));
    }
    list
}

fn ntrex_paragraphs() -> Vec<Sample> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora");
    let read = |n: &str| std::fs::read_to_string(dir.join(n)).expect("NTREX fixture");
    let (tr, en) = (read("newstest2019-ref.tur.txt"), read("newstest2019-src.eng.txt"));
    let mut out: Vec<Sample> = tr.lines().map(|t| Sample { text: t.to_string(), truth: Label::Tr }).collect();
    out.extend(en.lines().map(|e| Sample { text: e.to_string(), truth: Label::En }));
    out
}

/// (accuracy, MB/s): every text once for accuracy, then again until half a second has passed.
fn measure(detect: &dyn Fn(&str) -> Label, samples: &[Sample]) -> (f64, f64) {
    let right = samples.iter().filter(|s| detect(&s.text) == s.truth).count();
    let bytes: usize = samples.iter().map(|s| s.text.len()).sum();
    let start = Instant::now();
    let mut rounds = 0;
    while rounds == 0 || start.elapsed().as_secs_f64() < 0.5 {
        for s in samples {
            std::hint::black_box(detect(std::hint::black_box(&s.text)));
        }
        rounds += 1;
    }
    let rate = (bytes * rounds) as f64 / 1e6 / start.elapsed().as_secs_f64();
    (right as f64 / samples.len() as f64, rate)
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("detector benchmark: run with `make bench` (cargo bench)");
        return;
    }
    let [sentences, pairs, words] = langid::samples(Half::Test);
    let sets = [
        ("paragraphs (NTREX-128 segments, held out)", ntrex_paragraphs()),
        ("sentences (FLORES test half)", sentences),
        ("word pairs", pairs),
        ("single words", words),
    ];
    let detectors = detectors();
    // Load every model before timing.
    for (_, d) in &detectors {
        d("warm up");
    }
    println!("language detectors, one thread: accuracy and throughput on the same texts");
    if !cfg!(feature = "bench-lingua") {
        println!("(lingua left out: build with --features bench-lingua, as `make bench` does)");
    }
    for (name, samples) in &sets {
        println!("\n{name}: {} texts", samples.len());
        let mut rates = Vec::new();
        for (dname, d) in &detectors {
            let (acc, rate) = measure(d.as_ref(), samples);
            println!("  {dname:<18} accuracy {:6.2}%  {rate:8.2} MB/s", 100.0 * acc);
            rates.push((*dname, rate));
        }
        let ours = rates[0].1;
        for (dname, rate) in &rates[1..] {
            println!("  hizala ÷ {dname}: {:.1}×", ours / rate);
        }
    }
}
