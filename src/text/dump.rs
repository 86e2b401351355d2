//! A text-dump tool's layout undone: its output in, one block a line out
//! (blank lines kept between blocks), ready for [`lines`](super::lines).
//!
//! Tools lay a page out in ways of their own: lynx, w3m and html2text
//! hard-wrap paragraphs at a fixed width (80 columns by default, 78 for
//! html2text), indent them, and draw list bullets (`*`, `+`, `o`, `•`,
//! `☆`…) with continuation lines indented under the item's text;
//! BeautifulSoup's `get_text("\n")` puts every inline element (a link, a
//! bold word) on a line of its own. Both kinds of break are undone here:
//!
//! - a wrapped line is joined to the next when the next line's first word
//!   would not have fitted on it within the wrap width (the width is read
//!   off the text: wrapped lines crowd just under it, none goes past), and
//!   the next line continues at the same indentation or under the item's
//!   text;
//! - an inline fragment is joined to its neighbour when the break falls
//!   inside a sentence: the line ends in a space, or the next starts with
//!   punctuation or one space.
//!
//! Markup the tools add ([`markup`](super::markup)) is taken out first.

use super::{columns, markup};

/// Bullets the tools draw, each followed by a space: lynx `* + # @ -`,
/// w3m `• ◦ □ ☆ ▪`, html2text `* + -`, inscriptis `* + o`.
const BULLETS: [char; 15] = [
    '*', '+', '-', '#', '@', '•', '◦', '□', '☆', '★', '▪', '■', '○', '●', '·',
];

/// A lowercase "o" is a bullet (lynx's and inscriptis' third level) only
/// this deep: prose lines are indented at most 3 columns (lynx), and list
/// items' continuation lines at most 4 (w3m).
const MIN_O_BULLET_INDENT: usize = 5;

/// Lines of at least this many columns count towards reading the wrap
/// width: shorter ones are headings, menu items and paragraphs' last lines.
const MIN_MEASURED_COLUMNS: usize = 30;

/// The wrap width is the line length that at most this share of the
/// measured lines exceed (lines holding an unbreakable URL, a wide table
/// row, or an unwrapped paragraph among wrapped ones).
const WRAP_EXCESS_SHARE: f32 = 0.05;

/// At least this share of the measured lines end within
/// [`WRAP_BAND_COLUMNS`] of the width in wrapped text: every line but a
/// paragraph's last is filled to within a word of it. Unwrapped text
/// (a line per paragraph) spreads its lengths far wider.
const WRAP_BAND_SHARE: f32 = 0.4;

/// How far under the width a filled line may end: a long word (12
/// letters) that did not fit.
const WRAP_BAND_COLUMNS: usize = 12;

/// Tools wrap at 60 to 200 columns; outside that the text was not wrapped.
const WRAP_COLUMNS: std::ops::RangeInclusive<usize> = 40..=200;

/// At least this many measured lines are needed to read a width.
const MIN_MEASURED_LINES: usize = 5;

/// Punctuation that never opens a line: a line starting with it continues
/// the one before.
const CLOSING: [char; 6] = [',', '.', ';', ':', ')', '!'];

/// The width lynx wraps a dump at by default: its indented lines end at or
/// before column 74…
const LYNX_WRAP_COLUMNS: usize = 74;

/// …and lines it sets flush left at or before column 77: its margin.
const LYNX_MARGIN: usize = 3;

/// The width html2text wraps its Markdown at by default.
const HTML2TEXT_WRAP_COLUMNS: usize = 78;

/// The width a dump was wrapped at: of indented lines, and of lines set
/// flush left (the same but in lynx's dumps).
#[derive(Clone, Copy)]
struct Width {
    indented: usize,
    flush: usize,
}

/// One physical line of a dump, taken apart.
struct Line<'a> {
    raw: &'a str,
    /// Columns of leading whitespace (a tab counts as one).
    indent: usize,
    /// Columns of the bullet and its space, 0 when none.
    bullet: usize,
    /// The words, markers and bullet taken out.
    text: String,
    /// The line is only a bullet, a marker or white space.
    blank: bool,
}

