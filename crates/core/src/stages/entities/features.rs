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

/// What the features read of one word, wherever it stands: the hashes of its lowercase
/// form and shape, the same pre-mixed with the templates that pair them with a neighbour
/// or a position, and its statistics. [`lexical`] computes them once per word, and the
/// tagger keeps them for the words it knows (`model::Model`), so a common word costs one
/// table lookup instead of a lowercase copy, two shapes and a dozen hashes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordFacts {
    lower_hash: u64,
    shape_hash: u64,
    /// `feat(WORD_PREV_SHAPE, lower)`: the word's part when it stands before the token.
    as_prev: u64,
    /// `feat(WORD_NEXT_SHAPE, lower)`: when it stands after.
    as_next: u64,
    /// `feat(SHORT_POSITION, short)` and `feat(SHORT_POSITION_CAP, short)`, mixed with
    /// the place in the sentence where the word stands.
    short_position: u64,
    short_position_cap: u64,
    stat: u64,
    class: u64,
}

impl WordFacts {
    /// A position before the first token or after the last: it reads as the empty word
    /// for the statistics and the word-with-shape pairs, as the trained models do.
    fn outside(stats: &WordStats) -> WordFacts {
        WordFacts {
            lower_hash: feat(t::LOWER, OUTSIDE),
            shape_hash: feat(t::SHAPE, OUTSIDE),
            as_prev: feat(t::WORD_PREV_SHAPE, ""),
            as_next: feat(t::WORD_NEXT_SHAPE, ""),
            // No feature reads the position of a token outside the sentence.
            short_position: 0,
            short_position_cap: 0,
            stat: packed(stats.get("")),
            class: OUTSIDE_CLASS,
        }
    }
}

/// The facts of word `w` and, pushed onto `out`, its lexical features: those that depend
/// on the word alone. They are the bias, the word as written and lowercase, its shapes,
/// affixes and spelling flags, its statistics and, with `F_CLUSTER`, its class, alone and
/// with the short shape.
pub fn lexical(w: &str, stats: &WordStats, feature_set: u32, out: &mut Vec<u64>) -> WordFacts {
    let lower = w.to_lowercase();
    let (shape, short) = shape(w);
    let stat = stats.get(&lower);
    let facts = WordFacts {
        lower_hash: feat(t::LOWER, &lower),
        shape_hash: feat(t::SHAPE, &shape),
        as_prev: feat(t::WORD_PREV_SHAPE, &lower),
        as_next: feat(t::WORD_NEXT_SHAPE, &lower),
        short_position: feat(t::SHORT_POSITION, &short),
        short_position_cap: feat(t::SHORT_POSITION_CAP, &short),
        stat: packed(stat),
        class: stat.map_or(0, |s| u64::from(s.cluster)),
    };
    out.push(feat(t::BIAS, ""));
    out.push(feat(t::WORD, w));
    out.push(facts.lower_hash);
    out.push(facts.shape_hash);
    out.push(feat(t::SHORT, &short));
    affixes(&lower, out);
    out.push(mix(feat(t::WORD_FLAGS, ""), &[word_flags(w)]));
    out.push(mix(feat(t::STAT, ""), &[facts.stat]));
    out.push(mix(feat(t::SHORT_STAT, &short), &[facts.stat]));
    if feature_set & F_CLUSTER != 0 {
        out.push(mix(feat(t::CLASS, ""), &[facts.class]));
        out.push(mix(feat(t::SHORT_CLASS, &short), &[facts.class]));
    }
    facts
}

/// One token: its word's facts and its gazetteer and title codes.
#[derive(Debug, Clone, Copy)]
struct TokenInfo {
    word: WordFacts,
    gaz: u8,
    title: u8,
}

/// A sentence as the contextual features read it: each token's facts and hits, and what
/// a position outside the sentence reads as.
pub struct Sentence {
    tokens: Vec<TokenInfo>,
    outside: TokenInfo,
}

