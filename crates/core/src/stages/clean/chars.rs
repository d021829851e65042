//! Character-level hygiene after mojibake repair: every exotic space becomes a plain
//! space, invisible chars (zero-width, bidi marks, soft hyphen, controls) go, line breaks
//! become `\n`, and the result is NFC so equal text has equal bytes (and equal hashes).

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

enum Action {
    Keep,
    Space,
    Newline,
    Drop,
}

fn classify(c: char) -> Action {
    match c {
        '\n' => Action::Newline,
        '\r' | '\u{2028}' | '\u{2029}' => Action::Newline,
        '\t'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => Action::Space,
        '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
        | '\u{ad}' => Action::Drop,
        c if c.is_control() => Action::Drop,
        _ => Action::Keep,
    }
}

/// Chars that [`normalize`] deletes outright.
pub fn is_dropped(c: char) -> bool {
    matches!(classify(c), Action::Drop)
}

/// Normalizes chars; `\r\n` counts as one line break.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev_cr = false;
    for c in text.chars() {
        let was_cr = prev_cr;
        prev_cr = c == '\r';
        match classify(c) {
            Action::Keep => out.push(c),
            Action::Space => out.push(' '),
            Action::Newline if c == '\n' && was_cr => {}
            Action::Newline => out.push('\n'),
            Action::Drop => {}
        }
    }
    // Almost all text is NFC already; the quick check settles that without rebuilding it.
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
        return out;
    }
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn spaces_invisibles_and_controls() {
        assert_eq!(
            normalize("a\u{a0}b\u{200b}c\u{feff}d\u{7}e\r\nf\rg\u{2009}h\u{ad}i"),
            "a bcde\nf\ng hi"
        );
    }

    #[test]
    fn output_is_nfc() {
        let out = normalize("Cafe\u{301} e\u{200b}\u{301}");
        assert_eq!(out, "Café é");
        assert!(is_nfc(&out));
    }
}
