//! Stage 6: write the results — `paragraphs.csv`, `parallel.csv`, `sentences.csv`,
//! `parallel.jsonl`, `parallel.tmx`, `sentences.tmx`, `review.xlsx`, `review.html` (chosen with
//! `--format`) and always `report.json`.
//!
//! Every file is written to a temporary file in the output folder and renamed into place
//! when complete, so a reader never sees half a file, and a failed run leaves the previous
//! outputs as they were. The column layout is documented in `output/README.md`.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::detect::Label;
use crate::error::{Error, Result};
use crate::formats::{self, PairOut, SentenceOut, TmxLangs, Unpaired};
use crate::pipeline::{RunResult, StageTimes};
use crate::reflow::Kind;

pub const PARAGRAPHS_CSV: &str = "paragraphs.csv";
pub const PARALLEL_CSV: &str = "parallel.csv";
pub const SENTENCES_CSV: &str = "sentences.csv";
pub const REPORT_JSON: &str = "report.json";

#[derive(Serialize)]
struct ParagraphRow<'a> {
    doc: &'a str,
    paragraph: usize,
    kind: &'static str,
    lang: &'static str,
    confidence: f64,
    pair: Option<usize>,
    first_line: usize,
    last_line: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct ParallelRow<'a> {
    doc: &'a str,
    pair: usize,
    tr: &'a str,
    en: &'a str,
    tr_paragraphs: &'a str,
    en_paragraphs: &'a str,
    bead: &'a str,
    score: f64,
}

/// Rounds for output: enough digits to filter on, few enough to read.
fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// Pair ids, numbered 1.. across the whole run in output order, for every paragraph that is in
/// a bead: `ids[doc][paragraph] = pair`. A bead's English side may live in a partner document
/// (`hizala align --tr A --en B`).
fn pair_ids(result: &RunResult) -> Vec<HashMap<usize, usize>> {
    let mut ids = vec![HashMap::new(); result.docs.len()];
    let mut next = 1;
    for (d, doc) in result.docs.iter().enumerate() {
        let en_doc = doc.partner.unwrap_or(d);
        for bead in &doc.beads {
            for &p in &bead.tr {
                ids[d].insert(p, next);
            }
            for &p in &bead.en {
                ids[en_doc].insert(p, next);
            }
            next += 1;
        }
    }
    ids
}

/// An output format, chosen with `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `paragraphs.csv`, `parallel.csv`, `sentences.csv`.
    Csv,
    /// `parallel.jsonl`, one object per pair in the Hugging Face translation shape.
    Jsonl,
    /// `parallel.tmx` and `sentences.tmx`, TMX 1.4b for CAT tools.
    Tmx,
    /// `review.xlsx`, one row per pair with a verdict column.
    Xlsx,
    /// `review.html`, a self-contained page to review the pairs.
    Html,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Csv, Format::Jsonl, Format::Tmx, Format::Xlsx, Format::Html];
}

/// What to write besides `report.json`, which is always written.
#[derive(Clone, Debug)]
pub struct Options {
    pub formats: Vec<Format>,
    /// Start the CSV files with a byte-order mark, for Excel.
    pub bom: bool,
    pub langs: TmxLangs,
}

impl Default for Options {
    fn default() -> Self {
        Options { formats: Format::ALL.to_vec(), bom: false, langs: TmxLangs::default() }
    }
}

pub const PARALLEL_JSONL: &str = "parallel.jsonl";
pub const PARALLEL_TMX: &str = "parallel.tmx";
pub const SENTENCES_TMX: &str = "sentences.tmx";
pub const REVIEW_XLSX: &str = "review.xlsx";
pub const REVIEW_HTML: &str = "review.html";

