//! Harness for the broker-backed tests: a real Kafka at `KAFKA_BROKERS`, the real
//! `warta` binary as a child process, and readers that collect what landed.
//!
//! Without `KAFKA_BROKERS` the tests print why and skip; with it set and no broker
//! answering they fail, so a misconfigured CI run can never pass silently.
#![allow(dead_code)]

pub mod faults;
pub mod hostile;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Headers, Message};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use rdkafka::ClientConfig;

/// The broker to test against, or `None` (with a printed reason) to skip.
pub fn brokers(test: &str) -> Option<String> {
    let Ok(brokers) = std::env::var("KAFKA_BROKERS") else {
        eprintln!("SKIPPED {test}: KAFKA_BROKERS is not set (run scripts/kafka.sh start and export KAFKA_BROKERS=127.0.0.1:9092)");
        return None;
    };
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .create()
        .expect("client");
    consumer
        .fetch_metadata(None, Duration::from_secs(15))
        .unwrap_or_else(|e| panic!("KAFKA_BROKERS={brokers} is set but no broker answers: {e}"));
    Some(brokers)
}

/// Topic and group names unique to one test run.
pub fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{prefix}-{}-{}-{}",
        std::process::id(),
        nanos % 1_000_000_000,
        N.fetch_add(1, Ordering::Relaxed)
    )
}

pub struct Topics {
    pub input: String,
    pub output: String,
    pub dead_letter: String,
}

impl Topics {
    pub fn new(name: &str) -> Topics {
        let base = unique(name);
        Topics {
            input: format!("{base}.in"),
            output: format!("{base}.out"),
            dead_letter: format!("{base}.dlq"),
        }
    }
}

pub async fn create_topics(brokers: &str, topics: &[(&str, i32)], config: &[(&str, &str)]) {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .expect("admin client");
    let new: Vec<NewTopic> = topics
        .iter()
        .map(|(name, partitions)| {
            let mut t = NewTopic::new(name, *partitions, TopicReplication::Fixed(1));
            for (k, v) in config {
                t = t.set(k, v);
            }
            t
        })
        .collect();
    for result in admin
        .create_topics(&new, &AdminOptions::new())
        .await
        .expect("create topics")
    {
        result.unwrap_or_else(|(t, e)| panic!("creating topic {t}: {e}"));
    }
}

pub async fn create_worker_topics(brokers: &str, topics: &Topics, input_partitions: i32) {
    create_topics(
        brokers,
        &[(&topics.input, input_partitions), (&topics.output, 3)],
        &[],
    )
    .await;
    create_topics(
        brokers,
        &[(&topics.dead_letter, 1)],
        &[("max.message.bytes", "16777216")],
    )
    .await;
}

/// The usual start of a scenario: its own topics, `count` articles already on the input
/// topic, and a consumer group of its own.
pub struct Scenario {
    pub topics: Topics,
    pub inputs: Vec<Input>,
    pub group: String,
}

pub async fn scenario(brokers: &str, name: &str, partitions: i32, count: usize) -> Scenario {
    let topics = Topics::new(name);
    create_worker_topics(brokers, &topics, partitions).await;
    let inputs = articles(name, count);
    produce(brokers, &topics.input, &inputs).await;
    Scenario {
        topics,
        inputs,
        group: unique(&format!("g-{name}")),
    }
}

/// One input record: its key (the article id, or a poison label) and value bytes.
pub struct Input {
    pub key: String,
    pub value: Option<Vec<u8>>,
}

/// `n` articles with fresh ids `{prefix}-{i}`: the shared scraped articles cycled when
/// they are present beside the repo, else generated text in the same style.
pub fn articles(prefix: &str, n: usize) -> Vec<Input> {
    let shared = shared_bodies();
    (0..n)
        .map(|i| {
            let id = format!("{prefix}-{i}");
            let (title, body) = match &shared {
                Some(bodies) => bodies[i % bodies.len()].clone(),
                None => generated_article(i),
            };
            let value = serde_json::json!({
                "id": id,
                "url": format!("https://news.example.id/{prefix}/{i}"),
                "title": title,
                "body": body,
                "source": "test",
                "published_at": "Senin, 16 Jun 2025 20:45 WIB",
            });
            Input {
                key: id,
                value: Some(value.to_string().into_bytes()),
            }
        })
        .collect()
}

fn shared_bodies() -> Option<Vec<(String, String)>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/articles/indonews-2025-06-18.jsonl");
    let text = std::fs::read_to_string(path).ok()?;
    let bodies: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| warta_core::article::RawArticle::decode_offline(l).ok())
        .filter_map(|a| {
            let body = a.body?;
            (!body.trim().is_empty()).then(|| (a.title.unwrap_or_default(), body))
        })
        .collect();
    (!bodies.is_empty()).then_some(bodies)
}

