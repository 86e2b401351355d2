//! The page types and confidences the extractor reported: type accuracy and
//! the confusion matrix on a set with `page-types.json` (the share of each
//! type on any other set), and, on a set with article bodies, how well
//! `Article::confidence` predicts each page's word F1 (Pearson and Spearman
//! correlation, and the mean F1 of pages at or above 0.5 and below).

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};
use unboil::{Article, PageType};

use crate::corpus::{Corpus, Page};
use crate::metric::words::word_score;

/// The confidence threshold the report splits pages at.
const SPLIT: f32 = 0.5;

/// What the report found.
pub(super) struct AssessReport {
    pages: usize,
    /// Predicted type by name, and how many pages.
    shares: BTreeMap<&'static str, usize>,
    confusion: Option<Confusion>,
    confidence: Option<Fit>,
}

/// Truth, then predicted, then pages; and how many pages were right, of
/// how many with a truth.
struct Confusion {
    matrix: BTreeMap<String, BTreeMap<&'static str, usize>>,
    right: usize,
    total: usize,
}

/// How confidence follows word F1: the correlations, and (pages, mean F1)
/// at or above the split and below it.
#[derive(Clone, Copy)]
struct Fit {
    pearson: f64,
    spearman: f64,
    high: (usize, f64),
    low: (usize, f64),
}

/// Compare the articles' types and confidences with the set's truth.
pub(super) fn assess(corpus: &Corpus, pages: &[Page], runs: &[(&Article, &str)]) -> AssessReport {
    let mut shares = BTreeMap::new();
    for (article, _) in runs {
        *shares.entry(article.page_type.name()).or_default() += 1;
    }
    let confusion = corpus.page_types.as_ref().map(|types| {
        let mut m: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
        let (mut right, mut total) = (0, 0);
        for (page, (article, _)) in pages.iter().zip(runs) {
            let Some(truth) = types.get(&page.id) else {
                continue;
            };
            total += 1;
            right += usize::from(PageType::from_name(truth) == Some(article.page_type));
            *m.entry(truth.clone())
                .or_default()
                .entry(article.page_type.name())
                .or_default() += 1;
        }
        Confusion {
            matrix: m,
            right,
            total,
        }
    });
    let confidence = corpus.bodies.as_ref().map(|bodies| {
        let (mut conf, mut f1) = (Vec::new(), Vec::new());
        for (page, (article, text)) in pages.iter().zip(runs) {
            if let Some(body) = bodies.get(&page.id) {
                conf.push(f64::from(article.confidence));
                f1.push(word_score(text, body).f1);
            }
        }
        let side = |above: bool| {
            let picked: Vec<f64> = conf
                .iter()
                .zip(&f1)
                .filter(|(c, _)| (**c >= f64::from(SPLIT)) == above)
                .map(|(_, f)| *f)
                .collect();
            let mean = if picked.is_empty() {
                0.0
            } else {
                picked.iter().sum::<f64>() / picked.len() as f64
            };
            (picked.len(), mean)
        };
        Fit {
            pearson: pearson(&conf, &f1),
            spearman: pearson(&ranks(&conf), &ranks(&f1)),
            high: side(true),
            low: side(false),
        }
    });
    AssessReport {
        pages: runs.len(),
        shares,
        confusion,
        confidence,
    }
}

fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().max(1) as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va * vb).sqrt()
    }
}

/// Each value's rank (ties share their mean rank).
fn ranks(a: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..a.len()).collect();
    order.sort_by(|&i, &j| a[i].total_cmp(&a[j]));
    let mut r = vec![0.0; a.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && a[order[j + 1]] == a[order[i]] {
            j += 1;
        }
        for &k in &order[i..=j] {
            r[k] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    r
}

impl AssessReport {
    /// Adds `page_type_shares`, `page_type_accuracy` and
    /// `page_type_confusion` (truth, then predicted, then pages), and
    /// `confidence_pearson`, `confidence_spearman`, `confidence_high` and
    /// `confidence_low` (`{pages, mean_f1}`).
    pub(super) fn add_json(&self, map: &mut Map<String, Value>) {
        map.insert("page_type_shares".into(), json!(self.shares));
        if let Some(Confusion {
            matrix: m,
            right,
            total,
        }) = &self.confusion
        {
            map.insert(
                "page_type_accuracy".into(),
                json!(*right as f64 / (*total).max(1) as f64),
            );
            map.insert("page_type_confusion".into(), json!(m));
        }
        if let Some(Fit {
            pearson,
            spearman,
            high,
            low,
        }) = self.confidence
        {
            map.insert("confidence_pearson".into(), json!(pearson));
            map.insert("confidence_spearman".into(), json!(spearman));
            map.insert(
                "confidence_high".into(),
                json!({"pages": high.0, "mean_f1": high.1}),
            );
            map.insert(
                "confidence_low".into(),
                json!({"pages": low.0, "mean_f1": low.1}),
            );
        }
    }

    pub(super) fn print(&self) {
        let shares: Vec<String> = self
            .shares
            .iter()
            .map(|(t, n)| format!("{t} {:.3}", *n as f64 / self.pages.max(1) as f64))
            .collect();
        println!("\npage types found: {}", shares.join(", "));
        if let Some(Confusion {
            matrix: m,
            right,
            total,
        }) = &self.confusion
        {
            println!(
                "page-type accuracy {:.3} ({right} of {total}); confusion (rows truth, columns found):",
                *right as f64 / (*total).max(1) as f64
            );
            let names: Vec<&str> = PageType::ALL.iter().map(|t| t.name()).collect();
            let head: Vec<String> = names.iter().map(|n| format!("{:>5}", &n[..4])).collect();
            println!("  {:<14}{}", "", head.join(""));
            for (truth, row) in m {
                let cells: Vec<String> = names
                    .iter()
                    .map(|n| format!("{:>5}", row.get(n).copied().unwrap_or(0)))
                    .collect();
                println!("  {truth:<14}{}", cells.join(""));
            }
        }
        if let Some(Fit {
            pearson: p,
            spearman: s,
            high,
            low,
        }) = self.confidence
        {
            println!(
                "confidence vs word F1: Pearson {p:.3}, Spearman {s:.3}; confidence >= {SPLIT}: {} pages, mean F1 {:.3}; below: {} pages, mean F1 {:.3}",
                high.0, high.1, low.0, low.1
            );
        }
    }
}
