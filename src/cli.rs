//! The command line: argument parsing, progress on stderr, and the exit-code contract.
//!
//! Data goes to stdout or the output folder; messages for people go to stderr.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::casing::{self, Lang};
use crate::detect;
use crate::export;
use crate::ingest::{self, EncodingChoice};
use crate::pipeline::{self, Config, RunResult, StageTimes};

/// Every input processed.
pub const EXIT_OK: i32 = 0;
/// The run finished, but some inputs were skipped (reported on stderr and in report.json).
pub const EXIT_SKIPPED: i32 = 1;
/// Usage error or fatal error: nothing or not everything could be written.
pub const EXIT_FATAL: i32 = 2;

const EXIT_CODES: &str = "Exit codes:
  0  every input was processed
  1  the run finished, but some inputs were skipped (each reported on stderr and in report.json)
  2  usage error or fatal error (for example the output folder cannot be written)";

#[derive(Parser, Debug)]
#[command(
    name = "hizala",
    version,
    about = "Turkish–English text pipeline: rebuild paragraphs from PDF text, detect language, align Turkish summaries with their English originals",
    after_help = EXIT_CODES
)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Process files and folders (folders: every *.txt, recursively) into the output folder.
    #[command(after_help = EXIT_CODES)]
    Run {
        /// Files or folders to process.
        #[arg(default_value = "seeds")]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Align a Turkish file with the English file it translates; same outputs as `run`.
    #[command(after_help = EXIT_CODES)]
    Align {
        /// The Turkish file.
        #[arg(long)]
        tr: PathBuf,
        /// The English file.
        #[arg(long)]
        en: PathBuf,
        #[command(flatten)]
        common: Common,
    },
    /// Read texts from stdin, one per line; print LANG<TAB>CONFIDENCE for each.
    Detect,
    /// Case-map stdin lines by the rules of a language (Turkish: I→ı, i→İ).
    Case {
        #[arg(long, value_parser = parse_lang)]
        lang: Lang,
        #[arg(long, value_enum)]
        to: CaseTo,
    },
    /// Print the rebuilt, normalised paragraphs of FILE (or stdin), one per line.
    Normalize {
        /// The file to read; stdin when absent.
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Input encoding: auto, utf-8, windows-1254, iso-8859-9, utf-16le, …
        #[arg(long, default_value = "auto")]
        encoding: String,
    },
}

#[derive(clap::Args, Debug)]
struct Common {
    /// Output folder.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Input encoding when a file has no byte-order mark: auto (UTF-8, else Windows-1254),
    /// or a label such as utf-8, windows-1254, iso-8859-9.
    #[arg(long, default_value = "auto")]
    encoding: String,
    /// Write only pairs whose score (the calibrated probability that the pair is right) is at
    /// least this. 0.60: the best F1 on development papers; 0.97: fewer pairs, fewer mistakes.
    #[arg(long, default_value_t = crate::align::DEFAULT_MIN_SCORE, value_parser = parse_score)]
    min_score: f64,
    /// Output formats, comma-separated: csv (paragraphs, parallel, sentences), jsonl, tmx
    /// (paragraph and sentence level), xlsx (review sheet), html (review page). report.json is
    /// always written.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = export::Format::ALL.to_vec())]
    format: Vec<export::Format>,
    /// Start the CSV files with a byte-order mark, so that Excel reads them as UTF-8.
    #[arg(long)]
    bom: bool,
    /// Language tag of the Turkish side in TMX.
    #[arg(long, default_value = "tr-TR")]
    tr_lang: String,
    /// Language tag of the English side in TMX.
    #[arg(long, default_value = "en-US")]
    en_lang: String,
    /// No progress bar, no summary; only errors.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CaseTo {
    Lower,
    Upper,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One paragraph per line.
    Text,
    /// KIND<TAB>LANG<TAB>TEXT per paragraph.
    Tsv,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?} (use tr or en)"))
}

/// Parses the command line, runs, and returns the process exit code.
pub fn main() -> i32 {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_FATAL } else { EXIT_OK };
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            // Library errors already name their cause; add only what the chain says beyond it.
            let mut message = e.to_string();
            for cause in e.chain().skip(1) {
                let cause = cause.to_string();
                if !message.contains(&cause) {
                    message = format!("{message}: {cause}");
                }
            }
            eprintln!("hizala: error: {message}");
            EXIT_FATAL
        }
    }
}

