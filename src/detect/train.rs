//! Trains the language models (compiled into `build.rs` only: the tables are counted once, when
//! the crate is built, and embedded in the binary; see [`super::grams`] for their layout).
//!
//! Per language, a character n-gram model of words (Witten–Bell interpolated, orders 1 to
//! [`ORDER`], with word-boundary marks) and a word unigram model. Training data: every run of
//! letters of LibreOffice's help pages in each language (`src/lexicon/*_counts.txt`),
//! Tesseract's Turkish and English word lists (`src/lexicon/*_types.txt`) and SCOWL's English
//! words (`src/lexicon/en_words.txt`), all derived by `scripts/derive_lexicon.py`.

use super::grams::{BEGIN, EN, END, MAGIC, ORDER, TR, gram_key, word_form, word_key};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The files training reads, for `build.rs` to watch.
pub const SOURCES: [&str; 5] = [
    "src/lexicon/tr_counts.txt",
    "src/lexicon/en_counts.txt",
    "src/lexicon/tr_types.txt",
    "src/lexicon/en_types.txt",
    "src/lexicon/en_words.txt",
];

/// How often each word of a word list (no counts of its own) is counted.
const LIST_COUNT: u64 = 5;

/// Hashes the n-gram keys (already well mixed `u64`s) by one multiplication, and words byte by
/// byte: training counts millions of n-grams and a million words, and SipHash made it three
/// times slower. No input chooses the keys, so no hash flooding to guard against.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // A product mixes into its high bits; the table indexes by the low ones.
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
type WordMap<V> = HashMap<String, V, BuildHasherDefault<KeyHasher>>;

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
    grams: KeyMap<u64>,
    /// For each context (orders 0..ORDER), by key: total count of what followed, number of
    /// distinct followers.
    contexts: KeyMap<(u64, u64)>,
    words: WordMap<u64>,
    total_words: u64,
}

impl Counts {
    fn add_word(&mut self, form: String, n: u64, shapes: &mut KeyMap<Shape>) {
        let mut padded = vec![BEGIN];
        padded.extend(form.chars());
        padded.push(END);
        for i in 1..padded.len() {
            for order in 1..=ORDER.min(i + 1) {
                let gram = &padded[i + 1 - order..=i];
                let k = gram_key(gram);
                match self.grams.entry(k) {
                    std::collections::hash_map::Entry::Occupied(mut seen) => *seen.get_mut() += n,
                    std::collections::hash_map::Entry::Vacant(new) => {
                        // Each language counts with its own shapes: a new n-gram has no shape yet.
                        new.insert(n);
                        shapes.insert(
                            k,
                            Shape { order, context: gram_key(&gram[..order - 1]), suffix: gram_key(&gram[1..]) },
                        );
                    }
                }
            }
        }
        *self.words.entry(form).or_insert(0) += n;
        self.total_words += n;
    }

