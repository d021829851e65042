//! Runs `enrich` over the shared scraped dumps (`../shared/data/articles/*.jsonl`) when
//! they exist: no panics, every span valid, cleaning idempotent. Ignored by default since
//! the data lives outside the repo; run with `cargo test --test enrich_shared_corpus -- --ignored --nocapture`.

mod shared_data;

use std::collections::BTreeMap;

use warta_core::article::{FieldMapping, RawArticle};
use warta_core::output::Provenance;
use warta_core::pipeline::{enrich, Resources};
use warta_core::span::check_spans;

#[test]
#[ignore = "needs ../shared/data/articles"]
fn shared_corpus_enriches_cleanly() {
    let Some(dir) = shared_data::path("articles") else {
        return;
    };
    let entries = std::fs::read_dir(&dir).expect("the shared articles folder is readable");
    let resources = Resources::default();
    let provenance = Provenance::offline("corpus", "2025-01-01T00:00:00Z");
    let mut lines = 0;
    let mut linked_speakers = 0;
    let (mut n, mut quotes, mut speakers, mut dated, mut datelines) = (0, 0, 0, 0, 0);
    let mut removed: BTreeMap<String, usize> = BTreeMap::new();
    let mut unparsed: Vec<String> = Vec::new();
    // Set WARTA_CORPUS_DUMP=/some/file.jsonl to inspect the output by hand.
    let mut dump = std::env::var_os("WARTA_CORPUS_DUMP").map(|p| std::fs::File::create(p).unwrap());
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            lines += 1;
            let article = RawArticle::decode(
                line.as_bytes(),
                &FieldMapping::indonews(),
                &Default::default(),
            )
            .unwrap();
            let Ok(e) = enrich(&article, &resources, provenance.clone()) else {
                continue;
            };
            n += 1;
            if let Some(f) = dump.as_mut() {
                use std::io::Write;
                writeln!(f, "{}", serde_json::to_string(&e).unwrap()).unwrap();
            }
            check_spans(&e).unwrap_or_else(|err| panic!("{}: {err}", e.id));
            let again = RawArticle {
                body: Some(e.body.clone()),
                ..article.clone()
            };
            let second = enrich(&again, &resources, provenance.clone()).unwrap();
            assert_eq!(second.body, e.body, "not idempotent: {}", e.id);
            // One person, one entity: a speaker's entity is an entity of the same record.
            for q in &e.quotes {
                if let Some(linked) = q.speaker.as_ref().and_then(|s| s.entity.as_deref()) {
                    assert!(
                        e.entities.iter().any(|x| x.name == linked),
                        "{}: speaker entity {linked:?} of {:?} is no entity of the record",
                        e.id,
                        q.text
                    );
                    linked_speakers += 1;
                }
            }
            quotes += e.quotes.len();
            speakers += e.quotes.iter().filter(|q| q.speaker.is_some()).count();
            dated += usize::from(e.published_at.is_some());
            datelines += usize::from(e.dateline.is_some());
            if e.published_at.is_none()
                && e.published_at_raw
                    .as_deref()
                    .is_some_and(|r| !r.trim().is_empty())
            {
                unparsed.extend(e.published_at_raw.clone());
            }
            for r in e.removed {
                *removed.entry(r.kind).or_default() += r.count;
            }
        }
    }
    eprintln!("articles {n}, quotes {quotes} (with speaker {speakers}, linked to an entity {linked_speakers}), published_at parsed {dated}, datelines {datelines}");
    eprintln!("removed {removed:?}");
    eprintln!(
        "unparsed dates (first 10): {:?}",
        &unparsed[..unparsed.len().min(10)]
    );
    assert!(unparsed.is_empty());
    // The two shared dumps (909 Detik and 1,973 Indonews lines): a short read is a failure.
    assert_eq!(lines, 2882, "lines read from {}", dir.display());
    assert!(n >= 2800, "only {n} of {lines} articles enriched");
    // About 9,700 speakers of these articles link to an entity; far fewer means linking broke.
    assert!(
        linked_speakers >= 9_000,
        "only {linked_speakers} speakers linked"
    );
}
