//! The measurements: throughput from broker append times, and latency under a fixed
//! offered load.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::producer::FutureRecord;
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use rdkafka::ClientConfig;

use super::super::CommandError;
use super::load::*;
use super::workers::*;
use super::{err, run_id, BenchArgs, ModeResult};

pub(super) fn reader(brokers: &str) -> Result<BaseConsumer, CommandError> {
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
pub(super) fn watermarks(
    c: &BaseConsumer,
    topic: &str,
    partitions: i32,
) -> Result<Vec<i64>, CommandError> {
    (0..partitions)
        .map(|p| {
            c.fetch_watermarks(topic, p, Duration::from_secs(10))
                .map(|(_, high)| high)
                .map_err(err("watermarks"))
        })
        .collect()
}

/// Timestamps (ms) of the records at `offsets` (partition, offset) of `topic`.
pub(super) fn timestamps_at(
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
pub(super) async fn throughput(
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
    pub sent: usize,
    pub received: usize,
    pub p50_ms: i64,
    pub p99_ms: i64,
    pub max_ms: i64,
    /// (seconds since start, VmRSS kB of each worker)
    pub rss_samples: Vec<(u64, Vec<u64>)>,
    pub peak_rss_kb: Vec<u64>,
}

pub(super) fn delivered(
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

pub(super) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

pub(super) async fn latency(
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
        sent: total,
        received: latencies.len(),
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        max_ms: latencies.last().copied().unwrap_or(-1),
        rss_samples,
        peak_rss_kb,
    })
}
