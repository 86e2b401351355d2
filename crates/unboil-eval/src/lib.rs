//! Evaluation of main-content extractors, for unboil and for any other.
//!
//! - [`metric`]: the shingle metric (human-written article bodies), the
//!   snippet metric ("with"/"without" passages), WCXB's word F1 and snippet
//!   rates ([`metric::words`]), and title/author/date accuracy
//!   ([`metric::metadata`]).
//! - [`corpus`]: one loader for every evaluation set's layout
//!   (`html/<id>.html.gz` beside JSON truth files keyed by page id).
//! - [`cli`]: the `evaluate` command, which runs unboil over a set and reports
//!   every figure the set allows (`cargo run --release --example evaluate --
//!   DIR` from the workspace root, or this crate's `evaluate` binary).
//!
//! Scoring another extractor needs only the metrics and the loader:
//!
//! ```no_run
//! use unboil_eval::metric::words::{word_score, WordTotals};
//! use unboil_eval::Corpus;
//!
//! let corpus = Corpus::open("tests/data/wcxb-dev")?;
//! let mut totals = WordTotals::default();
//! for page in corpus.pages()? {
//!     let predicted = my_extractor(&page.html);
//!     totals.add(&word_score(&predicted, corpus.body(&page.id).unwrap_or_default()));
//! }
//! println!("word F1 {:.3}", totals.f1());
//! # fn my_extractor(html: &str) -> String { html.to_owned() }
//! # Ok::<(), unboil_eval::CorpusError>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cli;
pub mod corpus;
pub mod metric;

pub use corpus::{Corpus, CorpusError, Page, Snippets};
