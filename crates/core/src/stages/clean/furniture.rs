//! Page furniture recognised by its job rather than by its wording. Sites reword their
//! teasers and prompts all the time ("Tonton juga …", "Saksikan Video …", "Klik di sini
//! untuk …"), so a list of exact markers tuned to the pages already seen misses
//! tomorrow's. Each class here is one small rule over the line's shape:
//!
//! - [`Furniture::call_to_action`]: the line opens with a verb that sends the reader
//!   somewhere (watch, read, see, follow, click, download) and points elsewhere;
//! - [`Furniture::social_residue`]: what a social-media embed leaves behind;
//! - [`Furniture::share_prompt`]: share, follow and comment prompts;
//! - [`Furniture::related_heading`]: the heading of a block of related links;
//! - [`Furniture::news_promo`]: the outlet offering its own news through a channel, an
//!   app, a newsletter or a subscription;
//! - [`Furniture::media_teaser`]: the labelled headline of an embedded infographic or video.
//!
//! Every rule yields to a story sentence: a line with a speech verb outside its quoted
//! titles, or one longer than a teaser ever is, is article text.

use foldhash::HashSet;

use regex::Regex;

use super::line_pattern::LinePattern;

use crate::lexicon::Lexicon;

/// Most words (outside quoted titles) a call to action has; story sentences that open
/// with "Lihat" or "Ikuti" run longer.
const MAX_CALL_WORDS: usize = 25;
/// Most words after a share prompt's opening ("Bagikan" + "artikel ini"); "Bagikan
/// sembako kepada warga terdampak …" goes on like a sentence.
const MAX_PROMPT_TAIL: usize = 10;
/// A line of at most this many words that opens with a call-to-action verb is a button
/// ("Lihat Foto", "Tonton Video"): story sentences are longer.
const MAX_BUTTON_WORDS: usize = 3;
/// Longest line (in bytes) any class is tried on. Furniture is short, even a tweet with
/// its signature; a long line is story, and skipping it keeps a flood of text from
/// paying for rules that cannot match.
const MAX_FURNITURE_BYTES: usize = 1_000;
/// How far after the verb a teaser word still makes the line a teaser ("Tonton berita
/// video lainnya …").
const TEASER_REACH: usize = 4;
/// Most words of an outlet's promotion of itself: three short sentences ("Dapatkan update
/// berita … Mari bergabung di grup Telegram … Anda harus install aplikasi …").
const MAX_PROMO_WORDS: usize = 40;
/// How many words after a verb of sending name the reader's work ("Kirimkan tulisan
/// opini Anda").
const WORK_REACH: usize = 3;
/// Platform-list words that are no button on their own.
const BUTTON_WORDS: &[&str] = &[
    "dan", "atau", "link", "copy", "share", "tautan", "salin", "bagikan", "x", "line",
];
/// Most words of the topic a related-links heading names.
const MAX_TOPIC_WORDS: usize = 3;
/// Most words of a poll's question.
const MAX_QUESTION_WORDS: usize = 20;
/// Most words of a how-to's heading.
const MAX_HOW_TO_HEADING_WORDS: usize = 14;
/// Most words of an outlet's disclaimer: three sentences.
const MAX_DISCLAIMER_WORDS: usize = 60;
/// Words of a headline: a related link's title or an embedded video's.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 2..=16;

/// The class rules and the word lists they read.
pub struct Furniture {
    call_verbs: HashSet<&'static str>,
    link_verbs: HashSet<&'static str>,
    teasers: HashSet<&'static str>,
    adverbs: HashSet<&'static str>,
    passives: HashSet<&'static str>,
    promo_verbs: HashSet<&'static str>,
    watch_verbs: HashSet<&'static str>,
    how_to_heads: Vec<&'static str>,
    contact_verbs: HashSet<&'static str>,
    shopping_calls: Phrases,
    consent_words: Phrases,
    disclaimers: Phrases,
    disclaimer_label: LinePattern,
    /// After-verbs of speech ("kata", "ujar", "kisah") behind a comma or a quote mark.
    attribution: LinePattern,
    after_verbs: HashSet<&'static str>,
    membership: Vec<String>,
    membership_terms: Phrases,
    reader_works: HashSet<&'static str>,
    sending_verbs: HashSet<&'static str>,
    declarative: HashSet<&'static str>,
    platforms: HashSet<&'static str>,
    reader_address: HashSet<&'static str>,
    media_labels: Vec<&'static str>,
    /// Link texts with one space after each ("di sini "), matched at the start of the
    /// words after a link verb.
    link_targets: Vec<String>,
    content_nouns: Vec<String>,
    comment_places: Vec<String>,
    /// Phrase lists are padded once here (" di sini "), so that the per-line search in
    /// [`word_string`]'s form allocates nothing.
    pointers: Vec<String>,
    inward: Vec<String>,
    share_prompts: Vec<String>,
    related_headings: Vec<&'static str>,
    /// Headings that take a topic after them ("berita lain terkait" + "Pilkada"), listed
    /// with a trailing " …".
    topic_headings: Vec<&'static str>,
    embed_captions: Vec<String>,
    /// The length of the longest of them, as much of a line's words as they need.
    longest_caption: usize,
    lead_ins: Vec<String>,
    speech: LinePattern,
    url: LinePattern,
    handle: LinePattern,
    tweet_signature: LinePattern,
    lone_link: LinePattern,
    follow_handle: LinePattern,
    follow_platform: LinePattern,
    whole_url: Regex,
}

/// A line as the call, promotion and message rules read it: outside its quoted titles,
/// URLs blanked (`bare`), and its words without an opening "Yuk" (`words`, from
/// [`word_string`]).
struct Reading {
    bare: String,
    words: String,
    /// How many words `words` holds, counted once for every rule's length test.
    count: usize,
}

/// The line's words, lowercased, each flanked by one space (" baca juga "), so that a
/// phrase is found as whole words by a substring search.
fn word_string(line: &str) -> String {
    word_string_from(line, usize::MAX)
}

/// The start of [`word_string`]: at least its first `len` bytes, or all of it when it is
/// shorter. Enough to tell whether it starts with a phrase of `len` bytes.
fn word_string_from(line: &str, len: usize) -> String {
    if line.is_ascii() {
        ascii_word_string_from(line, len)
    } else {
        unicode_word_string_from(line, len)
    }
}

/// [`word_string_from`] of any line: words split at every char that is neither
/// alphanumeric nor an apostrophe.
fn unicode_word_string_from(line: &str, len: usize) -> String {
    let mut s = String::from(" ");
    for word in line
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
    {
        if s.len() >= len {
            break;
        }
        if word.is_ascii() {
            // Most words; char::to_lowercase's general path costs several times more.
            s.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            s.extend(word.chars().flat_map(char::to_lowercase));
        }
        s.push(' ');
    }
    s
}

/// [`word_string_from`] of an ASCII line, byte by byte: most lines are ASCII, and
/// splitting them by `char` costs several times more.
fn ascii_word_string_from(line: &str, len: usize) -> String {
    let mut s = String::with_capacity(line.len().min(len) + 2);
    s.push(' ');
    let mut in_word = false;
    for &b in line.as_bytes() {
        if b.is_ascii_alphanumeric() || b == b'\'' {
            if !in_word {
                if s.len() >= len {
                    return s;
                }
                in_word = true;
            }
            s.push(char::from(b.to_ascii_lowercase()));
        } else if in_word {
            s.push(' ');
            in_word = false;
        }
    }
    if in_word {
        s.push(' ');
    }
    s
}

/// Whether the line is a numbered list item ("1. …", "2) …"), a step of the story.
fn numbered(line: &str) -> bool {
    let line = line.trim_start();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && line[digits..].starts_with(['.', ')'])
}

/// The first word of each clause after the first, lowercased: what follows a comma, a
/// semicolon or a sentence's end.
fn clause_openers(bare: &str) -> impl Iterator<Item = String> + '_ {
    bare.split([',', ';', '.', '!', '?'])
        .skip(1)
        .filter_map(|clause| clause.split_whitespace().next())
        .map(str::to_lowercase)
}

/// Whole-word phrases, found in one pass over a line's words (from [`word_string`]).
struct Phrases(aho_corasick::AhoCorasick);

