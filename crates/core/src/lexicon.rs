//! The word lists of every stage, as one typed [`Lexicon`].
//!
//! The lists themselves are data: `data/lexicon/*.txt`, one entry per line, each file
//! headed by `# source:` and `# licence:` lines. They are embedded at compile time, so the
//! core reads no file, and parsed once into [`Lexicon`], which [`Resources`] hands to the
//! stages. One list per concept keeps the cleaner's "never drop a line with a speech verb"
//! guard and the quote extractor agreeing on what a speech verb is.
//!
//! [`Resources`]: crate::pipeline::Resources

/// Every word list of the stages; [`Lexicon::embedded`] gives the shipped one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexicon {
    /// Places that open a dateline ("Bandung, KOMPAS.com -"), longest spelling first
    /// within a shared prefix: the first match wins.
    pub dateline_cities: Vec<&'static str>,
    /// Verb stems that attribute speech after a quote (`"…," kata X`), also with `-nya`.
    pub speech_verbs_after: Vec<&'static str>,
    /// Verbs that introduce reported or following speech (`X mengatakan, "…"`).
    pub speech_verbs_report: Vec<&'static str>,
    /// English verbs of saying, after a quote (`"…," said X`) or before one (`X adds, "…"`).
    pub speech_verbs_english: Vec<&'static str>,
    /// Capitalised words of offices, bodies and places that are no part of a person's name;
    /// a speaker's name is the run of capitalised tokens after the last one.
    pub non_name_words: Vec<&'static str>,
    /// Abbreviations (lowercase, without the final period) after which a period does not
    /// end a sentence.
    pub abbreviations: Vec<&'static str>,
    /// Function words common to Indonesian and Malay: a text full of them is Malayic.
    pub function_words_malayic: Vec<&'static str>,
    /// Words more frequent in Indonesian than in Malay.
    pub markers_indonesian: Vec<&'static str>,
    /// Words more frequent in Malay than in Indonesian.
    pub markers_malay: Vec<&'static str>,
    /// Words written only in Indonesian (Malay spells or says them otherwise).
    pub markers_indonesian_only: Vec<&'static str>,
    /// Words written only in Malay.
    pub markers_malay_only: Vec<&'static str>,
    /// English function words.
    pub function_words_english: Vec<&'static str>,

    // Lists of the entity stage's role and name rules (`stages::entities::roles`).
    /// Phrases that give a person's other name after it ("alias", "akrab disapa").
    pub alias_cues: Vec<&'static str>,
    /// Words before a club's name that are not part of it ("Tim Utama", "skuad", "kubu").
    pub team_words: Vec<&'static str>,
    /// Every word of the word-evidence list (`data/words/indonesian-words.tsv`, built by
    /// `scripts/build_word_evidence.py`), lowercase.
    pub listed_words: Vec<&'static str>,
    /// The list's common words that are no dictionary name and that a POS-tagged news
    /// corpus tags as a proper noun less than one time in five, with how often that
    /// corpus has them.
    pub common_words: Vec<(&'static str, u32)>,
    /// Currency prefixes of a one-token amount ("Rp2", "USD20").
    pub currency_prefixes: Vec<&'static str>,

    /// Honorifics that, before a one-word nickname, form the name itself ("Gus Dur").
    pub name_forming_honorifics: Vec<&'static str>,
    /// Whole mentions that name no person, organization or place (feasts, legal forms).
    pub not_names: Vec<&'static str>,
    /// Heads of place and body names, which alone name nothing ("Gunung tersebut").
    pub generic_name_heads: Vec<&'static str>,
    /// Words that continue a place name ("Bekasi Utara") rather than start a person's.
    pub place_continuations: Vec<&'static str>,

    // Page furniture, by class (the cleaner's `furniture` rules).
    /// Verbs of watching, reading, seeing or following that open a call to action ("Tonton juga …").
    pub call_to_action_verbs: Vec<&'static str>,
    /// Verbs of clicking, downloading or joining: a line they open always leaves the page.
    pub link_verbs: Vec<&'static str>,
    /// Words right after a call-to-action verb that make the line a teaser ("Simak juga", "Saksikan Video").
    pub call_to_action_teasers: Vec<&'static str>,
    /// Phrases that point away from the article ("di sini", "Google News", an app store).
    pub elsewhere_pointers: Vec<&'static str>,
    /// Phrases that point inside the article ("di bawah ini", "berikut").
    pub inward_pointers: Vec<&'static str>,
    /// Openings of share, follow and comment prompts ("Bagikan artikel ini").
    pub share_prompts: Vec<&'static str>,
    /// Headings of related-link blocks ("Berita Terkait", "Pilihan Editor").
    pub related_headings: Vec<&'static str>,
    /// Captions that social-media embeds leave in the text ("A post shared by").
    pub embed_captions: Vec<&'static str>,
    /// Words before a call-to-action verb ("Yuk", "Jangan lupa"), skipped.
    pub call_to_action_lead_ins: Vec<&'static str>,
    /// Adverbs that make a teaser only right after the verb ("Tonton juga").
    pub call_to_action_adverbs: Vec<&'static str>,
    /// Passives of reading and watching that point away before a link text ("bisa dibaca di sini").
    pub call_to_action_passives: Vec<&'static str>,
    /// Link texts that name no target of their own ("di sini", "link berikut").
    pub link_targets: Vec<&'static str>,
    /// Nouns for an outlet's own output ("berita", "liputan"), which its promotions offer.
    pub news_content_nouns: Vec<&'static str>,
    /// Verbs that open an outlet's promotion ("Dapatkan", "Berlangganan").
    pub promo_verbs: Vec<&'static str>,
    /// What a paywall or membership prompt sells ("premium", "tanpa iklan").
    pub membership_terms: Vec<&'static str>,
    /// What a contributor call asks the reader to send ("tulisan", "cerita").
    pub reader_works: Vec<&'static str>,
    /// Imperatives of sending that open a contributor call ("Kirim", "Submit").
    pub sending_verbs: Vec<&'static str>,
    /// Verbs of watching ("tonton"), whose headings announce a player, not links.
    pub watch_verbs: Vec<&'static str>,
    /// Imperatives of contacting or supporting the outlet ("Hubungi", "Dukung").
    pub contact_verbs: Vec<&'static str>,
    /// Calls to buy that close a shopping ad ("belanja sekarang").
    pub shopping_calls: Vec<&'static str>,
    /// What a cookie or consent banner names ("cookie", "kebijakan privasi").
    pub consent_words: Vec<&'static str>,
    /// Openings of a how-to's heading ("cara", "langkah-langkah").
    pub how_to_heads: Vec<&'static str>,
    /// Phrases of an outlet's disclaimer ("tanggung jawab penulis").
    pub disclaimer_phrases: Vec<&'static str>,
    /// Roles before a colon in a credit line ("Editor:", "Kontributor :").
    pub credit_roles: Vec<&'static str>,
    /// Openings of a credit line without a colon ("Laporan Wartawan …").
    pub credit_leads: Vec<&'static str>,
    /// English words that are never a name alone ("The", "He", "Thursday", "Americans").
    pub english_non_names: Vec<&'static str>,
    /// Aspect and source words of a statement ("sudah", "menurut"), which a call to action lacks.
    pub declarative_markers: Vec<&'static str>,
    /// Labels before an embedded infographic's or video's headline ("Infografis:"), in their case.
    pub media_labels: Vec<&'static str>,
    /// Names on share and follow buttons; a line of only these is a row of buttons.
    pub share_platforms: Vec<&'static str>,
    /// Where a page asks for comments ("kolom komentar").
    pub comment_places: Vec<&'static str>,
    /// Words that address the reader ("kamu", "yuk").
    pub reader_address: Vec<&'static str>,

    // The quote stage's lists (stages/quotes).
    /// Personal pronouns and demonstratives with their language, referent and case: a
    /// pronoun cue refers back, a group subject names no one speaker, and no pronoun is
    /// a name.
    pub pronouns: Vec<Pronoun>,
    /// English first names with the gender they are mostly given to, so that "he" and
    /// "she" take the right person.
    pub first_names_english: Vec<(&'static str, Gender)>,
    /// Verbs of saying and of stance, beyond [`Lexicon::speech_verbs_report`], that make
    /// their subject the source a later `ujarnya` refers to.
    pub speech_verbs_source: Vec<&'static str>,
    /// English participles of saying (`, saying, "…"`): the subject goes on speaking.
    pub speech_participles_english: Vec<&'static str>,
    /// Function words around an attribution, each with the rules that read it.
    pub attribution_words: Vec<Tagged<AttributionUse>>,
    /// Words of the occasion of a statement (`X dalam keterangan tertulisnya, "…"`).
    pub occasion_nouns: Vec<&'static str>,
    /// Titles before a name, each with the rules that read it.
    pub name_titles: Vec<Tagged<TitleUse>>,
    /// Lowercase particles inside a person's name ("Ahmad bin Yusuf"), each with the
    /// rules that read it: the entity stage's PERSON spans and the quote stage's runs.
    pub name_particles: Vec<Tagged<ParticleUse>>,
    /// Kinds of place or local body: the capitalized word after one names the place.
    pub place_kinds: Vec<&'static str>,
    /// Connectives that may open a sentence before `Menurut X, …`.
    pub discourse_openers: Vec<&'static str>,
}

impl Lexicon {
    /// The lists shipped in `data/lexicon/`, embedded in the binary.
    pub fn embedded() -> Lexicon {
        // The word list is 44k lines: read it once for both of its views.
        let evidence: Vec<(&'static str, bool, u32)> = word_evidence().collect();
        Lexicon {
            dateline_cities: entries(include_str!("../../../data/lexicon/dateline-cities.txt")),
            speech_verbs_after: entries(include_str!(
                "../../../data/lexicon/speech-verbs-after.txt"
            )),
            speech_verbs_report: entries(include_str!(
                "../../../data/lexicon/speech-verbs-report.txt"
            )),
            speech_verbs_english: entries(include_str!(
                "../../../data/lexicon/speech-verbs-english.txt"
            )),
            non_name_words: entries(include_str!("../../../data/lexicon/non-name-words.txt")),
            abbreviations: entries(include_str!("../../../data/lexicon/abbreviations.txt")),
            function_words_malayic: entries(include_str!(
                "../../../data/lexicon/function-words-malayic.txt"
            )),
            markers_indonesian: entries(include_str!(
                "../../../data/lexicon/markers-indonesian.txt"
            )),
            markers_malay: entries(include_str!("../../../data/lexicon/markers-malay.txt")),
            markers_indonesian_only: entries(include_str!(
                "../../../data/lexicon/markers-indonesian-only.txt"
            )),
            markers_malay_only: entries(include_str!(
                "../../../data/lexicon/markers-malay-only.txt"
            )),
            function_words_english: entries(include_str!(
                "../../../data/lexicon/function-words-english.txt"
            )),
            alias_cues: entries(include_str!("../../../data/lexicon/alias-cues.txt")),
            team_words: entries(include_str!("../../../data/lexicon/team-words.txt")),
            listed_words: evidence.iter().map(|&(w, _, _)| w).collect(),
            common_words: evidence
                .iter()
                .filter(|&&(_, common, _)| common)
                .map(|&(w, _, tagged)| (w, tagged))
                .collect(),
            currency_prefixes: entries(include_str!("../../../data/lexicon/currency-prefixes.txt")),
            name_forming_honorifics: entries(include_str!(
                "../../../data/lexicon/name-forming-honorifics.txt"
            )),
            not_names: entries(include_str!("../../../data/lexicon/not-names.txt")),
            generic_name_heads: entries(include_str!(
                "../../../data/lexicon/generic-name-heads.txt"
            )),
            place_continuations: entries(include_str!(
                "../../../data/lexicon/place-continuations.txt"
            )),
            call_to_action_verbs: entries(include_str!(
                "../../../data/lexicon/call-to-action-verbs.txt"
            )),
            link_verbs: entries(include_str!("../../../data/lexicon/link-verbs.txt")),
            call_to_action_teasers: entries(include_str!(
                "../../../data/lexicon/call-to-action-teasers.txt"
            )),
            elsewhere_pointers: entries(include_str!(
                "../../../data/lexicon/elsewhere-pointers.txt"
            )),
            inward_pointers: entries(include_str!("../../../data/lexicon/inward-pointers.txt")),
            share_prompts: entries(include_str!("../../../data/lexicon/share-prompts.txt")),
            related_headings: entries(include_str!("../../../data/lexicon/related-headings.txt")),
            embed_captions: entries(include_str!("../../../data/lexicon/embed-captions.txt")),
            call_to_action_lead_ins: entries(include_str!(
                "../../../data/lexicon/call-to-action-lead-ins.txt"
            )),
            call_to_action_adverbs: entries(include_str!(
                "../../../data/lexicon/call-to-action-adverbs.txt"
            )),
            call_to_action_passives: entries(include_str!(
                "../../../data/lexicon/call-to-action-passives.txt"
            )),
            link_targets: entries(include_str!("../../../data/lexicon/link-targets.txt")),
            news_content_nouns: entries(include_str!(
                "../../../data/lexicon/news-content-nouns.txt"
            )),
            promo_verbs: entries(include_str!("../../../data/lexicon/promo-verbs.txt")),
            membership_terms: entries(include_str!("../../../data/lexicon/membership-terms.txt")),
            reader_works: entries(include_str!("../../../data/lexicon/reader-works.txt")),
            sending_verbs: entries(include_str!("../../../data/lexicon/sending-verbs.txt")),
            watch_verbs: entries(include_str!("../../../data/lexicon/watch-verbs.txt")),
            contact_verbs: entries(include_str!("../../../data/lexicon/contact-verbs.txt")),
            shopping_calls: entries(include_str!("../../../data/lexicon/shopping-calls.txt")),
            consent_words: entries(include_str!("../../../data/lexicon/consent-words.txt")),
            how_to_heads: entries(include_str!("../../../data/lexicon/how-to-heads.txt")),
            disclaimer_phrases: entries(include_str!(
                "../../../data/lexicon/disclaimer-phrases.txt"
            )),
            credit_roles: entries(include_str!("../../../data/lexicon/credit-roles.txt")),
            credit_leads: entries(include_str!("../../../data/lexicon/credit-leads.txt")),
            english_non_names: entries(include_str!("../../../data/lexicon/english-non-names.txt")),
            declarative_markers: entries(include_str!(
                "../../../data/lexicon/declarative-markers.txt"
            )),
            media_labels: entries(include_str!("../../../data/lexicon/media-labels.txt")),
            share_platforms: entries(include_str!("../../../data/lexicon/share-platforms.txt")),
            comment_places: entries(include_str!("../../../data/lexicon/comment-places.txt")),
            reader_address: entries(include_str!("../../../data/lexicon/reader-address.txt")),

            pronouns: pronouns(include_str!("../../../data/lexicon/pronouns.txt")),
            first_names_english: rows(include_str!(
                "../../../data/lexicon/first-names-english.txt"
            ))
            .map(|[name, gender]| (name, parse(gender)))
            .collect(),
            speech_verbs_source: entries(include_str!(
                "../../../data/lexicon/speech-verbs-source.txt"
            )),
            speech_participles_english: entries(include_str!(
                "../../../data/lexicon/speech-participles-english.txt"
            )),
            attribution_words: tagged(include_str!("../../../data/lexicon/attribution-words.txt")),
            occasion_nouns: entries(include_str!("../../../data/lexicon/occasion-nouns.txt")),
            name_titles: tagged(include_str!("../../../data/lexicon/name-titles.txt")),
            name_particles: tagged(include_str!("../../../data/lexicon/name-particles.txt")),
            place_kinds: entries(include_str!("../../../data/lexicon/place-kinds.txt")),
            discourse_openers: entries(include_str!("../../../data/lexicon/discourse-openers.txt")),
        }
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::embedded()
    }
}

/// The entries of a lexicon file: every line that is neither blank nor a `#` comment,
/// trimmed, in file order (order matters where the first match wins).
/// The words of `data/words/indonesian-words.tsv` (columns word, common, proper, tagged,
/// nnp), whether each is a common word (marked common, not a dictionary name, and tagged
/// NNP in under a fifth of its POS-corpus sightings) and its POS-corpus count.
fn word_evidence() -> impl Iterator<Item = (&'static str, bool, u32)> {
    entries(include_str!("../../../data/words/indonesian-words.tsv"))
        .into_iter()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let word = cols.next()?;
            let n: Vec<u32> = cols.map(|c| c.parse().unwrap_or(0)).collect();
            let [common, proper, tagged, nnp] = n[..] else {
                return None;
            };
            let is_common = common == 1 && proper == 0 && nnp * 5 < tagged.max(1);
            Some((word, is_common, tagged))
        })
}

