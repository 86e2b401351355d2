//! Stage 7, assemble: the kept blocks in, the article's body blocks out.
//!
//! Drops what repeats the metadata (a heading that is the title) and
//! exact duplicates of an earlier kept block (a standfirst shown twice).

use crate::segment::{Block, BlockKind};

/// One block of the finished article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct BodyBlock {
    pub(crate) kind: BlockKind,
    pub(crate) text: String,
}

/// The body blocks, in page order.
pub(crate) fn assemble(blocks: &[Block], keep: &[bool], title: Option<&str>) -> Vec<BodyBlock> {
    let title_key = title.map(normalise);
    let mut seen = std::collections::HashSet::new();
    let mut body = Vec::new();
    for (block, _) in blocks.iter().zip(keep).filter(|(_, &k)| k) {
        let key = normalise(&block.text);
        if title_key.as_deref() == Some(key.as_str()) {
            continue;
        }
        if !seen.insert(key) {
            continue;
        }
        body.push(BodyBlock {
            kind: block.kind,
            text: block.text.clone(),
        });
    }
    body
}

/// Lower-cased alphanumeric words, for comparing texts.
fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
