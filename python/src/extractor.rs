//! `unboil.Extractor`: options set once, pages extracted with the GIL
//! released, one at a time or many on a thread pool.

use crate::article::PyArticle;
use crate::convert::{exception, to_python, Held};
use crate::engine::{Engine, Failure, Page};
use crate::settings::{Options, Settings};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use std::sync::{Arc, Mutex};

/// How many configured engines the module-level functions keep: building
/// one sets up word lists and patterns, and a program uses few option sets.
const ENGINE_CACHE_SIZE: usize = 16;

/// The engines built so far, newest last.
static ENGINES: Mutex<Vec<(Options, Arc<Engine>)>> = Mutex::new(Vec::new());

/// The engine for `options`, built once and reused.
fn engine_for(options: &Options) -> Arc<Engine> {
    let mut cache = ENGINES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, engine)) = cache.iter().find(|(o, _)| o == options) {
        return Arc::clone(engine);
    }
    let engine = Arc::new(Engine::new(options));
    if cache.len() == ENGINE_CACHE_SIZE {
        cache.remove(0);
    }
    cache.push((options.clone(), Arc::clone(&engine)));
    engine
}

/// A reusable extractor: the options are read once, and every call releases
/// the GIL, so Python threads run extractions in parallel.
///
/// Options (all keyword-only; the same for ``unboil.extract``):
///
/// - ``output_format``: what ``extract`` returns: ``'txt'`` (default),
///   ``'markdown'``, ``'html'`` (sanitised) or ``'json'`` (one line, every field).
/// - ``input``: ``'html'`` (default), ``'text'`` (text a scraper already
///   flattened), or ``'auto'`` (HTML when it starts with markup or is dense
///   with tags, else text; as the CLI's ``--input auto``).
/// - ``favor_precision`` / ``favor_recall``: leave out / keep doubtful blocks.
/// - ``include_comments`` (True): reader comments into ``Article.comments``.
/// - ``include_tables`` (True), ``include_links`` (False), ``include_images``
///   (False): what the body keeps.
/// - ``base_url``: the last base for relative links and images.
/// - ``max_input_bytes``, ``max_depth``, ``max_dom_nodes``,
///   ``max_output_bytes``: limits (None keeps the library's defaults).
/// - ``deduplicate``: accepted for trafilatura's sake; only True.
/// - ``page_type``: force the page type (``'forum'``, ``'documentation'``,
///   ...) instead of letting the classifier decide; None (default) decides.
///
/// >>> import unboil
/// >>> extractor = unboil.Extractor(output_format="markdown", include_links=True)
/// >>> html = '<article><h2>Steps</h2><p>Mix the flour and water, then leave the dough to rest for an hour.</p></article>'
/// >>> print(extractor.extract(html), end="")
/// ## Steps
/// <BLANKLINE>
/// Mix the flour and water, then leave the dough to rest for an hour.
#[pyclass(name = "Extractor", module = "unboil", frozen)]
pub struct PyExtractor {
    settings: Settings,
    engine: Arc<Engine>,
}

impl PyExtractor {
    /// The extractor for `settings`.
    pub fn from_settings(settings: Settings) -> PyExtractor {
        let engine = engine_for(&settings.options);
        PyExtractor { settings, engine }
    }

    /// Extract one held page, the GIL already released.
    fn run(&self, held: &Held, url: Option<&str>) -> Result<Page, Failure> {
        let source = held.source();
        let kind = self.settings.input.resolve(source.bytes());
        self.engine.extract(source, kind, url)
    }

