//! Whole-corpus exports: one row per event (GDELT-like), and the actor network.

use std::collections::{BTreeMap, HashMap};

use sqlx::{AnyConnection, Row};

use crate::db::{placeholders, q, V};
use crate::error::StoreError;
use crate::normal::civil_from_days;
use crate::Store;

/// One deduplicated event with its actors, counts and evidence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventRow {
    /// Store id.
    pub id: i64,
    /// Date at the best precision reported.
    pub date: Option<String>,
    /// PLOVER type.
    pub kind: String,
    /// PLOVER mode most reports give.
    pub mode: Option<String>,
    /// Said not to have happened.
    pub negated: bool,
    /// The main acting entity: name, type, knowledge-base id, CAMEO code.
    pub actor1: Option<ActorInfo>,
    /// The main target entity.
    pub actor2: Option<ActorInfo>,
    /// Every acting actor's name.
    pub sources: Vec<String>,
    /// Every target's name.
    pub targets: Vec<String>,
    /// Where.
    pub place: Option<ActorInfo>,
    /// Articles reporting it.
    pub num_articles: i64,
    /// Distinct outlets reporting it.
    pub num_sources: i64,
    /// Reporting spans over all articles.
    pub num_mentions: i64,
    /// Most fatalities reported.
    pub fatalities: Option<i64>,
    /// Most injured reported.
    pub injured: Option<i64>,
    /// The modality most reports give.
    pub modality: String,
    /// Who the reports attribute it to.
    pub attributed_to: Vec<String>,
    /// The first reporting article's URL or id.
    pub source_url: String,
    /// Earliest and latest publication dates of its reports.
    pub first_reported: Option<String>,
    /// Latest publication date of its reports.
    pub last_reported: Option<String>,
    /// Evidence spans: `article [start, end) text` (code points), at most a few.
    pub evidence: Vec<String>,
}

/// An entity as exported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorInfo {
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: String,
    /// Knowledge-base id.
    pub kb_id: Option<String>,
    /// CAMEO code, where the knowledge base gives one.
    pub cameo: Option<String>,
}

/// A node of the actor network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphNode {
    /// Store id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: String,
    /// Knowledge-base id.
    pub kb_id: Option<String>,
    /// Articles mentioning it.
    pub num_articles: i64,
}

/// A directed edge of the actor network: events from source to target and relations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GraphEdge {
    /// Source node id.
    pub source: i64,
    /// Target node id.
    pub target: i64,
    /// Events plus relation statements.
    pub weight: i64,
    /// Distinct events with source acting on target.
    pub events: i64,
    /// Articles stating a relation from source to target.
    pub relations: i64,
    /// Event and relation types, with counts ("ASSAULT:3").
    pub types: Vec<String>,
    /// First day of the events (YYYY-MM-DD).
    pub first: Option<String>,
    /// Last day of the events.
    pub last: Option<String>,
}

/// Day numbers below this mark an event with no date.
const DATED: i64 = -100_000_000;
/// Events per page of the export.
const PAGE: i64 = 1000;
/// Evidence spans kept per exported event.
const EVIDENCE_ROWS: usize = 5;

fn ints(ids: &[i64]) -> Vec<V> {
    ids.iter().map(|&i| V::from(i)).collect()
}

fn most_common(counts: &HashMap<String, usize>) -> Option<String> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| k.clone())
}

async fn actor_infos(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<HashMap<i64, ActorInfo>, sqlx::Error> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(crate::db::MAX_PARAMS) {
        let sql = format!(
            "SELECT id, name, type, kb_id, codes FROM entities WHERE id IN ({})",
            placeholders(1, chunk.len())
        );
        for r in q(&sql, ints(chunk)).fetch_all(&mut *conn).await? {
            let codes: Option<String> = r.try_get(4)?;
            let cameo = codes
                .and_then(|c| serde_json::from_str::<serde_json::Value>(&c).ok())
                .and_then(|v| v.get("cameo").and_then(|c| c.as_str()).map(str::to_string));
            out.insert(
                r.try_get::<i64, _>(0)?,
                ActorInfo {
                    name: r.try_get(1)?,
                    kind: r.try_get(2)?,
                    kb_id: r.try_get(3)?,
                    cameo,
                },
            );
        }
    }
    Ok(out)
}

