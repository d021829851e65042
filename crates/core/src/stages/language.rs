//! Which language the article is in, so downstream consumers can route it. The input's own
//! `language` field wins; otherwise the lingua detector, loaded with only the Indonesian,
//! Malay and English models, decides among those three and says how sure it is.
//!
//! lingua compares character n-gram statistics, so on its own it would name one of its
//! three languages for any text at all. A cheap stopword count runs first and answers
//! "none of these" (null) for text too short to judge or with almost no Indonesian, Malay
//! or English function words (another language, a table of numbers). Detection reads a
//! prefix of the body: a few hundred words decide as well as a whole article, and the
//! cost stays flat however long the article is.

use std::collections::HashSet;

use crate::lexicon::Lexicon;

/// Fewer words than this and the guess is not worth making.
const MIN_WORDS: usize = 5;

/// Detection reads at most this many bytes of the body by default (cut back to a char
/// boundary).
pub const SAMPLE_BYTES: usize = 800;

/// A detected language with lingua's confidence in it (0..=1, relative to the other two).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    pub code: &'static str,
    pub confidence: f64,
}

/// The lingua detector for Indonesian, Malay and English. Its models load lazily on
/// first use (a few tens of milliseconds).
fn lingua_detector() -> lingua::LanguageDetector {
    use lingua::Language::{English, Indonesian, Malay};
    lingua::LanguageDetectorBuilder::from_languages(&[Indonesian, Malay, English]).build()
}

fn iso(language: lingua::Language) -> &'static str {
    match language {
        lingua::Language::Indonesian => "id",
        lingua::Language::Malay => "ms",
        _ => "en",
    }
}

/// The first `max` bytes of `text`, cut back to a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The stopword vote and the lingua detector, built once from a [`Lexicon`].
///
/// The marker lists (Indonesian `bahwa`/`karena`/`uang`, Malaysian `bahawa`/`kerana`/
/// `wang`) settle the two close standards: lingua's n-gram statistics confuse them now
/// and then (about 1% of the shared Indonesian articles came out Malay, often with
/// confidence 1.0).
pub struct LanguageDetector {
    lingua: lingua::LanguageDetector,
    malayic: HashSet<&'static str>,
    indonesian: HashSet<&'static str>,
    malay: HashSet<&'static str>,
    english: HashSet<&'static str>,
    id_only: HashSet<&'static str>,
    ms_only: HashSet<&'static str>,
    /// Detection reads at most this many bytes of the body.
    pub sample_bytes: usize,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl LanguageDetector {
    /// The detector with the shipped lexicon.
    pub fn new() -> LanguageDetector {
        LanguageDetector::with_lexicon(&Lexicon::embedded())
    }

    /// The detector voting with the function words and markers of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> LanguageDetector {
        let set = |words: &[&'static str]| words.iter().copied().collect();
        LanguageDetector {
            lingua: lingua_detector(),
            malayic: set(&lexicon.function_words_malayic),
            indonesian: set(&lexicon.markers_indonesian),
            malay: set(&lexicon.markers_malay),
            english: set(&lexicon.function_words_english),
            id_only: set(&lexicon.markers_indonesian_only),
            ms_only: set(&lexicon.markers_malay_only),
            sample_bytes: SAMPLE_BYTES,
        }
    }

    /// The declared language (normalized to its primary subtag, no confidence) or the
    /// detected one with its confidence; `(None, None)` when undecided.
    pub fn language(&self, declared: Option<&str>, body: &str) -> (Option<String>, Option<f64>) {
        if let Some(code) = declared
            .map(|d| {
                d.trim()
                    .split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .to_lowercase()
            })
            .filter(|d| !d.is_empty())
        {
            return (Some(code), None);
        }
        match self.detect(body) {
            Some(d) => (Some(d.code.to_string()), Some(d.confidence)),
            None => (None, None),
        }
    }

    /// "id", "ms" or "en" with a confidence, or None when the text is too short or has
    /// too few function words of any of the three.
    pub fn detect(&self, text: &str) -> Option<Detection> {
        let sample = prefix(text, self.sample_bytes);
        self.stopword_vote(sample)?;
        let values = self.lingua.compute_language_confidence_values(sample);
        let &(top, top_confidence) = values.first()?;
        if top_confidence <= 0.0 {
            return None;
        }
        let confidence_of = |language: lingua::Language| {
            values
                .iter()
                .find(|(l, _)| *l == language)
                .map_or(0.0, |(_, c)| *c)
        };
        let (mut code, mut confidence) = (iso(top), top_confidence);
        if code != "en" {
            let (id, ms) = self.id_ms_markers(sample);
            // Malay needs Malaysian words; without them the text is taken as Indonesian,
            // the language this worker is for. lingua alone called ~1% of the shared
            // Indonesian articles Malay even where no Malaysian word appears.
            let chosen = if ms > id {
                lingua::Language::Malay
            } else {
                lingua::Language::Indonesian
            };
            if chosen != top {
                // The markers overrule lingua: as sure as their majority, within the share
                // lingua gives the two languages together.
                let (won, all) = (id.max(ms) as f64, (id + ms) as f64);
                let malayic = confidence_of(lingua::Language::Indonesian)
                    + confidence_of(lingua::Language::Malay);
                code = iso(chosen);
                confidence = confidence_of(chosen).max((won + 1.0) / (all + 2.0) * malayic);
            }
        }
        Some(Detection {
            code,
            // Four decimals: stable output, and finer differences mean nothing.
            confidence: (confidence.min(1.0) * 10_000.0).round() / 10_000.0,
        })
    }

    /// Counts of Indonesian-only and Malay-only words in `text`.
    fn id_ms_markers(&self, text: &str) -> (usize, usize) {
        let (mut id, mut ms) = (0, 0);
        for token in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|t| !t.is_empty() && t.len() <= 16)
        {
            let lower = token.to_lowercase();
            id += usize::from(self.id_only.contains(lower.as_str()));
            ms += usize::from(self.ms_only.contains(lower.as_str()));
        }
        (id, ms)
    }

