//! `ingest`, `query` and `export` as a user runs them, on SQLite and (with NEWSGRAPH_TEST_PG)
//! PostgreSQL: idempotence, a killed ingest, two ingests at once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use newsgraph_store::{Counts, DbUrl, Store};
use serde_json::Value;
use sqlx::Connection;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("newsgraph runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A new PostgreSQL database on the NEWSGRAPH_TEST_PG server, or `None` when unset.
fn fresh_pg(name: &str) -> Option<String> {
    let admin = std::env::var("NEWSGRAPH_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty())?;
    let db = format!("ngcli_{}_{name}", std::process::id());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
        sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {db}"))
            .execute(&mut c)
            .await
            .unwrap();
        sqlx::raw_sql(&format!("CREATE DATABASE {db}"))
            .execute(&mut c)
            .await
            .unwrap();
    });
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
    Some(format!("{base}/{db}"))
}

const CITIES: &[&str] = &["Port Sela", "Mirren", "Kalvik", "Orlan", "Tessaly"];
const GROUPS: &[&str] = &["Ravenna Front", "Orla Guard", "Kestrel Brigade"];
const PEOPLE: &[&str] = &["Ilse Varg", "Tomas Brede", "Anna Lusk", "Piet Oranje"];
const OUTLETS: &[&str] = &["Lakeside Wire", "Harbour Times", "Valley Post"];

