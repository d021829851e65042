//! Word statistics from unlabeled news for the entity tagger: how often writers
//! capitalize a word mid-sentence, how common it is, which cue words stand around it,
//! and its word class ([`crate::clusters`]). The table ships inside the model file
//! (`warta_core::stages::entities::wordstats`).

use std::collections::HashMap;

use warta_core::stages::entities::tokens::tokenize;
use warta_core::stages::entities::wordstats::{Stat, WordStats};

/// Words seen fewer times get no cluster.
const CLUSTER_MIN: u32 = 5;
/// Word classes built from the unlabeled text.
const CLASSES: usize = 256;
/// Passes of the exchange algorithm over the vocabulary (it stops early once few words move).
const PASSES: usize = 12;

const LOC_CUES: &[&str] = &[
    "di",
    "ke",
    "dari",
    "kota",
    "provinsi",
    "kabupaten",
    "negara",
    "wilayah",
    "kawasan",
];
const PER_CUES_BEFORE: &[&str] = &[
    "kata", "ujar", "presiden", "menteri", "pak", "bu", "bapak", "ibu", "oleh", "tutur", "jelas",
    "gubernur", "ketua",
];
const PER_CUES_AFTER: &[&str] = &[
    "mengatakan",
    "menyatakan",
    "menjelaskan",
    "menegaskan",
    "mengungkapkan",
    "menyebut",
    "berharap",
];
const ORG_CUES: &[&str] = &[
    "partai",
    "kementerian",
    "badan",
    "pt",
    "universitas",
    "komisi",
    "dinas",
    "bank",
    "lembaga",
];

#[derive(Default)]
struct Counts {
    total: u32,
    mid: u32,
    mid_cap: u32,
    loc: u32,
    per: u32,
    org: u32,
}

/// Counts over raw texts; words seen fewer than three times are left out.
pub fn build<'a>(texts: impl Iterator<Item = &'a str>) -> WordStats {
    let mut counts: HashMap<String, Counts> = HashMap::new();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for text in texts {
        let toks = tokenize(text, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        sentences.push(lower.clone());
        for (i, w) in words.iter().enumerate() {
            if !w.starts_with(char::is_alphabetic) {
                continue;
            }
            let initial = i == 0
                || matches!(words[i - 1], "." | "!" | "?" | "\"" | "“" | "”" | ":" | "-")
                || text[toks[i - 1].bytes.end..toks[i].bytes.start].contains('\n');
            let c = counts.entry(lower[i].clone()).or_default();
            c.total += 1;
            if !initial {
                c.mid += 1;
                if w.starts_with(char::is_uppercase) {
                    c.mid_cap += 1;
                }
            }
            let prev = i.checked_sub(1).map(|p| lower[p].as_str());
            let next = lower.get(i + 1).map(String::as_str);
            if prev.is_some_and(|p| LOC_CUES.contains(&p)) {
                c.loc += 1;
            }
            if prev.is_some_and(|p| PER_CUES_BEFORE.contains(&p))
                || next.is_some_and(|n| PER_CUES_AFTER.contains(&n))
            {
                c.per += 1;
            }
            if prev.is_some_and(|p| ORG_CUES.contains(&p)) {
                c.org += 1;
            }
        }
    }
    let map: WordStats = counts
        .into_iter()
        .filter(|(_, c)| c.total >= 3)
        .map(|(w, c)| {
            let cap = if c.mid < 2 {
                0
            } else {
                1 + (4 * c.mid_cap / c.mid).min(4) as u8
            };
            let freq = (32 - c.total.leading_zeros()).min(7) as u8;
            let share = |n: u32| 10 * n >= c.total;
            let ctx =
                u8::from(share(c.loc)) | u8::from(share(c.per)) << 1 | u8::from(share(c.org)) << 2;
            (
                w,
                Stat {
                    cap,
                    freq,
                    ctx,
                    cluster: 0,
                },
            )
        })
        .collect();
    let mut stats: WordStats = map;
    cluster(&mut stats, &sentences);
    stats
}

/// Fills in [`Stat::cluster`] for words seen at least [`CLUSTER_MIN`] times.
fn cluster(stats: &mut WordStats, texts: &[Vec<String>]) {
    for (w, c) in crate::clusters::exchange(texts, CLASSES, CLUSTER_MIN, PASSES) {
        if let Some(s) = stats.get_mut(&w) {
            // Never 0, which means "no cluster".
            s.cluster = c + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalized_names_and_cues_are_counted() {
        let text = "Kemarin kata Budi di Bandung. Lalu kata Budi di Bandung. Ya kata Budi di Bandung. hari ini hari baik hari.";
        let s = build(std::iter::once(text));
        let budi = s.get("budi").unwrap();
        assert_eq!(budi.cap, 5);
        assert_eq!(budi.ctx & 2, 2);
        assert_eq!(s.get("bandung").unwrap().ctx & 1, 1);
        assert_eq!(s.get("hari").unwrap().cap, 1);
        assert!(s.get("baik").is_none());
        let mut buf = Vec::new();
        s.write(&mut buf);
        let (back, used) = WordStats::read(&buf).unwrap();
        assert_eq!(used, buf.len());
        assert_eq!(back, s);
    }
}
