//! The newsgraph event stage: who did what to whom, when and where.
//!
//! [`EventStage`] (stage name `events`) reads a document's sentences, tokens, entities and
//! quotes and fills `doc.events` with one [`Event`] per happening, typed by the 16 PLOVER
//! types:
//!
//! - **triggers** (`triggers.rs`, `lexicon.rs`) come from a hand-written lexicon of general
//!   news verbs and nouns (attack, airstrike, met, talks, accused, sanctions, arrested,
//!   deployed, …) and multiword patterns ("opened fire", "called on", "walked out", "turned
//!   down", "on high alert", "called the ruling “a disgrace”", "used tear gas", "provided $5
//!   million in aid", "blocked the resolution"), completed by verbs derived from the CAMEO
//!   dictionary (`data/cameo_verbs.tsv`, built by `src/bin/build-cameo-lexicon.rs`, used as
//!   verbs only, the hand lexicon taking precedence), each inflected form looked up once in a
//!   hash map; reporting verbs are not triggers; modes use PLOVER's mode names; the object
//!   can decide the type ("suspended Sudria" SANCTION, "suspended two radio stations"
//!   COERCE);
//! - **actors** (`chunk.rs`, `roles.rs`, `actors.rs`): a light noun-phrase chunker finds the
//!   subject before the verb group (over auxiliaries, adverbs, time adjuncts, appositions,
//!   relative pronouns) and the object after the verb; a phrase resolves to the entity whose
//!   mention covers its head (with compounds joined by "and"), to the country inside an
//!   organ ("Norland's foreign ministry"), to an organisation a definite description refers
//!   back to ("the union"), or else to a descriptor **phrase** actor ("38 wounded people",
//!   "the captain"); passives swap the roles ("X was attacked by Y"); a noun trigger takes
//!   its agent from a possessive, a modifier, "by", or a light verb ("launched an attack");
//!   a speech act whose cue the attribution layer read ("X accused Y") takes the quote's
//!   speaker, and a pronoun inside reported speech the speaker;
//! - **intent**: a promise of help is AGREE ("would send 40 doctors"), of harm THREATEN
//!   ("could suspend"); a refusal is REJECT ("will not attend"); a condition ("unless …"),
//!   a negated happening and an infinitive under an intent verb are no events of their own;
//! - **dates** are normalised against `meta.published` ("Oct. 7" → the last Oct. 7 on or before
//!   publication, "on Tuesday" → the last Tuesday, or the next one for a planned event, "last
//!   week" → its month, "early November" → `YYYY-MM`, "in 2006" → `2006`); a threat is dated
//!   by its utterance; without a publication date, or for a day that cannot exist, the date
//!   stays `None`;
//! - **fatalities** and **injured** ("killed at least 31", "12 people were wounded"),
//!   **modality** (reported inside a quote's content with `attributed_to` that quote, future,
//!   hypothetical, historical for background more than a year old);
//! - repeated mentions of one happening (same type, a shared actor; a noun or participle
//!   naming again what its sentence's verb reported; a definite description such as "the
//!   attack" naming an earlier sentence's happening) are merged into one event with several
//!   evidence spans; what an accusation alleges ("accused X of attacking …") is no event;
//! - **targets across sentences**: a warning's target is the subject of its complement
//!   ("warned that vessels …"), or what the speaker's own side will act on ("warned that his
//!   fighters would keep raiding police stations"); a directed event with no target in its sentence
//!   takes the party its source last (or next) dealt with, and help with no named recipient
//!   goes to the article's main country (its towns and regions count for it); a definite
//!   event noun ("condemned the arrests") points to the author of the happening it names; a
//!   mediator mediates between the parties of the talks reported, a walkout leaves the host
//!   of the meeting reported;
//! - **no events**: acts asked for or permitted ("asked the church to mediate"), what a
//!   decision or ultimatum is for, what is denied ("denied that its forces had …"), standing
//!   sanctions ("to evade sanctions"), generic relative clauses ("any member who …"),
//!   predictions ("warned that conditions would be dangerous"), goods seized, hedges ("was
//!   believed to have fled"), the description of a quote's source ("envoys who
//!   attended the summit");
//! - **actors beside actors**: a city acting alone stands with its country, a bare "police"
//!   with the one force the article names, a group with the country the entity layer
//!   affiliates it with, a lone person with the body the attribution layer gives them, a
//!   description with the country or body it names ("Norland's president"); the half-rule of
//!   matching makes such pairs safe whichever one a reader expects;
//! - **one attack, several sentences**: the next sentence naming the attackers of an unnamed
//!   attack, or a claim of responsibility, adds evidence to the attack reported.
//!
//! ```
//! use newsgraph_doc::{Doc, Meta, Stage};
//! use newsgraph_events::EventStage;
//!
//! let mut doc = Doc::new("a", "", Meta::default());
//! doc.sentences = Some(vec![]);
//! doc.tokens = Some(vec![]);
//! doc.entities = Some(vec![]);
//! doc.quotes = Some(vec![]);
//! EventStage::new().run(&mut doc);
//! assert_eq!(doc.events, Some(vec![]));
//! ```
//!
//! Design costs: there is no parser, so clause boundaries are guessed from punctuation and
//! conjunctions, and an actor named only in another sentence is found only through the
//! events around it.
#![deny(missing_docs)]

mod actors;
mod chunk;
mod dates;
mod lexicon;
mod roles;
mod triggers;

use actors::{dedup, group_back, group_fwd, Roles};
use dates::{find_dates, weekday_after, weekday_of, Day};
use lexicon::{Lexicon, Sense};
use newsgraph_doc::{
    Actor, ByteSpan, Doc, EntityId, EntityType, Event, EventType, Layer, Modality, QuoteId, Stage,
    TokenKind,
};
use triggers::{is_nominal, is_theme_verb, trigger_sense};

/// The event stage. Build it once and run it on many documents.
pub struct EventStage {
    lexicon: Lexicon,
}

impl Default for EventStage {
    fn default() -> Self {
        Self::new()
    }
}

impl EventStage {
    /// The stage with its built-in lexicon.
    pub fn new() -> Self {
        Self {
            lexicon: Lexicon::new(),
        }
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Entities,
            Layer::Quotes,
        ]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    fn run(&self, doc: &mut Doc) {
        let events = extract(doc, &self.lexicon);
        doc.events = Some(events);
    }
}

/// One word of a sentence.
pub(crate) struct Word<'a> {
    span: ByteSpan,
    low: String,
    raw: &'a str,
    kind: TokenKind,
}

/// One mention that can fill an actor or place role.
#[derive(Clone, Copy)]
pub(crate) struct Ment {
    span: ByteSpan,
    entity: EntityId,
    actor: bool,
    place: bool,
    /// A town or region rather than a country: an actor only right next to its trigger.
    minor_place: bool,
}

fn is_actor(t: EntityType) -> bool {
    matches!(
        t,
        EntityType::Person
            | EntityType::Org
            | EntityType::Gpe
            | EntityType::Group
            | EntityType::Norp
    )
}

fn is_place(t: EntityType) -> bool {
    matches!(t, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
}

const AUX: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "been", "later",
    "then", "again", "already",
];
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "without"];
const FUTURE: &[&str] = &[
    "will", "shall", "plans", "planned", "plan", "intends", "vowed",
];
const HYPOTHETICAL: &[&str] = &["if", "could", "would", "might", "may", "unless"];
const PASSIVE_AUX: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "got"];
const PLACE_PREPS: &[&str] = &["in", "near", "at", "from", "outside", "across", "into"];
const CLAUSE_BREAK: &[&str] = &[
    ";", ":", "but", "while", "whereas", "after", "before", "that", "when", "because", "as",
];

pub(crate) fn number_word(w: &str) -> Option<u32> {
    let n = match w {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "dozen" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        _ => {
            let digits: String = w.chars().filter(|c| *c != ',').collect();
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            return digits.parse().ok();
        }
    };
    Some(n)
}

/// Words on either side of a trigger that its roles are read from.
const WINDOW: usize = 48;

/// What every trigger of a document may consult.
struct DocCtx<'a> {
    /// Every mention, in text order.
    all: &'a [Ment],
    /// The entities.
    ents: &'a [newsgraph_doc::Entity],
}

