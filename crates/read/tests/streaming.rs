//! The readers stream: they read only as far as the articles asked for.

mod common;

use std::io::{BufWriter, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use common::*;
use newsgraph_read::{open, Articles, ReadOptions, Record, Source};

/// Wraps a reader and counts the bytes handed out.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// An endless source of records: reading it whole would never finish.
struct Endless {
    make: fn(u64) -> Vec<u8>,
    n: u64,
    pending: Vec<u8>,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            self.n += 1;
            self.pending = (self.make)(self.n);
        }
        let k = self.pending.len().min(buf.len());
        buf[..k].copy_from_slice(&self.pending[..k]);
        self.pending.drain(..k);
        Ok(k)
    }
}

fn jsonl_line(n: u64) -> Vec<u8> {
    format!(
        "{{\"id\": {n}, \"text\": \"Report number {n} on the river level.\", \"gold\": [1, 2]}}\n"
    )
    .into_bytes()
}

fn warc_response(n: u64) -> Vec<u8> {
    let page = format!(
        "<html><body><article><p>Bulletin {n}: the river level fell overnight.</p></article></body></html>"
    );
    response(
        &format!("https://news.example/{n}"),
        "2024-03-06T10:00:00Z",
        &http("200 OK", "text/html", page.as_bytes()),
    )
}

fn first_ids(arts: Articles, k: usize) -> Vec<String> {
    arts.filter_map(Record::into_article)
        .take(k)
        .map(|a| a.id)
        .collect()
}

#[test]
fn endless_jsonl_yields_articles_lazily() {
    let src = Endless {
        make: jsonl_line,
        n: 0,
        pending: Vec::new(),
    };
    let arts = Articles::from_reader(src, "endless.jsonl", &ReadOptions::default());
    assert_eq!(first_ids(arts, 3), ["1", "2", "3"]);
}

#[test]
fn endless_warc_yields_articles_lazily() {
    let src = Endless {
        make: warc_response,
        n: 0,
        pending: Vec::new(),
    };
    let arts = Articles::from_reader(src, "endless.warc", &ReadOptions::default());
    assert_eq!(
        first_ids(arts, 3),
        [
            "https://news.example/1",
            "https://news.example/2",
            "https://news.example/3"
        ]
    );
}

#[test]
fn endless_gzipped_warc_yields_articles_lazily() {
    let src = Endless {
        make: |n| gzip(&warc_response(n)),
        n: 0,
        pending: Vec::new(),
    };
    let arts = Articles::from_reader(src, "endless.warc.gz", &ReadOptions::default());
    assert_eq!(first_ids(arts, 2).len(), 2);
}

#[test]
fn a_200k_line_file_streams() {
    let tmp = temp_file("big.jsonl", b"");
    let path = tmp.path.clone();
    {
        let mut w = BufWriter::new(std::fs::File::create(&path).unwrap());
        for n in 1..=200_000 {
            w.write_all(&jsonl_line(n)).unwrap();
        }
        w.flush().unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len();

    // The first articles come after reading a small part of the file.
    let count = Arc::new(AtomicU64::new(0));
    let file = Counting {
        inner: std::fs::File::open(&path).unwrap(),
        count: Arc::clone(&count),
    };
    let mut arts = Articles::from_reader(file, "big.jsonl", &ReadOptions::default());
    let first: Vec<String> = arts
        .by_ref()
        .filter_map(Record::into_article)
        .take(10)
        .map(|a| a.id)
        .collect();
    assert_eq!(first.len(), 10);
    let read_so_far = count.load(Ordering::Relaxed);
    assert!(
        read_so_far < 256 * 1024,
        "read {read_so_far} of {size} bytes for 10 articles"
    );

    // And the whole file goes through one article at a time.
    let (mut n, mut last) = (0u64, String::new());
    for r in open(&Source::Path(path.clone()), &ReadOptions::default()).unwrap() {
        let a = r.into_article().unwrap();
        n += 1;
        last = a.id;
    }
    assert_eq!((n, last.as_str()), (200_000, "200000"));
}
