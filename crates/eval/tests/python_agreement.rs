//! Agreement with the reference scorer: when `../shared/eval/score.py` and `python3` exist,
//! builds predictions from every gold file (perfect, empty, perturbed, malformed), scores them
//! with both, and compares every number, every count and every printed line.
//!
//! The shared data is found through `NEWSGRAPH_SHARED` or at `../../../shared` from this crate;
//! without it (a fresh clone) the test prints a note and passes.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use newsgraph_eval::{read_jsonl, score};
use serde_json::{json, Value};

fn shared_dir() -> PathBuf {
    match std::env::var_os("NEWSGRAPH_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn python_ok() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A small deterministic generator (an LCG), so that perturbations are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.next() % one_in == 0
    }
}

fn list<'a>(v: &'a Value, key: &str) -> Vec<&'a Value> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// The id of the gold entity called `name`, else the name itself (a descriptor).
fn ref_of(gold: &Value, name: &Value) -> Value {
    list(gold, "entities")
        .iter()
        .position(|e| e.get("name") == Some(name))
        .map_or_else(|| name.clone(), |i| json!(format!("e{i}")))
}

/// The gold annotations in the prediction format.
fn perfect(gold: &Value) -> Value {
    let mut entities = Vec::new();
    for (i, e) in list(gold, "entities").iter().enumerate() {
        let mentions: Vec<Value> = list(e, "aliases")
            .iter()
            .map(|a| json!({"text": a, "kind": "name"}))
            .collect();
        entities.push(
            json!({"id": format!("e{i}"), "name": e["name"], "type": e["type"],
                             "mentions": mentions}),
        );
    }
    for (j, m) in list(gold, "mentions").iter().enumerate() {
        entities.push(json!({"id": format!("m{j}"), "name": m["text"], "type": m["type"],
            "mentions": [{"start": m["start"], "end": m["end"], "text": m["text"], "kind": "name"}]}));
    }
    let quotes: Vec<Value> = list(gold, "quotes")
        .iter()
        .map(|q| {
            let src = &q["source"];
            let entity = match src.get("entity") {
                Some(Value::String(_)) => ref_of(gold, &src["entity"]),
                _ => Value::Null,
            };
            json!({"kind": q["kind"], "content": {"text": q["content"]},
                   "source": {"text": src.get("text"), "entity": entity,
                              "count": src.get("count"), "anonymous": src.get("anonymous")}})
        })
        .collect();
    let side = |v: &Value| -> Value {
        Value::Array(
            v.as_array()
                .map(|a| a.iter().map(|n| ref_of(gold, n)).collect())
                .unwrap_or_default(),
        )
    };
    let events: Vec<Value> = list(gold, "events")
        .iter()
        .map(|e| {
            json!({"type": e["type"], "source": side(&e["source"]), "target": side(&e["target"]),
                   "date": e.get("date")})
        })
        .collect();
    let relations: Vec<Value> = list(gold, "relations")
        .iter()
        .map(|r| {
            json!({"type": r["type"], "source": ref_of(gold, &r["source"]),
                   "target": ref_of(gold, &r["target"])})
        })
        .collect();
    json!({"schema": "newsgraph/1", "id": gold["id"], "entities": entities, "quotes": quotes,
           "events": events, "relations": relations})
}

fn empty(gold: &Value) -> Value {
    json!({"id": gold["id"], "entities": [], "quotes": [], "events": [], "relations": []})
}

fn first_word(v: &Value) -> Value {
    json!(v.as_str().unwrap_or("").split(' ').next().unwrap_or(""))
}

fn half_words(v: &Value) -> Value {
    let words: Vec<&str> = v.as_str().unwrap_or("").split(' ').collect();
    json!(words[..words.len().div_ceil(2)].join(" "))
}

