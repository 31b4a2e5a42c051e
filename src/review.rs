//! Review files for translators: `review.xlsx` (Excel, LibreOffice) and `review.html` (any
//! browser, no network). Both show every pair with its score and leave room for a verdict.

use std::io::Write;

use rust_xlsxwriter::{
    Color, ConditionalFormat3ColorScale, DataValidation, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};

use crate::formats::{PairOut, Unpaired};

/// `review.xlsx`: one row per pair — pair, document, score, bead, Turkish, English, and empty
/// verdict and note columns for the reviewer (verdict offers accept / reject / edit). Header
/// frozen, autofilter on, text wrapped, score shaded red (low) to green (high). Every text is
/// written as a string, so a paragraph starting with "=" is never a formula.
pub fn write_xlsx(w: &mut dyn Write, pairs: &[PairOut<'_>]) -> std::io::Result<()> {
    let bytes = xlsx_bytes(pairs).map_err(std::io::Error::other)?;
    w.write_all(&bytes)
}

fn xlsx_bytes(pairs: &[PairOut<'_>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date: the same pairs give the same bytes, run after run.
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_author("hizala").set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name("pairs")?;
    let header = Format::new().set_bold().set_background_color(Color::RGB(0xE7E6E6)).set_border(FormatBorder::Thin);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let number = Format::new().set_num_format("0.0000").set_align(FormatAlign::Top);
    let columns: [(&str, f64); 8] = [
        ("pair", 7.0),
        ("doc", 24.0),
        ("score", 9.0),
        ("bead", 6.0),
        ("tr", 70.0),
        ("en", 70.0),
        ("verdict", 11.0),
        ("note", 30.0),
    ];
    for (c, (name, width)) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, &header)?;
        sheet.set_column_width(c as u16, *width)?;
    }
    for (k, p) in pairs.iter().enumerate() {
        let row = k as u32 + 1;
        sheet.write_number_with_format(row, 0, p.pair as f64, &number.clone().set_num_format("0"))?;
        sheet.write_string_with_format(row, 1, p.doc, &text)?;
        sheet.write_number_with_format(row, 2, p.score, &number)?;
        sheet.write_string_with_format(row, 3, &p.bead, &text)?;
        sheet.write_string_with_format(row, 4, p.tr.as_ref(), &text)?;
        sheet.write_string_with_format(row, 5, p.en.as_ref(), &text)?;
        sheet.write_string_with_format(row, 6, "", &text)?;
        sheet.write_string_with_format(row, 7, "", &text)?;
    }
    let last = pairs.len().max(1) as u32;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last, columns.len() as u16 - 1)?;
    let scale = ConditionalFormat3ColorScale::new()
        .set_minimum(rust_xlsxwriter::ConditionalFormatType::Number, 0.5)
        .set_midpoint(rust_xlsxwriter::ConditionalFormatType::Number, crate::align::DEFAULT_MIN_SCORE)
        .set_maximum(rust_xlsxwriter::ConditionalFormatType::Number, 1.0)
        .set_minimum_color(Color::RGB(0xF8696B))
        .set_midpoint_color(Color::RGB(0xFFEB84))
        .set_maximum_color(Color::RGB(0x63BE7B));
    sheet.add_conditional_format(1, 2, last, 2, &scale)?;
    let verdicts = DataValidation::new().allow_list_strings(&["accept", "reject", "edit"])?;
    sheet.add_data_validation(1, 6, last, 6, &verdicts)?;
    book.save_to_buffer()
}

/// `review.html`: one self-contained page (styles, script and data inside; nothing fetched).
/// Turkish and English side by side, pairs grouped by document, scores colour-coded, a
/// minimum-score filter, shared numbers and names highlighted, keyboard navigation (j/k or
/// arrows, a = accept, r = reject, e = edit), per-pair verdicts, and "Save CSV" to download the
/// verdicts (with edited texts) from the browser. Unpaired Turkish paragraphs are listed after.
pub fn write_html(w: &mut dyn Write, pairs: &[PairOut<'_>], unpaired: &[Unpaired]) -> std::io::Result<()> {
    let data = serde_json::json!({ "pairs": pairs, "unpaired": unpaired });
    // Inside <script>, "</" must not appear: escape the slash of every "</".
    let json = serde_json::to_string(&data).map_err(std::io::Error::other)?.replace("</", "<\\/");
    let page = HTML_TEMPLATE
        .replace("/*DATA*/null", &json)
        .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"))
        .replace("{{MIN_SCORE}}", &crate::align::DEFAULT_MIN_SCORE.to_string());
    w.write_all(page.as_bytes())
}

const HTML_TEMPLATE: &str = include_str!("review.html");

#[cfg(test)]
mod tests {
    use super::*;

    fn pair<'a>(k: usize, tr: &'a str, en: &'a str, score: f64) -> PairOut<'a> {
        PairOut {
            doc: "001.txt",
            pair: k,
            tr: tr.into(),
            en: en.into(),
            tr_paragraphs: k.to_string(),
            en_paragraphs: k.to_string(),
            bead: "1-1".into(),
            score,
        }
    }

    #[test]
    fn html_is_self_contained_and_carries_the_data_safely() {
        let pairs = [pair(1, "</script><b>Türkiye</b>", "=1+1 Türkiye", 0.97)];
        let unpaired = [Unpaired { doc: "001.txt".into(), paragraph: 9, text: "Yalnız paragraf".into() }];
        let mut out = Vec::new();
        write_html(&mut out, &pairs, &unpaired).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("{{"), "every placeholder filled");
        assert!(html.contains(&format!("score >= {}", crate::align::DEFAULT_MIN_SCORE)));
        assert_eq!(html.matches("</script>").count(), 2, "the data cannot close its script early");
        assert!(!html.contains("http://") && !html.contains("https://"), "nothing is fetched");
        assert!(html.contains("Yalnız paragraf"));
    }

    #[test]
    fn xlsx_is_a_zip_with_the_sheet() {
        let mut out = Vec::new();
        write_xlsx(&mut out, &[pair(1, "=HYPERLINK(\"x\")", "Türkiye", 0.9)]).unwrap();
        assert_eq!(&out[..2], b"PK");
        assert!(out.len() > 2000);
    }
}
