//! Features of each token, hashed to integers so tagging allocates little and the model
//! is one flat weight table. Static features (the word, its shape and affixes, its
//! neighbours, gazetteer and title hits, unlabeled-corpus statistics) are computed once
//! per sentence; transition features, which pair the previous tag with this token, are
//! scored per previous tag during Viterbi decoding.
//!
//! Every feature is a template id ([`template`]) hashed with its values. The hashes
//! index the shipped model's weights, so a template's id, its values and the order they
//! are hashed in must stay as they are: a change loads fine and tags with the wrong
//! weights. `the_shipped_feature_set_hashes_as_it_was_trained` guards them.

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

/// The template ids. "prev"/"next" are the tokens at -1/+1, "prev2"/"next2" at -2/+2;
/// "short" is the collapsed word shape ("Xx"), "stat" the word's packed statistics and
/// "class" its word class. Templates with several values conjoin them.
pub mod template {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const SHAPE: u8 = 3;
    pub const SHORT: u8 = 4;
    /// The prefix of k characters (1..=3) is template `PREFIX + k`.
    pub const PREFIX: u8 = 4;
    /// The suffix of k characters (1..=4) is template `SUFFIX + k`.
    pub const SUFFIX: u8 = 8;
    /// Capital first letter, all capitals, digit, hyphen, punctuation, single character.
    pub const WORD_FLAGS: u8 = 13;
    /// Short shape × place in the sentence (first, last, second, other).
    pub const SHORT_POSITION: u8 = 14;
    pub const LOWER_PREV: u8 = 15;
    pub const LOWER_NEXT: u8 = 16;
    pub const LOWER_PREV2: u8 = 17;
    pub const LOWER_NEXT2: u8 = 18;
    pub const SHAPE_PREV: u8 = 19;
    pub const SHAPE_NEXT: u8 = 20;
    pub const LOWER_PREV_THIS: u8 = 21;
    pub const LOWER_THIS_NEXT: u8 = 22;
    pub const SHAPES_PREV_THIS_NEXT: u8 = 23;
    pub const GAZ: u8 = 24;
    pub const GAZ_PREV_THIS: u8 = 25;
    pub const GAZ_THIS_NEXT: u8 = 26;
    pub const TITLE_PREV_THIS: u8 = 27;
    pub const TITLE_PREV2_GAZ_PREV: u8 = 28;
    pub const STAT: u8 = 29;
    pub const STAT_PREV_THIS: u8 = 30;
    pub const STAT_THIS_NEXT: u8 = 31;
    pub const SHORT_STAT: u8 = 32;
    pub const WORD_PREV_SHAPE: u8 = 33;
    pub const WORD_NEXT_SHAPE: u8 = 34;
    /// Transition features, each scored with the previous tag.
    pub const TRANS: u8 = 40;
    pub const TRANS_LOWER: u8 = 42;
    pub const TRANS_SHAPE: u8 = 43;
    pub const TRANS_LOWER_PREV: u8 = 44;
    pub const TRANS_SHAPE_SHAPE_NEXT: u8 = 45;
    /// `F_CLUSTER`.
    pub const CLASS: u8 = 50;
    pub const CLASS_PREV: u8 = 54;
    pub const CLASS_NEXT: u8 = 55;
    pub const SHORT_CLASS: u8 = 56;
    pub const CLASS_PREV_THIS: u8 = 57;
    pub const CLASS_THIS_NEXT: u8 = 58;
    /// `F_GAZ_CONTEXT`: the token's gazetteer code with a neighbouring word.
    pub const GAZ_LOWER_PREV: u8 = 60;
    pub const GAZ_LOWER_NEXT: u8 = 61;
    pub const GAZ_LOWER_PREV2: u8 = 62;
    /// `F_MORE`.
    pub const LOWER_PREV2_PREV: u8 = 70;
    pub const LOWER_NEXT_NEXT2: u8 = 71;
    pub const SHORT_POSITION_CAP: u8 = 72;
    pub const LOWER_PREV_CLASS: u8 = 75;
}

use template as t;

