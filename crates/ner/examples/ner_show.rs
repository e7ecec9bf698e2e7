//! Prints the names the shipped model finds in a text file.
//!
//! `cargo run --release -p newsgraph-ner --example ner_show -- FILE.txt` (`NER_MODEL=PATH` to use
//! another model file than the embedded one)

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: ner_show FILE.txt")?;
    let text = std::fs::read_to_string(path)?;
    let model = match std::env::var_os("NER_MODEL") {
        Some(path) => {
            newsgraph_ner::Model::from_bytes(&std::fs::read(&path)?, &path.to_string_lossy())?
        }
        None => newsgraph_ner::Model::load_embedded()?,
    };
    let tokens = newsgraph_segment::tokenize(&text);
    let sentences = newsgraph_segment::split_sentences(&text, &[]);
    let mut out = Vec::new();
    model.tag(&text, &tokens, &sentences, &mut out);
    for n in &out {
        println!(
            "{:<5} {}",
            n.label.as_str(),
            text.get(n.span.start()..n.span.end()).unwrap_or("?")
        );
    }
    Ok(())
}
