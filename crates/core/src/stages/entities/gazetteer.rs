//! Lists of known places, organizations and titles (`data/gazetteers/`). They serve three
//! purposes: hits are tagger features (the training data is small, so a name the tagger
//! never saw can still be recognized by its list), aliases in one line tie mentions into
//! one entity ("Tiongkok" and "China", "KPK" and its full name), and titles mark where a
//! PERSON span must not start.
//!
//! Matching runs on the token sequence, lowercased and joined with single spaces, so a
//! match always covers whole tokens. Acronyms match only in their exact case ("AS" the
//! country, never "as"); other names need a capital first letter, titles any case.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::tokens::{tokenize, Token};
use crate::hash::FnvBuild;
use crate::output::EntityType;

const COUNTRIES: &str = include_str!("../../../../../data/gazetteers/countries.txt");
const PLACES: &str = include_str!("../../../../../data/gazetteers/places.txt");
const ORGANIZATIONS: &str = include_str!("../../../../../data/gazetteers/organizations.txt");
const TITLES: &str = include_str!("../../../../../data/gazetteers/titles.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Country,
    Place,
    Organization,
    Title,
}

impl Kind {
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Kind::Country | Kind::Place => Some(EntityType::Location),
            Kind::Organization => Some(EntityType::Organization),
            Kind::Title => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub tokens: Range<usize>,
    pub kind: Kind,
    /// Index of the gazetteer line: equal for all aliases of one name.
    pub entry: u32,
}

struct Pattern {
    kind: Kind,
    entry: u32,
    acronym: bool,
    /// The pattern as written, tokens joined by single spaces.
    exact: String,
}

struct Automaton {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
    /// Pattern ids by the lowercase first token of their key.
    by_first: HashMap<Box<str>, Vec<u32>, FnvBuild>,
    /// Each pattern's key: its tokens lowercased and joined by single spaces.
    keys: Vec<String>,
}

pub struct Gazetteer {
    names: Automaton,
    titles: Automaton,
    canonical: Vec<String>,
    /// Every spelling of each line, by entry.
    spellings: Vec<Vec<String>>,
}

impl Default for Gazetteer {
    fn default() -> Self {
        Self::new()
    }
}

