//! The entity stage on short invented articles.
//!
//! Every test goes through [`check`], the only code here that touches the stage: it runs the
//! article stages and the entity stage, checks the offsets invariant, and renders the entities
//! one a line as `TYPE name [mention:kind | …] titles=[…] aff=[…] kb=…`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_doc::{check_spans, Doc, Entity, EntityType, MentionKind, Meta, Stage};
use newsgraph_entities::EntityStage;
use std::sync::OnceLock;

fn stage() -> &'static EntityStage {
    static STAGE: OnceLock<EntityStage> = OnceLock::new();
    STAGE.get_or_init(|| EntityStage::new().expect("embedded model and knowledge base"))
}

/// Runs the pipeline's article stages and the entity stage on `text`.
fn run(text: &str) -> Doc {
    let mut doc = Doc::new("t", text, Meta::default());
    for s in newsgraph_segment::article_stages() {
        s.run(&mut doc);
    }
    stage().run(&mut doc);
    assert_eq!(check_spans(&doc), vec![], "offsets invariant");
    for e in doc.entities.iter().flatten() {
        assert!(!e.mentions.is_empty(), "entity without mentions: {e:?}");
        for m in &e.mentions {
            assert!(m.span.get(doc.text()).is_some());
        }
        for a in &e.affiliations {
            assert!(a.index() < doc.entities.as_ref().map_or(0, Vec::len));
        }
    }
    doc
}

fn render(doc: &Doc, e: &Entity) -> String {
    let mentions: Vec<String> = e
        .mentions
        .iter()
        .map(|m| format!("{}:{}", doc.slice(m.span), m.kind.as_str()))
        .collect();
    let entities = doc.entities.as_deref().unwrap_or(&[]);
    let aff: Vec<&str> = e
        .affiliations
        .iter()
        .filter_map(|a| entities.get(a.index()))
        .map(|a| a.name.as_str())
        .collect();
    format!(
        "{} {} [{}] titles={:?} aff={:?} kb={}",
        e.kind.as_str(),
        e.name,
        mentions.join(" | "),
        e.titles,
        aff,
        e.kb.as_ref().map_or("-", |k| k.id.as_str())
    )
}

/// Runs the stage on `text` and returns the rendered entities.
fn check(text: &str) -> (Doc, Vec<String>) {
    let doc = run(text);
    let lines = doc
        .entities
        .iter()
        .flatten()
        .map(|e| render(&doc, e))
        .collect();
    (doc, lines)
}

fn find<'d>(doc: &'d Doc, name: &str) -> &'d Entity {
    doc.entities
        .iter()
        .flatten()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", doc.entities))
}

fn texts(doc: &Doc, e: &Entity, kind: MentionKind) -> Vec<String> {
    e.mentions
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| doc.slice(m.span).to_owned())
        .collect()
}

#[test]
fn titles_are_cut_from_names_and_kept() {
    let (doc, lines) = check(
        "Foreign Minister Daniel Mwangi arrived in Nairobi on Monday. \
         Mwangi said talks would resume.",
    );
    let e = find(&doc, "Daniel Mwangi");
    assert_eq!(e.kind, EntityType::Person, "{lines:#?}");
    assert_eq!(
        texts(&doc, e, MentionKind::Name),
        ["Daniel Mwangi", "Mwangi"]
    );
    assert_eq!(e.titles, ["Foreign Minister"]);
}

#[test]
fn apposition_adds_a_title_and_a_nominal_mention() {
    let (doc, lines) = check(
        "Maria Santos, the health minister, visited the clinic on Friday. \
         The health minister promised new funds.",
    );
    let e = find(&doc, "Maria Santos");
    assert!(
        e.titles.iter().any(|t| t == "health minister"),
        "{lines:#?}"
    );
    let nominal = texts(&doc, e, MentionKind::Nominal);
    assert!(
        nominal.contains(&"the health minister".to_owned()),
        "{lines:#?}"
    );
    assert!(
        nominal.contains(&"The health minister".to_owned()),
        "{lines:#?}"
    );
}

