//! Python semantics that score.py relies on, over `serde_json` values: truthiness, equality,
//! `str()` and `repr()`, iteration, slicing, and the character classes of `re` and `str`.

use serde_json::{Map, Value};

/// A JSON object.
pub(crate) type Obj = Map<String, Value>;

/// `str.isspace()`, which is also what `\s` matches in a `str` pattern: Rust's White_Space set
/// plus the four information separators U+001C..U+001F.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// What `\w` matches in a `str` pattern: alphanumeric or `_`.
///
/// Rust's `is_alphanumeric` (Alphabetic or Numeric) differs from Python's `isalnum` only for rare
/// characters (combining vowel signs that are Other_Alphabetic).
pub(crate) fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `str.strip()`: strips Python white space from both ends.
pub(crate) fn strip_space(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `bool(v)`.
pub(crate) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// An integer as Python sees it (`bool` is an `int`), if `v` is one that fits in an `i64`.
pub(crate) fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Number(n) => n.as_i64(),
        _ => None,
    }
}

/// A number (or bool) as an exact integer, or else as a float.
enum Num {
    Int(i128),
    Float(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::Int(i128::from(*b))),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(Num::Int(i128::from(i)))
            } else if let Some(u) = n.as_u64() {
                Some(Num::Int(i128::from(u)))
            } else {
                n.as_f64().map(Num::Float)
            }
        }
        _ => None,
    }
}

/// Exact equality of an integer and a float, as Python compares them.
fn int_eq_float(i: i128, f: f64) -> bool {
    // Every i128 that equals an f64 is the truncation of that finite, integral f64.
    f.is_finite() && f.fract() == 0.0 && f.abs() < 1.0e38 && (f as i128) == i
}

/// `a == b`.
pub(crate) fn eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq(v, w)))
        }
        _ => match (as_num(a), as_num(b)) {
            (Some(Num::Int(x)), Some(Num::Int(y))) => x == y,
            (Some(Num::Float(x)), Some(Num::Float(y))) => x == y,
            (Some(Num::Int(x)), Some(Num::Float(y))) | (Some(Num::Float(y)), Some(Num::Int(x))) => {
                int_eq_float(x, y)
            }
            _ => false,
        },
    }
}

/// The items a `for` loop over `v` yields: a list's items, a string's characters, a dict's
/// keys. Python would fail on other values (and on `None`); they yield nothing here.
pub(crate) fn iter_items(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(a)) => a.clone(),
        Some(Value::String(s)) => s.chars().map(|c| Value::String(c.to_string())).collect(),
        Some(Value::Object(o)) => o.keys().map(|k| Value::String(k.clone())).collect(),
        _ => Vec::new(),
    }
}

/// The dicts of a list-valued field; anything else (where score.py would fail) is skipped.
pub(crate) fn objects<'a>(obj: &'a Obj, key: &str) -> Vec<&'a Obj> {
    match obj.get(key) {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    }
}

/// `x or {}` for a field expected to hold a dict: a non-dict counts as an empty dict.
pub(crate) fn dict_or_empty<'a>(v: Option<&'a Value>, empty: &'a Obj) -> &'a Obj {
    match v {
        Some(Value::Object(o)) => o,
        _ => empty,
    }
}

/// `str(v)`.
pub(crate) fn to_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// `str(v)` of an optional field, `None` when absent.
pub(crate) fn to_str_opt(v: Option<&Value>) -> String {
    v.map_or_else(|| "None".to_string(), to_str)
}

/// `repr(v)`.
pub(crate) fn repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                n.as_f64().map_or_else(|| n.to_string(), float_repr)
            }
        }
        Value::String(s) => repr_str(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", repr_str(k), repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// `repr(x)` of a float: the shortest digits that round-trip, in fixed notation when the
/// decimal exponent is in -4..16, else in scientific notation with a two-digit exponent.
pub(crate) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // Rust's `{:e}` gives the shortest round-trip digits too: "-1.5e-5", "1e16".
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    let decpt = exp + 1;
    if !(-3..=16).contains(&decpt) {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{frac}e{esign}{:02}", exp.unsigned_abs());
    }
    let n = digits.len() as i32;
    let body = if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat(decpt.unsigned_abs() as usize))
    } else if decpt >= n {
        format!("{digits}{}.0", "0".repeat((decpt - n) as usize))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{int}.{frac}")
    };
    format!("{sign}{body}")
}

/// Whether `str.isprintable()` holds for a non-ASCII character, for the categories that matter
/// in practice (Cc, Cf, Zs, Zl, Zp, Co and noncharacters; other unassigned code points are
/// taken as printable).
fn printable_non_ascii(c: char) -> bool {
    let u = c as u32;
    let not_printable = matches!(u,
        0x80..=0xA0 | 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x890..=0x891 | 0x8E2
        | 0x1680 | 0x180E | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x2064
        | 0x2066..=0x206F | 0x3000 | 0xE000..=0xF8FF | 0xFDD0..=0xFDEF | 0xFEFF
        | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x13438 | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F | 0xF0000..=0x10FFFF)
        || u & 0xFFFE == 0xFFFE;
    !not_printable
}

