//! The writer: one transaction per batch of articles, idempotent by content hash, with
//! entities resolved, events merged and claims counted across the whole corpus.
//!
//! Several writers may work on one PostgreSQL database at once: articles, entities, names and
//! claims are inserted with `ON CONFLICT DO NOTHING` on their natural keys, and event merging
//! first locks the rows of the entities taking part (in id order), so two writers that could
//! merge into the same event take turns. A deadlock or serialisation failure rolls the batch
//! back and tries it again.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::{AnyConnection, Row};

use crate::db::{insert_rows, placeholders, q, Db, V};
use crate::error::StoreError;
use crate::normal::{day_of, day_range, overlap};
use crate::record::{ActorRecord, ArticleRecord};
use crate::url::Backend;

/// What happened to a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Articles stored (new or replacing an older version).
    pub stored: usize,
    /// Of those, articles that replaced an older version with other text.
    pub replaced: usize,
    /// Articles already stored with the same text, skipped.
    pub unchanged: usize,
    /// Words of the stored articles.
    pub words: u64,
    /// Articles that could not be stored, by position in the batch, with the reason.
    pub failed: Vec<(usize, String)>,
}

/// Entries learnt from the database, kept while they are few enough.
#[derive(Default)]
pub(crate) struct Caches {
    entities: HashMap<String, i64>,
    names: HashSet<(String, &'static str, i64)>,
    claims: HashMap<String, i64>,
}

/// Cache entries bound to one transaction, kept only when it commits.
#[derive(Default)]
struct Learnt {
    entities: Vec<(String, i64)>,
    names: Vec<(String, &'static str, i64)>,
    claims: Vec<(String, i64)>,
}

/// Most entries a cache holds before it is emptied (memory stays bounded).
const CACHE_LIMIT: usize = 400_000;
/// Attempts at a batch that meets deadlocks or a busy database.
const ATTEMPTS: u32 = 8;

impl Caches {
    fn keep(&mut self, learnt: Learnt) {
        if self.entities.len() + self.names.len() + self.claims.len() > CACHE_LIMIT {
            *self = Caches::default();
        }
        self.entities.extend(learnt.entities);
        self.names.extend(learnt.names);
        self.claims.extend(learnt.claims);
    }
}

/// Stores `batch`, retrying on contention; when the batch as a whole fails for another
/// reason, stores its articles one by one so that one bad article loses nothing else.
pub(crate) fn write_batch(
    db: &Db,
    caches: &mut Caches,
    batch: &[ArticleRecord],
) -> Result<BatchOutcome, StoreError> {
    let whole: Vec<&ArticleRecord> = batch.iter().collect();
    match write_with_retries(db, caches, &whole) {
        Ok(outcome) => Ok(outcome),
        Err(e) if batch.len() <= 1 => Err(e),
        Err(first) => {
            let mut total = BatchOutcome::default();
            for (i, article) in batch.iter().enumerate() {
                match write_with_retries(db, caches, &[article]) {
                    Ok(o) => {
                        total.stored += o.stored;
                        total.replaced += o.replaced;
                        total.unchanged += o.unchanged;
                        total.words += o.words;
                    }
                    Err(e) => total.failed.push((i, e.to_string())),
                }
            }
            if total.failed.len() == batch.len() {
                return Err(first);
            }
            Ok(total)
        }
    }
}

fn write_with_retries(
    db: &Db,
    caches: &mut Caches,
    batch: &[&ArticleRecord],
) -> Result<BatchOutcome, StoreError> {
    let operation = format!("storing a batch of {} articles", batch.len());
    let mut attempt = 0;
    loop {
        attempt += 1;
        let result = db.rt.block_on(async {
            let mut tx = db.pool.begin().await?;
            let (outcome, learnt) = store(&mut tx, db.backend(), caches, batch).await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>((outcome, learnt))
        });
        match result {
            Ok((outcome, learnt)) => {
                caches.keep(learnt);
                return Ok(outcome);
            }
            Err(e) => {
                let err = db.err(&operation, &e);
                if !err.retryable || attempt >= ATTEMPTS {
                    return Err(err);
                }
                std::thread::sleep(Duration::from_millis(20 << attempt.min(6)));
            }
        }
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Ids of the rows of `table` whose text column `col` is one of `keys`.
async fn ids_by_key(
    conn: &mut AnyConnection,
    table: &str,
    col: &str,
    keys: &[String],
) -> Result<HashMap<String, i64>, sqlx::Error> {
    let mut out = HashMap::new();
    for chunk in keys.chunks(crate::db::MAX_PARAMS) {
        let sql = format!(
            "SELECT id, {col} FROM {table} WHERE {col} IN ({})",
            placeholders(1, chunk.len())
        );
        let vals = chunk.iter().map(|k| V::from(k.as_str())).collect();
        for row in q(&sql, vals).fetch_all(&mut *conn).await? {
            out.insert(row.try_get::<String, _>(1)?, row.try_get::<i64, _>(0)?);
        }
    }
    Ok(out)
}

fn int_list(ids: &[i64]) -> Vec<V> {
    ids.iter().map(|&i| V::from(i)).collect()
}

/// Deletes stored articles and everything that hangs from them (events left with no report
/// go too).
async fn delete_articles(conn: &mut AnyConnection, ids: &[i64]) -> Result<(), sqlx::Error> {
    if ids.is_empty() {
        return Ok(());
    }
    let ph = placeholders(1, ids.len());
    let events: Vec<i64> = q(
        &format!("SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN ({ph})"),
        int_list(ids),
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| r.try_get::<i64, _>(0))
    .collect::<Result<_, _>>()?;
    let claims: Vec<i64> = q(
        &format!(
            "SELECT DISTINCT claim_id FROM quotes WHERE article_id IN ({ph}) \
             AND claim_id IS NOT NULL"
        ),
        int_list(ids),
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| r.try_get::<i64, _>(0))
    .collect::<Result<_, _>>()?;
    for table in [
        "article_entities",
        "quotes",
        "quote_about",
        "event_mentions",
        "event_actors",
        "relations",
        "article_texts",
        "article_spans",
    ] {
        q(
            &format!("DELETE FROM {table} WHERE article_id IN ({ph})"),
            int_list(ids),
        )
        .execute(&mut *conn)
        .await?;
    }
    q(
        &format!("DELETE FROM articles WHERE id IN ({ph})"),
        int_list(ids),
    )
    .execute(&mut *conn)
    .await?;
    for chunk in claims.chunks(crate::db::MAX_PARAMS) {
        let ph = placeholders(1, chunk.len());
        q(
            &format!("DELETE FROM claim_sources WHERE claim_id IN ({ph})"),
            int_list(chunk),
        )
        .execute(&mut *conn)
        .await?;
        for (kind, expr) in [("source", SOURCE_SQL), ("outlet", OUTLET_SQL)] {
            q(
                &format!(
                    "INSERT INTO claim_sources (claim_id, kind, source) \
                     SELECT DISTINCT qu.claim_id, '{kind}', {expr} FROM quotes qu \
                     JOIN articles a ON a.id = qu.article_id \
                     WHERE qu.claim_id IN ({ph}) AND qu.negated = 0 ON CONFLICT DO NOTHING"
                ),
                int_list(chunk),
            )
            .execute(&mut *conn)
            .await?;
        }
    }
    for chunk in events.chunks(crate::db::MAX_PARAMS) {
        let ph = placeholders(1, chunk.len());
        q(
            &format!(
                "DELETE FROM event_entities WHERE event_id IN ({ph}) AND NOT EXISTS \
                 (SELECT 1 FROM event_mentions m WHERE m.event_id = event_entities.event_id)"
            ),
            int_list(chunk),
        )
        .execute(&mut *conn)
        .await?;
        q(
            &format!(
                "DELETE FROM events WHERE id IN ({ph}) AND NOT EXISTS \
                 (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id)"
            ),
            int_list(chunk),
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// GPE and LOC are easily confused; other types must agree for a name to match.
fn types_agree(a: &str, b: &str) -> bool {
    a == b || (matches!(a, "GPE" | "LOC") && matches!(b, "GPE" | "LOC"))
}

/// Which stored articles to skip or replace, and which of the batch to insert.
struct Plan<'a> {
    insert: Vec<&'a ArticleRecord>,
    delete: Vec<i64>,
    unchanged: usize,
}

async fn plan<'a>(
    conn: &mut AnyConnection,
    batch: &[&'a ArticleRecord],
) -> Result<Plan<'a>, sqlx::Error> {
    // Within the batch, the last version of a key wins and a repeated text is stored once.
    let mut seen_hash = HashSet::new();
    let mut seen_key = HashSet::new();
    let mut unchanged = 0;
    let mut keep: Vec<&ArticleRecord> = Vec::new();
    for a in batch.iter().rev() {
        if !seen_hash.insert(a.content_hash.as_str()) || !seen_key.insert(a.doc_key.as_str()) {
            unchanged += 1;
        } else {
            keep.push(a);
        }
    }
    keep.reverse();
    let mut stored_hash: HashSet<String> = HashSet::new();
    let mut stored_key: HashMap<String, i64> = HashMap::new();
    for chunk in keep.chunks(crate::db::MAX_PARAMS / 2) {
        let n = chunk.len();
        let sql = format!(
            "SELECT id, content_hash, doc_key FROM articles WHERE content_hash IN ({}) \
             OR doc_key IN ({})",
            placeholders(1, n),
            placeholders(n + 1, n)
        );
        let mut vals: Vec<V> = chunk
            .iter()
            .map(|a| V::from(a.content_hash.as_str()))
            .collect();
        vals.extend(chunk.iter().map(|a| V::from(a.doc_key.as_str())));
        for row in q(&sql, vals).fetch_all(&mut *conn).await? {
            stored_hash.insert(row.try_get(1)?);
            stored_key.insert(row.try_get(2)?, row.try_get(0)?);
        }
    }
    let mut insert = Vec::new();
    let mut delete = Vec::new();
    for a in keep {
        if stored_hash.contains(&a.content_hash) {
            unchanged += 1;
        } else {
            if let Some(&old) = stored_key.get(&a.doc_key) {
                delete.push(old);
            }
            insert.push(a);
        }
    }
    Ok(Plan {
        insert,
        delete,
        unchanged,
    })
}

/// The whole of one batch inside one transaction.
async fn store(
    conn: &mut AnyConnection,
    backend: Backend,
    caches: &Caches,
    batch: &[&ArticleRecord],
) -> Result<(BatchOutcome, Learnt), sqlx::Error> {
    let mut learnt = Learnt::default();
    let mut outcome = BatchOutcome::default();
    let plan = plan(conn, batch).await?;
    outcome.unchanged = plan.unchanged;
    delete_articles(conn, &plan.delete).await?;

    // Articles: a conflict here means another writer stored the same text or key meanwhile.
    let stamp = now();
    let rows: Vec<Vec<V>> = plan
        .insert
        .iter()
        .map(|a| {
            vec![
                a.doc_key.as_str().into(),
                a.content_hash.as_str().into(),
                a.title.clone().into(),
                a.url.clone().into(),
                a.outlet.clone().into(),
                a.published.clone().into(),
                a.published.as_deref().and_then(day_of).into(),
                a.language.clone().into(),
                a.input.clone().into(),
                a.words.into(),
                stamp.into(),
            ]
        })
        .collect();
    let returned = insert_rows(
        conn,
        "INSERT INTO articles (doc_key, content_hash, title, url, outlet, published, pub_day, \
         language, input, words, ingested_at)",
        rows,
        "ON CONFLICT DO NOTHING RETURNING id, content_hash",
    )
    .await?;
    let mut article_ids: HashMap<String, i64> = HashMap::new();
    for row in returned {
        article_ids.insert(row.try_get(1)?, row.try_get(0)?);
    }
    let articles: Vec<(i64, &ArticleRecord)> = plan
        .insert
        .iter()
        .filter_map(|a| article_ids.get(&a.content_hash).map(|&id| (id, *a)))
        .collect();
    outcome.unchanged += plan.insert.len() - articles.len();
    outcome.stored = articles.len();
    outcome.replaced = plan.delete.len().min(articles.len());
    outcome.words = articles.iter().map(|(_, a)| a.words.max(0) as u64).sum();

    let entity_ids = resolve_entities(conn, caches, &mut learnt, &articles).await?;
    let eid = |article: usize, idx: usize| -> Option<i64> {
        articles[article]
            .1
            .entities
            .get(idx)
            .and_then(|e| entity_ids.get(&e.key).copied())
    };

    // Names and per-article entity rows.
    let mut names: BTreeSet<(String, &'static str, i64)> = BTreeSet::new();
    let mut rows: Vec<Vec<V>> = Vec::new();
    for (ai, (article_id, a)) in articles.iter().enumerate() {
        for (i, e) in a.entities.iter().enumerate() {
            let Some(id) = eid(ai, i) else { continue };
            for alias in &e.aliases {
                let norm = crate::normal::norm_name(alias);
                if !norm.is_empty() {
                    let n = (norm, e.kind, id);
                    if !caches.names.contains(&n) {
                        names.insert(n);
                    }
                }
            }
            rows.push(vec![
                (*article_id).into(),
                (i as i64).into(),
                id.into(),
                e.name.as_str().into(),
                serde_json::Value::from(e.aliases.clone())
                    .to_string()
                    .into(),
                serde_json::Value::from(e.titles.clone()).to_string().into(),
                e.mentions.into(),
                e.first.map(|f| f.0).into(),
                e.first.map(|f| f.1).into(),
            ]);
        }
    }
    insert_rows(
        conn,
        "INSERT INTO article_entities (article_id, idx, entity_id, name, aliases, titles, \
         mentions, first_start, first_end)",
        rows,
        "",
    )
    .await?;
    let name_rows = names
        .iter()
        .map(|(n, t, id)| vec![n.as_str().into(), (*t).into(), (*id).into()])
        .collect();
    insert_rows(
        conn,
        "INSERT INTO entity_names (norm, type, entity_id)",
        name_rows,
        "ON CONFLICT DO NOTHING",
    )
    .await?;
    learnt.names.extend(names);

    store_reader(conn, &articles, &eid).await?;
    store_quotes(conn, caches, &mut learnt, &articles, &eid).await?;
    store_events(conn, backend, &articles, &eid).await?;

    let mut rows: Vec<Vec<V>> = Vec::new();
    for (ai, (article_id, a)) in articles.iter().enumerate() {
        for (i, r) in a.relations.iter().enumerate() {
            let (Some(s), Some(t)) = (eid(ai, r.source), eid(ai, r.target)) else {
                continue;
            };
            rows.push(vec![
                (*article_id).into(),
                (i as i64).into(),
                r.kind.into(),
                s.into(),
                t.into(),
                r.evidence.as_str().into(),
            ]);
        }
    }
    insert_rows(
        conn,
        "INSERT INTO relations (article_id, idx, type, source_id, target_id, evidence)",
        rows,
        "",
    )
    .await?;
    Ok((outcome, learnt))
}

/// The texts and the spans the reader marks (mentions with their resolved entity).
async fn store_reader(
    conn: &mut AnyConnection,
    articles: &[(i64, &ArticleRecord)],
    eid: &dyn Fn(usize, usize) -> Option<i64>,
) -> Result<(), sqlx::Error> {
    let texts = articles
        .iter()
        .map(|(id, a)| {
            // PostgreSQL refuses NUL in text; U+FFFD is one code point too, so spans hold.
            let text = if a.text.contains('\0') {
                a.text.replace('\0', "\u{FFFD}")
            } else {
                a.text.clone()
            };
            vec![(*id).into(), text.into()]
        })
        .collect();
    insert_rows(
        conn,
        "INSERT INTO article_texts (article_id, text)",
        texts,
        "",
    )
    .await?;
    let mut rows: Vec<Vec<V>> = Vec::new();
    for (ai, (article_id, a)) in articles.iter().enumerate() {
        for (pos, sp) in a.spans.iter().enumerate() {
            let entity = match sp.layer {
                "mention" => eid(ai, sp.item),
                _ => None,
            };
            rows.push(vec![
                (*article_id).into(),
                (pos as i64).into(),
                sp.layer.into(),
                (sp.item as i64).into(),
                sp.start.into(),
                sp.end.into(),
                entity.into(),
            ]);
        }
    }
    insert_rows(
        conn,
        "INSERT INTO article_spans (article_id, pos, layer, item, start_cp, end_cp, entity_id)",
        rows,
        "",
    )
    .await?;
    Ok(())
}

/// The store id of every entity key of the batch: an existing entity with the key, else, for
/// an entity without knowledge-base link, a linked entity already known by that name and
/// type, else a new entity.
async fn resolve_entities(
    conn: &mut AnyConnection,
    caches: &Caches,
    learnt: &mut Learnt,
    articles: &[(i64, &ArticleRecord)],
) -> Result<HashMap<String, i64>, sqlx::Error> {
    let mut ids: HashMap<String, i64> = HashMap::new();
    let mut wanted: BTreeMap<&str, &crate::record::EntityRecord> = BTreeMap::new();
    for (_, a) in articles {
        for e in &a.entities {
            match caches.entities.get(&e.key) {
                Some(&id) => {
                    ids.insert(e.key.clone(), id);
                }
                None => {
                    wanted.entry(e.key.as_str()).or_insert(e);
                }
            }
        }
    }
    if wanted.is_empty() {
        return Ok(ids);
    }
    let keys: Vec<String> = wanted.keys().map(|k| k.to_string()).collect();
    let found = ids_by_key(conn, "entities", "key", &keys).await?;
    wanted.retain(|k, _| !found.contains_key(*k));
    learnt
        .entities
        .extend(found.iter().map(|(k, v)| (k.clone(), *v)));
    ids.extend(found);

    // Unlinked names that a linked entity already carries.
    let unlinked: Vec<String> = wanted
        .values()
        .filter(|e| e.kb_id.is_none() && !e.norm.is_empty())
        .map(|e| e.norm.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut by_name: HashMap<String, Vec<(String, i64)>> = HashMap::new();
    for chunk in unlinked.chunks(crate::db::MAX_PARAMS) {
        let sql = format!(
            "SELECT n.norm, n.type, n.entity_id FROM entity_names n \
             JOIN entities e ON e.id = n.entity_id \
             WHERE e.kb_id IS NOT NULL AND n.norm IN ({})",
            placeholders(1, chunk.len())
        );
        let vals = chunk.iter().map(|k| V::from(k.as_str())).collect();
        for row in q(&sql, vals).fetch_all(&mut *conn).await? {
            by_name
                .entry(row.try_get(0)?)
                .or_default()
                .push((row.try_get(1)?, row.try_get(2)?));
        }
    }
    let mut new_rows: Vec<Vec<V>> = Vec::new();
    let mut new_keys: Vec<String> = Vec::new();
    for (key, e) in &wanted {
        if e.kb_id.is_none() {
            if let Some(cands) = by_name.get(&e.norm) {
                let mut matching: Vec<i64> = cands
                    .iter()
                    .filter(|(t, _)| types_agree(t, e.kind))
                    .map(|(_, id)| *id)
                    .collect();
                matching.sort_unstable();
                matching.dedup();
                if let [only] = matching[..] {
                    ids.insert(key.to_string(), only);
                    learnt.entities.push((key.to_string(), only));
                    continue;
                }
            }
        }
        new_keys.push(key.to_string());
        new_rows.push(vec![
            (*key).into(),
            e.name.as_str().into(),
            e.norm.as_str().into(),
            e.kind.into(),
            e.kb_id.clone().into(),
            e.codes.clone().into(),
        ]);
    }
    insert_rows(
        conn,
        "INSERT INTO entities (key, name, norm, type, kb_id, codes)",
        new_rows,
        "ON CONFLICT DO NOTHING",
    )
    .await?;
    let created = ids_by_key(conn, "entities", "key", &new_keys).await?;
    learnt
        .entities
        .extend(created.iter().map(|(k, v)| (k.clone(), *v)));
    ids.extend(created);
    Ok(ids)
}

/// Claims are counted across sources by their fingerprint; a denial points to the claim it
/// denies: the same words, else the closest claim of the same article, else the closest
/// claim about the same actors.
async fn store_quotes(
    conn: &mut AnyConnection,
    caches: &Caches,
    learnt: &mut Learnt,
    articles: &[(i64, &ArticleRecord)],
    eid: &dyn Fn(usize, usize) -> Option<i64>,
) -> Result<(), sqlx::Error> {
    let mut claim_ids: HashMap<String, i64> = HashMap::new();
    let mut wanted: BTreeMap<&str, &str> = BTreeMap::new();
    for (_, a) in articles {
        for qr in &a.quotes {
            if qr.claim_key.is_empty() {
                continue;
            }
            match caches.claims.get(&qr.claim_key) {
                Some(&id) => {
                    claim_ids.insert(qr.claim_key.clone(), id);
                }
                None => {
                    wanted.entry(qr.claim_key.as_str()).or_insert(&qr.content);
                }
            }
        }
    }
    if !wanted.is_empty() {
        let rows = wanted
            .iter()
            .map(|(k, t)| vec![(*k).into(), (*t).into()])
            .collect();
        insert_rows(
            conn,
            "INSERT INTO claims (key, text)",
            rows,
            "ON CONFLICT DO NOTHING",
        )
        .await?;
        let keys: Vec<String> = wanted.keys().map(|k| k.to_string()).collect();
        let got = ids_by_key(conn, "claims", "key", &keys).await?;
        learnt
            .claims
            .extend(got.iter().map(|(k, v)| (k.clone(), *v)));
        claim_ids.extend(got);
    }

    let mut rows: Vec<Vec<V>> = Vec::new();
    let mut about_rows: Vec<Vec<V>> = Vec::new();
    let mut support: BTreeSet<(i64, &'static str, String)> = BTreeSet::new();
    for (ai, (article_id, a)) in articles.iter().enumerate() {
        for (i, qr) in a.quotes.iter().enumerate() {
            let own = claim_ids.get(&qr.claim_key).copied();
            let speaker = qr.speaker_entity.and_then(|e| eid(ai, e));
            let about: BTreeSet<i64> = qr.about.iter().filter_map(|&e| eid(ai, e)).collect();
            let (claim, denies) = if qr.denial {
                let denied = denied_claim(conn, a, i, speaker, &about, &claim_ids).await?;
                (None, denied.or(own))
            } else {
                (own, None)
            };
            rows.push(vec![
                (*article_id).into(),
                (i as i64).into(),
                qr.kind.into(),
                qr.content.as_str().into(),
                qr.span.0.into(),
                qr.span.1.into(),
                qr.cue.clone().into(),
                speaker.into(),
                qr.speaker.clone().into(),
                qr.anonymous.into(),
                qr.negated.into(),
                qr.denial.into(),
                qr.outlet.clone().into(),
                claim.into(),
                denies.into(),
            ]);
            for e in about {
                about_rows.push(vec![(*article_id).into(), (i as i64).into(), e.into()]);
            }
            if let (Some(c), false) = (claim, qr.negated) {
                support.insert((c, "source", source_key(speaker, qr.speaker.as_deref(), a)));
                support.insert((c, "outlet", outlet_key(a)));
            }
        }
    }
    insert_rows(
        conn,
        "INSERT INTO quotes (article_id, idx, kind, content, content_start, content_end, cue, \
         speaker_id, speaker, anonymous, negated, denial, outlet, claim_id, denies_claim_id)",
        rows,
        "",
    )
    .await?;
    insert_rows(
        conn,
        "INSERT INTO quote_about (article_id, quote_idx, entity_id)",
        about_rows,
        "",
    )
    .await?;
    let support_rows = support
        .into_iter()
        .map(|(c, kind, s)| vec![c.into(), kind.into(), s.into()])
        .collect();
    insert_rows(
        conn,
        "INSERT INTO claim_sources (claim_id, kind, source)",
        support_rows,
        "ON CONFLICT DO NOTHING",
    )
    .await?;
    Ok(())
}

/// A quote's source as the corroboration counts it: the resolved speaker, else the speaker
/// as written, else the article (SQL over `qu` quotes and `a` articles; `source_key` is the
/// same in Rust).
const SOURCE_SQL: &str =
    "COALESCE('e' || CAST(qu.speaker_id AS TEXT), 's' || LOWER(qu.speaker), 'a' || a.doc_key)";
/// A quote's outlet as the corroboration counts it: the article's outlet, else the article.
const OUTLET_SQL: &str = "COALESCE('o' || a.outlet, 'a' || a.doc_key)";

fn source_key(speaker: Option<i64>, written: Option<&str>, article: &ArticleRecord) -> String {
    match (speaker, written) {
        (Some(id), _) => format!("e{id}"),
        (None, Some(w)) => format!("s{}", w.to_lowercase()),
        (None, None) => format!("a{}", article.doc_key),
    }
}

fn outlet_key(article: &ArticleRecord) -> String {
    match &article.outlet {
        Some(o) => format!("o{o}"),
        None => format!("a{}", article.doc_key),
    }
}

/// Least word overlap for a denial to be linked to a differently worded claim.
const DENIAL_OVERLAP: f64 = 0.5;
/// Latest claims about an actor that a denial is compared with.
const DENIAL_SEARCH: i64 = 50;

async fn denied_claim(
    conn: &mut AnyConnection,
    a: &ArticleRecord,
    qi: usize,
    speaker: Option<i64>,
    about: &BTreeSet<i64>,
    claim_ids: &HashMap<String, i64>,
) -> Result<Option<i64>, sqlx::Error> {
    let denial = &a.quotes[qi];
    // The same article's other claims.
    let best_local = a
        .quotes
        .iter()
        .enumerate()
        .filter(|(j, o)| *j != qi && !o.denial && !o.claim_key.is_empty())
        .map(|(_, o)| (overlap(&denial.words, &o.words), &o.claim_key))
        .filter(|(s, _)| *s >= DENIAL_OVERLAP)
        .max_by(|x, y| x.0.total_cmp(&y.0));
    if let Some((_, key)) = best_local {
        return Ok(claim_ids.get(key).copied());
    }
    // Claims stored earlier about the speaker or the actors the denial names.
    let actors: Vec<i64> = speaker.into_iter().chain(about.iter().copied()).collect();
    if actors.is_empty() {
        return Ok(None);
    }
    let mut best: Option<(f64, i64)> = None;
    for actor in actors {
        // The actor's latest claims only: the search stays small whatever the corpus size.
        let rows = q(
            "SELECT DISTINCT c.id, c.text FROM \
             (SELECT article_id, quote_idx FROM quote_about WHERE entity_id = $1 \
              ORDER BY article_id DESC LIMIT $2) qa \
             JOIN quotes qu ON qu.article_id = qa.article_id AND qu.idx = qa.quote_idx \
             JOIN claims c ON c.id = qu.claim_id WHERE qu.denial = 0",
            vec![actor.into(), DENIAL_SEARCH.into()],
        )
        .fetch_all(&mut *conn)
        .await?;
        for row in rows {
            let id: i64 = row.try_get(0)?;
            let text: String = row.try_get(1)?;
            let s = overlap(&denial.words, &crate::normal::claim_words(&text));
            if s >= DENIAL_OVERLAP && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, id));
            }
        }
    }
    Ok(best.map(|(_, id)| id))
}

/// Day range assumed for an undated event: the days before publication.
const UNDATED_LOOKBACK: i64 = 3;
/// Days two event dates may lie apart and still be one happening.
const DATE_SLACK: i64 = 1;
/// `day_lo`/`day_hi` of an event with no date at all: it never merges.
const NO_DAY: i64 = i64::MIN / 4;
/// Reports whose dates span at most this many days are "narrow" (a day, an undated report's
/// days before publication); wider ones (a month, a year) are few and searched apart.
const NARROW_DAYS: i64 = 3;
/// The widest date a report gives: a year.
const WIDEST_DAYS: i64 = 366;

/// A stored event a new report may join.
#[derive(Default)]
struct Candidate {
    lo: i64,
    hi: i64,
    place: Option<i64>,
    source: HashSet<i64>,
    target: HashSet<i64>,
}

/// Whether a report with these actors may be the same happening as `c` (dates and type are
/// already checked): no conflicting place, and where both sides name actors on a side, at
/// least one in common.
fn compatible(
    c: &Candidate,
    source: &BTreeSet<i64>,
    target: &BTreeSet<i64>,
    place: Option<i64>,
) -> Option<usize> {
    if let (Some(a), Some(b)) = (c.place, place) {
        if a != b {
            return None;
        }
    }
    let s = source.iter().filter(|e| c.source.contains(e)).count();
    let t = target.iter().filter(|e| c.target.contains(e)).count();
    if !source.is_empty() && !c.source.is_empty() && s == 0 {
        return None;
    }
    if !target.is_empty() && !c.target.is_empty() && t == 0 {
        return None;
    }
    (s + t > 0).then_some(s + t)
}

async fn store_events(
    conn: &mut AnyConnection,
    backend: Backend,
    articles: &[(i64, &ArticleRecord)],
    eid: &dyn Fn(usize, usize) -> Option<i64>,
) -> Result<(), sqlx::Error> {
    let actor_id = |ai: usize, a: &ActorRecord| match a {
        ActorRecord::Entity(i) => eid(ai, *i),
        ActorRecord::Phrase(_) => None,
    };
    if backend == Backend::Postgres {
        // Writers that might merge into one event take turns: lock the actors, in id order.
        let mut all: BTreeSet<i64> = BTreeSet::new();
        for (ai, (_, a)) in articles.iter().enumerate() {
            for ev in &a.events {
                all.extend(
                    ev.source
                        .iter()
                        .chain(&ev.target)
                        .filter_map(|x| actor_id(ai, x)),
                );
            }
        }
        let all: Vec<i64> = all.into_iter().collect();
        for chunk in all.chunks(crate::db::MAX_PARAMS) {
            q(
                &format!(
                    "SELECT id FROM entities WHERE id IN ({}) ORDER BY id FOR UPDATE",
                    placeholders(1, chunk.len())
                ),
                int_list(chunk),
            )
            .fetch_all(&mut *conn)
            .await?;
        }
    }
    let mut mention_rows: Vec<Vec<V>> = Vec::new();
    for (ai, (article_id, a)) in articles.iter().enumerate() {
        let published = a.published.as_deref().and_then(day_of);
        for (i, ev) in a.events.iter().enumerate() {
            let source: BTreeSet<i64> = ev.source.iter().filter_map(|x| actor_id(ai, x)).collect();
            let target: BTreeSet<i64> = ev.target.iter().filter_map(|x| actor_id(ai, x)).collect();
            let place = ev.place.and_then(|p| eid(ai, p));
            let range = ev
                .date
                .as_deref()
                .and_then(day_range)
                .or_else(|| published.map(|p| (p - UNDATED_LOOKBACK, p)));
            let mut joined: Option<(i64, Candidate)> = None;
            if let Some((lo, hi)) = range {
                let actors: Vec<i64> = source.union(&target).copied().collect();
                if !actors.is_empty() {
                    joined =
                        best_candidate(conn, ev, lo, hi, &actors, &source, &target, place).await?;
                }
            }
            let (lo, hi) = range.unwrap_or((NO_DAY, NO_DAY));
            // The event's actors already stored: only new ones need a row.
            let mut known: (HashSet<i64>, HashSet<i64>) = (HashSet::new(), HashSet::new());
            let event_id = match joined {
                Some((id, c)) => {
                    known = (c.source.clone(), c.target.clone());
                    // Keep the most precise date and the first place given.
                    if hi - lo < c.hi - c.lo {
                        q(
                            "UPDATE events SET date = $1, day_lo = $2, day_hi = $3 WHERE id = $4",
                            vec![ev.date.clone().into(), lo.into(), hi.into(), id.into()],
                        )
                        .execute(&mut *conn)
                        .await?;
                    }
                    if c.place.is_none() && place.is_some() {
                        q(
                            "UPDATE events SET place_id = $1 WHERE id = $2",
                            vec![place.into(), id.into()],
                        )
                        .execute(&mut *conn)
                        .await?;
                    }
                    id
                }
                None => {
                    let row = q(
                        "INSERT INTO events (type, negated, date, day_lo, day_hi, place_id) \
                         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                        vec![
                            ev.kind.into(),
                            ev.negated.into(),
                            ev.date.clone().into(),
                            lo.into(),
                            hi.into(),
                            place.into(),
                        ],
                    )
                    .fetch_one(&mut *conn)
                    .await?;
                    row.try_get::<i64, _>(0)?
                }
            };
            let mut actor_rows: Vec<Vec<V>> = Vec::new();
            for (role, list) in [("source", &ev.source), ("target", &ev.target)] {
                for (pos, x) in list.iter().enumerate() {
                    let (entity, phrase) = match x {
                        ActorRecord::Entity(_) => (actor_id(ai, x), None),
                        ActorRecord::Phrase(p) => (None, Some(p.clone())),
                    };
                    if entity.is_none() && phrase.is_none() {
                        continue;
                    }
                    actor_rows.push(vec![
                        (*article_id).into(),
                        (i as i64).into(),
                        role.into(),
                        (pos as i64).into(),
                        event_id.into(),
                        entity.into(),
                        phrase.into(),
                        ev.kind.into(),
                        (hi - lo > NARROW_DAYS).into(),
                        lo.into(),
                    ]);
                }
            }
            let entity_rows: Vec<Vec<V>> = source
                .iter()
                .filter(|e| !known.0.contains(e))
                .map(|&e| ("source", e))
                .chain(
                    target
                        .iter()
                        .filter(|e| !known.1.contains(e))
                        .map(|&e| ("target", e)),
                )
                .map(|(role, e)| vec![event_id.into(), role.into(), e.into()])
                .collect();
            insert_rows(
                conn,
                "INSERT INTO event_actors (article_id, event_idx, role, pos, event_id, \
                 entity_id, phrase, type, wide, day_lo)",
                actor_rows,
                "",
            )
            .await?;
            insert_rows(
                conn,
                "INSERT INTO event_entities (event_id, role, entity_id)",
                entity_rows,
                "ON CONFLICT DO NOTHING",
            )
            .await?;
            mention_rows.push(vec![
                (*article_id).into(),
                (i as i64).into(),
                event_id.into(),
                ev.kind.into(),
                ev.mode.into(),
                ev.date.clone().into(),
                ev.date_text.clone().into(),
                place.into(),
                ev.fatalities.into(),
                ev.injured.into(),
                ev.trigger.as_str().into(),
                ev.trigger_span.0.into(),
                ev.trigger_span.1.into(),
                ev.evidence.as_str().into(),
                ev.negated.into(),
                ev.modality.into(),
                ev.attributed_to.map(|x| x as i64).into(),
            ]);
        }
    }
    insert_rows(
        conn,
        "INSERT INTO event_mentions (article_id, idx, event_id, type, mode, date, date_text, \
         place_id, fatalities, injured, trigger_text, trigger_start, trigger_end, evidence, \
         negated, modality, attributed_to)",
        mention_rows,
        "",
    )
    .await?;
    Ok(())
}

/// The stored event this report is most likely another report of: same type and negation,
/// dates within a day, sharing actors, no conflicting place.
#[allow(clippy::too_many_arguments)]
async fn best_candidate(
    conn: &mut AnyConnection,
    ev: &crate::record::EventRecord,
    lo: i64,
    hi: i64,
    actors: &[i64],
    source: &BTreeSet<i64>,
    target: &BTreeSet<i64>,
    place: Option<i64>,
) -> Result<Option<(i64, Candidate)>, sqlx::Error> {
    // Reports whose events this one may join: same actor and type, first day near enough.
    let sql = format!(
        "SELECT DISTINCT event_id FROM event_actors WHERE entity_id IN ({}) AND type = $1 \
         AND ((wide = 0 AND day_lo BETWEEN $2 AND $3) OR (wide = 1 AND day_lo BETWEEN $4 AND $3))",
        placeholders(5, actors.len())
    );
    let mut vals = vec![
        V::from(ev.kind),
        V::from(lo - DATE_SLACK - NARROW_DAYS),
        V::from(hi + DATE_SLACK),
        V::from(lo - DATE_SLACK - WIDEST_DAYS),
    ];
    vals.extend(int_list(actors));
    let ids: Vec<i64> = q(&sql, vals)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>(0))
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Ok(None);
    }
    let ids = &ids[..ids.len().min(crate::db::MAX_PARAMS)];
    // `|| ''` and `+ 0` keep the (type, day) index out: the ids are the way in.
    let sql = format!(
        "SELECT e.id, e.day_lo, e.day_hi, e.place_id, a.role, a.entity_id \
         FROM events e JOIN event_entities a ON a.event_id = e.id \
         WHERE e.id IN ({}) AND e.type || '' = $1 AND e.negated = $2 AND e.day_lo + 0 <= $3 \
         AND e.day_hi >= $4",
        placeholders(5, ids.len())
    );
    let mut vals = vec![
        V::from(ev.kind),
        V::from(ev.negated),
        V::from(hi + DATE_SLACK),
        V::from(lo - DATE_SLACK),
    ];
    vals.extend(int_list(ids));
    let mut cands: BTreeMap<i64, Candidate> = BTreeMap::new();
    for row in q(&sql, vals).fetch_all(&mut *conn).await? {
        let id: i64 = row.try_get(0)?;
        let c = cands.entry(id).or_default();
        c.lo = row.try_get(1)?;
        c.hi = row.try_get(2)?;
        c.place = row.try_get(3)?;
        let role: String = row.try_get(4)?;
        let entity: Option<i64> = row.try_get(5)?;
        if let Some(e) = entity {
            if role == "source" {
                c.source.insert(e);
            } else {
                c.target.insert(e);
            }
        }
    }
    let mut best: Option<(usize, i64)> = None;
    for (&id, c) in &cands {
        if let Some(score) = compatible(c, source, target, place) {
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, id));
            }
        }
    }
    Ok(best.and_then(|(_, id)| cands.remove(&id).map(|c| (id, c))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[i64]) -> BTreeSet<i64> {
        v.iter().copied().collect()
    }

    #[test]
    fn reports_merge_only_when_actors_and_places_agree() {
        let c = Candidate {
            lo: 0,
            hi: 0,
            place: Some(9),
            source: [1].into_iter().collect(),
            target: [2].into_iter().collect(),
        };
        assert!(compatible(&c, &set(&[1]), &set(&[2]), Some(9)).is_some());
        assert!(compatible(&c, &set(&[1]), &set(&[]), None).is_some());
        assert!(compatible(&c, &set(&[1]), &set(&[3]), None).is_none());
        assert!(compatible(&c, &set(&[1]), &set(&[2]), Some(8)).is_none());
        assert!(compatible(&c, &set(&[4]), &set(&[5]), None).is_none());
    }
}
