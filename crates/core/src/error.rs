//! Typed errors of the library, one enum per boundary. Each variant says what went wrong
//! in words an operator can act on; `class()` is the stable machine name used in the
//! dead-letter header `warta.error.class` and in metric labels.

use thiserror::Error;

/// Why a message value could not be turned into a [`crate::article::RawArticle`].
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    #[error("message value is empty")]
    Empty,
    #[error("message value is {bytes} bytes, over the limit of {limit} (limits.max_input_bytes)")]
    TooLarge { bytes: usize, limit: usize },
    #[error("message value is not valid UTF-8 (first bad byte at {position})")]
    InvalidUtf8 { position: usize },
    #[error("JSON nests {depth} levels deep, over the limit of {limit} (limits.max_json_depth)")]
    TooDeep { depth: usize, limit: usize },
    #[error("message value is not valid JSON: {0}")]
    InvalidJson(String),
    #[error("message value is a JSON {0}, expected an object")]
    NotAnObject(&'static str),
    #[error("field `{field}` (input key `{key}`) is a JSON {found}, expected a string")]
    WrongType {
        field: &'static str,
        key: String,
        found: &'static str,
    },
    #[error("no article text: none of the keys {keys:?} holds a non-empty string")]
    MissingBody { keys: Vec<String> },
    #[error("`{field}` is {chars} characters, over the limit of {limit} (limits.{setting})")]
    BodyTooLong {
        field: &'static str,
        setting: &'static str,
        chars: usize,
        limit: usize,
    },
}

impl DecodeError {
    pub fn class(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty_value",
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::InvalidUtf8 { .. } => "invalid_utf8",
            DecodeError::TooDeep { .. } => "too_deep",
            DecodeError::InvalidJson(_) => "invalid_json",
            DecodeError::NotAnObject(_) => "not_an_object",
            DecodeError::WrongType { .. } => "wrong_type",
            DecodeError::MissingBody { .. } => "missing_body",
            DecodeError::BodyTooLong { .. } => "body_too_long",
        }
    }
}

/// Why enrichment refused an article that decoded fine.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Rejected {
    #[error("article has no text left after cleaning")]
    EmptyAfterCleaning,
    #[error("article has {count} {what}, over the limit of {limit}")]
    OverLimit {
        what: &'static str,
        count: usize,
        limit: usize,
    },
}

impl Rejected {
    pub fn class(&self) -> &'static str {
        match self {
            Rejected::EmptyAfterCleaning => "empty_after_cleaning",
            Rejected::OverLimit { .. } => "over_limit",
        }
    }
}
