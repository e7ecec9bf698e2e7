//! Round-five behaviour, on invented sentences: the converse of giving ("received aid from"),
//! care for the hurt as help, suspended protests as concessions, and the patient of a passive
//! that names no actor.

use newsgraph_doc::{Doc, EntityType, Event, EventType, Stage};

mod common;
use common::{doc, names, run};

use EntityType::{Gpe, Group};

fn one(d: &Doc, ev: &[Event], kind: EventType) -> (Vec<String>, Vec<String>) {
    let found: Vec<&Event> = ev.iter().filter(|e| e.kind == kind).collect();
    assert_eq!(found.len(), 1, "{kind:?} in {ev:?}");
    (names(d, &found[0].source), names(d, &found[0].target))
}

#[test]
fn a_receiver_of_aid_is_the_target_and_the_giver_the_source() {
    for text in [
        "Norvania received humanitarian aid from Peltoria on Tuesday.",
        "Norvania accepted a loan of $40 million from Peltoria.",
    ] {
        let mut d = doc(text, None, &[("Norvania", Gpe), ("Peltoria", Gpe)]);
        let ev = run(&mut d);
        let (s, t) = one(&d, &ev, EventType::Aid);
        assert_eq!(s, ["Peltoria"], "{text}");
        assert_eq!(t, ["Norvania"], "{text}");
    }
}

#[test]
fn receiving_without_a_giver_is_no_event() {
    let text = "Norvania received a letter on Tuesday.";
    let mut d = doc(text, None, &[("Norvania", Gpe)]);
    let ev = run(&mut d);
    assert!(ev.iter().all(|e| e.kind != EventType::Aid), "{ev:?}");
}

#[test]
fn treating_the_hurt_is_help() {
    for text in [
        "Field medics treated the wounded soldiers near the river.",
        "Volunteer doctors treated dozens of injured villagers.",
        "Field medics treated the wounded at the camp.",
    ] {
        let mut d = doc(text, None, &[]);
        let ev = run(&mut d);
        let (_, t) = one(&d, &ev, EventType::Aid);
        assert_eq!(t.len(), 1, "{text}: {ev:?}");
        assert!(
            t[0].contains("wounded") || t[0].contains("injured"),
            "{text}: {t:?}"
        );
    }
    let text = "Field medics treated the matter as urgent.";
    let mut d = doc(text, None, &[]);
    let ev = run(&mut d);
    assert!(ev.iter().all(|e| e.kind != EventType::Aid), "{ev:?}");
}

#[test]
fn calling_off_a_protest_is_a_concession() {
    for text in [
        "The Tessar Dockers Union called off the strike after the talks.",
        "The Tessar Dockers Union ended its boycott on Friday.",
    ] {
        let mut d = doc(text, None, &[("Tessar Dockers Union", Group)]);
        let ev = run(&mut d);
        let (s, _) = one(&d, &ev, EventType::Concede);
        assert_eq!(s, ["Tessar Dockers Union"], "{text}");
    }
}

#[test]
fn the_patient_of_a_passive_is_the_target_though_no_actor() {
    let text = "The old ferry was destroyed by the Orvel Brigade.";
    let mut d = doc(text, None, &[("Orvel Brigade", Group)]);
    let ev = run(&mut d);
    let found: Vec<&Event> = ev.iter().filter(|e| e.kind == EventType::Assault).collect();
    assert_eq!(found.len(), 1, "{ev:?}");
    assert_eq!(names(&d, &found[0].source), ["Orvel Brigade"]);
    assert_eq!(names(&d, &found[0].target), ["The old ferry"]);
}

#[test]
fn a_threat_to_strike_something_targets_it() {
    let text = "The Orvel Brigade threatened to attack the airport at Sarn.";
    let mut d = doc(text, None, &[("Orvel Brigade", Group)]);
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(s, ["Orvel Brigade"]);
    assert_eq!(t, ["the airport"]);
}

#[test]
fn condemning_an_attack_blames_its_doer_not_its_victim() {
    let text = "Peltoria condemned the Norvanian strikes on Sarn.";
    let mut d = doc(
        text,
        None,
        &[("Peltoria", Gpe), ("Norvanian", Gpe), ("Sarn", Gpe)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(s, ["Peltoria"]);
    assert_eq!(t, ["Norvanian"]);
}

#[test]
fn a_possessor_is_the_agent_when_the_patient_follows_on() {
    let text = "On Monday, the Velan Liberation Front's crackdown on students drew wide criticism.";
    let mut d = Doc::new("p", text, newsgraph_doc::Meta::default());
    let Ok(p) = newsgraph::Pipeline::new(&Default::default()) else {
        return;
    };
    p.run(&mut d);
    newsgraph_events::EventStage::new().run(&mut d);
    let ev = d.events.clone().unwrap_or_default();
    let found: Vec<&Event> = ev.iter().filter(|e| e.kind == EventType::Coerce).collect();
    assert_eq!(found.len(), 1, "{ev:?}");
    assert_eq!(names(&d, &found[0].source), ["Velan Liberation Front"]);
}
