//! Looks names up in the embedded knowledge base and prints what it finds.
//!
//! ```text
//! cargo run -p newsgraph-kb --example kb-query -- Iran "U.S." Iranian minister kb:IGOUNO
//! ```
//!
//! Each argument is tried as a string id (`kb:…`), an alias (cased lookup), a demonym and an
//! agent noun. `--dump` prints every entry on one line (id, kind, NER type, CAMEO code, name,
//! aliases).

use std::process::ExitCode;

use newsgraph_kb::{Entry, Kb};

fn show(kb: &Kb, e: Entry<'_>) {
    let country = e
        .country()
        .and_then(|c| kb.get(c))
        .map_or(String::new(), |c| format!(" country={}", c.key()));
    let affiliation = e
        .affiliation()
        .and_then(|c| kb.get(c))
        .map_or(String::new(), |c| format!(" affiliation={}", c.key()));
    println!(
        "  {} {:?} {} [{}] cameo={}{}{}{}",
        e.key(),
        e.name(),
        e.kind(),
        e.ner(),
        e.cameo().unwrap_or("-"),
        e.iso2().map_or(String::new(), |i| format!(" iso2={i}")),
        country,
        affiliation
    );
    let roles: Vec<String> = e
        .roles()
        .map(|r| {
            let d = |x: Option<newsgraph_kb::Date>| x.map_or(String::new(), |d| d.to_string());
            format!("{} {}..{}", r.code, d(r.from), d(r.to))
        })
        .collect();
    if !roles.is_empty() {
        println!("    roles: {}", roles.join("; "));
    }
    let aliases: Vec<&str> = e.aliases().take(12).collect();
    if !aliases.is_empty() {
        println!("    aliases: {}", aliases.join(" | "));
    }
    let demonyms: Vec<&str> = e.demonyms().collect();
    if !demonyms.is_empty() {
        println!("    demonyms: {}", demonyms.join(" | "));
    }
}

fn main() -> ExitCode {
    let start = std::time::Instant::now();
    let kb = match Kb::load() {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("loaded {} entries in {:?}", kb.len(), start.elapsed());
    for arg in std::env::args().skip(1) {
        if arg == "--dump" {
            for e in kb.entries() {
                let aliases: Vec<&str> = e.aliases().collect();
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    e.key(),
                    e.kind(),
                    e.ner(),
                    e.cameo().unwrap_or("-"),
                    e.name(),
                    aliases.join(" | ")
                );
            }
            continue;
        }
        println!("{arg:?}:");
        if let Some(id) = kb.by_key(&arg) {
            if let Some(e) = kb.get(id) {
                show(&kb, e);
            }
            continue;
        }
        for id in kb.lookup_cased(&arg).take(8) {
            if let Some(e) = kb.get(id) {
                show(&kb, e);
            }
        }
        if let Some(c) = kb.demonym(&arg).and_then(|id| kb.get(id)) {
            println!("  demonym of {}", c.key());
        }
        if let Some(a) = kb.agent(&arg) {
            println!(
                "  agent {}{}",
                if a.prefix { "prefix " } else { "" },
                a.code
            );
        }
    }
    ExitCode::SUCCESS
}
