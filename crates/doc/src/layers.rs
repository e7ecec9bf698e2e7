//! The annotation records of the article layer. Each holds spans, never copied text.

use crate::span::ByteSpan;

/// What a non-body region of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegionKind {
    /// A headline or title line at the top of the text.
    Headline,
    /// "By Jane Doe and John Roe", "Online Desk:".
    Byline,
    /// "TEHRAN (Reuters) -", "NAIROBI, March 3 (AP) —".
    Dateline,
    /// A line that only gives the publication date ("Friday, January 4, 2019").
    DateLine,
}

impl RegionKind {
    /// The lower-case name used in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            RegionKind::Headline => "headline",
            RegionKind::Byline => "byline",
            RegionKind::Dateline => "dateline",
            RegionKind::DateLine => "date",
        }
    }
}

/// A span of the text that is not body text: it is reported in `meta`, and no sentence covers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// What the region is.
    pub kind: RegionKind,
    /// Where it is, including its trailing separator (":", "-", "—").
    pub span: ByteSpan,
}

/// One body sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, without surrounding white space.
    pub span: ByteSpan,
}

impl Sentence {
    /// A sentence covering `span`.
    pub fn new(span: ByteSpan) -> Self {
        Self { span }
    }
}

/// What kind of token a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("wouldn’t", "U.S.").
    Word,
    /// Digits, possibly with separators ("1,200", "3.5", "6am" is a word).
    Number,
    /// A quotation mark or apostrophe standing alone (', ", ‘, ’, “, ”, «, »).
    Quote,
    /// Other punctuation (. , ; : ! ? — - ( ) …).
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

impl TokenKind {
    /// The lower-case name used in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Quote => "quote",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
        }
    }
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: ByteSpan,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// A pair of quotation marks and what lies between them.
///
/// A quotation that runs over several paragraphs, with an opening mark on each paragraph and a
/// closing mark only on the last, as news writes them, is one pair whose `reopenings` lists the
/// opening marks of the later paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotePair {
    /// The opening mark.
    pub open: ByteSpan,
    /// The closing mark.
    pub close: ByteSpan,
    /// The text between the marks (without them).
    pub content: ByteSpan,
    /// Opening marks of continuation paragraphs, in order.
    pub reopenings: Vec<ByteSpan>,
}

/// Which side a quotation mark would close or open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkSide {
    /// An opening mark that was never closed.
    Opening,
    /// A closing mark with nothing to close.
    Closing,
    /// A straight mark whose side could not be told.
    Ambiguous,
}

impl MarkSide {
    /// The lower-case name used in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            MarkSide::Opening => "opening",
            MarkSide::Closing => "closing",
            MarkSide::Ambiguous => "ambiguous",
        }
    }
}

/// A quotation mark that could not be paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnpairedMark {
    /// The mark.
    pub mark: ByteSpan,
    /// The side it looked like.
    pub side: MarkSide,
}

/// The quotation layer: paired marks, and marks left unpaired.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuotationLayer {
    /// Pairs, in order of their opening marks.
    pub pairs: Vec<QuotePair>,
    /// Marks that could not be paired, in text order.
    pub unpaired: Vec<UnpairedMark>,
}
