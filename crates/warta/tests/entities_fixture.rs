//! The entity and date stages end to end on a hand-written article in the style of the
//! seed (a Liputan6 report of a Xi–Putin phone call): who is a PERSON with every mention,
//! which places and organizations appear, how aliases group, and the dates.

use std::path::Path;

use warta_core::article::{DecodeLimits, FieldMapping, RawArticle};
use warta_core::error::Rejected;
use warta_core::output::{Enriched, Entity, EntityType, Provenance};
use warta_core::pipeline::{enrich, EnrichLimits, Resources};
use warta_core::span::{check_spans, span_text};
use warta_core::stages::entities::entity_for;

fn provenance() -> Provenance {
    Provenance::offline("test", "2025-02-24T15:00:00Z")
}

fn load() -> RawArticle {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles/liputan6-xi-putin-telepon.json");
    let bytes = std::fs::read(path).unwrap();
    RawArticle::decode(&bytes, &FieldMapping::default(), &DecodeLimits::default()).unwrap()
}

fn run() -> Enriched {
    enrich(&load(), &Resources::default(), provenance()).unwrap()
}

fn entity<'e>(e: &'e Enriched, name: &str) -> &'e Entity {
    e.entities
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", e.entities))
}

#[test]
fn people_with_every_mention_and_no_title_in_the_span() {
    let e = run();
    check_spans(&e).unwrap();
    let xi = entity(&e, "Xi Jinping");
    assert_eq!(xi.kind, EntityType::Person);
    assert_eq!(xi.count, e.body.matches("Xi Jinping").count());
    assert!(xi.roles.contains(&"Presiden".to_string()), "{xi:?}");
    let putin = entity(&e, "Vladimir Putin");
    assert_eq!(putin.kind, EntityType::Person);
    // Every "Putin" in the body: the full name once and "Putin" alone three times.
    assert_eq!(putin.count, e.body.matches("Putin").count());
    assert_eq!(putin.count, 4);
    assert_eq!(putin.aliases, vec!["Putin"]);
    for m in &putin.mentions {
        assert_eq!(span_text(&e.body, m.start, m.end), m.text);
        assert!(!m.text.contains("Presiden"));
    }
    assert!(putin.roles.contains(&"Presiden".to_string()));
    assert_eq!(entity_for(&e.entities, "Putin"), Some("Vladimir Putin"));
}

#[test]
fn places_and_the_ministry() {
    let e = run();
    let china = entity(&e, "Tiongkok");
    assert_eq!(china.kind, EntityType::Location);
    assert_eq!(china.aliases, vec!["China"]);
    // "China" inside the ministry's name belongs to the ministry, not to the country.
    let ministry = entity(&e, "Kementerian Luar Negeri China");
    assert_eq!(ministry.kind, EntityType::Organization);
    assert_eq!(ministry.count, 1);
    let standalone = e.body.matches("China").count() + e.body.matches("Tiongkok").count() - 1;
    assert_eq!(china.count, standalone);
    for name in ["Rusia", "Ukraina", "Brazil", "Amerika Serikat", "Beijing"] {
        let x = entity(&e, name);
        assert_eq!(x.kind, EntityType::Location, "{name}");
        assert_eq!(x.count, e.body.matches(name).count(), "{name}");
    }
}

#[test]
fn dates_resolve_against_the_publish_date() {
    let e = run();
    let values: Vec<(&str, Option<&str>)> = e
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_deref()))
        .collect();
    assert_eq!(
        values,
        vec![
            ("Senin, 24 Februari 2025", Some("2025-02-24")),
            ("Senin, 24 Februari 2025", Some("2025-02-24")),
            ("September lalu", Some("2024-09")),
        ]
    );
}

#[test]
fn entity_limit_rejects() {
    let limits = EnrichLimits {
        max_entities: 3,
        ..EnrichLimits::default()
    };
    let err = enrich(&load(), &Resources::new(limits), provenance()).unwrap_err();
    assert!(
        matches!(
            err,
            Rejected::OverLimit {
                what: "entities",
                ..
            }
        ),
        "{err:?}"
    );
}

/// Entities of a short body of my own, as (name, type) pairs.
fn entities_of(body: &str) -> Vec<(String, EntityType)> {
    let article = RawArticle {
        body: Some(body.to_string()),
        ..RawArticle::default()
    };
    enrich(&article, &Resources::default(), provenance())
        .unwrap()
        .entities
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect()
}

