//! What the benches measure on: the shared scraped articles beside the repo
//! (`../shared/data/articles/*.jsonl`). Each bench falls back to a small text of its own
//! when they are absent, so a bare clone still runs.

// Each bench is its own crate and uses only part of this module.
#![allow(dead_code)]

use std::path::Path;

/// The non-empty lines of every shared article file, in file-name order.
pub fn shared_lines() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        out.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    out
}

/// The shared articles that decode and have a non-blank body, read through the core's
/// own decoder with the keys of every built-in mapping.
pub fn shared_articles() -> Vec<warta_core::article::RawArticle> {
    shared_lines()
        .iter()
        .filter_map(|l| warta_core::article::RawArticle::decode_offline(l).ok())
        .filter(|a| a.body.as_deref().is_some_and(|b| !b.trim().is_empty()))
        .collect()
}
