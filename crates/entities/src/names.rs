//! Name mentions: the tagger's names, corrected and completed from the knowledge base.
//!
//! Each name the tagger reports becomes a [`Cand`] with a type from, in order of trust:
//!
//! 1. its last word ("Red Sea" → LOC, "Cairo Airport" → FAC, "Defence Ministry" → ORG) or an
//!    opening "Ministry of", "University of" (ORG);
//! 2. the knowledge base entry its text names, when that entry is compatible with the tagger's
//!    label: countries and capitals always win (GPE), armed groups and international
//!    organisations win over any label, other organisations and known persons over any label
//!    but the other one, other places only refine a place;
//! 3. the tagger's label (PER → PERSON, ORG → ORG, LOC → GPE); an untyped MISC name that is a
//!    demonym or a religion is NORP, any other MISC name is dropped.
//!
//! Titles are cut from the front of a person's name ("Trade Minister Ana Ruiz" →
//! "Ana Ruiz", title "Trade Minister") and the title words right before it are
//! kept, with the organisation or country that owns them ("Hamas leader", "Iran's supreme
//! leader").
//!
//! Then names the tagger missed are added from the knowledge base: a capitalised run of tokens
//! that is an alias of a country, capital, international organisation or non-state group (or,
//! not opening a sentence, another place), standing alone (no untagged capitalised word on
//! either side), and the name before a hyphen in "Iran-backed", "U.S.-led". The place of a
//! dateline ("TEHRAN, May 3 (Reuters) -") is a GPE.

use newsgraph_doc::{ByteSpan, EntityType, RegionKind, Token, TokenKind};
use newsgraph_kb::{EntryId, Kb, Kind};
use newsgraph_ner::{rules::is_title, Label, NamedSpan};

use crate::words;

/// Marks a token outside every unit.
pub(crate) const NO_UNIT: u32 = u32::MAX;

/// The longest run of tokens looked up in the knowledge base.
const MAX_KB_TOKENS: usize = 8;

/// A stretch of text tagged as one: a body sentence or a non-body region.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    /// Its tokens, `[t0, t1)`.
    pub t0: usize,
    /// End of its tokens.
    pub t1: usize,
    /// What region it is, if not a body sentence.
    pub region: Option<RegionKind>,
    /// Whether it is written in capitals (a headline, a dateline).
    pub caps: bool,
}

/// The document as the entity stage reads it: text, tokens, their surfaces and units.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub kb: &'a Kb,
    pub toks: &'a [Token],
    /// Surface of each token ("" when its span does not fit the text).
    pub strs: Vec<&'a str>,
    /// Unit index of each token, [`NO_UNIT`] outside.
    pub unit_of: Vec<u32>,
    pub units: Vec<Unit>,
    /// Whether each token lies inside a quotation.
    pub in_quote: Vec<bool>,
}

impl<'a> Ctx<'a> {
    /// Indexes the tokens by unit; `spans` are the units' spans in text order.
    pub(crate) fn new(
        text: &'a str,
        kb: &'a Kb,
        toks: &'a [Token],
        spans: &[(ByteSpan, Option<RegionKind>)],
        quotes: &[ByteSpan],
    ) -> Self {
        let strs: Vec<&str> = toks
            .iter()
            .map(|t| t.span.get(text).unwrap_or(""))
            .collect();
        let mut unit_of = vec![NO_UNIT; toks.len()];
        let mut units = Vec::with_capacity(spans.len());
        for &(span, region) in spans {
            let t0 = toks.partition_point(|t| t.span.start() < span.start());
            let mut t1 = t0;
            while toks.get(t1).is_some_and(|t| t.span.end() <= span.end()) {
                t1 += 1;
            }
            if t1 > t0 {
                let u = units.len() as u32;
                for slot in unit_of.get_mut(t0..t1).unwrap_or(&mut []) {
                    *slot = u;
                }
                let (mut upper, mut lower) = (0, 0);
                for s in strs.get(t0..t1).unwrap_or(&[]) {
                    if words::all_caps(s) {
                        upper += 1;
                    } else if s.chars().any(char::is_lowercase) {
                        lower += 1;
                    }
                }
                let caps = upper > 2 * lower.max(1) || upper > 0 && lower == 0;
                units.push(Unit {
                    t0,
                    t1,
                    region,
                    caps,
                });
            }
        }
        let mut in_quote = vec![false; toks.len()];
        for q in quotes {
            let a = toks.partition_point(|t| t.span.start() < q.start());
            let b = toks.partition_point(|t| t.span.start() < q.end());
            for x in in_quote.get_mut(a..b).unwrap_or(&mut []) {
                *x = true;
            }
        }
        Self {
            text,
            kb,
            toks,
            strs,
            unit_of,
            units,
            in_quote,
        }
    }

    /// Whether token `i` lies inside a quotation.
    pub(crate) fn quoted(&self, i: usize) -> bool {
        self.in_quote.get(i).copied().unwrap_or(false)
    }

    /// The surface of token `i` ("" when out of range).
    pub(crate) fn s(&self, i: usize) -> &'a str {
        self.strs.get(i).copied().unwrap_or("")
    }

    /// The span of token `i` (empty at the text's end when out of range).
    pub(crate) fn span(&self, i: usize) -> ByteSpan {
        self.toks
            .get(i)
            .map_or(ByteSpan::empty(self.text.len()), |t| t.span)
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn range(&self, a: usize, b: usize) -> ByteSpan {
        self.span(a).cover(self.span(b.saturating_sub(1).max(a)))
    }

    /// The text of `span` ("" when it does not fit).
    pub(crate) fn slice(&self, span: ByteSpan) -> &'a str {
        span.get(self.text).unwrap_or("")
    }

    /// The unit of token `i`.
    pub(crate) fn unit(&self, i: usize) -> u32 {
        self.unit_of.get(i).copied().unwrap_or(NO_UNIT)
    }

    /// Whether token `i` is the first word of its unit (quotes and brackets before it aside).
    pub(crate) fn opens_unit(&self, i: usize) -> bool {
        let u = self.unit(i);
        let Some(unit) = self.units.get(u as usize) else {
            return true;
        };
        (unit.t0..i).all(|j| !words::has_alnum(self.s(j)))
    }

    /// Whether token `i` is a word.
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether the unit of token `i` is written in capitals (a headline, a dateline).
    pub(crate) fn caps_unit(&self, i: usize) -> bool {
        self.units
            .get(self.unit(i) as usize)
            .is_some_and(|u| u.caps)
    }
}

/// Where a candidate name came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// The tagger, with its label.
    Tagger(Label),
    /// The knowledge base.
    Kb,
    /// A dateline's place.
    Dateline,
}

