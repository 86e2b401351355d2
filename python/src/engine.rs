//! The one module that calls the unboil crate.
//!
//! Everything else in the binding speaks in this module's terms: an
//! [`Engine`] built from [`Options`], a [`Source`] in, a [`Page`] or a
//! [`Failure`] out. When the Rust API changes (its input type, its options,
//! its error payloads), this file is what changes.

use crate::settings::{Format, Kind, Options};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A page or a text as the caller gave it.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// A Python `str`.
    Str(&'a str),
    /// Python `bytes` in any encoding.
    Bytes(&'a [u8]),
}

impl Source<'_> {
    /// The raw bytes (for sniffing what the input is).
    pub fn bytes(&self) -> &[u8] {
        match self {
            Source::Str(s) => s.as_bytes(),
            Source::Bytes(b) => b,
        }
    }
}

/// Whether an input is HTML rather than flattened page text: the library's
/// rule, which the CLI's `--input auto` uses too.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    unboil::looks_like_html(bytes)
}

/// A configured extractor, shared across calls and threads.
pub struct Engine {
    extractor: unboil::Extractor,
}

impl Engine {
    /// The extractor for `options` (sets up its word lists once).
    pub fn new(options: &Options) -> Engine {
        let mut builder = unboil::Extractor::builder()
            .favor_precision(options.favor_precision)
            .favor_recall(options.favor_recall)
            .include_comments(options.include_comments)
            .include_tables(options.include_tables)
            .include_links(options.include_links)
            .include_images(options.include_images);
        if let Some(bytes) = options.max_input_bytes {
            builder = builder.max_input_bytes(bytes);
        }
        if let Some(depth) = options.max_depth {
            builder = builder.max_depth(depth);
        }
        if let Some(nodes) = options.max_dom_nodes {
            builder = builder.max_dom_nodes(nodes);
        }
        if let Some(bytes) = options.max_output_bytes {
            builder = builder.max_output_bytes(bytes);
        }
        if let Some(url) = &options.base_url {
            builder = builder.base_url(url.clone());
        }
        if let Some(page_type) = options.page_type {
            builder = builder.page_type(page_type);
        }
        Engine {
            extractor: builder.build(),
        }
    }

    /// Extract one page (`kind` already resolved to HTML or text); `url` is
    /// where an HTML page came from. A panic (a bug) becomes a [`Failure`].
    pub fn extract(
        &self,
        source: Source<'_>,
        kind: Kind,
        url: Option<&str>,
    ) -> Result<Page, Failure> {
        let mut input = match (kind, source) {
            (Kind::Text, Source::Str(s)) => unboil::Input::text(s),
            (Kind::Text, Source::Bytes(b)) => unboil::Input::text_bytes(b),
            (_, Source::Str(s)) => unboil::Input::html(s),
            (_, Source::Bytes(b)) => unboil::Input::html_bytes(b),
        };
        if let Some(url) = url {
            input = input.url(url);
        }
        let run = || self.extractor.extract(input);
        match catch_unwind(AssertUnwindSafe(run)) {
            Ok(Ok(article)) => Ok(Page(article)),
            Ok(Err(error)) => Err(Failure::from_error(&error)),
            Err(panic) => Err(Failure::panic(panic.as_ref())),
        }
    }

    /// Every block of an HTML page with the decision on it, as JSON
    /// (`title`, `region`, `blocks`), or the highlight page as HTML.
    pub fn explain(&self, source: Source<'_>, highlight: bool) -> Result<String, Failure> {
        let input = match source {
            Source::Str(s) => unboil::Input::html(s),
            Source::Bytes(b) => unboil::Input::html_bytes(b),
        };
        let run = || self.extractor.explain(input);
        match catch_unwind(AssertUnwindSafe(run)) {
            Ok(Ok(explanation)) if highlight => Ok(explanation.to_html()),
            Ok(Ok(explanation)) => serde_json::to_string(&explanation).map_err(Failure::json),
            Ok(Err(error)) => Err(Failure::from_error(&error)),
            Err(panic) => Err(Failure::panic(panic.as_ref())),
        }
    }
}