/// `repr(s)` of a string: single quotes unless the string holds `'` and no `"`; backslash
/// escapes for the quote, backslash, `\t`, `\n`, `\r` and non-printable characters.
pub(crate) fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() || printable_non_ascii(c) => out.push(c),
            c => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `s[start:end]` for a sequence of length `len`, as a clamped range `lo..hi` (`lo <= hi`):
/// negative indices count from the end, out-of-range ones are clamped, `None` is open.
pub(crate) fn slice_range(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let fix = |i: i64| -> usize {
        let i = if i < 0 { i.saturating_add(len_i) } else { i };
        usize::try_from(i.clamp(0, len_i)).unwrap_or(0)
    };
    let lo = start.map_or(0, fix);
    let hi = end.map_or(len, fix).max(lo);
    (lo, hi)
}

/// `text[start:end]` for text held as code points.
pub(crate) fn slice_chars(text: &[char], start: Option<i64>, end: Option<i64>) -> &[char] {
    let (lo, hi) = slice_range(text.len(), start, end);
    text.get(lo..hi).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn repr_of_strings_picks_quotes_and_escapes_like_python() {
        assert_eq!(repr_str("Kai Blum"), "'Kai Blum'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("it's \"x\""), "'it\\'s \"x\"'");
        assert_eq!(repr_str("a\\b\tc\nd"), "'a\\\\b\\tc\\nd'");
        assert_eq!(repr_str("\u{1}\u{7f}"), "'\\x01\\x7f'");
        assert_eq!(repr_str("nbsp\u{a0}shy\u{ad}"), "'nbsp\\xa0shy\\xad'");
        assert_eq!(repr_str("zw\u{200b}ls\u{2028}"), "'zw\\u200bls\\u2028'");
        assert_eq!(repr_str("café – “q” 北京 😀"), "'café – “q” 北京 😀'");
        assert_eq!(repr_str("\u{e000}\u{10fffd}"), "'\\ue000\\U0010fffd'");
    }

    #[test]
    fn repr_of_values_is_python_repr() {
        assert_eq!(
            repr(&json!(["Ana", 1, 2.5, null, true, {"k": "v's"}])),
            "['Ana', 1, 2.5, None, True, {'k': \"v's\"}]"
        );
        assert_eq!(to_str(&json!("plain")), "plain");
        assert_eq!(to_str(&json!(5)), "5");
        assert_eq!(to_str(&json!(5.0)), "5.0");
        assert_eq!(to_str_opt(None), "None");
    }

    #[test]
    fn floats_print_as_python_repr() {
        for (x, s) in [
            (1.0, "1.0"),
            (0.5, "0.5"),
            (-2.25, "-2.25"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.2345e20, "1.2345e+20"),
            (123.456, "123.456"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "-0.0"),
        ] {
            assert_eq!(float_repr(x), s, "{x}");
        }
    }

    #[test]
    fn equality_and_truth_follow_python() {
        assert!(eq(&json!(1), &json!(1.0)));
        assert!(eq(&json!(1), &json!(true)));
        assert!(!eq(&json!(1), &json!("1")));
        assert!(!eq(&json!(null), &json!(0)));
        assert!(eq(&json!([1, "a"]), &json!([1.0, "a"])));
        assert!(eq(&json!({"a": 1, "b": 2}), &json!({"b": 2, "a": 1})));
        assert!(!eq(
            &json!(9007199254740993_i64),
            &json!(9007199254740992.0)
        ));
        assert!(!truthy(Some(&json!(0.0))));
        assert!(!truthy(Some(&json!(""))));
        assert!(!truthy(Some(&json!({}))));
        assert!(truthy(Some(&json!(" "))));
        assert!(!truthy(None));
    }

    #[test]
    fn slicing_is_python_slicing() {
        let sr = |len, s, e| slice_range(len, Some(s), Some(e));
        assert_eq!(sr(10, 2, 5), (2, 5));
        assert_eq!(sr(10, -3, 10), (7, 10));
        assert_eq!(sr(10, 5, 2), (5, 5));
        assert_eq!(sr(10, -100, 100), (0, 10));
        assert_eq!(sr(10, i64::MIN, i64::MAX), (0, 10));
        assert_eq!(sr(0, 3, 4), (0, 0));
        assert_eq!(slice_range(10, None, Some(-2)), (0, 8));
        assert_eq!(slice_range(10, Some(4), None), (4, 10));
    }

    #[test]
    fn space_and_word_classes() {
        assert!(is_space('\u{1c}') && is_space('\u{a0}') && is_space('\u{3000}'));
        assert!(!is_space('\u{200b}'));
        assert!(is_word('_') && is_word('é') && is_word('٣') && !is_word('-'));
    }

    #[test]
    fn iteration_follows_python() {
        assert_eq!(iter_items(Some(&json!("ab"))), vec![json!("a"), json!("b")]);
        assert_eq!(iter_items(Some(&json!({"k": 1}))), vec![json!("k")]);
        assert!(iter_items(Some(&json!(3))).is_empty());
        assert!(iter_items(None).is_empty());
    }
}
