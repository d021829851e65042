//! End-to-end cases of the quote rules: one body in, its quotes and speakers out.

use super::*;
use crate::stages::segment::Segmenter;

fn quotes(body: &str) -> Vec<Quote> {
    let map = CharMap::new(body);
    let segments = Segmenter::new().segment(body, &map);
    QuoteRules::new().extract(body, &segments, &map)
}

fn summary(
    q: &Quote,
) -> (
    String,
    QuoteKind,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    (
        q.text.clone(),
        q.kind,
        q.cue.clone(),
        q.speaker.as_ref().map(|s| s.name.clone()),
        q.speaker.as_ref().and_then(|s| s.entity.clone()),
    )
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn post_quote_attribution_with_title() {
    let q = quotes("\"Harga turun,\" kata Menteri Perdagangan Budi Santoso di Jakarta.");
    assert_eq!(q.len(), 1);
    assert_eq!(
        summary(&q[0]),
        (
            "Harga turun".into(),
            QuoteKind::Direct,
            s("kata"),
            s("Budi Santoso"),
            s("Budi Santoso")
        )
    );
    let sp = q[0].speaker.as_ref().unwrap();
    assert_eq!((sp.start, sp.end), (40, 52));
}

#[test]
fn pronoun_cues_resolve_to_recent_speaker() {
    let body = "“Kami siap,” ujar Rina Wulandari.\n\n“Semua sudah beres,” ujarnya.\n\n\"Tidak ada masalah,\" kata dia.";
    let q = quotes(body);
    assert_eq!(q.len(), 3);
    assert_eq!(q[1].cue.as_deref(), Some("ujarnya"));
    assert_eq!(q[1].speaker.as_ref().unwrap().name, "Rina Wulandari");
    assert_eq!(q[2].cue.as_deref(), Some("kata"));
    assert_eq!(q[2].speaker.as_ref().unwrap().name, "Rina Wulandari");
}

#[test]
fn pronoun_without_antecedent_is_null() {
    let q = quotes("\"Kami siap,\" katanya.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].cue.as_deref(), Some("katanya"));
}

#[test]
fn right_double_quote_as_opener() {
    let q = quotes("”Ini bukan akhir,” tutur Andi.");
    assert_eq!(summary(&q[0]).0, "Ini bukan akhir");
    assert_eq!(summary(&q[0]).3, s("Andi"));
}

#[test]
fn pre_quote_attribution() {
    let q = quotes("Gubernur Jawa Barat Dedi Mulyadi mengatakan, \"Sekolah tetap buka.\"\n\nMenurut Siti Aminah, \"Banjir sudah surut.\"");
    assert_eq!(q.len(), 2);
    assert_eq!(
        summary(&q[0]),
        (
            "Sekolah tetap buka.".into(),
            QuoteKind::Direct,
            s("mengatakan"),
            s("Dedi Mulyadi"),
            s("Dedi Mulyadi")
        )
    );
    assert_eq!(summary(&q[1]).2, s("Menurut"));
    assert_eq!(summary(&q[1]).3, s("Siti Aminah"));
}

#[test]
fn indirect_speech_and_entity_resolution() {
    let body = "Presiden Rusia Vladimir Putin menerima tamu.\n\nDi sisi lain, Presiden Putin menyebut bahwa Moskwa siap berunding.";
    let q = quotes(body);
    assert_eq!(q.len(), 1);
    assert_eq!(
        summary(&q[0]),
        (
            "Moskwa siap berunding".into(),
            QuoteKind::Indirect,
            s("menyebut"),
            s("Putin"),
            s("Vladimir Putin")
        )
    );
}

#[test]
fn english_attributions() {
    let q = quotes("\"We are ready,\" Putin said. \"Talks will continue,\" said Sergei Lavrov.");
    assert_eq!(summary(&q[0]).3, s("Putin"));
    assert_eq!(summary(&q[0]).2, s("said"));
    assert_eq!(summary(&q[1]).3, s("Sergei Lavrov"));
}

#[test]
fn glued_cue_and_group_subjects() {
    let q =
        quotes("\"Pelat sudah dicopot,\" kataFaruk.\n\nMereka mengatakan bahwa razia berlanjut.");
    assert_eq!(summary(&q[0]).3, s("Faruk"));
    assert_eq!(
        summary(&q[1]),
        (
            "razia berlanjut".into(),
            QuoteKind::Indirect,
            s("mengatakan"),
            None,
            None
        )
    );
}

#[test]
fn english_appositions_descriptions_and_phrases() {
    let body = "\"The bridge stays shut,\" Ada Brook, the harbor commissioner, said.\n\n\
        \"We need more hours,\" the mayor said.\n\n\
        ''Nothing is decided,'' said Mr. Olsen, a spokesman for the port.\n\n\
        Olsen said in a statement Tuesday, \"The ferry will run.\"\n\n\
        Brook says the closure \"will cost us a season.\"";
    let q = quotes(body);
    let got: Vec<(String, Option<String>)> =
        q.iter().map(|q| (q.text.clone(), summary(q).3)).collect();
    assert_eq!(
        got,
        vec![
            ("The bridge stays shut".into(), s("Ada Brook")),
            ("We need more hours".into(), s("the mayor")),
            ("Nothing is decided".into(), s("Olsen")),
            ("The ferry will run.".into(), s("Olsen")),
            ("will cost us a season.".into(), s("Brook")),
        ]
    );
    // A quote inside a sentence that it does not finish is not a statement, nor is a
    // title finishing one.
    assert!(quotes("Brook says the \"closure\" is temporary.").is_empty());
    assert!(quotes("Brook said on Harbor Radio's \"Morning Tide Report.\"").is_empty());
}

#[test]
fn english_interrupted_quote_and_pronoun_sources() {
    let body = "Port director Ada Brook said on Monday that the pier would reopen.\n\n\
        \"We tried,\" she said, pointing at the cranes, \"and we will try again.\"\n\n\
        \"It is done,\" He added.";
    let direct: Vec<String> = quotes(body)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.text)
        .collect();
    assert_eq!(
        direct,
        vec!["We tried", "and we will try again.", "It is done"]
    );
    assert_eq!(
        speakers(body),
        vec![
            (s("Ada Brook"), s("Ada Brook")),
            (s("Ada Brook"), s("Ada Brook")),
            (s("Ada Brook"), s("Ada Brook")),
        ]
    );
}

#[test]
fn english_titles_before_a_name_are_not_the_speaker() {
    let body = "“The vote was rigged,” said Rep. G.K. Marlowe (D-N.C.), head of the caucus.\n\n\
        “We will appeal,” added Sen. Ada Brook, the ranking member.\n\n\
        \"The town will heal,\" said the Rev. Tomas Quill, of Harbor Chapel.";
    assert_eq!(
        speakers(body),
        vec![
            (s("G.K. Marlowe"), s("G.K. Marlowe")),
            (s("Ada Brook"), s("Ada Brook")),
            (s("Tomas Quill"), s("Tomas Quill")),
        ]
    );
}

#[test]
fn english_gendered_pronouns_pass_over_people_of_the_other_gender() {
    // Both are introduced as sources; "he" skips the later one, a woman.
    let body = "Tom Barlow, the harbor master, said the pier would reopen. Mary Okafor, \
        the mayor, said she agreed.\n\n\
        “We tried everything,” he said.\n\n\
        “It is done,” she said.\n\n\
        “Nobody knows,” Mr. Quill said. “Ask them,” he added.";
    assert_eq!(
        speakers(body),
        vec![
            (s("Tom Barlow"), s("Tom Barlow")),
            (s("Mary Okafor"), s("Mary Okafor")),
            (s("Quill"), s("Quill")),
            (s("Quill"), s("Quill")),
        ]
    );
    // A person of no known gender fits either pronoun: "Okafor" alone gives none.
    let body = "Tom Barlow said the pier would reopen. Okafor said the town agreed.\n\n\
        “It is done,” she said.";
    assert_eq!(speakers(body), vec![(s("Okafor"), s("Okafor"))]);
}

#[test]
fn a_name_after_a_dash_credits_the_quote_before_it() {
    let body = "Readers wrote to us after the debate.\n\
        “He did not answer one question.” ― Lena Ortiz\n\
        “I will vote early this year.”— Sam Reyes, Tucson\n\
        “The town deserves better” — and so the debate went on.";
    let q = quotes(body);
    let got: Vec<(&str, Option<String>, Option<String>)> = q
        .iter()
        .map(|q| (q.text.as_str(), q.cue.clone(), summary(q).3))
        .collect();
    assert_eq!(
        got,
        vec![
            ("He did not answer one question.", s("―"), s("Lena Ortiz")),
            ("I will vote early this year.", s("—"), s("Sam Reyes")),
        ]
    );
}

#[test]
fn a_transcript_label_inside_the_marks_names_the_speaker() {
    let body = "The interview went on.\n\n\
        \"HOLT: Will you release the returns?\"\n\n\
        \"BARLOW: Not this year. The audit is not finished.\"";
    assert_eq!(
        speakers(body),
        vec![(s("HOLT"), s("HOLT")), (s("BARLOW"), s("BARLOW"))]
    );
}

#[test]
fn quoted_headings_and_programme_names_are_not_speech() {
    let body = "Ada Brook spoke for an hour.\n\n'Coal Is Not the Villain.'\n\nShe left early.";
    assert!(quotes(body).is_empty());
    let body =
        "In an interview on CBS's \"Face the Nation,\" Ada Brook said the port would reopen.";
    assert!(quotes(body).is_empty());
}

#[test]
fn english_attribution_sentences_carry_the_speaker_to_the_next_quote() {
    // A long description in the attribution between two quotes.
    let body = "''This is no reform,'' said Dana Whitfield, an economist who served on the \
        budget office for ten years and now leads the Harbor Policy Forum, a research group. \
        ''It is the opposite.''";
    assert_eq!(
        speakers(body),
        vec![
            (s("Dana Whitfield"), s("Dana Whitfield")),
            (s("Dana Whitfield"), s("Dana Whitfield")),
        ]
    );
    // A sentence of attribution before a quote opening the next sentence.
    let body = "''I admire the detail'' of the plan, Mr. Whitfield said. ''It is well built.''";
    let q = quotes(body);
    let last = q.last().unwrap();
    assert_eq!(
        (last.text.as_str(), last.cue.as_deref(), summary(last).3),
        ("It is well built.", Some("said"), s("Whitfield"))
    );
}

#[test]
fn english_subject_over_a_long_or_double_apposition() {
    let body = "“The plan is sound,” Leonard Asher, director of the Harbor Tax Policy Center \
        and a professor at the Maxwell School of Eastport University, said on Tuesday.\n\n\
        “We waited long enough,” Ruth Kemble, 82, a retired teacher, said.";
    assert_eq!(
        speakers(body),
        vec![
            (s("Leonard Asher"), s("Leonard Asher")),
            (s("Ruth Kemble"), s("Ruth Kemble")),
        ]
    );
}

#[test]
fn a_name_before_a_participle_of_saying_speaks() {
    let body = "The ad shows footage of Dana Whitfield asking, “Why are we not ahead?”\n\n\
        Lamenting their luck, Islanders often say, “The sea gives and the sea takes.”";
    let q = quotes(body);
    let got: Vec<(Option<&str>, Option<String>)> =
        q.iter().map(|q| (q.cue.as_deref(), summary(q).3)).collect();
    assert_eq!(
        got,
        vec![
            (Some("asking"), s("Dana Whitfield")),
            (Some("say"), s("Islanders"))
        ]
    );
}

#[test]
fn stage_directions_in_marks_are_not_speech() {
    let body = "\"HOLT: Will you answer?\n\n\"(CROSSTALK.)\n\n\"BARLOW: Yes.\"";
    let texts: Vec<String> = quotes(body).into_iter().map(|q| q.text).collect();
    assert!(!texts.iter().any(|t| t.contains("CROSSTALK")), "{texts:?}");
}

#[test]
fn scare_quotes_are_not_speech() {
    assert!(quotes("Program \"Sahabat Perdamaian\" diluncurkan tahun lalu.").is_empty());
}

fn speakers(body: &str) -> Vec<(Option<String>, Option<String>)> {
    quotes(body)
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (summary(q).3, summary(q).4))
        .collect()
}