impl Phrases {
    fn new(phrases: &[&str]) -> Phrases {
        Phrases(aho_corasick::AhoCorasick::new(padded(phrases)).expect("phrase automaton"))
    }

    /// Whether `words` hold one of the phrases as whole words.
    fn in_words(&self, words: &str) -> bool {
        self.0.is_match(words)
    }
}

/// Each phrase with one space on either side, the form [`word_string`] gives its words.
fn padded(phrases: &[&str]) -> Vec<String> {
    phrases.iter().map(|p| format!(" {p} ")).collect()
}

/// The line without list bullets and arrows in front, which sites put before teasers.
fn without_bullets(line: &str) -> &str {
    line.trim_start_matches(|c: char| "-–—•·*>»▶►→|".contains(c) || c.is_whitespace())
}

/// The line with its quoted spans blanked: video and article titles are quoted, and what
/// they say is no part of the line's own sentence.
pub(super) fn outside_quotes(line: &str) -> String {
    // Most lines quote nothing, and are copied whole.
    if !line.contains(['"', '“', '«', '‘']) {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut closer: Option<char> = None;
    for c in line.chars() {
        match closer {
            Some(close) if c == close => closer = None,
            Some(_) => {}
            None => match c {
                '"' => closer = Some('"'),
                '“' => closer = Some('”'),
                '«' => closer = Some('»'),
                '‘' => closer = Some('’'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// A headline: a few words, most of them capitalised, with no full stop at the end
/// ("Harga Bawang Merah Ikut Naik, Emak-emak Menjerit"). A related link's title and an
/// embedded video's have this shape; a sentence of the story does not.
fn headline_shaped(text: &str) -> bool {
    let text = text.trim();
    if text.ends_with(['.', '!', '?', '"', '”', ':', ';', ',']) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if !HEADLINE_WORDS.contains(&words.len()) {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    // Short function words ("di", "ke", "dan") stay lowercase in many sites' headlines.
    capitalised * 3 >= words.len() * 2
}

/// A related link's title on a line of its own: headline-shaped, and may ask or exclaim
/// ("Pertalite Dibatasi? Ini Penjelasannya"), but no numbered list item ("1. Lidah
/// buaya"), which belongs to the story.
pub(super) fn link_title(text: &str) -> bool {
    let text = text.trim();
    let numbered = numbered(text) || {
        let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0 && text[digits..].starts_with(',')
    };
    // A teaser's title may trail off ("…, Ternyata...").
    let text = text
        .strip_suffix("...")
        .or_else(|| text.strip_suffix('…'))
        .unwrap_or(text);
    !numbered && headline_shaped(text.trim_end_matches(['?', '!']))
}

impl Furniture {
    /// The rules with the lists of `lexicon`; speech verbs come from the same lists the
    /// quote stage reads.
    pub fn with_lexicon(lexicon: &Lexicon) -> Furniture {
        let embed_captions = padded(&lexicon.embed_captions);
        let speech_words: Vec<String> = lexicon
            .speech_verbs_after
            .iter()
            .map(|s| format!("{s}nya"))
            .chain(lexicon.speech_verbs_report.iter().map(|s| s.to_string()))
            .chain(lexicon.speech_verbs_english.iter().map(|s| s.to_string()))
            .collect();
        let re = |p: &str| LinePattern::new(p).expect("furniture pattern");
        // "kata", "kisah", "cerita" are nouns too ("kisah inspiratif lainnya"); they
        // attribute speech after the words they attribute: a comma or a quote mark.
        let attribution = re(&format!(
            r#"(?:^|[,"”’'])\s*(?i:{})\b"#,
            lexicon.speech_verbs_after.join("|")
        ));
        let months = concat!(
            "January|February|March|April|May|June|July|August|September|October|",
            "November|December|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|",
            "Desember"
        );
        Furniture {
            call_verbs: lexicon.call_to_action_verbs.iter().copied().collect(),
            link_verbs: lexicon.link_verbs.iter().copied().collect(),
            teasers: lexicon.call_to_action_teasers.iter().copied().collect(),
            adverbs: lexicon.call_to_action_adverbs.iter().copied().collect(),
            passives: lexicon.call_to_action_passives.iter().copied().collect(),
            promo_verbs: lexicon.promo_verbs.iter().copied().collect(),
            watch_verbs: lexicon.watch_verbs.iter().copied().collect(),
            how_to_heads: lexicon.how_to_heads.clone(),
            contact_verbs: lexicon.contact_verbs.iter().copied().collect(),
            shopping_calls: Phrases::new(&lexicon.shopping_calls),
            consent_words: Phrases::new(&lexicon.consent_words),
            disclaimers: Phrases::new(&lexicon.disclaimer_phrases),
            attribution,
            after_verbs: lexicon.speech_verbs_after.iter().copied().collect(),
            disclaimer_label: re(
                r"^(?i:disclaimer|disclosure|penafian|catatan\s+redaksi|editor's\s+note)\s*:",
            ),
            membership: padded(&lexicon.membership_terms),
            membership_terms: Phrases::new(&lexicon.membership_terms),
            reader_works: lexicon.reader_works.iter().copied().collect(),
            sending_verbs: lexicon.sending_verbs.iter().copied().collect(),
            declarative: lexicon.declarative_markers.iter().copied().collect(),
            platforms: lexicon.share_platforms.iter().copied().collect(),
            reader_address: lexicon.reader_address.iter().copied().collect(),
            media_labels: lexicon.media_labels.clone(),
            link_targets: lexicon
                .link_targets
                .iter()
                .map(|t| format!("{t} "))
                .collect(),
            content_nouns: padded(&lexicon.news_content_nouns),
            comment_places: padded(&lexicon.comment_places),
            pointers: padded(&lexicon.elsewhere_pointers),
            inward: padded(&lexicon.inward_pointers),
            share_prompts: padded(&lexicon.share_prompts),
            related_headings: lexicon
                .related_headings
                .iter()
                .copied()
                .filter(|h| !h.ends_with('…'))
                .collect(),
            topic_headings: lexicon
                .related_headings
                .iter()
                .filter_map(|h| h.strip_suffix('…').map(str::trim_end))
                .collect(),
            longest_caption: embed_captions.iter().map(String::len).max().unwrap_or(0),
            embed_captions,
            lead_ins: padded(&lexicon.call_to_action_lead_ins),
            speech: re(&format!(r"\b(?i:{})\b", speech_words.join("|"))),
            url: re(r"(?i)\bhttps?://|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+/[^\s]*"),
            handle: re(r"(?:^|[\s(])@\w{2,}"),
            // "— Budi Santoso (@budis) March 3, 2026": the signature of an embedded tweet.
            tweet_signature: re(&format!(
                r"(?:^|[—–-]|&mdash;)\s*[^()]{{1,80}}\(@\w{{1,30}}\)\s*(?:{months})\s+\d{{1,2}},?\s+\d{{4}}\s*$"
            )),
            lone_link: re(
                r"^(?:(?i:https?://|www\.)\S+|@\w{2,}|(?:#\w+\s*)+|pic\.twitter\.com/\S+)$",
            ),
            // Its matches are replaced, so it keeps the regex crate's engine.
            whole_url: Regex::new(
                r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*",
            )
            .expect("furniture pattern"),
            // "follow @kabarkita", "ikuti akun @kabarkita": a prompt wherever it stands.
            follow_handle: re(
                r"(?i)\b(?:follow|ikuti|subscribe)\s+(?:akun\s+|kami\s+di\s+)?@\w{2,}",
            ),
            // "…, follow Instagram dan TikTok Kabar.com": a prompt naming a platform, the
            // verb opening the line or its clause after a comma ("Pemkot meminta warga
            // ikuti akun Instagram …" reports; "… longsor.Ikuti WhatsApp Channel" is a
            // paragraph with a prompt glued on, and stays). The outlet may stand between the
            // verb and the platform ("Ikuti Kabar.com di YouTube"), and the prompt may
            // follow an exclamation ("Yuk, jadi yang pertama tahu! Ikuti …").
            follow_platform: re(&format!(
                r"(?i)(?:^|,\s*|!\s+|\b(?:yuk|ayo|jangan\s+lupa)\s+)(?:follow|ikuti|subscribe)\s+(?:akun\s+|kanal\s+|kami\s+di\s+|(?-i:\p{{Lu}}[\p{{L}}\d.]*\s+){{1,3}}(?:di|on)\s+)?(?:{})\b",
                lexicon
                    .share_platforms
                    .iter()
                    .filter(|p| p.len() > 3 && !p.contains(' '))
                    .copied()
                    .collect::<Vec<_>>()
                    .join("|")
            )),
        }
    }

    /// The class a whole line belongs to, if it is page furniture.
    pub fn kind(&self, line: &str) -> Option<&'static str> {
        let line = without_bullets(line);
        if line.len() > MAX_FURNITURE_BYTES {
            return None;
        }
        // The call, promotion and message rules take at most MAX_PROMO_WORDS words
        // outside quoted titles and URLs; a line of twice that many is story.
        let reading = line
            .split_whitespace()
            .nth(2 * MAX_PROMO_WORDS)
            .is_none()
            .then(|| self.read(line));
        if self.social_residue(line) {
            Some("social_embed")
        } else if reading
            .as_ref()
            .is_some_and(|r| self.call_to_action_in(line, r) || self.message_us_in(r))
        {
            Some("call_to_action")
        } else if reading
            .as_ref()
            .is_some_and(|r| self.share_prompt_in(line, &r.words))
        {
            Some("share_prompt")
        } else if self.related_heading(line) || self.media_teaser(line) || self.labelled_link(line)
        {
            Some("related_links")
        } else if reading.as_ref().is_some_and(|r| {
            self.news_promo_in(line, r)
                || self.membership_offer_in(r)
                || self.contributor_call_in(r)
                || self.contact_us_in(r)
        }) {
            Some("promo")
        } else if reading
            .as_ref()
            .is_some_and(|r| self.disclaimer_in(line, r))
        {
            Some("disclaimer")
        } else if reading.as_ref().is_some_and(|r| self.consent_banner_in(r)) {
            Some("consent_notice")
        } else if reading.as_ref().is_some_and(|r| self.shopping_call_in(r)) {
            Some("advertisement")
        } else if self.reader_prompt(line) {
            Some("poll")
        } else {
            None
        }
    }

    /// An outlet's disclaimer: a paragraph labelled "Disclaimer:", or one that puts the
    /// responsibility elsewhere ("… merupakan tanggung jawab dari penulis", "Redaksi tidak
    /// bertanggung jawab …"), short and quoting nobody.
    #[cfg(test)]
    pub fn disclaimer(&self, line: &str) -> bool {
        self.disclaimer_in(line, &self.read(line))
    }

    fn disclaimer_in(&self, line: &str, reading: &Reading) -> bool {
        let words = &reading.words;
        reading.count <= MAX_DISCLAIMER_WORDS
            && (self.disclaimer_label.is_match(line) || self.disclaimers.in_words(words))
            && !self.tells_story(&reading.bare)
    }

    /// Whether the line carries a sentence of the story: a speech verb outside its quoted
    /// titles ("Tonton videonya di sini," kata Andi, written without quote marks). A
    /// word that is a noun as often ("kisah", "cerita") counts only where it attributes:
    /// at the start, or after a comma or a quote mark.
    fn tells_story(&self, bare: &str) -> bool {
        self.speech.is_match(bare) || self.attribution.is_match(bare)
    }

    /// [`Furniture::tells_story`] on words without their punctuation (from
    /// [`word_string`]), where an after-verb anywhere counts.
    fn speaks_in(&self, words: &str) -> bool {
        self.speech.is_match(words)
            || words
                .split_whitespace()
                .any(|w| self.after_verbs.contains(w))
    }

    /// A line whose job is to send the reader elsewhere: it opens with a verb of watching,
    /// reading, seeing, following, clicking or downloading, points elsewhere (a teaser word
    /// right after the verb, a pointer phrase, a URL or a handle) and is no story sentence.
    /// "Simak penjelasannya di bawah ini" points inside the article and stays, unless its
    /// verb is one that only ever leaves the page (klik, unduh).
    #[cfg(test)]
    pub fn call_to_action(&self, line: &str) -> bool {
        self.call_to_action_in(line, &self.read(line))
    }

    /// The line as the call, promotion and message rules read it, made once per line.
    fn read(&self, line: &str) -> Reading {
        let bare = self.without_urls(outside_quotes(line));
        let words = self.without_lead_in(word_string(&bare));
        let count = words.split_whitespace().count();
        Reading { bare, words, count }
    }

    fn call_to_action_in(&self, line: &str, reading: &Reading) -> bool {
        let (bare, words) = (&reading.bare, &reading.words);
        // `count` is the number of these tokens: most lines are longer, and collect none.
        if reading.count > MAX_CALL_WORDS {
            return false;
        }
        let tokens: Vec<&str> = words.split_whitespace().collect();
        // "… klik di sini", "bisa dibaca di sini": a link text sends the reader away
        // wherever in the line it stands. The speech guard is tried last everywhere: it
        // is the costly test.
        if self.clicks_away(&tokens) {
            return !self.tells_story(bare);
        }
        let Some(first) = tokens.first() else {
            return false;
        };
        let leaves_page = self.link_verbs.contains(first);
        if !(leaves_page || self.call_verbs.contains(first)) || self.tells_story(bare) {
            return false;
        }
        let linked = self.linked(line);
        // "Lihat Foto", "Tonton Video": a button, not a sentence ("Simak informasinya!"
        // introduces the article's own text).
        if tokens.len() <= MAX_BUTTON_WORDS && !line.trim_end().ends_with(['.', '!', '?']) {
            return true;
        }
        // "Saksikan Video Pilihan di Bawah Ini" announces an embed, whatever follows;
        // "Tonton juga" only when "juga" follows the verb ("Cek kesehatan gratis juga
        // digelar …" is a sentence).
        if tokens.get(1).is_some_and(|w| self.adverbs.contains(w))
            || tokens[1..]
                .iter()
                .take(TEASER_REACH)
                .any(|w| self.teasers.contains(w))
        {
            return true;
        }
        if !leaves_page && !linked && self.inward.iter().any(|p| words.contains(p.as_str())) {
            return false;
        }
        linked || (self.points_away(words) && !self.declares(bare))
    }

    /// An invitation to message the outlet, a platform's name used as the verb after
    /// "silakan" ("… silakan WhatsApp ke nomor 0811 …"); "silakan hubungi nomor 112" in a
    /// story names a service instead. No speech guard: the footer goes on "… ketik kata
    /// kunci …", and "kata" there says nothing.
    #[cfg(test)]
    pub fn message_us(&self, line: &str) -> bool {
        self.message_us_in(&self.read(line))
    }

    fn message_us_in(&self, reading: &Reading) -> bool {
        if reading.count > MAX_PROMO_WORDS || !reading.words.contains(" silakan ") {
            return false;
        }
        let tokens: Vec<&str> = reading.words.split_whitespace().collect();
        tokens
            .windows(2)
            .any(|w| w[0] == "silakan" && self.platforms.contains(w[1]) && w[1] != "dan")
    }

    /// A link verb or a passive of reading right before a link text that names nothing
    /// ("klik di sini", "dapat diunduh melalui tautan berikut").
    fn clicks_away(&self, tokens: &[&str]) -> bool {
        tokens.iter().enumerate().any(|(i, w)| {
            (self.link_verbs.contains(w) || self.passives.contains(w)) && {
                let mut after = tokens[i + 1..]
                    .iter()
                    .take(3)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                after.push(' ');
                self.link_targets
                    .iter()
                    .any(|t| after.starts_with(t.as_str()))
            }
        })
    }

    /// The line with its URLs blanked: a URL's parts are no words of the line's sentence.
    /// A sentence's full stop after a URL stays.
    fn without_urls(&self, line: String) -> String {
        // Every URL form has a slash or "www."; most lines have neither.
        if !line.contains('/') && !line.contains("www.") {
            return line;
        }
        self.whole_url
            .replace_all(&line, |c: &regex::Captures| {
                let url = &c[0];
                let stop = url.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
                format!(" {}", &url[stop.len()..])
            })
            .into_owned()
    }

    /// A URL, a handle, or an arrow at the end ("Baca berita lainnya >>").
    fn linked(&self, line: &str) -> bool {
        self.url.is_match(line)
            || self.handle.is_match(line)
            || line.trim_end().ends_with(['»', '→', '›'])
            || line.trim_end().ends_with(">>")
    }

    /// Whether `words` (from [`word_string`]) hold a phrase that points off the page.
    fn points_away(&self, words: &str) -> bool {
        self.pointers.iter().any(|p| words.contains(p.as_str()))
    }

    /// A word of a statement ("sudah", "menurut") in the line's first sentence, the one
    /// its verb opens: that sentence reports, it does not call. A second sentence is the
    /// prompt's own aside ("Pastikan aplikasi sudah terpasang").
    fn declares(&self, bare: &str) -> bool {
        let end = bare
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, '.' | '!' | '?')
                    && bare[i + c.len_utf8()..].starts_with(char::is_whitespace)
            })
            .map_or(bare.len(), |(i, _)| i);
        word_string(&bare[..end])
            .split_whitespace()
            .any(|w| self.declarative.contains(w))
    }

    /// The outlet offering its own news: a line that opens with a verb of getting,
    /// following or subscribing, offers news ("berita", "liputan", "redaksi") and points
    /// off the page ("Dapatkan update berita pilihan … di email kamu"). A how-to step of
    /// a story offers a service instead of news, and stays.
    #[cfg(test)]
    pub fn news_promo(&self, line: &str) -> bool {
        self.news_promo_in(line, &self.read(line))
    }

    fn news_promo_in(&self, line: &str, reading: &Reading) -> bool {
        let (bare, words) = (&reading.bare, &reading.words);
        if reading.count > MAX_PROMO_WORDS
            || !self
                .content_nouns
                .iter()
                .any(|n| words.contains(n.as_str()))
        {
            return false;
        }
        let tokens: Vec<&str> = words.split_whitespace().collect();
        let Some(first) = tokens.first() else {
            return false;
        };
        let calls = |w: &&str| {
            self.promo_verbs.contains(w)
                || self.call_verbs.contains(w)
                || self.link_verbs.contains(w)
        };
        // The verb opens the line, or a verb of following or subscribing opens one of its
        // clauses ("Jangan ketinggalan berita terkini, ikuti Kabar.com di Google News";
        // "Lebih lengkapnya, simak tiga berita … berikut ini" reads on), or it stands anywhere in a line that
        // addresses the reader ("Daftar newsletter … dan dapatkan ringkasan berita … di
        // email Anda"). Cheap tests first: most lines are too long or offer no news.
        tokens.len() <= MAX_PROMO_WORDS
            && self
                .content_nouns
                .iter()
                .any(|n| words.contains(n.as_str()))
            && (calls(first)
                || (clause_openers(bare).any(|w| {
                    self.promo_verbs.contains(w.as_str()) || self.link_verbs.contains(w.as_str())
                }) && !self.inward.iter().any(|p| words.contains(p.as_str())))
                || (tokens.iter().any(|w| self.reader_address.contains(w))
                    && tokens.iter().any(calls)))
            && (self.linked(line) || self.points_away(words))
            && !self.declares(bare)
            && !self.tells_story(bare)
    }

    /// A paywall's or a membership's offer: a short line that sells membership
    /// ("premium", "tanpa iklan") and opens a sentence with an offer verb ("Baca berita
    /// tanpa iklan. Gabung Kompas.com+", "Konten Premium Nikmati Konten Premium …"). A
    /// story says "Pelanggan premium kini bisa mengakses …": no sentence opens with the
    /// bare verb.
    #[cfg(test)]
    pub fn membership_offer(&self, line: &str) -> bool {
        self.membership_offer_in(&self.read(line))
    }

    fn membership_offer_in(&self, reading: &Reading) -> bool {
        let (bare, words) = (&reading.bare, &reading.words);
        reading.count <= MAX_CALL_WORDS
            && self.membership_terms.in_words(words)
            && self
                .offer_sentence(bare)
                .is_some_and(|offer| !self.declares(offer))
            && !self.tells_story(bare)
    }

    /// The rest of the line from an offer verb that opens a sentence: at the line's
    /// start, after a full stop, or capitalised right after a membership term, where a
    /// label run into its prompt ends ("Konten Premium Nikmati …"). A meter's notice
    /// reports first and offers after ("Anda telah membaca 3 artikel gratis.
    /// Berlangganan …").
    fn offer_sentence<'a>(&self, bare: &'a str) -> Option<&'a str> {
        let offer = |w: &str| {
            let w = w.to_lowercase();
            self.promo_verbs.contains(w.as_str()) || self.call_verbs.contains(w.as_str())
        };
        let mut previous: Option<&str> = None;
        let mut opens = true;
        let start = |token: &str| token.as_ptr() as usize - bare.as_ptr() as usize;
        for token in bare.split_whitespace() {
            let word = token.trim_matches(|c: char| !c.is_alphanumeric());
            let after_term = previous.is_some_and(|p| {
                let p = format!(" {} ", p.to_lowercase());
                self.membership.iter().any(|t| t.ends_with(p.as_str()))
            });
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if !word.is_empty() && (opens || (after_term && capital)) && offer(word) {
                return Some(&bare[start(token)..]);
            }
            opens = token.ends_with(['.', '!', '?', ':']);
            if !word.is_empty() {
                previous = Some(word);
            }
        }
        None
    }

    /// A call for the reader's own writing: a verb of sending before the reader's work
    /// ("Kirim tulisanmu ke …", "Kirimkan cerita Anda", "Submit your story"). A story
    /// quotes such a call with a speech verb after it, and stays.
    #[cfg(test)]
    pub fn contributor_call(&self, line: &str) -> bool {
        self.contributor_call_in(&self.read(line))
    }

    fn contributor_call_in(&self, reading: &Reading) -> bool {
        // Most lines have no verb of sending: tried first, as the rest allocates.
        if reading.count > MAX_PROMO_WORDS
            || !reading
                .words
                .split_whitespace()
                .any(|w| self.sending_verbs.contains(w))
        {
            return false;
        }
        let tokens: Vec<&str> = reading.words.split_whitespace().collect();
        // The reader's work: a work noun with "-mu", or one in a line that addresses the
        // reader ("Kirimkan tulisan opini Anda", "Punya kabar dari sekitar Anda? Kirim
        // berita, foto, atau video ke redaksi").
        let addressed = tokens.iter().any(|w| self.reader_address.contains(w))
            || reading.words.contains(" ke redaksi ")
            || reading.words.contains(" kepada redaksi ");
        let readers_work = |at: &[&str]| {
            let near = &at[..at.len().min(WORK_REACH)];
            near.iter().any(|w| {
                w.strip_suffix("mu")
                    .is_some_and(|w| self.reader_works.contains(w))
                    || (addressed && self.reader_works.contains(w))
            })
        };
        // The verb opens the line or a clause: "9. Selanjutnya unggah foto KTP dan foto
        // kamu …" is a step of a how-to.
        let opens: HashSet<String> = tokens
            .first()
            .map(|w| w.to_string())
            .into_iter()
            .chain(clause_openers(&reading.bare))
            .collect();
        tokens.len() <= MAX_PROMO_WORDS
            && !numbered(&reading.bare)
            && tokens.iter().enumerate().any(|(i, w)| {
                self.sending_verbs.contains(w)
                    && opens.contains(*w)
                    && readers_work(&tokens[i + 1..])
            })
            && !self.tells_story(&reading.bare)
    }

    /// An invitation to contact, report to or support the outlet: a clause that opens
    /// with such a verb and names the outlet as "kami" or "redaksi" ("Laporkan kepada
    /// kami", "Pasang iklan di …, hubungi bagian pemasaran kami", "Dukung dakwah digital
    /// kami melalui infak").
    #[cfg(test)]
    pub fn contact_us(&self, line: &str) -> bool {
        self.contact_us_in(&self.read(line))
    }

    fn contact_us_in(&self, reading: &Reading) -> bool {
        // Most lines have neither a verb of contacting nor the outlet as "kami": tried
        // first, as the rest allocates.
        let mut words = reading.words.split_whitespace();
        if reading.count > MAX_PROMO_WORDS
            || !words
                .clone()
                .any(|w| matches!(w, "kami" | "redaksi" | "us"))
            || !words.any(|w| self.contact_verbs.contains(w))
        {
            return false;
        }
        // The verb opens the sentence or a clause of it; "kami" may stand anywhere in the
        // sentence ("Salurkan zakat, infak, dan sedekah Anda melalui lembaga amil kami").
        let opens_with_contact = |sentence: &str| {
            sentence.split(',').any(|clause| {
                self.without_lead_in(word_string(clause))
                    .split_whitespace()
                    .next()
                    .is_some_and(|verb| self.contact_verbs.contains(verb))
            })
        };
        let names_outlet = |sentence: &str| {
            word_string(sentence)
                .split_whitespace()
                .any(|w| matches!(w, "kami" | "redaksi" | "us"))
        };
        reading
            .bare
            .split([';', '.', '!', '?'])
            .any(|sentence| opens_with_contact(sentence) && names_outlet(sentence))
            && !self.tells_story(&reading.bare)
    }

    /// A shopping ad's call to buy ("Diskon hingga 50% …, belanja sekarang!").
    fn shopping_call_in(&self, reading: &Reading) -> bool {
        reading.count <= MAX_CALL_WORDS
            && self.shopping_calls.in_words(&reading.words)
            && !self.tells_story(&reading.bare)
    }

    /// A cookie or consent banner: it names cookies or a privacy policy and addresses
    /// the reader ("Kami menggunakan cookie … kamu menyetujui kebijakan privasi kami").
    /// "Situs itu memakai cookie untuk melacak pengguna" reports.
    fn consent_banner_in(&self, reading: &Reading) -> bool {
        let words = &reading.words;
        reading.count <= MAX_DISCLAIMER_WORDS
            && self.consent_words.in_words(words)
            && words
                .split_whitespace()
                .any(|w| self.reader_address.contains(w))
            && !self.tells_story(&reading.bare)
    }

    /// A question to the reader about the article itself ("Bagaimana reaksi Anda tentang
    /// artikel ini?"): a reactions widget's prompt.
    pub fn reader_prompt(&self, line: &str) -> bool {
        self.asks_reader(line)
            && [" artikel ini ", " berita ini ", " this article "]
                .iter()
                .any(|p| word_string(line).contains(p))
    }

    /// The labelled headline of an embedded infographic, video or gallery ("Infografis:
    /// Wilayah Rawan Banjir Pekan Ini", "Infografis Harga Pangan Pekan Ini"). A label
    /// listed with a colon needs it: "Video Detik-Detik Erupsi …" opens a fact check's
    /// subheading as often; "Video: warga itu memperlihatkan …" goes on as a sentence.
    pub fn media_teaser(&self, line: &str) -> bool {
        let line = line.trim();
        self.media_labels.iter().any(|listed| {
            let label = listed.trim_end_matches(':');
            line.strip_prefix(label).is_some_and(|rest| {
                let colon = rest.trim_start().starts_with(':');
                (colon || (label.len() == listed.len() && rest.starts_with(' ')))
                    && link_title(rest.trim_start_matches([' ', ':']))
            })
        })
    }

    /// `words` (from [`word_string`]) without an opening "Yuk" or "Jangan lupa".
    /// A lead-in whose last word is itself a call ("Jangan lewatkan …", "don't miss")
    /// keeps that word: what follows is its object.
    fn without_lead_in(&self, words: String) -> String {
        // A word addressing the reader may come first ("Bunda, yuk unduh …").
        let words = match words.split_whitespace().next() {
            Some(first) if self.reader_address.contains(first) => {
                words[first.len() + 1..].to_string()
            }
            _ => words,
        };
        for lead in &self.lead_ins {
            if let Some(rest) = words.strip_prefix(lead.as_str()) {
                return match lead.split_whitespace().last() {
                    Some(last) if self.call_verbs.contains(last) => format!(" {last} {rest}"),
                    _ => format!(" {rest}"),
                };
            }
        }
        words
    }

    /// What an embedded post leaves in the text: its caption ("A post shared by …"), a
    /// `pic.twitter.com` link, a tweet's signature, or a line that is only a link, a
    /// handle or hashtags.
    pub fn social_residue(&self, line: &str) -> bool {
        let words = word_string_from(line, self.longest_caption);
        self.embed_captions
            .iter()
            .any(|c| words.starts_with(c.as_str()))
            || line.contains("pic.twitter.com/")
            // TikTok's embed: "@akun caption #tag ♬ suara asli - akun".
            || line.contains('♬')
            || (line.starts_with('@') && line.contains(" #"))
            || self.tweet_signature.is_match(line)
            || self.lone_link.is_match(line.trim())
    }

    /// A short prompt to share, follow or comment ("Bagikan artikel ini", "Tulis
    /// komentar", "Follow us on Instagram").
    #[cfg(test)]
    pub fn share_prompt(&self, line: &str) -> bool {
        self.share_prompt_in(line, &self.read(line).words)
    }

    /// [`Furniture::share_prompt`] on the words of the line's [`Reading`].
    fn share_prompt_in(&self, line: &str, words: &str) -> bool {
        // A numbered line is a step of the story ("1. Follow akun Instagram @kabar …" in
        // a contest's rules).
        let follows = [" follow ", " ikuti ", " subscribe "]
            .iter()
            .any(|v| words.contains(v));
        if follows
            && !numbered(line)
            && (line.contains('@') && self.follow_handle.is_match(line)
                || self.follow_platform.is_match(line))
            && words.split_whitespace().count() <= MAX_CALL_WORDS
            && !self.tells_story(&outside_quotes(line))
        {
            return true;
        }
        if self.button_row(words) || self.comment_prompt(line, words) {
            return true;
        }
        // The speech guard reads only what follows the opening: "Tulis komentar" opens
        // with a verb that also attributes speech.
        self.share_prompts.iter().any(|p| {
            words.strip_prefix(p.as_str()).is_some_and(|tail| {
                tail.split_whitespace().count() <= MAX_PROMPT_TAIL && !self.speaks_in(tail)
            })
        })
    }

    /// A row of share buttons: only platform names ("Facebook Twitter WhatsApp Salin
    /// tautan").
    fn button_row(&self, words: &str) -> bool {
        let mut n = 0;
        let all = words.split_whitespace().all(|w| {
            n += 1;
            self.platforms.contains(w)
        });
        // One platform alone is a button too ("Facebook" on its line), but not a word
        // that joins or names an action ("dan", "link").
        all && (n >= 2 || (n == 1 && !BUTTON_WORDS.contains(&words.trim())))
    }

    /// A request for the reader's comment: a comment place together with a question or
    /// a word addressing the reader ("Bagaimana pendapatmu? Tulis di kolom komentar").
    /// "Warganet membanjiri kolom komentar unggahan itu" is news about comments.
    fn comment_prompt(&self, line: &str, words: &str) -> bool {
        words.split_whitespace().count() <= MAX_CALL_WORDS
            && self
                .comment_places
                .iter()
                .any(|p| words.contains(p.as_str()))
            && (line.contains('?')
                || words
                    .split_whitespace()
                    .any(|w| self.reader_address.contains(w)))
    }

    /// A heading with nothing after it, which the box's titles follow on lines of their
    /// own: a related-links heading ("Berita Terkait") or a call to see more ("Baca
    /// Juga:", "Lihat Juga :").
    pub fn bare_heading(&self, line: &str) -> bool {
        let words = word_string(without_bullets(line));
        if self.topic_heading(&without_bullets(line).trim().to_lowercase())
            || self.related_headings.contains(
                &words
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str(),
            )
        {
            return true;
        }
        let words = self.without_lead_in(words);
        match words.split_whitespace().collect::<Vec<_>>().as_slice() {
            [verb] => self.reading_call(verb),
            [verb, adverb] => self.reading_call(verb) && self.adverbs.contains(adverb),
            _ => false,
        }
    }

    /// A call verb that sends the reader to read or see, not to watch: a video teaser's
    /// heading announces a player, not linked titles.
    fn reading_call(&self, verb: &str) -> bool {
        self.call_verbs.contains(verb) && !self.watch_verbs.contains(verb)
    }

    /// Whether a removed line announces linked titles on the lines after it: a bare
    /// heading, or a call that ends in a colon and is not a video's ("Simak berita
    /// lainnya di sini:", but not "Tonton juga:").
    pub fn announces_links(&self, line: &str) -> bool {
        if self.bare_heading(line) {
            return true;
        }
        let words = self.without_lead_in(word_string(without_bullets(line)));
        line.trim_end().ends_with(':')
            && words
                .split_whitespace()
                .next()
                .is_some_and(|w| !self.watch_verbs.contains(w))
    }

    /// A question put to the reader ("Apakah Anda berencana mudik tahun ini?"), short
    /// enough to head a poll.
    pub fn asks_reader(&self, line: &str) -> bool {
        line.trim_end().ends_with('?')
            && line.split_whitespace().count() <= MAX_QUESTION_WORDS
            && word_string(line)
                .split_whitespace()
                .any(|w| self.reader_address.contains(w))
    }

    /// The heading of a how-to ("Cara Daftar BPJS Kesehatan Lewat Aplikasi", "Berikut
    /// langkah-langkahnya:"): a short line that opens with a how-to word and ends
    /// without a full stop.
    pub fn heads_how_to(&self, line: &str) -> bool {
        let lower = line.trim().to_lowercase();
        lower.split_whitespace().count() <= MAX_HOW_TO_HEADING_WORDS
            && !lower.ends_with('.')
            && self.how_to_heads.iter().any(|h| {
                lower.strip_prefix(h).is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with([' ', ':']) || rest.starts_with("nya")
                })
            })
    }

    /// A link labelled by a call verb and a colon ("Baca: Harga Emas Antam Hari Ini
    /// Naik", "Lihat juga: …"): the rest is a headline.
    pub fn labelled_link(&self, line: &str) -> bool {
        let Some((label, title)) = without_bullets(line).split_once(':') else {
            return false;
        };
        // The label is a call ("Baca", "Lihat juga") or a passive of reading in a few
        // words ("Menarik Dibaca").
        let label = self.without_lead_in(word_string(label));
        let bare = match label.split_whitespace().collect::<Vec<_>>().as_slice() {
            [verb] => self.call_verbs.contains(verb),
            [verb, adverb] => {
                self.call_verbs.contains(verb) && self.adverbs.contains(adverb)
                    || self.passives.contains(adverb)
            }
            _ => false,
        };
        bare && link_title(title)
    }

    /// The heading of a related-links block, alone or before a colon and a title
    /// ("Berita Terkait", "Pilihan Editor: Harga Cabai Naik").
    pub fn related_heading(&self, line: &str) -> bool {
        // A box's toggle or arrow after the heading ("BERITA TERKAIT +") is no word of it.
        let lower = line
            .trim()
            .trim_end_matches(|c: char| c.is_whitespace() || "+»›>▼▾→".contains(c))
            .to_lowercase();
        // "Next Article Harga Emas Antam Anjlok": a heading of two words or more run into
        // a title of three or more ("Rekomendasi Saham Hari Ini" is a subheading).
        let titled = |heading: &str| {
            if !heading.contains(' ') {
                return false;
            }
            let title: Vec<&str> = line
                .split_whitespace()
                .skip(heading.split_whitespace().count())
                .collect();
            title.len() >= 3 && link_title(&title.join(" "))
        };
        self.topic_heading(&lower)
            || self.related_headings.iter().any(|h| {
                lower.strip_prefix(h).is_some_and(|rest| {
                    if rest.starts_with(' ') && titled(h) {
                        return true;
                    }
                    let rest = rest.trim_start();
                    rest.is_empty()
                        || (rest.starts_with(':')
                            && word_string(rest).split_whitespace().count() <= MAX_CALL_WORDS)
                })
            })
    }

    /// A heading that names its topic ("Berita lain terkait Pilkada"): one to three
    /// words after it, no full stop. `lower` is the lowercased line.
    fn topic_heading(&self, lower: &str) -> bool {
        self.topic_headings.iter().any(|h| {
            lower.strip_prefix(h).is_some_and(|rest| {
                rest.starts_with(' ')
                    && (1..=MAX_TOPIC_WORDS).contains(&rest.split_whitespace().count())
                    && !rest.trim_end().ends_with(['.', '!', '?', ','])
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ascii_word_strings_are_the_unicode_ones(
            line in "[ -~]{0,60}",
            len in proptest::prop_oneof![0usize..40, proptest::strategy::Just(usize::MAX)]
        ) {
            proptest::prop_assert_eq!(
                ascii_word_string_from(&line, len),
                unicode_word_string_from(&line, len)
            );
        }
    }

    fn rules() -> Furniture {
        Furniture::with_lexicon(&Lexicon::embedded())
    }

    #[test]
    fn calls_to_action_are_removed() {
        let f = rules();
        for line in [
            "Tonton juga \"Banjir Rob Rendam Pesisir Semarang\" di sini:",
            "Simak Video 'Detik-detik Tanggul Jebol':",
            "Saksikan Video Pilihan di Bawah Ini",
            "Lihat juga: daftar harga BBM terbaru",
            "Baca selengkapnya di sini",
            "Klik di sini untuk mendaftar webinar gratis",
            "Download aplikasi Kabar Kita di Play Store dan App Store",
            "Ikuti berita terkini di Google News",
            "Cek berita dan artikel lainnya di Google News",
            "Kunjungi www.contoh.id/promo untuk informasi lengkap",
            "Ikuti Instagram @kabarkita_id",
            "Dapatkan update berita pilihan setiap hari dari kami. Gabung di Grup Telegram kami",
            "- Simak juga: Banjir di Kemang",
            "Watch the full interview here",
            "Klik tautan di bawah ini untuk membaca laporan lengkapnya",
        ] {
            assert!(f.call_to_action(line), "{line}");
        }
    }

    #[test]
    fn story_lines_that_look_like_calls_are_kept() {
        let f = rules();
        for line in [
            "Simak informasi selengkapnya di bawah ini.",
            "\"Simak baik-baik,\" kata Andi.",
            "\"Tonton videonya di sini,\" ujar Budi kepada wartawan.",
            "Warga diminta baca juga aturan terbaru di papan pengumuman.",
            "Lihat saja harga cabai yang naik tiga kali lipat sejak pekan lalu.",
            "Cek kesehatan gratis digelar di Puskesmas Cilandak, Sabtu pagi.",
            "Ikuti penjelasannya berikut ini.",
            "Lihat di sini, kata dia sambil menunjuk peta banjir.",
            "Baca Al-Quran bersama digelar di masjid agung setiap malam Jumat.",
        ] {
            assert!(!f.call_to_action(line), "{line}");
        }
    }

    #[test]
    fn the_start_of_a_word_string_is_its_prefix() {
        for line in [
            "A post shared by Kabar Kita (@kabarkita_id)",
            "ÜBER Çok GÜZEL — Jalan-jalan ke İstanbul",
            "",
        ] {
            let whole = word_string(line);
            for len in [0, 1, 5, 12, 40, 1000] {
                let start = word_string_from(line, len);
                assert!(whole.starts_with(&start), "{line:?} {len}");
                assert!(start.len() >= len.min(whole.len()), "{line:?} {len}");
            }
        }
        assert_eq!(word_string("Baca JUGA: Kabar"), " baca juga kabar ");
        assert_eq!(word_string("ÇOK güzel"), " çok güzel ");
    }

    #[test]
    fn social_residue_is_removed() {
        let f = rules();
        for line in [
            "A post shared by Kabar Kita (@kabarkita_id)",
            "Sebuah kiriman dibagikan oleh Dinas Perhubungan (@dishub_kota)",
            "View this post on Instagram",
            "Hujan deras sore ini pic.twitter.com/AbC123xyz",
            "— Budi Santoso (@budis) March 3, 2026",
            "Jalan tergenang setinggi lutut. — BPBD Kota (@bpbdkota) Maret 3, 2026",
            "https://www.contoh.id/berita/123",
            "@kabarkita_id",
            "#banjir #jakarta",
        ] {
            assert!(f.social_residue(line), "{line}");
        }
    }

    #[test]
    fn news_about_social_media_is_kept() {
        let f = rules();
        for line in [
            "Unggahan akun Instagram @warga_bekasi itu viral dan dikomentari ribuan warganet.",
            "Video yang diunggah di Twitter itu telah ditonton dua juta kali.",
            "Sebuah kiriman dari warga memperlihatkan jalan yang retak.",
        ] {
            assert!(!f.social_residue(line), "{line}");
        }
    }

    #[test]
    fn share_prompts_are_removed_and_sharing_news_is_kept() {
        let f = rules();
        for line in [
            "Bagikan artikel ini",
            "Share this article",
            "Tulis komentar",
            "Follow us on Instagram and X",
            "Jangan lupa follow akun kami ya!",
            "Salin tautan",
            "Jangan lewatkan update terbaru, follow Instagram dan TikTok Kabar.com sekarang!",
        ] {
            assert!(f.share_prompt(line), "{line}");
        }
        for line in [
            "Bagikan sembako kepada warga terdampak, pemerintah daerah menyiapkan 5.000 paket bantuan.",
            "Share pasar ritel modern naik menjadi 30 persen, kata Ketua Aprindo.",
            "1. Follow akun Instagram @kabarkita dan @sponsorkita",
            "Pemkot meminta warga ikuti akun Instagram resmi untuk info banjir.",
            "Longsor terjadi setelah hujan deras.Ikuti WhatsApp Channel Kabar",
        ] {
            assert!(!f.share_prompt(line), "{line}");
        }
    }

    #[test]
    fn related_headings_are_removed_and_story_openings_kept() {
        let f = rules();
        for line in [
            "Berita Terkait",
            "Pilihan Editor: Harga Cabai Naik Lagi Jelang Lebaran",
            "Read more:",
            "Tags: banjir, jakarta, bpbd",
        ] {
            assert!(f.related_heading(line), "{line}");
        }
        for line in [
            "Rekomendasi itu disampaikan Ombudsman kepada gubernur, Senin.",
            "Populer di kalangan anak muda, kopi susu kini dijual di mana-mana.",
            "Tagihan listrik warga naik dua kali lipat.",
        ] {
            assert!(!f.related_heading(line), "{line}");
        }
    }

    #[test]
    fn membership_offers_are_removed_and_news_of_subscriptions_kept() {
        let f = rules();
        for line in [
            "Baca berita tanpa iklan. Gabung Kompas.com+",
            "Konten Premium Nikmati Konten Premium Untuk Informasi Yang Lebih Dalam",
            "Berlangganan sekarang dan nikmati artikel premium tanpa batas.",
            "Jadi member sekarang! Dapatkan akses ke semua liputan khusus.",
        ] {
            assert!(f.membership_offer(line), "{line}");
            assert!(f.kind(line).is_some(), "{line}");
        }
        for line in [
            "Pelanggan premium kini bisa mengakses arsip majalah sejak 1971.",
            "Harga paket akses internet premium naik 10 persen mulai bulan depan.",
            "Netflix sudah menaikkan harga langganan premium di Indonesia.",
            "\"Nikmati saja paket premium itu selagi murah,\" kata Budi.",
        ] {
            assert!(!f.membership_offer(line), "{line}");
        }
    }

    #[test]
    fn contributor_calls_are_removed_and_reports_of_them_kept() {
        let f = rules();
        for line in [
            "Punya cerita seru? Kirim tulisanmu ke IDN Times Community dan raih hadiahnya!",
            "Kirimkan cerita Anda ke redaksi@contoh.id",
            "Submit your story to our community page",
        ] {
            assert!(f.contributor_call(line), "{line}");
        }
        for line in [
            "Warga diminta mengirim foto kerusakan rumah ke posko BPBD.",
            "\"Kirim fotomu ke nomor ini,\" kata petugas kepada warga.",
            "Ia mengirim tulisan itu ke tiga media sekaligus.",
            "9. Selanjutnya unggah foto KTP dan foto kamu sedang memegang KTP",
        ] {
            assert!(!f.contributor_call(line), "{line}");
        }
    }

    #[test]
    fn disclaimers_are_removed_and_news_of_responsibility_kept() {
        let f = rules();
        for line in [
            "Disclaimer: berita ini tidak bertujuan mengajak membeli atau menjual saham.",
            "Semua artikel di Community merupakan tanggung jawab dari penulis.",
            "Tulisan ini merupakan opini pribadi penulis dan tidak mencerminkan pandangan redaksi.",
        ] {
            assert!(f.disclaimer(line), "{line}");
            assert_eq!(f.kind(line), Some("disclaimer"), "{line}");
        }
        for line in [
            "Produsen wajib mencantumkan disclaimer pada kemasan rokok.",
            "Pemerintah tidak bertanggung jawab atas kerugian investor, kata Menkeu.",
            "\"Itu tanggung jawab penulis,\" ujar Ketua Dewan Pers.",
        ] {
            assert!(!f.disclaimer(line), "{line}");
        }
    }

    #[test]
    fn headings_that_announce_links_and_labelled_links() {
        let f = rules();
        for line in [
            "Baca Juga:",
            "BACA JUGA",
            "Ayo Baca",
            "Berita Terkait",
            "Sponsored",
        ] {
            assert!(f.bare_heading(line), "{line}");
            assert!(f.announces_links(line), "{line}");
        }
        assert!(f.announces_links("Simak berita lainnya seputar topik ini, di sini:"));
        for line in [
            "Tonton juga:",
            "Saksikan Video",
            "Baca juga: Harga Cabai Naik",
        ] {
            assert!(!f.announces_links(line), "{line}");
        }
        assert!(f.labelled_link("Baca: Harga Emas Antam Hari Ini Naik Rp 5.000"));
        assert_eq!(
            f.kind("Baca: Harga Emas Antam Hari Ini Naik Rp 5.000, Cek Daftarnya"),
            Some("related_links")
        );
        assert!(!f.labelled_link("Baca: warga diminta membaca aturan itu dengan teliti."));
    }

    #[test]
    fn a_lead_in_that_is_itself_a_call_keeps_it() {
        let f = rules();
        assert_eq!(
            f.kind("Jangan Lewatkan Video Terbaru:"),
            Some("call_to_action")
        );
        assert_eq!(
            f.kind("Jangan lewatkan berita penting lainnya, ikuti Kabar.com di Google News"),
            Some("call_to_action")
        );
        assert_eq!(
            f.kind("Jangan lewatkan sarapan agar tubuh tetap bertenaga."),
            None
        );
    }

    #[test]
    fn a_noun_that_can_attribute_speech_guards_only_where_it_attributes() {
        let f = rules();
        let promo = "Update berita terkini dan kisah inspiratif lainnya, follow KabarNEWS di \
                     WhatsApp Channel.";
        assert!(f.kind(promo).is_some(), "{promo}");
        assert_eq!(
            f.kind("Update berita terkini di WhatsApp Channel, kisah Budi kepada wartawan."),
            None
        );
    }

    #[test]
    fn questions_to_the_reader_and_how_to_headings() {
        let f = rules();
        assert!(f.asks_reader("Apakah Anda berencana mudik tahun ini?"));
        assert!(!f.asks_reader("Apakah pemerintah akan menaikkan harga BBM?"));
        assert!(!f.asks_reader("Anda berencana mudik tahun ini."));
        for line in [
            "Cara Daftar BPJS Kesehatan Lewat Aplikasi",
            "Berikut cara cek penerima bansos:",
            "Langkah-langkah Mengurus SIM Online",
        ] {
            assert!(f.heads_how_to(line), "{line}");
        }
        for line in [
            "Cara itu dinilai efektif menekan inflasi.",
            "Caranya sederhana dan bisa dilakukan siapa saja, kata dia, sambil menunjukkan ponselnya kepada wartawan di lokasi.",
            "Tipsy Cafe Buka Cabang Baru",
        ] {
            assert!(!f.heads_how_to(line), "{line}");
        }
    }

    #[test]
    fn invitations_to_contact_or_support_the_outlet_are_removed() {
        let f = rules();
        for line in [
            "Ragu dengan sebuah kabar? Kirim tautannya ke layanan cek fakta kami lewat WhatsApp.",
            "Temukan informasi mencurigakan? Laporkan kepada kami.",
            "Pasang iklan di Kabar Post, hubungi bagian pemasaran kami.",
            "Salurkan zakat, infak, dan sedekah Anda melalui lembaga amil kami.",
        ] {
            assert!(f.contact_us(line), "{line}");
        }
        for line in [
            "Warga bisa melapor ke posko kami di balai desa, kata Kapolsek.",
            "Hubungi nomor darurat 112 jika melihat kebakaran.",
            "Polisi meminta warga melaporkan kejadian itu kepada kami.",
        ] {
            assert!(!f.contact_us(line), "{line}");
        }
    }

    #[test]
    fn shopping_calls_and_consent_banners_are_removed() {
        let f = rules();
        let ad = "Diskon hingga 50% untuk koleksi lipstik favoritmu, belanja sekarang!";
        assert_eq!(f.kind(ad), Some("advertisement"));
        let banner = "Kami menggunakan cookie untuk meningkatkan pengalamanmu. Dengan \
                      melanjutkan, kamu menyetujui kebijakan privasi kami.";
        assert_eq!(f.kind(banner), Some("consent_notice"));
        let news = "Situs belanja itu memakai cookie untuk melacak pengguna, kata peneliti.";
        assert_eq!(f.kind(news), None);
        assert_eq!(
            f.kind("Bagaimana reaksi Anda tentang artikel ini?"),
            Some("poll")
        );
        assert_eq!(
            f.kind("Bagaimana reaksi warga terhadap kebijakan ini?"),
            None
        );
    }

    #[test]
    fn kind_names_the_class_and_ignores_bullets() {
        let f = rules();
        assert_eq!(f.kind("• Tonton juga: Banjir Rob"), Some("call_to_action"));
        assert_eq!(
            f.kind("A post shared by Budi (@budi)"),
            Some("social_embed")
        );
        assert_eq!(f.kind("Bagikan:"), Some("share_prompt"));
        assert_eq!(f.kind("Artikel Terkait"), Some("related_links"));
        assert_eq!(f.kind("Harga cabai naik lagi."), None);
        let long_link = format!("https://contoh.id/{}", "a".repeat(MAX_FURNITURE_BYTES));
        assert!(f.social_residue(&long_link));
        assert_eq!(
            f.kind(&long_link),
            None,
            "a line this long is never furniture"
        );
    }

    #[test]
    fn a_link_text_after_a_link_verb_or_a_passive_sends_the_reader_away_anywhere() {
        let f = rules();
        for line in [
            "Artikel ini sudah lebih dulu tayang di kabarjogja. Selengkapnya klik disini.",
            "Jadwal lengkap pertandingan bisa dilihat di sini.",
            "Daftarkan dirimu dan nikmati berita tanpa batas, klik di sini sekarang juga.",
            "Jangan lewatkan siaran langsungnya, klik link berikut.",
            "Berita lain soal Timnas U-20 bisa dibaca selengkapnya di sini.",
        ] {
            assert!(f.call_to_action(line), "{line}");
        }
        for line in [
            "Buka laman pendaftaran, lalu klik tombol Daftar di pojok kanan atas.",
            "Pantai itu ramai dikunjungi wisatawan di sini setiap akhir pekan.",
            "Video itu sudah ditonton dua juta kali sejak Senin.",
            "Cek kesehatan gratis juga digelar di 37 puskesmas setiap Sabtu.",
        ] {
            assert!(!f.call_to_action(line), "{line}");
        }
    }

    #[test]
    fn a_statement_in_the_first_sentence_guards_a_pointer_but_not_a_link() {
        let f = rules();
        assert!(!f.call_to_action(
            "Download aplikasi Kabar ID sudah menembus 2 juta kali sejak diluncurkan, menurut Kominfo."
        ));
        assert!(f.call_to_action(
            "Ikuti saluran KabarKita di WhatsApp untuk update terbaru. Pastikan aplikasinya sudah terpasang."
        ));
        assert!(f.call_to_action("Kunjungi https://contoh.id/promo yang sudah dibuka sejak pagi."));
    }

    #[test]
    fn an_outlet_promoting_its_own_news_is_removed_and_services_are_kept() {
        let f = rules();
        for line in [
            "Dapatkan informasi dan insight pilihan redaksi KabarKita langsung di email kamu.",
            "Berlangganan Kabar Digital untuk membaca liputan investigasi selengkapnya.",
            "Pilih saluran favoritmu untuk akses berita KabarKita di WhatsApp Channel: https://whatsapp.com/channel/0000Contoh. Pastikan aplikasi WhatsApp sudah terpasang, ya.",
            "Daftar newsletter Kabar gratis dan dapatkan ringkasan berita pilihan setiap pagi di email Anda.",
        ] {
            assert!(f.news_promo(line), "{line}");
        }
        for line in [
            "Warga bisa mendapatkan informasi terbaru soal banjir melalui aplikasi JAKI.",
            "Dapatkan bantuan sosial dengan mendaftar melalui aplikasi Cek Bansos.",
            "Pilih sumber berita yang jelas, sudah banyak hoaks beredar di WhatsApp.",
        ] {
            assert!(!f.news_promo(line), "{line}");
        }
    }

    #[test]
    fn labelled_media_headlines_are_removed_and_sentences_about_media_kept() {
        let f = rules();
        for line in [
            "Infografis: Wilayah Rawan Banjir Pekan Ini",
            "Infografis Harga Pangan Pekan Ini",
            "Video: Melihat Dampak Banjir Rob di Pesisir Utara",
        ] {
            assert!(f.media_teaser(line), "{line}");
        }
        for line in [
            "Video Detik-Detik Erupsi Gunung Gede 2 April 2025",
            "Video: warga memperlihatkan jalan yang retak.",
            "Infografis itu dibagikan Kemenkes kepada wartawan.",
        ] {
            assert!(!f.media_teaser(line), "{line}");
        }
    }

    #[test]
    fn button_rows_follow_prompts_and_comment_prompts_are_removed() {
        let f = rules();
        for line in [
            "Facebook Twitter WhatsApp Salin tautan",
            "Dukung KabarKita dengan follow @kabarkita di semua platform.",
            "Bagaimana pendapatmu? Tulis di kolom komentar.",
        ] {
            assert!(f.share_prompt(line), "{line}");
        }
        for line in [
            "Warganet membanjiri kolom komentar unggahan itu dengan kritik.",
            "Facebook dan Twitter kehilangan jutaan pengguna pada 2024.",
        ] {
            assert!(!f.share_prompt(line), "{line}");
        }
    }

    #[test]
    fn a_follow_prompt_may_name_the_outlet_or_follow_an_exclamation() {
        let f = rules();
        for line in [
            "Ikuti KabarOto di YouTube untuk ulasan mobil baru setiap Jumat",
            "Mau tahu kabar kotamu lebih dulu? Yuk! Ikuti Kabar Kita di TikTok dan Instagram.",
        ] {
            assert!(f.share_prompt(line), "{line}");
        }
        for line in [
            "Ikuti saja aturan yang diumumkan di Instagram resmi dinas, kata Budi.",
            "Warga diminta ikuti arahan petugas di lapangan.",
        ] {
            assert!(!f.share_prompt(line), "{line}");
        }
    }

    #[test]
    fn a_heading_keeps_its_toggle_or_arrow() {
        let f = rules();
        assert!(f.related_heading("ARTIKEL TERKAIT +"));
        assert!(f.related_heading("Berita Lainnya »"));
        assert!(f.related_heading("Hot Topic: Pajak Kendaraan 2025"));
        assert!(!f.related_heading("Berita terkait banjir itu menyebar cepat di media sosial."));
    }

    #[test]
    fn embeds_of_any_platform_and_message_us_footers_are_removed() {
        let f = rules();
        assert!(f.social_residue(
            "@jogjaupdate Pedagang protes relokasi #malioboro #jogja ♬ suara asli - Jogja Update"
        ));
        assert!(f.social_residue("Lihat postingan ini di TikTok"));
        assert!(!f.social_residue("@warga_bekasi mengunggah video itu pada Senin pagi."));
        assert!(f.message_us(
            "*** Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke nomor 0811 0000 1111 dengan ketik kata kunci."
        ));
        assert!(!f.message_us("Warga yang ingin melapor silakan hubungi nomor 112."));
    }

    #[test]
    fn quoted_spans_are_blanked() {
        assert_eq!(
            outside_quotes("Tonton \"A kata B\" di sini"),
            "Tonton  di sini"
        );
        assert_eq!(outside_quotes("a “b” c"), "a  c");
        assert_eq!(word_string("Baca Juga: X"), " baca juga x ");
    }
}
