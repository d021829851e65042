//! `warta demo`: the real worker against an in-process Kafka-protocol broker (librdkafka's
//! mock cluster), fed with a few bundled sample articles and one broken record, so a
//! fresh machine shows the whole flow without any Kafka installed.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::message::{Headers, Message};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::ClientConfig;
use tokio_util::sync::CancellationToken;

use super::CommandError;
use crate::config::Config;
use crate::runtime::Worker;
use crate::telemetry::health::Health;

/// Sample articles written for this demo (fictional events, scraper-style debris).
pub const SAMPLE_ARTICLES: &str = include_str!("../../../../data/samples/demo-articles.jsonl");

/// A record the worker must dead-letter: the value is not JSON.
const BROKEN_RECORD: &[u8] = b"{\"judul\": \"truncated";

pub async fn demo(mut config: Config, out: &mut dyn Write) -> Result<(), CommandError> {
    let runtime_error =
        |what: &str, e: &dyn std::fmt::Display| CommandError::Runtime(format!("{what}: {e}"));
    let cluster = MockCluster::new(1)
        .map_err(|e| runtime_error("cannot start the mock Kafka cluster", &e))?;
    for topic in [
        &config.topics.input,
        &config.topics.output,
        &config.topics.dead_letter,
    ] {
        cluster
            .create_topic(topic, 3, 1)
            .map_err(|e| runtime_error("cannot create demo topic", &e))?;
    }
    config.kafka.brokers = cluster.bootstrap_servers();
    config.kafka.group_id = "warta-demo".into();

    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", &config.kafka.brokers)
        .create()
        .map_err(|e| runtime_error("cannot create demo producer", &e))?;
    let samples: Vec<&str> = SAMPLE_ARTICLES
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    for value in samples.iter().map(|s| s.as_bytes()).chain([BROKEN_RECORD]) {
        producer
            .send(
                FutureRecord::<[u8], [u8]>::to(&config.topics.input).payload(value),
                Duration::from_secs(10),
            )
            .await
            .map_err(|(e, _)| runtime_error("cannot publish sample article", &e))?;
    }
    writeln!(
        out,
        "# published {} sample articles and 1 broken record to `{}`",
        samples.len(),
        config.topics.input
    )
    .ok();

    let reader: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", &config.kafka.brokers)
        .set("group.id", "warta-demo-reader")
        .set("auto.offset.reset", "earliest")
        .create()
        .map_err(|e| runtime_error("cannot create demo reader", &e))?;
    reader
        .subscribe(&[&config.topics.output, &config.topics.dead_letter])
        .map_err(|e| runtime_error("cannot subscribe demo reader", &e))?;

    let stop = CancellationToken::new();
    let worker =
        tokio::spawn(Worker::new(config.clone(), Arc::new(Health::default())).run(stop.clone()));

    let expected = samples.len() + 1;
    let mut seen = 0;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while seen < expected {
        let message = tokio::select! {
            m = reader.recv() => m.map_err(|e| runtime_error("demo reader failed", &e))?,
            _ = tokio::time::sleep_until(deadline) => {
                stop.cancel();
                return Err(CommandError::Runtime(format!("demo timed out: {seen} of {expected} records came back")));
            }
        };
        seen += 1;
        if message.topic() == config.topics.output {
            let value: serde_json::Value =
                serde_json::from_slice(message.payload().unwrap_or_default())
                    .map_err(|e| runtime_error("output is not JSON", &e))?;
            writeln!(out, "# enriched record from `{}`:", message.topic()).ok();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            )
            .ok();
        } else {
            writeln!(
                out,
                "# dead letter on `{}` (value kept unchanged), headers:",
                message.topic()
            )
            .ok();
            if let Some(headers) = message.headers() {
                for h in headers.iter() {
                    writeln!(
                        out,
                        "#   {} = {}",
                        h.key,
                        String::from_utf8_lossy(h.value.unwrap_or_default())
                    )
                    .ok();
                }
            }
        }
    }
    stop.cancel();
    worker
        .await
        .map_err(|e| runtime_error("worker task failed", &e))?
        .map_err(CommandError::from)?;
    writeln!(out, "# done: {seen} records").ok();
    Ok(())
}
