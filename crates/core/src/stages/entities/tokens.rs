//! Word tokens with byte ranges. The tagger sees words, the output needs offsets, so
//! every token keeps where it came from. Splitting follows the CoNLL training files:
//! punctuation stands alone, while dots, hyphens, apostrophes and commas *between* word
//! characters stay inside ("16.00", "Liputan6.com", "non-kader", "Jum'at", "3,5").

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub bytes: Range<usize>,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.bytes.clone()]
    }
}

fn joins(c: char) -> bool {
    matches!(c, '.' | '-' | '\'' | '’' | ',' | '/' | '&' | '@' | '_')
}

/// Tokens of `text`, offsets relative to `text` plus `offset`.
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                bytes: offset + i..offset + i + c.len_utf8(),
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        loop {
            match iter.peek().copied() {
                Some((j, d)) if d.is_alphanumeric() => {
                    end = j + d.len_utf8();
                    iter.next();
                }
                Some((j, d)) if joins(d) => {
                    // Keep the joiner only when a word character follows it; a comma joins
                    // digits only, so "Jakarta,Bandung" still splits.
                    let rest = &text[j + d.len_utf8()..];
                    let next = rest.chars().next();
                    let keep = match next {
                        Some(n) if d == ',' => {
                            n.is_ascii_digit()
                                && text[i..end].ends_with(|p: char| p.is_ascii_digit())
                        }
                        Some(n) => n.is_alphanumeric(),
                        None => false,
                    };
                    if !keep {
                        break;
                    }
                    end = j + d.len_utf8();
                    iter.next();
                }
                _ => break,
            }
        }
        out.push(Token {
            bytes: offset + i..offset + end,
        });
    }
    out
}

/// A run of this many tokens with no letter or digit (each such token is one mark or
/// symbol) holds no name: news text never has one, floods of quote marks, dots, emoji or
/// combining marks do. Tagging such a run costs as much as tagging prose of its length.
const MARK_RUN: usize = 16;
/// Marks of a cut run kept on each side of it, so the words beside the run see the same
/// neighbours as before (the tagger's context window is two tokens wide).
const MARK_MARGIN: usize = 2;

fn is_mark(text: &str, token: &Token) -> bool {
    !token.text(text).starts_with(char::is_alphanumeric)
}

/// The byte ranges of `tokens` (tokens of `text`) left once every run of [`MARK_RUN`] or
/// more marks is cut out, or `None` when there is no such run. Each piece keeps
/// [`MARK_MARGIN`] marks of a cut run beside it; a piece of marks alone is dropped.
pub fn without_mark_runs(text: &str, tokens: &[Token]) -> Option<Vec<Range<usize>>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_mark(text, &tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < tokens.len() && is_mark(text, &tokens[i]) {
            i += 1;
        }
        if i - start >= MARK_RUN {
            runs.push(start..i);
        }
    }
    if runs.is_empty() {
        return None;
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    for run in runs
        .iter()
        .chain(std::iter::once(&(tokens.len()..tokens.len())))
    {
        let end = (run.start + MARK_MARGIN).min(run.end);
        if tokens[from..run.start].iter().any(|t| !is_mark(text, t)) {
            pieces.push(tokens[from].bytes.start..tokens[end - 1].bytes.end);
        }
        from = run.end.saturating_sub(MARK_MARGIN).max(run.start);
    }
    Some(pieces)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_runs_of_marks_are_cut_out_with_their_margins() {
        let text = format!("Budi {} pergi ke Bandung", "“".repeat(40));
        let toks = tokenize(&text, 0);
        let pieces = without_mark_runs(&text, &toks).expect("one run");
        let pieces: Vec<&str> = pieces.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(pieces, vec!["Budi ““", "““ pergi ke Bandung"]);
    }

    #[test]
    fn text_without_a_long_run_is_left_whole() {
        let text = "“Kami siap!” kata Budi... (Red) -- selesai.";
        assert_eq!(without_mark_runs(text, &tokenize(text, 0)), None);
    }

    #[test]
    fn a_text_of_marks_alone_leaves_no_piece() {
        let text = "😀".repeat(100);
        assert_eq!(
            without_mark_runs(&text, &tokenize(&text, 0)),
            Some(Vec::new())
        );
    }

    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_punctuation_but_keeps_inner_joiners() {
        assert_eq!(
            words("Kata Xi, di Liputan6.com (pukul 16.00) non-kader 3,5 juta."),
            vec![
                "Kata",
                "Xi",
                ",",
                "di",
                "Liputan6.com",
                "(",
                "pukul",
                "16.00",
                ")",
                "non-kader",
                "3,5",
                "juta",
                "."
            ]
        );
        assert_eq!(words("“Rusia-China”"), vec!["“", "Rusia-China", "”"]);
        assert_eq!(words("Jakarta,Bandung"), vec!["Jakarta", ",", "Bandung"]);
    }

    #[test]
    fn offsets_are_bytes_of_the_original() {
        let text = "É Xi";
        let t = tokenize(text, 10);
        assert_eq!(t[1].bytes, 13..15);
    }
}
