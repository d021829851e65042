//! The pure processing core: a raw article in, an enriched article out.
//!
//! Nothing here does I/O, talks to Kafka or reads a clock: whatever varies (resources,
//! limits, the provenance with its `processed_at`) is passed in, so every test of this
//! module is a plain function call and the same input always gives the same output.
//!
//! Stages, in order: clean → segment → language → entities → quotes → dates → stats.

use crate::article::RawArticle;
use crate::error::Rejected;
use crate::output::{Enriched, Provenance};

/// Everything enrichment needs that is built once at start-up and shared by all workers.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    pub limits: EnrichLimits,
}

/// Caps on what one article may produce, so a hostile input cannot blow up a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnrichLimits {
    pub max_entities: usize,
    pub max_quotes: usize,
}

impl Default for EnrichLimits {
    fn default() -> Self {
        EnrichLimits {
            max_entities: 2_000,
            max_quotes: 2_000,
        }
    }
}

/// Enriches one article. `provenance` is copied into the output as given.
pub fn enrich(
    article: &RawArticle,
    resources: &Resources,
    provenance: Provenance,
) -> Result<Enriched, Rejected> {
    let _ = (article, resources, provenance);
    todo!("filled in by the enrich stages")
}
