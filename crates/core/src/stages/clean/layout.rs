//! Rules that read a line's place among its neighbours, once each line has been judged
//! on its own. Some furniture is told only by where it stands, and some story lines look
//! like furniture but for where they stand:
//!
//! - [`titles`]: a related-links box's titles under a bare heading;
//! - [`poll_options`]: a reader poll's question and answers at an article's end;
//! - [`how_to_steps`]: a how-to's steps, which read as calls to action;
//! - [`closing_labels`]: section labels after the furniture that closes an article.
//!
//! **Titles.** Many pages list the linked headlines on lines of their own under a bare
//! heading ("Baca Juga:", "Berita Terkait"), and nothing in a title says it is a link: it
//! reads as a headline. The scraper warta reads most often drops the link texts and keeps
//! the bare heading, so the line after a heading is usually the story going on, sometimes
//! a subheading ("Spesifikasi Kamera …"). Two things tell such a line from a box's title:
//!
//! - a box holds a few titles, and a run of more headline-shaped lines is a list of the
//!   story's own (`MAX_TITLES`);
//! - the page's ad slot comes after a paragraph of the story, never straight after a
//!   link's title: a headline-shaped line right before an ad slot is the story's
//!   subheading that the heading happened to precede.

/// Most titles one heading lists; sites show two to four.
const MAX_TITLES: usize = 3;

/// Kinds of removed line that are an ad slot on the page.
const AD_SLOTS: &[&str] = &["advertisement", "scroll_prompt"];

/// One line of the article as judged on its own: its text and its debris kind, if any.
pub(super) struct Judged<'a> {
    pub text: &'a str,
    pub kind: Option<&'static str>,
}

/// Kinds of removed line that send the reader to other pages; a bare heading or one that
/// ends in a colon announces the links after it ("Simak berita lainnya seputar topik
/// ini, di sini:").
/// A sponsor's label ("Sponsored") is an ad slot that heads its own links.
const LINK_CALLS: &[&str] = &[
    "read_also",
    "see_also",
    "call_to_action",
    "related_links",
    "advertisement",
];

/// Indices of the kept lines that are titles listed under a heading. `announces` says
/// whether a line announces links after it (a bare heading, or a call ending in a
/// colon), and `title` whether a line has a headline's shape.
pub(super) fn titles(
    lines: &[Judged],
    announces: impl Fn(&str) -> bool,
    title: impl Fn(&str) -> bool,
) -> Vec<usize> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !opens_box(&lines[i], &announces) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let end = run_end(lines, start, &title);
        if is_box(lines, start, end) {
            found.extend(start..end);
        }
        i = end.max(start);
    }
    found
}

/// Whether a line opens a box: a removed line of a linking kind that announces links.
fn opens_box(line: &Judged, announces: &impl Fn(&str) -> bool) -> bool {
    line.kind.is_some_and(|k| LINK_CALLS.contains(&k)) && announces(line.text)
}

/// The end of the run of kept, headline-shaped lines from `start`.
fn run_end(lines: &[Judged], start: usize, title: &impl Fn(&str) -> bool) -> usize {
    lines[start..]
        .iter()
        .position(|l| l.kind.is_some() || !title(l.text))
        .map_or(lines.len(), |n| start + n)
}

/// Whether the run `start..end` is a box's titles: one to `MAX_TITLES` lines, not
/// followed by an ad slot.
fn is_box(lines: &[Judged], start: usize, end: usize) -> bool {
    let len = end - start;
    (1..=MAX_TITLES).contains(&len)
        && !lines
            .get(end)
            .and_then(|l| l.kind)
            .is_some_and(|k| AD_SLOTS.contains(&k))
}

/// Most answers a reader poll offers, and most words of one answer.
const MAX_OPTIONS: usize = 6;
const MAX_OPTION_WORDS: usize = 5;

/// Indices of the kept lines that are a reader poll: a question to the reader (`asks`)
/// and two to `MAX_OPTIONS` short answers without a full stop, which close the article
/// or run into removed lines. A story's question is answered by sentences.
pub(super) fn poll_options(lines: &[Judged], asks: impl Fn(&str) -> bool) -> Vec<usize> {
    // An answers' line may hold them all, between bars or dots ("Setuju | Tidak Setuju").
    let answers = |l: &Judged| {
        let parts: Vec<&str> = l.text.split(['|', '·']).collect();
        let short = l.kind.is_none()
            && !l.text.trim_end().ends_with(['.', '!', '?', ':', ';'])
            && parts
                .iter()
                .all(|p| (1..=MAX_OPTION_WORDS).contains(&p.split_whitespace().count()));
        short.then_some(parts.len())
    };
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.kind.is_some() || !asks(line.text) {
            continue;
        }
        let mut options = 0;
        let mut end = i + 1;
        while let Some(n) = lines.get(end).and_then(answers) {
            options += n;
            end += 1;
        }
        let closes = lines[end..].iter().all(|l| l.kind.is_some());
        if (2..=MAX_OPTIONS).contains(&options) && closes {
            found.extend(i..end);
        }
    }
    found
}

