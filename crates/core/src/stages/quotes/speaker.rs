//! The speaker named after a post-quote cue. Attributions give the office before the
//! name, and long offices run over connectors: `kata Menteri Kelautan dan Perikanan Arif
//! Wibowo`, `kata Ketua Umum Ikatan Pedagang Pasar (IPP) Sri Lestari`, `kata Manajer Humas
//! PT KAI Daop 3 Cirebon Dedi Kurnia`, or set the name off with commas after the office and
//! its places (`kata Camat Cibinong, Kabupaten Bogor, Rudi Hartono`). A lowercase
//! description names the person after a comma (`kata juru bicara dinas kesehatan, Hana
//! Pertiwi`), is an office only (`kata juru bicara dinas`), or points back (`kata politisi
//! partai itu`).

use std::ops::Range;

use super::pronouns::Pronouns;
use super::{floor_boundary, QuoteRules, Who};
use crate::lexicon::{used_by, AttributionUse, Lexicon, TitleUse};

/// The words that shape a lowercase description after a cue.
pub(super) struct DescriptionWords {
    /// Words that start no description of the speaker: the subject pronouns (handled
    /// elsewhere) and the words of the circumstances.
    not_start: Vec<&'static str>,
    /// Words after which a description ends: the circumstances of the statement.
    end: Vec<&'static str>,
    /// ` ini`, ` tersebut`: a description ending with one points back.
    points_back: Vec<String>,
    /// `dr. `, `dr `: a lowercase medical title before a name.
    medical: Vec<String>,
}

impl DescriptionWords {
    pub(super) fn with_lexicon(lexicon: &Lexicon, pronouns: &Pronouns) -> DescriptionWords {
        let words = |rule| used_by(&lexicon.attribution_words, rule);
        let mut not_start = pronouns.speaking_subjects();
        not_start.extend(words(AttributionUse::NotDescription));
        DescriptionWords {
            not_start,
            end: words(AttributionUse::DescriptionEnd),
            points_back: words(AttributionUse::PointsBack)
                .iter()
                .map(|w| format!(" {w}"))
                .collect(),
            medical: used_by(&lexicon.name_titles, TitleUse::Medical)
                .iter()
                .flat_map(|t| [format!("{t}. "), format!("{t} ")])
                .collect(),
        }
    }
}

/// How many capitalized runs an office may chain over.
const MAX_RUNS: usize = 8;

/// The speaker after a cue ending at byte `at`: a pronoun, a name, an office, a
/// description pointing back, or nothing.
pub(super) fn after_cue(rules: &QuoteRules, body: &str, at: usize, cue: &str) -> Who {
    if cue.to_lowercase().ends_with("nya") {
        return Who::Pronoun(None);
    }
    let rest = &body[at..];
    if let Some(p) = rules.patterns.pronoun_after.captures(rest) {
        return rules.pronoun(&p);
    }
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if spaces == 0 && !rest.starts_with(char::is_uppercase) {
        return Who::Unknown;
    }
    let start = at + spaces;
    if spaces > 0 && rest[spaces..].starts_with(char::is_lowercase) {
        return described(rules, body, start);
    }
    match rules.names.run_at(body, start) {
        Some(m) => office_chain(rules, body, m),
        None => Who::Unknown,
    }
}

/// True when a run's speaker is an office, alone or before a name.
fn office_like(who: &Who, run: &Range<usize>) -> bool {
    match who {
        Who::Role(_) => true,
        Who::Named(r) => r.start > run.start,
        _ => false,
    }
}

/// A run after a comma that starts with a kind of place ("Kabupaten Tangerang") is a
/// place, not a person.
fn place_led(rules: &QuoteRules, body: &str, run: &Range<usize>) -> bool {
    let first = body[run.clone()].split(' ').next().unwrap_or("");
    rules.names.is_place_kind(first)
}

/// True when the name found in `run` is only the place's own name after its kind
/// ("Kabupaten Tangerang"); a person after the place and a rank ("Polres Bogor Iptu
/// Suyanto Wibowo") is a person.
fn place_only(rules: &QuoteRules, body: &str, run: &Range<usize>, name: &Range<usize>) -> bool {
    place_led(rules, body, run) && !body[run.start..name.start].trim_end().contains(' ')
}

