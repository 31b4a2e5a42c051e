//! Stage 1: find the input files and turn their bytes into text.
//!
//! Bilingual papers reach us as UTF-8 (with or without a byte-order mark), as UTF-16 with a
//! byte-order mark, and — from older Turkish systems — as Windows-1254 or its near twin
//! ISO-8859-9. Line ends may be LF, CRLF or CR. Everything becomes one `String` with `\n` line
//! ends, or a clear [`IngestError`] naming the file and the reason; a bad file never stops the
//! rest of the run.
//!
//! Encoding detection is deliberately narrow: a BOM decides; otherwise valid UTF-8 is UTF-8;
//! otherwise the bytes are Windows-1254, the superset of ISO-8859-9 that covers every Turkish
//! letter. A general-purpose detector (chardetng) was considered and left out: on Turkish text
//! it has to choose between Windows-1252, ISO-8859-9 and Windows-1254, which differ exactly in
//! the six letters that matter (ğ ı ş Ğ İ Ş), and a wrong guess silently corrupts them. For
//! anything else, `--encoding` chooses.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8, WINDOWS_1254};

use crate::error::{Error, IngestError};

/// How to decode input bytes that carry no byte-order mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    /// UTF-8 if the bytes are valid UTF-8, else Windows-1254.
    #[default]
    Auto,
    /// Always this encoding (a BOM still wins, as the WHATWG Encoding Standard says).
    Fixed(&'static Encoding),
}

impl EncodingChoice {
    /// Parses `auto` or any WHATWG label (`utf-8`, `windows-1254`, `iso-8859-9`, `latin5`, …).
    pub fn parse(label: &str) -> Result<Self, Error> {
        if label.eq_ignore_ascii_case("auto") {
            return Ok(EncodingChoice::Auto);
        }
        Encoding::for_label(label.trim().as_bytes())
            .map(EncodingChoice::Fixed)
            .ok_or_else(|| Error::UnknownEncoding(label.to_string()))
    }
}

/// One file to process, and the name it carries in the outputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the INPUT it was found under, with `/` separators; a file given
    /// directly is named by its file name.
    pub doc: String,
}

/// A decoded document: its text with `\n` line ends, and where it came from.
#[derive(Clone, Debug)]
pub struct Source {
    pub doc: String,
    pub path: PathBuf,
    pub text: String,
    /// The encoding the bytes were decoded from (WHATWG name, e.g. `UTF-8`, `windows-1254`).
    pub encoding: &'static str,
}

/// Expands INPUT paths into files. Directories are walked recursively for `*.txt` in sorted
/// order; symlinks are followed, but a directory already visited (a symlink loop) is not
/// entered twice. A missing path is returned as an error for the caller to report.
pub fn collect(inputs: &[PathBuf]) -> (Vec<InputFile>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => {
                let mut visited = HashSet::new();
                walk(input, input, &mut visited, &mut files, &mut problems);
            }
            Ok(_) => {
                let doc = input
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| input.to_string_lossy().into_owned());
                files.push(InputFile { path: input.clone(), doc });
            }
            Err(source) => problems.push(IngestError::Unreadable { path: input.clone(), source }),
        }
    }
    (files, problems)
}

fn walk(
    root: &Path,
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<InputFile>,
    problems: &mut Vec<IngestError>,
) {
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(source) => {
            problems.push(IngestError::Unreadable { path: dir.to_path_buf(), source });
            return;
        }
    };
    if !visited.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(source) => {
            problems.push(IngestError::Unreadable { path: dir.to_path_buf(), source });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(root, &path, visited, files, problems),
            Ok(_) if is_txt(&path) => files.push(InputFile { doc: relative_name(root, &path), path }),
            Ok(_) => {}
            // A dangling symlink named *.txt is an input the user expects to see reported.
            Err(source) if is_txt(&path) => problems.push(IngestError::Unreadable { path, source }),
            Err(_) => {}
        }
    }
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Reads and decodes one file.
pub fn read(file: &InputFile, choice: EncodingChoice) -> Result<Source, IngestError> {
    let bytes =
        std::fs::read(&file.path).map_err(|source| IngestError::Unreadable { path: file.path.clone(), source })?;
    let (text, encoding) = decode(&bytes, choice).map_err(|e| e.at(&file.path))?;
    Ok(Source { doc: file.doc.clone(), path: file.path.clone(), text, encoding: encoding.name() })
}

/// Why bytes could not be decoded, before a path is attached.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file (no text)")]
    Empty,
    #[error("binary file (NUL byte at byte offset {offset})")]
    Binary { offset: usize },
    #[error("cannot decode as {encoding}: {reason}")]
    Undecodable { encoding: &'static str, reason: String },
}

impl DecodeError {
    fn at(self, path: &Path) -> IngestError {
        let path = path.to_path_buf();
        match self {
            DecodeError::Empty => IngestError::Empty { path },
            DecodeError::Binary { offset } => IngestError::Binary { path, offset },
            DecodeError::Undecodable { encoding, reason } => IngestError::Undecodable { path, encoding, reason },
        }
    }
}

