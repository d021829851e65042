//! PolNeAR gold, read from brat standoff: attributions, the quoted spans of the text, and
//! the gold direct quotes with their speakers (the rules are in the parent module's doc).

use std::collections::HashSet;
use std::ops::Range;

use crate::eval::quote_match::{counted, words};
use warta_core::lexicon::entries;

/// One brat text-bound annotation's fragments (code points).
type Bound = Vec<Range<usize>>;

/// One attribution relation: its Content fragments (`Content` and `Content2`) and its
/// Source fragments (empty for `Attribution-no-source`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attribution {
    pub content: Vec<Range<usize>>,
    pub source: Vec<Range<usize>>,
}

/// Parses a brat `.ann` file into attribution relations.
pub fn parse_ann(ann: &str) -> Result<Vec<Attribution>, String> {
    let mut bounds: std::collections::HashMap<&str, Bound> = std::collections::HashMap::new();
    let mut relations: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let (_type, offsets) = body
                .split_once(' ')
                .ok_or_else(|| format!("line {}: no offsets in {body:?}", n + 1))?;
            let mut frags = Vec::new();
            for f in offsets.split(';') {
                let (a, b) = f
                    .trim()
                    .split_once(' ')
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                    .ok_or_else(|| format!("line {}: bad offsets {f:?}", n + 1))?;
                if b < a {
                    return Err(format!(
                        "line {}: span {a} {b} ends before it starts",
                        n + 1
                    ));
                }
                frags.push(a..b);
            }
            bounds.insert(id, frags);
        } else if id.starts_with('E') {
            let args = body
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .collect();
            relations.push((n + 1, args));
        }
    }
    let mut out = Vec::new();
    for (n, args) in relations {
        let mut att = Attribution::default();
        for (role, id) in args {
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            let target = match role {
                "Content" => &mut att.content,
                "Source" => &mut att.source,
                _ => continue,
            };
            let b = bounds
                .get(id)
                .ok_or_else(|| format!("line {n}: relation names unknown {id}"))?;
            target.extend(b.iter().cloned());
        }
        if !att.content.is_empty() {
            att.content.sort_by_key(|r| r.start);
            att.source.sort_by_key(|r| r.start);
            out.push(att);
        }
    }
    Ok(out)
}

/// Quoted spans of a text, as code-point ranges of their insides (see the module doc).
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    // The open quote: its kind (0 curly, 1 straight, 2 doubled apostrophes) and inside start.
    let mut open: Option<(u8, usize)> = None;
    let mut i = 0;
    let close_line = |open: &mut Option<(u8, usize)>, out: &mut Vec<Range<usize>>, end: usize| {
        if let Some((_, s)) = open.take() {
            let mut e = end;
            while e > s && chars[e - 1].is_whitespace() {
                e -= 1;
            }
            if e > s {
                out.push(s..e);
            }
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            close_line(&mut open, &mut out, i);
            i += 1;
            continue;
        }
        let (kind, width) = match c {
            '“' | '”' | '„' => (0, 1),
            '"' => (1, 1),
            '\'' if chars.get(i + 1) == Some(&'\'') => (2, 2),
            _ => {
                i += 1;
                continue;
            }
        };
        match open {
            Some((k, s)) if k == kind => {
                if c == '“' || c == '„' {
                    // A second opener: the first was unbalanced.
                    open = Some((kind, i + width));
                } else {
                    out.push(s..i);
                    open = None;
                }
            }
            // Nested in a quote of another kind.
            Some(_) => {}
            None => open = Some((kind, i + width)),
        }
        i += width;
    }
    close_line(&mut open, &mut out, chars.len());
    out
}

/// One gold direct quote: its counted characters and speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldQuote {
    pub chars: Vec<usize>,
    pub speaker: Option<String>,
    /// The Source was a pronoun, resolved to an earlier Source.
    pub pronoun: bool,
}

/// An annotated article: its text, gold direct quotes and what else is counted.
#[derive(Debug, Clone)]
pub struct PolnearArticle {
    pub name: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
    /// Counted characters of every attribution's Content.
    pub contents: Vec<HashSet<usize>>,
    /// Quoted fragments of mostly paraphrased Contents (not scored), counted characters.
    pub partial: Vec<Vec<usize>>,
}

fn counted_in(chars: &[char], ranges: &[Range<usize>]) -> HashSet<usize> {
    ranges
        .iter()
        .flat_map(|r| r.start.min(chars.len())..r.end.min(chars.len()))
        .filter(|&p| counted(chars[p]))
        .collect()
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_pronoun(source: &str) -> bool {
    let w = words(source);
    let pronouns = entries(include_str!(
        "../../../../../data/eval/polnear-pronouns.txt"
    ));
    !w.is_empty() && w.iter().all(|w| pronouns.contains(&w.as_str()))
}

/// Builds the gold of one article from its text and attributions.
pub fn gold_article(name: &str, text: &str, atts: &[Attribution]) -> PolnearArticle {
    let chars: Vec<char> = text.chars().collect();
    let spans: Vec<Vec<usize>> = quoted_spans(text)
        .iter()
        .map(|r| {
            let mut v: Vec<usize> = counted_in(&chars, std::slice::from_ref(r))
                .into_iter()
                .collect();
            v.sort_unstable();
            v
        })
        .collect();
    let source_text = |a: &Attribution| -> String {
        a.source
            .iter()
            .map(|r| chars[r.start.min(chars.len())..r.end.min(chars.len())].iter())
            .map(|c| c.collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Named Sources in text order, for pronoun resolution.
    let mut named: Vec<(usize, String)> = atts
        .iter()
        .filter(|a| !a.source.is_empty())
        .map(|a| (a.source[0].start, source_text(a)))
        .filter(|(_, s)| !is_pronoun(s) && s.split_whitespace().any(capitalized))
        .collect();
    named.sort_by_key(|(p, _)| *p);
    let mut quotes = Vec::new();
    let mut partial = Vec::new();
    let mut contents = Vec::new();
    for a in atts {
        let content = counted_in(&chars, &a.content);
        if content.is_empty() {
            continue;
        }
        let inside: Vec<Vec<usize>> = spans
            .iter()
            .filter(|q| {
                !q.is_empty() && 2 * q.iter().filter(|p| content.contains(p)).count() >= q.len()
            })
            .map(|q| q.iter().copied().filter(|p| content.contains(p)).collect())
            .collect();
        let quoted: usize = inside.iter().map(Vec::len).sum();
        if 2 * quoted >= content.len() {
            let (speaker, pronoun) = if a.source.is_empty() {
                (None, false)
            } else {
                let s = source_text(a);
                if is_pronoun(&s) {
                    let at = a.source[0].start;
                    let k = named.partition_point(|(p, _)| *p < at);
                    (k.checked_sub(1).map(|k| named[k].1.clone()), true)
                } else {
                    (Some(s), false)
                }
            };
            quotes.extend(inside.into_iter().map(|chars| GoldQuote {
                chars,
                speaker: speaker.clone(),
                pronoun,
            }));
        } else {
            partial.extend(inside);
        }
        contents.push(content);
    }
    quotes.sort_by_key(|q| q.chars.first().copied());
    PolnearArticle {
        name: name.to_string(),
        text: text.to_string(),
        quotes,
        contents,
        partial,
    }
}
