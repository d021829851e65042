//! Sources: the people an article introduces as speaking. A pronoun cue (`ujarnya`)
//! refers to the last of them before the quote, not to whoever was mentioned last: a
//! person talked about ("sejalan dengan arahan Gubernur X") is no source. A sentence's
//! source is the subject of its first verb of saying (`X, <office>, menambahkan …`, `X
//! dalam keterangannya mengatakan …`), or the person right after `Menurut`.

use std::ops::Range;

use regex::Regex;

use crate::lexicon::{used_by, AttributionUse, Lexicon, TitleUse};

/// A source: the person's byte range and, for an entity mention, its canonical name.
pub(super) type Source = (Range<usize>, Option<String>);

/// A person in a sentence who may be its source: the capitalized run it was written in
/// (the mention itself for an entity mention), the person's part of it, and the canonical
/// name of a mention.
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    run: Range<usize>,
    person: Range<usize>,
    name: Option<String>,
}

/// The words that may stand between a source and its verb.
pub(super) struct SourceWords {
    /// Adverbs and particles (`juga`, `sudah`, `tidak`).
    fillers: Vec<&'static str>,
    /// Words opening a phrase of time, place or occasion (`dalam`, `saat`).
    phrases: Vec<&'static str>,
    /// Lowercase titles before a name set off by commas (`dr.`, `bapak`).
    bare_titles: Vec<&'static str>,
}

impl SourceWords {
    pub(super) fn with_lexicon(lexicon: &Lexicon) -> SourceWords {
        SourceWords {
            fillers: used_by(&lexicon.attribution_words, AttributionUse::SourceFiller),
            phrases: used_by(&lexicon.attribution_words, AttributionUse::SourcePhrase),
            bare_titles: used_by(&lexicon.name_titles, TitleUse::Bare),
        }
    }

    /// True when every word of `gap` is a filler (`X juga sudah menegaskan`); so is an
    /// empty gap.
    fn only_fillers(&self, gap: &str) -> bool {
        gap.split_whitespace()
            .all(|w| self.fillers.contains(&w.to_lowercase().as_str()))
    }

    /// True when the candidate stands right after a comma, lowercase titles aside:
    /// "Pakar Universitas X, Budi Santoso, menilai" names its subject between commas, not
    /// in the body before them.
    fn after_comma(&self, body: &str, sentence_start: usize, c: &Candidate) -> bool {
        let head = &body[sentence_start..c.run.start.min(c.person.start)];
        let Some(comma) = head.rfind(',') else {
            return false;
        };
        head[comma + 1..]
            .split_whitespace()
            .all(|w| self.bare_titles.contains(&w))
    }

    /// The subject of the verb of saying at byte `verb` among the candidates before it:
    /// a name set off by commas whose verb follows its closing comma; else the first
    /// followed by its verb directly, fillers aside, or by an apposition or date
    /// (`X, <office>, menambahkan`); else the last followed by a short phrase of occasion
    /// (`X saat dihubungi menjelaskan`).
    fn verb_subject<'c>(
        &self,
        body: &str,
        sentence_start: usize,
        cands: &'c [Candidate],
        verb: usize,
    ) -> Option<&'c Candidate> {
        let before_verb = || cands.iter().take_while(|c| c.person.end <= verb);
        let gap = |c: &Candidate| without_age(body[c.person.end..verb].trim());
        before_verb()
            .filter(|c| {
                gap(c)
                    .strip_prefix(',')
                    .is_some_and(|g| self.only_fillers(g))
                    && self.after_comma(body, sentence_start, c)
            })
            .last()
            .or_else(|| {
                before_verb().find(|c| {
                    let g = gap(c);
                    g.len() <= 200 && (g.starts_with(',') || self.only_fillers(g))
                })
            })
            .or_else(|| {
                before_verb().last().filter(|c| {
                    let g = gap(c);
                    let first = g.split_whitespace().next().unwrap_or("");
                    g.len() <= 100 && self.phrases.contains(&first.to_lowercase().as_str())
                })
            })
    }
}

