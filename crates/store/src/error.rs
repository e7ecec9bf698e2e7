//! Store errors: each names the database (without password) and the operation.

use std::fmt;

/// A database operation that failed.
#[derive(Debug)]
pub struct StoreError {
    /// The database, password hidden.
    pub db: String,
    /// What was being done ("connecting", "storing a batch of 256 articles").
    pub operation: String,
    /// The driver's message.
    pub message: String,
    /// True when trying again may succeed (a deadlock, a serialisation failure, a busy file).
    pub retryable: bool,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} failed on {}: {}",
            self.operation, self.db, self.message
        )
    }
}

impl std::error::Error for StoreError {}

/// Whether a driver error is worth retrying: PostgreSQL serialisation failures and deadlocks,
/// SQLite's busy and locked.
pub(crate) fn is_retryable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            matches!(
                code.as_ref(),
                "40001" | "40P01" | "5" | "6" | "517" | "261" | "262"
            ) || db.message().contains("database is locked")
        }
        sqlx::Error::PoolTimedOut => true,
        _ => false,
    }
}
