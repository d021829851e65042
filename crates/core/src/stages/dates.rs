//! Dates, in two places. The published-at string comes in whatever form the site prints
//! ("Diperbarui 18 Jun 2025, 14:05 WIB", "Kompas.com- 18/06/2025, 21:35 WIB",
//! "10/21/2025 20:43") and is normalized to ISO 8601 with an offset, WIB (+07:00) when
//! none is given, since these outlets publish on Jakarta time. Inside the body, date
//! mentions ("Senin, 24 Februari 2025", "(16/6/2025)") are found with their spans.

use chrono::{Datelike, Days, FixedOffset, Months, NaiveDate, NaiveTime, TimeZone};
use regex::{Captures, Regex};

use crate::output::DateMention;
use crate::span::CharMap;

/// Month spellings, Indonesian and English, full names before their abbreviations so a
/// leftmost-first alternation takes the longest.
const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("january", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("maret", 3),
    ("march", 3),
    ("april", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("juli", 7),
    ("july", 7),
    ("agustus", 8),
    ("august", 8),
    ("september", 9),
    ("sept", 9),
    ("oktober", 10),
    ("october", 10),
    ("november", 11),
    ("nopember", 11),
    ("desember", 12),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("sep", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("des", 12),
    ("dec", 12),
];

const WIB_HOURS: i32 = 7;

fn month_alternation() -> String {
    MONTHS.iter().map(|(m, _)| *m).collect::<Vec<_>>().join("|")
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == lower).map(|&(_, n)| n)
}

/// Compiled patterns for both jobs; built once.
pub struct DateRules {
    iso: Regex,
    day_month_year: Regex,
    month_day_year: Regex,
    numeric: Regex,
    time: Regex,
    zone: Regex,
    mention_text: Regex,
    mention_english: Regex,
    mention_numeric: Regex,
    mention_time: Regex,
    mention_relative: Regex,
    english_relative: Regex,
}

impl Default for DateRules {
    fn default() -> Self {
        Self::new()
    }
}

fn num(caps: &Captures, name: &str) -> Option<u32> {
    caps.name(name)?.as_str().parse().ok()
}

impl DateRules {
    pub fn new() -> DateRules {
        let months = month_alternation();
        // Word boundaries are ASCII ones: with Unicode `\b` the regex crate's fast DFA
        // gives up on any text that is not ASCII (a curly quote is enough) and scans with
        // its slow engines instead. Every date form begins and ends with an ASCII digit
        // or letter, so only a non-ASCII letter glued to a date would read differently.
        let re = |p: &str| Regex::new(&p.replace(r"\b", r"(?-u:\b)")).expect("date pattern");
        DateRules {
            iso: re(
                r"(?i)^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[t ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?)?\s*(?P<z>z|[+-]\d{2}(?::?\d{2})?|wib|wita|wit|utc|gmt)?$",
            ),
            day_month_year: re(&format!(
                r"(?i)\b(?P<d>\d{{1,2}})\s+(?P<m>{months})\.?,?\s+(?P<y>\d{{4}})\b"
            )),
            month_day_year: re(&format!(
                r"(?i)\b(?P<m>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"
            )),
            numeric: re(r"\b(?P<a>\d{1,2})[/-](?P<b>\d{1,2})[/-](?P<y>\d{4})\b(?P<comma>,)?"),
            time: re(
                r"(?i)\b(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?",
            ),
            zone: re(
                r"(?i)\b(?P<name>wib|wita|wit|utc|gmt)\b(?P<off>[+-]\d{1,2}(?::?\d{2})?)?|(?P<num>[+-]\d{2}:?\d{2})\b",
            ),
            mention_text: re(&format!(
                r"(?:\b(?P<wd>Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad),?\s+)?\b(?P<d>\d{{1,2}})\s+(?P<m>(?i:{months}))\b\.?\s+(?P<y>\d{{4}})\b"
            )),
            mention_english: re(&format!(
                r"(?:\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?\b(?P<m>(?i:{months}))\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s+(?P<y>\d{{4}}))?\b"
            )),
            mention_numeric: re(
                r"(?P<wd>\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)\s*)?\((?P<inner>(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?)\)",
            ),
            mention_time: re(r"\b[Pp]ukul\s+\d{1,2}[.:]\d{2}(?:\s*(?:WIB|WITA|WIT)\b)?"),
            english_relative: re(
                r"\b(?:(?P<dir>(?i:next|last|this))\s+(?P<unit>(?i:week|month|year))|(?P<day>(?i:yesterday|today|tomorrow))|(?:(?P<wdir>(?i:next|last|this))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?)\b",
            ),
            mention_relative: re(&format!(
                r"(?i)\b(?:(?P<m>{months})\s+(?P<mdir>lalu|mendatang|depan)|(?P<unit>pekan|minggu|bulan|tahun)\s+(?P<dir>lalu|depan|mendatang)|(?P<day>kemarin|besok|hari ini))\b"
            )),
        }
    }

    fn offset_hours(&self, text: &str) -> Option<FixedOffset> {
        let caps = self.zone.captures(text)?;
        let parse_num = |s: &str| -> Option<i32> {
            let sign = if s.starts_with('-') { -1 } else { 1 };
            let digits: String = s[1..].chars().filter(|c| c.is_ascii_digit()).collect();
            let (h, m) = if digits.len() > 2 {
                (
                    digits[..2].parse::<i32>().ok()?,
                    digits[2..].parse::<i32>().ok()?,
                )
            } else {
                (digits.parse::<i32>().ok()?, 0)
            };
            Some(sign * (h * 3600 + m * 60))
        };
        let secs = if let Some(name) = caps.name("name") {
            let base = match name.as_str().to_lowercase().as_str() {
                "wib" => WIB_HOURS * 3600,
                "wita" => 8 * 3600,
                "wit" => 9 * 3600,
                _ => 0,
            };
            base + caps
                .name("off")
                .and_then(|o| parse_num(o.as_str()))
                .unwrap_or(0)
        } else {
            parse_num(caps.name("num")?.as_str())?
        };
        FixedOffset::east_opt(secs)
    }

    fn format(date: NaiveDate, time: NaiveTime, offset: Option<FixedOffset>) -> Option<String> {
        let tz = offset.or_else(|| FixedOffset::east_opt(WIB_HOURS * 3600))?;
        let dt = tz.from_local_datetime(&date.and_time(time)).single()?;
        Some(dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string())
    }

    pub fn parse_published(&self, raw: &str) -> Option<String> {
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(c) = self.iso.captures(&text) {
            let date = NaiveDate::from_ymd_opt(num(&c, "y")? as i32, num(&c, "m")?, num(&c, "d")?)?;
            let time = NaiveTime::from_hms_opt(
                num(&c, "h").unwrap_or(0),
                num(&c, "mi").unwrap_or(0),
                num(&c, "s").unwrap_or(0),
            )?;
            let offset = match c.name("z").map(|z| z.as_str()) {
                Some("z" | "Z") => FixedOffset::east_opt(0),
                Some(z) => self.offset_hours(z),
                None => None,
            };
            return Self::format(date, time, offset);
        }
        let (date, rest) = self.find_date(&text)?;
        let time = match self.time.captures(rest) {
            Some(c) => {
                let mut h = num(&c, "h")?;
                if let Some(ampm) = c.name("ampm") {
                    let pm = ampm.as_str().to_lowercase().starts_with('p');
                    h = match (h, pm) {
                        (12, false) => 0,
                        (h, true) if h < 12 => h + 12,
                        (h, _) => h,
                    };
                }
                NaiveTime::from_hms_opt(h, num(&c, "mi")?, num(&c, "s").unwrap_or(0))?
            }
            None => NaiveTime::MIN,
        };
        Self::format(date, time, self.offset_hours(rest))
    }

    /// The first date in a published-at string and the text after it (time and zone).
    fn find_date<'t>(&self, text: &'t str) -> Option<(NaiveDate, &'t str)> {
        let ymd = |y: u32, m: u32, d: u32| NaiveDate::from_ymd_opt(y as i32, m, d);
        if let Some(c) = self.day_month_year.captures(text) {
            let date = ymd(num(&c, "y")?, month_number(&c["m"])?, num(&c, "d")?)?;
            return Some((date, &text[c.get(0)?.end()..]));
        }
        if let Some(c) = self.month_day_year.captures(text) {
            let date = ymd(num(&c, "y")?, month_number(&c["m"])?, num(&c, "d")?)?;
            return Some((date, &text[c.get(0)?.end()..]));
        }
        let c = self.numeric.captures(text)?;
        let rest = &text[c.get(0)?.end()..];
        let (a, b, y) = (num(&c, "a")?, num(&c, "b")?, num(&c, "y")?);
        // Indonesian sites print day/month ("18/06/2025, 21:35 WIB"); the bare
        // "10/21/2025 20:43" export is month/day. An impossible reading decides; otherwise
        // a zone name or a comma after the date marks the Indonesian style.
        let day_first = if a > 12 {
            true
        } else if b > 12 {
            false
        } else {
            c.name("comma").is_some() || self.zone.is_match(rest)
        };
        let date = if day_first {
            ymd(y, b, a)
        } else {
            ymd(y, a, b)
        }?;
        Some((date, rest))
    }

    /// Date mentions in the body, in order, without overlaps. `published` (ISO 8601, as
    /// [`DateRules::parse_published`] gives it) anchors relative forms and year-less dates; without
    /// it their value is null. Months resolve to `YYYY-MM`, weeks to ISO `YYYY-Www`,
    /// years to `YYYY` (ISO 8601 reduced precision); a bare clock time has no date.
    /// English articles (`language` "en") also get the English forms: "March 3" without
    /// a year, weekdays ("on Tuesday night", "last Friday") and "next week", "last
    /// month", "yesterday" (see [`english_relative`]).
    pub fn mentions(
        &self,
        body: &str,
        map: &CharMap,
        published: Option<&str>,
        language: Option<&str>,
    ) -> Vec<DateMention> {
        let english = language == Some("en");
        let anchor = published
            .and_then(|p| p.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut found: Vec<(usize, usize, Option<String>)> = Vec::new();
        let iso = |y: Option<u32>, m: Option<u32>, d: Option<u32>| {
            NaiveDate::from_ymd_opt(y? as i32, m?, d?).map(|d| d.format("%Y-%m-%d").to_string())
        };
        for c in self.mention_text.captures_iter(body) {
            let Some(all) = c.get(0) else { continue };
            let value = iso(num(&c, "y"), month_number(&c["m"]), num(&c, "d"));
            found.push((all.start(), all.end(), value));
        }
        for c in self.mention_english.captures_iter(body) {
            let Some(all) = c.get(0) else { continue };
            let year = num(&c, "y");
            // "March 3" without a year is English only, written with a capital ("may 5"
            // is a verb and a number), and takes the publish date's year.
            if year.is_none() && (!english || !c["m"].starts_with(char::is_uppercase)) {
                continue;
            }
            let value = match year {
                Some(_) => iso(year, month_number(&c["m"]), num(&c, "d")),
                None => anchor.and_then(|a| nearest_year(a, month_number(&c["m"])?, num(&c, "d")?)),
            };
            found.push((all.start(), all.end(), value));
        }
        if english {
            for c in self.english_relative.captures_iter(body) {
                let Some(all) = c.get(0) else { continue };
                let value = anchor.and_then(|a| english_relative(&c, a));
                found.push((all.start(), all.end(), value));
            }
        }
        for c in self.mention_numeric.captures_iter(body) {
            let (Some(inner), Some(all)) = (c.name("inner"), c.get(0)) else {
                continue;
            };
            let year = num(&c, "y").or_else(|| anchor.map(|a| a.year() as u32));
            let value = iso(year, num(&c, "m"), num(&c, "d"));
            // "Senin (16/6/2025)" is one mention; a bare "(16/6/2025)" is its inside.
            let (s, e) = if c.name("wd").is_some() {
                (all.start(), all.end())
            } else {
                (inner.start(), inner.end())
            };
            found.push((s, e, value));
        }
        for m in self.mention_time.find_iter(body) {
            found.push((m.start(), m.end(), None));
        }
        for c in self.mention_relative.captures_iter(body) {
            let Some(all) = c.get(0) else { continue };
            let value = anchor.and_then(|a| relative(&c, a));
            found.push((all.start(), all.end(), value));
        }
        found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut out: Vec<DateMention> = Vec::new();
        let mut last_end = 0;
        for (s, e, value) in found {
            if s < last_end {
                continue;
            }
            last_end = e;
            out.push(DateMention {
                text: body[s..e].to_string(),
                start: map.chars(s),
                end: map.chars(e),
                value,
            });
        }
        out
    }
}

/// A month and day without a year, as the date of that day nearest to `anchor`: "March
/// 3" in an article of March 5 is this year's, "December 30" in one of January 2 last
/// year's.
fn nearest_year(anchor: NaiveDate, month: u32, day: u32) -> Option<String> {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// Value of an English relative mention from the publish date `anchor`: "next week" and
/// "last week" are the ISO weeks after and before the anchor's ("this week" its own),
/// months and years alike; "yesterday", "today", "tomorrow" the days around it. A weekday
/// alone ("on Tuesday", "Tuesday night") is the latest such day on or before the anchor,
/// as news mostly reports what happened; "last Tuesday" is the latest before it, "next
/// Tuesday" the first after it and "this Tuesday" the one of the anchor's week.
fn english_relative(c: &Captures, anchor: NaiveDate) -> Option<String> {
    if let (Some(dir), Some(unit)) = (c.name("dir"), c.name("unit")) {
        let step: i64 = match dir.as_str().to_lowercase().as_str() {
            "next" => 1,
            "last" => -1,
            _ => 0,
        };
        return match unit.as_str().to_lowercase().as_str() {
            "week" => {
                let d = anchor.checked_add_signed(chrono::Duration::days(7 * step))?;
                let w = d.iso_week();
                Some(format!("{:04}-W{:02}", w.year(), w.week()))
            }
            "month" => {
                let d = match step {
                    1 => anchor.checked_add_months(Months::new(1))?,
                    -1 => anchor.checked_sub_months(Months::new(1))?,
                    _ => anchor,
                };
                Some(d.format("%Y-%m").to_string())
            }
            _ => Some(format!("{:04}", anchor.year() + step as i32)),
        };
    }
    if let Some(day) = c.name("day") {
        let d = match day.as_str().to_lowercase().as_str() {
            "yesterday" => anchor.checked_sub_days(Days::new(1))?,
            "tomorrow" => anchor.checked_add_days(Days::new(1))?,
            _ => anchor,
        };
        return Some(d.format("%Y-%m-%d").to_string());
    }
    let wd = c.name("wd")?.as_str();
    let target = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .iter()
    .position(|d| *d == wd)? as i64;
    let today = i64::from(anchor.weekday().num_days_from_monday());
    let back = (today - target).rem_euclid(7);
    let offset = match c.name("wdir").map(|d| d.as_str().to_lowercase()) {
        Some(d) if d == "next" => 7 - back,
        Some(d) if d == "last" && back == 0 => -7,
        // "this Friday": the Friday of the anchor's own week, Monday to Sunday.
        Some(d) if d == "this" => target - today,
        _ => -back,
    };
    let d = anchor.checked_add_signed(chrono::Duration::days(offset))?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// Value of a relative mention ("September lalu", "pekan depan", "kemarin") from the
/// publish date.
fn relative(c: &Captures, anchor: NaiveDate) -> Option<String> {
    let forward = |d: &str| !d.eq_ignore_ascii_case("lalu");
    if let (Some(m), Some(dir)) = (c.name("m"), c.name("mdir")) {
        let month = month_number(m.as_str())?;
        let mut year = anchor.year();
        if forward(dir.as_str()) && month <= anchor.month() {
            year += 1;
        } else if !forward(dir.as_str()) && month >= anchor.month() {
            year -= 1;
        }
        return Some(format!("{year:04}-{month:02}"));
    }
    if let (Some(unit), Some(dir)) = (c.name("unit"), c.name("dir")) {
        let fwd = forward(dir.as_str());
        return match unit.as_str().to_lowercase().as_str() {
            "pekan" | "minggu" => {
                let d = if fwd {
                    anchor.checked_add_days(Days::new(7))?
                } else {
                    anchor.checked_sub_days(Days::new(7))?
                };
                let w = d.iso_week();
                Some(format!("{:04}-W{:02}", w.year(), w.week()))
            }
            "bulan" => {
                let d = if fwd {
                    anchor.checked_add_months(Months::new(1))?
                } else {
                    anchor.checked_sub_months(Months::new(1))?
                };
                Some(d.format("%Y-%m").to_string())
            }
            _ => Some(format!("{:04}", anchor.year() + if fwd { 1 } else { -1 })),
        };
    }
    let day = match c.name("day")?.as_str().to_lowercase().as_str() {
        "kemarin" => anchor.checked_sub_days(Days::new(1))?,
        "besok" => anchor.checked_add_days(Days::new(1))?,
        _ => anchor,
    };
    Some(day.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each mention's text and value, for comparing with the expected ones.
    fn texts_and_values(m: &[DateMention]) -> Vec<(&str, Option<&str>)> {
        m.iter()
            .map(|d| (d.text.as_str(), d.value.as_deref()))
            .collect()
    }

    fn p(s: &str) -> Option<String> {
        DateRules::new().parse_published(s)
    }

    /// Each publish-date string parses to its expected timestamp.
    fn expect_parsed(cases: &[(&str, &str)]) {
        for (input, want) in cases {
            assert_eq!(p(input).as_deref(), Some(*want), "parsing {input:?}");
        }
    }

    #[test]
    fn indonesian_forms_seen_in_the_data() {
        expect_parsed(&[
            ("Senin, 24 Februari 2025", "2025-02-24T00:00:00+07:00"),
            ("18 Jun 2025, 14:05 WIB", "2025-06-18T14:05:00+07:00"),
            (
                "Diperbarui 18 Jun 2025, 14:05 WIB",
                "2025-06-18T14:05:00+07:00",
            ),
            ("Senin, 16 Jun 2025 20:45 WIB", "2025-06-16T20:45:00+07:00"),
            ("Rabu   18 Jun 2025  14:00 WIB", "2025-06-18T14:00:00+07:00"),
            (
                ",\u{a0}Jurnalis-Rabu, 18 Juni 2025 |20:27 WIB",
                "2025-06-18T20:27:00+07:00",
            ),
            ("18 Juni 2025 | 14.30 WIB", "2025-06-18T14:30:00+07:00"),
            (
                "Kompas.com- 18/06/2025, 21:35 WIB",
                "2025-06-18T21:35:00+07:00",
            ),
            (
                "Kompas.com- 05/06/2025, 21:35 WIB",
                "2025-06-05T21:35:00+07:00",
            ),
            ("Sabtu, 14 Mei  2025 09:00 WIB", "2025-05-14T09:00:00+07:00"),
            ("Rabu, 10 Des 2025 09:00 WIB", "2025-12-10T09:00:00+07:00"),
        ]);
    }

    #[test]
    fn month_day_year_export() {
        expect_parsed(&[
            ("10/21/2025 20:43", "2025-10-21T20:43:00+07:00"),
            ("6/5/2025 9:05", "2025-06-05T09:05:00+07:00"),
        ]);
    }

    #[test]
    fn zones_and_iso() {
        expect_parsed(&[
            ("18 Jun 2025 14:05 WITA", "2025-06-18T14:05:00+08:00"),
            ("18 Jun 2025 14:05 WIT", "2025-06-18T14:05:00+09:00"),
            ("2025-06-18 14:05:00", "2025-06-18T14:05:00+07:00"),
            ("2025-06-18T14:05:00Z", "2025-06-18T14:05:00+00:00"),
            ("2025-06-18T14:05:00.123+0700", "2025-06-18T14:05:00+07:00"),
            ("2025-06-18", "2025-06-18T00:00:00+07:00"),
            ("June 18, 2025 2:05 PM", "2025-06-18T14:05:00+07:00"),
        ]);
    }

    #[test]
    fn garbage_is_none() {
        assert_eq!(p("kemarin sore"), None);
        assert_eq!(p("31 Februari 2025"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn mentions_in_body() {
        let body = "Saat Senin, 24 Februari 2025, Xi bicara. Lalu Selasa (16/6/2025) dan 3 Mei 2024 serta June 5, 2024.";
        let map = CharMap::new(body);
        let m = DateRules::new().mentions(body, &map, None, None);
        let got = texts_and_values(&m);
        assert_eq!(
            got,
            vec![
                ("Senin, 24 Februari 2025", Some("2025-02-24")),
                ("Selasa (16/6/2025)", Some("2025-06-16")),
                ("3 Mei 2024", Some("2024-05-03")),
                ("June 5, 2024", Some("2024-06-05")),
            ]
        );
        assert_eq!(m[0].start, 5);
    }

    #[test]
    fn weekday_numeric_times_and_relative_forms() {
        let body = "Rapat Senin (16/6/2025) dan Selasa (21/10) pukul 16.00 WIB. September lalu ia datang; pekan depan, bulan lalu, Maret mendatang, kemarin.";
        let map = CharMap::new(body);
        let m = DateRules::new().mentions(body, &map, Some("2025-02-24T10:00:00+07:00"), None);
        let got = texts_and_values(&m);
        assert_eq!(
            got,
            vec![
                ("Senin (16/6/2025)", Some("2025-06-16")),
                ("Selasa (21/10)", Some("2025-10-21")),
                ("pukul 16.00 WIB", None),
                ("September lalu", Some("2024-09")),
                ("pekan depan", Some("2025-W10")),
                ("bulan lalu", Some("2025-01")),
                ("Maret mendatang", Some("2025-03")),
                ("kemarin", Some("2025-02-23")),
            ]
        );
        let unanchored = DateRules::new().mentions(body, &map, None, None);
        assert_eq!(unanchored[1].value, None);
        assert_eq!(unanchored[3].value, None);
    }

    #[test]
    fn english_forms_resolve_against_the_publish_date() {
        // Published on Wednesday 2025-03-05.
        let body = "On Tuesday night the Senate met, and on March 3 it voted. Talks resume next week, \
                    after last month's deal; yesterday and today were quiet. They meet next Monday, \
                    not last Wednesday, and 3 March 2025 is also a date. Officials may 5 times say so. It closed on \
                    Friday, March 7, 2025.";
        let map = CharMap::new(body);
        let published = Some("2025-03-05T10:00:00+00:00");
        let m = DateRules::new().mentions(body, &map, published, Some("en"));
        let got = texts_and_values(&m);
        assert_eq!(
            got,
            vec![
                ("Tuesday night", Some("2025-03-04")),
                ("March 3", Some("2025-03-03")),
                ("next week", Some("2025-W11")),
                ("last month", Some("2025-02")),
                ("yesterday", Some("2025-03-04")),
                ("today", Some("2025-03-05")),
                ("next Monday", Some("2025-03-10")),
                ("last Wednesday", Some("2025-02-26")),
                ("3 March 2025", Some("2025-03-03")),
                ("Friday, March 7, 2025", Some("2025-03-07")),
            ]
        );
        // The English forms are for English articles only; an Indonesian one keeps
        // "3 March 2025" alone.
        let id = DateRules::new().mentions(body, &map, published, Some("id"));
        let texts: Vec<&str> = id.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["3 March 2025", "Friday, March 7, 2025"]);
        // "this Friday" is the Friday of the publish date's week; a day without a year
        // is the one nearest the publish date, across a year's end too.
        let body = "They meet this Friday; the vote was on December 30.";
        let map = CharMap::new(body);
        let m =
            DateRules::new().mentions(body, &map, Some("2026-01-02T08:00:00+00:00"), Some("en"));
        let got = texts_and_values(&m);
        assert_eq!(
            got,
            vec![
                ("this Friday", Some("2026-01-02")),
                ("December 30", Some("2025-12-30"))
            ]
        );
    }
}
