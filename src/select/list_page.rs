//! Listing and collection pages: the page type's call as evidence when an
//! entry list and an article compete for the page.
//!
//! The page type in (the classifier's call with its certainty, or the
//! caller's forced type); the ratios the entry list must beat the article
//! by out. Structure decides first ([`super::entries`]): a list that
//! outweighs the article by the fitted ratios wins on any page. Those
//! ratios are wary, because an article with a teaser rail or a reference
//! list after it is built the same way. A page called a listing or a
//! collection is not that article: its own text (a category's intro, an
//! archive's description, a buying guide above the grid) is the lesser
//! part, and the list wins as soon as it outweighs it.

use super::entries::{entry_list, Entries, ListRatios, DEFAULT_RATIOS};
use crate::html::dom::{Dom, NodeId};
use crate::html::segment::Block;
use crate::judge::lexicon::Hints;
use crate::judge::score::Verdict;
use crate::model::article::PageType;
use crate::model::page_signals::TypeCall;

/// A listing or collection call at least this sure (the classifier's
/// probability; a forced type has 1) lets the list win as soon as it
/// outweighs the page's own text ([`SURE_RATIOS`]); one at least
/// [`DOUBTFUL_CALL_CERTAINTY`] only lowers the ratio for a list after an
/// intro ([`DOUBTFUL_RATIOS`]). Fitted with 5-fold cross-validation over
/// wcxb-dev page ids, on (leading, trailing) pairs (2, 2), (1, 1), (2, 4),
/// (1, 2), (1.5, 2) and (2, 1) for each tier, sure from 0.4 to 0.8, doubtful
/// from 0.4 to 0.5 or none, scored by word F1 with a penalty on any page
/// type that drops: every fold chose (1, 1) when sure, three at 0.6 and
/// two at 0.7, and four a doubtful tier, three of them (2, 4) (held-out
/// word F1 0.8250 against 0.8239 without the rule; three folds gain, two
/// lose 0.002). One tier alone at 0.4 with (1, 1) scored higher on
/// listings (0.599) but cost products and services called collections by
/// mistake (0.6235 -> 0.6201, 0.7608 -> 0.7598).
const SURE_CALL_CERTAINTY: f32 = 0.6;

/// See [`SURE_CALL_CERTAINTY`].
const DOUBTFUL_CALL_CERTAINTY: f32 = 0.4;

/// On a page surely called a listing or collection, the list wins as soon
/// as it outweighs the page's own text, wherever that text stands.
const SURE_RATIOS: ListRatios = ListRatios {
    leading: 1.0,
    trailing: 1.0,
};

/// On a page called so with some doubt, a list after an intro needs 4
/// times the intro's text, not 16 (an article's related rail outweighs
/// the article more rarely than that).
const DOUBTFUL_RATIOS: ListRatios = ListRatios {
    leading: DEFAULT_RATIOS.leading,
    trailing: 4.0,
};

/// The page's entry list ([`entry_list`]), when it outweighs the article
/// by the ratios of the page's call.
pub(crate) fn entries(
    dom: &Dom,
    blocks: &[Block],
    hints: &[Hints],
    first: &[Verdict],
    region: NodeId,
    call: &TypeCall,
) -> Option<Entries> {
    entry_list(dom, blocks, hints, first, region, ratios(call))
}

/// Teasers of other stories, marked before the region is chosen
/// ([`super::teasers`]); none on a page surely called a listing or
/// collection, whose entries are built like teasers and are its content.
pub(crate) fn teasers(dom: &Dom, blocks: &[Block], call: &TypeCall) -> Vec<bool> {
    let listed = matches!(call.page_type, PageType::Listing | PageType::Collection);
    if listed && call.certainty >= SURE_CALL_CERTAINTY {
        vec![false; blocks.len()]
    } else {
        super::teasers::teaser_blocks(dom, blocks)
    }
}

/// The ratios for a page of this call.
pub(crate) fn ratios(call: &TypeCall) -> ListRatios {
    let listed = matches!(call.page_type, PageType::Listing | PageType::Collection);
    if !listed {
        DEFAULT_RATIOS
    } else if call.certainty >= SURE_CALL_CERTAINTY {
        SURE_RATIOS
    } else if call.certainty >= DOUBTFUL_CALL_CERTAINTY {
        DOUBTFUL_RATIOS
    } else {
        DEFAULT_RATIOS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_or_collection_call_lowers_the_ratios() {
        assert_eq!(
            ratios(&TypeCall::called(PageType::Listing, 0.8)),
            SURE_RATIOS
        );
        assert_eq!(
            ratios(&TypeCall::called(PageType::Collection, 1.0)),
            SURE_RATIOS
        );
        assert_eq!(
            ratios(&TypeCall::called(PageType::Listing, 0.5)),
            DOUBTFUL_RATIOS
        );
    }

    #[test]
    fn a_sure_listing_call_marks_no_teasers() {
        let html = (1..=4)
            .map(|n| {
                format!(
                    r#"<li class="item"><h3><a href="/s/{n}">Council approves the new bridge {n}</a></h3>
                    <p>The vote on Tuesday ends a decade of debate over the crossing.</p></li>"#
                )
            })
            .collect::<String>();
        let dom = crate::html::parse::parse(&format!("<ul>{html}</ul>"), 512);
        let blocks = crate::html::segment::segment(&dom);
        let marked = |call: &TypeCall| teasers(&dom, &blocks, call).iter().any(|&t| t);
        assert!(marked(&TypeCall::called(PageType::Article, 0.9)));
        assert!(!marked(&TypeCall::called(PageType::Listing, 0.9)));
    }

    #[test]
    fn other_calls_and_doubtful_ones_keep_the_fitted_ratios() {
        assert_eq!(
            ratios(&TypeCall::called(PageType::Article, 0.99)),
            DEFAULT_RATIOS
        );
        assert_eq!(
            ratios(&TypeCall::called(PageType::Product, 0.9)),
            DEFAULT_RATIOS
        );
        assert_eq!(
            ratios(&TypeCall::called(PageType::Listing, 0.3)),
            DEFAULT_RATIOS
        );
        assert_eq!(ratios(&TypeCall::unknown()), DEFAULT_RATIOS);
    }
}
