//! The newsgraph event stage: who did what to whom, when and where.
//!
//! [`EventStage`] (stage name `events`) reads a document's sentences, tokens, entities and
//! quotes and fills `doc.events` with one [`Event`] per happening, typed by the 16 PLOVER
//! types:
//!
//! - **triggers** come from a hand-written lexicon of common news verbs and nouns (attack,
//!   airstrike, met, talks, accused, sanctions, arrested, deployed, …), each inflected form
//!   looked up once in a hash map; reporting verbs are not triggers;
//! - **actors**: the source is the nearest actor mention (person, organisation, country,
//!   group, nationality) before the trigger in its sentence, with actors joined by "and";
//!   the target the first actor after it; a passive with "by" swaps them ("X was attacked by
//!   Y"); places after "in", "near", "at" or "from" are the event's location, not actors;
//! - **dates** are normalised against `meta.published` ("Oct. 7" → the last Oct. 7 on or before
//!   publication, "on Tuesday" → the last Tuesday on or before publication, "last month", "early
//!   November" → `YYYY-MM`, "in 2006" → `2006`); without a publication date, or for a day that
//!   cannot exist, the date stays `None`;
//! - **fatalities** and **injured** ("killed at least 64", "12 people were wounded"),
//!   **negation** ("did not attack"), **modality** (future, hypothetical, reported inside a
//!   quote's content, with `attributed_to` that quote);
//! - repeated mentions of one happening (same type, a shared actor) are merged into one event
//!   with several evidence spans.
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
//! conjunctions, and an actor far from its trigger is missed.
#![deny(missing_docs)]

mod dates;
mod lexicon;

use dates::{month_day, month_of, month_only, weekday_before, weekday_of, Day};
use lexicon::{Lexicon, Sense};
use newsgraph_doc::{
    Actor, ByteSpan, Doc, EntityId, EntityType, Event, EventType, Layer, Modality, QuoteId, Stage,
    TokenKind,
};

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
struct Word<'a> {
    span: ByteSpan,
    low: String,
    raw: &'a str,
    kind: TokenKind,
}

/// One mention that can fill an actor or place role.
#[derive(Clone, Copy)]
struct Ment {
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

fn number_word(w: &str) -> Option<u32> {
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
    let mut out: Vec<Event> = Vec::new();
    for s in doc.sentences.iter().flatten() {
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
        for (i, w) in words.iter().enumerate() {
            if w.kind != TokenKind::Word {
                continue;
            }
            let Some(sense) = trigger_sense(&words, i, lexicon) else {
                continue;
            };
            let date = dates
                .iter()
                .min_by_key(|d| d.1.start().abs_diff(w.span.start()));
            if let Some(ev) = build_event(&words, i, sense, sments, quotes, date) {
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
            }
        }
    }
    merge(out)
}

/// "the government", "the authorities", "the military": in news, the article's main country.
/// Adds such nominals, where no entity mention covers them, as mentions of the country named
/// most often.
fn add_government_mentions(doc: &Doc, tokens: &[newsgraph_doc::Token], ments: &mut Vec<Ment>) {
    let ents = doc.entities.as_deref().unwrap_or(&[]);
    let country = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == EntityType::Gpe && e.kb.as_ref().is_some_and(|k| !k.id.contains('/'))
        })
        .max_by_key(|(i, e)| (e.mentions.len(), usize::MAX - i))
        .and_then(|(i, _)| u32::try_from(i).ok());
    let Some(country) = country else { return };
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
        if head
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

fn word<'a>(words: &'a [Word], i: usize) -> &'a str {
    words.get(i).map(|w| w.low.as_str()).unwrap_or("")
}