/// The candidates of the sentence `s`, by the start of the person: the person mentions
/// (with their canonical names) and, where no tagger named the people, the person part of
/// the capitalized runs given that carry an office or hold two words or more.
fn candidates(
    body: &str,
    mentions: &[(Range<usize>, String)],
    runs: &[(Range<usize>, Range<usize>)],
    s: &Range<usize>,
    out: &mut Vec<Candidate>,
) {
    out.clear();
    let from = mentions.partition_point(|(m, _)| m.start < s.start);
    let to = mentions.partition_point(|(m, _)| m.start < s.end);
    out.extend(mentions[from..to].iter().map(|(m, n)| Candidate {
        run: m.clone(),
        person: m.clone(),
        name: Some(n.clone()),
    }));
    let rf = runs.partition_point(|(r, _)| r.start < s.start);
    let rt = runs.partition_point(|(r, _)| r.start < s.end);
    for (run, p) in &runs[rf..rt] {
        let named = run.start < p.start || body[p.clone()].contains(' ');
        // Mentions are sorted and rarely nest: the last one starting before the name's
        // end is the one that can overlap it (no scan per run).
        let covered = mentions[from..to]
            .partition_point(|(m, _)| m.start < p.end)
            .checked_sub(1)
            .is_some_and(|k| p.start < mentions[from + k].0.end);
        if named && !covered && p.end <= s.end {
            out.push(Candidate {
                run: run.clone(),
                person: p.clone(),
                name: None,
            });
        }
    }
    out.sort_by_key(|c| c.person.start);
}

/// True when the candidate follows `Menurut` or `according to` (offices aside: `Menurut
/// Ketua KPU Budi, …`): it is the source of what the sentence says.
fn after_according(body: &str, sentence_start: usize, c: &Candidate) -> bool {
    let before = body[sentence_start..c.run.start.min(c.person.start)].trim_end();
    let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let according = before
        .to_lowercase()
        .strip_suffix("according to")
        .is_some_and(|b| b.is_empty() || b.ends_with([' ', ',']));
    last_word.eq_ignore_ascii_case("menurut") || according
}

/// Every sentence's sources, in text order, one per start.
pub(super) fn sources(
    words: &SourceWords,
    verb: &Regex,
    body: &str,
    mentions: &[(Range<usize>, String)],
    runs: &[(Range<usize>, Range<usize>)],
    sentences: &[Range<usize>],
) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let mut cands: Vec<Candidate> = Vec::new();
    let source = |c: &Candidate| (c.person.clone(), c.name.clone());
    for s in sentences {
        candidates(body, mentions, runs, s, &mut cands);
        if cands.is_empty() {
            continue;
        }
        out.extend(
            cands
                .iter()
                .filter(|c| after_according(body, s.start, c))
                .map(source),
        );
        let Some(v) = verb.find(&body[s.clone()]) else {
            continue;
        };
        out.extend(
            words
                .verb_subject(body, s.start, &cands, s.start + v.start())
                .map(source),
        );
    }
    out.sort_by_key(|(r, _)| r.start);
    out.dedup_by_key(|(r, _)| r.start);
    out
}

