//! Reading JSON Lines files of gold articles and predictions.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// Why a JSON Lines file could not be read. Every variant names the file; those about one line
/// give its number (from 1) and where in it the problem is.
#[derive(Debug)]
pub enum EvalError {
    /// The file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line is not valid UTF-8.
    Utf8 {
        /// The file.
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// Byte offset of the first invalid byte, in the file.
        byte: usize,
    },
    /// A line is not valid JSON.
    Json {
        /// The file.
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// The column (in bytes, from 1) where parsing failed.
        column: usize,
        /// What the parser found wrong.
        message: String,
    },
    /// A line holds JSON that is not an object.
    NotObject {
        /// The file.
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            Self::Utf8 { path, line, byte } => write!(
                f,
                "{}:{line}: invalid UTF-8 at byte {byte} of the file",
                path.display()
            ),
            Self::Json {
                path,
                line,
                column,
                message,
            } => write!(
                f,
                "{}:{line}:{column}: invalid JSON: {message}",
                path.display()
            ),
            Self::NotObject { path, line } => write!(
                f,
                "{}:{line}: expected a JSON object on this line",
                path.display()
            ),
        }
    }
}

impl std::error::Error for EvalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Reads a JSON Lines file: one JSON object per line; blank lines (white space only) are
/// skipped, as score.py skips them. A UTF-8 byte-order mark at the start is ignored, and lines
/// may end in `\n` or `\r\n`.
///
/// # Errors
///
/// [`EvalError`] naming the file, and for a bad line its number and position.
pub fn read_jsonl(path: &Path) -> Result<Vec<Value>, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_jsonl(path, &bytes)
}

/// Parses the bytes of a JSON Lines file; `path` only names it in errors.
pub(crate) fn parse_jsonl(path: &Path, bytes: &[u8]) -> Result<Vec<Value>, EvalError> {
    let mut values = Vec::new();
    let mut offset = 0;
    let bom: &[u8] = b"\xEF\xBB\xBF";
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line_start = offset;
        offset += raw.len() + 1;
        let mut line = raw;
        let mut skipped = 0;
        if i == 0 && line.starts_with(bom) {
            line = line.get(bom.len()..).unwrap_or_default();
            skipped = bom.len();
        }
        if let Some(stripped) = line.strip_suffix(b"\r") {
            line = stripped;
        }
        let text = std::str::from_utf8(line).map_err(|e| EvalError::Utf8 {
            path: path.to_path_buf(),
            line: i + 1,
            byte: line_start + skipped + e.valid_up_to(),
        })?;
        if text.chars().all(crate::py::is_space) {
            continue;
        }
        let value: Value = serde_json::from_str(text).map_err(|e| EvalError::Json {
            path: path.to_path_buf(),
            line: i + 1,
            column: e.column(),
            message: e.to_string(),
        })?;
        if !value.is_object() {
            return Err(EvalError::NotObject {
                path: path.to_path_buf(),
                line: i + 1,
            });
        }
        values.push(value);
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Result<Vec<Value>, EvalError> {
        parse_jsonl(Path::new("t.jsonl"), bytes)
    }

    #[test]
    fn reads_objects_and_skips_blank_lines() {
        let v = parse(b"\xEF\xBB\xBF{\"id\": 1}\r\n\n  \t\n{\"id\": \"b\"}").unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[1]["id"], "b");
        assert!(parse(b"").unwrap().is_empty());
    }

    #[test]
    fn errors_name_file_line_and_place() {
        let e = parse(b"{\"id\": 1}\n{\"id\": }\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("t.jsonl:2:8: invalid JSON"), "{msg}");
        let e = parse(b"{}\n[1]\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.jsonl:2: expected a JSON object on this line"
        );
        let e = parse(b"{}\n{\"a\": \"\xff\"}\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.jsonl:2: invalid UTF-8 at byte 10 of the file"
        );
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let e = read_jsonl(Path::new("/nonexistent/dir/x.jsonl")).unwrap_err();
        assert!(matches!(e, EvalError::Io { .. }));
        assert!(e
            .to_string()
            .starts_with("/nonexistent/dir/x.jsonl: cannot read"));
    }
}
