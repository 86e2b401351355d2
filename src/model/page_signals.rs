//! What a page says about its own type, and the type decided: the types
//! the metadata layer reads from the whole tree ([`Declared`]) go up to the
//! classifier (`assess`), whose [`TypeCall`] goes to the article and to
//! explain.

use crate::model::article::PageType;

/// The page's own statements of its type, read before pruning.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Declared {
    /// JSON-LD `@type`s (the main entity's first) and microdata
    /// `itemtype` names, as written (`NewsArticle`, `Product`).
    pub(crate) schema_types: Vec<String>,
    /// `og:type`, lower-cased.
    pub(crate) og_type: Option<String>,
    /// `<meta name=generator>`, lower-cased.
    pub(crate) generator: Option<String>,
    /// How many `<article>` elements the page has.
    pub(crate) articles: usize,
    /// The page names its authors (JSON-LD, meta tags, bylines).
    pub(crate) authored: bool,
    /// The page gives its publication date.
    pub(crate) dated: bool,
}

/// The page type decided for a page, and why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TypeCall {
    pub(crate) page_type: PageType,
    /// The classifier's probability for `page_type`, 0 to 1 (1 when forced).
    pub(crate) certainty: f32,
    /// The evidence that weighed most for it, strongest first, in words
    /// (`JSON-LD Product`, `URL segment /docs/`), or `forced by the caller`.
    pub(crate) reasons: Vec<String>,
}

impl TypeCall {
    /// No type decided: `Other`, with no certainty (the scoring-loop
    /// benchmark and unit tests, which run selection without the
    /// classifier).
    #[cfg(any(test, feature = "internals"))]
    pub(crate) fn unknown() -> Self {
        Self {
            page_type: PageType::Other,
            certainty: 0.0,
            reasons: Vec::new(),
        }
    }

    /// A call of `page_type` with this certainty and no reasons (unit
    /// tests of the per-type rules).
    #[cfg(test)]
    pub(crate) fn called(page_type: PageType, certainty: f32) -> Self {
        Self {
            page_type,
            certainty,
            reasons: Vec::new(),
        }
    }
}
