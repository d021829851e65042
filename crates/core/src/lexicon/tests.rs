//! Tests of [`super`]: every embedded list is read, headed by its source and licence, and
//! free of repeats.

use super::*;

#[test]
fn entries_skip_comments_and_blank_lines_and_keep_order() {
    let text = "# source: test\n# licence: MIT\n\nJakarta Pusat\n  Jakarta \n# x\nBandung\n";
    assert_eq!(entries(text), vec!["Jakarta Pusat", "Jakarta", "Bandung"]);
}

#[test]
fn every_embedded_list_is_read_and_headed_by_its_source_and_licence() {
    let lexicon = Lexicon::embedded();
    let sizes = [
        ("dateline_cities", lexicon.dateline_cities.len()),
        ("speech_verbs_after", lexicon.speech_verbs_after.len()),
        ("speech_verbs_report", lexicon.speech_verbs_report.len()),
        ("speech_verbs_english", lexicon.speech_verbs_english.len()),
        ("non_name_words", lexicon.non_name_words.len()),
        ("abbreviations", lexicon.abbreviations.len()),
        (
            "function_words_malayic",
            lexicon.function_words_malayic.len(),
        ),
        ("markers_indonesian", lexicon.markers_indonesian.len()),
        ("markers_malay", lexicon.markers_malay.len()),
        (
            "markers_indonesian_only",
            lexicon.markers_indonesian_only.len(),
        ),
        ("markers_malay_only", lexicon.markers_malay_only.len()),
        (
            "function_words_english",
            lexicon.function_words_english.len(),
        ),
        ("alias_cues", lexicon.alias_cues.len()),
        ("team_words", lexicon.team_words.len()),
        ("listed_words", lexicon.listed_words.len()),
        ("common_words", lexicon.common_words.len()),
        ("currency_prefixes", lexicon.currency_prefixes.len()),
        (
            "name_forming_honorifics",
            lexicon.name_forming_honorifics.len(),
        ),
        ("not_names", lexicon.not_names.len()),
        ("generic_name_heads", lexicon.generic_name_heads.len()),
        ("place_continuations", lexicon.place_continuations.len()),
        ("call_to_action_verbs", lexicon.call_to_action_verbs.len()),
        ("link_verbs", lexicon.link_verbs.len()),
        (
            "call_to_action_teasers",
            lexicon.call_to_action_teasers.len(),
        ),
        ("elsewhere_pointers", lexicon.elsewhere_pointers.len()),
        ("inward_pointers", lexicon.inward_pointers.len()),
        ("share_prompts", lexicon.share_prompts.len()),
        ("related_headings", lexicon.related_headings.len()),
        ("embed_captions", lexicon.embed_captions.len()),
        (
            "call_to_action_lead_ins",
            lexicon.call_to_action_lead_ins.len(),
        ),
        (
            "call_to_action_adverbs",
            lexicon.call_to_action_adverbs.len(),
        ),
        (
            "call_to_action_passives",
            lexicon.call_to_action_passives.len(),
        ),
        ("link_targets", lexicon.link_targets.len()),
        ("news_content_nouns", lexicon.news_content_nouns.len()),
        ("promo_verbs", lexicon.promo_verbs.len()),
        ("membership_terms", lexicon.membership_terms.len()),
        ("reader_works", lexicon.reader_works.len()),
        ("sending_verbs", lexicon.sending_verbs.len()),
        ("watch_verbs", lexicon.watch_verbs.len()),
        ("contact_verbs", lexicon.contact_verbs.len()),
        ("shopping_calls", lexicon.shopping_calls.len()),
        ("consent_words", lexicon.consent_words.len()),
        ("how_to_heads", lexicon.how_to_heads.len()),
        ("disclaimer_phrases", lexicon.disclaimer_phrases.len()),
        ("credit_roles", lexicon.credit_roles.len()),
        ("credit_leads", lexicon.credit_leads.len()),
        ("english_non_names", lexicon.english_non_names.len()),
        ("declarative_markers", lexicon.declarative_markers.len()),
        ("media_labels", lexicon.media_labels.len()),
        ("share_platforms", lexicon.share_platforms.len()),
        ("comment_places", lexicon.comment_places.len()),
        ("reader_address", lexicon.reader_address.len()),
        ("first_names_english", lexicon.first_names_english.len()),
    ];
    for (name, size) in sizes {
        assert!(size > 0, "{name} is empty");
    }
    assert_eq!(lexicon.dateline_cities.len(), 115);
    assert_eq!(lexicon.non_name_words.len(), 420);
}