/// Who a title belongs to: "Hamas leader", "Iran's supreme leader", "Iranian President".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    /// A name candidate (by index).
    Cand(usize),
    /// A country named by a demonym.
    Country(EntryId),
}

/// A name mention before coreference.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// The name, without title, "the" or possessive.
    pub span: ByteSpan,
    /// The tokens covering it, `[t0, t1)`.
    pub t0: usize,
    /// End of the covering tokens.
    pub t1: usize,
    /// Its type.
    pub ty: EntityType,
    /// Whether the type came from a head word or the knowledge base.
    pub strong: bool,
    /// Whether the type came from the context (a title before it, an apposition after it).
    pub cued: bool,
    /// The knowledge base entry its text names, when compatible with its type.
    pub kb: Option<EntryId>,
    /// Where it came from.
    pub source: Source,
    /// The title right before a person's name.
    pub title: Option<ByteSpan>,
    /// Who the title belongs to.
    pub owner: Option<Owner>,
    /// The country owning an organisation's name.
    pub owned_by: Option<Owned>,
}

/// The type a knowledge base entry gives a name.
pub(crate) fn kb_type(kind: Kind, ner: newsgraph_kb::NerType) -> EntityType {
    match kind {
        Kind::Country | Kind::Capital => EntityType::Gpe,
        Kind::Place => match ner {
            newsgraph_kb::NerType::Loc => EntityType::Loc,
            _ => EntityType::Gpe,
        },
        Kind::Person => EntityType::Person,
        _ => EntityType::Org,
    }
}

/// The first knowledge base entry named by the surface of `span`.
///
/// A place named like its own country's demonym ("Turkey", filed as a place of "Türkiye",
/// whose demonym is "Turkish") is taken as the country.
fn kb_first(ctx: &Ctx<'_>, surface: &str) -> Option<(EntryId, Kind, EntityType)> {
    let mut id = ctx.kb.lookup_cased(surface).next()?;
    let mut e = ctx.kb.get(id)?;
    if e.kind() == Kind::Place {
        if let Some(country) = e.country().and_then(|c| ctx.kb.get(c)) {
            let stem: String = e.name().chars().take(4).collect();
            if stem.chars().count() == 4 && country.demonyms().any(|d| d.starts_with(stem.as_str()))
            {
                id = country.id();
                e = country;
            }
        }
    }
    Some((id, e.kind(), kb_type(e.kind(), e.ner())))
}

/// Whether a place type.
pub(crate) fn is_place(t: EntityType) -> bool {
    matches!(t, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
}

/// The type (and link) of a name of tokens `[t0, t1)` with surface `surface`.
fn classify(
    ctx: &Ctx<'_>,
    surface: &str,
    t0: usize,
    t1: usize,
    label: Label,
) -> Option<(EntityType, bool, Option<EntryId>)> {
    let last = ctx.s(t1.saturating_sub(1));
    let multi = t1 > t0 + 1;
    let mut head = if multi && words::capitalised(last) {
        words::head_type(last)
    } else {
        None
    };
    if head.is_none() && multi && words::is(ctx.s(t0 + 1), "of") {
        if words::is_org_opener(ctx.s(t0)) {
            head = Some(EntityType::Org);
        } else if words::head_type(ctx.s(t0)) == Some(EntityType::Loc) {
            head = Some(EntityType::Loc); // "Gulf of Aden", "Strait of Malacca"
        }
    }
    if !multi && label == Label::Loc && words::head_type(surface) == Some(EntityType::Loc) {
        head = Some(EntityType::Loc); // "the Gulf"
    }
    if !multi && words::capitalised(surface) && ctx.kb.demonym(surface).is_some() {
        return Some((EntityType::Norp, false, None));
    }
    let kb = kb_first(ctx, surface);
    if let Some((id, kind, kt)) = kb {
        let accept = match kind {
            Kind::Country | Kind::Capital => true,
            Kind::Igo | Kind::NonStateGroup => label != Label::Per || !multi,
            Kind::Place => {
                matches!(label, Label::Loc | Label::Misc) || label == Label::Per && !multi
            }
            Kind::Person => label != Label::Org || !multi,
            _ => label != Label::Per || words::all_caps(surface),
        };
        if accept {
            let ty = match head {
                Some(h) if is_place(h) && is_place(kt) => h,
                _ => kt,
            };
            // A lone name the tagger took for a person that the knowledge base knows as a
            // place: a place, unless the text shows it is a person's name (weak).
            let strong = !(kind == Kind::Place && label == Label::Per);
            return Some((ty, strong, Some(id)));
        }
    }
    if let Some(h) = head {
        return Some((h, true, None));
    }
    Some(match label {
        Label::Per => (EntityType::Person, false, None),
        Label::Org => (EntityType::Org, false, None),
        Label::Loc => (EntityType::Gpe, false, None),
        Label::Misc => {
            if !multi && (ctx.kb.demonym(surface).is_some() || words::is_norp_word(surface)) {
                (EntityType::Norp, false, None)
            } else {
                return None;
            }
        }
    })
}

/// The first token whose span ends after `byte`.
fn tok_from(ctx: &Ctx<'_>, byte: usize) -> usize {
    ctx.toks.partition_point(|t| t.span.end() <= byte)
}

/// Whether a title-like word may be part of a title before a name.
fn titleish(w: &str) -> bool {
    is_title(w) || words::is_role_noun(w) || words::is_title_modifier(w)
}

/// A name span before typing: the tagger's, extended or joined by the rules of [`refine`].
#[derive(Clone, Copy, Debug)]
struct Raw {
    span: ByteSpan,
    t0: usize,
    t1: usize,
    label: Label,
    /// A type fixed by a joining rule.
    forced: Option<EntityType>,
    /// A country owning an organisation's name ("Peruvian" / "Peru's" Defence Ministry),
    /// with the span of owner and name together.
    owner: Option<Owned>,
}

/// An organisation's name owned by a country: "Peruvian Defence Ministry", "Peru’s Defence
/// Ministry".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Owned {
    /// The country.
    pub country: EntryId,
    /// Owner and name together.
    pub full: ByteSpan,
    /// The name without its owner ("Defence Ministry").
    pub body: ByteSpan,
}

/// Connectors that may join two parts of an organisation's name.
fn is_connector(w: &str) -> bool {
    [
        "of", "for", "on", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "y",
    ]
    .contains(&w)
}

/// Connectors of Romance names, which join any two capitalised parts.
fn is_romance_connector(w: &str) -> bool {
    [
        "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "y",
    ]
    .contains(&w)
}

/// Whether token `j` is a capitalised word that may continue a name.
fn cap_word(ctx: &Ctx<'_>, j: usize) -> bool {
    let s = ctx.s(j);
    ctx.is_word(j) && words::capitalised(s) && !words::is_not_name(s)
}

