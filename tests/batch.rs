//! Batch runs of the `unboil` binary: directories, WARC archives (plain,
//! gzipped, truncated), output order and thread counts.
//! Run with `cargo test --all-features` (or `--features cli`).
#![cfg(feature = "cli")]

#[path = "support/run.rs"]
mod run;
#[path = "support/warc.rs"]
mod warc;

use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;

const BIN: &str = env!("CARGO_BIN_EXE_unboil");

fn scrapinghub() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scrapinghub/html")
}

/// The first `n` Scrapinghub pages by name.
fn pages(n: usize) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = fs::read_dir(scrapinghub())
        .expect("list the test pages")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    all.sort();
    all.truncate(n);
    all
}

fn html(page: &Path) -> Vec<u8> {
    let mut html = Vec::new();
    let file = fs::File::open(page).expect("open a test page");
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut html)
        .expect("decompress a test page");
    html
}

/// The first `n` pages as (URL, HTML).
fn crawl(n: usize) -> Vec<(String, Vec<u8>)> {
    pages(n)
        .iter()
        .map(|page| {
            let name = page.file_name().and_then(|n| n.to_str()).unwrap_or("x");
            let id = name.trim_end_matches(".html.gz");
            (format!("https://news.example.com/story/{id}"), html(page))
        })
        .collect()
}

/// An empty directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    run::scratch("batch", test)
}

fn unboil(args: &[&std::ffi::OsStr], stdin: &[u8]) -> Output {
    run::with_stdin(BIN, args, stdin)
}

fn args<'a>(list: &'a [&'a dyn AsRef<std::ffi::OsStr>]) -> Vec<&'a std::ffi::OsStr> {
    list.iter().map(|a| a.as_ref()).collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn jsonl(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}

fn field<'a>(record: &'a Value, key: &str) -> &'a str {
    record[key].as_str().unwrap_or("")
}

#[test]
fn directories_are_searched_recursively_for_pages() {
    let dir = scratch("recursion");
    let chosen = pages(4);
    fs::create_dir_all(dir.join("a/b")).expect("create subdirectories");
    let placed = [
        dir.join("top.html.gz"),
        dir.join("a/one.html.gz"),
        dir.join("a/b/two.gz"),
        dir.join("a/b/three.htm"),
    ];
    for (page, to) in chosen.iter().zip(&placed[..3]) {
        fs::copy(page, to).expect("copy a test page");
    }
    fs::write(&placed[3], html(&chosen[3])).expect("write a plain page");
    fs::write(dir.join("a/notes.txt"), "not a page").expect("write a text file");

    let output = unboil(&args(&[&"--jsonl", &"--ordered", &dir]), b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let records = jsonl(&output);
    let paths: Vec<&str> = records.iter().map(|r| field(r, "path")).collect();
    // Depth first, by name: a/b/three.htm, a/b/two.gz, a/one.html.gz, top.html.gz.
    let expected: Vec<String> = [&placed[3], &placed[2], &placed[1], &placed[0]]
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, expected);
    for record in &records {
        assert!(record["error"].is_null(), "{record}");
        assert!(field(record, "text").len() > 200, "{record}");
    }
    assert!(
        stderr(&output).starts_with("unboil: done: 4 pages, "),
        "{}",
        stderr(&output)
    );
}

/// Run on a WARC file and check every page came back with its URL, in order.
fn check_warc_records(output: &Output, crawl: &[(String, Vec<u8>)]) {
    assert!(output.status.success(), "{}", stderr(output));
    let records = jsonl(output);
    let urls: Vec<&str> = records.iter().map(|r| field(r, "url")).collect();
    let expected: Vec<&str> = crawl.iter().map(|(url, _)| url.as_str()).collect();
    assert_eq!(urls, expected, "HTML responses only, in order");
    for record in &records {
        assert!(record["error"].is_null(), "{record}");
        assert_eq!(record["status"], 200);
        assert!(field(record, "warc").ends_with("crawl.warc.gz") || field(record, "warc") == "-");
        assert!(field(record, "text").len() > 200, "{record}");
        assert!(record.get("path").is_none());
    }
    // warcinfo, a request per page and the image's, the image's response.
    let skipped = 1 + (crawl.len() + 1) + 1;
    let summary = stderr(output);
    assert!(
        summary.contains(&format!("{} pages, ", crawl.len()))
            && summary.contains(&format!("; {skipped} WARC records skipped")),
        "{summary}"
    );
}

