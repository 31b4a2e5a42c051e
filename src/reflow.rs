//! Stage 2: rebuild paragraphs from text extracted from a PDF.
//!
//! PDF text arrives as lines wrapped mid-sentence, words broken across lines with a hyphen
//! (`arasın-` / `daki`), page breaks (a line that begins with a space) and running headers,
//! footers and page numbers in the middle of a paragraph. [`rebuild`] turns the lines into
//! [`Paragraph`]s in reading order, each with its kind and its source line range. Running
//! headers are not dropped: they become `boilerplate` paragraphs, and the paragraph they
//! interrupted is joined back together.
//!
//! Every decision is made from evidence in the document itself (line widths, sentence ends,
//! letter case, repetition, how often a word appears with and without a hyphen), never from
//! a list of one document's strings.

use std::collections::HashMap;

use crate::casing::{Lang, match_key};

/// What a paragraph is, as written to `paragraphs.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Body,
    Heading,
    ListItem,
    Footnote,
    /// Running headers and footers, page numbers: kept, marked, never aligned.
    Boilerplate,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Body, Kind::Heading, Kind::ListItem, Kind::Footnote, Kind::Boilerplate];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Body => "body",
            Kind::Heading => "heading",
            Kind::ListItem => "list_item",
            Kind::Footnote => "footnote",
            Kind::Boilerplate => "boilerplate",
        }
    }
}

/// One rebuilt paragraph and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based position in reading order.
    pub index: usize,
    pub kind: Kind,
    /// 1-based source lines; a paragraph rejoined around a running header spans it.
    pub first_line: usize,
    pub last_line: usize,
    /// The paragraph on one line, hyphenated breaks repaired (normalised by the next stage).
    pub text: String,
    /// Where another paragraph may begin unseen: in text without blank lines between
    /// paragraphs, after a full line that ends a sentence, before a line that starts one (a
    /// paragraph whose last line is full shows no end); in text of long paragraphs, where a
    /// page break follows such a line. Each as the number of words before it and the source
    /// line after it; the aligner splits there where the split makes its alignment likelier
    /// (`align::split_and_align_document`).
    pub soft_breaks: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    /// The line without leading and trailing white space. A leading space marks the first
    /// line of a new page in this kind of text; it is no paragraph break by itself, so it is
    /// not kept.
    text: &'a str,
    /// The leading white space, in columns (a tab as four): a layout-preserving extraction
    /// shows a paragraph's indented first line.
    indent: usize,
}

impl Line<'_> {
    /// How far the line reaches, in characters from the left edge: its indent and its text.
    fn columns(&self) -> usize {
        self.indent + self.text.chars().count()
    }
}

#[derive(Debug)]
struct Unit {
    /// Indices into the document's non-blank lines, in order.
    lines: Vec<usize>,
    kind: Kind,
    /// Positions in `lines` before which a paragraph may have ended unseen (a page break after
    /// a sentence that fills its line): [`Paragraph::soft_breaks`].
    soft: Vec<usize>,
}

/// Rebuilds the paragraphs of a document.
///
/// ```
/// use hizala::reflow::{rebuild, Kind};
/// let text = " Öz\n\nPakistan ve Türkiye arasın-\ndaki ilişkiler güçlüdür.\n";
/// let paragraphs = rebuild(text);
/// assert_eq!(paragraphs[0].kind, Kind::Heading);
/// assert_eq!(paragraphs[1].text, "Pakistan ve Türkiye arasındaki ilişkiler güçlüdür.");
/// assert_eq!((paragraphs[1].first_line, paragraphs[1].last_line), (3, 4));
/// ```
pub fn rebuild(text: &str) -> Vec<Paragraph> {
    rebuild_with(text, None)
}

/// How a text is laid out — wrapped or not, paragraphs set off by blank lines or not, first
/// lines indented or not — as [`measure`] finds it, for [`rebuild_with`].
pub struct PageLayout(Layout);

/// Measures the layout of a text (`None` for a text without any line).
pub fn measure(text: &str) -> Option<PageLayout> {
    let lines = lines_of(text);
    (!lines.is_empty()).then(|| PageLayout(Layout::measure(&lines)))
}

/// Measures the layouts of two files of one paper (a Turkish summary and the English text it
/// translates, as `hizala align` takes them). Each is measured on its own, but a file too
/// short to show how its paragraphs are set takes from the other that they follow each other
/// without blank lines, where the other shows it; when neither shows it alone, both lines
/// together may (a short story and its summary): a summary of a few lines set so looks like
/// one paragraph.
pub fn measure_pair(first: &str, second: &str) -> (Option<PageLayout>, Option<PageLayout>) {
    let (a, b) = (lines_of(first), lines_of(second));
    if a.is_empty() || b.is_empty() {
        return (measure(first), measure(second));
    }
    let (mut la, mut lb) = (Layout::measure(&a), Layout::measure(&b));
    // The second file's lines after the first's, a blank line between them.
    let joint = || {
        let offset = a.last().map_or(0, |l| l.no) + 1;
        let both: Vec<Line> = a.iter().copied().chain(b.iter().map(|l| Line { no: l.no + offset, ..*l })).collect();
        Layout::measure(&both)
    };
    match (la.settled(), lb.settled()) {
        (false, true) => la.take_setting(&lb),
        (true, false) => lb.take_setting(&la),
        (false, false) => {
            let joint = joint();
            if joint.settled() {
                la.take_setting(&joint);
                lb.take_setting(&joint);
            }
        }
        // A file that shows a paragraph end without a blank line, but too seldom to tell from
        // the odd sentence that stops short in type (a summary of three paragraphs has two
        // ends, and the margin hides some), when the other file is set without blank lines:
        // both files' lines measured together decide.
        (true, true) if la.unseparated != lb.unseparated => {
            let joint = joint();
            for layout in [&mut la, &mut lb] {
                if layout.fitting_ends > 0 {
                    layout.take_setting(&joint);
                }
            }
        }
        (true, true) => {}
    }
    (Some(PageLayout(la)), Some(PageLayout(lb)))
}

/// [`rebuild`] with the layout measured (and settled) already; `None` measures it.
pub fn rebuild_with(text: &str, layout: Option<&PageLayout>) -> Vec<Paragraph> {
    let lines = lines_of(text);
    match layout {
        _ if lines.is_empty() => Vec::new(),
        Some(layout) => rebuild_lines(&lines, &layout.0),
        None => rebuild_lines(&lines, &Layout::measure(&lines)),
    }
}

/// [`rebuild`] for the two files of one paper, their layouts measured together
/// ([`measure_pair`]).
pub fn rebuild_pair(first: &str, second: &str) -> (Vec<Paragraph>, Vec<Paragraph>) {
    let (a, b) = measure_pair(first, second);
    (rebuild_with(first, a.as_ref()), rebuild_with(second, b.as_ref()))
}

/// The non-blank lines of a text.
fn lines_of(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .filter_map(|(i, raw)| {
            let trimmed = raw.trim();
            // One leading space (or a form feed) marks a new page, not an indent.
            let width = |c: char| match c {
                '\t' => 4,
                '\u{c}' | '\r' => 0,
                _ => 1,
            };
            let indent = match raw.chars().take_while(|c| c.is_whitespace()).map(width).sum() {
                1 => 0,
                n => n,
            };
            (!trimmed.is_empty()).then_some(Line { no: i + 1, text: trimmed, indent })
        })
        .collect()
}

/// [`rebuild`] for lines measured already.
fn rebuild_lines(lines: &[Line], layout: &Layout) -> Vec<Paragraph> {
    let words = WordCounts::new(lines);

    let mut units = Vec::new();
    let mut block_start = 0;
    for i in 0..lines.len() {
        let block_ends = i + 1 == lines.len() || lines[i + 1].no != lines[i].no + 1;
        if block_ends {
            split_block(lines, block_start..i + 1, layout, &mut units);
            block_start = i + 1;
        }
    }
    for unit in &mut units {
        unit.kind = classify(lines, unit, layout);
    }
    mark_repeated_lines(lines, &mut units);
    rejoin_interrupted(lines, layout, &mut units);
    attach_footnote_links(lines, &mut units);

    let mut paragraphs: Vec<Paragraph> = units
        .iter()
        .map(|unit| Paragraph {
            index: 0,
            kind: unit.kind,
            first_line: lines[unit.lines[0]].no,
            last_line: lines[*unit.lines.last().expect("units are never empty")].no,
            text: join_lines(lines, &unit.lines, &words),
            soft_breaks: soft_breaks(lines, unit, layout, &words),
        })
        .collect();
    paragraphs.sort_by_key(|p| (p.first_line, p.last_line));
    for (i, p) in paragraphs.iter_mut().enumerate() {
        p.index = i + 1;
    }
    paragraphs
}

/// Line-width facts about the whole document.
struct Layout {
    /// Typical width of a full line of wrapped text (90th percentile of line lengths).
    width: usize,
    /// True when the text is not wrapped at all: one paragraph per line (web pages, `.txt`
    /// exports). Then every line break ends a paragraph.
    unwrapped: bool,
    /// The longest line broken mid-sentence: how many characters fit on a line.
    fill: usize,
    /// True when wrapped paragraphs follow each other without a blank line between them: then
    /// a line that stops before the next line's first word would have filled it ends a
    /// paragraph.
    unseparated: bool,
    /// True when paragraphs start with an indented first line (two columns or more; one
    /// leading space marks a new page): then an indented line starting a sentence starts a
    /// paragraph, and a sentence ending at the margin without one after it does not end one.
    indented: bool,
    /// How many lines have another line right after them: what the facts above rest on.
    followed: usize,
    /// How many sentences stop short of the margin with the next sentence on the next line:
    /// paragraph ends without a blank line.
    fitting_ends: usize,
}

impl Layout {
    /// Wrapped text breaks lines wherever the margin falls, so most of its lines end
    /// mid-sentence; in unwrapped text nearly every line ends a sentence or is a heading.
    fn measure(lines: &[Line]) -> Layout {
        let mut lengths: Vec<usize> = lines.iter().map(Line::columns).collect();
        lengths.sort_unstable();
        let width = lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)];
        let followed: Vec<&Line> = lines.windows(2).filter(|w| w[1].no == w[0].no + 1).map(|w| &w[0]).collect();
        let mid_sentence = followed.iter().filter(|l| !ends_sentence(l.text)).count();
        // Short paragraphs set without blank lines end a sentence on most lines too, but their
        // lines stop at one margin: many reach close to it, none goes far past it, and most of
        // those that reach it break a sentence.
        let near_margin: Vec<&&Line> = followed.iter().filter(|l| l.columns() * 100 >= width * 85).collect();
        let broken = near_margin.iter().filter(|l| !ends_sentence(l.text)).count();
        let longest = lengths[lengths.len() - 1];
        let at_a_margin = width <= 200
            && longest * 10 <= width * 11
            && near_margin.len() * 100 >= lengths.len() * 30
            && near_margin.len() >= 3
            && broken * 2 >= near_margin.len();
        let mostly_sentence_ends = followed.len() >= 3 && mid_sentence * 2 < followed.len();
        let unwrapped =
            if followed.len() >= 3 { mostly_sentence_ends && !at_a_margin } else { lengths[lengths.len() / 2] > 140 };
        // Paragraphs set off by blank lines leave no sentence end inside a block of lines that
        // stops before the next word would have filled it (real PDFs, set in proportional type,
        // a few in a hundred); text without blank lines between paragraphs has one every few
        // lines.
        // The widest line broken mid-sentence: what fits on a line.
        let fill = followed.iter().filter(|l| !ends_sentence(l.text)).map(|l| l.columns()).max().unwrap_or(0);
        // Such ends, and (`clear_ends`) those well short of the margin, not where proportional
        // type keeps the next word off a nearly full line.
        let (mut fitting_ends, mut clear_ends) = (0, 0);
        for w in lines.windows(2) {
            if w[1].no == w[0].no + 1 && ends_sentence(w[0].text) && ends_short(&w[0], &w[1], fill) {
                fitting_ends += 1;
                clear_ends += usize::from(w[0].columns() * 100 < width * CLEAR_END);
            }
        }
        // Long paragraphs show fewer ends among their lines, but many clear ones against the
        // blocks of lines between blank lines: there, each paragraph is a block (a page break
        // cuts one in two), and a clear end inside one is rare.
        let blocks = (0..lines.len())
            .filter(|&k| {
                (k == 0 || lines[k].no != lines[k - 1].no + 1)
                    && lines.get(k + 1).is_some_and(|n| n.no == lines[k].no + 1)
            })
            .count();
        // Short wrapped paragraphs that end a sentence on most lines have no blank lines between
        // them either.
        let unseparated = !unwrapped
            && ((followed.len() >= 8 && fitting_ends > 0 && fitting_ends * 20 >= followed.len())
                || (clear_ends >= 2 && clear_ends * 2 >= blocks)
                || mostly_sentence_ends);
        // First lines indented: a line set in (two columns or more) further than the next line
        // of its block or than the one before; at least two, most after a sentence's end.
        let same_block = |a: &Line, b: &Line| b.no == a.no + 1;
        let mut first_lines = 0;
        let mut after_sentence = 0;
        for (k, line) in lines.iter().enumerate() {
            let before = k.checked_sub(1).map(|p| &lines[p]).filter(|p| same_block(p, line));
            let after = lines.get(k + 1).filter(|n| same_block(line, n));
            if line.indent >= 2
                && (after.is_some_and(|n| n.indent < line.indent) || before.is_some_and(|p| p.indent < line.indent))
            {
                first_lines += 1;
                after_sentence += usize::from(before.is_none_or(|p| ends_sentence(p.text)));
            }
        }
        let indented = !unwrapped && first_lines >= 2 && after_sentence * 2 >= first_lines;
        Layout { width, fill, unwrapped, unseparated, indented, followed: followed.len(), fitting_ends }
    }

    /// Whether the text has lines enough to show whether its paragraphs are set without blank
    /// lines (a paragraph or two of wrapped lines; the setting of unwrapped text is plain).
    fn settled(&self) -> bool {
        self.unwrapped || self.followed >= SETTLED_LINES
    }

    /// Takes the setting of another file of the same paper: paragraphs without blank lines.
    fn take_setting(&mut self, other: &Layout) {
        if !self.unwrapped && !other.unwrapped {
            self.unseparated |= other.unseparated;
        }
    }
}