/// Writes the chosen outputs and `report.json` into `out`, creating it if needed. Returns the
/// paths written.
pub fn write_all(out: &Path, result: &RunResult, opts: &Options) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out).map_err(|source| Error::Write { path: out.to_path_buf(), source })?;
    let ids = pair_ids(result);
    let started = std::time::Instant::now();
    let wants = |f: Format| opts.formats.contains(&f);
    let pairs = pair_rows(result);
    let bom = |w: &mut dyn Write| -> std::io::Result<()> {
        if opts.bom { w.write_all("\u{FEFF}".as_bytes()) } else { Ok(()) }
    };
    let write = |name: &str, fill: &mut dyn FnMut(&mut dyn Write) -> std::result::Result<(), WriteFailure>| {
        let path = out.join(name);
        write_atomic(&path, |w| fill(w))?;
        Ok::<Vec<PathBuf>, Error>(vec![path])
    };
    // The files are independent: each is written by its own task, in parallel, and listed in
    // this order.
    let mut jobs = Vec::new();
    if wants(Format::Csv) {
        jobs.extend([Job::Paragraphs, Job::Parallel]);
    }
    if wants(Format::Jsonl) {
        jobs.push(Job::Jsonl);
    }
    if wants(Format::Tmx) {
        jobs.push(Job::Tmx);
    }
    if wants(Format::Xlsx) {
        jobs.push(Job::Xlsx);
    }
    if wants(Format::Html) {
        jobs.push(Job::Html);
    }
    if wants(Format::Csv) || wants(Format::Tmx) {
        jobs.push(Job::Sentences);
    }
    let run = |job: Job| -> Result<Vec<PathBuf>> {
        match job {
            Job::Paragraphs => write(PARAGRAPHS_CSV, &mut |w| {
                bom(w)?;
                Ok(write_paragraphs(w, result, &ids)?)
            }),
            Job::Parallel => write(PARALLEL_CSV, &mut |w| {
                bom(w)?;
                Ok(write_parallel(w, &pairs)?)
            }),
            Job::Jsonl => write(PARALLEL_JSONL, &mut |w| Ok(formats::write_jsonl(w, &pairs)?)),
            Job::Tmx => write(PARALLEL_TMX, &mut |w| {
                Ok(formats::write_tmx(w, "paragraph", &opts.langs, formats::pair_units(&pairs))?)
            }),
            Job::Xlsx => write(REVIEW_XLSX, &mut |w| Ok(crate::review::write_xlsx(w, &pairs)?)),
            Job::Html => {
                let unpaired = unpaired_rows(result);
                write(REVIEW_HTML, &mut |w| Ok(crate::review::write_html(w, &pairs, &unpaired)?))
            }
            // The sentence files are written together, a chunk of pairs at a time, so that the
            // sentences of a large run are never all in memory.
            Job::Sentences => {
                let mut csv_file =
                    wants(Format::Csv).then(|| AtomicFile::create(&out.join(SENTENCES_CSV))).transpose()?;
                let mut tmx_file =
                    wants(Format::Tmx).then(|| AtomicFile::create(&out.join(SENTENCES_TMX))).transpose()?;
                let path = out.join(if wants(Format::Csv) { SENTENCES_CSV } else { SENTENCES_TMX });
                if let Some(f) = csv_file.as_mut() {
                    bom(f.writer()).map_err(|e| WriteFailure::from(e).at(&path))?;
                }
                write_sentence_files(
                    &pairs,
                    csv_file.as_mut().map(|f| f.writer() as &mut dyn Write),
                    tmx_file.as_mut().map(|f| f.writer() as &mut dyn Write),
                    &opts.langs,
                )
                .map_err(|e| e.at(&path))?;
                [csv_file, tmx_file].into_iter().flatten().map(AtomicFile::commit).collect()
            }
        }
    };
    let done: Vec<Result<Vec<PathBuf>>> = {
        use rayon::prelude::*;
        jobs.par_iter().map(|&job| run(job)).collect()
    };
    let mut written = Vec::new();
    for paths in done {
        written.extend(paths?);
    }
    let export_time = started.elapsed();
    written.extend(write(REPORT_JSON, &mut |w| Ok(write_report(w, result, export_time)?))?);
    Ok(written)
}

/// One output file (or, for the sentences, the two written together) of [`write_all`].
#[derive(Clone, Copy)]
enum Job {
    Paragraphs,
    Parallel,
    Jsonl,
    Tmx,
    Xlsx,
    Html,
    Sentences,
}

