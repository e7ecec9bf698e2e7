//! Round-two behaviour: the CAMEO-derived verbs, complement and discourse targets, object-typed
//! senses, allegations, definite descriptions and help in kind, on invented sentences.

use newsgraph_doc::{Doc, EntityType, Event, EventType};

mod common;
use common::{doc, names, run};

use EntityType::{Gpe, Org};

/// The one event of type `kind`, with its source and target names.
fn one(d: &Doc, ev: &[Event], kind: EventType) -> (Vec<String>, Vec<String>) {
    let found: Vec<&Event> = ev.iter().filter(|e| e.kind == kind).collect();
    assert_eq!(found.len(), 1, "{kind:?} in {ev:?}");
    (names(d, &found[0].source), names(d, &found[0].target))
}

#[test]
fn cameo_derived_verbs_are_triggers() {
    let cases = [
        ("Norland annexed Sudria.", EventType::Coerce),
        ("Norland reprimanded Sudria.", EventType::Accuse),
        ("Norland pillaged Sudria.", EventType::Assault),
    ];
    for (text, kind) in cases {
        let mut d = doc(text, None, &[("Norland", Gpe), ("Sudria", Gpe)]);
        let ev = run(&mut d);
        let (s, t) = one(&d, &ev, kind);
        assert_eq!(s, ["Norland"], "{text}");
        assert_eq!(t, ["Sudria"], "{text}");
    }
}

#[test]
fn hand_lexicon_takes_precedence_over_cameo() {
    // CAMEO files "release" under yielding; the hand lexicon reads it as RETREAT.
    let mut d = doc(
        "The Red Hand Front released Sudria's sailors.",
        None,
        &[("Red Hand Front", Org), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert!(ev.iter().any(|e| e.kind == EventType::Retreat), "{ev:?}");
}

#[test]
fn a_warning_threatens_the_subject_of_its_complement() {
    let mut d = doc(
        "The Red Hand Front warned that Sudria would pay a heavy price.",
        None,
        &[("Red Hand Front", Org), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(s, ["Red Hand Front"]);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn the_object_decides_between_sanction_and_coercion() {
    let mut d = doc(
        "Norland suspended two radio stations.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Coerce);
    assert_eq!(
        (s.as_slice(), t.as_slice()),
        (
            &["Norland".to_string()][..],
            &["two radio stations".to_string()][..]
        )
    );
    let mut d = doc(
        "The Coastal Union suspended Sudria.",
        None,
        &[("Coastal Union", Org), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Sanction);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn a_missing_target_is_the_party_last_dealt_with() {
    let text = "Norland accused Sudria of spying on Monday.\nNorland warned of a firm response.";
    let mut d = doc(text, None, &[("Norland", Gpe), ("Sudria", Gpe)]);
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(s, ["Norland"]);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn what_an_accusation_alleges_is_no_event() {
    let mut d = doc(
        "Norland accused Sudria of attacking its fishing boats.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].kind, EventType::Accuse);
    // A reduced relative names the accused, not an accuser.
    let mut d = doc(
        "Norland police detained two men accused of smuggling.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    assert!(ev.iter().all(|e| e.kind != EventType::Accuse), "{ev:?}");
}

#[test]
fn a_definite_description_names_an_earlier_happening_again() {
    let text = "The Red Hand Front attacked Sudria on Monday.\nNorland condemned the attack.";
    let mut d = doc(
        text,
        None,
        &[("Red Hand Front", Org), ("Sudria", Gpe), ("Norland", Gpe)],
    );
    let ev = run(&mut d);
    let attacks: Vec<&Event> = ev.iter().filter(|e| e.kind == EventType::Assault).collect();
    assert_eq!(attacks.len(), 1, "{ev:?}");
    assert_eq!(attacks[0].evidence.len(), 2);
    // Not when the phrase brings news of its own.
    let text = "The Red Hand Front attacked Sudria on Monday.\nThe new attack by Norland on Westmark killed nine.";
    let mut d = doc(
        text,
        None,
        &[
            ("Red Hand Front", Org),
            ("Sudria", Gpe),
            ("Norland", Gpe),
            ("Westmark", Gpe),
        ],
    );
    let ev = run(&mut d);
    assert_eq!(
        ev.iter().filter(|e| e.kind == EventType::Assault).count(),
        2,
        "{ev:?}"
    );
}

#[test]
fn undoing_a_measure_is_one_concession() {
    let mut d = doc(
        "Norland lifted the curfew in the capital.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].kind, EventType::Concede);
}

#[test]
fn phrase_triggers() {
    let cases = [
        (
            "Norland police used tear gas against Sudria protesters.",
            EventType::Assault,
        ),
        ("Norland blocked the Sudria resolution.", EventType::Reject),
        ("Norland called up 5,000 reservists.", EventType::Mobilize),
        ("Norland walked out of the talks.", EventType::Protest),
        (
            "Norland provided $10 million in aid to Sudria.",
            EventType::Aid,
        ),
        ("Norland sent police officers to Sudria.", EventType::Aid),
    ];
    for (text, kind) in cases {
        let mut d = doc(text, None, &[("Norland", Gpe), ("Sudria", Gpe)]);
        let ev = run(&mut d);
        assert!(
            ev.iter()
                .any(|e| e.kind == kind && names(&d, &e.source) == ["Norland"]),
            "{text}: {ev:?}"
        );
    }
    let mut d = doc(
        "Norland provided $10 million in aid to Sudria.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert_eq!(one(&d, &ev, EventType::Aid).1, ["Sudria"]);
}

#[test]
fn counted_groups_and_owners_are_actors() {
    let mut d = doc(
        "Norland police arrested three Sudrians.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Coerce);
    assert_eq!(t, ["three Sudrians"]);
    // An unnamed body is named by its description, beside its country.
    let mut d = doc(
        "Norland's data regulator fined Veltra Networks on Tuesday.",
        None,
        &[("Norland", Gpe), ("Veltra Networks", Org)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Sanction);
    assert_eq!(s, ["Norland's data regulator", "Norland"]);
    assert_eq!(t, ["Veltra Networks"]);
}

#[test]
fn a_call_with_someone_is_a_consultation() {
    let mut d = doc(
        "Ana Velmor raised the matter in a phone call with Ivo Drest.",
        None,
        &[
            ("Ana Velmor", EntityType::Person),
            ("Ivo Drest", EntityType::Person),
        ],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Consult);
    assert_eq!(s, ["Ana Velmor"]);
    assert_eq!(t, ["Ivo Drest"]);
}

#[test]
fn a_demanded_release_is_asked_of_the_captor() {
    let text = "Norland police arrested Ivo Drest on Monday.\nWestmark demanded Ivo Drest's immediate release.";
    let mut d = doc(
        text,
        None,
        &[
            ("Norland", Gpe),
            ("Westmark", Gpe),
            ("Ivo Drest", EntityType::Person),
        ],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Request);
    assert_eq!(s, ["Westmark"]);
    assert_eq!(t, ["Norland"]);
    // The release asked for has not happened.
    assert!(ev.iter().all(|e| e.kind != EventType::Retreat), "{ev:?}");
}