/// What the lowercase word of a position outside the sentence hashes as.
const OUTSIDE: &str = "<none>";
/// The word class of a position outside the sentence: no word has it.
const OUTSIDE_CLASS: u64 = 0x1_0000;
/// The packed statistics of a word the table does not hold.
const NO_STAT: u64 = 0xffff_ffff;

/// Per-token facts shared by the features of the token and of its neighbours.
pub struct TokenInfo {
    lower: String,
    short: String,
    lower_hash: u64,
    shape_hash: u64,
    gaz: u8,
    title: u8,
}

impl TokenInfo {
    /// A position before the first token or after the last.
    fn outside() -> TokenInfo {
        TokenInfo {
            lower: String::new(),
            short: String::new(),
            lower_hash: feat(t::LOWER, OUTSIDE),
            shape_hash: feat(t::SHAPE, OUTSIDE),
            gaz: 0,
            title: 0,
        }
    }
}

/// The word's shape, its first six characters as X (capital), x (lowercase), d (digit)
/// or themselves, and the short shape, runs of one kind collapsed: "Jakarta" is "Xxxxxx"
/// and "Xx".
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
                lower_hash: feat(t::LOWER, &lower),
                shape_hash: feat(t::SHAPE, &shape),
                lower,
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
        out.push(feat(t::PREFIX + k as u8, &lower[..i]));
    }
    for (k, (i, _)) in (1..).zip(lower.char_indices().rev().take(4)) {
        if k < n {
            out.push(feat(t::SUFFIX + k as u8, &lower[i..]));
        }
    }
}

/// Feature-set flags stored in the model file, so a model is always tagged with the
/// features it was trained with. `F_CLUSTER`: the word classes (`wordstats::Stat::cluster`)
/// of the token and its neighbours, alone, in pairs and with the word shape.
pub const F_CLUSTER: u32 = 1;
/// Gazetteer hits conjoined with the neighbouring words ("di Israel" vs "militer Israel").
pub const F_GAZ_CONTEXT: u32 = 2;
/// Word pairs at -2/-1 and +1/+2, sentence position with capitalization habit, and, with
/// `F_CLUSTER`, the previous word conjoined with the word's class.
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

/// A word's statistics as one feature value: capitalization share, frequency and cue
/// bits in the low three bytes.
fn packed(s: Option<Stat>) -> u64 {
    match s {
        Some(s) => u64::from(s.cap) | u64::from(s.freq) << 8 | u64::from(s.ctx) << 16,
        None => NO_STAT,
    }
}

/// Spelling facts of the word as bits: capital first letter, all capitals, a digit, a
/// hyphen, punctuation first, a single character.
fn word_flags(w: &str) -> u64 {
    let first = w.chars().next().unwrap_or(' ');
    u64::from(first.is_uppercase())
        | u64::from(w.chars().all(|c| !c.is_lowercase()) && first.is_alphabetic()) << 1
        | u64::from(w.chars().any(|c| c.is_ascii_digit())) << 2
        | u64::from(w.contains('-')) << 3
        | u64::from(!first.is_alphanumeric()) << 4
        | u64::from(w.chars().count() == 1) << 5
}

/// Where token `i` of `n` stands: 0 first, 1 last, 2 second, 3 elsewhere. A capitalized
/// first word says little; a capitalized word elsewhere says much.
fn position(i: usize, n: usize) -> u64 {
    if i == 0 {
        0
    } else if i + 1 == n {
        1
    } else if i == 1 {
        2
    } else {
        3
    }
}

/// The tokens of a sentence with their statistics and word classes, looked up once per
/// token rather than once per feature that uses them (both come from one table entry).
struct Window<'a> {
    info: &'a [TokenInfo],
    outside: TokenInfo,
    outside_stat: u64,
    stats: Vec<u64>,
    classes: Vec<u64>,
}

/// Token `i` and what its features read around it.
struct Around<'a> {
    this: &'a TokenInfo,
    prev: &'a TokenInfo,
    prev2: &'a TokenInfo,
    next: &'a TokenInfo,
    next2: &'a TokenInfo,
    stat: u64,
    stat_prev: u64,
    stat_next: u64,
    class: u64,
    class_prev: u64,
    class_next: u64,
    position: u64,
}

