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
//! and date; [`flatten`] turns HTML into such text for measuring.

mod bio;
mod columns;
mod dates;
mod dump;
#[cfg(feature = "internals")]
mod flatten;
mod lines;
mod markup;
mod meta;
mod patterns;
mod select;
mod typography;

use std::sync::Arc;

use crate::html::dom::{Dom, Node, NodeData};
use crate::html::segment::Block;
use crate::judge::features::{self, PageFeatures};
use crate::judge::lexicon::{Lang, Lexicon};
use crate::judge::score::{self, Verdict};
use crate::model::article::Article;
use crate::model::options::Balance;
use crate::output::{assemble, render};

#[cfg(feature = "internals")]
pub use flatten::flatten_to_text;

use patterns::LineKind;
use select::TextSelection;

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

/// Everything the stages found out about one text.
struct TextAnalysis {
    /// The one-node tree the blocks hang from.
    dom: Dom,
    blocks: Vec<Block>,
    features: PageFeatures,
    verdicts: Vec<Verdict>,
    selection: TextSelection,
}

/// Run every stage up to selection on `text`.
fn analyse(
    text: &str,
    lexicon: &Lexicon,
    text_lexicon: &TextLexicon,
    balance: Balance,
) -> TextAnalysis {
    let blocks = lines::split(&dump::normalise(text));
    // Text has no markup: one document node holds every block, so the
    // features find no class hints and the scorer judges text alone.
    let dom = Dom {
        nodes: vec![Node::new(NodeData::Document)],
    };
    let features = features::compute(&dom, &blocks, lexicon);
    let verdicts = score::score(
        &blocks,
        &features.blocks,
        features.language.is_some(),
        balance,
    );
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
    let selection = select::select(&blocks, &features.blocks, &verdicts, &furniture, patterns);
    TextAnalysis {
        dom,
        blocks,
        features,
        verdicts,
        selection,
    }
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

/// Extract the article from flattened page text (not empty, size checked).
pub(crate) fn extract(
    text: &str,
    lexicon: &Lexicon,
    text_lexicon: &TextLexicon,
    balance: Balance,
) -> Article {
    let a = analyse(text, lexicon, text_lexicon, balance);
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

/// Every block of the text with its verdicts, for explaining decisions.
#[cfg(feature = "internals")]
pub(crate) fn explain(
    text: &str,
    lexicon: &Lexicon,
    text_lexicon: &TextLexicon,
    balance: Balance,
) -> Vec<(String, String)> {
    let a = analyse(text, lexicon, text_lexicon, balance);
    let span = &a.selection.span;
    a.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let f = &a.features.blocks[i];
            let why = format!(
                "{:?} {:?} -> {:?} keep={} span={} w={:.0} sw={:.2} p={}",
                a.verdicts[i].class,
                a.verdicts[i].reason,
                a.selection.why[i],
                a.selection.keep[i],
                span.contains(&i),
                f.words,
                f.stopword_density,
                f.ends_with_punctuation,
            );
            (b.text.clone(), why)
        })
        .collect()
}

#[cfg(test)]
mod tests;