pub fn entries(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// An entry of a list whose second column names, separated by commas, the rules that
/// read it: one list per concept, where the rules of a stage draw on different parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged<T> {
    pub word: &'static str,
    pub uses: Vec<T>,
}

/// The words of `list` that the rule `rule` reads, in file order.
pub fn used_by<T: PartialEq>(list: &[Tagged<T>], rule: T) -> Vec<&'static str> {
    list.iter()
        .filter(|t| t.uses.contains(&rule))
        .map(|t| t.word)
        .collect()
}

/// The rows of a lexicon file whose entries hold columns separated by white space.
/// Embedded lists are checked by the tests, so a malformed row is a build mistake and
/// panics, naming the row.
fn rows<const N: usize>(text: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    entries(text).into_iter().map(|line| {
        let cols: Vec<&'static str> = line.split_whitespace().collect();
        cols.try_into()
            .unwrap_or_else(|_| panic!("lexicon row {line:?} does not have {N} columns"))
    })
}

/// A column value that does not parse is a build mistake, as for [`rows`].
fn parse<T: std::str::FromStr>(value: &str) -> T {
    value
        .parse()
        .unwrap_or_else(|_| panic!("lexicon value {value:?} is not known"))
}

/// The entries of a tagged list: `word use,use,…` per line.
pub fn tagged<T: std::str::FromStr>(text: &'static str) -> Vec<Tagged<T>> {
    rows(text)
        .map(|[word, uses]| Tagged {
            word,
            uses: uses.split(',').map(parse).collect(),
        })
        .collect()
}

