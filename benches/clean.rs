//! What the cleaning stage costs: `Cleaner::clean` over every body of the shared
//! articles (`../shared/data/articles/*.jsonl`), as bytes of raw body per second.
//! Without the shared data the bench falls back to a small built-in body.
//!
//! `cargo bench --bench clean`

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta::enrich::clean::Cleaner;

fn bodies() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/articles");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            for line in text.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                if let Some(body) = ["isi_berita", "body"]
                    .iter()
                    .find_map(|k| v.get(*k).and_then(|x| x.as_str()))
                {
                    out.push(body.to_string());
                }
            }
        }
    }
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