/// Every pair of the run, numbered as in `parallel.csv`.
fn pair_rows(result: &RunResult) -> Vec<PairOut<'_>> {
    let mut rows = Vec::new();
    for (d, doc) in result.docs.iter().enumerate() {
        let en_doc = &result.docs[doc.partner.unwrap_or(d)];
        fn text_of<'p>(paragraphs: &'p [crate::reflow::Paragraph], numbers: &[usize]) -> std::borrow::Cow<'p, str> {
            match numbers {
                [one] => std::borrow::Cow::Borrowed(paragraphs[one - 1].text.as_str()),
                _ => numbers.iter().map(|&n| paragraphs[n - 1].text.as_str()).collect::<Vec<_>>().join(" ").into(),
            }
        }
        let list = |numbers: &[usize]| numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(";");
        for bead in &doc.beads {
            rows.push(PairOut {
                doc: &doc.doc,
                pair: rows.len() + 1,
                tr: text_of(&doc.paragraphs, &bead.tr),
                en: text_of(&en_doc.paragraphs, &bead.en),
                tr_paragraphs: list(&bead.tr),
                en_paragraphs: list(&bead.en),
                bead: bead.shape(),
                score: round(bead.score, 4),
            });
        }
    }
    rows
}

/// Turkish running-text paragraphs in no pair, for the review page.
fn unpaired_rows(result: &RunResult) -> Vec<Unpaired> {
    result
        .docs
        .iter()
        .flat_map(|doc| {
            doc.unaligned_tr().into_iter().map(move |n| Unpaired {
                doc: doc.doc.clone(),
                paragraph: n,
                text: doc.paragraphs[n - 1].text.clone(),
            })
        })
        .collect()
}

fn write_paragraphs(w: &mut dyn Write, result: &RunResult, ids: &[HashMap<usize, usize>]) -> csv::Result<()> {
    let mut csv = csv::Writer::from_writer(w);
    for (d, doc) in result.docs.iter().enumerate() {
        for (p, label) in doc.paragraphs.iter().zip(&doc.labels) {
            csv.serialize(ParagraphRow {
                doc: &doc.doc,
                paragraph: p.index,
                kind: p.kind.as_str(),
                lang: label.lang.as_str(),
                confidence: round(label.confidence, 4),
                pair: ids[d].get(&p.index).copied(),
                first_line: p.first_line,
                last_line: p.last_line,
                text: &p.text,
            })?;
        }
    }
    if result.docs.iter().all(|d| d.paragraphs.is_empty()) {
        csv.write_record([
            "doc",
            "paragraph",
            "kind",
            "lang",
            "confidence",
            "pair",
            "first_line",
            "last_line",
            "text",
        ])?;
    }
    csv.flush()?;
    Ok(())
}

