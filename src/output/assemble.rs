//! Stage 7, assemble: the kept blocks in, the article's body blocks out,
//! with their public kinds (list order, table and row numbers).
//!
//! Drops what repeats the metadata (a heading that is the title) and
//! exact duplicates of an earlier kept block (a standfirst shown twice).

use crate::html::dom::{Dom, NodeId, DOCUMENT, NONE};
use crate::html::segment::{Block, BlockKind as SegmentKind};
use crate::model::article::{ArticleBlock, BlockKind};
use crate::output::marks::{self, Resolver};
use std::collections::HashSet;

/// Why a kept block was still left out of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeat {
    /// It repeats the page title (the headline).
    Title,
    /// It repeats an earlier body block.
    Duplicate,
}

/// Blocks shorter than this (words) may repeat: list items and labels
/// ("1 cup rice", "Serves 4") recur in real articles, where a repeated
/// paragraph is a copy (a mobile and a desktop version, a pull quote).
const MIN_DUPLICATE_WORDS: u32 = 30;

/// The structured-data body replaces the extracted one only when it has at
/// least this many words ...
const STRUCTURED_BODY_MIN_WORDS: usize = 100;

/// ... and this many times the extracted words: the page shows a stub (a
/// teaser above a "read the full article" button, a shell that scripts
/// fill) of an article its JSON-LD holds whole. Measured: the largest ratio
/// on a page whose extraction was right is 2.3 (both evaluation sets); 3
/// leaves those alone.
const STRUCTURED_BODY_MIN_RATIO: usize = 3;

/// The body from structured data (JSON-LD `articleBody`), one paragraph a
/// line, when it is far longer than what was extracted from the page.
/// Bodies holding markup are left alone: their text would need a parser of
/// its own.
pub(crate) fn structured_body(body: &str, extracted: &[ArticleBlock]) -> Option<Vec<ArticleBlock>> {
    let body_words = body.split_whitespace().count();
    let extracted_words: usize = extracted
        .iter()
        .map(|b| b.text.split_whitespace().count())
        .sum();
    let has_markup = body
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'));
    if body_words < STRUCTURED_BODY_MIN_WORDS
        || body_words < STRUCTURED_BODY_MIN_RATIO * extracted_words
        || has_markup
    {
        return None;
    }
    Some(
        body.lines()
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|line| !line.is_empty())
            .map(|line| ArticleBlock::new(BlockKind::Paragraph, line))
            .collect(),
    )
}

/// What the body holds beyond text: links, images, tables.
pub(crate) struct Shape<'a> {
    /// Resolves link targets; `None` leaves links out.
    pub(crate) links: Option<&'a Resolver>,
    /// Resolves image sources; `None` leaves images out.
    pub(crate) images: Option<&'a Resolver>,
    pub(crate) tables: bool,
    /// The content region: images outside it are never the article's.
    pub(crate) region: NodeId,
}

impl Shape<'_> {
    /// Text, emphasis and tables only.
    pub(crate) const PLAIN: Shape<'static> = Shape {
        links: None,
        images: None,
        tables: true,
        region: DOCUMENT,
    };
}

/// The body blocks, in page order, and for every block whether it was left
/// out as a repeat.
pub(crate) fn assemble(
    dom: &Dom,
    blocks: &[Block],
    keep: &[bool],
    title: Option<&str>,
    shape: &Shape,
) -> (Vec<ArticleBlock>, Vec<Option<Repeat>>) {
    let title_key = title.map(text_key);
    let mut seen = HashSet::new();
    let mut body = Vec::new();
    let mut repeats = vec![None; blocks.len()];
    let mut tables = Tables::default();
    let kept = |j: usize| keep.get(j).copied().unwrap_or(false);
    for (i, block) in blocks.iter().enumerate() {
        // Images met before a kept block, or right after one.
        if let Some(resolver) = shape.images {
            if kept(i) || (i > 0 && kept(i - 1)) {
                images(dom, block, shape.region, resolver, &mut body);
            }
        }
        if !kept(i) || (!shape.tables && block.kind == SegmentKind::TableCell) {
            continue;
        }
        let key = text_key(&block.text);
        // Table cells repeat ("Yes", "2023") and are never the headline.
        if block.kind != SegmentKind::TableCell {
            if title_key == Some(key) {
                repeats[i] = Some(Repeat::Title);
                continue;
            }
            if block.words >= MIN_DUPLICATE_WORDS && !seen.insert(key) {
                repeats[i] = Some(Repeat::Duplicate);
                continue;
            }
        }
        let kind = public_kind(dom, block, &mut tables);
        let spans = match kind {
            BlockKind::Code => Vec::new(),
            _ => marks::spans(dom, block, shape.links),
        };
        body.push(ArticleBlock {
            kind,
            text: block.text.clone(),
            spans,
            url: None,
        });
    }
    (body, repeats)
}

