//! The input contract: one raw article, decoded from a Kafka message value (UTF-8 JSON)
//! through a configurable field mapping, because every scraper names its fields its own way.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::DecodeError;

/// A raw article as the scraper produced it, with field names already mapped.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawArticle {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Article text; required unless `html` is present.
    pub body: Option<String>,
    /// Raw HTML of the page, when the scraper did not extract text itself.
    pub html: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<String>,
    /// ISO 639-1 language code; when set it wins over detection.
    pub language: Option<String>,
}

/// For each article field, the input keys that may carry it, tried in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldMapping {
    pub id: Vec<String>,
    pub url: Vec<String>,
    pub title: Vec<String>,
    pub body: Vec<String>,
    pub html: Vec<String>,
    pub source: Vec<String>,
    pub author: Vec<String>,
    pub published_at: Vec<String>,
    pub language: Vec<String>,
}

impl Default for FieldMapping {
    /// The `default` mapping: the field names of the output contract.
    fn default() -> Self {
        FieldMapping {
            id: keys(&["id"]),
            url: keys(&["url"]),
            title: keys(&["title"]),
            body: keys(&["body", "content", "text"]),
            html: keys(&["html"]),
            source: keys(&["source"]),
            author: keys(&["author"]),
            published_at: keys(&["published_at"]),
            language: keys(&["language"]),
        }
    }
}

fn keys(k: &[&str]) -> Vec<String> {
    k.iter().map(|s| s.to_string()).collect()
}

impl FieldMapping {
    /// The Indonesian news scraper (Liputan6, Detik, Kompas, Tempo, Okezone ...) and its
    /// Detik variant; one mapping covers both because unknown keys are simply absent.
    pub fn indonews() -> Self {
        FieldMapping {
            id: keys(&["id"]),
            url: keys(&["url", "tautan"]),
            title: keys(&["judul"]),
            body: keys(&["isi_berita"]),
            html: keys(&["html"]),
            source: keys(&["sumber"]),
            author: keys(&["author"]),
            published_at: keys(&["tanggal_publikasi", "tanggal"]),
            language: keys(&["language"]),
        }
    }

    /// The mappings that ship with warta, by name; configuration may add more or
    /// change these key by key.
    pub fn builtin() -> Vec<(&'static str, FieldMapping)> {
        vec![
            ("default", FieldMapping::default()),
            ("indonews", FieldMapping::indonews()),
        ]
    }

    /// Every key of every built-in mapping, field by field (`indonews` first, then
    /// `default`): for offline tools (evals, benches, training) that read scraped files
    /// of either shape without asking which.
    pub fn any_builtin() -> Self {
        let mut any = FieldMapping::indonews();
        let default = FieldMapping::default();
        let merge = |into: &mut Vec<String>, from: &[String]| {
            for key in from {
                if !into.contains(key) {
                    into.push(key.clone());
                }
            }
        };
        merge(&mut any.id, &default.id);
        merge(&mut any.url, &default.url);
        merge(&mut any.title, &default.title);
        merge(&mut any.body, &default.body);
        merge(&mut any.html, &default.html);
        merge(&mut any.source, &default.source);
        merge(&mut any.author, &default.author);
        merge(&mut any.published_at, &default.published_at);
        merge(&mut any.language, &default.language);
        any
    }
}

/// Limits that bound the work one input record can cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeLimits {
    pub max_bytes: usize,
    pub max_body_chars: usize,
    pub max_html_chars: usize,
    pub max_depth: usize,
}

impl Default for DecodeLimits {
    fn default() -> Self {
        DecodeLimits {
            max_bytes: 4 * 1024 * 1024,
            max_body_chars: 200_000,
            max_html_chars: 2_000_000,
            max_depth: 32,
        }
    }
}

impl DecodeLimits {
    /// No limits but the nesting depth: for offline tools reading files they trust.
    pub fn unbounded() -> Self {
        DecodeLimits {
            max_bytes: usize::MAX,
            max_body_chars: usize::MAX,
            max_html_chars: usize::MAX,
            ..DecodeLimits::default()
        }
    }
}

impl RawArticle {
    /// Decodes one line of a scraped file of any built-in shape, without size limits:
    /// the reader of evals, benches and training.
    pub fn decode_offline(line: &str) -> Result<RawArticle, DecodeError> {
        RawArticle::decode(
            line.as_bytes(),
            &FieldMapping::any_builtin(),
            &DecodeLimits::unbounded(),
        )
    }

