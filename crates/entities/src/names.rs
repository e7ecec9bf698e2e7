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

use crate::{layout, lone, words};

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
    /// The tagger's model, for its casing lexicon.
    pub model: &'a newsgraph_ner::Model,
    /// The tagger's gazetteer, for its first names.
    pub gaz: &'a newsgraph_ner::KbGazetteer<'static>,
}

impl<'a> Ctx<'a> {
    /// Indexes the tokens by unit; `spans` are the units' spans in text order.
    pub(crate) fn new(
        text: &'a str,
        kb: &'a Kb,
        toks: &'a [Token],
        spans: &[(ByteSpan, Option<RegionKind>)],
        quotes: &[ByteSpan],
        model: &'a newsgraph_ner::Model,
        gaz: &'a newsgraph_ner::KbGazetteer<'static>,
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
            model,
            gaz,
        }
    }

    /// Whether `w` is a common word: mostly written in lower case in the tagger's training
    /// text.
    pub(crate) fn common_word(&self, w: &str) -> bool {
        self.model.is_common_word(w)
    }

    /// The country a demonym names: the knowledge base's, else a Central Asian stem of a
    /// country named "<stem>stan" or "<stem>istan" ("Uzbek" → Uzbekistan), which the
    /// knowledge base lists under a longer demonym only.
    pub(crate) fn demonym(&self, w: &str) -> Option<EntryId> {
        if let Some(id) = self.kb.demonym(w) {
            return Some(id);
        }
        // Stems of such names end in a consonant cluster the "-stan" joins ("Uzbek", "Tajik",
        // "Kyrgyz"): a cheap test before the lookups.
        if !(4..=9).contains(&w.len())
            || !w.ends_with(['k', 'h', 'z'])
            || !words::capitalised(w)
            || !w.bytes().all(|b| b.is_ascii_alphabetic())
            || w.ends_with("stan")
            || w.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        {
            return None;
        }
        let mut buf = [0u8; 16];
        for suffix in ["stan", "istan"] {
            let n = w.len() + suffix.len();
            let Some(dst) = buf.get_mut(..n) else {
                continue;
            };
            let (head, tail) = dst.split_at_mut(w.len());
            head.copy_from_slice(w.as_bytes());
            tail.copy_from_slice(suffix.as_bytes());
            let Ok(name) = std::str::from_utf8(dst) else {
                continue;
            };
            let country = self
                .kb
                .lookup_cased(name)
                .find(|&id| self.kb.get(id).is_some_and(|e| e.kind() == Kind::Country));
            if country.is_some() {
                return country;
            }
        }
        None
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

impl Cand {
    /// A candidate with a weak type from `source`: no knowledge-base entry, title or owner.
    pub(crate) fn new(
        span: ByteSpan,
        t0: usize,
        t1: usize,
        ty: EntityType,
        source: Source,
    ) -> Self {
        Cand {
            span,
            t0,
            t1,
            ty,
            strong: false,
            cued: false,
            kb: None,
            source,
            title: None,
            owner: None,
            owned_by: None,
        }
    }

    /// A candidate over tokens `[t0, t1)` whose type a context cue gave, with the tagger
    /// label that type stands for.
    pub(crate) fn cued(ctx: &Ctx<'_>, t0: usize, t1: usize, ty: EntityType, label: Label) -> Self {
        Cand {
            cued: true,
            ..Cand::new(ctx.range(t0, t1), t0, t1, ty, Source::Tagger(label))
        }
    }
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
        words::head_type_pair(ctx.s(t1.saturating_sub(2)), last)
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
    if head.is_none() && multi && words::capitalised(ctx.s(t0)) {
        head = words::foreign_place_opener(ctx.s(t0)); // "Wadi X", "Masjid X"
    }
    if head.is_none() && multi && outlet_title(ctx, t0, t1) {
        head = Some(EntityType::Org); // "Halden Sun", "Daily Mirror"
    }
    if head.is_none() && multi && words::is_foreign_org_opener(ctx.s(t0)) {
        head = Some(EntityType::Org); // "Harakat …", "Frente …"
    }
    if let Some(t) = division_type(ctx, t0, t1) {
        head = Some(t); // "the Fourth Division" (a unit), "the Eastern Division" (a region)
    }
    if head.is_none() && multi && ctx.s(t0) == "Operation" {
        head = Some(EntityType::Org);
    }
    if !multi && agency_word(surface) {
        let place = kb_first(ctx, surface)
            .is_some_and(|(_, k, _)| matches!(k, Kind::Country | Kind::Capital | Kind::Place));
        if !place {
            return Some((EntityType::Org, true, None)); // "Eurojust", "Eurostat"
        }
    }
    if !multi && label == Label::Loc && words::head_type(surface) == Some(EntityType::Loc) {
        head = Some(EntityType::Loc); // "the Gulf"
    }
    if !multi && words::capitalised(surface) && ctx.demonym(surface).is_some() {
        return Some((EntityType::Norp, false, None));
    }
    if !multi && crate::known::org(surface) {
        return Some((EntityType::Org, true, None)); // "Huawei", "Twitter"
    }
    let kb = kb_first(ctx, surface);
    if let Some((id, kind, kt)) = kb {
        let accept = match kind {
            Kind::Country | Kind::Capital => true,
            Kind::Igo | Kind::NonStateGroup => label != Label::Per || !multi,
            Kind::Place => {
                matches!(label, Label::Loc | Label::Misc)
                    || label == Label::Per && !multi
                    // "Pennsylvania Senator X": a place owning the office after it.
                    || label == Label::Org
                        && words::capitalised(ctx.s(t1))
                        && ctx.unit(t1) == ctx.unit(t0)
                        && (is_title(ctx.s(t1)) || words::is_role_noun(ctx.s(t1)))
            }
            Kind::Person => label != Label::Org || !multi,
            // A company the tagger took for a person: the company, unless the word is a
            // known first name or surname ("Ford").
            _ => {
                label != Label::Per
                    || words::all_caps(surface)
                    || !multi
                        && matches!(kind, Kind::Company)
                        && !ctx.gaz.is_first_name(surface)
                        && !ctx.gaz.is_surname(surface)
            }
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
    if !multi && lone::outlet_word(surface) {
        return Some((EntityType::Org, true, None));
    }
    // "… la Gazzetta Nuova reported": a name after a lower-case foreign article inside an
    // English sentence is a title (a newspaper, a party, a firm), not a person.
    let article_before = t0 > 0
        && ctx.unit(t0 - 1) == ctx.unit(t0)
        && ctx.s(t0 - 1).chars().next().is_some_and(char::is_lowercase)
        && is_foreign_article(ctx.s(t0 - 1))
        && !(t0 > 1 && cap_word(ctx, t0 - 2));
    if matches!(label, Label::Per | Label::Loc) && article_before {
        return Some((EntityType::Org, false, None));
    }
    if multi && label == Label::Loc && is_foreign_article(ctx.s(t0)) {
        // "Le Figaro", "El Mundo", "Die Zeit": a place so named would be in the knowledge
        // base; unknown, it is most likely a newspaper, a party or a firm.
        return Some((EntityType::Org, false, None));
    }
    // "Paramus, NJ": a place's code after a town and a comma stays a place.
    let state_code = label == Label::Loc
        && surface.len() == 2
        && t0 >= 2
        && ctx.s(t0 - 1) == ","
        && ctx.unit(t0 - 2) == ctx.unit(t0)
        && cap_word(ctx, t0 - 2);
    if !multi
        && matches!(label, Label::Per | Label::Loc)
        && (2..=5).contains(&surface.len())
        && surface.bytes().all(|b| b.is_ascii_uppercase())
        && !state_code
    {
        // An acronym the knowledge base does not know as a place ("VW", "KPA"): people are
        // not named by initials alone, and places so named are in the knowledge base.
        return Some((EntityType::Org, false, None));
    }
    if !multi && matches!(label, Label::Misc | Label::Per) && plural_group(ctx, surface, t0) {
        return Some((EntityType::Org, false, None));
    }
    Some(match label {
        Label::Per => (EntityType::Person, false, None),
        Label::Org => (EntityType::Org, false, None),
        Label::Loc => (EntityType::Gpe, false, None),
        Label::Misc => {
            if !multi && (ctx.demonym(surface).is_some() || words::is_norp_word(surface)) {
                (EntityType::Norp, false, None)
            } else if !multi && lone::person_verb_after(ctx, t1) && !ctx.common_word(surface) {
                // "When X died": a person the tagger could not type.
                (EntityType::Person, false, None)
            } else {
                return None;
            }
        }
    })
}

/// Whether `w` is a generational suffix of a person's name ("Jr.", "III").
fn is_name_suffix(w: &str) -> bool {
    ["II", "III", "IV", "Jr.", "Jr", "Sr.", "Sr"].contains(&w)
}

/// A person's name runs on to its generational suffix ("X Price III", over the capitalised
/// words the tagger left out) or epithet ("X the Elder").
fn name_suffixes(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let mut changed = false;
    for r in raws.iter_mut().filter(|r| r.label == Label::Per) {
        let unit = ctx.unit(r.t0);
        let e = r.t1;
        let end = (e..e + 3)
            .take_while(|&k| ctx.unit(k) == unit)
            .find(|&k| is_name_suffix(ctx.s(k)))
            .filter(|&k| (e..k).all(|j| cap_word(ctx, j)))
            .map(|k| k + 1)
            .or_else(|| {
                (ctx.s(e) == "the"
                    && ctx.unit(e + 1) == unit
                    && ["Elder", "Younger", "Great"].contains(&ctx.s(e + 1)))
                .then_some(e + 2)
            });
        if let Some(end) = end {
            r.t1 = end;
            r.span = r.span.cover(ctx.span(end - 1));
            changed = true;
        }
    }
    if changed {
        merge_overlaps(raws);
    }
}

/// Whether `w` is a definite article of French, Spanish, Italian, German or Dutch (capitalised,
/// or in lower case opening a name: "la Voce").
fn is_foreign_article(w: &str) -> bool {
    [
        "Le", "La", "Les", "El", "Il", "Lo", "Die", "Der", "Das", "Het", "le", "la", "les", "el",
        "il", "lo", "der", "das", "het",
    ]
    .contains(&w)
}

/// Whether `w` looks like the plural name of a group ("Varnis"): capitalised, ending in "s",
/// and neither a demonym nor a nationality or religion word.
fn plural_shape(ctx: &Ctx<'_>, w: &str) -> bool {
    w.len() >= 4
        && words::capitalised(w)
        && !words::all_caps(w)
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.chars().all(char::is_alphabetic)
        && !words::is_norp_word(w)
        && !words::is_group_noun(w)
        && ctx.demonym(w).is_none()
}

/// Whether the one-word name `w` at token `t` is a group acting as one: a plural name after
/// "the" or a possessive, followed by a verb ("the Varnis have launched", "Ravna's Varnis
/// said").
fn plural_group(ctx: &Ctx<'_>, w: &str, t: usize) -> bool {
    if t == 0 || !plural_shape(ctx, w) {
        return false;
    }
    let unit = ctx.unit(t);
    if ctx.unit(t - 1) != unit || ctx.unit(t + 1) != unit {
        return false;
    }
    let before = ctx.s(t - 1);
    (words::is(before, "the") || matches!(before, "'s" | "\u{2019}s"))
        && words::is_plural_agent_verb(ctx.s(t + 1))
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
pub(crate) fn is_romance_connector(w: &str) -> bool {
    [
        "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "y",
    ]
    .contains(&w)
}

/// Whether token `j` is a capitalised word that may continue a name.
pub(crate) fn cap_word(ctx: &Ctx<'_>, j: usize) -> bool {
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
    // 0b. No organisation's name ends in the title of its officer ("Transport Ministry" +
    //     "Spokesperson"): the role noun after the head word is cut.
    for r in raws.iter_mut() {
        if r.label == Label::Per || r.t1 < r.t0 + 3 {
            continue;
        }
        let last = ctx.s(r.t1 - 1);
        if (is_title(last) || words::is_role_noun(last))
            && words::head_type(ctx.s(r.t1 - 2)) == Some(EntityType::Org)
            && r.span.end() == ctx.span(r.t1 - 1).end()
        {
            r.t1 -= 1;
            r.span =
                ByteSpan::ordered(r.span.start(), ctx.span(r.t1 - 1).end().max(r.span.start()));
        }
    }
    // 1. Hyphenated words: a name ending or starting inside one takes it whole when the other
    //    part is capitalised ("Anna-Lena Berg", "Maria Lund-Holm"). A one-word place or
    //    organisation takes a capitalised rest only when the two parts are not two names of
    //    their own ("Haute-Loire", but not "Norway-Sweden" or "Franco-German").
    for r in raws.iter_mut() {
        let single = r.label != Label::Per && r.t1 == r.t0 + 1;
        if single && !matches!(r.label, Label::Loc | Label::Org) {
            continue;
        }
        let last = ctx.span(r.t1.saturating_sub(1));
        if r.span.end() < last.end() {
            let rest = ctx.slice(ByteSpan::ordered(r.span.end(), last.end()));
            if single {
                let part = rest.strip_prefix('-').unwrap_or("");
                let head = ctx.slice(r.span);
                if !words::capitalised(part)
                    || part.contains('-')
                    || ctx.demonym(part).is_some()
                    || kb_first(ctx, head).is_some() && kb_first(ctx, part).is_some()
                {
                    continue;
                }
            }
            // A capitalised part ("Lund-Holm"), or in a person's name a short lower-case
            // syllable ("Kim Jong-un", "Lee Wai-ching"), never an affiliation ("-led").
            let syllable = |x: &str| {
                (1..=6).contains(&x.len())
                    && x.chars().all(|c| c.is_ascii_lowercase())
                    && !words::is_affil_suffix(x)
            };
            if rest
                .strip_prefix('-')
                .is_some_and(|x| words::capitalised(x) || r.label == Label::Per && syllable(x))
            {
                r.span = ByteSpan::ordered(r.span.start(), last.end());
            }
        }
        let first = ctx.span(r.t0);
        if !single && r.span.start() > first.start() {
            let before = ctx.slice(ByteSpan::ordered(first.start(), r.span.start()));
            if before.ends_with('-') && words::capitalised(before) {
                r.span = ByteSpan::ordered(first.start(), r.span.end());
            }
        }
    }
    merge_overlaps(raws);
    cut_opening_prepositions(ctx, raws);
    given_names(ctx, raws);
    possessive_names(ctx, raws);
    party_names(ctx, raws);
    plural_parties(ctx, raws);
    operation_names(ctx, raws);
    brand_tails(ctx, raws);
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
    if person_heads(ctx, raws) {
        index(raws, &mut owner_of);
    }
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
    // 3a. A body's name cut one word after its connector, before the next name ("Council on
    //     Civic" + "Relations" + "Dana Ortiz"): the capitalised common words after it are its
    //     own.
    for k in 0..raws.len() {
        let Some(r) = raws.get(k).copied() else {
            continue;
        };
        if r.label == Label::Per
            || r.t1 < r.t0 + 3
            || !matches!(ctx.s(r.t1 - 2), "of" | "for" | "on" | "and")
            || !(r.t0..r.t1 - 2).any(|x| head_or_opener(ctx.s(x)))
        {
            continue;
        }
        let unit = ctx.unit(r.t0);
        let mut j = r.t1;
        while j < r.t1 + 2
            && ctx.unit(j) == unit
            && free(&owner_of, j)
            && cap_word(ctx, j)
            && ctx.common_word(ctx.s(j))
            && !is_title(ctx.s(j))
            && !words::is_role_noun(ctx.s(j))
            && !words::is_title_modifier(ctx.s(j))
            && ctx.kb.lookup_cased(ctx.s(j)).next().is_none()
            && ctx.demonym(ctx.s(j)).is_none()
        {
            j += 1;
        }
        if j > r.t1 {
            if let Some(x) = raws.get_mut(k) {
                x.t1 = j;
                x.span = x.span.cover(ctx.span(j - 1));
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
                let division = division_type(ctx, k, b);
                let headed = headed || division.is_some();
                if !headed && !opener {
                    continue;
                }
                if k == a && ctx.opens_unit(k) {
                    continue; // a sentence's first word may be any word
                }
                let label = match division.or(words::head_type(ctx.s(b - 1))) {
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
    if split_two_bodies(ctx, raws) {
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
            // "Northern Rail" and "Steam Museum": a short name with no head word of its own,
            // that no list knows as a name of its own, runs on over "and" into the head word
            // that ends the next part.
            let and_head = c == "and"
                && !and
                && r.label != Label::Per
                && r.forced.is_none()
                && r.t1 >= r.t0 + 2
                && r.t1 <= r.t0 + 3
                && !words::is(ctx.s(j + 1), "the")
                && (r.t0..r.t1).all(|x| {
                    let w = ctx.s(x);
                    words::head_type(w).is_none()
                        && !words::is_org_opener(w)
                        && !words::all_caps(w)
                        && ctx.demonym(w).is_none()
                })
                && !crate::known::org(ctx.s(r.t0))
                && kb_first(ctx, ctx.slice(r.span)).is_none()
                && (r.t0..r.t1).all(|x| ctx.kb.lookup_cased(ctx.s(x)).next().is_none());
            if !(is_connector(c) || poss || and || and_head || words::is(c, "in"))
                || ctx.unit(j) != unit
            {
                break;
            }
            let mut s = j + 1;
            if words::is(ctx.s(s), "the") && !poss
                || romance && ["la", "las", "los", "le", "les"].contains(&ctx.s(s))
            {
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
            // "on" never joins a code or number ("Launch Center" on "XR-7"): names of bodies
            // "on" a subject are words ("Council on Rural Affairs").
            if c == "on" && (s..e).any(|x| ctx.s(x).chars().any(|ch| ch.is_ascii_digit())) {
                break;
            }
            // "and" never joins two complete names, each with its own head word ("Institute
            // of X and Y University").
            let own_head = |x: usize| {
                words::head_type(ctx.s(x)) == Some(EntityType::Org)
                    || words::is_org_opener(ctx.s(x))
            };
            // Before a field's name ("… Studies", "… Affairs") the part before counts from its
            // last connector ("Centre for Irish" and "Scottish Studies": one subject).
            let left0 = (r.t0..r.t1)
                .rev()
                .find(|&x| is_connector(ctx.s(x)))
                .map_or(r.t0, |x| x + 1);
            let subject = [
                "studies",
                "affairs",
                "sciences",
                "relations",
                "arts",
                "humanities",
            ]
            .iter()
            .any(|x| words::is(ctx.s(e - 1), x));
            let left0 = if subject { left0 } else { r.t0 };
            if c == "and" && (s..e).any(own_head) && (left0..r.t1).any(own_head) {
                break;
            }
            // Nor does "on" or "in" join a complete name to a place ("X Club" on "Y Street").
            let right_place = matches!(
                words::head_type(ctx.s(e - 1)),
                Some(EntityType::Loc | EntityType::Fac)
            );
            if matches!(c, "on" | "in")
                && right_place
                && words::head_type(ctx.s(r.t1 - 1)).is_some()
            {
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
                // "Frente … del Norte" is an organisation whatever the tagger said of its parts.
                let org_opener =
                    words::is_foreign_org_opener(ctx.s(r.t0)) || words::is_org_opener(ctx.s(r.t0));
                Some(r.forced.unwrap_or(match r.label {
                    _ if org_opener => EntityType::Org,
                    Label::Per => EntityType::Person,
                    Label::Loc => EntityType::Gpe,
                    _ => EntityType::Org,
                }))
            } else if and {
                next.is_none_or(|n| n.label != Label::Per)
                    .then_some(EntityType::Org)
            } else if and_head {
                let tail = words::head_type(ctx.s(e - 1));
                (next.is_none_or(|n| n.label != Label::Per)
                    && e <= s + 3
                    && matches!(tail, Some(EntityType::Org | EntityType::Fac)))
                .then_some(tail)
                .flatten()
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
    agency_places(ctx, raws);
    split_glued_persons(ctx, raws);
    split_person_of_org(ctx, raws);
    called_names(ctx, raws);
    // 5. Demonym owners of government bodies ("Peruvian Defence Ministry").
    for r in raws.iter_mut() {
        if r.label == Label::Per || r.owner.is_some() || !government_body(ctx, r.t1) {
            continue;
        }
        let first = ctx.s(r.t0);
        if r.t1 >= r.t0 + 2 && words::capitalised(first) {
            if let Some(id) = ctx.demonym(first) {
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
                if let Some(id) = ctx.demonym(before) {
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

/// Two bodies' names the tagger ran together, the second named after a person ("Maritime Museum"
/// and "Anna K. Berg Center"): a name holding a head word right before a known first name,
/// and ending in another head word, is split after the first head word.
fn split_two_bodies(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) -> bool {
    let body = |w: &str| matches!(words::head_type(w), Some(EntityType::Org | EntityType::Fac));
    let mut added: Vec<Raw> = Vec::new();
    for r in raws.iter_mut() {
        if r.label == Label::Per || r.t1 < r.t0 + 4 || r.owner.is_some() {
            continue;
        }
        let last = ctx.s(r.t1 - 1);
        if !body(last) || r.span.end() != ctx.span(r.t1 - 1).end() {
            continue;
        }
        // Not a head word that opens a place's name ("Fort" Lee, "Camp" David).
        let opener = |w: &str| {
            [
                "fort", "port", "camp", "mount", "lake", "cape", "castle", "gate", "bridge",
            ]
            .iter()
            .any(|o| words::is(w, o))
        };
        let Some(x) = (r.t0 + 1..r.t1 - 2).find(|&x| {
            body(ctx.s(x))
                && !opener(ctx.s(x))
                && ctx.gaz.is_first_name(ctx.s(x + 1))
                && !body(ctx.s(x + 1))
                && ctx
                    .kb
                    .longest_match(ctx.strs.get(x..r.t1).unwrap_or(&[]))
                    .is_none_or(|m| m.tokens < 2)
        }) else {
            continue;
        };
        if !(x + 1..r.t1).all(|j| words::capitalised(ctx.s(j)) && ctx.is_word(j))
            || r.span.start() != ctx.span(r.t0).start()
        {
            continue;
        }
        let ty = words::head_type(last).unwrap_or(EntityType::Org);
        added.push(Raw {
            span: ctx.range(x + 1, r.t1),
            t0: x + 1,
            t1: r.t1,
            label: if ty == EntityType::Org {
                Label::Org
            } else {
                Label::Loc
            },
            forced: Some(ty),
            owner: None,
        });
        r.t1 = x + 1;
        r.span = ctx.range(r.t0, x + 1);
    }
    if added.is_empty() {
        return false;
    }
    raws.extend(added);
    raws.sort_by_key(|r| (r.t0, r.t1));
    true
}

/// Whether `w` is a word no list knows: no common word, known name or demonym.
fn unknown_word(ctx: &Ctx<'_>, w: &str) -> bool {
    !ctx.common_word(w) && ctx.demonym(w).is_none() && ctx.kb.lookup_cased(w).next().is_none()
}

/// A national agency named by its field and its country ("Marine Parks" + "Kenya",
/// "Road Safety" + "Norway"): two or three capitalised common words the tagger
/// left out, ending in a plural noun, right before a place's name in running text (not opening
/// the sentence, after a lower-case word) make one organisation with it.
fn agency_places(ctx: &Ctx<'_>, raws: &mut [Raw]) {
    let plain = |w: &str| {
        ctx.common_word(w)
            && words::capitalised(w)
            && !is_title(w)
            && !words::is_role_noun(w)
            && !words::is_title_modifier(w)
            && !is_compass(w)
            && !is_region_adjective(w)
            && !words::is_event_head(w)
            && words::head_type(w).is_none()
            && ctx.demonym(w).is_none()
            && ctx.kb.lookup_cased(w).next().is_none()
    };
    let mut prev_end = 0;
    for k in 0..raws.len() {
        let Some(r) = raws.get(k).copied() else {
            continue;
        };
        let lo = prev_end;
        prev_end = r.t1;
        if r.label != Label::Loc || r.forced.is_some() || ctx.caps_unit(r.t0) {
            continue;
        }
        let unit = ctx.unit(r.t0);
        let mut a = r.t0;
        while a > lo && r.t0 - a < 3 && ctx.unit(a - 1) == unit && cap_word(ctx, a - 1) {
            a -= 1;
        }
        let last = ctx.s(r.t0.saturating_sub(1));
        if r.t0 < a + 2
            || a == 0
            || ctx.opens_unit(a)
            || ctx.unit(a - 1) != unit
            || words::capitalised(ctx.s(a - 1))
            || !ctx.is_word(a - 1)
            || !(last.len() > 3 && last.ends_with('s') && !last.ends_with("ss"))
            || !(a..r.t0).all(|j| plain(ctx.s(j)))
            || ctx
                .units
                .get(unit as usize)
                .is_some_and(|u| u.region.is_some() && title_case(ctx, u))
            || kb_first(ctx, ctx.slice(ctx.range(a, r.t1))).is_some()
        {
            continue;
        }
        if let Some(x) = raws.get_mut(k) {
            x.t0 = a;
            x.span = ctx.span(a).cover(x.span);
            x.label = Label::Org;
            x.forced = Some(EntityType::Org);
        }
    }
}

/// A person's name right before the head word of an organisation or building, or before
/// "Memorial", names that body or place ("Lena Marsh" + "Foundation", "Elias Brann" + "Museum
/// of Art", "Ana Ruiz" + "Memorial Stadium"): the person's name and the head word (with the
/// name the tagger began there) become one. A lone given name coordinated
/// before it belongs to it too ("the Ruth and Elias Brann Museum"), when both are given names.
/// Returns whether anything changed.
fn person_heads(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) -> bool {
    let body_head = |w: &str| {
        matches!(words::head_type(w), Some(EntityType::Org | EntityType::Fac))
            && !is_title(w)
            && !words::is_role_noun(w)
            && !["news", "times", "post", "daily", "press", "media"]
                .iter()
                .any(|x| words::is(w, x))
    };
    let mut changed = false;
    let mut k = 0;
    while k < raws.len() {
        let Some(r) = raws.get(k).copied() else {
            break;
        };
        k += 1;
        let j = r.t1;
        let unit = ctx.unit(r.t0);
        if r.label != Label::Per
            || r.forced.is_some()
            || ctx.unit(j) != unit
            || !cap_word(ctx, j)
            || !(body_head(ctx.s(j)) || words::is(ctx.s(j), "memorial"))
            || ctx.caps_unit(j)
            || r.span.end() != ctx.span(j - 1).end()
        {
            continue;
        }
        // The head word opens the next name ("Museum of Art"), or stands free.
        let next = raws.get(k).copied().filter(|n| n.t0 <= j && j < n.t1);
        let end = match next {
            Some(n) if n.t0 == j && n.label != Label::Per => n.t1,
            Some(_) => continue,
            None => j + 1,
        };
        // "X Memorial" is a place, whatever follows it ("… Memorial Bridge Road").
        let ty = if words::is(ctx.s(j), "memorial") {
            EntityType::Fac
        } else {
            words::head_type(ctx.s(j)).unwrap_or(EntityType::Org)
        };
        if let Some(x) = raws.get_mut(k - 1) {
            x.t1 = end;
            x.span = ctx.range(x.t0, end);
            x.label = if ty == EntityType::Org {
                Label::Org
            } else {
                Label::Loc
            };
            x.forced = Some(ty);
        }
        if next.is_some() {
            raws.remove(k);
        }
        changed = true;
    }
    // "Ruth and Elias Brann Museum": a lone given name before "and" and a body's name that
    // opens with a given name and a surname before its head word.
    let mut k = 0;
    while k < raws.len() {
        let Some(r) = raws.get(k).copied() else {
            break;
        };
        k += 1;
        let t0 = r.t0;
        if r.label == Label::Per
            || t0 < 2
            || !matches!(ctx.s(t0 - 1), "and" | "&")
            || !(ctx.gaz.is_first_name(ctx.s(t0)) || unknown_word(ctx, ctx.s(t0)))
            || !(t0 + 2..r.t1).any(|x| cap_word(ctx, x) && body_head(ctx.s(x)))
            || (t0..t0 + 2).any(|x| body_head(ctx.s(x)) || !cap_word(ctx, x))
        {
            continue;
        }
        let g = t0 - 2;
        let prev = k
            .checked_sub(2)
            .and_then(|p| raws.get(p))
            .copied()
            .filter(|p| p.t1 > g);
        let lone = match prev {
            Some(p) => p.t0 == g && p.t1 == g + 1 && p.label == Label::Per,
            None => cap_word(ctx, g),
        };
        if !lone || ctx.unit(g) != ctx.unit(t0) || !ctx.gaz.is_first_name(ctx.s(g)) {
            continue;
        }
        if let Some(x) = raws.get_mut(k - 1) {
            x.t0 = g;
            x.span = ctx.span(g).cover(x.span);
        }
        if prev.is_some() {
            raws.remove(k - 2);
            k -= 1;
        }
        changed = true;
    }
    changed
}

/// A person's name the tagger ran on into the organisation after it ("Ana Ruiz of Green
/// Party", "Li Wei of the FTU") is split in two: the part before "of" is two or three
/// capitalised words holding no head word, opening with a known first name or made of words
/// that are neither common words nor known places, the part after ends in an organisation's
/// head word or is an acronym.
fn split_person_of_org(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let mut added: Vec<Raw> = Vec::new();
    for r in raws.iter_mut() {
        if r.label == Label::Per || r.owner.is_some() || r.t1 < r.t0 + 4 {
            continue;
        }
        let Some(k) = (r.t0 + 2..(r.t0 + 4).min(r.t1 - 1)).find(|&k| ctx.s(k) == "of") else {
            continue;
        };
        // A known first name, or words that are neither common words nor known names of
        // places or groups.
        let name_like = |j: usize| {
            let w = ctx.s(j);
            !ctx.common_word(w)
                && ctx.kb.lookup_cased(w).next().is_none()
                && ctx.demonym(w).is_none()
        };
        let person_ok = (ctx.gaz.is_first_name(ctx.s(r.t0)) || (r.t0..k).all(name_like))
            && (r.t0..k).all(|j| {
                cap_word(ctx, j)
                    && words::head_type(ctx.s(j)).is_none()
                    && !words::is_org_opener(ctx.s(j))
                    && !head_or_opener(ctx.s(j))
            });
        let s = if words::is(ctx.s(k + 1), "the") {
            k + 2
        } else {
            k + 1
        };
        let last = ctx.s(r.t1 - 1);
        let org_ok = s < r.t1
            && (s..r.t1).all(|j| cap_word(ctx, j))
            && (words::head_type(last) == Some(EntityType::Org)
                || r.t1 == s + 1 && words::all_caps(last) && last.len() >= 2);
        if !person_ok || !org_ok || kb_first(ctx, ctx.slice(r.span)).is_some() {
            continue;
        }
        added.push(Raw {
            span: ctx.range(s, r.t1),
            t0: s,
            t1: r.t1,
            label: Label::Org,
            forced: Some(EntityType::Org),
            owner: None,
        });
        r.t1 = k;
        r.span = ByteSpan::ordered(r.span.start(), ctx.span(k - 1).end().max(r.span.start()));
        r.label = Label::Per;
        r.forced = None;
    }
    if !added.is_empty() {
        raws.extend(added);
        raws.sort_by_key(|r| (r.t0, r.t1));
    }
}

/// A place or organisation name the tagger ran on into the person's name after it ("the
/// Ambassador to Ruritania Karim Haddad", "chair of the Harbour Club Lina Morel") is split in
/// two: the part before ends in a known name or a head word, the part after is two or three
/// capitalised words opening with a known first name.
fn split_glued_persons(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let Some(gaz) = newsgraph_ner::KbGazetteer::global() else {
        return;
    };
    let mut added: Vec<Raw> = Vec::new();
    // Capitalised words standing alone in the text, gathered when first needed.
    let mut lone: Option<std::collections::HashSet<&str>> = None;
    for r in raws.iter_mut() {
        if r.label == Label::Per || r.t1 < r.t0 + 3 || r.owner.is_some() {
            continue;
        }
        let (last_i, last) = (r.t1 - 1, ctx.s(r.t1 - 1));
        if words::head_type(last).is_some() || !cap_word(ctx, last_i) || !cap_word(ctx, last_i - 1)
        {
            continue;
        }
        // The surname standing alone elsewhere in the text ("… Karim Haddad …. Haddad said").
        let lone = lone.get_or_insert_with(|| {
            (0..ctx.toks.len())
                .filter(|&j| {
                    cap_word(ctx, j)
                        && (!cap_word(ctx, j.wrapping_sub(1)) || is_title(ctx.s(j.wrapping_sub(1))))
                        && !cap_word(ctx, j + 1)
                })
                .map(|j| ctx.s(j))
                .collect()
        });
        let alone = last.len() > 2 && lone.contains(last);
        // "the Netherlands Lotte Wilms": a country's one-word name (no given name itself)
        // before two or three words no list knows.
        let first = ctx.s(r.t0);
        let country_lead = !gaz.is_first_name(first)
            && matches!(kb_first(ctx, first), Some((_, Kind::Country, _)));
        // A body's name with its subject after a connector ("Council on Civic Relations").
        let body_before = |k: usize| {
            (r.t0..k.saturating_sub(2))
                .any(|x| head_or_opener(ctx.s(x)) && is_connector(ctx.s(x + 1)))
        };
        let lo = (r.t0 + 1).max(r.t1.saturating_sub(3));
        let Some(k) = (lo..=r.t1 - 2).find(|&k| {
            (gaz.is_first_name(ctx.s(k))
                || alone && k == r.t1 - 2 && k >= r.t0 + 2
                || country_lead && k == r.t0 + 1 && (k..r.t1).all(|j| unknown_word(ctx, ctx.s(j)))
                || k == r.t1 - 2
                    && body_before(k)
                    && unknown_word(ctx, ctx.s(k))
                    && !ctx.common_word(last)
                    && !is_term_plural(last)
                    && ctx.unit(r.t1) == ctx.unit(r.t0)
                    && ["said", "says", "told", "added", "wrote"].contains(&ctx.s(r.t1)))
                && (k..r.t1).all(|j| cap_word(ctx, j))
                && words::head_type(ctx.s(r.t1 - 1)).is_none()
                && !is_connector(ctx.s(k - 1))
                && !matches!(ctx.s(k - 1), "the" | "and" | "&" | "-")
        }) else {
            continue;
        };
        let prefix = ctx.range(r.t0, k);
        let prefix = ByteSpan::ordered(r.span.start(), prefix.end().max(r.span.start()));
        // Never inside a known name ("… of New" + "York") nor before an acronym.
        let inside_known = ctx
            .kb
            .longest_match(ctx.strs.get(k - 1..r.t1).unwrap_or(&[]))
            .is_some_and(|m| m.tokens >= 2);
        let body_of =
            body_before(k) && cap_word(ctx, k - 1) && !inside_known && !words::all_caps(last);
        let known = alone
            || body_of
            || kb_first(ctx, ctx.slice(prefix)).is_some()
            // A head word alone opens a place's name ("Fort" Lee …), it names nothing.
            || words::head_type(ctx.s(k - 1)).is_some() && k > r.t0 + 1;
        if !known || kb_first(ctx, ctx.slice(r.span)).is_some() {
            continue;
        }
        let person = ByteSpan::ordered(ctx.span(k).start(), r.span.end().max(ctx.span(k).start()));
        added.push(Raw {
            span: person,
            t0: k,
            t1: r.t1,
            label: Label::Per,
            forced: None,
            owner: None,
        });
        r.t1 = k;
        r.span = prefix;
    }
    if !added.is_empty() {
        raws.extend(added);
        raws.sort_by_key(|r| (r.t0, r.t1));
    }
}

/// Whether `w` opens or closes a quotation.
fn is_quote_mark(w: &str) -> bool {
    matches!(
        w,
        "\"" | "'" | "\u{201C}" | "\u{201D}" | "\u{2018}" | "\u{2019}" | "\u{AB}" | "\u{BB}"
    )
}

/// A run of capitalised words after "so-called", or in quotation marks after "called",
/// "dubbed" or "known as", is a name; it is an organisation when one of its words is an
/// organisation noun ("Front", "Alliance"), when an apposition calls it one ("the so-called X
/// – a military alliance …") or when it acts ("the so-called X has …"). The tagger's guesses
/// inside the run give way to it.
fn called_names(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for i in 0..ctx.toks.len() {
        let w = ctx.s(i);
        let unit = ctx.unit(i);
        if unit == NO_UNIT {
            continue;
        }
        let so_called = words::is(w, "so-called");
        // "a group calling itself X": a name its bearer gives itself, quoted or not.
        let itself = (words::is(w, "itself") || words::is(w, "themselves"))
            && i > 0
            && ctx.unit(i - 1) == unit
            && ["call", "calls", "calling", "called", "styles", "styling"]
                .iter()
                .any(|x| words::is(ctx.s(i - 1), x));
        let mut j = i + 1;
        if !so_called && !itself {
            if words::is(w, "known") && words::is(ctx.s(j), "as") {
                j += 1;
            } else if !["called", "dubbed", "nicknamed", "named"]
                .iter()
                .any(|x| words::is(w, x))
            {
                continue;
            }
        }
        let quoted = ctx.unit(j) == unit && is_quote_mark(ctx.s(j));
        if quoted {
            j += 1;
        }
        if !so_called && !quoted && !itself {
            continue;
        }
        // The run: capitalised words, joined by lower-case connectors.
        let mut k = j;
        while k < j + 8 && ctx.unit(k) == unit {
            if cap_word(ctx, k) {
                k += 1;
            } else if k > j
                && (is_connector(ctx.s(k)) || words::is(ctx.s(k), "and"))
                && ctx.unit(k + 1) == unit
                && cap_word(ctx, k + 1)
            {
                k += 2;
            } else {
                break;
            }
        }
        if k == j || k == j + 1 && ctx.demonym(ctx.s(j)).is_some() {
            continue;
        }
        let orgish = (j..k).any(|x| {
            let s = ctx.s(x);
            words::capitalised(s)
                && (words::is_org_noun(s) || words::head_type(s) == Some(EntityType::Org))
        });
        // After the run (a closing quote aside): an apposition naming an organisation noun,
        // or a verb.
        let mut a = k;
        if ctx.unit(a) == unit && is_quote_mark(ctx.s(a)) {
            a += 1;
        }
        let after = if ctx.unit(a) == unit { ctx.s(a) } else { "" };
        let appos = matches!(after, "," | "-" | "\u{2013}" | "\u{2014}" | "(")
            && (a + 1..a + 5).any(|x| {
                ctx.unit(x) == unit && {
                    let s = ctx.s(x);
                    !words::capitalised(s) && (words::is_org_noun(s) || words::is_group_noun(s))
                }
            });
        // Before the trigger: an organisation noun ("a group known as", "an alliance called").
        let before = if i > 0 && ctx.unit(i - 1) == unit {
            ctx.s(i - 1)
        } else {
            ""
        };
        let named_org = itself
            || !so_called
                && !words::capitalised(before)
                && (words::is_org_noun(before) || words::is_group_noun(before));
        let acts = named_org
            || words::is_plural_agent_verb(after)
            || ["has", "is", "says", "said", "was"]
                .iter()
                .any(|x| words::is(after, x));
        if orgish || appos || acts {
            found.push((j, k));
        }
    }
    replace_with_orgs(ctx, raws, &found);
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
        if a + 1 == j || common_expansion(ctx, a, j) {
            continue; // a one-word name is its own acronym; a term is no name
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

/// Small words inside a spelled-out acronym that give it no letter ("Centre *for* X").
fn is_expansion_connector(w: &str) -> bool {
    is_connector(w)
        || [
            "the", "and", "&", "in", "into", "to", "at", "a", "an", "with", "under", "la", "le",
            "el",
        ]
        .iter()
        .any(|x| words::is(w, x))
}

/// Nouns of things, not bodies, that head a spelled-out technical term ("… Index",
/// "… Syndrome", "… Species"; their plurals too: "… Compounds").
fn is_term_head(w: &str) -> bool {
    [
        "syndrome",
        "disorder",
        "disease",
        "deficiency",
        "index",
        "inventory",
        "compound",
        "protein",
        "acid",
        "radiation",
        "light",
        "diode",
        "scale",
        "ratio",
        "rate",
        "method",
        "technique",
        "theory",
        "therapy",
        "test",
        "virus",
        "hormone",
        "enzyme",
        "gene",
        "molecule",
        "particle",
        "sensor",
        "satellite",
        "radiometer",
        "model",
        "equation",
        "temperature",
        "salinity",
        "microscope",
        "reaction",
        "response",
        "effect",
        "species",
        "chemical",
        "substance",
        "pollutant",
        "emission",
        "gas",
        "organism",
        "cell",
        "drug",
        "vaccine",
        "pesticide",
        "fertiliser",
        "fertilizer",
        "mineral",
        "nutrient",
        "metal",
        "element",
        "material",
        "bulb",
        "lamp",
        "fuel",
        "device",
        "infection",
        "condition",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Whether `w` is the plural of a noun of [`is_term_head`] ("Compounds", "Inventories").
fn is_term_plural(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    if let Some(stem) = lower.strip_suffix("ies") {
        return stem.len() > 1 && is_term_head(&format!("{stem}y"));
    }
    lower
        .strip_suffix("es")
        .is_some_and(|x| x.len() > 2 && is_term_head(x))
        || lower.strip_suffix('s').is_some_and(is_term_head)
}

/// Whether the words `a..b` spelling out an acronym are no name of a person, organisation or
/// place: written in lower case ("reactive nitrogen compounds"), or capitalised common words
/// with no head word, no known name and a head noun of a thing ("Reactive Nitrogen
/// Compounds", "Mood Disorder Index").
fn common_expansion(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let mut content = 0;
    let mut lower = 0;
    for j in a..b {
        let w = ctx.s(j);
        if is_expansion_connector(w) || !words::has_alnum(w) {
            continue;
        }
        content += 1;
        if !words::capitalised(w) {
            lower += 1;
        }
    }
    if content < 2 {
        return false;
    }
    if lower == content {
        return true;
    }
    if lower > 0 {
        return false;
    }
    // A tail of a longer capitalised name ("Department of" Veterans Affairs) is part of a name.
    if a > 0 && ctx.unit(a - 1) == ctx.unit(a) {
        let p = ctx.s(a - 1);
        let name_word = |k: usize| {
            let w = ctx.s(k);
            words::capitalised(w)
                && (!ctx.opens_unit(k)
                    || !ctx.common_word(w)
                    || words::head_type(w).is_some()
                    || head_or_opener(w))
        };
        if name_word(a - 1) || is_connector(p) && a > 1 && name_word(a - 2) {
            return false;
        }
    }
    let last = ctx.s(b.saturating_sub(1));
    let thing = is_term_head(last) || is_term_plural(last);
    thing
        && (a..b).all(|j| {
            let w = ctx.s(j);
            is_expansion_connector(w)
                || !words::has_alnum(w)
                || words::head_type(w).is_none()
                    && !head_or_opener(w)
                    && ctx.demonym(w).is_none()
                    && !ctx.gaz.is_first_name(w)
                    && ctx.kb.lookup_cased(w).next().is_none()
        })
}

/// Whether the letters of `letters` (upper case) are the initials of the words `a..b`, small
/// connectors aside (parts of hyphenated words count: "light-emitting").
fn initials_match(ctx: &Ctx<'_>, a: usize, b: usize, letters: &str) -> bool {
    let mut it = letters.chars();
    for j in a..b {
        let w = ctx.s(j);
        if is_expansion_connector(w) && !words::capitalised(w) || !words::has_alnum(w) {
            continue;
        }
        // A later part of a capitalised hyphenated word counts when capitalised ("L-band").
        let cap = words::capitalised(w);
        for (n, part) in w.split('-').enumerate() {
            let Some(c) = part.chars().next() else {
                continue;
            };
            if n > 0 && cap && !c.is_uppercase() {
                continue;
            }
            if it.next() != Some(c.to_uppercase().next().unwrap_or(c)) {
                return false;
            }
        }
    }
    it.next().is_none()
}

/// Acronyms the text defines by spelling them out as no name ("reactive nitrogen compounds
/// (RNC)", "RNC [reactive nitrogen compounds]", "Reactive Nitrogen Compounds (RNC)"): each
/// acronym with the token range of its spelling. Such an acronym is no entity anywhere in the
/// text, and its spelling is none either.
fn defined_terms<'a>(ctx: &Ctx<'a>) -> Vec<(&'a str, usize, usize)> {
    let mut found: Vec<(&'a str, usize, usize)> = Vec::new();
    let mut letters = String::new();
    for j in 0..ctx.toks.len() {
        let open = ctx.s(j);
        if open != "(" && open != "[" {
            continue;
        }
        let close = if open == "(" { ")" } else { "]" };
        let unit = ctx.unit(j);
        // "spelling (ACR)"
        let acr = ctx.s(j + 1);
        if ctx.s(j + 2) == close && words::all_caps(acr) && ctx.unit(j + 1) == unit {
            letters.clear();
            letters.extend(acr.chars().filter(|c| c.is_alphabetic()));
            let n = letters.chars().count();
            if (2..=8).contains(&n) {
                // Walk back to the first word whose initials, with the words after it, spell
                // the acronym.
                let mut a = j;
                while a > 0 && j - a < 12 && ctx.unit(a - 1) == unit && ctx.is_word(a - 1) {
                    a -= 1;
                    if is_expansion_connector(ctx.s(a)) {
                        continue;
                    }
                    if initials_match(ctx, a, j, &letters) {
                        if common_expansion(ctx, a, j) {
                            found.push((acr, a, j));
                        }
                        break;
                    }
                }
            }
            continue;
        }
        // "ACR [spelling]", "ACR (spelling, …)"
        if j == 0 || ctx.unit(j - 1) != unit {
            continue;
        }
        let acr = ctx.s(j - 1);
        if !words::all_caps(acr) || acr.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        letters.clear();
        letters.extend(acr.chars().filter(|c| c.is_alphabetic()));
        let mut b = j + 1;
        while b < j + 12 && ctx.unit(b) == unit && ctx.is_word(b) {
            b += 1;
            if initials_match(ctx, j + 1, b, &letters) {
                let end = ctx.s(b);
                if (end == close || end == "," || end == ";") && common_expansion(ctx, j + 1, b) {
                    found.push((acr, j + 1, b));
                }
                break;
            }
        }
    }
    found
}

/// The end of a run of one to three capitalised name words (initials included) from token
/// `j` that an editor's closing bracket ends ("Marlow]"), in the unit of token `j`.
fn bracketed_words_end(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let unit = ctx.unit(j);
    let mut k = j;
    while k < j + 3 && ctx.unit(k) == unit && name_word(ctx, k) {
        k += 1;
    }
    (k > j && ctx.unit(k) == unit && ctx.s(k) == "]").then_some(k)
}

/// Whether token `j` is a capitalised word of a name ("Marlow", "W."), no acronym.
fn name_word(ctx: &Ctx<'_>, j: usize) -> bool {
    let s = ctx.s(j);
    cap_word(ctx, j) && (!words::all_caps(s) || s.len() <= 2 && s.ends_with('.') || s.len() == 1)
}

/// Editorial brackets that complete a person's name in a transcript ("Jeff [Marlow] runs the
/// site", "[Tomas] Velde ran in 96") make one name over the brackets: the span covers the
/// bracketed words and the brackets, and the name is read without them.
fn bracket_names(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    if !ctx.text.contains('[') {
        return;
    }
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    for c in out.iter_mut() {
        if c.t1 <= c.t0 || c.kb.is_some() {
            continue;
        }
        let unit = ctx.unit(c.t0);
        if unit == NO_UNIT || ctx.unit(c.t1 - 1) != unit {
            continue;
        }
        let person = |c: &Cand| {
            c.ty == EntityType::Person || ctx.gaz.is_first_name(ctx.s(c.t0)) && !c.strong
        };
        let (mut t0, mut t1) = (c.t0, c.t1);
        if ctx.s(t1) == "[" && ctx.unit(t1) == unit && person(c) {
            // "Jeff [Marlow]": the surname in brackets after the given name.
            if let Some(end) = bracketed_words_end(ctx, t1 + 1) {
                t1 = end + 1;
            }
        } else if t0 > 0 && ctx.s(t0 - 1) == "[" && ctx.s(t1) == "]" && ctx.unit(t1) == unit {
            // "[Tomas] Velde": the given name in brackets before the surname.
            let mut k = t1 + 1;
            while k < t1 + 3 && ctx.unit(k) == unit && name_word(ctx, k) {
                k += 1;
            }
            if k > t1 + 1 && (person(c) || ctx.gaz.is_surname(ctx.s(t1 + 1))) {
                t0 -= 1;
                t1 = k;
            }
        } else if t0 > 1 && ctx.s(t0 - 1) == "]" && ctx.unit(t0 - 1) == unit {
            // "[Tomas] Velde" with the bracketed given name untagged.
            let mut k = t0 - 1;
            while k > 0 && k + 4 > t0 && ctx.unit(k - 1) == unit && name_word(ctx, k - 1) {
                k -= 1;
            }
            if k + 1 < t0
                && k > 0
                && ctx.s(k - 1) == "["
                && (person(c) || ctx.gaz.is_first_name(ctx.s(k)))
            {
                t0 = k - 1;
            }
        }
        if (t0, t1) == (c.t0, c.t1) {
            continue;
        }
        let span = ByteSpan::ordered(ctx.span(t0).start(), ctx.span(t1 - 1).end());
        if span.get(ctx.text).is_none() {
            continue;
        }
        absorbed.push((t0, t1));
        c.span = span;
        c.t0 = t0;
        c.t1 = t1;
        c.ty = EntityType::Person;
    }
    if absorbed.is_empty() {
        return;
    }
    // Names inside a joined one are part of it.
    out.retain(|c| {
        !absorbed
            .iter()
            .any(|&(a, b)| a <= c.t0 && c.t1 <= b && (a, b) != (c.t0, c.t1))
    });
    out.dedup_by_key(|c| c.span);
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
        // A place already: the cue makes its type sure against weaker readings elsewhere.
        return Some(if is_place(ty) { ty } else { EntityType::Gpe });
    }
    // "the suburbs of A and B", "the cities of A, B, C and D": the later names too. A name
    // after a comma counts when the list goes on to "and"/"or" and a name.
    let listed = matches!(before, "and" | "or")
        || before == "," && {
            let mut k = t1;
            while k < t1 + 16 && (at(k) == "," || cap_word(ctx, k) && ctx.unit(k) == unit) {
                k += 1;
            }
            k > t1 && matches!(at(k), "and" | "or") && cap_word(ctx, k + 1)
        };
    if listed && !is_place(ty) && t0 >= 2 {
        let mut p = t0 - 1;
        while p > t0.saturating_sub(16)
            && ctx.unit(p - 1) == unit
            && (cap_word(ctx, p - 1) || matches!(ctx.s(p - 1), "," | "and" | "or"))
        {
            p -= 1;
        }
        if p < t0 - 1 && p >= 2 && words::is(at(p - 1), "of") && is_place_noun(at(p - 2)) {
            return Some(EntityType::Gpe);
        }
    }
    // A source is a person or a body, not a place: "according to X".
    if is_place(ty) && words::is(before, "to") && words::is(before2, "according") {
        return Some(EntityType::Person);
    }
    // "founder of X", "employees at X", "a spokesman for X": a business, not a place.
    if is_place(ty)
        && ["of", "for", "at"].iter().any(|w| words::is(before, w))
        && is_business_role(before2)
    {
        return Some(EntityType::Org);
    }
    if ty != EntityType::Person
        && ((words::is_role_noun(before) || words::is_person_noun(before))
            && !words::capitalised(before)
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
        // "in X, California to a teacher": a place after the comma (not a possessor, as in
        // "X, Ruritania's minister") makes the pair a town and its state, no apposition.
        let state_after = j == t1 + 1
            && words::capitalised(at(j))
            && !matches!(at(j + 1), "'s" | "’s")
            && kb_first(ctx, at(j)).is_some_and(|(_, _, t)| is_place(t));
        for k in (j..j + 5).filter(|_| !state_after) {
            let w = at(k);
            if w.is_empty() || !(ctx.is_word(k) || matches!(w, "'s" | "’s")) {
                break;
            }
            if (words::is_role_noun(w) || words::is_person_noun(w)) && !words::capitalised(w) {
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
    // "the X news agency", "the X union": a lower-case noun for an organisation right after
    // the name (not one a place may own, such as "council" or "ministry").
    let after = at(t1);
    let after_org = if after == "news" { at(t1 + 1) } else { after };
    if !matches!(ty, EntityType::Org | EntityType::Norp | EntityType::Group)
        && !words::capitalised(after_org)
        && is_named_org_noun(after_org)
    {
        return Some(EntityType::Org);
    }
    // "the Lantern Guild in Leeds": an unknown name of two words or more after "the", set in
    // a place the knowledge base knows, is an organisation or a building there, not a place
    // of its own (regions so set are known or carry a head word).
    if is_place(ty)
        && t1 >= t0 + 2
        && words::is(before, "the")
        && words::is(at(t1), "in")
        && known_place_at(ctx, t1 + 1, unit)
        // "the <Town> Opera House in Y": a name holding a known place is a district or a
        // building of that place.
        && !(t0..t1).any(|j| known_place_at(ctx, j, unit) || is_compass(ctx.s(j)))
    {
        return Some(if is_building_noun(ctx.s(t1 - 1)) {
            EntityType::Fac
        } else {
            EntityType::Org
        });
    }
    // "Ottawa Stormchasers", "the Harbour Rangers": an unknown name ending in a plural noun
    // names a group of people, not a place.
    if ty == EntityType::Gpe
        && t1 >= t0 + 2
        && (t0..t1).all(|j| cap_word(ctx, j))
        && group_plural_tail(ctx, ctx.s(t1 - 1))
        // "Old Lisbon", "East Lisbon": a known place ends the name.
        && !(t0 + 1..t1).any(|j| {
            kb_first(ctx, ctx.slice(ctx.range(j, t1))).is_some_and(|(_, kind, _)| {
                matches!(kind, Kind::Country | Kind::Capital | Kind::Place)
            })
        })
        && !is_foreign_article(ctx.s(t0))
        && !is_place_opener(ctx.s(t0))
    {
        return Some(EntityType::Org);
    }
    // "the latest X poll": a pollster, not a person.
    if ty == EntityType::Person && words::is(after, "poll") {
        return Some(EntityType::Org);
    }
    // "in X's trial" names X's trial, not a place.
    let possessive = matches!(at(t1), "'s" | "\u{2019}s" | "'" | "\u{2019}");
    // A full name opening with a known given name ("drove in Ana Lutz") stays a person.
    let full_name =
        t1 >= t0 + 2 && ctx.gaz.is_first_name(ctx.s(t0)) && (t0 + 1..t1).all(|j| cap_word(ctx, j));
    if ty == EntityType::Person
        && !possessive
        && !full_name
        && ["in", "near", "outside", "across", "around", "off"]
            .iter()
            .any(|w| words::is(before, w))
    {
        return Some(EntityType::Gpe);
    }
    None
}

/// Whether a place the knowledge base knows opens at token `j` of `unit` (one to three
/// capitalised words).
fn known_place_at(ctx: &Ctx<'_>, j: usize, unit: u32) -> bool {
    let mut k = j;
    while k < j + 3 && ctx.unit(k) == unit && cap_word(ctx, k) {
        k += 1;
    }
    (j + 1..=k).rev().any(|e| {
        kb_first(ctx, ctx.slice(ctx.range(j, e)))
            .is_some_and(|(_, kind, _)| matches!(kind, Kind::Country | Kind::Capital | Kind::Place))
    })
}

/// Nouns for a building that may end a name ("X Opera House", "X Planetarium").
fn is_building_noun(w: &str) -> bool {
    [
        "aquarium",
        "cinema",
        "chapel",
        "gallery",
        "house",
        "planetarium",
        "theater",
        "theatre",
        "zoo",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Words that open the names of towns ("San X", "Santa X", "Saint X"), whose last word may
/// end in "s" ("San Marcos").
fn is_place_opener(w: &str) -> bool {
    [
        "San", "Santa", "Santo", "São", "Saint", "St", "St.", "Los", "Las", "Des", "Dos", "Port",
        "Fort", "Mount", "Mt", "Mt.", "Lake", "Cape", "Isle", "Glen", "Point",
    ]
    .contains(&w)
}

/// Whether `w`, the last word of a name, is a plural noun for people ("Rangers",
/// "Stormchasers"): of a plural's shape and ending, and no plural that names a kind of place
/// ("Springs", "Falls", "Heights").
fn group_plural_tail(ctx: &Ctx<'_>, w: &str) -> bool {
    if !plural_shape(ctx, w) || words::head_type(w).is_some() {
        return false;
    }
    // "-us", "-is", "-os", "-as", "-ys" end Latin, Greek and Romance names and "Keys", "Bays".
    let b = w.as_bytes();
    let before_s = b.len().checked_sub(2).and_then(|i| b.get(i)).copied();
    if matches!(before_s, Some(b'u' | b'i' | b'o' | b'a' | b'y')) {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if lower.ends_with("lands") {
        return false; // "Midlands", "Highlands"
    }
    ![
        "arches",
        "baths",
        "buildings",
        "cinemas",
        "columns",
        "docks",
        "eighties",
        "fifties",
        "forties",
        "grounds",
        "halls",
        "mines",
        "nineties",
        "quays",
        "seventies",
        "sixties",
        "stairs",
        "steps",
        "theaters",
        "theatres",
        "thirties",
        "twenties",
        "acres",
        "alps",
        "banks",
        "bluffs",
        "boroughs",
        "borders",
        "cities",
        "cliffs",
        "colonies",
        "counties",
        "creeks",
        "districts",
        "emirates",
        "marches",
        "provinces",
        "regions",
        "republics",
        "downs",
        "dunes",
        "estates",
        "falls",
        "fields",
        "flats",
        "forks",
        "gardens",
        "gates",
        "glades",
        "groves",
        "harbors",
        "harbours",
        "heights",
        "hills",
        "hollows",
        "isles",
        "lakes",
        "marshes",
        "meadows",
        "mills",
        "moors",
        "narrows",
        "oaks",
        "palms",
        "parks",
        "pines",
        "plains",
        "points",
        "ponds",
        "rapids",
        "reefs",
        "ridges",
        "rocks",
        "sands",
        "shores",
        "springs",
        "states",
        "territories",
        "terraces",
        "towers",
        "valleys",
        "waters",
        "wells",
        "woods",
    ]
    .contains(&lower.as_str())
}

/// Lower-case nouns that, right after a name, say it names an organisation ("the X union",
/// "the X news agency"): kinds of organisation a place does not own.
pub(crate) fn is_named_org_noun(w: &str) -> bool {
    [
        "agency",
        "airline",
        "alliance",
        "bank",
        "broadcaster",
        "coalition",
        "company",
        "conglomerate",
        "daily",
        "faction",
        "firm",
        "group",
        "militia",
        "movement",
        "newspaper",
        "party",
        "union",
        "website",
    ]
    .contains(&w)
}

/// Roles in a business or organisation that, before "of", "for" or "at", say the name after
/// them is an organisation, not a place ("founder of X", "a spokeswoman for X").
fn is_business_role(w: &str) -> bool {
    [
        "co-founder",
        "cofounder",
        "customers",
        "employee",
        "employees",
        "executive",
        "executives",
        "founder",
        "founders",
        "owner",
        "owners",
        "shareholders",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "staff",
        "subsidiary",
        "unit",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Lower-case nouns that, right before a name, say it names an organisation ("the Oslo daily
/// X", "telecoms operator X").
pub(crate) fn is_org_cue(w: &str) -> bool {
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
        "band",
        "brand",
        "choir",
        "club",
        "label",
        "magazine",
        "orchestra",
        "publisher",
        "school",
        "startup",
        "studio",
    ]
    .contains(&w)
}

/// Nouns for a kind of place that a name may follow after "of" ("the town of X").
pub(crate) fn is_place_noun(w: &str) -> bool {
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

/// Whether candidate `k` is joined by "and"/"or" to the candidate right before or after it,
/// and that neighbour passes `partner`.
fn coordinated_with(
    ctx: &Ctx<'_>,
    cands: &[Cand],
    k: usize,
    partner: impl Fn(&Cand) -> bool,
) -> bool {
    let Some(c) = cands.get(k) else { return false };
    let linked = |o: &Cand, a: usize, b: usize| {
        partner(o) && b == a + 2 && matches!(ctx.s(a + 1), "and" | "or")
    };
    let prev = k
        .checked_sub(1)
        .and_then(|p| cands.get(p))
        .is_some_and(|p| linked(p, p.t1 - 1, c.t0));
    let next = cands.get(k + 1).is_some_and(|n| linked(n, c.t1 - 1, n.t0));
    prev || next
}

/// A name the tagger took weakly for a person right after "<person> of" ("guitarist Tam Reyes
/// of Velvet Orchard") is the person's organisation or place: a person is not "of" another
/// person. Known to be a place, it is left to the other rules; else it is an organisation.
fn person_of(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    for k in 1..cands.len() {
        let (Some(p), Some(c)) = (cands.get(k - 1), cands.get(k)) else {
            continue;
        };
        if c.ty != EntityType::Person
            || c.strong
            || c.cued
            || c.kb.is_some()
            || c.t0 < 2
            || p.t1 + 1 != c.t0
            || ctx.s(c.t0 - 1) != "of"
            || ctx.unit(p.t0) != ctx.unit(c.t0)
            || p.ty != EntityType::Person
            || p.t1 < p.t0 + 2
        {
            continue;
        }
        if let Some(c) = cands.get_mut(k) {
            c.ty = EntityType::Org;
            c.cued = true;
        }
    }
}

/// A single word the tagger took weakly for a person right after "in <place>," ("born in
/// Tarvo, Umbria, in 1950") is the place's region or country, not a person: it ends its
/// phrase (no verb or possessive follows) and is no known given name.
fn region_after_town(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    for k in 1..cands.len() {
        let (Some(p), Some(c)) = (cands.get(k - 1), cands.get(k)) else {
            continue;
        };
        let unit = ctx.unit(c.t0);
        if c.ty != EntityType::Person
            || c.strong
            || c.cued
            || c.kb.is_some()
            || c.t1 != c.t0 + 1
            || c.t0 < 2
            || p.t1 + 1 != c.t0
            || ctx.s(c.t0 - 1) != ","
            || !is_place(p.ty)
            || p.t0 == 0
            || ctx.unit(p.t0) != unit
            || ctx.opens_unit(p.t0 - 1)
            || !["in", "at", "near", "from", "outside"]
                .iter()
                .any(|w| words::is(ctx.s(p.t0 - 1), w))
            || !apposition_end(ctx, c.t1, unit)
            || ctx.gaz.is_first_name(ctx.s(c.t0))
        {
            continue;
        }
        if let Some(c) = cands.get_mut(k) {
            c.ty = EntityType::Gpe;
            c.cued = true;
        }
    }
}

/// A name typed weakly that is coordinated with a place ("at Tura and Lodi") is a place.
fn coordinate_places(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    for k in 0..cands.len() {
        let Some(c) = cands.get(k) else { continue };
        if c.strong || c.cued || is_place(c.ty) {
            continue;
        }
        let t0 = c.t0;
        // The partner is a sure place, or any place after a locative preposition ("at X and
        // Y", "near X or Y").
        let locative = |o: &Cand| {
            o.t0 > 0
                && ["at", "in", "near", "outside", "between", "around", "from"]
                    .contains(&ctx.s(o.t0 - 1))
        };
        let place = |o: &Cand| (o.strong || o.cued || locative(o) && o.t0 < t0) && is_place(o.ty);
        if coordinated_with(ctx, cands, k, place) {
            if let Some(c) = cands.get_mut(k) {
                c.ty = EntityType::Gpe;
                c.cued = true;
            }
        }
    }
}

/// A one-word name the tagger took weakly for a person, coordinated with an organisation ("X
/// and IAG", "Y or Zentrix Corp"), is an organisation, unless it is a known first name.
fn coordinate_orgs(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    for k in 0..cands.len() {
        let Some(c) = cands.get(k) else { continue };
        if c.strong
            || c.cued
            || c.ty != EntityType::Person
            || c.t1 != c.t0 + 1
            || c.title.is_some()
            || ctx.gaz.is_first_name(ctx.s(c.t0))
        {
            continue;
        }
        let org = |o: &Cand| {
            o.ty == EntityType::Org
                && (o.strong || o.cued || o.t1 == o.t0 + 1 && words::all_caps(ctx.s(o.t0)))
        };
        if coordinated_with(ctx, cands, k, org) {
            if let Some(c) = cands.get_mut(k) {
                c.ty = EntityType::Org;
                c.cued = true;
            }
        }
    }
}

/// A name the tagger typed weakly as a place or an organisation, listed with persons ("Mira
/// Kent and Dale Orme", "Odin, Frigg, Thor and Loki"), is a person too: a coordination
/// joins names of one kind. It needs a person it is linked to directly and no linked name of
/// its own type that is sure of it; names the knowledge base knows or a head word types stay.
fn coordinate_persons(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    // Whether cands `p` and `n` (in this order) are linked by ",", "and", "or" or ", and".
    let linked = |p: &Cand, n: &Cand| {
        if ctx.unit(p.t0) != ctx.unit(n.t0) || n.t0 <= p.t1 || n.t0 > p.t1 + 2 {
            return false;
        }
        match n.t0 - p.t1 {
            1 => matches!(ctx.s(p.t1), "," | "and" | "or" | "&"),
            _ => ctx.s(p.t1) == "," && matches!(ctx.s(p.t1 + 1), "and" | "or"),
        }
    };
    let weak = |c: &Cand| {
        !c.strong
            && !c.cued
            && c.kb.is_none()
            && c.title.is_none()
            && c.owned_by.is_none()
            && (is_place(c.ty) || c.ty == EntityType::Org)
            && (c.t0..c.t1).all(|j| !words::all_caps(ctx.s(j)))
            && (c.t0..c.t1).all(|j| words::head_type(ctx.s(j)).is_none() && cap_word(ctx, j))
    };
    // A person the text is sure of: typed by a title or apposition, or named in full.
    let solid = |c: &Cand| {
        c.ty == EntityType::Person && (c.strong || c.cued || c.title.is_some() || c.t1 >= c.t0 + 2)
    };
    let mut k = 0;
    while k < cands.len() {
        // The list from k: cands linked one to the next.
        let mut e = k + 1;
        while e < cands.len()
            && cands
                .get(e - 1)
                .zip(cands.get(e))
                .is_some_and(|(p, n)| linked(p, n))
        {
            e += 1;
        }
        let list = cands.get(k..e).unwrap_or(&[]);
        // Two names with a comma alone are a name and its place ("X Y, Ostrava") more often
        // than a list: a list of two needs a conjunction.
        let conjoined = (k + 1..e).any(|j| {
            cands.get(j - 1).is_some_and(|p| {
                matches!(ctx.s(p.t1), "and" | "or" | "&") || matches!(ctx.s(p.t1 + 1), "and" | "or")
            })
        });
        if list.len() >= 3 || list.len() == 2 && conjoined {
            let persons = list.iter().filter(|c| c.ty == EntityType::Person).count();
            let sure_other = list.iter().any(|c| c.ty != EntityType::Person && !weak(c));
            let solid_n = list.iter().filter(|c| solid(c)).count();
            if (solid_n > 0 || persons >= 2 && 2 * persons > list.len())
                && !sure_other
                && 2 * persons >= list.len()
            {
                for c in cands.get_mut(k..e).unwrap_or(&mut []) {
                    if c.ty != EntityType::Person && weak(c) {
                        c.ty = EntityType::Person;
                        c.cued = true;
                    }
                }
            }
        }
        k = e;
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
    // Acronyms the text spells out as no name, and their spellings, are no names.
    let terms = defined_terms(ctx);
    let term_at = |t0: usize, t1: usize| {
        terms
            .iter()
            .any(|&(acr, a, b)| t0 < b && a < t1 || t1 == t0 + 1 && ctx.s(t0) == acr)
    };
    if !terms.is_empty() {
        raws.retain(|r| !term_at(r.t0, r.t1));
    }
    refine(ctx, &mut raws);
    name_suffixes(ctx, &mut raws);
    // Words written in lower case in the text, gathered when first needed.
    let mut lower_words: Option<std::collections::HashSet<&str>> = None;
    let mut counts = Counts::default();
    for r in &raws {
        let (t0, t1, rspan) = trim_weekdays(ctx, r);
        if event_name(ctx, t0, t1)
            && (kb_first(ctx, ctx.slice(rspan)).is_none() || treaty_after(ctx, t0, t1))
        {
            // An event, holiday or prize: no scored type; its words are no other name.
            for c in covered.get_mut(r.t0..r.t1).unwrap_or(&mut []) {
                *c = true;
            }
            continue;
        }
        let surface = ctx.slice(rspan);
        if t1 == t0 + 1 && lower_elsewhere(ctx, t0, surface, &mut lower_words) {
            continue; // a common noun opening a sentence ("Homeopathy … homeopathy")
        }
        if t1 == t0 + 1
            && (opening_common_word(ctx, t0, surface, &mut counts)
                || lone_heading(ctx, t0, surface, &mut counts))
        {
            continue; // "Rainfall was heavy", a caption's "Landscape"
        }
        if derived_hyphen_word(ctx, surface) {
            continue; // "a Dali-like pose", "the Kodak-room"
        }
        if t1 == t0 + 1
            && (words::is_not_name(surface)
                || common_noun(ctx, surface)
                    && (r.label == Label::Per
                        || ctx.opens_unit(t0)
                        || words::head_type(surface).is_none()))
        {
            continue;
        }
        if surface.chars().any(is_phonetic) || layout::in_url(ctx, rspan) {
            continue;
        }
        // The acronym of a common noun, or its plural ("CEO", "GIFs"), is no name.
        let singular = surface.strip_suffix('s').unwrap_or(surface);
        if t1 == t0 + 1 && words::all_caps(singular) && words::is_common_acronym(singular) {
            continue;
        }
        let mut span = rspan;
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
        // Post-nominal honours and degrees are no part of the name ("X Y FRS", "X Y DBE RA").
        let t1_full = t1;
        let mut t1 = t1;
        if r.label == Label::Per {
            while t1 > s0 + 2 && is_postnominal(ctx.s(t1 - 1)) {
                t1 -= 1;
            }
            if t1 < t1_full {
                span = ByteSpan::ordered(span.start(), ctx.span(t1 - 1).end().max(span.start()));
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
        let Some((mut ty, mut strong, mut kb)) = classified else {
            continue;
        };
        // "Google Chrome", "Sony PlayStation": a well-known company and its product; the
        // product has no scored type, the company is the organisation named.
        if company_product(ctx, s0, t1, kb) {
            t1 = s0 + 1;
            span = ctx.span(s0);
            ty = EntityType::Org;
            strong = true;
            kb = None;
        }
        let mut cued = false;
        if !strong {
            if let Some(t) = context_type(ctx, s0, t1, ty) {
                ty = t;
                cued = true;
            }
        }
        for c in covered.get_mut(t0..t1_full).unwrap_or(&mut []) {
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
    add_plural_groups(ctx, &covered, out);
    add_member_orgs(ctx, &covered, out);
    lone::add_acronyms(ctx, &covered, out);
    lone::add_outlets(ctx, &covered, out);
    lone::add_told_outlets(ctx, &covered, out);
    lone::add_source_words(ctx, &covered, out);
    lone::add_described_places(ctx, &covered, out);
    lone::add_person_subjects(ctx, &covered, out);
    lone::add_opening_subjects(ctx, &covered, out);
    lone::add_cued_orgs(ctx, &covered, out);
    list_orgs(ctx, out);
    lone::add_repeats(ctx, out);
    lone::demonym_actors(ctx, out);
    lone::leader_governments(ctx, out);
    bracket_names(ctx, out);
    lone::country_shaped_subjects(ctx, out);
    if !terms.is_empty() {
        out.retain(|c| !term_at(c.t0, c.t1));
    }
    out.sort_by_key(|c| (c.span.start(), c.span.end()));
    out.dedup_by_key(|c| c.span);
    // A plural group name typed as an organisation once is one everywhere.
    let groups: std::collections::HashSet<&str> = out
        .iter()
        .filter(|c| c.t1 == c.t0 + 1 && c.ty == EntityType::Org && c.kb.is_none())
        .map(|c| ctx.slice(c.span))
        .filter(|w| plural_shape(ctx, w))
        .collect();
    if !groups.is_empty() {
        for c in out.iter_mut() {
            if c.t1 == c.t0 + 1
                && matches!(c.ty, EntityType::Person | EntityType::Norp)
                && groups.contains(ctx.slice(c.span))
            {
                c.ty = EntityType::Org;
            }
        }
    }
    // "pro-Beijing", "anti-Moscow": a stance, not a mention of the place.
    out.retain(|c| !stance_prefix(ctx, c.span.start()));
    drop_storms(ctx, out);
    drop_diseases(ctx, out);
    drop_fields(ctx, out);
    drop_region_adjectives(ctx, out);
    surname_places(ctx, out);
    person_of(ctx, out);
    region_after_town(ctx, out);
    coordinate_places(ctx, out);
    coordinate_orgs(ctx, out);
    coordinate_persons(ctx, out);
    join_place_pairs(ctx, out);
    drop_caps_guesses(ctx, out);
    layout::cut_caption_words(ctx, out);
    layout::drop_vehicles(ctx, out);
    layout::drop_binomials(ctx, out);
    crate::works::drop_works(ctx, out);
    crate::works::type_characters(ctx, out);
    layout::inverted_names(ctx, out);
    join_body_heads(ctx, out);
    titles(ctx, out);
    crate::teams::national_teams(ctx, out);
}

/// Whether the one-word name `w` at token `t`, opening its sentence, is written in lower case
/// elsewhere in the text: a common noun, not a name. Names the knowledge base knows are kept.
fn lower_elsewhere<'a>(
    ctx: &Ctx<'a>,
    t: usize,
    w: &str,
    lower_words: &mut Option<std::collections::HashSet<&'a str>>,
) -> bool {
    if w.len() < 4 || !words::capitalised(w) || words::all_caps(w) || !ctx.opens_unit(t) {
        return false;
    }
    let set = lower_words.get_or_insert_with(|| {
        ctx.strs
            .iter()
            .copied()
            .filter(|x| x.len() >= 4 && x.chars().next().is_some_and(char::is_lowercase))
            .collect()
    });
    set.contains(w.to_lowercase().as_str()) && ctx.kb.lookup_cased(w).next().is_none()
}

/// A person's surname that is also a place ("Ana Lima" … "Lima said"): alone, after
/// the person's full name, it is the person, unless the words around it make it a place ("in
/// Paris", "Paris, France", "Paris-based").
fn surname_places(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    // Each surname with the end of the first full name holding it.
    let mut surnames: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in cands.iter() {
        if c.ty == EntityType::Person && c.t1 >= c.t0 + 2 && c.kb.is_none() {
            let last = ctx.s(c.t1 - 1);
            if words::capitalised(last) && !words::all_caps(last) && last.len() > 2 {
                surnames.entry(last).or_insert(c.span.end());
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    // Whether the lone word at `c` reads as a place: after a preposition of place, before ",
    // Region", or glued to a hyphen ("Paris-based").
    let place_context = |c: &Cand| {
        let unit = ctx.unit(c.t0);
        let at = |j: usize| if ctx.unit(j) == unit { ctx.s(j) } else { "" };
        let before = if c.t0 > 0 { at(c.t0 - 1) } else { "" };
        let place_before = [
            "in",
            "at",
            "from",
            "to",
            "near",
            "into",
            "across",
            "outside",
            "inside",
            "around",
            "of",
            "via",
            "toward",
            "towards",
            "through",
            "throughout",
            "between",
        ]
        .iter()
        .any(|x| words::is(before, x));
        place_before || at(c.t1) == "," && cap_word(ctx, c.t1 + 1) || ctx.span(c.t0) != c.span
    };
    let lone = |c: &Cand| c.t1 == c.t0 + 1 && is_place(c.ty);
    // A word the text also uses as a place anywhere stays a place everywhere: one entity.
    let placed: std::collections::HashSet<&str> = cands
        .iter()
        .filter(|c| lone(c) && surnames.contains_key(ctx.s(c.t0)) && place_context(c))
        .map(|c| ctx.s(c.t0))
        .collect();
    for c in cands.iter_mut() {
        if !lone(c) {
            continue;
        }
        let w = ctx.s(c.t0);
        if placed.contains(w) || surnames.get(w).is_none_or(|&end| end > c.span.start()) {
            continue;
        }
        c.ty = EntityType::Person;
        c.kb = None;
        c.strong = false;
        c.cued = true;
    }
}

/// Whether `w` is a word that names a storm when capitalised before its name ("Cyclone X").
fn is_storm_word(w: &str) -> bool {
    ["Cyclone", "Hurricane", "Typhoon", "Storm"].contains(&w)
}

/// A storm's name ("Cyclone Asha", "Hurricane Ivo"): no scored type fits it, and the name alone
/// elsewhere in the article ("Asha's winds") is the storm too. A storm word standing alone
/// ("the Cyclone") goes with it.
fn drop_storms(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    // The capitalised word after each storm word ("Cyclone" Asha).
    let names: Vec<&str> = (1..ctx.toks.len())
        .filter(|&j| {
            is_storm_word(ctx.s(j - 1))
                && ctx.unit(j - 1) == ctx.unit(j)
                && cap_word(ctx, j)
                && !words::all_caps(ctx.s(j))
        })
        .map(|j| ctx.s(j))
        .collect();
    if names.is_empty() {
        return;
    }
    cands.retain(|c| {
        let s = ctx.slice(c.span);
        let last = ctx.s(c.t1.saturating_sub(1));
        let storm =
            c.kb.is_none() && (names.contains(&s) || names.contains(&last) && c.t1 == c.t0 + 2);
        !(storm || c.t1 == c.t0 + 1 && is_storm_word(s))
    });
}

/// Whether the text right before byte `at` is "pro-" or "anti-" (any case), as in
/// "pro-Beijing camp": the name after it is part of an adjective of stance.
fn stance_prefix(ctx: &Ctx<'_>, at: usize) -> bool {
    let before = ctx.text.get(at.saturating_sub(5)..at).unwrap_or("");
    let lower = |s: &str, p: &str| {
        s.len() >= p.len()
            && s.get(s.len() - p.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(p))
    };
    let hit = |p: &str| {
        lower(before, p) && {
            // A word boundary before "pro"/"anti".
            let k = before.len() - p.len();
            before
                .get(..k)
                .and_then(|b| b.chars().next_back())
                .is_none_or(|c| !c.is_alphanumeric())
        }
    };
    hit("pro-") || hit("anti-")
}

/// Whether tokens `[t0, t1)` are a well-known company's one-word name followed by capitalised
/// words that name no organisation of its own (no organisation head word last, no place or
/// demonym: "Acme Canada" is the company's branch) nor anything the knowledge base knows.
fn company_product(ctx: &Ctx<'_>, t0: usize, t1: usize, kb: Option<EntryId>) -> bool {
    if t1 < t0 + 2 || t1 > t0 + 3 || kb.is_some() || !crate::known::org(ctx.s(t0)) {
        return false;
    }
    let last = ctx.s(t1 - 1);
    words::head_type(last).is_none()
        && (t0 + 1..t1).all(|j| {
            let w = ctx.s(j);
            cap_word(ctx, j) && ctx.kb.lookup_cased(w).next().is_none() && ctx.demonym(w).is_none()
        })
}

/// Whether tokens `[t0, t1)` are a newspaper's title ending in a word that names a paper only
/// after a place or an edition word: "Halden Sun", "Daily Mirror", "Evening Standard".
fn outlet_title(ctx: &Ctx<'_>, t0: usize, t1: usize) -> bool {
    let last = ctx.s(t1.saturating_sub(1));
    if ![
        "Sun",
        "Globe",
        "Mirror",
        "Express",
        "Mail",
        "Standard",
        "Independent",
        "Echo",
    ]
    .contains(&last)
    {
        return false;
    }
    let before = ctx.slice(ctx.range(t0, t1 - 1));
    let edition = ["Daily", "Sunday", "Evening", "Morning", "Weekly"].contains(&before);
    edition || kb_first(ctx, before).is_some_and(|(_, _, t)| is_place(t))
}

/// Whether `w` is a post-nominal: an order, fellowship, office or degree written after a
/// person's name ("FRS", "DBE", "QC", "PhD").
fn is_postnominal(w: &str) -> bool {
    [
        "FRS", "FRSE", "FBA", "FRSA", "FREng", "FRSL", "DBE", "CBE", "OBE", "MBE", "KBE", "GBE",
        "KCB", "RA", "QC", "KC", "SC", "MP", "MEP", "MSP", "PhD", "Ph.D.", "DPhil",
    ]
    .contains(&w)
}

/// Whether the one-word name `w` at token `t` opens its sentence (or line) and is a word the
/// tagger's casing lexicon knows as mostly lower case ("Rainfall was heavy", a caption
/// "Landscape shot of …") or a compound of two such words: a common noun capitalised by its
/// position. Names the knowledge base
/// knows, acronyms and words written capitalised elsewhere in the text are kept.
fn opening_common_word<'a>(ctx: &Ctx<'a>, t: usize, w: &str, counts: &mut Counts<'a>) -> bool {
    if w.len() < 3 || !words::capitalised(w) || words::all_caps(w) || !ctx.opens_unit(t) {
        return false;
    }
    if !(ctx.common_word(w) || common_compound(ctx, w)) || ctx.kb.lookup_cased(w).next().is_some() {
        return false;
    }
    // Written with a capital inside a sentence elsewhere: a name after all.
    counts.get(ctx, w).1 == 0
}

/// Whether `w` is a closed compound of two common words ("Snowfall", "Roadwork"): lower
/// case after its capital, seven letters or more, each part three letters or more and a
/// word of the tagger's casing lexicon; no well-known company ("Facebook").
fn common_compound(ctx: &Ctx<'_>, w: &str) -> bool {
    if w.len() < 7
        || w.len() > 16
        || !w.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        || crate::known::org(w)
    {
        return false;
    }
    // Second parts that make place names and surnames ("Springfield", "Newport",
    // "Goodman"): such a compound may be a name.
    const NAME_ENDS: &[&str] = &[
        "bay", "borough", "bridge", "brook", "burg", "burgh", "bury", "castle", "chester", "crest",
        "dale", "field", "fields", "ford", "gate", "green", "ham", "haven", "hill", "hills",
        "hurst", "land", "lands", "ley", "man", "men", "minster", "moor", "mount", "mouth", "park",
        "pool", "port", "shire", "shore", "side", "smith", "son", "spring", "springs", "stead",
        "stone", "ton", "town", "vale", "view", "ville", "wall", "ward", "water", "well", "wick",
        "win", "wood", "worth",
    ];
    (3..=w.len() - 3).any(|k| {
        w.get(..k).is_some_and(|a| ctx.common_word(a))
            && w.get(k..)
                .is_some_and(|b| ctx.common_word(b) && !NAME_ENDS.contains(&b))
    })
}

/// Whether the one-word name `w` at token `t` is a line of its own, a section heading
/// ("Snowfall", "Overview"), and named nowhere else in the text. Names the knowledge base
/// or the list of well-known companies holds are kept.
fn lone_heading<'a>(ctx: &Ctx<'a>, t: usize, w: &str, counts: &mut Counts<'a>) -> bool {
    let Some(unit) = ctx.units.get(ctx.unit(t) as usize) else {
        return false;
    };
    if (unit.t0..unit.t1).any(|j| j != t && words::has_alnum(ctx.s(j)))
        || !layout::starts_line(ctx, unit.t0)
        || !layout::starts_line(ctx, unit.t1)
    {
        return false;
    }
    if crate::known::org(w) || ctx.kb.lookup_cased(w).next().is_some() {
        return false;
    }
    counts.get(ctx, w).0 <= 1
}

/// How often each token's surface occurs in the text, in all and not opening its sentence;
/// counted once per document, when first needed.
#[derive(Default)]
struct Counts<'a>(Option<std::collections::HashMap<&'a str, (u32, u32)>>);

impl<'a> Counts<'a> {
    fn get(&mut self, ctx: &Ctx<'a>, w: &str) -> (u32, u32) {
        let map = self.0.get_or_insert_with(|| {
            let mut m: std::collections::HashMap<&'a str, (u32, u32)> =
                std::collections::HashMap::new();
            // Whether a word came before in the current unit (so the token does not open it).
            let (mut unit, mut seen) = (NO_UNIT, false);
            for (j, s) in ctx.strs.iter().enumerate() {
                let u = ctx.unit(j);
                if u != unit {
                    (unit, seen) = (u, false);
                }
                let opens = !seen;
                seen |= words::has_alnum(s);
                if !words::capitalised(s) {
                    continue;
                }
                let e = m.entry(*s).or_default();
                e.0 += 1;
                if !opens {
                    e.1 += 1;
                }
            }
            m
        });
        map.get(w).copied().unwrap_or((0, 0))
    }
}

/// Whether `w` is a word derived from a name by a hyphen and a lower-case common word
/// ("Dali-like", "Kodak-room", "Tolkien-style"): an adjective or a compound noun, not the
/// name itself. Affiliations ("Iran-backed") are read elsewhere.
fn derived_hyphen_word(ctx: &Ctx<'_>, w: &str) -> bool {
    let Some((head, rest)) = w.rsplit_once('-') else {
        return false;
    };
    !head.is_empty()
        && !head.contains(' ')
        && rest.len() >= 4
        && rest.chars().all(|c| c.is_ascii_lowercase())
        && !words::is_affil_suffix(rest)
        && ctx.common_word(rest)
}

/// The tokens and span of a raw name without the days of the week the tagger glued to it
/// ("X Sunday" in "said X Sunday").
fn trim_weekdays(ctx: &Ctx<'_>, r: &Raw) -> (usize, usize, ByteSpan) {
    let (mut t0, mut t1) = (r.t0, r.t1);
    while t1 > t0 + 1 && words::is_weekday(ctx.s(t1 - 1)) {
        t1 -= 1;
    }
    // "Sunday Times", "Sunday Echo": an edition's title keeps its day.
    let title = t1 == t0 + 2
        && (words::head_type(ctx.s(t0 + 1)) == Some(EntityType::Org) || outlet_title(ctx, t0, t1));
    while t1 > t0 + 1 && words::is_weekday(ctx.s(t0)) && !title {
        t0 += 1;
    }
    if (t0, t1) == (r.t0, r.t1) {
        return (t0, t1, r.span);
    }
    let start = if t0 == r.t0 {
        r.span.start()
    } else {
        ctx.span(t0).start()
    };
    let end = ctx.span(t1 - 1).end().min(r.span.end());
    if end <= start {
        return (r.t0, r.t1, r.span);
    }
    (t0, t1, ByteSpan::ordered(start, end))
}

/// Whether the word at `j` may modify a holiday's name ("Orthodox Easter", "Lunar New Year"):
/// a demonym, a religion's adjective or a word of season.
fn holiday_modifier(ctx: &Ctx<'_>, j: usize) -> bool {
    let w = ctx.s(j);
    ctx.demonym(w).is_some()
        || words::is_holiday(w)
        || [
            "catholic",
            "christian",
            "coptic",
            "eastern",
            "good",
            "great",
            "holy",
            "islamic",
            "jewish",
            "lunar",
            "muslim",
            "orthodox",
            "western",
        ]
        .iter()
        .any(|x| words::is(w, x))
}

/// Whether the name `[t0, t1)` names a religious festival or a holiday, or an event on one
/// ("Ramadan", "Eid al-Fitr", "Yom Kippur", "Orthodox Easter", "Diwali Celebrations"): a
/// holiday's word, with only capitalised modifiers before it and other holiday words, Arabic
/// article forms or an event's noun after it. A given name or a title before it makes a person
/// ("Johnnie Easter"), a place's head word after it a place ("Easter Island").
fn holiday_name(ctx: &Ctx<'_>, t0: usize, t1: usize) -> bool {
    let Some(k) = (t0..t1).find(|&k| words::capitalised(ctx.s(k)) && words::is_holiday(ctx.s(k)))
    else {
        return false;
    };
    let before_ok = (t0..k).all(|j| holiday_modifier(ctx, j));
    // A surname: the word after a capitalised word that is no holiday's modifier anywhere in
    // the text ("Johnnie Easter" … "Easter said").
    let word = ctx.s(k);
    let surname = (1..ctx.toks.len()).any(|j| {
        ctx.s(j) == word
            && ctx.unit(j - 1) == ctx.unit(j)
            && cap_word(ctx, j - 1)
            && !ctx.opens_unit(j - 1)
            && !holiday_modifier(ctx, j - 1)
    });
    if surname {
        return false;
    }
    let after_ok = (k + 1..t1).all(|j| {
        let w = ctx.s(j);
        words::is_holiday(w)
            || words::is_holiday_tail(w)
            || words::is_event_head(w)
            || ["al-", "el-", "ul-", "ad-", "an-", "as-"]
                .iter()
                .any(|p| w.get(..3).is_some_and(|h| h.eq_ignore_ascii_case(p)))
            || matches!(w, "al" | "el" | "ul" | "-")
    });
    before_ok && after_ok
}

/// Whether tokens `[t0, t1)` name an event, holiday, prize or treaty: a capitalised event head
/// word last ("Harvest Day", "Winter Games") or before "of" ("Carnival of Lights"), or right
/// after the name ("Ravna" Accord).
fn event_name(ctx: &Ctx<'_>, t0: usize, t1: usize) -> bool {
    // A name right before a capitalised treaty or event head is part of that name ("Ravna
    // Accord"), whatever the tagger cut.
    let next = ctx.s(t1);
    if ctx.unit(t1) == ctx.unit(t0)
        && words::capitalised(next)
        && words::is_event_head(next)
        && ctx
            .units
            .get(ctx.unit(t0) as usize)
            .is_some_and(|u| !u.caps && !title_case(ctx, u))
    {
        return true;
    }
    if holiday_name(ctx, t0, t1) {
        return true;
    }
    if t1 < t0 + 2 {
        return false;
    }
    let last = ctx.s(t1 - 1);
    if words::capitalised(last) && words::is_event_head(last) {
        return true;
    }
    // A study named for its subject ("Coastal Nutrition Study"), no body's name ("Centre for
    // Advanced Study").
    if words::is(last, "study")
        && words::capitalised(last)
        && (t0..t1).all(|k| !head_or_opener(ctx.s(k)) && !is_connector(ctx.s(k)))
    {
        return true;
    }
    // A named storm ("Hurricane X", "Cyclone X").
    if ["cyclone", "hurricane", "typhoon"]
        .iter()
        .any(|x| words::is(ctx.s(t0), x))
    {
        return true;
    }
    (t0 + 1..t1.saturating_sub(1)).any(|k| {
        words::is(ctx.s(k), "of")
            && words::capitalised(ctx.s(k - 1))
            && words::is_event_head(ctx.s(k - 1))
    })
}

/// Whether a capitalised treaty word follows the name ("Paris Agreement", "Oslo Accords"):
/// the place only names the treaty, even when the knowledge base knows it.
fn treaty_after(ctx: &Ctx<'_>, t0: usize, t1: usize) -> bool {
    let next = ctx.s(t1);
    ctx.unit(t1) == ctx.unit(t0)
        && words::capitalised(next)
        && [
            "accord",
            "accords",
            "agreement",
            "agreements",
            "charter",
            "convention",
            "conventions",
            "declaration",
            "protocol",
            "treaty",
        ]
        .iter()
        .any(|w| words::is(next, w))
}

/// A town followed by the state or country that holds it ("Springfield, Illinois") is one
/// place name, unless the pair stands in a list of places ("Mali, Niger and Chad").
fn join_place_pairs(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    let kind = |c: &Cand| c.kb.and_then(|id| ctx.kb.get(id)).map(|e| e.kind());
    let listy = |w: &str| matches!(w, "," | "and" | "or" | "&" | "/");
    let mut k = 0;
    while k + 1 < cands.len() {
        let (Some(a), Some(b)) = (cands.get(k), cands.get(k + 1)) else {
            break;
        };
        let unit = ctx.unit(a.t0);
        let pair = is_place(a.ty)
            && b.ty == EntityType::Gpe
            && a.t1 + 1 == b.t0
            && ctx.s(a.t1) == ","
            && ctx.unit(b.t0) == unit
            && ctx.unit(b.t1.saturating_sub(1)) == unit
            && a.title.is_none()
            && !matches!(kind(a), Some(Kind::Country))
            && matches!(kind(b), Some(Kind::Country | Kind::Place))
            && b.kb != a.kb;
        if !pair {
            k += 1;
            continue;
        }
        // Not in a list: nothing list-like before the town or after the state.
        let before = if a.t0 > 0 && ctx.unit(a.t0 - 1) == unit {
            ctx.s(a.t0 - 1)
        } else {
            ""
        };
        let after = if ctx.unit(b.t1) == unit {
            ctx.s(b.t1)
        } else {
            ""
        };
        let after2 = if ctx.unit(b.t1 + 1) == unit {
            ctx.s(b.t1 + 1)
        } else {
            ""
        };
        let in_list = listy(before)
            || matches!(after, "and" | "or" | "&" | "/")
            || after == ","
                && (cap_word(ctx, b.t1 + 1)
                    || matches!(after2, "and" | "or") && cap_word(ctx, b.t1 + 2));
        if in_list {
            k += 1;
            continue;
        }
        let (span, t1) = (a.span.cover(b.span), b.t1);
        if let Some(a) = cands.get_mut(k) {
            a.span = span;
            a.t1 = t1;
            a.ty = EntityType::Gpe;
        }
        cands.remove(k + 1);
        k += 1;
    }
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
pub(crate) fn common_noun(ctx: &Ctx<'_>, w: &str) -> bool {
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
                strong: true,
                kb: kb.map(|k| k.0),
                ..Cand::new(span, a, b, kb.map_or(ty, |k| k.2), Source::Dateline)
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
            strong: true,
            ..Cand::new(ctx.range(a, j), a, j, EntityType::Person, Source::Dateline)
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
                    strong: true,
                    kb: Some(id),
                    ..Cand::new(span, i, t1, ty, Source::Kb)
                });
                i = t1;
            } else {
                i += 1;
            }
        }
    }
}

/// The name before a hyphen in "Iran-backed", "U.S.-led", when the knowledge base knows it.
/// Whether `w` names people who belong to an organisation ("reporters", "staff", "users"):
/// "X reporters" makes X an organisation.
fn is_member_noun(w: &str) -> bool {
    [
        "correspondent",
        "correspondents",
        "cardholders",
        "clients",
        "customers",
        "editor",
        "editors",
        "employees",
        "journalist",
        "journalists",
        "reporter",
        "reporters",
        "shareholders",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "staff",
        "staffers",
        "subscribers",
        "users",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// One-word names whose members the text names ("Zentrix reporters", "a Zentrix
/// spokesperson") are organisations: the tagger's persons among them are retyped, and their
/// occurrences it missed are added.
fn add_member_orgs(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    let mut orgs: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, s) in ctx.strs.iter().enumerate() {
        if ctx.unit(i) == NO_UNIT
            || ctx.unit(i + 1) != ctx.unit(i)
            || !ctx.is_word(i)
            || !is_member_noun(ctx.s(i + 1))
            || s.len() < 3
            || !words::capitalised(s)
            || ctx.caps_unit(i)
            || (ctx.opens_unit(i) && ctx.common_word(s))
            || words::is_not_name(s)
            || common_noun(ctx, s)
            || is_title(s)
            || ctx.demonym(s).is_some()
            || ctx.kb.lookup_cased(s).next().is_some()
            || orgs.contains(*s)
        {
            continue;
        }
        // Not the last word of a longer name ("Anna Berg" + "staff").
        if i > 0 && ctx.unit(i - 1) == ctx.unit(i) && cap_word(ctx, i - 1) && !ctx.opens_unit(i - 1)
        {
            continue;
        }
        orgs.insert(s);
    }
    if orgs.is_empty() {
        return;
    }
    for c in out.iter_mut() {
        if c.t1 == c.t0 + 1
            && c.kb.is_none()
            && c.ty == EntityType::Person
            && orgs.contains(ctx.slice(c.span))
        {
            c.ty = EntityType::Org;
        }
    }
    for (i, s) in ctx.strs.iter().enumerate() {
        if covered.get(i).copied().unwrap_or(true)
            || ctx.unit(i) == NO_UNIT
            || ctx.caps_unit(i)
            || !orgs.contains(*s)
        {
            continue;
        }
        out.push(Cand::cued(ctx, i, i + 1, EntityType::Org, Label::Org));
    }
}

/// Whether `w` is a plural noun for organisations that may open a list of examples
/// ("companies such as …", "websites including …").
fn is_org_plural(w: &str) -> bool {
    [
        "airlines",
        "apps",
        "automakers",
        "banks",
        "brands",
        "carmakers",
        "companies",
        "firms",
        "groups",
        "insurers",
        "lenders",
        "manufacturers",
        "networks",
        "newspapers",
        "organisations",
        "organizations",
        "outlets",
        "platforms",
        "retailers",
        "sites",
        "startups",
        "websites",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Plural nouns for organisations that, right before names in apposition, say what they are
/// ("the private schools X and Y", "the bands X, Y and Z").
fn is_org_plural_head(w: &str) -> bool {
    is_org_plural(w)
        || [
            "associations",
            "bands",
            "charities",
            "clubs",
            "colleges",
            "magazines",
            "parties",
            "publications",
            "publishers",
            "schools",
            "societies",
            "studios",
            "teams",
            "universities",
        ]
        .iter()
        .any(|x| words::is(w, x))
}

/// Plural nouns for places that, right before names in apposition, say what they are ("the
/// islands X and Y", "the villages X, Y and Z").
fn is_place_plural(w: &str) -> bool {
    [
        "cities",
        "districts",
        "islands",
        "municipalities",
        "provinces",
        "regions",
        "towns",
        "villages",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Whether token `k`, right after a name in an apposition list, may end the name's phrase:
/// punctuation (no possessive), a conjunction or a preposition, not a verb ("the firms Jones
/// owned").
fn apposition_end(ctx: &Ctx<'_>, k: usize, unit: u32) -> bool {
    let w = ctx.s(k);
    ctx.unit(k) != unit
        || !words::has_alnum(w) && !matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}")
        || [
            "and", "or", "but", "as", "by", "in", "at", "of", "on", "from", "near", "for", "to",
            "with", "were", "are", "which", "that", "where",
        ]
        .contains(&w)
}

/// The names listed after "companies such as" or "firms including" are organisations
/// ("websites such as X, Y and Z"): the tagger's other types for them give way, unless the
/// knowledge base knows them as places. Names in apposition right after a lower-case plural
/// noun for organisations ("the private schools X and Y") are organisations too, and after
/// one for places ("the islands X and Y") places; there only weak types give way.
fn list_orgs(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    // (first token, end token, type, whether any type but a place's gives way)
    let mut items: Vec<(usize, usize, EntityType, bool)> = Vec::new();
    for i in 1..ctx.toks.len() {
        let w = ctx.s(i);
        let unit = ctx.unit(i);
        if unit == NO_UNIT {
            continue;
        }
        let (j, ty, firm) = if words::is(w, "such") && words::is(ctx.s(i + 1), "as") {
            (i + 2, EntityType::Org, true)
        } else if words::is(w, "including") {
            (i + 1, EntityType::Org, true)
        } else if w.len() > 4
            && w.ends_with('s')
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && ctx.unit(i + 1) == unit
            && cap_word(ctx, i + 1)
            && !ctx.opens_unit(i + 1)
        {
            // An apposition: "the (private) schools X", after a determiner or a modifier.
            let prev = ctx.s(i - 1);
            let lead = ctx.unit(i - 1) == unit
                && (words::is_determiner(prev) || prev.starts_with(|c: char| c.is_lowercase()));
            if !lead {
                continue;
            }
            if is_org_plural_head(w) {
                (i + 1, EntityType::Org, false)
            } else if is_place_plural(w) {
                (i + 1, EntityType::Gpe, false)
            } else {
                continue;
            }
        } else {
            continue;
        };
        if firm && (ctx.unit(i - 1) != unit || !is_org_plural_head(ctx.s(i - 1))) {
            continue;
        }
        let mut j = j;
        let first = items.len();
        for _ in 0..12 {
            let mut k = j;
            while k < j + 5 && ctx.unit(k) == unit && cap_word(ctx, k) {
                k += 1;
            }
            if k == j {
                break;
            }
            items.push((j, k, ty, firm));
            let sep = ctx.s(k);
            if !firm && !apposition_end(ctx, k, unit) {
                // "the firms Jones owned": a relative clause, not an apposition.
                items.truncate(first);
                break;
            }
            if ctx.unit(k) != unit {
                break;
            }
            if sep == "," {
                j = k + 1;
                if matches!(ctx.s(j), "and" | "or") {
                    j += 1;
                }
            } else if matches!(sep, "and" | "or") {
                j = k + 1;
            } else {
                break;
            }
        }
    }
    for (a, b, ty, firm) in items {
        let mut seen = false;
        for c in out.iter_mut().filter(|c| c.t0 < b && a < c.t1) {
            seen = true;
            let place = c
                .kb
                .and_then(|id| ctx.kb.get(id))
                .is_some_and(|e| matches!(e.kind(), Kind::Country | Kind::Capital | Kind::Place));
            let gives_way = if ty == EntityType::Org {
                !place && (firm || !c.strong && c.kb.is_none())
            } else {
                !c.strong && c.kb.is_none()
            };
            if gives_way && !coarse_eq(c.ty, ty) {
                c.ty = ty;
                c.cued = true;
            }
        }
        let surface = ctx.slice(ctx.range(a, b));
        if !seen && !(b == a + 1 && (words::is_not_name(surface) || common_noun(ctx, surface))) {
            let label = if ty == EntityType::Org {
                Label::Org
            } else {
                Label::Loc
            };
            out.push(Cand::cued(ctx, a, b, ty, label));
        }
    }
}

/// Plural group names the tagger missed, acting as one ("the Varnis have launched").
fn add_plural_groups(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    for (i, s) in ctx.strs.iter().enumerate() {
        if covered.get(i).copied().unwrap_or(true)
            || ctx.unit(i) == NO_UNIT
            || !ctx.is_word(i)
            || !plural_group(ctx, s, i)
            || ctx.caps_unit(i)
            || words::is_not_name(s)
            || common_noun(ctx, s)
        {
            continue;
        }
        out.push(Cand::cued(ctx, i, i + 1, EntityType::Org, Label::Org));
    }
}

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
            strong: true,
            kb: Some(id),
            ..Cand::new(
                ByteSpan::ordered(start, start + name.len()),
                i,
                i + 1,
                ty,
                Source::Kb,
            )
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
                && ctx.demonym(w).is_none()
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

/// Whether token `j` ends a possessive: "’s", "'s", or a bare apostrophe after a plural
/// ("Farmers’").
fn possessive_at(ctx: &Ctx<'_>, j: usize) -> bool {
    let c = ctx.s(j);
    matches!(c, "’s" | "'s")
        || matches!(c, "’" | "'") && j > 0 && ctx.s(j - 1).ends_with('s') && ctx.is_word(j - 1)
}

/// Organisation names with a possessive inside: "Grain Growers’ Union", "Coastal
/// Transporters' Association", "the People’s Renewal Party". The word before the possessive
/// is a common noun written with a capital (a class of people: "Farmers", "People",
/// "Workers"), the words after it end in an organisation's head word; the capitalised words
/// before the possessor belong to the name too. A proper noun before the possessive ("Iran’s
/// Defence Ministry", "Kenya's Green Party") is the owner, not part of the name, and is left to
/// the other rules.
fn possessive_names(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for j in 1..ctx.toks.len() {
        if !possessive_at(ctx, j) {
            continue;
        }
        let p = j - 1;
        let unit = ctx.unit(p);
        if unit == NO_UNIT || ctx.unit(j + 1) != unit || !cap_word(ctx, p) {
            continue;
        }
        let possessor = ctx.s(p);
        // An organisation owning a body ("the Harbour Party's Senate"), a sentence's
        // first word ("Today's …") or a time ("Monday's") owns; it names nothing.
        if words::head_type(possessor).is_some()
            || ctx.opens_unit(p)
            || words::is_weekday(possessor)
            || is_month(possessor)
            || ["Today", "Yesterday", "Tomorrow", "Tonight"].contains(&possessor)
        {
            continue;
        }
        let plural = matches!(ctx.s(j), "’" | "'");
        let common = ctx.common_word(possessor);
        if !(common || plural && possessor.len() > 4) {
            continue;
        }
        if ctx.demonym(possessor).is_some() || kb_first(ctx, possessor).is_some() {
            continue;
        }
        // After: one to three capitalised words ending in an organisation head word.
        let mut e = j + 1;
        while e < j + 4 && ctx.unit(e) == unit && cap_word(ctx, e) {
            e += 1;
        }
        let Some(end) = (j + 2..=e)
            .rev()
            .find(|&x| words::head_type(ctx.s(x - 1)) == Some(EntityType::Org))
        else {
            continue;
        };
        // Before: the capitalised words of the name, not a person's.
        let mut a = p;
        while a > 0
            && a > p.saturating_sub(4)
            && ctx.unit(a - 1) == unit
            && cap_word(ctx, a - 1)
            && !(ctx.opens_unit(a - 1) && ctx.common_word(ctx.s(a - 1)))
        {
            a -= 1;
        }
        // "the United States' National …": a place owns what follows.
        if raws
            .iter()
            .any(|r| r.label == Label::Per && r.t0 < end && a < r.t1 && r.t1 - r.t0 >= 2)
            || kb_first(ctx, ctx.slice(ctx.range(a, j))).is_some()
            || (a..j).any(|x| ctx.demonym(ctx.s(x)).is_some())
        {
            continue;
        }
        found.push((a, end));
    }
    if found.is_empty() {
        return;
    }
    raws.retain(|r| {
        !found
            .iter()
            .any(|&(a, b)| r.t0 < b && a < r.t1 && r.t0 >= a && r.t1 <= b)
    });
    for (a, b) in found {
        raws.push(Raw {
            span: ctx.range(a, b),
            t0: a,
            t1: b,
            label: Label::Org,
            forced: Some(EntityType::Org),
            owner: None,
        });
    }
    merge_overlaps(raws);
}

/// Prepositions that may open a sentence before a name ("Outside Parliament, …"): no part of
/// the name.
fn is_opening_preposition(w: &str) -> bool {
    [
        "Outside",
        "Inside",
        "Near",
        "Across",
        "Behind",
        "Beside",
        "Amid",
        "Despite",
        "Throughout",
        "Toward",
        "Towards",
        "Along",
        "Beyond",
        "Opposite",
        "Unlike",
    ]
    .contains(&w)
}

/// A name opening its sentence with a preposition ("Outside Parliament") loses it.
fn cut_opening_prepositions(ctx: &Ctx<'_>, raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        if r.t1 >= r.t0 + 2 && ctx.opens_unit(r.t0) && is_opening_preposition(ctx.s(r.t0)) {
            r.t0 += 1;
            r.span = ByteSpan::ordered(ctx.span(r.t0).start().max(r.span.start()), r.span.end());
        }
    }
}

/// A person's name the tagger cut to a hyphenated surname ("Minister Hope Adu-Mensah" →
/// "Adu-Mensah") takes back the capitalised word before it when that word is a known given
/// name or follows a title: given names may be common words ("Patience", "Blessing").
fn given_names(ctx: &Ctx<'_>, raws: &mut [Raw]) {
    for k in 0..raws.len() {
        let Some(r) = raws.get(k).copied() else {
            continue;
        };
        if r.label != Label::Per || r.t1 != r.t0 + 1 || r.t0 == 0 || !ctx.s(r.t0).contains('-') {
            continue;
        }
        let g = r.t0 - 1;
        let unit = ctx.unit(r.t0);
        if ctx.unit(g) != unit || !cap_word(ctx, g) {
            continue;
        }
        let prev_end = k
            .checked_sub(1)
            .and_then(|p| raws.get(p))
            .map_or(0, |p| p.t1);
        if prev_end > g {
            continue;
        }
        let w = ctx.s(g);
        if is_title(w)
            || words::is_role_noun(w)
            || words::is_title_modifier(w)
            || ctx.demonym(w).is_some()
            || kb_first(ctx, w).is_some_and(|(_, k, _)| k != Kind::Person)
        {
            continue;
        }
        let after_title = g > 0
            && ctx.unit(g - 1) == unit
            && words::capitalised(ctx.s(g - 1))
            && (is_title(ctx.s(g - 1)) || words::is_role_noun(ctx.s(g - 1)));
        if !(after_title || ctx.gaz.is_first_name(w)) {
            continue;
        }
        if let Some(x) = raws.get_mut(k) {
            x.t0 = g;
            x.span = ctx.span(g).cover(x.span);
        }
    }
}

/// Lower-case nouns that, right after a capitalised run, say the run names a party, a movement
/// or an armed or criminal group ("the liberal Civic Dawn party", "the Order and Law
/// movement", "the Red Kite hacker group").
fn is_party_noun(w: &str) -> bool {
    [
        "party",
        "movement",
        "militia",
        "faction",
        "bloc",
        "alliance",
        "coalition",
        "group",
        "gang",
        "cartel",
    ]
    .contains(&w)
}

/// Lower-case words between a group's name and its noun ("the X hacker group").
fn is_party_modifier(w: &str) -> bool {
    [
        "hacker",
        "hacking",
        "rebel",
        "militant",
        "armed",
        "separatist",
        "extremist",
        "jihadist",
        "criminal",
        "opposition",
        "political",
        "protest",
        "youth",
        "student",
        "activist",
        "ransomware",
        "paramilitary",
    ]
    .contains(&w)
}

/// Plural nouns of party members that name a party with a modifier before them ("the Neo
/// Democrats", "the Young Greens").
fn is_party_plural(w: &str) -> bool {
    [
        "Democrats",
        "Republicans",
        "Socialists",
        "Liberals",
        "Conservatives",
        "Greens",
        "Communists",
        "Nationalists",
        "Progressives",
        "Libertarians",
        "Unionists",
        "Radicals",
        "Independents",
    ]
    .contains(&w)
}

/// "the" (or "of the") + one or two capitalised modifiers + a plural noun of party members is
/// one party's name, an organisation ("Lin of the Forward Democrats", "the Young Greens"). A
/// modifier that is a demonym, a place, a religion's or a creed's word, a title or a known name
/// leaves the run alone ("the Swedish Democrats", "the Liberal Democrats" as the tagger has it).
fn plural_parties(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for b in 2..ctx.toks.len() {
        let w = ctx.s(b);
        if !w.ends_with('s') || !is_party_plural(w) || ctx.caps_unit(b) {
            continue;
        }
        let unit = ctx.unit(b);
        let mut a = b;
        while a + 2 > b && a > 0 && ctx.unit(a - 1) == unit && cap_word(ctx, a - 1) {
            a -= 1;
        }
        if a == b || a == 0 || ctx.unit(a - 1) != unit || !words::is(ctx.s(a - 1), "the") {
            continue;
        }
        let bad = (a..b).any(|x| {
            let w = ctx.s(x);
            ctx.demonym(w).is_some()
                || words::is_norp_word(w)
                || is_title(w)
                || words::is_role_noun(w)
                || is_compass(w)
                || is_creed_word(w)
                || kb_first(ctx, w).is_some()
        });
        if bad
            || kb_first(ctx, ctx.slice(ctx.range(a, b + 1))).is_some()
            || raws
                .iter()
                .any(|r| r.t0 <= b && a < r.t1 && (r.t0 < a || r.t1 > b + 1))
        {
            continue;
        }
        found.push((a, b + 1));
    }
    replace_with_orgs(ctx, raws, &found);
}

/// Adjectives of political creed, that before a plural of party members describe them rather
/// than name a party ("Liberal", "Social", "Christian").
fn is_creed_word(w: &str) -> bool {
    [
        "christian",
        "conservative",
        "democratic",
        "green",
        "liberal",
        "national",
        "progressive",
        "radical",
        "republican",
        "social",
        "socialist",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// A capitalised run right before a lower-case party or group noun is that organisation's
/// name, with no head word of its own: "the nationalist Order and Law party" → "Order and
/// Law". Runs that are a demonym, a place, a person's full name or a known organisation's
/// alias are left alone ("the Kenyan party", "the Hamas movement").
fn party_names(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for b in 1..ctx.toks.len() {
        // "X, the opposition party,", "the X, the junior partner.": an apposition.
        let appos = ctx.s(b) == "," && party_apposition(ctx, b);
        if !appos {
            let mut noun = ctx.s(b);
            if is_party_modifier(noun) {
                noun = ctx.s(b + 1);
                if ctx.unit(b + 1) != ctx.unit(b) {
                    continue;
                }
            }
            if !is_party_noun(noun) {
                continue;
            }
        }
        let unit = ctx.unit(b);
        if unit == NO_UNIT || ctx.caps_unit(b) {
            continue;
        }
        let mut a = b;
        while a > 0 && a + 6 > b && ctx.unit(a - 1) == unit {
            if cap_word(ctx, a - 1) || arabic_article_word(ctx.s(a - 1)) {
                a -= 1;
            } else if a >= 2
                && a < b
                && matches!(ctx.s(a - 1), "and" | "of" | "for")
                && ctx.unit(a - 2) == unit
                && cap_word(ctx, a - 2)
            {
                a -= 2;
            } else {
                break;
            }
        }
        if a == b || !cap_word(ctx, a) {
            continue;
        }
        // "Opposition party leaders …": one common word opening the sentence; "the Olympic
        // movement", "the Marxist group": one adjective.
        if b == a + 1
            && (ctx.opens_unit(a) && ctx.common_word(ctx.s(a))
                || ["ic", "ist", "ism"].iter().any(|x| ctx.s(a).ends_with(x)))
        {
            continue;
        }
        let surface = ctx.slice(ctx.range(a, b));
        if (a..b).any(|x| {
            let w = ctx.s(x);
            ctx.demonym(w).is_some()
                || words::is_norp_word(w)
                || is_title(w)
                || words::is_role_noun(w)
        }) || words::head_type(ctx.s(b - 1)).is_some()
            || kb_first(ctx, surface).is_some()
            || (a..b).all(|x| !ctx.is_word(x) || kb_first(ctx, ctx.s(x)).is_some())
        {
            continue;
        }
        // "the Moscow-led alliance": an affiliation, not a name.
        let derived = (a..b).any(|x| {
            ctx.s(x)
                .split_once('-')
                .is_some_and(|(_, rest)| rest.starts_with(|ch: char| ch.is_lowercase()))
        });
        if derived
            || raws.iter().any(|r| {
                r.t0 < b
                    && a < r.t1
                    && (r.t1 > b || r.t0 < a || !appos && r.label == Label::Per && r.t1 - r.t0 >= 2)
            })
        {
            continue;
        }
        found.push((a, b));
    }
    replace_with_orgs(ctx, raws, &found);
}

/// Whether the comma at `b` opens an apposition naming a party ("…, the opposition party,",
/// "…, a far-right party.", "…, the junior partner."): a determiner, up to three lower-case
/// words ending in a party noun, then punctuation.
fn party_apposition(ctx: &Ctx<'_>, b: usize) -> bool {
    let unit = ctx.unit(b);
    let mut j = b + 1;
    if ["the", "a", "an"].contains(&ctx.s(j)) {
        j += 1;
    }
    for k in j..j + 4 {
        let w = ctx.s(k);
        if ctx.unit(k) != unit || !ctx.is_word(k) || !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        if is_party_noun(w) || w == "partner" {
            return (ctx.unit(k + 1) != unit || !ctx.is_word(k + 1))
                && !matches!(ctx.s(k + 1), "'s" | "’s" | "'" | "’");
        }
        if w == "of" {
            return false;
        }
    }
    false
}

/// A named military or police operation ("Operation Sea Warden") is the force that carries
/// it out, an organisation, whatever the tagger made of its words.
fn operation_names(ctx: &Ctx<'_>, raws: &mut Vec<Raw>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for i in 0..ctx.toks.len() {
        if ctx.s(i) != "Operation" || ctx.caps_unit(i) {
            continue;
        }
        let unit = ctx.unit(i);
        let mut e = i + 1;
        while e < i + 4 && ctx.unit(e) == unit && cap_word(ctx, e) {
            e += 1;
        }
        if e == i + 1 || unit == NO_UNIT {
            continue;
        }
        // A force's operation: owned ("the alliance’s Operation X") or in a sentence about
        // armed or police forces, not a campaign's or a website's name.
        let owned = i > 0 && matches!(ctx.s(i - 1), "’s" | "'s");
        let security = ctx
            .units
            .get(unit as usize)
            .is_some_and(|u| (u.t0..u.t1).any(|x| is_security_word(ctx.s(x))));
        if owned || security {
            found.push((i, e));
        }
    }
    replace_with_orgs(ctx, raws, &found);
}

/// Whether `w` names a compass point or a side ("Western", "North").
fn is_compass(w: &str) -> bool {
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Whether `w` is an ordinal ("Third", "3rd", "101st").
fn is_ordinal(w: &str) -> bool {
    let ordinal_word = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ]
    .iter()
    .any(|x| words::is(w, x));
    let numbered = w.len() >= 3
        && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|x| w.ends_with(x));
    ordinal_word || numbered
}

/// The type of a "… Division": an army's numbered division is a unit (ORG), a compass
/// division ("the Northern Division") a region of a country (LOC).
fn division_type(ctx: &Ctx<'_>, t0: usize, t1: usize) -> Option<EntityType> {
    if t1 < t0 + 2 || !words::is(ctx.s(t1 - 1), "division") {
        return None;
    }
    let before = ctx.s(t1 - 2);
    if is_ordinal(before) {
        Some(EntityType::Org)
    } else if is_compass(before) && t1 == t0 + 2 {
        Some(EntityType::Loc)
    } else {
        None
    }
}

/// Whether the one-word name `w` is shaped like a European or international agency's
/// ("Eurojust", "Interpol", "Eurostat", "Rosstat"): a place is not so named.
fn agency_word(w: &str) -> bool {
    if w.len() < 6 || !words::capitalised(w) || words::all_caps(w) {
        return false;
    }
    let prefixed = (w.starts_with("Euro") || w.starts_with("Inter"))
        && ["pol", "just", "stat", "control", "group", "fisc"]
            .iter()
            .any(|x| w.ends_with(x));
    prefixed || w.ends_with("stat") && !w.ends_with("tstat")
}

/// Names of diseases and their agents: general vocabulary, no scored type.
fn is_disease(w: &str) -> bool {
    [
        "ebola",
        "cholera",
        "mpox",
        "monkeypox",
        "zika",
        "dengue",
        "malaria",
        "measles",
        "polio",
        "covid",
        "covid-19",
        "sars",
        "sars-cov-2",
        "mers",
        "anthrax",
        "nipah",
        "hantavirus",
        "chikungunya",
        "tuberculosis",
        "typhoid",
        "diphtheria",
        "influenza",
        "smallpox",
        "rabies",
        "leprosy",
        "coronavirus",
        "hiv",
        "aids",
        "h5n1",
        "h1n1",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Nouns that, right after a name, make it a disease's or a pathogen's ("the X virus").
fn is_disease_noun(w: &str) -> bool {
    ["virus", "fever", "disease"].contains(&w)
}

/// Diseases are no entities of a scored type: a name in the disease vocabulary, or one the
/// text once puts before "virus", "fever" or "disease" ("the Kavo virus"), is dropped
/// everywhere in the article.
fn drop_diseases(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    let mut names: Vec<&str> = Vec::new();
    for c in cands.iter() {
        let unit = ctx.unit(c.t0);
        let country =
            c.kb.and_then(|id| ctx.kb.get(id))
                .is_some_and(|e| e.kind() == Kind::Country);
        if country {
            continue;
        }
        if ctx.unit(c.t1) == unit && is_disease_noun(ctx.s(c.t1)) {
            names.push(ctx.slice(c.span));
        }
    }
    cands.retain(|c| {
        let surface = ctx.slice(c.span);
        !(c.t1 == c.t0 + 1 && is_disease(surface) || names.contains(&surface))
    });
}

/// Nouns that, before "of"/"in", name an academic post or degree in a field ("Professor of X",
/// "a degree in X", "a PhD in X").
fn is_field_post(w: &str) -> bool {
    [
        "professor",
        "professors",
        "professorship",
        "lecturer",
        "lecturers",
        "lectureship",
        "instructor",
        "degree",
        "degrees",
        "doctorate",
        "phd",
        "ph.d",
        "ph.d.",
        "master's",
        "masters",
        "bachelor's",
        "bachelors",
        "diploma",
        "major",
        "majors",
        "bsc",
        "msc",
        "mphil",
        "dphil",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Words that, right before a capitalised run ending in a field of study, say it names the
/// field ("studied Comparative Literature", "teaches Marine Ecology", "chair in X").
fn is_field_verb(w: &str) -> bool {
    [
        "chair",
        "head",
        "majored",
        "majoring",
        "researches",
        "specialised",
        "specialises",
        "specialising",
        "specialized",
        "specializes",
        "specializing",
        "studied",
        "studies",
        "study",
        "studying",
        "taught",
        "teach",
        "teaches",
        "teaching",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Whether the capitalised run before the name at `t0` (names of fields joined by "and", ",",
/// "&" or "/") opens right after a field cue: a post or degree and "of"/"in", or a verb of
/// studying or teaching (then `headed`, the name ending in a field's noun, is required).
fn field_cue(ctx: &Ctx<'_>, t0: usize, headed: bool) -> bool {
    let unit = ctx.unit(t0);
    let mut j = t0;
    let mut steps = 0;
    loop {
        if j == 0 || ctx.unit(j - 1) != unit || steps > 12 {
            return false;
        }
        let p = ctx.s(j - 1);
        let pp = if j >= 2 && ctx.unit(j - 2) == unit {
            ctx.s(j - 2)
        } else {
            ""
        };
        if (p == "of" || p == "in") && is_field_post(pp) {
            return true;
        }
        if headed && (is_field_verb(p) || p == "in" && is_field_verb(pp)) && !words::capitalised(p)
        {
            return true;
        }
        if !(cap_word(ctx, j - 1) || matches!(p, "and" | "," | "&" | "/")) {
            return false;
        }
        j -= 1;
        steps += 1;
    }
}

/// Fields of study are no entities: a capitalised run the knowledge base does not know after
/// an academic post or degree ("Assistant Professor of Marine Ecology", "a PhD in Public
/// Policy"), or ending in a field's noun after a verb of studying or teaching ("studied
/// Comparative Literature", "chair in Sport Science"), with the fields coordinated with it.
/// Bodies named for a field ("the Department of X", "X School") and persons opening with a
/// given name are kept.
fn drop_fields(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    cands.retain(|c| {
        if c.t0 == 0 || !words::capitalised(ctx.s(c.t0)) {
            return true;
        }
        let last = ctx.s(c.t1 - 1);
        // After a comma, only inside a list that goes on ("X, Y and Z").
        let p = ctx.s(c.t0 - 1);
        if p == "," && !matches!(ctx.s(c.t1), "," | "and" | "&" | "/") {
            return true;
        }
        if !field_cue(ctx, c.t0, words::is_field_noun(last)) {
            return true;
        }
        // A body's or a place's head word anywhere ("Institute of Media Studies"), unless it
        // is a field's noun too ("… Studies").
        let body = (c.t0..c.t1).any(|j| {
            let w = ctx.s(j);
            words::head_type(w).is_some() && !words::is_field_noun(w) || words::is_org_opener(w)
        });
        if body || c.ty == EntityType::Person && ctx.gaz.is_first_name(ctx.s(c.t0)) {
            return true;
        }
        kb_first(ctx, ctx.slice(c.span)).is_some_and(|(_, k, _)| {
            matches!(
                k,
                Kind::Country | Kind::Capital | Kind::Place | Kind::Person
            )
        })
    });
}

/// Words of armed and police forces and their craft ("troops", "naval", "frigate").
fn is_security_word(w: &str) -> bool {
    [
        "army",
        "navy",
        "naval",
        "military",
        "troops",
        "soldiers",
        "forces",
        "frigate",
        "warship",
        "warships",
        "destroyer",
        "peacekeepers",
        "peacekeeping",
        "police",
        "airstrikes",
        "offensive",
        "militants",
        "rebels",
        "coalition",
        "maritime",
        "patrol",
        "patrols",
        "deployed",
    ]
    .contains(&w)
}

/// Whether `w` is an adjective of a continent or a world region ("Asian", "Caribbean").
fn is_region_adjective(w: &str) -> bool {
    [
        "Asian",
        "African",
        "European",
        "American",
        "Arab",
        "Arabian",
        "Caribbean",
        "Scandinavian",
        "Balkan",
        "Nordic",
        "Mediterranean",
        "Eurasian",
        "Oceanian",
    ]
    .contains(&w)
}

/// "the Central Asian state", "East African nations": a region's adjective before a noun
/// for a country describes the country; it names no place (or person) of its own.
fn drop_region_adjectives(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    cands.retain(|c| {
        if c.kb.is_some() || !matches!(c.ty, EntityType::Gpe | EntityType::Loc | EntityType::Person)
        {
            return true;
        }
        let last = ctx.s(c.t1.saturating_sub(1));
        let next = ctx.s(c.t1);
        !(is_region_adjective(last)
            && ctx.unit(c.t1) == ctx.unit(c.t0)
            && [
                "country",
                "countries",
                "nation",
                "nations",
                "state",
                "states",
            ]
            .contains(&next))
    });
}

/// Whether `w` names a month.
fn is_month(w: &str) -> bool {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    .contains(&w)
}

/// An organisation's name of a brand and a common word ("the charity Sea Lantern Rescue", "the
/// group Harbour Watch"): after a lower-case noun for an organisation, a name the tagger cut
/// before a capitalised common word takes it in, and so does every other mention of the name
/// followed by the same word.
fn brand_tails(ctx: &Ctx<'_>, raws: &mut [Raw]) {
    let tail = |raws: &[Raw], k: usize| -> Option<usize> {
        let r = raws.get(k)?;
        let j = r.t1;
        let w = ctx.s(j);
        let starts = raws.get(k + 1).is_some_and(|n| n.t0 == j);
        let ok = r.label == Label::Org
            && !starts
            && ctx.unit(j) == ctx.unit(r.t0)
            && cap_word(ctx, j)
            && ctx.common_word(w)
            && words::head_type(w).is_none()
            && !words::is_weekday(w)
            && !is_month(w)
            && !is_title(w)
            && !(ctx.unit(j + 1) == ctx.unit(j) && cap_word(ctx, j + 1));
        ok.then_some(j)
    };
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for k in 0..raws.len() {
        let Some(r) = raws.get(k).copied() else {
            continue;
        };
        let Some(j) = tail(raws, k) else { continue };
        let before = if r.t0 > 0 && ctx.unit(r.t0 - 1) == ctx.unit(r.t0) {
            ctx.s(r.t0 - 1)
        } else {
            ""
        };
        let cue = !words::capitalised(before)
            && (is_org_cue(before) || words::is_org_noun(before) || is_named_org_noun(before));
        if cue {
            pairs.push((ctx.slice(r.span), ctx.s(j)));
        }
    }
    if pairs.is_empty() {
        return;
    }
    for k in 0..raws.len() {
        let Some(j) = tail(raws, k) else { continue };
        let Some(r) = raws.get_mut(k) else { continue };
        let text = ctx.slice(r.span);
        if pairs.iter().any(|&(a, b)| a == text && b == ctx.s(j)) {
            r.t1 = j + 1;
            r.span = r.span.cover(ctx.span(j));
        }
    }
}

/// Capitalised head words of an organisation's organ ("Commission", "Secretariat").
fn is_body_head(w: &str) -> bool {
    [
        "Commission",
        "Secretariat",
        "Council",
        "Assembly",
        "Parliament",
        "Tribunal",
        "Directorate",
    ]
    .contains(&w)
}

/// An organisation's name right before a capitalised organ noun ("the Andean Union
/// Commission", "the Andean Secretariat's spokesman X") names that organ, another organisation: the
/// name takes the noun in, and no longer stands for the parent's knowledge base entry.
fn join_body_heads(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    for k in 0..cands.len() {
        let Some(c) = cands.get(k) else { continue };
        let j = c.t1;
        if c.ty != EntityType::Org
            || !is_body_head(ctx.s(j))
            || ctx.unit(j) != ctx.unit(c.t0)
            || ctx.caps_unit(j)
            || cands.get(k + 1).is_some_and(|n| n.t0 <= j)
            || ctx.span(j).start() != ctx.span(j - 1).end() + 1
        {
            continue;
        }
        // Followed by a title, a role noun or no capitalised word: not the start of a longer
        // name ("the X Council Building").
        let next = ctx.s(j + 1);
        let ok = ctx.unit(j + 1) != ctx.unit(j)
            || !words::capitalised(next)
            || is_title(next)
            || words::is_role_noun(next);
        if !ok {
            continue;
        }
        if let Some(c) = cands.get_mut(k) {
            c.t1 = j + 1;
            c.span = c.span.cover(ctx.span(j));
            c.kb = None;
            c.strong = true;
        }
    }
}

/// Whether `w` is a name word with a lower-case Arabic article ("al-Nur", "el-Din"), which
/// continues a capitalised name ("Ansar al-Nur").
fn arabic_article_word(w: &str) -> bool {
    [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "an-", "az-",
    ]
    .iter()
    .any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
    })
}

/// Puts an organisation over each token range `[a, b)` of `found`, in place of the names it
/// overlaps, and keeps `raws` in text order.
fn replace_with_orgs(ctx: &Ctx<'_>, raws: &mut Vec<Raw>, found: &[(usize, usize)]) {
    if found.is_empty() {
        return;
    }
    raws.retain(|r| !found.iter().any(|&(a, b)| r.t0 < b && a < r.t1));
    for &(a, b) in found {
        raws.push(Raw {
            span: ctx.range(a, b),
            t0: a,
            t1: b,
            label: Label::Org,
            forced: Some(EntityType::Org),
            owner: None,
        });
    }
    raws.sort_by_key(|r| (r.t0, r.t1));
}
