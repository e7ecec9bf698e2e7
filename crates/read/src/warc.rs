//! WARC files (as Common Crawl's CC-NEWS writes them), read one record at a time.
//!
//! A record is a version line (`WARC/1.0`), header lines, a blank line, `Content-Length`
//! bytes of body and a CRLF CRLF trailer. Each `response` record holding an HTTP 200
//! `text/html` page becomes an article; other records (`warcinfo`, `request`, `metadata`,
//! non-HTML responses, redirects) are passed over silently. A broken record is reported with
//! its index and byte offset, and reading resumes at the next line that starts with
//! `WARC/1.`. Offsets in gzip-compressed files count decompressed bytes.

use std::collections::VecDeque;
use std::io::Read;

use crate::date::normalize_date;
use crate::decode::{charset_param, decode, sniff_html_charset};
use crate::input::Source;
use crate::single::page_article;
use crate::{Ctx, ErrorKind, Place, Record};

/// The longest header line kept.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// The most header bytes one record may have.
const MAX_HEADER_BYTES: u64 = 1 << 20;

/// Streams the articles of a WARC file.
pub(crate) struct WarcReader {
    ctx: Ctx,
    src: Source,
    /// Records seen so far (the index of the current one, 1-based).
    index: u64,
    queue: VecDeque<Record>,
    done: bool,
    line: Vec<u8>,
}

/// The headers of one record that matter here.
#[derive(Default)]
struct Headers {
    warc_type: String,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: String,
    content_length: Option<u64>,
}

enum Outcome {
    /// The record was read; go on.
    Next,
    /// The record was broken; look for the next one.
    Resync,
    /// The input ended (or failed).
    End,
}

impl WarcReader {
    pub(crate) fn new(ctx: Ctx, src: Source) -> Self {
        Self {
            ctx,
            src,
            index: 0,
            queue: VecDeque::new(),
            done: false,
            line: Vec::new(),
        }
    }

    fn skip(&mut self, start: u64, kind: ErrorKind, message: impl Into<String>) {
        let place = Place::record(self.index, Some(start));
        self.queue
            .push_back(Record::Skipped(self.ctx.err(place, kind, message)));
    }

    fn io_failed(&mut self, start: u64, e: &std::io::Error) -> Outcome {
        self.skip(
            start,
            ErrorKind::Unreadable,
            format!(
                "read failed at byte {}: {e}; the rest of the input is lost",
                self.src.offset()
            ),
        );
        Outcome::End
    }

    /// Reads one record.
    fn step(&mut self) {
        let outcome = self.record();
        match outcome {
            Outcome::Next => {}
            Outcome::End => self.done = true,
            Outcome::Resync => {
                if let Err(e) = self.resync() {
                    let at = self.src.offset();
                    self.io_failed(at, &e);
                    self.done = true;
                }
            }
        }
    }

    /// Skips lines until one starts with `WARC/1.` (left unread) or the input ends.
    fn resync(&mut self) -> std::io::Result<()> {
        loop {
            let head = self.src.peek(7)?;
            if head.is_empty() {
                self.done = true;
                return Ok(());
            }
            if head == b"WARC/1." {
                return Ok(());
            }
            self.src.skip_line()?;
        }
    }

    fn record(&mut self) -> Outcome {
        // Blank lines between records.
        loop {
            match self.src.peek(1) {
                Ok([]) => return Outcome::End,
                Ok([b'\r' | b'\n']) => self.src.consume(1),
                Ok(_) => break,
                Err(e) => {
                    let at = self.src.offset();
                    return self.io_failed(at, &e);
                }
            }
        }
        let start = self.src.offset();
        self.index += 1;
        let version = match self.src.read_line(&mut self.line, 256) {
            Ok(_) => String::from_utf8_lossy(&self.line).trim().to_string(),
            Err(e) => return self.io_failed(start, &e),
        };
        if !version.starts_with("WARC/") {
            let shown: String = version.chars().take(40).collect();
            self.skip(
                start,
                ErrorKind::MalformedWarc,
                format!("expected a version line such as WARC/1.0, found {shown:?}; skipped to the next record"),
            );
            return Outcome::Resync;
        }
        let headers = match self.headers(start) {
            Ok(h) => h,
            Err(o) => return o,
        };
        let Some(length) = headers.content_length else {
            self.skip(
                start,
                ErrorKind::MalformedWarc,
                "missing or invalid Content-Length header; skipped to the next record",
            );
            return Outcome::Resync;
        };
        let wanted = headers.warc_type.eq_ignore_ascii_case("response")
            && headers
                .content_type
                .to_ascii_lowercase()
                .contains("application/http");
        let limit = self.ctx.opts.max_article_bytes.saturating_mul(4);
        let body_start = self.src.offset();
        let keep = wanted && length <= limit as u64;
        let mut body = Vec::new();
        let got = if keep {
            self.src.read_into(length, &mut body)
        } else {
            self.src.skip(length)
        };
        let got = match got {
            Ok(n) => n,
            Err(e) => return self.io_failed(start, &e),
        };
        if got < length {
            self.skip(
                start,
                ErrorKind::MalformedWarc,
                format!("truncated: Content-Length is {length} but only {got} bytes remain"),
            );
            return Outcome::End;
        }
        match self.trailer() {
            Ok(true) => {}
            Ok(false) => {
                self.skip(
                    start,
                    ErrorKind::MalformedWarc,
                    format!(
                        "the body is not followed by CRLF CRLF: Content-Length ({length}) \
                         looks wrong; skipped to the next record"
                    ),
                );
                return Outcome::Resync;
            }
            Err(e) => return self.io_failed(start, &e),
        }
        if wanted && !keep {
            let e = self.ctx.too_large(
                Place::record(self.index, Some(start)),
                "the HTTP response (limit: 4 × the article limit)",
                length,
                limit,
            );
            self.queue.push_back(Record::Skipped(e));
        } else if wanted {
            self.response(&headers, body, start, body_start);
        }
        Outcome::Next
    }

