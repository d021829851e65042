//! `warta eval`: score the normal pipeline against gold data, printing the figures that
//! the README records.

pub mod clean;
pub mod html;
pub mod language;
pub mod ner;
pub mod polnear;
pub mod quotes;
