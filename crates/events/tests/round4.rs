//! Round-four behaviour, on invented sentences: rules that must hold for any wording of the
//! same kind (own-side warnings, thrown objects, shop closures, person nouns, helpers,
//! prepositions and time adverbs ending a phrase, accords "with" someone, joint acts,
//! stopped talks, place targets, the article's country).

use newsgraph_doc::{Doc, EntityType, Event, EventType, KbLink, MentionKind};

mod common;
use common::{doc, names, run};

use EntityType::{Gpe, Group, Org, Person};

fn of_kind(ev: &[Event], kind: EventType) -> Vec<&Event> {
    ev.iter().filter(|e| e.kind == kind).collect()
}

/// The one event of type `kind`, with its source and target names.
fn one(d: &Doc, ev: &[Event], kind: EventType) -> (Vec<String>, Vec<String>) {
    let found = of_kind(ev, kind);
    assert_eq!(found.len(), 1, "{kind:?} in {ev:?}");
    (names(d, &found[0].source), names(d, &found[0].target))
}

fn set_kb(d: &mut Doc, name: &str, id: &str) {
    for e in d.entities.iter_mut().flatten() {
        if e.name == name {
            e.kb = Some(KbLink {
                id: id.to_string(),
                codes: vec![],
            });
        }
    }
}

#[test]
fn an_own_side_warning_threatens_what_it_would_strike() {
    for (text, target) in [
        (
            "Marek Dolny warned that his militia would blow up the pipelines.",
            "the pipelines",
        ),
        (
            "Marek Dolny warned that our units would target bridges and ports.",
            "bridges",
        ),
    ] {
        let mut d = doc(text, None, &[("Marek Dolny", Person)]);
        let ev = run(&mut d);
        let (s, t) = one(&d, &ev, EventType::Threaten);
        assert_eq!(s, ["Marek Dolny"], "{text}");
        assert_eq!(t, [target], "{text}");
    }
}

#[test]
fn the_injured_are_hit_by_any_thrown_objects() {
    for text in [
        "Two guards were injured when strikers hurled bottles at the gate.",
        "Two guards were hurt when rioters threw petrol bombs at the depot.",
        "Two guards were wounded when looters lobbed bricks and fireworks.",
    ] {
        let mut d = doc(text, None, &[]);
        let ev = run(&mut d);
        let (s, t) = one(&d, &ev, EventType::Assault);
        assert_eq!(s.len(), 1, "{text}");
        assert_eq!(t, ["Two guards"], "{text}");
    }
}

#[test]
fn shops_closed_against_a_measure_are_a_strike() {
    for text in [
        "Shopkeepers in Varno closed their shops to protest the new levy.",
        "Vendors shut their stalls against the higher market fees.",
    ] {
        let mut d = doc(text, None, &[]);
        let ev = run(&mut d);
        let found = of_kind(&ev, EventType::Protest);
        assert_eq!(found.len(), 1, "{text}: {ev:?}");
        assert_eq!(found[0].mode, Some("strike"), "{text}");
    }
    // Closed by someone else, for no protest: no strike.
    let mut d = doc("Inspectors closed three shops in Varno.", None, &[]);
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Protest).is_empty(), "{ev:?}");
}

#[test]
fn common_person_and_crew_nouns_are_actors() {
    for (text, kind, source) in [
        (
            "Militiamen abducted four fishermen near the coast.",
            EventType::Assault,
            "Militiamen",
        ),
        (
            "Dock crews refused to unload the cargo.",
            EventType::Reject,
            "Dock crews",
        ),
        (
            "Striking surgeons marched to the ministry.",
            EventType::Protest,
            "Striking surgeons",
        ),
    ] {
        let mut d = doc(text, None, &[]);
        let ev = run(&mut d);
        let (s, _) = one(&d, &ev, kind);
        assert_eq!(s, [source], "{text}");
    }
}

#[test]
fn a_retired_person_in_apposition_is_the_relative_clause_subject() {
    let mut d = doc(
        "The Olmo League, a group of retired miners who rejected the offer, marched on Monday.",
        None,
        &[("Olmo League", Org)],
    );
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Reject);
    assert_eq!(s, ["Olmo League"]);
}

