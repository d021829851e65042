//! PFSA-ID gold, read back into articles: BILOU tokens joined into text, the STATEMENT
//! spans as character positions, and each statement's speaker (the rules are in the
//! parent module's doc).

use std::collections::HashSet;

use crate::eval::quote_match::{counted, is_quote_char, words};

/// Tokens of the attribution clause after a statement that are searched for its speaker.
const AFTER_WINDOW: usize = 12;
/// Tokens before a statement searched when the clause after it names nobody.
const BEFORE_WINDOW: usize = 14;

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
