//! Output offsets are Unicode code points while Rust slices strings by bytes. Every stage
//! works in byte offsets (what `regex` returns) and converts once, here, so the two unit
//! systems never mix inside a stage.

use crate::output::Enriched;

/// Maps byte offsets of one text to code-point offsets.
pub struct CharMap {
    /// Byte offset where each char starts, plus the text length as a final sentinel.
    starts: Vec<usize>,
}

impl CharMap {
    pub fn new(text: &str) -> CharMap {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharMap { starts }
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    pub fn chars(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            // Not on a boundary: round down, so a span never points into half a char.
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Number of code points in the text.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The text a code-point span designates, exactly as the output contract defines it.
pub fn span_text(body: &str, start: usize, end: usize) -> String {
    body.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Checks every span of an enriched record against its `body`; returns the first mismatch.
/// Public so integration tests and the runtime's self-checks can use the same definition.
pub fn check_spans(e: &Enriched) -> Result<(), String> {
    let body = &e.body;
    let total = body.chars().count();
    let check = |what: &str, text: &str, start: usize, end: usize| -> Result<(), String> {
        if start > end || end > total {
            return Err(format!(
                "{what} span {start}..{end} out of range (body has {total} chars)"
            ));
        }
        let got = span_text(body, start, end);
        if got != text {
            return Err(format!(
                "{what} span {start}..{end} is {got:?}, text says {text:?}"
            ));
        }
        Ok(())
    };
    for q in &e.quotes {
        check("quote", &q.text, q.start, q.end)?;
        if let Some(s) = &q.speaker {
            check("speaker", &s.name, s.start, s.end)?;
        }
    }
    for d in &e.dates {
        check("date", &d.text, d.start, d.end)?;
    }
    for ent in &e.entities {
        for m in &ent.mentions {
            check("mention", &m.text, m.start, m.end)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_map_to_code_points() {
        let text = "Ä “kutip” é";
        let map = CharMap::new(text);
        let byte = text.find('é').unwrap();
        assert_eq!(map.chars(byte), 10);
        assert_eq!(map.chars(text.len()), text.chars().count());
        assert_eq!(span_text(text, 3, 8), "kutip");
    }
}
