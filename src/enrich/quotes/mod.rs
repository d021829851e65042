//! Who said what. Indonesian news attributes direct speech mostly after the quote
//! (`"…," kata Xi Jinping`, `"…," ujarnya`), sometimes before it (`X mengatakan, "…"`,
//! `Menurut X, "…"`), and reports indirect speech with a verb (`X menegaskan bahwa …`).
//! Pronoun attributions (`kata dia`, `ujarnya`) refer to the last named speaker, so
//! quotes are resolved in text order. Offsets are bytes here and code points on output.

mod direct;
mod indirect;
mod names;

use regex::Regex;

use crate::enrich::lexicon::{EN_CUES, POST_CUES, REPORT_CUES};
use crate::enrich::segment::Segments;
use crate::enrich::span::CharMap;
use crate::output::{Quote, QuoteKind, Speaker};

pub use names::Names;

/// Who a quote is attributed to, before pronouns are resolved.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    /// A name written at the attribution, as a byte range of the body.
    Named(std::ops::Range<usize>),
    /// "dia", "ia", "-nya": the most recent named speaker.
    Pronoun,
    Unknown,
}

/// A quote found by one of the extractors, in byte offsets.
#[derive(Debug, Clone)]
struct Found {
    text: std::ops::Range<usize>,
    kind: QuoteKind,
    cue: Option<String>,
    who: Who,
}

/// Compiled attribution patterns, built once.
pub struct QuoteRules {
    names: Names,
    /// `, kata` / `ujarnya` / `said` right after a closing mark.
    post_cue: Regex,
    /// `dia` / `ia` right after a post cue.
    pronoun_after: Regex,
    /// `, Putin said` right after a closing mark.
    post_name_cue: Regex,
    /// `X mengatakan, ` / `Ia menegaskan: ` right before an opening mark.
    pre_cue: Regex,
    /// `Menurut X, ` right before an opening mark.
    according: Regex,
    /// `X menegaskan bahwa <clause>` inside a sentence.
    indirect: Regex,
}

impl std::fmt::Debug for QuoteRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("QuoteRules")
    }
}

impl Default for QuoteRules {
    fn default() -> Self {
        Self::new()
    }
}

const PRONOUNS: &str = "ia|dia|beliau|he|she";
/// Plural or first-person subjects: speech by a group or by the writer, no one speaker.
const GROUP: &str = "mereka|kami|kita|they|we";
const ADVERBS: &str = r"(?:(?:pun|juga|kembali|lalu|kemudian|telah|sempat|pun juga|also|then)\s+)*";

impl QuoteRules {
    pub fn new() -> QuoteRules {
        let re = |p: String| Regex::new(&p).expect("quote pattern");
        let run = names::run_pattern();
        let mut post: Vec<String> = POST_CUES
            .iter()
            .flat_map(|s| [format!("{s}nya"), s.to_string()])
            .collect();
        post.extend(EN_CUES.iter().map(|s| s.to_string()));
        // Longest first, so "katanya" wins over "kata".
        post.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let report = REPORT_CUES.join("|");
        let en = EN_CUES.join("|");
        QuoteRules {
            names: Names::new(),
            // Scrapers drop the space before a linked name ("kataFaruk"): a capital right
            // after the cue ends it as well as a word boundary does.
            post_cue: re(format!(
                r"^\s*,?\s*(?P<cue>(?i:{}))(?:\b|\p{{Lu}})",
                post.join("|")
            )),
            pronoun_after: re(format!(r"^\s+(?P<p>(?i:{PRONOUNS}))\b")),
            post_name_cue: re(format!(
                r"^\s*,?\s*(?:(?P<p>(?i:he|she))|(?P<name>{run}))\s+(?P<cue>{en})\b"
            )),
            pre_cue: re(format!(
                r"(?:\b(?P<p>(?i:{PRONOUNS}))|\b(?P<group>(?i:{GROUP}))|(?P<name>{run}))\s+{ADVERBS}(?P<cue>{report}|{en})\s*(?:(?:bahwa|that)\s*)?[,:]?\s*$"
            )),
            according: re(format!(
                r"\b(?P<cue>[Mm]enurut|[Aa]ccording to)\s+(?P<name>{run})\s*,?\s*$"
            )),
            indirect: re(format!(
                r"(?:\b(?P<p>(?i:{PRONOUNS}))|\b(?P<group>(?i:{GROUP}))|(?P<name>{run}))\s+{ADVERBS}(?P<cue>{report}|said|says)\b\s*,?\s*(?:(?:bahwa|that)\s+)?(?P<text>\S.*)$"
            )),
        }
    }