fn generated_article(i: usize) -> (String, String) {
    let cities = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung"];
    let city = cities[i % cities.len()];
    let title = format!("Warga {city} Menyambut Program Air Bersih Nomor {i}");
    let body = format!(
        "Contoh.com, {city} - Pemerintah kota {city} meluncurkan program air bersih ke-{i} pada Senin, 16 Juni 2025.\nBaca Juga\n\"Program ini menjangkau {n} rumah tangga,\" kata Wali Kota Budi Santoso.\nAdvertisement\nIa mengatakan bahwa anggaran program berasal dari APBD.",
        n = 100 + i
    );
    (title, body)
}

pub async fn produce(brokers: &str, topic: &str, inputs: &[Input]) {
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", "10")
        .set("message.max.bytes", "16000000")
        .create()
        .expect("producer");
    for chunk in inputs.chunks(1000) {
        let sends = chunk.iter().map(|input| {
            let mut record = FutureRecord::<str, [u8]>::to(topic).key(&input.key);
            if let Some(v) = &input.value {
                record = record.payload(v.as_slice());
            }
            producer.send(record, Duration::from_secs(30))
        });
        for result in futures::future::join_all(sends).await {
            result.unwrap_or_else(|(e, _)| panic!("producing test input: {e}"));
        }
    }
    producer.flush(Duration::from_secs(30)).unwrap();
}

/// A record read back from an output or dead-letter topic.
#[derive(Debug, Clone)]
pub struct Landed {
    pub topic: String,
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: HashMap<String, String>,
    /// When the reader received it, for end-to-end timing.
    pub arrived: Instant,
}

impl Landed {
    /// The article id: `id` of an enriched record, else the record key.
    pub fn id(&self) -> String {
        if let Some(v) = &self.value {
            if let Ok(json) = serde_json::from_slice::<serde_json::Value>(v) {
                if let Some(id) = json.get("id").and_then(|i| i.as_str()) {
                    if json.get("schema_version").is_some() {
                        return id.to_string();
                    }
                }
            }
        }
        String::from_utf8_lossy(self.key.as_deref().unwrap_or_default()).into_owned()
    }
}

