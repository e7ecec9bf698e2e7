//! The event and relation layers: who did what to whom, when and where, and how actors stand.

use crate::entities::EntityId;
use crate::quotes::QuoteId;
use crate::span::ByteSpan;

/// A PLOVER event type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    /// Every type, in PLOVER's order.
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The upper-case name used in the contract ("ASSAULT").
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// The type named `name` (upper case, as in the contract).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// How the text commits to an event having happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Modality {
    /// Stated as fact by the article.
    #[default]
    Asserted,
    /// Reported by a source (see `attributed_to`).
    Reported,
    /// Announced or planned for the future.
    Future,
    /// Conditional or hypothetical.
    Hypothetical,
    /// Background: an event well before the article's news.
    Historical,
}

impl Modality {
    /// The lower-case name used in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Historical => "historical",
        }
    }
}

/// An event's participant: a resolved entity, or a descriptor phrase naming an actor that is not
/// an entity ("the captain", "shipping companies", "38 wounded people").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Actor {
    /// An entity of the entity layer.
    Entity(EntityId),
    /// The words that name an actor the entity layer does not hold.
    Phrase(ByteSpan),
}

impl Actor {
    /// The entity, when the actor is one.
    pub fn entity(&self) -> Option<EntityId> {
        match self {
            Actor::Entity(e) => Some(*e),
            Actor::Phrase(_) => None,
        }
    }
}

impl From<EntityId> for Actor {
    fn from(e: EntityId) -> Self {
        Actor::Entity(e)
    }
}

/// One happening, with every span of the article that reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Its PLOVER type.
    pub kind: EventType,
    /// Its PLOVER mode where one applies ("explosives", "demonstrate"), lower case.
    pub mode: Option<&'static str>,
    /// Who acted (compound actors: several).
    pub source: Vec<Actor>,
    /// Who was acted on.
    pub target: Vec<Actor>,
    /// Where.
    pub location: Option<EntityId>,
    /// When, ISO 8601 to the precision the text gives ("2023-10-07", "2023-11", "2006").
    pub date: Option<String>,
    /// The words the date was read from.
    pub date_text: Option<ByteSpan>,
    /// People killed, where given.
    pub fatalities: Option<u32>,
    /// People injured, where given.
    pub injured: Option<u32>,
    /// The word or phrase that names the event in its first mention.
    pub trigger: ByteSpan,
    /// Every trigger that reports this happening, the first included.
    pub evidence: Vec<ByteSpan>,
    /// True when the text says it did not or will not happen.
    pub negated: bool,
    /// How the text commits to it.
    pub modality: Modality,
    /// The quote that reports it, if any.
    pub attributed_to: Option<QuoteId>,
}

/// A type of standing relation between two actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationType {
    /// Source leads target ("Iran's supreme leader").
    Leads,
    /// Source is a member of target.
    MemberOf,
    /// Source and target are allies (symmetric).
    AllyOf,
    /// Source backs target ("a longtime backer of Hamas", "Iran-backed").
    Supports,
    /// Source opposes target.
    Opposes,
    /// Source works for or with target ("an expert at the institute").
    AffiliatedWith,
    /// Source is located in target.
    LocatedIn,
}

impl RelationType {
    /// The upper-case name used in the contract ("ALLY_OF").
    pub fn as_str(&self) -> &'static str {
        match self {
            RelationType::Leads => "LEADS",
            RelationType::MemberOf => "MEMBER_OF",
            RelationType::AllyOf => "ALLY_OF",
            RelationType::Supports => "SUPPORTS",
            RelationType::Opposes => "OPPOSES",
            RelationType::AffiliatedWith => "AFFILIATED_WITH",
            RelationType::LocatedIn => "LOCATED_IN",
        }
    }
}

/// A standing relation between two entities, with the words that state it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// Its type.
    pub kind: RelationType,
    /// The first actor.
    pub source: EntityId,
    /// The second actor.
    pub target: EntityId,
    /// The words that state it.
    pub evidence: ByteSpan,
}
