//! Stage 7, assemble: the kept blocks in, the article's body blocks out,
//! with their public kinds (list order, table and row numbers).
//!
//! Drops what repeats the metadata (a heading that is the title) and
//! exact duplicates of an earlier kept block (a standfirst shown twice).

use crate::article::{ArticleBlock, BlockKind};
use crate::dom::{Dom, NodeId, NONE};
use crate::segment::{Block, BlockKind as SegmentKind};
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

/// The body blocks, in page order, and for every block whether it was left
/// out as a repeat.
pub(crate) fn assemble(
    dom: &Dom,
    blocks: &[Block],
    keep: &[bool],
    title: Option<&str>,
) -> (Vec<ArticleBlock>, Vec<Option<Repeat>>) {
    let title_key = title.map(text_key);
    let mut seen = HashSet::new();
    let mut body = Vec::new();
    let mut repeats = vec![None; blocks.len()];
    let mut tables = Tables::default();
    for (i, block) in blocks.iter().enumerate().filter(|&(i, _)| keep[i]) {
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
        body.push(ArticleBlock {
            kind: public_kind(dom, block, &mut tables),
            text: block.text.clone(),
        });
    }
    (body, repeats)
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
    fn keys_ignore_case_and_punctuation_but_not_words() {
        assert_eq!(text_key("Big news!"), text_key("big  news"));
        assert_ne!(text_key("big news"), text_key("bignews"));
        assert_ne!(text_key("big news"), text_key("big news today"));
    }
}
