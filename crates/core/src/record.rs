//! One input value's trip through the core: decode, enrich, encode to bytes.
//!
//! Every failure, a panic included, becomes an [`Outcome::DeadLetter`] with a class,
//! never an error that could stop a caller's loop. The output size limit is checked here,
//! after encoding, so that `warta run`, `warta process`, the benches and the fuzz targets
//! all see the same bytes and the same limits. Time comes in through [`Clock`]: the core
//! reads no clock of its own.

use std::panic::{catch_unwind, AssertUnwindSafe};

use serde::{Deserialize, Serialize};

use crate::article::{DecodeLimits, FieldMapping, RawArticle};
use crate::output::Provenance;
use crate::pipeline::{self, Resources};

/// What happens to each value: enrichment, or a copy through the same plumbing (to
/// measure what the plumbing costs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Enrich,
    Passthrough,
}

/// What to produce for one input value.
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

/// The caller's clock, for the two provenance fields that depend on time.
pub trait Clock {
    /// Wall-clock time as RFC 3339 (`provenance.processed_at`).
    fn processed_at(&self) -> String;
    /// Microseconds since this value's processing began (`provenance.processing_time_us`).
    fn elapsed_us(&self) -> u64;
}

/// A clock that always says the same: for tests and for output that must not vary.
#[derive(Debug, Clone, Default)]
pub struct FixedClock {
    pub processed_at: String,
    pub elapsed_us: u64,
}

impl Clock for FixedClock {
    fn processed_at(&self) -> String {
        self.processed_at.clone()
    }
    fn elapsed_us(&self) -> u64 {
        self.elapsed_us
    }
}

/// Title that makes enrichment panic, in builds with the `fault-injection` feature only.
#[cfg(feature = "fault-injection")]
pub const FAULT_INJECTION_PANIC_TITLE: &str = "__warta_fault_injection_panic__";

/// Everything a value's trip needs, shared by all threads.
#[derive(Debug)]
pub struct Processor {
    pub mode: Mode,
    pub mapping: FieldMapping,
    pub decode_limits: DecodeLimits,
    /// A larger encoded record is dead-lettered (`output_too_large`).
    pub max_output_bytes: usize,
    pub resources: Resources,
    /// Written into every record's provenance.
    pub worker_version: String,
}

impl Default for Processor {
    /// The same values as `config/default.toml`; a test in the binary keeps them equal.
    fn default() -> Self {
        Processor {
            mode: Mode::Enrich,
            mapping: FieldMapping::default(),
            decode_limits: DecodeLimits::default(),
            max_output_bytes: 1_000_000,
            resources: Resources::default(),
            worker_version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

impl Processor {
    /// Processes one message value from anywhere (Kafka, a JSONL line); never panics.
    pub fn process_value(
        &self,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        origin: Origin<'_>,
        clock: &dyn Clock,
    ) -> Outcome {
        catch_unwind(AssertUnwindSafe(|| {
            self.process_inner(key, value, origin, clock)
        }))
        .unwrap_or_else(|panic| Outcome::DeadLetter {
            class: "panic",
            reason: format!("enrichment panicked: {}", panic_message(&panic)),
        })
    }

    fn process_inner(
        &self,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        origin: Origin<'_>,
        clock: &dyn Clock,
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
            worker_version: self.worker_version.clone(),
            processed_at: clock.processed_at(),
            processing_time_us: 0,
        };
        let mut enriched = match pipeline::enrich(&article, &self.resources, provenance) {
            Ok(e) => e,
            Err(e) => {
                return Outcome::DeadLetter {
                    class: e.class(),
                    reason: e.to_string(),
                }
            }
        };
        enriched.provenance.processing_time_us = clock.elapsed_us();
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

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock() -> FixedClock {
        FixedClock {
            processed_at: "2026-01-01T00:00:00.000Z".into(),
            elapsed_us: 7,
        }
    }

    #[test]
    fn a_good_value_is_encoded_with_the_clock_in_its_provenance() {
        let p = Processor::default();
        let value = br#"{"id":"a1","body":"Presiden Joko Widodo meresmikan jalan tol di Semarang pada Senin."}"#;
        let Outcome::Output { key, value, .. } =
            p.process_value(None, Some(value), Origin::default(), &clock())
        else {
            panic!("expected an output record");
        };
        assert_eq!(key, b"a1");
        let v: serde_json::Value = serde_json::from_slice(&value).unwrap();
        assert_eq!(v["provenance"]["processed_at"], "2026-01-01T00:00:00.000Z");
        assert_eq!(v["provenance"]["processing_time_us"], 7);
    }

    #[test]
    fn bad_json_and_oversized_output_are_dead_letters() {
        let mut p = Processor::default();
        let out = p.process_value(None, Some(b"{not json"), Origin::default(), &clock());
        assert!(
            matches!(
                out,
                Outcome::DeadLetter {
                    class: "invalid_json",
                    ..
                }
            ),
            "{out:?}"
        );
        p.max_output_bytes = 10;
        let value = br#"{"id":"a1","body":"Warga Bandung membersihkan sungai pada Minggu pagi."}"#;
        let out = p.process_value(None, Some(value), Origin::default(), &clock());
        assert!(
            matches!(
                out,
                Outcome::DeadLetter {
                    class: "output_too_large",
                    ..
                }
            ),
            "{out:?}"
        );
    }

    #[test]
    fn passthrough_copies_key_and_value() {
        let p = Processor {
            mode: Mode::Passthrough,
            ..Processor::default()
        };
        let Outcome::Output { key, value, .. } =
            p.process_value(Some(b"k"), Some(b"raw"), Origin::default(), &clock())
        else {
            panic!("expected an output record");
        };
        assert_eq!((key.as_slice(), value.as_slice()), (&b"k"[..], &b"raw"[..]));
    }
}