fn run(args: Args) -> anyhow::Result<i32> {
    match args.command {
        Command::Run { inputs, common } => {
            let cfg = config(inputs, &common)?;
            let progress = Progress::new(common.quiet);
            let result = pipeline::run(&cfg, &|n| progress.set_total(n), &|| progress.tick())?;
            progress.finish();
            finish(&cfg, result, &common)
        }
        Command::Align { tr, en, common } => {
            let cfg = config(vec![tr.clone(), en.clone()], &common)?;
            let result = pipeline::run_pair(&tr, &en, &cfg)?;
            finish(&cfg, result, &common)
        }
        Command::Detect => {
            let stdin = std::io::stdin().lock();
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for line in stdin.lines() {
                let line = line.context("reading stdin")?;
                let d = detect::detect(&crate::normalize::normalize(&line));
                writeln!(out, "{}\t{:.4}", d.lang.as_str(), d.confidence)?;
            }
            out.flush()?;
            Ok(EXIT_OK)
        }
        Command::Case { lang, to } => {
            let stdin = std::io::stdin().lock();
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for line in stdin.lines() {
                let line = line.context("reading stdin")?;
                let mapped = match to {
                    CaseTo::Lower => casing::to_lower(&line, lang),
                    CaseTo::Upper => casing::to_upper(&line, lang),
                };
                writeln!(out, "{mapped}")?;
            }
            out.flush()?;
            Ok(EXIT_OK)
        }
        Command::Normalize { file, format, encoding } => {
            let choice = EncodingChoice::parse(&encoding)?;
            let bytes = match &file {
                Some(path) => std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?,
                None => {
                    let mut buf = Vec::new();
                    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf).context("reading stdin")?;
                    buf
                }
            };
            let name = file.as_ref().map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
            let (text, _) = match ingest::decode(&bytes, choice) {
                Ok(decoded) => decoded,
                Err(ingest::DecodeError::Empty) => return Ok(EXIT_OK),
                Err(e) => anyhow::bail!("{name}: {e}"),
            };
            let (paragraphs, labels) = pipeline::analyse(&text, &mut StageTimes::default());
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for (p, l) in paragraphs.iter().zip(&labels) {
                match format {
                    Format::Text => writeln!(out, "{}", p.text)?,
                    Format::Tsv => writeln!(out, "{}\t{}\t{}", p.kind.as_str(), l.lang.as_str(), p.text)?,
                }
            }
            out.flush()?;
            Ok(EXIT_OK)
        }
    }
}

fn config(inputs: Vec<PathBuf>, common: &Common) -> anyhow::Result<Config> {
    Ok(Config {
        inputs,
        out: common.out.clone(),
        threads: common.threads.map(usize::from),
        encoding: EncodingChoice::parse(&common.encoding)?,
        align: crate::align::AlignConfig { min_score: common.min_score, ..Default::default() },
    })
}

fn parse_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a score between 0 and 1")),
    }
}

/// Reports skipped inputs, writes the outputs and picks the exit code.
fn finish(cfg: &Config, result: RunResult, common: &Common) -> anyhow::Result<i32> {
    let quiet = common.quiet;
    for problem in &result.skipped {
        eprintln!("hizala: skipped {problem}");
    }
    if !quiet {
        for doc in &result.docs {
            for warning in &doc.warnings {
                eprintln!("hizala: {}: {warning}", doc.doc);
            }
        }
    }
    let options = export::Options {
        formats: common.format.clone(),
        bom: common.bom,
        langs: crate::formats::TmxLangs { tr: common.tr_lang.clone(), en: common.en_lang.clone() },
    };
    // On the run's own workers (`--threads`), like the stages before.
    pipeline::in_pool(cfg.threads, || export::write_all(&cfg.out, &result, &options))??;
    if !quiet {
        let pairs: usize = result.docs.iter().map(|d| d.beads.len()).sum();
        let paragraphs: usize = result.docs.iter().map(|d| d.paragraphs.len()).sum();
        eprintln!(
            "hizala: {} documents, {} paragraphs, {} pairs, {} skipped → {} ({:.2} s)",
            result.docs.len(),
            paragraphs,
            pairs,
            result.skipped.len(),
            cfg.out.display(),
            result.wall.as_secs_f64()
        );
    }
    Ok(if result.skipped.is_empty() { EXIT_OK } else { EXIT_SKIPPED })
}

/// A progress bar on stderr, drawn only when stderr is a terminal and not `--quiet`.
struct Progress(ProgressBar);

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos}/{len} documents {wide_bar} {elapsed}")
                    .expect("the template is valid"),
            );
            bar
        };
        Progress(bar)
    }

    fn set_total(&self, n: usize) {
        self.0.set_length(n as u64);
    }

    fn tick(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
