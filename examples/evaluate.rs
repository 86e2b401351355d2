//! Evaluate the extractor on one of the evaluation sets in `tests/data`.
//!
//! ```text
//! cargo run --release --example evaluate -- DATASET_DIR [--json] [--predictions OUT.json]
//!     [--page ID] [--precision | --recall] [--as-text] [--score-metadata PRED.json]
//! ```
//!
//! The set is recognised by its truth file: `ground-truth.json` (article bodies,
//! scored with the shingle metric) or `expectations.json` ("with"/"without"
//! snippets, scored with the snippet metric). All pages are read and
//! decompressed first; only the extraction calls are timed, single-threaded,
//! with one reused extractor, in sorted id order.
//!
//! When the set has `metadata.json` (hand-annotated titles, authors and
//! dates), the report also gives title, author and date accuracy (see
//! `unboil::metric::metadata`) and lists misses; `--score-metadata PRED.json`
//! scores another tool's metadata (`{id: {"title", "author", "date"}}`) the
//! same way instead of unboil's.
//!
//! With `--as-text`, each page is first flattened to its text, one block-level
//! element a line with nothing removed but code and styles
//! (`unboil::flatten_to_text`), and the text front end (`extract_text`)
//! extracts from that; the report then also scores keeping everything (the
//! flattened text itself as the prediction), the floor the text path must
//! rise far above.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use flate2::read::GzDecoder;
use serde_json::{json, Map, Value};
use unboil::metric::{
    covered_tokens, normalize_whitespace, score_page, score_snippets, token_ranges, tokens,
    CorpusScore, PageScore, SnippetScore, SnippetTotals,
};
use unboil::Extractor;

#[path = "evaluate/metadata.rs"]
mod metadata;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: evaluate DATASET_DIR [--json] [--predictions OUT.json] [--page ID] \
                     [--precision | --recall] [--as-text] [--score-metadata PRED.json]";
/// How many of the worst pages the human report lists.
const WORST_PAGES: usize = 10;
/// How many missed or leaked snippets to show per listed page.
const SNIPPETS_SHOWN: usize = 3;
/// Snippets longer than this many characters are cut in listings.
const SNIPPET_WIDTH: usize = 70;

// ---------------------------------------------------------------- arguments

/// Which way the extractor leans.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Favor {
    Balanced,
    Precision,
    Recall,
}

#[derive(Debug)]
struct Args {
    dir: PathBuf,
    json: bool,
    predictions: Option<PathBuf>,
    page: Option<String>,
    favor: Favor,
    /// Another tool's metadata to score instead of unboil's.
    score_metadata: Option<PathBuf>,
    /// Flatten each page to text and extract with the text front end.
    as_text: bool,
}

fn parse_args(mut raw: impl Iterator<Item = String>) -> Result<Args> {
    let mut dir = None;
    let mut json = false;
    let mut predictions = None;
    let mut page = None;
    let mut favor = Favor::Balanced;
    let mut score_metadata = None;
    let mut as_text = false;
    while let Some(arg) = raw.next() {
        let mut value = |flag: &str| {
            raw.next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--json" => json = true,
            "--predictions" => predictions = Some(PathBuf::from(value("--predictions")?)),
            "--page" => page = Some(value("--page")?),
            "--score-metadata" => {
                score_metadata = Some(PathBuf::from(value("--score-metadata")?));
            }
            "--precision" | "--recall" if favor != Favor::Balanced => {
                return Err(format!("--precision and --recall exclude each other\n{USAGE}").into())
            }
            "--precision" => favor = Favor::Precision,
            "--recall" => favor = Favor::Recall,
            "--as-text" => as_text = true,
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {flag}\n{USAGE}").into())
            }
            _ if dir.is_some() => return Err(format!("more than one DATASET_DIR\n{USAGE}").into()),
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    if json && page.is_some() {
        return Err("--json summarises a whole set; it cannot be combined with --page".into());
    }
    let dir = dir.ok_or_else(|| format!("missing DATASET_DIR\n{USAGE}"))?;
    Ok(Args {
        dir,
        json,
        predictions,
        page,
        favor,
        score_metadata,
        as_text,
    })
}

fn build_extractor(favor: Favor) -> Extractor {
    match favor {
        Favor::Balanced => Extractor::default(),
        Favor::Precision => Extractor::builder().favor_precision(true).build(),
        Favor::Recall => Extractor::builder().favor_recall(true).build(),
    }
}

// ---------------------------------------------------------------- loading

/// The "with" and "without" snippets of one page.
struct Snippets {
    with: Vec<String>,
    without: Vec<String>,
}

/// What a set says the right extraction is, by page id (sorted).
enum Truth {
    /// `ground-truth.json`: the article body of each page.
    Bodies(BTreeMap<String, String>),
    /// `expectations.json`: snippets each page must and must not contain.
    Snippets(BTreeMap<String, Snippets>),
}

impl Truth {
    fn ids(&self) -> Vec<String> {
        match self {
            Truth::Bodies(map) => map.keys().cloned().collect(),
            Truth::Snippets(map) => map.keys().cloned().collect(),
        }
    }

    fn contains(&self, id: &str) -> bool {
        match self {
            Truth::Bodies(map) => map.contains_key(id),
            Truth::Snippets(map) => map.contains_key(id),
        }
    }
}

fn read_json(path: &Path) -> Result<Map<String, Value>> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    match serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))? {
        Value::Object(map) => Ok(map),
        _ => Err(format!("{}: expected a JSON object of pages", path.display()).into()),
    }
}

