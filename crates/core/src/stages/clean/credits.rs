//! Credit lines: who wrote, edited or photographed the article, and whose rights it is.
//! Every site words them its own way ("Editor: …", "Kontributor : …", "Rep: … Red: …",
//! "Laporan Wartawan Tribunjogja.com, …", "(ANTARA FOTO/…)", "Copyright © …"), so each
//! rule here reads a shape (a role before a colon, a credit in brackets, a notice of
//! rights) with its words from `data/lexicon/`.

use regex::Regex;

use super::line_pattern::LinePattern;

use crate::lexicon::Lexicon;

/// Most words of a credit line: a role and a few names, or several roles after bars.
const MAX_CREDIT_WORDS: usize = 16;
/// Most words of a copyright or no-crawling notice.
const MAX_NOTICE_WORDS: usize = 60;
/// Most words of a photo's caption before its credit.
const MAX_CAPTION_WORDS: usize = 30;
/// Longest line (in bytes) a credit rule is tried on: the longest credit, a photo caption,
/// is a sentence or two, and a flood of text must not pay for the word count.
const MAX_CREDIT_BYTES: usize = 1_000;

/// The credit rules and the roles they read.
pub struct Credits {
    /// Roles, lowercase ("editor", "sumber foto").
    roles: Vec<&'static str>,
    /// Openings of a credit without a colon, lowercase ("laporan wartawan").
    leads: Vec<&'static str>,
    bracketed: LinePattern,
    rights: LinePattern,
    no_copying: LinePattern,
    photo_caption: LinePattern,
    lone_credit: LinePattern,
    credited_caption: LinePattern,
    trailing_credit: Regex,
    labelled_tail: LinePattern,
    caption_label: LinePattern,
    bare_label: LinePattern,
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

impl Credits {
    /// The rules with the roles and leads of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> Credits {
        let re = |p: &str| LinePattern::new(p).expect("credit pattern");
        Credits {
            roles: lexicon.credit_roles.clone(),
            leads: lexicon.credit_leads.clone(),
            // "(Tribunnews.com/Dwi)", "(ANTARA FOTO/Budi/nym)", "[ant/fik]": a bracketed
            // credit, source and names after slashes.
            bracketed: re(r"^[(\[]\s*[^()\[\]/]{1,60}(?:/[^()\[\]/]{1,60})+\s*[)\]]$"),
            rights: re(
                r"^(?i:©|\(c\)\s|copyright\b|all rights reserved|hak cipta\s*(?:©|\(c\)|dilindungi))",
            ),
            // "Dilarang mengambil konten … tanpa izin tertulis", "Konten di laman ini tidak
            // boleh dikutip ulang, dirayapi, atau dipakai … tanpa izin tertulis".
            no_copying: re(concat!(
                r"^(?i:dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memperbanyak|",
                r"mereproduksi|menyiarkan|menggunakan|mempublikasikan|menayangkan))\b",
                r".*\b(?i:tanpa\s+(?:izin|seizin)|izin\s+tertulis)|",
                r"^(?i:(?:konten|artikel|berita|isi)\b.{0,40}?\bini\b.{0,20}?\b(?:tidak\s+boleh|dilarang)\s+",
                r"(?:di(?:kutip|salin|ambil|rayapi|perbanyak|gunakan|pakai|publikasikan|siarkan)|",
                r"direproduksi)\b.*\btanpa\s+(?:izin|seizin))|",
                r"^(?i:(?:seluruh|semua)\s+)?(?i:konten|isi|artikel|materi)\b.{0,40}?\bini\s+",
                r"(?i:dilindungi\s+(?:oleh\s+)?(?:undang-undang\s+)?hak\s+cipta)",
            )),
            // "… (Foto: Dok. Humas)", "… (ANTARA FOTO/Budi Santoso/nym)": a caption ends
            // with its photo's credit.
            photo_caption: re(
                r"[(\[](?:\p{Lu}[\p{L}.]*\s+){0,2}(?i:foto|photo|dok|dokumentasi)\b[^()\[\]]{0,100}[)\]]\s*$",
            ),
            // "IDN Times/Aryo Damar", "Dok. Kabar Kita/Istimewa", "KABAR/M Ali": a photo's
            // source and photographer, alone on the line.
            lone_credit: re(
                r"^(?:(?i:dok)\.?\s+|(?i:foto|photo)\s*:\s*)?\p{Lu}[\p{L}\d.+]*(?:\s+\p{Lu}[\p{L}\d.]*){0,2}\s*/\s*\p{Lu}[\p{L}.' ]{0,40}(?:/\s*\p{L}{2,12})?\.?$",
            ),
            // "… Minggu (9/3/2025). KABAR FOTO/Ahmad/nym." and "KABAR.com/Riska Kondisi
            // rumah …": a caption with its credit unbracketed at either end.
            credited_caption: re(concat!(
                r"(?:\b\p{Lu}+\s+(?:FOTO|PHOTO)/[^/]{2,60}(?:/\p{Ll}{2,6})?\.?\s*$)|",
                r"(?:^\p{Lu}[\p{L}]*\.(?:com|co\.id|id)/\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+){0,3}\s)"
            )),
            // "Suporter memadati tribun utara, Sabtu (9/11). (Agus Setiawan/JawaPos.com)": a
            // caption of one sentence, then its source and photographer in brackets.
            // Its groups are read, so it keeps the regex crate's engine.
            trailing_credit: Regex::new(
                r"^[^\x22“”]{10,300}?\s*[(\[]\s*([^()\[\]/]{2,60}?)\s*(?:/\s*([^()\[\]/]{2,60}?)\s*)?[)\]]$",
            )
            .expect("credit pattern"),
            // "Foto: Aditia Noviansyah/kumparan", "Foto/Dok. Dispenal", "©2024 Kabar.com/Arie
            // Basuki", "(c) Bola.net/Fitri": a labelled credit after a caption's full stop.
            labelled_tail: re(
                r"^(?:(?i:foto|photo)\s*[:/]\s*|\((?i:c)\)\s*|©\s*\d{0,4}\s*)(?:(?i:dok)\.?\s*)?\p{Lu}[\p{L}\d.]*(?:\s+\p{L}[\p{L}\d.]*){0,3}(?:\s*/\s*\p{L}[\p{L}.' ]{0,40})?$",
            ),
            caption_label: re(r"^(?i:ilustrasi|foto|tangkapan\s+layar|gambar)\b"),
            // "Foto :", "Photo:", "Ilustrasi": a label whose picture did not come along.
            bare_label: re(r"^(?i:foto|photo|video|ilustrasi|gambar|image)\s*:?$"),
        }
    }