/// Undo a dump's layout: one block a line, blank lines between groups.
pub(crate) fn normalise(text: &str) -> String {
    let raw: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let references = markup::reference_list_start(&raw);
    let cut = columns::split(&raw[..references.unwrap_or(raw.len())]);
    let raw: Vec<&str> = cut.iter().map(String::as_str).collect();
    let raw = &raw[..];
    // Markdown is taken out of each block once its lines are joined: the
    // tool wrapped the lines with the syntax in them, and a link or its
    // address may run over a line end. Lynx writes `[12](BUTTON)` and
    // `[7](42) Comments`, which read as Markdown links; a dump listing its
    // links at the end is lynx's.
    let markdown = references.is_none() && markup::is_markdown(text);
    let lynx = references.is_some();
    let width = match wrap_width(raw, !markdown, lynx, markdown) {
        // Lynx keeps a right margin as wide as its left one: lines it set
        // flush left (table cells, preformatted text) run that much longer.
        Some(w) if lynx => Some(Width {
            indented: w,
            flush: w + LYNX_MARGIN,
        }),
        Some(w) => Some(Width {
            indented: w,
            flush: w,
        }),
        // A dump with lynx's list of links is lynx's, wrapped at its width
        // even where too few long lines say so (a recipe's short steps).
        None if lynx => Some(Width {
            indented: LYNX_WRAP_COLUMNS,
            flush: LYNX_WRAP_COLUMNS + LYNX_MARGIN,
        }),
        None => None,
    };
    let out_style = Style {
        wrapped: width.is_some(),
        markdown,
    };
    let lines: Vec<Line> = (0..raw.len())
        .map(|i| parse(raw, i, references.is_some(), out_style.markdown))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut current = String::new();
    for i in 0..lines.len() {
        let line = &lines[i];
        if line.blank {
            flush(&mut current, &mut out, out_style);
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            continue;
        }
        let joins = i > 0
            && !current.is_empty()
            && continues(&lines[i - 1], line, width, out_style.markdown);
        if joins {
            let cjk = ends_cjk(&current) && starts_cjk(&line.text);
            let punct = line.text.starts_with(CLOSING);
            if !cjk && !punct && !current.ends_with(' ') {
                // A line end, read as a space once the block is written.
                current.push('\n');
            }
        } else {
            flush(&mut current, &mut out, out_style);
        }
        current.push_str(&line.text);
    }
    flush(&mut current, &mut out, out_style);
    out
}

/// How blocks are written out.
#[derive(Clone, Copy)]
struct Style {
    /// The text was wrapped: every block is followed by a blank line, so
    /// that [`lines`](super::lines) does not join blocks again.
    wrapped: bool,
    /// The text is html2text's Markdown.
    markdown: bool,
}

/// Write the block built so far as a line of its own.
fn flush(current: &mut String, out: &mut String, style: Style) {
    let text = if style.markdown {
        markup::strip_markdown(current)
    } else {
        std::borrow::Cow::Borrowed(current.as_str())
    };
    let t = text.trim();
    if !t.is_empty() && !markup::is_placeholder(t) {
        out.extend(t.chars().map(|c| if c == '\n' { ' ' } else { c }));
        out.push_str(if style.wrapped { "\n\n" } else { "\n" });
    }
    current.clear();
}

/// Take line `i` apart.
fn parse<'a>(raw: &[&'a str], i: usize, numbered: bool, markdown: bool) -> Line<'a> {
    let line = raw[i];
    let body = line.trim_start();
    let indent = line.len() - body.len();
    // html2text draws no placeholders; its `[]` opens an image link.
    let stripped = if markdown {
        std::borrow::Cow::Borrowed(body)
    } else {
        markup::strip_markers(body, numbered)
    };
    let (bullet, mut bullet_columns) = bullet_width(&stripped, indent, raw, i);
    let rest = stripped[bullet..].trim_start();
    // A number that opens a line indented like the line above is a
    // wrapped sentence's ("…and called" / "911. Police responded…").
    let above = i
        .checked_sub(1)
        .map(|j| raw[j])
        .filter(|l| !l.trim().is_empty());
    let wrapped_number = above.is_some_and(|l| l.len() - l.trim_start().len() == indent);
    let (unnumbered, number) = if wrapped_number {
        (rest, 0)
    } else {
        strip_number(rest, indent)
    };
    if bullet_columns == 0 {
        // A numbered item's lines continue under its text, as a bulleted
        // one's do: " 2. T-Mobile's chief will hand" / "    over the reins".
        bullet_columns = number;
    }
    let text = strip_heading(unnumbered).to_string();
    let blank = !text.chars().any(char::is_alphanumeric) && !text.starts_with(CLOSING);
    Line {
        raw: line,
        indent,
        bullet: bullet_columns,
        text,
        blank,
    }
}

