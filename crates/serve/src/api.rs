//! The JSON API handlers.

use std::collections::HashSet;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use newsgraph_store::{EventFilter, QuoteFilter, RelationFilter};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::extract;
use crate::graph::{self, GraphQuery};
use crate::params::{self, Page, Params};
use crate::state::AppState;

/// Most articles one ingest request may carry.
pub const MAX_INGEST_BATCH: usize = 50;

type Shared = State<Arc<AppState>>;

/// A JSON answer.
pub(crate) fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn ok(body: &Value) -> Response {
    json_response(StatusCode::OK, body)
}

/// Runs `f` on a blocking thread (the store blocks), mapping a panic to a plain 500.
pub(crate) async fn blocking<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || f(&state))
        .await
        .map_err(|e| ApiError::internal(&e))?
}

fn body_json(body: Result<Bytes, BytesRejection>) -> Result<Value, ApiError> {
    let bytes = body.map_err(|r| {
        let status = r.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(status, "too_large", "the request body is too large")
        } else {
            ApiError::new(status, "bad_body", "the request body could not be read")
        }
    })?;
    serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad_request(format!("the body is not valid JSON: {e}")))
}

pub(crate) fn store_err(e: newsgraph_store::StoreError) -> ApiError {
    ApiError::internal(&e)
}

/// `POST /api/extract`.
pub async fn extract(
    State(state): Shared,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let article = extract::article_from_json(&body_json(body)?)?;
    let _turn = state.extract_turn().await?;
    let contract = blocking(&state, move |s| {
        Ok(extract::contract(&extract::run(s.pipeline(), article)))
    })
    .await?;
    Ok(ok(&contract))
}

fn authorised(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = state.ingest_token() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "read_only",
            "this server is read-only; start it with --allow-ingest to accept articles",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    // Compare every byte whatever the first difference, so timing tells nothing.
    let same = given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if same {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorised",
            "ingest needs the header Authorization: Bearer <token>",
        ))
    }
}

/// `POST /api/articles`: one article object, or `{"articles": [...]}`.
pub async fn ingest(
    State(state): Shared,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    authorised(&state, &headers)?;
    let body = body_json(body)?;
    let items: Vec<&Value> = match body.get("articles") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(_) => return Err(ApiError::bad_request("\"articles\" must be an array")),
        None => vec![&body],
    };
    if items.is_empty() || items.len() > MAX_INGEST_BATCH {
        return Err(ApiError::bad_request(format!(
            "send between 1 and {MAX_INGEST_BATCH} articles"
        )));
    }
    let articles = items
        .into_iter()
        .map(extract::article_from_json)
        .collect::<Result<Vec<_>, _>>()?;
    let _turn = state.extract_turn().await?;
    let ids = blocking(&state, move |s| s.ingest(articles)).await?;
    let links: Vec<Value> = ids
        .iter()
        .map(|id| json!({"id": id, "href": format!("/api/articles/{id}")}))
        .collect();
    Ok(json_response(
        StatusCode::CREATED,
        &json!({"stored": ids.len(), "articles": links}),
    ))
}

