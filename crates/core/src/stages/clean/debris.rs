//! Scraped bodies carry whole lines that are page furniture, not article text: "Baca
//! Juga" teasers, ad slots, scroll prompts, video promos, embed placeholders, photo
//! credits, bylines and sign-offs. They are dropped line by line and counted by kind, so
//! an operator can see what the cleaner did; a line that looks like speech is kept
//! unless it is one of the exact markers.

use std::sync::Arc;

use regex::Regex;

use super::credits::Credits;
use super::furniture::{outside_quotes, Furniture};
use super::line_pattern::LinePattern;
use crate::lexicon::Lexicon;

#[derive(Clone)]
struct Rule {
    kind: &'static str,
    /// Shared where one pattern serves in two lists, so it is compiled once and keeps
    /// one cache per thread.
    re: Arc<LinePattern>,
    /// Exact markers are dropped whatever the line says; heuristic rules yield to the
    /// speech guard.
    exact: bool,
}

/// "Kabar.com, JAKARTA", "Kabarjogja.com | Jogjapolitan", "Tim Kabar.com": the site's
/// name, with a city or a section, on a line of its own.
const MASTHEAD: &str = r"^(?:(?i:tim|redaksi)\s+)?[\p{L}\d]+(?:\.[\p{L}\d]+)*\.(?i:com|co\.id|id|net|tv|co|or\.id)(?:\s*[,|–-]\s*\p{L}[\p{L} ]{1,30})?$";
/// "Media Kabar | Politik dan Hukum": a site's name and section.
const BREADCRUMB: &str = r"^\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}\s+\|\s+\p{Lu}\p{L}*(?:\s+(?:dan|&|\p{Lu}\p{L}*)){0,4}$";

/// Longest page header line (in bytes): a timestamp with the writer's name and role.
const MAX_HEADER_BYTES: usize = 160;
/// Longest label of a page's header ([`Debris::header_label`]), in bytes and in words.
const MAX_LABEL_BYTES: usize = 40;
const MAX_LABEL_WORDS: usize = 3;

