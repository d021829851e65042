//! The entity stage: people, organizations and places, with every mention's span,
//! grouped into one entity per real-world referent within the article.
//!
//! Per sentence: tokens → gazetteer and title hits → the trained tagger
//! ([`model`]) → spans, then [`roles`] moves titles out of PERSON spans into roles and
//! [`resolve`] groups mentions across the article. English articles are tagged by an
//! English model of their own and tidied by [`english`]. Both models are embedded in the
//! binary. The Indonesian one is parsed when the pipeline's resources are built
//! ([`Recognizer::embedded`]), the English one when the first English article comes.

pub mod english;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod resolve;
pub mod roles;
pub mod tokens;
pub mod wordstats;

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::Lexicon;
use crate::output::{Entity, EntityType};
use crate::span::CharMap;

use gazetteer::{Gazetteer, Kind};
use model::{Model, Scratch};

/// One recognized mention before grouping, in byte offsets of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: EntityType,
    pub bytes: Range<usize>,
    /// Gazetteer line the mention matches exactly, which ties aliases together.
    pub entry: Option<u32>,
    /// Titles written before a PERSON mention ("Presiden").
    pub roles: Vec<String>,
    /// For "Mahkamah Konstitusi (MK)": on the "MK" mention, the long form's byte range.
    pub expands: Option<Range<usize>>,
}

pub struct Recognizer {
    pub model: Model,
    /// The tagger of English articles: its own weights and word statistics, parsed when
    /// the first English article comes, so a worker fed only Indonesian news never holds
    /// it ([`Recognizer::english_model`]).
    english_model: OnceLock<Model>,
    pub gazetteer: Gazetteer,
    pub rules: roles::Rules,
    pub english: english::English,
}

impl Recognizer {
    /// The shipped recognizer: the embedded model ([`Model::embedded`]), the embedded
    /// gazetteers and the word lists of `lexicon`. Parsing the model costs tens of
    /// milliseconds, so it is built once with the pipeline's resources and shared.
    pub fn embedded(lexicon: &Lexicon) -> Recognizer {
        Recognizer {
            model: Model::embedded(),
            english_model: OnceLock::new(),
            gazetteer: Gazetteer::new(),
            rules: roles::Rules::with_lexicon(lexicon),
            english: english::English::with_lexicon(lexicon),
        }
    }

    /// The English tagger, parsed on first use (tens of milliseconds, once).
    pub fn english_model(&self) -> &Model {
        self.english_model.get_or_init(Model::embedded_english)
    }

    /// Mentions in one sentence (`body[range]`), in order; the titles and listed places
    /// seen on the way go into `before`.
    fn sentence(
        &self,
        model: &Model,
        body: &str,
        range: Range<usize>,
        scratch: &mut Scratch,
        before: &mut Preceding,
    ) -> Vec<Found> {
        let toks = tokens::tokenize(&body[range.clone()], range.start);
        if toks.is_empty() {
            return Vec::new();
        }
        if let Some(pieces) = tokens::without_mark_runs(body, &toks) {
            // No piece holds a long run, so this recursion is one level deep.
            return pieces
                .into_iter()
                .flat_map(|piece| self.sentence(model, body, piece, scratch, before))
                .collect();
        }
        let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
        let (names, titles) = self.gazetteer.hits(body, &toks);
        let bytes =
            |h: &gazetteer::Hit| toks[h.tokens.start].bytes.start..toks[h.tokens.end - 1].bytes.end;
        for h in &titles {
            let b = bytes(h);
            before.titles.insert(b.end, b);
        }
        for h in names
            .iter()
            .filter(|h| matches!(h.kind, Kind::Place | Kind::Country))
        {
            let b = bytes(h);
            before.places.insert(b.end, b.start);
        }
        let tags = model.tag(&words, &names, &titles, scratch);
        let found = self
            .rules
            .mentions(body, &toks, &words, &tags, &names, &titles);
        self.split_place_pairs(body, found)
    }

