//! English names as English writes them. The tagger and its rules grew on Indonesian
//! text; in an English article they also take a capitalised function word for a name
//! ("The", "He", "However") and keep the article word and the possessive on a name ("The
//! European Union", "Trump’s"). This pass tidies the mentions of an English article:
//! the possessive and a leading article word come off, a lone word of
//! `data/lexicon/english-non-names.txt` is no name, entities that became one name are
//! merged, and a gazetteer's Indonesian canonical name that the article never writes
//! ("Ukraina") gives way to the article's own form ("Ukraine") and becomes an alias.

use foldhash::HashSet;

use crate::lexicon::Lexicon;
use crate::output::{Entity, Mention};

/// The English tidy-up and the word list it reads.
pub struct English {
    /// Lowercase words that are never a name alone.
    non_names: HashSet<&'static str>,
}

/// Possessive endings that belong to the sentence, not to the name.
const POSSESSIVES: [&str; 2] = ["’s", "'s"];
/// Article words that open a name in a sentence but are no part of it.
const ARTICLES: [&str; 2] = ["The ", "the "];

/// `text` without a possessive ending, and how many chars came off.
fn without_possessive(text: &str) -> (&str, usize) {
    for p in POSSESSIVES {
        if let Some(rest) = text.strip_suffix(p) {
            if !rest.is_empty() {
                return (rest, p.chars().count());
            }
        }
    }
    (text, 0)
}

/// `text` without a leading article word, and how many chars came off; a name of one
/// more word keeps its article ("The Hague" stays, being a name of two words, only when
/// the article is part of it: that is left to the gazetteer).
fn without_article(text: &str) -> (&str, usize) {
    for a in ARTICLES {
        if let Some(rest) = text.strip_prefix(a) {
            if !rest.trim().is_empty() {
                return (rest, a.chars().count());
            }
        }
    }
    (text, 0)
}

/// True for initials with inner full stops and no final one: "U.S", "E.U", "D.C".
fn dotted_initials(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.len() >= 3
        && chars.len() % 2 == 1
        && chars.iter().enumerate().all(|(i, c)| {
            if i % 2 == 0 {
                c.is_uppercase()
            } else {
                *c == '.'
            }
        })
}

/// The byte range of a name with the full stop that ends its initials: the tokenizer
/// leaves the last stop of "U.S." to the sentence, but English writes it as part of the
/// name, also mid-sentence ("the U.S. economy").
pub fn with_final_stop(body: &str, bytes: std::ops::Range<usize>) -> std::ops::Range<usize> {
    if dotted_initials(&body[bytes.clone()]) && body[bytes.end..].starts_with('.') {
        bytes.start..bytes.end + 1
    } else {
        bytes
    }
}

/// The mention text written most often, the longest of those tied.
fn most_written(mentions: &[Mention]) -> String {
    let mut best: Option<(&str, usize)> = None;
    for m in mentions {
        let n = mentions.iter().filter(|o| o.text == m.text).count();
        let better =
            best.is_none_or(|(text, count)| n > count || (n == count && m.text.len() > text.len()));
        if better {
            best = Some((&m.text, n));
        }
    }
    best.map(|(text, _)| text.to_string()).unwrap_or_default()
}

