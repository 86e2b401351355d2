//! The word lists and patterns the scorer uses, kept as data.
//!
//! Everything here is parsed from text files under `data/`, embedded with
//! `include_str!`, into one [`Lexicon`] that the extractor builds once and
//! holds (no process-wide state). Three kinds of knowledge:
//!
//! - **stop words** (`data/stopwords/<lang>.txt`) for a jusText-style
//!   stop-word density: prose is dense with function words, boilerplate
//!   ("Home News Sport Weather") is not;
//! - **class hints** (`data/class_hints.txt`): what `class`, `id`, `role` and
//!   `itemprop` values say about an element, matched on tokens so that `ad`
//!   does not hit `header`; `hints.rs` documents the rule;
//! - **cruft phrases** (`data/cruft.txt`, `data/cruft_contains.txt`): short
//!   boilerplate texts ("Read more »", "All rights reserved") in several
//!   languages, and month and day names (`data/date_words.txt`) for blocks
//!   that are a bare date.
//!
//! Data files share one syntax: UTF-8, one entry per line, fields separated by
//! a single tab, blank lines and lines starting with `#` ignored.

mod cruft;
pub(crate) mod hash;
mod hints;
mod ignore;
mod normal;
mod stopwords;
#[cfg(test)]
mod tests;
mod tokens;

use std::fmt;

use ignore::IgnoredClassWords;
use std::sync::Arc;

pub(crate) use cruft::CruftKind;
pub(crate) use hints::{HintCategory, Hints};
pub(crate) use stopwords::{Lang, LangSet};

/// Whether any token of an attribute value (cut as the class hints cut
/// it: at non-alphanumerics, camelCase humps and letter-digit changes,
/// lowercased) satisfies `hit`: for word lists outside the hint table.
pub(crate) fn any_token(value: &str, hit: impl Fn(&str) -> bool) -> bool {
    let mut buf = String::with_capacity(value.len());
    let mut spans: tokens::Spans = [(0, 0); tokens::MAX_TOKENS];
    let n = tokens::tokenize(value, &mut buf, &mut spans);
    spans[..n]
        .iter()
        .any(|&(s, e)| hit(&buf[s as usize..e as usize]))
}

/// Blocks of more words than this are never whole cruft phrases
/// ([`Lexicon::cruft`]); longer blocks go to
/// [`Lexicon::contains_cruft_phrase`].
pub(crate) const MAX_CRUFT_WORDS: usize = normal::MAX_CRUFT_WORDS;

/// All word lists and patterns, parsed. Cheap to clone (one `Arc`), and
/// `Send + Sync`, so one instance serves every thread of an extractor.
/// Class-word prefixes that name a post's taxonomy (WordPress `post_class`).
const TAXONOMY_PREFIXES: [&str; 2] = ["category-", "tag-"];

/// Whether a class value is a blog post's class list with taxonomy words:
/// WordPress's `post_class` always adds `type-<post type>` (and `hentry`)
/// beside them, which tells `tag-news` (a taxonomy) from `tag-list` (a UI
/// element's own class).
fn is_post_class(value: &str) -> bool {
    let mut taxonomy = false;
    let mut post = false;
    for word in value.split_ascii_whitespace() {
        taxonomy |= TAXONOMY_PREFIXES.iter().any(|p| word.starts_with(p));
        post |= word == "hentry" || word.starts_with("type-");
    }
    taxonomy && post
}

#[derive(Clone)]
pub(crate) struct Lexicon {
    inner: Arc<Inner>,
}

struct Inner {
    ignore: IgnoredClassWords,
    stopwords: stopwords::Stopwords,
    hints: hints::ClassHints,
    cruft: cruft::Cruft,
}

impl Lexicon {
    /// Parse all embedded data and compile the phrase search.
    ///
    /// Takes a fraction of a millisecond; build one per extractor, not per
    /// page. Panics only if the embedded data is malformed, which every test
    /// that builds a lexicon would catch.
    pub(crate) fn new() -> Lexicon {
        Lexicon {
            inner: Arc::new(Inner {
                ignore: IgnoredClassWords::load(),
                stopwords: stopwords::Stopwords::load(),
                hints: hints::ClassHints::load(),
                cruft: cruft::Cruft::load(),
            }),
        }
    }