/// The entries of `pronouns.txt`: `word language refers case gender` per line, the
/// gender `-` where the pronoun has none.
pub fn pronouns(text: &'static str) -> Vec<Pronoun> {
    rows(text)
        .map(|[word, language, refers, case, gender]| Pronoun {
            word,
            language: parse(language),
            refers: parse(refers),
            case: parse(case),
            gender: (gender != "-").then(|| parse(gender)),
        })
        .collect()
}

/// A pronoun or demonstrative, lowercase, with what the quote rules need to know of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    pub word: &'static str,
    pub language: PronounLanguage,
    pub refers: Refers,
    pub case: Case,
    /// "he" and "she" say whom they refer to; "dia" and "they" do not.
    pub gender: Option<Gender>,
}

/// The gender a pronoun, a first name or a title points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Pronoun {
    /// Whether it can be the subject of a verb of saying (`ia`, `dia`, `he`; not `him`).
    pub fn can_be_subject(&self) -> bool {
        matches!(self.case, Case::Subject | Case::Any)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounLanguage {
    Indonesian,
    English,
}

/// Whom a pronoun refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refers {
    /// A third person, named before ("dia", "she").
    One,
    /// Several people, or the speaker's side ("mereka", "kami", "we"): no one speaker.
    Group,
    /// The speaker ("saya", "I").
    SelfSpeaker,
    /// The reader or listener ("anda", "you").
    Addressee,
    /// No person ("it", "this").
    Thing,
}

