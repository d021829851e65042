//! `warta eval quotes --gold FILE`: scores the normal enrichment pipeline against PFSA-ID
//! style gold data (BILOU, one `token<TAB>label` per line, a blank line between
//! sentences), the way issue 5 specifies, so that these figures and the held-out check
//! agree:
//!
//! - an article starts at the sentence holding a `B-ISSUE`/`U-ISSUE` token (so the
//!   "JAKARTA, KOMPAS —" dateline before it comes along) and runs to the next one;
//! - tokens are joined with single spaces, except before `, . ; : ! ? ) ] } %`, after
//!   `( [ {`, after an opening quote mark and before a closing one; the article is one
//!   paragraph;
//! - a predicted quote matches a gold STATEMENT when the Jaccard overlap of their character
//!   positions, quote marks and white space left out, is at least 0.5 (one-to-one, best
//!   overlap first);
//! - the gold speaker: the PERSON/PERSONCOREF in the attribution clause after the
//!   statement (≤ 12 tokens, same sentence), resolved to the longest PERSON mention of the
//!   article whose words contain it; for a CUECOREF cue the last PERSON/PERSONCOREF before
//!   the statement; for a ROLE-only clause the role text; otherwise the last
//!   PERSON/PERSONCOREF in the 14 tokens before the statement;
//! - a predicted speaker (`speaker.name` and `speaker.entity`) is right when it shares a
//!   word of three or more letters, titles aside, with the gold speaker.
//!
//! PFSA-ID's STATEMENTs are direct quotes, so quote precision counts direct predictions;
//! the report also gives precision with indirect predictions counted, for reference.

mod gold;

use std::fmt::Write as _;
use std::path::Path;

use super::metrics::{jaccard, ratio, Counts};
use super::quote_match::{counted, enrich_in, find, match_one_to_one, Matching, SpeakerWords};
use crate::Error as CommandError;
use warta_core::lexicon::entries;
use warta_core::output::{Quote, QuoteKind};
use warta_core::pipeline::Resources;

pub use gold::{parse_gold, GoldArticle, GoldStatement};

/// Titles and ranks a speaker shares with nobody in particular (`data/eval/pfsa-titles.txt`).
fn titles() -> Vec<&'static str> {
    entries(include_str!("../../../../../data/eval/pfsa-titles.txt"))
}

/// True when the predicted speaker shares a word of 3+ letters, titles aside, with gold.
pub fn speaker_matches(gold: &str, name: &str, entity: Option<&str>) -> bool {
    let ignored = titles();
    SpeakerWords {
        ignored: &ignored,
        offices: &[],
    }
    .matches(gold, name, entity)
}

/// Maps a predicted quote (code points of the enriched body) to the char positions of
/// the article text it was made from. The cleaner may drop a dateline or normalize
/// characters, so the body is located in the text and, when a quote's text does not sit
/// where the offset puts it, the quote's text is searched for.
fn predicted_positions(text: &[char], body: &[char], q: &Quote) -> Vec<usize> {
    let head: Vec<char> = body.iter().take(40).copied().collect();
    let offset = find(text, &head, 0).unwrap_or(0);
    let qchars: Vec<char> = q.text.chars().collect();
    let at = q.start + offset;
    let start = if text.get(at..at + qchars.len()) == Some(&qchars[..]) {
        at
    } else {
        find(text, &qchars, at.saturating_sub(200))
            .or_else(|| find(text, &qchars, 0))
            .unwrap_or(at)
    };
    (start..(start + qchars.len()).min(text.len()))
        .filter(|&p| counted(text[p]))
        .collect()
}

/// Counts over a whole gold file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Scores {
    pub articles: usize,
    /// Direct quotes: matched, predicted and gold.
    pub quotes: Counts,
    pub predicted_all: usize,
    pub matched_all: usize,
    pub speaker_total: usize,
    pub speaker_right: usize,
    pub coref_total: usize,
    pub coref_right: usize,
}

