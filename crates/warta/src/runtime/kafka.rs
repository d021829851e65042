//! Kafka clients and their callbacks.
//!
//! The producer's delivery callback, not the main loop, marks records done in the offset
//! tracker. That matters during a rebalance: the revoke callback runs inside the
//! consumer's poll, while the main loop is parked there, so it flushes the producer, lets
//! the delivery callbacks settle the tracker, and commits what is done before the
//! partitions move to another worker.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use rdkafka::client::ClientContext;
use rdkafka::config::{ClientConfig, RDKafkaLogLevel};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::OwnedMessage;
use rdkafka::producer::{DeliveryResult, Producer, ProducerContext, ThreadedProducer};
use rdkafka::statistics::Statistics;
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use tokio::sync::{mpsc, Notify};

use super::offsets::{Generation, OffsetTracker};
use super::record::InputRecord;
use crate::config::{Config, Guarantee};
use crate::telemetry::health::Health;
use crate::telemetry::metrics as m;

pub type WartaProducer = ThreadedProducer<ProducerCtx>;
pub type WartaConsumer = rdkafka::consumer::StreamConsumer<ConsumerCtx>;

/// What a produced record is, carried through librdkafka as the delivery opaque.
#[derive(Debug)]
pub struct Delivery {
    pub input: Arc<InputRecord>,
    pub generation: Generation,
    pub kind: RecordKind,
    pub attempt: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Output { entities: usize, quotes: usize },
    DeadLetter { class: &'static str },
}

/// A delivery that failed, handed to the main loop to retry, reroute or give up.
#[derive(Debug)]
pub struct FailedDelivery {
    pub delivery: Box<Delivery>,
    pub error: KafkaError,
    pub message: OwnedMessage,
}

/// State shared between the main loop and the Kafka callbacks.
pub struct Shared {
    pub tracker: Mutex<OffsetTracker>,
    pub health: Arc<Health>,
    /// Woken on each completed delivery, so a main loop that paused at the in-flight
    /// bound resumes at once instead of at the next tick.
    pub capacity: Notify,
    /// The first fatal client error, which ends the worker.
    pub fatal: Mutex<Option<String>>,
    pub fatal_notify: Notify,
    pub input_topic: String,
    pub guarantee: Guarantee,
    pub drain_timeout: Duration,
    /// Set once the producer exists; the revoke callback flushes it.
    pub producer: OnceLock<Arc<WartaProducer>>,
    /// Sum of consumer lag over assigned partitions, from the last statistics.
    pub lag: AtomicI64,
}

impl Shared {
    pub fn new(config: &Config, health: Arc<Health>) -> Self {
        Shared {
            tracker: Mutex::new(OffsetTracker::new()),
            health,
            capacity: Notify::new(),
            fatal: Mutex::new(None),
            fatal_notify: Notify::new(),
            input_topic: config.topics.input.clone(),
            guarantee: config.processing.guarantee,
            drain_timeout: config.shutdown_grace().min(Duration::from_secs(30)),
            producer: OnceLock::new(),
            lag: AtomicI64::new(0),
        }
    }

    /// The offset tracker. Never held across an await or a Kafka call: delivery callbacks
    /// on librdkafka's threads take the same lock.
    pub fn tracker(&self) -> std::sync::MutexGuard<'_, OffsetTracker> {
        self.tracker.lock().unwrap()
    }

    pub fn lag_total(&self) -> i64 {
        self.lag.load(Ordering::Relaxed)
    }

    fn record_fatal(&self, what: String) {
        let mut slot = self.fatal.lock().unwrap();
        if slot.is_none() {
            tracing::error!(error = %what, "fatal Kafka error");
            *slot = Some(what);
        }
        drop(slot);
        self.fatal_notify.notify_one();
    }
}

fn client_log(level: RDKafkaLogLevel, fac: &str, message: &str) {
    match level {
        RDKafkaLogLevel::Emerg
        | RDKafkaLogLevel::Alert
        | RDKafkaLogLevel::Critical
        | RDKafkaLogLevel::Error => {
            tracing::error!(target: "librdkafka", facility = fac, "{message}")
        }
        RDKafkaLogLevel::Warning => {
            tracing::warn!(target: "librdkafka", facility = fac, "{message}")
        }
        RDKafkaLogLevel::Notice | RDKafkaLogLevel::Info => {
            tracing::info!(target: "librdkafka", facility = fac, "{message}")
        }
        RDKafkaLogLevel::Debug => {
            tracing::debug!(target: "librdkafka", facility = fac, "{message}")
        }
    }
}

