//! Statistical models of Turkish and English text: a character n-gram model of words
//! (Witten–Bell interpolated, orders 1 to 5, with word-boundary marks) mixed with a word
//! unigram model, one of each per language.
//!
//! Training data, embedded in the binary and counted the first time a model is needed: every
//! run of letters of the NTREX-128 news text in each language (`src/lexicon/*_counts.txt`) and,
//! for the English word model, SCOWL's word list (`src/lexicon/en_words.txt`). FLORES-200, the seeds and any
//! public language-identification test set are not training data; `tests/detect_accuracy.rs`
//! measures on FLORES.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Index of each language in the score arrays.
pub const TR: usize = 0;
pub const EN: usize = 1;

const ORDER: usize = 5;
/// Characters an n-gram model can meet: the uniform base of the interpolation.
const ALPHABET: f64 = 120.0;
/// How much of a word's probability comes from the word model when the word is known.
const WORD_WEIGHT: f64 = 0.6;
const BEGIN: char = '^';
const END: char = '$';

struct Entry {
    /// ln P(last char | the chars before it), per language.
    logp: [f32; 2],
    /// ln of the weight left to lower orders when this n-gram is the context, per language
    /// (0 where the language never saw it as a context: everything passes to lower orders).
    log_backoff: [f32; 2],
}

pub struct Model {
    grams: HashMap<u64, Entry>,
    /// ln P(word) under each language's word model, and for words one language never saw,
    /// `f32::NEG_INFINITY`.
    words: HashMap<String, [f32; 2]>,
}

pub static MODEL: LazyLock<Model> = LazyLock::new(Model::train);

