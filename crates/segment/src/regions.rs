//! Non-body regions at the top of an article: headline, date line, byline and dateline.
//!
//! Recognised, in any order at the top of the text (each at most once, a dateline last):
//! - **Headline**: the first line when it equals the title given with the article (white space
//!   and case aside). Without a title no headline is claimed: a short first line could as well
//!   be a one-line paragraph.
//! - **Date line** ([`RegionKind::DateLine`]): a line that is only a date, with optional weekday
//!   and time: "Friday, January 4, 2019", "4 January 2019", "2019-01-04 10:30 UTC".
//! - **Byline**: "By Jane Doe and John Roe" on a line of its own, or ending at a separator
//!   ("By Jane Doe: ...") or before a dateline ("By Jane Doe NAIROBI, March 3 (AP) —"); or a
//!   desk credit of capitalized words ending in a desk word, then a separator or the end of the
//!   line ("Online Desk:", "Staff Reporter -", "Web Desk"). "Iran: the talks..." is not one: the last word must be a desk word.
//! - **Dateline**: an ALL-CAPS place, an optional ", qualifier" of capitalized words and numbers
//!   ("March 3", "Nov. 21", "Calif."), an optional "(Outlet)", then a separator ("-", "--", "—",
//!   "–", or ":" before a word that is not in capitals): "TEHRAN (Reuters) -", "WASHINGTON —".
//!   Section labels ("BREAKING:", "UPDATE -") are not places, and a bare place (no qualifier,
//!   no outlet) must be followed by a word that is not lower-case ("NATO - the alliance met" is
//!   body text). A dateline whose place was cut off ("(Reuters) - ...") gives the outlet only.
//!
//! Every look is bounded, so the cost does not grow with the article.

use newsgraph_doc::{ByteSpan, Region, RegionKind};

use crate::abbrev::{continues_time, is_month_word, is_weekday_word};
use crate::chars::{char_at, is_line_break, is_space, skip_inline_space, skip_space};

/// What [`find_regions`] found at the top of an article. The metadata values are spans of the
/// text, so a caller can copy them out or keep them stand-off.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FoundRegions {
    /// The regions, in text order.
    pub regions: Vec<Region>,
    /// The names or desk of the byline, without "By" or the separator ("Jane Doe and John Roe").
    pub byline: Option<ByteSpan>,
    /// The place of the dateline ("TEHRAN", "SÃO PAULO").
    pub dateline: Option<ByteSpan>,
    /// The outlet named in the dateline's parentheses ("Reuters", "AP").
    pub outlet: Option<ByteSpan>,
}

/// The longest line looked at for a headline, date line or byline, in bytes.
const LINE_LOOK: usize = 400;

/// Finds the headline, date line, byline and dateline at the top of `text`. `title` is the
/// article's title when known: only a first line equal to it is taken as a headline.
///
/// ```
/// use newsgraph_segment::find_regions;
///
/// let text = "LONDON, Jan 5 (Reuters) - Prices rose.";
/// let found = find_regions(text, None);
/// assert_eq!(found.regions[0].span.get(text), Some("LONDON, Jan 5 (Reuters) -"));
/// assert_eq!(found.dateline.and_then(|s| s.get(text)), Some("LONDON"));
/// assert_eq!(found.outlet.and_then(|s| s.get(text)), Some("Reuters"));
/// ```
pub fn find_regions(text: &str, title: Option<&str>) -> FoundRegions {
    let mut found = FoundRegions::default();
    let n = text.len();
    let mut pos = skip_space(text, 0, n);
    let (mut headline, mut date, mut byline_seen) = (false, false, false);
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    for _ in 0..5 {
        if pos >= n {
            break;
        }
        let look = LINE_LOOK.max(title.map_or(0, |t| t.len() + 8));
        let line_end = line_end_within(text, pos, look);
        let line = line_end.and_then(|e| text.get(pos..e)).map(str::trim_end);
        if let (Some(line), false) = (line, headline) {
            if title.is_some_and(|t| same_words(t, line)) {
                headline = true;
                found
                    .regions
                    .push(region(RegionKind::Headline, pos, pos + line.len()));
                pos = skip_space(text, pos + line.len(), n);
                continue;
            }
        }
        if let (Some(line), false) = (line, date) {
            if is_date_line(line) {
                date = true;
                found
                    .regions
                    .push(region(RegionKind::DateLine, pos, pos + line.len()));
                pos = skip_space(text, pos + line.len(), n);
                continue;
            }
        }
        if !byline_seen {
            if let Some((span, names)) = byline(text, pos, line_end) {
                byline_seen = true;
                found.regions.push(Region {
                    kind: RegionKind::Byline,
                    span,
                });
                found.byline = Some(names);
                pos = skip_space(text, span.end(), n);
                continue;
            }
        }
        if let Some(d) = dateline(text, pos) {
            found.regions.push(Region {
                kind: RegionKind::Dateline,
                span: d.span,
            });
            found.dateline = d.place;
            found.outlet = d.outlet;
        }
        break;
    }
    found
}

