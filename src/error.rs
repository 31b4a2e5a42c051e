//! Errors the library reports. Every error that concerns a file carries its path, so a user
//! reading stderr knows which input to look at.

use std::path::PathBuf;

/// Why one input file could not be read into text. The run reports it and goes on.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file (no text)")]
    Empty { path: PathBuf },
    #[error("{path}: binary file (NUL byte at byte offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: cannot decode as {encoding}: {reason}")]
    Undecodable { path: PathBuf, encoding: &'static str, reason: String },
}

impl IngestError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            IngestError::Unreadable { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::Undecodable { path, .. } => path,
        }
    }
}

/// Errors that stop a whole run (bad configuration, an output that cannot be written).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown encoding {0:?} (try utf-8, windows-1254, iso-8859-9, utf-16le, utf-16be or auto)")]
    UnknownEncoding(String),
    #[error("input not found: {0}")]
    InputNotFound(PathBuf),
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("{0}")]
    Ingest(#[from] IngestError),
    #[error("cannot start {threads} worker threads: {reason}")]
    Threads { threads: usize, reason: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