fn client_error(shared: &Shared, client: &str, error: KafkaError, reason: &str) {
    match error.rdkafka_error_code() {
        Some(RDKafkaErrorCode::AllBrokersDown) => {
            shared.health.set_broker_up(false);
            tracing::warn!(client, "all brokers down: {reason}");
        }
        Some(RDKafkaErrorCode::Fatal) => {
            shared.record_fatal(format!("{client}: {error}: {reason}"));
        }
        _ => tracing::warn!(client, error = %error, "Kafka client error: {reason}"),
    }
}

pub struct ConsumerCtx {
    pub shared: Arc<Shared>,
}

impl ClientContext for ConsumerCtx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, message: &str) {
        client_log(level, fac, message);
    }

    fn error(&self, error: KafkaError, reason: &str) {
        client_error(&self.shared, "consumer", error, reason);
    }

    fn stats(&self, stats: Statistics) {
        let up = stats.brokers.values().any(|b| b.state == "UP");
        self.shared.health.set_broker_up(up);
        let mut total = 0;
        if let Some(topic) = stats.topics.get(&self.shared.input_topic) {
            for (id, p) in &topic.partitions {
                // -1 is librdkafka's internal "unassigned" partition; lag -1 means unknown.
                if *id >= 0 && p.desired && p.consumer_lag >= 0 {
                    total += p.consumer_lag;
                    metrics::gauge!(m::CONSUMER_LAG, "topic" => topic.topic.clone(), "partition" => id.to_string())
                        .set(p.consumer_lag as f64);
                }
            }
        }
        self.shared.lag.store(total, Ordering::Relaxed);
    }
}

impl ConsumerContext for ConsumerCtx {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Rebalance::Revoke(tpl) = rebalance else {
            return;
        };
        metrics::counter!(m::REBALANCES, "kind" => "revoke").increment(1);
        let partitions: Vec<i32> = tpl
            .elements_for_topic(&self.shared.input_topic)
            .iter()
            .map(|e| e.partition())
            .collect();
        if self.shared.guarantee == Guarantee::AtLeastOnce {
            // Let every record already handed to the producer land, so its offset can be
            // committed now rather than reprocessed by the partition's next owner.
            if let Some(producer) = self.shared.producer.get() {
                if let Err(e) = producer.flush(self.shared.drain_timeout) {
                    tracing::warn!(error = %e, "producer flush during revoke did not finish; unfinished records will be reprocessed");
                }
            }
        }
        let safe = self
            .shared
            .tracker
            .lock()
            .unwrap()
            .revoke(partitions.iter().copied());
        if self.shared.guarantee == Guarantee::AtLeastOnce && !safe.is_empty() {
            let tpl = offsets_tpl(&self.shared.input_topic, &safe);
            store_offsets(consumer, &tpl);
            match consumer.commit(&tpl, CommitMode::Sync) {
                Ok(()) => metrics::counter!(m::OFFSETS_COMMITTED).increment(1),
                Err(e) => log_commit_error(&e),
            }
        }
        tracing::info!(?partitions, committed = ?safe, "partitions revoked");
    }

    fn post_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        match rebalance {
            Rebalance::Assign(tpl) => {
                metrics::counter!(m::REBALANCES, "kind" => "assign").increment(1);
                let partitions: Vec<i32> = tpl
                    .elements_for_topic(&self.shared.input_topic)
                    .iter()
                    .map(|e| e.partition())
                    .collect();
                self.shared
                    .tracker
                    .lock()
                    .unwrap()
                    .assign(partitions.iter().copied());
                self.shared.health.set_assigned(true);
                tracing::info!(?partitions, "partitions assigned");
            }
            Rebalance::Revoke(_) => {
                // With cooperative-sticky only the revoked subset moved; the worker stays
                // ready with what it keeps. An empty assignment is still a valid member.
                let remaining = consumer.assignment().map(|a| a.count()).unwrap_or(0);
                tracing::debug!(remaining, "revoke finished");
            }
            Rebalance::Error(e) => tracing::warn!(error = %e, "rebalance error"),
        }
    }

    fn commit_callback(
        &self,
        result: rdkafka::error::KafkaResult<()>,
        offsets: &TopicPartitionList,
    ) {
        match result {
            Ok(()) => {
                metrics::counter!(m::OFFSETS_COMMITTED).increment(1);
                tracing::trace!(offsets = ?offsets.to_topic_map(), "offsets committed");
            }
            Err(e) => log_commit_error(&e),
        }
    }
}

