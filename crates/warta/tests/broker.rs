//! Broker-backed tests of `warta run` against a real Apache Kafka (`KAFKA_BROKERS`,
//! started by `scripts/kafka.sh start` in `.ci/run`). Each test uses its own topics and
//! consumer group, and checks what actually landed on the output and dead-letter topics.

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use common::*;

const LONG: Duration = Duration::from_secs(240);
const SETTLE: Duration = Duration::from_secs(3);

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_articles_land_exactly_once_each() {
    let Some(brokers) = brokers("ten_thousand_articles_land_exactly_once_each") else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, "tenk", 6, 10_000).await;
    let worker = WorkerSpec::new(&brokers, &topics, &group).spawn();
    let started = Instant::now();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    let elapsed = landed.iter().map(|l| l.arrived).max().unwrap() - started;
    let counts = id_counts(&landed);
    let duplicates = assert_all_landed(&inputs, &landed);
    assert_eq!(
        duplicates, 0,
        "no crash happened, so no duplicates are expected"
    );
    assert_eq!(landed.len(), inputs.len());
    let dead = landed
        .iter()
        .filter(|l| l.topic == topics.dead_letter)
        .count();
    eprintln!(
        "10,000 articles: {} enriched, {dead} dead-lettered, {} distinct ids, {:.2} s from worker start to last record read back ({:.0} articles/s)",
        landed.len() - dead,
        counts.len(),
        elapsed.as_secs_f64(),
        inputs.len() as f64 / elapsed.as_secs_f64()
    );
    worker.signal("TERM");
}

#[tokio::test(flavor = "multi_thread")]
async fn sigkill_mid_stream_loses_nothing_and_offsets_trail_output() {
    let Some(brokers) = brokers("sigkill_mid_stream_loses_nothing_and_offsets_trail_output") else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, "kill", 3, 4_000).await;
    let max_in_flight = 500;
    let mut worker_spec = WorkerSpec::new(&brokers, &topics, &group);
    worker_spec.set("WARTA_PROCESSING__MAX_IN_FLIGHT", max_in_flight);
    worker_spec.set("WARTA_PROCESSING__COMMIT_INTERVAL_MS", "200");
    let mut worker = worker_spec.spawn();
    assert!(
        worker.wait_for_metric("warta_records_produced_total", 800.0, LONG),
        "worker made no progress:\n{}",
        worker.log_text()
    );
    worker.signal("KILL");
    worker
        .wait_timeout(Duration::from_secs(10))
        .expect("killed worker exits");

    // Offsets never run ahead of output: every input record below the committed offset
    // of its partition must already be on the output or dead-letter topic.
    let committed = committed(&brokers, &group, &topics.input, 3);
    let committed_total: i64 = committed.values().sum();
    assert!(
        committed_total > 0,
        "some offsets should have been committed before the kill"
    );
    let landed_before = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        committed_total as usize,
        Duration::from_secs(30),
        SETTLE,
        false,
    );
    let landed_ids: HashSet<String> = landed_before.iter().map(|l| l.id()).collect();
    let offsets = input_offsets(&brokers, &topics.input);
    for (partition, committed_offset) in &committed {
        for (id, offset) in offsets
            .iter()
            .filter(|(_, (p, _))| p == partition)
            .map(|(id, (_, o))| (id, o))
        {
            if offset < committed_offset {
                assert!(landed_ids.contains(id), "offset {offset} of partition {partition} was committed but `{id}` never landed");
            }
        }
    }

    let restarted = worker_spec.spawn();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    let duplicates = assert_all_landed(&inputs, &landed);
    eprintln!("SIGKILL after {} landed: committed {committed_total}, duplicates after restart {duplicates} (bound {max_in_flight} in flight + uncommitted window)", landed_before.len());
    assert!(
        duplicates <= landed_before.len() - committed_total as usize + max_in_flight,
        "duplicates {duplicates} exceed what was uncommitted at the kill"
    );
    restarted.signal("TERM");
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_drains_commits_and_exits_zero_within_grace() {
    let Some(brokers) = brokers("sigterm_drains_commits_and_exits_zero_within_grace") else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, "term", 3, 4_000).await;
    let grace = Duration::from_secs(10);
    let mut worker_spec = WorkerSpec::new(&brokers, &topics, &group);
    worker_spec.set("WARTA_PROCESSING__SHUTDOWN_GRACE_MS", grace.as_millis());
    let mut worker = worker_spec.spawn();
    assert!(
        worker.wait_for_metric("warta_records_produced_total", 500.0, LONG),
        "worker made no progress:\n{}",
        worker.log_text()
    );
    let signalled = Instant::now();
    worker.signal("TERM");
    let status = worker
        .wait_timeout(grace + Duration::from_secs(5))
        .unwrap_or_else(|| panic!("worker still running after SIGTERM:\n{}", worker.log_text()));
    let took = signalled.elapsed();
    assert!(
        status.success(),
        "exit status {status:?} after SIGTERM:\n{}",
        worker.log_text()
    );
    assert!(took <= grace, "shutdown took {took:?}, grace is {grace:?}");

    // The final commit covers everything that landed before exit: a restart then
    // produces only what was never processed.
    let committed_total: i64 = committed(&brokers, &group, &topics.input, 3).values().sum();
    let landed_before = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        1,
        Duration::from_secs(30),
        SETTLE,
        false,
    );
    assert_eq!(
        committed_total as usize,
        landed_before.len(),
        "after a clean shutdown, committed offsets equal what landed"
    );

    let restarted = worker_spec.spawn();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    let duplicates = assert_all_landed(&inputs, &landed);
    eprintln!("SIGTERM: exited 0 in {took:?} with {} landed and committed; duplicates after restart: {duplicates}", landed_before.len());
    assert_eq!(duplicates, 0, "a drained shutdown leaves nothing to redo");
    restarted.signal("TERM");
}

