//! Fault suite against a real Apache Kafka: crashes, a broker restart, rebalances, an
//! output topic that rejects records, panics inside enrichment, and SASL/SCRAM.
//!
//! Some scenarios stop and restart the broker, so `.ci/run` runs this file on its own,
//! one test at a time, after the other broker tests. Each scenario feeds known ids and
//! reads the output and dead-letter topics back: every id must be there, nothing else.

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use common::faults::*;
use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn three_sigkills_in_twenty_thousand_lose_nothing() {
    let name = "crash3";
    if brokers(name).is_none() {
        return;
    }
    let max_in_flight = 1000;
    let CrashRun {
        inputs,
        landed,
        committed_at_kill,
        first_output_after_restart,
        elapsed,
    } = three_sigkills(
        name,
        |s| s.set("WARTA_PROCESSING__MAX_IN_FLIGHT", max_in_flight),
        "warta_records_produced_total",
        1500.0,
        false,
    )
    .await;
    let duplicates = assert_all_landed(&inputs, &landed);
    eprintln!(
        "3 SIGKILLs (committed offsets at each: {committed_at_kill:?}): {} records landed for {} ids, {duplicates} duplicates ({:.0} per crash, in-flight bound {max_in_flight}); first output after each restart {first_output_after_restart:.1?}, whole run {elapsed:.1?} (dynamic membership, 10 s session)",
        landed.len(),
        inputs.len(),
        duplicates as f64 / 3.0
    );
    // Duplicates come from records delivered but not yet committed at a crash: at most
    // the in-flight bound plus what one commit interval lets through, per crash.
    assert!(
        duplicates <= 3 * (max_in_flight + 4_000),
        "{duplicates} duplicates is beyond the in-flight and commit-interval window"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn exactly_once_three_sigkills_read_committed_sees_each_id_once() {
    let name = "eos3";
    if brokers(name).is_none() {
        return;
    }
    let transactional_id = unique("txn-eos3");
    let CrashRun {
        inputs,
        landed,
        committed_at_kill,
        ..
    } = three_sigkills(
        name,
        |s| {
            s.set("WARTA_PROCESSING__GUARANTEE", "exactly_once");
            s.set("WARTA_PROCESSING__TRANSACTIONAL_ID", &transactional_id);
            s.set("WARTA_PROCESSING__BATCH_SIZE", 500);
        },
        // A transaction commits output and offsets together: wait for a few per life.
        "warta_offset_commits_total",
        4.0,
        true,
    )
    .await;
    let duplicates = assert_all_landed(&inputs, &landed);
    eprintln!(
        "exactly_once, 3 SIGKILLs (committed offsets at each: {committed_at_kill:?}): a read_committed reader saw {} records for {} ids, {duplicates} duplicates",
        landed.len(),
        inputs.len()
    );
    assert_eq!(
        duplicates, 0,
        "aborted transactions must stay invisible to read_committed"
    );
    assert_eq!(landed.len(), inputs.len());
}

/// Static membership with the shipped session timeout (45 s): a worker restarted within
/// two seconds of a SIGKILL rejoins under the same `kafka.group_instance_id` and gets its
/// partitions back at once, instead of after the dead member's session runs out.
#[tokio::test(flavor = "multi_thread")]
async fn static_membership_three_sigkills_back_to_work_within_seconds() {
    let name = "static3";
    if brokers(name).is_none() {
        return;
    }
    let instance = unique("pod");
    let shipped_session_timeout = warta::config::Config::load_with_env(None, Vec::new())
        .unwrap()
        .kafka
        .consumer_properties["session.timeout.ms"]
        .clone();
    let CrashRun {
        inputs,
        landed,
        committed_at_kill,
        first_output_after_restart,
        elapsed,
    } = three_sigkills(
        name,
        |s| {
            s.set("WARTA_KAFKA__GROUP_INSTANCE_ID", &instance);
            s.set(
                "WARTA_KAFKA__CONSUMER_PROPERTIES__SESSION_TIMEOUT_MS",
                &shipped_session_timeout,
            );
        },
        PRODUCED_METRIC,
        1500.0,
        false,
    )
    .await;
    let duplicates = assert_all_landed(&inputs, &landed);
    eprintln!(
        "static membership, shipped session.timeout.ms={shipped_session_timeout}, 3 SIGKILLs (committed offsets at each: {committed_at_kill:?}): {} records for {} ids, {duplicates} duplicates; first output after each restart {first_output_after_restart:.1?}; whole run {elapsed:.1?}",
        landed.len(),
        inputs.len(),
    );
    let session = Duration::from_millis(shipped_session_timeout.parse().unwrap());
    for (i, took) in first_output_after_restart.iter().enumerate() {
        assert!(
            *took < session / 3,
            "restart {}: first output after {took:?}, as if the dead member's session ({session:?}) had to expire",
            i + 1
        );
    }
    assert!(
        elapsed < Duration::from_secs(90),
        "20,000 articles with 3 crashes took {elapsed:?}"
    );
}

/// Kafka 4's consumer group protocol (KIP-848, `group.protocol=consumer`) measured
/// against the classic one above: there the broker keeps a crashed static member's id
/// until its session (`group.consumer.session.timeout.ms`, 45 s) times out, and refuses
/// a restart under the same id with UNRELEASED_INSTANCE_ID. warta therefore stays on the
/// classic protocol; a user who chooses the new one gets an error that names the key
/// and says why, not a silent stall.
#[tokio::test(flavor = "multi_thread")]
async fn the_consumer_group_protocol_refuses_a_static_restart_after_a_crash_with_the_key_named() {
    let name = "kip848";
    let Some(brokers) = brokers(name) else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, name, 6, 2_000).await;
    let mut spec = WorkerSpec::new(&brokers, &topics, &group);
    spec.env.retain(|(k, _)| !k.ends_with("SESSION_TIMEOUT_MS"));
    spec.set(
        "WARTA_KAFKA__CONSUMER_PROPERTIES__GROUP_PROTOCOL",
        "consumer",
    );
    spec.set("WARTA_KAFKA__GROUP_INSTANCE_ID", unique("pod"));
    let mut worker = spec.spawn();
    assert!(
        worker.wait_for_metric(PRODUCED_METRIC, 100.0, LONG),
        "the consumer protocol works until the crash:\n{}",
        worker.log_text()
    );
    worker.signal("KILL");
    worker
        .wait_timeout(Duration::from_secs(10))
        .expect("killed");
    let restarted = Instant::now();
    let mut worker = spec.spawn();
    let status = worker
        .wait_timeout(Duration::from_secs(30))
        .unwrap_or_else(|| {
            panic!(
                "the restart under the same id was accepted:\n{}",
                worker.log_text()
            )
        });
    assert_eq!(status.code(), Some(1));
    let log = worker.log_text();
    assert!(
        log.contains("kafka.group_instance_id") && log.contains("still held"),
        "{log}"
    );
    eprintln!(
        "group.protocol=consumer: a static restart {:.1?} after a SIGKILL was refused (UNRELEASED_INSTANCE_ID); {} inputs",
        restarted.elapsed(),
        inputs.len()
    );
}

/// The exactly-once abort path: the second transaction fails between producing its
/// batch and committing it. The worker aborts it and re-reads the batch; the aborted
/// records are on the output topic (a read_uncommitted reader sees them) but a
/// read_committed reader sees every id exactly once.
#[cfg(feature = "fault-injection")]
#[tokio::test(flavor = "multi_thread")]
async fn exactly_once_a_transaction_failed_before_commit_stays_invisible() {
    exactly_once_abort_path("eosfail", "fail:2", false).await;
}

/// Like the test above, but the worker dies inside the open transaction; its restart,
/// under the same transactional id, fences it and the broker aborts it.
#[cfg(feature = "fault-injection")]
#[tokio::test(flavor = "multi_thread")]
async fn exactly_once_a_crash_inside_an_open_transaction_stays_invisible() {
    exactly_once_abort_path("eoscrash", "crash:2", true).await;
}

#[cfg(feature = "fault-injection")]
async fn exactly_once_abort_path(name: &str, fault: &str, crashes: bool) {
    let Some(brokers) = brokers(name) else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, name, 6, 3_000).await;
    let transactional_id = unique(&format!("txn-{name}"));
    let mut spec = WorkerSpec::new(&brokers, &topics, &group);
    spec.set("WARTA_PROCESSING__GUARANTEE", "exactly_once");
    spec.set("WARTA_PROCESSING__TRANSACTIONAL_ID", &transactional_id);
    spec.set("WARTA_PROCESSING__BATCH_SIZE", 200);
    let mut faulty = spec.clone();
    faulty.set("FAULT_INJECTION_EOS", fault);
    let mut worker = faulty.spawn();
    if crashes {
        let status = worker
            .wait_timeout(LONG)
            .expect("the worker aborts inside its second transaction");
        assert!(!status.success(), "{status}");
        assert!(worker
            .log_text()
            .contains("aborting the process inside an open transaction"));
        worker = spec.spawn();
    }
    let committed_view = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        true,
    );
    worker.assert_alive();
    if !crashes {
        let log = worker.log_text();
        assert!(
            log.contains("failing the transaction before its commit"),
            "{log}"
        );
        assert!(
            log.contains("transaction aborted; re-reading its input"),
            "{log}"
        );
    }
    let duplicates = assert_all_landed(&inputs, &committed_view);
    assert_eq!(duplicates, 0, "read_committed saw an aborted record");
    assert_eq!(committed_view.len(), inputs.len());
    let everything = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len() + 1,
        Duration::from_secs(30),
        SETTLE,
        false,
    );
    eprintln!(
        "{fault}: read_committed saw {} records for {} ids; read_uncommitted saw {} (the aborted batch)",
        committed_view.len(),
        inputs.len(),
        everything.len()
    );
    assert!(
        everything.len() > inputs.len(),
        "the aborted batch should be on the topic, visible to read_uncommitted only"
    );
    stop_and_assert_all_committed(&mut worker, &brokers, &group, &topics, inputs.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn broker_restart_is_ridden_through_without_a_worker_restart() {
    let Some(brokers) =
        controllable_broker("broker_restart_is_ridden_through_without_a_worker_restart")
    else {
        return;
    };
    let topics = Topics::new("restart");
    create_worker_topics(&brokers, &topics, 3).await;
    let inputs = articles("restart", 8_000);
    produce(&brokers, &topics.input, &inputs[..4_000]).await;
    let group = unique("g-restart");
    let mut worker = WorkerSpec::new(&brokers, &topics, &group).spawn();
    assert!(
        worker.wait_for_status("/readyz", 200, Duration::from_secs(60)),
        "{}",
        worker.log_text()
    );
    assert!(
        worker.wait_for_metric("warta_records_produced_total", 1000.0, LONG),
        "{}",
        worker.log_text()
    );

    let stopping_wall = chrono::Utc::now();
    kafka("stop");
    let down_at = Instant::now();
    let stopped_wall = chrono::Utc::now();
    assert!(
        worker.wait_for_status("/readyz", 503, Duration::from_secs(30)),
        "/readyz stayed 200 with the broker down:\n{}",
        worker.log_text()
    );
    let not_ready_after = down_at.elapsed();
    std::thread::sleep(Duration::from_secs(15).saturating_sub(down_at.elapsed()));
    kafka("restart");
    let up_at = Instant::now();
    let up_wall = chrono::Utc::now();
    let downtime = up_at - down_at;
    assert!(
        worker.wait_for_status("/readyz", 200, Duration::from_secs(90)),
        "/readyz never came back:\n{}",
        worker.log_text()
    );
    let ready_again_after = up_at.elapsed();
    worker.assert_alive();
    produce(&brokers, &topics.input, &inputs[4_000..]).await;
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    let duplicates = assert_all_landed(&inputs, &landed);
    worker.assert_alive();
    eprintln!(
        "broker down {:.1} s: /readyz 503 after {:.1} s, 200 again {:.1} s after the broker came back; {duplicates} duplicates, nothing lost, no worker restart",
        downtime.as_secs_f64(),
        not_ready_after.as_secs_f64(),
        ready_again_after.as_secs_f64()
    );
    worker.signal("TERM");
    worker.wait_timeout(Duration::from_secs(40));
    assert_the_log_of_an_outage_is_timely_and_single(
        &worker.log_text(),
        stopping_wall,
        stopped_wall,
        up_wall,
    );
}

/// One log line per client event, written when the event happens: the first line about
/// the lost broker comes within 2 s of the broker's stop, no line says all brokers are
/// down once it has been back for 2 s, and no line repeats.
fn assert_the_log_of_an_outage_is_timely_and_single(
    log: &str,
    stopping: chrono::DateTime<chrono::Utc>,
    stopped: chrono::DateTime<chrono::Utc>,
    up: chrono::DateTime<chrono::Utc>,
) {
    let lines = log_lines(log);
    assert!(
        lines.len() > 3,
        "the worker's JSON log did not parse:\n{log}"
    );
    let repeats = repeated_lines(&lines);
    assert!(
        repeats.is_empty(),
        "log lines repeated within a second:\n{}",
        repeats.join("\n")
    );
    let about_the_outage = |l: &&LogLine| {
        matches!(l.level.as_str(), "WARN" | "ERROR")
            && [
                "brokers down",
                "Disconnected",
                "Connection refused",
                "Kafka client error",
            ]
            .iter()
            .any(|w| l.content.contains(w))
    };
    let first = lines
        .iter()
        .filter(|l| l.at >= stopping)
        .find(about_the_outage)
        .unwrap_or_else(|| panic!("no log line about the broker's outage:\n{log}"));
    let two_seconds = chrono::Duration::seconds(2);
    assert!(
        first.at <= stopped + two_seconds,
        "the first line about the outage came at {}, the broker had stopped at {stopped}: {}",
        first.at,
        first.content
    );
    let late: Vec<&str> = lines
        .iter()
        .filter(|l| l.at > up + two_seconds && l.content.contains("brokers down"))
        .map(|l| l.content.as_str())
        .collect();
    assert!(
        late.is_empty(),
        "'all brokers down' logged after the broker was back at {up}:\n{}",
        late.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn rebalances_by_join_term_and_kill_lose_nothing() {
    let Some(brokers) = brokers("rebalances_by_join_term_and_kill_lose_nothing") else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, "rebal", 6, 20_000).await;
    let mut worker_spec = WorkerSpec::new(&brokers, &topics, &group);
    // Slow the first worker down so the others join while most work is still ahead.
    worker_spec.set("WARTA_PROCESSING__CONCURRENCY", 1);
    worker_spec.set("WARTA_PROCESSING__MAX_IN_FLIGHT", 200);
    let mut first = worker_spec.spawn();
    assert!(
        first.wait_for_metric("warta_records_produced_total", 500.0, LONG),
        "{}",
        first.log_text()
    );

    // A second worker joins, then leaves cleanly.
    let mut second = worker_spec.spawn();
    let joined = Instant::now();
    assert!(
        second.wait_for_metric("warta_records_produced_total", 300.0, LONG),
        "{}",
        second.log_text()
    );
    let second_first_output = joined.elapsed();
    second.signal("TERM");
    assert!(
        second
            .wait_timeout(Duration::from_secs(40))
            .is_some_and(|s| s.success()),
        "{}",
        second.log_text()
    );

    // A third joins, then crashes.
    let mut third = worker_spec.spawn();
    assert!(
        third.wait_for_metric("warta_records_produced_total", 300.0, LONG),
        "{}",
        third.log_text()
    );
    third.signal("KILL");
    third.wait_timeout(Duration::from_secs(10)).expect("killed");

    first.assert_alive();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    let duplicates = assert_all_landed(&inputs, &landed);
    first.assert_alive();
    let rebalances = first
        .http_get("/metrics")
        .and_then(|(_, body)| metric_value(&body, "warta_rebalances_total"))
        .unwrap_or(0.0);
    eprintln!(
        "rebalance: joiner produced its first 300 records {:.1} s after start; {duplicates} duplicates after a join, a SIGTERM leave and a SIGKILL; first worker saw {rebalances} rebalance events",
        second_first_output.as_secs_f64()
    );
    stop_and_assert_all_committed(&mut first, &brokers, &group, &topics, inputs.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn output_topic_rejecting_records_sends_them_to_dead_letter_without_spinning() {
    let Some(brokers) =
        brokers("output_topic_rejecting_records_sends_them_to_dead_letter_without_spinning")
    else {
        return;
    };
    let topics = Topics::new("reject");
    create_topics(&brokers, &[(&topics.input, 1)], &[]).await;
    // Small enriched records fit, larger ones are refused by the broker.
    create_topics(
        &brokers,
        &[(&topics.output, 1)],
        &[("max.message.bytes", "4000")],
    )
    .await;
    create_topics(
        &brokers,
        &[(&topics.dead_letter, 1)],
        &[("max.message.bytes", "16777216")],
    )
    .await;
    let mut inputs = Vec::new();
    for i in 0..40 {
        // Pseudo-random words: the broker checks compressed batches, and repeated text
        // would compress under the limit.
        let words = if i % 2 == 0 { 20 } else { 1500 };
        let mut seed = 0x9E37_79B9_u32.wrapping_mul(i + 1);
        let body: String = (0..words)
            .map(|_| {
                (0..6)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 17;
                        seed ^= seed << 5;
                        (b'a' + (seed % 26) as u8) as char
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let body = format!("Jakarta - {body}.");
        let id = format!("reject-{i}");
        let value = serde_json::json!({ "id": id, "body": body })
            .to_string()
            .into_bytes();
        inputs.push(Input {
            key: id,
            value: Some(value),
        });
    }
    produce(&brokers, &topics.input, &inputs).await;
    let group = unique("g-reject");
    let mut worker_spec = WorkerSpec::new(&brokers, &topics, &group);
    // The topic limit applies to whole record batches; with batch.size under it, a refusal
    // means the record itself can never fit (the README's advice for real deployments).
    worker_spec.set("WARTA_KAFKA__PRODUCER_PROPERTIES__BATCH_SIZE", 3_000);
    let mut worker = worker_spec.spawn();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    assert_eq!(assert_all_landed(&inputs, &landed), 0);
    let rejected: Vec<&Landed> = landed
        .iter()
        .filter(|l| l.topic == topics.dead_letter)
        .collect();
    assert_eq!(
        rejected.len(),
        20,
        "the 20 large records are refused by the output topic"
    );
    for l in &rejected {
        assert_eq!(l.headers["warta.error.class"], "output_too_large");
        assert!(
            l.headers["warta.error.reason"].contains("rejected by the broker"),
            "{:?}",
            l.headers
        );
    }
    // The refusals were classified at once, not retried in a loop.
    let (_, metrics) = worker.http_get("/metrics").expect("metrics");
    assert_eq!(
        metric_value(&metrics, "warta_produce_retries_total").unwrap_or(0.0),
        0.0,
        "{metrics}"
    );
    worker.assert_alive();
    worker.signal("TERM");
    assert!(worker
        .wait_timeout(Duration::from_secs(30))
        .is_some_and(|s| s.success()));
    let committed: i64 = committed(&brokers, &group, &topics.input, 1).values().sum();
    assert_eq!(committed, inputs.len() as i64);
}

#[tokio::test(flavor = "multi_thread")]
async fn deleted_output_topic_stops_the_worker_with_nothing_committed_past_output() {
    use rdkafka::admin::{AdminClient, AdminOptions};
    use rdkafka::client::DefaultClientContext;
    let name = "deleted_output_topic_stops_the_worker_with_nothing_committed_past_output";
    let Some(brokers) = brokers(name) else {
        return;
    };
    let topics = Topics::new("deleted");
    create_worker_topics(&brokers, &topics, 3).await;
    let inputs = articles("deleted", 6_000);
    produce(&brokers, &topics.input, &inputs).await;
    let (stop_reader, reader) = live_reader(&brokers, &[&topics.output, &topics.dead_letter]);
    let group = unique("g-deleted");
    let mut worker_spec = WorkerSpec::new(&brokers, &topics, &group);
    worker_spec.set("WARTA_PROCESSING__MAX_IN_FLIGHT", 500);
    worker_spec.set("WARTA_PROCESSING__COMMIT_INTERVAL_MS", 200);
    // Slow enough that the deletion lands mid-run.
    worker_spec.set("WARTA_PROCESSING__CONCURRENCY", 1);
    let mut worker = worker_spec.spawn();
    assert!(
        worker.wait_for_metric("warta_records_produced_total", 1000.0, LONG),
        "{}",
        worker.log_text()
    );

    let admin: AdminClient<DefaultClientContext> = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .create()
        .unwrap();
    let deleted_at = Instant::now();
    for result in admin
        .delete_topics(&[&topics.output], &AdminOptions::new())
        .await
        .unwrap()
    {
        result.expect("output topic deleted");
    }

    // The worker cannot deliver, so it must stop with a clear error rather than spin or
    // write into a topic recreated behind the operator's back with broker defaults.
    let status = worker
        .wait_timeout(Duration::from_secs(180))
        .unwrap_or_else(|| {
            panic!(
                "worker still running 180 s after its output topic was deleted:\n{}",
                worker.log_text()
            )
        });
    let stopped_after = deleted_at.elapsed();
    assert!(
        !status.success(),
        "a worker that cannot deliver must not exit 0"
    );
    let log = worker.log_text();
    assert!(
        log.contains(&topics.output) && log.contains("exist"),
        "the error names the topic and says it may not exist:\n{log}"
    );
    let metadata = admin
        .inner()
        .fetch_metadata(None, Duration::from_secs(10))
        .unwrap();
    assert!(
        !metadata.topics().iter().any(|t| t.name() == topics.output),
        "the worker must not auto-create the deleted output topic"
    );

    // Offsets never ran ahead of output: every input below the committed offset of its
    // partition reached the (now deleted) output topic or the dead-letter topic.
    std::thread::sleep(Duration::from_secs(2));
    stop_reader.store(true, std::sync::atomic::Ordering::Relaxed);
    let landed_before: HashSet<String> = reader.join().unwrap();
    let committed_before = committed(&brokers, &group, &topics.input, 3);
    let offsets = input_offsets(&brokers, &topics.input);
    let mut below = 0;
    for (id, (partition, offset)) in &offsets {
        if *offset < committed_before[partition] {
            below += 1;
            assert!(
                landed_before.contains(id),
                "offset {offset} of partition {partition} was committed but `{id}` never landed"
            );
        }
    }

    // Once the operator recreates the topic, a restarted worker finishes the rest.
    create_topics(&brokers, &[(&topics.output, 3)], &[]).await;
    let mut restarted = worker_spec.spawn();
    let rest = inputs.len() - below;
    let landed_after = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        rest,
        LONG,
        SETTLE,
        false,
    );
    let after: HashSet<String> = landed_after.iter().map(|l| l.id()).collect();
    let missing: Vec<&str> = inputs
        .iter()
        .map(|i| i.key.as_str())
        .filter(|id| !landed_before.contains(*id) && !after.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "{} ids never landed, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    eprintln!(
        "output topic deleted mid-run: worker stopped with an error after {:.1} s; {below} inputs committed, all of them seen on the output before; after the topic was recreated a restart delivered the other {rest}",
        stopped_after.as_secs_f64()
    );
    restarted.signal("TERM");
    assert!(restarted
        .wait_timeout(Duration::from_secs(40))
        .is_some_and(|s| s.success()));
}

#[tokio::test(flavor = "multi_thread")]
async fn good_records_keep_their_latency_among_hostile_inputs() {
    let Some(brokers) = brokers("good_records_keep_their_latency_among_hostile_inputs") else {
        return;
    };
    let pace = Duration::from_millis(20);
    let baseline_topics = Topics::new("calm");
    create_worker_topics(&brokers, &baseline_topics, 6).await;
    let hostile_topics = Topics::new("poisoned");
    create_worker_topics(&brokers, &hostile_topics, 6).await;
    // Everything the broker accepts (its limit is 16 MiB; the 50 MB value cannot be sent).
    let poison: Vec<Input> = common::hostile::corpus()
        .into_iter()
        .filter(|(_, value, _)| value.len() < 15_000_000)
        .enumerate()
        .map(|(i, (_, value, _))| Input {
            key: format!("poison-{i}"),
            value: Some(value),
        })
        .collect();

    let mut latencies = Vec::new();
    for (topics, poison) in [(&baseline_topics, &[][..]), (&hostile_topics, &poison[..])] {
        let group = unique("g-latency");
        let mut worker = WorkerSpec::new(&brokers, topics, &group).spawn();
        assert!(
            worker.wait_for_status("/readyz", 200, Duration::from_secs(60)),
            "{}",
            worker.log_text()
        );
        let good = articles(&topics.input, 400);
        latencies.push(good_record_latencies(&brokers, topics, &good, poison, pace).await);
        worker.assert_alive();
        worker.signal("TERM");
        assert!(worker
            .wait_timeout(Duration::from_secs(40))
            .is_some_and(|s| s.success()));
    }
    let (calm, poisoned) = (&latencies[0], &latencies[1]);
    eprintln!(
        "good-record latency at {} records/s, p50/p99/max: alone {:?}/{:?}/{:?}; among {} hostile inputs {:?}/{:?}/{:?}",
        1000 / pace.as_millis(),
        percentile(calm, 0.5),
        percentile(calm, 0.99),
        calm.last().unwrap(),
        poison.len(),
        percentile(poisoned, 0.5),
        percentile(poisoned, 0.99),
        poisoned.last().unwrap(),
    );
    // The median must not move: hostile records cost their own time, not everyone's.
    assert!(
        percentile(poisoned, 0.5) <= percentile(calm, 0.5) * 2 + Duration::from_millis(50),
        "median latency of good records moved with hostile inputs among them"
    );
    assert!(
        percentile(poisoned, 0.99) <= percentile(calm, 0.99) * 2 + Duration::from_millis(500),
        "p99 latency of good records moved with hostile inputs among them"
    );
}

#[cfg(feature = "fault-injection")]
#[tokio::test(flavor = "multi_thread")]
async fn a_panic_in_enrichment_dead_letters_that_record_only() {
    let Some(brokers) = brokers("a_panic_in_enrichment_dead_letters_that_record_only") else {
        return;
    };
    let topics = Topics::new("panic");
    create_worker_topics(&brokers, &topics, 1).await;
    let mut inputs = articles("panic-good", 30);
    for i in 0..3 {
        let id = format!("panic-{i}");
        let value = serde_json::json!({
            "id": id,
            "title": warta_core::record::FAULT_INJECTION_PANIC_TITLE,
            "body": "Jakarta - Isi yang memicu panik buatan."
        });
        inputs.insert(
            i * 10 + 5,
            Input {
                key: id,
                value: Some(value.to_string().into_bytes()),
            },
        );
    }
    produce(&brokers, &topics.input, &inputs).await;
    let group = unique("g-panic");
    let mut worker = WorkerSpec::new(&brokers, &topics, &group).spawn();
    let landed = read_back(
        &brokers,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    assert_eq!(assert_all_landed(&inputs, &landed), 0);
    for l in &landed {
        let panicked = l.id().starts_with("panic-") && !l.id().starts_with("panic-good");
        if panicked {
            assert_eq!(l.topic, topics.dead_letter);
            assert_eq!(l.headers["warta.error.class"], "panic");
            assert!(l.headers["warta.error.reason"].contains("fault injection"));
        } else {
            assert_eq!(l.topic, topics.output, "{}", l.id());
        }
    }
    worker.assert_alive();
    worker.signal("TERM");
}

#[tokio::test(flavor = "multi_thread")]
async fn sasl_scram_authenticates_and_the_secret_never_shows() {
    let Some(plain) = brokers("sasl_scram_authenticates_and_the_secret_never_shows") else {
        return;
    };
    let sasl = "127.0.0.1:9094";
    if std::net::TcpStream::connect(sasl).is_err() {
        eprintln!("SKIPPED sasl_scram_authenticates_and_the_secret_never_shows: no SASL listener on {sasl} (scripts/kafka.sh start --sasl)");
        return;
    }
    let password = std::env::var("KAFKA_SASL_PASSWORD").unwrap_or_else(|_| "warta-secret".into());
    let topics = Topics::new("sasl");
    create_worker_topics(&plain, &topics, 2).await;
    let inputs = articles("sasl", 50);
    produce(&plain, &topics.input, &inputs).await;
    let group = unique("g-sasl");

    let mut good_spec = WorkerSpec::new(sasl, &topics, &group);
    sasl_env(&mut good_spec, &password);
    let mut worker = good_spec.spawn();
    let landed = read_back(
        &plain,
        &[&topics.output, &topics.dead_letter],
        inputs.len(),
        LONG,
        SETTLE,
        false,
    );
    assert_eq!(
        assert_all_landed(&inputs, &landed),
        0,
        "{}",
        worker.log_text()
    );
    let (_, metrics) = worker.http_get("/metrics").expect("metrics");
    worker.signal("TERM");
    worker.wait_timeout(Duration::from_secs(30)).expect("stops");
    assert!(
        !worker.log_text().contains(&password),
        "the password reached the log"
    );
    assert!(
        !metrics.contains(&password),
        "the password reached /metrics"
    );

    let shown = std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("check-config")
        .env("WARTA_KAFKA__PROPERTIES__SASL_PASSWORD", &password)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.contains("\"sasl.password\" = \"********\"") && !shown.contains(&password),
        "{shown}"
    );

    // A wrong password never gets ready and never prints either password.
    let wrong = "not-the-password-4711";
    let bad_group = unique("g-sasl-bad");
    let mut bad_spec = WorkerSpec::new(sasl, &topics, &bad_group);
    sasl_env(&mut bad_spec, wrong);
    let mut bad = bad_spec.spawn();
    assert!(
        !bad.wait_for_status("/readyz", 200, Duration::from_secs(15)),
        "ready with a wrong password"
    );
    let log = bad.log_text();
    assert!(
        log.to_lowercase().contains("authentication"),
        "no authentication error logged:\n{log}"
    );
    assert!(
        !log.contains(wrong) && !log.contains(&password),
        "a password reached the log"
    );
}