fn string_field(entry: &Value, key: &str, id: &str) -> Result<String> {
    match entry.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        _ => Err(format!("page {id}: missing string field {key:?}").into()),
    }
}

fn string_list(entry: &Value, key: &str, id: &str) -> Result<Vec<String>> {
    let list = entry.get(key).and_then(Value::as_array);
    let list = list.ok_or_else(|| format!("page {id}: missing list field {key:?}"))?;
    list.iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| format!("page {id}: {key:?} holds a non-string").into())
}

fn load_truth(dir: &Path) -> Result<Truth> {
    let bodies = dir.join("ground-truth.json");
    let expectations = dir.join("expectations.json");
    if bodies.is_file() {
        let map = read_json(&bodies)?;
        let parsed = map
            .iter()
            .map(|(id, entry)| Ok((id.clone(), string_field(entry, "articleBody", id)?)));
        Ok(Truth::Bodies(parsed.collect::<Result<_>>()?))
    } else if expectations.is_file() {
        let map = read_json(&expectations)?;
        let parsed = map.iter().map(|(id, entry)| {
            let with = string_list(entry, "with", id)?;
            let without = string_list(entry, "without", id)?;
            Ok((id.clone(), Snippets { with, without }))
        });
        Ok(Truth::Snippets(parsed.collect::<Result<_>>()?))
    } else {
        Err(format!(
            "{}: no ground-truth.json or expectations.json",
            dir.display()
        )
        .into())
    }
}

struct Page {
    id: String,
    html: String,
}

/// Read and gunzip `html/<id>.html.gz` for every id.
fn load_pages(dir: &Path, ids: &[String]) -> Result<Vec<Page>> {
    ids.iter()
        .map(|id| {
            let path = dir.join("html").join(format!("{id}.html.gz"));
            let file = fs::File::open(&path)
                .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
            let mut bytes = Vec::new();
            GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot decompress {}: {e}", path.display()))?;
            let html = String::from_utf8(bytes).unwrap_or_else(|e| {
                eprintln!(
                    "warning: {} is not valid UTF-8; invalid bytes replaced",
                    path.display()
                );
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            });
            Ok(Page {
                id: id.clone(),
                html,
            })
        })
        .collect()
}

// ---------------------------------------------------------------- extraction

/// The extracted texts, in page order, the rest of each article (its text
/// moved out), and the time spent in extraction.
struct Run {
    outputs: Vec<String>,
    articles: Vec<unboil::Article>,
    elapsed: Duration,
}

/// Extract every page with one extractor, timing only the extraction calls.
/// With `flat` (the pages flattened to text), extract from the text.
/// A page whose extraction fails counts as an empty output.
fn extract_all(extractor: &Extractor, pages: &[Page], flat: Option<&[String]>) -> Run {
    let mut outputs = Vec::with_capacity(pages.len());
    let mut articles = Vec::with_capacity(pages.len());
    let mut elapsed = Duration::ZERO;
    for (i, page) in pages.iter().enumerate() {
        let start = Instant::now();
        let result = match flat {
            Some(texts) => extractor.extract_text(&texts[i]),
            None => extractor.extract(&page.html),
        };
        elapsed += start.elapsed();
        let mut article = result.unwrap_or_else(|e| {
            eprintln!("warning: page {}: {e}; counted as empty", page.id);
            unboil::Article::default()
        });
        outputs.push(std::mem::take(&mut article.text));
        articles.push(article);
    }
    Run {
        outputs,
        articles,
        elapsed,
    }
}

