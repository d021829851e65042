//! Who said what. Indonesian news attributes direct speech mostly after the quote
//! (`"…," kata Xi Jinping`, `"…," ujarnya`), sometimes before it (`X mengatakan, "…"`,
//! `Menurut X, "…"`, `X dalam keterangannya, "…"`), and reports indirect speech with a
//! verb (`X menegaskan bahwa …`). A quote may run over several paragraphs, each
//! re-opening it, or be interrupted by its attribution (`"…," kata X. "…"`); the parts
//! share one speaker. Pronoun attributions (`kata dia`, `ujarnya`) refer to the person
//! mentioned last before the quote; a role-only attribution (`kata Kapolres`) to the
//! person introduced with that role. English attributions follow the same shapes:
//! `"…," said X, a spokesman`, `"…," X, the chairman of Y, said`, `"…," the mayor said`,
//! `X said in a statement, "…"`, `X says the plan "will fail."`, `''…''` marks.
//! Offsets are bytes here and code points on output.

mod direct;
mod indirect;
mod marks;
mod names;
mod speaker;

use std::ops::Range;

use regex::Regex;

use crate::lexicon::Lexicon;
use crate::output::{Entity, EntityType, Quote, QuoteKind, Speaker};
use crate::span::CharMap;
use crate::stages::segment::Segments;

pub use marks::{pairs as quote_marks, Pair as QuoteMarks};
pub use names::Names;

/// Who a quote is attributed to, before references are resolved.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    /// A person's name written at the attribution, as a byte range of the body.
    Named(Range<usize>),
    /// Only an office or title ("kata Kapolres"): the person holding it in the article.
    Role(Range<usize>),
    /// "dia", "ia", "beliau", "-nya": the person mentioned last before the quote.
    Pronoun,
    /// A description pointing back ("kata politisi senior itu ini"): written as the
    /// range, referring to the person a pronoun would.
    Described(Range<usize>),
    /// Continues the quote before it (the second half of an interrupted quote, or a
    /// paragraph re-opening a running quote).
    Continue,
    /// A paragraph of a quote that the next part attributes.
    Next,
    Unknown,
}

/// A quote found by one of the extractors, in byte offsets.
#[derive(Debug, Clone)]
struct Found {
    text: Range<usize>,
    kind: QuoteKind,
    cue: Option<String>,
    who: Who,
}

/// Compiled attribution patterns, built once.
pub struct QuoteRules {
    names: Names,
    /// English verbs of saying, which let a quote continue after a comma.
    en_cues: Vec<&'static str>,
    /// `, kata` / `ujarnya` / `said` right after a closing mark.
    post_cue: Regex,
    /// `dia` / `ia` right after a post cue.
    pronoun_after: Regex,
    /// `, Putin said` / `, Ada Brook, the port director, said` / `, the mayor said` right
    /// after a closing mark.
    post_name_cue: Regex,
    /// English `X said Thursday, ` / `X, a spokesman, said in a statement: ` right before
    /// an opening mark: an apposition and a short phrase of time or occasion around the cue.
    pre_cue_en: Regex,
    /// English `X says his plan is ` right before an opening mark: a quote finishing the
    /// sentence of a verb of saying (`X says the plan “will fail.”`).
    pre_mixed: Regex,
    /// `, saying, ` / `, adding: ` right before an opening mark: the sentence's subject
    /// goes on speaking.
    participle: Regex,
    /// What may join the capitalized runs of one office: `dan`, `of`, a comma, an
    /// abbreviation in parentheses, a number (`Daop 8`, `Covid - 19`), a title `dr`.
    connector: Regex,
    /// `X mengatakan, ` / `Ia menegaskan: ` right before an opening mark.
    pre_cue: Regex,
    /// `X dalam keterangannya, ` / `X dalam konferensi pers, ` before an opening mark.
    pre_context: Regex,
    /// `Menurut X, ` right before an opening mark.
    according: Regex,
    /// `X menegaskan bahwa <clause>` inside a sentence.
    indirect: Regex,
    /// `Menurut X, <clause>` at the start of a sentence.
    indirect_according: Regex,
    /// A verb of saying in a sentence, whose subject is the source a later `ujarnya`
    /// refers to.
    source_verb: Regex,
}

impl std::fmt::Debug for QuoteRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("QuoteRules")
    }
}

impl Default for QuoteRules {
    fn default() -> Self {
        Self::new()
    }
}

