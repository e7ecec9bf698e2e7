//! What the server holds: the store (behind a lock, used on blocking threads: readers share
//! it, ingest has it alone), the pipeline and a cached actor network.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use newsgraph::read::Article;
use newsgraph::{Pipeline, PipelineConfig};
use newsgraph_store::{entity_key, norm_name, ArticleRecord, DbUrl, GraphEdge, GraphNode, Store};
use serde_json::Value;

use crate::error::ApiError;
use crate::extract;
use crate::ServeError;

/// The actor network with indexes, rebuilt after each ingest.
#[derive(Debug, Default)]
pub struct GraphCache {
    /// Entities with at least one edge.
    pub nodes: Vec<GraphNode>,
    /// Directed edges.
    pub edges: Vec<GraphEdge>,
    /// Node position by store id.
    pub by_id: HashMap<i64, usize>,
    /// Edge positions by node store id (both directions).
    pub adjacent: HashMap<i64, Vec<usize>>,
}

impl GraphCache {
    pub(crate) fn new(nodes: Vec<GraphNode>, edges: Vec<GraphEdge>) -> Self {
        let by_id = nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
        let mut adjacent: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, e) in edges.iter().enumerate() {
            adjacent.entry(e.source).or_default().push(i);
            if e.target != e.source {
                adjacent.entry(e.target).or_default().push(i);
            }
        }
        Self {
            nodes,
            edges,
            by_id,
            adjacent,
        }
    }

    /// The node with store id `id`.
    pub fn node(&self, id: i64) -> Option<&GraphNode> {
        self.by_id.get(&id).and_then(|&i| self.nodes.get(i))
    }
}

/// The store, closed on a plain thread when dropped (its runtime may not be dropped inside
/// an async context).
struct StoreCell(Option<Store>);

impl Drop for StoreCell {
    fn drop(&mut self) {
        if let Some(store) = self.0.take() {
            if tokio::runtime::Handle::try_current().is_ok() {
                let _ = std::thread::spawn(move || drop(store)).join();
            }
        }
    }
}

/// The shared state of one server.
pub struct AppState {
    store: RwLock<StoreCell>,
    pipeline: Pipeline,
    graph: RwLock<Option<Arc<GraphCache>>>,
    ingest_token: Option<String>,
    extracting: tokio::sync::Semaphore,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("ingest", &self.ingest_token.is_some())
            .finish_non_exhaustive()
    }
}

fn poisoned() -> ApiError {
    ApiError::internal(&"a lock was poisoned by an earlier panic")
}

impl AppState {
    /// Opens the store at `db` (an SQLite path or a `postgres://` URL) on a blocking thread
    /// and builds the pipeline. `ingest_token`: `Some` turns `POST /api/articles` on, behind
    /// that bearer token.
    ///
    /// # Errors
    /// [`ServeError`] when the database cannot be opened or the pipeline cannot be built.
    pub async fn open(db: &str, ingest_token: Option<String>) -> Result<Arc<Self>, ServeError> {
        let url = DbUrl::parse(db);
        let opened = tokio::task::spawn_blocking(move || {
            let store = Store::open(&url).map_err(|e| ServeError(e.to_string()))?;
            let pipeline = Pipeline::new(&PipelineConfig::default())
                .map_err(|e| ServeError(format!("building the pipeline: {e}")))?;
            Ok::<_, ServeError>((store, pipeline))
        })
        .await
        .map_err(|e| ServeError(format!("opening the store: {e}")))??;
        Ok(Arc::new(Self::new(opened.0, opened.1, ingest_token)))
    }

    /// A state over an open store and a pipeline.
    pub fn new(store: Store, pipeline: Pipeline, ingest_token: Option<String>) -> Self {
        Self {
            store: RwLock::new(StoreCell(Some(store))),
            pipeline,
            graph: RwLock::new(None),
            ingest_token: ingest_token.filter(|t| !t.is_empty()),
            extracting: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
        }
    }