/// Time html5ever's tree building alone (into scraper's tree, the usual
/// parse-only baseline) on the same pages, so extraction reads as a ratio.
fn parse_all(pages: &[Page]) -> Duration {
    let start = Instant::now();
    for page in pages {
        std::hint::black_box(scraper::Html::parse_document(&page.html));
    }
    start.elapsed()
}

fn write_predictions(path: &Path, pages: &[Page], outputs: &[String]) -> Result<()> {
    let map: Map<String, Value> = pages
        .iter()
        .zip(outputs)
        .map(|(page, text)| (page.id.clone(), json!({ "articleBody": text })))
        .collect();
    let text = serde_json::to_string_pretty(&Value::Object(map))?;
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()).into())
}

// ---------------------------------------------------------------- scoring

/// The quality figures of a whole set.
#[derive(Default)]
struct Quality {
    f1: f64,
    precision: f64,
    recall: f64,
    accuracy: f64,
}

/// The set-level figures, common to both metrics.
struct Summary {
    dataset: String,
    pages: usize,
    quality: Quality,
    seconds: f64,
    parse_seconds: f64,
    html_bytes: usize,
    /// With `--as-text`: the scores of keeping the whole flattened text.
    keep_everything: Option<Quality>,
}

impl Summary {
    fn per_second(&self, amount: f64) -> f64 {
        if self.seconds > 0.0 {
            amount / self.seconds
        } else {
            0.0
        }
    }

    fn parse_mb_per_s(&self) -> f64 {
        if self.parse_seconds > 0.0 {
            self.html_bytes as f64 / 1e6 / self.parse_seconds
        } else {
            0.0
        }
    }

    /// Extraction time over parse-only time.
    fn ratio(&self) -> f64 {
        if self.parse_seconds > 0.0 {
            self.seconds / self.parse_seconds
        } else {
            0.0
        }
    }

    fn to_json(&self) -> Value {
        let q = &self.quality;
        json!({
            "dataset": self.dataset,
            "f1": q.f1,
            "precision": q.precision,
            "recall": q.recall,
            "accuracy": q.accuracy,
            "pages": self.pages,
            "seconds": self.seconds,
            "pages_per_s": self.per_second(self.pages as f64),
            "mb_per_s": self.per_second(self.html_bytes as f64 / 1e6),
            "parse_mb_per_s": self.parse_mb_per_s(),
            "extract_to_parse_ratio": self.ratio(),
            "input": if self.keep_everything.is_some() { "text" } else { "html" },
            "keep_everything_f1": self.keep_everything.as_ref().map(|k| k.f1),
        })
    }

    fn print(&self) {
        let q = &self.quality;
        println!("dataset    {}", self.dataset);
        println!("pages      {}", self.pages);
        println!("F1         {:.4}", q.f1);
        println!("precision  {:.4}", q.precision);
        println!("recall     {:.4}", q.recall);
        println!("accuracy   {:.4}", q.accuracy);
        if let Some(k) = &self.keep_everything {
            println!("input      page text (flatten_to_text), extracted with extract_text");
            println!(
                "keep-all   F1 {:.4}  precision {:.4}  recall {:.4} (the flattened text as it is)",
                k.f1, k.precision, k.recall
            );
        }
        println!("seconds    {:.3} (extraction only)", self.seconds);
        println!("pages/s    {:.1}", self.per_second(self.pages as f64));
        println!(
            "MB/s       {:.2} (decompressed HTML)",
            self.per_second(self.html_bytes as f64 / 1e6)
        );
        println!(
            "parse MB/s {:.2} (html5ever parse only, same pages, same run); extract/parse time {:.2}x",
            self.parse_mb_per_s(),
            self.ratio()
        );
    }
}

/// Per-page scores, by page id, for one of the two metrics.
enum Scores<'a> {
    Bodies(Vec<(&'a str, PageScore)>),
    Snippets(&'a BTreeMap<String, Snippets>, Vec<(&'a str, SnippetScore)>),
}

