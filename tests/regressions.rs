//! The regression corpus: every file under `tests/fixtures/regressions/`
//! (inputs that crashed, hung or stand for a crash class; see the README
//! there) goes through `extract` and `explain` in HTML mode, as bytes and as
//! a string, and in text mode, with the renderings; none may panic.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use unboil::{Extractor, Input};

/// Every entry point on `bytes`; errors are fine, panics are not.
fn exercise(extractor: &Extractor, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for input in [
        Input::html_bytes(bytes),
        Input::html(&text),
        Input::text_bytes(bytes),
        Input::text(&text),
    ] {
        if let Ok(article) = extractor.extract(input) {
            let _ = (article.to_html(), article.to_markdown());
        }
        if let Ok(explanation) = extractor.explain(input) {
            let _ = explanation.to_html();
        }
    }
}

#[test]
fn no_regression_input_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "found only {} inputs", files.len());
    let extractor = Extractor::default();
    let mut panicked = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if catch_unwind(AssertUnwindSafe(|| exercise(&extractor, &bytes))).is_err() {
            panicked.push(file.display().to_string());
        }
    }
    assert!(panicked.is_empty(), "panicked on: {panicked:?}");
}
