//! Text cleaning: from whatever the scraper delivered to the body every later stage reads
//! (paragraphs joined by `\n\n`, single spaces inside a paragraph, NFC). Later stages
//! report offsets into this body, so everything that changes the text happens here.
//!
//! Order matters: entities first (they can encode mojibake bytes), then mojibake repair
//! (it needs the C1 controls that the char stage would delete), then char hygiene, then
//! line-level debris and the dateline. Every step is linear in the input, and the whole
//! is idempotent: cleaning a cleaned body changes nothing.

mod chars;
mod credits;
mod dateline;
mod debris;
mod furniture;
mod glue;
mod html;
mod layout;
mod line_pattern;
mod mojibake;

pub use html::strip_tags;

use foldhash::{HashMap, HashMapExt};

use crate::lexicon::Lexicon;
use crate::output::{Dateline, Removed};

/// Short labels a page's header can stack together above the first paragraph (a
/// section, the writer's name, a reading time); a longer run of short lines is a list
/// of the story.
const MAX_HEADER_LABELS: usize = 4;

/// Result of cleaning one article body.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    pub body: String,
    pub dateline: Option<Dateline>,
    pub removed: Vec<Removed>,
    /// Every line (or leading dateline) that was cut, with its kind, in order: the audit
    /// behind `removed`, published only when `processing.debug_removed` is set.
    pub removed_lines: Vec<RemovedLine>,
}

/// One cut line and the kind of debris it was taken for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedLine {
    pub kind: &'static str,
    pub text: String,
}

/// Compiled cleaning rules, built once.
#[derive(Default)]
pub struct Cleaner {
    debris: debris::Debris,
    datelines: dateline::Datelines,
    glue: glue::Glue,
}

impl std::fmt::Debug for Cleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cleaner")
    }
}

/// A line as scraped, its glue-split form when splitting changes it, and its debris
/// kind if it is debris.
type Judgement = (String, Option<String>, Option<&'static str>);

/// The judged lines as the layout rules read them: the split form and the kind.
fn view(judged: &[Judgement]) -> Vec<layout::Judged<'_>> {
    judged
        .iter()
        .map(|(line, split, kind)| layout::Judged {
            text: split.as_deref().unwrap_or(line),
            kind: *kind,
        })
        .collect()
}

/// Counts removals by kind, in order of first occurrence so output is deterministic.
fn count(removed: &mut Vec<Removed>, kind: &str) {
    match removed.iter_mut().find(|r| r.kind == kind) {
        Some(r) => r.count += 1,
        None => removed.push(Removed {
            kind: kind.to_string(),
            count: 1,
        }),
    }
}

