//! The enrichment stages, each a pure function of the text and its [`crate::Resources`].
//! [`crate::pipeline`] runs them in order; `extract` is the step before the first, used
//! only when a record carries a page instead of a body.

pub mod clean;
pub mod dates;
pub mod entities;
pub mod extract;
pub mod language;
pub mod quotes;
pub mod segment;
pub mod stats;
