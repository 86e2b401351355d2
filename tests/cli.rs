//! End-to-end tests of the `unboil` binary on real saved pages.
//! Run with `cargo test --all-features` (or `--features cli`).
#![cfg(feature = "cli")]

#[path = "support/run.rs"]
mod run;

use serde_json::Value;
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_unboil");

/// A Reuters markets report, and a sentence from its human-written article body.
const REUTERS: &str = "57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca";
const REUTERS_SENTENCE: &str = "Oil prices fell sharply on Tuesday on oversupply concerns";
/// A BBC news story, and a sentence from its article body.
const BBC: &str = "c7e39ac49fa1235f5d50f83bf2444248bd3aa4e6df044377916c812dd109ba23";
const BBC_SENTENCE: &str = "Prosecutors in Sweden have dropped an investigation";

/// The gzip-compressed page `id` of the Scrapinghub set.
fn page(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/scrapinghub/html")
        .join(format!("{id}.html.gz"))
}

fn decompressed(id: &str) -> Vec<u8> {
    let mut html = Vec::new();
    let file = fs::File::open(page(id)).expect("open a test page");
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(file), &mut html)
        .expect("decompress a test page");
    html
}

/// An empty directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    run::scratch("cli", test)
}

fn unboil<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    unboil_with_stdin(args, b"")
}

fn unboil_with_stdin<I, S>(args: I, stdin: &[u8]) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run::with_stdin(BIN, args, stdin)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn jsonl(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}

