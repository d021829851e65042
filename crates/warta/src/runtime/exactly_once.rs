//! The exactly-once loop: each batch of input records becomes one Kafka transaction that
//! holds the output records, the dead letters and the input offsets
//! (`send_offsets_to_transaction`). A `read_committed` reader downstream then sees each
//! input's result exactly once, even across crashes: an aborted or unfinished
//! transaction is invisible, and its input is re-read from the committed offsets.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use rdkafka::consumer::Consumer;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Message, OwnedHeaders};
use rdkafka::producer::{BaseRecord, Producer};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use tokio_util::sync::CancellationToken;

use super::dead_letter;
use super::kafka::{close_consumer, offsets_tpl, Delivery, RecordKind, WartaProducer};
use super::offsets::Generation;
use super::record::{output_headers, InputRecord, Outcome};
use super::{Pipeline, RuntimeError};
use crate::config::Config;
use crate::telemetry::metrics as m;

/// The producer's transactional id. It must be stable across restarts of one replica, so
/// that a restarted worker fences its crashed predecessor and aborts its open
/// transaction at once, and unique across replicas.
pub fn transactional_id(config: &Config) -> String {
    config
        .processing
        .transactional_id
        .clone()
        .unwrap_or_else(|| {
            let host = std::env::var("HOSTNAME")
                .ok()
                .filter(|h| !h.is_empty())
                .or_else(|| {
                    std::fs::read_to_string("/etc/hostname")
                        .ok()
                        .map(|h| h.trim().to_string())
                })
                .unwrap_or_else(|| "local".into());
            format!("{}-{}", config.kafka.group_id, host)
        })
}

pub struct ExactlyOnce {
    pub pipeline: Pipeline,
}

struct Batch {
    records: Vec<(Arc<InputRecord>, Generation)>,
}

impl ExactlyOnce {
    pub async fn run(self, shutdown: CancellationToken) -> Result<(), RuntimeError> {
        let timeout = Duration::from_millis(self.pipeline.config.kafka.request_timeout_ms);
        let producer = self.pipeline.producer.clone();
        tokio::task::spawn_blocking(move || producer.init_transactions(timeout))
            .await
            .expect("init_transactions task")
            .map_err(|e| {
                RuntimeError::Fatal(format!("cannot initialise Kafka transactions: {e}"))
            })?;
        let result = loop {
            if let Some(fatal) = self.pipeline.shared.fatal.lock().unwrap().clone() {
                break Err(RuntimeError::Fatal(fatal));
            }
            let batch = self.collect(&shutdown).await;
            if batch.records.is_empty() {
                if shutdown.is_cancelled() {
                    break Ok(());
                }
                continue;
            }
            let outcomes = self.process(&batch).await;
            let producer = self.pipeline.producer.clone();
            let work = TransactionWork {
                config: self.pipeline.config.clone(),
                records: batch.records.iter().map(|(r, _)| r.clone()).collect(),
                outcomes,
                group: self.pipeline.consumer.group_metadata().ok_or_else(|| {
                    RuntimeError::Fatal("consumer has no group metadata for the transaction".into())
                })?,
            };
            let committed = tokio::task::spawn_blocking(move || work.commit(&producer, timeout))
                .await
                .expect("transaction task");
            match committed {
                Ok(n) => {
                    metrics::counter!(m::OFFSETS_COMMITTED).increment(1);
                    tracing::debug!(records = n, "transaction committed");
                }
                Err(e) if is_fatal(&e) => {
                    break Err(RuntimeError::Fatal(format!(
                        "Kafka transaction failed fatally: {e}"
                    )))
                }
                Err(e) => {
                    tracing::warn!(error = %e, "transaction aborted; re-reading its input");
                    self.abort_and_rewind(&batch, timeout).await?;
                }
            }
            if shutdown.is_cancelled() {
                break Ok(());
            }
        };
        self.pipeline.shared.health.set_stopping();
        close_consumer(self.pipeline.consumer, timeout.min(Duration::from_secs(10))).await;
        result
    }

    /// Reads up to `batch_size` records, waiting at most `batch_linger_ms` once the first
    /// one has arrived. Records of partitions revoked meanwhile are dropped.
    async fn collect(&self, shutdown: &CancellationToken) -> Batch {
        let p = &self.pipeline.config.processing;
        let mut records = Vec::new();
        let linger = tokio::time::sleep(Duration::from_millis(p.batch_linger_ms));
        tokio::pin!(linger);
        let mut idle = tokio::time::interval(Duration::from_millis(200));
        idle.tick().await;
        while records.len() < p.batch_size {
            tokio::select! {
                biased;
                _ = shutdown.cancelled() => break,
                _ = &mut linger, if !records.is_empty() => break,
                _ = idle.tick(), if records.is_empty() => {
                    if self.pipeline.shared.fatal.lock().unwrap().is_some() { break }
                }
                received = self.pipeline.consumer.recv() => match received {
                    Ok(message) => {
                        metrics::counter!(m::CONSUMED).increment(1);
                        let generation = self.pipeline.shared.tracker().current_generation(message.partition());
                        records.push((Arc::new(InputRecord::from_message(&message)), generation));
                    }
                    // The client context has logged this event (and recorded a fatal one).
                    Err(e) => tracing::debug!(error = %e, "consumer error; continuing"),
                }
            }
        }
        let tracker = self.pipeline.shared.tracker();
        records.retain(|(r, g)| tracker.is_current(r.partition, *g));
        Batch { records }
    }

