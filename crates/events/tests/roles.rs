//! Roles, speech acts, descriptor actors, intent and dates: behaviour tests on short invented
//! articles, with hand-made token, entity and quote layers.

use newsgraph_doc::{
    ByteSpan, EntityType, Event, EventType, Modality, Quote, QuoteKind, QuoteSource,
};

mod common;
use common::{doc, names, run};

use EntityType::{Gpe, Org, Person};

fn quote(text: &str, content: &str, cue: &str, source: Option<usize>) -> Quote {
    let c = text.find(content).unwrap_or_default();
    let k = text.find(cue).unwrap_or_default();
    Quote {
        kind: QuoteKind::Indirect,
        content: ByteSpan::ordered(c, c + content.len()),
        cue: Some(ByteSpan::ordered(k, k + cue.len())),
        negated: false,
        denial: false,
        source: QuoteSource {
            party: newsgraph_doc::Party {
                span: None,
                entity: source.map(|i| newsgraph_doc::EntityId(i as u32)),
            },
            ..QuoteSource::default()
        },
        addressee: None,
        outlet: None,
        parent: None,
    }
}

fn one(ev: &[Event], kind: EventType) -> &Event {
    ev.iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {ev:?}"))
}

#[test]
fn descriptor_phrases_are_actors() {
    // A target no entity names is a phrase.
    let mut d = doc(
        "Norland police arrested three journalists on Monday.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    let e = one(&ev, EventType::Coerce);
    assert_eq!(names(&d, &e.target), ["three journalists"]);
    // So is a subject.
    let mut d = doc("Protesters threw stones at Sudrian police.", None, &[]);
    let ev = run(&mut d);
    let e = one(&ev, EventType::Assault);
    assert_eq!(names(&d, &e.source), ["Protesters"]);
    // A quantity phrase keeps its head.
    let mut d = doc(
        "Hundreds of miners marched on the Sudria Mining Corp. offices.",
        None,
        &[("Sudria Mining Corp.", Org)],
    );
    let ev = run(&mut d);
    let e = one(&ev, EventType::Protest);
    assert_eq!(names(&d, &e.source), ["Hundreds of miners"]);
}

#[test]
fn organ_nouns_stand_for_their_country() {
    let mut d = doc(
        "Norland's foreign ministry rejected the proposal.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    assert_eq!(names(&d, &one(&ev, EventType::Reject).source), ["Norland"]);
}

#[test]
fn passive_subjects_and_agents() {
    let mut d = doc(
        "Two Norland fishermen were detained by the Sudrian coast guard.",
        None,
        &[("Norland", Gpe), ("Sudrian coast guard", Org)],
    );
    let ev = run(&mut d);
    let e = one(&ev, EventType::Coerce);
    assert_eq!(names(&d, &e.source), ["Sudrian coast guard"]);
    assert_eq!(names(&d, &e.target), ["Two Norland fishermen"]);
    // The mobilised are the actors of a passive deployment.
    let mut d = doc("Westmark troops were deployed along the border.", None, &[]);
    let ev = run(&mut d);
    assert_eq!(
        names(&d, &one(&ev, EventType::Mobilize).source),
        ["Westmark troops"]
    );
}

#[test]
fn speech_acts_take_the_quote_source() {
    let text = "Officials in the capital said Sudria was calm. Ana Velmor accused the Red Hand Front of arming rebels.";
    let mut d = doc(
        text,
        None,
        &[
            ("Sudria", Gpe),
            ("Ana Velmor", Person),
            ("Red Hand Front", Org),
        ],
    );
    d.quotes = Some(vec![quote(
        text,
        "the Red Hand Front of arming rebels",
        "accused",
        Some(1),
    )]);
    let ev = run(&mut d);
    let e = one(&ev, EventType::Accuse);
    assert_eq!(names(&d, &e.source), ["Ana Velmor"]);
    assert_eq!(names(&d, &e.target), ["Red Hand Front"]);
}

#[test]
fn pronoun_subjects_in_reported_speech() {
    let text = "The Blue Party said it had expelled two Norland diplomats.";
    let mut d = doc(text, None, &[("Blue Party", Org), ("Norland", Gpe)]);
    d.quotes = Some(vec![quote(
        text,
        "it had expelled two Norland diplomats",
        "said",
        Some(0),
    )]);
    let ev = run(&mut d);
    let e = one(&ev, EventType::Sanction);
    assert_eq!(names(&d, &e.source), ["Blue Party"]);
    assert_eq!(e.modality, Modality::Reported);
}

#[test]
fn appositions_and_coordinated_verbs() {
    let mut d = doc(
        "The party's leader, Ana Velmor, thanked Westmark and urged Sudria to reopen the border.",
        None,
        &[("Ana Velmor", Person), ("Westmark", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let support = one(&ev, EventType::Support);
    assert_eq!(names(&d, &support.source), ["Ana Velmor"]);
    assert_eq!(names(&d, &support.target), ["Westmark"]);
    let request = one(&ev, EventType::Request);
    assert_eq!(names(&d, &request.source), ["Ana Velmor"]);
    assert_eq!(names(&d, &request.target), ["Sudria"]);
}

#[test]
fn intent_is_agreement_or_threat() {
    let ents = [("Norland", Gpe), ("Sudria", Gpe)];
    let mut d = doc("Norland will send 40 doctors to Sudria.", None, &ents);
    let ev = run(&mut d);
    let e = one(&ev, EventType::Agree);
    assert_eq!(names(&d, &e.target), ["Sudria"]);
    assert_eq!(e.modality, Modality::Future);
    let mut d = doc("Norland could suspend Sudria from the league.", None, &ents);
    assert_eq!(run(&mut d)[0].kind, EventType::Threaten);
    // "threatened to strike" is one threat, not a threat and an attack.
    let mut d = doc("Norland threatened to attack Sudria.", None, &ents);
    let ev = run(&mut d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].kind, EventType::Threaten);
    // A condition is no happening.
    let mut d = doc(
        "Norland warned it would act unless Sudria is attacked.",
        None,
        &ents,
    );
    assert!(run(&mut d).iter().all(|e| e.kind != EventType::Assault));
}

#[test]
fn nouns_take_their_agent_from_a_light_verb() {
    let mut d = doc(
        "The Red Hand Front launched an offensive against Sudria.",
        None,
        &[("Red Hand Front", Org), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let e = one(&ev, EventType::Assault);
    assert_eq!(names(&d, &e.source), ["Red Hand Front"]);
    assert_eq!(names(&d, &e.target), ["Sudria"]);
    // A noun with no agent in sight is left out rather than guessed.
    let mut d = doc(
        "Sudria said such attacks were rare.",
        None,
        &[("Sudria", Gpe)],
    );
    assert!(run(&mut d).is_empty());
}

#[test]
fn a_rejection_answers_the_accuser() {
    let mut d = doc(
        "Norland accused Sudria of spying.\nSudria rejected the accusations.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let e = one(&ev, EventType::Reject);
    assert_eq!(names(&d, &e.source), ["Sudria"]);
    assert_eq!(names(&d, &e.target), ["Norland"]);
}

#[test]
fn dates_of_plans_threats_and_background() {
    // 2023-11-15 is a Wednesday.
    let ents = [("Norland", Gpe), ("Sudria", Gpe), ("Blue Party", Org)];
    let mut d = doc(
        "The Blue Party will march on Friday.",
        Some("2023-11-15"),
        &ents,
    );
    assert_eq!(run(&mut d)[0].date.as_deref(), Some("2023-11-17"));
    let text = "Norland said on Monday it would attack Sudria from Saturday.";
    let mut d = doc(text, Some("2023-11-15"), &ents);
    d.quotes = Some(vec![quote(
        text,
        "it would attack Sudria from Saturday",
        "said",
        Some(0),
    )]);
    let ev = run(&mut d);
    let e = one(&ev, EventType::Threaten);
    assert_eq!(e.date.as_deref(), Some("2023-11-13"));
    let mut d = doc(
        "Norland expelled Sudria's envoy last week.",
        Some("2023-11-03"),
        &ents,
    );
    assert_eq!(run(&mut d)[0].date.as_deref(), Some("2023-10"));
    let mut d = doc(
        "Norland attacked Sudria in 2006.",
        Some("2023-11-15"),
        &ents,
    );
    assert_eq!(run(&mut d)[0].modality, Modality::Historical);
}

#[test]
fn the_two_who_met() {
    let mut d = doc(
        "Ana Velmor sent a message to Ivo Drest when they met in the capital.",
        None,
        &[("Ana Velmor", Person), ("Ivo Drest", Person)],
    );
    let ev = run(&mut d);
    let e = one(&ev, EventType::Consult);
    assert_eq!(names(&d, &e.source), ["Ana Velmor"]);
    assert_eq!(names(&d, &e.target), ["Ivo Drest"]);
}

#[test]
fn modes_use_plover_names() {
    let ents = [("Norland", Gpe)];
    let cases = [
        (
            "Norland police fired tear gas at the crowd.",
            "crowd-control",
        ),
        ("Norland forces fired rockets at the town.", "heavy-weapons"),
        ("Protesters threw stones at Norland police.", "primitive"),
    ];
    for (text, mode) in cases {
        let mut d = doc(text, None, &ents);
        let ev = run(&mut d);
        assert_eq!(one(&ev, EventType::Assault).mode, Some(mode), "{text}");
    }
}

#[test]
fn non_events_are_left_out() {
    let ents = [("Norland", Gpe), ("Sudria", Gpe)];
    // Nothing happened.
    let mut d = doc(
        "Norland did not announce new loans for Sudria.",
        None,
        &ents,
    );
    assert!(run(&mut d).is_empty());
    // An obligation is not a meeting.
    let mut d = doc(
        "Norland failed to meet the deadline Sudria had set.",
        None,
        &ents,
    );
    assert!(run(&mut d).iter().all(|e| e.kind != EventType::Consult));
    // A memory is not a recall of envoys; a recall of envoys is a sanction.
    let mut d = doc("Norland recalled its ambassador from Sudria.", None, &ents);
    let ev = run(&mut d);
    let e = one(&ev, EventType::Sanction);
    assert_eq!(names(&d, &e.target), ["Sudria"]);
}

#[test]
fn both_sides_are_the_two_parties_named_before() {
    let text =
        "Norland and Sudria exchanged fire.\nWestmark called on both sides to hold their fire.";
    let mut d = doc(
        text,
        None,
        &[("Norland", Gpe), ("Sudria", Gpe), ("Westmark", Gpe)],
    );
    // Countries linked to the knowledge base count as parties.
    for e in d.entities.as_mut().unwrap() {
        e.kb = Some(newsgraph_doc::KbLink {
            id: format!("kb:{}", e.name),
            codes: vec![],
        });
    }
    let ev = run(&mut d);
    let e = one(&ev, EventType::Request);
    let mut t = names(&d, &e.target);
    t.sort();
    assert_eq!(t, ["Norland", "Sudria"]);
}
