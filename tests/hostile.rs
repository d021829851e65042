//! Hostile inputs, generated here (never stored as fixtures): each must be dead-lettered
//! with the right class or processed, and no stage may go super-linear. Scaling is
//! checked by timing the same generator at two sizes: linear work grows ~8x for 8x the
//! input, quadratic work ~64x; the bound sits well between.

use std::time::{Duration, Instant};

use warta::config::Config;
use warta::runtime::record::{Origin, Outcome, Processor};

fn processor() -> std::sync::Arc<Processor> {
    let config = Config::load_with_env(None, Vec::<(String, String)>::new()).unwrap();
    Processor::from_config(&config)
}

fn json_body(body: &str) -> Vec<u8> {
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
enum Expect {
    Dead(&'static str),
    Enriched,
    /// Either enriched or refused by a configured limit (`over_limit`).
    EnrichedOrLimit,
}

fn corpus() -> Vec<(&'static str, Vec<u8>, Expect)> {
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
        ("1 MB single word", json_body(&format!("Jakarta - {}", "a".repeat(999_000))), Enriched),
        ("a million straight quotes", json_body(&"\"".repeat(999_000)), EnrichedOrLimit),
        ("a million curly quotes", json_body(&"\u{201C}".repeat(999_000)), EnrichedOrLimit),
        ("a million newlines", json_body(&"\n".repeat(999_000)), Dead("missing_body")),
        ("a million spaces", json_body(&" ".repeat(999_000)), Dead("missing_body")),
        ("80k nested divs in html", serde_json::json!({"html": format!("{}teks{}", "<div>".repeat(80_000), "</div>".repeat(80_000))}).to_string().into_bytes(), Enriched),
        ("80k self-closed divs in html", html(&format!("{}teks", "<div/>".repeat(80_000))), Enriched),
        ("30k nested tables in html", html(&format!("{}teks", "<table><tr><td>".repeat(30_000))), Enriched),
        ("a stray < before each of 100k divs", html(&format!("{}teks", "< <div>".repeat(100_000))), Enriched),
        ("200 formatting tags re-opened 90k times", html(&format!("<p>{}</p>{}", "<b>".repeat(200), "<p>x</p>".repeat(90_000))), Enriched),
        ("14k paragraphs in an article page", html(&format!("<article>{}</article>", "<p>Kalimat berita.</p>".repeat(14_000))), Enriched),
        ("html over the body limit", serde_json::json!({"html": "<p>".repeat(400_000)}).to_string().into_bytes(), Dead("body_too_long")),
        ("100k html entities", json_body(&"&amp;".repeat(100_000)), Enriched),
        ("100k numeric entities", json_body(&"&#8220;".repeat(100_000)), EnrichedOrLimit),
        ("right-to-left override flood", json_body(&format!("{}teks", "\u{202E}".repeat(200_000))), Enriched),
        ("combining mark flood", json_body(&format!("a{}", "\u{0301}".repeat(200_000))), Enriched),
        ("zero-width flood", json_body(&"\u{200B}".repeat(500_000)), Dead("empty_after_cleaning")),
        ("escaped NUL bytes", json_body(&format!("Jakarta - isi{}berita", "\u{0000}".repeat(1000))), Enriched),
        ("every control character", json_body(&controls), Enriched),
        ("mojibake flood", json_body(&"Ã©tÃ© ".repeat(150_000)), Enriched),
        ("a million dots", json_body(&".".repeat(999_000)), Enriched),
        ("debris lines only", json_body(&"Baca Juga\nAdvertisement\n".repeat(40_000)), Dead("empty_after_cleaning")),
        ("quote and cue repeated", json_body(&"\"Kami siap,\" kata Budi. ".repeat(30_000)), EnrichedOrLimit),
        ("number as body", br#"{"body": 1e308}"#.to_vec(), Dead("wrong_type")),
        ("number as title", br#"{"title": 7, "body": "Isi."}"#.to_vec(), Dead("wrong_type")),
        ("array as body", br#"{"body": ["a", "b"]}"#.to_vec(), Dead("wrong_type")),
        ("duplicate keys", br#"{"body": "Isi pertama.", "body": "Isi kedua."}"#.to_vec(), Enriched),
        ("byte order mark", b"\xef\xbb\xbf{\"body\":\"Isi.\"}".to_vec(), Dead("invalid_json")),
        ("emoji flood", json_body(&"\u{1F600}".repeat(200_000)), Enriched),
    ]
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "budgets mean something only optimised: cargo test --release --test hostile"
)]
fn every_hostile_input_is_dead_lettered_or_processed_within_budget() {
    let processor = processor();
    let corpus = corpus();
    assert!(
        corpus.len() >= 30,
        "the issue asks for at least 30 hostile inputs"
    );
    // Generous for a loaded 2-core machine; a super-linear stage on these sizes takes
    // minutes, not seconds.
    let budget = Duration::from_secs(5);
    let mut wrong = Vec::new();
    for (name, value, expect) in corpus {
        let started = Instant::now();
        let outcome = processor.process_value(Some(b"k"), Some(&value), Origin::default());
        let took = started.elapsed();
        if took >= budget {
            wrong.push(format!("{name}: took {took:?}"));
        }
        let ok = match (expect, &outcome) {
            (Expect::Dead(class), Outcome::DeadLetter { class: got, .. }) => *got == class,
            (Expect::Enriched | Expect::EnrichedOrLimit, Outcome::Output { .. }) => true,
            (Expect::EnrichedOrLimit, Outcome::DeadLetter { class, .. }) => {
                *class == "over_limit" || *class == "output_too_large"
            }
            _ => false,
        };
        if !ok {
            let shown = match &outcome {
                Outcome::Output { .. } => "enriched".to_string(),
                Outcome::DeadLetter { class, reason } => format!("{class}: {reason}"),
            };
            wrong.push(format!("{name}: expected {expect:?}, got {shown}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Builds a body of about `n` characters.
type Generator = fn(usize) -> String;

/// Text patterns that stress cleaning, segmentation and quote matching.
fn scaling_patterns() -> Vec<(&'static str, Generator)> {
    vec![
        ("straight quotes", |n| "\"".repeat(n)),
        ("curly openers", |n| "\u{201C}".repeat(n)),
        ("quote with cue", |n| "\"Ya,\" kata Budi. ".repeat(n / 16)),
        ("many attributed quotes", |n| {
            "\"Kami siap,\" kata Budi Santoso. ".repeat(n / 32)
        }),
        ("unclosed quotes per paragraph", |n| {
            "\"Kalimat panjang tanpa penutup\n".repeat(n / 31)
        }),
        ("newlines", |n| "a\n".repeat(n / 2)),
        ("dots", |n| ".".repeat(n)),
        ("abbreviations", |n| "Dr. Prof. H. Jl. No. ".repeat(n / 21)),
        ("capitalised words", |n| "Budi Santoso ".repeat(n / 13)),
        ("entities", |n| "&amp;".repeat(n / 5)),
        ("mojibake", |n| "Ã© ".repeat(n / 3)),
        ("debris lines", |n| "Baca Juga\nIsi.\n".repeat(n / 15)),
        ("dates", |n| "Senin, 24 Februari 2025 ".repeat(n / 24)),
    ]
}

fn time_enrich(processor: &Processor, body: &str) -> Duration {
    let value = json_body(body);
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let _ = processor.process_value(None, Some(&value), Origin::default());
            started.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timings mean something only optimised: cargo test --release --test hostile"
)]
fn no_stage_goes_super_linear() {
    let processor = processor();
    let (small, large) = (25_000, 200_000);
    for (name, make) in scaling_patterns() {
        let t_small = time_enrich(&processor, &make(small)).max(Duration::from_micros(200));
        let t_large = time_enrich(&processor, &make(large));
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
        assert!(
            ratio < 30.0,
            "{name}: 8x the input took {ratio:.1}x the time ({t_small:?} -> {t_large:?}); quadratic behaviour"
        );
    }
}
