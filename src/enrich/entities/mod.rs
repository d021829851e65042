//! The entity stage: people, organizations and places, with every mention's span,
//! grouped into one entity per real-world referent within the article.
//!
//! Per sentence: tokens → gazetteer and title hits → the trained tagger
//! ([`model`]) → spans, then [`roles`] moves titles out of PERSON spans into roles and
//! [`resolve`] groups mentions across the article. The model is embedded in the binary
//! and parsed once per process ([`Recognizer::shared`]).

pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod resolve;
pub mod roles;
pub mod tokens;
pub mod wordstats;

use std::ops::Range;
use std::sync::LazyLock;

use crate::enrich::span::CharMap;
use crate::output::{Entity, EntityType};

use gazetteer::Gazetteer;
use model::{Model, Scratch};

/// The shipped model; `models/README.md` says how it was trained.
const MODEL: &[u8] = include_bytes!("../../../models/ner.bin");

/// One recognized mention before grouping, in byte offsets of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: EntityType,
    pub bytes: Range<usize>,
    /// Gazetteer line the mention matches exactly, which ties aliases together.
    pub entry: Option<u32>,
    /// Titles written before a PERSON mention ("Presiden").
    pub roles: Vec<String>,
    /// For "Mahkamah Konstitusi (MK)": on the "MK" mention, the long form's byte range.
    pub expands: Option<Range<usize>>,
}

pub struct Recognizer {
    pub model: Model,
    pub gazetteer: Gazetteer,
}

static SHARED: LazyLock<Recognizer> = LazyLock::new(Recognizer::load);

impl Recognizer {
    /// The process-wide recognizer. `NER_MODEL_FILE` names a model file to use instead
    /// of the embedded one (for training experiments); a file that does not parse is an
    /// error at start-up, not a silent fallback.
    pub fn shared() -> &'static Recognizer {
        &SHARED
    }

    fn load() -> Recognizer {
        let model = match std::env::var_os("NER_MODEL_FILE") {
            Some(path) => {
                let bytes =
                    std::fs::read(&path).unwrap_or_else(|e| panic!("NER_MODEL_FILE {path:?}: {e}"));
                Model::from_bytes(&bytes)
                    .unwrap_or_else(|| panic!("NER_MODEL_FILE {path:?} is not a model"))
            }
            None => Model::from_bytes(MODEL).unwrap_or_else(Model::empty),
        };
        Recognizer {
            model,
            gazetteer: Gazetteer::new(),
        }
    }

    /// Mentions in one sentence (`body[range]`), in order.
    pub fn sentence(&self, body: &str, range: Range<usize>, scratch: &mut Scratch) -> Vec<Found> {
        let toks = tokens::tokenize(&body[range.clone()], range.start);
        if toks.is_empty() {
            return Vec::new();
        }
        let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
        let (names, titles) = self.gazetteer.hits(body, &toks);
        let tags = self.model.tag(&words, &names, &titles, scratch);
        roles::mentions(body, &toks, &words, &tags, &names, &titles)
    }

    /// All entities of a body, given its sentences as byte ranges.
    pub fn extract(&self, body: &str, sentences: &[Range<usize>], map: &CharMap) -> Vec<Entity> {
        let mut scratch = Scratch::default();
        let found: Vec<Found> = sentences
            .iter()
            .flat_map(|r| self.sentence(body, r.clone(), &mut scratch))
            .collect();
        resolve::group(body, found, &self.gazetteer, map)
    }
}

/// The canonical entity name a speaker name refers to, for linking quotes to entities:
/// an exact mention, name or alias first, then a PERSON whose name contains every word
/// of `speaker` ("Putin" → "Vladimir Putin").
pub fn entity_for<'e>(entities: &'e [Entity], speaker: &str) -> Option<&'e str> {
    let speaker = speaker.trim();
    if speaker.is_empty() {
        return None;
    }
    if let Some(e) = entities.iter().find(|e| {
        e.name == speaker
            || e.aliases.iter().any(|a| a == speaker)
            || e.mentions.iter().any(|m| m.text == speaker)
    }) {
        return Some(&e.name);
    }
    let words: Vec<&str> = speaker.split_whitespace().collect();
    entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .find(|e| {
            let name: Vec<&str> = e.name.split_whitespace().collect();
            words.iter().all(|w| name.contains(w))
        })
        .map(|e| e.name.as_str())
}