/// A candidate event before merging.
fn extract(doc: &Doc, lexicon: &Lexicon) -> Vec<Event> {
    let text = doc.text();
    let pub_day = doc.meta.published.as_deref().and_then(Day::parse_iso);
    let mut ments: Vec<Ment> = Vec::new();
    for (i, e) in doc.entities.iter().flatten().enumerate() {
        let Ok(idx) = u32::try_from(i) else { break };
        for m in &e.mentions {
            ments.push(Ment {
                span: m.span,
                entity: EntityId(idx),
                actor: is_actor(e.kind),
                place: is_place(e.kind),
                minor_place: e.kind == EntityType::Gpe
                    && e.kb.as_ref().is_none_or(|k| k.id.contains('/')),
            });
        }
    }
    let tokens = doc.tokens.as_deref().unwrap_or(&[]);
    add_government_mentions(doc, tokens, &mut ments);
    ments.sort_by_key(|m| (m.span.start(), m.span.end()));
    let quotes = doc.quotes.as_deref().unwrap_or(&[]);
    let ctx = DocCtx {
        all: &ments,
        ents: doc.entities.as_deref().unwrap_or(&[]),
    };
    let mut out: Vec<Event> = Vec::new();
    let mut nominal_triggers: std::collections::HashSet<usize> = Default::default();
    let mut sentence_start = 0;
    for s in doc.sentences.iter().flatten() {
        // Where the sentence before this one starts.
        let prev_sentence = sentence_start;
        sentence_start = s.span.start();
        let lo = tokens.partition_point(|t| t.span.start() < s.span.start());
        let hi = tokens.partition_point(|t| t.span.start() < s.span.end());
        let words: Vec<Word> = tokens
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .map(|t| {
                let raw = t.span.get(text).unwrap_or("");
                Word {
                    span: t.span,
                    low: raw.to_lowercase().replace('’', "'"),
                    raw,
                    kind: t.kind,
                }
            })
            .collect();
        let mlo = ments.partition_point(|m| m.span.start() < s.span.start());
        let mhi = ments.partition_point(|m| m.span.start() < s.span.end());
        let sments = ments.get(mlo..mhi).unwrap_or(&[]);
        let dates = find_dates(&words, pub_day);
        let mut skip_until = 0;
        for (i, w) in words.iter().enumerate() {
            if w.kind != TokenKind::Word {
                continue;
            }
            let Some(sense) = trigger_sense(&words, i, lexicon) else {
                continue;
            };
            // The nearest date expression (the list is in text order).
            let at = dates.partition_point(|d| d.1.start() < w.span.start());
            let date = [at.checked_sub(1), Some(at)]
                .into_iter()
                .flatten()
                .filter_map(|k| dates.get(k))
                .min_by_key(|d| d.1.start().abs_diff(w.span.start()));
            if i < skip_until {
                continue;
            }
            // A CAMEO verb used as a noun ("rescue work", "the combat"): not its verb sense.
            if lexicon.is_cameo_verb(&w.low)
                && (is_nominal(&words, i, false)
                    || matches!(
                        word(&words, i + 1),
                        "work" | "efforts" | "operation" | "operations" | "teams" | "team"
                    ))
            {
                continue;
            }
            // "targeted sanctions", "armed attack": an adjective before an event noun.
            if w.low.ends_with("ed")
                && words.get(i + 1).is_some_and(|n| n.kind == TokenKind::Word)
                && trigger_sense(&words, i + 1, lexicon).is_some()
                && !matches!(word(&words, i + 1), "to" | "by")
            {
                continue;
            }
            // A noun naming again what a verb of its sentence reported ("killed six guards
            // in a raid on a depot"), or a participle going on with it ("ambushed a
            // patrol, wounding four"): more evidence of the same happening.
            let participle = i > 0 && w.low.ends_with("ing") && word(&words, i - 1) == ",";
            let noun = is_nominal(&words, i, lexicon.is_noun(&w.low));
            // "suspended peace talks with the rebels", "called off the summit": meetings
            // stopped are not held.
            if noun
                && sense.kind == EventType::Consult
                && (i.saturating_sub(4)..i).any(|j| {
                    let x = word(&words, j);
                    [
                        "suspend", "cancel", "postpon", "halt", "abandon", "boycott", "scrap",
                    ]
                    .iter()
                    .any(|p| x.starts_with(p))
                        || (matches!(x, "called" | "call" | "calls" | "calling")
                            && word(&words, j + 1) == "off")
                        || (matches!(x, "broke" | "break" | "breaks" | "breaking")
                            && word(&words, j + 1) == "off")
                })
            {
                continue;
            }
            if participle || noun {
                if let Some(e) = out
                    .iter_mut()
                    .rev()
                    .take_while(|e| s.span.contains(e.trigger))
                    .take(16)
                    .find(|e| e.kind == sense.kind)
                {
                    e.evidence.push(w.span);
                    continue;
                }
            }
            if noun {
                let det = (i.saturating_sub(3)..i).find(|&j| {
                    matches!(word(&words, j), "the" | "this" | "that" | "these" | "those")
                });
                // "lifted its ban on grain imports": what is undone is no new event.
                let own = (i.saturating_sub(3)..i)
                    .find(|&j| matches!(word(&words, j), "its" | "their"))
                    .filter(|&d| {
                        d > 0
                            && out.last().is_some_and(|e| {
                                matches!(e.kind, EventType::Concede | EventType::Retreat)
                                    && words.get(d - 1).is_some_and(|x| x.span == e.trigger)
                            })
                    });
                if own.is_some() {
                    continue;
                }
                // "lifted the curfew", "ended the blockade": what is undone is no new event.
                let undone = det.is_some_and(|d| {
                    d > 0
                        && out.last().is_some_and(|e| {
                            matches!(e.kind, EventType::Concede | EventType::Retreat)
                                && words.get(d - 1).is_some_and(|x| x.span == e.trigger)
                        })
                });
                if undone {
                    continue;
                }
                // "the attack", "the Sudrian accusation": a definite description names again
                // a happening an earlier sentence reported.
                // Not when the phrase brings its own parties or news ("the heaviest clashes
                // with Norland", "the first attack on …").
                let news = matches!(
                    word(&words, i + 1),
                    "with" | "on" | "against" | "between" | "by" | "of" | "in" | "at"
                ) || det.is_some_and(|d| {
                    (d + 1..i).any(|j| {
                        let x = word(&words, j);
                        x.ends_with("est")
                            || matches!(x, "first" | "new" | "latest" | "second" | "last")
                    })
                });
                if let Some(e) = det.filter(|_| !news).and_then(|_| {
                    out.iter_mut()
                        .rev()
                        .take(32)
                        .find(|e| e.kind == sense.kind && !s.span.contains(e.trigger))
                }) {
                    e.evidence.push(w.span);
                    continue;
                }
            }
            let prev = out.last().filter(|e| s.span.contains(e.trigger));
            let dates_here = &dates;
            let mut gapped_events: Vec<Event> = Vec::new();
            if let Some(mut ev) = build_event(
                &words,
                i,
                sense,
                sments,
                quotes,
                date,
                &ctx,
                prev,
                lexicon.is_noun(&w.low),
            ) {
                let speech = matches!(
                    ev.kind,
                    EventType::Threaten
                        | EventType::Reject
                        | EventType::Agree
                        | EventType::Request
                        | EventType::Accuse
                        | EventType::Support
                        | EventType::Concede
                );
                let planned = matches!(ev.modality, Modality::Future | Modality::Hypothetical);
                if ev.kind == EventType::Threaten || (speech && planned) {
                    // A threat is dated by its utterance ("said on Friday it would strike
                    // next week").
                    let before = dates_here.partition_point(|d| d.1.end() <= ev.trigger.start());
                    if let Some(d) = before.checked_sub(1).and_then(|k| dates_here.get(k)) {
                        ev.date = Some(d.0.clone());
                        ev.date_text = Some(d.1);
                    }
                } else if planned {
                    // "will march on Friday": the coming Friday.
                    let wd = ev
                        .date_text
                        .and_then(|t| t.get(text))
                        .and_then(|t| weekday_of(&t.to_lowercase()));
                    if let Some(wd) = wd {
                        ev.date = weekday_after(wd, pub_day);
                    }
                }
                // "The fund pledged 6 million dollars": to whom the article's earlier pledges
                // went.
                if ev.target.is_empty() && matches!(ev.kind, EventType::Agree | EventType::Aid) {
                    if let Some(p) = out.iter().rev().take(6).find(|p| {
                        matches!(p.kind, EventType::Agree | EventType::Aid)
                            && !p.target.is_empty()
                            && !p.target.iter().any(|t| ev.source.contains(t))
                    }) {
                        ev.target = p.target.clone();
                    }
                }
                // "Norland's attack on Sudria killed 40 people": the verb tells more of the
                // happening its subject noun named.
                if !noun {
                    if let Some(e) = out
                        .iter_mut()
                        .rev()
                        .take_while(|e| s.span.contains(e.trigger))
                        .take(16)
                        .find(|e| {
                            e.kind == ev.kind && nominal_triggers.contains(&e.trigger.start())
                        })
                    {
                        e.evidence.push(ev.trigger);
                        e.fatalities = e.fatalities.or(ev.fatalities);
                        e.injured = e.injured.or(ev.injured);
                        if e.date.is_none() {
                            e.date = ev.date.clone();
                            e.date_text = ev.date_text;
                        }
                        continue;
                    }
                } else {
                    nominal_triggers.insert(ev.trigger.start());
                }
                // "in its 1998 war": background.
                if let (Some(d), Some(p), Modality::Asserted) = (&ev.date, pub_day, ev.modality) {
                    if dates::long_before(d, p) {
                        ev.modality = Modality::Historical;
                    }
                }
                if ev.kind == EventType::Request {
                    // "urged X to attack": the requested act is not an event of its own.
                    if let Some(t) = (i + 1..(i + 8).min(words.len()))
                        .take_while(|&j| words.get(j).is_some_and(|x| x.kind != TokenKind::Punct))
                        .find(|&j| word(&words, j) == "to")
                    {
                        skip_until = t + 5;
                    }
                }
                // "demanded Drest's release", "called for the release of the crew": a
                // demand made to whoever holds them.
                let demanded = (i + 1..(i + 7).min(words.len()))
                    .take_while(|&j| words.get(j).is_some_and(|x| x.low != "," && x.low != "."))
                    .find(|&j| matches!(word(&words, j), "release" | "freedom" | "return"));
                if let (EventType::Request, Some(r)) = (ev.kind, demanded) {
                    // The release asked for has not happened.
                    skip_until = skip_until.max(r + 1);
                    let held = |e: &&Event| {
                        e.kind == EventType::Coerce
                            && (ev.target.is_empty()
                                || e.target.iter().any(|t| ev.target.contains(t)))
                    };
                    if let Some(c) = out.iter().rev().take(32).find(held) {
                        if !c.source.iter().any(|x| ev.source.contains(x)) {
                            ev.target = c.source.clone();
                        }
                    }
                }
                if ev.kind == EventType::Accuse && !noun {
                    // "accused the mayor of bribing voters": what is alleged is no event of
                    // its own, up to the end of the clause.
                    let of = (i + 1..(i + 8).min(words.len()))
                        .take_while(|&j| words.get(j).is_some_and(|x| x.kind != TokenKind::Punct))
                        .find(|&j| matches!(word(&words, j), "of" | "for"));
                    if let Some(of) = of {
                        skip_until = (of + 1..(of + 20).min(words.len()))
                            .find(|&j| {
                                words.get(j).is_some_and(|x| {
                                    x.kind == TokenKind::Punct
                                        && !matches!(x.low.as_str(), "'" | "'s" | "-")
                                })
                            })
                            .unwrap_or((of + 20).min(words.len()));
                    }
                }
                // "rejected the accusations": the rejection answers the last accuser.
                if ev.kind == EventType::Reject {
                    let answers = (i + 1..(i + 4).min(words.len())).any(|j| {
                        matches!(
                            word(&words, j),
                            "accusation"
                                | "accusations"
                                | "allegation"
                                | "allegations"
                                | "claim"
                                | "claims"
                                | "criticism"
                                | "charge"
                                | "charges"
                        )
                    });
                    // "rejected that account", "dismissed the figures": the last speaker.
                    let answers_speaker = (i + 1..(i + 4).min(words.len())).any(|j| {
                        matches!(
                            word(&words, j),
                            "account"
                                | "version"
                                | "assertion"
                                | "statement"
                                | "figures"
                                | "findings"
                                | "assessment"
                                | "estimate"
                                | "estimates"
                        )
                    });
                    if answers_speaker && ev.target.is_empty() {
                        // The speaker's body when the attribution layer knows it.
                        let speaker = quotes
                            .iter()
                            .filter(|q| q.content.end() <= ev.trigger.start())
                            .filter_map(|q| {
                                q.source.party.entity.map(|e| {
                                    (e, q.source.affiliations.first().copied().unwrap_or(e))
                                })
                            })
                            .rfind(|(e, b)| {
                                !ev.source.contains(&Actor::Entity(*e))
                                    && !ev.source.contains(&Actor::Entity(*b))
                            })
                            .map(|(_, b)| b);
                        if let Some(e) = speaker {
                            ev.target = vec![Actor::Entity(e)];
                        }
                    }
                    // "a proposal, which the drivers turned down": who made the offer.
                    if i >= 3 && (word(&words, i - 2) == "which" || word(&words, i - 3) == "which")
                    {
                        if let Some(p) = out
                            .iter()
                            .rev()
                            .take_while(|e| s.span.contains(e.trigger))
                            .take(16)
                            .next()
                        {
                            if !p.source.iter().any(|x| ev.source.contains(x)) {
                                ev.target = p.source.clone();
                            }
                        }
                    }
                    // "rejected Norland's claim": the claim's owner is already the target.
                    let owned = (i + 1..(i + 4).min(words.len()))
                        .any(|j| matches!(word(&words, j), "'s" | "'"))
                        || (i + 1..(i + 4).min(words.len()))
                            .any(|j| words.get(j).is_some_and(|w| w.low.ends_with("'s")));
                    if answers && (!owned || ev.target.is_empty()) {
                        ev.target.clear();
                        // The accusation aimed at the rejecter, else the last one made by
                        // someone else.
                        let aimed_at_us = |e: &Event| {
                            e.target.iter().any(|t| match t {
                                Actor::Entity(_) => ev.source.contains(t),
                                Actor::Phrase(sp) => ctx.all.iter().any(|m| {
                                    sp.contains(m.span)
                                        && ev.source.contains(&Actor::Entity(m.entity))
                                }),
                            })
                        };
                        let others = |e: &&Event| {
                            e.kind == EventType::Accuse
                                && !e.source.iter().any(|x| ev.source.contains(x))
                        };
                        let accuser = out
                            .iter()
                            .rev()
                            .take(64)
                            .filter(others)
                            .find(|e| aimed_at_us(e))
                            .or_else(|| out.iter().rev().take(64).find(others));
                        // "denied allegations in a watchdog's report", "… by the opposition": the
                        // accuser the phrase names.
                        let named = (i + 1..(i + 6).min(words.len()))
                            .find(|&j| matches!(word(&words, j), "in" | "by" | "from"))
                            .and_then(|j| {
                                let lo = words.get(j)?.span.end();
                                let hi = words.get((j + 5).min(words.len() - 1))?.span.end();
                                sments
                                    .iter()
                                    .find(|m| m.actor && m.span.start() >= lo && m.span.end() <= hi)
                            })
                            .map(|m| vec![Actor::Entity(m.entity)]);
                        if let Some(t) = named {
                            ev.target = t;
                        } else if let Some(a) = accuser {
                            ev.target = a.source.clone();
                        }
                    }
                }
                // "called the arrests “a betrayal”", "condemned the raid", "welcomed the
                // fine": a definite event noun names the happening reported before; its
                // author is the target.
                if matches!(ev.kind, EventType::Accuse | EventType::Support)
                    && ev.target.is_empty()
                    && !noun
                {
                    let named = (i + 1..(i + 4).min(words.len()))
                        .find(|&j| matches!(word(&words, j), "the" | "this" | "these" | "that"))
                        .and_then(|d| {
                            (d + 1..(d + 3).min(words.len())).find_map(|j| {
                                let w = words.get(j)?;
                                if w.kind != TokenKind::Word || chunk::is_stop_word(&w.low) {
                                    return None;
                                }
                                trigger_sense(&words, j, lexicon).filter(|_| {
                                    lexicon.is_noun(&w.low) || is_nominal(&words, j, false)
                                })
                            })
                        });
                    if let Some(sense) = named {
                        if let Some(e) = out.iter().rev().take(32).find(|e| {
                            e.kind == sense.kind
                                && !e.source.is_empty()
                                && !e.source.iter().any(|x| ev.source.contains(x))
                        }) {
                            ev.target = e.source.clone();
                        }
                    }
                }
                // "the veteran envoy who has mediated the negotiations": a go-between of the parties
                // of the talks the article reported.
                if ev.kind == EventType::Consult
                    && ev.mode == Some("third-party")
                    && ev.target.is_empty()
                {
                    if let Some(t) = out.iter().rev().take(32).find(|e| {
                        e.kind == EventType::Consult
                            && !e.source.iter().any(|x| ev.source.contains(x))
                    }) {
                        let mut parties: Vec<Actor> = t.source.clone();
                        parties.extend(t.target.iter().copied());
                        parties.retain(|x| !ev.source.contains(x));
                        ev.target = parties;
                    }
                }
                // "the summit collapsed when Norland's delegation walked out": a walkout leaves
                // the meeting the article reported, and whoever held it.
                if ev.kind == EventType::Protest
                    && ev.target.is_empty()
                    && matches!(word(&words, i), "walked" | "walk" | "walks" | "walking")
                {
                    if let Some(t) = out.iter().rev().take(32).find(|e| {
                        e.kind == EventType::Consult
                            && !e.source.is_empty()
                            && !e.source.iter().any(|x| ev.source.contains(x))
                    }) {
                        ev.target = t.source.clone();
                    }
                }
                // "The fund pledged 6 million dollars and Norland 9 million francs": the gapped
                // clause is a pledge of its own.
                if matches!(ev.kind, EventType::Agree | EventType::Aid) && !noun {
                    let mut j = i + 1;
                    let lim = (i + 24).min(words.len());
                    while j < lim {
                        let x = word(&words, j);
                        if matches!(x, "while" | "but" | "said" | ";" | ".") {
                            break;
                        }
                        let at = words.get(j + 1).map(|w| w.span.start());
                        let gapped = matches!(x, "and" | ",")
                            .then(|| {
                                sments
                                    .iter()
                                    .find(|m| Some(m.span.start()) == at && m.actor)
                            })
                            .flatten()
                            .filter(|m| !ev.source.contains(&Actor::Entity(m.entity)));
                        if let Some(m) = gapped {
                            let after = (j + 2..lim).find(|&k| {
                                words.get(k).is_some_and(|w| w.span.start() >= m.span.end())
                            });
                            let amount = after.and_then(|k| words.get(k)).is_some_and(|w| {
                                w.kind == TokenKind::Number || matches!(w.raw, "$" | "€" | "£")
                            });
                            if amount {
                                let mut g = ev.clone();
                                g.source = vec![Actor::Entity(m.entity)];
                                g.trigger = words.get(j + 1).map(|w| w.span).unwrap_or(g.trigger);
                                g.evidence = vec![g.trigger];
                                gapped_events.push(g);
                            }
                        }
                        j += 1;
                    }
                }
                // "men ambushed a fuel convoy. Fighters from X detonated a mine …", "X claimed
                // responsibility and said its men had shot dead six guards": the next
                // sentence, or a claim, tells more of the same attack.
                if ev.kind == EventType::Assault
                    && !noun
                    && matches!(ev.modality, Modality::Asserted | Modality::Reported)
                {
                    let claim = words.iter().any(|x| x.low == "responsibility")
                        && words.iter().any(|x| x.low.starts_with("claim"));
                    let shares = |e: &Event| {
                        ev.source
                            .iter()
                            .any(|x| e.source.iter().any(|y| same_party(x, y, &ments)))
                    };
                    // "Masked men raided a depot at dawn. Fighters of the Red Hand Front
                    // set off a mine …": the next sentence names the attackers.
                    let names_unnamed = |e: &Event| {
                        ev.date.is_none()
                            && e.source.iter().all(|x| x.entity().is_none())
                            && ev.source.iter().any(|x| x.entity().is_some())
                    };
                    let same = out.iter_mut().rev().take(16).find(|e| {
                        e.kind == EventType::Assault
                            && !s.span.contains(e.trigger)
                            && (e.date.is_none() || ev.date.is_none() || e.date == ev.date)
                            && (claim
                                || (e.trigger.start() >= prev_sentence
                                    && (shares(e) || names_unnamed(e))))
                    });
                    if let Some(e) = same {
                        // The claimant, or the next sentence, names who attacked.
                        if (claim || names_unnamed(e))
                            && e.source.iter().all(|x| x.entity().is_none())
                        {
                            for a in ev.source.iter().filter(|a| a.entity().is_some()) {
                                if !e.source.contains(a) {
                                    e.source.push(*a);
                                }
                            }
                        }
                        e.evidence.push(ev.trigger);
                        e.fatalities = e.fatalities.or(ev.fatalities);
                        e.injured = e.injured.or(ev.injured);
                        if e.target.is_empty() {
                            e.target = ev.target.clone();
                        }
                        continue;
                    }
                }
                // "warned that its fighters would attack the depots": the act threatened in
                // the complement of a warning is that warning, not a second threat.
                if ev.kind == EventType::Threaten
                    && sense.kind != EventType::Threaten
                    && (i.saturating_sub(12)..i).any(|j| {
                        word(&words, j) == "that"
                            && j > 0
                            && out.iter().rev().take(4).any(|e| {
                                e.kind == EventType::Threaten
                                    && s.span.contains(e.trigger)
                                    && words
                                        .get(j.saturating_sub(3)..j)
                                        .is_some_and(|ws| ws.iter().any(|x| x.span == e.trigger))
                            })
                    })
                {
                    continue;
                }
                // "A and B traded accusations", "… accused each other": one event each way.
                let prev = if i > 0 { word(&words, i - 1) } else { "" };
                let reciprocal = matches!(prev, "traded" | "exchanged")
                    || (word(&words, i + 1) == "each" && word(&words, i + 2) == "other")
                    || (word(&words, i + 1) == "one" && word(&words, i + 2) == "another");
                if let ([a, b], true, true) =
                    (ev.source.as_slice(), reciprocal, ev.target.is_empty())
                {
                    let (a, b) = (*a, *b);
                    let mut back = ev.clone();
                    back.source = vec![b];
                    back.target = vec![a];
                    let mut there = ev;
                    there.source = vec![a];
                    there.target = vec![b];
                    out.push(there);
                    out.push(back);
                } else {
                    out.push(ev);
                }
                out.append(&mut gapped_events);
            }
        }
    }
    let mut events = merge(out);
    fill_counterparts(&mut events, main_country(doc));
    add_countries(&mut events, ctx.ents);
    add_bodies(&mut events, ctx.ents, quotes);
    events
}

