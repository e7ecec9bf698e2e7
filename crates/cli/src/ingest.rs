//! `newsgraph ingest`: inputs in, articles extracted on all cores, stored by one writer.
//!
//! The main thread reads and extracts a batch on the rayon pool while the writer thread
//! stores the previous one in a single transaction, so a killed ingest loses no batch it
//! reported and leaves no half-written article. At most two batches are in memory at once.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use newsgraph_doc::{Meta, PublishedSource};
use newsgraph_read::{Article, InputFormat, ReadOptions, Record, Source};
use newsgraph_store::{ArticleRecord, DbUrl, Store};
use serde_json::json;

use crate::extract::{build_pipeline, parse_date, parse_format, thread_pool};
use crate::{EXIT_OK, EXIT_SKIPPED};

/// The database used when `--db` is not given.
pub const DEFAULT_DB: &str = "newsgraph.db";
/// Text bytes gathered before a batch is extracted, whatever its article count.
const BATCH_BYTES: usize = 16 << 20;
/// Least time between two plain progress lines.
const PLAIN_EVERY: Duration = Duration::from_secs(2);

#[derive(Args)]
pub struct IngestArgs {
    /// Files to read (`-` for standard input); `.csv` files as Wikinews exports (url, date,
    /// title, text).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Database: an SQLite file path, `sqlite:…`, or `postgres://user:pass@host/db`.
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB)]
    pub db: String,
    /// Articles stored per transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub batch: usize,
    /// Read every input as this format instead of detecting it.
    #[arg(long, value_name = "txt|html|feed|jsonl|warc", value_parser = parse_format)]
    pub input_format: Option<InputFormat>,
    /// Reference date (YYYY-MM-DD) for articles that carry no publication date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<String>,
    /// Skip any article whose text is longer than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 10 << 20)]
    pub max_article_bytes: usize,
    /// Leave out a stage by name (repeatable).
    #[arg(long, value_name = "STAGE")]
    pub disable: Vec<String>,
    /// Extraction threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print the summary as JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

/// An item of an input: an article, or a problem to report.
enum Item {
    Article(Box<Article>),
    Warning(String),
    Skipped(String),
}

/// The articles of one input, streaming.
fn items(path: &str, opts: &ReadOptions) -> Box<dyn Iterator<Item = Item>> {
    if Path::new(path).extension().is_some_and(|x| x == "csv") && opts.format.is_none() {
        return match csv_items(Path::new(path)) {
            Ok(it) => Box::new(it),
            Err(e) => Box::new(std::iter::once(Item::Skipped(format!("{e:#}")))),
        };
    }
    match newsgraph_read::open(&Source::from_arg(path), opts) {
        Ok(records) => Box::new(records.map(|r| match r {
            Record::Article(a) => Item::Article(Box::new(a)),
            Record::Warning(e) => Item::Warning(e.to_string()),
            Record::Skipped(e) => Item::Skipped(e.to_string()),
        })),
        Err(e) => Box::new(std::iter::once(Item::Skipped(e.to_string()))),
    }
}

/// A Wikinews-style CSV file (url, date, title, text), one article per record.
fn csv_items(path: &Path) -> Result<impl Iterator<Item = Item>> {
    let mut reader =
        csv::Reader::from_path(path).with_context(|| format!("cannot read {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let text_col = col("text").with_context(|| {
        format!(
            "{}: no `text` column (columns: url, date, title, text)",
            path.display()
        )
    })?;
    let (url, date, title) = (col("url"), col("date"), col("title"));
    let name = path.display().to_string();
    Ok(reader.into_records().enumerate().map(move |(i, rec)| {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let byte = e.position().map_or(0, |p| p.byte());
                return Item::Skipped(format!("{name}: record {} (byte {byte}): {e}", i + 1));
            }
        };
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(str::to_string);
        let source_url = get(url).filter(|u| !u.is_empty());
        let published = get(date).filter(|d| !d.is_empty());
        Item::Article(Box::new(Article {
            id: source_url
                .clone()
                .unwrap_or_else(|| format!("{name}#{}", i + 1)),
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
                input: Some(format!("{name}#{}", i + 1)),
                ..Meta::default()
            },
        }))
    }))
}

/// What the writer did, in total.
#[derive(Default)]
struct Totals {
    stored: usize,
    replaced: usize,
    unchanged: usize,
    failed: usize,
    words: u64,
    /// Time the writer spent storing.
    writing: Duration,
}

/// How progress is shown: a bar on a terminal, plain lines otherwise.
struct Progress {
    bar: Option<ProgressBar>,
    last_line: Instant,
    start: Instant,
}

impl Progress {
    fn new() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos} articles stored [{elapsed_precise}] {per_sec} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Self {
            bar,
            last_line: Instant::now(),
            start: Instant::now(),
        }
    }

    fn update(&mut self, t: &Totals, last: bool) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let msg = format!(
            "{} unchanged, {} replaced, {} skipped, {:.0} words/s",
            t.unchanged,
            t.replaced,
            t.failed,
            t.words as f64 / secs
        );
        match &self.bar {
            Some(bar) => {
                bar.set_position(t.stored as u64);
                bar.set_message(msg);
                if last {
                    bar.finish_and_clear();
                }
            }
            None => {
                if last || self.last_line.elapsed() >= PLAIN_EVERY {
                    eprintln!(
                        "newsgraph: ingest: {} articles stored ({:.0} articles/s), {msg}",
                        t.stored,
                        t.stored as f64 / secs
                    );
                    self.last_line = Instant::now();
                }
            }
        }
    }
}

