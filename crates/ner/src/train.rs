//! Training (a structured averaged perceptron, Collins 2002) and evaluation.
//!
//! Each epoch visits the training sentences in an order shuffled with a fixed seed, decodes
//! each with the current weights (Viterbi over BIO tags, the decoder used at run time) and, where
//! the best tag sequence differs from the gold one, adds one to the weights of the gold tags'
//! features and transitions and subtracts one from the predicted ones'. The model is the
//! average of the weights over all steps, quantised to 16 bits. Everything is deterministic.
//!
//! Two kinds of dropout, fixed per sentence or token by the seed, keep the model from leaning
//! on what will be missing at run time: *gazetteer dropout* trains some sentences without
//! gazetteer features (names absent from the knowledge base must still be found from
//! context), and *word dropout* hides, for some capitalised tokens, the features that identify
//! the word itself (its form, exact form, word bigrams, four-letter affixes), so that the
//! model learns to label a name it has never seen from its shape, affixes, context and the
//! gazetteer, as it must for most names in news.
//!
//! Some sentences are also seen upper-cased or lower-cased (their tags unchanged), so that
//! the model learns to tag ALL CAPS headlines and text without capitals, whose words the
//! feature extractor recases from the casing lexicon (see [`crate::features`]).

use std::fmt;

use crate::data::TrainSentence;
use crate::features::{Extractor, Gazetteer};
use crate::label::{bio_spans, BioTag, Label, N_TAGS};
use crate::lexicon::Lexicon;
use crate::model::{viterbi, Model, Transitions};
use crate::NerError;

/// Training settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// The weight table has 2^bits rows (4..=26).
    pub bits: u32,
    /// The share of training sentences, in percent (0..=100), whose gazetteer features are
    /// left out, chosen with the seed: the model must then tag them from context alone, so
    /// that it does not come to rely on the gazetteer (Ratinov & Roth 2009 saw models grow
    /// lazy with one). The same sentences lose them in every epoch.
    pub gaz_dropout_percent: u32,
    /// The share of capitalised training tokens, in percent (0..=100), shown without the
    /// features that identify the word itself (see the module documentation), chosen with the
    /// seed, the same in every epoch.
    pub word_dropout_percent: u32,
    /// The share of training sentences, in percent, seen upper-cased (as ALL CAPS headlines),
    /// chosen with the seed.
    pub upper_case_percent: u32,
    /// The share of training sentences, in percent, seen lower-cased (as text without
    /// capitals), chosen with the seed among those not upper-cased.
    pub lower_case_percent: u32,
    /// The margin of loss-augmented decoding in training, in tenths: each wrong tag of a
    /// token gets this head start (twice over on name tokens) when the training sentence is
    /// decoded, so that the model learns to prefer the gold tags by a margin. 0 for the plain
    /// perceptron.
    pub margin_tenths: u32,
}

impl Default for TrainConfig {
    /// The settings of the shipped model.
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            seed: 0x6e65_7773,
            bits: 19,
            gaz_dropout_percent: 25,
            word_dropout_percent: 0,
            upper_case_percent: 4,
            lower_case_percent: 2,
            margin_tenths: 600,
        }
    }
}

/// A xorshift64* generator, for the shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }
}

/// Weights and their running sums for averaging.
struct Averaged {
    w: Vec<f32>,
    /// Sum over updates of step × change.
    u: Vec<f64>,
    tw: Transitions<f32>,
    tu: Transitions<f64>,
    step: f64,
}

impl Averaged {
    fn update(&mut self, bucket: u32, tag: usize, d: f32) {
        let i = bucket as usize * N_TAGS + tag;
        if let (Some(w), Some(u)) = (self.w.get_mut(i), self.u.get_mut(i)) {
            *w += d;
            *u += self.step * f64::from(d);
        }
    }