/// "Police detained nine people" in an article that names the Norland Police Service: a bare
/// collective noun of the entity layer stands beside the one body whose name holds it; a
/// lone person acts beside the body the attribution layer affiliates them with.
fn add_bodies(
    events: &mut [Event],
    ents: &[newsgraph_doc::Entity],
    quotes: &[newsgraph_doc::Quote],
) {
    // Each word of an organisation's name, with the one organisation that bears it (None
    // when several do: "police" with two forces named is left alone).
    let mut by_word: std::collections::HashMap<String, Option<EntityId>> = Default::default();
    for (k, o) in ents.iter().enumerate() {
        let Ok(k) = u32::try_from(k) else { break };
        if o.kind != EntityType::Org {
            continue;
        }
        for w in o
            .name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            by_word
                .entry(w.to_lowercase())
                .and_modify(|v| {
                    if *v != Some(EntityId(k)) {
                        *v = None;
                    }
                })
                .or_insert(Some(EntityId(k)));
        }
    }
    let body_of = |a: &Actor| -> Option<EntityId> {
        let id = a.entity()?;
        let e = ents.get(id.index())?;
        match e.kind {
            // "Norlandic forces": the country the entity layer affiliates the group with.
            EntityType::Group => (!e.name.contains(' '))
                .then(|| by_word.get(&e.name.to_lowercase()).copied().flatten())
                .flatten()
                .or_else(|| e.affiliations.first().copied())
                .filter(|b| *b != id),
            EntityType::Person => quotes
                .iter()
                .filter(|q| q.source.party.entity == Some(id))
                .find_map(|q| q.source.affiliations.first().copied())
                .filter(|b| {
                    // A body or a country, not a town the person comes from.
                    *b != id
                        && ents.get(b.index()).is_some_and(|x| match x.kind {
                            EntityType::Org | EntityType::Group => true,
                            EntityType::Gpe => x.kb.as_ref().is_some_and(|k| !k.id.contains('/')),
                            _ => false,
                        })
                }),
            _ => None,
        }
    };
    for e in events.iter_mut() {
        for side in [&mut e.source, &mut e.target] {
            if let [a] = side.as_slice() {
                if let Some(b) = body_of(a).map(Actor::Entity) {
                    if !side.contains(&b) {
                        side.push(b);
                    }
                }
            }
        }
    }
}

/// True when two actors name the same party: equal, or a phrase holding a mention of the
/// other's entity ("fighters from the Red Hand Front" and the Front).
fn same_party(a: &Actor, b: &Actor, ments: &[Ment]) -> bool {
    let inside = |sp: &ByteSpan, e: EntityId| {
        let lo = ments.partition_point(|m| m.span.start() < sp.start());
        ments
            .iter()
            .skip(lo)
            .take_while(|m| m.span.start() < sp.end())
            .any(|m| m.entity == e && sp.contains(m.span))
    };
    match (a, b) {
        (Actor::Entity(x), Actor::Entity(y)) => x == y,
        (Actor::Entity(e), Actor::Phrase(sp)) | (Actor::Phrase(sp), Actor::Entity(e)) => {
            inside(sp, *e)
        }
        (Actor::Phrase(x), Actor::Phrase(y)) => x == y,
    }
}

/// "visited Velgrad", "Moscow warned": a city standing alone for a side acts for its
/// country, which is added beside it when the article names that country.
fn add_countries(events: &mut [Event], ents: &[newsgraph_doc::Entity]) {
    let countries: std::collections::HashMap<&str, EntityId> = ents
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == EntityType::Gpe)
        .filter_map(|(k, c)| {
            let id = c.kb.as_ref()?.id.as_str();
            (!id.contains('/')).then_some((id, EntityId(u32::try_from(k).ok()?)))
        })
        .collect();
    let country_of = |a: &Actor| -> Option<EntityId> {
        let e = ents.get(a.entity()?.index())?;
        if e.kind != EntityType::Gpe {
            return None;
        }
        let (country, _) = e.kb.as_ref()?.id.split_once('/')?;
        countries.get(country).copied()
    };
    for e in events.iter_mut() {
        for side in [&mut e.source, &mut e.target] {
            if let [a] = side.as_slice() {
                if let Some(c) = country_of(a).map(Actor::Entity) {
                    if !side.contains(&c) {
                        side.push(c);
                    }
                }
            }
        }
    }
}

/// Directed types whose target an article often names only in an earlier sentence ("Norland
/// summoned Sudria's envoy. … It warned of a response"): the party the source last dealt with.
/// Help and promises of help that name no recipient go, in news, to the country the article
/// is about ("Westmark sent two helicopters").
fn fill_counterparts(events: &mut [Event], main: Option<EntityId>) {
    for k in 0..events.len() {
        let Some(e) = events.get(k) else { break };
        let directed = matches!(
            e.kind,
            EventType::Threaten
                | EventType::Accuse
                | EventType::Request
                | EventType::Agree
                | EventType::Aid
                | EventType::Sanction
                | EventType::Concede
                | EventType::Retreat
                | EventType::Support
                | EventType::Protest
        );
        if !e.target.is_empty() || !directed || e.source.is_empty() {
            continue;
        }
        let ours = |a: &Actor| matches!(a, Actor::Entity(_)) && e.source.contains(a);
        let before = events.get(k.saturating_sub(8)..k).unwrap_or(&[]);
        let after = events.get(k + 1..(k + 5).min(events.len())).unwrap_or(&[]);
        let counterpart = {
            before.iter().rev().chain(after).find_map(|p| {
                let with = if p.source.iter().any(ours) {
                    &p.target
                } else if p.target.iter().any(ours) {
                    &p.source
                } else {
                    return None;
                };
                let named: Vec<Actor> = with
                    .iter()
                    .filter(|a| matches!(a, Actor::Entity(_)) && !e.source.contains(a))
                    .copied()
                    .collect();
                (!named.is_empty()).then_some(named)
            })
        };
        let helped = matches!(e.kind, EventType::Aid | EventType::Agree)
            .then_some(main)
            .flatten()
            .map(Actor::Entity)
            .filter(|m| !e.source.contains(m))
            .map(|m| vec![m]);
        if let (Some(c), Some(e)) = (counterpart.or(helped), events.get_mut(k)) {
            e.target = c;
        }
    }
}

/// The country the article names most often, counting the mentions of its towns and regions
/// ("Tarso", "Upper Tarso" count for Sudria).
fn main_country(doc: &Doc) -> Option<EntityId> {
    let ents = doc.entities.as_deref().unwrap_or(&[]);
    let places_in = |id: &str| -> usize {
        ents.iter()
            .filter(|e| {
                e.kind == EntityType::Gpe
                    && e.kb.as_ref().is_some_and(|k| {
                        k.id.split_once('/')
                            .is_some_and(|(country, _)| country == id)
                    })
            })
            .map(|e| e.mentions.len())
            .sum()
    };
    ents.iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let k = e.kb.as_ref().filter(|k| !k.id.contains('/'))?;
            // A country only named once by an adjective ("expelled two Sudrian diplomats")
            // is where someone comes from, not the country the article reports from.
            let named = e
                .mentions
                .iter()
                .any(|m| m.kind != newsgraph_doc::MentionKind::Demonym);
            let n = e.mentions.len() + places_in(&k.id);
            (e.kind == EntityType::Gpe && (named || n >= 2)).then_some((i, n))
        })
        .max_by_key(|&(i, n)| (n, usize::MAX - i))
        .and_then(|(i, _)| u32::try_from(i).ok())
        .map(EntityId)
}

/// "the government", "the authorities", "the military": in news, the article's main country.
/// Adds such nominals, where no entity mention covers them, as mentions of the country named
/// most often.
fn add_government_mentions(doc: &Doc, tokens: &[newsgraph_doc::Token], ments: &mut Vec<Ment>) {
    let Some(EntityId(country)) = main_country(doc) else {
        return;
    };
    let text = doc.text();
    let mut covered: Vec<ByteSpan> = ments.iter().map(|m| m.span).collect();
    covered.sort_by_key(|s| s.start());
    let mut prev: [&str; 2] = ["", ""];
    for t in tokens {
        let w = t.span.get(text).unwrap_or("");
        let l = w.to_ascii_lowercase();
        let head = matches!(
            l.as_str(),
            "government" | "authorities" | "military" | "army" | "junta" | "regime"
        );
        let sub_national = matches!(
            prev[1].to_ascii_lowercase().as_str(),
            "state"
                | "federal"
                | "regional"
                | "local"
                | "provincial"
                | "city"
                | "municipal"
                | "opposition"
                | "county"
                | "district"
        );
        // "the Sudanese army" is another country's.
        let named_modifier =
            !prev[1].eq_ignore_ascii_case("the") && prev[1].starts_with(|c: char| c.is_uppercase());
        if head
            && !sub_national
            && !named_modifier
            && (prev[1].eq_ignore_ascii_case("the") || prev[0].eq_ignore_ascii_case("the"))
            && !covered.iter().any(|c| c.overlaps(t.span))
        {
            ments.push(Ment {
                span: t.span,
                entity: EntityId(country),
                actor: true,
                place: false,
                minor_place: false,
            });
        }
        prev = [prev[1], w];
    }
}

