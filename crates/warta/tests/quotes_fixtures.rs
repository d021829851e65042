//! Quote styles and attribution cues, on hand-written text run through the whole
//! pipeline (`enrich`). Every fixture is written for this project.

use warta_core::article::RawArticle;
use warta_core::output::{Enriched, Provenance, QuoteKind};
use warta_core::span::check_spans;
use warta_core::{enrich, Resources};

fn run(body: &str) -> Enriched {
    let article = RawArticle {
        body: Some(body.to_string()),
        ..RawArticle::default()
    };
    let provenance = Provenance::offline("test", "");
    let e = enrich(&article, &Resources::default(), provenance).expect("enriched");
    check_spans(&e).expect("spans");
    e
}

/// (text, kind, speaker name or entity words) of every quote.
fn quotes(body: &str) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
    run(body)
        .quotes
        .into_iter()
        .map(|q| {
            (
                q.text,
                q.kind,
                q.speaker.as_ref().map(|s| s.name.clone()),
                q.speaker.and_then(|s| s.entity),
            )
        })
        .collect()
}

fn direct(body: &str) -> Vec<(String, Option<String>)> {
    quotes(body)
        .into_iter()
        .filter(|q| q.1 == QuoteKind::Direct)
        .map(|q| (q.0, q.2))
        .collect()
}

fn one(text: &str, who: &str) -> Vec<(String, Option<String>)> {
    vec![(text.to_string(), Some(who.to_string()))]
}

#[test]
fn every_mark_style() {
    for body in [
        "“Jalan sudah dibuka,” kata Rudi Hartono.",
        "\"Jalan sudah dibuka,\" kata Rudi Hartono.",
        "«Jalan sudah dibuka,» kata Rudi Hartono.",
        "‘Jalan sudah dibuka,’ kata Rudi Hartono.",
        "”Jalan sudah dibuka,” kata Rudi Hartono.",
    ] {
        assert_eq!(
            direct(body),
            one("Jalan sudah dibuka", "Rudi Hartono"),
            "{body}"
        );
    }
}

#[test]
fn every_post_cue_and_nya_form() {
    for cue in [
        "kata", "ujar", "ucap", "tutur", "jelas", "terang", "ungkap", "tegas", "imbuh", "tambah",
        "sebut", "papar", "pungkas", "lanjut", "harap", "tandas",
    ] {
        let body = format!("“Stok beras aman,” {cue} Lina Marlina.");
        assert_eq!(
            direct(&body),
            one("Stok beras aman", "Lina Marlina"),
            "{cue}"
        );
        let body = format!("Lina Marlina meninjau gudang.\n\n“Stok beras aman,” {cue}nya.");
        let got = quotes(&body);
        assert_eq!(got[0].2.as_deref(), Some("Lina Marlina"), "{cue}nya");
        assert_eq!(got[0].0, "Stok beras aman");
    }
    for pronoun in ["dia", "beliau"] {
        let body = format!(
            "Kepala Dinas Pangan Lina Marlina meninjau gudang.\n\n“Stok aman,” kata {pronoun}."
        );
        assert_eq!(
            quotes(&body)[0].2.as_deref(),
            Some("Lina Marlina"),
            "{pronoun}"
        );
    }
}

#[test]
fn cues_before_the_quote() {
    assert_eq!(
        direct("Wali Kota Bogor Arif Setiawan mengatakan, “Pasar dibuka lagi besok.”"),
        one("Pasar dibuka lagi besok.", "Arif Setiawan")
    );
    assert_eq!(
        direct("Arif Setiawan menuturkan: “Pasar dibuka lagi besok.”"),
        one("Pasar dibuka lagi besok.", "Arif Setiawan")
    );
    assert_eq!(
        direct("Menurut Arif Setiawan, “Pasar dibuka lagi besok.”"),
        one("Pasar dibuka lagi besok.", "Arif Setiawan")
    );
    assert_eq!(
        direct("Arif Setiawan dalam keterangannya, “Pasar dibuka lagi besok.”"),
        one("Pasar dibuka lagi besok.", "Arif Setiawan")
    );
}

#[test]
fn multi_sentence_multi_paragraph_and_interrupted() {
    let body = "“Air mulai surut. Warga boleh pulang,” kata Camat Dedi Kurnia.\n\n\
        “Posko tetap buka malam ini.\n\n\
        “Bantuan selimut datang besok pagi,” ujarnya.";
    let got = direct(body);
    assert_eq!(got.len(), 3);
    assert_eq!(
        got[0],
        (
            "Air mulai surut. Warga boleh pulang".into(),
            Some("Dedi Kurnia".into())
        )
    );
    assert_eq!(
        got[1],
        (
            "Posko tetap buka malam ini.".into(),
            Some("Dedi Kurnia".into())
        )
    );
    assert_eq!(got[2].1.as_deref(), Some("Dedi Kurnia"));

    let got = direct("“Kami siaga,” kata Dedi Kurnia. “Perahu karet sudah disiapkan.”");
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[1],
        (
            "Perahu karet sudah disiapkan.".into(),
            Some("Dedi Kurnia".into())
        )
    );
}

