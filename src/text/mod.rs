//! The text front end: page text that a scraper already flattened (an
//! `innerText`, a copy-paste, a dump with every element on a line) in, the
//! article out — through the same block model and scorer as HTML.
//!
//! ```text
//! text ─ lines::split ─▶ Blocks ─ features ─ score ─▶ first verdicts
//!                                      (shared with HTML, one-node tree)
//!      ─ patterns + select (text only) ─▶ keep ─ assemble ─ render (shared)
//! ```
//!
//! What is shared: [`Block`](crate::html::segment::Block)s (each one line or
//! paragraph, its container the document node of a one-node tree, no link
//! words), the features, the first verdict of `score`, and
//! `assemble`/`render`. What is text-only: cutting text into blocks
//! ([`lines`]), recognising furniture lines that markup would have marked
//! ([`patterns`], data in `data/lines.txt`), and the select stage
//! ([`select`]): a one-dimensional content region (the article span)
//! instead of a DOM subtree, the title and lines repeating it, repeated
//! paragraphs, and lists of other stories. [`meta`] recovers the author
//! and date; [`flatten`] turns HTML into such text for measuring; [`why`]
//! explains each block's fate in the same terms as the HTML explain.
//!
//! The stages are run in order by `extractor/text_pipeline.rs` (written
//! once for extraction and explain): [`blocks`], the shared features and
//! score, [`select()`], then [`article`] or [`explanation`].

mod bio;
mod columns;
mod dates;
mod dump;
mod end;
#[cfg(feature = "internals")]
mod flatten;
mod lines;
mod markup;
mod meta;
mod patterns;
mod select;
mod title;
mod typography;
mod why;

pub(crate) use why::explanation;

use std::sync::Arc;

use crate::html::dom::{Dom, Node, NodeData};
use crate::html::segment::Block;
use crate::judge::features::PageFeatures;
use crate::judge::lexicon::Lang;
use crate::judge::score::Verdict;
use crate::model::article::Article;
use crate::output::{assemble, render};

#[cfg(feature = "internals")]
pub use flatten::flatten_to_text;

use patterns::LineKind;
pub(crate) use select::TextSelection;

/// The text front end's patterns and month names, parsed once per
/// extractor. Cheap to clone (one `Arc`).
#[derive(Clone, Debug)]
pub(crate) struct TextLexicon {
    inner: Arc<TextLexiconData>,
}

#[derive(Debug)]
struct TextLexiconData {
    lines: patterns::LinePatterns,
    dates: dates::DateReader,
}

impl TextLexicon {
    /// Parse the embedded data files.
    pub(crate) fn new() -> TextLexicon {
        TextLexicon {
            inner: Arc::new(TextLexiconData {
                lines: patterns::LinePatterns::load(),
                dates: dates::DateReader::load(),
            }),
        }
    }
}

/// Everything the stages found out about one text (the sequence that makes
/// it is `extractor/text_pipeline.rs`, shared by extraction and explain).
pub(crate) struct TextAnalysis {
    /// The one-node tree the blocks hang from.
    pub(crate) dom: Dom,
    pub(crate) blocks: Vec<Block>,
    pub(crate) features: PageFeatures,
    pub(crate) verdicts: Vec<Verdict>,
    pub(crate) selection: TextSelection,
}

/// Stage 1: the text normalised and cut into blocks, and the one-node tree
/// they hang from. Text has no markup: one document node holds every
/// block, so the features find no class hints and the scorer judges text
/// alone.
pub(crate) fn blocks(text: &str) -> (Dom, Vec<Block>) {
    let blocks = lines::split(&dump::normalise(text));
    let dom = Dom {
        nodes: vec![Node::new(NodeData::Document)],
    };
    (dom, blocks)
}

/// Stage 4 (after the shared features and score): the text select stage,
/// furniture lines first.
pub(crate) fn select(
    blocks: &[Block],
    features: &PageFeatures,
    verdicts: &[Verdict],
    text_lexicon: &TextLexicon,
) -> TextSelection {
    let patterns = &text_lexicon.inner.lines;
    let dates = &text_lexicon.inner.dates;
    let furniture: Vec<Option<LineKind>> = blocks
        .iter()
        .map(|b| {
            patterns
                .classify(&b.text)
                .or_else(|| is_date_line(b, dates).then_some(LineKind::Date))
        })
        .collect();
    select::select(blocks, &features.blocks, verdicts, &furniture, patterns)
}

/// A dateline or date stamp: a short line holding a full date that does
/// not read as a sentence ("Zaragoza, 12 de marzo de 2024 - 10:32").
fn is_date_line(block: &Block, dates: &dates::DateReader) -> bool {
    block.words <= MAX_DATE_LINE_WORDS
        && !patterns::ends_like_sentence(&block.text)
        && dates.iso_date(&block.text, false).is_some()
}

/// A date line has at most this many words: a weekday, a date, a time, a
/// time zone and a place ("Tuesday, 12 March 2024, 10:32 IST, Mumbai").
const MAX_DATE_LINE_WORDS: u32 = 10;

/// The article of an analysed text: the kept blocks assembled and
/// rendered, the title, author and date.
pub(crate) fn article(a: &TextAnalysis, text_lexicon: &TextLexicon) -> Article {
    let title = a.selection.title.map(|i| a.blocks[i].text.clone());
    let (body, _) = assemble::assemble(
        &a.dom,
        &a.blocks,
        &a.selection.keep,
        title.as_deref(),
        &assemble::Shape::PLAIN,
    );
    let why = &a.selection.why;
    let author = meta::author(&a.blocks, &a.verdicts, why);
    let month_first = a.features.language == Some(Lang::En);
    let date = meta::date(
        &a.blocks,
        &a.verdicts,
        why,
        &text_lexicon.inner.dates,
        month_first,
    );
    Article {
        title,
        text: render::text(&body),
        blocks: body,
        authors: author.into_iter().collect(),
        date_published: date,
        ..Article::default()
    }
}

#[cfg(test)]
mod tests;
