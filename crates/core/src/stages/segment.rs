//! Paragraphs and sentences of the cleaned body. Statistics count them, and the quote
//! stage reads sentence ends to bound indirect speech. Splitting Indonesian news is mostly
//! about where a period does NOT end a sentence: titles and abbreviations (`Dr.`, `Jl.`,
//! `dkk.`), numbers (`16.00 WIB`, `1.000`), initials, and periods inside a quotation that
//! the attribution continues (`"Kami siap. Semua beres," kata dia.` is one sentence).

use foldhash::HashSet;
use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::span::CharMap;

/// One segment: code-point span (the output unit) and byte range (for slicing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub bytes: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    pub paragraphs: Vec<Segment>,
    pub sentences: Vec<Segment>,
}

/// A matched pair of quotation marks, as byte offsets: `open..inner.start` is the opening
/// mark, `inner.end..close_end` the closing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotePair {
    pub open: usize,
    pub inner: Range<usize>,
    pub close_end: usize,
}

/// Pairs quotation marks within one paragraph. `“` opens, `"` toggles, and `”` closes an
/// open quote or, when none is open, opens one (some outlets use `”…”`). A mark left
/// open at the end of the paragraph pairs with nothing, so it cannot swallow the text.
pub fn quote_pairs(text: &str, offset: usize) -> Vec<QuotePair> {
    let mut pairs = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let len = c.len_utf8();
        match (c, open) {
            ('“', _) => open = Some((i, len)),
            ('”' | '"', Some((o, olen))) => {
                pairs.push(QuotePair {
                    open: offset + o,
                    inner: offset + o + olen..offset + i,
                    close_end: offset + i + len,
                });
                open = None;
            }
            ('”' | '"', None) => open = Some((i, len)),
            _ => {}
        }
    }
    pairs
}

pub struct Segmenter {
    abbreviations: HashSet<&'static str>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '”' | '(' | '‘' | '\'' | '[')
}

impl Segmenter {
    /// The segmenter with the shipped lexicon.
    pub fn new() -> Segmenter {
        Segmenter::with_lexicon(&Lexicon::embedded())
    }

    /// The segmenter, keeping the abbreviations of `lexicon` whole.
    pub fn with_lexicon(lexicon: &Lexicon) -> Segmenter {
        Segmenter {
            abbreviations: lexicon.abbreviations.iter().copied().collect(),
        }
    }

