//! The core's record [`Processor`] as the worker and `process` run it: built from the
//! configuration, timed with the wall clock, and counted in the processing-time metric.
//! Nothing here talks to Kafka, so `process` works without a broker.

use std::sync::Arc;
use std::time::Instant;

use crate::config::Config;
pub use warta_core::record::{Clock, Mode, Origin, Outcome, Processor};
use warta_core::Resources;

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
