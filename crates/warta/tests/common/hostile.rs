//! The hostile input corpus, generated (never stored): used by the pure-core budget test
//! in `tests/hostile.rs` and by the fault suite, which sends it through a real worker.

pub fn json_body(body: &str) -> Vec<u8> {
    serde_json::json!({ "id": "h", "title": "Judul", "body": body })
        .to_string()
        .into_bytes()
}

/// A record carrying only a page.
fn html(page: &str) -> Vec<u8> {
    serde_json::json!({ "id": "h", "html": page })
        .to_string()
        .into_bytes()
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expect {
    Dead(&'static str),
    Enriched,
    /// Either enriched or refused by a configured limit (`over_limit`).
    EnrichedOrLimit,
}

/// Just under the default `limits.max_body_chars`: the most text one record may carry.
const AT_LIMIT: usize = 199_000;

pub fn corpus() -> Vec<(&'static str, Vec<u8>, Expect)> {
    use Expect::*;
    let mut nested_arrays = "[".repeat(1_000_000);
    nested_arrays.push_str(&"]".repeat(1_000_000));
    let nested_objects = format!("{}1{}", r#"{"a":"#.repeat(1_000_000), "}".repeat(1_000_000));
    let mut allowed_depth = String::new();
    for _ in 0..30 {
        allowed_depth.push_str(r#"{"x":"#);
    }
    allowed_depth.push('1');
    allowed_depth.push_str(&"}".repeat(30));
    let within_depth = format!(r#"{{"body":"Jakarta - Isi berita.","extra":{allowed_depth}}}"#);
    let controls: String = (1u8..32).map(|b| b as char).chain("teks".chars()).collect();
    vec![
        ("invalid utf-8", b"{\"body\":\"\xff\xfe\"}".to_vec(), Dead("invalid_utf8")),
        ("truncated utf-8", b"{\"body\":\"caf\xc3".to_vec(), Dead("invalid_utf8")),
        ("overlong slash", b"{\"body\":\"\xc0\xaf\"}".to_vec(), Dead("invalid_utf8")),
        ("utf-8 encoded surrogate", b"{\"body\":\"\xed\xa0\x80\"}".to_vec(), Dead("invalid_utf8")),
        ("lone high surrogate escape", br#"{"body":"a \ud800 b"}"#.to_vec(), Dead("invalid_json")),
        ("lone low surrogate escape", br#"{"body":"a \udc00 b"}"#.to_vec(), Dead("invalid_json")),
        ("50 MB value", vec![b' '; 50 * 1024 * 1024], Dead("too_large")),
        ("a million nested arrays", nested_arrays.into_bytes(), Dead("too_deep")),
        ("a million nested objects", nested_objects.into_bytes(), Dead("too_large")),
        ("30 levels of nesting beside the body", within_depth.into_bytes(), Enriched),
        ("1 MB single word", json_body(&format!("Jakarta - {}", "a".repeat(999_000))), Dead("body_too_long")),
        ("single word at the body limit", json_body(&format!("Jakarta - {}", "a".repeat(AT_LIMIT))), Enriched),
        ("a million straight quotes", json_body(&"\"".repeat(999_000)), Dead("body_too_long")),
        ("straight quotes at the body limit", json_body(&"\"".repeat(AT_LIMIT)), EnrichedOrLimit),
        ("a million curly quotes", json_body(&"\u{201C}".repeat(999_000)), Dead("body_too_long")),
        ("curly quotes at the body limit", json_body(&"\u{201C}".repeat(AT_LIMIT)), EnrichedOrLimit),
        ("a million newlines", json_body(&"\n".repeat(999_000)), Dead("missing_body")),
        ("a million spaces", json_body(&" ".repeat(999_000)), Dead("missing_body")),
        ("80k nested divs in html", serde_json::json!({"html": format!("{}teks{}", "<div>".repeat(80_000), "</div>".repeat(80_000))}).to_string().into_bytes(), Enriched),
        ("80k self-closed divs in html", html(&format!("{}teks", "<div/>".repeat(80_000))), Enriched),
        ("30k nested tables in html", html(&format!("{}teks", "<table><tr><td>".repeat(30_000))), Enriched),
        ("a stray < before each of 100k divs", html(&format!("{}teks", "< <div>".repeat(100_000))), Enriched),
        ("200 formatting tags re-opened 90k times", html(&format!("<p>{}</p>{}", "<b>".repeat(200), "<p>x</p>".repeat(90_000))), Enriched),
        ("14k paragraphs in an article page", html(&format!("<article>{}</article>", "<p>Kalimat berita.</p>".repeat(14_000))), Enriched),
        ("html over the html limit", serde_json::json!({"html": "<p>".repeat(700_000)}).to_string().into_bytes(), Dead("body_too_long")),
        ("100k html entities", json_body(&"&amp;".repeat(AT_LIMIT / 5)), Enriched),
        ("numeric entities at the body limit", json_body(&"&#8220;".repeat(AT_LIMIT / 7)), EnrichedOrLimit),
        ("right-to-left override flood", json_body(&format!("{}teks", "\u{202E}".repeat(AT_LIMIT))), Enriched),
        ("combining mark flood", json_body(&format!("a{}", "\u{0301}".repeat(AT_LIMIT))), Enriched),
        ("zero-width flood", json_body(&"\u{200B}".repeat(AT_LIMIT)), Dead("empty_after_cleaning")),
        ("escaped NUL bytes", json_body(&format!("Jakarta - isi{}berita", "\u{0000}".repeat(1000))), Enriched),
        ("every control character", json_body(&controls), Enriched),
        ("mojibake flood", json_body(&"Ã©tÃ© ".repeat(AT_LIMIT / 7)), Enriched),
        ("a million dots", json_body(&".".repeat(999_000)), Dead("body_too_long")),
        ("dots at the body limit", json_body(&".".repeat(AT_LIMIT)), Enriched),
        ("debris lines only", json_body(&"Baca Juga\nAdvertisement\n".repeat(AT_LIMIT / 24)), Dead("empty_after_cleaning")),
        ("quote and cue repeated", json_body(&"\"Kami siap,\" kata Budi. ".repeat(AT_LIMIT / 25)), EnrichedOrLimit),
        ("number as body", br#"{"body": 1e308}"#.to_vec(), Dead("wrong_type")),
        ("number as title", br#"{"title": 7, "body": "Isi."}"#.to_vec(), Dead("wrong_type")),
        ("array as body", br#"{"body": ["a", "b"]}"#.to_vec(), Dead("wrong_type")),
        ("duplicate keys", br#"{"body": "Isi pertama.", "body": "Isi kedua."}"#.to_vec(), Enriched),
        ("byte order mark", b"\xef\xbb\xbf{\"body\":\"Isi.\"}".to_vec(), Dead("invalid_json")),
        ("emoji flood", json_body(&"\u{1F600}".repeat(AT_LIMIT)), Enriched),
    ]
}
