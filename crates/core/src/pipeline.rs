//! The stage order, in one place, and [`Resources`]: everything a stage needs, built once.
//!
//! ```text
//! RawArticle ─▶ clean ─▶ segment ─▶ language ─▶ entities ─▶ quotes ─▶ dates ─▶ stats ─▶ Enriched
//! ```
//!
//! Nothing here does I/O, talks to Kafka or reads a clock: whatever varies (resources,
//! limits, the provenance with its `processed_at`) is passed in, so every test of this
//! module is a plain function call and the same input always gives the same output.
//! Stages work in byte offsets; [`CharMap`](crate::span::CharMap) turns them into the
//! code-point offsets of the output contract.

use std::borrow::Cow;
use std::sync::Arc;

use crate::article::RawArticle;
use crate::error::Rejected;
use crate::lexicon::Lexicon;
use crate::output::{Enriched, Provenance, SCHEMA_VERSION};
use crate::span;
use crate::stages::{clean, dates, entities, extract, language, quotes, segment, stats};

/// Compiled rules of every stage; built once and shared, never rebuilt per article.
struct Compiled {
    cleaner: clean::Cleaner,
    segmenter: segment::Segmenter,
    language: language::LanguageDetector,
    quotes: quotes::QuoteRules,
    dates: dates::DateRules,
    entities: entities::Recognizer,
}

/// Everything enrichment needs that is built once at start-up and shared by all workers.
/// Cloning is cheap (the compiled rules sit behind an `Arc`).
#[derive(Clone)]
pub struct Resources {
    pub limits: EnrichLimits,
    /// Leaves the quote stage out (`quotes` stays empty); for benchmarks that measure
    /// what the stage costs. Always false in the worker.
    pub skip_quotes: bool,
    /// Publishes the removed lines themselves (`removed_lines`), for auditing the cleaner.
    pub debug_removed: bool,
    compiled: Arc<Compiled>,
}

impl std::fmt::Debug for Resources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resources")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Resources {
    /// Compiles all patterns and word lists; costs a few milliseconds, once.
    pub fn new(limits: EnrichLimits) -> Resources {
        Resources::with_lexicon(limits, &Lexicon::embedded())
    }

    /// The resources with the word lists of `lexicon` in place of the shipped ones.
    pub fn with_lexicon(limits: EnrichLimits, lexicon: &Lexicon) -> Resources {
        Resources {
            limits,
            skip_quotes: false,
            debug_removed: false,
            compiled: Arc::new(Compiled {
                cleaner: clean::Cleaner::with_lexicon(lexicon),
                segmenter: segment::Segmenter::with_lexicon(lexicon),
                language: language::LanguageDetector::with_lexicon(lexicon),
                quotes: quotes::QuoteRules::with_lexicon(lexicon),
                dates: dates::DateRules::new(),
                entities: entities::Recognizer::embedded(lexicon),
            }),
        }
    }
}

impl Resources {
    /// The entity recognizer the pipeline uses, for evaluations that run the stage alone.
    pub fn recognizer(&self) -> &entities::Recognizer {
        &self.compiled.entities
    }

    /// The same resources, publishing the removed lines (`removed_lines`) or not.
    pub fn with_debug_removed(mut self, on: bool) -> Resources {
        self.debug_removed = on;
        self
    }
}

impl Default for Resources {
    fn default() -> Self {
        Resources::new(EnrichLimits::default())
    }
}

/// Caps on what one article may produce, so a hostile input cannot blow up a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnrichLimits {
    pub max_entities: usize,
    pub max_quotes: usize,
}

impl Default for EnrichLimits {
    fn default() -> Self {
        EnrichLimits {
            max_entities: 2_000,
            max_quotes: 2_000,
        }
    }
}

/// Enriches one article. `provenance` is copied into the output as given.
pub fn enrich(
    article: &RawArticle,
    resources: &Resources,
    provenance: Provenance,
) -> Result<Enriched, Rejected> {
    let c = &resources.compiled;
    // A record without a body carries a page: its main text, title and date come from it.
    let mut page = None;
    let text: Cow<str> = match article.body.as_deref().filter(|b| !b.trim().is_empty()) {
        Some(body) => Cow::Borrowed(body),
        None => {
            let extracted = extract::extract(article.html.as_deref().unwrap_or(""));
            let text = Cow::Owned(extracted.text.clone());
            page = Some(extracted);
            text
        }
    };
    let cleaned = c.cleaner.clean(&text);
    if cleaned.body.is_empty() {
        return Err(Rejected::EmptyAfterCleaning);
    }
    let body = cleaned.body;
    let map = span::CharMap::new(&body);
    let segments = c.segmenter.segment(&body, &map);
    let (language, language_confidence) = c.language.language(article.language.as_deref(), &body);
    let sentences: Vec<_> = segments.sentences.iter().map(|s| s.bytes.clone()).collect();
    let entities = c
        .entities
        .extract(&body, &sentences, &map, language.as_deref());
    if entities.len() > resources.limits.max_entities {
        return Err(Rejected::OverLimit {
            what: "entities",
            count: entities.len(),
            limit: resources.limits.max_entities,
        });
    }
    let quotes = if resources.skip_quotes {
        Vec::new()
    } else {
        c.quotes.extract_linked(&body, &segments, &map, &entities)
    };
    if quotes.len() > resources.limits.max_quotes {
        return Err(Rejected::OverLimit {
            what: "quotes",
            count: quotes.len(),
            limit: resources.limits.max_quotes,
        });
    }
    let has_text = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    // The record's own fields win; the page's metadata fills only what the record lacks.
    let published_at_raw = match page.as_mut() {
        Some(p) if !has_text(&article.published_at) && p.published_at.is_some() => {
            p.published_at.take()
        }
        _ => article.published_at.clone(),
    };
    let title = match page.as_mut() {
        Some(p) if !has_text(&article.title) && p.title.is_some() => p.title.take(),
        _ => article.title.clone(),
    };
    let published_at = published_at_raw
        .as_deref()
        .and_then(|raw| c.dates.parse_published(raw));
    let dates = c
        .dates
        .mentions(&body, &map, published_at.as_deref(), language.as_deref());
    let inline = |s: &Option<String>| {
        s.as_deref()
            .map(clean::clean_inline)
            .filter(|s| !s.is_empty())
    };
    Ok(Enriched {
        schema_version: SCHEMA_VERSION,
        id: article.stable_id(),
        url: article.url.clone(),
        source: article.source.clone(),
        title: inline(&title),
        author: inline(&article.author),
        published_at,
        published_at_raw,
        language,
        language_confidence,
        dateline: cleaned.dateline,
        stats: stats::stats(&body, &segments),
        content_hash: stats::content_hash(&body),
        entities,
        quotes,
        dates,
        removed: cleaned.removed,
        removed_lines: resources.debug_removed.then(|| {
            cleaned
                .removed_lines
                .into_iter()
                .map(|r| crate::output::RemovedLine {
                    kind: r.kind.to_string(),
                    text: r.text,
                })
                .collect()
        }),
        provenance,
        body,
    })
}
