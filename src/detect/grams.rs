//! What the training of the language models (`build.rs`, through `train.rs`) and their use at
//! run time ([`super::model`]) share: the form words are modelled in, the keys n-grams and words
//! are looked up by, the models' constants, and the layout of the trained tables.
//!
//! The tables, little-endian: [`MAGIC`]; the number of n-grams and of words (`u64` each); the
//! n-grams' keys (`u64`, ascending), then per n-gram ln P(last char | the chars before it) and
//! the ln of the weight it leaves to lower orders as a context, per language (`4 × f32`); the
//! words' keys (`u64`, ascending), then per word ln P(word) per language (`2 × f32`, −∞ for a
//! word one language never saw).

/// Index of each language in the score arrays.
pub const TR: usize = 0;
pub const EN: usize = 1;

/// The longest n-gram.
pub const ORDER: usize = 5;
/// Characters an n-gram model can meet: the uniform base of the interpolation.
pub const ALPHABET: f64 = 120.0;
/// How much of a word's probability comes from the word model when the word is known.
pub const WORD_WEIGHT: f64 = 0.6;
/// Word boundary marks.
pub const BEGIN: char = '^';
pub const END: char = '$';

/// The first bytes of the tables, with their layout's version.
pub const MAGIC: &[u8; 8] = b"hizalaM1";

/// Spreads a key's bits (MurmurHash3's finaliser), so the tables can find a key's place from
/// its top bits.
const fn spread(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The key of an n-gram: FNV-1a over its code points, the length keeping orders apart.
pub fn gram_key(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ chars.len() as u64;
    for &c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    spread(h)
}

/// The key of a word (a form from [`word_form`]). Two of the models' 300,000 words share a key
/// with odds of about 1 in 10^8, and a word they do not know takes a known word's key with odds
/// of about 1 in 10^14.
pub fn word_key(form: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in form.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    spread(h)
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
