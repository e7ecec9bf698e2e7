//! Failure classes of the entity stage, each on a short invented article: demonyms inside
//! descriptions, plural group names, "so-called" names, weekdays glued to names, and events.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::mention_lists as entities;
use newsgraph_doc::EntityType;

fn has(ents: &[(EntityType, String, Vec<String>)], ty: EntityType, name: &str) -> bool {
    ents.iter().any(|(t, n, _)| *t == ty && n == name)
}

fn named(ents: &[(EntityType, String, Vec<String>)], name: &str) -> bool {
    ents.iter().any(|(_, n, _)| n == name)
}

#[test]
fn a_demonym_in_a_description_of_a_named_group_makes_no_country() {
    let ents = entities(
        "Hamas rejected the offer on Monday. Mediators urged leaders of the Palestinian group \
         to reconsider.",
    );
    assert!(has(&ents, EntityType::Org, "Hamas"), "{ents:#?}");
    assert!(!named(&ents, "Palestine"), "{ents:#?}");
}

#[test]
fn a_demonym_before_a_collective_actor_still_makes_its_country() {
    let ents = entities("Kenyan officials met the envoy. Ugandan forces stayed at the border.");
    assert!(has(&ents, EntityType::Gpe, "Kenya"), "{ents:#?}");
    assert!(has(&ents, EntityType::Gpe, "Uganda"), "{ents:#?}");
}

#[test]
fn a_plural_group_name_acting_is_an_organisation() {
    let ents = entities(
        "Ravna’s Varnis have launched rockets at passing ships. The Varnis said more would \
         follow.",
    );
    assert!(has(&ents, EntityType::Org, "Varnis"), "{ents:#?}");
    assert!(!has(&ents, EntityType::Person, "Varnis"), "{ents:#?}");
}

#[test]
fn a_nationality_plural_stays_a_demonym() {
    let ents = entities("The Kenyans have won the race again, officials said.");
    assert!(!has(&ents, EntityType::Org, "Kenyans"), "{ents:#?}");
}

#[test]
fn a_so_called_alliance_is_an_organisation() {
    let ents = entities(
        "Analysts say the so-called Ring of Defiance – a loose alliance of armed groups – is \
         being tested for the first time.",
    );
    assert!(has(&ents, EntityType::Org, "Ring of Defiance"), "{ents:#?}");
}

#[test]
fn a_quoted_name_after_known_as_is_an_organisation() {
    let ents = entities("A militia known as \"Green Dawn\" claimed the attack on the depot.");
    assert!(has(&ents, EntityType::Org, "Green Dawn"), "{ents:#?}");
}

#[test]
fn a_quoted_nickname_without_a_group_cue_is_left_alone() {
    let ents = entities("The storm, called \"Big Wind\" by fishermen, passed quickly.");
    assert!(!has(&ents, EntityType::Org, "Big Wind"), "{ents:#?}");
}

#[test]
fn weekdays_are_never_part_of_a_name() {
    let ents = entities(
        "The committee interviewed Dorina Velkova Sunday about the budget. Velkova said the \
         plan would pass.",
    );
    assert!(
        has(&ents, EntityType::Person, "Dorina Velkova"),
        "{ents:#?}"
    );
    assert!(
        ents.iter().all(|(_, n, _)| !n.contains("Sunday")),
        "{ents:#?}"
    );
}

#[test]
fn events_and_holidays_are_not_scored_entities() {
    let ents = entities(
        "Thousands attended the Harvest Moon Festival and the Lakeside Winter Games. Farmers \
         marked Founders Day with a parade. Hurricane Odalys struck the coast.",
    );
    for (_, n, _) in &ents {
        assert!(
            !["Festival", "Games", "Day", "Odalys"]
                .iter()
                .any(|w| n.contains(w)),
            "{ents:#?}"
        );
    }
}

#[test]
fn a_lower_case_hyphenated_syllable_stays_in_a_persons_name() {
    let ents = entities("Councillor Tam Wai-ming won the seat. Tam Wai-ming thanked voters.");
    assert!(has(&ents, EntityType::Person, "Tam Wai-ming"), "{ents:#?}");
    let ents = entities("The Ravna-backed militia retreated, Ravna officials said.");
    assert!(
        ents.iter().all(|(_, n, _)| !n.contains("backed")),
        "{ents:#?}"
    );
}

