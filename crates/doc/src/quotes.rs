//! The attribution layer: who said what, to whom, and according to whom.

use crate::entities::EntityId;
use crate::span::ByteSpan;

/// A quote's index in [`Doc::quotes`](crate::Doc::quotes); written `q1`, `q2`, … in the
/// contract (index + 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuoteId(pub u32);

impl QuoteId {
    /// The index into the quote list.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// How the words are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// Reported speech ("X said that …", "according to X").
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

impl QuoteKind {
    /// The lower-case name used in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// A participant of an attribution as written, and the entity it resolves to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Party {
    /// The span as written ("three senior officials", "Reuters"); `None` when the text does
    /// not name it near the quote (a floating quote whose speaker is resolved from context).
    pub span: Option<ByteSpan>,
    /// The entity it resolves to, through coreference; `None` when it cannot be resolved.
    pub entity: Option<EntityId>,
}

/// Who the claim is attributed to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteSource {
    /// The source as written and resolved.
    pub party: Party,
    /// True for an unnamed source ("officials", "a Hamas commander").
    pub anonymous: bool,
    /// How many people the source stands for, where the text says it.
    pub count: Option<u32>,
    /// Entities the source is affiliated with ("Iranian and Hamas officials" → Iran, Hamas).
    pub affiliations: Vec<EntityId>,
    /// Why the source is unnamed, where given ("who requested anonymity to discuss the talks").
    pub anonymity_reason: Option<ByteSpan>,
    /// The basis of the source's knowledge, where given ("with knowledge of the discussions").
    pub basis: Option<ByteSpan>,
}

/// One attributed claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// What was said (for a direct quote, without the quotation marks).
    pub content: ByteSpan,
    /// The reporting verb or phrase ("said", "according to", "told reporters").
    pub cue: Option<ByteSpan>,
    /// True when the cue is negated ("did not say").
    pub negated: bool,
    /// True when the cue is a denial ("denied that …").
    pub denial: bool,
    /// Who said it.
    pub source: QuoteSource,
    /// To whom ("told Ismail Haniyeh").
    pub addressee: Option<Party>,
    /// Through which outlet ("told Reuters").
    pub outlet: Option<Party>,
    /// The quote that reports this one, where attributions nest.
    pub parent: Option<QuoteId>,
}
