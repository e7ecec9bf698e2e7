//! Development diagnostics: trains on the training data, scores the training set itself and
//! writes the development-set errors to a file.
//!
//! `cargo run --release -p newsgraph-ner --example ner_diag -- ../shared/train /tmp/dev-errors.txt [epochs]`
//!
//! Environment: `HOLDOUT_PUD=1` holds the Wikipedia half of UNER PUD out of training and scores
//! it; `NO_GAZ=1` trains without the knowledge-base gazetteer, `GAZ_OFF=BITS` without some of
//! its feature groups (bit *g* for group *g*); `GAZ_DROPOUT`, `WORD_DROPOUT`, `UPPER`, `LOWER`
//! (percent), `MARGIN` (tenths), `SEED`, `EPOCHS` and `BITS` override the [`TrainConfig`]
//! fields; `GENRES=weblog:2,reviews:0` repeats or drops UNER EWT documents by genre;
//! `DUP_EDITED=K` repeats the other sources K more times. Besides the plain scores, it scores
//! the held-out set (or the development set) upper-cased and lower-cased (as all-caps
//! headlines and text without capitals), and writes next to the error file the predicted tags
//! (`.tsv`) and the model (`.bin`).

use std::fmt::Write as _;
use std::path::PathBuf;

use newsgraph_ner::{
    bio_spans, evaluate, load_training_dir, train, Gazetteer, KbGazetteer, NoGazetteer, Tagger,
    TrainConfig, TrainSentence,
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
    if let Ok(spec) = std::env::var("GENRES") {
        // GENRES=weblog:2,newsgroup:2,reviews:0 — repeat (or drop) EWT documents by genre.
        let text = std::fs::read_to_string(dir.join("uner-ewt-train.iob2"))?;
        let genres: Vec<String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# newdoc id = "))
            .map(|id| id.split('-').next().unwrap_or("").to_owned())
            .collect();
        let weight = |g: &str| -> usize {
            spec.split(',')
                .find_map(|kv| kv.split_once(':').filter(|(k, _)| *k == g))
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or(1)
        };
        let ewt_len = newsgraph_ner::read_iob2(&dir.join("uner-ewt-train.iob2"))?.len();
        let rest = data.train.split_off(ewt_len);
        let ewt = std::mem::take(&mut data.train);
        for s in ewt {
            let w = weight(genres.get(s.doc).map_or("", String::as_str));
            for _ in 0..w {
                data.train.push(s.clone());
            }
        }
        data.train.extend(rest);
        println!(
            "EWT weighted by genre: {} sentences in all",
            data.train.len()
        );
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
    if let Some(d) = std::env::var("GAZ_DROPOUT")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        config.gaz_dropout_percent = d;
    }
    if let Some(d) = std::env::var("WORD_DROPOUT")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        config.word_dropout_percent = d;
    }
    for (var, field) in [
        ("UPPER", &mut config.upper_case_percent),
        ("LOWER", &mut config.lower_case_percent),
        ("MARGIN", &mut config.margin_tenths),
    ] {
        if let Some(v) = std::env::var(var).ok().and_then(|v| v.parse().ok()) {
            *field = v;
        }
    }
    if let Some(v) = std::env::var("SEED").ok().and_then(|v| v.parse().ok()) {
        config.seed = v;
    }
    let off: u32 = std::env::var("GAZ_OFF")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let custom;
    let gaz: &dyn Gazetteer = if std::env::var_os("NO_GAZ").is_some() {
        &NoGazetteer
    } else if off != 0 {
        let kb = newsgraph_kb::Kb::global().map_err(|e| e.to_string())?;
        custom = KbGazetteer::new(kb).without_groups(off);
        &custom
    } else {
        KbGazetteer::global().ok_or("the knowledge base did not load")?
    };
    println!("gazetteer {}, {:?}", gaz.id(), config);
    if let Some(b) = std::env::var("BITS").ok().and_then(|v| v.parse().ok()) {
        config.bits = b;
    }
    if let Some(e) = std::env::var("EPOCHS").ok().and_then(|v| v.parse().ok()) {
        config.epochs = e;
    }
    let model = train(&data.train, &config, gaz, |_, _| {})?;
    let recase = |sents: &[TrainSentence], upper: bool| -> Vec<TrainSentence> {
        sents
            .iter()
            .map(|s| TrainSentence {
                tokens: s
                    .tokens
                    .iter()
                    .map(|t| {
                        if upper {
                            t.to_uppercase()
                        } else {
                            t.to_lowercase()
                        }
                    })
                    .collect(),
                ..s.clone()
            })
            .collect()
    };
    println!("train:\n{}", evaluate(&model, &data.train));
    println!("dev:\n{}", evaluate(&model, &data.dev));
    println!(
        "dev as documents:\n{}",
        newsgraph_ner::evaluate_documents(&model, &data.dev)
    );
    if !pud_dev.is_empty() {
        println!("pud-wiki:\n{}", evaluate(&model, &pud_dev));
        println!(
            "pud-wiki as documents:\n{}",
            newsgraph_ner::evaluate_documents(&model, &pud_dev)
        );
    }
    let cased = if pud_dev.is_empty() {
        &data.dev
    } else {
        &pud_dev
    };
    println!("upper-cased:\n{}", evaluate(&model, &recase(cased, true)));
    println!("lower-cased:\n{}", evaluate(&model, &recase(cased, false)));
    let mut tagger = Tagger::new(&model);
    let mut report = String::new();
    let mut tsv = String::new();
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
        for ((t, g), p) in toks.iter().zip(&s.tags).zip(&pred) {
            let _ = writeln!(tsv, "{t}\t{g}\t{p}");
        }
        tsv.push('\n');
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
    std::fs::write(out.with_extension("tsv"), tsv)?;
    std::fs::write(out.with_extension("bin"), model.to_bytes())?;
    Ok(())
}
