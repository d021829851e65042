//! What unlabeled news says about a word. The labeled sets are small (about 3,500
//! sentences), but thousands of raw articles show how a word behaves: whether writers
//! capitalize it mid-sentence (names) or not, how common it is, and whether it follows
//! place words ("di", "kota"), person cues ("kata", "Presiden") or organization heads
//! ("Partai", "Kementerian"), and which word class it falls in ([`super::clusters`]).
//! These let the tagger generalize past the training vocabulary. They are derived from
//! the article text at training time and stored inside the model file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic hasher for the word table: it is looked up once per token
/// on every article, and its keys come from a shipped model, not from an attacker who
/// could choose colliding words (input words are only looked up, never inserted).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Words seen fewer times get no cluster.
const CLUSTER_MIN: u32 = 5;
/// Word classes built from the unlabeled text.
const CLASSES: usize = 256;
/// Passes of the exchange algorithm over the vocabulary (it stops early once few words move).
const PASSES: usize = 12;

type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

use super::tokens::tokenize;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stat {
    /// 0 = too few mid-sentence sightings, 1..=5 = share capitalized, rising.
    pub cap: u8,
    /// log2 of the count, capped at 7.
    pub freq: u8,
    /// Bit 0: place cue before; bit 1: person cue around; bit 2: organization cue before.
    pub ctx: u8,
    /// Word class from the exchange algorithm over the unlabeled text ([`super::clusters`]),
    /// plus one; 0 for words seen too rarely to place.
    pub cluster: u16,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordStats {
    map: WordMap<Stat>,
}

#[derive(Default)]
struct Counts {
    total: u32,
    mid: u32,
    mid_cap: u32,
    loc: u32,
    per: u32,
    org: u32,
}

impl WordStats {
    pub fn get(&self, lower: &str) -> Option<Stat> {
        self.map.get(lower).copied()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
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
        let map = counts
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
                let ctx = u8::from(share(c.loc))
                    | u8::from(share(c.per)) << 1
                    | u8::from(share(c.org)) << 2;
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
        let mut stats = WordStats { map };
        stats.cluster(&sentences);
        stats
    }

    /// Fills in [`Stat::cluster`] for words seen at least [`CLUSTER_MIN`] times.
    fn cluster(&mut self, texts: &[Vec<String>]) {
        for (w, c) in super::clusters::exchange(texts, CLASSES, CLUSTER_MIN, PASSES) {
            if let Some(s) = self.map.get_mut(&w) {
                // Never 0, which means "no cluster".
                s.cluster = c + 1;
            }
        }
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        let mut entries: Vec<(&String, &Stat)> = self.map.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (w, s) in entries {
            let bytes = w.as_bytes();
            let len = bytes.len().min(255);
            out.push(len as u8);
            out.extend_from_slice(&bytes[..len]);
            out.extend_from_slice(&[s.cap, s.freq, s.ctx]);
            out.extend_from_slice(&s.cluster.to_le_bytes());
        }
    }

    /// Reads what [`WordStats::write`] wrote; returns the stats and the bytes consumed.
    /// Files before model version 2 have no cluster field (`with_cluster` false).
    pub fn read(bytes: &[u8], with_cluster: bool) -> Option<(WordStats, usize)> {
        let n = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        let mut pos = 4;
        let mut map = WordMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let len = *bytes.get(pos)? as usize;
            let word = std::str::from_utf8(bytes.get(pos + 1..pos + 1 + len)?).ok()?;
            let width = if with_cluster { 5 } else { 3 };
            let s = bytes.get(pos + 1 + len..pos + 1 + width + len)?;
            map.insert(
                word.to_string(),
                Stat {
                    cap: s[0],
                    freq: s[1],
                    ctx: s[2],
                    cluster: if with_cluster {
                        u16::from_le_bytes([s[3], s[4]])
                    } else {
                        0
                    },
                },
            );
            pos += 1 + width + len;
        }
        Some((WordStats { map }, pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalized_names_and_cues_are_counted() {
        let text = "Kemarin kata Budi di Bandung. Lalu kata Budi di Bandung. Ya kata Budi di Bandung. hari ini hari baik hari.";
        let s = WordStats::build(std::iter::once(text));
        let budi = s.get("budi").unwrap();
        assert_eq!(budi.cap, 5);
        assert_eq!(budi.ctx & 2, 2);
        assert_eq!(s.get("bandung").unwrap().ctx & 1, 1);
        assert_eq!(s.get("hari").unwrap().cap, 1);
        assert!(s.get("baik").is_none());
        let mut buf = Vec::new();
        s.write(&mut buf);
        let (back, used) = WordStats::read(&buf, true).unwrap();
        assert_eq!(used, buf.len());
        assert_eq!(back, s);
    }
}
