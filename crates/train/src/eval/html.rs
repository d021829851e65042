//! `warta eval html --dir DIR`: scores main-text extraction from raw HTML on the ScrapingHub
//! article-extraction benchmark (`DIR/ground-truth.json` and `DIR/html/<id>.html.gz`),
//! with the benchmark's own metric, reproduced from its `evaluate.py`:
//!
//! - tokens are the maximal runs of word characters (Python's `\w+`: letters, digits,
//!   underscore), case kept;
//! - each text becomes the multiset of its 4-token shingles (a text of fewer than four
//!   tokens is one shingle);
//! - per page, TP/FP/FN count shingles in both / only the prediction / only the truth, and
//!   are divided by their sum so that long pages weigh no more than short ones;
//! - precision is the mean over pages (with TP+FP > 0) of the page's precision, recall the
//!   mean over pages (with TP+FN > 0) of its recall (1 when the page has no FP and no FN),
//!   and F1 the harmonic mean of those two means;
//! - accuracy is the share of pages whose token sequences are exactly equal;
//! - ± is the standard deviation over 1,000 bootstrap resamples of the pages.
//!
//! Two predictions are scored: the extractor's raw text, and that text after warta's
//! cleaning (the body a record with only `html` would get).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::Error as CommandError;
use warta_core::stages::clean::Cleaner;
use warta_core::stages::extract;

const SHINGLE: usize = 4;
const BOOTSTRAP: usize = 1_000;

