//! Indonesian outlets open the body with a dateline ("Liputan6.com, Jakarta - ",
//! "JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - "). It is metadata, not text: it is
//! extracted into `Dateline` and cut from the body so the first sentence starts clean.
//! Some scrapers glue it to the text ("Liputan6.com, JakartaKita semua…"); that form is
//! only recognised with a known city, since nothing else marks where the place ends.

use regex::Regex;

use crate::lexicon::Lexicon;

const PLACES: &str = include_str!("../../../../../data/gazetteers/places.txt");
use crate::output::Dateline;

const DASH: &str = r"(?:--|-|–|—)";
/// A place: up to four capitalised words, each all caps or capital + lower case, so a
/// place glued to the text ("JakartaTimnas") is not taken whole.
const LOC: &str = r"\p{Lu}(?:[\p{Lu}.'’]*|[\p{Ll}.'’]*)(?:\s\p{Lu}(?:[\p{Lu}.'’]*|[\p{Ll}.'’]*)){0,3}(?:,\s*\p{Lu}{2}\b)?";
const DOMAIN: &str = r"[\p{L}\d]+(?:\.[A-Za-z]{2,4}){1,3}";
const NAMED_OUTLETS: &str = r"CNN Indonesia|ANTARA|Antara|ANTARA News|Okezone|iNews";

pub struct Datelines {
    /// Tried in order; each has `outlet` and/or `loc` groups and ends where the text begins.
    patterns: Vec<Regex>,
    glued: Regex,
    /// "Liputan6.com, Gunung SitoliGubernur…": a place of capitalised words glued to
    /// the next capitalised word, with nothing between.
    glued_any: Regex,
    /// "Jakarta - " without an outlet: only with a known city or an all-caps place.
    bare: Regex,
    cities_lower: Vec<String>,
}

impl Default for Datelines {
    fn default() -> Self {
        Self::new()
    }
}

/// A dateline found at the start of a line: what it says and how many bytes it covers.
pub struct Found {
    pub dateline: Dateline,
    pub len: usize,
}

impl Datelines {
    /// The dateline rules with the shipped lexicon.
    pub fn new() -> Datelines {
        Datelines::with_lexicon(&Lexicon::embedded())
    }

