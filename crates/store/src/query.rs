//! Questions to the corpus graph: an entity's profile, events, quotes and relations.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::db::{placeholders, q, V};
use crate::error::StoreError;
use crate::normal::{day_range, norm_name};
use crate::Store;

/// An entity by id and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// Store id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
}

/// Which events to list.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// Acted (source) — an entity name or alias.
    pub actor: Option<String>,
    /// Was acted on (target).
    pub target: Option<String>,
    /// PLOVER type ("ASSAULT"), any case.
    pub kind: Option<String>,
    /// On or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    pub since: Option<String>,
    /// On or before this date.
    pub until: Option<String>,
    /// Where — a place name.
    pub place: Option<String>,
    /// Most rows (0: 100).
    pub limit: usize,
}

/// Which quotes to list.
#[derive(Clone, Debug, Default)]
pub struct QuoteFilter {
    /// Who said it — an entity name or alias, or the speaker as written.
    pub speaker: Option<String>,
    /// An entity the claim mentions.
    pub about: Option<String>,
    /// Most rows (0: 100).
    pub limit: usize,
}

/// Which relations to list.
#[derive(Clone, Debug, Default)]
pub struct RelationFilter {
    /// Relation type ("LEADS"), any case.
    pub kind: Option<String>,
    /// An entity at either end.
    pub actor: Option<String>,
    /// Most rows (0: 100).
    pub limit: usize,
}

/// One deduplicated event.
#[derive(Clone, Debug, PartialEq)]
pub struct EventSummary {
    /// Store id.
    pub id: i64,
    /// PLOVER type.
    pub kind: String,
    /// Date at the best precision reported.
    pub date: Option<String>,
    /// Who acted.
    pub source: Vec<String>,
    /// Who was acted on.
    pub target: Vec<String>,
    /// Where.
    pub place: Option<String>,
    /// Articles reporting it.
    pub num_articles: i64,
    /// Distinct outlets reporting it (an article without outlet counts as its own).
    pub num_sources: i64,
    /// Most fatalities reported.
    pub fatalities: Option<i64>,
    /// The words of its first report.
    pub trigger: String,
    /// The first reporting article's URL or id.
    pub article: String,
}

impl EventSummary {
    /// As a JSON object (keys in column order).
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id, "type": self.kind, "date": self.date, "source": self.source,
            "target": self.target, "place": self.place, "num_articles": self.num_articles,
            "num_sources": self.num_sources, "fatalities": self.fatalities,
            "trigger": self.trigger, "article": self.article,
        })
    }
}

/// One quote with the corroboration of its claim.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteSummary {
    /// Who said it (resolved name, else as written).
    pub speaker: Option<String>,
    /// What was said.
    pub content: String,
    /// "direct", "indirect", "mixed".
    pub kind: String,
    /// A denial.
    pub denial: bool,
    /// Distinct speakers carrying the same claim (not denying it).
    pub corroborating_sources: i64,
    /// Distinct outlets carrying the same claim.
    pub corroborating_outlets: i64,
    /// Quotes denying the claim.
    pub denials: i64,
    /// For a denial: the claim it denies.
    pub denies: Option<String>,
    /// The article's title.
    pub title: Option<String>,
    /// The article's URL or id.
    pub article: String,
    /// The article's date.
    pub published: Option<String>,
}

impl QuoteSummary {
    /// As a JSON object (keys in column order).
    pub fn to_json(&self) -> Value {
        json!({
            "speaker": self.speaker, "content": self.content, "kind": self.kind,
            "denial": self.denial, "corroborating_sources": self.corroborating_sources,
            "corroborating_outlets": self.corroborating_outlets, "denials": self.denials,
            "denies": self.denies, "title": self.title, "article": self.article,
            "published": self.published,
        })
    }
}

/// One relation between two entities, over every article that states it.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationSummary {
    /// "LEADS", …
    pub kind: String,
    /// First entity.
    pub source: String,
    /// Second entity.
    pub target: String,
    /// Articles stating it.
    pub num_articles: i64,
    /// One statement of it.
    pub evidence: String,
}

