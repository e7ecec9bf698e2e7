//! Scores newsgraph extractions against gold articles, by exactly the rules of the project's
//! `eval/score.py`, so that `newsgraph eval` and `score.py` agree on every number.
//!
//! Gold articles and predictions are plain JSON values (one object per article, matched by
//! `id`; formats: `gold/README.md` and `eval/OUTPUT.md` of the shared data). [`score`] returns
//! the [`Scores`]: precision, recall and F1 per layer that the gold set annotates (mentions,
//! entities, quotes by content and by content and source, events, relations), then the
//! accuracy of details over matched items (a quote source's anonymity and count, an event's
//! date). [`Scores::to_json`] is the object `score.py --json` prints, key for key, and
//! [`Scores::to_text`] the lines it prints without `--json`.
//!
//! Malformed predictions never make the scorer panic: a field of the wrong type counts as
//! absent, and an item that is not an object (on which score.py would fail) is skipped.
//!
//! ```
//! use serde_json::json;
//!
//! let gold = vec![json!({"id": "a1", "text": "Mira Tal met the Orva Board.",
//!     "entities": [{"name": "Mira Tal", "type": "PERSON", "aliases": []},
//!                  {"name": "Orva Board", "type": "ORG", "aliases": []}]})];
//! let pred = vec![json!({"id": "a1", "entities": [
//!     {"id": "e1", "name": "Mira Tal", "type": "PERSON", "mentions": []},
//!     {"id": "e2", "name": "Tal", "type": "ORG", "mentions": []}]})];
//! let (scores, lines) = newsgraph_eval::score(&gold, &pred, true);
//! let entities = scores.layer("entities").unwrap();
//! assert_eq!((entities.precision, entities.recall, entities.f1), (0.5, 0.5, 0.5));
//! assert_eq!(lines, ["  [a1] missed entity: Orva Board (ORG)",
//!                    "  [a1] spurious entity: Tal (ORG)"]);
//! assert_eq!(scores.to_json()["entities"]["gold"], 2);
//! ```
#![deny(missing_docs)]

mod doc_score;
mod jsonl;
mod py;
mod rules;

use std::collections::HashMap;

use serde_json::{Map, Value};

pub use jsonl::{read_jsonl, EvalError};

use doc_score::{Accuracy, Tallies, Tally};
use py::Obj;

/// Precision, recall and F1 of one layer, rounded to 4 places as score.py rounds them, with
/// the counts behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerScore {
    /// The layer: `mentions`, `entities`, `quotes.content`, `quotes.content+source`, `events`
    /// or `relations`.
    pub name: String,
    /// Share of predictions that match gold (1.0 when nothing was predicted nor expected).
    pub precision: f64,
    /// Share of gold items found (1.0 when there is no gold item).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Number of predictions counted (those matching only optional gold items are not).
    pub predicted: usize,
    /// Number of gold items counted (optional ones are not).
    pub gold: usize,
}

/// Accuracy of one detail over the matched items that have it in gold.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailScore {
    /// The detail: `quotes.anonymous`, `quotes.count` or `events.date`.
    pub name: String,
    /// Share of matched items whose detail is right, rounded to 4 places.
    pub accuracy: f64,
    /// Number of matched items with the detail in gold (always above 0 here).
    pub matched: usize,
}

/// The result of a scoring run, in the order score.py reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// The layers the gold set annotates, in score.py's order.
    pub layers: Vec<LayerScore>,
    /// The details that had at least one matched item, in score.py's order.
    pub details: Vec<DetailScore>,
    /// Number of gold articles (distinct ids).
    pub articles: usize,
    /// Ids of the gold articles without a prediction, in gold order.
    pub articles_without_prediction: Vec<String>,
}

