//! Names in wire stories about invented people and organisations, each rule on a short
//! invented article: possessives inside organisations' names, party and group names without a
//! head word, brand names with a common word, given names before hyphenated surnames, agencies,
//! operations and divisions, diseases, demonyms and region adjectives, places after "near",
//! "port of" and in coordination, ships, sentence-opening prepositions, outlets told something,
//! inner words of long personal names, short company names, bodies of an organisation and
//! places named with their descriptor.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::name_lists as entities;
use newsgraph_doc::EntityType;

type Ents = Vec<(EntityType, String, Vec<String>)>;

fn get<'a>(ents: &'a Ents, name: &str) -> Option<&'a (EntityType, String, Vec<String>)> {
    ents.iter().find(|(_, n, _)| n == name)
}

fn typed(ents: &Ents, name: &str) -> Option<EntityType> {
    get(ents, name).map(|e| e.0)
}

fn mentioned(ents: &Ents, text: &str) -> bool {
    ents.iter().any(|(_, _, m)| m.iter().any(|x| x == text))
}

#[test]
fn a_possessive_inside_an_organisation_name_keeps_the_name_whole() {
    let ents = entities(
        "The Tarvo Grain Growers’ Union said on Monday that prices had collapsed. The Coastal \
         Hauliers' Association called a strike. The People's Renewal Party vowed to contest \
         the count in court.",
    );
    assert_eq!(
        typed(&ents, "Tarvo Grain Growers’ Union"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "Coastal Hauliers' Association"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "People's Renewal Party"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert!(!mentioned(&ents, "Renewal Party"), "{ents:#?}");
}

#[test]
fn a_run_before_a_lower_case_party_noun_is_a_party() {
    let ents = entities(
        "Prime Minister Ivo Rak lost his majority when the liberal Bright Meadow party quit the \
         coalition. Opposition leader Petr Hala of the nationalist Liberty and Bread party \
         demanded an early election. Diplomats said the Moscow-led alliance would not \
         intervene.",
    );
    assert_eq!(
        typed(&ents, "Bright Meadow"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "Liberty and Bread"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert!(get(&ents, "Moscow-led").is_none(), "{ents:#?}");
}

#[test]
fn a_group_calling_itself_a_name_is_an_organisation() {
    let ents = entities(
        "A criminal group calling itself Grey Kestrel claimed responsibility for the attack on \
         the water utility and demanded a ransom.",
    );
    assert_eq!(
        typed(&ents, "Grey Kestrel"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn a_brand_with_a_common_word_after_an_organisation_noun_stays_whole() {
    let ents = entities(
        "The Dutch charity TideWatch Rescue said its plane had sighted the boat. A government \
         source accused TideWatch Rescue of playing politics.",
    );
    let e = get(&ents, "TideWatch Rescue").expect("the charity");
    assert_eq!(e.0, EntityType::Org);
    assert_eq!(e.2.len(), 2, "{ents:#?}");
    assert!(!mentioned(&ents, "TideWatch"), "{ents:#?}");
}

#[test]
fn a_given_name_after_a_title_joins_a_hyphenated_surname() {
    let ents = entities(
        "Youth and Sports Minister Patience Asante-Boakye said the government respected the \
         statutes of the federation.",
    );
    assert_eq!(
        typed(&ents, "Patience Asante-Boakye"),
        Some(EntityType::Person),
        "{ents:#?}"
    );
}

#[test]
fn agencies_operations_and_divisions_are_typed_by_their_shape() {
    let ents = entities(
        "Police identified two suspects with help from Eurojust. A Dutch frigate serving with \
         the alliance's Operation Sea Warden intercepted a cargo ship. Gen. Rosa Pardo, \
         commander of the army's Fifth Division, said the fighters had surrendered. \
         Irregularities were reported in the count in the Northern Division.",
    );
    assert_eq!(typed(&ents, "Eurojust"), Some(EntityType::Org), "{ents:#?}");
    assert_eq!(
        typed(&ents, "Operation Sea Warden"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "Fifth Division"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "Northern Division"),
        Some(EntityType::Loc),
        "{ents:#?}"
    );
}

#[test]
fn diseases_are_no_entities() {
    let ents = entities(
        "Health officials in Uganda reported an outbreak of the Kavo virus on Tuesday. There is \
         no vaccine for Kavo, which is related to dengue and Zika, the ministry said.",
    );
    assert!(!mentioned(&ents, "Kavo"), "{ents:#?}");
    assert!(!mentioned(&ents, "Zika"), "{ents:#?}");
    assert!(get(&ents, "Uganda").is_some(), "{ents:#?}");
}

#[test]
fn demonyms_and_region_adjectives_are_no_names() {
    let ents = entities(
        "Uzbekistan and Chile signed ten agreements on Monday. It was the first visit by a \
         Chilean leader to the Central Asian nation. Tajik and Uzbek officials attended the \
         signing.",
    );
    assert!(get(&ents, "Central Asian").is_none(), "{ents:#?}");
    assert!(
        !ents
            .iter()
            .any(|(t, n, _)| *t == EntityType::Person && (n == "Uzbek" || n == "Tajik")),
        "{ents:#?}"
    );
    assert!(get(&ents, "Uzbekistan").is_some(), "{ents:#?}");
}

#[test]
fn places_after_near_port_of_and_in_coordination() {
    let ents = entities(
        "Amina Yusuf, a mother of four from a village near Qorlabad, said she had walked for \
         days. The freighter left the port of Anchor on Sunday, bound north. Rescue boats \
         waited off the beaches at Tilbury and Wallagoot, he said.",
    );
    assert_eq!(typed(&ents, "Qorlabad"), Some(EntityType::Gpe), "{ents:#?}");
    assert_eq!(typed(&ents, "Anchor"), Some(EntityType::Gpe), "{ents:#?}");
    assert_eq!(
        typed(&ents, "Wallagoot"),
        Some(EntityType::Gpe),
        "{ents:#?}"
    );
}

#[test]
fn ships_and_opening_prepositions_are_no_part_of_names() {
    let ents = entities(
        "Inspectors found armoured vehicles aboard the Panama-flagged Sea Marten on Tuesday. \
         Outside Parliament in central Tallinn, police dispersed a crowd.",
    );
    assert!(!mentioned(&ents, "Sea Marten"), "{ents:#?}");
    assert!(!mentioned(&ents, "Outside Parliament"), "{ents:#?}");
    assert!(get(&ents, "Tallinn").is_some(), "{ents:#?}");
}

#[test]
fn an_outlet_told_something_is_an_organisation() {
    let ents = entities(
        "The minister denied the report, telling Harbour Wire the account was pure fiction.",
    );
    assert_eq!(
        typed(&ents, "Harbour Wire"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn short_names_join_their_long_forms() {
    let ents = entities(
        "Esteban Villca Torrico, the union's secretary general, spoke to reporters. Villca said \
         the miners would stay. The regulator fined telecoms operator Norvelo Telecomunicações 3 million euros. \
         Norvelo said it would appeal.",
    );
    let p = get(&ents, "Esteban Villca Torrico").expect("the person");
    assert!(p.2.iter().any(|m| m == "Villca"), "{ents:#?}");
    let c = get(&ents, "Norvelo Telecomunicações").expect("the company");
    assert!(c.2.iter().any(|m| m == "Norvelo"), "{ents:#?}");
}

#[test]
fn a_body_of_an_organisation_and_a_described_place_stay_apart() {
    let ents = entities(
        "The arrest drew condemnation from the Sahelian Union and the United States. The \
         Sahelian Union Commission voiced alarm and urged restraint. Talks to end a strike at the \
         Cerro Blanco copper mine collapsed on Monday, the Cerro Blanco Mineworkers' Federation \
         said.",
    );
    assert!(get(&ents, "Sahelian Union").is_some(), "{ents:#?}");
    assert!(
        get(&ents, "Sahelian Union Commission").is_some(),
        "{ents:#?}"
    );
    let fed = get(&ents, "Cerro Blanco Mineworkers' Federation").expect("the federation");
    assert!(!fed.2.iter().any(|m| m == "Cerro Blanco"), "{ents:#?}");
    assert!(mentioned(&ents, "Cerro Blanco"), "{ents:#?}");
}

#[test]
fn an_organ_named_in_a_title_is_its_own_organisation() {
    let ents = entities(
        "The communiqué, read out by SADEC Commission President Amina Sowe, committed member \
         states to a standby force. Leaders of SADEC met in Lusaka.",
    );
    assert_eq!(
        typed(&ents, "SADEC Commission"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "Amina Sowe"),
        Some(EntityType::Person),
        "{ents:#?}"
    );
    assert!(mentioned(&ents, "SADEC"), "{ents:#?}");
}

#[test]
fn a_party_named_in_an_apposition_or_with_an_article_word() {
    let ents = entities(
        "The prime minister said he would govern with the Green Future, the remaining junior \
         partner. Civic Renewal, the opposition party, said it would vote against the budget. \
         Ivo Rak, the party leader, declined to comment. Gunmen from the Ansar al-Hadid militia \
         attacked a police post near the border.",
    );
    assert_eq!(
        typed(&ents, "Green Future"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "Civic Renewal"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "Ivo Rak"),
        Some(EntityType::Person),
        "{ents:#?}"
    );
    assert_eq!(
        typed(&ents, "Ansar al-Hadid"),
        Some(EntityType::Org),
        "{ents:#?}"
    );
}

#[test]
fn a_town_and_its_state_are_no_apposition() {
    let ents = entities("Senator Mara Quill was born in Fresno, California to a teacher.");
    assert!(
        ents.iter()
            .any(|(t, n, _)| *t == EntityType::Gpe && n.starts_with("Fresno")),
        "{ents:#?}"
    );
}

#[test]
fn a_province_named_after_the_dateline_town_is_another_place() {
    let ents = entities(
        "TANAVAR, Jan. 23 (Harbour Wire) - Drones struck an oil depot near Tanavar on Monday. \
         A similar raid in October cut power to much of Tanavar province for a week.",
    );
    assert_eq!(typed(&ents, "Tanavar"), Some(EntityType::Gpe), "{ents:#?}");
    assert_eq!(
        typed(&ents, "Tanavar province"),
        Some(EntityType::Gpe),
        "{ents:#?}"
    );
}

#[test]
fn a_capitalised_run_before_a_facility_descriptor_is_the_facility() {
    let ents = entities(
        "Drones struck the Kora Dun gas field on Monday, engineers said. The Syrian oil field \
         nearby was untouched.",
    );
    assert_eq!(typed(&ents, "Kora Dun"), Some(EntityType::Fac), "{ents:#?}");
    assert!(!mentioned(&ents, "Syrian"), "{ents:#?}");
}
