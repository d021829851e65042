//! From tags to mentions, applying what the tagger should not have to learn from 3,500
//! sentences. [`Rules::mentions`] takes each tagged span through one small rule at a
//! time, in this order:
//!
//! 1. [`Rules::strip_titles`]: a title is never part of a PERSON span but becomes a role
//!    ("Presiden Joko Widodo" → "Joko Widodo", role "Presiden");
//! 2. [`title_before`]: a title written before the name, also across an affiliation
//!    ("Presiden China Xi Jinping");
//! 3. [`trim_punctuation`] at both ends;
//! 4. [`Rules::cut_at_lowercase`]: names are capitalized, and no amount ends one;
//! 5. [`is_written_as_name`] and [`Rules::names_nothing`] drop what cannot be a name;
//!    so does [`Rules::headline_words`] for common words in a headline;
//!    [`Rules::listed_organization`]: a listed organization, also after team words
//!    ("Tim Utama Persebaya Surabaya"), is that organization, whatever the tagger said;
//! 6. [`country_after`]: a ministry followed by its country is one organization
//!    ("Kementerian Luar Negeri China");
//! 7. [`listed_place_pair`]: two listed places joined by "dan" are two places;
//! 8. [`Rules::person_after_place`]: a person the tagger ran into a place before it;
//! 9. [`acronym_alias`]: an acronym in parentheses after a name is its alias
//!    ("Mahkamah Konstitusi (MK)"), after a person only when it is the person's initials.
//!
//! Then, over the whole sentence, [`Rules::nickname_aliases`]: the name after "alias",
//! "akrab disapa" or "nama panggung" is another name of the last person before it; and
//! [`Glue::tail`]: a mention whose last word has the next word glued on by the scraper
//! ("Gustiwiwsebelum") ends where the name does.

use super::gazetteer::{Hit, Kind};
use super::model::spans;
use super::tokens::Token;
use super::Found;
use crate::lexicon::{used_by, Lexicon, ParticleUse};
use crate::output::EntityType;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::ops::Range;

fn entity_type(kind: u8) -> EntityType {
    match kind {
        1 => EntityType::Person,
        2 => EntityType::Organization,
        _ => EntityType::Location,
    }
}

