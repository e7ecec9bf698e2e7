//! The newsgraph attribution stage: who said what, to whom, and according to whom.
//!
//! [`AttributionStage`] (stage name `quotes`) reads a document's sentences, tokens and
//! quotation-mark pairs, and the entity layer when an earlier stage filled it, and fills
//! `doc.quotes` with one [`Quote`] per attributed claim:
//!
//! - **direct** quotes (a quotation pair with its cue: `“…,” she said`, `He said: “…”`), split
//!   quotes (`“A,” she said, “B.”` gives two), quotations over several paragraphs, and
//!   **floating** quotes (a quotation alone in its sentence, spoken by the source of the
//!   attribution just before it; `cue` is `None`);
//! - **indirect** speech (`X said [that] …`, `…, X said.`, `…, said X.`, `according to X`,
//!   `…, saying …`, `… and warned that …`, `…, urging X and warning that …`) and **mixed** quotes (reported speech with quoted
//!   fragments);
//! - for each source: the span as written, the entity it resolves to through the entity
//!   layer's mentions (pronouns and titles included), whether it is anonymous, how many people
//!   it stands for, its affiliations, and the reason and basis of its anonymity;
//! - addressee (`told Ismail Haniyeh`), outlet (`told Reuters`), negation (`did not say`),
//!   denial (`denied that`), and `parent` when one attribution reports another.
//!
//! # How
//!
//! The text is read in *units*: sentences, joined where a quotation runs across them. In each
//! unit every cue word outside quotation marks (a lexicon of reporting verbs and "according
//! to") is read in a fixed set of frames — source before or after the cue, content before or
//! after it, participles and coordinated cues sharing a source — using only the words around
//! it: determiners, pronouns, auxiliaries, prepositions, capitalization and commas. No model
//! and no regular expression: each token is looked up once in a hash map, and every scan is
//! bounded, so the stage runs in time linear in the text.
//!
//! An organisation's name runs over its inner prepositions ("Commission on …", "Society of the
//! …"), and a name mention of the entity layer that runs past the head word is taken whole.
//! Sources are resolved to entities through the mention that ends at the phrase's head
//! ("Iran’s supreme leader" is the leader, not Iran; "a Hamas official" is nobody's name, and
//! Hamas becomes an affiliation). A "he"/"she" takes the entity layer's link when it names a
//! person, else the last person quoted nearby (the usual referent of a reporting verb's
//! subject pronoun); a definite title ("the minister") the last person source with that title.
//! A named source the entity layer cannot resolve is reported by its name alone ("Tomas
//! Arvel" rather than "Deputy Ambassador Tomas Arvel"), so that it can still be matched.
//! Interview transcripts ("((Name)) …", "NAME: …" on three or more lines) give one direct quote
//! per answer paragraph.
//!
//! Design costs: without a parser, clause boundaries are guessed from punctuation and
//! function words, so a reported clause that runs on past its claim ("said X, while Y …") keeps
//! the extra words, and a source with an unusual shape (a long title without commas) may be cut
//! short. An unresolvable source keeps its span and has no entity; nothing is guessed. At most
//! 64 cues are read in one sentence, which bounds the cost of run-on text.
//!
//! ```
//! use newsgraph_attrib::AttributionStage;
//! use newsgraph_doc::{Doc, Meta, QuoteKind, Stage};
//!
//! let text = "“The bridge is safe,” said Mara Lind, the city engineer. \
//!             Two officials said the repairs had been delayed.";
//! let mut doc = Doc::new("a1", text, Meta::default());
//! for stage in newsgraph_segment::article_stages() {
//!     stage.run(&mut doc);
//! }
//! AttributionStage::new().run(&mut doc);
//! let quotes = doc.quotes.as_ref().unwrap();
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! assert_eq!(doc.slice(quotes[0].content), "The bridge is safe");
//! assert_eq!(quotes[0].source.party.span.map(|s| doc.slice(s)), Some("Mara Lind"));
//! assert_eq!(doc.slice(quotes[1].content), "the repairs had been delayed");
//! assert!(quotes[1].source.anonymous);
//! assert_eq!(quotes[1].source.count, Some(2));
//! ```
#![deny(missing_docs)]

mod analyse;
mod lexicon;
mod resolve;
mod view;

