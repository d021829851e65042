//! warta-core: the pure processing core of warta, a raw article in, an enriched record out.
//!
//! ```text
//! bytes ─▶ article::RawArticle::decode ─▶ pipeline::enrich ─▶ record (encode, size limit) ─▶ bytes
//!            (field mapping)                clean → segment → language → entities
//!                                           → quotes → dates → stats
//! ```
//!
//! No Kafka, no async runtime, no environment, no files and no globals: everything a stage
//! needs is built once into [`Resources`] and passed in, so the same input bytes always
//! give the same output bytes. The `warta` binary puts this core behind Kafka; `warta
//! process`, the fuzz targets and the benches call it directly.

pub mod article;
pub mod error;
pub mod hash;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod record;
pub mod span;
pub mod stages;

pub use pipeline::{enrich, EnrichLimits, Resources};
