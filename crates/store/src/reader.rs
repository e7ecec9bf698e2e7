//! What the workbench reads: stored articles page by page, one article with its text and
//! every marked span, and entities found by part of a name.

use std::collections::HashMap;

use serde_json::{json, Value};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::db::q;
use crate::error::StoreError;
use crate::normal::norm_name;
use crate::Store;

/// One stored article in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleSummary {
    /// Store id.
    pub id: i64,
    /// Its identity across versions (URL, else document id).
    pub doc_key: String,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date as given.
    pub published: Option<String>,
    /// Words.
    pub words: i64,
    /// Entities, quotes, events and relations of the article.
    pub counts: [i64; 4],
}

impl ArticleSummary {
    /// As a JSON object.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id, "doc_id": self.doc_key, "title": self.title, "url": self.url,
            "outlet": self.outlet, "published": self.published, "words": self.words,
            "entities": self.counts[0], "quotes": self.counts[1], "events": self.counts[2],
            "relations": self.counts[3],
        })
    }
}

/// One stored article with its text and annotations, shaped like the extraction contract
/// (`text`, `meta`, `entities` with `mentions`, `quotes`, `events`, `relations`; code-point
/// spans as `{"start", "end"}`), where entity ids are store ids (as strings) and each
/// entity also carries its numeric `entity_id`.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleView {
    /// Store id.
    pub id: i64,
    /// Whether the text is stored (articles ingested before texts were kept have none).
    pub has_text: bool,
    /// The contract-shaped document.
    pub doc: Value,
}

/// An entity found by part of its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityMatch {
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
    /// "exact" (its name, an alias or its knowledge-base id), "prefix" or "partial".
    pub matched: &'static str,
}

impl EntityMatch {
    /// As a JSON object.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id, "name": self.name, "type": self.kind, "kb_id": self.kb_id,
            "num_articles": self.num_articles, "match": self.matched,
        })
    }
}

fn get<T>(row: &AnyRow, i: usize) -> Result<T, sqlx::Error>
where
    T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    row.try_get::<T, _>(i)
}

fn span(start: i64, end: i64) -> Value {
    json!({"start": start, "end": end})
}

async fn list_articles(
    conn: &mut AnyConnection,
    limit: i64,
    offset: i64,
) -> Result<(i64, Vec<ArticleSummary>), sqlx::Error> {
    let total: i64 = get(
        &q("SELECT COUNT(*) FROM articles", vec![])
            .fetch_one(&mut *conn)
            .await?,
        0,
    )?;
    let rows = q(
        "SELECT a.id, a.doc_key, a.title, a.url, a.outlet, a.published, a.words, \
         (SELECT COUNT(*) FROM article_entities x WHERE x.article_id = a.id), \
         (SELECT COUNT(*) FROM quotes x WHERE x.article_id = a.id), \
         (SELECT COUNT(*) FROM event_mentions x WHERE x.article_id = a.id), \
         (SELECT COUNT(*) FROM relations x WHERE x.article_id = a.id) \
         FROM articles a ORDER BY a.id DESC LIMIT $1 OFFSET $2",
        vec![limit.into(), offset.into()],
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(ArticleSummary {
            id: get(&r, 0)?,
            doc_key: get(&r, 1)?,
            title: get(&r, 2)?,
            url: get(&r, 3)?,
            outlet: get(&r, 4)?,
            published: get(&r, 5)?,
            words: get(&r, 6)?,
            counts: [get(&r, 7)?, get(&r, 8)?, get(&r, 9)?, get(&r, 10)?],
        });
    }
    Ok((total, out))
}

