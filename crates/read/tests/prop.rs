//! Arbitrary bytes through every reader: no panic, and every reported place lies inside the
//! input.

mod common;

use newsgraph_read::{Articles, InputFormat, ReadOptions, Record};
use proptest::prelude::*;

/// Reads `bytes` as `format` (or detected) and checks the records.
fn check(bytes: &[u8], format: Option<InputFormat>) {
    let opts = ReadOptions {
        format,
        max_article_bytes: 4096,
        default_published: None,
    };
    let name = "fuzz.in";
    let records: Vec<Record> =
        Articles::from_reader(std::io::Cursor::new(bytes.to_vec()), name, &opts).collect();
    let gz = bytes.starts_with(b"\x1f\x8b");
    for r in &records {
        match r {
            Record::Article(a) => {
                assert!(!a.id.is_empty());
                assert!(!a.text.trim().is_empty());
                assert!(a.text.len() <= opts.max_article_bytes);
                assert!(a.meta.input.as_deref().unwrap_or("").starts_with(name));
            }
            Record::Warning(e) | Record::Skipped(e) => {
                assert_eq!(e.input, name);
                assert!(!e.message.is_empty());
                if let (Some(b), false) = (e.place.byte, gz) {
                    assert!(b <= bytes.len() as u64, "{e} beyond {} bytes", bytes.len());
                }
                let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                if let (Some(l), false) = (e.place.line, gz) {
                    assert!(l >= 1 && l <= lines, "{e}");
                }
            }
        }
    }
}

fn formats() -> impl Strategy<Value = Option<InputFormat>> {
    prop_oneof![
        Just(None),
        Just(Some(InputFormat::Txt)),
        Just(Some(InputFormat::Html)),
        Just(Some(InputFormat::Feed)),
        Just(Some(InputFormat::Jsonl)),
        Just(Some(InputFormat::Warc)),
    ]
}

/// Bytes that start like one of the formats, so that the readers get past their first check.
fn inputs() -> impl Strategy<Value = Vec<u8>> {
    let prefix = prop_oneof![
        Just(&b""[..]),
        Just(&b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>"[..]),
        Just(&b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>"[..]),
        Just(&b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>"[..]),
        Just(&b"<!DOCTYPE html><html><body><article><p>"[..]),
        Just(&b"{\"text\": \""[..]),
        Just(&b"\x1f\x8b"[..]),
    ];
    let body = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..600),
        ".{0,300}".prop_map(String::into_bytes),
        "[ -~\r\n\u{2019}\u{201c}\u{201d}\u{a0}\u{1F600}é\u{301}]{0,300}"
            .prop_map(String::into_bytes),
    ];
    (prefix, body).prop_map(|(p, b)| [p, b.as_slice()].concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in inputs(), format in formats()) {
        check(&bytes, format);
    }

    #[test]
    fn gzipped_arbitrary_bytes_never_panic(bytes in inputs(), format in formats()) {
        check(&common::gzip(&bytes), format);
    }

    #[test]
    fn jsonl_lines_of_arbitrary_text(lines in proptest::collection::vec(".{0,80}", 0..8)) {
        let mut input = String::new();
        for l in &lines {
            input.push_str(&serde_json::json!({ "text": l, "id": l }).to_string());
            input.push('\n');
        }
        let records: Vec<Record> = Articles::from_reader(
            std::io::Cursor::new(input.into_bytes()), "p.jsonl", &ReadOptions::default()
        ).collect();
        let texts: Vec<&str> = records.iter().filter_map(Record::article).map(|a| a.text.as_str()).collect();
        let expected: Vec<&str> = lines.iter().map(String::as_str).filter(|l| !l.trim().is_empty()).collect();
        prop_assert_eq!(texts, expected);
    }
}
