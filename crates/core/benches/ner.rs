//! Entity-stage throughput in tokens per second on one core: the shared article corpus
//! (or generated Indonesian-like text when ../shared is absent), segmented once, then
//! tagged, post-processed and grouped as the pipeline does.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta_core::lexicon::Lexicon;
use warta_core::span::CharMap;
use warta_core::stages::entities::{tokens::tokenize, Recognizer};
use warta_core::stages::segment::Segmenter;

fn corpus() -> Vec<String> {
    let mut out: Vec<String> = common::shared_articles()
        .into_iter()
        .filter_map(|a| a.body)
        .collect();
    if out.is_empty() {
        let words = [
            "Presiden",
            "Joko",
            "Widodo",
            "mengatakan",
            "bahwa",
            "pemerintah",
            "di",
            "Jakarta",
            "akan",
            "bekerja",
            "sama",
            "dengan",
            "Kementerian",
            "Keuangan",
            "dan",
            "Bank",
            "Indonesia",
            "pada",
            "Senin",
            ".",
        ];
        for a in 0..500 {
            let text: Vec<&str> = (0..300).map(|i| words[(i * 7 + a) % words.len()]).collect();
            out.push(text.join(" "));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let recognizer = Recognizer::embedded(&Lexicon::embedded());
    let segmenter = Segmenter::new();
    let docs: Vec<(String, Vec<std::ops::Range<usize>>, CharMap)> = corpus()
        .into_iter()
        .take(1000)
        .map(|body| {
            let map = CharMap::new(&body);
            let sentences = segmenter
                .segment(&body, &map)
                .sentences
                .into_iter()
                .map(|s| s.bytes)
                .collect();
            (body, sentences, map)
        })
        .collect();
    let tokens: usize = docs.iter().map(|(b, _, _)| tokenize(b, 0).len()).sum();
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    group.bench_function(
        format!("extract {} docs / {tokens} tokens", docs.len()),
        |b| {
            b.iter(|| {
                let mut n = 0;
                for (body, sentences, map) in &docs {
                    n += recognizer.extract(body, sentences, map, None).len();
                }
                n
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