fn starts_lowercase(w: &str) -> bool {
    w.starts_with(char::is_lowercase)
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

/// Where a glued word may start: the prefixes of Indonesian derived words ("me-",
/// "ber-", "se-", "di-", "ter-", "ke-", "pe-"), which is what follows a name in most
/// glued tokens ("Gustiwiwsebelum", "Alexander-Arnoldberbagi"). Plain "te-" is left
/// out: village names end in "tengah" ("Karangtengah").
const GLUE_TAIL_STARTS: [&str; 7] = ["me", "ber", "se", "di", "ter", "ke", "pe"];
/// The shortest glued word taken off a name, and the shortest name left, in characters:
/// shorter tails ("yang") and heads ("Ber-kemajuan") are too often one real word.
const MIN_GLUE_TAIL: usize = 6;
const MIN_GLUE_HEAD: usize = 4;
/// How often the POS corpus must have a word for it to count as glued on: what follows
/// a name in news is a frequent verb or connective, while the rare words a place or
/// person name ends in ("Karangsembung") are not.
const MIN_GLUE_TAIL_COUNT: u32 = 20;

/// Words a scraper glued to a name: the common words a name can end in by accident, and
/// every listed word, which is never split.
pub struct Glue {
    listed: HashSet<&'static str>,
    tails: HashSet<&'static str>,
}

impl Glue {
    fn with_lexicon(lexicon: &Lexicon) -> Glue {
        Glue {
            listed: lexicon.listed_words.iter().copied().collect(),
            tails: lexicon
                .common_words
                .iter()
                .filter(|&&(_, count)| count >= MIN_GLUE_TAIL_COUNT)
                .map(|&(w, _)| w)
                .filter(|w| {
                    w.chars().count() >= MIN_GLUE_TAIL
                        && w.chars().all(char::is_lowercase)
                        && GLUE_TAIL_STARTS.iter().any(|p| w.starts_with(p))
                })
                .collect(),
        }
    }

    /// The length in bytes of the common word glued to the end of `word`, if any: the
    /// longest one after a different lowercase letter that leaves a name of at least
    /// [`MIN_GLUE_HEAD`] characters, in a word (after its last hyphen) that is no
    /// listed word itself.
    pub fn tail(&self, word: &str) -> Option<usize> {
        let part = word.rsplit('-').next().unwrap_or(word);
        if !part.starts_with(char::is_uppercase)
            || !part.chars().all(char::is_alphabetic)
            || self.listed.contains(part.to_lowercase().as_str())
        {
            return None;
        }
        let mut prev: Option<char> = None;
        for (k, (i, c)) in part.char_indices().enumerate() {
            let tail = &part[i..];
            // "Mbappe" + "yang" is no "Mbap" + "peyang": a name does not end in the
            // letter the glued word starts with, so a doubled letter is one word's.
            let boundary = prev.is_some_and(|p| p.is_lowercase() && p != c);
            if k >= MIN_GLUE_HEAD && boundary && self.tails.contains(tail) {
                return Some(tail.len());
            }
            prev = Some(c);
        }
        None
    }
}

/// How many tokens may stand between a person and the alias cue after it.
const MAX_ALIAS_GAP: usize = 8;

/// Whether `words` begin with `phrase`, ignoring case.
fn starts_with_words(words: &[&str], phrase: &[&str]) -> bool {
    words.len() >= phrase.len()
        && words
            .iter()
            .zip(phrase)
            .all(|(w, p)| w.eq_ignore_ascii_case(p))
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// A mention with the tokens it covers (`start..end`), which the next span's rules and
/// the skipping of spans already absorbed look at.
struct Placed {
    start: usize,
    end: usize,
    found: Found,
}

/// One tagged sentence with its gazetteer and title hits indexed by token. The indexes
/// are built once per sentence, keeping the first hit in list order where several
/// qualify: scanning every hit for every span made this quadratic on title-dense text.
struct Sentence<'a> {
    body: &'a str,
    toks: &'a [Token],
    words: &'a [&'a str],
    names: &'a [Hit],
    titles: &'a [Hit],
    /// The first title covering each token.
    title_cover: Vec<Option<usize>>,
    title_end: HashMap<usize, usize>,
    name_end: HashMap<usize, usize>,
    name_start: HashMap<usize, Vec<usize>>,
    /// Whether the sentence is a headline or a subheading ([`is_headline`]).
    headline: bool,
}

impl<'a> Sentence<'a> {
    fn new(
        body: &'a str,
        toks: &'a [Token],
        words: &'a [&'a str],
        names: &'a [Hit],
        titles: &'a [Hit],
    ) -> Sentence<'a> {
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
        Sentence {
            body,
            toks,
            words,
            names,
            titles,
            title_cover,
            title_end,
            name_end,
            name_start,
            headline: is_headline(words),
        }
    }

    fn title_at(&self, i: usize) -> Option<&'a Hit> {
        let j = self.title_cover.get(i).copied().flatten()?;
        Some(&self.titles[j])
    }

    fn title_ending(&self, end: usize) -> Option<&'a Hit> {
        self.title_end.get(&end).map(|&j| &self.titles[j])
    }

    fn name_ending(&self, end: usize) -> Option<&'a Hit> {
        self.name_end.get(&end).map(|&j| &self.names[j])
    }

    fn names_starting(&self, start: usize) -> impl Iterator<Item = &'a Hit> + '_ {
        let names = self.names;
        self.name_start
            .get(&start)
            .into_iter()
            .flatten()
            .map(move |&j| &names[j])
    }

    /// The listed place or country covering exactly tokens `start..end`.
    fn listed_place(&self, start: usize, end: usize) -> Option<&'a Hit> {
        self.names_starting(start)
            .find(|h| h.tokens.end == end && matches!(h.kind, Kind::Place | Kind::Country))
    }

    fn bytes(&self, start: usize, end: usize) -> Range<usize> {
        self.toks[start].bytes.start..self.toks[end - 1].bytes.end
    }

    fn text(&self, start: usize, end: usize) -> &'a str {
        &self.body[self.bytes(start, end)]
    }

    /// The mention of tokens `start..end`, tied to the gazetteer line it matches exactly.
    fn mention(&self, kind: EntityType, start: usize, end: usize, roles: Vec<String>) -> Placed {
        let entry = self
            .names_starting(start)
            .find(|h| h.tokens.end == end && h.kind.entity_type() == Some(kind))
            .map(|h| h.entry);
        Placed {
            start,
            end,
            found: Found {
                kind,
                bytes: self.bytes(start, end),
                entry,
                roles,
                expands: None,
            },
        }
    }

    /// A listed place hit as a LOCATION mention.
    fn place(&self, h: &Hit) -> Placed {
        let (start, end) = (h.tokens.start, h.tokens.end);
        Placed {
            start,
            end,
            found: Found {
                kind: EntityType::Location,
                bytes: self.bytes(start, end),
                entry: Some(h.entry),
                roles: Vec::new(),
                expands: None,
            },
        }
    }
}

