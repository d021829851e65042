//! The output contract: real enrichment output validated against
//! `schemas/enriched-article.v1.json`, plus every span checked against the body it points
//! into (end-exclusive Unicode code point offsets).

mod shared_data;

use std::path::PathBuf;

use serde_json::{json, Value};
use warta_core::article::{DecodeLimits, FieldMapping, RawArticle};
use warta_core::output::{Enriched, Provenance};
use warta_core::pipeline::{enrich, Resources};

const SCHEMA_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../schemas/enriched-article.v1.json"
);
const FIXTURES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
/// A real scraper dump kept outside the repo; used when present, never copied in.
const SHARED_DUMP: &str = "articles/indonews-2025-06-18.jsonl";
const SHARED_DUMP_LIMIT: usize = 200;

fn schema() -> Value {
    let text = std::fs::read_to_string(SCHEMA_PATH)
        .unwrap_or_else(|e| panic!("cannot read {SCHEMA_PATH}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SCHEMA_PATH} is not JSON: {e}"))
}

fn validator() -> jsonschema::Validator {
    let schema = schema();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "{SCHEMA_PATH} is not a valid JSON Schema"
    );
    jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("cannot compile {SCHEMA_PATH}: {e}"))
}

/// Every schema violation of `instance`, one readable line each.
fn violations(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("at `{}` (schema `{}`): {e}", e.instance_path, e.schema_path))
        .collect()
}

fn provenance(topic: &str, offset: i64) -> Provenance {
    Provenance {
        topic: Some(topic.to_string()),
        partition: Some(0),
        offset: Some(offset),
        worker_version: env!("CARGO_PKG_VERSION").to_string(),
        processed_at: "2025-06-18T08:00:00.000Z".to_string(),
        processing_time_us: 1234,
    }
}

/// Span check: `text` must be exactly body[start..end) in code points.
fn span_problem(body: &[char], what: &str, start: usize, end: usize, text: &str) -> Option<String> {
    if start > end || end > body.len() {
        return Some(format!(
            "{what}: span {start}..{end} is outside the body ({} code points), text {text:?}",
            body.len()
        ));
    }
    let found: String = body[start..end].iter().collect();
    (found != text).then(|| format!("{what}: body[{start}..{end}] is {found:?}, text is {text:?}"))
}

/// Every span of the record that does not point at its own text.
fn span_problems(e: &Enriched) -> Vec<String> {
    let body: Vec<char> = e.body.chars().collect();
    // Sanity: the slice above must agree with the contract's own wording.
    debug_assert_eq!(body.len(), e.body.chars().count());
    let mut problems = Vec::new();
    for (i, entity) in e.entities.iter().enumerate() {
        for (j, m) in entity.mentions.iter().enumerate() {
            let what = format!("entities[{i}] {:?} mentions[{j}]", entity.name);
            problems.extend(span_problem(&body, &what, m.start, m.end, &m.text));
        }
        if entity.count != entity.mentions.len() {
            problems.push(format!(
                "entities[{i}] {:?}: count {} but {} mentions",
                entity.name,
                entity.count,
                entity.mentions.len()
            ));
        }
    }
    for (i, q) in e.quotes.iter().enumerate() {
        problems.extend(span_problem(
            &body,
            &format!("quotes[{i}]"),
            q.start,
            q.end,
            &q.text,
        ));
        if let Some(s) = &q.speaker {
            problems.extend(span_problem(
                &body,
                &format!("quotes[{i}].speaker"),
                s.start,
                s.end,
                &s.name,
            ));
        }
    }
    for (i, d) in e.dates.iter().enumerate() {
        problems.extend(span_problem(
            &body,
            &format!("dates[{i}]"),
            d.start,
            d.end,
            &d.text,
        ));
    }
    problems
}

