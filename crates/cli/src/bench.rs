//! `newsgraph bench`: words per second and peak memory, whole pipeline and per stage.
//!
//! Each measurement runs in its own process (`bench-worker`), so that the single-threaded and
//! the all-cores peaks are separate. A worker loads the articles once, then repeats the whole
//! of what `extract` does to an article in memory (build the document, run every stage,
//! serialise the contract) until at least `--seconds` of work are done.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use newsgraph_contract::Options;
use newsgraph_doc::{Doc, Meta, PublishedSource};
use newsgraph_read::{Article, InputFormat, ReadOptions, Record, Source};
use rayon::prelude::*;
use serde_json::{json, Value};

use crate::extract::{build_pipeline, parse_format, thread_pool};
use crate::memory::peak_rss_bytes;
use crate::EXIT_OK;

/// Where the default benchmark corpus lives, relative to the project root.
const DEFAULT_CORPUS: &str = "../shared/corpus";
/// The bundled examples, used when the shared corpus is absent.
const BUNDLED: &str = "examples";

#[derive(Args)]
pub struct BenchArgs {
    /// Inputs: Wikinews-style CSV files (url, date, title, text) or anything `extract` reads.
    /// Default: the CSV files under ../shared/corpus, else the bundled examples.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
    /// Least seconds of work per measurement.
    #[arg(long, default_value_t = 5.0)]
    pub seconds: f64,
    /// Read every non-CSV input as this format.
    #[arg(long, value_name = "txt|html|feed|jsonl|warc", value_parser = parse_format)]
    pub input_format: Option<InputFormat>,
    /// Threads for the all-cores run (default: all cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Mode {
    Single,
    Parallel,
}

#[derive(Args)]
pub struct WorkerArgs {
    #[arg(long, value_enum)]
    mode: Mode,
    #[arg(long)]
    seconds: f64,
    #[arg(long, value_parser = parse_format)]
    input_format: Option<InputFormat>,
    #[arg(short = 'j', long)]
    threads: Option<usize>,
    paths: Vec<String>,
}

pub fn run(args: BenchArgs) -> Result<u8> {
    let paths = if args.paths.is_empty() {
        default_inputs()?
    } else {
        args.paths.clone()
    };
    let exe = std::env::current_exe().context("cannot find the newsgraph executable")?;
    let mut results = Vec::new();
    for mode in ["single", "parallel"] {
        let mut cmd = Command::new(&exe);
        cmd.arg("bench-worker")
            .args(["--mode", mode, "--seconds", &args.seconds.to_string()]);
        if let Some(f) = args.input_format {
            cmd.args(["--input-format", f.as_str()]);
        }
        if let Some(j) = args.threads {
            cmd.args(["--threads", &j.to_string()]);
        }
        cmd.arg("--").args(&paths);
        let out = cmd.output().context("cannot start a bench worker")?;
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
        if !out.status.success() {
            bail!("the {mode} bench worker failed ({})", out.status);
        }
        let v: Value = serde_json::from_slice(&out.stdout)
            .context("the bench worker wrote something that is not JSON")?;
        results.push(v);
    }
    let report = json!({
        "build": if cfg!(debug_assertions) { "debug" } else { "release" },
        "inputs": paths,
        "single": results[0],
        "parallel": results[1],
    });
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_table(&report);
    }
    Ok(EXIT_OK)
}

fn default_inputs() -> Result<Vec<String>> {
    for dir in [DEFAULT_CORPUS, BUNDLED] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| dir == BUNDLED || p.extension().is_some_and(|x| x == "csv"))
            .filter(|p| p.is_file())
            .map(|p| p.display().to_string())
            .collect();
        files.sort();
        if !files.is_empty() {
            return Ok(files);
        }
    }
    bail!("no inputs given, and neither {DEFAULT_CORPUS} nor {BUNDLED}/ has any (run from the project root or name files)")
}

fn print_table(r: &Value) {
    let num = |v: &Value| v.as_f64().unwrap_or(0.0);
    let single = &r["single"];
    let parallel = &r["parallel"];
    println!(
        "newsgraph bench ({} build): {} articles, {} words a pass",
        r["build"].as_str().unwrap_or("?"),
        single["articles"],
        single["words_per_pass"]
    );
    if r["build"] == "debug" {
        println!("(a debug build is far slower: use `cargo run --release -- bench`)");
    }
    println!(
        "{:<28} {:>14} {:>10} {:>12}",
        "measure", "words/s", "seconds", "peak RSS MB"
    );
    for (label, v) in [
        ("whole pipeline, 1 thread", single),
        ("whole pipeline, all cores", parallel),
    ] {
        let label = if std::ptr::eq(v, parallel) {
            format!("{label} ({})", v["threads"])
        } else {
            label.to_string()
        };
        println!(
            "{:<28} {:>14} {:>10.2} {:>12.1}",
            label,
            group_thousands(num(&v["words_per_second"])),
            num(&v["seconds"]),
            num(&v["peak_rss_bytes"]) / 1e6
        );
    }
    for s in single["stages"].as_array().into_iter().flatten() {
        println!(
            "{:<28} {:>14} {:>10.2}",
            format!("  stage {}", s["name"].as_str().unwrap_or("?")),
            group_thousands(num(&s["words_per_second"])),
            num(&s["seconds"])
        );
    }
}

