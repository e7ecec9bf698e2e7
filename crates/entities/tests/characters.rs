//! Names of fictional characters, gods and celestial bodies, on short invented articles: the
//! context makes a character or a god a person, and the Sun, the Moon and the planets named
//! in an astronomical context places, while a newspaper called "The Sun" stays an outlet.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{entities, run};
use newsgraph_doc::{Doc, EntityType, MentionKind};

/// The type of the entity with a name mention whose text is `text`.
fn kind_of(doc: &Doc, text: &str) -> Option<EntityType> {
    entities(doc)
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.kind == MentionKind::Name && doc.slice(m.span) == text)
        })
        .map(|e| e.kind)
}

fn summary(doc: &Doc) -> Vec<String> {
    entities(doc)
        .iter()
        .map(|e| format!("{} {}", e.kind.as_str(), e.name))
        .collect()
}

/// `name`, when found, is of type `ty`; `must` says it has to be found.
fn typed(doc: &Doc, name: &str, ty: EntityType, must: bool) {
    let k = kind_of(doc, name);
    if must {
        assert_eq!(k, Some(ty), "{name}: {:?}", summary(doc));
    } else {
        assert!(k.is_none_or(|k| k == ty), "{name}: {:?}", summary(doc));
    }
}

#[test]
fn gods_listed_after_such_as_are_persons() {
    let doc = run(
        "The museum in Lisbon opened a hall on Tuesday. Its statues show gods such as Velorath, \
         Amayenne and Tethiskar, carved from marble two thousand years ago.",
    );
    for n in ["Velorath", "Amayenne", "Tethiskar"] {
        typed(&doc, n, EntityType::Person, true);
    }
    typed(&doc, "Lisbon", EntityType::Gpe, true);
}

#[test]
fn the_goddess_and_the_superhero_are_persons() {
    let doc = run(
        "Visitors queued for hours to see a statue of the goddess Miraveth in Athens. Children \
         came dressed as Captain Dravolt, the superhero of a popular cartoon.",
    );
    typed(&doc, "Miraveth", EntityType::Person, false);
    typed(&doc, "Captain Dravolt", EntityType::Person, false);
    typed(&doc, "Dravolt", EntityType::Person, false);
}

#[test]
fn names_after_dressed_as_and_the_goddess_are_persons() {
    let doc = run(
        "Fans gathered in Cardiff dressed as Orvanna. Later the fans praised the goddess \
         Selvira, the character Brannock and the god Tolvar.",
    );
    for n in ["Orvanna", "Selvira", "Brannock"] {
        typed(&doc, n, EntityType::Person, true);
    }
    typed(&doc, "Cardiff", EntityType::Gpe, true);
}

#[test]
fn the_voice_of_a_character_is_a_person() {
    let doc = run(
        "The actor Tomas Reyka, who was the voice of Zorbanik in the series, died on Sunday in \
         Prague. He also played Quillmere in the 2009 film about the war.",
    );
    typed(&doc, "Zorbanik", EntityType::Person, true);
    typed(&doc, "Quillmere", EntityType::Person, true);
    typed(&doc, "Tomas Reyka", EntityType::Person, true);
    typed(&doc, "Prague", EntityType::Gpe, true);
}

#[test]
fn planets_in_an_astronomical_context_are_places() {
    let doc = run(
        "The probe will reach Jupiter in 2031 after a flyby of Venus, the agency said. It \
         carries a camera to map the surface of Mars from orbit, far from the Sun and Earth.",
    );
    for n in ["Jupiter", "Venus", "Mars", "Sun", "Earth"] {
        typed(&doc, n, EntityType::Loc, true);
    }
}

#[test]
fn the_sun_as_a_newspaper_stays_an_outlet() {
    let doc = run(
        "The Sun reported on Monday that the minister would resign. The minister denied the \
         report in London.",
    );
    typed(&doc, "Sun", EntityType::Org, false);
    typed(&doc, "The Sun", EntityType::Org, false);
}

#[test]
fn a_team_played_in_a_final_stays_what_it_was() {
    let doc = run("Portugal played Spain in the final in Madrid on Sunday and won 2-1.");
    assert_ne!(
        kind_of(&doc, "Spain"),
        Some(EntityType::Person),
        "{:?}",
        summary(&doc)
    );
}

#[test]
fn a_body_inside_a_longer_name_is_not_added() {
    let doc =
        run("Pupils in Leeds marked Earth Day on Friday with a talk on how the planet is warming.");
    typed(&doc, "Earth", EntityType::Loc, false);
    assert!(kind_of(&doc, "Earth").is_none(), "{:?}", summary(&doc));
}
