//! `warta train ner`: trains the entity tagger from CoNLL files (labeled) and JSONL
//! article files (unlabeled, `isi_berita` or `body`, used only for word statistics).
//! The same files and seed give a byte-identical model. `NER_TRAIN_EPOCHS` overrides the
//! epoch count and `NER_TRAIN_HOLDOUT=k` holds out every k-th labeled sentence and
//! reports its scores, which is how the settings were tuned without touching dev sets.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::super::CommandError;
use crate::enrich::entities::conll::{self, Sentence};
use crate::enrich::entities::gazetteer::Gazetteer;
use crate::enrich::entities::model::{self, Example, Scratch};
use crate::enrich::entities::tokens::Token;
use crate::enrich::entities::wordstats::WordStats;

pub const EPOCHS: usize = 5;
pub const LOG2_BUCKETS: u32 = 19;

fn example(s: &Sentence, gaz: &Gazetteer) -> Example {
    let text = s.words.join(" ");
    let mut toks = Vec::with_capacity(s.words.len());
    let mut pos = 0;
    for w in &s.words {
        toks.push(Token {
            bytes: pos..pos + w.len(),
        });
        pos += w.len() + 1;
    }
    let (names, titles) = gaz.hits(&text, &toks);
    Example {
        words: s.words.clone(),
        tags: s.tags.clone(),
        names,
        titles,
    }
}

fn article_texts(raw: &str) -> Vec<String> {
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            v.get("isi_berita")
                .or_else(|| v.get("body"))
                .and_then(|b| b.as_str())
                .map(str::to_string)
        })
        .collect()
}

pub fn run(data: &[PathBuf], out: &Path, seed: u64) -> Result<String, CommandError> {
    let started = Instant::now();
    let gaz = Gazetteer::new();
    let mut sentences = Vec::new();
    let mut texts = Vec::new();
    let mut report = String::new();
    for path in data {
        let raw = std::fs::read_to_string(path)
            .map_err(|e| CommandError::Usage(format!("{}: {e}", path.display())))?;
        if path.extension().is_some_and(|x| x == "jsonl") {
            let t = article_texts(&raw);
            report.push_str(&format!(
                "{}: {} unlabeled articles\n",
                path.display(),
                t.len()
            ));
            texts.extend(t);
        } else {
            let s = conll::parse(&raw);
            report.push_str(&format!("{}: {} sentences\n", path.display(), s.len()));
            sentences.extend(s);
        }
    }
    if sentences.is_empty() {
        return Err(CommandError::Usage("no labeled sentences in --data".into()));
    }
    let env_num = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<usize>().ok());
    let epochs = env_num("NER_TRAIN_EPOCHS").unwrap_or(EPOCHS);
    let holdout = env_num("NER_TRAIN_HOLDOUT").filter(|&k| k > 1);
    let (train, held): (Vec<_>, Vec<_>) = sentences
        .iter()
        .enumerate()
        .partition(|(i, _)| holdout.is_none_or(|k| i % k != 0));
    let examples: Vec<Example> = train.iter().map(|(_, s)| example(s, &gaz)).collect();
    let stats = WordStats::build(texts.iter().map(String::as_str));
    let m = model::train(&examples, stats, epochs, LOG2_BUCKETS, seed);
    let bytes = m.to_bytes();
    std::fs::write(out, &bytes)
        .map_err(|e| CommandError::Runtime(format!("{}: {e}", out.display())))?;
    report.push_str(&format!(
        "trained on {} sentences, {} epochs, seed {seed}, 2^{LOG2_BUCKETS} buckets, {} word stats; wrote {} ({} bytes) in {:.1}s\n",
        examples.len(),
        epochs,
        m.stats.len(),
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    ));
    if !held.is_empty() {
        // Raw tagger spans on held-out sentences (no role or grouping rules).
        let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
        let mut scratch = Scratch::default();
        for (_, s) in &held {
            let ex = example(s, &gaz);
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let pred = conll::spans(&m.tag(&words, &ex.names, &ex.titles, &mut scratch));
            let gold = conll::spans(&s.tags);
            tp += pred.iter().filter(|p| gold.contains(p)).count();
            np += pred.len();
            ng += gold.len();
        }
        let p = tp as f64 / np.max(1) as f64;
        let r = tp as f64 / ng.max(1) as f64;
        report.push_str(&format!(
            "held out {} sentences: P {p:.4} R {r:.4} F1 {:.4}\n",
            held.len(),
            2.0 * p * r / (p + r).max(1e-9)
        ));
    }
    Ok(report)
}
