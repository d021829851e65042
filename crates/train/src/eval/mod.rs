//! `warta eval`: score the normal pipeline against gold data, printing the figures that
//! the README records.

pub mod clean;
pub mod html;
pub mod language;
pub mod metrics;
pub mod ner;
pub mod polnear;
pub mod quote_match;
pub mod quotes;
