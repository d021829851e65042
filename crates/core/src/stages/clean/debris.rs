//! Scraped bodies carry whole lines that are page furniture, not article text: "Baca
//! Juga" teasers, ad slots, scroll prompts, video promos, embed placeholders, photo
//! credits, bylines and sign-offs. They are dropped line by line and counted by kind, so
//! an operator can see what the cleaner did; a line that looks like speech is kept
//! unless it is one of the exact markers.

use regex::Regex;

use super::credits::Credits;
use super::furniture::{outside_quotes, Furniture};
use crate::lexicon::Lexicon;

struct Rule {
    kind: &'static str,
    re: Regex,
    /// Exact markers are dropped whatever the line says; heuristic rules yield to the
    /// speech guard.
    exact: bool,
}

pub struct Debris {
    rules: Vec<Rule>,
    /// Rules that only apply at the end of the article.
    trailing: Vec<Rule>,
    /// Speech verbs, tried on the line outside its quoted titles.
    speech: Regex,
    /// Calls to action, embed residue and prompts, by class.
    furniture: Furniture,
    /// Bylines, bracketed credits, notices of rights and photo captions.
    credits: Credits,
}

impl Default for Debris {
    fn default() -> Self {
        Self::new()
    }
}

impl Debris {
    /// The debris rules with the shipped lexicon.
    pub fn new() -> Debris {
        Debris::with_lexicon(&Lexicon::embedded())
    }

