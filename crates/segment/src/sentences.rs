//! The sentence splitter.
//!
//! Rules, in order of strength:
//! 1. Regions (headline, byline, dateline) are never part of a sentence.
//! 2. A line break always ends a sentence: headlines, list items ("- ", "* ", "• ", "1. ") and
//!    paragraphs without final punctuation are sentences of their own. A numbered list marker
//!    ("1. ") at the start of a line is not a full stop.
//! 3. Within a line, a sentence ends after a run of terminators (`.`, `!`, `?`, `…`, `...`, and
//!    the full stops of other scripts) and the closing quotation marks and brackets that follow
//!    them ("war.” He said": the break falls after ”), when white space follows. Full stops of
//!    CJK scripts end a sentence without it.
//! 4. Whether it ends there depends on the next word (past opening quotes and brackets) and, for
//!    a period, on the word before it:
//!    - `!`, `?`: break, except before a lower-case word when a closing quotation mark or
//!      bracket follows the mark ("“Why?” she asked").
//!    - ellipsis: break only before a capital.
//!    - titles ("Mr.", "Gen.", "St.") and "vs.", "e.g.": never break.
//!    - "No."/"Vol." before a number: no break.
//!    - months, states, upper-case initialisms ("Oct.", "Calif.", "U.S."): no break before a
//!      digit or a lower-case word; before a capital, break only if it is a common sentence
//!      opener ("The", "He", "But", ...): "U.S. officials", "U.S. Army" stay, "the U.S. The" ends.
//!    - "a.m."/"p.m.": break before a capital unless it continues the time ("6 p.m. Monday",
//!      "p.m. ET").
//!    - "Inc.", "Corp.", "Jr.", "etc.": break before any capital.
//!    - a single capital initial ("L. Ron Hubbard", "John F. Kennedy"): no break when the word
//!      before is capitalized or absent; "plan B. The" ends.
//!    - other words: break, except before a lower-case word when the word before the period
//!      looks like an unknown abbreviation (a capital and at most three more letters, "Pvt.").
//!      So text without capitals ("the fire spread. crews arrived.") is still split.
//!
//! The scan is linear: every look-back and look-ahead is bounded by a small constant.

use newsgraph_doc::{ByteSpan, Region, Sentence};

use crate::abbrev::{classify, continues_time, is_sentence_opener, Abbrev};
use crate::chars::{
    char_at, char_before, is_closer, is_line_break, is_mark, is_opener, is_space,
    is_spaceless_terminator, is_terminator, skip_inline_space,
};

/// The longest word looked at before a period or after a break, in bytes.
const WORD_LOOK: usize = 32;

/// Splits the body of `text` (everything outside `regions`) into sentences.
///
/// Sentence spans exclude surrounding white space, never overlap each other or a region, and
/// together with the regions cover every non-blank character. Regions that are out of bounds or
/// off character boundaries are ignored.
///
/// ```
/// use newsgraph_segment::split_sentences;
///
/// let text = "Gen. Lee met U.S. officials at 6 p.m. Monday. “We heard the sirens at dawn.” He left.";
/// let got: Vec<&str> = split_sentences(text, &[]).iter().map(|s| s.span.get(text).unwrap()).collect();
/// assert_eq!(got, ["Gen. Lee met U.S. officials at 6 p.m. Monday.", "“We heard the sirens at dawn.”", "He left."]);
/// ```
pub fn split_sentences(text: &str, regions: &[Region]) -> Vec<Sentence> {
    let mut spans: Vec<ByteSpan> = regions
        .iter()
        .map(|r| r.span)
        .filter(|s| s.get(text).is_some())
        .collect();
    spans.sort();
    let mut out = Vec::with_capacity(text.len() / 120 + 1);
    let mut pos = 0usize;
    for s in spans {
        if s.start() > pos {
            split_block(text, pos, s.start(), &mut out);
        }
        pos = pos.max(s.end());
    }
    if pos < text.len() {
        split_block(text, pos, text.len(), &mut out);
    }
    out
}

/// The sentence being built: where it starts and where its last non-blank character ends.
struct Pending<'o> {
    start: Option<usize>,
    end: usize,
    out: &'o mut Vec<Sentence>,
}

impl Pending<'_> {
    #[inline]
    fn flush(&mut self) {
        if let Some(s) = self.start.take() {
            if self.end > s {
                self.out.push(Sentence::new(ByteSpan::ordered(s, self.end)));
            }
        }
    }
}