impl RelationSummary {
    /// As a JSON object (keys in column order).
    pub fn to_json(&self) -> Value {
        json!({
            "type": self.kind, "source": self.source, "target": self.target,
            "num_articles": self.num_articles, "evidence": self.evidence,
        })
    }
}

/// Everything the corpus says about one entity.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityProfile {
    /// Store id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: String,
    /// Knowledge-base id.
    pub kb_id: Option<String>,
    /// Knowledge-base codes (JSON object).
    pub codes: Value,
    /// Every name form seen.
    pub aliases: Vec<String>,
    /// Titles and roles seen.
    pub titles: Vec<String>,
    /// Articles mentioning it.
    pub num_articles: i64,
    /// Its relations.
    pub relations: Vec<RelationSummary>,
    /// Events it took part in as actor.
    pub events_as_actor: Vec<EventSummary>,
    /// Events it was the target of.
    pub events_as_target: Vec<EventSummary>,
    /// What it said.
    pub said: Vec<QuoteSummary>,
    /// What was said about it.
    pub said_about: Vec<QuoteSummary>,
    /// Articles mentioning it, newest first: `(title, url or id, published)`.
    pub articles: Vec<(Option<String>, String, Option<String>)>,
    /// Other entities the name also matches.
    pub others: Vec<Named>,
}

impl EntityProfile {
    /// As a JSON object.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id, "name": self.name, "type": self.kind, "kb_id": self.kb_id,
            "codes": self.codes, "aliases": self.aliases, "titles": self.titles,
            "num_articles": self.num_articles,
            "relations": self.relations.iter().map(RelationSummary::to_json).collect::<Vec<_>>(),
            "events_as_actor": self.events_as_actor.iter().map(EventSummary::to_json).collect::<Vec<_>>(),
            "events_as_target": self.events_as_target.iter().map(EventSummary::to_json).collect::<Vec<_>>(),
            "said": self.said.iter().map(QuoteSummary::to_json).collect::<Vec<_>>(),
            "said_about": self.said_about.iter().map(QuoteSummary::to_json).collect::<Vec<_>>(),
            "articles": self.articles.iter().map(|(t, u, p)| json!({"title": t, "article": u, "published": p})).collect::<Vec<_>>(),
            "other_matches": self.others.iter().map(|n| json!({"id": n.id, "name": n.name})).collect::<Vec<_>>(),
        })
    }
}

fn limit(n: usize) -> i64 {
    if n == 0 {
        100
    } else {
        n as i64
    }
}

fn ints(ids: &[i64]) -> Vec<V> {
    ids.iter().map(|&i| V::from(i)).collect()
}

fn get<T>(row: &AnyRow, i: usize) -> Result<T, sqlx::Error>
where
    T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    row.try_get::<T, _>(i)
}

