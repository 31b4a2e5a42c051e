//! Language detection accuracy on held-out text, by length: see `common/langid.rs` for the
//! test sets. `HIZALA_DEV=1` measures on the development half instead.

#[path = "common/langid.rs"]
mod langid;

use hizala::detect::{Label, detect};
use langid::{Half, Sample};

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
    let half = if std::env::var_os("HIZALA_DEV").is_some() { Half::Development } else { Half::Test };
    let [sentences, pairs, singles] = langid::samples(half);
    let s = accuracy(&sentences, "sentences");
    let p = accuracy(&pairs, "word pairs");
    let w = accuracy(&singles, "single words");
    assert!(s >= 1.0, "sentences {s}");
    assert!(p >= 0.996, "word pairs {p}");
    assert!(w >= 0.98, "single words {w}");
}
