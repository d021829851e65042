//! Helpers of the fault suite (`tests/faults.rs`): worker specs, control of the broker
//! that `scripts/kafka.sh` manages, the three-crash scenario, live readers and latency
//! measurement.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use super::*;

pub const LONG: Duration = Duration::from_secs(300);
pub const SETTLE: Duration = Duration::from_secs(3);

pub fn kafka_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/kafka.sh")
}

/// The broker may be stopped and started by this test only when it is the one that
/// `scripts/kafka.sh` manages here.
pub fn controllable_broker(test: &str) -> Option<String> {
    let brokers = brokers(test)?;
    let managed = Command::new("bash")
        .arg(kafka_script())
        .arg("status")
        .output()
        .is_ok_and(|o| o.status.success());
    if !managed || brokers != "127.0.0.1:9092" {
        eprintln!(
            "SKIPPED {test}: the broker at {brokers} is not managed by scripts/kafka.sh here"
        );
        return None;
    }
    Some(brokers)
}

pub fn kafka(cmd: &str) {
    let status = Command::new("bash")
        .arg(kafka_script())
        .arg(cmd)
        .status()
        .unwrap();
    assert!(status.success(), "scripts/kafka.sh {cmd} failed");
}

/// Stops a worker of a 6-partition scenario with SIGTERM, expects a clean exit, and
/// checks that the group's committed offsets then reach the end of the input.
pub fn stop_and_assert_all_committed(
    worker: &mut Worker,
    brokers: &str,
    group: &str,
    topics: &Topics,
    inputs: usize,
) {
    worker.signal("TERM");
    assert!(worker
        .wait_timeout(Duration::from_secs(40))
        .is_some_and(|s| s.success()));
    let committed: i64 = committed(brokers, group, &topics.input, 6).values().sum();
    assert_eq!(
        committed as usize, inputs,
        "after the last clean exit every input offset is committed"
    );
}

/// What a crash scenario saw: the inputs, what landed, the group's committed offsets
/// at each kill, and how long each restarted worker took to produce its first record.
pub struct CrashRun {
    pub inputs: Vec<Input>,
    pub landed: Vec<Landed>,
    pub committed_at_kill: Vec<i64>,
    pub first_output_after_restart: Vec<Duration>,
    /// From the first worker's start until every input had landed.
    pub elapsed: Duration,
}

/// Kills the worker with SIGKILL three times during a 20,000-article run, restarting it
/// at once each time, and returns what landed on the output and dead-letter topics.
pub async fn three_sigkills(
    name: &str,
    configure: impl Fn(&mut WorkerSpec<'_>),
    progress_metric: &str,
    progress: f64,
    read_committed: bool,
) -> CrashRun {
    let brokers = brokers(name).expect("checked by the caller");
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, name, 6, 20_000).await;
    let mut worker_spec = WorkerSpec::new(&brokers, &topics, &group);
    configure(&mut worker_spec);
    let started = Instant::now();
    let mut worker = worker_spec.spawn();
    let mut committed_at_kill = Vec::new();
    let mut first_output_after_restart = Vec::new();
    for crash in 1..=3 {
        // Each incarnation's counters start at zero: let it make real progress first.
        assert!(
            worker.wait_for_metric(progress_metric, progress, LONG),
            "no progress before crash {crash}:\n{}",
            worker.log_text()
        );
        worker.signal("KILL");
        worker
            .wait_timeout(Duration::from_secs(10))
            .expect("killed");
        let committed: i64 = committed(&brokers, &group, &topics.input, 6).values().sum();
        committed_at_kill.push(committed);
        let restarted = Instant::now();
        worker = worker_spec.spawn();
        assert!(
            worker.wait_for_metric(PRODUCED_METRIC, 1.0, LONG),
            "no output after restart {crash}:\n{}",
            worker.log_text()
        );
        first_output_after_restart.push(restarted.elapsed());
    }
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        read_committed,
    );
    // The reader's settle time is silence after the last record, not work.
    let elapsed = started.elapsed().saturating_sub(SETTLE);
    worker.assert_alive();
    stop_and_assert_all_committed(&mut worker, &brokers, &group, &topics, inputs.len());
    CrashRun {
        inputs,
        landed,
        committed_at_kill,
        first_output_after_restart,
        elapsed,
    }
}

pub const PRODUCED_METRIC: &str = "warta_records_produced_total";

/// Collects the ids that land on `topics` while a scenario runs, and goes on through
/// errors (a deleted topic), until told to stop.
pub fn live_reader(
    brokers: &str,
    topics: &[&str],
) -> (
    std::sync::Arc<std::sync::atomic::AtomicBool>,
    std::thread::JoinHandle<HashSet<String>>,
) {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let consumer: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", unique("live-reader"))
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest")
        .set("fetch.message.max.bytes", "20000000")
        .create()
        .unwrap();
    consumer.subscribe(topics).unwrap();
    let flag = stop.clone();
    let handle = std::thread::spawn(move || {
        let mut ids = HashSet::new();
        while !flag.load(std::sync::atomic::Ordering::Relaxed) {
            if let Some(Ok(m)) = consumer.poll(Duration::from_millis(100)) {
                ids.insert(landed_id(&m));
            }
        }
        ids
    });
    (stop, handle)
}