    /// Extract every page on `threads` threads (all cores when None), in order.
    fn run_all(
        &self,
        pages: &[Held],
        urls: &[Option<String>],
        threads: Option<usize>,
    ) -> Result<Vec<Result<Page, Failure>>, String> {
        let work = || -> Vec<Result<Page, Failure>> {
            pages
                .par_iter()
                .enumerate()
                .map(|(i, held)| self.run(held, urls.get(i).and_then(|u| u.as_deref())))
                .collect()
        };
        match threads {
            None => Ok(work()),
            Some(n) => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| format!("cannot start {n} threads: {e}"))?;
                Ok(pool.install(work))
            }
        }
    }
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (**options))]
    fn new(options: Option<&Bound<'_, PyDict>>) -> PyResult<PyExtractor> {
        Ok(PyExtractor::from_settings(
            Settings::default().with_kwargs(options)?,
        ))
    }

    /// The page's main content in ``output_format``, or None when the page
    /// has none. ``html`` is ``str``, or ``bytes`` in any encoding (detected
    /// as browsers do); ``url`` is where it came from (a base for relative
    /// links, the canonical URL when the page declares none; unused for text).
    /// Raises ``UnboilError`` for input that is not a page.
    ///
    /// >>> unboil.Extractor().extract(b"<nav><a href='/'>Home</a></nav>") is None
    /// True
    #[pyo3(signature = (html, *, url = None))]
    pub fn extract(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<String>,
    ) -> PyResult<Option<String>> {
        let held = Held::new(html)?;
        let format = self.settings.format;
        let rendered = py.detach(|| {
            let page = self.run(&held, url.as_deref())?;
            if page.is_empty() {
                return Ok(None);
            }
            page.render(format).map(Some)
        });
        rendered.map_err(|f| exception(py, &f))
    }

    /// The whole ``Article``: text, metadata, blocks and renderings. Raises
    /// ``UnboilError`` for input that is not a page.
    ///
    /// >>> article = unboil.Extractor().extract_article(
    /// ...     "<title>Notes</title><p>A first paragraph, with enough words to keep.</p>")
    /// >>> article.text
    /// 'A first paragraph, with enough words to keep.'
    #[pyo3(signature = (html, *, url = None))]
    fn extract_article(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<String>,
    ) -> PyResult<PyArticle> {
        let held = Held::new(html)?;
        let page = py
            .detach(|| self.run(&held, url.as_deref()))
            .map_err(|f| exception(py, &f))?;
        Ok(PyArticle::new(Ok(page)))
    }

    /// One ``Article`` per page, in input order, extracted on ``threads``
    /// threads (default: one per core) with the GIL released. A page that
    /// fails gives an Article whose ``error`` says why; the others go on.
    /// ``urls``, when given, has one URL (or None) per page.
    ///
    /// >>> articles = unboil.Extractor().extract_many(
    /// ...     ["<p>The first page has a sentence long enough to keep.</p>", b""], threads=2)
    /// >>> [a.error is None for a in articles]
    /// [True, False]
    #[pyo3(signature = (pages, *, urls = None, threads = None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        urls: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<PyArticle>> {
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let held = pages
            .try_iter()?
            .map(|page| Held::new(&page?))
            .collect::<PyResult<Vec<Held>>>()?;
        let urls: Vec<Option<String>> = match urls {
            None => Vec::new(),
            Some(urls) => urls
                .try_iter()?
                .map(|url| url?.extract())
                .collect::<PyResult<_>>()?,
        };
        if !urls.is_empty() && urls.len() != held.len() {
            return Err(PyValueError::new_err(format!(
                "{} urls for {} pages: give one URL (or None) per page",
                urls.len(),
                held.len()
            )));
        }
        let outcomes = py
            .detach(|| self.run_all(&held, &urls, threads))
            .map_err(PyRuntimeError::new_err)?;
        Ok(outcomes.into_iter().map(PyArticle::new).collect())
    }

    /// Every block of an HTML page, kept or dropped, with its label, the
    /// reason and its features (the CLI's ``--explain``), as a dict with
    /// ``title``, ``region`` and ``blocks``.
    ///
    /// >>> blocks = unboil.Extractor().explain(
    /// ...     "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    /// ...     "<article><p>The committee met on Monday and agreed to publish its findings soon.</p></article>")["blocks"]
    /// >>> [(b["kept"], b["label"]) for b in blocks]
    /// [(False, 'navigation'), (True, 'content')]
    fn explain<'py>(
        &self,
        py: Python<'py>,
        html: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let held = Held::new(html)?;
        let json = py
            .detach(|| self.engine.explain(held.source(), false))
            .map_err(|f| exception(py, &f))?;
        let value: serde_json::Value = serde_json::from_str(&json)
            .map_err(|e| PyRuntimeError::new_err(format!("cannot read the explanation: {e}")))?;
        to_python(py, &value)
    }

    /// The blocks of an HTML page as one self-contained HTML page, kept and
    /// dropped blocks in different colours, the reason on hover (the CLI's
    /// ``--highlight``).
    fn highlight(&self, py: Python<'_>, html: &Bound<'_, PyAny>) -> PyResult<String> {
        let held = Held::new(html)?;
        py.detach(|| self.engine.explain(held.source(), true))
            .map_err(|f| exception(py, &f))
    }

    /// The options this extractor runs with, as a dict.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.settings.to_dict(py)
    }

    /// Pickling (for process pools, Spark, datatrove workers): the options,
    /// from which the extractor is made again.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyDict>,))> {
        let restore = py.import("unboil._unboil")?.getattr("_restore_extractor")?;
        Ok((restore, (self.settings.to_dict(py)?,)))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let defaults = Settings::default().to_dict(py)?;
        let mut changed = Vec::new();
        for (key, value) in self.settings.to_dict(py)?.iter() {
            if !defaults
                .get_item(&key)?
                .is_some_and(|d| d.eq(&value).unwrap_or(false))
            {
                changed.push(format!("{}={}", key, value.repr()?));
            }
        }
        Ok(format!("unboil.Extractor({})", changed.join(", ")))
    }
}

/// An extractor from the dict of `Extractor.options` (for unpickling).
#[pyfunction]
pub fn _restore_extractor(options: &Bound<'_, PyDict>) -> PyResult<PyExtractor> {
    PyExtractor::new(Some(options))
}
