//! The newsgraph corpus store: extracted articles in one database, with the same actor across
//! articles as one entity, reports of one happening as one event, and claims counted across
//! sources.
//!
//! The default database is an SQLite file; a `postgres://` URL stores into PostgreSQL with the
//! same schema (`migrations/`) and the same code (sqlx's `Any` driver, runtime SQL written
//! for both). [`Store`] is blocking: it runs its own small async runtime.
//!
//! ```no_run
//! use newsgraph_store::{DbUrl, Store};
//! let mut store = Store::open(&DbUrl::parse("newsgraph.db")).unwrap();
//! let outcome = store.write_batch(&[]).unwrap();
//! assert_eq!(outcome.stored, 0);
//! ```
#![deny(missing_docs)]

mod db;
mod error;
mod export;
mod normal;
mod query;
mod reader;
mod record;
mod url;
mod write;

use sqlx::Row;

pub use error::StoreError;
pub use export::{ActorInfo, EventRow, GraphEdge, GraphNode};
pub use normal::{claim_key, claim_words, day_range, entity_key, norm_name};
pub use query::{
    EntityProfile, EventFilter, EventSummary, Named, QuoteFilter, QuoteSummary, RelationFilter,
    RelationSummary,
};
pub use reader::{ArticleSummary, ArticleView, EntityMatch};
pub use record::{
    content_hash, ActorRecord, ArticleRecord, EntityRecord, EventRecord, QuoteRecord,
    RelationRecord, SpanRecord,
};
pub use url::{Backend, DbUrl};
pub use write::BatchOutcome;

/// A connected store.
pub struct Store {
    db: db::Db,
    caches: write::Caches,
}

/// How many rows the main tables hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Articles.
    pub articles: i64,
    /// Resolved entities.
    pub entities: i64,
    /// Deduplicated events.
    pub events: i64,
    /// Event reports (one per article and event).
    pub event_mentions: i64,
    /// Attributed quotes.
    pub quotes: i64,
    /// Distinct claims.
    pub claims: i64,
    /// Relation statements.
    pub relations: i64,
    /// Words of all stored articles.
    pub words: i64,
}

impl Store {
    /// Connects to `url`, creating an SQLite file when missing, and migrates the schema.
    ///
    /// # Errors
    /// [`StoreError`] naming the database and the operation.
    pub fn open(url: &DbUrl) -> Result<Self, StoreError> {
        Ok(Self {
            db: db::Db::open(url)?,
            caches: write::Caches::default(),
        })
    }

    /// The database this store writes to.
    pub fn url(&self) -> &DbUrl {
        &self.db.url
    }

    /// Stores a batch in one transaction: articles already stored with the same text are
    /// skipped, a changed version replaces the stored one. An article that cannot be stored
    /// is reported in [`BatchOutcome::failed`] and the rest are stored.
    ///
    /// # Errors
    /// [`StoreError`] when nothing of the batch could be stored.
    pub fn write_batch(&mut self, batch: &[ArticleRecord]) -> Result<BatchOutcome, StoreError> {
        write::write_batch(&self.db, &mut self.caches, batch)
    }

    /// Row counts of the main tables.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let sql = "SELECT \
            (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM entities), \
            (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_mentions), \
            (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM claims), \
            (SELECT COUNT(*) FROM relations), \
            (SELECT CAST(COALESCE(SUM(words), 0) AS BIGINT) FROM articles)";
        let row = self
            .db
            .rt
            .block_on(sqlx::query(sql).fetch_one(&self.db.pool))
            .map_err(|e| self.db.err("counting rows", &e))?;
        let get = |i: usize| row.try_get::<i64, _>(i).unwrap_or(0);
        Ok(Counts {
            articles: get(0),
            entities: get(1),
            events: get(2),
            event_mentions: get(3),
            quotes: get(4),
            claims: get(5),
            relations: get(6),
            words: get(7),
        })
    }

    /// The database's size on disk in bytes (the SQLite file with its journal; PostgreSQL's
    /// `pg_database_size`).
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn size_bytes(&self) -> Result<u64, StoreError> {
        match self.db.backend() {
            Backend::Sqlite => {
                let Some(path) = self.db.url.sqlite_path() else {
                    return Ok(0);
                };
                // Move the write-ahead log into the file first, so the size is the data's.
                self.db
                    .rt
                    .block_on(sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.db.pool))
                    .map_err(|e| self.db.err("checkpointing the write-ahead log", &e))?;
                let mut total = 0;
                for suffix in ["", "-wal"] {
                    if let Ok(m) = std::fs::metadata(format!("{path}{suffix}")) {
                        total += m.len();
                    }
                }
                Ok(total)
            }
            Backend::Postgres => {
                let row = self
                    .db
                    .rt
                    .block_on(
                        sqlx::query("SELECT CAST(pg_database_size(current_database()) AS BIGINT)")
                            .fetch_one(&self.db.pool),
                    )
                    .map_err(|e| self.db.err("measuring the database size", &e))?;
                Ok(row.try_get::<i64, _>(0).unwrap_or(0).max(0) as u64)
            }
        }
    }
}
