//! The `newsgraph/1` JSON contract: the only crate that knows the wire format.
//!
//! [`to_json`] turns a [`Doc`] into the extraction object that `extract` writes and
//! `../shared/eval/score.py` reads (documented in `docs/contract.md`). Offsets in the contract
//! are Unicode code points, `end` exclusive; this crate converts every byte span through the
//! document's [`newsgraph_doc::OffsetIndex`], the single conversion point.
//!
//! Layers a stage did not run are absent; a layer that ran and found nothing is `[]`. Extra
//! layers (tokens, quotation-mark pairs, regions, diagnostics) are written only when asked for
//! through [`Options`]. Fields may be added but are never renamed or removed without a new
//! [`SCHEMA`].
//!
//! ```
//! use newsgraph_doc::{ByteSpan, Doc, Meta, Sentence};
//! let mut doc = Doc::new("a1", "Rain fell.", Meta::default());
//! doc.sentences = Some(vec![Sentence::new(ByteSpan::new(0, 10).unwrap())]);
//! let json = newsgraph_contract::to_json(&doc, &newsgraph_contract::Options::default());
//! assert_eq!(json["schema"], "newsgraph/1");
//! assert_eq!(json["sentences"][0]["end"], 10);
//! ```
#![deny(missing_docs)]

mod wire;

use newsgraph_doc::Doc;

pub use wire::SCHEMA;

/// Which optional layers to write beside the contract's own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Write `tokens`: `[{start, end, kind}]`.
    pub tokens: bool,
    /// Write `quotations`: `{pairs: [...], unpaired: [...]}`.
    pub quotations: bool,
    /// Write `regions`: the non-body spans (headline, byline, dateline).
    pub regions: bool,
    /// Write `diagnostics`: what stages noticed and handled.
    pub diagnostics: bool,
}

/// The names accepted by [`Options::from_layer_list`].
pub const EXTRA_LAYERS: &[&str] = &["tokens", "quotations", "regions", "diagnostics"];

impl Options {
    /// Options from a comma-separated list such as `tokens,quotations`.
    ///
    /// # Errors
    /// A message naming the unknown layer and listing the valid ones.
    pub fn from_layer_list(list: &str) -> Result<Self, String> {
        let mut o = Options::default();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "tokens" => o.tokens = true,
                "quotations" => o.quotations = true,
                "regions" => o.regions = true,
                "diagnostics" => o.diagnostics = true,
                other => {
                    return Err(format!(
                        "unknown layer {other:?}: the extra layers are {}",
                        EXTRA_LAYERS.join(", ")
                    ))
                }
            }
        }
        Ok(o)
    }
}

/// The extraction of `doc` as a JSON value.
pub fn to_json(doc: &Doc, options: &Options) -> serde_json::Value {
    // Serialising these plain structs cannot fail (no maps with non-string keys, no
    // non-finite floats); Null would only show a bug.
    serde_json::to_value(wire::Extraction::new(doc, options)).unwrap_or(serde_json::Value::Null)
}

/// Appends the extraction of `doc` to `out` as one line of compact JSON (no newline).
pub fn write_json(doc: &Doc, options: &Options, out: &mut Vec<u8>) {
    let ex = wire::Extraction::new(doc, options);
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(out, &ex);
}

/// Appends the extraction of `doc` to `out` as indented JSON.
pub fn write_json_pretty(doc: &Doc, options: &Options, out: &mut Vec<u8>) {
    let ex = wire::Extraction::new(doc, options);
    let _ = serde_json::to_writer_pretty(out, &ex);
}
