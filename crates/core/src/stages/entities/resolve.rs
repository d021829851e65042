//! In-article resolution: mentions that name the same referent become one entity.
//! Rules, in order: one spelling gets one type (the majority, so a stray ORG tag on a
//! person's surname does not split them); a mention made only of words of a known
//! person's name is that person; equal spellings join; gazetteer aliases join ("China"
//! and "Tiongkok"); an acronym joins the name it was introduced with; a short
//! PERSON form joins the one longer name in the article that contains all its words
//! ("Putin" → "Vladimir Putin"), unless two different longer names would fit.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::gazetteer::Gazetteer;
use super::Found;
use crate::output::{Entity, EntityType, Mention};
use crate::span::CharMap;

/// Union-find over mention indexes. A group's root is always its lowest index, so the
/// groups, and the order they come out in, do not depend on the order of the joins.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// The members of each group, groups in the order of their first member.
    fn members(&mut self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut slot: HashMap<usize, usize> = HashMap::new();
        for i in 0..self.parent.len() {
            let r = self.find(i);
            let g = *slot.entry(r).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
        }
        groups
    }
}

/// The entities of an article's mentions, in the order of their first mention.
pub fn group(body: &str, mut found: Vec<Found>, gaz: &Gazetteer, map: &CharMap) -> Vec<Entity> {
    majority_types(body, &mut found);
    person_words_are_persons(body, &mut found);
    let mut groups = Groups::new(found.len());
    join_equal_spellings(body, &found, &mut groups);
    join_gazetteer_aliases(&found, &mut groups);
    join_acronyms(&found, &mut groups);
    join_short_person_forms(body, &found, &mut groups);
    groups
        .members()
        .into_iter()
        .map(|members| entity(body, &found, members, gaz, map))
        .collect()
}

/// One spelling gets one type, the majority (ties go to the type seen first), so a stray
/// ORG tag on a person's surname does not split the person.
fn majority_types(body: &str, found: &mut [Found]) {
    let mut votes: HashMap<&str, Vec<(EntityType, usize)>> = HashMap::new();
    for f in found.iter() {
        let v = votes.entry(&body[f.bytes.clone()]).or_default();
        match v.iter_mut().find(|(k, _)| *k == f.kind) {
            Some((_, n)) => *n += 1,
            None => v.push((f.kind, 1)),
        }
    }
    let majority: HashMap<&str, EntityType> = votes
        .into_iter()
        .map(|(t, v)| {
            let best = v.iter().fold(v[0], |b, &x| if x.1 > b.1 { x } else { b });
            (t, best.0)
        })
        .collect();
    for f in found.iter_mut() {
        f.kind = majority[&body[f.bytes.clone()]];
    }
}

/// A mention made only of words of a known person's name is that person ("Jinping"
/// after "Xi Jinping"), whatever the tagger called it, unless a list says it is a place
/// or organization (it has a gazetteer entry) or it stands for a longer name (an acronym).
fn person_words_are_persons(body: &str, found: &mut [Found]) {
    let person_words: HashSet<&str> = found
        .iter()
        .filter(|f| f.kind == EntityType::Person)
        .flat_map(|f| body[f.bytes.clone()].split_whitespace())
        .collect();
    for f in found.iter_mut() {
        if f.kind != EntityType::Person
            && f.entry.is_none()
            && f.expands.is_none()
            && body[f.bytes.clone()]
                .split_whitespace()
                .all(|w| person_words.contains(&w))
        {
            f.kind = EntityType::Person;
        }
    }
}

/// Mentions of one type written the same way are one entity.
fn join_equal_spellings(body: &str, found: &[Found], groups: &mut Groups) {
    let mut first: HashMap<(u8, &str), usize> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        let j = *first
            .entry((f.kind as u8, &body[f.bytes.clone()]))
            .or_insert(i);
        groups.union(i, j);
    }
}

/// Mentions of one type on the same gazetteer line are one entity: the line lists the
/// spellings of one name ("China" and "Tiongkok").
fn join_gazetteer_aliases(found: &[Found], groups: &mut Groups) {
    let mut first: HashMap<(u8, u32), usize> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        if let Some(e) = f.entry {
            let j = *first.entry((f.kind as u8, e)).or_insert(i);
            groups.union(i, j);
        }
    }
}