#[test]
fn lowercase_medical_title_before_the_name() {
    for body in [
        "“Tidur cukup membantu pemulihan,” ucap dr. Maya Lestari kepada wartawan.",
        "“Tidur cukup membantu pemulihan,” kata dr Maya Lestari, Sp.PD.",
        "“Sikat gigi dua kali sehari,” ujar drg. Maya Lestari.",
    ] {
        assert_eq!(speakers(body)[0].0, s("Maya Lestari"), "{body}");
    }
}

#[test]
fn pronoun_cue_refers_to_the_source_not_a_person_talked_about() {
    let body = "Kepala Dinas Perhubungan Kota Malang Hendra Wijaya mengatakan, jalur sepeda \
        diperluas tahun depan. Rencana itu sejalan dengan arahan Gubernur Jawa Timur \
        Khofifah Indar Parawansa yang ingin kota lebih ramah pesepeda.\n\n\
        “Kami mulai dari pusat kota,” ujarnya.";
    assert_eq!(speakers(body)[0].0, s("Hendra Wijaya"));
}

#[test]
fn lowercase_descriptions_after_the_cue() {
    let body = "“Tes usap gratis,” kata juru bicara Dinas Kesehatan Kota Depok, Hana Pertiwi.\n\n\
        “Ruang isolasi penuh,” ujar juru bicara rumah sakit daerah.\n\n\
        Anggota DPR Rahmat Saleh mengatakan, anggaran pendidikan harus naik. \
        “Guru honorer menunggu kepastian,” kata politisi Partai Demokrat ini.";
    let got = speakers(body);
    assert_eq!(got[0].0, s("Hana Pertiwi"));
    assert_eq!(got[1].0, s("juru bicara rumah sakit daerah"));
    assert_eq!(got[2], (s("politisi Partai Demokrat"), s("Rahmat Saleh")));
}

