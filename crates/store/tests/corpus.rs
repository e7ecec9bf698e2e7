//! The corpus graph across articles, on SQLite and (with NEWSGRAPH_TEST_PG) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use newsgraph_store::{EventFilter, QuoteFilter, RelationFilter, Store};

/// Three outlets report one ambush by the Ravenna Front on a Kestrel Mining convoy.
fn ambush_reports() -> Vec<newsgraph_store::ArticleRecord> {
    let mut out = Vec::new();
    for (i, (outlet, date)) in [
        ("Harbour Times", Some("2031-05-04")),
        ("Valley Post", Some("2031-05-04")),
        ("Delta Wire", None),
    ]
    .into_iter()
    .enumerate()
    {
        let mut a = article(
            &format!("ambush-{i}"),
            &format!("Report {i}: the Ravenna Front attacked a Kestrel Mining convoy."),
            "2031-05-05",
            outlet,
        );
        a.entities = vec![
            entity("Ravenna Front", "ORG", None),
            entity("Kestrel Mining", "ORG", None),
            entity("Port Sela", "GPE", None),
        ];
        a.events = vec![event("ASSAULT", &[0], &[1], date, Some(2))];
        out.push(a);
    }
    out
}

#[test]
fn one_happening_reported_by_three_outlets_is_one_event() {
    for url in fresh_dbs("dedup") {
        let mut store = Store::open(&url).unwrap();
        let outcome = store.write_batch(&ambush_reports()).unwrap();
        assert_eq!(outcome.stored, 3, "{url}");
        let c = store.counts().unwrap();
        assert_eq!((c.events, c.event_mentions, c.entities), (1, 3, 3), "{url}");
        let events = store.events(&EventFilter::default()).unwrap();
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!((e.num_articles, e.num_sources), (3, 3), "{url}");
        assert_eq!(e.date.as_deref(), Some("2031-05-04"));
        assert_eq!(e.source, ["Ravenna Front"]);
        assert_eq!(e.target, ["Kestrel Mining"]);
        assert_eq!(e.place.as_deref(), Some("Port Sela"));
    }
}

#[test]
fn two_attacks_on_one_day_stay_two() {
    for url in fresh_dbs("two-attacks") {
        let mut store = Store::open(&url).unwrap();
        let mut a = article("a", "Two attacks happened.", "2031-05-05", "Harbour Times");
        a.entities = vec![
            entity("Ravenna Front", "ORG", None),
            entity("Kestrel Mining", "ORG", None),
            entity("Orla Guard", "ORG", None),
            entity("Port Sela", "GPE", None),
            entity("Mirren", "GPE", None),
        ];
        a.events = vec![
            event("ASSAULT", &[0], &[1], Some("2031-05-04"), None),
            // Another attacker and target on the same day.
            event("ASSAULT", &[2], &[4], Some("2031-05-04"), None),
        ];
        let mut b = article("b", "Another report.", "2031-05-05", "Valley Post");
        b.entities = a.entities.clone();
        // Same attacker, same day, other place: another attack.
        b.events = vec![
            event("ASSAULT", &[0], &[1], Some("2031-05-04"), Some(3)),
            event("ASSAULT", &[0], &[1], Some("2031-05-04"), Some(4)),
        ];
        store.write_batch(&[a]).unwrap();
        store.write_batch(&[b]).unwrap();
        let events = store.events(&EventFilter::default()).unwrap();
        // a0 + b0 merge (a0 has no place); b1's place conflicts with the merged event's.
        assert_eq!(events.len(), 3, "{url}: {events:#?}");
        let total: i64 = events.iter().map(|e| e.num_articles).sum();
        assert_eq!(total, 4);
        // A week later is another happening.
        let mut c = article("c", "Later.", "2031-05-12", "Delta Wire");
        c.entities = vec![
            entity("Ravenna Front", "ORG", None),
            entity("Kestrel Mining", "ORG", None),
        ];
        c.events = vec![event("ASSAULT", &[0], &[1], Some("2031-05-11"), None)];
        store.write_batch(&[c]).unwrap();
        assert_eq!(store.counts().unwrap().events, 4);
    }
}

