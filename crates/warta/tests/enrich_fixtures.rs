//! Hand-written articles in the style of the real feeds (datelines, "Baca Juga",
//! "Advertisement", mojibake, speech verbs), run through `enrich` end to end. The
//! expectations are exact: quotes, speakers, dateline, removal counts and spans.

use std::path::Path;

use warta_core::article::{DecodeLimits, FieldMapping, RawArticle};
use warta_core::error::Rejected;
use warta_core::output::{Dateline, Enriched, Provenance, QuoteKind};
use warta_core::pipeline::{enrich, EnrichLimits, Resources};
use warta_core::span::{check_spans, span_text};

fn provenance() -> Provenance {
    Provenance {
        topic: Some("articles.raw".into()),
        partition: Some(3),
        offset: Some(42),
        worker_version: "test".into(),
        processed_at: "2025-06-18T00:00:00Z".into(),
        processing_time_us: 0,
    }
}

fn load(name: &str) -> RawArticle {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    RawArticle::decode(&bytes, &FieldMapping::default(), &DecodeLimits::default()).unwrap()
}

fn run(name: &str) -> Enriched {
    enrich(&load(name), &Resources::default(), provenance()).unwrap()
}

fn all_fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

fn removed(e: &Enriched, kind: &str) -> usize {
    e.removed
        .iter()
        .find(|r| r.kind == kind)
        .map_or(0, |r| r.count)
}

/// (text, kind, cue, speaker name, speaker entity)
type Q<'a> = (
    &'a str,
    QuoteKind,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn quotes(e: &Enriched) -> Vec<Q<'_>> {
    e.quotes
        .iter()
        .map(|q| {
            (
                q.text.as_str(),
                q.kind,
                q.cue.as_deref(),
                q.speaker.as_ref().map(|s| s.name.as_str()),
                q.speaker.as_ref().and_then(|s| s.entity.as_deref()),
            )
        })
        .collect()
}

use QuoteKind::{Direct, Indirect};

#[test]
fn every_span_of_every_fixture_matches_its_text() {
    let names = all_fixtures();
    assert!(names.len() >= 4);
    for name in names {
        let e = run(&name);
        check_spans(&e).unwrap_or_else(|err| panic!("{name}: {err}"));
        // Spot-check the definition independently of the helper.
        for q in &e.quotes {
            let by_chars: String = e.body.chars().skip(q.start).take(q.end - q.start).collect();
            assert_eq!(by_chars, q.text, "{name}");
            assert_eq!(span_text(&e.body, q.start, q.end), q.text);
        }
    }
}

#[test]
fn cleaning_is_idempotent_on_fixtures() {
    let resources = Resources::default();
    for name in all_fixtures() {
        let first = run(&name);
        let again = RawArticle {
            body: Some(first.body.clone()),
            ..load(&name)
        };
        let second = enrich(&again, &resources, provenance()).unwrap();
        assert_eq!(second.body, first.body, "{name}");
        assert_eq!(second.content_hash, first.content_hash, "{name}");
        assert!(second.removed.is_empty(), "{name}: {:?}", second.removed);
    }
}

