//! The sequence tagger: an averaged perceptron over hashed features, decoded with
//! first-order Viterbi and trained as a structured perceptron. Chosen over the `crfs` CRF because it trains in
//! seconds, tags in a few hundred nanoseconds per token with no string lookups, and
//! scored at least as well on a held-out slice of the training data (see
//! models/README.md). Weights are stored as i16 with one scale so the model
//! file stays small and scoring is integer arithmetic.

use super::features::{
    contextual, lexical, static_features, transition_features, Sentence, WordFacts, F_VITERBI,
    KNOWN_FLAGS,
};
use super::gazetteer::Hit;
use super::wordstats::WordStats;
use crate::hash::FnvBuild;
use std::borrow::Cow;
use std::collections::HashMap;
use zerocopy::{FromBytes, Immutable, KnownLayout};

pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
pub const N_TAGS: usize = TAGS.len();
/// The "tag" before the first token.
const START: u8 = N_TAGS as u8;
/// The file format: magic, log2 of the weight rows (u32), weight scale (f32), feature
/// flags (u32), word statistics ([`WordStats::write`]), zero bytes up to a multiple of 16
/// from the start of the file, then one [`Row`] per bucket: eight i16 (the tag weights
/// and a zero), all little endian. Version 4 stores the rows as the tagger reads them, so
/// the embedded model is used in place instead of copied to the heap; version 3's rows
/// of seven and the older versions are refused.
const MAGIC: &[u8; 8] = b"WNERAP04";

/// Bytes aligned like a [`Row`], so the rows of an embedded model can be read in place.
#[repr(C, align(16))]
struct Aligned<B: ?Sized>(B);

/// The shipped model; `models/README.md` says how it was trained.
static EMBEDDED: &Aligned<[u8]> = &Aligned(*include_bytes!("../../../../../models/ner.bin"));
/// The shipped English model, trained on silver labels of English news (`models/README.md`).
static EMBEDDED_ENGLISH: &Aligned<[u8]> =
    &Aligned(*include_bytes!("../../../../../models/ner-en.bin"));

/// Why model bytes do not load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("not an entity model of format WNERAP04 (the file starts with {0:?})")]
    Format(String),
    #[error("the model file is cut off or malformed in its {0}")]
    Truncated(&'static str),
    #[error("the model has 2^{0} weight rows; 2^1 to 2^24 are allowed")]
    Buckets(u32),
    #[error("the model's feature flags {0} are not this build's: it needs Viterbi decoding (4) and no flag outside {KNOWN_FLAGS}")]
    Flags(u32),
    #[error("the model has {found} bytes of weights where its header says {expected}")]
    Weights { expected: usize, found: usize },
}

/// Tag id of a CoNLL tag from any of the shared sets (BIO or BILOU; PER/PERSON,
/// ORG/ORGANISATION/ORGANIZATION, LOC/PLACE/LOCATION). Anything else is O.
pub fn tag_id(tag: &str) -> u8 {
    let (prefix, kind) = match tag.split_once('-') {
        Some((p, k)) => (p, k),
        None => return 0,
    };
    let base = match kind {
        "PER" | "PERSON" => 1,
        "ORG" | "ORGANISATION" | "ORGANIZATION" => 3,
        "LOC" | "PLACE" | "LOCATION" | "GPE" => 5,
        _ => return 0,
    };
    match prefix {
        "B" | "U" | "S" => base,
        "I" | "L" | "E" => base + 1,
        _ => 0,
    }
}

/// Entity spans of a tag sequence as (type id 1..=3, first token, end token exclusive).
/// An inside tag without a matching begin starts a span, as conlleval does.
pub fn spans(tags: &[u8]) -> Vec<(u8, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(u8, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let kind = t.div_ceil(2);
        let inside = t != 0 && t % 2 == 0;
        match open {
            Some((k, _)) if inside && k == kind => continue,
            Some((k, s)) => {
                out.push((k, s, i));
                open = None;
            }
            None => {}
        }
        if t != 0 {
            open = Some((kind, i));
        }
    }
    if let Some((k, s)) = open {
        out.push((k, s, tags.len()));
    }
    out
}

