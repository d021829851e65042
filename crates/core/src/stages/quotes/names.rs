//! Speaker names. An attribution names a person inside a run of capitalized words that
//! often starts with an office ("Menteri Keuangan Sri Mulyani", "Presiden China Xi
//! Jinping"); the person is the tail of the run after the last office or place word.
//! The same rule, applied to every capitalized run in the article, gives the candidates
//! a short attribution ("kata Putin") resolves to ("Vladimir Putin").

use foldhash::{HashMap, HashMapExt, HashSet};
use std::ops::Range;

use regex::Regex;

use super::patterns::alternation;
use super::pronouns::Pronouns;
use crate::lexicon::{used_by, Lexicon, ParticleUse, TitleUse};

pub struct Names {
    /// Lowercase words of offices, bodies and places, and the subject pronouns.
    non_name: HashSet<&'static str>,
    /// Kinds of place: the capitalized word after one names the place.
    place_kinds: Vec<&'static str>,
    /// Particles inside a name ("bin", "van").
    particles: Vec<&'static str>,
    /// The source of [`Names::run_pattern`].
    run_source: String,
    run: Regex,
    run_at_start: Regex,
}

impl Default for Names {
    fn default() -> Self {
        Self::new()
    }
}

/// A capitalized token: a dotted title ("Dr.", "Prof.", "Rep."), initials written
/// together or alone ("G.K.", "H."), or a word. Any other word's period ends the
/// sentence, so it is not part of the token.
fn token_pattern(titles: &[&str]) -> String {
    format!(
        r"(?:(?:{})\.|(?:\p{{Lu}}\.)+|\p{{Lu}}[\p{{L}}\p{{M}}'’\-]*)",
        alternation(titles)
    )
}

/// A run of capitalized tokens, allowing the particles of Arabic and Dutch names between
/// two of them.
fn run_pattern(token: &str, particles: &[&str]) -> String {
    format!(
        r"{token}(?:\s(?:(?:{})\s)?{token})*",
        alternation(particles)
    )
}

impl Names {
    /// The name rules with the shipped lexicon.
    pub fn new() -> Names {
        Names::with_lexicon(&Lexicon::embedded())
    }