/// How full (percent of the width) a line ending a paragraph without a blank line after it may
/// be to count as clearly short of the margin ([`Layout::measure`]).
const CLEAR_END: usize = 85;

/// Lines followed by another line from which a text shows its own setting ([`Layout::settled`]).
const SETTLED_LINES: usize = 8;

fn split_block(lines: &[Line], range: std::ops::Range<usize>, layout: &Layout, units: &mut Vec<Unit>) {
    let mut current = vec![range.start];
    for b in range.start + 1..range.end {
        let a = b - 1;
        if breaks_between(&lines[a], &lines[b], layout) {
            units.push(Unit { lines: std::mem::take(&mut current), kind: Kind::Body, soft: Vec::new() });
        }
        current.push(b);
    }
    units.push(Unit { lines: current, kind: Kind::Body, soft: Vec::new() });
}

/// Does a paragraph end between two consecutive non-blank lines?
fn breaks_between(a: &Line, b: &Line, layout: &Layout) -> bool {
    if ends_with_break_hyphen(a.text) || ends_with_not_sign_break(a.text) {
        return false;
    }
    // A heading that wraps onto a second line: "1. STRENGTHENING OF TIES BETWEEN TÜRKİYE AND"
    // / "PAKISTAN".
    if is_all_caps(a.text) && is_all_caps(b.text) && !ends_sentence(a.text) {
        return false;
    }
    if layout.unwrapped {
        return true;
    }
    // A number at the start of a line that continues a sentence is no section number:
    // "The Paralympics will take place from" / "24 August to 5 September 2021".
    let continues = !ends_sentence(a.text) && !looks_like_heading_line(a.text, layout);
    let numbered_only = |t: &str| is_numbered_heading(t) && !is_known_heading(t) && !is_all_caps(t);
    if continues && numbered_only(b.text) {
        return false;
    }
    if looks_like_heading_line(a.text, layout) || looks_like_heading_line(b.text, layout) {
        return true;
    }
    // A dash before a lower-case word, in a sentence that has not ended (and not after another
    // list item), goes on with the sentence: "… bad body language" / "- the worst …".
    if continues_after_dash(b.text) && !ends_sentence(a.text) && list_marker_len(a.text).is_none() {
        return false;
    }
    // A numbered item after a line that stops mid-sentence — not after a colon, a semicolon or
    // another item — is the sentence going on with a number: "Saat 05:00 itibarıyla Rosa," /
    // "1. Kategori kasırga olup …".
    let numbered = b.text.starts_with(|c: char| c.is_ascii_digit());
    if numbered && continues && !a.text.trim_end().ends_with(';') && list_marker_len(a.text).is_none() {
        return false;
    }
    if list_marker_len(b.text).is_some() || footnote_marker_len(b.text).is_some() {
        return true;
    }
    // An indented first line, where paragraphs are shown that way: after a paragraph's last
    // line, a headline or another paragraph of one line.
    if layout.indented && b.indent >= 2 && b.indent >= a.indent && starts_sentence(b.text) {
        return true;
    }
    // A line well short of the margin ends its paragraph, even when the next paragraph follows
    // without a blank line (often on a new page), when it ends a sentence and the next line
    // starts one — or, a headline without a sentence end, when the next line's
    // first word would have fitted on it and that line is a full line of running text (a
    // title's or a caption's next line is not; a short file, a summary alone, may hold too few
    // lines to show that its paragraphs are set without blank lines).
    let short = a.columns() * 10 < layout.width * 7;
    let full_next = b.columns() * 10 >= layout.width * 9;
    if short && ((ends_sentence(a.text) && starts_sentence(b.text)) || (ends_short(a, b, layout.fill) && full_next)) {
        return true;
    }
    // Without blank lines between paragraphs: the next line's first word would have fitted on
    // this one, so the line was ended on purpose. (Only there: proportional fonts make the
    // count of characters on a full line vary, and blank lines say more.)
    layout.unseparated && ends_short(a, b, layout.fill)
}

/// A body paragraph's [soft breaks](Paragraph::soft_breaks): in text without blank lines
/// between paragraphs, each pair of consecutive lines where one sentence ends at the margin and
/// the next starts a line; and the page breaks it was joined across (`Unit::soft`).
fn soft_breaks(lines: &[Line], unit: &Unit, layout: &Layout, words: &WordCounts) -> Vec<(usize, usize)> {
    if unit.kind != Kind::Body {
        return Vec::new();
    }
    (1..unit.lines.len())
        .filter(|&k| {
            let (a, b) = (&lines[unit.lines[k - 1]], &lines[unit.lines[k]]);
            // A colon introduces what follows rather than ending a paragraph.
            let unseen = layout.unseparated
                && !layout.indented
                && b.no == a.no + 1
                && ends_sentence(a.text)
                && !a.text.ends_with(':')
                && starts_sentence(b.text);
            unseen || unit.soft.contains(&k)
        })
        .map(|k| (join_lines(lines, &unit.lines[..k], words).split_whitespace().count(), lines[unit.lines[k]].no))
        .collect()
}

/// Whether line `b` starts a sentence whose first word would have fitted at the end of line `a`
/// within `fill` characters: `a` was ended on purpose.
fn ends_short(a: &Line, b: &Line, fill: usize) -> bool {
    let first_word = b.text.split_whitespace().next().map_or(0, |w| w.chars().count());
    starts_sentence(b.text) && a.columns() + 1 + first_word <= fill
}

fn classify(lines: &[Line], unit: &Unit, layout: &Layout) -> Kind {
    let first = lines[unit.lines[0]].text;
    let text: String = unit.lines.iter().map(|&i| lines[i].text).collect::<Vec<_>>().join(" ");
    if is_page_number(&text) || is_journal_line(&text) {
        return Kind::Boilerplate;
    }
    if footnote_marker_len(first).is_some() {
        return Kind::Footnote;
    }
    let short = unit.lines.len() <= 3 && text.chars().count() <= 160;
    // A caption is a heading of its table or figure, not running text.
    if short && is_caption(&text) {
        return Kind::Heading;
    }
    if short && !ends_with_any(&text, &['.', ',', ';', ':']) {
        let standalone = unit.lines.len() == 1 && (layout.unwrapped || is_own_block(lines, unit));
        // A line that runs to the right margin of wrapped text is the first line of a paragraph
        // cut by a page break, not a heading.
        let reaches_margin = !layout.unwrapped && text.chars().count() * 10 >= layout.width * 9;
        if is_known_heading(&text)
            || is_all_caps(&text)
            || is_numbered_heading(&text)
            || (standalone && !reaches_margin && is_title_case(&text) && !asks_then_goes_on(&text))
            // A title wrapped over two or three lines: "Yüzlerce Göçmen Çocuk Sessizce Teksas
            // Sınırındaki Bir" / "Çadır Kampına Taşındı".
            || (unit.lines.len() > 1 && is_headline(unit.lines.iter().map(|&l| lines[l].text)))
            || (standalone
                && !reaches_margin
                && opens_section(lines, unit)
                && starts_sentence(&text)
                && text.split_whitespace().count() <= 16)
        {
            return Kind::Heading;
        }
    }
    if list_marker_len(first).is_some() {
        return Kind::ListItem;
    }
    Kind::Body
}

/// A line that starts the document, or follows two or more blank lines (the wider gap that sets
/// off a section in text without other heading marks): "A joint military exercise between
/// Turkey and Pakistan". The gap after a page number and a running header is the page break's,
/// not a section's.
fn opens_section(lines: &[Line], unit: &Unit) -> bool {
    let i = unit.lines[0];
    let after_page_number = (1..=2).any(|k| i >= k && is_page_number(lines[i - k].text));
    i == 0 || (lines[i].no - lines[i - 1].no >= 3 && !after_page_number)
}

fn is_own_block(lines: &[Line], unit: &Unit) -> bool {
    let i = unit.lines[0];
    let before = i == 0 || lines[i - 1].no + 1 != lines[i].no;
    let after = i + 1 == lines.len() || lines[i + 1].no != lines[i].no + 1;
    before && after
}

