//! A fixed workload for `valgrind --tool=callgrind`: the first pages of an
//! evaluation set, run through one of three paths.
//!
//! ```sh
//! cargo build --release --example profile
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.extract \
//!     target/release/examples/profile tests/data/scrapinghub extract 40
//! callgrind_annotate --inclusive=yes /tmp/cg.extract | head -60
//! ```
//!
//! Modes: `extract` (`Extractor::extract`, one extractor reused), `parse`
//! (unboil's parser alone) and `scraper` (html5ever building scraper's tree,
//! the parse-only baseline `evaluate` compares against). Pages are read and
//! decompressed before the timed part, so the instruction counts of the
//! modes differ only by what each path does. Instruction counts repeat from
//! run to run, unlike wall-clock time on a shared machine.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

/// Pages profiled when no count is given.
const DEFAULT_PAGES: usize = 40;

fn read_pages(dir: &str, count: usize) -> std::io::Result<Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(format!("{dir}/html"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths.iter().take(count) {
        let raw = std::fs::read(path)?;
        let mut html = String::new();
        if path.extension().is_some_and(|e| e == "gz") {
            flate2::read::GzDecoder::new(&raw[..]).read_to_string(&mut html)?;
        } else {
            html = String::from_utf8_lossy(&raw).into_owned();
        }
        pages.push(html);
    }
    Ok(pages)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(mode)) = (args.first(), args.get(1)) else {
        eprintln!("usage: profile DATASET_DIR extract|parse|scraper|text [PAGES]");
        return ExitCode::FAILURE;
    };
    let count = args
        .get(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_PAGES);
    let pages = match read_pages(dir, count) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let extractor = unboil::Extractor::default();
    // The text front end's input is each page flattened beforehand (its
    // cost shows apart from `extract_text` in the annotated output).
    let pages: Vec<String> = if mode == "text" {
        pages.iter().map(|p| unboil::flatten_to_text(p)).collect()
    } else {
        pages
    };
    let mut checksum = 0usize;
    for page in &pages {
        checksum += match mode.as_str() {
            "extract" => extractor.extract(page).map(|a| a.text.len()).unwrap_or(0),
            "parse" => unboil::parse_only(page),
            "scraper" => scraper::Html::parse_document(page).tree.nodes().count(),
            "text" => extractor
                .extract(unboil::Input::text(page))
                .map(|a| a.text.len())
                .unwrap_or(0),
            _ => {
                eprintln!("unknown mode {mode}: extract, parse, scraper or text");
                return ExitCode::FAILURE;
            }
        };
    }
    println!("{} pages, checksum {checksum}", pages.len());
    ExitCode::SUCCESS
}