const PRONOUNS: &str = "ia|dia|beliau|he|she";
/// Plural or first-person subjects: speech by a group or by the writer, no one speaker.
const GROUP: &str = "mereka|kami|kita|they|we";
/// Verbs of saying beyond the report cues that make their subject a source.
const SOURCE_VERBS: &str = "berpendapat|mengaku|melanjutkan|bercerita|menjabarkan|membenarkan|menanggapi|mengemukakan|mengimbau|meminta|berujar|menguraikan|mengutarakan|berpesan|menyoroti|menerangkan|menuturkan|mengatakan|menyebutkan|menduga|memperkirakan|menjawab|mencontohkan|menceritakan|mempertanyakan|optimistis|pesimistis|yakin|menyayangkan|mengapresiasi|menyesalkan|mengkritik|menganggap|mengusulkan|menyarankan|mendesak";
/// What may follow an English name before its verb: a party and state in parentheses
/// (`(D-Mo.)`), an apposition set off by commas (`, 82,` / `, the port director,`).
const EN_APPOSITION: &str = r#"(?:\s*\([^()\n]{1,30}\))?(?:,\s+[^,“”"\n]{1,90},)?"#;
/// An English description as a subject: `the mayor`, `a spokesman`, `the ad’s narrator`.
const EN_DESCRIPTION: &str = r"(?:[Tt]he|an?)\s+\p{L}[\p{L}’'\-]*(?:\s+\p{L}[\p{L}’'\-]*){0,3}";
/// A short phrase of time, place or occasion after an English cue (`Thursday`, `in a
/// statement`, `of Mrs. Ode's plan`): no clause punctuation, abbreviated titles aside.
const EN_PHRASE: &str = r#"(?:[^,:;.!?“”"\n]|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|St|Jr)\.){1,60}"#;
const ADVERBS: &str = r"(?:(?:pun|juga|kembali|lalu|kemudian|telah|sempat|pun juga|also|then)\s+)*";

impl QuoteRules {
    /// The quote rules with the shipped lexicon.
    pub fn new() -> QuoteRules {
        QuoteRules::with_lexicon(&Lexicon::embedded())
    }

    /// The quote rules for the speech verbs and non-name words of `lexicon`.
    pub fn with_lexicon(lexicon: &Lexicon) -> QuoteRules {
        let re = |p: String| Regex::new(&p).expect("quote pattern");
        let run = names::run_pattern();
        let mut post: Vec<String> = lexicon
            .speech_verbs_after
            .iter()
            .flat_map(|s| [format!("{s}nya"), s.to_string()])
            .collect();
        post.extend(lexicon.speech_verbs_english.iter().map(|s| s.to_string()));
        // Longest first, so "katanya" wins over "kata".
        post.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let report = lexicon.speech_verbs_report.join("|");
        let en = lexicon.speech_verbs_english.join("|");
        let subject =
            format!(r"(?:\b(?P<p>(?i:{PRONOUNS}))|\b(?P<group>(?i:{GROUP}))|(?P<name>{run}))");
        QuoteRules {
            names: Names::with_lexicon(lexicon),
            en_cues: lexicon.speech_verbs_english.clone(),
            // Scrapers drop the space before a linked name ("kataFaruk"): a capital right
            // after the cue ends it as well as a word boundary does.
            post_cue: re(format!(
                r"^\s*[,.]?\s*(?P<cue>(?i:{}))(?:\b|\p{{Lu}})",
                post.join("|")
            )),
            connector: re(r"^(?:,\s+(?:dan\s+)?|\s+(?:dan|of|and|&)\s+|\s+\([^()]{1,60}\)\s+|\s+(?:-\s+)?\d+\s+|\s+(?:dr|drg)\.?\s+)".to_string()),
            pronoun_after: re(format!(r"^\s+(?P<p>(?i:{PRONOUNS}))\b")),
            post_name_cue: re(format!(
                r"^\s*,?\s*(?:(?P<p>(?i:he|she))|(?P<group>(?i:they|we))|(?P<desc>{EN_DESCRIPTION})|(?P<name>{run}){EN_APPOSITION})\s+{ADVERBS}(?P<cue>{en})\b"
            )),
            pre_cue_en: re(format!(
                r"(?:\b(?P<p>(?i:he|she))|\b(?P<group>(?i:they|we))|\b(?P<desc>{EN_DESCRIPTION})|(?P<name>{run}){EN_APPOSITION})\s+{ADVERBS}(?P<cue>{en})(?:\s+{EN_PHRASE})?\s*[,:]\s*$"
            )),
            pre_mixed: re(format!(
                r"(?:\b(?P<p>(?i:he|she))|\b(?P<group>(?i:they|we))|\b(?P<desc>{EN_DESCRIPTION})|(?P<name>{run}){EN_APPOSITION})\s+{ADVERBS}(?P<cue>{en})(?:\s+that)?(?:\s+{EN_PHRASE})?\s+$"
            )),
            participle: re(
                r",\s+(?P<cue>saying|adding|writing|noting|explaining|asking|continuing)(?:\s+(?:later|then|that))?\s*[,:]?\s*$"
                    .to_string()
            ),
            pre_cue: re(format!(
                r"{subject}\s+{ADVERBS}(?P<cue>{report}|{en})\s*(?:(?:bahwa|that)\s*)?[,:]?\s*$"
            )),
            pre_context: re(format!(
                r"{subject}\s+(?P<cue>(?:dalam|di|saat|ketika|melalui|lewat)\s+(?:(?:sebuah|acara|siaran|jumpa|konferensi|rilis|unggahan|akun|wawancara|pernyataan|keterangan|sambutan|pidato|pers|tertulis|resmi|virtual|daring|video)(?:nya)?\s*){{1,4}})(?:[^,:\n]{{0,80}})?[,:]\s*$"
            )),
            according: re(format!(
                r"\b(?P<cue>[Mm]enurut|[Aa]ccording to)\s+(?P<name>{run})\s*,?\s*$"
            )),
            indirect: re(format!(
                r"{subject}\s+{ADVERBS}(?P<cue>{report}|said|says)\b\s*,?\s*(?:(?:bahwa|that)\s+)?(?P<text>\S.*)$"
            )),
            source_verb: re(format!(r"\b(?:{report}|{SOURCE_VERBS}|{en})\b")),
            indirect_according: re(format!(
                r"^(?:(?:Namun|Sementara itu|Adapun|Lebih lanjut|Selain itu),?\s+)?(?P<cue>[Mm]enurut|According to)\s+(?P<p>(?i:dia|beliau))?(?P<name>{run})?\s*,\s*(?P<text>\S.*)$"
            )),
        }
    }