/// Word tokens as Python's `re.findall(r'\w+', text)` finds them.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let n = tokens.len().saturating_sub(SHINGLE - 1).max(1);
    for i in 0..n {
        let end = (i + SHINGLE).min(tokens.len());
        *counts.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Normalised (TP, FP, FN) of one page.
pub fn shingle_matching(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (t_tokens, p_tokens) = (tokens(truth), tokens(pred));
    let (t, p) = (shingles(&t_tokens), shingles(&p_tokens));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (key, &tc) in &t {
        let pc = p.get(key).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (key, &pc) in &p {
        let tc = t.get(key).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc) as f64;
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        (tp / sum, fp / sum, fn_ / sum)
    } else {
        (tp, fp, fn_)
    }
}

fn precision_score((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall_score((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// (precision, recall, F1) over pages, as the benchmark averages them.
pub fn metrics(pages: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let p = mean(
        pages
            .iter()
            .filter(|(tp, fp, _)| tp + fp > 0.0)
            .map(|&m| precision_score(m)),
    );
    let r = mean(
        pages
            .iter()
            .filter(|(tp, _, fn_)| tp + fn_ > 0.0)
            .map(|&m| recall_score(m)),
    );
    (p, r, super::metrics::f1(p, r))
}

/// Standard deviations of (precision, recall, F1, accuracy) over bootstrap resamples,
/// drawn with a fixed-seed generator so the report is reproducible.
fn bootstrap(pages: &[(f64, f64, f64)], exact: &[bool]) -> [f64; 4] {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut samples: [Vec<f64>; 4] = Default::default();
    let n = pages.len();
    for _ in 0..BOOTSTRAP {
        let idx: Vec<usize> = (0..n).map(|_| next(n)).collect();
        let resampled: Vec<_> = idx.iter().map(|&i| pages[i]).collect();
        let (p, r, f1) = metrics(&resampled);
        let acc = mean(idx.iter().map(|&i| f64::from(u8::from(exact[i]))));
        for (k, v) in [p, r, f1, acc].into_iter().enumerate() {
            samples[k].push(v);
        }
    }
    samples.map(|values| {
        let m = mean(values.iter().copied());
        let var = values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (values.len() - 1) as f64;
        var.sqrt()
    })
}

struct Scored {
    pages: Vec<(f64, f64, f64)>,
    exact: Vec<bool>,
}

impl Scored {
    fn new() -> Scored {
        Scored {
            pages: Vec::new(),
            exact: Vec::new(),
        }
    }

    fn add(&mut self, truth: &str, pred: &str) {
        self.pages.push(shingle_matching(truth, pred));
        self.exact.push(tokens(truth) == tokens(pred));
    }

    fn line(&self, name: &str) -> String {
        let (p, r, f1) = metrics(&self.pages);
        let acc = mean(self.exact.iter().map(|&e| f64::from(u8::from(e))));
        let [sp, sr, sf, sa] = bootstrap(&self.pages, &self.exact);
        format!(
            "{name:<22} precision={p:.3} ± {sp:.3}  recall={r:.3} ± {sr:.3}  F1={f1:.3} ± {sf:.3}  accuracy={acc:.3} ± {sa:.3}\n"
        )
    }
}

fn read_page(dir: &Path, id: &str) -> Result<String, CommandError> {
    let html_dir = dir.join("html");
    let gz = html_dir.join(format!("{id}.html.gz"));
    let mut bytes = Vec::new();
    if gz.exists() {
        let file = std::fs::File::open(&gz)
            .map_err(|e| CommandError::Usage(format!("cannot open {}: {e}", gz.display())))?;
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|e| CommandError::Usage(format!("cannot gunzip {}: {e}", gz.display())))?;
    } else {
        let plain = html_dir.join(format!("{id}.html"));
        bytes = std::fs::read(&plain)
            .map_err(|e| CommandError::Usage(format!("cannot read {}: {e}", plain.display())))?;
    }
    // The benchmark's pages are UTF-8; a stray bad byte should not end the run.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn run(dir: &Path) -> Result<String, CommandError> {
    let gt_path = dir.join("ground-truth.json");
    let gt_text = std::fs::read_to_string(&gt_path)
        .map_err(|e| CommandError::Usage(format!("cannot read {}: {e}", gt_path.display())))?;
    let gt: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&gt_text)
        .map_err(|e| CommandError::Usage(format!("{}: {e}", gt_path.display())))?;
    let cleaner = Cleaner::new();
    let (mut raw, mut cleaned) = (Scored::new(), Scored::new());
    let mut methods: HashMap<&'static str, usize> = HashMap::new();
    let (mut titles, mut dates) = (0usize, 0usize);
    let mut took = Duration::ZERO;
    let mut html_bytes = 0usize;
    for (id, entry) in &gt {
        let truth = entry
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let html = read_page(dir, id)?;
        html_bytes += html.len();
        let started = Instant::now();
        let page = extract::extract(&html);
        took += started.elapsed();
        *methods.entry(page.method.as_str()).or_insert(0) += 1;
        titles += usize::from(page.title.is_some());
        dates += usize::from(page.published_at.is_some());
        raw.add(truth, &page.text);
        cleaned.add(truth, &cleaner.clean(&page.text).body);
    }
    let n = gt.len();
    let mut report = String::new();
    let _ = writeln!(
        report,
        "ScrapingHub article-extraction benchmark: {n} pages ({} MB of HTML), metric of its evaluate.py",
        html_bytes / 1_000_000
    );
    report.push_str(&raw.line("rs-trafilatura raw"));
    report.push_str(&cleaned.line("after warta cleaning"));
    let mut methods: Vec<_> = methods.into_iter().collect();
    methods.sort();
    let methods: Vec<String> = methods.iter().map(|(m, c)| format!("{m}={c}")).collect();
    let _ = writeln!(report, "extraction path: {}", methods.join(" "));
    let _ = writeln!(
        report,
        "metadata: title on {titles}/{n} pages, publication date on {dates}/{n}"
    );
    let _ = writeln!(
        report,
        "extraction time: {:.1} ms per page on average ({:.2} s in all, one thread)",
        took.as_secs_f64() * 1_000.0 / n.max(1) as f64,
        took.as_secs_f64()
    );
    let _ = writeln!(
        report,
        "published (same benchmark): rs-trafilatura F1 0.970, trafilatura 0.958, newspaper4k 0.949"
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs() {
        assert_eq!(
            tokens("Don't stop—it's 3.5 km_h!"),
            vec!["Don", "t", "stop", "it", "s", "3", "5", "km_h"]
        );
    }

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let t = "one two three four five six";
        assert_eq!(shingle_matching(t, t), (1.0, 0.0, 0.0));
        assert_eq!(metrics(&[shingle_matching(t, t)]), (1.0, 1.0, 1.0));
        let m = shingle_matching(t, "seven eight nine ten");
        assert_eq!(m.0, 0.0);
        assert_eq!(metrics(&[m]), (0.0, 0.0, 0.0));
    }

    #[test]
    fn extra_text_costs_precision_not_recall() {
        // 3 true shingles, prediction adds 3 tokens → 3 more shingles.
        let truth = "a b c d e f";
        let pred = "a b c d e f x y z";
        let m = shingle_matching(truth, pred);
        let (p, r, _) = metrics(&[m]);
        assert!((p - 0.5).abs() < 1e-9, "{p}");
        assert_eq!(r, 1.0);
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(shingle_matching("a b", "a b"), (1.0, 0.0, 0.0));
        assert_eq!(shingle_matching("", ""), (0.0, 0.0, 0.0));
        // A page with nothing on either side counts in neither mean.
        assert_eq!(metrics(&[(0.0, 0.0, 0.0), (1.0, 0.0, 0.0)]).2, 1.0);
    }
}
