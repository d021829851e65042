//! What the two quote evals (PFSA-ID and PolNeAR) share: which characters count, how a
//! predicted quote is paired with a gold one, and when a predicted speaker is right.

use std::collections::HashSet;

use warta_core::article::RawArticle;
use warta_core::output::{Provenance, Quote};
use warta_core::pipeline::{self, Resources};

use super::metrics::jaccard;

/// The least Jaccard overlap of counted characters at which a prediction matches gold.
pub const MIN_JACCARD: f64 = 0.5;

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‘' | '’' | '\'' | '«' | '»' | '‹' | '›'
    )
}

/// Characters that count in an overlap: neither white space nor quote marks, which the
/// gold and the prediction place differently.
pub fn counted(c: char) -> bool {
    !c.is_whitespace() && !is_quote_char(c)
}

/// The lowercase alphanumeric words of `s`.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The first position at or after `from` where `needle` stands in `hay`.
pub fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() || needle.len() > hay.len() - from {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Which gold items and predictions a one-to-one matching used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matching {
    pub gold_used: Vec<bool>,
    pub pred_used: Vec<bool>,
}

/// Pairs gold and predicted positions one to one, best overlap first, among the pairs
/// that overlap by at least [`MIN_JACCARD`]. `accept(g, p)` is called for each pair
/// taken and says whether gold `g` counts as found: when it does not, the prediction is
/// used up but the gold item stays free for a later pair.
pub fn match_one_to_one(
    gold: &[&[usize]],
    predicted: &[&[usize]],
    mut accept: impl FnMut(usize, usize) -> bool,
) -> Matching {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (g, gold_positions) in gold.iter().enumerate() {
        for (p, positions) in predicted.iter().enumerate() {
            let j = jaccard(gold_positions, positions);
            if j >= MIN_JACCARD {
                pairs.push((j, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut m = Matching {
        gold_used: vec![false; gold.len()],
        pred_used: vec![false; predicted.len()],
    };
    for &(_, g, p) in &pairs {
        if m.gold_used[g] || m.pred_used[p] {
            continue;
        }
        m.pred_used[p] = true;
        m.gold_used[g] = accept(g, p);
    }
    m
}

/// Words a gold speaker is compared on.
pub struct SpeakerWords<'a> {
    /// Words a speaker shares with nobody in particular (titles, function words).
    pub ignored: &'a [&'static str],
    /// Office words, which count only when the gold speaker has nothing else.
    pub offices: &'a [&'static str],
}

impl SpeakerWords<'_> {
    /// True when the predicted speaker (`name` and its `entity`) shares a word of three
    /// or more letters, ignored words aside, with the gold one.
    pub fn matches(&self, gold: &str, name: &str, entity: Option<&str>) -> bool {
        let useful = |w: &String| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !self.ignored.contains(&w.as_str())
        };
        let mut gold: HashSet<String> = words(gold).into_iter().filter(useful).collect();
        if gold.iter().any(|w| !self.offices.contains(&w.as_str())) {
            gold.retain(|w| !self.offices.contains(&w.as_str()));
        }
        let mut pred = words(name);
        pred.extend(entity.map(words).unwrap_or_default());
        pred.iter().filter(|w| useful(w)).any(|w| gold.contains(w))
    }
}

/// Runs the normal pipeline on one article text, with its declared language if known:
/// the enriched body and its quotes.
pub fn enrich_in(
    resources: &Resources,
    text: &str,
    language: Option<&str>,
) -> Option<(String, Vec<Quote>)> {
    let article = RawArticle {
        body: Some(text.to_string()),
        language: language.map(str::to_string),
        ..RawArticle::default()
    };
    let provenance = Provenance::offline(env!("CARGO_PKG_VERSION"), "");
    pipeline::enrich(&article, resources, provenance)
        .ok()
        .map(|e| (e.body, e.quotes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_returns_the_first_place_from_the_start_given() {
        let hay: Vec<char> = "abcabc".chars().collect();
        let needle: Vec<char> = "bc".chars().collect();
        assert_eq!(find(&hay, &needle, 0), Some(1));
        assert_eq!(find(&hay, &needle, 2), Some(4));
        assert_eq!(find(&hay, &needle, 5), None);
        assert_eq!(find(&hay, &[], 0), None);
    }

    #[test]
    fn matching_is_one_to_one_and_best_overlap_first() {
        let gold: [&[usize]; 2] = [&[1, 2, 3, 4], &[10, 11]];
        let predicted: [&[usize]; 3] = [&[1, 2, 3], &[1, 2, 3, 4], &[10, 11, 12]];
        let mut taken = Vec::new();
        let m = match_one_to_one(&gold, &predicted, |g, p| {
            taken.push((g, p));
            true
        });
        assert_eq!(taken, [(0, 1), (1, 2)]);
        assert_eq!(m.pred_used, [false, true, true]);
    }

    #[test]
    fn a_refused_pair_uses_the_prediction_but_frees_the_gold() {
        let gold: [&[usize]; 1] = [&[1, 2, 3, 4]];
        let predicted: [&[usize]; 2] = [&[1, 2, 3, 4], &[1, 2, 3]];
        let mut taken = Vec::new();
        let m = match_one_to_one(&gold, &predicted, |g, p| {
            taken.push((g, p));
            p == 1
        });
        assert_eq!(taken, [(0, 0), (0, 1)]);
        assert_eq!(m.gold_used, [true]);
    }

    #[test]
    fn offices_count_only_when_the_gold_speaker_has_nothing_else() {
        let words = SpeakerWords {
            ignored: &["the"],
            offices: &["mayor"],
        };
        assert!(words.matches("the mayor", "Mayor", None));
        assert!(!words.matches("Mayor Ada Brook", "the mayor", None));
        assert!(words.matches("Mayor Ada Brook", "Brook", None));
        assert!(words.matches("Ada Brook", "Ms", Some("Ada Brook")));
    }
}