/// The word lists the rules consult, from the [`Lexicon`].
pub struct Rules {
    name_links: Vec<&'static str>,
    /// Each alias cue as its words.
    alias_cues: Vec<Vec<&'static str>>,
    team_words: Vec<&'static str>,
    /// Common words ([`Lexicon::common_words`]), lowercase.
    common: HashSet<&'static str>,
    glue: Glue,
    currency_prefixes: Vec<&'static str>,
    name_forming_honorifics: Vec<&'static str>,
    not_names: Vec<&'static str>,
    generic_name_heads: Vec<&'static str>,
    place_continuations: Vec<&'static str>,
}

impl Rules {
    pub fn with_lexicon(lexicon: &Lexicon) -> Rules {
        Rules {
            name_links: used_by(&lexicon.name_particles, ParticleUse::Span),
            alias_cues: lexicon
                .alias_cues
                .iter()
                .map(|c| c.split_whitespace().collect())
                .collect(),
            team_words: lexicon.team_words.clone(),
            common: lexicon.common_words.iter().map(|&(w, _)| w).collect(),
            glue: Glue::with_lexicon(lexicon),
            currency_prefixes: lexicon.currency_prefixes.clone(),
            name_forming_honorifics: lexicon.name_forming_honorifics.clone(),
            not_names: lexicon.not_names.clone(),
            generic_name_heads: lexicon.generic_name_heads.clone(),
            place_continuations: lexicon.place_continuations.clone(),
        }
    }

    /// The mentions of one tokenized sentence, given the tagger's tags and the sentence's
    /// gazetteer and title hits, in order.
    pub fn mentions(
        &self,
        body: &str,
        toks: &[Token],
        words: &[&str],
        tags: &[u8],
        names: &[Hit],
        titles: &[Hit],
    ) -> Vec<Found> {
        let st = Sentence::new(body, toks, words, names, titles);
        let raw = spans(tags);
        let mut out: Vec<Placed> = Vec::new();
        let mut k = 0;
        while k < raw.len() {
            let (kind, s, e) = raw[k];
            k += 1;
            let mut ty = entity_type(kind);
            let (s, roles) = if ty == EntityType::Person {
                let (s, mut roles) = self.strip_titles(&st, s, e);
                if let Some(role) = title_before(&st, s, out.last()) {
                    if !roles.contains(&role) {
                        roles.insert(0, role);
                    }
                }
                (s, roles)
            } else {
                (s, Vec::new())
            };
            let (s, e) = trim_punctuation(words, s, e);
            let mut e = self.cut_at_lowercase(words, ty, s, e);
            if !is_written_as_name(words, ty, s, e)
                || self.names_nothing(&st, s, e)
                || self.headline_words(&st, ty, s, e)
            {
                continue;
            }
            let (s, roles) = match self.listed_organization(&st, s, e) {
                Some(start) => {
                    ty = EntityType::Organization;
                    (start, Vec::new())
                }
                None => (s, roles),
            };
            if ty == EntityType::Organization {
                if let Some(end) = country_after(&st, e) {
                    e = end;
                    // The country was also tagged on its own; it is part of this name now.
                    while k < raw.len() && raw[k].1 < e {
                        k += 1;
                    }
                }
            }
            if ty != EntityType::Person {
                if let Some(pair) = listed_place_pair(&st, s, e) {
                    out.extend(pair.map(|h| st.place(h)));
                    continue;
                }
            }
            if ty == EntityType::Location {
                if let Some(split) = self.person_after_place(&st, s, e) {
                    out.push(st.mention(ty, s, split, roles));
                    out.push(st.mention(EntityType::Person, split, e, Vec::new()));
                    continue;
                }
            }
            out.push(st.mention(ty, s, e, roles));
            if let Some(alias) = acronym_alias(&st, ty, s, e) {
                // The tagger's own span on the acronym, if any, is this alias now.
                while k < raw.len() && raw[k].1 <= e + 1 {
                    k += 1;
                }
                out.push(alias);
            }
        }
        self.nickname_aliases(&st, &mut out);
        for p in &mut out {
            if let Some(glued) = self.glue.tail(words[p.end - 1]) {
                p.found.bytes.end -= glued;
            }
        }
        out.into_iter().map(|p| p.found).collect()
    }

