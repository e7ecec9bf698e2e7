//! Helpers shared by the reader tests: in-memory reading, temp files, WARC building.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use newsgraph_read::{Article, Articles, ReadError, ReadOptions, Record};

/// Reads `bytes` named `name` with `opts`, collecting every record.
pub fn read(bytes: &[u8], name: &str, opts: &ReadOptions) -> Vec<Record> {
    Articles::from_reader(std::io::Cursor::new(bytes.to_vec()), name, opts).collect()
}

/// The articles among `records`.
pub fn articles(records: &[Record]) -> Vec<&Article> {
    records.iter().filter_map(Record::article).collect()
}

/// The skipped records' errors.
pub fn skipped(records: &[Record]) -> Vec<&ReadError> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Skipped(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// The warnings.
pub fn warnings(records: &[Record]) -> Vec<&ReadError> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Warning(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// A fixture under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A temp file, removed (with its directory) when dropped.
pub struct Temp {
    /// Its path, ending in the name given.
    pub path: PathBuf,
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(dir) = self.path.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A fresh temp file whose path ends in `name`, with `bytes` written to it.
pub fn temp_file(name: &str, bytes: &[u8]) -> Temp {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("newsgraph-read-test-{}-{}", std::process::id(), n));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(bytes).unwrap();
    Temp { path }
}

/// One WARC record with the given type, headers and body.
pub fn warc_record(warc_type: &str, extra_headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("WARC/1.0\r\nWARC-Type: {warc_type}\r\n").into_bytes();
    for (k, v) in extra_headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    out.extend_from_slice(body);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response.
pub fn http(status: &str, content_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

/// A `response` record of an HTTP response fetched from `uri` on `date`.
pub fn response(uri: &str, date: &str, http_bytes: &[u8]) -> Vec<u8> {
    warc_record(
        "response",
        &[
            ("WARC-Target-URI", uri),
            ("WARC-Date", date),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        http_bytes,
    )
}

/// A small invented news page.
pub fn news_page(title: &str, paragraphs: &[&str], head_extra: &str) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title>{head_extra}</head><body>\
         <nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\
         <article><h1>{title}</h1>{body}</article>\
         <footer><p>Copyright notice for the site.</p></footer></body></html>"
    )
}

/// Gzips `bytes` as one member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}