#[test]
fn every_lexicon_file_names_its_source_and_licence() {
    let files = [
        (
            "dateline-cities",
            include_str!("../../../../data/lexicon/dateline-cities.txt"),
        ),
        (
            "speech-verbs-after",
            include_str!("../../../../data/lexicon/speech-verbs-after.txt"),
        ),
        (
            "speech-verbs-report",
            include_str!("../../../../data/lexicon/speech-verbs-report.txt"),
        ),
        (
            "speech-verbs-english",
            include_str!("../../../../data/lexicon/speech-verbs-english.txt"),
        ),
        (
            "non-name-words",
            include_str!("../../../../data/lexicon/non-name-words.txt"),
        ),
        (
            "abbreviations",
            include_str!("../../../../data/lexicon/abbreviations.txt"),
        ),
        (
            "function-words-malayic",
            include_str!("../../../../data/lexicon/function-words-malayic.txt"),
        ),
        (
            "markers-indonesian",
            include_str!("../../../../data/lexicon/markers-indonesian.txt"),
        ),
        (
            "markers-malay",
            include_str!("../../../../data/lexicon/markers-malay.txt"),
        ),
        (
            "markers-indonesian-only",
            include_str!("../../../../data/lexicon/markers-indonesian-only.txt"),
        ),
        (
            "markers-malay-only",
            include_str!("../../../../data/lexicon/markers-malay-only.txt"),
        ),
        (
            "function-words-english",
            include_str!("../../../../data/lexicon/function-words-english.txt"),
        ),
        (
            "alias-cues",
            include_str!("../../../../data/lexicon/alias-cues.txt"),
        ),
        (
            "team-words",
            include_str!("../../../../data/lexicon/team-words.txt"),
        ),
        (
            "currency-prefixes",
            include_str!("../../../../data/lexicon/currency-prefixes.txt"),
        ),
        (
            "name-forming-honorifics",
            include_str!("../../../../data/lexicon/name-forming-honorifics.txt"),
        ),
        (
            "not-names",
            include_str!("../../../../data/lexicon/not-names.txt"),
        ),
        (
            "generic-name-heads",
            include_str!("../../../../data/lexicon/generic-name-heads.txt"),
        ),
        (
            "place-continuations",
            include_str!("../../../../data/lexicon/place-continuations.txt"),
        ),
        (
            "call-to-action-verbs",
            include_str!("../../../../data/lexicon/call-to-action-verbs.txt"),
        ),
        (
            "link-verbs",
            include_str!("../../../../data/lexicon/link-verbs.txt"),
        ),
        (
            "call-to-action-teasers",
            include_str!("../../../../data/lexicon/call-to-action-teasers.txt"),
        ),
        (
            "elsewhere-pointers",
            include_str!("../../../../data/lexicon/elsewhere-pointers.txt"),
        ),
        (
            "inward-pointers",
            include_str!("../../../../data/lexicon/inward-pointers.txt"),
        ),
        (
            "share-prompts",
            include_str!("../../../../data/lexicon/share-prompts.txt"),
        ),
        (
            "related-headings",
            include_str!("../../../../data/lexicon/related-headings.txt"),
        ),
        (
            "embed-captions",
            include_str!("../../../../data/lexicon/embed-captions.txt"),
        ),
        (
            "call-to-action-lead-ins",
            include_str!("../../../../data/lexicon/call-to-action-lead-ins.txt"),
        ),
        (
            "call-to-action-adverbs",
            include_str!("../../../../data/lexicon/call-to-action-adverbs.txt"),
        ),
        (
            "call-to-action-passives",
            include_str!("../../../../data/lexicon/call-to-action-passives.txt"),
        ),
        (
            "link-targets",
            include_str!("../../../../data/lexicon/link-targets.txt"),
        ),
        (
            "news-content-nouns",
            include_str!("../../../../data/lexicon/news-content-nouns.txt"),
        ),
        (
            "promo-verbs",
            include_str!("../../../../data/lexicon/promo-verbs.txt"),
        ),
        (
            "contact-verbs",
            include_str!("../../../../data/lexicon/contact-verbs.txt"),
        ),
        (
            "shopping-calls",
            include_str!("../../../../data/lexicon/shopping-calls.txt"),
        ),
        (
            "consent-words",
            include_str!("../../../../data/lexicon/consent-words.txt"),
        ),
        (
            "how-to-heads",
            include_str!("../../../../data/lexicon/how-to-heads.txt"),
        ),
        (
            "watch-verbs",
            include_str!("../../../../data/lexicon/watch-verbs.txt"),
        ),
        (
            "disclaimer-phrases",
            include_str!("../../../../data/lexicon/disclaimer-phrases.txt"),
        ),
        (
            "membership-terms",
            include_str!("../../../../data/lexicon/membership-terms.txt"),
        ),
        (
            "reader-works",
            include_str!("../../../../data/lexicon/reader-works.txt"),
        ),
        (
            "sending-verbs",
            include_str!("../../../../data/lexicon/sending-verbs.txt"),
        ),
        (
            "credit-roles",
            include_str!("../../../../data/lexicon/credit-roles.txt"),
        ),
        (
            "credit-leads",
            include_str!("../../../../data/lexicon/credit-leads.txt"),
        ),
        (
            "english-non-names",
            include_str!("../../../../data/lexicon/english-non-names.txt"),
        ),
        (
            "declarative-markers",
            include_str!("../../../../data/lexicon/declarative-markers.txt"),
        ),
        (
            "media-labels",
            include_str!("../../../../data/lexicon/media-labels.txt"),
        ),
        (
            "share-platforms",
            include_str!("../../../../data/lexicon/share-platforms.txt"),
        ),
        (
            "comment-places",
            include_str!("../../../../data/lexicon/comment-places.txt"),
        ),
        (
            "reader-address",
            include_str!("../../../../data/lexicon/reader-address.txt"),
        ),
    ];
    for (name, text) in files {
        let mut lines = text.lines();
        assert!(
            lines.next().is_some_and(|l| l.starts_with("# source:")),
            "{name}"
        );
        assert!(
            lines.next().is_some_and(|l| l.starts_with("# licence:")),
            "{name}"
        );
    }
}