/// Score every page against the truth.
fn score_all<'a>(truth: &'a Truth, pages: &'a [Page], outputs: &[String]) -> (Quality, Scores<'a>) {
    let paired = pages.iter().map(|p| p.id.as_str()).zip(outputs);
    match truth {
        Truth::Bodies(bodies) => {
            let mut corpus = CorpusScore::default();
            let scores: Vec<_> = paired
                .filter_map(|(id, out)| Some((id, score_page(out, bodies.get(id)?))))
                .inspect(|(_, score)| corpus.add(score))
                .collect();
            let quality = Quality {
                f1: corpus.f1(),
                precision: corpus.precision(),
                recall: corpus.recall(),
                accuracy: corpus.accuracy(),
            };
            (quality, Scores::Bodies(scores))
        }
        Truth::Snippets(snippets) => {
            let mut totals = SnippetTotals::default();
            let scores: Vec<_> = paired
                .filter_map(|(id, out)| {
                    let s = snippets.get(id)?;
                    Some((id, score_snippets(out, &s.with, &s.without)))
                })
                .inspect(|(_, score)| totals.add(score))
                .collect();
            let quality = Quality {
                f1: totals.f1(),
                precision: totals.precision(),
                recall: totals.recall(),
                accuracy: totals.accuracy(),
            };
            (quality, Scores::Snippets(snippets, scores))
        }
    }
}

fn print_worst(scores: Scores) {
    match scores {
        Scores::Bodies(mut scores) => {
            scores.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1).then(a.0.cmp(b.0)));
            println!("\n{WORST_PAGES} worst pages by F1:");
            for (id, s) in scores.iter().take(WORST_PAGES) {
                println!(
                    "  {id}  F1 {:.3}  P {:.3}  R {:.3}",
                    s.f1, s.precision, s.recall
                );
            }
        }
        Scores::Snippets(expected, mut scores) => {
            scores.sort_by(|a, b| b.1.errors().cmp(&a.1.errors()).then(a.0.cmp(b.0)));
            println!("\n{WORST_PAGES} worst pages by missed + leaked snippets:");
            for (id, s) in scores.iter().take(WORST_PAGES) {
                println!(
                    "  {id}  missed {}/{}  leaked {}/{}",
                    s.fn_,
                    s.tp + s.fn_,
                    s.fp,
                    s.fp + s.tn
                );
                let Some(page) = expected.get(*id) else {
                    continue;
                };
                for &i in s.missed.iter().take(SNIPPETS_SHOWN) {
                    println!("      missed: {}", shorten(&page.with[i]));
                }
                for &i in s.leaked.iter().take(SNIPPETS_SHOWN) {
                    println!("      leaked: {}", shorten(&page.without[i]));
                }
            }
        }
    }
}

/// A snippet on one line, cut to [`SNIPPET_WIDTH`] characters.
fn shorten(snippet: &str) -> String {
    let flat = unboil::metric::normalize_whitespace(snippet);
    match flat.char_indices().nth(SNIPPET_WIDTH) {
        Some((cut, _)) => format!("{:?}…", &flat[..cut]),
        None => format!("{flat:?}"),
    }
}

// ---------------------------------------------------------------- one page

/// `flat` is the page's flattened text, when extracting from text.
fn show_page(extractor: &Extractor, page: &Page, flat: Option<&str>, output: &str, truth: &Truth) {
    println!("=== extracted text of {} ===\n{output}\n", page.id);
    match truth {
        Truth::Bodies(bodies) => {
            let body = bodies.get(&page.id).map_or("", String::as_str);
            print_body_diff(output, body);
        }
        Truth::Snippets(snippets) => {
            if let Some(expected) = snippets.get(&page.id) {
                print_snippet_check(output, expected);
            }
        }
    }
    match flat {
        Some(text) => print_text_block_labels(&extractor.explain_text(text)),
        None => print_block_labels(extractor, &page.html),
    }
}

/// Per-block label view (kept / dropped, with the reason) for `--page`.
///
/// Each block's first words, then its label, reason, features and path.
fn print_block_labels(extractor: &Extractor, html: &str) {
    let Ok(explanation) = extractor.explain(html) else {
        return;
    };
    println!("\n=== blocks (region: {}) ===", explanation.region);
    for (i, block) in explanation.blocks.iter().enumerate() {
        let f = &block.features;
        let head: String = block.text.chars().take(70).collect();
        println!(
            "{i:4} {} {:<15} {} | first {} w={:.0} ld={:.2} sw={:.2} td={:.1}\n     | {}\n     @ {}",
            if block.kept { "KEEP" } else { "drop" },
            block.label.name(),
            block.reason,
            block.first_class,
            f.words,
            f.link_density,
            f.stopword_density,
            f.text_density,
            head.replace('\n', " "),
            block.path,
        );
    }
}

