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

/// Appends what `c` becomes; `after_cr` says whether the char before it was '\r', whose
/// '\n' is part of the same line break.
fn push_normalized(out: &mut String, c: char, after_cr: bool) {
    match classify(c) {
        Action::Keep => out.push(c),
        Action::Space => out.push(' '),
        Action::Newline if c == '\n' && after_cr => {}
        Action::Newline => out.push('\n'),
        Action::Drop => {}
    }
}

/// Normalizes chars; `\r\n` counts as one line break.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev_cr = false;
    let mut rest = text;
    while !rest.is_empty() {
        // Printable ASCII and '\n' stay as they are; most text is runs of them, copied
        // whole instead of classified char by char.
        let plain = rest
            .bytes()
            .position(|b| !(b == b'\n' || b == b' ' || b.is_ascii_graphic()))
            .unwrap_or(rest.len());
        if plain > 0 {
            let run = if prev_cr && rest.starts_with('\n') {
                &rest[1..plain]
            } else {
                &rest[..plain]
            };
            out.push_str(run);
            prev_cr = false;
            rest = &rest[plain..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        push_normalized(&mut out, c, prev_cr);
        prev_cr = c == '\r';
    }
    // Almost all text is NFC already; the quick check settles that without rebuilding it.
    if out.is_ascii() || is_nfc_quick(out.chars()) == IsNormalized::Yes {
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

    /// The char-by-char definition the ASCII runs shortcut.
    fn reference(text: &str) -> String {
        let mut out = String::new();
        let mut prev_cr = false;
        for c in text.chars() {
            push_normalized(&mut out, c, prev_cr);
            prev_cr = c == '\r';
        }
        out.nfc().collect()
    }

    #[test]
    fn ascii_runs_read_as_char_by_char() {
        for text in [
            "a\r\nb\r\r\n\nc\rd\n\re",
            "\r\nawal\r",
            "\n\n\r\n",
            "Harga\u{a0}naik\u{200b}.\r\n\u{7}Kata\tdia\u{2028}lagi\r\u{a0}\n",
            "Cafe\u{301}\r\ne\u{301}\u{7f}",
            "",
        ] {
            assert_eq!(normalize(text), reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_as_char_by_char(
            text in "[a-zA-Z0-9 .,\r\n\t\u{7}\u{7f}\u{a0}\u{ad}\u{200b}\u{2028}\u{301}éİ]{0,40}"
        ) {
            proptest::prop_assert_eq!(normalize(&text), reference(&text));
        }
    }

    #[test]
    fn output_is_nfc() {
        let out = normalize("Cafe\u{301} e\u{200b}\u{301}");
        assert_eq!(out, "Café é");
        assert!(is_nfc(&out));
    }
}
