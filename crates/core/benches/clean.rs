//! What the cleaning stage costs: `Cleaner::clean` over every body of the shared
//! articles (`../shared/data/articles/*.jsonl`), as bytes of raw body per second.
//! Without the shared data the bench falls back to a small built-in body.
//!
//! `cargo bench --bench clean`

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta_core::stages::clean::Cleaner;

fn bodies() -> Vec<String> {
    let mut out: Vec<String> = common::shared_articles()
        .into_iter()
        .filter_map(|a| a.body)
        .collect();
    if out.is_empty() {
        out.push(
            "Liputan6.com, JakartaKita semua pernah lelah.\nBaca Juga\nAdvertisement\n\
             Menteri KesehatanBudi Gunadi Sadikinyang hadir, â€œsiapâ€\u{9d} katanya."
                .into(),
        );
    }
    out
}

fn bench(c: &mut Criterion) {
    let cleaner = Cleaner::new();
    let bodies = bodies();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("shared_articles", |b| {
        b.iter(|| {
            for body in &bodies {
                black_box(cleaner.clean(black_box(body)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
