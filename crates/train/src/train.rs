//! `warta train ner`: trains the entity tagger from CoNLL files (labeled) and JSONL
//! article files (unlabeled, `isi_berita` or `body`, used only for word statistics).
//! The same files and [`Options`] give a byte-identical model; the default options are
//! the shipped model's. `--holdout k` holds out every k-th labeled sentence and reports
//! its scores, which is how the settings were tuned without touching dev sets (`--fold r`
//! holds out the sentences whose index is r modulo k instead of 0).
//! The sentences trained on are extended with recombined copies ([`super::augment`])
//! after the held-out slice is set aside.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::augment;
use crate::conll::{self, Sentence};
use crate::eval::metrics::Counts;
use crate::Error as CommandError;
use warta_core::stages::entities::features::{
    F_CLUSTER, F_GAZ_CONTEXT, F_MORE, F_TRANS_MORE, F_VITERBI,
};
use warta_core::stages::entities::gazetteer::Gazetteer;
use warta_core::stages::entities::model::{self, Example, Scratch};
use warta_core::stages::entities::roles;
use warta_core::stages::entities::tokens::Token;

use warta_core::article::RawArticle;
use warta_core::lexicon::Lexicon;
use warta_core::output::EntityType;

pub const SEED: u64 = 42;
pub const EPOCHS: usize = 12;
/// log2 of the weight rows: 2^18 scored within noise of 2^20 on held-out tenths (about
/// 177k rows of 2^20 carried weight) in a table a quarter the size, which the tagger
/// reads faster (models/README.md).
pub const LOG2_BUCKETS: u32 = 18;
/// Copies of each labeled sentence with its entities swapped for other mentions of the
/// same type ([`augment`]; 0 turns it off).
pub const AUGMENT_COPIES: usize = 2;
/// Feature set of the shipped model (`features::F_*`).
pub const FLAGS: u32 = F_CLUSTER | F_GAZ_CONTEXT | F_MORE | F_TRANS_MORE | F_VITERBI;

/// The settings of one training run; the defaults train the shipped model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Sentence order per epoch and the recombined copies.
    pub seed: u64,
    pub epochs: usize,
    /// Hold out every k-th labeled sentence (k ≥ 2) and report the scores on them.
    pub holdout: Option<usize>,
    /// Which of the k slices is held out (0..k), for cross-validation over several.
    pub fold: usize,
    /// Recombined copies per labeled sentence with entities ([`AUGMENT_COPIES`]).
    pub augment: usize,
    /// log2 of the weight rows; the model file allows 1 to 24.
    pub log2_buckets: u32,
    /// Labeled files that are always trained on and never held out, so that a held-out
    /// score stays one of the `--data` sentences alone (other languages, silver data).
    pub train_only: Vec<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: SEED,
            epochs: EPOCHS,
            holdout: None,
            fold: 0,
            augment: AUGMENT_COPIES,
            log2_buckets: LOG2_BUCKETS,
            train_only: Vec::new(),
        }
    }
}

impl Options {
    /// Settings that cannot train a loadable model, or hold out nothing they name.
    fn check(&self) -> Result<(), CommandError> {
        let usage = |m: String| Err(CommandError::Usage(m));
        if !(1..=24).contains(&self.log2_buckets) {
            return usage(format!(
                "--log2-buckets {}: the model file allows 1 to 24",
                self.log2_buckets
            ));
        }
        match self.holdout {
            Some(k) if k < 2 => usage(format!(
                "--holdout {k}: hold out every k-th sentence, k ≥ 2"
            )),
            Some(k) if self.fold >= k => usage(format!(
                "--fold {}: with --holdout {k} the slices are 0 to {}",
                self.fold,
                k - 1
            )),
            None if self.fold != 0 => usage("--fold needs --holdout".into()),
            _ => Ok(()),
        }
    }
}

/// Exact-span counts, in total and per entity type (1 PERSON, 2 ORGANIZATION, 3 PLACE).
#[derive(Default)]
struct Scores([Counts; 4]);

impl Scores {
    fn add(&mut self, pred: &[(u8, usize, usize)], gold: &[(u8, usize, usize)]) {
        for p in pred {
            let correct = usize::from(gold.contains(p));
            for k in [0, p.0 as usize] {
                self.0[k].correct += correct;
                self.0[k].predicted += 1;
            }
        }
        for g in gold {
            for k in [0, g.0 as usize] {
                self.0[k].gold += 1;
            }
        }
    }

    fn line(&self) -> String {
        let all = self.0[0];
        format!(
            "P {:.4} R {:.4} F1 {:.4} (PER {:.4} ORG {:.4} LOC {:.4})",
            all.precision(),
            all.recall(),
            all.f1(),
            self.0[1].f1(),
            self.0[2].f1(),
            self.0[3].f1()
        )
    }
}

fn tokens_of(words: &[String]) -> (String, Vec<Token>) {
    let text = words.join(" ");
    let mut toks = Vec::with_capacity(words.len());
    let mut pos = 0;
    for w in words {
        toks.push(Token {
            bytes: pos..pos + w.len(),
        });
        pos += w.len() + 1;
    }
    (text, toks)
}

fn example(s: &Sentence, gaz: &Gazetteer) -> Example {
    let (text, toks) = tokens_of(&s.words);
    let (names, titles) = gaz.hits(&text, &toks);
    Example {
        words: s.words.clone(),
        tags: s.tags.clone(),
        names,
        titles,
    }
}

/// The bodies of a scraped JSONL file, read as `process` reads it.
fn article_texts(raw: &str) -> Vec<String> {
    raw.lines()
        .filter_map(|line| RawArticle::decode_offline(line).ok()?.body)
        .collect()
}

