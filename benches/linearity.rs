//! Linear time on pathological pages: for each shape, time extraction at
//! size N and 2N and print the ratio, which should be near 2 (accepted:
//! 1.6 to 2.5). Exits non-zero when a ratio falls outside that range.
//!
//! `cargo bench --bench linearity [SHAPE[=N]...]` runs every shape, or those
//! named (at their own N, or at the N given).

#[path = "../tests/support/shapes.rs"]
mod shapes;

use std::time::{Duration, Instant};

/// A shape: its name, its generator, the size N it is timed at, and whether
/// it goes through the text front end rather than the HTML one.
type Shape = (&'static str, fn(usize) -> String, usize, Front);

/// Which entry point a shape is fed to.
#[derive(Clone, Copy)]
enum Front {
    Html,
    Text,
}
use Front::{Html, Text};

const SHAPES: &[Shape] = &[
    ("deep_div", shapes::deep_div, 200_000, Html),
    (
        "deep_div_unclosed",
        shapes::deep_div_unclosed,
        200_000,
        Html,
    ),
    ("deep_b", shapes::deep_b, 200_000, Html),
    ("deep_b_distinct", shapes::deep_b_distinct, 100_000, Html),
    ("deep_a", shapes::deep_a, 400_000, Html),
    ("deep_table", shapes::deep_table, 100_000, Html),
    // The first max_depth (512) formatting elements cost a fixed ~80 ms of
    // reconstruction; past them the guard drops the rest. N is large enough
    // for the linear part to show.
    (
        "misnested_formatting",
        shapes::misnested_formatting,
        400_000,
        Html,
    ),
    ("foster_parented", shapes::foster_parented, 100_000, Html),
    ("wide", shapes::wide, 500_000, Html),
    ("long_text", shapes::long_text, 10_000_000, Html),
    ("many_links", shapes::many_links, 100_000, Html),
    ("huge_page", shapes::huge_page, 10_000_000, Html),
    ("many_attributes", shapes::many_attributes, 200_000, Html),
    ("many_tag_names", shapes::many_tag_names, 200_000, Html),
    ("many_comments", shapes::many_comments, 200_000, Html),
    ("many_references", shapes::many_references, 200_000, Html),
    ("text_lines", shapes::text_lines, 2_000_000, Text),
    ("text_one_line", shapes::text_one_line, 2_000_000, Text),
];

/// Ratios of time(2N) / time(N) accepted as linear.
const ACCEPTED: std::ops::RangeInclusive<f64> = 1.6..=2.5;

/// Runs per size; the fastest counts.
const RUNS: usize = 5;

/// One extraction's time.
fn time_once(extractor: &unboil::Extractor, page: &str, front: Front) -> Duration {
    let start = Instant::now();
    let result = match front {
        Html => extractor.extract(page),
        Text => extractor.extract(unboil::Input::text(page)),
    };
    let elapsed = start.elapsed();
    std::hint::black_box(result.map(|a| a.text.len()).ok());
    elapsed
}

/// The fastest of a few runs at each size, the sizes taken in turn so that
/// a burst of other work on the machine slows both alike.
fn time_pair(
    extractor: &unboil::Extractor,
    small: &str,
    large: &str,
    front: Front,
) -> (Duration, Duration) {
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        best_small = best_small.min(time_once(extractor, small, front));
        best_large = best_large.min(time_once(extractor, large, front));
    }
    (best_small, best_large)
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
    for &(name, make, n, front) in SHAPES {
        let n = match wanted.iter().find(|(w, _)| w == name) {
            Some((_, given)) => given.unwrap_or(n),
            None if wanted.is_empty() => n,
            None => continue,
        };
        let (t1, t2) = time_pair(&extractor, &make(n), &make(2 * n), front);
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
