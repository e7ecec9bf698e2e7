//! Arbitrary input never makes the scorer or the reader panic, and what they report stays in
//! range. (The scorer reports no spans: its only text output, verbose lines, quotes slices of
//! the gold text, which are taken with Python slicing and so always in bounds.)

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use newsgraph_eval::{read_jsonl, score, EvalError};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value};

const KEYS: &[&str] = &[
    "id",
    "text",
    "mentions",
    "entities",
    "quotes",
    "events",
    "relations",
    "start",
    "end",
    "type",
    "name",
    "aliases",
    "kind",
    "optional",
    "content",
    "source",
    "target",
    "entity",
    "count",
    "anonymous",
    "date",
];
const WORDS: &[&str] = &[
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "PER",
    "name",
    "pronoun",
    "CONSULT",
    "ALLY_OF",
    "LEADS",
    "the Orva Board",
    "Orva Board",
    "Mira Tal",
    "e1",
    "a",
    "2021-03",
    "Tal’s",
    "ＭＩＲＡ",
    "",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-5i64..60).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e3f64..1e3).prop_map(Value::from),
        ".{0,16}".prop_map(Value::from),
        select(WORDS).prop_map(Value::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![4 => select(KEYS).prop_map(String::from), 1 => ".{0,6}"]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..7)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// An article-shaped object: an id, a text, and lists of item-shaped objects under layer keys.
fn doc() -> impl Strategy<Value = Value> {
    let item = prop::collection::vec((select(KEYS).prop_map(String::from), value()), 0..8)
        .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<String, Value>>()));
    let layer = prop_oneof![
        3 => prop::collection::vec(item, 0..5).prop_map(Value::Array),
        1 => value(),
    ];
    (
        prop_oneof![select(&["a", "b", "c"][..]).prop_map(Value::from), leaf()],
        ".{0,40}",
        prop::collection::vec((select(KEYS).prop_map(String::from), layer), 0..6),
    )
        .prop_map(|(id, text, layers)| {
            let mut m: Map<String, Value> = layers.into_iter().collect();
            m.insert("id".into(), id);
            m.insert("text".into(), Value::from(text));
            Value::Object(m)
        })
}

fn input() -> impl Strategy<Value = Value> {
    prop_oneof![4 => doc(), 1 => value()]
}

fn in_unit(x: f64) -> bool {
    (0.0..=1.0).contains(&x)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn scoring_arbitrary_values_never_panics(
        gold in prop::collection::vec(input(), 0..4),
        pred in prop::collection::vec(input(), 0..4),
        verbose in any::<bool>(),
    ) {
        let (s, lines) = score(&gold, &pred, verbose);
        prop_assert!(verbose || lines.is_empty());
        prop_assert!(s.articles <= gold.len());
        prop_assert!(s.articles_without_prediction.len() <= s.articles);
        for l in &s.layers {
            prop_assert!(in_unit(l.precision) && in_unit(l.recall) && in_unit(l.f1), "{l:?}");
        }
        for d in &s.details {
            prop_assert!(in_unit(d.accuracy) && d.matched > 0, "{d:?}");
        }
        for line in &lines {
            prop_assert!(line.starts_with("  ["));
        }
        let json = s.to_json();
        prop_assert_eq!(json["articles"].as_u64(), Some(s.articles as u64));
        let _ = s.to_text();
    }

    #[test]
    fn arbitrary_texts_and_offsets_in_mentions(
        text in "\\PC{0,30}",
        spans in prop::collection::vec((any::<i64>(), any::<i64>(), -3i64..40, -3i64..40), 0..6),
    ) {
        let mentions: Vec<Value> = spans
            .iter()
            .map(|&(a, b, c, d)| serde_json::json!({"start": a % 50, "end": b, "type": "PER",
                                                    "text": "", "x": [c, d]}))
            .collect();
        let pred_mentions: Vec<Value> = spans
            .iter()
            .map(|&(_, _, c, d)| serde_json::json!({"start": c, "end": d, "kind": "name"}))
            .collect();
        let gold = serde_json::json!({"id": "t", "text": text, "mentions": mentions});
        let pred = serde_json::json!({"id": "t", "entities": [{"type": "PERSON",
                                                                "mentions": pred_mentions}]});
        let (s, _) = score(&[gold], &[pred], true);
        let m = s.layer("mentions").unwrap();
        prop_assert!(m.predicted <= spans.len() && m.gold <= spans.len());
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let path = temp_file(&bytes);
        let lines = bytes.split(|b| *b == b'\n').count();
        match read_jsonl(&path) {
            Ok(values) => prop_assert!(values.iter().all(Value::is_object)),
            Err(EvalError::Json { line, .. })
            | Err(EvalError::NotObject { line, .. })
            | Err(EvalError::Utf8 { line, .. }) => {
                prop_assert!(line >= 1 && line <= lines);
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
        std::fs::remove_file(&path).ok();
    }
}

fn temp_file(bytes: &[u8]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("newsgraph-eval-prop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.jsonl", N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn reading_errors_name_the_file_and_line() {
    let path = temp_file(b"{\"id\": \"a\"}\n\n{\"id\": 1,}\n");
    let err = read_jsonl(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:3:", path.display())), "{err}");
    std::fs::remove_file(&path).ok();
}
