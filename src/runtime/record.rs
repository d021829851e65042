//! One input record's trip through the pure core: decode, enrich, encode. This runs on
//! the enrichment pool, never on the consumer's task, and turns every failure, a panic
//! included, into a dead-letter outcome instead of an error that could stop the worker.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Instant;

use rdkafka::message::{BorrowedMessage, Message, OwnedHeaders};

use crate::article::{DecodeLimits, FieldMapping, RawArticle};
use crate::config::{Config, Mode};
use crate::enrich::{self, Resources};
use crate::output::{Provenance, CONTENT_TYPE, SCHEMA_VERSION};

/// Header names on output records.
pub const HEADER_SCHEMA_VERSION: &str = "warta.schema.version";
pub const HEADER_CONTENT_TYPE: &str = "content-type";

/// A consumed message, detached from the consumer so it can cross threads.
#[derive(Debug)]
pub struct InputRecord {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Option<OwnedHeaders>,
}

impl InputRecord {
    pub fn from_message(m: &BorrowedMessage<'_>) -> Self {
        InputRecord {
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
            key: m.key().map(<[u8]>::to_vec),
            value: m.payload().map(<[u8]>::to_vec),
            headers: m.headers().map(|h| h.detach()),
        }
    }
}

/// What to produce for one input record.
#[derive(Debug)]
pub enum Outcome {
    Output {
        key: Vec<u8>,
        value: Vec<u8>,
        entities: usize,
        quotes: usize,
    },
    DeadLetter {
        class: &'static str,
        reason: String,
    },
}

/// Where a value came from, for the output's provenance.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin<'a> {
    pub topic: Option<&'a str>,
    pub partition: Option<i32>,
    pub offset: Option<i64>,
}

/// Everything a job needs, shared by all jobs.
#[derive(Debug)]
pub struct Processor {
    pub mode: Mode,
    pub mapping: FieldMapping,
    pub decode_limits: DecodeLimits,
    pub max_output_bytes: usize,
    pub resources: Resources,
}

impl Processor {
    pub fn from_config(config: &Config) -> Arc<Self> {
        Arc::new(Processor {
            mode: config.processing.mode,
            mapping: config.mapping().clone(),
            decode_limits: config.decode_limits(),
            max_output_bytes: config.limits.max_output_bytes,
            resources: Resources::new(config.enrich_limits())
                .with_debug_removed(config.processing.debug_removed),
        })
    }

    /// Processes one consumed record; never panics (a panic becomes a dead letter).
    pub fn process(&self, input: &InputRecord) -> Outcome {
        let origin = Origin {
            topic: Some(&input.topic),
            partition: Some(input.partition),
            offset: Some(input.offset),
        };
        self.process_value(input.key.as_deref(), input.value.as_deref(), origin)
    }

    /// Processes one message value from anywhere (Kafka, a JSONL line).
    pub fn process_value(
        &self,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        origin: Origin<'_>,
    ) -> Outcome {
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            self.process_inner(key, value, origin, started)
        }))
        .unwrap_or_else(|panic| Outcome::DeadLetter {
            class: "panic",
            reason: format!("enrichment panicked: {}", panic_message(&panic)),
        });
        metrics::histogram!(crate::telemetry::metrics::PROCESSING_SECONDS)
            .record(started.elapsed().as_secs_f64());
        outcome
    }

    fn process_inner(
        &self,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        origin: Origin<'_>,
        started: Instant,
    ) -> Outcome {
        let value = value.unwrap_or_default();
        if self.mode == Mode::Passthrough {
            return Outcome::Output {
                key: key.unwrap_or_default().to_vec(),
                value: value.to_vec(),
                entities: 0,
                quotes: 0,
            };
        }
        let article = match RawArticle::decode(value, &self.mapping, &self.decode_limits) {
            Ok(a) => a,
            Err(e) => {
                return Outcome::DeadLetter {
                    class: e.class(),
                    reason: e.to_string(),
                }
            }
        };
        #[cfg(feature = "fault-injection")]
        if article.title.as_deref() == Some(FAULT_INJECTION_PANIC_TITLE) {
            panic!("fault injection: panic requested by the record's title");
        }
        let provenance = Provenance {
            topic: origin.topic.map(str::to_string),
            partition: origin.partition,
            offset: origin.offset,
            worker_version: env!("CARGO_PKG_VERSION").to_string(),
            processed_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            processing_time_us: 0,
        };
        let mut enriched = match enrich::enrich(&article, &self.resources, provenance) {
            Ok(e) => e,
            Err(e) => {
                return Outcome::DeadLetter {
                    class: e.class(),
                    reason: e.to_string(),
                }
            }
        };
        enriched.provenance.processing_time_us = started.elapsed().as_micros() as u64;
        let value = serde_json::to_vec(&enriched).expect("Enriched always serializes");
        if value.len() > self.max_output_bytes {
            return Outcome::DeadLetter {
                class: "output_too_large",
                reason: format!(
                    "enriched record is {} bytes, over limits.max_output_bytes = {}",
                    value.len(),
                    self.max_output_bytes
                ),
            };
        }
        Outcome::Output {
            key: enriched.id.clone().into_bytes(),
            value,
            entities: enriched.entities.len(),
            quotes: enriched.quotes.len(),
        }
    }
}

/// Title that makes enrichment panic, in builds with the `fault-injection` feature only.
#[cfg(feature = "fault-injection")]
pub const FAULT_INJECTION_PANIC_TITLE: &str = "__warta_fault_injection_panic__";

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".into())
}

/// Headers of an output record.
pub fn output_headers() -> OwnedHeaders {
    OwnedHeaders::new()
        .insert(rdkafka::message::Header {
            key: HEADER_SCHEMA_VERSION,
            value: Some(SCHEMA_VERSION.to_string().as_bytes()),
        })
        .insert(rdkafka::message::Header {
            key: HEADER_CONTENT_TYPE,
            value: Some(CONTENT_TYPE.as_bytes()),
        })
}
