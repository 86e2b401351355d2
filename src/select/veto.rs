//! Hints outvoted by the text they would condemn: the hints of each block on
//! the way up to the region's root in, the hint categories that may not
//! condemn on this page out.
//!
//! A class keyword names what an element usually is, and boilerplate is by
//! nature the lesser part of a page. When the elements marked with one
//! category together hold most of the region's good text, the keyword
//! describes the page's layout, not boilerplate: a documentation page cut
//! into `toc-section`s, a CMS whose every module is a `widget`, a component
//! library prefixing every class with `cmp-`. The single-element form of
//! this rule (an element holding half the region's good text is a wrapper)
//! is in [`HintPath`](super::HintPath); this one catches the same wrapper
//! split into many sections. Smaller marked elements of other categories
//! still condemn what they hold.

use super::region::NEAR_GOOD_TEXT_WEIGHT;
use crate::html::segment::Block;
use crate::judge::lexicon::{HintCategory, Hints};
use crate::judge::score::{Class, Verdict};

/// The share of the region's good text that blocks condemned through one
/// category must reach for that category to be outvoted. Fitted with
/// [`OUTVOTED_MIN_CHARS`] by 5-fold cross-validation over wcxb-dev page ids
/// among the pairs that hold scrapinghub and trafilatura-eval (shares 0.3
/// to 0.7, minimums 500 to 1000 characters): every fold chose 0.4 and 500
/// (held-out word F1 0.8111, in-sample the same).
const OUTVOTED_SHARE: f32 = 0.4;

/// ... and the good text they must hold at least (characters, about 80
/// words). Without it a short article lost to a sidebar of several widgets
/// that outweighed it (scrapinghub 0.9761 -> 0.9734 at no minimum).
const OUTVOTED_MIN_CHARS: f32 = 500.0;

/// Categories that can be outvoted. Comment threads, related-story lists
/// and footers are prose about other things that can outweigh a short
/// article and stay what they are. (Measured: outvoting footers lost 35
/// wcxb-dev pages whose region reached into a long footer, and related
/// lists cost scrapinghub 0.9761 -> 0.9744 on a page with a story ticker.)
fn can_be_outvoted(category: HintCategory) -> bool {
    !matches!(
        category,
        HintCategory::Comment | HintCategory::Footer | HintCategory::Related
    )
}

/// The categories, among `condemning`, whose marked elements hold at least
/// [`OUTVOTED_SHARE`] of the good text of the blocks inside the region.
/// `paths[i]` is the hints between block `i` and the region's root, `None`
/// for blocks outside the region; `seen` turns a block's hints into those
/// that judge it (good prose is not condemned by some categories).
pub(super) fn outvoted(
    blocks: &[Block],
    first: &[Verdict],
    paths: &[Option<Hints>],
    condemning: &[HintCategory],
    seen: impl Fn(Hints) -> Hints,
) -> Vec<HintCategory> {
    let mut total = 0.0f32;
    let mut marked = vec![0.0f32; condemning.len()];
    for ((block, verdict), path) in blocks.iter().zip(first).zip(paths) {
        let Some(hints) = path else {
            continue;
        };
        let weight = match verdict.class {
            Class::Good => block.chars as f32,
            Class::NearGood => block.chars as f32 * NEAR_GOOD_TEXT_WEIGHT,
            _ => continue,
        };
        if hints.contains(HintCategory::Comment) {
            // Comments do not count towards the article's text.
            continue;
        }
        total += weight;
        let hints = seen(*hints);
        if hints.is_empty() {
            continue;
        }
        for (sum, &category) in marked.iter_mut().zip(condemning) {
            if hints.contains(category) {
                *sum += weight;
            }
        }
    }
    condemning
        .iter()
        .zip(&marked)
        .filter(|&(&category, &sum)| {
            can_be_outvoted(category) && sum >= OUTVOTED_MIN_CHARS && sum >= OUTVOTED_SHARE * total
        })
        .map(|(&category, _)| category)
        .collect()
}