    /// Reads header lines up to the blank line.
    fn headers(&mut self, start: u64) -> Result<Headers, Outcome> {
        let mut h = Headers::default();
        let mut total = 0u64;
        loop {
            let read = match self.src.read_line(&mut self.line, MAX_HEADER_LINE) {
                Ok(r) => r,
                Err(e) => return Err(self.io_failed(start, &e)),
            };
            if read.consumed == 0 {
                self.skip(start, ErrorKind::MalformedWarc, "truncated in its headers");
                return Err(Outcome::End);
            }
            total += read.consumed;
            if read.truncated || total > MAX_HEADER_BYTES {
                self.skip(
                    start,
                    ErrorKind::MalformedWarc,
                    "header lines too long; skipped to the next record",
                );
                return Err(Outcome::Resync);
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                return Ok(h);
            }
            if line.starts_with([' ', '\t']) {
                continue; // a folded continuation of a header we do not need
            }
            let Some((name, value)) = line.split_once(':') else {
                let shown: String = line.chars().take(40).collect();
                self.skip(
                    start,
                    ErrorKind::MalformedWarc,
                    format!("header line without a colon: {shown:?}; skipped to the next record"),
                );
                return Err(Outcome::Resync);
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => h.warc_type = value.to_string(),
                "warc-target-uri" => {
                    let v = value.trim_start_matches('<').trim_end_matches('>');
                    h.target_uri = Some(v.to_string()).filter(|v| !v.is_empty());
                }
                "warc-date" => h.date = Some(value.to_string()),
                "content-type" => h.content_type = value.to_string(),
                "content-length" => h.content_length = value.parse().ok(),
                _ => {}
            }
        }
    }

    /// Consumes the CRLF CRLF after a body. True when it is there (or the input ends, or
    /// the next record starts straight away).
    fn trailer(&mut self) -> std::io::Result<bool> {
        let head = self.src.peek(4)?;
        if head.is_empty() || head.starts_with(b"WARC") {
            return Ok(true);
        }
        let newlines = head
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let lf = head.iter().take(newlines).filter(|b| **b == b'\n').count();
        if lf == 0 {
            return Ok(false);
        }
        self.src.consume(newlines);
        Ok(true)
    }

    /// Turns an HTTP response into an article, when it is a 200 HTML page.
    fn response(&mut self, headers: &Headers, body: Vec<u8>, start: u64, body_start: u64) {
        let Some(http) = Http::parse(&body) else {
            return;
        };
        if http.status != 200 || !http.is_html(&body) {
            return;
        }
        let place = Place::record(self.index, Some(start));
        let (payload, transformed) =
            http.payload(body, self.ctx.opts.max_article_bytes.saturating_mul(4));
        let label = http
            .content_type
            .as_deref()
            .and_then(charset_param)
            .or_else(|| sniff_html_charset(&payload));
        let decoded = decode(payload, label.as_deref());
        let base = if transformed {
            Place::record(self.index, None)
        } else {
            Place::record(self.index, Some(body_start + http.header_len as u64))
        };
        if let Some(w) = self.ctx.decode_warning(&decoded, base) {
            self.queue.push_back(w);
        }
        let crawl = headers.date.as_deref().and_then(normalize_date);
        let uri = headers.target_uri.clone();
        match page_article(
            &self.ctx,
            &decoded.text,
            uri.as_deref().map(|u| (u, crawl)),
            place,
        ) {
            Ok(mut article) => {
                if article.id.is_empty() {
                    article.id = format!("{}#{}", self.ctx.input, self.index);
                }
                article.meta.input = Some(format!("{}#{}", self.ctx.input, self.index));
                self.queue.push_back(Record::Article(article));
            }
            Err(e) => self.queue.push_back(Record::Skipped(e)),
        }
    }
}

