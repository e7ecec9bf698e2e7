//! Where the store is: an SQLite file or a PostgreSQL URL.

use std::fmt;

/// Which database engine a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A database location as the user gave it, with the URL the driver needs.
#[derive(Clone, PartialEq, Eq)]
pub struct DbUrl {
    url: String,
    backend: Backend,
}

impl DbUrl {
    /// `postgres://…`/`postgresql://…` is PostgreSQL; `sqlite:…` is used as given; anything
    /// else is the path of an SQLite file, created when missing.
    pub fn parse(arg: &str) -> Self {
        if arg.starts_with("postgres://") || arg.starts_with("postgresql://") {
            Self {
                url: arg.to_string(),
                backend: Backend::Postgres,
            }
        } else if arg.starts_with("sqlite:") {
            Self {
                url: arg.to_string(),
                backend: Backend::Sqlite,
            }
        } else {
            Self {
                url: format!("sqlite://{arg}?mode=rwc"),
                backend: Backend::Sqlite,
            }
        }
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL for the driver (with any password: never print it; see `Display`).
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The SQLite file's path, for an SQLite URL.
    pub fn sqlite_path(&self) -> Option<&str> {
        if self.backend != Backend::Sqlite {
            return None;
        }
        let rest = self.url.strip_prefix("sqlite:")?;
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split('?').next().unwrap_or(rest);
        (!path.is_empty() && path != ":memory:").then_some(path)
    }
}

/// The URL with its password replaced by `***`.
impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = self.sqlite_path() {
            return write!(f, "sqlite:{path}");
        }
        let Some((scheme, rest)) = self.url.split_once("://") else {
            return f.write_str(&self.url);
        };
        let (auth, host) = match rest.rfind('@') {
            Some(at) => (&rest[..at], &rest[at..]),
            None => return f.write_str(&self.url),
        };
        match auth.split_once(':') {
            Some((user, _)) => write!(f, "{scheme}://{user}:***{host}"),
            None => f.write_str(&self.url),
        }
    }
}

impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DbUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden() {
        let u = DbUrl::parse("postgres://ann:s3cret@db.example:5432/news");
        assert_eq!(u.backend(), Backend::Postgres);
        assert_eq!(u.to_string(), "postgres://ann:***@db.example:5432/news");
        assert_eq!(
            DbUrl::parse("postgresql://ann@h/db").to_string(),
            "postgresql://ann@h/db"
        );
    }

    #[test]
    fn paths_are_sqlite_files() {
        let u = DbUrl::parse("corpus/news.db");
        assert_eq!(u.backend(), Backend::Sqlite);
        assert_eq!(u.as_str(), "sqlite://corpus/news.db?mode=rwc");
        assert_eq!(u.sqlite_path(), Some("corpus/news.db"));
        assert_eq!(DbUrl::parse("sqlite::memory:").sqlite_path(), None);
    }
}
