//! The API and pages through the router, without sockets, on a temporary SQLite database
//! filled with invented articles.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use newsgraph_serve::{demo, router, AppState};
use serde_json::{json, Value};
use tower::ServiceExt;

const TOKEN: &str = "test-token-0123456789";

/// A temporary database removed at the end of the test.
struct TempDb(std::path::PathBuf);

impl TempDb {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Self(std::env::temp_dir().join(format!(
            "newsgraph-serve-{name}-{}-{nanos}.db",
            std::process::id()
        )))
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for s in ["", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(s);
            let _ = std::fs::remove_file(p);
        }
    }
}

/// A state over a fresh database holding the bundled invented corpus.
async fn corpus(name: &str, token: Option<&str>) -> (Arc<AppState>, TempDb) {
    let db = TempDb::new(name);
    let state = AppState::open(&db.0.display().to_string(), token.map(str::to_string))
        .await
        .unwrap();
    let s = Arc::clone(&state);
    tokio::task::spawn_blocking(move || s.ingest(demo::articles()))
        .await
        .unwrap()
        .unwrap();
    (state, db)
}

struct Answer {
    status: StatusCode,
    content_type: String,
    csp: bool,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

async fn send(state: &Arc<AppState>, req: Request<Body>) -> Answer {
    let res = router(Arc::clone(state)).oneshot(req).await.unwrap();
    let status = res.status();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let csp = res.headers().contains_key(header::CONTENT_SECURITY_POLICY);
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        content_type,
        csp,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(state: &Arc<AppState>, uri: &str) -> Answer {
    send(state, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(state: &Arc<AppState>, uri: &str, body: &Value, token: Option<&str>) -> Answer {
    let mut req = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    send(state, req.body(Body::from(body.to_string())).unwrap()).await
}

/// An error answer is JSON with a status and a message, and names no internals.
fn assert_clean_error(a: &Answer, status: StatusCode) {
    assert_eq!(a.status, status, "{}", a.body);
    assert!(
        a.content_type.starts_with("application/json"),
        "{}",
        a.content_type
    );
    let v = a.json();
    assert_eq!(v["error"]["status"], status.as_u16());
    assert!(v["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    for leak in ["sqlite", "SELECT", "panicked", "src/", ".rs:", "sqlx"] {
        assert!(!a.body.contains(leak), "{leak} in {}", a.body);
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let (state, _db) = corpus("openapi", None).await;
    let a = get(&state, "/api/openapi.json").await;
    assert_eq!(a.status, StatusCode::OK);
    let doc = a.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/extract",
        "/api/articles",
        "/api/articles/{id}",
        "/api/entities",
        "/api/entities/{id}",
        "/api/events",
        "/api/quotes",
        "/api/relations",
        "/api/graph",
        "/api/graph/edge",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} undocumented");
    }
}

#[tokio::test]
async fn extract_returns_the_contract_and_stores_nothing() {
    let (state, _db) = corpus("extract", None).await;
    let body = json!({"title": "Ferry strike", "published": "2025-06-02",
        "text": "Mayor Oskar Lind said on Monday that the ferry service to Brandholm would resume."});
    let a = post(&state, "/api/extract", &body, None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let c = a.json();
    assert_eq!(c["schema"], "newsgraph/1");
    assert_eq!(c["meta"]["title"], "Ferry strike");
    assert!(c["text"].as_str().unwrap().contains("Oskar Lind"));
    assert!(c["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == "Oskar Lind"));
    let html = post(
        &state,
        "/api/extract",
        &json!({"html": "<html><body><article><p>Mayor Oskar Lind opened the new bridge in Brandholm on Friday, the city said.</p></article></body></html>"}),
        None,
    )
    .await;
    assert_eq!(html.status, StatusCode::OK, "{}", html.body);
    assert!(html.json()["text"].as_str().unwrap().contains("new bridge"));
    // Nothing stored: the article list still holds the bundled corpus only.
    let list = get(&state, "/api/articles?limit=200").await.json();
    assert_eq!(list["total"], demo::articles().len());
}

#[tokio::test]
async fn malformed_requests_get_clean_json_errors() {
    let (state, _db) = corpus("errors", None).await;
    let req = Request::post("/api/extract")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    assert_clean_error(&send(&state, req).await, StatusCode::BAD_REQUEST);
    assert_clean_error(
        &post(&state, "/api/extract", &json!({"text": 5}), None).await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &post(
            &state,
            "/api/extract",
            &json!({"text": "a", "html": "b"}),
            None,
        )
        .await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &get(&state, "/api/events?limit=500").await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &get(&state, "/api/events?limit=x").await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &get(&state, "/api/events?offset=99999").await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &get(&state, "/api/events?since=March").await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &get(&state, "/api/graph?depth=9").await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &get(&state, "/api/graph?center=abc").await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &get(&state, "/api/articles/abc").await,
        StatusCode::BAD_REQUEST,
    );
    assert_clean_error(
        &get(&state, "/api/articles/999").await,
        StatusCode::NOT_FOUND,
    );
    assert_clean_error(
        &get(&state, "/api/entities/Nobody%20Known").await,
        StatusCode::NOT_FOUND,
    );
    assert_clean_error(&get(&state, "/api/entities").await, StatusCode::BAD_REQUEST);
    assert_clean_error(
        &get(&state, "/api/nothing/here").await,
        StatusCode::NOT_FOUND,
    );
    let long = "x".repeat(2000);
    assert_clean_error(
        &get(&state, &format!("/api/events?actor={long}")).await,
        StatusCode::BAD_REQUEST,
    );
}

#[tokio::test]
async fn request_bodies_are_limited() {
    let (state, _db) = corpus("limit", Some(TOKEN)).await;
    let huge = "word ".repeat(500_000); // 2.5 MB
    let a = post(&state, "/api/extract", &json!({ "text": huge }), None).await;
    assert_clean_error(&a, StatusCode::PAYLOAD_TOO_LARGE);
    let a = post(
        &state,
        "/api/articles",
        &json!({ "text": huge }),
        Some(TOKEN),
    )
    .await;
    assert_clean_error(&a, StatusCode::PAYLOAD_TOO_LARGE);
    // Under the body limit but over the article limit.
    let big = "word ".repeat(220_000); // 1.1 MB
    let a = post(&state, "/api/extract", &json!({ "text": big }), None).await;
    assert_clean_error(&a, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn ingest_is_off_unless_allowed_and_needs_the_token() {
    let (state, _db) = corpus("readonly", None).await;
    let article = json!({"text": "Mayor Oskar Lind visited Brandholm on Monday."});
    let a = post(&state, "/api/articles", &article, Some(TOKEN)).await;
    assert_clean_error(&a, StatusCode::FORBIDDEN);

    let (state, _db2) = corpus("ingest", Some(TOKEN)).await;
    assert_clean_error(
        &post(&state, "/api/articles", &article, None).await,
        StatusCode::UNAUTHORIZED,
    );
    assert_clean_error(
        &post(
            &state,
            "/api/articles",
            &article,
            Some("test-token-0123456788"),
        )
        .await,
        StatusCode::UNAUTHORIZED,
    );
    let a = post(&state, "/api/articles", &article, Some(TOKEN)).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let id = a.json()["articles"][0]["id"].as_u64().unwrap();
    let stored = get(&state, &format!("/api/articles/{id}")).await.json();
    assert_eq!(
        stored["text"],
        "Mayor Oskar Lind visited Brandholm on Monday."
    );
    let list = get(&state, "/api/articles?limit=1").await.json();
    assert_eq!(list["items"][0]["id"], id, "newest first");
    assert_eq!(list["next_offset"], 1);
    // The stored entity is now in the store.
    let found = get(&state, "/api/entities?q=Oskar%20Lind").await.json();
    assert_eq!(found["items"][0]["name"], "Oskar Lind", "{found}");
}

#[tokio::test]
async fn lists_are_paginated() {
    let (state, _db) = corpus("pages", None).await;
    let all = get(&state, "/api/quotes?limit=200").await.json();
    let n = all["items"].as_array().unwrap().len();
    assert!(n >= 4, "{all}");
    assert_eq!(all["next_offset"], Value::Null);
    let first = get(&state, "/api/quotes?limit=2").await.json();
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    assert_eq!(first["next_offset"], 2);
    let second = get(&state, "/api/quotes?limit=2&offset=2").await.json();
    assert_eq!(second["items"][0], all["items"][2]);
    let articles = get(&state, "/api/articles?limit=3&offset=3").await.json();
    assert_eq!(articles["items"].as_array().unwrap().len(), 3);
    assert_eq!(articles["next_offset"], 6);
}

#[tokio::test]
async fn entities_events_quotes_and_the_graph_answer_from_the_store() {
    let (state, _db) = corpus("graph", None).await;
    let profile = get(&state, "/api/entities/Anya%20Brell").await;
    assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
    let p = profile.json();
    assert_eq!(p["type"], "PERSON");
    assert!(p["num_articles"].as_i64().unwrap() >= 3, "{p}");
    assert!(!p["said"].as_array().unwrap().is_empty(), "{p}");

    let quotes = get(&state, "/api/quotes?speaker=Anya%20Brell").await.json();
    assert!(quotes["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|q| q["speaker"] == "Anya Brell"));

    let events = get(&state, "/api/events?since=2025-03&until=2025-03-31")
        .await
        .json();
    for e in events["items"].as_array().unwrap() {
        if let Some(d) = e["date"].as_str() {
            // A date of coarser precision ("2025") overlaps the window.
            assert!(d.starts_with("2025-03") || "2025-03".starts_with(d), "{e}");
        }
    }

    let g = get(&state, "/api/graph").await;
    assert_eq!(g.status, StatusCode::OK, "{}", g.body);
    let g = g.json();
    let edge = g["edges"][0].clone();
    assert!(edge.is_object(), "the corpus has an actor network: {g}");
    let (s, t) = (
        edge["source"].as_i64().unwrap(),
        edge["target"].as_i64().unwrap(),
    );
    let around = get(&state, &format!("/api/graph?center={s}&depth=1"))
        .await
        .json();
    assert!(around["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["source"] == s && e["target"] == t));
    assert!(around["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == s));
    let only = get(&state, &format!("/api/graph?center={s}&depth=0"))
        .await
        .json();
    assert_eq!(only["nodes"].as_array().unwrap().len(), 1);

    // An entity of the network by its numeric id, and the evidence of the edge.
    let by_id = get(&state, &format!("/api/entities/{s}")).await.json();
    assert_eq!(by_id["id"], s);
    let ev = get(&state, &format!("/api/graph/edge?source={s}&target={t}"))
        .await
        .json();
    let found = ev["events"].as_array().unwrap().len() + ev["relations"].as_array().unwrap().len();
    assert!(found > 0, "{ev}");
    // A time window with no events leaves no dated edge.
    let old = get(&state, "/api/graph?until=1990").await.json();
    assert!(old["edges"].as_array().unwrap().is_empty());
}

const HOSTILE_TITLE: &str = "Quay \"fire\" <script>alert('t')</script>";
const HOSTILE_TEXT: &str = "Mayor Oskar Lind said the <script>alert(1)</script> quay \
    was \" onmouseover=\"alert(2)\" closed. \"We will rebuild it,\" Lind said on Monday.";

#[tokio::test]
async fn every_field_is_escaped_in_pages() {
    let (state, _db) = corpus("escape", Some(TOKEN)).await;
    let article = json!({"title": HOSTILE_TITLE, "published": "2025-06-01",
                         "outlet": "<img src=x onerror=alert(3)>", "text": HOSTILE_TEXT});
    let a = post(&state, "/api/articles", &article, Some(TOKEN)).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let id = a.json()["articles"][0]["id"].as_u64().unwrap();

    // The API returns the text as JSON data.
    let api = get(&state, &format!("/api/articles/{id}")).await;
    assert!(api.content_type.starts_with("application/json"));
    assert_eq!(api.json()["meta"]["title"], HOSTILE_TITLE);

    let reader = get(&state, &format!("/article/{id}")).await;
    assert_eq!(reader.status, StatusCode::OK);
    assert!(reader.csp, "pages carry a content security policy");
    let body = &reader.body;
    assert!(!body.contains("<script>alert"), "{body}");
    assert!(!body.contains("<img"), "{body}");
    assert!(!body.contains("\" onmouseover"), "{body}");
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(body.contains("Quay &quot;fire&quot; &lt;script&gt;alert(&#39;t&#39;)"));
    assert!(body.contains("&quot; onmouseover=&quot;alert(2)&quot;"));
    // The only scripts of any page are the embedded assets.
    for uri in [
        "/",
        "/events?actor=%3Cscript%3E",
        "/?q=%22%3E%3Cscript%3Ex%3C/script%3E",
    ] {
        let p = get(&state, uri).await;
        assert_eq!(p.status, StatusCode::OK, "{uri}");
        assert!(!p.body.contains("<script>"), "{uri}: {}", p.body);
        assert!(!p.body.contains("<img"), "{uri}: {}", p.body);
    }
    let ent = get(&state, "/entity/Oskar%20Lind").await;
    assert_eq!(ent.status, StatusCode::OK, "{}", ent.body);
    assert!(!ent.body.contains("<script>alert"), "{}", ent.body);

    // Pasted text in the extract form is escaped the same way.
    let form = format!("text={}", pct(HOSTILE_TEXT));
    let req = Request::post("/extract")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let p = send(&state, req).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert!(!p.body.contains("<script>alert"), "{}", p.body);
    assert!(p.body.contains("&lt;script&gt;alert(1)"));
}

fn pct(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn every_page_loads() {
    let (state, _db) = corpus("pages-load", None).await;
    let home = get(&state, "/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.content_type.starts_with("text/html"));
    assert!(home.body.contains("href=\"/article/1\""), "{}", home.body);
    let reader = get(&state, "/article/1").await;
    assert_eq!(reader.status, StatusCode::OK);
    for class in [
        "class=\"ent\"",
        "class=\"quote\"",
        "id=\"l-ent\"",
        "id=\"l-event\"",
    ] {
        assert!(reader.body.contains(class), "{class}: {}", reader.body);
    }
    // From the article to an entity and on to the network.
    let link = reader
        .body
        .split("<a class=\"ent\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let entity = get(&state, &link).await;
    assert_eq!(entity.status, StatusCode::OK, "{link}: {}", entity.body);
    assert!(entity.body.contains("<h2>Timeline</h2>"));
    let graph_link = entity
        .body
        .split("href=\"/graph?center=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert!(graph_link.parse::<i64>().is_ok());
    for uri in [
        "/graph",
        "/events",
        "/events?type=ASSAULT",
        "/extract",
        "/assets/app.css",
        "/assets/graph.js",
    ] {
        let p = get(&state, uri).await;
        assert_eq!(p.status, StatusCode::OK, "{uri}");
    }
    assert!(get(&state, "/assets/graph.js")
        .await
        .content_type
        .starts_with("text/javascript"));
    let missing = get(&state, "/no/such/page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.content_type.starts_with("text/html"));
    assert_eq!(
        get(&state, "/entity/Nobody%20Known").await.status,
        StatusCode::NOT_FOUND
    );
}
