//! WCXB's figures for a set with `page-types.json`: word F1, precision and
//! recall, and the "with"/"without" snippet rates, overall and per page type,
//! with the worst pages of each type.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::corpus::{Corpus, Page};
use crate::metric::words::{snippet_rates, word_score, RateTotals, WordScore, WordTotals};

/// One row of the table: all pages, or the pages of one type.
#[derive(Default)]
struct Row {
    words: WordTotals,
    rates: RateTotals,
    /// Each page's word scores, for the worst-pages listing.
    pages: Vec<(String, WordScore)>,
}

impl Row {
    fn to_json(&self) -> Value {
        json!({
            "pages": self.words.pages(),
            "word_f1": self.words.f1(),
            "word_precision": self.words.precision(),
            "word_recall": self.words.recall(),
            "with": self.rates.with(),
            "without": self.rates.without(),
        })
    }

    fn print(&self, name: &str) {
        println!(
            "  {name:<14} {:>5}  {:.3}  {:.3}  {:.3}  {:.3}  {:.3}",
            self.words.pages(),
            self.words.f1(),
            self.words.precision(),
            self.words.recall(),
            self.rates.with(),
            self.rates.without(),
        );
    }
}

/// Word F1 overall and per page type.
pub(super) struct TypeReport {
    overall: Row,
    per_type: BTreeMap<String, Row>,
}

/// Score `outputs` (in `pages` order) with word F1 and snippet rates; `None`
/// when the set has no page types or no article bodies.
pub(super) fn score_types(
    corpus: &Corpus,
    pages: &[Page],
    outputs: &[String],
) -> Option<TypeReport> {
    let types = corpus.page_types.as_ref()?;
    let bodies = corpus.bodies.as_ref()?;
    let mut report = TypeReport {
        overall: Row::default(),
        per_type: BTreeMap::new(),
    };
    for (page, output) in pages.iter().zip(outputs) {
        let Some(body) = bodies.get(&page.id) else {
            continue;
        };
        let score = word_score(output, body);
        let rates = corpus
            .snippets
            .as_ref()
            .and_then(|s| s.get(&page.id))
            .map(|s| snippet_rates(output, &s.with, &s.without))
            .unwrap_or_default();
        let kind = types.get(&page.id).map_or("unknown", String::as_str);
        let row = report.per_type.entry(kind.to_owned()).or_default();
        for row in [&mut report.overall, row] {
            row.words.add(&score);
            row.rates.add(&rates);
            row.pages.push((page.id.clone(), score));
        }
    }
    Some(report)
}

impl TypeReport {
    /// Adds `word_f1`, `word_precision`, `word_recall`, `with`, `without` and
    /// `per_type` (the same keys for each type) to a JSON report.
    pub(super) fn add_json(&self, map: &mut Map<String, Value>) {
        if let Value::Object(overall) = self.overall.to_json() {
            for (key, value) in overall {
                if key != "pages" {
                    map.insert(key, value);
                }
            }
        }
        let per_type: Map<String, Value> = self
            .per_type
            .iter()
            .map(|(kind, row)| (kind.clone(), row.to_json()))
            .collect();
        map.insert("per_type".into(), Value::Object(per_type));
    }

    /// The table, then the `worst` lowest-F1 pages of each type.
    pub(super) fn print(&self, worst: usize) {
        println!("\nword F1 (WCXB's metric: bag of lower-cased \\w+ tokens, means over pages)");
        println!("  page type      pages  F1     P      R      with   without");
        self.overall.print("all");
        for (kind, row) in &self.per_type {
            row.print(kind);
        }
        for (kind, row) in &self.per_type {
            let mut pages = row.pages.clone();
            pages.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1).then(a.0.cmp(&b.0)));
            let listed: Vec<String> = pages
                .iter()
                .take(worst)
                .map(|(id, s)| format!("{id} {:.2}/{:.2}/{:.2}", s.f1, s.precision, s.recall))
                .collect();
            println!("worst {kind} (F1/P/R): {}", listed.join(", "));
        }
    }
}
