//! The language-identification test sets, shared by `tests/detect_accuracy.rs` and
//! `make bench` (included with `#[path]`).
//!
//! Held-out text: FLORES-200 devtest (1,012 English sentences and their Turkish translation),
//! which no model, word list or rule of hizala was trained on. Three lengths, as
//! language-identification benchmarks report them: whole sentences, two consecutive words,
//! single words. A word counts only if it belongs to its language: words that also occur in the
//! other language's version of the same sentence (names, numbers, "Pakistan", "NATO") are left
//! out, as are words of fewer than three letters. The first half of the sentences is the
//! development set (the detector's constants were chosen on it), the second half the test set.

#![allow(dead_code)]

use hizala::detect::Label;

pub struct Sample {
    pub text: String,
    pub truth: Label,
}

fn read(name: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora");
    std::fs::read_to_string(dir.join(name)).unwrap().lines().map(str::to_string).collect()
}

fn words(sentence: &str) -> Vec<String> {
    sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_string())
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() >= 3)
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Half {
    Development,
    Test,
}

/// (sentences, word pairs, single words), both languages, in file order.
pub fn samples(half: Half) -> [Vec<Sample>; 3] {
    let (tr, en) = (read("tur_Latn.devtest"), read("eng_Latn.devtest"));
    let (mut sentences, mut pairs, mut singles) = (Vec::new(), Vec::new(), Vec::new());
    let middle = tr.len() / 2;
    let range = if half == Half::Development { 0..middle } else { middle..tr.len() };
    for (t, e) in tr[range.clone()].iter().zip(&en[range]) {
        for (text, other, truth) in [(t, e, Label::Tr), (e, t, Label::En)] {
            sentences.push(Sample { text: text.clone(), truth });
            let foreign: std::collections::HashSet<String> = words(other).iter().map(|w| w.to_lowercase()).collect();
            let own: Vec<String> = words(text).into_iter().filter(|w| !foreign.contains(&w.to_lowercase())).collect();
            for pair in own.windows(2).step_by(3) {
                pairs.push(Sample { text: format!("{} {}", pair[0], pair[1]), truth });
            }
            for w in own.iter().step_by(2) {
                singles.push(Sample { text: w.clone(), truth });
            }
        }
    }
    [sentences, pairs, singles]
}
