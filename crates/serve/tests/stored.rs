//! A database ingested beforehand (as `newsgraph ingest` leaves it) served by a new server:
//! every stored article listed and readable with its marks, entities found by part of a
//! name and by id. On SQLite, and on PostgreSQL too when NEWSGRAPH_TEST_PG names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use newsgraph::{Pipeline, PipelineConfig};
use newsgraph_serve::{demo, extract, router, AppState};
use newsgraph_store::{ArticleRecord, DbUrl, Store};
use serde_json::Value;
use sqlx::Connection;
use tower::ServiceExt;

/// The databases to test on: a fresh SQLite file, and a fresh PostgreSQL database when
/// NEWSGRAPH_TEST_PG is set.
async fn databases(name: &str) -> Vec<String> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!(
        "newsgraph-serve-stored-{name}-{}-{nanos}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let mut out = vec![dir.join("corpus.db").display().to_string()];
    if let Some(admin) = std::env::var("NEWSGRAPH_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty())
    {
        let db = format!("ng_serve_{}_{name}", std::process::id());
        let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
        for sql in [
            format!("DROP DATABASE IF EXISTS {db}"),
            format!("CREATE DATABASE {db}"),
        ] {
            sqlx::raw_sql(&sql).execute(&mut c).await.unwrap();
        }
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        out.push(format!("{base}/{db}"));
    }
    out
}

/// Ingests the bundled invented corpus with the store alone, then closes it.
fn ingest_beforehand(db: &str) -> Vec<ArticleRecord> {
    let pipeline = Pipeline::new(&PipelineConfig::default()).unwrap();
    let records: Vec<ArticleRecord> = demo::articles()
        .into_iter()
        .map(|a| ArticleRecord::from_doc(&extract::run(&pipeline, a)))
        .collect();
    let mut store = Store::open(&DbUrl::parse(db)).unwrap();
    assert_eq!(store.write_batch(&records).unwrap().stored, records.len());
    records
}

async fn get(state: &Arc<AppState>, uri: &str) -> (StatusCode, String) {
    let res = router(Arc::clone(state))
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

async fn json(state: &Arc<AppState>, uri: &str) -> Value {
    let (status, body) = get(state, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    serde_json::from_str(&body).unwrap()
}

fn cp(text: &str, span: &Value) -> String {
    let s = span["start"].as_u64().unwrap() as usize;
    let e = span["end"].as_u64().unwrap() as usize;
    text.chars().skip(s).take(e - s).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn articles_stored_before_the_server_started_are_listed_and_read() {
    for db in databases("articles").await {
        let d = db.clone();
        let records = tokio::task::spawn_blocking(move || ingest_beforehand(&d))
            .await
            .unwrap();
        let state = AppState::open(&db, None).await.unwrap();

        let list = json(&state, "/api/articles?limit=200").await;
        assert_eq!(list["total"].as_u64().unwrap() as usize, records.len());
        let items = list["items"].as_array().unwrap();
        assert_eq!(items.len(), records.len());
        let page = json(&state, "/api/articles?limit=2&offset=1").await;
        assert_eq!(page["items"][0], items[1]);
        assert_eq!(page["next_offset"], 3);

        let mut marked = 0;
        for item in items {
            let id = item["id"].as_i64().unwrap();
            let a = json(&state, &format!("/api/articles/{id}")).await;
            let text = a["text"].as_str().unwrap();
            assert!(!text.is_empty(), "{db}: article {id} has its text");
            assert_eq!(
                a["entities"].as_array().unwrap().len() as u64,
                item["entities"]
            );
            for e in a["entities"].as_array().unwrap() {
                let mentions = e["mentions"].as_array().unwrap();
                assert!(!mentions.is_empty(), "{db}: {e}");
                marked += mentions.len();
                // Each mention is a name form of its entity, found in the text by code points.
                for m in mentions {
                    assert!(!cp(text, m).is_empty());
                }
            }
            for q in a["quotes"].as_array().unwrap() {
                assert_eq!(
                    cp(text, &q["content"]),
                    q["content"]["text"].as_str().unwrap()
                );
            }
            for v in a["events"].as_array().unwrap() {
                assert_eq!(
                    cp(text, &v["trigger"]),
                    v["trigger"]["text"].as_str().unwrap()
                );
            }
            for r in a["relations"].as_array().unwrap() {
                assert_eq!(
                    cp(text, &r["evidence"]),
                    r["evidence"]["text"].as_str().unwrap()
                );
            }
            let (status, page) = get(&state, &format!("/article/{id}")).await;
            assert_eq!(status, StatusCode::OK);
            if let Some(e) = a["entities"].as_array().unwrap().first() {
                let href = format!("href=\"/entity/{}\"", e["entity_id"]);
                assert!(page.contains(&href), "{db}: reader links {href}");
            }
        }
        assert!(marked > 0);
        let (status, _) = get(&state, "/api/articles/999999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = get(&state, "/article/999999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, front) = get(&state, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(front.contains(&format!("{} articles stored", records.len())));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entities_are_found_by_part_of_a_name_and_opened_by_id() {
    for db in databases("entities").await {
        let d = db.clone();
        let records = tokio::task::spawn_blocking(move || ingest_beforehand(&d))
            .await
            .unwrap();
        let state = AppState::open(&db, None).await.unwrap();
        // Every entity of the corpus: found by a lower-case middle part of its name, and its
        // profile opened by the id the search gives.
        let mut checked = 0;
        for e in records.iter().flat_map(|r| &r.entities).take(40) {
            let chars: Vec<char> = e.norm.chars().collect();
            if chars.len() < 5 {
                continue;
            }
            let part: String = chars[1..chars.len() - 1].iter().collect();
            let q: String = part
                .chars()
                .map(|c| if c == ' ' { '+' } else { c })
                .collect();
            let found = json(&state, &format!("/api/entities?q={q}&limit=200")).await;
            let hit = found["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["name"] == e.name.as_str() && m["type"] == e.kind)
                .unwrap_or_else(|| panic!("{db}: {} not found by {part:?}: {found}", e.name))
                .clone();
            let id = hit["id"].as_i64().unwrap();
            let p = json(&state, &format!("/api/entities/{id}")).await;
            assert_eq!(p["id"], id);
            assert_eq!(p["name"], e.name.as_str());
            let (status, page) = get(&state, &format!("/entity/{id}")).await;
            assert_eq!(status, StatusCode::OK);
            assert!(page.contains("<h1>"), "{page}");
            checked += 1;
        }
        assert!(checked >= 3, "{checked}");
        let first = json(&state, "/api/entities?q=a&limit=1").await;
        let second = json(&state, "/api/entities?q=a&limit=1&offset=1").await;
        assert_eq!(first["next_offset"], 1);
        assert_ne!(first["items"][0], second["items"][0]);
        let none = json(&state, "/api/entities?q=qqqxqqq").await;
        assert!(none["items"].as_array().unwrap().is_empty());
        let (status, _) = get(&state, "/api/entities/987654321").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}
