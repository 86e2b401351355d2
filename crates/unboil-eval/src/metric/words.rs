//! The **word F1** of the WCXB benchmark, so figures compare with the
//! published ones.
//!
//! Per page, both texts become bags of lower-cased `\w+` tokens; the overlap
//! is the size of their multiset intersection; precision = overlap /
//! predicted tokens, recall = overlap / reference tokens, F1 = 2PR/(P+R). An
//! empty prediction scores 0. Corpus precision, recall and F1 are the means
//! of the per-page values ([`WordTotals`]), not an F1 of the means.
//!
//! The set's "with"/"without" snippets are reported beside it as rates: per
//! page, the share of snippets found in the lower-cased output, averaged over
//! the pages that have any ([`snippet_rates`]).
//!
//! ```
//! use unboil_eval::metric::words::{word_score, WordTotals};
//!
//! let page = word_score("Menu. The cat sat.", "the cat sat");
//! assert_eq!(page.recall, 1.0);
//! assert_eq!(page.precision, 0.75);
//!
//! let mut totals = WordTotals::default();
//! totals.add(&page);
//! totals.add(&word_score("", "the cat sat"));
//! assert_eq!(totals.recall(), 0.5);
//! ```

use std::collections::HashMap;

use super::{normalize_whitespace, tokens};

/// One page's word scores.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordScore {
    /// Overlap over predicted tokens (0 for an empty prediction).
    pub precision: f64,
    /// Overlap over reference tokens.
    pub recall: f64,
    /// Their harmonic mean (0 when both are 0).
    pub f1: f64,
}

/// The word scores of `predicted` against `reference`.
pub fn word_score(predicted: &str, reference: &str) -> WordScore {
    let predicted = lowered_tokens(predicted);
    let reference = lowered_tokens(reference);
    // An empty prediction scores 0, as in the benchmark; so does any
    // prediction against an empty reference (WCXB has none).
    if predicted.is_empty() || reference.is_empty() {
        return WordScore::default();
    }
    let mut bag: HashMap<&str, usize> = HashMap::with_capacity(reference.len());
    for token in &reference {
        *bag.entry(token.as_str()).or_default() += 1;
    }
    let mut overlap = 0usize;
    for token in &predicted {
        if let Some(count) = bag.get_mut(token.as_str()).filter(|c| **c > 0) {
            *count -= 1;
            overlap += 1;
        }
    }
    let precision = overlap as f64 / predicted.len() as f64;
    let recall = overlap as f64 / reference.len() as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    WordScore {
        precision,
        recall,
        f1,
    }
}

fn lowered_tokens(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(str::to_lowercase).collect()
}

/// Means of per-page word scores.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordTotals {
    pages: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl WordTotals {
    /// Count one page.
    pub fn add(&mut self, page: &WordScore) {
        self.pages += 1;
        self.precision += page.precision;
        self.recall += page.recall;
        self.f1 += page.f1;
    }

    /// Pages counted.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Mean precision.
    pub fn precision(&self) -> f64 {
        self.mean(self.precision)
    }

    /// Mean recall.
    pub fn recall(&self) -> f64 {
        self.mean(self.recall)
    }

    /// Mean F1 (the benchmark's headline figure).
    pub fn f1(&self) -> f64 {
        self.mean(self.f1)
    }

    fn mean(&self, sum: f64) -> f64 {
        if self.pages == 0 {
            0.0
        } else {
            sum / self.pages as f64
        }
    }
}

/// The share of `with` snippets found in `output` and the share of
/// `without` snippets found (lower is better), case and spacing ignored;
/// `None` for an empty list.
pub fn snippet_rates(output: &str, with: &[String], without: &[String]) -> SnippetRates {
    let output = normalize_whitespace(&output.to_lowercase());
    let share = |list: &[String]| {
        let found = list
            .iter()
            .filter(|s| output.contains(&normalize_whitespace(&s.to_lowercase())))
            .count();
        (!list.is_empty()).then(|| found as f64 / list.len() as f64)
    };
    SnippetRates {
        with: share(with),
        without: share(without),
    }
}

/// One page's snippet rates.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SnippetRates {
    /// Share of "with" snippets found.
    pub with: Option<f64>,
    /// Share of "without" snippets found.
    pub without: Option<f64>,
}

/// Means of per-page snippet rates, each over the pages that have snippets
/// of its kind.
#[derive(Debug, Clone, Copy, Default)]
pub struct RateTotals {
    with: (f64, usize),
    without: (f64, usize),
}

impl RateTotals {
    /// Count one page.
    pub fn add(&mut self, page: &SnippetRates) {
        for (total, rate) in [
            (&mut self.with, page.with),
            (&mut self.without, page.without),
        ] {
            if let Some(rate) = rate {
                total.0 += rate;
                total.1 += 1;
            }
        }
    }

    /// Mean share of "with" snippets found.
    pub fn with(&self) -> f64 {
        mean(self.with)
    }

    /// Mean share of "without" snippets found (lower is better).
    pub fn without(&self) -> f64 {
        mean(self.without)
    }
}

fn mean((sum, count): (f64, usize)) -> f64 {
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_of_words_ignores_order_and_case() {
        let s = word_score("Sat cat THE", "the cat sat");
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn repeated_tokens_match_once_each() {
        let s = word_score("the the the", "the cat");
        assert_eq!(s.precision, 1.0 / 3.0);
        assert_eq!(s.recall, 0.5);
    }

    #[test]
    fn empty_prediction_scores_zero() {
        assert_eq!(word_score("", "text").f1, 0.0);
        assert_eq!(word_score("  ", "text").recall, 0.0);
    }

    #[test]
    fn rates_ignore_case_and_spacing() {
        let with = vec!["The  Cat".to_owned(), "dog".to_owned()];
        let r = snippet_rates("the cat\nsat", &with, &[]);
        assert_eq!(r.with, Some(0.5));
        assert_eq!(r.without, None);
    }
}