/// Entities of the article by index: their contract objects, mentions still empty.
async fn article_entities(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Vec<(i64, Value)>, sqlx::Error> {
    let rows = q(
        "SELECT ae.idx, ae.entity_id, ae.name, e.type, e.kb_id, e.codes, ae.titles \
         FROM article_entities ae JOIN entities e ON e.id = ae.entity_id \
         WHERE ae.article_id = $1 ORDER BY ae.idx",
        vec![id.into()],
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let entity: i64 = get(&r, 1)?;
        let kb: Option<String> = get(&r, 4)?;
        let codes: Option<String> = get(&r, 5)?;
        let titles: String = get(&r, 6)?;
        let kb = kb.map(|k| {
            let codes = codes
                .and_then(|c| serde_json::from_str::<Value>(&c).ok())
                .unwrap_or_else(|| json!({}));
            json!({"id": k, "codes": codes})
        });
        out.push((
            get(&r, 0)?,
            json!({
                "id": entity.to_string(), "entity_id": entity, "name": get::<String>(&r, 2)?,
                "type": get::<String>(&r, 3)?, "kb": kb,
                "titles": serde_json::from_str::<Value>(&titles).unwrap_or_else(|_| json!([])),
                "mentions": [],
            }),
        ));
    }
    Ok(out)
}

async fn view(conn: &mut AnyConnection, id: i64) -> Result<Option<ArticleView>, sqlx::Error> {
    let Some(a) = q(
        "SELECT a.doc_key, a.title, a.url, a.outlet, a.published, a.language, a.words, t.text \
         FROM articles a LEFT JOIN article_texts t ON t.article_id = a.id WHERE a.id = $1",
        vec![id.into()],
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let text: Option<String> = get(&a, 7)?;

    let mut entities = article_entities(conn, id).await?;
    let by_idx: HashMap<i64, usize> = entities
        .iter()
        .enumerate()
        .map(|(i, (idx, _))| (*idx, i))
        .collect();
    // Spans by layer and item.
    let mut speakers: HashMap<i64, Value> = HashMap::new();
    let mut cues: HashMap<i64, Value> = HashMap::new();
    let mut evidence: HashMap<i64, Value> = HashMap::new();
    for r in q(
        "SELECT layer, item, start_cp, end_cp FROM article_spans WHERE article_id = $1 \
         ORDER BY pos",
        vec![id.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let layer: String = get(&r, 0)?;
        let item: i64 = get(&r, 1)?;
        let s = span(get(&r, 2)?, get(&r, 3)?);
        match layer.as_str() {
            "mention" => {
                if let Some(Value::Array(m)) = by_idx
                    .get(&item)
                    .and_then(|&i| entities.get_mut(i))
                    .and_then(|e| e.1.get_mut("mentions"))
                {
                    m.push(s);
                }
            }
            "speaker" => {
                speakers.insert(item, s);
            }
            "cue" => {
                cues.insert(item, s);
            }
            "relation" => {
                evidence.insert(item, s);
            }
            _ => {}
        }
    }

    let mut quotes = Vec::new();
    for r in q(
        "SELECT idx, kind, content, content_start, content_end, cue, speaker_id, speaker \
         FROM quotes WHERE article_id = $1 ORDER BY idx",
        vec![id.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let idx: i64 = get(&r, 0)?;
        let mut source = speakers.remove(&idx).unwrap_or_else(|| json!({}));
        source["text"] = json!(get::<Option<String>>(&r, 7)?);
        source["entity"] = json!(get::<Option<i64>>(&r, 6)?.map(|e| e.to_string()));
        let mut cue = cues.remove(&idx).unwrap_or_else(|| json!({}));
        cue["text"] = json!(get::<Option<String>>(&r, 5)?);
        let mut content = span(get(&r, 3)?, get(&r, 4)?);
        content["text"] = json!(get::<String>(&r, 2)?);
        quotes.push(json!({
            "kind": get::<String>(&r, 1)?, "content": content, "source": source, "cue": cue,
        }));
    }

    let mut actors: HashMap<(i64, String), Vec<Value>> = HashMap::new();
    for r in q(
        "SELECT event_idx, role, entity_id, phrase FROM event_actors WHERE article_id = $1 \
         ORDER BY event_idx, role, pos",
        vec![id.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let who = match get::<Option<i64>>(&r, 2)? {
            Some(e) => e.to_string(),
            None => get::<Option<String>>(&r, 3)?.unwrap_or_default(),
        };
        actors
            .entry((get(&r, 0)?, get(&r, 1)?))
            .or_default()
            .push(json!(who));
    }
    let mut events = Vec::new();
    for r in q(
        "SELECT idx, event_id, type, date, trigger_text, trigger_start, trigger_end, modality, \
         negated FROM event_mentions WHERE article_id = $1 ORDER BY idx",
        vec![id.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let idx: i64 = get(&r, 0)?;
        let mut trigger = span(get(&r, 5)?, get(&r, 6)?);
        trigger["text"] = json!(get::<String>(&r, 4)?);
        let mut role = |name: &str| actors.remove(&(idx, name.to_string())).unwrap_or_default();
        let (source, target) = (role("source"), role("target"));
        events.push(json!({
            "event_id": get::<i64>(&r, 1)?, "type": get::<String>(&r, 2)?,
            "date": get::<Option<String>>(&r, 3)?, "trigger": trigger,
            "modality": get::<String>(&r, 7)?, "negated": get::<i64>(&r, 8)? != 0,
            "source": source, "target": target,
        }));
    }

    let mut relations = Vec::new();
    for r in q(
        "SELECT idx, type, source_id, target_id, evidence FROM relations WHERE article_id = $1 \
         ORDER BY idx",
        vec![id.into()],
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let idx: i64 = get(&r, 0)?;
        let mut ev = evidence.remove(&idx).unwrap_or_else(|| json!({}));
        ev["text"] = json!(get::<String>(&r, 4)?);
        relations.push(json!({
            "type": get::<String>(&r, 1)?, "source": get::<i64>(&r, 2)?.to_string(),
            "target": get::<i64>(&r, 3)?.to_string(), "evidence": ev,
        }));
    }

    let doc = json!({
        "id": get::<String>(&a, 0)?, "article_id": id,
        "text": text.as_deref().unwrap_or(""),
        "meta": {
            "title": get::<Option<String>>(&a, 1)?, "source_url": get::<Option<String>>(&a, 2)?,
            "outlet": get::<Option<String>>(&a, 3)?, "published": get::<Option<String>>(&a, 4)?,
            "language": get::<Option<String>>(&a, 5)?, "words": get::<i64>(&a, 6)?,
        },
        "entities": entities.into_iter().map(|(_, e)| e).collect::<Vec<_>>(),
        "quotes": quotes, "events": events, "relations": relations,
    });
    Ok(Some(ArticleView {
        id,
        has_text: text.is_some(),
        doc,
    }))
}

async fn search(
    conn: &mut AnyConnection,
    query: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<EntityMatch>, sqlx::Error> {
    let norm = norm_name(query);
    let raw = query.trim();
    if norm.is_empty() && raw.is_empty() {
        return Ok(Vec::new());
    }
    // `norm` holds only lower-case letters, digits and single spaces: nothing LIKE treats
    // specially. An empty `norm` (a query of punctuation) matches by knowledge-base id only.
    let (prefix, inside) = if norm.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("{norm}%"), format!("%{norm}%"))
    };
    let rows = q(
        "SELECT e.id, e.name, e.type, e.kb_id, \
         (SELECT COUNT(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS n, \
         CASE WHEN e.norm = $1 OR e.kb_id = $2 \
              OR e.id IN (SELECT entity_id FROM entity_names WHERE norm = $3) THEN 0 \
              WHEN e.norm LIKE $4 THEN 1 ELSE 2 END AS tier \
         FROM entities e \
         WHERE e.kb_id = $5 OR e.norm LIKE $6 \
         OR e.id IN (SELECT entity_id FROM entity_names WHERE norm LIKE $7) \
         ORDER BY tier, n DESC, e.id LIMIT $8 OFFSET $9",
        vec![
            norm.as_str().into(),
            raw.into(),
            norm.as_str().into(),
            prefix.as_str().into(),
            raw.into(),
            inside.as_str().into(),
            inside.as_str().into(),
            limit.into(),
            offset.into(),
        ],
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(EntityMatch {
            id: get(&r, 0)?,
            name: get(&r, 1)?,
            kind: get(&r, 2)?,
            kb_id: get(&r, 3)?,
            num_articles: get(&r, 4)?,
            matched: match get::<i64>(&r, 5)? {
                0 => "exact",
                1 => "prefix",
                _ => "partial",
            },
        });
    }
    Ok(out)
}

fn clamp(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Store {
    /// Stored articles, newest first: the total and the page of `limit` after `offset`.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn articles(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<(i64, Vec<ArticleSummary>), StoreError> {
        let run =
            async { list_articles(&mut *self.conn().await?, clamp(limit), clamp(offset)).await };
        self.db
            .rt
            .block_on(run)
            .map_err(|e| self.db.err("listing articles", &e))
    }

    /// The store id of the article whose text has SHA-256 `content_hash` (see
    /// [`crate::content_hash`]); `None` when none is stored.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn article_id(&self, content_hash: &str) -> Result<Option<i64>, StoreError> {
        let run = async {
            let row = q(
                "SELECT id FROM articles WHERE content_hash = $1",
                vec![content_hash.into()],
            )
            .fetch_optional(&mut *self.conn().await?)
            .await?;
            row.map(|r| get::<i64>(&r, 0)).transpose()
        };
        self.db
            .rt
            .block_on(run)
            .map_err(|e| self.db.err("finding an article", &e))
    }

    /// The stored article `id` with its text and every annotation; `None` when there is none.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn article(&self, id: i64) -> Result<Option<ArticleView>, StoreError> {
        let run = async { view(&mut *self.conn().await?, id).await };
        self.db
            .rt
            .block_on(run)
            .map_err(|e| self.db.err(&format!("reading article {id}"), &e))
    }

    /// Entities whose name or an alias contains `query` (any case, punctuation aside), or
    /// whose knowledge-base id is `query`: exact matches first, then names starting with it,
    /// then the rest, each by articles mentioning them.
    ///
    /// # Errors
    /// [`StoreError`] naming the database.
    pub fn search_entities(
        &self,
        query: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<EntityMatch>, StoreError> {
        let run =
            async { search(&mut *self.conn().await?, query, clamp(limit), clamp(offset)).await };
        self.db.rt.block_on(run).map_err(|e| {
            self.db
                .err(&format!("searching entities for {query:?}"), &e)
        })
    }
}
