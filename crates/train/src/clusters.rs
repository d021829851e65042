//! Word classes from unlabeled text by the exchange algorithm (Kneser & Ney 1993;
//! Martin, Liermann & Ney 1998): every word is moved, in turn, to the class that most
//! raises the likelihood of a class bigram model of the text, until few words move.
//! Words used alike ("kabupaten" and "kota", two surnames, two ministries) end up
//! sharing a class, which lets the tagger carry what it learned about one to the other.
//! Deterministic: the same sentences and settings give the same classes.

use std::collections::HashMap;

/// `x ln x`, the entropy term of a count (0 for 0).
fn xlogx(x: i64) -> f64 {
    if x <= 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// Bigram counts of one word with its neighbours, by neighbour id.
#[derive(Default)]
struct Links {
    /// (next word, count), self-pairs excluded.
    out: Vec<(u32, u32)>,
    /// (previous word, count), self-pairs excluded.
    inn: Vec<(u32, u32)>,
    /// Count of the word following itself.
    own: u32,
    /// All bigrams with the word on the left / on the right, self-pairs included.
    out_total: i64,
    in_total: i64,
}

/// Class (0..`classes`) of every word seen at least `min_count` times in `sentences`.
/// Rarer words and sentence boundaries take part as two pseudo-words and get no class.
pub fn exchange(
    sentences: &[Vec<String>],
    classes: usize,
    min_count: u32,
    passes: usize,
) -> HashMap<String, u16> {
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = freq
        .iter()
        .filter(|(_, &c)| c >= min_count)
        .map(|(w, c)| (*w, *c))
        .collect();
    // Most frequent first, ties by spelling: the order fixes the result.
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let n_words = vocab.len();
    let (rare, boundary) = (n_words as u32, n_words as u32 + 1);
    let n = n_words + 2;

    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    for s in sentences {
        let mut prev = boundary;
        for w in s {
            let id = index.get(w.as_str()).copied().unwrap_or(rare);
            *pairs.entry((prev, id)).or_default() += 1;
            prev = id;
        }
        *pairs.entry((prev, boundary)).or_default() += 1;
    }
    let mut links: Vec<Links> = (0..n).map(|_| Links::default()).collect();
    let mut sorted: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
    sorted.sort_unstable();
    for ((a, b), c) in sorted {
        links[a as usize].out_total += i64::from(c);
        links[b as usize].in_total += i64::from(c);
        if a == b {
            links[a as usize].own += c;
        } else {
            links[a as usize].out.push((b, c));
            links[b as usize].inn.push((a, c));
        }
    }

    let k = classes.max(2);
    // The most frequent words start in classes of their own, the rest in the last one.
    let mut class: Vec<usize> = (0..n).map(|i| i.min(k - 1)).collect();
    class[rare as usize] = k - 1;
    class[boundary as usize] = k - 1;
    let mut m = vec![0i64; k * k];
    let mut left = vec![0i64; k];
    let mut right = vec![0i64; k];
    for (a, l) in links.iter().enumerate() {
        let ca = class[a];
        for &(b, c) in &l.out {
            m[ca * k + class[b as usize]] += i64::from(c);
        }
        m[ca * k + ca] += i64::from(l.own);
        left[ca] += l.out_total;
        right[ca] += l.in_total;
    }

    let mut r = vec![0i64; k];
    let mut l = vec![0i64; k];
    let (mut r_classes, mut l_classes): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for _ in 0..passes {
        let mut moved = 0usize;
        for w in 0..n_words {
            let lw = &links[w];
            let a = class[w];
            r_classes.clear();
            l_classes.clear();
            for &(v, c) in &lw.out {
                let d = class[v as usize];
                if r[d] == 0 {
                    r_classes.push(d);
                }
                r[d] += i64::from(c);
            }
            for &(u, c) in &lw.inn {
                let d = class[u as usize];
                if l[d] == 0 {
                    l_classes.push(d);
                }
                l[d] += i64::from(c);
            }
            let own = i64::from(lw.own);
            let shift = |m: &mut [i64], left: &mut [i64], right: &mut [i64], to: usize, s: i64| {
                for &d in &r_classes {
                    m[to * k + d] += s * r[d];
                }
                for &c in &l_classes {
                    m[c * k + to] += s * l[c];
                }
                m[to * k + to] += s * own;
                left[to] += s * lw.out_total;
                right[to] += s * lw.in_total;
            };
            shift(&mut m, &mut left, &mut right, a, -1);
            let gain = |b: usize| -> f64 {
                let mut g = 0.0;
                for &d in &r_classes {
                    if d != b {
                        let x = m[b * k + d];
                        g += xlogx(x + r[d]) - xlogx(x);
                    }
                }
                for &c in &l_classes {
                    if c != b {
                        let x = m[c * k + b];
                        g += xlogx(x + l[c]) - xlogx(x);
                    }
                }
                let bb = m[b * k + b];
                g += xlogx(bb + r[b] + l[b] + own) - xlogx(bb);
                g -= xlogx(left[b] + lw.out_total) - xlogx(left[b]);
                g -= xlogx(right[b] + lw.in_total) - xlogx(right[b]);
                g
            };
            let mut best = a;
            let mut best_gain = gain(a);
            for b in 0..k {
                if b != a {
                    let g = gain(b);
                    if g > best_gain + 1e-9 {
                        best = b;
                        best_gain = g;
                    }
                }
            }
            shift(&mut m, &mut left, &mut right, best, 1);
            if best != a {
                class[w] = best;
                moved += 1;
            }
            for &d in &r_classes {
                r[d] = 0;
            }
            for &c in &l_classes {
                l[c] = 0;
            }
        }
        if moved * 1000 < n_words {
            break;
        }
    }
    vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.to_string(), class[i] as u16))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let places = ["bandung", "medan", "bogor", "depok"];
        let people = ["budi", "siti", "andi", "rina"];
        for (i, p) in places.iter().enumerate() {
            for (j, q) in people.iter().enumerate() {
                for verb in ["pergi", "pulang", "datang"] {
                    let line = format!("kemarin {q} {verb} ke {p} naik kereta");
                    out.push(line.split(' ').map(String::from).collect());
                    if (i + j) % 2 == 0 {
                        let line = format!("kata {q} di {p} tadi");
                        out.push(line.split(' ').map(String::from).collect());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn words_used_alike_share_a_class() {
        let classes = exchange(&corpus(), 6, 2, 20);
        let c = |w: &str| classes[w];
        assert_eq!(c("bandung"), c("medan"));
        assert_eq!(c("bogor"), c("depok"));
        assert_eq!(c("budi"), c("rina"));
        assert_ne!(c("budi"), c("bandung"));
    }

    #[test]
    fn the_same_text_gives_the_same_classes() {
        assert_eq!(exchange(&corpus(), 5, 2, 10), exchange(&corpus(), 5, 2, 10));
    }
}
