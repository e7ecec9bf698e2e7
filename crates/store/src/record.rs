//! What the store keeps of one extracted article, prepared on the extraction threads so that
//! the single writer only talks to the database.

use newsgraph_doc::{Actor, ByteSpan, Doc, EntityId, MentionKind};
use sha2::{Digest, Sha256};

use crate::normal::{claim_key, claim_words, entity_key, norm_name};

/// One article, ready to store: its metadata and its layers with text copied out of spans.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleRecord {
    /// The article's identity across versions: its URL, else its id.
    pub doc_key: String,
    /// SHA-256 of the text, hex: an unchanged article is skipped on re-ingest.
    pub content_hash: String,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Outlet or agency.
    pub outlet: Option<String>,
    /// Publication date as given.
    pub published: Option<String>,
    /// Detected language.
    pub language: Option<String>,
    /// Where it was read from.
    pub input: Option<String>,
    /// Whitespace-separated words of the text.
    pub words: i64,
    /// Its entities, in entity-layer order.
    pub entities: Vec<EntityRecord>,
    /// Its attributed claims, in quote-layer order.
    pub quotes: Vec<QuoteRecord>,
    /// Its events, in event-layer order.
    pub events: Vec<EventRecord>,
    /// Its relations.
    pub relations: Vec<RelationRecord>,
    /// The text (what the reader shows; spans index it in code points).
    pub text: String,
    /// The spans the reader marks that the layers above do not carry.
    pub spans: Vec<SpanRecord>,
}

/// One marked span of an article's text, in code points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanRecord {
    /// "mention" (item: entity index), "speaker" or "cue" (item: quote index), "relation"
    /// (item: relation index; the evidence).
    pub layer: &'static str,
    /// Index of the entity, quote or relation in this record.
    pub item: usize,
    /// First code point.
    pub start: i64,
    /// Code point after the last.
    pub end: i64,
}

/// An entity of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRecord {
    /// The cross-article key (knowledge-base id, else type and normalised name).
    pub key: String,
    /// Canonical name in this article.
    pub name: String,
    /// Normalised name.
    pub norm: String,
    /// Contract type ("PERSON").
    pub kind: &'static str,
    /// Knowledge-base id.
    pub kb_id: Option<String>,
    /// Knowledge-base codes as a JSON object (`{"cameo":"IRNGOV"}`).
    pub codes: Option<String>,
    /// Every distinct name form the article uses for it.
    pub aliases: Vec<String>,
    /// Titles and roles seen with it.
    pub titles: Vec<String>,
    /// How many mentions it has.
    pub mentions: i64,
    /// The first mention, in code points.
    pub first: Option<(i64, i64)>,
}

/// An attributed claim of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteRecord {
    /// "direct", "indirect" or "mixed".
    pub kind: &'static str,
    /// What was said.
    pub content: String,
    /// Where, in code points.
    pub span: (i64, i64),
    /// The reporting verb.
    pub cue: Option<String>,
    /// The speaker's entity (index into the article's entities).
    pub speaker_entity: Option<usize>,
    /// The speaker as written.
    pub speaker: Option<String>,
    /// An unnamed source.
    pub anonymous: bool,
    /// Negated cue.
    pub negated: bool,
    /// A denial.
    pub denial: bool,
    /// The outlet it was told to, as written.
    pub outlet: Option<String>,
    /// Entities mentioned inside the claim (other than the speaker).
    pub about: Vec<usize>,
    /// The claim's content words (see [`crate::normal::claim_words`]).
    pub words: Vec<String>,
    /// The claim's fingerprint.
    pub claim_key: String,
}

/// An event participant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorRecord {
    /// An entity of the article (index).
    Entity(usize),
    /// A descriptor phrase.
    Phrase(String),
}

/// An event of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRecord {
    /// PLOVER type.
    pub kind: &'static str,
    /// PLOVER mode.
    pub mode: Option<&'static str>,
    /// Who acted.
    pub source: Vec<ActorRecord>,
    /// Who was acted on.
    pub target: Vec<ActorRecord>,
    /// Where (entity index).
    pub place: Option<usize>,
    /// When, ISO 8601 at the text's precision.
    pub date: Option<String>,
    /// The words the date was read from.
    pub date_text: Option<String>,
    /// Killed.
    pub fatalities: Option<i64>,
    /// Injured.
    pub injured: Option<i64>,
    /// The trigger's words.
    pub trigger: String,
    /// The trigger, in code points.
    pub trigger_span: (i64, i64),
    /// Every reporting span as `[start, end, text]`, JSON.
    pub evidence: String,
    /// Said not to have happened.
    pub negated: bool,
    /// "asserted", "reported", …
    pub modality: &'static str,
    /// The quote that reports it (index into the article's quotes).
    pub attributed_to: Option<usize>,
}

/// A relation of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationRecord {
    /// "LEADS", …
    pub kind: &'static str,
    /// First entity (index).
    pub source: usize,
    /// Second entity (index).
    pub target: usize,
    /// The words that state it.
    pub evidence: String,
}

/// Text safe for every database: PostgreSQL refuses NUL in text.
fn clean(s: &str) -> String {
    if s.contains('\0') {
        s.replace('\0', "\u{FFFD}")
    } else {
        s.to_string()
    }
}

fn clean_opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(clean)
}

