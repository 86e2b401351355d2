//! Product pages: the rules that hold only where the page is one product of
//! a shop (the classifier's call, or the caller's).
//!
//! In: the tree, the blocks, their hints and verdicts, and the page type.
//! Out: hints and verdicts with what a product page carries besides the
//! product taken out:
//! - customer reviews. A product page's reviews are reader posts under the
//!   product, built by the shop's review widget inside elements named for
//!   it (`product-reviews`, `yotpo-main-widget`, `jdgm-rev`); they read as
//!   prose and often outweigh the description, so they are marked as
//!   comments before the content region is chosen;
//! - repeats. Shops render a panel once per variant or per breakpoint (the
//!   same shipping note, the same feature card three times); a kept block
//!   whose text was already kept is dropped;
//! - machine strings: a block that is one run of forty or more characters
//!   without a space (an image URL in a custom-field table, a list of
//!   variant ids, an URL-encoded caption) is data, not text.

use crate::html::dom::Dom;
use crate::html::segment::Block;
use crate::judge::lexicon::{any_token, HintCategory, Hints};
use crate::judge::score::{Class, Reason, Verdict};
use crate::model::article::PageType;
use crate::model::data::rows;
use crate::model::page_signals::TypeCall;
use html5ever::local_name;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A block of one token at least this long (characters) is a machine
/// string: the longest words of running text (German compounds, chemical
/// names) stay under 40; URLs, ids and encoded strings run longer.
const MACHINE_STRING_CHARS: usize = 40;

/// The review tokens: (prefix?, pattern).
static REVIEW_TOKENS: LazyLock<Vec<(bool, &'static str)>> = LazyLock::new(|| {
    rows("review_tokens.txt", include_str!("data/review_tokens.txt"))
        .map(|row| {
            let [mode, pattern] = row.expect("mode<TAB>pattern");
            match mode {
                "word" => (false, pattern),
                "prefix" => (true, pattern),
                _ => row.fail("mode is word or prefix"),
            }
        })
        .collect()
});

/// The rules hold when the page is called a product page with at least
/// this certainty: a category page of products, called product with less
/// certainty, repeats its cards' spec lines and names its rating widgets
/// like reviews. 5-fold cross-validation over wcxb-dev page ids on a grid
/// of 0, 0.7, 0.9 and 0.95 for each of the two rules: every fold chose 0.9
/// for both (held-out word F1 0.8204, in sample 0.8205; product 0.590 ->
/// 0.614, no other type moves; ungated, product 0.608 and collection
/// 0.584 -> 0.580).
const PRODUCT_CERTAINTY: f32 = 0.9;

/// Whether the page is called a product page, surely enough.
pub(super) fn is_product(page_type: &TypeCall) -> bool {
    page_type.page_type == PageType::Product && page_type.certainty >= PRODUCT_CERTAINTY
}

/// On a product page, `hints` with the review containers marked as
/// comments; `None` elsewhere, or when the page has none.
pub(super) fn review_hints(dom: &Dom, hints: &[Hints], page_type: &TypeCall) -> Option<Vec<Hints>> {
    if !is_product(page_type) {
        return None;
    }
    let mut out: Option<Vec<Hints>> = None;
    for (id, node) in dom.nodes.iter().enumerate() {
        let Some(element) = node.element() else {
            continue;
        };
        let named = [
            local_name!("class"),
            local_name!("id"),
            local_name!("itemprop"),
        ]
        .iter()
        .filter_map(|a| element.attr_named(a))
        .any(names_reviews);
        if named && id < hints.len() {
            let marked = out.get_or_insert_with(|| hints.to_vec());
            marked[id] = marked[id].with(HintCategory::Comment);
        }
    }
    out
}

/// Whether an attribute value has a review token (tokens cut as for the
/// class hints).
fn names_reviews(value: &str) -> bool {
    any_token(value, |token| {
        REVIEW_TOKENS.iter().any(|&(prefix, pattern)| {
            if prefix {
                token.starts_with(pattern)
            } else {
                token == pattern
            }
        })
    })
}

