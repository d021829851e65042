//! The people of one article, against which attributions are resolved: a short name to
//! its full form, an office (`kata Kapolres`) to the person introduced with it, a pronoun
//! cue to the last source before the quote. The people are the entity stage's PERSON
//! mentions when it ran, else the name candidates of capitalized runs that carry an
//! office.

use std::ops::Range;

use super::gender::Genders;
use super::names::{self, Names};
use super::sources::{sources, Source};
use super::QuoteRules;
use crate::lexicon::Gender;
use crate::output::{Entity, EntityType, Speaker};
use crate::span::CharMap;
use crate::stages::entities::entity_named;
use crate::stages::segment::Segment;

/// How far back (in person mentions or capitalized runs) a role or a short name looks for
/// its full form. Real articles stay far below it; it keeps a hostile article with tens of
/// thousands of names linear.
const LOOKBACK: usize = 512;

pub(super) struct People<'a> {
    body: &'a str,
    genders: &'a Genders,
    map: &'a CharMap,
    entities: &'a [Entity],
    /// Person mentions in byte ranges, sorted, with their canonical names.
    mentions: Vec<(Range<usize>, String)>,
    /// Capitalized runs (office + person) for role resolution, in byte ranges.
    runs: Vec<(Range<usize>, Range<usize>)>,
    /// The people introduced as a source: the subject of a verb of saying (`X,
    /// <office>, menambahkan …`) or `Menurut X`. In order.
    sources: Vec<Source>,
}

/// The entity stage's PERSON mentions in byte ranges, with their entity's name. An office
/// or place the tagger left inside a mention ("Bupati Bekasi Ade") is dropped: the
/// mention shrinks to the person's part of the capitalized run holding it.
fn entity_mentions(
    body: &str,
    entities: &[Entity],
    runs: &[(Range<usize>, Range<usize>)],
) -> Vec<(Range<usize>, String)> {
    let byte_of = byte_offsets(body);
    entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .flat_map(|e| {
            e.mentions.iter().filter_map(|m| {
                let (s, t) = (*byte_of.get(m.start)?, *byte_of.get(m.end)?);
                // Runs come from one regex scan: sorted and disjoint, so only the last
                // run starting at or before the mention can hold it.
                let i = runs.partition_point(|(run, _)| run.start <= s);
                let r = i
                    .checked_sub(1)
                    .map(|i| &runs[i])
                    .filter(|(run, p)| t <= run.end && s <= p.start && p.end <= t)
                    .map_or(s..t, |(_, p)| p.clone());
                Some((r, e.name.clone()))
            })
        })
        .collect()
}

/// Without entities: the person part of every capitalized run that carries an office
/// ("Presiden Rusia Vladimir Putin"), which is how news introduces a person, each named
/// by the longest earlier candidate holding its last word.
fn run_mentions(
    names: &Names,
    body: &str,
    runs: &[(Range<usize>, Range<usize>)],
) -> Vec<(Range<usize>, String)> {
    let candidates: Vec<Range<usize>> = runs
        .iter()
        .filter(|(run, person)| run.start < person.start)
        .map(|(_, p)| p.clone())
        .collect();
    let canon = names::resolve_entities(body, &names.candidates(body), &candidates);
    candidates
        .into_iter()
        .map(|r| {
            let name = canon
                .get(&(r.start, r.end))
                .cloned()
                .unwrap_or_else(|| body[r.clone()].to_string());
            (r, name)
        })
        .collect()
}