/// One page of event rows with ids above `after`.
async fn event_page(conn: &mut AnyConnection, after: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    let mut rows: BTreeMap<i64, EventRow> = BTreeMap::new();
    let mut places: HashMap<i64, i64> = HashMap::new();
    for r in q(
        "SELECT id, type, negated, date, place_id FROM events WHERE id > $1 ORDER BY id LIMIT $2",
        vec![after.into(), PAGE.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = r.try_get(0)?;
        if let Some(p) = r.try_get::<Option<i64>, _>(4)? {
            places.insert(id, p);
        }
        rows.insert(
            id,
            EventRow {
                id,
                kind: r.try_get(1)?,
                negated: r.try_get::<i64, _>(2)? != 0,
                date: r.try_get(3)?,
                ..EventRow::default()
            },
        );
    }
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.keys().copied().collect();
    let ph = placeholders(1, ids.len());

    // Reports.
    #[derive(Default)]
    struct Acc {
        articles: Vec<i64>,
        outlets: Vec<String>,
        modes: HashMap<String, usize>,
        modalities: HashMap<String, usize>,
        attributed: Vec<(i64, i64)>,
        published: Vec<String>,
    }
    let mut acc: HashMap<i64, Acc> = HashMap::new();
    for r in q(
        &format!(
            "SELECT m.event_id, m.article_id, m.mode, m.fatalities, m.injured, m.evidence, \
             m.modality, m.attributed_to, COALESCE(a.outlet, a.doc_key), \
             COALESCE(a.url, a.doc_key), a.published FROM event_mentions m \
             JOIN articles a ON a.id = m.article_id WHERE m.event_id IN ({ph}) \
             ORDER BY m.article_id, m.idx"
        ),
        ints(&ids),
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = r.try_get(0)?;
        let article: i64 = r.try_get(1)?;
        let (Some(row), a) = (rows.get_mut(&id), acc.entry(id).or_default()) else {
            continue;
        };
        if !a.articles.contains(&article) {
            a.articles.push(article);
        }
        let outlet: String = r.try_get(8)?;
        if !a.outlets.contains(&outlet) {
            a.outlets.push(outlet);
        }
        if let Some(m) = r.try_get::<Option<String>, _>(2)? {
            *a.modes.entry(m).or_default() += 1;
        }
        *a.modalities.entry(r.try_get(6)?).or_default() += 1;
        row.fatalities = row.fatalities.max(r.try_get(3)?);
        row.injured = row.injured.max(r.try_get(4)?);
        let url: String = r.try_get(9)?;
        if row.source_url.is_empty() {
            row.source_url = url.clone();
        }
        if let Some(p) = r.try_get::<Option<String>, _>(10)? {
            a.published.push(p);
        }
        if let Some(qi) = r.try_get::<Option<i64>, _>(7)? {
            a.attributed.push((article, qi));
        }
        let evidence: String = r.try_get(5)?;
        if let Ok(serde_json::Value::Array(spans)) = serde_json::from_str(&evidence) {
            row.num_mentions += spans.len() as i64;
            for s in spans {
                if row.evidence.len() < EVIDENCE_ROWS {
                    row.evidence.push(format!(
                        "{url} [{}, {}) {}",
                        s[0],
                        s[1],
                        s[2].as_str().unwrap_or("")
                    ));
                }
            }
        }
    }

    // Attribution.
    let pairs: Vec<(i64, i64)> = acc.values().flat_map(|a| a.attributed.clone()).collect();
    let mut speakers: HashMap<(i64, i64), String> = HashMap::new();
    let mut articles: Vec<i64> = pairs.iter().map(|p| p.0).collect();
    articles.sort_unstable();
    articles.dedup();
    for chunk in articles.chunks(crate::db::MAX_PARAMS) {
        for r in q(
            &format!(
                "SELECT qu.article_id, qu.idx, COALESCE(en.name, qu.speaker) FROM quotes qu \
                 LEFT JOIN entities en ON en.id = qu.speaker_id WHERE qu.article_id IN ({})",
                placeholders(1, chunk.len())
            ),
            ints(chunk),
        )
        .fetch_all(&mut *conn)
        .await?
        {
            if let Some(s) = r.try_get::<Option<String>, _>(2)? {
                speakers.insert((r.try_get(0)?, r.try_get(1)?), s);
            }
        }
    }

    // Actors.
    let mut actor_counts: HashMap<(i64, bool), HashMap<i64, usize>> = HashMap::new();
    let mut entity_ids: Vec<i64> = places.values().copied().collect();
    let mut names: Vec<(i64, bool, Option<i64>, Option<String>)> = Vec::new();
    for r in q(
        &format!(
            "SELECT event_id, role, entity_id, phrase FROM event_actors WHERE event_id IN ({ph}) \
             ORDER BY article_id, event_idx, pos"
        ),
        ints(&ids),
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = r.try_get(0)?;
        let is_source = r.try_get::<String, _>(1)? == "source";
        let entity: Option<i64> = r.try_get(2)?;
        if let Some(e) = entity {
            *actor_counts
                .entry((id, is_source))
                .or_default()
                .entry(e)
                .or_default() += 1;
            entity_ids.push(e);
        }
        names.push((id, is_source, entity, r.try_get(3)?));
    }
    entity_ids.sort_unstable();
    entity_ids.dedup();
    let infos = actor_infos(conn, &entity_ids).await?;
    for (id, is_source, entity, phrase) in names {
        let Some(row) = rows.get_mut(&id) else {
            continue;
        };
        let name = entity
            .and_then(|e| infos.get(&e).map(|i| i.name.clone()))
            .or(phrase);
        let list = if is_source {
            &mut row.sources
        } else {
            &mut row.targets
        };
        if let Some(n) = name {
            if !list.contains(&n) {
                list.push(n);
            }
        }
    }
    for (id, row) in rows.iter_mut() {
        for (is_source, slot) in [(true, &mut row.actor1), (false, &mut row.actor2)] {
            if let Some(counts) = actor_counts.get(&(*id, is_source)) {
                let best = counts
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(e, _)| *e);
                *slot = best.and_then(|e| infos.get(&e).cloned());
            }
        }
        row.place = places.get(id).and_then(|p| infos.get(p).cloned());
        if let Some(a) = acc.get_mut(id) {
            row.num_articles = a.articles.len() as i64;
            row.num_sources = a.outlets.len() as i64;
            row.mode = most_common(&a.modes);
            row.modality = most_common(&a.modalities).unwrap_or_default();
            a.published.sort();
            row.first_reported = a.published.first().cloned();
            row.last_reported = a.published.last().cloned();
            for p in &a.attributed {
                if let Some(s) = speakers.get(p) {
                    if !row.attributed_to.contains(s) {
                        row.attributed_to.push(s.clone());
                    }
                }
            }
        }
    }
    Ok(rows.into_values().collect())
}