use newsgraph_doc::{
    ByteSpan, Doc, EntityId, EntityType, Layer, Party, Quote, QuoteId, QuoteKind, QuoteSource,
    Stage,
};

use crate::analyse::{describe, Att, Range, SourceInfo};
use crate::resolve::Mentions;
use crate::view::View;

/// The attribution stage (name `quotes`): fills `doc.quotes`.
///
/// Requires sentences, tokens and quotation pairs; uses `doc.entities` when present to
/// resolve sources, addressees, outlets and affiliations to entities (without it every
/// `entity` is `None`).
#[derive(Clone, Copy, Debug, Default)]
pub struct AttributionStage;

impl AttributionStage {
    /// The stage.
    pub fn new() -> Self {
        Self
    }
}

impl Stage for AttributionStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Quotations]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }

    fn run(&self, doc: &mut Doc) {
        let quotes = attribute(doc);
        doc.quotes = Some(quotes);
    }
}

/// The attributed claims of `doc`, in text order of their contents.
///
/// Reads `doc.sentences`, `doc.tokens`, `doc.quotations` and, when present, `doc.entities`;
/// returns an empty list when sentences or tokens are missing. Never panics; every span lies
/// on character boundaries of the text.
pub fn attribute(doc: &Doc) -> Vec<Quote> {
    let Some(v) = View::new(doc) else {
        return Vec::new();
    };
    let an = analyse::analyse(&v);
    let ments = Mentions::new(doc);
    let atts = &an.atts;

    // Sources, in attribution order (shared sources point back).
    let mut srcs: Vec<Option<Src>> = Vec::with_capacity(atts.len());
    for (k, a) in atts.iter().enumerate() {
        let s = match (a.src, a.shares) {
            (Some(r), _) => Some(build_source(&v, ments.as_ref(), a, r, &srcs, k)),
            (None, Some(j)) if j < k => srcs.get(j).cloned().flatten(),
            _ => None,
        };
        srcs.push(s);
    }

    let mut out: Vec<Item> = Vec::new();
    for (k, a) in atts.iter().enumerate() {
        if !a.emit {
            continue;
        }
        let Some(src) = srcs[k].as_ref() else {
            continue;
        };
        let (kind, content) = match a.direct.and_then(|p| v.pairs.get(p)) {
            Some(p) => match trim_direct(doc, p.content) {
                Some(c) => (QuoteKind::Direct, c),
                None => continue,
            },
            None => match v.span(a.content.0, a.content.1) {
                Some(c) => (
                    if a.mixed {
                        QuoteKind::Mixed
                    } else {
                        QuoteKind::Indirect
                    },
                    c,
                ),
                None => continue,
            },
        };
        out.push(Item {
            quote: Quote {
                kind,
                content,
                cue: v.span(a.cue.0, a.cue.1),
                negated: a.negated,
                denial: a.deny,
                source: src.source.clone(),
                addressee: party(&v, ments.as_ref(), a.addressee),
                outlet: party(&v, ments.as_ref(), a.outlet),
                parent: None,
            },
        });
    }

    // Interview and transcript turns: each paragraph under a speaker label is that speaker's.
    let mut turn_spans: Vec<ByteSpan> = Vec::new();
    for t in &an.turns {
        let (Some(content), Some(label)) = (
            v.span(t.content.0, t.content.1),
            v.span(t.label.0, t.label.1),
        ) else {
            continue;
        };
        let Some(content) = trim_direct(doc, content) else {
            continue;
        };
        turn_spans.push(content);
        let info = describe(&v, t.label);
        let entity = ments
            .as_ref()
            .and_then(|m| m.source(label, label, label.end(), false, true, false));
        out.push(Item {
            quote: Quote {
                kind: QuoteKind::Direct,
                content,
                cue: None,
                negated: false,
                denial: false,
                source: QuoteSource {
                    party: Party {
                        span: Some(label),
                        entity,
                    },
                    anonymous: false,
                    count: info
                        .count
                        .or(Some(1))
                        .filter(|_| info.person != Some(false)),
                    affiliations: Vec::new(),
                    anonymity_reason: None,
                    basis: None,
                },
                addressee: None,
                outlet: None,
                parent: None,
            },
        });
    }
    // Turns come in text order.
    let in_turn = |s: ByteSpan| {
        let i = turn_spans.partition_point(|t| t.start() <= s.start());
        i > 0 && turn_spans[i - 1].contains(s)
    };
    // Attributions by cue position, for the speaker of a floating quote.
    let mut by_cue: Vec<usize> = (0..atts.len()).collect();
    by_cue.sort_by_key(|&k| atts[k].cue.0);

    for l in &an.loose {
        let Some(p) = v.pairs.get(l.pair) else {
            continue;
        };
        if l.continues.is_none() && in_turn(p.content) {
            continue;
        }
        let Some(content) = trim_direct(doc, p.content) else {
            continue;
        };
        if let Some(k) = l.continues {
            let (Some(a), Some(Some(src))) = (atts.get(k), srcs.get(k)) else {
                continue;
            };
            out.push(Item {
                quote: Quote {
                    kind: QuoteKind::Direct,
                    content,
                    cue: v.span(a.cue.0, a.cue.1),
                    negated: a.negated,
                    denial: a.deny,
                    source: src.source.clone(),
                    addressee: party(&v, ments.as_ref(), a.addressee),
                    outlet: party(&v, ments.as_ref(), a.outlet),
                    parent: None,
                },
            });
            continue;
        }
        // A floating quote: the speaker of the attribution just before (same or previous
        // paragraph), else just after in the same paragraph.
        let para = v.toks[p.open].para;
        let near = |k: usize| {
            let a = &atts[k];
            let ap = v.toks.get(a.cue.0).map_or(0, |t| t.para);
            srcs[k].is_some() && a.unit + 3 >= l.unit && a.unit <= l.unit + 1 && ap + 1 >= para
        };
        let at = by_cue.partition_point(|&k| atts[k].cue.0 < p.open);
        let before = by_cue[..at]
            .iter()
            .rev()
            .take(12)
            .copied()
            .find(|&k| near(k) && !inside_pair(&v, atts[k].cue.0));
        let after = || {
            by_cue[at..].iter().take(12).copied().find(|&k| {
                atts[k].cue.0 > p.close
                    && near(k)
                    && v.toks.get(atts[k].cue.0).is_some_and(|t| t.para == para)
            })
        };
        let speaker = before.or_else(after);
        let source = match speaker.and_then(|k| srcs[k].as_ref()) {
            Some(s) => {
                let mut source = s.source.clone();
                if source.party.entity.is_some() {
                    source.party.span = None;
                }
                source
            }
            None => {
                // No speaker anywhere near: report the quotation with an unknown source only
                // when it is long enough to be speech.
                let words = doc.slice(content).split_whitespace().count();
                if words < 4 {
                    continue;
                }
                QuoteSource::default()
            }
        };
        out.push(Item {
            quote: Quote {
                kind: QuoteKind::Direct,
                content,
                cue: None,
                negated: false,
                denial: false,
                source,
                addressee: None,
                outlet: None,
                parent: None,
            },
        });
    }

    out.sort_by_key(|i| (i.quote.content.start(), i.quote.content.end()));
    out.dedup_by(|b, a| {
        a.quote.content == b.quote.content && a.quote.source.party == b.quote.source.party
    });
    let mut quotes: Vec<Quote> = out.into_iter().map(|i| i.quote).collect();
    // Parents: the smallest other quote whose content holds this one's cue, looked for among
    // its neighbours in text order (nesting stays within a sentence or two).
    const NEAR: usize = 24;
    let parents: Vec<Option<QuoteId>> = quotes
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let cue = q.cue?;
            quotes
                .iter()
                .enumerate()
                .skip(qi.saturating_sub(NEAR))
                .take(2 * NEAR + 1)
                .filter(|&(pi, p)| {
                    pi != qi && p.content.contains(cue) && p.content.len() > q.content.len()
                })
                .min_by_key(|(_, p)| p.content.len())
                .map(|(pi, _)| QuoteId(pi as u32))
        })
        .collect();
    for (q, p) in quotes.iter_mut().zip(parents) {
        q.parent = p;
    }
    quotes
}

