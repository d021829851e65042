//! From tags to mentions, applying what the tagger should not have to learn from 3,500
//! sentences: a title is never part of a PERSON span but becomes a role ("Presiden China
//! Xi Jinping" → "Xi Jinping", role "Presiden"); a ministry followed by its country is
//! one organization ("Kementerian Luar Negeri China"); an acronym in parentheses after a
//! name ("Mahkamah Konstitusi (MK)") is that name's alias.

use super::gazetteer::{Hit, Kind};
use super::model::spans;
use super::tokens::Token;
use super::Found;
use crate::lexicon::Lexicon;
use crate::output::EntityType;
use std::collections::HashMap;

const NAME_LINKS: &[&str] = &["bin", "binti", "van", "von", "de", "al", "el", "da", "di"];

fn entity_type(kind: u8) -> EntityType {
    match kind {
        1 => EntityType::Person,
        2 => EntityType::Organization,
        _ => EntityType::Location,
    }
}

/// "Rp1", "USD20", "SGD308" (one token each): an amount written straight after a name
/// ("hakim Pengadilan Negeri Sleman Rp2 miliar") is never part of it.
fn is_amount(w: &str) -> bool {
    ["Rp", "USD", "SGD"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether `acronym` starts with the name's first letter and takes the rest of its
/// letters in order from the name: "RH" and "RHT" for "Rudi Hartono", "NOP" for
/// "Nopriansyah", not "HR".
fn is_initials(acronym: &str, name: &[&str]) -> bool {
    let mut letters = name
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase);
    let mut wanted = acronym.chars().filter(|c| c.is_alphabetic());
    match (wanted.next(), letters.next()) {
        (Some(a), Some(b)) if a == b => wanted.all(|a| letters.any(|b| a == b)),
        _ => false,
    }
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// The word lists the rules consult, from the [`Lexicon`].
pub struct Rules {
    name_forming_honorifics: Vec<&'static str>,
    not_names: Vec<&'static str>,
    generic_name_heads: Vec<&'static str>,
    place_continuations: Vec<&'static str>,
}

impl Rules {
    pub fn with_lexicon(lexicon: &Lexicon) -> Rules {
        Rules {
            name_forming_honorifics: lexicon.name_forming_honorifics.clone(),
            not_names: lexicon.not_names.clone(),
            generic_name_heads: lexicon.generic_name_heads.clone(),
            place_continuations: lexicon.place_continuations.clone(),
        }
    }

    /// The mentions of one tokenized sentence, given the tagger's tags and the sentence's
    /// gazetteer and title hits.
    pub fn mentions(
        &self,
        body: &str,
        toks: &[Token],
        words: &[&str],
        tags: &[u8],
        names: &[Hit],
        titles: &[Hit],
    ) -> Vec<Found> {
        // Indexes built once, keeping the first hit in list order where several qualify:
        // scanning every hit for every span made this quadratic on title-dense text.
        let mut title_cover: Vec<Option<usize>> = vec![None; toks.len()];
        let mut title_end: HashMap<usize, usize> = HashMap::new();
        for (i, h) in titles.iter().enumerate() {
            for t in h.tokens.clone() {
                if let Some(slot) = title_cover.get_mut(t) {
                    slot.get_or_insert(i);
                }
            }
            title_end.entry(h.tokens.end).or_insert(i);
        }
        let mut name_end: HashMap<usize, usize> = HashMap::new();
        let mut name_start: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, h) in names.iter().enumerate() {
            name_end.entry(h.tokens.end).or_insert(i);
            name_start.entry(h.tokens.start).or_default().push(i);
        }
        let title_at = |i: usize| title_cover.get(i).copied().flatten().map(|j| &titles[j]);
        let title_ending = |end: usize| title_end.get(&end).map(|&j| &titles[j]);
        let name_ending = |end: usize| name_end.get(&end).map(|&j| &names[j]);
        let names_starting = |start: usize| {
            name_start
                .get(&start)
                .into_iter()
                .flatten()
                .map(|&j| &names[j])
        };
        let span_text = |s: usize, e: usize| &body[toks[s].bytes.start..toks[e - 1].bytes.end];
        let raw = spans(tags);
        let mut out: Vec<(usize, usize, Found)> = Vec::new();
        let mut k = 0;
        while k < raw.len() {
            let (kind, mut s, mut e) = raw[k];
            k += 1;
            let mut roles = Vec::new();
            if kind == 1 {
                while s < e {
                    match title_at(s) {
                        // "Gus Dur", "Bung Karno": with a one-word nickname the honorific is
                        // how the person is named, and the nickname alone names nobody.
                        Some(h)
                            if h.tokens.end + 1 == e
                                && h.tokens.len() == 1
                                && self.name_forming_honorifics.contains(&words[s]) =>
                        {
                            break
                        }
                        Some(h) => {
                            roles.push(
                                span_text(h.tokens.start.max(s), h.tokens.end.min(e)).to_string(),
                            );
                            s = h.tokens.end;
                        }
                        None => break,
                    }
                }
                // A title before the name, possibly across an affiliation: "Presiden China Xi".
                let mut before = s;
                if let Some(h) = name_ending(before) {
                    before = h.tokens.start;
                } else if let Some((ps, _, _)) = out
                    .last()
                    .filter(|(_, pe, f)| *pe == s && f.kind != EntityType::Person)
                {
                    before = *ps;
                }
                if let Some(h) = title_ending(before).or_else(|| title_ending(s)) {
                    let role = span_text(h.tokens.start, h.tokens.end).to_string();
                    if !roles.contains(&role) {
                        roles.insert(0, role);
                    }
                }
            }
            while e > s && !words[e - 1].chars().any(char::is_alphanumeric) {
                e -= 1;
            }
            while s < e && !words[s].chars().any(char::is_alphanumeric) {
                s += 1;
            }
            // Names are capitalized: a PERSON span stops at its first lowercase word (but
            // "bin", "van", "de" link names), and no span ends on a lowercase word.
            if kind == 1 {
                if let Some(cut) = (s + 1..e).find(|&i| {
                    words[i].starts_with(char::is_lowercase) && !NAME_LINKS.contains(&words[i])
                }) {
                    e = cut;
                }
            }
            while e > s + 1
                && (words[e - 1].starts_with(char::is_lowercase) || is_amount(words[e - 1]))
            {
                e -= 1;
            }
            let any_capital = words[s..e.max(s)]
                .iter()
                .any(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
            if s >= e || !any_capital || (kind == 1 && words[s].starts_with(char::is_lowercase)) {
                continue;
            }
            if (e == s + 1
                && (self.generic_name_heads.contains(&words[s])
                    || self.place_continuations.contains(&words[s])))
                || self.not_names.contains(&span_text(s, e))
            {
                continue;
            }
            if kind == 2 {
                if let Some(h) = names_starting(e).find(|h| h.kind == Kind::Country) {
                    e = h.tokens.end;
                    // The country was also tagged on its own; it is part of this name now.
                    while k < raw.len() && raw[k].1 < e {
                        k += 1;
                    }
                }
            }
            // "poros Paris dan Berlin": two listed places joined by "dan" are two places,
            // whatever the tagger ran together. An organization's own "dan" ("Kementerian
            // Energi dan Sumber Daya Mineral") joins words that are not each a listed place.
            if kind != 1 {
                let listed = |a: usize, b: usize| {
                    names_starting(a).find(|h| {
                        h.tokens.end == b && matches!(h.kind, Kind::Place | Kind::Country)
                    })
                };
                let pair = (s + 1..e.saturating_sub(1))
                    .find(|&d| words[d] == "dan")
                    .and_then(|d| Some((listed(s, d)?, listed(d + 1, e)?)));
                if let Some((left, right)) = pair {
                    for h in [left, right] {
                        let (a, b) = (h.tokens.start, h.tokens.end);
                        out.push((
                            a,
                            b,
                            Found {
                                kind: EntityType::Location,
                                bytes: toks[a].bytes.start..toks[b - 1].bytes.end,
                                entry: Some(h.entry),
                                roles: Vec::new(),
                                expands: None,
                            },
                        ));
                    }
                    continue;
                }
            }
            // "Kabupaten Bekasi Siti Nurhaliza": a listed place the tagger ran on into the
            // name after it. The words past the place, two or more and all capitalized,
            // none a compass or region word, are that person.
            let mut person_after = None;
            if kind == 3 {
                // The place may follow its administrative word ("Kabupaten Bekasi").
                let place_start = if self.place_continuations.contains(&words[s]) {
                    s + 1
                } else {
                    s
                };
                if let Some(h) = names_starting(place_start).find(|h| {
                    matches!(h.kind, Kind::Place | Kind::Country) && h.tokens.end + 2 <= e
                }) {
                    let rest = &words[h.tokens.end..e];
                    if rest.iter().all(|w| {
                        w.starts_with(char::is_uppercase)
                            && w.chars().all(char::is_alphabetic)
                            && !self.place_continuations.contains(w)
                    }) && names_starting(h.tokens.end).next().is_none()
                    {
                        person_after = Some(h.tokens.end..e);
                        e = h.tokens.end;
                    }
                }
            }
            let entry = names_starting(s)
                .find(|h| h.tokens.end == e && h.kind.entity_type() == Some(entity_type(kind)))
                .map(|h| h.entry);
            let bytes = toks[s].bytes.start..toks[e - 1].bytes.end;
            let ty = entity_type(kind);
            if let Some(p) = person_after {
                out.push((
                    s,
                    e,
                    Found {
                        kind: ty,
                        bytes: bytes.clone(),
                        entry,
                        roles: Vec::new(),
                        expands: None,
                    },
                ));
                out.push((
                    p.start,
                    p.end,
                    Found {
                        kind: EntityType::Person,
                        bytes: toks[p.start].bytes.start..toks[p.end - 1].bytes.end,
                        entry: None,
                        roles: Vec::new(),
                        expands: None,
                    },
                ));
                continue;
            }
            out.push((
                s,
                e,
                Found {
                    kind: ty,
                    bytes: bytes.clone(),
                    entry,
                    roles,
                    expands: None,
                },
            ));
            // "Mahkamah Konstitusi (MK)": the acronym inside belongs to this name. After a
            // person it is the person's initials, as crime reports write a suspect ("Rudi
            // Hartono (RH)"), when its letters come in order from the name's.
            let acronym_after = e + 2 < words.len()
                && words[e] == "("
                && words[e + 2] == ")"
                && is_acronym(words[e + 1]);
            let alias = acronym_after
                && if ty == EntityType::Person {
                    is_initials(words[e + 1], &words[s..e])
                } else {
                    e - s >= 2
                };
            if alias {
                while k < raw.len() && raw[k].1 <= e + 1 {
                    k += 1;
                }
                out.push((
                    e + 1,
                    e + 2,
                    Found {
                        kind: ty,
                        bytes: toks[e + 1].bytes.clone(),
                        entry: None,
                        roles: Vec::new(),
                        expands: Some(bytes),
                    },
                ));
            }
        }
        out.into_iter().map(|(_, _, f)| f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::entities::gazetteer::Gazetteer;
    use crate::stages::entities::model::tag_id;
    use crate::stages::entities::tokens::tokenize;

    /// Mentions of `body` when the tagger said `tags` (CoNLL names, one per token).
    fn found(body: &str, tags: &[&str]) -> Vec<(String, EntityType)> {
        let toks = tokenize(body, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
        assert_eq!(words.len(), tags.len(), "{words:?}");
        let tags: Vec<u8> = tags.iter().map(|t| tag_id(t)).collect();
        let (names, titles) = Gazetteer::new().hits(body, &toks);
        Rules::with_lexicon(&Lexicon::embedded())
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
                "O", "O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG",
                "O",
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
        let got = Rules::with_lexicon(&Lexicon::embedded())
            .mentions(body, &toks, &words, &tags, &names, &titles);
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
}
