//! The matching rules of score.py: name normalisation, partial-name matching, text overlap,
//! determiner stripping and the greedy one-to-one matcher.

use std::collections::BTreeSet;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::py;

/// A set of normalised names.
pub(crate) type Keys = BTreeSet<String>;

/// The determiners score.py ignores at the start of a name or span.
const DETERMINERS: [&str; 3] = ["the", "a", "an"];

/// Length in code points of a leading determiner and the white space after it (`(the|a|an)\s+`,
/// matched case-insensitively when `fold` is set), or `None`.
fn determiner_len(s: &[char], fold: bool) -> Option<usize> {
    DETERMINERS.iter().find_map(|det| {
        let n = det.chars().count();
        let head = s.get(..n)?;
        let same = head.iter().zip(det.chars()).all(|(&c, d)| {
            if fold {
                c.to_ascii_lowercase() == d
            } else {
                c == d
            }
        });
        if !same {
            return None;
        }
        let spaces = s.get(n..)?.iter().take_while(|&&c| py::is_space(c)).count();
        (spaces > 0).then_some(n + spaces)
    })
}

/// score.py's `norm`: NFKC, curly single quotes made straight, white space stripped, lower
/// case, a leading "the"/"a"/"an" and a trailing "'s" or "'" removed, white space runs made
/// one space, and " .,;:" stripped from both ends.
pub(crate) fn norm(s: &str) -> String {
    let s: String = s
        .nfkc()
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .collect();
    let s = py::strip_space(&s).to_lowercase();
    let chars: Vec<char> = s.chars().collect();
    let skip = determiner_len(&chars, false).unwrap_or(0);
    let mut rest = chars.get(skip..).unwrap_or(&[]);
    // `('s|')$`: the input was stripped, so `$` can only be the very end here.
    if rest.ends_with(&['\'', 's']) {
        rest = rest.get(..rest.len() - 2).unwrap_or(&[]);
    } else if rest.ends_with(&['\'']) {
        rest = rest.get(..rest.len() - 1).unwrap_or(&[]);
    }
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for &c in rest {
        if py::is_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out.trim_matches(|c| matches!(c, ' ' | '.' | ',' | ';' | ':'))
        .to_string()
}

/// `norm(v)` of any JSON value: `None` gives "", a string is normalised, and any other value
/// (on which score.py would fail) is normalised as its Python `str()`.
pub(crate) fn norm_value(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => norm(s),
        Some(other) => norm(&py::to_str(other)),
    }
}

/// Whether `short` occurs in `long` as a run of whole words: `(?<!\w)short(?!\w)`.
fn contains_whole_words(long: &str, short: &str) -> bool {
    // Every occurrence, overlapping ones included, as a regex search tries every position.
    let mut from = 0;
    while let Some(pos) = long.get(from..).and_then(|rest| rest.find(short)) {
        let at = from + pos;
        let before = long.get(..at).and_then(|b| b.chars().next_back());
        let after = long.get(at + short.len()..).and_then(|a| a.chars().next());
        if !before.is_some_and(py::is_word) && !after.is_some_and(py::is_word) {
            return true;
        }
        // Advance by one character.
        let step = long
            .get(at..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        from = at + step;
    }
    false
}

/// score.py's `keys_match`: the two name sets share a name, or a name of at least 4 characters
/// on one side is a run of whole words in a name of the other side at most twice as long.
pub(crate) fn keys_match(a: &Keys, b: &Keys) -> bool {
    if a.iter().any(|x| b.contains(x)) {
        return true;
    }
    for x in a {
        let lx = x.chars().count();
        for y in b {
            let ly = y.chars().count();
            let ((short, ls), (long, ll)) = if lx <= ly {
                ((x, lx), (y, ly))
            } else {
                ((y, ly), (x, lx))
            };
            if ls >= 4 && 2 * ls >= ll && contains_whole_words(long, short) {
                return true;
            }
        }
    }
    false
}

/// score.py's `overlap` of two already normalised strings: the share of each covered by the
/// other (containment), else the share of common words.
pub(crate) fn overlap_norm(na: &str, nb: &str) -> (f64, f64) {
    let la = na.chars().count();
    let lb = nb.chars().count();
    if nb.contains(na) {
        return (1.0, la as f64 / lb.max(1) as f64);
    }
    if na.contains(nb) {
        return (lb as f64 / la.max(1) as f64, 1.0);
    }
    let ta: Vec<&str> = na.split(py::is_space).filter(|w| !w.is_empty()).collect();
    let tb: Vec<&str> = nb.split(py::is_space).filter(|w| !w.is_empty()).collect();
    let distinct: BTreeSet<&str> = ta.iter().copied().collect();
    let common: usize = distinct
        .iter()
        .map(|w| {
            let ca = ta.iter().filter(|t| *t == w).count();
            let cb = tb.iter().filter(|t| *t == w).count();
            ca.min(cb)
        })
        .sum();
    (
        common as f64 / ta.len().max(1) as f64,
        common as f64 / tb.len().max(1) as f64,
    )
}

/// A text operand of `overlap`, normalised: `None` when score.py would return (0, 0) at once
/// (a falsy value) or fail (a value that is not a string).
pub(crate) fn overlap_operand(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::String(s)) if !s.is_empty() => Some(norm(s)),
        _ => None,
    }
}

