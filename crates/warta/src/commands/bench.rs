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

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use rdkafka::ClientConfig;

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

fn err(what: &str) -> impl Fn(rdkafka::error::KafkaError) -> CommandError + '_ {
    move |e| CommandError::Runtime(format!("{what}: {e}"))
}

/// A raw article as the default field mapping reads it, from either shared format.
fn templates(dir: &Path) -> Result<Vec<serde_json::Value>, CommandError> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| CommandError::Usage(format!("cannot read --data {}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| CommandError::Usage(format!("cannot read {}: {e}", path.display())))?;
        for line in text.lines() {
            // Re-keyed to the default mapping, which the spawned workers use.
            let Ok(a) = warta_core::article::RawArticle::decode_offline(line) else {
                continue;
            };
            let Some(body) = a.body.filter(|b| !b.trim().is_empty()) else {
                continue;
            };
            out.push(serde_json::json!({
                "url": a.url,
                "title": a.title,
                "body": body,
                "source": a.source,
                "author": a.author,
                "published_at": a.published_at,
            }));
        }
    }
    if out.is_empty() {
        return Err(CommandError::Usage(format!(
            "no articles with a body in {}/*.jsonl",
            dir.display()
        )));
    }
    Ok(out)
}

fn article(templates: &[serde_json::Value], prefix: &str, i: usize) -> (String, Vec<u8>) {
    let mut v = templates[i % templates.len()].clone();
    let id = format!("{prefix}-{i}");
    v["id"] = serde_json::Value::String(id.clone());
    (id, serde_json::to_vec(&v).expect("JSON value serializes"))
}

fn run_id() -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    format!(
        "warta-bench-{}-{}",
        std::process::id(),
        now.as_secs() % 1_000_000
    )
}

async fn create_topic(
    brokers: &str,
    name: &str,
    partitions: i32,
    log_append_time: bool,
) -> Result<(), CommandError> {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .map_err(err("admin client"))?;
    let mut topic = NewTopic::new(name, partitions, TopicReplication::Fixed(1))
        .set("max.message.bytes", "16777216");
    if log_append_time {
        topic = topic.set("message.timestamp.type", "LogAppendTime");
    }
    for r in admin
        .create_topics(&[topic], &AdminOptions::new())
        .await
        .map_err(err("create topic"))?
    {
        r.map_err(|(t, e)| CommandError::Runtime(format!("creating topic {t}: {e}")))?;
    }
    Ok(())
}

fn producer(brokers: &str, linger_ms: &str) -> Result<FutureProducer, CommandError> {
    ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", linger_ms)
        .set("message.max.bytes", "16000000")
        .set("queue.buffering.max.kbytes", "1048576")
        .create()
        .map_err(err("producer"))
}

/// Produces `n` articles as fast as the broker takes them; returns the input bytes.
async fn preload(
    brokers: &str,
    topic: &str,
    templates: &[serde_json::Value],
    prefix: &str,
    n: usize,
) -> Result<usize, CommandError> {
    let producer = producer(brokers, "20")?;
    let mut bytes = 0;
    for start in (0..n).step_by(2000) {
        let batch: Vec<(String, Vec<u8>)> = (start..(start + 2000).min(n))
            .map(|i| article(templates, prefix, i))
            .collect();
        bytes += batch.iter().map(|(_, v)| v.len()).sum::<usize>();
        let sends = batch.iter().map(|(k, v)| {
            producer.send(
                FutureRecord::to(topic)
                    .key(k.as_str())
                    .payload(v.as_slice()),
                Duration::from_secs(60),
            )
        });
        for r in futures::future::join_all(sends).await {
            r.map_err(|(e, _)| CommandError::Runtime(format!("preloading {topic}: {e}")))?;
        }
    }
    producer
        .flush(Duration::from_secs(60))
        .map_err(err("flush"))?;
    Ok(bytes)
}

/// A `warta run` child.
struct WorkerChild {
    child: Child,
    log: PathBuf,
}

