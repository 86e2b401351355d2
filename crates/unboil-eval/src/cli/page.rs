//! One page in detail (`--page ID`): the extracted text, how it scores, and
//! every block with its label.

use std::ops::Range;

use unboil::Extractor;

use super::report::shorten;
use crate::corpus::{Corpus, Page, Snippets};
use crate::metric::{covered_tokens, score_page, score_snippets, token_ranges, tokens};

/// `flat` is the page's flattened text, when extracting from text.
pub(super) fn show_page(
    extractor: &Extractor,
    page: &Page,
    flat: Option<&str>,
    output: &str,
    corpus: &Corpus,
) {
    println!("=== extracted text of {} ===\n{output}\n", page.id);
    if let Some(body) = corpus.body(&page.id) {
        print_body_diff(output, body);
    } else if let Some(expected) = corpus.snippets.as_ref().and_then(|s| s.get(&page.id)) {
        print_snippet_check(output, expected);
    }
    match flat {
        Some(text) => print_block_labels(extractor, unboil::Input::text(text)),
        None => print_block_labels(extractor, unboil::Input::html(&page.html)),
    }
}

/// Per-block label view (kept / dropped, with the reason) for `--page`, of
/// the HTML or, with `--as-text` or `--dumps`, of the text front end.
///
/// Each block's first words, then its label, reason, features and path.
fn print_block_labels(extractor: &Extractor, input: unboil::Input<'_>) {
    let Ok(explanation) = extractor.explain(input) else {
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
            block.first_class.name(),
            f.words,
            f.link_density,
            f.stopword_density,
            f.text_density,
            head.replace('\n', " "),
            block.path,
        );
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
