//! Stage 4: the language of every paragraph — Turkish, English, or undetermined.
//!
//! Each word is scored by two small statistical models of our own ([`model`]): a character
//! n-gram model (orders 1–5 with word boundaries, so Turkish suffixes like `-ları`, `-dır` and
//! letters only Turkish has, `ğ ı ş`, weigh in) mixed with a word model (function words like
//! "ve", "bir", "the", "and" are decisive). A paragraph's score is the sum of its words'
//! log-likelihood ratios, each capped so that one word cannot decide alone, and names
//! (capitalised words inside a sentence) count half: an English paragraph that cites
//! Çolakoğlu stays English, a Turkish paragraph full of English names stays Turkish; words in
//! quotation marks count less when enough text stands outside them (a quoted title is often in
//! the other language). The
//! Windows-1254 letters of mis-decoded Turkish (`ý þ ð` for `ı ş ğ`) are read as what they
//! stand for. Links, numbers and dates do not count; what has no language of its own (page
//! numbers, numbers alone, running headers, fragments with too few letters) is `und`.
//!
//! `whatlang` (restricted to English and Turkish) breaks ties: a long text our models score
//! within one nat of even (none of the 2,024 FLORES test sentences is).

mod grams;
pub mod model;

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use crate::reflow::{Kind, Paragraph};

/// A language label as written to `paragraphs.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Tr,
    En,
    Und,
}

impl Label {
    pub const ALL: [Label; 3] = [Label::Tr, Label::En, Label::Und];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Tr => "tr",
            Label::En => "en",
            Label::Und => "und",
        }
    }
}

impl From<crate::casing::Lang> for Label {
    fn from(lang: crate::casing::Lang) -> Label {
        match lang {
            crate::casing::Lang::Tr => Label::Tr,
            crate::casing::Lang::En => Label::En,
        }
    }
}

/// A label and how sure we are of it, in [0, 1]. `und` carries confidence 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detected {
    pub lang: Label,
    pub confidence: f64,
}

impl Detected {
    pub const UND: Detected = Detected { lang: Label::Und, confidence: 0.0 };
}

/// Detects the language of every paragraph of a document. A paragraph with little evidence of
/// its own (a heading of names, a footnote that is only a citation) leans on the nearest
/// clearly-labelled paragraph before and after it; everything else is [`detect_paragraph`].
pub fn detect_document(paragraphs: &[Paragraph]) -> Vec<Detected> {
    let own: Vec<Option<Evidence>> = paragraphs
        .iter()
        .map(|p| match p.kind {
            Kind::Boilerplate => None,
            Kind::Heading if crate::reflow::heading_language(&p.text).is_some() => None,
            _ => Some(evidence(&p.text)),
        })
        .collect();
    let clear = |ev: &Option<Evidence>| ev.filter(|e| e.llr.abs() >= CLEAR).map(|e| NEIGHBOUR * e.llr.signum());
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| match own[i] {
            None => detect_paragraph(p),
            Some(ev) if ev.llr.abs() < WEAK => {
                let before = own[..i].iter().rev().find_map(clear).unwrap_or(0.0);
                let after = own[i + 1..].iter().find_map(clear).unwrap_or(0.0);
                label(&p.text, Evidence { llr: ev.llr + before + after, ..ev })
            }
            Some(ev) => label(&p.text, ev),
        })
        .collect()
}

/// Detects the language of a paragraph; running headers and page numbers are `und`, and a
/// known section name is labelled by the language it belongs to: "Öz" and "Abstract" are
/// too short for any statistical detector.
pub fn detect_paragraph(p: &Paragraph) -> Detected {
    match p.kind {
        Kind::Boilerplate => Detected::UND,
        Kind::Heading => match crate::reflow::heading_language(&p.text) {
            Some(lang) => Detected { lang: lang.into(), confidence: 0.95 },
            None => detect(&p.text),
        },
        _ => detect(&p.text),
    }
}

