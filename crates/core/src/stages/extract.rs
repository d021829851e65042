//! Main-text extraction for records that carry a whole HTML page instead of a body.
//!
//! The page goes through rs-trafilatura (a Rust port of trafilatura), which finds the
//! article among navigation, teasers and footers and reads the title and publication date
//! from the page's metadata. Its text then goes through the same cleaning as any body.
//!
//! rs-trafilatura is not built for hostile input: its tree walks recurse (about 15,000
//! nested elements overflow a 2 MB thread stack, which aborts the process rather than
//! panicking), and its cost grows faster than linearly with nesting depth (1,000 nested
//! `div`s take ~0.3 s, 5,000 take ~6 s) and with element count. So a linear pre-scan
//! measures the page first; a page deeper or larger than any real article page is not
//! given to it, and falls back to the crude linear tag strip of [`super::clean`]. The
//! article is still enriched, and the result says which path it took.

use super::clean::strip_tags;

/// Deeper than this (as estimated by [`shape`]) and the page is tag-stripped instead.
/// Real pages sit far below it (the 181 ScrapingHub pages: at most 49).
pub const MAX_DEPTH: usize = 256;

/// More elements than this (as estimated by [`shape`]) and the page is tag-stripped
/// instead. Real article pages have a few thousand (ScrapingHub: at most ~1,750).
pub const MAX_ELEMENTS: usize = 15_000;

/// Publication dates before this year are placeholders (rs-trafilatura reports
/// 0001-01-01 for some pages), not dates.
const MIN_YEAR: i32 = 1990;

/// How the text of a page was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// rs-trafilatura found the main content.
    Trafilatura,
    /// The page was too deep or too large to hand to the extractor safely.
    TagStripTooComplex,
    /// The extractor failed or found no text; the whole page text is used.
    TagStripNothingFound,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Trafilatura => "trafilatura",
            Method::TagStripTooComplex => "tag_strip_too_complex",
            Method::TagStripNothingFound => "tag_strip_nothing_found",
        }
    }
}

/// Text and metadata extracted from one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// Main text, paragraphs on separate lines; not yet cleaned.
    pub text: String,
    pub title: Option<String>,
    /// Publication time from the page's metadata, RFC 3339.
    pub published_at: Option<String>,
    pub method: Method,
}

/// Estimated nesting depth and element count of a page, as an HTML5 parser would build it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    pub depth: usize,
    pub elements: usize,
}

impl Shape {
    pub fn is_safe(&self) -> bool {
        self.depth <= MAX_DEPTH && self.elements <= MAX_ELEMENTS
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "menuitem", "image",
];

/// Elements whose content the parser reads as text, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    "template",
];

/// Elements that an opening tag of the same name closes implicitly.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "rtc",
];

/// Elements that bound the search for the element an end tag closes (the parser's
/// "scope"): an end tag does not reach past them.
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg",
    "math",
];

/// End tags that close the table cells inside them.
const TABLE_PARTS: &[&str] = &[
    "table", "tbody", "thead", "tfoot", "tr", "caption", "colgroup",
];

const LIST_ITEMS: &[&str] = &["li", "dd", "dt"];

/// An item does not close an item of an outer list.
const LISTS: &[&str] = &["ul", "ol", "dl", "menu"];

/// Formatting elements, which the parser re-opens after a block that closed them
/// implicitly ("reconstruct the active formatting elements").
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// How far down the open elements an end tag looks for its element; further than this
/// and the end tag is ignored, which can only over-estimate the depth.
const END_TAG_REACH: usize = 16;

