//! Indirect (reported) speech: `X menyebut bahwa …`, `X menegaskan …`, `Menurut X, …`.
//! The quote is the clause after the verb up to the end of the sentence. Sentences that
//! overlap a direct quote are left to the direct extractor, so one statement is not
//! reported twice.

use std::ops::Range;

use super::{Found, QuoteRules, Who};
use crate::output::QuoteKind;
use crate::stages::segment::Segments;

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

pub(super) fn find(
    rules: &QuoteRules,
    body: &str,
    segments: &Segments,
    direct: &[Range<usize>],
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut d = 0;
    for sentence in &segments.sentences {
        let range = sentence.bytes.clone();
        while d < direct.len() && direct[d].end <= range.start {
            d += 1;
        }
        if direct[d..].iter().take(4).any(|q| overlaps(q, &range)) {
            continue;
        }
        let text = &body[range.clone()];
        // A sentence holding quotation marks is a quote's context, not reported speech.
        if text.contains(['"', '“', '”', '«', '»']) {
            continue;
        }
        let (c, according) = match rules.patterns.indirect_according.captures(text) {
            Some(c) => (c, true),
            None => match rules.patterns.indirect.captures(text) {
                Some(c) => (c, false),
                None => continue,
            },
        };
        let (Some(cue), Some(clause)) = (c.name("cue"), c.name("text")) else {
            continue;
        };
        let clause_text = clause.as_str().trim_end_matches(['.', '!', '?', ' ']);
        if clause_text.is_empty() {
            continue;
        }
        let start = range.start + clause.start();
        let who = match c.name("name") {
            Some(n) => rules.who_in_run(body, range.start + n.start()..range.start + n.end()),
            None if c.name("group").is_some() => Who::Unknown,
            None if according && c.name("p").is_none() => continue,
            None => Who::Pronoun,
        };
        // "Menurut data BPS, …" cites a source, not a speaker.
        if according && !matches!(who, Who::Named(_) | Who::Pronoun) {
            continue;
        }
        out.push(Found {
            text: start..start + clause_text.len(),
            kind: QuoteKind::Indirect,
            cue: Some(cue.as_str().to_string()),
            who,
        });
    }
    out
}
