//! The patterns: pairs of nearby mentions and the words between and around them.

use newsgraph_doc::{
    ByteSpan, Doc, Entity, EntityId, EntityType, MentionKind, Relation, RelationType, Sentence,
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
    /// A rank ("the group's No. 2"): MEMBER_OF a movement, AFFILIATED_WITH a business.
    Rank,
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
    capitals(text, &ms, &mut out);
    names_with_place(text, &mut out);
    entity_titles(text, &mut out);
    let spans = joined_sentences(text, sentences);
    let mut lo = 0;
    for &span in &spans {
        while lo < ms.len() && ms[lo].span.start() < span.start() {
            lo += 1;
        }
        let mut hi = lo;
        while hi < ms.len() && ms[hi].span.end() <= span.end() {
            hi += 1;
        }
        if let Some(sent) = ms.get(lo..hi) {
            let earlier = ms.get(..lo).unwrap_or(&[]);
            sentence(text, span, sent, &mut out);
            described_lists(text, span, earlier, sent, &mut out);
            if let Some(first) = sent.iter().find(|m| !m.inner) {
                subjectless(text, span, earlier, sent, first, &mut out);
            }
            // The subject: an organisation named before any other actor of the sentence.
            out.prev_subject = sent
                .iter()
                .find(|m| !m.inner && m.kind != MentionKind::Pronoun && m.ty != EntityType::Gpe)
                .filter(|m| m.ty == EntityType::Org)
                .map(|m| m.ent);
        }
        lo = hi;
    }
    out.rels
}