fn trigger_sense(words: &[Word], i: usize, lexicon: &Lexicon) -> Option<Sense> {
    let w = word(words, i);
    let prev = if i > 0 { word(words, i - 1) } else { "" };
    let next = word(words, i + 1);
    // Two-word triggers.
    if w == "fire" && prev.starts_with("open") {
        return Some(Sense {
            kind: EventType::Assault,
            mode: Some("firearms"),
        });
    }
    if w == "call" || w == "called" || w == "calls" || w == "calling" {
        if next == "on" || next == "for" {
            return Some(Sense {
                kind: EventType::Request,
                mode: None,
            });
        }
        return None;
    }
    if w == "fired" && (next == "on" || next == "at") {
        return Some(Sense {
            kind: EventType::Assault,
            mode: Some("firearms"),
        });
    }
    if (w == "launched" || w == "launch" || w == "launches") && {
        let n2 = word(words, i + 2);
        [
            "missiles",
            "rockets",
            "drones",
            "attack",
            "attacks",
            "strikes",
            "offensive",
        ]
        .iter()
        .any(|x| *x == next || *x == n2)
    } {
        return Some(Sense {
            kind: EventType::Assault,
            mode: Some("aerial weapons"),
        });
    }
    let n2 = word(words, i + 2);
    let n3 = word(words, i + 3);
    let sense_of = |kind, mode| Some(Sense { kind, mode });
    if matches!(w, "walked" | "walk" | "walks" | "walking") && next == "out" && n2 != "of" {
        return sense_of(EventType::Protest, Some("demonstrate"));
    }
    if matches!(w, "turned" | "turn" | "turns" | "turning") && next == "down" {
        return sense_of(EventType::Reject, None);
    }
    if matches!(w, "threw" | "throw" | "throwing" | "hurled") && matches!(next, "stones" | "rocks")
    {
        return sense_of(EventType::Assault, None);
    }
    let ammo = |x: &str| {
        matches!(
            x,
            "tear" | "rounds" | "bullets" | "shots" | "rockets" | "missiles" | "shells" | "live"
        )
    };
    if matches!(w, "fired" | "fire" | "fires" | "firing") && (ammo(next) || ammo(n2) || ammo(n3)) {
        return sense_of(EventType::Assault, Some("firearms"));
    }
    if w == "strike" || w == "strikes" {
        let labour = prev.ends_with("day")
            || matches!(
                prev,
                "general" | "on" | "national" | "nationwide" | "called" | "hunger"
            )
            || matches!(next, "action" | "by");
        if labour {
            return sense_of(EventType::Protest, Some("strike"));
        }
    }
    let sense = lexicon.get(w)?;
    // A capitalised trigger mid-sentence is most likely part of a name ("Operation Storm").
    let raw = words.get(i).map(|x| x.raw).unwrap_or("");
    if i > 0 && raw.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // "a strike" nouns after determiners are kept; infinitive after "to" kept.
    // Auxiliary-like uses: "back" as adverb ("came back", "back to").
    if w == "back" && !matches!(next, "the" | "a" | "an") {
        return None;
    }
    if sense.kind == EventType::Support && (next == "for" && w == "support") {
        // "support for X" is a nominal: keep.
        return Some(sense);
    }
    Some(sense)
}

