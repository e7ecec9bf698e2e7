//! Types of names the knowledge base does not know, set by their context: a person's
//! organisation after "of", names in apposition after a plural noun, "the X in <city>", a
//! town's region after "in <town>,", group names ending in a plural noun, a person noun or an
//! organisation noun before a name, a pollster before "poll", and "The X" nicknames of one
//! common word in the knowledge base.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use newsgraph_doc::EntityType;

/// The entities of `text` as `(type, mention texts)`.
fn entities(text: &str) -> Vec<(EntityType, Vec<String>)> {
    common::mention_lists(text)
        .into_iter()
        .map(|(kind, _, texts)| (kind, texts))
        .collect()
}

/// The type of the entity with a mention `text`.
fn type_of(ents: &[(EntityType, Vec<String>)], text: &str) -> Option<EntityType> {
    ents.iter()
        .find(|(_, m)| m.iter().any(|x| x == text))
        .map(|(t, _)| *t)
}

fn is_place(t: Option<EntityType>) -> bool {
    matches!(t, Some(EntityType::Gpe | EntityType::Loc | EntityType::Fac))
}

#[test]
fn a_name_after_a_person_and_of_is_no_person() {
    let ents = entities(
        "The photographs show guitarist Tam Reyes of Velvet Orchard and the painter Ilse \
         Varga. Reyes said the band would tour again.",
    );
    assert_eq!(
        type_of(&ents, "Tam Reyes"),
        Some(EntityType::Person),
        "{ents:#?}"
    );
    assert_eq!(
        type_of(&ents, "Velvet Orchard"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn names_after_a_plural_organisation_noun_are_organisations() {
    let ents = entities(
        "The court ruled that the private schools Santa Morena and Corvalle in Verona must \
         pay the tax. The ruling was published on Tuesday.",
    );
    assert_eq!(
        type_of(&ents, "Corvalle"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        type_of(&ents, "Santa Morena"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn names_after_a_plural_place_noun_are_places() {
    let ents = entities(
        "From the harbour visitors can see the islands Port Lune and Varessa on a clear day.",
    );
    assert!(is_place(type_of(&ents, "Varessa")), "{ents:#?}");
}

#[test]
fn a_relative_clause_after_a_plural_noun_is_no_apposition() {
    let ents = entities("He sold the firms Alvar Munt had founded in the 1990s.");
    assert_ne!(
        type_of(&ents, "Alvar Munt"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn an_unknown_name_in_a_city_is_an_organisation() {
    let ents = entities(
        "Next month she will perform at the Silver Kettle in Leeds and at a festival in Rome.",
    );
    assert_eq!(
        type_of(&ents, "Silver Kettle"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert!(is_place(type_of(&ents, "Leeds")), "{ents:#?}");
}

#[test]
fn a_word_after_in_a_town_and_a_comma_is_its_region() {
    let ents = entities(
        "The novelist Aldo Ferri was born in Montevarchi, Valdora, in 1950 and moved to \
         Milan.",
    );
    assert!(is_place(type_of(&ents, "Valdora")), "{ents:#?}");
}

#[test]
fn a_subject_after_a_town_and_a_comma_stays_a_person() {
    let ents = entities("The team won in Denver, Ramirez scoring twice.");
    assert_eq!(
        type_of(&ents, "Ramirez"),
        Some(EntityType::Person),
        "{ents:#?}"
    );
}

#[test]
fn a_name_ending_in_a_plural_noun_is_a_group() {
    let ents = entities(
        "Other fan groups at the show included the Ottawa Stormchasers, who raised money for \
         a children's hospital.",
    );
    assert_eq!(
        type_of(&ents, "Ottawa Stormchasers"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn a_place_ending_in_a_plural_stays_a_place() {
    let ents = entities("The family moved to Cedar Springs in 1990 and later to Millbrook.");
    assert_ne!(
        type_of(&ents, "Cedar Springs"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn a_one_word_nickname_with_the_links_nothing() {
    let ents = entities(
        "The Foundation said the grant would fund a new library. The Cornerstone is a small \
         charity in Boston.",
    );
    for (_, m) in &ents {
        assert!(!m.iter().any(|x| x == "El Rukn"), "{ents:#?}");
    }
}

#[test]
fn a_person_noun_before_a_name_makes_a_person() {
    let ents = entities("The album was made with the composer Ilse Varga in Oslo.");
    assert_eq!(
        type_of(&ents, "Ilse Varga"),
        Some(EntityType::Person),
        "{ents:#?}"
    );
}

#[test]
fn a_name_after_band_is_an_organisation() {
    let ents = entities("Many fans of the band Kester Vale spoke to us after the show.");
    assert_eq!(
        type_of(&ents, "Kester Vale"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn a_name_before_poll_is_a_pollster() {
    let ents =
        entities("The latest Newsday / Kessler poll from late May placed him at 13 percent.");
    assert_eq!(
        type_of(&ents, "Kessler"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn a_full_name_with_a_given_name_after_in_stays_a_person() {
    let ents = entities("In the ninth inning Okonye drove in Marco Velli with a single.");
    assert_eq!(
        type_of(&ents, "Marco Velli"),
        Some(EntityType::Person),
        "{ents:#?}"
    );
    let ents = entities("The team trained in Victoria for a week.");
    assert!(is_place(type_of(&ents, "Victoria")), "{ents:#?}");
}

#[test]
fn two_letters_after_a_town_and_a_comma_are_a_state() {
    let ents = entities("The shop lies between the Brookvale, NJ retail strip and the river.");
    assert!(is_place(type_of(&ents, "NJ")), "{ents:#?}");
}

#[test]
fn the_side_of_a_place_is_no_team() {
    let ents = entities("Shells landed on the Lebanon side of the border on Monday.");
    assert!(is_place(type_of(&ents, "Lebanon")), "{ents:#?}");
}

#[test]
fn every_name_in_a_list_after_the_towns_of_is_a_place() {
    let ents = entities(
        "It has merged with the neighbouring towns of Brackley, Tolvern, Ashby, Chandler and \
         Gilbert over the years.",
    );
    for name in ["Ashby", "Chandler", "Gilbert"] {
        assert!(is_place(type_of(&ents, name)), "{name}: {ents:#?}");
    }
}

#[test]
fn a_name_after_a_comma_without_a_list_keeps_its_type() {
    let ents = entities("Residents of Tolvern, Maria Okafor said, had been warned.");
    assert_eq!(
        type_of(&ents, "Maria Okafor"),
        Some(EntityType::Person),
        "{ents:#?}"
    );
}