#[test]
fn partial_names_join_the_full_name() {
    let (doc, lines) = check(
        "Police in Lagos arrested Tunde Adebayo Bakare on Tuesday. \
         Bakare denied the charges, his lawyer said. Officers later released Bakare.",
    );
    let persons: Vec<&String> = lines.iter().filter(|l| l.starts_with("PERSON")).collect();
    assert_eq!(persons.len(), 1, "{lines:#?}");
    let e = find(&doc, "Tunde Adebayo Bakare");
    assert_eq!(texts(&doc, e, MentionKind::Name).len(), 3, "{lines:#?}");
}

#[test]
fn a_clear_pronoun_is_resolved() {
    let (doc, lines) =
        check("Amina Yusuf won the election in Kano on Sunday. She promised to rebuild the roads.");
    let e = find(&doc, "Amina Yusuf");
    assert_eq!(texts(&doc, e, MentionKind::Pronoun), ["She"], "{lines:#?}");
}

#[test]
fn an_ambiguous_pronoun_is_left_unresolved() {
    let (doc, lines) =
        check("Peter Novak met Jonas Berg in Vienna on Monday, and he said the talks went well.");
    for e in doc.entities.iter().flatten() {
        assert!(
            texts(&doc, e, MentionKind::Pronoun).is_empty(),
            "resolved an ambiguous pronoun: {lines:#?}"
        );
    }
}

#[test]
fn demonyms_are_mentions_of_their_country() {
    let (doc, lines) = check(
        "Iranian officials met envoys in Geneva on Tuesday. \
         Iran said the meeting was useful.",
    );
    let iran = find(&doc, "Iran");
    assert_eq!(iran.kind, EntityType::Gpe);
    assert_eq!(
        texts(&doc, iran, MentionKind::Demonym),
        ["Iranian"],
        "{lines:#?}"
    );
    assert_eq!(texts(&doc, iran, MentionKind::Name), ["Iran"], "{lines:#?}");
}

#[test]
fn a_demonym_naming_an_actor_makes_its_country() {
    let (doc, lines) = check("Kenyan troops crossed the border at dawn, witnesses said.");
    let kenya = find(&doc, "Kenya");
    assert_eq!(
        texts(&doc, kenya, MentionKind::Demonym),
        ["Kenyan"],
        "{lines:#?}"
    );
}

#[test]
fn collective_actors_are_groups_with_affiliations() {
    let (doc, lines) = check(
        "Iran-backed militias fired rockets at a base in Syria on Sunday. \
         Israeli troops returned fire, the army said.",
    );
    let militias = find(&doc, "Iran-backed militias");
    assert_eq!(militias.kind, EntityType::Group);
    let entities = doc.entities.as_deref().unwrap_or(&[]);
    let aff: Vec<&str> = militias
        .affiliations
        .iter()
        .filter_map(|a| entities.get(a.index()))
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(aff, ["Iran"], "{lines:#?}");
    let troops = find(&doc, "Israeli troops");
    assert_eq!(troops.kind, EntityType::Group, "{lines:#?}");
    assert!(!troops.affiliations.is_empty(), "{lines:#?}");
}

#[test]
fn countries_link_to_the_knowledge_base() {
    let (doc, lines) = check(
        "The U.S. imposed new sanctions on Friday. The United States said more would follow.",
    );
    let usa = find(&doc, "United States");
    let kb = usa.kb.as_ref().expect("linked");
    assert_eq!(kb.id, "kb:USA");
    assert!(kb.codes.contains(&("iso3".to_owned(), "USA".to_owned())));
    assert!(kb.codes.contains(&("cameo".to_owned(), "USA".to_owned())));
    assert_eq!(
        texts(&doc, usa, MentionKind::Name),
        ["U.S.", "United States"],
        "{lines:#?}"
    );
}

#[test]
fn a_sea_is_a_location() {
    let (doc, lines) =
        check("Rebels attacked a tanker in the Red Sea on Thursday, the shipping company said.");
    let sea = find(&doc, "Red Sea");
    assert_eq!(sea.kind, EntityType::Loc, "{lines:#?}");
}