fn is_in(list: &[&str], name: &str) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Estimates the tree an HTML5 parser builds from `html`, in one linear pass: each byte
/// is looked at a bounded number of times. The estimate errs towards deeper and larger
/// (an unmatched end tag is ignored, implicitly closed formatting elements are counted
/// again for every later element), so a page it passes is safe to parse and walk.
pub fn shape(html: &str) -> Shape {
    let bytes = html.as_bytes();
    let mut stack: Vec<&str> = Vec::new();
    let mut foreign = 0usize; // open svg/math: there `<x/>` really is self-closing
    let mut detached_formatting = 0usize;
    let mut shape = Shape::default();
    let mut i = 0;
    while let Some(rel) = memchr(b'<', &bytes[i..]) {
        let start = i + rel;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = match comment.find("-->") {
                Some(e) => start + 4 + e + 3,
                None => html.len(),
            };
            continue;
        }
        let (is_end, name_at) = match bytes.get(start + 1) {
            Some(b'/') => (true, start + 2),
            _ => (false, start + 1),
        };
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            // `<!doctype>`, `<?xml>`, or a `<` in text: look again right after it, so a
            // stray `<` cannot hide the tag that follows.
            i = start + 1;
            continue;
        }
        let Some(gt) = memchr(b'>', &bytes[name_at..]) else {
            break;
        };
        let tag_end = name_at + gt + 1;
        let inner = &html[start + 1..tag_end - 1];
        i = tag_end;
        let name_len = bytes[name_at..tag_end - 1]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b':' || *b == b'-'))
            .unwrap_or(tag_end - 1 - name_at);
        let name = &html[name_at..name_at + name_len];
        if is_end {
            close(&mut stack, name, &mut detached_formatting);
            if is_in(FORMATTING, name) && detached_formatting > 0 {
                detached_formatting -= 1;
            }
            if name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math") {
                foreign = foreign.saturating_sub(1);
            }
            continue;
        }
        shape.elements += 1 + detached_formatting;
        if is_in(VOID, name) {
            continue;
        }
        if is_in(RAW_TEXT, name) {
            let closing = format!("</{name}");
            i = match find_ignore_case(&html[tag_end..], &closing) {
                Some(e) => tag_end + e,
                None => html.len(),
            };
            continue;
        }
        if name.eq_ignore_ascii_case("plaintext") {
            break;
        }
        if foreign > 0 && inner.ends_with('/') {
            continue;
        }
        if is_in(SELF_CLOSING_SIBLINGS, name) {
            close(&mut stack, name, &mut detached_formatting);
        }
        if name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math") {
            foreign += 1;
        }
        stack.push(name);
        shape.depth = shape.depth.max(stack.len());
    }
    shape
}

/// Pops `stack` down to the nearest open `name`, as the parser closes an element, unless a
/// scope boundary or [`END_TAG_REACH`] comes first. Formatting elements popped on the way
/// are counted as detached: the parser re-opens them for later content.
fn close(stack: &mut Vec<&str>, name: &str, detached_formatting: &mut usize) {
    let table_part = is_in(TABLE_PARTS, name);
    let list_item = is_in(LIST_ITEMS, name);
    let reach = stack.len().saturating_sub(END_TAG_REACH);
    for k in (reach..stack.len()).rev() {
        let open = stack[k];
        if open.eq_ignore_ascii_case(name) {
            for popped in stack.drain(k + 1..) {
                if is_in(FORMATTING, popped) {
                    *detached_formatting += 1;
                }
            }
            stack.pop();
            return;
        }
        let boundary = if table_part {
            // `</table>`, `</tr>` close the cells inside them, not an outer table.
            open.eq_ignore_ascii_case("table") || open.eq_ignore_ascii_case("html")
        } else {
            is_in(SCOPE, open) || (list_item && (is_in(LISTS, open)))
        };
        if boundary {
            return;
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// Finds an ASCII `needle` in `haystack`, ignoring ASCII case, in linear time for the
/// short needles used here.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&s| h[s] == b'<' && h[s..s + n.len()].eq_ignore_ascii_case(n))
}

/// The extractor's plain text with a line break wherever one of the paragraphs of its
/// HTML output starts. The HTML also carries captions and other parts that the plain text
/// leaves out, so the words stay those of the plain text; only the breaks come from the
/// HTML. Each paragraph is looked for just ahead of the cursor, which keeps this linear.
fn with_paragraph_breaks(text: &str, paragraphs: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len() + 256);
    let mut cursor = 0;
    for para in paragraphs.lines() {
        let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if para.is_empty() {
            continue;
        }
        let mut end = flat.len().min(cursor + para.len() + 512);
        while !flat.is_char_boundary(end) {
            end -= 1;
        }
        let Some(at) = flat[cursor..end].find(&para) else {
            continue;
        };
        let start = cursor + at;
        out.push_str(flat[cursor..start].trim_end());
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&para);
        cursor = start + para.len();
    }
    out.push_str(&flat[cursor..]);
    out
}

