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

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::Error as CommandError;
use warta_core::article::RawArticle;
use warta_core::output::{Provenance, Quote, QuoteKind};
use warta_core::pipeline::{self, Resources};

/// Tokens of the attribution clause after a statement that are searched for its speaker.
const AFTER_WINDOW: usize = 12;
/// Tokens before a statement searched when the clause after it names nobody.
const BEFORE_WINDOW: usize = 14;
const MIN_JACCARD: f64 = 0.5;

/// Honorifics, academic, religious, military and police titles and ranks: words that a
/// speaker shares with nobody in particular. Offices ("Kapolres", "Menteri") are not
/// titles here, because a role-only gold speaker is the office itself.
const TITLES: &[&str] = &[
    "bapak",
    "ibu",
    "pak",
    "bu",
    "saudara",
    "sdr",
    "tuan",
    "nyonya",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dr",
    "drs",
    "dra",
    "prof",
    "ir",
    "haji",
    "hajah",
    "hj",
    "kh",
    "kiai",
    "kyai",
    "ustaz",
    "ustad",
    "ustadz",
    "habib",
    "gus",
    "mbak",
    "mas",
    "bang",
    "kak",
    "kombes",
    "pol",
    "akbp",
    "akp",
    "iptu",
    "ipda",
    "aiptu",
    "aipda",
    "bripka",
    "brigadir",
    "briptu",
    "bripda",
    "kompol",
    "brigjen",
    "irjen",
    "komjen",
    "jenderal",
    "mayjen",
    "letjen",
    "laksamana",
    "marsekal",
    "kolonel",
    "letkol",
    "mayor",
    "kapten",
    "lettu",
    "letda",
    "serma",
    "sertu",
    "serda",
    "kopral",
    "inf",
    "tni",
    "polri",
    "ajun",
    "komisaris",
    "besar",
    "inspektur",
];

/// One gold token with its position in the reconstructed article text (chars).
#[derive(Debug, Clone)]
struct Token {
    text: String,
    label: String,
    sentence: usize,
    start: usize,
    end: usize,
}

/// A labelled span of tokens, `first..=last`.
#[derive(Debug, Clone)]
struct Span {
    kind: String,
    first: usize,
    last: usize,
}

/// One gold statement: its character positions and its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldStatement {
    pub chars: Vec<usize>,
    pub speaker: Option<String>,
    /// The speaker came from a `-nya` cue or a coreferring mention.
    pub coref: bool,
}

/// A reconstructed article: its text and its gold statements.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub text: String,
    pub statements: Vec<GoldStatement>,
}

pub(super) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‘' | '’' | '\'' | '«' | '»' | '‹' | '›'
    )
}

pub(super) fn counted(c: char) -> bool {
    !c.is_whitespace() && !is_quote_char(c)
}

