//! Arbitrary input never panics and every span the stage reports is valid.

use newsgraph_doc::{check_spans, Doc, Meta, Stage};
use newsgraph_events::EventStage;
use proptest::prelude::*;

fn run(text: &str, published: Option<String>) -> Doc {
    let meta = Meta {
        published,
        ..Meta::default()
    };
    let mut doc = Doc::new("p", text, meta);
    if let Ok(p) = newsgraph::Pipeline::new(&Default::default()) {
        p.run(&mut doc);
    }
    EventStage::new().run(&mut doc);
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text_is_safe(text in "\\PC{0,300}", published in proptest::option::of("\\PC{0,12}")) {
        let doc = run(&text, published);
        prop_assert!(doc.events.is_some());
        prop_assert!(check_spans(&doc).is_empty(), "{:?}", check_spans(&doc));
    }

    #[test]
    fn newsy_text_is_safe(words in proptest::collection::vec(prop_oneof![
        Just("Norland"), Just("attacked"), Just("on"), Just("Feb."), Just("30"), Just("Tuesday"),
        Just("killed"), Just("1,200"), Just("by"), Just("was"), Just("not"), Just(","), Just("and"),
        Just("."), Just("“"), Just("”"), Just("last"), Just("month"), Just("in"), Just("2006"),
        Just("Ütopia"), Just("’s"), Just("met"),
    ], 0..80), published in proptest::option::of(prop_oneof![
        Just("2023-11-15".to_string()), Just("2999-12-31".to_string()), Just("0000-00-00".to_string()),
    ])) {
        let text = words.join(" ");
        let doc = run(&text, published);
        prop_assert!(check_spans(&doc).is_empty(), "{:?}", check_spans(&doc));
    }
}

#[test]
fn long_actor_lists_and_verbless_sentences() {
    let mut text = String::new();
    for i in 0..200 {
        text.push_str(&format!("Country{i} and "));
    }
    text.push_str("Norland attacked Sudria. Sudria. Sudria, Norland; Westmark.");
    let doc = run(&text, Some("2023-11-15".into()));
    assert!(check_spans(&doc).is_empty());
    let doc = run("", None);
    assert_eq!(doc.events, Some(vec![]));
}

#[test]
fn a_very_long_sentence_and_odd_dates() {
    let mut text = String::new();
    for i in 0..2_500 {
        text.push_str(&format!(
            "the militants of group{i} attacked villagers and "
        ));
    }
    text.push_str("Norland said on Feb. 30 it would not attack Sudria.");
    let doc = run(&text, Some("2023-11-15".into()));
    assert!(check_spans(&doc).is_empty());
    let doc = run("They said. It will. Attack!", Some("2999-12-31".into()));
    assert!(check_spans(&doc).is_empty());
}
