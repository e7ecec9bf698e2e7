//! The article layer of newsgraph: the stages that find an article's non-body regions (headline,
//! date line, byline, dateline), its language, sentences, tokens and quotation-mark pairs.
//!
//! Each stage is a unit struct implementing [`newsgraph_doc::Stage`], and each has a plain
//! function doing the work on a `&str`, for tests and benchmarks:
//!
//! | stage | name | requires | assigns | function |
//! |---|---|---|---|---|
//! | [`RegionFinder`] | `regions` | — | `Regions` | [`find_regions`] |
//! | [`LanguageDetector`] | `language` | — | `Language` | [`detect_language`] |
//! | [`Sentencizer`] | `sentences` | `Regions` | `Sentences` | [`split_sentences`] |
//! | [`Tokenizer`] | `tokens` | — | `Tokens` | [`tokenize`] |
//! | [`QuotationPairer`] | `quotations` | — | `Quotations` | [`pair_quotes`] |
//!
//! [`article_stages`] returns them in that order. The text is never altered: every result is a
//! byte span of `doc.text()`, on character boundaries, and the sentences together with the
//! regions cover every non-blank character ([`newsgraph_doc::check_spans`] finds nothing to
//! report). All scanners work on bytes, decode only non-ASCII characters, use no regex and
//! allocate nothing per token beyond the output vectors; each runs in linear time, whatever the
//! input (a 10,000-word line without punctuation, text without capitals, stray marks).
//!
//! The rules each stage follows, and what they cost, are written in its module: see
//! [`find_regions`], [`split_sentences`], [`tokenize`], [`pair_quotes`], [`detect_language`].
//!
//! ```
//! use newsgraph_doc::{check_spans, Doc, Meta};
//!
//! let text = "TEHRAN (Reuters) - Iran’s envoy met U.S. officials on Oct. 7. “We heard the sirens at dawn,” he said.";
//! let mut doc = Doc::new("a1", text, Meta::default());
//! for stage in newsgraph_segment::article_stages() {
//!     stage.run(&mut doc);
//! }
//! assert_eq!(doc.meta.dateline.as_deref(), Some("TEHRAN"));
//! assert_eq!(doc.meta.outlet.as_deref(), Some("Reuters"));
//! assert_eq!(doc.meta.language.as_deref(), Some("en"));
//! let sentences: Vec<&str> = doc.sentences.iter().flatten().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences, ["Iran’s envoy met U.S. officials on Oct. 7.", "“We heard the sirens at dawn,” he said."]);
//! let quotes = doc.quotations.as_ref().unwrap();
//! assert_eq!(doc.slice(quotes.pairs[0].content), "We heard the sirens at dawn,");
//! assert!(check_spans(&doc).is_empty());
//! ```
#![deny(missing_docs)]

mod abbrev;
mod chars;
mod language;
mod quotes;
mod regions;
mod sentences;
mod tokens;

use newsgraph_doc::{Diagnostic, Doc, Layer, Severity, Stage};

pub use language::{detect_language, SAMPLE_BYTES};
pub use quotes::pair_quotes;
pub use regions::{find_regions, FoundRegions};
pub use sentences::split_sentences;
pub use tokens::{tokenize, tokenize_into};

/// Stage `regions`: finds the headline, date line, byline and dateline at the top of the text
/// (see [`find_regions`]), sets `doc.regions`, and fills `meta.byline`, `meta.dateline` and
/// `meta.outlet` where the metadata has none. The headline is recognised only when it equals
/// `meta.title`.
#[derive(Clone, Copy, Debug, Default)]
pub struct RegionFinder;

