//! Extraction is a pure function of the input and the options: the same
//! page gives byte-identical output on every run, in any thread, with a
//! fresh or a reused extractor, on any day. Two checks: one runs the
//! fixture pages, one reads the source for the clock.

#[path = "support/source.rs"]
mod source;

use std::path::PathBuf;
use unboil::{Date, Extractor};

/// What would read the time of day or the machine's state.
const CLOCK: &[&str] = &["SystemTime", "Instant", "now()", "chrono", "UNIX_EPOCH"];

/// The fixture pages (HTML and flattened text), with a flag for text.
fn inputs() -> Vec<(PathBuf, bool)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = Vec::new();
    for (dir, file, is_text) in [("html", "input.html", false), ("text", "input.txt", true)] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path().join(file);
            if path.is_file() {
                found.push((path, is_text));
            }
        }
    }
    found.sort();
    assert!(
        found.len() >= 10,
        "found only {} fixture pages",
        found.len()
    );
    found
}

/// Every fixture's article, as its `Debug` text (every field).
fn run(extractor: &Extractor) -> Vec<String> {
    inputs()
        .iter()
        .map(|(path, is_text)| {
            let bytes = std::fs::read(path).expect("read a fixture");
            let article = if *is_text {
                extractor.extract(unboil::Input::text_bytes(&bytes))
            } else {
                extractor.extract(unboil::Input::html_bytes(&bytes))
            };
            format!("{article:?}")
        })
        .collect()
}

#[test]
fn same_input_and_options_give_the_same_bytes_across_runs_and_threads() {
    let shared = Extractor::default();
    let first = run(&shared);
    assert_eq!(run(&shared), first, "a reused extractor");
    assert_eq!(run(&Extractor::default()), first, "a fresh extractor");
    let threaded: Vec<Vec<String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4).map(|_| scope.spawn(|| run(&shared))).collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a worker"))
            .collect()
    });
    for output in threaded {
        assert_eq!(output, first, "another thread");
    }
}

#[test]
fn the_reference_date_not_the_clock_bounds_dates() {
    let html = r#"<html><head><meta property="article:published_time" content="2031-03-04">
        </head><body><article><p>The committee met on Monday and agreed, after a long
        debate, to publish its findings before the end of the month.</p></article></body></html>"#;
    let published = |extractor: Extractor| extractor.extract(html).ok()?.date_published;
    // Unset: only plausibility, so a date in 2031 stands whatever day it is.
    assert_eq!(
        published(Extractor::default()).as_deref(),
        Some("2031-03-04")
    );
    let day = |s: &str| s.parse::<Date>().expect("a date");
    let fetched = |s| Extractor::builder().reference_date(day(s)).build();
    // Fetched before it: a misreading. Fetched the day before: a day's grace.
    assert_eq!(published(fetched("2019-06-01")), None);
    assert_eq!(
        published(fetched("2031-03-03")).as_deref(),
        Some("2031-03-04")
    );
}

#[test]
fn library_source_reads_no_clock() {
    let mut found = Vec::new();
    for file in source::library_files() {
        let code = std::fs::read_to_string(&file).expect("read a source file");
        for (n, line) in source::code_lines(&code) {
            for word in CLOCK.iter().filter(|w| line.contains(**w)) {
                found.push(format!("{}:{n}: {word}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the library must not read the clock (take a reference date instead):\n{}",
        found.join("\n")
    );
}
