//! `warta eval quotes --polnear DIR`: scores English direct quotes and their speakers
//! against PolNeAR (`DIR/text/NAME.txt` articles, `DIR/attributions/NAME_ANNOTATOR.ann`
//! brat standoff files; offsets are code points, discontinuous spans `a b;c d`).
//!
//! - Quoted spans of the text: inside one line (paragraph), `“…”`, `"…"` and `''…''`
//!   pair up; a mark of another kind inside an open quote is nested and left to it; a
//!   quote still open at the end of the line runs to it (a multi-paragraph quote
//!   re-opens in the next line).
//! - A gold direct quote is a quoted span whose counted characters (white space and
//!   quote marks left out) lie at least half inside one attribution's Content
//!   (`Content` and `Content2`, all fragments), in an attribution whose Content is at
//!   least half quoted material; its characters are the span's that lie in the Content.
//!   Quoted fragments of mostly paraphrased Contents (`called it “a disgrace”`) are
//!   partial quotes: counted apart, not scored. Quoted spans in no Content (titles,
//!   scare quotes) are not gold.
//! - A predicted direct quote matches a gold one when the Jaccard overlap of their
//!   counted characters is at least 0.5 (one-to-one, best overlap first), as for PFSA.
//! - The gold speaker is the attribution's Source text; a Source that is only pronouns
//!   (`he`, `she`, `they`, `I`, `we`, `it`, `who`, `which`, …) is resolved to the nearest
//!   Source before it in the article that is no pronoun and holds a capitalized word
//!   (a name, not `one questioner`), and such quotes are also counted apart. A predicted
//!   speaker (`speaker.name` and `speaker.entity`) is right when it shares a word of
//!   three or more letters with the gold one, honorifics (`Mr`, `Sen`) and function
//!   words aside; office words (`president`, `mayor`) count only when the gold Source
//!   has nothing else (`the mayor`).
//!
//! Every annotation file is scored as one article (two dev texts are annotated six times,
//! for agreement); the even/odd halves split the sorted texts, so one text's annotation
//! files stay in one half.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use super::quotes::{counted, enrich_in, harmonic_mean, jaccard, ratio, words};
use crate::Error as CommandError;
use warta_core::output::{Quote, QuoteKind};
use warta_core::pipeline::Resources;

const MIN_JACCARD: f64 = 0.5;

/// Honorifics and function words: words a speaker shares with nobody in particular.
const NOT_NAME: &[&str] = &[
    "mr", "mrs", "ms", "miss", "sir", "dr", "prof", "sen", "rep", "gov", "gen", "rev", "the",
    "and", "for", "who", "with", "from", "his", "her", "its", "their", "our", "your", "former",
];

/// Offices: they name the speaker only when the gold Source is an office alone ("the
/// president"); beside a name ("President Ada Brook") the name has to match.
const OFFICES: &[&str] = &[
    "president",
    "senator",
    "governor",
    "secretary",
    "general",
    "vice",
    "chairman",
    "chair",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "speaker",
    "mayor",
    "minister",
    "judge",
    "attorney",
    "candidate",
    "nominee",
    "officer",
    "chief",
    "executive",
];

/// Sources that only point back to someone named before.
const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "i",
    "we",
    "it",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "his",
    "hers",
    "their",
    "theirs",
    "our",
    "my",
    "its",
    "himself",
    "herself",
    "themselves",
    "who",
    "which",
    "that",
];

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
    !w.is_empty() && w.iter().all(|w| PRONOUNS.contains(&w.as_str()))
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

/// True when the predicted speaker shares a word of 3+ letters, titles and function
/// words aside, with the gold one.
pub fn speaker_matches(gold: &str, name: &str, entity: Option<&str>) -> bool {
    let useful = |w: &String| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !NOT_NAME.contains(&w.as_str())
    };
    let mut gold: HashSet<String> = words(gold).into_iter().filter(useful).collect();
    if gold.iter().any(|w| !OFFICES.contains(&w.as_str())) {
        gold.retain(|w| !OFFICES.contains(&w.as_str()));
    }
    let mut pred = words(name);
    pred.extend(entity.map(words).unwrap_or_default());
    pred.iter().filter(|w| useful(w)).any(|w| gold.contains(w))
}