/// The perfect prediction with every other item dropped, spans shifted, names, types, sides
/// and details changed here and there, and spurious items added.
fn perturbed(gold: &Value, rng: &mut Rng) -> Value {
    let mut p = perfect(gold);
    let obj = p.as_object_mut().unwrap();
    for key in ["entities", "quotes", "events", "relations"] {
        let items = obj[key].as_array_mut().unwrap();
        let kept: Vec<Value> = items
            .drain(..)
            .enumerate()
            .filter(|(i, _)| i % 2 == 0 || rng.chance(4))
            .map(|(_, v)| v)
            .collect();
        *items = kept;
    }
    for e in obj["entities"].as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        if rng.chance(3) {
            let name = format!("the {}", e["name"].as_str().unwrap_or(""));
            e.insert("name".into(), json!(name));
        }
        if rng.chance(4) {
            let t = match e["type"].as_str().unwrap_or("") {
                "GPE" => "LOC",
                "LOC" => "fac",
                "PERSON" | "PER" => "ORG",
                "ORG" => "person",
                _ => "GPE",
            };
            e.insert("type".into(), json!(t));
        }
        if rng.chance(5) {
            e.insert("name".into(), first_word(&e["name"]));
            e.insert("mentions".into(), json!([]));
        }
        for m in e["mentions"].as_array_mut().unwrap() {
            let m = m.as_object_mut().unwrap();
            if m.contains_key("start") && rng.chance(3) {
                let shift = if rng.chance(2) { 1 } else { -1 };
                let start = m["start"].as_i64().unwrap_or(0) + shift;
                m.insert("start".into(), json!(start));
            }
            if rng.chance(6) {
                m.insert("kind".into(), json!("nominal"));
            } else if rng.chance(6) {
                m.remove("kind");
            } else if rng.chance(8) {
                m.insert("kind".into(), json!("pronoun"));
            }
        }
    }
    obj["entities"].as_array_mut().unwrap().push(
        json!({"id": "x1", "name": "Nobody Special", "type": "PERSON",
                     "mentions": [{"start": 0, "end": 3, "text": "Nob", "kind": "name"}]}),
    );
    for q in obj["quotes"].as_array_mut().unwrap() {
        let q = q.as_object_mut().unwrap();
        if rng.chance(3) {
            let half = half_words(&q["content"]["text"]);
            q.insert("content".into(), json!({"text": half}));
        } else if rng.chance(4) {
            let plain = q["content"]["text"].clone();
            q.insert("content".into(), plain);
        }
        let src = q["source"].as_object_mut().unwrap();
        if rng.chance(3) {
            src.insert("entity".into(), Value::Null);
        }
        if rng.chance(4) {
            let t = first_word(&src["text"]);
            src.insert("text".into(), t);
        }
        if rng.chance(4) {
            let c = src["count"].as_i64().map_or(json!(2), |c| json!(c + 1));
            src.insert("count".into(), c);
        }
        if rng.chance(4) {
            let a = !src["anonymous"].as_bool().unwrap_or(false);
            src.insert("anonymous".into(), json!(a));
        }
    }
    obj["quotes"].as_array_mut().unwrap().push(
        json!({"content": {"text": "nothing of the kind was said here"},
                     "source": {"text": "a spokesperson"}}),
    );
    for e in obj["events"].as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        if rng.chance(4) {
            let (s, t) = (e["source"].clone(), e["target"].clone());
            e.insert("source".into(), t);
            e.insert("target".into(), s);
        }
        if rng.chance(4) {
            e.get_mut("source")
                .and_then(Value::as_array_mut)
                .unwrap()
                .push(json!("unknown raiders"));
        }
        if rng.chance(5) {
            let names: Vec<Value> = e["target"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| json!({"text": r}))
                .collect();
            e.insert("target".into(), json!(names));
        }
        if rng.chance(3) {
            let t = e["type"].as_str().unwrap_or("").to_lowercase();
            e.insert("type".into(), json!(t));
        }
        if rng.chance(3) {
            e.insert("date".into(), json!("2020-01"));
        }
    }
    for r in obj["relations"].as_array_mut().unwrap() {
        let r = r.as_object_mut().unwrap();
        if rng.chance(4) {
            let (s, t) = (r["source"].clone(), r["target"].clone());
            r.insert("source".into(), t);
            r.insert("target".into(), s);
        }
        if rng.chance(4) {
            let t = r["type"].as_str().unwrap_or("").to_lowercase();
            r.insert("type".into(), json!(t));
        }
    }
    p
}

