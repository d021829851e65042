//! Size figures of the cleaned body, for dashboards and for filtering downstream.

use crate::output::Stats;
use crate::stages::segment::Segments;

/// Words are whitespace-separated tokens with at least one letter or digit, so a stray
/// dash or bullet is not a word.
pub fn stats(body: &str, segments: &Segments) -> Stats {
    Stats {
        words: body
            .split_whitespace()
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .count(),
        sentences: segments.sentences.len(),
        paragraphs: segments.paragraphs.len(),
    }
}

/// BLAKE3 of the body, hex: equal bodies hash equal, whatever the source.
pub fn content_hash(body: &str) -> String {
    blake3::hash(body.as_bytes()).to_hex().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::CharMap;
    use crate::stages::segment::Segmenter;

    #[test]
    fn counts_words_sentences_paragraphs() {
        let body = "Satu dua – tiga. Empat!\n\nLima 5.";
        let seg = Segmenter::new().segment(body, &CharMap::new(body));
        let s = stats(body, &seg);
        assert_eq!((s.words, s.sentences, s.paragraphs), (6, 3, 2));
        assert_eq!(content_hash(body).len(), 64);
        assert_eq!(content_hash(body), content_hash(&String::from(body)));
    }
}