fn region(kind: RegionKind, start: usize, end: usize) -> Region {
    Region {
        kind,
        span: ByteSpan::ordered(start, end),
    }
}

/// The end of the line starting at `pos` (the offset of its line break, or of the text's end)
/// when it comes within `look` bytes.
fn line_end_within(text: &str, pos: usize, look: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let limit = text.len().min(pos.saturating_add(look));
    let mut i = pos;
    while i < limit {
        match bytes.get(i) {
            Some(b'\n' | b'\r' | 0x0B | 0x0C) => return Some(i),
            Some(&b) if b >= 0x80 => {
                if let Some(c) = char_at(text, i) {
                    if is_line_break(c) {
                        return Some(i);
                    }
                    i += c.len_utf8();
                } else {
                    i += 1;
                }
            }
            Some(_) => i += 1,
            None => break,
        }
    }
    (limit == text.len()).then_some(limit)
}

/// True when `a` and `b` have the same words, ignoring case and the white space between them.
fn same_words(a: &str, b: &str) -> bool {
    let mut wa = a.split_whitespace();
    let mut wb = b.split_whitespace();
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                let lx = x.chars().flat_map(char::to_lowercase);
                if !lx.eq(y.chars().flat_map(char::to_lowercase)) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// True when `line` is only a date, possibly with weekday, time and zone.
fn is_date_line(line: &str) -> bool {
    if line.is_empty() || line.len() > 80 {
        return false;
    }
    let (mut month, mut day, mut year, mut iso) = (false, false, false, false);
    let mut words = 0usize;
    for raw in line.split_whitespace() {
        words += 1;
        if words > 12 {
            return false;
        }
        let w = raw.trim_end_matches([',', ':', ';']);
        if w.is_empty() {
            continue;
        }
        if is_month_word(w) {
            month = true;
        } else if is_weekday_word(w) || continues_time(w) {
        } else if let Some(d) = day_number(w) {
            if d <= 31 {
                day = true;
            } else if (1800..2200).contains(&d) {
                year = true;
            } else {
                return false;
            }
        } else if is_iso_date(w) {
            iso = true;
        } else if is_clock(w) {
        } else if !matches!(
            w,
            "Updated"
                | "Published"
                | "Posted"
                | "Last"
                | "updated"
                | "on"
                | "at"
                | "|"
                | "-"
                | "—"
                | "–"
                | "/"
                | "a.m."
                | "p.m."
                | "am"
                | "pm"
                | "AM"
                | "PM"
        ) {
            return false;
        }
    }
    (month && (day || year)) || iso
}

/// "4", "21st", "2019": the number, if the word is one (with an optional ordinal suffix).
fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = w.get(digits.len()..).unwrap_or("");
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

/// "2019-01-04".
fn is_iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, &x)| {
            if i == 4 || i == 7 {
                x == b'-'
            } else {
                x.is_ascii_digit()
            }
        })
}