#[test]
fn pronoun_cue_after_a_source_introduced_with_age_and_residence() {
    let body = "Pedagang sayur Dewi Anggraini (41), warga Cempaka Putih, Jakarta Pusat, \
        mengatakan, harga cabai naik sejak pekan lalu.\n\n\
        “Pembeli sekarang cuma beli seperempat kilo,” katanya.";
    assert_eq!(speakers(body)[0].0, s("Dewi Anggraini"));
}

fn found(who: Who) -> Found {
    Found {
        text: 0..1,
        kind: QuoteKind::Direct,
        cue: None,
        who,
    }
}

#[test]
fn open_paragraphs_take_the_attribution_of_the_part_after_them() {
    let mut f = vec![
        found(Who::Next),
        found(Who::Next),
        found(Who::Named(5..9)),
        found(Who::Next),
        found(Who::Next),
    ];
    hand_back_next(&mut f);
    let who: Vec<Who> = f.into_iter().map(|f| f.who).collect();
    assert_eq!(
        who,
        vec![
            Who::Named(5..9),
            Who::Named(5..9),
            Who::Named(5..9),
            Who::Unknown,
            Who::Next
        ]
    );
}

#[test]
fn windows_are_cut_where_a_character_starts() {
    let s = "né";
    assert_eq!(floor_boundary(s, 2), 1);
    assert_eq!(floor_boundary(s, 3), 3);
    assert_eq!(floor_boundary(s, 40), 3);
}

