//! Which language the article is in, so downstream consumers can route it. The input's own
//! `language` field wins; otherwise a cheap stopword count decides between Indonesian,
//! Malay and English. It sits behind one function so a real detector can replace it.

use std::collections::HashSet;

/// Function words common to Indonesian and Malay.
const MALAYIC: &[&str] = &[
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "tidak", "akan",
    "dalam", "juga", "ada", "oleh", "atau", "mereka", "kami", "kita", "telah", "lebih", "bagi",
    "sebagai", "kepada", "hingga", "namun", "para", "saat", "ia", "dia", "beliau", "adalah",
    "serta", "tetapi", "masih", "lagi", "sangat", "antara", "bahwa", "bahawa", "karena", "kerana",
    "sudah", "boleh", "bisa", "tersebut", "iaitu", "yakni", "selepas", "setelah", "sahaja", "saja",
    "daripada", "kata", "ujar", "menurut", "seperti",
];

/// Words that mark Indonesian against Malay.
const INDONESIAN: &[&str] = &[
    "bahwa",
    "karena",
    "bisa",
    "tersebut",
    "setelah",
    "saja",
    "yakni",
    "sudah",
    "tapi",
    "nggak",
    "enggak",
    "pemerintah",
    "bagaimana",
    "sejumlah",
    "ujar",
    "tahun",
    "kalau",
    "agar",
    "sedang",
    "seperti",
];

/// Words that mark Malay against Indonesian.
const MALAY: &[&str] = &[
    "bahawa",
    "kerana",
    "boleh",
    "sahaja",
    "selepas",
    "iaitu",
    "kerajaan",
    "semasa",
    "hendak",
    "manakala",
    "berkata",
    "ialah",
    "kenyataan",
    "negeri",
    "sebarang",
    "tuan",
];

const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "by",
    "at", "from", "he", "she", "said", "are", "be", "this", "have", "has", "an", "not", "but",
    "his", "her", "they", "will", "which", "were", "been", "would", "their", "its", "who",
];

/// Fewer words than this and the guess is not worth making.
const MIN_WORDS: usize = 5;

pub struct LanguageDetector {
    malayic: HashSet<&'static str>,
    indonesian: HashSet<&'static str>,
    malay: HashSet<&'static str>,
    english: HashSet<&'static str>,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl LanguageDetector {
    pub fn new() -> LanguageDetector {
        let set = |words: &[&'static str]| words.iter().copied().collect();
        LanguageDetector {
            malayic: set(MALAYIC),
            indonesian: set(INDONESIAN),
            malay: set(MALAY),
            english: set(ENGLISH),
        }
    }

    /// The declared language (normalized to its primary subtag) or a detected one.
    pub fn language(&self, declared: Option<&str>, body: &str) -> Option<String> {
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
            return Some(code);
        }
        self.detect(body).map(str::to_string)
    }

    /// "id", "ms" or "en", or None when the text is too short or matches none.
    pub fn detect(&self, text: &str) -> Option<&'static str> {
        let (mut words, mut malayic, mut id, mut ms, mut en) = (0usize, 0, 0, 0, 0);
        // A prefix is plenty for a stopword vote and keeps long articles cheap.
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
            Some("en".into())
        );
    }

    #[test]
    fn detects_indonesian_english_malay() {
        let d = LanguageDetector::new();
        assert_eq!(
            d.detect(
                "Pemerintah menyatakan bahwa harga beras tidak akan naik karena stok masih cukup."
            ),
            Some("id")
        );
        assert_eq!(
            d.detect("The minister said that the price of rice will not rise this year."),
            Some("en")
        );
        assert_eq!(
            d.detect(
                "Kerajaan berkata bahawa harga beras tidak akan naik kerana stok masih mencukupi."
            ),
            Some("ms")
        );
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