fn normalize(text: &str) -> String {
    tokenize(text, 0)
        .iter()
        .map(|t| t.text(text))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn build(sources: &[(&str, Kind)], canonical: &mut Vec<String>) -> Automaton {
    let mut patterns = Vec::new();
    let mut keys = Vec::new();
    for &(source, kind) in sources {
        for line in source.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let entry = canonical.len() as u32;
            let mut names = line.split('|').map(str::trim).filter(|s| !s.is_empty());
            let Some(first) = names.next() else { continue };
            canonical.push(first.to_string());
            for name in std::iter::once(first).chain(names) {
                let exact = normalize(name);
                keys.push(exact.to_lowercase());
                patterns.push(Pattern {
                    kind,
                    entry,
                    acronym: is_acronym(name),
                    exact,
                });
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&keys)
        .expect("gazetteer automaton");
    let mut by_first: HashMap<Box<str>, Vec<u32>, FnvBuild> = HashMap::default();
    for (i, key) in keys.iter().enumerate() {
        let first = key.split(' ').next().unwrap_or_default();
        by_first.entry(first.into()).or_default().push(i as u32);
    }
    Automaton {
        ac,
        patterns,
        by_first,
        keys,
    }
}

impl Automaton {
    /// Whether some key matches whole tokens starting at a token of `joined` (tokens
    /// lowercased, joined by single spaces; token `k` spans `starts[k]..ends[k]`).
    /// Without one, the automaton finds no hit either: every hit is such a match.
    fn starts_a_key(&self, joined: &str, starts: &[usize], ends: &[usize]) -> bool {
        starts.iter().zip(ends).any(|(&s, &e)| {
            self.by_first.get(&joined[s..e]).is_some_and(|ids| {
                ids.iter().any(|&id| {
                    let key = &self.keys[id as usize];
                    let end = s + key.len();
                    ends.binary_search(&end).is_ok() && joined[s..end] == *key
                })
            })
        })
    }
}

impl Gazetteer {
    pub fn new() -> Gazetteer {
        let mut canonical = Vec::new();
        let names = build(
            &[
                (COUNTRIES, Kind::Country),
                (PLACES, Kind::Place),
                (ORGANIZATIONS, Kind::Organization),
            ],
            &mut canonical,
        );
        let titles = build(&[(TITLES, Kind::Title)], &mut canonical);
        let mut spellings = vec![Vec::new(); canonical.len()];
        for p in names.patterns.iter().chain(&titles.patterns) {
            spellings[p.entry as usize].push(p.exact.clone());
        }
        Gazetteer {
            names,
            titles,
            canonical,
            spellings,
        }
    }

    /// The name a gazetteer line is known by (its first spelling).
    pub fn canonical(&self, entry: u32) -> &str {
        &self.canonical[entry as usize]
    }

    /// All spellings of a gazetteer line ("Tiongkok", "China", "RRT", …).
    pub fn spellings(&self, entry: u32) -> &[String] {
        &self.spellings[entry as usize]
    }

    /// Name hits and title hits over `tokens` of `text`, each in token order.
    pub fn hits(&self, text: &str, tokens: &[Token]) -> (Vec<Hit>, Vec<Hit>) {
        let mut joined = String::with_capacity(text.len() + tokens.len());
        // starts[k] is where token k begins in `joined`; ends mark where it stops.
        let mut starts = Vec::with_capacity(tokens.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for (k, t) in tokens.iter().enumerate() {
            if k > 0 {
                joined.push(' ');
            }
            starts.push(joined.len());
            for c in t.text(text).chars() {
                joined.extend(c.to_lowercase());
            }
            ends.push(joined.len());
        }
        let originals: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        // Most sentences hold no listed name or title; one table lookup per token tells
        // them. The rest are searched with the automaton, whose leftmost-longest matches
        // over the joined text (a longer key that ends inside a word hides a shorter
        // whole-word one) are what the models were trained with.
        let automaton = |a: &Automaton, titles: bool| {
            let mut out = Vec::new();
            for m in a.ac.find_iter(&joined) {
                let (Ok(first), Ok(last)) = (
                    starts.binary_search(&m.start()),
                    ends.binary_search(&m.end()),
                ) else {
                    continue;
                };
                let p = &a.patterns[m.pattern().as_usize()];
                let written = &originals[first..=last];
                let ok = if p.acronym {
                    written.join(" ") == p.exact
                } else {
                    titles || written[0].starts_with(char::is_uppercase)
                };
                if ok {
                    out.push(Hit {
                        tokens: first..last + 1,
                        kind: p.kind,
                        entry: p.entry,
                    });
                }
            }
            out
        };
        let run = |a: &Automaton, titles: bool| {
            if a.starts_a_key(&joined, &starts, &ends) {
                automaton(a, titles)
            } else {
                Vec::new()
            }
        };
        (run(&self.names, false), run(&self.titles, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<(String, Kind, String)> {
        let g = Gazetteer::new();
        let toks = tokenize(text, 0);
        let (names, titles) = g.hits(text, &toks);
        names
            .into_iter()
            .chain(titles)
            .map(|h| {
                let s = toks[h.tokens.start].bytes.start;
                let e = toks[h.tokens.end - 1].bytes.end;
                (
                    text[s..e].to_string(),
                    h.kind,
                    g.canonical(h.entry).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn only_sentences_with_a_key_at_a_token_reach_the_automaton() {
        let g = Gazetteer::new();
        let starts_a_key = |text: &str| {
            let joined = normalize(text).to_lowercase();
            let (mut starts, mut ends, mut at) = (Vec::new(), Vec::new(), 0);
            for t in joined.split(' ') {
                starts.push(at);
                ends.push(at + t.len());
                at += t.len() + 1;
            }
            g.names.starts_a_key(&joined, &starts, &ends)
        };
        assert!(starts_a_key("Warga Jakarta antre sejak pagi."));
        assert!(starts_a_key("Ia tiba di kementerian luar negeri kemarin."));
        // "jakartanya" holds the key "jakarta" only inside a word.
        assert!(!starts_a_key("Udara jakartanya panas sekali."));
        assert!(hits("Udara jakartanya panas sekali.").is_empty());
    }

    #[test]
    fn a_longer_key_ending_inside_a_word_hides_the_shorter_one_as_trained() {
        // The models were trained on the automaton's leftmost-longest matches: "Ketua
        // Umumnya" holds "ketua umum" ending inside a word, which hides "Ketua".
        let got = hits("Ketua Umumnya hadir.");
        assert!(got.iter().all(|(t, _, _)| t != "Ketua"), "{got:?}");
        assert!(hits("Ketua datang.").iter().any(|(t, _, _)| t == "Ketua"));
    }

    #[test]
    fn aliases_share_an_entry_and_longest_wins() {
        let got = hits("Presiden China bertemu Kementerian Luar Negeri Korea Selatan di Tiongkok.");
        let names: Vec<(&str, Kind, &str)> = got
            .iter()
            .map(|(a, k, c)| (a.as_str(), *k, c.as_str()))
            .collect();
        assert!(names.contains(&("China", Kind::Country, "Tiongkok")));
        assert!(names.contains(&("Tiongkok", Kind::Country, "Tiongkok")));
        assert!(names.contains(&(
            "Kementerian Luar Negeri",
            Kind::Organization,
            "Kementerian Luar Negeri"
        )));
        assert!(names.contains(&("Korea Selatan", Kind::Country, "Korea Selatan")));
        assert!(names.contains(&("Presiden", Kind::Title, "Presiden")));
    }

    #[test]
    fn acronyms_need_their_case_and_names_a_capital() {
        let got = hits("Kerja sama seperti as roda dengan AS, kata KPK; kpk dan jepang.");
        let texts: Vec<&str> = got.iter().map(|(a, _, _)| a.as_str()).collect();
        assert_eq!(texts, vec!["AS", "KPK"]);
    }
}
