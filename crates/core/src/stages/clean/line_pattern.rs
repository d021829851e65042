//! Patterns the cleaner only asks "does this line match?", compiled for that question.
//!
//! The regex crate compiles every pattern twice: forward, and in reverse to find where a
//! match starts. A pattern anchored with `^` starts at the start of the line, so its
//! reverse automaton is never needed, yet for the cleaner's line rules, full of bounded
//! repetitions of Unicode classes (`[\p{L}.' ]{1,40}`), the reverse automata were about
//! two thirds of the compiled size (docs/performance.md). [`LinePattern`] compiles an
//! anchored pattern forward only: a lazy DFA answers, and where it cannot (in a pattern
//! with a Unicode word boundary it stops at any non-ASCII byte), the PikeVM over the same
//! automaton does. Both read the regex crate's syntax with its defaults and follow its semantics,
//! so a line matches exactly when `Regex::is_match` says it does. A pattern that is not
//! anchored keeps the regex crate's engine.

use std::panic::{RefUnwindSafe, UnwindSafe};

use regex::Regex;
use regex_automata::hybrid::dfa::{self, DFA};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::Look;

/// A pattern asked only whether a line matches it.
pub(super) enum LinePattern {
    /// Anchored with `^`: forward automata only (boxed: the DFA and PikeVM are large
    /// values).
    Anchored(Box<Forward>),
    /// Anywhere in the line: the regex crate's engine.
    Unanchored(Regex),
}

/// The forward lazy DFA and PikeVM of an anchored pattern, with a pool of their caches
/// (one per thread that uses it, as the regex crate keeps them).
pub(super) struct Forward {
    dfa: DFA,
    pikevm: PikeVM,
    caches: Pool<Caches, CacheFn>,
}

/// One thread's search state. The PikeVM's is made only when the DFA first gives up
/// (only rules with a Unicode `\b` ever do, on a line with a non-ASCII byte):
/// it is sized by the automaton's states, about half a megabyte for the largest line
/// rules, per thread, and most patterns never need it (docs/performance.md).
struct Caches {
    dfa: dfa::Cache,
    pikevm: Option<pikevm::Cache>,
}