/// Values of wrong or missing kinds where score.py still copes (nulls, strings for lists,
/// numbers for strings), over a perturbed prediction.
fn malformed(gold: &Value, rng: &mut Rng) -> Value {
    let mut p = perturbed(gold, rng);
    let obj = p.as_object_mut().unwrap();
    for e in obj["entities"].as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        match rng.next() % 6 {
            0 => {
                e.insert("name".into(), Value::Null);
            }
            1 => {
                e.remove("type");
            }
            2 => {
                e.remove("mentions");
            }
            _ => {}
        }
    }
    for q in obj["quotes"].as_array_mut().unwrap() {
        let q = q.as_object_mut().unwrap();
        match rng.next() % 6 {
            0 => {
                q.insert("source".into(), Value::Null);
            }
            1 => {
                q.insert("content".into(), json!({"text": null}));
            }
            2 => {
                q["source"]["count"] = json!("1");
            }
            3 => {
                q["source"]["anonymous"] = json!(1);
            }
            _ => {}
        }
        if q.get("content")
            .is_some_and(|c| c.get("text") == Some(&Value::Null))
        {
            // score.py --verbose fails on an unmatched quote without content text.
            q.insert("content".into(), json!("-"));
        }
    }
    for e in obj["events"].as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        match rng.next() % 6 {
            0 => {
                let first = e["source"].get(0).cloned().unwrap_or(Value::Null);
                let as_string = if first.is_string() {
                    first
                } else {
                    json!("e1")
                };
                e.insert("source".into(), as_string);
            }
            1 => {
                e.insert("target".into(), Value::Null);
            }
            2 => {
                e.insert("date".into(), json!(2023));
            }
            3 => {
                e.insert("type".into(), Value::Null);
            }
            _ => {}
        }
    }
    for r in obj["relations"].as_array_mut().unwrap() {
        let r = r.as_object_mut().unwrap();
        match rng.next() % 5 {
            0 => {
                r.insert("source".into(), Value::Null);
            }
            1 => {
                let t = r["target"].clone();
                r.insert("target".into(), json!({"text": t}));
            }
            _ => {}
        }
    }
    p
}

/// The gold set with integer ids, the first article repeated at the end with half its items
/// (a later duplicate replaces the value and keeps the place).
fn renumbered(golds: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = golds
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut g = g.clone();
            g["id"] = json!(i);
            g
        })
        .collect();
    if let Some(first) = out.first().cloned() {
        let mut dup = first;
        for key in ["entities", "mentions", "quotes", "events", "relations"] {
            if let Some(items) = dup.get_mut(key).and_then(Value::as_array_mut) {
                let keep = items.len() / 2;
                items.truncate(keep);
            }
        }
        out.push(dup);
    }
    out
}

fn write_jsonl(path: &Path, values: &[Value]) {
    let mut text = String::new();
    for v in values {
        text.push_str(&serde_json::to_string(v).unwrap());
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

fn run_python(score_py: &Path, gold: &Path, pred: &Path, flag: &str) -> String {
    let out = Command::new("python3")
        .arg(score_py)
        .arg(gold)
        .arg(pred)
        .arg(flag)
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "score.py failed on {}: {}",
        pred.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Same keys in the same order, integers equal, floats within 0.001, lists equal.
fn assert_agree(ours: &Value, theirs: &Value, at: &str) {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            let ka: Vec<&String> = a.keys().collect();
            let kb: Vec<&String> = b.keys().collect();
            assert_eq!(ka, kb, "{at}: keys");
            for (k, v) in a {
                assert_agree(v, &b[k], &format!("{at}.{k}"));
            }
        }
        (Value::Number(x), Value::Number(y)) if y.is_f64() => {
            assert!(x.is_f64(), "{at}: {x} should be a float like {y}");
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= 0.001, "{at}: {x} vs score.py {y}");
        }
        _ => assert_eq!(ours, theirs, "{at}"),
    }
}