impl<'a> Window<'a> {
    fn new(info: &'a [TokenInfo], stats: &WordStats) -> Window<'a> {
        let outside = TokenInfo::outside();
        let outside_stat = packed(stats.get(&outside.lower));
        let (stats, classes) = info
            .iter()
            .map(|t| {
                let s = stats.get(&t.lower);
                (packed(s), s.map_or(0, |s| u64::from(s.cluster)))
            })
            .unzip();
        Window {
            info,
            outside,
            outside_stat,
            stats,
            classes,
        }
    }

    /// The index of the token `d` positions from `i`, if it is in the sentence.
    fn index(&self, i: usize, d: isize) -> Option<usize> {
        i.checked_add_signed(d).filter(|&j| j < self.info.len())
    }

    fn around(&self, i: usize) -> Around<'_> {
        let token = |d| self.index(i, d).map_or(&self.outside, |j| &self.info[j]);
        let stat = |d| {
            self.index(i, d)
                .map_or(self.outside_stat, |j| self.stats[j])
        };
        let class = |d| self.index(i, d).map_or(OUTSIDE_CLASS, |j| self.classes[j]);
        Around {
            this: &self.info[i],
            prev: token(-1),
            prev2: token(-2),
            next: token(1),
            next2: token(2),
            stat: stat(0),
            stat_prev: stat(-1),
            stat_next: stat(1),
            class: class(0),
            class_prev: class(-1),
            class_next: class(1),
            position: position(i, self.info.len()),
        }
    }
}

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
    let window = Window::new(info, stats);
    for (i, w) in words.iter().enumerate() {
        ranges.push(out.len());
        let a = window.around(i);
        word_features(w, &a, out);
        context_features(&a, out);
        if feature_set & F_CLUSTER != 0 {
            class_features(&a, out);
        }
        if feature_set & F_MORE != 0 {
            more_features(&a, feature_set & F_CLUSTER != 0, out);
        }
        if feature_set & F_GAZ_CONTEXT != 0 && a.this.gaz != 0 {
            gaz_context_features(&a, out);
        }
    }
    ranges.push(out.len());
}

/// The word itself: as written, lowercase, its shapes and affixes and spelling flags.
fn word_features(w: &str, a: &Around, out: &mut Vec<u64>) {
    let this = a.this;
    out.push(feat(t::BIAS, ""));
    out.push(feat(t::WORD, w));
    out.push(this.lower_hash);
    out.push(this.shape_hash);
    out.push(feat(t::SHORT, &this.short));
    affixes(&this.lower, out);
    out.push(mix(feat(t::WORD_FLAGS, ""), &[word_flags(w)]));
    out.push(mix(feat(t::SHORT_POSITION, &this.short), &[a.position]));
}

/// The neighbours' words and shapes, gazetteer and title hits around the token, and the
/// statistics of the word and its neighbours.
fn context_features(a: &Around, out: &mut Vec<u64>) {
    let (this, prev, next) = (a.this, a.prev, a.next);
    out.push(mix(feat(t::LOWER_PREV, ""), &[prev.lower_hash]));
    out.push(mix(feat(t::LOWER_NEXT, ""), &[next.lower_hash]));
    out.push(mix(feat(t::LOWER_PREV2, ""), &[a.prev2.lower_hash]));
    out.push(mix(feat(t::LOWER_NEXT2, ""), &[a.next2.lower_hash]));
    out.push(mix(feat(t::SHAPE_PREV, ""), &[prev.shape_hash]));
    out.push(mix(feat(t::SHAPE_NEXT, ""), &[next.shape_hash]));
    out.push(mix(
        feat(t::LOWER_PREV_THIS, ""),
        &[prev.lower_hash, this.lower_hash],
    ));
    out.push(mix(
        feat(t::LOWER_THIS_NEXT, ""),
        &[this.lower_hash, next.lower_hash],
    ));
    out.push(mix(
        feat(t::SHAPES_PREV_THIS_NEXT, ""),
        &[prev.shape_hash, this.shape_hash, next.shape_hash],
    ));
    let code = |c: u8| u64::from(c);
    out.push(mix(feat(t::GAZ, ""), &[code(this.gaz)]));
    out.push(mix(
        feat(t::GAZ_PREV_THIS, ""),
        &[code(prev.gaz), code(this.gaz)],
    ));
    out.push(mix(
        feat(t::GAZ_THIS_NEXT, ""),
        &[code(this.gaz), code(next.gaz)],
    ));
    out.push(mix(
        feat(t::TITLE_PREV_THIS, ""),
        &[code(prev.title), code(this.title)],
    ));
    out.push(mix(
        feat(t::TITLE_PREV2_GAZ_PREV, ""),
        &[code(a.prev2.title), code(prev.gaz)],
    ));
    out.push(mix(feat(t::STAT, ""), &[a.stat]));
    out.push(mix(feat(t::STAT_PREV_THIS, ""), &[a.stat_prev, a.stat]));
    out.push(mix(feat(t::STAT_THIS_NEXT, ""), &[a.stat, a.stat_next]));
    out.push(mix(feat(t::SHORT_STAT, &this.short), &[a.stat]));
    out.push(mix(
        feat(t::WORD_PREV_SHAPE, &prev.lower),
        &[this.shape_hash],
    ));
    out.push(mix(
        feat(t::WORD_NEXT_SHAPE, &next.lower),
        &[this.shape_hash],
    ));
}

