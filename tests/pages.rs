//! Hand-checked page fixtures, kept as data and replayed by this one harness.
//!
//! Each directory `tests/pages/<case>/` holds `page.html`, `expected.txt`
//! (the article text a careful reader wants: every paragraph in it must be
//! extracted), optionally `must_not.txt` (one boilerplate snippet a line
//! that must not be) and `comments.txt` (reader comments, paragraphs split by
//! a blank line, that must be in `Article::comments` and not in the body). Cases listed in `tests/pages/KNOWN_FAILURES` are
//! reported, not failed, until they pass, when the harness asks for them to
//! be taken off the list so it stays honest.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What went wrong in one case, or nothing.
fn check(dir: &Path) -> Result<(), String> {
    let read = |name: &str| fs::read_to_string(dir.join(name));
    let page = read("page.html").map_err(|e| format!("page.html: {e}"))?;
    let expected = read("expected.txt").map_err(|e| format!("expected.txt: {e}"))?;
    let must_not = read("must_not.txt").unwrap_or_default();
    let article = unboil::extract(&page).map_err(|e| format!("extraction failed: {e}"))?;
    let output = normalise(&article.text);
    let mut problems = String::new();
    for paragraph in expected
        .split("\n\n")
        .map(normalise)
        .filter(|p| !p.is_empty())
    {
        if !output.contains(&paragraph) {
            let _ = writeln!(problems, "  missing: {paragraph}");
        }
    }
    for snippet in must_not.lines().map(normalise).filter(|s| !s.is_empty()) {
        if output.contains(&snippet) {
            let _ = writeln!(problems, "  leaked: {snippet}");
        }
    }
    let comments = read("comments.txt").unwrap_or_default();
    let extracted_comments = normalise(&article.comments);
    for paragraph in comments
        .split("\n\n")
        .map(normalise)
        .filter(|p| !p.is_empty())
    {
        if !extracted_comments.contains(&paragraph) {
            let _ = writeln!(problems, "  comment missing: {paragraph}");
        }
        if output.contains(&paragraph) {
            let _ = writeln!(problems, "  comment in the body: {paragraph}");
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{problems}  output was:\n{}", article.text))
    }
}

#[test]
fn every_page_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let known: Vec<String> = fs::read_to_string(root.join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split('#').next())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_known = known.contains(&name);
        match (check(case), is_known) {
            (Ok(()), false) => println!("ok      {name}"),
            (Err(why), true) => println!("known   {name}\n{why}"),
            (Err(why), false) => failures.push(format!("FAILED  {name}\n{why}")),
            (Ok(()), true) => {
                failures.push(format!("PASSES  {name}: remove it from KNOWN_FAILURES"))
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
