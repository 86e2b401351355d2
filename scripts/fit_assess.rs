//! Fit the page-type classifier and the confidence model of `src/assess`
//! from the features `examples/assess_features.rs` dumps, with k-fold
//! cross-validation split by page id, and print the figures and the
//! weights (as Rust, for `src/assess/weights.rs`).
//!
//! ```sh
//! cargo run --release --all-features --example assess_features -- tests/data/wcxb-dev > /tmp/assess.tsv
//! rustc -O --edition 2021 scripts/fit_assess.rs -o /tmp/fit_assess
//! /tmp/fit_assess /tmp/assess.tsv
//! ```
//!
//! Both models are logistic: the type model a softmax over the seven
//! types, the confidence model a sigmoid fitted to each page's word F1 (a
//! soft target, cross-entropy loss). Both minimise their loss plus an L2
//! penalty (not on the bias) by full-batch gradient descent with Adam.
//! Standalone (no crates) so that it builds with `rustc` alone.

const TYPES: [&str; 7] = [
    "article",
    "forum",
    "product",
    "collection",
    "listing",
    "documentation",
    "service",
];
const FOLDS: usize = 5;
const STEPS: usize = 3000;
const RATE: f64 = 0.05;

struct Page {
    id: String,
    truth: usize,
    f1: f64,
    t: Vec<f64>,
    c: Vec<f64>,
}

fn fold_of(id: &str) -> usize {
    id.parse::<usize>().unwrap_or(0) % FOLDS
}

/// Adam on a flat parameter vector, with `grad` giving the loss gradient.
fn adam(params: &mut [f64], mut grad: impl FnMut(&[f64], &mut [f64])) {
    let (b1, b2, eps) = (0.9, 0.999, 1e-8);
    let mut m = vec![0.0; params.len()];
    let mut v = vec![0.0; params.len()];
    let mut g = vec![0.0; params.len()];
    for step in 1..=STEPS {
        g.iter_mut().for_each(|x| *x = 0.0);
        grad(params, &mut g);
        for i in 0..params.len() {
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
            let mh = m[i] / (1.0 - b1.powi(step as i32));
            let vh = v[i] / (1.0 - b2.powi(step as i32));
            params[i] -= RATE * mh / (vh.sqrt() + eps);
        }
    }
}

/// Softmax weights (types x features) fitted on `pages`.
fn fit_types(pages: &[&Page], l2: f64) -> Vec<Vec<f64>> {
    let nf = pages[0].t.len();
    let k = TYPES.len();
    let mut w = vec![0.0; k * nf];
    let n = pages.len() as f64;
    adam(&mut w, |w, g| {
        for p in pages {
            let probs = softmax(w, &p.t);
            for c in 0..k {
                let err = probs[c] - if c == p.truth { 1.0 } else { 0.0 };
                for f in 0..nf {
                    g[c * nf + f] += err * p.t[f] / n;
                }
            }
        }
        for c in 0..k {
            for f in 1..nf {
                g[c * nf + f] += l2 * w[c * nf + f];
            }
        }
    });
    w.chunks(nf).map(|r| r.to_vec()).collect::<Vec<_>>()
}

fn softmax(w: &[f64], x: &[f64]) -> Vec<f64> {
    let nf = x.len();
    let logits: Vec<f64> = (0..TYPES.len())
        .map(|c| (0..nf).map(|f| w[c * nf + f] * x[f]).sum())
        .collect();
    let top = logits.iter().cloned().fold(f64::MIN, f64::max);
    let e: Vec<f64> = logits.iter().map(|l| (l - top).exp()).collect();
    let s: f64 = e.iter().sum();
    e.iter().map(|x| x / s).collect()
}

