//! `make bench`: end-to-end throughput and peak memory of the pipeline on a ≥100 MB corpus,
//! next to a baseline measured in the same run on the same bytes — reading the files and
//! NFC-normalising them with `unicode-normalization`, nothing else. The figure we track is
//! pipeline MB/s ÷ baseline MB/s.
//!
//! The corpus is built deterministically under `target/bench-corpus` from the corpora vendored
//! in `tests/fixtures/corpora` (NTREX-128 documents, FLORES-200 paragraphs; loaded by the tests'
//! `common/pdfsim.rs`) and `seeds/`: each source document is laid
//! out the way a PDF extraction delivers it (wrapped at 78 columns, words hyphenated at line
//! ends, running headers and page numbers in mid-paragraph, the Turkish summary after the
//! English text), repeated in numbered rounds until the corpus passes 100 MB.
//!
//! Each measurement runs in a child process so that its peak resident memory (VmHWM) is its
//! own.

#[path = "../tests/common/pdfsim.rs"]
mod pdfsim;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

const TARGET_BYTES: usize = 100 * 1024 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(pos) = args.iter().position(|a| a == "--child") {
        child(&args[pos + 1], args[pos + 2].parse().expect("thread count"), Path::new(&args[pos + 3]));
        return;
    }
    if !args.iter().any(|a| a == "--bench") {
        // `cargo test --all-targets` runs this binary too: the benchmark is for `cargo bench`.
        println!("pipeline benchmark: run with `make bench` (cargo bench)");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("target/bench-corpus");
    let (files, bytes) = build_corpus(&root, &corpus);
    println!("corpus: {} files, {:.1} MB in {}", files, mb(bytes), corpus.display());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("machine: {cores} cores\n");

    // Read every file once so that no measurement pays for a cold page cache.
    for path in corpus_files(&corpus) {
        std::hint::black_box(std::fs::read(&path).expect("corpus file"));
    }
    let exe = std::env::current_exe().expect("own path");
    let measure = |mode: &str, threads: usize| -> Measurement {
        let out =
            Command::new(&exe).args(["--child", mode, &threads.to_string()]).arg(&corpus).output().expect("child runs");
        assert!(out.status.success(), "{mode} failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("child prints one JSON object")
    };
    for threads in [1, cores] {
        let baseline = measure("baseline", threads);
        let pipeline = measure("pipeline", threads);
        let base_rate = mb(baseline.bytes) / baseline.seconds;
        let rate = mb(pipeline.bytes) / pipeline.seconds;
        println!("threads = {threads}");
        println!(
            "  baseline (read + NFC):  {:8.1} MB/s  {:7.2} s  peak {:7.1} MB",
            base_rate,
            baseline.seconds,
            baseline.peak_kb as f64 / 1024.0
        );
        println!(
            "  pipeline (end to end):  {:8.1} MB/s  {:7.2} s  peak {:7.1} MB",
            rate,
            pipeline.seconds,
            pipeline.peak_kb as f64 / 1024.0
        );
        println!("  ratio pipeline ÷ baseline: {:.3}", rate / base_rate);
        println!("  per stage (MB/s of one thread's time; share of stage time):");
        let total: f64 = pipeline.stages.iter().map(|(_, s)| s).sum();
        for (name, secs) in &pipeline.stages {
            println!(
                "    {:<10} {:9.1} MB/s  {:5.1}%",
                name,
                mb(pipeline.bytes) / secs.max(1e-9),
                100.0 * secs / total.max(1e-9)
            );
        }
        println!("  pairs found: {}\n", pipeline.pairs);
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Measurement {
    bytes: usize,
    seconds: f64,
    peak_kb: u64,
    stages: Vec<(String, f64)>,
    pairs: usize,
}

fn child(mode: &str, threads: usize, corpus: &Path) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
    let m = pool.install(|| match mode {
        "baseline" => baseline(corpus),
        "pipeline" => pipeline(corpus, threads),
        other => panic!("unknown mode {other}"),
    });
    println!("{}", serde_json::to_string(&m).expect("serialisable"));
}

/// The `*.txt` files of a folder in the order `hizala run` reads them.
fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let (files, problems) = hizala::ingest::collect(&[dir.to_path_buf()]);
    assert!(problems.is_empty(), "{dir:?} is readable");
    files.into_iter().map(|f| f.path).collect()
}

/// Read every file and NFC-normalise it: the least any text pipeline must do.
fn baseline(corpus: &Path) -> Measurement {
    let files = corpus_files(corpus);
    let started = Instant::now();
    let bytes: usize = files
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("UTF-8 corpus");
            let nfc: String = text.nfc().collect();
            std::hint::black_box(nfc.len());
            text.len()
        })
        .sum();
    Measurement { bytes, seconds: started.elapsed().as_secs_f64(), peak_kb: peak_kb(), stages: Vec::new(), pairs: 0 }
}