pub(crate) fn word<'a>(words: &'a [Word], i: usize) -> &'a str {
    words.get(i).map(|w| w.low.as_str()).unwrap_or("")
}

#[allow(clippy::too_many_arguments)]
fn build_event(
    words: &[Word],
    i: usize,
    sense: Sense,
    sments: &[Ment],
    quotes: &[newsgraph_doc::Quote],
    date: Option<&(String, ByteSpan)>,
    ctx: &DocCtx,
    prev: Option<&Event>,
    noun: bool,
) -> Option<Event> {
    // Only words near the trigger can fill its roles: a window keeps a 10,000-word sentence
    // linear.
    let lo_w = i.saturating_sub(WINDOW);
    let hi_w = (i + WINDOW + 1).min(words.len());
    let words = words.get(lo_w..hi_w)?;
    let i = i - lo_w;
    let sments = {
        let a = words.first().map(|w| w.span.start()).unwrap_or(0);
        let b = words.last().map(|w| w.span.end()).unwrap_or(0);
        let lo = sments.partition_point(|m| m.span.start() < a);
        let hi = sments.partition_point(|m| m.span.start() < b);
        sments.get(lo..hi).unwrap_or(&[])
    };
    let trig = words.get(i)?.span;
    // "agreed to free", "threatened to strike": the governing verb's event stands for both;
    // "expected to be arrested": no event yet.
    let gov = (1..=3)
        .find(|&k| i > k && word(words, i - k) == "to")
        .map(|k| word(words, i - k - 1))
        .unwrap_or("");
    if i >= 2 && word(words, i - 1) == "to" && roles::is_intent_trigger(gov) {
        return None;
    }
    if matches!(
        gov,
        "expected"
            | "expects"
            | "feared"
            | "fears"
            | "likely"
            | "unlikely"
            | "due"
            | "supposed"
            | "authorised"
            | "authorized"
            | "allowed"
            | "permitted"
            | "able"
            | "unable"
            // "Japan's decision to release the water", "a plan to strike": what a decision
            // or plan is for has not happened.
            | "decision"
            | "decisions"
            | "plan"
            | "plans"
            | "proposal"
            | "proposals"
            | "bid"
            | "attempt"
            | "attempts"
            | "move"
            | "threat"
            | "threats"
            | "order"
            | "orders"
            | "right"
            | "ultimatum"
            | "deadline"
            // "was believed to have fled": a hedge, not a report.
            | "believed"
            | "thought"
            | "presumed"
            | "rumoured"
            | "rumored"
    ) {
        return None;
    }
    // "asked the church to mediate", "a statute that allows the navy to support harbour wardens":
    // the act an object-control verb asks for or permits has not happened.
    if i >= 2 && word(words, i - 1) == "to" && controlled_infinitive(words, i - 1) {
        return None;
    }
    // "three envoys who attended the summit said": the description of a quote's source
    // tells who speaks, it reports no happening.
    if quotes
        .iter()
        .any(|q| q.source.party.span.is_some_and(|sp| sp.contains(trig)))
    {
        return None;
    }
    // "used to evade Sudria's sanctions", "despite the embargo": a standing measure named,
    // not imposed.
    if sense.kind == EventType::Sanction
        && is_nominal(words, i, noun)
        && (i.saturating_sub(4)..i).any(|j| {
            let w = word(words, j);
            [
                "violat",
                "evad",
                "evasion",
                "breach",
                "circumvent",
                "flout",
                "defy",
                "defied",
            ]
            .iter()
            .any(|s| w.starts_with(s))
                || w == "despite"
        })
    {
        return None;
    }
    // "Velgrad denied that its forces had targeted civilians", "denied a report that it had
    // urged the mayor": what is denied is no event.
    if let Some(t) = (i.saturating_sub(10)..i).rev().find(|&j| {
        word(words, j) == "that"
            && (j + 1..i).all(|k| words.get(k).is_some_and(|w| w.kind != TokenKind::Punct))
    }) {
        let denial = (t.saturating_sub(12)..t)
            .rev()
            .find(|&j| {
                matches!(
                    word(words, j),
                    "denied" | "denies" | "deny" | "denying" | "dismissed" | "rejected"
                )
            })
            .is_some_and(|d| {
                (d + 1..t).all(|j| {
                    words.get(j).is_some_and(|w| {
                        w.kind != TokenKind::Punct || w.low == "'s" || w.low == "'"
                    })
                })
            });
        if denial {
            return None;
        }
    }
    // "anyone who cooperates", "any member who leaves": a generic relative clause names no
    // happening.
    {
        let g = roles::verb_group_start(words, i, 0);
        if g >= 1 && word(words, g - 1) == "who" {
            let e = if g >= 2 && word(words, g - 2) == "," {
                g - 2
            } else {
                g - 1
            };
            let generic = chunk::np_backward(words, e).is_some_and(|n| {
                matches!(
                    word(words, n.start),
                    "any" | "every" | "anyone" | "anybody" | "whoever" | "everyone" | "no"
                )
            });
            if generic {
                return None;
            }
        }
    }
    // "if it attacks", "unless he is released": a condition, not a happening; "no ship was
    // sent", "without charge": nothing happened.
    let lead = i.saturating_sub(4);
    if (lead..i).any(|j| matches!(word(words, j), "if" | "unless" | "whether" | "without"))
        || (i >= 1 && word(words, i - 1) == "no")
        || (i >= 2 && word(words, i - 2) == "no")
    {
        return None;
    }
    // "two men accused of murder", "a man charged with arson": a reduced relative names who
    // was accused, not who accused.
    if i >= 1
        && matches!(word(words, i + 1), "of" | "with" | "for")
        && matches!(
            word(words, i),
            "accused" | "charged" | "suspected" | "convicted" | "indicted" | "blamed"
        )
        && words.get(i - 1).is_some_and(|p| {
            p.kind == TokenKind::Word
                && p.raw.starts_with(char::is_lowercase)
                && !roles::is_chain_word(&p.low)
                && !matches!(
                    p.low.as_str(),
                    "he" | "she" | "it" | "they" | "we" | "i" | "who"
                )
        })
    {
        return None;
    }
    // "nine fishermen killed in an ambush by bandits": a reduced passive names
    // the victims; the clause that follows tells the happening.
    if i >= 1
        && sense.kind == EventType::Assault
        && matches!(
            word(words, i),
            "killed" | "wounded" | "injured" | "abducted" | "kidnapped" | "shot"
        )
        && words.get(i - 1).is_some_and(|p| {
            p.kind == TokenKind::Word
                && p.raw.starts_with(char::is_lowercase)
                && chunk::is_actor_noun(&p.low)
        })
        && (i + 1..(i + 5).min(words.len())).any(|j| word(words, j) == "when")
        && !(i + 1..(i + 5).min(words.len())).any(|j| word(words, j) == "by")
    {
        return None;
    }
    // Clause start: last break before the trigger.
    let mut cstart = 0;
    for j in (0..i).rev() {
        let w = word(words, j);
        if CLAUSE_BREAK.contains(&w) {
            cstart = j + 1;
            break;
        }
    }
    let mut cend = words.len();
    // The clause ends where a new verb or a new clause joined by a conjunction begins.
    let mut new_clause = false;
    // "Norland, which has deployed troops in Sudria, has objected …": a relative clause
    // between commas ends at its closing comma.
    let relative = cstart >= 2
        && matches!(word(words, cstart.saturating_sub(1)), "which" | "who")
        && word(words, cstart - 2) == ",";
    let relative = relative || {
        let g = roles::verb_group_start(words, i, 0);
        g >= 2 && matches!(word(words, g - 1), "which" | "who") && word(words, g - 2) == ","
    };
    for (j, w) in words.iter().enumerate().skip(i + 1) {
        if relative && w.low == "," {
            cend = j;
            new_clause = true;
            break;
        }
        let coordinated = w.low == ","
            && matches!(
                word(words, j + 1),
                "and" | "but" | "while" | "which" | "who" | "where" | "as"
            );
        // "denied wrongdoing and accused the council of bias": a second verb, a new clause.
        let next_verb = w.low == "and"
            && words.get(j + 1).is_some_and(|n| {
                n.kind == TokenKind::Word
                    && n.raw.starts_with(char::is_lowercase)
                    && n.low.ends_with("ed")
            });
        if CLAUSE_BREAK.contains(&w.low.as_str())
            || w.low == "said"
            || w.low == "says"
            || coordinated
            || next_verb
        {
            cend = j;
            new_clause = coordinated || next_verb;
            break;
        }
    }
    let clause_lo = words
        .get(cstart)
        .map(|w| w.span.start())
        .unwrap_or(trig.start());
    let clause_hi = if cend > 0 {
        words
            .get(cend - 1)
            .map(|w| w.span.end())
            .unwrap_or(trig.end())
    } else {
        trig.end()
    };
    let prep_before = |m: &Ment| -> bool {
        let k = words.partition_point(|w| w.span.start() < m.span.start());
        // Skip a few modifiers: "in northern X", "in Sudria's X province".
        for j in (k.saturating_sub(4)..k).rev() {
            let w = word(words, j);
            if PLACE_PREPS.contains(&w) {
                // "at Norland", "into Sudria": a country after a directional word is an actor.
                return m.minor_place || !matches!(w, "at" | "into" | "across");
            }
            let modifier = w.ends_with("ern")
                || matches!(
                    w,
                    "the" | "central" | "'s" | "'" | "neighbouring" | "neighboring"
                )
                || words
                    .get(j)
                    .is_some_and(|x| x.raw.chars().next().is_some_and(char::is_uppercase));
            if !modifier {
                return false;
            }
        }
        false
    };
    // Word distance between the trigger and a mention.
    let gap = |m: &Ment| -> usize {
        let a = words.partition_point(|w| w.span.start() < m.span.start());
        let b = words.partition_point(|w| w.span.start() < m.span.end());
        if b <= i {
            i - b
        } else {
            a.saturating_sub(i + 1)
        }
    };
    let spoken_to = |m: &Ment| -> bool {
        let k = words.partition_point(|w| w.span.start() < m.span.start());
        let told = k > 0
            && matches!(
                word(words, k - 1),
                "told" | "telling" | "tells" | "tell" | "("
            );
        // "according to the Tarso News Agency": who reports, not who acts.
        let according = (k.saturating_sub(5)..k)
            .any(|j| word(words, j) == "according" && word(words, j + 1) == "to");
        told || according
    };
    let is_role = |m: &Ment| m.actor && !(m.place && prep_before(m)) && !spoken_to(m);
    // A town or region heads an actor group only right next to the trigger.
    let head_ok = |m: &Ment| {
        if !m.minor_place {
            return true;
        }
        let g = gap(m);
        if g <= 1 {
            return true;
        }
        // "X will not attack": only auxiliaries and adverbs between subject and verb.
        let b = words.partition_point(|w| w.span.start() < m.span.end());
        g <= 3
            && b <= i
            && words.get(b..i).is_some_and(|ws| {
                ws.iter().all(|w| {
                    w.kind == TokenKind::Word
                        && w.raw.chars().all(|c| c.is_lowercase() || c == '\'')
                })
            })
    };
    // The verb of a trigger phrase: "opened fire", "placed on high alert".
    let vi = if word(words, i) == "fire" && i > 0 && word(words, i - 1).starts_with("open") {
        i - 1
    } else if word(words, i) == "alert" {
        (i.saturating_sub(6)..i)
            .rev()
            .find(|&j| {
                matches!(
                    word(words, j),
                    "placed" | "put" | "kept" | "remain" | "remained"
                )
            })
            .unwrap_or(i)
    } else {
        i
    };
    // Passive with "by".
    let passive = (1..=2).any(|k| vi >= k && PASSIVE_AUX.contains(&word(words, vi - k)))
        && words.get(vi).is_some_and(|w| {
            w.low.ends_with("ed")
                || matches!(
                    w.low.as_str(),
                    "put"
                        | "struck"
                        | "shot"
                        | "hit"
                        | "beaten"
                        | "taken"
                        | "held"
                        | "caught"
                        | "thrown"
                        | "brought"
                        | "sent"
                        | "led"
                        | "fought"
                        | "overrun"
                        | "withdrawn"
                        | "frozen"
                        | "seen"
                        | "stabbed"
                )
        });
    let by_at = if passive {
        (i + 1..cend.min(i + 4)).find(|&j| word(words, j) == "by")
    } else if word(words, i + 1) == "by" {
        // A nominal with its agent: "the attack by X on Y".
        Some(i + 1)
    } else {
        None
    };
    let before: Vec<&Ment> = sments
        .iter()
        .filter(|m| m.span.end() <= trig.start() && m.span.start() >= clause_lo && is_role(m))
        .collect();
    let mut after: Vec<&Ment> = sments
        .iter()
        .filter(|m| m.span.start() >= trig.end() && m.span.end() <= clause_hi && is_role(m))
        .collect();
    let contrast = |w: &str| matches!(w, "while" | "whereas" | "but");
    if after.is_empty()
        && !new_clause
        && !contrast(word(words, cend))
        && !contrast(word(words, cend + 1))
    {
        // No actor in the clause: the first one later in the sentence, before a reporting verb
        // (not past a contrast: "X pressed for sanctions, while Y argued …").
        let stop = words
            .iter()
            .skip(i + 1)
            .find(|w| matches!(w.low.as_str(), "said" | "says" | "told" | ";"))
            .map(|w| w.span.start())
            .unwrap_or(usize::MAX);
        after = sments
            .iter()
            .filter(|m| m.span.start() >= trig.end() && m.span.end() <= stop && is_role(m))
            .take(1)
            .collect();
    }
    // An apposition right before the trigger ("X, the head of Y, said") is skipped: the
    // subject is the actor before its opening comma.
    let mut before = before;
    let mut k = i;
    while k > cstart && AUX.contains(&word(words, k - 1)) {
        k -= 1;
    }
    let mark = if k > 0 { word(words, k - 1) } else { "" };
    if matches!(mark, "," | "–" | "—" | "-") {
        let i = k;
        if let Some(open) = (cstart..i - 1).rev().find(|&j| word(words, j) == mark) {
            let cut = words.get(open).map(|w| w.span.start()).unwrap_or(0);
            let seg_lo = words.get(open + 1).map(|w| w.span.start()).unwrap_or(0);
            let seg_hi = i
                .checked_sub(2)
                .and_then(|h| words.get(h))
                .map(|w| w.span.end())
                .unwrap_or(0);
            // "…, Ana Velmor, said": a name filling the commas is the subject itself.
            let name_fills = before
                .iter()
                .any(|m| m.span.start() <= seg_lo && m.span.end() >= seg_hi);
            let kept: Vec<&Ment> = before
                .iter()
                .copied()
                .filter(|m| m.span.end() <= cut)
                .collect();
            if !kept.is_empty() && !name_fills {
                before = kept;
            }
        }
    }
    let nearest_before = group_back(words, &before, &head_ok);
    let clause_subject = nearest_before.clone();
    let (mut source, mut target) = match by_at {
        Some(b) => {
            let bstart = words.get(b)?.span.end();
            let after_by: Vec<&Ment> = after
                .iter()
                .copied()
                .filter(|m| m.span.start() >= bstart)
                .collect();
            let agent = group_fwd(words, &after_by, &head_ok);
            if passive {
                (agent, nearest_before)
            } else {
                let agent_end = after_by
                    .iter()
                    .filter(|m| agent.contains(&m.entity))
                    .map(|m| m.span.end())
                    .max()
                    .unwrap_or(bstart);
                let rest: Vec<&Ment> = after_by
                    .iter()
                    .copied()
                    .filter(|m| m.span.start() >= agent_end)
                    .collect();
                (agent, group_fwd(words, &rest, &head_ok))
            }
        }
        None if passive => (Vec::new(), nearest_before),
        None => (nearest_before, group_fwd(words, &after, &head_ok)),
    };
    dedup(&mut source);
    dedup(&mut target);
    target.retain(|t| !source.contains(t));
    let mut source: Vec<Actor> = source.into_iter().map(Actor::Entity).collect();
    let mut target: Vec<Actor> = target.into_iter().map(Actor::Entity).collect();
    // The clause's own roles, read with the chunker, take precedence over the nearest
    // mentions: the subject before the verb group, the object after the verb.
    let roles = Roles {
        words,
        sments,
        quotes,
        trig,
        before: &before,
        after: &after,
        head_ok: &head_ok,
        all: ctx.all,
        ents: ctx.ents,
    };
    let nominal = is_nominal(words, i, noun);
    if !nominal {
        let g = roles::verb_group_start(words, vi, cstart);
        let before_g = if g > 0 { word(words, g - 1) } else { "" };
        // "X thanked Y and urged Z", "X expelled Y, accusing it of …": the subject of the
        // verb before, an event's or a quote's cue's.
        let coordinated =
            g > 0 && (before_g == "and" || (before_g == "," && word(words, vi).ends_with("ing")));
        let in_quote = |t: ByteSpan| quotes.iter().position(|q| q.content.contains(t));
        let cue_before = quotes
            .iter()
            .filter(|q| {
                q.cue.is_some_and(|c| {
                    c.end() <= trig.start()
                        && c.start()
                            >= clause_lo.min(words.first().map(|w| w.span.start()).unwrap_or(0))
                }) && q.content.end() <= trig.start()
                    && (q.source.party.entity.is_some() || q.source.party.span.is_some())
            })
            .filter_map(|q| q.cue.map(|c| (c, q)))
            .max_by_key(|(c, _)| c.start());
        // The speaker of a cue; where the attribution layer left it unresolved, the subject
        // of the cue verb ("The Commission on Human Rights said …, and accused …").
        let cue_speaker = |c: ByteSpan, q: &newsgraph_doc::Quote| -> Option<Vec<Actor>> {
            q.source
                .party
                .entity
                .map(|e| vec![Actor::Entity(e)])
                .or_else(|| {
                    let k = words.partition_point(|w| w.span.start() < c.start());
                    roles::subject(words, roles::verb_group_start(words, k, 0), 0)
                        .and_then(|sj| roles.subject_actors(sj, sense.kind))
                        .filter(|a| a.iter().any(|x| x.entity().is_some()))
                })
        };
        let prev = prev.filter(|p| in_quote(p.trigger) == in_quote(trig));
        let from_prev: Option<Vec<Actor>> = match (prev, cue_before) {
            (Some(p), Some((c, q))) if c.start() > p.trigger.start() => cue_speaker(c, q),
            (Some(p), _) => Some(p.source.clone()),
            (None, Some((c, q))) => cue_speaker(c, q),
            (None, None) => None,
        };
        // The subject of the first of two joined verbs ("the audit office had investigated
        // and rejected nine claims").
        let first_subject = || {
            if g < 3 || before_g != "and" {
                return None;
            }
            let v = g - 2;
            let first_verb = words.get(v).is_some_and(|w| {
                w.kind == TokenKind::Word
                    && w.raw.starts_with(char::is_lowercase)
                    && w.low.ends_with("ed")
            });
            // "it had launched an operation … and had killed 12": the auxiliary of the first
            // verb group, further back.
            let v = if first_verb {
                Some(v)
            } else if g == vi {
                // "… and warning that …": a participle has no auxiliary to match.
                None
            } else {
                (cstart..g - 1)
                    .rev()
                    .take(14)
                    .find(|&j| {
                        matches!(
                            word(words, j),
                            "had" | "has" | "have" | "was" | "were" | "will" | "would"
                        ) && words
                            .get(j)
                            .is_some_and(|w| in_quote(w.span) == in_quote(trig))
                    })
                    .map(|j| j + 1)
            };
            v.and_then(|v| roles::subject(words, roles::verb_group_start(words, v, cstart), cstart))
                .and_then(|sj| roles.subject_actors(sj, sense.kind))
                .filter(|a| !a.is_empty())
        };
        let subj = match from_prev {
            // A speaker's cue before the first verb, whose own subject names the actor.
            Some(_) if coordinated && prev.is_none() && first_subject().is_some() => {
                first_subject()
            }
            Some(p) if coordinated => Some(p),
            // A second verb whose first one named no event: the first verb's subject
            // ("the audit office had investigated and rejected nine claims").
            None if before_g == "and" => Some(first_subject().unwrap_or_default()),
            _ => match roles::subject(words, g, cstart) {
                // An unresolved pronoun leaves the nearest actor before it to decide.
                Some(sj @ roles::Subject::Pronoun(_)) => roles.subject_actors(sj, sense.kind),
                Some(sj) => Some(roles.subject_actors(sj, sense.kind).unwrap_or_default()),
                None => None,
            },
        };
        let obj_np = roles::object(words, i, cend, false);
        let mut obj = obj_np.and_then(|n| roles.np_actors(n, false));
        // "accusing them of …": the pronoun's entity, or the last event's target.
        if let Some(n) = obj_np.filter(|n| n.end == n.start + 1) {
            let w = word(words, n.start);
            if matches!(w, "them" | "him" | "her" | "it" | "us") {
                let sp = words.get(n.start).map(|x| x.span);
                obj = sments
                    .iter()
                    .find(|m| m.actor && sp.is_some_and(|sp| m.span.overlaps(sp)))
                    .map(|m| vec![Actor::Entity(m.entity)])
                    .or_else(|| prev.map(|p| p.target.clone()).filter(|t| !t.is_empty()));
            }
        }

        // "France withdrew its forces": its own people, which the mention list may still
        // hold, are no target.
        if obj.is_none()
            && obj_np.is_some_and(|n| matches!(word(words, n.start), "its" | "their" | "our"))
        {
            target.clear();
        }
        // "Norland recalled its envoy from Sudria": its own people are no target.
        if let (Some(o), Some(sj)) = (&obj, &subj) {
            if !o.is_empty() && o.iter().all(|a| sj.contains(a)) {
                obj = None;
            }
        }
        if passive {
            if let Some(t) = subj {
                target = t;
            }
            let agent = by_at
                .and_then(|b| chunk::np_forward(words, b + 1))
                .and_then(|n| roles.np_actors(n, false));
            if let Some(a) = agent {
                source = a;
            } else if sense.kind == EventType::Mobilize {
                // "soldiers were deployed": the mobilised are the actors.
                source = std::mem::take(&mut target);
            } else if by_at.is_none()
                && matches!(
                    sense.kind,
                    EventType::Coerce | EventType::Retreat | EventType::Sanction
                )
            {
                // "nine people were detained, a police spokesman said": the speaker's body.
                source.clear();
                if let Some(q) = quotes.iter().find(|q| q.content.contains(trig)) {
                    let org = q.source.party.entity.filter(|e| {
                        ctx.ents
                            .get(e.index())
                            .is_some_and(|x| matches!(x.kind, EntityType::Org | EntityType::Group))
                    });
                    if let Some(e) = q.source.affiliations.first().copied().or(org) {
                        source = vec![Actor::Entity(e)];
                    }
                }
            }
        } else {
            if let Some(s) = subj {
                source = s;
            }
            if is_theme_verb(word(words, i)) {
                // "sent aircraft to Norland", "offered Sudria a loan": the recipient, not
                // the thing given.
                let recipient = (i + 1..cend)
                    .find_map(|j| {
                        let w = word(words, j);
                        let next = word(words, j + 1);
                        if w == "to" && matches!(next, "help" | "assist" | "support") {
                            // "sent boats to help Sudria guard its coast".
                            Some(j + 2)
                        } else if matches!(w, "to" | "for") {
                            Some(j + 1)
                        } else {
                            None
                        }
                    })
                    .and_then(|j| {
                        chunk::np_forward(words, j)
                            .and_then(|n| roles.np_actors(n, false))
                            .or_else(|| {
                                // "to help Sudria guard its coast": the named party.
                                let at = words.get(j)?.span;
                                sments
                                    .iter()
                                    .find(|m| m.actor && m.span.start() == at.start())
                                    .map(|m| vec![Actor::Entity(m.entity)])
                            })
                    });
                if let Some(r) = recipient {
                    target = r;
                } else if let Some(o) = obj.filter(|o| {
                    // A named recipient, not a description of what was given ("50 soldiers").
                    o.iter().all(|a| {
                        a.entity().is_some_and(|e| {
                            ctx.ents
                                .get(e.index())
                                .is_some_and(|x| x.kind != EntityType::Group)
                        })
                    })
                }) {
                    target = o;
                } else {
                    target.clear();
                }
            } else if let Some(o) = obj {
                target = o;
            } else if let Some(t) = (sense.kind == EventType::Assault)
                .then(|| {
                    // "fired tear gas to disperse the crowds".
                    (i + 1..cend)
                        .find(|&j| word(words, j).starts_with("dispers"))
                        .and_then(|j| chunk::np_forward(words, j + 1))
                        .filter(|n| n.end <= cend)
                        .and_then(|n| roles.np_actors(n, false))
                })
                .flatten()
            {
                target = t;
            } else if let Some(t) = (sense.kind == EventType::Assault)
                .then(|| {
                    // "opened fire with rockets on its outposts".
                    (i + 1..cend.min(i + 12))
                        .filter(|&j| matches!(word(words, j), "on" | "at" | "against"))
                        .find_map(|j| {
                            chunk::np_forward(words, j + 1)
                                .filter(|n| n.end <= cend)
                                .and_then(|n| roles.np_actors(n, false))
                        })
                })
                .flatten()
            {
                target = t;
            } else if let Some(o) = roles::object(words, i, cend, false) {
                // "froze payments to the federation": the party the act is aimed at.
                let prep = word(words, o.end);
                // "froze its role in the alliance".
                let share_in = prep == "in"
                    && words.get(o.head).is_some_and(|h| {
                        matches!(
                            h.low.as_str(),
                            "participation" | "membership" | "involvement" | "cooperation"
                        )
                    });
                // "reopened its crossing at Kessa to aid lorries": one place phrase
                // may stand between the object and the party.
                let (o, prep) = if matches!(prep, "at" | "in" | "near")
                    && matches!(sense.kind, EventType::Retreat | EventType::Concede)
                {
                    match chunk::np_forward(words, o.end + 1) {
                        Some(p) if word(words, p.end) == "to" => (
                            chunk::Np {
                                start: o.start,
                                end: p.end,
                                head: o.head,
                            },
                            "to",
                        ),
                        _ => (o, prep),
                    }
                } else {
                    (o, prep)
                };
                // "pulled its soldiers out of Sudria".
                let out_of = prep == "out" && word(words, o.end + 1) == "of";
                if matches!(prep, "to" | "from" | "against" | "on" | "with") || share_in || out_of {
                    let at = if out_of { o.end + 2 } else { o.end + 1 };
                    let pp = chunk::np_forward(words, at).filter(|n| n.end <= cend);
                    // "to Harbour Fund convoys": the body that names the phrase.
                    let named_inside = |n: chunk::Np| {
                        let lo = words.get(n.start)?.span.start();
                        let hi = words.get(n.end.checked_sub(1)?)?.span.end();
                        sments
                            .iter()
                            .find(|m| m.actor && m.span.start() >= lo && m.span.end() <= hi)
                            .map(|m| vec![Actor::Entity(m.entity)])
                    };
                    if let Some(t) = pp
                        .and_then(|n| roles.np_actors(n, false))
                        .filter(|t| t.iter().all(|a| a.entity().is_some()))
                        .or_else(|| pp.and_then(named_inside))
                    {
                        target = t;
                    }
                }
            }
        }
    } else {
        if let Some(o) = roles::object(words, i, cend, true).and_then(|n| roles.np_actors(n, false))
        {
            if by_at.is_none() {
                target = o;
            }
        }
        // A noun names its agent by a possessive, a modifier, "by", or the subject of a light
        // verb ("launched an attack"); without one, its agent is unknown.
        if by_at.is_none() {
            let n = roles.nominal_source(i, cstart, sense.kind);
            source = n.source.unwrap_or_default();
            // "spoke with Y in a phone call", "… during talks with Y": the clause's subject
            // met Y.
            if source.is_empty() && sense.kind == EventType::Consult && word(words, i + 1) == "with"
            {
                source = clause_subject.iter().copied().map(Actor::Entity).collect();
            }
            if let Some(r) = n.recipient {
                target = r;
            }
            // "the arrest of the editor by police": the agent after the patient.
            if source.is_empty() && word(words, i + 1) == "of" {
                if let Some(obj) = chunk::np_forward(words, i + 2).filter(|n| n.end < cend) {
                    let by = if word(words, obj.end) == "by" {
                        Some(obj)
                    } else {
                        // The chunker keeps one "of" phrase ("of the leader of the party").
                        None
                    };
                    if let Some(agent) = by
                        .and_then(|o| chunk::np_forward(words, o.end + 1))
                        .filter(|n| n.end <= cend)
                        .and_then(|n| actors_upto(&roles, words, n))
                    {
                        if let Some(t) = roles.np_actors(obj, false) {
                            target = t;
                        }
                        source = agent;
                    }
                }
            }
            // "talks between the union and the employers": one side meets the other.
            if source.is_empty()
                && sense.kind == EventType::Consult
                && word(words, i + 1) == "between"
            {
                let a = chunk::np_forward(words, i + 2).filter(|n| word(words, n.end) == "and");
                let b = a.and_then(|a| chunk::np_forward(words, a.end + 1));
                if let (Some(sa), Some(tb)) = (
                    a.and_then(|n| roles.np_actors(n, false)),
                    b.filter(|n| n.end <= cend)
                        .and_then(|n| roles.np_actors(n, false)),
                ) {
                    source = sa;
                    target = tb;
                }
            }
        }
        // "the strike by dock workers", "the attack by gunmen on the convoy": an agent no
        // entity names, and what the act was aimed at.
        if word(words, i + 1) == "by" {
            let agent_np = chunk::np_forward(words, i + 2).filter(|n| n.end <= cend);
            if source.is_empty() {
                if let Some(agent) = agent_np.and_then(|n| actors_upto(&roles, words, n)) {
                    source = agent;
                }
            }
            if let Some(n) = agent_np
                .filter(|n| target.is_empty() && matches!(word(words, n.end), "on" | "against"))
            {
                if let Some(t) = chunk::np_forward(words, n.end + 1)
                    .filter(|o| o.end <= cend)
                    .and_then(|o| actors_upto(&roles, words, o))
                {
                    target = t;
                }
            }
        }
    }
    // "Velka, a village the rebels have besieged": the object of a relative clause without
    // "that" is the phrase it describes, in apposition to a name.
    if target.is_empty() && !nominal && !passive && roles::object(words, i, cend, false).is_none() {
        let g = roles::verb_group_start(words, vi, 0);
        if let Some(roles::Subject::Phrase(sj)) = roles::subject(words, g, 0) {
            let head = chunk::np_backward(words, sj.start).filter(|n| {
                n.end == sj.start
                    && n.start >= 1
                    && matches!(word(words, n.start), "a" | "an" | "the")
                    && word(words, n.start - 1) == ","
            });
            if let Some(n) = head {
                let comma = words.get(n.start - 1).map(|w| w.span.start()).unwrap_or(0);
                if let Some(m) = sments
                    .iter()
                    .rfind(|m| m.actor && m.span.end() <= comma && comma - m.span.end() <= 1)
                {
                    target = vec![Actor::Entity(m.entity)];
                }
            }
        }
    }
    // "the bridge was destroyed by artillery": the one acted on is named by a phrase that is
    // no actor (the subject of a passive); it stands as the target.
    if target.is_empty()
        && !nominal
        && passive
        && matches!(
            sense.kind,
            EventType::Assault | EventType::Aid | EventType::Coerce
        )
    {
        let g = roles::verb_group_start(words, vi, 0);
        let np = match roles::subject(words, g, 0) {
            Some(roles::Subject::Phrase(n)) if n.end <= vi => Some(n),
            _ => None,
        };
        let np = np.filter(|n| {
            n.end > n.start
                && words.get(n.head).is_some_and(|h| {
                    h.kind == TokenKind::Word
                        && h.raw.starts_with(char::is_lowercase)
                        && !chunk::is_stop_word(&h.low)
                })
                && !matches!(
                    word(words, n.start),
                    "his" | "her" | "its" | "their" | "our" | "my" | "your"
                )
        });
        if let Some(n) = np {
            if let (Some(a), Some(b)) = (words.get(n.start), words.get(n.end - 1)) {
                let sp = a.span.cover(b.span);
                if !source.contains(&Actor::Phrase(sp)) {
                    target = vec![Actor::Phrase(sp)];
                }
            }
        }
    }
    // "medics treated the wounded": those cared for are the target, though no actor.
    if target.is_empty() && sense.kind == EventType::Aid && word(words, i).starts_with("treat") {
        // "the wounded", "the injured": an adjective standing for the people.
        let bare = (word(words, i + 1) == "the"
            && matches!(word(words, i + 2), "wounded" | "injured" | "sick"))
        .then_some((i + 1, i + 3));
        let span = chunk::np_forward(words, i + 1)
            .filter(|n| n.end <= cend && n.end > n.start)
            .map(|n| (n.start, n.end))
            .or(bare);
        if let Some((lo, hi)) = span {
            if let (Some(a), Some(b)) = (words.get(lo), words.get(hi - 1)) {
                target = vec![Actor::Phrase(a.span.cover(b.span))];
            }
        }
    }
    // "threatened to attack the airport", "vowed to seize the port": what the threatened act
    // would strike stands as the target, though no actor.
    if target.is_empty()
        && !nominal
        && sense.kind == EventType::Threaten
        && word(words, i + 1) == "to"
        && words
            .get(i + 2)
            .is_some_and(|w| w.kind == TokenKind::Word && !chunk::is_stop_word(&w.low))
    {
        let np = roles::object(words, i + 2, cend, false).filter(|n| {
            n.start == i + 3
                && words.get(n.head).is_some_and(|h| {
                    h.kind == TokenKind::Word
                        && h.raw.starts_with(char::is_lowercase)
                        && !chunk::is_stop_word(&h.low)
                })
                && !matches!(
                    word(words, n.start),
                    "his" | "her" | "its" | "their" | "our" | "my" | "your"
                )
        });
        if let Some(n) = np {
            if let (Some(a), Some(b)) = (words.get(n.start), words.get(n.end - 1)) {
                target = vec![Actor::Phrase(a.span.cover(b.span))];
            }
        }
    }
    // "condemned the Norlandic strikes on Velgrad": blame falls on the party that did what is
    // condemned (named inside the object before "on"/"against"), not on its victim.
    if sense.kind == EventType::Accuse && !nominal && !passive {
        if let Some(n) = roles::object(words, i, cend, false)
            .filter(|n| matches!(word(words, n.end), "on" | "against"))
        {
            let (lo, hi) = match (words.get(n.start), words.get(n.end - 1)) {
                (Some(a), Some(b)) => (a.span.start(), b.span.end()),
                _ => (0, 0),
            };
            let doer: Vec<Actor> = sments
                .iter()
                .filter(|m| m.actor && m.span.start() >= lo && m.span.end() <= hi)
                .map(|m| Actor::Entity(m.entity))
                .collect();
            if !doer.is_empty() && doer.iter().all(|a| !source.contains(a)) {
                target = doer;
            }
        }
    }
    // "will defend himself at trial": no support of anyone.
    if sense.kind == EventType::Support
        && matches!(
            word(words, i + 1),
            "himself" | "herself" | "itself" | "themselves" | "ourselves"
        )
    {
        return None;
    }
    // "the ministry said Sudria was responsible for the blast": the speaker accuses the
    // subject; the article's own account accuses no one.
    if sense.kind == EventType::Accuse
        && matches!(word(words, i), "responsible" | "committed" | "committing")
    {
        let q = quotes.iter().find(|q| q.content.contains(trig))?;
        let speaker = q
            .source
            .party
            .entity
            .or_else(|| q.source.affiliations.first().copied())
            .map(Actor::Entity)
            .or_else(|| {
                q.source
                    .party
                    .span
                    .filter(|sp| sp.len() < 60)
                    .map(Actor::Phrase)
            })?;
        target = std::mem::take(&mut source);
        source = vec![speaker];
    }
    // "handed back 18 prisoners of war to Norland": the party they are handed to stands beside
    // them.
    if sense.kind == EventType::Retreat && !nominal {
        if let Some(o) = roles::object(words, i, cend, false).filter(|o| word(words, o.end) == "to")
        {
            let to = chunk::np_forward(words, o.end + 1)
                .filter(|n| n.end <= cend)
                .and_then(|n| roles.np_actors(n, false))
                .filter(|t| t.iter().all(|a| a.entity().is_some()));
            if let Some(t) = to {
                for a in t {
                    if !target.contains(&a) && !source.contains(&a) {
                        target.push(a);
                    }
                }
            }
        }
    }
    // "called for more weapons from the United States": who is asked.
    if target.is_empty() && sense.kind == EventType::Request {
        if let Some(t) = (i + 1..cend.min(i + 10))
            .filter(|&j| word(words, j) == "from")
            .find_map(|j| {
                chunk::np_forward(words, j + 1)
                    .filter(|n| n.end <= cend)
                    .and_then(|n| roles.np_actors(n, false))
                    .filter(|t| t.iter().any(|a| a.entity().is_some()))
            })
        {
            target = t;
        }
    }
    // "demanded that the company pay compensation", "insisted that Sudria withdraw": the
    // one asked is the subject of the complement.
    if target.is_empty() && sense.kind == EventType::Request && !nominal {
        // The chunker runs on into the verb of a subjunctive ("the company pay
        // compensation"): the phrase ends at its last word for people or bodies.
        let comp = (i + 1..(i + 3).min(words.len()))
            .find(|&j| word(words, j) == "that")
            .and_then(|j| chunk::np_forward(words, j + 1));
        let asked = comp.and_then(|n| actors_upto(&roles, words, n));
        if let Some(t) = asked.filter(|t| !t.iter().any(|x| source.contains(x))) {
            target = t;
        }
    }
    // "two officers were injured when demonstrators hurled rocks": the injured are the target
    // (rather than where the stones were aimed: "at the police line").
    if sense.kind == EventType::Assault && cstart >= 3 {
        let wh = cstart - 1;
        if word(words, wh) == "when"
            && matches!(
                word(words, wh - 1),
                "injured" | "wounded" | "hurt" | "killed" | "hit"
            )
            && matches!(word(words, wh - 2), "was" | "were")
        {
            if let Some(t) =
                chunk::np_backward(words, wh - 2).and_then(|n| roles.np_actors(n, false))
            {
                target = t;
            }
        }
    }
    // A speech act whose cue the attribution layer read ("X accused Y", "X urged Y"): its
    // speaker is the event's source, its addressee the target.
    if let Some(q) = quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| c.overlaps(trig)))
    {
        if let Some(e) = q.source.party.entity {
            source = vec![Actor::Entity(e)];
        } else if let Some(sp) = q.source.party.span.filter(|sp| {
            // A phrase that reads as a name or description, not a clause fragment
            // ("restraint and").
            let inside: Vec<&Word> = words.iter().filter(|w| sp.contains(w.span)).collect();
            sp.len() < 60
                && inside.first().is_some_and(|w| {
                    w.raw.starts_with(char::is_uppercase)
                        || chunk::is_det_word(&w.low)
                        || w.kind == TokenKind::Number
                })
                && inside.last().is_some_and(|w| !chunk::is_stop_word(&w.low))
        }) {
            if source.is_empty() {
                source = vec![Actor::Phrase(sp)];
            }
        }
        if let Some(a) = q.addressee.as_ref() {
            if let Some(e) = a.entity {
                target = vec![Actor::Entity(e)];
            }
        }
    }
    let they = !nominal && {
        let g = roles::verb_group_start(words, i, cstart);
        g > 0 && word(words, g - 1) == "they"
    };
    if let ([a, b], true, EventType::Consult) =
        (source.as_slice(), target.is_empty() || they, sense.kind)
    {
        // "A and B met": one meets the other.
        let (a, b) = (*a, *b);
        source = vec![a];
        target = vec![b];
    }
    // "A and B agreed to end their dispute", "… signed a pact", "… launched joint patrols":
    // a mutual act, each the other's counterpart.
    let mutual = match sense.kind {
        EventType::Cooperate => true,
        EventType::Agree | EventType::Support => {
            let w = word(words, i);
            w.starts_with("agree") || w.starts_with("sign")
        }
        _ => false,
    };
    if let ([a, b], true, true) = (source.as_slice(), target.is_empty(), mutual) {
        let (a, b) = (*a, *b);
        if a.entity().is_some() && b.entity().is_some() {
            source = vec![a];
            target = vec![b];
        }
    }
    // "agreed to a ceasefire with the government", "signed a truce with the army", "shared
    // data with Norland": the party on the other side of the accord.
    if target.is_empty()
        && !nominal
        && matches!(
            sense.kind,
            EventType::Agree | EventType::Support | EventType::Cooperate | EventType::Consult
        )
    {
        if let Some(t) = (i + 1..cend.min(i + 10))
            .take_while(|&j| !matches!(word(words, j), "," | "that" | "and" | "but"))
            .filter(|&j| word(words, j) == "with")
            .find_map(|j| {
                chunk::np_forward(words, j + 1)
                    .filter(|n| n.end <= cend)
                    .and_then(|n| roles.np_actors(n, false))
            })
            .filter(|t| !t.iter().any(|x| source.contains(x)))
        {
            target = t;
        }
    }
    // "X told Y that Z would …": a promise, concession, threat or demand made to Y.
    if target.is_empty()
        && matches!(
            sense.kind,
            EventType::Agree
                | EventType::Concede
                | EventType::Threaten
                | EventType::Request
                | EventType::Retreat
                | EventType::Aid
        )
    {
        if let Some(e) = quotes
            .iter()
            .find(|q| q.content.contains(trig))
            .and_then(|q| q.addressee.as_ref())
            .and_then(|a| a.entity)
        {
            target = vec![Actor::Entity(e)];
        }
    }
    // "warned that vessels entering the strait would be targeted", "threatened that the
    // union would …": the subject of the complement clause is the one threatened.
    target.retain(|t| !source.contains(t));
    // "massed troops near the border", "scrambled fighter jets": the forces moved are no
    // target.
    if sense.kind == EventType::Mobilize {
        target.retain(|t| match t {
            Actor::Phrase(sp) => !words
                .iter()
                .rfind(|w| sp.contains(w.span))
                .is_some_and(|w| chunk::is_organ_noun(&w.low)),
            Actor::Entity(_) => true,
        });
        target.retain(|t| {
            !t.entity().is_some_and(|e| {
                ctx.ents.get(e.index()).is_some_and(|x| {
                    x.kind == EntityType::Group
                        && x.name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| chunk::is_organ_noun(&w.to_lowercase()))
                })
            })
        });
    }
    if target.is_empty() && sense.kind == EventType::Threaten && !nominal {
        let that = (i + 1..(i + 3).min(words.len()))
            .find(|&j| word(words, j) == "that")
            .filter(|&j| {
                (i + 1..j).all(|k| {
                    words
                        .get(k)
                        .is_some_and(|w| w.raw.starts_with(char::is_lowercase))
                })
            });
        let comp = that.and_then(|j| chunk::np_forward(words, j + 1));
        let comp_actors = comp.and_then(|n| roles.np_actors(n, false));
        // "warned that his fighters would keep raiding police stations", "warned that it would
        // strike the depots": the speaker's own side acts; what it acts on is threatened.
        let own_side = comp.is_some_and(|n| {
            matches!(
                word(words, n.start),
                "his" | "her" | "its" | "their" | "our"
            ) && words.get(n.head).is_some_and(|h| {
                chunk::is_actor_noun(&h.low)
                    || chunk::is_organ_noun(&h.low)
                    || matches!(h.low.as_str(), "movement" | "side" | "people")
            })
        }) || comp_actors
            .as_ref()
            .is_some_and(|a| !a.is_empty() && a.iter().all(|x| source.contains(x)));
        let pronoun = that.is_some_and(|j| matches!(word(words, j + 1), "it" | "they" | "we"));
        if own_side || pronoun {
            let mut k = match (comp, that) {
                (Some(n), _) if !pronoun => n.end,
                (_, Some(j)) => j + 2,
                _ => words.len(),
            };
            while matches!(
                word(words, k),
                "would" | "will" | "could" | "may" | "might" | "keep" | "continue" | "to" | "be"
            ) {
                k += 1;
            }
            let verb = words.get(k).is_some_and(|w| {
                w.kind == TokenKind::Word
                    && w.raw.starts_with(char::is_lowercase)
                    && !chunk::is_stop_word(&w.low)
            });
            if verb {
                // "would blow up the pipelines": the particle belongs to the verb.
                if matches!(word(words, k + 1), "up" | "out" | "off" | "down") {
                    k += 1;
                }
                let obj = chunk::np_forward(words, k + 1);
                if let Some(t) = obj
                    .and_then(|n| roles.np_actors(n, false))
                    .filter(|t| !t.iter().any(|x| source.contains(x)))
                {
                    target = t;
                } else if let Some(n) = obj.filter(|n| {
                    // "would blow up the pipelines", "will target bridges and ports": what
                    // the own side would strike is the threatened, though no actor.
                    words.get(n.head).is_some_and(|h| {
                        h.kind == TokenKind::Word
                            && h.raw.starts_with(char::is_lowercase)
                            && !chunk::is_stop_word(&h.low)
                            && !matches!(
                                word(words, n.start),
                                "his" | "her" | "its" | "their" | "our"
                            )
                    })
                }) {
                    if let (Some(a), Some(b)) = (words.get(n.start), words.get(n.end - 1)) {
                        target = vec![Actor::Phrase(a.span.cover(b.span))];
                    }
                }
            }
        } else if let Some(t) = comp_actors {
            target = t;
        }
    }
    target.retain(|t| !source.contains(t));
    // An event with no known actor cannot be told apart from others: left out; a named
    // person or body arrested or attacked by someone unnamed ("Ivo Drest was detained") is
    // told apart by its target.
    let named_victim = passive
        && matches!(sense.kind, EventType::Coerce | EventType::Assault)
        && !target.is_empty()
        && target.iter().all(|a| {
            a.entity().is_some_and(|e| {
                ctx.ents
                    .get(e.index())
                    .is_some_and(|x| matches!(x.kind, EntityType::Person | EntityType::Org))
            })
        });
    if source.is_empty() && !named_victim {
        return None;
    }
    let location = sments
        .iter()
        .filter(|m| {
            m.place
                && prep_before(m)
                && m.span.start() >= clause_lo
                && m.span.end() <= clause_hi.max(trig.end())
        })
        .map(|m| m.entity)
        .next();
    // Negation and modality: up to four words before the trigger, within the clause.
    let from = i.saturating_sub(4).max(cstart);
    let near: Vec<&str> = (from..i).map(|j| word(words, j)).collect();
    let negated = near
        .iter()
        .any(|w| NEGATORS.contains(w) || w.ends_with("n't"));
    let mut modality = if near.iter().any(|w| HYPOTHETICAL.contains(w)) {
        Modality::Hypothetical
    } else if near.iter().any(|w| FUTURE.contains(w)) {
        Modality::Future
    } else {
        Modality::Asserted
    };
    // "will not attend", "refused to sign": a refusal.
    let mut kind = sense.kind;
    // "deployed soldiers to help clear debris", "will deploy nine doctors": help, not
    // a show of force.
    let helpers = roles::object(words, i, cend, false)
        .and_then(|n| words.get(n.head))
        .is_some_and(|h| {
            matches!(
                h.low.as_str(),
                "doctors"
                    | "nurses"
                    | "surgeons"
                    | "physicians"
                    | "paramedics"
                    | "midwives"
                    | "vets"
                    | "veterinarians"
                    | "clinicians"
                    | "specialists"
                    | "technicians"
                    | "divers"
                    | "lifeguards"
                    | "ambulances"
                    | "medicines"
                    | "blankets"
                    | "generators"
                    | "medics"
                    | "epidemiologists"
                    | "experts"
                    | "firefighters"
                    | "rescuers"
                    | "laboratories"
                    | "labs"
                    | "hospitals"
                    | "volunteers"
                    | "workers"
                    | "engineers"
                    | "supplies"
                    | "vaccines"
                    | "tents"
            )
        });
    if kind == EventType::Mobilize
        && (helpers
            || (i + 1..cend.saturating_sub(1)).any(|j| {
                word(words, j) == "to"
                    && matches!(word(words, j + 1), "help" | "assist" | "support" | "aid")
            }))
    {
        kind = EventType::Aid;
    }
    // "sent troops to its border": a show of force, not help, when no one receives them.
    if kind == EventType::Aid
        && target.is_empty()
        && matches!(word(words, i), "sent" | "send" | "sends" | "sending")
        && !(i + 1..cend.saturating_sub(1)).any(|j| {
            word(words, j) == "to"
                && matches!(word(words, j + 1), "help" | "assist" | "support" | "aid")
        })
        && roles::object(words, i, cend, false)
            .and_then(|n| words.get(n.head))
            .is_some_and(|h| {
                matches!(
                    h.low.as_str(),
                    "troops"
                        | "soldiers"
                        | "forces"
                        | "warships"
                        | "tanks"
                        | "reinforcements"
                        | "units"
                        | "battalions"
                        | "jets"
                        | "warplanes"
                )
            })
    {
        kind = EventType::Mobilize;
    }
    // "lodged a formal protest with Velgrad": a diplomatic protest is a disapproval in
    // words (PLOVER codes it ACCUSE).
    if kind == EventType::Protest
        && nominal
        && (i.saturating_sub(4)..i).any(|j| {
            let w = word(words, j);
            [
                "lodg", "fil", "issu", "regist", "deliver", "sent", "send", "made", "make",
            ]
            .iter()
            .any(|s| w.starts_with(s))
                || matches!(w, "diplomatic" | "formal")
        })
    {
        kind = EventType::Accuse;
    }
    // "evacuated its embassy", "evacuated their troops": pulling one's own people out.
    if kind == EventType::Aid
        && word(words, i).starts_with("evacuat")
        && matches!(word(words, i + 1), "its" | "their" | "his" | "her" | "our")
        && roles::object(words, i, cend, false)
            .and_then(|n| words.get(n.head))
            .is_some_and(|h| {
                matches!(
                    h.low.as_str(),
                    "embassy"
                        | "embassies"
                        | "staff"
                        | "diplomats"
                        | "citizens"
                        | "nationals"
                        | "troops"
                        | "forces"
                        | "personnel"
                        | "soldiers"
                        | "consulate"
                        | "mission"
                )
            })
    {
        kind = EventType::Retreat;
    }
    // "received aid from X", "accepted a loan from X": the converse of giving; the giver
    // (after "from") is the source, the receiver (the subject) the target.
    if kind == EventType::Aid
        && matches!(
            word(words, i),
            "received" | "receives" | "receive" | "receiving" | "accepted" | "accepts" | "accept"
        )
    {
        let giver = (i + 1..cend.min(i + 9))
            .find(|&j| word(words, j) == "from")
            .and_then(|j| chunk::np_forward(words, j + 1))
            .filter(|n| n.end <= cend)
            .and_then(|n| roles.np_actors(n, false));
        if let Some(g) = giver {
            target = std::mem::take(&mut source);
            target.retain(|a| !g.contains(a));
            source = g;
        } else if !target.is_empty() {
            std::mem::swap(&mut source, &mut target);
        }
    }
    // "The health agency and the ministry clashed over the figures": a dispute in words.
    if kind == EventType::Assault
        && word(words, i).starts_with("clash")
        && !nominal
        && (i + 1..(i + 5).min(words.len())).any(|j| matches!(word(words, j), "over" | "about"))
    {
        kind = EventType::Accuse;
        if let [a, b] = source.as_slice() {
            let (a, b) = (*a, *b);
            source = vec![a];
            target = vec![b];
        }
    }
    let volitional = near.iter().any(|w| {
        matches!(
            *w,
            "will" | "would" | "won't" | "wouldn't" | "refused" | "declined"
        )
    });
    if negated && volitional || near.iter().any(|w| matches!(*w, "refused" | "declined")) {
        kind = EventType::Reject;
    }
    // "did not announce new loans": nothing happened; only a refusal is an event.
    if negated && kind != EventType::Reject {
        return None;
    }
    // Intent: a promise of help is an agreement, of harm a threat ("would send 60
    // firefighters", "could suspend the federation", "threatened to strike").
    let governed =
        i >= 2 && word(words, i - 1) == "to" && roles::is_intent_verb(word(words, i - 2));
    let intent = governed || matches!(modality, Modality::Future | Modality::Hypothetical);
    // "… unless he is released", "… if the increase is not reversed": a condition.
    let conditional = words
        .get(i + 1..cend.max(i + 1))
        .is_some_and(|ws| ws.iter().any(|w| matches!(w.low.as_str(), "unless" | "if")))
        || words.get(cend..).is_some_and(|ws| {
            ws.iter()
                .take(3)
                .any(|w| matches!(w.low.as_str(), "unless" | "if"))
        });
    if intent && !negated && !near.iter().any(|w| matches!(*w, "if" | "whether")) {
        kind = match kind {
            EventType::Aid
            | EventType::Support
            | EventType::Cooperate
            | EventType::Retreat
            | EventType::Consult => EventType::Agree,
            EventType::Assault | EventType::Coerce | EventType::Sanction => EventType::Threaten,
            EventType::Protest if conditional => EventType::Threaten,
            // "would block the bid unless …": a refusal held over the other side.
            EventType::Reject if conditional => EventType::Threaten,
            k => k,
        };
        // "said its fighters would storm the prison": what would be attacked is threatened,
        // though it is no actor.
        if kind == EventType::Threaten && sense.kind != EventType::Threaten && target.is_empty() {
            if let Some(n) = roles::object(words, i, cend, false).filter(|n| {
                words.get(n.head).is_some_and(|h| {
                    h.kind == TokenKind::Word
                        && h.raw.starts_with(char::is_lowercase)
                        && !matches!(
                            word(words, n.start),
                            "his" | "her" | "its" | "their" | "our" | "my"
                        )
                })
            }) {
                if let (Some(a), Some(b)) = (words.get(n.start), words.get(n.end - 1)) {
                    target = vec![Actor::Phrase(a.span.cover(b.span))];
                }
            }
        }
    }
    let mut attributed_to = None;
    for (qi, q) in quotes.iter().enumerate() {
        if q.content.contains(trig) {
            if modality == Modality::Asserted {
                modality = Modality::Reported;
            }
            attributed_to = u32::try_from(qi).ok().map(QuoteId);
            break;
        }
    }
    // "expelled two diplomats" (SANCTION); "expelled hundreds of migrants" (COERCE).
    if kind == EventType::Sanction
        && word(words, i).starts_with("expel")
        && target.iter().all(|a| matches!(a, Actor::Phrase(_)))
        && roles::object(words, i, cend, false)
            .and_then(|n| words.get(n.head))
            .is_some_and(|h| {
                matches!(
                    h.low.as_str(),
                    "migrants"
                        | "refugees"
                        | "people"
                        | "families"
                        | "residents"
                        | "workers"
                        | "journalists"
                        | "activists"
                        | "foreigners"
                        | "nationals"
                        | "protesters"
                        | "students"
                )
            })
    {
        kind = EventType::Coerce;
    }
    // "suspended Sudria" cuts a member off (SANCTION); "suspended two radio stations",
    // "banned the newspaper" restricts things and people at home (COERCE): the object decides.
    if kind == EventType::Sanction
        && (word(words, i).starts_with("suspend") || word(words, i).starts_with("ban"))
        && !target.is_empty()
        && target.iter().all(|a| matches!(a, Actor::Phrase(_)))
    {
        kind = EventType::Coerce;
    }
    if kind == EventType::Threaten && is_prediction(words, i) {
        return None;
    }
    // "investigated and rejected nine claims", "investigating why the bridge fell": an
    // inquiry into things accuses nobody.
    if kind == EventType::Accuse
        && word(words, i).starts_with("investigat")
        && !nominal
        && target.iter().all(|a| a.entity().is_none())
        && (roles::object(words, i, words.len(), false)
            .and_then(|n| words.get(n.head))
            .is_some_and(|h| {
                matches!(
                    h.low.as_str(),
                    "complaints"
                        | "complaint"
                        | "allegations"
                        | "claims"
                        | "reports"
                        | "cause"
                        | "incident"
                        | "crash"
                        | "fire"
                        | "death"
                        | "deaths"
                        | "circumstances"
                )
            })
            || word(words, i + 1) == "and")
    {
        return None;
    }
    // "seized weapons and documents": goods taken, no party coerced.
    if kind == EventType::Coerce
        && ["seiz", "confiscat", "impound"]
            .iter()
            .any(|s| word(words, i).starts_with(s))
        && roles::object(words, i, cend, false)
            .and_then(|n| words.get(n.head))
            .is_some_and(|h| is_goods_noun(&h.low))
    {
        return None;
    }
    let (fatalities, injured) = if kind == EventType::Assault {
        casualties(words)
    } else {
        (None, None)
    };
    Some(Event {
        kind,
        mode: sense.mode,
        source,
        target,
        location,
        date: date.map(|d| d.0.clone()),
        date_text: date.map(|d| d.1),
        fatalities,
        injured,
        trigger: trig,
        evidence: vec![trig],
        negated,
        modality,
        attributed_to,
    })
}