/// `g` without a leading age in parentheses: "Hasan (37), warga Menteng, mengatakan"
/// has its subject's apposition after the age.
fn without_age(g: &str) -> &str {
    g.strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .filter(|(inside, _)| {
            let inside = inside.trim();
            let digits = inside.trim_end_matches("tahun").trim_end();
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        })
        .map_or(g, |(_, rest)| rest.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> SourceWords {
        SourceWords::with_lexicon(&Lexicon::embedded())
    }

    /// A candidate for the first `person` in `body`, written in the run `run`.
    fn cand(body: &str, run: &str, person: &str) -> Candidate {
        let r = body.find(run).unwrap();
        let p = r + body[r..].find(person).unwrap();
        Candidate {
            run: r..r + run.len(),
            person: p..p + person.len(),
            name: None,
        }
    }

    #[test]
    fn fillers_are_the_only_words_allowed_next_to_the_verb() {
        let w = words();
        assert!(w.only_fillers("juga sudah"));
        assert!(w.only_fillers(""));
        assert!(!w.only_fillers("makan"));
    }

    #[test]
    fn a_name_after_a_comma_and_a_lowercase_title_stands_alone() {
        let w = words();
        let body = "Pakar Universitas Andalas, dr. Budi Santoso, menilai harga naik.";
        assert!(w.after_comma(body, 0, &cand(body, "Budi Santoso", "Budi Santoso")));
        assert!(!w.after_comma(body, 0, &cand(body, "Pakar Universitas", "Universitas")));
    }

    #[test]
    fn the_subject_set_off_by_commas_wins_over_the_body_before_it() {
        let w = words();
        let body = "Pakar Universitas Andalas, Budi Santoso, menilai harga naik.";
        let cands = [
            cand(body, "Pakar Universitas Andalas", "Andalas"),
            cand(body, "Budi Santoso", "Budi Santoso"),
        ];
        let verb = body.find("menilai").unwrap();
        assert_eq!(w.verb_subject(body, 0, &cands, verb), Some(&cands[1]));
    }

    #[test]
    fn the_subject_may_have_an_apposition_fillers_or_an_occasion_before_its_verb() {
        let w = words();
        for (body, verb) in [
            (
                "Hendra Wijaya, kepala dinas, menambahkan bahwa jalan ditutup.",
                "menambahkan",
            ),
            (
                "Hendra Wijaya juga sudah menegaskan bahwa jalan ditutup.",
                "menegaskan",
            ),
            (
                "Hendra Wijaya saat dihubungi menjelaskan bahwa jalan ditutup.",
                "menjelaskan",
            ),
        ] {
            let cands = [cand(body, "Hendra Wijaya", "Hendra Wijaya")];
            let at = body.find(verb).unwrap();
            assert_eq!(
                w.verb_subject(body, 0, &cands, at),
                Some(&cands[0]),
                "{body}"
            );
        }
        let body = "Hendra Wijaya makan siang lalu menegaskan bahwa jalan ditutup.";
        let cands = [cand(body, "Hendra Wijaya", "Hendra Wijaya")];
        let at = body.find("menegaskan").unwrap();
        assert_eq!(w.verb_subject(body, 0, &cands, at), None);
    }

    #[test]
    fn a_person_after_menurut_or_according_to_is_a_source() {
        let body = "Menurut Ketua KPU Budi, tahapan berjalan.";
        assert!(after_according(
            body,
            0,
            &cand(body, "Ketua KPU Budi", "Budi")
        ));
        let body = "The plan, according to Brook, failed.";
        assert!(after_according(body, 0, &cand(body, "Brook", "Brook")));
        let body = "Menteri Budi datang.";
        assert!(!after_according(
            body,
            0,
            &cand(body, "Menteri Budi", "Budi")
        ));
    }

    #[test]
    fn runs_count_when_they_carry_an_office_or_two_words_and_no_mention_covers_them() {
        let body = "Kepala Dinas Hendra bertemu Rudi Hartono dan Ani.";
        let run = |s: &str, p: &str| {
            let c = cand(body, s, p);
            (c.run, c.person)
        };
        let runs = [
            run("Kepala Dinas Hendra", "Hendra"),
            run("Rudi Hartono", "Rudi Hartono"),
            run("Ani", "Ani"),
        ];
        let mut out = Vec::new();
        candidates(body, &[], &runs, &(0..body.len()), &mut out);
        let people: Vec<&str> = out.iter().map(|c| &body[c.person.clone()]).collect();
        assert_eq!(people, vec!["Hendra", "Rudi Hartono"]);
        let rudi = runs[1].1.clone();
        candidates(
            body,
            &[(rudi, "Rudi Hartono".into())],
            &runs,
            &(0..body.len()),
            &mut out,
        );
        let named: Vec<Option<&str>> = out.iter().map(|c| c.name.as_deref()).collect();
        assert_eq!(named, vec![None, Some("Rudi Hartono")]);
    }

    #[test]
    fn an_age_in_parentheses_is_skipped() {
        assert_eq!(without_age("(37), warga Menteng,"), ", warga Menteng,");
        assert_eq!(without_age("(41 tahun) mengatakan"), "mengatakan");
        assert_eq!(without_age("(PDIP) mengatakan"), "(PDIP) mengatakan");
    }
}
