//! The patterns: pairs of nearby mentions and the words between and around them.

use newsgraph_doc::{
    ByteSpan, Doc, Entity, EntityId, EntityType, MentionKind, Relation, RelationType,
};

/// How many following mentions each mention is paired with.
const LOOKAHEAD: usize = 4;
/// The most words between two mentions that a pattern reads.
const MAX_BETWEEN: usize = 10;

/// One mention with what the rules need of its entity.
#[derive(Clone, Copy, Debug)]
struct M {
    span: ByteSpan,
    /// Nested inside an earlier mention ("Turkish" in "Turkish Foreign Ministry").
    inner: bool,
    ent: EntityId,
    kind: MentionKind,
    ty: EntityType,
}

/// What a title word says about a person and the body it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Title {
    /// Leader, head, president: LEADS.
    Lead,
    /// Member, lawmaker, fighter: MEMBER_OF.
    Member,
    /// Spokesman, minister, expert: AFFILIATED_WITH (MEMBER_OF for parties and armies).
    Affil,
}

/// Collects the relations of `doc`.
pub(crate) fn extract(doc: &Doc) -> Vec<Relation> {
    let (Some(sentences), Some(entities)) = (doc.sentences.as_ref(), doc.entities.as_ref()) else {
        return Vec::new();
    };
    let text = doc.text();
    let mut ms: Vec<M> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let Ok(idx) = u32::try_from(i) else { break };
        for m in &e.mentions {
            if m.span.get(text).is_some() && !m.span.is_empty() {
                ms.push(M {
                    span: m.span,
                    inner: false,
                    ent: EntityId(idx),
                    kind: m.kind,
                    ty: e.kind,
                });
            }
        }
    }
    ms.sort_by_key(|m| (m.span.start(), std::cmp::Reverse(m.span.end())));
    let mut max_end = 0;
    for m in &mut ms {
        // Only names nest: a long description ("an analyst at the X") holds real parties.
        m.inner = m.span.end() <= max_end;
        if m.kind == MentionKind::Name {
            max_end = max_end.max(m.span.end());
        }
    }
    let mut out = Out {
        rels: Vec::new(),
        entities,
        prev_subject: None,
    };
    compounds(text, &ms, &mut out);
    entity_titles(text, &mut out);
    let mut lo = 0;
    for s in sentences {
        while lo < ms.len() && ms[lo].span.start() < s.span.start() {
            lo += 1;
        }
        let mut hi = lo;
        while hi < ms.len() && ms[hi].span.end() <= s.span.end() {
            hi += 1;
        }
        if let Some(sent) = ms.get(lo..hi) {
            sentence(text, s.span, sent, &mut out);
            if let Some(first) = sent.iter().find(|m| !m.inner) {
                subjectless(
                    text,
                    s.span,
                    ms.get(..lo).unwrap_or(&[]),
                    sent,
                    first,
                    &mut out,
                );
            }
            out.prev_subject = sent
                .iter()
                .find(|m| !m.inner && m.ty == EntityType::Org && m.kind != MentionKind::Pronoun)
                .map(|m| m.ent);
        }
        lo = hi;
    }
    out.rels
}

/// The relations found so far, without duplicates.
struct Out<'d> {
    rels: Vec<Relation>,
    entities: &'d [Entity],
    /// The first organisation named in the previous sentence: what a leading "its" means.
    prev_subject: Option<EntityId>,
}

impl Out<'_> {
    fn add(&mut self, kind: RelationType, source: EntityId, target: EntityId, evidence: ByteSpan) {
        if source == target {
            return;
        }
        let dup = self.rels.iter().any(|r| {
            r.kind == kind
                && ((r.source == source && r.target == target)
                    || (kind == RelationType::AllyOf && r.source == target && r.target == source))
        });
        if !dup {
            self.rels.push(Relation {
                kind,
                source,
                target,
                evidence,
            });
        }
    }

    fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.index())
    }
}

/// Titles the entity stage kept for a person, with the body that owns them (its
/// affiliations): "Iran's supreme leader" → the person LEADS Iran. The evidence is the
/// person's first mention that carries the title word, else its first name mention.
fn entity_titles(text: &str, out: &mut Out<'_>) {
    for (i, e) in out.entities.iter().enumerate() {
        if e.kind != EntityType::Person || e.affiliations.is_empty() {
            continue;
        }
        // A description that holds a title ("Iran's supreme leader") says most; else the
        // titles kept beside the name.
        let described = e.mentions.iter().find_map(|m| {
            let s = m.span.get(text)?;
            (m.kind == MentionKind::Nominal)
                .then(|| find_title(s))
                .flatten()
                .map(|t| (t, m.span))
        });
        let named = || {
            let t = e.titles.iter().rev().find_map(|t| find_title(t))?;
            let m = e.mentions.iter().find(|m| m.kind == MentionKind::Name)?;
            Some((t, m.span))
        };
        let Some((title, evidence)) = described.or_else(named) else {
            continue;
        };
        let Ok(source) = u32::try_from(i).map(EntityId) else {
            break;
        };
        for &owner in &e.affiliations {
            let target = out.entity(owner);
            if !target.is_some_and(|t| is_body(t.kind)) {
                continue;
            }
            let kind = title_relation(title, target);
            out.add(kind, source, owner, evidence);
        }
    }
}

/// The text between two byte offsets, or "" when they do not cut it cleanly.
fn between(text: &str, a: usize, b: usize) -> &str {
    if a >= b {
        return "";
    }
    text.get(a..b).unwrap_or("")
}

/// The words of `s`: letters, digits and inner hyphens.
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> + Clone {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
}

