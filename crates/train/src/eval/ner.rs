//! `warta eval ner`: exact-span precision, recall and F1 of the normal pipeline against
//! CoNLL gold files. Each sentence's tokens are joined with single spaces and enriched
//! as an article; entity mentions map back to the gold tokens they overlap. When
//! cleaning changed the text (so spans would not line up), the sentence goes through the
//! same segmenter and entity recognizer the pipeline uses, on the joined text; the
//! report says how often that happened.

use super::metrics::Counts;
use std::path::Path;

use crate::conll;
use crate::Error as CommandError;
use warta_core::article::RawArticle;
use warta_core::output::{Entity, EntityType, Provenance};
use warta_core::pipeline::{enrich, Resources};
use warta_core::span::CharMap;
use warta_core::stages::segment::Segmenter;

const TYPES: [(&str, u8); 3] = [("PERSON", 1), ("ORGANIZATION", 2), ("LOCATION", 3)];

fn type_id(k: EntityType) -> u8 {
    match k {
        EntityType::Person => 1,
        EntityType::Organization => 2,
        EntityType::Location => 3,
    }
}

/// Predicted (type, first token, end token) spans for one gold sentence.
fn predict(
    words: &[String],
    resources: &Resources,
    fallbacks: &mut usize,
) -> Vec<(u8, usize, usize)> {
    let text = words.join(" ");
    let mut char_spans = Vec::with_capacity(words.len());
    let mut pos = 0;
    for w in words {
        let n = w.chars().count();
        char_spans.push((pos, pos + n));
        pos += n + 1;
    }
    let article = RawArticle {
        body: Some(text.clone()),
        ..RawArticle::default()
    };
    let provenance = Provenance::offline("", "");
    let entities: Vec<Entity> = match enrich(&article, resources, provenance) {
        Ok(e) if e.body == text => e.entities,
        _ => {
            *fallbacks += 1;
            let map = CharMap::new(&text);
            let sentences: Vec<_> = Segmenter::new()
                .segment(&text, &map)
                .sentences
                .into_iter()
                .map(|s| s.bytes)
                .collect();
            resources
                .recognizer()
                .extract(&text, &sentences, &map, None)
        }
    };
    let mut out = Vec::new();
    for e in &entities {
        for m in &e.mentions {
            let covered: Vec<usize> = char_spans
                .iter()
                .enumerate()
                .filter(|(_, &(s, t))| s < m.end && t > m.start)
                .map(|(i, _)| i)
                .collect();
            if let (Some(&a), Some(&b)) = (covered.first(), covered.last()) {
                out.push((type_id(e.kind), a, b + 1));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// With `EVAL_NER_VERBOSE` set: each sentence where prediction and gold differ, with
/// the missed and the spurious spans, on stderr, for error analysis.
fn dump_differences(words: &[String], gold: &[(u8, usize, usize)], pred: &[(u8, usize, usize)]) {
    let name = |t: u8| {
        TYPES
            .iter()
            .find(|(_, id)| *id == t)
            .map_or("?", |(n, _)| *n)
    };
    let text = |&(t, a, b): &(u8, usize, usize)| format!("{}:{}", name(t), words[a..b].join(" "));
    let missed: Vec<String> = gold
        .iter()
        .filter(|g| !pred.contains(g))
        .map(text)
        .collect();
    let spurious: Vec<String> = pred
        .iter()
        .filter(|p| !gold.contains(p))
        .map(text)
        .collect();
    if missed.is_empty() && spurious.is_empty() {
        return;
    }
    eprintln!("S {}", words.join(" "));
    for m in missed {
        eprintln!("  MISSED   {m}");
    }
    for p in spurious {
        eprintln!("  SPURIOUS {p}");
    }
}

pub fn run(resources: &Resources, gold: &[&Path]) -> Result<String, CommandError> {
    let mut report = String::new();
    for path in gold {
        let raw = std::fs::read_to_string(path)
            .map_err(|e| CommandError::Usage(format!("{}: {e}", path.display())))?;
        let sentences = conll::parse(&raw);
        // Per type: true positives, predicted, gold.
        let mut counts = [(0usize, 0usize, 0usize); 4];
        let mut fallbacks = 0;
        let verbose = std::env::var_os("EVAL_NER_VERBOSE").is_some();
        for s in &sentences {
            let pred = predict(&s.words, resources, &mut fallbacks);
            let gold = conll::spans(&s.tags);
            if verbose {
                dump_differences(&s.words, &gold, &pred);
            }
            for p in &pred {
                counts[p.0 as usize].1 += 1;
                if gold.contains(p) {
                    counts[p.0 as usize].0 += 1;
                }
            }
            for g in &gold {
                counts[g.0 as usize].2 += 1;
            }
        }
        let line = |name: &str, (correct, predicted, gold): (usize, usize, usize)| {
            let c = Counts {
                correct,
                predicted,
                gold,
            };
            let (p, r, f, ng) = (c.precision(), c.recall(), c.f1(), gold);
            format!("{name:<14} {p:>9.4} {r:>9.4} {f:>9.4} {ng:>7}\n")
        };
        report.push_str(&format!(
            "{}: {} sentences ({} through the entity stage directly because cleaning changed the text)\n",
            path.display(),
            sentences.len(),
            fallbacks
        ));
        report.push_str(&format!(
            "{:<14} {:>9} {:>9} {:>9} {:>7}\n",
            "type", "precision", "recall", "f1", "gold"
        ));
        let mut micro = (0, 0, 0);
        for (name, id) in TYPES {
            let c = counts[id as usize];
            micro = (micro.0 + c.0, micro.1 + c.1, micro.2 + c.2);
            report.push_str(&line(name, c));
        }
        report.push_str(&line("micro", micro));
    }
    Ok(report)
}