impl Stage for RegionFinder {
    fn name(&self) -> &'static str {
        "regions"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Regions]
    }

    fn run(&self, doc: &mut Doc) {
        let found = find_regions(doc.text(), doc.meta.title.as_deref());
        let copy = |span: Option<newsgraph_doc::ByteSpan>| {
            span.map(|s| doc.slice(s).to_owned())
                .filter(|s| !s.is_empty())
        };
        let (byline, dateline, outlet) =
            (copy(found.byline), copy(found.dateline), copy(found.outlet));
        let meta = &mut doc.meta;
        if meta.byline.is_none() {
            meta.byline = byline;
        }
        if meta.dateline.is_none() {
            meta.dateline = dateline;
        }
        if meta.outlet.is_none() {
            meta.outlet = outlet;
        }
        doc.regions = Some(found.regions);
    }
}

/// Stage `language`: sets `meta.language` to an ISO 639-1 code with [`detect_language`], unless
/// the article came with a language. Leaves a note when the language stays unknown.
#[derive(Clone, Copy, Debug, Default)]
pub struct LanguageDetector;

impl Stage for LanguageDetector {
    fn name(&self) -> &'static str {
        "language"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Language]
    }

    fn run(&self, doc: &mut Doc) {
        if doc.meta.language.is_some() {
            return;
        }
        let lang = detect_language(doc.text());
        if lang.is_none() && !doc.text().trim().is_empty() {
            doc.diagnostics.push(Diagnostic {
                stage: "language",
                severity: Severity::Note,
                message: "the language could not be told reliably; left unknown".to_owned(),
                span: None,
            });
        }
        doc.meta.language = lang.map(str::to_owned);
    }
}

/// Stage `sentences`: splits the body (the text outside `doc.regions`) into sentences with
/// [`split_sentences`]. Runs without regions too, treating the whole text as body; regions that
/// do not fit the text are ignored with a warning.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sentencizer;

impl Stage for Sentencizer {
    fn name(&self) -> &'static str {
        "sentences"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Regions]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn run(&self, doc: &mut Doc) {
        let regions = doc.regions.as_deref().unwrap_or(&[]);
        let sentences = split_sentences(doc.text(), regions);
        let bad: Vec<_> = regions
            .iter()
            .filter(|r| r.span.get(doc.text()).is_none())
            .map(|r| r.span)
            .collect();
        for span in bad {
            doc.diagnostics.push(Diagnostic {
                stage: "sentences",
                severity: Severity::Warning,
                message: format!(
                    "region {}..{} is out of bounds or off a character boundary; ignored",
                    span.start(),
                    span.end()
                ),
                span: None,
            });
        }
        doc.sentences = Some(sentences);
    }
}

/// Stage `tokens`: tokenizes the whole text (regions included) with [`tokenize`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Tokenizer;

impl Stage for Tokenizer {
    fn name(&self) -> &'static str {
        "tokens"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Tokens]
    }

    fn run(&self, doc: &mut Doc) {
        let tokens = tokenize(doc.text());
        doc.tokens = Some(tokens);
    }
}

/// Stage `quotations`: pairs quotation marks with [`pair_quotes`]. It reads the text alone, so it
/// requires no other layer. Leaves a note counting the marks it could not pair.
#[derive(Clone, Copy, Debug, Default)]
pub struct QuotationPairer;

impl Stage for QuotationPairer {
    fn name(&self) -> &'static str {
        "quotations"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Quotations]
    }

    fn run(&self, doc: &mut Doc) {
        let layer = pair_quotes(doc.text());
        if let Some(first) = layer.unpaired.first() {
            doc.diagnostics.push(Diagnostic {
                stage: "quotations",
                severity: Severity::Note,
                message: format!(
                    "{} quotation mark(s) left unpaired, the first at byte {}",
                    layer.unpaired.len(),
                    first.mark.start()
                ),
                span: Some(first.mark),
            });
        }
        doc.quotations = Some(layer);
    }
}

/// The article-layer stages in pipeline order: regions, language, sentences, tokens, quotations.
pub fn article_stages() -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(RegionFinder),
        Box::new(LanguageDetector),
        Box::new(Sentencizer),
        Box::new(Tokenizer),
        Box::new(QuotationPairer),
    ]
}
