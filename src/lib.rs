//! unboil takes a saved web page and gives back the article: the body text a
//! person came to read, without navigation, menus, banners, share bars,
//! related-story lists, comment boxes and footers.
//!
//! ```
//! let html = r#"<html><head><title>Rain due - The Daily</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/news">News</a></nav>
//!   <article><h1>Rain due</h1>
//!     <p>Forecasters expect heavy rain across the region on Monday, with local flooding likely.</p>
//!     <p>Residents are advised to keep drains clear and to avoid low-lying roads.</p>
//!   </article>
//!   <footer>All rights reserved.</footer></body></html>"#;
//! let article = unboil::extract(html)?;
//! assert!(article.text.contains("heavy rain"));
//! assert!(!article.text.contains("All rights reserved"));
//! # Ok::<(), unboil::Error>(())
//! ```
//!
//! The pipeline, one module per stage, data flowing one way:
//! `decode` → `parse` (with depth guard) → `prune` → `segment` → `features`
//! → `score` → `select` → `assemble` → `render`. The stages sit in folders
//! by layer: `model` (shared types), `html` (decode to segment), `judge`
//! (features, score), `select`, `output` (assemble, render, explain),
//! `metadata`, `assess` (page type and confidence), `text` (the front end for flattened text) and the
//! `extractor` on top. See DESIGN.md for why.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// One folder per layer; each imports only from the layers before it, in
// the order tests/layers.rs lists and checks (model, html, judge, select,
// output, metadata, assess, text, extractor).
mod assess;
mod extractor;
mod html;
mod judge;
mod metadata;
mod model;
mod output;
mod select;
mod text;

/// Parse a page and return its node count (the `internals` feature, for
/// benchmarks and the memory example).
#[cfg(feature = "internals")]
pub use html::parse::parse_only;
/// For the `parse_equivalence` fuzz target: whether our tokenizer builds the
/// tree html5ever's own would (`Err` says where not).
#[cfg(fuzzing)]
#[doc(hidden)]
pub fn check_parser_against_html5ever(html: &str) -> Result<(), String> {
    html::parse::oracle::check(html)
}
/// Flatten a page to text as a scraper would (the `internals` feature, for
/// the evaluation's `--as-text` mode).
#[cfg(feature = "internals")]
pub use text::flatten_to_text;

pub use extractor::Extractor;
#[cfg(feature = "internals")]
pub use extractor::Prepared;
pub use model::article::{Article, ArticleBlock, BlockKind, Mark, PageType, Span};
pub use model::date::{Date, DateError};
pub use model::error::{BinaryKind, Error, Limit};
pub use model::input::{looks_like_html, Input};
pub use model::options::{Balance, ExtractorBuilder, Options};
pub use output::explain::{
    BlockFeatures, ElementKind, ExplainedBlock, Explanation, FirstClass, Label,
};

/// Extract the article from an HTML page held as a string.
///
/// A shortcut over [`Extractor::default`]; build one [`Extractor`] and reuse it
/// when extracting many pages, as it sets up its word lists once.
pub fn extract(html: &str) -> Result<Article, Error> {
    Extractor::default().extract(html)
}

/// Extract the article from an HTML page held as bytes in any encoding.
///
/// The encoding comes from a byte-order mark, then a `<meta charset>`,
/// `http-equiv` or XML declaration in the first 1024 bytes, then statistical
/// detection; bytes that are valid UTF-8 with non-ASCII text are read as UTF-8
/// even under a legacy declaration (re-saved pages keep their old one).
/// Binary files (gzip, zip, PDF, images) give [`Error::BinaryInput`].
pub fn extract_bytes(bytes: &[u8]) -> Result<Article, Error> {
    Extractor::default().extract(Input::html_bytes(bytes))
}

/// Extract the article from page text that a scraper already flattened (an
/// `innerText`, a copy-paste, a dump with every element on its own line).
///
/// A shortcut over [`Extractor::extract`] with [`Input::text`]; see there.
///
/// ```
/// let text = "Skip to content\r\n\
///     Rail strike called off after late-night deal\r\n\
///     Last Updated: March 12, 2024, 10:32 IST\r\n\
///     Unions accepted a revised pay offer late on Monday, ending weeks of \
///     disruption for commuters across the region, the transport authority said.\r\n\
///     Trains are expected to run to the normal timetable from Wednesday morning, \
///     though some early services may still be cancelled.\r\n\
///     Share this article\r\n";
/// let article = unboil::extract_text(text)?;
/// assert_eq!(article.title.as_deref(), Some("Rail strike called off after late-night deal"));
/// assert_eq!(article.date_published.as_deref(), Some("2024-03-12"));
/// assert!(article.text.starts_with("Unions accepted"));
/// assert!(article.text.ends_with("cancelled."));
/// # Ok::<(), unboil::Error>(())
/// ```
pub fn extract_text(text: &str) -> Result<Article, Error> {
    Extractor::default().extract(Input::text(text))
}