/// Whether the organisation or place ending at token `t1 - 1` is a government body that a
/// country owns ("Defence Ministry", "Foreign Ministry", "Army", "Coast Guard").
fn government_body(ctx: &Ctx<'_>, t1: usize) -> bool {
    let last = ctx.s(t1.saturating_sub(1));
    [
        "ministry",
        "army",
        "navy",
        "police",
        "parliament",
        "government",
        "embassy",
        "cabinet",
        "coastguard",
        "guard",
        "forces",
        "force",
        "office",
        "senate",
        "presidency",
        "military",
        "court",
        "council",
        "command",
        "agency",
    ]
    .iter()
    .any(|w| words::is(last, w))
}

/// Extends and joins the tagger's names (see the module docs).
fn refine(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    raws.sort_by_key(|r| (r.t0, r.t1));
    // 0a. A "person" ending in an organisation head word is an organisation whose first words
    //     the tagger cut as a title ("Defence" Ministry): take them back.
    for k in 0..raws.len() {
        let Some(r) = raws.get(k).copied() else {
            continue;
        };
        if r.label != Label::Per || words::head_type(ctx.s(r.t1 - 1)).is_none() {
            continue;
        }
        let prev_end = k
            .checked_sub(1)
            .and_then(|p| raws.get(p))
            .map_or(0, |p| p.t1);
        let mut a = r.t0;
        while a > prev_end
            && ctx.unit(a - 1) == ctx.unit(r.t0)
            && cap_word(ctx, a - 1)
            && is_title(ctx.s(a - 1))
        {
            a -= 1;
        }
        if let Some(x) = raws.get_mut(k) {
            x.t0 = a;
            x.span = ctx.span(a).cover(x.span);
            x.label = Label::Org;
        }
    }
    // 0. No name ends in a lower-case connector ("First Congress of").
    for r in raws.iter_mut() {
        while r.t1 > r.t0 + 1 {
            let w = ctx.s(r.t1 - 1);
            if !(is_connector(w) || w == "the" || w == "and") {
                break;
            }
            r.t1 -= 1;
            let end = ctx.span(r.t1 - 1).end();
            r.span = ByteSpan::ordered(r.span.start(), end.max(r.span.start()));
        }
    }
    // 1. Hyphenated words: a name ending or starting inside one takes it whole when the other
    //    part is capitalised ("Anna-Lena Berg", "Maria Lund-Holm").
    for r in raws
        .iter_mut()
        .filter(|r| r.label == Label::Per || r.t1 > r.t0 + 1)
    {
        let last = ctx.span(r.t1.saturating_sub(1));
        if r.span.end() < last.end() {
            let rest = ctx.slice(ByteSpan::ordered(r.span.end(), last.end()));
            if rest.strip_prefix('-').is_some_and(words::capitalised) {
                r.span = ByteSpan::ordered(r.span.start(), last.end());
            }
        }
        let first = ctx.span(r.t0);
        if r.span.start() > first.start() {
            let before = ctx.slice(ByteSpan::ordered(first.start(), r.span.start()));
            if before.ends_with('-') && words::capitalised(before) {
                r.span = ByteSpan::ordered(first.start(), r.span.end());
            }
        }
    }
    merge_overlaps(raws);
    acronym_names(ctx, raws);
    let mut owner_of: Vec<u32> = vec![u32::MAX; ctx.toks.len()];
    let index = |raws: &[Raw], owner_of: &mut Vec<u32>| {
        owner_of.iter_mut().for_each(|x| *x = u32::MAX);
        for (k, r) in raws.iter().enumerate() {
            for x in owner_of.get_mut(r.t0..r.t1).unwrap_or(&mut []) {
                *x = k as u32;
            }
        }
    };
    index(raws, &mut owner_of);
    let free = |owner_of: &[u32], j: usize| owner_of.get(j).is_some_and(|&x| x == u32::MAX);
    // 2. A longer knowledge base alias from the same start ("Asian Development" + "Bank").
    for k in 0..raws.len() {
        let Some(r) = raws.get(k).copied() else {
            continue;
        };
        let unit_end = ctx
            .units
            .get(ctx.unit(r.t0) as usize)
            .map_or(r.t1, |u| u.t1);
        let end = unit_end.min(r.t0 + MAX_KB_TOKENS);
        let Some(m) = ctx.kb.longest_match(ctx.strs.get(r.t0..end).unwrap_or(&[])) else {
            continue;
        };
        let t1 = r.t0 + m.tokens;
        if t1 <= r.t1 || !cap_word(ctx, t1 - 1) {
            continue;
        }
        if (r.t1..t1).any(|j| {
            !free(&owner_of, j)
                && raws
                    .get(owner_of[j] as usize)
                    .is_some_and(|o| o.label == Label::Per)
        }) {
            continue;
        }
        if let Some(x) = raws.get_mut(k) {
            x.t1 = t1;
            x.span = x.span.cover(ctx.span(t1 - 1));
        }
    }
    merge_overlaps(raws);
    index(raws, &mut owner_of);
    // 3. Capitalised organisation head words right after a name ("Baltic Ferry" + "Lines").
    for k in 0..raws.len() {
        let Some(r) = raws.get(k).copied() else {
            continue;
        };
        if r.label == Label::Per {
            continue;
        }
        let mut j = r.t1;
        while j < r.t1 + 2
            && free(&owner_of, j)
            && cap_word(ctx, j)
            && ctx.unit(j) == ctx.unit(r.t0)
        {
            j += 1;
        }
        if j > r.t1 && words::head_type(ctx.s(j - 1)) == Some(EntityType::Org) {
            if let Some(x) = raws.get_mut(k) {
                x.t1 = j;
                x.span = x.span.cover(ctx.span(j - 1));
                x.forced = Some(EntityType::Org);
            }
        }
    }
    index(raws, &mut owner_of);
    // 3b. Runs of capitalised words the tagger missed that end in a head word ("Climate
    //     Justice Party") or open with "Ministry of", "Bureau of".
    let before = raws.len();
    for unit in &ctx.units {
        if unit.region.is_some() || unit.caps || title_case(ctx, unit) {
            continue;
        }
        let mut j = unit.t0;
        while j < unit.t1 {
            if !(free(&owner_of, j) && cap_word(ctx, j)) {
                j += 1;
                continue;
            }
            let a = j;
            let mut b = j + 1;
            loop {
                if b < unit.t1 && free(&owner_of, b) && cap_word(ctx, b) {
                    b += 1;
                } else if b + 1 < unit.t1
                    && matches!(ctx.s(b), "of" | "for" | "and" | "the")
                    && free(&owner_of, b + 1)
                    && cap_word(ctx, b + 1)
                {
                    b += 2;
                } else if b + 2 < unit.t1
                    && ctx.s(b) == "of"
                    && ctx.s(b + 1) == "the"
                    && free(&owner_of, b + 2)
                    && cap_word(ctx, b + 2)
                {
                    b += 3;
                } else {
                    break;
                }
            }
            j = b;
            for k in a..b {
                let w = ctx.s(k);
                if !cap_word(ctx, k) || k == a && k + 1 == b {
                    continue;
                }
                let last = ctx.s(b - 1);
                let headed = b >= k + 2
                    && words::head_type(last).is_some()
                    && ![
                        "service", "services", "group", "team", "news", "media", "network",
                        "store", "hotel", "road", "street", "station", "times", "post", "capital",
                        "trust", "energy", "mining", "research", "studies", "exchange", "daily",
                        "review", "records", "band", "club", "range", "region", "plain", "plains",
                        "coast", "hall", "market", "gate", "wall", "tower", "fund", "school",
                        "office", "union", "society", "board", "force", "forces", "press",
                        "united",
                    ]
                    .iter()
                    .any(|x| words::is(last, x));
                let opener = head_or_opener(w) && ctx.s(k + 1) == "of" && b > k + 2;
                if !headed && !opener {
                    continue;
                }
                if k == a && ctx.opens_unit(k) {
                    continue; // a sentence's first word may be any word
                }
                let label = match words::head_type(ctx.s(b - 1)) {
                    Some(EntityType::Loc | EntityType::Fac) if !opener => Label::Loc,
                    _ => Label::Org,
                };
                raws.push(Raw {
                    span: ctx.range(k, b),
                    t0: k,
                    t1: b,
                    label,
                    forced: None,
                    owner: None,
                });
                break;
            }
        }
    }
    if raws.len() > before {
        raws.sort_by_key(|r| (r.t0, r.t1));
        index(raws, &mut owner_of);
    }
    // 4. Joins over connectors ("Central Bank" of "Kenya", "Centre" for "Maritime Studies",
    //    "Council" of "Elders", "Unión Campesina" del "Norte") and
    //    possessives inside names ("Coast People" ’s "Front").
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    let mut k = 0;
    while k < raws.len() {
        let Some(mut r) = raws.get(k).copied() else {
            break;
        };
        k += 1;
        // An uncovered capitalised head word before "of" + this name: take it in.
        if r.t0 >= 2 && words::is(ctx.s(r.t0 - 1), "of")
            || r.t0 >= 3 && words::is(ctx.s(r.t0 - 1), "the") && words::is(ctx.s(r.t0 - 2), "of")
        {
            let of = if words::is(ctx.s(r.t0 - 1), "of") {
                r.t0 - 1
            } else {
                r.t0 - 2
            };
            if of >= 1
                && free(&owner_of, of - 1)
                && cap_word(ctx, of - 1)
                && ctx.unit(of - 1) == ctx.unit(r.t0)
            {
                let mut a = of - 1;
                if head_or_opener(ctx.s(a)) {
                    while a > 0
                        && free(&owner_of, a - 1)
                        && cap_word(ctx, a - 1)
                        && ctx.unit(a - 1) == ctx.unit(r.t0)
                        && !ctx.opens_unit(a)
                    {
                        a -= 1;
                    }
                    if r.label != Label::Per {
                        r.t0 = a;
                        r.span = ctx.span(a).cover(r.span);
                        r.forced = Some(EntityType::Org);
                        // An earlier output name ending right there is swallowed.
                        while out.last().is_some_and(|o| o.t1 > a) {
                            out.pop();
                        }
                    }
                }
            }
        }
        loop {
            let j = r.t1;
            let unit = ctx.unit(r.t0);
            let c = ctx.s(j);
            let poss = matches!(c, "’s" | "'s")
                || matches!(c, "’" | "'") && ctx.s(j.saturating_sub(1)).ends_with('s');
            let romance = is_romance_connector(c);
            // "and" only continues a name already joined as an organisation ("Institute for
            // Peace and Security").
            let inner_of = (r.t0..r.t1).any(|x| matches!(ctx.s(x), "of" | "for"));
            let and = c == "and"
                && (r.forced == Some(EntityType::Org) || r.label == Label::Org && inner_of);
            if !(is_connector(c) || poss || and || words::is(c, "in")) || ctx.unit(j) != unit {
                break;
            }
            let mut s = j + 1;
            if words::is(ctx.s(s), "the") && !poss {
                s += 1;
            }
            // The part after: a name, or a run of capitalised words.
            let next = raws.get(k).copied().filter(|n| n.t0 == s);
            let mut e = s;
            if let Some(n) = next {
                e = n.t1;
            }
            while e < s + 6 && free(&owner_of, e) && cap_word(ctx, e) && ctx.unit(e) == unit {
                e += 1;
            }
            if e == s || next.is_some_and(|n| n.label == Label::Per) && !romance {
                break;
            }
            let corporate = ["inc", "corp", "ltd", "co", "llc", "plc", "sa", "ag", "gmbh"]
                .iter()
                .any(|x| words::is(ctx.s(r.t1 - 1).trim_end_matches('.'), x));
            let last_head = !corporate
                && (words::head_type(ctx.s(r.t1 - 1)) == Some(EntityType::Org)
                    || head_or_opener(ctx.s(r.t1 - 1)));
            let join = if poss {
                // "Coast People’s Front": the part after ends in a head word, and the part
                // before is no place or person.
                let after_head = words::head_type(ctx.s(e - 1)) == Some(EntityType::Org);
                let before_place = r.label == Label::Loc
                    || kb_first(ctx, ctx.slice(r.span)).is_some_and(|(_, _, t)| is_place(t));
                if after_head && !before_place && e == s + 1 && words::capitalised(ctx.s(s)) {
                    Some(EntityType::Org)
                } else if after_head && before_place && government_body(ctx, e) {
                    // "Peru’s Defence Ministry": the ministry, owned by the country.
                    if let Some((id, Kind::Country, _)) = kb_first(ctx, ctx.slice(r.span)) {
                        let body = Raw {
                            span: ctx.range(s, e),
                            t0: s,
                            t1: e,
                            label: Label::Org,
                            forced: Some(EntityType::Org),
                            owner: Some(Owned {
                                country: id,
                                full: r.span.cover(ctx.span(e - 1)),
                                body: ctx.range(s, e),
                            }),
                        };
                        out.push(r);
                        r = body;
                        if next.is_some() {
                            k += 1;
                        }
                        continue;
                    }
                    None
                } else {
                    None
                }
            } else if words::is(c, "in") {
                let mission = ["mission", "embassy", "consulate", "delegation", "office"]
                    .iter()
                    .any(|w| words::is(ctx.s(r.t1 - 1), w));
                let place = next.is_some_and(|n| n.label == Label::Loc)
                    || kb_first(ctx, ctx.slice(ctx.range(s, e)))
                        .is_some_and(|(_, _, t)| is_place(t));
                (mission && place && e <= s + 3).then_some(EntityType::Org)
            } else if romance {
                Some(r.forced.unwrap_or(match r.label {
                    Label::Per => EntityType::Person,
                    Label::Loc => EntityType::Gpe,
                    _ => EntityType::Org,
                }))
            } else if and {
                next.is_none_or(|n| n.label != Label::Per)
                    .then_some(EntityType::Org)
            } else {
                (r.label != Label::Per && last_head).then_some(EntityType::Org)
            };
            let Some(ty) = join else { break };
            if next.is_some() {
                k += 1;
            }
            r.t1 = e;
            r.span = r.span.cover(ctx.span(e - 1));
            r.forced = Some(ty);
            r.label = if ty == EntityType::Person {
                Label::Per
            } else {
                r.label
            };
        }
        out.push(r);
    }
    *raws = out;
    merge_overlaps(raws);
    // 5. Demonym owners of government bodies ("Peruvian Defence Ministry").
    for r in raws.iter_mut() {
        if r.label == Label::Per || r.owner.is_some() || !government_body(ctx, r.t1) {
            continue;
        }
        let first = ctx.s(r.t0);
        if r.t1 >= r.t0 + 2 && words::capitalised(first) {
            if let Some(id) = ctx.kb.demonym(first) {
                r.owner = Some(Owned {
                    country: id,
                    full: r.span,
                    body: ctx.range(r.t0 + 1, r.t1),
                });
                continue;
            }
        }
        if r.t0 > 0 && ctx.unit(r.t0 - 1) == ctx.unit(r.t0) {
            let before = ctx.s(r.t0 - 1);
            if words::capitalised(before) {
                if let Some(id) = ctx.kb.demonym(before) {
                    r.owner = Some(Owned {
                        country: id,
                        full: ctx.span(r.t0 - 1).cover(r.span),
                        body: r.span,
                    });
                }
            }
        }
    }
}

