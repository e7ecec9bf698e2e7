//! `export events --format parquet` as a user runs it: the same rows as the CSV export, readable
//! by a Parquet reader; refused without `-o FILE`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("newsgraph runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The invented example articles shipped with the repository.
fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles.jsonl")
}

#[test]
fn parquet_export_has_the_csv_rows() {
    let dir = scratch("parquet");
    let db = dir.join("corpus.db");
    let db = db.to_str().unwrap();
    let out = run(bin().arg("ingest").arg(examples()).args(["--db", db]));
    assert!(out.status.success(), "{}", stderr(&out));

    let out = run(bin().args(["export", "events", "--format", "csv", "--db", db]));
    assert!(out.status.success(), "{}", stderr(&out));
    let mut csv = csv::Reader::from_reader(out.stdout.as_slice());
    let header = csv.headers().unwrap().clone();
    let type_col = header.iter().position(|h| h == "event_type").unwrap();
    let csv_types: Vec<String> = csv
        .records()
        .map(|r| r.unwrap()[type_col].to_string())
        .collect();
    assert!(!csv_types.is_empty(), "the examples report events");

    let path = dir.join("events.parquet");
    let out = run(bin()
        .args(["export", "events", "--format", "parquet", "--db", db, "-o"])
        .arg(&path));
    assert!(out.status.success(), "{}", stderr(&out));

    let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows(), csv_types.len() as i64);
    let names: Vec<&str> = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name())
        .collect();
    assert_eq!(names, header.iter().collect::<Vec<_>>());

    let mut types = Vec::new();
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let (_, ty) = row
            .get_column_iter()
            .find(|(name, _)| name.as_str() == "event_type")
            .unwrap();
        match ty {
            Field::Str(s) => types.push(s.clone()),
            other => panic!("event_type is not a string: {other:?}"),
        }
    }
    assert_eq!(types, csv_types);
}

#[test]
fn parquet_export_needs_an_output_file() {
    let dir = scratch("no-output");
    let db = dir.join("corpus.db");
    let db = db.to_str().unwrap();
    let out = run(bin().arg("ingest").arg(examples()).args(["--db", db]));
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(bin().args(["export", "events", "--format", "parquet", "--db", db]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("-o FILE"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}