/// True when tag `t` may follow `prev`: an inside tag only continues its own type.
fn allowed(prev: u8, t: u8) -> bool {
    t == 0 || t % 2 == 1 || (prev != 0 && prev != START && prev.div_ceil(2) == t.div_ceil(2))
}

pub struct Model {
    log2: u32,
    scale: f32,
    /// Feature sets the model was trained with (`features::F_*`).
    pub flags: u32,
    /// One [`Row`] per hash bucket: the embedded model's bytes themselves, or a copy
    /// where the bytes are not `'static` or not aligned.
    weights: Cow<'static, [Row]>,
    pub stats: WordStats,
    /// The words of the statistics table, lowercase and capitalized, with their facts
    /// and the summed weights of their lexical features ([`Known`]).
    known: HashMap<Box<str>, Known, FnvBuild>,
}

/// The least frequency class (log2 of the count in unlabeled news) of a word that
/// [`Model`] keeps precomputed.
const KNOWN_FREQ: u8 = 4;

/// A word the tagger has seen before: its facts and the scores its lexical features
/// give each tag, summed once when the model loads. Weights are integers, so the sum is
/// the same whether taken then or per token.
struct Known {
    facts: WordFacts,
    scores: [i32; N_TAGS],
}

/// Reusable buffers, so tagging a sentence allocates little once warmed up.
#[derive(Default)]
pub struct Scratch {
    feats: Vec<u64>,
    facts: Vec<WordFacts>,
    scores: Vec<[i32; N_TAGS]>,
    bounds: Vec<usize>,
    rows: Vec<usize>,
    trans: Vec<[u64; 5]>,
}

/// The weights of one hash bucket, one per tag, padded to eight and aligned so that a
/// row is one 16-byte load within one cache line (rows of seven two-byte weights would
/// straddle two lines at one row in four).
#[derive(Debug, Clone, Copy, Default, PartialEq, FromBytes, Immutable, KnownLayout)]
#[repr(C, align(16))]
struct Row([i16; 8]);

impl Row {
    fn add_to(&self, scores: &mut [i32; N_TAGS]) {
        for (sc, w) in scores.iter_mut().zip(&self.0) {
            *sc += i32::from(*w);
        }
    }
}

/// Asks the CPU to bring `row` into cache without waiting for it. A hint only: it reads
/// nothing and changes nothing.
#[inline]
fn prefetch(row: &Row) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: SSE is part of every x86_64 target, and a prefetch neither reads nor
        // writes memory, so any address is sound; this one is a live reference anyway.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(row).cast()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = row;
}

/// The hash bucket of feature `h`.
fn bucket(h: u64, log2: u32) -> usize {
    // Fold the high bits in: FNV's low bits alone are weak.
    ((h ^ (h >> 29) ^ (h >> 47)) & ((1u64 << log2) - 1)) as usize
}

/// Bucket of a transition feature `h` for previous tag `prev` (0..=START): the eight
/// previous tags of one feature share an aligned block of buckets.
fn trans_bucket(h: u64, prev: u8, log2: u32) -> usize {
    (bucket(h, log2) & !7) + prev as usize
}

/// Offset of feature `h`'s weights in a flat table of `N_TAGS` per bucket (training's).
fn row(h: u64, log2: u32) -> usize {
    bucket(h, log2) * N_TAGS
}

/// Offset of a transition feature's weights in a flat table, as [`row`].
fn trans_row(h: u64, prev: u8, log2: u32) -> usize {
    trans_bucket(h, prev, log2) * N_TAGS
}

/// The alignment of the weight rows in a model file, from its first byte.
const ROW_ALIGN: usize = std::mem::align_of::<Row>();

/// The fixed fields at the start of a model file.
struct Header {
    log2: u32,
    scale: f32,
    flags: u32,
}

