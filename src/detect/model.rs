//! Statistical models of Turkish and English text: a character n-gram model of words
//! (Witten–Bell interpolated, orders 1 to 5, with word-boundary marks) mixed with a word
//! unigram model, one of each per language.
//!
//! The models are trained when the crate is built (`build.rs`, `src/detect/train.rs`, about
//! half a second) and embedded in the binary, read into two hash tables the first time a model
//! is needed. FLORES-200, NTREX-128, the seeds and any public
//! language-identification test set are not training data; `tests/detect_accuracy.rs`
//! measures on FLORES.

pub use super::grams::word_form;
use super::grams::{ALPHABET, BEGIN, EN, END, MAGIC, ORDER, TR, WORD_WEIGHT, gram_key, word_key};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

static TABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/language_models.bin"));

pub static MODEL: LazyLock<Model> = LazyLock::new(|| Model::read(TABLES));

/// The keys are spread already ([`gram_key`], [`word_key`]): they hash as themselves.
#[derive(Default)]
struct Spread(u64);

impl Hasher for Spread {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed")
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Table<const N: usize> = HashMap<u64, [f32; N], BuildHasherDefault<Spread>>;

/// Reads `len` keys and their values from the front of `bytes` into a table; returns the rest.
fn read_table<const N: usize>(bytes: &[u8], len: usize) -> (Table<N>, &[u8]) {
    let (keys, rest) = bytes.split_at(len * 8);
    let (values, rest) = rest.split_at(len * N * 4);
    let keys = keys.chunks_exact(8).map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")));
    let values = values
        .chunks_exact(N * 4)
        .map(|v| std::array::from_fn(|i| f32::from_le_bytes(v[i * 4..i * 4 + 4].try_into().expect("4 bytes"))));
    let mut table = Table::with_capacity_and_hasher(len, Default::default());
    table.extend(keys.zip(values));
    (table, rest)
}

pub struct Model {
    /// Per n-gram: ln P(last char | the chars before it) per language, then the ln of the
    /// weight left to lower orders when this n-gram is the context, per language (0 where the
    /// language never saw it as a context: everything passes to lower orders).
    grams: Table<4>,
    /// ln P(word) under each language's word model, and for words one language never saw,
    /// `f32::NEG_INFINITY`.
    words: Table<2>,
}

impl Model {
    fn read(bytes: &[u8]) -> Model {
        let (magic, rest) = bytes.split_at(MAGIC.len());
        assert_eq!(magic, MAGIC, "the embedded language models have another layout than this code reads");
        let count = |b: &[u8]| u64::from_le_bytes(b[..8].try_into().expect("8 bytes")) as usize;
        let (grams, words) = (count(rest), count(&rest[8..]));
        let (grams, rest) = read_table(&rest[16..], grams);
        let (words, rest) = read_table(rest, words);
        assert!(rest.is_empty(), "trailing bytes after the language models");
        Model { grams, words }
    }

    /// Whether either language's word model knows the word (a form from [`word_form`]).
    pub fn knows(&self, form: &str) -> bool {
        self.words.contains_key(&word_key(form))
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
                if let Some(entry) = self.grams.get(&gram_key(&padded[i + 1 - k..=i])) {
                    for l in [TR, EN] {
                        chars[l] += backoff[l] + f64::from(entry[l]);
                    }
                    found = true;
                    break;
                }
                if k > 1
                    && let Some(context) = self.grams.get(&gram_key(&padded[i + 1 - k..i]))
                {
                    for l in [TR, EN] {
                        backoff[l] += f64::from(context[2 + l]);
                    }
                }
            }
            if !found {
                for l in [TR, EN] {
                    chars[l] += backoff[l] - ALPHABET.ln();
                }
            }
        }
        match self.words.get(&word_key(form)) {
            Some(known) => [TR, EN].map(|l| {
                let word = f64::from(known[l]).exp();
                (WORD_WEIGHT * word + (1.0 - WORD_WEIGHT) * chars[l].exp()).ln()
            }),
            None => [TR, EN].map(|l| (1.0 - WORD_WEIGHT).ln() + chars[l]),
        }
    }
}
