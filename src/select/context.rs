//! The neighbour rules of selection, once the region has spoken: a short
//! heading before content is near-good, short blocks take their
//! neighbours' class, near-good blocks next to good ones are good (the
//! context rules of jusText). In: blocks and their verdicts; out: the
//! verdicts settled.

use super::entries::Entries;
use crate::html::segment::{Block, BlockKind};
use crate::judge::features::PageFeatures;
use crate::judge::lexicon::HintCategory;
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

/// The neighbour rules, once the region has spoken: captions, near-good
/// text, trailing fragments, text lists, headings, short blocks; and when
/// nothing is good, what the region did not condemn.
pub(super) fn settle_in_context(
    blocks: &[Block],
    features: &PageFeatures,
    first: &[Verdict],
    entries: Option<&Entries>,
    verdicts: &mut [Verdict],
    balance: Balance,
) {
    keep_gallery_captions(blocks, first, verdicts);
    // Inside the region (everything outside is bad by now), near-good text
    // is article text: the region was chosen as the subtree where such text
    // outweighs boilerplate, and articles of short paragraphs have no block
    // good enough alone to anchor jusText's neighbour rule.
    // With Balance::Precision, jusText's own rule stands: near-good needs
    // a good neighbour (settled below).
    if balance != Balance::Precision {
        for v in verdicts.iter_mut().filter(|v| v.class == Class::NearGood) {
            v.class = Class::Good;
        }
    }
    if balance == Balance::Precision {
        drop_trailing_fragments(features, first, verdicts);
    }
    keep_text_lists(features, verdicts);
    if let Some(list) = entries {
        list.keep(verdicts);
    }
    let before_context = verdicts.to_vec();
    promote_headings(blocks, verdicts);
    smooth_short(verdicts, balance);
    settle_near_good(verdicts);
    if !verdicts.iter().any(|v| v.class == Class::Good) {
        // Still nothing (a page of one short paragraph): keep whatever in
        // the region was not judged boilerplate, rather than return nothing.
        for (v, b) in verdicts.iter_mut().zip(&before_context) {
            if matches!(b.class, Class::Short | Class::NearGood) {
                *v = *b;
                v.class = Class::Good;
            }
        }
    }
}

/// After the last block that is good on its own, short lines that do not
/// end like a sentence are sign-offs, sources, credits and prompts
/// ("Quelle: dpa", "Alle Angaben ohne Gewähr", "03.04.2020").
fn drop_trailing_fragments(features: &PageFeatures, first: &[Verdict], verdicts: &mut [Verdict]) {
    let Some(last_good) = first.iter().rposition(|v| v.class == Class::Good) else {
        return;
    };
    let tail = verdicts
        .iter_mut()
        .zip(&features.blocks)
        .skip(last_good + 1);
    for (verdict, f) in tail {
        if verdict.class == Class::Short && !f.ends_with_punctuation {
            *verdict = Verdict {
                class: Class::Bad,
                reason: Reason::Short,
            };
        }
    }
}

/// A run of at least this many short blocks is a list of its own. Measured
/// here: 3 and 4 score the same on scrapinghub, 4 is a hair better on
/// trafilatura-eval and safer against stray bylines and datelines.
const MIN_TEXT_LIST_RUN: usize = 4;

/// Inside the region, a run of short blocks without links (ingredients,
/// specifications, steps, a list of jokes) is a text list, content in its
/// own right: menus are link lists, and were judged bad already.
fn keep_text_lists(features: &PageFeatures, verdicts: &mut [Verdict]) {
    let mut i = 0;
    while i < verdicts.len() {
        let run = verdicts[i..]
            .iter()
            .zip(&features.blocks[i..])
            .take_while(|(v, f)| v.class == Class::Short && f.link_density == 0.0)
            .count();
        if run >= MIN_TEXT_LIST_RUN {
            for v in &mut verdicts[i..i + run] {
                v.class = Class::Good;
            }
        }
        i += run.max(1);
    }
}

/// On a gallery or slideshow page the captions are the article: when the
/// prose condemned as captions outweighs all other kept prose, it is kept.
fn keep_gallery_captions(blocks: &[Block], first: &[Verdict], verdicts: &mut [Verdict]) {
    let prose = |v: &Verdict| matches!(v.class, Class::Good | Class::NearGood);
    let mut caption_chars = 0;
    let mut kept_chars = 0;
    for ((block, before), after) in blocks.iter().zip(first).zip(verdicts.iter()) {
        if after.reason == Reason::Hint(HintCategory::Caption) && prose(before) {
            caption_chars += block.chars;
        } else if prose(after) {
            kept_chars += block.chars;
        }
    }
    if caption_chars <= kept_chars {
        return;
    }
    for (before, after) in first.iter().zip(verdicts.iter_mut()) {
        if after.reason == Reason::Hint(HintCategory::Caption) && prose(before) {
            *after = *before;
        }
    }
}
