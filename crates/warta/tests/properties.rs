//! Invariants of the whole pure core over generated input: no panic, every span inside
//! `body` and on its text, NFC output, idempotent on its own output, and valid against
//! the output JSON Schema.

use std::sync::LazyLock;

use proptest::prelude::*;
use unicode_normalization::is_nfc;
use warta_core::article::{DecodeLimits, FieldMapping, RawArticle};
use warta_core::output::Provenance;
use warta_core::span::check_spans;
use warta_core::{pipeline, Resources};

static RESOURCES: LazyLock<Resources> = LazyLock::new(Resources::default);
static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let text = include_str!("../../../schemas/enriched-article.v1.json");
    jsonschema::validator_for(&serde_json::from_str(text).unwrap()).unwrap()
});

/// Pieces of real-looking news text, debris and broken encodings, to be shuffled.
const FRAGMENTS: &[&str] = &[
    "Liputan6.com, Jakarta - ",
    "JAKARTA, KOMPAS.com - ",
    "Jakarta - ",
    "TEMPO.CO, Jakarta - ",
    "Baca Juga",
    "Advertisement",
    "SCROLL TO CONTINUE WITH CONTENT",
    "\n",
    "\n\n",
    "Â",
    "â€œ",
    "Ã©",
    "&amp;",
    "&#8220;",
    "\u{200B}",
    "\u{00A0}",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "Kami siap",
    ",\" kata ",
    "ujarnya.",
    " mengatakan bahwa ",
    "Menurut ",
    "Presiden ",
    "Joko Widodo",
    "Budi",
    "Kapolres ",
    "(16/6/2025)",
    "Senin, 24 Februari 2025",
    "pukul 16.00 WIB",
    "Dr. ",
    "Rp 3,5 juta",
    ". ",
    ", ",
    ": ",
    "e\u{0301}",
    "\u{1F600}",
    "\u{202E}",
    "\t",
    "\r\n",
];

fn body_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..60)
            .prop_map(|v| v.concat()),
    ]
}

fn provenance() -> Provenance {
    Provenance::offline("test", "2026-01-01T00:00:00Z")
}

fn article(body: String) -> RawArticle {
    RawArticle {
        body: Some(body),
        published_at: Some("Senin, 16 Jun 2025 20:45 WIB".into()),
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn enrich_output_holds_its_invariants(body in body_strategy()) {
        let Ok(out) = pipeline::enrich(&article(body), &RESOURCES, provenance()) else {
            return Ok(());
        };
        prop_assert!(check_spans(&out).is_ok(), "{:?}", check_spans(&out));
        prop_assert!(is_nfc(&out.body));
        let json = serde_json::to_value(&out).unwrap();
        let errors: Vec<String> = SCHEMA.iter_errors(&json).map(|e| e.to_string()).collect();
        prop_assert!(errors.is_empty(), "{errors:?}");
        // Enriching the cleaned body again changes nothing in it.
        let again = pipeline::enrich(&article(out.body.clone()), &RESOURCES, provenance());
        let again = again.expect("a cleaned body is accepted again");
        prop_assert_eq!(again.body, out.body);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..512),
            any::<String>().prop_map(|s| format!("{{\"body\":\"{s}\",\"id\":{s:?}}}").into_bytes()),
        ]
    ) {
        let _ = RawArticle::decode(&bytes, &FieldMapping::default(), &DecodeLimits::default());
    }
}

/// Letters and digits, lowercased: what "a sentence survives" compares.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

static CLEANER: LazyLock<warta_core::stages::clean::Cleaner> =
    LazyLock::new(warta_core::stages::clean::Cleaner::new);

const OPEN: &[&str] = &["", "\"", "“", "‘", "«", "'"];
const CLOSE: &[&str] = &["", "\"", "”", "’", "»", "'"];
const WORDS: &[&str] = &[
    "Kami",
    "siap",
    "harga",
    "beras",
    "naik",
    "tidak",
    "akan",
    "mundur",
    "Jakarta",
    "Menteri",
    "KesehatanBudi",
    "mentalyang",
    "juga",
    "Foto",
    "Editor",
    "video",
    "Advertisement",
    "Â",
    "&amp;",
    "\u{200b}",
    "3,5",
    "16.00",
    "U.S.",
    "iPhone",
];
const VERBS: &[&str] = &[
    "kata",
    "ujar",
    "ujarnya",
    "katanya",
    "tutur",
    "jelas",
    "ucap",
    "menurut",
    "mengatakan",
    "menegaskan",
    "said",
    "tegasnya",
];
const NAMES: &[&str] = &["Budi", "Sri Mulyani", "Kapolres", "dia", "Prabowo Subianto"];
/// Whole-line debris the cleaner is meant to drop.
const DEBRIS: &[&str] = &[
    "Baca Juga",
    "Advertisement",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "[Gambas:Video 20detik]",
    "Foto: Dok. Humas",
    "Editor: Budi",
    "(ant/ded)",
    "",
    "Â",
];
const DATELINES: &[&str] = &[
    "",
    "Liputan6.com, Jakarta - ",
    "JAKARTA, KOMPAS.com - ",
    "Jakarta - ",
];

fn speech_sentence() -> impl Strategy<Value = String> {
    (
        0..OPEN.len(),
        proptest::collection::vec(proptest::sample::select(WORDS), 1..8),
        proptest::sample::select(VERBS),
        proptest::sample::select(NAMES),
        any::<bool>(),
    )
        .prop_map(|(q, words, verb, name, verb_first)| {
            let quote = format!("{}{},{}", OPEN[q], words.join(" "), CLOSE[q]);
            if verb_first {
                format!("{verb} {name}, {quote}.")
            } else {
                format!("{quote} {verb} {name}.")
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// A sentence with a quote mark or a speech verb on a line of its own (possibly
    /// behind a dateline) always survives cleaning, its letters in order, whatever debris
    /// surrounds it. (Lines that are themselves exact markers, "Baca juga: …" or
    /// "Simak video …", are debris even when they quote someone, so the generated
    /// sentences never start with one.)
    #[test]
    fn sentences_with_speech_are_never_dropped(
        lines in proptest::collection::vec(
            prop_oneof![
                speech_sentence().prop_map(|s| (true, s)),
                proptest::sample::select(DEBRIS).prop_map(|d| (false, d.to_string())),
            ],
            1..12,
        ),
        dateline in proptest::sample::select(DATELINES),
    ) {
        let raw = format!(
            "{dateline}{}",
            lines.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>().join("\n")
        );
        let out = letters(&CLEANER.clean(&raw).body);
        for (speech, line) in &lines {
            if *speech {
                let want = letters(&warta_core::stages::clean::clean_inline(line));
                prop_assert!(out.contains(&want), "lost {line:?} from {raw:?}");
            }
        }
    }
}
