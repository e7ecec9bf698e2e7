//! Test databases (SQLite always, PostgreSQL when NEWSGRAPH_TEST_PG names a server) and
//! invented records.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

use newsgraph_store::{
    claim_key, claim_words, entity_key, norm_name, ActorRecord, ArticleRecord, DbUrl, EntityRecord,
    EventRecord, QuoteRecord, RelationRecord,
};
use sqlx::Connection;

static N: AtomicUsize = AtomicUsize::new(0);

/// A fresh empty database on every backend available: an SQLite file, and a new PostgreSQL
/// database on the server NEWSGRAPH_TEST_PG names (a URL such as
/// `postgres://postgres@127.0.0.1:5433/postgres`), when set.
pub fn fresh_dbs(name: &str) -> Vec<DbUrl> {
    let n = N.fetch_add(1, Ordering::SeqCst);
    let dir =
        std::env::temp_dir().join(format!("newsgraph-store-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut out = vec![DbUrl::parse(dir.join("corpus.db").to_str().unwrap())];
    if let Some(pg) = fresh_pg(&format!("{name}_{n}")) {
        out.push(pg);
    }
    out
}

/// A new PostgreSQL database, or `None` when NEWSGRAPH_TEST_PG is unset.
pub fn fresh_pg(name: &str) -> Option<DbUrl> {
    let admin = std::env::var("NEWSGRAPH_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty())?;
    let db = format!(
        "ng_{}_{}",
        std::process::id(),
        name.replace(['-', ' '], "_")
    )
    .to_lowercase();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
        sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {db}"))
            .execute(&mut c)
            .await
            .unwrap();
        sqlx::raw_sql(&format!("CREATE DATABASE {db}"))
            .execute(&mut c)
            .await
            .unwrap();
    });
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
    Some(DbUrl::parse(&format!("{base}/{db}")))
}

pub fn entity(name: &str, kind: &'static str, kb: Option<&str>) -> EntityRecord {
    let norm = norm_name(name);
    EntityRecord {
        key: entity_key(kb, kind, &norm),
        name: name.to_string(),
        norm,
        kind,
        kb_id: kb.map(str::to_string),
        codes: kb.map(|k| format!("{{\"cameo\":\"{}\"}}", k.to_uppercase())),
        aliases: vec![name.to_string()],
        titles: vec![],
        mentions: 1,
        first: Some((0, name.chars().count() as i64)),
    }
}

pub fn event(
    kind: &'static str,
    source: &[usize],
    target: &[usize],
    date: Option<&str>,
    place: Option<usize>,
) -> EventRecord {
    EventRecord {
        kind,
        mode: None,
        source: source.iter().map(|&i| ActorRecord::Entity(i)).collect(),
        target: target.iter().map(|&i| ActorRecord::Entity(i)).collect(),
        place,
        date: date.map(str::to_string),
        date_text: None,
        fatalities: None,
        injured: None,
        trigger: "attacked".into(),
        trigger_span: (10, 18),
        evidence: "[[10,18,\"attacked\"]]".into(),
        negated: false,
        modality: "asserted",
        attributed_to: None,
    }
}

pub fn quote(content: &str, speaker: Option<usize>, denial: bool, about: &[usize]) -> QuoteRecord {
    let words = claim_words(content);
    QuoteRecord {
        kind: "indirect",
        content: content.to_string(),
        span: (0, content.chars().count() as i64),
        cue: Some("said".into()),
        speaker_entity: speaker,
        speaker: None,
        anonymous: false,
        negated: false,
        denial,
        outlet: None,
        about: about.to_vec(),
        claim_key: claim_key(&words),
        words,
    }
}

pub fn relation(kind: &'static str, source: usize, target: usize) -> RelationRecord {
    RelationRecord {
        kind,
        source,
        target,
        evidence: "stated".into(),
    }
}

/// An article whose text is `text` (its hash makes it distinct).
pub fn article(key: &str, text: &str, published: &str, outlet: &str) -> ArticleRecord {
    ArticleRecord {
        doc_key: key.to_string(),
        content_hash: newsgraph_store::content_hash(text),
        title: Some(format!("Title of {key}")),
        url: Some(format!("https://news.example/{key}")),
        outlet: Some(outlet.to_string()),
        published: Some(published.to_string()),
        language: Some("en".into()),
        input: Some(format!("fixture#{key}")),
        words: text.split_whitespace().count() as i64,
        entities: vec![],
        quotes: vec![],
        events: vec![],
        relations: vec![],
        text: text.to_string(),
        spans: vec![],
    }
}
