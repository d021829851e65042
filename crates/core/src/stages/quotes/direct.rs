//! Direct quotes: text between quotation marks ([`super::marks`]), attributed by the cue
//! after the closing mark or, failing that, before the opening one. A quote without an
//! attribution of its own counts when it continues a quote: the second half of
//! `“…,” kata X. “…”`, a paragraph that re-opens a running quote, or a paragraph left
//! open that the next one continues. Any other quoted phrase without an attribution is a
//! title or a scare quote and is not speech.

use std::ops::Range;

use super::marks::{self, Pair};
use super::speaker::after_cue;
use super::{floor_boundary, Found, QuoteRules, Who};
use crate::output::QuoteKind;
use crate::stages::segment::Segments;

/// The inside of a quote, trimmed of spaces and of the comma that hands over to the cue.
fn inner_text(body: &str, inner: Range<usize>) -> Option<Range<usize>> {
    let s = &body[inner.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim().trim_end_matches(',').trim_end();
    (!trimmed.is_empty()).then(|| inner.start + lead..inner.start + lead + trimmed.len())
}

/// How far from a quotation mark an attribution is looked for. Attributions are short;
/// the bound keeps a paragraph with thousands of quotes linear.
const WINDOW: usize = 300;

/// The smallest char boundary of `s` at or after byte `i`.
fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The speaker of a pattern's subject (`base` is where the pattern's text starts): the
/// person or office of a name, nobody for a group (`Mereka mengatakan`), else the
/// pronoun's antecedent.
fn subject_who(rules: &QuoteRules, body: &str, base: usize, c: &regex::Captures) -> Who {
    match c.name("name") {
        Some(n) => rules.who_in_run(body, base + n.start()..base + n.end()),
        None if c.name("group").is_some() => Who::Unknown,
        None => rules.pronoun(c),
    }
}

/// Whether a capitalized cue after a quote that ended its sentence ("berarti \"anak dari
/// seseorang.\" Kata bin digunakan …") opens the next sentence: there "Kata" is "the
/// word", not "said". An attribution follows a comma inside the marks, or a lowercase cue.
fn starts_new_sentence(body: &str, close_end: usize, cue: &str) -> bool {
    let mut before_close = body[..close_end].chars().rev().skip(1);
    cue.starts_with(char::is_uppercase) && matches!(before_close.next(), Some('.' | '!' | '?'))
}

/// The cue and speaker after a closing mark ending at `close_end`.
fn post_attribution(
    rules: &QuoteRules,
    body: &str,
    para_end: usize,
    close_end: usize,
) -> Option<(String, Who)> {
    let after = &body[close_end..floor_boundary(body, para_end.min(close_end + WINDOW))];
    if let Some(c) = rules.patterns.dash_credit.captures(after) {
        let cue = c.name("cue")?.as_str().to_string();
        return Some((cue, subject_who(rules, body, close_end, &c)));
    }
    if let Some(c) = rules.patterns.post_cue.captures(after) {
        let cue = c.name("cue")?;
        if !starts_new_sentence(body, close_end, cue.as_str()) {
            let who = after_cue(rules, body, close_end + cue.end(), cue.as_str());
            return Some((cue.as_str().to_string(), who));
        }
    }
    if let Some(c) = rules.patterns.post_name_cue.captures(after) {
        let cue = c.name("cue")?.as_str().to_string();
        return Some((cue, en_subject(rules, body, close_end, &c)));
    }
    None
}

/// The speaker of an English subject: a description or a name or pronoun.
fn en_subject(rules: &QuoteRules, body: &str, base: usize, c: &regex::Captures) -> Who {
    match c.name("desc") {
        Some(d) => described_subject(base, d),
        None => subject_who(rules, body, base, c),
    }
}

/// An English description as the subject of a cue: `the mayor` points back to someone
/// named before (or is the speaker's only name); `a spokesman` is an office alone.
fn described_subject(base: usize, d: regex::Match) -> Who {
    let text = d.as_str();
    let article = text.split(' ').next().unwrap_or("");
    let rest = base + d.start() + article.len() + 1..base + d.end();
    if article.eq_ignore_ascii_case("the") {
        Who::Described(base + d.start()..base + d.end())
    } else {
        Who::Role(rest)
    }
}

