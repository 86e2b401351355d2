//! Quality floor: the default extractor must keep its F1 on both evaluation
//! sets at or above a fixed floor, so that a change that makes extraction
//! worse fails the test suite. The scoring is the same as
//! `examples/evaluate.rs` (see `unboil::metric`).

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use serde_json::Value;
use unboil::metric::{score_page, score_snippets, CorpusScore, SnippetTotals};
use unboil::Extractor;

/// Just under the measured 0.9763 (evaluate example, 2026-11-24); the
/// issue's target is 0.975. Extraction is deterministic, so the margin only
/// leaves room for a deliberate trade between the sets.
const SCRAPINGHUB_F1_FLOOR: f64 = 0.973;
/// Just under the measured 0.9423 (evaluate example, 2026-11-24); the
/// issue's target is 0.94.
const TRAFILATURA_EVAL_F1_FLOOR: f64 = 0.939;

fn data_dir(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(set)
}

/// The pages' truth entries, by id (sorted).
fn read_truth(path: &Path) -> BTreeMap<String, Value> {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map.into_iter().collect(),
        other => panic!(
            "{}: expected a JSON object of pages, got {other:?}",
            path.display()
        ),
    }
}

/// Read, gunzip and extract one page; a failed extraction counts as empty.
fn extract_page(extractor: &Extractor, dir: &Path, id: &str) -> String {
    let path = dir.join("html").join(format!("{id}.html.gz"));
    let file =
        fs::File::open(&path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    let mut html = String::new();
    GzDecoder::new(file)
        .read_to_string(&mut html)
        .unwrap_or_else(|e| panic!("cannot read {} as gzipped UTF-8: {e}", path.display()));
    extractor
        .extract(&html)
        .map(|article| article.text)
        .unwrap_or_default()
}

fn strings(entry: &Value, key: &str, id: &str) -> Vec<String> {
    let list = entry[key]
        .as_array()
        .unwrap_or_else(|| panic!("page {id}: no {key:?} list"));
    list.iter()
        .map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("page {id}: non-string in {key:?}"))
                .to_owned()
        })
        .collect()
}

#[test]
fn scrapinghub_f1_floor() {
    let dir = data_dir("scrapinghub");
    let extractor = Extractor::default();
    let mut corpus = CorpusScore::default();
    for (id, entry) in read_truth(&dir.join("ground-truth.json")) {
        let truth = entry["articleBody"]
            .as_str()
            .unwrap_or_else(|| panic!("page {id}: no articleBody"));
        corpus.add(&score_page(&extract_page(&extractor, &dir, &id), truth));
    }
    assert_eq!(corpus.pages(), 181);
    let f1 = corpus.f1();
    println!(
        "scrapinghub: F1 {f1:.4}, P {:.4}, R {:.4}",
        corpus.precision(),
        corpus.recall()
    );
    assert!(
        f1 >= SCRAPINGHUB_F1_FLOOR,
        "scrapinghub F1 {f1:.4} fell below the floor {SCRAPINGHUB_F1_FLOOR}"
    );
}

#[test]
fn trafilatura_eval_f1_floor() {
    let dir = data_dir("trafilatura-eval");
    let extractor = Extractor::default();
    let mut totals = SnippetTotals::default();
    for (id, entry) in read_truth(&dir.join("expectations.json")) {
        let (with, without) = (
            strings(&entry, "with", &id),
            strings(&entry, "without", &id),
        );
        totals.add(&score_snippets(
            &extract_page(&extractor, &dir, &id),
            &with,
            &without,
        ));
    }
    assert_eq!(totals.pages(), 657);
    let f1 = totals.f1();
    println!(
        "trafilatura-eval: F1 {f1:.4}, P {:.4}, R {:.4}",
        totals.precision(),
        totals.recall()
    );
    assert!(
        f1 >= TRAFILATURA_EVAL_F1_FLOOR,
        "trafilatura-eval F1 {f1:.4} fell below the floor {TRAFILATURA_EVAL_F1_FLOOR}"
    );
}
