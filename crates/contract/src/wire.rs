//! The serialisable mirror of the document: converted by hand, so that the wire format changes
//! only when this file does.

use newsgraph_doc::{ByteSpan, Doc, PublishedSource};
use serde::Serialize;

use crate::Options;

/// The schema name written in every extraction.
pub const SCHEMA: &str = "newsgraph/1";

#[derive(Serialize)]
pub(crate) struct Extraction<'d> {
    schema: &'static str,
    id: &'d str,
    meta: MetaOut<'d>,
    text: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<Offsets>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<EntityOut<'d>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quotes: Option<Vec<QuoteOut<'d>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<Vec<EventOut<'d>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relations: Option<Vec<RelationOut<'d>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    regions: Option<Vec<RegionOut<'d>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quotations: Option<QuotationsOut<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<Vec<DiagnosticOut<'d>>>,
}

#[derive(Serialize)]
struct MetaOut<'d> {
    title: Option<&'d str>,
    byline: Option<&'d str>,
    dateline: Option<&'d str>,
    published: Option<&'d str>,
    outlet: Option<&'d str>,
    source_url: Option<&'d str>,
    language: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_source: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'d str>,
}

#[derive(Serialize)]
struct EntityOut<'d> {
    id: String,
    name: &'d str,
    #[serde(rename = "type")]
    kind: &'static str,
    kb: Option<KbOut<'d>>,
    titles: &'d [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    affiliations: Vec<String>,
    mentions: Vec<MentionOut<'d>>,
}

#[derive(Serialize)]
struct KbOut<'d> {
    id: &'d str,
    codes: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct MentionOut<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    kind: &'static str,
}

#[derive(Serialize)]
struct QuoteOut<'d> {
    id: String,
    kind: &'static str,
    content: TextSpan<'d>,
    cue: Option<TextSpan<'d>>,
    source: SourceOut<'d>,
    addressee: Option<PartyOut<'d>>,
    outlet: Option<PartyOut<'d>>,
    parent: Option<String>,
    negated: bool,
    denial: bool,
}

#[derive(Serialize)]
struct SourceOut<'d> {
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    text: Option<&'d str>,
    entity: Option<String>,
    count: Option<u32>,
    anonymous: bool,
    affiliations: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    anonymity_reason: Option<TextSpan<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<TextSpan<'d>>,
}

#[derive(Serialize)]
struct PartyOut<'d> {
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    text: Option<&'d str>,
    entity: Option<String>,
}

#[derive(Serialize)]
struct EventOut<'d> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    mode: Option<&'static str>,
    source: Vec<ActorOut<'d>>,
    target: Vec<ActorOut<'d>>,
    location: Option<String>,
    date: Option<&'d str>,
    date_text: Option<&'d str>,
    fatalities: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    injured: Option<u32>,
    trigger: TextSpan<'d>,
    evidence: Vec<TextSpan<'d>>,
    negated: bool,
    modality: &'static str,
    attributed_to: Option<String>,
}

/// An event actor: an entity id ("e3"), or a descriptor phrase as a located text span.
#[derive(Serialize)]
#[serde(untagged)]
enum ActorOut<'d> {
    Entity(String),
    Phrase(TextSpan<'d>),
}

#[derive(Serialize)]
struct RelationOut<'d> {
    #[serde(rename = "type")]
    kind: &'static str,
    source: String,
    target: String,
    evidence: TextSpan<'d>,
}

/// The contract's id of the quote at `index`: `q1` for the first.
pub(crate) fn quote_id(index: usize) -> String {
    format!("q{}", index + 1)
}

/// The contract's id of the entity at `index`: `e1` for the first.
pub(crate) fn entity_id(index: usize) -> String {
    format!("e{}", index + 1)
}

#[derive(Serialize)]
struct Offsets {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct TextSpan<'d> {
    start: usize,
    end: usize,
    text: &'d str,
}

#[derive(Serialize)]
struct RegionOut<'d> {
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'d str,
}

