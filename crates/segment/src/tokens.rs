//! The tokenizer: words, numbers, punctuation, quotation marks and symbols, with byte offsets.
//!
//! One left-to-right pass over the bytes; ASCII is classified through a 256-entry table and only
//! non-ASCII characters are decoded. No regex, no allocation besides the output vector.
//!
//! Choices, following spaCy where it matters downstream:
//! - A word keeps inner apostrophes ("wouldn’t", "O’Brien", "d’Ivoire") and hyphens
//!   ("Iran-backed", "COVID-19", "U.S.-led").
//! - The possessive or contracted "’s"/"'s" is split off as its own [`TokenKind::Word`] token
//!   ("Israel" "'s", "it" "’s"); a bare trailing possessive apostrophe ("Hamas’ war") is its own
//!   [`TokenKind::Quote`] token.
//! - Elisions keep their apostrophe: "’90s", "’em", "’n’", "’til".
//! - Abbreviations keep their period: initialisms ("U.S.", "a.m.", "Ph.D."), the abbreviations
//!   of [`crate::abbrev`] ("Oct.", "Gen.", "Inc."), "No." only before a number, and single
//!   capital initials ("L."). A sentence-final "Inc." therefore carries the full stop, as in spaCy.
//! - Numbers keep their separators: "1,200" (groups of exactly three digits), "3.5", "10:30",
//!   "٣٫٥".
//!   A number followed by letters is a word ("6am", "1990s").
//! - Runs of periods ("..."), of hyphens ("--") and of `!`/`?` are one token each.
//! - Combining marks, joiners and emoji modifiers stay with the token they follow.

use newsgraph_doc::{ByteSpan, Token, TokenKind};

use crate::abbrev::{classify, Abbrev};
use crate::chars::{
    char_at, char_before, is_mark, is_quote, is_space, is_unicode_punct, is_word_char,
};

/// Byte classes of the ASCII table.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const PUNCT: u8 = 3;
const SYMBOL: u8 = 4;
const QUOTE: u8 = 5;
const HIGH: u8 = 6;

const CLASS: [u8; 256] = build_classes();

const fn build_classes() -> [u8; 256] {
    let mut t = [SYMBOL; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            HIGH
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            SPACE
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'"' | b'\'' | b'`') {
            QUOTE
        } else if matches!(
            c,
            b'.' | b','
                | b';'
                | b':'
                | b'!'
                | b'?'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'-'
                | b'/'
                | b'\\'
        ) {
            PUNCT
        } else {
            SYMBOL
        };
        b += 1;
    }
    t
}

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// Tokenizes `text`.
///
/// ```
/// use newsgraph_segment::tokenize;
///
/// let text = "The U.S.-backed plan wouldn’t cost $1,200.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.span.get(text).unwrap()).collect();
/// assert_eq!(words, ["The", "U.S.-backed", "plan", "wouldn’t", "cost", "$", "1,200", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Tokenizes `text`, appending the tokens to `out` (whose earlier contents are kept).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let first = out.len();
    let mut i = 0usize;
    while i < n {
        let Some(&b) = bytes.get(i) else { break };
        match class(b) {
            SPACE => i += 1,
            LETTER | DIGIT => i = push_word(text, i, i, out),
            PUNCT => {
                let end = match b {
                    b'.' | b'-' => run_of(bytes, i, |x| x == b),
                    b'!' | b'?' => run_of(bytes, i, |x| x == b'!' || x == b'?'),
                    _ => i + 1,
                };
                push(out, i, end, TokenKind::Punct);
                i = end;
            }
            QUOTE => i = push_quote(text, i, b as char, out),
            HIGH => {
                let Some(c) = char_at(text, i) else {
                    i += 1;
                    continue;
                };
                let len = c.len_utf8();
                if is_space(c) {
                    i += len;
                } else if c.is_alphanumeric() {
                    i = push_word(text, i, i, out);
                } else if is_quote(c) {
                    i = push_quote(text, i, c, out);
                } else if is_mark(c) {
                    attach_or_push(out, first, i, i + len);
                    i += len;
                } else if is_unicode_punct(c) {
                    push(out, i, i + len, TokenKind::Punct);
                    i += len;
                } else {
                    push(out, i, i + len, TokenKind::Symbol);
                    i += len;
                }
            }
            _ => {
                push(out, i, i + 1, TokenKind::Symbol);
                i += 1;
            }
        }
    }
}

#[inline]
fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: ByteSpan::ordered(start, end),
        kind,
    });
}

/// A mark joins the token that ends right before it; otherwise it is a symbol of its own.
fn attach_or_push(out: &mut Vec<Token>, first: usize, start: usize, end: usize) {
    if out.len() > first {
        if let Some(last) = out.last_mut() {
            if last.span.end() == start {
                last.span = ByteSpan::ordered(last.span.start(), end);
                return;
            }
        }
    }
    push(out, start, end, TokenKind::Symbol);
}