/// The most one word may add to a text's log-likelihood ratio, in nats: a Turkish name in an
/// English sentence is outvoted by a handful of English words.
const WORD_CAP: f64 = 8.0;
/// How much a capitalised unknown word inside a sentence (a name) counts.
const NAME_WEIGHT: f64 = 0.3;
/// How much a capitalised word one of the word models knows counts: in Turkish text "Elite
/// League", "Stars", "Giants" are names too, and lower-case words say more about the language.
/// Chosen on the development half of FLORES (word pairs 99.81 % at 1.0 and at 0.5, 99.85 % at
/// 0.7) and on the NTREX papers (one file 0.970 → 0.972 at 0.5, 0.971 at 0.7).
const KNOWN_CAPITAL_WEIGHT: f64 = 0.5;
/// A paragraph whose own evidence is weaker than this (in nats) leans on its neighbours: a
/// heading of names, a footnote citing "Madiha Afzal, 2020."
const WEAK: f64 = 12.0;
/// What the nearest clearly-labelled paragraph on each side adds, in nats: two agreeing
/// neighbours overturn at most 10 nats of a paragraph's own evidence, less than [`WEAK`]. A
/// Turkish quote with an English title in it between Turkish paragraphs ("Schwartz, \"Evet,
/// 'Peppa the pig' yayınlandı,\" dedi.", 9 nats English on its own) is Turkish. At 2.0, NTREX
/// papers (32 draws, one / two files) were 0.9914 / 0.9925; at 5.0, 0.9916 / 0.9928 (4–8 the
/// same); the held-out FLORES papers are unchanged.
const NEIGHBOUR: f64 = 5.0;
/// A neighbour is clear when its evidence passes this.
const CLEAR: f64 = 30.0;
/// Once a text's ratio passes this and enough words are read, the rest cannot turn it.
const SETTLED: f64 = 60.0;
const SETTLED_WORDS: usize = 12;

/// The evidence in a text: the log-likelihood ratio Turkish vs English (positive: Turkish),
/// summed over its words, and how many words and letters counted.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    pub llr: f64,
    pub words: usize,
    pub letters: usize,
}

/// Scores every word of `text`.
pub fn evidence(text: &str) -> Evidence {
    let model = &*model::MODEL;
    let mut ev = Evidence::default();
    // Words inside quotation marks, apart: a quoted title is often in another language.
    let (mut quoted_llr, mut outside) = (0.0, 0);
    let mut inside = false;
    for token in text.split_whitespace() {
        if is_link(token) {
            continue;
        }
        if token.starts_with(['"', '“', '«']) || token.trim_start_matches('(').starts_with(['"', '“']) {
            inside = true;
        }
        let quoted = inside;
        // A closing mark ends the quotation; a suffix may follow it ("… Boys' Club"ın").
        let close = token.char_indices().skip(1).find(|&(_, c)| matches!(c, '"' | '”' | '»')).map(|(i, _)| i);
        if close.is_some() || token == "\"" {
            inside = false;
        }
        // The part after an apostrophe (or a closing quotation mark) is a suffix
        // ("Pakistan’ın", "Club"ın"); before it, every part of a compound may be a name
        // ("Nagorno-Karabakh").
        let suffix_at = token
            .char_indices()
            .zip(token.chars().skip(1).map(Some).chain(std::iter::once(None)))
            .find(|&((i, c), next)| {
                // Only after a letter: a mark that opens the token opens a quotation ('Peppa).
                let after_letter = token[..i].chars().next_back().is_some_and(char::is_alphabetic);
                after_letter
                    && (matches!(c, '’' | '\'') || (matches!(c, '"' | '”') && next.is_some_and(char::is_lowercase)))
            })
            .map(|((i, _), _)| i);
        let (head, suffix) = token.split_at(suffix_at.unwrap_or(token.len()));
        let after_word = head.chars().any(char::is_alphabetic);
        let parts = [(head, true), (suffix, false)];
        let mut first_after = true;
        for (run, in_head) in parts
            .into_iter()
            .flat_map(|(part, in_head)| part.split(|c: char| !c.is_alphabetic()).map(move |r| (r, in_head)))
            .filter(|(r, _)| !r.is_empty())
        {
            let letters = run.chars().count();
            ev.letters += letters;
            let form = model::word_form(run);
            let [tr, en] = model.word_logp(&form);
            // A soft cap: one word cannot decide alone, and two opposite words do not tie.
            let mut llr = WORD_CAP * ((tr - en) / WORD_CAP).tanh();
            // English writes little after an apostrophe that ends a word ("'s", "n't", "'ll");
            // Turkish writes every case ending of a name there ("Sunderland'in", "Ross'tan"),
            // some of which are English words to the models.
            if !in_head && std::mem::take(&mut first_after) && after_word && is_turkish_ending(run) {
                llr = llr.max(SUFFIX_EVIDENCE);
            }
            // A capitalised word that neither word model knows is most likely a name ("Shkurti",
            // "Karabakh", "Madiha"), even at the start of a sentence: it says little about the
            // running text. A known word in a title ("War", "Relations") counts for half, the
            // part after an apostrophe ("Pakistan’ın"), a suffix, in full.
            let capitalised = run.chars().next().is_some_and(char::is_uppercase);
            let all_caps = letters > 1 && run.chars().all(char::is_uppercase);
            if in_head && capitalised && !all_caps {
                if !model.knows(&form) {
                    llr *= NAME_WEIGHT;
                } else {
                    llr *= KNOWN_CAPITAL_WEIGHT;
                }
            }
            if quoted && in_head {
                quoted_llr += llr;
            } else {
                ev.llr += llr;
                outside += 1;
            }
            ev.words += 1;
        }
        if ev.words >= SETTLED_WORDS && (ev.llr + quoted_llr).abs() >= SETTLED {
            break;
        }
    }
    // Quoted words weigh less when the text around them says enough.
    ev.llr += if outside >= QUOTE_CONTEXT_WORDS { QUOTE_WEIGHT * quoted_llr } else { quoted_llr };
    ev
}

