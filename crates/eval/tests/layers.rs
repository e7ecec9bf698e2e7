//! Each layer on small invented articles: a perfect prediction, an empty one, and one partly
//! wrong, with the expected numbers worked out by hand from score.py's rules.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_eval::{score, LayerScore, Scores};
use serde_json::{json, Value};

fn run(gold: Value, pred: Value) -> (Scores, Vec<String>) {
    score(&[gold], &[pred], true)
}

fn check(s: &Scores, layer: &str, p: f64, r: f64, f1: f64, predicted: usize, gold: usize) {
    let got = s.layer(layer).unwrap_or_else(|| panic!("no layer {layer}"));
    assert_eq!(
        got,
        LayerScore {
            name: layer.to_string(),
            precision: p,
            recall: r,
            f1,
            predicted,
            gold,
        }
    );
}

fn accuracy(s: &Scores, name: &str) -> Option<(f64, usize)> {
    s.detail(name).map(|d| (d.accuracy, d.matched))
}

// ---------------------------------------------------------------------------------------------
// mentions

fn mention_gold() -> Value {
    // "The Orva Board" 0..14 (scored as 4..14), "Mira Tal" 19..27, "Kessel" 31..37.
    json!({"id": "m1", "text": "The Orva Board met Mira Tal in Kessel.", "mentions": [
        {"start": 0, "end": 14, "type": "ORG", "text": "The Orva Board"},
        {"start": 19, "end": 27, "type": "PERSON", "text": "Mira Tal"},
        {"start": 31, "end": 37, "type": "GPE", "text": "Kessel"}]})
}

#[test]
fn mentions_perfect() {
    let pred = json!({"id": "m1", "entities": [
        {"type": "ORG", "mentions": [{"start": 4, "end": 14, "kind": "name"}]},
        {"type": "PERSON", "mentions": [{"start": 19, "end": 27, "kind": "name"}]},
        {"type": "LOC", "mentions": [{"start": 31, "end": 37}]}]});
    let (s, lines) = run(mention_gold(), pred);
    assert_eq!(s.layers.len(), 1);
    check(&s, "mentions", 1.0, 1.0, 1.0, 3, 3);
    assert!(lines.is_empty());
}

#[test]
fn mentions_empty() {
    let (s, lines) = run(mention_gold(), json!({"id": "m1"}));
    check(&s, "mentions", 0.0, 0.0, 0.0, 0, 3);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], "  [m1] missed mention: 'Orva Board' ORG");
}