#[test]
fn a_gzipped_warc_gives_its_html_responses_and_skips_the_rest() {
    let crawl = crawl(5);
    let records = warc::records(&crawl);
    let path = scratch("warc_gz").join("crawl.warc.gz");
    fs::write(&path, warc::archive(&records, true)).expect("write the WARC");
    let output = unboil(&args(&[&"--jsonl", &"--ordered", &path]), b"");
    check_warc_records(&output, &crawl);

    // The chunked, gzip-encoded response reads like the plain page.
    let (url, page) = &crawl[4];
    let direct = unboil(&args(&[&"--jsonl", &"-"]), page);
    let last = jsonl(&output).pop().expect("a last record");
    assert_eq!(field(&last, "url"), url);
    assert_eq!(last["text"], jsonl(&direct)[0]["text"]);

    // The same archive on standard input, told by its content.
    let bytes = fs::read(&path).expect("read the WARC");
    let output = unboil(&args(&[&"--jsonl", &"--ordered"]), &bytes);
    check_warc_records(&output, &crawl);
}

#[test]
fn a_plain_warc_under_any_name_is_read_by_its_content() {
    let crawl = crawl(3);
    let records = warc::records(&crawl);
    let dir = scratch("warc_plain");
    let named = dir.join("crawl.warc");
    let unnamed = dir.join("crawl.data");
    fs::write(&named, warc::archive(&records, false)).expect("write the WARC");
    fs::copy(&named, &unnamed).expect("copy the WARC");
    for path in [&named, &unnamed] {
        let output = unboil(&args(&[&"--jsonl", &"--ordered", path]), b"");
        assert!(output.status.success(), "{}", stderr(&output));
        let urls: Vec<String> = jsonl(&output)
            .iter()
            .map(|r| field(r, "url").to_string())
            .collect();
        let expected: Vec<String> = crawl.iter().map(|(url, _)| url.clone()).collect();
        assert_eq!(urls, expected);
    }
}

/// The archive cut in the middle of the response record of page `cut_page`.
fn cut_archive(records: &[Vec<u8>], cut_page: usize, compress: bool) -> Vec<u8> {
    // warcinfo, request 0, response 0, image request, image response, then
    // a request and a response per page.
    let response = 2 * cut_page + 2 + if cut_page > 0 { 2 } else { 0 };
    let mut bytes = warc::archive(&records[..response], compress);
    let broken = if compress {
        warc::gzip(&records[response])
    } else {
        records[response].clone()
    };
    bytes.extend_from_slice(&broken[..broken.len() / 2]);
    bytes
}

#[test]
fn a_truncated_warc_gives_the_records_before_the_break_and_an_error() {
    let crawl = crawl(6);
    let records = warc::records(&crawl);
    let dir = scratch("warc_truncated");
    for compress in [false, true] {
        let path = dir.join(if compress { "cut.warc.gz" } else { "cut.warc" });
        fs::write(&path, cut_archive(&records, 3, compress)).expect("write the WARC");
        let output = unboil(&args(&[&"--jsonl", &"--ordered", &path]), b"");
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let got = jsonl(&output);
        assert_eq!(got.len(), 4, "three pages and the error: {got:?}");
        for (record, (url, _)) in got.iter().zip(&crawl[..3]) {
            assert_eq!(field(record, "url"), url);
            assert!(record["error"].is_null(), "{record}");
        }
        let error = &got[3];
        assert!(error["text"].is_null() && error["title"].is_null());
        let message = field(error, "error");
        assert!(
            message.starts_with("WARC record 11:")
                && message.ends_with("the rest of the archive cannot be read"),
            "{message}"
        );
        if compress {
            assert!(message.contains("cannot read"), "{message}");
        } else {
            assert!(message.contains("truncated"), "{message}");
            assert_eq!(field(error, "url"), crawl[3].0);
        }
        assert!(stderr(&output).contains("1 error"), "{}", stderr(&output));
    }
}

