//! Name rules of the entity stage on short invented articles: acronyms, business contexts,
//! centres, treaties, vehicles, reference lists, captions and web addresses.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{entities, run, summary, with_name as with_mention};
use newsgraph_doc::{Entity, EntityType, MentionKind};

#[test]
fn a_lone_acronym_is_an_organisation_but_common_acronyms_are_not() {
    let doc = run("Staff at the KVRB said the new CEO would review the plan. \
         The agency's DNA tests were shown on TV in 2021.");
    let kvrb = with_mention(&doc, "KVRB").unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(kvrb.kind, EntityType::Org);
    for word in ["CEO", "DNA", "TV"] {
        assert!(
            with_mention(&doc, word).is_none(),
            "{word}: {:?}",
            summary(&doc)
        );
    }
}

#[test]
fn a_source_or_a_business_context_is_no_place() {
    let doc = run(
        "According to Le Vantard, the plan was dropped. Ana Ruiz, founder of Brindle Lane, agreed.",
    );
    if let Some(e) = with_mention(&doc, "Le Vantard") {
        assert_eq!(e.kind, EntityType::Org, "{:?}", summary(&doc));
    }
    if let Some(e) = with_mention(&doc, "Brindle Lane") {
        assert!(
            !matches!(e.kind, EntityType::Gpe | EntityType::Loc | EntityType::Fac),
            "{:?}",
            summary(&doc)
        );
    }
}

#[test]
fn a_convention_centre_is_a_place_and_a_research_centre_an_organisation() {
    let doc = run(
        "The fair opened at the Marlow Convention Centre on Friday. \
         Researchers at the Centre for Coastal Studies presented a report.",
    );
    let fair = with_mention(&doc, "Marlow Convention Centre")
        .unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(fair.kind, EntityType::Fac);
    let research = with_mention(&doc, "Centre for Coastal Studies")
        .unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(research.kind, EntityType::Org);
}

