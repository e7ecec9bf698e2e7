//! Readers: news as people have it in, [`Article`]s out.
//!
//! [`open`] takes a [`Source`] (a path, or `-` for standard input) and returns [`Articles`],
//! an iterator that reads the input as it goes: a 200 MB JSON Lines or WARC file is never
//! held in memory whole. Each item is a [`Record`]: an article, a warning about something
//! handled (bytes that were not UTF-8, a date that made no sense), or a record that had to be
//! skipped. Only an input that cannot be used at all (missing, a directory, unreadable) is an
//! `Err` from [`open`]; everything else is reported per record, with the place, and the
//! reading goes on.
//!
//! | format | one article per | id |
//! | --- | --- | --- |
//! | [`InputFormat::Txt`] | file | the path as given (`stdin`) |
//! | [`InputFormat::Html`] | file (main text via `dom_smoothie`) | canonical URL, else path |
//! | [`InputFormat::Feed`] | RSS/Atom item | item link, else item id, else `PATH#N` |
//! | [`InputFormat::Jsonl`] | line (`{"text": …}`) | `id`, else `url`, else `PATH:LINE` |
//! | [`InputFormat::Warc`] | HTTP 200 HTML `response` record (`.warc`, `.warc.gz`) | `WARC-Target-URI` |
//!
//! `meta.input` is the input's name as given, followed by `#N` for the N-th item of a feed,
//! the N-th record of a WARC file or the N-th line of a JSON Lines file (all counted from 1).
//!
//! The format comes from [`ReadOptions::format`], else the file's extension, else the first
//! bytes ([`detect_format`]). Gzip-compressed input of any format is decompressed on the fly
//! (all gzip members).
//!
//! A publication date is taken, in this order, from the input itself (a JSON field, a feed
//! item's date), the page's metadata, the WARC crawl date, and lastly
//! [`ReadOptions::default_published`]; [`newsgraph_doc::Meta::published_source`] says which.
//!
//! ```
//! use newsgraph_read::{Articles, ErrorKind, ReadOptions, Record};
//!
//! let jsonl = "{\"id\": \"a1\", \"text\": \"Rain fell.\", \"published\": \"2024-03-05\"}\n\
//!              not json\n";
//! let records: Vec<Record> =
//!     Articles::from_reader(jsonl.as_bytes(), "news.jsonl", &ReadOptions::default()).collect();
//! let Record::Article(a) = &records[0] else { panic!() };
//! assert_eq!((a.id.as_str(), a.text.as_str()), ("a1", "Rain fell."));
//! assert_eq!(a.meta.published.as_deref(), Some("2024-03-05"));
//! let Record::Skipped(e) = &records[1] else { panic!() };
//! assert_eq!(e.kind, ErrorKind::MalformedJson);
//! assert!(e.to_string().starts_with("news.jsonl: line 2, byte 62: malformed JSON"));
//! ```
//!
//! Design notes:
//! - Readers are written over any [`std::io::Read`] ([`Articles::from_reader`]), so tests and
//!   callers need no files.
//! - Feeds are the exception to streaming: `feed-rs` parses a whole document, so a feed costs
//!   memory of the order of its size (the bytes plus the parsed items).
//! - HTML whose tags nest more than 1000 deep is flattened (structural tags dropped) before
//!   parsing, since the HTML parser's cost grows with the square of the depth; such pages
//!   skip Readability and use the `<p>` fallback. Pages may be 4 × `max_article_bytes`.
//! - Text is never altered after extraction: plain text keeps its CRLFs, so every offset a
//!   later stage computes indexes the text that is output.
#![deny(missing_docs)]

mod date;
mod decode;
mod error;
mod feed;
mod html;
mod input;
mod jsonl;
mod single;
mod warc;

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use newsgraph_doc::{Meta, PublishedSource};

pub use date::normalize_date;
pub use error::{ErrorKind, Place, ReadError};

use input::Input;