/// The cue and speaker before an opening mark at `open`; `from` bounds the text looked at.
fn pre_attribution(
    rules: &QuoteRules,
    body: &str,
    from: usize,
    open: usize,
    sentence_final: bool,
) -> Option<(String, Who)> {
    let before_start = ceil_boundary(body, from.max(open.saturating_sub(WINDOW)));
    let before = &body[before_start..open];
    for re in [&rules.patterns.pre_cue, &rules.patterns.pre_context] {
        if let Some(c) = re.captures(before) {
            let cue = c.name("cue")?.as_str().trim().to_string();
            return Some((cue, subject_who(rules, body, before_start, &c)));
        }
    }
    if let Some(c) = rules.patterns.according.captures(before) {
        let cue = c.name("cue")?.as_str().to_string();
        let n = c.name("name")?;
        let who = rules.who_in_run(body, before_start + n.start()..before_start + n.end());
        return Some((cue, who));
    }
    for re in [
        &rules.patterns.pre_cue_en,
        &rules.patterns.pre_said_sentence,
    ] {
        if let Some(c) = re.captures(before) {
            let cue = c.name("cue")?.as_str().to_string();
            return Some((cue, en_subject(rules, body, before_start, &c)));
        }
    }
    if sentence_final {
        if let Some(c) = rules.patterns.pre_mixed.captures(before) {
            let cue = c.name("cue")?.as_str().to_string();
            return Some((cue, en_subject(rules, body, before_start, &c)));
        }
    }
    if let Some(c) = rules.patterns.participle.captures(before) {
        return Some((c.name("cue")?.as_str().to_string(), Who::Pronoun(None)));
    }
    if let Some(c) = rules.patterns.named_participle.captures(before) {
        let cue = c.name("cue")?.as_str().to_string();
        return Some((cue, subject_who(rules, body, before_start, &c)));
    }
    None
}

/// True when every word of four letters or more is capitalized: a title, not speech.
fn title_case(s: &str) -> bool {
    s.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(|w| w.starts_with(char::is_uppercase))
}

/// True when a quoted title is a heading or the name of a work, not speech: alone in its
/// paragraph ("'Coal Isn't the Villain.'", a section heading), or after a possessive or
/// "on" (`on CBS's "Face the Nation,"`, `told NBC’s “Meet the Press”`).
fn names_a_work(body: &str, para: Range<usize>, pair: &Pair, text: Range<usize>) -> bool {
    let quoted = &body[text];
    if !title_case(quoted) || quoted.split_whitespace().count() > 8 {
        return false;
    }
    let before = body[para.start..pair.open].trim_end();
    let after = body[pair.close_end.min(para.end)..para.end].trim();
    let alone = before.is_empty() && (after.is_empty() || after == ".");
    let named = before.ends_with("'s")
        || before.ends_with("’s")
        || before.ends_with(" on")
        || before.ends_with(" On");
    alone || named
}

/// True when the quoted text is all in parentheses or brackets: a transcript's stage
/// direction ("(CROSSTALK.)", "[APPLAUSE]"), not speech.
fn stage_direction(quoted: &str) -> bool {
    let t = quoted.trim_end_matches(['.', ' ']);
    let inner = t
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|t| t.strip_suffix(']')));
    inner.is_some_and(|i| !i.contains(['(', ')', '[', ']']))
}

/// True when the text between two quotes hands the first over to the second: short, and
/// ending a sentence (`“…,” kata X. “…”`), so the second quote opens a sentence, or
/// ending a clause with an English cue before a quote going on in lowercase (`“…,” she
/// said, looking up, “and …”`). An English attribution may run longer, with the
/// speaker's whole description (`''…,'' said X, an economist who served as …, a
/// conservative group. ''…''`).
fn continues(rules: &QuoteRules, body: &str, gap: Range<usize>) -> bool {
    let next = body[gap.end..].chars().find(|c| c.is_alphanumeric());
    let g = body[gap].trim_end();
    let english_cue = || {
        g.split(|c: char| !c.is_alphabetic())
            .any(|w| rules.en_cues.contains(&w))
    };
    (g.len() <= 160 || (g.len() <= 300 && english_cue()))
        && (g.is_empty()
            || g.ends_with(['.', ':', '!', '?'])
            || (g.ends_with(',') && next.is_some_and(char::is_lowercase) && english_cue()))
}

