//! CoNLL-style files, shared by training and evaluation so both read the tag sets the
//! same way: one token per line, its tag in the last column, blank lines between
//! sentences.

pub use warta_core::stages::entities::model::spans;
use warta_core::stages::entities::model::tag_id;

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
}