/// The writer thread: stores each batch it receives, reporting what it could not store.
fn writer(
    mut store: Store,
    batches: mpsc::Receiver<Vec<ArticleRecord>>,
) -> Result<(Totals, Store)> {
    let mut totals = Totals::default();
    let mut progress = Progress::new();
    for batch in batches {
        let t = Instant::now();
        let outcome = store.write_batch(&batch)?;
        totals.writing += t.elapsed();
        for (i, why) in &outcome.failed {
            if let Some(a) = batch.get(*i) {
                eprintln!(
                    "newsgraph: skipped: {} ({}): {why}",
                    a.input.as_deref().unwrap_or("?"),
                    a.doc_key
                );
            }
        }
        totals.stored += outcome.stored;
        totals.replaced += outcome.replaced;
        totals.unchanged += outcome.unchanged;
        totals.failed += outcome.failed.len();
        totals.words += outcome.words;
        progress.update(&totals, false);
    }
    progress.update(&totals, true);
    Ok((totals, store))
}

pub fn run(args: IngestArgs) -> Result<u8> {
    let json_out = args.json;
    let (code, summary) = ingest(args)?;
    if json_out {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    }
    Ok(code)
}

/// Ingests as `newsgraph ingest` does; returns the exit status and the summary.
pub fn ingest(args: IngestArgs) -> Result<(u8, serde_json::Value)> {
    let url = DbUrl::parse(&args.db);
    let pipeline = build_pipeline(&args.disable)?;
    let pool = thread_pool(args.threads)?;
    let store = Store::open(&url)?;
    let read_opts = ReadOptions {
        format: args.input_format,
        max_article_bytes: args.max_article_bytes,
        default_published: args.published.clone(),
    };
    let batch_articles = args.batch.max(1);
    let start = Instant::now();
    let (send, receive) = mpsc::sync_channel::<Vec<ArticleRecord>>(1);
    let writer = thread::Builder::new()
        .name("newsgraph-writer".into())
        .spawn(move || writer(store, receive))
        .context("cannot start the writer thread")?;

    let mut skipped = 0usize;
    let mut batch: Vec<Article> = Vec::new();
    let mut batch_bytes = 0usize;
    let mut sent_ok = true;
    let flush = |batch: &mut Vec<Article>| -> bool {
        if batch.is_empty() {
            return true;
        }
        let articles = std::mem::take(batch);
        let records = pool.install(|| pipeline.extract_batch(articles, ArticleRecord::from_doc));
        send.send(records).is_ok()
    };
    'inputs: for path in &args.paths {
        for item in items(path, &read_opts) {
            match item {
                Item::Article(a) => {
                    batch_bytes += a.text.len();
                    batch.push(*a);
                    if batch.len() >= batch_articles || batch_bytes >= BATCH_BYTES {
                        batch_bytes = 0;
                        if !flush(&mut batch) {
                            sent_ok = false;
                            break 'inputs;
                        }
                    }
                }
                Item::Warning(e) => eprintln!("newsgraph: warning: {e}"),
                Item::Skipped(e) => {
                    eprintln!("newsgraph: skipped: {e}");
                    skipped += 1;
                }
            }
        }
    }
    if sent_ok {
        flush(&mut batch);
    }
    drop(send);
    let (totals, store) = match writer.join() {
        Ok(result) => result?,
        Err(_) => anyhow::bail!("the writer thread stopped unexpectedly"),
    };
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let size = store.size_bytes().ok();
    let summary = json!({
        "db": url.to_string(),
        "stored": totals.stored,
        "replaced": totals.replaced,
        "unchanged": totals.unchanged,
        "skipped": skipped + totals.failed,
        "words": totals.words,
        "seconds": secs,
        "writer_seconds": totals.writing.as_secs_f64(),
        "articles_per_second": totals.stored as f64 / secs,
        "words_per_second": totals.words as f64 / secs,
        "db_bytes": size,
    });
    eprintln!(
        "newsgraph: ingest: stored {} articles ({} replaced), {} unchanged, {} skipped in \
         {secs:.1} s: {:.0} articles/s, {:.0} words/s; {} is {}",
        totals.stored,
        totals.replaced,
        totals.unchanged,
        skipped + totals.failed,
        totals.stored as f64 / secs,
        totals.words as f64 / secs,
        url,
        size.map_or_else(|| "of unknown size".to_string(), human_bytes)
    );
    let code = if skipped + totals.failed > 0 {
        EXIT_SKIPPED
    } else {
        EXIT_OK
    };
    Ok((code, summary))
}

/// `1234567` → `1.2 MB`.
pub fn human_bytes(b: u64) -> String {
    let b = b as f64;
    if b >= 1e9 {
        format!("{:.2} GB", b / 1e9)
    } else if b >= 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else {
        format!("{:.0} kB", b / 1e3)
    }
}
