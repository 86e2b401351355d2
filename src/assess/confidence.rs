//! How sure an extraction is: what selection kept and dropped, the region
//! it chose, and the page type's call in, a number in 0..1 out (a logistic
//! model of the page's word F1, fitted with five-fold cross-validation on
//! WCXB's development pages; weights and figures in `weights.rs`).

use super::weights::{CONFIDENCE_WEIGHTS, TYPE_ORDER};
use crate::html::dom::{Dom, NodeId, NONE};
use crate::html::segment::Block;
use crate::judge::lexicon::{HintCategory, Hints};
use crate::judge::score::{Class, Verdict};
use crate::model::page_signals::TypeCall;
use html5ever::local_name;

/// The features, in the order of the weights.
pub(crate) const FEATURES: [&str; 17] = [
    "bias",
    "output_words",
    "kept_share",
    "kept_prose_share",
    "kept_link_density",
    "region_marked",
    "region_prose_share",
    "type_certainty",
    "article",
    "forum",
    "product",
    "collection",
    "listing",
    "documentation",
    "service",
    "structured_body",
    "page_words",
];

// The weights have one entry per feature.
const _: () = assert!(CONFIDENCE_WEIGHTS.len() == FEATURES.len());

/// The feature vector of one extraction.
pub(crate) type Vector = [f32; FEATURES.len()];

/// What extraction saw and did on one page.
pub(crate) struct Outcome<'a> {
    pub(crate) dom: &'a Dom,
    pub(crate) blocks: &'a [Block],
    /// Each block judged alone (before context).
    pub(crate) first: &'a [Verdict],
    pub(crate) keep: &'a [bool],
    pub(crate) node_hints: &'a [Hints],
    pub(crate) region: NodeId,
    /// Words of the text returned.
    pub(crate) output_words: usize,
    /// The body came from the page's structured data (JSON-LD `articleBody`).
    pub(crate) structured_body: bool,
    pub(crate) call: &'a TypeCall,
}

fn share(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// The feature vector of an extraction.
pub(crate) fn vector(o: &Outcome<'_>) -> Vector {
    let (mut words, mut kept, mut kept_links, mut prose, mut kept_prose, mut region_prose) =
        (0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    for (i, block) in o.blocks.iter().enumerate() {
        words += block.words;
        let is_kept = o.keep.get(i).copied().unwrap_or(false);
        if is_kept {
            kept += block.words;
            kept_links += block.link_words;
        }
        if o.first.get(i).is_some_and(|v| v.class == Class::Good) {
            prose += block.words;
            if is_kept {
                kept_prose += block.words;
            }
            if inside(o.dom, block.container, o.region) {
                region_prose += block.words;
            }
        }
    }
    let marked = o.dom.element(o.region).is_some_and(|e| {
        matches!(e.name, local_name!("article") | local_name!("main"))
            || e.attr_named(&local_name!("role")) == Some("main")
    }) || o
        .node_hints
        .get(o.region as usize)
        .is_some_and(|h| h.contains(HintCategory::Content));
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let log_scale = |n: f32, cap: f32| (n.ln_1p() / cap.ln_1p()).min(1.0);
    let mut x = [0.0; FEATURES.len()];
    x[0] = 1.0;
    x[1] = log_scale(o.output_words as f32, 5_000.0);
    x[2] = share(kept, words);
    x[3] = share(kept_prose, prose);
    x[4] = share(kept_links, kept);
    x[5] = flag(marked);
    x[6] = share(region_prose, prose);
    x[7] = o.call.certainty;
    if let Some(t) = TYPE_ORDER.iter().position(|&t| t == o.call.page_type) {
        x[8 + t] = 1.0;
    }
    x[15] = flag(o.structured_body);
    x[16] = log_scale(words as f32, 20_000.0);
    x
}

/// Whether `node` is `root` or inside it.
fn inside(dom: &Dom, mut node: NodeId, root: NodeId) -> bool {
    while node != NONE {
        if node == root {
            return true;
        }
        node = dom.node(node).parent;
    }
    false
}

/// The confidence of an extraction: 0 when nothing was returned, else the
/// logistic model's estimate of its word F1.
pub(crate) fn confidence(x: &Vector, output_words: usize) -> f32 {
    if output_words == 0 {
        return 0.0;
    }
    let z: f32 = CONFIDENCE_WEIGHTS.iter().zip(x).map(|(w, v)| w * v).sum();
    let p = 1.0 / (1.0 + (-z).exp());
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.0
    }
}