/// The whole pipeline, as `hizala run CORPUS --out DIR --threads N` does it.
fn pipeline(corpus: &Path, threads: usize) -> Measurement {
    let out = corpus.with_file_name("bench-output");
    let cfg = hizala::pipeline::Config {
        inputs: vec![corpus.to_path_buf()],
        out: out.clone(),
        threads: Some(threads),
        ..Default::default()
    };
    let started = Instant::now();
    let result = hizala::pipeline::run(&cfg, &|_| {}, &|| {}).expect("pipeline runs");
    let t = Instant::now();
    // The data formats; the review files (review.xlsx, review.html) are for reading a few
    // documents, not 15,000.
    let options = hizala::export::Options {
        formats: vec![hizala::export::Format::Csv, hizala::export::Format::Jsonl, hizala::export::Format::Tmx],
        ..Default::default()
    };
    hizala::export::write_all(&out, &result, &options).expect("outputs written");
    let export = t.elapsed().as_secs_f64();
    let seconds = started.elapsed().as_secs_f64();
    assert!(result.skipped.is_empty(), "corpus files are all valid");
    let mut times = hizala::pipeline::StageTimes::default();
    for d in &result.docs {
        times.add(&d.times);
    }
    let stages = vec![
        ("ingest".to_string(), times.ingest.as_secs_f64()),
        ("reflow".to_string(), times.reflow.as_secs_f64()),
        ("normalize".to_string(), times.normalize.as_secs_f64()),
        ("detect".to_string(), times.detect.as_secs_f64()),
        ("align".to_string(), times.align.as_secs_f64()),
        ("export".to_string(), export),
    ];
    Measurement {
        bytes: result.docs.iter().map(|d| d.bytes).sum(),
        seconds,
        peak_kb: peak_kb(),
        stages,
        pairs: result.docs.iter().map(|d| d.beads.len()).sum(),
    }
}

/// Peak resident set size of this process (Linux), in KiB; 0 where /proc is missing.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

// ---------------------------------------------------------------------------------------------
// Corpus construction

/// One bilingual source document: English paragraphs and the Turkish paragraphs translating
/// them, or a seed file taken as it is.
enum SourceDoc {
    Parallel { name: String, en: Vec<String>, tr: Vec<String> },
    Raw { name: String, text: String },
}

fn build_corpus(root: &Path, corpus: &Path) -> (usize, usize) {
    let marker = corpus.join(".complete");
    if marker.exists() {
        let files = corpus_files(corpus);
        let bytes = files.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len() as usize)).sum();
        return (files.len(), bytes);
    }
    let _ = std::fs::remove_dir_all(corpus);
    std::fs::create_dir_all(corpus).expect("corpus folder");
    let sources = load_sources(root);
    let (mut files, mut bytes, mut round) = (0, 0, 0);
    while bytes < TARGET_BYTES {
        for source in &sources {
            let (name, text) = match source {
                SourceDoc::Raw { name, text } => (name.clone(), text.clone()),
                SourceDoc::Parallel { name, en, tr } => (name.clone(), lay_out(en, tr, round)),
            };
            let path = corpus.join(format!("r{round:03}_{name}.txt"));
            std::fs::write(&path, &text).expect("corpus file written");
            files += 1;
            bytes += text.len();
        }
        round += 1;
    }
    std::fs::write(&marker, "").expect("marker");
    (files, bytes)
}

fn load_sources(root: &Path) -> Vec<SourceDoc> {
    let mut sources = Vec::new();
    for path in corpus_files(&root.join("seeds")) {
        let name = path.file_stem().expect("name").to_string_lossy().into_owned();
        sources.push(SourceDoc::Raw { name, text: std::fs::read_to_string(&path).expect("seed") });
    }
    // The same documents the tests build from: NTREX-128 stories, FLORES-200 paragraphs by 20.
    for doc in pdfsim::ntrex_documents() {
        sources.push(SourceDoc::Parallel { name: format!("ntrex_{}", doc.name), en: doc.en, tr: doc.tr });
    }
    for (k, doc) in pdfsim::flores_documents(20).into_iter().enumerate() {
        sources.push(SourceDoc::Parallel { name: format!("flores_{k:02}"), en: doc.en, tr: doc.tr });
    }
    sources
}

/// Lays out a bilingual document as PDF text: the English paragraphs, then a Turkish summary
/// heading and the Turkish paragraphs, wrapped at 78 columns with hyphenated breaks and a
/// running header every 40 lines.
fn lay_out(en: &[String], tr: &[String], round: usize) -> String {
    let mut lines: Vec<String> = vec!["Abstract".into(), String::new()];
    for p in en {
        lines.extend(wrap(p, 78));
        lines.push(String::new());
    }
    lines.push(" Genişletilmiş Özet".into());
    lines.push(String::new());
    for p in tr {
        lines.extend(wrap(p, 78));
        lines.push(String::new());
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 && i % 40 == 0 {
            out.push_str(&format!("\n\nHizala Bench Journal, Round {round}\n\n{}\n\n", i / 40));
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Greedy wrap; a long word that does not fit is broken with a hyphen after 60% of it.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len + 1 + word.chars().count() <= width || line.is_empty() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        let cut = chars.len() * 6 / 10;
        if chars.len() >= 8 && chars[..cut].iter().all(|c| c.is_alphabetic()) && len + 2 + cut <= width {
            line.push(' ');
            line.extend(&chars[..cut]);
            line.push('-');
            lines.push(std::mem::take(&mut line));
            line.extend(&chars[cut..]);
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