fn spawn_workers(
    args: &BenchArgs,
    mode: &str,
    group: &str,
    input: &str,
    output: &str,
    dead_letter: &str,
) -> Result<Vec<WorkerChild>, CommandError> {
    let exe = std::env::current_exe()
        .map_err(|e| CommandError::Runtime(format!("cannot find own binary: {e}")))?;
    (0..args.workers)
        .map(|k| {
            let log = std::env::temp_dir().join(format!("{group}-{k}.log"));
            let file = std::fs::File::create(&log)
                .map_err(|e| CommandError::Runtime(format!("{}: {e}", log.display())))?;
            let mut cmd = Command::new(&exe);
            if let Some(c) = &args.config_file {
                cmd.arg("--config").arg(c);
            }
            cmd.arg("run")
                .env("WARTA_KAFKA__BROKERS", &args.brokers)
                .env("WARTA_KAFKA__GROUP_ID", group)
                .env("WARTA_KAFKA__CLIENT_ID", format!("{group}-{k}"))
                .env("WARTA_TOPICS__INPUT", input)
                .env("WARTA_TOPICS__OUTPUT", output)
                .env("WARTA_TOPICS__DEAD_LETTER", dead_letter)
                .env("WARTA_PROCESSING__MODE", mode)
                .env(
                    "WARTA_TELEMETRY__METRICS_ADDR",
                    format!(
                        "127.0.0.1:{}",
                        crate::telemetry::server::free_local_port().unwrap_or(0)
                    ),
                )
                .env("WARTA_TELEMETRY__LOG_FORMAT", "json")
                .env("WARTA_TELEMETRY__LOG_LEVEL", "warn")
                .env_remove("RUST_LOG")
                .stdin(Stdio::null())
                .stdout(
                    file.try_clone()
                        .map_err(|e| CommandError::Runtime(e.to_string()))?,
                )
                .stderr(file);
            for (k, v) in &args.worker_env {
                cmd.env(k, v);
            }
            let child = cmd
                .spawn()
                .map_err(|e| CommandError::Runtime(format!("cannot start worker: {e}")))?;
            Ok(WorkerChild { child, log })
        })
        .collect()
}

