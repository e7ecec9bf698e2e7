//! Real extractions stored: the bundled example article through the whole pipeline.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use newsgraph::{Pipeline, PipelineConfig};
use newsgraph_store::{ArticleRecord, Store};

#[test]
fn an_extracted_article_is_stored_and_found_again() {
    let text = include_str!("../../../examples/article.txt");
    let pipeline = Pipeline::new(&PipelineConfig::default()).unwrap();
    let mut doc = newsgraph::doc::Doc::new("example", text, newsgraph::doc::Meta::default());
    pipeline.run(&mut doc);
    let record = ArticleRecord::from_doc(&doc);
    assert_eq!(record.doc_key, "example");
    assert!(!record.entities.is_empty());
    for url in common::fresh_dbs("pipeline") {
        let mut store = Store::open(&url).unwrap();
        let o = store.write_batch(std::slice::from_ref(&record)).unwrap();
        assert_eq!(o.stored, 1);
        let c = store.counts().unwrap();
        assert_eq!(c.articles, 1);
        assert_eq!(c.entities as usize, {
            let mut keys: Vec<&str> = record.entities.iter().map(|e| e.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len()
        });
        assert_eq!(c.quotes as usize, record.quotes.len());
        assert_eq!(c.event_mentions as usize, record.events.len());
        let first = &record.entities[0];
        let p = store
            .entity(&first.name)
            .unwrap()
            .expect("the first entity");
        assert_eq!(p.articles.len(), 1);
    }
}
