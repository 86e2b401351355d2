//! Stage 5, score: one [`Features`] record per block in, a first [`Verdict`]
//! per block out.
//!
//! This is the hot loop. Each block is judged on its own text, by named
//! features and thresholds, in the manner of jusText (Pomikálek, "Removing Boilerplate
//! and Duplicate Content from Web Corpora", 2011): link-heavy and cruft blocks
//! are bad; long blocks dense with stop words are
//! good; short ones are left for [`select`](crate::select) to settle from
//! their neighbours.

use crate::html::segment::{Block, BlockKind};
use crate::judge::features::Features;
use crate::judge::lexicon::{CruftKind, HintCategory};
use crate::judge::thresholds::{max_link_density, LENGTH_HIGH, LENGTH_LOW};
use crate::model::options::Balance;

/// Stop-word density at or above which a long block reads as prose.
/// jusText uses 0.32 with its larger lists; with ours, long link-free
/// blocks at 0.20-0.30 are still three-quarters article text (measured on
/// the scrapinghub set: 3,553 article words against 1,046 others).
pub(crate) const STOPWORDS_HIGH: f32 = 0.20;
/// With [`Balance::Precision`], medium blocks (under LENGTH_HIGH) need this
/// much to be near-good: at 0.20-0.30 they are half article, half
/// boilerplate on scrapinghub. By default medium blocks are near-good
/// whatever their stop words, and the content region and class hints sort
/// them: that measured better on both sets (scrapinghub F1 0.9458 -> 0.9537,
/// trafilatura-eval 0.9017 -> 0.9073).
pub(crate) const STOPWORDS_MEDIUM: f32 = 0.20;
/// The first judgement on a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Class {
    /// Reads as article prose.
    Good,
    /// Could be prose; settled by neighbours.
    NearGood,
    /// Too short to judge alone; settled by neighbours.
    Short,
    /// Boilerplate.
    Bad,
}

/// Why a block got its class: the deciding feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    /// Too many of its words are links.
    LinkDense,
    /// It is (or contains) a boilerplate phrase.
    Cruft(CruftKind),
    /// An element between the block and the content region's root has a
    /// class/id/role that marks boilerplate.
    Hint(HintCategory),
    /// The block lies outside the content region.
    OutsideRegion,
    /// Settled by the classes of its neighbours.
    Context,
    /// Stop-word density too low for prose.
    NotProse,
    /// Long, and dense with stop words.
    Prose,
    /// Somewhat prose-like.
    MaybeProse,
    /// Under [`LENGTH_LOW`] characters.
    Short,
}

/// A block's class and the reason for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Verdict {
    pub(crate) class: Class,
    pub(crate) reason: Reason,
}

/// Judge every block on its own. `has_stopwords` is false for pages in a
/// language without a stop-word list, where density cannot be used.
///
/// With [`Balance::Precision`], medium blocks need [`STOPWORDS_MEDIUM`]; with
/// [`Balance::Recall`], link-density limits rise by [`RECALL_LINK_DENSITY_SLACK`](crate::judge::thresholds::RECALL_LINK_DENSITY_SLACK).
pub(crate) fn score(
    blocks: &[Block],
    features: &[Features],
    has_stopwords: bool,
    balance: Balance,
) -> Vec<Verdict> {
    blocks
        .iter()
        .zip(features)
        .map(|(block, f)| judge(block, f, has_stopwords, balance))
        .collect()
}

fn judge(block: &Block, f: &Features, has_stopwords: bool, balance: Balance) -> Verdict {
    let verdict = |class, reason| Verdict { class, reason };
    if f.link_density > max_link_density(f.length, balance) {
        return verdict(Class::Bad, Reason::LinkDense);
    }
    if let Some(kind) = f.cruft {
        return verdict(Class::Bad, Reason::Cruft(kind));
    }
    let chars = f.length;
    if chars < LENGTH_LOW {
        return verdict(Class::Short, Reason::Short);
    }
    let prose_density = if has_stopwords {
        f.stopword_density
    } else {
        // No list for this language: sentence punctuation stands in.
        if f.sentence_ends > 0 || f.commas > 0 {
            STOPWORDS_HIGH
        } else {
            0.0
        }
    };
    if matches!(block.kind, BlockKind::Heading(_)) {
        return verdict(Class::Short, Reason::Short);
    }
    if chars >= LENGTH_HIGH {
        // Long blocks without many stop words (lists of names, prices,
        // ingredients) are left to their context: inside the region they
        // are mostly article (measured: both sets' F1 rose on this rule).
        if prose_density >= STOPWORDS_HIGH {
            verdict(Class::Good, Reason::Prose)
        } else {
            verdict(Class::NearGood, Reason::MaybeProse)
        }
    } else if balance != Balance::Precision || prose_density >= STOPWORDS_MEDIUM {
        verdict(Class::NearGood, Reason::MaybeProse)
    } else {
        verdict(Class::Bad, Reason::NotProse)
    }
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
