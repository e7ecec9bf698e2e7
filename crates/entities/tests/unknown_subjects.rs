//! Names the tagger does not know in short event records, each on an invented sentence: an
//! unknown word opening its sentence before a finite verb is a name typed by its shape and verb,
//! and an unknown demonym before an actor noun makes a group, not a person.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_doc::{check_spans, Doc, EntityType, Meta, Stage};
use newsgraph_entities::EntityStage;
use std::sync::OnceLock;

fn stage() -> &'static EntityStage {
    static STAGE: OnceLock<EntityStage> = OnceLock::new();
    STAGE.get_or_init(|| EntityStage::new().expect("embedded model and knowledge base"))
}

fn entities(text: &str) -> Vec<(EntityType, String)> {
    let mut doc = Doc::new("t", text, Meta::default());
    for s in newsgraph_segment::article_stages() {
        s.run(&mut doc);
    }
    stage().run(&mut doc);
    assert_eq!(check_spans(&doc), vec![], "offsets invariant");
    doc.entities
        .iter()
        .flatten()
        .map(|e| (e.kind, e.name.clone()))
        .collect()
}

#[test]
fn unknown_country_shaped_subject_is_a_place() {
    let ents = entities("Velmoria expelled three envoys.");
    assert!(
        ents.contains(&(EntityType::Gpe, "Velmoria".into())),
        "{ents:?}"
    );
}

#[test]
fn unknown_subject_of_a_state_action_is_a_place() {
    let ents = entities("Harvend has recalled its ambassador.");
    assert!(ents.iter().any(|(_, n)| n == "Harvend"), "{ents:?}");
    let ents = entities("Torquend deployed troops to the frontier.");
    assert!(
        ents.contains(&(EntityType::Gpe, "Torquend".into())),
        "{ents:?}"
    );
}

#[test]
fn common_words_opening_a_sentence_stay_no_names() {
    let ents = entities(
        "Storms destroyed the harvest. Officials said the damage was severe. Rebels attacked \
         a checkpoint. Nobody expected the result. Attendance was low.",
    );
    for w in ["Storms", "Officials", "Rebels", "Nobody", "Attendance"] {
        // A collective noun may stand as a group ("Rebels"), never as a name.
        assert!(
            !ents.iter().any(|(t, n)| n == w && *t != EntityType::Group),
            "{w}: {ents:?}"
        );
    }
}

#[test]
fn unknown_demonym_before_an_actor_noun_makes_a_group() {
    let ents = entities("Drovanian police detained two reporters.");
    assert!(
        !ents
            .iter()
            .any(|(t, n)| *t == EntityType::Person && n == "Drovanian"),
        "{ents:?}"
    );
    assert!(
        ents.contains(&(EntityType::Group, "Drovanian police".into())),
        "{ents:?}"
    );
}

#[test]
fn country_shaped_subject_is_no_person() {
    for text in [
        "Moldravia accused its neighbour of spying.",
        "Tessarania condemned the raid.",
    ] {
        let ents = entities(text);
        assert!(
            ents.iter()
                .any(|(t, n)| *t == EntityType::Gpe && text.starts_with(n.as_str())),
            "{text}: {ents:?}"
        );
    }
}
