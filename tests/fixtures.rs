//! Hand-checked fixtures, kept as data and replayed by this one harness.
//!
//! Every case is a folder `tests/fixtures/<mode>/<case>/`, where `<mode>` is
//! `html` (extracted with [`unboil::extract`]) or `text` (with
//! [`unboil::extract_text`]), holding one file scheme:
//!
//! - `input.html` or `input.txt`: the page, or its text as a scraper or a
//!   copy-paste gives it;
//! - `expected.txt`: the article's paragraphs, separated by blank lines;
//!   each must be in the output in this order, no more often than the page
//!   holds it (compared with
//!   whitespace normalised);
//! - `must_not.txt` (optional): boilerplate, one snippet a line, that must
//!   not be extracted: none may be a paragraph of the output, and none may
//!   appear inside one (in text mode only snippets of
//!   [`SHORT_SNIPPET_WORDS`] words or more, since a short line of a dump,
//!   "Share", "Comments", is also a word of prose);
//! - `comments.txt` (optional): reader comments, paragraphs split by a blank
//!   line, that must be in `Article::comments` and not in the body;
//! - `title.txt`, `author.txt`, `date.txt` (optional): the expected title,
//!   first author and publication date.
//!
//! Cases listed in `tests/fixtures/known_failures.txt` (`<mode>/<case>`, a
//! tab, the reason) are reported, not failed, until they pass, when the
//! harness asks for them to be taken off the list so it stays honest.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// In text mode, `must_not.txt` snippets shorter than this many words must
/// only not be a paragraph of their own: in a dump every element is a
/// line, so "Share" or "Comments" is cruft as a line and a word of prose
/// inside one (the value the text cases were written with).
const SHORT_SNIPPET_WORDS: usize = 5;

/// The two front ends, one folder each.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Html,
    Text,
}

impl Mode {
    fn folder(self) -> &'static str {
        match self {
            Mode::Html => "html",
            Mode::Text => "text",
        }
    }

    fn input(self) -> &'static str {
        match self {
            Mode::Html => "input.html",
            Mode::Text => "input.txt",
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The paragraphs of a file (split at blank lines), normalised.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n").map(normalise).filter(|p| !p.is_empty())
}

/// Every case of one mode, sorted.
fn cases(mode: Mode) -> Vec<PathBuf> {
    let dir = root().join(mode.folder());
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// What went wrong in one case, one line each.
fn check(mode: Mode, dir: &Path) -> Vec<String> {
    let read = |name: &str| fs::read_to_string(dir.join(name));
    let optional = |name: &str| read(name).ok();
    let mut problems = Vec::new();
    let input = match read(mode.input()) {
        Ok(input) => input,
        Err(e) => return vec![format!("{}: {e}", mode.input())],
    };
    let expected = match read("expected.txt") {
        Ok(text) => text,
        Err(e) => return vec![format!("expected.txt: {e}")],
    };
    let article = match mode {
        Mode::Html => unboil::extract(&input),
        Mode::Text => unboil::extract_text(&input),
    };
    let article = match article {
        Ok(article) => article,
        Err(e) => return vec![format!("extraction failed: {e}")],
    };
    let output = normalise(&article.text);
    let output_paragraphs: Vec<String> = article.text.split("\n\n").map(normalise).collect();

    // A paragraph may be given as often as the page itself holds it (a
    // grid's items can share a line), never more: more is a duplicate.
    let page_text = normalise(&input);
    let mut from = 0;
    for paragraph in paragraphs(&expected) {
        let allowed = page_text.matches(paragraph.as_str()).count().max(1);
        match output.matches(paragraph.as_str()).count() {
            0 => problems.push(format!("missing: {paragraph}")),
            n if n <= allowed => match output[from..].find(&paragraph) {
                Some(at) => from += at + paragraph.len(),
                None => problems.push(format!("out of order: {paragraph}")),
            },
            n => problems.push(format!(
                "given {n} times (the page has it {allowed}): {paragraph}"
            )),
        }
    }
    for snippet in optional("must_not.txt")
        .unwrap_or_default()
        .lines()
        .map(normalise)
        .filter(|s| !s.is_empty())
    {
        let inside_counts = mode == Mode::Html || snippet.split(' ').count() >= SHORT_SNIPPET_WORDS;
        if output_paragraphs.contains(&snippet) || (inside_counts && output.contains(&snippet)) {
            problems.push(format!("leaked: {snippet}"));
        }
    }
    let comments = normalise(&article.comments);
    for paragraph in paragraphs(&optional("comments.txt").unwrap_or_default()) {
        if !comments.contains(&paragraph) {
            problems.push(format!("comment missing: {paragraph}"));
        }
        if output.contains(&paragraph) {
            problems.push(format!("comment in the body: {paragraph}"));
        }
    }
    let metadata = [
        ("title", article.title.as_deref()),
        ("author", article.authors.first().map(String::as_str)),
        ("date", article.date_published.as_deref()),
    ];
    for (field, got) in metadata {
        if let Some(want) = optional(&format!("{field}.txt")) {
            let want = want.trim();
            if got != Some(want) {
                problems.push(format!("{field}: want {want:?}, got {got:?}"));
            }
        }
    }
    if !problems.is_empty() {
        problems.push(format!("output was:\n{}", article.text));
    }
    problems
}

/// The known failures: `<mode>/<case>` to its reason.
fn known_failures() -> Vec<(String, String)> {
    let path = root().join("known_failures.txt");
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| match l.split_once('\t') {
            Some((case, reason)) if !reason.trim().is_empty() => {
                (case.trim().to_string(), reason.trim().to_string())
            }
            _ => panic!(
                "known_failures.txt line {}: want `mode/case<TAB>reason`",
                i + 1
            ),
        })
        .collect()
}

#[test]
fn every_fixture() {
    let known = known_failures();
    let mut failures = String::new();
    let mut seen = Vec::new();
    for mode in [Mode::Html, Mode::Text] {
        let cases = cases(mode);
        assert!(
            cases.len() >= 10,
            "found only {} {} cases",
            cases.len(),
            mode.folder()
        );
        for case in &cases {
            let name = case
                .file_name()
                .map(|n| format!("{}/{}", mode.folder(), n.to_string_lossy()))
                .unwrap_or_default();
            seen.push(name.clone());
            let reason = known.iter().find(|(k, _)| *k == name).map(|(_, r)| r);
            match (check(mode, case), reason) {
                (problems, None) if problems.is_empty() => println!("ok      {name}"),
                (problems, Some(reason)) if !problems.is_empty() => {
                    println!("known   {name} ({reason})\n  {}", problems.join("\n  "))
                }
                (problems, None) => {
                    let _ = writeln!(failures, "FAILED  {name}\n  {}", problems.join("\n  "));
                }
                (_, Some(_)) => {
                    let _ = writeln!(failures, "PASSES  {name}: take it off known_failures.txt");
                }
            }
        }
    }
    for (name, _) in &known {
        if !seen.contains(name) {
            let _ = writeln!(failures, "UNKNOWN {name}: known_failures.txt names no case");
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}