#[test]
fn an_airport_is_a_facility() {
    let (doc, lines) = check("Flights resumed at Kotoka Airport on Monday, officials said.");
    let e = find(&doc, "Kotoka Airport");
    assert_eq!(e.kind, EntityType::Fac, "{lines:#?}");
}

#[test]
fn an_acronym_in_brackets_joins_its_name() {
    let (doc, lines) = check(
        "The Coastal Farmers Union (CFU) called a strike on Monday. \
         The CFU said prices had doubled.",
    );
    let e = find(&doc, "Coastal Farmers Union");
    assert_eq!(e.kind, EntityType::Org);
    assert_eq!(texts(&doc, e, MentionKind::Name).len(), 3, "{lines:#?}");
}

#[test]
fn a_dateline_gives_a_place_and_an_outlet() {
    let (doc, lines) = check(
        "NAIROBI, May 3 (Lakeside Wire) - Heavy rain flooded roads in the capital on Friday.",
    );
    assert_eq!(find(&doc, "Nairobi").kind, EntityType::Gpe, "{lines:#?}");
    assert_eq!(
        find(&doc, "Lakeside Wire").kind,
        EntityType::Org,
        "{lines:#?}"
    );
}

#[test]
fn an_all_caps_headline_gives_sensible_output() {
    let text = "IRAN AND IRAQ SIGN WATER DEAL\n\nIran and Iraq signed a deal on Monday.";
    let (doc, lines) = check(text);
    let iran = find(&doc, "Iran");
    assert_eq!(iran.kind, EntityType::Gpe, "{lines:#?}");
    // No entity is made of headline words that are not names.
    for l in &lines {
        assert!(!l.contains("WATER") && !l.contains("SIGN"), "{lines:#?}");
    }
}

#[test]
fn text_without_capitals_gives_no_names() {
    let (_doc, lines) =
        check("the minister said on monday that the talks would go on. he left early.");
    assert!(
        lines
            .iter()
            .all(|l| !l.starts_with("PERSON") && !l.starts_with("ORG")),
        "{lines:#?}"
    );
}

#[test]
fn a_list_of_two_hundred_names() {
    let first = [
        "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo",
    ];
    let last = [
        "Abara", "Belov", "Cortez", "Dahl", "Eze", "Fuentes", "Gruber", "Haddad", "Ivanova",
        "Jensen", "Kaur", "Lindgren", "Mensah", "Novak", "Okafor", "Petrov", "Quispe", "Rossi",
        "Suzuki", "Tanaka", "Umar", "Varga", "Weber", "Xu", "Yilmaz",
    ];
    let mut names = Vec::new();
    for l in last {
        for f in first {
            names.push(format!("{f} {l}"));
        }
    }
    assert_eq!(names.len(), 200);
    let text = format!("The committee thanked {}.", names.join(", "));
    let (doc, lines) = check(&text);
    let persons = lines.iter().filter(|l| l.starts_with("PERSON")).count();
    assert!(persons >= 150, "only {persons} persons: {lines:#?}");
    // Distinct full names stay distinct entities.
    let mut seen = std::collections::HashSet::new();
    for e in doc.entities.iter().flatten() {
        if e.kind == EntityType::Person {
            assert!(seen.insert(e.name.clone()), "duplicate {}", e.name);
        }
    }
}

#[test]
fn diacritics_and_other_scripts() {
    let (doc, lines) = check(
        "Zoë Ødegård met José Martínez in Malmö on Monday. \
         Ødegård said: «Мы договорились». В Москве 東京 مرحبا.",
    );
    let e = find(&doc, "Zoë Ødegård");
    assert_eq!(e.kind, EntityType::Person, "{lines:#?}");
    assert_eq!(
        texts(&doc, e, MentionKind::Name),
        ["Zoë Ødegård", "Ødegård"]
    );
}

