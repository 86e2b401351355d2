//! The text stage sequence, written once: the node (line) limit, blocks,
//! the shared features and score, the text select stage. Extraction
//! ([`text::article`]) and explain ([`text::explanation`]) both run it.

use super::{Admitted, Extractor};
use crate::judge::{features, score};
use crate::model::error::{Error, Limit};
use crate::text::{self, TextAnalysis};

impl Extractor {
    /// Run every stage up to selection on admitted page text.
    pub(super) fn analyse_text(&self, page: &Admitted<'_>) -> Result<TextAnalysis, Error> {
        let text = &*page.text;
        // Lines are the text front end's nodes.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let max_nodes = self.options.max_dom_nodes;
        if lines >= max_nodes {
            return Err(Error::LimitExceeded {
                limit: Limit::MaxDomNodes,
                value: max_nodes,
            });
        }
        let (dom, blocks) = text::blocks(text);
        let features = features::compute(&dom, &blocks, &self.lexicon);
        let verdicts = score::score(
            &blocks,
            &features.blocks,
            features.language.is_some(),
            self.options.balance,
        );
        let selection = text::select(&blocks, &features, &verdicts, &self.text_lexicon);
        Ok(TextAnalysis {
            dom,
            blocks,
            features,
            verdicts,
            selection,
        })
    }
}