impl Scores {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_total)
    }
    pub fn coref_accuracy(&self) -> f64 {
        ratio(self.coref_right, self.coref_total)
    }

    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "articles {}  gold statements {}  predicted direct {}  matched {}",
            self.articles, self.quotes.gold, self.quotes.predicted, self.quotes.correct
        );
        let _ = writeln!(
            s,
            "quotes    precision {:.3}  recall {:.3}  F1 {:.3}",
            self.quotes.precision(),
            self.quotes.recall(),
            self.quotes.f1()
        );
        let _ = writeln!(
            s,
            "speakers  accuracy {:.3} ({}/{})  -nya/coref {:.3} ({}/{})",
            self.speaker_accuracy(),
            self.speaker_right,
            self.speaker_total,
            self.coref_accuracy(),
            self.coref_right,
            self.coref_total
        );
        let _ = write!(
            s,
            "with indirect predictions counted: precision {:.3} ({}/{})",
            ratio(self.matched_all, self.predicted_all),
            self.matched_all,
            self.predicted_all
        );
        s
    }
}

/// Scores one article's predictions (already mapped to char positions of its text).
/// `verbose` prints misses to stderr for error analysis.
fn score_article(
    gold: &GoldArticle,
    predicted: &[(Vec<usize>, &Quote)],
    scores: &mut Scores,
    verbose: bool,
) {
    scores.articles += 1;
    scores.quotes.gold += gold.statements.len();
    scores.predicted_all += predicted.len();
    let direct: Vec<usize> = (0..predicted.len())
        .filter(|&i| predicted[i].1.kind == QuoteKind::Direct)
        .collect();
    scores.quotes.predicted += direct.len();
    let titles = titles();
    let speaker_words = SpeakerWords {
        ignored: &titles,
        offices: &[],
    };
    let gold_positions: Vec<&[usize]> = gold.statements.iter().map(|st| &st.chars[..]).collect();
    let predicted_positions: Vec<&[usize]> = predicted.iter().map(|(pos, _)| &pos[..]).collect();
    let Matching {
        gold_used,
        pred_used,
    } = match_one_to_one(&gold_positions, &predicted_positions, |g, p| {
        scores.matched_all += 1;
        let q = predicted[p].1;
        if q.kind != QuoteKind::Direct {
            // An indirect prediction over a direct statement does not count as found.
            return false;
        }
        scores.quotes.correct += 1;
        let st = &gold.statements[g];
        if let Some(want) = &st.speaker {
            let right = q
                .speaker
                .as_ref()
                .is_some_and(|s| speaker_words.matches(want, &s.name, s.entity.as_deref()));
            scores.speaker_total += 1;
            scores.speaker_right += usize::from(right);
            if st.coref {
                scores.coref_total += 1;
                scores.coref_right += usize::from(right);
            }
            if verbose && !right {
                eprintln!(
                    "SPEAKER gold={want:?} coref={} pred={:?} cue={:?} quote={:?}",
                    st.coref,
                    q.speaker.as_ref().map(|s| (&s.name, &s.entity)),
                    q.cue,
                    q.text.chars().take(60).collect::<String>()
                );
            }
        }
        true
    });
    if verbose {
        let chars: Vec<char> = gold.text.chars().collect();
        for (g, st) in gold.statements.iter().enumerate() {
            if !gold_used[g] {
                let (a, b) = (st.chars.first().copied(), st.chars.last().copied());
                if let (Some(a), Some(b)) = (a, b) {
                    let ctx: String = chars[a.saturating_sub(40)..(b + 60).min(chars.len())]
                        .iter()
                        .collect();
                    eprintln!("MISSED {ctx:?}");
                }
            }
        }
        for (p, (_, q)) in predicted.iter().enumerate() {
            if !pred_used[p] && q.kind == QuoteKind::Direct {
                // Overlap with the nearest gold statement tells a split or merge apart
                // from a quote the gold does not annotate at all.
                let nearest = gold
                    .statements
                    .iter()
                    .map(|st| jaccard(&st.chars, &predicted[p].0))
                    .fold(0.0, f64::max);
                eprintln!(
                    "SPURIOUS overlap={nearest:.2} speaker={:?} cue={:?} {:?}",
                    q.speaker.as_ref().map(|s| &s.name),
                    q.cue,
                    q.text.chars().take(100).collect::<String>(),
                );
            }
        }
    }
}

