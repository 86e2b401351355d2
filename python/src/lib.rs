//! The `unboil` Python package's native module, `unboil._unboil`.
//!
//! `engine` is the only module that calls the unboil crate; `settings`
//! reads every keyword option; `extractor` and `article` are the two
//! classes; `convert` moves values between Python and Rust.

mod article;
mod convert;
mod engine;
mod extractor;
mod settings;

use extractor::PyExtractor;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use settings::{Kind, Settings};

/// The main content of an HTML page, or None when it has none (as
/// trafilatura's ``extract``).
///
/// ``html`` is ``str``, or ``bytes`` in any encoding. ``url`` is where the
/// page came from. ``output_format`` is ``'txt'`` (default), ``'markdown'``,
/// ``'html'`` or ``'json'``; the other options are ``Extractor``'s. Raises
/// ``UnboilError`` (a ``ValueError``) for input that is not a page: empty,
/// binary, or over a limit. Releases the GIL while it runs.
///
/// >>> import unboil
/// >>> html = '''<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
/// ... <article><h1>Rain due</h1>
/// ... <p>Forecasters expect heavy rain across the region on Monday, with local flooding likely.</p>
/// ... <p>Residents are advised to keep drains clear and to avoid low-lying roads.</p>
/// ... </article><footer>All rights reserved.</footer></body></html>'''
/// >>> print(unboil.extract(html))
/// Forecasters expect heavy rain across the region on Monday, with local flooding likely.
/// <BLANKLINE>
/// Residents are advised to keep drains clear and to avoid low-lying roads.
/// >>> unboil.extract(html, output_format="markdown").splitlines()[0]
/// '# Rain due'
#[pyfunction]
#[pyo3(signature = (html, *, url = None, **options))]
fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<String>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Option<String>> {
    let settings = Settings::default().with_kwargs(options)?;
    PyExtractor::from_settings(settings).extract(py, html, url)
}

/// The main content of page text that a scraper already flattened (an
/// ``innerText``, a copy-paste, one element per line), or None when it has
/// none. Takes the same options as ``extract``.
///
/// >>> text = ("Home\nNews\nCouncil backs new cycle lanes for the high street\nBy Jane Doe\n"
/// ...     "The council voted on Tuesday to build protected cycle lanes along the whole of the "
/// ...     "high street, after a year in which residents had asked for safer routes.\nRead more\n")
/// >>> unboil.extract_text(text)
/// 'The council voted on Tuesday to build protected cycle lanes along the whole of the high street, after a year in which residents had asked for safer routes.'
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn extract_text(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Option<String>> {
    let start = Settings {
        input: Kind::Text,
        ..Settings::default()
    };
    PyExtractor::from_settings(start.with_kwargs(options)?).extract(py, text, None)
}

#[pymodule]
fn _unboil(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_text, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::_restore_extractor, m)?)?;
    m.add_class::<PyExtractor>()?;
    m.add_class::<article::PyArticle>()?;
    m.add("UnboilError", m.py().get_type::<convert::UnboilError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("OPTIONS", settings::OPTION_NAMES.to_vec())?;
    Ok(())
}
