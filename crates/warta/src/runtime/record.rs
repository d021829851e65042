//! One consumed record's trip through the core, on the enrichment pool: the core's
//! [`Processor`] with the wall clock and the processing-time metric. Decoding, encoding,
//! the size limit and panic catching are the core's (`warta_core::record`).

use std::sync::Arc;
use std::time::Instant;

use rdkafka::message::{BorrowedMessage, Message, OwnedHeaders};

use crate::config::Config;
use warta_core::output::{CONTENT_TYPE, SCHEMA_VERSION};
pub use warta_core::record::{Clock, Mode, Origin, Outcome, Processor};
use warta_core::Resources;

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

/// The wall clock, read at the start of each record.
pub struct WallClock {
    started: Instant,
}

impl WallClock {
    pub fn start() -> WallClock {
        WallClock {
            started: Instant::now(),
        }
    }
}

impl Clock for WallClock {
    fn processed_at(&self) -> String {
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }
    fn elapsed_us(&self) -> u64 {
        self.started.elapsed().as_micros() as u64
    }
}

/// The core's processor with the configured mode, mapping and limits.
pub fn processor_from_config(config: &Config) -> Arc<Processor> {
    Arc::new(Processor {
        mode: config.processing.mode,
        mapping: config.mapping().clone(),
        decode_limits: config.decode_limits(),
        max_output_bytes: config.limits.max_output_bytes,
        resources: Resources::new(config.enrich_limits())
            .with_debug_removed(config.processing.debug_removed),
        worker_version: env!("CARGO_PKG_VERSION").to_string(),
    })
}

/// Processes one value with the wall clock, and records how long it took.
pub fn process_value(
    processor: &Processor,
    key: Option<&[u8]>,
    value: Option<&[u8]>,
    origin: Origin<'_>,
) -> Outcome {
    let clock = WallClock::start();
    let outcome = processor.process_value(key, value, origin, &clock);
    metrics::histogram!(crate::telemetry::metrics::PROCESSING_SECONDS)
        .record(clock.started.elapsed().as_secs_f64());
    outcome
}

/// Processes one consumed record; never panics (a panic becomes a dead letter).
pub fn process(processor: &Processor, input: &InputRecord) -> Outcome {
    let origin = Origin {
        topic: Some(&input.topic),
        partition: Some(input.partition),
        offset: Some(input.offset),
    };
    process_value(
        processor,
        input.key.as_deref(),
        input.value.as_deref(),
        origin,
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The core's `Processor::default()` (benches, fuzz targets) must be the worker's
    /// default configuration, or they would measure and fuzz something else.
    #[test]
    fn the_cores_default_processor_is_the_shipped_configuration() {
        let config = Config::load_with_env(None, Vec::<(String, String)>::new()).unwrap();
        let shipped = processor_from_config(&config);
        let core = Processor::default();
        assert_eq!(shipped.mode, core.mode);
        assert_eq!(shipped.mapping, core.mapping);
        assert_eq!(shipped.decode_limits, core.decode_limits);
        assert_eq!(shipped.max_output_bytes, core.max_output_bytes);
        assert_eq!(shipped.resources.limits, core.resources.limits);
        assert_eq!(shipped.worker_version, core.worker_version);
    }
}