/// The header, word statistics and weight-row bytes of a model file, checked.
fn parse(bytes: &[u8]) -> Result<(Header, WordStats, &[u8]), ModelError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or_else(|| {
        ModelError::Format(String::from_utf8_lossy(&bytes[..bytes.len().min(8)]).into())
    })?;
    let u32_at = |at: usize, what| {
        rest.get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or(ModelError::Truncated(what))
    };
    let log2 = u32_at(0, "header")?;
    let scale = f32::from_bits(u32_at(4, "header")?);
    let flags = u32_at(8, "header")?;
    if !(1..=24).contains(&log2) {
        return Err(ModelError::Buckets(log2));
    }
    if flags & F_VITERBI == 0 || flags & !KNOWN_FLAGS != 0 {
        return Err(ModelError::Flags(flags));
    }
    let (stats, used) =
        WordStats::read(&rest[12..]).ok_or(ModelError::Truncated("word statistics"))?;
    let rows_at = (MAGIC.len() + 12 + used).next_multiple_of(ROW_ALIGN);
    let rows = bytes
        .get(rows_at..)
        .ok_or(ModelError::Truncated("padding"))?;
    let expected = (1usize << log2) * std::mem::size_of::<Row>();
    if rows.len() != expected {
        return Err(ModelError::Weights {
            expected,
            found: rows.len(),
        });
    }
    Ok((Header { log2, scale, flags }, stats, rows))
}