struct Case {
    name: String,
    gold: Vec<Value>,
    pred: Vec<Value>,
}

fn cases(set: &str, golds: &[Value]) -> Vec<Case> {
    let mut rng = Rng(0x5eed_0000 + set.len() as u64);
    let mut out = vec![
        Case {
            name: format!("{set}/perfect"),
            gold: golds.to_vec(),
            pred: golds.iter().map(perfect).collect(),
        },
        Case {
            name: format!("{set}/empty"),
            gold: golds.to_vec(),
            pred: golds.iter().map(empty).collect(),
        },
    ];
    let perturbed_preds: Vec<Value> = golds
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 7 != 3)
        .map(|(_, g)| perturbed(g, &mut rng))
        .collect();
    out.push(Case {
        name: format!("{set}/perturbed"),
        gold: golds.to_vec(),
        pred: perturbed_preds,
    });
    out.push(Case {
        name: format!("{set}/malformed"),
        gold: golds.to_vec(),
        pred: golds.iter().map(|g| malformed(g, &mut rng)).collect(),
    });
    let renum = renumbered(golds);
    let mut preds: Vec<Value> = renum
        .iter()
        .map(|g| {
            let mut p = perturbed(g, &mut rng);
            p["id"] = json!(g["id"].to_string());
            p
        })
        .collect();
    preds.push(json!({"entities": [{"id": "z", "name": "Zed", "type": "PERSON"}]}));
    out.push(Case {
        name: format!("{set}/renumbered"),
        gold: renum,
        pred: preds,
    });
    out
}

/// Pieces of invented names and text, with the traps of normalisation: determiners in any
/// case, curly and straight possessives, full-width letters, odd white space, punctuation,
/// non-Latin scripts and word characters.
const WORDS: [&str; 34] = [
    "the",
    "The",
    "THE",
    "a",
    "An",
    "an",
    "Orva",
    "orva\u{2019}s",
    "Board",
    "board.",
    "Lake",
    "Kessel-Tor",
    "Ostrava",
    "Mira",
    "Tal",
    "Tal's",
    "\u{ff2d}\u{ff29}\u{ff32}\u{ff21}",
    "\u{d1}and\u{fa}",
    "Stra\u{df}e",
    "\u{39f}\u{394}\u{39f}\u{3a3}",
    "x_y",
    "\u{130}zmir",
    "militias",
    "in",
    "of",
    "Port",
    "port's",
    "Ports",
    "farmers'",
    ":",
    "n\u{ba}5",
    "Iso\u{2018}",
    "\u{5317}\u{4eac}",
    "...",
];
const SEPS: [&str; 6] = [" ", " ", " ", "  ", "\u{a0}", "\u{1c}"];
const ENTITY_TYPES: [&str; 9] = [
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "GROUP", "person", "Gpe",
];
const MENTION_TYPES: [&str; 6] = ["PER", "ORG", "LOC", "GPE", "PERSON", "MISC"];
const EVENT_TYPES: [&str; 4] = ["ASSAULT", "CONSULT", "AID", "ACCUSE"];
const RELATION_TYPES: [&str; 3] = ["ALLY_OF", "LEADS", "SUPPORTS"];

impl Rng {
    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize].clone()
    }

    fn name(&mut self) -> String {
        let n = 1 + self.next() % 4;
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push_str(self.pick(&SEPS));
            }
            out.push_str(self.pick(&WORDS));
        }
        out
    }

    /// A variant of `name`: itself, re-cased, with a determiner, or a part of it.
    fn variant(&mut self, name: &str) -> String {
        match self.next() % 6 {
            0 => name.to_uppercase(),
            1 => format!("the {name}"),
            2 => name.split(' ').next().unwrap_or("").to_string(),
            3 => name.split(' ').skip(1).collect::<Vec<_>>().join(" "),
            4 => self.name(),
            _ => name.to_string(),
        }
    }
}