/// How much a quoted word counts when the text has [`QUOTE_CONTEXT_WORDS`] words outside
/// quotation marks: a Turkish sentence quoting an English book title ("… Boys' Club"ın
/// yazarı"), an English one quoting a Turkish title.
const QUOTE_WEIGHT: f64 = 0.3;
const QUOTE_CONTEXT_WORDS: usize = 4;

/// Evidence of Turkish (nats) in a word ending written after an apostrophe, at least.
const SUFFIX_EVIDENCE: f64 = 4.0;

/// A lower-case ending after an apostrophe that English does not write there: not a clitic
/// ("'s", "'t", "'re", "'ve", "'ll", "'d", "'m") nor "o'clock", "y'all", "rock 'n' roll".
fn is_turkish_ending(run: &str) -> bool {
    const ENGLISH: &[&str] = &["s", "t", "re", "ve", "ll", "d", "m", "em", "n", "clock", "all"];
    run.chars().next().is_some_and(char::is_lowercase) && !ENGLISH.contains(&run)
}

fn is_link(token: &str) -> bool {
    token.contains("://") || token.contains("www.") || token.contains('@')
}

/// Detects the language of a text. The confidence is the posterior of the label under equal
/// priors, computed from the log-likelihood ratio tempered by one half (the models assume
/// letters independent given a short context, which overstates the evidence).
pub fn detect(text: &str) -> Detected {
    label(text, evidence(text))
}

/// The label for a text with this evidence: ours, or whatlang's when a long text is a tie.
fn label(text: &str, ev: Evidence) -> Detected {
    if ev.llr.abs() < TIE && ev.letters >= 20 { tie_break(text) } else { decide(ev) }
}

/// Below this (nats), a long text is a tie for our models and whatlang decides.
const TIE: f64 = 1.0;

static WHATLANG: LazyLock<Detector> = LazyLock::new(|| Detector::with_allowlist(vec![Lang::Eng, Lang::Tur]));

/// whatlang's trigram profiles, restricted to English and Turkish: a second opinion for the
/// rare long text our models score even.
fn tie_break(text: &str) -> Detected {
    match WHATLANG.detect(text) {
        Some(info) => Detected {
            lang: if info.lang() == Lang::Tur { Label::Tr } else { Label::En },
            confidence: (0.5 + info.confidence() / 2.0).clamp(0.5, 1.0),
        },
        None => Detected::UND,
    }
}

