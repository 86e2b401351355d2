//! Configuration: one [`Options`] struct, built by [`ExtractorBuilder`], held
//! by a reusable [`Extractor`].

use crate::model::article::PageType;
use crate::model::date::Date;

/// Default cap on input size: far above any real page (the largest page of the
/// evaluation sets is under 2 MB), low enough to refuse runaway inputs.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// The largest `max_input_bytes` an extractor accepts (2 GiB): the parsed
/// page's text lives in tendrils, whose lengths are 32-bit, and decoding
/// can double a page's size (Latin-1 to UTF-8).
pub const MAX_INPUT_BYTES_CEILING: usize = 1 << 31;

/// Default cap on element nesting depth. Blink and WebKit cap their parsers'
/// tree depth at 512; deeper start tags are dropped (their text is kept).
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Default cap on the parsed tree's nodes (elements, text, comments). The
/// page of the evaluation sets with the most has about 28,000
/// (`cargo run --release --example memory -- DIR` prints it); a million sibling
/// paragraphs make two million. At about 80 bytes a node, the cap bounds the
/// tree near 800 MB.
pub const DEFAULT_MAX_DOM_NODES: usize = 10_000_000;

/// Default cap on the article text's length in bytes. Text is never longer
/// than the page it came from, so this only stops pages far past any real
/// article (the longest article text of the evaluation sets is about 99 kB).
pub const DEFAULT_MAX_OUTPUT_BYTES: usize = 128 * 1024 * 1024;

/// Which way to lean on doubtful blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Balance {
    /// Leave doubtful blocks out (fewer false positives).
    Precision,
    /// The measured best trade-off (the default).
    #[default]
    Balanced,
    /// Keep doubtful blocks (fewer misses).
    Recall,
}

/// Every setting of an extractor, read through its methods. Build one with
/// [`ExtractorBuilder`]; [`Extractor::with_options`](crate::Extractor::with_options)
/// and [`ExtractorBuilder::build`] clamp it, in one place (`Options::clamped`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// Inputs larger than this many bytes are refused with [`Error::InputTooLarge`](crate::Error::InputTooLarge).
    pub(crate) max_input_bytes: usize,
    /// Elements nested deeper than this are flattened into their ancestor
    /// (their text is kept, as browsers do); never an error.
    pub(crate) max_depth: usize,
    /// Pages whose tree would hold more nodes than this are refused with
    /// [`Error::LimitExceeded`](crate::Error::LimitExceeded) (`max_dom_nodes`).
    /// For flattened text, the limit is on lines.
    pub(crate) max_dom_nodes: usize,
    /// Articles whose text is longer than this many bytes are refused with
    /// [`Error::LimitExceeded`](crate::Error::LimitExceeded) (`max_output_bytes`).
    pub(crate) max_output_bytes: usize,
    /// Which way to lean on doubtful blocks.
    pub(crate) balance: Balance,
    /// Extract reader comments into [`Article::comments`](crate::Article::comments).
    pub(crate) include_comments: bool,
    /// Keep links as [`Mark::Link`](crate::Mark::Link) spans of the blocks.
    pub(crate) include_links: bool,
    /// Keep the article's images as [`BlockKind::Image`](crate::BlockKind::Image) blocks.
    pub(crate) include_images: bool,
    /// Keep tables (their cells as [`BlockKind::TableCell`](crate::BlockKind::TableCell) blocks).
    pub(crate) include_tables: bool,
    /// The page's own URL, to resolve relative links and images against when
    /// the page has neither `<base href>` nor a canonical URL.
    pub(crate) base_url: Option<String>,
    /// The day the page was fetched: metadata refuses dates after the day
    /// following it. Unset, dates are held only to a plausible span
    /// (see [`ExtractorBuilder::reference_date`]).
    pub(crate) reference_date: Option<Date>,
    /// The page type the caller says the pages are; unset, the classifier
    /// decides.
    pub(crate) page_type: Option<PageType>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_dom_nodes: DEFAULT_MAX_DOM_NODES,
            max_output_bytes: DEFAULT_MAX_OUTPUT_BYTES,
            balance: Balance::Balanced,
            include_comments: true,
            include_links: false,
            include_images: false,
            include_tables: true,
            base_url: None,
            reference_date: None,
            page_type: None,
        }
    }
}

/// Builds an [`Extractor`](crate::Extractor).
///
/// ```
/// let extractor = unboil::Extractor::builder()
///     .favor_precision(true)
///     .max_input_bytes(10 << 20)
///     .build();
/// let article = extractor.extract("<html><body><p>Hello, reader.</p></body></html>")?;
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    pub(crate) options: Options,
}