impl ArticleRecord {
    /// What the store keeps of an extracted document.
    pub fn from_doc(doc: &Doc) -> Self {
        let text = |span: ByteSpan| clean(doc.slice(span));
        let chars = |span: ByteSpan| {
            let c = doc.offsets().char_span(span);
            (c.start() as i64, c.end() as i64)
        };
        let entity_count = doc.entities.as_ref().map_or(0, Vec::len);
        let ent = |id: EntityId| (id.index() < entity_count).then_some(id.index());

        let entities: Vec<EntityRecord> = doc
            .entities
            .iter()
            .flatten()
            .map(|e| {
                let norm = norm_name(&e.name);
                let kind = e.kind.as_str();
                let kb_id = e.kb.as_ref().map(|k| clean(&k.id));
                let codes = e.kb.as_ref().filter(|k| !k.codes.is_empty()).map(|k| {
                    let map: serde_json::Map<String, serde_json::Value> = k
                        .codes
                        .iter()
                        .map(|(s, c)| (s.clone(), serde_json::Value::String(c.clone())))
                        .collect();
                    serde_json::Value::Object(map).to_string()
                });
                let mut aliases: Vec<String> = vec![clean(&e.name)];
                for m in &e.mentions {
                    if m.kind == MentionKind::Name {
                        let a = text(m.span);
                        if !a.is_empty() && !aliases.contains(&a) {
                            aliases.push(a);
                        }
                    }
                }
                EntityRecord {
                    key: entity_key(kb_id.as_deref(), kind, &norm),
                    name: clean(&e.name),
                    norm,
                    kind,
                    kb_id,
                    codes,
                    aliases,
                    titles: e.titles.iter().map(|t| clean(t)).collect(),
                    mentions: e.mentions.len() as i64,
                    first: e.mentions.first().map(|m| chars(m.span)),
                }
            })
            .collect();

        let quotes = doc
            .quotes
            .iter()
            .flatten()
            .map(|q| {
                let content = text(q.content);
                let speaker_entity = q.source.party.entity.and_then(ent);
                let mut about: Vec<usize> = Vec::new();
                for (i, e) in doc.entities.iter().flatten().enumerate() {
                    if Some(i) != speaker_entity
                        && e.mentions.iter().any(|m| q.content.contains(m.span))
                    {
                        about.push(i);
                    }
                }
                let words = claim_words(&content);
                QuoteRecord {
                    kind: q.kind.as_str(),
                    span: chars(q.content),
                    cue: q.cue.map(text),
                    speaker_entity,
                    speaker: q.source.party.span.map(text),
                    anonymous: q.source.anonymous,
                    negated: q.negated,
                    denial: q.denial,
                    outlet: q.outlet.as_ref().and_then(|p| p.span).map(text),
                    about,
                    claim_key: claim_key(&words),
                    words,
                    content,
                }
            })
            .collect();

        let actor = |a: &Actor| match a {
            Actor::Entity(id) => ent(*id).map(ActorRecord::Entity),
            Actor::Phrase(span) => Some(ActorRecord::Phrase(text(*span))),
        };
        let events = doc
            .events
            .iter()
            .flatten()
            .map(|ev| {
                let evidence: Vec<serde_json::Value> = ev
                    .evidence
                    .iter()
                    .map(|s| {
                        let (a, b) = chars(*s);
                        serde_json::json!([a, b, text(*s)])
                    })
                    .collect();
                EventRecord {
                    kind: ev.kind.as_str(),
                    mode: ev.mode,
                    source: ev.source.iter().filter_map(actor).collect(),
                    target: ev.target.iter().filter_map(actor).collect(),
                    place: ev.location.and_then(ent),
                    date: ev.date.as_deref().map(clean),
                    date_text: ev.date_text.map(text),
                    fatalities: ev.fatalities.map(i64::from),
                    injured: ev.injured.map(i64::from),
                    trigger: text(ev.trigger),
                    trigger_span: chars(ev.trigger),
                    evidence: serde_json::Value::Array(evidence).to_string(),
                    negated: ev.negated,
                    modality: ev.modality.as_str(),
                    attributed_to: ev
                        .attributed_to
                        .map(|q| q.index())
                        .filter(|&q| q < doc.quotes.as_ref().map_or(0, Vec::len)),
                }
            })
            .collect();

        let mut spans: Vec<SpanRecord> = Vec::new();
        let mut span = |layer: &'static str, item: usize, s: ByteSpan| {
            let (start, end) = chars(s);
            spans.push(SpanRecord {
                layer,
                item,
                start,
                end,
            });
        };
        for (i, e) in doc.entities.iter().flatten().enumerate() {
            for m in &e.mentions {
                span("mention", i, m.span);
            }
        }
        for (i, q) in doc.quotes.iter().flatten().enumerate() {
            if let Some(s) = q.source.party.span {
                span("speaker", i, s);
            }
            if let Some(s) = q.cue {
                span("cue", i, s);
            }
        }
        let mut relations = Vec::new();
        for r in doc.relations.iter().flatten() {
            let (Some(source), Some(target)) = (ent(r.source), ent(r.target)) else {
                continue;
            };
            span("relation", relations.len(), r.evidence);
            relations.push(RelationRecord {
                kind: r.kind.as_str(),
                source,
                target,
                evidence: text(r.evidence),
            });
        }

        let meta = &doc.meta;
        let doc_key = clean(meta.source_url.as_deref().unwrap_or(doc.id()));
        Self {
            doc_key,
            content_hash: content_hash(doc.text()),
            title: clean_opt(&meta.title),
            url: clean_opt(&meta.source_url),
            outlet: clean_opt(&meta.outlet),
            published: clean_opt(&meta.published),
            language: clean_opt(&meta.language),
            input: clean_opt(&meta.input),
            words: doc.word_count() as i64,
            entities,
            quotes,
            events,
            relations,
            text: clean(doc.text()),
            spans,
        }
    }
}

/// SHA-256 of an article's text, as lower-case hex.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    s
}