    /// True when the period at byte `dot` of `text` belongs to the word before it.
    fn period_is_abbreviation(&self, text: &str, dot: usize) -> bool {
        let before = &text[..dot];
        let word_start = before
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\'' | '‘'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        if word.is_empty() {
            return false;
        }
        let lower = word.to_lowercase();
        if self.abbreviations.contains(lower.as_str()) {
            return true;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // An initial ("A. Rahman") or a dotted abbreviation ("a.n.", "U.S.", "S.H.").
        (letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            || (word.contains('.')
                && word.chars().count() <= 6
                && letters == word.chars().filter(|&c| c != '.').count())
    }

    /// Sentence boundaries in one paragraph, as byte ranges relative to `text`.
    fn sentences_in(&self, text: &str) -> Vec<Range<usize>> {
        let pairs = quote_pairs(text, 0);
        // Candidates come in text order and pairs do not overlap, so one cursor suffices.
        let mut cursor = 0;
        let mut inside_quote = |pos: usize| {
            while cursor < pairs.len() && pairs[cursor].close_end <= pos {
                cursor += 1;
            }
            pairs.get(cursor).is_some_and(|p| p.open < pos)
        };
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            if !is_terminal(c) {
                k += 1;
                continue;
            }
            // Extend over the rest of the punctuation cluster: "?!", "...", `."`, `.)`.
            let mut m = k + 1;
            while m < chars.len() && (is_terminal(chars[m].1) || is_closing(chars[m].1)) {
                m += 1;
            }
            let end = chars.get(m).map_or(text.len(), |&(b, _)| b);
            k = m;
            let Some(&(_, after)) = chars.get(m) else {
                break;
            };
            if !after.is_whitespace() {
                continue;
            }
            let mut n = m;
            while n < chars.len() && chars[n].1.is_whitespace() {
                n += 1;
            }
            let Some(&(next_start, next)) = chars.get(n) else {
                break;
            };
            if !opens_sentence(next) {
                continue;
            }
            if inside_quote(end) {
                continue;
            }
            // Only a lone period (not "..." or "?") can belong to an abbreviation.
            let terminals: String = text[i..end].chars().filter(|&c| is_terminal(c)).collect();
            if terminals == "." && self.period_is_abbreviation(text, i) {
                continue;
            }
            out.push(start..end);
            start = next_start;
        }
        if start < text.len() {
            let trimmed = text[start..].trim_end();
            if !trimmed.is_empty() {
                out.push(start..start + trimmed.len());
            }
        }
        out
    }

    pub fn segment(&self, body: &str, map: &CharMap) -> Segments {
        let seg = |r: Range<usize>| Segment {
            start: map.chars(r.start),
            end: map.chars(r.end),
            bytes: r,
        };
        let mut segments = Segments::default();
        let mut offset = 0;
        for para in body.split("\n\n") {
            if !para.trim().is_empty() {
                segments.paragraphs.push(seg(offset..offset + para.len()));
                for r in self.sentences_in(para) {
                    segments
                        .sentences
                        .push(seg(offset + r.start..offset + r.end));
                }
            }
            offset += para.len() + 2;
        }
        segments
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let map = CharMap::new(text);
        Segmenter::new()
            .segment(text, &map)
            .sentences
            .iter()
            .map(|s| text[s.bytes.clone()].to_string())
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("Hujan turun. Jalan banjir! Kenapa? \"Karena got mampet.\" Begitu."),
            vec![
                "Hujan turun.",
                "Jalan banjir!",
                "Kenapa?",
                "\"Karena got mampet.\"",
                "Begitu."
            ]
        );
    }

    #[test]
    fn abbreviations_and_numbers_do_not_split() {
        assert_eq!(
            sentences("Dr. Andi dan Prof. Budi tiba di Jl. Merdeka No. 5 pukul 16.00 WIB. Dana Rp 3,5 juta dan 1.000 unit tersedia."),
            vec![
                "Dr. Andi dan Prof. Budi tiba di Jl. Merdeka No. 5 pukul 16.00 WIB.",
                "Dana Rp 3,5 juta dan 1.000 unit tersedia."
            ]
        );
        assert_eq!(
            sentences("Tim Andi dkk. tiba Senin (16/6/2025). H. Rahman dan Hj. Siti ikut. Dana a.n. Budi masuk."),
            vec!["Tim Andi dkk. tiba Senin (16/6/2025).", "H. Rahman dan Hj. Siti ikut.", "Dana a.n. Budi masuk."]
        );
        assert_eq!(
            sentences("Kantor U.S. Army buka. Ok."),
            vec!["Kantor U.S. Army buka.", "Ok."]
        );
    }

    #[test]
    fn quotation_continued_by_attribution_is_one_sentence() {
        assert_eq!(
            sentences("\"Kami siap. Semua sudah beres,\" kata dia. Lalu pergi."),
            vec!["\"Kami siap. Semua sudah beres,\" kata dia.", "Lalu pergi."]
        );
        assert_eq!(
            sentences("“Kami siap. Semua sudah beres,” kata dia."),
            vec!["“Kami siap. Semua sudah beres,” kata dia."]
        );
    }

    #[test]
    fn unbalanced_quote_does_not_swallow_paragraph() {
        assert_eq!(
            sentences("Ia bilang \"tidak. Lalu pergi. Selesai."),
            vec!["Ia bilang \"tidak.", "Lalu pergi.", "Selesai."]
        );
    }

    #[test]
    fn paragraphs_and_char_offsets() {
        let body = "Éa satu. Dua.\n\nTiga.";
        let map = CharMap::new(body);
        let s = Segmenter::new().segment(body, &map);
        assert_eq!(s.paragraphs.len(), 2);
        assert_eq!((s.sentences[1].start, s.sentences[1].end), (9, 13));
        assert_eq!((s.paragraphs[1].start, s.paragraphs[1].end), (15, 20));
    }
}
