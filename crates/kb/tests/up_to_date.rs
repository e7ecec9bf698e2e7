//! When `../shared/kb` is present, rebuilds the data and checks that the committed files are
//! byte-identical (the data is up to date). Skips cleanly when the sources are absent (a fresh
//! clone): set `NEWSGRAPH_SHARED` to point at another `shared` directory.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use newsgraph_kb::build::{build, Sources, SOURCE_FILES};

fn shared_kb() -> Option<PathBuf> {
    let shared = std::env::var_os("NEWSGRAPH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let kb = shared.join("kb");
    SOURCE_FILES
        .iter()
        .all(|f| kb.join(f).is_file())
        .then_some(kb)
}

#[test]
fn committed_data_matches_a_rebuild() {
    let Some(src) = shared_kb() else {
        println!("skipped: ../shared/kb not found (set NEWSGRAPH_SHARED)");
        return;
    };
    let built = build(&Sources::from_dir(&src).unwrap()).unwrap();
    let out = std::env::temp_dir().join(format!("newsgraph-kb-rebuild-{}", std::process::id()));
    built.data.write_to(&out).unwrap();
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut stale = Vec::new();
    for (name, _) in &built.data.files {
        let fresh = std::fs::read(out.join(name)).unwrap();
        let old = std::fs::read(committed.join(name)).unwrap_or_default();
        if fresh != old {
            stale.push(name.clone());
        }
    }
    std::fs::remove_dir_all(&out).unwrap();
    assert!(
        stale.is_empty(),
        "stale data files {stale:?}: run `cargo run -p newsgraph-kb --bin newsgraph-kb-build -- ../shared/kb crates/kb/data`"
    );
}