/// An acronym introduced after a name ("Mahkamah Konstitusi (MK)") is that name's entity.
fn join_acronyms(found: &[Found], groups: &mut Groups) {
    // Where several mentions cover the same bytes, the last one stands for them.
    let by_bytes: HashMap<(usize, usize), usize> = found
        .iter()
        .enumerate()
        .map(|(i, f)| ((f.bytes.start, f.bytes.end), i))
        .collect();
    for (i, f) in found.iter().enumerate() {
        if let Some(long) = &f.expands {
            if let Some(&j) = by_bytes.get(&(long.start, long.end)) {
                groups.union(i, j);
            }
        }
    }
}

/// A short PERSON form joins the single longer name in the article that contains all its
/// words ("Putin" → "Vladimir Putin"); with two different longer names it stays apart,
/// as it could be either.
fn join_short_person_forms(body: &str, found: &[Found], groups: &mut Groups) {
    let text = |f: &Found| &body[f.bytes.clone()];
    // Mentions of one spelling are already joined, so this compares distinct spellings
    // only, and finds candidates through a word index: an article quoting one name ten
    // thousand times must not cost ten thousand squared comparisons.
    let mut spellings: Vec<(Vec<&str>, usize)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, f) in found.iter().enumerate() {
        if f.kind == EntityType::Person && seen.insert(text(f)) {
            spellings.push((text(f).split_whitespace().collect(), i));
        }
    }
    // Longest first: once "Budi Santoso" has joined "Budi Santoso Putra", a later "Budi"
    // sees one person where it would otherwise see two and stay apart.
    spellings.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (s, (words, _)) in spellings.iter().enumerate() {
        for w in words {
            let list = by_word.entry(w).or_default();
            if list.last() != Some(&s) {
                list.push(s);
            }
        }
    }
    for (short, rep) in &spellings {
        let Some(first) = short.first() else { continue };
        let mut target: Option<usize> = None;
        let mut ambiguous = false;
        for &l in &by_word[first] {
            let (long, long_rep) = &spellings[l];
            if long.len() > short.len() && short.iter().all(|w| long.contains(w)) {
                let root = groups.find(*long_rep);
                match target {
                    Some(t) if groups.find(t) != root => ambiguous = true,
                    _ => target = Some(*long_rep),
                }
            }
        }
        if let (Some(t), false) = (target, ambiguous) {
            groups.union(*rep, t);
        }
    }
}