/// The speaker of a capitalized attribution starting with `first`: when it opens with
/// an office, the runs chained to it over connectors are part of the office, and the
/// last one holding a name holds the speaker's.
fn office_chain(rules: &QuoteRules, body: &str, first: Range<usize>) -> Who {
    let who = rules.who_in_run(body, first.clone());
    if !office_like(&who, &first) {
        return who;
    }
    let mut best = who;
    let mut end = first.end;
    for _ in 0..MAX_RUNS {
        let window = &body[end..floor_boundary(body, end + 120)];
        let Some(c) = rules.patterns.connector.find(window) else {
            break;
        };
        let next = end + c.end();
        let Some(m) = rules.names.run_at(body, next) else {
            break;
        };
        end = m.end;
        if let Who::Named(r) = rules.who_in_run(body, m.clone()) {
            if !place_only(rules, body, &m, &r) {
                best = Who::Named(r);
            }
        }
    }
    best
}

/// "said the Rev. Peter Wherry": an article before a dotted title and a name. The title's
/// period would otherwise end the description at "the Rev". Returns the capitalized run
/// after the article when it opens with such a title.
fn titled_after_article(rules: &QuoteRules, body: &str, start: usize) -> Option<Range<usize>> {
    let rest = body[start..].strip_prefix("the ")?;
    let m = rules.names.run_at(body, body.len() - rest.len())?;
    let first = body[m.clone()].split(' ').next()?;
    // A title, not initials: "the U.S. Senate" is a body.
    let titled = first.len() > 3 && first.ends_with('.') && first.matches('.').count() == 1;
    (titled && first != body[m.clone()].trim_end()).then_some(m)
}