#[test]
fn and_does_not_join_two_complete_organisation_names() {
    let ents = entities(
        "Researchers at the Northfield Institute of Geology and Lakemoor State University \
         published the study.",
    );
    assert!(
        ents.iter()
            .all(|(_, n, _)| !(n.contains("Institute") && n.contains("University"))),
        "{ents:#?}"
    );
}

#[test]
fn a_town_and_its_state_are_one_place_outside_lists() {
    let ents = entities("The plant in Springfield, Illinois, and a depot will close.");
    assert!(
        ents.iter().any(
            |(t, _, m)| *t == EntityType::Gpe && m.iter().any(|x| x == "Springfield, Illinois")
        ),
        "{ents:#?}"
    );
    let ents = entities("Envoys from Mali, Niger and Chad met on Friday.");
    for c in ["Mali", "Niger", "Chad"] {
        assert!(has(&ents, EntityType::Gpe, c), "{ents:#?}");
    }
}

#[test]
fn a_newspaper_named_after_its_town_is_an_organisation() {
    let ents = entities("The Harborville Star reported the closure on its front page.");
    assert!(has(&ents, EntityType::Org, "Harborville Star"), "{ents:#?}");
}

#[test]
fn a_foreign_movement_opener_makes_an_organisation() {
    let ents =
        entities("A group calling itself Harakat Nur al-Wadi claimed the attack on Tuesday.");
    assert!(
        ents.iter()
            .any(|(t, n, _)| *t == EntityType::Org && n.starts_with("Harakat")),
        "{ents:#?}"
    );
    assert!(
        !ents
            .iter()
            .any(|(t, n, _)| *t == EntityType::Person && n.starts_with("Harakat")),
        "{ents:#?}"
    );
}

#[test]
fn a_one_word_name_with_reporters_is_an_organisation() {
    let ents = entities(
        "Biologist Anna Berg told Zentrix about her work. She later spoke with Zentrix \
         reporters again.",
    );
    assert!(has(&ents, EntityType::Org, "Zentrix"), "{ents:#?}");
    assert!(has(&ents, EntityType::Person, "Anna Berg"), "{ents:#?}");
}

#[test]
fn a_club_on_a_street_stays_two_names() {
    let ents = entities("Guests met at the Harbour Club on Pine Street in the evening.");
    assert!(has(&ents, EntityType::Org, "Harbour Club"), "{ents:#?}");
    assert!(named(&ents, "Pine Street"), "{ents:#?}");
}

#[test]
fn a_persons_name_glued_to_a_place_is_split_off() {
    let ents = entities(
        "According to the Ambassador to the United States Odran Pellik, the team will \
         travel. Ambassador Pellik said visas were granted.",
    );
    assert!(has(&ents, EntityType::Gpe, "United States"), "{ents:#?}");
    assert!(has(&ents, EntityType::Person, "Odran Pellik"), "{ents:#?}");
    assert!(
        ents.iter()
            .all(|(_, n, _)| !(n.contains("States") && n.contains("Pellik"))),
        "{ents:#?}"
    );
}

#[test]
fn a_place_before_a_treaty_head_is_no_place_entity() {
    let ents = entities("Delegates praised the Ravnia Accord, which limits fishing, on Monday.");
    assert!(!named(&ents, "Ravnia"), "{ents:#?}");
}

#[test]
fn a_multi_word_demonym_is_a_demonym_mention() {
    let doc = common::run("The South Korean firm opened a plant.");
    for e in doc.entities.iter().flatten() {
        for m in &e.mentions {
            if doc.slice(m.span) == "South Korean" {
                assert_eq!(m.kind, newsgraph_doc::MentionKind::Demonym);
            }
        }
    }
}

#[test]
fn names_listed_after_companies_such_as_are_organisations() {
    let ents = entities(
        "Leaders of companies such as Zorvex, Quillion and Brambleworth will attend the \
         meeting in Geneva.",
    );
    for n in ["Zorvex", "Quillion", "Brambleworth"] {
        assert!(has(&ents, EntityType::Org, n), "{n}: {ents:#?}");
    }
    assert!(has(&ents, EntityType::Gpe, "Geneva"), "{ents:#?}");
}

#[test]
fn a_common_noun_opening_a_sentence_is_no_name() {
    let ents = entities(
        "Glassblowing is an old craft. Many towns still teach glassblowing to children, \
         said Ilse Varga.",
    );
    assert!(!named(&ents, "Glassblowing"), "{ents:#?}");
    assert!(has(&ents, EntityType::Person, "Ilse Varga"), "{ents:#?}");
}
