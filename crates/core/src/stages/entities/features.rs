//! Features of each token, hashed to integers so tagging allocates little and the model
//! is one flat weight table. Static features (the word, its shape and affixes, its
//! neighbours, gazetteer and title hits, unlabeled-corpus statistics) are computed once
//! per sentence; transition features, which pair the previous tag with this token, are
//! scored per previous tag during Viterbi decoding.

use super::gazetteer::{Hit, Kind};
use super::wordstats::{Stat, WordStats};
use crate::hash::{fnv1a, FNV_OFFSET};

/// Hash of a feature template with one string value.
pub fn feat(template: u8, value: &str) -> u64 {
    fnv1a(fnv1a(FNV_OFFSET, &[template, 0xff]), value.as_bytes())
}

/// Combines a hash with more parts (tag ids, other hashes).
pub fn mix(h: u64, parts: &[u64]) -> u64 {
    let mut h = h;
    for &p in parts {
        h = fnv1a(h, &p.to_le_bytes());
    }
    h
}

/// Per-token facts shared by the features of the token and of its neighbours.
pub struct TokenInfo {
    pub lower: String,
    pub shape: String,
    pub short: String,
    pub lower_hash: u64,
    pub shape_hash: u64,
    gaz: u8,
    title: u8,
}

fn shape(word: &str) -> (String, String) {
    let mut full = String::with_capacity(word.len().min(8));
    let mut short = String::with_capacity(4);
    let mut full_len = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if full_len < 6 {
            full.push(k);
            full_len += 1;
        }
        if !short.ends_with(k) {
            short.push(k);
        }
    }
    (full, short)
}

/// Gazetteer code of each token: 0 none, else kind * 2 + (1 begin | 2 inside).
fn gaz_codes(n: usize, hits: &[Hit]) -> Vec<u8> {
    let mut codes = vec![0u8; n];
    for h in hits {
        let kind = match h.kind {
            Kind::Country => 0,
            Kind::Place => 1,
            Kind::Organization => 2,
            Kind::Title => 3,
        };
        for (k, code) in codes[h.tokens.clone()].iter_mut().enumerate() {
            *code = 1 + kind * 2 + u8::from(k > 0);
        }
    }
    codes
}

pub fn token_info(words: &[&str], names: &[Hit], titles: &[Hit]) -> Vec<TokenInfo> {
    let gaz = gaz_codes(words.len(), names);
    let tit = gaz_codes(words.len(), titles);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let (shape, short) = shape(w);
            TokenInfo {
                lower_hash: feat(2, &lower),
                shape_hash: feat(3, &shape),
                lower,
                shape,
                short,
                gaz: gaz[i],
                title: tit[i],
            }
        })
        .collect()
}

/// Prefix (1..=3 chars) and suffix (1..=4 chars) features, each shorter than the word.
fn affixes(lower: &str, out: &mut Vec<u64>) {
    let n = lower.chars().count();
    for (k, (i, _)) in lower.char_indices().enumerate().skip(1).take(3) {
        out.push(feat(4 + k as u8, &lower[..i]));
    }
    for (k, (i, _)) in (1..).zip(lower.char_indices().rev().take(4)) {
        if k < n {
            out.push(feat(8 + k as u8, &lower[i..]));
        }
    }
}

/// Feature-set flags stored in the model file, so a model is always tagged with the
/// features it was trained with. `F_CLUSTER`: the word classes (`wordstats::Stat::cluster`)
/// of the token and its neighbours, alone, in pairs and with the word shape.
pub const F_CLUSTER: u32 = 1;
/// Gazetteer hits conjoined with the neighbouring words ("di Israel" vs "militer Israel").
pub const F_GAZ_CONTEXT: u32 = 2;
/// Word pairs at -2/-1 and +1/+2, sentence position with capitalization habit, and the
/// neighbours' clusters conjoined with the word's.
pub const F_MORE: u32 = 8;
/// More transition features: the previous tag with the previous word, and with the
/// shapes of this and the next word.
pub const F_TRANS_MORE: u32 = 32;
/// First-order Viterbi decoding, trained as a structured perceptron. Every model has it:
/// files without it were decoded greedily, a decoder that was not kept (models/README.md),
/// so the loader refuses them rather than decode them the wrong way.
pub const F_VITERBI: u32 = 4;
/// Every flag this build knows; a model with any other bit set was trained with features
/// this build does not compute (such as the dropped capitalized-run features, 16).
pub const KNOWN_FLAGS: u32 = F_CLUSTER | F_GAZ_CONTEXT | F_MORE | F_TRANS_MORE | F_VITERBI;

