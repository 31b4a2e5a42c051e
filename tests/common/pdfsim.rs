//! Lays out real parallel text the way a PDF extractor delivers it, with the truth kept: lines
//! wrapped at a column, words broken at syllables with a hyphen, compounds broken at their own
//! hyphen. Shared by the integration tests and `make bench` (included with `#[path]`).
//!
//! The text comes from `tests/fixtures/corpora` (FLORES-200 devtest paragraphs and NTREX-128
//! news documents, CC-BY-SA 4.0; see the README there).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One document in both languages, paragraph by paragraph (line i ↔ line i).
pub struct ParallelDoc {
    pub name: String,
    pub tr: Vec<String>,
    pub en: Vec<String>,
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora")
}

/// The 123 NTREX-128 documents: segments that share a document id, in order.
pub fn ntrex_documents() -> Vec<ParallelDoc> {
    let dir = fixtures();
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("NTREX fixture");
    let (ids, en, tr) = (read("DOCUMENT_IDS.tsv"), read("newstest2019-src.eng.txt"), read("newstest2019-ref.tur.txt"));
    let mut docs: Vec<ParallelDoc> = Vec::new();
    for ((id, e), t) in ids.lines().zip(en.lines()).zip(tr.lines()) {
        let id = id.split('\t').next().unwrap_or(id);
        if docs.last().is_none_or(|d| d.name != id) {
            docs.push(ParallelDoc { name: id.to_string(), tr: Vec::new(), en: Vec::new() });
        }
        let doc = docs.last_mut().expect("just pushed");
        doc.en.push(e.trim().to_string());
        doc.tr.push(t.trim().to_string());
    }
    docs
}

/// FLORES-200 devtest paragraphs (281 pairs), grouped `per_doc` to a document.
pub fn flores_documents(per_doc: usize) -> Vec<ParallelDoc> {
    let text = std::fs::read_to_string(fixtures().join("flores200_paragraphs.tsv")).expect("FLORES fixture");
    let rows: Vec<(String, String)> = text
        .lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols[6].trim().to_string(), cols[7].trim().to_string())
        })
        .collect();
    rows.chunks(per_doc)
        .enumerate()
        .map(|(k, chunk)| ParallelDoc {
            name: format!("flores_{k:02}"),
            tr: chunk.iter().map(|(t, _)| t.clone()).collect(),
            en: chunk.iter().map(|(_, e)| e.clone()).collect(),
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Tr,
    En,
}

/// A paragraph wrapped at `width` columns, and which of its words (0-based positions in
/// `text.split_whitespace()`) were broken across a line end.
pub struct Wrapped {
    pub lines: Vec<String>,
    pub broken: Vec<usize>,
}

/// Wraps `text` greedily at `width` columns like a typesetter with hyphenation: a word that does
/// not fit is broken at the last syllable boundary that fits (at least 2 letters before the
/// break, 3 after in English and 2 in Turkish), and a word with its own hyphen ("well-known",
/// "2019-2020", "Türkiye-Pakistan") only at that hyphen, which then ends the line.
pub fn wrap(text: &str, width: usize, lang: Lang) -> Wrapped {
    let mut lines = Vec::new();
    let mut broken = Vec::new();
    let mut line = String::new();
    for (k, word) in text.split_whitespace().enumerate() {
        let used = line.chars().count();
        let room = if line.is_empty() { width } else { width.saturating_sub(used + 1) };
        if word.chars().count() <= room || (line.is_empty() && break_points(word, lang).is_empty()) {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        // The head printed on this line, with the hyphen, must fit.
        let fits = |&bp: &usize| {
            let head = if chars[bp - 1] == '-' { bp } else { bp + 1 };
            head <= room
        };
        match break_points(word, lang).into_iter().rev().find(fits) {
            Some(bp) => {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.extend(&chars[..bp]);
                if chars[bp - 1] != '-' {
                    line.push('-');
                }
                lines.push(std::mem::take(&mut line));
                line.extend(&chars[bp..]);
                broken.push(k);
            }
            None => {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line.push_str(word);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Wrapped { lines, broken }
}

/// Like [`wrap`], but word `k` (a compound) is broken after its hyphen number `hyphen`, as a
/// typesetter does when that hyphen falls at the margin: the words before it wrap at `width`,
/// the broken word's head ends its line, the rest wraps on. Returns `None` if word `k` has no
/// such hyphen.
pub fn wrap_breaking_at(text: &str, width: usize, lang: Lang, k: usize, hyphen: usize) -> Option<Vec<String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let bp = *break_points(words.get(k)?, lang).get(hyphen)?;
    if !words[k][..words[k].char_indices().nth(bp)?.0].ends_with('-') {
        return None;
    }
    let (head, tail) = words[k].split_at(words[k].char_indices().nth(bp)?.0);
    let mut lines = wrap(&words[..k].join(" "), width, lang).lines;
    match lines.last_mut() {
        Some(last) if last.chars().count() + 1 + head.chars().count() <= width + 10 => {
            last.push(' ');
            last.push_str(head);
        }
        _ => lines.push(head.to_string()),
    }
    let rest = std::iter::once(tail).chain(words[k + 1..].iter().copied()).collect::<Vec<_>>().join(" ");
    lines.extend(wrap(&rest, width, lang).lines);
    Some(lines)
}

/// Where a word may be broken: positions (in chars) after which the line may end.
pub fn break_points(word: &str, lang: Lang) -> Vec<usize> {
    let chars: Vec<char> = word.chars().collect();
    if chars.contains(&'-') {
        // A compound or range breaks only after its own hyphens, with something on both sides.
        return (1..chars.len())
            .filter(|&i| chars[i - 1] == '-' && chars[i].is_alphanumeric() && i >= 2 && chars[i - 2].is_alphanumeric())
            .collect();
    }
    // Syllables only inside the letters of the stem: not in punctuation, not after an
    // apostrophe (the suffix of "Pakistan’ın" stays whole), not in acronyms.
    let start = chars.iter().position(|c| c.is_alphabetic()).unwrap_or(chars.len());
    let end = chars[start..].iter().position(|c| !c.is_alphabetic()).map_or(chars.len(), |p| start + p);
    let stem = &chars[start..end];
    if stem.len() < 5 || stem.iter().all(|c| c.is_uppercase()) {
        return Vec::new();
    }
    let right_min = if lang == Lang::En { 3 } else { 2 };
    let vowel = |c: char| {
        let c = c.to_lowercase().next().unwrap_or(c);
        match lang {
            Lang::Tr => "aeıioöuüâîû".contains(c),
            Lang::En => "aeiouy".contains(c),
        }
    };
    let mut points = Vec::new();
    for i in 2..=stem.len().saturating_sub(right_min) {
        // Break before the consonant that opens a syllable: V…C | V.
        let opens = !vowel(stem[i]) && stem.get(i + 1).is_some_and(|&c| vowel(c));
        let vowel_before = stem[..i].iter().any(|&c| vowel(c));
        let digraph = lang == Lang::En
            && ((stem[i] == 'h' && "cstpgwCSTPGW".contains(stem[i - 1])) || (stem[i] == 'k' && stem[i - 1] == 'c'));
        if opens && vowel_before && !digraph {
            points.push(start + i);
        }
    }
    points
}
