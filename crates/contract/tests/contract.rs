//! The contract as users read it: code-point offsets, absent versus empty layers, extra layers
//! only on request.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_contract::{to_json, Options};
use newsgraph_doc::{
    ByteSpan, Doc, MarkSide, Meta, QuotationLayer, QuotePair, Region, RegionKind, Sentence, Token,
    TokenKind, UnpairedMark,
};
use serde_json::Value;

fn span_of(text: &str, needle: &str) -> ByteSpan {
    let at = text.find(needle).expect("needle in fixture");
    ByteSpan::new(at, at + needle.len()).unwrap()
}

/// Slices `text` by code points, as Python and the scorer do.
fn char_slice(text: &str, start: &Value, end: &Value) -> String {
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

fn fixture() -> Doc {
    let text =
        "By Amara Lindqvist: Ministers’ talks in Malmö ended. “We’re done,” she said… «Oui».";
    let mut doc = Doc::new("fx-1", text, Meta::default());
    doc.meta.byline = Some("Amara Lindqvist".into());
    doc.regions = Some(vec![Region {
        kind: RegionKind::Byline,
        span: span_of(text, "By Amara Lindqvist:"),
    }]);
    doc.sentences = Some(vec![
        Sentence::new(span_of(text, "Ministers’ talks in Malmö ended.")),
        Sentence::new(span_of(text, "“We’re done,” she said…")),
        Sentence::new(span_of(text, "«Oui».")),
    ]);
    doc.tokens = Some(vec![
        Token {
            span: span_of(text, "Malmö"),
            kind: TokenKind::Word,
        },
        Token {
            span: span_of(text, "“"),
            kind: TokenKind::Quote,
        },
    ]);
    doc.quotations = Some(QuotationLayer {
        pairs: vec![QuotePair {
            open: span_of(text, "“"),
            close: span_of(text, "”"),
            content: span_of(text, "We’re done,"),
            reopenings: vec![],
        }],
        unpaired: vec![UnpairedMark {
            mark: span_of(text, "«"),
            side: MarkSide::Opening,
        }],
    });
    doc
}

#[test]
fn every_reported_span_reproduces_its_text_in_code_points() {
    let doc = fixture();
    let all = Options::from_layer_list("tokens,quotations,regions").unwrap();
    let json = to_json(&doc, &all);
    let text = json["text"].as_str().unwrap();
    assert_eq!(text, doc.text());
    let expect_sentences = [
        "Ministers’ talks in Malmö ended.",
        "“We’re done,” she said…",
        "«Oui».",
    ];
    for (s, want) in json["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .zip(expect_sentences)
    {
        assert_eq!(char_slice(text, &s["start"], &s["end"]), want);
    }
    let region = &json["regions"][0];
    assert_eq!(
        char_slice(text, &region["start"], &region["end"]),
        "By Amara Lindqvist:"
    );
    assert_eq!(region["text"], "By Amara Lindqvist:");
    assert_eq!(region["kind"], "byline");
    let tok = &json["tokens"][0];
    assert_eq!(char_slice(text, &tok["start"], &tok["end"]), "Malmö");
    let pair = &json["quotations"]["pairs"][0];
    assert_eq!(
        char_slice(text, &pair["content"]["start"], &pair["content"]["end"]),
        "We’re done,"
    );
    assert_eq!(pair["content"]["text"], "We’re done,");
    assert_eq!(
        char_slice(text, &pair["open"]["start"], &pair["open"]["end"]),
        "“"
    );
    assert_eq!(
        char_slice(text, &pair["close"]["start"], &pair["close"]["end"]),
        "”"
    );
    let un = &json["quotations"]["unpaired"][0];
    assert_eq!(char_slice(text, &un["start"], &un["end"]), "«");
    assert_eq!(un["side"], "opening");
}

#[test]
fn absent_layers_are_absent_and_empty_layers_are_empty() {
    let mut doc = Doc::new("fx-2", "", Meta::default());
    let json = to_json(&doc, &Options::default());
    assert!(
        json.get("sentences").is_none(),
        "a stage that did not run leaves no layer"
    );
    doc.sentences = Some(vec![]);
    let json = to_json(&doc, &Options::default());
    assert_eq!(json["sentences"], Value::Array(vec![]));
    assert!(json.get("entities").is_none());
}

#[test]
fn extra_layers_only_when_asked() {
    let doc = fixture();
    let json = to_json(&doc, &Options::default());
    for extra in ["tokens", "quotations", "regions", "diagnostics"] {
        assert!(
            json.get(extra).is_none(),
            "{extra} written without being asked for"
        );
    }
}

#[test]
fn meta_has_every_contract_field() {
    let mut doc = fixture();
    doc.meta.published = Some("2024-03-02".into());
    doc.meta.published_source = newsgraph_doc::PublishedSource::CrawlDate;
    let json = to_json(&doc, &Options::default());
    let meta = json["meta"].as_object().unwrap();
    for key in [
        "title",
        "byline",
        "dateline",
        "published",
        "outlet",
        "source_url",
        "language",
    ] {
        assert!(meta.contains_key(key), "meta.{key} missing");
    }
    assert_eq!(meta["published_source"], "crawl_date");
    assert_eq!(json["schema"], "newsgraph/1");
}

#[test]
fn unknown_extra_layer_is_named_with_the_valid_ones() {
    let err = Options::from_layer_list("tokens,entitiez").unwrap_err();
    assert!(
        err.contains("entitiez") && err.contains("quotations"),
        "{err}"
    );
}

#[test]
fn entities_carry_ids_types_kb_and_code_point_mentions() {
    use newsgraph_doc::{Entity, EntityId, EntityType, KbLink, Mention, MentionKind};
    let text = "Gen. Aïda Rahm met Norway’s envoy. She left Oslo.";
    let mut doc = Doc::new("fx-3", text, Meta::default());
    doc.entities = Some(vec![
        Entity {
            name: "Aïda Rahm".into(),
            kind: EntityType::Person,
            kb: None,
            titles: vec!["Gen.".into()],
            affiliations: vec![EntityId(1)],
            mentions: vec![
                Mention {
                    span: span_of(text, "Aïda Rahm"),
                    kind: MentionKind::Name,
                },
                Mention {
                    span: span_of(text, "She"),
                    kind: MentionKind::Pronoun,
                },
            ],
        },
        Entity {
            name: "Norway".into(),
            kind: EntityType::Gpe,
            kb: Some(KbLink {
                id: "kb:NOR".into(),
                codes: vec![("cameo".into(), "NOR".into()), ("iso2".into(), "NO".into())],
            }),
            titles: vec![],
            affiliations: vec![],
            mentions: vec![Mention {
                span: span_of(text, "Norway"),
                kind: MentionKind::Name,
            }],
        },
    ]);
    let json = to_json(&doc, &Options::default());
    let text = json["text"].as_str().unwrap();
    let e1 = &json["entities"][0];
    assert_eq!(e1["id"], "e1");
    assert_eq!(e1["type"], "PERSON");
    assert_eq!(e1["titles"][0], "Gen.");
    assert_eq!(e1["affiliations"][0], "e2");
    assert_eq!(e1["kb"], Value::Null);
    for m in e1["mentions"].as_array().unwrap() {
        assert_eq!(
            char_slice(text, &m["start"], &m["end"]),
            m["text"].as_str().unwrap()
        );
    }
    assert_eq!(e1["mentions"][1]["kind"], "pronoun");
    let e2 = &json["entities"][1];
    assert_eq!(e2["kb"]["id"], "kb:NOR");
    assert_eq!(e2["kb"]["codes"]["cameo"], "NOR");
    assert_eq!(e2["mentions"][0]["text"], "Norway");
}

#[test]
fn quotes_carry_content_cue_source_and_nesting() {
    use newsgraph_doc::{Party, Quote, QuoteId, QuoteKind, QuoteSource};
    let text = "Two Örebro officials said the mayor told Nordic Radio: “We stay.”";
    let mut doc = Doc::new("fx-4", text, Meta::default());
    doc.quotes = Some(vec![
        Quote {
            kind: QuoteKind::Indirect,
            content: span_of(text, "the mayor told Nordic Radio: “We stay.”"),
            cue: Some(span_of(text, "said")),
            negated: false,
            denial: false,
            source: QuoteSource {
                party: Party {
                    span: Some(span_of(text, "Two Örebro officials")),
                    entity: None,
                },
                anonymous: true,
                count: Some(2),
                ..QuoteSource::default()
            },
            addressee: None,
            outlet: None,
            parent: None,
        },
        Quote {
            kind: QuoteKind::Direct,
            content: span_of(text, "We stay."),
            cue: Some(span_of(text, "told")),
            negated: false,
            denial: false,
            source: QuoteSource {
                party: Party {
                    span: Some(span_of(text, "the mayor")),
                    entity: None,
                },
                count: Some(1),
                ..QuoteSource::default()
            },
            addressee: None,
            outlet: Some(Party {
                span: Some(span_of(text, "Nordic Radio")),
                entity: None,
            }),
            parent: Some(QuoteId(0)),
        },
    ]);
    let json = to_json(&doc, &Options::default());
    let text = json["text"].as_str().unwrap();
    let q1 = &json["quotes"][0];
    assert_eq!(q1["id"], "q1");
    assert_eq!(q1["kind"], "indirect");
    assert_eq!(q1["source"]["text"], "Two Örebro officials");
    assert_eq!(
        char_slice(text, &q1["source"]["start"], &q1["source"]["end"]),
        "Two Örebro officials"
    );
    assert_eq!(q1["source"]["count"], 2);
    assert_eq!(q1["source"]["anonymous"], true);
    assert_eq!(q1["source"]["entity"], Value::Null);
    let q2 = &json["quotes"][1];
    assert_eq!(q2["content"]["text"], "We stay.");
    assert_eq!(
        char_slice(text, &q2["content"]["start"], &q2["content"]["end"]),
        "We stay."
    );
    assert_eq!(q2["outlet"]["text"], "Nordic Radio");
    assert_eq!(q2["parent"], "q1");
    assert_eq!(q2["addressee"], Value::Null);
}

#[test]
fn events_and_relations_point_at_entities_with_code_point_evidence() {
    use newsgraph_doc::{Event, EventType, Modality, Relation, RelationType};
    let text = "Valdória’s navy shelled the port on Oct. 7, a backer of the rebels said.";
    let mut doc = Doc::new("fx-5", text, Meta::default());
    doc.events = Some(vec![Event {
        kind: EventType::Assault,
        mode: Some("aerial weapons"),
        source: vec![newsgraph_doc::Actor::Entity(newsgraph_doc::EntityId(0))],
        target: vec![
            newsgraph_doc::Actor::Entity(newsgraph_doc::EntityId(1)),
            newsgraph_doc::Actor::Phrase(span_of(text, "the port")),
        ],
        location: None,
        date: Some("2025-10-07".into()),
        date_text: Some(span_of(text, "Oct. 7")),
        fatalities: None,
        injured: None,
        trigger: span_of(text, "shelled"),
        evidence: vec![span_of(text, "shelled")],
        negated: false,
        modality: Modality::Reported,
        attributed_to: Some(newsgraph_doc::QuoteId(0)),
    }]);
    doc.relations = Some(vec![Relation {
        kind: RelationType::Supports,
        source: newsgraph_doc::EntityId(2),
        target: newsgraph_doc::EntityId(1),
        evidence: span_of(text, "a backer of the rebels"),
    }]);
    let json = to_json(&doc, &Options::default());
    let text = json["text"].as_str().unwrap();
    let v = &json["events"][0];
    assert_eq!(v["id"], "v1");
    assert_eq!(v["type"], "ASSAULT");
    assert_eq!(v["source"][0], "e1");
    assert_eq!(v["target"][0], "e2");
    // an actor that is no entity is written as its located words
    assert_eq!(v["target"][1]["text"], "the port");
    assert_eq!(
        char_slice(text, &v["target"][1]["start"], &v["target"][1]["end"]),
        "the port"
    );
    assert_eq!(v["date"], "2025-10-07");
    assert_eq!(v["date_text"], "Oct. 7");
    assert_eq!(v["modality"], "reported");
    assert_eq!(v["attributed_to"], "q1");
    assert_eq!(
        char_slice(text, &v["trigger"]["start"], &v["trigger"]["end"]),
        "shelled"
    );
    let r = &json["relations"][0];
    assert_eq!(r["type"], "SUPPORTS");
    assert_eq!(r["source"], "e3");
    assert_eq!(
        char_slice(text, &r["evidence"]["start"], &r["evidence"]["end"]),
        "a backer of the rebels"
    );
}