/// Runs the records through decode → enrich → JSON and collects every contract breach,
/// labelled with the record's origin. Returns (records enriched, problems).
fn check_records<'a>(
    records: impl IntoIterator<Item = (String, &'a [u8])>,
    mapping: &FieldMapping,
    validator: &jsonschema::Validator,
) -> (usize, Vec<String>) {
    let resources = Resources::default();
    // Every other record also carries the optional `removed_lines` audit.
    let debug = Resources::default().with_debug_removed(true);
    let limits = DecodeLimits::default();
    let mut enriched_count = 0;
    let mut problems = Vec::new();
    for (offset, (label, bytes)) in records.into_iter().enumerate() {
        let article = match RawArticle::decode(bytes, mapping, &limits) {
            Ok(a) => a,
            Err(e) => {
                problems.push(format!("{label}: does not decode: {e}"));
                continue;
            }
        };
        let enriched = match enrich(
            &article,
            if offset % 2 == 1 { &debug } else { &resources },
            provenance("articles.raw", offset as i64),
        ) {
            Ok(e) => e,
            Err(e) => {
                problems.push(format!("{label}: rejected by enrich: {e}"));
                continue;
            }
        };
        enriched_count += 1;
        let value = serde_json::to_value(&enriched).expect("Enriched serializes");
        for v in violations(validator, &value) {
            problems.push(format!("{label}: schema: {v}"));
        }
        for p in span_problems(&enriched) {
            problems.push(format!("{label}: span: {p}"));
        }
        // The JSON must also read back into the same struct (no lossy field).
        let back: Enriched = serde_json::from_value(value).expect("output reads back");
        if back != enriched {
            problems.push(format!("{label}: JSON round trip changed the record"));
        }
    }
    (enriched_count, problems)
}

fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} contract problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

fn fixture_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(FIXTURES_DIR)
        .unwrap_or_else(|e| panic!("cannot list {FIXTURES_DIR}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn fixtures_produce_schema_valid_output_with_exact_spans() {
    let validator = validator();
    let paths = fixture_paths();
    assert!(
        !paths.is_empty(),
        "no *.json fixtures in {FIXTURES_DIR}: the contract test would pass vacuously"
    );
    let contents: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
            (name, bytes)
        })
        .collect();
    let (enriched, problems) = check_records(
        contents.iter().map(|(n, b)| (n.clone(), b.as_slice())),
        &FieldMapping::default(),
        &validator,
    );
    assert_no_problems("fixtures", &problems);
    assert_eq!(enriched, contents.len());
}

#[test]
fn demo_samples_produce_schema_valid_output_with_exact_spans() {
    let validator = validator();
    let lines: Vec<(String, &[u8])> = warta::commands::demo::SAMPLE_ARTICLES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (format!("demo sample line {}", i + 1), l.as_bytes()))
        .collect();
    assert!(!lines.is_empty(), "the demo has no sample articles");
    let count = lines.len();
    let (enriched, problems) = check_records(lines, &FieldMapping::default(), &validator);
    assert_no_problems("demo samples", &problems);
    assert_eq!(enriched, count);
}

/// The real scraper dump, when it is available on this machine; its text stays outside
/// the repo and out of the failure messages beyond the spans themselves.
#[test]
fn shared_indonews_dump_produces_schema_valid_output() {
    let Some(path) = shared_data::path(SHARED_DUMP) else {
        return;
    };
    let config = warta::config::Config::load_with_env(None, Vec::<(String, String)>::new())
        .expect("default config loads");
    let mapping = config
        .mappings
        .get("indonews")
        .expect("the built-in mappings include indonews")
        .clone();
    let text = std::fs::read_to_string(&path).expect("shared dump is UTF-8");
    let lines: Vec<(String, &[u8])> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(SHARED_DUMP_LIMIT)
        .map(|(i, l)| (format!("indonews line {}", i + 1), l.as_bytes()))
        .collect();
    assert_eq!(
        lines.len(),
        SHARED_DUMP_LIMIT,
        "records read from {SHARED_DUMP}"
    );
    let (enriched, problems) = check_records(lines, &mapping, &validator());
    assert_no_problems("indonews dump", &problems);
    assert!(enriched > 0);
    eprintln!("validated {enriched} articles from {SHARED_DUMP}");
}