pub fn run(data: &[PathBuf], out: &Path, options: &Options) -> Result<String, CommandError> {
    options.check()?;
    let started = Instant::now();
    let seed = options.seed;
    let gaz = Gazetteer::new();
    let mut sentences = Vec::new();
    let mut texts = Vec::new();
    let mut report = String::new();
    for path in data {
        let raw = std::fs::read_to_string(path)
            .map_err(|e| CommandError::Usage(format!("{}: {e}", path.display())))?;
        if path.extension().is_some_and(|x| x == "jsonl") {
            let t = article_texts(&raw);
            report.push_str(&format!(
                "{}: {} unlabeled articles\n",
                path.display(),
                t.len()
            ));
            texts.extend(t);
        } else {
            let s = conll::parse(&raw);
            report.push_str(&format!("{}: {} sentences\n", path.display(), s.len()));
            sentences.extend(s);
        }
    }
    if sentences.is_empty() {
        return Err(CommandError::Usage("no labeled sentences in --data".into()));
    }
    let (epochs, holdout, fold) = (options.epochs, options.holdout, options.fold);
    let (train, held): (Vec<_>, Vec<_>) = sentences
        .into_iter()
        .enumerate()
        .partition(|(i, _)| holdout.is_none_or(|k| i % k != fold));
    let mut train_sents: Vec<Sentence> = train.into_iter().map(|(_, s)| s).collect();
    for path in &options.train_only {
        if path.extension().is_some_and(|x| x == "jsonl") {
            return Err(CommandError::Usage(format!(
                "{}: --train-only takes labeled CoNLL files; give unlabeled JSONL with --data",
                path.display()
            )));
        }
        let raw = std::fs::read_to_string(path)
            .map_err(|e| CommandError::Usage(format!("{}: {e}", path.display())))?;
        let s = conll::parse(&raw);
        report.push_str(&format!(
            "{}: {} sentences, always trained on\n",
            path.display(),
            s.len()
        ));
        train_sents.extend(s);
    }
    let copies = options.augment;
    let recombined = augment::replace_mentions(&train_sents, copies, seed);
    report.push_str(&format!(
        "{} labeled sentences, {} recombined copies ({copies} per sentence with entities)\n",
        train_sents.len(),
        recombined.len()
    ));
    train_sents.extend(recombined);
    let examples: Vec<Example> = train_sents.iter().map(|s| example(s, &gaz)).collect();
    let stats = crate::wordstats::build(texts.iter().map(String::as_str));
    let (flags, log2) = (FLAGS, options.log2_buckets);
    let m = model::train(&examples, stats, epochs, log2, seed, flags);
    let bytes = m.to_bytes();
    std::fs::write(out, &bytes)
        .map_err(|e| CommandError::Runtime(format!("{}: {e}", out.display())))?;
    report.push_str(&format!(
        "trained on {} sentences, {} epochs, seed {seed}, flags {flags}, 2^{log2} buckets, {} word stats; wrote {} ({} bytes) in {:.1}s\n",
        examples.len(),
        epochs,
        m.stats.len(),
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    ));
    if !held.is_empty() {
        // Raw tagger spans, and the spans after the role and name rules of the
        // pipeline (`roles::Rules::mentions`), on held-out sentences.
        let (mut raw, mut rules) = (Scores::default(), Scores::default());
        let mut scratch = Scratch::default();
        let name_rules = roles::Rules::with_lexicon(&Lexicon::embedded());
        for (_, s) in &held {
            let ex = example(s, &gaz);
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = m.tag(&words, &ex.names, &ex.titles, &mut scratch);
            let gold = conll::spans(&s.tags);
            raw.add(&conll::spans(&tags), &gold);
            let (text, toks) = tokens_of(&s.words);
            let found = name_rules.mentions(&text, &toks, &words, &tags, &ex.names, &ex.titles);
            let mut pred: Vec<(u8, usize, usize)> = found
                .iter()
                .filter_map(|f| {
                    let a = toks.iter().position(|t| t.bytes.start == f.bytes.start)?;
                    let b = toks.iter().position(|t| t.bytes.end == f.bytes.end)?;
                    let kind = match f.kind {
                        EntityType::Person => 1,
                        EntityType::Organization => 2,
                        EntityType::Location => 3,
                    };
                    Some((kind, a, b + 1))
                })
                .collect();
            pred.sort_unstable();
            pred.dedup();
            rules.add(&pred, &gold);
        }
        report.push_str(&format!(
            "held out {} sentences, tagger: {}\nheld out, with role/name rules: {}\n",
            held.len(),
            raw.line(),
            rules.line()
        ));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_that_cannot_work_are_refused_before_any_file_is_read() {
        let out = Path::new("/nonexistent/ner.bin");
        let refused = |options: Options| match run(&[], out, &options) {
            Err(CommandError::Usage(m)) => m,
            other => panic!("{other:?}"),
        };
        let with = |holdout, fold| Options {
            holdout,
            fold,
            ..Options::default()
        };
        assert!(refused(with(Some(1), 0)).starts_with("--holdout 1"));
        assert!(refused(with(Some(10), 10)).starts_with("--fold 10"));
        assert!(refused(with(None, 3)).starts_with("--fold needs"));
        let buckets = Options {
            log2_buckets: 25,
            ..Options::default()
        };
        assert!(refused(buckets).starts_with("--log2-buckets 25"));
        // Valid settings get as far as the missing data.
        assert_eq!(refused(with(Some(10), 9)), "no labeled sentences in --data");
    }
}