fn split_block(text: &str, a: usize, b: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut p = Pending {
        start: None,
        end: a,
        out,
    };
    let mut line_start = true;
    let mut i = a;
    while i < b {
        let Some(&byte) = bytes.get(i) else { break };
        let (c, len) = if byte < 0x80 {
            match byte {
                b'\n' | b'\r' | 0x0B | 0x0C => {
                    p.flush();
                    line_start = true;
                    i += 1;
                    continue;
                }
                b' ' | b'\t' => {
                    i += 1;
                    continue;
                }
                _ => (byte as char, 1),
            }
        } else {
            let Some(c) = char_at(text, i) else {
                i += 1;
                continue;
            };
            let len = c.len_utf8();
            if is_space(c) {
                if is_line_break(c) {
                    p.flush();
                    line_start = true;
                }
                i += len;
                continue;
            }
            (c, len)
        };
        if p.start.is_none() {
            p.start = Some(i);
            if line_start {
                let after = list_marker_end(bytes, i, b);
                if after > i {
                    line_start = false;
                    p.end = after;
                    i = after;
                    continue;
                }
            }
        }
        line_start = false;
        if is_terminator(c) {
            let sent_start = p.start.unwrap_or(i);
            let (run_end, brk) = terminator(text, i, b, sent_start);
            p.end = run_end;
            i = run_end;
            if brk {
                p.flush();
            }
            continue;
        }
        p.end = i + len;
        i += len;
    }
    p.flush();
}

/// "1. ", "12) " at the start of a line: the offset after the marker's `.` or `)`, or `i`.
fn list_marker_end(bytes: &[u8], i: usize, b: usize) -> usize {
    let mut j = i;
    while j < b && j - i < 3 && bytes.get(j).is_some_and(u8::is_ascii_digit) {
        j += 1;
    }
    if j == i || j + 1 >= b {
        return i;
    }
    let punct = matches!(bytes.get(j), Some(b'.' | b')'));
    let space = matches!(bytes.get(j + 1), Some(b' ' | b'\t'));
    if punct && space {
        j + 1
    } else {
        i
    }
}

/// What kind of terminator run ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Period,
    Ellipsis,
    Strong,
}

/// The terminator run starting at `i`: its end (after closing quotes and brackets) and whether
/// the sentence ends there.
fn terminator(text: &str, i: usize, b: usize, sent_start: usize) -> (usize, bool) {
    let mut j = i;
    let mut dots = 0usize;
    let mut strong = false;
    let mut ellipsis = false;
    let mut spaceless = false;
    let mut closed = false;
    while j < b {
        let Some(c) = char_at(text, j) else { break };
        if is_terminator(c) {
            if closed {
                break;
            }
            match c {
                '.' => dots += 1,
                '\u{2026}' => ellipsis = true,
                _ => strong = true,
            }
            spaceless |= is_spaceless_terminator(c);
        } else if is_closer(c) {
            closed = true;
        } else {
            break;
        }
        j += c.len_utf8();
    }
    if j >= b || spaceless {
        return (j, true);
    }
    match char_at(text, j) {
        Some(c) if is_space(c) => {}
        _ => return (j, false),
    }
    let q = skip_inline_space(text, j, b);
    let next = if q >= b { None } else { char_at(text, q) };
    let Some(first) = next else { return (j, true) };
    if is_line_break(first) {
        return (j, true);
    }
    // The next word, past opening quotes and brackets.
    let mut k = q;
    while k < b && k - q < 16 {
        match char_at(text, k) {
            Some(c) if is_opener(c) => k += c.len_utf8(),
            _ => break,
        }
    }
    let Some(c) = char_at(text, k) else {
        return (j, true);
    };
    let next_word = word_at(text, k, b);
    let run = if strong {
        Run::Strong
    } else if ellipsis || dots >= 2 {
        Run::Ellipsis
    } else {
        Run::Period
    };
    let brk = match run {
        Run::Strong => !closed || !c.is_lowercase(),
        Run::Ellipsis => c.is_uppercase(),
        Run::Period => period_ends(text, i, sent_start, c, next_word),
    };
    (j, brk)
}

/// The word characters starting at `k` (at most [`WORD_LOOK`] bytes).
fn word_at(text: &str, k: usize, b: usize) -> &str {
    let mut e = k;
    while e < b && e - k < WORD_LOOK {
        match char_at(text, e) {
            Some(c) if c.is_alphanumeric() || is_mark(c) => e += c.len_utf8(),
            _ => break,
        }
    }
    text.get(k..e).unwrap_or("")
}

/// The start of the word (letters, digits and inner periods) ending at `end`, no earlier than
/// `lo`; `None` when it is longer than [`WORD_LOOK`].
fn word_start_before(text: &str, end: usize, lo: usize) -> Option<usize> {
    let mut j = end;
    while j > lo {
        let Some(c) = char_before(text, j) else { break };
        if !(c.is_alphanumeric() || c == '.' || is_mark(c)) {
            break;
        }
        j -= c.len_utf8();
        if end - j > WORD_LOOK {
            return None;
        }
    }
    Some(j)
}

