//! The formats translators and researchers open: `parallel.jsonl` (Hugging Face translation
//! shape), `parallel.tmx` and `sentences.tmx` (TMX 1.4b for CAT tools), `review.xlsx` (one row
//! per pair with a verdict column) and `review.html` (a self-contained review page). All are
//! written from the same pair and sentence rows as the CSV files, by [`crate::export`].

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// One aligned pair, as every format writes it. Texts are borrowed from the paragraphs when a
/// side is one paragraph, so a large run does not hold its text twice.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PairOut<'a> {
    pub doc: &'a str,
    pub pair: usize,
    pub tr: std::borrow::Cow<'a, str>,
    pub en: std::borrow::Cow<'a, str>,
    pub tr_paragraphs: String,
    pub en_paragraphs: String,
    pub bead: String,
    pub score: f64,
}

/// One sentence bead of a pair.
#[derive(Clone, Debug)]
pub struct SentenceOut {
    pub sentence: usize,
    pub tr: String,
    pub en: String,
    pub bead: String,
    pub score: Option<f64>,
}

/// A Turkish running-text paragraph in no pair, listed on the review page.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Unpaired {
    pub doc: String,
    pub paragraph: usize,
    pub text: String,
}

/// `parallel.jsonl`: one object per pair,
/// `{"translation": {"tr": …, "en": …}, "score": …, "doc": …, "pair": …}`.
pub fn write_jsonl(w: &mut dyn Write, pairs: &[PairOut<'_>]) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Translation<'a> {
        tr: &'a str,
        en: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Line<'a> {
        translation: Translation<'a>,
        score: f64,
        doc: &'a str,
        pair: usize,
    }
    for p in pairs {
        let line = Line { translation: Translation { tr: &p.tr, en: &p.en }, score: p.score, doc: p.doc, pair: p.pair };
        serde_json::to_writer(&mut *w, &line)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Languages written into TMX `xml:lang` attributes.
#[derive(Clone, Debug)]
pub struct TmxLangs {
    pub tr: String,
    pub en: String,
}

impl Default for TmxLangs {
    fn default() -> Self {
        TmxLangs { tr: "tr-TR".into(), en: "en-US".into() }
    }
}

/// One translation unit: an id, properties (`x-` types), and the two segments.
pub struct Unit<'a> {
    pub id: String,
    pub props: Vec<(&'static str, String)>,
    pub tr: &'a str,
    pub en: &'a str,
}

/// XML 1.0 cannot hold most control characters, even escaped; they are dropped from segments.
fn xml_text(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    if text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

/// A TMX 1.4b document written as it goes: the header with every required attribute, then one
/// `<tu>` per unit, then the closing tags. `segtype` is "paragraph" or "sentence".
pub struct TmxWriter<'w> {
    xml: Writer<&'w mut dyn Write>,
    langs: TmxLangs,
}

impl<'w> TmxWriter<'w> {
    pub fn start(w: &'w mut dyn Write, segtype: &str, langs: &TmxLangs) -> std::io::Result<TmxWriter<'w>> {
        let mut xml = Writer::new_with_indent(w, b' ', 1);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        xml.write_event(Event::DocType(BytesText::from_escaped(r#"tmx SYSTEM "tmx14.dtd""#)))?;
        let mut tmx = BytesStart::new("tmx");
        tmx.push_attribute(("version", "1.4"));
        xml.write_event(Event::Start(tmx))?;
        let mut header = BytesStart::new("header");
        for (k, v) in [
            ("creationtool", "hizala"),
            ("creationtoolversion", env!("CARGO_PKG_VERSION")),
            ("segtype", segtype),
            ("o-tmf", "hizala"),
            ("adminlang", "en-US"),
            ("srclang", langs.tr.as_str()),
            ("datatype", "plaintext"),
        ] {
            header.push_attribute((k, v));
        }
        xml.write_event(Event::Empty(header))?;
        xml.write_event(Event::Start(BytesStart::new("body")))?;
        Ok(TmxWriter { xml, langs: langs.clone() })
    }

    pub fn unit(&mut self, unit: &Unit) -> std::io::Result<()> {
        let xml = &mut self.xml;
        let mut tu = BytesStart::new("tu");
        tu.push_attribute(("tuid", unit.id.as_str()));
        xml.write_event(Event::Start(tu))?;
        for (kind, value) in &unit.props {
            let mut prop = BytesStart::new("prop");
            prop.push_attribute(("type", *kind));
            xml.write_event(Event::Start(prop))?;
            xml.write_event(Event::Text(BytesText::new(&xml_text(value))))?;
            xml.write_event(Event::End(BytesEnd::new("prop")))?;
        }
        for (lang, text) in [(&self.langs.tr, unit.tr), (&self.langs.en, unit.en)] {
            let mut tuv = BytesStart::new("tuv");
            tuv.push_attribute(("xml:lang", lang.as_str()));
            xml.write_event(Event::Start(tuv))?;
            xml.write_event(Event::Start(BytesStart::new("seg")))?;
            xml.write_event(Event::Text(BytesText::new(&xml_text(text))))?;
            xml.write_event(Event::End(BytesEnd::new("seg")))?;
            xml.write_event(Event::End(BytesEnd::new("tuv")))?;
        }
        xml.write_event(Event::End(BytesEnd::new("tu")))
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.xml.write_event(Event::End(BytesEnd::new("body")))?;
        self.xml.write_event(Event::End(BytesEnd::new("tmx")))?;
        self.xml.into_inner().write_all(b"\n")
    }
}

/// A whole TMX document from `units`.
pub fn write_tmx<'a>(
    w: &mut dyn Write,
    segtype: &str,
    langs: &TmxLangs,
    units: impl Iterator<Item = Unit<'a>>,
) -> std::io::Result<()> {
    let mut tmx = TmxWriter::start(w, segtype, langs)?;
    for unit in units {
        tmx.unit(&unit)?;
    }
    tmx.finish()
}

/// The paragraph-level units: one per pair.
pub fn pair_units<'a>(pairs: &'a [PairOut<'_>]) -> impl Iterator<Item = Unit<'a>> {
    pairs.iter().map(|p| Unit {
        id: p.pair.to_string(),
        props: vec![
            ("x-doc", p.doc.to_string()),
            ("x-score", format!("{:.4}", p.score)),
            ("x-bead", p.bead.clone()),
            ("x-tr-paragraphs", p.tr_paragraphs.clone()),
            ("x-en-paragraphs", p.en_paragraphs.clone()),
        ],
        tr: &p.tr,
        en: &p.en,
    })
}

/// The sentence-level units: one per sentence bead with both sides.
pub fn sentence_units<'a>(
    pairs: &'a [PairOut<'_>],
    sentences: &'a [Vec<SentenceOut>],
) -> impl Iterator<Item = Unit<'a>> {
    pairs.iter().zip(sentences).flat_map(|(p, list)| {
        list.iter().filter(|s| !s.tr.is_empty() && !s.en.is_empty()).map(move |s| Unit {
            id: format!("{}.{}", p.pair, s.sentence),
            props: vec![
                ("x-doc", p.doc.to_string()),
                ("x-pair", p.pair.to_string()),
                ("x-score", s.score.map_or_else(String::new, |x| format!("{x:.4}"))),
                ("x-bead", s.bead.clone()),
            ],
            tr: &s.tr,
            en: &s.en,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair<'a>(tr: &'a str, en: &'a str) -> PairOut<'a> {
        PairOut {
            doc: "a&b <c>.txt",
            pair: 1,
            tr: tr.into(),
            en: en.into(),
            tr_paragraphs: "2".into(),
            en_paragraphs: "4;5".into(),
            bead: "1-2".into(),
            score: 0.97,
        }
    }

    #[test]
    fn tmx_escapes_and_carries_every_header_attribute() {
        let pairs = [pair("Türkiye & Pakistan <ittifak> \"NATO\"", "Türkiye & Pakistan <alliance>\u{7}")];
        let mut out = Vec::new();
        write_tmx(&mut out, "paragraph", &TmxLangs::default(), pair_units(&pairs)).unwrap();
        let xml = String::from_utf8(out).unwrap();
        for attr in [
            "creationtool=",
            "creationtoolversion=",
            "segtype=\"paragraph\"",
            "o-tmf=",
            "adminlang=",
            "srclang=\"tr-TR\"",
            "datatype=",
        ] {
            assert!(xml.contains(attr), "{attr} missing in {xml}");
        }
        assert!(xml.contains("Türkiye &amp; Pakistan &lt;ittifak&gt;"));
        assert!(xml.contains("<prop type=\"x-doc\">a&amp;b &lt;c&gt;.txt</prop>"));
        assert!(xml.contains("xml:lang=\"en-US\""));
        assert!(!xml.contains('\u{7}'));
        // It parses back to the same text.
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut segs = Vec::new();
        let mut in_seg = false;
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"seg" => in_seg = true,
                Event::End(e) if e.name().as_ref() == b"seg" => in_seg = false,
                Event::Text(t) if in_seg => segs.push(t.unescape().unwrap().into_owned()),
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(segs, ["Türkiye & Pakistan <ittifak> \"NATO\"", "Türkiye & Pakistan <alliance>"]);
    }

    #[test]
    fn jsonl_has_the_translation_shape() {
        let mut out = Vec::new();
        write_jsonl(&mut out, &[pair("NA", "Line\nbreak")]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
        assert_eq!(v["translation"]["tr"], "NA");
        assert_eq!(v["translation"]["en"], "Line\nbreak");
        assert_eq!(v["pair"], 1);
        assert_eq!(v["doc"], "a&b <c>.txt");
    }
}