/// Parses BILOU text into sentences of (token, label).
fn sentences(text: &str) -> Vec<Vec<(String, String)>> {
    let mut out: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !out.last().is_some_and(Vec::is_empty) {
                out.push(Vec::new());
            }
            continue;
        }
        let (tok, label) = match line.rsplit_once('\t') {
            Some((t, l)) => (t.trim(), l.trim()),
            None => match line.rsplit_once(' ') {
                Some((t, l)) => (t.trim(), l.trim()),
                None => (line.trim(), "O"),
            },
        };
        if let Some(s) = out.last_mut() {
            s.push((tok.to_string(), label.to_string()));
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Joins tokens into text by the rules, filling in each token's char span.
fn join(tokens: &mut [Token]) -> String {
    let mut text = String::new();
    let mut len = 0usize;
    // Open state per family of marks: double, single, guillemets.
    let mut open = [false; 3];
    let mut glue_next = true;
    for tok in tokens.iter_mut() {
        let t = tok.text.as_str();
        let mut chars = t.chars();
        let (first, single) = (chars.next(), chars.next().is_none());
        let quote = match first {
            Some(c) if single && is_quote_char(c) => {
                let family = match c {
                    '"' | '“' | '”' | '„' => 0,
                    '«' | '»' | '‹' | '›' => 2,
                    _ => 1,
                };
                let opening = match c {
                    '“' | '‘' | '«' | '‹' | '„' => true,
                    _ => !open[family],
                };
                open[family] = opening;
                Some(opening)
            }
            _ => None,
        };
        let no_space_before = quote == Some(false)
            || matches!(t, "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "%");
        if !glue_next && !no_space_before {
            text.push(' ');
            len += 1;
        }
        tok.start = len;
        text.push_str(t);
        len += t.chars().count();
        tok.end = len;
        glue_next = quote == Some(true) || matches!(t, "(" | "[" | "{");
    }
    text
}

fn spans(tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    for (i, tok) in tokens.iter().enumerate() {
        let (prefix, kind) = tok
            .label
            .split_once('-')
            .unwrap_or((tok.label.as_str(), ""));
        match prefix {
            "B" | "U" => {
                if let Some(s) = cur.take() {
                    out.push(s);
                }
                let s = Span {
                    kind: kind.to_string(),
                    first: i,
                    last: i,
                };
                if prefix == "U" {
                    out.push(s);
                } else {
                    cur = Some(s);
                }
            }
            "I" | "L" => match cur.as_mut() {
                Some(s) if s.kind == kind => {
                    s.last = i;
                    if prefix == "L" {
                        out.extend(cur.take());
                    }
                }
                _ => {
                    // A span without its B: start one here.
                    let s = Span {
                        kind: kind.to_string(),
                        first: i,
                        last: i,
                    };
                    if prefix == "L" {
                        out.push(s);
                    } else {
                        cur = Some(s);
                    }
                }
            },
            _ => {
                if let Some(s) = cur.take() {
                    out.push(s);
                }
            }
        }
    }
    out.extend(cur);
    out
}

pub(super) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn span_text(text: &str, tokens: &[Token], s: &Span) -> String {
    text.chars()
        .skip(tokens[s.first].start)
        .take(tokens[s.last].end - tokens[s.first].start)
        .collect()
}

fn is_person(kind: &str) -> bool {
    kind == "PERSON" || kind == "PERSONCOREF"
}

fn build_article(sents: &[Vec<(String, String)>], first_sentence: usize) -> GoldArticle {
    let mut tokens: Vec<Token> = sents
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.iter().map(move |(t, l)| Token {
                text: t.clone(),
                label: l.clone(),
                sentence: first_sentence + i,
                start: 0,
                end: 0,
            })
        })
        .collect();
    let text = join(&mut tokens);
    let chars: Vec<char> = text.chars().collect();
    let all = spans(&tokens);
    let persons: Vec<String> = all
        .iter()
        .filter(|s| s.kind == "PERSON")
        .map(|s| span_text(&text, &tokens, s))
        .collect();
    // The longest PERSON mention whose words contain the mention's words.
    let resolve = |mention: String| -> String {
        let want: HashSet<String> = words(&mention).into_iter().collect();
        persons
            .iter()
            .filter(|p| {
                let have: HashSet<String> = words(p).into_iter().collect();
                !want.is_empty() && want.is_subset(&have)
            })
            .max_by_key(|p| p.chars().count())
            .cloned()
            .unwrap_or(mention)
    };
    let mut statements = Vec::new();
    for st in all.iter().filter(|s| s.kind == "STATEMENT") {
        let mut positions = Vec::new();
        for tok in &tokens[st.first..=st.last] {
            positions.extend((tok.start..tok.end).filter(|&p| counted(chars[p])));
        }
        // The attribution clause: up to 12 tokens after, in the closing token's sentence,
        // and not into another statement.
        let sentence = tokens[st.last].sentence;
        let mut clause_end = st.last;
        for (i, tok) in tokens
            .iter()
            .enumerate()
            .skip(st.last + 1)
            .take(AFTER_WINDOW)
        {
            if tok.sentence != sentence || tok.label.ends_with("STATEMENT") {
                break;
            }
            clause_end = i;
        }
        let in_clause = |s: &&Span| s.first > st.last && s.first <= clause_end;
        let clause: Vec<&Span> = all.iter().filter(|s| in_clause(s)).collect();
        let last_person_before = |from: usize| {
            all.iter()
                .rfind(|s| is_person(&s.kind) && s.last < st.first && s.first >= from)
        };
        let (speaker, coref) = if let Some(p) = clause.iter().find(|s| is_person(&s.kind)) {
            (
                Some(resolve(span_text(&text, &tokens, p))),
                p.kind == "PERSONCOREF",
            )
        } else if clause.iter().any(|s| s.kind == "CUECOREF") {
            (
                last_person_before(0).map(|p| resolve(span_text(&text, &tokens, p))),
                true,
            )
        } else if let Some(r) = clause.iter().find(|s| s.kind == "ROLE") {
            (Some(span_text(&text, &tokens, r)), false)
        } else {
            match last_person_before(st.first.saturating_sub(BEFORE_WINDOW)) {
                Some(p) => (
                    Some(resolve(span_text(&text, &tokens, p))),
                    p.kind == "PERSONCOREF",
                ),
                None => (None, false),
            }
        };
        statements.push(GoldStatement {
            chars: positions,
            speaker,
            coref,
        });
    }
    GoldArticle { text, statements }
}

