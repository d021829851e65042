//! The attribution patterns, compiled once per [`super::QuoteRules`]. Their words come
//! from the lexicon; what stays written here is each construction's syntax: the
//! complementizers `bahwa` / `that`, the cue `Menurut` / `According to`, the articles of an
//! English description, the suffix `-nya`.

use std::cmp::Reverse;

use regex::Regex;

use super::pronouns::Pronouns;
use crate::lexicon::{used_by, AttributionUse, Lexicon, PronounLanguage, TitleUse};

/// The compiled patterns, each named after its builder below, which says what it
/// matches and why.
pub(super) struct Patterns {
    pub post_cue: Regex,
    pub dash_credit: Regex,
    pub transcript_label: Regex,
    pub pronoun_after: Regex,
    pub post_name_cue: Regex,
    pub pre_cue_en: Regex,
    pub pre_said_sentence: Regex,
    pub pre_mixed: Regex,
    pub participle: Regex,
    pub named_participle: Regex,
    pub connector: Regex,
    pub pre_cue: Regex,
    pub pre_context: Regex,
    pub according: Regex,
    pub indirect: Regex,
    pub indirect_cue: Regex,
    pub indirect_according: Regex,
    pub source_verb: Regex,
}

/// What may follow an English name before its verb: a party and state in parentheses
/// (`(D-Mo.)`), an apposition set off by commas (`, the port director,`), long or in
/// two parts (`, 82, a retired teacher,`).
const EN_APPOSITION: &str = r#"(?:\s*\([^()\n]{1,30}\))?(?:(?:,\s+[^,“”"\n]{1,150}){1,2},)?"#;
/// An English description as a subject: `the mayor`, `a spokesman`, `the ad’s narrator`.
const EN_DESCRIPTION: &str = r"(?:[Tt]he|an?)\s+\p{L}[\p{L}’'\-]*(?:\s+\p{L}[\p{L}’'\-]*){0,3}";

/// The alternations the patterns share, each built once from the lexicon.
struct Words {
    /// A capitalized run (see [`super::names`]).
    run: String,
    /// Subject pronouns of one person, both languages, and of English only.
    person: String,
    person_en: String,
    /// Subject pronouns of a group, both languages, and of English only.
    group: String,
    group_en: String,
    /// The verbs of the three speech-verb lists.
    report: String,
    en: String,
    source: String,
    /// Adverbs between a subject and its cue, a short English phrase after a cue, and the
    /// person pronouns after a preposition (see their builders).
    adverbs: String,
    en_phrase: String,
    preposition: String,
}

fn re(pattern: String) -> Regex {
    Regex::new(&pattern).expect("quote pattern")
}

/// `a|b|c`, each word matched literally.
pub(super) fn alternation(words: &[&str]) -> String {
    let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    escaped.join("|")
}

impl Patterns {
    pub(super) fn new(lexicon: &Lexicon, pronouns: &Pronouns, run: &str) -> Patterns {
        let en = Some(PronounLanguage::English);
        let w = Words {
            run: run.to_string(),
            person: alternation(&pronouns.person_subjects(None)),
            person_en: alternation(&pronouns.person_subjects(en)),
            group: alternation(&pronouns.group_subjects(None)),
            group_en: alternation(&pronouns.group_subjects(en)),
            report: alternation(&lexicon.speech_verbs_report),
            en: alternation(&lexicon.speech_verbs_english),
            source: alternation(&lexicon.speech_verbs_source),
            adverbs: adverbs(lexicon),
            en_phrase: en_phrase(lexicon),
            preposition: alternation(&pronouns.after_preposition()),
        };
        Patterns {
            post_cue: post_cue(lexicon),
            dash_credit: dash_credit(&w),
            transcript_label: transcript_label(),
            pronoun_after: pronoun_after(&w),
            post_name_cue: post_name_cue(&w),
            pre_cue_en: pre_cue_en(&w),
            pre_said_sentence: pre_said_sentence(&w),
            pre_mixed: pre_mixed(&w),
            participle: participle(lexicon),
            named_participle: named_participle(lexicon, &w),
            connector: connector(lexicon),
            pre_cue: pre_cue(&w),
            pre_context: pre_context(&w, lexicon),
            according: according(&w),
            indirect: indirect(&w),
            indirect_cue: indirect_cue(&w),
            indirect_according: indirect_according(&w, lexicon),
            source_verb: source_verb(&w),
        }
    }
}

/// Adverbs between a subject and its cue (`X juga mengatakan`, `X then said`), any number.
fn adverbs(lexicon: &Lexicon) -> String {
    let words = used_by(&lexicon.attribution_words, AttributionUse::CueAdverb);
    format!(r"(?:(?:{})\s+)*", alternation(&words))
}

