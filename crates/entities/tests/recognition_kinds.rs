//! Recognition on short invented articles: heads of natural features and structures, fields of
//! study, holidays, outlets cut by the tagger, plural party names and sources of one word.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run, summary, with_mention};
use newsgraph_doc::{Doc, EntityType};

fn kind_of(doc: &Doc, text: &str) -> EntityType {
    with_mention(doc, text)
        .unwrap_or_else(|| panic!("{text}: {:?}", summary(doc)))
        .kind
}

#[test]
fn natural_features_and_structures_are_places_by_their_head() {
    let doc = run(
        "Scientists camped on the Varne Ice Shelf last winter. The Ross Glacier and the \
         Kelp Fjord melted early, while divers surveyed the Teal Lagoon. Trucks used the \
         Orran Tunnel.",
    );
    assert_eq!(kind_of(&doc, "Varne Ice Shelf"), EntityType::Loc);
    assert_eq!(kind_of(&doc, "Ross Glacier"), EntityType::Loc);
    assert_eq!(kind_of(&doc, "Kelp Fjord"), EntityType::Loc);
    assert_eq!(kind_of(&doc, "Teal Lagoon"), EntityType::Loc);
    assert_eq!(kind_of(&doc, "Orran Tunnel"), EntityType::Fac);
    assert!(with_mention(&doc, "Varne").is_none(), "{:?}", summary(&doc));
}

#[test]
fn fields_of_study_are_no_entities_but_departments_are() {
    let doc = run(
        "Tomas Ebb is Department chair in Educational Psychology and Sport Science at Kestrel \
         University. Ebb, a lecturer in Marine Studies, teaches Quantum Physics. He has a \
         master's in Urban Planning from the Department of Urban Planning.",
    );
    for field in [
        "Educational Psychology",
        "Sport Science",
        "Marine Studies",
        "Quantum Physics",
        "Urban Planning",
    ] {
        assert!(
            with_mention(&doc, field).is_none(),
            "{field}: {:?}",
            summary(&doc)
        );
    }
    assert_eq!(
        kind_of(&doc, "Department of Urban Planning"),
        EntityType::Org
    );
    assert_eq!(kind_of(&doc, "Kestrel University"), EntityType::Org);
    assert_eq!(kind_of(&doc, "Tomas Ebb"), EntityType::Person);
}

#[test]
fn holidays_are_no_entities_but_persons_and_islands_named_on_them_are() {
    let doc = run(
        "Pilgrims gathered for the Hajj as Ramadan ended. Families marked Yom Kippur. \
         Tourists flew to Easter Island.",
    );
    for h in ["Hajj", "Ramadan", "Yom Kippur"] {
        assert!(with_mention(&doc, h).is_none(), "{h}: {:?}", summary(&doc));
    }
    assert!(matches!(
        kind_of(&doc, "Easter Island"),
        EntityType::Loc | EntityType::Gpe
    ));
    let doc = run("Mayor Colm Easter said the Diwali market would reopen. Easter said no.");
    assert_eq!(kind_of(&doc, "Colm Easter"), EntityType::Person);
    assert!(
        with_mention(&doc, "Diwali").is_none(),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn an_outlet_cut_by_the_tagger_is_taken_whole() {
    let doc = run("Mina Ko told KC Weekly that she would run. Ko later told Harbour Weekly more.");
    assert_eq!(kind_of(&doc, "KC Weekly"), EntityType::Org);
    assert_eq!(kind_of(&doc, "Harbour Weekly"), EntityType::Org);
    assert!(with_mention(&doc, "LA").is_none(), "{:?}", summary(&doc));
}

#[test]
fn a_modifier_and_a_plural_of_party_members_name_a_party() {
    let doc = run(
        "Lin Hao of the Forward Democrats spoke first. The Young Greens protested outside the \
         hall.",
    );
    assert_eq!(kind_of(&doc, "Forward Democrats"), EntityType::Org);
    assert_eq!(kind_of(&doc, "Young Greens"), EntityType::Org);
    assert_eq!(kind_of(&doc, "Lin Hao"), EntityType::Person);
}

#[test]
fn an_unknown_source_word_is_kept_as_an_organisation() {
    let doc = run("Visits to the site doubled last year, according to Trafficor.");
    let e = with_mention(&doc, "Trafficor").unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert!(matches!(e.kind, EntityType::Org | EntityType::Person));
    let doc = run("According to Christian belief, the grave is old.");
    assert!(
        with_mention(&doc, "Christian").is_none(),
        "{:?}",
        summary(&doc)
    );
}