    /// The speaker in a capitalized run: a person, an office only, or nobody.
    fn who_in_run(&self, body: &str, run: Range<usize>) -> Who {
        match self.names.person_or_title(body, run) {
            Some((r, true)) => Who::Named(r),
            Some((r, false)) => Who::Role(r),
            None => Who::Unknown,
        }
    }

    /// All direct and indirect quotes of a body, in text order, references resolved.
    /// Without entities, canonical names come from the longest earlier mention.
    pub fn extract(&self, body: &str, segments: &Segments, map: &CharMap) -> Vec<Quote> {
        self.extract_with_entities(body, segments, map, &[])
    }

    /// Like [`QuoteRules::extract`], linking speakers to the entity stage's entities
    /// (`speaker.entity` = the entity's canonical name) and resolving pronouns to its
    /// PERSON mentions.
    pub fn extract_with_entities(
        &self,
        body: &str,
        segments: &Segments,
        map: &CharMap,
        entities: &[Entity],
    ) -> Vec<Quote> {
        let mut found = direct::find(self, body, segments);
        let direct_spans: Vec<Range<usize>> = found.iter().map(|f| f.text.clone()).collect();
        found.extend(indirect::find(self, body, segments, &direct_spans));
        found.sort_by_key(|f| f.text.start);

        let people = People::new(self, body, map, entities, &segments.sentences);
        // `Next` takes the speaker of the part after it: resolve back to front.
        for i in (0..found.len().saturating_sub(1)).rev() {
            if found[i].who == Who::Next {
                found[i].who = match &found[i + 1].who {
                    Who::Next => Who::Unknown,
                    w => w.clone(),
                };
            }
        }
        let mut last_speaker: Option<(usize, Speaker)> = None;
        let mut previous: Option<Speaker> = None;
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            let speaker = match &f.who {
                Who::Named(r) => Some(people.named(r.clone())),
                Who::Role(r) => Some(people.role(r.clone())),
                Who::Pronoun => people.antecedent(f.text.start, last_speaker.as_ref()),
                Who::Described(r) => {
                    let back = people.antecedent(f.text.start, last_speaker.as_ref());
                    Some(Speaker {
                        entity: back.and_then(|s| s.entity),
                        ..people.speaker(r.clone(), None)
                    })
                }
                Who::Continue | Who::Next => previous.clone(),
                Who::Unknown => None,
            };
            if let (Who::Named(r) | Who::Role(r), Some(s)) = (&f.who, &speaker) {
                last_speaker = Some((r.start, s.clone()));
            }
            if f.kind == QuoteKind::Direct {
                previous = speaker.clone();
            }
            out.push(Quote {
                text: body[f.text.clone()].to_string(),
                start: map.chars(f.text.start),
                end: map.chars(f.text.end),
                kind: f.kind,
                cue: f.cue,
                speaker,
            });
        }
        out
    }
}