/// Decodes bytes to text with `\n` line ends and no BOM.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<(String, &'static Encoding), DecodeError> {
    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let text = encoding.decode_without_bom_handling_and_without_replacement(body).ok_or_else(|| {
            DecodeError::Undecodable { encoding: encoding.name(), reason: invalid_reason(encoding, body) }
        })?;
        (text.into_owned(), encoding)
    } else {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(DecodeError::Binary { offset });
        }
        let encoding = match choice {
            EncodingChoice::Fixed(e) => e,
            EncodingChoice::Auto => guess(bytes)?,
        };
        let text = encoding.decode_without_bom_handling_and_without_replacement(bytes).ok_or_else(|| {
            DecodeError::Undecodable { encoding: encoding.name(), reason: invalid_reason(encoding, bytes) }
        })?;
        (text.into_owned(), encoding)
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(reason) = control_characters(&text) {
        return Err(DecodeError::Undecodable { encoding: encoding.name(), reason });
    }
    Ok((unify_line_ends(text), encoding))
}

/// Valid UTF-8 is UTF-8. Bytes that are mostly UTF-8 with a few invalid sequences are a
/// damaged UTF-8 file, not Windows-1254: decoding them as 1254 would turn every `ü` into
/// `Ã¼`, so they are refused with the position of the first bad byte.
fn guess(bytes: &[u8]) -> Result<&'static Encoding, DecodeError> {
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(UTF_8);
    }
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if multibyte >= 3 * invalid {
        return Err(DecodeError::Undecodable {
            encoding: UTF_8.name(),
            reason: format!(
                "{} (the rest of the file is UTF-8; use --encoding to force another)",
                invalid_reason(UTF_8, bytes)
            ),
        });
    }
    Ok(WINDOWS_1254)
}

fn invalid_reason(encoding: &'static Encoding, bytes: &[u8]) -> String {
    if encoding == UTF_8 {
        if let Err(e) = std::str::from_utf8(bytes) {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            return format!("invalid UTF-8 byte 0x{:02X} at line {line}, byte offset {offset}", bytes[offset]);
        }
    }
    let (_, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors { "malformed byte sequence".to_string() } else { "unknown reason".to_string() }
}

/// Text full of control characters is not text in any encoding we were asked for.
fn control_characters(text: &str) -> Option<String> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    (control * 100 > total)
        .then(|| format!("{control} of {total} characters are control characters; not text in this encoding"))
}

fn unify_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
        decode(bytes, EncodingChoice::Auto).map(|(t, e)| (t, e.name()))
    }

    #[test]
    fn utf8_with_bom_and_crlf() {
        let bytes = "\u{feff}Öz\r\nBu çalışma\rİstanbul\n".as_bytes();
        assert_eq!(auto(bytes).unwrap(), ("Öz\nBu çalışma\nİstanbul\n".into(), "UTF-8"));
    }

    #[test]
    fn windows_1254_turkish_letters() {
        let (bytes, _, _) = WINDOWS_1254.encode("Ağaç, ışık, İŞĞ, şüphe");
        assert_eq!(auto(&bytes).unwrap(), ("Ağaç, ışık, İŞĞ, şüphe".into(), "windows-1254"));
    }

    #[test]
    fn iso_8859_9_label_is_accepted() {
        let choice = EncodingChoice::parse("ISO-8859-9").unwrap();
        let (text, _) = decode(&[0xDD, 0x73, 0x74, 0x61, 0x6E, 0x62, 0x75, 0x6C], choice).unwrap();
        assert_eq!(text, "İstanbul");
        assert!(EncodingChoice::parse("klingon").is_err());
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Genişletilmiş Özet\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(auto(&bytes).unwrap(), ("Genişletilmiş Özet\n".into(), "UTF-16LE"));
    }

    #[test]
    fn nul_byte_means_binary() {
        assert_eq!(auto(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary { offset: 4 }));
    }

    #[test]
    fn empty_and_blank_files() {
        assert_eq!(auto(b""), Err(DecodeError::Empty));
        assert_eq!(auto(b" \r\n\n"), Err(DecodeError::Empty));
        assert_eq!(auto(b"\xEF\xBB\xBF"), Err(DecodeError::Empty));
    }

    #[test]
    fn damaged_utf8_names_the_line() {
        let bytes = "Türkiye ve Pakistan\nçok güçlü\n\u{1}".as_bytes().to_vec();
        let mut bad = bytes.clone();
        bad.insert(bytes.len() - 1, 0xFF);
        match auto(&bad) {
            Err(DecodeError::Undecodable { encoding, reason }) => {
                assert_eq!(encoding, "UTF-8");
                assert!(reason.contains("line 3"), "{reason}");
            }
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn forced_utf8_on_legacy_bytes_is_an_error() {
        let choice = EncodingChoice::parse("utf-8").unwrap();
        let err = decode(b"I\xFE\xFDk", choice).unwrap_err();
        assert!(matches!(err, DecodeError::Undecodable { encoding: "UTF-8", .. }));
    }

    #[test]
    fn control_garbage_is_not_text() {
        let bytes: Vec<u8> = (1u8..=8).cycle().take(400).collect();
        assert!(matches!(auto(&bytes), Err(DecodeError::Undecodable { .. })));
    }
}
