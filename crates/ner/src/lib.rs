//! A statistical named-entity tagger for newsgraph: it finds the names of people (PER),
//! organisations (ORG), places (LOC) and other names, mostly nationalities and groups (MISC),
//! with exact byte spans.
//!
//! The tagger is a structured averaged perceptron (Collins 2002) over BIO tags, decoded with
//! Viterbi under BIO constraints, in the line of Ratinov & Roth (2009): word, word-shape, affix
//! and context features (see [`features`] for the full list) are hashed
//! straight into a fixed table of 2^19 weight rows, so that no string is built per feature.
//! Gazetteer features plug in through the [`Gazetteer`] trait. A document-level pass makes a
//! name's label consistent across the article and tags its untagged repeats (see
//! [`document`]). Rules then trim each name's
//! edges: no leading "the", no title before a person's name ("Ayatollah", "Sen.",
//! "President"), no possessive (see [`rules`]).
//!
//! The shipped model ([`Model::load_embedded`]) was trained on Universal NER English-EWT and
//! English-PUD (Wikipedia half) and on GUM, by
//! `cargo run --release -p newsgraph-ner --bin newsgraph-ner-train -- ../shared/train crates/ner/data/model.bin`;
//! it is distributed under CC BY-SA 4.0 (see `data/NOTICE`).
//!
//! ```
//! use newsgraph_ner::{Label, Model, Tagger};
//!
//! let text = "Maria Okafor met officials in Nairobi on Monday.";
//! let model = Model::load_embedded()?;
//! let tokens = newsgraph_segment::tokenize(text);
//! let sentences = newsgraph_segment::split_sentences(text, &[]);
//! let mut names = Vec::new();
//! Tagger::new(&model).tag(text, &tokens, &sentences, &mut names);
//! let found: Vec<(&str, Label)> = names
//!     .iter()
//!     .map(|n| (&text[n.span.start()..n.span.end()], n.label))
//!     .collect();
//! assert_eq!(found, [("Maria Okafor", Label::Per), ("Nairobi", Label::Loc)]);
//! # Ok::<(), newsgraph_ner::NerError>(())
//! ```
#![deny(missing_docs)]

mod data;
pub mod document;
pub mod features;
mod hash;
mod label;
mod lexicon;
mod model;
pub mod rules;
mod train;

pub use data::{
    load_training_dir, norp_lexicon, parse_gum_conllu, parse_iob2, read_gum_conllu, read_iob2,
    tag_norp, TrainSentence, TrainingData,
};
pub use features::{GazFeature, Gazetteer, NoGazetteer};
pub use label::{bio_spans, BioTag, Label, NamedSpan};
pub use model::{Model, Tagger, FEATURE_SET};
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
}