/// One article as read: its id, its text (immutable from here on) and what is known about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// A stable id: a URL, an id given with the input, or the path (see the crate docs).
    pub id: String,
    /// The article's text. HTML-derived text separates paragraphs with a blank line.
    pub text: String,
    /// Title, byline, date, outlet, URL and where it was read from.
    pub meta: Meta,
}

/// One item of the stream that [`Articles`] yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// An article.
    Article(Article),
    /// Something odd that was handled without losing anything (invalid UTF-8 decoded
    /// lossily, a date that was ignored). The article it concerns follows.
    Warning(ReadError),
    /// One record or article that could not be read and was skipped.
    Skipped(ReadError),
}

impl Record {
    /// The article, if this is one.
    pub fn article(&self) -> Option<&Article> {
        match self {
            Record::Article(a) => Some(a),
            _ => None,
        }
    }

    /// The article, if this is one, by value.
    pub fn into_article(self) -> Option<Article> {
        match self {
            Record::Article(a) => Some(a),
            _ => None,
        }
    }

    /// The problem reported, if this is a warning or a skip.
    pub fn error(&self) -> Option<&ReadError> {
        match self {
            Record::Article(_) => None,
            Record::Warning(e) | Record::Skipped(e) => Some(e),
        }
    }
}

/// The kinds of input the readers understand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text: the whole input is one article.
    Txt,
    /// One HTML page: its main text is one article.
    Html,
    /// An RSS or Atom feed: one article per item.
    Feed,
    /// JSON Lines: one article per line, `{"text": …}`.
    Jsonl,
    /// WARC (optionally gzip-compressed): one article per HTML response record.
    Warc,
}

impl InputFormat {
    /// Every format, in the order of [`InputFormat::as_str`]'s documentation.
    pub const ALL: [InputFormat; 5] = [
        InputFormat::Txt,
        InputFormat::Html,
        InputFormat::Feed,
        InputFormat::Jsonl,
        InputFormat::Warc,
    ];

    /// The format's name on the command line: `txt`, `html`, `feed`, `jsonl` or `warc`.
    pub fn as_str(&self) -> &'static str {
        match self {
            InputFormat::Txt => "txt",
            InputFormat::Html => "html",
            InputFormat::Feed => "feed",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Warc => "warc",
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A format name that is not one of `txt`, `html`, `feed`, `jsonl`, `warc`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown input format {given:?}: expected one of txt, html, feed, jsonl, warc")]
pub struct ParseFormatError {
    /// The name given.
    pub given: String,
}

impl FromStr for InputFormat {
    type Err = ParseFormatError;

    /// Parses a format name, ignoring case (`rss` and `atom` are accepted for `feed`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        match lower.as_str() {
            "txt" | "text" => Ok(InputFormat::Txt),
            "html" | "htm" => Ok(InputFormat::Html),
            "feed" | "rss" | "atom" => Ok(InputFormat::Feed),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "warc" => Ok(InputFormat::Warc),
            _ => Err(ParseFormatError {
                given: s.to_string(),
            }),
        }
    }
}

/// Where to read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file.
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

impl Source {
    /// A command-line argument: `-` means standard input, anything else a path.
    pub fn from_arg(arg: &str) -> Self {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }

    /// The name used in errors and in `meta.input`: the path as given, or `stdin`.
    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "stdin".to_string(),
        }
    }
}

/// How to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// The input's format; `None` to go by the extension, then by the first bytes.
    pub format: Option<InputFormat>,
    /// Articles with more text than this are skipped ([`ErrorKind::TooLarge`]); HTML pages
    /// may be up to four times this size before extraction. Default 10 MiB.
    pub max_article_bytes: usize,
    /// The publication date for articles that carry none (`--published`), ISO 8601.
    pub default_published: Option<String>,
}

/// The default article size limit: 10 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 10 * 1024 * 1024;

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            format: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            default_published: None,
        }
    }
}

