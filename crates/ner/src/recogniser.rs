//! The entry point of the entity stage: the shipped model with the knowledge-base gazetteer.

use std::cell::RefCell;

use newsgraph_doc::{Sentence, Token};
use newsgraph_kb::Kb;

use crate::gazetteer::{KbGazetteer, KB_GAZETTEER_ID};
use crate::label::NamedSpan;
use crate::model::{tag_text, Model, Scratch};
use crate::NerError;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The named-entity recogniser: the shipped model ([`Model::load_embedded`]) with the
/// knowledge-base gazetteer it was trained with ([`KbGazetteer`] over [`Kb::global`]).
///
/// Create one per process and share it: it is `Send + Sync` and [`Recogniser::tag`] takes
/// `&self`. The per-call buffers live in a thread-local [`Scratch`] (one per thread, kept
/// between calls and sized by the largest document the thread has tagged); pass your own with
/// [`Recogniser::tag_with`] to control them.
///
/// ```
/// let rec = newsgraph_ner::Recogniser::new()?;
/// let text = "Ali Rahimi flew to Tel Aviv.";
/// let tokens = newsgraph_segment::tokenize(text);
/// let sentences = newsgraph_segment::split_sentences(text, &[]);
/// let mut names = Vec::new();
/// rec.tag(text, &tokens, &sentences, &mut names);
/// assert!(names.iter().any(|n| &text[n.span.start()..n.span.end()] == "Tel Aviv"));
/// # Ok::<(), newsgraph_ner::NerError>(())
/// ```
#[derive(Debug)]
pub struct Recogniser {
    model: Model,
    gaz: &'static KbGazetteer<'static>,
}

impl Recogniser {
    /// Loads the embedded model and the process-wide knowledge base (decoding both takes a
    /// few tens of milliseconds in a release build; the model's weight table takes about
    /// 10 MB).
    ///
    /// # Errors
    /// [`NerError::Kb`] if the knowledge base cannot be loaded, [`NerError::Model`] if the
    /// embedded model cannot be read or was not trained with the knowledge-base gazetteer.
    pub fn new() -> Result<Recogniser, NerError> {
        Kb::global().map_err(NerError::Kb)?;
        let gaz = KbGazetteer::global().ok_or_else(|| NerError::Model {
            input: "knowledge-base gazetteer".to_owned(),
            offset: 0,
            what: "the knowledge base did not load".to_owned(),
        })?;
        let model = Model::load_embedded()?;
        if model.gazetteer() != KB_GAZETTEER_ID {
            return Err(NerError::Model {
                input: "embedded model".to_owned(),
                offset: 0,
                what: format!(
                    "trained with gazetteer {:?}, not {KB_GAZETTEER_ID:?}",
                    model.gazetteer()
                ),
            });
        }
        Ok(Recogniser { model, gaz })
    }

    /// Finds the names in `text`, writing them to `out` (cleared first) in text order, as
    /// [`crate::Tagger::tag`] does (same inputs, same document-level pass and edge rules),
    /// with a thread-local [`Scratch`]. No input makes this panic.
    pub fn tag(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        out: &mut Vec<NamedSpan>,
    ) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.tag_with(&mut s, text, tokens, sentences, out),
            // Only reachable if tagging re-entered itself on this thread.
            Err(_) => self.tag_with(&mut Scratch::default(), text, tokens, sentences, out),
        });
    }

    /// [`Recogniser::tag`] with buffers of your own.
    pub fn tag_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        out: &mut Vec<NamedSpan>,
    ) {
        tag_text(
            &self.model,
            self.gaz,
            scratch,
            true,
            (text, tokens, sentences),
            out,
        );
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The gazetteer, and through it ([`KbGazetteer::kb`]) the knowledge base.
    pub fn gazetteer(&self) -> &'static KbGazetteer<'static> {
        self.gaz
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Recogniser>();
        check::<Scratch>();
    }
}
