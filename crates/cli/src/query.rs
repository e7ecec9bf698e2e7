//! `newsgraph query`: entity profiles, events, quotes and relations from a stored corpus.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use newsgraph_store::{DbUrl, EventFilter, QuoteFilter, RelationFilter, Store};
use serde_json::{json, Value};

use crate::ingest::DEFAULT_DB;
use crate::tabular::{write_rows, Format};
use crate::{EXIT_OK, EXIT_SKIPPED};

#[derive(Args)]
pub struct QueryArgs {
    /// Database: an SQLite file path, `sqlite:…`, or `postgres://user:pass@host/db`.
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB, global = true)]
    pub db: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table, global = true)]
    pub format: Format,
    /// Most rows per list.
    #[arg(long, value_name = "N", default_value_t = 100, global = true)]
    pub limit: usize,
    #[command(subcommand)]
    pub what: QueryWhat,
}

#[derive(Subcommand)]
pub enum QueryWhat {
    /// An actor's profile: aliases, codes, relations, events, what it said and what was said
    /// about it, with the articles.
    Entity {
        /// A name, an alias or a knowledge-base id.
        name: String,
    },
    /// Deduplicated events, latest first.
    Events {
        /// Who acted.
        #[arg(long)]
        actor: Option<String>,
        /// Who was acted on.
        #[arg(long)]
        target: Option<String>,
        /// PLOVER type (ASSAULT, PROTEST, …).
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        /// On or after (YYYY-MM-DD, YYYY-MM or YYYY).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// On or before.
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// Where.
        #[arg(long)]
        place: Option<String>,
    },
    /// Attributed quotes with the corroboration of their claims.
    Quotes {
        /// Who said it.
        #[arg(long)]
        speaker: Option<String>,
        /// An actor the claim names.
        #[arg(long)]
        about: Option<String>,
    },
    /// Relations between actors, most often stated first.
    Relations {
        /// Relation type (LEADS, ALLY_OF, …).
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        /// An actor at either end.
        #[arg(long)]
        actor: Option<String>,
    },
}

/// Opens an existing store: querying never creates an empty SQLite file.
pub fn open_existing(db: &str) -> Result<Store> {
    let url = DbUrl::parse(db);
    if let Some(path) = url.sqlite_path() {
        if !Path::new(path).exists() {
            bail!("there is no database at {path} (run `newsgraph ingest PATH --db {path}` first, or give --db)");
        }
    }
    Ok(Store::open(&url)?)
}

fn check_date(d: &Option<String>) -> Result<()> {
    if let Some(d) = d {
        if newsgraph_store::day_range(d).is_none() {
            bail!("{d:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
        }
    }
    Ok(())
}

pub fn run(args: QueryArgs) -> Result<u8> {
    let store = open_existing(&args.db)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let found = match args.what {
        QueryWhat::Entity { name } => {
            let Some(p) = store.entity(&name)? else {
                eprintln!("newsgraph: no entity is called {name:?}");
                return Ok(EXIT_SKIPPED);
            };
            match args.format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &p.to_json())?;
                    writeln!(out)?;
                }
                Format::Csv => write_rows(&mut out, &profile_rows(&p.to_json()), Format::Csv)?,
                Format::Table => write_profile(&mut out, &p.to_json())?,
            }
            true
        }
        QueryWhat::Events {
            actor,
            target,
            kind,
            since,
            until,
            place,
        } => {
            check_date(&since)?;
            check_date(&until)?;
            let rows = store.events(&EventFilter {
                actor,
                target,
                kind,
                since,
                until,
                place,
                limit: args.limit,
            })?;
            let rows: Vec<Value> = rows.iter().map(|r| r.to_json()).collect();
            write_rows(&mut out, &rows, args.format)?;
            !rows.is_empty()
        }
        QueryWhat::Quotes { speaker, about } => {
            let rows = store.quotes(&QuoteFilter {
                speaker,
                about,
                limit: args.limit,
            })?;
            let rows: Vec<Value> = rows.iter().map(|r| r.to_json()).collect();
            write_rows(&mut out, &rows, args.format)?;
            !rows.is_empty()
        }
        QueryWhat::Relations { kind, actor } => {
            let rows = store.relations(&RelationFilter {
                kind,
                actor,
                limit: args.limit,
            })?;
            let rows: Vec<Value> = rows.iter().map(|r| r.to_json()).collect();
            write_rows(&mut out, &rows, args.format)?;
            !rows.is_empty()
        }
    };
    out.flush()?;
    Ok(if found { EXIT_OK } else { EXIT_SKIPPED })
}

