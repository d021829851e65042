//! What the quote stage costs: the whole `enrich` over the shared articles
//! (`../shared/data/articles/*.jsonl`), with the quote stage and without it
//! (`Resources::skip_quotes`). The ratio of the two is the stage's share of processing
//! time. Without the shared data the bench falls back to a small built-in article.
//!
//! `cargo bench --bench quotes`

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta::article::RawArticle;
use warta::enrich::{enrich, Resources};
use warta::output::Provenance;

fn articles() -> Vec<RawArticle> {
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
                let field = |keys: &[&str]| {
                    keys.iter()
                        .find_map(|k| v.get(*k).and_then(|x| x.as_str()))
                        .map(str::to_string)
                };
                let body = field(&["isi_berita", "body", "content", "text"]);
                if body.as_deref().is_some_and(|b| !b.trim().is_empty()) {
                    out.push(RawArticle {
                        body,
                        title: field(&["judul", "title"]),
                        ..RawArticle::default()
                    });
                }
            }
        }
    }
    if out.is_empty() {
        out.push(RawArticle {
            body: Some(
                "Jakarta - Wali Kota Arif Setiawan meninjau pasar. \"Harga stabil,\" kata Arif. \
                 Ia menegaskan bahwa pasokan aman.\n\n\"Kami pantau tiap hari,\" ujarnya."
                    .into(),
            ),
            ..RawArticle::default()
        });
    }
    out
}

fn provenance() -> Provenance {
    Provenance {
        topic: None,
        partition: None,
        offset: None,
        worker_version: "bench".into(),
        processed_at: String::new(),
        processing_time_us: 0,
    }
}

fn bench(c: &mut Criterion) {
    let articles = articles();
    let bytes: usize = articles
        .iter()
        .map(|a| a.body.as_ref().map_or(0, String::len))
        .sum();
    let with = Resources::default();
    let mut without = Resources::default();
    without.skip_quotes = true;
    let mut group = c.benchmark_group("enrich_shared_articles");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    for (name, resources) in [("with_quotes", &with), ("without_quotes", &without)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0usize;
                for a in &articles {
                    if let Ok(e) = enrich(a, resources, provenance()) {
                        n += e.quotes.len();
                    }
                }
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