fn run_of(bytes: &[u8], start: usize, same: impl Fn(u8) -> bool) -> usize {
    let mut j = start + 1;
    while let Some(&x) = bytes.get(j) {
        if !same(x) {
            break;
        }
        j += 1;
    }
    j
}

/// A quotation mark or apostrophe at `i`: "’s" after a word, an elision before one, or a
/// standalone [`TokenKind::Quote`]. Returns the offset after what was pushed.
fn push_quote(text: &str, i: usize, c: char, out: &mut Vec<Token>) -> usize {
    let len = c.len_utf8();
    let after = i + len;
    if c == '\'' || c == '\u{2019}' {
        let prev = char_before(text, i);
        let next = char_at(text, after);
        let prev_word = prev.is_some_and(is_word_char);
        if prev_word && matches!(next, Some('s' | 'S')) {
            let end = after + 1;
            if !char_at(text, end).is_some_and(is_word_char) {
                push(out, i, end, TokenKind::Word);
                return end;
            }
        }
        if !prev_word {
            if elision_end(text, after).is_some() {
                return push_word(text, i, after, out);
            } else if let Some(end) = elision_n(text, after) {
                push(out, i, end, TokenKind::Word);
                return end;
            }
        }
    }
    push(out, i, after, TokenKind::Quote);
    after
}

/// After a leading apostrophe at word start: a word it elides into ("90s", "em", "til"),
/// returning the word's end; the apostrophe then belongs to the word.
fn elision_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let d0 = bytes.get(at).is_some_and(u8::is_ascii_digit);
    let d1 = bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
    let d2 = bytes.get(at + 2).is_some_and(u8::is_ascii_digit);
    if d0 && d1 && !d2 {
        return Some(at + 2);
    }
    for w in ["em", "til", "tis", "twas", "cause", "bout"] {
        if text.get(at..at + w.len()) == Some(w)
            && !char_at(text, at + w.len()).is_some_and(is_word_char)
        {
            return Some(at + w.len());
        }
    }
    None
}

/// "’n’" (as in "rock ’n’ roll"): the end after the second apostrophe.
fn elision_n(text: &str, at: usize) -> Option<usize> {
    if text.as_bytes().get(at) != Some(&b'n') {
        return None;
    }
    let q = char_at(text, at + 1)?;
    if q != '\'' && q != '\u{2019}' {
        return None;
    }
    let end = at + 1 + q.len_utf8();
    if char_at(text, end).is_some_and(is_word_char) {
        return None;
    }
    Some(end)
}

/// Scans a word or number whose first word character is at `word_start` (the token itself
/// starts at `start`, earlier when an elision apostrophe leads it), pushes it and returns its
/// end.
fn push_word(text: &str, start: usize, word_start: usize, out: &mut Vec<Token>) -> usize {
    let (end, has_letter) = scan_word(text, word_start);
    let kind = if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    push(out, start, end, kind);
    end
}

/// The end of the word or number starting at `start`, and whether it holds a letter.
fn scan_word(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut has_letter = false;
    loop {
        // A run of word characters.
        loop {
            match bytes.get(i) {
                Some(&b) if b < 0x80 => match class(b) {
                    LETTER => {
                        has_letter = true;
                        i += 1;
                    }
                    DIGIT => i += 1,
                    _ => break,
                },
                Some(_) => match char_at(text, i) {
                    Some(c) if c.is_alphabetic() => {
                        has_letter = true;
                        i += c.len_utf8();
                    }
                    Some(c) if is_word_char(c) => i += c.len_utf8(),
                    _ => break,
                },
                None => break,
            }
        }
        // What joins this run to the next, if anything.
        let Some(c) = char_at(text, i) else { break };
        let after = i + c.len_utf8();
        let next = char_at(text, after);
        match c {
            '.' => {
                if !has_letter && next.is_some_and(|x| x.is_ascii_digit()) {
                    i = after;
                    continue;
                }
                if has_letter {
                    if let Some(end) = abbreviation_end(text, start, i) {
                        i = end;
                        // "U.S.-backed": an initialism may head a hyphenated word.
                        if bytes.get(i) == Some(&b'-')
                            && char_at(text, i + 1).is_some_and(char::is_alphanumeric)
                        {
                            i += 1;
                            continue;
                        }
                    }
                }
                break;
            }
            ',' => {
                let three = (0..3).all(|k| bytes.get(after + k).is_some_and(u8::is_ascii_digit));
                let fourth = bytes.get(after + 3).is_some_and(u8::is_ascii_digit);
                if !has_letter && three && !fourth {
                    i = after;
                    continue;
                }
                break;
            }
            '\u{066B}' | '\u{066C}' => {
                // Arabic decimal and thousands separators: "٣٫٥".
                if !has_letter && next.is_some_and(char::is_numeric) {
                    i = after;
                    continue;
                }
                break;
            }
            ':' => {
                if !has_letter && next.is_some_and(|x| x.is_ascii_digit()) {
                    i = after;
                    continue;
                }
                break;
            }
            '-' | '\u{2010}' | '\u{2011}' => {
                if next.is_some_and(char::is_alphanumeric) {
                    i = after;
                    continue;
                }
                break;
            }
            '\'' | '\u{2019}' => {
                let prev_letter = char_before(text, i).is_some_and(char::is_alphabetic);
                if prev_letter && next.is_some_and(char::is_alphabetic) {
                    let s_end = after + 1;
                    let is_s = matches!(next, Some('s' | 'S'))
                        && !char_at(text, s_end).is_some_and(is_word_char);
                    if !is_s {
                        i = after;
                        continue;
                    }
                }
                break;
            }
            '&' => {
                let up_before = char_before(text, i).is_some_and(|x| x.is_ascii_uppercase());
                if up_before && next.is_some_and(|x| x.is_ascii_uppercase()) {
                    i = after;
                    continue;
                }
                break;
            }
            _ => break,
        }
    }
    (i, has_letter)
}