/// The width in bytes and in columns of the bullet (and its space) that
/// starts `body`.
fn bullet_width(body: &str, indent: usize, raw: &[&str], i: usize) -> (usize, usize) {
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return (0, 0);
    };
    let after = chars.next();
    let alone = after.is_none();
    let spaced = after.is_some_and(char::is_whitespace);
    if !(alone || spaced) {
        return (0, 0);
    }
    let o_bullet = first == 'o' && indent >= MIN_O_BULLET_INDENT && o_list(raw, i);
    if BULLETS.contains(&first) || o_bullet {
        let space = after.filter(|_| spaced).map_or(0, char::len_utf8);
        (first.len_utf8() + space, 1 + usize::from(spaced))
    } else {
        (0, 0)
    }
}

/// Whether a neighbouring line is an item of the same "o" list, or a
/// bullet of any kind: one "o" line alone is prose.
fn o_list(raw: &[&str], i: usize) -> bool {
    let is_item = |j: usize| {
        raw.get(j).is_some_and(|l| {
            let t = l.trim_start();
            let mut c = t.chars();
            let first = c.next();
            let second = c.next();
            first.is_some_and(|f| f == 'o' || BULLETS.contains(&f))
                && second.is_none_or(char::is_whitespace)
        })
    };
    (i > 0 && is_item(i - 1)) || is_item(i + 1)
}

/// An ordered-list number ("3. ", "12) ") that a tool drew before an
/// indented line: HTML lists number their items by style, not text.
fn strip_number(text: &str, indent: usize) -> (&str, usize) {
    if indent == 0 {
        return (text, 0);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    if (1..=3).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")) {
        (&rest[2..], digits + 2)
    } else {
        (text, 0)
    }
}

/// Markdown heading marks ("## ") and block quote marks ("> ").
fn strip_heading(text: &str) -> &str {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        return text[hashes..].trim_start();
    }
    text.strip_prefix("> ").unwrap_or(text)
}

/// The width the dump was wrapped at, or `None` when it was not wrapped.
/// `wide` counts a CJK character as two columns, as terminals show them
/// (lynx, w3m); html2text wraps by characters. With `indented_only`, lines
/// set flush left are not measured (lynx wraps them wider). In html2text's
/// Markdown (`markdown`), lines reaching its default width and none past
/// it say enough, however few (a page of short paragraphs).
fn wrap_width(raw: &[&str], wide: bool, indented_only: bool, markdown: bool) -> Option<usize> {
    let mut widths: Vec<usize> = raw
        .iter()
        .filter(|l| !l.contains("://") && !is_list_item(l))
        // A line of one word (a link's address run over, after a quote
        // mark) is as long as the word, not the width.
        .filter(|l| {
            let t = l.trim();
            t.strip_prefix("> ").unwrap_or(t).trim().contains(' ')
        })
        .filter(|l| !indented_only || l.starts_with(char::is_whitespace))
        .map(|l| columns(l.trim_end(), wide))
        .filter(|&w| w >= MIN_MEASURED_COLUMNS)
        .collect();
    if widths.len() < MIN_MEASURED_LINES {
        return None;
    }
    widths.sort_unstable();
    let excess = (widths.len() as f32 * WRAP_EXCESS_SHARE) as usize;
    // Below the longest lines: the length that several lines reach (a text
    // wrapped at 72 columns may hold one longer line no wrapping touched).
    let mut top = widths.len() - 1 - excess;
    while top > 0 && crowd(&widths, widths[top]) < MIN_AT_WIDTH {
        top -= 1;
    }
    let width = widths[top];
    let in_band = widths
        .iter()
        .filter(|&&w| w <= width && w + WRAP_BAND_COLUMNS >= width)
        .count();
    let longer = widths.len() - 1 - top;
    let html2text = markdown && width.abs_diff(HTML2TEXT_WRAP_COLUMNS) <= AT_WIDTH_COLUMNS;
    let banded = in_band as f32 >= WRAP_BAND_SHARE * widths.len() as f32 || html2text;
    (banded && longer <= excess + MAX_STRAY_LINES && WRAP_COLUMNS.contains(&width)).then_some(width)
}

/// Whether a line starts with a bullet or a number ("  3. "), or is a
/// table row: html2text leaves list items and tables unwrapped, so they
/// say nothing of the width.
fn is_list_item(line: &str) -> bool {
    let body = line.trim_start();
    let mut chars = body.chars();
    let bullet = chars.next().is_some_and(|c| BULLETS.contains(&c)) && chars.next() == Some(' ');
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = (1..=3).contains(&digits) && body[digits..].starts_with(". ");
    bullet || numbered || body.matches(" | ").count() >= 2
}

