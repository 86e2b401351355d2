//! Show how the text front end judged each line of a text file.
//!
//! ```text
//! cargo run --example explain_text -- FILE.txt
//! ```
//!
//! Each block (a line, or a hard-wrapped paragraph) is printed with its
//! first verdict from the shared scorer, the text select stage's reason, and
//! whether it was kept; then the extracted title, author and date.

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
    for (i, (line, why)) in extractor.explain_text(&text).iter().enumerate() {
        let head: String = line.chars().take(70).collect();
        println!("{i:4} {why}\n     | {head}");
    }
    match extractor.extract(unboil::Input::text(&text)) {
        Ok(article) => {
            println!("\ntitle  {:?}", article.title);
            println!("authors {:?}", article.authors);
            println!("date    {:?}", article.date_published);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("explain_text: {e}");
            ExitCode::FAILURE
        }
    }
}