    fn finish(&mut self, shapes: &KeyMap<Shape>) {
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

/// Counts the training text and returns the tables, laid out as [`super::grams`] says.
pub fn tables() -> Vec<u8> {
    let parse = |text: &'static str| -> WordMap<u64> {
        let mut runs = WordMap::default();
        for (w, n) in text.lines().filter_map(|l| l.split_once('\t')) {
            *runs.entry(word_form(w)).or_insert(0) += n.parse::<u64>().unwrap_or(1);
        }
        runs
    };
    let runs = [parse(include_str!("../lexicon/tr_counts.txt")), parse(include_str!("../lexicon/en_counts.txt"))];
    let totals = runs.each_ref().map(|r| r.values().sum::<u64>() as f64);
    // Word lists without counts join the models, LIST_COUNT per word: Tesseract's Turkish
    // and English word lists (everyday vocabulary the help text lacks; Turkish entries
    // that are English words without a Turkish letter are left out by the derivation) and
    // SCOWL's English words. Measured on the development half of FLORES: single words
    // 95.71% with the help text alone, 97.59% with the Tesseract lists, 97.67% with SCOWL
    // too; counting each listed word 3, 5 or 10 times: 98.30%, 98.35%, 98.46% (but one
    // sentence wrong at 10).
    let lists: [&[&'static str]; 2] = [
        &[include_str!("../lexicon/tr_types.txt")],
        &[include_str!("../lexicon/en_types.txt"), include_str!("../lexicon/en_words.txt")],
    ];
    let count = |lang: usize| -> (Counts, KeyMap<Shape>) {
        let mut counts = Counts::default();
        let mut shapes = KeyMap::default();
        // Help text in one language quotes the other ("LibreOffice", menu names). A word
        // that is relatively more frequent in the other language's text, and has no letter
        // only Turkish writes, is left out of this language's training.
        let other = 1 - lang;
        for (form, &n) in &runs[lang] {
            let here = n as f64 / totals[lang];
            let there = runs[other].get(form).map_or(0.0, |&m| m as f64 / totals[other]);
            let turkish_letters = form.contains(['ç', 'ğ', 'ı', 'ö', 'ş', 'ü']);
            let borrowed = if lang == TR { there >= here && !turkish_letters } else { there > here };
            if !borrowed {
                counts.add_word(form.clone(), n, &mut shapes);
            }
        }
        for list in lists[lang] {
            for word in list.lines() {
                counts.add_word(word_form(word), LIST_COUNT, &mut shapes);
            }
        }
        counts.finish(&shapes);
        (counts, shapes)
    };
    // Each language counts on its own thread.
    let ((tr, mut shapes), (en, en_shapes)) = std::thread::scope(|s| {
        let en = s.spawn(|| count(EN));
        (count(TR), en.join().expect("counting English"))
    });
    shapes.extend(en_shapes);
    let counts = [tr, en];
    // Lower orders first: each n-gram's probability builds on its suffix's.
    let mut order: Vec<(u64, Shape)> = shapes.into_iter().collect();
    order.sort_by_key(|&(k, shape)| (shape.order, k));
    let mut probs: KeyMap<[f64; 2]> = KeyMap::with_capacity_and_hasher(order.len(), Default::default());
    let mut grams: Vec<(u64, [f32; 4])> = Vec::with_capacity(order.len());
    for (k, shape) in order {
        let p = [TR, EN].map(|l| {
            let lower = if shape.order == 1 { 1.0 / super::grams::ALPHABET } else { probs[&shape.suffix][l] };
            counts[l].prob(k, shape, lower)
        });
        probs.insert(k, p);
        let backoff = [TR, EN].map(|l| counts[l].log_backoff(k));
        grams.push((k, [p[TR].ln() as f32, p[EN].ln() as f32, backoff[TR], backoff[EN]]));
    }
    let mut words: WordMap<[f32; 2]> = WordMap::default();
    for lang in [TR, EN] {
        let total = counts[lang].total_words as f64;
        for (word, &n) in &counts[lang].words {
            let entry = words.entry(word.clone()).or_insert([f32::NEG_INFINITY; 2]);
            entry[lang] = (n as f64 / total).ln() as f32;
        }
    }
    let mut words: Vec<(u64, [f32; 2])> = words.iter().map(|(w, &p)| (word_key(w), p)).collect();
    grams.sort_unstable_by_key(|&(k, _)| k);
    words.sort_unstable_by_key(|&(k, _)| k);
    assert!(words.windows(2).all(|w| w[0].0 != w[1].0), "two words share a key");
    let mut out = Vec::with_capacity(16 + grams.len() * 24 + words.len() * 16);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(grams.len() as u64).to_le_bytes());
    out.extend_from_slice(&(words.len() as u64).to_le_bytes());
    for (k, _) in &grams {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for x in grams.iter().flat_map(|(_, v)| v) {
        out.extend_from_slice(&x.to_le_bytes());
    }
    for (k, _) in &words {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for x in words.iter().flat_map(|(_, v)| v) {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out
}
