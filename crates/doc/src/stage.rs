//! The stage trait: one step of the pipeline, adding one or more layers to a [`Doc`].

use crate::doc::Doc;
use crate::span::ByteSpan;

/// A layer of the document that a stage may require or assign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Non-body regions (headline, byline, dateline) and the metadata read from them.
    Regions,
    /// `meta.language`.
    Language,
    /// Body sentences.
    Sentences,
    /// Tokens.
    Tokens,
    /// Quotation-mark pairs.
    Quotations,
    /// Entities and their mentions.
    Entities,
    /// Attributed claims.
    Quotes,
    /// Events.
    Events,
    /// Relations between actors.
    Relations,
}

impl Layer {
    /// The layer's name, as used on the command line (`--layers`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Layer::Regions => "regions",
            Layer::Language => "language",
            Layer::Sentences => "sentences",
            Layer::Tokens => "tokens",
            Layer::Quotations => "quotations",
            Layer::Entities => "entities",
            Layer::Quotes => "quotes",
            Layer::Events => "events",
            Layer::Relations => "relations",
        }
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; the output is complete.
    Note,
    /// Something in the input was odd and was handled in a stated way.
    Warning,
}

/// Something a stage noticed about the input and handled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stage (or reader) that reports it.
    pub stage: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What was noticed, in words.
    pub message: String,
    /// Where, when the problem has a place in the text.
    pub span: Option<ByteSpan>,
}

/// One step of the pipeline.
///
/// A stage reads layers that earlier stages assigned and adds its own. It never fails on odd
/// input: what it could not do it records in [`Doc::diagnostics`].
pub trait Stage: Send + Sync {
    /// A short stable name (`"sentences"`), used to disable the stage and in benchmarks.
    fn name(&self) -> &'static str;
    /// Layers this stage reads, which an earlier stage must assign.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage assigns.
    fn assigns(&self) -> &'static [Layer];
    /// Adds this stage's layers to `doc`.
    fn run(&self, doc: &mut Doc);
}
