//! The connection: one blocking facade over an sqlx `Any` pool (SQLite or PostgreSQL), the
//! embedded migrations, and helpers to run one SQL text on both engines.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use sqlx::any::{AnyArguments, AnyPoolOptions, AnyRow};
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AnyPool, Executor};

use crate::error::{is_retryable, StoreError};
use crate::url::{Backend, DbUrl};

/// The migrations, one directory per engine with the same tables in each.
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "corpus",
        include_str!("../migrations/sqlite/0001_corpus.sql"),
        include_str!("../migrations/postgres/0001_corpus.sql"),
    ),
    (
        2,
        "reader",
        include_str!("../migrations/sqlite/0002_reader.sql"),
        include_str!("../migrations/postgres/0002_reader.sql"),
    ),
];

/// Connections to an SQLite file: in write-ahead-log mode readers never block each other nor
/// the writer, so several queries run at once; writes stay single (one writer holds the
/// store mutably). An in-memory database is one connection (each would be its own database).
const SQLITE_CONNECTIONS: u32 = 4;

#[derive(Debug)]
struct Embedded(Backend);

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 's>> {
        Box::pin(async move {
            Ok(MIGRATIONS
                .iter()
                .map(|&(version, name, sqlite, postgres)| {
                    let sql = match self.0 {
                        Backend::Sqlite => sqlite,
                        Backend::Postgres => postgres,
                    };
                    Migration::new(
                        version,
                        Cow::Borrowed(name),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

/// A value bound to a placeholder: every column is an integer or text.
#[derive(Clone, Debug)]
pub(crate) enum V {
    /// An integer or NULL.
    I(Option<i64>),
    /// Text or NULL.
    T(Option<String>),
}

impl From<i64> for V {
    fn from(v: i64) -> Self {
        V::I(Some(v))
    }
}
impl From<Option<i64>> for V {
    fn from(v: Option<i64>) -> Self {
        V::I(v)
    }
}
impl From<bool> for V {
    fn from(v: bool) -> Self {
        V::I(Some(i64::from(v)))
    }
}
impl From<&str> for V {
    fn from(v: &str) -> Self {
        V::T(Some(v.to_string()))
    }
}
impl From<String> for V {
    fn from(v: String) -> Self {
        V::T(Some(v))
    }
}
impl From<Option<String>> for V {
    fn from(v: Option<String>) -> Self {
        V::T(v)
    }
}
impl From<Option<&str>> for V {
    fn from(v: Option<&str>) -> Self {
        V::T(v.map(str::to_string))
    }
}

/// `sql` with `vals` bound in order to `$1`, `$2`, …
pub(crate) fn q(sql: &str, vals: Vec<V>) -> Query<'_, Any, AnyArguments<'_>> {
    let mut query = sqlx::query(sql);
    for v in vals {
        query = match v {
            V::I(i) => query.bind(i),
            V::T(t) => query.bind(t),
        };
    }
    query
}

/// `$a, $a+1, …` for `n` placeholders starting at `a`.
pub(crate) fn placeholders(start: usize, n: usize) -> String {
    let mut s = String::with_capacity(n * 4);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push('$');
        s.push_str(&(start + i).to_string());
    }
    s
}

/// Most numbered placeholders (`$n`) one statement carries. Far below the engines' limits on
/// purpose: SQLite finds a numbered parameter's name by a linear scan, so binding costs grow
/// with the square of the count.
pub(crate) const MAX_PARAMS: usize = 96;

/// Placeholders one multi-row insert carries. Inserts on SQLite use anonymous `?`
/// placeholders, which bind in constant time, so their statements can be large.
const INSERT_PARAMS: usize = 2000;

/// `head VALUES (…), (…) tail` for `rows` in chunks; returns the rows each chunk's
/// `RETURNING` gives, if any.
pub(crate) async fn insert_rows(
    conn: &mut AnyConnection,
    head: &str,
    rows: Vec<Vec<V>>,
    tail: &str,
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let Some(ncols) = rows.first().map(Vec::len) else {
        return Ok(Vec::new());
    };
    // The values are bound in the order they appear, so `?` means the same as `$n` here.
    let anonymous = conn.backend_name() == "SQLite";
    let per = (INSERT_PARAMS / ncols.max(1)).max(1);
    let mut out = Vec::new();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<V>> = rows.by_ref().take(per).collect();
        let mut sql = String::with_capacity(head.len() + tail.len() + chunk.len() * ncols * 5);
        sql.push_str(head);
        sql.push_str(" VALUES ");
        for (i, _) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            sql.push('(');
            if anonymous {
                for c in 0..ncols {
                    sql.push_str(if c == 0 { "?" } else { ",?" });
                }
            } else {
                sql.push_str(&placeholders(i * ncols + 1, ncols));
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(tail);
        let vals: Vec<V> = chunk.into_iter().flatten().collect();
        if tail.contains("RETURNING") {
            out.extend(q(&sql, vals).fetch_all(&mut *conn).await?);
        } else {
            q(&sql, vals).execute(&mut *conn).await?;
        }
    }
    Ok(out)
}

/// A connected, migrated database with its own small runtime: every method blocks.
pub(crate) struct Db {
    pub(crate) rt: tokio::runtime::Runtime,
    pub(crate) pool: AnyPool,
    pub(crate) url: DbUrl,
}

impl Db {
    /// Connects (creating an SQLite file when missing) and brings the schema up to date.
    pub(crate) fn open(url: &DbUrl) -> Result<Self, StoreError> {
        let fail = |operation: &str, e: &dyn std::fmt::Display, retryable: bool| StoreError {
            db: url.to_string(),
            operation: operation.to_string(),
            message: e.to_string(),
            retryable,
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| fail("starting the database runtime", &e, false))?;
        sqlx::any::install_default_drivers();
        let backend = url.backend();
        let connections = match backend {
            Backend::Sqlite if url.sqlite_path().is_some() => SQLITE_CONNECTIONS,
            Backend::Sqlite => 1,
            Backend::Postgres => 4,
        };
        let pool = rt
            .block_on(
                AnyPoolOptions::new()
                    .max_connections(connections)
                    .acquire_timeout(Duration::from_secs(15))
                    .after_connect(move |conn, _| {
                        Box::pin(async move {
                            if backend == Backend::Sqlite {
                                conn.execute(
                                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                                     PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = OFF; \
                                     PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;",
                                )
                                .await?;
                            }
                            Ok(())
                        })
                    })
                    .connect(url.as_str()),
            )
            .map_err(|e| fail("connecting", &e, is_retryable(&e)))?;
        let db = Self {
            rt,
            pool,
            url: url.clone(),
        };
        db.rt
            .block_on(async {
                let migrator = Migrator::new(Embedded(backend)).await?;
                migrator.run(&db.pool).await
            })
            .map_err(|e| fail("migrating the schema", &e, false))?;
        Ok(db)
    }

    /// The error for `operation`, naming this database.
    pub(crate) fn err(&self, operation: &str, e: &sqlx::Error) -> StoreError {
        StoreError {
            db: self.url.to_string(),
            operation: operation.to_string(),
            message: e.to_string(),
            retryable: is_retryable(e),
        }
    }

    /// The engine.
    pub(crate) fn backend(&self) -> Backend {
        self.url.backend()
    }
}