/// score.py's `overlap(a, b)` over prepared operands.
pub(crate) fn overlap(a: Option<&str>, b: Option<&str>) -> (f64, f64) {
    match (a, b) {
        (Some(a), Some(b)) => overlap_norm(a, b),
        _ => (0.0, 0.0),
    }
}

/// Whether both shares of an overlap reach one half.
pub(crate) fn half_both(a: Option<&str>, b: Option<&str>) -> bool {
    let (x, y) = overlap(a, b);
    x >= 0.5 && y >= 0.5
}

/// score.py's `strip_the`: the span `text[start:end]` without a leading determiner (any case)
/// and the white space after it. Offsets are code points and follow Python slicing (`None` is
/// an open bound; a determiner after an open start is left alone, where score.py would fail).
pub(crate) fn strip_the(
    text: &[char],
    start: Option<i64>,
    end: Option<i64>,
) -> (Option<i64>, Option<i64>) {
    if text.is_empty() {
        return (start, end);
    }
    let span = py::slice_chars(text, start, end);
    match (determiner_len(span, true), start) {
        (Some(n), Some(s)) => (
            Some(s.saturating_add(i64::try_from(n).unwrap_or(i64::MAX))),
            end,
        ),
        _ => (start, end),
    }
}

/// The outcome of a greedy matching.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Matching {
    /// Whether each gold item was matched.
    pub gold: Vec<bool>,
    /// Whether each prediction was matched.
    pub pred: Vec<bool>,
    /// The (gold, prediction) pairs, in gold order.
    pub pairs: Vec<(usize, usize)>,
}

impl Matching {
    /// Number of matched predictions.
    pub fn pred_count(&self) -> usize {
        self.pred.iter().filter(|m| **m).count()
    }
}