/// `F_CLUSTER`: the word classes of the token and its neighbours, alone, in pairs and
/// with the short shape.
fn class_features(a: &Around, out: &mut Vec<u64>) {
    out.push(mix(feat(t::CLASS, ""), &[a.class]));
    out.push(mix(feat(t::CLASS_PREV, ""), &[a.class_prev]));
    out.push(mix(feat(t::CLASS_NEXT, ""), &[a.class_next]));
    out.push(mix(feat(t::SHORT_CLASS, &a.this.short), &[a.class]));
    out.push(mix(feat(t::CLASS_PREV_THIS, ""), &[a.class_prev, a.class]));
    out.push(mix(feat(t::CLASS_THIS_NEXT, ""), &[a.class, a.class_next]));
}

/// `F_MORE`: the word pairs at -2/-1 and +1/+2, the short shape × position × the word's
/// capitalization habit, and, with the classes on, the previous word × the word's class.
fn more_features(a: &Around, with_classes: bool, out: &mut Vec<u64>) {
    out.push(mix(
        feat(t::LOWER_PREV2_PREV, ""),
        &[a.prev2.lower_hash, a.prev.lower_hash],
    ));
    out.push(mix(
        feat(t::LOWER_NEXT_NEXT2, ""),
        &[a.next.lower_hash, a.next2.lower_hash],
    ));
    let capitalization = a.stat & 0xff;
    out.push(mix(
        feat(t::SHORT_POSITION_CAP, &a.this.short),
        &[a.position, capitalization],
    ));
    if with_classes {
        out.push(mix(
            feat(t::LOWER_PREV_CLASS, ""),
            &[a.prev.lower_hash, a.class],
        ));
    }
}

/// `F_GAZ_CONTEXT`, for a token in a gazetteer hit: its code with the words before and
/// after ("di Israel" is a place, "militer Israel" the country's army).
fn gaz_context_features(a: &Around, out: &mut Vec<u64>) {
    let gaz = u64::from(a.this.gaz);
    out.push(mix(feat(t::GAZ_LOWER_PREV, ""), &[a.prev.lower_hash, gaz]));
    out.push(mix(feat(t::GAZ_LOWER_NEXT, ""), &[a.next.lower_hash, gaz]));
    out.push(mix(
        feat(t::GAZ_LOWER_PREV2, ""),
        &[a.prev2.lower_hash, gaz],
    ));
}

