//! Title, author and date accuracy against a set's hand
//! annotations (`metadata.json`), with the metric of
//! [`crate::metric::metadata`].

use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus::read_object;
use crate::metric::metadata::MetadataScore;
use serde_json::{json, Map, Value};
use unboil::Article;

use super::Result;

/// How many misses per field the human report lists.
const MISSES_SHOWN: usize = 8;

/// One page's annotation; empty strings where the annotators left it blank.
pub struct Annotation {
    title: String,
    author: String,
    date: String,
}

/// One page's extracted metadata, from unboil or from a predictions file.
#[derive(Default)]
pub struct Got {
    title: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
}

impl From<&Article> for Got {
    fn from(a: &Article) -> Got {
        Got {
            title: a.title.clone(),
            authors: a.authors.clone(),
            date: a.date_published.clone(),
        }
    }
}

/// A string field, or a list of strings joined with "; ".
fn text(entry: &Value, key: &str) -> String {
    match entry.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// The annotations of the set in `dir`, by page id.
/// `None` when the set has no `metadata.json`.
pub fn load(dir: &Path) -> Result<Option<BTreeMap<String, Annotation>>> {
    let path = dir.join("metadata.json");
    if !path.is_file() {
        return Ok(None);
    }
    Ok(Some(
        read_object(&path)?
            .iter()
            .map(|(id, e)| {
                let a = Annotation {
                    title: text(e, "title"),
                    author: text(e, "author"),
                    date: text(e, "date"),
                };
                (id.clone(), a)
            })
            .collect(),
    ))
}

/// Another tool's metadata, `{id: {"title", "author", "date"}}`; an author
/// string is split at ";" (trafilatura's way of listing names).
pub fn load_predictions(path: &Path) -> Result<BTreeMap<String, Got>> {
    let opt = |e: &Value, k: &str| Some(text(e, k)).filter(|s| !s.trim().is_empty());
    Ok(read_object(path)?
        .iter()
        .map(|(id, e)| {
            let authors = match e.get("author") {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect(),
                Some(Value::String(s)) => s
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                _ => Vec::new(),
            };
            let got = Got {
                title: opt(e, "title"),
                authors,
                date: opt(e, "date"),
            };
            (id.clone(), got)
        })
        .collect())
}

/// The tallies and the misses, in page id order.
pub struct Report {
    score: MetadataScore,
    misses: Vec<(&'static str, String, String, String)>,
}

/// Score `got` against the annotations of the pages it has.
pub fn score(truth: &BTreeMap<String, Annotation>, got: &BTreeMap<String, Got>) -> Report {
    let mut score = MetadataScore::default();
    let mut misses = Vec::new();
    let empty = Got::default();
    for (id, a) in truth {
        let g = got.get(id).unwrap_or(&empty);
        let mut miss = |field, expected: &str, got: String| {
            misses.push((field, id.clone(), expected.to_string(), got));
        };
        if score.add_title(&a.title, g.title.as_deref()) == Some(false) {
            miss("title", &a.title, format!("{:?}", g.title));
        }
        if score.add_author(&a.author, &g.authors) == Some(false) {
            miss("author", &a.author, format!("{:?}", g.authors));
        }
        if score.add_date(&a.date, g.date.as_deref()) == Some(false) {
            miss("date", &a.date, format!("{:?}", g.date));
        }
    }
    Report { score, misses }
}

impl Report {
    pub fn print(&self) {
        let s = &self.score;
        println!("\nmetadata (pages with a non-empty annotation):");
        for (name, tally, loose) in [
            ("title", s.title, Some(s.title_contained)),
            ("author", s.author, Some(s.author_contained)),
            ("date", s.date, None),
        ] {
            print!(
                "  {name:<7} {:.3}  ({} of {})",
                tally.accuracy(),
                tally.correct,
                tally.counted
            );
            match loose {
                Some(l) => println!("   contained {:.3}", l.accuracy()),
                None => println!(),
            }
        }
        for field in ["title", "author", "date"] {
            let misses: Vec<_> = self.misses.iter().filter(|m| m.0 == field).collect();
            println!("\n{} {field} misses, first {MISSES_SHOWN}:", misses.len());
            // UNBOIL_ALL_MISSES=1 lists them all.
            let shown = if std::env::var_os("UNBOIL_ALL_MISSES").is_some() {
                misses.len()
            } else {
                MISSES_SHOWN
            };
            for (_, id, expected, got) in misses.iter().take(shown) {
                println!(
                    "  {}  want {expected:?}\n            got  {got}",
                    &id[..8.min(id.len())]
                );
            }
        }
    }

    /// Add the accuracies to a JSON summary.
    pub fn add_json(&self, map: &mut Map<String, Value>) {
        let s = &self.score;
        for (key, value) in [
            ("title_accuracy", json!(s.title.accuracy())),
            ("author_accuracy", json!(s.author.accuracy())),
            ("date_accuracy", json!(s.date.accuracy())),
            (
                "title_contained_accuracy",
                json!(s.title_contained.accuracy()),
            ),
            (
                "author_contained_accuracy",
                json!(s.author_contained.accuracy()),
            ),
            ("title_pages", json!(s.title.counted)),
            ("author_pages", json!(s.author.counted)),
            ("date_pages", json!(s.date.counted)),
        ] {
            map.insert(key.to_string(), value);
        }
    }
}
