//! Builds the knowledge base data files from the source dictionaries.
//!
//! Usage (from the workspace root):
//!
//! ```text
//! cargo run -p newsgraph-kb --bin newsgraph-kb-build -- ../shared/kb crates/kb/data
//! ```
//!
//! Prints a summary (entries by kind, keys, drops) and the first warnings; `--warnings` prints
//! all of them. Exits with 2 on bad usage and 1 when the build fails.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all_warnings = args.iter().any(|a| a == "--warnings");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [src, out] = paths.as_slice() else {
        eprintln!("usage: newsgraph-kb-build [--warnings] <source dir> <output dir>");
        eprintln!("  e.g. cargo run -p newsgraph-kb --bin newsgraph-kb-build -- ../shared/kb crates/kb/data");
        return ExitCode::from(2);
    };
    let (src, out) = (PathBuf::from(src), PathBuf::from(out));
    let sources = match newsgraph_kb::build::Sources::from_dir(&src) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let built = match newsgraph_kb::build::build(&sources) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match built.data.write_to(&out) {
        Ok(paths) => {
            for p in paths {
                let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
                println!("wrote {} ({size} bytes)", p.display());
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    }
    print!("{}", built.report.summary());
    let shown = if all_warnings { usize::MAX } else { 20 };
    for w in built.report.warnings.iter().take(shown) {
        println!("warning: {w}");
    }
    if built.report.warnings.len() > shown {
        println!(
            "... {} more warnings (pass --warnings to see them)",
            built.report.warnings.len() - shown
        );
    }
    ExitCode::SUCCESS
}
