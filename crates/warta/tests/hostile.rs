//! Hostile inputs, generated here (never stored as fixtures): each must be dead-lettered
//! with the right class or processed, and no stage may go super-linear. Scaling is
//! checked by timing the same generator at two sizes: linear work grows ~8x for 8x the
//! input, quadratic work ~64x; the bound sits well between.

use std::time::{Duration, Instant};

mod common;

use common::hostile::{corpus, json_body, Expect};
use warta::config::Config;
use warta::processing::{process_value, processor_from_config, Origin, Outcome, Processor};

fn processor() -> std::sync::Arc<Processor> {
    let config = Config::load_with_env(None, Vec::<(String, String)>::new()).unwrap();
    processor_from_config(&config)
}

/// Limits raised past the scaling sizes, so the growth test measures real work rather
/// than a quick refusal.
fn unlimited_processor() -> std::sync::Arc<Processor> {
    let env = [
        ("WARTA_LIMITS__MAX_BODY_CHARS", "10000000"),
        ("WARTA_LIMITS__MAX_INPUT_BYTES", "50000000"),
        ("WARTA_LIMITS__MAX_OUTPUT_BYTES", "100000000"),
        ("WARTA_LIMITS__MAX_ENTITIES", "1000000"),
        ("WARTA_LIMITS__MAX_QUOTES", "1000000"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()));
    let config = Config::load_with_env(None, env).unwrap();
    processor_from_config(&config)
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
        let outcome = process_value(&processor, Some(b"k"), Some(&value), Origin::default());
        let took = started.elapsed();
        eprintln!("{name}: {} bytes in {took:?}", value.len());
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
        ("combining marks", |n| format!("a{}", "\u{0301}".repeat(n))),
        ("emoji", |n| "\u{1F600}".repeat(n)),
        ("zero-width", |n| format!("a{}b", "\u{200B}".repeat(n))),
        ("abbreviations", |n| "Dr. Prof. H. Jl. No. ".repeat(n / 21)),
        ("capitalised words", |n| "Budi Santoso ".repeat(n / 13)),
        ("entities", |n| "&amp;".repeat(n / 5)),
        ("mojibake", |n| "Ã© ".repeat(n / 3)),
        ("debris lines", |n| "Baca Juga\nIsi.\n".repeat(n / 15)),
        ("dates", |n| "Senin, 24 Februari 2025 ".repeat(n / 24)),
        ("glued words", |n| {
            "KesehatanBudi Sadikinyang Jawa,Icha dariAntara,Rabu ".repeat(n / 50)
        }),
        ("one glued token", |n| "kataBudi,".repeat(n / 9)),
    ]
}

fn time_enrich(processor: &Processor, body: &str) -> Duration {
    let value = json_body(body);
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let outcome = process_value(processor, None, Some(&value), Origin::default());
            let took = started.elapsed();
            // A refusal would time nothing: the input must have gone through every stage.
            assert!(
                matches!(outcome, Outcome::Output { .. }),
                "{} chars were not enriched",
                body.chars().count()
            );
            took
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
    let processor = unlimited_processor();
    let (small, large) = (25_000, 200_000);
    for (name, make) in scaling_patterns() {
        let t_small = time_enrich(&processor, &make(small)).max(Duration::from_micros(200));
        let t_large = time_enrich(&processor, &make(large));
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
        eprintln!("{name}: {t_small:?} -> {t_large:?} ({ratio:.1}x)");
        assert!(
            ratio < 30.0,
            "{name}: 8x the input took {ratio:.1}x the time ({t_small:?} -> {t_large:?}); quadratic behaviour"
        );
    }
}