/// Reads `topics` from the beginning until `want` records arrived and then `settle` of
/// silence passed (to catch extras), or `timeout` expired.
pub fn read_back(
    brokers: &str,
    topics: &[&str],
    want: usize,
    timeout: Duration,
    settle: Duration,
    read_committed: bool,
) -> Vec<Landed> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", unique("reader"))
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest")
        .set(
            "isolation.level",
            if read_committed {
                "read_committed"
            } else {
                "read_uncommitted"
            },
        )
        .set("fetch.message.max.bytes", "20000000")
        .create()
        .expect("reader");
    let mut tpl = TopicPartitionList::new();
    for topic in topics {
        let md = consumer
            .fetch_metadata(Some(topic), Duration::from_secs(10))
            .expect("metadata");
        for p in md.topics()[0].partitions() {
            tpl.add_partition_offset(topic, p.id(), Offset::Beginning)
                .unwrap();
        }
    }
    consumer.assign(&tpl).expect("assign");
    let deadline = Instant::now() + timeout;
    let mut out = Vec::new();
    let mut last = Instant::now();
    while Instant::now() < deadline {
        if out.len() >= want && last.elapsed() >= settle {
            break;
        }
        match consumer.poll(Duration::from_millis(200)) {
            Some(Ok(m)) => {
                last = Instant::now();
                let headers = m
                    .headers()
                    .map(|h| {
                        h.iter()
                            .map(|h| {
                                (
                                    h.key.to_string(),
                                    String::from_utf8_lossy(h.value.unwrap_or_default())
                                        .into_owned(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                out.push(Landed {
                    topic: m.topic().to_string(),
                    key: m.key().map(<[u8]>::to_vec),
                    value: m.payload().map(<[u8]>::to_vec),
                    headers,
                    arrived: Instant::now(),
                });
            }
            Some(Err(e)) => panic!("reading back: {e}"),
            None => {}
        }
    }
    out
}

/// Input offset of every article id: `id -> (partition, offset)`.
pub fn input_offsets(brokers: &str, topic: &str) -> std::collections::HashMap<String, (i32, i64)> {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::message::Message;
    use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
    let consumer: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", unique("offsets-reader"))
        .create()
        .unwrap();
    let md = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .unwrap();
    let mut tpl = TopicPartitionList::new();
    let mut total = 0;
    for p in md.topics()[0].partitions() {
        tpl.add_partition_offset(topic, p.id(), Offset::Beginning)
            .unwrap();
        let (lo, hi) = consumer
            .fetch_watermarks(topic, p.id(), Duration::from_secs(10))
            .unwrap();
        total += hi - lo;
    }
    consumer.assign(&tpl).unwrap();
    let mut out = std::collections::HashMap::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while (out.len() as i64) < total && Instant::now() < deadline {
        if let Some(Ok(m)) = consumer.poll(Duration::from_millis(200)) {
            let key = String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned();
            out.insert(key, (m.partition(), m.offset()));
        }
    }
    out
}

/// Counts per id over what landed.
pub fn id_counts(landed: &[Landed]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for l in landed {
        *counts.entry(l.id()).or_insert(0) += 1;
    }
    counts
}

/// Asserts every expected id landed at least once and nothing else did; returns the
/// number of duplicates.
pub fn assert_all_landed(expected: &[Input], landed: &[Landed]) -> usize {
    let counts = id_counts(landed);
    let missing: Vec<&str> = expected
        .iter()
        .map(|i| i.key.as_str())
        .filter(|k| !counts.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "{} ids never landed, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(10)]
    );
    let known: std::collections::HashSet<&str> = expected.iter().map(|i| i.key.as_str()).collect();
    let strangers: Vec<&String> = counts
        .keys()
        .filter(|k| !known.contains(k.as_str()))
        .collect();
    assert!(
        strangers.is_empty(),
        "records that were never sent landed: {:?}",
        &strangers[..strangers.len().min(10)]
    );
    counts.values().map(|c| c - 1).sum()
}

/// The group's committed offset per partition of `topic`.
pub fn committed(brokers: &str, group: &str, topic: &str, partitions: i32) -> HashMap<i32, i64> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", group)
        .create()
        .expect("offsets client");
    let mut tpl = TopicPartitionList::new();
    for p in 0..partitions {
        tpl.add_partition(topic, p);
    }
    let c = consumer
        .committed_offsets(tpl, Duration::from_secs(10))
        .expect("committed offsets");
    c.elements()
        .iter()
        .filter_map(|e| match e.offset() {
            Offset::Offset(o) => Some((e.partition(), o)),
            _ => None,
        })
        .collect()
}

/// A `warta run` child process with its own topics, group and metrics port.
pub struct Worker {
    pub child: Child,
    pub metrics_port: u16,
    pub log: PathBuf,
}

#[derive(Clone)]
pub struct WorkerSpec<'a> {
    pub brokers: &'a str,
    pub topics: &'a Topics,
    pub group: &'a str,
    pub env: Vec<(String, String)>,
}

impl<'a> WorkerSpec<'a> {
    /// A worker on `topics` in `group`. A killed member holds its partitions until its
    /// session times out; 10 s instead of the default 45 s keeps the crash tests short
    /// without changing what they show.
    pub fn new(brokers: &'a str, topics: &'a Topics, group: &'a str) -> WorkerSpec<'a> {
        let mut spec = WorkerSpec {
            brokers,
            topics,
            group,
            env: vec![],
        };
        spec.set(
            "WARTA_KAFKA__CONSUMER_PROPERTIES__SESSION_TIMEOUT_MS",
            10_000,
        );
        spec
    }

    /// Sets one `WARTA_*` variable for the worker.
    pub fn set(&mut self, key: &str, value: impl ToString) {
        self.env.push((key.to_string(), value.to_string()));
    }

    pub fn spawn(&self) -> Worker {
        let port = warta::telemetry::server::free_local_port().expect("a free local port");
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let log = dir.join(format!("{}.log", unique("worker")));
        let file = std::fs::File::create(&log).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
        cmd.arg("run")
            .env("WARTA_KAFKA__BROKERS", self.brokers)
            .env("WARTA_KAFKA__GROUP_ID", self.group)
            .env("WARTA_TOPICS__INPUT", &self.topics.input)
            .env("WARTA_TOPICS__OUTPUT", &self.topics.output)
            .env("WARTA_TOPICS__DEAD_LETTER", &self.topics.dead_letter)
            .env("WARTA_TELEMETRY__METRICS_ADDR", format!("127.0.0.1:{port}"))
            .env("WARTA_TELEMETRY__LOG_FORMAT", "json")
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(file.try_clone().unwrap())
            .stderr(file);
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("spawn warta");
        Worker {
            child,
            metrics_port: port,
            log,
        }
    }
}

impl Worker {
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success(), "kill -{signal} failed");
    }

    /// Waits for exit up to `timeout`; `None` when still running.
    pub fn wait_timeout(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// GET a path of the metrics server: (status, body), or None if not listening.
    pub fn http_get(&self, path: &str) -> Option<(u16, String)> {
        http_get(self.metrics_port, path)
    }

    /// Panics with the worker's log when it has exited, so a test that waits on a dead
    /// worker fails at once with the reason instead of timing out.
    pub fn assert_alive(&mut self) {
        if let Some(status) = self.child.try_wait().unwrap() {
            panic!("worker exited with {status}:\n{}", self.log_text());
        }
    }

    /// Polls `path` until it answers `status`, up to `timeout`.
    pub fn wait_for_status(&mut self, path: &str, status: u16, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            self.assert_alive();
            if self.http_get(path).is_some_and(|(s, _)| s == status) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    /// Polls /metrics until `metric` (exact series text before the value) reaches `at_least`.
    pub fn wait_for_metric(&mut self, metric: &str, at_least: f64, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            self.assert_alive();
            if let Some((_, body)) = self.http_get("/metrics") {
                if metric_value(&body, metric).is_some_and(|v| v >= at_least) {
                    return true;
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The value of the first series whose name and labels start with `series`.
pub fn metric_value(body: &str, series: &str) -> Option<f64> {
    body.lines()
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with([' ', '{']))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream =
        TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split(' ').nth(1)?.parse().ok()?;
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some((status, body))
}