    /// Waits for a turn to extract: at most one extraction per core runs at once, so a flood
    /// of extract requests queues instead of starving the readers.
    ///
    /// # Errors
    /// Never in practice (the semaphore is never closed).
    pub async fn extract_turn(&self) -> Result<tokio::sync::SemaphorePermit<'_>, ApiError> {
        self.extracting
            .acquire()
            .await
            .map_err(|e| ApiError::internal(&e))
    }

    /// The pipeline.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// The bearer token ingest requires, when ingest is on.
    pub fn ingest_token(&self) -> Option<&str> {
        self.ingest_token.as_deref()
    }

    /// Runs `f` with the store for reading. Blocking: call on a blocking thread.
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let guard = self.store.read().map_err(|_| poisoned())?;
        let store = guard
            .0
            .as_ref()
            .ok_or_else(|| ApiError::internal(&"the store is closed"))?;
        f(store)
    }

    /// Extracts and stores `articles` in one batch. Blocking. Returns the store ids of the
    /// stored articles, in order (an article already stored with the same text gives the id
    /// it has; one the store refused is left out and logged).
    ///
    /// # Errors
    /// [`ApiError`] when the batch cannot be stored.
    pub fn ingest(&self, articles: Vec<Article>) -> Result<Vec<i64>, ApiError> {
        let records: Vec<ArticleRecord> = articles
            .into_iter()
            .map(|article| ArticleRecord::from_doc(&extract::run(&self.pipeline, article)))
            .collect();
        let failed: Vec<usize> = {
            let mut guard = self.store.write().map_err(|_| poisoned())?;
            let store = guard
                .0
                .as_mut()
                .ok_or_else(|| ApiError::internal(&"the store is closed"))?;
            let outcome = store
                .write_batch(&records)
                .map_err(|e| ApiError::internal(&e))?;
            for (i, why) in &outcome.failed {
                eprintln!("newsgraph serve: article {i} of a batch was not stored: {why}");
            }
            outcome.failed.iter().map(|f| f.0).collect()
        };
        *self.graph.write().map_err(|_| poisoned())? = None;
        if !records.is_empty() && failed.len() == records.len() {
            return Err(ApiError::internal(
                &"no article of the batch could be stored",
            ));
        }
        self.read(|st| {
            let mut ids = Vec::with_capacity(records.len());
            for (i, r) in records.iter().enumerate() {
                if failed.contains(&i) {
                    continue;
                }
                let id = st
                    .article_id(&r.content_hash)
                    .map_err(|e| ApiError::internal(&e))?;
                if let Some(id) = id {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            Ok(ids)
        })
    }

    /// The actor network, from the cache or the store. Blocking.
    ///
    /// # Errors
    /// [`ApiError`] when the store cannot be read.
    pub fn graph(&self) -> Result<Arc<GraphCache>, ApiError> {
        if let Some(g) = self.graph.read().map_err(|_| poisoned())?.as_ref() {
            return Ok(Arc::clone(g));
        }
        let (nodes, edges) = self.read(|s| s.graph().map_err(|e| ApiError::internal(&e)))?;
        let cache = Arc::new(GraphCache::new(nodes, edges));
        *self.graph.write().map_err(|_| poisoned())? = Some(Arc::clone(&cache));
        Ok(cache)
    }

    /// The key [`Store::entity`] finds an entity of the actor network by, from its store id.
    /// Blocking.
    ///
    /// # Errors
    /// [`ApiError`] when the store cannot be read.
    pub fn key_of(&self, id: i64) -> Result<Option<String>, ApiError> {
        let graph = self.graph()?;
        Ok(graph
            .node(id)
            .map(|n| entity_key(n.kb_id.as_deref(), &n.kind, &norm_name(&n.name))))
    }
}

/// The store key of a contract entity (`{"name", "type", "kb": {"id"}}`).
pub fn contract_entity_key(entity: &Value) -> Option<String> {
    let name = entity.get("name")?.as_str()?;
    let kind = entity.get("type")?.as_str()?;
    let kb = entity
        .get("kb")
        .and_then(|k| k.get("id"))
        .and_then(Value::as_str);
    Some(entity_key(kb, kind, &norm_name(name)))
}
