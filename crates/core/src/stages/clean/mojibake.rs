//! Mojibake is UTF-8 that was decoded as Windows-1252 or Latin-1 somewhere upstream: "â€œ"
//! for “, "Ã©" for é, a lone "Â" for a no-break space. It is repaired by reversing the
//! mistake, not by a table of known bad strings: a run that starts with a UTF-8 lead byte
//! and continues with continuation bytes (in the 1252/Latin-1 reading) is re-encoded to
//! bytes and decoded as UTF-8, and replaced only when that decodes cleanly.

/// The byte a char stands for when UTF-8 was misread as Windows-1252, falling back to
/// Latin-1 for 0x80–0x9F (the real data carries C1 controls there, i.e. a Latin-1 misread).
fn misread_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

fn continuation(c: char) -> Option<u8> {
    misread_byte(c).filter(|b| (0x80..=0xBF).contains(b))
}

/// Number of continuation bytes a lead byte promises.
fn expected_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// Closing punctuation that legitimately follows an accented letter at the end of a word
/// (`“CAFÉ”`, `olá…`); a sequence ending in one of these is only trusted after the
/// lead chars that real mojibake starts with.
fn closing_punct(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '…' | '–' | '—')
}

/// One pass: each lead char followed by the right number of continuation chars that
/// decodes to valid UTF-8 is replaced by the decoded char.
fn repair_once(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lead = (c as u32 >= 0xC2 && c as u32 <= 0xF4).then_some(c as u8);
        if let Some(lead) = lead {
            // A UTF-8 no-break space misread as 1252 is "Â" + NBSP; the NBSP often gets
            // trimmed away as whitespace, leaving "Â" before whitespace or at the end.
            // Invisible chars are skipped: they are deleted later, and would otherwise
            // leave a lone "Â" for a second cleaning to find.
            let next_visible = chars[i + 1..]
                .iter()
                .find(|&&n| !super::chars::is_dropped(n));
            if c == 'Â' && next_visible.is_none_or(|n| n.is_whitespace()) {
                i += 1;
                continue;
            }
            let n = expected_len(lead).unwrap_or(0);
            if i + n < chars.len() {
                let mut bytes = vec![lead];
                bytes.extend(chars[i + 1..=i + n].iter().filter_map(|&c| continuation(c)));
                let trusted_lead = matches!(c, 'â' | 'Â' | 'Ã' | 'ð');
                if bytes.len() == n + 1 && (trusted_lead || !closing_punct(chars[i + n])) {
                    if let Ok(s) = std::str::from_utf8(&bytes) {
                        out.push_str(s);
                        i += n + 1;
                        continue;
                    }
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Repairs mojibake, repeating while a pass changes something so that double-encoded
/// text comes out fully repaired (which keeps cleaning idempotent). Each pass shortens
/// the text, and each level of double encoding doubles it, so there are few passes.
pub fn repair(text: &str) -> String {
    let mut current = text.to_string();
    for _ in 0..16 {
        if !current.chars().any(|c| (0xC2..=0xF4).contains(&(c as u32))) {
            break;
        }
        let next = repair_once(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_windows_1252_mojibake() {
        assert_eq!(repair("â€œHaloâ€\u{9d} katanya"), "“Halo” katanya");
        assert_eq!(repair("itâ€™s"), "it’s");
        assert_eq!(repair("cafÃ©"), "café");
        assert_eq!(repair("suhu 30Â°C"), "suhu 30°C");
    }

    #[test]
    fn repairs_latin1_mojibake_with_c1_controls() {
        // "—" misread as Latin-1 keeps its C1 bytes as control chars.
        assert_eq!(repair("a\u{e2}\u{80}\u{94}b"), "a—b");
        // Arabic "ال".
        assert_eq!(repair("\u{d8}\u{a7}\u{d9}\u{84}"), "ال");
    }

    #[test]
    fn lone_a_circumflex_from_nbsp_vanishes() {
        assert_eq!(repair("Â"), "");
        assert_eq!(repair("Xi JinpingÂ dan"), "Xi Jinping dan");
        assert_eq!(repair("Xi JinpingÂ\u{a0}dan"), "Xi Jinping\u{a0}dan");
    }

    #[test]
    fn double_encoding_is_fully_repaired() {
        assert_eq!(repair("Ã¢â‚¬Å“"), "“");
    }

    #[test]
    fn legitimate_accents_stay() {
        for s in [
            "café",
            "“CAFÉ”",
            "Olá…",
            "São Paulo",
            "naïve",
            "Zürich",
            "CHÂTEAU",
        ] {
            assert_eq!(repair(s), s);
        }
    }
}