    fn update_trans(&mut self, row: usize, tag: usize, d: f32) {
        if let (Some(w), Some(u)) = (
            self.tw.get_mut(row).and_then(|r| r.get_mut(tag)),
            self.tu.get_mut(row).and_then(|r| r.get_mut(tag)),
        ) {
            *w += d;
            *u += self.step * f64::from(d);
        }
    }

    fn averaged_model(&self, bits: u32, lex: &Lexicon, gaz: &str) -> Model {
        let c = self.step.max(1.0);
        let w: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (f64::from(w) - u / c) as f32)
            .collect();
        let mut t = [[0f32; N_TAGS]; N_TAGS + 1];
        for ((tr, wr), ur) in t.iter_mut().zip(&self.tw).zip(&self.tu) {
            for ((t, &w), &u) in tr.iter_mut().zip(wr).zip(ur) {
                *t = (f64::from(w) - u / c) as f32;
            }
        }
        Model::quantise(bits, &w, &t, lex.clone(), gaz)
    }
}

/// Trains a model on `sentences` with the features of `gaz` (use
/// [`crate::NoGazetteer`] for none, [`crate::KbGazetteer`] for the shipped model's), calling `after_epoch(epoch, &model)` with the averaged
/// model after each epoch (numbered from 1), for example to score a development set.
///
/// # Errors
/// [`NerError::Train`] when there is nothing to learn from or the settings are out of range.
pub fn train(
    sentences: &[TrainSentence],
    config: &TrainConfig,
    gaz: &dyn Gazetteer,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Result<Model, NerError> {
    if !(4..=26).contains(&config.bits) {
        return Err(NerError::Train(format!(
            "bits {} out of range 4..=26",
            config.bits
        )));
    }
    let percents = [
        config.gaz_dropout_percent,
        config.word_dropout_percent,
        config.upper_case_percent,
        config.lower_case_percent,
    ];
    if percents.iter().any(|&p| p > 100)
        || config.upper_case_percent + config.lower_case_percent > 100
    {
        return Err(NerError::Train(format!(
            "percentages (dropout {}%, {}%; upper {}%, lower {}%) out of range 0..=100",
            percents[0], percents[1], percents[2], percents[3]
        )));
    }
    if config.epochs == 0 {
        return Err(NerError::Train("epochs must be at least 1".to_owned()));
    }
    if sentences.iter().any(|s| s.tokens.len() != s.tags.len()) {
        return Err(NerError::Train(
            "a sentence has more tokens than tags or fewer".to_owned(),
        ));
    }
    let usable: Vec<&TrainSentence> = sentences.iter().filter(|s| !s.tokens.is_empty()).collect();
    if usable.is_empty() {
        return Err(NerError::Train("no training sentences".to_owned()));
    }
    let mut ex = Extractor::default();
    let lex = casing_lexicon(&usable, &mut ex);
    // Features are computed once.
    let mut feats: Vec<u32> = Vec::new();
    let mut offsets: Vec<u32> = Vec::new();
    let mut sent_ranges: Vec<(usize, usize)> = Vec::new();
    let (mut f, mut o) = (Vec::new(), Vec::new());
    let mut drop_rng = Rng(config.seed.rotate_left(17) ^ 0x6761_7a00 | 1);
    let mut word_rng = Rng(config.seed.rotate_left(31) ^ 0x776f_7264 | 1);
    let mut case_rng = Rng(config.seed.rotate_left(47) ^ 0x6361_7365 | 1);
    let mut masked = Vec::new();
    let mut recased: Vec<String> = Vec::new();
    for s in &usable {
        let roll = case_rng.below(100);
        let (up, low) = (
            config.upper_case_percent as usize,
            config.lower_case_percent as usize,
        );
        recased.clear();
        if roll < up {
            recased.extend(s.tokens.iter().map(|t| t.to_uppercase()));
        } else if roll < up + low {
            recased.extend(s.tokens.iter().map(|t| t.to_lowercase()));
        }
        let toks: Vec<&str> = if recased.is_empty() {
            s.tokens.iter().map(String::as_str).collect()
        } else {
            recased.iter().map(String::as_str).collect()
        };
        let dropped = drop_rng.below(100) < config.gaz_dropout_percent as usize;
        let g: &dyn Gazetteer = if dropped { &crate::NoGazetteer } else { gaz };
        masked.clear();
        for t in &toks {
            let m = ex.maskable(t) && word_rng.below(100) < config.word_dropout_percent as usize;
            masked.push(m);
        }
        ex.extract_masked(&toks, &lex, g, config.bits, &mut f, &mut o, &masked);
        let base = feats.len() as u32;
        let start = offsets.len();
        offsets.extend(o.iter().take(toks.len()).map(|x| x + base));
        feats.extend_from_slice(&f);
        sent_ranges.push((start, toks.len()));
    }
    offsets.push(feats.len() as u32);
    let size = 1usize << config.bits;
    let mut model = Averaged {
        w: vec![0.0; size * N_TAGS],
        u: vec![0.0; size * N_TAGS],
        tw: [[0.0; N_TAGS]; N_TAGS + 1],
        tu: [[0.0; N_TAGS]; N_TAGS + 1],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..usable.len()).collect();
    let mut rng = Rng(config.seed | 1);
    let (mut em, mut back, mut path) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = None;
    for epoch in 1..=config.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &k in &order {
            let (Some(s), Some(&(start, n))) = (usable.get(k), sent_ranges.get(k)) else {
                continue;
            };
            let tok_feats = |t: usize| -> &[u32] {
                let (a, b) = (offsets.get(start + t), offsets.get(start + t + 1));
                match (a, b) {
                    (Some(&a), Some(&b)) => feats.get(a as usize..b as usize).unwrap_or(&[]),
                    _ => &[],
                }
            };
            em.clear();
            for t in 0..n {
                let mut e = [0f32; N_TAGS];
                for &fb in tok_feats(t) {
                    let base = fb as usize * N_TAGS;
                    if let Some(row) = model.w.get(base..base + N_TAGS) {
                        for (x, w) in e.iter_mut().zip(row) {
                            *x += w;
                        }
                    }
                }
                em.push(e);
            }
            let gold: Vec<usize> = s.tags.iter().map(|t| t.index()).collect();
            if config.margin_tenths > 0 {
                // Loss-augmented decoding: every wrong tag gets a head start, so that the
                // gold sequence must win by a margin.
                let m = config.margin_tenths as f32 / 10.0;
                for (e, &g) in em.iter_mut().zip(&gold) {
                    for (k, x) in e.iter_mut().enumerate() {
                        if k != g {
                            *x += if g == 0 { m } else { 2.0 * m };
                        }
                    }
                }
            }
            viterbi(&em, &model.tw, &mut back, &mut path);
            if path != gold {
                let (mut pg, mut pp) = (0usize, 0usize);
                for t in 0..n {
                    let (g, p) = (
                        gold.get(t).copied().unwrap_or(0),
                        path.get(t).copied().unwrap_or(0),
                    );
                    if g != p {
                        for &fb in tok_feats(t) {
                            model.update(fb, g, 1.0);
                            model.update(fb, p, -1.0);
                        }
                    }
                    if (pg, g) != (pp, p) {
                        model.update_trans(pg, g, 1.0);
                        model.update_trans(pp, p, -1.0);
                    }
                    pg = g + 1;
                    pp = p + 1;
                }
            }
            model.step += 1.0;
        }
        let m = model.averaged_model(config.bits, &lex, gaz.id());
        after_epoch(epoch, &m);
        last = Some(m);
    }
    last.ok_or_else(|| NerError::Train("no epoch ran".to_owned()))
}