/// A valid record to mutate: the first demo sample, enriched.
fn valid_record() -> Value {
    let line = warta::commands::demo::SAMPLE_ARTICLES
        .lines()
        .find(|l| !l.trim().is_empty())
        .expect("a demo sample");
    let article = RawArticle::decode(
        line.as_bytes(),
        &FieldMapping::default(),
        &DecodeLimits::default(),
    )
    .expect("demo sample decodes");
    let enriched = enrich(
        &article,
        &Resources::default(),
        provenance("articles.raw", 0),
    )
    .expect("enriches");
    serde_json::to_value(enriched).unwrap()
}

/// A hand-built record that exercises every nested object (entity, mention, speaker,
/// dateline, date), so the mutations below reach every level even when the enrichment
/// output of the samples lacks some of them.
fn full_record() -> Value {
    json!({
        "schema_version": 1,
        "id": "x-1",
        "url": null,
        "source": "Contoh.com",
        "title": "Judul",
        "author": null,
        "published_at": "2025-03-12T00:00:00+08:00",
        "published_at_raw": "Rabu, 12 Maret 2025",
        "language": "id",
        "language_confidence": 0.97,
        "dateline": { "outlet": "Contoh.com", "location": "Makassar" },
        "body": "Andi berkata \"Ya.\" pada 12 Maret 2025.",
        "entities": [{
            "name": "Andi",
            "type": "PERSON",
            "mentions": [{ "text": "Andi", "start": 0, "end": 4 }],
            "count": 1,
            "aliases": [],
            "roles": ["Wali Kota"]
        }],
        "quotes": [{
            "text": "Ya.",
            "start": 14,
            "end": 17,
            "kind": "direct",
            "cue": "berkata",
            "speaker": { "name": "Andi", "entity": "Andi", "start": 0, "end": 4 }
        }],
        "dates": [{ "text": "12 Maret 2025", "start": 24, "end": 37, "value": "2025-03-12" }],
        "stats": { "words": 7, "sentences": 2, "paragraphs": 1 },
        "content_hash": "0".repeat(64),
        "removed": [{ "kind": "dateline", "count": 1 }],
        "provenance": {
            "topic": null,
            "partition": null,
            "offset": null,
            "worker_version": "0.1.0",
            "processed_at": "2025-06-18T08:00:00.000Z",
            "processing_time_us": 0
        }
    })
}

fn mutated(base: &Value, pointer: &str, mutate: impl FnOnce(&mut Value)) -> Value {
    let mut v = base.clone();
    mutate(
        v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("no `{pointer}` in the base record")),
    );
    v
}

fn remove(key: &'static str) -> impl FnOnce(&mut Value) {
    move |v| {
        v.as_object_mut()
            .unwrap()
            .remove(key)
            .unwrap_or_else(|| panic!("no key `{key}` to remove"));
    }
}

fn insert(key: &'static str, value: Value) -> impl FnOnce(&mut Value) {
    move |v| {
        v.as_object_mut().unwrap().insert(key.to_string(), value);
    }
}

fn set(value: Value) -> impl FnOnce(&mut Value) {
    move |v| *v = value
}