/// score.py's `match`: one-to-one and greedy in gold order, each gold item taking the first
/// unused prediction for which `ok(gold, pred)` holds.
pub(crate) fn greedy_match(
    n_gold: usize,
    n_pred: usize,
    mut ok: impl FnMut(usize, usize) -> bool,
) -> Matching {
    let mut m = Matching {
        gold: vec![false; n_gold],
        pred: vec![false; n_pred],
        pairs: Vec::new(),
    };
    for gi in 0..n_gold {
        for pi in 0..n_pred {
            if !m.pred[pi] && ok(gi, pi) {
                m.pred[pi] = true;
                m.gold[gi] = true;
                m.pairs.push((gi, pi));
                break;
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(names: &[&str]) -> Keys {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn norm_follows_score_py() {
        assert_eq!(norm("The Harbour Board"), "harbour board");
        assert_eq!(norm("  the   Harbour\tBoard. "), "harbour board");
        assert_eq!(norm("An Ostrava firm"), "ostrava firm");
        assert_eq!(norm("A  Kessel team"), "kessel team");
        assert_eq!(norm("Anna"), "anna");
        assert_eq!(norm("Theodora"), "theodora");
        assert_eq!(norm("the"), "the");
        assert_eq!(norm("Veldmark’s"), "veldmark");
        assert_eq!(norm("Veldmark‘s"), "veldmark");
        assert_eq!(norm("the farmers'"), "farmers");
        assert_eq!(norm("x''"), "x'");
        assert_eq!(norm("'s"), "");
        assert_eq!(norm("ﬁnance ＭＩＮＩＳＴＲＹ"), "finance ministry");
        assert_eq!(norm("\u{a0}Lake\u{1c}Orva ;"), "lake orva");
        assert_eq!(norm("...Port Ilse,:"), "port ilse");
        assert_eq!(norm(""), "");
        assert_eq!(norm_value(None), "");
        assert_eq!(norm_value(Some(&Value::from(12))), "12");
    }

    #[test]
    fn keys_match_by_name_or_whole_word_part() {
        assert!(keys_match(
            &keys(&["orva", "lake orva"]),
            &keys(&["lake orva"])
        ));
        // A whole-word part covering at least half of the longer name.
        assert!(keys_match(
            &keys(&["tessin militias"]),
            &keys(&["tessin militias in kor"])
        ));
        // Too short a part (under half of the longer).
        assert!(!keys_match(
            &keys(&["kor"]),
            &keys(&["tessin militias in kor"])
        ));
        assert!(!keys_match(
            &keys(&["militias"]),
            &keys(&["tessin-backed militias in kor"])
        ));
        // Not on a word boundary.
        assert!(!keys_match(&keys(&["anders"]), &keys(&["flanders"])));
        assert!(!keys_match(&keys(&["port"]), &keys(&["ports"])));
        assert!(keys_match(&keys(&["port"]), &keys(&["new port"])));
        // Fewer than 4 characters never match in part.
        assert!(!keys_match(&keys(&["rio"]), &keys(&["rio x"])));
        // An earlier, failing occurrence does not hide a later one.
        assert!(keys_match(&keys(&["aa aa"]), &keys(&["aaa aa aa"])));
        assert!(!keys_match(&keys(&[]), &keys(&["x"])));
        assert!(keys_match(&keys(&[""]), &keys(&[""])));
        // Lengths count code points.
        assert!(keys_match(&keys(&["éééé"]), &keys(&["éééé xyz"])));
    }

    #[test]
    fn overlap_by_containment_or_words() {
        assert_eq!(overlap_norm("we will", "we will build"), (1.0, 7.0 / 13.0));
        assert_eq!(
            overlap_norm("we will build", "will build"),
            (10.0 / 13.0, 1.0)
        );
        assert_eq!(overlap_norm("a b c d", "c d e f"), (0.5, 0.5));
        assert_eq!(overlap_norm("x x y", "x z"), (1.0 / 3.0, 0.5));
        assert_eq!(overlap_norm("", "abc"), (1.0, 0.0));
        assert_eq!(overlap(None, Some("a")), (0.0, 0.0));
        assert_eq!(overlap_operand(Some(&Value::from(""))), None);
        assert_eq!(overlap_operand(Some(&Value::from(3))), None);
        assert_eq!(
            overlap_operand(Some(&Value::from("The Plan."))),
            Some("plan".into())
        );
        assert!(half_both(Some("x y"), Some("y x z w")));
        assert!(!half_both(Some("x y"), Some("x y z w")));
        assert!(!half_both(Some("a"), Some("a b c")));
    }

    #[test]
    fn strip_the_skips_a_leading_determiner_in_code_points() {
        let t = chars("Né the  Orva Board and an ox");
        let st = |t: &[char], s: i64, e: i64| strip_the(t, Some(s), Some(e));
        assert_eq!(st(&t, 3, 18), (Some(8), Some(18)));
        assert_eq!(st(&t, 0, 2), (Some(0), Some(2)));
        assert_eq!(st(&t, 23, 28), (Some(26), Some(28)));
        assert_eq!(st(&chars("THE X"), 0, 5), (Some(4), Some(5)));
        assert_eq!(st(&chars("Then"), 0, 4), (Some(0), Some(4)));
        assert_eq!(st(&chars("an\u{a0}\u{1c}x"), 0, 5), (Some(4), Some(5)));
        // Python slicing: negative offsets count from the end; empty text changes nothing.
        assert_eq!(st(&chars("x a y"), -3, 5), (Some(-1), Some(5)));
        assert_eq!(st(&[], 0, 4), (Some(0), Some(4)));
        assert_eq!(st(&t, 9, 3), (Some(9), Some(3)));
        assert_eq!(st(&t, i64::MAX, i64::MIN), (Some(i64::MAX), Some(i64::MIN)));
        assert_eq!(strip_the(&t, Some(3), None), (Some(8), None));
        assert_eq!(strip_the(&chars("the x"), None, None), (None, None));
    }

    #[test]
    fn greedy_matching_takes_first_unused_prediction_in_gold_order() {
        // gold 0 fits preds 0 and 1, gold 1 fits only pred 0: greedy leaves gold 1 unmatched.
        let fits = [[true, true], [true, false]];
        let m = greedy_match(2, 2, |g, p| fits[g][p]);
        assert_eq!(m.pairs, vec![(0, 0)]);
        assert_eq!(m.gold, vec![true, false]);
        assert_eq!(m.pred, vec![true, false]);
        assert_eq!(m.pred_count(), 1);
        let m = greedy_match(3, 2, |_, _| true);
        assert_eq!(m.pairs, vec![(0, 0), (1, 1)]);
        assert_eq!(greedy_match(0, 3, |_, _| true).pred_count(), 0);
    }
}
