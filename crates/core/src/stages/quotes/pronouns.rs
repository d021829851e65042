//! The pronouns of the quote rules, all read from the one list of
//! `data/lexicon/pronouns.txt` by what a rule needs of them: a pronoun subject of a cue
//! (`kata dia`, `she said`) refers to a person named before; a plural or first-person
//! subject (`mereka mengatakan`) speaks for no one person; after "Menurut" stand only the
//! forms a preposition takes (`menurut dia`, never `menurut ia`); no pronoun is a name.

use crate::lexicon::{Case, Gender, Lexicon, Pronoun, PronounLanguage, Refers};

pub(super) struct Pronouns {
    list: Vec<Pronoun>,
}

impl Pronouns {
    pub(super) fn with_lexicon(lexicon: &Lexicon) -> Pronouns {
        Pronouns {
            list: lexicon.pronouns.clone(),
        }
    }

    /// The subject pronouns of `language` (both when `None`) that refer to `refers`, in
    /// file order.
    fn subjects(&self, refers: Refers, language: Option<PronounLanguage>) -> Vec<&'static str> {
        self.list
            .iter()
            .filter(|p| p.refers == refers && p.can_be_subject())
            .filter(|p| language.is_none_or(|l| p.language == l))
            .map(|p| p.word)
            .collect()
    }

    /// `ia`, `dia`, `beliau`, `he`, `she`: a cue's subject that refers back to the person
    /// named before, which is what a pronoun attribution resolves to.
    pub(super) fn person_subjects(&self, language: Option<PronounLanguage>) -> Vec<&'static str> {
        self.subjects(Refers::One, language)
    }

    /// `mereka`, `kami`, `kita`, `they`, `we`: speech by a group or by the writer's side,
    /// which has no one speaker.
    pub(super) fn group_subjects(&self, language: Option<PronounLanguage>) -> Vec<&'static str> {
        self.subjects(Refers::Group, language)
    }

    /// `dia`, `beliau`: the person pronouns a preposition takes (`Menurut dia, …`);
    /// subject-only forms (`ia`, `he`) never follow one.
    pub(super) fn after_preposition(&self) -> Vec<&'static str> {
        self.list
            .iter()
            .filter(|p| p.refers == Refers::One && p.case == Case::Any)
            .map(|p| p.word)
            .collect()
    }

    /// The subject pronouns of a person, a group or the speaker: after a cue (`kata saya`)
    /// they say who speaks, so none starts a description of the speaker.
    pub(super) fn speaking_subjects(&self) -> Vec<&'static str> {
        self.list
            .iter()
            .filter(|p| matches!(p.refers, Refers::One | Refers::Group | Refers::SelfSpeaker))
            .filter(|p| p.can_be_subject())
            .map(|p| p.word)
            .collect()
    }

    /// The gender a pronoun written as `s` (any case) refers to: "he", "she"; `None` for
    /// "dia", "they" or a word that is no pronoun.
    pub(super) fn gender(&self, s: &str) -> Option<Gender> {
        let s = s.trim().to_lowercase();
        self.list.iter().find(|p| p.word == s)?.gender
    }

    /// True when `s`, trimmed and in any case, is a pronoun or demonstrative: it names
    /// nobody, though a tagger may take a capitalized "He" or "Her" for a person.
    pub(super) fn is_pronoun(&self, s: &str) -> bool {
        let s = s.trim().to_lowercase();
        self.list.iter().any(|p| p.word == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pronouns() -> Pronouns {
        Pronouns::with_lexicon(&Lexicon::embedded())
    }

    #[test]
    fn person_subjects_are_the_third_person_singular_subject_forms() {
        let p = pronouns();
        assert_eq!(
            p.person_subjects(None),
            vec!["ia", "dia", "beliau", "he", "she"]
        );
        assert_eq!(
            p.person_subjects(Some(PronounLanguage::English)),
            vec!["he", "she"]
        );
    }

    #[test]
    fn group_subjects_speak_for_several() {
        let p = pronouns();
        assert_eq!(
            p.group_subjects(None),
            vec!["mereka", "kami", "kita", "they", "we"]
        );
        assert_eq!(
            p.group_subjects(Some(PronounLanguage::English)),
            vec!["they", "we"]
        );
    }

    #[test]
    fn only_forms_a_preposition_takes_follow_menurut() {
        assert_eq!(pronouns().after_preposition(), vec!["dia", "beliau"]);
    }

    #[test]
    fn speaking_subjects_include_the_speaker_but_not_objects_or_the_addressee() {
        let s = pronouns().speaking_subjects();
        for w in ["ia", "mereka", "saya", "aku", "he", "we"] {
            assert!(s.contains(&w), "{w}");
        }
        for w in ["him", "them", "anda", "you", "it", "this"] {
            assert!(!s.contains(&w), "{w}");
        }
    }

    #[test]
    fn every_form_in_any_case_is_a_pronoun_and_names_are_not() {
        let p = pronouns();
        assert!(p.is_pronoun(" He"));
        assert!(p.is_pronoun("THEIR"));
        assert!(p.is_pronoun("Beliau"));
        assert!(!p.is_pronoun("Hendra"));
        assert!(!p.is_pronoun("Dian"));
    }
}
