//! Processing per core, whole and per stage, over the shared articles
//! (`../shared/data/articles/*.jsonl`, a small built-in article without them):
//!
//! - `whole`: what the worker does per record (decode, enrich, encode JSON), through
//!   [`Processor::process_value`];
//! - `decode`, `clean`, `sentences` (segmenting), `language`, `entities`, `quotes`, `dates`,
//!   `serialize`: each stage alone, on the previous stages' output prepared beforehand.
//!
//! One iteration is the whole corpus; throughput is in articles, so criterion's
//! "thrpt" reads as articles/s on one core. MB/s = articles/s × the mean input size
//! printed at the start. `BENCH_ARTICLES=N` caps the corpus (for a quick smoke run).
//!
//! `cargo bench --bench enrich`

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta_core::article::FieldMapping;
use warta_core::article::{DecodeLimits, RawArticle};
use warta_core::lexicon::Lexicon;
use warta_core::output::{Entity, Provenance};
use warta_core::pipeline::{enrich, Resources};
use warta_core::record::{FixedClock, Origin, Outcome, Processor};
use warta_core::span::CharMap;
use warta_core::stages::clean::Cleaner;
use warta_core::stages::dates::DateRules;
use warta_core::stages::entities::Recognizer;
use warta_core::stages::language::LanguageDetector;
use warta_core::stages::quotes::QuoteRules;
use warta_core::stages::segment::{Segmenter, Segments};

const FALLBACK: &str = r#"{"judul":"Contoh","isi_berita":"Jakarta - Wali Kota Arif Setiawan meninjau pasar, Senin (16/6/2025). \"Harga stabil,\" kata Arif.\nIa menegaskan bahwa pasokan aman.\n\n\"Kami pantau tiap hari,\" ujarnya."}"#;

/// Raw JSONL lines of the shared articles.
fn lines() -> Vec<String> {
    let mut out = common::shared_lines();
    if out.is_empty() {
        out.push(FALLBACK.to_string());
    }
    if let Some(n) = std::env::var("BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        out.truncate(n.max(1));
    }
    out
}

/// One article with every stage's input precomputed.
struct Prepared {
    article: RawArticle,
    body: String,
    map: CharMap,
    segments: Segments,
    sentences: Vec<std::ops::Range<usize>>,
    entities: Vec<Entity>,
}

fn provenance() -> Provenance {
    Provenance::offline("bench", "2025-06-18T00:00:00.000Z")
}

fn bench(c: &mut Criterion) {
    let processor = Processor {
        mapping: FieldMapping::indonews(),
        ..Processor::default()
    };
    let clock = FixedClock::default();
    let mapping = processor.mapping.clone();
    let limits: DecodeLimits = processor.decode_limits;
    let lines = lines();
    let bytes: usize = lines.iter().map(String::len).sum();

    let cleaner = Cleaner::new();
    let segmenter = Segmenter::new();
    let language = LanguageDetector::new();
    let recognizer = Recognizer::embedded(&Lexicon::embedded());
    let quotes = QuoteRules::new();
    let dates = DateRules::new();
    let resources = Resources::default();

    let prepared: Vec<Prepared> = lines
        .iter()
        .filter_map(|l| RawArticle::decode(l.as_bytes(), &mapping, &limits).ok())
        .filter_map(|article| {
            let body = cleaner.clean(article.body.as_deref()?).body;
            if body.is_empty() {
                return None;
            }
            let map = CharMap::new(&body);
            let segments = segmenter.segment(&body, &map);
            let sentences: Vec<_> = segments.sentences.iter().map(|s| s.bytes.clone()).collect();
            let entities = recognizer.extract(&body, &sentences, &map, None);
            Some(Prepared {
                article,
                body,
                map,
                segments,
                sentences,
                entities,
            })
        })
        .collect();
    let enriched: Vec<_> = prepared
        .iter()
        .filter_map(|p| enrich(&p.article, &resources, provenance()).ok())
        .collect();
    eprintln!(
        "enrich bench corpus: {} lines, {} bytes (mean {} bytes/article); {} articles with a body",
        lines.len(),
        bytes,
        bytes / lines.len(),
        prepared.len()
    );

    let mut g = c.benchmark_group("enrich");
    g.sample_size(10);
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function("whole", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| {
                    matches!(
                        processor.process_value(
                            None,
                            Some(l.as_bytes()),
                            Origin::default(),
                            &clock
                        ),
                        Outcome::Output { .. }
                    )
                })
                .count()
        })
    });
    g.bench_function("decode", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| RawArticle::decode(l.as_bytes(), &mapping, &limits).is_ok())
                .count()
        })
    });
    g.throughput(Throughput::Elements(prepared.len() as u64));
    g.bench_function("clean", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|p| {
                    cleaner
                        .clean(p.article.body.as_deref().unwrap_or(""))
                        .body
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|p| {
                    let map = CharMap::new(&p.body);
                    segmenter.segment(&p.body, &map).sentences.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("language", |b| {
        b.iter(|| {
            prepared
                .iter()
                .filter(|p| language.language(None, &p.body).0.is_some())
                .count()
        })
    });
    g.bench_function("entities", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|p| {
                    recognizer
                        .extract(&p.body, &p.sentences, &p.map, None)
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|p| {
                    quotes
                        .extract_with_entities(&p.body, &p.segments, &p.map, &p.entities)
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|p| dates.mentions(&p.body, &p.map, None, None).len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Elements(enriched.len() as u64));
    g.bench_function("serialize", |b| {
        b.iter(|| {
            enriched
                .iter()
                .map(|e| serde_json::to_vec(e).expect("serializes").len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
