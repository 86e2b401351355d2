//! The HTML stage sequence, written once: parse (with the node limit),
//! metadata from the whole tree, then [`Extractor::prepare_parsed`] (prune,
//! segment, features) and [`Extractor::judge`] (score, select). Extraction,
//! explanation and the benchmarks' hooks all run these two.

use super::{Admitted, Extractor};
use crate::assess::page_type;
use crate::html::dom::Dom;
use crate::html::{parse, prune, segment};
use crate::judge::{features, score};
use crate::metadata;
use crate::model::error::{Error, Limit};
use crate::model::page_signals::TypeCall;
use crate::output::marks;
use crate::select;

/// A page taken up to the scoring loop: pruned, segmented, with features.
pub struct Prepared {
    pub(super) dom: Dom,
    pub(super) blocks: Vec<segment::Block>,
    pub(super) features: features::PageFeatures,
}

#[cfg(feature = "internals")]
impl Prepared {
    /// How many text blocks the page has.
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }
}

/// Everything the stages found out about one page.
pub(super) struct Analysis {
    pub(super) page: Prepared,
    pub(super) meta: metadata::Metadata,
    /// The head's `<base href>`, read before pruning removed the head.
    pub(super) base_href: Option<String>,
    pub(super) verdicts: Vec<score::Verdict>,
    pub(super) selection: select::Selection,
    /// The page type (forced, or the classifier's) and why.
    pub(super) call: TypeCall,
    /// The classifier's features.
    #[cfg_attr(not(feature = "internals"), allow(dead_code))]
    pub(super) type_features: page_type::Vector,
}

impl Extractor {
    /// Run every stage up to selection on an admitted page.
    pub(super) fn analyse(&self, page: &Admitted<'_>) -> Result<Analysis, Error> {
        let max_nodes = self.options.max_dom_nodes;
        let (dom, over) = parse::parse_page(&page.text, self.options.max_depth, max_nodes);
        if over {
            return Err(Error::LimitExceeded {
                limit: Limit::MaxDomNodes,
                value: max_nodes,
            });
        }
        let meta = metadata::read(&dom, &self.vocab, page.url, page.reference);
        let base_href = marks::base_href(&dom);
        let prepared = self.prepare_parsed(dom);
        // The type is decided before selection, which may read it. Its URL
        // is the one the page was fetched from, else its canonical one.
        let (call, type_features) = self.assessor.page_type(
            page.url.or(meta.canonical_url.as_deref()),
            &meta.declared,
            &prepared.dom,
            &prepared.blocks,
            self.options.page_type,
        );
        let (verdicts, selection) = self.judge(&prepared, &call);
        Ok(Analysis {
            page: prepared,
            meta,
            base_href,
            verdicts,
            selection,
            call,
            type_features,
        })
    }

    /// Prune, segment and compute features on a parsed page.
    fn prepare_parsed(&self, mut dom: Dom) -> Prepared {
        prune::prune(&mut dom);
        let blocks = segment::segment(&dom);
        let features = features::compute(&dom, &blocks, &self.lexicon);
        Prepared {
            dom,
            blocks,
            features,
        }
    }

    /// Score every block, then select the article's.
    fn judge(&self, page: &Prepared, call: &TypeCall) -> (Vec<score::Verdict>, select::Selection) {
        let balance = self.options.balance;
        let verdicts = score::score(
            &page.blocks,
            &page.features.blocks,
            page.features.language.is_some(),
            balance,
        );
        let selection = select::select(
            &page.dom,
            &page.blocks,
            &page.features,
            &verdicts,
            balance,
            call,
        );
        (verdicts, selection)
    }

    /// Parse (no node limit), prune, segment and compute features:
    /// everything before the scoring loop, so benchmarks can time that loop
    /// alone (the `internals` feature).
    #[cfg(feature = "internals")]
    pub fn prepare(&self, html: &str) -> Prepared {
        let (dom, _) = parse::parse_page(html, self.options.max_depth, usize::MAX);
        self.prepare_parsed(dom)
    }

    /// The scoring loop alone (score and select) on a prepared page;
    /// returns how many blocks were kept (the `internals` feature).
    #[cfg(feature = "internals")]
    pub fn score_prepared(&self, page: &Prepared) -> usize {
        let (_, selection) = self.judge(page, &TypeCall::unknown());
        selection.keep.iter().filter(|&&k| k).count()
    }
}