/// The word `[start, dot)` is followed by a period at `dot`: the end of the abbreviation
/// (after its final period) when the period belongs to the word.
fn abbreviation_end(text: &str, start: usize, dot: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let word = text.get(start..dot)?;
    let letters = word.len();
    // Initialisms: groups of one or two ASCII letters, each followed by a period.
    if (1..=2).contains(&letters) && word.bytes().all(|b| b.is_ascii_alphabetic()) {
        let mut j = dot + 1;
        let mut groups = 1;
        loop {
            let mut k = 0;
            while k < 3 && bytes.get(j + k).is_some_and(u8::is_ascii_alphabetic) {
                k += 1;
            }
            if (1..=2).contains(&k) && bytes.get(j + k) == Some(&b'.') {
                groups += 1;
                j += k + 1;
            } else {
                break;
            }
        }
        if groups >= 2 {
            return Some(j);
        }
    }
    match classify(word) {
        Some(Abbrev::NumPrefix) => {
            let k = crate::chars::skip_inline_space(text, dot + 1, text.len());
            if bytes.get(k).is_some_and(u8::is_ascii_digit) {
                Some(dot + 1)
            } else {
                None
            }
        }
        Some(_) => Some(dot + 1),
        None => {
            let mut cs = word.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_uppercase() => Some(dot + 1),
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.span.get(text).unwrap(), t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            words("On Oct. 7, 1,200 people... died at 10:30 (3.5%)!?"),
            [
                "On", "Oct.", "7", ",", "1,200", "people", "...", "died", "at", "10:30", "(",
                "3.5", "%", ")", "!?"
            ]
        );
    }

    #[test]
    fn apostrophes() {
        assert_eq!(
            words("Israel's army wouldn’t say it’s Hamas’ plan in the ’90s"),
            [
                "Israel",
                "'s",
                "army",
                "wouldn’t",
                "say",
                "it",
                "’s",
                "Hamas",
                "’",
                "plan",
                "in",
                "the",
                "’90s"
            ]
        );
        assert_eq!(
            words("rock ’n’ roll, ’em"),
            ["rock", "’n’", "roll", ",", "’em"]
        );
        assert_eq!(words("O’Brien d’Ivoire"), ["O’Brien", "d’Ivoire"]);
        assert_eq!(words("٣٫٥ مليون"), ["٣٫٥", "مليون"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            words("U.S. and U.N. Gen. L. Ron at 6 p.m. No. 10 said no. Acme Inc."),
            [
                "U.S.", "and", "U.N.", "Gen.", "L.", "Ron", "at", "6", "p.m.", "No.", "10", "said",
                "no", ".", "Acme", "Inc."
            ]
        );
    }

    #[test]
    fn kinds() {
        let t = toks("“6am” 1990s 42 $ —");
        let kinds: Vec<_> = t.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Quote,
                TokenKind::Word,
                TokenKind::Quote,
                TokenKind::Word,
                TokenKind::Number,
                TokenKind::Symbol,
                TokenKind::Punct
            ]
        );
    }

    #[test]
    fn marks_stay_with_their_token() {
        assert_eq!(
            words("e\u{301}te\u{301} 👍\u{1F3FD} \u{301}"),
            ["e\u{301}te\u{301}", "👍\u{1F3FD}", "\u{301}"]
        );
    }
}
