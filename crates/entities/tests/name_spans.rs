//! Name spans of the entity stage on short invented articles: bodies named after persons,
//! coordinated given names, names run on into a person, agencies named by a country, and
//! acronyms spelled out as terms.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{entities, run, summary, with_mention};
use newsgraph_doc::EntityType;

#[test]
fn a_foundation_named_after_a_person_is_one_organisation_over_for_the() {
    let doc = run(
        "Gifts went to the Lena Marsh Foundation for the Performing Arts in Dover. \
         The foundation thanked donors.",
    );
    let f = with_mention(&doc, "Lena Marsh Foundation for the Performing Arts")
        .unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(f.kind, EntityType::Org);
    assert!(
        with_mention(&doc, "Lena Marsh").is_none(),
        "{:?}",
        summary(&doc)
    );
    assert!(
        with_mention(&doc, "Performing Arts").is_none(),
        "{:?}",
        summary(&doc)
    );
    assert!(
        f.mentions
            .iter()
            .any(|m| doc.slice(m.span).eq_ignore_ascii_case("the foundation")),
        "{:?}",
        f.mentions
    );
}

#[test]
fn coordinated_given_names_stay_in_the_museum_name() {
    let doc = run("Visitors toured the Ruth and Elias Brann Museum of Art on Sunday.");
    assert!(
        with_mention(&doc, "Ruth and Elias Brann Museum of Art").is_some(),
        "{:?}",
        summary(&doc)
    );
    assert!(with_mention(&doc, "Ruth").is_none(), "{:?}", summary(&doc));
}

#[test]
fn a_body_run_on_into_a_person_is_split() {
    let doc = run("Officials at the Council on Civic Relations Dana Ortiz said the plan failed.");
    let council = with_mention(&doc, "Council on Civic Relations")
        .unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(council.kind, EntityType::Org);
    let dana = with_mention(&doc, "Dana Ortiz").unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(dana.kind, EntityType::Person);
}

#[test]
fn an_agency_named_by_its_field_and_country_is_one_organisation() {
    let doc = run("The report was checked by Marine Parks Kenya before it went out.");
    let agency =
        with_mention(&doc, "Marine Parks Kenya").unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(agency.kind, EntityType::Org);
}

#[test]
fn a_study_is_no_organisation() {
    let doc = run("A paper on the Riverton Heart Health Study came out on Monday.");
    assert!(
        entities(&doc).iter().all(|e| e.kind != EntityType::Org),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn an_acronym_spelled_out_as_a_term_is_no_entity() {
    let doc = run(
        "Levels of Reactive Nitrogen Compounds (RNC) rose near the plant. RNC levels \
         fell later. Farmers spray QOS [quick oxidising salts, a class of \
         fertiliser] on the fields. Doctors track Mood Disorders (MD) too.",
    );
    assert!(entities(&doc).is_empty(), "{:?}", summary(&doc));
    // An organisation spelled out keeps its acronym.
    let doc = run(
        "Officials of the Department of Veterans Affairs (VA) met the Halden Water \
         Authority (HWA) on Monday.",
    );
    for acr in ["VA", "HWA"] {
        assert!(
            with_mention(&doc, acr).is_some(),
            "{acr}: {:?}",
            summary(&doc)
        );
    }
}

#[test]
fn a_memorial_named_after_a_person_is_one_place() {
    let doc = run("Fans filled the Lena Marsh Memorial Stadium on Sunday.");
    let m = with_mention(&doc, "Lena Marsh Memorial Stadium")
        .unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_ne!(m.kind, EntityType::Person);
}

#[test]
fn two_bodies_run_together_are_split_before_the_second_named_after_a_person() {
    let doc = run(
        "Visitors walked from the Harbour Maritime Museum Robert J. Voss \
         Center to the pier.",
    );
    assert!(
        with_mention(&doc, "Harbour Maritime Museum").is_some(),
        "{:?}",
        summary(&doc)
    );
    assert!(
        with_mention(&doc, "Robert J. Voss Center").is_some(),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn an_officer_title_is_cut_from_a_body_and_a_place_opener_is_kept() {
    let doc = run("Ada Crane, the Transport Ministry Spokesperson, said so. \
         Fort Tarrow Historic Park, a reconstruction of a camp, has fine views.");
    assert!(
        with_mention(&doc, "Transport Ministry").is_some(),
        "{:?}",
        summary(&doc)
    );
    assert!(
        with_mention(&doc, "Transport Ministry Spokesperson").is_none(),
        "{:?}",
        summary(&doc)
    );
    if let Some(p) = with_mention(&doc, "Tarrow Historic Park") {
        assert_ne!(p.kind, EntityType::Person, "{:?}", summary(&doc));
    }
}

#[test]
fn a_centre_for_two_subjects_is_one_organisation() {
    let doc = run(
        "The book was published by the Centre for Irish and Scottish Studies in \
         Aberdeen. He studied at the Institute of Marine Biology and Halden University.",
    );
    assert!(
        with_mention(&doc, "Centre for Irish and Scottish Studies").is_some(),
        "{:?}",
        summary(&doc)
    );
    assert!(
        with_mention(&doc, "Institute of Marine Biology").is_some(),
        "{:?}",
        summary(&doc)
    );
}