    /// The name rules, cutting runs after the non-name words, pronouns and kinds of place
    /// of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> Names {
        let pronouns = Pronouns::with_lexicon(lexicon);
        let token = token_pattern(&used_by(&lexicon.name_titles, TitleUse::Token));
        let particles = used_by(&lexicon.name_particles, ParticleUse::Run);
        let run = run_pattern(&token, &particles);
        Names {
            non_name: lexicon
                .non_name_words
                .iter()
                .copied()
                .chain(pronouns.person_subjects(None))
                .chain(pronouns.group_subjects(None))
                .collect(),
            place_kinds: lexicon.place_kinds.clone(),
            particles,
            run: Regex::new(&format!(r"\b{run}")).expect("name run"),
            run_at_start: Regex::new(&format!("^{run}")).expect("name run"),
            run_source: run,
        }
    }

    /// A capitalized run, for the attribution patterns that hold one.
    pub(super) fn run_pattern(&self) -> &str {
        &self.run_source
    }

    /// A word naming a kind of place ("Kabupaten", "kab.", "Polres"), in any case.
    pub(super) fn is_place_kind(&self, word: &str) -> bool {
        self.place_kinds.contains(&word.to_lowercase().as_str())
    }

    /// A word that belongs to an office, body or place rather than to a person.
    fn is_non_name(&self, token: &str) -> bool {
        let bare = token.trim_end_matches('.');
        // Initials written together ("G.K.") belong to a name; an acronym ("DPR", "KPK")
        // names a body.
        let acronym = !bare.contains('.') && {
            let mut letters = 0;
            bare.chars().filter(|c| c.is_alphabetic()).all(|c| {
                letters += 1;
                c.is_uppercase()
            }) && letters >= 2
        };
        let lower = bare.to_lowercase();
        // Indonesian nominalizations (Kementerian, Kejaksaan, Penyidikan, Perhubungan)
        // name offices and bodies, never people.
        let nominal = lower.chars().count() >= 8
            && lower.ends_with("an")
            && ["ke", "pe"].iter().any(|p| lower.starts_with(p));
        acronym
            || nominal
            || self.place_kinds.contains(&lower.as_str())
            // A token without dots lowercases to `lower` itself.
            || (token.len() != bare.len() && self.non_name.contains(token.to_lowercase().as_str()))
            || self.non_name.contains(lower.as_str())
    }

    /// The person's name inside a capitalized run of `text`, as a byte range of `text`.
    /// Titles before the name are dropped.
    pub fn person_in_run(&self, text: &str, run: Range<usize>) -> Option<Range<usize>> {
        self.person_or_title(text, run).map(|(r, _)| r)
    }

    /// Like [`Names::person_in_run`], and whether a personal name was found (`false` when
    /// the run holds only titles or bodies, e.g. "Kapolri", "Wamen ATR").
    pub fn person_or_title(&self, text: &str, run: Range<usize>) -> Option<(Range<usize>, bool)> {
        let mut tokens: Vec<Range<usize>> = Vec::new();
        let mut pos = run.start;
        for tok in text[run.clone()].split(' ') {
            let r = pos..pos + tok.len();
            pos = r.end + 1;
            if tok.is_empty() {
                continue;
            }
            tokens.push(r);
        }
        let particle = |t: &str| self.particles.contains(&t);
        let mut first = tokens.len();
        while first > 0 {
            let t = &text[tokens[first - 1].clone()];
            if self.is_non_name(t) && !particle(t) {
                break;
            }
            first -= 1;
        }
        // A particle cannot start a name.
        while first < tokens.len() && particle(&text[tokens[first].clone()]) {
            first += 1;
        }
        // A place-type word before the name is followed by the place's own name
        // ("Kabupaten Bekasi Siti Nurhaliza"): the person starts after it.
        if first > 0
            && first + 1 < tokens.len()
            && self.is_place_kind(&text[tokens[first - 1].clone()])
        {
            first += 1;
        }
        if first < tokens.len() {
            return Some((tokens[first].start..tokens.last()?.end, true));
        }
        // Only titles ("kata Kapolri"): the title is what the text gives.
        let last = tokens.last()?;
        let start = tokens.first()?.start;
        let end = if text[last.clone()].ends_with('.') {
            last.end - 1
        } else {
            last.end
        };
        (start < end).then_some((start..end, false))
    }

    /// The capitalized run starting exactly at byte `at`.
    pub fn run_at(&self, text: &str, at: usize) -> Option<Range<usize>> {
        let m = self.run_at_start.find(&text[at..])?;
        Some(at + m.start()..at + m.end())
    }

    /// The person named by a capitalized run starting exactly at byte `at`.
    pub fn person_at(&self, text: &str, at: usize) -> Option<Range<usize>> {
        let m = self.run_at_start.find(&text[at..])?;
        self.person_in_run(text, at + m.start()..at + m.end())
    }

    /// Every capitalized run holding a person, with the person's part of it, in order.
    pub fn runs(&self, text: &str) -> Vec<(Range<usize>, Range<usize>)> {
        self.run
            .find_iter(text)
            .filter_map(|m| {
                let (p, person) = self.person_or_title(text, m.range())?;
                person.then_some((m.range(), p))
            })
            .collect()
    }

    /// Every person-name candidate in the text, in order, as byte ranges. Runs of titles
    /// only are no candidates: "Kementerian ATR" is not what "Wamen ATR" refers to.
    pub fn candidates(&self, text: &str) -> Vec<Range<usize>> {
        self.run
            .find_iter(text)
            .filter_map(|m| self.person_or_title(text, m.range()))
            .filter_map(|(r, person)| person.then_some(r))
            .collect()
    }
}