#[test]
fn medical_and_rescue_teams_deployed_are_help() {
    let mut d = doc(
        "Brevia deployed surgeons and paramedics to the flooded province.",
        None,
        &[("Brevia", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Mobilize).is_empty(), "{ev:?}");
    assert_eq!(of_kind(&ev, EventType::Aid).len(), 1, "{ev:?}");
}

#[test]
fn a_preposition_or_time_adverb_ends_the_object() {
    let mut d = doc(
        "Sudria threatened villages along the river.\nLifeboat crews rescued twelve sailors off the cape.",
        None,
        &[("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(t, ["villages"]);
    let (s, t) = one(&d, &ev, EventType::Aid);
    assert_eq!(s, ["Lifeboat crews"]);
    assert_eq!(t, ["twelve sailors"]);
}

#[test]
fn an_irregular_past_verb_after_a_noun_is_a_verb() {
    let mut d = doc("The army withdrew its soldiers from the valley.", None, &[]);
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Retreat);
    assert_eq!(s, ["The army"]);
}

#[test]
fn an_accord_with_someone_names_the_other_side() {
    let mut d = doc(
        "The Red Hand Front agreed to a truce with the Tarsan Guard.",
        None,
        &[("Red Hand Front", Group), ("Tarsan Guard", Org)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Agree);
    assert_eq!(s, ["Red Hand Front"]);
    assert_eq!(t, ["Tarsan Guard"]);
}

#[test]
fn joint_exercises_and_shared_intelligence_are_cooperation() {
    let mut d = doc(
        "Brevia and Tarsa held joint naval exercises.\nNorland and Sudria shared intelligence on arms traffickers.",
        None,
        &[
            ("Brevia", Gpe),
            ("Tarsa", Gpe),
            ("Norland", Gpe),
            ("Sudria", Gpe),
        ],
    );
    let ev = run(&mut d);
    let found = of_kind(&ev, EventType::Cooperate);
    assert_eq!(found.len(), 2, "{ev:?}");
    assert_eq!(names(&d, &found[0].source), ["Brevia"]);
    assert_eq!(names(&d, &found[0].target), ["Tarsa"]);
    assert_eq!(names(&d, &found[1].source), ["Norland"]);
    assert_eq!(names(&d, &found[1].target), ["Sudria"]);
    // Planned: a promise of cooperation.
    let mut d = doc(
        "Brevia and Tarsa will hold joint naval exercises in May.",
        None,
        &[("Brevia", Gpe), ("Tarsa", Gpe)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Agree);
    assert_eq!(s, ["Brevia"]);
    assert_eq!(t, ["Tarsa"]);
}

#[test]
fn talks_suspended_are_not_held() {
    let mut d = doc(
        "Norland suspended peace talks with the Red Hand Front.",
        None,
        &[("Norland", Gpe), ("Red Hand Front", Group)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Consult).is_empty(), "{ev:?}");
}

#[test]
fn a_warned_act_is_one_threat() {
    let mut d = doc(
        "Marek Dolny warned that his fighters would attack the garrison.",
        None,
        &[("Marek Dolny", Person)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(t, ["the garrison"]);
}

#[test]
fn the_act_of_a_body_is_owned_by_the_body() {
    let mut d = doc(
        "Norland praised the ruling of the tribunal.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Support);
    assert_eq!(t, ["the tribunal"]);
}

#[test]
fn generic_targets_in_a_country_stand_for_the_country() {
    let mut d = doc(
        "Norlandic jets struck targets in southern Sudria.",
        None,
        &[("Norlandic jets", Group), ("Sudria", Gpe)],
    );
    set_kb(&mut d, "Sudria", "kb:SUD");
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Assault);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn a_trailing_place_is_no_part_of_the_target() {
    let mut d = doc(
        "Raiders kidnapped three aid workers in Tarso.",
        None,
        &[("Tarso", Gpe)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Assault);
    assert_eq!(t, ["three aid workers"]);
}

#[test]
fn a_country_named_only_by_an_adjective_is_not_the_government() {
    let text = "The government expelled two Sudrian diplomats.";
    let mut d = doc(text, None, &[("Sudria", Gpe)]);
    // The entity layer gives the adjective as a demonym mention of the country.
    let b = text.find("Sudrian").unwrap_or_default();
    for e in d.entities.iter_mut().flatten() {
        e.mentions = vec![newsgraph_doc::Mention {
            span: newsgraph_doc::ByteSpan::ordered(b, b + "Sudrian".len()),
            kind: MentionKind::Demonym,
        }];
    }
    set_kb(&mut d, "Sudria", "kb:SUD");
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Sanction);
    assert_eq!(s, ["The government"]);
}

#[test]
fn an_offer_between_two_sides_is_welcomed_as_the_offerers() {
    let mut d = doc(
        "Norland's offer to mediate between the two sides was welcomed by Sudria.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Support);
    assert_eq!(s, ["Sudria"]);
    assert_eq!(t, ["Norland"]);
}

#[test]
fn a_mediator_of_any_profession_in_apposition() {
    let mut d = doc(
        "Ivo Marek, a retired bishop who has mediated between the parties, met the rebels on Monday.",
        None,
        &[("Ivo Marek", Person)],
    );
    let ev = run(&mut d);
    let consult: Vec<&Event> = of_kind(&ev, EventType::Consult);
    assert!(!consult.is_empty(), "{ev:?}");
    assert!(
        consult
            .iter()
            .all(|e| names(&d, &e.source) == ["Ivo Marek"]),
        "{ev:?}"
    );
}

#[test]
fn an_organisation_stays_an_organisation() {
    // Sanity: nothing of the new rules fires on a plain report.
    let mut d = doc(
        "The Velgrad Port Authority said traffic was normal.",
        None,
        &[("Velgrad Port Authority", Org)],
    );
    let ev = run(&mut d);
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn fire_exchanged_is_an_attack_each_way() {
    let mut d = doc(
        "Norland and Sudria exchanged fire across the river.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert_eq!(of_kind(&ev, EventType::Assault).len(), 2, "{ev:?}");
}

#[test]
fn ties_cut_are_a_sanction() {
    let mut d = doc(
        "Norland cut diplomatic ties with Sudria.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Sanction);
    assert_eq!(s, ["Norland"]);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn a_demand_that_someone_act_targets_that_someone() {
    let mut d = doc(
        "Norland demanded that the shipping company pay damages.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Request);
    assert_eq!(t, ["the shipping company"]);
}

#[test]
fn an_act_by_someone_is_aimed_at_its_agent() {
    let mut d = doc(
        "The tribunal rejected the appeal by the Velka Mining Company.",
        None,
        &[("Velka Mining Company", Org)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Reject);
    assert_eq!(t, ["Velka Mining Company"]);
}

#[test]
fn fighters_loyal_to_someone_are_one_subject() {
    let mut d = doc(
        "Fighters loyal to Ivo Marek ambushed a convoy.",
        None,
        &[("Ivo Marek", Person)],
    );
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Assault);
    assert_eq!(s, ["Fighters loyal to Ivo Marek"]);
}

#[test]
fn the_two_neighbours_as_a_subject_are_the_last_two_countries() {
    let mut d = doc(
        "Norland and Sudria exchanged fire on Monday.\nClashes went on, although the two neighbours began talks.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    for n in ["Norland", "Sudria"] {
        set_kb(&mut d, n, &format!("kb:{n}"));
    }
    let ev = run(&mut d);
    let found = of_kind(&ev, EventType::Consult);
    assert_eq!(found.len(), 1, "{ev:?}");
    let mut both = names(&d, &found[0].source);
    both.extend(names(&d, &found[0].target));
    both.sort();
    assert_eq!(both, ["Norland", "Sudria"]);
}

#[test]
fn any_one_who_acts_is_a_generic_party() {
    let mut d = doc(
        "The Black Lake Syndicate warned that any trader who sells the goods would be punished.",
        None,
        &[("Black Lake Syndicate", Org)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(t, ["any trader who sells the goods"]);
}

#[test]
fn an_act_threatened_in_reported_speech_names_its_object() {
    let mut d = doc(
        "The Red Hand Front said its fighters would storm the prison.",
        None,
        &[("Red Hand Front", Group)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(t, ["the prison"]);
}

#[test]
fn a_noun_with_its_patient_and_agent() {
    let mut d = doc(
        "The arrest of the editor by police angered readers.",
        None,
        &[],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Coerce);
    assert_eq!(s, ["police"]);
    assert_eq!(t, ["the editor"]);
    let mut d = doc(
        "The attack by gunmen on the convoy left two dead.",
        None,
        &[],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Assault);
    assert_eq!(s, ["gunmen"]);
    assert_eq!(t, ["the convoy"]);
}

#[test]
fn talks_between_two_sides() {
    let mut d = doc(
        "Talks between the union and the employers resumed.",
        None,
        &[],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Consult);
    assert_eq!(s, ["the union"]);
    assert_eq!(t, ["the employers"]);
}
