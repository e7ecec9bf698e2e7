//! The stage's contract, entity resolution with a hand-made entity layer, bad input, and
//! property tests on arbitrary text.
// Test helpers may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_attrib::{attribute, AttributionStage};
use newsgraph_doc::{
    check_spans, ByteSpan, Doc, Entity, EntityId, EntityType, Layer, Mention, MentionKind, Meta,
    QuoteKind, Stage,
};
use proptest::prelude::*;

/// The article layer on `text`, then (optionally) `entities`, then attribution.
fn run(text: &str, entities: Option<Vec<Entity>>) -> Doc {
    let mut doc = Doc::new("t", text, Meta::default());
    for stage in newsgraph_segment::article_stages() {
        stage.run(&mut doc);
    }
    doc.entities = entities;
    AttributionStage::new().run(&mut doc);
    doc
}

/// Every quote span is sound and every parent points at another quote.
fn sound(doc: &Doc) {
    assert_eq!(check_spans(doc), vec![]);
    let quotes = doc.quotes.as_ref().expect("the stage ran");
    for (i, q) in quotes.iter().enumerate() {
        assert!(!q.content.is_empty());
        if let Some(p) = q.parent {
            assert!(p.index() < quotes.len() && p.index() != i);
        }
    }
}

fn span_of(text: &str, needle: &str, nth: usize) -> ByteSpan {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle in text");
    ByteSpan::new(start, start + needle.len()).unwrap()
}

fn entity(name: &str, kind: EntityType, mentions: Vec<Mention>) -> Entity {
    Entity {
        name: name.to_string(),
        kind,
        kb: None,
        titles: Vec::new(),
        affiliations: Vec::new(),
        mentions,
    }
}

#[test]
fn stage_declares_its_layers() {
    let s = AttributionStage::new();
    assert_eq!(s.name(), "quotes");
    assert_eq!(
        s.requires(),
        &[Layer::Sentences, Layer::Tokens, Layer::Quotations]
    );
    assert_eq!(s.assigns(), &[Layer::Quotes]);
}

#[test]
fn missing_layers_give_an_empty_list() {
    let mut doc = Doc::new("t", "Officials said it rained.", Meta::default());
    AttributionStage::new().run(&mut doc);
    assert_eq!(doc.quotes, Some(vec![]));
}

#[test]
fn resolves_sources_addressees_outlets_and_affiliations_through_mentions() {
    let text = "Ayatollah Omid Farsi told Lea Moor that the deal was off, said the Ruritanian \
                and Ostrian officials. A Brennic official told Radio Vala the border would \
                close. He said talks would resume.";
    let m = |needle: &str, kind: MentionKind| Mention {
        span: span_of(text, needle, 0),
        kind,
    };
    let entities = vec![
        entity(
            "Omid Farsi",
            EntityType::Person,
            vec![
                m("Omid Farsi", MentionKind::Name),
                m("He", MentionKind::Pronoun),
            ],
        ),
        entity(
            "Lea Moor",
            EntityType::Person,
            vec![m("Lea Moor", MentionKind::Name)],
        ),
        entity(
            "Ruritania",
            EntityType::Gpe,
            vec![m("Ruritanian", MentionKind::Demonym)],
        ),
        entity(
            "Ostria",
            EntityType::Gpe,
            vec![m("Ostrian", MentionKind::Demonym)],
        ),
        entity(
            "Brenn",
            EntityType::Gpe,
            vec![m("Brennic", MentionKind::Demonym)],
        ),
        entity(
            "Radio Vala",
            EntityType::Org,
            vec![m("Radio Vala", MentionKind::Name)],
        ),
    ];
    let doc = run(text, Some(entities));
    sound(&doc);
    let quotes = doc.quotes.as_ref().unwrap();
    let by_content = |c: &str| {
        quotes
            .iter()
            .find(|q| doc.slice(q.content) == c)
            .unwrap_or_else(|| panic!("no quote {c:?}"))
    };
    let told = by_content("the deal was off");
    assert_eq!(told.source.party.entity, Some(EntityId(0)));
    assert_eq!(
        told.addressee.as_ref().and_then(|a| a.entity),
        Some(EntityId(1))
    );
    assert_eq!(told.source.count, Some(1));

    let outer = by_content("Ayatollah Omid Farsi told Lea Moor that the deal was off");
    assert!(outer.source.anonymous);
    assert_eq!(outer.source.party.entity, None);
    assert_eq!(outer.source.count, None);
    assert_eq!(outer.source.affiliations, vec![EntityId(2), EntityId(3)]);
    let outer_id = quotes.iter().position(|q| q == outer).unwrap();
    assert_eq!(told.parent.map(|p| p.index()), Some(outer_id));

    let brennic = by_content("the border would close");
    assert!(brennic.source.anonymous);
    assert_eq!(brennic.source.count, Some(1));
    assert_eq!(brennic.source.affiliations, vec![EntityId(4)]);
    assert_eq!(
        brennic.outlet.as_ref().and_then(|o| o.entity),
        Some(EntityId(5))
    );

    let he = by_content("talks would resume");
    assert_eq!(doc.slice(he.source.party.span.unwrap()), "He");
    assert_eq!(he.source.party.entity, Some(EntityId(0)));
}