/// How many lines end within [`AT_WIDTH_COLUMNS`] under `width`.
fn crowd(sorted: &[usize], width: usize) -> usize {
    sorted
        .iter()
        .filter(|&&w| w <= width && w + AT_WIDTH_COLUMNS >= width)
        .count()
}

/// The wrap width is a length that at least this many lines reach to
/// within [`AT_WIDTH_COLUMNS`]: wrapped lines crowd under the width.
const MIN_AT_WIDTH: usize = 3;

/// Lines longer than the width beyond the [`WRAP_EXCESS_SHARE`] allowed:
/// a stray line or two (a signature, a URL with spaces around it); more,
/// and the text was not wrapped at that width.
const MAX_STRAY_LINES: usize = 2;

/// How close to the width a line counts as reaching it.
const AT_WIDTH_COLUMNS: usize = 2;

/// Whether line `next` continues the block that `prev` is the last line of.
fn continues(prev: &Line, next: &Line, width: Option<Width>, markdown: bool) -> bool {
    if next.bullet > 0 {
        return false;
    }
    wrapped(prev, next, width, markdown) || inline_fragment(prev, next)
}

/// `prev` was broken by the wrap width: the first word of `next` would not
/// have fitted after it, and `next` sits where `prev`'s text does.
fn wrapped(prev: &Line, next: &Line, width: Option<Width>, markdown: bool) -> bool {
    let Some(width) = width else {
        return false;
    };
    let width = if prev.indent == 0 {
        width.flush
    } else {
        width.indented
    };
    let aligned = next.indent == prev.indent || next.indent == prev.indent + prev.bullet;
    let end = columns(prev.raw.trim_end(), !markdown);
    // The first word, past html2text's block quote mark ("> promised").
    let mut words = next.raw.split_whitespace();
    let first = match words.next() {
        Some(">") if markdown => words.next(),
        word => word,
    }
    .unwrap_or("");
    // CJK text breaks between any two characters.
    let first_width = if starts_cjk(first) {
        columns(
            &first[..first.chars().next().map_or(0, char::len_utf8)],
            !markdown,
        )
    } else {
        columns(first, !markdown)
    };
    // A line filled to the width would have been broken before any next
    // line, so the break says nothing: after a full sentence, a capital
    // more likely starts a block of its own (a repeated headline, a
    // caption). Inside a sentence it is a noun (German writes every noun
    // with one) or a name. Not so in Markdown, where a link's text,
    // address and title run on over full lines.
    let full = end >= width && !markdown;
    let capital = first.chars().next().is_some_and(char::is_uppercase);
    let new_block = full && capital && super::patterns::ends_like_sentence(&prev.text);
    aligned && end + 1 + first_width > width && !new_block
}

/// `prev` and `next` are two inline pieces of one sentence, as
/// BeautifulSoup's `get_text("\n")` puts them: `prev` ends with a space
/// the markup kept (one, not html2text's two of a line break), or `next`
/// starts with one, or with punctuation that never opens a line.
fn inline_fragment(prev: &Line, next: &Line) -> bool {
    let prev_space = prev.raw.ends_with(' ') && !prev.raw.ends_with("  ");
    let next_space = next.indent == 1 && next.raw.starts_with(' ');
    let mut chars = next.raw.chars();
    let next_punct = chars.next().is_some_and(|c| CLOSING.contains(&c))
        && chars.next().is_none_or(char::is_whitespace);
    prev_space || next_space || next_punct
}

/// Display columns of a line: CJK characters take two when `wide`.
fn columns(text: &str, wide: bool) -> usize {
    text.chars()
        .map(|c| if wide && is_cjk(c) { 2 } else { 1 })
        .sum()
}

fn starts_cjk(text: &str) -> bool {
    text.chars().next().is_some_and(is_cjk)
}

fn ends_cjk(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_cjk)
}