#[test]
fn no_list_repeats_an_entry() {
    let lexicon = Lexicon::embedded();
    for list in [
        &lexicon.dateline_cities,
        &lexicon.non_name_words,
        &lexicon.abbreviations,
    ] {
        let mut seen = std::collections::HashSet::new();
        for entry in list {
            assert!(seen.insert(*entry), "{entry} is listed twice");
        }
    }
}

#[test]
fn tagged_and_pronoun_rows_read_their_columns() {
    let titles: Vec<Tagged<TitleUse>> =
        tagged("# source: test\n# licence: MIT\nDr   token,phrase\ndrg  medical\n");
    assert_eq!(used_by(&titles, TitleUse::Phrase), vec!["Dr"]);
    assert_eq!(used_by(&titles, TitleUse::Medical), vec!["drg"]);
    assert!(used_by(&titles, TitleUse::Bare).is_empty());
    assert_eq!(
        pronouns("ia  id  one  subject -\nshe en one subject f"),
        vec![
            Pronoun {
                word: "ia",
                language: PronounLanguage::Indonesian,
                refers: Refers::One,
                case: Case::Subject,
                gender: None,
            },
            Pronoun {
                word: "she",
                language: PronounLanguage::English,
                refers: Refers::One,
                case: Case::Subject,
                gender: Some(Gender::Female),
            },
        ]
    );
}

#[test]
#[should_panic(expected = "does not have 2 columns")]
fn a_tagged_row_without_its_uses_is_refused() {
    tagged::<TitleUse>("Dr\n");
}

#[test]
#[should_panic(expected = "\"tokens\" is not known")]
fn an_unknown_use_is_refused() {
    tagged::<TitleUse>("Dr tokens\n");
}

#[test]
fn the_quote_lists_are_read_and_headed_by_their_source_and_licence() {
    let lexicon = Lexicon::embedded();
    let sizes = [
        ("pronouns", lexicon.pronouns.len()),
        ("speech_verbs_source", lexicon.speech_verbs_source.len()),
        (
            "speech_participles_english",
            lexicon.speech_participles_english.len(),
        ),
        ("attribution_words", lexicon.attribution_words.len()),
        ("occasion_nouns", lexicon.occasion_nouns.len()),
        ("name_titles", lexicon.name_titles.len()),
        ("name_particles", lexicon.name_particles.len()),
        ("place_kinds", lexicon.place_kinds.len()),
        ("discourse_openers", lexicon.discourse_openers.len()),
    ];
    for (name, size) in sizes {
        assert!(size > 0, "{name} is empty");
    }
    assert_eq!(lexicon.pronouns.len(), 32);
    let files = [
        include_str!("../../../../data/lexicon/pronouns.txt"),
        include_str!("../../../../data/lexicon/first-names-english.txt"),
        include_str!("../../../../data/lexicon/speech-verbs-source.txt"),
        include_str!("../../../../data/lexicon/speech-participles-english.txt"),
        include_str!("../../../../data/lexicon/attribution-words.txt"),
        include_str!("../../../../data/lexicon/occasion-nouns.txt"),
        include_str!("../../../../data/lexicon/name-titles.txt"),
        include_str!("../../../../data/lexicon/name-particles.txt"),
        include_str!("../../../../data/lexicon/place-kinds.txt"),
        include_str!("../../../../data/lexicon/discourse-openers.txt"),
    ];
    for text in files {
        let mut lines = text.lines();
        let first = lines.next().unwrap_or("");
        assert!(first.starts_with("# source:"), "{first}");
        assert!(
            lines.next().is_some_and(|l| l.starts_with("# licence:")),
            "{first}"
        );
    }
}

#[test]
fn no_word_is_both_a_name_part_and_a_pronoun_or_place_kind() {
    // Names read the non-name words together with the subject pronouns and the place
    // kinds: a pronoun or place kind listed as a non-name word too is defined twice.
    let lexicon = Lexicon::embedded();
    let non_name: std::collections::HashSet<&str> =
        lexicon.non_name_words.iter().copied().collect();
    for word in lexicon
        .pronouns
        .iter()
        .map(|p| p.word)
        .chain(lexicon.place_kinds.iter().copied())
    {
        assert!(!non_name.contains(word), "{word} is listed twice");
    }
}