/// A profile as uniform rows (section, item, detail, count, article) for CSV.
fn profile_rows(p: &Value) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut row = |section: &str, item: String, detail: String, count: Value, article: &Value| {
        rows.push(json!({"section": section, "item": item, "detail": detail, "count": count, "article": article}));
    };
    let none = Value::Null;
    row(
        "entity",
        crate::tabular::cell(&p["name"]),
        format!(
            "{} {}",
            crate::tabular::cell(&p["type"]),
            crate::tabular::cell(&p["kb_id"])
        )
        .trim()
        .to_string(),
        p["num_articles"].clone(),
        &none,
    );
    if let Some(codes) = p["codes"].as_object() {
        for (scheme, code) in codes {
            row(
                "code",
                scheme.clone(),
                crate::tabular::cell(code),
                none.clone(),
                &none,
            );
        }
    }
    for a in p["aliases"].as_array().into_iter().flatten() {
        row(
            "alias",
            crate::tabular::cell(a),
            String::new(),
            none.clone(),
            &none,
        );
    }
    for t in p["titles"].as_array().into_iter().flatten() {
        row(
            "title",
            crate::tabular::cell(t),
            String::new(),
            none.clone(),
            &none,
        );
    }
    for r in p["relations"].as_array().into_iter().flatten() {
        row(
            "relation",
            format!(
                "{} {} {}",
                crate::tabular::cell(&r["source"]),
                crate::tabular::cell(&r["type"]),
                crate::tabular::cell(&r["target"])
            ),
            crate::tabular::cell(&r["evidence"]),
            r["num_articles"].clone(),
            &none,
        );
    }
    for (section, key) in [
        ("event as actor", "events_as_actor"),
        ("event as target", "events_as_target"),
    ] {
        for e in p[key].as_array().into_iter().flatten() {
            row(
                section,
                format!(
                    "{} {} → {}",
                    crate::tabular::cell(&e["type"]),
                    crate::tabular::cell(&e["source"]),
                    crate::tabular::cell(&e["target"])
                ),
                crate::tabular::cell(&e["date"]),
                e["num_articles"].clone(),
                &e["article"],
            );
        }
    }
    for (section, key) in [("said", "said"), ("said about it", "said_about")] {
        for q in p[key].as_array().into_iter().flatten() {
            row(
                section,
                crate::tabular::cell(&q["content"]),
                crate::tabular::cell(&q["speaker"]),
                q["corroborating_sources"].clone(),
                &q["article"],
            );
        }
    }
    for a in p["articles"].as_array().into_iter().flatten() {
        row(
            "article",
            crate::tabular::cell(&a["title"]),
            crate::tabular::cell(&a["published"]),
            none.clone(),
            &a["article"],
        );
    }
    rows
}

/// A profile for reading: a heading, then each non-empty section as a small table.
fn write_profile(out: &mut dyn Write, p: &Value) -> Result<()> {
    let c = crate::tabular::cell;
    writeln!(out, "{} ({})", c(&p["name"]), c(&p["type"]))?;
    if !p["kb_id"].is_null() {
        writeln!(out, "knowledge base: {} {}", c(&p["kb_id"]), p["codes"])?;
    }
    writeln!(out, "articles: {}", c(&p["num_articles"]))?;
    writeln!(out, "aliases: {}", c(&p["aliases"]))?;
    if p["titles"].as_array().is_some_and(|t| !t.is_empty()) {
        writeln!(out, "titles: {}", c(&p["titles"]))?;
    }
    for (title, key) in [
        ("relations", "relations"),
        ("events as actor", "events_as_actor"),
        ("events as target", "events_as_target"),
        ("what it said", "said"),
        ("what was said about it", "said_about"),
        ("articles", "articles"),
        ("other entities with this name", "other_matches"),
    ] {
        if let Some(rows) = p[key].as_array().filter(|r| !r.is_empty()) {
            writeln!(out, "\n{title}:")?;
            write_rows(out, rows, Format::Table)?;
        }
    }
    Ok(())
}