impl<'a> People<'a> {
    pub(super) fn new(
        rules: &'a QuoteRules,
        body: &'a str,
        map: &'a CharMap,
        entities: &'a [Entity],
        sentences: &[Segment],
    ) -> Self {
        let runs = rules.names.runs(body);
        let mut mentions = entity_mentions(body, entities, &runs);
        // Where the entity stage found people, they are the candidate sources: a
        // capitalized run it did not take for a person is mostly a programme, a body or a
        // sentence's first word ("Misalnya Makan Bergizi Gratis"), seldom a missed name.
        let source_runs: &[(Range<usize>, Range<usize>)] = if mentions.is_empty() {
            mentions = run_mentions(&rules.names, body, &runs);
            &runs
        } else {
            &[]
        };
        // A tagger may take a capitalized pronoun ("He", "Her") for a person.
        mentions.retain(|(r, _)| !rules.pronouns.is_pronoun(&body[r.clone()]));
        mentions.sort_by_key(|m| m.0.start);
        let sentences: Vec<Range<usize>> = sentences.iter().map(|s| s.bytes.clone()).collect();
        let sources = sources(
            &rules.source_words,
            &rules.patterns.source_verb,
            body,
            &mentions,
            source_runs,
            &sentences,
        );
        People {
            body,
            genders: &rules.genders,
            map,
            entities,
            mentions,
            runs,
            sources,
        }
    }

    pub(super) fn speaker(&self, r: Range<usize>, entity: Option<String>) -> Speaker {
        Speaker {
            name: self.body[r.clone()].to_string(),
            entity,
            start: self.map.chars(r.start),
            end: self.map.chars(r.end),
        }
    }

    /// The canonical name for a name written at `r`: the entity stage's when it ran,
    /// else the longest earlier name containing it.
    fn canonical(&self, r: &Range<usize>) -> Option<String> {
        let name = &self.body[r.clone()];
        if !self.entities.is_empty() {
            if let Some(e) = crate::stages::entities::entity_for(self.entities, name) {
                // A tagger that cut the name short does not shorten a fuller written one.
                let fuller = name.len() > e.len() && e.split(' ').all(|w| name.contains(w));
                return Some(if fuller { name } else { e }.to_string());
            }
        }
        let words: Vec<&str> = name.split(' ').collect();
        let before = self.mentions.partition_point(|(m, _)| m.start <= r.start);
        let earlier = self.mentions[..before]
            .iter()
            .rev()
            .take(LOOKBACK)
            .map(|(_, n)| n)
            .filter(|n| {
                let have: Vec<&str> = n.split(' ').collect();
                words.iter().all(|w| have.contains(w))
            })
            .max_by_key(|n| n.chars().count());
        Some(match earlier {
            Some(n) if n.chars().count() > name.chars().count() => n.clone(),
            _ => name.to_string(),
        })
    }

    pub(super) fn named(&self, r: Range<usize>) -> Speaker {
        // An entity mention inside the attribution run is the tighter name ("Bekasi Siti
        // Nurhaliza" → "Siti Nurhaliza" when the entity stage knows the place).
        let from = self.mentions.partition_point(|(m, _)| m.start < r.start);
        // The name ends the run: a mention ending with it wins over an earlier one
        // (a body the tagger took for a person).
        let inside = || {
            self.mentions[from..]
                .iter()
                .map(|(m, _)| m)
                .take_while(|m| m.start < r.end)
                .filter(|m| m.end <= r.end && self.body[(*m).clone()].contains(' '))
        };
        let r = inside()
            .find(|m| m.end == r.end)
            .or_else(|| inside().next())
            .cloned()
            .unwrap_or(r);
        let entity = self.canonical(&r);
        self.speaker(r, entity)
    }

    /// "kata Kapolres": the person last introduced with that office before it.
    pub(super) fn role(&self, r: Range<usize>) -> Speaker {
        let title = self.body[r.clone()].to_lowercase();
        let first = title.split(' ').next().unwrap_or("").to_string();
        let before = self.runs.partition_point(|(run, _)| run.end <= r.start);
        let holder = self.runs[..before]
            .iter()
            .rev()
            .take(LOOKBACK)
            .filter(|(run, person)| run.start < person.start)
            .find(|(run, person)| {
                let office = self.body[run.start..person.start].to_lowercase();
                office.split(' ').any(|w| w == first)
            })
            .map(|(_, p)| p.clone());
        match holder {
            Some(p) => {
                let entity = self.canonical(&p);
                Speaker {
                    entity,
                    ..self.speaker(r, None)
                }
            }
            // An office nobody was introduced with names a person only where the entity
            // stage has an entity of exactly that name ("kata Polri").
            None => {
                let entity = entity_named(self.entities, &self.body[r.clone()]).map(str::to_string);
                self.speaker(r, entity)
            }
        }
    }