/// A quote before ordering.
struct Item {
    quote: Quote,
}

/// A resolved source.
#[derive(Clone, Debug)]
struct Src {
    source: QuoteSource,
    /// The full phrase as found (before trimming).
    full: Option<ByteSpan>,
    /// The unit of its attribution.
    unit: usize,
    /// `Some(true)` female, `Some(false)` male, where the phrase tells.
    gender: Option<bool>,
    /// The last word of the source's name, when it has one.
    name_end: Option<String>,
}

fn inside_pair(v: &View<'_>, i: usize) -> bool {
    v.quoted(i)
}

/// The content of a direct quote: the text between the marks without surrounding white space
/// and a trailing comma.
fn trim_direct(doc: &Doc, content: ByteSpan) -> Option<ByteSpan> {
    let s = doc.slice(content);
    let lead = s.len() - s.trim_start().len();
    let mut t = s.trim();
    while let Some(r) = t.strip_suffix([',', ';', ':']) {
        t = r.trim_end();
    }
    if t.is_empty() {
        return None;
    }
    let start = content.start() + lead;
    ByteSpan::new(start, start + t.len()).ok()
}

fn party(v: &View<'_>, ments: Option<&Mentions<'_>>, r: Option<Range>) -> Option<Party> {
    let (a, b) = r?;
    let span = v.span(a, b)?;
    Some(Party {
        span: Some(span),
        entity: ments.and_then(|m| m.party(span)),
    })
}

