//! Parsers for the TABARI/PETRARCH actor and agent dictionaries (see the crate docs for the
//! format as read here). Lenient: odd lines become warnings naming file and line, never errors.

use std::collections::BTreeMap;

use crate::model::Date;

/// One CAMEO code of a record with its date restriction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawCode {
    pub(crate) code: String,
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
}

impl RawCode {
    pub(crate) fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// One record of an actor dictionary: a primary phrase, its `+` synonyms and its codes.
#[derive(Debug, Clone)]
pub(crate) struct RawRecord {
    /// Index of the source file (0 countries, 1 international, 2 non-state).
    pub(crate) file: usize,
    /// 1-based line of the primary phrase.
    pub(crate) line: usize,
    pub(crate) name: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) codes: Vec<RawCode>,
    /// The comment on the primary line, if any (`CountryInfo.txt` marks leaders).
    pub(crate) comment: String,
}

impl RawRecord {
    /// The code that applies now (as of the dictionaries): an open-ended dated code with the
    /// latest start, else the first undated code, else the dated code ending last.
    pub(crate) fn current(&self) -> Option<&RawCode> {
        current_code(&self.codes)
    }
}

pub(crate) fn current_code(codes: &[RawCode]) -> Option<&RawCode> {
    let open = codes
        .iter()
        .filter(|c| c.from.is_some() && c.to.is_none())
        .max_by_key(|c| c.from);
    if open.is_some() {
        return open;
    }
    if let Some(c) = codes.iter().find(|c| !c.is_dated()) {
        return Some(c);
    }
    codes.iter().max_by_key(|c| (c.to, c.from))
}

/// Splits `line` at the first `#` (Python-style comment) or `;` (legacy TABARI comment).
fn split_comment(line: &str) -> (&str, &str) {
    match line.find(['#', ';']) {
        Some(i) => (
            line.get(..i).unwrap_or(""),
            line.get(i + 1..).unwrap_or("").trim(),
        ),
        None => (line, ""),
    }
}

/// Parses the `[...]` groups of `text` into codes, pushing warnings for malformed ones.
fn parse_codes(text: &str, file: &str, line: usize, warnings: &mut Vec<String>) -> Vec<RawCode> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = rest.get(open + 1..).unwrap_or("");
        let close = after.find([']', '}']).unwrap_or(after.len());
        let inner = after.get(..close).unwrap_or("");
        rest = after.get(close + 1..).unwrap_or("");
        let mut parts = inner.split_whitespace();
        let Some(code) = parts.next() else {
            warnings.push(format!("{file}:{line}: empty code brackets"));
            continue;
        };
        if code == "---" || code.chars().all(|c| c == '-') {
            continue; // the null code: not an actor
        }
        if !code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            warnings.push(format!("{file}:{line}: skipped malformed code {code:?}"));
            continue;
        }
        let restriction: String = parts.collect();
        let (from, to) = parse_restriction(&restriction, file, line, warnings);
        out.push(RawCode {
            code: code.to_owned(),
            from,
            to,
        });
    }
    out
}

fn parse_date(s: &str, file: &str, line: usize, warnings: &mut Vec<String>) -> Option<Date> {
    let d = Date::parse_dictionary(s);
    if d.is_none() {
        warnings.push(format!(
            "{file}:{line}: date {s:?} is neither YYMMDD nor YYYYMMDD; treated as open"
        ));
    }
    d
}

fn parse_restriction(
    r: &str,
    file: &str,
    line: usize,
    warnings: &mut Vec<String>,
) -> (Option<Date>, Option<Date>) {
    if r.is_empty() {
        return (None, None);
    }
    if let Some(d) = r.strip_prefix('>') {
        return (parse_date(d, file, line, warnings), None);
    }
    if let Some(d) = r.strip_prefix('<') {
        return (None, parse_date(d, file, line, warnings));
    }
    if let Some((a, b)) = r.split_once('-') {
        return (
            parse_date(a, file, line, warnings),
            parse_date(b, file, line, warnings),
        );
    }
    // A bare date: read as "from" (the code applies after it).
    (parse_date(r, file, line, warnings), None)
}

