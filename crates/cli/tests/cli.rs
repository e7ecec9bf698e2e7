//! The command line as a user runs it: inputs, outputs, exit statuses and messages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("newsgraph runs")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Code-point slice, as the contract's offsets mean.
fn cp_slice(text: &str, span: &Value) -> String {
    let s = span["start"].as_u64().unwrap() as usize;
    let e = span["end"].as_u64().unwrap() as usize;
    text.chars().skip(s).take(e - s).collect()
}

const ARTICLE: &str = "KALMAR, May 2 (Baltic Wire) - Harbour officials in Kalmar said on \
Tuesday that the ferry “Nordljus” would resume sailings to Öland after repairs.\n\n\
“We are ready,” said Ms. Ilse Varg, the port’s director. “The crew is ready too.”\n";

#[test]
fn extracts_a_text_file_with_dateline_sentences_and_code_point_offsets() {
    let dir = scratch("txt");
    let path = write(&dir, "ferry.txt", ARTICLE);
    let out = run(bin()
        .arg("extract")
        .arg(&path)
        .args(["--layers", "quotations,regions"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["schema"], "newsgraph/1");
    assert_eq!(d["id"], path.display().to_string());
    assert_eq!(d["meta"]["dateline"], "KALMAR");
    assert_eq!(d["meta"]["outlet"], "Baltic Wire");
    assert_eq!(d["meta"]["language"], "en");
    let text = d["text"].as_str().unwrap();
    assert_eq!(text, ARTICLE, "the text is never altered");
    let sentences: Vec<String> = d["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| cp_slice(text, s))
        .collect();
    assert_eq!(
        sentences,
        [
            "Harbour officials in Kalmar said on Tuesday that the ferry “Nordljus” would resume sailings to Öland after repairs.",
            "“We are ready,” said Ms. Ilse Varg, the port’s director.",
            "“The crew is ready too.”",
        ]
    );
    let quotes: Vec<String> = d["quotations"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            assert_eq!(
                cp_slice(text, &p["content"]),
                p["content"]["text"].as_str().unwrap()
            );
            p["content"]["text"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        quotes,
        ["Nordljus", "We are ready,", "The crew is ready too."]
    );
    assert_eq!(
        cp_slice(text, &d["regions"][0]),
        "KALMAR, May 2 (Baltic Wire) -"
    );
}

#[test]
fn reads_standard_input_and_names_it_stdin() {
    let mut child = bin()
        .args(["extract", "-", "--published", "2025-05-02"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Rain closed the pass. Crews cleared it by noon.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = &lines(&out)[0];
    assert_eq!(d["id"], "stdin");
    assert_eq!(d["meta"]["published"], "2025-05-02");
    assert_eq!(d["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn a_broken_json_line_is_reported_and_the_rest_extracted() {
    let dir = scratch("jsonl");
    let path = write(
        &dir,
        "batch.jsonl",
        "{\"id\": \"a\", \"text\": \"First story.\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\", \"text\": \"Third story.\", \"published\": \"2024-01-09\"}\n",
    );
    let out = run(bin().arg("extract").arg(&path));
    assert_eq!(out.status.code(), Some(1), "something was skipped");
    let ids: Vec<Value> = lines(&out).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["a", "c"]);
    let err = stderr(&out);
    assert!(
        err.contains("batch.jsonl") && err.contains("line 2"),
        "{err}"
    );
}

#[test]
fn a_missing_path_is_skipped_and_the_other_inputs_are_read() {
    let dir = scratch("missing");
    let path = write(&dir, "ok.txt", "The bridge reopened.");
    let out = run(bin().arg("extract").arg(dir.join("nope.txt")).arg(&path));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 1);
    assert!(stderr(&out).contains("nope.txt"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2_and_say_what_is_valid() {
    let out = run(bin().args(["extract", "x.txt", "--input-format", "pdf"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("jsonl"), "{}", stderr(&out));
    let out = run(bin().args(["extract", "x.txt", "--published", "2023-02-30"]));
    assert_eq!(out.status.code(), Some(2));
    let out = run(bin().args(["extract", "x.txt", "--layers", "tokenz"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("quotations"), "{}", stderr(&out));
    let out = run(bin().args(["extract", "x.txt", "--disable", "sentencez"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sentences"), "{}", stderr(&out));
}

#[test]
fn pretty_writes_one_object_for_one_article_and_an_array_for_several() {
    let dir = scratch("pretty");
    let one = write(&dir, "one.txt", "One story.");
    let two = write(&dir, "two.txt", "Another story.");
    let out = run(bin().arg("extract").arg("--pretty").arg(&one));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.is_object());
    let out = run(bin().arg("extract").arg("--pretty").arg(&one).arg(&two));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn output_file_and_input_format_override() {
    let dir = scratch("out");
    let path = write(
        &dir,
        "story.data",
        "{\"id\": \"x1\", \"text\": \"Talks resumed.\"}\n",
    );
    let target = dir.join("out.jsonl");
    let out = run(bin()
        .arg("extract")
        .arg(&path)
        .args(["--input-format", "jsonl", "-o"])
        .arg(&target));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    let d: Value = serde_json::from_str(written.trim()).unwrap();
    assert_eq!(d["id"], "x1");
}

#[test]
fn tokens_layer_on_request() {
    let dir = scratch("tokens");
    let path = write(&dir, "t.txt", "Hamas’ leaders wouldn’t talk.");
    let out = run(bin().arg("extract").arg(&path).args(["--layers", "tokens"]));
    let d = &lines(&out)[0];
    let text = d["text"].as_str().unwrap();
    let toks: Vec<String> = d["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| cp_slice(text, t))
        .collect();
    assert!(toks.contains(&"wouldn’t".to_string()), "{toks:?}");
    assert!(toks.contains(&"Hamas".to_string()), "{toks:?}");
}

#[test]
fn non_english_articles_are_marked() {
    let dir = scratch("lang");
    let path = write(
        &dir,
        "fr.txt",
        "Le conseil municipal a annoncé lundi la réouverture du port après trois semaines de travaux.",
    );
    let out = run(bin().arg("extract").arg(&path));
    assert_eq!(lines(&out)[0]["meta"]["language"], "fr");
}

#[test]
fn eval_scores_a_gold_file_as_the_scorer_does() {
    let dir = scratch("eval");
    let gold = write(
        &dir,
        "mini.jsonl",
        "{\"id\": \"g1\", \"text\": \"Lena Ortiz visited Quito.\", \"mentions\": [{\"start\": 0, \"end\": 10, \"type\": \"PER\", \"text\": \"Lena Ortiz\"}]}\n",
    );
    let out = run(bin().arg("eval").arg(&gold).arg("--json"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["mentions"]["gold"], 1);
    assert_eq!(v["articles"], 1);
    assert_eq!(v["articles_without_prediction"], Value::Array(vec![]));
    let floors = write(&dir, "floors.tsv", "mini mentions 1.0\n");
    let out = run(bin().arg("eval").arg(&gold).arg("--floors").arg(&floors));
    let below = v["mentions"]["f1"].as_f64().unwrap() < 1.0;
    assert_eq!(out.status.code(), Some(if below { 1 } else { 0 }));
}

#[test]
fn bench_reports_words_per_second_per_stage() {
    let dir = scratch("bench");
    let path = write(
        &dir,
        "b.jsonl",
        "{\"id\": \"b1\", \"text\": \"Crews repaired the line. Power returned.\"}\n",
    );
    let out = run(bin()
        .arg("bench")
        .arg(&path)
        .args(["--seconds", "0.05", "--json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["single"]["words_per_pass"], 6);
    assert!(v["single"]["words_per_second"].as_f64().unwrap() > 0.0);
    let stages: Vec<&str> = v["single"]["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        stages.contains(&"sentences") && stages.contains(&"serialise"),
        "{stages:?}"
    );
    assert!(v["parallel"]["threads"].as_u64().unwrap() >= 1);
}
