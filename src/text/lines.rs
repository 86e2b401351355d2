//! Text in, [`Block`]s out: the text front end's stand-in for parse and
//! segment.
//!
//! Line ends may be `\n`, `\r\n` or `\r`. A block is one line: scrapers
//! and copy-paste give each element its own line, and a paragraph written
//! as one long line, with or without blank lines between paragraphs, is one
//! line too. The exception is hard-wrapped prose (an e-mail, a text file
//! wrapped at 72 columns): a group of lines between blank lines whose lines
//! all fill the width is joined back into one paragraph.

use crate::html::dom::DOCUMENT;
use crate::html::segment::{Block, BlockKind};

/// Hard-wrapped text is wrapped at 60 to 80 columns (e-mail's 72 and 78,
/// Project Gutenberg's 70, terminals' 80); a group with a longer line was
/// not wrapped by width.
const HARD_WRAP_MAX_COLUMNS: usize = 100;

/// Below this many columns, short lines are not wrapped prose: at 60 to 80
/// columns, a wrapped paragraph's longest line comes within a word or two
/// of the width.
const HARD_WRAP_MIN_COLUMNS: usize = 50;

/// In hard-wrapped text every line but a paragraph's last is filled to
/// near the width; a line shorter than this share of the group's longest
/// line ends a line of its own (a heading, a list item, a signature).
const HARD_WRAP_MIN_FILL: f32 = 0.6;

/// Bullets that mark a line as a list item.
const BULLETS: [&str; 7] = ["- ", "* ", "• ", "· ", "– ", "— ", "▪ "];

/// Split `text` into blocks, in order. Every block's container is the
/// document node of the one-node tree the text front end uses.
pub(crate) fn split(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut blocks = Vec::new();
    let mut group: Vec<String> = Vec::new();
    for raw in text.split('\n').flat_map(|l| l.split('\r')) {
        let line = clean_line(raw);
        if line.is_empty() {
            flush_group(&mut group, &mut blocks);
        } else {
            group.push(line);
        }
    }
    flush_group(&mut group, &mut blocks);
    blocks
}

/// One line with its whitespace collapsed and invisible characters removed.
fn clean_line(raw: &str) -> String {
    let mut line = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        let word: String = word.chars().filter(|&c| !is_invisible(c)).collect();
        if word.is_empty() {
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    line
}

/// Zero-width and formatting characters that render as nothing.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Turn a group of lines between blank lines into blocks.
fn flush_group(group: &mut Vec<String>, blocks: &mut Vec<Block>) {
    if group.is_empty() {
        return;
    }
    if is_hard_wrapped(group) {
        blocks.push(block(group.join(" ")));
    } else {
        blocks.extend(group.drain(..).map(block));
    }
    group.clear();
}

/// Whether a group of lines is one paragraph wrapped at a fixed width.
fn is_hard_wrapped(group: &[String]) -> bool {
    if group.len() < 2 {
        return false;
    }
    let widths: Vec<usize> = group.iter().map(|l| l.chars().count()).collect();
    let longest = widths.iter().copied().max().unwrap_or(0);
    if !(HARD_WRAP_MIN_COLUMNS..=HARD_WRAP_MAX_COLUMNS).contains(&longest) {
        return false;
    }
    let filled = widths[..widths.len() - 1]
        .iter()
        .all(|&w| w as f32 >= HARD_WRAP_MIN_FILL * longest as f32);
    // Lines that each end a sentence, or each start with a bullet, are
    // lines of their own, not one wrapped paragraph.
    let some_line_runs_on = group[..group.len() - 1]
        .iter()
        .any(|l| !super::patterns::ends_like_sentence(l));
    let no_list = group.iter().all(|l| list_marker(l).is_none());
    filled && some_line_runs_on && no_list
}

/// The bullet or number that starts a list item ("- ", "• ", "3. ", "2) ").
fn list_marker(line: &str) -> Option<usize> {
    if let Some(bullet) = BULLETS.iter().find(|b| line.starts_with(*b)) {
        return Some(bullet.len());
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0 && digits <= 2 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then_some(digits + 2)
}

/// A block of one line or paragraph, with the counts the features need.
fn block(text: String) -> Block {
    let kind = if list_marker(&text).is_some() {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    };
    let words = text.split_whitespace().count();
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    Block {
        text,
        kind,
        container: DOCUMENT,
        words: u32::try_from(words).unwrap_or(u32::MAX),
        link_words: 0,
        chars: u32::try_from(chars).unwrap_or(u32::MAX),
        spans: Vec::new(),
        images: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        split(text).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn every_line_is_a_block_whatever_the_line_ends() {
        assert_eq!(
            texts("one\ntwo\r\nthree\rfour"),
            ["one", "two", "three", "four"]
        );
        assert_eq!(
            texts("one\n\n\r\n  \ntwo  words\t here"),
            ["one", "two words here"]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let wrapped = "The council met on Tuesday to discuss the plan for new\n\
                       cycle lanes, which residents had asked for since the\n\
                       spring.\n\nA second paragraph.";
        assert_eq!(
            texts(wrapped),
            [
                "The council met on Tuesday to discuss the plan for new cycle lanes, \
                 which residents had asked for since the spring.",
                "A second paragraph."
            ]
        );
    }

    #[test]
    fn short_lines_and_lists_are_not_joined() {
        assert_eq!(
            texts("Headline of the day\nBy Jane Doe"),
            ["Headline of the day", "By Jane Doe"]
        );
        let list =
            "- 200 g flour of the finest sort you can find\n- 2 eggs from happy hens in the yard";
        assert_eq!(split(list).len(), 2);
        assert_eq!(split(list)[0].kind, BlockKind::ListItem);
    }

    #[test]
    fn counts_words_and_characters() {
        let b = &split("\u{feff}Two  words\u{200b}")[0];
        assert_eq!((b.words, b.chars, b.link_words), (2, 8, 0));
    }
}