#[test]
fn a_place_does_not_run_into_the_name_after_it() {
    let got = entities_of(
        "Genangan mulai surut. “Warga sudah bisa pulang,” ucap Kepala BPBD Kabupaten Bekasi Siti Nurhaliza.\n\nSiti mengatakan bahwa posko tetap dibuka.",
    );
    assert!(
        got.contains(&("Kabupaten Bekasi".to_string(), EntityType::Location)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Siti Nurhaliza".to_string(), EntityType::Person)),
        "{got:?}"
    );
    // Compass and region words continue the place; they are nobody's name.
    let got = entities_of("Banjir melanda Kota Bandung Barat Daya sejak pagi.");
    assert!(got.iter().all(|(_, t)| *t != EntityType::Person), "{got:?}");
}

#[test]
fn a_nickname_keeps_its_honorific_and_a_full_name_sheds_it() {
    let got = entities_of(
        "Ribuan santri memadati alun-alun kota. Mereka mengenang ajaran Gus Dur tentang toleransi, kata pengasuh pesantren Gus Hanif Maulana.",
    );
    assert!(
        got.contains(&("Gus Dur".to_string(), EntityType::Person)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Hanif Maulana".to_string(), EntityType::Person)),
        "{got:?}"
    );
}

#[test]
fn regional_military_legal_and_forecaster_titles_stay_out_of_names() {
    let article = RawArticle {
        body: Some(
            "Prakirawan BMKG Dewi Lestari mengatakan hujan lebat masih akan turun hingga pekan depan. Kajari Bekasi Eddy Sumarman juga hadir di posko. “Kami siap membantu warga,” kata Wakapolres Bekasi Kompol Rudi Hartono."
                .to_string(),
        ),
        ..RawArticle::default()
    };
    let e = enrich(&article, &Resources::default(), provenance()).unwrap();
    let roles = |name: &str| {
        e.entities
            .iter()
            .find(|x| x.name == name && x.kind == EntityType::Person)
            .map(|x| x.roles.clone())
            .unwrap_or_else(|| panic!("no PERSON {name:?} in {:#?}", e.entities))
    };
    assert!(roles("Dewi Lestari").contains(&"Prakirawan".to_string()));
    assert!(roles("Eddy Sumarman").contains(&"Kajari".to_string()));
    roles("Rudi Hartono");
    // An office with its place is no organization.
    for office in [
        "Kajari Bekasi",
        "Wakapolres Bekasi",
        "Prakirawan BMKG Dewi Lestari",
    ] {
        assert!(
            e.entities.iter().all(|x| x.name != office),
            "{office:?} in {:#?}",
            e.entities
        );
    }
}

#[test]
fn a_stage_name_is_one_entity_with_the_person_it_belongs_to() {
    let article = RawArticle {
        body: Some(
            "Penyanyi asal Jepara, Gusti Irwan Wibowo, yang dikenal dengan nama panggung Gustiwiw, tampil di Semarang. Penampilan Gustiwiw disambut ribuan penonton."
                .to_string(),
        ),
        ..RawArticle::default()
    };
    let e = enrich(&article, &Resources::default(), provenance()).unwrap();
    let gusti = entity(&e, "Gusti Irwan Wibowo");
    assert_eq!(gusti.kind, EntityType::Person);
    assert!(
        gusti.aliases.contains(&"Gustiwiw".to_string()),
        "{gusti:#?}"
    );
    assert!(gusti.mentions.len() >= 3, "{gusti:#?}");
    assert!(
        e.entities.iter().all(|x| x.name != "Gustiwiw"),
        "{:#?}",
        e.entities
    );
}

#[test]
fn clubs_are_organizations_by_their_names_and_nicknames() {
    let got = entities_of(
        "Persijap Jepara menahan imbang Persebaya Surabaya di Stadion Gelora Bumi Kartini. Laskar Kalinyamat sempat unggul lewat sundulan Rendi Saputra. Pelatih Tim Utama Persebaya Surabaya mengakui anak asuhnya kesulitan. Di Italia, Napoli kalah dari Hellas Verona.",
    );
    for club in [
        "Persijap Jepara",
        "Persebaya Surabaya",
        "SSC Napoli",
        "Hellas Verona",
    ] {
        assert!(
            got.contains(&(club.to_string(), EntityType::Organization)),
            "{club}: {got:?}"
        );
    }
    // The nickname is the club, neither a person nor a second organization, and the
    // team words before the club are not part of its name.
    for name in [
        "Laskar Kalinyamat",
        "Tim Utama Persebaya Surabaya",
        "Jepara",
    ] {
        assert!(got.iter().all(|(n, _)| n != name), "{name}: {got:?}");
    }
    assert!(
        got.contains(&("Rendi Saputra".to_string(), EntityType::Person)),
        "{got:?}"
    );
}

#[test]
fn a_title_case_headline_makes_no_names_of_its_common_words() {
    let got = entities_of(
        "Akademi Promosi Tiga Pemain Muda ke Tim Senior\n\nManajemen Persib Bandung memanggil tiga pemain dari akademi untuk berlatih bersama tim utama, kata Direktur Akademi Persib Rudi Hartono.",
    );
    for common in [
        "Akademi Promosi",
        "Akademi Promosi Tiga Pemain Muda",
        "Tim Senior",
    ] {
        assert!(got.iter().all(|(n, _)| n != common), "{common}: {got:?}");
    }
    assert!(
        got.contains(&("Persib Bandung".to_string(), EntityType::Organization)),
        "{got:?}"
    );
}

#[test]
fn a_word_glued_to_a_name_is_not_part_of_the_person() {
    let got = entities_of(
        "Konser itu menghadirkan Gusti Irwan Wibowo. Gustiwiwsebelum naik panggung menyapa penonton.",
    );
    assert!(got.iter().all(|(n, _)| n != "Gustiwiwsebelum"), "{got:?}");
    assert!(
        got.iter()
            .any(|(n, t)| n.starts_with("Gusti") && *t == EntityType::Person),
        "{got:?}"
    );
}
