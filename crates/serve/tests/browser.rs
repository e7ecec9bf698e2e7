//! End to end in real headless Chromium: each page loads (with its script run), the way from
//! an article to an entity to the network works, and hostile article text stays inert.
//! Screenshots are kept under `$CARGO_TARGET_TMPDIR/screenshots`. Skipped when no Chromium
//! is installed (`chromium`, or the path in `NEWSGRAPH_CHROMIUM`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use newsgraph_serve::{demo, router, AppState};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSGRAPH_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

struct Browser {
    bin: PathBuf,
    profile: PathBuf,
    shots: PathBuf,
}

impl Browser {
    fn run(&self, extra: &[String], url: &str) -> String {
        let out = Command::new(&self.bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--window-size=1280,900",
                "--virtual-time-budget=5000",
            ])
            .arg(format!("--user-data-dir={}", self.profile.display()))
            .args(extra)
            .arg(url)
            .output()
            .expect("chromium runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The page's DOM after its scripts ran, and a screenshot named `name`.
    fn visit(&self, url: &str, name: &str) -> String {
        let shot = self.shots.join(format!("{name}.png"));
        self.run(&[format!("--screenshot={}", shot.display())], url);
        assert!(shot.is_file(), "no screenshot of {url}");
        self.run(&["--dump-dom".to_string()], url)
    }
}

fn first_link<'a>(dom: &'a str, prefix: &str) -> Option<&'a str> {
    let at = dom.find(prefix)?;
    let start = at + dom.get(at..)?.find("href=\"")? + "href=\"".len();
    let rest = dom.get(start..)?;
    rest.split('"').next()
}

fn attr<'a>(dom: &'a str, prefix: &str) -> Option<&'a str> {
    let start = dom.find(prefix)? + prefix.len();
    dom.get(start..)?.split('"').next()
}

#[test]
fn pages_work_in_headless_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("no chromium: browser test skipped");
        return;
    };
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let shots = tmp.join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let db = tmp.join(format!("browser-{nanos}.db"));
    let browser = Browser {
        bin,
        profile: tmp.join(format!("chromium-profile-{nanos}")),
        shots,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let token = "browser-test-token".to_string();
    let (addr, state) = rt.block_on(async {
        let state = AppState::open(&db.display().to_string(), Some(token.clone()))
            .await
            .unwrap();
        let s = Arc::clone(&state);
        let mut articles = demo::articles();
        let mut hostile = articles[0].clone();
        hostile.id = "hostile".into();
        hostile.meta.title = Some("Quay <script>document.title='pwned'</script> \"x".into());
        hostile.text = "Mayor Oskar Lind said the <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> \
            quay <script>document.body.setAttribute('data-pwned','2')</script> was closed on Monday."
            .into();
        articles.push(hostile);
        tokio::task::spawn_blocking(move || s.ingest(articles))
            .await
            .unwrap()
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = router(Arc::clone(&state));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (addr, state)
    });
    let base = format!("http://{addr}");

    let home = browser.visit(&format!("{base}/"), "01-home");
    assert!(home.contains("Articles"), "{home}");
    // The hostile article is the newest; the first demo article is /article/1.
    let reader = browser.visit(&format!("{base}/article/1"), "02-article");
    assert!(reader.contains("class=\"ent\""), "{reader}");
    let entity_href = first_link(&reader, "<a class=\"ent\" href=\"")
        .unwrap()
        .to_string();
    let entity = browser.visit(&format!("{base}{entity_href}"), "03-entity");
    assert!(entity.contains("Timeline"), "{entity}");
    let graph_href = first_link(&entity, "href=\"/graph?center=")
        .unwrap()
        .replace("&amp;", "&");
    let graph = browser.visit(&format!("{base}{graph_href}"), "04-graph");
    assert!(graph.contains("<circle"), "graph.js drew no node: {graph}");
    let all = browser.visit(&format!("{base}/graph"), "05-network");
    assert!(all.contains("<line"), "graph.js drew no edge: {all}");
    // Clicking an edge (dispatched by the page for ?edge=) shows its evidence.
    let s = attr(&all, "data-source=\"").unwrap();
    let t = attr(&all, "data-target=\"").unwrap();
    let edge = browser.visit(&format!("{base}/graph?edge={s}-{t}"), "05-edge");
    assert!(
        edge.contains("<h3>Events</h3>"),
        "no evidence shown: {edge}"
    );
    assert!(
        edge.contains(" selected\"") || edge.contains("\"selected\""),
        "{edge}"
    );
    let events = browser.visit(&format!("{base}/events"), "06-events");
    assert!(events.contains("<table class=\"events\""), "{events}");

    let hostile = browser.visit(
        &format!("{base}/article/{}", demo::articles().len() + 1),
        "07-hostile",
    );
    // The injected handlers would have set an attribute on <body>; the text shows as text.
    assert!(
        hostile.contains("<body><header"),
        "injected markup ran: {hostile}"
    );
    assert!(!hostile.contains("<title>pwned"), "{hostile}");
    assert!(hostile.contains("&lt;script&gt;"), "{hostile}");

    drop(state);
    rt.shutdown_background();
    let _ = std::fs::remove_dir_all(&browser.profile);
    for s in ["", "-wal", "-shm"] {
        let mut p = db.clone().into_os_string();
        p.push(s);
        let _ = std::fs::remove_file(p);
    }
}