/// Python's `round(x, 4)`: correctly rounded, ties to even on the exact binary value (which is
/// also what Rust's fixed-precision formatting does).
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// score.py's `prf`.
fn prf(t: &Tally) -> (f64, f64, f64) {
    let p = if t.n_p > 0 {
        t.tp_p as f64 / t.n_p as f64
    } else if t.n_g == 0 {
        1.0
    } else {
        0.0
    };
    let r = if t.n_g > 0 {
        t.tp_g as f64 / t.n_g as f64
    } else {
        1.0
    };
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn layer_row(name: &str, t: &Tally) -> LayerScore {
    let (p, r, f) = prf(t);
    LayerScore {
        name: name.to_string(),
        precision: round4(p),
        recall: round4(r),
        f1: round4(f),
        predicted: t.n_p,
        gold: t.n_g,
    }
}

fn detail_row(name: &str, a: &Accuracy) -> Option<DetailScore> {
    (a.n > 0).then(|| DetailScore {
        name: name.to_string(),
        accuracy: round4(a.right as f64 / a.n as f64),
        matched: a.n,
    })
}

/// Objects keyed by id as a Python dict is: a later duplicate replaces the value but keeps the
/// first one's position.
#[derive(Default)]
struct Keyed<'a> {
    items: Vec<(String, &'a Obj)>,
    index: HashMap<String, usize>,
}

impl<'a> Keyed<'a> {
    fn insert(&mut self, id: String, obj: &'a Obj) {
        match self.index.get(&id) {
            Some(&i) => {
                if let Some(slot) = self.items.get_mut(i) {
                    slot.1 = obj;
                }
            }
            None => {
                self.index.insert(id.clone(), self.items.len());
                self.items.push((id, obj));
            }
        }
    }

    fn get(&self, id: &str) -> Option<&'a Obj> {
        self.index
            .get(id)
            .and_then(|&i| self.items.get(i))
            .map(|(_, o)| *o)
    }
}

/// Scores predictions against gold articles as `score.py GOLD PRED` does.
///
/// Gold articles are keyed by `str(id)` and predictions by `str(id)` too (`"None"` when
/// absent); a later article with the same id replaces an earlier one. A gold value that is not
/// an object or has no `id` (on which score.py would fail) is skipped, as is a prediction that
/// is not an object.
///
/// Returns the scores and, when `verbose`, the lines `score.py --verbose` prints for missed
/// and spurious items, such as `  [a1] missed mention: 'Orva' LOC` (without line ends).
pub fn score(gold: &[Value], pred: &[Value], verbose: bool) -> (Scores, Vec<String>) {
    let mut golds = Keyed::default();
    for g in gold {
        if let Some((o, id)) = g.as_object().and_then(|o| Some((o, o.get("id")?))) {
            golds.insert(py::to_str(id), o);
        }
    }
    let mut preds = Keyed::default();
    for p in pred {
        if let Some(o) = p.as_object() {
            preds.insert(py::to_str_opt(o.get("id")), o);
        }
    }
    let has = |key: &str| golds.items.iter().any(|(_, g)| g.contains_key(key));
    let mut layers: Vec<&str> = Vec::new();
    if has("mentions") {
        layers.push("mentions");
    }
    if has("entities") {
        layers.push("entities");
    }
    if has("quotes") {
        layers.extend(["quotes.content", "quotes.content+source"]);
    }
    if has("events") {
        layers.push("events");
    }
    if has("relations") {
        layers.push("relations");
    }

    let mut t = Tallies::default();
    let mut lines = Vec::new();
    let empty = Obj::new();
    let mut missing = Vec::new();
    for (id, g) in &golds.items {
        let p = preds.get(id);
        if p.is_none() {
            missing.push(id.clone());
        }
        let out = if verbose { Some(&mut lines) } else { None };
        doc_score::score_doc(id, g, p.unwrap_or(&empty), &mut t, out);
    }

    let layer_rows = layers
        .iter()
        .map(|&name| {
            let tally = match name {
                "mentions" => &t.mentions,
                "entities" => &t.entities,
                "quotes.content" => &t.quotes_content,
                "quotes.content+source" => &t.quotes_source,
                "events" => &t.events,
                _ => &t.relations,
            };
            layer_row(name, tally)
        })
        .collect();
    let details = [
        ("quotes.anonymous", &t.quotes_anonymous),
        ("quotes.count", &t.quotes_count),
        ("events.date", &t.events_date),
    ]
    .iter()
    .filter_map(|(name, a)| detail_row(name, a))
    .collect();
    let scores = Scores {
        layers: layer_rows,
        details,
        articles: golds.items.len(),
        articles_without_prediction: missing,
    };
    (scores, lines)
}