/// Features of the transition into token `i`, for Viterbi decoding: each owns eight
/// adjacent weight rows, one per previous tag (see `model::trans_row`), so all previous
/// tags are scored from one memory region. Unused slots are 0.
pub fn transition_features(info: &[TokenInfo], i: usize, feature_set: u32) -> [u64; 5] {
    let this = &info[i];
    let mut out = [
        feat(t::TRANS, ""),
        mix(feat(t::TRANS_LOWER, ""), &[this.lower_hash]),
        mix(feat(t::TRANS_SHAPE, ""), &[this.shape_hash]),
        0,
        0,
    ];
    if feature_set & F_TRANS_MORE != 0 {
        let outside = feat(t::LOWER, OUTSIDE);
        let prev = i.checked_sub(1).map_or(outside, |j| info[j].lower_hash);
        // Past the last token the next shape reads as the outside word's hash, not its
        // shape's, as the shipped model was trained.
        let next = info.get(i + 1).map_or(outside, |n| n.shape_hash);
        out[3] = mix(feat(t::TRANS_LOWER_PREV, ""), &[prev]);
        out[4] = mix(
            feat(t::TRANS_SHAPE_SHAPE_NEXT, ""),
            &[this.shape_hash, next],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::entities::gazetteer::Gazetteer;
    use crate::stages::entities::model::Model;
    use crate::stages::entities::tokens::tokenize;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("Jakarta"), ("Xxxxxx".to_string(), "Xx".to_string()));
        assert_eq!(shape("KPK-2"), ("XXX-d".to_string(), "X-d".to_string()));
        let mut out = Vec::new();
        affixes("dia", &mut out);
        assert_eq!(out.len(), 2 + 2);
        assert_eq!(out[0], feat(t::PREFIX + 1, "d"));
        assert_eq!(out[1], feat(t::PREFIX + 2, "di"));
        assert_eq!(out[2], feat(t::SUFFIX + 1, "a"));
        assert_eq!(out[3], feat(t::SUFFIX + 2, "ia"));
    }

    #[test]
    fn word_flags_and_positions() {
        assert_eq!(word_flags("Jakarta"), 0b1);
        assert_eq!(word_flags("KPK-2"), 0b1111);
        assert_eq!(word_flags(","), 0b11_0000);
        assert_eq!(word_flags("dia"), 0);
        let places: Vec<u64> = (0..4).map(|i| position(i, 4)).collect();
        assert_eq!(places, [0, 2, 3, 1]);
        assert_eq!(position(0, 1), 0);
    }

    #[test]
    fn positions_outside_the_sentence_read_as_the_outside_token() {
        let words = ["Budi", "pergi"];
        let info = token_info(&words, &[], &[]);
        let window = Window::new(&info, &WordStats::default());
        let first = window.around(0);
        assert_eq!(first.prev.lower_hash, feat(t::LOWER, OUTSIDE));
        assert_eq!(first.prev2.shape_hash, feat(t::SHAPE, OUTSIDE));
        assert_eq!(first.next.lower_hash, feat(t::LOWER, "pergi"));
        assert_eq!(first.class_prev, OUTSIDE_CLASS);
        assert_eq!((first.stat, first.stat_next), (NO_STAT, NO_STAT));
        assert_eq!(window.around(1).next2.lower_hash, feat(t::LOWER, OUTSIDE));
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

    /// The static and transition features of one sentence under the shipped model's
    /// statistics and flags, hashed together, are what they were when the model was
    /// trained: a changed template id, value or order shows here, not as a quietly
    /// worse tagger.
    #[test]
    fn the_shipped_feature_set_hashes_as_it_was_trained() {
        let body = "Presiden China Xi Jinping bertemu Menteri Luar Negeri Retno Marsudi di \
                    Jakarta , kata KPK-2 ( MK ) 2024 .";
        let toks = tokenize(body, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
        let (names, titles) = Gazetteer::new().hits(body, &toks);
        let model = Model::embedded();
        let info = token_info(&words, &names, &titles);
        let (mut out, mut ranges) = (Vec::new(), Vec::new());
        static_features(
            &words,
            &info,
            &model.stats,
            model.flags,
            &mut out,
            &mut ranges,
        );
        let mut all = out;
        all.extend(ranges.iter().map(|&r| r as u64));
        for i in 0..words.len() {
            all.extend(transition_features(&info, i, model.flags));
        }
        assert_eq!(
            (all.len(), mix(FNV_OFFSET, &all)),
            (964, 0xf000_243d_fe97_d0a9)
        );
    }
}