    /// The debris rules, guarding lines with the speech verbs of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> Debris {
        let rule = |kind, pattern: &str, exact| Rule {
            kind,
            re: Regex::new(pattern).expect("debris pattern"),
            exact,
        };
        let rules = vec![
            rule(
                "read_also",
                r"^(?i:baca\s*juga)(?:\s*:.*|\s.*|[\p{Lu}\d].*)?$",
                true,
            ),
            rule(
                "read_also",
                r"^(?i:(?:simak\s+)?(?:baca|berita)\s+selengkapnya)\b.{0,80}$",
                true,
            ),
            // "Sponsored · Konten Pilihan Mitra": a sponsor's label with a few words.
            rule(
                "advertisement",
                r"^[^\p{L}\p{N}]{0,8}(?i:sponsored|konten\s+bersponsor|advertorial|paid\s+content)\b\W+\w+(?:\W+\w+){0,5}\W*$",
                true,
            ),
            // "POLLING: Setuju …? Berikan suaramu di bawah!": a poll's widget, whatever it asks.
            rule(
                "poll",
                r"^[^\p{L}\p{N}]{0,8}(?i:polling|poll|jajak\s+pendapat|kuis|quiz|survei\s+kilat|vote)\s*:.{1,250}$",
                true,
            ),
            // "ADVERTISEMENT", "- Advertisement -", "Konten Bersponsor", "Sponsored".
            rule(
                "advertisement",
                r"^[^\p{L}\p{N}]{0,8}(?i:advertisement|iklan|sponsored(?:\s+content)?|konten\s+bersponsor|advertorial|ads|promoted|paid\s+content)[^\p{L}\p{N}]{0,8}$",
                true,
            ),
            // "SCROLL TO CONTINUE WITH CONTENT", "Scroll ke bawah untuk melanjutkan membaca",
            // "Advertisement - Scroll to continue".
            rule(
                "scroll_prompt",
                r"^(?i:(?:advertisement\W*)?(?:scroll|gulir)\s+(?:to|down|ke\s+bawah|ke\s+atas|untuk)\b[^.]{0,60})$",
                true,
            ),
            // "Halaman Selanjutnya", "Halaman 2 dari 3", "Halaman : 1 2", "1 2 3 Selanjutnya »",
            // "Next page"; with the name of an icon font's arrow after it ("arrow_forward").
            rule(
                "pagination",
                r"^(?i:(?:halaman|hal\.?|page)\s*(?:selanjutnya|berikutnya|sebelumnya|:?\s*\d+(?:\s+(?:dari|of)\s+\d+|(?:\s+\d+)*))|selanjutnya|berikutnya|sebelumnya|next\s+page|next|previous|load\s+more|muat\s+lebih\s+banyak|lihat\s+selengkapnya|(?:\d+\s+){1,9}\d*\s*(?:selanjutnya|next|berikutnya)?)\s*[>»›→]*(?:\s*(?:arrow|chevron|navigate|keyboard_arrow)_(?:forward|back|right|left|next|before))?$",
                true,
            ),
            rule(
                "video_promo",
                r"^(?:Simak|Lihat|Tonton|Saksikan)(?:\s+[Jj]uga)?\s*(?i:video\b|live).{0,250}$",
                true,
            ),
            rule(
                "see_also",
                r"^(?:Simak|Lihat|Saksikan)\s+[Jj]uga\b.*$",
                true,
            ),
            rule("embed", r"^\[Gambas:[^\]]*\]$", true),
            rule("embed", r"^A post shared by\b.{0,120}$", true),
            rule(
                "photo_credit",
                r"^\(?(?i:foto|photo|ilustrasi|sumber\s+foto)\s*:[^\n]{1,150}$",
                true,
            ),
            rule(
                "syndication",
                r"^(?:(?i:sebagian)\s+(?:isi\s+)?)?(?i:artikel|berita|tulisan|konten)\s+ini\s+(?:telah|sudah|pertama kali|juga|sebelumnya)\b.{0,40}?\b(?:naik|tayang|terbit|dimuat)\b.{0,120}$",
                false,
            ),
            rule(
                "promo",
                r"^(?i:ikuti\s+(?:whatsapp|wa|telegram)\s+channel)\b.{0,80}$",
                true,
            ),
        ];
        let trailing = vec![
            // "(ant/ded)", "[fik]", "(kha)", "(Arief Setyadi )", "(*)": initials, a name
            // or a star in brackets.
            rule(
                "signoff",
                r"^[(\[](?:[a-z]{2,6}(?:\s*/\s*[a-z]{2,6})*|\p{Lu}[\p{L}.']*(?:\s+\p{Lu}[\p{L}.']*){0,3}|\*{1,3})\s*[)\]]$",
                false,
            ),
            rule("signoff", r"^[a-z]{2,6}(?:/[a-z]{2,6})+$", false),
            rule(
                "signoff",
                r"^(?:\*\s*){3}$|^-+\s*(?i:selesai|tamat|end)\s*-+$",
                true,
            ),
            // "ANDI SAPUTRA | DEWI NURITA", "BUDI SANTOSO (MAKASSAR)": reporters' names in
            // capitals close some sites' articles.
            rule(
                "signoff",
                r"^\p{Lu}[\p{Lu}.']+(?:[\s|,/()-]+\p{Lu}[\p{Lu}.']*\)?){1,9}$",
                false,
            ),
        ];
        let stems: Vec<String> = lexicon
            .speech_verbs_after
            .iter()
            .flat_map(|s| [s.to_string(), format!("{s}nya")])
            .chain(lexicon.speech_verbs_report.iter().map(|s| s.to_string()))
            .collect();
        let speech = Regex::new(&format!(r#"\b(?i:{}|said|says)\b"#, stems.join("|")))
            .expect("speech pattern");
        Debris {
            rules,
            trailing,
            speech,
            furniture: Furniture::with_lexicon(lexicon),
            credits: Credits::with_lexicon(lexicon),
        }
    }

    fn matching(&self, rules: &[Rule], line: &str) -> Option<&'static str> {
        let rule = rules.iter().find(|r| r.re.is_match(line))?;
        if !rule.exact && self.speech.is_match(&outside_quotes(line)) {
            return None;
        }
        Some(rule.kind)
    }