/// How far back (in person mentions or capitalized runs) a role or a short name looks for
/// its full form. Real articles stay far below it; it keeps a hostile article with tens of
/// thousands of names linear.
const LOOKBACK: usize = 512;

/// The people of one article: entity PERSON mentions when the entity stage ran, else
/// name candidates from capitalized runs; used to resolve pronouns, roles and canonical
/// names.
struct People<'a> {
    body: &'a str,
    map: &'a CharMap,
    entities: &'a [Entity],
    /// Person mentions in byte ranges, sorted, with their canonical names.
    mentions: Vec<(Range<usize>, String)>,
    /// Capitalized runs (office + person) for role resolution, in byte ranges.
    runs: Vec<(Range<usize>, Range<usize>)>,
    /// Indices into `mentions` of the people introduced as a source: the subject of a
    /// verb of saying (`X, <office>, menambahkan …`) or `Menurut X`. In order.
    sources: Vec<(Range<usize>, Option<String>)>,
}

/// Words that may stand between a subject and its verb of saying.
const SUBJECT_FILLERS: &[&str] = &[
    "juga", "pun", "kembali", "lalu", "kemudian", "telah", "sempat", "sudah", "pula", "tak",
    "tidak", "justru", "bahkan", "hanya", "sendiri", "secara", "terpisah", "saat", "itu",
];

/// Lowercase titles that may stand before a name set off by commas.
const BARE_TITLES: &[&str] = &[
    "dokter", "dr", "dr.", "ustaz", "kiai", "bapak", "ibu", "pak", "bu", "mbak", "mas",
];

/// Words after which a subject's verb of saying may follow a short phrase of time, place
/// or occasion (`X dalam keterangannya mengatakan`, `X saat dihubungi menjelaskan`).
const SUBJECT_PHRASES: &[&str] = &[
    "dalam", "saat", "ketika", "di", "melalui", "lewat", "seusai", "usai", "pada", "yang",
    "secara", "kepada",
];

/// A sentence's source: the person before its first verb of saying that the verb follows
/// directly (fillers aside) or after an apposition or date (`X, <office>, menambahkan`), or
/// after a short phrase of occasion (`X dalam keterangannya mengatakan`); and a person
/// right after `Menurut` (offices aside: `Menurut Ketua KPU Budi, …`). Candidates are the
/// person mentions (with their canonical names) and, for names the tagger missed, the
/// person part of capitalized runs that carry an office or hold two words or more.
fn sources(
    verb: &Regex,
    body: &str,
    mentions: &[(Range<usize>, String)],
    runs: &[(Range<usize>, Range<usize>)],
    sentences: &[Range<usize>],
) -> Vec<(Range<usize>, Option<String>)> {
    let mut out: Vec<(Range<usize>, Option<String>)> = Vec::new();
    let mut cands: Vec<(Range<usize>, Range<usize>, Option<String>)> = Vec::new();
    for s in sentences {
        cands.clear();
        let from = mentions.partition_point(|(m, _)| m.start < s.start);
        let to = mentions.partition_point(|(m, _)| m.start < s.end);
        cands.extend(
            mentions[from..to]
                .iter()
                .map(|(m, n)| (m.clone(), m.clone(), Some(n.clone()))),
        );
        let rf = runs.partition_point(|(r, _)| r.start < s.start);
        let rt = runs.partition_point(|(r, _)| r.start < s.end);
        for (run, p) in &runs[rf..rt] {
            let named = run.start < p.start || body[p.clone()].contains(' ');
            // Mentions are sorted and rarely nest: the last one starting before the
            // name's end is the one that can overlap it (no scan per run).
            let covered = mentions[from..to]
                .partition_point(|(m, _)| m.start < p.end)
                .checked_sub(1)
                .is_some_and(|k| p.start < mentions[from + k].0.end);
            if named && !covered && p.end <= s.end {
                cands.push((run.clone(), p.clone(), None));
            }
        }
        if cands.is_empty() {
            continue;
        }
        cands.sort_by_key(|c| c.1.start);
        for (run, p, n) in &cands {
            let before = body[s.start..run.start.min(p.start)].trim_end();
            let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let according = before
                .to_lowercase()
                .strip_suffix("according to")
                .is_some_and(|b| b.is_empty() || b.ends_with([' ', ',']));
            if last_word.eq_ignore_ascii_case("menurut") || according {
                out.push((p.clone(), n.clone()));
            }
        }
        let Some(v) = verb.find(&body[s.clone()]) else {
            continue;
        };
        let v = s.start + v.start();
        let before_verb = || cands.iter().take_while(|c| c.1.end <= v);
        let gap =
            |c: &(Range<usize>, Range<usize>, Option<String>)| without_age(body[c.1.end..v].trim());
        let fillers = |g: &str| {
            g.split_whitespace()
                .all(|w| SUBJECT_FILLERS.contains(&w.to_lowercase().as_str()))
        };
        // "Pakar Universitas X, Budi Santoso, menilai": a name standing alone between
        // commas is the subject, not the body before it.
        let bare = |c: &(Range<usize>, Range<usize>, Option<String>)| {
            let head = &body[s.start..c.0.start.min(c.1.start)];
            let Some(comma) = head.rfind(',') else {
                return false;
            };
            head[comma + 1..]
                .split_whitespace()
                .all(|w| BARE_TITLES.contains(&w))
        };
        let subject = before_verb()
            .filter(|c| gap(c).strip_prefix(',').is_some_and(&fillers) && bare(c))
            .last()
            .or_else(|| {
                before_verb().find(|c| {
                    let g = gap(c);
                    g.len() <= 200 && (g.starts_with(',') || fillers(g))
                })
            })
            .or_else(|| {
                before_verb().last().filter(|c| {
                    let g = gap(c);
                    let first = g.split_whitespace().next().unwrap_or("");
                    g.len() <= 100 && SUBJECT_PHRASES.contains(&first.to_lowercase().as_str())
                })
            });
        out.extend(subject.map(|(_, p, n)| (p.clone(), n.clone())));
    }
    out.sort_by_key(|(r, _)| r.start);
    out.dedup_by_key(|(r, _)| r.start);
    out
}