/// Extracts the main text, title and publication date of a page.
pub fn extract(html: &str) -> Extracted {
    if !shape(html).is_safe() {
        return Extracted {
            text: strip_tags(html),
            title: None,
            published_at: None,
            method: Method::TagStripTooComplex,
        };
    }
    match rs_trafilatura::extract(html) {
        Ok(result) if !result.content_text.trim().is_empty() => {
            let meta = result.metadata;
            // The plain text joins paragraphs with spaces; the HTML keeps them, and the
            // cleaner and quote finder need paragraph breaks.
            let text = match result.content_html.as_deref() {
                Some(html) => with_paragraph_breaks(&result.content_text, &strip_tags(html)),
                None => result.content_text,
            };
            Extracted {
                text,
                title: meta.title.filter(|t| !t.trim().is_empty()),
                published_at: meta
                    .date
                    .filter(|d| chrono::Datelike::year(d) >= MIN_YEAR)
                    .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                method: Method::Trafilatura,
            }
        }
        Ok(result) => Extracted {
            text: strip_tags(html),
            title: result.metadata.title.filter(|t| !t.trim().is_empty()),
            published_at: None,
            method: Method::TagStripNothingFound,
        },
        Err(_) => Extracted {
            text: strip_tags(html),
            title: None,
            published_at: None,
            method: Method::TagStripNothingFound,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_breaks_come_from_the_html_and_words_from_the_text() {
        let text = "Satu dua tiga. Empat lima enam.";
        let paragraphs = "Satu dua tiga.\nFoto: keterangan gambar\nEmpat   lima enam.";
        assert_eq!(
            with_paragraph_breaks(text, paragraphs),
            "Satu dua tiga.\nEmpat lima enam."
        );
        // Nothing found: the text comes back whole.
        assert_eq!(with_paragraph_breaks(text, "lain"), text);
    }

    #[test]
    fn shape_of_ordinary_markup() {
        let s = shape(
            "<!doctype html><html><head><meta charset=utf-8><title>a<b</title>\
             <script>if (a<b) { x = '<div><div><div>'; }</script></head>\
             <body><div><p>Satu<br>dua<p>tiga<img src=x></div><!-- <div><div> --></body></html>",
        );
        // html > body > div > p: the second <p> closes the first; br/img are void.
        assert_eq!(s.depth, 4);
        assert_eq!(s.elements, 11);
    }

    #[test]
    fn deep_nesting_is_measured_and_refused() {
        let deep = format!("{}teks{}", "<div>".repeat(80_000), "</div>".repeat(80_000));
        let s = shape(&deep);
        assert_eq!(s.depth, 80_000);
        let e = extract(&deep);
        assert_eq!(e.method, Method::TagStripTooComplex);
        assert!(e.text.contains("teks"));
        // `<div/>` is not self-closing in HTML: the parser nests it.
        assert_eq!(shape(&"<div/>".repeat(1_000)).depth, 1_000);
        // Nested tables nest; an end tag does not reach out of a table cell.
        assert!(shape(&"<div><table><tr><td></div>".repeat(500)).depth >= 1_500);
    }

    #[test]
    fn implicitly_closed_formatting_counts_again() {
        let html = format!("<p>{}</p>{}", "<b>".repeat(10), "<p>x</p>".repeat(2_000));
        assert!(shape(&html).elements >= 20_000);
    }

    #[test]
    fn extracts_article_title_and_date() {
        let para = "Harga cabai di pasar tradisional naik tajam menjelang hari raya, \
                    sementara stok di gudang distributor mulai menipis menurut pedagang.";
        let html = format!(
            "<html><head><title>Harga Cabai Naik - Contoh</title>\
             <meta property=\"og:title\" content=\"Harga Cabai Naik\">\
             <meta property=\"article:published_time\" content=\"2025-06-18T14:05:00+07:00\">\
             </head><body><nav><a href=\"/\">Beranda</a> <a href=\"/x\">Nasional</a></nav>\
             <article><h1>Harga Cabai Naik</h1><p>{para}</p><p>{para}</p><p>{para}</p></article>\
             <footer>Hak cipta dilindungi</footer></body></html>"
        );
        let e = extract(&html);
        assert_eq!(e.method, Method::Trafilatura);
        assert!(e.text.contains("Harga cabai di pasar"), "{}", e.text);
        assert!(!e.text.contains("Beranda"), "{}", e.text);
        assert_eq!(e.title.as_deref(), Some("Harga Cabai Naik"));
        assert_eq!(e.published_at.as_deref(), Some("2025-06-18T07:05:00Z"));
    }
}