/// `NoOffset` (nothing stored since the last commit) and `__STATE` (partition no longer
/// assigned) are expected around rebalances; only other failures deserve a warning.
pub fn log_commit_error(e: &KafkaError) {
    match e.rdkafka_error_code() {
        Some(RDKafkaErrorCode::NoOffset) | Some(RDKafkaErrorCode::State) => {
            tracing::debug!(error = %e, "benign commit result")
        }
        _ => tracing::warn!(error = %e, "offset commit failed; it is retried with the next commit"),
    }
}

pub fn store_offsets<C: ConsumerContext>(consumer: &impl Consumer<C>, tpl: &TopicPartitionList) {
    if let Err(e) = consumer.store_offsets(tpl) {
        match e.rdkafka_error_code() {
            Some(RDKafkaErrorCode::State) | Some(RDKafkaErrorCode::UnknownPartition) => {
                tracing::debug!(error = %e, "offset store for a partition no longer assigned")
            }
            _ => tracing::warn!(error = %e, "storing offsets failed"),
        }
    }
}

pub fn offsets_tpl(topic: &str, offsets: &[(i32, i64)]) -> TopicPartitionList {
    let mut tpl = TopicPartitionList::new();
    for &(p, o) in offsets {
        tpl.add_partition_offset(topic, p, Offset::Offset(o))
            .expect("offset is valid");
    }
    tpl
}

pub struct ProducerCtx {
    pub shared: Arc<Shared>,
    pub failures: mpsc::UnboundedSender<FailedDelivery>,
}

impl ClientContext for ProducerCtx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, message: &str) {
        client_log(level, fac, message);
    }

    fn error(&self, error: KafkaError, reason: &str) {
        client_error(&self.shared, "producer", error, reason);
    }
}

impl ProducerContext for ProducerCtx {
    type DeliveryOpaque = Box<Delivery>;

    fn delivery(&self, result: &DeliveryResult<'_>, delivery: Box<Delivery>) {
        match result {
            Ok(_) => {
                match delivery.kind {
                    RecordKind::Output { entities, quotes } => {
                        metrics::counter!(m::PRODUCED).increment(1);
                        metrics::counter!(m::ENTITIES).increment(entities as u64);
                        metrics::counter!(m::QUOTES).increment(quotes as u64);
                    }
                    RecordKind::DeadLetter { class } => {
                        metrics::counter!(m::DEAD_LETTERED, "class" => class).increment(1);
                    }
                }
                if self.shared.guarantee == Guarantee::AtLeastOnce {
                    let input = &delivery.input;
                    self.shared.tracker().complete(
                        input.partition,
                        input.offset,
                        delivery.generation,
                    );
                    self.shared.capacity.notify_one();
                }
            }
            Err((error, _)) if self.shared.guarantee == Guarantee::ExactlyOnce => {
                // The transaction's commit fails too, and the whole batch is redone.
                tracing::debug!(error = %error, "delivery failed inside a transaction");
            }
            Err((error, message)) => {
                let failed = FailedDelivery {
                    delivery,
                    error: error.clone(),
                    message: message.detach(),
                };
                if let Err(lost) = self.failures.send(failed) {
                    // The main loop is gone (shutdown). The record's offset stays
                    // uncommitted, so it is reprocessed after restart: not lost.
                    tracing::warn!(
                        offset = lost.0.delivery.input.offset,
                        "delivery failed after shutdown; it will be reprocessed"
                    );
                }
            }
        }
    }
}

