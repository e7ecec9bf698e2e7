//! The reader's one error type: what went wrong, in which input, and where.

use std::fmt;

/// Where in an input a problem lies. Every field is optional: a plain-text file has lines and
/// bytes, a WARC file records and bytes, a feed only records.
///
/// Lines and records are counted from 1; bytes from 0 (the offset of the byte in the input,
/// after gzip decompression for compressed inputs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The 1-based line number.
    pub line: Option<u64>,
    /// The 0-based byte offset.
    pub byte: Option<u64>,
    /// The 1-based index of the record (feed item, WARC record).
    pub record: Option<u64>,
}

impl Place {
    /// No place: the problem concerns the whole input.
    pub const NONE: Place = Place {
        line: None,
        byte: None,
        record: None,
    };

    /// A line and the byte offset where it starts (or where the problem is).
    pub fn line(line: u64, byte: u64) -> Self {
        Self {
            line: Some(line),
            byte: Some(byte),
            record: None,
        }
    }

    /// A byte offset alone.
    pub fn byte(byte: u64) -> Self {
        Self {
            byte: Some(byte),
            ..Self::NONE
        }
    }

    /// A record index, with the byte offset where the record starts when known.
    pub fn record(record: u64, byte: Option<u64>) -> Self {
        Self {
            record: Some(record),
            byte,
            line: None,
        }
    }

    /// True when no field is known.
    pub fn is_none(&self) -> bool {
        self.line.is_none() && self.byte.is_none() && self.record.is_none()
    }
}

/// Renders as `record 4, line 3, byte 120: ` (with the trailing separator), or as nothing
/// when no field is known, so that it can sit between the input's name and the message.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut part = |f: &mut fmt::Formatter<'_>, name: &str, v: Option<u64>| -> fmt::Result {
            if let Some(v) = v {
                if !first {
                    f.write_str(", ")?;
                }
                first = false;
                write!(f, "{name} {v}")?;
            }
            Ok(())
        };
        part(f, "record", self.record)?;
        part(f, "line", self.line)?;
        part(f, "byte", self.byte)?;
        if !self.is_none() {
            f.write_str(": ")?;
        }
        Ok(())
    }
}

/// What kind of problem a [`ReadError`] reports.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The path does not exist.
    NotFound,
    /// The input could not be read (permissions, an I/O error, corrupt gzip data).
    Unreadable,
    /// The path is a directory, not a file.
    Directory,
    /// The input, or an article in it, holds no text at all.
    Empty,
    /// The input looks like binary data (NUL bytes), not text.
    Binary,
    /// Bytes that are not valid UTF-8 (or not valid in the declared encoding) were replaced
    /// by U+FFFD.
    InvalidUtf8,
    /// A JSON Lines record is not valid JSON, or not a JSON object.
    MalformedJson,
    /// A record has no `text` (JSON Lines) or no content or summary (feed item).
    MissingText,
    /// An HTML page in which no article text could be found.
    NoArticleContent,
    /// An article, page or line over the size limit (`--max-article-bytes`).
    TooLarge,
    /// A feed that could not be parsed.
    MalformedFeed,
    /// A WARC record that could not be parsed (bad header, bad `Content-Length`, truncated).
    MalformedWarc,
    /// A date that could not be understood; it was ignored.
    InvalidDate,
}

impl ErrorKind {
    /// A short description in words ("malformed JSON").
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not found",
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::Directory => "is a directory",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary => "binary data",
            ErrorKind::InvalidUtf8 => "invalid UTF-8",
            ErrorKind::MalformedJson => "malformed JSON",
            ErrorKind::MissingText => "missing text",
            ErrorKind::NoArticleContent => "no article content",
            ErrorKind::TooLarge => "too large",
            ErrorKind::MalformedFeed => "malformed feed",
            ErrorKind::MalformedWarc => "malformed WARC",
            ErrorKind::InvalidDate => "invalid date",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem with an input, naming the input and the place.
///
/// Displays as `PATH: line 3, byte 120: malformed JSON: expected value, at column 5`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{input}: {place}{kind}: {message}")]
pub struct ReadError {
    /// The input as given (a path, or `stdin`).
    pub input: String,
    /// Where in the input.
    pub place: Place,
    /// What kind of problem.
    pub kind: ErrorKind,
    /// The details, in words.
    pub message: String,
}

impl ReadError {
    /// A new error.
    pub fn new(
        input: impl Into<String>,
        place: Place,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> Self {
        Self {
            input: input.into(),
            place,
            kind,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_input_place_kind_and_message() {
        let e = ReadError::new(
            "news.jsonl",
            Place::line(3, 120),
            ErrorKind::MalformedJson,
            "expected value",
        );
        assert_eq!(
            e.to_string(),
            "news.jsonl: line 3, byte 120: malformed JSON: expected value"
        );
        let e = ReadError::new("x", Place::NONE, ErrorKind::Empty, "no bytes");
        assert_eq!(e.to_string(), "x: empty: no bytes");
        let e = ReadError::new(
            "a.warc",
            Place::record(2, Some(9)),
            ErrorKind::MalformedWarc,
            "m",
        );
        assert_eq!(e.to_string(), "a.warc: record 2, byte 9: malformed WARC: m");
    }
}