#[test]
fn ingest_is_idempotent_and_a_changed_version_replaces_the_old() {
    for url in fresh_dbs("idempotent") {
        let mut store = Store::open(&url).unwrap();
        let reports = ambush_reports();
        store.write_batch(&reports).unwrap();
        let before = store.counts().unwrap();
        let again = store.write_batch(&reports).unwrap();
        assert_eq!((again.stored, again.unchanged), (0, 3));
        assert_eq!(store.counts().unwrap(), before, "{url}");

        // A new version of report 2: other text, no event any more.
        let mut changed = article(
            "ambush-2",
            "Report 2, corrected: no attack took place.",
            "2031-05-06",
            "Delta Wire",
        );
        changed.entities = vec![entity("Ravenna Front", "ORG", None)];
        let o = store.write_batch(&[changed]).unwrap();
        assert_eq!((o.stored, o.replaced), (1, 1));
        let c = store.counts().unwrap();
        assert_eq!(c.articles, 3);
        assert_eq!(c.event_mentions, 2);
        let events = store.events(&EventFilter::default()).unwrap();
        assert_eq!(events[0].num_articles, 2, "{url}");

        // A batch holding the same article twice stores it once; reopening keeps it all.
        drop(store);
        let mut store = Store::open(&url).unwrap();
        let dup = article("fresh", "A fresh report.", "2031-05-07", "Valley Post");
        let o = store.write_batch(&[dup.clone(), dup]).unwrap();
        assert_eq!((o.stored, o.unchanged), (1, 1));
        assert_eq!(store.counts().unwrap().articles, 4);
    }
}

#[test]
fn the_same_actor_across_articles_is_one_entity_with_every_alias() {
    for url in fresh_dbs("entities") {
        let mut store = Store::open(&url).unwrap();
        let mut a = article("a", "Text a.", "2031-01-01", "Harbour Times");
        let mut mayor = entity("Ilse Varg", "PERSON", None);
        mayor.aliases.push("Varg".into());
        mayor.titles.push("mayor".into());
        a.entities = vec![mayor, entity("Republic of Oland", "GPE", Some("kb:OLD"))];
        a.relations = vec![relation("LEADS", 0, 1)];
        let mut b = article("b", "Text b.", "2031-01-02", "Valley Post");
        let mut varg = entity("Ilse Varg", "PERSON", None);
        varg.aliases.push("Mayor Varg".into());
        // Linked by the knowledge base under another name: one entity all the same.
        b.entities = vec![varg, entity("Oland", "GPE", Some("kb:OLD"))];
        b.relations = vec![relation("LEADS", 0, 1)];
        // An unlinked mention of a name the linked entity carries joins it.
        let mut c = article("c", "Text c.", "2031-01-03", "Delta Wire");
        c.entities = vec![entity("Oland", "GPE", None)];
        store.write_batch(&[a, b]).unwrap();
        store.write_batch(&[c]).unwrap();
        assert_eq!(store.counts().unwrap().entities, 2, "{url}");

        let p = store.entity("varg").unwrap().expect("found by alias");
        assert_eq!(p.name, "Ilse Varg");
        assert_eq!(p.num_articles, 2);
        for alias in ["Ilse Varg", "Varg", "Mayor Varg"] {
            assert!(p.aliases.iter().any(|a| a == alias), "{:?}", p.aliases);
        }
        assert_eq!(p.titles, ["mayor"]);
        assert_eq!(p.relations.len(), 1);
        assert_eq!(p.relations[0].num_articles, 2);
        assert_eq!(p.relations[0].target, "Republic of Oland");

        let o = store.entity("kb:OLD").unwrap().unwrap();
        assert_eq!(o.num_articles, 3, "{url}");
        assert_eq!(o.codes["cameo"], "KB:OLD");
        let rel = store
            .relations(&RelationFilter {
                kind: Some("leads".into()),
                actor: Some("Oland".into()),
                limit: 0,
            })
            .unwrap();
        assert_eq!(rel.len(), 1);
        assert!(store.entity("Nobody At All").unwrap().is_none());
    }
}