/// Cleans a phrase: drops stray brackets and everything from a `[`.
fn clean_phrase(s: &str) -> String {
    let s = s.split('[').next().unwrap_or("");
    s.replace([']', '{', '}'], "").trim().to_owned()
}

/// Parses an actor dictionary. `file_index` tags the records; `file` names it in warnings.
pub(crate) fn parse_actors(
    text: &str,
    file_index: usize,
    file: &str,
    warnings: &mut Vec<String>,
) -> Vec<RawRecord> {
    let mut records: Vec<RawRecord> = Vec::new();
    let mut in_xml_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let mut line = raw.trim_end_matches('\r');
        if in_xml_comment {
            match line.find("-->") {
                Some(j) => {
                    in_xml_comment = false;
                    line = line.get(j + 3..).unwrap_or("");
                }
                None => continue,
            }
        }
        if let Some(j) = line.find("<!--") {
            if line.get(j..).is_some_and(|t| !t.contains("-->")) {
                in_xml_comment = true;
            }
            line = line.get(..j).unwrap_or("");
        }
        let (content, comment) = split_comment(line);
        if content.trim().is_empty() {
            continue;
        }
        if let Some(alias) = content.strip_prefix('+') {
            let Some(rec) = records.last_mut() else {
                warnings.push(format!("{file}:{line_no}: synonym before any record"));
                continue;
            };
            if alias.contains('[') {
                let codes = parse_codes(alias, file, line_no, warnings);
                rec.codes.extend(codes);
            }
            // A few lines join two synonyms with a '+': split them.
            for part in alias.split('+') {
                let a = clean_phrase(part);
                if !a.is_empty() {
                    rec.aliases.push(a);
                }
            }
            continue;
        }
        if content.starts_with([' ', '\t']) {
            let Some(rec) = records.last_mut() else {
                warnings.push(format!("{file}:{line_no}: code line before any record"));
                continue;
            };
            if !content.contains('[') {
                warnings.push(format!(
                    "{file}:{line_no}: indented line without a code: {:?}",
                    content.trim()
                ));
                continue;
            }
            let codes = parse_codes(content, file, line_no, warnings);
            rec.codes.extend(codes);
            continue;
        }
        let name = clean_phrase(content);
        let codes = parse_codes(content, file, line_no, warnings);
        if name.is_empty() {
            warnings.push(format!("{file}:{line_no}: record without a phrase"));
            continue;
        }
        records.push(RawRecord {
            file: file_index,
            line: line_no,
            name,
            aliases: Vec::new(),
            codes,
            comment: comment.to_owned(),
        });
    }
    records
}

/// One phrase of the agents dictionary with its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawAgent {
    pub(crate) phrase: String,
    pub(crate) code: String,
    pub(crate) prefix: bool,
}

/// English plural of the last word of an upper-case phrase, as PETRARCH forms regular plurals
/// (plus `-es` after `s`, `x`, `z`, `ch`, `sh`).
pub(crate) fn plural(phrase: &str) -> String {
    let p = phrase.trim_end_matches(['_', ' ']);
    let upper = p.to_uppercase();
    let mut out = p.to_owned();
    let before_y = upper.chars().rev().nth(1);
    if upper.ends_with('Y') && !matches!(before_y, Some('A' | 'E' | 'I' | 'O' | 'U')) {
        out.pop();
        out.push_str("IES");
    } else if upper.ends_with('S')
        || upper.ends_with('X')
        || upper.ends_with('Z')
        || upper.ends_with("CH")
        || upper.ends_with("SH")
    {
        out.push_str("ES");
    } else {
        out.push('S');
    }
    out
}

