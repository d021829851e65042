//! The bench input: article templates from the shared files, the input topic and the
//! preload that fills it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::ClientConfig;

use super::super::CommandError;
use super::err;

/// A raw article as the default field mapping reads it, from either shared format.
pub(super) fn templates(dir: &Path) -> Result<Vec<serde_json::Value>, CommandError> {
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

pub(super) fn article(
    templates: &[serde_json::Value],
    prefix: &str,
    i: usize,
) -> (String, Vec<u8>) {
    let mut v = templates[i % templates.len()].clone();
    let id = format!("{prefix}-{i}");
    v["id"] = serde_json::Value::String(id.clone());
    (id, serde_json::to_vec(&v).expect("JSON value serializes"))
}

pub(super) async fn create_topic(
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

pub(super) fn producer(brokers: &str, linger_ms: &str) -> Result<FutureProducer, CommandError> {
    ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", linger_ms)
        .set("message.max.bytes", "16000000")
        .set("queue.buffering.max.kbytes", "1048576")
        .create()
        .map_err(err("producer"))
}

/// Produces `n` articles as fast as the broker takes them; returns the input bytes.
pub(super) async fn preload(
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