/// A run of capitalised words followed by its initials in brackets is one name, whatever the
/// tagger made of it: "Coastal Farmers Union (CFU)", "Southern African
/// Development Community (SADC)". The acronym is a name too.
fn acronym_names(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let mut added: Vec<Raw> = Vec::new();
    let mut letters = String::new();
    let mut initials = String::new();
    for j in 1..ctx.toks.len() {
        if ctx.s(j) != "(" || ctx.s(j + 2) != ")" {
            continue;
        }
        let acr = ctx.s(j + 1);
        if !words::all_caps(acr) || ctx.unit(j + 1) != ctx.unit(j) {
            continue;
        }
        letters.clear();
        letters.extend(acr.chars().filter(|c| c.is_alphabetic()));
        let n = letters.chars().count();
        if !(2..=10).contains(&n) {
            continue;
        }
        // Walk back over capitalised words and connectors, collecting initials.
        let unit = ctx.unit(j);
        let mut a = j;
        let mut parts: Vec<String> = Vec::new();
        let mut found = None;
        while a > 0 && j - a < 14 && ctx.unit(a - 1) == unit {
            let w = ctx.s(a - 1);
            let connector =
                is_connector(w) || matches!(w, "the" | "and" | "&" | "in" | "la" | "le" | "el");
            if !(cap_word(ctx, a - 1) || connector) {
                break;
            }
            a -= 1;
            let mut ini = String::new();
            if !connector {
                for part in w.split('-') {
                    if let Some(c) = part.chars().next().filter(|c| c.is_uppercase()) {
                        ini.push(c);
                    }
                }
            }
            parts.push(ini);
            if connector {
                continue;
            }
            initials.clear();
            for p in parts.iter().rev() {
                initials.push_str(p);
            }
            if initials.chars().count() > n {
                break;
            }
            if initials == letters {
                found = Some(a);
            }
        }
        let Some(a) = found else { continue };
        if a + 1 == j {
            continue; // a one-word name is its own acronym: nothing to join
        }
        added.push(Raw {
            span: ctx.range(a, j),
            t0: a,
            t1: j,
            label: Label::Org,
            forced: None,
            owner: None,
        });
        added.push(Raw {
            span: ctx.span(j + 1),
            t0: j + 1,
            t1: j + 2,
            label: Label::Org,
            forced: None,
            owner: None,
        });
    }
    if added.is_empty() {
        return;
    }
    raws.retain(|r| !added.iter().any(|x| r.t0 < x.t1 && x.t0 < r.t1));
    raws.extend(added);
    raws.sort_by_key(|r| (r.t0, r.t1));
}