/// True when the word `to` at `to` opens the infinitive of an object-control verb ("asked the
/// church to mediate", "allows the navy to support", "called on both parties to talk").
/// The actors of a phrase the chunker may have run on into a verb ("the company pay
/// compensation", "police sparked anger"): the phrase cut after its last word for people or
/// bodies.
fn actors_upto(roles: &Roles, words: &[Word], n: chunk::Np) -> Option<Vec<Actor>> {
    (n.start..n.end).rev().find_map(|k| {
        let cut = chunk::Np {
            start: n.start,
            end: k + 1,
            head: if k == n.head { n.head } else { k },
        };
        words
            .get(k)
            .is_some_and(|w| chunk::is_actor_noun(&w.low) || k == n.head)
            .then(|| roles.np_actors(cut, false))
            .flatten()
    })
}

fn controlled_infinitive(words: &[Word], to: usize) -> bool {
    for j in (to.saturating_sub(14)..to).rev() {
        let Some(x) = words.get(j) else { break };
        if x.kind == TokenKind::Punct && !matches!(x.low.as_str(), "'" | "'s" | "-") {
            return false;
        }
        let w = x.low.as_str();
        if matches!(
            w,
            "that" | "said" | "says" | "who" | "which" | "and" | "but"
        ) && j + 1 < to
        {
            // "and" may join two objects ("the church and the ombudsman"): step over it
            // when a noun phrase follows.
            if w != "and" {
                return false;
            }
            continue;
        }
        let stem = w
            .strip_suffix("ing")
            .or_else(|| w.strip_suffix("ed"))
            .or_else(|| w.strip_suffix("es"))
            .or_else(|| w.strip_suffix('s'))
            .unwrap_or(w);
        let control = matches!(
            stem,
            "allow"
                | "enabl"
                | "enable"
                | "permit"
                | "permitt"
                | "authoris"
                | "authorise"
                | "authoriz"
                | "authorize"
                | "ask"
                | "urg"
                | "urge"
                | "press"
                | "invit"
                | "invite"
                | "encourag"
                | "encourage"
                | "persuad"
                | "persuade"
                | "order"
                | "instruct"
                | "request"
                | "tell"
                | "told"
                | "want"
                | "ultimatum"
                | "appeal"
                | "invitation"
        ) || (w == "on" && word(words, j.wrapping_sub(1)).starts_with("call"));
        if control && j + 1 < to {
            return true;
        }
    }
    false
}

