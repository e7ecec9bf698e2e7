//! Every kind of bad input gives a clear error naming the input and the place.

mod common;

use std::io::{self, Read};

use common::*;
use newsgraph_read::{open, Articles, ErrorKind, InputFormat, ReadOptions, Record, Source};

fn opts() -> ReadOptions {
    ReadOptions::default()
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let path = std::env::temp_dir().join("newsgraph-read-no-such-file.txt");
    let e = open(&Source::Path(path.clone()), &opts()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert_eq!(
        e.to_string(),
        format!("{}: not found: no such file", path.display())
    );
}

#[test]
fn directory_is_an_error() {
    let tmp = temp_file("x.txt", b"x");
    let dir = tmp.path.parent().unwrap().to_path_buf();
    let e = open(&Source::Path(dir.clone()), &opts()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Directory);
    assert!(e.to_string().starts_with(&dir.display().to_string()));
}

/// Fails after handing out `ok` bytes.
struct Failing {
    ok: Vec<u8>,
}

impl Read for Failing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.ok.is_empty() {
            return Err(io::Error::other("device went away"));
        }
        let n = self.ok.len().min(buf.len());
        buf[..n].copy_from_slice(&self.ok[..n]);
        self.ok.drain(..n);
        Ok(n)
    }
}

#[test]
fn unreadable_input_is_reported_not_panicked() {
    let records: Vec<Record> =
        Articles::from_reader(Failing { ok: vec![] }, "dev.txt", &opts()).collect();
    assert_eq!(records.len(), 1);
    let e = records[0].error().unwrap();
    assert_eq!(e.kind, ErrorKind::Unreadable);
    assert!(e.to_string().contains("device went away"), "{e}");

    // Failing midway through a JSON Lines input: the lines before it are kept.
    let mut ok = b"{\"text\": \"first\"}\n".to_vec();
    ok.extend(vec![b' '; 10_000]);
    let records: Vec<Record> =
        Articles::from_reader(Failing { ok }, "dev.jsonl", &opts()).collect();
    assert_eq!(articles(&records).len(), 1);
    assert_eq!(skipped(&records)[0].kind, ErrorKind::Unreadable);
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let bytes = b"Caf\xE9 owners said prices rose.\n";
    let tmp = temp_file("latin.txt", bytes);
    let path = tmp.path.clone();
    let name = path.display().to_string();
    let records: Vec<Record> = open(&Source::Path(path), &opts()).unwrap().collect();
    let w = warnings(&records);
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].kind, w[0].place.byte),
        (ErrorKind::InvalidUtf8, Some(3))
    );
    assert!(w[0]
        .to_string()
        .starts_with(&format!("{name}: byte 3: invalid UTF-8: ")));
    assert_eq!(
        articles(&records)[0].text,
        "Caf\u{FFFD} owners said prices rose.\n"
    );

    // In a JSON Lines file the offset counts from the start of the file.
    let jsonl = b"{\"text\": \"ok\"}\n{\"text\": \"caf\xE9\"}\n";
    let records = read(jsonl, "x.jsonl", &opts());
    let w = warnings(&records);
    assert_eq!((w[0].place.line, w[0].place.byte), (Some(2), Some(15 + 13)));
    assert_eq!(articles(&records).len(), 2);

    // HTML and feeds too.
    let records = read(
        b"<html><body><p>Caf\xE9 news.</p></body></html>",
        "x.html",
        &opts(),
    );
    assert_eq!(warnings(&records)[0].kind, ErrorKind::InvalidUtf8);
    assert_eq!(articles(&records)[0].text, "Caf\u{FFFD} news.");
    let feed = b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>\
                 <item><title>x</title><description>Caf\xE9 news.</description></item></channel></rss>";
    let records = read(feed, "x.rss", &opts());
    assert_eq!(warnings(&records)[0].kind, ErrorKind::InvalidUtf8);
    assert_eq!(articles(&records)[0].text, "Caf\u{FFFD} news.");
}