/// Whether most words of `unit` are capitalised (a title, a list of names, a heading).
fn title_case(ctx: &Ctx<'_>, unit: &Unit) -> bool {
    let (mut cap, mut all) = (0, 0);
    for j in unit.t0..unit.t1 {
        if ctx.is_word(j) && words::has_alnum(ctx.s(j)) {
            all += 1;
            if words::capitalised(ctx.s(j)) {
                cap += 1;
            }
        }
    }
    2 * cap > all
}

/// Whether `w` is an organisation head word or opener ("Ministry", "Centre", "Office").
fn head_or_opener(w: &str) -> bool {
    words::head_type(w) == Some(EntityType::Org)
        || words::is_org_opener(w)
        || [
            "centre",
            "center",
            "government",
            "chamber",
            "mission",
            "fund",
            "observatory",
        ]
        .iter()
        .any(|x| words::is(w, x))
}

/// Merges names whose token ranges overlap (the longer one's label wins).
fn merge_overlaps(raws: &mut Vec<Raw>) {
    raws.sort_by_key(|r| (r.t0, std::cmp::Reverse(r.t1)));
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    for r in raws.drain(..) {
        if let Some(last) = out.last_mut() {
            if r.t0 < last.t1 && r.span.start() < last.span.end() {
                if r.t1 > last.t1 {
                    let longer = r.t1 - r.t0 > last.t1 - last.t0;
                    last.t1 = r.t1;
                    last.span = last.span.cover(r.span);
                    if longer {
                        last.label = r.label;
                        last.forced = r.forced.or(last.forced);
                    }
                }
                continue;
            }
        }
        out.push(r);
    }
    *raws = out;
}

