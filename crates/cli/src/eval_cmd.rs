//! `newsgraph eval`: extract the gold articles and score them by score.py's rules.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;
use newsgraph_contract::Options;
use newsgraph_doc::{Meta, PublishedSource};
use newsgraph_read::Article;
use serde_json::Value;

use crate::extract::{build_pipeline, thread_pool};
use crate::{EXIT_OK, EXIT_SKIPPED};

#[derive(Args)]
pub struct EvalArgs {
    /// A gold file (JSON Lines, format of ../shared/gold/README.md).
    #[arg(value_name = "GOLD.jsonl")]
    pub gold: PathBuf,
    /// Print the scores as the JSON object of `score.py --json`.
    #[arg(long)]
    pub json: bool,
    /// List every missed and spurious item, as `score.py --verbose` does.
    #[arg(long)]
    pub verbose: bool,
    /// Also write the predictions scored, as JSON Lines, to FILE.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Fail (exit 1) when a layer's F1 falls below its floor in FILE (lines: set, layer, min F1).
    #[arg(long, value_name = "FILE")]
    pub floors: Option<PathBuf>,
    /// Leave out a stage by name (repeatable).
    #[arg(long, value_name = "STAGE")]
    pub disable: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

/// The id as score.py keys it: `str(id)`.
fn id_string(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "None".to_string(),
        Some(other) => other.to_string(),
    }
}

/// The article the extractor may see: only `id`, `text` and `published`.
fn gold_article(g: &Value) -> Article {
    let published = g
        .get("published")
        .and_then(Value::as_str)
        .map(str::to_string);
    let meta = Meta {
        published_source: if published.is_some() {
            PublishedSource::Given
        } else {
            PublishedSource::Unknown
        },
        published,
        ..Meta::default()
    };
    Article {
        id: id_string(g.get("id")),
        text: g
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        meta,
    }
}

pub fn run(args: EvalArgs) -> Result<u8> {
    let gold = newsgraph_eval::read_jsonl(&args.gold)
        .with_context(|| format!("cannot read gold file {}", args.gold.display()))?;
    let pipeline = build_pipeline(&args.disable)?;
    let pool = thread_pool(args.threads)?;
    let articles: Vec<Article> = gold.iter().map(gold_article).collect();
    let options = Options::default();
    let preds: Vec<Value> = pool.install(|| {
        pipeline.extract_batch(articles, |doc| newsgraph_contract::to_json(doc, &options))
    });
    if let Some(path) = &args.predictions {
        let mut out = String::new();
        for p in &preds {
            out.push_str(&serde_json::to_string(p)?);
            out.push('\n');
        }
        std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let (scores, lines) = newsgraph_eval::score(&gold, &preds, args.verbose);
    for line in &lines {
        println!("{line}");
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&scores.to_json())?);
    } else {
        print!("{}", scores.to_text());
    }
    if let Some(floors) = &args.floors {
        let set = set_name(&args.gold);
        let failures = check_floors(floors, &set, &scores.to_json())?;
        for f in &failures {
            eprintln!("newsgraph: below floor: {f}");
        }
        if !failures.is_empty() {
            return Ok(EXIT_SKIPPED);
        }
    }
    Ok(EXIT_OK)
}

/// The gold set's name: its file name without `.jsonl`.
fn set_name(gold: &Path) -> String {
    gold.file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.trim_end_matches(".jsonl").to_string())
        .unwrap_or_default()
}

/// Compares the scores with the floors recorded for `set`; returns one line per layer below.
///
/// The floors file has one floor per line: `SET LAYER MIN_F1`, separated by white space;
/// `#` starts a comment.
fn check_floors(path: &Path, set: &str, scores: &Value) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read floors file {}", path.display()))?;
    let mut failures = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [s, layer, floor] = fields.as_slice() else {
            anyhow::bail!(
                "{}: line {}: expected `SET LAYER MIN_F1`, found {line:?}",
                path.display(),
                n + 1
            );
        };
        if *s != set {
            continue;
        }
        let floor: f64 = floor.parse().with_context(|| {
            format!(
                "{}: line {}: {floor:?} is not a number",
                path.display(),
                n + 1
            )
        })?;
        let value = scores
            .get(*layer)
            .and_then(|l| l.get("f1").or_else(|| l.get("accuracy")))
            .and_then(Value::as_f64);
        match value {
            Some(v) if v + 1e-9 >= floor => {}
            Some(v) => failures.push(format!("{set} {layer}: {v:.4} < floor {floor:.4}")),
            None => failures.push(format!("{set} {layer}: not scored (floor {floor:.4})")),
        }
    }
    Ok(failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_keyed_as_python_str_does() {
        assert_eq!(id_string(Some(&serde_json::json!("a-1"))), "a-1");
        assert_eq!(id_string(Some(&serde_json::json!(7))), "7");
        assert_eq!(id_string(None), "None");
    }

    #[test]
    fn floors_fail_only_below_and_only_for_their_set() {
        let dir = std::env::temp_dir().join(format!("ng-floors-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("floors.tsv");
        std::fs::write(
            &path,
            "# set layer min\nseed entities 0.50\nseed quotes.count 0.9\nother entities 0.99\n",
        )
        .unwrap();
        let scores =
            serde_json::json!({"entities": {"f1": 0.6}, "quotes.count": {"accuracy": 0.5}});
        let fails = check_floors(&path, "seed", &scores).unwrap();
        assert_eq!(fails, ["seed quotes.count: 0.5000 < floor 0.9000"]);
        std::fs::write(&path, "seed entities\n").unwrap();
        assert!(check_floors(&path, "seed", &scores).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }
}