/// Maps each code point of the enriched body to one of the article text, paragraph by
/// paragraph: the cleaner drops lines and rewrites white space, so each body paragraph's
/// non-space characters are looked up in the text's, in order. Characters of a paragraph
/// not found map to nothing.
fn align(text: &[char], body: &[char]) -> Vec<Option<usize>> {
    let dense: Vec<usize> = (0..text.len())
        .filter(|&p| !text[p].is_whitespace())
        .collect();
    let dense_chars: Vec<char> = dense.iter().map(|&p| text[p]).collect();
    let mut out = vec![None; body.len()];
    let mut cursor = 0;
    let mut start = 0;
    while start < body.len() {
        let mut end = start;
        while end < body.len() && body[end] != '\n' {
            end += 1;
        }
        let idx: Vec<usize> = (start..end).filter(|&p| !body[p].is_whitespace()).collect();
        let needle: Vec<char> = idx.iter().map(|&p| body[p]).collect();
        let found = find(&dense_chars, &needle, cursor).or_else(|| find(&dense_chars, &needle, 0));
        if let Some(at) = found {
            for (k, &p) in idx.iter().enumerate() {
                out[p] = Some(dense[at + k]);
            }
            cursor = at + needle.len();
        }
        start = end + 1;
    }
    out
}

fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() || needle.len() > hay.len() - from {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Counted characters of the text that a predicted quote covers.
fn positions(text: &[char], map: &[Option<usize>], q: &Quote) -> Vec<usize> {
    (q.start..q.end.min(map.len()))
        .filter_map(|p| map[p])
        .filter(|&p| counted(text[p]))
        .collect()
}

/// Counts over a set of articles.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Scores {
    pub articles: usize,
    pub gold: usize,
    pub predicted_direct: usize,
    pub matched: usize,
    pub speaker_total: usize,
    pub speaker_right: usize,
    pub pronoun_total: usize,
    pub pronoun_right: usize,
    /// Predicted direct quotes at least half inside some attribution's Content.
    pub in_content: usize,
    /// Partial quotes (not scored), and how many a predicted direct quote overlaps.
    pub partial: usize,
    pub partial_predicted: usize,
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

    fn add(&mut self, o: &Scores) {
        self.articles += o.articles;
        self.gold += o.gold;
        self.predicted_direct += o.predicted_direct;
        self.matched += o.matched;
        self.speaker_total += o.speaker_total;
        self.speaker_right += o.speaker_right;
        self.pronoun_total += o.pronoun_total;
        self.pronoun_right += o.pronoun_right;
        self.in_content += o.in_content;
        self.partial += o.partial;
        self.partial_predicted += o.partial_predicted;
    }

    /// One line: counts, P/R/F1 and speakers.
    pub fn line(&self) -> String {
        format!(
            "articles {}  gold {}  predicted {}  matched {}  P {:.3} R {:.3} F1 {:.3}  speakers {:.3} ({}/{})",
            self.articles,
            self.gold,
            self.predicted_direct,
            self.matched,
            self.precision(),
            self.recall(),
            self.f1(),
            self.speaker_accuracy(),
            self.speaker_right,
            self.speaker_total
        )
    }

    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "articles {}  gold direct quotes {}  predicted direct {}  matched {}",
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
            "speakers  accuracy {:.3} ({}/{})  pronoun sources {:.3} ({}/{})",
            self.speaker_accuracy(),
            self.speaker_right,
            self.speaker_total,
            ratio(self.pronoun_right, self.pronoun_total),
            self.pronoun_right,
            self.pronoun_total
        );
        let _ = writeln!(
            s,
            "predicted direct inside a gold Content: {:.3} ({}/{})",
            ratio(self.in_content, self.predicted_direct),
            self.in_content,
            self.predicted_direct
        );
        let _ = write!(
            s,
            "partial quotes in paraphrased Contents (not scored): {}, overlapped by a prediction {}",
            self.partial, self.partial_predicted
        );
        s
    }
}