/// A type the context gives a name the tagger typed weakly: a title or role noun before it, or
/// an apposition with a role noun around it, makes a person ("economist Lina Haddad", "X,
/// chief economist at Y", "its chief executive, X"); an organisation noun before it an
/// organisation ("telecoms operator X"); "the town of X", "residents of X", and "in", "near",
/// "off" before a person's name make a place.
fn context_type(ctx: &Ctx<'_>, t0: usize, t1: usize, ty: EntityType) -> Option<EntityType> {
    let unit = ctx.unit(t0);
    let at = |j: usize| if ctx.unit(j) == unit { ctx.s(j) } else { "" };
    let before = if t0 > 0 { at(t0 - 1) } else { "" };
    let before2 = if t0 > 1 { at(t0 - 2) } else { "" };
    if words::is(before, "of") && is_place_noun(before2) {
        return (!is_place(ty)).then_some(EntityType::Gpe);
    }
    if ty != EntityType::Person
        && (words::is_role_noun(before) && !words::capitalised(before)
            || is_title(before) && words::capitalised(before) && before.len() > 2
            || before == "," && words::is_role_noun(before2) && !words::capitalised(before2))
    {
        return Some(EntityType::Person);
    }
    if ty != EntityType::Org
        && (words::is_org_noun(before) || is_org_cue(before))
        && !words::capitalised(before)
    {
        return Some(EntityType::Org);
    }
    if ty != EntityType::Person && at(t1) == "," {
        // ", (the|a|an)? … <role noun>" within four words.
        let mut j = t1 + 1;
        if words::is_determiner(at(j)) {
            j += 1;
        }
        for k in j..j + 5 {
            let w = at(k);
            if w.is_empty() || !(ctx.is_word(k) || matches!(w, "'s" | "’s")) {
                break;
            }
            if words::is_role_noun(w) && !words::capitalised(w) {
                return Some(EntityType::Person);
            }
            if ["where", "who", "which", "that", "of", "in", "and", "with"]
                .iter()
                .any(|x| words::is(w, x))
            {
                break;
            }
        }
    }
    if ty == EntityType::Person
        && ["in", "near", "outside", "across", "around", "off"]
            .iter()
            .any(|w| words::is(before, w))
    {
        return Some(EntityType::Gpe);
    }
    None
}

/// Lower-case nouns that, right before a name, say it names an organisation ("the Oslo daily
/// X", "telecoms operator X").
fn is_org_cue(w: &str) -> bool {
    [
        "airline",
        "broadcaster",
        "carrier",
        "charity",
        "contractor",
        "daily",
        "insurer",
        "lender",
        "maker",
        "manufacturer",
        "newspaper",
        "operator",
        "outlet",
        "retailer",
        "weekly",
        "website",
        "developer",
        "miner",
        "producer",
        "supplier",
        "automaker",
    ]
    .contains(&w)
}