pub struct Debris {
    rules: Vec<Rule>,
    /// Rules that only apply at the end of the article.
    trailing: Vec<Rule>,
    /// Rules that only apply before the article's first line of text.
    leading: Vec<Rule>,
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
            re: Arc::new(LinePattern::new(pattern).expect("debris pattern")),
            exact,
        };
        // The masthead rule is both a trailing and a leading rule; its pattern is one of
        // the largest of the cleaner's.
        let masthead = Rule {
            kind: "masthead",
            re: Arc::new(LinePattern::new(MASTHEAD).expect("debris pattern")),
            exact: false,
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
                r"^(?i:(?:advertisement\W*)?(?:scroll|gulir)\s+(?:to|down|ke\s+bawah|ke\s+atas|untuk)\b[^.]{0,60}|(?:lanjutkan|lanjut)\s+membaca\b[^.]{0,40}|continue\s+reading\b[^.]{0,40})$",
                true,
            ),
            // "Halaman Selanjutnya", "Halaman 2 dari 3", "Halaman : 1 2", "1 2 3 Selanjutnya »",
            // "Next page"; with the name of an icon font's arrow after it ("arrow_forward").
            rule(
                "pagination",
                r"^(?i:(?:halaman|hal\.?|page)\s*(?:selanjutnya|berikutnya|sebelumnya|:?\s*\d+(?:\s*/\s*\d+|\s+(?:dari|of)\s+\d+|(?:\s+\d+)*)(?:\s+(?:selanjutnya|berikutnya|next))?)|selanjutnya|berikutnya|sebelumnya|next\s+page|next|previous|load\s+more|muat\s+lebih\s+banyak|lihat\s+selengkapnya|(?:\d+\s+){1,9}\d*\s*(?:selanjutnya|next|berikutnya)?)\s*[>»›→]*(?:\s*(?:arrow|chevron|navigate|keyboard_arrow)_(?:forward|back|right|left|next|before))?$",
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
            // "Diperbarui 12 Jan 2025, 10:14 WIB", "Terakhir diperbarui pada 3 Februari 2025
            // oleh": when the page was changed.
            rule(
                "timestamp",
                r"^(?i:(?:terakhir\s+)?(?:diperbarui|diperbaharui|diterbitkan|dipublikasikan)|(?:last\s+)?updated|published)\b:?(?:\s+\S+){0,3}\s+\d{4}\b(?:\s*,?\s*\S+){0,4}$",
                true,
            ),
            // "Artikel ini telah diperbarui pada pukul 08.30 WIB …", "Diunggah oleh redaksi
            // pukul 13.05, …": a note on the article's own publishing. A story's "Data itu
            // diperbarui pukul 10.00" has its subject first.
            rule(
                "update_note",
                r"^(?i:(?:artikel|berita|tulisan|konten)\s+ini\s+(?:telah\s+|sudah\s+|terakhir\s+)?(?:diperbarui|diperbaharui|dikoreksi|diralat|direvisi|diubah|diupdate)\b|(?:diperbarui|diunggah|diupdate|updated)\b[^.]{0,80}?\b\d{1,2}[.:]\d{2}\b)",
                false,
            ),
            // "waktu baca 2 menit", "5 min read": the page's estimate of reading time.
            rule(
                "reading_time",
                r"^(?i:(?:waktu|estimasi(?:\s+waktu)?|lama)\s+(?:baca|membaca)\b|\d+\s+menit\s+(?:baca|membaca)\b|reading\s+time\b|\d+\s+min(?:ute)?s?\s+read\b)[^.]{0,20}$",
                true,
            ),
            // "·", "***", "—": a separator or a widget's stray mark, no word in it. Short
            // only: a body that is all marks is kept for the later stages to judge. A
            // bracketed mark ("(*)") signs off, and only at the end.
            rule("separator", r"^[^\p{L}\p{N}()\[\]]{1,10}$", true),
            // "Tag #whatsapp #tips teknologi": the page's tags.
            rule(
                "tags",
                r"^(?i:tags?|topik|label)\s*:?\s+#\S+(?:\s+\S+){0,12}$",
                true,
            ),
            // "00:00 / 02:47", "▶ Putar | 00:00 / 02:31 | Volume", "Ukuran teks A- A+",
            // "Lewati iklan dalam 5": a player's clock and buttons, a text-size control.
            rule(
                "page_control",
                r"^(?:(?:\S+\s+){0,4}\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S+){0,4}|(?i:ukuran\s+(?:teks|huruf|font)|text\s+size|font\s+size|lewati\s+iklan|skip\s+ad)\b.{0,20})$",
                true,
            ),
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
            // "(ant/ded)", "(mcr9/jpnn)", "(mag-1/ila)", "(kmb/balipost)", "[fik]", "(kha)",
            // "(Arief Setyadi )", "(*)", "(Z-8)": initials (with a desk's number), a name, a
            // star or a desk's code in brackets.
            rule(
                "signoff",
                r"^[(\[](?:[a-z]{1,10}(?:-?\d{1,3})?(?:\s*/\s*[a-z]{1,10}(?:-?\d{1,3})?)*|\p{Lu}[\p{L}.']*(?:\s+\p{Lu}[\p{L}.']*){0,3}|\*{1,3}|\p{Lu}{1,3}-\d{1,3})\s*[)\]]$",
                false,
            ),
            rule("signoff", r"^[a-z]{2,6}(?:/[a-z]{2,6})+$", false),
            rule(
                "signoff",
                r"^(?:\*\s*){3}$|^-+\s*(?i:selesai|tamat|end)\s*-+$",
                true,
            ),
            // "Rahma Aulia adalah reporter yang meliput …", "Rendy menulis seputar gawai
            // …": the writer's bio under the article.
            rule(
                "byline",
                r"^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}\s+(?:(?i:adalah|merupakan|is)\s+(?i:seorang\s+|a\s+|an\s+)?(?i:reporter|jurnalis|wartawan|penulis|editor|kontributor|redaktur|pewarta|writer|journalist|correspondent)|(?i:menulis|meliput)\s+(?i:seputar|tentang|soal|isu|berita))\b.{0,250}$",
                false,
            ),
            // "ANDI SAPUTRA | DEWI NURITA", "BUDI SANTOSO (MAKASSAR)": reporters' names in
            // capitals close some sites' articles.
            rule(
                "signoff",
                r"^\p{Lu}[\p{Lu}.']+(?:[\s|,/()-]+\p{Lu}[\p{Lu}.']*\)?){1,9}$",
                false,
            ),
            // After the sign-offs: "Kabarjogja.com | Jogjapolitan", "Media Kabar | Politik dan Hukum": the site's
            // name and section under the article.
            masthead.clone(),
            rule("masthead", BREADCRUMB, false),
        ];
        // The page's header, above the first paragraph: a timestamp, the writer with the
        // outlet, the outlet's name. In the story such a line is a schedule's item or a
        // caption, never its first line.
        let leading = vec![
            // "Jumat, 08 Mar 2024 20:11 WIB", "Artikel Kabar.com - Jumat, 8 Maret 2024 |
            // 11:40 WIB", "Budi Santoso, Jurnalis · Minggu 09 Maret 2025 21:15 WIB",
            // "4 April 2024 16:12 WIB".
            rule(
                "timestamp",
                r"^(?:[^·|–\n]{1,40}[·|–-]\s*)?(?:[\p{L}\d.]+\s+){0,3}(?:[-–|]\s*)?(?:(?i:diperbarui|diterbitkan|dipublikasikan|terbit|update|updated|published)\s*:?\s*)?(?:(?i:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s+)?\d{1,2}\s+\p{L}+\.?\s+\d{4}\s*(?:[-–|,]\s*)?(?:(?i:pukul)\s+)?\d{1,2}[:.]\d{2}(?:\s*(?i:wib|wita|wit))?$",
                true,
            ),
            // "Budi Santoso - detikNews", "Market - Ani Rahma, CNBC Indonesia".
            rule(
                "byline",
                r"^\p{Lu}[\p{L}.' ]{1,40}?\s*[-–|]\s*(?:\p{Lu}[\p{L}.' ]{1,40}?,\s*)?(?:detik\p{L}+|[\p{L}\d]+\.(?:com|co\.id|id)|\p{Lu}{2,5}\s+Indonesia)$",
                false,
            ),
            masthead,
            // "CNN Indonesia", "CNBC Indonesia": a network's name on its own.
            rule("masthead", r"^\p{Lu}{2,5}\s+Indonesia$", true),
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
            leading,
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

    /// Whether a line announces related links' titles on the lines after it: a heading
    /// with nothing after it, or a call that ends in a colon.
    pub fn announces_links(&self, line: &str) -> bool {
        self.furniture.announces_links(line)
    }

    /// Whether a line asks the reader a question, as a poll does.
    pub fn asks_reader(&self, line: &str) -> bool {
        self.furniture.asks_reader(line)
    }

    /// Whether a line heads a how-to, whose steps are the story.
    pub fn heads_how_to(&self, line: &str) -> bool {
        self.furniture.heads_how_to(line)
    }

    /// Kind of page header a line is when it stands before the article's first line of
    /// text. Only the header rules: the line has been judged by [`Debris::kind`] already.
    pub fn leading_kind(&self, line: &str) -> Option<&'static str> {
        // A header is short; the first paragraph, tried here every time, is not.
        if line.len() > MAX_HEADER_BYTES {
            return None;
        }
        self.matching(&self.leading, line)
    }

    /// Whether a line above the article's first paragraph, and no dateline, is a label
    /// of the page's header: a section ("kumparanNEWS", "Kalbar"), the writer's name
    /// alone, a reading time ("waktu baca 2 menit"), "loading...". Three words at most,
    /// no sentence's end and no speech: a lead paragraph is longer, and a body's first
    /// line is never a heading of three words.
    pub fn header_label(&self, line: &str) -> bool {
        let line = line.trim();
        let end = line.trim_end_matches(['.', '…']);
        line.len() <= MAX_LABEL_BYTES
            && line.split_whitespace().count() <= MAX_LABEL_WORDS
            && !end.ends_with(['!', '?', '"', '”', ':'])
            // "loading..." trails off; "Selesai." ends a sentence.
            && (end.len() == line.len() || line.ends_with("...") || line.ends_with('…'))
            && !self.speech.is_match(line)
    }

    /// Kind of closing line (a sign-off, a masthead, a bio) a line is when nothing but
    /// furniture follows it. Only the closing rules: the line has been judged by
    /// [`Debris::kind`] already.
    pub fn closing_kind(&self, line: &str) -> Option<&'static str> {
        self.matching(&self.trailing, line)
    }

    /// Kind of debris a line is when it is the last remaining line.
    #[cfg(test)]
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
            ("Halaman 1 2 Selanjutnya", "pagination"),
            ("Halaman: 1 2 Selanjutnya", "pagination"),
            ("Lanjutkan membaca artikel di bawah", "scroll_prompt"),
            ("00:00 / 02:47", "page_control"),
            ("Ukuran teks A- A+", "page_control"),
            ("▶ Putar | 00:00 / 02:31 | Volume", "page_control"),
            ("Lewati iklan dalam 5", "page_control"),
            ("Diperbarui 12 Jan 2025, 10:14 WIB", "timestamp"),
            ("Terakhir diperbarui pada 3 Februari 2025 oleh", "timestamp"),
            ("Tag #whatsapp #tips teknologi", "tags"),
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
    fn notes_on_publishing_reading_times_separators_and_page_numbers_are_removed() {
        let d = Debris::new();
        for (line, kind) in [
            (
                "Artikel ini telah diperbarui pada pukul 09.15 WIB.",
                "update_note",
            ),
            (
                "Diunggah pukul 07.40, diperbarui setelah rilis resmi.",
                "update_note",
            ),
            ("Diperbarui: 3 Maret 2025, 19:05", "timestamp"),
            ("waktu baca 3 menit", "reading_time"),
            ("4 menit membaca", "reading_time"),
            ("·", "separator"),
            ("* * *", "separator"),
            ("Halaman 2 / 3", "pagination"),
        ] {
            assert_eq!(d.kind(line), Some(kind), "{line}");
        }
        for line in [
            "Data itu diperbarui pukul 10.00 WIB oleh BMKG.",
            "Berita ini cepat menyebar di grup WhatsApp warga.",
            "Waktu baca siswa kelas 4 rata-rata hanya 15 menit sehari, menurut survei itu.",
            "5/5",
        ] {
            assert_eq!(d.kind(line), None, "{line}");
        }
    }

    #[test]
    fn short_labels_are_header_lines_but_sentences_are_not() {
        let d = Debris::new();
        for line in [
            "kabarTEKNO",
            "Jawa Tengah",
            "Siti Rahmawati Putri",
            "loading...",
            "Kabar.com, JAKARTA —",
        ] {
            assert!(d.header_label(line), "{line}");
        }
        for line in [
            "Banjir surut.",
            "Siapa menang?",
            "Budi Santoso mengatakan:",
            "Pemerintah Kota Bogor menutup empat ruas jalan",
        ] {
            assert!(!d.header_label(line), "{line}");
        }
    }

    #[test]
    fn page_headers_only_at_the_start() {
        let d = Debris::new();
        for line in [
            "Jumat, 08 Mar 2024 20:11 WIB",
            "Minggu, 10 Maret 2024 - 13:45 WIB",
            "Artikel Kabar.com - Jumat, 8 Maret 2024 | 11:40 WIB",
            "Budi Santoso - detikNews",
            "Market - Ani Rahma, CNBC Indonesia",
            "Kabar.com, JAKARTA",
            "Tim Kabar.com",
            "Budi Santoso, Jurnalis · Minggu 09 Maret 2025 21:15 WIB",
            "CNN Indonesia",
            "7 Mei 2025 14:20 WIB",
            "Rabu, 12 Februari 2025 | 09:30",
        ] {
            assert!(d.leading_kind(line).is_some(), "{line}");
            assert_eq!(d.kind(line), None, "{line}");
        }
        for line in [
            "Jumat, 8 Maret 2024: laga Persib melawan Persija pukul 19.00 WIB.",
            "Pertandingan digelar Jumat, 8 Maret 2024 pukul 19.00 WIB.",
            "Budi Santoso - warga Bekasi - mengaku kehilangan motornya.",
        ] {
            assert_eq!(d.leading_kind(line), None, "{line}");
        }
        assert_eq!(
            d.trailing_kind("Kabarjogja.com | Jogjapolitan"),
            Some("masthead")
        );
        assert_eq!(
            d.trailing_kind("Media Kabar | Politik dan Hukum"),
            Some("masthead")
        );
        assert_eq!(d.trailing_kind("Harga cabai naik | kata pedagang."), None);
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
        assert_eq!(d.trailing_kind("(mcr9/jpnn)"), Some("signoff"));
        assert_eq!(d.trailing_kind("(Z-8)"), Some("signoff"));
        assert_eq!(d.trailing_kind("(mag-1/ila)"), Some("signoff"));
        assert_eq!(d.trailing_kind("(dra/k16)"), Some("signoff"));
        assert_eq!(d.trailing_kind("(kmb/kabarbali)"), Some("signoff"));
        assert_eq!(d.trailing_kind("(9/11)"), None);
        let bio = "Rahma Aulia adalah reporter yang meliput isu pendidikan sejak 2019.";
        assert_eq!(d.trailing_kind(bio), Some("byline"));
        assert_eq!(d.kind(bio), None);
        let bio = "Rendy Aditya menulis seputar gawai dan gim sejak 2017. Hobi bersepeda.";
        assert_eq!(d.trailing_kind(bio), Some("byline"));
        assert_eq!(
            d.trailing_kind("Budi adalah wartawan senior yang dipukul saat meliput, kata polisi."),
            None
        );
        assert_eq!(d.trailing_kind("(2-1)"), None);
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
            "Diperbarui pada 2020, aturan itu mewajibkan semua kendaraan memakai pelat baru.",
            "Laga dimulai pukul 19:30 / 20:30 WITA dan disiarkan langsung oleh dua stasiun televisi nasional.",
        ] {
            assert_eq!(d.kind(line), None, "{line}");
            assert_eq!(d.trailing_kind(line), None, "{line}");
        }
        assert_eq!(d.trailing_kind("(kata Budi)"), None);
    }
}
