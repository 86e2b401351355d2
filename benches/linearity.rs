//! Linear time on pathological pages: for each shape, time extraction at
//! size N and 2N and print the ratio, which should be near 2 (accepted:
//! 1.6 to 2.5). Exits non-zero when a ratio falls outside that range.
//!
//! `cargo bench --bench linearity [SHAPE[=N]...]` runs every shape, or those
//! named (at their own N, or at the N given).

#[path = "../tests/support/shapes.rs"]
mod shapes;

use std::time::{Duration, Instant};

/// A shape: its name, its generator and the size N it is timed at.
type Shape = (&'static str, fn(usize) -> String, usize);

const SHAPES: &[Shape] = &[
    ("deep_div", shapes::deep_div, 200_000),
    ("deep_div_unclosed", shapes::deep_div_unclosed, 200_000),
    ("deep_b", shapes::deep_b, 200_000),
    ("deep_b_distinct", shapes::deep_b_distinct, 100_000),
    ("deep_a", shapes::deep_a, 200_000),
    ("deep_table", shapes::deep_table, 100_000),
    ("misnested_formatting", shapes::misnested_formatting, 20_000),
    ("foster_parented", shapes::foster_parented, 100_000),
    ("wide", shapes::wide, 500_000),
    ("long_text", shapes::long_text, 10_000_000),
    ("many_links", shapes::many_links, 100_000),
    ("huge_page", shapes::huge_page, 10_000_000),
];

/// Ratios of time(2N) / time(N) accepted as linear.
const ACCEPTED: std::ops::RangeInclusive<f64> = 1.6..=2.5;

/// The fastest of a few runs: the least disturbed by other work on the machine.
fn time(extractor: &unboil::Extractor, html: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let result = extractor.extract(html);
            let elapsed = start.elapsed();
            std::hint::black_box(result.map(|a| a.text.len()).ok());
            elapsed
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    // `name` or `name=N`; cargo passes `--bench`, which is not a shape.
    let wanted: Vec<(String, Option<usize>)> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(|a| match a.split_once('=') {
            Some((name, n)) => (name.to_string(), n.parse().ok()),
            None => (a, None),
        })
        .collect();
    let extractor = unboil::Extractor::default();
    let mut failed = Vec::new();
    println!(
        "{:<22} {:>10} {:>11} {:>11} {:>6}",
        "shape", "N", "t(N)", "t(2N)", "ratio"
    );
    for &(name, make, n) in SHAPES {
        let n = match wanted.iter().find(|(w, _)| w == name) {
            Some((_, given)) => given.unwrap_or(n),
            None if wanted.is_empty() => n,
            None => continue,
        };
        let t1 = time(&extractor, &make(n));
        let t2 = time(&extractor, &make(2 * n));
        let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        let verdict = if ACCEPTED.contains(&ratio) {
            "ok"
        } else {
            failed.push(name);
            "NOT LINEAR"
        };
        println!("{name:<22} {n:>10} {t1:>11.2?} {t2:>11.2?} {ratio:>6.2} {verdict}");
    }
    if !failed.is_empty() {
        eprintln!("super- or sub-linear: {}", failed.join(", "));
        std::process::exit(1);
    }
}