fn is(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

fn has(s: &str, list: &[&str]) -> bool {
    words(s).any(|w| is(w, list))
}

/// Nouns of an organisation that a demonym may modify ("Somali military commander").
const ORG_NOUNS: &[&str] = &[
    "military",
    "army",
    "police",
    "ministry",
    "government",
    "party",
    "forces",
    "company",
    "navy",
    "air",
    "foreign",
    "defence",
    "defense",
    "interior",
    "embassy",
    "intelligence",
    "opposition",
];

/// Kinds of place that lie inside another ("the city's suburbs of …").
const PLACE_NOUNS: &[&str] = &[
    "suburb",
    "suburbs",
    "district",
    "districts",
    "town",
    "towns",
    "village",
    "villages",
    "province",
    "region",
    "city",
    "neighbourhood",
    "neighborhood",
    "neighbourhoods",
    "neighborhoods",
    "port",
    "island",
    "state",
    "county",
];

/// Words after a name that do not make it a modifier.
const FUNCTION_WORDS: &[&str] = &[
    "said", "and", "or", "in", "on", "at", "to", "for", "of", "with", "which", "who", "that", "is",
    "was", "has", "had", "will", "would", "after", "before", "since", "as", "by", "from", "but",
    "can", "could", "should", "may", "might", "must", "did", "does", "not", "also", "say", "told",
    "into", "over", "under", "than", "then", "when", "where", "while", "if", "its", "their", "his",
    "her", "this", "the", "a", "an", "be", "been", "being", "are", "were", "whose", "whom",
    "about", "against", "between", "during", "until", "per", "via", "within", "without",
];

/// Bodies of a state that the gold convention does not tie to the state by a relation.
const STATE_BODIES: &[&str] = &[
    "ministry",
    "chamber",
    "senate",
    "parliament",
    "assembly",
    "police",
    "army",
    "council",
    "court",
    "congress",
    "government",
    "cabinet",
    "navy",
    "embassy",
    "deputies",
];

/// Nouns that refer back to the latest organisation ("the group's leader").
const GENERIC_ORG_NOUNS: &[&str] = &[
    "its",
    "group",
    "company",
    "firm",
    "charity",
    "organisation",
    "organization",
    "agency",
    "movement",
    "militia",
    "operator",
    "insurgents",
    "rebels",
];

/// Words that qualify the title after them ("chief economist", "deputy envoy").
const MODIFIERS: &[&str] = &[
    "prime",
    "chief",
    "secretary",
    "vice",
    "deputy",
    "foreign",
    "interior",
    "acting",
    "senior",
];

/// Nouns for a supporter ("Fiji's largest aid donors").
const SUPPORT_NOUNS: &[&str] = &[
    "donor",
    "donors",
    "backer",
    "backers",
    "supporter",
    "supporters",
    "sponsor",
    "sponsors",
    "patron",
    "patrons",
    "benefactor",
    "financier",
];

/// Facilities and places that lie in a wider place ("the X copper mine in southern Y").
const SITE_NOUNS: &[&str] = &[
    "mine",
    "plant",
    "refinery",
    "camp",
    "base",
    "airport",
    "port",
    "headquarters",
    "field",
    "dam",
    "prison",
    "hospital",
    "factory",
    "town",
    "village",
    "city",
    "district",
    "region",
    "province",
    "island",
    "suburb",
    "border",
    "crossing",
    "copper",
    "gold",
    "oil",
    "gas",
    "military",
    "air",
    "naval",
];

/// Ministers' portfolios ("Foreign Minister", "Information Minister").
const PORTFOLIOS: &[&str] = &[
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "information",
    "justice",
    "health",
    "trade",
    "energy",
    "economy",
    "education",
];

/// Words that end a pattern: a verb of saying or a clause joint between the mentions.
const BREAKS: &[&str] = &[
    "said", "says", "told", "tells", "added", "say", "and", "or", "but", "while", "when", "after",
    "before", "because", "than", "was", "were", "is", "are", "has", "have", "had", "will", "would",
    "called", "urged", "met", "accused", "against", "with", "on", "by", "from", "as",
];

fn title_of(prev: Option<&str>, w: &str) -> Option<Title> {
    const LEAD: &[&str] = &[
        "leader",
        "head",
        "chief",
        "president",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "commander",
        "king",
        "queen",
        "director",
        "director-general",
        "founder",
        "ceo",
        "premier",
        "emir",
        "mayor",
        "boss",
        "secretary-general",
        "governor",
        "heads",
        "leads",
        "chairs",
        "commands",
        "commanded",
        "led",
        "presides",
        "headed",
        "runs",
        "ran",
        "speaker",
        "chancellor",
    ];
    const MEMBER: &[&str] = &[
        "member",
        "lawmaker",
        "legislator",
        "senator",
        "mp",
        "fighter",
        "militant",
        "congressman",
        "congresswoman",
        "councillor",
        "councilor",
    ];
    const AFFIL: &[&str] = &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "official",
        "expert",
        "analyst",
        "researcher",
        "envoy",
        "ambassador",
        "adviser",
        "advisor",
        "aide",
        "secretary",
        "economist",
        "professor",
        "fellow",
        "manager",
        "executive",
        "negotiator",
        "representative",
        "lawyer",
        "attorney",
        "employee",
        "engineer",
        "scientist",
        "diplomat",
        "general",
        "colonel",
        "officer",
        "captain",
        "coach",
        "player",
        "strategist",
        "consultant",
        "investigator",
        "editor",
        "reporter",
        "correspondent",
        "inspector",
        "auditor",
        "counsel",
        "director",
        "coordinator",
        "lecturer",
        "specialist",
        "commissioner",
        "staffer",
        "works",
        "worked",
        "vice-president",
        "treasurer",
        "sen",
        "rep",
    ];
    if is(w, &["minister", "president"])
        && prev.is_some_and(|p| is(p, &["prime", "vice", "deputy", "foreign", "interior"]))
    {
        return if prev.is_some_and(|p| is(p, &["prime"])) {
            Some(Title::Lead)
        } else {
            Some(Title::Affil)
        };
    }
    if (is(w, &["executive", "officer", "of"]) && prev.is_some_and(|p| is(p, &["chief"])))
        || (is(w, &["general"]) && prev.is_some_and(|p| is(p, &["secretary"])))
    {
        return Some(Title::Lead);
    }
    // "the group's No. 2".
    if w.chars().all(|c| c.is_ascii_digit()) && prev.is_some_and(|p| is(p, &["no"])) {
        return Some(Title::Affil);
    }
    if is(w, &["director", "head", "chief", "manager"])
        && prev.is_some_and(|p| {
            is(
                p,
                &[
                    "country",
                    "regional",
                    "communications",
                    "research",
                    "programme",
                    "program",
                    "policy",
                    "assistant",
                    "associate",
                    "operations",
                    "campaign",
                    "campaigns",
                ],
            )
        })
    {
        return Some(Title::Affil);
    }
    if is(w, &["chief", "head"]) && prev.is_some_and(|p| is(p, &["deputy", "vice"])) {
        return Some(Title::Affil);
    }
    if is(w, LEAD) {
        Some(Title::Lead)
    } else if is(w, MEMBER) {
        Some(Title::Member)
    } else if is(w, AFFIL) {
        Some(Title::Affil)
    } else {
        None
    }
}

/// The last title word in `s`, if any.
fn find_title(s: &str) -> Option<Title> {
    let mut prev: Option<&str> = None;
    let mut prev_title = false;
    let mut found = None;
    for w in words(s) {
        if let Some(t) = title_of(prev, w) {
            // The first title wins; a title right after another ("deputy envoy",
            // "prime minister") decides the compound.
            let modifier = prev.is_some_and(|p| is(p, MODIFIERS));
            if found.is_none() || (prev_title && modifier) {
                found = Some(t);
            }
            prev_title = true;
        } else {
            prev_title = false;
        }
        prev = Some(w);
    }
    found
}

