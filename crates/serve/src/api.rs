//! The JSON API handlers.

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

/// `GET /api/articles`: the stored articles, newest first.
pub async fn articles(State(state): Shared, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let page = Page::from_params(&p)?;
    let (total, list) = blocking(&state, move |s| {
        s.read(|st| st.articles(page.limit, page.offset).map_err(store_err))
    })
    .await?;
    let items: Vec<Value> = list.iter().map(|a| a.to_json()).collect();
    let more = (page.offset + items.len()) < usize::try_from(total).unwrap_or(0);
    Ok(ok(&json!({
        "items": items, "limit": page.limit, "offset": page.offset, "total": total,
        "next_offset": if more { Some(page.offset + page.limit) } else { None },
    })))
}

fn parse_id(s: &str) -> Result<i64, ApiError> {
    s.parse()
        .map_err(|_| ApiError::bad_request("an article id is a whole number"))
}

/// The stored article `id` in the contract's shape (see [`newsgraph_store::ArticleView`]).
/// Blocking.
pub(crate) fn stored_article(s: &AppState, id: &str) -> Result<Value, ApiError> {
    let id = parse_id(id)?;
    s.read(|st| st.article(id).map_err(store_err))?
        .map(|v| v.doc)
        .ok_or_else(|| ApiError::not_found(format!("no article {id}")))
}

/// `GET /api/articles/{id}`: the stored article's text with every layer, shaped like the
/// extraction contract (entity ids are store ids).
pub async fn article(State(state): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    let doc = blocking(&state, move |s| stored_article(s, &id)).await?;
    Ok(ok(&doc))
}

/// Up to `limit` entities after `offset` whose name or an alias contains `q` (any case), or
/// whose knowledge-base id is `q`: exact matches, then prefixes, then the rest. Blocking.
pub(crate) fn find_entities(
    s: &AppState,
    q: &str,
    limit: usize,
    offset: usize,
) -> Result<Vec<Value>, ApiError> {
    let found = s.read(|st| st.search_entities(q, limit, offset).map_err(store_err))?;
    Ok(found.iter().map(|m| m.to_json()).collect())
}

/// `GET /api/entities?q=`: entities whose name or an alias contains `q` (any case), or whose
/// knowledge-base id is `q`; exact matches first.
pub async fn entities(State(state): Shared, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let page = Page::from_params(&p)?;
    let Some(q) = params::text(&p, "q")? else {
        return Err(ApiError::bad_request("give q, a name to look for"));
    };
    // One more than the page, to tell whether a next page exists.
    let rows = blocking(&state, move |s| {
        find_entities(s, &q, page.limit + 1, page.offset)
    })
    .await?;
    let more = rows.len() > page.limit;
    let items: Vec<Value> = rows.into_iter().take(page.limit).collect();
    Ok(ok(&json!({
        "items": items, "limit": page.limit, "offset": page.offset,
        "next_offset": if more { Some(page.offset + page.limit) } else { None },
    })))
}

/// The profile of entity `id`: a store id, else a name, alias, knowledge-base id or store
/// key. Blocking.
pub(crate) fn profile(
    s: &AppState,
    id: String,
) -> Result<Option<newsgraph_store::EntityProfile>, ApiError> {
    if let Ok(n) = id.parse::<i64>() {
        if let Some(p) = s.read(|st| st.entity_by_id(n).map_err(store_err))? {
            return Ok(Some(p));
        }
    }
    s.read(|st| st.entity(&id).map_err(store_err))
}

/// `GET /api/entities/{id}`: a profile by store id, or by name, alias, knowledge-base id or
/// store key.
pub async fn entity(State(state): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    if id.is_empty() || id.len() > params::MAX_PARAM_BYTES {
        return Err(ApiError::bad_request("an entity id is a number or a name"));
    }
    let shown = id.clone();
    match blocking(&state, move |s| profile(s, id)).await? {
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
