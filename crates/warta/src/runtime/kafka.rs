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
    /// Woken on each completed delivery, so a main loop that stopped taking messages at
    /// the in-flight bound (or paused there) goes on at once instead of at the next tick.
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
    /// `kafka.group_id` and `kafka.group_instance_id`, to name them when the broker
    /// fences this member.
    pub group_id: String,
    pub group_instance_id: Option<String>,
    /// One event, one log line: see [`RepeatFilter`].
    repeats: Mutex<RepeatFilter>,
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
            group_id: config.kafka.group_id.clone(),
            group_instance_id: config.group_instance_id().map(str::to_string),
            repeats: Mutex::new(RepeatFilter::default()),
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

    /// Whether a log line about `what` should be written now (see [`RepeatFilter`]).
    fn first_sighting(&self, what: String) -> bool {
        self.repeats
            .lock()
            .unwrap()
            .is_new(what, std::time::Instant::now())
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

/// librdkafka's own log lines, with the client that wrote them: the consumer and the
/// producer have broker threads of the same names, and an outage shows in both.
fn client_log(shared: &Shared, client: &str, level: RDKafkaLogLevel, fac: &str, message: &str) {
    let loud = (level as i32) <= (RDKafkaLogLevel::Warning as i32);
    if loud && !shared.first_sighting(format!("log {client} {fac} {message}")) {
        return;
    }
    match level {
        RDKafkaLogLevel::Emerg
        | RDKafkaLogLevel::Alert
        | RDKafkaLogLevel::Critical
        | RDKafkaLogLevel::Error => {
            tracing::error!(target: "librdkafka", client, facility = fac, "{message}")
        }
        RDKafkaLogLevel::Warning => {
            tracing::warn!(target: "librdkafka", client, facility = fac, "{message}")
        }
        RDKafkaLogLevel::Notice | RDKafkaLogLevel::Info => {
            tracing::info!(target: "librdkafka", client, facility = fac, "{message}")
        }
        RDKafkaLogLevel::Debug => {
            tracing::debug!(target: "librdkafka", client, facility = fac, "{message}")
        }
    }
}

/// Drops a log line that repeats one logged less than [`RepeatFilter::WINDOW`] ago,
/// with the same client, kind and text. Three sources repeat themselves: rust-rdkafka
/// 0.39 hands each producer error event to the context twice (in `Client::poll_event`
/// and again in `BaseProducer::poll`); librdkafka re-raises "all brokers down" as each
/// broker connection fails again; and queued offset commits all fail at once while the
/// coordinator is away. A second line within the window tells an operator nothing new.
#[derive(Debug, Default)]
struct RepeatFilter {
    recent: Vec<(String, std::time::Instant)>,
}

impl RepeatFilter {
    const WINDOW: Duration = Duration::from_secs(1);

    /// Whether this line is new (to be logged), at time `now`.
    fn is_new(&mut self, line: String, now: std::time::Instant) -> bool {
        self.recent
            .retain(|(_, at)| now.saturating_duration_since(*at) < Self::WINDOW);
        if self.recent.iter().any(|(seen, _)| *seen == line) {
            return false;
        }
        self.recent.push((line, now));
        true
    }
}

/// The fatal error's text, with the config key to fix when the broker refused this
/// member's `kafka.group_instance_id`.
fn fatal_message(shared: &Shared, client: &str, error: &KafkaError, reason: &str) -> String {
    let Some(id) = &shared.group_instance_id else {
        return format!("{client}: {error}: {reason}");
    };
    let group = &shared.group_id;
    match error.rdkafka_error_code() {
        Some(RDKafkaErrorCode::UnreleasedInstanceId) => format!(
            "kafka.group_instance_id `{id}` is still held by a member of group `{group}` that has not left: under group.protocol=consumer the broker releases a crashed member's id only when its session times out. Restart later, or use the classic protocol, where a restart takes the id over at once ({client}: {reason})"
        ),
        code if code == Some(RDKafkaErrorCode::FencedInstanceId)
            || reason.contains("group.instance.id") =>
        {
            format!(
                "kafka.group_instance_id `{id}` is in use by another consumer of group `{group}`: the broker fenced this one. Every replica needs its own id ({client}: {reason})"
            )
        }
        _ => format!("{client}: {error}: {reason}"),
    }
}

fn client_error(shared: &Shared, client: &str, error: KafkaError, reason: &str) {
    if !shared.first_sighting(format!("error {client} {error} {reason}")) {
        return;
    }
    match error.rdkafka_error_code() {
        Some(RDKafkaErrorCode::AllBrokersDown) => {
            shared.health.set_broker_up(false);
            tracing::warn!(client, "all brokers down: {reason}");
        }
        // librdkafka raises a fenced static member as a fatal error with the broker's
        // code rather than its generic `Fatal`.
        Some(
            RDKafkaErrorCode::Fatal
            | RDKafkaErrorCode::FencedInstanceId
            | RDKafkaErrorCode::UnreleasedInstanceId,
        ) => {
            shared.record_fatal(fatal_message(shared, client, &error, reason));
        }
        _ => tracing::warn!(client, error = %error, "Kafka client error: {reason}"),
    }
}

pub struct ConsumerCtx {
    pub shared: Arc<Shared>,
}

impl ClientContext for ConsumerCtx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, message: &str) {
        client_log(&self.shared, "consumer", level, fac, message);
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
        if consumer.assignment_lost() {
            // The session timed out (the coordinator was unreachable for longer than
            // session.timeout.ms): the partitions may have a new owner already, and a
            // commit would be refused. Flushing the producer here would also block this
            // callback, and with it every consumer event, until the broker is back.
            self.shared
                .tracker
                .lock()
                .unwrap()
                .revoke(partitions.iter().copied());
            tracing::warn!(?partitions, "partitions lost: the group session timed out; records after their last commit will be processed again");
            return;
        }
        if self.shared.guarantee == Guarantee::AtLeastOnce {
            // Let every record already handed to the producer land, so its offset can be
            // committed now rather than reprocessed by the partition's next owner.
            if let Some(producer) = self.shared.producer.get() {
                if let Err(e) = producer.flush(self.shared.drain_timeout) {
                    tracing::warn!(error = %e, "producer flush during revoke did not finish; unfinished records will be reprocessed");
                }
            }
        }
        for p in &partitions {
            // The next owner reports this partition's lag; a stale figure here would
            // count it twice on a dashboard.
            metrics::gauge!(m::CONSUMER_LAG, "topic" => self.shared.input_topic.clone(), "partition" => p.to_string()).set(0.0);
        }
        let positions = self
            .shared
            .tracker
            .lock()
            .unwrap()
            .revoke(partitions.iter().copied());
        match self.shared.guarantee {
            Guarantee::ExactlyOnce => tracing::info!(
                ?partitions,
                "partitions revoked; their offsets were committed with each transaction"
            ),
            Guarantee::AtLeastOnce if positions.is_empty() => tracing::info!(
                ?partitions,
                "partitions revoked; nothing was consumed from them since they were assigned"
            ),
            Guarantee::AtLeastOnce => {
                // Every position is committed again here, also one already stored: the
                // log line then states what the broker holds, not what changed.
                let tpl = offsets_tpl(&self.shared.input_topic, &positions);
                store_offsets(consumer, &tpl);
                match consumer.commit(&tpl, CommitMode::Sync) {
                    Ok(()) => {
                        metrics::counter!(m::OFFSETS_COMMITTED).increment(1);
                        tracing::info!(?partitions, committed = ?positions, "partitions revoked");
                    }
                    Err(e) => {
                        log_commit_error(&self.shared, &e);
                        tracing::warn!(?partitions, not_committed = ?positions, error = %e, "partitions revoked; their last offsets were not committed, so the next owner reprocesses records after the previous commit");
                    }
                }
            }
        }
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
                // A partition paused by the in-flight bound before it was revoked can come
                // back still paused; the main loop pauses it again if it is still full.
                if let Err(e) = consumer.resume(tpl) {
                    tracing::debug!(error = %e, "resume of newly assigned partitions");
                }
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
            Err(e) => log_commit_error(&self.shared, &e),
        }
    }
}