fn count(contract: &Value, layer: &str) -> usize {
    contract
        .get(layer)
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// `GET /api/articles`: the articles this server process ingested, newest first.
pub async fn articles(State(state): Shared, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let page = Page::from_params(&p)?;
    let (total, list) = state.session_page(page.offset, page.limit)?;
    let items: Vec<Value> = list
        .iter()
        .map(|a| {
            let c = &a.contract;
            let meta = c.get("meta").cloned().unwrap_or(Value::Null);
            json!({
                "id": a.id, "doc_id": c.get("id"), "title": meta.get("title"),
                "published": meta.get("published"), "outlet": meta.get("outlet"),
                "url": meta.get("source_url"),
                "entities": count(c, "entities"), "quotes": count(c, "quotes"),
                "events": count(c, "events"), "relations": count(c, "relations"),
            })
        })
        .collect();
    let more = page.offset + items.len() < total;
    Ok(ok(&json!({
        "items": items, "limit": page.limit, "offset": page.offset, "total": total,
        "next_offset": if more { Some(page.offset + page.limit) } else { None },
        "scope": "articles ingested by this server process (the store keeps no article text)",
    })))
}

fn parse_id(s: &str) -> Result<u64, ApiError> {
    s.parse()
        .map_err(|_| ApiError::bad_request("an article id is a whole number"))
}

/// `GET /api/articles/{id}`: the article's text with every layer (the extraction contract).
pub async fn article(State(state): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    let id = parse_id(&id)?;
    let Some(a) = state.session_article(id)? else {
        return Err(ApiError::not_found(format!("no article {id}")));
    };
    let mut body = a.contract.clone();
    if let Value::Object(map) = &mut body {
        map.insert("article_id".into(), json!(a.id));
    }
    Ok(ok(&body))
}

/// Entities `q` names exactly (name, alias, knowledge-base id), then up to `n` entities of
/// the actor network whose name contains `q`. Blocking.
pub(crate) fn find_entities(s: &AppState, q: &str, n: usize) -> Result<Vec<Value>, ApiError> {
    let mut out: Vec<Value> = Vec::new();
    let mut seen: HashSet<i64> = HashSet::new();
    if let Some(profile) = s.read(|st| st.entity(q).map_err(store_err))? {
        seen.insert(profile.id);
        out.push(
            json!({"id": profile.id, "name": profile.name, "type": profile.kind,
                        "kb_id": profile.kb_id, "num_articles": profile.num_articles,
                        "match": "exact"}),
        );
        for other in profile.others {
            if seen.insert(other.id) {
                out.push(json!({"id": other.id, "name": other.name, "match": "exact"}));
            }
        }
    }
    let graph = s.graph()?;
    let needle = q.to_lowercase();
    let mut partial: Vec<&newsgraph_store::GraphNode> = graph
        .nodes
        .iter()
        .filter(|n| !seen.contains(&n.id) && n.name.to_lowercase().contains(&needle))
        .collect();
    partial.sort_by(|a, b| b.num_articles.cmp(&a.num_articles).then(a.id.cmp(&b.id)));
    for n in partial.into_iter().take(n) {
        out.push(
            json!({"id": n.id, "name": n.name, "type": n.kind, "kb_id": n.kb_id,
                        "num_articles": n.num_articles, "match": "partial"}),
        );
    }
    Ok(out)
}

/// `GET /api/entities?q=`: entities a name, alias or knowledge-base id names exactly, then
/// entities of the actor network whose name contains `q`.
pub async fn entities(State(state): Shared, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let page = Page::from_params(&p)?;
    let Some(q) = params::text(&p, "q")? else {
        return Err(ApiError::bad_request("give q, a name to look for"));
    };
    let all = blocking(&state, move |s| find_entities(s, &q, page.fetch())).await?;
    Ok(ok(&page.answer(all)))
}

/// `GET /api/entities/{id}`: a profile by store id (entities of the actor network), or by
/// name, alias, knowledge-base id or store key.
pub async fn entity(State(state): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    if id.is_empty() || id.len() > params::MAX_PARAM_BYTES {
        return Err(ApiError::bad_request("an entity id is a number or a name"));
    }
    let shown = id.clone();
    let profile = blocking(&state, move |s| {
        let key = match id.parse::<i64>() {
            Ok(n) => s.key_of(n)?.unwrap_or(id),
            Err(_) => id,
        };
        s.read(|st| st.entity(&key).map_err(store_err))
    })
    .await?;
    match profile {
        Some(p) => Ok(ok(&p.to_json())),
        None => Err(ApiError::not_found(format!("no entity {shown:?}"))),
    }
}

/// `GET /api/events?actor=&target=&type=&since=&until=&place=`.
pub async fn events(State(state): Shared, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let page = Page::from_params(&p)?;
    let filter = EventFilter {
        actor: params::text(&p, "actor")?,
        target: params::text(&p, "target")?,
        kind: params::text(&p, "type")?,
        since: params::date(&p, "since")?,
        until: params::date(&p, "until")?,
        place: params::text(&p, "place")?,
        limit: page.fetch(),
    };
    let rows = blocking(&state, move |s| {
        s.read(|st| st.events(&filter).map_err(store_err))
    })
    .await?;
    Ok(ok(&page.answer(rows.iter().map(|e| e.to_json()).collect())))
}

/// `GET /api/quotes?speaker=&about=`.
pub async fn quotes(State(state): Shared, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let page = Page::from_params(&p)?;
    let filter = QuoteFilter {
        speaker: params::text(&p, "speaker")?,
        about: params::text(&p, "about")?,
        limit: page.fetch(),
    };
    let rows = blocking(&state, move |s| {
        s.read(|st| st.quotes(&filter).map_err(store_err))
    })
    .await?;
    Ok(ok(&page.answer(rows.iter().map(|q| q.to_json()).collect())))
}

/// `GET /api/relations?type=&actor=`.
pub async fn relations(
    State(state): Shared,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let page = Page::from_params(&p)?;
    let filter = RelationFilter {
        kind: params::text(&p, "type")?,
        actor: params::text(&p, "actor")?,
        limit: page.fetch(),
    };
    let rows = blocking(&state, move |s| {
        s.read(|st| st.relations(&filter).map_err(store_err))
    })
    .await?;
    Ok(ok(&page.answer(rows.iter().map(|r| r.to_json()).collect())))
}

/// `GET /api/graph?center=&depth=&since=&until=&type=&limit=`.
pub async fn graph(State(state): Shared, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let depth = params::number(&p, "depth")?.unwrap_or(2);
    if depth > graph::MAX_DEPTH {
        return Err(ApiError::bad_request(format!(
            "depth may be at most {}",
            graph::MAX_DEPTH
        )));
    }
    let limit = params::number(&p, "limit")?.unwrap_or(100);
    if limit == 0 || limit > graph::MAX_NODES {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {}",
            graph::MAX_NODES
        )));
    }
    let center = match params::text(&p, "center")? {
        None => None,
        Some(c) => Some(
            c.parse::<i64>()
                .map_err(|_| ApiError::bad_request("center is an entity id (a number)"))?,
        ),
    };
    let q = GraphQuery {
        center,
        depth,
        since: params::date(&p, "since")?,
        until: params::date(&p, "until")?,
        kind: params::text(&p, "type")?,
        limit,
    };
    let body = blocking(&state, move |s| {
        let g = s.graph()?;
        if let Some(c) = q.center {
            if g.node(c).is_none() {
                return Err(ApiError::not_found(format!(
                    "entity {c} has no events or relations with others"
                )));
            }
        }
        Ok(graph::window(&g, &q))
    })
    .await?;
    Ok(ok(&body))
}

