//! Every option of the Python API, read from keyword arguments in one place.
//!
//! `unboil.extract`, `unboil.extract_text` and `unboil.Extractor` all take the
//! same `**options`; [`Settings::from_kwargs`] reads them, and the table
//! [`OPTION_NAMES`] is the list the error message and `Extractor.options`
//! show. A new option is one field, one arm of [`Settings::set`] and one name.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// The keyword options, in the order `Extractor.options` lists them.
pub const OPTION_NAMES: [&str; 15] = [
    "output_format",
    "input",
    "favor_precision",
    "favor_recall",
    "include_comments",
    "include_tables",
    "include_links",
    "include_images",
    "base_url",
    "max_input_bytes",
    "max_depth",
    "max_dom_nodes",
    "max_output_bytes",
    "deduplicate",
    "page_type",
];

/// The extractor's options (what the Rust builder is given). `None` limits
/// keep the library's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Options {
    pub favor_precision: bool,
    pub favor_recall: bool,
    pub include_comments: bool,
    pub include_tables: bool,
    pub include_links: bool,
    pub include_images: bool,
    pub base_url: Option<String>,
    pub max_input_bytes: Option<usize>,
    pub max_depth: Option<usize>,
    pub max_dom_nodes: Option<usize>,
    pub max_output_bytes: Option<usize>,
    /// The page type the caller forces (`None`: the classifier decides).
    pub page_type: Option<unboil::PageType>,
}

impl Default for Options {
    /// The library's defaults, which are trafilatura's for the flags it shares.
    fn default() -> Self {
        Options {
            favor_precision: false,
            favor_recall: false,
            include_comments: true,
            include_tables: true,
            include_links: false,
            include_images: false,
            base_url: None,
            max_input_bytes: None,
            max_depth: None,
            max_dom_nodes: None,
            max_output_bytes: None,
            page_type: None,
        }
    }
}

/// What `extract` returns: the CLI's `--format`, in trafilatura's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    fn parse(name: &str) -> PyResult<Format> {
        Ok(match name {
            "txt" | "text" => Format::Text,
            "markdown" | "md" => Format::Markdown,
            "html" => Format::Html,
            "json" | "jsonl" => Format::Json,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "output_format must be 'txt', 'markdown', 'html' or 'json', not {name:?}"
                )))
            }
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// What the inputs are: the CLI's `--input`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Kind {
    /// HTML when the input starts with markup or is dense with tags, else text.
    Auto,
    #[default]
    Html,
    Text,
}

impl Kind {
    fn parse(name: &str) -> PyResult<Kind> {
        Ok(match name {
            "auto" => Kind::Auto,
            "html" => Kind::Html,
            "text" | "txt" => Kind::Text,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "input must be 'html', 'text' or 'auto', not {name:?}"
                )))
            }
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Auto => "auto",
            Kind::Html => "html",
            Kind::Text => "text",
        }
    }

    /// HTML or text for this input (`Auto` decided by the library's rule,
    /// the CLI's `--input auto`).
    pub fn resolve(self, bytes: &[u8]) -> Kind {
        match self {
            Kind::Auto if crate::engine::looks_like_html(bytes) => Kind::Html,
            Kind::Auto => Kind::Text,
            kind => kind,
        }
    }
}

/// Everything a call is configured with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Settings {
    pub options: Options,
    pub format: Format,
    pub input: Kind,
}

impl Settings {
    /// Settings from keyword arguments, starting from `self`.
    pub fn with_kwargs(mut self, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Settings> {
        if let Some(kwargs) = kwargs {
            for (key, value) in kwargs.iter() {
                let key = key.cast::<PyString>()?.to_cow()?;
                self.set(&key, &value)?;
            }
        }
        if self.options.favor_precision && self.options.favor_recall {
            return Err(PyValueError::new_err(
                "favor_precision and favor_recall cannot both be on",
            ));
        }
        Ok(self)
    }

    /// Set one option by name.
    fn set(&mut self, key: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let o = &mut self.options;
        match key {
            "output_format" => self.format = Format::parse(&value.extract::<String>()?)?,
            "input" => self.input = Kind::parse(&value.extract::<String>()?)?,
            "favor_precision" => o.favor_precision = flag(key, value)?,
            "favor_recall" => o.favor_recall = flag(key, value)?,
            "include_comments" => o.include_comments = flag(key, value)?,
            "include_tables" => o.include_tables = flag(key, value)?,
            "include_links" => o.include_links = flag(key, value)?,
            "include_images" => o.include_images = flag(key, value)?,
            "base_url" => o.base_url = value.extract()?,
            "max_input_bytes" => o.max_input_bytes = value.extract()?,
            "max_depth" => o.max_depth = value.extract()?,
            "max_dom_nodes" => o.max_dom_nodes = value.extract()?,
            "max_output_bytes" => o.max_output_bytes = value.extract()?,
            "page_type" => o.page_type = page_type(value)?,
            // trafilatura's option: unboil always drops repeated blocks, so
            // only True is accepted (and ignored).
            "deduplicate" if flag(key, value)? => {}
            "deduplicate" => {
                return Err(PyValueError::new_err(
                    "deduplicate=False is not supported: unboil always drops repeated blocks",
                ))
            }
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "unexpected keyword argument {key:?}; the options are: {}",
                    OPTION_NAMES.join(", ")
                )))
            }
        }
        Ok(())
    }

    /// The settings as a dict of every option, for `Extractor.options`.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let o = &self.options;
        let dict = PyDict::new(py);
        dict.set_item("output_format", self.format.name())?;
        dict.set_item("input", self.input.name())?;
        dict.set_item("favor_precision", o.favor_precision)?;
        dict.set_item("favor_recall", o.favor_recall)?;
        dict.set_item("include_comments", o.include_comments)?;
        dict.set_item("include_tables", o.include_tables)?;
        dict.set_item("include_links", o.include_links)?;
        dict.set_item("include_images", o.include_images)?;
        dict.set_item("base_url", &o.base_url)?;
        dict.set_item("max_input_bytes", o.max_input_bytes)?;
        dict.set_item("max_depth", o.max_depth)?;
        dict.set_item("max_dom_nodes", o.max_dom_nodes)?;
        dict.set_item("max_output_bytes", o.max_output_bytes)?;
        dict.set_item("page_type", o.page_type.map(|t| t.name()))?;
        Ok(dict)
    }
}

/// A boolean option: only `True` or `False` (a string such as "false"
/// would silently mean the opposite).
fn flag(key: &str, value: &Bound<'_, PyAny>) -> PyResult<bool> {
    value
        .extract::<bool>()
        .map_err(|_| PyTypeError::new_err(format!("{key} must be True or False")))
}

/// A page type by name (`'forum'`), or None for the classifier's choice.
fn page_type(value: &Bound<'_, PyAny>) -> PyResult<Option<unboil::PageType>> {
    let Some(name) = value.extract::<Option<String>>()? else {
        return Ok(None);
    };
    match unboil::PageType::from_name(&name) {
        Some(t) => Ok(Some(t)),
        None => {
            let names: Vec<&str> = unboil::PageType::ALL.iter().map(|t| t.name()).collect();
            Err(PyValueError::new_err(format!(
                "page_type must be one of {}, not {name:?}",
                names.join(", ")
            )))
        }
    }
}
