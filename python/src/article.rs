//! `unboil.Article`: one page's result, its fields read on demand.

use crate::convert::{exception, to_python};
use crate::engine::{Failure, Page};
use crate::settings::Format;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// The main content of a page and what the page says about it.
///
/// ``text`` is the article body, one block per paragraph, heading, list
/// item or table cell, separated by a blank line; it is empty when the page
/// has no main content. The metadata fields are None (or empty lists) when
/// the page does not say. From ``Extractor.extract_many``, a page that could
/// not be extracted gives an Article whose ``error`` says why (its ``text``
/// is then empty and the other fields None).
///
/// >>> import unboil
/// >>> html = '''<html lang="en"><head><title>Rain due | The Daily</title></head>
/// ... <body><article><h1>Rain due</h1><p class="byline">By Jane Doe</p>
/// ... <p>Forecasters expect heavy rain across the region on Monday, with local
/// ... flooding likely in low-lying areas near the river.</p></article></body></html>'''
/// >>> article = unboil.Extractor().extract_article(html)
/// >>> article.title, article.authors, article.language
/// ('Rain due', ['Jane Doe'], 'en')
/// >>> article.text.startswith('Forecasters expect heavy rain')
/// True
/// >>> article.to_markdown().splitlines()[0]
/// '# Rain due'
#[pyclass(name = "Article", module = "unboil", frozen)]
pub struct PyArticle {
    outcome: Result<Page, Failure>,
}

impl PyArticle {
    pub fn new(outcome: Result<Page, Failure>) -> PyArticle {
        PyArticle { outcome }
    }

    fn page(&self) -> Option<&Page> {
        self.outcome.as_ref().ok()
    }

    /// The article rendered in `format`, or the failure as an exception.
    fn render(&self, py: Python<'_>, format: Format) -> PyResult<String> {
        let page = self.outcome.as_ref().map_err(|f| exception(py, f))?;
        page.render(format).map_err(|f| exception(py, &f))
    }
}

#[pymethods]
impl PyArticle {
    /// The headline, without the site name.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.page().and_then(Page::title)
    }
    /// The article body as plain text ('' when there is none or on failure).
    #[getter]
    fn text(&self) -> &str {
        self.page().map_or("", Page::text)
    }
    /// Reader comments, apart from the body ('' when none or not asked for).
    #[getter]
    fn comments(&self) -> &str {
        self.page().map_or("", Page::comments)
    }
    /// The authors, in byline order.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.page().map_or(Vec::new(), |p| p.authors().to_vec())
    }
    /// First publication date, ISO 8601 (YYYY-MM-DD, or with the time).
    #[getter]
    fn date_published(&self) -> Option<&str> {
        self.page().and_then(Page::date_published)
    }
    /// Last change, ISO 8601.
    #[getter]
    fn date_modified(&self) -> Option<&str> {
        self.page().and_then(Page::date_modified)
    }
    /// The site's or publisher's name.
    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.page().and_then(Page::site_name)
    }
    /// The language as a BCP 47 tag (declared, else detected).
    #[getter]
    fn language(&self) -> Option<&str> {
        self.page().and_then(Page::language)
    }
    /// The page's own summary.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.page().and_then(Page::description)
    }
    /// The canonical URL, absolute.
    #[getter]
    fn canonical_url(&self) -> Option<&str> {
        self.page().and_then(Page::canonical_url)
    }
    /// The lead image's URL.
    #[getter]
    fn image(&self) -> Option<&str> {
        self.page().and_then(Page::image)
    }
    /// Tags and keywords, in page order.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.page().map_or(Vec::new(), |p| p.tags().to_vec())
    }
    /// Sections or categories, in page order.
    #[getter]
    fn categories(&self) -> Vec<String> {
        self.page().map_or(Vec::new(), |p| p.categories().to_vec())
    }
    /// 'article', 'forum', 'product', 'collection', 'listing',
    /// 'documentation', 'service' or 'other' (None on failure).
    #[getter]
    fn page_type<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.page() {
            Some(page) => to_python(py, &page.page_type()),
            None => Ok(py.None().into_bound(py)),
        }
    }
    /// How sure the extraction is, 0 (doubtful, or nothing found) to 1: an
    /// estimate of the text's word F1 (0.0 on failure).
    #[getter]
    fn confidence(&self) -> f64 {
        self.page().map_or(0.0, |p| p.confidence())
    }
    /// The body as structured blocks: dicts with ``kind``, ``text`` and, where
    /// they apply, ``level``, ``ordered``, ``table``/``row``/``header``,
    /// ``spans`` (links and emphasis as byte ranges of ``text``) and ``url``.
    #[getter]
    fn blocks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.page() {
            Some(page) => to_python(py, &page.blocks()),
            None => Ok(PyList::empty(py).into_any()),
        }
    }
    /// Why the page gave no article (None when it did).
    #[getter]
    fn error(&self) -> Option<&str> {
        self.outcome.as_ref().err().map(|f| f.message.as_str())
    }
    /// Which limit a failed page hit ('max_input_bytes', 'max_dom_nodes',
    /// 'max_output_bytes'), else None.
    #[getter]
    fn error_limit(&self) -> Option<&str> {
        self.outcome.as_ref().err().and_then(|f| f.limit.as_deref())
    }

    /// Every field as a dict (as ``to_json`` has them), plus ``error``.
    ///
    /// >>> sorted(unboil.Extractor().extract_article("<p>One sentence of text, long enough to keep.</p>").to_dict())[:4]
    /// ['authors', 'blocks', 'canonical_url', 'categories']
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = match &self.outcome {
            Ok(page) => {
                let value = page.to_value().map_err(|f| exception(py, &f))?;
                to_python(py, &value)?.cast_into::<PyDict>()?
            }
            Err(_) => {
                let dict = PyDict::new(py);
                dict.set_item("title", py.None())?;
                dict.set_item("text", py.None())?;
                dict
            }
        };
        dict.set_item("error", self.error())?;
        Ok(dict)
    }

    /// The article as one line of JSON, every field as the Rust library (and
    /// the CLI's ``--format jsonl``) serialises it. Raises for a failed page.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.render(py, Format::Json)
    }

    /// The article as Markdown, the title as a first-level heading.
    fn to_markdown(&self, py: Python<'_>) -> PyResult<String> {
        self.render(py, Format::Markdown)
    }

    /// The article as a small sanitised HTML document (safe to display).
    fn to_html(&self, py: Python<'_>) -> PyResult<String> {
        self.render(py, Format::Html)
    }

    fn __repr__(&self) -> String {
        match &self.outcome {
            Ok(page) => format!(
                "<unboil.Article title={:?} text={} chars>",
                page.title().unwrap_or(""),
                page.text().chars().count()
            ),
            Err(failure) => format!("<unboil.Article error={:?}>", failure.message),
        }
    }
}
