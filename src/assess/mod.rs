//! Assess: what kind of page this is and how sure the extraction is.
//!
//! In: what the page declares about its type (`metadata`'s [`Declared`]),
//! its URL, the pruned tree and its blocks, and, for confidence, what
//! selection kept. Out: a [`TypeCall`] (type, probability, reasons) and a
//! confidence in 0..1. Both are small linear models over features that are
//! counted from data the pipeline already has (one pass over the node
//! vector, one over the blocks); their weights are fitted with
//! cross-validation (`scripts/fit_assess.rs`, see `weights.rs`).
//!
//! The layer sits above `metadata` (whose declared types it reads) and
//! below the `extractor`, which calls it.

pub(crate) mod confidence;
pub(crate) mod page_type;
mod structure;
pub(crate) mod url;
mod weights;

use crate::html::dom::Dom;
use crate::html::segment::Block;
use crate::model::article::PageType;
use crate::model::page_signals::{Declared, TypeCall};

/// The classifier's word lists, loaded once per extractor.
#[derive(Debug, Clone)]
pub(crate) struct Assessor {
    segments: url::SegmentWords,
}

impl Assessor {
    /// Load the word lists (`data/`).
    pub(crate) fn load() -> Assessor {
        Assessor {
            segments: url::SegmentWords::load(),
        }
    }

    /// The page type of a page from `url` (the fetched URL, else the
    /// canonical one), what it declares, its tree and its blocks; `forced`
    /// (the caller's choice) wins. Also returns the feature vector.
    pub(crate) fn page_type(
        &self,
        url: Option<&str>,
        declared: &Declared,
        dom: &Dom,
        blocks: &[Block],
        forced: Option<PageType>,
    ) -> (TypeCall, page_type::Vector) {
        let shape = url::shape(url, &self.segments);
        let counts = structure::count(dom, blocks);
        let x = page_type::vector(declared, &shape, &counts);
        let call = match forced {
            Some(page_type) => TypeCall {
                page_type,
                certainty: 1.0,
                reasons: vec!["forced by the caller".into()],
            },
            None => {
                let nothing = counts.words == 0
                    && url.is_none()
                    && declared.schema_types.is_empty()
                    && declared.og_type.is_none();
                page_type::decide(&x, nothing)
            }
        };
        (call, x)
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod assess_tests;