/// Opens `source` for reading.
///
/// The first bytes are read at once, to tell the format; the rest is read as the returned
/// iterator is advanced.
///
/// # Errors
/// A [`ReadError`] when the input cannot be used at all: [`ErrorKind::NotFound`],
/// [`ErrorKind::Directory`], or [`ErrorKind::Unreadable`] (permissions, other I/O errors).
/// Problems inside the input are reported by the iterator instead.
pub fn open(source: &Source, opts: &ReadOptions) -> Result<Articles, ReadError> {
    match source {
        Source::Stdin => Ok(Articles::from_reader(io::stdin(), "stdin", opts)),
        Source::Path(path) => {
            let name = path.display().to_string();
            let md = std::fs::metadata(path).map_err(|e| io_error(&name, &e))?;
            if md.is_dir() {
                return Err(ReadError::new(
                    name,
                    Place::NONE,
                    ErrorKind::Directory,
                    "expected a file; to read a directory, list its files",
                ));
            }
            let file = File::open(path).map_err(|e| io_error(&name, &e))?;
            Ok(Articles::from_reader(file, &name, opts))
        }
    }
}

fn io_error(name: &str, e: &io::Error) -> ReadError {
    let (kind, message) = match e.kind() {
        io::ErrorKind::NotFound => (ErrorKind::NotFound, "no such file".to_string()),
        io::ErrorKind::PermissionDenied => (ErrorKind::Unreadable, "permission denied".to_string()),
        _ => (ErrorKind::Unreadable, e.to_string()),
    };
    ReadError::new(name, Place::NONE, kind, message)
}

/// How many bytes [`detect_format`] looks at, and the binary check scans.
pub const HEAD_BYTES: usize = 8 * 1024;

/// The format of an input: by the extension of `path` (`.txt`, `.html`/`.htm`,
/// `.rss`/`.atom`, `.jsonl`/`.ndjson`, `.warc`, each optionally followed by `.gz`), else by
/// sniffing `head`, the first bytes:
/// `WARC/` or gzip magic → WARC; `<?xml` followed by `<rss`, `<feed` or `<rdf`, or a
/// document starting with `<rss`/`<feed` → feed; `<!DOCTYPE html` or `<html` → HTML; a first
/// non-blank `{` → JSON Lines; anything else → text.
pub fn detect_format(path: Option<&Path>, head: &[u8]) -> InputFormat {
    path.and_then(format_from_extension)
        .unwrap_or_else(|| sniff(head))
}

fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "txt" | "text" => Some(InputFormat::Txt),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "rss" | "atom" => Some(InputFormat::Feed),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "warc" => Some(InputFormat::Warc),
        _ => None,
    }
}

fn sniff(head: &[u8]) -> InputFormat {
    if head.starts_with(b"\x1f\x8b") {
        return InputFormat::Warc;
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.starts_with(b"WARC/") {
        return InputFormat::Warc;
    }
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let body = head.get(start..).unwrap_or(&[]);
    let lower = body.to_ascii_lowercase();
    let has = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
    if lower.starts_with(b"<?xml") {
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") || has(b"<rdf") {
            return InputFormat::Feed;
        }
        if has(b"<html") {
            return InputFormat::Html;
        }
        return InputFormat::Txt;
    }
    if lower.starts_with(b"<rss") || lower.starts_with(b"<feed") || lower.starts_with(b"<rdf") {
        return InputFormat::Feed;
    }
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return InputFormat::Html;
    }
    if lower.starts_with(b"<")
        && lower.get(..1024).map_or(has(b"<html"), |l| {
            memchr::memmem::find(l, b"<html").is_some()
        })
    {
        return InputFormat::Html;
    }
    if body.first() == Some(&b'{') {
        return InputFormat::Jsonl;
    }
    InputFormat::Txt
}

/// Shared by the readers: the input's name and the options.
pub(crate) struct Ctx {
    pub input: String,
    pub opts: ReadOptions,
}

