//! Indirect (reported) speech: `X menyebut bahwa …`, `X menegaskan …`. The quote is the
//! clause after the verb up to the end of the sentence. Sentences holding quotation marks
//! are left to the direct extractor, so one statement is not reported twice.

use super::{Found, QuoteRules, Who};
use crate::enrich::segment::Segments;
use crate::output::QuoteKind;

fn has_quote_mark(s: &str) -> bool {
    s.contains(['"', '“', '”'])
}

pub(super) fn find(rules: &QuoteRules, body: &str, segments: &Segments) -> Vec<Found> {
    let mut out = Vec::new();
    for sentence in &segments.sentences {
        let range = sentence.bytes.clone();
        let text = &body[range.clone()];
        // The segmenter never splits inside a quotation, so a sentence without marks
        // cannot overlap a direct quote.
        if has_quote_mark(text) {
            continue;
        }
        let Some(c) = rules.indirect.captures(text) else {
            continue;
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
            Some(n) => rules
                .names
                .person_in_run(body, range.start + n.start()..range.start + n.end())
                .map_or(Who::Unknown, Who::Named),
            None if c.name("group").is_some() => Who::Unknown,
            None => Who::Pronoun,
        };
        out.push(Found {
            text: start..start + clause_text.len(),
            kind: QuoteKind::Indirect,
            cue: Some(cue.as_str().to_string()),
            who,
        });
    }
    out
}