#[test]
fn liputan6_style_article() {
    let e = run("liputan6-macron-merz.json");
    assert_eq!(e.id, "fx-liputan6-macron-merz");
    assert_eq!(e.provenance, provenance());
    assert_eq!(e.language.as_deref(), Some("id"));
    assert_eq!(e.published_at.as_deref(), Some("2025-03-11T19:30:00+07:00"));
    assert_eq!(
        e.published_at_raw.as_deref(),
        Some("Diperbarui 11 Mar 2025, 19:30 WIB")
    );
    assert_eq!(
        e.dateline,
        Some(Dateline {
            outlet: Some("Liputan6.com".into()),
            location: Some("Jakarta".into())
        })
    );
    assert!(e
        .body
        .starts_with("Presiden Prancis Emmanuel Macron dan Kanselir"));
    assert!(!e.body.contains('Â'));
    assert!(!e.body.contains("Advertisement"));
    assert!(!e.body.contains("Baca Juga"));
    assert_eq!(removed(&e, "dateline"), 1);
    assert_eq!(removed(&e, "read_also"), 1);
    assert_eq!(removed(&e, "advertisement"), 2);
    assert_eq!(e.removed.len(), 3);
    assert_eq!(e.stats.paragraphs, 11);
    // Titles become roles, short forms join the full name.
    let entity = |name: &str| e.entities.iter().find(|x| x.name == name);
    let macron = entity("Emmanuel Macron").expect("Macron is an entity");
    assert_eq!(macron.kind, warta_core::output::EntityType::Person);
    assert_eq!(macron.roles, vec!["Presiden"]);
    assert_eq!(macron.aliases, vec!["Macron"]);
    assert_eq!(entity("Friedrich Merz").unwrap().roles, vec!["Kanselir"]);
    for place in ["Prancis", "Jerman", "Paris", "Berlin"] {
        assert_eq!(
            entity(place).map(|x| x.kind),
            Some(warta_core::output::EntityType::Location),
            "{place}"
        );
    }

    let direct: Vec<Q> = quotes(&e).into_iter().filter(|q| q.1 == Direct).collect();
    assert_eq!(
        direct.iter().map(|q| (q.2, q.3, q.4)).collect::<Vec<_>>(),
        vec![
            (
                Some("kata"),
                Some("Emmanuel Macron"),
                Some("Emmanuel Macron")
            ),
            (Some("terang"), Some("Macron"), Some("Emmanuel Macron")),
            (
                Some("jelas"),
                Some("Friedrich Merz"),
                Some("Friedrich Merz")
            ),
            (Some("kata"), Some("Merz"), Some("Friedrich Merz")),
            (Some("ucap"), Some("Merz"), Some("Friedrich Merz")),
        ]
    );
    assert!(direct[0].0.starts_with("Eropa tidak bisa lagi menunggu"));
    assert!(direct[0].0.ends_with("lebih cepat dari sebelumnya"));
    assert_eq!(direct[4].0, "Kami akan datang ke Brussel dengan satu suara");

    let indirect: Vec<Q> = quotes(&e).into_iter().filter(|q| q.1 == Indirect).collect();
    assert_eq!(
        indirect,
        vec![
            (
                "Prancis siap memimpin pembentukan dana pertahanan bersama",
                Indirect,
                Some("menegaskan"),
                Some("Macron"),
                Some("Emmanuel Macron")
            ),
            (
                "Jerman akan menambah belanja militer secara bertahap hingga 2029",
                Indirect,
                Some("menyebut"),
                Some("Merz"),
                Some("Friedrich Merz")
            ),
            (
                "pertemuan berikutnya akan membahas bantuan untuk Ukraina",
                Indirect,
                Some("mengatakan"),
                Some("Merz"),
                Some("Friedrich Merz")
            ),
        ]
    );

    let dates: Vec<(&str, Option<&str>)> = e
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_deref()))
        .collect();
    assert_eq!(
        dates,
        vec![
            ("Selasa, 11 Maret 2025", Some("2025-03-11")),
            ("Selasa, 11 Maret 2025", Some("2025-03-11")),
            ("bulan depan", Some("2025-04")),
        ]
    );
}

