//! Language detection accuracy on held-out text: FLORES-200 devtest (1,012 English sentences and
//! their Turkish translation), which no model, word list or rule of hizala was trained or tuned
//! on. Three lengths, as language-identification benchmarks report them: whole sentences, two
//! consecutive words, single words. A word counts only if it belongs to its language: words
//! that also occur in the other language's version of the same sentence (names, numbers,
//! "Pakistan", "NATO") are left out, as are words of fewer than three letters.

#[path = "common/pdfsim.rs"]
mod pdfsim;

use hizala::detect::{Label, detect};

struct Sample {
    text: String,
    truth: Label,
}

fn read(name: &str) -> Vec<String> {
    std::fs::read_to_string(pdfsim::fixtures().join(name)).unwrap().lines().map(str::to_string).collect()
}

fn words(sentence: &str) -> Vec<String> {
    sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_string())
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() >= 3)
        .collect()
}

/// (sentences, word pairs, single words), both languages, in file order.
fn samples() -> [Vec<Sample>; 3] {
    let (tr, en) = (read("tur_Latn.devtest"), read("eng_Latn.devtest"));
    let (mut sentences, mut pairs, mut singles) = (Vec::new(), Vec::new(), Vec::new());
    // The first half of FLORES is the development set (constants were chosen on it); the second
    // half is the test set.
    let half = tr.len() / 2;
    let range = if std::env::var_os("HIZALA_DEV").is_some() { 0..half } else { half..tr.len() };
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

fn accuracy(samples: &[Sample], name: &str) -> f64 {
    let mut wrong = Vec::new();
    for s in samples {
        let got = detect(&s.text).lang;
        if got != s.truth {
            wrong.push(format!("{:?} → {:?}: {}", s.truth, got, s.text));
        }
    }
    let acc = 1.0 - wrong.len() as f64 / samples.len() as f64;
    let per = |l: Label| {
        let n = samples.iter().filter(|s| s.truth == l).count();
        let w = wrong.iter().filter(|x| x.starts_with(&format!("{l:?} "))).count();
        100.0 * (1.0 - w as f64 / n as f64)
    };
    println!(
        "{name}: {} samples, {} wrong, accuracy {:.2}% (tr {:.2}%, en {:.2}%)",
        samples.len(),
        wrong.len(),
        100.0 * acc,
        per(Label::Tr),
        per(Label::En)
    );
    for w in wrong.iter().take(30) {
        println!("  {w}");
    }
    acc
}

#[test]
fn held_out_flores_accuracy_by_length() {
    let [sentences, pairs, singles] = samples();
    let s = accuracy(&sentences, "sentences");
    let p = accuracy(&pairs, "word pairs");
    let w = accuracy(&singles, "single words");
    assert!(s >= 1.0, "sentences {s}");
    assert!(p >= 0.996, "word pairs {p}");
    assert!(w >= 0.98, "single words {w}");
}