fn key(chars: &[char]) -> u64 {
    // FNV-1a over the code points; the length keeps orders apart.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ chars.len() as u64;
    for &c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The form words are modelled in: lowercase, both capital i's as `i` (an English `I` is far
/// more common than a Turkish one, and `İ` is counted by its own evidence), and the
/// Windows-1254 letters that mis-decoded Turkish carries read as what they stand for.
pub fn word_form(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'I' | 'İ' => out.push('i'),
            'ý' | 'Ý' => out.push('ı'),
            'þ' | 'Þ' => out.push('ş'),
            'ð' | 'Ð' => out.push('ğ'),
            '\u{307}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Where an n-gram sits: its order and the keys of its context (all but the last char) and of
/// its suffix (all but the first).
#[derive(Clone, Copy)]
struct Shape {
    order: usize,
    context: u64,
    suffix: u64,
}

#[derive(Default)]
struct Counts {
    /// Count of each n-gram (orders 1..=ORDER), by key.
    grams: HashMap<u64, u64>,
    /// For each context (orders 0..ORDER), by key: total count of what followed, number of
    /// distinct followers.
    contexts: HashMap<u64, (u64, u64)>,
    words: HashMap<String, u64>,
    total_words: u64,
}

impl Counts {
    fn add_word(&mut self, form: String, n: u64, shapes: &mut HashMap<u64, Shape>) {
        let mut padded = vec![BEGIN];
        padded.extend(form.chars());
        padded.push(END);
        for i in 1..padded.len() {
            for order in 1..=ORDER.min(i + 1) {
                let gram = &padded[i + 1 - order..=i];
                let k = key(gram);
                *self.grams.entry(k).or_insert(0) += n;
                shapes.entry(k).or_insert_with(|| Shape {
                    order,
                    context: key(&gram[..order - 1]),
                    suffix: key(&gram[1..]),
                });
            }
        }
        *self.words.entry(form).or_insert(0) += n;
        self.total_words += n;
    }

    fn finish(&mut self, shapes: &HashMap<u64, Shape>) {
        for (k, &n) in &self.grams {
            let context = self.contexts.entry(shapes[k].context).or_insert((0, 0));
            context.0 += n;
            context.1 += 1;
        }
    }

    /// Witten–Bell: P(last char | context) from this language's counts, given the
    /// probability one order lower.
    fn prob(&self, k: u64, shape: Shape, lower: f64) -> f64 {
        match self.contexts.get(&shape.context) {
            Some(&(n, t)) => {
                let seen = self.grams.get(&k).copied().unwrap_or(0);
                (seen as f64 + t as f64 * lower) / (n + t) as f64
            }
            None => lower,
        }
    }

    fn log_backoff(&self, k: u64) -> f32 {
        match self.contexts.get(&k) {
            Some(&(n, t)) => (t as f64 / (n + t) as f64).ln() as f32,
            None => 0.0,
        }
    }
}

impl Model {
    fn train() -> Model {
        let mut counts = [Counts::default(), Counts::default()];
        let mut shapes = HashMap::new();
        let parse = |text: &'static str| -> HashMap<String, u64> {
            let mut runs = HashMap::new();
            for (w, n) in text.lines().filter_map(|l| l.split_once('\t')) {
                *runs.entry(word_form(w)).or_insert(0) += n.parse::<u64>().unwrap_or(1);
            }
            runs
        };
        let runs = [parse(include_str!("../lexicon/tr_counts.txt")), parse(include_str!("../lexicon/en_counts.txt"))];
        let totals = runs.clone().map(|r| r.values().sum::<u64>() as f64);
        // News in one language quotes the other: "Manchester City" in Turkish text, "Erdoğan" in
        // English. A word that is relatively more frequent in the other language's text, and
        // has no letter only Turkish writes, is left out of this language's training.
        for lang in [TR, EN] {
            let other = 1 - lang;
            for (form, &n) in &runs[lang] {
                let here = n as f64 / totals[lang];
                let there = runs[other].get(form).map_or(0.0, |&m| m as f64 / totals[other]);
                let turkish_letters = form.contains(['ç', 'ğ', 'ı', 'ö', 'ş', 'ü']);
                let borrowed = if lang == TR { there >= here && !turkish_letters } else { there > here };
                if !borrowed {
                    counts[lang].add_word(form.clone(), n, &mut shapes);
                }
            }
        }
        // SCOWL's words join the English word model only: in the n-gram model its 66,000 types
        // would make English the better guess for any unknown word (measured on the
        // development half of FLORES: single words 98.29% with, 98.33% without).
        for word in include_str!("../lexicon/en_words.txt").lines() {
            *counts[EN].words.entry(word_form(word)).or_insert(0) += 1;
            counts[EN].total_words += 1;
        }
        for c in &mut counts {
            c.finish(&shapes);
        }
        // Lower orders first: each n-gram's probability builds on its suffix's.
        let mut order: Vec<(u64, Shape)> = shapes.into_iter().collect();
        order.sort_by_key(|&(k, shape)| (shape.order, k));
        let mut probs: HashMap<u64, [f64; 2]> = HashMap::with_capacity(order.len());
        let mut grams = HashMap::with_capacity(order.len());
        for (k, shape) in order {
            let p = [TR, EN].map(|l| {
                let lower = if shape.order == 1 { 1.0 / ALPHABET } else { probs[&shape.suffix][l] };
                counts[l].prob(k, shape, lower)
            });
            probs.insert(k, p);
            grams.insert(
                k,
                Entry { logp: p.map(|x| x.ln() as f32), log_backoff: [TR, EN].map(|l| counts[l].log_backoff(k)) },
            );
        }
        let mut words: HashMap<String, [f32; 2]> = HashMap::new();
        for lang in [TR, EN] {
            let total = counts[lang].total_words as f64;
            for (word, &n) in &counts[lang].words {
                let entry = words.entry(word.clone()).or_insert([f32::NEG_INFINITY; 2]);
                entry[lang] = (n as f64 / total).ln() as f32;
            }
        }
        Model { grams, words }
    }

    /// Whether either language's word model knows the word (a form from [`word_form`]).
    pub fn knows(&self, form: &str) -> bool {
        self.words.contains_key(form)
    }

    /// ln P(word) in each language, for a word already in [`word_form`].
    pub fn word_logp(&self, form: &str) -> [f64; 2] {
        let mut padded = Vec::with_capacity(form.len() + 2);
        padded.push(BEGIN);
        padded.extend(form.chars());
        padded.push(END);
        let mut chars = [0.0f64; 2];
        for i in 1..padded.len() {
            let longest = ORDER.min(i + 1);
            let mut backoff = [0.0f64; 2];
            let mut found = false;
            for k in (1..=longest).rev() {
                if let Some(entry) = self.grams.get(&key(&padded[i + 1 - k..=i])) {
                    for l in [TR, EN] {
                        chars[l] += backoff[l] + entry.logp[l] as f64;
                    }
                    found = true;
                    break;
                }
                if k > 1
                    && let Some(context) = self.grams.get(&key(&padded[i + 1 - k..i]))
                {
                    for l in [TR, EN] {
                        backoff[l] += context.log_backoff[l] as f64;
                    }
                }
            }
            if !found {
                for l in [TR, EN] {
                    chars[l] += backoff[l] - ALPHABET.ln();
                }
            }
        }
        match self.words.get(form) {
            Some(known) => [TR, EN].map(|l| {
                let word = (known[l] as f64).exp();
                (WORD_WEIGHT * word + (1.0 - WORD_WEIGHT) * chars[l].exp()).ln()
            }),
            None => [TR, EN].map(|l| (1.0 - WORD_WEIGHT).ln() + chars[l]),
        }
    }
}
