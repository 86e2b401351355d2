//! The neighbour rules of selection, once the region has spoken: a short
//! heading before content is near-good, short blocks take their
//! neighbours' class, near-good blocks next to good ones are good (the
//! context rules of jusText). In: blocks and their verdicts; out: the
//! verdicts settled.

use crate::html::segment::{Block, BlockKind};
use crate::judge::score::{Class, Reason, Verdict};
use crate::model::options::Balance;

/// Characters of following text within which a short heading counts as the
/// heading of good content. jusText's MAX_HEADING_DISTANCE default.
const MAX_HEADING_DISTANCE: u32 = 200;

/// A short heading shortly followed by good or near-good text is near-good.
pub(super) fn promote_headings(blocks: &[Block], verdicts: &mut [Verdict]) {
    for i in 0..blocks.len() {
        if !matches!(blocks[i].kind, BlockKind::Heading(_)) || verdicts[i].class != Class::Short {
            continue;
        }
        let mut distance = 0;
        for j in i + 1..blocks.len() {
            if matches!(verdicts[j].class, Class::Good | Class::NearGood) {
                verdicts[i].class = Class::NearGood;
                break;
            }
            distance += blocks[j].chars;
            if distance > MAX_HEADING_DISTANCE {
                break;
            }
        }
    }
}

/// The nearest class on each side of `i` that is not in `skip`; the page
/// edges count as bad.
fn neighbours(classes: &[Class], i: usize, skip: &[Class]) -> (Class, Class) {
    let before = classes[..i]
        .iter()
        .rev()
        .find(|c| !skip.contains(c))
        .copied()
        .unwrap_or(Class::Bad);
    let after = classes[i + 1..]
        .iter()
        .find(|c| !skip.contains(c))
        .copied()
        .unwrap_or(Class::Bad);
    (before, after)
}

/// Short blocks: good between good, bad between bad, near-good otherwise.
/// With [`Balance::Precision`], short blocks between good and bad are bad.
pub(super) fn smooth_short(verdicts: &mut [Verdict], balance: Balance) {
    let classes: Vec<Class> = verdicts.iter().map(|v| v.class).collect();
    for (i, verdict) in verdicts.iter_mut().enumerate() {
        if verdict.class != Class::Short {
            continue;
        }
        verdict.class = match neighbours(&classes, i, &[Class::Short, Class::NearGood]) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            _ if balance == Balance::Precision => Class::Bad,
            _ => Class::NearGood,
        };
        verdict.reason = Reason::Context;
    }
}

/// Near-good blocks: good when next to good on either side, else bad.
pub(super) fn settle_near_good(verdicts: &mut [Verdict]) {
    let classes: Vec<Class> = verdicts.iter().map(|v| v.class).collect();
    for (i, verdict) in verdicts.iter_mut().enumerate() {
        if verdict.class != Class::NearGood {
            continue;
        }
        let (before, after) = neighbours(&classes, i, &[Class::NearGood, Class::Short]);
        verdict.class = if before == Class::Good || after == Class::Good {
            Class::Good
        } else {
            Class::Bad
        };
    }
}

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