#[derive(Serialize)]
struct TokenOut {
    start: usize,
    end: usize,
    kind: &'static str,
}

#[derive(Serialize)]
struct QuotationsOut<'d> {
    pairs: Vec<PairOut<'d>>,
    unpaired: Vec<UnpairedOut>,
}

#[derive(Serialize)]
struct PairOut<'d> {
    open: Offsets,
    close: Offsets,
    content: TextSpan<'d>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reopenings: Vec<Offsets>,
}

#[derive(Serialize)]
struct UnpairedOut {
    start: usize,
    end: usize,
    side: &'static str,
}

#[derive(Serialize)]
struct DiagnosticOut<'d> {
    stage: &'static str,
    severity: &'static str,
    message: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
}

impl<'d> Extraction<'d> {
    pub(crate) fn new(doc: &'d Doc, options: &Options) -> Self {
        let ix = doc.offsets();
        let offsets = |s: ByteSpan| {
            let c = ix.char_span(s);
            Offsets {
                start: c.start(),
                end: c.end(),
            }
        };
        let text_span = |s: ByteSpan| {
            let c = ix.char_span(s);
            TextSpan {
                start: c.start(),
                end: c.end(),
                text: doc.slice(s),
            }
        };
        let m = &doc.meta;
        let meta = MetaOut {
            title: m.title.as_deref(),
            byline: m.byline.as_deref(),
            dateline: m.dateline.as_deref(),
            published: m.published.as_deref(),
            outlet: m.outlet.as_deref(),
            source_url: m.source_url.as_deref(),
            language: m.language.as_deref(),
            published_source: match m.published_source {
                PublishedSource::Unknown => None,
                other => Some(other.as_str()),
            },
            input: m.input.as_deref(),
        };
        Extraction {
            schema: SCHEMA,
            id: doc.id(),
            meta,
            text: doc.text(),
            sentences: doc
                .sentences
                .as_ref()
                .map(|ss| ss.iter().map(|s| offsets(s.span)).collect()),
            entities: doc.entities.as_ref().map(|es| {
                es.iter()
                    .enumerate()
                    .map(|(i, e)| EntityOut {
                        id: entity_id(i),
                        name: &e.name,
                        kind: e.kind.as_str(),
                        kb: e.kb.as_ref().map(|k| KbOut {
                            id: &k.id,
                            codes: k
                                .codes
                                .iter()
                                .map(|(scheme, code)| {
                                    (scheme.clone(), serde_json::Value::String(code.clone()))
                                })
                                .collect(),
                        }),
                        titles: &e.titles,
                        affiliations: e
                            .affiliations
                            .iter()
                            .map(|a| entity_id(a.index()))
                            .collect(),
                        mentions: e
                            .mentions
                            .iter()
                            .map(|m| {
                                let t = text_span(m.span);
                                MentionOut {
                                    start: t.start,
                                    end: t.end,
                                    text: t.text,
                                    kind: m.kind.as_str(),
                                }
                            })
                            .collect(),
                    })
                    .collect()
            }),
            quotes: doc.quotes.as_ref().map(|qs| {
                let party = |p: &newsgraph_doc::Party| {
                    let t = p.span.map(text_span);
                    PartyOut {
                        start: t.as_ref().map(|t| t.start),
                        end: t.as_ref().map(|t| t.end),
                        text: t.map(|t| t.text),
                        entity: p.entity.map(|e| entity_id(e.index())),
                    }
                };
                qs.iter()
                    .enumerate()
                    .map(|(i, q)| {
                        let p = party(&q.source.party);
                        QuoteOut {
                            id: quote_id(i),
                            kind: q.kind.as_str(),
                            content: text_span(q.content),
                            cue: q.cue.map(text_span),
                            source: SourceOut {
                                start: p.start,
                                end: p.end,
                                text: p.text,
                                entity: p.entity,
                                count: q.source.count,
                                anonymous: q.source.anonymous,
                                affiliations: q
                                    .source
                                    .affiliations
                                    .iter()
                                    .map(|a| entity_id(a.index()))
                                    .collect(),
                                anonymity_reason: q.source.anonymity_reason.map(text_span),
                                basis: q.source.basis.map(text_span),
                            },
                            addressee: q.addressee.as_ref().map(party),
                            outlet: q.outlet.as_ref().map(party),
                            parent: q.parent.map(|p| quote_id(p.index())),
                            negated: q.negated,
                            denial: q.denial,
                        }
                    })
                    .collect()
            }),
            events: doc.events.as_ref().map(|es| {
                let ids = |v: &[newsgraph_doc::Actor]| {
                    v.iter()
                        .map(|a| match a {
                            newsgraph_doc::Actor::Entity(e) => {
                                ActorOut::Entity(entity_id(e.index()))
                            }
                            newsgraph_doc::Actor::Phrase(s) => ActorOut::Phrase(text_span(*s)),
                        })
                        .collect::<Vec<_>>()
                };
                es.iter()
                    .enumerate()
                    .map(|(i, e)| EventOut {
                        id: format!("v{}", i + 1),
                        kind: e.kind.as_str(),
                        mode: e.mode,
                        source: ids(&e.source),
                        target: ids(&e.target),
                        location: e.location.map(|l| entity_id(l.index())),
                        date: e.date.as_deref(),
                        date_text: e.date_text.map(|s| doc.slice(s)),
                        fatalities: e.fatalities,
                        injured: e.injured,
                        trigger: text_span(e.trigger),
                        evidence: e.evidence.iter().map(|s| text_span(*s)).collect(),
                        negated: e.negated,
                        modality: e.modality.as_str(),
                        attributed_to: e.attributed_to.map(|q| quote_id(q.index())),
                    })
                    .collect()
            }),
            relations: doc.relations.as_ref().map(|rs| {
                rs.iter()
                    .map(|r| RelationOut {
                        kind: r.kind.as_str(),
                        source: entity_id(r.source.index()),
                        target: entity_id(r.target.index()),
                        evidence: text_span(r.evidence),
                    })
                    .collect()
            }),
            regions: doc.regions.as_ref().filter(|_| options.regions).map(|rs| {
                rs.iter()
                    .map(|r| {
                        let t = text_span(r.span);
                        RegionOut {
                            kind: r.kind.as_str(),
                            start: t.start,
                            end: t.end,
                            text: t.text,
                        }
                    })
                    .collect()
            }),
            tokens: doc.tokens.as_ref().filter(|_| options.tokens).map(|ts| {
                ts.iter()
                    .map(|t| {
                        let o = offsets(t.span);
                        TokenOut {
                            start: o.start,
                            end: o.end,
                            kind: t.kind.as_str(),
                        }
                    })
                    .collect()
            }),
            quotations: doc
                .quotations
                .as_ref()
                .filter(|_| options.quotations)
                .map(|q| QuotationsOut {
                    pairs: q
                        .pairs
                        .iter()
                        .map(|p| PairOut {
                            open: offsets(p.open),
                            close: offsets(p.close),
                            content: text_span(p.content),
                            reopenings: p.reopenings.iter().map(|r| offsets(*r)).collect(),
                        })
                        .collect(),
                    unpaired: q
                        .unpaired
                        .iter()
                        .map(|u| {
                            let o = offsets(u.mark);
                            UnpairedOut {
                                start: o.start,
                                end: o.end,
                                side: u.side.as_str(),
                            }
                        })
                        .collect(),
                }),
            diagnostics: options.diagnostics.then(|| {
                doc.diagnostics
                    .iter()
                    .map(|d| {
                        let o = d.span.map(offsets);
                        DiagnosticOut {
                            stage: d.stage,
                            severity: match d.severity {
                                newsgraph_doc::Severity::Note => "note",
                                newsgraph_doc::Severity::Warning => "warning",
                            },
                            message: &d.message,
                            start: o.as_ref().map(|o| o.start),
                            end: o.as_ref().map(|o| o.end),
                        }
                    })
                    .collect()
            }),
        }
    }
}