    /// "hubungan Rusia-China": listed places joined by hyphens are those places, each a
    /// LOCATION, whatever the tagger called the compound (it had made this one a PERSON).
    fn split_place_pairs(&self, body: &str, found: Vec<Found>) -> Vec<Found> {
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            let text = &body[f.bytes.clone()];
            if text.contains('-') {
                // The same length in bytes, so offsets carry over to the body.
                let spaced = text.replace('-', " ");
                let toks = tokens::tokenize(&spaced, 0);
                let (names, _) = self.gazetteer.hits(&spaced, &toks);
                let places: Vec<&gazetteer::Hit> = names
                    .iter()
                    .filter(|h| matches!(h.kind, Kind::Place | Kind::Country))
                    .collect();
                let covered: usize = places.iter().map(|h| h.tokens.len()).sum();
                if places.len() >= 2 && covered == toks.len() {
                    for h in places {
                        let start = f.bytes.start + toks[h.tokens.start].bytes.start;
                        let end = f.bytes.start + toks[h.tokens.end - 1].bytes.end;
                        out.push(Found {
                            kind: EntityType::Location,
                            bytes: start..end,
                            entry: Some(h.entry),
                            roles: Vec::new(),
                            expands: None,
                        });
                    }
                    continue;
                }
            }
            out.push(f);
        }
        out
    }

    /// All entities of a body, given its sentences as byte ranges and the article's
    /// language: English articles are tagged by the English model and get
    /// [`english::English::tidy`]; any other language, or none, the Indonesian model.
    pub fn extract(
        &self,
        body: &str,
        sentences: &[Range<usize>],
        map: &CharMap,
        language: Option<&str>,
    ) -> Vec<Entity> {
        let english = language == Some("en");
        let model = if english {
            self.english_model()
        } else {
            &self.model
        };
        let mut scratch = Scratch::default();
        let mut before = Preceding::default();
        let found: Vec<Found> = sentences
            .iter()
            .flat_map(|r| self.sentence(model, body, r.clone(), &mut scratch, &mut before))
            .collect();
        let mut found = propagate(body, found, &self.gazetteer, &before);
        if english {
            for f in &mut found {
                f.bytes = english::with_final_stop(body, f.bytes.clone());
            }
        }
        let entities = resolve::group(body, found, &self.gazetteer, map);
        if english {
            self.english.tidy(entities)
        } else {
            entities
        }
    }
}

/// Titles and listed places of an article by the byte offset where each ends, so a
/// person found by [`propagate`] still gets the title written before it ("Presiden
/// China Xi Jinping" when the tagger missed that sentence but found "Xi Jinping" elsewhere).
#[derive(Default)]
struct Preceding {
    titles: HashMap<usize, Range<usize>>,
    /// End → start of each listed place or country.
    places: HashMap<usize, usize>,
}

impl Preceding {
    /// The title written right before `start`, possibly across one listed place.
    fn title(&self, body: &str, start: usize) -> Option<Range<usize>> {
        let end_before = |at: usize| body[..at].trim_end().len();
        let at = end_before(start);
        self.titles.get(&at).cloned().or_else(|| {
            let place = *self.places.get(&at)?;
            self.titles.get(&end_before(place)).cloned()
        })
    }
}