/// Scores a set of gold articles with a predictor (text → quotes and the body they
/// index into).
pub fn score<F>(articles: &[GoldArticle], mut predict: F, verbose: bool) -> Scores
where
    F: FnMut(&str) -> Option<(String, Vec<Quote>)>,
{
    let mut scores = Scores::default();
    for art in articles {
        let text: Vec<char> = art.text.chars().collect();
        let (body, quotes) = predict(&art.text).unwrap_or_default();
        let body: Vec<char> = body.chars().collect();
        let predicted: Vec<(Vec<usize>, &Quote)> = quotes
            .iter()
            .map(|q| (predicted_positions(&text, &body, q), q))
            .collect();
        score_article(art, &predicted, &mut scores, verbose);
    }
    scores
}

/// Runs the normal pipeline on one reconstructed article.
fn enrich_text(resources: &Resources, text: &str) -> Option<(String, Vec<Quote>)> {
    enrich_in(resources, text, None)
}

pub fn run(resources: &Resources, gold: &[&Path]) -> Result<String, CommandError> {
    let verbose = std::env::var_os("EVAL_QUOTES_VERBOSE").is_some();
    let mut out = String::new();
    for path in gold {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CommandError::Runtime(format!("{}: {e}", path.display())))?;
        let articles = parse_gold(&text);
        if articles.is_empty() {
            return Err(CommandError::Usage(format!(
                "{}: no article (no B-ISSUE/U-ISSUE token) in the gold file",
                path.display()
            )));
        }
        let scores = score(&articles, |t| enrich_text(resources, t), verbose);
        let _ = writeln!(out, "{}", path.display());
        let _ = writeln!(out, "{}", scores.report());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use warta_core::output::Speaker;

    /// Builds BILOU text from `token/LABEL` words; `|` separates sentences.
    fn bilou(s: &str) -> String {
        let mut out = String::new();
        for w in s.split(' ') {
            if w == "|" {
                out.push('\n');
                continue;
            }
            let (t, l) = w.rsplit_once('/').unwrap_or((w, "O"));
            let _ = writeln!(out, "{t}\t{l}");
        }
        out
    }

    const ONE: &str = "BOGOR/O ,/O KOMPAS/O —/O Warga/B-ISSUE mengungsi/L-ISSUE ./O | \
        Camat/B-ROLE Tanah/I-ROLE Sereal/L-ROLE Agus/B-PERSON Salim/L-PERSON meninjau/O ./O | \
        “/B-STATEMENT Air/I-STATEMENT naik/I-STATEMENT ,/I-STATEMENT ”/L-STATEMENT kata/U-CUE \
        Agus/U-PERSONCOREF ./O | \
        ”/B-STATEMENT Kami/I-STATEMENT siaga/I-STATEMENT ,/I-STATEMENT ”/L-STATEMENT \
        ujarnya/U-CUECOREF ./O | \
        “/B-STATEMENT Pompa/I-STATEMENT jalan/I-STATEMENT ,/I-STATEMENT ”/L-STATEMENT \
        kata/U-CUE camat/U-ROLE ./O";

    #[test]
    fn articles_text_and_joining() {
        let two = format!(
            "{}\n{}",
            bilou(ONE),
            bilou("Lalu/O (/O hujan/B-ISSUE )/L-ISSUE ./O")
        );
        let arts = parse_gold(&two);
        assert_eq!(arts.len(), 2);
        assert_eq!(
            arts[0].text,
            "BOGOR, KOMPAS — Warga mengungsi. Camat Tanah Sereal Agus Salim meninjau. “Air naik,” kata Agus. ”Kami siaga,” ujarnya. “Pompa jalan,” kata camat."
        );
        assert_eq!(arts[1].text, "Lalu (hujan).");
        assert!(arts[1].statements.is_empty());
    }

    #[test]
    fn gold_statements_and_speakers() {
        let arts = parse_gold(&bilou(ONE));
        let st = &arts[0].statements;
        assert_eq!(st.len(), 3);
        // Quote marks and spaces left out: "Airnaik,".
        let text: Vec<char> = arts[0].text.chars().collect();
        let s: String = st[0].chars.iter().map(|&p| text[p]).collect();
        assert_eq!(s, "Airnaik,");
        // PERSONCOREF resolved to the longest PERSON containing it.
        assert_eq!(st[0].speaker.as_deref(), Some("Agus Salim"));
        assert!(st[0].coref);
        // CUECOREF: the last person before.
        assert_eq!(st[1].speaker.as_deref(), Some("Agus Salim"));
        assert!(st[1].coref);
        // ROLE only: the role text.
        assert_eq!(st[2].speaker.as_deref(), Some("camat"));
        assert!(!st[2].coref);
    }

    #[test]
    fn before_window_and_no_speaker() {
        let text = bilou(
            "A/O ,/O B/O —/O Hal/U-ISSUE ./O | Rina/B-PERSON Sari/L-PERSON mengatakan/U-CUE ,/O \
             “/B-STATEMENT Beres/I-STATEMENT ./I-STATEMENT ”/L-STATEMENT | \
             “/B-STATEMENT Aman/I-STATEMENT ./I-STATEMENT ”/L-STATEMENT",
        );
        let arts = parse_gold(&text);
        let st = &arts[0].statements;
        assert_eq!(st[0].speaker.as_deref(), Some("Rina Sari"));
        // The before-window is 14 tokens: "Rina Sari" is within reach of the second too.
        assert_eq!(st[1].speaker.as_deref(), Some("Rina Sari"));
        let far = bilou(&format!(
            "Hal/U-ISSUE ./O | Rina/U-PERSON {} ./O | “/B-STATEMENT Aman/I-STATEMENT ”/L-STATEMENT",
            "x/O ".repeat(14).trim_end()
        ));
        assert_eq!(parse_gold(&far)[0].statements[0].speaker, None);
    }

    #[test]
    fn speaker_rule() {
        assert!(speaker_matches("Agus Salim", "Agus", None));
        assert!(speaker_matches("Agus Salim", "camat", Some("Agus Salim")));
        assert!(!speaker_matches("Kombes Pol Agus", "Kombes Budi", None));
        assert!(!speaker_matches("Al Ba", "Al", None));
        assert!(speaker_matches("Kapolres Metro", "Kapolres", None));
    }

    fn quote(text: &str, start: usize, kind: QuoteKind, speaker: Option<&str>) -> Quote {
        Quote {
            text: text.into(),
            start,
            end: start + text.chars().count(),
            kind,
            cue: None,
            speaker: speaker.map(|n| Speaker {
                name: n.into(),
                entity: None,
                start: 0,
                end: 0,
            }),
        }
    }

    #[test]
    fn scoring_counts_overlap_and_speakers() {
        let arts = parse_gold(&bilou(ONE));
        let text = arts[0].text.clone();
        // The body as the cleaner gives it: the dateline dropped.
        let body = text["BOGOR, KOMPAS — ".len()..].to_string();
        let at = |s: &str| body[..body.find(s).unwrap()].chars().count();
        let preds = vec![
            // Exact, right speaker.
            quote("Air naik", at("Air naik"), QuoteKind::Direct, Some("Agus")),
            // Half the characters: "Kami" of "Kamisiaga," → 4/10 < 0.5, no match.
            quote("Kami", at("Kami"), QuoteKind::Direct, Some("Agus")),
            // Overlap ≥ 0.5, wrong speaker.
            quote("Pompa jal", at("Pompa"), QuoteKind::Direct, Some("Rina")),
            // Indirect predictions are not counted as direct.
            quote("Warga mengungsi", at("Warga"), QuoteKind::Indirect, None),
        ];
        let s = score(&arts, |_| Some((body.clone(), preds.clone())), false);
        assert_eq!(s.quotes.gold, 3);
        assert_eq!(s.quotes.predicted, 3);
        assert_eq!(s.quotes.correct, 2);
        assert_eq!(s.speaker_total, 2);
        assert_eq!(s.speaker_right, 1);
        assert_eq!((s.coref_total, s.coref_right), (1, 1));
        assert!((s.quotes.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.quotes.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.predicted_all, 4);
    }
}
