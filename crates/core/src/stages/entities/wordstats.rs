//! What unlabeled news says about a word. The labeled sets are small (about 3,500
//! sentences), but thousands of raw articles show how a word behaves: whether writers
//! capitalize it mid-sentence (names) or not, how common it is, and whether it follows
//! place words ("di", "kota"), person cues ("kata", "Presiden") or organization heads
//! ("Partai", "Kementerian"), and which word class it falls in (`warta_train::clusters`).
//! These let the tagger generalize past the training vocabulary. They are derived from
//! the article text at training time (`warta-train`) and stored inside the model file;
//! this module holds the table and its file format.

use std::collections::HashMap;

use crate::hash::FnvBuild;

/// The word table is looked up once per token on every article; its keys come from the
/// shipped model, so a fast hasher without collision resistance is safe (see [`crate::hash`]).
type WordMap<V> = HashMap<String, V, FnvBuild>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stat {
    /// 0 = too few mid-sentence sightings, 1..=5 = share capitalized, rising.
    pub cap: u8,
    /// log2 of the count, capped at 7.
    pub freq: u8,
    /// Bit 0: place cue before; bit 1: person cue around; bit 2: organization cue before.
    pub ctx: u8,
    /// Word class from the exchange algorithm over the unlabeled text (`warta_train::clusters`),
    /// plus one; 0 for words seen too rarely to place.
    pub cluster: u16,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordStats {
    map: WordMap<Stat>,
}

impl WordStats {
    pub fn get(&self, lower: &str) -> Option<Stat> {
        self.map.get(lower).copied()
    }

    /// The words of the table, lowercase, with their statistics, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Stat)> {
        self.map.iter().map(|(w, s)| (w.as_str(), *s))
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Looks a word's stats up for changing (training fills in the word classes).
    pub fn get_mut(&mut self, lower: &str) -> Option<&mut Stat> {
        self.map.get_mut(lower)
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
    pub fn read(bytes: &[u8]) -> Option<(WordStats, usize)> {
        let n = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        let mut pos = 4;
        let mut map = WordMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let len = *bytes.get(pos)? as usize;
            let word = std::str::from_utf8(bytes.get(pos + 1..pos + 1 + len)?).ok()?;
            let s = bytes.get(pos + 1 + len..pos + 6 + len)?;
            map.insert(
                word.to_string(),
                Stat {
                    cap: s[0],
                    freq: s[1],
                    ctx: s[2],
                    cluster: u16::from_le_bytes([s[3], s[4]]),
                },
            );
            pos += 6 + len;
        }
        Some((WordStats { map }, pos))
    }
}

impl FromIterator<(String, Stat)> for WordStats {
    fn from_iter<I: IntoIterator<Item = (String, Stat)>>(iter: I) -> Self {
        WordStats {
            map: iter.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_back_what_it_wrote() {
        let s: WordStats = [
            (
                "budi".to_string(),
                Stat {
                    cap: 5,
                    freq: 2,
                    ctx: 2,
                    cluster: 9,
                },
            ),
            (
                "hari".to_string(),
                Stat {
                    cap: 1,
                    freq: 3,
                    ctx: 0,
                    cluster: 0,
                },
            ),
        ]
        .into_iter()
        .collect();
        let mut buf = Vec::new();
        s.write(&mut buf);
        let (back, used) = WordStats::read(&buf).unwrap();
        assert_eq!(used, buf.len());
        assert_eq!(back, s);
        assert_eq!(back.get("budi").unwrap().cluster, 9);
    }
}
