//! The newsgraph pipeline: readers, stages and the contract joined together.
//!
//! A [`Pipeline`] is an ordered list of [`Stage`]s in two groups: the article layer (regions,
//! language, sentences, tokens, quotation marks), which runs on every article, and the analysis
//! stages (entities, attribution, events, relations, as they arrive), which run only on
//! English articles. [`Pipeline::new`] checks that every stage's required layers are assigned
//! by an earlier stage, so a disabled stage that others need is reported, not discovered as
//! missing output.
//!
//! ```
//! use newsgraph::{Pipeline, PipelineConfig};
//! use newsgraph_doc::{Doc, Meta};
//!
//! let pipeline = Pipeline::new(&PipelineConfig::default()).unwrap();
//! let mut doc = Doc::new("a1", "By Ann Lee\n\nRain fell on Oslo. Roads closed.", Meta::default());
//! pipeline.run(&mut doc);
//! let sentences: Vec<&str> = doc.sentences.iter().flatten().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences, ["Rain fell on Oslo.", "Roads closed."]);
//! ```
#![deny(missing_docs)]

use std::fmt;
use std::time::{Duration, Instant};

use newsgraph_doc::{Diagnostic, Doc, Layer, Severity, Stage};
use newsgraph_read::Article;
use rayon::prelude::*;

pub use newsgraph_contract as contract;
pub use newsgraph_doc as doc;
pub use newsgraph_read as read;

/// Which stages to run.
#[derive(Clone, Debug, Default)]
pub struct PipelineConfig {
    /// Names of stages to leave out (see [`Pipeline::stage_names`]).
    pub disabled: Vec<String>,
}

/// A pipeline that cannot be built as configured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PipelineError {
    /// A disabled stage name that no stage has.
    UnknownStage {
        /// The name given.
        name: String,
        /// The names there are.
        known: Vec<&'static str>,
    },
    /// A stage needs a layer that no earlier stage assigns (usually: a disabled stage).
    MissingLayer {
        /// The stage that needs it.
        stage: &'static str,
        /// The layer it needs.
        layer: &'static str,
    },
    /// A stage's embedded model or data could not be loaded.
    Model(String),
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipelineError::UnknownStage { name, known } => write!(
                f,
                "no stage is called {name:?}; the stages are {}",
                known.join(", ")
            ),
            PipelineError::MissingLayer { stage, layer } => write!(
                f,
                "stage {stage:?} needs the {layer} layer, which no earlier stage assigns \
                 (was the stage that makes it disabled?)"
            ),
            PipelineError::Model(what) => write!(f, "{what}"),
        }
    }
}

impl std::error::Error for PipelineError {}

/// An ordered list of stages.
pub struct Pipeline {
    article: Vec<Box<dyn Stage>>,
    analysis: Vec<Box<dyn Stage>>,
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pipeline")
            .field("stages", &self.stage_names())
            .finish()
    }
}

impl Pipeline {
    /// The standard pipeline, less the stages `config` disables.
    ///
    /// # Errors
    /// [`PipelineError`] when a disabled name is unknown, a remaining stage lacks its input, or
    /// a stage's embedded model cannot be loaded.
    pub fn new(config: &PipelineConfig) -> Result<Self, PipelineError> {
        let entities = newsgraph_entities::EntityStage::new()
            .map_err(|e| PipelineError::Model(e.to_string()))?;
        Self::from_stages(
            newsgraph_segment::article_stages(),
            vec![
                Box::new(entities),
                Box::new(newsgraph_attrib::AttributionStage::new()),
                Box::new(newsgraph_events::EventStage::new()),
                Box::new(newsgraph_relations::RelationStage::new()),
            ],
            config,
        )
    }

    /// A pipeline of the given article-layer and analysis stages, less those `config` disables.
    ///
    /// # Errors
    /// As [`Pipeline::new`].
    pub fn from_stages(
        article: Vec<Box<dyn Stage>>,
        analysis: Vec<Box<dyn Stage>>,
        config: &PipelineConfig,
    ) -> Result<Self, PipelineError> {
        let known: Vec<&'static str> = article.iter().chain(&analysis).map(|s| s.name()).collect();
        for name in &config.disabled {
            if !known.contains(&name.as_str()) {
                return Err(PipelineError::UnknownStage {
                    name: name.clone(),
                    known,
                });
            }
        }
        let keep = |s: &dyn Stage| !config.disabled.iter().any(|d| d == s.name());
        let article: Vec<_> = article.into_iter().filter(|s| keep(s.as_ref())).collect();
        let analysis: Vec<_> = analysis.into_iter().filter(|s| keep(s.as_ref())).collect();
        let mut assigned: Vec<Layer> = Vec::new();
        for stage in article.iter().chain(&analysis) {
            if let Some(layer) = stage.requires().iter().find(|l| !assigned.contains(l)) {
                return Err(PipelineError::MissingLayer {
                    stage: stage.name(),
                    layer: layer.as_str(),
                });
            }
            assigned.extend_from_slice(stage.assigns());
        }
        Ok(Self { article, analysis })
    }

