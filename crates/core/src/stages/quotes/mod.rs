//! Who said what. Indonesian news attributes direct speech mostly after the quote
//! (`"…," kata Xi Jinping`, `"…," ujarnya`), sometimes before it (`X mengatakan, "…"`,
//! `Menurut X, "…"`, `X dalam keterangannya, "…"`), and reports indirect speech with a
//! verb (`X menegaskan bahwa …`). A quote may run over several paragraphs, each
//! re-opening it, or be interrupted by its attribution (`"…," kata X. "…"`); the parts
//! share one speaker. Pronoun attributions (`kata dia`, `ujarnya`) refer to the person
//! mentioned last before the quote; a role-only attribution (`kata Kapolres`) to the
//! person introduced with that role. English attributions follow the same shapes:
//! `"…," said X, a spokesman`, `"…," X, the chairman of Y, said`, `"…," the mayor said`,
//! `X said in a statement, "…"`, `X says the plan "will fail."`, `''…''` marks.
//! Offsets are bytes here and code points on output.

mod direct;
mod gender;
mod indirect;
mod marks;
mod names;
mod patterns;
mod people;
mod pronouns;
mod sources;
mod speaker;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::lexicon::{Gender, Lexicon};
use crate::output::{Entity, EntityType, Quote, QuoteKind, Speaker};
use crate::span::CharMap;
use crate::stages::entities::{entity_for, person_within};
use crate::stages::segment::Segments;

use gender::Genders;
pub use marks::{pairs as quote_marks, Pair as QuoteMarks};
pub use names::Names;
use patterns::Patterns;
use people::People;
use pronouns::Pronouns;
use sources::SourceWords;
use speaker::DescriptionWords;

/// Who a quote is attributed to, before references are resolved.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    /// A person's name written at the attribution, as a byte range of the body.
    Named(Range<usize>),
    /// Only an office or title ("kata Kapolres"): the person holding it in the article.
    Role(Range<usize>),
    /// "dia", "ia", "beliau", "-nya", "he": the person mentioned last before the quote,
    /// of the pronoun's gender where it has one ("she").
    Pronoun(Option<Gender>),
    /// A description pointing back ("kata politisi senior itu ini"): written as the
    /// range, referring to the person a pronoun would.
    Described(Range<usize>),
    /// Continues the quote before it (the second half of an interrupted quote, or a
    /// paragraph re-opening a running quote).
    Continue,
    /// A paragraph of a quote that the next part attributes.
    Next,
    Unknown,
}

/// A quote found by one of the extractors, in byte offsets.
#[derive(Debug, Clone)]
struct Found {
    text: Range<usize>,
    kind: QuoteKind,
    cue: Option<String>,
    who: Who,
}

/// The quote stage's rules: patterns, name rules and word lists, built once.
pub struct QuoteRules {
    names: Names,
    patterns: Patterns,
    pronouns: Pronouns,
    /// English verbs of saying, which let a quote continue after a comma.
    en_cues: Vec<&'static str>,
    /// The words between a source and its verb of saying.
    source_words: SourceWords,
    /// The words that shape a lowercase description after a cue.
    description: DescriptionWords,
    /// First names and titles that tell "he" from "she".
    genders: Genders,
}

impl std::fmt::Debug for QuoteRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("QuoteRules")
    }
}

impl Default for QuoteRules {
    fn default() -> Self {
        Self::new()
    }
}

impl QuoteRules {
    /// The quote rules with the shipped lexicon.
    pub fn new() -> QuoteRules {
        QuoteRules::with_lexicon(&Lexicon::embedded())
    }

    /// The quote rules for the speech verbs, pronouns, names and function words of
    /// `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> QuoteRules {
        let names = Names::with_lexicon(lexicon);
        let pronouns = Pronouns::with_lexicon(lexicon);
        QuoteRules {
            patterns: Patterns::new(lexicon, &pronouns, names.run_pattern()),
            en_cues: lexicon.speech_verbs_english.clone(),
            source_words: SourceWords::with_lexicon(lexicon),
            description: DescriptionWords::with_lexicon(lexicon, &pronouns),
            genders: Genders::with_lexicon(lexicon),
            names,
            pronouns,
        }
    }

    /// A pronoun subject captured as `p` by a pattern ("he", "dia"), with its gender
    /// where it has one; `Who::Pronoun(None)` when the pattern matched none.
    fn pronoun(&self, c: &regex::Captures) -> Who {
        Who::Pronoun(c.name("p").and_then(|p| self.pronouns.gender(p.as_str())))
    }

    /// The speaker in a capitalized run: a person, an office only, or nobody.
    fn who_in_run(&self, body: &str, run: Range<usize>) -> Who {
        match self.names.person_or_title(body, run) {
            Some((r, true)) => Who::Named(r),
            Some((r, false)) => Who::Role(r),
            None => Who::Unknown,
        }
    }

    /// All direct and indirect quotes of a body, in text order, references resolved.
    /// Without entities, canonical names come from the longest earlier mention.
    pub fn extract(&self, body: &str, segments: &Segments, map: &CharMap) -> Vec<Quote> {
        self.extract_with_entities(body, segments, map, &[])
    }

    /// Like [`QuoteRules::extract`], linking speakers to the entity stage's entities
    /// (`speaker.entity` = the entity's canonical name) and resolving pronouns to its
    /// PERSON mentions.
    pub fn extract_with_entities(
        &self,
        body: &str,
        segments: &Segments,
        map: &CharMap,
        entities: &[Entity],
    ) -> Vec<Quote> {
        let mut found = direct::find(self, body, segments);
        let direct_spans: Vec<Range<usize>> = found.iter().map(|f| f.text.clone()).collect();
        found.extend(indirect::find(self, body, segments, &direct_spans));
        found.sort_by_key(|f| f.text.start);

        hand_back_next(&mut found);
        let people = People::new(self, body, map, entities, &segments.sentences);
        resolve(&people, found, body, map)
    }

    /// The quotes of a record: [`QuoteRules::extract_with_entities`], each speaker then
    /// linked to one of `entities` ([`link_speakers`]), so that `speaker.entity` always
    /// names an entity of the same record.
    pub fn extract_linked(
        &self,
        body: &str,
        segments: &Segments,
        map: &CharMap,
        entities: &[Entity],
    ) -> Vec<Quote> {
        let mut quotes = self.extract_with_entities(body, segments, map, entities);
        link_speakers(&mut quotes, entities);
        organizations_speaking(&mut quotes, entities);
        quotes
    }
}

