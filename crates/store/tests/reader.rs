//! What the workbench reads back: article texts with their marked spans, article pages,
//! entities by id and by part of a name, and readers running beside one another.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{article, entity, event, quote, relation};
use newsgraph_store::{SpanRecord, Store};
use serde_json::Value;

/// Code-point slice, as the spans mean.
fn cp(text: &str, span: &Value) -> String {
    let s = span["start"].as_u64().unwrap() as usize;
    let e = span["end"].as_u64().unwrap() as usize;
    text.chars().skip(s).take(e - s).collect()
}

fn span(layer: &'static str, item: usize, start: i64, end: i64) -> SpanRecord {
    SpanRecord {
        layer,
        item,
        start,
        end,
    }
}

/// "Ådalen Rovers" (13 code points, 14 bytes) first, so byte and code-point offsets differ.
const TEXT: &str = "Ådalen Rovers attacked Vettel Harbour, said Mira Holt, chair of Ådalen Rovers.";

fn reader_article() -> newsgraph_store::ArticleRecord {
    let mut a = article("reader-1", TEXT, "2031-04-02", "Norland Post");
    let mut rovers = entity("Ådalen Rovers", "ORG", None);
    rovers.mentions = 2;
    let harbour = entity("Vettel Harbour", "LOC", None);
    let mut mira = entity("Mira Holt", "PERSON", None);
    mira.aliases.push("Holt".into());
    a.entities = vec![rovers, harbour, mira];
    let mut ev = event("ASSAULT", &[0], &[1], Some("2031-04-01"), None);
    ev.trigger_span = (14, 22);
    a.events = vec![ev];
    let mut qu = quote(
        "Ådalen Rovers attacked Vettel Harbour",
        Some(2),
        false,
        &[0, 1],
    );
    qu.span = (0, 37);
    qu.speaker = Some("Mira Holt".into());
    a.quotes = vec![qu];
    let mut rel = relation("LEADS", 2, 0);
    rel.evidence = "Mira Holt, chair of Ådalen Rovers".into();
    a.relations = vec![rel];
    a.spans = vec![
        span("mention", 0, 0, 13),
        span("mention", 0, 64, 77),
        span("mention", 1, 23, 37),
        span("mention", 2, 44, 53),
        span("speaker", 0, 44, 53),
        span("cue", 0, 39, 43),
        span("relation", 0, 44, 77),
    ];
    a
}