#[test]
fn a_place_naming_a_treaty_is_no_mention() {
    let doc = run("Both governments signed the Tallinn Accord last year and said it would hold.");
    assert!(
        with_mention(&doc, "Tallinn").is_none(),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn vehicles_are_no_entities() {
    let doc = run("The crew boarded Space Shuttle Orvanta in Florida. \
         Later, Orvanta landed safely, and HMS Quillon sailed home.");
    assert!(
        with_mention(&doc, "Orvanta").is_none(),
        "{:?}",
        summary(&doc)
    );
    assert!(
        !entities(&doc).iter().any(|e| e.name.contains("Quillon")),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn a_reference_list_entry_is_one_person_named_in_order() {
    let doc = run(
        "My favourite books:\nBrannigan, John. The Long Road Home\nOther titles are listed below.",
    );
    let e = entities(&doc)
        .iter()
        .find(|e| e.kind == EntityType::Person)
        .unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(e.name, "John Brannigan", "{:?}", summary(&doc));
    assert_eq!(
        entities(&doc)
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .count(),
        1,
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn a_caption_word_is_cut_and_web_addresses_hold_no_names() {
    let doc = run(
        "The delegates met in Ravenmoor Hall. Image: Tomas Keller.\n\
         Read more at (http://www.example.org/wiki:Green-Harbour-Plan) today.",
    );
    assert!(
        !entities(&doc).iter().any(|e| e.name.ends_with("Image")),
        "{:?}",
        summary(&doc)
    );
    assert!(
        !entities(&doc).iter().any(|e| e.name.contains("Harbour")),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn an_outlet_named_on_news_is_an_organisation() {
    let doc = run("Speaking to Quarrynews on Monday, the mayor defended the budget.");
    if let Some(e) = with_mention(&doc, "Quarrynews") {
        assert_eq!(e.kind, EntityType::Org, "{:?}", summary(&doc));
    }
}

#[test]
fn a_name_after_an_organisation_noun_is_an_organisation() {
    let doc = run("A drone operated by the border agency Voltrax had tracked the boat on Monday.");
    let e = with_mention(&doc, "Voltrax").unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(e.kind, EntityType::Org);
}

#[test]
fn the_short_name_of_an_organisation_of_something_joins_it() {
    let doc = run("Members of the Church of Zantora met in Lyon on Sunday. \
         The Church said the meeting was private.");
    let churches: Vec<&Entity> = entities(&doc)
        .iter()
        .filter(|e| e.name.contains("Church"))
        .collect();
    assert_eq!(churches.len(), 1, "{:?}", summary(&doc));
}

#[test]
fn a_full_name_does_not_join_the_foundation_named_after_it() {
    let doc = run(
        "The Peter Halvorsen Foundation gave the museum 300 prints. \
         Peter Halvorsen took the photographs in the 1970s, and Halvorsen kept them all.",
    );
    let person =
        with_mention(&doc, "Peter Halvorsen").unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(person.kind, EntityType::Person, "{:?}", summary(&doc));
}

#[test]
fn a_generational_suffix_stays_in_the_name() {
    let doc = run("Police said Corwin Mabry III was arrested in Ohio on Friday.");
    assert!(
        with_mention(&doc, "Corwin Mabry III").is_some(),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn a_place_after_the_town_of_and_a_repeat_of_a_listed_company_are_found() {
    let doc = run("In the town of Bexmoor, a fire broke out on Sunday. \
         Vantrix will open an office there. Firms such as Corlund, Vantrix and Halbeck \
         have invested in the region.");
    let town = with_mention(&doc, "Bexmoor").unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert!(
        matches!(town.kind, EntityType::Gpe | EntityType::Loc),
        "{:?}",
        summary(&doc)
    );
    if let Some(v) = with_mention(&doc, "Vantrix") {
        let n = v
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
            .count();
        assert_eq!(n, 2, "{:?}", summary(&doc));
    }
}

#[test]
fn an_age_in_apposition_or_a_birth_shows_a_person() {
    let doc = run(
        "Two years later, Brannock, now 31, is on trial in the capital. \
         Flint was born on March 3, 1841, on a farm outside the town.",
    );
    for name in ["Brannock", "Flint"] {
        let e = with_mention(&doc, name).unwrap_or_else(|| panic!("{name}: {:?}", summary(&doc)));
        assert_eq!(e.kind, EntityType::Person, "{name}: {:?}", summary(&doc));
    }
}

#[test]
fn a_well_known_company_is_an_organisation_however_the_tagger_reads_it() {
    let doc = run(
        "Huawei said on Monday it would open a laboratory in Varnholm. \
         Dagny Strand, who leads the project, announced the plan on Twitter.",
    );
    for word in ["Huawei", "Twitter"] {
        let e = with_mention(&doc, word).unwrap_or_else(|| panic!("{word}: {:?}", summary(&doc)));
        assert_eq!(e.kind, EntityType::Org, "{word}: {:?}", summary(&doc));
    }
}

#[test]
fn a_country_standing_for_its_side_in_a_match_report_is_a_team() {
    let doc = run("Brazil beat Norway 3 – 1 in Tuesday's opening match. \
         Norway's coach, Ivar Lunde, said his players had tired late in the game.");
    for word in ["Brazil", "Norway"] {
        let e = with_mention(&doc, word).unwrap_or_else(|| panic!("{word}: {:?}", summary(&doc)));
        assert_eq!(e.kind, EntityType::Org, "{word}: {:?}", summary(&doc));
    }
}

#[test]
fn a_country_in_a_news_report_with_figures_stays_a_place() {
    let doc = run("Brazil sent 12 doctors to Norway last week. \
         The ministry said 3 – 4 more teams would follow in May.");
    for word in ["Brazil", "Norway"] {
        let e = with_mention(&doc, word).unwrap_or_else(|| panic!("{word}: {:?}", summary(&doc)));
        assert_eq!(e.kind, EntityType::Gpe, "{word}: {:?}", summary(&doc));
    }
}

#[test]
fn an_unknown_acronym_names_no_person_or_place() {
    let doc = run("Talks between KVL and the union broke down on Friday. \
         Arne Vik, who chairs KVL, said the offer stood.");
    if let Some(e) = with_mention(&doc, "KVL") {
        assert_eq!(e.kind, EntityType::Org, "{:?}", summary(&doc));
    }
    assert!(
        entities(&doc)
            .iter()
            .all(|e| e.kind != EntityType::Person || e.name != "KVL"),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn a_hyphenated_place_name_is_one_name_but_two_places_joined_stay_apart() {
    let doc = run("Floods hit the Haute-Varenne region on Sunday. \
         The Norway-Sweden border stayed open, officials in Oslo said.");
    assert!(
        with_mention(&doc, "Haute-Varenne").is_some(),
        "{:?}",
        summary(&doc)
    );
    assert!(
        with_mention(&doc, "Norway-Sweden").is_none(),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn once_an_article_is_a_sports_report_weaker_signs_mark_the_other_sides() {
    let doc = run("Nobody could stop this Brazil side on Saturday. \
         Norway are out of the tournament, and their fans flew home to Oslo.");
    for word in ["Brazil", "Norway"] {
        let e = with_mention(&doc, word).unwrap_or_else(|| panic!("{word}: {:?}", summary(&doc)));
        assert_eq!(e.kind, EntityType::Org, "{word}: {:?}", summary(&doc));
    }
    let oslo = with_mention(&doc, "Oslo").unwrap_or_else(|| panic!("{:?}", summary(&doc)));
    assert_eq!(oslo.kind, EntityType::Gpe, "{:?}", summary(&doc));
}