#[test]
fn empty_input_is_skipped_in_every_format() {
    for f in InputFormat::ALL {
        let tmp = temp_file(&format!("empty.{}", f.as_str()), b"");
        let path = tmp.path.clone();
        let records: Vec<Record> = open(&Source::Path(path), &opts()).unwrap().collect();
        assert_eq!(records.len(), 1, "{f}");
        assert_eq!(skipped(&records)[0].kind, ErrorKind::Empty, "{f}");
    }
    let records = read(b"  \n\r\n", "blank.txt", &opts());
    assert_eq!(skipped(&records)[0].kind, ErrorKind::Empty);
    let records = read(&gzip(b""), "empty.warc.gz", &opts());
    assert_eq!(skipped(&records)[0].kind, ErrorKind::Empty);
}

#[test]
fn binary_input_is_skipped() {
    let mut bytes = b"\x7fELF\x02\x01\x01".to_vec();
    bytes.extend([0u8; 64]);
    for name in ["program", "program.txt"] {
        let records = read(&bytes, name, &opts());
        assert_eq!(records.len(), 1);
        let e = skipped(&records)[0];
        assert_eq!((e.kind, e.place.byte), (ErrorKind::Binary, Some(7)));
        assert!(e
            .to_string()
            .starts_with(&format!("{name}: byte 7: binary data")));
    }
    // UTF-16 text has NUL bytes but is not binary.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Hi there".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let records = read(&utf16, "wide.txt", &opts());
    assert_eq!(articles(&records)[0].text, "Hi there");
}

#[test]
fn too_large_articles_are_skipped_naming_size_limit_and_option() {
    let o = ReadOptions {
        max_article_bytes: 16,
        ..opts()
    };
    let records = read(b"This text is longer than sixteen bytes.", "long.txt", &o);
    let e = skipped(&records)[0];
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("39 bytes"), "{e}");
    assert!(e.message.contains("16 bytes"), "{e}");
    assert!(e.message.contains("--max-article-bytes"), "{e}");

    let records = read(
        b"{\"text\": \"short\"}\n{\"text\": \"This text is longer than sixteen bytes.\"}\n",
        "long.jsonl",
        &o,
    );
    assert_eq!(articles(&records).len(), 1);
    let e = skipped(&records)[0];
    assert_eq!((e.kind, e.place.line), (ErrorKind::TooLarge, Some(2)));

    let page = news_page(
        "t",
        &["A paragraph of text that is far longer than the limit."],
        "",
    );
    let o = ReadOptions {
        max_article_bytes: 40,
        ..opts()
    };
    let records = read(page.as_bytes(), "p.html", &o);
    assert_eq!(skipped(&records)[0].kind, ErrorKind::TooLarge);
}

#[test]
fn corrupt_gzip_is_reported() {
    let mut gz = gzip(&warc_record("warcinfo", &[], b"x: y\r\n"));
    let n = gz.len();
    gz[n / 2] ^= 0xFF;
    gz[n / 2 + 1] ^= 0xFF;
    gz.truncate(n - 4);
    let records = read(&gz, "bad.warc.gz", &opts());
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r.article().is_none()), "{records:?}");
    let e = records.last().unwrap().error().unwrap();
    assert!(
        matches!(e.kind, ErrorKind::Unreadable | ErrorKind::MalformedWarc),
        "{e}"
    );
}

#[test]
fn malformed_json_names_line_byte_and_column() {
    let records = read(b"{\"text\": \"a\"}\n{\"text\" \"b\"}\n", "m.jsonl", &opts());
    let e = skipped(&records)[0];
    assert_eq!(
        e.to_string(),
        "m.jsonl: line 2, byte 14: malformed JSON: expected `:`, at column 9; line skipped"
    );
}

#[test]
fn warc_that_is_only_garbage() {
    let records = read(b"WARC/1.0\r\nno colon here\r\n\r\n", "g.warc", &opts());
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(skipped(&records)[0].kind, ErrorKind::MalformedWarc);
    let records = read(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10",
        "h.warc",
        &opts(),
    );
    assert!(skipped(&records)[0].message.contains("truncated"));
}