/// Each poison input with the error class it must be dead-lettered under.
fn poison_inputs() -> Vec<(Input, &'static str)> {
    let json = |v: serde_json::Value| Some(v.to_string().into_bytes());
    let raw = |b: &[u8]| Some(b.to_vec());
    let mut nested = "[".repeat(10_000);
    nested.push_str(&"]".repeat(10_000));
    let mut huge = br#"{"id":"x","body":""#.to_vec();
    huge.extend(std::iter::repeat_n(b'a', 10 * 1024 * 1024));
    huge.extend(br#""}"#);
    let cases: Vec<(&str, Option<Vec<u8>>, &str)> = vec![
        (
            "invalid-json",
            raw(b"{\"body\": \"unterminated"),
            "invalid_json",
        ),
        (
            "invalid-utf8",
            raw(b"{\"body\": \"\xff\xfe bytes\"}"),
            "invalid_utf8",
        ),
        (
            "truncated-utf8",
            raw(b"{\"body\": \"caf\xc3"),
            "invalid_utf8",
        ),
        (
            "overlong-utf8",
            raw(b"{\"body\": \"\xc0\xaf\"}"),
            "invalid_utf8",
        ),
        ("empty-value", raw(b""), "empty_value"),
        ("tombstone", None, "empty_value"),
        (
            "json-array",
            json(serde_json::json!([{"body": "teks"}])),
            "not_an_object",
        ),
        (
            "json-string",
            json(serde_json::json!("hanya teks")),
            "not_an_object",
        ),
        ("json-number", raw(b"42"), "not_an_object"),
        ("json-null", raw(b"null"), "not_an_object"),
        (
            "missing-body",
            json(serde_json::json!({"title": "Judul tanpa isi"})),
            "missing_body",
        ),
        (
            "empty-body",
            json(serde_json::json!({"body": "   \n  "})),
            "missing_body",
        ),
        (
            "body-number",
            json(serde_json::json!({"body": 12345})),
            "wrong_type",
        ),
        (
            "body-object",
            json(serde_json::json!({"body": {"p": "teks"}})),
            "wrong_type",
        ),
        (
            "title-array",
            json(serde_json::json!({"title": ["a"], "body": "Isi berita."})),
            "wrong_type",
        ),
        (
            "id-object",
            json(serde_json::json!({"id": {"x": 1}, "body": "Isi berita."})),
            "wrong_type",
        ),
        ("ten-megabytes", Some(huge), "too_large"),
        (
            "raw-nul-bytes",
            raw(b"{\"body\": \"isi\x00berita\"}"),
            "invalid_json",
        ),
        ("deep-nesting", Some(nested.into_bytes()), "too_deep"),
        (
            "lone-surrogate",
            raw(br#"{"body": "teks \ud800 rusak"}"#),
            "invalid_json",
        ),
        (
            "trailing-garbage",
            raw(br#"{"body": "Isi berita."} sisa"#),
            "invalid_json",
        ),
        (
            "only-debris",
            json(
                serde_json::json!({"body": "Advertisement\nBaca Juga\nSCROLL TO CONTINUE WITH CONTENT"}),
            ),
            "empty_after_cleaning",
        ),
    ];
    cases
        .into_iter()
        .map(|(key, value, class)| {
            (
                Input {
                    key: format!("poison-{key}"),
                    value,
                },
                class,
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn poison_inputs_are_dead_lettered_with_headers_and_the_worker_goes_on() {
    let Some(brokers) =
        brokers("poison_inputs_are_dead_lettered_with_headers_and_the_worker_goes_on")
    else {
        return;
    };
    let topics = Topics::new("poison");
    create_topics(
        &brokers,
        &[(&topics.input, 1), (&topics.output, 1)],
        &[("max.message.bytes", "16777216")],
    )
    .await;
    create_topics(
        &brokers,
        &[(&topics.dead_letter, 1)],
        &[("max.message.bytes", "16777216")],
    )
    .await;
    let poison = poison_inputs();
    let good = articles("poison-good", poison.len() + 1);
    // Interleave so that good records follow every poison record on the same partition.
    let mut inputs = Vec::new();
    let mut good_iter = good.into_iter();
    inputs.push(good_iter.next().unwrap());
    let mut expected_class = std::collections::HashMap::new();
    for (p, class) in poison {
        expected_class.insert(p.key.clone(), class);
        inputs.push(p);
        inputs.push(good_iter.next().unwrap());
    }
    produce(&brokers, &topics.input, &inputs).await;
    let group = unique("g-poison");
    let worker = WorkerSpec::new(&brokers, &topics, &group).spawn();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    let duplicates = assert_all_landed(&inputs, &landed);
    assert_eq!(duplicates, 0);
    assert_eq!(expected_class.len(), 22, "the poison corpus has 22 kinds");
    for l in &landed {
        let id = l.id();
        match expected_class.get(&id) {
            Some(class) => {
                assert_eq!(l.topic, topics.dead_letter, "{id} should be dead-lettered");
                assert_eq!(
                    l.headers.get("warta.error.class").map(String::as_str),
                    Some(*class),
                    "{id}: headers {:?}",
                    l.headers
                );
                assert!(
                    !l.headers["warta.error.reason"].is_empty(),
                    "{id}: empty reason"
                );
                assert_eq!(l.headers["warta.source.topic"], topics.input);
                assert_eq!(l.headers["warta.source.partition"], "0");
                assert!(l.headers["warta.source.offset"].parse::<i64>().is_ok());
                assert!(l.headers.contains_key("warta.failed.at"));
                assert_eq!(l.headers["warta.worker.version"], env!("CARGO_PKG_VERSION"));
                let sent = inputs.iter().find(|i| i.key == id).unwrap();
                assert_eq!(
                    l.value, sent.value,
                    "{id}: dead letter must carry the original value unchanged"
                );
                assert_eq!(
                    l.key.as_deref(),
                    Some(id.as_bytes()),
                    "{id}: original key kept"
                );
            }
            None => {
                assert_eq!(
                    l.topic, topics.output,
                    "good article {id} should be enriched"
                );
                assert_eq!(
                    l.headers.get("warta.schema.version").map(String::as_str),
                    Some("1")
                );
                assert_eq!(
                    l.headers.get("content-type").map(String::as_str),
                    Some("application/json")
                );
            }
        }
    }
    worker.signal("TERM");
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_health_and_readiness_endpoints_answer() {
    let Some(brokers) = brokers("metrics_health_and_readiness_endpoints_answer") else {
        return;
    };
    let topics = Topics::new("http");
    create_worker_topics(&brokers, &topics, 2).await;
    let inputs = articles("http", 50);
    let group = unique("g-http");
    let mut worker = WorkerSpec::new(&brokers, &topics, &group).spawn();
    assert!(
        worker.wait_for_status("/healthz", 200, Duration::from_secs(30)),
        "healthz:\n{}",
        worker.log_text()
    );
    assert!(
        worker.wait_for_status("/readyz", 200, Duration::from_secs(60)),
        "never ready:\n{}",
        worker.log_text()
    );
    produce(&brokers, &topics.input, &inputs).await;
    assert!(
        worker.wait_for_metric(
            "warta_records_produced_total",
            50.0,
            Duration::from_secs(60)
        ),
        "{}",
        worker.log_text()
    );
    let (status, body) = worker.http_get("/metrics").unwrap();
    assert_eq!(status, 200);
    assert_eq!(
        metric_value(&body, "warta_records_consumed_total"),
        Some(50.0)
    );
    assert!(
        body.contains("warta_processing_seconds_bucket"),
        "histogram missing:\n{body}"
    );
    assert!(body.contains("# TYPE warta_processing_seconds histogram"));
    assert!(body.contains("warta_in_flight_records"));
    assert!(body.contains("warta_quotes_extracted_total"));
    // Lag comes from librdkafka statistics, published once a second.
    let lag_seen = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        worker.http_get("/metrics").is_some_and(|(_, b)| {
            b.contains(&format!("warta_consumer_lag{{topic=\"{}\"", topics.input))
        })
    });
    assert!(lag_seen, "no per-partition lag gauge");
    assert_eq!(worker.http_get("/nothing-here").map(|(s, _)| s), Some(404));
    worker.signal("TERM");

    // A worker whose broker cannot be reached is alive but not ready.
    let mut nowhere = WorkerSpec {
        brokers: "127.0.0.1:1",
        topics: &topics,
        group: &group,
        env: vec![],
    }
    .spawn();
    assert!(nowhere.wait_for_status("/healthz", 200, Duration::from_secs(30)));
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(nowhere.http_get("/readyz").map(|(s, _)| s), Some(503));
}

#[tokio::test(flavor = "multi_thread")]
async fn exactly_once_survives_sigkill_for_read_committed_readers() {
    let Some(brokers) = brokers("exactly_once_survives_sigkill_for_read_committed_readers") else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, "eos", 3, 3_000).await;
    let mut worker_spec = WorkerSpec::new(&brokers, &topics, &group);
    worker_spec.set("WARTA_PROCESSING__GUARANTEE", "exactly_once");
    worker_spec.set("WARTA_PROCESSING__TRANSACTIONAL_ID", unique("txn"));
    worker_spec.set("WARTA_PROCESSING__BATCH_SIZE", "200");
    let mut worker = worker_spec.spawn();
    assert!(
        worker.wait_for_metric("warta_offset_commits_total", 3.0, LONG),
        "no transaction committed:\n{}",
        worker.log_text()
    );
    worker.signal("KILL");
    worker
        .wait_timeout(Duration::from_secs(10))
        .expect("killed");
    let restarted = worker_spec.spawn();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        true,
    );
    let duplicates = assert_all_landed(&inputs, &landed);
    assert_eq!(
        duplicates,
        0,
        "read_committed must see each input exactly once:\n{}",
        restarted.log_text()
    );
    restarted.signal("TERM");
}

#[tokio::test(flavor = "multi_thread")]
async fn passthrough_copies_records_byte_identical_and_commits_offsets() {
    let Some(brokers) = brokers("passthrough_copies_records_byte_identical_and_commits_offsets")
    else {
        return;
    };
    let topics = Topics::new("pass");
    create_worker_topics(&brokers, &topics, 3).await;
    let mut inputs = articles("pass", 300);
    // Not even JSON: passthrough does not decode, so it is copied like the rest.
    inputs.push(Input {
        key: "pass-not-json".into(),
        value: Some(b"\xff\xfe not json".to_vec()),
    });
    produce(&brokers, &topics.input, &inputs).await;
    let group = unique("g-pass");
    let mut worker_spec = WorkerSpec::new(&brokers, &topics, &group);
    worker_spec.set("WARTA_PROCESSING__MODE", "passthrough");
    let mut worker = worker_spec.spawn();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    assert_eq!(landed.len(), inputs.len(), "one output per input");
    let by_key: std::collections::HashMap<Vec<u8>, &Landed> = landed
        .iter()
        .map(|l| (l.key.clone().unwrap_or_default(), l))
        .collect();
    for input in &inputs {
        let out = by_key
            .get(input.key.as_bytes())
            .unwrap_or_else(|| panic!("{} never landed", input.key));
        assert_eq!(
            out.topic, topics.output,
            "{} went to {}",
            input.key, out.topic
        );
        assert_eq!(out.value, input.value, "{}: value changed", input.key);
        assert!(out.headers.contains_key("warta.schema.version"));
        assert!(out.headers.contains_key("content-type"));
    }
    worker.signal("TERM");
    let status = worker
        .wait_timeout(Duration::from_secs(60))
        .expect("worker exits on SIGTERM");
    assert!(status.success(), "exit status {status}");
    let committed_total: i64 = committed(&brokers, &group, &topics.input, 3).values().sum();
    assert_eq!(
        committed_total as usize,
        inputs.len(),
        "every offset committed"
    );
}

/// A record with the two clock fields of its provenance blanked: everything else of an
/// output record is a function of the input bytes and the configuration.
fn without_clock(value: &[u8]) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(value).expect("an output record");
    v["provenance"]["processed_at"] = serde_json::Value::Null;
    v["provenance"]["processing_time_us"] = serde_json::Value::Null;
    serde_json::to_vec(&v).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn two_runs_over_the_same_input_give_byte_identical_records() {
    let Some(brokers) = brokers("two_runs_over_the_same_input_give_byte_identical_records") else {
        return;
    };
    let Scenario { topics, inputs, .. } = scenario(&brokers, "determinism", 3, 300).await;
    // The second run reads the same input topic into topics of its own, in another
    // group and with another thread count.
    let second = Topics {
        input: topics.input.clone(),
        ..Topics::new("determinism-2")
    };
    create_topics(
        &brokers,
        &[(&second.output, 3), (&second.dead_letter, 1)],
        &[],
    )
    .await;
    let mut runs = Vec::new();
    for (t, threads) in [(&topics, 1), (&second, 4)] {
        let group = unique("g-determinism");
        let mut spec = WorkerSpec::new(&brokers, t, &group);
        spec.set("WARTA_PROCESSING__CONCURRENCY", threads);
        let worker = spec.spawn();
        let landed = read_back(
            &brokers,
            &[&t.output, &t.dead_letter],
            inputs.len(),
            LONG,
            SETTLE,
            false,
        );
        worker.signal("TERM");
        assert_eq!(landed.len(), inputs.len(), "every input landed once");
        let mut records: Vec<(Vec<u8>, Vec<u8>)> = landed
            .iter()
            .map(|l| {
                let value = l.value.as_deref().unwrap_or_default();
                let value = if l.topic == t.output {
                    without_clock(value)
                } else {
                    value.to_vec()
                };
                (l.key.clone().unwrap_or_default(), value)
            })
            .collect();
        records.sort();
        runs.push(records);
    }
    assert_eq!(runs[0].len(), inputs.len());
    for (a, b) in runs[0].iter().zip(&runs[1]) {
        assert!(
            a == b,
            "records differ between runs:\n{}\n{}",
            String::from_utf8_lossy(&a.1),
            String::from_utf8_lossy(&b.1)
        );
    }
}

/// Two replicas started with one `kafka.group_instance_id`: the broker fences the older
/// member, which stops with exit code 1 and an error that names the key to fix. The
/// newer one goes on and the input still lands in full.
#[tokio::test(flavor = "multi_thread")]
async fn a_shared_group_instance_id_stops_the_fenced_replica_with_the_key_named() {
    let Some(brokers) =
        brokers("a_shared_group_instance_id_stops_the_fenced_replica_with_the_key_named")
    else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, "fenced", 3, 2_000).await;
    let mut spec = WorkerSpec::new(&brokers, &topics, &group);
    spec.set("WARTA_KAFKA__GROUP_INSTANCE_ID", "warta-0");
    let mut first = spec.spawn();
    assert!(
        first.wait_for_metric("warta_records_produced_total", 1.0, LONG),
        "{}",
        first.log_text()
    );
    let mut second = spec.spawn();
    let status = first
        .wait_timeout(Duration::from_secs(60))
        .unwrap_or_else(|| panic!("the fenced replica kept running:\n{}", first.log_text()));
    assert_eq!(status.code(), Some(1), "{}", first.log_text());
    let log = first.log_text();
    assert!(
        log.contains("kafka.group_instance_id `warta-0` is in use by another consumer"),
        "{log}"
    );
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    assert_all_landed(&inputs, &landed);
    second.assert_alive();
    second.signal("TERM");
}
