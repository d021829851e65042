//! `warta eval language`: calibration figures for language detection. Each text is cleaned
//! as the pipeline cleans a body and then detected, ignoring any declared `language`
//! (the point is to measure the detector). Prints the share of each detected language,
//! the confidence distribution, how often the stopword vote alone agrees, and the time
//! detection takes.
//!
//! Inputs: `--input FILE` (JSONL articles, decoded with the configured field mapping) and
//! `--ground-truth FILE` (a ScrapingHub-style `{id: {"articleBody": ...}}` map, used to
//! check English text); each may be repeated. `--expect CODE` names the language all
//! texts are in, to print the share detected correctly.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::Error as CommandError;
use warta_core::article::RawArticle;
use warta_core::article::{DecodeLimits, FieldMapping};
use warta_core::stages::clean::Cleaner;
use warta_core::stages::language::LanguageDetector;

#[derive(Default)]
struct Tally {
    /// Up to this many texts not detected as expected are shown (their first 80 chars).
    show: usize,
    misses: Vec<String>,
    texts: usize,
    by_code: BTreeMap<String, usize>,
    confidences: Vec<f64>,
    vote_agrees: usize,
    /// Texts where detection names the same language as lingua reading every text.
    lingua_agrees: usize,
    /// Texts whose differing detections are shown (`code` vs lingua's).
    disagreements: Vec<String>,
    took: Duration,
    took_lingua: Duration,
    bytes: usize,
    sample_bytes: usize,
}

impl Tally {
    fn add(&mut self, detector: &LanguageDetector, body: &str, expect: Option<&str>) {
        self.texts += 1;
        self.sample_bytes = detector.sample_bytes;
        self.bytes += body.len();
        let started = Instant::now();
        let detected = detector.detect(body);
        self.took += started.elapsed();
        let code = detected.map_or("none", |d| d.code);
        *self.by_code.entry(code.to_string()).or_insert(0) += 1;
        if let Some(d) = detected {
            self.confidences.push(d.confidence);
        }
        if expect.is_some_and(|e| e != code) && self.misses.len() < self.show {
            let head: String = body.chars().take(80).collect();
            self.misses.push(format!(
                "{code} {:.3} (vote {}, {} words): {head}",
                detected.map_or(0.0, |d| d.confidence),
                detector.stopword_vote(body).unwrap_or("none"),
                body.split_whitespace().count()
            ));
        }
        self.vote_agrees += usize::from(detector.stopword_vote(body).unwrap_or("none") == code);
        let started = Instant::now();
        let lingua = detector.detect_with_lingua(body);
        self.took_lingua += started.elapsed();
        let lingua_code = lingua.map_or("none", |d| d.code);
        if lingua_code == code {
            self.lingua_agrees += 1;
        } else if self.disagreements.len() < self.show.max(5) {
            let head: String = body.chars().take(80).collect();
            self.disagreements
                .push(format!("{code}, lingua alone {lingua_code}: {head}"));
        }
    }