#[test]
fn unbalanced_mark_does_not_swallow_text() {
    let got =
        direct("Ia menyebut program “Desa Cerdas dan lalu pergi.\n\n“Semua siap,” kata Rina Wati.");
    assert_eq!(got, one("Semua siap", "Rina Wati"));
}

#[test]
fn role_only_speaker_resolves_to_the_office_holder() {
    let body = "Kapolres Metro Jakarta Barat Kombes Pol Budi Santika memimpin razia.\n\n\
        “Tiga orang kami amankan,” kata Kapolres.";
    let e = run(body);
    let s = e.quotes[0].speaker.as_ref().expect("speaker");
    assert_eq!(s.name, "Kapolres");
    assert!(
        s.entity.as_deref().unwrap_or("").contains("Budi Santika"),
        "{s:?}"
    );
}

#[test]
fn place_before_name_is_not_part_of_it() {
    let got = direct("“Air turun,” ucap Kepala BPBD Kabupaten Bekasi Siti Nurhaliza.");
    assert_eq!(got, one("Air turun", "Siti Nurhaliza"));
    let got = direct("“Air turun,” kata Kepala Puskesmas Cilandak, Rahmat Hidayat.");
    assert_eq!(got, one("Air turun", "Rahmat Hidayat"));
}

#[test]
fn short_name_links_to_full_name() {
    let body =
        "Ajun Komisaris Hendra Manurung memeriksa lokasi.\n\n“Olah TKP selesai,” kata Hendra.";
    let q = &run(body).quotes[0];
    let s = q.speaker.as_ref().unwrap();
    assert_eq!(s.name, "Hendra");
    assert!(
        s.entity.as_deref().unwrap().contains("Hendra Manurung"),
        "{s:?}"
    );
}

#[test]
fn indirect_statements() {
    for (body, who) in [
        (
            "Gubernur Jawa Tengah Sri Lestari mengatakan bahwa jalan tol dibuka besok.",
            "Sri Lestari",
        ),
        (
            "Sri Lestari menyebut jalan tol dibuka besok.",
            "Sri Lestari",
        ),
        (
            "Menurut Sri Lestari, jalan tol dibuka besok.",
            "Sri Lestari",
        ),
        (
            "Sri Lestari menegaskan jalan tol dibuka besok.",
            "Sri Lestari",
        ),
    ] {
        let got = quotes(body);
        assert_eq!(got.len(), 1, "{body}");
        assert_eq!(got[0].0, "jalan tol dibuka besok", "{body}");
        assert_eq!(got[0].1, QuoteKind::Indirect, "{body}");
        assert_eq!(got[0].2.as_deref(), Some(who), "{body}");
    }
}

#[test]
fn english_attributions() {
    assert_eq!(
        direct("\"We will rebuild,\" Maria Lopez said."),
        one("We will rebuild", "Maria Lopez")
    );
    assert_eq!(
        direct("\"We will rebuild,\" said Maria Lopez."),
        one("We will rebuild", "Maria Lopez")
    );
    assert_eq!(
        direct("Maria Lopez said: \"We will rebuild.\""),
        one("We will rebuild.", "Maria Lopez")
    );
    assert_eq!(
        direct("According to Maria Lopez, \"We will rebuild.\""),
        one("We will rebuild.", "Maria Lopez")
    );
}