impl Scores {
    /// The object `score.py --json` prints, with the same keys in the same order: one object
    /// per layer (`precision`, `recall`, `f1`, `predicted`, `gold`), one per detail
    /// (`accuracy`, `matched`), then `articles` and `articles_without_prediction`.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        for l in &self.layers {
            let mut row = Map::new();
            row.insert("precision".into(), Value::from(l.precision));
            row.insert("recall".into(), Value::from(l.recall));
            row.insert("f1".into(), Value::from(l.f1));
            row.insert("predicted".into(), Value::from(l.predicted));
            row.insert("gold".into(), Value::from(l.gold));
            out.insert(l.name.clone(), Value::Object(row));
        }
        for d in &self.details {
            let mut row = Map::new();
            row.insert("accuracy".into(), Value::from(d.accuracy));
            row.insert("matched".into(), Value::from(d.matched));
            out.insert(d.name.clone(), Value::Object(row));
        }
        out.insert("articles".into(), Value::from(self.articles));
        out.insert(
            "articles_without_prediction".into(),
            Value::from(self.articles_without_prediction.clone()),
        );
        Value::Object(out)
    }

    /// The lines score.py prints without `--json`, each ending in `\n`: one per layer, one per
    /// detail, and `no prediction for N of M articles` when some are missing.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for l in &self.layers {
            s.push_str(&format!(
                "{:24} P {:.3}  R {:.3}  F1 {:.3}  (pred {}, gold {})\n",
                l.name, l.precision, l.recall, l.f1, l.predicted, l.gold
            ));
        }
        for d in &self.details {
            s.push_str(&format!(
                "{:24} accuracy {:.3}  (of {} matched)\n",
                d.name, d.accuracy, d.matched
            ));
        }
        if !self.articles_without_prediction.is_empty() {
            s.push_str(&format!(
                "no prediction for {} of {} articles\n",
                self.articles_without_prediction.len(),
                self.articles
            ));
        }
        s
    }

    /// The score of layer `name` (as named in [`LayerScore::name`]), if the gold set has it.
    pub fn layer(&self, name: &str) -> Option<LayerScore> {
        self.layers.iter().find(|l| l.name == name).cloned()
    }

    /// The accuracy of detail `name` (as named in [`DetailScore::name`]), if any item had it.
    pub fn detail(&self, name: &str) -> Option<DetailScore> {
        self.details.iter().find(|d| d.name == name).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_python_round_half_even_on_the_binary_value() {
        // 1/32 and 3/32 are exact ties at 4 places; 1/16 at 3 places.
        assert_eq!(round4(1.0 / 32.0), 0.0312);
        assert_eq!(round4(3.0 / 32.0), 0.0938);
        assert_eq!(round4(2.0 / 3.0), 0.6667);
        assert_eq!(round4(1.0), 1.0);
        assert_eq!(format!("{:.3}", 0.0625), "0.062");
        assert_eq!(format!("{:.3}", 0.0938), "0.094");
    }

    #[test]
    fn prf_conventions_for_empty_sides() {
        let t = |tp_p, n_p, tp_g, n_g| Tally {
            tp_p,
            n_p,
            tp_g,
            n_g,
        };
        assert_eq!(prf(&t(0, 0, 0, 0)), (1.0, 1.0, 1.0));
        assert_eq!(prf(&t(0, 0, 0, 3)), (0.0, 0.0, 0.0));
        assert_eq!(prf(&t(0, 2, 0, 0)), (0.0, 1.0, 0.0));
        let (p, r, f) = prf(&t(1, 2, 1, 4));
        assert_eq!((p, r), (0.5, 0.25));
        assert!((f - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn json_prints_floats_like_python() {
        let s = Scores {
            layers: vec![layer_row(
                "events",
                &Tally {
                    tp_p: 2,
                    n_p: 3,
                    tp_g: 2,
                    n_g: 2,
                },
            )],
            details: vec![],
            articles: 1,
            articles_without_prediction: vec![],
        };
        let text = serde_json::to_string_pretty(&s.to_json()).unwrap();
        assert_eq!(
            text,
            "{\n  \"events\": {\n    \"precision\": 0.6667,\n    \"recall\": 1.0,\n    \"f1\": 0.8,\n    \"predicted\": 3,\n    \"gold\": 2\n  },\n  \"articles\": 1,\n  \"articles_without_prediction\": []\n}"
        );
        assert_eq!(
            s.to_text(),
            "events                   P 0.667  R 1.000  F1 0.800  (pred 3, gold 2)\n"
        );
    }
}
