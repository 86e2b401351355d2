//! Write saved pages into a small WARC archive, as a crawler would: a
//! `warcinfo` record, a request and a response per page, and one image
//! response that extraction skips. Used by `examples/spark/smoke.sh`.
//!
//! ```sh
//! cargo run --release --example make_warc -- OUT.warc.gz PAGE.html.gz...
//! ```
//!
//! OUT ending in `.gz` gives one gzip member per record. Each page's URL is
//! `https://eval.example/NAME`, NAME its file name without `.html[.gz]`;
//! the URLs are printed on standard output, one a line.

#[path = "../tests/support/warc.rs"]
mod warc;

use flate2::read::MultiGzDecoder;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, pages)) = args.split_first() else {
        eprintln!("usage: make_warc OUT.warc[.gz] PAGE...");
        return ExitCode::from(2);
    };
    let mut crawl = Vec::with_capacity(pages.len());
    for page in pages {
        match read_page(Path::new(page)) {
            Ok(html) => crawl.push((url_of(Path::new(page)), html)),
            Err(e) => {
                eprintln!("make_warc: {page}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let bytes = warc::archive(&warc::records(&crawl), out.ends_with(".gz"));
    if let Err(e) = std::fs::write(out, bytes) {
        eprintln!("make_warc: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    for (url, _) in &crawl {
        println!("{url}");
    }
    ExitCode::SUCCESS
}

fn url_of(page: &Path) -> String {
    let name = page
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .trim_end_matches(".gz")
        .trim_end_matches(".html")
        .trim_end_matches(".htm");
    format!("https://eval.example/{stem}")
}

/// A page's HTML, gunzipped when it is gzip data.
fn read_page(path: &Path) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut html = Vec::new();
    MultiGzDecoder::new(&raw[..]).read_to_end(&mut html)?;
    Ok(html)
}