/// A lowercase description after a cue starting at `start`.
fn described(rules: &QuoteRules, body: &str, start: usize) -> Who {
    let window = &body[start..floor_boundary(body, start + 200)];
    // "ucap dr. Maya Lestari": a medical title is written lowercase, and its full stop
    // would otherwise end the "description" at "dr".
    let words = &rules.description;
    if let Some(rest) = words
        .medical
        .iter()
        .find_map(|t| window.strip_prefix(t.as_str()))
    {
        if let Some(m) = rules
            .names
            .run_at(body, start + (window.len() - rest.len()))
        {
            return office_chain(rules, body, m);
        }
    }
    if let Some(m) = titled_after_article(rules, body, start) {
        return office_chain(rules, body, m);
    }
    let first = window
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    if words.not_start.contains(&first) {
        return Who::Unknown;
    }
    // The description runs to the end of the sentence.
    let end = window
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '!' | '?' | '\n' | '"' | '“' | '”' | ';')
                || (c == '.' && !window[i + 1..].starts_with(|d: char| d.is_alphanumeric()))
        })
        .map_or(window.len(), |(i, _)| i);
    let phrase = &window[..end];
    // "kata juru bicara dinas kesehatan, Hana Pertiwi": the name after a comma.
    let mut pos = 0;
    while let Some(k) = phrase[pos..].find(", ") {
        let at = start + pos + k + 2;
        if let Some(m) = rules.names.run_at(body, at) {
            if let Who::Named(r) = rules.who_in_run(body, m.clone()) {
                if r.start == m.start && !place_led(rules, body, &m) {
                    return Who::Named(r);
                }
            }
        }
        pos += k + 2;
    }
    // The office alone, up to a comma or the circumstances.
    let mut len = phrase.find(',').unwrap_or(phrase.len());
    let mut offset = 0;
    for w in phrase[..len].split(' ') {
        if offset > 0 && words.end.contains(&w) {
            len = offset - 1;
            break;
        }
        offset += w.len() + 1;
    }
    let text = phrase[..len].trim_end();
    // "kata politisi senior partai itu ini" points back to a person named before.
    for tail in &words.points_back {
        if let Some(head) = text.strip_suffix(tail.as_str()) {
            return Who::Described(start..start + head.trim_end().len());
        }
    }
    if text.split(' ').count() > 12 || text.is_empty() {
        return Who::Unknown;
    }
    Who::Role(start..start + text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speaker after the cue `cue` that ends at the first `cue` in `body`, as text.
    fn after(body: &str, cue: &str) -> (&'static str, Option<String>) {
        let rules = QuoteRules::new();
        let at = body.find(cue).unwrap() + cue.len();
        match after_cue(&rules, body, at, cue) {
            Who::Named(r) => ("named", Some(body[r].to_string())),
            Who::Role(r) => ("role", Some(body[r].to_string())),
            Who::Described(r) => ("described", Some(body[r].to_string())),
            Who::Pronoun(_) => ("pronoun", None),
            Who::Unknown => ("unknown", None),
            w => panic!("{w:?}"),
        }
    }

    fn named(s: &str) -> (&'static str, Option<String>) {
        ("named", Some(s.to_string()))
    }

    #[test]
    fn a_nya_cue_or_a_pronoun_after_the_cue_refers_back() {
        assert_eq!(after("“Siap,” ujarnya.", "ujarnya"), ("pronoun", None));
        assert_eq!(after("“Siap,” kata beliau.", "kata"), ("pronoun", None));
    }

    #[test]
    fn a_glued_lowercase_word_is_no_speaker() {
        assert_eq!(after("“Siap,” katakan saja.", "kata"), ("unknown", None));
    }

    #[test]
    fn an_office_chains_over_connectors_to_the_name_at_its_end() {
        for (body, who) in [
            (
                "“Siap,” kata Menteri Kelautan dan Perikanan Arif Wibowo.",
                "Arif Wibowo",
            ),
            (
                "“Siap,” kata Ketua Umum Ikatan Pedagang Pasar (IPP) Sri Lestari.",
                "Sri Lestari",
            ),
            (
                "“Siap,” kata Camat Cibinong, Kabupaten Bogor, Rudi Hartono.",
                "Rudi Hartono",
            ),
            ("“Siap,” kata Rudi Hartono, Jakarta.", "Rudi Hartono"),
            // An acronym in parentheses set off by a comma before the name.
            (
                "“Siap,” kata Kepala Balai Taman Nasional Gunung Rinjani (BTNGR), Dedy Santoso, Senin.",
                "Dedy Santoso",
            ),
            // A two-word short form in parentheses, then the unit, the rank and the name.
            (
                "“Siap,” kata Kepala Seksi Hubungan Masyarakat (Kasi Humas) Polres Bogor Iptu Suyanto Wibowo.",
                "Suyanto Wibowo",
            ),
        ] {
            assert_eq!(after(body, "kata"), named(who), "{body}");
        }
        assert_eq!(
            after("“Siap,” kata Kapolres.", "kata"),
            ("role", Some("Kapolres".into()))
        );
    }

    #[test]
    fn a_place_after_a_comma_is_no_speaker() {
        let rules = QuoteRules::new();
        let body = "Kabupaten Tangerang";
        assert!(place_led(&rules, body, &(0..body.len())));
        assert!(!place_led(&rules, "Rudi Hartono", &(0..12)));
    }

    #[test]
    fn a_lowercase_description_names_holds_or_points_back() {
        assert_eq!(
            after(
                "“Siap,” kata juru bicara dinas kesehatan, Hana Pertiwi.",
                "kata"
            ),
            named("Hana Pertiwi")
        );
        assert_eq!(
            after(
                "“Siap,” kata juru bicara rumah sakit saat dihubungi.",
                "kata"
            ),
            ("role", Some("juru bicara rumah sakit".into()))
        );
        assert_eq!(
            after("“Siap,” kata politisi partai itu ini.", "kata"),
            ("described", Some("politisi partai itu".into()))
        );
        assert_eq!(
            after("“Siap,” ucap dr. Maya Lestari.", "ucap"),
            named("Maya Lestari")
        );
        assert_eq!(
            after("“Siap,” ucap drg Maya Lestari.", "ucap"),
            named("Maya Lestari")
        );
    }

    #[test]
    fn circumstances_and_subject_pronouns_start_no_description() {
        for body in [
            "“Siap,” kata juga Budi.",
            "“Siap,” kata saya.",
            "“Siap,” kata kepada wartawan.",
        ] {
            assert_eq!(after(body, "kata"), ("unknown", None), "{body}");
        }
    }
}
