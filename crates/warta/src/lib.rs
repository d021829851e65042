//! warta: the worker that puts the pure core ([`warta_core`]) behind Kafka.
//!
//! ```text
//! input topic ─▶ runtime::Worker ─▶ warta_core::record (decode → pipeline → encode) ─▶ output topic
//!                      │                          └─ error ───────────────────────▶ dead-letter topic
//!                      └─ offsets stored only after the output (or dead letter) is acknowledged
//! ```
//!
//! [`runtime`] is everything that talks to Kafka, [`processing`] the core's processor as
//! configured and timed (no Kafka: `process` uses it alone), [`config`] the layered configuration,
//! [`telemetry`] logs, metrics and the health server, and [`commands`] the subcommands
//! that the thin binary in `main.rs` dispatches to. Training and evaluation live in
//! `warta-train`.

pub mod allocator;
pub mod commands;
pub mod config;
pub mod processing;
pub mod runtime;
pub mod telemetry;