/// The casing lexicon of the training text: forms seen at least twice, at least half of the
/// time in lower case.
fn casing_lexicon(sentences: &[&TrainSentence], ex: &mut Extractor) -> Lexicon {
    let mut counts: std::collections::HashMap<u64, (u32, u32)> = std::collections::HashMap::new();
    for s in sentences {
        for t in &s.tokens {
            let (form, lower) = ex.form_case(t);
            let c = counts.entry(form).or_default();
            c.0 += u32::from(lower);
            c.1 += 1;
        }
    }
    let mut forms: Vec<u64> = counts
        .into_iter()
        .filter(|(_, (lower, all))| *lower >= 2 && *lower * 2 >= *all)
        .map(|(f, _)| f)
        .collect();
    forms.sort_unstable();
    Lexicon::from_forms(Lexicon::BITS, forms)
}

/// Counts of one label: names found and right, found, and in the gold data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Found names with the gold span and label.
    pub correct: usize,
    /// Names found.
    pub predicted: usize,
    /// Gold names.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1 (0 when undefined).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.predicted > 0 {
            self.correct as f64 / self.predicted as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.correct as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Exact-span scores per label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Counts for PER, ORG, LOC and MISC, in [`Label::ALL`] order.
    pub per_label: [Counts; 4],
}

