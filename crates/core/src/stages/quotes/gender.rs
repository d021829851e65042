//! The gender of a person as an article names them, so that "he" and "she" take the
//! right person: the title written before the name ("Mrs. Clinton", "Mr. Obama"), else
//! the first name ("Donald Trump"). Most mentions give none (a surname alone, a name
//! given to both, an Indonesian name), and a person of no known gender fits either
//! pronoun.

use foldhash::HashMap;
use std::ops::Range;

use crate::lexicon::{Gender, Lexicon, TitleUse};

pub(super) struct Genders {
    first_names: HashMap<&'static str, Gender>,
    /// Titles given to men or to women, as written without their period.
    titles: HashMap<&'static str, Gender>,
}

impl Genders {
    pub(super) fn with_lexicon(lexicon: &Lexicon) -> Genders {
        let titles = lexicon
            .name_titles
            .iter()
            .filter_map(|t| {
                let gender = if t.uses.contains(&TitleUse::Male) {
                    Gender::Male
                } else if t.uses.contains(&TitleUse::Female) {
                    Gender::Female
                } else {
                    return None;
                };
                Some((t.word, gender))
            })
            .collect();
        Genders {
            first_names: lexicon.first_names_english.iter().copied().collect(),
            titles,
        }
    }

    /// The gender of a title written as `word`, with or without its period.
    fn title(&self, word: &str) -> Option<Gender> {
        self.titles.get(word.trim_end_matches('.')).copied()
    }

    /// The gender of the person written at `r` of `body`; `canonical` is the person's
    /// full name where the article gives one ("Trump" → "Donald Trump").
    pub(super) fn of(
        &self,
        body: &str,
        r: Range<usize>,
        canonical: Option<&str>,
    ) -> Option<Gender> {
        let written = &body[r.clone()];
        let before = body[..r.start].trim_end();
        let title_before = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if let Some(g) = self.title(title_before) {
            return Some(g);
        }
        for name in [canonical, Some(written)].into_iter().flatten() {
            let mut words = name.split(' ').filter(|w| !w.is_empty());
            let Some(first) = words.next() else { continue };
            if let Some(g) = self.title(first) {
                return Some(g);
            }
            // A first name, unless the name is that word alone: "Jordan" or "Mark" by
            // itself is as likely a surname.
            if words.next().is_some() {
                if let Some(&g) = self.first_names.get(first) {
                    return Some(g);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gender(body: &str, written: &str, canonical: Option<&str>) -> Option<Gender> {
        let genders = Genders::with_lexicon(&Lexicon::embedded());
        let at = body.rfind(written).unwrap();
        genders.of(body, at..at + written.len(), canonical)
    }

    #[test]
    fn a_title_before_the_name_gives_the_gender() {
        assert_eq!(
            gender("said Mrs. Clinton.", "Clinton", None),
            Some(Gender::Female)
        );
        assert_eq!(gender("Mr. Obama said", "Obama", None), Some(Gender::Male));
        assert_eq!(
            gender("Ms Lindqvist said", "Ms Lindqvist", None),
            Some(Gender::Female)
        );
    }

    #[test]
    fn a_first_name_gives_the_gender_through_the_full_name() {
        assert_eq!(
            gender("Mary Jones said", "Mary Jones", None),
            Some(Gender::Female)
        );
        assert_eq!(
            gender("Trump said", "Trump", Some("Donald Trump")),
            Some(Gender::Male)
        );
    }

    #[test]
    fn a_surname_alone_or_an_unlisted_name_gives_none() {
        assert_eq!(gender("Baker said", "Baker", None), None);
        assert_eq!(gender("kata Budi Santoso", "Budi Santoso", None), None);
        // A first name alone may be a surname.
        assert_eq!(gender("Jordan said", "Jordan", None), None);
        assert_eq!(gender("Mark said", "Mark", None), None);
    }
}