/// Static features of every token, flattened: token `i` owns `out[ranges[i]..ranges[i+1]]`.
pub fn static_features(
    words: &[&str],
    info: &[TokenInfo],
    stats: &WordStats,
    feature_set: u32,
    out: &mut Vec<u64>,
    ranges: &mut Vec<usize>,
) {
    out.clear();
    ranges.clear();
    let n = words.len();
    let none = TokenInfo {
        lower: String::new(),
        shape: "<none>".into(),
        short: String::new(),
        lower_hash: feat(2, "<none>"),
        shape_hash: feat(3, "<none>"),
        gaz: 0,
        title: 0,
    };
    let at = |j: isize| -> &TokenInfo {
        if j < 0 || j as usize >= n {
            &none
        } else {
            &info[j as usize]
        }
    };
    let packed = |s: Option<Stat>| -> u64 {
        match s {
            Some(s) => u64::from(s.cap) | u64::from(s.freq) << 8 | u64::from(s.ctx) << 16,
            None => 0xffff_ffff,
        }
    };
    // One table lookup per token, not one per feature that uses it: the statistics and
    // the word class come from the same entry.
    let none_stat = packed(stats.get(&none.lower));
    let (token_stats, clusters): (Vec<u64>, Vec<u64>) = info
        .iter()
        .map(|t| {
            let s = stats.get(&t.lower);
            (packed(s), s.map_or(0, |s| u64::from(s.cluster)))
        })
        .unzip();
    let cluster_at = |j: isize| -> u64 {
        if j < 0 || j as usize >= n {
            0x1_0000
        } else {
            clusters[j as usize]
        }
    };
    let stat_at = |j: isize| -> u64 {
        if j < 0 || j as usize >= n {
            none_stat
        } else {
            token_stats[j as usize]
        }
    };
    for i in 0..n {
        ranges.push(out.len());
        let w = words[i];
        let t = &info[i];
        let ii = i as isize;
        let (p1, p2, n1, n2) = (at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
        let (s_p1, s_t, s_n1) = (stat_at(ii - 1), stat_at(ii), stat_at(ii + 1));
        out.push(feat(0, ""));
        out.push(feat(1, w));
        out.push(t.lower_hash);
        out.push(t.shape_hash);
        out.push(feat(4, &t.short));
        affixes(&t.lower, out);
        let first = w.chars().next().unwrap_or(' ');
        let flags = u64::from(first.is_uppercase())
            | u64::from(w.chars().all(|c| !c.is_lowercase()) && first.is_alphabetic()) << 1
            | u64::from(w.chars().any(|c| c.is_ascii_digit())) << 2
            | u64::from(w.contains('-')) << 3
            | u64::from(!first.is_alphanumeric()) << 4
            | u64::from(w.chars().count() == 1) << 5;
        out.push(mix(feat(13, ""), &[flags]));
        let position: u64 = if i == 0 {
            0
        } else if i + 1 == n {
            1
        } else if i == 1 {
            2
        } else {
            3
        };
        out.push(mix(feat(14, &t.short), &[position]));
        out.push(mix(feat(15, ""), &[p1.lower_hash]));
        out.push(mix(feat(16, ""), &[n1.lower_hash]));
        out.push(mix(feat(17, ""), &[p2.lower_hash]));
        out.push(mix(feat(18, ""), &[n2.lower_hash]));
        out.push(mix(feat(19, ""), &[p1.shape_hash]));
        out.push(mix(feat(20, ""), &[n1.shape_hash]));
        out.push(mix(feat(21, ""), &[p1.lower_hash, t.lower_hash]));
        out.push(mix(feat(22, ""), &[t.lower_hash, n1.lower_hash]));
        out.push(mix(
            feat(23, ""),
            &[p1.shape_hash, t.shape_hash, n1.shape_hash],
        ));
        out.push(mix(feat(24, ""), &[u64::from(t.gaz)]));
        out.push(mix(feat(25, ""), &[u64::from(p1.gaz), u64::from(t.gaz)]));
        out.push(mix(feat(26, ""), &[u64::from(t.gaz), u64::from(n1.gaz)]));
        out.push(mix(
            feat(27, ""),
            &[u64::from(p1.title), u64::from(t.title)],
        ));
        out.push(mix(feat(28, ""), &[u64::from(p2.title), u64::from(p1.gaz)]));
        out.push(mix(feat(29, ""), &[s_t]));
        out.push(mix(feat(30, ""), &[s_p1, s_t]));
        out.push(mix(feat(31, ""), &[s_t, s_n1]));
        out.push(mix(feat(32, &t.short), &[s_t]));
        out.push(mix(feat(33, &p1.lower), &[t.shape_hash]));
        out.push(mix(feat(34, &n1.lower), &[t.shape_hash]));
        if feature_set & F_CLUSTER != 0 {
            let (c, cp, cn) = (cluster_at(ii), cluster_at(ii - 1), cluster_at(ii + 1));
            out.push(mix(feat(50, ""), &[c]));
            out.push(mix(feat(54, ""), &[cp]));
            out.push(mix(feat(55, ""), &[cn]));
            out.push(mix(feat(56, &t.short), &[c]));
            out.push(mix(feat(57, ""), &[cp, c]));
            out.push(mix(feat(58, ""), &[c, cn]));
        }
        if feature_set & F_MORE != 0 {
            out.push(mix(feat(70, ""), &[p2.lower_hash, p1.lower_hash]));
            out.push(mix(feat(71, ""), &[n1.lower_hash, n2.lower_hash]));
            out.push(mix(feat(72, &t.short), &[position, s_t & 0xff]));
            if feature_set & F_CLUSTER != 0 {
                out.push(mix(feat(75, ""), &[p1.lower_hash, cluster_at(ii)]));
            }
        }
        if feature_set & F_GAZ_CONTEXT != 0 && t.gaz != 0 {
            out.push(mix(feat(60, ""), &[p1.lower_hash, u64::from(t.gaz)]));
            out.push(mix(feat(61, ""), &[n1.lower_hash, u64::from(t.gaz)]));
            out.push(mix(feat(62, ""), &[p2.lower_hash, u64::from(t.gaz)]));
        }
    }
    ranges.push(out.len());
}

/// Features of the transition into token `i`, for Viterbi decoding: each owns eight
/// adjacent weight rows, one per previous tag (see `model::trans_row`), so all previous
/// tags are scored from one memory region. Unused slots are 0.
pub fn transition_features(info: &[TokenInfo], i: usize, feature_set: u32) -> [u64; 5] {
    let t = &info[i];
    let mut out = [
        feat(40, ""),
        mix(feat(42, ""), &[t.lower_hash]),
        mix(feat(43, ""), &[t.shape_hash]),
        0,
        0,
    ];
    if feature_set & F_TRANS_MORE != 0 {
        let none = feat(2, "<none>");
        let prev = i.checked_sub(1).map_or(none, |j| info[j].lower_hash);
        let next = info.get(i + 1).map_or(none, |n| n.shape_hash);
        out[3] = mix(feat(44, ""), &[prev]);
        out[4] = mix(feat(45, ""), &[t.shape_hash, next]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("Jakarta"), ("Xxxxxx".to_string(), "Xx".to_string()));
        assert_eq!(shape("KPK-2"), ("XXX-d".to_string(), "X-d".to_string()));
        let mut out = Vec::new();
        affixes("dia", &mut out);
        assert_eq!(out.len(), 2 + 2);
        assert_eq!(out[0], feat(5, "d"));
        assert_eq!(out[1], feat(6, "di"));
        assert_eq!(out[2], feat(9, "a"));
        assert_eq!(out[3], feat(10, "ia"));
    }

    #[test]
    fn every_token_gets_the_same_number_of_features() {
        let words = ["Presiden", "Xi", "Jinping", "."];
        let info = token_info(&words, &[], &[]);
        let (mut out, mut ranges) = (Vec::new(), Vec::new());
        static_features(
            &words,
            &info,
            &WordStats::default(),
            F_CLUSTER | F_GAZ_CONTEXT,
            &mut out,
            &mut ranges,
        );
        assert_eq!(ranges.len(), 5);
        assert_ne!(out[ranges[1] + 1], out[ranges[2] + 1]);
    }
}
