//! Span types: byte spans for work inside stages, char spans for the contract.

use std::fmt;

/// A half-open range of byte offsets `[start, end)` into a document's text.
///
/// The invariant `start <= end` is checked at construction; whether the offsets fall on
/// character boundaries of a particular text is checked by [`crate::check_spans`] and by
/// [`crate::Doc::slice`], which never panics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteSpan {
    start: usize,
    end: usize,
}

/// A half-open range of Unicode code point offsets `[start, end)`: the unit of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharSpan {
    start: usize,
    end: usize,
}

/// A span whose end lies before its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpanError {
    /// The start offset given.
    pub start: usize,
    /// The end offset given.
    pub end: usize,
}

impl fmt::Display for SpanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "span end {} lies before its start {}",
            self.end, self.start
        )
    }
}

impl std::error::Error for SpanError {}

macro_rules! span_impl {
    ($t:ident) => {
        impl $t {
            /// A span from `start` to `end` (exclusive).
            ///
            /// # Errors
            /// [`SpanError`] when `end < start`.
            pub fn new(start: usize, end: usize) -> Result<Self, SpanError> {
                if end < start {
                    Err(SpanError { start, end })
                } else {
                    Ok(Self { start, end })
                }
            }

            /// A span from `start` to `end`, with the two swapped if given in the wrong order.
            pub fn ordered(a: usize, b: usize) -> Self {
                Self {
                    start: a.min(b),
                    end: a.max(b),
                }
            }

            /// An empty span at `at`.
            pub fn empty(at: usize) -> Self {
                Self { start: at, end: at }
            }

            /// The first offset inside the span.
            pub fn start(&self) -> usize {
                self.start
            }

            /// The first offset after the span.
            pub fn end(&self) -> usize {
                self.end
            }

            /// `end - start`.
            pub fn len(&self) -> usize {
                self.end - self.start
            }

            /// True when the span covers nothing.
            pub fn is_empty(&self) -> bool {
                self.start == self.end
            }

            /// True when `other` lies wholly inside this span.
            pub fn contains(&self, other: Self) -> bool {
                self.start <= other.start && other.end <= self.end
            }

            /// True when the two spans share at least one offset.
            pub fn overlaps(&self, other: Self) -> bool {
                self.start < other.end && other.start < self.end
            }

            /// The smallest span covering both.
            pub fn cover(&self, other: Self) -> Self {
                Self {
                    start: self.start.min(other.start),
                    end: self.end.max(other.end),
                }
            }
        }
    };
}

span_impl!(ByteSpan);
span_impl!(CharSpan);

impl ByteSpan {
    /// The surface text of the span in `text`, or `None` when the span is out of bounds or
    /// not on character boundaries.
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_reversed_spans() {
        assert!(ByteSpan::new(4, 2).is_err());
        assert_eq!(ByteSpan::ordered(4, 2), ByteSpan::new(2, 4).unwrap());
    }

    #[test]
    fn overlap_and_cover() {
        let a = ByteSpan::new(0, 5).unwrap();
        let b = ByteSpan::new(4, 9).unwrap();
        let c = ByteSpan::new(5, 9).unwrap();
        assert!(a.overlaps(b));
        assert!(!a.overlaps(c));
        assert_eq!(a.cover(c), ByteSpan::new(0, 9).unwrap());
        assert!(a.cover(c).contains(b));
    }

    #[test]
    fn get_never_panics_off_boundary() {
        let text = "Hamas’ war";
        assert_eq!(ByteSpan::new(0, 5).unwrap().get(text), Some("Hamas"));
        assert_eq!(ByteSpan::new(0, 6).unwrap().get(text), None);
        assert_eq!(ByteSpan::new(0, 99).unwrap().get(text), None);
    }
}