/// "10:30", "10:30:15", "10:30am".
fn is_clock(w: &str) -> bool {
    let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    !w.is_empty()
        && w.contains(':')
        && w.bytes().all(|b| b.is_ascii_digit() || b == b':')
        && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// A word at `i` (up to white space), bounded to `max` bytes: its end.
fn word_end(text: &str, i: usize, max: usize) -> usize {
    let mut e = i;
    let limit = text.len().min(i.saturating_add(max));
    while e < limit {
        match char_at(text, e) {
            Some(c) if !is_space(c) => e += c.len_utf8(),
            _ => break,
        }
    }
    e
}

/// A separator at `i` (after optional inline space): "-", "--", "—", "–", "|" or ":", followed
/// by white space or the end (a dash may also touch the next word). Its end.
fn separator_at(text: &str, i: usize, colon: bool) -> Option<usize> {
    let k = skip_inline_space(text, i, text.len());
    let c = char_at(text, k)?;
    let end = match c {
        '-' => {
            if text.as_bytes().get(k + 1) == Some(&b'-') {
                k + 2
            } else {
                k + 1
            }
        }
        '\u{2014}' | '\u{2013}' | '\u{2015}' => {
            let e = k + c.len_utf8();
            return Some(e);
        }
        '|' => k + 1,
        ':' if colon => k + 1,
        _ => return None,
    };
    match char_at(text, end) {
        None => Some(end),
        Some(c) if is_space(c) => Some(end),
        _ => None,
    }
}

/// Lower-case words allowed inside a byline's names.
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "&"
            | "de"
            | "da"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "du"
            | "di"
            | "dos"
            | "das"
            | "y"
    )
}

/// A capitalized name word ("Jane", "O’Neil", "J.", "Al-Amin", "DOE").
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    w.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
}

/// Two or more letters, all upper-case.
fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// A byline at `pos`: the region's span and the names' span.
fn byline(text: &str, pos: usize, line_end: Option<usize>) -> Option<(ByteSpan, ByteSpan)> {
    by_names(text, pos, line_end).or_else(|| desk(text, pos))
}

/// "By Jane Doe and John Roe".
fn by_names(text: &str, pos: usize, line_end: Option<usize>) -> Option<(ByteSpan, ByteSpan)> {
    let head = text.get(pos..pos + 2)?;
    // After "By" an all-caps word may be a name ("By JANE DOE") or start a dateline
    // ("By Jane Doe NAIROBI, March 3 (AP) —"); after "BY" every word is in capitals.
    let caps = match head {
        "By" => false,
        "BY" => true,
        _ => return None,
    };
    if !char_at(text, pos + 2).is_some_and(|c| is_space(c) && !is_line_break(c)) {
        return None;
    }
    let names_start = skip_inline_space(text, pos + 2, text.len());
    let mut k = names_start;
    let mut names_end = None;
    let mut last_was_name = false;
    let mut sep_end = None;
    for _ in 0..12 {
        if k >= text.len() || line_end.is_some_and(|e| k >= e) {
            break;
        }
        let we = word_end(text, k, 40);
        let raw = text.get(k..we)?;
        let (w, colon) = match raw.strip_suffix(':') {
            Some(w) => (w, true),
            None => (raw, false),
        };
        let w = w.strip_suffix(',').unwrap_or(w);
        if is_all_caps(w) && !caps && dateline(text, k).is_some() {
            break;
        }
        if is_name_word(w) {
            names_end = Some(k + w.len());
            last_was_name = true;
        } else if is_name_particle(w) && names_end.is_some() {
            last_was_name = false;
        } else {
            break;
        }
        k = skip_inline_space(text, we, text.len());
        if colon {
            if !last_was_name {
                return None;
            }
            sep_end = Some(we);
            break;
        }
    }
    let names_end = names_end.filter(|_| last_was_name)?;
    let names = ByteSpan::ordered(names_start, names_end);
    if let Some(end) = sep_end {
        return Some((ByteSpan::ordered(pos, end), names));
    }
    // The line ends after the names.
    let rest = skip_inline_space(text, names_end, text.len());
    let at_line_end = match char_at(text, rest) {
        None => true,
        Some(c) => is_line_break(c),
    };
    if at_line_end {
        return Some((ByteSpan::ordered(pos, names_end), names));
    }
    if let Some(end) = separator_at(text, names_end, true) {
        return Some((ByteSpan::ordered(pos, end), names));
    }
    if dateline(text, rest).is_some() {
        return Some((ByteSpan::ordered(pos, names_end), names));
    }
    None
}

