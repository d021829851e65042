//! Dead-letter records: the original key and value bytes, unchanged, plus headers that
//! say what failed and where the record came from, so it can be inspected and replayed.

use rdkafka::message::{Header, Headers, OwnedHeaders};

use super::record::InputRecord;

pub const HEADER_ERROR_CLASS: &str = "warta.error.class";
pub const HEADER_ERROR_REASON: &str = "warta.error.reason";
pub const HEADER_SOURCE_TOPIC: &str = "warta.source.topic";
pub const HEADER_SOURCE_PARTITION: &str = "warta.source.partition";
pub const HEADER_SOURCE_OFFSET: &str = "warta.source.offset";
pub const HEADER_FAILED_AT: &str = "warta.failed.at";
pub const HEADER_WORKER_VERSION: &str = "warta.worker.version";

/// Reasons are cut so that a huge parse error cannot make the dead letter itself too big.
const MAX_REASON_BYTES: usize = 1024;

/// The input's own headers first, then warta's.
pub fn headers(input: &InputRecord, class: &str, reason: &str) -> OwnedHeaders {
    let mut out = OwnedHeaders::new();
    if let Some(original) = &input.headers {
        for h in original.iter() {
            out = out.insert(Header {
                key: h.key,
                value: h.value,
            });
        }
    }
    let reason = truncate(reason, MAX_REASON_BYTES);
    let failed_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let partition = input.partition.to_string();
    let offset = input.offset.to_string();
    for (key, value) in [
        (HEADER_ERROR_CLASS, class),
        (HEADER_ERROR_REASON, reason),
        (HEADER_SOURCE_TOPIC, input.topic.as_str()),
        (HEADER_SOURCE_PARTITION, partition.as_str()),
        (HEADER_SOURCE_OFFSET, offset.as_str()),
        (HEADER_FAILED_AT, failed_at.as_str()),
        (HEADER_WORKER_VERSION, env!("CARGO_PKG_VERSION")),
    ] {
        out = out.insert(Header {
            key,
            value: Some(value.as_bytes()),
        });
    }
    out
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_keep_originals_and_add_provenance() {
        let input = InputRecord {
            topic: "in".into(),
            partition: 2,
            offset: 41,
            key: None,
            value: None,
            headers: Some(OwnedHeaders::new().insert(Header {
                key: "trace",
                value: Some(b"abc".as_slice()),
            })),
        };
        let h = headers(&input, "invalid_json", &"é".repeat(2000));
        let get = |k: &str| {
            h.iter()
                .find(|x| x.key == k)
                .and_then(|x| x.value)
                .map(|v| String::from_utf8(v.to_vec()).unwrap())
        };
        assert_eq!(get("trace").as_deref(), Some("abc"));
        assert_eq!(get(HEADER_ERROR_CLASS).as_deref(), Some("invalid_json"));
        assert_eq!(get(HEADER_SOURCE_PARTITION).as_deref(), Some("2"));
        assert_eq!(get(HEADER_SOURCE_OFFSET).as_deref(), Some("41"));
        let reason = get(HEADER_ERROR_REASON).unwrap();
        assert!(reason.len() <= MAX_REASON_BYTES && reason.starts_with('é'));
    }
}
