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

/// The shared lines that parse as JSON.
pub fn shared_values() -> Vec<serde_json::Value> {
    shared_lines()
        .iter()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// The first string among `keys` in a scraped record (the scrapers name fields
/// differently: `isi_berita` or `body`, `judul` or `title`).
pub fn field(v: &serde_json::Value, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(|x| x.as_str()))
        .map(str::to_string)
}
