//! The document: immutable text plus metadata and layers.

use crate::entities::Entity;
use crate::events::{Event, Relation};
use crate::layers::{QuotationLayer, Region, RegionKind, Sentence, Token};
use crate::offsets::OffsetIndex;
use crate::quotes::Quote;
use crate::span::ByteSpan;
use crate::stage::Diagnostic;

/// Where the publication date in [`Meta::published`] came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PublishedSource {
    /// No date is known.
    #[default]
    Unknown,
    /// Given with the input (a JSON field, a feed item's date, `--published`).
    Given,
    /// Read from the page's metadata.
    Metadata,
    /// A WARC record's crawl date: when the page was fetched, not when it was published.
    CrawlDate,
    /// The reference date given on the command line for articles that carry none.
    Default,
}

impl PublishedSource {
    /// The lower-case name used in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            PublishedSource::Unknown => "unknown",
            PublishedSource::Given => "given",
            PublishedSource::Metadata => "metadata",
            PublishedSource::CrawlDate => "crawl_date",
            PublishedSource::Default => "default",
        }
    }
}

/// What is known about an article besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Headline or title.
    pub title: Option<String>,
    /// Author names or desk ("Jane Doe and John Roe", "Online Desk").
    pub byline: Option<String>,
    /// The place of the dateline ("TEHRAN").
    pub dateline: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`, or with a time).
    pub published: Option<String>,
    /// Where `published` came from.
    pub published_source: PublishedSource,
    /// The news outlet or agency ("Reuters").
    pub outlet: Option<String>,
    /// The article's URL.
    pub source_url: Option<String>,
    /// ISO 639-1 code of the article's language, when detected.
    pub language: Option<String>,
    /// Where the article was read from: the path as given, with a record index where useful.
    pub input: Option<String>,
}

/// An article's text with its annotation layers.
///
/// The text never changes after construction, so every span stays valid. A layer that is
/// `None` was not produced (its stage did not run); `Some(vec![])` means it ran and found
/// nothing.
#[derive(Clone, Debug)]
pub struct Doc {
    id: String,
    text: String,
    offsets: OffsetIndex,
    /// Metadata, filled by the reader and completed by stages (byline, dateline, language).
    pub meta: Meta,
    /// Non-body regions (headline, byline, dateline): never covered by sentences.
    pub regions: Option<Vec<Region>>,
    /// Body sentences in text order.
    pub sentences: Option<Vec<Sentence>>,
    /// Tokens in text order.
    pub tokens: Option<Vec<Token>>,
    /// Quotation-mark pairs.
    pub quotations: Option<QuotationLayer>,
    /// Entities with their mentions.
    pub entities: Option<Vec<Entity>>,
    /// Attributed claims.
    pub quotes: Option<Vec<Quote>>,
    /// Events: who did what to whom, when and where.
    pub events: Option<Vec<Event>>,
    /// Standing relations between actors.
    pub relations: Option<Vec<Relation>>,
    /// What stages noticed and handled.
    pub diagnostics: Vec<Diagnostic>,
}

impl Doc {
    /// A document with no layers yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>, meta: Meta) -> Self {
        let text = text.into();
        let offsets = OffsetIndex::new(&text);
        Self {
            id: id.into(),
            text,
            offsets,
            meta,
            regions: None,
            sentences: None,
            tokens: None,
            quotations: None,
            entities: None,
            quotes: None,
            events: None,
            relations: None,
            diagnostics: Vec::new(),
        }
    }

    /// The article's stable id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The article's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte/code-point converter for this text.
    pub fn offsets(&self) -> &OffsetIndex {
        &self.offsets
    }

    /// The surface text of `span`; empty when the span is not valid for this text.
    pub fn slice(&self, span: ByteSpan) -> &str {
        span.get(&self.text).unwrap_or("")
    }

    /// The regions of one kind.
    pub fn regions_of(&self, kind: RegionKind) -> impl Iterator<Item = &Region> {
        self.regions
            .iter()
            .flatten()
            .filter(move |r| r.kind == kind)
    }

    /// Number of whitespace-separated words in the text: the unit of throughput figures.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}