/// Does the period at `dot` end the sentence, given the first character `c` of the next word
/// and the word itself?
fn period_ends(text: &str, dot: usize, sent_start: usize, c: char, next_word: &str) -> bool {
    let Some(ws) = word_start_before(text, dot, sent_start) else {
        return true;
    };
    let word = text.get(ws..dot).unwrap_or("").trim_start_matches('.');
    if word.is_empty() {
        return !c.is_lowercase();
    }
    let lower = c.is_lowercase();
    let digit = c.is_numeric();
    match classify(word) {
        Some(Abbrev::Title | Abbrev::Inner) => false,
        Some(Abbrev::NumPrefix) if digit => false,
        Some(Abbrev::NumPrefix) => plain_ends(word, c),
        Some(Abbrev::Month | Abbrev::State | Abbrev::Initialism) => {
            !(lower || digit) && is_sentence_opener(next_word)
        }
        Some(Abbrev::Time) => !(lower || digit || continues_time(next_word)),
        Some(Abbrev::Suffix) => !(lower || digit),
        None => {
            let mut cs = word.chars();
            match (cs.next(), cs.next()) {
                (Some(w), None) if w.is_uppercase() => {
                    if lower {
                        false
                    } else if c.is_uppercase() {
                        !previous_word_capitalized_or_absent(text, ws, sent_start)
                    } else {
                        true
                    }
                }
                _ => plain_ends(word, c),
            }
        }
    }
}

/// A period after an ordinary word: a break, except before a lower-case word when the word
/// looks like an unknown abbreviation (a capital and at most three lower-case letters).
fn plain_ends(word: &str, c: char) -> bool {
    if !c.is_lowercase() {
        return true;
    }
    let mut cs = word.chars();
    let first_upper = cs.next().is_some_and(char::is_uppercase);
    let mut n = 1usize;
    let mut rest_lower = true;
    for ch in cs {
        n += 1;
        if !ch.is_lowercase() {
            rest_lower = false;
        }
    }
    !(first_upper && rest_lower && n <= 4)
}

/// For an initial at `ws`: is the word before it capitalized, or is there none in this
/// sentence ("L. Ron Hubbard" at a sentence start)?
fn previous_word_capitalized_or_absent(text: &str, ws: usize, sent_start: usize) -> bool {
    let mut j = ws;
    while j > sent_start {
        match char_before(text, j) {
            Some(c) if is_space(c) => j -= c.len_utf8(),
            _ => break,
        }
    }
    if j <= sent_start {
        return true;
    }
    match char_before(text, j) {
        Some(c) if c.is_alphanumeric() || c == '.' => {}
        _ => return true,
    }
    let Some(start) = word_start_before(text, j, sent_start) else {
        return false;
    };
    let word = text.get(start..j).unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, &[])
            .iter()
            .map(|s| s.span.get(text).unwrap())
            .collect()
    }

    #[test]
    fn abbreviations_and_times() {
        assert_eq!(
            split("They met at 6 p.m. Monday in the U.S. capital. It ended by 6 p.m. The next day was calm."),
            [
                "They met at 6 p.m. Monday in the U.S. capital.",
                "It ended by 6 p.m.",
                "The next day was calm."
            ]
        );
        assert_eq!(
            split("On Oct. 7 Sen. Ray spoke. No. 10 said so. Acme Inc. The firm rose."),
            [
                "On Oct. 7 Sen. Ray spoke.",
                "No. 10 said so.",
                "Acme Inc.",
                "The firm rose."
            ]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            split("L. Ron Hubbard and John F. Kennedy met. It was plan B. The end."),
            [
                "L. Ron Hubbard and John F. Kennedy met.",
                "It was plan B.",
                "The end."
            ]
        );
    }

    #[test]
    fn quotes_and_questions() {
        assert_eq!(
            split(
                "“We heard the sirens at dawn.” He said. “Why?” she asked. “It is war,” said Ali."
            ),
            [
                "“We heard the sirens at dawn.”",
                "He said.",
                "“Why?” she asked.",
                "“It is war,” said Ali."
            ]
        );
    }

    #[test]
    fn lines_and_lists() {
        assert_eq!(
            split("HEADLINE HERE\n\nBody one. Body two\n- item one\n1. First thing\n2) Second"),
            [
                "HEADLINE HERE",
                "Body one.",
                "Body two",
                "- item one",
                "1. First thing",
                "2) Second"
            ]
        );
    }

    #[test]
    fn no_capitals() {
        assert_eq!(
            split("the fire spread. crews arrived... and left. pvt. ok"),
            [
                "the fire spread.",
                "crews arrived... and left.",
                "pvt.",
                "ok"
            ]
        );
    }
}