/// Names found once are found everywhere in the article: every other occurrence of a
/// recognized name, of its listed aliases, and of each word of a person's name ("Putin"
/// after "Vladimir Putin") becomes a mention too, when it stands as whole words and
/// nothing else claimed that text. The tagger decides per sentence; the article is more consistent.
fn propagate(body: &str, mut found: Vec<Found>, gaz: &Gazetteer, before: &Preceding) -> Vec<Found> {
    let mut needles: Vec<(String, Found)> = Vec::new();
    let mut add = |text: &str, f: &Found| {
        if text.chars().count() >= 2
            && text.starts_with(char::is_uppercase)
            && !needles.iter().any(|(t, _)| t == text)
        {
            let mut g = f.clone();
            g.roles.clear();
            g.expands = None;
            needles.push((text.to_string(), g));
        }
    };
    for f in &found {
        let text = &body[f.bytes.clone()];
        add(text, f);
        // The other spellings of a listed name ("Tiongkok" once "China" was found).
        if let Some(e) = f.entry {
            for alias in gaz.spellings(e) {
                add(alias, f);
            }
        }
        if f.kind == EntityType::Person {
            for w in text.split_whitespace() {
                let mut g = f.clone();
                g.entry = None;
                add(w, &g);
            }
        }
    }
    if needles.is_empty() {
        return found;
    }
    let needles_only: Vec<&str> = needles.iter().map(|(t, _)| t.as_str()).collect();
    let mut taken: Vec<Range<usize>> = found.iter().map(|f| f.bytes.clone()).collect();
    taken.sort_by_key(|r| r.start);
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut extra = Vec::new();
    let mut swallowed: Vec<Range<usize>> = Vec::new();
    for (pattern, s, e) in leftmost_longest(body, &needles_only) {
        if word_char(body[..s].chars().next_back()) || word_char(body[e..].chars().next()) {
            continue;
        }
        let i = taken.partition_point(|r| r.end <= s);
        let mut j = i;
        while taken.get(j).is_some_and(|r| r.start < e) {
            j += 1;
        }
        // Overlaps are allowed only when the match swallows them ("Jinping" inside a
        // later "Xi Jinping"); those partial mentions are dropped.
        if taken[i..j]
            .iter()
            .any(|r| r.start < s || r.end > e || (r.start == s && r.end == e))
        {
            continue;
        }
        swallowed.extend(taken[i..j].iter().cloned());
        let mut f = needles[pattern].1.clone();
        f.bytes = s..e;
        if f.kind == EntityType::Person {
            if let Some(t) = before.title(body, s) {
                f.roles.push(body[t].to_string());
            }
        }
        extra.push(f);
    }
    found.retain(|f| !swallowed.contains(&f.bytes));
    found.extend(extra);
    found.sort_by_key(|f| f.bytes.start);
    found
}

/// The non-overlapping leftmost-longest matches of `needles` in `body`, as (needle,
/// start, end), the semantics of an Aho-Corasick search in `LeftmostLongest` mode. Every
/// needle starts with an uppercase letter and an article has a few dozen of them, so
/// trying the needles of each uppercase letter where it stands costs less than building
/// an automaton per article (which was a tenth of the entity stage).
fn leftmost_longest(body: &str, needles: &[&str]) -> Vec<(usize, usize, usize)> {
    // Needles by their first character, longest first, so the first that fits is the
    // longest; equal lengths keep the order of `needles`, as the automaton did.
    let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
    for (i, n) in needles.iter().enumerate() {
        if let Some(c) = n.chars().next() {
            by_first.entry(c).or_default().push(i);
        }
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|&i| std::cmp::Reverse(needles[i].len()));
    }
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((off, c)) = body[at..]
        .char_indices()
        .find(|(_, c)| c.is_uppercase() && by_first.contains_key(c))
    {
        let s = at + off;
        let rest = &body[s..];
        match by_first[&c].iter().find(|&&i| rest.starts_with(needles[i])) {
            Some(&i) => {
                out.push((i, s, s + needles[i].len()));
                at = s + needles[i].len();
            }
            None => at = s + c.len_utf8(),
        }
    }
    out
}

/// The canonical entity name a speaker name refers to, for linking quotes to entities:
/// an exact mention, name or alias first ([`entity_named`]), then a PERSON whose name
/// contains every word of `speaker` ("Putin" → "Vladimir Putin").
pub fn entity_for<'e>(entities: &'e [Entity], speaker: &str) -> Option<&'e str> {
    let speaker = speaker.trim();
    if speaker.is_empty() {
        return None;
    }
    if let Some(e) = entity_named(entities, speaker) {
        return Some(e);
    }
    let words: Vec<&str> = speaker.split_whitespace().collect();
    entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .find(|e| {
            let name: Vec<&str> = e.name.split_whitespace().collect();
            words.iter().all(|w| name.contains(w))
        })
        .map(|e| e.name.as_str())
}