pub fn landed_id(m: &rdkafka::message::BorrowedMessage<'_>) -> String {
    use rdkafka::message::Message;
    Landed {
        topic: m.topic().to_string(),
        key: m.key().map(<[u8]>::to_vec),
        value: m.payload().map(<[u8]>::to_vec),
        headers: Default::default(),
        arrived: Instant::now(),
    }
    .id()
}

/// Sends `good` at a steady pace, with `poison` spread evenly among them, and returns the
/// time from each good record's send to its arrival on the output (or dead-letter) topic,
/// sorted.
pub async fn good_record_latencies(
    brokers: &str,
    topics: &Topics,
    good: &[Input],
    poison: &[Input],
    pace: Duration,
) -> Vec<Duration> {
    use rdkafka::producer::{FutureProducer, FutureRecord};
    let reader = {
        let brokers = brokers.to_string();
        let output = topics.output.clone();
        let dead_letter = topics.dead_letter.clone();
        let want = good.len() + poison.len();
        std::thread::spawn(move || {
            read_back(
                &brokers,
                &[&output, &dead_letter],
                want,
                LONG,
                SETTLE,
                false,
            )
        })
    };
    let producer: FutureProducer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", "0")
        .set("message.max.bytes", "16000000")
        .create()
        .unwrap();
    let every = (good.len() / poison.len().max(1)).max(1);
    let mut poison = poison.iter();
    let mut sent = std::collections::HashMap::new();
    for (i, input) in good.iter().enumerate() {
        if i % every == every / 2 {
            if let Some(p) = poison.next() {
                let record = FutureRecord::<str, [u8]>::to(&topics.input)
                    .key(&p.key)
                    .payload(p.value.as_deref().unwrap_or_default());
                producer
                    .send(record, Duration::from_secs(30))
                    .await
                    .unwrap_or_else(|(e, _)| panic!("{e}"));
            }
        }
        sent.insert(input.key.clone(), Instant::now());
        let record = FutureRecord::<str, [u8]>::to(&topics.input)
            .key(&input.key)
            .payload(input.value.as_deref().unwrap_or_default());
        producer
            .send(record, Duration::from_secs(30))
            .await
            .unwrap_or_else(|(e, _)| panic!("{e}"));
        tokio::time::sleep(pace).await;
    }
    for p in poison {
        let record = FutureRecord::<str, [u8]>::to(&topics.input)
            .key(&p.key)
            .payload(p.value.as_deref().unwrap_or_default());
        producer
            .send(record, Duration::from_secs(30))
            .await
            .unwrap_or_else(|(e, _)| panic!("{e}"));
    }
    let landed = reader.join().unwrap();
    let mut latencies: Vec<Duration> = landed
        .iter()
        .filter_map(|l| Some(l.arrived - *sent.get(&l.id())?))
        .collect();
    // A few shared articles are debris only and are dead-lettered: they count too.
    assert_eq!(latencies.len(), good.len(), "every good record lands once");
    latencies.sort();
    latencies
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

pub fn sasl_env(spec: &mut WorkerSpec<'_>, password: &str) {
    spec.set(
        "WARTA_KAFKA__PROPERTIES__SECURITY_PROTOCOL",
        "SASL_PLAINTEXT",
    );
    spec.set("WARTA_KAFKA__PROPERTIES__SASL_MECHANISM", "SCRAM-SHA-512");
    spec.set("WARTA_KAFKA__PROPERTIES__SASL_USERNAME", "warta");
    spec.set("WARTA_KAFKA__PROPERTIES__SASL_PASSWORD", password);
    spec.set("WARTA_TELEMETRY__LOG_LEVEL", "debug");
}

/// One line of a worker's JSON log: when it was written, its level, and the rest of
/// the line without the timestamp (to compare lines for repeats).
pub struct LogLine {
    pub at: chrono::DateTime<chrono::Utc>,
    pub level: String,
    pub content: String,
}

pub fn log_lines(text: &str) -> Vec<LogLine> {
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|mut v| {
            let at = v.as_object_mut()?.remove("timestamp")?;
            let at = chrono::DateTime::parse_from_rfc3339(at.as_str()?).ok()?;
            Some(LogLine {
                at: at.with_timezone(&chrono::Utc),
                level: v["level"].as_str().unwrap_or_default().to_string(),
                content: v.to_string(),
            })
        })
        .collect()
}

/// Lines identical in everything but the timestamp and less than a second apart: one
/// event logged twice.
pub fn repeated_lines(lines: &[LogLine]) -> Vec<String> {
    let mut repeats = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let twin = lines[i + 1..]
            .iter()
            .take_while(|l| (l.at - line.at).num_milliseconds() < 1000)
            .any(|l| l.content == line.content);
        if twin {
            repeats.push(line.content.clone());
        }
    }
    repeats
}
