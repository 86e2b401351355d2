//! What extraction returns: the [`Article`] with its metadata and
//! [`PageType`], its body as structured [`ArticleBlock`]s and its text
//! (the Markdown and HTML renderings live with the output, in `render`).

use serde::Serialize;

/// The main content of a page and what the page says about it.
///
/// `text` holds one block per paragraph, heading, list item, table cell or
/// quote, separated by a blank line. It is empty when the page has no main
/// content (a bare navigation page, say); that is not an error.
///
/// The other fields are the page's metadata, read from JSON-LD, OpenGraph,
/// Twitter, Dublin Core and `article:*` meta tags, microdata, `<time>`
/// elements, bylines and the URL, in that order of trust. Each is `None` or
/// empty when the page does not say.
///
/// ```
/// let html = r#"<html lang="en"><head>
///   <title>Rain due | The Daily</title>
///   <meta property="og:site_name" content="The Daily">
///   <meta property="article:published_time" content="2021-11-03T08:00:00Z">
///   <link rel="canonical" href="https://daily.example/2021/11/03/rain">
/// </head><body><article><h1>Rain due</h1>
///   <p class="byline">By Jane Doe and John Roe</p>
///   <p>Forecasters expect heavy rain across the region on Monday, with local flooding likely.</p>
/// </article></body></html>"#;
/// let article = unboil::extract(html)?;
/// assert_eq!(article.title.as_deref(), Some("Rain due"));
/// assert_eq!(article.authors, ["Jane Doe", "John Roe"]);
/// assert_eq!(article.date_published.as_deref(), Some("2021-11-03T08:00:00Z"));
/// assert_eq!(article.site_name.as_deref(), Some("The Daily"));
/// assert_eq!(article.language.as_deref(), Some("en"));
/// assert_eq!(article.page_type, unboil::PageType::Article);
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Article {
    /// The headline, without the site name; from a heading the head titles
    /// confirm, else `og:title`/JSON-LD `headline`/`<title>`.
    pub title: Option<String>,
    /// The article body as plain text.
    pub text: String,
    /// The article body as structured blocks, in order (what `text`,
    /// [`to_markdown`](Self::to_markdown) and [`to_html`](Self::to_html) render).
    pub blocks: Vec<ArticleBlock>,
    /// Reader comments, apart from the body (never mixed into `text`): one
    /// block per comment paragraph, separated by a blank line. Empty when the
    /// page has none or [`include_comments`](crate::ExtractorBuilder::include_comments) is off.
    pub comments: String,
    /// The authors the page names, in byline order (from JSON-LD, meta tags,
    /// microdata and bylines; for plain text a byline such as "By Jane Doe"
    /// or the name a bio opens with), cleaned of "By", job titles, dates and
    /// e-mail addresses. Empty when none was found.
    pub authors: Vec<String>,
    /// When the article was first published, in ISO 8601: `YYYY-MM-DD`, or
    /// `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM` when the page gives
    /// the time (without an offset when it gives none).
    pub date_published: Option<String>,
    /// When the article was last changed, in the same form as
    /// [`date_published`](Self::date_published).
    pub date_modified: Option<String>,
    /// The site's or publisher's name (`og:site_name`, JSON-LD `WebSite` or
    /// `publisher`).
    pub site_name: Option<String>,
    /// The language as a BCP 47 tag: as the page declares it (`<html lang>`,
    /// `Content-Language`, `og:locale`; `en-US`, `de`), else the ISO 639-1
    /// code detected from the text (ISO 639-3 for languages without one).
    pub language: Option<String>,
    /// The page's own summary (`og:description`, `<meta name=description>`).
    pub description: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`), absolute.
    pub canonical_url: Option<String>,
    /// The lead image's URL (`og:image`, `twitter:image`, JSON-LD `image`).
    pub image: Option<String>,
    /// Tags and keywords, in page order, without duplicates.
    pub tags: Vec<String>,
    /// Sections or categories, in page order, without duplicates.
    pub categories: Vec<String>,
    /// What kind of page this is (forced when the extractor was built with
    /// [`page_type`](crate::ExtractorBuilder::page_type)).
    pub page_type: PageType,
    /// How sure the extraction is, 0 (doubtful, or nothing found) to 1: an
    /// estimate of the word F1 of `text` against the page's true main
    /// content, from what extraction saw (how much of the page's prose was
    /// kept, in how marked a region, with how many links, on what type of
    /// page). Route pages under 0.5 to a second opinion. JSON gives it to
    /// three decimals. Text input is not assessed: its confidence is 0 and
    /// its type `Other` unless forced.
    #[serde(serialize_with = "three_decimals")]
    pub confidence: f32,
}

/// A 0..1 figure to three decimals, as a JSON number: the digits say all
/// the model knows, and every reader (f32 or f64) gets the same value.
fn three_decimals<S: serde::Serializer>(value: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*value) * 1000.0).round() / 1000.0)
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ArticleBlock {
    /// What the block is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Its text, whitespace collapsed (line breaks kept in code). For an
    /// image, its alternative text.
    pub text: String,
    /// Links and emphasis inside `text`, as byte ranges, ordered by start
    /// (outer before inner). Never overlapping except by nesting. Links are
    /// only there with [`include_links`](crate::ExtractorBuilder::include_links).
    /// Left out of JSON when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<Span>,
    /// For an [`Image`](BlockKind::Image) block, the image's URL (absolute
    /// when the page or the caller gives a base). Left out of JSON when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl ArticleBlock {
    /// A block of `kind` with `text` and no inline marks.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> ArticleBlock {
        ArticleBlock {
            kind,
            text: text.into(),
            spans: Vec::new(),
            url: None,
        }
    }
}

/// An inline mark over `text[start..end]` of an [`ArticleBlock`]: byte
/// offsets, always on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Span {
    /// Where the marked text starts (a byte offset into the block's text).
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// What the mark is.
    #[serde(flatten)]
    pub mark: Mark,
}

/// What a [`Span`] marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "mark", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Mark {
    /// Emphasised text (`<em>`, `<i>`).
    Emphasis,
    /// Strongly emphasised text (`<strong>`, `<b>`).
    Strong,
    /// A link.
    Link {
        /// Its target: absolute when a base is known, `http`, `https` or
        /// `mailto` only (other schemes are dropped with the link).
        href: String,
    },
}

/// What an [`ArticleBlock`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph, or loose text in a container.
    Paragraph,
    /// A heading, `level` 1 to 6.
    Heading {
        /// 1 for `<h1>` ... 6 for `<h6>`.
        level: u8,
    },
    /// An item of a list.
    ListItem {
        /// The list is numbered (`<ol>`).
        ordered: bool,
    },
    /// A quotation.
    Quote,
    /// Preformatted text or code.
    Code,
    /// A cell of a table; `table` and `row` number the article's tables and
    /// each table's rows from 0.
    TableCell {
        /// Which table of the article.
        table: u32,
        /// Which row of that table.
        row: u32,
        /// A header cell (`<th>`).
        header: bool,
    },
    /// A caption of a figure or table.
    Caption,
    /// An image of the article (with
    /// [`include_images`](crate::ExtractorBuilder::include_images)): its URL
    /// in [`ArticleBlock::url`], its alternative text as the text.
    Image,
}

impl Article {
    /// True when no main content was found.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// What kind of page a page is: the seven page types of the WCXB benchmark,
/// and `Other` for a page with no text to judge.
///
/// Decided by a small linear classifier over what the page shows: its
/// JSON-LD, microdata and OpenGraph types, its generator, the shape of its
/// URL (the input's URL, else its canonical link), and its structure (code
/// blocks, prices, post and answer containers, repeated items, sections).
/// [`ExtractorBuilder::page_type`](crate::ExtractorBuilder::page_type)
/// forces it.
///
/// ```
/// use unboil::{Extractor, Input, PageType};
/// let html = r#"<script type="application/ld+json">{"@type":"Product","name":"Red kettle"}</script>
///   <meta property="og:type" content="product">
///   <h1>Red kettle</h1><p class="price">$49.99</p>
///   <p>A kettle that boils a litre of water in under three minutes, with a lid that opens
///   at a touch and a base that turns all the way round.</p>"#;
/// let page = Extractor::default().extract(Input::html(html).url("https://shop.example/products/red-kettle"))?;
/// assert_eq!(page.page_type, PageType::Product);
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PageType {
    /// A news story, blog post, report, recipe or other article.
    Article,
    /// A forum thread or question-and-answer page.
    Forum,
    /// One product of a shop: name, description, price, specifications.
    Product,
    /// Many products or items of a shop or catalogue: a category page, a
    /// shop's home page.
    Collection,
    /// A list of links to other pages: a news front, a blog index, search
    /// results, a directory.
    Listing,
    /// Technical documentation: a manual, reference or guide page.
    Documentation,
    /// A page selling a service or software: a landing page, a features or
    /// pricing page.
    Service,
    /// A page that fits none (no text to judge).
    #[default]
    Other,
}

impl PageType {
    /// Every page type, in declaration order.
    pub const ALL: [PageType; 8] = [
        PageType::Article,
        PageType::Forum,
        PageType::Product,
        PageType::Collection,
        PageType::Listing,
        PageType::Documentation,
        PageType::Service,
        PageType::Other,
    ];

    /// The name it serialises to: `article`, `forum`, ...
    ///
    /// ```
    /// assert_eq!(unboil::PageType::Documentation.name(), "documentation");
    /// assert_eq!(unboil::PageType::from_name("forum"), Some(unboil::PageType::Forum));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Collection => "collection",
            PageType::Listing => "listing",
            PageType::Documentation => "documentation",
            PageType::Service => "service",
            PageType::Other => "other",
        }
    }

    /// The page type named `name` (as [`name`](Self::name) gives it).
    pub fn from_name(name: &str) -> Option<PageType> {
        PageType::ALL.into_iter().find(|t| t.name() == name)
    }
}
