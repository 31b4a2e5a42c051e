//! hizala ("align" in Turkish) turns bilingual Turkish–English documents, as extracted from
//! PDFs, into aligned parallel text.
//!
//! A document goes through six stages, each in its own module:
//!
//! 1. [`ingest`] — find the input files and decode them (UTF-8, UTF-16 with BOM,
//!    Windows-1254 / ISO-8859-9), reporting bad files without stopping the run.
//! 2. [`reflow`] — rebuild paragraphs from wrapped lines: repair words hyphenated across line
//!    breaks, find headings, list items and footnotes, and mark running headers, footers and
//!    page numbers as boilerplate while rejoining the paragraph they interrupted.
//! 3. [`normalize`] — Unicode NFC and PDF cleanup (soft hyphens, odd spaces, ligatures,
//!    detached apostrophes); Turkish-aware case mapping for matching lives in [`casing`].
//! 4. [`detect`] — label every paragraph `tr`, `en` or `und`.
//! 5. [`align`] — pair each Turkish paragraph with the English paragraph(s) it translates,
//!    with a score in [0, 1]; [`sentences`] splits each pair into sentences and aligns those.
//! 6. [`export`] — write `paragraphs.csv`, `parallel.csv`, `sentences.csv` and `report.json`,
//!    atomically.
//!
//! [`pipeline`] runs the stages over many documents in parallel and keeps the output
//! byte-identical whatever the number of threads; [`cli`] is the command line.

pub mod align;
pub mod casing;
pub mod cli;
pub mod detect;
pub mod error;
pub mod export;
pub mod formats;
pub mod ingest;
pub mod normalize;
pub mod pipeline;
pub mod reflow;
pub mod review;
pub mod sentences;

pub use error::{Error, IngestError, Result};