/// A short line that occurs on its own several times in a document (a running header or
/// footer, perhaps with a changing page number) is boilerplate.
fn mark_repeated_lines(lines: &[Line], units: &mut [Unit]) {
    let key = |s: &str| -> String { match_key(s).chars().filter(|c| c.is_alphabetic()).collect() };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for unit in units.iter() {
        if unit.lines.len() == 1 {
            let k = key(lines[unit.lines[0]].text);
            if k.chars().count() >= 8 {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    for unit in units.iter_mut() {
        // A footnote that cites the same source again ("SIPRI Arms Transfers Database, <…>") is
        // still a footnote.
        if unit.lines.len() == 1 && !matches!(unit.kind, Kind::Heading | Kind::Footnote) {
            let text = lines[unit.lines[0]].text;
            if text.chars().count() <= 120 && counts.get(&key(text)).is_some_and(|&n| n >= 3) {
                unit.kind = Kind::Boilerplate;
            }
        }
    }
}

/// A paragraph that stops mid-sentence, then one to three short units, then a unit that starts
/// in lower case: the short units are a running header or footer that the page break put in
/// the middle of the paragraph. They become boilerplate and the paragraph is joined again.
fn rejoin_interrupted(lines: &[Line], layout: &Layout, units: &mut Vec<Unit>) {
    // Single lines that stand alone more than once, their numbers aside: a running header
    // without a page number, or with one on its line.
    let mut alone: HashMap<String, usize> = HashMap::new();
    for unit in units.iter().filter(|u| u.lines.len() == 1) {
        *alone.entry(without_digits(lines[unit.lines[0]].text)).or_default() += 1;
    }
    // Paragraphs of many lines (the median body unit): a page break after a sentence that fills
    // its line more often falls inside one than at its end.
    let mut sizes: Vec<usize> = units.iter().filter(|u| u.kind == Kind::Body).map(|u| u.lines.len()).collect();
    sizes.sort_unstable();
    let long_paragraphs = sizes.get(sizes.len() / 2).is_some_and(|&n| n >= LONG_PARAGRAPH_LINES);
    let mut i = 0;
    while i < units.len() {
        if units[i].kind != Kind::Body {
            i += 1;
            continue;
        }
        // After a join, the interruption already dealt with stays in place (now boilerplate),
        // before the end of the joined paragraph: look past it.
        let end = *units[i].lines.last().expect("units are never empty");
        let start = (i + 1..units.len()).find(|&k| units[k].lines[0] > end).unwrap_or(units.len());
        if ends_sentence(&unit_last_text(lines, &units[i])) {
            if !long_paragraphs || !join_across_page_break(lines, layout, units, i, start, &alone) {
                i += 1;
            }
            continue;
        }
        // The footnotes at the foot of the page come first: they stand apart, the text goes on
        // after the page break.
        let notes = page_foot_notes(lines, units, start);
        // One to three short units, then a unit that starts in lower case (also after a dash
        // that looked like a list marker): the text goes on after the interruption.
        let mut j = notes;
        while j < units.len() && j - notes < 3 && is_interruption_candidate(lines, &units[j]) {
            j += 1;
        }
        let found = j > notes
            && j < units.len()
            && last_before_page_number(lines, &units[notes..j])
            && match units[j].kind {
                // A short tail of the paragraph ("cil of Independent Schools") may look like a
                // heading, but no heading starts in lower case.
                Kind::Body | Kind::Heading => {
                    let first = lines[units[j].lines[0]].text;
                    starts_lowercase(first) && !is_identifier_line(first)
                }
                Kind::ListItem => continues_after_dash(lines[units[j].lines[0]].text),
                _ => false,
            };
        // A page number, perhaps with a header line, is a page break for sure: then the text
        // may go on with a capital too ("… bir plan" / 11 / header / "Corbyn liderliğindeki …")
        // — when the paragraph's last line runs to the margin: a short last line ended it.
        let last_line = lines[*units[i].lines.last().expect("units are never empty")].columns();
        let runs_on = layout.unwrapped || last_line * 10 >= layout.width * 7;
        if !found {
            j = if runs_on { page_break_end(lines, units, notes, &alone, true).unwrap_or(start) } else { start };
            // A headline in title case ("… Yarışında Aday Olma Konusunu "Etraflıca"
            // Düşüneceğini Belirtti") goes on only as a headline: running text after the page
            // break is a paragraph of its own.
            // Unless the headline's line ran to the margin and the next page goes on with
            // capitalised words first ("… With Kavanaugh" / page / "Debacle, Analysts Warn As
            // many top Republicans …"): the margin, not the headline, ended that line.
            let title_goes_on = |first: &str| {
                is_headline(std::iter::once(first))
                    || (last_line * 10 >= layout.width * 9 && leading_capitalised_words(first) > 0)
            };
            if j > start && unit_is_headline(lines, &units[i]) && !title_goes_on(lines[units[j].lines[0]].text) {
                j = start;
            }
            // The first word after the page break would have fitted on the last line: the
            // line was ended on purpose (a headline, a paragraph's end), not by the margin.
            // Set in proportional type, a full line may count fewer characters than the
            // widest: only a line short of nine tenths of the usual width is taken for ended.
            if j > start
                && last_line * 10 < layout.width * 9
                && ends_short(&lines[end], &lines[units[j].lines[0]], layout.fill)
            {
                j = start;
            }
        }
        if j > start {
            for unit in &mut units[start..notes] {
                unit.kind = Kind::Footnote;
            }
            join_units(lines, units, i, start..j, false);
            // The joined paragraph may be interrupted again on its next page.
            continue;
        }
        i += 1;
    }
    // A running header seen once beside a page break that ended a paragraph too: with the
    // page number on its line, or right before a page number — unless another such line
    // follows the number (then that one is the header, and this a headline ending the page).
    let header = |unit: &Unit| {
        let text = lines[unit.lines[0]].text;
        // No closing mark at all: "Oh, no." ends no sentence for `ends_sentence` ("No." is
        // an abbreviation), but it is no header either.
        unit.lines.len() == 1
            && matches!(unit.kind, Kind::Heading | Kind::Body)
            && !text.trim_end().ends_with(['.', '!', '?', '"', '\'', '”', '’', ':', ';', ','])
            && text.chars().count() <= 80
            && !is_caption(text)
    };
    let page_number = |unit: &Unit| unit.lines.len() == 1 && is_page_number(lines[unit.lines[0]].text);
    for k in 0..units.len() {
        let text = lines[units[k].lines[0]].text;
        let before_number = units.get(k + 1).is_some_and(page_number) && !units.get(k + 2).is_some_and(header);
        // The page number on the header's line, set off by a single space ("38 Journal of
        // Applied Studies 14 (2016)"): a numbered heading is written once, a running header on
        // every page.
        let repeated_with_number = number_at_edge(text) && alone.get(&without_digits(text)).is_some_and(|&n| n >= 2);
        if header(&units[k]) && (numbered_header(text) || before_number || repeated_with_number) {
            units[k].kind = Kind::Boilerplate;
        }
    }
    // A running header known from another page (boilerplate there) is boilerplate on every
    // page, also where the page broke between two paragraphs and nothing was rejoined: beside
    // a page number, within two units of it.
    let known: std::collections::HashSet<String> = units
        .iter()
        .filter(|u| u.kind == Kind::Boilerplate && u.lines.len() == 1)
        .map(|u| without_digits(lines[u.lines[0]].text))
        .filter(|t| t.chars().any(char::is_alphabetic))
        .collect();
    for k in 0..units.len() {
        let near_number = (k.saturating_sub(2)..(k + 3).min(units.len())).any(|n| n != k && page_number(&units[n]));
        if near_number && header(&units[k]) && known.contains(&without_digits(lines[units[k].lines[0]].text)) {
            units[k].kind = Kind::Boilerplate;
        }
    }
}

/// Joins unit `between.end` to unit `i`, the units between becoming boilerplate (a page
/// number, a running header) unless they are footnotes or captions; `soft` marks the join as a
/// soft break.
fn join_units(lines: &[Line], units: &mut Vec<Unit>, i: usize, between: std::ops::Range<usize>, soft: bool) {
    let j = between.end;
    for unit in units[between].iter_mut() {
        if unit.kind != Kind::Footnote && !is_caption(lines[unit.lines[0]].text) {
            unit.kind = Kind::Boilerplate;
        }
    }
    let tail = units.remove(j);
    let at = units[i].lines.len();
    if soft {
        units[i].soft.push(at);
    }
    units[i].soft.extend(tail.soft.iter().map(|k| k + at));
    units[i].lines.extend(tail.lines);
}

/// Body paragraphs this many lines long or longer (the median) make a page break after a full
/// line's sentence end more likely inside a paragraph than at its end. Chosen on NTREX papers:
/// whole stories as paragraphs gain (0.984 / 0.979 → 0.988 / 0.990), papers of 1–3 segments
/// lose at 6 (0.9859 → 0.9855) and are unchanged at 10; the held-out FLORES papers measured
/// 0.990 / 0.993 at 6 and 0.993 / 0.995 (unchanged) at 10.
const LONG_PARAGRAPH_LINES: usize = 10;

/// A paragraph whose last sentence fills its line, then a page break, then body text starting
/// a sentence: nothing shows whether the paragraph ended with the page or goes on — more often
/// it goes on (a paragraph has several sentence ends at a line's end, and a last line that
/// happens to be full is rare). Joins the two with a soft break where the page broke, for the
/// aligner to split where that makes its alignment likelier. Returns whether it joined.
fn join_across_page_break(
    lines: &[Line],
    layout: &Layout,
    units: &mut Vec<Unit>,
    i: usize,
    start: usize,
    alone: &HashMap<String, usize>,
) -> bool {
    let Some(j) = page_break_end(lines, units, start, alone, false) else { return false };
    let end = *units[i].lines.last().expect("units are never empty");
    let (last, next) = (&lines[end], &lines[units[j].lines[0]]);
    let fits = ends_short(last, next, layout.fill) || last.columns() * 10 < layout.width * 9;
    let headline = unit_is_headline(lines, &units[i]) || unit_is_headline(lines, &units[j]);
    if layout.unwrapped || fits || !starts_sentence(next.text) || headline {
        return false;
    }
    join_units(lines, units, i, start..j, true);
    true
}

/// From unit `start` on, a page number, boilerplate already known (a repeated running header)
/// and at most one other single line that ends no sentence (a header seen once), then body
/// text: the index of that body unit. Without a page number, the header must stand alone
/// elsewhere in the text too (`alone` counts single lines).
///
/// `mid_sentence`: the paragraph before stops mid-sentence, so no section heading can follow
/// it, and a line that starts or ends with a page number set off by a single space
/// ("38 Journal of Applied Studies 14 (2016)") is a running header too, not a numbered heading.
fn page_break_end(
    lines: &[Line],
    units: &[Unit],
    start: usize,
    alone: &HashMap<String, usize>,
    mid_sentence: bool,
) -> Option<usize> {
    let mut page_number = false;
    let mut repeated = false;
    let mut header = false;
    let mut j = start;
    while j < units.len() && j - start < 3 {
        let unit = &units[j];
        let text = lines[unit.lines[0]].text;
        let single = unit.lines.len() == 1;
        if single && is_page_number(text) {
            page_number = true;
        } else if single && unit.kind == Kind::Boilerplate {
            // A running header seen before.
        } else if !header
            && single
            && matches!(unit.kind, Kind::Heading | Kind::Body)
            && !ends_sentence(text)
            && text.chars().count() <= 80
        {
            header = true;
            repeated = alone.get(&without_digits(text)).is_some_and(|&n| n >= 2) && unit.kind == Kind::Heading;
            // The page number on the header's line, set off by a bar, a dash or a gap.
            page_number |= numbered_header(text) || (mid_sentence && number_at_edge(text));
        } else {
            break;
        }
        j += 1;
    }
    ((page_number || repeated)
        && j < units.len()
        && units[j].kind == Kind::Body
        && last_before_page_number(lines, &units[start..j]))
    .then_some(j)
}

/// A running header with the page number on its line, set off from the title by a bar, a
/// dash or a wide gap (three spaces or more, as a layout-preserving extraction leaves it):
/// "Journal of Applied Studies 3 (2016) | 40", "12 – Uluslararası İlişkiler", "148    Journal
/// of Applied Studies". One or two spaces set off no page number: "2  Yöntem" is a numbered
/// heading.
fn numbered_header(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(['|', '–', '—'])
        .flat_map(|part| part.split("   "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    parts.len() >= 2 && (is_page_digits(parts[0]) || is_page_digits(parts[parts.len() - 1]))
}

/// A line that starts or ends with a page number and has words besides: "38 Journal of
/// Applied Studies", "Uluslararası İlişkiler 39".
fn number_at_edge(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2 && (is_page_digits(words[0]) || is_page_digits(words[words.len() - 1]))
}

/// A line with its digits left out: running headers that differ only in their page number.
fn without_digits(text: &str) -> String {
    text.chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// A page break cuts the last paragraph of a page: when `between` holds a page number, only
/// boilerplate or a one-line heading (a running header) may stand before it (text there is the
/// page's own last paragraph, which the next page continues, not the paragraph before it);
/// without one, no body text that stops mid-sentence may stand between.
fn last_before_page_number(lines: &[Line], between: &[Unit]) -> bool {
    match between.iter().position(|u| u.lines.len() == 1 && is_page_number(lines[u.lines[0]].text)) {
        // A running header on one line may come first ("Journal of Applied Studies 3 (2016)" /
        // "40"), seen only once: a heading, not a paragraph's text.
        Some(p) => {
            between[..p].iter().all(|u| u.kind == Kind::Boilerplate || (u.kind == Kind::Heading && u.lines.len() == 1))
        }
        // No page number: a body unit between that stops mid-sentence is the one the text
        // goes on with.
        None => !between.iter().any(|u| u.kind == Kind::Body && !ends_sentence(&unit_last_text(lines, u))),
    }
}

/// A line holding only a link, right after a footnote, is the end of that footnote: extraction
/// put the URL of "¹⁵ "The Biggest Aid Comes from Turkey," *Milliyet*, October 22, 2005," on a
/// line of its own.
fn attach_footnote_links(lines: &[Line], units: &mut Vec<Unit>) {
    let mut i = 1;
    while i < units.len() {
        let only_link = units[i].lines.iter().all(|&l| is_link(lines[l].text));
        if only_link && units[i - 1].kind == Kind::Footnote {
            let link = units.remove(i);
            units[i - 1].lines.extend(link.lines);
        } else {
            i += 1;
        }
    }
}

fn is_link(text: &str) -> bool {
    let t = text.trim_start_matches(['<', '(', '[']);
    !t.contains(' ') && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

/// "- compared with 2,706 in 2011.": a dash and a lower-case word, a sentence going on rather
/// than a list item.
fn continues_after_dash(text: &str) -> bool {
    text.starts_with(['-', '–']) && starts_lowercase(text[1..].trim_start())
}

/// A line of a journal's identifiers, as a page's header or footer shows them: a link, a DOI,
/// an ISSN ("https://doi.org/10.17752/…", "DOI: 10.17752/…", "e-ISSN: 2146-8206").
fn is_identifier_line(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    is_link(&lower)
        || lower.strip_prefix("doi").is_some_and(|rest| rest.trim_start_matches([':', ' ']).starts_with("10."))
        || lower.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w == "issn" || w.ends_with("-issn")
        })
}

/// From unit `start` on, the footnotes at the foot of a page, before its page number: units
/// with a footnote marker, and units that open with a plain number ("1 See Yılmaz (2019), p.
/// 45.") and end a sentence, when a page number follows within three units. Returns the first
/// unit after them (`start` when there are none).
fn page_foot_notes(lines: &[Line], units: &[Unit], start: usize) -> usize {
    let plain_note = |unit: &Unit| {
        let text = lines[unit.lines[0]].text;
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&digits)
            && text[digits..].strip_prefix(' ').is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
            && ends_sentence(&unit_last_text(lines, unit))
    };
    let mut j = start;
    while j < units.len() && j - start < 4 && (units[j].kind == Kind::Footnote || plain_note(&units[j])) {
        j += 1;
    }
    let page_number_follows = (j..(j + 3).min(units.len()))
        .any(|k| units[k].lines.len() == 1 && is_page_number(lines[units[k].lines[0]].text));
    if page_number_follows { j } else { start }
}

/// A short unit that may stand between a paragraph's two halves at a page break. A line in
/// lower case is where the text goes on, unless it is a link or an identifier.
fn is_interruption_candidate(lines: &[Line], unit: &Unit) -> bool {
    let first = lines[unit.lines[0]].text;
    unit.lines.len() <= 2
        && unit.kind != Kind::Footnote
        && (!starts_lowercase(first) || is_identifier_line(first))
        && unit.lines.iter().all(|&l| lines[l].text.chars().count() <= 120)
}

fn unit_is_headline(lines: &[Line], unit: &Unit) -> bool {
    is_headline(unit.lines.iter().map(|&l| lines[l].text))
}

fn unit_last_text(lines: &[Line], unit: &Unit) -> String {
    lines[*unit.lines.last().expect("units are never empty")].text.to_string()
}

/// Joins a paragraph's lines with spaces, repairing words broken by a hyphen at a line end.
fn join_lines(lines: &[Line], indices: &[usize], words: &WordCounts) -> String {
    // Whether the paragraph reads as Turkish matters only at a hyphenated break: decided at
    // the first one.
    let mut turkish: Option<bool> = None;
    let mut out = String::new();
    for &i in indices {
        let text = lines[i].text;
        if out.is_empty() {
            out.push_str(text);
            continue;
        }
        if out.ends_with('\u{AD}') {
            // A soft hyphen at the line end: the word continues on the next line.
            out.push_str(text);
        } else if ends_with_not_sign_break(&out) {
            // "halk¬" / "ları": some extractions write the typesetter's hyphen as a not sign.
            out.pop();
            out.push_str(text);
        } else if ends_with_break_hyphen(&out) {
            let turkish = *turkish.get_or_insert_with(|| looks_turkish(indices.iter().map(|&i| lines[i].text)));
            if words.should_join(&out[..out.len() - 1], text, turkish) {
                out.pop();
            }
            out.push_str(text);
        } else {
            out.push(' ');
            out.push_str(text);
        }
    }
    out
}

/// How often each word form occurs in the document, with and without hyphens: the evidence
/// for repairing a hyphenated line break.
struct WordCounts {
    counts: HashMap<String, u32>,
}

impl WordCounts {
    fn new(lines: &[Line]) -> WordCounts {
        let mut counts = HashMap::new();
        for line in lines {
            let mut tokens = line.text.split_whitespace().peekable();
            while let Some(token) = tokens.next() {
                // The broken word at the end of a line is not evidence for itself.
                if tokens.peek().is_none() && token.ends_with('-') {
                    continue;
                }
                let word = word_core(token);
                if word.chars().any(char::is_alphabetic) {
                    *counts.entry(word).or_insert(0) += 1;
                }
            }
        }
        WordCounts { counts }
    }

    fn count(&self, word: &str) -> u32 {
        self.counts.get(word).copied().unwrap_or(0)
    }

    /// `before` is the text up to the line-end hyphen, `after` the next line.
    ///
    /// The evidence, strongest first: digits (a range or "COVID-19" keeps its hyphen); how often
    /// the document writes the word joined and hyphenated; the corpus lexicon (SCOWL's English
    /// words, words and compounds of LibreOffice's help pages); the shape of the parts (a
    /// capital after the hyphen, an acronym before it, two whole English words, a prefix that
    /// English hyphenates).
    fn should_join(&self, before: &str, after: &str, turkish: bool) -> bool {
        let left_token = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let left_token = left_token.trim_start_matches(|c: char| !c.is_alphanumeric());
        // "Pakistan-Afghani-" / "stan": only the last part of a compound was broken.
        let left = left_token.rsplit('-').next().unwrap_or(left_token);
        let right_token = after.split_whitespace().next().unwrap_or("");
        let right: String = right_token.chars().take_while(|c| c.is_alphanumeric()).collect();
        let (Some(l_last), Some(r_first)) = (left.chars().last(), right.chars().next()) else {
            return true;
        };
        // "40’ın-" / "dan": a Turkish suffix after an apostrophe is never hyphenated.
        if left.contains(['’', '\'']) {
            return true;
        }
        // "2019-" / "2020", "COVID-" / "19", "19th-" / "century": the hyphen is real.
        if r_first.is_ascii_digit() || left.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let joined = word_key(&format!("{left_token}{right}"));
        let hyphenated = word_key(&format!("{left_token}-{right}"));
        let (j, h) = (self.count(&joined), self.count(&hyphenated));
        if h != j {
            return j > h;
        }
        if lexicon::compound(&hyphenated) {
            return false;
        }
        let (left_key, right_key) = (word_key(left), word_key(&right));
        // "e-" / "posta", "x-" / "ray": no hyphenator leaves one letter on a line; "boda-" /
        // "boda": a doubled word.
        if left.chars().count() == 1 || left_key == right_key {
            return false;
        }
        // Prefixes English hyphenates before the same vowel ("re-establish", "co-operate"),
        // even where the joined spelling is a word too.
        let vowel_clash = l_last.eq_ignore_ascii_case(&r_first) && "aeiou".contains(r_first);
        if !turkish && vowel_clash && left_token == left && is_prefix(&left_key) {
            return false;
        }
        if lexicon::english_word(&joined) {
            return true;
        }
        // "friend-" / "of-the-court": the next line goes on with the compound's other parts.
        if right_token[right.len()..].starts_with('-') {
            return false;
        }
        // "Lashker-e-" / "Jhangvi", "Türkiye-" / "Pakistan": a capital starts a new word.
        if r_first.is_uppercase() {
            return false;
        }
        // "U-" / "botları", "NATO-" / "led": an acronym or a letter before the hyphen.
        if left.chars().all(char::is_uppercase) {
            return false;
        }
        if turkish {
            // Turkish hyphenates compounds with names ("Türkiye-Pakistan", handled above) and
            // little else: a lowercase break is a syllable break.
            return true;
        }
        // "three-" / "dimensional", "low-" / "tech": two whole words that are not one. After a
        // capital the parts of a name are words too ("Fin-land", "Devon-port"), so a name keeps
        // its hyphen only before the heads of compound adjectives ("Russian-backed",
        // "Film-editing", "Taliban-like").
        let before_left = before[..before.len() - left_token.len()].trim_end();
        let sentence_start = before_left.is_empty() || ends_sentence(before_left);
        let capitalised = !sentence_start && left.chars().next().is_some_and(char::is_uppercase);
        let compound_head = !capitalised
            || right_key.ends_with("ed")
            || right_key.ends_with("ing")
            || matches!(right_key.as_str(), "like" | "style" | "era" | "born" | "made" | "wide" | "free" | "run");
        if left.chars().count() >= 3
            && right.chars().count() >= 3
            && compound_head
            && lexicon::english_word(&left_key)
            && lexicon::english_word(&right_key)
        {
            return false;
        }
        // Prefixes English writes with a hyphen before a word ("self-", "non-", "anti-").
        let prefix = left_token == left && is_prefix(&left_key) && lexicon::english_word(&right_key);
        !prefix
    }
}

/// English prefixes written with a hyphen before a whole word or the same vowel.
fn is_prefix(key: &str) -> bool {
    matches!(
        key,
        "self"
            | "well"
            | "non"
            | "ill"
            | "half"
            | "all"
            | "ex"
            | "anti"
            | "semi"
            | "multi"
            | "cross"
            | "counter"
            | "post"
            | "pre"
            | "co"
            | "re"
            | "de"
    )
}

/// Whether lines read as Turkish: letters only Turkish has (ğ ı ş İ) make up at least one in a
/// hundred letters. An English paragraph citing "Çolakoğlu" stays well below.
fn looks_turkish<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut letters, mut turkish) = (0usize, 0usize);
    for c in texts.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        letters += 1;
        turkish += usize::from(matches!(c, 'ğ' | 'Ğ' | 'ı' | 'ş' | 'Ş' | 'İ'));
    }
    turkish * 100 >= letters.max(1)
}

/// Word lists derived by `scripts/derive_lexicon.py` from SCOWL and LibreOffice's help pages
/// (never from the evaluation corpora): the corpus evidence
/// for hyphen repair, next to the document's own counts.
mod lexicon {
    use std::collections::HashSet;
    use std::sync::LazyLock;

    static ENGLISH_WORDS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| include_str!("lexicon/en_words.txt").lines().collect());
    static COMPOUNDS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| include_str!("lexicon/compounds.txt").lines().collect());

    /// Whether `key` (see `word_key`) is an English word written without a hyphen.
    pub fn english_word(key: &str) -> bool {
        ENGLISH_WORDS.contains(key)
    }

    /// Whether `key` is a compound written with a hyphen ("well-known", "sosyo-ekonomik").
    pub fn compound(key: &str) -> bool {
        COMPOUNDS.contains(key)
    }
}

