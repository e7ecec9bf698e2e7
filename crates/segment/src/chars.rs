//! Character helpers shared by the stages: safe decoding at byte offsets and the character
//! classes the scanners agree on.
//!
//! Every function takes a byte offset into a `&str` and never panics: an offset that is out of
//! bounds or not on a character boundary reads as "no character".

/// The character starting at byte `i`, if `i` is a character boundary inside `text`.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character ending at byte `i`, if `i` is a character boundary of `text`.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// True for characters `str::trim` removes (Unicode `White_Space`), so that sentence spans agree
/// with `newsgraph_doc::check_spans` on what is blank.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// True for the characters that end a line: LF, CR, VT, FF, NEL, LINE SEPARATOR and
/// PARAGRAPH SEPARATOR.
#[inline]
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// True for every quotation mark or apostrophe the quotation layer and the tokenizer know.
#[inline]
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// True for a mark that closes a quotation or a bracket: it belongs to the sentence whose final
/// punctuation it follows.
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2019}' | '\u{201D}' | '\u{BB}' | '\u{203A}' | ')' | ']' | '}'
    )
}

/// True for a mark that may open a quotation or a bracket before the first word of a sentence.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{201C}'
            | '\u{201E}'
            | '\u{AB}'
            | '\u{2039}'
            | '('
            | '['
            | '{'
            | '\u{BF}'
            | '\u{A1}'
            | '*'
            | '\u{2022}'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
    )
}

/// True for characters that end a sentence: `. ! ?`, the ellipsis and the full stops and question
/// marks of other scripts.
#[inline]
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\u{2026}'
            | '\u{203C}'
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
            | '\u{061F}'
            | '\u{06D4}'
            | '\u{0964}'
            | '\u{0965}'
            | '\u{3002}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{FF0E}'
            | '\u{1362}'
            | '\u{0589}'
    )
}

/// True for terminators of scripts that put no space after them (CJK): they end a sentence even
/// when the next character follows at once.
#[inline]
pub(crate) fn is_spaceless_terminator(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF0E}')
}

/// True for non-ASCII punctuation (as opposed to symbols) that is not a quotation mark.
pub(crate) fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{A1}' | '\u{A7}' | '\u{B6}' | '\u{B7}' | '\u{BF}'
        | '\u{37E}' | '\u{387}'
        | '\u{55A}'..='\u{55F}' | '\u{589}' | '\u{58A}'
        | '\u{5BE}' | '\u{5C0}' | '\u{5C3}' | '\u{5C6}' | '\u{5F3}' | '\u{5F4}'
        | '\u{609}' | '\u{60A}' | '\u{60C}' | '\u{60D}' | '\u{61B}' | '\u{61E}' | '\u{61F}'
        | '\u{66A}'..='\u{66D}' | '\u{6D4}'
        | '\u{964}' | '\u{965}' | '\u{970}'
        | '\u{E4F}' | '\u{E5A}' | '\u{E5B}'
        | '\u{1360}'..='\u{1368}'
        | '\u{2010}'..='\u{2017}' | '\u{2020}'..='\u{2027}' | '\u{2030}'..='\u{2038}'
        | '\u{203B}'..='\u{203E}' | '\u{2041}'..='\u{2043}' | '\u{2045}'..='\u{2051}'
        | '\u{2053}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E4F}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{30FB}'
        | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE4F}' | '\u{FE50}'..='\u{FE6B}'
        | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}'
    )
}

/// True for characters that carry no letter of their own but belong to the character before
/// them: combining marks, joiners, variation selectors and emoji modifiers. Letters of scripts
/// whose vowel signs and viramas are not `Alphabetic` (Indic scripts) count too, so that a word
/// of such a script stays one token.
pub(crate) fn is_mark(c: char) -> bool {
    let u = c as u32;
    if (0x300..0x2000).contains(&u) {
        // Combining marks and the marks of the scripts in this range; their punctuation is
        // listed in `is_unicode_punct` and takes precedence.
        return !c.is_alphanumeric() && !c.is_whitespace() && !is_unicode_punct(c);
    }
    matches!(u,
        0x200C | 0x200D
        | 0x20D0..=0x20FF
        | 0xA670..=0xA67F | 0xA8E0..=0xA8F1 | 0xA980..=0xA983 | 0xA9B3..=0xA9C0
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0x11000..=0x11FFF
        | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF
    ) && !c.is_alphanumeric()
}

/// True for characters that may be part of a word: letters, digits and marks.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// The byte offset of the first character at or after `i` (and before `end`) that is not white
/// space, or `end`.
pub(crate) fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        match bytes.get(i) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => i += 1,
            Some(&b) if b < 0x80 => return i,
            Some(_) => match char_at(text, i) {
                Some(c) if is_space(c) => i += c.len_utf8(),
                _ => return i,
            },
            None => return end,
        }
    }
    end
}

/// Like [`skip_space`], but stops at the first line break.
pub(crate) fn skip_inline_space(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        match bytes.get(i) {
            Some(b' ' | b'\t') => i += 1,
            Some(&b) if b < 0x80 => return i,
            Some(_) => match char_at(text, i) {
                Some(c) if is_space(c) && !is_line_break(c) => i += c.len_utf8(),
                _ => return i,
            },
            None => return end,
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_off_boundary_is_none() {
        let t = "a’b";
        assert_eq!(char_at(t, 1), Some('’'));
        assert_eq!(char_at(t, 2), None);
        assert_eq!(char_before(t, 4), Some('’'));
        assert_eq!(char_before(t, 3), None);
        assert_eq!(char_at(t, 99), None);
    }

    #[test]
    fn classes() {
        assert!(is_mark('\u{301}'));
        assert!(is_mark('\u{94D}'));
        assert!(is_mark('\u{200D}'));
        assert!(!is_mark('a'));
        assert!(!is_mark('\u{964}'));
        assert!(is_word_char('é'));
        assert!(is_word_char('م'));
        assert!(is_space('\u{A0}'));
        assert!(is_line_break('\u{2029}'));
        assert!(is_unicode_punct('\u{2014}'));
        assert!(is_unicode_punct('\u{2026}'));
    }

    #[test]
    fn skipping() {
        let t = " \u{A0}\tx\n y";
        assert_eq!(skip_space(t, 0, t.len()), 4);
        assert_eq!(skip_inline_space(t, 5, t.len()), 5);
        assert_eq!(skip_space(t, 5, t.len()), 7);
    }
}