/// Entities a name or alias names, most mentioned first.
pub(crate) async fn entities_named(
    conn: &mut AnyConnection,
    name: &str,
) -> Result<Vec<Named>, sqlx::Error> {
    let norm = norm_name(name);
    let rows = q(
        "SELECT e.id, e.name, (SELECT COUNT(*) FROM article_entities ae WHERE ae.entity_id = e.id) \
         FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_names WHERE norm = $1) \
         OR e.norm = $2 OR e.kb_id = $3 OR e.key = $4",
        vec![
            norm.as_str().into(),
            norm.as_str().into(),
            name.into(),
            name.into(),
        ],
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut found: Vec<(i64, Named)> = Vec::new();
    for r in rows {
        found.push((
            get(&r, 2)?,
            Named {
                id: get(&r, 0)?,
                name: get(&r, 1)?,
            },
        ));
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    Ok(found.into_iter().map(|(_, n)| n).collect())
}

async fn ids_named(conn: &mut AnyConnection, name: &str) -> Result<Vec<i64>, sqlx::Error> {
    Ok(entities_named(conn, name)
        .await?
        .into_iter()
        .map(|n| n.id)
        .collect())
}

async fn names_of(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<HashMap<i64, String>, sqlx::Error> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(crate::db::MAX_PARAMS) {
        let sql = format!(
            "SELECT id, name FROM entities WHERE id IN ({})",
            placeholders(1, chunk.len())
        );
        for r in q(&sql, ints(chunk)).fetch_all(&mut *conn).await? {
            out.insert(get(&r, 0)?, get(&r, 1)?);
        }
    }
    Ok(out)
}

/// Summaries of the events `ids`, in that order.
pub(crate) async fn event_summaries(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<Vec<EventSummary>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ph = placeholders(1, ids.len());
    let mut out: BTreeMap<i64, EventSummary> = BTreeMap::new();
    let mut places: Vec<(i64, i64)> = Vec::new();
    for r in q(
        &format!("SELECT id, type, date, place_id FROM events WHERE id IN ({ph})"),
        ints(ids),
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = get(&r, 0)?;
        if let Some(p) = get::<Option<i64>>(&r, 3)? {
            places.push((id, p));
        }
        out.insert(
            id,
            EventSummary {
                id,
                kind: get(&r, 1)?,
                date: get(&r, 2)?,
                source: Vec::new(),
                target: Vec::new(),
                place: None,
                num_articles: 0,
                num_sources: 0,
                fatalities: None,
                trigger: String::new(),
                article: String::new(),
            },
        );
    }
    let place_names = names_of(conn, &places.iter().map(|p| p.1).collect::<Vec<_>>()).await?;
    for (id, p) in places {
        if let Some(e) = out.get_mut(&id) {
            e.place = place_names.get(&p).cloned();
        }
    }
    let mut firsts: Vec<(i64, i64)> = Vec::new();
    for r in q(
        &format!(
            "SELECT m.event_id, COUNT(DISTINCT m.article_id), \
             COUNT(DISTINCT COALESCE(a.outlet, a.doc_key)), MAX(m.fatalities), MIN(m.article_id) \
             FROM event_mentions m JOIN articles a ON a.id = m.article_id \
             WHERE m.event_id IN ({ph}) GROUP BY m.event_id"
        ),
        ints(ids),
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = get(&r, 0)?;
        let first: i64 = get(&r, 4)?;
        firsts.push((id, first));
        let link = q(
            "SELECT m.trigger_text, COALESCE(a.url, a.doc_key) FROM event_mentions m \
             JOIN articles a ON a.id = m.article_id WHERE m.event_id = $1 AND m.article_id = $2 \
             ORDER BY m.idx LIMIT 1",
            vec![id.into(), first.into()],
        )
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(e) = out.get_mut(&id) {
            e.num_articles = get(&r, 1)?;
            e.num_sources = get(&r, 2)?;
            e.fatalities = get(&r, 3)?;
            if let Some(l) = link {
                e.trigger = get(&l, 0)?;
                e.article = get(&l, 1)?;
            }
        }
    }
    // Actors: the resolved ones of every report, the phrases of the first report.
    let mut named: Vec<(i64, String, String)> = Vec::new();
    for r in q(
        &format!(
            "SELECT x.event_id, x.role, en.name FROM event_entities x \
             JOIN entities en ON en.id = x.entity_id WHERE x.event_id IN ({ph}) \
             ORDER BY x.event_id, en.id"
        ),
        ints(ids),
    )
    .fetch_all(&mut *conn)
    .await?
    {
        named.push((get(&r, 0)?, get(&r, 1)?, get(&r, 2)?));
    }
    for (id, first) in &firsts {
        for r in q(
            "SELECT role, phrase FROM event_actors WHERE event_id = $1 AND article_id = $2 \
             AND phrase IS NOT NULL ORDER BY event_idx, pos",
            vec![(*id).into(), (*first).into()],
        )
        .fetch_all(&mut *conn)
        .await?
        {
            named.push((*id, get(&r, 0)?, get(&r, 1)?));
        }
    }
    for (id, role, name) in named {
        if let Some(e) = out.get_mut(&id) {
            let list = if role == "source" {
                &mut e.source
            } else {
                &mut e.target
            };
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }
    Ok(ids.iter().filter_map(|id| out.remove(id)).collect())
}

async fn find_events(
    conn: &mut AnyConnection,
    f: &EventFilter,
) -> Result<Vec<EventSummary>, sqlx::Error> {
    let mut sql = String::from("SELECT e.id FROM events e WHERE 1 = 1");
    let mut vals: Vec<V> = Vec::new();
    let add_ids = |sql: &mut String, vals: &mut Vec<V>, clause: &str, ids: &[i64]| {
        let ph = placeholders(vals.len() + 1, ids.len().max(1));
        sql.push_str(&clause.replace("{}", &ph));
        if ids.is_empty() {
            vals.push(V::from(-1i64));
        } else {
            vals.extend(ints(ids));
        }
    };
    for (name, role) in [(&f.actor, "source"), (&f.target, "target")] {
        if let Some(name) = name {
            let ids = ids_named(conn, name).await?;
            add_ids(
                &mut sql,
                &mut vals,
                &format!(
                    " AND e.id IN (SELECT event_id FROM event_entities WHERE role = '{role}' \
                     AND entity_id IN ({{}}))"
                ),
                &ids,
            );
        }
    }
    if let Some(place) = &f.place {
        let ids = ids_named(conn, place).await?;
        add_ids(&mut sql, &mut vals, " AND e.place_id IN ({})", &ids);
    }
    if let Some(kind) = &f.kind {
        vals.push(V::from(kind.to_uppercase()));
        sql.push_str(&format!(" AND e.type = ${}", vals.len()));
    }
    if let Some((lo, _)) = f.since.as_deref().and_then(day_range) {
        vals.push(V::from(lo));
        sql.push_str(&format!(" AND e.day_hi >= ${}", vals.len()));
    }
    if let Some((_, hi)) = f.until.as_deref().and_then(day_range) {
        vals.push(V::from(hi));
        sql.push_str(&format!(" AND e.day_lo <= ${}", vals.len()));
    }
    vals.push(V::from(limit(f.limit)));
    sql.push_str(&format!(
        " ORDER BY e.day_lo DESC, e.id DESC LIMIT ${}",
        vals.len()
    ));
    let ids: Vec<i64> = q(&sql, vals)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| get(r, 0))
        .collect::<Result<_, _>>()?;
    event_summaries(conn, &ids).await
}

/// Quotes chosen by a WHERE clause over `qu` (quotes) and `a` (articles).
async fn quotes_where(
    conn: &mut AnyConnection,
    clause: &str,
    mut vals: Vec<V>,
    n: usize,
) -> Result<Vec<QuoteSummary>, sqlx::Error> {
    vals.push(V::from(limit(n)));
    let sql = format!(
        "SELECT COALESCE(en.name, qu.speaker), qu.content, qu.kind, qu.denial, qu.claim_id, \
         qu.denies_claim_id, a.title, COALESCE(a.url, a.doc_key), a.published \
         FROM quotes qu JOIN articles a ON a.id = qu.article_id \
         LEFT JOIN entities en ON en.id = qu.speaker_id WHERE {clause} \
         ORDER BY qu.article_id DESC, qu.idx LIMIT ${}",
        vals.len()
    );
    let rows = q(&sql, vals).fetch_all(&mut *conn).await?;
    let mut out = Vec::new();
    let mut claims: Vec<i64> = Vec::new();
    let mut claim_of: Vec<Option<i64>> = Vec::new();
    let mut denied_of: Vec<Option<i64>> = Vec::new();
    for r in &rows {
        let claim: Option<i64> = get(r, 4)?;
        let denied: Option<i64> = get(r, 5)?;
        claims.extend(claim.iter().chain(denied.iter()));
        claim_of.push(claim);
        denied_of.push(denied);
        out.push(QuoteSummary {
            speaker: get(r, 0)?,
            content: get(r, 1)?,
            kind: get(r, 2)?,
            denial: get::<i64>(r, 3)? != 0,
            corroborating_sources: 0,
            corroborating_outlets: 0,
            denials: 0,
            denies: None,
            title: get(r, 6)?,
            article: get(r, 7)?,
            published: get(r, 8)?,
        });
    }
    claims.sort_unstable();
    claims.dedup();
    let mut support: HashMap<i64, (i64, i64)> = HashMap::new();
    let mut denials: HashMap<i64, i64> = HashMap::new();
    let mut texts: HashMap<i64, String> = HashMap::new();
    for chunk in claims.chunks(crate::db::MAX_PARAMS) {
        let ph = placeholders(1, chunk.len());
        for r in q(
            &format!(
                "SELECT claim_id, kind, COUNT(*) FROM claim_sources WHERE claim_id IN ({ph}) \
                 GROUP BY claim_id, kind"
            ),
            ints(chunk),
        )
        .fetch_all(&mut *conn)
        .await?
        {
            let entry = support.entry(get(&r, 0)?).or_insert((0, 0));
            let n: i64 = get(&r, 2)?;
            if get::<String>(&r, 1)? == "source" {
                entry.0 = n;
            } else {
                entry.1 = n;
            }
        }
        for r in q(
            &format!(
                "SELECT denies_claim_id, COUNT(*) FROM quotes WHERE denies_claim_id IN ({ph}) \
                 GROUP BY denies_claim_id"
            ),
            ints(chunk),
        )
        .fetch_all(&mut *conn)
        .await?
        {
            denials.insert(get(&r, 0)?, get(&r, 1)?);
        }
        for r in q(
            &format!("SELECT id, text FROM claims WHERE id IN ({ph})"),
            ints(chunk),
        )
        .fetch_all(&mut *conn)
        .await?
        {
            texts.insert(get(&r, 0)?, get(&r, 1)?);
        }
    }
    for ((s, claim), denied) in out.iter_mut().zip(claim_of).zip(denied_of) {
        if let Some(c) = claim {
            let (sources, outlets) = support.get(&c).copied().unwrap_or((0, 0));
            s.corroborating_sources = sources;
            s.corroborating_outlets = outlets;
            s.denials = denials.get(&c).copied().unwrap_or(0);
        }
        if let Some(d) = denied {
            s.denies = texts.get(&d).cloned();
            let (sources, outlets) = support.get(&d).copied().unwrap_or((0, 0));
            s.corroborating_sources = sources;
            s.corroborating_outlets = outlets;
            s.denials = denials.get(&d).copied().unwrap_or(0);
        }
    }
    Ok(out)
}

fn in_clause(template: &str, first: usize, ids: &[i64]) -> (String, Vec<V>) {
    if ids.is_empty() {
        return ("1 = 0".to_string(), Vec::new());
    }
    (
        template.replace("{}", &placeholders(first, ids.len())),
        ints(ids),
    )
}

async fn find_quotes(
    conn: &mut AnyConnection,
    f: &QuoteFilter,
) -> Result<Vec<QuoteSummary>, sqlx::Error> {
    let mut clauses: Vec<String> = vec!["1 = 1".into()];
    let mut vals: Vec<V> = Vec::new();
    if let Some(s) = &f.speaker {
        let ids = ids_named(conn, s).await?;
        let (c, v) = in_clause("qu.speaker_id IN ({})", vals.len() + 1, &ids);
        vals.extend(v);
        vals.push(V::from(s.to_lowercase()));
        clauses.push(format!("({c} OR LOWER(qu.speaker) = ${})", vals.len()));
    }
    if let Some(about) = &f.about {
        let ids = ids_named(conn, about).await?;
        let (c, v) = in_clause(
            "EXISTS (SELECT 1 FROM quote_about qa WHERE qa.article_id = qu.article_id \
             AND qa.quote_idx = qu.idx AND qa.entity_id IN ({}))",
            vals.len() + 1,
            &ids,
        );
        vals.extend(v);
        clauses.push(c);
    }
    quotes_where(conn, &clauses.join(" AND "), vals, f.limit).await
}

async fn find_relations(
    conn: &mut AnyConnection,
    f: &RelationFilter,
) -> Result<Vec<RelationSummary>, sqlx::Error> {
    let mut clauses: Vec<String> = vec!["1 = 1".into()];
    let mut vals: Vec<V> = Vec::new();
    if let Some(kind) = &f.kind {
        vals.push(V::from(kind.to_uppercase()));
        clauses.push(format!("r.type = ${}", vals.len()));
    }
    if let Some(actor) = &f.actor {
        let ids = ids_named(conn, actor).await?;
        let (c1, v1) = in_clause("r.source_id IN ({})", vals.len() + 1, &ids);
        vals.extend(v1);
        let (c2, v2) = in_clause("r.target_id IN ({})", vals.len() + 1, &ids);
        vals.extend(v2);
        clauses.push(format!("({c1} OR {c2})"));
    }
    relations_where(conn, &clauses.join(" AND "), vals, f.limit).await
}

async fn relations_where(
    conn: &mut AnyConnection,
    clause: &str,
    mut vals: Vec<V>,
    n: usize,
) -> Result<Vec<RelationSummary>, sqlx::Error> {
    vals.push(V::from(limit(n)));
    let sql = format!(
        "SELECT r.type, r.source_id, r.target_id, COUNT(DISTINCT r.article_id), MIN(r.evidence) \
         FROM relations r WHERE {clause} GROUP BY r.type, r.source_id, r.target_id \
         ORDER BY COUNT(DISTINCT r.article_id) DESC, r.type, r.source_id, r.target_id LIMIT ${}",
        vals.len()
    );
    let rows = q(&sql, vals).fetch_all(&mut *conn).await?;
    let mut ids: Vec<i64> = Vec::new();
    for r in &rows {
        ids.push(get(r, 1)?);
        ids.push(get(r, 2)?);
    }
    ids.sort_unstable();
    ids.dedup();
    let names = names_of(conn, &ids).await?;
    let name = |id: i64| names.get(&id).cloned().unwrap_or_default();
    rows.iter()
        .map(|r| {
            Ok(RelationSummary {
                kind: get(r, 0)?,
                source: name(get(r, 1)?),
                target: name(get(r, 2)?),
                num_articles: get(r, 3)?,
                evidence: get(r, 4)?,
            })
        })
        .collect()
}

/// Most rows of each list in a profile.
const PROFILE_ROWS: i64 = 25;

async fn profile(
    conn: &mut AnyConnection,
    name: &str,
) -> Result<Option<EntityProfile>, sqlx::Error> {
    let mut found = entities_named(conn, name).await?;
    if found.is_empty() {
        return Ok(None);
    }
    let chosen = found.remove(0);
    profile_of(conn, chosen.id, found).await
}

/// The profile of the entity with store id `id` (`None` when there is none); `others`: other
/// entities the asked name also matches.
pub(crate) async fn profile_of(
    conn: &mut AnyConnection,
    id: i64,
    others: Vec<Named>,
) -> Result<Option<EntityProfile>, sqlx::Error> {
    let Some(r) = q(
        "SELECT name, type, kb_id, codes FROM entities WHERE id = $1",
        vec![id.into()],
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let codes: Option<String> = get(&r, 3)?;
    let mut p = EntityProfile {
        id,
        name: get(&r, 0)?,
        kind: get(&r, 1)?,
        kb_id: get(&r, 2)?,
        codes: codes
            .and_then(|c| serde_json::from_str(&c).ok())
            .unwrap_or(Value::Null),
        aliases: Vec::new(),
        titles: Vec::new(),
        num_articles: 0,
        relations: Vec::new(),
        events_as_actor: Vec::new(),
        events_as_target: Vec::new(),
        said: Vec::new(),
        said_about: Vec::new(),
        articles: Vec::new(),
        others,
    };
    let r = q(
        "SELECT COUNT(DISTINCT article_id) FROM article_entities WHERE entity_id = $1",
        vec![id.into()],
    )
    .fetch_one(&mut *conn)
    .await?;
    p.num_articles = get(&r, 0)?;
    for r in q(
        "SELECT aliases, titles FROM article_entities WHERE entity_id = $1 \
         ORDER BY article_id DESC LIMIT 500",
        vec![id.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    {
        for (col, list) in [(0, &mut p.aliases), (1, &mut p.titles)] {
            let text: String = get(&r, col)?;
            if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&text) {
                for item in items {
                    if let Value::String(s) = item {
                        if !list.contains(&s) {
                            list.push(s);
                        }
                    }
                }
            }
        }
    }
    p.relations = relations_where(
        conn,
        "(r.source_id = $1 OR r.target_id = $2)",
        vec![id.into(), id.into()],
        PROFILE_ROWS as usize,
    )
    .await?;
    for role in ["source", "target"] {
        let ids: Vec<i64> = q(
            "SELECT e.id FROM event_entities x JOIN events e ON e.id = x.event_id \
             WHERE x.entity_id = $1 AND x.role = $2 ORDER BY e.day_lo DESC, e.id DESC LIMIT $3",
            vec![id.into(), role.into(), PROFILE_ROWS.into()],
        )
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| get(r, 0))
        .collect::<Result<_, _>>()?;
        let list = event_summaries(conn, &ids).await?;
        if role == "source" {
            p.events_as_actor = list;
        } else {
            p.events_as_target = list;
        }
    }
    p.said = quotes_where(
        conn,
        "qu.speaker_id = $1",
        vec![id.into()],
        PROFILE_ROWS as usize,
    )
    .await?;
    // The latest quotes about it, found through the (entity, article) index.
    let recent: Vec<(i64, i64)> = q(
        "SELECT article_id, quote_idx FROM quote_about WHERE entity_id = $1 \
         ORDER BY article_id DESC LIMIT $2",
        vec![id.into(), PROFILE_ROWS.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok((get(r, 0)?, get(r, 1)?)))
    .collect::<Result<_, sqlx::Error>>()?;
    if !recent.is_empty() {
        let clause = recent
            .iter()
            .enumerate()
            .map(|(i, _)| {
                format!(
                    "(qu.article_id = ${} AND qu.idx = ${})",
                    2 * i + 1,
                    2 * i + 2
                )
            })
            .collect::<Vec<_>>()
            .join(" OR ");
        let vals = recent
            .iter()
            .flat_map(|&(a, i)| [V::from(a), V::from(i)])
            .collect();
        p.said_about =
            quotes_where(conn, &format!("({clause})"), vals, PROFILE_ROWS as usize).await?;
    }
    for r in q(
        "SELECT a.title, COALESCE(a.url, a.doc_key), a.published FROM articles a \
         WHERE a.id IN (SELECT article_id FROM article_entities WHERE entity_id = $1 \
         ORDER BY article_id DESC LIMIT $2) ORDER BY a.id DESC",
        vec![id.into(), PROFILE_ROWS.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    {
        p.articles.push((get(&r, 0)?, get(&r, 1)?, get(&r, 2)?));
    }
    Ok(Some(p))
}

impl Store {
    pub(crate) async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, sqlx::Error> {
        self.db.pool.acquire().await
    }

    /// The profile of the entity `name` names (a name, an alias, a knowledge-base id), the
    /// most mentioned when several match; `None` when none does.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn entity(&self, name: &str) -> Result<Option<EntityProfile>, StoreError> {
        let run = async { profile(&mut *self.conn().await?, name).await };
        self.db
            .rt
            .block_on(run)
            .map_err(|e| self.db.err(&format!("querying entity {name:?}"), &e))
    }

    /// The profile of the entity with store id `id`; `None` when there is none.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn entity_by_id(&self, id: i64) -> Result<Option<EntityProfile>, StoreError> {
        let run = async { profile_of(&mut *self.conn().await?, id, Vec::new()).await };
        self.db
            .rt
            .block_on(run)
            .map_err(|e| self.db.err(&format!("querying entity {id}"), &e))
    }

    /// Events matching `filter`, latest first.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventSummary>, StoreError> {
        let run = async { find_events(&mut *self.conn().await?, filter).await };
        self.db
            .rt
            .block_on(run)
            .map_err(|e| self.db.err("querying events", &e))
    }

    /// Quotes matching `filter`, latest article first.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteSummary>, StoreError> {
        let run = async { find_quotes(&mut *self.conn().await?, filter).await };
        self.db
            .rt
            .block_on(run)
            .map_err(|e| self.db.err("querying quotes", &e))
    }

    /// Relations matching `filter`, most often stated first.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn relations(&self, filter: &RelationFilter) -> Result<Vec<RelationSummary>, StoreError> {
        let run = async { find_relations(&mut *self.conn().await?, filter).await };
        self.db
            .rt
            .block_on(run)
            .map_err(|e| self.db.err("querying relations", &e))
    }
}