#[test]
fn detik_style_article() {
    let e = run("detik-bus-listrik.json");
    assert_eq!(e.published_at.as_deref(), Some("2025-10-21T20:43:00+07:00"));
    assert_eq!(
        e.dateline,
        Some(Dateline {
            outlet: None,
            location: Some("Jakarta".into())
        })
    );
    assert!(e
        .body
        .starts_with("Pemerintah Provinsi DKI Jakarta menambah armada"));
    assert_eq!(removed(&e, "scroll_prompt"), 1);
    assert_eq!(removed(&e, "video_promo"), 1);
    assert_eq!(removed(&e, "embed"), 1);
    assert_eq!(removed(&e, "dateline"), 1);
    assert_eq!(e.stats.paragraphs, 6);
    assert_eq!(
        quotes(&e),
        vec![
            (
                "Kami menargetkan 50 unit tambahan beroperasi sebelum akhir tahun.",
                Direct,
                Some("mengatakan"),
                Some("Syafrin Liputo"),
                Some("Syafrin Liputo")
            ),
            (
                "Uji coba sudah kami lakukan sejak Agustus. Hasilnya cukup baik, keluhan penumpang berkurang",
                Direct,
                Some("ujarnya"),
                Some("Syafrin Liputo"),
                Some("Syafrin Liputo")
            ),
            (
                "langkah ini penting untuk mengurangi kemacetan di koridor utama",
                Indirect,
                Some("menilai"),
                Some("Rano Karno"),
                Some("Rano Karno")
            ),
            (
                "Warga harus merasa nyaman naik angkutan umum. Itu kunci utamanya",
                Direct,
                Some("kata"),
                Some("Rano"),
                Some("Rano Karno")
            ),
        ]
    );
    // "ujarnya" points back at where the speaker was named.
    let named = e.quotes[0].speaker.as_ref().unwrap();
    let resolved = e.quotes[1].speaker.as_ref().unwrap();
    assert_eq!((named.start, named.end), (resolved.start, resolved.end));
    assert_eq!(
        e.dates
            .iter()
            .map(|d| (d.text.as_str(), d.value.as_deref()))
            .collect::<Vec<_>>(),
        vec![
            ("pekan depan", Some("2025-W44")),
            ("Senin (20/10/2025)", Some("2025-10-20")),
            ("pukul 05.00 WIB", None),
        ]
    );
    // Times and thousands separators do not end sentences.
    assert_eq!(e.stats.sentences, 8);
}

#[test]
fn kompas_style_article_with_mojibake_and_entities() {
    let e = run("kompas-bmkg-hujan.json");
    assert_eq!(e.published_at.as_deref(), Some("2025-06-18T21:35:00+07:00"));
    assert_eq!(
        e.dateline,
        Some(Dateline {
            outlet: Some("KOMPAS.com".into()),
            location: Some("JAKARTA".into())
        })
    );
    assert!(e
        .body
        .starts_with("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)"));
    assert!(e.body.contains("24-32°C"));
    assert!(e.body.contains("di Café Batavia, Kota Tua."));
    assert!(e.body.contains("“Masyarakat diimbau"));
    assert!(e.body.ends_with("di Café Batavia, Kota Tua."));
    assert_eq!(removed(&e, "photo_credit"), 1);
    assert_eq!(removed(&e, "byline"), 2);
    assert_eq!(removed(&e, "signoff"), 1);
    assert_eq!(removed(&e, "dateline"), 1);
    assert_eq!(
        quotes(&e),
        vec![
            (
                "angin monsun masih aktif hingga akhir bulan",
                Indirect,
                Some("menyebut"),
                Some("Guswanto"),
                Some("Guswanto")
            ),
            (
                "Masyarakat diimbau tetap waspada terhadap genangan dan pohon tumbang",
                Direct,
                Some("tutur"),
                Some("Guswanto"),
                Some("Guswanto")
            ),
            (
                "suhu udara berkisar 24-32°C pada siang hari",
                Indirect,
                Some("menambahkan"),
                Some("Guswanto"),
                Some("Guswanto")
            ),
            (
                "Pantau terus informasi resmi dari kanal BMKG",
                Direct,
                Some("ujar"),
                Some("Guswanto"),
                Some("Guswanto")
            ),
        ]
    );
    assert_eq!(e.dates[0].text, "18 Juni 2025");
}

#[test]
fn english_article() {
    let e = run("english-fed-rates.json");
    assert_eq!(e.language.as_deref(), Some("en"));
    assert_eq!(e.published_at.as_deref(), Some("2025-06-18T18:30:00+00:00"));
    assert_eq!(
        e.dateline,
        Some(Dateline {
            outlet: None,
            location: Some("WASHINGTON".into())
        })
    );
    assert_eq!(removed(&e, "advertisement"), 1);
    // A speaker's entity is an entity of the record: the later "Powell" quotes link to
    // "Jerome Powell", whose short form the entity stage merged into it.
    assert_eq!(
        quotes(&e),
        vec![
            (
                "We are well positioned to wait for greater clarity",
                Direct,
                Some("said"),
                Some("Jerome Powell"),
                Some("Jerome Powell")
            ),
            (
                "inflation remained somewhat elevated",
                Indirect,
                Some("said"),
                Some("Powell"),
                Some("Jerome Powell")
            ),
            (
                "The economy is in a solid position",
                Direct,
                Some("said"),
                Some("Powell"),
                Some("Jerome Powell")
            ),
            (
                "Our policy is not on a preset course",
                Direct,
                Some("said"),
                Some("Powell"),
                Some("Jerome Powell")
            ),
        ]
    );
    assert_eq!(
        e.dates
            .iter()
            .map(|d| (d.text.as_str(), d.value.as_deref()))
            .collect::<Vec<_>>(),
        vec![("Wednesday, June 18, 2025", Some("2025-06-18"))]
    );
}

