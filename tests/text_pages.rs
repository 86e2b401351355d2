//! The text front end on flattened pages: every case under
//! `tests/text_pages/<case>/` holds
//!
//! - `input.txt`: the page text as a scraper or a copy-paste gives it;
//! - `expected.txt`: the article's paragraphs, separated by blank lines;
//!   each must be in the output, once, in this order (compared with
//!   whitespace normalised);
//! - `cruft.txt`: lines of the input, one a line, that must not be: none
//!   may be a paragraph of the output, and none of five words or more may
//!   appear inside one;
//! - optionally `title.txt`, `author.txt`, `date.txt`: the metadata
//!   expected.

use std::fs;
use std::path::{Path, PathBuf};

/// Cruft lines of at least this many words must not appear even inside an
/// output paragraph; shorter ones ("Share", "Comments") may, as words of
/// prose, so they must only not be a paragraph of their own.
const CRUFT_SUBSTRING_WORDS: usize = 5;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/text_pages");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", root.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.join("input.txt").is_file())
        .collect();
    cases.sort();
    cases
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn read_optional(path: &Path) -> Option<String> {
    path.is_file().then(|| read(path).trim().to_string())
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Everything wrong with the output for one case.
fn check(case: &Path) -> Vec<String> {
    let input = read(&case.join("input.txt"));
    let article = match unboil::extract_text(&input) {
        Ok(article) => article,
        Err(e) => return vec![format!("extraction failed: {e}")],
    };
    let output = normalise(&article.text);
    let paragraphs: Vec<String> = article.text.split("\n\n").map(normalise).collect();
    let mut problems = Vec::new();

    let mut from = 0;
    for expected in read(&case.join("expected.txt")).split("\n\n") {
        let expected = normalise(expected);
        if expected.is_empty() {
            continue;
        }
        match output.matches(expected.as_str()).count() {
            0 => problems.push(format!("missing: {expected}")),
            1 => match output[from..].find(&expected) {
                Some(at) => from += at + expected.len(),
                None => problems.push(format!("out of order: {expected}")),
            },
            n => problems.push(format!("given {n} times: {expected}")),
        }
    }
    for line in read(&case.join("cruft.txt")).lines() {
        let line = normalise(line);
        if line.is_empty() {
            continue;
        }
        let long = line.split(' ').count() >= CRUFT_SUBSTRING_WORDS;
        if paragraphs.contains(&line) || (long && output.contains(&line)) {
            problems.push(format!("cruft kept: {line}"));
        }
    }
    let metadata = [
        ("title", article.title.as_deref()),
        ("author", article.authors.first().map(String::as_str)),
        ("date", article.date_published.as_deref()),
    ];
    for (field, got) in metadata {
        if let Some(want) = read_optional(&case.join(format!("{field}.txt"))) {
            if got != Some(want.as_str()) {
                problems.push(format!("{field}: want {want:?}, got {got:?}"));
            }
        }
    }
    problems
}

#[test]
fn every_case_keeps_the_article_and_drops_the_cruft() {
    let cases = cases();
    assert!(cases.len() >= 10, "expected at least ten cases");
    let mut report = String::new();
    let mut failed = 0;
    for case in &cases {
        let name = case
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let problems = check(case);
        if !problems.is_empty() {
            failed += 1;
            report.push_str(&format!("\n{name}:\n"));
            for p in problems {
                report.push_str(&format!("  {p}\n"));
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} cases failed:{report}",
        cases.len()
    );
}
