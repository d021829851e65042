//! `warta eval clean`: what the cleaning stage leaves and what it loses, over scraped
//! JSONL (body in `isi_berita` or `body`).
//!
//! The checks do not reuse the cleaner's debris rules (that would be circular):
//! - debris markers left: whole output lines matched against the issue's marker list;
//! - glued datelines left: an outlet's dateline at the start of an output body;
//! - mojibake left: `Â`, `â€`, `Ã` + a continuation char in an output body;
//! - line survival: every input line that the cleaner did not report as removed must
//!   survive with its letters and digits in order (case, white space and punctuation
//!   ignored) in the output body. Removed lines are counted by kind, and
//!   `--show-removed N` prints examples of each kind for a human to audit.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use regex::Regex;

use crate::Error as CommandError;
use warta_core::article::RawArticle;
use warta_core::error::DecodeError;
use warta_core::stages::clean::{clean_inline, Cleaner};

/// Letters and digits, lowercased: what "survives" compares.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Checks {
    markers: Regex,
    dateline: Regex,
    mojibake: Regex,
    glued_word: Regex,
}

impl Checks {
    fn new() -> Checks {
        let re = |p: &str| Regex::new(p).expect("eval pattern");
        Checks {
            markers: re(concat!(
                r"^(?:(?i:baca\s*juga)\b|(?i:advertisement)$|SCROLL TO CONTINUE WITH CONTENT|",
                r"(?:Simak|Lihat)\s+[Jj]uga\b|\[Gambas:|Dapatkan berita terbaru|",
                r"(?i:bagikan artikel|share this|tulis komentar|kirim komentar)|",
                r"\(?(?i:foto)\s*:|(?:Editor|Penulis|Reporter)\s*:|",
                r"\([a-z]{2,6}(?:/[a-z]{2,6})*\)$|",
                // The call-to-action and embed markers of the cleaning issue.
                r"(?:Tonton|Simak|Saksikan)\s+(?:[Jj]uga|[Vv]ideo)\b|(?i:baca\s+selengkapnya)|",
                r"Artikel ini (?:telah|sudah) tayang|A post shared by|.*pic\.twitter\.com/|",
                r"(?i:klik\s+di\s*sini)|(?i:download|unduh)\s+aplikasi|.*Google News)"
            )),
            dateline: re(concat!(
                r"^(?:\S+\.(?i:com|co|co\.id)\s*,|[\p{Lu} ]+,\s*(?i:kompas\.com)|",
                r"(?i:kompas\.com)\s*[-–—]|\p{Lu}\p{L}+\s*\((?i:antara)\)|",
                r"\p{Lu}\p{L}+,\s*CNN Indonesia)"
            )),
            mojibake: re(r"Â|â€|Ã[\u{80}-\u{BF}€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"),
            glued_word: re(r"\p{Ll}\p{Lu}"),
        }
    }
}

#[derive(Default)]
struct Tally {
    articles: usize,
    lines: usize,
    must_survive: usize,
    survived: usize,
    markers_left: usize,
    datelines_left: usize,
    mojibake_left: usize,
    removed: BTreeMap<&'static str, Vec<String>>,
    lost: Vec<String>,
    marker_lines: Vec<String>,
    dateline_lines: Vec<String>,
    whole_lines_removed: usize,
    bad_datelines: Vec<String>,
}