/// English names as English writes them: no function word is an entity, the article
/// word and the possessive stay outside a name, and a place or body the gazetteer lists
/// under its Indonesian name is named as the article writes it.
#[test]
fn english_entities_are_named_in_english_without_function_words() {
    let e = run("english-nato-ukraine.json");
    assert_eq!(e.language.as_deref(), Some("en"));
    let named = |name: &str| e.entities.iter().find(|x| x.name == name);
    for function_word in ["The", "He", "However", "But", "We"] {
        assert!(
            e.entities
                .iter()
                .flat_map(|x| &x.mentions)
                .all(|m| m.text != function_word),
            "{function_word} is a mention: {:?}",
            e.entities
        );
    }
    let nato = named("NATO").expect("NATO by its English name");
    assert!(nato
        .aliases
        .iter()
        .any(|a| a == "Pakta Pertahanan Atlantik Utara"));
    let ukraine = named("Ukraine").expect("Ukraine by its English name");
    assert_eq!(ukraine.count, 2);
    assert!(ukraine.aliases.iter().any(|a| a == "Ukraina"));
    let eu = named("European Union").expect("the EU without its article word");
    assert!(
        eu.mentions.iter().all(|m| m.text == "European Union"),
        "{:?}",
        eu.mentions
    );
}

#[test]
fn html_only_article_is_stripped_and_enriched() {
    let article = RawArticle {
        url: Some("https://example.com/a".into()),
        html: Some(
            "<html><head><style>p{}</style><script>var x = \"<p>\";</script></head><body>\
             <p>TEMPO.CO, Jakarta - Harga cabai naik &amp; stok menipis.</p>\
             <div class=\"ads\">Advertisement</div>\
             <p>&ldquo;Kami pantau terus,&rdquo; kata Ani Lestari.</p></body></html>"
                .into(),
        ),
        ..RawArticle::default()
    };
    let e = enrich(&article, &Resources::default(), provenance()).unwrap();
    assert_eq!(
        e.body,
        "Harga cabai naik & stok menipis.\n\n“Kami pantau terus,” kata Ani Lestari."
    );
    assert_eq!(e.id, article.stable_id());
    assert_eq!(e.quotes[0].speaker.as_ref().unwrap().name, "Ani Lestari");
    check_spans(&e).unwrap();
}

#[test]
fn rejections() {
    let only_debris = RawArticle {
        body: Some("Baca Juga\nÂ\nAdvertisement\nSCROLL TO CONTINUE WITH CONTENT".into()),
        ..RawArticle::default()
    };
    assert_eq!(
        enrich(&only_debris, &Resources::default(), provenance()),
        Err(Rejected::EmptyAfterCleaning)
    );
    let few_entities = Resources::new(EnrichLimits {
        max_entities: 3,
        max_quotes: 100,
    });
    assert!(matches!(
        enrich(
            &load("liputan6-macron-merz.json"),
            &few_entities,
            provenance()
        ),
        Err(Rejected::OverLimit {
            what: "entities",
            limit: 3,
            ..
        })
    ));
    let tight = Resources::new(EnrichLimits {
        max_entities: 100,
        max_quotes: 2,
    });
    let err = enrich(&load("liputan6-macron-merz.json"), &tight, provenance()).unwrap_err();
    assert_eq!(
        err,
        Rejected::OverLimit {
            what: "quotes",
            count: 8,
            limit: 2
        }
    );
}