/// Words that end a desk credit ("Online Desk:").
fn is_desk_word(w: &str) -> bool {
    matches!(
        w,
        "Desk"
            | "Report"
            | "Reporter"
            | "Reporters"
            | "Correspondent"
            | "Correspondents"
            | "Bureau"
            | "Staff"
            | "Editor"
            | "Editors"
            | "Writer"
            | "Writers"
            | "Agencies"
            | "Team"
            | "Service"
            | "Monitoring"
            | "DESK"
            | "REPORTER"
            | "CORRESPONDENT"
            | "BUREAU"
            | "STAFF"
            | "AGENCIES"
    )
}

/// "Online Desk:", "Staff Reporter -".
fn desk(text: &str, pos: usize) -> Option<(ByteSpan, ByteSpan)> {
    let mut k = pos;
    for _ in 0..5 {
        let we = word_end(text, k, 30);
        let raw = text.get(k..we)?;
        let (w, colon) = match raw.strip_suffix(':') {
            Some(w) => (w, true),
            None => (raw, false),
        };
        if w.is_empty()
            || !w.chars().next().is_some_and(char::is_uppercase)
            || !w.chars().all(|c| c.is_alphabetic() || c == '&')
        {
            return None;
        }
        let names = ByteSpan::ordered(pos, k + w.len());
        if is_desk_word(w) {
            if colon {
                if char_at(text, we).is_some_and(|c| !is_space(c)) {
                    return None;
                }
                return Some((ByteSpan::ordered(pos, we), names));
            }
            if let Some(end) = separator_at(text, we, true) {
                return Some((ByteSpan::ordered(pos, end), names));
            }
            let rest = skip_inline_space(text, we, text.len());
            if char_at(text, rest).is_none_or(is_line_break) {
                return Some((ByteSpan::ordered(pos, we), names));
            }
        }
        if colon {
            return None;
        }
        let next = skip_inline_space(text, we, text.len());
        if next == we {
            return None;
        }
        k = next;
    }
    None
}

/// A dateline found at some offset.
struct Dateline {
    span: ByteSpan,
    place: Option<ByteSpan>,
    outlet: Option<ByteSpan>,
}

/// Capital words that label a section rather than name a place.
fn is_label(w: &str) -> bool {
    matches!(
        w,
        "BREAKING"
            | "UPDATE"
            | "UPDATED"
            | "EXCLUSIVE"
            | "WATCH"
            | "LIVE"
            | "ANALYSIS"
            | "OPINION"
            | "EDITORIAL"
            | "NOTE"
            | "EDITOR'S"
            | "EDITOR’S"
            | "PHOTOS"
            | "PHOTO"
            | "VIDEO"
            | "FILE"
            | "CORRECTION"
            | "COMMENT"
            | "REVIEW"
            | "FACTBOX"
            | "EXPLAINER"
            | "INTERVIEW"
            | "FEATURE"
            | "ADVISORY"
            | "URGENT"
            | "FLASH"
            | "READ"
            | "ALSO"
            | "MORE"
            | "Q&A"
            | "WARNING"
            | "ALERT"
    )
}

/// A word of a dateline's place: capitals and `. - ' ’`, starting with a capital. Its end.
fn place_word_end(text: &str, i: usize) -> Option<usize> {
    let mut e = i;
    let mut upper = 0;
    while e < text.len() && e - i < 40 {
        match char_at(text, e) {
            Some(c) if c.is_uppercase() => {
                upper += 1;
                e += c.len_utf8();
            }
            Some(c) if e > i && matches!(c, '.' | '-' | '\'' | '\u{2019}') => e += c.len_utf8(),
            Some(c) if c.is_alphabetic() => return None,
            _ => break,
        }
    }
    if upper == 0 {
        return None;
    }
    // A trailing hyphen belongs to a separator, not to the place.
    let word = text.get(i..e)?;
    Some(i + word.trim_end_matches('-').len())
}