/// Canonical names for speakers: for each, the longest candidate starting no later than
/// the speaker that contains the speaker's last token, else the speaker's own name.
/// One sweep over candidates and speakers in text order, so it stays linear.
pub fn resolve_entities(
    text: &str,
    candidates: &[Range<usize>],
    speakers: &[Range<usize>],
) -> HashMap<(usize, usize), String> {
    let mut order: Vec<&Range<usize>> = speakers.iter().collect();
    order.sort_by_key(|r| r.start);
    let mut longest: HashMap<&str, &str> = HashMap::new();
    let mut next = 0;
    let mut out = HashMap::new();
    for speaker in order {
        while next < candidates.len() && candidates[next].start <= speaker.start {
            let cand = &text[candidates[next].clone()];
            for token in cand.split(' ') {
                let best = longest.entry(token).or_insert(cand);
                if cand.chars().count() > best.chars().count() {
                    *best = cand;
                }
            }
            next += 1;
        }
        let name = &text[speaker.clone()];
        let last = name.split(' ').next_back().unwrap_or(name);
        let entity = match longest.get(last) {
            Some(c) if c.chars().count() > name.chars().count() => c,
            _ => name,
        };
        out.insert((speaker.start, speaker.end), entity.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str) -> Option<&str> {
        let names = Names::new();
        names.person_at(text, 0).map(|r| &text[r])
    }

    #[test]
    fn strips_offices_and_places() {
        assert_eq!(
            person("Presiden China Xi Jinping dalam"),
            Some("Xi Jinping")
        );
        assert_eq!(
            person("Menteri Keuangan Sri Mulyani Indrawati."),
            Some("Sri Mulyani Indrawati")
        );
        assert_eq!(
            person("Kepala BPS Amalia Adininggar, kemarin"),
            Some("Amalia Adininggar")
        );
        assert_eq!(person("Putin. Ia pergi"), Some("Putin"));
        assert_eq!(
            person("Prof. Dr. H. Ahmad bin Yusuf"),
            Some("Ahmad bin Yusuf")
        );
        assert_eq!(person("Kapolri."), Some("Kapolri"));
        assert_eq!(
            person("Penyidikan Jampidsus Kejagung Abdul Qohar"),
            Some("Abdul Qohar")
        );
        assert_eq!(
            person("Kepala Kejaksaan Tinggi Budi Setiawan"),
            Some("Budi Setiawan")
        );
        assert_eq!(person("dia"), None);
    }

    #[test]
    fn resolves_short_names_to_earlier_full_names() {
        let text = "Presiden Rusia Vladimir Putin bertemu Xi. Kata Putin semuanya baik.";
        let names = Names::new();
        let cands = names.candidates(text);
        let at = text.rfind("Putin").unwrap();
        let xi = text.find("Xi").unwrap();
        let got = resolve_entities(text, &cands, &[at..at + 5, xi..xi + 2]);
        assert_eq!(got[&(at, at + 5)], "Vladimir Putin");
        assert_eq!(got[&(xi, xi + 2)], "Xi");
    }

    #[test]
    fn a_run_holds_dotted_titles_and_name_particles() {
        let names = Names::new();
        let run = |text: &'static str| names.run_at(text, 0).map(|r| &text[r]);
        assert_eq!(
            run("Prof. Dr. H. Ahmad bin Yusuf berkata"),
            Some("Prof. Dr. H. Ahmad bin Yusuf")
        );
        // A word's period ends the sentence: the run stops before it.
        assert_eq!(run("Yusuf. Ia pergi"), Some("Yusuf"));
        // English titles and initials written together stay in the run.
        assert_eq!(run("Sen. Warren said"), Some("Sen. Warren"));
        assert_eq!(
            run("Rep. G.K. Butterfield (D-N.C.)"),
            Some("Rep. G.K. Butterfield")
        );
        assert_eq!(
            names.person_in_run("Rep. G.K. Butterfield", 0..21),
            Some(5..21)
        );
        assert_eq!(run("bin Yusuf"), None);
    }

    #[test]
    fn subject_pronouns_and_kinds_of_place_are_no_part_of_a_name() {
        let names = Names::new();
        let text = "Dia Rudi";
        assert_eq!(names.person_at(text, 0).map(|r| &text[r]), Some("Rudi"));
        assert_eq!(names.person_or_title("Mereka", 0..6), Some((0..6, false)));
        assert!(names.is_place_kind("Kabupaten"));
        assert!(names.is_place_kind("kab."));
        assert!(!names.is_place_kind("Rudi"));
        // The place's own name follows its kind: the person starts after it.
        let text = "Kabupaten Bekasi Siti Nurhaliza";
        assert_eq!(
            names.person_at(text, 0).map(|r| &text[r]),
            Some("Siti Nurhaliza")
        );
    }
}