/// Per-block view of the text front end for `--page --as-text`.
///
/// Each block's first words, then its class, reason and features.
fn print_text_block_labels(labels: &[(String, String)]) {
    println!("\n=== blocks ===");
    for (i, (text, why)) in labels.iter().enumerate() {
        let head: String = text.chars().take(70).collect();
        println!("{i:4} {why}\n     | {}", head.replace('\n', " "));
    }
}

/// The truth text with missed runs marked `[-...-]`, then the predicted runs
/// that are not in the truth as `{+...+}`. A token counts as matched when one
/// of its 4-token shingles also occurs in the other text.
fn print_body_diff(predicted: &str, truth: &str) {
    let s = score_page(predicted, truth);
    println!(
        "=== score ===\nF1 {:.3}  P {:.3}  R {:.3}  exact {}\n",
        s.f1, s.precision, s.recall, s.exact
    );

    let (predicted_tokens, truth_tokens) = (tokens(predicted), tokens(truth));
    let found = covered_tokens(&truth_tokens, &predicted_tokens);
    let wanted = covered_tokens(&predicted_tokens, &truth_tokens);
    let count_missing = |flags: &[bool]| flags.iter().filter(|&&ok| !ok).count();

    println!(
        "=== truth, missed text marked [-...-] ({} of {} tokens missed) ===",
        count_missing(&found),
        found.len()
    );
    println!("{}\n", mark_runs(truth, &token_ranges(truth), &found));

    println!(
        "=== extra text {{+...+}} ({} of {} predicted tokens) ===",
        count_missing(&wanted),
        wanted.len()
    );
    for run in uncovered_runs(&token_ranges(predicted), &wanted) {
        println!("{{+{}+}}", &predicted[run]);
    }
}

/// `text` with every run of uncovered tokens wrapped in `[-` and `-]`.
fn mark_runs(text: &str, ranges: &[Range<usize>], covered: &[bool]) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let (mut pos, mut in_run) = (0, false);
    for (range, &ok) in ranges.iter().zip(covered) {
        if in_run && ok {
            out.push_str("-]");
            in_run = false;
        }
        out.push_str(&text[pos..range.start]);
        if !in_run && !ok {
            out.push_str("[-");
            in_run = true;
        }
        out.push_str(&text[range.clone()]);
        pos = range.end;
    }
    if in_run {
        out.push_str("-]");
    }
    out.push_str(&text[pos..]);
    out
}

/// The byte ranges spanning each maximal run of uncovered tokens.
fn uncovered_runs(ranges: &[Range<usize>], covered: &[bool]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut previous_ok = true;
    for (range, &ok) in ranges.iter().zip(covered) {
        match runs.last_mut() {
            Some(run) if !ok && !previous_ok => run.end = range.end,
            _ if !ok => runs.push(range.clone()),
            _ => {}
        }
        previous_ok = ok;
    }
    runs
}

fn print_snippet_check(output: &str, expected: &Snippets) {
    let s = score_snippets(output, &expected.with, &expected.without);
    println!(
        "=== snippets: {} of {} found, {} of {} leaked ===",
        s.tp,
        s.tp + s.fn_,
        s.fp,
        s.fp + s.tn
    );
    for (i, snippet) in expected.with.iter().enumerate() {
        let mark = if s.missed.contains(&i) {
            "MISSED"
        } else {
            "found "
        };
        println!("  with     {mark}  {}", shorten(snippet));
    }
    for (i, snippet) in expected.without.iter().enumerate() {
        let mark = if s.leaked.contains(&i) {
            "LEAKED"
        } else {
            "absent"
        };
        println!("  without  {mark}  {}", shorten(snippet));
    }
}

// ---------------------------------------------------------------- main