    /// All direct and indirect quotes of a body, in text order, pronouns resolved.
    pub fn extract(&self, body: &str, segments: &Segments, map: &CharMap) -> Vec<Quote> {
        let mut found = direct::find(self, body, segments);
        found.extend(indirect::find(self, body, segments));
        found.sort_by_key(|f| f.text.start);

        let candidates = self.names.candidates(body);
        let named: Vec<std::ops::Range<usize>> = found
            .iter()
            .filter_map(|f| match &f.who {
                Who::Named(r) => Some(r.clone()),
                _ => None,
            })
            .collect();
        let entities = names::resolve_entities(body, &candidates, &named);
        let mut recent: Option<Speaker> = None;
        found
            .into_iter()
            .map(|f| {
                let speaker = match f.who {
                    Who::Named(r) => {
                        let speaker = Speaker {
                            name: body[r.clone()].to_string(),
                            entity: entities.get(&(r.start, r.end)).cloned(),
                            start: map.chars(r.start),
                            end: map.chars(r.end),
                        };
                        recent = Some(speaker.clone());
                        Some(speaker)
                    }
                    Who::Pronoun => recent.clone(),
                    Who::Unknown => None,
                };
                Quote {
                    text: body[f.text.clone()].to_string(),
                    start: map.chars(f.text.start),
                    end: map.chars(f.text.end),
                    kind: f.kind,
                    cue: f.cue,
                    speaker,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::segment::Segmenter;

    fn quotes(body: &str) -> Vec<Quote> {
        let map = CharMap::new(body);
        let segments = Segmenter::new().segment(body, &map);
        QuoteRules::new().extract(body, &segments, &map)
    }

    fn summary(
        q: &Quote,
    ) -> (
        String,
        QuoteKind,
        Option<String>,
        Option<String>,
        Option<String>,
    ) {
        (
            q.text.clone(),
            q.kind,
            q.cue.clone(),
            q.speaker.as_ref().map(|s| s.name.clone()),
            q.speaker.as_ref().and_then(|s| s.entity.clone()),
        )
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn post_quote_attribution_with_title() {
        let q = quotes("\"Harga turun,\" kata Menteri Perdagangan Budi Santoso di Jakarta.");
        assert_eq!(q.len(), 1);
        assert_eq!(
            summary(&q[0]),
            (
                "Harga turun".into(),
                QuoteKind::Direct,
                s("kata"),
                s("Budi Santoso"),
                s("Budi Santoso")
            )
        );
        let sp = q[0].speaker.as_ref().unwrap();
        assert_eq!((sp.start, sp.end), (40, 52));
    }

    #[test]
    fn pronoun_cues_resolve_to_recent_speaker() {
        let body = "“Kami siap,” ujar Rina Wulandari.\n\n“Semua sudah beres,” ujarnya.\n\n\"Tidak ada masalah,\" kata dia.";
        let q = quotes(body);
        assert_eq!(q.len(), 3);
        assert_eq!(q[1].cue.as_deref(), Some("ujarnya"));
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Rina Wulandari");
        assert_eq!(q[2].cue.as_deref(), Some("kata"));
        assert_eq!(q[2].speaker.as_ref().unwrap().name, "Rina Wulandari");
    }

    #[test]
    fn pronoun_without_antecedent_is_null() {
        let q = quotes("\"Kami siap,\" katanya.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[0].cue.as_deref(), Some("katanya"));
    }

    #[test]
    fn right_double_quote_as_opener() {
        let q = quotes("”Ini bukan akhir,” tutur Andi.");
        assert_eq!(summary(&q[0]).0, "Ini bukan akhir");
        assert_eq!(summary(&q[0]).3, s("Andi"));
    }

    #[test]
    fn pre_quote_attribution() {
        let q = quotes("Gubernur Jawa Barat Dedi Mulyadi mengatakan, \"Sekolah tetap buka.\"\n\nMenurut Siti Aminah, \"Banjir sudah surut.\"");
        assert_eq!(q.len(), 2);
        assert_eq!(
            summary(&q[0]),
            (
                "Sekolah tetap buka.".into(),
                QuoteKind::Direct,
                s("mengatakan"),
                s("Dedi Mulyadi"),
                s("Dedi Mulyadi")
            )
        );
        assert_eq!(summary(&q[1]).2, s("Menurut"));
        assert_eq!(summary(&q[1]).3, s("Siti Aminah"));
    }

    #[test]
    fn indirect_speech_and_entity_resolution() {
        let body = "Presiden Rusia Vladimir Putin menerima tamu.\n\nSementara itu, Presiden Putin menyebut bahwa Rusia siap berunding.";
        let q = quotes(body);
        assert_eq!(q.len(), 1);
        assert_eq!(
            summary(&q[0]),
            (
                "Rusia siap berunding".into(),
                QuoteKind::Indirect,
                s("menyebut"),
                s("Putin"),
                s("Vladimir Putin")
            )
        );
    }

    #[test]
    fn english_attributions() {
        let q =
            quotes("\"We are ready,\" Putin said. \"Talks will continue,\" said Sergei Lavrov.");
        assert_eq!(summary(&q[0]).3, s("Putin"));
        assert_eq!(summary(&q[0]).2, s("said"));
        assert_eq!(summary(&q[1]).3, s("Sergei Lavrov"));
    }

    #[test]
    fn glued_cue_and_group_subjects() {
        let q = quotes(
            "\"Pelat sudah dicopot,\" kataFaruk.\n\nMereka mengatakan bahwa razia berlanjut.",
        );
        assert_eq!(summary(&q[0]).3, s("Faruk"));
        assert_eq!(
            summary(&q[1]),
            (
                "razia berlanjut".into(),
                QuoteKind::Indirect,
                s("mengatakan"),
                None,
                None
            )
        );
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        assert!(quotes("Program \"Sahabat Perdamaian\" diluncurkan tahun lalu.").is_empty());
    }
}
