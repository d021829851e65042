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
//!
//! lingua is the costly part (about a quarter of enrichment's time when it ran on every
//! article), and most news text settles the question with its function words alone. So
//! the same count first decides by itself ([`Votes::log_odds`], a two-class naive Bayes
//! over Malayic and English function-word hits), and lingua is asked only where that
//! vote is unsure: few function words, a mix of both, or a Malaysian marker that needs
//! lingua's n-grams. `warta eval language` reports how often the two ways agree.

use foldhash::HashSet;

use crate::lexicon::Lexicon;

/// Fewer words than this and the guess is not worth making.
const MIN_WORDS: usize = 5;

/// Detection reads at most this many bytes of the body by default (cut back to a char
/// boundary).
pub const SAMPLE_BYTES: usize = 800;

/// Log-odds of Malayic against English for one function-word hit of each kind:
/// ln(P(hit | Malayic text) / P(hit | English text)). The rates were counted on the first
/// 800 bytes of every other shared Indonesian article (Malayic words 21.3% of words,
/// English words 0.28%) and every other English ScrapingHub body (0.32% and 27.0%).
const LOG_ODDS_MALAYIC_HIT: f64 = 3.75;
const LOG_ODDS_ENGLISH_HIT: f64 = 4.58;

/// The vote decides without lingua when its log-odds are at least this far from even:
/// six Malayic hits with no English one, or five English hits with no Malayic one. At
/// that distance the odds are past a billion to one, so the confidence rounds to 1.0.
const DECISIVE_LOG_ODDS: f64 = 21.0;

/// Function-word counts of a sample.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Votes {
    pub words: usize,
    /// Indonesian and Malay function words (shared by both standards).
    pub malayic: usize,
    /// Indonesian and Malay marker words (`markers-indonesian.txt`, `markers-malay.txt`).
    pub indonesian: usize,
    pub malay: usize,
    pub english: usize,
}

impl Votes {
    /// Log-odds that the text is Malayic rather than English, from the hits alone.
    pub fn log_odds(&self) -> f64 {
        LOG_ODDS_MALAYIC_HIT * self.malayic as f64 - LOG_ODDS_ENGLISH_HIT * self.english as f64
    }

    /// Enough words, and function words of at least one of the three languages.
    fn judgeable(&self) -> bool {
        self.words >= MIN_WORDS && self.malayic.max(self.english) * 20 >= self.words
    }
}

/// A detected language with a confidence in it (0..=1, relative to the other two): the
/// vote's where it decided alone, lingua's otherwise.
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

