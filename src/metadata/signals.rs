//! The signals one walk of the tree gathers for metadata (`collect`): head
//! tags, JSON-LD, bylines, times, headings, tag links, each with the
//! regions it sits in. Deciding between them is left to the other modules.

use crate::html::dom::NodeId;

/// Where a byline candidate came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum BylineKind {
    /// `itemprop="author"` (or `creator`).
    Itemprop,
    /// `rel="author"`, or a link to an author page (`/author/jane`).
    Link,
    /// An element whose class or id says author or byline.
    Class,
}

/// The innermost ancestors marked as a region of other texts: a "skip"
/// region (comments, related stories) and an "outside" one (menus, page
/// footers), or `NONE`. A candidate in a region is dropped at the end of
/// the walk unless the region holds an `<h1>`: wrappers of the whole page
/// are named `with-navigation` or `pageLayout--related` too.
pub(crate) type Regions = [NodeId; 2];

/// A byline candidate.
#[derive(Debug, Clone)]
pub(crate) struct Byline {
    pub(crate) kind: BylineKind,
    pub(crate) text: String,
    pub(crate) regions: Regions,
}

/// A `<time>` element or an element with a date `itemprop`.
#[derive(Debug, Clone)]
pub(crate) struct TimeMark {
    /// The `datetime` or `content` value, else the text.
    pub(crate) value: String,
    /// Marked as the publication date (`itemprop="datePublished"`,
    /// `pubdate`, a class saying published).
    pub(crate) published: bool,
    /// Marked as the modification date.
    pub(crate) modified: bool,
    pub(crate) regions: Regions,
}

/// A heading (`h1` to `h3`), whether it is inside an `<article>`, and the
/// page text just before and just after it, where pages show the date.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub(crate) text: String,
    pub(crate) level: u8,
    pub(crate) in_article: bool,
    pub(crate) before: String,
    pub(crate) after: String,
    pub(crate) regions: Regions,
}

/// Everything the walk found, in document order.
#[derive(Debug, Default)]
pub(crate) struct Signals {
    pub(crate) html_lang: Option<String>,
    /// `<meta>` tags as (key, content); the key is the `property`, `name`,
    /// `itemprop` or `http-equiv`, lowercased.
    pub(crate) metas: Vec<(String, String)>,
    pub(crate) ld_json: Vec<String>,
    pub(crate) title_tag: Option<String>,
    /// The text of the first `<h1>` anywhere.
    pub(crate) first_h1: Option<String>,
    pub(crate) headings: Vec<Heading>,
    /// The text of the first `itemprop="headline"` element.
    pub(crate) headline: Option<String>,
    pub(crate) canonical: Option<String>,
    pub(crate) image_src: Option<String>,
    pub(crate) bylines: Vec<Byline>,
    pub(crate) times: Vec<TimeMark>,
    /// Texts of elements whose class says date.
    pub(crate) date_texts: Vec<String>,
    /// Short texts with a digit, anywhere in the body, in page order.
    pub(crate) loose_texts: Vec<String>,
    /// `rel="tag"` link texts.
    pub(crate) tag_links: Vec<String>,
    /// `rel="category"` link texts.
    pub(crate) category_links: Vec<String>,
    /// Microdata `itemtype` names (`NewsArticle`), in order.
    pub(crate) item_types: Vec<String>,
    /// How many `<article>` elements the page has.
    pub(crate) articles: usize,
}
