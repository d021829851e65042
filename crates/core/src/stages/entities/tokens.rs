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

#[cfg(test)]
mod tests {
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
