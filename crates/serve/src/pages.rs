//! The web pages: server-rendered HTML (every field escaped in [`crate::html`]), styled and
//! scripted by embedded assets only, so the workbench works offline.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

use axum::extract::{Form, Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use newsgraph_store::{EventFilter, QuoteFilter};
use serde_json::Value;

use crate::api::{blocking, find_entities, store_err};
use crate::error::ApiError;
use crate::extract;
use crate::html::{annotated_text, entity_hover, esc, field, page, pct};
use crate::params::{self, Params};
use crate::state::AppState;

type Shared = State<Arc<AppState>>;

const CSS: &str = include_str!("../assets/app.css");
const GRAPH_JS: &str = include_str!("../assets/graph.js");

fn html_error(e: &ApiError) -> Response {
    let body = page(
        "Error",
        &format!(
            "<h1>{}</h1><p>{}</p>",
            e.status().as_u16(),
            esc(e.message())
        ),
    );
    (e.status(), Html(body)).into_response()
}

fn respond(r: Result<String, ApiError>) -> Response {
    match r {
        Ok(body) => Html(body).into_response(),
        Err(e) => html_error(&e),
    }
}

/// `GET /assets/{name}`: the embedded stylesheet and scripts.
pub async fn asset(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "app.css" => (CSS, "text/css; charset=utf-8"),
        "graph.js" => (GRAPH_JS, "text/javascript; charset=utf-8"),
        _ => return html_error(&ApiError::not_found("no such asset")),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// Any other page.
pub async fn not_found() -> Response {
    html_error(&ApiError::not_found("no such page"))
}

fn entity_link(id: &Value, name: &str) -> String {
    match id.as_i64() {
        Some(id) => format!("<a href=\"/entity/{id}\">{}</a>", esc(name)),
        None => format!("<a href=\"/entity/{}\">{}</a>", pct(name), esc(name)),
    }
}

/// Articles listed on the front page.
const INDEX_ARTICLES: usize = 200;

/// `GET /`: entity search (`?q=`) and the latest stored articles.
pub async fn index(State(state): Shared, Query(p): Query<Params>) -> Response {
    let run = async {
        let mut body = String::new();
        if let Some(q) = params::text(&p, "q")? {
            let q2 = q.clone();
            let found = blocking(&state, move |s| find_entities(s, &q2, 50, 0)).await?;
            let _ = write!(body, "<h1>Entities matching “{}”</h1>", esc(&q));
            if found.is_empty() {
                body.push_str("<p>No entity has this name.</p>");
            }
            body.push_str("<ul class=\"list\">");
            for e in &found {
                let _ = write!(
                    body,
                    "<li>{} <span class=\"muted\">{} {}</span></li>",
                    entity_link(e.get("id").unwrap_or(&Value::Null), field(e, "name")),
                    esc(field(e, "type")),
                    esc(field(e, "match"))
                );
            }
            body.push_str("</ul>");
        }
        let (total, list) = blocking(&state, |s| {
            s.read(|st| st.articles(INDEX_ARTICLES, 0).map_err(store_err))
        })
        .await?;
        let _ = write!(body, "<h1>Articles</h1><p class=\"muted\">{total} articles stored; the latest {} below. <a href=\"/extract\">Extract a new text</a>.</p><ul class=\"list articles\">", list.len());
        for a in &list {
            let title = a
                .title
                .as_deref()
                .filter(|t| !t.is_empty())
                .unwrap_or(&a.doc_key);
            let _ = write!(
                body,
                "<li><a href=\"/article/{}\">{}</a> <span class=\"muted\">{} {}</span></li>",
                a.id,
                esc(title),
                esc(a.outlet.as_deref().unwrap_or("")),
                esc(a.published.as_deref().unwrap_or(""))
            );
        }
        body.push_str("</ul>");
        Ok(page("Workbench", &body))
    };
    respond(run.await)
}

fn reader(c: &Value) -> String {
    let meta = c.get("meta").unwrap_or(&Value::Null);
    let title = match field(meta, "title") {
        "" => "Untitled article",
        t => t,
    };
    let mut b = String::new();
    let _ = write!(
        b,
        "<article class=\"reader\"><h1>{}</h1><p class=\"muted\">",
        esc(title)
    );
    for k in ["outlet", "published", "byline", "source_url"] {
        let v = field(meta, k);
        if !v.is_empty() {
            let _ = write!(b, "<span>{}</span> ", esc(v));
        }
    }
    b.push_str("</p><fieldset class=\"layers\"><legend>Layers</legend>");
    for (id, label) in [
        ("l-ent", "Entities"),
        ("l-quote", "Quotes"),
        ("l-event", "Events"),
        ("l-rel", "Relations"),
    ] {
        let _ = write!(
            b,
            "<label><input type=\"checkbox\" id=\"{id}\" checked> {label}</label>"
        );
    }
    b.push_str("</fieldset><div class=\"cols\"><div class=\"text\">");
    b.push_str(&annotated_text(c));
    b.push_str("</div><aside>");
    let by_id: HashMap<&str, &str> = c
        .get("entities")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|e| (field(e, "id"), field(e, "name")))
        .collect();
    let name = |id: &str| by_id.get(id).copied().unwrap_or(id).to_string();
    let items = |k: &str| -> Vec<Value> {
        c.get(k)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    b.push_str("<section class=\"side-ent\"><h2>Entities</h2><ul>");
    for e in items("entities") {
        let href = crate::html::entity_href(&e).unwrap_or_default();
        let _ = write!(
            b,
            "<li><a class=\"ent\" href=\"{}\" title=\"{}\">{}</a> <span class=\"muted\">{}</span></li>",
            esc(&href),
            esc(&entity_hover(&e)),
            esc(field(&e, "name")),
            esc(field(&e, "type"))
        );
    }
    b.push_str("</ul></section><section class=\"side-quote\"><h2>Quotes</h2><ul>");
    for q in items("quotes") {
        let src = q.get("source").unwrap_or(&Value::Null);
        let who = src
            .get("entity")
            .and_then(Value::as_str)
            .map(&name)
            .unwrap_or_else(|| field(src, "text").to_string());
        let content = q.get("content").unwrap_or(&Value::Null);
        let _ = write!(
            b,
            "<li><b>{}</b> → “{}” <span class=\"muted\">{}</span></li>",
            esc(if who.is_empty() { "?" } else { &who }),
            esc(field(content, "text")),
            esc(field(&q, "kind"))
        );
    }
    b.push_str("</ul></section><section class=\"side-event\"><h2>Events</h2><ul>");
    for v in items("events") {
        let list = |k: &str| {
            v.get(k)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(&name)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default()
        };
        let _ = write!(
            b,
            "<li><b>{}</b> {} → {} <span class=\"muted\">{} “{}”</span></li>",
            esc(field(&v, "type")),
            esc(&list("source")),
            esc(&list("target")),
            esc(field(&v, "date")),
            esc(field(v.get("trigger").unwrap_or(&Value::Null), "text"))
        );
    }
    b.push_str("</ul></section><section class=\"side-rel\"><h2>Relations</h2><ul>");
    for r in items("relations") {
        let _ = write!(
            b,
            "<li>{} <b>{}</b> {} <span class=\"muted\">“{}”</span></li>",
            esc(&name(field(&r, "source"))),
            esc(field(&r, "type")),
            esc(&name(field(&r, "target"))),
            esc(field(r.get("evidence").unwrap_or(&Value::Null), "text"))
        );
    }
    b.push_str("</ul></section></aside></div></article>");
    b
}

/// `GET /article/{id}`: the reader.
pub async fn article(State(state): Shared, Path(id): Path<String>) -> Response {
    let run = async {
        let doc = blocking(&state, move |s| crate::api::stored_article(s, &id)).await?;
        let meta = doc.get("meta").unwrap_or(&Value::Null);
        let mut body = reader(&doc);
        if field(&doc, "text").is_empty() {
            body.insert_str(
                0,
                "<p class=\"muted\">The store holds no text for this article (it was ingested \
                 before texts were kept); ingest it again to read it here.</p>",
            );
        }
        Ok(page(field(meta, "title"), &body))
    };
    respond(run.await)
}

/// `GET /extract`: a form to extract a pasted text.
pub async fn extract_form() -> Response {
    Html(page(
        "Extract",
        "<h1>Extract an article</h1><form method=\"post\" action=\"/extract\" class=\"extract\">\
         <label>Title <input name=\"title\"></label>\
         <label>Published (YYYY-MM-DD) <input name=\"published\"></label>\
         <label>Text <textarea name=\"text\" rows=\"14\" required></textarea></label>\
         <button type=\"submit\">Extract</button></form>\
         <p class=\"muted\">Nothing is stored: the text is extracted and shown in the reader.</p>",
    ))
    .into_response()
}

/// `POST /extract`: the reader over a pasted text's extraction.
pub async fn extract_page(
    State(state): Shared,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let run = async {
        let mut obj = serde_json::Map::new();
        for k in ["title", "published", "text"] {
            if let Some(v) = form.get(k).filter(|v| !v.trim().is_empty()) {
                obj.insert(k.into(), Value::String(v.clone()));
            }
        }
        let article = extract::article_from_json(&Value::Object(obj))?;
        let _turn = state.extract_turn().await?;
        let c = blocking(&state, move |s| {
            Ok(extract::contract(&extract::run(s.pipeline(), article)))
        })
        .await?;
        Ok(page("Extraction", &reader(&c)))
    };
    respond(run.await)
}

fn event_rows(b: &mut String, events: &[Value]) {
    b.push_str("<table class=\"events\"><thead><tr><th>Date</th><th>Type</th><th>Who</th><th>On whom</th><th>Where</th><th>Reports</th><th>Words</th></tr></thead><tbody>");
    for e in events {
        let people = |k: &str| -> String {
            e.get(k)
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .filter_map(Value::as_str)
                .map(|n| format!("<a href=\"/entity/{}\">{}</a>", pct(n), esc(n)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>“{}”</td></tr>",
            esc(field(e, "date")),
            esc(field(e, "type")),
            people("source"),
            people("target"),
            esc(field(e, "place")),
            e.get("num_articles").and_then(Value::as_i64).unwrap_or(0),
            esc(field(e, "trigger"))
        );
    }
    b.push_str("</tbody></table>");
}

fn quote_rows(b: &mut String, quotes: &[Value]) {
    b.push_str("<ul class=\"quotes\">");
    for q in quotes {
        let _ = write!(
            b,
            "<li><b>{}</b> → “{}” <span class=\"muted\">{} · {} · {} sources</span></li>",
            esc(match field(q, "speaker") {
                "" => "?",
                s => s,
            }),
            esc(field(q, "content")),
            esc(field(q, "title")),
            esc(field(q, "published")),
            q.get("corroborating_sources")
                .and_then(Value::as_i64)
                .unwrap_or(0)
        );
    }
    b.push_str("</ul>");
}

/// `GET /entity/{id}`: the profile, a timeline of its events and its statements.
pub async fn entity(State(state): Shared, Path(id): Path<String>) -> Response {
    let run = async {
        let lookup = id.clone();
        let profile = blocking(&state, move |s| crate::api::profile(s, lookup))
            .await?
            .ok_or_else(|| ApiError::not_found(format!("no entity {id:?}")))?;
        let p = profile.to_json();
        let mut b = String::new();
        let _ = write!(
            b,
            "<h1>{}</h1><p class=\"muted\">{} · {} articles",
            esc(&profile.name),
            esc(&profile.kind),
            profile.num_articles
        );
        if let Some(kb) = &profile.kb_id {
            let _ = write!(b, " · KB {}", esc(kb));
        }
        if let Value::Object(codes) = &profile.codes {
            for (k, v) in codes {
                let _ = write!(b, " · {} {}", esc(k), esc(v.as_str().unwrap_or("")));
            }
        }
        let _ = write!(
            b,
            "</p><p><a href=\"/graph?center={}\">Show in the actor network</a></p>",
            profile.id
        );
        if !profile.aliases.is_empty() {
            let _ = write!(b, "<p>Also: {}</p>", esc(&profile.aliases.join(", ")));
        }
        if !profile.titles.is_empty() {
            let _ = write!(b, "<p>Titles: {}</p>", esc(&profile.titles.join(", ")));
        }
        let mut timeline: Vec<Value> = Vec::new();
        for k in ["events_as_actor", "events_as_target"] {
            if let Some(Value::Array(list)) = p.get(k) {
                timeline.extend(list.iter().cloned());
            }
        }
        timeline.sort_by(|a, b| field(b, "date").cmp(field(a, "date")));
        timeline.dedup_by(|a, b| a.get("id") == b.get("id"));
        b.push_str("<h2>Timeline</h2>");
        event_rows(&mut b, &timeline);
        let list = |k: &str| -> Vec<Value> {
            p.get(k)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        b.push_str("<h2>Statements</h2>");
        quote_rows(&mut b, &list("said"));
        b.push_str("<h2>Said about it</h2>");
        quote_rows(&mut b, &list("said_about"));
        b.push_str("<h2>Relations</h2><ul>");
        for r in list("relations") {
            let _ = write!(
                b,
                "<li>{} <b>{}</b> {} <span class=\"muted\">“{}”</span></li>",
                entity_link(&Value::Null, field(&r, "source")),
                esc(field(&r, "type")),
                entity_link(&Value::Null, field(&r, "target")),
                esc(field(&r, "evidence"))
            );
        }
        b.push_str("</ul><h2>Articles</h2><ul>");
        for a in list("articles") {
            let _ = write!(
                b,
                "<li>{} <span class=\"muted\">{} {}</span></li>",
                esc(field(&a, "title")),
                esc(field(&a, "article")),
                esc(field(&a, "published"))
            );
        }
        b.push_str("</ul>");
        Ok(page(&profile.name, &b))
    };
    respond(run.await)
}

/// `GET /graph`: the interactive actor network (drawn by `/assets/graph.js`).
pub async fn graph() -> Response {
    Html(page(
        "Actor network",
        "<h1>Actor network</h1><form id=\"graph-filter\" class=\"filters\">\
         <label>Centre id <input name=\"center\" size=\"6\"></label>\
         <label>Depth <input name=\"depth\" size=\"2\" value=\"2\"></label>\
         <label>Since <input name=\"since\" placeholder=\"YYYY-MM-DD\" size=\"10\"></label>\
         <label>Until <input name=\"until\" placeholder=\"YYYY-MM-DD\" size=\"10\"></label>\
         <label>Type <input name=\"type\" placeholder=\"ASSAULT, LEADS\" size=\"10\"></label>\
         <button type=\"submit\">Show</button></form>\
         <div class=\"cols\"><svg id=\"graph\" viewBox=\"0 0 900 600\" role=\"img\" \
         aria-label=\"actor network\"></svg><aside id=\"evidence\"><p class=\"muted\">\
         Click an edge to see its evidence; click a name for its page.</p></aside></div>\
         <script src=\"/assets/graph.js\"></script>",
    ))
    .into_response()
}

/// `GET /events`: event search with a timeline, and quote search.
pub async fn events(State(state): Shared, Query(p): Query<Params>) -> Response {
    let run = async {
        let filter = EventFilter {
            actor: params::text(&p, "actor")?,
            target: params::text(&p, "target")?,
            kind: params::text(&p, "type")?,
            since: params::date(&p, "since")?,
            until: params::date(&p, "until")?,
            place: None,
            limit: params::DEFAULT_LIMIT * 2,
        };
        let qf = QuoteFilter {
            speaker: params::text(&p, "speaker")?,
            about: params::text(&p, "about")?,
            limit: params::DEFAULT_LIMIT,
        };
        let want_quotes = qf.speaker.is_some() || qf.about.is_some();
        let (events, quotes) = blocking(&state, move |s| {
            let ev = s.read(|st| st.events(&filter).map_err(store_err))?;
            let qs = if want_quotes {
                s.read(|st| st.quotes(&qf).map_err(store_err))?
            } else {
                Vec::new()
            };
            Ok((ev, qs))
        })
        .await?;
        let val = |k: &str| esc(p.get(k).map_or("", String::as_str));
        let mut b = format!(
            "<h1>Events</h1><form class=\"filters\" method=\"get\" action=\"/events\">\
             <label>Actor <input name=\"actor\" value=\"{}\"></label>\
             <label>Target <input name=\"target\" value=\"{}\"></label>\
             <label>Type <input name=\"type\" value=\"{}\"></label>\
             <label>Since <input name=\"since\" value=\"{}\" size=\"10\"></label>\
             <label>Until <input name=\"until\" value=\"{}\" size=\"10\"></label>\
             <label>Quotes by <input name=\"speaker\" value=\"{}\"></label>\
             <label>Quotes about <input name=\"about\" value=\"{}\"></label>\
             <button type=\"submit\">Search</button></form>",
            val("actor"),
            val("target"),
            val("type"),
            val("since"),
            val("until"),
            val("speaker"),
            val("about")
        );
        let events: Vec<Value> = events.iter().map(|e| e.to_json()).collect();
        let _ = write!(
            b,
            "<p class=\"muted\">{} events, latest first.</p>",
            events.len()
        );
        event_rows(&mut b, &events);
        if want_quotes {
            b.push_str("<h2>Quotes</h2>");
            let quotes: Vec<Value> = quotes.iter().map(|q| q.to_json()).collect();
            quote_rows(&mut b, &quotes);
        }
        Ok(page("Events", &b))
    };
    respond(run.await)
}
