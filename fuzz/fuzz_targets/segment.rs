//! Arbitrary text through every article-layer stage: no panic, and the offsets invariant holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_doc::{check_spans, Doc, Meta};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut doc = Doc::new("fuzz", text.as_ref(), Meta::default());
    for stage in newsgraph_segment::article_stages() {
        stage.run(&mut doc);
    }
    let problems = check_spans(&doc);
    assert!(problems.is_empty(), "{problems:?}");
});
