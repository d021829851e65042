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

mod gold;

use std::fmt::Write as _;
use std::path::Path;

use super::metrics::{jaccard, ratio, Counts};
use super::quote_match::{
    counted, enrich_in, find, match_one_to_one, Matching, SpeakerWords, MIN_JACCARD,
};
use crate::Error as CommandError;
use warta_core::lexicon::entries;
use warta_core::output::{Quote, QuoteKind};
use warta_core::pipeline::Resources;

pub use gold::{gold_article, parse_ann, quoted_spans, Attribution, GoldQuote, PolnearArticle};

/// Honorifics and function words a speaker shares with nobody in particular, and office
/// words, which count only when the gold Source has nothing else (`data/eval/`).
fn speaker_words_lists() -> (Vec<&'static str>, Vec<&'static str>) {
    (
        entries(include_str!(
            "../../../../../data/eval/polnear-not-name.txt"
        )),
        entries(include_str!("../../../../../data/eval/polnear-offices.txt")),
    )
}

/// True when the predicted speaker shares a word of 3+ letters, titles and function
/// words aside, with the gold one; office words count only when gold has nothing else.
pub fn speaker_matches(gold: &str, name: &str, entity: Option<&str>) -> bool {
    let (ignored, offices) = speaker_words_lists();
    SpeakerWords {
        ignored: &ignored,
        offices: &offices,
    }
    .matches(gold, name, entity)
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
    /// Direct quotes: matched, predicted and gold.
    pub quotes: Counts,
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
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_total)
    }

    fn add(&mut self, o: &Scores) {
        self.articles += o.articles;
        self.quotes += o.quotes;
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
            self.quotes.gold,
            self.quotes.predicted,
            self.quotes.correct,
            self.quotes.precision(),
            self.quotes.recall(),
            self.quotes.f1(),
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
            ratio(self.in_content, self.quotes.predicted),
            self.in_content,
            self.quotes.predicted
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
        quotes: Counts {
            correct: 0,
            predicted: predicted.len(),
            gold: art.quotes.len(),
        },
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
    let (ignored, offices) = speaker_words_lists();
    let speaker_words = SpeakerWords {
        ignored: &ignored,
        offices: &offices,
    };
    let gold_positions: Vec<&[usize]> = art.quotes.iter().map(|gq| &gq.chars[..]).collect();
    let predicted_positions: Vec<&[usize]> = predicted.iter().map(|(pos, _)| &pos[..]).collect();
    let snippet = |q: &Quote| q.text.chars().take(80).collect::<String>();
    let Matching {
        gold_used,
        pred_used,
    } = match_one_to_one(&gold_positions, &predicted_positions, |g, p| {
        s.quotes.correct += 1;
        let gq = &art.quotes[g];
        let q = predicted[p].1;
        if let Some(want) = &gq.speaker {
            let right = q
                .speaker
                .as_ref()
                .is_some_and(|sp| speaker_words.matches(want, &sp.name, sp.entity.as_deref()));
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
        true
    });
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
        assert_eq!(a.unwrap()[0].source, Vec::<std::ops::Range<usize>>::new());
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
        assert_eq!(
            (s.quotes.gold, s.quotes.predicted, s.quotes.correct),
            (3, 4, 2)
        );
        assert_eq!((s.speaker_right, s.speaker_total), (1, 2));
        assert_eq!((s.in_content, s.partial, s.partial_predicted), (3, 1, 1));
        assert!((s.quotes.precision() - 0.5).abs() < 1e-9);
        assert!((s.quotes.recall() - 2.0 / 3.0).abs() < 1e-9);
    }
}