fn keys(record: &Value) -> BTreeSet<&str> {
    record
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn prints_the_text_of_a_gzipped_page() {
    let output = unboil([page(REUTERS)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let text = stdout(&output);
    assert!(text.contains(REUTERS_SENTENCE));
    assert!(!text.starts_with("==>"), "no header for a single input");
}

#[test]
fn recognises_gzip_by_its_bytes_not_its_name() {
    let dir = scratch("gzip_by_bytes");
    let misnamed = dir.join("page.html");
    fs::copy(page(REUTERS), &misnamed).expect("copy a test page");
    let output = unboil([&misnamed]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(REUTERS_SENTENCE));
}

#[test]
fn reads_a_plain_html_file() {
    let dir = scratch("plain_html");
    let html = dir.join("page.htm");
    fs::write(&html, decompressed(BBC)).expect("write a test page");
    let output = unboil([&html]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(BBC_SENTENCE));
}

#[test]
fn labels_each_text_when_there_are_several_files() {
    let (reuters, bbc) = (page(REUTERS), page(BBC));
    let output = unboil(["--ordered".as_ref(), reuters.as_os_str(), bbc.as_os_str()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let first = format!("==> {} <==\n", reuters.display());
    let second = format!("\n\n==> {} <==\n", bbc.display());
    assert!(text.starts_with(&first), "{}", &text[..text.len().min(200)]);
    let at = text.find(&second).expect("a header before the second page");
    assert!(text[..at].contains(REUTERS_SENTENCE));
    assert!(text[at..].contains(BBC_SENTENCE));
}

#[test]
fn json_is_one_object_per_page_with_path_title_and_text() {
    let (reuters, bbc) = (page(REUTERS), page(BBC));
    let output = unboil([
        "--ordered".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        reuters.as_os_str(),
        bbc.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let objects: Vec<Value> = serde_json::Deserializer::from_slice(&output.stdout)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("a stream of JSON objects");
    assert_eq!(objects.len(), 2);
    for (object, (path, sentence)) in objects
        .iter()
        .zip([(&reuters, REUTERS_SENTENCE), (&bbc, BBC_SENTENCE)])
    {
        assert!(keys(object).is_superset(&BTreeSet::from(["path", "title", "text"])));
        assert_eq!(object["path"], path.to_str().expect("UTF-8 path"));
        assert!(object["title"].is_null() || object["title"].is_string());
        let text = object["text"].as_str().expect("text is a string");
        assert!(text.contains(sentence));
    }
    // Pretty-printed, for people.
    assert!(stdout(&output).starts_with("{\n  \"path\": "));
}

#[test]
fn jsonl_is_one_compact_record_per_line() {
    let (reuters, bbc) = (page(REUTERS), page(BBC));
    let output = unboil([
        "--ordered".as_ref(),
        "--jsonl".as_ref(),
        reuters.as_os_str(),
        bbc.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = jsonl(&output);
    assert_eq!(records.len(), 2);
    for (record, (path, sentence)) in records
        .iter()
        .zip([(&reuters, REUTERS_SENTENCE), (&bbc, BBC_SENTENCE)])
    {
        // Where it came from, every field of the article, and the error.
        let expected = ["path", "title", "text", "blocks", "authors", "error"];
        assert!(
            keys(record).is_superset(&BTreeSet::from(expected)),
            "{record}"
        );
        assert_eq!(record["path"], path.to_str().expect("UTF-8 path"));
        assert!(record["title"].is_null() || record["title"].is_string());
        assert!(record["text"]
            .as_str()
            .expect("text is a string")
            .contains(sentence));
        assert!(record["error"].is_null());
    }
    // `--format jsonl` is the same thing.
    let same = unboil([
        "--ordered".as_ref(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        reuters.as_os_str(),
        bbc.as_os_str(),
    ]);
    assert_eq!(same.stdout, output.stdout);
}

#[test]
fn a_missing_file_gives_an_error_record_and_the_run_goes_on() {
    let missing = scratch("missing_file").join("no-such-page.html");
    let good = page(REUTERS);
    let output = unboil([
        "--ordered".as_ref(),
        "--jsonl".as_ref(),
        missing.as_os_str(),
        good.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let records = jsonl(&output);
    assert_eq!(records.len(), 2);

    let bad = &records[0];
    assert_eq!(
        keys(bad),
        BTreeSet::from(["path", "title", "text", "error"])
    );
    assert_eq!(bad["path"], missing.to_str().expect("UTF-8 path"));
    assert!(bad["title"].is_null());
    assert!(bad["text"].is_null());
    let error = bad["error"].as_str().expect("error is a string");
    assert!(error.starts_with("cannot open:"), "{error}");

    let ok = &records[1];
    assert!(ok["error"].is_null());
    assert!(ok["text"]
        .as_str()
        .expect("text is a string")
        .contains(REUTERS_SENTENCE));
}

#[test]
fn in_text_mode_errors_go_to_stderr_with_the_path() {
    let missing = scratch("missing_text").join("gone.html");
    let good = page(REUTERS);
    let output = unboil(["--ordered".as_ref(), missing.as_os_str(), good.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    let expected = format!("unboil: {}: cannot open: ", missing.display());
    assert!(message.starts_with(&expected), "{message}");
    // Then the summary: several inputs make a batch.
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 2, "{message}");
    assert!(lines[1].starts_with("unboil: done: 2 pages, "), "{message}");
    assert!(lines[1].contains(", 1 error in "), "{message}");
    assert!(stdout(&output).contains(REUTERS_SENTENCE));
}

#[test]
fn reads_standard_input_without_a_file_or_with_a_dash() {
    let html = decompressed(BBC);
    let output = unboil_with_stdin(Vec::<&str>::new(), &html);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(BBC_SENTENCE));

    // `-` reads stdin too, and gzip data there is recognised as well.
    let gz = fs::read(page(REUTERS)).expect("read a test page");
    let output = unboil_with_stdin(["--jsonl", "-"], &gz);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = jsonl(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["path"], "-");
    assert!(records[0]["text"]
        .as_str()
        .expect("text is a string")
        .contains(REUTERS_SENTENCE));
}

#[test]
fn broken_gzip_is_reported_with_the_file_name() {
    let dir = scratch("broken_gzip");
    let broken = dir.join("truncated.html.gz");
    let gz = fs::read(page(REUTERS)).expect("read a test page");
    fs::write(&broken, &gz[..gz.len() / 2]).expect("write a truncated page");
    let output = unboil([&broken]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let message = stderr(&output);
    let expected = format!("unboil: {}: broken gzip data: ", broken.display());
    assert!(message.starts_with(&expected), "{message}");
}

#[test]
fn an_empty_file_is_an_error_record_and_an_empty_directory_gives_none() {
    let dir = scratch("dir_and_empty");
    let empty = dir.join("empty.html");
    fs::write(&empty, b"").expect("write an empty file");
    let none = dir.join("nothing-here");
    fs::create_dir_all(&none).expect("create an empty directory");
    let output = unboil(["--jsonl".as_ref(), none.as_os_str(), empty.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let records = jsonl(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["path"], empty.to_str().expect("UTF-8 path"));
    let error = records[0]["error"].as_str().expect("error is a string");
    assert!(error.contains("empty"), "{error}");
}

#[test]
fn favor_flags_work_alone_and_conflict_together() {
    let reuters = page(REUTERS);
    for flag in ["--favor-precision", "--favor-recall"] {
        let output = unboil([flag.as_ref(), reuters.as_os_str()]);
        assert!(output.status.success(), "{flag}: {}", stderr(&output));
    }
    let output = unboil([
        "--favor-precision".as_ref(),
        "--favor-recall".as_ref(),
        reuters.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot be used with"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    // Far more output than a pipe buffers, and a reader that reads none of it.
    let reuters = page(REUTERS);
    let args = vec![reuters.as_os_str(); 100];
    let mut child = Command::new(BIN)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run unboil");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for unboil");
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn help_describes_the_options() {
    let output = unboil(["--help"]);
    assert!(output.status.success());
    let help = stdout(&output);
    for option in [
        "--format",
        "--jsonl",
        "--favor-precision",
        "--favor-recall",
        "--input",
    ] {
        assert!(help.contains(option), "{option} missing from --help");
    }
}

#[test]
fn explain_prints_every_block_with_its_label() {
    let out = unboil([OsStr::new("--explain"), page(REUTERS).as_os_str()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("region: "), "{text}");
    assert!(text
        .lines()
        .any(|l| l.contains("KEEP") && l.contains("content")));
    assert!(text
        .lines()
        .any(|l| l.contains("drop") && l.contains("link_list")));
}

#[test]
fn highlight_writes_one_safe_html_page_of_kept_and_dropped_blocks() {
    let out = unboil([OsStr::new("--highlight"), page(REUTERS).as_os_str()]);
    assert!(out.status.success());
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    let kept = html.matches(r#"<div class="block kept""#).count();
    let dropped = html.matches(r#"<div class="block dropped""#).count();
    assert!(kept >= 5 && dropped >= 20, "kept {kept}, dropped {dropped}");
    // Every block has its reason on hover, and the page runs no code.
    assert_eq!(
        html.matches(r#"<div class="block"#).count(),
        html.matches("\" title=\"").count()
    );
    assert!(!html.to_ascii_lowercase().contains("<script"));
}

#[test]
fn markdown_and_html_formats_render_the_article_structure() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html/table_in_article/input.html");
    let md = unboil([
        OsStr::new("--format"),
        OsStr::new("markdown"),
        page.as_os_str(),
    ]);
    assert!(md.status.success());
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.starts_with("# Regional rainfall was well below average in 2023\n"),
        "{md}"
    );
    assert!(
        md.contains("| Region | Rainfall 2023 (mm) | Average (mm) |\n| --- | --- | --- |"),
        "{md}"
    );
    let html = unboil([OsStr::new("--format"), OsStr::new("html"), page.as_os_str()]);
    assert!(html.status.success());
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(
        html.contains("<table>\n<tr><th>Region</th>") && html.contains("<td>912</td>"),
        "{html}"
    );
    assert!(!html.contains("<nav") && !html.contains("href"), "{html}");
}

/// A flattened news page (one element a line) from the text-page fixtures.
fn text_page() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text/regional_news/input.txt")
}

const TEXT_SENTENCE: &str = "Councillors voted nine to four in favour of the scheme";

#[test]
fn flattened_text_is_recognised_as_text_and_cleaned() {
    let file = text_page();
    let bytes = fs::read(&file).expect("read the text fixture");
    for output in [
        unboil([&file]),
        unboil(["--input".as_ref(), "text".as_ref(), file.as_os_str()]),
        unboil_with_stdin(["-"], &bytes),
    ] {
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains(TEXT_SENTENCE), "{text}");
        assert!(!text.contains("9 hours ago"), "{text}");
        assert!(!text.contains("Related Articles"), "{text}");
    }
    // `--input html` forces the HTML path, which finds one run of loose
    // text and no lines: a different result.
    let as_html = unboil(["--input".as_ref(), "html".as_ref(), file.as_os_str()]);
    assert!(as_html.status.success(), "{}", stderr(&as_html));
    assert_ne!(stdout(&as_html), stdout(&unboil([&file])));
}

#[test]
fn json_of_text_input_carries_title_author_and_date() {
    let dir = scratch("text_json");
    let file = dir.join("story.txt");
    fs::write(
        &file,
        "Rail strike called off after late-night deal\r\n\
         By Jane Doe\r\n\
         Last Updated: March 12, 2024, 10:32 IST\r\n\
         Unions accepted a revised pay offer late on Monday, ending weeks of \
         disruption for commuters across the region, the transport authority said.\r\n",
    )
    .expect("write a text page");
    let output = unboil(["--format".as_ref(), "json".as_ref(), file.as_os_str()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let record: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(
        record["title"],
        "Rail strike called off after late-night deal"
    );
    assert_eq!(record["authors"][0], "Jane Doe");
    assert_eq!(record["date_published"], "2024-03-12");
    assert!(record["text"]
        .as_str()
        .expect("text is a string")
        .starts_with("Unions accepted"));
}

#[test]
fn an_unknown_input_kind_is_a_usage_error() {
    let output = unboil(["--input", "pdf", "x.txt"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn explain_of_text_shows_the_text_front_ends_decisions() {
    let file = text_page();
    for output in [
        unboil([
            "--explain".as_ref(),
            "--input".as_ref(),
            "text".as_ref(),
            file.as_os_str(),
        ]),
        unboil(["--explain".as_ref(), file.as_os_str()]),
    ] {
        assert!(output.status.success(), "{}", stderr(&output));
        let table = stdout(&output);
        assert!(table.contains("region: blocks "), "{table}");
        assert!(table.contains("furniture line"), "{table}");
        let kept = table
            .lines()
            .find(|l| l.contains("KEEP"))
            .unwrap_or_default();
        assert!(kept.contains("content"), "{table}");
    }
}