async fn graph(conn: &mut AnyConnection) -> Result<(Vec<GraphNode>, Vec<GraphEdge>), sqlx::Error> {
    let mut edges: BTreeMap<(i64, i64), GraphEdge> = BTreeMap::new();
    let mut lo_hi: HashMap<(i64, i64), (i64, i64)> = HashMap::new();
    let sql = format!(
        "WITH ea AS (SELECT event_id, role, entity_id FROM event_entities) \
         SELECT s.entity_id, t.entity_id, e.type, COUNT(*), \
         MIN(CASE WHEN e.day_lo > {DATED} THEN e.day_lo END), \
         MAX(CASE WHEN e.day_lo > {DATED} THEN e.day_hi END) \
         FROM ea s JOIN ea t ON t.event_id = s.event_id AND t.role = 'target' \
         JOIN events e ON e.id = s.event_id \
         WHERE s.role = 'source' AND s.entity_id <> t.entity_id \
         GROUP BY s.entity_id, t.entity_id, e.type"
    );
    for r in sqlx::query(&sql).fetch_all(&mut *conn).await? {
        let key = (r.try_get::<i64, _>(0)?, r.try_get::<i64, _>(1)?);
        let kind: String = r.try_get(2)?;
        let n: i64 = r.try_get(3)?;
        let edge = edges.entry(key).or_insert_with(|| GraphEdge {
            source: key.0,
            target: key.1,
            ..GraphEdge::default()
        });
        edge.events += n;
        edge.weight += n;
        edge.types.push(format!("{kind}:{n}"));
        let lo: Option<i64> = r.try_get(4)?;
        let hi: Option<i64> = r.try_get(5)?;
        if let (Some(lo), Some(hi)) = (lo, hi) {
            let e = lo_hi.entry(key).or_insert((lo, hi));
            e.0 = e.0.min(lo);
            e.1 = e.1.max(hi);
        }
    }
    for r in sqlx::query(
        "SELECT source_id, target_id, type, COUNT(DISTINCT article_id) FROM relations \
         WHERE source_id <> target_id GROUP BY source_id, target_id, type",
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let key = (r.try_get::<i64, _>(0)?, r.try_get::<i64, _>(1)?);
        let kind: String = r.try_get(2)?;
        let n: i64 = r.try_get(3)?;
        let edge = edges.entry(key).or_insert_with(|| GraphEdge {
            source: key.0,
            target: key.1,
            ..GraphEdge::default()
        });
        edge.relations += n;
        edge.weight += n;
        edge.types.push(format!("{kind}:{n}"));
    }
    for (key, (lo, hi)) in lo_hi {
        if let Some(e) = edges.get_mut(&key) {
            e.first = Some(civil_from_days(lo));
            e.last = Some(civil_from_days(hi));
        }
    }
    let mut ids: Vec<i64> = edges.keys().flat_map(|&(a, b)| [a, b]).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut counts: HashMap<i64, i64> = HashMap::new();
    for chunk in ids.chunks(crate::db::MAX_PARAMS) {
        for r in q(
            &format!(
                "SELECT entity_id, COUNT(DISTINCT article_id) FROM article_entities \
                 WHERE entity_id IN ({}) GROUP BY entity_id",
                placeholders(1, chunk.len())
            ),
            ints(chunk),
        )
        .fetch_all(&mut *conn)
        .await?
        {
            counts.insert(r.try_get(0)?, r.try_get(1)?);
        }
    }
    let infos = actor_infos(conn, &ids).await?;
    let nodes = ids
        .iter()
        .filter_map(|id| {
            infos.get(id).map(|i| GraphNode {
                id: *id,
                name: i.name.clone(),
                kind: i.kind.clone(),
                kb_id: i.kb_id.clone(),
                num_articles: counts.get(id).copied().unwrap_or(0),
            })
        })
        .collect();
    Ok((nodes, edges.into_values().collect()))
}

impl Store {
    /// Every event, in id order, handed to `each` a page at a time (memory stays bounded).
    ///
    /// # Errors
    /// [`StoreError`] naming the database; an error `each` returns, as is.
    pub fn export_events<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(&EventRow) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut after = 0;
        let mut n = 0;
        loop {
            let page = self
                .db
                .rt
                .block_on(async {
                    let mut conn = self.db.pool.acquire().await?;
                    event_page(&mut conn, after).await
                })
                .map_err(|e| self.db.err("exporting events", &e))?;
            let Some(last) = page.last() else {
                return Ok(n);
            };
            after = last.id;
            for row in &page {
                each(row)?;
                n += 1;
            }
        }
    }

    /// The actor network: entities that act on one another or stand in a relation.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn graph(&self) -> Result<(Vec<GraphNode>, Vec<GraphEdge>), StoreError> {
        self.db
            .rt
            .block_on(async {
                let mut conn = self.db.pool.acquire().await?;
                graph(&mut conn).await
            })
            .map_err(|e| self.db.err("exporting the graph", &e))
    }
}
