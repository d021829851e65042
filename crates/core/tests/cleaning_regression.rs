//! The cleaning regression corpus: made-up articles in the style of ten Indonesian news
//! sites, each line marked `S` (story, must survive) or `D` (page furniture, must go).
//! `dev.txt` is what the debris classes were written against; `heldout.txt` and
//! `heldout-b.txt` to `heldout-h.txt` were written by others who had not seen the rules.
//! Each set's first run is the figure that counts; later runs have seen its misses (see
//! docs/evaluation.md).

use warta_core::stages::clean::Cleaner;

/// Letters and digits, lowercased: a story line survives when these are in the body.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Article {
    site: String,
    lines: Vec<(bool, String)>,
}

fn read(text: &str) -> Vec<Article> {
    let mut articles: Vec<Article> = Vec::new();
    for line in text.lines() {
        if let Some(site) = line.strip_prefix("# site:") {
            articles.push(Article {
                site: site.trim().to_string(),
                lines: Vec::new(),
            });
        } else if let Some((mark, body)) = line.split_once('\t') {
            let article = articles.last_mut().expect("a line before any # site:");
            match mark {
                "S" => article.lines.push((true, body.to_string())),
                "D" => article.lines.push((false, body.to_string())),
                other => panic!("unknown mark {other:?} in {line:?}"),
            }
        }
    }
    articles
}

/// Debris lines left in the cleaned body and story lines lost from it.
fn check(text: &str) -> (usize, usize, Vec<String>) {
    let cleaner = Cleaner::new();
    let articles = read(text);
    assert!(articles.len() >= 20, "only {} articles", articles.len());
    let (mut lines, mut left, mut lost) = (0, Vec::new(), Vec::new());
    for article in &articles {
        let body: Vec<&str> = article.lines.iter().map(|(_, l)| l.as_str()).collect();
        let cleaned = cleaner.clean(&body.join("\n"));
        let kept: Vec<String> = cleaned.body.split("\n\n").map(letters).collect();
        let all = letters(&cleaned.body);
        for (story, line) in &article.lines {
            lines += 1;
            let l = letters(line);
            // A dateline is cut from the front of the first story line: its rest must stay.
            let survives = all.contains(&l)
                || (cleaned.dateline.is_some()
                    && kept.first().is_some_and(|k| l.ends_with(k.as_str())));
            if *story && !survives {
                lost.push(format!("{}: lost story line: {line}", article.site));
            }
            if !story && kept.contains(&l) {
                left.push(format!("{}: debris left: {line}", article.site));
            }
        }
    }
    let (n_left, n_lost) = (left.len(), lost.len());
    (
        n_left,
        n_lost,
        left.into_iter()
            .chain(lost)
            .chain([format!("{lines} lines")])
            .collect(),
    )
}

/// The first held-out set: its first run left 22 of its 90 debris lines and lost 1 of
/// 119 story lines. Rules written since have seen its misses, so its figure now (0 left,
/// 0 lost) is optimistic; docs/evaluation.md. This holds the rules to it and reports what
/// is left.
#[test]
fn held_out_corpus_does_not_regress() {
    let (left, lost, report) = check(include_str!("data/cleaning/heldout.txt"));
    eprintln!("{}", report.join("\n"));
    assert!(left == 0 && lost == 0, "{}", report.join("\n"));
}

#[test]
fn dev_corpus_has_no_debris_left_and_no_story_line_lost() {
    let (left, lost, report) = check(include_str!("data/cleaning/dev.txt"));
    assert!(left == 0 && lost == 0, "{}", report.join("\n"));
}

/// A second held-out set (`heldout-b.txt`), written later by another author who had not
/// seen the rules either: its first run left 19 of its 130 debris lines and lost 1 of 161
/// story lines. The classes it showed (credits, rights notices, channel and newsletter
/// prompts) have rules now, so its figure (0 left, 0 lost) is optimistic too.
#[test]
fn second_held_out_corpus_does_not_regress() {
    let (left, lost, report) = check(include_str!("data/cleaning/heldout-b.txt"));
    eprintln!("{}", report.join("\n"));
    assert!(left == 0 && lost == 0, "{}", report.join("\n"));
}