fn person(name: &str, aliases: &[&str]) -> Entity {
    Entity {
        name: name.to_string(),
        kind: crate::output::EntityType::Person,
        mentions: vec![],
        count: 1,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        roles: vec![],
    }
}

fn spoken_by(entity: Option<&str>) -> Quote {
    Quote {
        text: "Kami siap".to_string(),
        start: 0,
        end: 9,
        kind: QuoteKind::Direct,
        cue: None,
        speaker: Some(Speaker {
            name: entity.unwrap_or("Hakim").to_string(),
            entity: entity.map(str::to_string),
            start: 20,
            end: 25,
        }),
    }
}

#[test]
fn a_speaker_links_only_to_an_entity_of_the_record() {
    let entities = [
        person("Vladimir Putin", &[]),
        person("Agus Harimurti Yudhoyono", &["AHY"]),
        person("Sri Mulyani", &[]),
        person("Lukman Hakim", &[]),
    ];
    let mut quotes: Vec<Quote> = [
        Some("Putin"),
        Some("AHY"),
        Some("Sri Mulyani Indrawati"),
        Some("Juli"),
        None,
    ]
    .into_iter()
    .map(spoken_by)
    .collect();
    link_speakers(&mut quotes, &entities);
    let linked: Vec<Option<&str>> = quotes
        .iter()
        .map(|q| q.speaker.as_ref().unwrap().entity.as_deref())
        .collect();
    assert_eq!(
        linked,
        [
            Some("Vladimir Putin"),
            Some("Agus Harimurti Yudhoyono"),
            Some("Sri Mulyani"),
            None,
            None
        ]
    );
    link_speakers(&mut quotes, &[]);
    assert!(quotes
        .iter()
        .all(|q| q.speaker.as_ref().unwrap().entity.is_none()));
}