#[test]
fn floating_quote_carries_the_speakers_entity_without_a_span() {
    let text = "Minister Ada Roth said the plan was ready. “Nobody will be left behind.”";
    let entities = vec![entity(
        "Ada Roth",
        EntityType::Person,
        vec![Mention {
            span: span_of(text, "Ada Roth", 0),
            kind: MentionKind::Name,
        }],
    )];
    let doc = run(text, Some(entities));
    sound(&doc);
    let quotes = doc.quotes.as_ref().unwrap();
    let floating = quotes.iter().find(|q| q.cue.is_none()).unwrap();
    assert_eq!(floating.kind, QuoteKind::Direct);
    assert_eq!(doc.slice(floating.content), "Nobody will be left behind.");
    assert_eq!(floating.source.party.span, None);
    assert_eq!(floating.source.party.entity, Some(EntityId(0)));
}

#[test]
fn unresolvable_source_keeps_its_span_and_no_entity() {
    let text = "The harbour master said the storm had passed.";
    let doc = run(text, Some(Vec::new()));
    sound(&doc);
    let q = &doc.quotes.as_ref().unwrap()[0];
    assert_eq!(q.source.party.entity, None);
    assert_eq!(
        doc.slice(q.source.party.span.unwrap()),
        "The harbour master"
    );
}

#[test]
fn a_five_thousand_word_quote_is_one_direct_quote() {
    let body: Vec<String> = (0..5000).map(|i| format!("word{i}")).collect();
    let text = format!("“{}. It ends here,” the chairman said.", body.join(" "));
    let doc = run(&text, None);
    sound(&doc);
    let quotes = doc.quotes.as_ref().unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].kind, QuoteKind::Direct);
    assert!(doc.slice(quotes[0].content).ends_with("It ends here"));
    assert_eq!(
        doc.slice(quotes[0].source.party.span.unwrap()),
        "the chairman"
    );
}

#[test]
fn many_paragraphs_of_dialogue_and_stray_marks() {
    let mut text = String::new();
    for i in 0..200 {
        text.push_str(&format!(
            "“Line {i},” he said. ” ‘ \" She said: “yes. \n\n((Host)) Why {i}?\n\n((Guest Name)) Because {i}.\n\n"
        ));
    }
    let doc = run(&text, None);
    sound(&doc);
    assert!(!doc.quotes.as_ref().unwrap().is_empty());
}

#[test]
fn attribute_without_running_the_stage() {
    let mut doc = Doc::new("t", "Residents said the water was rising.", Meta::default());
    for stage in newsgraph_segment::article_stages() {
        stage.run(&mut doc);
    }
    let quotes = attribute(&doc);
    assert_eq!(quotes.len(), 1);
    assert_eq!(doc.slice(quotes[0].content), "the water was rising");
}