#[test]
fn an_article_comes_back_with_its_text_and_every_marked_span() {
    for url in common::fresh_dbs("reader-article") {
        let mut store = Store::open(&url).unwrap();
        store.write_batch(&[reader_article()]).unwrap();
        let (total, list) = store.articles(10, 0).unwrap();
        assert_eq!((total, list.len()), (1, 1), "{url}");
        let s = &list[0];
        assert_eq!(s.title.as_deref(), Some("Title of reader-1"));
        assert_eq!(s.counts, [3, 1, 1, 1]);
        let v = store.article(s.id).unwrap().expect("stored");
        assert!(v.has_text);
        let d = &v.doc;
        let text = d["text"].as_str().unwrap();
        assert_eq!(text, TEXT);
        assert_eq!(d["meta"]["outlet"], "Norland Post");
        let ents = d["entities"].as_array().unwrap();
        assert_eq!(ents.len(), 3);
        let rovers = &ents[0];
        let mentions: Vec<String> = rovers["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| cp(text, m))
            .collect();
        assert_eq!(mentions, ["Ådalen Rovers", "Ådalen Rovers"], "{url}");
        let rovers_id = rovers["entity_id"].as_i64().unwrap();
        assert_eq!(rovers["id"], rovers_id.to_string());
        let q = &d["quotes"][0];
        assert_eq!(
            cp(text, &q["content"]),
            "Ådalen Rovers attacked Vettel Harbour"
        );
        assert_eq!(cp(text, &q["source"]), "Mira Holt");
        assert_eq!(cp(text, &q["cue"]), "said");
        assert_eq!(q["source"]["entity"], ents[2]["id"]);
        let e = &d["events"][0];
        assert_eq!(cp(text, &e["trigger"]), "attacked");
        assert_eq!(e["source"][0], rovers["id"]);
        assert_eq!(e["target"][0], ents[1]["id"]);
        let r = &d["relations"][0];
        assert_eq!(
            cp(text, &r["evidence"]),
            "Mira Holt, chair of Ådalen Rovers"
        );
        assert_eq!(r["target"], rovers["id"]);
        assert!(store.article(s.id + 1000).unwrap().is_none());

        // Replacing the article with another version replaces its text and spans.
        let mut changed = reader_article();
        changed.text = "Ådalen Rovers withdrew.".into();
        changed.content_hash = newsgraph_store::content_hash(&changed.text);
        changed.spans.truncate(1);
        changed.quotes.clear();
        changed.relations.clear();
        changed.events.clear();
        store.write_batch(&[changed]).unwrap();
        let (total, list) = store.articles(10, 0).unwrap();
        assert_eq!(total, 1);
        let d = store.article(list[0].id).unwrap().unwrap().doc;
        assert_eq!(d["text"], "Ådalen Rovers withdrew.");
        let n: usize = d["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["mentions"].as_array().unwrap().len())
            .sum();
        assert_eq!(n, 1, "{url}: the old spans are gone");
    }
}

#[test]
fn articles_are_listed_newest_first_page_by_page() {
    for url in common::fresh_dbs("reader-pages") {
        let mut store = Store::open(&url).unwrap();
        let batch: Vec<_> = (0..7)
            .map(|i| {
                article(
                    &format!("p{i}"),
                    &format!("Story number {i} about the Kessel ferry."),
                    "2031-05-01",
                    "Norland Post",
                )
            })
            .collect();
        store.write_batch(&batch).unwrap();
        let (total, first) = store.articles(3, 0).unwrap();
        assert_eq!(total, 7);
        let (_, second) = store.articles(3, 3).unwrap();
        let (_, last) = store.articles(3, 6).unwrap();
        assert_eq!((first.len(), second.len(), last.len()), (3, 3, 1));
        let ids: Vec<i64> = first
            .iter()
            .chain(&second)
            .chain(&last)
            .map(|a| a.id)
            .collect();
        assert!(ids.windows(2).all(|w| w[0] > w[1]), "{url}: {ids:?}");
        assert_eq!(last[0].doc_key, "p0");
        assert!(store.articles(3, 50).unwrap().1.is_empty());
    }
}

#[test]
fn entities_are_found_by_part_of_a_name_or_alias_in_any_case_and_by_id() {
    for url in common::fresh_dbs("reader-search") {
        let mut store = Store::open(&url).unwrap();
        let mut a = article(
            "s1",
            "Mira Holt met the Holtby council.",
            "2031-06-01",
            "Post",
        );
        let mut mira = entity("Mira Holt", "PERSON", None);
        mira.aliases.push("M. Holt-Varga".into());
        a.entities = vec![
            mira,
            entity("Holtby Council", "ORG", Some("NL-HOLTBY")),
            entity("Kessel Ferry", "ORG", None),
        ];
        let mut b = article("s2", "The Holtby council met again.", "2031-06-02", "Post");
        b.entities = vec![entity("Holtby Council", "ORG", Some("NL-HOLTBY"))];
        store.write_batch(&[a, b]).unwrap();

        let names = |q: &str, limit: usize, offset: usize| -> Vec<(String, &'static str)> {
            store
                .search_entities(q, limit, offset)
                .unwrap()
                .into_iter()
                .map(|m| (m.name, m.matched))
                .collect()
        };
        // Prefix before partial; among equals, most articles first.
        assert_eq!(
            names("HOLT", 10, 0),
            [
                ("Holtby Council".to_string(), "prefix"),
                ("Mira Holt".to_string(), "partial")
            ],
            "{url}"
        );
        assert_eq!(
            names("mira holt", 10, 0),
            [("Mira Holt".to_string(), "exact")]
        );
        // An alias, with punctuation and case aside.
        assert_eq!(names("holt varga", 10, 0)[0].0, "Mira Holt");
        assert_eq!(
            names("NL-HOLTBY", 10, 0)[0],
            ("Holtby Council".to_string(), "exact")
        );
        assert_eq!(names("holt", 1, 1), [("Mira Holt".to_string(), "partial")]);
        assert!(names("zzz", 10, 0).is_empty());
        assert!(names("", 10, 0).is_empty());
        assert!(
            names("%", 10, 0).is_empty(),
            "LIKE wildcards are not wildcards"
        );

        let found = store.search_entities("holtby", 1, 0).unwrap();
        assert_eq!(found[0].num_articles, 2);
        let p = store.entity_by_id(found[0].id).unwrap().expect("by id");
        assert_eq!(p.name, "Holtby Council");
        assert_eq!(p.num_articles, 2);
        assert!(store.entity_by_id(-1).unwrap().is_none());
    }
}

#[test]
fn readers_run_side_by_side_on_one_sqlite_file() {
    let url = common::fresh_dbs("reader-threads").remove(0);
    let mut store = Store::open(&url).unwrap();
    let batch: Vec<_> = (0..20)
        .map(|i| {
            let mut a = article(
                &format!("t{i}"),
                &format!("Report {i} on the Kessel ferry."),
                "2031-05-01",
                "Post",
            );
            a.entities = vec![entity("Kessel Ferry", "ORG", None)];
            a
        })
        .collect();
    store.write_batch(&batch).unwrap();
    let store = std::sync::Arc::new(store);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let s = std::sync::Arc::clone(&store);
            std::thread::spawn(move || {
                for _ in 0..20 {
                    assert_eq!(s.articles(5, 0).unwrap().0, 20);
                    assert_eq!(s.search_entities("kessel", 5, 0).unwrap().len(), 1);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}