impl Ctx {
    pub(crate) fn err(
        &self,
        place: Place,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> ReadError {
        ReadError::new(self.input.clone(), place, kind, message)
    }

    /// A [`ErrorKind::TooLarge`] error for `what` of `size` bytes over `limit`.
    pub(crate) fn too_large(&self, place: Place, what: &str, size: u64, limit: usize) -> ReadError {
        self.err(
            place,
            ErrorKind::TooLarge,
            format!(
                "{what} is {size} bytes, over the limit of {limit} bytes; \
                 raise the limit with --max-article-bytes"
            ),
        )
    }

    /// Skips an article whose text is over the limit.
    pub(crate) fn check_size(&self, text: &str, place: Place) -> Result<(), ReadError> {
        let limit = self.opts.max_article_bytes;
        if text.len() > limit {
            Err(self.too_large(place, "the article text", text.len() as u64, limit))
        } else {
            Ok(())
        }
    }

    /// The publication date: the first candidate that is known, else the default date.
    pub(crate) fn published(
        &self,
        candidates: &[(Option<String>, PublishedSource)],
    ) -> (Option<String>, PublishedSource) {
        for (date, source) in candidates {
            if let Some(d) = date {
                return (Some(d.clone()), *source);
            }
        }
        match self.opts.default_published.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() => (
                Some(normalize_date(d).unwrap_or_else(|| d.to_string())),
                PublishedSource::Default,
            ),
            _ => (None, PublishedSource::Unknown),
        }
    }

    /// A warning for bytes replaced while decoding, at `base` + the first bad byte.
    pub(crate) fn decode_warning(&self, d: &decode::Decoded, base: Place) -> Option<Record> {
        let message = d.problem()?;
        let mut place = base;
        place.byte = match (base.byte, d.replaced.flatten()) {
            (Some(b), Some(at)) => Some(b + at),
            (None, Some(at)) => Some(at),
            (b, None) => b,
        };
        Some(Record::Warning(self.err(
            place,
            ErrorKind::InvalidUtf8,
            message,
        )))
    }
}

/// The articles of one input, read as the iterator is advanced.
pub struct Articles {
    input: String,
    format: Option<InputFormat>,
    inner: Box<dyn Iterator<Item = Record> + Send>,
}

impl fmt::Debug for Articles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Articles")
            .field("input", &self.input)
            .field("format", &self.format)
            .finish_non_exhaustive()
    }
}

impl Iterator for Articles {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.inner.next()
    }
}

