//! Runs the stages over many documents in parallel and gathers the results in input order.
//!
//! Each document goes through ingest → reflow → normalize → detect → align on one rayon
//! worker; results are collected in the order the inputs were listed, so the outputs are
//! byte-identical whatever the number of threads.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::align::{self, AlignConfig, Bead};
use crate::detect::{self, Detected, Label};
use crate::error::{Error, IngestError, Result};
use crate::ingest::{self, EncodingChoice, InputFile, Source};
use crate::normalize::normalize;
use crate::reflow::{self, Paragraph};

/// Everything a run needs, validated: built by the CLI, or by a library user with `Default`.
#[derive(Clone, Debug)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// Worker threads; `None` uses one per core.
    pub threads: Option<usize>,
    pub encoding: EncodingChoice,
    pub align: AlignConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            inputs: vec![PathBuf::from("seeds")],
            out: PathBuf::from("output"),
            threads: None,
            encoding: EncodingChoice::Auto,
            align: AlignConfig::default(),
        }
    }
}

/// Wall time spent in each stage of one document (summed over documents in a total).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    pub ingest: Duration,
    pub reflow: Duration,
    pub normalize: Duration,
    pub detect: Duration,
    pub align: Duration,
}

impl StageTimes {
    pub fn add(&mut self, other: &StageTimes) {
        self.ingest += other.ingest;
        self.reflow += other.reflow;
        self.normalize += other.normalize;
        self.detect += other.detect;
        self.align += other.align;
    }
}

/// One processed document.
#[derive(Clone, Debug)]
pub struct DocResult {
    pub doc: String,
    pub path: PathBuf,
    pub encoding: &'static str,
    pub bytes: usize,
    pub paragraphs: Vec<Paragraph>,
    /// One label per paragraph, same order.
    pub labels: Vec<Detected>,
    pub beads: Vec<Bead>,
    /// Where the English side of the beads lives, when it is another document (index into
    /// [`RunResult::docs`]); `None` means this document itself.
    pub partner: Option<usize>,
    pub warnings: Vec<String>,
    pub times: StageTimes,
}

impl DocResult {
    /// Turkish running-text paragraphs that ended up in no bead.
    pub fn unaligned_tr(&self) -> Vec<usize> {
        let paired: std::collections::HashSet<usize> = self.beads.iter().flat_map(|b| b.tr.iter().copied()).collect();
        self.paragraphs
            .iter()
            .zip(&self.labels)
            .filter(|(p, d)| d.lang == Label::Tr && align::alignable(p) && !paired.contains(&p.index))
            .map(|(p, _)| p.index)
            .collect()
    }
}

/// The result of a run: processed documents in input order and the inputs that were skipped.
#[derive(Debug)]
pub struct RunResult {
    pub docs: Vec<DocResult>,
    pub skipped: Vec<IngestError>,
    pub wall: Duration,
}

/// Reflows, normalises and labels one decoded document (stages 2–4).
pub fn analyse(text: &str, times: &mut StageTimes) -> (Vec<Paragraph>, Vec<Detected>) {
    analyse_with(text, None, times)
}

/// [`analyse`] for the two files of one paper (a Turkish summary and the English text, as
/// `hizala align` reads them): their layouts measured together ([`reflow::measure_pair`]).
pub fn analyse_pair(first: &str, second: &str, times: &mut StageTimes) -> [(Vec<Paragraph>, Vec<Detected>); 2] {
    let t = Instant::now();
    let (a, b) = reflow::measure_pair(first, second);
    times.reflow += t.elapsed();
    [analyse_with(first, a.as_ref(), times), analyse_with(second, b.as_ref(), times)]
}

/// [`analyse`] with the document's layout measured already (`None` measures it).
pub fn analyse_with(
    text: &str,
    layout: Option<&reflow::PageLayout>,
    times: &mut StageTimes,
) -> (Vec<Paragraph>, Vec<Detected>) {
    let t = Instant::now();
    let mut paragraphs = reflow::rebuild_with(text, layout);
    times.reflow += t.elapsed();

    let t = Instant::now();
    for p in &mut paragraphs {
        if let std::borrow::Cow::Owned(clean) = normalize(&p.text) {
            p.text = clean;
        }
    }
    times.normalize += t.elapsed();

    let t = Instant::now();
    let labels = detect::detect_document(&paragraphs);
    times.detect += t.elapsed();
    (paragraphs, labels)
}

/// Runs stages 2–4 on a decoded document: paragraphs and labels, no beads yet.
pub fn document(source: Source, times: StageTimes) -> DocResult {
    document_with(source, None, times)
}

/// [`document`] with the document's layout measured already.
fn document_with(source: Source, layout: Option<&reflow::PageLayout>, mut times: StageTimes) -> DocResult {
    let (paragraphs, labels) = analyse_with(&source.text, layout, &mut times);
    let mut warnings = Vec::new();
    if source.encoding != "UTF-8" {
        warnings.push(format!("decoded from {}", source.encoding));
    }
    DocResult {
        bytes: source.text.len(),
        doc: source.doc,
        path: source.path,
        encoding: source.encoding,
        paragraphs,
        labels,
        beads: Vec::new(),
        partner: None,
        warnings,
        times,
    }
}

/// Reads one file and runs stages 2–4 on it.
pub fn read_document(file: &InputFile, encoding: EncodingChoice) -> Result<DocResult, IngestError> {
    let t = Instant::now();
    let source = ingest::read(file, encoding)?;
    let times = StageTimes { ingest: t.elapsed(), ..StageTimes::default() };
    Ok(document(source, times))
}

