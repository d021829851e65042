//! What the quote stage costs: the whole `enrich` over the shared articles
//! (`../shared/data/articles/*.jsonl`), with the quote stage and without it
//! (`Resources::skip_quotes`). The ratio of the two is the stage's share of processing
//! time. Without the shared data the bench falls back to a small built-in article.
//!
//! `cargo bench --bench quotes`

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta_core::article::RawArticle;
use warta_core::output::Provenance;
use warta_core::pipeline::{enrich, Resources};

fn articles() -> Vec<RawArticle> {
    let mut out: Vec<RawArticle> = common::shared_articles()
        .into_iter()
        .map(|a| RawArticle {
            body: a.body,
            title: a.title,
            ..RawArticle::default()
        })
        .collect();
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
    Provenance::offline("bench", "")
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
