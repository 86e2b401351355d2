//! End-to-end extraction beside parse-only on the same pages, in one group,
//! so the ratio between them shows: `cargo bench --bench extract`.
//!
//! - `unboil_extract`: `Extractor::extract` (one extractor, reused);
//! - `unboil_parse_only`: unboil's parser alone (html5ever into the arena);
//! - `html5ever_scraper_parse`: html5ever building scraper's tree, the usual
//!   "parse-only" baseline.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

mod common;

fn extract(c: &mut Criterion) {
    let pages = common::pages("scrapinghub");
    let extractor = unboil::Extractor::default();
    let mut group = c.benchmark_group("scrapinghub");
    group
        .throughput(Throughput::Bytes(common::total_bytes(&pages)))
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("unboil_extract", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(extractor.extract(page).map(|a| a.text.len()).ok());
            }
        })
    });
    group.bench_function("unboil_parse_only", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(unboil::parse_only(page));
            }
        })
    });
    group.bench_function("html5ever_scraper_parse", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(scraper::Html::parse_document(page));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
