//! Date expressions normalised against the publication date.

use newsgraph_doc::{ByteSpan, TokenKind};

use crate::{word, Word};

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Day {
    pub y: i64,
    pub m: u32,
    pub d: u32,
}

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` of year `y` (0 for a month that does not exist).
pub(crate) fn month_len(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// The day, if it exists.
    pub(crate) fn new(y: i64, m: u32, d: u32) -> Option<Self> {
        (d >= 1 && d <= month_len(y, m) && (1..=9999).contains(&y)).then_some(Self { y, m, d })
    }

    /// Parses the leading `YYYY-MM-DD` of an ISO date or date-time.
    pub(crate) fn parse_iso(s: &str) -> Option<Self> {
        let y = s.get(0..4)?.parse().ok()?;
        if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
            return None;
        }
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Self::new(y, m, d)
    }

    /// Days since 1970-01-01.
    fn ordinal(self) -> i64 {
        let y = if self.m <= 2 { self.y - 1 } else { self.y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_ordinal(z: i64) -> Self {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Self { y, m, d }
    }

    /// The day `n` days later (earlier when negative).
    pub(crate) fn plus(self, n: i64) -> Self {
        Self::from_ordinal(self.ordinal() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub(crate) fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.ordinal() + 3).rem_euclid(7) as u32
    }

    /// `YYYY-MM-DD`.
    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// The month numbered by a (lower-case) month name or abbreviation.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let m = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The weekday (0 = Monday) named by a lower-case word.
pub(crate) fn weekday_of(word: &str) -> Option<u32> {
    let d = match word {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    };
    Some(d)
}

/// Month `m` day `d` resolved to the most recent such day on or before `pub_day`; with no
/// publication date, `None` (the year is unknown).
pub(crate) fn month_day(m: u32, d: u32, pub_day: Option<Day>) -> Option<String> {
    let p = pub_day?;
    let this = Day::new(p.y, m, d);
    let day = match this {
        Some(t) if (t.m, t.d) <= (p.m, p.d) => t,
        _ => Day::new(p.y - 1, m, d)?,
    };
    // A day that exists in neither year (Feb. 30) gives None above; Feb. 29 of a
    // non-leap year falls back to the year before only if that one is leap.
    Some(day.iso())
}

/// Month `m` alone: the most recent such month on or before publication, as `YYYY-MM`.
pub(crate) fn month_only(m: u32, pub_day: Option<Day>) -> Option<String> {
    let p = pub_day?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let y = if m <= p.m { p.y } else { p.y - 1 };
    Some(format!("{y:04}-{m:02}"))
}

/// The weekday `wd` on or before publication (the same day counts), within the last week.
pub(crate) fn weekday_before(wd: u32, pub_day: Option<Day>) -> Option<String> {
    let p = pub_day?;
    let back = (i64::from(p.weekday()) - i64::from(wd)).rem_euclid(7);
    Some(p.plus(-back).iso())
}

/// True when an ISO date ("2006", "2023-10", "2023-10-07") ends more than a year before
/// publication: background, not news.
pub(crate) fn long_before(iso: &str, pub_day: Day) -> bool {
    let y: Option<i64> = iso.get(0..4).and_then(|x| x.parse().ok());
    let m: u32 = iso.get(5..7).and_then(|x| x.parse().ok()).unwrap_or(12);
    let Some(y) = y else { return false };
    let last = month_len(y, m);
    let d: u32 = iso.get(8..10).and_then(|x| x.parse().ok()).unwrap_or(last);
    Day::new(y, m, d).is_some_and(|day| pub_day.ordinal() - day.ordinal() > 365)
}

/// The weekday `wd` after publication, within the next week: "will march on Friday".
pub(crate) fn weekday_after(wd: u32, pub_day: Option<Day>) -> Option<String> {
    let p = pub_day?;
    let ahead = (i64::from(wd) - i64::from(p.weekday())).rem_euclid(7);
    let ahead = if ahead == 0 { 7 } else { ahead };
    Some(p.plus(ahead).iso())
}

/// Every date expression of a sentence, normalised, with its span.
pub(crate) fn find_dates(words: &[Word], pub_day: Option<Day>) -> Vec<(String, ByteSpan)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((d, next)) = date_at(words, i, pub_day) {
            out.extend(d);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A date expression starting at word `i`: its value (None when it cannot be resolved) and
/// the index after it.
pub(crate) type DateHit = (Option<(String, ByteSpan)>, usize);

pub(crate) fn date_at(words: &[Word], i: usize, pub_day: Option<Day>) -> Option<DateHit> {
    let w = words.get(i)?;
    {
        let l = w.low.as_str();
        let next = word(words, i + 1);
        let prev = if i > 0 { word(words, i - 1) } else { "" };
        let span_to = |j: usize| -> ByteSpan {
            let end = words.get(j).map(|x| x.span).unwrap_or(w.span);
            w.span.cover(end)
        };
        if let Some(m) = month_of(l) {
            // "May" is also a verb; demand a capital for it.
            if l == "may" && !w.raw.starts_with('M') {
                return None;
            }
            if l == "march" && !w.raw.starts_with('M') {
                return None;
            }
            let mut j = i + 1;
            if next == "." {
                j += 1;
            }
            let nx = word(words, j);
            if let Some(d) = nx.parse::<u32>().ok().filter(|d| (1..=31).contains(d)) {
                // "Nov. 21, 2023"
                let y = (word(words, j + 1) == ",")
                    .then(|| word(words, j + 2).parse::<i64>().ok())
                    .flatten()
                    .filter(|y| (1900..=2100).contains(y));
                let iso = match y {
                    Some(y) => Day::new(y, m, d).map(|x| x.iso()),
                    None => month_day(m, d, pub_day),
                };
                let end = if y.is_some() { j + 2 } else { j };
                return Some((iso.map(|s| (s, span_to(end))), end + 1));
            }
            if let Ok(y) = nx.parse::<i64>() {
                if (1900..=2100).contains(&y) {
                    return Some((Some((format!("{y:04}-{m:02}"), span_to(j))), j + 1));
                }
            }
            if matches!(
                prev,
                "in" | "early" | "late" | "mid" | "since" | "last" | "this"
            ) || prev.starts_with("mid")
            {
                let start = if i > 0 { i - 1 } else { i };
                let sp = words
                    .get(start)
                    .map(|x| x.span.cover(w.span))
                    .unwrap_or(w.span);
                return Some((month_only(m, pub_day).map(|s| (s, sp)), i + 1));
            }
            return None;
        }
        if let Some(wd) = weekday_of(l) {
            return Some((weekday_before(wd, pub_day).map(|s| (s, w.span)), i + 1));
        }
        match l {
            "today" => return Some((pub_day.map(|p| (p.iso(), w.span)), i + 1)),
            "yesterday" => return Some((pub_day.map(|p| (p.plus(-1).iso(), w.span)), i + 1)),
            "week" if matches!(prev, "last" | "this") => {
                // A week is told to the month: the month of the day a week before (or of)
                // publication.
                let p = pub_day?;
                let d = if prev == "last" { p.plus(-7) } else { p };
                let sp = words
                    .get(i - 1)
                    .map(|x| x.span.cover(w.span))
                    .unwrap_or(w.span);
                return Some((Some((format!("{:04}-{:02}", d.y, d.m), sp)), i + 1));
            }
            "month" | "year" if prev == "this" => {
                let p = pub_day?;
                let sp = words
                    .get(i - 1)
                    .map(|x| x.span.cover(w.span))
                    .unwrap_or(w.span);
                let s = if l == "month" {
                    format!("{:04}-{:02}", p.y, p.m)
                } else {
                    format!("{:04}", p.y)
                };
                return Some((Some((s, sp)), i + 1));
            }
            "month" | "year" if prev == "last" => {
                let p = pub_day?;
                let sp = words
                    .get(i - 1)
                    .map(|x| x.span.cover(w.span))
                    .unwrap_or(w.span);
                let s = if l == "month" {
                    let (y, m) = if p.m == 1 {
                        (p.y - 1, 12)
                    } else {
                        (p.y, p.m - 1)
                    };
                    format!("{y:04}-{m:02}")
                } else {
                    format!("{:04}", p.y - 1)
                };
                return Some((Some((s, sp)), i + 1));
            }
            _ => {}
        }
        if matches!(prev, "in" | "its" | "the" | "their" | "since" | "a")
            && l.len() == 4
            && w.kind == TokenKind::Number
        {
            if let Ok(y) = l.parse::<i64>() {
                if (1900..=2100).contains(&y) {
                    return Some((Some((l.to_string(), w.span)), i + 1));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_ordinals() {
        let d = Day::new(2023, 11, 21).unwrap();
        assert_eq!(d.weekday(), 1); // a Tuesday
        assert_eq!(d.plus(10).iso(), "2023-12-01");
        assert_eq!(d.plus(-365).iso(), "2022-11-21");
        assert_eq!(weekday_before(6, Some(d)).unwrap(), "2023-11-19");
        assert_eq!(weekday_before(1, Some(d)).unwrap(), "2023-11-21");
        assert_eq!(weekday_after(4, Some(d)).unwrap(), "2023-11-24");
        assert_eq!(weekday_after(1, Some(d)).unwrap(), "2023-11-28");
        assert!(long_before("2006", d));
        assert!(long_before("2022-10", d));
        assert!(!long_before("2023-10-07", d));
        assert!(!long_before("2023", d));
    }

    #[test]
    fn month_days() {
        let p = Day::parse_iso("2023-11-05T10:00:00Z");
        assert_eq!(month_day(10, 7, p).unwrap(), "2023-10-07");
        assert_eq!(month_day(12, 7, p).unwrap(), "2022-12-07");
        assert_eq!(month_day(2, 30, p), None);
        assert_eq!(month_day(10, 7, None), None);
        assert_eq!(month_only(12, p).unwrap(), "2022-12");
        assert_eq!(Day::parse_iso("2023-13-01"), None);
        assert_eq!(Day::parse_iso("x"), None);
    }
}
