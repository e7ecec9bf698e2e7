//! The `newsgraph` command line. This file only parses flags and hands over to the commands.

mod bench;
mod eval_cmd;
mod export;
mod extract;
mod ingest;
mod ingest_bench;
mod memory;
mod output;
mod query;
mod serve;
mod tabular;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// newsgraph reads news and turns it into a sourced knowledge graph.
#[derive(Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every article of the inputs and write the newsgraph/1 contract as JSON Lines.
    Extract(extract::ExtractArgs),
    /// Extract the articles of a gold file and score them as ../shared/eval/score.py does.
    Eval(eval_cmd::EvalArgs),
    /// Measure words per second and peak memory of the pipeline, whole and per stage.
    Bench(bench::BenchArgs),
    /// Extract articles and store them in the corpus database (SQLite, or PostgreSQL).
    Ingest(ingest::IngestArgs),
    /// Ask the corpus database: an entity's profile, events, quotes, relations.
    Query(query::QueryArgs),
    /// Export every event (CSV) or the actor network (GraphML, JSON).
    Export(export::ExportArgs),
    /// Serve the workbench: a JSON API and web pages over the corpus database.
    Serve(serve::ServeArgs),
    /// Ingest a generated corpus and time it, with the database size and query latencies.
    IngestBench(ingest_bench::IngestBenchArgs),
    /// Internal: one measured run of `bench`, in its own process.
    #[command(hide = true)]
    BenchWorker(bench::WorkerArgs),
}

/// Exit status: nothing skipped.
pub const EXIT_OK: u8 = 0;
/// Exit status: some inputs or articles were skipped (each reported on stderr), or a check failed.
pub const EXIT_SKIPPED: u8 = 1;
/// Exit status: the command line could not be used.
pub const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval_cmd::run(args),
        Command::Bench(args) => bench::run(args),
        Command::BenchWorker(args) => bench::worker(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
        Command::IngestBench(args) => ingest_bench::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if output::is_broken_pipe(&err) {
                return ExitCode::from(EXIT_OK);
            }
            eprintln!("newsgraph: error: {err:#}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