/// The relation a title makes between a person and the body it names.
fn title_relation(title: Title, target: Option<&Entity>) -> RelationType {
    const MEMBER_BODIES: &[&str] = &[
        "party",
        "army",
        "front",
        "brigade",
        "brigades",
        "forces",
        "alliance",
        "movement",
        "committee",
        "senate",
        "chamber",
        "assembly",
        "parliament",
        "congress",
        "militia",
        "guard",
        "coalition",
        "league",
    ];
    match title {
        Title::Lead => RelationType::Leads,
        Title::Member => RelationType::MemberOf,
        Title::Affil => {
            let body = target.is_some_and(|e| {
                matches!(e.kind, EntityType::Org | EntityType::Group)
                    && words(&e.name)
                        .next_back()
                        .is_some_and(|w| is(w, MEMBER_BODIES))
            });
            if body {
                RelationType::MemberOf
            } else {
                RelationType::AffiliatedWith
            }
        }
    }
}

fn is_place(t: EntityType) -> bool {
    matches!(t, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
}

fn is_body(t: EntityType) -> bool {
    matches!(t, EntityType::Org | EntityType::Gpe | EntityType::Group)
}

/// True when the entity links to a country (a country is located in nothing we report).
fn is_country(e: Option<&Entity>) -> bool {
    e.and_then(|e| e.kb.as_ref())
        .is_some_and(|kb| kb.codes.iter().any(|(s, _)| s == "iso3" || s == "iso2"))
}

/// Relations inside one mention: "Iran-backed militias" (a mention nested in another).
fn compounds(text: &str, ms: &[M], out: &mut Out<'_>) {
    for (i, a) in ms.iter().enumerate() {
        for b in ms.iter().skip(i + 1).take(LOOKAHEAD) {
            if b.span.start() >= a.span.end() {
                break;
            }
            // b nested in a: what follows b inside a?
            let rest = between(text, b.span.end(), a.span.end());
            // "the Lebanese group": an organisation described by its country's demonym.
            if a.ty == EntityType::Org
                && a.kind == MentionKind::Nominal
                && b.kind == MentionKind::Demonym
                && b.ty == EntityType::Gpe
                && rest.starts_with(' ')
                && words(rest).all(|w| w.chars().all(char::is_lowercase))
                && !has(rest, STATE_BODIES)
                && words(between(text, a.span.start(), b.span.start()))
                    .all(|w| is(w, &["the", "a", "an"]))
            {
                out.add(RelationType::LocatedIn, a.ent, b.ent, a.span);
                continue;
            }
            if a.ty == EntityType::Person || !rest.starts_with(['-', '\u{2010}', '\u{2011}']) {
                if a.ty != EntityType::Person
                    && is_place(b.ty)
                    && words(between(text, a.span.start(), b.span.start()))
                        .next_back()
                        .is_some_and(|w| is(w, &["in"]))
                {
                    out.add(RelationType::LocatedIn, a.ent, b.ent, a.span);
                }
                continue;
            }
            if let Some(kind) = compound_kind(rest) {
                match kind {
                    RelationType::LocatedIn => out.add(kind, a.ent, b.ent, a.span),
                    _ => out.add(kind, b.ent, a.ent, a.span),
                }
            }
        }
    }
}

/// The relation a hyphen compound after a name states ("-backed", "-based").
fn compound_kind(rest: &str) -> Option<RelationType> {
    let rest = rest.trim_start_matches(['-', '\u{2010}', '\u{2011}']);
    let w = words(rest).next()?;
    if is(
        w,
        &[
            "backed",
            "funded",
            "supported",
            "sponsored",
            "armed",
            "financed",
        ],
    ) {
        Some(RelationType::Supports)
    } else if is(w, &["based", "headquartered"]) {
        Some(RelationType::LocatedIn)
    } else if is(w, &["allied", "aligned"]) {
        Some(RelationType::AllyOf)
    } else if is(w, &["led"]) {
        Some(RelationType::Leads)
    } else {
        None
    }
}

/// Pairs of mentions in one sentence.
fn sentence(text: &str, sent: ByteSpan, ms: &[M], out: &mut Out<'_>) {
    for (i, a) in ms.iter().enumerate() {
        if a.inner {
            continue;
        }
        if a.ty == EntityType::Person && a.kind == MentionKind::Name {
            common_noun_owner(text, sent, a, out);
        }
        let mut seen = 0;
        for (j, b) in ms.iter().enumerate().skip(i + 1) {
            if b.span.start() < a.span.end() || b.inner {
                continue; // nested: handled by `compounds`
            }
            seen += 1;
            if seen > LOOKAHEAD {
                break;
            }
            if a.ent == b.ent {
                continue;
            }
            let bw = between(text, a.span.end(), b.span.start());
            let n = words(bw).count();
            if n > MAX_BETWEEN {
                break;
            }
            let gap = ms.get(i + 1..j).map_or(0, |g| {
                g.iter()
                    .filter(|m| {
                        !m.inner
                            && m.kind != MentionKind::Demonym
                            && m.ty != EntityType::Norp
                            && m.ent != a.ent
                            && m.ent != b.ent
                            && !m.span.contains(b.span)
                            && !after(text, m.span.end(), sent)
                                .starts_with(['-', '\u{2010}', '\u{2011}'])
                            && !words(before(text, m.span.start(), sent))
                                .next_back()
                                .is_some_and(|w| is(w, &["in", "for"]))
                    })
                    .count()
            });
            pair(text, sent, ms, (i, j, gap), bw, n, out);
        }
    }
}

/// "the company's chief executive, X" and "X, the command's chief": a title owned by a
/// body named by a common noun, resolved to the latest earlier body whose name has that word.
fn common_noun_owner(text: &str, sent: ByteSpan, p: &M, out: &mut Out<'_>) {
    let pre = before(text, p.span.start(), sent);
    let mut found: Option<(&str, Title, usize)> = None;
    if (pre.trim_end().ends_with(',') || pre.ends_with(' '))
        && !pre.contains(['"', '\u{201c}', '\u{201d}'])
    {
        // The last few words before the name, in text order.
        let mut last: [&str; 6] = [""; 6];
        let mut n = 0;
        for w in words(pre).rev().take(6) {
            n += 1;
            if let Some(slot) = last.get_mut(6 - n) {
                *slot = w;
            }
        }
        let ws = last.get(6 - n..).unwrap_or(&[]);
        // "the W's [adj] TITLE", "its [adj] TITLE", "W TITLE".
        let marker = ws.iter().rposition(|w| is(w, &["s", "its"]));
        let (noun, rest) = match marker {
            Some(k) if ws.get(k).is_some_and(|w| is(w, &["its"])) => (Some("its"), ws.get(k + 1..)),
            Some(k) => (
                k.checked_sub(1).and_then(|k| ws.get(k).copied()),
                ws.get(k + 1..),
            ),
            None => {
                // "W TITLE X": the title words must run right up to the name.
                let t = ws
                    .iter()
                    .position(|w| title_of(None, w).is_some())
                    .filter(|&t| {
                        ws.get(t..).is_some_and(|r| {
                            r.iter().all(|w| {
                                title_of(None, w).is_some() || is(w, MODIFIERS) || is(w, PORTFOLIOS)
                            })
                        })
                    });
                (
                    t.and_then(|t| t.checked_sub(1))
                        .and_then(|k| ws.get(k).copied()),
                    t.and_then(|t| ws.get(t..)),
                )
            }
        };
        let title = rest.and_then(|r| {
            let mut prev: Option<&str> = None;
            let mut found = None;
            for w in r {
                if let Some(t) = title_of(prev, w) {
                    if found.is_none() || prev.is_some_and(|p| title_of(None, p).is_some()) {
                        found = Some(t);
                    }
                }
                prev = Some(*w);
            }
            found
        });
        // "Vietnam's foreign ministry spokeswoman": the owner is the unnamed ministry.
        let state_body = rest.is_some_and(|r| r.iter().any(|w| is(w, STATE_BODIES)));
        if let (Some(t), Some(noun), false) = (title, noun, state_body) {
            found = Some((noun, t, p.span.start()));
        }
    }
    if found.is_none() {
        let tail = after(text, p.span.end(), sent);
        if tail.trim_start().starts_with(',') {
            let mut ws = words(tail);
            let mut w = ws.next();
            if w.is_some_and(|w| is(w, &["the"])) {
                w = ws.next();
            }
            if let Some(noun) = w {
                if ws.next().is_some_and(|w| is(w, &["s"])) {
                    let mut t = None;
                    let mut prev: Option<&str> = None;
                    for w in ws.take(3) {
                        if t.is_some() {
                            // "head of operations": a department's head, not the body's.
                            if is(w, &["of"]) {
                                t = Some(Title::Affil);
                            }
                            break;
                        }
                        t = title_of(prev, w);
                        prev = Some(w);
                    }
                    if let Some(t) = t {
                        found = Some((noun, t, p.span.start()));
                    }
                }
            }
        }
    }
    let Some((noun, title, pos)) = found else {
        bare_title(text, sent, p, out);
        return;
    };
    if noun.len() < 2 {
        return;
    }
    // "its" and generic nouns name the latest organisation; other nouns one whose name has it.
    let generic = is(noun, GENERIC_ORG_NOUNS);
    // A capitalised word must be the head of the name ("Fire Service Commissioner X").
    let head_only = !noun.chars().all(char::is_lowercase);
    if is(noun, &["its"]) {
        if let Some(owner) = out.prev_subject {
            let kind = title_relation(title, out.entity(owner));
            out.add(kind, p.ent, owner, p.span);
        }
        return;
    }
    // The latest body named by the noun; for a generic noun, the most mentioned organisation.
    let mut best: Option<((usize, usize), EntityId)> = None;
    for (i, e) in out.entities.iter().enumerate() {
        if !matches!(e.kind, EntityType::Org | EntityType::Gpe) || i == p.ent.index() {
            continue;
        }
        let named = if head_only {
            words(&e.name).next_back().is_some_and(|w| is(w, &[noun]))
        } else {
            words(&e.name).any(|w| is(w, &[noun]))
        };
        let named = named
            || e.mentions.iter().any(|m| {
                m.kind != MentionKind::Pronoun
                    && m.span
                        .get(text)
                        .is_some_and(|t| t.eq_ignore_ascii_case(noun))
            });
        if !(named || (generic && e.kind == EntityType::Org && !is_outlet(text, e))) {
            continue;
        }
        let last = e
            .mentions
            .iter()
            .filter(|m| m.span.end() <= pos)
            .map(|m| m.span.end())
            .max();
        let count = if named {
            0
        } else {
            e.mentions.iter().filter(|m| m.span.end() <= pos).count()
        };
        if let (Some(end), Ok(idx)) = (last, u32::try_from(i)) {
            let rank = (count, end);
            if best.is_none_or(|(b, _)| rank > b) {
                best = Some((rank, EntityId(idx)));
            }
        }
    }
    if let Some((_, owner)) = best {
        let kind = title_relation(title, out.entity(owner));
        out.add(kind, p.ent, owner, p.span);
    } else {
        bare_title(text, sent, p, out);
    }
}

/// True for a news outlet: an organisation named right after "told" or in parentheses
/// ("told Lakeside Wire", "(Lakeside Wire)"), never the owner of "the group's leader".
fn is_outlet(text: &str, e: &Entity) -> bool {
    e.mentions.iter().any(|m| {
        let start = m.span.start();
        let mut from = start.saturating_sub(6);
        while from < start && !text.is_char_boundary(from) {
            from += 1;
        }
        let pre = between(text, from, start);
        pre.ends_with("told ") || pre.ends_with('(')
    })
}

/// "Foreign Minister X", "Governor X": a capitalised title with no owner in the text before
/// the name. A government title goes to the article's most mentioned country, another title
/// to its most mentioned organisation so far.
fn bare_title(text: &str, sent: ByteSpan, p: &M, out: &mut Out<'_>) {
    let pre = before(text, p.span.start(), sent);
    if !pre.ends_with(' ') {
        return;
    }
    const RANKS: &[&str] = &[
        "gen", "col", "maj", "lt", "dr", "mr", "mrs", "ms", "brig", "adm", "capt", "sgt",
    ];
    const GOVERNMENT: &[&str] = &["president", "minister", "premier", "king", "queen"];
    let mut title: Option<Title> = None;
    let mut government = false;
    let mut stop_ok = true;
    let mut ws = words(pre).rev().peekable();
    let mut seen_title = false;
    while let Some(w) = ws.next() {
        if is(w, RANKS) && !seen_title {
            continue;
        }
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        let next = ws.peek().copied();
        if cap {
            if let Some(t) = title_of(next, w) {
                if !seen_title {
                    title = Some(t);
                    government = is(w, GOVERNMENT);
                }
                seen_title = true;
                continue;
            }
            if seen_title && (is(w, MODIFIERS) || is(w, PORTFOLIOS)) {
                continue;
            }
            // Another capitalised word: part of a name the entity stage did not take.
            stop_ok = false;
        }
        break;
    }
    let (Some(title), true, true) = (title, stop_ok, government) else {
        // Company and agency titles are too often someone else's organisation.
        return;
    };
    if words(pre)
        .next_back()
        .is_some_and(|w| is(w, &["opposition"]))
    {
        return;
    }
    let mut best: Option<((usize, usize), EntityId)> = None;
    for (i, e) in out.entities.iter().enumerate() {
        let fits = if government {
            e.kind == EntityType::Gpe && is_country(Some(e))
        } else {
            e.kind == EntityType::Org
        };
        if !fits || i == p.ent.index() {
            continue;
        }
        // The story's country: the one the article names first.
        let Some(first) = e.mentions.iter().map(|m| m.span.start()).min() else {
            continue;
        };
        if let Ok(idx) = u32::try_from(i) {
            let rank = (usize::MAX - first, 0);
            if best.is_none_or(|(b, _)| rank > b) {
                best = Some((rank, EntityId(idx)));
            }
        }
    }
    if let Some((_, owner)) = best {
        let kind = title_relation(title, out.entity(owner));
        out.add(kind, p.ent, owner, p.span);
    }
}

/// "The alliance was built to oppose A and B": a sentence whose subject is a description
/// ("the alliance", "it") of the latest organisation, and whose first mention follows the cue.
fn subjectless(text: &str, sent: ByteSpan, earlier: &[M], ms: &[M], first: &M, out: &mut Out<'_>) {
    let pre = between(text, sent.start(), first.span.start());
    let mut ws = words(pre);
    let subject = match ws.next() {
        Some(w) if is(w, &["it"]) => true,
        Some(w) if is(w, &["the"]) => ws.next().is_some_and(|w| {
            is(w, GENERIC_ORG_NOUNS)
                || is(
                    w,
                    &["alliance", "coalition", "axis", "bloc", "network", "front"],
                )
        }),
        _ => false,
    };
    if !subject || words(pre).count() > 10 || has(pre, &["said", "says", "told"]) {
        return;
    }
    let kind = if has(
        pre,
        &["oppose", "opposes", "opposed", "opposing", "against"],
    ) {
        RelationType::Opposes
    } else if has(
        pre,
        &[
            "backs",
            "backed",
            "supports",
            "supported",
            "funds",
            "funded",
            "arms",
            "armed",
        ],
    ) && !words(pre).next_back().is_some_and(|w| is(w, &["by"]))
    {
        RelationType::Supports
    } else {
        return;
    };
    // A described organisation ("a regional coalition") first, else the latest named one.
    let owner = earlier
        .iter()
        .rev()
        .take(30)
        .find(|m| m.ty == EntityType::Org && m.kind == MentionKind::Nominal)
        .or_else(|| {
            earlier
                .iter()
                .rev()
                .find(|m| m.ty == EntityType::Org && m.kind == MentionKind::Name)
        })
        .map(|m| m.ent);
    let Some(owner) = owner else { return };
    let Some(j) = ms.iter().position(|m| m.span == first.span) else {
        return;
    };
    list(text, ms, j, kind, owner, true, first.span, out);
}

/// The words right after `end`, up to the sentence end (at most 40 bytes).
fn after(text: &str, end: usize, sent: ByteSpan) -> &str {
    let mut stop = (end + 40).min(sent.end());
    while stop > end && !text.is_char_boundary(stop) {
        stop -= 1;
    }
    between(text, end, stop)
}

/// The words right before `start`, from the sentence start (at most 40 bytes).
fn before(text: &str, start: usize, sent: ByteSpan) -> &str {
    let mut from = start.saturating_sub(40).max(sent.start());
    while from < start && !text.is_char_boundary(from) {
        from += 1;
    }
    between(text, from, start)
}

#[allow(clippy::too_many_arguments)]
fn pair(
    text: &str,
    sent: ByteSpan,
    ms: &[M],
    (i, j, gap): (usize, usize, usize),
    bw: &str,
    n: usize,
    out: &mut Out<'_>,
) {
    let (Some(&a), Some(&b)) = (ms.get(i), ms.get(j)) else {
        return;
    };
    let ev = a.span.cover(b.span);
    let breaks = has(bw, BREAKS) || bw.contains(['"', '\u{201c}', '\u{201d}', ';', '(', ')']);
    let paren_ok = has(bw, BREAKS) || bw.contains(['"', '\u{201c}', '\u{201d}', ';']);
    // A place right before "-based" or another hyphen compound only modifies what follows.
    let tail_b = after(text, b.span.end(), sent);
    let b_modifier = tail_b.starts_with(['-', '\u{2010}', '\u{2011}']);
    // "the New Zealand contingent", "a Senate subcommittee": the name modifies a noun.
    let b_noun_mod = b_modifier
        || (is_place(b.ty)
            && tail_b.starts_with(' ')
            && words(tail_b).next().is_some_and(|w| {
                w.chars().all(|c| c.is_lowercase())
                    && !is(w, FUNCTION_WORDS)
                    && !w.ends_with("ed")
                    && !w.ends_with('s')
            }));
    let comma_first = bw.trim_start().starts_with(',');
    let a_person = a.ty == EntityType::Person;
    let b_person = b.ty == EntityType::Person;

    // 1. "Hamas leader X", "Iran's supreme leader X", "its researcher X".
    let a_obj = words(before(text, a.span.start(), sent))
        .next_back()
        .is_some_and(|w| {
            is(
                w,
                &["for", "to", "in", "at", "with", "from", "against", "on"],
            )
        });
    if b_person
        && b.kind == MentionKind::Name
        && !a_person
        && (is_body(a.ty) || a.ty == EntityType::Loc)
        && n <= 5
        && !breaks
        && !a_obj
        && !bw.starts_with(['-', '\u{2010}', '\u{2011}'])
        && gap == 0
        && !words(bw).any(|w| w.len() > 3 && w.ends_with("ed") && w.chars().all(char::is_lowercase))
        && !has(bw, STATE_BODIES)
    {
        if let Some(t) = find_title(bw) {
            let mut kind = title_relation(t, out.entity(a.ent));
            if a.kind == MentionKind::Demonym && kind == RelationType::Leads && has(bw, ORG_NOUNS) {
                kind = RelationType::AffiliatedWith;
            }
            out.add(kind, b.ent, a.ent, ev);
            return;
        }
    }
    // 2. "X, the president of Y", "X, a spokesman for Y", "X, who heads Y", "X, the Y leader".
    let last_in = words(bw).next_back().is_some_and(|w| is(w, &["in"]));
    // "who chairs a Senate subcommittee": after "a", a name followed by a noun modifies it.
    let b_noun_mod = b_noun_mod
        || (words(bw).next_back().is_some_and(|w| is(w, &["a", "an"]))
            && tail_b.starts_with(' ')
            && words(tail_b)
                .next()
                .is_some_and(|w| w.chars().all(char::is_lowercase) && !is(w, FUNCTION_WORDS)));
    if a_person
        && !b_person
        && is_body(b.ty)
        && n <= 7
        && !breaks
        && !last_in
        && !b_noun_mod
        && gap == 0
    {
        let lead_in = comma_first || words(bw).next().is_some_and(|w| is(w, &["who"]));
        if lead_in {
            let t = find_title(bw).or_else(|| {
                let tail = after(text, b.span.end(), sent);
                // "the U.N. humanitarian coordinator": a title within three lowercase words.
                let t = words(tail)
                    .take(3)
                    .take_while(|w| w.chars().all(char::is_lowercase) && !is(w, FUNCTION_WORDS))
                    .find_map(|w| title_of(None, w));
                // "the command's chief": skip the possessive 's.
                t.or_else(|| {
                    let mut ws = words(tail);
                    let w1 = ws.next()?;
                    if is(w1, &["s"]) {
                        ws.next().and_then(|w| title_of(None, w))
                    } else {
                        None
                    }
                })
            });
            if let Some(t) = t {
                let kind = title_relation(t, out.entity(b.ent));
                out.add(kind, a.ent, b.ent, ev);
                return;
            }
        }
    }
    // 3. "the head of Y, X": title before the body, the person in apposition.
    if b_person
        && b.kind == MentionKind::Name
        && is_body(a.ty)
        && n <= 2
        && bw.contains(',')
        && !paren_ok
    {
        let pre = before(text, a.span.start(), sent);
        let mut ws = words(pre).rev();
        let mut w = ws.next();
        if w.is_some_and(|w| is(w, &["the"])) {
            w = ws.next();
        }
        let prep_ok = |w: &str| is(w, &["of"]) || (is(w, &["for"]) && a.ty == EntityType::Org);
        if w.is_some_and(prep_ok) {
            let t = ws.next();
            let p = ws.next();
            if let Some(t) = t.and_then(|t| title_of(p, t)) {
                let kind = title_relation(t, out.entity(a.ent));
                out.add(kind, b.ent, a.ent, ev);
                return;
            }
        }
    }
    // "Y, led by X": a body and its leader.
    if b_person
        && !a_person
        && is_body(a.ty)
        && n <= 6
        && !bw.contains(['"', '\u{201c}', '\u{201d}', ';'])
        && !has(bw, &["said", "says", "told"])
    {
        let mut ws = words(bw).skip_while(|w| !is(w, &["led", "headed", "chaired", "commanded"]));
        if ws.next().is_some() && ws.next().is_some_and(|w| is(w, &["by"])) {
            let kind = match find_title(&ws.collect::<Vec<_>>().join(" ")) {
                Some(t) if t != Title::Lead => title_relation(t, out.entity(a.ent)),
                _ => RelationType::Leads,
            };
            out.add(kind, b.ent, a.ent, ev);
            return;
        }
    }
    // 4. Places: "Y, a town in Z", "a think-tank in Z", "Y, based in Z", "Y, a Z-based group".
    if !matches!(
        a.ty,
        EntityType::Person | EntityType::Group | EntityType::Norp
    ) && is_place(b.ty)
        && b.kind != MentionKind::Demonym
        && !is_country(out.entity(a.ent))
    {
        let ws = words(bw);
        let last = ws.clone().next_back();
        let last = if last.is_some_and(|w| is(w, &["the"])) {
            ws.clone().nth_back(1)
        } else {
            last
        };
        let located = !b_modifier
            && last.is_some_and(|w| is(w, &["in"]))
            && if comma_first {
                n <= 5 && !breaks
            } else {
                n <= 3
                    && ws.clone().all(|w| {
                        is(
                            w,
                            &["in", "the", "based", "headquartered", "s", "headquarters"],
                        )
                    })
                    || (n <= 4
                        && !has(bw, BREAKS)
                        && words(bw).any(|w| is(w, SITE_NOUNS))
                        && words(bw).all(|w| {
                            is(w, SITE_NOUNS)
                                || is(
                                    w,
                                    &[
                                        "in", "the", "southern", "northern", "eastern", "western",
                                        "central",
                                    ],
                                )
                        }))
            };
        if located && a.kind != MentionKind::Pronoun {
            out.add(RelationType::LocatedIn, a.ent, b.ent, ev);
            return;
        }
        let tail = after(text, b.span.end(), sent);
        if comma_first && n <= 2 && !breaks && compound_kind(tail) == Some(RelationType::LocatedIn)
        {
            out.add(RelationType::LocatedIn, a.ent, b.ent, ev);
            return;
        }
    }
    // "Iraq's Kurdistan region", "Iran's Revolutionary Guards": a part of a country.
    if a.ty == EntityType::Gpe
        && a.kind == MentionKind::Name
        && !b_person
        && b.kind == MentionKind::Name
    {
        let mut ws = words(bw);
        let poss = ws.next().is_some_and(|w| is(w, &["s"]))
            && ws.clone().count() <= 1
            && ws.all(|w| w.chars().next().is_some_and(char::is_lowercase))
            && !breaks;
        let state_body = out
            .entity(b.ent)
            .is_some_and(|e| words(&e.name).any(|w| is(w, STATE_BODIES)));
        if poss && !is_country(out.entity(b.ent)) && !state_body {
            let kind = if is_place(b.ty) {
                RelationType::LocatedIn
            } else {
                RelationType::AffiliatedWith
            };
            out.add(kind, b.ent, a.ent, ev);
            return;
        }
    }
    // "the Bergen daily X": a place, one common noun, then the name.
    if a.ty == EntityType::Gpe
        && a.kind == MentionKind::Name
        && b.kind == MentionKind::Name
        && matches!(b.ty, EntityType::Org | EntityType::Fac)
        && n == 1
        && bw.trim().chars().all(char::is_lowercase)
        && !has(bw, FUNCTION_WORDS)
        && !is_country(out.entity(a.ent))
    {
        out.add(RelationType::LocatedIn, b.ent, a.ent, ev);
        return;
    }
    // "the Harare suburbs of A and B".
    if is_place(a.ty) && is_place(b.ty) && n == 2 && !breaks {
        let mut ws = words(bw);
        if ws.next().is_some_and(|w| is(w, PLACE_NOUNS))
            && ws.next().is_some_and(|w| is(w, &["of"]))
        {
            list(text, ms, j, RelationType::LocatedIn, a.ent, false, ev, out);
            return;
        }
    }
    // "a Z-based group, Y": place first.
    if is_place(a.ty) && !b_person && n <= 4 && compound_kind(bw) == Some(RelationType::LocatedIn) {
        out.add(RelationType::LocatedIn, b.ent, a.ent, ev);
        return;
    }
    if a.kind == MentionKind::Demonym {
        // "its Lebanese ally Hezbollah": a demonym before the cue is an attribute, not a party.
        return;
    }
    if b.kind == MentionKind::Demonym && a_person {
        if is_body(b.ty) && !breaks && n <= 7 {
            // "X, an adviser to the Azerbaijani president"
            if comma_first {
                if find_title(bw).is_some() {
                    out.add(RelationType::AffiliatedWith, a.ent, b.ent, ev);
                    return;
                }
                if let Some(t) = find_title(after(text, b.span.end(), sent)) {
                    let kind = title_relation(t, out.entity(b.ent));
                    out.add(kind, a.ent, b.ent, ev);
                    return;
                }
            }
        }
        return;
    }
    if a_person && b_person {
        if n <= 6 && !breaks && has(bw, &["critic", "opponent", "rival", "foe"]) {
            out.add(RelationType::Opposes, a.ent, b.ent, ev);
        }
        return;
    }
    // "Y, a NATO member", "Y, an ally of Z" (the cue after the second name).
    if comma_first && n <= 1 && !a_person && is_body(b.ty) {
        let tail = after(text, b.span.end(), sent);
        if words(tail)
            .next()
            .is_some_and(|w| is(w, &["member", "members"]))
        {
            out.add(RelationType::MemberOf, a.ent, b.ent, ev);
            return;
        }
    }
    // "a militia that is part of Z".
    if n <= 8 && gap == 0 && is_body(b.ty) && !has(bw, &["said", "says", "told", "but", "and"]) {
        let mut ws = words(bw).skip_while(|w| !is(w, &["part"]));
        if ws.next().is_some() && ws.next().is_some_and(|w| is(w, &["of"])) {
            out.add(RelationType::MemberOf, a.ent, b.ent, ev);
            return;
        }
    }
    // "X, whose Y party".
    if a_person && is_body(b.ty) && n == 1 && comma_first && has(bw, &["whose"]) {
        let kind = if words(tail_b).next().is_some_and(|w| is(w, &["party"])) {
            RelationType::MemberOf
        } else {
            title_relation(Title::Affil, out.entity(b.ent))
        };
        out.add(kind, a.ent, b.ent, ev);
        return;
    }
    // "Y, which is affiliated with Z", "a faction that has pledged allegiance to Z".
    if n <= 8
        && gap == 0
        && !b_noun_mod
        && !has(bw, &["said", "says", "told", "but", "and"])
        && has(
            bw,
            &[
                "affiliated",
                "affiliate",
                "allegiance",
                "loyal",
                "linked",
                "tied",
            ],
        )
    {
        out.add(RelationType::AffiliatedWith, a.ent, b.ent, ev);
        return;
    }
    // "X, a coalition whose members include A, B and C".
    if !a_person
        && a.kind != MentionKind::Pronoun
        && gap == 0
        && !has(bw, &["said", "says", "told", "but", "while", "than"])
    {
        let mut ws = words(bw).skip_while(|w| !is(w, &["members", "member"]));
        if ws.next().is_some()
            && ws
                .next()
                .is_some_and(|w| is(w, &["include", "includes", "including", "are"]))
        {
            list(text, ms, j, RelationType::MemberOf, a.ent, false, ev, out);
            return;
        }
    }
    // "Iran-backed militias": the name, a hyphen compound, then the backed party.
    if bw.starts_with(['-', '\u{2010}', '\u{2011}']) && n <= 1 && !b_person {
        if let Some(kind) = compound_kind(bw) {
            if kind != RelationType::LocatedIn {
                out.add(kind, a.ent, b.ent, ev);
                return;
            }
        }
    }
    // "A ... B, and the two countries are members of C".
    if a.ty == EntityType::Gpe && b.ty == EntityType::Org && gap == 0 {
        let mut ws = words(bw).skip_while(|w| !is(w, &["two", "both"]));
        let pair_cue = ws.next().is_some()
            && ws
                .next()
                .is_some_and(|w| is(w, &["countries", "nations", "states", "are"]));
        let mut rest = words(bw).skip_while(|w| !is(w, &["members", "member"]));
        if pair_cue && rest.next().is_some() && rest.next().is_some_and(|w| is(w, &["of"])) {
            out.add(RelationType::MemberOf, a.ent, b.ent, ev);
            let other = ms.get(..i).and_then(|prev| {
                prev.iter()
                    .rev()
                    .find(|m| !m.inner && m.ty == EntityType::Gpe && m.ent != a.ent)
            });
            if let Some(o) = other {
                out.add(RelationType::MemberOf, o.ent, b.ent, o.span.cover(ev));
            }
            return;
        }
    }
    // "A formed the B with C and D", "A joined B".
    if !b_person
        && b.ty == EntityType::Org
        && gap == 0
        && !bw.contains(['"', '\u{201c}', '\u{201d}'])
    {
        let mut ws = words(bw).rev();
        let mut w = ws.next();
        if w.is_some_and(|w| is(w, &["the"])) {
            w = ws.next();
        }
        if w.is_some_and(|w| {
            is(
                w,
                &["formed", "founded", "co-founded", "joined", "rejoined"],
            )
        }) {
            out.add(RelationType::MemberOf, a.ent, b.ent, ev);
            let tail = after(text, b.span.end(), sent);
            if words(tail).next().is_some_and(|w| is(w, &["with"])) {
                // The founding partners listed after "with".
                let mut prev_end = b.span.end();
                for (k, m) in ms.iter().enumerate().skip(j + 1) {
                    if m.inner {
                        continue;
                    }
                    let g = between(text, prev_end, m.span.start());
                    let first = k == j + 1;
                    let ok = if first {
                        words(g).all(|w| is(w, &["with", "the"]))
                    } else {
                        words(g).all(|w| is(w, &["and", "the"]))
                    };
                    if !ok || g.is_empty() {
                        break;
                    }
                    out.add(RelationType::MemberOf, m.ent, b.ent, m.span.cover(b.span));
                    prev_end = m.span.end();
                }
            }
            return;
        }
    }
    // "X, a Republican on the Y committee".
    let on_ok =
        !bw.contains(['"', '\u{201c}', '\u{201d}']) && !has(bw, &["said", "says", "told", "and"]);
    if a_person && comma_first && b.ty == EntityType::Org && n <= 4 && on_ok && gap == 0 {
        let mut ws = words(bw).rev();
        let mut w = ws.next();
        if w.is_some_and(|w| is(w, &["the"])) {
            w = ws.next();
        }
        if w.is_some_and(|w| is(w, &["on"])) {
            out.add(RelationType::MemberOf, a.ent, b.ent, ev);
            return;
        }
    }
    // "B said it supported C".
    if !a_person && !b_person && n <= 4 && gap == 0 {
        let mut ws = words(bw);
        if ws.next().is_some_and(|w| is(w, &["said", "says"]))
            && ws.next().is_some_and(|w| is(w, &["it", "they"]))
            && ws.all(|w| {
                is(
                    w,
                    &[
                        "supported",
                        "supports",
                        "backed",
                        "backs",
                        "would",
                        "will",
                        "support",
                        "back",
                        "fully",
                    ],
                )
            })
            && n >= 3
        {
            out.add(RelationType::Supports, a.ent, b.ent, ev);
            return;
        }
    }
    let bw_no_break = n <= 5 && !has(bw, &["said", "says", "told", "but", "while", "than"]);
    if !bw_no_break {
        return;
    }
    // 5. Alliances.
    if comma_first && n <= 1 && !a_person && !b_person {
        // "A, B's closest ally, ..."
        let mut ws = words(after(text, b.span.end(), sent));
        if ws.next().is_some_and(|w| is(w, &["s"])) {
            let cue = ws.take(3).find_map(|w| {
                if is(w, &["ally", "allies"]) {
                    Some(RelationType::AllyOf)
                } else if is(w, SUPPORT_NOUNS) {
                    Some(RelationType::Supports)
                } else {
                    None
                }
            });
            if let Some(kind) = cue {
                out.add(kind, a.ent, b.ent, ev);
                // "A and B, C's largest donors": the first of the pair too.
                if let Some(prev) = i.checked_sub(1).and_then(|k| ms.get(k)) {
                    let g = between(text, prev.span.end(), a.span.start());
                    if words(g).count() == 1 && has(g, &["and"]) && !prev.inner {
                        out.add(kind, prev.ent, b.ent, prev.span.cover(ev));
                    }
                }
                return;
            }
        }
    }
    // "B's ally in the C": an alliance inside an organisation both belong to.
    if !a_person && b.ty == EntityType::Org && gap == 0 && !bw.contains(',') {
        let mut ws = words(bw).rev();
        let mut w = ws.next();
        if w.is_some_and(|w| is(w, &["the"])) {
            w = ws.next();
        }
        if w.is_some_and(|w| is(w, &["in", "within"]))
            && ws
                .next()
                .is_some_and(|w| is(w, &["ally", "allies", "partner", "partners"]))
        {
            out.add(RelationType::MemberOf, a.ent, b.ent, ev);
            return;
        }
    }
    if has(bw, &["ally", "allies", "allied", "partner"])
        && !has(bw, &["and", "or", "in", "within"])
        && !bw.trim_start().trim_start_matches(',').contains(',')
        && !a_person
        && !b_person
    {
        list(text, ms, j, RelationType::AllyOf, a.ent, true, ev, out);
        return;
    }
    if has(bw, &["and"]) && n == 1 {
        let pre = before(text, a.span.start(), sent);
        if words(pre)
            .next_back()
            .is_some_and(|w| is(w, &["allies", "partners"]))
        {
            out.add(RelationType::AllyOf, a.ent, b.ent, ev);
            return;
        }
        let tail = after(text, b.span.end(), sent);
        let mut ws = words(tail);
        if ws.next().is_some_and(|w| is(w, &["are", "were", "remain"]))
            && ws.any(|w| is(w, &["allies", "allied"]))
        {
            out.add(RelationType::AllyOf, a.ent, b.ent, ev);
            return;
        }
    }
    // 6. Support.
    let passive = words(bw).next_back().is_some_and(|w| is(w, &["by"]));
    if has(
        bw,
        &[
            "backer",
            "backers",
            "supporter",
            "supporters",
            "sponsor",
            "sponsors",
            "patron",
            "backs",
            "backed",
            "supports",
            "supported",
            "funds",
            "funded",
            "finances",
            "financed",
            "arms",
            "armed",
            "sponsored",
            "backing",
            "supporting",
            "funding",
        ],
    ) && !has(bw, &["and", "or", "against"])
    {
        if passive {
            out.add(RelationType::Supports, b.ent, a.ent, ev);
        } else {
            list(text, ms, j, RelationType::Supports, a.ent, true, ev, out);
        }
        return;
    }
    // 7. Opposition.
    if has(
        bw,
        &[
            "oppose",
            "opposes",
            "opposed",
            "opposing",
            "rival",
            "rivals",
            "enemy",
            "enemies",
            "foe",
            "foes",
            "opponent",
            "opponents",
            "critic",
            "critics",
            "fight",
            "fights",
            "fighting",
            "battling",
        ],
    ) && !has(bw, &["and", "or"])
    {
        list(text, ms, j, RelationType::Opposes, a.ent, true, ev, out);
        return;
    }
    // 8. Membership.
    if has(bw, &["members", "member"]) && has(bw, &["include", "includes", "including", "are"]) {
        list(text, ms, j, RelationType::MemberOf, a.ent, false, ev, out);
        return;
    }
    if (has(bw, &["member", "members", "joined", "join", "belongs"]) && !has(bw, &["and", "or"]))
        && is_body(b.ty)
    {
        out.add(RelationType::MemberOf, a.ent, b.ent, ev);
        return;
    }
    // "X of the Y party": a person and a party or army right after "of".
    if a_person && is_body(b.ty) {
        let mut w = words(bw);
        let first = w.next();
        let second = w.next();
        let short = first.is_some_and(|f| is(f, &["of"]))
            && (second.is_none() || (second.is_some_and(|s| is(s, &["the"])) && w.count() <= 2));
        if short && !bw.contains(',') && !breaks && !b_modifier && gap == 0 {
            let kind = title_relation(Title::Affil, out.entity(b.ent));
            out.add(kind, a.ent, b.ent, ev);
        }
    }
}

/// Adds `kind` between `fixed` and the mention at `j` and every mention listed after it
/// ("A, B and C"); `fixed_is_source` says which side `fixed` is.
#[allow(clippy::too_many_arguments)]
fn list(
    text: &str,
    ms: &[M],
    j: usize,
    kind: RelationType,
    fixed: EntityId,
    fixed_is_source: bool,
    ev: ByteSpan,
    out: &mut Out<'_>,
) {
    let mut prev_end = ev.end();
    let mut ev = ev;
    for m in ms.iter().skip(j) {
        if m.span.start() < prev_end && m.span.end() != prev_end {
            continue;
        }
        if m.span.end() != ev.end() {
            let gap = between(text, prev_end, m.span.start());
            let ok = !gap.is_empty()
                && words(gap).all(|w| {
                    is(
                        w,
                        &["and", "the", "a", "its", "their", "as", "well", "also"],
                    )
                })
                && words(gap).count() <= 3;
            if !ok {
                break;
            }
            ev = ev.cover(m.span);
        }
        prev_end = m.span.end();
        if fixed_is_source {
            out.add(kind, fixed, m.ent, ev);
        } else {
            out.add(kind, m.ent, fixed, ev);
        }
    }
}