/// `n` invented articles from `first` on, as JSON Lines: a few recurring actors, one
/// recurring attack per city and day, quotes and denials.
fn corpus(first: usize, n: usize) -> String {
    let mut out = String::new();
    for i in first..first + n {
        let city = CITIES[i % CITIES.len()];
        let group = GROUPS[i % GROUPS.len()];
        let person = PEOPLE[i % PEOPLE.len()];
        let day = 1 + (i / 7) % 20;
        let text = format!(
            "{city}, May {day} ({outlet}) - Fighters of the {group} attacked a police convoy \
             near {city} on Monday, killing {k} officers, officials said.\n\n\
             \u{201c}We will not be intimidated,\u{201d} said {person}, the governor of {city}. \
             The {group} denied that it had attacked the convoy. This is report {i}.",
            outlet = OUTLETS[i % OUTLETS.len()],
            k = 2 + i % 3,
        );
        let line = serde_json::json!({
            "id": format!("report-{i}"),
            "title": format!("Convoy attacked near {city}"),
            "published": format!("2031-05-{:02}", day + 1),
            "outlet": OUTLETS[i % OUTLETS.len()],
            "text": text,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

fn write_corpus(dir: &Path, name: &str, first: usize, n: usize) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, corpus(first, n)).unwrap();
    p
}

fn counts(db: &str) -> Counts {
    Store::open(&DbUrl::parse(db)).unwrap().counts().unwrap()
}

fn ingest(paths: &[&Path], db: &str, extra: &[&str]) -> Output {
    run(bin()
        .arg("ingest")
        .args(paths)
        .args(["--db", db])
        .args(extra))
}

#[test]
fn ingest_query_and_export_on_sqlite() {
    let dir = scratch("basic");
    let input = write_corpus(&dir, "news.jsonl", 0, 30);
    let db = dir.join("corpus.db");
    let db = db.to_str().unwrap();
    let out = ingest(&[&input], db, &["--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(summary["stored"], 30);
    assert!(summary["db_bytes"].as_u64().unwrap() > 0);
    assert!(stderr(&out).contains("articles/s"), "{}", stderr(&out));

    // Again: nothing new.
    let out = ingest(&[&input], db, &["--json"]);
    let summary: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (summary["stored"].as_u64(), summary["unchanged"].as_u64()),
        (Some(0), Some(30))
    );

    let c = counts(db);
    assert_eq!(c.articles, 30);
    assert!(c.entities > 0 && c.entities < 30 * 5, "{c:?}");

    // An entity found in many articles is one node.
    let out = run(bin().args([
        "query",
        "entity",
        "Ravenna Front",
        "--db",
        db,
        "--format",
        "json",
    ]));
    assert!(out.status.success(), "{}", stderr(&out));
    let p: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(p["name"], "Ravenna Front");
    assert_eq!(p["num_articles"], 10, "{p:#}");

    for format in ["table", "csv", "json"] {
        for query in [
            &["events"][..],
            &["events", "--type", "assault", "--since", "2031-05"][..],
            &["quotes", "--about", "Ravenna Front"][..],
            &["relations"][..],
            &["entity", "Mirren"][..],
        ] {
            let out = run(bin()
                .arg("query")
                .args(query)
                .args(["--db", db, "--format", format]));
            assert!(
                out.status.code() == Some(0) || out.status.code() == Some(1),
                "{query:?} {format}: {}",
                stderr(&out)
            );
            if format == "json" && out.status.success() {
                let _: Value = serde_json::from_str(&stdout(&out)).unwrap();
            }
        }
    }
    let out = run(bin().args(["query", "entity", "Nobody Here", "--db", db]));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Nobody Here"));

    let out = run(bin().args(["export", "events", "--format", "csv", "--db", db]));
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("event_id,date,event_type"));
    assert_eq!(lines.count() as i64, counts(db).events);

    let out = run(bin().args(["export", "graph", "--format", "graphml", "--db", db]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("<graphml"));
    let out = run(bin().args(["export", "graph", "--format", "json", "--db", db]));
    let g: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(g["directed"], true);

    let out = run(bin().args(["export", "events", "--format", "parquet", "--db", db]));
    assert_eq!(out.status.code(), Some(2));

    // Querying a database that does not exist does not create it.
    let missing = dir.join("missing.db");
    let out = run(bin().args(["query", "events", "--db", missing.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(2));
    assert!(!missing.exists());
}

#[test]
fn a_broken_record_is_reported_and_the_rest_stored() {
    let dir = scratch("broken");
    let mut text = corpus(0, 3);
    text.push_str("{\"id\": \"bad\", \"text\": \n");
    text.push_str(&corpus(3, 2));
    let input = dir.join("mixed.jsonl");
    std::fs::write(&input, text).unwrap();
    let db = dir.join("c.db");
    let out = ingest(
        &[&input, &dir.join("absent.jsonl")],
        db.to_str().unwrap(),
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("mixed.jsonl") && err.contains("line 4"),
        "{err}"
    );
    assert!(err.contains("absent.jsonl"), "{err}");
    assert_eq!(counts(db.to_str().unwrap()).articles, 5);
}

/// Articles of the killed ingest.
const TOTAL: usize = 800;

/// Starts an ingest, kills it once something is stored, runs it again to the end, and
/// compares with an ingest that was never interrupted.
fn killed_ingest_loses_nothing(db: &str, clean_db: &str, dir: &Path) {
    let input = write_corpus(dir, "big.jsonl", 0, TOTAL);
    let mut child = bin()
        .arg("ingest")
        .arg(&input)
        .args(["--db", db, "--batch", "10", "-j", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if let Ok(store) = Store::open(&DbUrl::parse(db)) {
            seen = store.counts().map(|c| c.articles).unwrap_or(0);
            if seen >= 20 {
                break;
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen >= 20, "the ingest stored nothing within two minutes");
    let partial = counts(db);
    assert!(partial.articles >= seen);
    assert!(
        partial.articles < TOTAL as i64,
        "killed too late to test anything"
    );
    assert_eq!(
        partial.articles % 10,
        0,
        "only whole batches are stored: {partial:?}"
    );

    let out = ingest(&[&input], db, &["--json", "--batch", "10"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        summary["stored"].as_i64().unwrap() + summary["unchanged"].as_i64().unwrap(),
        TOTAL as i64
    );
    assert_eq!(summary["unchanged"].as_i64().unwrap(), partial.articles);

    let out = ingest(&[&input], clean_db, &["--batch", "10"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let resumed = counts(db);
    assert_eq!(resumed.articles, TOTAL as i64);
    assert_eq!(resumed, counts(clean_db));
}

#[test]
fn a_killed_ingest_loses_nothing_on_sqlite() {
    let dir = scratch("kill");
    let db = dir.join("killed.db");
    let clean = dir.join("clean.db");
    killed_ingest_loses_nothing(db.to_str().unwrap(), clean.to_str().unwrap(), &dir);
}

#[test]
fn a_killed_ingest_loses_nothing_on_postgres() {
    let (Some(db), Some(clean)) = (fresh_pg("killed"), fresh_pg("killed_clean")) else {
        eprintln!("NEWSGRAPH_TEST_PG is not set: skipped");
        return;
    };
    let dir = scratch("kill-pg");
    killed_ingest_loses_nothing(&db, &clean, &dir);
}

#[test]
fn two_ingests_at_once_into_postgres_store_everything_once() {
    let (Some(db), Some(sequential)) = (fresh_pg("together"), fresh_pg("sequential")) else {
        eprintln!("NEWSGRAPH_TEST_PG is not set: skipped");
        return;
    };
    let dir = scratch("together");
    let a = write_corpus(&dir, "a.jsonl", 0, 150);
    let b = write_corpus(&dir, "b.jsonl", 150, 150);
    let c = write_corpus(&dir, "c.jsonl", 300, 150);
    // The two share b.jsonl, in different orders.
    let spawn = |paths: &[&Path]| {
        bin()
            .arg("ingest")
            .args(paths)
            .args(["--db", &db, "--batch", "5", "-j", "1"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let one = spawn(&[&a, &b]);
    let two = spawn(&[&c, &b]);
    for child in [one, two] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = ingest(&[&a, &b, &c], &sequential, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let together = counts(&db);
    let alone = counts(&sequential);
    assert_eq!(together.articles, 450);
    assert_eq!(together.entities, alone.entities);
    assert_eq!(together.event_mentions, alone.event_mentions);
    assert_eq!(together.quotes, alone.quotes);
    assert_eq!(together.claims, alone.claims);
    assert_eq!(together.relations, alone.relations);
    assert_eq!(together.words, alone.words);
    assert_eq!(together.events, alone.events, "{together:?} vs {alone:?}");
}