    /// Whether `lowercase_word` is a stop word of any language.
    ///
    /// The union of all lists is used because a page's language is often
    /// unknown or mixed. The cost: a word that is a function word in one
    /// language and a content word in another ("war", "die", "also", "fast",
    /// "gift") counts as a stop word everywhere, which raises the density of
    /// all text a little, prose and boilerplate alike, so the separation
    /// holds. When the language is known, or guessed from
    /// [`stopword_languages`](Self::stopword_languages) counts over the page,
    /// [`is_stopword_in`](Self::is_stopword_in) is stricter.
    #[inline]
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn is_stopword(&self, lowercase_word: &str) -> bool {
        !self.inner.stopwords.languages(lowercase_word).is_empty()
    }

    /// The languages whose stop-word list holds `lowercase_word`.
    #[inline]
    pub(crate) fn stopword_languages(&self, lowercase_word: &str) -> LangSet {
        self.inner.stopwords.languages(lowercase_word)
    }

    /// Whether `lowercase_word` is a stop word of one of `langs`.
    #[inline]
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn is_stopword_in(&self, lowercase_word: &str, langs: LangSet) -> bool {
        self.inner
            .stopwords
            .languages(lowercase_word)
            .intersects(langs)
    }

    /// What one attribute value (`class`, `id`, `role`, `itemprop`…) says
    /// about its element. Call once per attribute and [`Hints::merge`].
    #[inline]
    pub(crate) fn class_hints(&self, attr_value: &str) -> Hints {
        let hints = self.inner.hints.hints(attr_value);
        if hints.is_empty() {
            return hints; // Most values: nothing to filter.
        }
        let post_class = is_post_class(attr_value);
        let ignore = &self.inner.ignore;
        let modifiers = attr_value.contains("--");
        if !post_class && !modifiers && !ignore.hits(attr_value) {
            return hints;
        }
        // Blog engines list a post's categories and tags as classes on its
        // element (WordPress: `category-comments tag-sidebar`): they name
        // what the post is about, not what the element is, so they go; so do
        // the words of `class_ignore.txt` (`hidden-xs`, `field--label-hidden`).
        let kept: String = attr_value
            .split_ascii_whitespace()
            .filter(|word| {
                let taxonomy = post_class && TAXONOMY_PREFIXES.iter().any(|p| word.starts_with(p));
                !taxonomy && !ignore.matches_word(word) && !is_bem_modifier(word, attr_value)
            })
            .collect::<Vec<_>>()
            .join(" ");
        self.inner.hints.hints(&kept)
    }

    /// Whether a short text block is essentially cruft, and of which kind.
    ///
    /// The block is normalised (case, whitespace, decorative punctuation such
    /// as `:` `»` `›` `→` `…` around words, numbers as `<n>`) and then must be
    /// a listed phrase; or start with a phrase marked ` *` in the data and go
    /// on for a few words ("Read more about the budget", "By Jane Doe"); or
    /// end with one marked `* ` after a few words ("Cicero Newsletter"); or be
    /// a bare run of share targets ("Facebook Twitter Email"), a bare date
    /// ("Oct 9, 2019"), or hold a strong phrase as
    /// [`contains_cruft_phrase`](Self::contains_cruft_phrase) finds them.
    /// Blocks of more than [`MAX_CRUFT_WORDS`] words never match.
    pub(crate) fn cruft(&self, text: &str) -> Option<CruftKind> {
        self.inner.cruft.whole(text)
    }

    /// Whether a block of any length contains one of the strongest cruft
    /// phrases ("all rights reserved", "we use cookies"…) as whole words,
    /// ignoring case and runs of whitespace. The kind of the first found.
    pub(crate) fn contains_cruft_phrase(&self, text: &str) -> Option<CruftKind> {
        self.inner.cruft.contains(text)
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (phrases, contains) = self.inner.cruft.len();
        f.debug_struct("Lexicon")
            .field("stopwords", &self.inner.stopwords.len())
            .field("class_hints", &self.inner.hints.len())
            .field("cruft_phrases", &phrases)
            .field("cruft_contains", &contains)
            .finish()
    }
}

/// A BEM modifier class (`section--ads`) next to its own base class
/// (`section`) on one element: it names a variant of what the base class
/// already says the element is ("a section that carries ads"), not what
/// the element is.
fn is_bem_modifier(word: &str, attr_value: &str) -> bool {
    word.split_once("--").is_some_and(|(base, _)| {
        !base.is_empty() && attr_value.split_ascii_whitespace().any(|w| w == base)
    })
}