/// `g` without a leading age in parentheses: "Hasan (37), warga Menteng, mengatakan"
/// has its subject's apposition after the age.
fn without_age(g: &str) -> &str {
    g.strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .filter(|(inside, _)| {
            let inside = inside.trim();
            let digits = inside.trim_end_matches("tahun").trim_end();
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        })
        .map_or(g, |(_, rest)| rest.trim_start())
}

impl<'a> People<'a> {
    fn new(
        rules: &QuoteRules,
        body: &'a str,
        map: &'a CharMap,
        entities: &'a [Entity],
        sentences: &[crate::stages::segment::Segment],
    ) -> Self {
        let byte_of = byte_offsets(body);
        let runs = rules.names.runs(body);
        let mut mentions: Vec<(Range<usize>, String)> = entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .flat_map(|e| {
                e.mentions.iter().filter_map(|m| {
                    let (s, t) = (*byte_of.get(m.start)?, *byte_of.get(m.end)?);
                    // Offices and places the tagger left inside the mention are dropped.
                    // Runs come from one regex scan: sorted and disjoint, so only the last
                    // run starting at or before the mention can hold it.
                    let i = runs.partition_point(|(run, _)| run.start <= s);
                    let r = i
                        .checked_sub(1)
                        .map(|i| &runs[i])
                        .filter(|(run, p)| t <= run.end && s <= p.start && p.end <= t)
                        .map_or(s..t, |(_, p)| p.clone());
                    Some((r, e.name.clone()))
                })
            })
            .collect();
        if mentions.is_empty() {
            let candidates: Vec<Range<usize>> = runs
                .iter()
                .filter(|(run, person)| run.start < person.start)
                .map(|(_, p)| p.clone())
                .collect();
            let canon = names::resolve_entities(body, &rules.names.candidates(body), &candidates);
            mentions = candidates
                .into_iter()
                .map(|r| {
                    let name = canon
                        .get(&(r.start, r.end))
                        .cloned()
                        .unwrap_or_else(|| body[r.clone()].to_string());
                    (r, name)
                })
                .collect();
        }
        // A tagger may take a capitalized pronoun ("He", "Her") for a person.
        mentions.retain(|(r, _)| !is_pronoun_word(&body[r.clone()]));
        mentions.sort_by_key(|m| m.0.start);
        let sentences: Vec<Range<usize>> = sentences.iter().map(|s| s.bytes.clone()).collect();
        let sources = sources(&rules.source_verb, body, &mentions, &runs, &sentences);
        People {
            body,
            map,
            entities,
            mentions,
            runs,
            sources,
        }
    }

    fn speaker(&self, r: Range<usize>, entity: Option<String>) -> Speaker {
        Speaker {
            name: self.body[r.clone()].to_string(),
            entity,
            start: self.map.chars(r.start),
            end: self.map.chars(r.end),
        }
    }