/// An invented gold article with every layer, and a noisy prediction for it.
fn synthetic(rng: &mut Rng, i: usize) -> (Value, Value) {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut pos = 0i64;
    for _ in 0..(3 + rng.next() % 8) {
        let piece = rng.name();
        let len = piece.chars().count() as i64;
        if rng.chance(2) {
            mentions.push(json!({"start": pos, "end": pos + len, "text": piece,
                                 "type": rng.pick(&MENTION_TYPES)}));
        }
        text.push_str(&piece);
        text.push_str(". ");
        pos += len + 2;
    }
    let names: Vec<String> = (0..(1 + rng.next() % 5)).map(|_| rng.name()).collect();
    let entities: Vec<Value> = names
        .iter()
        .map(|n| {
            let aliases: Vec<String> = (0..rng.next() % 3).map(|_| rng.variant(n)).collect();
            json!({"name": n, "type": rng.pick(&ENTITY_TYPES), "aliases": aliases,
                   "optional": rng.chance(5)})
        })
        .collect();
    let actor = |rng: &mut Rng| -> String {
        if rng.chance(3) {
            rng.name()
        } else {
            rng.pick(&names)
        }
    };
    let quotes: Vec<Value> = (0..rng.next() % 4)
        .map(|_| {
            let entity = if rng.chance(2) { json!(actor(rng)) } else { Value::Null };
            json!({"kind": "direct", "content": format!("{} {} {}", rng.name(), rng.name(), rng.name()),
                   "source": {"text": rng.name(), "entity": entity,
                              "count": rng.pick(&[json!(null), json!(1), json!(3)]),
                              "anonymous": rng.chance(2)},
                   "optional": rng.chance(6)})
        })
        .collect();
    let events: Vec<Value> = (0..rng.next() % 4)
        .map(|_| {
            let source: Vec<String> = (0..rng.next() % 3).map(|_| actor(rng)).collect();
            let target: Vec<String> = (0..rng.next() % 3).map(|_| actor(rng)).collect();
            let date = rng.pick(&[json!(null), json!("2021-03"), json!("2021-03-04")]);
            json!({"type": rng.pick(&EVENT_TYPES), "source": source, "target": target,
                   "date": date, "optional": rng.chance(6)})
        })
        .collect();
    let relations: Vec<Value> = (0..rng.next() % 4)
        .map(|_| {
            json!({"type": rng.pick(&RELATION_TYPES), "source": actor(rng), "target": actor(rng),
                   "optional": rng.chance(6)})
        })
        .collect();
    let gold = json!({"id": format!("syn-{i}"), "text": text, "mentions": mentions,
                      "entities": entities, "quotes": quotes, "events": events,
                      "relations": relations});
    let p = perturbed(&gold, rng);
    // Predictions with more noise: names varied, quotes and actors re-worded.
    let mut p = p;
    let obj = p.as_object_mut().unwrap();
    for e in obj["entities"].as_array_mut().unwrap() {
        if rng.chance(2) {
            let n = rng.variant(e["name"].as_str().unwrap_or(""));
            e["name"] = json!(n);
        }
        if rng.chance(3) {
            let kind = rng.pick(&["name", "pronoun", "nominal"]);
            let m = json!({"text": rng.name(), "kind": kind});
            e["mentions"].as_array_mut().unwrap().push(m);
        }
    }
    for q in obj["quotes"].as_array_mut().unwrap() {
        if rng.chance(3) {
            let t = format!(
                "{} {}",
                rng.name(),
                q["content"]["text"].as_str().unwrap_or("x")
            );
            q["content"] = json!({"text": t});
        }
        if rng.chance(3) {
            let v = rng.variant(q["source"]["text"].as_str().unwrap_or(""));
            q["source"]["text"] = json!(v);
        }
    }
    for e in obj["events"].as_array_mut().unwrap() {
        if rng.chance(3) {
            let v = rng.name();
            e["target"] = json!([v]);
        }
    }
    for r in obj["relations"].as_array_mut().unwrap() {
        if rng.chance(3) {
            let v = json!(rng.variant(r["source"].as_str().unwrap_or("")));
            r["source"] = v;
        }
    }
    (gold, p)
}

