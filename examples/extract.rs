//! Extract the article from one saved page and print its title and text.
//!
//! ```text
//! cargo run --release --example extract                  # the bundled news page
//! cargo run --release --example extract -- page.html     # your own page
//! cargo run --release --example extract -- page.html.gz  # gzip-compressed
//! ```

use std::error::Error;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use flate2::read::MultiGzDecoder;

fn main() -> ExitCode {
    let path = match std::env::args_os().nth(1) {
        Some(arg) => PathBuf::from(arg),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/pages/news.html"),
    };
    match run(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn run(path: &Path) -> Result<(), Box<dyn Error>> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    // Gzip is recognised by its magic bytes, not by the file name.
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut html = Vec::new();
        MultiGzDecoder::new(bytes.as_slice())
            .read_to_end(&mut html)
            .map_err(|e| format!("broken gzip data: {e}"))?;
        html
    } else {
        bytes
    };

    // Build one extractor and reuse it when extracting many pages.
    let extractor = unboil::Extractor::builder().build();
    let article = extractor.extract(unboil::Input::html_bytes(&bytes))?;

    match print(&article) {
        // A reader that stops early (`| head`) is not a failure.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}").into())
        }
        _ => Ok(()),
    }
}

fn print(article: &unboil::Article) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let title = article.title.as_deref().unwrap_or("(no title found)");
    writeln!(out, "Title: {title}\n")?;
    writeln!(out, "{}", article.text)?;
    out.flush()
}
