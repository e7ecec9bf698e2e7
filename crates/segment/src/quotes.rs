//! The quotation layer: pairs opening and closing quotation marks.
//!
//! One pass over the text with a stack of open marks. Each mark is read from its neighbours:
//!
//! - Curly double marks: “ opens, ” closes. „ opens (German and Polish), closed by “ or ”.
//!   A ” with nothing to close but a space before and a word after opens (a common misuse); a
//!   “ where a closing mark belongs (word before, space after) closes a pending “.
//! - Straight double quotes alternate by context: space, start or an opening bracket before and
//!   a non-space after opens; a non-space before and space or punctuation after closes; when
//!   the context says nothing, a pending quote is closed, or else a quote opens before a word.
//! - Single marks are mostly apostrophes, so they pair only when they look like quotation marks:
//!   - between letters ("wouldn’t", "it’s", "O’Brien"): apostrophe, ignored;
//!   - at a word start before a letter or digit: ’ is always an elision ("’90s", "’em", "’n’");
//!     ‘ and ' open, unless they elide ("'90s", "'em", "'til", "'n'");
//!   - after a word or punctuation, before space or punctuation: closes a pending single
//!     quote; with none pending, after "s" it is a plural possessive ("the Ministers’ plan",
//!     "Hamas’"), after another letter an elision ("goin’"), both ignored; after punctuation
//!     it is an unpaired closing mark.
//! - Guillemets « » and ‹ › pair, as do the reversed »German« forms.
//! - A closing mark closes the innermost open mark of its family; marks opened inside it and
//!   left open are reported as unpaired openings. Nested quotes (“He said ‘no’ twice”) pair.
//! - A quotation running over paragraphs, news style, with an opening mark at the start of each
//!   later paragraph and a closing mark only at the end, is one pair whose `reopenings` are the
//!   later opening marks. Any line break counts as a paragraph break for reopening; a quote
//!   still open at a blank line whose next paragraph does not reopen it is reported unpaired
//!   (at a single line break it stays open, as text may be hard-wrapped).
//! - Marks that pair with nothing are reported in `unpaired` with the side they looked like.
//!
//! Cost is linear: the stack is popped at most once per push, and a closing mark whose family
//! has nothing open is decided without searching the stack.

use newsgraph_doc::{ByteSpan, MarkSide, QuotationLayer, QuotePair, UnpairedMark};

use crate::chars::{char_at, char_before, is_space, is_unicode_punct};

/// The families of quotation marks; a mark closes only a mark of its family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

impl Family {
    fn index(self) -> usize {
        match self {
            Family::Double => 0,
            Family::Single => 1,
            Family::Guillemet => 2,
            Family::SingleGuillemet => 3,
        }
    }
}

/// How an opening mark expects to be closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// “…”, "…", ‘…’, «…», ‹…›
    Normal,
    /// „…“ and ‚…‘: also closed by the mark that opens in English.
    Low,
    /// »…« and ›…‹.
    Reversed,
}

struct Open {
    span: ByteSpan,
    family: Family,
    style: Style,
    reopenings: Vec<ByteSpan>,
}

/// What a mark does, once read in context.
enum Act {
    Open(Family, Style),
    Close(Family),
    Unpaired(MarkSide),
    Ignore,
}

struct Pairer {
    stack: Vec<Open>,
    open_count: [usize; 4],
    pairs: Vec<QuotePair>,
    unpaired: Vec<UnpairedMark>,
}

impl Pairer {
    fn pending(&self, f: Family) -> bool {
        self.open_count[f.index()] > 0
    }

    /// The style of the innermost open mark of family `f`.
    fn top_style(&self, f: Family) -> Option<Style> {
        if !self.pending(f) {
            return None;
        }
        self.stack
            .iter()
            .rev()
            .find(|o| o.family == f)
            .map(|o| o.style)
    }

    fn push(&mut self, span: ByteSpan, family: Family, style: Style) {
        self.open_count[family.index()] += 1;
        self.stack.push(Open {
            span,
            family,
            style,
            reopenings: Vec::new(),
        });
    }

    fn pop(&mut self) -> Option<Open> {
        let o = self.stack.pop()?;
        let c = &mut self.open_count[o.family.index()];
        *c = c.saturating_sub(1);
        Some(o)
    }

    /// Pops every mark above the innermost open mark of `f`, reporting them unpaired, and
    /// returns that mark (still on the stack).
    fn unwind_to(&mut self, f: Family) -> bool {
        if !self.pending(f) {
            return false;
        }
        while let Some(top) = self.stack.last() {
            if top.family == f {
                return true;
            }
            if let Some(o) = self.pop() {
                self.unpaired.push(UnpairedMark {
                    mark: o.span,
                    side: MarkSide::Opening,
                });
            }
        }
        false
    }