/// A warning of what will befall, not a threat of what the speaker will do: "warned that
/// the harvest would be “disastrous”", "warned the outbreak could spread".
fn is_prediction(words: &[Word], i: usize) -> bool {
    let w = word(words, i);
    if w.starts_with("threaten") {
        // "threatened peace on the coast": endangering, not threatening.
        let obj = roles::object(words, i, words.len(), false)
            .and_then(|n| words.get(n.head))
            .map(|h| h.low.as_str());
        return word(words, i + 1) != "to"
            && obj.is_some_and(|h| {
                matches!(
                    h,
                    "stability"
                        | "security"
                        | "peace"
                        | "lives"
                        | "livelihoods"
                        | "economy"
                        | "recovery"
                        | "jobs"
                        | "health"
                        | "future"
                        | "growth"
                        | "ceasefire"
                        | "truce"
                        | "process"
                        | "environment"
                        | "supplies"
                        | "safety"
                        | "democracy"
                        | "existence"
                        | "survival"
                )
            });
    }
    if !w.starts_with("warn") {
        return false;
    }
    let Some(that) = (i + 1..(i + 6).min(words.len())).find(|&j| word(words, j) == "that") else {
        return false;
    };
    let mut j = that + 1;
    let end = (that + 12).min(words.len());
    while j < end {
        let x = word(words, j);
        if matches!(x, "would" | "will" | "could" | "may" | "might" | "can") {
            let mut k = j + 1;
            while words
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Quote || chunk::is_adverb(&t.low))
            {
                k += 1;
            }
            if !matches!(word(words, k), "be" | "become" | "remain" | "get") {
                return false;
            }
            k += 1;
            while words
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Quote || chunk::is_adverb(&t.low))
            {
                k += 1;
            }
            let next = word(words, k);
            // "would be treated as a target", "will be punished": a threat in the passive.
            return !(next.ends_with("ed") || next.ends_with("en") || next == "held");
        }
        if words.get(j).is_some_and(|t| t.kind == TokenKind::Punct) {
            return false;
        }
        j += 1;
    }
    false
}