    /// The kind of credit a whole line is, if it is one.
    pub fn kind(&self, line: &str) -> Option<&'static str> {
        let line = line.trim();
        if line.len() > MAX_CREDIT_BYTES {
            return None;
        }
        // Every rule has a cheap test first (length, a bracket at the end, a slash), so
        // that a paragraph of the story costs a word count and a few byte searches.
        let words = word_count(line);
        let credit = words <= MAX_CREDIT_WORDS;
        if credit
            && (self.role_credit(line) || self.credit_lead(line) || self.bracketed_credit(line))
        {
            Some("byline")
        } else if words <= MAX_NOTICE_WORDS && self.rights_notice(line) {
            Some("rights_notice")
        } else if (line.ends_with([')', ']']) && self.photo_caption.is_match(line))
            || (["FOTO/", "PHOTO/", ".com/", ".id/"]
                .iter()
                .any(|s| line.contains(s))
                && self.credited_caption.is_match(line))
            || (words <= 2 && self.bare_label.is_match(line))
            || (line.ends_with([')', ']']) && self.captioned_credit(line))
            || (line.contains(". ")
                && (["/", "©", "(c)", "Foto", "FOTO", "Photo"]
                    .iter()
                    .any(|s| line.contains(s)))
                && self.caption_then_credit(line))
            || (credit && line.contains('/') && self.lone_credit(line))
        {
            Some("photo_credit")
        } else {
            None
        }
    }

    /// A role before a colon and a few names ("Editor: Budi", "Kontributor : Ahmad",
    /// "Penulis : Rina | Editor : Budi", "Rep: Ali Red: Eko"), a team's role alone ("Tim
    /// Redaksi"), or roles between bars without colons ("Kontributor Demak, Nur | Editor
    /// Budi").
    pub fn role_credit(&self, line: &str) -> bool {
        if word_count(line) > MAX_CREDIT_WORDS {
            return false;
        }
        let lower = line.to_lowercase();
        let role_then = |part: &str, colon: bool| {
            self.roles.iter().any(|role| {
                part.strip_prefix(role).is_some_and(|rest| {
                    let rest = rest.trim_start();
                    match rest.strip_prefix(':') {
                        Some(names) => !names.trim().is_empty(),
                        None => !colon && rest.len() < part.len() - role.len(),
                    }
                })
            })
        };
        // Roles joined before one colon ("Redaktur & Reporter : Budi").
        if let Some((label, names)) = lower.split_once(':') {
            let parts: Vec<&str> = label
                .split(['&', '/', ','])
                .flat_map(|p| p.split(" dan "))
                .map(str::trim)
                .collect();
            if parts.len() > 1
                && !names.trim().is_empty()
                && parts.iter().all(|p| self.roles.contains(p))
            {
                return true;
            }
        }
        // A role alone only when it names a team ("Tim Redaksi", "Editorial Team"): a
        // one-word role alone ("Teks", "Sumber") is as likely a word of the story.
        let alone = lower.trim_end_matches([':', ' ']);
        role_then(&lower, true)
            || (alone.contains(' ') && self.roles.contains(&alone))
            || (lower.contains('|') && lower.split('|').all(|part| role_then(part.trim(), false)))
    }

    /// A credit without a colon ("Laporan Wartawan Tribunjogja.com, Bayu Setiawan"): a
    /// lead phrase, a few words, no full stop.
    pub fn credit_lead(&self, line: &str) -> bool {
        if word_count(line) > MAX_CREDIT_WORDS / 2 || line.ends_with('.') {
            return false;
        }
        let lower = line.to_lowercase();
        self.leads.iter().any(|lead| {
            lower
                .strip_prefix(lead)
                .is_some_and(|rest| rest.starts_with([' ', ':', ',']))
        })
    }

    /// A credit in brackets with a slash, whose source is a name ("(Tribunnews.com/Dwi)",
    /// "(ANTARA FOTO/Budi)"). Lowercase initials ("(ant/ded)") are a sign-off, which only
    /// closes an article (`Debris::trailing_kind`).
    pub fn bracketed_credit(&self, line: &str) -> bool {
        let source = line.split('/').next().unwrap_or_default();
        word_count(line) <= MAX_CREDIT_WORDS / 2
            && self.bracketed.is_match(line)
            && source.contains(|c: char| c.is_uppercase() || c == '.')
    }

    /// A caption of one sentence that ends with its photo's credit in brackets: an outlet
    /// and a name either way round ("… Minggu (15/9/2024). (KABARJOGJA.COM/Bayu Aji)",
    /// "… Solo. (Kabarsolo/Anggit Prasetyo)"), or a source alone after a caption that says
    /// it is one ("Ilustrasi nyamuk Aedes aegypti. (Shutterstock)"). A date in brackets,
    /// "(9/11)", names neither.
    pub fn captioned_credit(&self, line: &str) -> bool {
        let Some(c) = self.trailing_credit.captures(line) else {
            return false;
        };
        let before = &line[..c.get(1).map_or(0, |m| m.start())];
        let sentences = before
            .trim_end()
            .trim_end_matches(['(', '[', ' '])
            .trim_end_matches('.')
            .matches(". ")
            .count();
        let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        let outlet = |s: &str| {
            capital(s)
                && (s.contains('.') || !s.contains(' ') || !s.chars().any(char::is_lowercase))
        };
        let credit = match c.get(2) {
            Some(second) => {
                let (a, b) = (&c[1], second.as_str());
                (outlet(a) && capital(b)) || (capital(a) && outlet(b))
            }
            None => capital(&c[1]) && self.caption_label.is_match(line),
        };
        word_count(before) <= MAX_CAPTION_WORDS && sentences == 0 && credit
    }

    /// A caption of one sentence with its credit unbracketed after the full stop: a
    /// labelled one ("… di gerbang tol. Foto: Aditia Noviansyah/kumparan", "…
    /// Penjaringan. ©2024 Kabar.com/Arie Basuki") or a source and photographer ("…
    /// Jayawijaya. ANTARA/Yudhi Efendi"). A story's paragraph has a second sentence, or
    /// words after its full stop that are no credit.
    pub fn caption_then_credit(&self, line: &str) -> bool {
        let Some(stop) = line.find(". ") else {
            return false;
        };
        let (caption, tail) = (&line[..stop], line[stop + 2..].trim());
        let words = word_count(caption);
        (2..=MAX_CAPTION_WORDS).contains(&words)
            && !caption.contains(['"', '“', '”'])
            && (self.labelled_tail.is_match(tail) || (tail.contains('/') && self.lone_credit(tail)))
    }

    /// A photo's source and photographer alone on the line ("IDN Times/Aryo Damar",
    /// "KABAR/M Ali", "Dok. Kabar/Istimewa"). The source must read as an outlet (a dot,
    /// capitals, "Dok.") or the credit as a person's name of two words or more:
    /// "Busway/TransJakarta" in a list of the story is neither.
    pub fn lone_credit(&self, line: &str) -> bool {
        if word_count(line) > MAX_CREDIT_WORDS / 2 || !self.lone_credit.is_match(line) {
            return false;
        }
        let (source, name) = line.split_once('/').unwrap_or_default();
        let outlet = source.contains('.')
            || source.to_lowercase().starts_with("dok")
            || !source.chars().any(char::is_lowercase);
        let name = name.split('/').next().unwrap_or_default();
        outlet || word_count(name) >= 2
    }

    /// A notice of rights: "Copyright © ANTARA 2024", "Hak cipta dilindungi
    /// undang-undang", "Dilarang mengambil konten … tanpa izin tertulis".
    pub fn rights_notice(&self, line: &str) -> bool {
        word_count(line) <= MAX_NOTICE_WORDS
            && (self.rights.is_match(line) || self.no_copying.is_match(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Credits {
        Credits::with_lexicon(&Lexicon::embedded())
    }

    #[test]
    fn a_caption_with_its_credit_after_the_full_stop_is_removed() {
        let c = rules();
        for line in [
            "Warga mengantre air bersih di Cilincing. Foto: Rudi Hartono/kabarkita",
            "Kapal patroli bersandar di Bitung. Foto/Dok. Humas Polairud",
            "Pengunjung memadati pasar malam. ©2025 Kabar.com/Dedi Kurnia",
            "Kiper menepis bola. (c) Bolakita.net/Siti Aminah",
            "Panen padi di Karawang. KABAR/Yoga Pratama",
            "Ilustrasi penipuan. Foto: Pixabay",
            "Tangkapan layar unggahan warga soal jalan rusak. [TikTok]",
        ] {
            assert_eq!(c.kind(line), Some("photo_credit"), "{line}");
        }
        for line in [
            "Harga cabai naik. Pedagang/pengecer mengeluh sepi pembeli.",
            "Pemerintah menyiapkan 1.200 bus. Foto kegiatan itu diunggah ke Instagram.",
            "Rute Jakarta/Bandung dibuka kembali. Penumpang diminta datang lebih awal.",
        ] {
            assert_eq!(c.kind(line), None, "{line}");
        }
    }

    #[test]
    fn credit_lines_are_removed() {
        let c = rules();
        for line in [
            "Editor: Budi Santoso",
            "Kontributor : Ahmad Fauzi",
            "Penulis : Rina | Editor : Budi",
            "REPORTER: Dewi Lestari",
            "Rep: Ali Red: Eko",
            "Redaktur & Reporter : Hanif Wicaksono",
            "Sumber Berita: PP Kabar",
            "Sumber: KabarKita.id",
            "Laporan Wartawan Kabarkita.com, Bayu Setiawan",
            "Laporan koresponden di Makassar",
            "(Kabarkita.com/Dwi)",
            "(KABAR FOTO/Budi Santoso/nym)",
            "Kontributor Demak, Nur Zaini | Editor Teuku Fajar Arief",
            "Editorial Team",
            "Tentang Penulis: Rina adalah reporter yang meliput isu ekonomi.",
        ] {
            assert_eq!(c.kind(line), Some("byline"), "{line}");
        }
    }

    #[test]
    fn rights_notices_and_photo_captions_are_removed() {
        let c = rules();
        for line in [
            "Copyright © KABAR 2024",
            "© 2025 Kabar Kita. All rights reserved.",
            "Hak cipta dilindungi undang-undang.",
            "Dilarang mengutip, menyalin, atau memperbanyak isi berita ini tanpa izin tertulis dari redaksi.",
            "Konten di laman ini tidak boleh dikutip ulang, dirayapi, atau dipakai tanpa izin tertulis.",
            "Seluruh konten di situs ini dilindungi hak cipta. Penggunaan tanpa izin dilarang.",
        ] {
            assert_eq!(c.kind(line), Some("rights_notice"), "{line}");
        }
        for line in [
            "Petugas memeriksa tanggul yang jebol di Demak. (Foto: Dok. BPBD)",
            "Warga mengungsi ke balai desa, Minggu (3/3/2025). (KABAR FOTO/Budi Santoso/nym)",
            "Wisatawan menikmati senja di Pantai Kuta, Minggu (9/3/2025). KABAR FOTO/Ahmad Subhan/nym.",
            "KABAR.com/Riska Larasati Kondisi rumah warga yang atapnya terbang akibat puting beliung.",
            "Kabar Times/Aryo Damar",
            "KABAR/M Ali Wafi",
            "Dok. Kabar Times/Istimewa",
            "Photo :",
            "Penonton memadati tribun timur, Sabtu (9/11). (Budi Santoso/Kabar.com)",
            "Pelari melintasi gumuk pasir, Minggu (15/9/2024). (KABARJOGJA.COM/Bayu Aji)",
            "Ilustrasi siswa sekolah dasar. (SHUTTERSTOCK/Andhika Putra)",
            "Penari tampil di Jalan Slamet Riyadi, Solo. (Kabarsolo/Anggit Prasetyo)",
            "Ilustrasi nyamuk Aedes aegypti. (Shutterstock)",
        ] {
            assert_eq!(c.kind(line), Some("photo_credit"), "{line}");
        }
    }

    #[test]
    fn story_lines_about_credits_and_rights_are_kept() {
        let c = rules();
        for line in [
            "Editor senior itu pensiun setelah 30 tahun bekerja di surat kabar daerah.",
            "Sumber di kepolisian menyebut pelaku sudah lama diintai.",
            "Hak cipta lagu tersebut kini dipegang oleh ahli waris sang pencipta.",
            "Isi rapat itu tidak boleh dikutip media tanpa izin pimpinan, kata juru bicara.",
            "Dilarang merokok di area SPBU, kata petugas kepada pengendara.",
            "Laporan keuangan perusahaan itu diumumkan Senin.",
            "Laporan wartawan yang meliput di lokasi menyebut jalan masih ditutup.",
            "(kata Budi)",
            "(ant/fik)",
            "teks",
            "Sumber",
            "Busway/TransJakarta",
            "Kontributor berita daerah mendapat pelatihan dari Dewan Pers | Jakarta",
            "Harga cabai naik menjadi Rp 80.000/kg (data Dinas Perdagangan).",
            "Pertandingan digelar di Stadion Manahan, Sabtu (9/11)",
            "Banjir surut pada Senin pagi. Warga mulai membersihkan rumah. (Kabar.com/Dwi)",
            "Harga naik menjadi Rp 12.000 (Rp 10.000/kg)",
            "Harga cabai turun di pasar tradisional (Antara)",
        ] {
            assert_eq!(c.kind(line), None, "{line}");
        }
    }
}