    /// The dateline rules for the places of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> Datelines {
        let re = |p: String| Regex::new(&p).expect("dateline pattern");
        let outlet = format!("(?:{DOMAIN}|{NAMED_OUTLETS})");
        let patterns = vec![
            // Liputan6.com, Jakarta - / TEMPO.CO,Jakarta- / REPUBLIKA.CO.ID, JAKARTA --
            re(format!(
                r"^(?P<outlet>{DOMAIN})\s*,\s*(?P<loc>{LOC})\s*{DASH}\s*"
            )),
            // JAKARTA, KOMPAS.com - / Jakarta, CNN Indonesia --
            re(format!(
                r"^(?P<loc>{LOC})\s*,\s*(?P<outlet>{outlet})\s*{DASH}\s*"
            )),
            // Jakarta (ANTARA) -
            re(format!(
                r"^(?P<loc>{LOC})\s*\((?P<outlet>{outlet})\)\s*{DASH}\s*"
            )),
            // KOMPAS.com -
            re(format!(r"^(?P<outlet>{DOMAIN})\s*{DASH}\s*")),
        ];
        let mut cities: Vec<&str> = lexicon.dateline_cities.clone();
        cities.extend(
            PLACES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(|l| l.split('|'))
                .map(str::trim)
                .filter(|p| !p.is_empty()),
        );
        cities.sort_unstable();
        cities.dedup();
        cities.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let alternation = cities
            .iter()
            .map(|c| regex::escape(c))
            .collect::<Vec<_>>()
            .join("|");
        // A known place, then the text: capitalised after optional space, or glued
        // directly even in lower case ("Liputan6.com, Jakartasensual dan…").
        let glued = re(format!(
            r"^(?P<outlet>{DOMAIN})\s*,\s*(?P<loc>{alternation})(?:\s*(?P<next>\p{{Lu}})|(?P<lower>\p{{Ll}}))"
        ));
        let glued_any = re(format!(
            r"^(?P<outlet>{DOMAIN})\s*,\s*(?P<loc>\p{{Lu}}\p{{Ll}}+(?:\s\p{{Lu}}\p{{Ll}}+){{0,2}})(?P<next>\p{{Lu}}\p{{Ll}})"
        ));
        let bare = re(format!(
            r"^(?P<loc>{LOC})(?P<pre>\s*)(?P<dash>{DASH})(?P<post>\s*)(?P<next>.)?"
        ));
        Datelines {
            patterns,
            glued,
            glued_any,
            bare,
            cities_lower: lexicon
                .dateline_cities
                .iter()
                .map(|c| c.to_lowercase())
                .collect(),
        }
    }

    /// Finds a dateline at the start of `line`.
    pub fn find(&self, line: &str) -> Option<Found> {
        let name = |caps: &regex::Captures, g: &str| caps.name(g).map(|m| m.as_str().to_string());
        for p in &self.patterns {
            if let Some(caps) = p.captures(line) {
                return Some(Found {
                    dateline: Dateline {
                        outlet: name(&caps, "outlet"),
                        location: name(&caps, "loc"),
                    },
                    len: caps.get(0).map_or(0, |m| m.end()),
                });
            }
        }
        for glued in [&self.glued, &self.glued_any] {
            if let Some(caps) = glued.captures(line) {
                let len = caps
                    .name("next")
                    .or_else(|| caps.name("lower"))
                    .map_or(0, |m| m.start());
                return Some(Found {
                    dateline: Dateline {
                        outlet: name(&caps, "outlet"),
                        location: name(&caps, "loc"),
                    },
                    len,
                });
            }
        }
        let caps = self.bare.captures(line)?;
        let loc = caps.name("loc")?.as_str();
        let known = self.cities_lower.contains(&loc.to_lowercase());
        let all_caps =
            loc.chars().any(|c| c.is_alphabetic()) && !loc.chars().any(|c| c.is_lowercase());
        // A single hyphen with no space on either side is a compound word
        // ("Jakarta-Bandung"), not a dateline, unless an all-caps place is glued to a
        // capitalized sentence ("JAKARTA-Berenang memang…").
        let spaced = &caps["dash"] != "-" || !caps["pre"].is_empty() || !caps["post"].is_empty();
        let glued = all_caps
            && caps
                .name("next")
                .is_some_and(|n| n.as_str().starts_with(char::is_uppercase));
        if (known || all_caps) && (spaced || glued) {
            return Some(Found {
                dateline: Dateline {
                    outlet: None,
                    location: Some(loc.to_string()),
                },
                len: caps.name("post").map_or(0, |m| m.end()),
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_cities_are_places_of_the_gazetteer_but_three() {
        let places: std::collections::HashSet<&str> = PLACES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split('|'))
            .map(str::trim)
            .collect();
        let lexicon = Lexicon::embedded();
        let missing: Vec<&str> = lexicon
            .dateline_cities
            .iter()
            .copied()
            .filter(|c| !places.contains(c))
            .collect();
        assert_eq!(missing, ["Singapura", "Gaza", "Hong Kong"]);
        assert_eq!(lexicon.dateline_cities.len(), 115);
    }

    fn parts(line: &str) -> (Option<String>, Option<String>, String) {
        let d = Datelines::new();
        let f = d.find(line).expect(line);
        (
            f.dateline.outlet,
            f.dateline.location,
            line[f.len..].to_string(),
        )
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn outlet_first() {
        assert_eq!(
            parts("Liputan6.com, Jakarta - Harga emas naik."),
            (s("Liputan6.com"), s("Jakarta"), "Harga emas naik.".into())
        );
        assert_eq!(
            parts("TEMPO.CO,Jakarta- Pengacara itu datang."),
            (s("TEMPO.CO"), s("Jakarta"), "Pengacara itu datang.".into())
        );
        assert_eq!(
            parts("REPUBLIKA.CO.ID, JAKARTA -- Banjir surut."),
            (s("REPUBLIKA.CO.ID"), s("JAKARTA"), "Banjir surut.".into())
        );
        assert_eq!(
            parts("REPUBLIKA.CO.ID, CIREBON--Kemarau tiba."),
            (s("REPUBLIKA.CO.ID"), s("CIREBON"), "Kemarau tiba.".into())
        );
    }

    #[test]
    fn glued_dateline_needs_known_city() {
        assert_eq!(
            parts("Liputan6.com, JakartaKita semua pernah lelah."),
            (
                s("Liputan6.com"),
                s("Jakarta"),
                "Kita semua pernah lelah.".into()
            )
        );
        // Without a known place, the glue point itself marks where the place ends.
        assert_eq!(
            parts("Liputan6.com, Gunung SitoliGubernur datang."),
            (
                s("Liputan6.com"),
                s("Gunung Sitoli"),
                "Gubernur datang.".into()
            )
        );
        assert!(Datelines::new()
            .find("Liputan6.com, kucing kita semua")
            .is_none());
    }

    #[test]
    fn place_first() {
        assert_eq!(
            parts("JAKARTA, KOMPAS.com - Menteri itu datang."),
            (s("KOMPAS.com"), s("JAKARTA"), "Menteri itu datang.".into())
        );
        assert_eq!(
            parts("NEW YORK, KOMPAS.com -Trump bicara."),
            (s("KOMPAS.com"), s("NEW YORK"), "Trump bicara.".into())
        );
        assert_eq!(
            parts("Jakarta, CNN Indonesia -- Rupiah melemah."),
            (s("CNN Indonesia"), s("Jakarta"), "Rupiah melemah.".into())
        );
        assert_eq!(
            parts("Jakarta (ANTARA) - Rupiah menguat."),
            (s("ANTARA"), s("Jakarta"), "Rupiah menguat.".into())
        );
        assert_eq!(
            parts("KOMPAS.com – Cuaca cerah."),
            (s("KOMPAS.com"), None, "Cuaca cerah.".into())
        );
    }

    #[test]
    fn bare_place() {
        assert_eq!(
            parts("Jakarta - Polisi menangkap."),
            (None, s("Jakarta"), "Polisi menangkap.".into())
        );
        assert_eq!(
            parts("JAKARTA- Bank Indonesia."),
            (None, s("JAKARTA"), "Bank Indonesia.".into())
        );
        let d = Datelines::new();
        assert!(d.find("Jakarta-Bandung ditempuh dua jam.").is_none());
        assert!(d.find("COVID-19 melonjak.").is_none());
        assert_eq!(
            parts("JAKARTA-Berenang itu sehat."),
            (None, s("JAKARTA"), "Berenang itu sehat.".into())
        );
        assert!(d.find("Prabowo - Gibran menang.").is_none());
        assert!(d
            .find("Presiden Prabowo menegaskan pentingnya inflasi.")
            .is_none());
    }
}
