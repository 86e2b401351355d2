//! `--explain` and `--highlight`: every block of each page, kept or
//! dropped, with the reason, as a text table or as one HTML page. Text
//! inputs (`--input text`, or text by `auto`) are explained by the text
//! front end.

use crate::cli::InputKind;
use crate::input::{self, Input};
use crate::output;
use std::io::{self, Write};
use unboil::{Explanation, Extractor};

/// Which view to write.
#[derive(Clone, Copy)]
pub enum View {
    /// A readable table on standard output.
    Table,
    /// An HTML page on standard output.
    Highlight,
}

/// Write the view of every input; returns whether any input failed.
pub fn run(
    extractor: &Extractor,
    inputs: &[Input],
    kind: InputKind,
    view: View,
    out: &mut dyn Write,
) -> io::Result<bool> {
    let mut failed = false;
    for input in inputs {
        let limit = extractor.options().max_input_bytes();
        let explained = input::read(input, limit)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let is_html = match kind {
                    InputKind::Html => true,
                    InputKind::Text => false,
                    InputKind::Auto => unboil::looks_like_html(&bytes),
                };
                let page = match is_html {
                    true => unboil::Input::html_bytes(&bytes),
                    false => unboil::Input::text_bytes(&bytes),
                };
                extractor.explain(page).map_err(|e| e.to_string())
            });
        match explained {
            Ok(explanation) => match view {
                View::Table => write_table(&input.label(), &explanation, out)?,
                View::Highlight => out.write_all(explanation.to_html().as_bytes())?,
            },
            Err(reason) => {
                out.flush()?;
                output::warn(&input.label(), &reason);
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(failed)
}

/// One line per block: state, label, words, link and stop-word density,
/// the reason, and the start of the text.
fn write_table(name: &str, explanation: &Explanation, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "==> {name} <==")?;
    writeln!(
        out,
        "title:  {}",
        explanation.title.as_deref().unwrap_or("-")
    )?;
    writeln!(out, "region: {}", explanation.region)?;
    writeln!(out, "page type: {}", explanation.page_type_line())?;
    writeln!(out, "confidence: {:.2}", explanation.confidence)?;
    writeln!(
        out,
        "{:>4}  {:<4}  {:<15} {:>5} {:>5} {:>5}  {:<44}  text",
        "#", "", "label", "words", "links", "stop", "reason"
    )?;
    for (i, block) in explanation.blocks.iter().enumerate() {
        let f = &block.features;
        let text: String = block.text.chars().take(60).collect();
        let reason: String = block.reason.chars().take(44).collect();
        writeln!(
            out,
            "{i:>4}  {:<4}  {:<15} {:>5.0} {:>5.2} {:>5.2}  {:<44}  {}",
            if block.kept { "KEEP" } else { "drop" },
            block.label.name(),
            f.words,
            f.link_density,
            f.stopword_density,
            reason,
            text.replace('\n', " "),
        )?;
    }
    writeln!(out)
}
