//! Golden files of every output format on real pages of the evaluation sets.
//!
//! For each page in [`PAGES`], `tests/golden/<name>.{txt,md,html,json}` hold
//! the text, Markdown, HTML and JSON output with links and images on. A
//! change to any output fails here with a diff-friendly message; when the
//! change is wanted, rewrite the files with
//! `UNBOIL_BLESS=1 cargo test --release --test golden` and review them by
//! eye before committing.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// (golden name, page under tests/data): chosen for tables, emphasis,
/// links, images and lists.
const PAGES: &[(&str, &str)] = &[
    (
        "scrapinghub-0ec95c72",
        "scrapinghub/html/0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2.html.gz",
    ),
    (
        "scrapinghub-9da36ae4",
        "scrapinghub/html/9da36ae4714bfccc72374c6c146e9d1cd3cca39e2110bd67ccdbcc806f4cf139.html.gz",
    ),
    (
        "trafilatura-00713def",
        "trafilatura-eval/html/00713defb7e35846b593a9836a451d5605067a640bd158401c558829f5add41b.html.gz",
    ),
];

fn read_page(path: &Path) -> Vec<u8> {
    let raw = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out
    } else {
        raw
    }
}

fn check(golden: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UNBOIL_BLESS").is_some() {
        fs::write(golden, actual).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
        return;
    }
    let expected = fs::read_to_string(golden).unwrap_or_default();
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        failures.push(format!(
            "{} differs from line {}:\n  expected: {:?}\n  actual:   {:?}",
            golden.display(),
            line + 1,
            expected.lines().nth(line).unwrap_or(""),
            actual.lines().nth(line).unwrap_or("")
        ));
    }
}

#[test]
fn every_format_matches_its_golden_file() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let rich = unboil::Extractor::builder()
        .include_links(true)
        .include_images(true)
        .build();
    let plain = unboil::Extractor::default();
    let mut failures = Vec::new();
    for (name, page) in PAGES {
        let bytes = read_page(&root.join("data").join(page));
        let article = rich
            .extract(unboil::Input::html_bytes(&bytes))
            .expect("a page");
        // Links and images never change the text.
        let text = plain
            .extract(unboil::Input::html_bytes(&bytes))
            .expect("a page")
            .text;
        assert_eq!(
            article.text, text,
            "{name}: text changed with links and images on"
        );
        let golden = root.join("golden");
        let json = serde_json::to_string_pretty(&article).expect("JSON") + "\n";
        check(
            &golden.join(format!("{name}.txt")),
            &(text + "\n"),
            &mut failures,
        );
        check(
            &golden.join(format!("{name}.md")),
            &article.to_markdown(),
            &mut failures,
        );
        check(
            &golden.join(format!("{name}.html")),
            &article.to_html(),
            &mut failures,
        );
        check(&golden.join(format!("{name}.json")), &json, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{}\n(UNBOIL_BLESS=1 rewrites them; review by eye)",
        failures.join("\n")
    );
}