/// Reads one file and runs every stage on it.
pub fn process_file(file: &InputFile, cfg: &Config) -> Result<DocResult, IngestError> {
    let mut doc = read_document(file, cfg.encoding)?;
    let t = Instant::now();
    doc.beads = align::split_and_align_document(&mut doc.paragraphs, &mut doc.labels, &cfg.align);
    doc.times.align += t.elapsed();
    Ok(doc)
}

/// Processes every input in parallel. `tick` is called once per finished file (for a progress
/// bar) and `on_total` once with the number of files found.
pub fn run(cfg: &Config, on_total: &(dyn Fn(usize) + Sync), tick: &(dyn Fn() + Sync)) -> Result<RunResult> {
    let started = Instant::now();
    let (files, mut skipped) = ingest::collect(&cfg.inputs);
    on_total(files.len());
    let work = || -> Vec<Result<DocResult, IngestError>> {
        files
            .par_iter()
            .map(|f| {
                let r = process_file(f, cfg);
                tick();
                r
            })
            .collect()
    };
    let results = in_pool(cfg.threads, work)?;
    let mut docs = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => skipped.push(e),
        }
    }
    Ok(RunResult { docs, skipped, wall: started.elapsed() })
}

/// Runs `work` on a pool of `threads` workers (the global pool when `None`).
pub fn in_pool<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> Result<T> {
    match threads {
        None => Ok(work()),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| Error::Threads { threads: n, reason: e.to_string() })?;
            Ok(pool.install(work))
        }
    }
}

/// Whether most of a document's running text (by bytes) is in `lang` rather than in the other
/// language.
fn reads_as(doc: &DocResult, lang: Label) -> bool {
    let mut chars = [0usize; 2];
    for (p, d) in doc.paragraphs.iter().zip(&doc.labels).filter(|(p, _)| align::alignable(p)) {
        match d.lang {
            Label::Tr => chars[0] += p.text.len(),
            Label::En => chars[1] += p.text.len(),
            _ => {}
        }
    }
    let (own, other) = if lang == Label::Tr { (chars[0], chars[1]) } else { (chars[1], chars[0]) };
    own > other
}

/// Two-file mode: a Turkish file and the English file it translates (`hizala align`). Each
/// file is reflowed and labelled on its own — a file too short to show whether its paragraphs
/// are set without blank lines takes that from the other ([`reflow::measure_pair`]) — and the
/// Turkish file's Turkish paragraphs are aligned
/// with the English file's English paragraphs — the other way round, with a warning on each
/// document, when the `--tr` file reads as English and the `--en` file as Turkish. The beads
/// are stored on the Turkish document, with the English document as its partner.
pub fn run_pair(tr: &std::path::Path, en: &std::path::Path, cfg: &Config) -> Result<RunResult> {
    let started = Instant::now();
    let named = |p: &std::path::Path| InputFile {
        path: p.to_path_buf(),
        doc: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string()),
    };
    let (tr_file, en_file) = (named(tr), named(en));
    let read = |file: &InputFile| {
        let t = Instant::now();
        ingest::read(file, cfg.encoding).map(|source| (source, t.elapsed()))
    };
    let (tr_doc, en_doc) = in_pool(cfg.threads, || {
        let (tr_source, en_source) = rayon::join(|| read(&tr_file), || read(&en_file));
        // A short summary takes from the English text how its paragraphs are set.
        let t = Instant::now();
        let (tr_layout, en_layout) = match (&tr_source, &en_source) {
            (Ok((ts, _)), Ok((es, _))) => reflow::measure_pair(&ts.text, &es.text),
            _ => (None, None),
        };
        // The measuring is counted half to each file's reflow.
        let measured = t.elapsed() / 2;
        let finish = |r: Result<(Source, Duration), IngestError>, layout: Option<reflow::PageLayout>, measured| {
            r.map(|(source, ingest)| {
                document_with(source, layout.as_ref(), StageTimes { ingest, reflow: measured, ..StageTimes::default() })
            })
        };
        rayon::join(|| finish(tr_source, tr_layout, measured), || finish(en_source, en_layout, measured))
    })?;
    let mut skipped = Vec::new();
    let mut docs = Vec::new();
    match (tr_doc, en_doc) {
        (Ok(mut t), Ok(mut e)) => {
            // Files given the other way round are aligned the other way round, and said so:
            // the beads live on the Turkish document whichever flag named it.
            let swapped = reads_as(&t, Label::En) && reads_as(&e, Label::Tr);
            if swapped {
                t.warnings.push("given as --tr, but its text is English: aligned as the English side".into());
                e.warnings.push("given as --en, but its text is Turkish: aligned as the Turkish side".into());
            }
            let (turkish, english) = if swapped { (&mut e, &mut t) } else { (&mut t, &mut e) };
            let started_align = Instant::now();
            turkish.beads = align::split_and_align_files(
                &mut turkish.paragraphs,
                &mut turkish.labels,
                &mut english.paragraphs,
                &mut english.labels,
                &cfg.align,
            );
            turkish.times.align += started_align.elapsed();
            turkish.partner = Some(usize::from(!swapped));
            docs.push(t);
            docs.push(e);
        }
        (t, e) => {
            for r in [t, e] {
                match r {
                    Ok(d) => docs.push(d),
                    Err(err) => skipped.push(err),
                }
            }
        }
    }
    Ok(RunResult { docs, skipped, wall: started.elapsed() })
}
