//! The output contract: one enriched article, serialized as JSON (schema version 1).
//!
//! `schemas/enriched-article.v1.json` describes the same shape; a test validates real
//! output against it, so a change here without a schema change fails the build.
//! Every `start`/`end` is an end-exclusive offset in Unicode code points into `body`.

use serde::{Deserialize, Serialize};

/// Bumped on any change that could break a downstream reader.
pub const SCHEMA_VERSION: u32 = 1;

/// Content type header value of every output record.
pub const CONTENT_TYPE: &str = "application/json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enriched {
    pub schema_version: u32,
    pub id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 with offset when the raw string could be parsed, else null.
    pub published_at: Option<String>,
    pub published_at_raw: Option<String>,
    pub language: Option<String>,
    /// How sure detection is of `language` (0..=1); null when the input declared the
    /// language or none was detected.
    pub language_confidence: Option<f64>,
    pub dateline: Option<Dateline>,
    /// Cleaned article text, paragraphs separated by `\n\n`.
    pub body: String,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub stats: Stats,
    /// BLAKE3 of the cleaned body, hex; equal bodies give equal hashes across sources.
    pub content_hash: String,
    /// What the cleaning stage removed, by kind.
    pub removed: Vec<Removed>,
    /// The removed lines themselves, in order; only when `processing.debug_removed` is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_lines: Option<Vec<RemovedLine>>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    pub outlet: Option<String>,
    pub location: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Organization,
    Location,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub mentions: Vec<Mention>,
    pub count: usize,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// The speech verb or phrase that attributes the quote (`kata`, `ujarnya`, `mengatakan`).
    pub cue: Option<String>,
    pub speaker: Option<Speaker>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker as written at the attribution.
    pub name: String,
    /// Canonical name of the entity the speaker resolves to, when known.
    pub entity: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// ISO 8601 as precise as the text allows: `YYYY-MM-DD`, or `YYYY-MM`, `YYYY-Www`, `YYYY`
    /// for relative forms resolved against `published_at`; null when not resolvable.
    pub value: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Kind of debris, e.g. `read_also`, `advertisement`, `scroll_prompt`, `dateline`.
    pub kind: String,
    pub count: usize,
}

/// One line (or leading dateline) the cleaning stage cut, for auditing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    pub kind: String,
    pub text: String,
}

/// Where the record came from and who made it; filled by the caller of `enrich`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub topic: Option<String>,
    pub partition: Option<i32>,
    pub offset: Option<i64>,
    pub worker_version: String,
    /// RFC 3339 UTC.
    pub processed_at: String,
    pub processing_time_us: u64,
}

impl Provenance {
    /// The provenance of a record made outside Kafka (`process`, evals, tests): no topic,
    /// partition or offset, and no measured processing time.
    pub fn offline(
        worker_version: impl Into<String>,
        processed_at: impl Into<String>,
    ) -> Provenance {
        Provenance {
            topic: None,
            partition: None,
            offset: None,
            worker_version: worker_version.into(),
            processed_at: processed_at.into(),
            processing_time_us: 0,
        }
    }
}