    /// "Gusti Irwan Wibowo, yang dikenal dengan nama panggung Gustiwiw": the capitalized
    /// words right after an alias cue ([`Lexicon::alias_cues`]) are an alias of the last
    /// PERSON mention before the cue, so they and every later mention of them join that
    /// person. A mention the tagger made of exactly those words becomes the alias, of
    /// whatever type it had; one that only overlaps them is left alone.
    fn nickname_aliases(&self, st: &Sentence, out: &mut Vec<Placed>) {
        let words = st.words;
        let mut i = 0;
        while i < words.len() {
            let Some(cue) = self
                .alias_cues
                .iter()
                .find(|c| starts_with_words(&words[i..], c))
            else {
                i += 1;
                continue;
            };
            let cue_start = i;
            // "akrab disapa Pak Bas": the title is how he is addressed, not the alias.
            let mut start = i + cue.len();
            while start < words.len() && st.title_at(start).is_some() {
                start += 1;
            }
            let end = start
                + words[start..]
                    .iter()
                    .take(3)
                    .take_while(|w| w.starts_with(char::is_uppercase))
                    .count();
            i = end.max(i + 1);
            // The person is the last mention before the cue, close to it, or the last
            // but a place between ("X, penyanyi asal Jepara yang dikenal …"); across an
            // organization the cue names something else ("Kereta Cepat (KCJB) alias …").
            let Some(person) = out
                .iter()
                .rev()
                .filter(|p| p.end <= cue_start)
                .find(|p| p.found.kind != EntityType::Location)
                .filter(|p| {
                    p.found.kind == EntityType::Person && cue_start - p.end <= MAX_ALIAS_GAP
                })
            else {
                continue;
            };
            if end == start {
                continue;
            }
            let alias = Found {
                kind: EntityType::Person,
                bytes: st.bytes(start, end),
                entry: None,
                roles: Vec::new(),
                expands: Some(person.found.bytes.clone()),
            };
            match out.iter().position(|p| p.end > start && p.start < end) {
                Some(k) if out[k].start == start && out[k].end == end => out[k].found = alias,
                Some(_) => {}
                None => {
                    let at = out.partition_point(|p| p.start < start);
                    out.insert(
                        at,
                        Placed {
                            start,
                            end,
                            found: alias,
                        },
                    );
                }
            }
        }
    }

    /// The titles at the start of a PERSON span `s..e` become its roles; returns the
    /// new start. A title is how a person is addressed, not part of the name, and the
    /// gold sets never include it. Except "Gus Dur", "Bung Karno": with a one-word
    /// nickname the honorific is how the person is named, and the nickname alone names
    /// nobody.
    fn strip_titles(&self, st: &Sentence, s: usize, e: usize) -> (usize, Vec<String>) {
        let mut s = s;
        let mut roles = Vec::new();
        while s < e {
            match st.title_at(s) {
                Some(h)
                    if h.tokens.end + 1 == e
                        && h.tokens.len() == 1
                        && self.name_forming_honorifics.contains(&st.words[s]) =>
                {
                    break
                }
                Some(h) => {
                    roles.push(
                        st.text(h.tokens.start.max(s), h.tokens.end.min(e))
                            .to_string(),
                    );
                    s = h.tokens.end;
                }
                None => break,
            }
        }
        (s, roles)
    }