/// Every direct quote of the body, paragraph by paragraph, in text order.
pub(super) fn find(rules: &QuoteRules, body: &str, segments: &Segments) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // Whether the last quote of the previous paragraph was left open (a running quote).
    let mut running = false;
    for (pi, para) in segments.paragraphs.iter().enumerate() {
        let para = para.bytes.clone();
        let next_reopens = segments
            .paragraphs
            .get(pi + 1)
            .is_some_and(|p| marks::opens_with_mark(&body[p.bytes.clone()]));
        let mut from = para.start;
        // The previous quote of this paragraph, when it had an attribution.
        let mut attributed_before: Option<usize> = None;
        let pairs: Vec<Pair> = marks::pairs(&body[para.clone()], para.start);
        let was_running = std::mem::replace(&mut running, false);
        for pair in pairs {
            let prev_end = std::mem::replace(&mut from, pair.close_end);
            let Some(text) = inner_text(body, pair.inner.clone()) else {
                continue;
            };
            if names_a_work(body, para.clone(), &pair, text.clone())
                || stage_direction(&body[text.clone()])
            {
                continue;
            }
            let post = if pair.closed {
                post_attribution(rules, body, para.end, pair.close_end)
            } else {
                None
            };
            // A quote that ends its sentence may finish one begun before it, unless it is
            // a title (`on “Fox and Friends.”`).
            let sentence_final = pair.closed
                && (body[text.clone()].ends_with(['.', '!', '?'])
                    || body[pair.close_end..para.end].starts_with('.'))
                && !title_case(&body[text.clone()]);
            let attribution =
                post.or_else(|| pre_attribution(rules, body, prev_end, pair.open, sentence_final));
            let found = match attribution {
                Some((cue, who)) => Some(Found {
                    text,
                    kind: QuoteKind::Direct,
                    cue: Some(cue),
                    who,
                }),
                None => {
                    let opens_para = body[para.start..pair.open].trim().is_empty();
                    // A running quote opens its paragraph or a sentence or clause; a mark
                    // opened after a plain word ("program “Desa …") is unbalanced.
                    let starts_clause = opens_para
                        || body[para.start..pair.open]
                            .trim_end()
                            .ends_with(['.', ':', ',', '!', '?']);
                    let label = rules
                        .patterns
                        .transcript_label
                        .captures(&body[text.clone()])
                        .and_then(|c| c.name("name"))
                        .map(|n| text.start + n.start()..text.start + n.end());
                    let who = if let Some(label) = label.filter(|_| starts_clause) {
                        Some(Who::Named(label))
                    } else if !pair.closed && next_reopens && starts_clause {
                        Some(Who::Next)
                    } else if (attributed_before.is_some()
                        && continues(rules, body, prev_end..pair.open))
                        || (opens_para && (was_running || !out.is_empty()) && pair.closed)
                    {
                        Some(Who::Continue)
                    } else if opens_para && pair.closed {
                        Some(Who::Unknown)
                    } else {
                        None
                    };
                    who.map(|who| Found {
                        text,
                        kind: QuoteKind::Direct,
                        cue: None,
                        who,
                    })
                }
            };
            if let Some(f) = found {
                attributed_before =
                    (f.cue.is_some() || attributed_before.is_some()).then_some(f.text.end);
                running = !pair.closed && next_reopens;
                out.push(f);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inside_drops_spaces_and_the_comma_before_the_cue() {
        let body = "“ Harga turun , ” kata Budi.";
        let open = "“".len();
        let close = body.find('”').unwrap();
        let r = inner_text(body, open..close).unwrap();
        assert_eq!(&body[r], "Harga turun");
        assert_eq!(inner_text("“ , ”", 3..6), None);
    }

    #[test]
    fn title_case_marks_a_title_not_speech() {
        assert!(title_case("Morning Tide Report."));
        assert!(title_case("Sahabat di Perdamaian"));
        assert!(!title_case("Harga turun lagi"));
    }

    #[test]
    fn a_short_gap_ending_a_sentence_or_an_english_cue_clause_continues_the_quote() {
        let rules = QuoteRules::new();
        let gap = |body: &str, from: &str, to: char| {
            let a = body.find(from).unwrap() + from.len();
            continues(&rules, body, a..body.rfind(to).unwrap())
        };
        assert!(gap("“A,” kata Budi. “B”", "”", '“'));
        assert!(gap("“A,” she said, looking up, “and B”", "”", '“'));
        assert!(!gap("“A,” she said, looking up, “But B”", "”", '“'));
        assert!(!gap(
            "“A,” kata Budi kepada wartawan di kantornya “B”",
            "”",
            '“'
        ));
    }

    #[test]
    fn an_english_description_with_the_points_back_and_with_a_is_an_office() {
        let re = regex::Regex::new(r"(?P<desc>\w+ \w+)").unwrap();
        let who =
            |text: &str| described_subject(10, re.captures(text).unwrap().name("desc").unwrap());
        assert_eq!(who("the mayor"), Who::Described(10..19));
        assert_eq!(who("a spokesman"), Who::Role(12..21));
    }

    #[test]
    fn char_boundaries_round_up() {
        assert_eq!(ceil_boundary("né", 2), 3);
        assert_eq!(ceil_boundary("né", 1), 1);
    }
}
