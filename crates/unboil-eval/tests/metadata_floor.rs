//! Metadata floor: title, author and date accuracy on trafilatura-eval's
//! hand annotations (`metadata.json`) must stay at or above fixed floors,
//! just under today's figures. Scored with `unboil_eval::metric::metadata`, as
//! the evaluate example reports them.

use std::path::Path;

use serde_json::Value;
use unboil::Extractor;
use unboil_eval::corpus::read_object;
use unboil_eval::metric::metadata::MetadataScore;
use unboil_eval::Corpus;

/// Just under the measured 0.855 (479 of 560; trafilatura 2.3.1: 0.845).
const TITLE_FLOOR: f64 = 0.85;
/// Just under the measured 0.629 (224 of 356; trafilatura 2.3.1: 0.604).
const AUTHOR_FLOOR: f64 = 0.62;
/// Just under the measured 0.865 (415 of 480; trafilatura 2.3.1: 0.863).
const DATE_FLOOR: f64 = 0.86;

/// A string field, or a list of strings joined with "; ".
fn text(entry: &Value, key: &str) -> String {
    match &entry[key] {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

#[test]
fn trafilatura_eval_metadata_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/trafilatura-eval");
    let corpus = Corpus::open(&dir).unwrap_or_else(|e| panic!("{e}"));
    let pages = read_object(&dir.join("metadata.json")).unwrap_or_else(|e| panic!("{e}"));
    let extractor = Extractor::default();
    let mut score = MetadataScore::default();
    for (id, entry) in &pages {
        let page = corpus.read_page(id).unwrap_or_else(|e| panic!("{e}"));
        let article = extractor.extract(&page.html).unwrap_or_default();
        score.add_title(&text(entry, "title"), article.title.as_deref());
        score.add_author(&text(entry, "author"), &article.authors);
        score.add_date(&text(entry, "date"), article.date_published.as_deref());
    }
    let report = format!(
        "title {:.3}, author {:.3}, date {:.3}",
        score.title.accuracy(),
        score.author.accuracy(),
        score.date.accuracy()
    );
    assert!(score.title.accuracy() >= TITLE_FLOOR, "{report}");
    assert!(score.author.accuracy() >= AUTHOR_FLOOR, "{report}");
    assert!(score.date.accuracy() >= DATE_FLOOR, "{report}");
}
