//! Cruft detection against the evaluation data: rarely on article text,
//! often on the snippets annotated as boilerplate.

use super::lexicon;
use serde_json::Value;

fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The share of `lines` that `cruft` or `contains_cruft_phrase` flags.
fn flagged(lines: &[String]) -> f64 {
    let lex = lexicon();
    let hits = lines
        .iter()
        .filter(|l| lex.cruft(l).is_some() || lex.contains_cruft_phrase(l).is_some())
        .count();
    hits as f64 / lines.len() as f64
}

#[test]
fn cruft_on_evaluation_data() {
    let gold = load("tests/data/scrapinghub/ground-truth.json");
    let paragraphs: Vec<String> = gold
        .as_object()
        .expect("an object of pages")
        .values()
        .filter_map(|page| page["articleBody"].as_str())
        .flat_map(|body| body.split('\n'))
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect();
    let snippets = load("tests/data/trafilatura-eval/expectations.json");
    let field = |name: &str| -> Vec<String> {
        snippets
            .as_object()
            .expect("an object of pages")
            .values()
            .filter_map(|page| page[name].as_array())
            .flatten()
            .filter_map(|s| s.as_str().map(String::from))
            .collect()
    };
    let (with, without) = (field("with"), field("without"));
    assert!(paragraphs.len() > 4000 && with.len() > 1900 && without.len() > 1900);
    // Gold article paragraphs: the few hits are credits and copyright lines
    // the gold text kept ("© Reuters", "Image credit: …").
    let gold_rate = flagged(&paragraphs);
    assert!(gold_rate < 0.01, "{gold_rate}");
    let with_rate = flagged(&with);
    assert!(with_rate < 0.01, "{with_rate}");
    // Boilerplate snippets are often long or site-specific, but a fifth is
    // plain cruft.
    let without_rate = flagged(&without);
    assert!(without_rate > 0.2, "{without_rate}");
}
