//! Runs the pipeline and the event stage over a gold file and writes the contract JSON lines
//! for `../shared/eval/score.py`:
//!
//! ```text
//! cargo run --release -p newsgraph-events --example events_eval -- GOLD.jsonl > pred.jsonl
//! ```
//!
//! Only `id`, `text` and `published` are read from each line. Timing goes to stderr.

use std::io::Write;
use std::time::{Duration, Instant};

use newsgraph_doc::{Doc, Meta, PublishedSource, Stage};
use newsgraph_events::EventStage;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: events_eval GOLD.jsonl > PRED.jsonl");
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
    let stage = EventStage::new();
    let mut out = std::io::stdout().lock();
    let (mut t_pipe, mut t_ev) = (Duration::ZERO, Duration::ZERO);
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
        let published = v["published"].as_str().map(str::to_string);
        let meta = Meta {
            published_source: if published.is_some() {
                PublishedSource::Given
            } else {
                PublishedSource::Unknown
            },
            published,
            ..Meta::default()
        };
        let mut doc = Doc::new(
            v["id"].as_str().unwrap_or_default(),
            v["text"].as_str().unwrap_or_default(),
            meta,
        );
        words += doc.word_count();
        let t = Instant::now();
        pipeline.run(&mut doc);
        t_pipe += t.elapsed();
        let t = Instant::now();
        stage.run(&mut doc);
        t_ev += t.elapsed();
        let json = newsgraph_contract::to_json(&doc, &newsgraph_contract::Options::default());
        let _ = writeln!(out, "{json}");
    }
    eprintln!(
        "{words} words: pipeline {:.1} ms, events {:.2} ms",
        t_pipe.as_secs_f64() * 1e3,
        t_ev.as_secs_f64() * 1e3,
    );
    std::process::ExitCode::SUCCESS
}