/// The sentence spans, with a sentence cut after an abbreviation that takes a number ("the
/// group's No. 2", "No. 3 operator") joined to the next one.
fn joined_sentences(text: &str, sentences: &[Sentence]) -> Vec<ByteSpan> {
    let mut out: Vec<ByteSpan> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let glue = out.last().is_some_and(|prev| {
            let head = s.span.get(text).unwrap_or("");
            let tail = prev.get(text).unwrap_or("").trim_end();
            head.starts_with(|c: char| c.is_ascii_digit())
                && tail.ends_with(".")
                && words(tail)
                    .next_back()
                    .is_some_and(|w| is(w, &["no", "nos"]))
        });
        match out.last_mut() {
            Some(prev) if glue => *prev = prev.cover(s.span),
            _ => out.push(s.span),
        }
    }
    out
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
            // "chief economist at X in Karachi": a place after "in" only locates the body.
            let located = target.is_some_and(|t| {
                t.mentions.iter().any(|m| {
                    evidence.contains(m.span)
                        && words(between(text, evidence.start(), m.span.start()))
                            .next_back()
                            .is_some_and(|w| is(w, &["in"]))
                })
            });
            if located {
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

/// Words for a part of a place ("in eastern Z").
const DIRECTIONS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// What kind of body a name is, said right after it ("the X think-tank in Y").
const ORG_KIND_NOUNS: &[&str] = &[
    "think-tank",
    "think",
    "tank",
    "institute",
    "university",
    "college",
    "company",
    "firm",
    "bank",
    "charity",
    "foundation",
    "centre",
    "center",
    "newspaper",
    "daily",
    "broadcaster",
    "agency",
    "organisation",
    "organization",
    "club",
    "school",
    "hospital",
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
        return Some(Title::Rank);
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
    if is(
        w,
        &[
            "chief",
            "head",
            "leader",
            "commander",
            "director",
            "chairman",
            "governor",
        ],
    ) && prev.is_some_and(|p| is(p, &["deputy", "vice", "assistant"]))
    {
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

/// Departments a "head of …" runs inside a body, rather than the body itself.
const DEPARTMENTS: &[&str] = &[
    "operations",
    "communications",
    "research",
    "security",
    "policy",
    "programmes",
    "programs",
    "marketing",
    "finance",
    "sales",
    "logistics",
    "engineering",
    "strategy",
    "intelligence",
    "media",
    "press",
    "advocacy",
    "fundraising",
    "legal",
    "public",
    "human",
    "investor",
    "investigations",
    "training",
    "development",
];

/// Whether the first words of `s` name the head of a department ("'s head of logistics",
/// "chief for communications") rather than of the body.
fn department_head(s: &str) -> bool {
    let ws: Vec<&str> = words(s).take(6).collect();
    ws.windows(3).any(|w| {
        is(w[0], &["head", "director", "chief", "manager"])
            && is(w[1], &["of", "for"])
            && is(w[2], DEPARTMENTS)
    })
}

/// The last title word in `s`, if any.
fn find_title(s: &str) -> Option<Title> {
    let mut prev: Option<&str> = None;
    let mut prev_title = false;
    let mut found = None;
    let mut rest = words(s).peekable();
    while let Some(w) = rest.next() {
        if let Some(t) = title_of(prev, w) {
            // "head of operations", "director of communications": the head of a department
            // works for the body, as "operations head" does.
            let t = if t == Title::Lead && is(w, &["head", "director", "chief", "manager"]) {
                let mut ahead = rest.clone();
                match (ahead.next(), ahead.next()) {
                    (Some(of), Some(dept)) if is(of, &["of", "for"]) && is(dept, DEPARTMENTS) => {
                        Title::Affil
                    }
                    _ => t,
                }
            } else {
                t
            };
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

/// Bodies one is a member of rather than affiliated with ("party", "front", "militia").
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

/// Words in the names of businesses and public bodies, where a rank is a post, not a membership.
const BUSINESS_WORDS: &[&str] = &[
    "bank",
    "company",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "group",
    "holdings",
    "capital",
    "partners",
    "securities",
    "fund",
    "ministry",
    "agency",
    "bureau",
    "office",
    "commission",
    "authority",
    "university",
    "institute",
];

/// The relation a title makes between a person and the body it names.
fn title_relation(title: Title, target: Option<&Entity>) -> RelationType {
    match title {
        Title::Lead => RelationType::Leads,
        Title::Member => RelationType::MemberOf,
        Title::Rank => {
            let business = target.is_some_and(|e| {
                !matches!(e.kind, EntityType::Org | EntityType::Group)
                    || words(&e.name).any(|w| is(w, BUSINESS_WORDS))
            });
            if business {
                RelationType::AffiliatedWith
            } else {
                RelationType::MemberOf
            }
        }
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

/// True when the entity links to a place inside a country of the knowledge base ("kb:RUS/moscow").
fn is_city(e: Option<&Entity>) -> bool {
    e.and_then(|e| e.kb.as_ref())
        .is_some_and(|kb| kb.id.contains('/'))
}

/// "the Omani capital", "Nigeria's capital", "the capital of Oman": the capital the knowledge
/// base files under that country, when the article names it, lies in the country.
fn capitals(text: &str, ms: &[M], out: &mut Out<'_>) {
    for m in ms {
        if m.ty != EntityType::Gpe || m.kind == MentionKind::Pronoun {
            continue;
        }
        let Some(country) = out.entity(m.ent) else {
            continue;
        };
        let Some(kb) = country.kb.as_ref().filter(|_| is_country(Some(country))) else {
            continue;
        };
        let line = ByteSpan::ordered(
            m.span.start().saturating_sub(40),
            (m.span.end() + 40).min(text.len()),
        );
        let tail = after(text, m.span.end(), line);
        let head = before(text, m.span.start(), line);
        if !tail.contains("capital") && !head.contains("capital") {
            continue;
        }
        let mut tw = words(tail);
        let t1 = tw.next();
        let t2 = tw.next();
        let capital_after = match m.kind {
            MentionKind::Demonym => t1.is_some_and(|w| is(w, &["capital"])),
            _ => {
                t1.is_some_and(|w| is(w, &["s"]))
                    && (tail.starts_with(['\'', '\u{2019}']))
                    && t2.is_some_and(|w| is(w, &["capital"]))
            }
        };
        let mut hw = words(head).rev();
        let capital_before = m.kind == MentionKind::Name
            && hw.next().is_some_and(|w| is(w, &["of"]))
            && hw.next().is_some_and(|w| is(w, &["capital"]));
        if !(capital_after || capital_before) {
            continue;
        }
        let prefix = kb.id.len();
        let city = out.entities.iter().position(|e| {
            e.kind == EntityType::Gpe
                && e.kb.as_ref().is_some_and(|k| {
                    k.id.len() > prefix + 1
                        && k.id.starts_with(kb.id.as_str())
                        && k.id.as_bytes().get(prefix) == Some(&b'/')
                })
        });
        if let Some(Ok(city)) = city.map(u32::try_from) {
            let end = if capital_after {
                m.span.end() + tail.find("capital").map_or(0, |k| k + "capital".len())
            } else {
                m.span.end()
            };
            let start = if capital_before {
                m.span.start() - head.len() + head.rfind("capital").unwrap_or(head.len())
            } else {
                m.span.start()
            };
            out.add(
                RelationType::LocatedIn,
                EntityId(city),
                m.ent,
                ByteSpan::ordered(start, end.max(m.span.end())),
            );
        }
    }
}

/// "the Embassy in Elm": a body whose name ends in "in" and a place the article names.
fn names_with_place(text: &str, out: &mut Out<'_>) {
    let entities = out.entities;
    for (i, e) in entities.iter().enumerate() {
        if !matches!(e.kind, EntityType::Org | EntityType::Fac) {
            continue;
        }
        let Some(k) = e.name.rfind(" in ") else {
            continue;
        };
        let place = e.name.get(k + 4..).unwrap_or("");
        if place.is_empty() {
            continue;
        }
        // A mission "in" a country names where it works; a city, where it sits.
        let target = entities.iter().position(|p| {
            is_place(p.kind)
                && !is_country(Some(p))
                && (p.name == place
                    || p.mentions
                        .iter()
                        .any(|m| m.kind == MentionKind::Name && m.span.get(text) == Some(place)))
        });
        let evidence = e.mentions.iter().find(|m| m.kind == MentionKind::Name);
        if let (Some(t), Some(ev), Ok(src)) = (target, evidence, u32::try_from(i)) {
            if let Ok(t) = u32::try_from(t) {
                out.add(RelationType::LocatedIn, EntityId(src), EntityId(t), ev.span);
            }
        }
    }
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
                    // "Moscow-led": a capital stands for its state; not a leader of its own.
                    RelationType::Leads if is_city(out.entity(b.ent)) => {}
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
            regional_government(text, sent, a, out);
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
            // "A, led by X, is allied with B": the verb after an apposition tells of A.
            if a.ty != EntityType::Person {
                if let Some(rest) = after_apposition(bw) {
                    pair(text, sent, ms, (i, j, 0), rest, words(rest).count(), out);
                    continue;
                }
            }
            let n = words(bw).count();
            // "A is B's largest supplier, and both are members of C" reads further.
            let pair_members = n > MAX_BETWEEN
                && n <= 2 * MAX_BETWEEN
                && has(bw, &["two", "both"])
                && has(bw, &["members"])
                && !bw.contains(['"', '\u{201c}', '\u{201d}', ';']);
            let copula = || {
                a.ty == EntityType::Person
                    && is_body(b.ty)
                    && n <= 2 * MAX_BETWEEN
                    && copula_title(bw).is_some()
            };
            if n > MAX_BETWEEN && !pair_members && !copula() {
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

/// The title in a copula clause that ends `bw`, after any apposition: "…, was the No. 2 of
/// the", " is the leader of ", " became chairman of ".
fn copula_title(bw: &str) -> Option<Title> {
    let seg = bw.rsplit(',').next().unwrap_or(bw);
    if seg.contains(['"', '\u{201c}', '\u{201d}', ';', '(', ')']) || words(seg).nth(9).is_some() {
        return None;
    }
    let mut ws = words(seg);
    let mut w = ws.next()?;
    if is(w, &["has", "had"]) {
        w = ws.next()?;
    }
    if !is(w, &["is", "was", "became", "becomes", "remains", "been"]) {
        return None;
    }
    let rest: Vec<&str> = ws.collect();
    let (&last, body) = rest.split_last()?;
    let (last, body) = if is(last, &["the"]) {
        let (&l, b) = body.split_last()?;
        (l, b)
    } else {
        (last, body)
    };
    if !is(last, &["of", "for", "at"]) {
        return None;
    }
    let (&det, title) = body.split_first()?;
    if !is(det, &["the", "a", "an"]) || title.is_empty() || title.len() > 4 {
        return None;
    }
    let mut prev = None;
    let mut found = None;
    for &t in title {
        if let Some(x) = title_of(prev, t) {
            found = Some(x);
        } else if !is(t, MODIFIERS) && !is(t, &["no"]) && !t.chars().all(|c| c.is_lowercase()) {
            return None;
        }
        prev = Some(t);
    }
    found
}

/// Verbs and nouns of standing that may follow an apposition ("A, …, is allied with B").
const VERB_CUES: &[&str] = &[
    "allied",
    "ally",
    "allies",
    "backs",
    "backed",
    "supports",
    "supported",
    "funds",
    "funded",
    "arms",
    "armed",
    "opposes",
    "opposed",
    "rival",
    "member",
    "joined",
    "belongs",
];

/// The words after an apposition that opens `bw` (", led by X, is allied with "), when they
/// are few and hold a verb of standing, and neither part holds speech or quotation.
fn after_apposition(bw: &str) -> Option<&str> {
    let open = bw.strip_prefix(',').or_else(|| bw.strip_prefix(" ,"))?;
    if open.len() > 160 {
        return None;
    }
    let close = open.find(',')?;
    let (inner, rest) = (open.get(..close)?, open.get(close + 1..)?);
    if rest.len() > 60 || words(rest).nth(5).is_some() || !has(rest, VERB_CUES) {
        return None;
    }
    let clean = |s: &str| {
        !s.contains([
            '"', '\u{201c}', '\u{201d}', ';', '(', ')', '\u{2013}', '\u{2014}',
        ]) && !has(s, &["said", "says", "told", "and", "or", "but", "while"])
    };
    (clean(inner) && clean(rest) && words(inner).nth(12).is_none()).then_some(rest)
}

/// "X, a spokeswoman for the regional government": the government of the latest place the
/// article calls a province ("Y province"); likewise "state" and "region".
fn regional_government(text: &str, sent: ByteSpan, p: &M, out: &mut Out<'_>) {
    if !text.get(p.span.end()..).is_some_and(|t| t.starts_with(',')) {
        return;
    }
    let mut stop = (p.span.end() + 80).min(sent.end());
    while stop > p.span.end() && !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let tail = between(text, p.span.end(), stop);
    if !tail.contains(" government") {
        return;
    }
    let mut ws = words(tail).skip(1);
    let Some(t) = ws.next().and_then(|w| title_of(None, w)) else {
        return;
    };
    let (Some(prep), Some(the), Some(adj), Some(gov)) =
        (ws.next(), ws.next(), ws.next(), ws.next())
    else {
        return;
    };
    if !is(prep, &["for", "of", "with", "in"]) || !is(the, &["the"]) || !is(gov, &["government"]) {
        return;
    }
    let kind_word = if is(adj, &["provincial"]) {
        "province"
    } else if is(adj, &["state"]) {
        "state"
    } else if is(adj, &["regional"]) {
        "region"
    } else {
        return;
    };
    let entities = out.entities;
    let mut best: Option<(usize, EntityId)> = None;
    for (i, e) in entities.iter().enumerate() {
        if !is_place(e.kind) || is_country(Some(e)) {
            continue;
        }
        for m in &e.mentions {
            if m.span.end() > p.span.start() {
                continue;
            }
            let rest = text.get(m.span.end()..).unwrap_or("");
            let called =
                words(rest).next().is_some_and(|w| is(w, &[kind_word])) && rest.starts_with(' ');
            if called && best.is_none_or(|(b, _)| m.span.end() > b) {
                if let Ok(idx) = u32::try_from(i) {
                    best = Some((m.span.end(), EntityId(idx)));
                }
            }
        }
    }
    if let Some((_, owner)) = best {
        let kind = title_relation(t, out.entity(owner));
        out.add(kind, p.ent, owner, p.span);
    }
}

/// "the company's chief executive, X" and "X, the command's chief": a title owned by a
/// body named by a common noun, resolved to the latest earlier body whose name has that word.
fn common_noun_owner(text: &str, sent: ByteSpan, p: &M, out: &mut Out<'_>) {
    // Only the words after a quotation: "“…,” ministry spokeswoman X said".
    let pre = before(text, p.span.start(), sent);
    let pre = pre
        .rsplit(['"', '\u{201c}', '\u{201d}'])
        .next()
        .unwrap_or(pre);
    let mut found: Option<(&str, Title, usize)> = None;
    if pre.trim_end().ends_with(',') || pre.ends_with(' ') {
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
                // The noun and the title in one phrase: "the Herald, Professor X" is none.
                let clause = words(pre.rsplit([',', ';', ':']).next().unwrap_or(pre)).count();
                let t = t.filter(|&t| ws.len() - t < clause);
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
                    // "spokesman Chief Superintendent X": a capitalised rank after a lowercase
                    // title belongs to the name, not to the post.
                    let same_case = prev.is_some_and(|p| {
                        p.starts_with(char::is_lowercase) == w.starts_with(char::is_lowercase)
                    });
                    if found.is_none()
                        || (same_case && prev.is_some_and(|p| title_of(None, p).is_some()))
                    {
                        found = Some(t);
                    }
                }
                prev = Some(*w);
            }
            found
        });
        // "Vietnam's foreign ministry spokeswoman": the owner is the unnamed ministry.
        let state_body = rest.is_some_and(|r| r.iter().any(|w| is(w, STATE_BODIES)));
        // "Deputy Governor X": a modifier of the title names no body.
        let noun = noun.filter(|w| !is(w, MODIFIERS) && !is(w, &["acting", "former"]));
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
    if is(noun, PORTFOLIOS) {
        // "Health Minister X": a government title, not a body named by the noun.
        bare_title(text, sent, p, out);
        return;
    }
    // "Fire Service Commissioner X": a commissioner named after the body heads it (not after
    // a union of states: "EU Commissioner X").
    let title = if noun.starts_with(char::is_uppercase)
        && noun.chars().any(char::is_lowercase)
        && words(before(text, pos, sent))
            .next_back()
            .is_some_and(|w| w == "Commissioner")
    {
        Title::Lead
    } else {
        title
    };
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
    // The latest body named by the noun; for a generic noun, the organisation the text
    // describes by it ("the company"), else the most mentioned one.
    let mut best: Option<((usize, usize, usize), EntityId)> = None;
    for (i, e) in out.entities.iter().enumerate() {
        if !matches!(e.kind, EntityType::Org | EntityType::Gpe) || i == p.ent.index() {
            continue;
        }
        // How well the name fits: the head of a longer name, another word of one, or the
        // bare noun itself (a body the entity stage cut to one word: "Police").
        let (mut n_words, mut head, mut any) = (0, false, false);
        for w in words(&e.name) {
            n_words += 1;
            head = w.eq_ignore_ascii_case(noun);
            any |= head;
        }
        let one_word = n_words <= 1;
        let bare = || {
            e.mentions.iter().any(|m| {
                m.kind != MentionKind::Pronoun
                    && m.span.get(text).is_some_and(|t| {
                        let t = t
                            .strip_prefix("the ")
                            .or_else(|| t.strip_prefix("The "))
                            .unwrap_or(t);
                        t.eq_ignore_ascii_case(noun)
                    })
            })
        };
        let quality = if any {
            if one_word {
                1
            } else if head || !head_only {
                3
            } else {
                2
            }
        } else {
            usize::from(bare())
        };
        let named = quality > 0;
        if !(named || (generic && e.kind == EntityType::Org && !is_outlet(text, e))) {
            continue;
        }
        let before_pos = || e.mentions.iter().filter(|m| m.span.end() <= pos);
        let rank = match before_pos().map(|m| m.span.end()).max() {
            Some(end) if generic => (usize::from(named), before_pos().count(), end),
            Some(end) => (quality, 0, end),
            // "Police spokesman X" before "the Velmora Police Force" is named: only the head
            // of a longer name, below any body named before.
            None if !generic && quality == 3 && head_only => (0, 0, 0),
            None => continue,
        };
        if let Ok(idx) = u32::try_from(i) {
            if best.is_none_or(|(b, _)| rank > b) {
                best = Some((rank, EntityId(idx)));
            }
        }
    }
    if let Some((_, owner)) = best {
        let kind = title_relation(title, out.entity(owner));
        out.add(kind, p.ent, owner, p.span);
        based_owner(text, pre, p.span.start(), noun, owner, out);
    } else {
        bare_title(text, sent, p, out);
    }
}

/// "the Elm-based company's director": the body the noun stands for lies in the place.
/// `pre` is the text that ends at `end`.
fn based_owner(text: &str, pre: &str, end: usize, noun: &str, owner: EntityId, out: &mut Out<'_>) {
    let Some(k) = pre.rfind(noun) else { return };
    // The owner's noun itself, in the possessive: "company's".
    if !pre
        .get(k + noun.len()..)
        .is_some_and(|r| r.starts_with(['\'', '\u{2019}']))
    {
        return;
    }
    let head = pre.get(..k).unwrap_or("");
    let Some(stem) = head.strip_suffix("-based ") else {
        return;
    };
    let place_end = end - pre.len() + stem.len();
    let entities = out.entities;
    let place = entities.iter().position(|e| {
        is_place(e.kind)
            && e.mentions
                .iter()
                .any(|m| m.span.end() == place_end && m.kind == MentionKind::Name)
    });
    if let Some(Ok(idx)) = place.map(u32::try_from) {
        let start = entities
            .get(idx as usize)
            .and_then(|e| e.mentions.iter().find(|m| m.span.end() == place_end))
            .map_or(place_end, |m| m.span.start());
        let ev = ByteSpan::ordered(start, end - pre.len() + k + noun.len());
        if text.get(ev.start()..ev.end()).is_some() {
            out.add(RelationType::LocatedIn, owner, EntityId(idx), ev);
        }
    }
}

/// True for an entity that is only a common noun of a body ("Police" in "Police spokeswoman
/// X"): the body it stands for is named elsewhere.
fn bare_noun_entity(e: Option<&Entity>) -> bool {
    e.is_some_and(|e| {
        let mut ws = words(&e.name);
        ws.next()
            .is_some_and(|w| is(w, STATE_BODIES) || is(w, GENERIC_ORG_NOUNS))
            && ws.next().is_none()
    })
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
        // "Frente Sur (FS)": an acronym after the name is no outlet's credit line.
        let acronym = || {
            e.mentions
                .iter()
                .any(|o| o.span.end() < start && start - o.span.end() <= 2)
        };
        pre.ends_with("told ") || (pre.ends_with('(') && !acronym())
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
    // "A ministry official said Minister X …": a minister with no portfolio before the name
    // heads the ministry the sentence names.
    let mut ws = words(pre).rev().skip_while(|w| is(w, RANKS));
    let plain_minister = ws.next().is_some_and(|w| w == "Minister")
        && ws
            .next()
            .is_none_or(|w| w.chars().next().is_some_and(char::is_lowercase));
    if plain_minister {
        let ministry = out.entities.iter().position(|e| {
            e.kind == EntityType::Org
                && words(&e.name).any(|w| is(w, &["ministry"]))
                && e.mentions
                    .iter()
                    .any(|m| m.span.start() >= sent.start() && m.span.end() <= p.span.start())
        });
        if let Some(Ok(idx)) = ministry.map(u32::try_from) {
            out.add(RelationType::Leads, p.ent, EntityId(idx), p.span);
            return;
        }
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

/// Nouns for a coalition of actors ("the regional coalition", "a military alliance").
const ALLIANCE_NOUNS: &[&str] = &[
    "alliance",
    "alliances",
    "coalition",
    "axis",
    "bloc",
    "front",
    "league",
    "pact",
    "grouping",
    "network",
];

/// The byte offsets of the words of `s`, with the words.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    words(s).map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// "the regional coalition whose members include A, B and C": a membership list hung on a
/// description that is no mention; the description stands for the latest organisation named
/// or described as a coalition before it.
fn described_lists(text: &str, sent: ByteSpan, earlier: &[M], ms: &[M], out: &mut Out<'_>) {
    let Some(st) = sent.get(text) else { return };
    if !st.contains("whose") {
        return;
    }
    let ws: Vec<(usize, &str)> = word_spans(st).collect();
    for (k, &(_, w)) in ws.iter().enumerate() {
        if !is(w, &["whose"]) {
            continue;
        }
        let (Some(&(noun_at, noun)), Some(&(_, next))) =
            (k.checked_sub(1).and_then(|k| ws.get(k)), ws.get(k + 1))
        else {
            continue;
        };
        if !is(noun, ALLIANCE_NOUNS) || !is(next, &["members", "member"]) {
            continue;
        }
        let noun_start = sent.start() + noun_at;
        // A named coalition right there is a pair of mentions: `pair` reads it.
        if ms
            .iter()
            .any(|m| m.span.start() <= noun_start && m.span.end() > noun_start)
        {
            continue;
        }
        // The cue: "include", "are", … within four words.
        let Some(cue_end) = ws.get(k + 2..).and_then(|rest| {
            rest.iter().take(4).find_map(|&(a, w)| {
                is(
                    w,
                    &[
                        "include",
                        "includes",
                        "included",
                        "including",
                        "are",
                        "were",
                        "comprise",
                        "range",
                    ],
                )
                .then_some(sent.start() + a + w.len())
            })
        }) else {
            continue;
        };
        let Some(owner) = latest_coalition(text, earlier, ms, noun_start, out) else {
            continue;
        };
        let ev_start = sent.start() + noun_at;
        for (ent, end) in list_items(text, ms, cue_end) {
            let ev = ByteSpan::ordered(ev_start, end);
            out.add(RelationType::MemberOf, ent, owner, ev);
        }
    }
}

/// The latest organisation before `pos` that is named ("the X Alliance") or described ("X, a
/// military alliance") as a coalition.
fn latest_coalition(
    text: &str,
    earlier: &[M],
    ms: &[M],
    pos: usize,
    out: &Out<'_>,
) -> Option<EntityId> {
    let here = ms.iter().filter(|m| m.span.end() <= pos);
    let cands = earlier.iter().chain(here).rev().take(60);
    for m in cands {
        if m.inner || m.ty != EntityType::Org || m.kind == MentionKind::Pronoun {
            continue;
        }
        let Some(e) = out.entity(m.ent) else { continue };
        let named = words(&e.name).any(|w| is(w, ALLIANCE_NOUNS));
        let described = e.mentions.iter().any(|x| {
            let Some(t) = x.span.get(text) else {
                return false;
            };
            if x.kind == MentionKind::Nominal {
                return words(t).any(|w| is(w, ALLIANCE_NOUNS));
            }
            // "X – a military alliance built by …", "X, a loose coalition of …".
            let mut stop = (x.span.end() + 48).min(text.len());
            while stop > x.span.end() && !text.is_char_boundary(stop) {
                stop -= 1;
            }
            let tail = between(text, x.span.end(), stop);
            let tail = tail.trim_start();
            tail.starts_with([',', '\u{2013}', '\u{2014}', '('])
                && words(tail)
                    .next()
                    .is_some_and(|w| is(w, &["a", "an", "the"]))
                && words(tail).take(4).any(|w| is(w, ALLIANCE_NOUNS))
        });
        if named || described {
            return Some(m.ent);
        }
    }
    None
}

/// The entities listed from `from` on ("the Syrian government, A, B and other groups"), each
/// with the end of its item. A demonym item ("the Syrian government") names no entity of
/// its own and is passed over.
fn list_items(text: &str, ms: &[M], from: usize) -> Vec<(EntityId, usize)> {
    let mut items = Vec::new();
    let mut prev_end = from;
    let mut first = true;
    for m in ms {
        if m.inner || m.span.start() < prev_end || m.kind == MentionKind::Pronoun {
            continue;
        }
        let gap = between(text, prev_end, m.span.start());
        let mut gw = words(gap);
        let ok = if first {
            gw.all(|w| is(w, &["the", "a", "an", "such", "as"])) && !gap.contains([';', '.'])
        } else {
            gap.contains([',']) || has(gap, &["and"])
        } && words(gap).all(|w| {
            is(
                w,
                &[
                    "and", "the", "a", "an", "its", "their", "as", "well", "also",
                ],
            )
        }) && !gap.contains([';', '(', ')', '"', '\u{201c}', '\u{201d}']);
        // A demonym and its noun up to the next comma: an item of its own, not an entity.
        let skip = ok && m.kind == MentionKind::Demonym;
        if !ok {
            break;
        }
        first = false;
        if skip {
            let rest = after(
                text,
                m.span.end(),
                ByteSpan::ordered(m.span.end(), text.len()),
            );
            let Some(comma) = rest.find(',') else { break };
            if words(rest.get(..comma).unwrap_or("")).any(|w| !w.chars().all(char::is_lowercase)) {
                break;
            }
            prev_end = m.span.end() + comma;
            continue;
        }
        items.push((m.ent, m.span.end()));
        prev_end = m.span.end();
    }
    items
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
    let break_word = has(bw, BREAKS);
    let breaks = break_word || bw.contains(['"', '\u{201c}', '\u{201d}', ';', '(', ')']);
    let paren_ok = break_word || bw.contains(['"', '\u{201c}', '\u{201d}', ';']);
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
        .rev()
        .find(|w| !is(w, &["the", "a", "an"]))
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
        && !bare_noun_entity(out.entity(a.ent))
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
    // "X, known as Y, was the No. 2 of Z", "X is the leader of Z".
    if a_person && !b_person && is_body(b.ty) && !b_noun_mod {
        if let Some(t) = copula_title(bw) {
            let seg_start = bw.rfind(',').map_or(0, |k| k + 1);
            let in_seg = |m: &M| m.span.start() >= a.span.end() + seg_start;
            let clear = ms
                .get(i + 1..j)
                .is_none_or(|g| g.iter().all(|m| m.inner || !in_seg(m)))
                && !has(bw, &["said", "says", "told"]);
            if clear {
                let kind = title_relation(t, out.entity(b.ent));
                out.add(kind, a.ent, b.ent, ev);
                return;
            }
        }
    }
    // "the president's own Unity Party", "his Unity Party": a person's party.
    if a_person && b.ty == EntityType::Org && gap == 0 && n <= 2 {
        let mut ws = words(bw);
        let possessive = if a.kind == MentionKind::Pronoun {
            a.span
                .get(text)
                .is_some_and(|t| is(t, &["his", "her", "their"]))
                && ws.all(|w| is(w, &["own"]))
        } else {
            ws.next().is_some_and(|w| is(w, &["s"]))
                && (bw.starts_with(['\'', '\u{2019}']))
                && ws.all(|w| is(w, &["own"]))
        };
        let party = out.entity(b.ent).is_some_and(|e| {
            words(&e.name)
                .next_back()
                .is_some_and(|w| is(w, MEMBER_BODIES))
        });
        if possessive && party {
            out.add(RelationType::MemberOf, a.ent, b.ent, ev);
            return;
        }
    }
    // "X, the author of the plan and the Y's No. 2": the last of coordinated appositions.
    if a_person
        && !b_person
        && is_body(b.ty)
        && comma_first
        && gap == 0
        && n <= 10
        && bw.trim_end().ends_with(" and the")
        && !bw.contains(['"', '\u{201c}', '\u{201d}', ';', '(', ')'])
        && !has(
            bw,
            &["said", "says", "told", "but", "while", "who", "which"],
        )
        && !bare_noun_entity(out.entity(b.ent))
    {
        let tail = after(text, b.span.end(), sent);
        if tail.starts_with(['\'', '\u{2019}']) {
            let end = word_spans(tail)
                .take(4)
                .last()
                .map_or(0, |(at, w)| at + w.len());
            if let Some(t) = tail.get(..end).and_then(find_title) {
                let kind = title_relation(t, out.entity(b.ent));
                out.add(kind, a.ent, b.ent, ev);
                return;
            }
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
        && !bare_noun_entity(out.entity(b.ent))
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
                // "the WHO's incident manager": up to three lowercase words after it.
                t.or_else(|| {
                    let mut ws = word_spans(tail);
                    let (_, w1) = ws.next()?;
                    if !is(w1, &["s"]) {
                        return None;
                    }
                    let end = ws
                        .take(3)
                        .take_while(|(_, w)| {
                            w.chars().all(char::is_lowercase) && !is(w, FUNCTION_WORDS)
                        })
                        .last()
                        .map(|(at, w)| at + w.len())?;
                    find_title(tail.get(..end)?)
                })
            });
            // "the fund's head of logistics": a department's head works for the body.
            let t = t.map(|t| {
                if t == Title::Lead && department_head(after(text, b.span.end(), sent)) {
                    Title::Affil
                } else {
                    t
                }
            });
            if let Some(t) = t {
                let kind = title_relation(t, out.entity(b.ent));
                out.add(kind, a.ent, b.ent, ev);
                return;
            }
        }
    }
    // "X, an expert on Y at Z": the title's topic may hold names; the place of work is after "at".
    if a_person
        && comma_first
        && matches!(b.ty, EntityType::Org | EntityType::Group)
        && n <= 10
        && !b_noun_mod
        && !bw.contains(['"', '\u{201c}', '\u{201d}', ';', '(', ')'])
        && !has(
            bw,
            &[
                "said", "says", "told", "but", "while", "when", "and", "who", "which",
            ],
        )
    {
        let mut ws = words(bw).rev();
        let mut w = ws.next();
        if w.is_some_and(|w| is(w, &["the"])) {
            w = ws.next();
        }
        let topic = words(bw).any(|w| is(w, &["on", "of", "in"]));
        if w.is_some_and(|w| is(w, &["at"])) && topic {
            if let Some(t) = find_title(bw) {
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
        // "a city in (the) (eastern) Z".
        let last = ws
            .clone()
            .rev()
            .find(|w| !is(w, &["the"]) && !is(w, DIRECTIONS));
        // ", which is based in Z": a relative clause of place.
        let based_clause = comma_first
            && n <= 6
            && !bw.contains(['"', '\u{201c}', '\u{201d}', ';', '(', ')'])
            && words(bw).all(|w| {
                is(
                    w,
                    &[
                        "which",
                        "that",
                        "is",
                        "are",
                        "was",
                        "has",
                        "been",
                        "based",
                        "headquartered",
                        "in",
                        "the",
                    ],
                ) || is(w, DIRECTIONS)
            })
            && has(bw, &["based", "headquartered"]);
        let located = !b_modifier
            && last.is_some_and(|w| is(w, &["in"]))
            && if based_clause {
                true
            } else if comma_first {
                n <= 5 && !breaks
            } else {
                n <= 3
                    && ws.clone().all(|w| {
                        is(
                            w,
                            &["in", "the", "based", "headquartered", "s", "headquarters"],
                        ) || (a.ty == EntityType::Org && is(w, ORG_KIND_NOUNS))
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
        // "Yemen's Houthis": a people-like movement (one plural word) is no body of the state.
        let people = !is_place(b.ty)
            && out.entity(b.ent).is_some_and(|e| {
                let mut ws = words(&e.name);
                ws.next().is_some_and(|w| w.len() > 3 && w.ends_with('s')) && ws.next().is_none()
            });
        if poss && !is_country(out.entity(b.ent)) && !state_body && !people {
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
    // "A is controlled by B", "A, a firm owned by X": an owning body is an affiliation, an
    // owning person leads.
    if !a_person && gap == 0 && n <= 6 && !bw.contains(['"', '\u{201c}', '\u{201d}', ';', ',']) {
        let mut ws = words(bw).skip_while(|w| !is(w, &["controlled", "owned", "run"]));
        let cue = ws.next().is_some() && ws.next().is_some_and(|w| is(w, &["by"]));
        if cue
            && (b_person || a.ty == EntityType::Org)
            && ws.all(|w| !is(w, FUNCTION_WORDS) || is(w, &["the", "a", "an"]))
        {
            if b_person {
                out.add(RelationType::Leads, b.ent, a.ent, ev);
            } else if a.ty == EntityType::Org && b.ty == EntityType::Org {
                out.add(RelationType::AffiliatedWith, a.ent, b.ent, ev);
            }
            return;
        }
    }
    if !a_person && b_person && a.kind == MentionKind::Nominal && n == 0 && bw.trim() == "," {
        let own = a.span.get(text).unwrap_or("");
        let mut ws = words(own).skip_while(|w| !is(w, &["controlled", "owned", "run"]));
        if ws.next().is_some() && ws.next().is_some_and(|w| is(w, &["by"])) {
            out.add(RelationType::Leads, b.ent, a.ent, ev);
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
        && !bw.starts_with(['-', '\u{2010}', '\u{2011}'])
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
            if kind == RelationType::Leads && is_city(out.entity(a.ent)) {
                return;
            }
            if kind != RelationType::LocatedIn {
                out.add(kind, a.ent, b.ent, ev);
                return;
            }
        }
    }
    // "A ... B, and both nations are members of C".
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
        // "an expert on Y": a topic, not a seat.
        if w.is_some_and(|w| is(w, &["on"])) && find_title(bw) != Some(Title::Affil) {
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
                        "the",
                    ],
                )
            })
            && n >= 3
        {
            out.add(RelationType::Supports, a.ent, b.ent, ev);
            return;
        }
    }
    // "A and its [powerful] ally B": the ally of the first.
    if !a_person && !b_person && n <= 6 {
        let mut ws = words(bw);
        let lead = ws.next().is_some_and(|w| is(w, &["and"]))
            && ws.next().is_some_and(|w| is(w, &["its", "their"]));
        let mut rest: Vec<&str> = ws.collect();
        if rest.last().is_some_and(|w| is(w, &["the"])) {
            rest.pop();
        }
        if lead
            && rest
                .last()
                .is_some_and(|w| is(w, &["ally", "allies", "partner"]))
            && !bw.contains([',', ';'])
            && rest.iter().all(|w| !is(w, FUNCTION_WORDS))
        {
            out.add(RelationType::AllyOf, a.ent, b.ent, ev);
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
            // "A and B are close allies of C": both stand with C, not with each other.
            if ws.next().is_some_and(|w| is(w, &["of", "with"])) {
                let c = ms.get(j + 1..).and_then(|r| r.iter().find(|m| !m.inner));
                if let Some(c) = c.filter(|c| c.ty != EntityType::Person) {
                    out.add(RelationType::AllyOf, a.ent, c.ent, a.span.cover(c.span));
                }
                return;
            }
            out.add(RelationType::AllyOf, a.ent, b.ent, ev);
            return;
        }
    }
    // "X – an alliance built by A to oppose B": the clause tells of X, not of its builder A.
    // The party the clause tells of, with the evidence from it to the other side.
    let fixed = || match passive_agent_head(text, sent, ms, i) {
        Some(Some((head, span))) => Some((head, span.cover(ev))),
        Some(None) => None,
        None => Some((a.ent, ev)),
    };
    // 6. Support.
    let passive = words(bw)
        .rev()
        .find(|w| !is(w, &["the", "a", "an"]))
        .is_some_and(|w| is(w, &["by"]));
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
        // "told Radio X the ministry backs Y": the one told is the listener, not the backer.
        let listener = words(before(text, a.span.start(), sent))
            .next_back()
            .is_some_and(|w| {
                is(
                    w,
                    &[
                        "told", "tell", "tells", "telling", "informed", "assured", "reminded",
                    ],
                )
            });
        if listener && !passive {
            return;
        }
        if passive {
            out.add(RelationType::Supports, b.ent, a.ent, ev);
        } else {
            if let Some((fixed, ev)) = fixed() {
                list(text, ms, j, RelationType::Supports, fixed, true, ev, out);
            }
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
        let Some((fixed, ev)) = fixed() else { return };
        list(text, ms, j, RelationType::Opposes, fixed, true, ev, out);
        // "X of the Y party, a longtime critic of Z": the critic is X as much as Y.
        if comma_first && a.ty == EntityType::Org {
            if let Some(p) = person_of(text, ms, i) {
                list(text, ms, j, RelationType::Opposes, p, true, ev, out);
            }
        }
        return;
    }
    // 8. Membership.
    let modifier = bw.starts_with(['-', '\u{2010}', '\u{2011}']);
    if gap == 0
        && !modifier
        && has(bw, &["members", "member"])
        && has(bw, &["include", "includes", "including", "are"])
    {
        list(text, ms, j, RelationType::MemberOf, a.ent, false, ev, out);
        return;
    }
    // "A, a member of B", "A joined the B", "A belongs to B": only function words between
    // the cue and the body ("to join the battle against B" is no membership).
    let member_cue = || {
        let mut ws = words(bw).skip_while(|w| {
            !is(
                w,
                &[
                    "member", "members", "joined", "join", "joins", "belongs", "belong",
                ],
            )
        });
        ws.next().is_some()
            && ws.all(|w| {
                is(w, &["of", "to", "the", "a", "an"]) || w.chars().all(|c| c.is_uppercase())
            })
    };
    if is_body(b.ty) && !has(bw, &["and", "or"]) && member_cue() {
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

/// When the mention at `i` is the agent of a participle ("built by A", "set up by A"):
/// `Some(head)` with the mention the participle describes, in apposition before it ("X – a
/// military alliance built by A"), or `Some(None)` when there is none; `None` otherwise.
fn passive_agent_head(
    text: &str,
    sent: ByteSpan,
    ms: &[M],
    i: usize,
) -> Option<Option<(EntityId, ByteSpan)>> {
    let a = ms.get(i)?;
    let pre = before(text, a.span.start(), sent);
    let mut ws = words(pre).rev();
    if !ws.next().is_some_and(|w| is(w, &["by"])) {
        return None;
    }
    let participle = ws.next().is_some_and(|w| {
        w.chars().all(char::is_lowercase)
            && (w.ends_with("ed")
                || is(
                    w,
                    &[
                        "built", "set", "up", "made", "run", "led", "formed", "founded",
                    ],
                ))
    });
    if !participle {
        return None;
    }
    let head = ms.get(..i)?.iter().rev().find(|h| {
        if h.inner || h.kind == MentionKind::Pronoun || h.ty == EntityType::Person {
            return false;
        }
        let g = between(text, h.span.end(), a.span.start());
        g.trim_start().starts_with([',', '\u{2013}', '\u{2014}'])
            && words(g).count() <= 8
            && !has(g, &["said", "says", "told", "but", "while"])
    });
    Some(head.map(|h| (h.ent, h.span)))
}

/// The person right before the body at `i` in "X of the [opposition] Y".
fn person_of(text: &str, ms: &[M], i: usize) -> Option<EntityId> {
    let a = ms.get(i)?;
    let p = ms.get(..i)?.iter().rev().find(|m| !m.inner)?;
    if p.ty != EntityType::Person || p.kind != MentionKind::Name {
        return None;
    }
    let g = between(text, p.span.end(), a.span.start());
    let mut ws = words(g);
    let of = ws.next().is_some_and(|w| is(w, &["of"]));
    (of && !g.contains([',', ';', '"', '(', ')'])
        && words(g).count() <= 4
        && ws.all(|w| w.chars().all(char::is_lowercase)))
    .then_some(p.ent)
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
