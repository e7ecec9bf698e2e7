//! The newsgraph document model.
//!
//! A [`Doc`] holds an article's text, which never changes once a reader has produced it, and
//! stand-off annotation layers over it: regions that are not body text (headline, byline,
//! dateline), sentences, tokens, quotation-mark pairs, and, as later stages arrive, entities,
//! quotes, events and relations. Every annotation refers to the text by a [`ByteSpan`]; the
//! conversion to Unicode code points, the unit of the JSON contract, happens in one place,
//! [`OffsetIndex`].
//!
//! Stages implement [`Stage`]: each declares the [`Layer`]s it requires and assigns, and adds
//! its layer to the document. Stages never fail on odd text: what they could not do goes into
//! the document's [`Diagnostic`]s.
//!
//! ```
//! use newsgraph_doc::{ByteSpan, Doc, Meta, Sentence};
//!
//! let mut doc = Doc::new("a1", "Rain fell. Roads closed.", Meta::default());
//! doc.sentences = Some(vec![
//!     Sentence::new(ByteSpan::new(0, 10).unwrap()),
//!     Sentence::new(ByteSpan::new(11, 24).unwrap()),
//! ]);
//! assert_eq!(doc.slice(doc.sentences.as_ref().unwrap()[1].span), "Roads closed.");
//! assert!(newsgraph_doc::check_spans(&doc).is_empty());
//! ```
//!
//! **Architecture invariant:** this crate knows nothing of IO, JSON, SQL or HTTP.
#![deny(missing_docs)]

mod check;
mod doc;
mod entities;
mod events;
mod layers;
mod offsets;
mod quotes;
mod span;
mod stage;

pub use check::{check_spans, SpanProblem};
pub use doc::{Doc, Meta, PublishedSource};
pub use entities::{Entity, EntityId, EntityType, KbLink, Mention, MentionKind};
pub use events::{Actor, Event, EventType, Modality, Relation, RelationType};
pub use layers::{
    MarkSide, QuotationLayer, QuotePair, Region, RegionKind, Sentence, Token, TokenKind,
    UnpairedMark,
};
pub use offsets::OffsetIndex;
pub use quotes::{Party, Quote, QuoteId, QuoteKind, QuoteSource};
pub use span::{ByteSpan, CharSpan, SpanError};
pub use stage::{Diagnostic, Layer, Severity, Stage};
