//! One consumed Kafka record: detached from the consumer ([`InputRecord`]), processed on
//! the enrichment pool through [`crate::processing`], and the headers its output carries.

use rdkafka::message::{BorrowedMessage, Message, OwnedHeaders};

use crate::processing::process_value;
use warta_core::output::{CONTENT_TYPE, SCHEMA_VERSION};
pub use warta_core::record::{Origin, Outcome, Processor};

/// Header names on output records.
pub const HEADER_SCHEMA_VERSION: &str = "warta.schema.version";
pub const HEADER_CONTENT_TYPE: &str = "content-type";

/// A consumed message, detached from the consumer so it can cross threads.
#[derive(Debug)]
pub struct InputRecord {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Option<OwnedHeaders>,
}

impl InputRecord {
    pub fn from_message(m: &BorrowedMessage<'_>) -> Self {
        InputRecord {
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
            key: m.key().map(<[u8]>::to_vec),
            value: m.payload().map(<[u8]>::to_vec),
            headers: m.headers().map(|h| h.detach()),
        }
    }
}

/// Processes one consumed record; never panics (a panic becomes a dead letter).
pub fn process(processor: &Processor, input: &InputRecord) -> Outcome {
    let origin = Origin {
        topic: Some(&input.topic),
        partition: Some(input.partition),
        offset: Some(input.offset),
    };
    process_value(
        processor,
        input.key.as_deref(),
        input.value.as_deref(),
        origin,
    )
}

/// Headers of an output record.
pub fn output_headers() -> OwnedHeaders {
    OwnedHeaders::new()
        .insert(rdkafka::message::Header {
            key: HEADER_SCHEMA_VERSION,
            value: Some(SCHEMA_VERSION.to_string().as_bytes()),
        })
        .insert(rdkafka::message::Header {
            key: HEADER_CONTENT_TYPE,
            value: Some(CONTENT_TYPE.as_bytes()),
        })
}
