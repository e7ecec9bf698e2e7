//! Runs the pipeline and the attribution stage over a gold file and writes the contract JSON
//! lines for `../shared/eval/score.py`:
//!
//! ```text
//! cargo run --release -p newsgraph-attrib --example attrib_eval -- GOLD.jsonl > pred.jsonl
//! ```
//!
//! Only `id`, `text` and `published` are read from each line. Timing goes to stderr.

use std::io::Write;
use std::time::{Duration, Instant};

use newsgraph_attrib::AttributionStage;
use newsgraph_doc::{Doc, Meta, PublishedSource, Stage};

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: attrib_eval GOLD.jsonl > PRED.jsonl");
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
    let no_entities = std::env::var_os("ATTRIB_NO_ENTITIES").is_some();
    let stage = AttributionStage::new();
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
        if no_entities {
            doc.entities = None;
        }
        let t = Instant::now();
        stage.run(&mut doc);
        t_attr += t.elapsed();
        let json = newsgraph_contract::to_json(&doc, &newsgraph_contract::Options::default());
        let _ = writeln!(out, "{json}");
    }
    eprintln!(
        "{words} words: pipeline {:.1} ms, attribution {:.2} ms ({:.0} words/s)",
        t_pipe.as_secs_f64() * 1e3,
        t_attr.as_secs_f64() * 1e3,
        words as f64 / t_attr.as_secs_f64().max(1e-9)
    );
    std::process::ExitCode::SUCCESS
}