/// How a produce failure must be handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureClass {
    /// The record can never fit the topic: dead-letter it (if it was an output record).
    TooLarge,
    /// Configuration or permissions are wrong: stop with a clear message.
    Fatal,
    /// Anything else: back off and send again.
    Retriable,
}

/// Classification after Vector's Kafka sink: size and authorization/unknown-topic errors
/// will not heal by retrying; everything else may.
pub fn classify(error: &KafkaError) -> FailureClass {
    use RDKafkaErrorCode as C;
    match error.rdkafka_error_code() {
        Some(C::MessageSizeTooLarge) => FailureClass::TooLarge,
        Some(
            C::TopicAuthorizationFailed
            | C::ClusterAuthorizationFailed
            | C::UnknownTopicOrPartition
            | C::UnknownTopic
            | C::UnknownPartition
            | C::Fatal
            | C::InvalidRecord,
        ) => FailureClass::Fatal,
        _ => FailureClass::Retriable,
    }
}

/// Properties common to both clients: user pass-through first, then what warta owns.
fn base_config(config: &Config) -> ClientConfig {
    let mut c = ClientConfig::new();
    for (k, v) in &config.kafka.properties {
        c.set(k, v);
    }
    c.set("bootstrap.servers", &config.kafka.brokers)
        .set("client.id", &config.kafka.client_id);
    c.set_log_level(RDKafkaLogLevel::Warning);
    c
}

pub fn consumer_config(config: &Config) -> ClientConfig {
    let mut c = base_config(config);
    c.set("statistics.interval.ms", "1000");
    for (k, v) in &config.kafka.consumer_properties {
        c.set(k, v);
    }
    c.set("group.id", &config.kafka.group_id)
        .set("enable.partition.eof", "false")
        .set("enable.auto.offset.store", "false")
        .set("isolation.level", "read_committed");
    match config.processing.guarantee {
        Guarantee::AtLeastOnce => c.set("enable.auto.commit", "true").set(
            "auto.commit.interval.ms",
            config.processing.commit_interval_ms.to_string(),
        ),
        Guarantee::ExactlyOnce => c.set("enable.auto.commit", "false"),
    };
    c
}

pub fn producer_config(config: &Config, transactional_id: Option<&str>) -> ClientConfig {
    let mut c = base_config(config);
    for (k, v) in &config.kafka.producer_properties {
        c.set(k, v);
    }
    c.set("enable.idempotence", "true");
    if let Some(id) = transactional_id {
        // librdkafka refuses message.timeout.ms > transaction.timeout.ms. The transaction
        // timeout is also how long a crashed replica that never comes back (a different
        // transactional id) can hold back read_committed readers.
        let message_timeout = c
            .get("message.timeout.ms")
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(300_000);
        c.set("transactional.id", id).set(
            "transaction.timeout.ms",
            message_timeout.max(60_000).to_string(),
        );
    }
    c
}

/// Creates the consumer and producer around one shared state.
pub fn create_clients(
    config: &Config,
    shared: Arc<Shared>,
    failures: mpsc::UnboundedSender<FailedDelivery>,
    transactional_id: Option<&str>,
) -> Result<(WartaConsumer, Arc<WartaProducer>), KafkaError> {
    let producer: WartaProducer =
        producer_config(config, transactional_id).create_with_context(ProducerCtx {
            shared: shared.clone(),
            failures,
        })?;
    let producer = Arc::new(producer);
    let _ = shared.producer.set(producer.clone());
    let consumer: WartaConsumer =
        consumer_config(config).create_with_context(ConsumerCtx { shared })?;
    Ok((consumer, producer))
}

/// Leaves the group under a deadline. Dropping a consumer blocks until the broker
/// answers, up to `session.timeout.ms` when it is unreachable, so the drop runs off the
/// async runtime and the process exits anyway once the deadline passes.
pub async fn close_consumer(consumer: WartaConsumer, deadline: Duration) {
    use rdkafka::consumer::Consumer as _;
    let closing = tokio::task::spawn_blocking(move || {
        consumer.unsubscribe();
        drop(consumer);
    });
    if tokio::time::timeout(deadline, closing).await.is_err() {
        tracing::warn!("consumer did not close within {deadline:?}; exiting anyway");
    }
}
