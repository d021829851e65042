//! Everything that talks to Kafka: the worker that consumes raw articles, runs the pure
//! core on a bounded pool, produces enriched records or dead letters, and commits offsets
//! only behind acknowledged output.

pub mod at_least_once;
pub mod dead_letter;
pub mod exactly_once;
#[cfg(feature = "fault-injection")]
mod fault;
pub mod kafka;
pub mod offsets;
pub mod ordered;
pub mod record;
pub mod shutdown;

use std::sync::Arc;

use rdkafka::consumer::Consumer;
use thiserror::Error;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use crate::config::{Config, Guarantee};
use crate::telemetry::health::Health;
use kafka::Shared;
use record::Processor;

/// The parts both delivery loops work with: clients, shared callback state and the
/// enrichment pool.
pub struct Pipeline {
    pub config: Arc<Config>,
    pub consumer: kafka::WartaConsumer,
    pub producer: Arc<kafka::WartaProducer>,
    pub shared: Arc<Shared>,
    pub processor: Arc<Processor>,
    pub pool: rayon::ThreadPool,
}

/// A record back from the enrichment pool, with the caller's tag.
pub struct Processed<T> {
    pub input: Arc<record::InputRecord>,
    pub tag: T,
    pub outcome: record::Outcome,
}

impl Pipeline {
    /// Runs one record through the pure core on the pool, off the consumer's task so the
    /// receive loop never does CPU work.
    pub fn process_on_pool<T: Send + 'static>(
        &self,
        input: Arc<record::InputRecord>,
        tag: T,
    ) -> oneshot::Receiver<Processed<T>> {
        let (tx, rx) = oneshot::channel();
        let processor = self.processor.clone();
        self.pool.spawn(move || {
            let outcome = record::process(&processor, &input);
            let _ = tx.send(Processed {
                input,
                tag,
                outcome,
            });
        });
        rx
    }
}

#[derive(Debug, Error)]
pub enum RuntimeError {
    #[error("cannot create Kafka client: {0}")]
    Client(#[from] rdkafka::error::KafkaError),
    #[error("{0}")]
    Fatal(String),
    #[error("cannot start enrichment pool: {0}")]
    Pool(String),
}

/// A configured worker, ready to run until shutdown or a fatal error.
pub struct Worker {
    config: Arc<Config>,
    health: Arc<Health>,
}

impl Worker {
    pub fn new(config: Config, health: Arc<Health>) -> Self {
        Worker {
            config: Arc::new(config),
            health,
        }
    }

    /// Runs until `shutdown` is cancelled (then drains, commits and returns `Ok`) or a
    /// fatal Kafka error occurs (then returns it).
    pub async fn run(self, shutdown: CancellationToken) -> Result<(), RuntimeError> {
        let config = self.config;
        let shared = Arc::new(Shared::new(&config, self.health.clone()));
        let (failures_tx, failures_rx) = mpsc::unbounded_channel();
        let transactional_id = match config.processing.guarantee {
            Guarantee::ExactlyOnce => Some(exactly_once::transactional_id(&config)),
            Guarantee::AtLeastOnce => None,
        };
        let (consumer, producer) = kafka::create_clients(
            &config,
            shared.clone(),
            failures_tx,
            transactional_id.as_deref(),
        )?;
        consumer.subscribe(&[&config.topics.input])?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.concurrency())
            .thread_name(|i| format!("warta-enrich-{i}"))
            .build()
            .map_err(|e| RuntimeError::Pool(e.to_string()))?;
        let processor = crate::processing::processor_from_config(&config);
        tracing::info!(
            brokers = %config.kafka.brokers,
            group = %config.kafka.group_id,
            input = %config.topics.input,
            output = %config.topics.output,
            dead_letter = %config.topics.dead_letter,
            guarantee = ?config.processing.guarantee,
            mode = ?config.processing.mode,
            concurrency = config.concurrency(),
            max_in_flight = config.processing.max_in_flight,
            "worker started"
        );
        let guarantee = config.processing.guarantee;
        let pipeline = Pipeline {
            config,
            consumer,
            producer,
            shared,
            processor,
            pool,
        };
        match guarantee {
            Guarantee::AtLeastOnce => {
                at_least_once::AtLeastOnce {
                    pipeline,
                    failures: failures_rx,
                }
                .run(shutdown)
                .await
            }
            Guarantee::ExactlyOnce => exactly_once::ExactlyOnce { pipeline }.run(shutdown).await,
        }
    }
}