/// A short phrase of time, place or occasion after an English cue (`Thursday`, `in a
/// statement`, `of Mrs. Ode's plan`): no clause punctuation, abbreviated titles aside, so
/// the phrase cannot reach into the next clause.
fn en_phrase(lexicon: &Lexicon) -> String {
    let titles = alternation(&used_by(&lexicon.name_titles, TitleUse::Phrase));
    format!(r#"(?:[^,:;.!?“”"\n]|(?:{titles})\.){{1,60}}"#)
}

/// A subject of an Indonesian or English cue: a pronoun of one person, a group, or a
/// capitalized run.
fn subject(w: &Words) -> String {
    format!(
        r"(?:\b(?P<p>(?i:{}))|\b(?P<group>(?i:{}))|(?P<name>{}))",
        w.person, w.group, w.run
    )
}

/// A subject of an English cue: a pronoun, a group, a description, or a name with its
/// apposition; `boundary` is written before the word alternatives.
fn en_subject(w: &Words, boundary: &str) -> String {
    format!(
        r"(?:{boundary}(?P<p>(?i:{}))|{boundary}(?P<group>(?i:{}))|{boundary}(?P<desc>{EN_DESCRIPTION})|(?P<name>{}){EN_APPOSITION})",
        w.person_en, w.group_en, w.run
    )
}

/// The cue right after a closing mark (`," kata X`, `," ujarnya`, `," said X`). Longest
/// cue first, so `katanya` wins over `kata`; scrapers drop the space before a linked name
/// (`kataFaruk`), so a capital ends the cue as well as a word boundary does.
fn post_cue(lexicon: &Lexicon) -> Regex {
    let mut post: Vec<String> = lexicon
        .speech_verbs_after
        .iter()
        .flat_map(|s| [format!("{s}nya"), s.to_string()])
        .collect();
    post.extend(lexicon.speech_verbs_english.iter().map(|s| s.to_string()));
    post.sort_by_key(|s| Reverse(s.len()));
    let post: Vec<&str> = post.iter().map(String::as_str).collect();
    re(format!(
        r"^\s*[,.]?\s*(?P<cue>(?i:{}))(?:\b|\p{{Lu}})",
        alternation(&post)
    ))
}

/// A name after a dash that ends the quote's paragraph, the way a collection of reader
/// statements or an epigraph credits each quote: `“…” ― Sonya Herridge`, `"…" — Ana
/// Ruiz, Phoenix`. The name must close the paragraph (a place or description after a
/// comma aside), so a dash that goes on with the sentence credits no one.
fn dash_credit(w: &Words) -> Regex {
    re(format!(
        r"^[ \t]*(?P<cue>[―—–])[ \t]*(?P<name>{})[ \t]*(?:,[^\n“”\x22]{{1,80}})?\.?[ \t]*(?:\n|$)",
        w.run
    ))
}

/// The speaker's label that opens a turn of an interview transcript inside the marks:
/// `"PENCE: Well, …"`, `"MR. SMITH: …"`. Labels are written in capitals, which keeps a
/// sentence's own colon (`"Look: …"`) out.
fn transcript_label() -> Regex {
    re(r"^(?P<name>\p{Lu}[\p{Lu}.'’\-]+(?:\s\p{Lu}[\p{Lu}.'’\-]+){0,2}):\s".to_string())
}

/// A pronoun right after a post cue (`kata dia`): the speaker is the person named before.
fn pronoun_after(w: &Words) -> Regex {
    re(format!(r"^\s+(?P<p>(?i:{}))\b", w.person))
}

/// English subject-first attributions after a closing mark: `," Putin said`, `," Ada
/// Brook, the port director, said`, `," the mayor said`, `," she added`.
fn post_name_cue(w: &Words) -> Regex {
    let adverbs = &w.adverbs;
    re(format!(
        r"^\s*,?\s*{}\s+{adverbs}(?P<cue>{})\b",
        en_subject(w, ""),
        w.en
    ))
}

/// English attributions before an opening mark: `X said Thursday, `, `X, a spokesman,
/// said in a statement: ` (an apposition and a short phrase around the cue).
fn pre_cue_en(w: &Words) -> Regex {
    let (adverbs, phrase) = (&w.adverbs, &w.en_phrase);
    re(format!(
        r"{}\s+{adverbs}(?P<cue>{})(?:\s+{phrase})?\s*[,:]\s*$",
        en_subject(w, r"\b"),
        w.en
    ))
}

/// A whole English sentence of attribution before a quote that opens the next one: `''I
/// admire the mechanics'' of the plan, Mr. Holtz-Eakin said. ''They're more detailed.''`.
fn pre_said_sentence(w: &Words) -> Regex {
    let (adverbs, phrase) = (&w.adverbs, &w.en_phrase);
    re(format!(
        r"(?:^|[,.!?]\s+){}\s+{adverbs}(?P<cue>{})(?:\s+{phrase})?\.\s*$",
        en_subject(w, ""),
        w.en
    ))
}

/// A quote finishing the sentence of an English verb of saying (`X says the plan “will
/// fail.”`): the words before the mark belong to the statement.
fn pre_mixed(w: &Words) -> Regex {
    let (adverbs, phrase) = (&w.adverbs, &w.en_phrase);
    re(format!(
        r"{}\s+{adverbs}(?P<cue>{})(?:\s+that)?(?:\s+{phrase})?\s+$",
        en_subject(w, r"\b"),
        w.en
    ))
}

/// `, saying, ` / `, adding that ` / `, continuing later: ` before an opening mark: the
/// sentence's subject goes on speaking.
fn participle(lexicon: &Lexicon) -> Regex {
    re(format!(
        r",\s+(?P<cue>{})(?:\s+(?:later|then|that))?\s*[,:]?\s*$",
        alternation(&lexicon.speech_participles_english)
    ))
}

/// `footage of Hillary Clinton asking, ` / `Trump saying during the debate, ` before an
/// opening mark: the name before the participle speaks.
fn named_participle(lexicon: &Lexicon, w: &Words) -> Regex {
    re(format!(
        r"(?P<name>{})\s+(?P<cue>{})(?:\s+{})?\s*[,:]\s*$",
        w.run,
        alternation(&lexicon.speech_participles_english),
        w.en_phrase
    ))
}

/// What may join the capitalized runs of one office: a comma (`Camat Cibinong, Kabupaten
/// Bogor`), `dan` / `of`, an abbreviation in parentheses (`(IPP)`), a number (`Daop 8`,
/// `Covid - 19`), a lowercase medical title (`dr`).
fn connector(lexicon: &Lexicon) -> Regex {
    let medical = alternation(&used_by(&lexicon.name_titles, TitleUse::Medical));
    re(format!(
        r"^(?:,\s+(?:dan\s+)?|\s+(?:dan|of|and|&)\s+|\s+\([^()]{{1,60}}\),?\s+|\s+(?:-\s+)?\d+\s+|\s+(?:{medical})\.?\s+)"
    ))
}

/// `X mengatakan, ` / `Ia menegaskan: ` / `X added that ` right before an opening mark.
fn pre_cue(w: &Words) -> Regex {
    let adverbs = &w.adverbs;
    re(format!(
        r"{}\s+{adverbs}(?P<cue>{}|{})\s*(?:(?:bahwa|that)\s*)?[,:]?\s*$",
        subject(w),
        w.report,
        w.en
    ))
}

/// `X dalam keterangannya, ` / `X dalam konferensi pers, ` before an opening mark: the
/// occasion of the statement stands where the verb would.
fn pre_context(w: &Words, lexicon: &Lexicon) -> Regex {
    let prepositions = alternation(&used_by(
        &lexicon.attribution_words,
        AttributionUse::Occasion,
    ));
    let nouns = alternation(&lexicon.occasion_nouns);
    re(format!(
        r"{}\s+(?P<cue>(?:{prepositions})\s+(?:(?:{nouns})(?:nya)?\s*){{1,4}})(?:[^,:\n]{{0,80}})?[,:]\s*$",
        subject(w)
    ))
}

/// `Menurut X, ` / `According to X ` right before an opening mark.
fn according(w: &Words) -> Regex {
    re(format!(
        r"\b(?P<cue>[Mm]enurut|[Aa]ccording to)\s+(?P<name>{})\s*,?\s*$",
        w.run
    ))
}

/// `X menegaskan bahwa <clause>` inside a sentence: the clause is reported speech.
fn indirect(w: &Words) -> Regex {
    let adverbs = &w.adverbs;
    re(format!(
        r"{}\s+{adverbs}(?P<cue>{}|said|says)\b\s*,?\s*(?:(?:bahwa|that)\s+)?(?P<text>\S.*)$",
        subject(w),
        w.report
    ))
}

/// The cue words of [`indirect`] alone, with no subject, boundary or clause around them:
/// a sentence without one cannot match it. Checked first because this literal search
/// stays fast on any text, where the full pattern's Unicode word boundary makes the
/// regex crate fall back to its slowest engine on a long non-ASCII sentence.
fn indirect_cue(w: &Words) -> Regex {
    re(format!(r"{}|said|says", w.report))
}

/// `Menurut X, <clause>` opening a sentence, after a connective (`Namun, menurut dia, …`):
/// the clause is X's statement.
fn indirect_according(w: &Words, lexicon: &Lexicon) -> Regex {
    let preposition = &w.preposition;
    let openers = alternation(&lexicon.discourse_openers);
    re(format!(
        r"^(?:(?:{openers}),?\s+)?(?P<cue>[Mm]enurut|According to)\s+(?P<p>(?i:{preposition}))?(?P<name>{})?\s*,\s*(?P<text>\S.*)$",
        w.run
    ))
}

/// A verb of saying in a sentence: its subject is the source a later `ujarnya` refers to.
fn source_verb(w: &Words) -> Regex {
    re(format!(r"\b(?:{}|{}|{})\b", w.report, w.source, w.en))
}

#[cfg(test)]
mod tests;
