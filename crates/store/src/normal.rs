//! Normal forms that decide what is "the same" across articles: names, claims and dates.

/// A name folded for matching: lower case, punctuation as spaces, single spaces, without a
/// leading "the" ("The  U.N." → "u n").
pub fn norm_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = true;
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if c == '\'' || c == '\u{2019}' {
            // "Shi'ite" and "Shiite" are one name.
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

/// The store's key of an entity: its knowledge-base id when it has one, else its type and
/// normalised name.
pub fn entity_key(kb_id: Option<&str>, kind: &str, norm: &str) -> String {
    match kb_id {
        Some(id) => format!("kb|{id}"),
        None => format!("name|{kind}|{norm}"),
    }
}

/// Function words left out of a claim's fingerprint.
const STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "his", "i", "if", "in", "into", "is", "it", "its", "may", "might", "more", "not", "of",
    "on", "or", "our", "over", "she", "should", "so", "such", "than", "that", "the", "their",
    "them", "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when",
    "which", "who", "will", "with", "would", "you",
];

/// A crude stem: enough to make "attacked", "attacking" and "attacks" one word.
fn stem(w: &str) -> &str {
    for suf in ["ings", "ing", "ed", "es", "s"] {
        if w.len() >= suf.len() + 4 {
            if let Some(s) = w.strip_suffix(suf) {
                return s;
            }
        }
    }
    w
}

/// The content words of a claim, stemmed, sorted and without repeats: the same claim worded
/// in another order or tense gives the same list.
pub fn claim_words(text: &str) -> Vec<String> {
    let folded = norm_name(text);
    let mut words: Vec<String> = folded
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(|w| stem(w).to_string())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The fingerprint that makes two reports of a claim one claim: a hash of its content words
/// (empty when the claim has none).
pub fn claim_key(words: &[String]) -> String {
    use sha2::{Digest, Sha256};
    if words.is_empty() {
        return String::new();
    }
    let mut h = Sha256::new();
    for w in words {
        h.update(w.as_bytes());
        h.update(b" ");
    }
    let digest = h.finalize();
    let mut s = String::with_capacity(32);
    for b in &digest[..16] {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    s
}

/// The share of words two claims have in common (Jaccard), both lists sorted.
pub fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number, as `YYYY-MM-DD`.
pub fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// The days an ISO 8601 date covers at its precision, first and last: "2023-10-07" is one
/// day, "2023-10" the month, "2023" the year. A time after the date is ignored. `None` for
/// anything else.
pub fn day_range(date: &str) -> Option<(i64, i64)> {
    let date = date.get(..10.min(date.len()))?;
    let mut parts = date.split('-');
    let y: i64 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    let m: Option<u32> = match parts.next() {
        Some(p) => Some(p.get(..2)?.parse().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let d: Option<u32> = match parts.next() {
        Some(p) => Some(p.get(..2)?.parse().ok()?),
        None => None,
    };
    match (m, d) {
        (None, _) => Some((days_from_civil(y, 1, 1), days_from_civil(y, 12, 31))),
        (Some(m), None) => Some((
            days_from_civil(y, m, 1),
            days_from_civil(y, m, days_in_month(y, m)),
        )),
        (Some(m), Some(d)) if d >= 1 && d <= days_in_month(y, m) => {
            let day = days_from_civil(y, m, d);
            Some((day, day))
        }
        _ => None,
    }
}

/// The day of a publication date (its first day when it is vaguer than a day).
pub fn day_of(date: &str) -> Option<i64> {
    day_range(date).map(|(lo, _)| lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold() {
        assert_eq!(norm_name("The  U.N."), "u n");
        assert_eq!(norm_name("Shi'ite"), "shiite");
        assert_eq!(norm_name("ÉLYSÉE Palace"), "élysée palace");
        assert_eq!(norm_name("the"), "the");
        assert_eq!(norm_name(""), "");
    }

    #[test]
    fn claims_ignore_order_and_tense() {
        let a = claim_words("The rebels attacked the convoy near Port Sela");
        let b = claim_words("near Port Sela, rebels attacking a convoy");
        assert_eq!(claim_key(&a), claim_key(&b));
        assert!(overlap(&a, &claim_words("the convoy was attacked")) > 0.3);
        assert_eq!(overlap(&a, &[]), 0.0);
    }

    #[test]
    fn dates_have_ranges() {
        assert_eq!(day_range("1970-01-02"), Some((1, 1)));
        let (lo, hi) = day_range("2024-02").unwrap();
        assert_eq!(hi - lo, 28);
        let (lo, hi) = day_range("2023").unwrap();
        assert_eq!(hi - lo, 364);
        assert_eq!(day_range("2023-02-30"), None);
        assert_eq!(day_range("2023-10-07T10:00:00Z"), day_range("2023-10-07"));
        assert_eq!(day_range("soon"), None);
        assert_eq!(day_range("2023-1"), None);
        assert_eq!(civil_from_days(day_of("2024-02-29").unwrap()), "2024-02-29");
    }
}
