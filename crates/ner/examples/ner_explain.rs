//! Development diagnostics: the contribution of each feature template to the tag scores of one
//! token of a sentence, the transition weights, and the tags the model gives the sentence.
//!
//! `cargo run --release -p newsgraph-ner --example ner_explain -- I WORD WORD …` (token `I`,
//! from 0, of the sentence `WORD WORD …`; `NER_MODEL=PATH` uses another model file than the
//! embedded one). Template numbers are those of the source of `newsgraph_ner::features`
//! (29 is the gazetteer).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = match std::env::var_os("NER_MODEL") {
        Some(path) => {
            newsgraph_ner::Model::from_bytes(&std::fs::read(&path)?, &path.to_string_lossy())?
        }
        None => newsgraph_ner::Model::load_embedded()?,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: ner_explain I WORD WORD …";
    let i: usize = args.first().and_then(|a| a.parse().ok()).ok_or(usage)?;
    let toks: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    let word = toks.get(i).ok_or(usage)?;
    let cell = |x: &f32| format!("{x:7.1}");
    println!("token {word:?}; columns: O B-PER I-PER B-ORG I-ORG B-LOC I-LOC B-MISC I-MISC");
    let mut total = [0f32; 9];
    for (t, w) in model.explain(&toks, i) {
        for (s, x) in total.iter_mut().zip(&w) {
            *s += x;
        }
        if w.iter().any(|x| x.abs() > 0.5) {
            println!("t{t:2}   {}", w.iter().map(cell).collect::<String>());
        }
    }
    println!("sum   {}", total.iter().map(cell).collect::<String>());
    for (r, row) in model.transitions().iter().enumerate() {
        println!("tr{r}   {}", row.iter().map(cell).collect::<String>());
    }
    let tags: Vec<String> = model
        .tag_tokens(&toks)
        .iter()
        .map(|t| t.to_string())
        .collect();
    println!("{}", tags.join(" "));
    Ok(())
}