#[test]
fn an_empty_document() {
    let (doc, lines) = check("");
    assert!(lines.is_empty());
    assert_eq!(doc.entities, Some(vec![]));
    let (_doc, lines) = check("   \n\n  ");
    assert!(lines.is_empty());
}

#[test]
fn a_long_sentence_without_punctuation() {
    let mut text = String::new();
    for i in 0..10_000 {
        text.push_str(if i % 50 == 0 { "Ghana " } else { "word " });
    }
    let (doc, _lines) = check(&text);
    let ghana = find(&doc, "Ghana");
    assert_eq!(ghana.mentions.len(), 200);
}

#[test]
fn descriptions_with_an_owner_find_their_person() {
    let (doc, lines) = check(
        "Hamas leader Yusuf Adwan met officials in Cairo on Monday. \
         The head of Hamas said a truce was possible.",
    );
    let e = find(&doc, "Yusuf Adwan");
    assert!(
        texts(&doc, e, MentionKind::Nominal)
            .iter()
            .any(|t| t == "The head of Hamas"),
        "{lines:#?}"
    );
    let entities = doc.entities.as_deref().unwrap_or(&[]);
    assert!(e
        .affiliations
        .iter()
        .any(|a| entities.get(a.index()).is_some_and(|h| h.name == "Hamas")));
}

#[test]
fn an_organisation_description_finds_its_organisation() {
    let (doc, lines) = check(
        "Hezbollah fired rockets at northern Israel on Sunday. \
         The Lebanese group said it was responding to an air strike.",
    );
    let e = find(&doc, "Hezbollah");
    assert!(
        texts(&doc, e, MentionKind::Nominal)
            .iter()
            .any(|t| t == "The Lebanese group"),
        "{lines:#?}"
    );
}

#[test]
fn a_byline_names_its_authors() {
    let (doc, lines) = check("By Lena Fischer and Omar Haddad\n\nFloods closed roads in Vienna.");
    assert_eq!(
        find(&doc, "Lena Fischer").kind,
        EntityType::Person,
        "{lines:#?}"
    );
    assert_eq!(
        find(&doc, "Omar Haddad").kind,
        EntityType::Person,
        "{lines:#?}"
    );
}

#[test]
fn a_ministry_owned_by_a_country_is_one_entity_in_both_forms() {
    let (doc, lines) = check(
        "Peru’s Defence Ministry said troops had been deployed. Chile’s Defence Ministry \
         denied it. Later the Peruvian Defence Ministry repeated its claim.",
    );
    let orgs: Vec<&String> = lines.iter().filter(|l| l.starts_with("ORG")).collect();
    assert_eq!(orgs.len(), 2, "{lines:#?}");
    let peru = doc
        .entities
        .iter()
        .flatten()
        .find(|e| e.kind == EntityType::Org && e.name.starts_with("Peru"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(texts(&doc, peru, MentionKind::Name).len(), 2, "{lines:#?}");
}

#[test]
fn a_shared_alias_takes_the_country_the_text_names() {
    let (doc, lines) = check(
        "Fighting spread in the Democratic Republic of Congo on Monday. \
         Aid groups said Congo needed more help.",
    );
    let drc = doc
        .entities
        .iter()
        .flatten()
        .find(|e| e.kb.as_ref().is_some_and(|k| k.id == "kb:COD"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(texts(&doc, drc, MentionKind::Name).len(), 2, "{lines:#?}");
}

#[test]
fn the_country_refers_to_the_country_just_named() {
    let (doc, lines) =
        check("Kenya reported 40 new cases on Monday. The country has ordered schools to close.");
    let kenya = find(&doc, "Kenya");
    assert_eq!(
        texts(&doc, kenya, MentionKind::Nominal),
        ["The country"],
        "{lines:#?}"
    );
}

#[test]
fn its_refers_to_the_organisation_of_the_sentence() {
    let (doc, lines) =
        check("The Coastal Farmers Union said on Monday that its members would strike in May.");
    let e = find(&doc, "Coastal Farmers Union");
    assert_eq!(texts(&doc, e, MentionKind::Pronoun), ["its"], "{lines:#?}");
}
