//! One test per rule of [`super`], then whole sentences through [`Rules::mentions`].

use super::*;
use crate::stages::entities::gazetteer::Gazetteer;
use crate::stages::entities::model::tag_id;
use crate::stages::entities::tokens::tokenize;

fn rules() -> Rules {
    Rules::with_lexicon(&Lexicon::embedded())
}

/// A sentence of `body` with its gazetteer and title hits, for testing one rule.
struct Fixture {
    body: &'static str,
    toks: Vec<Token>,
    words: Vec<&'static str>,
    names: Vec<Hit>,
    titles: Vec<Hit>,
}

impl Fixture {
    fn new(body: &'static str) -> Fixture {
        let toks = tokenize(body, 0);
        let words = toks.iter().map(|t| t.text(body)).collect();
        let (names, titles) = Gazetteer::new().hits(body, &toks);
        Fixture {
            body,
            toks,
            words,
            names,
            titles,
        }
    }

    fn sentence(&self) -> Sentence<'_> {
        Sentence::new(
            self.body,
            &self.toks,
            &self.words,
            &self.names,
            &self.titles,
        )
    }

    /// Index of the first token `word`.
    fn at(&self, word: &str) -> usize {
        self.words.iter().position(|w| *w == word).unwrap()
    }
}

/// Mentions of `body` when the tagger said `tags` (CoNLL names, one per token).
fn found(body: &str, tags: &[&str]) -> Vec<(String, EntityType)> {
    let toks = tokenize(body, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
    assert_eq!(words.len(), tags.len(), "{words:?}");
    let tags: Vec<u8> = tags.iter().map(|t| tag_id(t)).collect();
    let (names, titles) = Gazetteer::new().hits(body, &toks);
    rules()
        .mentions(body, &toks, &words, &tags, &names, &titles)
        .into_iter()
        .map(|f| (body[f.bytes].to_string(), f.kind))
        .collect()
}

#[test]
fn two_listed_places_joined_by_dan_are_two_places() {
    let got = found(
        "Tanpa poros Paris dan Berlin , Eropa goyah",
        &["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O"],
    );
    let want = [
        ("Paris", EntityType::Location),
        ("Berlin", EntityType::Location),
        ("Eropa", EntityType::Location),
    ];
    assert_eq!(got, want.map(|(t, k)| (t.to_string(), k)));
}

#[test]
fn a_head_word_or_compass_point_alone_is_no_name() {
    let got = found(
        "Gunung itu kembali meletus , abunya terbang ke arah Tenggara",
        &["B-LOC", "O", "O", "O", "O", "O", "O", "O", "O", "B-LOC"],
    );
    assert_eq!(got, vec![]);
    let got = found(
        "Abu Gunung Semeru terbang ke Malang",
        &["O", "B-LOC", "I-LOC", "O", "O", "B-LOC"],
    );
    let want = [
        ("Gunung Semeru", EntityType::Location),
        ("Malang", EntityType::Location),
    ];
    assert_eq!(got, want.map(|(t, k)| (t.to_string(), k)));
    let got = found(
        "Dana cair sebelum Idul Fitri , kata PT Sarana Jaya ( Persero )",
        &[
            "O", "O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O",
        ],
    );
    assert_eq!(
        got,
        vec![("PT Sarana Jaya".to_string(), EntityType::Organization)]
    );
}

#[test]
fn an_amount_after_a_name_is_not_part_of_it() {
    let got = found(
        "Hibah untuk Universitas Gadjah Mada Rp5 miliar cair",
        &["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
    );
    assert_eq!(
        got,
        vec![(
            "Universitas Gadjah Mada".to_string(),
            EntityType::Organization
        )]
    );
}

#[test]
fn a_suspects_initials_are_the_persons_alias() {
    let body = "Polisi menahan Rudi Hartono ( RH ) dan Sinta ( XY ) kemarin";
    let tags = [
        "O", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "O", "B-PER", "O", "B-ORG", "O", "O",
    ];
    let toks = tokenize(body, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
    let tags: Vec<u8> = tags.iter().map(|t| tag_id(t)).collect();
    let (names, titles) = Gazetteer::new().hits(body, &toks);
    let got = rules().mentions(body, &toks, &words, &tags, &names, &titles);
    let alias = got.iter().find(|f| &body[f.bytes.clone()] == "RH").unwrap();
    assert_eq!(alias.kind, EntityType::Person);
    assert_eq!(&body[alias.expands.clone().unwrap()], "Rudi Hartono");
    // "XY" are not Sinta's initials: it stays what the tagger said, with no alias.
    let other = got.iter().find(|f| &body[f.bytes.clone()] == "XY").unwrap();
    assert_eq!(other.kind, EntityType::Organization);
    assert!(other.expands.is_none());
    assert!(is_initials("NOP", &["Nopriansyah"]));
    assert!(is_initials("MFR", &["M", "Fahrudin"]));
    assert!(!is_initials("HR", &["Rudi", "Hartono"]));
}

#[test]
fn an_organization_keeps_its_own_dan() {
    let body = "Kementerian Energi dan Sumber Daya Mineral menolak";
    let got = found(
        body,
        &["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
    );
    assert_eq!(
        got,
        vec![(
            "Kementerian Energi dan Sumber Daya Mineral".to_string(),
            EntityType::Organization
        )]
    );
}

#[test]
fn leading_titles_become_roles_but_an_honorific_before_a_nickname_stays() {
    let f = Fixture::new("Presiden Joko Widodo dan Gus Dur serta Gus Yahya Cholil");
    let st = f.sentence();
    let presiden = f.at("Presiden");
    assert_eq!(
        rules().strip_titles(&st, presiden, presiden + 3),
        (presiden + 1, vec!["Presiden".to_string()])
    );
    let gus = f.at("Gus");
    assert_eq!(rules().strip_titles(&st, gus, gus + 2), (gus, vec![]));
    let yahya = f.at("Yahya");
    assert_eq!(
        rules().strip_titles(&st, yahya - 1, yahya + 2),
        (yahya, vec!["Gus".to_string()])
    );
}

#[test]
fn a_title_before_the_name_is_found_across_an_affiliation() {
    let f = Fixture::new("Presiden China Xi Jinping dan Ketua Serikat Tani Budi Santoso datang");
    let st = f.sentence();
    // Across a listed country.
    assert_eq!(
        title_before(&st, f.at("Xi"), None),
        Some("Presiden".to_string())
    );
    // Across the mention before, an unlisted organization.
    let union = Placed {
        start: f.at("Serikat"),
        end: f.at("Budi"),
        found: Found {
            kind: EntityType::Organization,
            bytes: 0..0,
            entry: None,
            roles: Vec::new(),
            expands: None,
        },
    };
    assert_eq!(
        title_before(&st, f.at("Budi"), Some(&union)),
        Some("Ketua".to_string())
    );
    assert_eq!(title_before(&st, f.at("Budi"), None), None);
}

#[test]
fn punctuation_at_either_end_is_trimmed() {
    let words = ["\"", "Budi", "Santoso", ",", "kata"];
    assert_eq!(trim_punctuation(&words, 0, 4), (1, 3));
    assert_eq!(trim_punctuation(&words, 3, 4), (3, 3));
}

#[test]
fn a_span_is_cut_at_lowercase_words_and_amounts() {
    let r = rules();
    let person = ["Ahmad", "bin", "Yusuf", "datang", "Lagi"];
    assert_eq!(r.cut_at_lowercase(&person, EntityType::Person, 0, 5), 3);
    // Only a PERSON stops at its first lowercase word; any span drops a lowercase end.
    let org = ["Bank", "dan", "Koperasi", "baru"];
    assert_eq!(r.cut_at_lowercase(&org, EntityType::Organization, 0, 4), 3);
    let amount = ["Universitas", "Gadjah", "Mada", "Rp5", "USD"];
    assert_eq!(
        r.cut_at_lowercase(&amount, EntityType::Organization, 0, 5),
        3
    );
    // A one-token span is left as it is.
    assert_eq!(r.cut_at_lowercase(&["pak"], EntityType::Location, 0, 1), 1);
    assert!(r.is_amount("SGD308") && r.is_amount("Rp") && !r.is_amount("Rpx"));
}

#[test]
fn what_is_not_written_as_a_name_is_no_mention() {
    let words = ["pak", "Budi", "itu", "2024"];
    assert!(is_written_as_name(&words, EntityType::Person, 1, 2));
    assert!(!is_written_as_name(&words, EntityType::Person, 0, 2));
    assert!(is_written_as_name(&words, EntityType::Organization, 0, 2));
    assert!(!is_written_as_name(&words, EntityType::Location, 2, 3));
    assert!(is_written_as_name(&words, EntityType::Location, 3, 4));
    assert!(!is_written_as_name(&words, EntityType::Location, 2, 2));
}

#[test]
fn lone_head_words_compass_points_feasts_and_legal_forms_name_nothing() {
    let f = Fixture::new("Gunung Semeru dan Tenggara saat Idul Fitri , Persero");
    let (st, r) = (f.sentence(), rules());
    let gunung = f.at("Gunung");
    assert!(r.names_nothing(&st, gunung, gunung + 1));
    assert!(!r.names_nothing(&st, gunung, gunung + 2));
    assert!(r.names_nothing(&st, f.at("Tenggara"), f.at("Tenggara") + 1));
    assert!(r.names_nothing(&st, f.at("Idul"), f.at("Idul") + 2));
    assert!(r.names_nothing(&st, f.at("Persero"), f.at("Persero") + 1));
}

#[test]
fn a_country_after_an_organization_joins_it() {
    let f = Fixture::new("Kementerian Luar Negeri China menolak");
    let st = f.sentence();
    assert_eq!(country_after(&st, f.at("China")), Some(f.at("China") + 1));
    assert_eq!(country_after(&st, f.at("menolak")), None);
}

#[test]
fn two_listed_places_joined_by_dan_split_but_other_dan_stays() {
    let f = Fixture::new("poros Paris dan Berlin , Kementerian Energi dan Sumber Daya Mineral");
    let st = f.sentence();
    let pair = listed_place_pair(&st, f.at("Paris"), f.at("Berlin") + 1).unwrap();
    assert_eq!(
        pair.map(|h| st.text(h.tokens.start, h.tokens.end)),
        ["Paris", "Berlin"]
    );
    let ministry = f.at("Kementerian");
    assert!(listed_place_pair(&st, ministry, ministry + 6).is_none());
}

#[test]
fn a_person_run_into_a_listed_place_is_split_off() {
    let f = Fixture::new("Kabupaten Bekasi Siti Nurhaliza , Bekasi Utara Raya , Jawa Barat Budi");
    let (st, r) = (f.sentence(), rules());
    let kabupaten = f.at("Kabupaten");
    assert_eq!(
        r.person_after_place(&st, kabupaten, kabupaten + 4),
        Some(kabupaten + 2)
    );
    // Place words after the place, or a single word, are no person.
    let bekasi = f.at("Utara") - 1;
    assert_eq!(r.person_after_place(&st, bekasi, bekasi + 3), None);
    let jawa = f.at("Jawa");
    assert_eq!(r.person_after_place(&st, jawa, jawa + 3), None);
}

#[test]
fn an_acronym_after_a_name_is_its_alias_and_after_a_person_only_the_initials() {
    let f = Fixture::new(
        "Mahkamah Konstitusi ( MK ) , KPK ( XY ) , Rudi Hartono ( RH ) , Sinta ( XY )",
    );
    let st = f.sentence();
    let mk = f.at("Mahkamah");
    let alias = acronym_alias(&st, EntityType::Organization, mk, mk + 2).unwrap();
    assert_eq!((alias.start, alias.end), (mk + 3, mk + 4));
    assert_eq!(&f.body[alias.found.bytes.clone()], "MK");
    assert_eq!(&f.body[alias.found.expands.unwrap()], "Mahkamah Konstitusi");
    // A one-word organization gets no alias.
    let kpk = f.at("KPK");
    assert!(acronym_alias(&st, EntityType::Organization, kpk, kpk + 1).is_none());
    let rudi = f.at("Rudi");
    assert!(acronym_alias(&st, EntityType::Person, rudi, rudi + 2).is_some());
    let sinta = f.at("Sinta");
    assert!(acronym_alias(&st, EntityType::Person, sinta, sinta + 1).is_none());
}

#[test]
fn the_name_after_an_alias_cue_is_an_alias_of_the_person_before_it() {
    let body = "Gusti Irwan Wibowo , yang dikenal dengan nama panggung Gustiwiw , tampil";
    let toks = tokenize(body, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
    let tags: Vec<u8> = [
        "B-PER", "I-PER", "I-PER", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O",
    ]
    .iter()
    .map(|t| tag_id(t))
    .collect();
    let (names, titles) = Gazetteer::new().hits(body, &toks);
    let got = rules().mentions(body, &toks, &words, &tags, &names, &titles);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(&body[got[1].bytes.clone()], "Gustiwiw");
    assert_eq!(got[1].kind, EntityType::Person);
    assert_eq!(got[1].expands, Some(got[0].bytes.clone()));
}

#[test]
fn an_untagged_nickname_after_akrab_disapa_is_added_without_its_title() {
    let body = "Bambang Susilo atau yang akrab disapa Pak Bas hadir";
    let toks = tokenize(body, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
    let tags: Vec<u8> = ["B-PER", "I-PER", "O", "O", "O", "O", "O", "O", "O"]
        .iter()
        .map(|t| tag_id(t))
        .collect();
    let (names, titles) = Gazetteer::new().hits(body, &toks);
    let got = rules().mentions(body, &toks, &words, &tags, &names, &titles);
    let texts: Vec<&str> = got.iter().map(|f| &body[f.bytes.clone()]).collect();
    assert_eq!(texts, ["Bambang Susilo", "Bas"]);
}

#[test]
fn an_alias_cue_without_a_person_before_it_or_a_name_after_it_adds_nothing() {
    assert_eq!(
        found(
            "Harga naik alias mahal , kata Budi",
            &["O", "O", "O", "O", "O", "O", "B-PER"]
        ),
        [("Budi".to_string(), EntityType::Person)]
    );
    assert_eq!(
        found(
            "Pasar ini akrab disapa Pasar Lama",
            &["O", "O", "O", "O", "B-LOC", "I-LOC"]
        ),
        [("Pasar Lama".to_string(), EntityType::Location)]
    );
}

#[test]
fn an_alias_cue_after_an_organization_or_far_from_the_person_adds_nothing() {
    let got = found(
        "Menurut Budi , Kereta Cepat Jakarta Bandung alias Whoosh ramai",
        &[
            "O", "B-PER", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O",
        ],
    );
    assert!(got.iter().all(|(t, _)| t != "Whoosh"), "{got:?}");
    let got = found(
        "Budi datang ke rumah itu pada pagi hari bersama anak alias Ucok",
        &[
            "B-PER", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O",
        ],
    );
    assert!(got.iter().all(|(t, _)| t != "Ucok"), "{got:?}");
}

#[test]
fn a_listed_club_is_an_organization_also_by_its_nickname_or_after_team_words() {
    let f = Fixture::new("Tim Utama Persebaya Surabaya menjamu Laskar Kalinyamat");
    let st = f.sentence();
    let r = rules();
    let persebaya = f.at("Persebaya");
    assert_eq!(
        r.listed_organization(&st, 0, persebaya + 2),
        Some(persebaya)
    );
    let laskar = f.at("Laskar");
    assert_eq!(r.listed_organization(&st, laskar, laskar + 2), Some(laskar));
    // "menjamu" is no team word, and a span that ends before the club is not the club.
    assert_eq!(r.listed_organization(&st, persebaya + 2, laskar + 2), None);
    assert_eq!(r.listed_organization(&st, 0, persebaya + 1), None);
}

#[test]
fn a_club_the_tagger_called_a_person_or_a_place_is_the_club() {
    let got = found(
        "Tim Utama Persebaya Surabaya menjamu Laskar Kalinyamat di Gelora Bung Tomo",
        &[
            "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC",
            "I-LOC",
        ],
    );
    assert!(
        got.contains(&("Persebaya Surabaya".to_string(), EntityType::Organization)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Laskar Kalinyamat".to_string(), EntityType::Organization)),
        "{got:?}"
    );
    assert!(got.iter().all(|(_, t)| *t != EntityType::Person), "{got:?}");
}

#[test]
fn a_common_word_glued_to_a_name_comes_off_and_listed_words_stay_whole() {
    let glue = &rules().glue;
    fn head<'w>(glue: &Glue, w: &'w str) -> Option<&'w str> {
        glue.tail(w).map(|n| &w[..w.len() - n])
    }
    let tail = |w: &'static str| head(glue, w);
    assert_eq!(tail("Gustiwiwsebelum"), Some("Gustiwiw"));
    assert_eq!(tail("Quarymengaku"), Some("Quary"));
    assert_eq!(tail("Alexander-Arnoldberbagi"), Some("Alexander-Arnold"));
    // Listed words, a short head, a short tail and a lowercase word are left alone.
    for whole in ["Kalimantan", "Berkemajuan", "Mbappeyang", "sebelum", "Budi"] {
        assert_eq!(glue.tail(whole), None, "{whole}");
    }
}

#[test]
fn a_mention_ends_where_the_glued_name_does() {
    let body = "Penampilan Gustiwiwsebelum konser memukau";
    let got = found(body, &["O", "B-PER", "O", "O"]);
    assert_eq!(got, [("Gustiwiw".to_string(), EntityType::Person)]);
}

#[test]
fn common_words_in_a_headline_are_no_name_but_listed_names_there_are() {
    let r = rules();
    let f = Fixture::new("Akademi Promosi Tiga Pemain Muda ke Persebaya Surabaya");
    let st = f.sentence();
    assert!(st.headline);
    assert!(r.headline_words(&st, EntityType::Organization, 0, 2));
    let club = f.at("Persebaya");
    assert!(!r.headline_words(&st, EntityType::Organization, club, club + 2));
    // The same words in an ordinary sentence, or in a title-case one that ends like a
    // sentence, are left to the tagger.
    for body in [
        "Akademi Promosi merekrut tiga pemain dari daerah",
        "Akademi Promosi Tiga Pemain Muda ke Persebaya Surabaya .",
    ] {
        let f = Fixture::new(body);
        assert!(!f.sentence().headline, "{body}");
        assert!(!r.headline_words(&f.sentence(), EntityType::Organization, 0, 2));
    }
}
