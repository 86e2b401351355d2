//! Evaluate the extractor on one of the evaluation sets in `tests/data`.
//!
//! ```text
//! cargo run --release --example evaluate -- DATASET_DIR [--json] [--predictions OUT.json]
//!     [--page ID] [--precision | --recall] [--as-text | --dumps TOOL|FILE]
//!     [--score-metadata PRED.json] [--worst N]
//! ```
//!
//! The set is recognised by its truth file: `ground-truth.json` (article bodies,
//! scored with the shingle metric) or `expectations.json` ("with"/"without"
//! snippets, scored with the snippet metric). A set with `page-types.json`
//! (WCXB) is also scored with the benchmark's word F1 and its snippet rates,
//! overall and per page type, with the worst pages of each type. All pages are read and
//! decompressed first; only the extraction calls are timed, single-threaded,
//! with one reused extractor, in sorted id order.
//!
//! The page types the extractor found are reported on every set (their
//! shares); with `page-types.json`, also their accuracy and the confusion
//! matrix. On a set with article bodies, the report gives how well
//! `Article::confidence` predicts each page's word F1. Pages are extracted
//! with the URL `ground-truth.json` gives for them (`url`), as a crawler
//! would pass it.
//!
//! When the set has `metadata.json` (hand-annotated titles, authors and
//! dates), the report also gives title, author and date accuracy (see
//! [`crate::metric::metadata`]) and lists misses; `--score-metadata PRED.json`
//! scores another tool's metadata (`{id: {"title", "author", "date"}}`) the
//! same way instead of unboil's.
//!
//! With `--as-text`, each page is first flattened to its text, one block-level
//! element a line with nothing removed but code and styles
//! (`unboil::flatten_to_text`), and the text front end (`extract_text`)
//! extracts from that; the report then also scores keeping everything (the
//! flattened text itself as the prediction), the floor the text path must
//! rise far above.
//!
//! With `--dumps TOOL`, the text front end extracts from another tool's dumps
//! of the pages instead (`tests/data/dumps/<set>/<TOOL>.json.gz`: lynx, w3m,
//! bs4, html2text, inscriptis, chromium; or a `{id: text}` JSON file, gzipped
//! or not), and keeping everything scores the dumps as they are.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};
use unboil::Extractor;

use crate::corpus::{Corpus, Page};

mod assess;
mod comments;
mod dumps;
mod metadata;
mod page;
mod report;
mod types;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: evaluate DATASET_DIR [--json] [--predictions OUT.json] [--page ID] \
                     [--precision | --recall] [--as-text | --dumps TOOL|FILE] \
                     [--score-metadata PRED.json] [--worst N]";
/// How many of the worst pages the human report lists (per page type in a
/// typed set), unless `--worst` says otherwise.
const WORST_PAGES: usize = 10;

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
    /// Extract with the text front end from a tool's dumps of the pages.
    dumps: Option<String>,
    /// How many worst pages to list (per page type in a typed set).
    worst: usize,
}

fn parse_args(mut raw: impl Iterator<Item = String>) -> Result<Args> {
    let mut dir = None;
    let mut json = false;
    let mut predictions = None;
    let mut page = None;
    let mut favor = Favor::Balanced;
    let mut score_metadata = None;
    let mut as_text = false;
    let mut dumps = None;
    let mut worst = WORST_PAGES;
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
            "--dumps" => dumps = Some(value("--dumps")?),
            "--worst" => {
                let n = value("--worst")?;
                worst = n
                    .parse()
                    .map_err(|_| format!("--worst takes a count, not {n:?}"))?;
            }
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
    if as_text && dumps.is_some() {
        return Err(format!("--as-text and --dumps exclude each other\n{USAGE}").into());
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
        dumps,
        worst,
    })
}

fn build_extractor(favor: Favor) -> Extractor {
    match favor {
        Favor::Balanced => Extractor::default(),
        Favor::Precision => Extractor::builder().favor_precision(true).build(),
        Favor::Recall => Extractor::builder().favor_recall(true).build(),
    }
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
fn extract_all(
    extractor: &Extractor,
    corpus: &Corpus,
    pages: &[Page],
    flat: Option<&[String]>,
) -> Run {
    let mut outputs = Vec::with_capacity(pages.len());
    let mut articles = Vec::with_capacity(pages.len());
    let mut elapsed = Duration::ZERO;
    for (i, page) in pages.iter().enumerate() {
        let start = Instant::now();
        let result = match flat {
            Some(texts) => extractor.extract(unboil::Input::text(&texts[i])),
            None => {
                let mut input = unboil::Input::html(&page.html);
                if let Some(url) = corpus.url(&page.id) {
                    input = input.url(url);
                }
                extractor.extract(input)
            }
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

// ---------------------------------------------------------------- main

fn run() -> Result<()> {
    let args = parse_args(std::env::args().skip(1))?;
    let corpus = Corpus::open(&args.dir)?;
    let ids = match &args.page {
        Some(id) if !corpus.contains(id) => {
            return Err(format!("no page {id} in {}", args.dir.display()).into())
        }
        Some(id) => vec![id.clone()],
        None => corpus.ids(),
    };
    let pages = corpus.read_pages(&ids)?;
    let extractor = build_extractor(args.favor);
    let flat: Option<Vec<String>> = match &args.dumps {
        Some(tool) => Some(dumps::load(&args.dir, &corpus.name(), tool, &pages)?),
        None => args.as_text.then(|| {
            pages
                .iter()
                .map(|p| unboil::flatten_to_text(&p.html))
                .collect()
        }),
    };
    let run = extract_all(&extractor, &corpus, &pages, flat.as_deref());

    if let Some(path) = &args.predictions {
        write_predictions(path, &pages, &run.outputs)?;
    }
    if args.page.is_some() {
        if let (Some(page), Some(output)) = (pages.first(), run.outputs.first()) {
            let flat_text = flat.as_ref().and_then(|f| f.first()).map(String::as_str);
            page::show_page(&extractor, page, flat_text, output, &corpus);
        }
        return Ok(());
    }

    let (quality, scores) = report::score_all(&corpus, &pages, &run.outputs);
    let keep_everything = flat
        .as_ref()
        .map(|texts| report::score_all(&corpus, &pages, texts).0);
    let types = types::score_types(&corpus, &pages, &run.outputs);
    let runs: Vec<(&unboil::Article, &str)> = run
        .articles
        .iter()
        .zip(run.outputs.iter().map(String::as_str))
        .collect();
    let assessed = flat
        .is_none()
        .then(|| assess::assess(&corpus, &pages, &runs));
    let summary = report::Summary {
        dataset: corpus.name(),
        pages: pages.len(),
        quality,
        seconds: run.elapsed.as_secs_f64(),
        parse_seconds: parse_all(&pages).as_secs_f64(),
        html_bytes: pages.iter().map(|p| p.html.len()).sum(),
        keep_everything,
        text_source: match &args.dumps {
            Some(tool) => format!("{tool} dumps"),
            None => "flatten_to_text".to_string(),
        },
    };
    let comments = comments::comment_check(&args.dir, &pages, &extractor)?;
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
            if let Some(types) = &types {
                types.add_json(map);
            }
            if let Some(assessed) = &assessed {
                assessed.add_json(map);
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
        report::print_worst(scores, args.worst);
        if let Some(types) = &types {
            types.print(args.worst);
        }
        if let Some(assessed) = &assessed {
            assessed.print();
        }
        if let Some(report) = &meta_report {
            report.print();
        }
    }
    Ok(())
}

/// Run the command on the process's arguments; print errors to stderr.
pub fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}