/// Things that can be seized, as opposed to parties that can be coerced.
fn is_goods_noun(w: &str) -> bool {
    matches!(
        w,
        "weapons"
            | "arms"
            | "ammunition"
            | "explosives"
            | "documents"
            | "computers"
            | "files"
            | "records"
            | "phones"
            | "laptops"
            | "drugs"
            | "cocaine"
            | "heroin"
            | "cash"
            | "equipment"
            | "goods"
            | "materials"
            | "evidence"
            | "devices"
            | "rifles"
            | "guns"
    )
}

/// Killed and injured counts in a sentence.
fn casualties(words: &[Word]) -> (Option<u32>, Option<u32>) {
    let mut killed = None;
    let mut injured = None;
    for (i, w) in words.iter().enumerate() {
        let l = w.low.as_str();
        let is_k = matches!(
            l,
            "killed" | "killing" | "dead" | "died" | "deaths" | "kills"
        );
        let is_i = matches!(l, "wounded" | "injured" | "wounding" | "injuring");
        if !is_k && !is_i {
            continue;
        }
        // A number after the verb ("killed at least 31 people") …
        let mut n = None;
        for j in i + 1..(i + 5).min(words.len()) {
            let x = word(words, j);
            if let Some(v) = number_word(x).filter(|_| x != "a" && x != "an") {
                n = Some(v);
                break;
            }
            if !matches!(
                x,
                "at" | "least" | "more" | "than" | "some" | "about" | "nearly"
            ) && j > i + 1
            {
                break;
            }
        }
        // … or before it ("64 civilians were killed").
        if n.is_none() {
            for j in (i.saturating_sub(5)..i).rev() {
                let x = word(words, j);
                if x == "a" || x == "an" {
                    continue;
                }
                if let Some(v) = number_word(x) {
                    n = Some(v);
                    break;
                }
            }
        }
        if is_k && killed.is_none() {
            killed = n;
        }
        if is_i && injured.is_none() {
            injured = n;
        }
    }
    (killed, injured)
}