/// Splits gold BILOU text into articles with their statements and gold speakers.
pub fn parse_gold(text: &str) -> Vec<GoldArticle> {
    let sents = sentences(text);
    let starts: Vec<usize> = sents
        .iter()
        .enumerate()
        .filter(|(_, s)| s.iter().any(|(_, l)| l == "B-ISSUE" || l == "U-ISSUE"))
        .map(|(i, _)| i)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &from)| {
            let to = starts.get(k + 1).copied().unwrap_or(sents.len());
            build_article(&sents[from..to], from)
        })
        .collect()
}

/// True when the predicted speaker shares a word of 3+ letters, titles aside, with gold.
pub fn speaker_matches(gold: &str, name: &str, entity: Option<&str>) -> bool {
    let useful = |w: &String| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !TITLES.contains(&w.as_str())
    };
    let gold: HashSet<String> = words(gold).into_iter().filter(useful).collect();
    let mut pred = words(name);
    pred.extend(entity.map(words).unwrap_or_default());
    pred.iter().filter(|w| useful(w)).any(|w| gold.contains(w))
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

fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

pub(super) fn jaccard(a: &[usize], b: &[usize]) -> f64 {
    let a: HashSet<usize> = a.iter().copied().collect();
    let inter = b.iter().filter(|p| a.contains(p)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Counts over a whole gold file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Scores {
    pub articles: usize,
    pub gold: usize,
    pub predicted_direct: usize,
    pub predicted_all: usize,
    pub matched: usize,
    pub matched_all: usize,
    pub speaker_total: usize,
    pub speaker_right: usize,
    pub coref_total: usize,
    pub coref_right: usize,
}

/// F1 from precision and recall; 0 when both are 0.
pub(super) fn harmonic_mean(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

pub(super) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Scores {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted_direct)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }
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
            self.articles, self.gold, self.predicted_direct, self.matched
        );
        let _ = writeln!(
            s,
            "quotes    precision {:.3}  recall {:.3}  F1 {:.3}",
            self.precision(),
            self.recall(),
            self.f1()
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
    scores.gold += gold.statements.len();
    scores.predicted_all += predicted.len();
    let direct: Vec<usize> = (0..predicted.len())
        .filter(|&i| predicted[i].1.kind == QuoteKind::Direct)
        .collect();
    scores.predicted_direct += direct.len();
    // Best overlap first, one-to-one.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (g, st) in gold.statements.iter().enumerate() {
        for (p, (pos, _)) in predicted.iter().enumerate() {
            let j = jaccard(&st.chars, pos);
            if j >= MIN_JACCARD {
                pairs.push((j, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut gold_used = vec![false; gold.statements.len()];
    let mut pred_used = vec![false; predicted.len()];
    for &(_, g, p) in &pairs {
        if gold_used[g] || pred_used[p] {
            continue;
        }
        gold_used[g] = true;
        pred_used[p] = true;
        scores.matched_all += 1;
        let q = predicted[p].1;
        if q.kind != QuoteKind::Direct {
            // An indirect prediction over a direct statement does not count as found.
            gold_used[g] = false;
            continue;
        }
        scores.matched += 1;
        let st = &gold.statements[g];
        if let Some(want) = &st.speaker {
            let right = q
                .speaker
                .as_ref()
                .is_some_and(|s| speaker_matches(want, &s.name, s.entity.as_deref()));
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
    }
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

/// Runs the normal pipeline on one article text, with its declared language if known.
pub(super) fn enrich_in(
    resources: &Resources,
    text: &str,
    language: Option<&str>,
) -> Option<(String, Vec<Quote>)> {
    let article = RawArticle {
        body: Some(text.to_string()),
        language: language.map(str::to_string),
        ..RawArticle::default()
    };
    let provenance = Provenance {
        topic: None,
        partition: None,
        offset: None,
        worker_version: env!("CARGO_PKG_VERSION").to_string(),
        processed_at: String::new(),
        processing_time_us: 0,
    };
    pipeline::enrich(&article, resources, provenance)
        .ok()
        .map(|e| (e.body, e.quotes))
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
        assert_eq!(s.gold, 3);
        assert_eq!(s.predicted_direct, 3);
        assert_eq!(s.matched, 2);
        assert_eq!(s.speaker_total, 2);
        assert_eq!(s.speaker_right, 1);
        assert_eq!((s.coref_total, s.coref_right), (1, 1));
        assert!((s.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.predicted_all, 4);
    }
}