impl Articles {
    /// Reads from any byte source. `input` names it in errors and `meta.input`, and its
    /// extension, if it has one, tells the format when [`ReadOptions::format`] does not.
    ///
    /// The first bytes are read at once (to tell the format); a read error there becomes one
    /// [`Record::Skipped`].
    pub fn from_reader<R: Read + Send + 'static>(
        reader: R,
        input: &str,
        opts: &ReadOptions,
    ) -> Articles {
        let ctx = Ctx {
            input: input.to_string(),
            opts: opts.clone(),
        };
        let mut src: input::Source = Input::new(Box::new(reader));
        let unreadable = |ctx: &Ctx, e: io::Error| Articles {
            input: ctx.input.clone(),
            format: None,
            inner: Box::new(std::iter::once(Record::Skipped(ctx.err(
                Place::NONE,
                ErrorKind::Unreadable,
                format!("cannot read: {e}"),
            )))),
        };
        let gz = match src.peek(2) {
            Ok(h) => h == b"\x1f\x8b",
            Err(e) => return unreadable(&ctx, e),
        };
        if gz {
            src = Input::new(Box::new(flate2::read::MultiGzDecoder::new(src)));
        }
        let head = match src.peek(HEAD_BYTES) {
            Ok(h) => h.to_vec(),
            Err(e) => return unreadable(&ctx, e),
        };
        let format = opts
            .format
            .unwrap_or_else(|| detect_format(Some(Path::new(input)), &head));
        let one = |ctx: &Ctx, r: Record| Articles {
            input: ctx.input.clone(),
            format: Some(format),
            inner: Box::new(std::iter::once(r)),
        };
        if head.is_empty() {
            let what = if gz {
                "decompresses to 0 bytes"
            } else {
                "has 0 bytes"
            };
            let e = ctx.err(Place::NONE, ErrorKind::Empty, format!("the input {what}"));
            return one(&ctx, Record::Skipped(e));
        }
        if format == InputFormat::Txt && !decode::has_utf16_bom(&head) {
            if let Some(at) = memchr::memchr(0, &head) {
                let e = ctx.err(
                    Place::byte(at as u64),
                    ErrorKind::Binary,
                    "a NUL byte: this looks like a binary file, not text; skipped",
                );
                return one(&ctx, Record::Skipped(e));
            }
        }
        let name = ctx.input.clone();
        let inner: Box<dyn Iterator<Item = Record> + Send> = match format {
            InputFormat::Txt => {
                Box::new(std::iter::once_with(move || single::read_text(&ctx, src)).flatten())
            }
            InputFormat::Html => Box::new(
                std::iter::once_with(move || single::read_html(&ctx, src, &head)).flatten(),
            ),
            InputFormat::Feed => Box::new(feed::FeedReader::new(ctx, src)),
            InputFormat::Jsonl => Box::new(jsonl::JsonlReader::new(ctx, src)),
            InputFormat::Warc => Box::new(warc::WarcReader::new(ctx, src)),
        };
        Articles {
            input: name,
            format: Some(format),
            inner,
        }
    }

    /// The input's name, as given.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The format being read; `None` when the input could not be read at all.
    pub fn format(&self) -> Option<InputFormat> {
        self.format
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_print() {
        for f in InputFormat::ALL {
            assert_eq!(f.as_str().parse::<InputFormat>(), Ok(f));
        }
        let e = "csv".parse::<InputFormat>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown input format \"csv\": expected one of txt, html, feed, jsonl, warc"
        );
    }

    #[test]
    fn detection_by_extension_then_content() {
        let p = |s: &str| Some(Path::new(s).to_path_buf());
        let d = |path: Option<PathBuf>, head: &[u8]| detect_format(path.as_deref(), head);
        assert_eq!(d(p("a/b.HTML"), b""), InputFormat::Html);
        assert_eq!(d(p("cc.warc.gz"), b""), InputFormat::Warc);
        assert_eq!(d(p("x.jsonl"), b"<html>"), InputFormat::Jsonl);
        assert_eq!(
            d(p("feed.xml"), b"<?xml version='1.0'?>\n<rss>"),
            InputFormat::Feed
        );
        assert_eq!(d(None, b"\x1f\x8b\x08"), InputFormat::Warc);
        assert_eq!(d(None, b"WARC/1.1\r\n"), InputFormat::Warc);
        assert_eq!(d(None, b"  <feed xmlns='x'>"), InputFormat::Feed);
        assert_eq!(d(None, b"<!DOCTYPE HTML><html>"), InputFormat::Html);
        assert_eq!(d(None, b"<!-- c --><html>"), InputFormat::Html);
        assert_eq!(d(None, b"\n {\"text\": 1}"), InputFormat::Jsonl);
        assert_eq!(d(None, b"Plain words."), InputFormat::Txt);
        assert_eq!(d(p("notes"), b""), InputFormat::Txt);
    }

    #[test]
    fn articles_can_move_between_threads() {
        fn send<T: Send>() {}
        send::<Articles>();
        send::<Record>();
    }

    #[test]
    fn sources_from_args() {
        assert_eq!(Source::from_arg("-"), Source::Stdin);
        assert_eq!(Source::from_arg("-").name(), "stdin");
        assert_eq!(Source::from_arg("a.txt"), Source::Path("a.txt".into()));
    }
}