/// `VmHWM` (peak RSS) or `VmRSS` of a process, in kB.
fn status_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn stop_workers(workers: Vec<WorkerChild>) {
    for w in &workers {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(w.child.id().to_string())
            .status();
    }
    for mut w in workers {
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            match w.child.try_wait() {
                Ok(Some(_)) => break,
                _ if Instant::now() > deadline => {
                    let _ = w.child.kill();
                    let _ = w.child.wait();
                    break;
                }
                _ => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
}

fn check_alive(workers: &mut [WorkerChild]) -> Result<(), CommandError> {
    for w in workers.iter_mut() {
        if let Ok(Some(status)) = w.child.try_wait() {
            let log = std::fs::read_to_string(&w.log).unwrap_or_default();
            return Err(CommandError::Runtime(format!(
                "worker exited with {status}; log {}:\n{log}",
                w.log.display()
            )));
        }
    }
    Ok(())
}

fn reader(brokers: &str) -> Result<BaseConsumer, CommandError> {
    ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", format!("{}-reader", run_id()))
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest")
        .set("fetch.message.max.bytes", "20000000")
        .create()
        .map_err(err("reader"))
}

/// High watermarks (= records, on fresh topics) per partition of `topic`.
fn watermarks(c: &BaseConsumer, topic: &str, partitions: i32) -> Result<Vec<i64>, CommandError> {
    (0..partitions)
        .map(|p| {
            c.fetch_watermarks(topic, p, Duration::from_secs(10))
                .map(|(_, high)| high)
                .map_err(err("watermarks"))
        })
        .collect()
}

/// Timestamps (ms) of the records at `offsets` (partition, offset) of `topic`.
fn timestamps_at(
    c: &BaseConsumer,
    topic: &str,
    offsets: &[(i32, i64)],
) -> Result<Vec<i64>, CommandError> {
    let mut out = Vec::new();
    for &(p, o) in offsets {
        let mut tpl = TopicPartitionList::new();
        tpl.add_partition_offset(topic, p, Offset::Offset(o))
            .map_err(err("assign"))?;
        c.assign(&tpl).map_err(err("assign"))?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            match c.poll(Duration::from_millis(200)) {
                Some(Ok(m)) if m.partition() == p && m.offset() == o => {
                    if let Some(ts) = m.timestamp().to_millis() {
                        out.push(ts);
                    }
                    break;
                }
                Some(Err(e)) => return Err(CommandError::Runtime(format!("reading {topic}: {e}"))),
                _ => {}
            }
        }
    }
    Ok(out)
}

/// Runs one mode over the preloaded topic and measures it.
async fn throughput(
    args: &BenchArgs,
    base: &str,
    input: &str,
    input_bytes: usize,
    mode: &str,
) -> Result<ModeResult, CommandError> {
    let output = format!("{base}.{mode}.out");
    let dead_letter = format!("{base}.{mode}.dlq");
    create_topic(&args.brokers, &output, args.partitions, true).await?;
    create_topic(&args.brokers, &dead_letter, 1, true).await?;
    let group = format!("{base}-{mode}");
    let mut workers = spawn_workers(args, mode, &group, input, &output, &dead_letter)?;
    let c = reader(&args.brokers)?;
    let timeout = Duration::from_secs(120 + args.articles as u64 / 100);
    let waited = Instant::now();
    let (out_counts, dlq_count) = loop {
        check_alive(&mut workers)?;
        let out = watermarks(&c, &output, args.partitions)?;
        let dlq = watermarks(&c, &dead_letter, 1)?[0];
        if out.iter().sum::<i64>() + dlq >= args.articles as i64 {
            break (out, dlq);
        }
        if waited.elapsed() > timeout {
            stop_workers(workers);
            return Err(CommandError::Runtime(format!(
                "{mode}: only {} of {} records landed in {timeout:?}",
                out.iter().sum::<i64>() + dlq,
                args.articles
            )));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let peak_rss_kb = workers
        .iter()
        .map(|w| status_kb(w.child.id(), "VmHWM:"))
        .collect();
    stop_workers(workers);
    let mut firsts = Vec::new();
    let mut lasts = Vec::new();
    for (p, &n) in out_counts.iter().enumerate() {
        if n > 0 {
            firsts.push((p as i32, 0));
            lasts.push((p as i32, n - 1));
        }
    }
    let mut first = timestamps_at(&c, &output, &firsts)?;
    let mut last = timestamps_at(&c, &output, &lasts)?;
    if dlq_count > 0 {
        first.extend(timestamps_at(&c, &dead_letter, &[(0, 0)])?);
        last.extend(timestamps_at(&c, &dead_letter, &[(0, dlq_count - 1)])?);
    }
    let (Some(t0), Some(t1)) = (first.iter().min(), last.iter().max()) else {
        return Err(CommandError::Runtime("no output timestamps".into()));
    };
    if dlq_count > 0 {
        eprintln!("{mode}: {dlq_count} records were dead-lettered");
    }
    Ok(ModeResult {
        mode: mode.to_string(),
        records: args.articles,
        seconds: ((t1 - t0) as f64 / 1000.0).max(0.001),
        input_bytes,
        peak_rss_kb,
    })
}

/// Latency figures of one offered-load run.
#[derive(Debug, Clone)]
pub struct LatencyResult {
    pub rate: f64,
    pub sent: usize,
    pub received: usize,
    pub p50_ms: i64,
    pub p99_ms: i64,
    pub max_ms: i64,
    /// (seconds since start, VmRSS kB of each worker)
    pub rss_samples: Vec<(u64, Vec<u64>)>,
    pub peak_rss_kb: Vec<u64>,
}

fn delivered(
    r: Result<
        rdkafka::producer::future_producer::OwnedDeliveryResult,
        futures::channel::oneshot::Canceled,
    >,
) -> Result<(), CommandError> {
    match r {
        Ok(Ok(_)) => Ok(()),
        Ok(Err((e, _))) => Err(CommandError::Runtime(format!("offering load: {e}"))),
        Err(_) => Err(CommandError::Runtime(
            "offering load: delivery canceled".into(),
        )),
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

async fn latency(
    args: &BenchArgs,
    base: &str,
    templates: &[serde_json::Value],
    rate: f64,
) -> Result<LatencyResult, CommandError> {
    let input = format!("{base}.lat.in");
    let output = format!("{base}.lat.out");
    let dead_letter = format!("{base}.lat.dlq");
    create_topic(&args.brokers, &input, args.partitions, false).await?;
    create_topic(&args.brokers, &output, args.partitions, true).await?;
    create_topic(&args.brokers, &dead_letter, 1, true).await?;
    let group = format!("{base}-lat");
    let mut workers = spawn_workers(args, "enrich", &group, &input, &output, &dead_letter)?;
    let producer = producer(&args.brokers, "0")?;

    // The reader runs on its own thread from the start, so it is assigned before load.
    let (tx, rx) = std::sync::mpsc::channel::<(String, i64)>();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader_thread = {
        let c = reader(&args.brokers)?;
        let mut tpl = TopicPartitionList::new();
        for p in 0..args.partitions {
            tpl.add_partition_offset(&output, p, Offset::Beginning)
                .map_err(err("assign"))?;
        }
        tpl.add_partition_offset(&dead_letter, 0, Offset::Beginning)
            .map_err(err("assign"))?;
        c.assign(&tpl).map_err(err("assign"))?;
        let stop = stop.clone();
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if let Some(Ok(m)) = c.poll(Duration::from_millis(100)) {
                    let key = String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned();
                    let ts = m.timestamp().to_millis().unwrap_or_else(now_ms);
                    if tx.send((key, ts)).is_err() {
                        break;
                    }
                }
            }
        })
    };

    // Warm-up: wait until the workers own the partitions and answer.
    let warm = 6 * args.partitions as usize;
    for i in 0..warm {
        let (key, value) = article(templates, &format!("{base}-warm"), i);
        producer
            .send(
                FutureRecord::to(&input).key(&key).payload(&value),
                Duration::from_secs(30),
            )
            .await
            .map_err(|(e, _)| CommandError::Runtime(format!("warm-up: {e}")))?;
    }
    let mut seen = 0;
    let deadline = Instant::now() + Duration::from_secs(120);
    while seen < warm {
        check_alive(&mut workers)?;
        if Instant::now() > deadline {
            return Err(CommandError::Runtime(
                "warm-up records never came out".into(),
            ));
        }
        if rx.recv_timeout(Duration::from_millis(200)).is_ok() {
            seen += 1;
        }
    }

    let total = (rate * args.duration as f64).round() as usize;
    let prefix = format!("{base}-lat");
    let mut sent_at: Vec<i64> = Vec::with_capacity(total);
    let mut latencies: Vec<i64> = Vec::with_capacity(total);
    let drain = |latencies: &mut Vec<i64>, sent_at: &Vec<i64>| {
        while let Ok((key, ts)) = rx.try_recv() {
            if let Some(i) = key
                .strip_prefix(&prefix)
                .and_then(|k| k.strip_prefix('-'))
                .and_then(|k| k.parse::<usize>().ok())
            {
                if let Some(&t) = sent_at.get(i) {
                    latencies.push(ts - t);
                }
            }
        }
    };
    let started = Instant::now();
    let mut rss_samples = Vec::new();
    let mut next_sample = 0u64;
    let mut pending = futures::stream::FuturesUnordered::new();
    use futures::StreamExt;
    for i in 0..total {
        let due = started + Duration::from_secs_f64(i as f64 / rate);
        let now = Instant::now();
        if due > now {
            tokio::time::sleep(due - now).await;
        }
        let secs = started.elapsed().as_secs();
        if secs >= next_sample {
            rss_samples.push((
                secs,
                workers
                    .iter()
                    .map(|w| status_kb(w.child.id(), "VmRSS:"))
                    .collect(),
            ));
            next_sample += 10;
        }
        let (key, value) = article(templates, &prefix, i);
        let ts = now_ms();
        sent_at.push(ts);
        let record = FutureRecord::to(&input)
            .key(&key)
            .payload(&value)
            .timestamp(ts);
        match producer.send_result(record) {
            Ok(delivery) => pending.push(delivery),
            Err((e, _)) => return Err(CommandError::Runtime(format!("offering load: {e}"))),
        }
        while let Some(Some(r)) = futures::FutureExt::now_or_never(pending.next()) {
            delivered(r)?;
        }
        if i % 256 == 0 {
            check_alive(&mut workers)?;
            drain(&mut latencies, &sent_at);
        }
    }
    while let Some(r) = pending.next().await {
        delivered(r)?;
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while latencies.len() < total && Instant::now() < deadline {
        drain(&mut latencies, &sent_at);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    rss_samples.push((
        started.elapsed().as_secs(),
        workers
            .iter()
            .map(|w| status_kb(w.child.id(), "VmRSS:"))
            .collect(),
    ));
    let peak_rss_kb = workers
        .iter()
        .map(|w| status_kb(w.child.id(), "VmHWM:"))
        .collect();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = reader_thread.join();
    stop_workers(workers);
    latencies.sort_unstable();
    let pct = |q: f64| -> i64 {
        if latencies.is_empty() {
            return -1;
        }
        latencies[((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1]
    };
    Ok(LatencyResult {
        rate,
        sent: total,
        received: latencies.len(),
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        max_ms: latencies.last().copied().unwrap_or(-1),
        rss_samples,
        peak_rss_kb,
    })
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