    /// The canonical name for a name written at `r`: the entity stage's when it ran,
    /// else the longest earlier name containing it.
    fn canonical(&self, r: &Range<usize>) -> Option<String> {
        let name = &self.body[r.clone()];
        if !self.entities.is_empty() {
            if let Some(e) = crate::stages::entities::entity_for(self.entities, name) {
                // A tagger that cut the name short does not shorten a fuller written one.
                let fuller = name.len() > e.len() && e.split(' ').all(|w| name.contains(w));
                return Some(if fuller { name } else { e }.to_string());
            }
        }
        let words: Vec<&str> = name.split(' ').collect();
        let before = self.mentions.partition_point(|(m, _)| m.start <= r.start);
        let earlier = self.mentions[..before]
            .iter()
            .rev()
            .take(LOOKBACK)
            .map(|(_, n)| n)
            .filter(|n| {
                let have: Vec<&str> = n.split(' ').collect();
                words.iter().all(|w| have.contains(w))
            })
            .max_by_key(|n| n.chars().count());
        Some(match earlier {
            Some(n) if n.chars().count() > name.chars().count() => n.clone(),
            _ => name.to_string(),
        })
    }

    fn named(&self, r: Range<usize>) -> Speaker {
        // An entity mention inside the attribution run is the tighter name ("Bekasi Siti
        // Nurhaliza" → "Siti Nurhaliza" when the entity stage knows the place).
        let from = self.mentions.partition_point(|(m, _)| m.start < r.start);
        // The name ends the run: a mention ending with it wins over an earlier one
        // (a body the tagger took for a person).
        let inside = || {
            self.mentions[from..]
                .iter()
                .map(|(m, _)| m)
                .take_while(|m| m.start < r.end)
                .filter(|m| m.end <= r.end && self.body[(*m).clone()].contains(' '))
        };
        let r = inside()
            .find(|m| m.end == r.end)
            .or_else(|| inside().next())
            .cloned()
            .unwrap_or(r);
        let entity = self.canonical(&r);
        self.speaker(r, entity)
    }

    /// "kata Kapolres": the person last introduced with that office before it.
    fn role(&self, r: Range<usize>) -> Speaker {
        let title = self.body[r.clone()].to_lowercase();
        let first = title.split(' ').next().unwrap_or("").to_string();
        let before = self.runs.partition_point(|(run, _)| run.end <= r.start);
        let holder = self.runs[..before]
            .iter()
            .rev()
            .take(LOOKBACK)
            .filter(|(run, person)| run.start < person.start)
            .find(|(run, person)| {
                let office = self.body[run.start..person.start].to_lowercase();
                office.split(' ').any(|w| w == first)
            })
            .map(|(_, p)| p.clone());
        match holder {
            Some(p) => {
                let entity = self.canonical(&p);
                Speaker {
                    entity,
                    ..self.speaker(r, None)
                }
            }
            None => self.speaker(r.clone(), Some(self.body[r].to_string())),
        }
    }

    /// The antecedent of a pronoun cue for a quote starting at `at`: the later of the
    /// last person mentioned before it and the last speaker named before it.
    fn antecedent(&self, at: usize, last_speaker: Option<&(usize, Speaker)>) -> Option<Speaker> {
        // A person introduced as a source is what a pronoun cue refers to; other mentions
        // (people talked about, and offices or events the tagger took for people) only
        // when the article introduces no source before the quote.
        let src = self.sources.partition_point(|(r, _)| r.start < at);
        let mention: Option<(Range<usize>, Option<String>)> = match src.checked_sub(1) {
            Some(k) => Some(self.sources[k].clone()),
            None => {
                let idx = self.mentions.partition_point(|(m, _)| m.start < at);
                idx.checked_sub(1)
                    .map(|i| (self.mentions[i].0.clone(), Some(self.mentions[i].1.clone())))
            }
        };
        let person = |(m, name): (Range<usize>, Option<String>)| {
            let name = name.or_else(|| self.canonical(&m));
            self.speaker(m, name)
        };
        match (mention, last_speaker) {
            (Some(m), Some((s, _))) if m.0.start > *s => Some(person(m)),
            (_, Some((_, sp))) => Some(sp.clone()),
            (Some(m), None) => Some(person(m)),
            (None, None) => None,
        }
    }
}

/// English and Indonesian pronouns and demonstratives, which name nobody by themselves.
const PRONOUN_WORDS: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their", "we", "us",
    "our", "i", "me", "my", "you", "your", "this", "that", "these", "those", "ia", "dia", "beliau",
    "mereka", "kami", "kita", "saya", "aku", "anda",
];

fn is_pronoun_word(s: &str) -> bool {
    PRONOUN_WORDS.contains(&s.trim().to_lowercase().as_str())
}

