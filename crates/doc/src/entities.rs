//! The entity layer: actors, each with the mentions that refer to it.

use crate::span::ByteSpan;

/// An entity's index in [`Doc::entities`](crate::Doc::entities); written `e1`, `e2`, … in the
/// contract (index + 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub u32);

impl EntityId {
    /// The index into the entity list.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of actor or place an entity is (the contract's `entities[].type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: government body, company, party, armed group, agency.
    Org,
    /// A geopolitical entity: country, city, state.
    Gpe,
    /// Another place: region, sea, border, mountain.
    Loc,
    /// A facility: building, airport, bridge, port.
    Fac,
    /// A nationality, religious or political group ("Iranian", "Shi'ite").
    Norp,
    /// An unnamed collective actor ("Iran-backed militias", "protesters").
    Group,
}

impl EntityType {
    /// The upper-case name used in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Group => "GROUP",
        }
    }
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// The name itself, without titles ("Ali Khamenei" in "Ayatollah Ali Khamenei").
    Name,
    /// A description ("the supreme leader", "the Palestinian group").
    Nominal,
    /// A demonym naming a country as actor or affiliation ("Iranian officials").
    Demonym,
    /// A pronoun ("he", "its").
    Pronoun,
}

impl MentionKind {
    /// The lower-case name used in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Nominal => "nominal",
            MentionKind::Demonym => "demonym",
            MentionKind::Pronoun => "pronoun",
        }
    }
}

/// One mention of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is.
    pub span: ByteSpan,
    /// How it refers.
    pub kind: MentionKind,
}

/// A link to the knowledge base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbLink {
    /// The knowledge base's stable id ("kb:IRN").
    pub id: String,
    /// Codes by scheme: ("cameo", "IRNGOV"), ("iso2", "IR"), ("iso3", "IRN").
    pub codes: Vec<(String, String)>,
}

/// One real-world actor or place of the article, with every mention that refers to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Its canonical name: the knowledge base's, else its longest name mention.
    pub name: String,
    /// Its type.
    pub kind: EntityType,
    /// The knowledge base entry it links to, if any.
    pub kb: Option<KbLink>,
    /// Titles and roles seen with its name ("Ayatollah", "supreme leader").
    pub titles: Vec<String>,
    /// Entities it is affiliated with, as the text gives it (a GROUP's country or
    /// organisation: "Iran-backed militias" → Iran).
    pub affiliations: Vec<EntityId>,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
}
