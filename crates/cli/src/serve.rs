//! `newsgraph serve`: the workbench (JSON API and web pages) over the corpus database.

use std::net::SocketAddr;

use anyhow::Result;
use clap::Args;
use newsgraph_serve::ServeOptions;

use crate::ingest::DEFAULT_DB;
use crate::EXIT_OK;

#[derive(Args)]
pub struct ServeArgs {
    /// Database: an SQLite file path, `sqlite:…`, or `postgres://user:pass@host/db`.
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB)]
    pub db: String,
    /// Address to listen on.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Accept articles on `POST /api/articles` (behind a bearer token).
    #[arg(long)]
    pub allow_ingest: bool,
    /// The bearer token ingest requires (default: a random one, printed at start).
    #[arg(long, value_name = "T", requires = "allow_ingest")]
    pub token: Option<String>,
    /// Serve a bundled sample corpus from a temporary database instead of `--db`.
    #[arg(long)]
    pub demo: bool,
}

/// Serves until interrupted.
pub fn run(args: ServeArgs) -> Result<u8> {
    newsgraph_serve::serve(ServeOptions {
        db: args.db,
        addr: args.addr,
        allow_ingest: args.allow_ingest,
        token: args.token,
        demo: args.demo,
    })
    .map_err(|e| anyhow::anyhow!("serve: {e}"))?;
    Ok(EXIT_OK)
}