fn predict(w: &[Vec<f64>], x: &[f64]) -> (usize, f64) {
    let flat: Vec<f64> = w.iter().flatten().cloned().collect();
    let p = softmax(&flat, x);
    let best = (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap_or(0);
    (best, p[best])
}

/// Sigmoid weights fitted to F1 on pages with output.
fn fit_confidence(rows: &[(Vec<f64>, f64)], l2: f64) -> Vec<f64> {
    let nf = rows[0].0.len();
    let mut w = vec![0.0; nf];
    let n = rows.len() as f64;
    adam(&mut w, |w, g| {
        for (x, y) in rows {
            let p = sigmoid(dot(w, x));
            for f in 0..nf {
                g[f] += (p - y) * x[f] / n;
            }
        }
        for f in 1..nf {
            g[f] += l2 * w[f];
        }
    });
    w
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The confidence features of page `p` with its type columns set from the
/// call `(type, probability)` (columns named in `names`).
fn with_call(p: &Page, names: &[String], call: (usize, f64)) -> Vec<f64> {
    let mut x = p.c.clone();
    for (i, n) in names.iter().enumerate() {
        if n == "type_certainty" {
            x[i] = call.1;
        } else if let Some(t) = TYPES.iter().position(|t| t == n) {
            x[i] = if t == call.0 { 1.0 } else { 0.0 };
        }
    }
    x
}

fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt()
}

fn ranks(a: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..a.len()).collect();
    idx.sort_by(|&i, &j| a[i].total_cmp(&a[j]));
    let mut r = vec![0.0; a.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && a[idx[j + 1]] == a[idx[i]] {
            j += 1;
        }
        for &k in &idx[i..=j] {
            r[k] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    r
}

fn split_report(conf: &[f64], f1: &[f64]) -> String {
    let (mut hi, mut lo) = ((0.0, 0), (0.0, 0));
    for (c, f) in conf.iter().zip(f1) {
        let s = if *c >= 0.5 { &mut hi } else { &mut lo };
        s.0 += f;
        s.1 += 1;
    }
    format!(
        "pearson {:.3} spearman {:.3}; confidence >= 0.5: {} pages, mean F1 {:.3}; < 0.5: {} pages, mean F1 {:.3}",
        pearson(conf, f1),
        pearson(&ranks(conf), &ranks(f1)),
        hi.1,
        hi.0 / hi.1.max(1) as f64,
        lo.1,
        lo.0 / lo.1.max(1) as f64
    )
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: fit_assess FEATURES.tsv [L2]");
    let l2: f64 = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(1e-3);
    let text = std::fs::read_to_string(&path).expect("read the features");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let tcols: Vec<usize> = (0..header.len()).filter(|&i| header[i].starts_with("t:")).collect();
    let ccols: Vec<usize> = (0..header.len()).filter(|&i| header[i].starts_with("c:")).collect();
    let tnames: Vec<String> = tcols.iter().map(|&i| header[i][2..].to_string()).collect();
    let cnames: Vec<String> = ccols.iter().map(|&i| header[i][2..].to_string()).collect();
    let pages: Vec<Page> = lines
        .filter_map(|l| {
            let v: Vec<&str> = l.split('\t').collect();
            let num = |i: usize| v[i].parse::<f64>().unwrap_or(0.0);
            Some(Page {
                id: v[0].to_string(),
                truth: TYPES.iter().position(|t| *t == v[1])?,
                f1: num(3),
                t: tcols.iter().map(|&i| num(i)).collect(),
                c: ccols.iter().map(|&i| num(i)).collect(),
            })
        })
        .collect();
    let all: Vec<&Page> = pages.iter().collect();
    let k = TYPES.len();

    // Types: in-sample, then held-out folds.
    let w = fit_types(&all, l2);
    let in_sample = pages.iter().filter(|p| predict(&w, &p.t).0 == p.truth).count();
    let mut held = vec![(0usize, 0.0f64); pages.len()];
    for fold in 0..FOLDS {
        let train: Vec<&Page> = pages.iter().filter(|p| fold_of(&p.id) != fold).collect();
        let wf = fit_types(&train, l2);
        for (i, p) in pages.iter().enumerate() {
            if fold_of(&p.id) == fold {
                held[i] = predict(&wf, &p.t);
            }
        }
    }
    let cv = pages.iter().zip(&held).filter(|(p, h)| h.0 == p.truth).count();
    let n = pages.len() as f64;
    println!("l2 {l2}: page-type accuracy in-sample {:.3}, {FOLDS}-fold held-out {:.3} ({} pages)",
        in_sample as f64 / n, cv as f64 / n, pages.len());
    if let Ok(out) = std::env::var("HELD_OUT") {
        let lines: Vec<String> = pages.iter().zip(&held)
            .map(|(p, h)| format!("{}\t{}\t{}\t{:.2}", p.id, TYPES[p.truth], TYPES[h.0], h.1)).collect();
        let _ = std::fs::write(out, lines.join("\n"));
    }
    let mut confusion = vec![vec![0usize; k]; k];
    for (p, h) in pages.iter().zip(&held) {
        confusion[p.truth][h.0] += 1;
    }
    println!("held-out confusion (rows truth, columns predicted: {}):", TYPES.map(|t| &t[..4]).join(" "));
    for (t, row) in confusion.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|c| format!("{c:>4}")).collect();
        println!("  {:<13} {}", TYPES[t], cells.join(" "));
    }

    // Confidence: held-out folds use held-out type calls too.
    let rows = |f: &dyn Fn(usize) -> bool, call: &dyn Fn(usize) -> (usize, f64)| -> Vec<(Vec<f64>, f64)> {
        pages.iter().enumerate().filter(|(i, p)| f(*i) && p.c[1] > 0.0)
            .map(|(i, p)| (with_call(p, &cnames, call(i)), p.f1)).collect()
    };
    let mut conf_held = vec![0.0; pages.len()];
    for fold in 0..FOLDS {
        let train = rows(&|i| fold_of(&pages[i].id) != fold, &|i| held[i]);
        let wc = fit_confidence(&train, l2);
        for (i, p) in pages.iter().enumerate() {
            if fold_of(&p.id) == fold && p.c[1] > 0.0 {
                conf_held[i] = sigmoid(dot(&wc, &with_call(p, &cnames, held[i])));
            }
        }
    }
    let full_calls: Vec<(usize, f64)> = pages.iter().map(|p| predict(&w, &p.t)).collect();
    let wc = fit_confidence(&rows(&|_| true, &|i| full_calls[i]), l2);
    let conf_in: Vec<f64> = pages.iter().zip(&full_calls)
        .map(|(p, &c)| if p.c[1] > 0.0 { sigmoid(dot(&wc, &with_call(p, &cnames, c))) } else { 0.0 })
        .collect();
    let f1: Vec<f64> = pages.iter().map(|p| p.f1).collect();
    println!("confidence in-sample: {}", split_report(&conf_in, &f1));
    println!("confidence held-out:  {}", split_report(&conf_held, &f1));

    if let Ok(out) = std::env::var("WEIGHTS_OUT") {
        let figures = format!(
            "page-type accuracy in-sample {:.3}, {FOLDS}-fold held-out {:.3} ({} pages, L2 {l2});\n//! confidence held-out: {}",
            in_sample as f64 / n, cv as f64 / n, pages.len(), split_report(&conf_held, &f1)
        );
        let _ = std::fs::write(out, weights_rs(&w, &wc, &figures));
    }
    // Weights as Rust.
    println!("\n// TYPE_WEIGHTS (rows {:?})", TYPES);
    for row in &w {
        let cells: Vec<String> = row.iter().map(|x| format!("{x:.3}")).collect();
        println!("    [{}],", cells.join(", "));
    }
    println!("// columns: {}", tnames.join(" "));
    let cells: Vec<String> = wc.iter().map(|x| format!("{x:.3}")).collect();
    println!("// CONFIDENCE_WEIGHTS\n    [{}]\n// columns: {}", cells.join(", "), cnames.join(" "));
}