    /// The names of the stages, in the order they run.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages().map(|s| s.name()).collect()
    }

    fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.article
            .iter()
            .chain(&self.analysis)
            .map(|s| s.as_ref())
    }

    /// Runs every stage on `doc`. Analysis stages run only on English (or undetected) text.
    pub fn run(&self, doc: &mut Doc) {
        for stage in &self.article {
            stage.run(doc);
        }
        if is_analysable(doc) {
            for stage in &self.analysis {
                stage.run(doc);
            }
        }
        self.debug_check(doc);
    }

    /// Runs every stage on `doc`, adding each stage's time to `timings` (one slot per stage,
    /// in [`Pipeline::stage_names`] order; the slice grows as needed).
    pub fn run_timed(&self, doc: &mut Doc, timings: &mut Vec<Duration>) {
        let n = self.article.len() + self.analysis.len();
        if timings.len() < n {
            timings.resize(n, Duration::ZERO);
        }
        let analysable_from = self.article.len();
        for (i, stage) in self.stages().enumerate() {
            if i >= analysable_from && !is_analysable(doc) {
                break;
            }
            let t = Instant::now();
            stage.run(doc);
            timings[i] += t.elapsed();
        }
    }

    fn debug_check(&self, doc: &mut Doc) {
        if cfg!(debug_assertions) {
            for p in newsgraph_doc::check_spans(doc) {
                doc.diagnostics.push(Diagnostic {
                    stage: "check",
                    severity: Severity::Warning,
                    message: format!("{} span {}: {}", p.layer, fmt_span(p.span), p.problem),
                    span: None,
                });
            }
        }
    }

    /// Extracts `articles` on all threads of the current rayon pool, mapping each finished
    /// document through `finish`; results come back in input order.
    pub fn extract_batch<T, F>(&self, articles: Vec<Article>, finish: F) -> Vec<T>
    where
        T: Send,
        F: Fn(&Doc) -> T + Sync,
    {
        articles
            .into_par_iter()
            .map(|a| {
                let mut doc = doc_from_article(a);
                self.run(&mut doc);
                finish(&doc)
            })
            .collect()
    }
}

fn fmt_span(s: newsgraph_doc::ByteSpan) -> String {
    format!("{}..{}", s.start(), s.end())
}

fn is_analysable(doc: &Doc) -> bool {
    matches!(doc.meta.language.as_deref(), None | Some("en"))
}

/// A document for an article read by a reader.
pub fn doc_from_article(article: Article) -> Doc {
    Doc::new(article.id, article.text, article.meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);
    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> &'static [Layer] {
            self.1
        }
        fn assigns(&self) -> &'static [Layer] {
            self.2
        }
        fn run(&self, _doc: &mut Doc) {}
    }

    fn fakes() -> Vec<Box<dyn Stage>> {
        vec![
            Box::new(Fake("regions", &[], &[Layer::Regions])),
            Box::new(Fake("sentences", &[Layer::Regions], &[Layer::Sentences])),
        ]
    }

    #[test]
    fn disabling_a_needed_stage_is_reported() {
        let config = PipelineConfig {
            disabled: vec!["regions".into()],
        };
        let err = Pipeline::from_stages(fakes(), vec![], &config).unwrap_err();
        assert_eq!(
            err,
            PipelineError::MissingLayer {
                stage: "sentences",
                layer: "regions"
            }
        );
    }

    #[test]
    fn unknown_stage_names_the_known_ones() {
        let config = PipelineConfig {
            disabled: vec!["sentense".into()],
        };
        let err = Pipeline::from_stages(fakes(), vec![], &config).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("sentense") && msg.contains("regions, sentences"),
            "{msg}"
        );
    }

    /// Marks the document so a test can see that it ran.
    struct Marker;
    impl Stage for Marker {
        fn name(&self) -> &'static str {
            "marker"
        }
        fn requires(&self) -> &'static [Layer] {
            &[]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[]
        }
        fn run(&self, doc: &mut Doc) {
            doc.diagnostics.push(Diagnostic {
                stage: "marker",
                severity: Severity::Note,
                message: String::new(),
                span: None,
            });
        }
    }

    #[test]
    fn analysis_stages_run_only_on_english_articles() {
        let p = Pipeline::from_stages(
            newsgraph_segment::article_stages(),
            vec![Box::new(Marker)],
            &PipelineConfig::default(),
        )
        .unwrap();
        let ran = |text: &str| {
            let mut doc = Doc::new("x", text, newsgraph_doc::Meta::default());
            p.run(&mut doc);
            assert!(doc.sentences.is_some(), "the article layer always runs");
            doc.diagnostics.iter().any(|d| d.stage == "marker")
        };
        assert!(ran("The council met on Monday and said that it would vote on the budget in June, after the talks."));
        assert!(!ran(
            "Le conseil municipal s'est réuni lundi soir et a déclaré qu'il voterait le budget \
             de la ville en juin, après de longues discussions avec les syndicats et les \
             représentants des quartiers, qui réclament davantage de moyens pour les écoles."
        ));
    }

    #[test]
    fn the_bundled_example_keeps_the_offsets_invariant() {
        let text = include_str!("../../../examples/article.txt");
        let p = Pipeline::new(&PipelineConfig::default()).unwrap();
        let mut doc = Doc::new("example", text, newsgraph_doc::Meta::default());
        p.run(&mut doc);
        assert_eq!(newsgraph_doc::check_spans(&doc), vec![]);
        assert_eq!(doc.meta.dateline.as_deref(), Some("VALDORIA"));
        assert!(doc.sentences.as_ref().unwrap().len() >= 10);
    }

    #[test]
    fn disabling_a_leaf_stage_works() {
        let config = PipelineConfig {
            disabled: vec!["sentences".into()],
        };
        let p = Pipeline::from_stages(fakes(), vec![], &config).unwrap();
        assert_eq!(p.stage_names(), ["regions"]);
    }
}