/// Kinds that a how-to's step can be taken for: it tells the reader to open, click,
/// download or follow.
const STEP_KINDS: &[&str] = &["call_to_action", "promo", "share_prompt"];

/// Most lines between a how-to's heading and a step of it.
const MAX_STEPS: usize = 10;

/// Indices of removed calls to action that are a how-to's steps: under a how-to heading
/// (`heads_how_to`), with only kept lines between, and more of the story after (not a
/// sign-off, which `signs_off` tells). "Unduh aplikasi Mobile JKN di Play Store" is step
/// one of "Cara Daftar BPJS Lewat Aplikasi".
pub(super) fn how_to_steps(
    lines: &[Judged],
    heads_how_to: impl Fn(&str) -> bool,
    signs_off: impl Fn(&str) -> bool,
) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.kind.is_some_and(|k| STEP_KINDS.contains(&k)) {
            continue;
        }
        let mut under_heading = false;
        for j in (i.saturating_sub(MAX_STEPS)..i).rev() {
            if lines[j].kind.is_some() && !found.contains(&j) {
                break;
            }
            if heads_how_to(lines[j].text) {
                under_heading = true;
                break;
            }
        }
        let story_after = lines
            .get(i + 1)
            .is_some_and(|l| l.kind.is_none() && !signs_off(l.text));
        if under_heading && story_after {
            found.push(i);
        }
    }
    found
}

/// Most words of a lowercase tag line ("banjir bekasi") or of a row of reaction buttons
/// ("Senang Sedih Terkejut Marah Lucu").
const MAX_LABEL_WORDS: usize = 5;

