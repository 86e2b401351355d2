//! One loader for every evaluation set's layout.
//!
//! A set is a folder with `html/<id>.html.gz` (the pages, gzipped) and one or
//! more truth files, all JSON objects keyed by page id:
//!
//! - `ground-truth.json`: `{id: {"articleBody": text, …}}`, the main content
//!   of each page (scored with the shingle metric, and with word F1);
//! - `expectations.json`: `{id: {"with": [..], "without": [..]}}`, snippets a
//!   correct extraction must and must not contain;
//! - `page-types.json`: `{id: type}`, each page's type (article, forum, …);
//! - `metadata.json`: hand-annotated titles, authors and dates (read by
//!   [`crate::cli`]'s metadata report).
//!
//! ```no_run
//! let corpus = unboil_eval::Corpus::open("tests/data/scrapinghub")?;
//! for page in corpus.pages()? {
//!     let body = corpus.body(&page.id).unwrap_or_default();
//!     println!("{}: {} bytes of HTML, {} of truth", page.id, page.html.len(), body.len());
//! }
//! # Ok::<(), unboil_eval::CorpusError>(())
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use serde_json::{Map, Value};

/// What went wrong reading a set.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file could not be read.
    #[error("cannot read {path}: {source} (is this an evaluation set folder?)")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A truth file is not the JSON this layout expects.
    #[error("{path}: {why}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What was expected.
        why: String,
    },
    /// The folder has neither `ground-truth.json` nor `expectations.json`.
    #[error("{0}: no ground-truth.json or expectations.json; not an evaluation set")]
    NoTruth(PathBuf),
}

/// The "with" and "without" snippets of one page.
#[derive(Debug, Clone, Default)]
pub struct Snippets {
    /// Passages a correct extraction contains.
    pub with: Vec<String>,
    /// Passages of boilerplate it leaves out.
    pub without: Vec<String>,
}

/// One page of a set, decompressed.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page id (the file stem).
    pub id: String,
    /// The page's HTML (invalid UTF-8 replaced).
    pub html: String,
}

/// An evaluation set: its truth files, loaded; its pages, read on demand.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The folder.
    pub dir: PathBuf,
    /// `ground-truth.json`'s article bodies, by id.
    pub bodies: Option<BTreeMap<String, String>>,
    /// `expectations.json`'s snippets, by id.
    pub snippets: Option<BTreeMap<String, Snippets>>,
    /// `page-types.json`'s types, by id.
    pub page_types: Option<BTreeMap<String, String>>,
    /// The URL each page was fetched from, when `ground-truth.json` gives
    /// one (`url`), by id.
    pub urls: BTreeMap<String, String>,
}

impl Corpus {
    /// Load the truth files of the set in `dir`.
    pub fn open(dir: impl AsRef<Path>) -> Result<Corpus, CorpusError> {
        let dir = dir.as_ref().to_path_buf();
        let bodies = read_entries(&dir.join("ground-truth.json"), body)?;
        let snippets = read_entries(&dir.join("expectations.json"), snippets)?;
        if bodies.is_none() && snippets.is_none() {
            return Err(CorpusError::NoTruth(dir));
        }
        let page_types = read_entries(&dir.join("page-types.json"), |v| {
            v.as_str().map(str::to_owned)
        })?;
        let urls = read_optional(&dir.join("ground-truth.json"))?
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(id, entry)| Some((id, entry.get("url")?.as_str()?.to_owned())))
            .collect();
        Ok(Corpus {
            dir,
            bodies,
            snippets,
            page_types,
            urls,
        })
    }

    /// The set's name: its folder's name, e.g. `scrapinghub`.
    pub fn name(&self) -> String {
        let dir = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
        dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Every page id, sorted: those of the article bodies, else the snippets.
    pub fn ids(&self) -> Vec<String> {
        match (&self.bodies, &self.snippets) {
            (Some(map), _) => map.keys().cloned().collect(),
            (None, Some(map)) => map.keys().cloned().collect(),
            (None, None) => Vec::new(),
        }
    }

    /// Whether the set has a page `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.bodies.as_ref().is_some_and(|m| m.contains_key(id))
            || self.snippets.as_ref().is_some_and(|m| m.contains_key(id))
    }

    /// The article body of page `id`, when the set has bodies.
    pub fn body(&self, id: &str) -> Option<&str> {
        self.bodies.as_ref()?.get(id).map(String::as_str)
    }

    /// The URL page `id` was fetched from, when the set gives it.
    pub fn url(&self, id: &str) -> Option<&str> {
        self.urls.get(id).map(String::as_str)
    }

    /// The type of page `id`, when the set has page types.
    pub fn page_type(&self, id: &str) -> Option<&str> {
        self.page_types.as_ref()?.get(id).map(String::as_str)
    }

    /// Every page, read and decompressed, in id order.
    pub fn pages(&self) -> Result<Vec<Page>, CorpusError> {
        self.read_pages(&self.ids())
    }

    /// The pages `ids`, read and decompressed, in the order given.
    pub fn read_pages(&self, ids: &[String]) -> Result<Vec<Page>, CorpusError> {
        ids.iter().map(|id| self.read_page(id)).collect()
    }

    /// Page `id`, read from `html/<id>.html.gz`.
    pub fn read_page(&self, id: &str) -> Result<Page, CorpusError> {
        let path = self.dir.join("html").join(format!("{id}.html.gz"));
        let mut bytes = Vec::new();
        fs::File::open(&path)
            .and_then(|file| GzDecoder::new(file).read_to_end(&mut bytes))
            .map_err(|source| CorpusError::Read {
                path: path.clone(),
                source,
            })?;
        let html = match String::from_utf8(bytes) {
            Ok(html) => html,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(Page {
            id: id.to_owned(),
            html,
        })
    }
}

/// Read a JSON object of pages, or `None` when the file does not exist.
pub fn read_optional(path: &Path) -> Result<Option<Map<String, Value>>, CorpusError> {
    if !path.is_file() {
        return Ok(None);
    }
    read_object(path).map(Some)
}

/// Read a file holding one JSON object.
pub fn read_object(path: &Path) -> Result<Map<String, Value>, CorpusError> {
    let text = fs::read_to_string(path).map_err(|source| CorpusError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let format = |why: String| CorpusError::Format {
        path: path.to_path_buf(),
        why,
    };
    match serde_json::from_str(&text).map_err(|e| format(e.to_string()))? {
        Value::Object(map) => Ok(map),
        _ => Err(format("expected a JSON object of pages".into())),
    }
}

/// Each entry of the JSON object in `path` through `parse` (an entry it
/// rejects is an error); `None` when the file does not exist.
fn read_entries<T>(
    path: &Path,
    parse: impl Fn(&Value) -> Option<T>,
) -> Result<Option<BTreeMap<String, T>>, CorpusError> {
    let Some(map) = read_optional(path)? else {
        return Ok(None);
    };
    map.into_iter()
        .map(|(id, entry)| match parse(&entry) {
            Some(value) => Ok((id, value)),
            None => Err(CorpusError::Format {
                path: path.to_path_buf(),
                why: format!("page {id}: unexpected entry {entry}"),
            }),
        })
        .collect::<Result<_, _>>()
        .map(Some)
}

fn body(entry: &Value) -> Option<String> {
    entry.get("articleBody")?.as_str().map(str::to_owned)
}

fn snippets(entry: &Value) -> Option<Snippets> {
    Some(Snippets {
        with: strings(entry.get("with")?)?,
        without: strings(entry.get("without")?)?,
    })
}

fn strings(list: &Value) -> Option<Vec<String>> {
    list.as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}
