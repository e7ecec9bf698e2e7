//! The harness the entity-stage tests share: the stage loaded once, an invented article run
//! through the article stages and the entity stage (with the offsets invariant checked), and
//! lookups of the entities found.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use newsgraph_doc::{check_spans, Doc, Entity, EntityType, MentionKind, Meta, Stage};
use newsgraph_entities::EntityStage;

/// The entity stage, loaded once for all the tests of a file.
pub fn stage() -> &'static EntityStage {
    static STAGE: OnceLock<EntityStage> = OnceLock::new();
    STAGE.get_or_init(|| EntityStage::new().expect("embedded model and knowledge base"))
}

/// `text` run through the article stages and the entity stage; every span is checked against
/// the text.
pub fn run(text: &str) -> Doc {
    let mut doc = Doc::new("t", text, Meta::default());
    for s in newsgraph_segment::article_stages() {
        s.run(&mut doc);
    }
    stage().run(&mut doc);
    assert_eq!(check_spans(&doc), vec![], "offsets invariant");
    doc
}

/// The entities of a document that has been run.
pub fn entities(doc: &Doc) -> &[Entity] {
    doc.entities.as_deref().unwrap_or(&[])
}

/// The entity with a mention other than a pronoun whose text is `text`.
pub fn with_mention<'d>(doc: &'d Doc, text: &str) -> Option<&'d Entity> {
    entities(doc).iter().find(|e| {
        e.mentions
            .iter()
            .any(|m| m.kind != MentionKind::Pronoun && doc.slice(m.span) == text)
    })
}

/// The entity with a name mention whose text is `text`.
pub fn with_name<'d>(doc: &'d Doc, text: &str) -> Option<&'d Entity> {
    entities(doc).iter().find(|e| {
        e.mentions
            .iter()
            .any(|m| m.kind == MentionKind::Name && doc.slice(m.span) == text)
    })
}

/// "TYPE name" of every entity, for assertion messages.
pub fn summary(doc: &Doc) -> Vec<String> {
    entities(doc)
        .iter()
        .map(|e| format!("{} {}", e.kind.as_str(), e.name))
        .collect()
}

/// One entity: type, name and every mention as (kind, text).
pub type Kinded = (EntityType, String, Vec<(MentionKind, String)>);

/// The entities of `text` as `(type, name, every mention as (kind, text))`.
pub fn kinded_lists(text: &str) -> Vec<Kinded> {
    let doc = run(text);
    entities(&doc)
        .iter()
        .map(|e| {
            let mentions = e
                .mentions
                .iter()
                .map(|m| (m.kind, doc.slice(m.span).to_owned()))
                .collect();
            (e.kind, e.name.clone(), mentions)
        })
        .collect()
}

/// The entities of `text` as `(type, name, texts of all its mentions)`.
pub fn mention_lists(text: &str) -> Vec<(EntityType, String, Vec<String>)> {
    texts_where(text, |_| true)
}

/// The entities of `text` as `(type, name, texts of its name mentions)`.
pub fn name_lists(text: &str) -> Vec<(EntityType, String, Vec<String>)> {
    texts_where(text, |k| k == MentionKind::Name)
}

fn texts_where(
    text: &str,
    keep: impl Fn(MentionKind) -> bool,
) -> Vec<(EntityType, String, Vec<String>)> {
    kinded_lists(text)
        .into_iter()
        .map(|(kind, name, mentions)| {
            let texts = mentions
                .into_iter()
                .filter(|(k, _)| keep(*k))
                .map(|(_, t)| t)
                .collect();
            (kind, name, texts)
        })
        .collect()
}