    /// The stopword vote alone: "id", "ms" or "en", or None when the text is too short or
    /// matches none. Used as the gate before lingua, and kept for comparison.
    pub fn stopword_vote(&self, text: &str) -> Option<&'static str> {
        let (mut words, mut malayic, mut id, mut ms, mut en) = (0usize, 0, 0, 0, 0);
        for token in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|t| !t.is_empty())
            .take(2_000)
        {
            words += 1;
            let lower = token.to_lowercase();
            let w = lower.as_str();
            malayic += usize::from(self.malayic.contains(w));
            id += usize::from(self.indonesian.contains(w));
            ms += usize::from(self.malay.contains(w));
            en += usize::from(self.english.contains(w));
        }
        if words < MIN_WORDS || malayic.max(en) * 20 < words {
            return None;
        }
        if en > malayic {
            Some("en")
        } else if ms > id {
            Some("ms")
        } else {
            Some("id")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_language_wins() {
        let d = LanguageDetector::new();
        assert_eq!(
            d.language(Some("EN-us"), "Ini adalah berita yang panjang sekali."),
            (Some("en".into()), None)
        );
    }

    #[test]
    fn detects_indonesian_english_malay() {
        let d = LanguageDetector::new();
        let code = |text: &str| d.detect(text).map(|x| x.code);
        assert_eq!(
            code(
                "Pemerintah menyatakan bahwa harga beras tidak akan naik karena stok masih cukup."
            ),
            Some("id")
        );
        assert_eq!(
            code("The minister said that the price of rice will not rise this year."),
            Some("en")
        );
        assert_eq!(
            code(
                "Kerajaan berkata bahawa harga beras tidak akan naik kerana stok masih mencukupi."
            ),
            Some("ms")
        );
        let (lang, confidence) = d.language(
            None,
            "Pemerintah menyatakan bahwa harga beras tidak akan naik karena stok masih cukup.",
        );
        assert_eq!(lang.as_deref(), Some("id"));
        assert!(
            confidence.is_some_and(|c| c > 0.5 && c <= 1.0),
            "{confidence:?}"
        );
    }

    #[test]
    fn sample_is_cut_at_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(prefix(&text, SAMPLE_BYTES).len() <= SAMPLE_BYTES);
        assert_eq!(prefix("abc", SAMPLE_BYTES), "abc");
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(LanguageDetector::new().detect("Jakarta banjir"), None);
        assert_eq!(
            LanguageDetector::new().detect("Xyzzy plugh qwerty asdf zxcv bnm"),
            None
        );
    }
}