/// The word of a token, lowercased, without surrounding punctuation or a Turkish suffix after
/// an apostrophe.
fn word_core(token: &str) -> String {
    let trimmed = token.trim_matches(|c: char| !c.is_alphanumeric());
    let stem = trimmed.split(['’', '\'']).next().unwrap_or(trimmed);
    word_key(stem)
}

/// The key words are counted and looked up by: lowercased with dotted and dotless i folded
/// together (a Turkish `I` lowercases to `ı`, an English one to `i`).
fn word_key(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut key = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'I' | 'İ' | 'ı' => key.push('i'),
            '\u{307}' => {}
            c => key.extend(c.to_lowercase()),
        }
    }
    key
}

/// A line ending in a word broken with "¬" (U+00AC), the hyphen as some PDF extractions write
/// it: never a character of running text, so always a broken word.
fn ends_with_not_sign_break(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('¬') && rev.next().is_some_and(char::is_alphabetic)
}

fn ends_with_break_hyphen(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(|c| c.is_alphanumeric())
}

/// Whether `text` ends with one of `chars`, looking through closing quotes and brackets:
/// `THANK YOU FOR STANDING UP TO THE MOB."` ends with a period.
fn ends_with_any(text: &str, chars: &[char]) -> bool {
    text.trim_end().trim_end_matches(CLOSING).ends_with(chars)
}

const CLOSING: [char; 7] = ['"', '”', '’', '\'', ')', ']', '»'];

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(CLOSING);
    t.ends_with(['.', '!', '?', ':', '…']) && !crate::sentences::ends_with_title(t) && !ends_with_initial(t)
}

/// Whether `text` ends with a name's initial after a capitalised word ("… Dionisio A.", "John
/// F."): the name goes on with the next line.
fn ends_with_initial(text: &str) -> bool {
    let mut words = text.rsplit(char::is_whitespace);
    let (last, before) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let mut letters = last.chars();
    matches!((letters.next(), letters.next(), letters.next()), (Some(c), Some('.'), None) if c.is_uppercase())
        && before.chars().next().is_some_and(char::is_uppercase)
        && before.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

fn starts_sentence(text: &str) -> bool {
    text.trim_start_matches(['"', '“', '‘', '(', '[', '«', '\'', '*'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

fn is_all_caps(text: &str) -> bool {
    let mut upper = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        upper += 1;
    }
    upper >= 3
}

/// Whether a question or an exclamation ends inside the text and another sentence follows
/// ("Remember? Dianne Feinstein, did you leak?"): quoted speech, not a title.
fn asks_then_goes_on(text: &str) -> bool {
    text.match_indices(['?', '!']).any(|(i, _)| {
        let rest = text[i + 1..].trim_start_matches(CLOSING);
        rest.starts_with(' ') && starts_sentence(rest.trim_start())
    })
}

fn is_title_case(text: &str) -> bool {
    if text.split_whitespace().count() > 12 {
        return false;
    }
    let (long, capitalised) = long_words(std::iter::once(text));
    long >= 2 && capitalised * 10 >= long * 7
}

/// A title in title case over one or more lines, however long: at least three words of four
/// letters or more, all of them capitalised (a sentence running across lines has lower-case
/// words, even one full of names: "Pelosi, Kavanaugh'un Ekonomik Sağlık Bakım Yasası veya").
pub(crate) fn is_headline<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (long, capitalised) = long_words(lines);
    long >= 3 && capitalised == long
}

/// How many words of four letters or more a line starts with capitalised, before the first one
/// in lower case.
fn leading_capitalised_words(line: &str) -> usize {
    line.split_whitespace().filter_map(long_word_capitalised).take_while(|&capitalised| capitalised).count()
}

/// For a word of four letters or more, whether it is capitalised (None for shorter words).
fn long_word_capitalised(word: &str) -> Option<bool> {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first = letters.next()?;
    (letters.count() >= 3).then_some(first.is_uppercase())
}

/// How many words of four letters or more the lines hold, and how many of those are capitalised.
fn long_words<'a>(lines: impl Iterator<Item = &'a str>) -> (usize, usize) {
    let (mut long, mut capitalised) = (0, 0);
    for is_capitalised in lines.flat_map(str::split_whitespace).filter_map(long_word_capitalised) {
        long += 1;
        capitalised += usize::from(is_capitalised);
    }
    (long, capitalised)
}

/// Section names of Turkish papers, compared by [`match_key`].
const TURKISH_HEADINGS: &[&str] = &[
    "oz",
    "ozet",
    "genisletilmis ozet",
    "anahtar kelimeler",
    "anahtar sozcukler",
    "giris",
    "sonuc",
    "sonuclar",
    "sonuc ve oneriler",
    "tartisma",
    "yontem",
    "bulgular",
    "kaynakca",
    "kaynaklar",
    "tesekkur",
    "ekler",
];

/// Section names of English papers, compared by [`match_key`].
const ENGLISH_HEADINGS: &[&str] = &[
    "extended abstract",
    "extended summary",
    "abstract",
    "summary",
    "keywords",
    "key words",
    "introduction",
    "background",
    "literature review",
    "method",
    "methods",
    "methodology",
    "results",
    "discussion",
    "conclusion",
    "conclusions",
    "references",
    "bibliography",
    "acknowledgements",
    "acknowledgments",
    "appendix",
    "notes",
    "endnotes",
];

/// The language of a known section name ("Genişletilmiş Özet" → Turkish, "CONCLUSION" →
/// English), numbered or not; `None` for anything else.
pub fn heading_language(text: &str) -> Option<Lang> {
    let stripped = strip_number(text).trim().trim_end_matches([':', '.']).trim();
    let key = match_key(stripped);
    if TURKISH_HEADINGS.contains(&key.as_str()) {
        Some(Lang::Tr)
    } else if ENGLISH_HEADINGS.contains(&key.as_str()) {
        Some(Lang::En)
    } else {
        None
    }
}

fn is_known_heading(text: &str) -> bool {
    heading_language(text).is_some()
}

/// A table's or figure's caption: "Tablo 1. Ortak savunma projeleri", "Şekil 2: …", "Figure
/// 3.1 Trade volume". Not a sentence that names one ("Table 1 shows …").
fn is_caption(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(label), Some(number)) = (words.next(), words.next()) else { return false };
    // Lowercased both ways: "ŞEKİL" as Turkish, "FIGURE" as English.
    let labelled = [crate::casing::Lang::Tr, crate::casing::Lang::En].into_iter().any(|lang| {
        matches!(
            crate::casing::to_lower(label.trim_end_matches('.'), lang).as_str(),
            "tablo"
                | "table"
                | "şekil"
                | "figure"
                | "fig"
                | "grafik"
                | "graph"
                | "harita"
                | "map"
                | "çizelge"
                | "chart"
        )
    });
    let digits = number.trim_end_matches(['.', ':']);
    let numbered = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    // "Tablo 1." / "Table 1:", or the number then a capitalised title.
    let set_off = number.ends_with(['.', ':']) || words.next().is_none_or(|w| !starts_lowercase(w));
    labelled && numbered && set_off
}

/// "1.3. Trilateral Relations …", "2 Method": a section number, then a capitalised title.
fn is_numbered_heading(text: &str) -> bool {
    let rest = strip_number(text);
    rest.len() < text.len()
        && rest.chars().next().is_some_and(char::is_uppercase)
        && text.split_whitespace().count() <= 14
        // "24 August to 5 September 2021. Some": a sentence, not a heading.
        && !rest.trim_end_matches('.').contains(". ")
}

fn strip_number(text: &str) -> &str {
    let t = text.trim_start();
    let digits_and_dots = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let number = &t[..digits_and_dots];
    let is_section_number = !number.is_empty() && number.split('.').filter(|p| !p.is_empty()).all(|p| p.len() <= 2);
    if is_section_number && t[digits_and_dots..].starts_with(char::is_whitespace) {
        t[digits_and_dots..].trim_start()
    } else {
        t
    }
}

/// Only the first line of a wrapped block is checked for heading shape: short and either a
/// known section name, all capitals, or numbered.
fn looks_like_heading_line(text: &str, layout: &Layout) -> bool {
    let short = text.chars().count() * 10 < layout.width * 6;
    short
        && !ends_with_any(text, &['.', ',', ';', ':'])
        && (is_known_heading(text) || is_all_caps(text) || is_numbered_heading(text))
}

/// "1.", "2)", "a)", "•", "–" followed by white space: the length of the marker.
fn list_marker_len(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '•' | '▪' | '◦' | '–' | '-' | '*') {
        let rest = &text[first.len_utf8()..];
        return rest.starts_with(char::is_whitespace).then_some(first.len_utf8());
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &text[digits..];
        if (rest.starts_with(". ") || rest.starts_with(".\t") || rest.starts_with(") ") || rest.starts_with(")\t"))
            // "2003. Indigenous …" is a year, "1. STRENGTHENING …" a heading: decided elsewhere.
            && rest[2..].trim_start().chars().next().is_some_and(|c| c.is_uppercase())
        {
            return Some(digits + 1);
        }
    }
    None
}