/// The entity whose name, alias or a mention is exactly `text`.
pub fn entity_named<'e>(entities: &'e [Entity], text: &str) -> Option<&'e str> {
    entities
        .iter()
        .find(|e| {
            e.name == text
                || e.aliases.iter().any(|a| a == text)
                || e.mentions.iter().any(|m| m.text == text)
        })
        .map(|e| e.name.as_str())
}

/// A PERSON entity whose every name word is in `fuller`: the entity of a name written
/// out in full where the tagger cut it short ("Sri Mulyani Indrawati" → "Sri Mulyani").
pub fn person_within<'e>(entities: &'e [Entity], fuller: &str) -> Option<&'e str> {
    let words: Vec<&str> = fuller.split_whitespace().collect();
    entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .filter(|e| e.name.split_whitespace().all(|w| words.contains(&w)))
        .max_by_key(|e| e.name.len())
        .map(|e| e.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphenated_pair_of_listed_places_is_two_places() {
        let body = "Hubungan Rusia-China menguat, kata Andi Wirawan-Putra.";
        let r = Recognizer::embedded(&Lexicon::embedded());
        let tagged = |text: &str, kind| Found {
            kind,
            bytes: body.find(text).unwrap()..body.find(text).unwrap() + text.len(),
            entry: None,
            roles: Vec::new(),
            expands: None,
        };
        let found = vec![
            tagged("Rusia-China", EntityType::Person),
            tagged("Andi Wirawan-Putra", EntityType::Person),
        ];
        let got: Vec<(&str, EntityType)> = r
            .split_place_pairs(body, found)
            .into_iter()
            .map(|f| (&body[f.bytes], f.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Rusia", EntityType::Location),
                ("China", EntityType::Location),
                ("Andi Wirawan-Putra", EntityType::Person),
            ]
        );
    }

    #[test]
    fn needles_match_leftmost_longest_as_an_automaton_would() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let needles = [
            "Xi",
            "Xi Jinping",
            "Jinping",
            "Joko",
            "Joko Widodo",
            "Widodo",
            "Ä",
            "Äsa",
        ];
        let bodies = [
            "Presiden Xi Jinping bertemu Joko Widodo. Lalu Xi dan Widodo makan; Jinping pergi.",
            "XiXi Jinpingx Joko WidodoJoko Äsa Ä Jinping Jinpin",
            "tanpa nama sama sekali",
        ];
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(needles)
            .unwrap();
        for body in bodies {
            let want: Vec<(usize, usize, usize)> = ac
                .find_iter(body)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            assert_eq!(leftmost_longest(body, &needles), want, "{body}");
        }
        assert_eq!(
            leftmost_longest("kata Xi Jinping", &needles),
            vec![(1, 5, 15)]
        );
    }

    #[test]
    fn a_propagated_person_keeps_the_title_before_it() {
        let body = "Presiden China Xi Jinping menelepon. Lalu Xi Jinping tersenyum.";
        let at = |s: &str| body.find(s).unwrap();
        let later = body.rfind("Xi Jinping").unwrap();
        let found = vec![Found {
            kind: EntityType::Person,
            bytes: later..later + "Xi Jinping".len(),
            entry: None,
            roles: Vec::new(),
            expands: None,
        }];
        let mut before = Preceding::default();
        before
            .titles
            .insert(at("Presiden") + 8, at("Presiden")..at("Presiden") + 8);
        before.places.insert(at("China") + 5, at("China"));
        let out = propagate(body, found, &Gazetteer::new(), &before);
        let first = out.iter().find(|f| f.bytes.start == at("Xi")).unwrap();
        assert_eq!(first.roles, vec!["Presiden"]);
        let second = out.iter().find(|f| f.bytes.start == later).unwrap();
        assert!(second.roles.is_empty());
    }
}