/// "kata Bank Sentral Swiss": a speaker's name is the end of a capitalized run after its
/// last office word, which cuts an organization that speaks ("Bank" is such a word) to
/// "Sentral Swiss". When the speaker links to no entity of the record ([`link_speakers`]
/// ran first) and an ORGANIZATION mention of the entity stage ends where the speaker
/// does and starts before it, that organization is the speaker.
pub fn organizations_speaking(quotes: &mut [Quote], entities: &[Entity]) {
    for speaker in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        if speaker.entity.is_some() {
            continue;
        }
        let covering = entities
            .iter()
            .filter(|e| e.kind == EntityType::Organization)
            .find_map(|e| {
                e.mentions
                    .iter()
                    .find(|m| m.end == speaker.end && m.start < speaker.start)
                    .map(|m| (e, m))
            });
        if let Some((org, m)) = covering {
            speaker.name = m.text.clone();
            speaker.start = m.start;
            speaker.entity = Some(org.name.clone());
        }
    }
}

/// Points each speaker's `entity` at the entity of the record it names, or at nothing.
/// Speaker resolution may settle on a name the entity stage did not tag (an office with
/// no holder, "Hakim"; a word the tagger left out) or on a fuller spelling than the
/// entity's: such a speaker keeps its written `name`, but an `entity` that no entity
/// carries would send an analyst's join to nothing.
pub fn link_speakers(quotes: &mut [Quote], entities: &[Entity]) {
    for speaker in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        speaker.entity = speaker
            .entity
            .as_deref()
            .and_then(|e| entity_for(entities, e).or_else(|| person_within(entities, e)))
            .map(str::to_string);
    }
}

/// A paragraph left open that the next one re-opens (`Who::Next`) takes the speaker of
/// the part after it, where a quote over several paragraphs is attributed. Resolved back
/// to front, so every paragraph of such a quote takes its last part's attribution; one
/// that a `Next` follows and nothing resolves has no speaker.
fn hand_back_next(found: &mut [Found]) {
    for i in (0..found.len().saturating_sub(1)).rev() {
        if found[i].who == Who::Next {
            found[i].who = match &found[i + 1].who {
                Who::Next => Who::Unknown,
                w => w.clone(),
            };
        }
    }
}

/// The quotes in text order with their speakers: a name or office through `people`; a
/// pronoun, and a description pointing back, to the antecedent before the quote (the later
/// of the last source and the last speaker named); a continuation to the speaker of the
/// direct quote before it.
fn resolve(people: &People, found: Vec<Found>, body: &str, map: &CharMap) -> Vec<Quote> {
    // The speakers named so far, where each was written, in text order.
    let mut named: Vec<(Range<usize>, Speaker)> = Vec::new();
    let mut previous: Option<Speaker> = None;
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let speaker = match &f.who {
            Who::Named(r) => Some(people.named(r.clone())),
            Who::Role(r) => Some(people.role(r.clone())),
            Who::Pronoun(gender) => people.antecedent(f.text.start, &named, *gender),
            Who::Described(r) => {
                let back = people.antecedent(f.text.start, &named, None);
                Some(Speaker {
                    entity: back.and_then(|s| s.entity),
                    ..people.speaker(r.clone(), None)
                })
            }
            Who::Continue | Who::Next => previous.clone(),
            Who::Unknown => None,
        };
        if let (Who::Named(r) | Who::Role(r), Some(s)) = (&f.who, &speaker) {
            named.push((r.clone(), s.clone()));
        }
        if f.kind == QuoteKind::Direct {
            previous = speaker.clone();
        }
        out.push(Quote {
            text: body[f.text.clone()].to_string(),
            start: map.chars(f.text.start),
            end: map.chars(f.text.end),
            kind: f.kind,
            cue: f.cue,
            speaker,
        });
    }
    out
}

/// The largest char boundary of `s` at or before byte `i`: a window of bytes cut where a
/// character starts.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