    /// The end of a span cut at its words in lowercase: names are capitalized, so a
    /// PERSON span stops at its first lowercase word (except the links inside names,
    /// "bin", "van", "de"), and no span ends on a lowercase word or on an amount
    /// ("Pengadilan Negeri Sleman Rp2 miliar"), which the tagger often runs on into.
    fn cut_at_lowercase(&self, words: &[&str], ty: EntityType, s: usize, e: usize) -> usize {
        let mut e = e;
        if ty == EntityType::Person {
            if let Some(cut) = (s + 1..e)
                .find(|&i| starts_lowercase(words[i]) && !self.name_links.contains(&words[i]))
            {
                e = cut;
            }
        }
        while e > s + 1 && (starts_lowercase(words[e - 1]) || self.is_amount(words[e - 1])) {
            e -= 1;
        }
        e
    }

    /// "Rp1", "USD20", "SGD308": a currency and its amount written as one token.
    fn is_amount(&self, w: &str) -> bool {
        self.currency_prefixes
            .iter()
            .find_map(|p| w.strip_prefix(p))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// Whether tokens `s..e` are a word that names nothing alone (a head like "Gunung"
    /// or a compass point like "Tenggara": "Gunung tersebut", "ke arah Tenggara") or a
    /// feast or legal form ("Idul Fitri", "Persero"), which the tagger calls names when
    /// they are capitalized after "hari raya" or in parentheses.
    fn names_nothing(&self, st: &Sentence, s: usize, e: usize) -> bool {
        let lone = |list: &[&str]| e == s + 1 && list.contains(&st.words[s]);
        lone(&self.generic_name_heads)
            || lone(&self.place_continuations)
            || self.not_names.contains(&st.text(s, e))
    }

    /// "Akademi Promosi Tiga Pemain Muda ke Tim Senior": in a headline an
    /// ORGANIZATION or PERSON span that ends in a common word ([`Lexicon::common_words`])
    /// and is no listed name is headline words, not a name. Organization heads the POS
    /// corpus often tags as proper nouns ("Komisi", "Badan") are no common words there.
    fn headline_words(&self, st: &Sentence, ty: EntityType, s: usize, e: usize) -> bool {
        st.headline
            && ty != EntityType::Location
            && self
                .common
                .contains(st.words[e - 1].to_lowercase().as_str())
            && st.name_ending(e).is_none_or(|h| h.tokens.start < s)
    }

    /// Where the listed organization begins in span `s..e` when the span is one
    /// ("Laskar Kalinyamat", a club's nickname the tagger took for a person), or is one
    /// after team words ("Tim Utama Persebaya Surabaya"): clubs carry town names and
    /// nicknames like people's, and the list knows them better than the tagger does.
    fn listed_organization(&self, st: &Sentence, s: usize, e: usize) -> Option<usize> {
        let hit = st
            .name_ending(e)
            .filter(|h| h.kind == Kind::Organization && h.tokens.start >= s)?;
        let start = hit.tokens.start;
        st.words[s..start]
            .iter()
            .all(|w| self.team_words.iter().any(|t| t.eq_ignore_ascii_case(w)))
            .then_some(start)
    }

    /// Where the person begins in "Kabupaten Bekasi Siti Nurhaliza", a LOCATION span
    /// `s..e` the tagger ran on from a listed place (possibly after its administrative
    /// word) into the name after it: the words past the place, two or more, all
    /// capitalized and alphabetic, none a place word and none starting a listed name,
    /// are that person.
    fn person_after_place(&self, st: &Sentence, s: usize, e: usize) -> Option<usize> {
        let place_start = if self.place_continuations.contains(&st.words[s]) {
            s + 1
        } else {
            s
        };
        let place = st
            .names_starting(place_start)
            .find(|h| matches!(h.kind, Kind::Place | Kind::Country) && h.tokens.end + 2 <= e)?;
        let split = place.tokens.end;
        let person = st.words[split..e].iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && !self.place_continuations.contains(w)
        }) && st.names_starting(split).next().is_none();
        person.then_some(split)
    }
}