#[test]
fn mentions_partly_wrong() {
    // The ORG span with its "The" still matches; "Mira" alone does not; GPE counts as LOC;
    // nominal mentions and entities of other types are not scored.
    let pred = json!({"id": "m1", "entities": [
        {"type": "ORG", "mentions": [{"start": 0, "end": 14, "kind": "name"},
                                     {"start": 9, "end": 14, "kind": "nominal"}]},
        {"type": "person", "mentions": [{"start": 19, "end": 23, "kind": "name"},
                                        {"start": 19, "end": 27, "kind": "pronoun"}]},
        {"type": "GPE", "mentions": [{"start": 31, "end": 37, "kind": "name"}]},
        {"type": "NORP", "mentions": [{"start": 0, "end": 3, "kind": "name"}]}]});
    let (s, lines) = run(mention_gold(), pred);
    check(&s, "mentions", 0.6667, 0.6667, 0.6667, 3, 3);
    assert_eq!(
        lines,
        [
            "  [m1] missed mention: 'Mira Tal' PER",
            "  [m1] spurious mention: 'Mira' PER"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// entities

fn entity_gold() -> Value {
    json!({"id": "n1", "text": "…", "entities": [
        {"name": "Mira Tal", "type": "PERSON", "aliases": ["Ms Tal"]},
        {"name": "Orva Board", "type": "ORG", "aliases": ["the Board"]},
        {"name": "Kessel", "type": "GPE", "aliases": []},
        {"name": "Tessin", "type": "NORP", "aliases": []},
        {"name": "Port Ilse", "type": "LOC", "aliases": [], "optional": true}]})
}

#[test]
fn entities_perfect() {
    // The optional place is found, and neither counted as predicted nor as gold.
    let pred = json!({"id": "n1", "entities": [
        {"id": "e1", "name": "Tal", "type": "PERSON",
         "mentions": [{"text": "Ms Tal", "kind": "nominal"}]},
        {"id": "e2", "name": "The Board", "type": "ORG"},
        {"id": "e3", "name": "Kessel", "type": "LOC"},
        {"id": "e4", "name": "Port Ilse", "type": "GPE"},
        {"id": "e5", "name": "Tessin", "type": "NORP"}]});
    let (s, lines) = run(entity_gold(), pred);
    check(&s, "entities", 1.0, 1.0, 1.0, 3, 3);
    assert!(lines.is_empty(), "{lines:?}");
}

#[test]
fn entities_empty() {
    let (s, _) = run(entity_gold(), json!({"id": "n1", "entities": []}));
    check(&s, "entities", 0.0, 0.0, 0.0, 0, 3);
}

#[test]
fn entities_partly_wrong() {
    // Matched: Orva Board, Port Ilse (optional). A second Port Ilse fits only the optional
    // entity and is not counted. predicted = 6 - 2 = 4; P = 1/4, R = 1/3, F1 = 2/7.
    let pred = json!({"id": "n1", "entities": [
        {"name": "she", "type": "PERSON", "mentions": [{"text": "Mira Tal", "kind": "pronoun"}]},
        {"name": "the Orva Board's", "type": "org"},
        {"name": "Kessel", "type": "ORG"},
        {"name": "Port Ilse", "type": "LOC"},
        {"name": "port ilse", "type": "GPE"},
        {"name": "Lake Orva", "type": "FAC"}]});
    let (s, lines) = run(entity_gold(), pred);
    check(&s, "entities", 0.25, 0.3333, 0.2857, 4, 3);
    assert_eq!(
        lines,
        [
            "  [n1] missed entity: Mira Tal (PERSON)",
            "  [n1] missed entity: Kessel (GPE)",
            "  [n1] spurious entity: she (PERSON)",
            "  [n1] spurious entity: Kessel (ORG)",
            "  [n1] spurious entity: Lake Orva (FAC)"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// quotes

fn quote_gold() -> Value {
    json!({"id": "q1", "text": "…", "quotes": [
        {"kind": "direct", "content": "We will rebuild the harbour before winter",
         "source": {"text": "Mira Tal", "entity": "Mira Tal", "count": 1, "anonymous": false}},
        {"kind": "indirect", "content": "The talks are over",
         "source": {"text": "two officials", "entity": null, "count": 2, "anonymous": true}},
        {"kind": "direct", "content": "nothing more", "optional": true,
         "source": {"text": "a clerk", "entity": null, "count": null, "anonymous": true}}]})
}

#[test]
fn quotes_perfect() {
    let pred = json!({"id": "q1",
        "entities": [{"id": "e1", "name": "Mira Tal", "type": "PERSON"}],
        "quotes": [
            {"content": {"text": "We will rebuild the harbour before winter"},
             "source": {"entity": "e1", "count": 1, "anonymous": false}},
            {"content": "The talks are over",
             "source": {"text": "two officials", "count": 2, "anonymous": true}},
            {"content": {"text": "nothing more"},
             "source": {"text": "a clerk", "anonymous": true}}]});
    let (s, lines) = run(quote_gold(), pred);
    assert_eq!(s.layers.len(), 2);
    check(&s, "quotes.content", 1.0, 1.0, 1.0, 2, 2);
    check(&s, "quotes.content+source", 1.0, 1.0, 1.0, 2, 2);
    assert_eq!(accuracy(&s, "quotes.anonymous"), Some((1.0, 3)));
    assert_eq!(accuracy(&s, "quotes.count"), Some((1.0, 2)));
    assert!(lines.is_empty());
}

#[test]
fn quotes_empty() {
    let (s, lines) = run(quote_gold(), json!({"id": "q1", "quotes": []}));
    check(&s, "quotes.content", 0.0, 0.0, 0.0, 0, 2);
    check(&s, "quotes.content+source", 0.0, 0.0, 0.0, 0, 2);
    assert!(s.details.is_empty());
    assert_eq!(lines.len(), 2, "the optional quote is not reported");
}

#[test]
fn quotes_partly_wrong() {
    // Contents: the first covers 27/41 of gold, the second covers gold and 14/23 of itself; the
    // third matches nothing. content: P 2/3, R 1, F1 0.8.
    // Sources: "Tal" is too short to name Mira Tal in part; "two senior officials" overlaps
    // "two officials" by 1 and 2/3. content+source: P 1/3, R 1/2, F1 0.4.
    let pred = json!({"id": "q1", "quotes": [
        {"content": {"text": "We will rebuild the harbour"},
         "source": {"text": "Tal", "count": 1, "anonymous": false}},
        {"content": {"text": "Talks are over, he said"},
         "source": {"text": "two senior officials", "count": 2, "anonymous": false}},
        {"content": {"text": "Completely unrelated words"}, "source": null}]});
    let (s, lines) = run(quote_gold(), pred);
    check(&s, "quotes.content", 0.6667, 1.0, 0.8, 3, 2);
    check(&s, "quotes.content+source", 0.3333, 0.5, 0.4, 3, 2);
    assert_eq!(accuracy(&s, "quotes.anonymous"), Some((0.0, 1)));
    assert_eq!(accuracy(&s, "quotes.count"), Some((1.0, 1)));
    assert_eq!(
        lines,
        [
            "  [q1] missed quote: 'We will rebuild the harbour before winter' <- Mira Tal",
            "  [q1] unmatched quote: 'We will rebuild the harbour' <- Tal",
            "  [q1] unmatched quote: 'Completely unrelated words' <- None"
        ]
    );
    assert_eq!(
        s.to_text(),
        "quotes.content           P 0.667  R 1.000  F1 0.800  (pred 3, gold 2)\n\
         quotes.content+source    P 0.333  R 0.500  F1 0.400  (pred 3, gold 2)\n\
         quotes.anonymous         accuracy 0.000  (of 1 matched)\n\
         quotes.count             accuracy 1.000  (of 1 matched)\n"
    );
}

// ---------------------------------------------------------------------------------------------
// events

fn event_gold() -> Value {
    json!({"id": "v1", "text": "…",
        "entities": [{"name": "Tessin Guard", "type": "ORG", "aliases": ["the Guard"]},
                     {"name": "Kessel", "type": "GPE", "aliases": []}],
        "events": [
            {"type": "ASSAULT", "source": ["Tessin Guard"], "target": ["Kessel"],
             "date": "2021-03-04"},
            {"type": "CONSULT", "source": ["Mira Tal"], "target": ["Orva Board"]},
            {"type": "AID", "source": ["Tessin-backed militias in Kor"], "target": []}]})
}

#[test]
fn events_perfect() {
    // By entity id; CONSULT with its sides swapped; a descriptor named in part (whole words,
    // at least half of the longer name); an unannotated side matches anything.
    let pred = json!({"id": "v1",
        "entities": [{"id": "e1", "name": "Tessin Guard", "type": "ORG"},
                     {"id": "e2", "name": "Kessel", "type": "GPE"}],
        "events": [
            {"type": "ASSAULT", "source": ["e1"], "target": ["e2"], "date": "2021-03-04"},
            {"type": "consult", "source": ["Orva Board"], "target": ["Mira Tal"]},
            {"type": "AID", "source": [{"text": "Tessin-backed militias"}], "target": ["x"]}]});
    let (s, lines) = run(event_gold(), pred);
    check(&s, "events", 1.0, 1.0, 1.0, 3, 3);
    assert_eq!(accuracy(&s, "events.date"), Some((1.0, 1)));
    assert!(lines.is_empty());
}

#[test]
fn events_empty() {
    let (s, _) = run(event_gold(), json!({"id": "v1", "events": []}));
    check(&s, "events", 0.0, 0.0, 0.0, 0, 3);
    assert_eq!(accuracy(&s, "events.date"), None);
}

#[test]
fn events_partly_wrong() {
    // ASSAULT matches through an alias and with one of two targets right (half suffices), but
    // its date is wrong; CONSULT has one gold actor of three on a side; "militias" is too small
    // a part of the descriptor. P = R = F1 = 1/3.
    let pred = json!({"id": "v1",
        "entities": [{"id": "e2", "name": "Kessel", "type": "GPE"}],
        "events": [
            {"type": "ASSAULT", "source": ["the Guard"], "target": ["e2", "x9"], "date": "2021-03"},
            {"type": "CONSULT", "source": ["Mira Tal", "Kor", "Ilse"], "target": ["Orva Board"]},
            {"type": "AID", "source": ["militias"]}]});
    let (s, lines) = run(event_gold(), pred);
    check(&s, "events", 0.3333, 0.3333, 0.3333, 3, 3);
    assert_eq!(accuracy(&s, "events.date"), Some((0.0, 1)));
    assert_eq!(
        lines,
        [
            "  [v1] missed entity: Tessin Guard (ORG)",
            "  [v1] missed event: CONSULT ['Mira Tal'] -> ['Orva Board']",
            "  [v1] missed event: AID ['Tessin-backed militias in Kor'] -> []"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// relations

fn relation_gold() -> Value {
    json!({"id": "r1", "text": "…", "relations": [
        {"type": "LEADS", "source": "Mira Tal", "target": "Orva Board"},
        {"type": "ALLY_OF", "source": "Kessel", "target": "Tessin"},
        {"type": "SUPPORTS", "source": "Orva Board", "target": "Port Ilse", "optional": true}]})
}

#[test]
fn relations_perfect() {
    let pred = json!({"id": "r1",
        "entities": [{"id": "e1", "name": "Mira Tal", "type": "PERSON"},
                     {"id": "e2", "name": "Orva Board", "type": "ORG"}],
        "relations": [
            {"type": "LEADS", "source": "e1", "target": "e2"},
            {"type": "ally_of", "source": "Tessin", "target": "Kessel"},
            {"type": "SUPPORTS", "source": {"text": "Orva Board"}, "target": {"text": "Port Ilse"}}]});
    let (s, lines) = run(relation_gold(), pred);
    check(&s, "relations", 1.0, 1.0, 1.0, 2, 2);
    assert!(lines.is_empty());
}

#[test]
fn relations_empty() {
    let (s, lines) = run(relation_gold(), json!({"id": "r1"}));
    check(&s, "relations", 0.0, 0.0, 0.0, 0, 2);
    assert_eq!(lines.len(), 2);
}

#[test]
fn relations_partly_wrong() {
    // LEADS is not symmetric, so swapped sides miss; the optional match is not counted:
    // P = 1/3, R = 1/2, F1 = 0.4.
    let pred = json!({"id": "r1", "relations": [
        {"type": "LEADS", "source": "Orva Board", "target": "Mira Tal"},
        {"type": "ALLY_OF", "source": "Tessin", "target": "Kessel"},
        {"type": "SUPPORTS", "source": "Orva Board", "target": "Port Ilse"},
        {"type": "OPPOSES", "source": "Kessel", "target": "Orva Board"}]});
    let (s, lines) = run(relation_gold(), pred);
    check(&s, "relations", 0.3333, 0.5, 0.4, 3, 2);
    assert_eq!(lines, ["  [r1] missed relation: Mira Tal LEADS Orva Board"]);
}

// ---------------------------------------------------------------------------------------------
// articles, output and robustness

#[test]
fn articles_are_keyed_like_a_python_dict() {
    let gold = [
        json!({"id": 5, "relations": [{"type": "LEADS", "source": "A", "target": "B"}]}),
        json!({"id": "b", "relations": []}),
        json!({"id": 5.0, "relations": []}),
        json!({"id": "c", "relations": [{"type": "LEADS", "source": "C", "target": "D"}]}),
        // A later duplicate replaces the first "b" and keeps its place.
        json!({"id": "b", "relations": [{"type": "LEADS", "source": "E", "target": "F"}]}),
    ];
    let pred = [
        json!({"id": "5", "relations": [{"type": "LEADS", "source": "A", "target": "B"}]}),
        json!({"id": "c", "relations": []}),
        json!({"id": "c", "relations": [{"type": "LEADS", "source": "C", "target": "D"}]}),
        json!({"relations": [{"type": "LEADS", "source": "X", "target": "Y"}]}),
    ];
    let (s, _) = score(&gold, &pred, false);
    assert_eq!(s.articles, 4);
    assert_eq!(s.articles_without_prediction, ["b", "5.0"]);
    check(&s, "relations", 1.0, 0.6667, 0.8, 2, 3);
    let json = s.to_json();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["relations", "articles", "articles_without_prediction"]
    );
    assert_eq!(json["articles_without_prediction"], json!(["b", "5.0"]));
    assert!(s
        .to_text()
        .ends_with("\nno prediction for 2 of 4 articles\n"));
}

#[test]
fn layers_follow_score_py_order_and_gold_keys() {
    let gold = [
        json!({"id": "a", "relations": [], "events": []}),
        json!({"id": "b", "quotes": [], "mentions": [], "entities": []}),
    ];
    let (s, _) = score(&gold, &[], false);
    let names: Vec<&str> = s.layers.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "mentions",
            "entities",
            "quotes.content",
            "quotes.content+source",
            "events",
            "relations"
        ]
    );
    // Nothing expected, nothing predicted: P = R = F1 = 1.
    assert!(s.layers.iter().all(|l| l.f1 == 1.0));
    assert_eq!(s.articles_without_prediction, ["a", "b"]);
    assert!(s.layer("tokens").is_none());
}

#[test]
fn malformed_predictions_are_read_leniently() {
    let gold = [json!({"id": "z", "text": "The Orva Board met.",
        "mentions": [{"start": 0, "end": 14, "type": "ORG", "text": "The Orva Board"}],
        "entities": [{"name": "Orva Board", "type": "ORG", "aliases": []}],
        "quotes": [{"content": "met", "source": {"entity": "Orva Board", "count": 1}}],
        "events": [{"type": "CONSULT", "source": ["Orva Board"], "target": []}],
        "relations": [{"type": "LEADS", "source": "Orva Board", "target": "X"}]})];
    let pred = [
        json!({"id": "z",
        "entities": [1, "x", null, {"type": 5}, {"type": "ORG", "name": ["Orva"],
                     "mentions": [{"start": "0", "end": 14}, {"start": 4.0, "end": 14},
                                  {"start": 4, "end": 14, "kind": "name"}, 7]}],
        "quotes": [3, {"content": 5, "source": "nobody"}, {"content": ["met"]}],
        "events": {"type": "CONSULT"},
        "relations": [{"type": 7}, {"type": "LEADS", "source": 3, "target": ["X"]}]}),
        json!([1, 2]),
        json!("stray"),
    ];
    let (s, lines) = score(&gold, &pred, true);
    check(&s, "mentions", 1.0, 1.0, 1.0, 1, 1);
    check(&s, "entities", 0.0, 0.0, 0.0, 1, 1);
    check(&s, "quotes.content", 0.0, 0.0, 0.0, 2, 1);
    check(&s, "events", 0.0, 0.0, 0.0, 0, 1);
    check(&s, "relations", 0.0, 0.0, 0.0, 2, 1);
    assert!(lines
        .iter()
        .any(|l| l == "  [z] spurious entity: ['Orva'] (ORG)"));
    assert!(lines
        .iter()
        .any(|l| l == "  [z] unmatched quote: 5 <- None"));
}
