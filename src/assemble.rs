//! Stage 7, assemble: the kept blocks in, the article's body blocks out.
//!
//! Drops what repeats the metadata (a heading that is the title) and
//! exact duplicates of an earlier kept block (a standfirst shown twice).

use crate::segment::{Block, BlockKind};
use std::collections::HashSet;

/// One block of the finished article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct BodyBlock {
    pub(crate) kind: BlockKind,
    pub(crate) text: String,
}

/// Why a kept block was still left out of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeat {
    /// It repeats the page title (the headline).
    Title,
    /// It repeats an earlier body block.
    Duplicate,
}

/// The body blocks, in page order, and for every block whether it was left
/// out as a repeat.
pub(crate) fn assemble(
    blocks: &[Block],
    keep: &[bool],
    title: Option<&str>,
) -> (Vec<BodyBlock>, Vec<Option<Repeat>>) {
    let title_key = title.map(text_key);
    let mut seen = HashSet::new();
    let mut body = Vec::new();
    let mut repeats = vec![None; blocks.len()];
    for (i, block) in blocks.iter().enumerate().filter(|&(i, _)| keep[i]) {
        let key = text_key(&block.text);
        if title_key == Some(key) {
            repeats[i] = Some(Repeat::Title);
            continue;
        }
        if !seen.insert(key) {
            repeats[i] = Some(Repeat::Duplicate);
            continue;
        }
        body.push(BodyBlock {
            kind: block.kind,
            text: block.text.clone(),
        });
    }
    (body, repeats)
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
