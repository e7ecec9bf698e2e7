//! Arbitrary bytes through every reader: no panic, whatever the format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_read::{Articles, InputFormat, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let formats = [
        None,
        Some(InputFormat::Txt),
        Some(InputFormat::Html),
        Some(InputFormat::Feed),
        Some(InputFormat::Jsonl),
        Some(InputFormat::Warc),
    ];
    for format in formats {
        let opts = ReadOptions {
            format,
            max_article_bytes: 1 << 20,
            default_published: None,
        };
        let reader = std::io::Cursor::new(data.to_vec());
        for record in Articles::from_reader(reader, "fuzz", &opts) {
            let _ = record;
        }
    }
});