/// Weight rows copied out of little-endian bytes of whole rows.
fn rows_owned(bytes: &[u8]) -> Vec<Row> {
    bytes
        .chunks_exact(std::mem::size_of::<Row>())
        .map(|r| {
            let mut row = Row::default();
            for (w, b) in row.0.iter_mut().zip(r.chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
            row
        })
        .collect()
}

impl Model {
    /// The shipped model, embedded in the binary.
    ///
    /// # Panics
    ///
    /// When the embedded bytes do not load. They are part of the build, so that is a
    /// broken build, and tagging with an empty model instead would quietly find no
    /// entities at all.
    pub fn embedded() -> Model {
        Model::from_static(&EMBEDDED.0)
            .unwrap_or_else(|e| panic!("the embedded models/ner.bin does not load: {e}"))
    }

    /// The shipped English model, embedded in the binary.
    ///
    /// # Panics
    ///
    /// When the embedded bytes do not load, as [`Model::embedded`].
    pub fn embedded_english() -> Model {
        Model::from_static(&EMBEDDED_ENGLISH.0)
            .unwrap_or_else(|e| panic!("the embedded models/ner-en.bin does not load: {e}"))
    }

    /// Reads what [`Model::to_bytes`] wrote, copying the weight rows.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let (header, stats, rows) = parse(bytes)?;
        Ok(Model::with_rows(
            header,
            Cow::Owned(rows_owned(rows)),
            stats,
        ))
    }

    /// As [`Model::from_bytes`], but the weight rows stay where they are when `bytes`
    /// lie aligned for them: the embedded models, whose pages the kernel shares and
    /// can drop, instead of a copy on the heap of every worker.
    fn from_static(bytes: &'static [u8]) -> Result<Model, ModelError> {
        let (header, stats, rows) = parse(bytes)?;
        let rows = match <[Row]>::ref_from_bytes(rows) {
            Ok(rows) if cfg!(target_endian = "little") => Cow::Borrowed(rows),
            _ => Cow::Owned(rows_owned(rows)),
        };
        Ok(Model::with_rows(header, rows, stats))
    }

    /// The model of these weights (`N_TAGS` per bucket), as training leaves them.
    fn new(log2: u32, scale: f32, flags: u32, weights: &[i16], stats: WordStats) -> Model {
        let rows = weights
            .chunks_exact(N_TAGS)
            .map(|w| {
                let mut row = Row::default();
                row.0[..N_TAGS].copy_from_slice(w);
                row
            })
            .collect();
        Model::with_rows(Header { log2, scale, flags }, Cow::Owned(rows), stats)
    }

    /// The model of these rows, with its table of known words built.
    fn with_rows(header: Header, weights: Cow<'static, [Row]>, stats: WordStats) -> Model {
        let Header { log2, scale, flags } = header;
        let mut model = Model {
            log2,
            scale,
            flags,
            weights,
            stats,
            known: HashMap::default(),
        };
        model.known = model.known_words();
        model
    }

    /// The common words of the statistics table as they are written in text: lowercase,
    /// and with a capital first letter. Words counted at least 2^[`KNOWN_FREQ`] times
    /// are about half the table and most tokens of news text; the rare half would cost
    /// memory for little.
    fn known_words(&self) -> HashMap<Box<str>, Known, FnvBuild> {
        let common: Vec<&str> = self
            .stats
            .iter()
            .filter(|(_, s)| s.freq >= KNOWN_FREQ)
            .map(|(w, _)| w)
            .collect();
        // Sized once: growing would hold the old and the new table at the same time,
        // and the peak is what the worker's memory limit sees.
        let mut known = HashMap::with_capacity_and_hasher(2 * common.len(), FnvBuild::default());
        let mut feats = Vec::new();
        for lower in common {
            let mut chars = lower.chars();
            let capitalized: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            for form in [lower.to_string(), capitalized] {
                if form.is_empty() || known.contains_key(form.as_str()) {
                    continue;
                }
                feats.clear();
                let facts = lexical(&form, &self.stats, self.flags, &mut feats);
                let scores = self.scores(&feats);
                known.insert(form.into_boxed_str(), Known { facts, scores });
            }
        }
        known
    }

    /// The summed weights of `feats` for each tag.
    fn scores(&self, feats: &[u64]) -> [i32; N_TAGS] {
        let mut scores = [0i32; N_TAGS];
        for &h in feats {
            self.add_row(&mut scores, h);
        }
        scores
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() * N_TAGS * 2 + 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.log2.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.flags.to_le_bytes());
        self.stats.write(&mut out);
        out.resize(out.len().next_multiple_of(ROW_ALIGN), 0);
        for w in self.weights.iter().flat_map(|r| &r.0) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    fn add_row(&self, scores: &mut [i32; N_TAGS], h: u64) {
        self.weights[bucket(h, self.log2)].add_to(scores);
    }

    /// Tags one sentence given its words and gazetteer hits.
    pub fn tag(&self, words: &[&str], names: &[Hit], titles: &[Hit], s: &mut Scratch) -> Vec<u8> {
        s.facts.clear();
        s.scores.clear();
        for w in words {
            let (facts, scores) = match self.known.get(*w) {
                Some(k) => (k.facts, k.scores),
                None => {
                    s.feats.clear();
                    let facts = lexical(w, &self.stats, self.flags, &mut s.feats);
                    (facts, self.scores(&s.feats))
                }
            };
            s.facts.push(facts);
            s.scores.push(scores);
        }
        let sentence = Sentence::new(&s.facts, names, titles, &self.stats);
        // The rows of the whole sentence first, each asked for ahead of its use: they are
        // scattered over a table larger than the core's cache, and waiting for them one
        // after another was most of the tagger's time.
        s.feats.clear();
        s.bounds.clear();
        for i in 0..sentence.len() {
            s.bounds.push(s.feats.len());
            contextual(&sentence, i, self.flags, &mut s.feats);
        }
        s.bounds.push(s.feats.len());
        s.rows.clear();
        s.rows.extend(s.feats.iter().map(|&h| bucket(h, self.log2)));
        for &r in &s.rows {
            prefetch(&self.weights[r]);
        }
        s.trans.clear();
        s.trans
            .extend((0..sentence.len()).map(|i| transition_features(&sentence, i, self.flags)));
        for &h in s.trans.iter().flatten().filter(|&&h| h != 0) {
            // The block of eight previous tags is 128 bytes over two or three cache
            // lines; most of it is asked for, and the rest comes with the loads.
            let block = trans_bucket(h, 0, self.log2);
            prefetch(&self.weights[block]);
            prefetch(&self.weights[block + 4]);
        }
        for (i, scores) in s.scores.iter_mut().enumerate() {
            for &r in &s.rows[s.bounds[i]..s.bounds[i + 1]] {
                self.weights[r].add_to(scores);
            }
        }
        let (scores, trans) = (&s.scores, &s.trans);
        viterbi(
            sentence.len(),
            |i| scores[i],
            |i, p| {
                let mut scores = [0i32; N_TAGS];
                for &h in trans[i].iter().filter(|&&h| h != 0) {
                    self.weights[trans_bucket(h, p, self.log2)].add_to(&mut scores);
                }
                scores
            },
        )
    }
}