    async fn process(&self, batch: &Batch) -> Vec<Outcome> {
        let receivers: Vec<_> = batch
            .records
            .iter()
            .map(|(input, _)| self.pipeline.process_on_pool(input.clone(), ()))
            .collect();
        let mut outcomes = Vec::with_capacity(receivers.len());
        for rx in receivers {
            outcomes.push(rx.await.map(|p| p.outcome).unwrap_or(Outcome::DeadLetter {
                class: "panic",
                reason: "enrichment job was lost".into(),
            }));
        }
        outcomes
    }

    async fn abort_and_rewind(&self, batch: &Batch, timeout: Duration) -> Result<(), RuntimeError> {
        let producer = self.pipeline.producer.clone();
        let aborted = tokio::task::spawn_blocking(move || producer.abort_transaction(timeout))
            .await
            .expect("abort task");
        if let Err(e) = aborted {
            if is_fatal(&e) {
                return Err(RuntimeError::Fatal(format!(
                    "cannot abort Kafka transaction: {e}"
                )));
            }
            tracing::warn!(error = %e, "abort_transaction failed");
        }
        let mut first: BTreeMap<i32, i64> = BTreeMap::new();
        for (r, _) in &batch.records {
            first
                .entry(r.partition)
                .and_modify(|o| *o = (*o).min(r.offset))
                .or_insert(r.offset);
        }
        let offsets: Vec<(i32, i64)> = first.into_iter().collect();
        let tpl = offsets_tpl(&self.pipeline.config.topics.input, &offsets);
        if let Err(e) = self.pipeline.consumer.seek_partitions(tpl, timeout) {
            return Err(RuntimeError::Fatal(format!(
                "cannot rewind input after an aborted transaction: {e}"
            )));
        }
        Ok(())
    }
}

/// The blocking part of one transaction, run off the async runtime.
struct TransactionWork {
    config: Arc<Config>,
    records: Vec<Arc<InputRecord>>,
    outcomes: Vec<Outcome>,
    group: rdkafka::consumer::ConsumerGroupMetadata,
}

impl TransactionWork {
    fn commit(self, producer: &WartaProducer, timeout: Duration) -> Result<usize, KafkaError> {
        producer.begin_transaction()?;
        let mut next: BTreeMap<i32, i64> = BTreeMap::new();
        for (input, outcome) in self.records.iter().zip(self.outcomes) {
            let e = next.entry(input.partition).or_insert(input.offset + 1);
            *e = (*e).max(input.offset + 1);
            let (topic, key, value, headers, kind) = match &outcome {
                Outcome::Output {
                    key,
                    value,
                    entities,
                    quotes,
                } => (
                    &self.config.topics.output,
                    Some(key.as_slice()),
                    Some(value.as_slice()),
                    output_headers(),
                    RecordKind::Output {
                        entities: *entities,
                        quotes: *quotes,
                    },
                ),
                Outcome::DeadLetter { class, reason } => {
                    tracing::warn!(
                        class,
                        reason,
                        partition = input.partition,
                        offset = input.offset,
                        "record dead-lettered"
                    );
                    (
                        &self.config.topics.dead_letter,
                        input.key.as_deref(),
                        input.value.as_deref(),
                        dead_letter::headers(input, class, reason),
                        RecordKind::DeadLetter { class },
                    )
                }
            };
            let mut delivery = Box::new(Delivery {
                input: input.clone(),
                generation: 0,
                kind,
                attempt: 0,
            });
            let mut headers: OwnedHeaders = headers;
            loop {
                let mut record =
                    BaseRecord::<[u8], [u8], Box<Delivery>>::with_opaque_to(topic, delivery)
                        .headers(headers);
                if let Some(k) = key {
                    record = record.key(k);
                }
                if let Some(v) = value {
                    record = record.payload(v);
                }
                match producer.send(record) {
                    Ok(()) => break,
                    Err((e, record))
                        if e.rdkafka_error_code() == Some(RDKafkaErrorCode::QueueFull) =>
                    {
                        delivery = record.delivery_opaque;
                        headers = record.headers.unwrap_or_default();
                        producer.poll(Duration::from_millis(10));
                    }
                    Err((e, _)) => return Err(e),
                }
            }
        }
        #[cfg(feature = "fault-injection")]
        super::fault::before_commit(producer, timeout)?;
        let mut tpl = TopicPartitionList::new();
        for (p, o) in &next {
            tpl.add_partition_offset(&self.config.topics.input, *p, Offset::Offset(*o))?;
        }
        producer.send_offsets_to_transaction(&tpl, &self.group, timeout)?;
        producer.commit_transaction(timeout)?;
        Ok(next.len())
    }
}

fn is_fatal(e: &KafkaError) -> bool {
    match e {
        KafkaError::Transaction(t) => t.is_fatal(),
        other => other.rdkafka_error_code() == Some(RDKafkaErrorCode::Fatal),
    }
}