fn group_thousands(x: f64) -> String {
    let s = format!("{:.0}", x);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One measured run, printed as JSON on stdout.
pub fn worker(args: WorkerArgs) -> Result<u8> {
    let load_start = Instant::now();
    let articles = load(&args.paths, args.input_format)?;
    let load_time = load_start.elapsed();
    if articles.is_empty() {
        bail!("the bench inputs hold no article");
    }
    let pipeline = build_pipeline(&[])?;
    let words_per_pass: usize = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    let budget = Duration::from_secs_f64(args.seconds.max(0.0));
    let options = Options::default();
    let names = pipeline.stage_names();
    let mut report = json!({
        "articles": articles.len(),
        "words_per_pass": words_per_pass,
        "load_seconds": load_time.as_secs_f64(),
    });
    let (passes, elapsed, stages) = match args.mode {
        Mode::Single => {
            let mut timings = Vec::new();
            let mut serialise = Duration::ZERO;
            let mut build = Duration::ZERO;
            let mut buf = Vec::new();
            let mut passes = 0usize;
            let start = Instant::now();
            while passes == 0 || start.elapsed() < budget {
                for a in &articles {
                    let t = Instant::now();
                    let mut doc = Doc::new(a.id.clone(), a.text.clone(), a.meta.clone());
                    build += t.elapsed();
                    pipeline.run_timed(&mut doc, &mut timings);
                    let t = Instant::now();
                    buf.clear();
                    newsgraph_contract::write_json(&doc, &options, &mut buf);
                    serialise += t.elapsed();
                }
                passes += 1;
            }
            let elapsed = start.elapsed();
            let words = (words_per_pass * passes) as f64;
            let mut stages: Vec<Value> = vec![stage_row("document", build, words)];
            stages.extend(
                names
                    .iter()
                    .zip(&timings)
                    .map(|(n, t)| stage_row(n, *t, words)),
            );
            stages.push(stage_row("serialise", serialise, words));
            report["threads"] = json!(1);
            (passes, elapsed, stages)
        }
        Mode::Parallel => {
            let pool = thread_pool(args.threads)?;
            report["threads"] = json!(pool.current_num_threads());
            let mut passes = 0usize;
            let start = Instant::now();
            let mut bytes = 0usize;
            while passes == 0 || start.elapsed() < budget {
                bytes += pool.install(|| {
                    articles
                        .par_iter()
                        .map(|a| {
                            let mut doc = Doc::new(a.id.clone(), a.text.clone(), a.meta.clone());
                            pipeline.run(&mut doc);
                            let mut buf = Vec::new();
                            newsgraph_contract::write_json(&doc, &options, &mut buf);
                            buf.len()
                        })
                        .sum::<usize>()
                });
                passes += 1;
            }
            report["output_bytes"] = json!(bytes);
            (passes, start.elapsed(), Vec::new())
        }
    };
    let words = words_per_pass * passes;
    report["passes"] = json!(passes);
    report["words"] = json!(words);
    report["seconds"] = json!(elapsed.as_secs_f64());
    report["words_per_second"] = json!(words as f64 / elapsed.as_secs_f64().max(1e-9));
    report["peak_rss_bytes"] = json!(peak_rss_bytes());
    if !stages.is_empty() {
        report["stages"] = Value::Array(stages);
    }
    println!("{}", serde_json::to_string(&report)?);
    Ok(EXIT_OK)
}

fn stage_row(name: &str, time: Duration, words: f64) -> Value {
    json!({
        "name": name,
        "seconds": time.as_secs_f64(),
        "words_per_second": words / time.as_secs_f64().max(1e-9),
    })
}

/// Loads every input: CSV files as Wikinews exports (url, date, title, text), anything else
/// through the readers.
fn load(paths: &[String], format: Option<InputFormat>) -> Result<Vec<Article>> {
    let mut articles = Vec::new();
    let opts = ReadOptions {
        format,
        ..ReadOptions::default()
    };
    for p in paths {
        if Path::new(p).extension().is_some_and(|x| x == "csv") && format.is_none() {
            load_csv(Path::new(p), &mut articles)?;
            continue;
        }
        let records = newsgraph_read::open(&Source::from_arg(p), &opts)?;
        for r in records {
            match r {
                Record::Article(a) => articles.push(a),
                Record::Warning(e) | Record::Skipped(e) => eprintln!("newsgraph bench: {e}"),
            }
        }
    }
    Ok(articles)
}

fn load_csv(path: &Path, into: &mut Vec<Article>) -> Result<()> {
    let mut reader =
        csv::Reader::from_path(path).with_context(|| format!("cannot read {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let Some(text_col) = col("text") else {
        bail!(
            "{}: no `text` column (columns: url, date, title, text)",
            path.display()
        );
    };
    let (url, date, title) = (col("url"), col("date"), col("title"));
    for (i, rec) in reader.records().enumerate() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                eprintln!("newsgraph bench: {}: record {}: {e}", path.display(), i + 1);
                continue;
            }
        };
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(str::to_string);
        let source_url = get(url);
        let published = get(date);
        into.push(Article {
            id: source_url
                .clone()
                .unwrap_or_else(|| format!("{}#{}", path.display(), i + 1)),
            text: rec.get(text_col).unwrap_or_default().to_string(),
            meta: Meta {
                title: get(title),
                published_source: if published.is_some() {
                    PublishedSource::Given
                } else {
                    PublishedSource::Unknown
                },
                published,
                source_url,
                input: Some(PathBuf::from(path).display().to_string()),
                ..Meta::default()
            },
        });
    }
    Ok(())
}
