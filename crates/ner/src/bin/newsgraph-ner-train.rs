//! Trains the named-entity model from the training data directory and writes the model file.
//!
//! ```text
//! newsgraph-ner-train TRAIN_DIR OUT_MODEL [--epochs N] [--bits B] [--seed S]
//!                     [--gaz-dropout PERCENT] [--no-gazetteer]
//! ```
//!
//! The model is trained with the knowledge-base gazetteer ([`newsgraph_ner::KbGazetteer`] over
//! the embedded `newsgraph-kb` data) unless `--no-gazetteer` is given, and with the settings of
//! [`TrainConfig::default`] (10 epochs, 2^19 buckets, 25% gazetteer dropout, 4% of sentences
//! upper-cased and 2% lower-cased, margin 60): the same data and knowledge base give the same
//! bytes.
//!
//! The shipped model: `cargo run --release -p newsgraph-ner --bin newsgraph-ner-train --
//! ../shared/train crates/ner/data/model.bin`. Prints the development scores (UNER English-EWT
//! dev) per label after each epoch.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use newsgraph_ner::{
    evaluate, evaluate_documents, load_training_dir, train, Gazetteer, KbGazetteer, NoGazetteer,
    TrainConfig,
};

fn usage() -> ExitCode {
    eprintln!(
        "usage: newsgraph-ner-train TRAIN_DIR OUT_MODEL [--epochs N] [--bits B] [--seed S] \
         [--gaz-dropout PERCENT] [--no-gazetteer]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut config = TrainConfig::default();
    let mut paths = Vec::new();
    let mut use_gazetteer = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> Option<u64> {
            let v = it.next().and_then(|v| v.parse().ok());
            if v.is_none() {
                eprintln!("{name} needs a number");
            }
            v
        };
        match a.as_str() {
            "--epochs" => match number("--epochs") {
                Some(n) => config.epochs = n as usize,
                None => return usage(),
            },
            "--bits" => match number("--bits") {
                Some(n) => config.bits = n as u32,
                None => return usage(),
            },
            "--seed" => match number("--seed") {
                Some(n) => config.seed = n,
                None => return usage(),
            },
            "--gaz-dropout" => match number("--gaz-dropout") {
                Some(n) => config.gaz_dropout_percent = n as u32,
                None => return usage(),
            },
            "--no-gazetteer" => use_gazetteer = false,
            "-h" | "--help" => return usage(),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let [dir, out] = paths.as_slice() else {
        return usage();
    };
    let start = Instant::now();
    let data = match load_training_dir(dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let tokens: usize = data.train.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "training on {} sentences ({} tokens), developing on {}; {:?}",
        data.train.len(),
        tokens,
        data.dev.len(),
        config
    );
    let gaz: &dyn Gazetteer = if use_gazetteer {
        match KbGazetteer::global() {
            Some(g) => g,
            None => {
                eprintln!("error: the knowledge base did not load");
                return ExitCode::FAILURE;
            }
        }
    } else {
        &NoGazetteer
    };
    let model = train(&data.train, &config, gaz, |epoch, m| {
        let ev = evaluate(m, &data.dev);
        eprintln!(
            "epoch {epoch} ({:.1}s), dev:\n{ev}",
            start.elapsed().as_secs_f64()
        );
    });
    let model = match model {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "final model, dev decoded as documents (with the document-level pass):\n{}",
        evaluate_documents(&model, &data.dev)
    );
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("error: {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote {} ({} bytes, {} non-zero rows of {})",
        out.display(),
        bytes.len(),
        model.nonzero_rows(),
        1u64 << model.bucket_bits()
    );
    ExitCode::SUCCESS
}