type CacheFn = Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl LinePattern {
    /// Compiles `pattern` in the regex crate's syntax.
    pub(super) fn new(pattern: &str) -> Result<LinePattern, String> {
        let hir = syntax::parse(pattern).map_err(|e| e.to_string())?;
        if !hir.properties().look_set_prefix().contains(Look::Start) {
            return Regex::new(pattern)
                .map(LinePattern::Unanchored)
                .map_err(|e| e.to_string());
        }
        // Only whether there is a match is asked, so no capture group is compiled but
        // the implicit whole-match one the PikeVM needs.
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::Implicit))
            .build_from_hir(&hir)
            .map_err(|e| e.to_string())?;
        let dfa = DFA::builder()
            // Unicode `\b` is answered by the PikeVM once a non-ASCII byte comes.
            .configure(DFA::config().unicode_word_boundary(true))
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let for_dfa = dfa.clone();
        let create: CacheFn = Box::new(move || Caches {
            dfa: for_dfa.create_cache(),
            pikevm: None,
        });
        Ok(LinePattern::Anchored(Box::new(Forward {
            dfa,
            pikevm,
            caches: Pool::new(create),
        })))
    }

    /// Whether `line` matches, as `Regex::is_match` would answer.
    pub(super) fn is_match(&self, line: &str) -> bool {
        match self {
            LinePattern::Unanchored(re) => re.is_match(line),
            LinePattern::Anchored(f) => {
                let input = Input::new(line).anchored(Anchored::Yes).earliest(true);
                let mut caches = f.caches.get();
                match f.dfa.try_search_fwd(&mut caches.dfa, &input) {
                    Ok(found) => found.is_some(),
                    Err(_) => {
                        let cache = caches.pikevm.get_or_insert_with(|| f.pikevm.create_cache());
                        f.pikevm.is_match(cache, input)
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Patterns in the style of the cleaner's rules: anchored and not, Unicode classes
    /// in bounded repetitions, `\b` (which stops the DFA at a non-ASCII byte), `$`.
    const PATTERNS: &[&str] = &[
        r"^\p{Lu}[\p{L}.' ]{1,40}?\s*[-–|]\s*(?:\p{Lu}[\p{L}.' ]{1,40}?,\s*)?(?:kabar\p{L}+|[\p{L}\d]+\.(?:com|co\.id|id))$",
        r"^(?i:(?:simak\s+)?(?:baca|berita)\s+selengkapnya)\b.{0,80}$",
        r"^[^\p{L}\p{N}]{0,8}(?i:iklan|advertorial)\b\W+\w+(?:\W+\w+){0,5}\W*$",
        r"^(?:(?i:tim|redaksi)\s+)?[\p{L}\d]+(?:\.[\p{L}\d]+)*\.(?i:com|co\.id|id)$",
        r"^$",
        r"^(?:a|b)?",
        r"\b(?i:kata|ujar)\b",
        r"(?:^|[,.]\s+)foto\b",
    ];

    const LINES: &[&str] = &[
        "Budi Santoso - kabarjogja",
        "Budi Santoso - Kabar.com",
        "Budi Santoso | Redaksi, Kabar.co.id",
        "Ani Lestari – Ani’s Café, media.id",
        "Baca selengkapnya di sini",
        "baca selengkapnya: “Harga cabai naik” dan lainnya",
        "Berita selengkapnyaku",
        "— Iklan —",
        "▶ Advertorial: Promo akhir tahun untuk pembaca setia",
        "Tim Kabar.com",
        "Redaksi Warta.co.id",
        "",
        "a",
        "kata dia, foto oleh Budi",
        "Ujarnya, “foto” itu palsu",
        "Émile — écrit à Jakarta",
    ];

    fn agree(pattern: &str, line: &str) {
        let ours = LinePattern::new(pattern).unwrap();
        let theirs = Regex::new(pattern).unwrap();
        assert_eq!(
            ours.is_match(line),
            theirs.is_match(line),
            "{pattern:?} on {line:?}"
        );
    }

    #[test]
    fn anchored_patterns_compile_forward_only() {
        assert!(matches!(
            LinePattern::new(PATTERNS[0]).unwrap(),
            LinePattern::Anchored(_)
        ));
        assert!(matches!(
            LinePattern::new(r"\bkata\b").unwrap(),
            LinePattern::Unanchored(_)
        ));
        // `^` in one branch only does not anchor the pattern.
        assert!(matches!(
            LinePattern::new(PATTERNS[7]).unwrap(),
            LinePattern::Unanchored(_)
        ));
    }

    #[test]
    fn answers_as_the_regex_crate_on_fixtures() {
        let mut matched = 0;
        for p in PATTERNS {
            for line in LINES {
                agree(p, line);
                matched += usize::from(Regex::new(p).unwrap().is_match(line));
            }
        }
        // The fixtures exercise both answers, not only "no".
        assert!(matched >= 10, "{matched}");
    }

    #[test]
    fn the_pikevm_state_is_made_only_when_the_dfa_gives_up() {
        let pattern = LinePattern::new(PATTERNS[1]).unwrap();
        let LinePattern::Anchored(f) = &pattern else {
            panic!("PATTERNS[1] is anchored");
        };
        assert!(pattern.is_match("Baca selengkapnya di sini"));
        assert!(f.caches.get().pikevm.is_none());
        // In a rule with a Unicode `\b`, any non-ASCII byte stops the DFA (here the
        // quote mark, far from the `\b`); the PikeVM answers.
        assert!(pattern.is_match("baca selengkapnya: “Harga cabai naik”"));
        assert!(f.caches.get().pikevm.is_some());
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(LinePattern::new(r"^(unclosed").is_err());
    }

    proptest! {
        #[test]
        fn answers_as_the_regex_crate_on_any_line(
            line in r"(?:[A-Za-z .,'|–-]|\p{L}|\p{Lu}|\s|[“”’]|\.com){0,60}",
            p in 0..PATTERNS.len(),
        ) {
            agree(PATTERNS[p], &line);
        }
    }
}
