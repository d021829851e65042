//! warta: a streaming worker that enriches news articles on Kafka.
//!
//! ```text
//! input topic ─▶ runtime::Worker ─ decode (article) ─▶ enrich (pure) ─▶ encode ─▶ output topic
//!                      │                  └─ error ────────────────────────────▶ dead-letter topic
//!                      └─ offsets stored only after the output (or dead letter) is acknowledged
//! ```
//!
//! The crate is split along that line: [`enrich`] is the pure core (no I/O, no Kafka, no
//! clock), [`article`] and [`output`] are the input and output contracts, [`runtime`] is
//! everything that talks to Kafka, [`config`] and [`telemetry`] serve both, and
//! [`commands`] holds the subcommands that the thin binary in `main.rs` dispatches to.

pub mod article;
pub mod commands;
pub mod config;
pub mod enrich;
pub mod error;
pub mod output;
pub mod runtime;
pub mod telemetry;
