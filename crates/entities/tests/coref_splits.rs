//! Names split in two by failed coreference, each on a short invented article: the tail of a
//! longer organisation's name, an acronym of a name's tail, editorial
//! brackets in a transcript and "the X government" of a leader.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::mention_lists as entities;
use newsgraph_doc::EntityType;

/// The entity holding a mention with text `m`.
fn holder<'e>(
    ents: &'e [(EntityType, String, Vec<String>)],
    m: &str,
) -> Option<&'e (EntityType, String, Vec<String>)> {
    ents.iter().find(|(_, _, ms)| ms.iter().any(|x| x == m))
}

#[test]
fn the_tail_of_a_longer_organisation_name_is_that_organisation() {
    let text = "Officials of the Anna K. Brevik Center met donors in Oslo on Monday. \
                A spokesman said the Brevik Center would open a new wing next year.";
    let ents = entities(text);
    let e = holder(&ents, "Brevik Center").expect("the short name");
    assert!(e.2.iter().any(|m| m == "Anna K. Brevik Center"), "{ents:?}");
}

#[test]
fn names_side_by_side_in_a_list_stay_apart() {
    let text = "Guests can stay at the Taj Morvana Hotel, the Alvik Hotel or the Morvana Hotel, \
                all near the harbour.";
    let ents = entities(text);
    if let Some(e) = holder(&ents, "Morvana Hotel") {
        assert!(!e.2.iter().any(|m| m == "Taj Morvana Hotel"), "{ents:?}");
    }
}

#[test]
fn an_acronym_of_a_names_tail_stands_for_it() {
    let text = "She joined the Kestrel Reserve Pilot Cadet Corps in 1990. \
                The RPCC paid for her studies.";
    let ents = entities(text);
    let e = holder(&ents, "RPCC").expect("the acronym");
    assert!(
        e.2.iter().any(|m| m == "Kestrel Reserve Pilot Cadet Corps"),
        "{ents:?}"
    );
}

#[test]
fn editorial_brackets_complete_a_persons_name() {
    let text = "Who else works on the project?\nThere is Jeff [Marlow], who runs the site. \
                I voted for [Tomas] Velde in 96 and for Irma Koss in 2000.";
    let ents = entities(text);
    let jeff = ents.iter().find(|(_, n, _)| n == "Jeff Marlow");
    assert!(
        jeff.is_some_and(|e| e.0 == EntityType::Person && e.2.iter().any(|m| m == "Jeff [Marlow]")),
        "{ents:?}"
    );
    let velde = ents.iter().find(|(_, n, _)| n == "Tomas Velde");
    assert!(velde.is_some_and(|e| e.0 == EntityType::Person), "{ents:?}");
}

#[test]
fn middle_initials_that_differ_make_two_persons() {
    let text = "Reagan won in 80, [Carl T. R.] Hobbs in 88 and [Carl R.] Hobbs in 2000.";
    let ents = entities(text);
    let a = holder(&ents, "[Carl T. R.] Hobbs");
    let b = holder(&ents, "[Carl R.] Hobbs");
    if let (Some(a), Some(b)) = (a, b) {
        assert_ne!(a.1, b.1, "{ents:?}");
    }
}

#[test]
fn the_government_of_an_unknown_name_is_its_leaders() {
    let text = "The tax was introduced by the Vanneri government in 2012. \
                Critics said the Vanneri government had misjudged the mood.";
    let ents = entities(text);
    let e = holder(&ents, "Vanneri").expect("the leader");
    assert_eq!(e.0, EntityType::Person, "{ents:?}");
}

#[test]
fn a_company_without_its_legal_form_is_that_company() {
    let text = "The claim was filed against Norvik Ferry Corporation, Inc. in March. \
                Norvik Ferry Corporation denied any wrongdoing.";
    let ents = entities(text);
    let e = holder(&ents, "Norvik Ferry Corporation").expect("the short name");
    assert!(
        e.2.iter().any(|m| m == "Norvik Ferry Corporation, Inc."),
        "{ents:?}"
    );
}

#[test]
fn a_middle_given_name_with_the_surname_is_the_person() {
    let text = "Jens Otto Harald Vinter was born in 1860. Otto Vinter later taught in Aarhus.";
    let ents = entities(text);
    let e = holder(&ents, "Otto Vinter").expect("the short name");
    assert!(
        e.2.iter().any(|m| m == "Jens Otto Harald Vinter"),
        "{ents:?}"
    );
}

#[test]
fn a_compass_word_in_a_coordination_is_the_place_named_in_full() {
    let text = "North Kestia fired shells on Friday. Two days earlier North and South \
                Kestia had agreed to talks.";
    let ents = entities(text);
    if let Some(e) = holder(&ents, "North") {
        assert!(e.2.iter().any(|m| m == "North Kestia"), "{ents:?}");
    }
}

#[test]
fn the_other_forms_of_a_head_of_name_join_it() {
    let text = "The Ministry of Tourism in Vardena issued a warning. A spokesman for the \
                Tourism Ministry said hotels were full. Vandals painted slogans on the \
                walls of the Church of Velism on Sunday. A spokesman for Velism said the attack failed.";
    let ents = entities(text);
    let m = holder(&ents, "Tourism Ministry").expect("the inverted name");
    assert!(m.2.iter().any(|x| x == "Ministry of Tourism"), "{ents:?}");
    let v = holder(&ents, "Velism").unwrap_or_else(|| panic!("the bare name {ents:?}"));
    assert!(v.2.iter().any(|x| x == "Church of Velism"), "{ents:?}");
}

#[test]
fn the_state_of_a_place_is_the_place() {
    let text = "The museum is in Lorrisville. The City of Lorrisville owns the building, and \
                Lorrisville has 20,000 residents.";
    let ents = entities(text);
    let e =
        holder(&ents, "City of Lorrisville").unwrap_or_else(|| panic!("the longer name {ents:?}"));
    assert!(e.2.iter().any(|x| x == "Lorrisville"), "{ents:?}");
}

#[test]
fn a_given_name_spelt_with_another_inner_vowel_is_the_same_person() {
    let text = "The exhibit was curated by Marisol Trevane. Marisal Trevane said the prints \
                had never been shown.";
    let ents = entities(text);
    let e = holder(&ents, "Marisal Trevane").expect("the variant");
    assert!(e.2.iter().any(|m| m == "Marisol Trevane"), "{ents:?}");
}

#[test]
fn a_mixed_case_acronym_in_brackets_joins_the_name() {
    let text = "Doctors set up the Kestrel College of Surgeons (KCSurg) in 2002. \
                Last year KCSurg issued a statement on training.";
    let ents = entities(text);
    if let Some(e) = holder(&ents, "KCSurg") {
        assert!(
            e.2.iter().any(|m| m == "Kestrel College of Surgeons"),
            "{ents:?}"
        );
    }
}