/// Entities, mojibake and char hygiene, repeated until nothing changes: one step can
/// expose work for another (a deleted zero-width space joins "&amp;" and "amp;"). Real
/// text settles after one pass and the second only confirms it; a cap bounds the cost.
fn char_level(text: &str) -> String {
    let mut current = chars::normalize(&mojibake::repair(&html::decode_entities(text)));
    for _ in 0..4 {
        let next = chars::normalize(&mojibake::repair(&html::decode_entities(&current)));
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// Char-level cleaning of a short field (title, author): entities, mojibake, invisible
/// chars, NFC, and whitespace collapsed to single spaces.
pub fn clean_inline(text: &str) -> String {
    let text = char_level(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Cleaner {
    /// The cleaner with the shipped lexicon.
    pub fn new() -> Cleaner {
        Cleaner::with_lexicon(&Lexicon::embedded())
    }

    /// The cleaner, with the speech verbs and dateline places of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> Cleaner {
        Cleaner {
            debris: debris::Debris::with_lexicon(lexicon),
            datelines: dateline::Datelines::with_lexicon(lexicon),
            glue: glue::Glue::new(),
        }
    }

    /// Cleans an article body.
    pub fn clean(&self, text: &str) -> Cleaned {
        let text = char_level(text);
        // Each line is judged on its own first, then by its place among the judged lines
        // (a how-to's steps, a link box's titles, a poll's answers, closing labels).
        let mut judged: Vec<Judgement> = Vec::new();
        // Where each distinct line was first judged: a page can repeat one line
        // thousands of times (a hostile page, a table of one value), and a line's own
        // judgement depends on nothing else, so it is made once.
        let mut first_seen: HashMap<String, usize> = HashMap::new();
        for line in text.split('\n') {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if line.is_empty() {
                continue;
            }
            if let Some(&i) = first_seen.get(&line) {
                let (split, kind) = (judged[i].1.clone(), judged[i].2);
                judged.push((line, split, kind));
                continue;
            }
            first_seen.insert(line.clone(), judged.len());
            // Debris is judged on the split line (so a second cleaning judges the same
            // text), but the line is kept unsplit until the dateline is cut: a glued
            // dateline ("Liputan6.com, BaliTantangan…") is only visible before splitting.
            let split = self.glue.split_line(&line);
            let kind = self.debris.kind(split.as_deref().unwrap_or(&line));
            judged.push((line, split, kind));
        }
        // Titles first: a related link's title can read as a how-to's heading ("Cara
        // Benar Memberikan MPASI …").
        let titles = layout::titles(
            &view(&judged),
            |l| self.debris.announces_links(l),
            furniture::link_title,
        );
        for i in titles {
            judged[i].2 = Some("related_links");
        }
        let steps = layout::how_to_steps(
            &view(&judged),
            |l| self.debris.heads_how_to(l),
            |l| self.debris.closing_kind(l).is_some(),
        );
        for i in steps {
            judged[i].2 = None;
        }
        for i in layout::poll_options(&view(&judged), |l| self.debris.asks_reader(l)) {
            judged[i].2 = Some("poll");
        }
        let closing = layout::closing_labels(&view(&judged), furniture::link_title, |l| {
            self.debris.closing_kind(l).is_some()
        });
        for i in closing {
            judged[i].2 = Some("section_label");
        }

        let mut cut: Vec<RemovedLine> = Vec::new();
        let mut lines: Vec<String> = Vec::new();
        // The glue-split form of each kept line, when splitting changes it.
        let mut splits: Vec<Option<String>> = Vec::new();
        for (line, split, kind) in judged {
            match kind {
                Some(kind) => cut.push(RemovedLine {
                    kind,
                    text: split.unwrap_or(line),
                }),
                None => {
                    lines.push(line);
                    splits.push(split);
                }
            }
        }

        // The dateline sits on the first line; cutting it can expose more debris or
        // (rarely) another dateline, so repeat until the first line is real text.
        let mut dateline = None;
        let mut first = 0;
        while first < lines.len() {
            // The page's header (a timestamp, the writer and the outlet) stands above the
            // dateline.
            let header = self.debris.leading_kind(&lines[first]).or_else(|| {
                splits[first]
                    .as_deref()
                    .and_then(|split| self.debris.leading_kind(split))
            });
            if let Some(kind) = header {
                cut.push(RemovedLine {
                    kind,
                    text: std::mem::take(&mut lines[first]),
                });
                first += 1;
                continue;
            }
            // Tried on the line as scraped, then split: the split line is what a second
            // cleaning would see, so both must agree for cleaning to stay idempotent.
            let mut found = self.datelines.find(&lines[first]);
            if found.is_none() {
                if let Some(split) = &splits[first] {
                    found = self.datelines.find(split);
                    if found.is_some() {
                        lines[first] = split.clone();
                        splits[first] = None;
                    }
                }
            }
            if let Some(found) = found {
                dateline.get_or_insert(found.dateline);
                cut.push(RemovedLine {
                    kind: "dateline",
                    text: lines[first][..found.len].trim().to_string(),
                });
                let rest = lines[first][found.len..].trim().to_string();
                if rest.is_empty() {
                    first += 1;
                } else {
                    lines[first] = rest;
                    splits[first] = self.glue.split_line(&lines[first]);
                    if let Some(kind) = self
                        .debris
                        .kind(splits[first].as_deref().unwrap_or(&lines[first]))
                    {
                        cut.push(RemovedLine {
                            kind,
                            text: std::mem::take(&mut lines[first]),
                        });
                        first += 1;
                    }
                }
                continue;
            }
            // Short labels above the first paragraph (a section, the writer's name) are
            // the header's too, when a few of them stand together and a longer line
            // follows. The decision rests on the run alone, not on where it starts, so
            // that a second cleaning, which sees the same run first, decides the same.
            // Judged on the split line, which is what a second cleaning reads.
            let label = |i: usize| {
                self.debris
                    .header_label(splits[i].as_deref().unwrap_or(&lines[i]))
            };
            // Counted no further than one past the limit: a page of a thousand short
            // lines is refused after five.
            let run = (first..lines.len())
                .take_while(|&i| label(i))
                .take(MAX_HEADER_LABELS + 1)
                .count();
            if run > 0 && run <= MAX_HEADER_LABELS && first + run < lines.len() {
                for line in &mut lines[first..first + run] {
                    cut.push(RemovedLine {
                        kind: "page_header",
                        text: std::mem::take(line),
                    });
                }
                first += run;
                continue;
            }
            break;
        }
        let keep = first.min(lines.len());
        let mut lines: Vec<String> = lines
            .split_off(keep)
            .into_iter()
            .zip(splits.split_off(keep))
            .map(|(line, split)| split.unwrap_or(line))
            .collect();

        // Sign-offs close the article; after one goes, the line before may be another.
        while let Some(last) = lines.last() {
            match self.debris.closing_kind(last) {
                Some(kind) => {
                    let text = lines.pop().unwrap_or_default();
                    cut.push(RemovedLine { kind, text });
                }
                None => break,
            }
        }

        let mut removed = Vec::new();
        for line in &cut {
            count(&mut removed, line.kind);
        }
        Cleaned {
            body: lines.join("\n\n"),
            dateline,
            removed,
            removed_lines: cut,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    fn removed(c: &Cleaned, kind: &str) -> usize {
        c.removed
            .iter()
            .find(|r| r.kind == kind)
            .map_or(0, |r| r.count)
    }

    #[test]
    fn cleans_a_scraped_body() {
        let raw =
            "Liputan6.com, Jakarta - Harga beras  naik di pasar.\nBaca Juga\nÂ\nAdvertisement\n\
                   &quot;Kami siap,&quot; kata Budi.\u{200b}\nSCROLL TO CONTINUE WITH CONTENT\n\
                   â€œIni bukan akhir,â€\u{9d} ujar Sari.\n(ant/ded)";
        let c = Cleaner::new().clean(raw);
        assert_eq!(
            c.body,
            "Harga beras naik di pasar.\n\n\"Kami siap,\" kata Budi.\n\n“Ini bukan akhir,” ujar Sari."
        );
        assert_eq!(
            c.dateline,
            Some(Dateline {
                outlet: Some("Liputan6.com".into()),
                location: Some("Jakarta".into())
            })
        );
        assert_eq!(removed(&c, "read_also"), 1);
        assert_eq!(removed(&c, "advertisement"), 1);
        assert_eq!(removed(&c, "scroll_prompt"), 1);
        assert_eq!(removed(&c, "signoff"), 1);
        assert_eq!(removed(&c, "dateline"), 1);
    }

    #[test]
    fn dateline_alone_on_first_line() {
        let c = Cleaner::new().clean("TEMPO.CO,Jakarta-\nPengacara itu datang.");
        assert_eq!(c.body, "Pengacara itu datang.");
        assert_eq!(c.dateline.unwrap().location.as_deref(), Some("Jakarta"));
    }

    #[test]
    fn debris_before_dateline() {
        let c = Cleaner::new().clean("ADVERTISEMENT\nJAKARTA, KOMPAS.com - Hujan turun.\n(kha)");
        assert_eq!(c.body, "Hujan turun.");
        assert_eq!(removed(&c, "signoff"), 1);
    }

    #[test]
    fn short_labels_above_the_first_paragraph_are_the_header() {
        let cleaner = Cleaner::new();
        let c = cleaner.clean(
            "kabarOTO\nRina Marlina\nwaktu baca 2 menit\nJakarta - Harga mobil listrik turun.",
        );
        assert_eq!(c.body, "Harga mobil listrik turun.");
        assert_eq!(removed(&c, "page_header"), 2);
        // A longer run of short lines is a list of the story, and a label alone is no
        // header of anything.
        let list =
            "Persib\nPersija\nArema\nBali United\nPSM\nKlub-klub itu lolos ke babak berikutnya.";
        assert_eq!(cleaner.clean(list).body.split("\n\n").count(), 6);
        assert_eq!(cleaner.clean("Selamat pagi").body, "Selamat pagi");
    }

    #[test]
    fn idempotent_and_nfc() {
        let cleaner = Cleaner::new();
        let samples = [
            "Liputan6.com, Jakarta - Jakarta - Dua kali.\nBaca Juga",
            "Jakarta (ANTARA) - Baca juga: X\nIsi berita.",
            "&amp;amp;quot;A&amp;quot;\n\n\n  b  c \r\n Ã¢â‚¬Å“d",
            "Cafe\u{301}\u{a0}\u{a0}x\n(Foto: Dok)\nEditor: A\n(ant)",
            "Â\nÂ\n",
            "Isi.\n(abc)\n(def)",
            "kabarNEWS\nSiti Aminah\nJakarta - Isi berita pertama.\nKalimat kedua.",
            "Satu\nDua\nTiga\nEmpat\nLima\nEnam\nTujuh\nDelapan\nIsi berita yang panjang.",
        ];
        for raw in samples {
            let once = cleaner.clean(raw);
            let twice = cleaner.clean(&once.body);
            assert_eq!(twice.body, once.body, "{raw:?}");
            assert!(is_nfc(&once.body));
        }
    }

    proptest::proptest! {
        #[test]
        fn cleaning_is_idempotent_on_debris_soup(
            parts in proptest::collection::vec(0usize..FRAGMENTS.len(), 0..24)
        ) {
            let raw: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
            let cleaner = &*CLEANER;
            let once = cleaner.clean(&raw);
            let twice = cleaner.clean(&once.body);
            proptest::prop_assert_eq!(&twice.body, &once.body);
            proptest::prop_assert!(is_nfc(&once.body));
            proptest::prop_assert!(!once.body.contains("\n\n\n"));
        }
    }

    /// Compiled once: debug-build regex compilation would dominate the run otherwise.
    static CLEANER: std::sync::LazyLock<Cleaner> = std::sync::LazyLock::new(Cleaner::new);

    const FRAGMENTS: &[&str] = &[
        "kabarNEWS",
        "Siti Aminah",
        "Liputan6.com, Jakarta - ",
        "JAKARTA, KOMPAS.com - ",
        "Jakarta - ",
        "Baca Juga",
        "\n",
        "\n\n",
        "Advertisement",
        "Â",
        "â€œ",
        "â€\u{9d}",
        "Ã©",
        "&amp;",
        "&quot;",
        "amp;",
        " ",
        "\u{a0}",
        "\u{200b}",
        "e\u{301}",
        "\"Kata,\" kata Budi.",
        "(ant/ded)",
        "Editor: A",
        "Harga naik. ",
        "SCROLL TO CONTINUE WITH CONTENT",
        "-",
        "&",
        "#",
        "x",
        "Ã",
        "©",
        "\r",
    ];
}
