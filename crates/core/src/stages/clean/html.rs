//! Scrapers hand over text with HTML entities still in it (`&quot;`, `&#8220;`), and some
//! hand over whole pages. Entities are decoded here; pages get a crude, linear tag strip
//! until a real extractor exists, so that an HTML-only record is still enriched.

/// Named entities that occur in news text; anything else is left as written.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwsp", '\u{200b}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("shy", '\u{ad}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("micro", 'µ'),
    ("para", '¶'),
    ("sect", '§'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("prime", '′'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("auml", 'ä'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("ouml", 'ö'),
    ("uacute", 'ú'),
    ("uuml", 'ü'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("Eacute", 'É'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
];

/// Decodes one entity from `s`, which starts just after a `&`: the char and the bytes used.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)?
    };
    Some((c, end + 1))
}

/// Decodes entities in one pass. A decoded `&` is tried again as the start of an entity,
/// so double-escaped text (`&amp;quot;`) decodes fully and a second pass changes nothing.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(rel) = text[i..].find('&') {
        out.push_str(&text[i..i + rel]);
        let mut pos = i + rel + 1;
        loop {
            match entity(&text[pos..]) {
                Some(('&', used)) => pos += used,
                Some((c, used)) => {
                    out.push(c);
                    pos += used;
                    break;
                }
                None => {
                    out.push('&');
                    break;
                }
            }
        }
        i = pos;
    }
    out.push_str(&text[i..]);
    out
}

/// Tags after which text continues on a new line.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
];

/// Tags whose content is never article text.
const SKIP_TAGS: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// Strips tags crudely: block tags become line breaks, skipped elements vanish with their
/// content, comments vanish. Each byte is visited a bounded number of times.
pub fn strip_tags(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    while let Some(rel) = html[i..].find('<') {
        out.push_str(&html[i..i + rel]);
        let tag_start = i + rel;
        if lower[tag_start..].starts_with("<!--") {
            i = match lower[tag_start..].find("-->") {
                Some(e) => tag_start + e + 3,
                None => html.len(),
            };
            continue;
        }
        let Some(close) = html[tag_start..].find('>') else {
            // A lone `<` is text.
            out.push('<');
            i = tag_start + 1;
            continue;
        };
        let tag_end = tag_start + close + 1;
        let inner = &lower[tag_start + 1..tag_end - 1];
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            out.push('<');
            i = tag_start + 1;
            continue;
        }
        i = tag_end;
        if !inner.starts_with('/') && SKIP_TAGS.contains(&name.as_str()) {
            let closing = format!("</{name}");
            i = match lower[tag_end..].find(&closing) {
                Some(e) => match html[tag_end + e..].find('>') {
                    Some(g) => tag_end + e + g + 1,
                    None => html.len(),
                },
                None => html.len(),
            };
        } else if BLOCK_TAGS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    out.push_str(&html[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric_entities() {
        assert_eq!(
            decode_entities("A &amp; B &quot;x&quot; &#8220;y&#x201D;&nbsp;z"),
            "A & B \"x\" “y”\u{a0}z"
        );
    }

    #[test]
    fn double_escaped_entities_decode_in_one_pass() {
        let once = decode_entities("&amp;quot;hai&amp;amp;quot;");
        assert_eq!(once, "\"hai\"");
        assert_eq!(decode_entities(&once), once);
    }

    #[test]
    fn unknown_or_broken_entities_stay() {
        assert_eq!(
            decode_entities("R&D &foo; a & b &#xZZ;"),
            "R&D &foo; a & b &#xZZ;"
        );
    }

    #[test]
    fn strips_tags_scripts_and_comments() {
        let html =
            "<html><script>var a = '<p>';</script><p>Satu <b>dua</b></p><!-- x --><p>tiga</p>";
        assert_eq!(strip_tags(html), "\nSatu dua\n\ntiga\n");
    }
}
