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
    /// Lowercase words inside a person's name ("bin", "van", "de").
    pub name_links: Vec<&'static str>,
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
}

impl Lexicon {
    /// The lists shipped in `data/lexicon/`, embedded in the binary.
    pub fn embedded() -> Lexicon {
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
            name_links: entries(include_str!("../../../data/lexicon/name-links.txt")),
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
pub fn entries(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blank_lines_and_keep_order() {
        let text = "# source: test\n# licence: MIT\n\nJakarta Pusat\n  Jakarta \n# x\nBandung\n";
        assert_eq!(entries(text), vec!["Jakarta Pusat", "Jakarta", "Bandung"]);
    }

    #[test]
    fn every_embedded_list_is_read_and_headed_by_its_source_and_licence() {
        let lexicon = Lexicon::embedded();
        let sizes = [
            ("dateline_cities", lexicon.dateline_cities.len()),
            ("speech_verbs_after", lexicon.speech_verbs_after.len()),
            ("speech_verbs_report", lexicon.speech_verbs_report.len()),
            ("speech_verbs_english", lexicon.speech_verbs_english.len()),
            ("non_name_words", lexicon.non_name_words.len()),
            ("abbreviations", lexicon.abbreviations.len()),
            (
                "function_words_malayic",
                lexicon.function_words_malayic.len(),
            ),
            ("markers_indonesian", lexicon.markers_indonesian.len()),
            ("markers_malay", lexicon.markers_malay.len()),
            (
                "markers_indonesian_only",
                lexicon.markers_indonesian_only.len(),
            ),
            ("markers_malay_only", lexicon.markers_malay_only.len()),
            (
                "function_words_english",
                lexicon.function_words_english.len(),
            ),
            ("name_links", lexicon.name_links.len()),
            ("currency_prefixes", lexicon.currency_prefixes.len()),
            (
                "name_forming_honorifics",
                lexicon.name_forming_honorifics.len(),
            ),
            ("not_names", lexicon.not_names.len()),
            ("generic_name_heads", lexicon.generic_name_heads.len()),
            ("place_continuations", lexicon.place_continuations.len()),
            ("call_to_action_verbs", lexicon.call_to_action_verbs.len()),
            ("link_verbs", lexicon.link_verbs.len()),
            (
                "call_to_action_teasers",
                lexicon.call_to_action_teasers.len(),
            ),
            ("elsewhere_pointers", lexicon.elsewhere_pointers.len()),
            ("inward_pointers", lexicon.inward_pointers.len()),
            ("share_prompts", lexicon.share_prompts.len()),
            ("related_headings", lexicon.related_headings.len()),
            ("embed_captions", lexicon.embed_captions.len()),
            (
                "call_to_action_lead_ins",
                lexicon.call_to_action_lead_ins.len(),
            ),
        ];
        for (name, size) in sizes {
            assert!(size > 0, "{name} is empty");
        }
        assert_eq!(lexicon.dateline_cities.len(), 115);
        assert_eq!(lexicon.non_name_words.len(), 381);
    }

    #[test]
    fn every_lexicon_file_names_its_source_and_licence() {
        let files = [
            (
                "dateline-cities",
                include_str!("../../../data/lexicon/dateline-cities.txt"),
            ),
            (
                "speech-verbs-after",
                include_str!("../../../data/lexicon/speech-verbs-after.txt"),
            ),
            (
                "speech-verbs-report",
                include_str!("../../../data/lexicon/speech-verbs-report.txt"),
            ),
            (
                "speech-verbs-english",
                include_str!("../../../data/lexicon/speech-verbs-english.txt"),
            ),
            (
                "non-name-words",
                include_str!("../../../data/lexicon/non-name-words.txt"),
            ),
            (
                "abbreviations",
                include_str!("../../../data/lexicon/abbreviations.txt"),
            ),
            (
                "function-words-malayic",
                include_str!("../../../data/lexicon/function-words-malayic.txt"),
            ),
            (
                "markers-indonesian",
                include_str!("../../../data/lexicon/markers-indonesian.txt"),
            ),
            (
                "markers-malay",
                include_str!("../../../data/lexicon/markers-malay.txt"),
            ),
            (
                "markers-indonesian-only",
                include_str!("../../../data/lexicon/markers-indonesian-only.txt"),
            ),
            (
                "markers-malay-only",
                include_str!("../../../data/lexicon/markers-malay-only.txt"),
            ),
            (
                "function-words-english",
                include_str!("../../../data/lexicon/function-words-english.txt"),
            ),
            (
                "name-links",
                include_str!("../../../data/lexicon/name-links.txt"),
            ),
            (
                "currency-prefixes",
                include_str!("../../../data/lexicon/currency-prefixes.txt"),
            ),
            (
                "name-forming-honorifics",
                include_str!("../../../data/lexicon/name-forming-honorifics.txt"),
            ),
            (
                "not-names",
                include_str!("../../../data/lexicon/not-names.txt"),
            ),
            (
                "generic-name-heads",
                include_str!("../../../data/lexicon/generic-name-heads.txt"),
            ),
            (
                "place-continuations",
                include_str!("../../../data/lexicon/place-continuations.txt"),
            ),
            (
                "call-to-action-verbs",
                include_str!("../../../data/lexicon/call-to-action-verbs.txt"),
            ),
            (
                "link-verbs",
                include_str!("../../../data/lexicon/link-verbs.txt"),
            ),
            (
                "call-to-action-teasers",
                include_str!("../../../data/lexicon/call-to-action-teasers.txt"),
            ),
            (
                "elsewhere-pointers",
                include_str!("../../../data/lexicon/elsewhere-pointers.txt"),
            ),
            (
                "inward-pointers",
                include_str!("../../../data/lexicon/inward-pointers.txt"),
            ),
            (
                "share-prompts",
                include_str!("../../../data/lexicon/share-prompts.txt"),
            ),
            (
                "related-headings",
                include_str!("../../../data/lexicon/related-headings.txt"),
            ),
            (
                "embed-captions",
                include_str!("../../../data/lexicon/embed-captions.txt"),
            ),
            (
                "call-to-action-lead-ins",
                include_str!("../../../data/lexicon/call-to-action-lead-ins.txt"),
            ),
        ];
        for (name, text) in files {
            let mut lines = text.lines();
            assert!(
                lines.next().is_some_and(|l| l.starts_with("# source:")),
                "{name}"
            );
            assert!(
                lines.next().is_some_and(|l| l.starts_with("# licence:")),
                "{name}"
            );
        }
    }

    #[test]
    fn no_list_repeats_an_entry() {
        let lexicon = Lexicon::embedded();
        for list in [
            &lexicon.dateline_cities,
            &lexicon.non_name_words,
            &lexicon.abbreviations,
        ] {
            let mut seen = std::collections::HashSet::new();
            for entry in list {
                assert!(seen.insert(*entry), "{entry} is listed twice");
            }
        }
    }
}
