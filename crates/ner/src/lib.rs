//! A statistical named-entity tagger for newsgraph: it finds the names of people (PER),
//! organisations (ORG), places (LOC) and other names, mostly nationalities and groups (MISC),
//! with exact byte spans.
//!
//! **Entry point:** [`Recogniser`]. [`Recogniser::new`] loads the shipped model and the
//! knowledge base once; [`Recogniser::tag`] (`&self`, `Sync`, per-thread buffers) finds the
//! names of a text from its tokens and sentences.
//!
//! The tagger is a structured averaged perceptron (Collins 2002) over BIO tags, decoded with
//! Viterbi under BIO constraints, in the line of Ratinov & Roth (2009): word, word-shape, affix
//! and context features (see [`features`] for the full list) are hashed
//! straight into a fixed table of 2^19 weight rows, so that no string is built per feature.
//! Gazetteer features plug in through the [`Gazetteer`] trait; the shipped model uses
//! [`KbGazetteer`] ([`gazetteer`]): knowledge-base matches by kind (country, capital, place,
//! IGO, NGO, company, armed or political group, state organisation, person), demonyms, agent
//! nouns, a title lexicon, and first names and surnames drawn from the knowledge base's
//! persons. A document-level pass makes a
//! name's label consistent across the article and tags its untagged repeats (see
//! [`document`]). Rules then trim each name's
//! edges: no leading "the", no title before a person's name ("Ayatollah", "Sen.",
//! "President"), no possessive (see [`rules`]).
//!
//! Data flow: text, [`newsgraph_doc::Token`]s and [`newsgraph_doc::Sentence`]s → words split at
//! inner hyphens ("Iran-backed" → "Iran" "-" "backed") → per sentence, features
//! ([`features`], with the gazetteer's) → emission scores from the [`Model`] → Viterbi → BIO
//! tags → document pass → spans trimmed by [`rules`] → [`NamedSpan`]s.
//!
//! The shipped model ([`Model::load_embedded`]) was trained on Universal NER English-EWT and
//! English-PUD (Wikipedia half) and on GUM, with the knowledge-base gazetteer, by
//! `cargo run --release -p newsgraph-ner --bin newsgraph-ner-train -- ../shared/train crates/ner/data/model.bin`
//! (deterministic: the same data and knowledge base give the same bytes; see [`train()`] for
//! the dropout, recasing and margin settings of [`TrainConfig::default`]);
//! it is distributed under CC BY-SA 4.0 (see `data/NOTICE`).
//!
//! Lower-level APIs stay available: [`Model`] and [`Tagger`] (which picks the gazetteer the
//! model was trained with, [`Model::gazetteer`]), [`train()`] and [`evaluate`].
//!
//! ```
//! use newsgraph_ner::{Label, Recogniser};
//!
//! let text = "Maria Okafor met officials of the World Bank in Nairobi on Monday.";
//! let recogniser = Recogniser::new()?;
//! let tokens = newsgraph_segment::tokenize(text);
//! let sentences = newsgraph_segment::split_sentences(text, &[]);
//! let mut names = Vec::new();
//! recogniser.tag(text, &tokens, &sentences, &mut names);
//! let found: Vec<(&str, Label)> = names
//!     .iter()
//!     .map(|n| (&text[n.span.start()..n.span.end()], n.label))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [("Maria Okafor", Label::Per), ("World Bank", Label::Org), ("Nairobi", Label::Loc)]
//! );
//! # Ok::<(), newsgraph_ner::NerError>(())
//! ```
#![deny(missing_docs)]

mod data;
pub mod document;
pub mod features;
pub mod gazetteer;
mod hash;
mod label;
mod lexicon;
mod model;
mod recogniser;
pub mod rules;
mod train;

pub use data::{
    load_training_dir, norp_lexicon, parse_gum_conllu, parse_iob2, read_gum_conllu, read_iob2,
    tag_norp, TrainSentence, TrainingData,
};
pub use features::{GazFeature, Gazetteer, NoGazetteer};
pub use gazetteer::{KbGazetteer, KB_GAZETTEER_ID};
pub use label::{bio_spans, BioTag, Label, NamedSpan};
pub use model::{Model, Scratch, Tagger, FEATURE_SET};
pub use recogniser::Recogniser;
pub use train::{evaluate, evaluate_documents, train, Counts, Evaluation, TrainConfig};

/// What can go wrong when loading a model, reading training data or training.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NerError {
    /// The bytes are not a model this version can read.
    #[error("{input}: {what} (at byte {offset})")]
    Model {
        /// The model's name or path.
        input: String,
        /// Where the problem was found.
        offset: usize,
        /// What is wrong.
        what: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A training file is malformed.
    #[error("{input}:{line}: {what}")]
    Data {
        /// The file.
        input: String,
        /// The line (from 1).
        line: usize,
        /// What is wrong.
        what: String,
    },
    /// Training cannot run with what it was given.
    #[error("training: {0}")]
    Train(String),
    /// The knowledge base (for the gazetteer) could not be loaded.
    #[error("knowledge base: {0}")]
    Kb(#[source] &'static newsgraph_kb::KbError),
}