/// Where a pronoun may stand in a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Only as a subject: "ia" (never after a preposition), "he".
    Subject,
    Object,
    Possessive,
    /// Subject and object: "dia", "beliau" ("menurut dia").
    Any,
}

/// The rules of the quote stage that read [`Lexicon::attribution_words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributionUse {
    /// May stand between an attribution's subject and its cue ("X juga mengatakan").
    CueAdverb,
    /// May stand between a source and its verb of saying ("X sudah menegaskan").
    SourceFiller,
    /// Opens the occasion before a quote (`X dalam keterangannya, "…"`).
    Occasion,
    /// Opens a phrase between a source and its verb ("X saat dihubungi menjelaskan").
    SourcePhrase,
    /// Ends a description after a cue ("kata juru bicara dinas saat …").
    DescriptionEnd,
    /// Starts no description after a cue.
    NotDescription,
    /// Ends a description that refers back to a person ("kata politisi partai itu ini").
    PointsBack,
}

/// The rules of the quote stage that read [`Lexicon::name_titles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleUse {
    /// Written with a period inside a name's capitalized run ("Prof. Dr. H. Ahmad").
    Token,
    /// Written with a period that ends no English phrase ("said of Mr. Ode's plan").
    Phrase,
    /// Lowercase before a name set off by commas ("Pakar X, dr. Budi, menilai").
    Bare,
    /// Lowercase medical title before a name, with or without a period ("dr Maya").
    Medical,
    /// Given to men ("Mr."): the person after it is a "he".
    Male,
    /// Given to women ("Mrs.", "Ms."): the person after it is a "she".
    Female,
}

