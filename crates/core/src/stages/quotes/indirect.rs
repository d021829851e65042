//! Indirect (reported) speech: `X menyebut bahwa …`, `X menegaskan …`, `Menurut X, …`.
//! The quote is the clause after the verb up to the end of the sentence. Sentences that
//! overlap a direct quote are left to the direct extractor, so one statement is not
//! reported twice.

use std::ops::Range;

use super::{Found, QuoteRules, Who};
use crate::output::QuoteKind;
use crate::stages::segment::Segments;

/// True when two byte ranges share a byte.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every sentence's reported speech, in text order; `direct` holds the direct quotes'
/// spans, sorted, whose sentences are left out.
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
            None if !rules.patterns.indirect_cue.is_match(text) => continue,
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
            None => rules.pronoun(&c),
        };
        // "Menurut data BPS, …" cites a source, not a speaker.
        if according && !matches!(who, Who::Named(_) | Who::Pronoun(_)) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::CharMap;
    use crate::stages::segment::Segmenter;

    /// (cue, clause) of every indirect quote of `body`, with the direct spans given.
    fn indirect(body: &str, direct: &[Range<usize>]) -> Vec<(String, String)> {
        let segments = Segmenter::new().segment(body, &CharMap::new(body));
        find(&QuoteRules::new(), body, &segments, direct)
            .into_iter()
            .map(|f| (f.cue.unwrap_or_default(), body[f.text].to_string()))
            .collect()
    }

    fn one(cue: &str, clause: &str) -> Vec<(String, String)> {
        vec![(cue.to_string(), clause.to_string())]
    }

    #[test]
    fn the_clause_after_a_verb_or_menurut_is_reported_speech() {
        assert_eq!(
            indirect("Budi Santoso menegaskan bahwa harga turun.", &[]),
            one("menegaskan", "harga turun")
        );
        assert_eq!(
            indirect("Namun, menurut dia, harga turun.", &[]),
            one("menurut", "harga turun")
        );
    }

    #[test]
    fn menurut_a_body_or_data_cites_no_speaker() {
        assert!(indirect("Menurut data BPS, harga turun.", &[]).is_empty());
    }

    #[test]
    fn a_sentence_with_a_direct_quote_or_quotation_marks_is_left_out() {
        let body = "Budi menegaskan bahwa harga turun.";
        assert!(indirect(body, std::slice::from_ref(&(0..4))).is_empty());
        assert!(indirect("Budi menegaskan bahwa “harga” turun.", &[]).is_empty());
    }

    #[test]
    fn ranges_overlap_when_they_share_a_byte() {
        assert!(overlaps(&(0..3), &(2..5)));
        assert!(!overlaps(&(0..3), &(3..5)));
    }
}
