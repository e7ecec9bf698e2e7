//! Load benchmark: concurrent keep-alive clients against `/api/entities/{id}`,
//! `/api/graph?center={id}` and entity search (`/api/entities?q=` with the first letters of a
//! name), reporting requests per second and latency percentiles.
//!
//! `cargo run --release -p newsgraph-serve --example loadgen -- [--seconds 10] [--clients 16]
//! [--addr 127.0.0.1:8080 | --db PATH] [--only entities|graph|search]`. Without `--addr` it serves
//! in-process, on the same runtime of two worker threads, the database `--db` or else the
//! bundled demo corpus (from a temporary SQLite database).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsgraph_serve::{demo, router, AppState};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    async fn open(addr: SocketAddr) -> std::io::Result<Self> {
        let s = TcpStream::connect(addr).await?;
        s.set_nodelay(true)?;
        Ok(Self {
            reader: BufReader::new(s),
        })
    }

    /// One GET; returns the status and body length.
    async fn get(&mut self, path: &str) -> std::io::Result<(u16, usize)> {
        let req = format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n");
        self.reader.get_mut().write_all(req.as_bytes()).await?;
        let mut line = String::new();
        self.reader.read_line(&mut line).await?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut len = 0usize;
        loop {
            line.clear();
            self.reader.read_line(&mut line).await?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0u8; len];
        self.reader.read_exact(&mut body).await?;
        Ok((status, len))
    }
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds: u64 = arg(&args, "--seconds")
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let clients: usize = arg(&args, "--clients")
        .and_then(|s| s.parse().ok())
        .unwrap_or(16);
    let given: Option<SocketAddr> = arg(&args, "--addr").and_then(|s| s.parse().ok());
    let db: Option<String> = arg(&args, "--db");
    // Which endpoints the clients call: in turn all, or one.
    let kinds: &'static [usize] = match arg(&args, "--only").as_deref() {
        Some("entities") => &[0],
        Some("graph") => &[1],
        Some("search") => &[2],
        _ => &[0, 1, 2],
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let mut _demo = None;
        let addr = match given {
            Some(a) => a,
            None => {
                let state = match db {
                    Some(db) => AppState::open(&db, None).await.unwrap(),
                    None => {
                        let d = demo::Demo::create().unwrap();
                        let state = AppState::open(&d.db(), None).await.unwrap();
                        let s = Arc::clone(&state);
                        tokio::task::spawn_blocking(move || s.ingest(demo::articles()))
                            .await
                            .unwrap()
                            .unwrap();
                        _demo = Some(d);
                        state
                    }
                };
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let addr = listener.local_addr().unwrap();
                tokio::spawn(async move {
                    let _ = axum::serve(listener, router(state)).await;
                });
                addr
            }
        };
        // The entity ids of the actor network.
        let body = reqwest_like(addr, "/api/graph?limit=300").await;
        let graph: serde_json::Value = serde_json::from_str(&body).unwrap();
        let ids: Arc<Vec<(i64, String)>> = Arc::new(
            graph["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|n| {
                    // The first three letters of the name, as a search box sends them.
                    let q: String = n["name"]
                        .as_str()?
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .take(3)
                        .flat_map(char::to_lowercase)
                        .collect();
                    let q: String = q
                        .bytes()
                        .map(|b| {
                            if b.is_ascii_alphanumeric() {
                                (b as char).to_string()
                            } else {
                                format!("%{b:02X}")
                            }
                        })
                        .collect();
                    Some((n["id"].as_i64()?, q))
                })
                .collect(),
        );
        assert!(!ids.is_empty(), "the corpus has no actor network");
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let mut tasks = Vec::new();
        for k in 0..clients {
            let ids = Arc::clone(&ids);
            tasks.push(tokio::spawn(async move {
                let mut conn = Conn::open(addr).await.unwrap();
                let mut lat: [Vec<Duration>; 3] = [Vec::new(), Vec::new(), Vec::new()];
                let mut errors = 0usize;
                let mut i = k;
                while Instant::now() < deadline {
                    let (id, q) = &ids[i % ids.len()];
                    let which = kinds[i % kinds.len()];
                    let path = match which {
                        0 => format!("/api/entities/{id}"),
                        1 => format!("/api/graph?center={id}&depth=2"),
                        _ => format!("/api/entities?q={q}&limit=20"),
                    };
                    let t = Instant::now();
                    match conn.get(&path).await {
                        Ok((200, _)) => lat[which].push(t.elapsed()),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            conn = Conn::open(addr).await.unwrap();
                        }
                    }
                    i += 1;
                }
                (lat, errors)
            }));
        }
        let mut all: [Vec<Duration>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut errors = 0;
        for t in tasks {
            let (lat, e) = t.await.unwrap();
            errors += e;
            for w in 0..3 {
                all[w].extend(lat[w].iter().copied());
            }
        }
        println!(
            "{clients} clients, {seconds} s, {} entities, 2 worker threads, errors: {errors}",
            ids.len()
        );
        for (w, name) in [
            "/api/entities/{id}",
            "/api/graph?center={id}&depth=2",
            "/api/entities?q={3 letters}",
        ]
        .iter()
        .enumerate()
        {
            let v = &mut all[w];
            if v.is_empty() {
                continue;
            }
            v.sort_unstable();
            println!(
                "{name:34} {:8.0} req/s  p50 {:7.2} ms  p99 {:7.2} ms  ({} requests)",
                v.len() as f64 / seconds as f64,
                pct(v, 0.50),
                pct(v, 0.99),
                v.len()
            );
        }
        let total: usize = all.iter().map(Vec::len).sum();
        println!("total {:.0} req/s", total as f64 / seconds as f64);
    });
}

/// One GET on a fresh connection, returning the body.
async fn reqwest_like(addr: SocketAddr, path: &str) -> String {
    let mut s = TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    text.split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default()
}
