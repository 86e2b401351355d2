//! Command-line arguments.

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

/// Extract the main article text from saved web pages.
///
/// Each PATH is an HTML page, or page text that a scraper already flattened
/// (optionally gzip-compressed, recognised by its content), a directory (searched recursively for .html, .htm, .gz, .warc and
/// .warc.gz files), or a WARC archive (.warc, .warc.gz, or recognised by its
/// content), whose HTML response records are extracted one by one. With no
/// PATH, or where PATH is `-`, standard input is read (a page or a WARC).
///
/// Pages are extracted in parallel on all cores. A page that cannot be read
/// or extracted is reported and the run goes on; the exit status is then 1.
#[derive(Debug, Parser)]
#[command(name = "unboil", version)]
pub struct Args {
    /// Pages (.html, .htm, .txt, gzipped), directories or WARC files; `-` is standard input.
    #[arg(value_name = "PATH")]
    pub files: Vec<PathBuf>,

    /// What the inputs are: HTML, flattened page text, or (auto) HTML when
    /// they start with markup or are dense with tags, else text.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    pub input: InputKind,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// One compact JSON object per page and line: {"path" or "url", "title", "text", "error"}.
    /// Same as `--format jsonl`.
    #[arg(long, conflicts_with = "format")]
    pub jsonl: bool,

    /// Leave out doubtful blocks (fewer false positives).
    #[arg(long, conflicts_with = "favor_recall")]
    pub favor_precision: bool,

    /// Keep doubtful blocks (fewer misses).
    #[arg(long)]
    pub favor_recall: bool,

    /// Keep links: `[text](url)` in Markdown, `<a href>` in HTML, link spans
    /// in JSON. Relative URLs are resolved against the page's `<base href>`
    /// or canonical URL.
    #[arg(long)]
    pub links: bool,

    /// Keep the article's images: `![alt](url)` in Markdown, `<img>` in
    /// HTML, image blocks in JSON.
    #[arg(long)]
    pub images: bool,

    /// Leave tables out (they are kept by default).
    #[arg(long)]
    pub no_tables: bool,

    /// Leave reader comments out of JSON output (they are extracted apart
    /// from the body by default, and never mixed into the text).
    #[arg(long)]
    pub no_comments: bool,

    /// The day the pages were fetched (YYYY-MM-DD): dates after the day
    /// following it are refused as misreadings. Unset, a WARC record's own
    /// WARC-Date serves; else dates are only held to the years 1990-2100.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<unboil::Date>,

    /// Say what type the pages are (article, forum, product, collection,
    /// listing, documentation, service, other) instead of letting the
    /// classifier decide: the reported page_type is then this type.
    #[arg(long, value_name = "TYPE", value_parser = parse_page_type)]
    pub page_type: Option<unboil::PageType>,

    /// Worker threads for extraction [default: one per core].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// Write the results in input order (WARC records in file order);
    /// without it they come as they are finished.
    #[arg(long)]
    pub ordered: bool,

    /// No progress bar and no summary line on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    /// Print every block of each page as a table: kept or dropped, its
    /// label, the reason and its features, instead of the article.
    #[arg(long, conflicts_with_all = ["format", "jsonl", "highlight"])]
    pub explain: bool,

    /// Write each page's blocks as one HTML page, kept and dropped blocks in
    /// different colours and the reason on hover: `unboil --highlight FILE > out.html`.
    #[arg(long, conflicts_with_all = ["format", "jsonl"])]
    pub highlight: bool,
}

impl Args {
    /// The output format, after `--jsonl`.
    pub fn format(&self) -> Format {
        if self.jsonl {
            Format::Jsonl
        } else {
            self.format
        }
    }
}

/// What kind of document an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// HTML when the input looks like markup, else text.
    Auto,
    /// An HTML page.
    Html,
    /// Page text without markup.
    Text,
}

/// How results are written to standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The article text; a `==> FILE <==` header before each when there are several inputs.
    Text,
    /// The article as Markdown: headings, lists, quotes, code, tables.
    Markdown,
    /// The article as a small, sanitised HTML document.
    Html,
    /// One pretty-printed JSON object per input: path, title, text, blocks.
    Json,
    /// One compact JSON object per input and line, failures included.
    Jsonl,
}

/// A page type by its name (`documentation`).
fn parse_page_type(name: &str) -> Result<unboil::PageType, String> {
    unboil::PageType::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = unboil::PageType::ALL.iter().map(|t| t.name()).collect();
        format!("one of {}", names.join(", "))
    })
}
