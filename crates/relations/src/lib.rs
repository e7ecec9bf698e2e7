//! The newsgraph relation stage: how actors stand to each other.
//!
//! [`RelationStage`] reads the sentences and the entities (with their mentions) of a
//! [`Doc`] and adds standing relations between entities: LEADS, MEMBER_OF, ALLY_OF,
//! SUPPORTS, OPPOSES, AFFILIATED_WITH and LOCATED_IN, each with the words that state it.
//!
//! It works on pairs of nearby mentions in one sentence and the few words between and
//! around them: titles before or after a person's name ("the group's leader X",
//! "X, a spokesman for Y"), appositions and place phrases ("Y, a town in Z", "a Z-based
//! group"), compounds ("Z-backed"), alliance, support, opposition and membership words, and
//! lists after them ("members include A, B and C"). Mentions found by coreference (pronouns,
//! descriptions) count as their entity, so "its researcher X" relates X to the antecedent.
//!
//! Descriptions that are no mention are resolved here: a membership list hung on "the
//! regional coalition whose members include …" goes to the latest organisation named or
//! described as a coalition; "the company's director" to the body the text calls "the
//! company"; "X – an alliance built by A to oppose B" tells of X, not of A; "the Omani
//! capital" locates the capital the knowledge-base link files under that country. Copulas
//! ("X was the No. 2 of Y"), possessive titles ("the WHO's incident manager"), verbs after an
//! apposition ("A, led by X, is allied with B") and "controlled by" complete the patterns.
//!
//! ```
//! use newsgraph_doc::{ByteSpan, Doc, Entity, EntityType, Meta, Mention, MentionKind, Sentence, Stage};
//! use newsgraph_relations::RelationStage;
//!
//! let text = "Ana Ruiz, the leader of Unity Front, spoke.";
//! let mut doc = Doc::new("a", text, Meta::default());
//! doc.sentences = Some(vec![Sentence::new(ByteSpan::new(0, text.len()).unwrap())]);
//! doc.tokens = Some(vec![]);
//! let ent = |name: &str, kind, s: usize, e: usize| Entity {
//!     name: name.into(),
//!     kind,
//!     kb: None,
//!     titles: vec![],
//!     affiliations: vec![],
//!     mentions: vec![Mention { span: ByteSpan::new(s, e).unwrap(), kind: MentionKind::Name }],
//! };
//! doc.entities = Some(vec![
//!     ent("Ana Ruiz", EntityType::Person, 0, 8),
//!     ent("Unity Front", EntityType::Org, 24, 35),
//! ]);
//! RelationStage::new().run(&mut doc);
//! let rels = doc.relations.unwrap();
//! assert_eq!(rels.len(), 1);
//! assert_eq!(rels[0].kind.as_str(), "LEADS");
//! ```
#![deny(missing_docs)]

mod rules;

use newsgraph_doc::{Doc, Layer, Relation, Stage};

/// The relation stage (`"relations"`): fills [`Doc::relations`].
#[derive(Clone, Copy, Debug, Default)]
pub struct RelationStage;

impl RelationStage {
    /// A relation stage.
    pub fn new() -> Self {
        Self
    }

    /// The relations stated in `doc`, read from its sentences and entities (none when
    /// either layer is missing).
    pub fn extract(&self, doc: &Doc) -> Vec<Relation> {
        rules::extract(doc)
    }
}

impl Stage for RelationStage {
    fn name(&self) -> &'static str {
        "relations"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Entities]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Relations]
    }

    fn run(&self, doc: &mut Doc) {
        let rels = self.extract(doc);
        doc.relations = Some(rels);
    }
}
