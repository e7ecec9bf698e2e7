//! Publication dates: whatever form they come in, ISO 8601 out.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// Normalises a date or timestamp to ISO 8601.
///
/// - A timestamp with a zone (RFC 3339, RFC 2822, ISO variants) becomes
///   `YYYY-MM-DDTHH:MM:SS±HH:MM` (`Z` for UTC), keeping its own offset, since the local date
///   is the one the outlet printed.
/// - A timestamp without a zone becomes `YYYY-MM-DDTHH:MM:SS`.
/// - A plain date stays `YYYY-MM-DD`.
///
/// Returns `None` for anything else.
pub fn normalize_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(zoned(dt));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(zoned(dt));
    }
    const ZONED: [&str; 6] = [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M%z",
        "%Y-%m-%d %H:%M %z",
    ];
    for fmt in ZONED {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Some(zoned(dt));
        }
    }
    // A trailing "Z" or " UTC" on an otherwise zoneless form.
    let (naive, utc) = match s
        .strip_suffix('Z')
        .or_else(|| s.strip_suffix(" UTC"))
        .or_else(|| s.strip_suffix(" GMT"))
    {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    const NAIVE: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ];
    for fmt in NAIVE {
        if let Ok(dt) = NaiveDateTime::parse_from_str(naive, fmt) {
            return Some(if utc {
                utc_iso(dt.and_utc())
            } else {
                dt.format("%Y-%m-%dT%H:%M:%S").to_string()
            });
        }
    }
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

/// A UTC timestamp as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn utc_iso(dt: DateTime<Utc>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn zoned(dt: DateTime<FixedOffset>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_common_forms() {
        let cases = [
            ("2024-03-05", Some("2024-03-05")),
            (" 2024/03/05 ", Some("2024-03-05")),
            ("2024-03-05T10:20:30Z", Some("2024-03-05T10:20:30Z")),
            (
                "2024-03-05T10:20:30.123+01:00",
                Some("2024-03-05T10:20:30+01:00"),
            ),
            (
                "2024-03-05T10:20:30+0100",
                Some("2024-03-05T10:20:30+01:00"),
            ),
            ("2024-03-05T10:20:30", Some("2024-03-05T10:20:30")),
            ("2024-03-05 10:20", Some("2024-03-05T10:20:00")),
            ("2024-03-05 10:20:30 UTC", Some("2024-03-05T10:20:30Z")),
            (
                "Tue, 05 Mar 2024 10:20:30 +0000",
                Some("2024-03-05T10:20:30Z"),
            ),
            ("Tue, 5 Mar 2024 10:20:30 GMT", Some("2024-03-05T10:20:30Z")),
            (
                "Tue, 05 Mar 2024 10:20:30 -0500",
                Some("2024-03-05T10:20:30-05:00"),
            ),
            ("yesterday", None),
            ("2024-02-30", None),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize_date(raw).as_deref(), want, "{raw:?}");
        }
    }
}