/// Words that exercise the frames: cues, quotation marks, names, clause words.
const SOUP: &[&str] = &[
    "said",
    "told",
    "according",
    "to",
    "that",
    "the",
    "a",
    "officials",
    "Two",
    "Mara",
    "Voss",
    "he",
    "she",
    ",",
    ".",
    ":",
    ";",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "and",
    "warned",
    "saying",
    "who",
    "asked",
    "not",
    "be",
    "named",
    "denied",
    "did",
    "not",
    "say",
    "(",
    ")",
    "((",
    "))",
    "\n",
    "\n\n",
    "Reuters",
    "in",
    "a",
    "statement",
    "on",
    "Monday",
    "was",
    "had",
    "—",
    "’s",
    "minister",
    "Col.",
    "E.",
    "of",
    "familiar",
    "with",
    "matter",
    "é",
    "😀",
    "\u{301}",
    "\u{a0}",
    "\r\n",
    "مرحبا",
    "message",
    "called",
    "on",
    "three",
    "one",
    "them",
    "which",
    "?",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..120).prop_map(|words| {
        let mut s = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_sound(text in "\\PC{0,300}") {
        let doc = run(&text, None);
        sound(&doc);
    }

    #[test]
    fn news_like_soup_never_panics_and_spans_are_sound(text in soup()) {
        let doc = run(&text, None);
        sound(&doc);
    }

    #[test]
    fn soup_with_a_random_entity_layer(text in soup(), picks in prop::collection::vec((0usize..400, 0usize..40, 0u8..4), 0..12)) {
        // Mentions at arbitrary (possibly bad) offsets: the stage must ignore what does not fit.
        let mut entities = Vec::new();
        for (i, &(start, len, kind)) in picks.iter().enumerate() {
            let kind = [MentionKind::Name, MentionKind::Nominal, MentionKind::Demonym, MentionKind::Pronoun][kind as usize];
            let span = ByteSpan::new(start, start + len).unwrap();
            let k = [EntityType::Person, EntityType::Org, EntityType::Gpe][i % 3];
            entities.push(entity("x", k, vec![Mention { span, kind }]));
        }
        let mut doc = Doc::new("t", text.as_str(), Meta::default());
        for stage in newsgraph_segment::article_stages() {
            stage.run(&mut doc);
        }
        doc.entities = Some(entities);
        AttributionStage::new().run(&mut doc);
        // The hand-made mentions may be off boundaries; the quotes' own spans must not be.
        let quotes = doc.quotes.clone().unwrap_or_default();
        for q in &quotes {
            prop_assert!(q.content.get(doc.text()).is_some());
            for s in q.cue.iter().chain(q.source.party.span.iter()) {
                prop_assert!(s.get(doc.text()).is_some());
            }
        }
    }
}

#[test]
fn a_long_organisation_name_resolves_to_its_whole_mention() {
    let text = "The Norland National Commission on Civil Liberties said on Monday that the \
                detentions were unlawful. The Brevik Committee to Protect Reporters said two \
                editors had been held.";
    let commission = "Norland National Commission on Civil Liberties";
    let committee = "Brevik Committee to Protect Reporters";
    let entities = vec![
        entity(
            commission,
            EntityType::Org,
            vec![Mention {
                span: span_of(text, commission, 0),
                kind: MentionKind::Name,
            }],
        ),
        entity(
            committee,
            EntityType::Org,
            vec![Mention {
                span: span_of(text, committee, 0),
                kind: MentionKind::Name,
            }],
        ),
    ];
    let doc = run(text, Some(entities));
    sound(&doc);
    let quotes = doc.quotes.as_ref().unwrap();
    assert_eq!(quotes.len(), 2);
    for (q, id, name) in [(&quotes[0], 0, commission), (&quotes[1], 1, committee)] {
        assert_eq!(q.source.party.entity, Some(EntityId(id)));
        assert_eq!(
            doc.slice(q.source.party.span.unwrap()),
            format!("The {name}")
        );
        assert_eq!(q.source.count, None);
    }
}

#[test]
fn a_name_mention_running_past_the_head_word_is_the_whole_source() {
    let text = "The Vesna Centre in Exile said the archive had been moved.";
    let name = "Vesna Centre in Exile";
    let entities = vec![entity(
        name,
        EntityType::Org,
        vec![Mention {
            span: span_of(text, name, 0),
            kind: MentionKind::Name,
        }],
    )];
    let doc = run(text, Some(entities));
    sound(&doc);
    let q = &doc.quotes.as_ref().unwrap()[0];
    assert_eq!(q.source.party.entity, Some(EntityId(0)));
    assert_eq!(
        doc.slice(q.source.party.span.unwrap()),
        "The Vesna Centre in Exile"
    );
    // Without the entity layer the phrase after the head is read as a place.
    let bare = run(text, Some(Vec::new()));
    let q = &bare.quotes.as_ref().unwrap()[0];
    assert_eq!(q.source.party.entity, None);
    assert_eq!(doc.slice(q.source.party.span.unwrap()), "Vesna Centre");
}