fn dateline(text: &str, pos: usize) -> Option<Dateline> {
    let n = text.len();
    let mut k = pos;
    let mut place_end = pos;
    let mut letters = 0usize;
    for w in 0..5 {
        let Some(e) = place_word_end(text, k) else {
            break;
        };
        let word = text.get(k..e)?;
        if w == 0 && is_label(word) {
            return None;
        }
        letters += word.chars().filter(|c| c.is_alphabetic()).count();
        place_end = e;
        let next = skip_inline_space(text, e, n);
        if next == e {
            break;
        }
        k = next;
    }
    let outlet_only = place_end == pos && text.as_bytes().get(pos) == Some(&b'(');
    if !outlet_only && (place_end == pos || letters < 2) {
        return None;
    }
    let place = (!outlet_only).then(|| ByteSpan::ordered(pos, place_end));
    let mut bare = true;
    let mut j = place_end;
    // ", March 3", ", Nov. 21", ", Calif.", ", Pakistan"
    if place.is_some() && text.as_bytes().get(j) == Some(&b',') {
        bare = false;
        j = skip_inline_space(text, j + 1, n);
        let mut words = 0;
        loop {
            let c = char_at(text, j)?;
            if !(c.is_uppercase() || c.is_ascii_digit()) {
                return None;
            }
            let mut e = j;
            while e < n && e - j < 16 {
                match char_at(text, e) {
                    Some(c) if c.is_alphanumeric() || c == '.' => e += c.len_utf8(),
                    _ => break,
                }
            }
            if text.as_bytes().get(e) == Some(&b',') {
                e += 1;
            }
            words += 1;
            if words > 4 {
                return None;
            }
            j = e;
            let next = skip_inline_space(text, e, n);
            if next == e {
                break;
            }
            match char_at(text, next) {
                Some(c) if c.is_uppercase() || c.is_ascii_digit() => j = next,
                _ => break,
            }
        }
    }
    // " (Reuters)"
    let mut outlet = None;
    let o = skip_inline_space(text, j, n);
    if text.as_bytes().get(o) == Some(&b'(') {
        let mut e = o + 1;
        let mut close = None;
        while e < n && e - o < 60 {
            match char_at(text, e) {
                Some(')') => {
                    close = Some(e);
                    break;
                }
                Some(c) if c == '(' || is_line_break(c) => break,
                Some(c) => e += c.len_utf8(),
                None => break,
            }
        }
        let close = close?;
        let inner = text.get(o + 1..close)?;
        let trimmed = inner.trim();
        if trimmed.is_empty() || !trimmed.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        let lead = inner.len() - inner.trim_start().len();
        let start = o + 1 + lead;
        outlet = Some(ByteSpan::ordered(start, start + trimmed.len()));
        bare = false;
        j = close + 1;
    }
    if outlet_only && outlet.is_none() {
        return None;
    }
    let end = separator_at(text, j, true)?;
    let sep = text.get(j..end).map(str::trim);
    let after = skip_inline_space(text, end, n);
    let we = word_end(text, after, 40);
    let next_word = text.get(after..we).unwrap_or("");
    // "IRAN TALKS: WHAT NEXT" is a headline, not a dateline.
    if sep == Some(":") && is_all_caps(next_word) {
        return None;
    }
    // "NATO - the alliance met": a bare acronym before a lower-case word opens a sentence.
    if bare && next_word.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    Some(Dateline {
        span: ByteSpan::ordered(pos, end),
        place,
        outlet,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show<'a>(
        text: &'a str,
        title: Option<&str>,
    ) -> (Vec<(RegionKind, &'a str)>, [Option<&'a str>; 3]) {
        let f = find_regions(text, title);
        let regions = f
            .regions
            .iter()
            .map(|r| (r.kind, r.span.get(text).unwrap()))
            .collect();
        let get = |s: Option<ByteSpan>| s.map(|s| s.get(text).unwrap());
        (regions, [get(f.byline), get(f.dateline), get(f.outlet)])
    }

    #[test]
    fn datelines() {
        let (r, m) = show("NAIROBI, March 3 (AP) — Rain fell.", None);
        assert_eq!(r, [(RegionKind::Dateline, "NAIROBI, March 3 (AP) —")]);
        assert_eq!(m, [None, Some("NAIROBI"), Some("AP")]);
        let (r, m) = show("WASHINGTON — It rained.", None);
        assert_eq!(r, [(RegionKind::Dateline, "WASHINGTON —")]);
        assert_eq!(m, [None, Some("WASHINGTON"), None]);
        let (r, m) = show("VALDORIA, Nov. 21 (Lakeside Wire) - body", None);
        assert_eq!(
            r,
            [(RegionKind::Dateline, "VALDORIA, Nov. 21 (Lakeside Wire) -")]
        );
        assert_eq!(m, [None, Some("VALDORIA"), Some("Lakeside Wire")]);
    }

    #[test]
    fn not_datelines() {
        assert_eq!(show("Iran: the talks failed.", None).0, []);
        assert_eq!(show("BREAKING: Talks fail.", None).0, []);
        assert_eq!(show("US, UK warn Iran - officials", None).0, []);
        assert_eq!(show("IRAN TALKS: WHAT NEXT", None).0, []);
        assert_eq!(show("NATO - the alliance met.", None).0, []);
        assert_eq!(show("By the time it ended, all left.", None).0, []);
        assert_eq!(show("By Monday, officials said.", None).0, []);
    }

    #[test]
    fn bylines() {
        let (r, m) = show("Online Desk: Iran’s leader spoke.", None);
        assert_eq!(r, [(RegionKind::Byline, "Online Desk:")]);
        assert_eq!(m[0], Some("Online Desk"));
        let (r, m) = show("By Jane Doe and John Roe\nTEHRAN (Reuters) - Talks.", None);
        assert_eq!(
            r,
            [
                (RegionKind::Byline, "By Jane Doe and John Roe"),
                (RegionKind::Dateline, "TEHRAN (Reuters) -")
            ]
        );
        assert_eq!(
            m,
            [
                Some("Jane Doe and John Roe"),
                Some("TEHRAN"),
                Some("Reuters")
            ]
        );
        let (r, _) = show("By Jane Doe NAIROBI, March 3 (AP) — Rain.", None);
        assert_eq!(
            r,
            [
                (RegionKind::Byline, "By Jane Doe"),
                (RegionKind::Dateline, "NAIROBI, March 3 (AP) —")
            ]
        );
    }

    #[test]
    fn caps_names_desk_lines_and_outlet_only() {
        let (r, m) = show("By JANE DOE\nBEIRUT — Text.", None);
        assert_eq!(
            r,
            [
                (RegionKind::Byline, "By JANE DOE"),
                (RegionKind::Dateline, "BEIRUT —")
            ]
        );
        assert_eq!(m, [Some("JANE DOE"), Some("BEIRUT"), None]);
        let (r, m) = show("Web Desk\nText.", None);
        assert_eq!(r, [(RegionKind::Byline, "Web Desk")]);
        assert_eq!(m[0], Some("Web Desk"));
        let (r, m) = show("(Reuters) - Nothing here.", None);
        assert_eq!(r, [(RegionKind::Dateline, "(Reuters) -")]);
        assert_eq!(m, [None, None, Some("Reuters")]);
    }

    #[test]
    fn headline_and_date_line() {
        let text = "Talks Collapse\n\nFriday, January 4, 2019\n\nLONDON - Talks collapsed.";
        let (r, _) = show(text, Some("Talks collapse"));
        assert_eq!(
            r,
            [
                (RegionKind::Headline, "Talks Collapse"),
                (RegionKind::DateLine, "Friday, January 4, 2019"),
                (RegionKind::Dateline, "LONDON -")
            ]
        );
        assert_eq!(show(text, None).0.len(), 0);
    }
}