#[test]
fn schema_rejects_broken_records() {
    let validator = validator();
    let real = valid_record();
    let full = full_record();
    // Both bases are valid, so each failure below is caused by its mutation alone.
    assert_no_problems("real base record", &violations(&validator, &real));
    assert_no_problems("full base record", &violations(&validator, &full));
    assert!(
        span_problems(&serde_json::from_value(full.clone()).unwrap()).is_empty(),
        "the hand-built record's own spans are wrong"
    );

    let cases: Vec<(&str, Value)> = vec![
        (
            "extra top-level field",
            mutated(&real, "", insert("sentiment", json!(0.5))),
        ),
        (
            "missing top-level field",
            mutated(&real, "", remove("content_hash")),
        ),
        (
            "missing nullable field",
            mutated(&real, "", remove("author")),
        ),
        (
            "language confidence above 1",
            mutated(&full, "/language_confidence", set(json!(1.5))),
        ),
        (
            "language confidence as text",
            mutated(&full, "/language_confidence", set(json!("high"))),
        ),
        (
            "missing language confidence",
            mutated(&full, "", remove("language_confidence")),
        ),
        (
            "schema_version 2",
            mutated(&real, "/schema_version", set(json!(2))),
        ),
        ("body null", mutated(&real, "/body", set(Value::Null))),
        (
            "content_hash not hex",
            mutated(&real, "/content_hash", set(json!("xyz"))),
        ),
        (
            "negative word count",
            mutated(&real, "/stats/words", set(json!(-1))),
        ),
        (
            "fractional count",
            mutated(&real, "/stats/sentences", set(json!(1.5))),
        ),
        (
            "extra stats field",
            mutated(&real, "/stats", insert("chars", json!(1))),
        ),
        (
            "extra provenance field",
            mutated(&real, "/provenance", insert("host", json!("a"))),
        ),
        (
            "missing provenance field",
            mutated(&real, "/provenance", remove("worker_version")),
        ),
        (
            "entity type lowercase",
            mutated(&full, "/entities/0/type", set(json!("person"))),
        ),
        (
            "entity type unknown",
            mutated(&full, "/entities/0/type", set(json!("EVENT"))),
        ),
        (
            "entity without roles",
            mutated(&full, "/entities/0", remove("roles")),
        ),
        (
            "extra entity field",
            mutated(&full, "/entities/0", insert("score", json!(1))),
        ),
        (
            "mention negative start",
            mutated(&full, "/entities/0/mentions/0/start", set(json!(-4))),
        ),
        (
            "mention offset as string",
            mutated(&full, "/entities/0/mentions/0/end", set(json!("4"))),
        ),
        (
            "extra mention field",
            mutated(
                &full,
                "/entities/0/mentions/0",
                insert("byte_start", json!(0)),
            ),
        ),
        (
            "quote kind unknown",
            mutated(&full, "/quotes/0/kind", set(json!("paraphrase"))),
        ),
        (
            "quote kind uppercase",
            mutated(&full, "/quotes/0/kind", set(json!("DIRECT"))),
        ),
        (
            "quote without cue",
            mutated(&full, "/quotes/0", remove("cue")),
        ),
        (
            "speaker as string",
            mutated(&full, "/quotes/0/speaker", set(json!("Andi"))),
        ),
        (
            "speaker without entity",
            mutated(&full, "/quotes/0/speaker", remove("entity")),
        ),
        (
            "extra speaker field",
            mutated(&full, "/quotes/0/speaker", insert("role", json!("x"))),
        ),
        (
            "dateline as string",
            mutated(&full, "/dateline", set(json!("Makassar"))),
        ),
        (
            "extra dateline field",
            mutated(&full, "/dateline", insert("date", json!(null))),
        ),
        (
            "dateline without outlet",
            mutated(&full, "/dateline", remove("outlet")),
        ),
        (
            "date without value",
            mutated(&full, "/dates/0", remove("value")),
        ),
        (
            "extra removed field",
            mutated(&full, "/removed/0", insert("chars", json!(3))),
        ),
    ];
    let passed: Vec<&str> = cases
        .iter()
        .filter(|(_, v)| validator.is_valid(v))
        .map(|(name, _)| *name)
        .collect();
    assert!(
        passed.is_empty(),
        "the schema accepts broken records: {passed:?}"
    );

    // A record with a wrong span is schema-valid (offsets are plain integers), but the
    // span check must catch it.
    let shifted = mutated(&full, "/quotes/0/start", set(json!(13)));
    let shifted: Enriched = serde_json::from_value(shifted).unwrap();
    assert_eq!(span_problems(&shifted).len(), 1);
}
