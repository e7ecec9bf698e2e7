//! The one place where byte offsets become code-point offsets and back.

use crate::span::{ByteSpan, CharSpan};

/// Converts between byte offsets and Unicode code-point offsets of one text.
///
/// Built once per document in O(n); each conversion is O(log k) where k is the number of
/// non-ASCII characters (O(1) for ASCII text). Byte offsets that fall inside a multi-byte
/// character are mapped to that character's start.
#[derive(Clone, Debug, Default)]
pub struct OffsetIndex {
    /// Each non-ASCII character: its byte offset, its code-point offset and its width in bytes.
    wide: Vec<Wide>,
    byte_len: usize,
    char_len: usize,
}

#[derive(Clone, Copy, Debug)]
struct Wide {
    byte: usize,
    char: usize,
    width: usize,
}

impl OffsetIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut char_len = text.len();
        if !text.is_ascii() {
            char_len = 0;
            for (byte, ch) in text.char_indices() {
                let width = ch.len_utf8();
                if width > 1 {
                    wide.push(Wide {
                        byte,
                        char: char_len,
                        width,
                    });
                }
                char_len += 1;
            }
        }
        Self {
            wide,
            byte_len: text.len(),
            char_len,
        }
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length of the text in bytes.
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's length).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.byte_len);
        let i = self.wide.partition_point(|w| w.byte < byte);
        match i.checked_sub(1).map(|j| self.wide[j]) {
            None => byte,
            Some(w) if byte < w.byte + w.width => w.char,
            Some(w) => w.char + 1 + (byte - (w.byte + w.width)),
        }
    }

    /// The byte offset of code-point offset `ch` (clamped to the text's length).
    pub fn byte_of(&self, ch: usize) -> usize {
        let ch = ch.min(self.char_len);
        let i = self.wide.partition_point(|w| w.char < ch);
        match i.checked_sub(1).map(|j| self.wide[j]) {
            None => ch,
            Some(w) => w.byte + w.width + (ch - w.char - 1),
        }
    }

    /// A byte span as a code-point span.
    pub fn char_span(&self, span: ByteSpan) -> CharSpan {
        CharSpan::ordered(self.char_of(span.start()), self.char_of(span.end()))
    }

    /// A code-point span as a byte span.
    pub fn byte_span(&self, span: CharSpan) -> ByteSpan {
        ByteSpan::ordered(self.byte_of(span.start()), self.byte_of(span.end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_char_of(text: &str, byte: usize) -> usize {
        text.char_indices().take_while(|&(at, _)| at < byte).count()
    }

    #[test]
    fn ascii_is_identity() {
        let ix = OffsetIndex::new("plain text");
        assert_eq!(ix.char_of(5), 5);
        assert_eq!(ix.byte_of(5), 5);
        assert_eq!(ix.char_len(), 10);
    }

    #[test]
    fn agrees_with_naive_counting_on_mixed_text() {
        let text = "Iran’s “leader” said 😀 é\u{301} — مرحبا x";
        let ix = OffsetIndex::new(text);
        assert_eq!(ix.char_len(), text.chars().count());
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let c = naive_char_of(text, at);
            assert_eq!(ix.char_of(at), c, "byte {at}");
            assert_eq!(ix.byte_of(c), at, "char {c}");
        }
    }

    #[test]
    fn inside_a_character_maps_to_its_start() {
        let text = "a’b";
        let ix = OffsetIndex::new(text);
        assert_eq!(ix.char_of(2), 1);
        assert_eq!(ix.char_of(3), 1);
        assert_eq!(ix.char_of(4), 2);
    }
}