    /// Kind of debris a whole line is, anywhere in the article.
    pub fn kind(&self, line: &str) -> Option<&'static str> {
        self.matching(&self.rules, line)
            .or_else(|| self.credits.kind(line))
            .or_else(|| self.furniture.kind(line))
    }

    /// Kind of debris a line is when it is the last remaining line.
    pub fn trailing_kind(&self, line: &str) -> Option<&'static str> {
        self.kind(line)
            .or_else(|| self.matching(&self.trailing, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_recognised() {
        let d = Debris::new();
        for (line, kind) in [
            ("Baca Juga", "read_also"),
            ("Baca juga: Harga Cabai Naik Lagi", "read_also"),
            ("Baca juga:Harga Cabai Naik Lagi", "read_also"),
            ("Advertisement", "advertisement"),
            ("ADVERTISEMENT", "advertisement"),
            ("SCROLL TO CONTINUE WITH CONTENT", "scroll_prompt"),
            ("Simak juga Video: Banjir di Kemang", "video_promo"),
            (
                "Tonton juga video \"Banjir di Kemang\" di sini:",
                "video_promo",
            ),
            ("Saksikan Live DetikPagi :", "video_promo"),
            ("Lihat juga berita lainnya", "see_also"),
            ("[Gambas:Video 20detik]", "embed"),
            ("Foto: Dok. Humas Pemprov", "photo_credit"),
            ("(Foto: dok. Humas)", "photo_credit"),
            ("Editor: Budi Santoso", "byline"),
            ("Penulis: Rina", "byline"),
            ("Artikel ini telah tayang di detikJateng.", "syndication"),
            ("Ikuti Whatsapp Channel Republika", "promo"),
            ("Scroll ke bawah untuk melanjutkan membaca", "scroll_prompt"),
            ("Sponsored · Konten Pilihan Mitra", "advertisement"),
            ("- Advertisement -", "advertisement"),
            (
                "🗳️ POLLING: Setuju harga BBM turun? Berikan suaramu di bawah!",
                "poll",
            ),
            ("Halaman selanjutnya arrow_forward", "pagination"),
            ("Halaman : 1 2", "pagination"),
            ("1 2 3 Selanjutnya »", "pagination"),
            (
                "Sebagian artikel ini telah tayang di KabarJakarta.com dengan judul X",
                "syndication",
            ),
            ("Kontributor : Ahmad", "byline"),
            ("Copyright © KABAR 2024", "rights_notice"),
        ] {
            assert_eq!(d.kind(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn signoffs_only_at_the_end() {
        let d = Debris::new();
        assert_eq!(d.kind("(ant/ded)"), None);
        assert_eq!(d.trailing_kind("(ant/ded)"), Some("signoff"));
        assert_eq!(d.trailing_kind("(kha)"), Some("signoff"));
        assert_eq!(d.trailing_kind("(Arief Setyadi )"), Some("signoff"));
        assert_eq!(d.trailing_kind("[fik]"), Some("signoff"));
        assert_eq!(d.trailing_kind("(*)"), Some("signoff"));
        assert_eq!(
            d.trailing_kind("ANDI SAPUTRA | DEWI NURITA"),
            Some("signoff")
        );
        assert_eq!(d.kind("ANDI SAPUTRA | DEWI NURITA"), None);
    }

    #[test]
    fn content_lines_are_kept() {
        let d = Debris::new();
        for line in [
            "Baca buku itu, kata dia, sangat penting.",
            "Foto-foto yang beredar menunjukkan banjir setinggi lutut.",
            "Advertisement agency itu tumbuh pesat.",
            "\"Simak baik-baik,\" kata Andi.",
            "Simak informasi selengkapnya di bawah ini.",
            "Iklan rokok dilarang tayang di televisi sebelum pukul 21.30.",
            "Halaman rumah warga terendam air setinggi lutut.",
            "Scroll media sosial terlalu lama membuat anak sulit tidur.",
            "Polling internal partai menempatkan dia di urutan pertama.",
        ] {
            assert_eq!(d.kind(line), None, "{line}");
            assert_eq!(d.trailing_kind(line), None, "{line}");
        }
        assert_eq!(d.trailing_kind("(kata Budi)"), None);
    }
}