fn build_source(
    v: &View<'_>,
    ments: Option<&Mentions<'_>>,
    att: &Att,
    r: Range,
    earlier: &[Option<Src>],
    k: usize,
) -> Src {
    let info = describe(v, r);
    let span = v.span(info.span.0, info.span.1);
    let core = v.span(info.core.0, info.core.1);
    let full = v.span(r.0, r.1);
    let reason = info.reason.or(att.reason).and_then(|(a, b)| v.span(a, b));
    let basis = info.basis.and_then(|(a, b)| v.span(a, b));
    let mut entity = None;
    let mut affiliations = Vec::new();
    let mut count = info.count;
    let anonymous = info.anonymous;
    let gender = gender_of(v, r, &info);
    // A bare surname ("Arvel") of a person named earlier as a source counts one person.
    if count.is_none() && info.named && info.person.is_none() {
        if let Some((a, b)) = info.name {
            let last = v.s(b.saturating_sub(1));
            let known_person = earlier[..k.min(earlier.len())]
                .iter()
                .rev()
                .take(64)
                .flatten()
                .any(|s| {
                    s.source.count == Some(1)
                        && !s.source.anonymous
                        && s.name_end.as_deref() == Some(last)
                });
            if known_person && b == a + 1 {
                count = Some(1);
            }
        }
    }
    let mut span = span;
    if let (Some(m), Some(sp), Some(full)) = (ments, span, full) {
        if !anonymous {
            let mut head_end = info
                .name
                .or(Some(info.core))
                .and_then(|(a, b)| v.span(a, b))
                .map_or(sp.end(), |h| h.end());
            // A name the entity layer found running past the head ("… Centre in Exile"): the
            // whole name is the source.
            if info.named && !info.pronoun && head_end > sp.start() {
                if let Some(whole) = m.name_through(head_end - 1, full.end()) {
                    if whole.end() > head_end {
                        head_end = whole.end();
                        span = ByteSpan::new(sp.start().min(whole.start()), whole.end()).ok();
                    }
                }
            }
            let span = span.unwrap_or(sp);
            let document_head = v.has(info.core.1.saturating_sub(1), lexicon::DOCUMENT);
            entity = m.source(
                span,
                core.unwrap_or(span),
                head_end,
                document_head,
                info.named,
                info.pronoun,
            );
            if info.pronoun && count == Some(1) {
                // "he"/"she": the entity layer's link when it names a person; else (no link,
                // or a link to a place or an organisation) the last speaker, which is what the
                // subject pronoun of a reporting verb usually refers to.
                let person = entity.is_some_and(|e| m.kind(e) == Some(EntityType::Person));
                if !person {
                    entity = antecedent(v, m, &info, gender, earlier, k, att.unit);
                }
            } else if entity.is_none() && info.anaphor.is_some() {
                entity = antecedent(v, m, &info, gender, earlier, k, att.unit);
            }
        }
        affiliations = m.affiliations(full, entity);
        if let Some(e) = entity {
            match m.kind(e) {
                Some(EntityType::Person) if count.is_none() => count = Some(1),
                Some(EntityType::Person) => {}
                Some(_) if !info.pronoun => count = None,
                _ => {}
            }
        }
    }
    // A named source the entity layer could not resolve: report the name alone, which is
    // what a reader (or a later linker) can match.
    let span = match (entity, info.name) {
        (None, Some((a, b))) if info.named => v.span(a, b).or(span),
        _ => span,
    };
    Src {
        source: QuoteSource {
            party: Party { span, entity },
            anonymous,
            count,
            affiliations,
            anonymity_reason: reason,
            basis,
        },
        full,
        unit: att.unit,
        gender,
        name_end: info.name.map(|(_, b)| v.s(b.saturating_sub(1)).to_string()),
    }
}

