//! In-article resolution: mentions that name the same referent become one entity.
//! Rules, in order: one spelling gets one type (the majority, so a stray ORG tag on a
//! person's surname does not split them); equal spellings join; gazetteer aliases join
//! ("China" and "Tiongkok"); an acronym joins the name it was introduced with; a short
//! PERSON form joins the one longer name in the article that contains all its words
//! ("Putin" → "Vladimir Putin"), unless two different longer names would fit.

use std::collections::{HashMap, HashSet};

use super::gazetteer::Gazetteer;
use super::Found;
use crate::output::{Entity, EntityType, Mention};
use crate::span::CharMap;

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[allow(clippy::needless_range_loop)] // union-find indexes several arrays at once
pub fn group(body: &str, mut found: Vec<Found>, gaz: &Gazetteer, map: &CharMap) -> Vec<Entity> {
    let text = |f: &Found| &body[f.bytes.clone()];
    // Majority type per spelling; ties go to the type seen first.
    let mut votes: HashMap<&str, Vec<(EntityType, usize)>> = HashMap::new();
    for f in &found {
        let v = votes.entry(text(f)).or_default();
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
    let kinds: Vec<EntityType> = found.iter().map(|f| majority[text(f)]).collect();
    for (f, k) in found.iter_mut().zip(kinds) {
        f.kind = k;
    }

    // A lone word of a known person's name is that person ("Jinping" after "Xi Jinping"),
    // whatever the tagger called it, unless a list says it is a place or organization.
    let person_words: HashSet<&str> = found
        .iter()
        .filter(|f| f.kind == EntityType::Person)
        .flat_map(|f| text(f).split_whitespace())
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

    let n = found.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut by_text: HashMap<(u8, &str), usize> = HashMap::new();
    let mut by_entry: HashMap<(u8, u32), usize> = HashMap::new();
    let mut by_bytes: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        by_bytes.insert((f.bytes.start, f.bytes.end), i);
    }
    for i in 0..n {
        let f = &found[i];
        if let Some(&j) = by_text.get(&(f.kind as u8, text(f))) {
            union(&mut parent, i, j);
        } else {
            by_text.insert((f.kind as u8, text(f)), i);
        }
        if let Some(e) = f.entry {
            if let Some(&j) = by_entry.get(&(f.kind as u8, e)) {
                union(&mut parent, i, j);
            } else {
                by_entry.insert((f.kind as u8, e), i);
            }
        }
        if let Some(long) = &f.expands {
            if let Some(&j) = by_bytes.get(&(long.start, long.end)) {
                union(&mut parent, i, j);
            }
        }
    }
    // Short person forms join the single longer name that contains all their words.
    // Mentions of one spelling are already joined above, so this compares distinct
    // spellings only, and finds candidates through a word index: an article quoting one
    // name ten thousand times must not cost ten thousand squared comparisons.
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
                let root = find(&mut parent, *long_rep);
                match target {
                    Some(t) if find(&mut parent, t) != root => ambiguous = true,
                    _ => target = Some(*long_rep),
                }
            }
        }
        if let (Some(t), false) = (target, ambiguous) {
            union(&mut parent, *rep, t);
        }
    }

    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = *slot.entry(r).or_insert_with(|| {
            groups.push((r, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(i);
    }
    groups
        .into_iter()
        .map(|(_, mut members)| {
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
        })
        .collect()
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
}
