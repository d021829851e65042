//! Credit lines: who wrote, edited or photographed the article, and whose rights it is.
//! Every site words them its own way ("Editor: …", "Kontributor : …", "Rep: … Red: …",
//! "Laporan Wartawan Tribunjogja.com, …", "(ANTARA FOTO/…)", "Copyright © …"), so each
//! rule here reads a shape (a role before a colon, a credit in brackets, a notice of
//! rights) with its words from `data/lexicon/`.

use regex::Regex;

use crate::lexicon::Lexicon;

/// Most words of a credit line: a role and a few names, or several roles after bars.
const MAX_CREDIT_WORDS: usize = 16;
/// Most words of a copyright or no-crawling notice.
const MAX_NOTICE_WORDS: usize = 60;

/// The credit rules and the roles they read.
pub struct Credits {
    /// Roles, lowercase ("editor", "sumber foto").
    roles: Vec<&'static str>,
    /// Openings of a credit without a colon, lowercase ("laporan wartawan").
    leads: Vec<&'static str>,
    bracketed: Regex,
    rights: Regex,
    no_copying: Regex,
    photo_caption: Regex,
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

impl Credits {
    /// The rules with the roles and leads of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> Credits {
        let re = |p: &str| Regex::new(p).expect("credit pattern");
        Credits {
            roles: lexicon.credit_roles.clone(),
            leads: lexicon.credit_leads.clone(),
            // "(Tribunnews.com/Dwi)", "(ANTARA FOTO/Budi/nym)", "[ant/fik]": a bracketed
            // credit, source and names after slashes.
            bracketed: re(r"^[(\[]\s*[^()\[\]/]{1,60}(?:/[^()\[\]/]{1,60})+\s*[)\]]$"),
            rights: re(
                r"^(?i:©|\(c\)\s|copyright\b|all rights reserved|hak cipta\s*(?:©|\(c\)|dilindungi))",
            ),
            no_copying: re(concat!(
                r"^(?i:dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memperbanyak|",
                r"mereproduksi|menyiarkan|menggunakan|mempublikasikan|menayangkan))\b",
                r".*\b(?i:tanpa\s+(?:izin|seizin)|izin\s+tertulis)",
            )),
            // "… (Foto: Dok. Humas)", "… (ANTARA FOTO/Budi Santoso/nym)": a caption ends
            // with its photo's credit.
            photo_caption: re(
                r"[(\[](?:\p{Lu}[\p{L}.]*\s+){0,2}(?i:foto|photo|dok|dokumentasi)\b[^()\[\]]{0,100}[)\]]\s*$",
            ),
        }
    }

    /// The kind of credit a whole line is, if it is one.
    pub fn kind(&self, line: &str) -> Option<&'static str> {
        let line = line.trim();
        if self.role_credit(line) || self.credit_lead(line) || self.bracketed_credit(line) {
            Some("byline")
        } else if self.rights_notice(line) {
            Some("rights_notice")
        } else if self.photo_caption.is_match(line) {
            Some("photo_credit")
        } else {
            None
        }
    }

    /// A role before a colon and a few names ("Editor: Budi", "Kontributor : Ahmad",
    /// "Penulis : Rina | Editor : Budi", "Rep: Ali Red: Eko").
    pub fn role_credit(&self, line: &str) -> bool {
        if word_count(line) > MAX_CREDIT_WORDS {
            return false;
        }
        let lower = line.to_lowercase();
        self.roles.iter().any(|role| {
            lower.strip_prefix(role).is_some_and(|rest| {
                rest.trim_start()
                    .strip_prefix(':')
                    .is_some_and(|names| !names.trim().is_empty())
            })
        })
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
    fn credit_lines_are_removed() {
        let c = rules();
        for line in [
            "Editor: Budi Santoso",
            "Kontributor : Ahmad Fauzi",
            "Penulis : Rina | Editor : Budi",
            "REPORTER: Dewi Lestari",
            "Rep: Ali Red: Eko",
            "Sumber: KabarKita.id",
            "Laporan Wartawan Kabarkita.com, Bayu Setiawan",
            "Laporan koresponden di Makassar",
            "(Kabarkita.com/Dwi)",
            "(KABAR FOTO/Budi Santoso/nym)",
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
        ] {
            assert_eq!(c.kind(line), Some("rights_notice"), "{line}");
        }
        for line in [
            "Petugas memeriksa tanggul yang jebol di Demak. (Foto: Dok. BPBD)",
            "Warga mengungsi ke balai desa, Minggu (3/3/2025). (KABAR FOTO/Budi Santoso/nym)",
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
            "Dilarang merokok di area SPBU, kata petugas kepada pengendara.",
            "Laporan keuangan perusahaan itu diumumkan Senin.",
            "Laporan wartawan yang meliput di lokasi menyebut jalan masih ditutup.",
            "(kata Budi)",
            "(ant/fik)",
            "Harga cabai naik menjadi Rp 80.000/kg (data Dinas Perdagangan).",
        ] {
            assert_eq!(c.kind(line), None, "{line}");
        }
    }
}
