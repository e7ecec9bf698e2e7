//! `newsgraph ingest-bench`: a generated corpus of invented articles ingested, then the
//! database size and the latency of `query entity` and `query events` measured.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use newsgraph_store::{DbUrl, EventFilter, Store};
use serde_json::json;

use crate::ingest::{human_bytes, ingest, IngestArgs};
use crate::EXIT_OK;

#[derive(Args)]
pub struct IngestBenchArgs {
    /// Articles to generate.
    #[arg(long, default_value_t = 100_000)]
    pub articles: usize,
    /// Database (default: a new SQLite file in the temporary directory, removed afterwards).
    #[arg(long, value_name = "URL")]
    pub db: Option<String>,
    /// Queries of each kind to time.
    #[arg(long, default_value_t = 200)]
    pub queries: usize,
    /// Articles stored per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Extraction threads (default: all cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

const FIRST: &[&str] = &[
    "Ilse", "Tomas", "Anna", "Piet", "Mira", "Joren", "Kasia", "Odo", "Runa", "Balt", "Vera",
    "Emil", "Sanne", "Lior", "Dagny", "Aurel", "Nika", "Halvar", "Ines", "Cato",
];
const LAST: &[&str] = &[
    "Varg", "Brede", "Lusk", "Oranje", "Stellan", "Kovar", "Maelis", "Drovny", "Aska", "Feldt",
    "Quarn", "Toller", "Ibsel", "Marrow", "Zelinka", "Hollis", "Trave", "Gundar", "Okafor",
    "Pellin", "Rask", "Vannier", "Strom", "Kelder", "Amsel",
];
const SYLL: &[&str] = &[
    "ka", "lo", "mir", "sen", "tor", "va", "rel", "dun", "ost", "pra", "bel", "gan", "ith", "zor",
    "elm", "qua",
];
const ORG_KIND: &[&str] = &[
    "Front", "Brigade", "Party", "Union", "Mining", "Shipping", "Council", "Guard",
];
const OUTLETS: &[&str] = &[
    "Lakeside Wire",
    "Harbour Times",
    "Valley Post",
    "Northern Ledger",
    "Coastal Herald",
];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn place(i: usize) -> String {
    let a = SYLL[i % SYLL.len()];
    let b = SYLL[(i / SYLL.len()) % SYLL.len()];
    let mut s = format!("{a}{b}");
    if let Some(f) = s.get_mut(..1) {
        f.make_ascii_uppercase();
    }
    s
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

fn org(i: usize) -> String {
    format!("{} {}", place(i * 7 + 3), ORG_KIND[i % ORG_KIND.len()])
}

/// Reports of one happening, by several outlets.
const REPORTS_PER_STORY: usize = 3;

/// One invented article, as a JSON line: articles come in stories of a few reports of one
/// happening by different outlets, worded alike.
fn article(i: usize) -> String {
    let story = i / REPORTS_PER_STORY;
    let rng = &mut Rng(story as u64 ^ 0x5EED);
    let city = place(rng.below(200));
    let other = place(rng.below(200));
    let group = org(rng.below(300));
    let rival = org(rng.below(300));
    let speaker = person(rng);
    let official = person(rng);
    let day = rng.below(700);
    let (y, d) = (2030 + day / 336, day % 336);
    let (month, dom) = (1 + d / 28, 1 + d % 28);
    let outlet = OUTLETS[i % OUTLETS.len()];
    let body = match rng.below(4) {
        0 => format!(
            "Fighters of the {group} attacked a police convoy near {city} on Monday, killing {k} \
             officers, officials said. \u{201c}We will respond with force,\u{201d} said \
             {speaker}, the governor of {city}. The {group} denied that it had attacked the \
             convoy, and blamed the {rival}.",
            k = 2 + rng.below(9)
        ),
        1 => format!(
            "Thousands of workers protested in {city} on Tuesday against the {group}, which \
             they accused of corruption. {speaker}, a spokesperson for the {rival}, said the \
             protests would continue until the council resigned. Police in {other} arrested \
             {k} people.",
            k = 3 + rng.below(40)
        ),
        2 => format!(
            "{speaker}, the leader of the {group}, met {official} in {city} on Wednesday to \
             discuss a ceasefire with the {rival}. \u{201c}The talks were useful,\u{201d} \
             {official} told the {outlet}. Both sides agreed to meet again in {other} next \
             month."
        ),
        _ => format!(
            "The {group} threatened on Thursday to impose sanctions on {other} after the \
             {rival} seized a cargo ship near {city}. {speaker}, the foreign minister, said \
             that the seizure was illegal and demanded the release of the crew. {official} \
             rejected the demand."
        ),
    };
    let text = format!(
        "{up}, {month}/{dom} ({outlet}) - {body} This is dispatch {i}.",
        up = city.to_uppercase()
    );
    json!({
        "id": format!("bench-{i}"),
        "title": format!("News from {city}"),
        "published": format!("{y}-{month:02}-{dom:02}"),
        "outlet": outlet,
        "text": text,
    })
    .to_string()
}

fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    if sorted_ms.is_empty() {
        return 0.0;
    }
    let i = ((sorted_ms.len() as f64 - 1.0) * p).round() as usize;
    sorted_ms[i.min(sorted_ms.len() - 1)]
}

fn time_queries(n: usize, mut one: impl FnMut(usize) -> Result<()>) -> Result<Vec<f64>> {
    let mut ms = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        one(i)?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    Ok(ms)
}

pub fn run(args: IngestBenchArgs) -> Result<u8> {
    let dir = std::env::temp_dir().join(format!("newsgraph-ingest-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let corpus: PathBuf = dir.join("corpus.jsonl");
    {
        let mut out = BufWriter::new(
            File::create(&corpus).with_context(|| format!("cannot create {}", corpus.display()))?,
        );
        for i in 0..args.articles {
            writeln!(out, "{}", article(i))?;
        }
        out.flush()?;
    }
    let db = args
        .db
        .clone()
        .unwrap_or_else(|| dir.join("bench.db").display().to_string());
    eprintln!(
        "newsgraph ingest-bench: {} generated articles into {}",
        args.articles,
        DbUrl::parse(&db)
    );
    let (_, summary) = ingest(IngestArgs {
        paths: vec![corpus.display().to_string()],
        db: db.clone(),
        batch: args.batch,
        input_format: None,
        published: None,
        max_article_bytes: 10 << 20,
        disable: Vec::new(),
        threads: args.threads,
        json: false,
    })?;

    let store = Store::open(&DbUrl::parse(&db))?;
    let counts = store.counts()?;
    let mut rng = Rng(7);
    let names: Vec<String> = (0..args.queries.max(1))
        .map(|i| match i % 3 {
            0 => person(&mut rng),
            1 => org(rng.below(300)),
            _ => place(rng.below(200)),
        })
        .collect();
    let entity_ms = time_queries(args.queries, |i| {
        store.entity(&names[i % names.len()])?;
        Ok(())
    })?;
    let events_ms = time_queries(args.queries, |i| {
        store.events(&EventFilter {
            actor: Some(names[i % names.len()].clone()),
            limit: 50,
            ..EventFilter::default()
        })?;
        Ok(())
    })?;
    let size = store.size_bytes()?;
    let report = json!({
        "articles": args.articles,
        "ingest": summary,
        "counts": {
            "articles": counts.articles, "entities": counts.entities, "events": counts.events,
            "event_mentions": counts.event_mentions, "quotes": counts.quotes,
            "claims": counts.claims, "relations": counts.relations,
        },
        "db_bytes": size,
        "query_entity_ms": {"p50": percentile(&entity_ms, 0.5), "p95": percentile(&entity_ms, 0.95), "max": entity_ms.last()},
        "query_events_ms": {"p50": percentile(&events_ms, 0.5), "p95": percentile(&events_ms, 0.95), "max": events_ms.last()},
    });
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "ingested {} articles: {:.0} articles/s, {:.0} words/s",
            summary["stored"],
            summary["articles_per_second"].as_f64().unwrap_or(0.0),
            summary["words_per_second"].as_f64().unwrap_or(0.0)
        );
        println!(
            "database: {} ({} entities, {} events from {} reports, {} quotes, {} claims)",
            human_bytes(size),
            counts.entities,
            counts.events,
            counts.event_mentions,
            counts.quotes,
            counts.claims
        );
        for (label, ms) in [("query entity", &entity_ms), ("query events", &events_ms)] {
            println!(
                "{label}: p50 {:.1} ms, p95 {:.1} ms over {} queries",
                percentile(ms, 0.5),
                percentile(ms, 0.95),
                ms.len()
            );
        }
    }
    drop(store);
    if args.db.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        let _ = std::fs::remove_file(&corpus);
    }
    Ok(EXIT_OK)
}