/// Scores one article's predicted quotes (code points of `body`, the enriched text).
/// `verbose` prints misses to stderr for error analysis.
pub fn score_article(art: &PolnearArticle, body: &str, quotes: &[Quote], verbose: bool) -> Scores {
    let text: Vec<char> = art.text.chars().collect();
    let body: Vec<char> = body.chars().collect();
    let map = align(&text, &body);
    let predicted: Vec<(Vec<usize>, &Quote)> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (positions(&text, &map, q), q))
        .collect();
    let mut s = Scores {
        articles: 1,
        gold: art.quotes.len(),
        predicted_direct: predicted.len(),
        partial: art.partial.len(),
        ..Scores::default()
    };
    s.in_content = predicted
        .iter()
        .filter(|(pos, _)| {
            !pos.is_empty()
                && art
                    .contents
                    .iter()
                    .any(|c| 2 * pos.iter().filter(|p| c.contains(p)).count() >= pos.len())
        })
        .count();
    s.partial_predicted = art
        .partial
        .iter()
        .filter(|f| {
            predicted
                .iter()
                .any(|(pos, _)| jaccard(f, pos) >= MIN_JACCARD)
        })
        .count();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (g, gq) in art.quotes.iter().enumerate() {
        for (p, (pos, _)) in predicted.iter().enumerate() {
            let j = jaccard(&gq.chars, pos);
            if j >= MIN_JACCARD {
                pairs.push((j, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut gold_used = vec![false; art.quotes.len()];
    let mut pred_used = vec![false; predicted.len()];
    let snippet = |q: &Quote| q.text.chars().take(80).collect::<String>();
    for &(_, g, p) in &pairs {
        if gold_used[g] || pred_used[p] {
            continue;
        }
        gold_used[g] = true;
        pred_used[p] = true;
        s.matched += 1;
        let gq = &art.quotes[g];
        let q = predicted[p].1;
        if let Some(want) = &gq.speaker {
            let right = q
                .speaker
                .as_ref()
                .is_some_and(|sp| speaker_matches(want, &sp.name, sp.entity.as_deref()));
            s.speaker_total += 1;
            s.speaker_right += usize::from(right);
            if gq.pronoun {
                s.pronoun_total += 1;
                s.pronoun_right += usize::from(right);
            }
            if verbose && !right {
                eprintln!(
                    "SPEAKER {} gold={want:?} pronoun={} pred={:?} cue={:?} quote={:?}",
                    art.name,
                    gq.pronoun,
                    q.speaker.as_ref().map(|sp| (&sp.name, &sp.entity)),
                    q.cue,
                    snippet(q)
                );
            }
        }
    }
    if verbose {
        for (g, gq) in art.quotes.iter().enumerate() {
            if gold_used[g] {
                continue;
            }
            if let (Some(&a), Some(&b)) = (gq.chars.first(), gq.chars.last()) {
                let ctx: String = text[a.saturating_sub(60)..(b + 80).min(text.len())]
                    .iter()
                    .collect();
                eprintln!("MISSED {} {ctx:?}", art.name);
            }
        }
        for (p, (pos, q)) in predicted.iter().enumerate() {
            if pred_used[p] {
                continue;
            }
            let nearest = art
                .quotes
                .iter()
                .map(|gq| jaccard(&gq.chars, pos))
                .fold(0.0, f64::max);
            let in_content = art.contents.iter().any(|c| {
                !pos.is_empty() && 2 * pos.iter().filter(|x| c.contains(x)).count() >= pos.len()
            });
            eprintln!(
                "SPURIOUS {} overlap={nearest:.2} in_content={in_content} speaker={:?} cue={:?} {:?}",
                art.name,
                q.speaker.as_ref().map(|sp| &sp.name),
                q.cue,
                snippet(q)
            );
        }
    }
    s
}

/// The annotation files of DIR, sorted, each with its text's name.
fn annotation_files(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>, CommandError> {
    let ann_dir = dir.join("attributions");
    let entries = std::fs::read_dir(&ann_dir).map_err(|e| {
        CommandError::Usage(format!(
            "{}: {e} (expected DIR/attributions/*.ann and DIR/text/*.txt)",
            ann_dir.display()
        ))
    })?;
    let mut files = Vec::new();
    for e in entries {
        let path = e
            .map_err(|e| CommandError::Runtime(format!("{}: {e}", ann_dir.display())))?
            .path();
        if path.extension().is_some_and(|x| x == "ann") {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // NAME_ANNOTATOR.ann annotates text/NAME.txt; NAME.ann is accepted too.
            let text = if dir.join("text").join(format!("{stem}.txt")).is_file() {
                stem.clone()
            } else {
                stem.rsplit_once('_')
                    .map_or(stem.clone(), |(n, _)| n.to_string())
            };
            files.push((text, path));
        }
    }
    files.sort_by(|a, b| a.1.cmp(&b.1));
    if files.is_empty() {
        return Err(CommandError::Usage(format!(
            "{}: no .ann file",
            ann_dir.display()
        )));
    }
    Ok(files)
}

pub fn run(resources: &Resources, dir: &Path) -> Result<String, CommandError> {
    let verbose = std::env::var_os("EVAL_QUOTES_VERBOSE").is_some();
    let files = annotation_files(dir)?;
    let mut texts: Vec<&str> = files.iter().map(|(t, _)| t.as_str()).collect();
    texts.dedup();
    let (mut all, mut halves) = (Scores::default(), [Scores::default(), Scores::default()]);
    for (name, ann_path) in &files {
        let text_path = dir.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(|e| {
            CommandError::Usage(format!(
                "{}: {e} (the text of {})",
                text_path.display(),
                ann_path.display()
            ))
        })?;
        let ann = std::fs::read_to_string(ann_path)
            .map_err(|e| CommandError::Runtime(format!("{}: {e}", ann_path.display())))?;
        let atts = parse_ann(&ann)
            .map_err(|e| CommandError::Usage(format!("{}: {e}", ann_path.display())))?;
        let label = ann_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let art = gold_article(&label, &text, &atts);
        let (body, quotes) = enrich_in(resources, &text, Some("en")).unwrap_or_default();
        let s = score_article(&art, &body, &quotes, verbose);
        let index = texts.iter().position(|t| t == name).unwrap_or(0);
        all.add(&s);
        halves[index % 2].add(&s);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  ({} annotation files of {} texts)",
        dir.display(),
        files.len(),
        texts.len()
    );
    let _ = writeln!(out, "{}", all.report());
    let _ = writeln!(out, "even-index texts: {}", halves[0].line());
    let _ = writeln!(out, "odd-index texts:  {}", halves[1].line());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use warta_core::output::Speaker;

    // Invented text: a headline, then paragraphs separated by blank lines.
    const TEXT: &str = "Harbor Plan Stalls\n\n\
        “We will not sign it,” said Mara Lindqvist, the port director. “Not this year.”\n\n\
        She called the long harbor deal “a bad bargain” and left.\n\n\
        The so-called “green corridor” is on hold.\n\n\
        \"It is finished,\" he said.";

    fn at(s: &str) -> usize {
        TEXT[..TEXT.find(s).unwrap()].chars().count()
    }

    fn span(s: &str) -> String {
        let a = at(s);
        format!("{a} {}", a + s.chars().count())
    }

    fn ann() -> String {
        // E1: an interrupted quote (discontinuous Content), E2: paraphrase with a partial
        // quote, E3: a pronoun Source.
        let c1a = span("“We will not sign it,”");
        let c1b = span("“Not this year.”");
        let she = at("She called");
        let she = format!("{she} {}", she + 3);
        let he = at("he said");
        let he = format!("{he} {}", he + 2);
        format!(
            "T1\tContent {c1a};{c1b}\t“We will not sign it,” “Not this year.”\n\
             T2\tCue {}\tsaid\n\
             T3\tSource {}\tMara Lindqvist\n\
             T4\tAttribution {}\tsaid\n\
             E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n\
             T5\tSource {}\tShe\n\
             T6\tCue {}\tcalled\n\
             T7\tContent {}\tthe long harbor deal “a bad bargain”\n\
             E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5\n\
             T8\tContent {}\t\"It is finished,\"\n\
             T9\tSource {}\the\n\
             T10\tCue {}\tsaid\n\
             E3\tAttribution:T10 Content:T8 Cue:T10 Source:T9\n\
             #1\tAnnotatorNotes T1\tnote\n",
            span("said Mara"),
            span("Mara Lindqvist"),
            span("said Mara"),
            she,
            span("called"),
            span("the long harbor deal “a bad bargain”"),
            span("\"It is finished,\""),
            he,
            span("said."),
        )
    }

    #[test]
    fn brat_parsing() {
        let atts = parse_ann(&ann()).unwrap();
        assert_eq!(atts.len(), 3);
        assert_eq!(atts[0].content.len(), 2);
        assert_eq!(atts[0].source, vec![at("Mara")..at("Mara") + 14]);
        assert!(parse_ann("T1\tContent 5 2\tx\n").is_err());
        assert!(parse_ann("E1\tContent:T9\n").is_err());
        // An attribution without a source.
        let a = parse_ann("T1\tContent 0 4\tabcd\nE1\tAttribution-no-source:T2 Content:T1\n");
        assert_eq!(a.unwrap()[0].source, Vec::<Range<usize>>::new());
    }

    #[test]
    fn quoted_spans_pair_by_kind_and_line() {
        let t = "a “b \"c\" d” e\n''f'' g \"h\n“i";
        let got: Vec<String> = quoted_spans(t)
            .into_iter()
            .map(|r| t.chars().skip(r.start).take(r.len()).collect())
            .collect();
        assert_eq!(got, vec!["b \"c\" d", "f", "h", "i"]);
    }

    #[test]
    fn gold_direct_quotes_and_speakers() {
        let art = gold_article("x", TEXT, &parse_ann(&ann()).unwrap());
        let text: Vec<char> = TEXT.chars().collect();
        let quotes: Vec<String> = art
            .quotes
            .iter()
            .map(|q| q.chars.iter().map(|&p| text[p]).collect())
            .collect();
        // The two halves of the interrupted quote and the pronoun-sourced one; the
        // partial quote and the scare quote are not gold.
        assert_eq!(
            quotes,
            vec!["Wewillnotsignit,", "Notthisyear.", "Itisfinished,"]
        );
        assert_eq!(art.quotes[0].speaker.as_deref(), Some("Mara Lindqvist"));
        assert_eq!(art.partial.len(), 1);
        // "he" resolves to the nearest earlier Source that is not a pronoun.
        assert_eq!(art.quotes[2].speaker.as_deref(), Some("Mara Lindqvist"));
        assert!(art.quotes[2].pronoun);
    }

    #[test]
    fn english_speaker_rule() {
        assert!(speaker_matches("Sen. Ada Brook", "Brook", None));
        assert!(!speaker_matches("Sen. Ada Brook", "Sen. Ode", None));
        assert!(!speaker_matches("the director", "the mayor", None));
        assert!(speaker_matches(
            "the port director",
            "Mara",
            Some("port director")
        ));
        assert!(!speaker_matches("President Ode", "President Brook", None));
        assert!(speaker_matches("the mayor", "the mayor", Some("Ode")));
        assert!(speaker_matches("Mayor Ode", "the mayor", Some("Ode")));
        assert!(!speaker_matches("Mayor Ode", "the mayor", Some("Brook")));
    }

    fn quote(body: &str, s: &str, speaker: &str) -> Quote {
        let start = body[..body.find(s).unwrap()].chars().count();
        Quote {
            text: s.into(),
            start,
            end: start + s.chars().count(),
            kind: QuoteKind::Direct,
            cue: None,
            speaker: Some(Speaker {
                name: speaker.into(),
                entity: None,
                start: 0,
                end: 0,
            }),
        }
    }

    #[test]
    fn scoring_through_a_cleaned_body() {
        let art = gold_article("x", TEXT, &parse_ann(&ann()).unwrap());
        // The cleaner dropped the headline and rewrote white space.
        let body = TEXT["Harbor Plan Stalls\n\n".len()..].replace("  ", " ");
        let preds = vec![
            quote(&body, "We will not sign it", "Mara Lindqvist"),
            quote(&body, "Not this year.", "Ode"),
            quote(&body, "green corridor", "Ode"),
            quote(&body, "a bad bargain", "Ode"),
        ];
        let s = score_article(&art, &body, &preds, false);
        assert_eq!((s.gold, s.predicted_direct, s.matched), (3, 4, 2));
        assert_eq!((s.speaker_right, s.speaker_total), (1, 2));
        assert_eq!((s.in_content, s.partial, s.partial_predicted), (3, 1, 1));
        assert!((s.precision() - 0.5).abs() < 1e-9);
        assert!((s.recall() - 2.0 / 3.0).abs() < 1e-9);
    }
}
