//! `warta bench`: end-to-end throughput, latency and memory of the worker on a real broker.
//!
//! 1. Preloads N articles (the shared scraped articles cycled, each with a fresh id) into a
//!    new input topic.
//! 2. For each mode (passthrough, then enrich) starts `--workers` child processes of this
//!    binary (`warta run`) in one consumer group with their own output topic, and waits
//!    until every input record has landed on the output or dead-letter topic.
//! 3. Reports articles/s and MB/s (input bytes), the ratio to passthrough, and the peak
//!    RSS (`VmHWM`) of each worker.
//!
//! Elapsed time is read from the broker: output topics use `LogAppendTime`, so the time
//! from the first output record appended to the last one appended is measured without
//! reading every record back (the bench process must not compete with the worker for the
//! CPU). It leaves out the first record's own processing and one produce round trip
//! (milliseconds against runs of seconds).
//!
//! `--latency` then offers a fixed load (default: half the enrich throughput just
//! measured) for `--duration` seconds, with input records stamped at send time, reads the
//! output and reports p50/p99/max of (output append time − input create time), sampling
//! the worker's RSS every 10 s (a 300 s run shows whether memory stays flat).

mod load;
mod measure;
mod workers;

use load::*;
use measure::*;

use std::io::Write;
use std::path::PathBuf;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use super::CommandError;

/// What `warta bench` was asked to do.
#[derive(Debug, Clone)]
pub struct BenchArgs {
    pub brokers: String,
    pub articles: usize,
    pub data: PathBuf,
    pub partitions: i32,
    pub workers: usize,
    /// "passthrough", "enrich", in the order given.
    pub modes: Vec<String>,
    pub latency: bool,
    /// Offered load of the latency run in articles/s; default half the enrich throughput.
    pub rate: Option<f64>,
    /// Length of the latency run in seconds.
    pub duration: u64,
    /// Config file handed to the workers.
    pub config_file: Option<PathBuf>,
    /// Extra `WARTA_*` variables for the workers (KEY=VALUE).
    pub worker_env: Vec<(String, String)>,
}

/// One throughput run's figures.
#[derive(Debug, Clone)]
pub struct ModeResult {
    pub mode: String,
    pub records: usize,
    pub seconds: f64,
    pub input_bytes: usize,
    pub peak_rss_kb: Vec<u64>,
}

impl ModeResult {
    pub fn per_second(&self) -> f64 {
        self.records as f64 / self.seconds.max(1e-9)
    }
    pub fn mb_per_second(&self) -> f64 {
        self.input_bytes as f64 / 1e6 / self.seconds.max(1e-9)
    }
}

pub(super) fn err(what: &str) -> impl Fn(rdkafka::error::KafkaError) -> CommandError + '_ {
    move |e| CommandError::Runtime(format!("{what}: {e}"))
}

pub(super) fn run_id() -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    format!(
        "warta-bench-{}-{}",
        std::process::id(),
        now.as_secs() % 1_000_000
    )
}

fn mb(kb: &[u64]) -> String {
    kb.iter()
        .map(|k| format!("{:.1}", *k as f64 / 1024.0))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Runs the whole bench and writes the report to `out`.
pub async fn bench(args: BenchArgs, out: &mut dyn Write) -> Result<(), CommandError> {
    let templates = templates(&args.data)?;
    let base = run_id();
    let w = |out: &mut dyn Write, s: String| {
        out.write_all(s.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| CommandError::Runtime(format!("cannot write report: {e}")))
    };
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    w(
        out,
        format!(
            "warta bench: broker {}, {} articles ({} distinct bodies from {}), {} partitions, {} worker(s), {cores} cores\n",
            args.brokers,
            args.articles,
            templates.len(),
            args.data.display(),
            args.partitions,
            args.workers
        ),
    )?;
    let mut results: Vec<ModeResult> = Vec::new();
    if !args.modes.is_empty() {
        let input = format!("{base}.in");
        create_topic(&args.brokers, &input, args.partitions, false).await?;
        let t = Instant::now();
        let bytes = preload(&args.brokers, &input, &templates, &base, args.articles).await?;
        let secs = t.elapsed().as_secs_f64();
        w(
            out,
            format!(
                "preloaded {input}: {} records, {:.1} MB (mean {} B) in {secs:.1} s ({:.0} records/s)\n",
                args.articles,
                bytes as f64 / 1e6,
                bytes / args.articles.max(1),
                args.articles as f64 / secs
            ),
        )?;
        w(
            out,
            format!(
                "{:<12} {:>8} {:>9} {:>12} {:>8} {:>14} {:>16}\n",
                "mode", "records", "seconds", "articles/s", "MB/s", "vs passthrough", "peak RSS MB"
            ),
        )?;
        for mode in &args.modes {
            let r = throughput(&args, &base, &input, bytes, mode).await?;
            let ratio = results
                .iter()
                .find(|p| p.mode == "passthrough")
                .map(|p| format!("{:.0}%", 100.0 * r.per_second() / p.per_second()))
                .unwrap_or_else(|| "-".into());
            w(
                out,
                format!(
                    "{:<12} {:>8} {:>9.2} {:>12.0} {:>8.1} {:>14} {:>16}\n",
                    r.mode,
                    r.records,
                    r.seconds,
                    r.per_second(),
                    r.mb_per_second(),
                    ratio,
                    mb(&r.peak_rss_kb)
                ),
            )?;
            results.push(r);
        }
    }
    if args.latency {
        let rate = match args.rate {
            Some(r) => r,
            None => results
                .iter()
                .find(|r| r.mode == "enrich")
                .map(|r| r.per_second() / 2.0)
                .ok_or_else(|| {
                    CommandError::Usage(
                        "--latency needs --rate, or an enrich throughput run to take half of"
                            .into(),
                    )
                })?,
        };
        w(
            out,
            format!(
                "latency: offering {rate:.0} articles/s for {} s (enrich mode)\n",
                args.duration
            ),
        )?;
        let l = latency(&args, &base, &templates, rate).await?;
        w(
            out,
            format!(
                "latency: {} sent, {} received; input create -> output append: p50 {} ms, p99 {} ms, max {} ms\n",
                l.sent, l.received, l.p50_ms, l.p99_ms, l.max_ms
            ),
        )?;
        let samples: Vec<String> = l
            .rss_samples
            .iter()
            .map(|(s, kb)| format!("{s}s:{}", mb(kb)))
            .collect();
        w(
            out,
            format!(
                "RSS MB every 10 s: {}\npeak RSS MB: {}\n",
                samples.join(" "),
                mb(&l.peak_rss_kb)
            ),
        )?;
    }
    Ok(())
}

/// `KEY=VALUE` pairs, for `--worker-env`.
pub fn parse_env(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .ok_or_else(|| format!("expected KEY=VALUE, got {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_pairs_parse() {
        assert_eq!(
            parse_env("WARTA_X=1=2").unwrap(),
            ("WARTA_X".to_string(), "1=2".to_string())
        );
        assert!(parse_env("nope").is_err());
    }

    #[test]
    fn articles_get_fresh_ids() {
        let t = vec![serde_json::json!({"body": "Isi berita."})];
        let (k, v) = article(&t, "p", 7);
        assert_eq!(k, "p-7");
        let v: serde_json::Value = serde_json::from_slice(&v).unwrap();
        assert_eq!(v["id"], "p-7");
        assert_eq!(v["body"], "Isi berita.");
    }
}