impl Sentence {
    /// The sentence of the words with `facts`, and their gazetteer and title hits.
    pub fn new(facts: &[WordFacts], names: &[Hit], titles: &[Hit], stats: &WordStats) -> Sentence {
        let gaz = gaz_codes(facts.len(), names);
        let tit = gaz_codes(facts.len(), titles);
        Sentence {
            tokens: facts
                .iter()
                .enumerate()
                .map(|(i, &word)| TokenInfo {
                    word,
                    gaz: gaz[i],
                    title: tit[i],
                })
                .collect(),
            outside: TokenInfo {
                word: WordFacts::outside(stats),
                gaz: 0,
                title: 0,
            },
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token `i` and what its features read around it.
    fn around(&self, i: usize) -> Around<'_> {
        let token = |d: isize| {
            i.checked_add_signed(d)
                .and_then(|j| self.tokens.get(j))
                .unwrap_or(&self.outside)
        };
        Around {
            this: &self.tokens[i],
            prev: token(-1),
            prev2: token(-2),
            next: token(1),
            next2: token(2),
            position: position(i, self.tokens.len()),
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

/// Token `i` and the tokens around it.
struct Around<'a> {
    this: &'a TokenInfo,
    prev: &'a TokenInfo,
    prev2: &'a TokenInfo,
    next: &'a TokenInfo,
    next2: &'a TokenInfo,
    position: u64,
}

/// Static features of every token, flattened: token `i` owns `out[ranges[i]..ranges[i+1]]`,
/// its [`lexical`] features and then its [`contextual`] ones. Training reads these; the
/// tagger sums the lexical part of a known word once and reads only the contextual part.
pub fn static_features(
    words: &[&str],
    names: &[Hit],
    titles: &[Hit],
    stats: &WordStats,
    feature_set: u32,
    out: &mut Vec<u64>,
    ranges: &mut Vec<usize>,
) -> Sentence {
    let mut lexicals = Vec::new();
    let mut bounds = vec![0];
    let facts: Vec<WordFacts> = words
        .iter()
        .map(|w| {
            let facts = lexical(w, stats, feature_set, &mut lexicals);
            bounds.push(lexicals.len());
            facts
        })
        .collect();
    let sentence = Sentence::new(&facts, names, titles, stats);
    out.clear();
    ranges.clear();
    for i in 0..words.len() {
        ranges.push(out.len());
        out.extend_from_slice(&lexicals[bounds[i]..bounds[i + 1]]);
        contextual(&sentence, i, feature_set, out);
    }
    ranges.push(out.len());
    sentence
}

/// The features of token `i` that read its place and neighbours: the short shape by
/// position, the neighbours' words and shapes, gazetteer and title hits around it, the
/// statistics and classes of its neighbours, and the sets of `feature_set`.
pub fn contextual(sentence: &Sentence, i: usize, feature_set: u32, out: &mut Vec<u64>) {
    let a = sentence.around(i);
    let (this, prev, next) = (&a.this.word, &a.prev.word, &a.next.word);
    out.push(mix(this.short_position, &[a.position]));
    out.push(mix(feat(t::LOWER_PREV, ""), &[prev.lower_hash]));
    out.push(mix(feat(t::LOWER_NEXT, ""), &[next.lower_hash]));
    out.push(mix(feat(t::LOWER_PREV2, ""), &[a.prev2.word.lower_hash]));
    out.push(mix(feat(t::LOWER_NEXT2, ""), &[a.next2.word.lower_hash]));
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
    out.push(mix(feat(t::GAZ, ""), &[code(a.this.gaz)]));
    out.push(mix(
        feat(t::GAZ_PREV_THIS, ""),
        &[code(a.prev.gaz), code(a.this.gaz)],
    ));
    out.push(mix(
        feat(t::GAZ_THIS_NEXT, ""),
        &[code(a.this.gaz), code(a.next.gaz)],
    ));
    out.push(mix(
        feat(t::TITLE_PREV_THIS, ""),
        &[code(a.prev.title), code(a.this.title)],
    ));
    out.push(mix(
        feat(t::TITLE_PREV2_GAZ_PREV, ""),
        &[code(a.prev2.title), code(a.prev.gaz)],
    ));
    out.push(mix(feat(t::STAT_PREV_THIS, ""), &[prev.stat, this.stat]));
    out.push(mix(feat(t::STAT_THIS_NEXT, ""), &[this.stat, next.stat]));
    out.push(mix(prev.as_prev, &[this.shape_hash]));
    out.push(mix(next.as_next, &[this.shape_hash]));
    let classes = feature_set & F_CLUSTER != 0;
    if classes {
        out.push(mix(feat(t::CLASS_PREV, ""), &[prev.class]));
        out.push(mix(feat(t::CLASS_NEXT, ""), &[next.class]));
        out.push(mix(feat(t::CLASS_PREV_THIS, ""), &[prev.class, this.class]));
        out.push(mix(feat(t::CLASS_THIS_NEXT, ""), &[this.class, next.class]));
    }
    if feature_set & F_MORE != 0 {
        more_features(&a, classes, out);
    }
    if feature_set & F_GAZ_CONTEXT != 0 && a.this.gaz != 0 {
        gaz_context_features(&a, out);
    }
}

/// `F_MORE`: the word pairs at -2/-1 and +1/+2, the short shape × position × the word's
/// capitalization habit, and, with the classes on, the previous word × the word's class.
fn more_features(a: &Around, with_classes: bool, out: &mut Vec<u64>) {
    let (this, prev, next) = (&a.this.word, &a.prev.word, &a.next.word);
    out.push(mix(
        feat(t::LOWER_PREV2_PREV, ""),
        &[a.prev2.word.lower_hash, prev.lower_hash],
    ));
    out.push(mix(
        feat(t::LOWER_NEXT_NEXT2, ""),
        &[next.lower_hash, a.next2.word.lower_hash],
    ));
    let capitalization = this.stat & 0xff;
    out.push(mix(this.short_position_cap, &[a.position, capitalization]));
    if with_classes {
        out.push(mix(
            feat(t::LOWER_PREV_CLASS, ""),
            &[prev.lower_hash, this.class],
        ));
    }
}

/// `F_GAZ_CONTEXT`, for a token in a gazetteer hit: its code with the words before and
/// after ("di Israel" is a place, "militer Israel" the country's army).
fn gaz_context_features(a: &Around, out: &mut Vec<u64>) {
    let gaz = u64::from(a.this.gaz);
    out.push(mix(
        feat(t::GAZ_LOWER_PREV, ""),
        &[a.prev.word.lower_hash, gaz],
    ));
    out.push(mix(
        feat(t::GAZ_LOWER_NEXT, ""),
        &[a.next.word.lower_hash, gaz],
    ));
    out.push(mix(
        feat(t::GAZ_LOWER_PREV2, ""),
        &[a.prev2.word.lower_hash, gaz],
    ));
}

/// Features of the transition into token `i`, for Viterbi decoding: each owns eight
/// adjacent weight rows, one per previous tag (see `model::trans_row`), so all previous
/// tags are scored from one memory region. Unused slots are 0.
pub fn transition_features(sentence: &Sentence, i: usize, feature_set: u32) -> [u64; 5] {
    let this = &sentence.tokens[i].word;
    let mut out = [
        feat(t::TRANS, ""),
        mix(feat(t::TRANS_LOWER, ""), &[this.lower_hash]),
        mix(feat(t::TRANS_SHAPE, ""), &[this.shape_hash]),
        0,
        0,
    ];
    if feature_set & F_TRANS_MORE != 0 {
        let outside = feat(t::LOWER, OUTSIDE);
        let prev = i
            .checked_sub(1)
            .map_or(outside, |j| sentence.tokens[j].word.lower_hash);
        // Past the last token the next shape reads as the outside word's hash, not its
        // shape's, as the shipped model was trained.
        let next = sentence
            .tokens
            .get(i + 1)
            .map_or(outside, |n| n.word.shape_hash);
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
        let stats = WordStats::default();
        let facts: Vec<WordFacts> = ["Budi", "pergi"]
            .iter()
            .map(|w| lexical(w, &stats, 0, &mut Vec::new()))
            .collect();
        let sentence = Sentence::new(&facts, &[], &[], &stats);
        let first = sentence.around(0);
        assert_eq!(first.prev.word.lower_hash, feat(t::LOWER, OUTSIDE));
        assert_eq!(first.prev2.word.shape_hash, feat(t::SHAPE, OUTSIDE));
        assert_eq!(first.next.word.lower_hash, feat(t::LOWER, "pergi"));
        assert_eq!(first.prev.word.class, OUTSIDE_CLASS);
        assert_eq!(
            (first.this.word.stat, first.next.word.stat),
            (NO_STAT, NO_STAT)
        );
        assert_eq!(
            sentence.around(1).next2.word.lower_hash,
            feat(t::LOWER, OUTSIDE)
        );
    }

    #[test]
    fn every_token_gets_its_own_features() {
        let words = ["Presiden", "Xi", "Jinping", "."];
        let (mut out, mut ranges) = (Vec::new(), Vec::new());
        static_features(
            &words,
            &[],
            &[],
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
        let (mut out, mut ranges) = (Vec::new(), Vec::new());
        let sentence = static_features(
            &words,
            &names,
            &titles,
            &model.stats,
            model.flags,
            &mut out,
            &mut ranges,
        );
        // Each token's features as a set: their order is no part of the model, which
        // sums their weights.
        let mut all = Vec::new();
        for i in 0..words.len() {
            let mut own = out[ranges[i]..ranges[i + 1]].to_vec();
            own.sort_unstable();
            all.push(own.len() as u64);
            all.extend(own);
        }
        assert_eq!(all.len(), 863);
        for i in 0..words.len() {
            all.extend(transition_features(&sentence, i, model.flags));
        }
        assert_eq!(mix(FNV_OFFSET, &all), 0x593e_60e2_b032_74f2);
    }
}