/// On a product page, drop kept blocks that repeat a kept block's text or
/// are one machine string.
pub(super) fn drop_repeats(blocks: &[Block], verdicts: &mut [Verdict], page_type: &TypeCall) {
    if !is_product(page_type) {
        return;
    }
    let mut seen: HashSet<String> = HashSet::new();
    for (block, verdict) in blocks.iter().zip(verdicts.iter_mut()) {
        if verdict.class != Class::Good {
            continue;
        }
        let text = block.text.trim();
        if !text.is_empty()
            && !text.contains(char::is_whitespace)
            && text.chars().count() >= MACHINE_STRING_CHARS
        {
            *verdict = Verdict {
                class: Class::Bad,
                reason: Reason::NotProse,
            };
            continue;
        }
        let key = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !key.is_empty() && !seen.insert(key) {
            *verdict = Verdict {
                class: Class::Bad,
                reason: Reason::Context,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::{parse, prune, segment};
    use crate::judge::{features, lexicon::Lexicon, score};
    use crate::model::options::Balance;

    /// The kept blocks' texts of `html`, selected as a page of this type.
    fn kept(html: &str, page_type: &TypeCall) -> Vec<String> {
        let mut dom = parse::parse(html, 512);
        prune::prune(&mut dom);
        let blocks = segment::segment(&dom);
        let features = features::compute(&dom, &blocks, &Lexicon::new());
        let first = score::score(&blocks, &features.blocks, true, Balance::Balanced);
        let s = super::super::select(
            &dom,
            &blocks,
            &features,
            &first,
            Balance::Balanced,
            page_type,
        );
        blocks
            .iter()
            .zip(&s.keep)
            .filter(|(_, &k)| k)
            .map(|(b, _)| b.text.clone())
            .collect()
    }

    const PAGE: &str = r#"<body><main><div class="product">
        <h1>Speckled stoneware mug</h1>
        <p>A hand-thrown stoneware mug with a speckled glaze, fired twice so that it
        stands up to the dishwasher, and sized for a large flat white or a small soup.</p>
        <p>Each mug is thrown on the wheel in our workshop in the hills, so the glaze and
        the shape of the handle differ a little from one mug to the next one.</p>
        <p>Free returns within thirty days of delivery, for any reason at all.</p>
        <p>Free returns within thirty days of delivery, for any reason at all.</p>
        <p>https://cdn.example.com/images/products/mug-speckled-large-thumbnail-1.jpg</p>
        </div>
        <div class="product-reviews">
        <p>I bought two of these for my sister and she has used them every morning since,
        they keep the coffee warm for a long time and the glaze is even nicer in person.</p>
        <p>The handle is a little small for my hands but the mug itself is lovely and it has
        survived the dishwasher for months now without a single chip or crack on it.</p>
        </div></main></body>"#;

    #[test]
    fn a_product_page_keeps_the_product_without_reviews_repeats_or_urls() {
        let text = kept(PAGE, &TypeCall::called(PageType::Product, 0.95)).join("\n");
        assert!(text.contains("hand-thrown stoneware mug"), "{text}");
        assert_eq!(text.matches("Free returns").count(), 1, "{text}");
        assert!(!text.contains("https://"), "{text}");
        assert!(!text.contains("my sister"), "{text}");
    }

    #[test]
    fn other_pages_and_unsure_calls_are_left_alone() {
        for page_type in [
            TypeCall::called(PageType::Article, 0.99),
            TypeCall::called(PageType::Product, 0.6),
        ] {
            let text = kept(PAGE, &page_type).join("\n");
            assert!(text.contains("my sister"), "{text}");
            assert_eq!(text.matches("Free returns").count(), 2, "{text}");
        }
    }

    #[test]
    fn review_tokens_are_whole_tokens_or_prefixes() {
        assert!(names_reviews("pdp-reviews"));
        assert!(names_reviews("productReviewList"));
        assert!(names_reviews("jdgm-rev-widg"));
        assert!(names_reviews("yotpo-main-widget"));
        assert!(!names_reviews("bundle_contents_preview"));
        assert!(!names_reviews("product-description"));
    }
}
