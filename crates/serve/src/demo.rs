//! `--demo`: the bundled sample corpus (invented articles) in a temporary SQLite database.

use std::io::Cursor;
use std::path::PathBuf;

use newsgraph::read::{Article, Articles, InputFormat, ReadOptions};

use crate::ServeError;

/// The bundled sample corpus: invented articles, JSON Lines.
pub const CORPUS: &str = include_str!("../../../examples/demo-corpus.jsonl");

/// The bundled articles.
pub fn articles() -> Vec<Article> {
    let opts = ReadOptions {
        format: Some(InputFormat::Jsonl),
        ..ReadOptions::default()
    };
    Articles::from_reader(Cursor::new(CORPUS.as_bytes()), "demo-corpus.jsonl", &opts)
        .filter_map(|r| r.into_article())
        .collect()
}

/// A temporary database file, removed (with its journal) when dropped.
#[derive(Debug)]
pub struct Demo {
    path: PathBuf,
}

impl Demo {
    /// A fresh, empty database path under the system's temporary directory.
    ///
    /// # Errors
    /// [`ServeError`] when the directory cannot be used.
    pub fn create() -> Result<Self, ServeError> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path =
            std::env::temp_dir().join(format!("newsgraph-demo-{}-{nanos}.db", std::process::id()));
        if path.exists() {
            return Err(ServeError(format!("{} exists already", path.display())));
        }
        Ok(Self { path })
    }

    /// The database argument for the store.
    pub fn db(&self) -> String {
        self.path.display().to_string()
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_corpus_reads_whole() {
        let articles = articles();
        assert_eq!(articles.len(), CORPUS.lines().count());
        assert!(articles.len() >= 8);
        assert!(articles
            .iter()
            .all(|a| !a.text.is_empty() && a.meta.title.is_some() && a.meta.published.is_some()));
    }

    #[test]
    fn the_temporary_database_is_removed() {
        let demo = Demo::create().unwrap();
        let path = demo.path.clone();
        std::fs::write(&path, b"x").unwrap();
        drop(demo);
        assert!(!path.exists());
    }
}