    /// The antecedent of a pronoun cue for a quote starting at `at`: the later of the
    /// last person mentioned before it and the last speaker named before it (`named`, in
    /// text order). A pronoun of a gender ("she") passes over people known to be of the
    /// other; when nobody before the quote fits, the choice is made as if it had none.
    pub(super) fn antecedent(
        &self,
        at: usize,
        named: &[(Range<usize>, Speaker)],
        gender: Option<Gender>,
    ) -> Option<Speaker> {
        if gender.is_some() {
            if let Some(s) = self.pick_antecedent(at, named, gender) {
                return Some(s);
            }
        }
        self.pick_antecedent(at, named, None)
    }

    /// [`People::antecedent`] among the people who fit `gender` (everyone for `None`).
    fn pick_antecedent(
        &self,
        at: usize,
        named: &[(Range<usize>, Speaker)],
        gender: Option<Gender>,
    ) -> Option<Speaker> {
        let fits = |r: &Range<usize>, name: Option<&str>| {
            gender.is_none_or(|g| {
                self.genders
                    .of(self.body, r.clone(), name)
                    .is_none_or(|h| h == g)
            })
        };
        // A person introduced as a source is what a pronoun cue refers to; other mentions
        // (people talked about, and offices or events the tagger took for people) only
        // when the article introduces no source before the quote.
        let src = self.sources.partition_point(|(r, _)| r.start < at);
        let mention: Option<(Range<usize>, Option<String>)> = if src > 0 {
            self.sources[..src]
                .iter()
                .rev()
                .take(LOOKBACK)
                .find(|(r, name)| fits(r, name.as_deref()))
                .cloned()
        } else {
            let idx = self.mentions.partition_point(|(m, _)| m.start < at);
            self.mentions[..idx]
                .iter()
                .rev()
                .take(LOOKBACK)
                .find(|(m, name)| fits(m, Some(name)))
                .map(|(m, name)| (m.clone(), Some(name.clone())))
        };
        let last_speaker = named
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|(r, s)| fits(r, s.entity.as_deref()));
        let person = |(m, name): (Range<usize>, Option<String>)| {
            let name = name.or_else(|| self.canonical(&m));
            self.speaker(m, name)
        };
        match (mention, last_speaker) {
            (Some(m), Some((s, _))) if m.0.start > s.start => Some(person(m)),
            (_, Some((_, sp))) => Some(sp.clone()),
            (Some(m), None) => Some(person(m)),
            (None, None) => None,
        }
    }
}

