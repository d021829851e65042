//! Pairing quotation marks inside one paragraph, in every style Indonesian sites use:
//! `“…”`, `"…"`, `«…»`, `‹…›`, `‘…’`, `'…'`, `„…“`, and `”…”` (the right mark opening as
//! well as closing), and the doubled apostrophe `''…''` of English typewriter archives. An ambiguous mark (`"`, `”`, `’`, `'`) closes the open quote of its
//! family, else opens one. Marks of another family inside an open quote are nested
//! quotes and are left to the outer one. A single quote between two letters is an
//! apostrophe (`Ma’ruf`, `Jum'at`), not a mark, and one after a word opens nothing
//! (`veterans' families`). A quote still open at the end of the
//! paragraph is returned unclosed: it either continues in the next paragraph (which
//! re-opens it) or is an unbalanced mark.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Angle,
}

/// One quotation, as byte offsets of the body: `open..inner.start` is the opening mark,
/// `inner.end..close_end` the closing one (empty when `closed` is false).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub open: usize,
    pub inner: Range<usize>,
    pub close_end: usize,
    pub closed: bool,
}

/// The family of a mark, and whether it can only open (`Some(true)`), only close
/// (`Some(false)`) or both (`None`).
fn mark(c: char) -> Option<(Family, Option<bool>)> {
    Some(match c {
        '“' | '„' => (Family::Double, Some(true)),
        '”' | '"' => (Family::Double, None),
        '«' | '‹' => (Family::Angle, Some(true)),
        '»' | '›' => (Family::Angle, Some(false)),
        '‘' => (Family::Single, Some(true)),
        '’' | '\'' => (Family::Single, None),
        _ => return None,
    })
}

/// True when `c` at byte `i` of `text` opens or closes a quote rather than sitting inside
/// a word as an apostrophe.
fn is_mark_here(text: &str, i: usize, c: char) -> bool {
    if !matches!(c, '’' | '\'' | '‘') {
        return true;
    }
    let before = text[..i].chars().next_back();
    let after = text[i + c.len_utf8()..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// Pairs the marks of `text` (one paragraph), whose first byte is `offset` in the body.
pub fn pairs(text: &str, offset: usize) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, Family)> = None;
    // The second apostrophe of a doubled one, already taken with the first.
    let mut skip = None;
    // Inside a curly quote nested in a straight one that opens the paragraph.
    let mut nested = false;
    for (i, c) in text.char_indices() {
        if skip == Some(i) {
            continue;
        }
        // `''` is one double mark (a typewriter convention of some English archives).
        let doubled = c == '\'' && text[i + 1..].starts_with('\'');
        let Some((family, dir)) = (if doubled {
            skip = Some(i + 1);
            Some((Family::Double, None))
        } else {
            mark(c)
        }) else {
            continue;
        };
        if !doubled && !is_mark_here(text, i, c) {
            continue;
        }
        let len = if doubled { 2 } else { c.len_utf8() };
        // A paragraph opened with a straight mark, as transcripts and running quotes are
        // (`"PENCE: … an episode of “Shark Tank.” But …`), holds curly quotes nested in
        // it: they neither re-open nor close it.
        if let Some((o, _, Family::Double)) = open {
            if text[o..].starts_with('"') && text[..o].trim().is_empty() {
                if c == '“' && !nested {
                    nested = true;
                    continue;
                }
                if c == '”' && nested {
                    nested = false;
                    continue;
                }
            }
        }
        match open {
            Some((o, olen, f)) if f == family => {
                if dir == Some(true) && c != '“' {
                    // A second opener of the same family: the first was unbalanced.
                    open = Some((i, len, family));
                    continue;
                }
                if dir == Some(true) {
                    // `„…“` closes with `“`; `“` after `“` re-opens.
                    if text[o..].starts_with('„') {
                        out.push(Pair {
                            open: offset + o,
                            inner: offset + o + olen..offset + i,
                            close_end: offset + i + len,
                            closed: true,
                        });
                        open = None;
                    } else {
                        open = Some((i, len, family));
                    }
                    continue;
                }
                out.push(Pair {
                    open: offset + o,
                    inner: offset + o + olen..offset + i,
                    close_end: offset + i + len,
                    closed: true,
                });
                open = None;
            }
            // Nested quote of another family: the outer quote owns it.
            Some(_) => {}
            None => {
                // A single mark right after a word opens nothing: it is the apostrophe
                // of a plural possessive ("veterans' families") or a clipped word.
                let after_word = text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                if dir != Some(false) && !(family == Family::Single && !doubled && after_word) {
                    open = Some((i, len, family));
                }
            }
        }
    }
    if let Some((o, olen, _)) = open {
        let end = offset + text.trim_end().len();
        if offset + o + olen < end {
            out.push(Pair {
                open: offset + o,
                inner: offset + o + olen..end,
                close_end: end,
                closed: false,
            });
        }
    }
    out
}

/// True when the paragraph starts with an opening (or ambiguous) quotation mark.
pub fn opens_with_mark(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .and_then(mark)
        .is_some_and(|(_, dir)| dir != Some(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<(&str, bool)> {
        pairs(text, 0)
            .into_iter()
            .map(|p| (&text[p.inner], p.closed))
            .collect()
    }

    #[test]
    fn every_style_pairs() {
        assert_eq!(
            inner("“a” \"b\" «c» ‘d’ 'e' ”f” „g“"),
            vec![
                ("a", true),
                ("b", true),
                ("c", true),
                ("d", true),
                ("e", true),
                ("f", true),
                ("g", true)
            ]
        );
    }

    #[test]
    fn apostrophes_and_nesting() {
        assert_eq!(
            inner("Ma’ruf bilang “ada ‘jeger’ di sana,” kata Jum'at."),
            vec![("ada ‘jeger’ di sana,", true)]
        );
    }

    #[test]
    fn a_single_mark_after_a_word_opens_nothing() {
        assert_eq!(
            inner("Ada Brook, who leads the veterans' group, said, \"We will vote.\""),
            vec![("We will vote.", true)]
        );
    }

    #[test]
    fn a_paragraph_opened_straight_holds_curly_quotes() {
        assert_eq!(
            inner("\"HOLT: It is like an episode of “Shark Tank.” But this is real."),
            vec![(
                "HOLT: It is like an episode of “Shark Tank.” But this is real.",
                false
            )]
        );
        // Opened mid-paragraph, a straight mark before a curly one stays unbalanced.
        assert_eq!(
            inner("Program \"Desa “Kami siap,” kata Budi."),
            vec![("Kami siap,", true)]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        assert_eq!(
            inner("''It isn't over,'' she said. ''Not yet.''"),
            vec![("It isn't over,", true), ("Not yet.", true)]
        );
        assert_eq!(
            inner("''The 'big' plan'' stalled."),
            vec![("The 'big' plan", true)]
        );
    }

    #[test]
    fn unclosed_at_paragraph_end() {
        assert_eq!(
            inner("“Kami siap. Semua beres."),
            vec![("Kami siap. Semua beres.", false)]
        );
        assert!(opens_with_mark("“Lanjut"));
        assert!(!opens_with_mark("Lanjut"));
    }
}