/// A title written right before the name at `s`, possibly across an affiliation
/// ("Presiden China Xi Jinping"): across a listed name ending at `s`, or else across the
/// mention before, when it ends at `s` and is not a person. The title says who the person
/// is even when the tagger left it outside the span.
fn title_before(st: &Sentence, s: usize, previous: Option<&Placed>) -> Option<String> {
    let mut before = s;
    if let Some(h) = st.name_ending(before) {
        before = h.tokens.start;
    } else if let Some(p) = previous.filter(|p| p.end == s && p.found.kind != EntityType::Person) {
        before = p.start;
    }
    let h = st.title_ending(before).or_else(|| st.title_ending(s))?;
    Some(st.text(h.tokens.start, h.tokens.end).to_string())
}

/// Span `s..e` without the punctuation tokens at its ends: quotes and commas the tagger
/// took in are no part of a name.
fn trim_punctuation(words: &[&str], s: usize, e: usize) -> (usize, usize) {
    let (mut s, mut e) = (s, e);
    let word = |w: &str| w.chars().any(char::is_alphanumeric);
    while e > s && !word(words[e - 1]) {
        e -= 1;
    }
    while s < e && !word(words[s]) {
        s += 1;
    }
    (s, e)
}

/// Whether a sentence is a headline or a subheading: most of its words (at least two in
/// three of three or more) begin with a capital, and it ends without a full stop, a
/// question or an exclamation mark. There a capital says nothing of a name. A title-case
/// sentence that ends like one is mostly names ("Partai Patriot, Partai Pelopor, ...").
fn is_headline(words: &[&str]) -> bool {
    if words.last().is_some_and(|w| w.ends_with(['.', '!', '?'])) {
        return false;
    }
    let (mut alphabetic, mut capitalized) = (0, 0);
    for w in words {
        if let Some(c) = w.chars().next().filter(|c| c.is_alphabetic()) {
            alphabetic += 1;
            capitalized += usize::from(c.is_uppercase());
        }
    }
    alphabetic >= 3 && capitalized * 3 >= alphabetic * 2
}

/// Whether tokens `s..e` can be written as a name at all: not empty, with a capital or a
/// digit somewhere, and for a PERSON a capital first word. What is left of a span after
/// the cuts above can be just "itu" or "pak".
fn is_written_as_name(words: &[&str], ty: EntityType, s: usize, e: usize) -> bool {
    let any_capital = words[s..e.max(s)]
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    s < e && any_capital && !(ty == EntityType::Person && starts_lowercase(words[s]))
}

/// The end of the country right after an ORGANIZATION ending at `e`: a ministry or body
/// followed by its country is one organization ("Kementerian Luar Negeri China"), as the
/// gold sets annotate it.
fn country_after(st: &Sentence, e: usize) -> Option<usize> {
    st.names_starting(e)
        .find(|h| h.kind == Kind::Country)
        .map(|h| h.tokens.end)
}

/// "poros Paris dan Berlin": two listed places joined by "dan" are two places, whatever
/// the tagger ran together. An organization's own "dan" ("Kementerian Energi dan Sumber
/// Daya Mineral") joins words that are not each a listed place, so it stays.
fn listed_place_pair<'a>(st: &Sentence<'a>, s: usize, e: usize) -> Option<[&'a Hit; 2]> {
    let d = (s + 1..e.saturating_sub(1)).find(|&d| st.words[d] == "dan")?;
    Some([st.listed_place(s, d)?, st.listed_place(d + 1, e)?])
}

/// "Mahkamah Konstitusi (MK)": an acronym in parentheses right after the name `s..e`
/// is that name's alias, a mention of the same entity, when the name has two words or
/// more. After a person it is the person's initials, as crime reports write a suspect
/// ("Rudi Hartono (RH)"), when its letters come in order from the name's.
fn acronym_alias(st: &Sentence, ty: EntityType, s: usize, e: usize) -> Option<Placed> {
    let words = st.words;
    let acronym_after =
        e + 2 < words.len() && words[e] == "(" && words[e + 2] == ")" && is_acronym(words[e + 1]);
    let alias = acronym_after
        && if ty == EntityType::Person {
            is_initials(words[e + 1], &words[s..e])
        } else {
            e - s >= 2
        };
    alias.then(|| Placed {
        start: e + 1,
        end: e + 2,
        found: Found {
            kind: ty,
            bytes: st.toks[e + 1].bytes.clone(),
            entry: None,
            roles: Vec::new(),
            expands: Some(st.bytes(s, e)),
        },
    })
}

#[cfg(test)]
mod tests;
