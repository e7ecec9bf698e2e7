//! Development diagnostics: trains on the training data, scores the training set itself and
//! writes the development-set errors to a file.
//!
//! `cargo run --release -p newsgraph-ner --example ner_diag -- ../shared/train /tmp/dev-errors.txt [epochs]`

use std::fmt::Write as _;
use std::path::PathBuf;

use newsgraph_ner::{
    bio_spans, evaluate, load_training_dir, train, NoGazetteer, Tagger, TrainConfig,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().map_or("../shared/train", String::as_str));
    let out = PathBuf::from(args.get(1).map_or("/tmp/dev-errors.txt", String::as_str));
    let mut config = TrainConfig::default();
    if let Some(e) = args.get(2).and_then(|e| e.parse().ok()) {
        config.epochs = e;
    }
    let mut data = load_training_dir(&dir)?;
    let mut pud_dev = Vec::new();
    if std::env::var_os("HOLDOUT_PUD").is_some() {
        // Develop on the Wikipedia half of UNER PUD instead (edited text, like news).
        let pud = newsgraph_ner::read_iob2(&dir.join("uner-pud-wiki.iob2"))?;
        let ewt_len = newsgraph_ner::read_iob2(&dir.join("uner-ewt-train.iob2"))?.len();
        data.train.drain(ewt_len..ewt_len + pud.len());
        println!("held-out PUD wiki ({} sentences) as second dev", pud.len());
        pud_dev = pud;
    }
    if let Some(k) = std::env::var("DUP_EDITED")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let ewt_len = newsgraph_ner::read_iob2(&dir.join("uner-ewt-train.iob2"))?.len();
        let edited: Vec<_> = data.train[ewt_len..].to_vec();
        for _ in 0..k {
            data.train.extend(edited.iter().cloned());
        }
    }
    let model = train(&data.train, &config, &NoGazetteer, |_, _| {})?;
    println!("train:\n{}", evaluate(&model, &data.train));
    println!("dev:\n{}", evaluate(&model, &data.dev));
    println!(
        "dev as documents:\n{}",
        newsgraph_ner::evaluate_documents(&model, &data.dev)
    );
    if !pud_dev.is_empty() {
        println!("pud-wiki:\n{}", evaluate(&model, &pud_dev));
    }
    let mut tagger = Tagger::new(&model);
    let mut report = String::new();
    let mut pred = Vec::new();
    let (mut span_ok, mut span_found, mut span_gold) = (0usize, 0usize, 0usize);
    let err_set = if pud_dev.is_empty() {
        &data.dev
    } else {
        &pud_dev
    };
    for s in err_set {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        tagger.tag_tokens(&toks, &mut pred);
        let gold = bio_spans(&s.tags);
        let found = bio_spans(&pred);
        span_gold += gold.len();
        let found_nomisc: Vec<_> = found
            .iter()
            .filter(|f| f.2 != newsgraph_ner::Label::Misc)
            .collect();
        span_found += found_nomisc.len();
        span_ok += found_nomisc
            .iter()
            .filter(|f| gold.iter().any(|g| g.0 == f.0 && g.1 == f.1))
            .count();
        let show = |(a, b, l): &(usize, usize, newsgraph_ner::Label)| {
            format!("{}:{}", toks[*a..*b].join(" "), l)
        };
        let missed: Vec<String> = gold
            .iter()
            .filter(|g| !found.contains(g))
            .map(show)
            .collect();
        let wrong: Vec<String> = found
            .iter()
            .filter(|g| !gold.contains(g) && g.2 != newsgraph_ner::Label::Misc)
            .map(show)
            .collect();
        if !missed.is_empty() || !wrong.is_empty() {
            let _ = writeln!(
                report,
                "{}\n  missed: {:?}\n  wrong: {:?}",
                toks.join(" "),
                missed,
                wrong
            );
        }
    }
    println!(
        "untyped spans (MISC excluded): P {:.3} R {:.3}",
        span_ok as f64 / span_found as f64,
        span_ok as f64 / span_gold as f64
    );
    std::fs::write(&out, report)?;
    Ok(())
}