#[test]
fn seed_style_article() {
    let body = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/quotes/seed_style.txt"
    ))
    .unwrap();
    let got = quotes(&body);
    let direct: Vec<_> = got.iter().filter(|q| q.1 == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 5, "{direct:#?}");
    let words = |q: &(String, QuoteKind, Option<String>, Option<String>)| {
        format!(
            "{} {}",
            q.2.clone().unwrap_or_default(),
            q.3.clone().unwrap_or_default()
        )
    };
    for (i, who) in ["Tanabe", "Tanabe", "Tanabe", "Duarte", "Duarte"]
        .iter()
        .enumerate()
    {
        assert!(words(direct[i]).contains(who), "{i}: {:?}", direct[i]);
    }
    assert!(direct[1].0.starts_with("Apa pun yang terjadi"));
    assert!(direct[2].0.starts_with("Tahun ini kami"));
    assert!(direct[2].0.ends_with("industri besar"));
    let indirect: Vec<_> = got.iter().filter(|q| q.1 == QuoteKind::Indirect).collect();
    let duarte: Vec<_> = indirect
        .iter()
        .filter(|q| words(q).contains("Duarte"))
        .collect();
    assert!(
        duarte
            .iter()
            .any(|q| q.0.starts_with("Brasil siap menambah ekspor")),
        "{indirect:#?}"
    );
    assert!(
        duarte.iter().any(|q| q.0.starts_with("kedua negara perlu")),
        "{indirect:#?}"
    );
    assert!(indirect
        .iter()
        .any(|q| q.0.starts_with("kemitraan kedua negara")));
}

#[test]
fn scare_quotes_are_not_speech() {
    assert!(direct("Program “Kampung Tangguh” diluncurkan Senin.").is_empty());
}

/// The speaker of every direct quote: its entity (canonical name), else its name.
fn speaker_entities(body: &str) -> Vec<Option<String>> {
    quotes(body)
        .into_iter()
        .filter(|q| q.1 == QuoteKind::Direct)
        .map(|q| q.3.or(q.2))
        .collect()
}

#[test]
fn apposed_and_according_sources() {
    let body = "Andi Prasetyo, pengamat transportasi dari Universitas Trisakti, menilai \
        tarif baru terlalu tinggi. “Penumpang bisa beralih ke motor,” katanya.\n\n\
        Peneliti Universitas Airlangga, Rina Kusuma, juga menyoroti hal yang sama. \
        “Subsidi harus tepat sasaran,” tuturnya.\n\n\
        Menurut Kepala Badan Pusat Statistik Provinsi Jambi Agus Sudibyo, harga cabai \
        naik dua kali lipat. “Pasokan dari petani berkurang,” ucapnya.\n\n\
        Kepala Dinas Kelautan dan Perikanan Kabupaten Jembrana I Made Sudarta dalam keterangannya, Senin, \
        menjelaskan bahwa solar langka. “Kapal tidak bisa melaut,” jelasnya.";
    let got = speaker_entities(body);
    let want = [
        "Andi Prasetyo",
        "Rina Kusuma",
        "Agus Sudibyo",
        "Made Sudarta",
    ];
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!(g.as_ref().is_some_and(|g| g.ends_with(w)), "{g:?} for {w}");
    }
}

#[test]
fn long_offices_before_the_name() {
    let body = "“Wisata alam dibuka bertahap,” kata Menteri Pariwisata dan Ekonomi Kreatif \
        Sandiaga Uno.\n\n\
        “Harga ikan stabil,” kata Ketua Umum Ikatan Nelayan Nusantara (INN) Budi Harsono.\n\n\
        “Warga diminta waspada,” kata Camat Cibinong, Kabupaten Bogor, Rudi Hartono, Senin.\n\n\
        “Kereta tambahan disiapkan,” ujar Kepala Humas Daop 2 Bandung Yusuf Kurniadi.\n\n\
        “Sekolah tetap tatap muka,” kata Budi Santoso, Senin.";
    let got = speaker_entities(body);
    let want = [
        "Sandiaga Uno",
        "Budi Harsono",
        "Rudi Hartono",
        "Yusuf Kurniadi",
        "Budi Santoso",
    ];
    assert_eq!(got.len(), want.len());
    // The entity stage may keep a place before the name ("Bandung Yusuf Kurniadi").
    for (g, w) in got.iter().zip(want) {
        assert!(g.as_ref().is_some_and(|g| g.ends_with(w)), "{g:?} for {w}");
    }
}

#[test]
fn english_attribution_styles() {
    let body = "Ada Brook, the harbor commissioner, met the ferry operators on Monday.\n\n\
        ''We are not closing the port,'' Brook, 54, told reporters. ''Not this winter.''\n\n\
        \"The numbers do not add up,\" said Tomas Ode, a spokesman for the operators.\n\n\
        Ode adds, \"We will wait.\"";
    let got: Vec<(String, Option<String>)> = quotes(body)
        .into_iter()
        .filter(|q| q.1 == QuoteKind::Direct)
        .map(|q| (q.0, q.2))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "We are not closing the port".to_string(),
                Some("Brook".to_string())
            ),
            ("Not this winter.".to_string(), Some("Brook".to_string())),
            (
                "The numbers do not add up".to_string(),
                Some("Tomas Ode".to_string())
            ),
            ("We will wait.".to_string(), Some("Ode".to_string())),
        ]
    );
}