/// The best tag sequence of `n` tokens under per-token scores `emit(i)` plus
/// transition scores `trans(i, previous tag)`, respecting [`allowed`]. Ties go to the
/// lower tag id, so decoding is deterministic.
fn viterbi<T, E, R>(n: usize, mut emit: E, mut trans: R) -> Vec<u8>
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
    E: FnMut(usize) -> [T; N_TAGS],
    R: FnMut(usize, u8) -> [T; N_TAGS],
{
    if n == 0 {
        return Vec::new();
    }
    let mut back: Vec<[u8; N_TAGS]> = Vec::with_capacity(n);
    let e0 = emit(0);
    let t0 = trans(0, START);
    let mut delta: [Option<T>; N_TAGS] = [None; N_TAGS];
    for t in 0..N_TAGS {
        if allowed(START, t as u8) {
            delta[t] = Some(e0[t] + t0[t]);
        }
    }
    back.push([START; N_TAGS]);
    for i in 1..n {
        let e = emit(i);
        let mut best: [Option<(T, u8)>; N_TAGS] = [None; N_TAGS];
        for p in 0..N_TAGS as u8 {
            let Some(dp) = delta[p as usize] else {
                continue;
            };
            let tr = trans(i, p);
            for t in 0..N_TAGS {
                if !allowed(p, t as u8) {
                    continue;
                }
                let v = dp + tr[t];
                if best[t].is_none_or(|(b, _)| v > b) {
                    best[t] = Some((v, p));
                }
            }
        }
        let mut bp = [0u8; N_TAGS];
        for t in 0..N_TAGS {
            delta[t] = best[t].map(|(v, p)| {
                bp[t] = p;
                v + e[t]
            });
        }
        back.push(bp);
    }
    let mut last = 0u8;
    let mut top: Option<T> = None;
    for (t, d) in delta.iter().enumerate() {
        if let Some(v) = *d {
            if top.is_none_or(|b| v > b) {
                top = Some(v);
                last = t as u8;
            }
        }
    }
    let mut tags = vec![0u8; n];
    tags[n - 1] = last;
    for i in (1..n).rev() {
        tags[i - 1] = back[i][tags[i] as usize];
    }
    tags
}

/// One labeled sentence for training.
pub struct Example {
    pub words: Vec<String>,
    pub tags: Vec<u8>,
    pub names: Vec<Hit>,
    pub titles: Vec<Hit>,
}

pub fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Averaged perceptron training; the same data, seed and settings give the same bytes.
/// `flags` chooses the feature sets (`features::F_*`); every model decodes with Viterbi,
/// so [`F_VITERBI`] is always set.
pub fn train(
    examples: &[Example],
    stats: WordStats,
    epochs: usize,
    log2: u32,
    seed: u64,
    flags: u32,
) -> Model {
    let flags = flags | F_VITERBI;
    let avg = averaged_weights(examples, &stats, epochs, log2, seed, flags);
    let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-6);
    let scale = max / f32::from(i16::MAX);
    let weights: Vec<i16> = avg
        .iter()
        .map(|&x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    Model::new(log2, scale, flags, &weights, stats)
}