impl English {
    /// The pass with the word list of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> English {
        English {
            non_names: lexicon.english_non_names.iter().copied().collect(),
        }
    }

    /// Whether `text` is one word that is never a name alone ("He", "However", "Mrs.").
    pub fn is_non_name(&self, text: &str) -> bool {
        let text = text.trim();
        !text.contains(char::is_whitespace) && self.non_names.contains(text.to_lowercase().as_str())
    }

    /// `text` as a name: without its possessive and a leading article word.
    pub fn name_form<'t>(&self, text: &'t str) -> &'t str {
        without_article(without_possessive(text).0).0
    }

    /// The mention without its possessive and article word, or None when what is left
    /// is no name.
    fn mention(&self, m: Mention) -> Option<Mention> {
        let (text, tail) = without_possessive(&m.text);
        let (text, head) = without_article(text);
        if self.is_non_name(text) {
            return None;
        }
        Some(Mention {
            text: text.to_string(),
            start: m.start + head,
            end: m.end - tail,
        })
    }

    /// The entities of an English article, tidied: mentions as above, entities left
    /// without a mention dropped, entities of one type that now share a name merged
    /// (first one's place kept), and each name the name form of its own or, when that is
    /// no name, of its longest mention.
    pub fn tidy(&self, entities: Vec<Entity>) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
        for entity in entities {
            let mentions: Vec<Mention> = entity
                .mentions
                .into_iter()
                .filter_map(|m| self.mention(m))
                .collect();
            let Some(longest) = mentions.iter().max_by_key(|m| m.text.len()) else {
                continue;
            };
            let own = self.name_form(&entity.name);
            let written = mentions.iter().any(|m| m.text == own);
            let name = if self.is_non_name(own) {
                longest.text.clone()
            } else if written {
                own.to_string()
            } else {
                // A gazetteer's canonical name ("Ukraina", "Pakta Pertahanan Atlantik
                // Utara") that the article never writes: the name is the article's own
                // form ("Ukraine", "NATO"), and the canonical one an alias.
                most_written(&mentions)
            };
            let aliases = entity
                .aliases
                .iter()
                .map(|a| self.name_form(a).to_string())
                .chain((!written && !self.is_non_name(own)).then(|| own.to_string()))
                .filter(|a| *a != name && !self.is_non_name(a));
            match out
                .iter_mut()
                .find(|e| e.kind == entity.kind && e.name == name)
            {
                Some(e) => {
                    e.mentions.extend(mentions);
                    e.mentions.sort_by_key(|m| m.start);
                    e.count = e.mentions.len();
                    for a in aliases {
                        if !e.aliases.contains(&a) {
                            e.aliases.push(a);
                        }
                    }
                    for r in entity.roles {
                        if !e.roles.contains(&r) {
                            e.roles.push(r);
                        }
                    }
                }
                None => {
                    let mut unique: Vec<String> = Vec::new();
                    for a in aliases {
                        if !unique.contains(&a) {
                            unique.push(a);
                        }
                    }
                    out.push(Entity {
                        name,
                        kind: entity.kind,
                        count: mentions.len(),
                        mentions,
                        aliases: unique,
                        roles: entity.roles,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::EntityType;

    fn english() -> English {
        English::with_lexicon(&Lexicon::embedded())
    }

    fn entity(name: &str, kind: EntityType, mentions: &[(&str, usize)]) -> Entity {
        Entity {
            name: name.to_string(),
            kind,
            count: mentions.len(),
            mentions: mentions
                .iter()
                .map(|&(text, start)| Mention {
                    text: text.to_string(),
                    start,
                    end: start + text.chars().count(),
                })
                .collect(),
            aliases: Vec::new(),
            roles: Vec::new(),
        }
    }

    #[test]
    fn initials_keep_their_final_full_stop() {
        let body = "The U.S. and E.U trade; U.S officials, St. Louis and D.C.";
        let at = |text: &str| {
            let s = body.find(text).unwrap();
            &body[with_final_stop(body, s..s + text.len())]
        };
        assert_eq!(at("U.S"), "U.S.");
        assert_eq!(at("E.U"), "E.U");
        assert_eq!(at("St"), "St");
        assert_eq!(at("D.C"), "D.C.");
        assert!(!dotted_initials("USA"));
        assert!(!dotted_initials("U.S."));
    }

    #[test]
    fn a_lone_function_word_is_no_entity() {
        let e = english();
        let out = e.tidy(vec![
            entity("The", EntityType::Organization, &[("The", 0)]),
            entity("He", EntityType::Person, &[("He", 10)]),
            entity("However", EntityType::Location, &[("However", 20)]),
            entity("Thursday", EntityType::Person, &[("Thursday", 30)]),
            entity("Americans", EntityType::Person, &[("Americans", 40)]),
            entity("Mrs.", EntityType::Person, &[("Mrs.", 50)]),
            entity(
                "Angela Merkel",
                EntityType::Person,
                &[("Angela Merkel", 60)],
            ),
        ]);
        let names: Vec<&str> = out.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Angela Merkel"]);
    }

    #[test]
    fn the_article_word_and_the_possessive_come_off_a_name() {
        let e = english();
        let out = e.tidy(vec![entity(
            "The European Union",
            EntityType::Organization,
            &[("The European Union", 0), ("the European Union’s", 40)],
        )]);
        assert_eq!(out[0].name, "European Union");
        let spans: Vec<(&str, usize, usize)> = out[0]
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.start, m.end))
            .collect();
        assert_eq!(
            spans,
            [("European Union", 4, 18), ("European Union", 44, 58)]
        );
    }

    #[test]
    fn entities_that_become_one_name_are_merged_and_a_name_of_one_function_word_is_replaced() {
        let e = english();
        let out = e.tidy(vec![
            entity("Trump", EntityType::Person, &[("Trump", 0)]),
            entity(
                "He",
                EntityType::Person,
                &[("He", 10), ("Donald Trump", 30)],
            ),
            entity("Trump’s", EntityType::Person, &[("Trump’s", 20)]),
        ]);
        let summary: Vec<(&str, usize)> = out.iter().map(|e| (e.name.as_str(), e.count)).collect();
        assert_eq!(summary, [("Trump", 2), ("Donald Trump", 1)]);
        assert_eq!(out[0].mentions[1].start, 20);
        assert_eq!(out[0].mentions[1].end, 25);
    }

    #[test]
    fn a_canonical_name_the_article_never_writes_gives_way_to_the_english_form() {
        let e = english();
        let mut nato = entity(
            "Pakta Pertahanan Atlantik Utara",
            EntityType::Organization,
            &[("NATO", 0), ("NATO", 20)],
        );
        nato.aliases = vec!["NATO".to_string()];
        let ukraine = entity("Ukraina", EntityType::Location, &[("Ukraine", 40)]);
        let out = e.tidy(vec![nato, ukraine]);
        assert_eq!(out[0].name, "NATO");
        assert_eq!(out[0].aliases, ["Pakta Pertahanan Atlantik Utara"]);
        assert_eq!(out[1].name, "Ukraine");
        assert_eq!(out[1].aliases, ["Ukraina"]);
        let written = entity(
            "Hillary Clinton",
            EntityType::Person,
            &[("Hillary Clinton", 0), ("Clinton", 30)],
        );
        assert_eq!(e.tidy(vec![written])[0].name, "Hillary Clinton");
    }

    #[test]
    fn a_name_that_is_only_an_article_word_and_a_possessive_keeps_its_letters() {
        let e = english();
        assert_eq!(e.name_form("The"), "The");
        assert_eq!(e.name_form("’s"), "’s");
        assert_eq!(e.name_form("The Post’s"), "Post");
    }
}