/// An extracted article.
pub struct Page(unboil::Article);

impl Page {
    pub fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }
    pub fn text(&self) -> &str {
        &self.0.text
    }
    pub fn comments(&self) -> &str {
        &self.0.comments
    }
    pub fn authors(&self) -> &[String] {
        &self.0.authors
    }
    pub fn date_published(&self) -> Option<&str> {
        self.0.date_published.as_deref()
    }
    pub fn date_modified(&self) -> Option<&str> {
        self.0.date_modified.as_deref()
    }
    pub fn site_name(&self) -> Option<&str> {
        self.0.site_name.as_deref()
    }
    pub fn language(&self) -> Option<&str> {
        self.0.language.as_deref()
    }
    pub fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    pub fn canonical_url(&self) -> Option<&str> {
        self.0.canonical_url.as_deref()
    }
    pub fn image(&self) -> Option<&str> {
        self.0.image.as_deref()
    }
    pub fn tags(&self) -> &[String] {
        &self.0.tags
    }
    pub fn categories(&self) -> &[String] {
        &self.0.categories
    }

    /// The page type's name, as in JSON (`article`, `forum`, ...).
    pub fn page_type(&self) -> serde_json::Value {
        serde_json::to_value(self.0.page_type).unwrap_or(serde_json::Value::Null)
    }

    /// How sure the extraction is, 0 to 1, as JSON gives it (three decimals).
    pub fn confidence(&self) -> f64 {
        (f64::from(self.0.confidence) * 1000.0).round() / 1000.0
    }

    /// The body's blocks, as in JSON (`kind`, `text`, `spans`, ...).
    pub fn blocks(&self) -> serde_json::Value {
        serde_json::to_value(&self.0.blocks).unwrap_or(serde_json::Value::Null)
    }

    /// Every field of the article, as the library serialises it.
    pub fn to_value(&self) -> Result<serde_json::Value, Failure> {
        serde_json::to_value(&self.0).map_err(Failure::json)
    }

    /// True when the page has no main content.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The article in `format`.
    pub fn render(&self, format: Format) -> Result<String, Failure> {
        Ok(match format {
            Format::Text => self.0.text.clone(),
            Format::Markdown => self.0.to_markdown(),
            Format::Html => self.0.to_html(),
            Format::Json => serde_json::to_string(&self.0).map_err(Failure::json)?,
        })
    }
}

/// Why a page gave no article: the library's message and, for the typed
/// errors, what kind of failure and which limit.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The error's message, as the library words it.
    pub message: String,
    /// `empty`, `too_large`, `binary`, `limit`, or `bug` for a panic.
    pub kind: &'static str,
    /// The option that names the limit hit (`max_input_bytes`,
    /// `max_dom_nodes`, `max_output_bytes`), if a limit was hit.
    pub limit: Option<String>,
    /// Not the input's fault: a bug in unboil or in the binding.
    pub bug: bool,
}

impl Failure {
    fn from_error(error: &unboil::Error) -> Failure {
        let (kind, limit) = match error {
            unboil::Error::EmptyInput => ("empty", None),
            unboil::Error::InputTooLarge { .. } => ("too_large", Some("max_input_bytes".into())),
            unboil::Error::BinaryInput { .. } => ("binary", None),
            unboil::Error::LimitExceeded { limit, .. } => ("limit", Some(limit.name().to_string())),
            _ => ("other", None),
        };
        Failure {
            message: error.to_string(),
            kind,
            limit,
            bug: false,
        }
    }

    fn panic(payload: &(dyn std::any::Any + Send)) -> Failure {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Failure::bug(format!(
            "unboil failed on this page (a bug, please report it): {what}"
        ))
    }

    fn json(error: serde_json::Error) -> Failure {
        Failure::bug(format!("cannot serialise the article: {error}"))
    }

    /// A failure that is not the input's fault.
    pub fn bug(message: String) -> Failure {
        Failure {
            message,
            kind: "bug",
            limit: None,
            bug: true,
        }
    }
}
