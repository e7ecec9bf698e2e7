//! `newsgraph serve` as a user starts it: its flags, and a clear refusal of a database it
//! cannot open.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

#[test]
fn serve_help_lists_its_flags() {
    let out = bin().args(["serve", "--help"]).output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in ["--db", "--addr", "--allow-ingest", "--token", "--demo"] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
    assert!(help.contains("127.0.0.1:8080"), "default address shown");
}

#[test]
fn serve_on_an_unusable_database_exits_with_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("newsgraph-serve-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A directory where the database file should be, and a file in a missing directory.
    for db in [dir.clone(), dir.join("no-such-dir").join("corpus.db")] {
        let out = bin()
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(&db)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{db:?}: {err}");
        assert!(err.contains("newsgraph: error: serve:"), "{db:?}: {err}");
        assert!(!err.contains("panicked"), "{db:?}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn serve_rejects_a_bad_address() {
    let out = bin()
        .args(["serve", "--addr", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--addr"));
}
