//! Direct quotes: text between paired quotation marks, attributed by the cue after the
//! closing mark or, failing that, before the opening one. A quoted phrase with neither
//! is usually a title or a scare quote, so it only counts when it opens its paragraph
//! (a quote continuing the previous paragraph's speaker); its speaker is then unknown.

use super::{Found, QuoteRules, Who};
use crate::enrich::segment::{quote_pairs, Segments};
use crate::output::QuoteKind;

/// The inside of a quote, trimmed of spaces and of the comma that hands over to the cue.
fn inner_text(body: &str, inner: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let s = &body[inner.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim().trim_end_matches(',').trim_end();
    (!trimmed.is_empty()).then(|| inner.start + lead..inner.start + lead + trimmed.len())
}

/// The speaker after a cue ending at byte `at`: a pronoun, a name, or nothing usable.
fn after_cue(rules: &QuoteRules, body: &str, at: usize, cue: &str) -> Who {
    if cue.to_lowercase().ends_with("nya") {
        return Who::Pronoun;
    }
    let rest = &body[at..];
    if rules.pronoun_after.is_match(rest) {
        return Who::Pronoun;
    }
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if spaces == 0 && !rest.starts_with(char::is_uppercase) {
        return Who::Unknown;
    }
    match rules.names.person_at(body, at + spaces) {
        Some(r) => Who::Named(r),
        None => Who::Unknown,
    }
}

/// How far from a quotation mark an attribution is looked for. Attributions are short;
/// the bound keeps a paragraph with thousands of quotes linear.
const WINDOW: usize = 300;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The cue and speaker of the quote whose marks span `open..close_end`; `from` is where
/// the text before it starts (the previous quote's end or the paragraph start).
fn attribution(
    rules: &QuoteRules,
    body: &str,
    para: std::ops::Range<usize>,
    from: usize,
    open: usize,
    close_end: usize,
) -> Option<(String, Who)> {
    let after = &body[close_end..floor_boundary(body, para.end.min(close_end + WINDOW))];
    if let Some(c) = rules.post_cue.captures(after) {
        let cue = c.name("cue")?;
        let who = after_cue(rules, body, close_end + cue.end(), cue.as_str());
        return Some((cue.as_str().to_string(), who));
    }
    if let Some(c) = rules.post_name_cue.captures(after) {
        let cue = c.name("cue")?.as_str().to_string();
        let who = match c.name("name") {
            Some(n) => rules
                .names
                .person_in_run(body, close_end + n.start()..close_end + n.end())
                .map_or(Who::Unknown, Who::Named),
            None if c.name("group").is_some() => Who::Unknown,
            None => Who::Pronoun,
        };
        return Some((cue, who));
    }
    let before_start = ceil_boundary(body, from.max(open.saturating_sub(WINDOW)));
    let before = &body[before_start..open];
    if let Some(c) = rules.pre_cue.captures(before) {
        let cue = c.name("cue")?.as_str().to_string();
        let who = match c.name("name") {
            Some(n) => rules
                .names
                .person_in_run(body, before_start + n.start()..before_start + n.end())
                .map_or(Who::Unknown, Who::Named),
            None if c.name("group").is_some() => Who::Unknown,
            None => Who::Pronoun,
        };
        return Some((cue, who));
    }
    if let Some(c) = rules.according.captures(before) {
        let cue = c.name("cue")?.as_str().to_string();
        let n = c.name("name")?;
        let who = rules
            .names
            .person_in_run(body, before_start + n.start()..before_start + n.end())
            .map_or(Who::Unknown, Who::Named);
        return Some((cue, who));
    }
    None
}

pub(super) fn find(rules: &QuoteRules, body: &str, segments: &Segments) -> Vec<Found> {
    let mut out = Vec::new();
    for para in &segments.paragraphs {
        let para = para.bytes.clone();
        let mut from = para.start;
        for pair in quote_pairs(&body[para.clone()], para.start) {
            let prev_end = std::mem::replace(&mut from, pair.close_end);
            let Some(text) = inner_text(body, pair.inner.clone()) else {
                continue;
            };
            match attribution(
                rules,
                body,
                para.clone(),
                prev_end,
                pair.open,
                pair.close_end,
            ) {
                Some((cue, who)) => out.push(Found {
                    text,
                    kind: QuoteKind::Direct,
                    cue: Some(cue),
                    who,
                }),
                None if pair.open == para.start => out.push(Found {
                    text,
                    kind: QuoteKind::Direct,
                    cue: None,
                    who: Who::Unknown,
                }),
                None => {}
            }
        }
    }
    out
}
