//! warta-train: everything that is needed to build and measure warta's models, and
//! nothing that runs per record. The entity trainer ([`train`]) with its word statistics
//! ([`wordstats`]), word classes ([`clusters`]), CoNLL reading ([`conll`]) and mention
//! recombination ([`augment`]); and every `warta eval` ([`eval`]), scored with one
//! shared set of metrics ([`eval::metrics`]).
//!
//! Each entry point returns a report as text, or an [`Error`] whose kind tells the CLI
//! which exit code to use.

pub mod augment;
pub mod clusters;
pub mod conll;
pub mod eval;
pub mod train;
pub mod wordstats;

/// Why a training or evaluation run did not produce its report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad arguments or unreadable inputs named by them (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// A failure while running, such as an output that cannot be written (exit code 1).
    #[error("{0}")]
    Runtime(String),
}