impl ExtractorBuilder {
    /// Refuse inputs over `bytes` bytes (at most 2 GiB, clamped at build:
    /// the parsed text's buffers have 32-bit lengths).
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.options.max_input_bytes = bytes;
        self
    }

    /// Flatten elements nested deeper than `depth` (at least 16, clamped at
    /// build).
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.options.max_depth = depth;
        self
    }

    /// Refuse pages whose tree would hold more than `nodes` nodes.
    pub fn max_dom_nodes(mut self, nodes: usize) -> Self {
        self.options.max_dom_nodes = nodes;
        self
    }

    /// Refuse articles whose text is longer than `bytes` bytes.
    pub fn max_output_bytes(mut self, bytes: usize) -> Self {
        self.options.max_output_bytes = bytes;
        self
    }

    /// Which way to lean on doubtful blocks ([`Balance::Balanced`] by default).
    pub fn balance(mut self, balance: Balance) -> Self {
        self.options.balance = balance;
        self
    }

    /// Leave out doubtful blocks: [`Balance::Precision`] when on; off, back
    /// to [`Balance::Balanced`] if precision was chosen.
    pub fn favor_precision(self, on: bool) -> Self {
        self.favor(Balance::Precision, on)
    }

    /// Keep doubtful blocks: [`Balance::Recall`] when on; off, back to
    /// [`Balance::Balanced`] if recall was chosen.
    pub fn favor_recall(self, on: bool) -> Self {
        self.favor(Balance::Recall, on)
    }

    fn favor(mut self, side: Balance, on: bool) -> Self {
        if on {
            self.options.balance = side;
        } else if self.options.balance == side {
            self.options.balance = Balance::Balanced;
        }
        self
    }

    /// Extract reader comments apart from the body (on by default, as in
    /// trafilatura).
    pub fn include_comments(mut self, on: bool) -> Self {
        self.options.include_comments = on;
        self
    }

    /// Keep links (off by default): Markdown `[text](url)`, HTML `<a href>`,
    /// [`Mark::Link`](crate::Mark::Link) spans. Only `http`, `https` and
    /// `mailto` targets are kept; relative ones are resolved against the
    /// page's `<base href>`, else its canonical URL, else [`base_url`](Self::base_url).
    pub fn include_links(mut self, on: bool) -> Self {
        self.options.include_links = on;
        self
    }

    /// Keep the images of the article region (off by default), as
    /// [`BlockKind::Image`](crate::BlockKind::Image) blocks: Markdown
    /// `![alt](url)`, HTML `<img>`. Only `http` and `https` sources.
    pub fn include_images(mut self, on: bool) -> Self {
        self.options.include_images = on;
        self
    }

    /// Keep tables (on by default). Off, table cells are left out of the
    /// body and of `text`.
    pub fn include_tables(mut self, on: bool) -> Self {
        self.options.include_tables = on;
        self
    }

    /// The page's URL (a crawler's request URL, a WARC target URI), the last
    /// base for relative links and images. `None` by default.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.options.base_url = Some(url.into());
        self
    }
}

impl ExtractorBuilder {
    /// The day the page was fetched (a WARC record's `WARC-Date`, a
    /// crawler's fetch time): a published or modified date after the day
    /// following it is refused as a misreading. Unset (the default), dates
    /// are held only to the years 1990 to 2100, so that the same page gives
    /// the same article on any day: extraction never reads the clock.
    pub fn reference_date(mut self, day: Date) -> Self {
        self.options.reference_date = Some(day);
        self
    }

    /// Say what type the pages are instead of letting the classifier
    /// decide: [`Article::page_type`](crate::Article::page_type) is then
    /// this type, and [`explain`](crate::Extractor::explain) gives "forced
    /// by the caller" as the reason. The type reaches selection too, which
    /// will choose its rules by it (it does not yet: text extracted is the
    /// same whatever the type).
    ///
    /// ```
    /// use unboil::{Extractor, PageType};
    /// let extractor = Extractor::builder().page_type(PageType::Forum).build();
    /// let article = extractor.extract("<article><p>A question about kettles, asked at length.</p></article>")?;
    /// assert_eq!(article.page_type, PageType::Forum);
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn page_type(mut self, page_type: PageType) -> Self {
        self.options.page_type = Some(page_type);
        self
    }
}

/// The least `max_depth`: shallower caps would flatten ordinary pages.
const MIN_DEPTH: usize = 16;

impl Options {
    /// The one place options are clamped: `max_input_bytes` to
    /// [`MAX_INPUT_BYTES_CEILING`], `max_depth` to at least 16.
    pub(crate) fn clamped(mut self) -> Options {
        self.max_input_bytes = self.max_input_bytes.min(MAX_INPUT_BYTES_CEILING);
        self.max_depth = self.max_depth.max(MIN_DEPTH);
        self
    }

    /// Which way doubtful blocks lean.
    pub fn balance(&self) -> Balance {
        self.balance
    }

    /// Inputs larger than this many bytes are refused.
    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    /// Elements nested deeper are flattened into their ancestor.
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// Pages whose tree would hold more nodes (text: lines) are refused.
    pub fn max_dom_nodes(&self) -> usize {
        self.max_dom_nodes
    }

    /// Articles whose text is longer than this many bytes are refused.
    pub fn max_output_bytes(&self) -> usize {
        self.max_output_bytes
    }

    /// Whether reader comments are extracted.
    pub fn include_comments(&self) -> bool {
        self.include_comments
    }

    /// Whether links are kept.
    pub fn include_links(&self) -> bool {
        self.include_links
    }

    /// Whether images are kept.
    pub fn include_images(&self) -> bool {
        self.include_images
    }

    /// Whether tables are kept.
    pub fn include_tables(&self) -> bool {
        self.include_tables
    }

    /// The page's URL, the last base for relative links.
    pub fn base_url(&self) -> Option<&str> {
        self.base_url.as_deref()
    }

    /// The day pages were fetched, when set.
    pub fn reference_date(&self) -> Option<Date> {
        self.reference_date
    }

    /// The page type forced by the caller, when set.
    pub fn page_type(&self) -> Option<PageType> {
        self.page_type
    }

    /// A builder starting from the defaults.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }
}