fn synthetic_cases() -> Vec<Case> {
    (0..4u64)
        .map(|seed| {
            let mut rng = Rng(0xfeed + seed);
            let (gold, pred) = (0..80).map(|i| synthetic(&mut rng, i)).unzip();
            Case {
                name: format!("synthetic/{seed}"),
                gold,
                pred,
            }
        })
        .collect()
}

#[test]
fn agrees_with_score_py_on_every_gold_set() {
    let shared = shared_dir();
    let score_py = shared.join("eval/score.py");
    if !score_py.is_file() || !python_ok() {
        eprintln!(
            "note: skipping the agreement test: {} or python3 not found",
            score_py.display()
        );
        return;
    }
    let mut gold_files: Vec<PathBuf> = std::fs::read_dir(shared.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    gold_files.sort();
    assert!(
        !gold_files.is_empty(),
        "no gold files in {}",
        shared.display()
    );
    let tmp = std::env::temp_dir().join(format!("newsgraph-eval-agree-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut all_cases = synthetic_cases();
    for file in &gold_files {
        let set = file.file_stem().unwrap().to_string_lossy().to_string();
        let golds = read_jsonl(file).unwrap();
        all_cases.extend(cases(&set, &golds));
    }
    let mut compared = 0;
    {
        for case in all_cases {
            let stem = case.name.replace('/', "-");
            let gold_path = tmp.join(format!("{stem}-gold.jsonl"));
            let pred_path = tmp.join(format!("{stem}-pred.jsonl"));
            write_jsonl(&gold_path, &case.gold);
            write_jsonl(&pred_path, &case.pred);
            // Read back, as the CLI would.
            let gold = read_jsonl(&gold_path).unwrap();
            let pred = read_jsonl(&pred_path).unwrap();
            let (scores, lines) = score(&gold, &pred, true);

            let json_text = run_python(&score_py, &gold_path, &pred_path, "--json");
            let theirs: Value = serde_json::from_str(&json_text).unwrap();
            let ours = scores.to_json();
            assert_agree(&ours, &theirs, &case.name);
            if json_text.is_ascii() {
                // What the CLI prints is byte for byte what score.py --json prints.
                let pretty = serde_json::to_string_pretty(&ours).unwrap();
                assert_eq!(pretty, json_text.trim_end(), "{}: JSON text", case.name);
            }
            if case.name.ends_with("/perfect") {
                for l in &scores.layers {
                    assert_eq!(
                        l.f1, 1.0,
                        "{}: {} of a perfect prediction",
                        case.name, l.name
                    );
                }
            }

            let text = run_python(&score_py, &gold_path, &pred_path, "--verbose");
            let mut expected = String::new();
            for line in &lines {
                expected.push_str(line);
                expected.push('\n');
            }
            expected.push_str(&scores.to_text());
            if text != expected {
                let diff: Vec<String> = text
                    .lines()
                    .zip(expected.lines())
                    .filter(|(a, b)| a != b)
                    .take(5)
                    .map(|(a, b)| format!("score.py: {a}\nours:     {b}"))
                    .collect();
                panic!(
                    "{}: printed lines differ ({} vs {} lines)\n{}",
                    case.name,
                    text.lines().count(),
                    expected.lines().count(),
                    diff.join("\n")
                );
            }
            eprintln!(
                "{}: agrees ({} verbose lines)\n{}",
                case.name,
                lines.len(),
                scores.to_text()
            );
            compared += 1;
        }
    }
    std::fs::remove_dir_all(&tmp).ok();
    assert!(compared > 0);
}