/// The rules that read [`Lexicon::name_particles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticleUse {
    /// A PERSON span of the entity stage does not stop at it.
    Span,
    /// A speaker's capitalized run in the quote stage may hold it.
    Run,
}

/// The column values of the tagged lists, as written in the files.
macro_rules! column_values {
    ($($ty:ty { $($text:literal => $value:expr),* $(,)? })*) => {$(
        impl std::str::FromStr for $ty {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s {
                    $($text => Ok($value),)*
                    _ => Err(()),
                }
            }
        }
    )*};
}

column_values! {
    PronounLanguage { "id" => PronounLanguage::Indonesian, "en" => PronounLanguage::English }
    Refers {
        "one" => Refers::One,
        "group" => Refers::Group,
        "self" => Refers::SelfSpeaker,
        "addressee" => Refers::Addressee,
        "thing" => Refers::Thing,
    }
    Case {
        "subject" => Case::Subject,
        "object" => Case::Object,
        "possessive" => Case::Possessive,
        "any" => Case::Any,
    }
    AttributionUse {
        "cue-adverb" => AttributionUse::CueAdverb,
        "source-filler" => AttributionUse::SourceFiller,
        "occasion" => AttributionUse::Occasion,
        "source-phrase" => AttributionUse::SourcePhrase,
        "description-end" => AttributionUse::DescriptionEnd,
        "not-description" => AttributionUse::NotDescription,
        "points-back" => AttributionUse::PointsBack,
    }
    ParticleUse { "span" => ParticleUse::Span, "run" => ParticleUse::Run }
    TitleUse {
        "token" => TitleUse::Token,
        "phrase" => TitleUse::Phrase,
        "bare" => TitleUse::Bare,
        "medical" => TitleUse::Medical,
        "male" => TitleUse::Male,
        "female" => TitleUse::Female,
    }
    Gender { "m" => Gender::Male, "f" => Gender::Female }
}

#[cfg(test)]
mod tests;