/// Byte offset of every code point, plus the end.
fn byte_offsets(body: &str) -> Vec<usize> {
    let mut v: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
    v.push(body.len());
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Mention;
    use crate::stages::segment::Segmenter;

    /// Resolves against the people of `body`, with the entities given.
    fn with_people<T>(body: &str, entities: &[Entity], f: impl FnOnce(&People) -> T) -> T {
        let rules = QuoteRules::new();
        let map = CharMap::new(body);
        let segments = Segmenter::new().segment(body, &map);
        f(&People::new(
            &rules,
            body,
            &map,
            entities,
            &segments.sentences,
        ))
    }

    fn at(body: &str, s: &str) -> Range<usize> {
        let i = body.rfind(s).unwrap();
        i..i + s.len()
    }

    fn person(name: &str, body: &str, written: &str) -> Entity {
        let r = at(body, written);
        Entity {
            name: name.into(),
            kind: EntityType::Person,
            mentions: vec![Mention {
                text: written.into(),
                start: body[..r.start].chars().count(),
                end: body[..r.end].chars().count(),
            }],
            count: 1,
            aliases: vec![],
            roles: vec![],
        }
    }

    #[test]
    fn an_office_inside_an_entity_mention_is_dropped() {
        let body = "Menteri Keuangan Sri Mulyani datang.";
        let entities = [person("Sri Mulyani", body, "Menteri Keuangan Sri Mulyani")];
        let runs = Names::new().runs(body);
        assert_eq!(
            entity_mentions(body, &entities, &runs),
            vec![(at(body, "Sri Mulyani"), "Sri Mulyani".to_string())]
        );
    }

    #[test]
    fn without_entities_runs_with_an_office_are_the_people() {
        let body = "Presiden Rusia Vladimir Putin bertemu Xi. Kata Putin semuanya baik.";
        let runs = Names::new().runs(body);
        let got: Vec<(&str, String)> = run_mentions(&Names::new(), body, &runs)
            .into_iter()
            .map(|(r, n)| (&body[r], n))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Vladimir Putin", "Vladimir Putin".to_string()),
                ("Putin", "Vladimir Putin".to_string())
            ]
        );
    }

    #[test]
    fn a_role_resolves_to_the_person_introduced_with_it() {
        let body = "Kapolres Bogor AKBP Budi Santoso meninjau lokasi. “Aman,” kata Kapolres.";
        let s = with_people(body, &[], |p| p.role(at(body, "Kapolres")));
        assert_eq!(
            (s.name.as_str(), s.entity.as_deref()),
            ("Kapolres", Some("Budi Santoso"))
        );
        // Nobody introduced as Kapolri, and no entity of that name: the speaker is the
        // office as written, linked to no entity.
        let body = "“Aman,” kata Kapolri.";
        let s = with_people(body, &[], |p| p.role(at(body, "Kapolri")));
        assert_eq!((s.name.as_str(), s.entity), ("Kapolri", None));
    }

    #[test]
    fn a_short_name_takes_the_longest_earlier_name_holding_it() {
        let body = "Presiden Rusia Vladimir Putin datang. “Aman,” kata Putin.";
        let s = with_people(body, &[], |p| p.named(at(body, "Putin")));
        assert_eq!(
            (s.name.as_str(), s.entity.as_deref()),
            ("Putin", Some("Vladimir Putin"))
        );
    }

    #[test]
    fn a_pronoun_refers_to_the_last_source_unless_a_speaker_was_named_after_it() {
        let body =
            "Kepala Dinas Perhubungan Kota Malang Hendra Wijaya mengatakan, jalan diperluas. \
            Hal itu sejalan dengan arahan Gubernur Khofifah Indar Parawansa.\n\n“Siap,” ujarnya.";
        let quote = body.find('“').unwrap();
        let name = |s: Option<Speaker>| s.map(|s| s.name);
        assert_eq!(
            with_people(body, &[], |p| name(p.antecedent(quote, &[], None))),
            Some("Hendra Wijaya".into())
        );
        let later = Speaker {
            name: "Rina".into(),
            entity: None,
            start: 0,
            end: 4,
        };
        let at = body.find("Khofifah").unwrap();
        let last = [(at..at + "Khofifah".len(), later)];
        assert_eq!(
            with_people(body, &[], |p| name(p.antecedent(quote, &last, None))),
            Some("Rina".into())
        );
    }

    #[test]
    fn with_entities_the_sources_are_the_tagged_people() {
        let body = "Rachmat mengatakan, anggaran cukup. Misalnya Makan Bergizi Gratis \
            menyampaikan manfaat besar.\n\n“Kami melihat angka,” katanya.";
        let quote = body.find('“').unwrap();
        let entities = [person("Rachmat", body, "Rachmat")];
        let name = |p: &People| p.antecedent(quote, &[], None).map(|s| s.name);
        assert_eq!(with_people(body, &entities, name), Some("Rachmat".into()));
        // Without entities, capitalized runs are the candidates.
        assert_eq!(
            with_people(body, &[], name),
            Some("Misalnya Makan Bergizi Gratis".into())
        );
    }

    #[test]
    fn byte_offsets_map_code_points() {
        assert_eq!(byte_offsets("né!"), vec![0, 1, 3, 4]);
    }
}