/// The set's directory name, e.g. `scrapinghub`.
fn dataset_name(dir: &Path) -> String {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn run() -> Result<()> {
    let args = parse_args(std::env::args().skip(1))?;
    let truth = load_truth(&args.dir)?;
    let ids = match &args.page {
        Some(id) if !truth.contains(id) => {
            return Err(format!("no page {id} in {}", args.dir.display()).into())
        }
        Some(id) => vec![id.clone()],
        None => truth.ids(),
    };
    let pages = load_pages(&args.dir, &ids)?;
    let extractor = build_extractor(args.favor);
    let flat: Option<Vec<String>> = args.as_text.then(|| {
        pages
            .iter()
            .map(|p| unboil::flatten_to_text(&p.html))
            .collect()
    });
    let run = extract_all(&extractor, &pages, flat.as_deref());

    if let Some(path) = &args.predictions {
        write_predictions(path, &pages, &run.outputs)?;
    }
    if args.page.is_some() {
        if let (Some(page), Some(output)) = (pages.first(), run.outputs.first()) {
            let flat_text = flat.as_ref().and_then(|f| f.first()).map(String::as_str);
            show_page(&extractor, page, flat_text, output, &truth);
        }
        return Ok(());
    }

    let (quality, scores) = score_all(&truth, &pages, &run.outputs);
    let keep_everything = flat
        .as_ref()
        .map(|texts| score_all(&truth, &pages, texts).0);
    let summary = Summary {
        dataset: dataset_name(&args.dir),
        pages: pages.len(),
        quality,
        seconds: run.elapsed.as_secs_f64(),
        parse_seconds: parse_all(&pages).as_secs_f64(),
        html_bytes: pages.iter().map(|p| p.html.len()).sum(),
        keep_everything,
    };
    let comments = comment_check(&args.dir, &pages, &extractor)?;
    let meta_report = match metadata::load(&args.dir)? {
        Some(annotations) => {
            let got = match &args.score_metadata {
                Some(path) => metadata::load_predictions(path)?,
                None => pages
                    .iter()
                    .zip(&run.articles)
                    .map(|(p, a)| (p.id.clone(), metadata::Got::from(a)))
                    .collect(),
            };
            Some(metadata::score(&annotations, &got))
        }
        None if args.score_metadata.is_some() => {
            return Err("--score-metadata needs a set with metadata.json".into())
        }
        None => None,
    };
    if args.json {
        let mut json = summary.to_json();
        if let Value::Object(map) = &mut json {
            if let Some(c) = &comments {
                map.insert("comments_recall".into(), json!(c.recall()));
                map.insert("comments_in_body".into(), json!(c.in_body));
            }
            if let Some(report) = &meta_report {
                report.add_json(map);
            }
        }
        println!("{json}");
    } else {
        summary.print();
        if let Some(c) = &comments {
            println!(
                "comments   {:.4} of {} annotated comment snippets found in Article::comments; {} leaked into the body ({} pages)",
                c.recall(),
                c.snippets,
                c.in_body,
                c.pages
            );
        }
        print_worst(scores);
        if let Some(report) = &meta_report {
            report.print();
        }
    }
    Ok(())
}

/// How the reader-comment snippets of `metadata.json` fared.
struct CommentCheck {
    pages: usize,
    snippets: usize,
    found: usize,
    in_body: usize,
}

impl CommentCheck {
    fn recall(&self) -> f64 {
        if self.snippets == 0 {
            0.0
        } else {
            self.found as f64 / self.snippets as f64
        }
    }
}

/// When the set has `metadata.json` with `comments` snippets: how many are
/// found in `Article::comments`, and how many leak into the body text.
fn comment_check(
    dir: &Path,
    pages: &[Page],
    extractor: &Extractor,
) -> Result<Option<CommentCheck>> {
    let path = dir.join("metadata.json");
    if !path.exists() {
        return Ok(None);
    }
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let metadata: Value = serde_json::from_str(&text)?;
    let mut check = CommentCheck {
        pages: 0,
        snippets: 0,
        found: 0,
        in_body: 0,
    };
    for page in pages {
        // Empty annotations ("") are in every text; they say nothing.
        let snippets: Vec<String> = metadata[&page.id]["comments"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(normalize_whitespace)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if snippets.is_empty() {
            continue;
        }
        let Ok(article) = extractor.extract(&page.html) else {
            continue;
        };
        check.pages += 1;
        let comments = normalize_whitespace(&article.comments);
        let body = normalize_whitespace(&article.text);
        for snippet in &snippets {
            check.snippets += 1;
            check.found += usize::from(comments.contains(snippet.as_str()));
            check.in_body += usize::from(body.contains(snippet.as_str()));
        }
    }
    Ok(Some(check))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}
