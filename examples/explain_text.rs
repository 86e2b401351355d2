//! Show how the text front end judged each line of a text file.
//!
//! ```text
//! cargo run --example explain_text -- FILE.txt
//! ```
//!
//! Each block (a line, or a hard-wrapped paragraph) is printed with whether
//! it was kept, its label and reason from the text select stage, and its
//! first verdict from the shared scorer ([`unboil::Extractor::explain`] of
//! an [`unboil::Input::text`]); then the extracted title, author and date.

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain_text FILE.txt");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("explain_text: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let extractor = unboil::Extractor::default();
    let explanation = match extractor.explain(unboil::Input::text(&text)) {
        Ok(explanation) => explanation,
        Err(e) => {
            eprintln!("explain_text: {e}");
            return ExitCode::FAILURE;
        }
    };
    let article = match extractor.extract(unboil::Input::text(&text)) {
        Ok(article) => article,
        Err(e) => {
            eprintln!("explain_text: {e}");
            return ExitCode::FAILURE;
        }
    };
    match write_report(&explanation, &article) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): what it wanted was written.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("explain_text: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Write the blocks and the metadata to standard output; an error when it
/// cannot be written (`println!` would panic on a closed pipe).
fn write_report(explanation: &unboil::Explanation, article: &unboil::Article) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "article span: {}", explanation.region)?;
    for (i, block) in explanation.blocks.iter().enumerate() {
        let head: String = block.text.chars().take(70).collect();
        writeln!(
            out,
            "{i:4} {} {:<15} first {:<9} {} (w={:.0} sw={:.2})\n     | {head}",
            if block.kept { "KEEP" } else { "drop" },
            block.label.name(),
            block.first_class.name(),
            block.reason,
            block.features.words,
            block.features.stopword_density,
        )?;
    }
    writeln!(out, "\ntitle  {:?}", article.title)?;
    writeln!(out, "authors {:?}", article.authors)?;
    writeln!(out, "date    {:?}", article.date_published)?;
    out.flush()
}