#[test]
fn claims_are_corroborated_across_outlets_and_denials_point_to_them() {
    for url in fresh_dbs("claims") {
        let mut store = Store::open(&url).unwrap();
        let ents = || {
            vec![
                entity("Tomas Brede", "PERSON", None),
                entity("Ravenna Front", "ORG", None),
                entity("Kestrel Mining", "ORG", None),
                entity("Anna Lusk", "PERSON", None),
            ]
        };
        let mut a = article("a", "Claim a.", "2031-05-05", "Harbour Times");
        a.entities = ents();
        a.quotes = vec![quote(
            "the Ravenna Front attacked the Kestrel Mining convoy",
            Some(0),
            false,
            &[1, 2],
        )];
        let mut b = article("b", "Claim b.", "2031-05-05", "Valley Post");
        b.entities = ents();
        b.quotes = vec![quote(
            "Ravenna Front attacked the convoy of Kestrel Mining",
            Some(3),
            false,
            &[1, 2],
        )];
        let mut c = article("c", "Denial c.", "2031-05-06", "Delta Wire");
        c.entities = ents();
        c.quotes = vec![quote(
            "attacking the Kestrel Mining convoy",
            Some(1),
            true,
            &[2],
        )];
        store.write_batch(&[a, b]).unwrap();
        store.write_batch(&[c]).unwrap();

        let said = store
            .quotes(&QuoteFilter {
                speaker: Some("Tomas Brede".into()),
                ..QuoteFilter::default()
            })
            .unwrap();
        assert_eq!(said.len(), 1, "{url}");
        assert_eq!(said[0].corroborating_sources, 2);
        assert_eq!(said[0].corroborating_outlets, 2);
        assert_eq!(said[0].denials, 1);

        let denial = store
            .quotes(&QuoteFilter {
                speaker: Some("Ravenna Front".into()),
                ..QuoteFilter::default()
            })
            .unwrap();
        assert!(denial[0].denial);
        assert!(denial[0].denies.is_some(), "{url}: {denial:?}");

        let about = store
            .quotes(&QuoteFilter {
                about: Some("Kestrel Mining".into()),
                ..QuoteFilter::default()
            })
            .unwrap();
        assert_eq!(about.len(), 3);
        let p = store.entity("Ravenna Front").unwrap().unwrap();
        assert_eq!((p.said.len(), p.said_about.len()), (1, 2));

        // A corrected version of b without the claim: one source is left.
        let mut b2 = article("b", "Claim b, corrected.", "2031-05-05", "Valley Post");
        b2.entities = ents();
        store.write_batch(&[b2]).unwrap();
        let said = store
            .quotes(&QuoteFilter {
                speaker: Some("Tomas Brede".into()),
                ..QuoteFilter::default()
            })
            .unwrap();
        assert_eq!(said[0].corroborating_sources, 1, "{url}");
        assert_eq!(said[0].corroborating_outlets, 1);
    }
}

#[test]
fn events_filter_by_actor_target_type_dates_and_place() {
    for url in fresh_dbs("filters") {
        let mut store = Store::open(&url).unwrap();
        store.write_batch(&ambush_reports()).unwrap();
        let q = |f: EventFilter| store.events(&f).unwrap().len();
        assert_eq!(
            q(EventFilter {
                actor: Some("ravenna front".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                actor: Some("Kestrel Mining".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            q(EventFilter {
                target: Some("Kestrel Mining".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                kind: Some("assault".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                kind: Some("PROTEST".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            q(EventFilter {
                since: Some("2031-05".into()),
                until: Some("2031-05-04".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                since: Some("2031-05-05".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            q(EventFilter {
                place: Some("Port Sela".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            q(EventFilter {
                place: Some("Nowhere".into()),
                ..Default::default()
            }),
            0
        );
    }
}

#[test]
fn exports_list_every_event_and_the_actor_network() {
    for url in fresh_dbs("export") {
        let mut store = Store::open(&url).unwrap();
        store.write_batch(&ambush_reports()).unwrap();
        let mut rows = Vec::new();
        let n = store
            .export_events(|r| -> Result<(), newsgraph_store::StoreError> {
                rows.push(r.clone());
                Ok(())
            })
            .unwrap();
        assert_eq!(n, 1);
        let r = &rows[0];
        assert_eq!(r.actor1.as_ref().unwrap().name, "Ravenna Front");
        assert_eq!(r.actor2.as_ref().unwrap().name, "Kestrel Mining");
        assert_eq!((r.num_articles, r.num_sources, r.num_mentions), (3, 3, 3));
        assert_eq!(r.first_reported.as_deref(), Some("2031-05-05"));
        assert!(r.evidence[0].contains("attacked"));
        let (nodes, edges) = store.graph().unwrap();
        assert_eq!(nodes.len(), 2, "{url}");
        assert_eq!(edges.len(), 1);
        assert_eq!(edges[0].events, 1);
        assert_eq!(edges[0].first.as_deref(), Some("2031-05-04"));
    }
}

#[test]
fn text_with_nul_characters_and_empty_articles_are_stored() {
    for url in fresh_dbs("odd") {
        let mut store = Store::open(&url).unwrap();
        let mut a = article("nul", "Odd \u{0} text", "2031-05-05", "Harbour\u{0} Times");
        a.outlet = Some("Harbour\u{FFFD} Times".into());
        let mut b = article("empty", "", "", "");
        b.published = None;
        b.entities = vec![entity("", "ORG", None)];
        b.events = vec![event("ASSAULT", &[0], &[7], None, Some(9))];
        let o = store.write_batch(&[a, b]).unwrap();
        assert_eq!(o.stored, 2, "{url}: {o:?}");
    }
}

#[test]
fn errors_name_the_database_without_its_password() {
    let url = newsgraph_store::DbUrl::parse("postgres://ann:s3cret@127.0.0.1:1/none");
    let err = match Store::open(&url) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("nothing listens on port 1"),
    };
    assert!(err.contains("postgres://ann:***@127.0.0.1:1/none"), "{err}");
    assert!(err.contains("connecting"), "{err}");
    assert!(!err.contains("s3cret"));
}