#[test]
fn ordered_output_follows_the_input_order() {
    let chosen = pages(40);
    let mut argv: Vec<&std::ffi::OsStr> = ["--jsonl", "--ordered", "--threads", "2"]
        .map(std::ffi::OsStr::new)
        .to_vec();
    // Reversed, so name order and input order differ.
    argv.extend(chosen.iter().rev().map(|p| p.as_os_str()));
    let output = unboil(&argv, b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let paths: Vec<String> = jsonl(&output)
        .iter()
        .map(|r| field(r, "path").to_string())
        .collect();
    let expected: Vec<String> = chosen
        .iter()
        .rev()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, expected);
}

#[test]
fn one_thread_and_two_give_the_same_records() {
    let dir = scratch("threads");
    let crawl = crawl(8);
    fs::write(
        dir.join("crawl.warc.gz"),
        warc::archive(&warc::records(&crawl), true),
    )
    .expect("write the WARC");
    let run = |threads: &str| {
        let output = unboil(
            &args(&[&"--jsonl", &"--threads", &threads, &dir, &scrapinghub()]),
            b"",
        );
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout)
            .expect("UTF-8")
            .lines()
            .map(String::from)
            .collect::<BTreeSet<String>>()
    };
    let one = run("1");
    assert_eq!(one.len(), 8 + 181);
    assert_eq!(one, run("2"));
}

#[test]
fn a_failing_page_is_a_record_and_the_batch_goes_on() {
    let dir = scratch("failing_page");
    fs::write(dir.join("empty.html"), b"").expect("write an empty page");
    fs::write(dir.join("image.html"), warc::PNG).expect("write an image");
    fs::copy(&pages(1)[0], dir.join("good.html.gz")).expect("copy a test page");
    let output = unboil(&args(&[&"--jsonl", &"--ordered", &dir]), b"");
    assert_eq!(output.status.code(), Some(1));
    let records = jsonl(&output);
    let errors: Vec<bool> = records.iter().map(|r| !r["error"].is_null()).collect();
    // By name: empty.html, good.html.gz, image.html.
    assert_eq!(errors, [true, false, true]);
    assert!(stderr(&output).contains("3 pages, ") && stderr(&output).contains("2 errors"));
}

#[test]
fn threads_must_be_at_least_one() {
    let output = unboil(&args(&[&"--threads", &"0", &"x.html"]), b"");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn links_in_a_warc_record_resolve_against_its_target_uri() {
    let page = br#"<html><head><title>Council</title></head><body><article>
        <p>The council met on Monday and agreed, after a long debate, to publish
        <a href="reports/findings.html">its findings</a> before the end of the month,
        and to hold a public meeting on them in the spring of next year.</p>
        </article></body></html>"#;
    let crawl = vec![(
        "https://news.example.com/2024/05/council/".to_string(),
        page.to_vec(),
    )];
    let path = scratch("warc_links").join("crawl.warc.gz");
    fs::write(&path, warc::archive(&warc::records(&crawl), true)).expect("write the WARC");
    let output = unboil(&args(&[&"--format", &"markdown", &"--links", &path]), b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = String::from_utf8_lossy(&output.stdout);
    assert!(
        markdown.contains(
            "[its findings](https://news.example.com/2024/05/council/reports/findings.html)"
        ),
        "{markdown}"
    );
    // With no canonical link of its own, the page's URL is the record's.
    let output = unboil(&args(&[&"--jsonl", &path]), b"");
    let record = &jsonl(&output)[0];
    assert_eq!(
        field(record, "canonical_url"),
        "https://news.example.com/2024/05/council/"
    );
}