/// `src/assess/weights.rs`.
fn weights_rs(w: &[Vec<f64>], wc: &[f64], figures: &str) -> String {
    let row = |r: &[f64]| r.iter().map(|x| format!("{x:.3}")).collect::<Vec<_>>().join(", ");
    let mut out = format!(
        "//! The fitted weights of the page-type classifier and the confidence\n\
         //! model. Generated by `scripts/fit_assess.rs` from the features\n\
         //! `examples/assess_features.rs` dumps of tests/data/wcxb-dev (do not\n\
         //! edit by hand; refit). Logistic models, L2-penalised, fitted on all\n\
         //! 1,497 pages after five-fold cross-validation split by page id gave:\n\
         //! {figures}.\n\n\
         #![allow(clippy::approx_constant)] // fitted values, not constants\n\n\
         use crate::model::article::PageType;\n\n\
         /// The types, in the order of [`TYPE_WEIGHTS`]' rows.\n\
         pub(super) const TYPE_ORDER: [PageType; 7] = [\n"
    );
    for t in TYPES {
        let mut name = t.to_string();
        name[..1].make_ascii_uppercase();
        out += &format!("    PageType::{name},\n");
    }
    out += &format!("];\n\n/// One row per type, one column per `page_type::FEATURES` entry.\n#[rustfmt::skip]\npub(super) const TYPE_WEIGHTS: [[f32; {}]; 7] = [\n", w[0].len());
    for r in w {
        out += &format!("    [{}],\n", row(r));
    }
    out += &format!("];\n\n/// One weight per `confidence::FEATURES` entry.\n#[rustfmt::skip]\npub(super) const CONFIDENCE_WEIGHTS: [f32; {}] = [\n", wc.len());
    out += &format!("    {},\n];\n", row(wc));
    out
}
