//! What each attribution pattern matches, and what it must not.

use super::*;
use crate::stages::quotes::names::Names;

fn patterns() -> Patterns {
    let lexicon = Lexicon::embedded();
    let names = Names::with_lexicon(&lexicon);
    Patterns::new(
        &lexicon,
        &Pronouns::with_lexicon(&lexicon),
        names.run_pattern(),
    )
}

/// The named group `group` of `re` on `text`.
fn group<'t>(re: &Regex, text: &'t str, group: &str) -> Option<&'t str> {
    re.captures(text)?.name(group).map(|m| m.as_str())
}

#[test]
fn post_cue_takes_the_longest_cue_and_a_glued_name() {
    let p = patterns();
    assert_eq!(group(&p.post_cue, ", katanya.", "cue"), Some("katanya"));
    assert_eq!(group(&p.post_cue, " kataFaruk.", "cue"), Some("kata"));
    assert_eq!(group(&p.post_cue, ", said Lavrov", "cue"), Some("said"));
    assert!(p.post_cue.captures(" katalog baru").is_none());
}

#[test]
fn pronoun_after_a_cue_is_a_whole_word() {
    let p = patterns();
    assert_eq!(group(&p.pronoun_after, " dia.", "p"), Some("dia"));
    assert!(!p.pronoun_after.is_match(" diantaranya"));
}

#[test]
fn post_name_cue_reads_names_appositions_descriptions_and_pronouns() {
    let p = patterns();
    let c = &p.post_name_cue;
    assert_eq!(
        group(c, ", Ada Brook, the port director, said.", "name"),
        Some("Ada Brook")
    );
    assert_eq!(group(c, " the mayor said.", "desc"), Some("the mayor"));
    assert_eq!(group(c, ", she then added.", "p"), Some("she"));
    assert_eq!(group(c, " they said.", "group"), Some("they"));
    assert!(!c.is_match(", Putin went home."));
}

#[test]
fn pre_cue_en_allows_a_short_phrase_after_the_cue() {
    let p = patterns();
    let c = &p.pre_cue_en;
    assert_eq!(
        group(c, "Olsen said in a statement Tuesday, ", "name"),
        Some("Olsen")
    );
    assert_eq!(group(c, "He told reporters: ", "p"), Some("He"));
    // The phrase may hold an abbreviated title, not the end of a sentence.
    assert!(c.is_match("Olsen said of Mrs. Ode's plan, "));
    assert!(!c.is_match("Olsen said it. Then he left, "));
}

#[test]
fn pre_mixed_needs_the_statement_to_go_on_into_the_quote() {
    let p = patterns();
    assert_eq!(
        group(&p.pre_mixed, "Brook says the closure ", "cue"),
        Some("says")
    );
    assert!(!p.pre_mixed.is_match("Brook says the closure, "));
}

#[test]
fn participle_hands_the_subject_on() {
    let p = patterns();
    assert_eq!(
        group(&p.participle, "she said, adding: ", "cue"),
        Some("adding")
    );
    assert_eq!(
        group(&p.participle, "he left, saying that ", "cue"),
        Some("saying")
    );
    assert!(!p.participle.is_match("he left, singing "));
}

#[test]
fn connector_joins_the_parts_of_one_office() {
    let p = patterns();
    for joint in [", dan ", " of ", " (IPP) ", " - 19 ", " dr. ", " drg "] {
        assert!(p.connector.is_match(joint), "{joint:?}");
    }
    assert!(!p.connector.is_match(" Budi"));
}

#[test]
fn pre_cue_reads_names_pronouns_and_groups() {
    let p = patterns();
    let c = &p.pre_cue;
    assert_eq!(
        group(c, "Gubernur Dedi Mulyadi mengatakan, ", "name"),
        Some("Gubernur Dedi Mulyadi")
    );
    assert_eq!(group(c, "Ia juga menegaskan: ", "p"), Some("Ia"));
    assert_eq!(
        group(c, "Mereka mengatakan bahwa ", "group"),
        Some("Mereka")
    );
    assert!(!c.is_match("Ia makan, "));
}

#[test]
fn pre_context_takes_the_occasion_as_the_cue() {
    let p = patterns();
    let c = &p.pre_context;
    assert_eq!(
        group(c, "Budi dalam keterangan tertulisnya, ", "cue"),
        Some("dalam keterangan tertulisnya")
    );
    assert_eq!(
        group(c, "Budi saat konferensi pers di Jakarta, ", "cue"),
        Some("saat konferensi pers ")
    );
    assert!(!c.is_match("Budi dalam perjalanan, "));
}

#[test]
fn according_names_the_person_before_the_mark() {
    let p = patterns();
    assert_eq!(
        group(&p.according, "Menurut Siti Aminah, ", "name"),
        Some("Siti Aminah")
    );
    assert_eq!(
        group(&p.according, "according to Brook ", "cue"),
        Some("according to")
    );
}

#[test]
fn indirect_takes_the_clause_after_the_verb() {
    let p = patterns();
    let s = "Presiden Putin menyebut bahwa Moskwa siap berunding.";
    assert_eq!(
        group(&p.indirect, s, "text"),
        Some("Moskwa siap berunding.")
    );
    assert_eq!(group(&p.indirect, s, "cue"), Some("menyebut"));
    assert!(!p.indirect.is_match("Presiden Putin menerima tamu."));
}

#[test]
fn every_indirect_match_holds_an_indirect_cue() {
    let p = patterns();
    for s in [
        "Budi Santoso menegaskan bahwa harga turun.",
        "Presiden Putin menyebut bahwa Moskwa siap berunding.",
    ] {
        assert!(p.indirect.is_match(s), "{s}");
        assert!(p.indirect_cue.is_match(s), "{s}");
    }
    // No cue word, so the full pattern need not run.
    assert!(!p
        .indirect_cue
        .is_match("Presiden Putin menerima tamu di istana."));
}

#[test]
fn indirect_according_takes_a_connective_and_the_forms_after_a_preposition() {
    let p = patterns();
    let c = &p.indirect_according;
    assert_eq!(
        group(c, "Namun, menurut dia, harga naik.", "p"),
        Some("dia")
    );
    assert_eq!(group(c, "Menurut Budi, harga naik.", "name"), Some("Budi"));
    assert!(!c.is_match("Menurut ia, harga naik."));
}

#[test]
fn source_verb_reads_every_speech_verb_list() {
    let p = patterns();
    for s in ["X mengatakan", "X berpendapat", "X optimistis", "X said"] {
        assert!(p.source_verb.is_match(s), "{s}");
    }
    assert!(!p.source_verb.is_match("X makan siang"));
}