#[test]
fn an_office_nobody_holds_links_to_no_person_that_shares_its_word() {
    let body = "\"Sidang ditunda,\" kata Hakim. Lukman Hakim hadir sebagai saksi.";
    let map = CharMap::new(body);
    let segments = Segmenter::new().segment(body, &map);
    let mut lukman = person("Lukman Hakim", &[]);
    lukman.mentions.push(crate::output::Mention {
        text: "Lukman Hakim".to_string(),
        start: 30,
        end: 42,
    });
    let q = QuoteRules::new().extract_linked(body, &segments, &map, &[lukman]);
    assert_eq!(q.len(), 1);
    let speaker = q[0].speaker.as_ref().expect("a speaker");
    assert_eq!(speaker.name, "Hakim");
    assert_eq!(speaker.entity, None);
}

#[test]
fn an_organization_that_speaks_is_the_speaker_not_the_end_of_its_name() {
    let bank = Entity {
        name: "Bank Sentral Swiss".to_string(),
        kind: crate::output::EntityType::Organization,
        mentions: vec![crate::output::Mention {
            text: "Bank Sentral Swiss".to_string(),
            start: 15,
            end: 25,
        }],
        count: 1,
        aliases: vec![],
        roles: vec![],
    };
    // The name rules kept "Sentral Swiss" (20..25) of "kata Bank Sentral Swiss".
    let mut quotes = vec![spoken_by(None)];
    organizations_speaking(&mut quotes, std::slice::from_ref(&bank));
    let s = quotes[0].speaker.as_ref().unwrap();
    assert_eq!(
        (s.name.as_str(), s.start, s.entity.as_deref()),
        ("Bank Sentral Swiss", 15, Some("Bank Sentral Swiss"))
    );
    // A speaker linked to an entity of the record stays that entity.
    let mut quotes = vec![spoken_by(Some("Lukman Hakim"))];
    organizations_speaking(&mut quotes, &[bank, person("Lukman Hakim", &[])]);
    let s = quotes[0].speaker.as_ref().unwrap();
    assert_eq!((s.name.as_str(), s.start), ("Lukman Hakim", 20));
}

#[test]
fn a_capitalized_cue_after_a_finished_sentence_is_the_next_sentence() {
    let q = quotes(
        "Istilah itu berarti \"anak dari seseorang.\" Kata bin dipakai untuk anak laki-laki.",
    );
    assert!(
        q.iter().all(|x| x.speaker.is_none()),
        "{:?}",
        q.iter().map(summary).collect::<Vec<_>>()
    );
    // A comma inside the marks, or a lowercase cue, still attributes the quote.
    let q = quotes("\"Kami siap.\" kata Budi Santoso di Jakarta.");
    assert_eq!(summary(&q[0]).3, s("Budi Santoso"));
}