fn decide(ev: Evidence) -> Detected {
    if ev.letters < 2 || ev.llr.abs() < 1e-6 {
        return Detected::UND;
    }
    let lang = if ev.llr > 0.0 { Label::Tr } else { Label::En };
    let confidence = 1.0 / (1.0 + (-0.5 * ev.llr.abs()).exp());
    Detected { lang, confidence }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(index: usize, kind: Kind, text: &str) -> Paragraph {
        Paragraph { index, kind, first_line: index, last_line: index, text: text.to_string(), soft_breaks: Vec::new() }
    }

    #[test]
    fn english_names_in_a_turkish_sentence_do_not_outvote_it() {
        let text =
            "Elite League: Dundee Stars 5-3 Belfast Giants Patrick Dwyer Dundee'ye karşı Giants'ın iki golünü attı.";
        assert_eq!(detect(text).lang, Label::Tr);
        assert_eq!(detect("Killer Pig Mauls Chinese Farmer to Death").lang, Label::En);
    }

    #[test]
    fn a_quoted_title_weighs_less_than_the_sentence_around_it() {
        // A Turkish sentence quoting a long English book title, its case ending after the
        // closing mark; an English sentence quoting a Turkish title; quoted speech alone.
        let tr = "Gazeteci ve \"How to Read the News When Nobody Tells You What Really Happened in the World\"ın yazarı Ayşe Kaya'nın başka bir görüşü var.";
        assert_eq!(detect(tr).lang, Label::Tr, "{:?}", evidence(tr));
        let en = "The ministry published its report, \"Türkiye'nin dış politikasında yeni dönem ve bölgesel işbirliği\", in March 2021.";
        assert_eq!(detect(en).lang, Label::En, "{:?}", evidence(en));
        assert_eq!(detect("\"Yarın sabah erkenden yola çıkacağız ve akşam orada olacağız.\"").lang, Label::Tr);
    }

    #[test]
    fn every_part_of_a_hyphenated_name_counts_as_a_name() {
        // "Karabakh" after the hyphen reads a little Turkish; weighed as a name, the heading has
        // too little evidence of its own to stand against the English text around it.
        let whole = evidence("Nagorno-Karabakh").llr;
        let parts = evidence("Nagorno").llr + evidence("Karabakh").llr;
        assert!((whole - parts).abs() < 1e-9, "{whole} {parts}");
        assert!(whole.abs() < WEAK / 2.0, "{whole}");
        // After an apostrophe a suffix, counted in full.
        assert_eq!(detect("Karabakh’taki Savaşı").lang, Label::Tr);
    }

    #[test]
    fn case_endings_after_names_are_turkish_even_when_english_words() {
        // "in", "tan" are English words to the models; after an apostrophe they are endings.
        let text = "Sunderland'in Ross'tan önceki teknik direktörleri arasında Dick Advocaat, David Moyes, Sam Allardyce, Martin O'Neill, Roy Keane, Gus Poyet ve Paulo Di Canio var.";
        assert_eq!(detect(text).lang, Label::Tr);
        assert!(evidence("Sunderland'in").llr > 0.0);
        // English clitics stay English.
        assert!(evidence("Sunderland's").llr < 0.0);
        assert_eq!(detect("They're saying it's Ross's and they'll keep it").lang, Label::En);
    }

    #[test]
    fn turkish_and_english_sentences() {
        assert_eq!(
            detect("Bu çalışma, Pakistan ve Türkiye’nin ortak savunma sanayii iş birliklerini inceler.").lang,
            Label::Tr
        );
        assert_eq!(
            detect("This study focuses on analysing the cooperation between Türkiye and Pakistan.").lang,
            Label::En
        );
    }

    #[test]
    fn english_citing_a_turkish_name_stays_english() {
        let text = "Selcuk Çolakoğlu, Turkey-Pakistan Security Relations Since 1950s, Middle East Institute, November 25, 2013.";
        assert_eq!(detect(text).lang, Label::En);
    }

    #[test]
    fn numbers_and_fragments_are_undetermined() {
        assert_eq!(detect("180").lang, Label::Und);
        assert_eq!(detect("12.03.2020").lang, Label::Und);
        assert_eq!(detect("").lang, Label::Und);
    }

    #[test]
    fn misdecoded_windows_1254_is_still_turkish() {
        assert_eq!(detect("Türkiye ile Pakistan arasýndaki iliþkiler daðlýk bölgelerde").lang, Label::Tr);
    }

    #[test]
    fn known_section_names_carry_their_language() {
        let heading = |text: &str| Paragraph {
            index: 1,
            kind: Kind::Heading,
            first_line: 1,
            last_line: 1,
            text: text.to_string(),
            soft_breaks: Vec::new(),
        };
        assert_eq!(detect_paragraph(&heading("Öz")).lang, Label::Tr);
        assert_eq!(detect_paragraph(&heading("Genişletilmiş Özet")).lang, Label::Tr);
        assert_eq!(detect_paragraph(&heading("Abstract")).lang, Label::En);
        assert_eq!(detect_paragraph(&heading("CONCLUSION")).lang, Label::En);
        assert_eq!(detect_paragraph(&heading("1. Introduction")).lang, Label::En);
    }

    #[test]
    fn short_text_and_shared_words() {
        for (text, lang) in [
            ("ve", Label::Tr),
            ("the", Label::En),
            ("kitaplarımızdan", Label::Tr),
            ("notwithstanding", Label::En),
            ("bir sistem", Label::Tr),
            ("the system", Label::En),
            ("Genişletilmiş Özet", Label::Tr),
            ("Anahtar Kelimeler", Label::Tr),
            ("Keywords", Label::En),
        ] {
            assert_eq!(detect(text).lang, lang, "{text}");
        }
    }

    #[test]
    fn mixed_paragraphs_follow_the_running_text() {
        // English running text citing a Turkish title and Turkish names.
        let en = "As Gloria Shkurti Özdemir argues in \"Türkiye'nin Dış Politikası\", the two countries signed several agreements.";
        assert_eq!(detect(en).lang, Label::En);
        // Turkish running text full of English names and titles.
        let tr = "Foreign Policy dergisinde yayımlanan \"The Erdoğan Effect\" başlıklı makalede Washington ve London ziyaretleri ele alınmıştır.";
        assert_eq!(detect(tr).lang, Label::Tr);
        // A link says nothing about the language: this footnote is English.
        let footnote = "¹⁵ \"The Biggest Aid Comes from Turkey,\" *Milliyet*, October 22, 2005, <https://www.milliyet.com.tr/gundem/en-buyuk-yardim-turkiyeden-254038>";
        assert_eq!(detect(footnote).lang, Label::En);
        // Capitals of Turkish words in an English acronym do not make it Turkish.
        assert_eq!(
            detect("Emphasis on AKINCI TİHA and Bayraktar TB2 SİHA from Pakistan, December 25, 2023").lang,
            Label::En
        );
    }

    #[test]
    fn weak_paragraphs_lean_on_their_neighbours() {
        let doc = [
            para(
                1,
                Kind::Body,
                "The relations between the two countries grew closer after the September 11 attacks, when both governments had to rethink their security policies and the alliances that had shaped them.",
            ),
            para(2, Kind::Heading, "Gloria Shkurti Ozdemir and Rizwan Zeb"),
            para(
                3,
                Kind::Body,
                "Economic cooperation followed, and trade between the two countries more than doubled over the next decade, helped by new agreements on investment and transport.",
            ),
        ];
        let labels = detect_document(&doc);
        assert_eq!(labels.iter().map(|d| d.lang).collect::<Vec<_>>(), [Label::En; 3]);
        // On its own, the heading of names is a toss-up, at best.
        assert!(detect(&doc[1].text).confidence < labels[1].confidence || detect(&doc[1].text).lang != Label::En);
        // A Turkish quote of an English title, 9 nats English on its own, between Turkish
        // paragraphs.
        let quote = "Schwartz, \"Evet, 'Peppa the pig' yayınlandı,\" dedi.";
        assert_eq!(detect(quote).lang, Label::En);
        let turkish = |index: usize, text: &str| para(index, Kind::Body, text);
        let labels = detect_document(&[
            turkish(
                1,
                "Birleşik Krallık'taki izleyiciler, karşılaşma başlamak üzereyken yayının bir anda çizgi filme geçtiğini görünce şaşkına döndü.",
            ),
            turkish(2, quote),
            turkish(
                3,
                "Bellator şirket başkanı, gelecekteki yayınları Birleşik Krallık'taki hayranların da izleyebilmesi için çalışacaklarını söyledi.",
            ),
        ]);
        assert_eq!(labels.iter().map(|d| d.lang).collect::<Vec<_>>(), [Label::Tr; 3]);
    }

    #[test]
    fn a_quotation_mark_opening_a_word_is_no_apostrophe_before_a_suffix() {
        // "'Peppa" is a name in quotation marks, not a case ending after an apostrophe: it
        // counts as a name, as "Peppa" does.
        assert!((evidence("'Peppa the pig'").llr - evidence("Peppa the pig").llr).abs() < 1e-9);
    }

    #[test]
    fn confidence_is_a_probability() {
        for text in ["Genişletilmiş Özet", "CONCLUSION", "system motor final", "Ankara"] {
            let d = detect(text);
            assert!((0.0..=1.0).contains(&d.confidence), "{text}: {d:?}");
        }
    }
}