/// Wide East Asian characters (Han, kana, Hangul, full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_paragraphs_and_list_items_are_joined() {
        let dump = "\
   The council met on Tuesday to discuss the plan for new cycle lanes in\n\
   the town centre, which residents had asked for since the spring of last\n\
   year.\n\
   A caption.\n\
\n\
     * An item that wraps onto a second line because it is rather long and\n\
       wordy too\n\
     * Short\n\
\n\
   A second paragraph to set the width of this dump: it runs on over\n\
   several lines, each of them filled to about the same number of columns,\n\
   as a tool writes them when it lays out a page of prose for a terminal\n\
   that is eighty columns wide.\n";
        let out = normalise(dump);
        let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "The council met on Tuesday to discuss the plan for new cycle lanes in the town centre, which residents had asked for since the spring of last year.");
        assert_eq!(lines[1], "A caption.");
        assert_eq!(
            lines[2],
            "An item that wraps onto a second line because it is rather long and wordy too"
        );
        assert_eq!(lines[3], "Short");
        assert_eq!(lines[4], "A second paragraph to set the width of this dump: it runs on over several lines, each of them filled to about the same number of columns, as a tool writes them when it lays out a page of prose for a terminal that is eighty columns wide.");
    }

    #[test]
    fn inline_fragments_are_joined() {
        let out = normalise("New Delhi\n, \nNews Nation Bureau\n | Updated\nNext line\n");
        assert_eq!(
            out.trim(),
            "New Delhi, News Nation Bureau | Updated\nNext line"
        );
    }

    fn blocks_of(dump: &str) -> Vec<String> {
        normalise(dump)
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_short_lynx_dump_is_joined_at_lynx_width() {
        // Too few long lines to read a width: the reference list says lynx.
        let dump = "   Mix the dry ingredients, then join the egg and the butter at room\n   \
                    temperature.\n\nReferences\n\n   1. https://example.com/\n";
        assert_eq!(
            blocks_of(dump),
            ["Mix the dry ingredients, then join the egg and the butter at room temperature."]
        );
    }

    #[test]
    fn a_german_noun_after_a_full_line_continues_the_sentence() {
        let para = "Die Stadt hat am Dienstag beschlossen, die alte Brücke über den Fluss zu\n\
                    sanieren, nachdem Gutachter im Frühjahr schwere Schäden an den Pfeilern\n\
                    gefunden hatten. Die Arbeiten sollen im kommenden Jahr beginnen und etwa\n\
                    zwei Jahre dauern; in dieser Zeit bleibt die Brücke für den Verkehr ganz\n\
                    gesperrt, auch für Radfahrer und Fußgänger, wie die Verwaltung mitteilte.\n";
        assert_eq!(blocks_of(para).len(), 1, "{:?}", blocks_of(para));
    }

    #[test]
    fn numbered_items_wrap_under_their_text_and_a_number_in_a_sentence_is_text() {
        // w3m numbers an ordered list one column in, its lines under the text.
        let dump = "Good morning! This is the tech news you need to know this Tuesday, from the\nstate's investigation into the office company to a change at the top of a phone\ncarrier, a new game after twelve years of waiting, and what the teens want for\nthe holidays this year, according to a survey of thousands of them.\n\n 1. The state attorney general is investigating the company amid the layoffs.\n    It confirmed that it had been contacted by the attorney's office.\n 2. The chief executive is stepping down in May 2020, after nine years at the\n    helm, and will hand the reins to the chief operating officer, who has run\n    the business for years; he stays on as an adviser until the end of it.\n";
        let blocks = blocks_of(dump);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(blocks[2].starts_with("The chief executive") && blocks[2].ends_with("end of it."));
        // A number that opens a line indented like the line above is text.
        let wrapped = "   Friends, volunteers and the police searched the city for the missing\n   girl for hours on end, until a neighbour who had seen the car called\n   911. Police responded and found her in a hotel room a few hours later,\n   safe and well. The man was arrested on the spot and charged the next\n   morning in court, where he pleaded not guilty to every count against\n   him, officials said on Tuesday evening after the hearing had ended.\n";
        assert!(
            blocks_of(wrapped)[0].contains("called 911. Police"),
            "{:?}",
            blocks_of(wrapped)
        );
    }

    #[test]
    fn html2text_block_quotes_are_joined() {
        let dump = "Stadia, Google's streaming platform, launches today. See [the review](https://x.example/r).\n\n\
                    > Stadia is Google's attempt to make cloud gaming happen, and the company has\n\
                    > promised a lot: the ability to play basically any game at up to 4K on your\n\
                    > TV, phone, tablet or laptop, with no lag and on existing internet\n\
                    > infrastructure. And, based on these broad qualifiers, Stadia delivers the\n\
                    > goods, for those who play at home on a fast and steady fibre connection.\n";
        let blocks = blocks_of(dump);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert!(blocks[1].ends_with("fibre connection."));
    }
}
