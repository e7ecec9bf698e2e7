//! Behaviour tests on short invented sentences, with hand-made token and entity layers.

use newsgraph_doc::{
    ByteSpan, EntityType, Event, EventType, Modality, Quote, QuoteKind, QuoteSource,
};

mod common;
use common::{doc, names, run};

use EntityType::{Gpe, Group, Org, Person};

#[test]
fn trigger_types_and_actors() {
    let cases = [
        ("Norland attacked Sudria.", EventType::Assault),
        ("Norland met Sudria.", EventType::Consult),
        ("Norland accused Sudria of lying.", EventType::Accuse),
        ("Norland threatened Sudria.", EventType::Threaten),
        ("Norland expelled Sudria diplomats.", EventType::Sanction),
        ("Norland urged Sudria to stop.", EventType::Request),
        ("Norland rejected Sudria proposals.", EventType::Reject),
        ("Norland deployed troops near Sudria.", EventType::Mobilize),
    ];
    for (text, kind) in cases {
        let mut d = doc(text, None, &[("Norland", Gpe), ("Sudria", Gpe)]);
        let ev = run(&mut d);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].kind, kind, "{text}");
        assert_eq!(names(&d, &ev[0].source), ["Norland"], "{text}");
    }
}

#[test]
fn reporting_verbs_are_not_events() {
    let mut d = doc(
        "Norland said Sudria was calm.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    assert!(run(&mut d).is_empty());
}

#[test]
fn passive_with_by() {
    let mut d = doc(
        "Sudria was attacked by the Red Hand Front.",
        None,
        &[("Sudria", Gpe), ("Red Hand Front", Org)],
    );
    let ev = run(&mut d);
    assert_eq!(ev.len(), 1);
    assert_eq!(names(&d, &ev[0].source), ["Red Hand Front"]);
    assert_eq!(names(&d, &ev[0].target), ["Sudria"]);
}

#[test]
fn nominal_trigger_and_compound_actors() {
    let mut d = doc(
        "Norland and Westmark condemned the Red Hand Front's attack on Sudria.",
        None,
        &[
            ("Norland", Gpe),
            ("Westmark", Gpe),
            ("Red Hand Front", Org),
            ("Sudria", Gpe),
        ],
    );
    let ev = run(&mut d);
    let accuse = ev.iter().find(|e| e.kind == EventType::Accuse).unwrap();
    assert_eq!(names(&d, &accuse.source), ["Norland", "Westmark"]);
    let attack = ev.iter().find(|e| e.kind == EventType::Assault).unwrap();
    assert_eq!(names(&d, &attack.source), ["Red Hand Front"]);
    assert_eq!(names(&d, &attack.target), ["Sudria"]);
}

#[test]
fn dates_relative_to_publication() {
    let ents = [("Norland", Gpe), ("Sudria", Gpe)];
    let cases = [
        ("Norland attacked Sudria on Oct. 7.", "2023-10-07"),
        ("Norland attacked Sudria on Tuesday.", "2023-11-14"),
        ("Norland attacked Sudria last month.", "2023-10"),
        ("Norland attacked Sudria in early November.", "2023-11"),
        ("Norland attacked Sudria in 2006.", "2006"),
        ("Norland attacked Sudria on Dec. 3.", "2022-12-03"),
    ];
    // 2023-11-15 is a Wednesday.
    for (text, want) in cases {
        let mut d = doc(text, Some("2023-11-15"), &ents);
        let ev = run(&mut d);
        assert_eq!(ev[0].date.as_deref(), Some(want), "{text}");
        assert!(ev[0].date_text.is_some());
    }
    let mut d = doc("Norland attacked Sudria.", Some("2023-11-15"), &ents);
    assert_eq!(run(&mut d)[0].date, None);
}

#[test]
fn impossible_dates_and_missing_publication() {
    let ents = [("Norland", Gpe), ("Sudria", Gpe)];
    let mut d = doc(
        "Norland attacked Sudria on Feb. 30.",
        Some("2023-11-15"),
        &ents,
    );
    assert_eq!(run(&mut d)[0].date, None);
    let mut d = doc("Norland attacked Sudria on Oct. 7.", None, &ents);
    assert_eq!(run(&mut d)[0].date, None);
    let mut d = doc(
        "Norland attacked Sudria on Tuesday.",
        Some("not a date"),
        &ents,
    );
    assert_eq!(run(&mut d)[0].date, None);
    // A publication date in the future still gives a day on or before it.
    let mut d = doc(
        "Norland attacked Sudria on Oct. 7.",
        Some("2999-01-01"),
        &ents,
    );
    assert_eq!(run(&mut d)[0].date.as_deref(), Some("2998-10-07"));
}

#[test]
fn fatalities_and_injured() {
    let ents = [("Red Hand Front", Org), ("villagers", Group)];
    let mut d = doc(
        "The Red Hand Front attacked villagers, killing at least 1,200 people and wounding 30.",
        None,
        &ents,
    );
    let ev = run(&mut d);
    assert_eq!(ev[0].fatalities, Some(1200));
    assert_eq!(ev[0].injured, Some(30));
    let mut d = doc(
        "The Red Hand Front shelled villagers. At least 64 villagers were killed in the shelling by the Red Hand Front.",
        None,
        &ents,
    );
    let ev = run(&mut d);
    assert!(ev.iter().any(|e| e.fatalities == Some(64)), "{ev:?}");
}

#[test]
fn negation_and_modality() {
    let ents = [("Norland", Gpe), ("Sudria", Gpe)];
    let mut d = doc("Norland will not attack Sudria.", None, &ents);
    let ev = run(&mut d);
    assert!(ev[0].negated);
    assert_eq!(ev[0].kind, EventType::Reject);
    let mut d = doc("Norland will meet Sudria.", None, &ents);
    assert_eq!(run(&mut d)[0].modality, Modality::Future);
    let mut d = doc("Norland could attack Sudria.", None, &ents);
    assert_eq!(run(&mut d)[0].modality, Modality::Hypothetical);
}

#[test]
fn events_inside_quotes_are_reported() {
    let text = "Officials said Norland attacked Sudria.";
    let mut d = doc(text, None, &[("Norland", Gpe), ("Sudria", Gpe)]);
    let start = text.find("Norland").unwrap();
    d.quotes = Some(vec![Quote {
        kind: QuoteKind::Indirect,
        content: ByteSpan::ordered(start, text.len() - 1),
        cue: None,
        negated: false,
        denial: false,
        source: QuoteSource::default(),
        addressee: None,
        outlet: None,
        parent: None,
    }]);
    let ev = run(&mut d);
    assert_eq!(ev[0].modality, Modality::Reported);
    assert_eq!(ev[0].attributed_to.map(|q| q.index()), Some(0));
}

#[test]
fn repeats_merge_into_one_event() {
    let text = "Norland attacked Sudria on Monday.\nThe attack by Norland on Sudria was the worst in years.\nNorland's attack on Sudria drew protests from Westmark.";
    let mut d = doc(
        text,
        Some("2023-11-15"),
        &[("Norland", Gpe), ("Sudria", Gpe), ("Westmark", Gpe)],
    );
    let ev = run(&mut d);
    let attacks: Vec<&Event> = ev.iter().filter(|e| e.kind == EventType::Assault).collect();
    assert_eq!(attacks.len(), 1, "{ev:?}");
    assert_eq!(attacks[0].evidence.len(), 3, "{ev:?}");
    assert_eq!(attacks[0].date.as_deref(), Some("2023-11-13"));
}

#[test]
fn persons_as_actors() {
    let mut d = doc(
        "Ana Velmor, the leader of the Blue Party, met Ivo Drest in the capital.",
        None,
        &[
            ("Ana Velmor", Person),
            ("Blue Party", Org),
            ("Ivo Drest", Person),
        ],
    );
    let ev = run(&mut d);
    assert_eq!(names(&d, &ev[0].source), ["Ana Velmor"]);
    assert_eq!(names(&d, &ev[0].target), ["Ivo Drest"]);
}

#[test]
fn reciprocal_events_go_both_ways() {
    let mut d = doc(
        "Norland and Sudria traded accusations on Monday.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert_eq!(names(&d, &ev[0].source), ["Norland"]);
    assert_eq!(names(&d, &ev[0].target), ["Sudria"]);
    assert_eq!(names(&d, &ev[1].source), ["Sudria"]);
    assert_eq!(names(&d, &ev[1].target), ["Norland"]);
}
