//! Date expressions normalised against the publication date.

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
