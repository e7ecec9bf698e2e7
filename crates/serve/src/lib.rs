//! The newsgraph workbench: a JSON API over the corpus store (`/api/…`, described by
//! `/api/openapi.json`) and offline web pages (article reader, entity profiles, the actor
//! network, event search), all in one binary with embedded assets.
//!
//! Read-only unless ingest is allowed, then `POST /api/articles` needs a bearer token.
//! [`serve`] is the blocking entry point the command line calls; [`router`] builds the
//! service for tests (`tower::ServiceExt::oneshot`, no sockets).
//!
//! ```no_run
//! let opts = newsgraph_serve::ServeOptions {
//!     db: "newsgraph.db".into(),
//!     ..newsgraph_serve::ServeOptions::default()
//! };
//! newsgraph_serve::serve(opts).unwrap();
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod demo;
pub mod error;
pub mod extract;
pub mod graph;
pub mod html;
pub mod pages;
pub mod params;
pub mod state;

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Request};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

pub use error::ApiError;
pub use state::AppState;

/// The OpenAPI 3.1 document of the API.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Largest request body accepted, in bytes (an article of [`extract::MAX_ARTICLE_BYTES`]
/// with room for its JSON).
pub const MAX_BODY_BYTES: usize = extract::MAX_ARTICLE_BYTES + (256 << 10);

/// How to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The database: an SQLite file path or a `postgres://` URL (ignored with `demo`).
    pub db: String,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Accept `POST /api/articles`.
    pub allow_ingest: bool,
    /// The bearer token ingest requires; `None`: one is generated and printed at start.
    pub token: Option<String>,
    /// Serve the bundled sample corpus from a temporary database instead of `db`.
    pub demo: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            db: "newsgraph.db".into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allow_ingest: false,
            token: None,
            demo: false,
        }
    }
}

/// The server could not start or stopped on an error.
#[derive(Debug)]
pub struct ServeError(pub String);

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServeError {}

async fn security_headers(req: Request<axum::body::Body>, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    res
}

/// Longest a request may take before it is answered 503.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

async fn deadline(req: Request<axum::body::Body>, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(res) => res,
        Err(_) => axum::response::IntoResponse::into_response(ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            "the request took too long; try a smaller one",
        )),
    }
}

/// The whole service: the API under `/api`, the pages, the assets.
pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/openapi.json", get(api::openapi))
        .route("/extract", post(api::extract))
        .route("/articles", get(api::articles).post(api::ingest))
        .route("/articles/{id}", get(api::article))
        .route("/entities", get(api::entities))
        .route("/entities/{id}", get(api::entity))
        .route("/events", get(api::events))
        .route("/quotes", get(api::quotes))
        .route("/relations", get(api::relations))
        .route("/graph", get(api::graph))
        .route("/graph/edge", get(api::edge))
        .fallback(api::not_found);
    Router::new()
        .nest("/api", api)
        .route("/", get(pages::index))
        .route("/article/{id}", get(pages::article))
        .route(
            "/extract",
            get(pages::extract_form).post(pages::extract_page),
        )
        .route("/entity/{id}", get(pages::entity))
        .route("/graph", get(pages::graph))
        .route("/events", get(pages::events))
        .route("/assets/{name}", get(pages::asset))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(deadline))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// A token of 128 random bits, hex (from the standard library's OS-seeded hash keys).
fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut out = String::with_capacity(32);
    for i in 0..2u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(i);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// Serves until interrupted (Ctrl-C). Async: call inside a multi-threaded tokio runtime.
///
/// # Errors
/// [`ServeError`] when the database cannot be opened or the address cannot be bound.
pub async fn run(opts: ServeOptions) -> Result<(), ServeError> {
    let token = opts
        .allow_ingest
        .then(|| opts.token.clone().unwrap_or_else(new_token));
    let demo = if opts.demo {
        Some(demo::Demo::create()?)
    } else {
        None
    };
    let db = match &demo {
        Some(d) => d.db(),
        None => opts.db.clone(),
    };
    let state = AppState::open(&db, token.clone()).await?;
    if demo.is_some() {
        let stored = api::blocking(&state, |s| s.ingest(demo::articles()))
            .await
            .map_err(|e| ServeError(format!("loading the demo corpus: {e:?}")))?;
        eprintln!(
            "newsgraph serve: demo corpus of {} articles loaded",
            stored.len()
        );
    }
    let listener = tokio::net::TcpListener::bind(opts.addr)
        .await
        .map_err(|e| ServeError(format!("cannot listen on {}: {e}", opts.addr)))?;
    let addr = listener.local_addr().unwrap_or(opts.addr);
    eprintln!("newsgraph serve: http://{addr}/ (API description: /api/openapi.json)");
    match &token {
        Some(t) if opts.token.is_none() => {
            eprintln!("newsgraph serve: ingest is on; bearer token: {t}")
        }
        Some(_) => eprintln!("newsgraph serve: ingest is on (bearer token as given)"),
        None => eprintln!("newsgraph serve: read-only (--allow-ingest to accept articles)"),
    }
    let app = router(Arc::clone(&state));
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| ServeError(format!("serving: {e}")));
    drop(state);
    drop(demo);
    served
}

/// [`run`] on a new multi-threaded runtime: the blocking entry point for the command line.
///
/// # Errors
/// As [`run`].
pub fn serve(opts: ServeOptions) -> Result<(), ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError(format!("starting the runtime: {e}")))?
        .block_on(run(opts))
}