impl Iterator for WarcReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(r) = self.queue.pop_front() {
                return Some(r);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }
}

/// The parts of an HTTP response head that matter here.
struct Http {
    status: u16,
    content_type: Option<String>,
    chunked: bool,
    gzip: bool,
    /// Bytes of status line and headers, blank line included.
    header_len: usize,
}

impl Http {
    fn parse(body: &[u8]) -> Option<Http> {
        let (head_end, sep) = match memchr::memmem::find(body, b"\r\n\r\n") {
            Some(i) => (i, 4),
            None => (memchr::memmem::find(body, b"\n\n")?, 2),
        };
        let head = String::from_utf8_lossy(body.get(..head_end)?);
        let mut lines = head.lines();
        let status_line = lines.next()?;
        let mut parts = status_line.split_whitespace();
        if !parts.next()?.starts_with("HTTP/") {
            return None;
        }
        let status = parts.next()?.parse().ok()?;
        let mut http = Http {
            status,
            content_type: None,
            chunked: false,
            gzip: false,
            header_len: head_end + sep,
        };
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_ascii_lowercase();
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => http.content_type = Some(value),
                "transfer-encoding" => http.chunked = value.contains("chunked"),
                "content-encoding" => http.gzip = value.contains("gzip"),
                _ => {}
            }
        }
        Some(http)
    }

    fn is_html(&self, body: &[u8]) -> bool {
        match &self.content_type {
            Some(ct) => {
                let mime = ct.split(';').next().unwrap_or("").trim();
                mime == "text/html" || mime == "application/xhtml+xml"
            }
            None => {
                let payload = body.get(self.header_len..).unwrap_or(&[]);
                let head = payload.get(..512).unwrap_or(payload).to_ascii_lowercase();
                memchr::memmem::find(&head, b"<html").is_some()
                    || memchr::memmem::find(&head, b"<!doctype html").is_some()
            }
        }
    }

    /// The payload, de-chunked and gunzipped where the headers say so (and it works).
    /// True in the second place when it was changed.
    fn payload(&self, mut body: Vec<u8>, limit: usize) -> (Vec<u8>, bool) {
        let mut payload = body.split_off(self.header_len.min(body.len()));
        let mut transformed = false;
        if self.chunked {
            if let Some(p) = dechunk(&payload) {
                payload = p;
                transformed = true;
            }
        }
        if self.gzip && payload.starts_with(b"\x1f\x8b") {
            let mut out = Vec::new();
            let mut dec = flate2::read::MultiGzDecoder::new(payload.as_slice()).take(limit as u64);
            if dec.read_to_end(&mut out).is_ok() {
                payload = out;
                transformed = true;
            }
        }
        (payload, transformed)
    }
}

/// Undoes HTTP chunked transfer encoding; `None` when the data is not validly chunked.
fn dechunk(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    let mut pos = 0usize;
    loop {
        let rest = data.get(pos..)?;
        let eol = memchr::memchr(b'\n', rest)?;
        let size_line = std::str::from_utf8(rest.get(..eol)?).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        pos += eol + 1;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(pos..pos.checked_add(size)?)?);
        pos += size;
        // CRLF after the chunk.
        while matches!(data.get(pos), Some(b'\r')) {
            pos += 1;
        }
        if data.get(pos) == Some(&b'\n') {
            pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_heads() {
        let body =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>x</p>";
        let h = Http::parse(body).unwrap();
        assert_eq!(h.status, 200);
        assert!(h.is_html(body));
        assert_eq!(
            h.content_type.as_deref(),
            Some("text/html; charset=iso-8859-1")
        );
        let (p, changed) = h.payload(body.to_vec(), 1000);
        assert_eq!((p.as_slice(), changed), (&b"<p>x</p>"[..], false));
        assert!(Http::parse(b"garbage").is_none());
        let h = Http::parse(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n").unwrap();
        assert_eq!(h.status, 301);
    }

    #[test]
    fn chunks() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert!(dechunk(b"zz\r\nabc").is_none());
        assert!(dechunk(b"10\r\nabc").is_none());
    }
}