/// Merges candidates of one type that share an actor into one event per happening.
fn merge(cands: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for c in cands {
        // Repeats are looked for among the recent events only, which keeps long inputs linear.
        let same = out.iter_mut().rev().take(64).find(|e| {
            e.kind == c.kind
                && e.negated == c.negated
                && !c.source.is_empty()
                && c.source.iter().any(|s| e.source.contains(s))
                && (c.target.is_empty()
                    || e.target.is_empty()
                    || c.target.iter().any(|t| e.target.contains(t)))
        });
        match same {
            Some(e) => {
                for sp in c.evidence.iter().chain(std::iter::once(&c.trigger)) {
                    if !e.evidence.contains(sp) {
                        e.evidence.push(*sp);
                    }
                }
                if e.target.is_empty() {
                    e.target = c.target;
                }
                let finer = match (&e.date, &c.date) {
                    (None, Some(_)) => true,
                    (Some(a), Some(b)) => b.len() > a.len() && b.starts_with(a.as_str()),
                    _ => false,
                };
                if finer {
                    e.date = c.date;
                    e.date_text = c.date_text;
                }
                if e.fatalities.is_none() {
                    e.fatalities = c.fatalities;
                }
                if e.injured.is_none() {
                    e.injured = c.injured;
                }
                if e.location.is_none() {
                    e.location = c.location;
                }
            }
            None => out.push(c),
        }
    }
    out
}