/// Byte offset of every code point, plus the end.
fn byte_offsets(body: &str) -> Vec<usize> {
    let mut v: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
    v.push(body.len());
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::segment::Segmenter;

    fn quotes(body: &str) -> Vec<Quote> {
        let map = CharMap::new(body);
        let segments = Segmenter::new().segment(body, &map);
        QuoteRules::new().extract(body, &segments, &map)
    }

    fn summary(
        q: &Quote,
    ) -> (
        String,
        QuoteKind,
        Option<String>,
        Option<String>,
        Option<String>,
    ) {
        (
            q.text.clone(),
            q.kind,
            q.cue.clone(),
            q.speaker.as_ref().map(|s| s.name.clone()),
            q.speaker.as_ref().and_then(|s| s.entity.clone()),
        )
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn post_quote_attribution_with_title() {
        let q = quotes("\"Harga turun,\" kata Menteri Perdagangan Budi Santoso di Jakarta.");
        assert_eq!(q.len(), 1);
        assert_eq!(
            summary(&q[0]),
            (
                "Harga turun".into(),
                QuoteKind::Direct,
                s("kata"),
                s("Budi Santoso"),
                s("Budi Santoso")
            )
        );
        let sp = q[0].speaker.as_ref().unwrap();
        assert_eq!((sp.start, sp.end), (40, 52));
    }

    #[test]
    fn pronoun_cues_resolve_to_recent_speaker() {
        let body = "“Kami siap,” ujar Rina Wulandari.\n\n“Semua sudah beres,” ujarnya.\n\n\"Tidak ada masalah,\" kata dia.";
        let q = quotes(body);
        assert_eq!(q.len(), 3);
        assert_eq!(q[1].cue.as_deref(), Some("ujarnya"));
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Rina Wulandari");
        assert_eq!(q[2].cue.as_deref(), Some("kata"));
        assert_eq!(q[2].speaker.as_ref().unwrap().name, "Rina Wulandari");
    }

    #[test]
    fn pronoun_without_antecedent_is_null() {
        let q = quotes("\"Kami siap,\" katanya.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[0].cue.as_deref(), Some("katanya"));
    }

    #[test]
    fn right_double_quote_as_opener() {
        let q = quotes("”Ini bukan akhir,” tutur Andi.");
        assert_eq!(summary(&q[0]).0, "Ini bukan akhir");
        assert_eq!(summary(&q[0]).3, s("Andi"));
    }

    #[test]
    fn pre_quote_attribution() {
        let q = quotes("Gubernur Jawa Barat Dedi Mulyadi mengatakan, \"Sekolah tetap buka.\"\n\nMenurut Siti Aminah, \"Banjir sudah surut.\"");
        assert_eq!(q.len(), 2);
        assert_eq!(
            summary(&q[0]),
            (
                "Sekolah tetap buka.".into(),
                QuoteKind::Direct,
                s("mengatakan"),
                s("Dedi Mulyadi"),
                s("Dedi Mulyadi")
            )
        );
        assert_eq!(summary(&q[1]).2, s("Menurut"));
        assert_eq!(summary(&q[1]).3, s("Siti Aminah"));
    }

    #[test]
    fn indirect_speech_and_entity_resolution() {
        let body = "Presiden Rusia Vladimir Putin menerima tamu.\n\nDi sisi lain, Presiden Putin menyebut bahwa Moskwa siap berunding.";
        let q = quotes(body);
        assert_eq!(q.len(), 1);
        assert_eq!(
            summary(&q[0]),
            (
                "Moskwa siap berunding".into(),
                QuoteKind::Indirect,
                s("menyebut"),
                s("Putin"),
                s("Vladimir Putin")
            )
        );
    }

    #[test]
    fn english_attributions() {
        let q =
            quotes("\"We are ready,\" Putin said. \"Talks will continue,\" said Sergei Lavrov.");
        assert_eq!(summary(&q[0]).3, s("Putin"));
        assert_eq!(summary(&q[0]).2, s("said"));
        assert_eq!(summary(&q[1]).3, s("Sergei Lavrov"));
    }

    #[test]
    fn glued_cue_and_group_subjects() {
        let q = quotes(
            "\"Pelat sudah dicopot,\" kataFaruk.\n\nMereka mengatakan bahwa razia berlanjut.",
        );
        assert_eq!(summary(&q[0]).3, s("Faruk"));
        assert_eq!(
            summary(&q[1]),
            (
                "razia berlanjut".into(),
                QuoteKind::Indirect,
                s("mengatakan"),
                None,
                None
            )
        );
    }

    #[test]
    fn english_appositions_descriptions_and_phrases() {
        let body = "\"The bridge stays shut,\" Ada Brook, the harbor commissioner, said.\n\n\
            \"We need more hours,\" the mayor said.\n\n\
            ''Nothing is decided,'' said Mr. Olsen, a spokesman for the port.\n\n\
            Olsen said in a statement Tuesday, \"The ferry will run.\"\n\n\
            Brook says the closure \"will cost us a season.\"";
        let q = quotes(body);
        let got: Vec<(String, Option<String>)> =
            q.iter().map(|q| (q.text.clone(), summary(q).3)).collect();
        assert_eq!(
            got,
            vec![
                ("The bridge stays shut".into(), s("Ada Brook")),
                ("We need more hours".into(), s("the mayor")),
                ("Nothing is decided".into(), s("Olsen")),
                ("The ferry will run.".into(), s("Olsen")),
                ("will cost us a season.".into(), s("Brook")),
            ]
        );
        // A quote inside a sentence that it does not finish is not a statement, nor is a
        // title finishing one.
        assert!(quotes("Brook says the \"closure\" is temporary.").is_empty());
        assert!(quotes("Brook said on Harbor Radio's \"Morning Tide Report.\"").is_empty());
    }

    #[test]
    fn english_interrupted_quote_and_pronoun_sources() {
        let body = "Port director Ada Brook said on Monday that the pier would reopen.\n\n\
            \"We tried,\" she said, pointing at the cranes, \"and we will try again.\"\n\n\
            \"It is done,\" He added.";
        let direct: Vec<String> = quotes(body)
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.text)
            .collect();
        assert_eq!(
            direct,
            vec!["We tried", "and we will try again.", "It is done"]
        );
        assert_eq!(
            speakers(body),
            vec![
                (s("Ada Brook"), s("Ada Brook")),
                (s("Ada Brook"), s("Ada Brook")),
                (s("Ada Brook"), s("Ada Brook")),
            ]
        );
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        assert!(quotes("Program \"Sahabat Perdamaian\" diluncurkan tahun lalu.").is_empty());
    }

    fn speakers(body: &str) -> Vec<(Option<String>, Option<String>)> {
        quotes(body)
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| (summary(q).3, summary(q).4))
            .collect()
    }

    #[test]
    fn lowercase_medical_title_before_the_name() {
        for body in [
            "“Tidur cukup membantu pemulihan,” ucap dr. Maya Lestari kepada wartawan.",
            "“Tidur cukup membantu pemulihan,” kata dr Maya Lestari, Sp.PD.",
            "“Sikat gigi dua kali sehari,” ujar drg. Maya Lestari.",
        ] {
            assert_eq!(speakers(body)[0].0, s("Maya Lestari"), "{body}");
        }
    }

    #[test]
    fn pronoun_cue_refers_to_the_source_not_a_person_talked_about() {
        let body = "Kepala Dinas Perhubungan Kota Malang Hendra Wijaya mengatakan, jalur sepeda \
            diperluas tahun depan. Rencana itu sejalan dengan arahan Gubernur Jawa Timur \
            Khofifah Indar Parawansa yang ingin kota lebih ramah pesepeda.\n\n\
            “Kami mulai dari pusat kota,” ujarnya.";
        assert_eq!(speakers(body)[0].0, s("Hendra Wijaya"));
    }

    #[test]
    fn lowercase_descriptions_after_the_cue() {
        let body =
            "“Tes usap gratis,” kata juru bicara Dinas Kesehatan Kota Depok, Hana Pertiwi.\n\n\
            “Ruang isolasi penuh,” ujar juru bicara rumah sakit daerah.\n\n\
            Anggota DPR Rahmat Saleh mengatakan, anggaran pendidikan harus naik. \
            “Guru honorer menunggu kepastian,” kata politisi Partai Demokrat ini.";
        let got = speakers(body);
        assert_eq!(got[0].0, s("Hana Pertiwi"));
        assert_eq!(got[1].0, s("juru bicara rumah sakit daerah"));
        assert_eq!(got[2], (s("politisi Partai Demokrat"), s("Rahmat Saleh")));
    }

    #[test]
    fn pronoun_cue_after_a_source_introduced_with_age_and_residence() {
        let body = "Pedagang sayur Dewi Anggraini (41), warga Cempaka Putih, Jakarta Pusat, \
            mengatakan, harga cabai naik sejak pekan lalu.\n\n\
            “Pembeli sekarang cuma beli seperempat kilo,” katanya.";
        assert_eq!(speakers(body)[0].0, s("Dewi Anggraini"));
    }
}