/// Indices of the kept lines among the furniture that closes an article: headline-shaped
/// lines (`title`: a related link's title, a section label, "Foto Populer") and short
/// lowercase tag lines ("banjir bekasi"), in the run of such lines and furniture that
/// ends the article. Such a line goes when furniture stands before it in the run (the
/// story is over by then), or when it is a short label right before furniture ("Espos
/// Plus"). `signs_off` tells a line that closes an article (a sign-off), which counts as
/// furniture here and is left to the trailing rules.
pub(super) fn closing_labels(
    lines: &[Judged],
    title: impl Fn(&str) -> bool,
    signs_off: impl Fn(&str) -> bool,
) -> Vec<usize> {
    let short = |text: &str| text.split_whitespace().count() <= MAX_LABEL_WORDS;
    let tag = |text: &str| short(text) && text.chars().all(|c| c.is_lowercase() || c == ' ');
    let furniture = |l: &Judged| l.kind.is_some() || signs_off(l.text);
    // A button or a label of a word or a few, each capitalised ("Setuju", "Espos Plus").
    let label = |text: &str| {
        short(text)
            && !text.trim_end().ends_with(['.', '!', '?', ',', ';', ':'])
            && text.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            })
    };
    let closing = |l: &Judged| furniture(l) || title(l.text) || tag(l.text) || label(l.text);
    let mut start = lines.len();
    while start > 0 && closing(&lines[start - 1]) {
        start -= 1;
    }
    // Furniture closes a story: with no line of story before the run, there is nothing
    // to close, and the run is the article (a gallery's captions, a list).
    if start == 0 {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut after_furniture = false;
    for i in start..lines.len() {
        if furniture(&lines[i]) {
            after_furniture = true;
            continue;
        }
        // A label alone between the story and the furniture: words only, no punctuation
        // ("Said Abdullah, Fraksi PDI Perjuangan" signs a statement), and not the last
        // item of a list ("ISYA 18:39" under "MAGHRIB 18:05").
        let alone = i == start || !closing(&lines[i - 1]);
        let bare = lines[i]
            .text
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ');
        let before_furniture = lines.get(i + 1).is_some_and(&furniture);
        if after_furniture || (before_furniture && alone && bare && short(lines[i].text)) {
            found.push(i);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged<'a>(lines: &[(&'a str, Option<&'static str>)]) -> Vec<Judged<'a>> {
        lines
            .iter()
            .map(|&(text, kind)| Judged { text, kind })
            .collect()
    }

    /// A stand-in for the rules: a heading is "Baca Juga", a title has no full stop.
    fn run(lines: &[(&str, Option<&'static str>)]) -> Vec<usize> {
        titles(
            &judged(lines),
            |l| l == "Baca Juga" || l.ends_with(':'),
            |l| !l.ends_with('.') && !l.starts_with("1."),
        )
    }

    const HEADING: (&str, Option<&str>) = ("Baca Juga", Some("read_also"));

    #[test]
    fn titles_under_a_bare_heading_go_until_the_story_goes_on() {
        let lines = [
            ("Harga cabai naik.", None),
            HEADING,
            ("Harga Bawang Ikut Naik", None),
            ("Pedagang Menjerit di Pasar Induk", None),
            ("Pedagang mengeluh.", None),
        ];
        assert_eq!(run(&lines), vec![2, 3]);
    }

    #[test]
    fn a_title_may_close_the_article() {
        assert_eq!(
            run(&[HEADING, ("Daftar Maskapai Beri Diskon", None)]),
            vec![1]
        );
    }

    #[test]
    fn a_subheading_before_an_ad_slot_is_the_story() {
        let lines = [
            HEADING,
            ("Spesifikasi Kamera Ponsel Baru", None),
            ("Advertisement", Some("advertisement")),
            ("Kameranya beresolusi 50 MP.", None),
        ];
        assert!(run(&lines).is_empty());
    }

    #[test]
    fn a_long_run_of_headline_lines_is_the_story_own_list() {
        let mut lines = vec![HEADING];
        lines.extend([("Lidah Buaya", None); MAX_TITLES + 1]);
        lines.push(("Semuanya mudah ditanam.", None));
        assert!(run(&lines).is_empty());
    }

    #[test]
    fn a_sentence_or_a_list_item_after_the_heading_is_the_story() {
        assert!(run(&[HEADING, ("Pedagang mengeluh.", None)]).is_empty());
        assert!(run(&[HEADING, ("1. Lidah buaya", None)]).is_empty());
    }

    #[test]
    fn a_removed_call_ending_in_a_colon_opens_a_box() {
        let call = ("Simak berita lainnya di sini:", Some("call_to_action"));
        assert_eq!(run(&[call, ("OJK Cabut Izin BPR", None)]), vec![1]);
        let credit = ("Editor:", Some("byline"));
        assert!(run(&[credit, ("Budi Santoso", None)]).is_empty());
    }

    fn polls(lines: &[(&str, Option<&'static str>)]) -> Vec<usize> {
        poll_options(&judged(lines), |l| l.contains("Anda") && l.ends_with('?'))
    }

    #[test]
    fn a_question_to_the_reader_with_short_answers_at_the_end_is_a_poll() {
        let lines = [
            ("Arus mudik diprediksi memuncak Jumat.", None),
            ("Apakah Anda akan mudik tahun ini?", None),
            ("Ya, sudah pesan tiket", None),
            ("Belum tahu", None),
            ("Ikuti kami di Google News", Some("call_to_action")),
        ];
        assert_eq!(polls(&lines), vec![1, 2, 3]);
    }

    #[test]
    fn answers_may_share_a_line() {
        let lines = [
            ("Apakah Anda setuju dengan revisi itu?", None),
            ("Setuju | Tidak Setuju | Belum Tahu", None),
        ];
        assert_eq!(polls(&lines), vec![0, 1]);
    }

    #[test]
    fn a_question_answered_by_the_story_is_no_poll() {
        let lines = [
            ("Apakah Anda perlu vaksin booster?", None),
            ("Dokter menyarankan vaksin bagi lansia.", None),
            ("Ya", None),
            ("Tidak", None),
        ];
        assert!(polls(&lines).is_empty());
        let middle = [
            ("Apakah Anda akan mudik tahun ini?", None),
            ("Ya", None),
            ("Tidak", None),
            ("Pemerintah menyiapkan mudik gratis.", None),
        ];
        assert!(polls(&middle).is_empty());
    }

    fn steps(lines: &[(&str, Option<&'static str>)]) -> Vec<usize> {
        how_to_steps(
            &judged(lines),
            |l| l.starts_with("Cara "),
            |l| l.starts_with('('),
        )
    }

    #[test]
    fn a_call_under_a_how_to_heading_is_a_step() {
        let lines = [
            ("Cara Daftar Lewat Aplikasi", None),
            ("Unduh aplikasi di Play Store.", Some("call_to_action")),
            ("Pilih menu Pendaftaran.", None),
            ("Klik tombol Kirim di sini.", Some("call_to_action")),
            ("Tunggu kode pembayaran.", None),
        ];
        assert_eq!(steps(&lines), vec![1, 3]);
    }

    #[test]
    fn a_call_after_furniture_or_closing_the_article_is_no_step() {
        let lines = [
            ("Cara Daftar Lewat Aplikasi", None),
            ("Pilih menu Pendaftaran.", None),
            ("ADVERTISEMENT", Some("advertisement")),
            ("Unduh aplikasi kami di Play Store.", Some("call_to_action")),
            ("Tunggu kode pembayaran.", None),
            ("Ikuti kami di Google News", Some("call_to_action")),
            ("(ant/ded)", None),
        ];
        assert!(steps(&lines).is_empty());
    }

    fn labels(lines: &[(&str, Option<&'static str>)]) -> Vec<usize> {
        closing_labels(
            &judged(lines),
            |l| !l.ends_with('.'),
            |l| l.starts_with('('),
        )
    }

    #[test]
    fn short_labels_after_closing_furniture_go() {
        let lines = [
            ("Laga disiarkan langsung.", None),
            ("Video Populer", Some("related_links")),
            ("Foto Populer", None),
            ("Sepak Bola Indonesia", None),
        ];
        assert_eq!(labels(&lines), vec![2, 3]);
    }

    #[test]
    fn titles_and_tags_among_closing_furniture_go() {
        let lines = [
            ("Target imunisasi 95 persen.", None),
            ("Espos Plus", None),
            ("Editor: Juan", Some("byline")),
            ("Kasus DBD di Sulut Meningkat, Warga Diminta Waspada", None),
            ("banjir bekasi", None),
            ("Setuju", None),
        ];
        assert_eq!(labels(&lines), vec![1, 3, 4, 5]);
        let tags_after_signoff = [
            ("Air mulai surut.", None),
            ("(mea/idn)", None),
            ("banjir bekasi", None),
        ];
        assert_eq!(labels(&tags_after_signoff), vec![2]);
    }

    #[test]
    fn a_signature_or_a_list_item_before_closing_furniture_stays() {
        let video = ("Simak juga Video: Banjir", Some("video_promo"));
        let signed = [
            ("Kami meminta tunjangan dihentikan.", None),
            ("Budi, Fraksi Kabar", None),
            video,
        ];
        assert!(labels(&signed).is_empty());
        let listed = [
            ("Jadwal salat:", None),
            ("MAGHRIB 18", None),
            ("ISYA 19", None),
            video,
        ];
        assert!(labels(&listed).is_empty());
    }

    #[test]
    fn a_list_that_ends_the_story_stays() {
        let lines = [
            ("Lomba diikuti 500 pelari.", None),
            ("Hasil Lomba Kategori Umum", None),
            ("Putra: Arif Budiman (Salatiga), 32 menit 14 detik", None),
            ("Putri: Sri Lestari (Kendal), 37 menit 52 detik", None),
            ("(tribun/abc)", None),
            ("Editor: Budi", Some("byline")),
        ];
        assert!(labels(&lines).is_empty());
    }

    #[test]
    fn an_article_of_headings_and_furniture_keeps_its_lines() {
        let lines = [
            ("Foto: Pasar", Some("photo_credit")),
            ("Suasana Pasar Baru", None),
            ("Foto: Pedagang", Some("photo_credit")),
            ("Pedagang Sayur", None),
        ];
        assert!(labels(&lines).is_empty());
        let story = [
            ("Harga naik.", None),
            ("Foto: Pasar", Some("photo_credit")),
            ("Isi.", None),
        ];
        assert!(labels(&story).is_empty(), "a sentence is no label");
    }

    #[test]
    fn the_story_last_line_is_no_label() {
        assert!(labels(&[("Laga disiarkan.", None), ("Persib Juara", None)]).is_empty());
        let sentence_after = [
            ("Laga disiarkan.", None),
            ("ADVERTISEMENT", Some("advertisement")),
            ("Persib menang.", None),
        ];
        assert!(labels(&sentence_after).is_empty());
    }

    #[test]
    fn only_a_removed_heading_opens_a_box() {
        assert!(run(&[("Baca Juga", None), ("Harga Bawang Ikut Naik", None)]).is_empty());
    }
}