/// A third held-out set (`heldout-c.txt`), written by another author who had seen
/// neither the rules nor the other sets. Measured once after the rules were generalised
/// from the first two: 36 of its 177 debris lines left, 0 of 227 story lines lost (the
/// rules before that left 64). After rules for the classes it showed, link boxes by place
/// among them: 0 left, 0 lost (docs/evaluation.md).
#[test]
fn third_held_out_corpus_does_not_regress() {
    let (left, lost, report) = check(include_str!("data/cleaning/heldout-c.txt"));
    eprintln!("{}", report.join("\n"));
    assert!(left == 0 && lost == 0, "{}", report.join("\n"));
}

/// A fourth held-out set (`heldout-d.txt`), written blind like the others. Measured once
/// after the rules for link boxes by place, membership offers and contributor calls: 24
/// of its 175 debris lines left and 2 of 202 story lines lost (the rules before: 43 and
/// 1). After rules for what it showed: 0 and 0.
#[test]
fn fourth_held_out_corpus_does_not_regress() {
    let (left, lost, report) = check(include_str!("data/cleaning/heldout-d.txt"));
    eprintln!("{}", report.join("\n"));
    assert!(left == 0 && lost == 0, "{}", report.join("\n"));
}

/// A fifth held-out set (`heldout-e.txt`), written blind like the others. Measured once
/// after the rules for the fourth set's misses: 28 of its 169 debris lines left, 0 of 200
/// story lines lost. After rules for what it showed: 0 and 0.
#[test]
fn fifth_held_out_corpus_does_not_regress() {
    let (left, lost, report) = check(include_str!("data/cleaning/heldout-e.txt"));
    eprintln!("{}", report.join("\n"));
    assert!(left == 0 && lost == 0, "{}", report.join("\n"));
}

/// A sixth held-out set (`heldout-f.txt`), written blind like the others, its author
/// asked for furniture a rule-writer would not anticipate. Measured once after the rules
/// for the fifth set's misses: 52 of its 178 debris lines left, 0 of 199 story lines lost.
/// After rules for what it showed: 4 left (an outlet's news of its own WhatsApp channel,
/// twice; a poll's question after its heading; a caption without a credit), 0 lost.
#[test]
fn sixth_held_out_corpus_does_not_regress() {
    let (left, lost, report) = check(include_str!("data/cleaning/heldout-f.txt"));
    eprintln!("{}", report.join("\n"));
    assert!(left <= 4 && lost == 0, "{}", report.join("\n"));
}

/// A seventh held-out set (`heldout-g.txt`), written blind like the others. Measured once
/// after the rules for the sixth set's misses: 38 of its 170 debris lines left, 0 of 208
/// story lines lost. After rules for what it showed: 2 left (an account sign-up without a
/// membership word, a contributor call that names no work), 0 lost.
#[test]
fn seventh_held_out_corpus_does_not_regress() {
    let (left, lost, report) = check(include_str!("data/cleaning/heldout-g.txt"));
    eprintln!("{}", report.join("\n"));
    assert!(left <= 2 && lost == 0, "{}", report.join("\n"));
}

/// An eighth held-out set (`heldout-h.txt`), written blind like the others. Measured once
/// after the rules for the seventh set's misses: 45 of its 207 debris lines left, 0 of 206
/// story lines lost. After rules for what it showed (page header labels and timestamps
/// without a weekday, captions with their credit after the full stop, notes on updating,
/// reading times, follow prompts that name the outlet): 2 left (a hoax-report hotline, a
/// prompt to sign in), 0 lost.
#[test]
fn eighth_held_out_corpus_does_not_regress() {
    let (left, lost, report) = check(include_str!("data/cleaning/heldout-h.txt"));
    eprintln!("{}", report.join("\n"));
    assert!(left <= 2 && lost == 0, "{}", report.join("\n"));
}