/// `NoOffset` (nothing stored since the last commit) and `__STATE` (partition no longer
/// assigned) are expected around rebalances; only other failures deserve a warning.
pub fn log_commit_error(shared: &Shared, e: &KafkaError) {
    match e.rdkafka_error_code() {
        Some(RDKafkaErrorCode::NoOffset) | Some(RDKafkaErrorCode::State) => {
            tracing::debug!(error = %e, "benign commit result")
        }
        // A fenced member stops with a fatal error that says why; no retry follows.
        Some(RDKafkaErrorCode::FencedInstanceId) => {
            tracing::debug!(error = %e, "commit refused: this member was fenced")
        }
        _ if shared.first_sighting(format!("commit {e}")) => {
            tracing::warn!(error = %e, "offset commit failed; it is retried with the next commit")
        }
        _ => tracing::debug!(error = %e, "offset commit failed again"),
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
        client_log(&self.shared, "producer", level, fac, message);
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
            | C::FencedInstanceId
            | C::UnreleasedInstanceId
            | C::InvalidRecord,
        ) => FailureClass::Fatal,
        // A consumer error librdkafka marks fatal (a fenced static member, say) ends the
        // consumer; retrying it would spin.
        _ if matches!(error, KafkaError::MessageConsumptionFatal(_)) => FailureClass::Fatal,
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
    let consumer_protocol = config.consumer_protocol();
    for (k, v) in &config.kafka.consumer_properties {
        // Validation has made sure these are the shipped defaults, meant for the classic
        // protocol only.
        if consumer_protocol && crate::config::CLASSIC_PROTOCOL_ONLY.contains(&k.as_str()) {
            continue;
        }
        c.set(k, v);
    }
    c.set("group.id", &config.kafka.group_id)
        .set("enable.partition.eof", "false")
        .set("enable.auto.offset.store", "false")
        .set("isolation.level", "read_committed");
    if let Some(id) = config.group_instance_id() {
        c.set("group.instance.id", id);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_repeated_within_a_second_is_logged_once() {
        let mut filter = RepeatFilter::default();
        let t0 = std::time::Instant::now();
        let ms = Duration::from_millis;
        let down = || "producer all brokers down 1/1".to_string();
        assert!(filter.is_new(down(), t0));
        // rust-rdkafka's second hand-over of the same event.
        assert!(!filter.is_new(down(), t0 + Duration::from_micros(40)));
        // Another event in between does not make the first one news again.
        assert!(filter.is_new("producer connection refused".into(), t0 + ms(1)));
        assert!(!filter.is_new(down(), t0 + ms(2)));
        // The same text from the other client is another event.
        assert!(filter.is_new("consumer all brokers down 1/1".into(), t0 + ms(3)));
        // A second after it was logged, it is logged again, and older lines are forgotten.
        assert!(filter.is_new(down(), t0 + ms(1004)));
        assert_eq!(filter.recent.len(), 1);
    }

    fn shared(env: &[(&str, &str)]) -> Shared {
        let config = Config::load_with_env(
            None,
            env.iter().map(|(k, v)| (k.to_string(), v.to_string())),
        )
        .unwrap();
        Shared::new(&config, Arc::new(Health::default()))
    }

    #[test]
    fn a_fenced_static_member_is_told_which_key_to_fix() {
        let reason = "OffsetCommit failed: Broker: Static consumer fenced by other consumer with same group.instance.id";
        let error = KafkaError::Global(RDKafkaErrorCode::FencedInstanceId);
        let with_id = shared(&[("WARTA_KAFKA__GROUP_INSTANCE_ID", "warta-1")]);
        let message = fatal_message(&with_id, "consumer", &error, reason);
        assert!(
            message.starts_with(
                "kafka.group_instance_id `warta-1` is in use by another consumer of group `warta`"
            ),
            "{message}"
        );
        // Other fatal errors keep librdkafka's words.
        let other = fatal_message(
            &with_id,
            "producer",
            &KafkaError::Global(RDKafkaErrorCode::Fatal),
            "Fatal idempotent producer error: out of sequence",
        );
        assert!(!other.contains("group_instance_id"), "{other}");
    }

    #[test]
    fn fatal_consumer_errors_are_not_retried() {
        assert_eq!(
            classify(&KafkaError::MessageConsumptionFatal(
                RDKafkaErrorCode::FencedInstanceId
            )),
            FailureClass::Fatal
        );
        assert_eq!(
            classify(&KafkaError::MessageConsumption(
                RDKafkaErrorCode::AllBrokersDown
            )),
            FailureClass::Retriable
        );
    }
}