/// A confidence to four decimals: stable output, and finer differences mean nothing.
fn rounded(confidence: f64) -> f64 {
    (confidence.min(1.0) * 10_000.0).round() / 10_000.0
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
        let votes = self.votes(sample);
        if !votes.judgeable() {
            return None;
        }
        self.decide_by_votes(&votes, sample)
            .or_else(|| self.ask_lingua(sample))
    }

    /// What [`detect`](Self::detect) answers when lingua reads every text: the reference
    /// the vote's shortcut is measured against.
    pub fn detect_with_lingua(&self, text: &str) -> Option<Detection> {
        let sample = prefix(text, self.sample_bytes);
        if !self.votes(sample).judgeable() {
            return None;
        }
        self.ask_lingua(sample)
    }

    /// The vote's own decision where it is sure: English, or Indonesian when no
    /// Malaysian-only word asks for the finer split. Malay is never decided here, since
    /// telling it from Indonesian takes lingua's n-grams as well as the markers.
    fn decide_by_votes(&self, votes: &Votes, sample: &str) -> Option<Detection> {
        let odds = votes.log_odds();
        if odds.abs() < DECISIVE_LOG_ODDS {
            return None;
        }
        let code = if odds < 0.0 {
            "en"
        } else if self.id_ms_markers(sample).1 == 0 {
            "id"
        } else {
            return None;
        };
        let confidence = 1.0 / (1.0 + (-odds.abs()).exp());
        Some(Detection {
            code,
            confidence: rounded(confidence),
        })
    }

    /// lingua's decision among the three, with the markers settling Indonesian and Malay.
    fn ask_lingua(&self, sample: &str) -> Option<Detection> {
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
            confidence: rounded(confidence),
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

    /// The function-word counts of `text` (its first 2,000 words; words in capitals are
    /// left out).
    pub fn votes(&self, text: &str) -> Votes {
        let mut v = Votes::default();
        for token in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|t| !t.is_empty())
            .take(2_000)
        {
            // Words in capitals are acronyms (WIB, EUR) or shouted page furniture
            // ("SCROLL TO CONTINUE"), evidence of no language; and Indonesian "AS" (the
            // United States) is no English "as".
            if token.len() > 1 && !token.chars().any(char::is_lowercase) {
                continue;
            }
            v.words += 1;
            let lower = token.to_lowercase();
            let w = lower.as_str();
            v.malayic += usize::from(self.malayic.contains(w));
            v.indonesian += usize::from(self.indonesian.contains(w));
            v.malay += usize::from(self.malay.contains(w));
            v.english += usize::from(self.english.contains(w));
        }
        v
    }

    /// The stopword vote alone, by majority: "id", "ms" or "en", or None when the text is
    /// too short or matches none. Kept for comparison in `warta eval language`.
    pub fn stopword_vote(&self, text: &str) -> Option<&'static str> {
        let v = self.votes(text);
        if !v.judgeable() {
            return None;
        }
        if v.english > v.malayic {
            Some("en")
        } else if v.malay > v.indonesian {
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

    const INDONESIAN: &str = "Pemerintah menyatakan bahwa harga beras tidak akan naik karena stok \
        di gudang masih cukup untuk tiga bulan ke depan. Menurut dia, pasokan dari daerah juga \
        lancar dan para pedagang sudah diminta untuk tidak menimbun barang.";
    const ENGLISH: &str = "The minister said that the price of rice will not rise this year \
        because there is enough in the warehouses, and that traders have been told not to \
        hoard it while the harvest is on its way.";

    #[test]
    fn the_vote_decides_clear_text_without_lingua() {
        let d = LanguageDetector::new();
        let by_votes = |text: &str| d.decide_by_votes(&d.votes(text), text);
        let id = by_votes(INDONESIAN).expect("decided");
        assert_eq!((id.code, id.confidence), ("id", 1.0));
        let en = by_votes(ENGLISH).expect("decided");
        assert_eq!((en.code, en.confidence), ("en", 1.0));
        // The shortcut names what lingua alone names.
        for text in [INDONESIAN, ENGLISH] {
            assert_eq!(
                d.detect(text).map(|x| x.code),
                d.detect_with_lingua(text).map(|x| x.code)
            );
        }
    }

    #[test]
    fn unsure_or_malaysian_text_is_left_to_lingua() {
        let d = LanguageDetector::new();
        let by_votes = |text: &str| d.decide_by_votes(&d.votes(text), text);
        // Too few function words to be sure either way.
        assert_eq!(by_votes("Presiden tiba di Jakarta pada pagi hari."), None);
        // Half and half.
        assert_eq!(
            by_votes(
                "Dia bilang the meeting is di kantor and the rapat sudah selesai dan the end."
            ),
            None
        );
        // A Malaysian-only word needs lingua and the markers to split Malay from Indonesian.
        let malay = "Kerajaan berkata bahawa harga beras tidak akan naik kerana stok di gudang \
            masih mencukupi untuk tiga bulan dan para peniaga sudah diminta untuk tidak menyorok.";
        assert_eq!(by_votes(malay), None);
        assert_eq!(d.detect(malay).map(|x| x.code), Some("ms"));
    }

    #[test]
    fn words_in_capitals_are_no_function_words() {
        let d = LanguageDetector::new();
        let v = d.votes("Dolar AS menguat IN THE MORNING terhadap rupiah");
        assert_eq!((v.words, v.english), (4, 0));
    }
}
