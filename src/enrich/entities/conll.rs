//! CoNLL-style files, shared by training and evaluation so both read the tag sets the
//! same way: one token per line, its tag in the last column, blank lines between
//! sentences.

use super::model::tag_id;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<u8>,
}

pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || line.starts_with("-DOCSTART-") {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        cur.words.push(cols[0].to_string());
        cur.tags.push(if cols.len() > 1 {
            tag_id(cols[cols.len() - 1])
        } else {
            0
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_column_layouts() {
        let s = parse(
            "Presiden PROPN O\nJoko PROPN B-PER\nWidodo PROPN I-PER\n\nDi\tO\nBali\tB-PLACE\n",
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, vec![0, 1, 2]);
        assert_eq!(s[1].words, vec!["Di", "Bali"]);
        assert_eq!(s[1].tags, vec![0, 5]);
    }

    #[test]
    fn spans_follow_conlleval() {
        assert_eq!(
            spans(&[0, 1, 2, 0, 5, 6, 3]),
            vec![(1, 1, 3), (3, 4, 6), (2, 6, 7)]
        );
        assert_eq!(spans(&[2, 2, 4]), vec![(1, 0, 2), (2, 2, 3)]);
    }
}
