//! Mention replacement: more labeled sentences for the entity tagger out of the ones it
//! has. Each copy of a sentence keeps every word outside the entities and swaps each
//! entity for another mention of the same type drawn from the training sentences.
//!
//! With 3,136 labeled sentences the tagger sees most names in one context only, and
//! learns the name ("Jokowi" is a PERSON) where it should learn the context ("kata
//! ... kepada wartawan"). Recombining names and contexts teaches the context. Only the
//! sentences being trained on feed the pool, so a held-out slice stays unseen.

use crate::conll::{self, Sentence};
use warta_core::stages::entities::model::splitmix;

/// `copies` recombined copies of every sentence that has at least one entity, each
/// entity replaced by a mention of its type drawn from `sentences` with a generator
/// seeded by `seed` (the same inputs give the same copies).
pub fn replace_mentions(sentences: &[Sentence], copies: usize, seed: u64) -> Vec<Sentence> {
    // Mentions by entity type id (1 PERSON, 2 ORGANIZATION, 3 LOCATION).
    let spans: Vec<Vec<(u8, usize, usize)>> =
        sentences.iter().map(|s| conll::spans(&s.tags)).collect();
    let mut pool: [Vec<&[String]>; 4] = Default::default();
    for (s, spans) in sentences.iter().zip(&spans) {
        for &(kind, a, b) in spans {
            pool[usize::from(kind)].push(&s.words[a..b]);
        }
    }
    let mut rng = seed ^ 0x6d65_6e74_696f_6e73;
    let mut out = Vec::new();
    for _ in 0..copies {
        for (s, spans) in sentences.iter().zip(&spans) {
            if spans.is_empty() {
                continue;
            }
            let mut copy = Sentence {
                words: Vec::with_capacity(s.words.len()),
                tags: Vec::with_capacity(s.tags.len()),
            };
            let mut pos = 0;
            for &(kind, a, b) in spans {
                copy.words.extend_from_slice(&s.words[pos..a]);
                copy.tags.extend_from_slice(&s.tags[pos..a]);
                let mentions = &pool[usize::from(kind)];
                let pick = mentions[(splitmix(&mut rng) % mentions.len() as u64) as usize];
                for (i, w) in pick.iter().enumerate() {
                    copy.words.push(w.clone());
                    // BIO ids: B = 2·kind − 1, I = 2·kind.
                    copy.tags.push(if i == 0 { 2 * kind - 1 } else { 2 * kind });
                }
                pos = b;
            }
            copy.words.extend_from_slice(&s.words[pos..]);
            copy.tags.extend_from_slice(&s.tags[pos..]);
            out.push(copy);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> Sentence {
        conll::parse(
            &text
                .split(' ')
                .map(|t| t.replace('/', " "))
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .remove(0)
    }

    fn sentences() -> Vec<Sentence> {
        vec![
            sentence("Menurut/O Rudi/B-PER Hartono/I-PER ,/O banjir/O melanda/O Kabupaten/O Sleman/B-LOC ./O"),
            sentence("Hujan/O turun/O sejak/O pagi/O ./O"),
            sentence("Ketua/O Basarnas/B-ORG Wulan/B-PER meninjau/O Klaten/B-LOC dan/O Bantul/B-LOC ./O"),
        ]
    }

    #[test]
    fn copies_keep_the_context_and_swap_mentions_within_their_type() {
        let train = sentences();
        let out = replace_mentions(&train, 3, 7);
        // Two of the three sentences have entities.
        assert_eq!(out.len(), 6);
        let persons = [vec!["Rudi", "Hartono"], vec!["Wulan"]];
        let places = [vec!["Sleman"], vec!["Klaten"], vec!["Bantul"]];
        for copy in &out {
            assert_eq!(copy.words.len(), copy.tags.len());
            let spans = conll::spans(&copy.tags);
            let context: Vec<&str> = copy
                .words
                .iter()
                .zip(&copy.tags)
                .filter(|(_, &t)| t == 0)
                .map(|(w, _)| w.as_str())
                .collect();
            if copy.words[0] == "Menurut" {
                assert_eq!(
                    context,
                    ["Menurut", ",", "banjir", "melanda", "Kabupaten", "."]
                );
                assert_eq!(spans.iter().map(|s| s.0).collect::<Vec<_>>(), [1, 3]);
            } else {
                assert_eq!(context, ["Ketua", "meninjau", "dan", "."]);
                assert_eq!(spans.iter().map(|s| s.0).collect::<Vec<_>>(), [2, 1, 3, 3]);
            }
            for (kind, a, b) in spans {
                let mention: Vec<&str> = copy.words[a..b].iter().map(String::as_str).collect();
                match kind {
                    1 => assert!(persons.contains(&mention), "{mention:?}"),
                    2 => assert_eq!(mention, ["Basarnas"]),
                    _ => assert!(places.contains(&mention), "{mention:?}"),
                }
            }
        }
        // Some copy must differ from every source sentence, or nothing was recombined.
        assert!(out.iter().any(|c| !train.contains(c)));
    }

    #[test]
    fn same_seed_same_copies_and_no_copies_without_entities() {
        let train = sentences();
        assert_eq!(
            replace_mentions(&train, 2, 42),
            replace_mentions(&train, 2, 42)
        );
        assert!(replace_mentions(&train[1..2], 4, 42).is_empty());
        assert!(replace_mentions(&train, 0, 42).is_empty());
    }
}