fn write_parallel(w: &mut dyn Write, pairs: &[PairOut<'_>]) -> csv::Result<()> {
    let mut csv = csv::Writer::from_writer(w);
    for p in pairs {
        csv.serialize(ParallelRow {
            doc: p.doc,
            pair: p.pair,
            tr: &p.tr,
            en: &p.en,
            tr_paragraphs: &p.tr_paragraphs,
            en_paragraphs: &p.en_paragraphs,
            bead: &p.bead,
            score: p.score,
        })?;
    }
    if pairs.is_empty() {
        csv.write_record(["doc", "pair", "tr", "en", "tr_paragraphs", "en_paragraphs", "bead", "score"])?;
    }
    csv.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct SentenceRow<'a> {
    doc: &'a str,
    pair: usize,
    sentence: usize,
    tr: &'a str,
    en: &'a str,
    bead: &'a str,
    score: Option<f64>,
}

/// `sentences.csv` and `sentences.tmx`: one row (unit) per sentence bead of every pair, in
/// pair order; sentences with no counterpart are CSV rows with an empty side (bead "1-0" or
/// "0-1") and no score, and are left out of the TMX. Pairs are split and aligned in parallel,
/// 2,048 at a time.
fn write_sentence_files(
    pairs: &[PairOut<'_>],
    csv_w: Option<&mut dyn Write>,
    tmx_w: Option<&mut dyn Write>,
    langs: &TmxLangs,
) -> std::result::Result<(), WriteFailure> {
    use rayon::prelude::*;
    let mut csv = csv_w.map(csv::Writer::from_writer);
    let mut tmx = match tmx_w {
        Some(w) => Some(formats::TmxWriter::start(w, "sentence", langs)?),
        None => None,
    };
    let mut rows = 0;
    for chunk in pairs.chunks(2048) {
        let sentences: Vec<Vec<SentenceOut>> = chunk.par_iter().map(sentence_beads).collect();
        for (p, list) in chunk.iter().zip(&sentences) {
            for s in list {
                if let Some(csv) = csv.as_mut() {
                    csv.serialize(SentenceRow {
                        doc: p.doc,
                        pair: p.pair,
                        sentence: s.sentence,
                        tr: &s.tr,
                        en: &s.en,
                        bead: &s.bead,
                        score: s.score,
                    })?;
                }
                rows += 1;
            }
            if let Some(tmx) = tmx.as_mut() {
                for unit in formats::sentence_units(std::slice::from_ref(p), std::slice::from_ref(list)) {
                    tmx.unit(&unit)?;
                }
            }
        }
    }
    if let Some(mut csv) = csv {
        if rows == 0 {
            csv.write_record(["doc", "pair", "sentence", "tr", "en", "bead", "score"])?;
        }
        csv.flush()?;
    }
    if let Some(tmx) = tmx {
        tmx.finish()?;
    }
    Ok(())
}

/// The sentence beads of one pair.
fn sentence_beads(p: &PairOut<'_>) -> Vec<SentenceOut> {
    let (ts, es, beads) = crate::sentences::align_pair(&p.tr, &p.en, p.score);
    let join = |side: &[&str], ids: &[usize]| ids.iter().map(|&i| side[i]).collect::<Vec<_>>().join(" ");
    beads
        .iter()
        .enumerate()
        .map(|(k, b)| SentenceOut {
            sentence: k + 1,
            tr: join(&ts, &b.tr),
            en: join(&es, &b.en),
            bead: b.shape(),
            score: b.score.map(|x| round(x, 4)),
        })
        .collect()
}

/// A file written under a temporary name and renamed into place by [`AtomicFile::commit`];
/// dropped without committing, it removes the temporary file. For outputs written side by side.
struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    fn create(path: &Path) -> Result<AtomicFile> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&tmp).map_err(|source| Error::Write { path: tmp.clone(), source })?;
        Ok(AtomicFile { path: path.to_path_buf(), tmp, writer: Some(BufWriter::new(file)) })
    }

    fn writer(&mut self) -> &mut BufWriter<File> {
        self.writer.as_mut().expect("not committed yet")
    }

    fn commit(mut self) -> Result<PathBuf> {
        let w = self.writer.take().expect("committed once");
        let file = w.into_inner().map_err(|e| Error::Write { path: self.tmp.clone(), source: e.into_error() })?;
        file.sync_all().map_err(|source| Error::Write { path: self.tmp.clone(), source })?;
        std::fs::rename(&self.tmp, &self.path).map_err(|source| Error::Write { path: self.path.clone(), source })?;
        Ok(self.path.clone())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[derive(Serialize)]
struct Seconds {
    ingest: f64,
    reflow: f64,
    normalize: f64,
    detect: f64,
    align: f64,
}

impl From<&StageTimes> for Seconds {
    fn from(t: &StageTimes) -> Self {
        let s = |d: std::time::Duration| round(d.as_secs_f64(), 6);
        Seconds {
            ingest: s(t.ingest),
            reflow: s(t.reflow),
            normalize: s(t.normalize),
            detect: s(t.detect),
            align: s(t.align),
        }
    }
}

#[derive(Serialize)]
struct Counts {
    paragraphs: usize,
    by_kind: BTreeMap<&'static str, usize>,
    by_lang: BTreeMap<&'static str, usize>,
    pairs: usize,
    unaligned_tr: usize,
}

impl Counts {
    fn new() -> Counts {
        Counts {
            paragraphs: 0,
            by_kind: Kind::ALL.iter().map(|k| (k.as_str(), 0)).collect(),
            by_lang: Label::ALL.iter().map(|l| (l.as_str(), 0)).collect(),
            pairs: 0,
            unaligned_tr: 0,
        }
    }

    fn add(&mut self, other: &Counts) {
        self.paragraphs += other.paragraphs;
        for (k, v) in &other.by_kind {
            *self.by_kind.entry(k).or_default() += v;
        }
        for (k, v) in &other.by_lang {
            *self.by_lang.entry(k).or_default() += v;
        }
        self.pairs += other.pairs;
        self.unaligned_tr += other.unaligned_tr;
    }
}

#[derive(Serialize)]
struct DocReport<'a> {
    doc: &'a str,
    encoding: &'static str,
    bytes: usize,
    #[serde(flatten)]
    counts: Counts,
    unaligned_tr_paragraphs: Vec<usize>,
    warnings: &'a [String],
    seconds: Seconds,
}