/// The entity of one group of mentions. Its name: a person's longest spelling (the full
/// name); else the gazetteer's name for its line; else the long form an acronym stands
/// for; else the longest spelling. The other spellings are its aliases, and every role
/// written before a mention is its role, each once.
fn entity(
    body: &str,
    found: &[Found],
    mut members: Vec<usize>,
    gaz: &Gazetteer,
    map: &CharMap,
) -> Entity {
    let text = |f: &Found| &body[f.bytes.clone()];
    members.sort_by_key(|&i| found[i].bytes.start);
    let kind = found[members[0]].kind;
    let entry = members.iter().find_map(|&i| found[i].entry);
    let expanded = members.iter().find_map(|&i| {
        found[i]
            .expands
            .as_ref()
            .map(|r| body[r.clone()].to_string())
    });
    let longest = members.iter().map(|&i| text(&found[i])).fold("", |b, t| {
        if t.chars().count() > b.chars().count() {
            t
        } else {
            b
        }
    });
    let name = match (kind, entry, expanded) {
        (EntityType::Person, _, _) => longest.to_string(),
        (_, Some(e), _) => gaz.canonical(e).to_string(),
        (_, None, Some(long)) => long,
        _ => longest.to_string(),
    };
    let mut aliases: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mentions = members
        .iter()
        .map(|&i| {
            let f = &found[i];
            let t = text(f);
            if t != name && !aliases.iter().any(|a| a == t) {
                aliases.push(t.to_string());
            }
            for r in &f.roles {
                if !roles.contains(r) {
                    roles.push(r.clone());
                }
            }
            Mention {
                text: t.to_string(),
                start: map.chars(f.bytes.start),
                end: map.chars(f.bytes.end),
            }
        })
        .collect::<Vec<_>>();
    Entity {
        name,
        kind,
        count: mentions.len(),
        mentions,
        aliases,
        roles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(body: &str, needle: &str, nth: usize, kind: EntityType) -> Found {
        let start = body.match_indices(needle).nth(nth).unwrap().0;
        Found {
            kind,
            bytes: start..start + needle.len(),
            entry: None,
            roles: Vec::new(),
            expands: None,
        }
    }

    #[test]
    fn short_person_forms_join_the_longest_and_types_follow_the_majority() {
        let body = "Vladimir Putin bicara. Putin senang. Putin pergi. Putin ke Rusia.";
        let found = vec![
            f(body, "Vladimir Putin", 0, EntityType::Person),
            f(body, "Putin", 1, EntityType::Person),
            f(body, "Putin", 2, EntityType::Organization),
            f(body, "Putin", 3, EntityType::Person),
            f(body, "Rusia", 0, EntityType::Location),
        ];
        let map = CharMap::new(body);
        let e = group(body, found, &Gazetteer::new(), &map);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].name, "Vladimir Putin");
        assert_eq!(e[0].count, 4);
        assert_eq!(e[0].aliases, vec!["Putin"]);
        assert_eq!(e[1].kind, EntityType::Location);
    }

    #[test]
    fn ambiguous_short_form_stays_apart() {
        let body = "Joko Widodo dan Ani Widodo. Widodo pergi.";
        let found = vec![
            f(body, "Joko Widodo", 0, EntityType::Person),
            f(body, "Ani Widodo", 0, EntityType::Person),
            f(body, "Widodo", 2, EntityType::Person),
        ];
        let e = group(body, found, &Gazetteer::new(), &CharMap::new(body));
        assert_eq!(e.len(), 3);
    }

    /// The groups of `found` after `join`, as the mentions' texts.
    fn joined(body: &str, found: &[Found], join: impl Fn(&mut Groups)) -> Vec<Vec<String>> {
        let mut groups = Groups::new(found.len());
        join(&mut groups);
        groups
            .members()
            .into_iter()
            .map(|m| {
                m.iter()
                    .map(|&i| body[found[i].bytes.clone()].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn groups_are_rooted_at_their_lowest_member_whatever_the_join_order() {
        let mut a = Groups::new(4);
        a.union(3, 1);
        a.union(1, 2);
        let mut b = Groups::new(4);
        b.union(2, 1);
        b.union(2, 3);
        assert_eq!(a.members(), vec![vec![0], vec![1, 2, 3]]);
        assert_eq!(b.members(), a.members());
        assert_eq!(a.find(3), 1);
    }

    #[test]
    fn a_spelling_takes_its_majority_type_and_the_first_on_a_tie() {
        let body = "Putin Putin Putin Sinar Sinar";
        let mut found = vec![
            f(body, "Putin", 0, EntityType::Organization),
            f(body, "Putin", 1, EntityType::Person),
            f(body, "Putin", 2, EntityType::Person),
            f(body, "Sinar", 0, EntityType::Location),
            f(body, "Sinar", 1, EntityType::Organization),
        ];
        majority_types(body, &mut found);
        let kinds: Vec<EntityType> = found.iter().map(|f| f.kind).collect();
        use EntityType::{Location, Person};
        assert_eq!(kinds, [Person, Person, Person, Location, Location]);
    }

    #[test]
    fn words_of_a_persons_name_are_that_person_unless_listed_or_an_acronym() {
        let body = "Xi Jinping datang. Jinping senang. Xi Jinping pergi.";
        let mut listed = f(body, "Xi Jinping", 1, EntityType::Location);
        listed.entry = Some(0);
        let acronym = Found {
            expands: Some(0..2),
            ..f(body, "Jinping", 2, EntityType::Organization)
        };
        let mut found = vec![
            f(body, "Xi Jinping", 0, EntityType::Person),
            f(body, "Jinping", 1, EntityType::Organization),
            listed,
            acronym,
        ];
        person_words_are_persons(body, &mut found);
        assert_eq!(found[1].kind, EntityType::Person);
        assert_eq!(found[2].kind, EntityType::Location);
        assert_eq!(found[3].kind, EntityType::Organization);
    }

    #[test]
    fn equal_spellings_of_one_type_join() {
        let body = "Andi, Andi, Andi";
        let found = vec![
            f(body, "Andi", 0, EntityType::Person),
            f(body, "Andi", 1, EntityType::Organization),
            f(body, "Andi", 2, EntityType::Person),
        ];
        let got = joined(body, &found, |g| join_equal_spellings(body, &found, g));
        assert_eq!(got, [vec!["Andi", "Andi"], vec!["Andi"]]);
    }

    #[test]
    fn spellings_on_one_gazetteer_line_join() {
        let body = "China dan Tiongkok dan Jepang";
        let listed = |needle, entry| Found {
            entry: Some(entry),
            ..f(body, needle, 0, EntityType::Location)
        };
        let found = vec![
            listed("China", 7),
            listed("Tiongkok", 7),
            listed("Jepang", 8),
        ];
        let got = joined(body, &found, |g| join_gazetteer_aliases(&found, g));
        assert_eq!(got, [vec!["China", "Tiongkok"], vec!["Jepang"]]);
    }

    #[test]
    fn an_acronym_joins_the_name_it_expands() {
        let body = "Mahkamah Konstitusi (MK) dan KPK";
        let long = f(body, "Mahkamah Konstitusi", 0, EntityType::Organization);
        let acronym = Found {
            expands: Some(long.bytes.clone()),
            ..f(body, "MK", 0, EntityType::Organization)
        };
        let found = vec![long, acronym, f(body, "KPK", 0, EntityType::Organization)];
        let got = joined(body, &found, |g| join_acronyms(&found, g));
        assert_eq!(got, [vec!["Mahkamah Konstitusi", "MK"], vec!["KPK"]]);
    }

    #[test]
    fn a_short_form_joins_through_the_longest_name_first() {
        let body = "Budi Santoso Putra. Budi Santoso. Budi.";
        let found = vec![
            f(body, "Budi", 2, EntityType::Person),
            f(body, "Budi Santoso", 1, EntityType::Person),
            f(body, "Budi Santoso Putra", 0, EntityType::Person),
        ];
        let got = joined(body, &found, |g| join_short_person_forms(body, &found, g));
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn an_entity_is_named_by_its_list_or_its_long_form_and_keeps_each_role_once() {
        let body = "China, Tiongkok. Mahkamah Konstitusi (MK). Presiden Budi, Presiden Budi.";
        let gaz = Gazetteer::new();
        let toks = crate::stages::entities::tokens::tokenize("China", 0);
        let entry = gaz.hits("China", &toks).0[0].entry;
        let map = CharMap::new(body);
        let listed = |needle| Found {
            entry: Some(entry),
            ..f(body, needle, 0, EntityType::Location)
        };
        let found = vec![listed("Tiongkok"), listed("China")];
        let e = entity(body, &found, vec![0, 1], &gaz, &map);
        assert_eq!(
            (e.name.as_str(), e.aliases.as_slice()),
            ("Tiongkok", &["China".to_string()][..])
        );
        let long = f(body, "Mahkamah Konstitusi", 0, EntityType::Organization);
        let acronym = Found {
            expands: Some(long.bytes.clone()),
            ..f(body, "MK", 0, EntityType::Organization)
        };
        let e = entity(body, &[acronym], vec![0], &gaz, &map);
        assert_eq!(e.name, "Mahkamah Konstitusi");
        let titled = |nth| Found {
            roles: vec!["Presiden".to_string()],
            ..f(body, "Budi", nth, EntityType::Person)
        };
        let e = entity(body, &[titled(0), titled(1)], vec![1, 0], &gaz, &map);
        assert_eq!(
            (e.count, e.roles.as_slice()),
            (2, &["Presiden".to_string()][..])
        );
        assert!(e.mentions[0].start < e.mentions[1].start);
    }
}