impl Evaluation {
    /// Micro-averaged counts over the labels for which the gold data has names (a gold set
    /// that does not annotate MISC does not count MISC predictions against the model).
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for l in self.per_label.iter().filter(|l| l.gold > 0) {
            c.correct += l.correct;
            c.predicted += l.predicted;
            c.gold += l.gold;
        }
        c
    }
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (label, c) in Label::ALL.iter().zip(&self.per_label) {
            let (p, r, f1) = c.prf();
            writeln!(
                f,
                "  {:<5} P {:.3} R {:.3} F1 {:.3}  (gold {}, found {})",
                label.as_str(),
                p,
                r,
                f1,
                c.gold,
                c.predicted
            )?;
        }
        let (p, r, f1) = self.overall().prf();
        write!(f, "  all   P {p:.3} R {r:.3} F1 {f1:.3}")
    }
}

/// Scores `model` on `sentences`, each decoded on its own: a name is right when its span and
/// label are the gold ones.
pub fn evaluate(model: &Model, sentences: &[TrainSentence]) -> Evaluation {
    let mut tagger = crate::Tagger::new(model);
    let mut pred: Vec<BioTag> = Vec::new();
    let mut all = Vec::new();
    for s in sentences {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        tagger.tag_tokens(&toks, &mut pred);
        all.push(pred.clone());
    }
    score(sentences, &all)
}

/// Scores `model` on `sentences` decoded as documents (consecutive sentences with the same
/// [`TrainSentence::doc`]), with the document-level pass of [`crate::document`].
pub fn evaluate_documents(model: &Model, sentences: &[TrainSentence]) -> Evaluation {
    let mut tagger = crate::Tagger::new(model);
    let mut all = Vec::new();
    let mut out = Vec::new();
    for doc in sentences.chunk_by(|a, b| a.doc == b.doc) {
        let toks: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let refs: Vec<&[&str]> = toks.iter().map(Vec::as_slice).collect();
        tagger.tag_document_tokens(&refs, &mut out);
        all.append(&mut out);
    }
    score(sentences, &all)
}

fn score(sentences: &[TrainSentence], predicted: &[Vec<BioTag>]) -> Evaluation {
    let mut ev = Evaluation::default();
    for (s, pred) in sentences.iter().zip(predicted) {
        let gold = bio_spans(&s.tags);
        let found = bio_spans(pred);
        for (i, l) in Label::ALL.iter().enumerate() {
            let Some(c) = ev.per_label.get_mut(i) else {
                continue;
            };
            c.gold += gold.iter().filter(|g| g.2 == *l).count();
            c.predicted += found.iter().filter(|g| g.2 == *l).count();
            c.correct += found
                .iter()
                .filter(|g| g.2 == *l && gold.contains(g))
                .count();
        }
    }
    ev
}