    /// Decodes one message value. Every failure is a [`DecodeError`] that names the cause,
    /// so the record can be dead-lettered with a reason an operator can act on.
    pub fn decode(
        bytes: &[u8],
        mapping: &FieldMapping,
        limits: &DecodeLimits,
    ) -> Result<RawArticle, DecodeError> {
        if bytes.is_empty() {
            return Err(DecodeError::Empty);
        }
        if bytes.len() > limits.max_bytes {
            return Err(DecodeError::TooLarge {
                bytes: bytes.len(),
                limit: limits.max_bytes,
            });
        }
        let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
            position: e.valid_up_to(),
        })?;
        // Checked before parsing: serde_json's own recursion limit (128) is far deeper
        // than any article needs, and a cheap byte scan keeps the parse bounded.
        let depth = json_depth(text.as_bytes());
        if depth > limits.max_depth {
            return Err(DecodeError::TooDeep {
                depth,
                limit: limits.max_depth,
            });
        }
        let value: Value =
            serde_json::from_str(text).map_err(|e| DecodeError::InvalidJson(e.to_string()))?;
        let Value::Object(map) = value else {
            return Err(DecodeError::NotAnObject(json_kind(&value)));
        };
        let field = |name: &'static str, keys: &[String], allow_number: bool| {
            for key in keys {
                match map.get(key) {
                    None | Some(Value::Null) => continue,
                    Some(Value::String(s)) => return Ok(Some(s.clone())),
                    Some(Value::Number(n)) if allow_number => return Ok(Some(n.to_string())),
                    Some(other) => {
                        return Err(DecodeError::WrongType {
                            field: name,
                            key: key.clone(),
                            found: json_kind(other),
                        })
                    }
                }
            }
            Ok(None)
        };
        let article = RawArticle {
            id: field("id", &mapping.id, true)?,
            url: field("url", &mapping.url, false)?,
            title: field("title", &mapping.title, false)?,
            body: field("body", &mapping.body, false)?,
            html: field("html", &mapping.html, false)?,
            source: field("source", &mapping.source, false)?,
            author: field("author", &mapping.author, false)?,
            published_at: field("published_at", &mapping.published_at, false)?,
            language: field("language", &mapping.language, false)?,
        };
        let has_text = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
        if !has_text(&article.body) && !has_text(&article.html) {
            return Err(DecodeError::MissingBody {
                keys: mapping
                    .body
                    .iter()
                    .chain(mapping.html.iter())
                    .cloned()
                    .collect(),
            });
        }
        // Pages carry markup, so html gets its own, larger limit.
        let checks = [
            (
                &article.body,
                "body",
                "max_body_chars",
                limits.max_body_chars,
            ),
            (
                &article.html,
                "html",
                "max_html_chars",
                limits.max_html_chars,
            ),
        ];
        for (text, field, setting, limit) in checks {
            let Some(text) = text else { continue };
            let chars = text.chars().count();
            if chars > limit {
                return Err(DecodeError::BodyTooLong {
                    field,
                    setting,
                    chars,
                    limit,
                });
            }
        }
        Ok(article)
    }

    /// The record's identity: its own `id`, else a stable hash of the URL, else of the
    /// body, so that a replay of the same article gets the same key.
    pub fn stable_id(&self) -> String {
        if let Some(id) = self.id.as_deref().filter(|s| !s.trim().is_empty()) {
            return id.to_string();
        }
        let basis = self
            .url
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|u| ("url:", u))
            .or_else(|| self.body.as_deref().map(|b| ("body:", b)))
            .or_else(|| self.html.as_deref().map(|h| ("html:", h)))
            .unwrap_or(("empty:", ""));
        let mut hasher = blake3::Hasher::new();
        hasher.update(basis.0.as_bytes());
        hasher.update(basis.1.as_bytes());
        let hex = hasher.finalize().to_hex();
        format!("{}-{}", basis.0.trim_end_matches(':'), &hex[..32])
    }
}

/// Deepest nesting of arrays and objects, counting brackets outside strings.
fn json_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_builtin_reads_both_scraper_shapes() {
        let indonews = r#"{"judul":"Banjir","isi_berita":"Air naik.","tanggal":"18 Juni 2025"}"#;
        let plain = r#"{"title":"Flood","body":"Water rose.","published_at":"2025-06-18"}"#;
        let a = RawArticle::decode_offline(indonews).unwrap();
        assert_eq!(a.title.as_deref(), Some("Banjir"));
        assert_eq!(a.body.as_deref(), Some("Air naik."));
        assert_eq!(a.published_at.as_deref(), Some("18 Juni 2025"));
        let b = RawArticle::decode_offline(plain).unwrap();
        assert_eq!(b.title.as_deref(), Some("Flood"));
        assert_eq!(b.body.as_deref(), Some("Water rose."));
    }

    #[test]
    fn any_builtin_tries_indonews_keys_first_and_lists_each_key_once() {
        let any = FieldMapping::any_builtin();
        assert_eq!(any.body, ["isi_berita", "body", "content", "text"]);
        assert_eq!(any.id, ["id"]);
    }

    #[test]
    fn unbounded_limits_still_bound_the_depth() {
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        let line = format!(r#"{{"body":"x","extra":{deep}}}"#);
        assert!(matches!(
            RawArticle::decode_offline(&line),
            Err(DecodeError::TooDeep { .. })
        ));
        let long = format!(r#"{{"body":"{}"}}"#, "a".repeat(300_000));
        assert!(RawArticle::decode_offline(&long).is_ok());
    }
}
