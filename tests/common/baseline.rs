//! A hunalign-style baseline, reimplemented from its published description for comparison
//! (no code of hunalign is used): paragraphs are aligned by dynamic programming with beads 1-1,
//! 1-2, 2-1 and 1-0 / 0-1, each bead scored by Gale–Church length agreement plus a bonus for
//! identical tokens on both sides (numbers, names: hunalign's behaviour without a dictionary),
//! and each unpaired paragraph paying a fixed skip cost. Fed either naive paragraphs
//! (blank-line blocks of the raw text: running headers kept, hyphenated breaks unrepaired) or
//! hizala's rebuilt paragraphs.

#![allow(dead_code)]

use std::collections::HashSet;

/// Naive paragraphs: blocks between blank lines, lines joined with a space.
pub fn naive_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|block| block.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn tokens(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) && t.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

fn length_score(lt: f64, le: f64) -> f64 {
    // Gale–Church: δ = (le − c·lt) / sqrt(s²·lt), c = 1, s² = 6.8; log of the two-sided tail.
    let mean = (lt + le) / 2.0;
    if mean == 0.0 {
        return -5.0;
    }
    let delta = (le - lt) / (6.8 * mean).sqrt();
    let tail = (2.0 * (1.0 - phi(delta.abs()))).max(1e-12);
    tail.ln()
}

fn phi(x: f64) -> f64 {
    // Abramowitz–Stegun approximation of the normal CDF.
    let t = 1.0 / (1.0 + 0.2316419 * x);
    let d = (-(x * x) / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    1.0 - d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
}

/// Beads as 0-based paragraph index lists; unpaired paragraphs are left out.
pub fn align(tr: &[String], en: &[String]) -> Vec<(Vec<usize>, Vec<usize>)> {
    const SKIP: f64 = -4.0;
    const SHARED: f64 = 1.0;
    const MERGE: f64 = -1.5;
    let (n, m) = (tr.len(), en.len());
    let tr_tok: Vec<HashSet<String>> = tr.iter().map(|t| tokens(t)).collect();
    let en_tok: Vec<HashSet<String>> = en.iter().map(|t| tokens(t)).collect();
    let len = |s: &String| s.chars().count() as f64;
    let mut best = vec![vec![f64::NEG_INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    best[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = best[i][j];
            if here == f64::NEG_INFINITY {
                continue;
            }
            let mut relax = |di: usize, dj: usize, gain: f64, best: &mut Vec<Vec<f64>>| {
                if i + di <= n && j + dj <= m && here + gain > best[i + di][j + dj] {
                    best[i + di][j + dj] = here + gain;
                    back[i + di][j + dj] = (di, dj);
                }
            };
            relax(1, 0, SKIP, &mut best);
            relax(0, 1, SKIP, &mut best);
            for (di, dj) in [(1, 1), (1, 2), (2, 1)] {
                if i + di > n || j + dj > m {
                    continue;
                }
                let lt: f64 = tr[i..i + di].iter().map(len).sum();
                let le: f64 = en[j..j + dj].iter().map(len).sum();
                let a: HashSet<&String> = tr_tok[i..i + di].iter().flatten().collect();
                let b: HashSet<&String> = en_tok[j..j + dj].iter().flatten().collect();
                let shared = a.intersection(&b).count() as f64;
                let merge = if di + dj > 2 { MERGE } else { 0.0 };
                relax(di, dj, length_score(lt, le) + SHARED * shared + merge + 2.0, &mut best);
            }
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = back[i][j];
        if di > 0 && dj > 0 {
            out.push(((i - di..i).collect(), (j - dj..j).collect()));
        }
        i -= di;
        j -= dj;
    }
    out.reverse();
    out
}