/// The images before `block` that lie in the content region, as blocks.
fn images(
    dom: &Dom,
    block: &Block,
    region: NodeId,
    resolver: &Resolver,
    body: &mut Vec<ArticleBlock>,
) {
    for &node in &block.images {
        if !marks::inside(dom, node, region) {
            continue;
        }
        if let Some((url, alt)) = marks::image(dom, node, resolver) {
            let mut image = ArticleBlock::new(BlockKind::Image, alt);
            image.url = Some(url);
            body.push(image);
        }
    }
}

/// Numbers the article's tables and their rows as cells come by.
#[derive(Default)]
struct Tables {
    /// (table element, its number), (row element, its number) of the last cell.
    last_table: Option<(NodeId, u32)>,
    last_row: Option<(NodeId, u32)>,
    count: u32,
}

fn public_kind(dom: &Dom, block: &Block, tables: &mut Tables) -> BlockKind {
    match block.kind {
        SegmentKind::Paragraph | SegmentKind::Text => BlockKind::Paragraph,
        SegmentKind::Heading(level) => BlockKind::Heading { level },
        SegmentKind::ListItem => {
            let parent = dom.node(block.container).parent;
            let ordered = dom.element(parent).is_some_and(|e| &*e.name == "ol");
            BlockKind::ListItem { ordered }
        }
        SegmentKind::Quote => BlockKind::Quote,
        SegmentKind::Preformatted => BlockKind::Code,
        SegmentKind::Caption => BlockKind::Caption,
        SegmentKind::TableCell => {
            let header = dom
                .element(block.container)
                .is_some_and(|e| &*e.name == "th");
            let row_node = dom.node(block.container).parent;
            let table_node = ancestor_named(dom, row_node, "table");
            let table = match tables.last_table {
                Some((node, number)) if node == table_node => number,
                _ => {
                    tables.count += 1;
                    tables.last_row = None;
                    tables.last_table = Some((table_node, tables.count - 1));
                    tables.count - 1
                }
            };
            let row = match tables.last_row {
                Some((node, number)) if node == row_node => number,
                Some((_, number)) => number + 1,
                None => 0,
            };
            tables.last_row = Some((row_node, row));
            BlockKind::TableCell { table, row, header }
        }
    }
}

/// The nearest ancestor-or-self of `id` named `name`, or `id` itself.
fn ancestor_named(dom: &Dom, id: NodeId, name: &str) -> NodeId {
    let mut cur = id;
    while cur != NONE {
        if dom.element(cur).is_some_and(|e| &*e.name == name) {
            return cur;
        }
        cur = dom.node(cur).parent;
    }
    id
}

/// A 64-bit key of a text's words, for finding repeats without building
/// normalised copies: "Big news!" and "big  news" share a key. Words are
/// runs of letters and digits (any non-ASCII byte counts as one); ASCII case
/// is folded. (FNV-1a; a collision would only drop a block that hashes like
/// an earlier one, at odds of one in 2^64 per pair.)
fn text_key(text: &str) -> u64 {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            if !in_word && hash != FNV_OFFSET {
                hash = (hash ^ u64::from(b' ')).wrapping_mul(FNV_PRIME);
            }
            in_word = true;
            hash = (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        } else {
            in_word = false;
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_body_replaces_only_a_stub() {
        let sentence = "The council agreed on Monday to publish its findings next month. ";
        let body = format!("{}\n\n{}", sentence.repeat(10), sentence.repeat(10));
        let stub = [ArticleBlock::new(BlockKind::Paragraph, sentence.trim())];
        let blocks = structured_body(&body, &stub).expect("a stub is replaced");
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].text.starts_with("The council") && !blocks[0].text.ends_with(' '));
        // An extraction of about the body's length stays.
        let whole = [ArticleBlock::new(BlockKind::Paragraph, sentence.repeat(8))];
        assert!(structured_body(&body, &whole).is_none());
        // A short body, or one holding markup, is not used.
        assert!(structured_body(&sentence.repeat(3), &[]).is_none());
        assert!(structured_body(&format!("<p>{body}</p>"), &stub).is_none());
    }

    #[test]
    fn keys_ignore_case_and_punctuation_but_not_words() {
        assert_eq!(text_key("Big news!"), text_key("big  news"));
        assert_ne!(text_key("big news"), text_key("bignews"));
        assert_ne!(text_key("big news"), text_key("big news today"));
    }
}