    fn report(&mut self, name: &str, expect: Option<&str>, out: &mut String) {
        let n = self.texts.max(1) as f64;
        let _ = writeln!(out, "{name}: {} texts", self.texts);
        let shares: Vec<String> = self
            .by_code
            .iter()
            .map(|(c, k)| format!("{c} {k} ({:.2}%)", 100.0 * *k as f64 / n))
            .collect();
        let _ = writeln!(out, "  detected: {}", shares.join(", "));
        if let Some(expect) = expect {
            let right = self.by_code.get(expect).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "  detected as {expect}: {right}/{} = {:.2}%",
                self.texts,
                100.0 * right as f64 / n
            );
        }
        self.confidences.sort_by(f64::total_cmp);
        let c = &self.confidences;
        if !c.is_empty() {
            let q = |p: f64| c[((c.len() - 1) as f64 * p).round() as usize];
            let mean = c.iter().sum::<f64>() / c.len() as f64;
            let _ = writeln!(
                out,
                "  confidence: min {:.3}, p1 {:.3}, p5 {:.3}, p10 {:.3}, median {:.3}, mean {mean:.3}, max {:.3}",
                c[0],
                q(0.01),
                q(0.05),
                q(0.10),
                q(0.5),
                c[c.len() - 1]
            );
            for threshold in [0.5, 0.8, 0.9, 0.99] {
                let below = c.iter().filter(|&&v| v < threshold).count();
                let _ = writeln!(
                    out,
                    "  confidence below {threshold}: {below} ({:.2}%)",
                    100.0 * below as f64 / c.len() as f64
                );
            }
        }
        let _ = writeln!(
            out,
            "  stopword vote alone agrees on {}/{} = {:.2}%",
            self.vote_agrees,
            self.texts,
            100.0 * self.vote_agrees as f64 / n
        );
        let _ = writeln!(
            out,
            "  agrees with lingua reading every text on {}/{} = {:.2}%",
            self.lingua_agrees,
            self.texts,
            100.0 * self.lingua_agrees as f64 / n
        );
        for differs in &self.disagreements {
            let _ = writeln!(out, "  differs: {differs}");
        }
        for miss in &self.misses {
            let _ = writeln!(out, "  miss: {miss}");
        }
        let _ = writeln!(
            out,
            "  detection time: {:.1} µs per text on average (bodies average {} bytes; at most {} are read)",
            self.took.as_secs_f64() * 1e6 / n,
            self.bytes / self.texts.max(1),
            self.sample_bytes
        );
        let _ = writeln!(
            out,
            "  with lingua reading every text: {:.1} µs per text",
            self.took_lingua.as_secs_f64() * 1e6 / n,
        );
    }
}

/// The field mapping that decodes `--input` lines, with its name for the report.
pub struct Mapping<'a> {
    pub name: &'a str,
    pub fields: &'a FieldMapping,
    pub limits: DecodeLimits,
}

pub fn run(
    mapping: &Mapping<'_>,
    inputs: &[PathBuf],
    ground_truths: &[PathBuf],
    expect: Option<&str>,
    show: usize,
    sample_bytes: Option<usize>,
) -> Result<String, CommandError> {
    if inputs.is_empty() && ground_truths.is_empty() {
        return Err(CommandError::Usage(
            "give at least one --input or --ground-truth".into(),
        ));
    }
    let cleaner = Cleaner::new();
    let mut detector = LanguageDetector::new();
    if let Some(bytes) = sample_bytes {
        detector.sample_bytes = bytes;
    }
    // Models load on first use; keep that out of the timings.
    let _ = detector.detect("Pemerintah menyatakan bahwa harga beras tidak akan naik tahun ini.");
    let mut report = String::new();
    for path in inputs {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CommandError::Usage(format!("cannot read {}: {e}", path.display())))?;
        let mut tally = Tally {
            show,
            ..Tally::default()
        };
        let mut undecodable = 0usize;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(article) = RawArticle::decode(line.as_bytes(), mapping.fields, &mapping.limits)
            else {
                undecodable += 1;
                continue;
            };
            let raw = article.body.as_deref().unwrap_or_default();
            let body = cleaner.clean(raw).body;
            if !body.is_empty() {
                tally.add(&detector, &body, expect);
            }
        }
        tally.report(&path.display().to_string(), expect, &mut report);
        if undecodable > 0 {
            let _ = writeln!(
                report,
                "  {undecodable} lines did not decode with mapping `{}`",
                mapping.name
            );
        }
    }
    for path in ground_truths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CommandError::Usage(format!("cannot read {}: {e}", path.display())))?;
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
            .map_err(|e| CommandError::Usage(format!("{}: {e}", path.display())))?;
        let mut tally = Tally {
            show,
            ..Tally::default()
        };
        for entry in map.values() {
            let raw = entry
                .get("articleBody")
                .and_then(|v| v.as_str())
                .unwrap_or("");
            let body = cleaner.clean(raw).body;
            if !body.is_empty() {
                tally.add(&detector, &body, expect);
            }
        }
        tally.report(&path.display().to_string(), expect, &mut report);
    }
    Ok(report)
}
