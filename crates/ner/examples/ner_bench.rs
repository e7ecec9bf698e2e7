//! Throughput of the tagger on one core, in words (white-space separated) per second.
//!
//! (`NER_MODEL=PATH` uses another model file than the embedded one.)
//!
//! `cargo run --release -p newsgraph-ner --example ner_bench -- [FILE.csv|FILE.txt ...]`
//!
//! CSV files are read as the Wikinews corpus of `../shared/corpus` (a `text` column); other
//! files as plain text. Without files, an invented paragraph is repeated. The shipped model
//! runs with the knowledge-base gazetteer it was trained with, both through [`Tagger`] and
//! through [`newsgraph_ner::Recogniser`]; `NO_DOC_PASS=1` turns the document pass off.

use std::time::Instant;

use newsgraph_ner::{Model, Tagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut docs: Vec<String> = Vec::new();
    for path in std::env::args().skip(1) {
        if path.ends_with(".csv") {
            let mut r = csv::Reader::from_path(&path)?;
            let col = r.headers()?.iter().position(|h| h == "text").unwrap_or(0);
            for rec in r.records() {
                docs.push(rec?.get(col).unwrap_or("").to_owned());
            }
        } else {
            docs.push(std::fs::read_to_string(&path)?);
        }
    }
    if docs.is_empty() {
        let para = "Maria Okafor, the head of the Lagos Port Authority, met Gen. Tomas Ferreira in Lisbon on \
                    Monday. The two discussed shipping through the Red Sea, where Houthi attacks have slowed trade. \
                    \"We will work with our partners in Europe,\" Okafor said after the talks at the Ministry of Transport. ";
        docs = (0..2000).map(|_| para.repeat(5)).collect();
    }
    let model = match std::env::var_os("NER_MODEL") {
        Some(path) => Model::from_bytes(&std::fs::read(&path)?, &path.to_string_lossy())?,
        None => Model::load_embedded()?,
    };
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                newsgraph_segment::tokenize(d),
                newsgraph_segment::split_sentences(d, &[]),
            )
        })
        .collect();
    let mut tagger = Tagger::new(&model);
    if std::env::var_os("NO_DOC_PASS").is_some() {
        tagger.set_document_consistency(false);
    }
    let mut out = Vec::new();
    let mut names = 0usize;
    let rounds = 5;
    let start = Instant::now();
    for _ in 0..rounds {
        for (d, (toks, sents)) in docs.iter().zip(&prepared) {
            tagger.tag(d, toks, sents, &mut out);
            names += out.len();
        }
    }
    let tag_s = start.elapsed().as_secs_f64() / f64::from(rounds);
    let start = Instant::now();
    for d in &docs {
        let toks = newsgraph_segment::tokenize(d);
        let sents = newsgraph_segment::split_sentences(d, &[]);
        tagger.tag(d, &toks, &sents, &mut out);
    }
    let all_s = start.elapsed().as_secs_f64();
    if std::env::var_os("NER_MODEL").is_none() {
        // The entry point of the entity stage: the same work, with per-thread buffers.
        let start = Instant::now();
        let rec = newsgraph_ner::Recogniser::new()?;
        let load_s = start.elapsed().as_secs_f64();
        let start = Instant::now();
        for _ in 0..rounds {
            for (d, (toks, sents)) in docs.iter().zip(&prepared) {
                rec.tag(d, toks, sents, &mut out);
            }
        }
        let rec_s = start.elapsed().as_secs_f64() / f64::from(rounds);
        println!(
            "Recogniser::new: {:.1} ms (model and knowledge base; the knowledge base was already loaded)\nRecogniser::tag: {:.0} words/s",
            load_s * 1000.0,
            words as f64 / rec_s
        );
    }
    println!(
        "{} documents, {} words, {} names per pass\ntagging only: {:.0} words/s\ntokenize + sentences + tagging: {:.0} words/s",
        docs.len(),
        words,
        names / rounds as usize,
        words as f64 / tag_s,
        words as f64 / all_s
    );
    Ok(())
}