/// The structured perceptron's weights, averaged over every update step.
fn averaged_weights(
    examples: &[Example],
    stats: &WordStats,
    epochs: usize,
    log2: u32,
    seed: u64,
    flags: u32,
) -> Vec<f32> {
    let n = (1usize << log2) * N_TAGS;
    let mut w = vec![0f32; n];
    // Sum of (step * update): the average is w - u / steps.
    let mut u = vec![0f64; n];
    let mut step: f64 = 1.0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed;
    let (mut feats, mut ranges) = (Vec::new(), Vec::new());
    for _ in 0..epochs {
        for k in (1..order.len()).rev() {
            let j = (splitmix(&mut rng) % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &e in &order {
            let ex = &examples[e];
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let sentence = static_features(
                &words,
                &ex.names,
                &ex.titles,
                stats,
                flags,
                &mut feats,
                &mut ranges,
            );
            let score = |rows: &mut dyn Iterator<Item = usize>| {
                let mut scores = [0f32; N_TAGS];
                for r in rows {
                    for (sc, wt) in scores.iter_mut().zip(&w[r..r + N_TAGS]) {
                        *sc += *wt;
                    }
                }
                scores
            };
            let rows = |i: usize, p: u8| {
                feats[ranges[i]..ranges[i + 1]]
                    .iter()
                    .map(move |&h| row(h, log2))
                    .chain(
                        transition_features(&sentence, i, flags)
                            .into_iter()
                            .filter(|&h| h != 0)
                            .map(move |h| trans_row(h, p, log2)),
                    )
            };
            let guess = viterbi(
                words.len(),
                |i| {
                    score(
                        &mut feats[ranges[i]..ranges[i + 1]]
                            .iter()
                            .map(|&h| row(h, log2)),
                    )
                },
                |i, p| {
                    score(
                        &mut transition_features(&sentence, i, flags)
                            .into_iter()
                            .filter(|&h| h != 0)
                            .map(|h| trans_row(h, p, log2)),
                    )
                },
            );
            if guess != ex.tags {
                for i in 0..words.len() {
                    let (g, p) = (ex.tags[i], guess[i]);
                    let gp = if i == 0 { START } else { ex.tags[i - 1] };
                    let pp = if i == 0 { START } else { guess[i - 1] };
                    if g == p && gp == pp {
                        continue;
                    }
                    for (tag, prev, sign) in [(g, gp, 1.0f32), (p, pp, -1.0f32)] {
                        for r in rows(i, prev) {
                            let r = r + tag as usize;
                            w[r] += sign;
                            u[r] += f64::from(sign) * step;
                        }
                    }
                }
            }
            step += 1.0;
        }
    }
    w.iter()
        .zip(&u)
        .map(|(&wi, &ui)| (f64::from(wi) - ui / step) as f32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::entities::features::F_CLUSTER;

    #[test]
    fn spans_follow_conlleval() {
        assert_eq!(
            spans(&[0, 1, 2, 0, 5, 6, 3]),
            vec![(1, 1, 3), (3, 4, 6), (2, 6, 7)]
        );
        assert_eq!(spans(&[2, 2, 4]), vec![(1, 0, 2), (2, 2, 3)]);
    }

    #[test]
    fn tag_sets_map_to_one_scheme() {
        assert_eq!(tag_id("B-PLACE"), 5);
        assert_eq!(tag_id("I-ORGANISATION"), 4);
        assert_eq!(tag_id("U-PERSON"), 1);
        assert_eq!(tag_id("L-LOC"), 6);
        assert_eq!(tag_id("B-MISC"), 0);
        assert_eq!(tag_id("O"), 0);
    }

    #[test]
    fn inside_tags_continue_only_their_type() {
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(0, 2));
        assert!(!allowed(3, 2));
        assert!(!allowed(START, 6));
        assert!(allowed(START, 5));
    }

    #[test]
    fn learns_a_toy_pattern_and_round_trips() {
        let ex = |ws: &[&str], ts: &[u8]| Example {
            words: ws.iter().map(|s| s.to_string()).collect(),
            tags: ts.to_vec(),
            names: vec![],
            titles: vec![],
        };
        let data = vec![
            ex(&["kata", "Budi", "di", "Bandung"], &[0, 1, 0, 5]),
            ex(&["kata", "Ani", "Lestari", "di", "Bogor"], &[0, 1, 2, 0, 5]),
            ex(&["kata", "Tono", "di", "Medan"], &[0, 1, 0, 5]),
        ];
        let m = train(&data, WordStats::default(), 5, 12, 7, F_VITERBI);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        let tags = back.tag(
            &["kata", "Rudi", "di", "Solo"],
            &[],
            &[],
            &mut Scratch::default(),
        );
        assert_eq!(tags, vec![0, 1, 0, 5]);
        let again = train(&data, WordStats::default(), 5, 12, 7, F_VITERBI);
        assert_eq!(again.to_bytes(), m.to_bytes());
    }

    #[test]
    fn known_words_tag_as_words_computed_afresh() {
        use crate::stages::entities::gazetteer::Gazetteer;
        use crate::stages::entities::tokens::tokenize;
        let model = Model::embedded();
        assert!(
            model.known.len() > model.stats.len() / 2,
            "{}",
            model.known.len()
        );
        let mut afresh = Model::from_bytes(&EMBEDDED.0).unwrap();
        afresh.known.clear();
        let body = "Presiden Prabowo Subianto bertemu Perdana Menteri Anthony Albanese di \
                    Istana Merdeka , Jakarta , Senin ( 16/6/2025 ) , kata juru bicara \
                    Kementerian Luar Negeri Qxzbrt Wvlmno .";
        let toks = tokenize(body, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
        let (names, titles) = Gazetteer::new().hits(body, &toks);
        let (mut a, mut b) = (Scratch::default(), Scratch::default());
        let tags = model.tag(&words, &names, &titles, &mut a);
        assert_eq!(tags, afresh.tag(&words, &names, &titles, &mut b));
        assert_eq!(a.scores, b.scores);
        assert!(tags.iter().any(|&t| t != 0));
        // Unknown words ("Qxzbrt") took the slow path in both.
        assert!(!model.known.contains_key("Qxzbrt"));
    }

    #[test]
    fn the_embedded_model_loads_with_the_shipped_feature_set() {
        use crate::stages::entities::features::{F_GAZ_CONTEXT, F_MORE, F_TRANS_MORE};
        let model = Model::embedded();
        assert_eq!(
            model.flags,
            F_CLUSTER | F_GAZ_CONTEXT | F_MORE | F_TRANS_MORE | F_VITERBI
        );
        assert_eq!(model.log2, 18);
        assert!(model.stats.len() > 10_000);
        // Its rows are the binary's own bytes, not a copy on the heap.
        assert!(matches!(model.weights, Cow::Borrowed(_)));
    }

    #[test]
    fn rows_read_in_place_or_copied_are_the_same() {
        let bytes = Model::embedded().to_bytes();
        assert_eq!(
            bytes.as_slice(),
            &EMBEDDED.0,
            "to_bytes writes what it read"
        );
        // One byte in front puts the rows off their alignment, so they are copied.
        let mut shifted = vec![0u8];
        shifted.extend_from_slice(&bytes);
        let shifted: &'static [u8] = &Box::leak(shifted.into_boxed_slice())[1..];
        let copied = Model::from_static(shifted).unwrap();
        assert!(matches!(copied.weights, Cow::Owned(_)));
        assert_eq!(*copied.weights, *Model::embedded().weights);
    }

    #[test]
    fn bytes_that_are_no_current_model_are_refused_with_the_reason() {
        let good = train(&[], WordStats::default(), 1, 4, 7, F_VITERBI).to_bytes();
        assert!(Model::from_bytes(&good).is_ok());
        let mut v3 = good.clone();
        v3[..8].copy_from_slice(b"WNERAP03");
        assert_eq!(
            Model::from_bytes(&v3).err(),
            Some(ModelError::Format("WNERAP03".into()))
        );
        assert_eq!(
            Model::from_bytes(&good[..10]).err(),
            Some(ModelError::Truncated("header"))
        );
        assert_eq!(
            Model::from_bytes(&good[..good.len() - 2]).err(),
            Some(ModelError::Weights {
                expected: 16 * std::mem::size_of::<Row>(),
                found: 16 * std::mem::size_of::<Row>() - 2
            })
        );
        let with_flags = |flags: u32| {
            let mut b = good.clone();
            b[16..20].copy_from_slice(&flags.to_le_bytes());
            Model::from_bytes(&b).err()
        };
        // Greedy decoding (no Viterbi bit) and the dropped capitalized-run features (16).
        assert_eq!(with_flags(F_CLUSTER), Some(ModelError::Flags(F_CLUSTER)));
        assert_eq!(
            with_flags(F_VITERBI | 16),
            Some(ModelError::Flags(F_VITERBI | 16))
        );
    }
}