#[allow(clippy::too_many_arguments)]
fn build_event(
    words: &[Word],
    i: usize,
    sense: Sense,
    sments: &[Ment],
    quotes: &[newsgraph_doc::Quote],
    date: Option<&(String, ByteSpan)>,
) -> Option<Event> {
    let trig = words.get(i)?.span;
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
    for (j, w) in words.iter().enumerate().skip(i + 1) {
        let coordinated = w.low == ","
            && matches!(
                word(words, j + 1),
                "and" | "but" | "while" | "which" | "who" | "where" | "as"
            );
        if CLAUSE_BREAK.contains(&w.low.as_str())
            || w.low == "said"
            || w.low == "says"
            || coordinated
        {
            cend = j;
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
        // Skip a few modifiers: "in northern X", "in Pakistan's X province".
        for j in (k.saturating_sub(4)..k).rev() {
            let w = word(words, j);
            if PLACE_PREPS.contains(&w) {
                // "at Israel", "into Syria": a country after a directional word is an actor.
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
        k > 0
            && matches!(
                word(words, k - 1),
                "told" | "telling" | "tells" | "tell" | "("
            )
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
    // Passive with "by".
    let passive = (1..=2).any(|k| i >= k && PASSIVE_AUX.contains(&word(words, i - k)))
        && (words.get(i).is_some_and(|w| w.low.ends_with("ed")) || word(words, i) == "struck");
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
    if after.is_empty() {
        // No actor in the clause: the first one later in the sentence, before a reporting verb.
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
    // An event with no known actor cannot be told apart from others: left out.
    if source.is_empty() {
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
    let volitional = near.iter().any(|w| {
        matches!(
            *w,
            "will" | "would" | "won't" | "wouldn't" | "refused" | "declined"
        )
    });
    if negated && volitional || near.iter().any(|w| matches!(*w, "refused" | "declined")) {
        kind = EventType::Reject;
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
    let (fatalities, injured) = if kind == EventType::Assault {
        casualties(words)
    } else {
        (None, None)
    };
    Some(Event {
        kind,
        mode: sense.mode,
        source: source.into_iter().map(Actor::Entity).collect(),
        target: target.into_iter().map(Actor::Entity).collect(),
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

fn dedup(v: &mut Vec<EntityId>) {
    let mut seen = Vec::new();
    v.retain(|e| {
        if seen.contains(e) {
            false
        } else {
            seen.push(*e);
            true
        }
    });
}

/// Words strictly between two byte offsets.
fn between<'w>(words: &'w [Word], a: usize, b: usize) -> impl Iterator<Item = &'w Word<'w>> {
    words
        .iter()
        .filter(move |w| w.span.start() >= a && w.span.end() <= b)
}

fn joins(words: &[Word], a: usize, b: usize) -> bool {
    let gap: Vec<&str> = between(words, a, b).map(|w| w.low.as_str()).collect();
    matches!(gap.as_slice(), ["and"] | [","] | [",", "and"])
}

/// The last actor of `ms` and those joined to it by "and" or commas.
fn group_back(words: &[Word], ms: &[&Ment], head_ok: &dyn Fn(&Ment) -> bool) -> Vec<EntityId> {
    let mut out = Vec::new();
    let Some(h) = ms.iter().rposition(|m| head_ok(m)) else {
        return out;
    };
    let ms = ms.get(..=h).unwrap_or(&[]);
    let Some(last) = ms.last() else { return out };
    out.push(last.entity);
    let mut cur = **last;
    for m in ms.iter().rev().skip(1) {
        if m.span.end() <= cur.span.start() && joins(words, m.span.end(), cur.span.start()) {
            out.push(m.entity);
            cur = **m;
        } else if m.span.end() > cur.span.start() {
            continue;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// The first actor of `ms` and those joined to it.
fn group_fwd(words: &[Word], ms: &[&Ment], head_ok: &dyn Fn(&Ment) -> bool) -> Vec<EntityId> {
    let mut out = Vec::new();
    let Some(h) = ms.iter().position(|m| head_ok(m)) else {
        return out;
    };
    let ms = ms.get(h..).unwrap_or(&[]);
    let Some(first) = ms.first() else {
        return out;
    };
    out.push(first.entity);
    let mut cur = **first;
    for m in ms.iter().skip(1) {
        if m.span.start() >= cur.span.end() && joins(words, cur.span.end(), m.span.start()) {
            out.push(m.entity);
            cur = **m;
        } else if m.span.start() < cur.span.end() {
            continue;
        } else {
            break;
        }
    }
    out
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
        // A number after the verb ("killed at least 64 civilians") …
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

/// Every date expression of a sentence, normalised, with its span.
fn find_dates(words: &[Word], pub_day: Option<Day>) -> Vec<(String, ByteSpan)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((d, next)) = date_at(words, i, pub_day) {
            out.extend(d);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A date expression starting at word `i`: its value (None when it cannot be resolved) and
/// the index after it.
type DateHit = (Option<(String, ByteSpan)>, usize);

fn date_at(words: &[Word], i: usize, pub_day: Option<Day>) -> Option<DateHit> {
    let w = words.get(i)?;
    {
        let l = w.low.as_str();
        let next = word(words, i + 1);
        let prev = if i > 0 { word(words, i - 1) } else { "" };
        let span_to = |j: usize| -> ByteSpan {
            let end = words.get(j).map(|x| x.span).unwrap_or(w.span);
            w.span.cover(end)
        };
        if let Some(m) = month_of(l) {
            // "May" is also a verb; demand a capital for it.
            if l == "may" && !w.raw.starts_with('M') {
                return None;
            }
            if l == "march" && !w.raw.starts_with('M') {
                return None;
            }
            let mut j = i + 1;
            if next == "." {
                j += 1;
            }
            let nx = word(words, j);
            if let Some(d) = nx.parse::<u32>().ok().filter(|d| (1..=31).contains(d)) {
                // "Nov. 21, 2023"
                let y = (word(words, j + 1) == ",")
                    .then(|| word(words, j + 2).parse::<i64>().ok())
                    .flatten()
                    .filter(|y| (1900..=2100).contains(y));
                let iso = match y {
                    Some(y) => Day::new(y, m, d).map(|x| x.iso()),
                    None => month_day(m, d, pub_day),
                };
                let end = if y.is_some() { j + 2 } else { j };
                return Some((iso.map(|s| (s, span_to(end))), end + 1));
            }
            if let Ok(y) = nx.parse::<i64>() {
                if (1900..=2100).contains(&y) {
                    return Some((Some((format!("{y:04}-{m:02}"), span_to(j))), j + 1));
                }
            }
            if matches!(
                prev,
                "in" | "early" | "late" | "mid" | "since" | "last" | "this"
            ) || prev.starts_with("mid")
            {
                let start = if i > 0 { i - 1 } else { i };
                let sp = words
                    .get(start)
                    .map(|x| x.span.cover(w.span))
                    .unwrap_or(w.span);
                return Some((month_only(m, pub_day).map(|s| (s, sp)), i + 1));
            }
            return None;
        }
        if let Some(wd) = weekday_of(l) {
            return Some((weekday_before(wd, pub_day).map(|s| (s, w.span)), i + 1));
        }
        match l {
            "today" => return Some((pub_day.map(|p| (p.iso(), w.span)), i + 1)),
            "yesterday" => return Some((pub_day.map(|p| (p.plus(-1).iso(), w.span)), i + 1)),
            "month" | "year" if prev == "last" => {
                let p = pub_day?;
                let sp = words
                    .get(i - 1)
                    .map(|x| x.span.cover(w.span))
                    .unwrap_or(w.span);
                let s = if l == "month" {
                    let (y, m) = if p.m == 1 {
                        (p.y - 1, 12)
                    } else {
                        (p.y, p.m - 1)
                    };
                    format!("{y:04}-{m:02}")
                } else {
                    format!("{:04}", p.y - 1)
                };
                return Some((Some((s, sp)), i + 1));
            }
            _ => {}
        }
        if matches!(prev, "in" | "its" | "the" | "their" | "since" | "a")
            && l.len() == 4
            && w.kind == TokenKind::Number
        {
            if let Ok(y) = l.parse::<i64>() {
                if (1900..=2100).contains(&y) {
                    return Some((Some((l.to_string(), w.span)), i + 1));
                }
            }
        }
    }
    None
}

/// Merges candidates of one type that share an actor into one event per happening.
fn merge(cands: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for c in cands {
        let same = out.iter_mut().find(|e| {
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
                e.evidence.push(c.trigger);
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