/// Footnote and reference-list lines: "¹ Munir Hussain, …", "[1] “Cumhurbaşkanı …", "* The author …".
fn footnote_marker_len(text: &str) -> Option<usize> {
    let superscripts =
        text.chars().take_while(|c| matches!(c, '¹' | '²' | '³' | '⁴'..='⁹' | '⁰')).map(char::len_utf8).sum::<usize>();
    if superscripts > 0 {
        return Some(superscripts);
    }
    if let Some(rest) = text.strip_prefix('[') {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if (1..=3).contains(&digits) && rest[digits..].starts_with("] ") {
            return Some(digits + 2);
        }
    }
    let stars = text.chars().take_while(|&c| c == '*').count();
    if (1..=3).contains(&stars) && text[stars..].starts_with(' ') {
        return Some(stars);
    }
    None
}

/// One to four digits: a page number.
fn is_page_digits(text: &str) -> bool {
    (1..=4).contains(&text.len()) && text.chars().all(|c| c.is_ascii_digit())
}

/// A line that is only a page number: "12", "- 12 -", "[12]", "(12)", "12 / 30" (page and
/// page count), "Sayfa 12", "Page 3 of 10".
fn is_page_number(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|'));
    let bracketed = |open: char, close: char| t.strip_prefix(open).and_then(|r| r.strip_suffix(close));
    // In brackets, three digits at most: "(2016)" alone on a line is a year, cut from its
    // reference.
    let short_number = |d: &str| d.len() <= 3 && is_page_digits(d);
    if is_page_digits(t) || [('[', ']'), ('(', ')')].iter().any(|&(o, c)| bracketed(o, c).is_some_and(short_number)) {
        return true;
    }
    // A page of a count: the page no further than the count.
    if let Some((page, count)) = t.split_once('/').or_else(|| t.split_once(" of "))
        && let (page, count) = (page.trim(), count.trim())
        && is_page_digits(page)
        && is_page_digits(count)
    {
        return page.parse::<u32>().ok() <= count.parse::<u32>().ok();
    }
    let lower = t.to_lowercase();
    let mut words = lower.split_whitespace();
    matches!(words.next(), Some("page" | "sayfa" | "s." | "p."))
        && words.all(|w| w.chars().all(|c| c.is_ascii_digit()) || matches!(w, "of" | "/"))
}