/// `GET /api/graph/edge?source=&target=`: the events and relation statements behind an edge.
pub async fn edge(State(state): Shared, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let id = |name: &str| -> Result<i64, ApiError> {
        params::text(&p, name)?
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| ApiError::bad_request(format!("{name} is an entity id (a number)")))
    };
    let (source, target) = (id("source")?, id("target")?);
    let body = blocking(&state, move |s| {
        let g = s.graph()?;
        let (Some(a), Some(b)) = (g.node(source), g.node(target)) else {
            return Err(ApiError::not_found("no such edge"));
        };
        let (Some(ka), Some(kb)) = (s.key_of(source)?, s.key_of(target)?) else {
            return Err(ApiError::not_found("no such edge"));
        };
        let events = s.read(|st| {
            st.events(&EventFilter {
                actor: Some(ka.clone()),
                target: Some(kb.clone()),
                limit: 50,
                ..EventFilter::default()
            })
            .map_err(store_err)
        })?;
        let relations = s.read(|st| {
            st.relations(&RelationFilter {
                actor: Some(ka.clone()),
                limit: 200,
                ..RelationFilter::default()
            })
            .map_err(store_err)
        })?;
        let relations: Vec<Value> = relations
            .iter()
            .filter(|r| {
                (r.source == a.name && r.target == b.name)
                    || (r.source == b.name && r.target == a.name)
            })
            .map(|r| r.to_json())
            .collect();
        Ok(json!({
            "source": {"id": a.id, "name": a.name}, "target": {"id": b.id, "name": b.name},
            "events": events.iter().map(|e| e.to_json()).collect::<Vec<_>>(),
            "relations": relations,
        }))
    })
    .await?;
    Ok(ok(&body))
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI).into_response()
}

/// Any other path under `/api`.
pub async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint; see /api/openapi.json")
}