    fn close(&mut self, f: Family, span: ByteSpan) {
        if self.unwind_to(f) {
            if let Some(o) = self.pop() {
                self.pairs.push(QuotePair {
                    open: o.span,
                    close: span,
                    content: ByteSpan::ordered(o.span.end(), span.start()),
                    reopenings: o.reopenings,
                });
                return;
            }
        }
        self.unpaired.push(UnpairedMark {
            mark: span,
            side: MarkSide::Closing,
        });
    }

    fn flush_all(&mut self) {
        while let Some(o) = self.pop() {
            self.unpaired.push(UnpairedMark {
                mark: o.span,
                side: MarkSide::Opening,
            });
        }
    }
}

/// Bytes that may start a quotation mark or a line break.
#[inline]
fn interesting(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE2)
}

/// Pairs the quotation marks of `text`.
///
/// ```
/// use newsgraph_segment::pair_quotes;
///
/// let text = "“He said ‘no’ twice,” Ali said of the Ministers’ plan.";
/// let layer = pair_quotes(text);
/// let contents: Vec<&str> = layer.pairs.iter().map(|p| p.content.get(text).unwrap()).collect();
/// assert_eq!(contents, ["He said ‘no’ twice,", "no"]);
/// assert!(layer.unpaired.is_empty());
/// ```
pub fn pair_quotes(text: &str) -> QuotationLayer {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut p = Pairer {
        stack: Vec::new(),
        open_count: [0; 4],
        pairs: Vec::new(),
        unpaired: Vec::new(),
    };
    // Paragraph state: has the current line any content yet, and how many line breaks since
    // the last line with content.
    let mut line_has_content = true;
    let mut breaks = 0usize;
    let mut i = 0usize;
    while i < n {
        let Some(&b) = bytes.get(i) else { break };
        if line_has_content && !interesting(b) {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else {
            i += 1;
            continue;
        };
        let len = c.len_utf8();
        match c {
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                breaks += 1;
                line_has_content = false;
                i += len;
                continue;
            }
            '\r' => {
                if bytes.get(i + 1) != Some(&b'\n') {
                    breaks += 1;
                    line_has_content = false;
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        if is_space(c) {
            i += len;
            continue;
        }
        let span = ByteSpan::ordered(i, i + len);
        let act = if is_mark_char(c) {
            read_mark(text, &p, c, i, len)
        } else {
            Act::Ignore
        };
        if !line_has_content {
            // The first character of a line: does it continue a quotation left open?
            line_has_content = true;
            let blank = breaks >= 2;
            breaks = 0;
            if let Act::Open(f, _) = act {
                if p.unwind_to(f) {
                    if let Some(top) = p.stack.last_mut() {
                        top.reopenings.push(span);
                    }
                    i += len;
                    continue;
                }
            }
            if blank {
                p.flush_all();
            }
        }
        match act {
            Act::Open(f, style) => p.push(span, f, style),
            Act::Close(f) => p.close(f, span),
            Act::Unpaired(side) => p.unpaired.push(UnpairedMark { mark: span, side }),
            Act::Ignore => {}
        }
        i += len;
    }
    p.flush_all();
    let mut pairs = p.pairs;
    pairs.sort_by_key(|q| q.open.start());
    let mut unpaired = p.unpaired;
    unpaired.sort_by_key(|u| u.mark.start());
    QuotationLayer { pairs, unpaired }
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// Characters after which a mark opens: brackets, dashes, slashes and other opening marks.
fn opens_after(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '<'
            | '/'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{201C}'
            | '\u{2018}'
            | '\u{201E}'
            | '\u{201A}'
            | '\u{AB}'
            | '\u{2039}'
            | '"'
            | '\''
    )
}

/// Reads the mark `c` at `i` from its neighbours and the open marks.
fn read_mark(text: &str, p: &Pairer, c: char, i: usize, len: usize) -> Act {
    let prev = char_before(text, i);
    let next = char_at(text, i + len);
    let space_before = prev.is_none_or(|x| is_space(x) || opens_after(x));
    let space_after = next.is_none_or(is_space);
    let word_before = prev.is_some_and(char::is_alphanumeric);
    let word_after = next.is_some_and(char::is_alphanumeric);
    let punct_after = next.is_some_and(|x| x.is_ascii_punctuation() || is_unicode_punct(x));
    let punct_before = prev.is_some_and(|x| x.is_ascii_punctuation() || is_unicode_punct(x));
    let closing_ctx = !space_before && (space_after || punct_after);
    let opening_ctx = space_before && !space_after;
    match c {
        '\u{201C}' => {
            let low = p.top_style(Family::Double) == Some(Style::Low);
            if low || (closing_ctx && p.pending(Family::Double)) {
                Act::Close(Family::Double)
            } else {
                Act::Open(Family::Double, Style::Normal)
            }
        }
        '\u{201D}' => {
            if p.pending(Family::Double) {
                Act::Close(Family::Double)
            } else if opening_ctx && word_after {
                Act::Open(Family::Double, Style::Normal)
            } else {
                Act::Unpaired(MarkSide::Closing)
            }
        }
        '\u{201E}' => Act::Open(Family::Double, Style::Low),
        '"' => {
            if opening_ctx {
                Act::Open(Family::Double, Style::Normal)
            } else if closing_ctx {
                if p.pending(Family::Double) {
                    Act::Close(Family::Double)
                } else {
                    Act::Unpaired(MarkSide::Closing)
                }
            } else if p.pending(Family::Double) {
                Act::Close(Family::Double)
            } else if word_after {
                Act::Open(Family::Double, Style::Normal)
            } else {
                Act::Unpaired(MarkSide::Ambiguous)
            }
        }
        '\u{201A}' => Act::Open(Family::Single, Style::Low),
        '\u{2018}' => {
            if p.top_style(Family::Single) == Some(Style::Low) {
                Act::Close(Family::Single)
            } else if word_before {
                Act::Ignore
            } else if space_after {
                Act::Unpaired(MarkSide::Ambiguous)
            } else if elides(text, i + len) {
                Act::Ignore
            } else {
                Act::Open(Family::Single, Style::Normal)
            }
        }
        '\u{2019}' | '\'' => read_single(
            text,
            p,
            c,
            i + len,
            Ctx {
                space_before,
                space_after,
                word_before,
                word_after,
                punct_before,
            },
        ),
        '\u{AB}' => {
            if p.top_style(Family::Guillemet) == Some(Style::Reversed) {
                Act::Close(Family::Guillemet)
            } else {
                Act::Open(Family::Guillemet, Style::Normal)
            }
        }
        '\u{BB}' => {
            if p.pending(Family::Guillemet) {
                Act::Close(Family::Guillemet)
            } else if opening_ctx && word_after {
                Act::Open(Family::Guillemet, Style::Reversed)
            } else {
                Act::Unpaired(MarkSide::Closing)
            }
        }
        '\u{2039}' => {
            if p.top_style(Family::SingleGuillemet) == Some(Style::Reversed) {
                Act::Close(Family::SingleGuillemet)
            } else {
                Act::Open(Family::SingleGuillemet, Style::Normal)
            }
        }
        '\u{203A}' => {
            if p.pending(Family::SingleGuillemet) {
                Act::Close(Family::SingleGuillemet)
            } else if opening_ctx && word_after {
                Act::Open(Family::SingleGuillemet, Style::Reversed)
            } else {
                Act::Unpaired(MarkSide::Closing)
            }
        }
        _ => Act::Ignore,
    }
}

/// The neighbourhood of a single mark.
#[derive(Clone, Copy)]
struct Ctx {
    space_before: bool,
    space_after: bool,
    word_before: bool,
    word_after: bool,
    punct_before: bool,
}

/// Reads ’ or ' (the mark ends at `after`).
fn read_single(text: &str, p: &Pairer, c: char, after: usize, ctx: Ctx) -> Act {
    let Ctx {
        space_before,
        space_after,
        word_before,
        word_after,
        punct_before,
    } = ctx;
    if word_before && word_after {
        // wouldn’t, it’s, O’Brien
        return Act::Ignore;
    }
    if !word_before && word_after {
        if c == '\u{2019}' || elides(text, after) {
            return Act::Ignore;
        }
        if space_before {
            return Act::Open(Family::Single, Style::Normal);
        }
        return Act::Ignore;
    }
    if !space_before && (word_before || punct_before) {
        // A closing candidate: after a word or punctuation, before space or punctuation.
        if second_of_n(text, after - c.len_utf8()) {
            return Act::Ignore;
        }
        if p.pending(Family::Single) {
            // ‘the Ministers’ folly’: after an "s", a mark with another closing mark close
            // behind it is a possessive.
            let s_before = matches!(char_before(text, after - c.len_utf8()), Some('s' | 'S'));
            if s_before && space_after && closing_mark_ahead(text, c, after) {
                return Act::Ignore;
            }
            return Act::Close(Family::Single);
        }
        if word_before {
            // Hamas’, the Ministers’ (possessive) or goin’ (elision).
            return Act::Ignore;
        }
        return Act::Unpaired(MarkSide::Closing);
    }
    if space_before && space_after {
        return Act::Unpaired(MarkSide::Ambiguous);
    }
    if p.pending(Family::Single) && !space_before {
        return Act::Close(Family::Single);
    }
    if space_before && !space_after && c == '\'' {
        return Act::Open(Family::Single, Style::Normal);
    }
    Act::Unpaired(MarkSide::Ambiguous)
}

/// How far [`closing_mark_ahead`] looks, in bytes.
const CLOSE_LOOK: usize = 160;

/// Is there, within [`CLOSE_LOOK`] bytes after `from` on the same line and before any opening
/// single mark, another `mark` placed as a closing mark (after a word or punctuation, not before
/// a letter)?
fn closing_mark_ahead(text: &str, mark: char, from: usize) -> bool {
    let mut k = from;
    let limit = text.len().min(from + CLOSE_LOOK);
    let mut prev: Option<char> = None;
    while k < limit {
        let Some(c) = char_at(text, k) else {
            return false;
        };
        let next_k = k + c.len_utf8();
        if crate::chars::is_line_break(c) || c == '\u{2018}' {
            return false;
        }
        if c == mark {
            let before_ok = prev.is_some_and(|x| !is_space(x));
            let after_letter = char_at(text, next_k).is_some_and(char::is_alphanumeric);
            if mark == '\'' && prev.is_none_or(is_space) && after_letter {
                return false;
            }
            if before_ok && !after_letter {
                return true;
            }
        }
        prev = Some(c);
        k = next_k;
    }
    false
}

/// After a leading apostrophe at `at`: does a known elision follow ("90s", "em", "n’", "til")?
fn elides(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    if digit(at) && digit(at + 1) && !digit(at + 2) {
        return true;
    }
    if b.get(at) == Some(&b'n') && matches!(char_at(text, at + 1), Some('\'' | '\u{2019}')) {
        return true;
    }
    ["em", "til", "tis", "twas", "cause", "bout", "round"]
        .iter()
        .any(|w| {
            text.get(at..at + w.len()) == Some(*w)
                && !char_at(text, at + w.len()).is_some_and(char::is_alphanumeric)
        })
}

/// Is the mark at `i` the second apostrophe of "’n’" / "'n'"?
fn second_of_n(text: &str, i: usize) -> bool {
    if i < 1 || text.as_bytes().get(i - 1) != Some(&b'n') {
        return false;
    }
    let Some(q) = char_before(text, i - 1) else {
        return false;
    };
    if q != '\'' && q != '\u{2019}' {
        return false;
    }
    char_before(text, i - 1 - q.len_utf8()).is_none_or(is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        pair_quotes(text)
            .pairs
            .iter()
            .map(|p| p.content.get(text).unwrap())
            .collect()
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "Hamas’ fighters and the Ministers’ aides wouldn’t say it’s over in the ’90s, rock ’n’ roll.";
        let l = pair_quotes(t);
        assert_eq!(l.pairs, []);
        assert_eq!(l.unpaired, []);
    }

    #[test]
    fn straight_quotes() {
        assert_eq!(
            contents("He said \"go\" and 'stay', then \"fine.\" Done."),
            ["go", "stay", "fine."]
        );
    }

    #[test]
    fn nested_and_possessive_inside_single() {
        assert_eq!(
            contents("“He said ‘the Ministers’ plan’ failed,” she said."),
            [
                "He said ‘the Ministers’ plan’ failed,",
                "the Ministers’ plan"
            ]
        );
    }

    #[test]
    fn paragraphs() {
        let t = "“First part.\n\n“Second part,” he said.";
        let l = pair_quotes(t);
        assert_eq!(l.pairs.len(), 1);
        assert_eq!(l.pairs[0].reopenings.len(), 1);
        assert_eq!(
            l.pairs[0].content.get(t),
            Some("First part.\n\n“Second part,")
        );
        let t = "“Never closed.\n\nNext paragraph “x” here.";
        let l = pair_quotes(t);
        assert_eq!(contents(t), ["x"]);
        assert_eq!(l.unpaired.len(), 1);
        assert_eq!(l.unpaired[0].side, MarkSide::Opening);
    }

    #[test]
    fn german_and_french() {
        assert_eq!(
            contents("Er sagte „nein“ und «oui» und »ja«."),
            ["nein", "oui", "ja"]
        );
    }

    #[test]
    fn unbalanced() {
        let l = pair_quotes("” a “ b");
        assert_eq!(l.pairs, []);
        let sides: Vec<_> = l.unpaired.iter().map(|u| u.side).collect();
        assert_eq!(sides, [MarkSide::Closing, MarkSide::Opening]);
    }
}