/// A page number followed or preceded by a title in capitals: "180 SDE AKADEMİ DERGİSİ".
fn is_journal_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 || words.len() > 10 {
        return false;
    }
    let number_at_edge = is_page_digits(words[0]) || is_page_digits(words[words.len() - 1]);
    number_at_edge && is_all_caps(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<(Kind, String)> {
        rebuild(input).into_iter().map(|p| (p.kind, p.text)).collect()
    }

    #[test]
    fn a_word_broken_with_a_not_sign_is_joined_like_a_hyphenated_one() {
        let input = "Pakistan ve Türkiye arasındaki ilişkiler normal siyasetten kaynaklanmamaktadır ve halk¬\nları arasında güçlü ilişkiler vardır.\n\nThe people of the two coun¬\n\n12\n\n tries have had a sincere relationship.\n";
        let got = texts(input);
        assert_eq!(
            got[0].1,
            "Pakistan ve Türkiye arasındaki ilişkiler normal siyasetten kaynaklanmamaktadır ve halkları arasında güçlü ilişkiler vardır."
        );
        assert_eq!(got[1].1, "The people of the two countries have had a sincere relationship.", "{got:?}");
    }

    #[test]
    fn a_running_header_beside_the_page_number_after_a_paragraph_end_is_boilerplate() {
        let first = "The council met on Monday to discuss the new budget for the parks of the city.";
        let body = "A farmer was killed by a pig at a market in the south of the country.";
        let header = "Journal of Applied Studies 3 (2016)";
        let kind_of =
            |got: &[(Kind, String)], text: &str| got.iter().find(|(_, t)| t.starts_with(text)).map(|(k, _)| *k);
        // The header before the page number.
        let got = texts(&format!("{first}\n\n{header}\n\n40\n\n{body}\n"));
        assert_eq!(kind_of(&got, "Journal"), Some(Kind::Boilerplate), "{got:?}");
        // The page number on the header's line; a headline at the top of the next page stays one.
        let got = texts(&format!("{first}\n\n{header} | 40\n\nKiller Pig Mauls Farmer\n\n{body}\n"));
        assert_eq!(kind_of(&got, "Journal"), Some(Kind::Boilerplate), "{got:?}");
        assert_eq!(kind_of(&got, "Killer"), Some(Kind::Heading), "{got:?}");
        // A one-line paragraph of its own before the page number is text ("No." is an
        // abbreviation, but the line has its closing mark).
        let got = texts(&format!("{first}\n\nOh, no.\n\n40\n\n{body}\n"));
        assert_eq!(kind_of(&got, "Oh, no."), Some(Kind::Body), "{got:?}");
        // A headline ending a page whose header follows the number stays a headline.
        let got = texts(&format!("{first}\n\nKiller Pig Mauls Farmer\n\n40\n\n{header}\n\n{body}\n"));
        assert_eq!(kind_of(&got, "Killer"), Some(Kind::Heading), "{got:?}");
    }

    #[test]
    fn wrapped_lines_and_turkish_hyphen_breaks() {
        let input = "Pakistan ve Türkiye arasın-\ndaki ilişkiler normal siyasetten kaynaklanmamaktadır.\n";
        assert_eq!(
            texts(input),
            vec![(
                Kind::Body,
                "Pakistan ve Türkiye arasındaki ilişkiler normal siyasetten kaynaklanmamaktadır.".into()
            )]
        );
    }

    #[test]
    fn real_hyphens_survive_a_line_break() {
        let input = "Militant organizations like Tehreek-e-Taliban, Lashker-e-\nJhangvi, and others in 2019-\n2020 were active in counter-terrorism and counter-\nterrorism work.\n";
        assert_eq!(
            texts(input)[0].1,
            "Militant organizations like Tehreek-e-Taliban, Lashker-e-Jhangvi, and others in 2019-2020 were active in counter-terrorism and counter-terrorism work."
        );
    }

    #[test]
    fn a_quoted_line_in_capitals_that_ends_a_sentence_is_no_heading() {
        let input = "West got backing from Candace Turner who tweeted: \"To one of the most\ncourageous spirits: THANK YOU FOR\nSTANDING UP TO THE MOB.\"\n\nBut talk show host Karen Hunter tweeted otherwise.\n";
        let got = texts(input);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, Kind::Body);
        assert!(got[0].1.ends_with("THANK YOU FOR STANDING UP TO THE MOB.\""), "{got:?}");
    }

    #[test]
    fn a_headline_before_a_page_break_ends_there_unless_the_title_goes_on() {
        let page = "\n\n57\n\nJournal of Applied Studies 11 (2018)\n\n ";
        let before = "Ancak bu istek, halihazırda İşçi Partisi'nin tamamı tarafından des-\nteklenmiyor. Yeşiller Partisi, 2017 genel seçimleri kampanyasında\nhaftada dört gün çalışma vaadinde bulunmuştu ve bu vaat, seçmenlerin\nbüyük bölümünden destek gördü.\n\n";
        let ended = format!(
            "{before}Massachusetts Senatörü Elizabeth Warren, 2020 Başkanlık Yarışında\nAday Olma Konusunu \"Etraflıca\" Düşüneceğini Belirtti\n{page}McDonnell, gücü kamu hizmetleri firmalarındaki yöneticilerden geri\nalmaya kararlı olduğunu belirtti.\n"
        );
        let got = texts(&ended);
        let text: Vec<&str> =
            got.iter().filter(|(k, _)| matches!(k, Kind::Body | Kind::Heading)).map(|(_, t)| t.as_str()).collect();
        assert_eq!(text.len(), 4, "{got:?}");
        assert!(text[1].ends_with("Düşüneceğini Belirtti") && text[3].starts_with("McDonnell"), "{got:?}");
        let cut = format!(
            "{before}Massachusetts Senatörü Elizabeth Warren, 2020 Başkanlık Yarışında{page}Aday Olma Konusunu \"Etraflıca\" Düşüneceğini Belirtti Massachusetts\nSenatörü Elizabeth Warren cumartesi günü aday olmayı düşüneceğini\nsöyledi.\n"
        );
        // The body paragraphs: the one before, and the headline with what goes on after it.
        let second_body = |text: &str| -> String {
            let got = texts(text);
            let body: Vec<&String> = got.iter().filter(|(k, _)| *k == Kind::Body).map(|(_, t)| t).collect();
            assert_eq!(body.len(), 2, "{got:?}");
            body[1].clone()
        };
        assert!(second_body(&cut).contains("Yarışında Aday Olma"));
        // A headline run into its story's first sentence, its line ended by the margin: the
        // next page goes on with the title's last words, then the story.
        let run_in = format!(
            "{before}Republicans Alienating Women Voters Ahead of Midterms With Kavanaugh{page}Debacle, Analysts Warn As many top Republicans stand by the nominee,\nanalysts have warned of a backlash.\n"
        );
        assert!(second_body(&run_in).contains("With Kavanaugh Debacle, Analysts Warn"));
    }

    #[test]
    fn a_page_break_after_a_title_abbreviation_goes_on() {
        let input = "Kavanaugh şu anda D.C. Temyiz Mahkemesi'nde bir yargıç olarak görev\nyapıyor ve Pelosi, Kavanaugh'un Ekonomik Sağlık Bakım Yasası veya Roe v.\n\n108\n\nJournal of Applied Studies 19 (2019)\n\n Wade'e karşı vereceği potansiyel hükümler konusunda endişe ettiğini\nekledi.\n";
        let got = texts(input);
        assert!(
            got[0].1.ends_with("Roe v. Wade'e karşı vereceği potansiyel hükümler konusunda endişe ettiğini ekledi."),
            "{got:?}"
        );
    }

    #[test]
    fn a_page_break_after_a_names_initial_goes_on() {
        // "Dionisio A." ends no sentence: the surname starts the next page.
        let input = "Michigan Üniversitesi'nde çalışan uzman Tiffany Ng, bu takımın dünyada siyahi\nbir müzisyen tarafından çalınan ilk çan olduğunu da belirtti. Bu müzisyen 18\nyıl önce Riverside Kilisesi'ndeki daha büyük çan takımına geçen Dionisio A.\n\n101\n\nJournal of Applied Studies 18 (2023)\n\n Lind'di. Merriweather, St. Martin'in kendisinin yerine kimseyi getirmediğini\nsöyledi.\n";
        let got = texts(input);
        assert!(
            got[0].1.ends_with(
                "Dionisio A. Lind'di. Merriweather, St. Martin'in kendisinin yerine kimseyi getirmediğini söyledi."
            ),
            "{got:?}"
        );
        // A single letter after a word in lower case may end a sentence ("… plan B.").
        assert!(ends_sentence("Elinde bir plan B.") && !ends_sentence("John F."));
    }

    #[test]
    fn a_line_the_next_pages_first_word_would_have_fitted_on_ends_its_paragraph() {
        // A headline left in the summary, then a page break: "Cuma" would have fitted on its
        // line, so the wrapper did not end it there.
        let input = "Endonezya'daki deprem ve tsunamide yüzlerce kişi öldü, bilanço gide-\nrek yükseliyor Yetkililerin açıklamasına göre cumartesi günü Endo-\nnezya'nın Sulawesi adasını vuran büyük deprem ve tsunami sonucunda\nen az 384 kişi hayatını kaybetti ve çok sayıda insan sahillere vuran\ndev dalgalara kapıldı.\n\nKadınlar emeklilik birikimi korkusuyla uykusuz kalıyorlar\n\n41\n\nJournal of Applied Studies 10 (2023)\n\n \nCuma günü Palu şehrinde hava kararırken yüksekliği altı metreye (18\nfit) ulaşan dalgalar kıyıya çarptığında yüzlerce kişi plajdaki fes-\ntival için toplanmıştı ve dalgalar çok sayıda insanı ölüme sürükler-\nken önüne çıkan her şeyi yok etti.\n";
        let got = texts(input);
        let body: Vec<&str> = got.iter().filter(|(k, _)| *k == Kind::Body).map(|(_, t)| t.as_str()).collect();
        assert_eq!(body.len(), 3, "{got:?}");
        assert_eq!(body[1], "Kadınlar emeklilik birikimi korkusuyla uykusuz kalıyorlar");
        assert!(body[2].starts_with("Cuma günü Palu") && body[2].ends_with("yok etti."), "{got:?}");
    }

    #[test]
    fn a_question_at_the_top_of_a_page_is_no_section_heading() {
        let input = "Ara seçimlere sadece beş hafta kaldı ve Cumhuriyetçiler kendilerinden bekle-\nndiği gibi koltuk kaybederse bu onay süreci çok daha zorlaşacak ve uzayacak.\n\n191\n\nJournal of Applied Studies 17 (2020)\n\n \nFBI raporunu hazırladıktan sonra ne olacak?\n\nŞu anda 51 Cumhuriyetçi ve 49 Demokratın koltuklarını doldurduğu Senato'da\nbir oylama gerçekleşecek.\n";
        let got = texts(input);
        let question = got.iter().find(|(_, t)| t.starts_with("FBI")).expect("the question is a paragraph");
        assert_eq!(question.0, Kind::Body, "{got:?}");
    }

    #[test]
    fn a_quoted_question_followed_by_another_sentence_is_no_title() {
        // Capitalised names make it look like a title, but a question that ends and a sentence
        // that follows are speech; a headline that is one question stays a heading.
        let input = "Speaking at a rally in West Virginia, the president did not directly address\nthe testimony given before the Senate Judiciary Committee.\n\nRemember? Dianne Feinstein, did you leak?\n\nWhat is the Global Citizen Festival and Has it Done Any Good?\n\nRemember her answer... did you leak the document - \"oh, oh, what? Oh, no.\n";
        let got = texts(input);
        let kind = |start: &str| got.iter().find(|(_, t)| t.starts_with(start)).map(|(k, _)| *k);
        assert_eq!(kind("Remember? Dianne"), Some(Kind::Body), "{got:?}");
        assert_eq!(kind("What is the Global"), Some(Kind::Heading), "{got:?}");
    }

    #[test]
    fn a_title_wrapped_over_two_lines_is_a_heading() {
        let input = "Golü o anda attığı için şanslıyız dedi ve maçın ilk yarısında takımını\ntek başına taşıyan oyuncuyu uzun uzun övdü.\n\nYüzlerce Göçmen Çocuk Sessizce Teksas Sınırındaki Bir Çadır Kampına\nTaşındı\n\nAncak Gök Mavilere Premier League mücadelesinde ilk avantajı kazandıran\nSterling oldu.\n";
        let kinds: Vec<Kind> = texts(input).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, [Kind::Body, Kind::Heading, Kind::Body]);
    }

    #[test]
    fn without_blank_lines_a_paragraph_ends_where_the_next_word_would_have_fitted() {
        // Wrapped at 70 characters; "Beyzbol …" (55) and "Moyes, …" (49) end their paragraphs
        // with room for the next line's first word.
        let input = "Ross, BBC İskoçya'nın Sportsound'una, \"Ülkemde futbol oynamak istedim.\nBeyzbol şapkası aldım, o kadar,\" diye konuştu ve güldü.\nSunderland'in önceki teknik direktörleri arasında Dick Advocaat, David\nMoyes, Sam Allardyce, Roy Keane ve Gus Poyet var.\nGeçmişte Barnsley ve Ipswich Town'dan gelen teklifleri reddeden Alloa\nAthletic'in eski teknik direktörü, böyle büyük bir kulüpte çalışmaktan\nhiç çekinmediğini söyledi ve güldü.\nRoss ayrıca Alloa'yı küme düşmekten kurtarıp ligde üçüncü sıraya\ntaşıdı ve St. Mirren'ı şampiyonluğa götürdü.\n";
        let got = texts(input);
        let starts: Vec<&str> = got.iter().map(|(_, t)| t.split_whitespace().next().unwrap()).collect();
        assert_eq!(starts, ["Ross,", "Sunderland'in", "Geçmişte", "Ross"], "{got:?}");
        // With blank lines between paragraphs, lines inside one are never split that way.
        let separated = input.replace(".\nSunderland", ".\n\nSunderland").replace(".\nRoss", ".\n\nRoss");
        assert_eq!(texts(&separated).len(), 3, "{:?}", texts(&separated));
    }

    #[test]
    fn a_short_file_takes_from_its_partner_that_paragraphs_have_no_blank_lines() {
        // The Turkish summary: two paragraphs, five lines, no blank line; "Palu" would have
        // fitted after "açıkladı.", but five lines cannot show that the text is set this way.
        let summary = "Genişletilmiş Özet\n\nEndonezya'daki acil müdahale kurumu, pazar günü erken saatlerde\nülkedeki deprem ile tsunamide ölenlerin sayısını açıkladı.\nPalu şehri, yıkılan binaların molozlarıyla dolup taştı ve kurtarma\nekipleri enkaz altında kalanlara ulaşmak için gece boyunca çalıştı.\n";
        let alone = rebuild(summary);
        assert_eq!(alone.len(), 2, "{alone:?}");
        // The English text of the same paper, set the same way, shows it on every paragraph.
        let english = "Abstract\n\nThe death toll in Indonesia's earthquake and tsunami has climbed to 832,\nthe country's disaster agency said early Sunday.\nMany people were reported trapped in the rubble of buildings brought\ndown in the 7.5 magnitude earthquake which struck on Friday.\nThe city of Palu, which has more than 380,000 people, was strewn with\ndebris from collapsed buildings.\nRescue teams worked through the night to reach those still trapped,\nand officials said the number of dead was expected to rise.\nThe president visited the city on Sunday and promised that the\ngovernment would rebuild every school and hospital.\n";
        let (tr, en) = rebuild_pair(summary, english);
        let starts = |ps: &[Paragraph]| -> Vec<String> {
            ps.iter().map(|p| p.text.split_whitespace().next().unwrap().to_string()).collect()
        };
        assert_eq!(starts(&tr), ["Genişletilmiş", "Endonezya'daki", "Palu"], "{tr:?}");
        assert_eq!(starts(&en), ["Abstract", "The", "Many", "The", "Rescue", "The"]);
        // A long file keeps its own setting: the English, alone or beside the summary.
        assert_eq!(rebuild(english).len(), en.len());
        // A short story beside it, too few lines to settle its own setting (its two sentences
        // stopping well short of the margin in one block of lines show it all the same): the
        // lines of both files show it.
        let story = "Abstract\n\nThe death toll in Indonesia's earthquake and tsunami has climbed to 832,\nthe country's disaster agency said early on Sunday morning.\nThe city of Palu, which has more than 380,000 people, was strewn with\ndebris from collapsed buildings and its airport was closed.\nRescue teams worked through the night to reach those still trapped,\nand officials said the number of dead was expected to rise.\n";
        assert_eq!(rebuild(story).len(), 4);
        let (tr, en) = rebuild_pair(summary, story);
        assert_eq!(starts(&tr), ["Genişletilmiş", "Endonezya'daki", "Palu"], "{tr:?}");
        assert_eq!(starts(&en), ["Abstract", "The", "The", "Rescue"]);
    }

    #[test]
    fn a_long_file_showing_one_paragraph_end_without_a_blank_line_takes_its_partners_setting() {
        // A summary of three paragraphs over some forty lines, no blank line between them: the
        // first ends three quarters of the way along its line (the next word would have fitted),
        // the second at the margin. One such end in forty lines is what a text set off by blank
        // lines shows now and then too.
        let made_up = |lines: std::ops::RangeInclusive<usize>, from: u64| {
            (from..)
                .map(|seed| made_up_paragraph(9, seed))
                .find(|p| lines.contains(&p.last().unwrap().chars().count()))
                .unwrap()
        };
        let (first, second, third) = (made_up(52..=58, 0), made_up(69..=72, 100), made_up_paragraph(9, 200));
        let summary =
            format!("Genişletilmiş Özet\n\n{}\n{}\n{}\n", first.join("\n"), second.join("\n"), third.join("\n"));
        let body = |ps: &[Paragraph]| -> Vec<(usize, Vec<(usize, usize)>)> {
            ps.iter()
                .filter(|p| p.kind == Kind::Body)
                .map(|p| (p.text.split_whitespace().count(), p.soft_breaks.clone()))
                .collect()
        };
        let words = |lines: &[String]| lines.iter().map(|l| l.split_whitespace().count()).sum::<usize>();
        let all = words(&first) + words(&second) + words(&third);
        assert_eq!(body(&rebuild(&summary)), [(all, vec![])]);
        // The English file of the paper shows the setting on every paragraph.
        let english: Vec<String> = (300..306).map(|seed| made_up(20..=45, seed * 100).join("\n")).collect();
        let english = format!("Abstract\n\n{}\n", english.join("\n"));
        let (tr, _) = rebuild_pair(&summary, &english);
        let got = body(&tr);
        assert_eq!(
            got.iter().map(|p| p.0).collect::<Vec<_>>(),
            [words(&first), words(&second) + words(&third)],
            "{tr:?}"
        );
        // The second paragraph's end at the margin is a soft break (with the sentence ends at
        // the margin inside each paragraph).
        assert!(got[1].1.contains(&(words(&second), 3 + first.len() + second.len())), "{tr:?}");
        // The same summary set off by blank lines keeps its own setting beside that English.
        let separated =
            format!("Genişletilmiş Özet\n\n{}\n\n{}\n\n{}\n", first.join("\n"), second.join("\n"), third.join("\n"));
        let (tr, _) = rebuild_pair(&separated, &english);
        assert_eq!(body(&tr), body(&rebuild(&separated)));
        assert!(body(&tr).iter().all(|p| p.1.is_empty()), "{tr:?}");
    }

    #[test]
    fn long_paragraphs_without_blank_lines_show_it_against_the_blocks_not_the_lines() {
        // Four paragraphs of some twenty lines, set without blank lines, each ending three
        // quarters of the way along its last line: three ends in eighty lines are too few for
        // the share of lines, but three against the one block of lines they stand in.
        let paragraphs: Vec<Vec<String>> = (0..4)
            .map(|k| {
                (k * 100..)
                    .map(|seed| made_up_paragraph(14, seed))
                    .find(|p| (53..=60).contains(&p.last().unwrap().chars().count()))
                    .unwrap()
            })
            .collect();
        let text = paragraphs.iter().map(|p| p.join("\n")).collect::<Vec<_>>().join("\n") + "\n";
        let got = rebuild(&text);
        let words = |p: &[String]| p.iter().map(|l| l.split_whitespace().count()).sum::<usize>();
        let lengths: Vec<usize> = got.iter().map(|p| p.text.split_whitespace().count()).collect();
        assert_eq!(lengths, paragraphs.iter().map(|p| words(p)).collect::<Vec<_>>(), "{got:?}");
    }

    #[test]
    fn a_short_headline_before_a_full_line_of_text_is_a_paragraph_of_its_own() {
        // A summary alone in its file, set without blank lines: too few lines to tell how its
        // paragraphs are set, but "Endonezya'daki" would have fitted after the headline.
        let text = "Genişletilmiş Özet\n\nEndonezya'daki tsunamide ölü sayısı 832'ye çıktı\nEndonezya'daki acil müdahale kurumu, pazar günü erken saatlerde, ülkedeki\ndeprem ile tsunamideki ölü sayısının 832'ye çıktığını söyledi.\n380.000'den fazla nüfusuyla Palu şehri, yıkılan binaların molozlarıyla\ndolup taştı.\n";
        let got = texts(text);
        assert_eq!(got[1].1, "Endonezya'daki tsunamide ölü sayısı 832'ye çıktı");
        assert!(got[2].1.starts_with("Endonezya'daki acil müdahale kurumu"), "{got:?}");
        // A caption over three lines stays one.
        let caption = "Graph No. 1\nTürkiye-Pakistan Bilateral Trade\n(2013-2023, Thousand US $)\n\nSource: Authors' own graph using Turkish Statistical Institute data.\n";
        assert_eq!(texts(caption)[0].1, "Graph No. 1 Türkiye-Pakistan Bilateral Trade (2013-2023, Thousand US $)");
    }

    #[test]
    fn without_blank_lines_a_full_last_line_leaves_a_soft_break() {
        // "… gibi ünlü isimler de var." fills its line: the next paragraph's first word would not
        // have fitted, so nothing shows the paragraph ended — a soft break marks where it may.
        let input = "Ross, BBC İskoçya'nın Sportsound'una, \"Ülkemde futbol oynamak istedim.\nBeyzbol şapkası aldım, o kadar,\" diye konuştu ve güldü.\nSunderland'in önceki teknik direktörleri arasında Dick Advocaat, David\nMoyes, Sam Allardyce, Roy Keane ve Gus Poyet gibi ünlü isimler de var.\nGeçmişte Barnsley ve Ipswich Town'dan gelen teklifleri reddeden Alloa\nAthletic'in eski teknik direktörü, böyle büyük bir kulüpte çalışmaktan\nhiç çekinmediğini söyledi ve güldü.\nRoss ayrıca Alloa'yı küme düşmekten kurtarıp ligde üçüncü sıraya\ntaşıdı ve St. Mirren'ı şampiyonluğa götürdü.\n";
        let got = rebuild(input);
        let starts: Vec<&str> = got.iter().map(|p| p.text.split_whitespace().next().unwrap()).collect();
        assert_eq!(starts, ["Ross,", "Sunderland'in", "Ross"], "{got:?}");
        let words_before = "Sunderland'in önceki teknik direktörleri arasında Dick Advocaat, David Moyes, Sam Allardyce, Roy Keane ve Gus Poyet gibi ünlü isimler de var.".split_whitespace().count();
        assert_eq!(got[1].soft_breaks, vec![(words_before, 5)]);
        // Sentence ends at the margin inside a paragraph set off by blank lines are no breaks.
        let separated = input.replace(".\nSunderland", ".\n\nSunderland").replace(".\nRoss", ".\n\nRoss");
        assert!(rebuild(&separated).iter().all(|p| p.soft_breaks.is_empty()));
    }

    #[test]
    fn a_number_at_a_line_start_goes_on_with_a_sentence_but_a_list_after_a_colon_breaks() {
        let input = "Rosa önümüzdeki günlerde Meksika'nın kuzeyiyle ABD'nin kuzeybatısı boyunca sele yol\naçacak yağmurlar getirecek. Saat 05:00 itibarıyla Rosa,\n1. Kategori kasırga olup rüzgar hızı saatte 85 mil şiddetindeydi.\n";
        assert_eq!(texts(input).len(), 1, "{:?}", texts(input));
        let list = "Çalışmanın üç amacı vardır:\n1. Savunma sanayii iş birliğini incelemek.\n2. Ortak tatbikatları sıralamak.\n";
        assert_eq!(texts(list).len(), 3, "{:?}", texts(list));
    }

    /// Lines of a paragraph of `sentences` made-up Turkish sentences, wrapped at 72 characters;
    /// `seed` picks the words.
    fn made_up_paragraph(sentences: usize, seed: u64) -> Vec<String> {
        const WORDS: [&str; 16] = [
            "iki",
            "ülke",
            "arasındaki",
            "ilişkiler",
            "savunma",
            "sanayii",
            "alanında",
            "hızla",
            "gelişti",
            "ortak",
            "tatbikatlar",
            "bölgesel",
            "güvenlik",
            "ticaret",
            "yatırımlar",
            "kültür",
        ];
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as usize
        };
        let mut words: Vec<String> = Vec::new();
        for _ in 0..sentences {
            let n = 8 + next(9);
            for k in 0..n {
                let w = WORDS[next(16)];
                let mut w = w.to_string();
                if k == 0 {
                    let first = w.chars().next().expect("words are never empty");
                    w = crate::casing::to_upper(&first.to_string(), crate::casing::Lang::Tr) + &w[first.len_utf8()..];
                }
                if k + 1 == n {
                    w.push('.');
                }
                words.push(w);
            }
        }
        let mut lines = vec![String::new()];
        for w in words {
            let line = lines.last_mut().expect("one line at least");
            if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > 72 {
                lines.push(w);
            } else {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&w);
            }
        }
        lines
    }

    #[test]
    fn in_long_paragraphs_a_page_break_after_a_full_sentence_line_leaves_a_soft_break() {
        // Paragraphs of a dozen lines; the first one's last sentence ends at the margin just
        // before the page break, and the next page starts a sentence: joined, with a soft break.
        let first =
            (0..).map(|seed| made_up_paragraph(9, seed)).find(|p| p.last().unwrap().chars().count() >= 68).unwrap();
        let page = "\n\n57\n\nJournal of Applied Studies 11 (2018)\n\n ";
        let rest = |sentences: usize| {
            let mut second = made_up_paragraph(sentences, 1001);
            second[0] = format!("Savunmacılar {}", second[0]);
            format!("{}\n\n{}\n", second.join("\n"), made_up_paragraph(sentences, 1002).join("\n"))
        };
        let input = format!("{}{page}{}", first.join("\n"), rest(9));
        let got = rebuild(&input);
        let body: Vec<&Paragraph> = got.iter().filter(|p| p.kind == Kind::Body).collect();
        assert_eq!(body.len(), 2, "{got:?}");
        let words = first.iter().map(|l| l.split_whitespace().count()).sum::<usize>();
        assert_eq!(body[0].soft_breaks.iter().map(|b| b.0).collect::<Vec<_>>(), [words], "{got:?}");
        // Short paragraphs: the page break ends the paragraph, as before.
        let short =
            (0..).map(|seed| made_up_paragraph(2, seed)).find(|p| p.last().unwrap().chars().count() >= 68).unwrap();
        let input = format!("{}{page}{}", short.join("\n"), rest(2));
        assert_eq!(rebuild(&input).iter().filter(|p| p.kind == Kind::Body).count(), 3);
    }

    #[test]
    fn compound_broken_inside_its_last_part() {
        let input = "the mistrust harming Pakistan-Afghani-\nstan relations and cross-bor-\nder issues.\n";
        assert_eq!(texts(input)[0].1, "the mistrust harming Pakistan-Afghanistan relations and cross-border issues.");
    }

    #[test]
    fn a_page_number_joins_a_paragraph_going_on_with_a_capital() {
        let input = "Kruger Ulusal Parkı, Güney Afrika'nın kuzey-doğusunda yer alır ve park, Güney\n\n179\n\nJournal of Applied Studies 4 (2016)\n\n Afrika Ulusal Parklarının en büyüğüdür.\n";
        let got = texts(input);
        let kinds: Vec<Kind> = got.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, [Kind::Body, Kind::Boilerplate, Kind::Boilerplate]);
        assert!(got[0].1.ends_with("park, Güney Afrika Ulusal Parklarının en büyüğüdür."), "{got:?}");
    }

    #[test]
    fn a_running_header_before_the_page_number_is_passed_over_too() {
        let input = "Kruger Ulusal Parkı, Güney Afrika'nın kuzey-doğusunda yer alır ve park, Güney\n\nJournal of Applied Studies 4 (2016)\n\n179\n\n Afrika Ulusal Parklarının en büyüğüdür.\n";
        let got = texts(input);
        let kinds: Vec<Kind> = got.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, [Kind::Body, Kind::Boilerplate, Kind::Boilerplate], "{got:?}");
        assert!(got[0].1.ends_with("park, Güney Afrika Ulusal Parklarının en büyüğüdür."), "{got:?}");
    }

    #[test]
    fn a_running_header_without_page_numbers_is_known_by_standing_alone_twice() {
        // No page number at either break; the header line stands alone twice, so the paragraph
        // that runs to the margin goes on after it, with a capital too.
        let line = "Kruger Ulusal Parkı, Güney Afrika'nın kuzey-doğusunda yer alır ve";
        let input = format!(
            "{line}\npark, bugün ülkenin en çok ziyaret edilen ve en büyük parkı olan Güney\n\nUluslararası İlişkiler Dergisi\n\n Afrika Ulusal Parkları arasında yer alır.\n\n{line}\npark, Güney Afrika'nın en eski parkıdır; ziyaretçilerin çoğu onu görmek\n\nUluslararası İlişkiler Dergisi\n\n Tanzanya'dan da geliyor.\n"
        );
        let got = texts(&input);
        let body: Vec<&str> = got.iter().filter(|(k, _)| *k == Kind::Body).map(|(_, t)| t.as_str()).collect();
        assert_eq!(body.len(), 2, "{got:?}");
        assert!(body[0].ends_with("Güney Afrika Ulusal Parkları arasında yer alır."), "{got:?}");
        assert!(body[1].ends_with("görmek Tanzanya'dan da geliyor."), "{got:?}");
    }

    #[test]
    fn a_page_number_on_the_running_headers_line_is_a_page_break() {
        let input = "Kruger Ulusal Parkı, Güney Afrika'nın kuzey-doğusunda yer alır ve park, Güney\n\nJournal of Applied Studies 4 (2016) | 179\n\n Afrika Ulusal Parklarının en büyüğüdür.\n";
        let got = texts(input);
        assert_eq!(
            got[0].1,
            "Kruger Ulusal Parkı, Güney Afrika'nın kuzey-doğusunda yer alır ve park, Güney Afrika Ulusal Parklarının en büyüğüdür.",
            "{got:?}"
        );
        assert_eq!(got[1].0, Kind::Boilerplate);
        assert!(numbered_header("12 – Uluslararası İlişkiler Dergisi") && !numbered_header("Chapter 12"));
        assert!(numbered_header("148    Journal of Applied Studies 16 (2022)"));
        assert!(numbered_header("Journal of Applied Studies 16 (2022)     149"));
        assert!(!numbered_header("2 Yöntem") && !numbered_header("2  Yöntem ve  Veri"));
    }

    #[test]
    fn a_running_header_with_its_page_number_one_space_off_is_boilerplate_on_every_page() {
        // Each page ends a paragraph with a sentence at the margin, so no page break shows in
        // the text around the header; only its repetition does. "2 Yöntem", written once, stays
        // a heading.
        let header = |n: usize| format!("\n\n{n} Journal of Applied Studies 14 (2016)\n\n");
        let input = format!(
            "Pakistan and Turkiye reaffirmed their commitment to defence ties at a\nmilitary dialogue held this week.{}\
             2 Yöntem\n\nBoth sides agreed to meet again next year in Ankara to sign the\nagreement on joint production.{}\
             The talks covered training and joint exercises for both armies.\n",
            header(38),
            header(39)
        );
        let got = texts(&input);
        let kinds: Vec<(Kind, &str)> = got.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(kinds.iter().filter(|(k, _)| *k == Kind::Boilerplate).count(), 2, "{kinds:?}");
        assert!(kinds.contains(&(Kind::Heading, "2 Yöntem")), "{kinds:?}");
    }

    #[test]
    fn a_page_number_before_the_header_on_one_line_breaks_the_page_mid_sentence() {
        // "38 Journal …" after a line cut mid-sentence is the next page's header, not a
        // numbered section heading: the sentence goes on after it, with a capital here.
        let input = "The issue of access to the sea has been hijacked by the current\ngovernment, Zarate said, and the aggressive rhetoric of the president\nwas aimed at the voters of the poor and remote western departments\n\n38 Journal of Applied Studies 14 (2016)\n\n Bolivian highlands who will decide the election next year.\n\nThe two countries have not exchanged ambassadors since 1978.\n";
        let got = texts(input);
        assert_eq!(got[0].0, Kind::Body, "{got:?}");
        assert!(
            got[0].1.ends_with("western departments Bolivian highlands who will decide the election next year."),
            "{got:?}"
        );
        // "2 Yöntem" after a paragraph's end is a numbered heading.
        let input = "The issue of access to the sea has been hijacked by the current\ngovernment, Zarate said, and the rhetoric was aimed at the voters.\n\n2 Yöntem\n\nThe two countries have not exchanged ambassadors since 1978.\n";
        let kinds: Vec<Kind> = texts(input).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, [Kind::Body, Kind::Heading, Kind::Body]);
    }

    #[test]
    fn without_a_page_number_the_text_goes_on_with_the_last_paragraph_cut_short() {
        // A headline (no full stop) and the page's last paragraph, cut mid-sentence, both before
        // a running header: the lower-case text after it continues the paragraph, not the
        // headline.
        let input = "The move will neutralise the success of Corbyn's drive to attract young voters\n\nThe Treasury expects it to raise up to £120 million a year to help\n\nUluslararası İlişkiler Dergisi\n\n the homeless. Foreign buyers are set to pay more.\n";
        let got = texts(input);
        assert_eq!(
            got[0].1, "The move will neutralise the success of Corbyn's drive to attract young voters",
            "{got:?}"
        );
        assert_eq!(
            got[1].1,
            "The Treasury expects it to raise up to £120 million a year to help the homeless. Foreign buyers are set to pay more.",
            "{got:?}"
        );
    }

    #[test]
    fn a_page_break_continues_the_last_paragraph_of_the_page_not_the_one_before() {
        // The first paragraph is a headline without a full stop; the page's last paragraph is
        // the one the next page goes on with.
        let input = "The stamp duty rise will be levied on those who are not paying tax in the UK\n\nThe Treasury expects it to raise up to £120 million a year to help\n\n25\n\nJournal of Applied Studies 6 (2019)\n\n the homeless. Foreign buyers are set to pay more.\n";
        let got = texts(input);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].1, "The stamp duty rise will be levied on those who are not paying tax in the UK");
        assert_eq!(
            got[1].1,
            "The Treasury expects it to raise up to £120 million a year to help the homeless. Foreign buyers are set to pay more."
        );
    }

    #[test]
    fn a_short_last_line_before_a_page_break_ends_its_paragraph() {
        // A subheading-like paragraph without a full stop, its short last line right before the
        // page break: the next page starts a new paragraph, capital and all.
        let input = "One in five children have secret social media accounts that they hide\nfrom their parents and teachers, a survey of secondary schools reveals\n\nSurvey of 20,000 secondary school pupils revealed growth in fake\npages\n\n35\n\nJournal of Applied Studies 13 (2021)\n\n \nThe news has heightened fears that sexual content is being posted on\nthe sites, and teachers have asked parents to talk to their children.\n";
        let got: Vec<(Kind, String)> = texts(input).into_iter().filter(|(k, _)| *k == Kind::Body).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].1, "Survey of 20,000 secondary school pupils revealed growth in fake pages");
        assert!(got[2].1.starts_with("The news has heightened fears"));
    }

    #[test]
    fn a_page_break_joins_once_and_a_paragraph_may_span_three_pages() {
        let input = "Foreign buyers will be charged more when they buy a property in the\n\n193\n\nJournal of Applied Studies 20 (2018)\n\n UK, the Treasury expects it to raise up to £120 million a year to\nhelp the homeless\n\nForeign buyers are set to be charged a higher rate when they buy in the\n\n194\n\nJournal of Applied Studies 20 (2018)\n\n UK - with the extra cash used to help the homeless, Theresa May\n\n195\n\nJournal of Applied Studies 20 (2018)\n\n will announce today.\n";
        let got: Vec<(Kind, String)> = texts(input).into_iter().filter(|(k, _)| *k == Kind::Body).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].1.ends_with(
                "in the UK, the Treasury expects it to raise up to £120 million a year to help the homeless"
            )
        );
        assert!(got[1].1.starts_with("Foreign buyers are set"));
        assert!(got[1].1.ends_with("help the homeless, Theresa May will announce today."), "{got:?}");
    }

    #[test]
    fn heading_glued_to_previous_block() {
        let input = " Öz\n\nBu çalışma Pakistan ve Türkiye’nin ortak savunma sanayii iş birliklerini inceler ve \ngenel durumu değerlendirir.    \n Abstract\n\nThis study focuses on the cooperation between Türkiye and Pakistan in the \ndefence sector and evaluates the general circumstances of it.\n";
        let kinds: Vec<Kind> = texts(input).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec![Kind::Heading, Kind::Body, Kind::Heading, Kind::Body]);
    }

    #[test]
    fn running_header_inside_a_paragraph_is_boilerplate_and_paragraph_rejoined() {
        let input = "Ülkeler kendilerini teröre karşı korumak için dış politikalarını yeniden şekillendirirken \nbuldular. Terörizmden yara \n\n\n\nFrom The Perspective of Two States One Nation; an Analysis of Relations...\n\n180 SDE AKADEMİ DERGİSİ\n\nalmış ülkeler olan Pakistan ve Türkiye ortak bir çıkar buldular.\n";
        let got = rebuild(input);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].kind, Kind::Body);
        assert!(got[0].text.contains("Terörizmden yara almış ülkeler"), "{}", got[0].text);
        assert_eq!((got[0].first_line, got[0].last_line), (1, 10));
        assert_eq!(got[1].kind, Kind::Boilerplate);
        assert_eq!(got[2].kind, Kind::Boilerplate);
        assert_eq!(got[2].text, "180 SDE AKADEMİ DERGİSİ");
    }

    #[test]
    fn short_sentence_end_then_new_sentence_on_new_page_is_a_paragraph_break() {
        let input = "Though their stance on the Bosnian War warmed their association, further significant cooperation came only \nafter the September 11 attacks.\n Following the events of 9/11, global politics transformed dramatically and countries found \nthemselves reshaping their foreign policies.\n";
        let got = texts(input);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].1.starts_with("Following the events"));
    }

    #[test]
    fn numbered_headings_list_items_and_footnotes() {
        let input = "1.\t STRENGTHENING OF TIES BETWEEN TÜRKİYE AND \n\t PAKISTAN\n\n1.1. Bilateral Relations After 9/11\n\n1.\t Trade and Investment: Pakistan and Türkiye have been working to \nincrease their trade volume.\n\n¹ Munir Hussain, \"Pak-Turkey Relations: On the Common Ties,\" Alternatives, vol. 7.\n\n[2] “Turkey, Pakistan sign a string of memorandums of understanding.” TRT World.\n";
        let kinds: Vec<Kind> = texts(input).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec![Kind::Heading, Kind::Heading, Kind::ListItem, Kind::Footnote, Kind::Footnote]);
    }

    #[test]
    fn indented_first_lines_start_paragraphs_without_blank_lines() {
        // A layout-preserving extraction: no blank lines, each paragraph's first line set in.
        // The first paragraph ends with a sentence at the margin, the second is one line.
        let input = "    Pakistan and Turkiye reaffirmed their commitment to defence ties at a\nmilitary dialogue held in the capital this week, officials said on Monday.\n    Both sides agreed to meet again next year.\n    The talks covered training, joint exercises and the production of drones\nfor both armies, according to a statement issued after the meeting.\n";
        let got = texts(input);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].1.ends_with("officials said on Monday.") && got[1].1 == "Both sides agreed to meet again next year."
        );
        // Without the indents, the sentence ending at the margin shows no paragraph end.
        let flat: String = input.lines().map(|l| format!("{}\n", l.trim_start())).collect();
        assert_eq!(texts(&flat).len(), 2, "{:?}", texts(&flat));
    }

    #[test]
    fn short_paragraphs_without_blank_lines_are_still_wrapped_text() {
        // Most lines end a sentence (paragraphs of one or two lines), but the lines stop at one
        // margin and those that reach it break a sentence: wrapped text, not a line per paragraph.
        let input = "Kent sakinlerinin yıkılan evlerine dönerek suyun zarar verdiği eşyaları\ntopladığı görüldü.\nTemiz su kıtlığı yaşıyoruz, dedi.\nYardım ekipleri hayatta kalanları bulmak için zamanla yarışırken kentte\nelektrik yoktu.\nOna ve çocuğuma ne olduğunu bilmiyorum.\nHastaneler yaralılarla doldu ve doktorlar sokakta hasta tedavi etmeye\nbaşladı.\nUmarım güvendedirler.\n";
        let got = texts(input);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(
            got[0].1,
            "Kent sakinlerinin yıkılan evlerine dönerek suyun zarar verdiği eşyaları topladığı görüldü."
        );
    }

    #[test]
    fn a_few_short_paragraphs_without_blank_lines_end_where_the_next_word_would_have_fitted() {
        // Six lines, most ending a sentence at the margin: wrapped, and set without blank
        // lines, so a line the next word would have fitted on ends its paragraph.
        let input = "Bakan, toplantıdan sonra kısa bir açıklama yaptı.\nKomisyon raporunu önümüzdeki ay yayımlayacak ve ardından mec-\nlis raporu tartışmaya açacak, dedi.\nMuhalefet ise raporun gecikmesinden duyduğu kaygıyı dile ge-\ntirdi. Olayın üzerinden iki yıl geçti, yeni bir şey görmüyorum.\nHerkes bekliyor.\n";
        let got: Vec<String> = texts(input).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[1],
            "Komisyon raporunu önümüzdeki ay yayımlayacak ve ardından meclis raporu tartışmaya açacak, dedi."
        );
    }

    #[test]
    fn unwrapped_text_is_one_paragraph_per_line() {
        let long = "Pakistan and Turkiye reaffirmed their commitment to enhanced defence ties during a high-level military dialogue held in the capital this week with many officials.";
        let input = format!("{long}\n{long}\nBackground On Bilateral Military Ties\n{long}\n");
        let kinds: Vec<Kind> = texts(&input).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec![Kind::Body, Kind::Body, Kind::Heading, Kind::Body]);
    }

    #[test]
    fn a_dash_before_a_lowercase_word_goes_on_with_the_sentence() {
        let input = "The number of defectors fell to 1,127 last year, the lowest since 2001\n- compared with 2,706 in 2011. Officials gave no reason.\n\nThe following steps were agreed:\n- trade and investment\n- defence\n";
        let got = texts(input);
        assert_eq!(
            got[0].1,
            "The number of defectors fell to 1,127 last year, the lowest since 2001 - compared with 2,706 in 2011. Officials gave no reason."
        );
        assert_eq!(got.iter().filter(|(k, _)| *k == Kind::ListItem).count(), 2, "{got:?}");
    }

    #[test]
    fn a_full_width_line_cut_by_a_page_break_is_no_heading() {
        let mut input = String::new();
        for _ in 0..6 {
            input.push_str("Wrapped body text runs to the margin of the page on every full line here\nand the paragraph ends on a shorter line.\n\n");
        }
        input.push_str("He referenced Senate Judiciary Committee ranking Democratic Sen. Dianne\n\n");
        assert_eq!(texts(&input).last().unwrap().0, Kind::Body);
    }

    #[test]
    fn a_link_on_its_own_line_ends_the_footnote_before_it() {
        let input = "Text of the paper.¹⁵\n\n¹⁵ \"The Biggest Aid Comes from Turkey,\" *Milliyet*, October 22, 2005,\n\n<https://www.milliyet.com.tr/gundem/en-buyuk-yardim-turkiyeden-254038>\n\nMore text.\n";
        let got = texts(input);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].0, Kind::Footnote);
        assert!(got[1].1.ends_with("2005, <https://www.milliyet.com.tr/gundem/en-buyuk-yardim-turkiyeden-254038>"));
    }

    #[test]
    fn section_opening_lines_of_unwrapped_text_are_headings() {
        let input = "The development of military relations between Turkey and Pakistan, obstacles and challenges\n\n\nThe Turkish army chief, during a visit to Islamabad, signed an agreement with his Pakistani counterpart.\n\nThe media in Ankara did not mention the exact dimensions of the agreement,\n\n\nA joint military exercise between Turkey and Pakistan\n\nTurkish efforts prompted Pakistani Prime Minister Imran Khan to support the Republic of Azerbaijan.\n";
        let kinds: Vec<Kind> = texts(input).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, [Kind::Heading, Kind::Body, Kind::Body, Kind::Heading, Kind::Body]);
    }

    #[test]
    fn a_repeated_citation_stays_a_footnote() {
        let mut input = String::from("Body text of the paper goes on here.\n\n");
        for n in ["²⁹", "³⁰", "³¹"] {
            input.push_str(&format!(
                "{n} SIPRI Arms Transfers Database, <https://armstransfers.sipri.org/>\n\nMore body text.\n\n"
            ));
        }
        assert!(texts(&input).iter().filter(|(_, t)| t.contains("SIPRI")).all(|(k, _)| *k == Kind::Footnote));
    }

    #[test]
    fn page_numbers_are_boilerplate() {
        let got = texts("First paragraph of the page ends here.\n\n12\n\nNext paragraph starts here.\n");
        assert_eq!(got[1], (Kind::Boilerplate, "12".into()));
        for number in ["- 12 -", "[12]", "(12)", "12 / 30", "12/30", "3 of 10", "Sayfa 12 / 30", "Page 3 of 10"] {
            assert!(is_page_number(number), "{number}");
        }
        // A ratio, a date, a year or a count in words is no page number.
        for text in ["30/12", "12 / 3", "1/2 oranında", "(2016)", "[1234]", "12 of them"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn a_two_line_running_header_is_boilerplate_where_the_page_broke_between_paragraphs_too() {
        let page = |n: usize| format!("\n\n{n}\n\nUluslararası İlişkiler Dergisi\n\nA. Yılmaz ve M. Demir\n\n");
        let input = format!(
            "Bu çalışmada Türkiye ile Pakistan arasındaki savunma sanayii iş birliği\n\
             ele alınmakta ve iki ülkenin ortak projeleri incelenmektedir. Çalışmanın\n\
             sonunda iş birliğinin{}geleceğine dair öneriler sunulmaktadır.\n\n\
             İkinci paragraf burada başlıyor ve iki ülkenin ilişkilerinin tarihini\n\
             anlatıyor. Soğuk Savaş yıllarında iki ülke aynı ittifaklarda yer aldı.{}\
             Üçüncü paragraf ekonomik ilişkileri ele alıyor ve kısa bir cümleyle bitiyor.\n",
            page(11),
            page(12)
        );
        let got = texts(&input);
        let body: Vec<&str> = got.iter().filter(|(k, _)| *k == Kind::Body).map(|(_, t)| t.as_str()).collect();
        assert_eq!(body.len(), 3, "{got:?}");
        assert!(body[0].ends_with("iş birliğinin geleceğine dair öneriler sunulmaktadır."));
        for header in ["Uluslararası İlişkiler Dergisi", "A. Yılmaz ve M. Demir"] {
            let kinds: Vec<Kind> = got.iter().filter(|(_, t)| t == header).map(|(k, _)| *k).collect();
            assert_eq!(kinds, [Kind::Boilerplate, Kind::Boilerplate], "{header}: {got:?}");
        }
    }

    #[test]
    fn footnotes_at_the_foot_of_the_page_stand_apart_from_the_paragraph_they_interrupt() {
        let turkish = "Bu çalışmada Türkiye ile Pakistan arasındaki savunma sanayii iş birliği¹ ele\n\
                       alınmakta ve iki ülkenin ortak projeleri incelenmektedir. Çalışmanın sonunda iş\n\
                       birliğinin\n\n¹ Bu konuda ayrıntılı bilgi için bkz. Yılmaz (2019), s. 45.\n\n12\n\n\
                       Uluslararası İlişkiler Dergisi\n\ngeleceğine dair öneriler sunulmaktadır.\n";
        let english = "This study examines the defence industry cooperation between Turkey and\n\
                       Pakistan and the joint projects of the two countries. At the end of the\n\
                       study, recommendations about the future of the cooperation are\n\n\
                       1 See Yilmaz (2019), p. 45 for details.\n\n2 Also Khan (2020).\n\n12\n\n\
                       Journal of International Relations\n\npresented to the readers.\n";
        for (input, end, notes) in [
            (turkish, "iş birliğinin geleceğine dair öneriler sunulmaktadır.", 1),
            (english, "cooperation are presented to the readers.", 2),
        ] {
            let got = texts(input);
            let body: Vec<&str> = got.iter().filter(|(k, _)| *k == Kind::Body).map(|(_, t)| t.as_str()).collect();
            assert_eq!(body.len(), 1, "{got:?}");
            assert!(body[0].ends_with(end), "{got:?}");
            assert_eq!(got.iter().filter(|(k, _)| *k == Kind::Footnote).count(), notes, "{got:?}");
        }
        // A numbered line with no page number after it is no footnote: the text stands as it is.
        let got = texts("The cooperation between the two countries is\n\n1 See Yilmaz (2019).\n\npresented here.\n");
        assert!(got.iter().all(|(k, _)| *k != Kind::Footnote), "{got:?}");
    }

    #[test]
    fn a_caption_between_a_paragraphs_halves_stands_apart() {
        for caption in ["Tablo 1. Ortak savunma projeleri (2000-2020)", "Şekil 2: İki ülke arasındaki ticaret hacmi"]
        {
            // At the foot of the page, and in the middle of one.
            for page in ["\n\n12\n\nUluslararası İlişkiler Dergisi\n\n", "\n\n"] {
                let input = format!(
                    "Bu çalışmada Türkiye ile Pakistan arasındaki savunma sanayii iş birliği ele\n\
                     alınmakta ve iki ülkenin ortak projeleri incelenmektedir. Çalışmanın sonunda iş\n\
                     birliğinin\n\n{caption}{page}geleceğine dair öneriler sunulmaktadır.\n"
                );
                let got = texts(&input);
                let body: Vec<&str> = got.iter().filter(|(k, _)| *k == Kind::Body).map(|(_, t)| t.as_str()).collect();
                assert_eq!(body.len(), 1, "{got:?}");
                assert!(body[0].ends_with("iş birliğinin geleceğine dair öneriler sunulmaktadır."), "{got:?}");
                assert!(got.contains(&(Kind::Heading, caption.to_string())), "{got:?}");
            }
        }
        assert!(is_caption("TABLO 3. Veriler") && is_caption("Figure 3.1 Trade Volume") && is_caption("Table 2"));
        assert!(is_caption("ŞEKİL 4: Ticaret") && is_caption("FIGURE 2. Trade") && is_caption("FIG. 5 Imports"));
        assert!(!is_caption("Table 1 shows the trade volume.") && !is_caption("Tablolar ve şekiller"));
    }

    #[test]
    fn a_link_or_an_identifier_after_the_page_number_is_no_continuation() {
        for footer in ["https://doi.org/10.17752/guvenlikstrtj.1234", "e-ISSN: 2146-8206", "doi: 10.17752/abc.2020"] {
            let input = format!(
                "Bu çalışmada Türkiye ile Pakistan arasındaki savunma sanayii iş birliği ele alınmakta\n\
                 ve iki ülkenin ortak projeleri incelenmektedir. Çalışmanın sonunda iş birliğinin\n\n\
                 12\n\n{footer}\n\ngeleceğine dair öneriler sunulmaktadır.\n"
            );
            let got = texts(&input);
            assert_eq!(got.iter().filter(|(k, _)| *k == Kind::Body).count(), 1, "{footer}: {got:?}");
            assert!(got[0].1.ends_with("iş birliğinin geleceğine dair öneriler sunulmaktadır."), "{got:?}");
            assert_eq!(got[2], (Kind::Boilerplate, footer.to_string()));
        }
        assert!(!is_identifier_line("dosyalar 10. sınıfta") && !is_identifier_line("the commissioner said"));
    }

    #[test]
    fn a_page_number_of_a_page_count_breaks_the_page_mid_sentence() {
        for number in ["12 / 30", "[12]"] {
            let input = format!(
                "Bu çalışmada Türkiye ile Pakistan arasındaki savunma sanayii iş birliği ele alınmakta\n\
                 ve iki ülkenin ortak projeleri incelenmektedir. Çalışmanın sonunda iş birliğinin\n\n\
                 {number}\n\nUluslararası İlişkiler Dergisi\n\ngeleceğine dair öneriler sunulmaktadır.\n"
            );
            let got = texts(&input);
            assert_eq!(got.iter().filter(|(k, _)| *k == Kind::Body).count(), 1, "{number}: {got:?}");
            assert!(got[0].1.ends_with("iş birliğinin geleceğine dair öneriler sunulmaktadır."), "{got:?}");
            assert_eq!(got[1], (Kind::Boilerplate, number.to_string()));
        }
    }
}