/// Words that tell a source's gender.
fn gender_of(v: &View<'_>, (a, b): Range, info: &SourceInfo) -> Option<bool> {
    const FEMALE: &[&str] = &[
        "she",
        "woman",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "ms.",
        "mrs.",
        "mother",
        "queen",
        "princess",
        "lady",
        "dame",
        "madam",
        "businesswoman",
        "sister",
        "daughter",
        "wife",
        "grandmother",
    ];
    const MALE: &[&str] = &[
        "he",
        "man",
        "spokesman",
        "chairman",
        "congressman",
        "mr.",
        "father",
        "king",
        "prince",
        "sir",
        "lord",
        "businessman",
        "brother",
        "son",
        "husband",
        "grandfather",
    ];
    let b = if info.pronoun { b } else { b.min(a + 12) };
    for i in a..b {
        let w = v.s(i).to_ascii_lowercase();
        if FEMALE.contains(&w.as_str()) {
            return Some(true);
        }
        if MALE.contains(&w.as_str()) {
            return Some(false);
        }
    }
    None
}

/// The entity of a pronoun ("he") or a title ("the minister") the entity layer left
/// unresolved: the nearest earlier person source that fits.
#[allow(clippy::too_many_arguments)]
fn antecedent(
    v: &View<'_>,
    m: &Mentions<'_>,
    info: &SourceInfo,
    gender: Option<bool>,
    earlier: &[Option<Src>],
    k: usize,
    unit: usize,
) -> Option<EntityId> {
    let title = info.anaphor.map(|i| v.s(i).to_lowercase());
    for s in earlier.iter().take(k).rev().take(8).flatten() {
        if title.is_none() && s.unit + 3 < unit {
            break;
        }
        let Some(e) = s.source.party.entity else {
            continue;
        };
        if m.kind(e) != Some(EntityType::Person) {
            continue;
        }
        if gender.is_some() && s.gender.is_some() && gender != s.gender {
            continue;
        }
        match &title {
            None => return Some(e),
            Some(t) => {
                let in_span = s.full.is_some_and(|f| {
                    let text = v.text.get(f.start()..f.end()).unwrap_or("").to_lowercase();
                    text.split(|c: char| !c.is_alphanumeric() && c != '.')
                        .any(|w| w == t || Some(w.trim_end_matches('.')) == t.get(..t.len().min(3)))
                });
                if in_span || m.has_title(e, t) {
                    return Some(e);
                }
            }
        }
    }
    None
}

/// One line per attribution found, with its frame, for debugging (not a stable format).
#[doc(hidden)]
pub fn debug_attributions(doc: &Doc) -> Vec<String> {
    let Some(v) = View::new(doc) else {
        return Vec::new();
    };
    let an = analyse::analyse(&v);
    let txt = |r: Option<Range>| {
        r.and_then(|(a, b)| v.span(a, b))
            .map(|s| doc.slice(s).to_string())
            .unwrap_or_default()
    };
    let mut out: Vec<String> = an
        .atts
        .iter()
        .enumerate()
        .map(|(k, a)| {
            format!(
                "#{k} u{} {:?} emit={} cue={:?} src={:?} shares={:?} content={:?} dir={:?} mixed={}",
                a.unit,
                a.mode,
                a.emit,
                txt(Some(a.cue)),
                txt(a.src),
                a.shares,
                txt(Some(a.content)),
                a.direct,
                a.mixed
            )
        })
        .collect();
    for l in &an.loose {
        out.push(format!(
            "loose pair {} unit {} continues {:?}",
            l.pair, l.unit, l.continues
        ));
    }
    out
}