/// Parses the agents dictionary into phrases (singular and plural forms expanded, substitution
/// sets applied), in file order.
pub(crate) fn parse_agents(text: &str, file: &str, warnings: &mut Vec<String>) -> Vec<RawAgent> {
    let mut sets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let (content, _) = split_comment(raw.trim_end_matches('\r'));
        let content = content.trim();
        if content.is_empty() || content.starts_with("<!--") {
            continue;
        }
        if content.starts_with('!') && content.contains('=') && !content.contains('[') {
            if let Some((name, list)) = content.split_once('=') {
                let items = list
                    .split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                sets.insert(name.trim().to_owned(), items);
            }
            continue;
        }
        let Some(open) = content.find('[') else {
            warnings.push(format!("{file}:{line_no}: agent line without a code"));
            continue;
        };
        let after = content.get(open + 1..).unwrap_or("");
        let close = after.find([']', '}']).unwrap_or(after.len());
        let code_text = after.get(..close).unwrap_or("").trim();
        let (code, prefix) = if let Some(c) = code_text.strip_prefix('~') {
            (c, false)
        } else if let Some(c) = code_text.strip_suffix('~') {
            (c, true)
        } else {
            warnings.push(format!(
                "{file}:{line_no}: agent code {code_text:?} has no '~'"
            ));
            (code_text, false)
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            warnings.push(format!(
                "{file}:{line_no}: skipped malformed agent code {code_text:?}"
            ));
            continue;
        }
        let head = content.get(..open).unwrap_or("");
        let (phrase, plurals) = match head.find('{') {
            Some(b) => {
                let inner = head.get(b + 1..).unwrap_or("");
                let inner = inner.split('}').next().unwrap_or("");
                let forms: Vec<String> = inner.split_whitespace().map(str::to_owned).collect();
                (head.get(..b).unwrap_or("").trim(), Some(forms))
            }
            None => (head.trim(), None),
        };
        if phrase.is_empty() {
            warnings.push(format!("{file}:{line_no}: agent line without a phrase"));
            continue;
        }
        let mut push = |p: String| {
            out.push(RawAgent {
                phrase: p,
                code: code.to_owned(),
                prefix,
            });
        };
        if let Some((start, name, end)) = find_set(phrase) {
            match sets.get(name) {
                Some(items) => {
                    for item in items {
                        push(format!("{start}{item}{end}"));
                    }
                }
                None => warnings.push(format!("{file}:{line_no}: unknown substitution set {name}")),
            }
            continue;
        }
        push(phrase.to_owned());
        match plurals {
            Some(forms) => {
                for f in forms {
                    push(f);
                }
            }
            None => push(plural(phrase)),
        }
    }
    out
}

/// Finds a `!NAME!` marker: returns the text before, the marker, and the text after.
fn find_set(phrase: &str) -> Option<(&str, &str, &str)> {
    let a = phrase.find('!')?;
    let rest = phrase.get(a + 1..)?;
    let b = rest.find('!')?;
    Some((
        phrase.get(..a)?,
        phrase.get(a..a + b + 2)?,
        rest.get(b + 1..)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural("MINISTER"), "MINISTERS");
        assert_eq!(plural("MILITARY_POLICY_"), "MILITARY_POLICIES");
        assert_eq!(plural("BOSS"), "BOSSES");
        assert_eq!(plural("ATTORNEY"), "ATTORNEYS");
    }

    #[test]
    fn restrictions() {
        let mut w = Vec::new();
        let c = parse_codes(
            "[ABCGOV >090120] [ABCELI 19890120-930120] [ABC] [---]",
            "f",
            1,
            &mut w,
        );
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].from, Date::new(2009, 1, 20));
        assert_eq!(c[1].to, Date::new(1993, 1, 20));
        assert!(!c[2].is_dated());
        assert!(w.is_empty());
        let c = parse_codes("[ABCGOV > 140608] [ABCGOV 9008223-911221]", "f", 2, &mut w);
        assert_eq!(c[0].from, Date::new(2014, 6, 8));
        assert_eq!(c[1].from, None);
        assert_eq!(w.len(), 1);
        assert!(w[0].starts_with("f:2:"));
    }
}
