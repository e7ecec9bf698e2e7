//! Tags the `text` of each JSON line of a file and writes, for the scorer, one extraction per
//! line with every name as an entity of one `name` mention (code-point offsets). PER → PERSON,
//! ORG → ORG, LOC → GPE; MISC names are left out.
//!
//! (`NER_MODEL=PATH` uses another model file than the embedded one.)
//!
//! `cargo run --release -p newsgraph-ner --example ner_predict -- IN.jsonl OUT.jsonl`

use std::io::{BufRead, Write};

use newsgraph_ner::{Label, Model, Tagger};
use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        return Err("usage: ner_predict IN.jsonl OUT.jsonl".into());
    };
    let model = match std::env::var_os("NER_MODEL") {
        Some(path) => Model::from_bytes(&std::fs::read(&path)?, &path.to_string_lossy())?,
        None => Model::load_embedded()?,
    };
    // The shipped model runs with the knowledge-base gazetteer it was trained with, as in
    // `Recogniser`; another model with the gazetteer it names.
    let mut tagger = Tagger::new(&model);
    let mut out = std::io::BufWriter::new(std::fs::File::create(output)?);
    let mut names = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(input)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = serde_json::from_str(&line)?;
        let text = doc.get("text").and_then(Value::as_str).unwrap_or("");
        let tokens = newsgraph_segment::tokenize(text);
        let sentences = newsgraph_segment::split_sentences(text, &[]);
        tagger.tag(text, &tokens, &sentences, &mut names);
        let char_at = |byte: usize| text.get(..byte).map_or(0, |s| s.chars().count());
        let entities: Vec<Value> = names
            .iter()
            .filter_map(|n| {
                let ty = match n.label {
                    Label::Per => "PERSON",
                    Label::Org => "ORG",
                    Label::Loc => "GPE",
                    Label::Misc => return None,
                };
                let surface = text.get(n.span.start()..n.span.end()).unwrap_or("");
                Some(json!({"type": ty, "name": surface, "mentions": [{
                    "start": char_at(n.span.start()), "end": char_at(n.span.end()),
                    "kind": "name", "text": surface}]}))
            })
            .collect();
        writeln!(
            out,
            "{}",
            json!({"id": doc.get("id"), "entities": entities})
        )?;
    }
    Ok(())
}
