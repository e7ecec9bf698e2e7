//! Prints the attributions found in each article of a JSON Lines file (debugging aid):
//! `cargo run --release -p newsgraph-attrib --example attrib_debug -- FILE.jsonl [ID]`.

use newsgraph_doc::{Doc, Meta};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: attrib_debug FILE.jsonl [ID]");
        return;
    };
    let only = args.get(2);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let Ok(pipeline) = newsgraph::Pipeline::new(&Default::default()) else {
        eprintln!("no pipeline");
        return;
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or_default();
        if only.is_some_and(|o| o != id) {
            continue;
        }
        let mut doc = Doc::new(id, v["text"].as_str().unwrap_or_default(), Meta::default());
        pipeline.run(&mut doc);
        println!("===== {id}");
        for l in newsgraph_attrib::debug_attributions(&doc) {
            println!("  {l}");
        }
    }
}
