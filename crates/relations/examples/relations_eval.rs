//! Runs the pipeline and the relation stage over a gold file and writes the contract JSON
//! lines for `../shared/eval/score.py`:
//!
//! ```text
//! cargo run --release -p newsgraph-relations --example relations_eval -- GOLD.jsonl > pred.jsonl
//! ```
//!
//! Only `id`, `text` and `published` are read from each line. Timing goes to stderr; with
//! `RELATIONS_DEBUG` set, every relation with its evidence goes there too.

use std::io::Write;
use std::time::{Duration, Instant};

use newsgraph_doc::{Doc, Meta, PublishedSource, Stage};
use newsgraph_relations::RelationStage;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: relations_eval GOLD.jsonl > PRED.jsonl");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let pipeline = match newsgraph::Pipeline::new(&Default::default()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pipeline: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    eprintln!("pipeline stages: {:?}", pipeline.stage_names());
    let debug = std::env::var_os("RELATIONS_DEBUG").is_some();
    let stage = RelationStage::new();
    let mut out = std::io::stdout().lock();
    let (mut t_pipe, mut t_attr) = (Duration::ZERO, Duration::ZERO);
    let mut words = 0usize;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{path}:{}: {e}", n + 1);
                continue;
            }
        };
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let body = v["text"].as_str().unwrap_or_default().to_string();
        let meta = Meta {
            published: v["published"].as_str().map(str::to_owned),
            published_source: PublishedSource::Given,
            ..Meta::default()
        };
        let mut doc = Doc::new(id, body, meta);
        words += doc.word_count();
        let t = Instant::now();
        pipeline.run(&mut doc);
        t_pipe += t.elapsed();
        let t = Instant::now();
        stage.run(&mut doc);
        t_attr += t.elapsed();
        if debug {
            print_debug(&doc);
        }
        let json = newsgraph_contract::to_json(&doc, &newsgraph_contract::Options::default());
        let _ = writeln!(out, "{json}");
    }
    eprintln!(
        "{words} words: pipeline {:.1} ms, relations {:.2} ms ({:.0} words/s)",
        t_pipe.as_secs_f64() * 1e3,
        t_attr.as_secs_f64() * 1e3,
        words as f64 / t_attr.as_secs_f64().max(1e-9)
    );
    std::process::ExitCode::SUCCESS
}

/// Prints each relation of `doc` with its evidence to stderr.
fn print_debug(doc: &Doc) {
    let (Some(ents), Some(rels)) = (doc.entities.as_ref(), doc.relations.as_ref()) else {
        return;
    };
    let name = |id: newsgraph_doc::EntityId| ents.get(id.index()).map_or("?", |e| e.name.as_str());
    for r in rels {
        eprintln!(
            "[{}] {} {} {} | {}",
            doc.id(),
            name(r.source),
            r.kind.as_str(),
            name(r.target),
            doc.slice(r.evidence)
        );
    }
}
