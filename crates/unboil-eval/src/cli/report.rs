//! The set-level report: the figures of the set's own metric, speed against
//! parse-only, and the worst pages.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::corpus::{Corpus, Page, Snippets};
use crate::metric::{
    normalize_whitespace, score_page, score_snippets, CorpusScore, PageScore, SnippetScore,
    SnippetTotals,
};

/// How many missed or leaked snippets to show per listed page.
const SNIPPETS_SHOWN: usize = 3;
/// Snippets longer than this many characters are cut in listings.
const SNIPPET_WIDTH: usize = 70;

/// The quality figures of a whole set.
#[derive(Default)]
pub(super) struct Quality {
    pub(super) f1: f64,
    pub(super) precision: f64,
    pub(super) recall: f64,
    pub(super) accuracy: f64,
}

/// The set-level figures, common to both metrics.
pub(super) struct Summary {
    pub(super) dataset: String,
    pub(super) pages: usize,
    pub(super) quality: Quality,
    pub(super) seconds: f64,
    pub(super) parse_seconds: f64,
    pub(super) html_bytes: usize,
    /// With `--as-text`: the scores of keeping the whole flattened text.
    pub(super) keep_everything: Option<Quality>,
    /// Where the text came from, with `keep_everything`: `flatten_to_text`
    /// or a tool's dumps.
    pub(super) text_source: String,
}

impl Summary {
    fn per_second(&self, amount: f64) -> f64 {
        if self.seconds > 0.0 {
            amount / self.seconds
        } else {
            0.0
        }
    }

    fn parse_mb_per_s(&self) -> f64 {
        if self.parse_seconds > 0.0 {
            self.html_bytes as f64 / 1e6 / self.parse_seconds
        } else {
            0.0
        }
    }

    /// Extraction time over parse-only time.
    fn ratio(&self) -> f64 {
        if self.parse_seconds > 0.0 {
            self.seconds / self.parse_seconds
        } else {
            0.0
        }
    }

    pub(super) fn to_json(&self) -> Value {
        let q = &self.quality;
        json!({
            "dataset": self.dataset,
            "f1": q.f1,
            "precision": q.precision,
            "recall": q.recall,
            "accuracy": q.accuracy,
            "pages": self.pages,
            "seconds": self.seconds,
            "pages_per_s": self.per_second(self.pages as f64),
            "mb_per_s": self.per_second(self.html_bytes as f64 / 1e6),
            "parse_mb_per_s": self.parse_mb_per_s(),
            "extract_to_parse_ratio": self.ratio(),
            "input": if self.keep_everything.is_some() { "text" } else { "html" },
            "keep_everything_f1": self.keep_everything.as_ref().map(|k| k.f1),
        })
    }

    pub(super) fn print(&self) {
        let q = &self.quality;
        println!("dataset    {}", self.dataset);
        println!("pages      {}", self.pages);
        println!("F1         {:.4}", q.f1);
        println!("precision  {:.4}", q.precision);
        println!("recall     {:.4}", q.recall);
        println!("accuracy   {:.4}", q.accuracy);
        if let Some(k) = &self.keep_everything {
            println!(
                "input      page text ({}), extracted with extract_text",
                self.text_source
            );
            println!(
                "keep-all   F1 {:.4}  precision {:.4}  recall {:.4} (the text as it is)",
                k.f1, k.precision, k.recall
            );
        }
        println!("seconds    {:.3} (extraction only)", self.seconds);
        println!("pages/s    {:.1}", self.per_second(self.pages as f64));
        println!(
            "MB/s       {:.2} (decompressed HTML)",
            self.per_second(self.html_bytes as f64 / 1e6)
        );
        println!(
            "parse MB/s {:.2} (html5ever parse only, same pages, same run); extract/parse time {:.2}x",
            self.parse_mb_per_s(),
            self.ratio()
        );
    }
}

/// Per-page scores, by page id, for one of the two metrics.
pub(super) enum Scores<'a> {
    Bodies(Vec<(&'a str, PageScore)>),
    Snippets(&'a BTreeMap<String, Snippets>, Vec<(&'a str, SnippetScore)>),
}

/// Score every page against the truth.
pub(super) fn score_all<'a>(
    corpus: &'a Corpus,
    pages: &'a [Page],
    outputs: &[String],
) -> (Quality, Scores<'a>) {
    let paired = pages.iter().map(|p| p.id.as_str()).zip(outputs);
    match (&corpus.bodies, &corpus.snippets) {
        (Some(bodies), _) => {
            let mut corpus = CorpusScore::default();
            let scores: Vec<_> = paired
                .filter_map(|(id, out)| Some((id, score_page(out, bodies.get(id)?))))
                .inspect(|(_, score)| corpus.add(score))
                .collect();
            let quality = Quality {
                f1: corpus.f1(),
                precision: corpus.precision(),
                recall: corpus.recall(),
                accuracy: corpus.accuracy(),
            };
            (quality, Scores::Bodies(scores))
        }
        (None, Some(snippets)) => {
            let mut totals = SnippetTotals::default();
            let scores: Vec<_> = paired
                .filter_map(|(id, out)| {
                    let s = snippets.get(id)?;
                    Some((id, score_snippets(out, &s.with, &s.without)))
                })
                .inspect(|(_, score)| totals.add(score))
                .collect();
            let quality = Quality {
                f1: totals.f1(),
                precision: totals.precision(),
                recall: totals.recall(),
                accuracy: totals.accuracy(),
            };
            (quality, Scores::Snippets(snippets, scores))
        }
        (None, None) => (Quality::default(), Scores::Bodies(Vec::new())),
    }
}

pub(super) fn print_worst(scores: Scores, worst: usize) {
    match scores {
        Scores::Bodies(mut scores) => {
            scores.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1).then(a.0.cmp(b.0)));
            println!("\n{worst} worst pages by F1:");
            for (id, s) in scores.iter().take(worst) {
                println!(
                    "  {id}  F1 {:.3}  P {:.3}  R {:.3}",
                    s.f1, s.precision, s.recall
                );
            }
        }
        Scores::Snippets(expected, mut scores) => {
            scores.sort_by(|a, b| b.1.errors().cmp(&a.1.errors()).then(a.0.cmp(b.0)));
            println!("\n{worst} worst pages by missed + leaked snippets:");
            for (id, s) in scores.iter().take(worst) {
                println!(
                    "  {id}  missed {}/{}  leaked {}/{}",
                    s.fn_,
                    s.tp + s.fn_,
                    s.fp,
                    s.fp + s.tn
                );
                let Some(page) = expected.get(*id) else {
                    continue;
                };
                for &i in s.missed.iter().take(SNIPPETS_SHOWN) {
                    println!("      missed: {}", shorten(&page.with[i]));
                }
                for &i in s.leaked.iter().take(SNIPPETS_SHOWN) {
                    println!("      leaked: {}", shorten(&page.without[i]));
                }
            }
        }
    }
}

/// A snippet on one line, cut to [`SNIPPET_WIDTH`] characters.
pub(super) fn shorten(snippet: &str) -> String {
    let flat = normalize_whitespace(snippet);
    match flat.char_indices().nth(SNIPPET_WIDTH) {
        Some((cut, _)) => format!("{:?}…", &flat[..cut]),
        None => format!("{flat:?}"),
    }
}
