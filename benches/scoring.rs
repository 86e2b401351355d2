//! The scoring loop alone (score and select) on pages segmented beforehand:
//! `cargo bench --bench scoring`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

mod common;

fn scoring(c: &mut Criterion) {
    let pages = common::pages("scrapinghub");
    let extractor = unboil::Extractor::default();
    let prepared: Vec<_> = pages.iter().map(|p| extractor.prepare(p)).collect();
    let blocks: usize = prepared.iter().map(|p| p.block_count()).sum();
    let mut group = c.benchmark_group("scoring_loop");
    group
        .throughput(Throughput::Elements(blocks as u64))
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("score_and_select_all_pages", |b| {
        b.iter(|| {
            for page in &prepared {
                black_box(extractor.score_prepared(page));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