#[derive(Serialize)]
struct Skipped {
    path: String,
    reason: String,
}

#[derive(Serialize)]
struct Totals {
    documents: usize,
    skipped: usize,
    bytes: usize,
    #[serde(flatten)]
    counts: Counts,
    warnings: usize,
    seconds: Seconds,
    wall_seconds: f64,
    export_seconds: f64,
}

#[derive(Serialize)]
struct Report<'a> {
    tool: &'static str,
    version: &'static str,
    totals: Totals,
    documents: Vec<DocReport<'a>>,
    skipped: Vec<Skipped>,
}

fn write_report(w: &mut dyn Write, result: &RunResult, export: std::time::Duration) -> std::io::Result<()> {
    let mut total_counts = Counts::new();
    let mut total_times = StageTimes::default();
    let mut documents = Vec::new();
    for doc in &result.docs {
        let mut counts = Counts::new();
        counts.paragraphs = doc.paragraphs.len();
        for (p, l) in doc.paragraphs.iter().zip(&doc.labels) {
            *counts.by_kind.entry(p.kind.as_str()).or_default() += 1;
            *counts.by_lang.entry(l.lang.as_str()).or_default() += 1;
        }
        counts.pairs = doc.beads.len();
        let unaligned = doc.unaligned_tr();
        counts.unaligned_tr = unaligned.len();
        total_counts.add(&counts);
        total_times.add(&doc.times);
        documents.push(DocReport {
            doc: &doc.doc,
            encoding: doc.encoding,
            bytes: doc.bytes,
            counts,
            unaligned_tr_paragraphs: unaligned,
            warnings: &doc.warnings,
            seconds: Seconds::from(&doc.times),
        });
    }
    let skipped: Vec<Skipped> = result
        .skipped
        .iter()
        .map(|e| Skipped { path: e.path().display().to_string(), reason: e.to_string() })
        .collect();
    let report = Report {
        tool: "hizala",
        version: env!("CARGO_PKG_VERSION"),
        totals: Totals {
            documents: result.docs.len(),
            skipped: skipped.len(),
            bytes: result.docs.iter().map(|d| d.bytes).sum(),
            counts: total_counts,
            warnings: result.docs.iter().map(|d| d.warnings.len()).sum(),
            seconds: Seconds::from(&total_times),
            wall_seconds: round(result.wall.as_secs_f64(), 6),
            export_seconds: round(export.as_secs_f64(), 6),
        },
        documents,
        skipped,
    };
    serde_json::to_writer_pretty(&mut *w, &report)?;
    w.write_all(b"\n")
}

/// Writes `path` through a temporary file in the same folder and renames it into place. On
/// any error the temporary file is removed and `path` is left as it was.
pub fn write_atomic<E>(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<(), E>) -> Result<()>
where
    E: Into<WriteFailure>,
{
    // On any error the file is dropped uncommitted, which removes the temporary file.
    let mut file = AtomicFile::create(path)?;
    fill(file.writer()).map_err(|e| e.into().at(path))?;
    file.commit().map(|_| ())
}

/// An error from filling an output file, before the path is attached.
pub enum WriteFailure {
    Io(std::io::Error),
    Csv(csv::Error),
}

impl WriteFailure {
    fn at(self, path: &Path) -> Error {
        let path = path.to_path_buf();
        match self {
            WriteFailure::Io(source) => Error::Write { path, source },
            WriteFailure::Csv(source) => Error::Csv { path, source },
        }
    }
}

impl From<std::io::Error> for WriteFailure {
    fn from(e: std::io::Error) -> Self {
        WriteFailure::Io(e)
    }
}

impl From<csv::Error> for WriteFailure {
    fn from(e: csv::Error) -> Self {
        WriteFailure::Csv(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_old_file_on_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parallel.csv");
        std::fs::write(&path, "old\n").unwrap();
        let err = write_atomic(&path, |w| -> Result<(), std::io::Error> {
            w.write_all(b"half a fi")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "temporary file removed");
    }

    #[test]
    fn atomic_write_replaces_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomic(&path, |w| w.write_all(b"{}\n")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}\n");
    }
}