fn article(cleaner: &Cleaner, checks: &Checks, body: &str, t: &mut Tally) {
    t.articles += 1;
    let cleaned = cleaner.clean(body);
    let out = letters(&cleaned.body);
    for line in cleaned.body.split("\n\n") {
        if checks.markers.is_match(line) {
            t.markers_left += 1;
            t.marker_lines.push(line.to_string());
        }
    }
    if checks.dateline.is_match(&cleaned.body) {
        t.datelines_left += 1;
        t.dateline_lines
            .push(cleaned.body.chars().take(100).collect::<String>());
    }
    t.mojibake_left += checks.mojibake.find_iter(&cleaned.body).count();

    // Lines the cleaner says it removed, by their letters; a dateline is cut from the
    // front of a line whose rest must survive.
    let mut removed: Vec<(&'static str, String)> = Vec::new();
    let mut datelines: Vec<String> = Vec::new();
    for r in &cleaned.removed_lines {
        t.removed.entry(r.kind).or_default().push(r.text.clone());
        if r.kind == "dateline" {
            // A dateline that swallowed text glued to the place ("JakartaTimnas") loses it.
            if checks.glued_word.is_match(&r.text) {
                t.bad_datelines.push(r.text.clone());
            }
            datelines.push(letters(&r.text));
        } else {
            removed.push((r.kind, letters(&r.text)));
        }
    }
    for line in body.split('\n') {
        let norm = letters(&clean_inline(line));
        if norm.is_empty() {
            continue;
        }
        t.lines += 1;
        if let Some(i) = removed.iter().position(|(_, l)| *l == norm) {
            removed.swap_remove(i);
            t.whole_lines_removed += 1;
            continue;
        }
        let mut rest = norm.as_str();
        if let Some(i) = datelines.iter().position(|d| rest.starts_with(d.as_str())) {
            rest = &rest[datelines[i].len()..];
            datelines.swap_remove(i);
            if rest.is_empty() {
                continue;
            }
            // What follows the dateline may itself have been cut as debris.
            if let Some(i) = removed.iter().position(|(_, l)| l == rest) {
                removed.swap_remove(i);
                continue;
            }
        }
        t.must_survive += 1;
        if out.contains(rest) {
            t.survived += 1;
        } else {
            t.lost.push(line.trim().to_string());
        }
    }
}

/// Runs the checks over every record of every input file and returns the report.
pub fn run(
    inputs: &[&Path],
    show_lost: usize,
    show_removed: usize,
) -> Result<String, CommandError> {
    let cleaner = Cleaner::new();
    let checks = Checks::new();
    let mut t = Tally::default();
    for path in inputs {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CommandError::Usage(format!("cannot read {}: {e}", path.display())))?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let body = match RawArticle::decode_offline(line) {
                Ok(a) => a.body.unwrap_or_default(),
                // A record without text is counted as an empty article, as before.
                Err(DecodeError::MissingBody { .. }) => String::new(),
                Err(e) => {
                    return Err(CommandError::Runtime(format!(
                        "{}:{}: {e}",
                        path.display(),
                        n + 1
                    )))
                }
            };
            article(&cleaner, &checks, &body, &mut t);
        }
    }
    let mut r = String::new();
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let _ = writeln!(r, "articles: {}", t.articles);
    let _ = writeln!(r, "debris markers left in bodies: {}", t.markers_left);
    let _ = writeln!(r, "glued datelines left: {}", t.datelines_left);
    let _ = writeln!(r, "mojibake left: {}", t.mojibake_left);
    let _ = writeln!(
        r,
        "datelines that swallowed glued text: {}",
        t.bad_datelines.len()
    );
    let _ = writeln!(
        r,
        "input lines: {}; dropped whole as debris: {}; dropped after a dateline cut: {}; \
         must survive: {}",
        t.lines,
        t.whole_lines_removed,
        t.lines - t.must_survive - t.whole_lines_removed,
        t.must_survive
    );
    let _ = writeln!(
        r,
        "line survival: {}/{} = {:.2}%",
        t.survived,
        t.must_survive,
        pct(t.survived, t.must_survive)
    );
    let _ = writeln!(r, "removed by kind:");
    for (kind, lines) in &t.removed {
        let _ = writeln!(r, "  {kind}: {}", lines.len());
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for l in lines {
            *seen.entry(l.as_str()).or_default() += 1;
        }
        let mut common: Vec<_> = seen.into_iter().collect();
        common.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (l, n) in common.into_iter().take(show_removed) {
            let short: String = l.chars().take(120).collect();
            let _ = writeln!(r, "    {n:>5} × {short}");
        }
    }
    for l in &t.bad_datelines {
        let _ = writeln!(r, "dateline swallowed text: {l}");
    }
    for l in &t.dateline_lines {
        let _ = writeln!(r, "dateline left: {l}");
    }
    for l in &t.marker_lines {
        let _ = writeln!(r, "marker left: {l}");
    }
    for l in t.lost.iter().take(show_lost) {
        let short: String = l.chars().take(300).collect();
        let _ = writeln!(r, "lost: {short}");
    }
    Ok(r)
}