/// Nouns for a kind of place that a name may follow after "of" ("the town of X").
fn is_place_noun(w: &str) -> bool {
    [
        "village",
        "town",
        "city",
        "port",
        "province",
        "region",
        "district",
        "capital",
        "island",
        "county",
        "municipality",
        "suburb",
        "suburbs",
        "outskirts",
        "residents",
        "state",
        "islands",
        "governorate",
        "neighbourhood",
        "neighborhood",
        "towns",
        "villages",
        "cities",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// A name typed weakly that is coordinated with a place ("at Tura and Lodi") is a place.
fn coordinate_places(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    for k in 0..cands.len() {
        let Some(c) = cands.get(k) else { continue };
        if c.strong || c.cued || is_place(c.ty) {
            continue;
        }
        let (t0, t1) = (c.t0, c.t1);
        let linked = |o: &Cand, a: usize, b: usize| {
            o.strong && is_place(o.ty) && b == a + 2 && matches!(ctx.s(a + 1), "and" | "or")
        };
        let prev = k
            .checked_sub(1)
            .and_then(|p| cands.get(p))
            .is_some_and(|p| linked(p, p.t1 - 1, t0));
        let next = cands.get(k + 1).is_some_and(|n| linked(n, t1 - 1, n.t0));
        if prev || next {
            if let Some(c) = cands.get_mut(k) {
                c.ty = EntityType::Gpe;
                c.cued = true;
            }
        }
    }
}

/// Finds the name candidates of the document.
pub(crate) fn candidates(ctx: &Ctx<'_>, named: &[NamedSpan], out: &mut Vec<Cand>) {
    out.clear();
    let mut covered = vec![false; ctx.toks.len()];
    let mut raws: Vec<Raw> = Vec::with_capacity(named.len());
    for n in named {
        if n.span.get(ctx.text).is_none() {
            continue;
        }
        let t0 = tok_from(ctx, n.span.start());
        let mut t1 = t0;
        while ctx
            .toks
            .get(t1)
            .is_some_and(|t| t.span.start() < n.span.end())
        {
            t1 += 1;
        }
        if t1 == t0 || ctx.unit(t0) == NO_UNIT || ctx.unit(t1 - 1) != ctx.unit(t0) {
            continue;
        }
        raws.push(Raw {
            span: n.span,
            t0,
            t1,
            label: n.label,
            forced: None,
            owner: None,
        });
    }
    refine(ctx, &mut raws);
    for r in &raws {
        let (t0, t1) = (r.t0, r.t1);
        let surface = ctx.slice(r.span);
        if t1 == t0 + 1
            && (words::is_not_name(surface)
                || common_noun(ctx, surface)
                    && (r.label == Label::Per
                        || ctx.opens_unit(t0)
                        || words::head_type(surface).is_none()))
        {
            continue;
        }
        if surface.chars().any(is_phonetic) {
            continue;
        }
        let mut span = r.span;
        let mut s0 = t0;
        let mut title = None;
        if r.label == Label::Per && r.forced.is_none_or(|f| f == EntityType::Person) {
            // Cut an inner title ("Trade Minister Ana Ruiz").
            if let Some(k) = (t0..t1.saturating_sub(1))
                .rev()
                .find(|&k| is_title(ctx.s(k)) || words::is_role_noun(ctx.s(k)))
            {
                // Before the title only title words, or one word before an office
                // ("Trade Minister"), never a given name ("Muhammed Sheikh X").
                let lead_ok = (t0..k).all(|j| titleish(ctx.s(j)))
                    || k == t0 + 1 && words::is_role_noun(ctx.s(k));
                if lead_ok
                    && (k + 1..t1).all(|j| words::capitalised(ctx.s(j)) && ctx.is_word(j))
                    && ctx.span(k + 1).start() >= span.start()
                {
                    title = Some(ByteSpan::ordered(span.start(), ctx.span(k).end()));
                    s0 = k + 1;
                    span = ByteSpan::ordered(ctx.span(s0).start(), span.end());
                }
            }
        }
        let surface = ctx.slice(span);
        let classified = match r.forced {
            Some(ty) => {
                let kb = kb_first(ctx, surface)
                    .filter(|(_, _, kt)| coarse_eq(*kt, ty))
                    .map(|k| k.0);
                Some((ty, true, kb))
            }
            None => classify(ctx, surface, s0, t1, r.label),
        };
        let Some((mut ty, strong, kb)) = classified else {
            continue;
        };
        let mut cued = false;
        if !strong {
            if let Some(t) = context_type(ctx, s0, t1, ty) {
                ty = t;
                cued = true;
            }
        }
        for c in covered.get_mut(t0..t1).unwrap_or(&mut []) {
            *c = true;
        }
        out.push(Cand {
            span,
            t0: s0,
            t1,
            ty,
            strong,
            cued,
            kb,
            source: Source::Tagger(r.label),
            title,
            owner: None,
            owned_by: r.owner,
        });
    }
    add_datelines(ctx, &mut covered, out);
    add_kb_names(ctx, &mut covered, out);
    add_hyphen_names(ctx, &covered, out);
    out.sort_by_key(|c| (c.span.start(), c.span.end()));
    out.dedup_by_key(|c| c.span);
    coordinate_places(ctx, out);
    drop_caps_guesses(ctx, out);
    titles(ctx, out);
}

/// In text written in capitals (an all-caps headline) the tagger's guesses are unreliable: a
/// name found there stays only if the knowledge base knows it or the body names it too.
fn drop_caps_guesses(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    if !cands.iter().any(|c| ctx.caps_unit(c.t0)) {
        return;
    }
    let mut key = String::new();
    let mut body: std::collections::HashSet<String> = std::collections::HashSet::new();
    for c in cands.iter().filter(|c| !ctx.caps_unit(c.t0)) {
        newsgraph_kb::normalize_into(ctx.slice(c.span), &mut key);
        body.insert(key.clone());
    }
    cands.retain(|c| {
        if !ctx.caps_unit(c.t0) || c.kb.is_some() || c.source == Source::Dateline {
            return true;
        }
        newsgraph_kb::normalize_into(ctx.slice(c.span), &mut key);
        body.contains(key.as_str())
    });
}

/// Whether two types are the same coarse type (places are one).
fn coarse_eq(a: EntityType, b: EntityType) -> bool {
    a == b || is_place(a) && is_place(b)
}

/// Whether `c` is a phonetic symbol (IPA letters, stress and length marks): a pronunciation, not
/// a name.
fn is_phonetic(c: char) -> bool {
    matches!(c, '\u{0250}'..='\u{02FF}')
}

/// Whether a one-word name is really a common noun written with a capital: a collective actor
/// noun ("Gunmen"), a bare head word ("Bureau").
fn common_noun(ctx: &Ctx<'_>, w: &str) -> bool {
    words::is_group_noun(w)
        || is_title(w)
        || words::head_type(w).is_some()
        || words::is_role_noun(w)
        || (w.ends_with('s')
            && ctx.kb.agent(w).is_some()
            && ctx.kb.lookup_cased(w).next().is_none())
}

/// The place of a dateline (its leading run of capitalised words: a GPE) and its outlet in
/// brackets (an ORG), whatever the tagger made of them.
fn add_datelines(ctx: &Ctx<'_>, covered: &mut [bool], out: &mut Vec<Cand>) {
    for unit in &ctx.units {
        if unit.region == Some(RegionKind::Byline) {
            add_byline(ctx, unit, covered, out);
            continue;
        }
        if unit.region != Some(RegionKind::Dateline) {
            continue;
        }
        let mut t1 = unit.t0;
        while t1 < unit.t1 && ctx.is_word(t1) && words::capitalised(ctx.s(t1)) {
            t1 += 1;
        }
        let mut found: Vec<(usize, usize, EntityType)> = Vec::new();
        if t1 > unit.t0 {
            found.push((unit.t0, t1, EntityType::Gpe));
        }
        if let Some(open) = (t1..unit.t1).find(|&j| ctx.s(j) == "(") {
            let mut close = open + 1;
            while close < unit.t1 && cap_word(ctx, close) {
                close += 1;
            }
            if close > open + 1 && ctx.s(close) == ")" {
                found.push((open + 1, close, EntityType::Org));
            }
        }
        for (a, b, ty) in found {
            out.retain(|c| c.t1 <= a || c.t0 >= b);
            let span = ctx.range(a, b);
            let kb = kb_first(ctx, ctx.slice(span))
                .filter(|(_, k, t)| coarse_eq(*t, ty) || matches!(k, Kind::Igo));
            for c in covered.get_mut(a..b).unwrap_or(&mut []) {
                *c = true;
            }
            out.push(Cand {
                span,
                t0: a,
                t1: b,
                ty: kb.map_or(ty, |k| k.2),
                strong: true,
                kb: kb.map(|k| k.0),
                source: Source::Dateline,
                title: None,
                owner: None,
                owned_by: None,
                cued: false,
            });
        }
    }
}

/// The authors of a byline ("By Jane Doe and John Roe"): persons, whatever the tagger made of
/// them. A byline that does not start with "By" ("Online Desk") names no person.
fn add_byline(ctx: &Ctx<'_>, unit: &Unit, covered: &mut [bool], out: &mut Vec<Cand>) {
    if !words::is(ctx.s(unit.t0), "by") {
        out.retain(|c| c.t1 <= unit.t0 || c.t0 >= unit.t1);
        for c in covered.get_mut(unit.t0..unit.t1).unwrap_or(&mut []) {
            *c = true;
        }
        return;
    }
    let mut j = unit.t0 + 1;
    while j < unit.t1 {
        if !cap_word(ctx, j) {
            j += 1;
            continue;
        }
        let a = j;
        while j < unit.t1 && (cap_word(ctx, j) || ctx.s(j).ends_with('.') && ctx.is_word(j)) {
            j += 1;
        }
        if j - a < 2 || j - a > 4 {
            continue;
        }
        out.retain(|c| c.t1 <= a || c.t0 >= j);
        for c in covered.get_mut(a..j).unwrap_or(&mut []) {
            *c = true;
        }
        out.push(Cand {
            span: ctx.range(a, j),
            t0: a,
            t1: j,
            ty: EntityType::Person,
            strong: true,
            kb: None,
            source: Source::Dateline,
            title: None,
            owner: None,
            owned_by: None,
            cued: false,
        });
    }
}

/// Names the tagger missed that the knowledge base knows well.
fn add_kb_names(ctx: &Ctx<'_>, covered: &mut [bool], out: &mut Vec<Cand>) {
    for unit in &ctx.units {
        let caps = unit.t1 > unit.t0 && ctx.caps_unit(unit.t0);
        let mut i = unit.t0;
        while i < unit.t1 {
            let s = ctx.s(i);
            let free = !covered.get(i).copied().unwrap_or(true);
            if !free || !ctx.is_word(i) || !words::capitalised(s) || words::is_not_name(s) {
                i += 1;
                continue;
            }
            let end = unit.t1.min(i + MAX_KB_TOKENS);
            let Some(m) = ctx.kb.longest_match(ctx.strs.get(i..end).unwrap_or(&[])) else {
                i += 1;
                continue;
            };
            let t1 = i + m.tokens;
            let mut entries = m.entries;
            let ok = (|| {
                let id = entries.next()?;
                let e = ctx.kb.get(id)?;
                if covered.get(i..t1)?.iter().any(|&c| c) {
                    // A long alias may take in the pieces the tagger made of it ("Southern African"
                    // + "Community" inside "Southern African Development Community").
                    let inside = out
                        .iter()
                        .filter(|c| c.t0 < t1 && i < c.t1)
                        .all(|c| c.t0 >= i && c.t1 <= t1 && c.ty != EntityType::Person);
                    let kind_ok = matches!(
                        e.kind(),
                        Kind::Country | Kind::Igo | Kind::NonStateGroup | Kind::Organisation
                    );
                    if !(inside && kind_ok && m.tokens >= 3) {
                        return None;
                    }
                }
                // The whole run must be capitalised words (no "of the" edges).
                if !words::capitalised(ctx.s(t1 - 1)) {
                    return None;
                }
                // Standing alone: no untagged capitalised word on either side.
                let cap_free = |j: usize| {
                    ctx.unit(j) == ctx.unit(i)
                        && ctx.is_word(j)
                        && words::capitalised(ctx.s(j))
                        && !covered.get(j).copied().unwrap_or(true)
                };
                if !caps && (cap_free(t1) || (i > unit.t0 && !ctx.opens_unit(i) && cap_free(i - 1)))
                {
                    return None;
                }
                let opens = ctx.opens_unit(i);
                let ok = match e.kind() {
                    Kind::Country | Kind::Capital => true,
                    Kind::Igo | Kind::NonStateGroup => !opens || m.tokens > 1,
                    Kind::Place => !opens && !caps,
                    Kind::Person => m.tokens > 1 && !caps,
                    Kind::Organisation | Kind::Company | Kind::Ngo => {
                        !opens && (m.tokens > 1 || words::all_caps(s) && s.len() > 2)
                    }
                    _ => false,
                };
                ok.then(|| (id, kb_type(e.kind(), e.ner())))
            })();
            if let Some((id, ty)) = ok {
                out.retain(|c| !(c.t0 >= i && c.t1 <= t1));
                let span = ctx.range(i, t1);
                for c in covered.get_mut(i..t1).unwrap_or(&mut []) {
                    *c = true;
                }
                out.push(Cand {
                    span,
                    t0: i,
                    t1,
                    ty,
                    strong: true,
                    kb: Some(id),
                    source: Source::Kb,
                    title: None,
                    owner: None,
                    owned_by: None,
                    cued: false,
                });
                i = t1;
            } else {
                i += 1;
            }
        }
    }
}

/// The name before a hyphen in "Iran-backed", "U.S.-led", when the knowledge base knows it.
fn add_hyphen_names(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    for (i, s) in ctx.strs.iter().enumerate() {
        if covered.get(i).copied().unwrap_or(true) || ctx.unit(i) == NO_UNIT || !ctx.is_word(i) {
            continue;
        }
        let Some(dash) = s.rfind('-') else { continue };
        let (Some(name), Some(rest)) = (s.get(..dash), s.get(dash + 1..)) else {
            continue;
        };
        if name.is_empty() || !words::capitalised(name) || !words::is_affil_suffix(rest) {
            continue;
        }
        let Some((id, _, ty)) = kb_first(ctx, name) else {
            continue;
        };
        let start = ctx.span(i).start();
        out.push(Cand {
            span: ByteSpan::ordered(start, start + name.len()),
            t0: i,
            t1: i + 1,
            ty,
            strong: true,
            kb: Some(id),
            source: Source::Kb,
            title: None,
            owner: None,
            owned_by: None,
            cued: false,
        });
    }
}

/// Finds each person's title words before the name and their owner.
fn titles(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    // End token of each candidate, for owner lookup: candidates are sorted by start.
    for ci in 0..cands.len() {
        let Some(c) = cands.get(ci) else { continue };
        if c.ty != EntityType::Person {
            continue;
        }
        let (t0, had) = (c.t0, c.title);
        let unit_start = ctx.units.get(ctx.unit(t0) as usize).map_or(t0, |u| u.t0);
        let mut a = t0;
        let mut capital_extra = false;
        while a > unit_start {
            let w = ctx.s(a - 1);
            if titleish(w) && ctx.is_word(a - 1) {
                a -= 1;
            } else if !capital_extra
                && a < t0
                && words::capitalised(w)
                && words::capitalised(ctx.s(a))
                && ctx.is_word(a - 1)
                && (!ctx.opens_unit(a - 1) || words::is_role_noun(ctx.s(a)))
                && !cands
                    .get(ci.saturating_sub(4)..ci)
                    .unwrap_or(&[])
                    .iter()
                    .any(|o| o.t0 < a && a - 1 < o.t1)
                && ctx.kb.demonym(w).is_none()
            {
                capital_extra = true;
                a -= 1;
            } else {
                break;
            }
        }
        let mut title = had;
        if a < t0 {
            let outer = ctx.range(a, t0);
            title = Some(match had {
                Some(h) => outer.cover(h),
                None => outer,
            });
        }
        let Some(title_span) = title else { continue };
        // The word before the title: a demonym, a name, or a name with a possessive.
        let ta = tok_from(ctx, title_span.start());
        let mut owner = None;
        if ta > unit_start {
            let before = ctx.s(ta - 1);
            let poss = matches!(before, "'s" | "’s" | "'" | "’");
            let name_end = if poss { ta - 1 } else { ta };
            if let Some(o) = (ci.saturating_sub(4)..ci).rev().find(|&o| {
                cands.get(o).is_some_and(|o| {
                    o.t1 == name_end
                        && o.ty != EntityType::Person
                        && o.span.end() <= title_span.start()
                })
            }) {
                owner = Some(Owner::Cand(o));
            } else if !poss {
                if let Some(country) = ctx
                    .kb
                    .demonym(before)
                    .filter(|_| words::capitalised(before))
                {
                    owner = Some(Owner::Country(country));
                }
            }
        }
        if let Some(c) = cands.get_mut(ci) {
            c.title = Some(title_span);
            c.owner = owner;
        }
    }
}
