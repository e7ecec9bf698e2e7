//! Coreference within the article: names into entities, then demonyms, collective actors,
//! descriptions and pronouns onto them.
//!
//! The passes, in order:
//!
//! 1. **Names.** A name joins the entity of an earlier name with the same knowledge base entry
//!    ("U.S." and "United States"), else with the same normalised text; otherwise it starts an
//!    entity. Then entities merge: a person named in part ("Okafor", "Abu Zeid") joins the one
//!    person whose longer name ends (or, for a lone first name, starts) with those words, the
//!    nearest earlier one when several do; an acronym ("IAEA", also in brackets after the
//!    name) joins the one name of the same initials; an organisation's short name joins the
//!    longer name it opens when that ends in a word such as "Corp." or "Front".
//! 2. **Demonyms.** A capitalised demonym ("Iranian", "Israelis") is a `demonym` mention of its
//!    country, which becomes an entity if the text does not name it (for a weapon or measure,
//!    "American sanctions", only when it opens the clause). A demonym the knowledge base lacks
//!    is recognised by its form when the text names the place: the place name, less a final
//!    vowel or two, with a demonym suffix ("Sudria" → "Sudrian", "Norland" → "Norlandic").
//! 3. **Collective actors.** A plural agent noun ("militias", "troops", "protesters", from the
//!    knowledge base's agent list and a few more) with its modifiers ("Iran-backed militias",
//!    "US forces", "Israeli troops") is a GROUP entity, affiliated with the names and demonyms
//!    among its modifiers; the same words again, or the bare noun with "the" within a few
//!    sentences, are the same group. A people named before the noun ("Kurdish militants") is an
//!    affiliation too. A force noun with its owner ("the Sudrian army") is a group; a bare one
//!    ("police", "the army") is the group of that noun just mentioned, else the one
//!    organisation named before whose name holds the noun ("the Norland Police Service").
//! 4. **Descriptions.** An apposition after a person's name ("X, the foreign minister,") is a
//!    `nominal` mention and a title. A definite description ("the foreign minister", "the
//!    supreme leader", "the minister") joins the one person mentioned before whose titles hold
//!    all its words; one with an owner ("Iran's supreme leader", "the head of Hamas") joins the
//!    one person affiliated with that owner, by the text or the knowledge base, even if named
//!    later; "the Palestinian group", "the company", "the group" join the most recent fitting
//!    organisation. A noun for a kind of organisation ("the charity", "the regulator", "the
//!    bloc") joins the one organisation named before whose head word fits the kind ("… Fund",
//!    "… Authority", "… Alliance"); other lower-case words before the noun must be in that
//!    name ("the health workers' union"). "The group's second-in-command" joins the one person
//!    whose title holds its words, and "her Sudrian counterpart" the one person affiliated with
//!    the demonym's place. Anything less clear is left out.
//! 5. **Pronouns.** he/she/his/her join the one compatible person (gender from titles, when
//!    known) mentioned earlier in the sentence, else in the sentence before (or, when several
//!    are there, its subject when the pronoun is a subject too); it/its join the one
//!    organisation or place in the same window, they/their the one group or organisation. An
//!    ambiguous pronoun stays unresolved, and so does one with a nearer plural noun phrase no
//!    entity took ("officials", "the two neighbours") between it and the candidate.
//!
//! Every look-back is bounded (a few sentences, a few dozen mentions), so the pass is linear in
//! the length of the article.

use std::collections::HashMap;

use newsgraph_doc::{ByteSpan, Entity, EntityId, EntityType, KbLink, Mention, MentionKind};
use newsgraph_kb::{normalize_into, EntryId, Kind};

use crate::names::{is_place, kb_type, Cand, Ctx, Owner, Source, NO_UNIT};
use crate::words::{self, Pronoun};
use newsgraph_ner::rules::is_title;

/// How many units back a description or pronoun may look for its antecedent.
const LOOKBACK_UNITS: u32 = 3;
/// The most mentions examined when looking back.
const LOOKBACK_MENTIONS: usize = 64;

/// One entity while it is being built.
#[derive(Clone, Debug)]
struct Ent {
    strong: Option<EntityType>,
    votes: [u16; 7],
    kb: Option<EntryId>,
    mentions: Vec<Mention>,
    /// The candidate with the most tokens (its longest name).
    best: Option<usize>,
    titles: Vec<ByteSpan>,
    affil: Vec<usize>,
    parent: Option<usize>,
    gender: Option<Pronoun>,
    /// For a GROUP: its head noun's token.
    head: Option<usize>,
    /// A name with its owner ("Peru’s Defence Ministry").
    full_name: Option<ByteSpan>,
}

impl Ent {
    fn new() -> Self {
        Self {
            strong: None,
            votes: [0; 7],
            kb: None,
            mentions: Vec::new(),
            best: None,
            titles: Vec::new(),
            affil: Vec::new(),
            parent: None,
            gender: None,
            head: None,
            full_name: None,
        }
    }

    fn ty(&self) -> EntityType {
        if let Some(t) = self.strong {
            return t;
        }
        let mut best = (0u16, EntityType::Org);
        for (i, &v) in self.votes.iter().enumerate() {
            if v > best.0 {
                best = (v, TYPES[i]);
            }
        }
        best.1
    }
}

const TYPES: [EntityType; 7] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Loc,
    EntityType::Fac,
    EntityType::Norp,
    EntityType::Group,
];

fn type_index(t: EntityType) -> usize {
    TYPES.iter().position(|x| *x == t).unwrap_or(1)
}

/// Coarse type: places are one.
fn coarse(t: EntityType) -> u8 {
    match t {
        EntityType::Person => 0,
        EntityType::Org => 1,
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => 2,
        EntityType::Norp => 3,
        EntityType::Group => 4,
    }
}

/// One reference for look-back: a name or description mention, in text order.
#[derive(Clone, Copy, Debug)]
struct Ref {
    tok: usize,
    unit: u32,
    ent: usize,
    /// Whether it opens its unit (a sentence subject, roughly).
    subject: bool,
}

/// The coreference pass over one document.
pub(crate) struct Resolver<'c, 'a> {
    ctx: &'c Ctx<'a>,
    cands: &'c [Cand],
    ents: Vec<Ent>,
    ent_of_cand: Vec<usize>,
    by_kb: HashMap<EntryId, usize>,
    /// Tokens inside a name (not NORP).
    in_name: Vec<bool>,
    /// Tokens already used by a mention of any kind.
    used: Vec<bool>,
    key: String,
    /// One-word place names of the text (a candidate each, distinct surfaces), for the
    /// demonyms derived from them ("Sudrian" for a country named "Sudria").
    places: Vec<usize>,
}

impl<'c, 'a> Resolver<'c, 'a> {
    pub(crate) fn new(ctx: &'c Ctx<'a>, cands: &'c [Cand]) -> Self {
        let mut places: Vec<usize> = Vec::new();
        for (ci, c) in cands.iter().enumerate() {
            if c.ty != EntityType::Gpe || c.t1 != c.t0 + 1 || places.len() >= 32 {
                continue;
            }
            let surface = ctx.slice(c.span);
            if words::capitalised(surface)
                && !words::all_caps(surface)
                && !places
                    .iter()
                    .any(|&p| cands.get(p).is_some_and(|o| ctx.slice(o.span) == surface))
            {
                places.push(ci);
            }
        }
        let derived = |c: &Cand| {
            c.t1 == c.t0 + 1
                && !is_place(c.ty)
                && places.iter().any(|&p| {
                    cands
                        .get(p)
                        .is_some_and(|o| derived_from(ctx.slice(c.span), ctx.slice(o.span)))
                })
        };
        let mut in_name = vec![false; ctx.toks.len()];
        for c in cands {
            if c.ty != EntityType::Norp && !derived(c) {
                for x in in_name.get_mut(c.t0..c.t1).unwrap_or(&mut []) {
                    *x = true;
                }
            }
        }
        let used = in_name.clone();
        Self {
            ctx,
            cands,
            ents: Vec::new(),
            ent_of_cand: vec![usize::MAX; cands.len()],
            by_kb: HashMap::new(),
            in_name,
            used,
            key: String::new(),
            places,
        }
    }

    /// The candidate of the place the text names whose demonym `w` is by its form
    /// ("Sudrian" → "Sudria", "Norlandic" → "Norland"), when the knowledge base has none.
    fn derived_place(&self, w: &str) -> Option<usize> {
        if w.len() < 5 || !words::capitalised(w) || words::all_caps(w) {
            return None;
        }
        self.places.iter().copied().find(|&ci| {
            self.cands
                .get(ci)
                .is_some_and(|c| derived_from(w, self.ctx.slice(c.span)))
        })
    }

    /// The entity of the place whose derived demonym `w` is.
    fn derived_place_ent(&self, w: &str) -> Option<usize> {
        let ci = self.derived_place(w)?;
        let e = self
            .ent_of_cand
            .get(ci)
            .copied()
            .filter(|&e| e != usize::MAX)?;
        Some(self.root(e))
    }

    fn root(&self, mut e: usize) -> usize {
        let mut n = 0;
        while let Some(p) = self.ents.get(e).and_then(|x| x.parent) {
            e = p;
            n += 1;
            if n > self.ents.len() {
                break;
            }
        }
        e
    }

    fn ent(&self, e: usize) -> Option<&Ent> {
        self.ents.get(self.root(e))
    }

    fn add_mention(&mut self, e: usize, span: ByteSpan, kind: MentionKind) {
        let r = self.root(e);
        if let Some(x) = self.ents.get_mut(r) {
            x.mentions.push(Mention { span, kind });
        }
    }

    fn new_ent(&mut self) -> usize {
        self.ents.push(Ent::new());
        self.ents.len() - 1
    }

    fn cand_tokens(&self, ci: usize) -> usize {
        self.cands.get(ci).map_or(0, |c| c.t1.saturating_sub(c.t0))
    }

    fn attach_cand(&mut self, e: usize, ci: usize) {
        let Some(c) = self.cands.get(ci) else { return };
        if let Some(slot) = self.ent_of_cand.get_mut(ci) {
            *slot = e;
        }
        let n = c.t1.saturating_sub(c.t0);
        let best_n = self
            .ents
            .get(e)
            .and_then(|x| x.best)
            .map(|b| self.cand_tokens(b));
        let gender = c.title.and_then(|t| title_gender(self.ctx, t));
        // A demonym the knowledge base knows as such ("South Korean") is no name.
        let surface = self.ctx.slice(c.span);
        let kind = if words::capitalised(surface) && self.ctx.demonym(surface).is_some() {
            MentionKind::Demonym
        } else {
            MentionKind::Name
        };
        let Some(x) = self.ents.get_mut(e) else {
            return;
        };
        x.mentions.push(Mention { span: c.span, kind });
        if let Some(o) = c.owned_by.filter(|o| o.full != c.span) {
            x.mentions.push(Mention {
                span: o.full,
                kind: MentionKind::Nominal,
            });
            if x.full_name.is_none_or(|f| f.len() < o.full.len()) {
                x.full_name = Some(o.full);
            }
        }
        if c.strong && x.strong.is_none() {
            x.strong = Some(c.ty);
        }
        if let Some(v) = x.votes.get_mut(type_index(c.ty)) {
            *v += if c.cued { 3 } else { 1 };
        }
        if x.kb.is_none() {
            x.kb = c.kb;
        }
        if best_n.is_none_or(|b| n > b) {
            x.best = Some(ci);
        }
        if let Some(t) = c.title {
            x.titles.push(t);
        }
        if x.gender.is_none() {
            x.gender = gender;
        }
    }

    /// Merges entity `a` into `b` (both roots).
    fn merge(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a == b {
            return;
        }
        let Some(src) = self.ents.get_mut(a) else {
            return;
        };
        let mentions = std::mem::take(&mut src.mentions);
        let titles = std::mem::take(&mut src.titles);
        let affil = std::mem::take(&mut src.affil);
        let (strong, votes, kb, best, gender, full_name) = (
            src.strong,
            src.votes,
            src.kb,
            src.best,
            src.gender,
            src.full_name,
        );
        src.parent = Some(b);
        let best_n = best.map(|c| self.cand_tokens(c));
        let dst_best_n = self
            .ents
            .get(b)
            .and_then(|x| x.best)
            .map(|c| self.cand_tokens(c));
        let Some(dst) = self.ents.get_mut(b) else {
            return;
        };
        dst.mentions.extend(mentions);
        dst.titles.extend(titles);
        dst.affil.extend(affil);
        if dst.strong.is_none() {
            dst.strong = strong;
        }
        for (d, s) in dst.votes.iter_mut().zip(votes) {
            *d += s;
        }
        let dst_ty = dst.ty();
        if dst.kb.is_none() {
            let fits = kb
                .and_then(|id| self.ctx.kb.get(id))
                .is_some_and(|en| coarse(kb_type(en.kind(), en.ner())) == coarse(dst_ty));
            if fits {
                dst.kb = kb;
            }
        } else if dst
            .kb
            .and_then(|id| self.ctx.kb.get(id))
            .is_some_and(|en| coarse(kb_type(en.kind(), en.ner())) != coarse(dst_ty))
        {
            dst.kb = None;
        }
        if dst.gender.is_none() {
            dst.gender = gender;
        }
        if dst.full_name.is_none() {
            dst.full_name = full_name;
        }
        if best_n > dst_best_n {
            dst.best = best;
        }
    }

    /// Runs every pass and returns the entities, in order of first mention.
    pub(crate) fn run(mut self) -> Vec<Entity> {
        self.cluster_names();
        self.merge_partial_persons();
        self.merge_name_variants();
        self.merge_acronyms();
        self.merge_org_prefixes();
        self.merge_head_words();
        self.merge_tails();
        self.merge_compass_ellipses();
        self.merge_of_forms();
        self.merge_place_pairs();
        self.owners();
        self.place_descriptors();
        self.demonyms();
        self.groups();
        self.appositions();
        self.pre_appositions();
        self.descriptions();
        self.pronouns();
        self.finish()
    }

    // ---------------------------------------------------------------- names

    fn cluster_names(&mut self) {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for ci in 0..self.cands.len() {
            let Some(c) = self.cands.get(ci) else {
                continue;
            };
            if c.ty == EntityType::Norp && self.ctx.demonym(self.ctx.slice(c.span)).is_some() {
                continue; // a demonym: pass 2
            }
            // A demonym formed from a place the text names ("Sudrian"): pass 2.
            if c.t1 == c.t0 + 1
                && !is_place(c.ty)
                && self.derived_place(self.ctx.slice(c.span)).is_some()
            {
                continue;
            }
            // A demonym typed otherwise ("Thai and Lao officials" taken for places): a
            // mention of its country, not an entity of its own.
            if c.t1 == c.t0 + 1
                && c.kb.is_none_or(|k| {
                    self.ctx
                        .kb
                        .get(k)
                        .is_some_and(|e| e.kind() == Kind::Country)
                })
            {
                let surface = self.ctx.slice(c.span);
                if words::capitalised(surface) {
                    if let Some(id) = self.ctx.demonym(surface) {
                        let e = self.country_ent(id);
                        self.attach_cand(e, ci);
                        continue;
                    }
                }
            }
            match c.owned_by {
                Some(o) => {
                    normalize_into(self.ctx.slice(o.body), &mut self.key);
                    self.key.push_str(&format!("#{}", o.country.index()));
                }
                None => normalize_into(self.ctx.slice(c.span), &mut self.key),
            }
            if self.key.is_empty() {
                continue;
            }
            // An alias several entries share ("Congo") takes the one the text already names
            // ("Democratic Republic of Congo").
            let mut kb_id = c.kb;
            if let Some(id) = c.kb {
                if !self.by_kb.contains_key(&id) {
                    let first_kind = self
                        .ctx
                        .kb
                        .get(id)
                        .map(|e| coarse(kb_type(e.kind(), e.ner())));
                    let kb = self.ctx.kb;
                    let same_kind = |o: EntryId| {
                        kb.get(o).map(|e| coarse(kb_type(e.kind(), e.ner()))) == first_kind
                    };
                    for o in kb.lookup_cased(self.ctx.slice(c.span)).take(8) {
                        if o == id {
                            continue;
                        }
                        if self.by_kb.contains_key(&o) && same_kind(o) {
                            kb_id = Some(o);
                            break;
                        }
                        // A place of a country the text names, sharing the country's name.
                        let country = kb
                            .get(o)
                            .filter(|e| matches!(e.kind(), Kind::Place | Kind::Capital))
                            .and_then(|e| e.country());
                        if let Some(cn) = country.filter(|cn| self.by_kb.contains_key(cn)) {
                            if same_kind(cn) {
                                kb_id = Some(cn);
                                break;
                            }
                        }
                    }
                }
            }
            let mut target = kb_id.and_then(|id| self.by_kb.get(&id).copied());
            // "the Andean Union" and "the Andean Union Commission", which the knowledge base
            // may file under one entry: the body named by one head word more is another
            // organisation.
            let mut body = false;
            if let Some(t) = target {
                let other = self
                    .ent(t)
                    .and_then(|x| x.best)
                    .and_then(|b| self.cands.get(b));
                if let Some(o) = other {
                    body = self.body_of(c, o) || self.body_of(o, c);
                }
                if body {
                    target = None;
                    kb_id = None;
                }
            }
            if target.is_none() {
                if let Some(&e) = by_key.get(self.key.as_str()) {
                    let e = self.root(e);
                    let ok = self.ent(e).is_some_and(|x| {
                        let kb_ok = kb_id.is_none() || x.kb.is_none() || x.kb == kb_id;
                        let ty_ok = !c.strong
                            || x.strong.is_none()
                            || x.strong.is_some_and(|t| coarse(t) == coarse(c.ty));
                        kb_ok && ty_ok
                    });
                    if ok {
                        target = Some(e);
                    }
                }
            }
            let e = match target {
                Some(e) => self.root(e),
                None => self.new_ent(),
            };
            self.attach_cand(e, ci);
            if body {
                if let Some(x) = self.ents.get_mut(e) {
                    x.kb = None;
                }
            }
            if let Some(id) = kb_id {
                self.by_kb.entry(id).or_insert(e);
            }
            if !by_key.contains_key(self.key.as_str()) {
                by_key.insert(self.key.clone(), e);
            }
        }
    }

    /// Whether organisation name `long` is organisation name `short` and one capitalised
    /// head word more ("Andean Union" + "Commission").
    fn body_of(&self, long: &Cand, short: &Cand) -> bool {
        let ctx = self.ctx;
        let n = short.t1.saturating_sub(short.t0);
        long.ty == EntityType::Org
            && short.ty == EntityType::Org
            && n >= 1
            && long.t1.saturating_sub(long.t0) == n + 1
            && (0..n).all(|k| ctx.s(long.t0 + k) == ctx.s(short.t0 + k))
            && {
                let last = ctx.s(long.t1 - 1);
                words::capitalised(last) && words::head_type(last) == Some(EntityType::Org)
            }
    }

    /// Whether candidate `ci` opens with a first name the knowledge base knows ("Ada …").
    fn named_person(&self, ci: usize) -> bool {
        self.cands
            .get(ci)
            .is_some_and(|c| self.ctx.gaz.is_first_name(self.ctx.s(c.t0)))
    }

    /// The normalised words of candidate `ci`'s tokens (one string per token).
    fn cand_words(&self, ci: usize, out: &mut Vec<String>) {
        out.clear();
        let Some(c) = self.cands.get(ci) else { return };
        let mut buf = String::new();
        for t in c.t0..c.t1 {
            let s = self.ctx.s(t);
            // The part of the token inside the span (hyphen names).
            let ts = self.ctx.span(t);
            let part = if ts.start() < c.span.start() || ts.end() > c.span.end() {
                ByteSpan::ordered(ts.start().max(c.span.start()), ts.end().min(c.span.end()))
                    .get(self.ctx.text)
                    .unwrap_or(s)
            } else {
                s
            };
            normalize_into(part, &mut buf);
            if !buf.is_empty() {
                out.extend(buf.split(' ').map(str::to_owned));
            }
        }
    }

    fn merge_partial_persons(&mut self) {
        // Index persons of two words or more by their last and first words.
        let mut last: HashMap<String, Vec<usize>> = HashMap::new();
        let mut first: HashMap<String, Vec<usize>> = HashMap::new();
        // Inner words of names of three words or more ("Villca" in "Esteban Villca Torrico",
        // a first surname used alone; a given name after an honorific).
        let mut inner: HashMap<String, Vec<usize>> = HashMap::new();
        let mut w = Vec::new();
        let mut full: Vec<(usize, Vec<String>)> = Vec::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || x.ty() != EntityType::Person {
                continue;
            }
            let Some(b) = x.best else { continue };
            self.cand_words(b, &mut w);
            if w.len() >= 2 {
                if let (Some(l), Some(f)) = (w.last(), w.first()) {
                    last.entry(l.clone()).or_default().push(full.len());
                    first.entry(f.clone()).or_default().push(full.len());
                }
                for m in w.iter().take(w.len() - 1).skip(1) {
                    inner.entry(m.clone()).or_default().push(full.len());
                }
                full.push((e, w.clone()));
            }
        }
        if full.is_empty() {
            return;
        }
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() {
                continue;
            }
            let ty = x.ty();
            // Strong non-person types (countries, groups) stay.
            if x.strong.is_some_and(|t| t != EntityType::Person) || ty == EntityType::Norp {
                continue;
            }
            let Some(b) = x.best else { continue };
            self.cand_words(b, &mut w);
            let (Some(l), Some(f)) = (w.last(), w.first()) else {
                continue;
            };
            let first_pos = x.mentions.first().map_or(0, |m| m.span.start());
            let mut found: Vec<usize> = Vec::new();
            for &fi in last.get(l).into_iter().flatten().take(LOOKBACK_MENTIONS) {
                if let Some((fe, fw)) = full.get(fi) {
                    if *fe != e
                        && fw.len() > w.len()
                        && (fw.ends_with(&w)
                            || w.len() >= 2
                                && fw.first() == w.first()
                                && subsequence(&w, fw)
                                && same_initials(&w, fw)
                            // A middle given name used with the surname ("Otto Berg" for "Jens
                            // Otto Harry Berg").
                            || w.len() == 2
                                && ty == EntityType::Person
                                && w.first().is_some_and(|g| {
                                    g.chars().count() > 1
                                        && fw.get(1..fw.len() - 1).is_some_and(|m| m.contains(g))
                                }))
                    {
                        found.push(*fe);
                    }
                }
            }
            if found.is_empty() && w.len() == 1 && ty == EntityType::Person {
                for &fi in first.get(f).into_iter().flatten().take(LOOKBACK_MENTIONS) {
                    if let Some((fe, fw)) = full.get(fi) {
                        if *fe != e && fw.len() > 1 {
                            found.push(*fe);
                        }
                    }
                }
            }
            if found.is_empty() && w.len() == 1 && ty == EntityType::Person {
                // An inner word stands for one name only: several candidates stay apart.
                let mut hits: Vec<usize> = inner
                    .get(f)
                    .into_iter()
                    .flatten()
                    .take(LOOKBACK_MENTIONS)
                    .filter_map(|&fi| full.get(fi).map(|(fe, _)| *fe))
                    .filter(|&fe| fe != e)
                    .collect();
                hits.sort_unstable();
                hits.dedup();
                if let [one] = hits.as_slice() {
                    found.push(*one);
                }
            }
            found.sort_unstable();
            found.dedup();
            let target = match found.as_slice() {
                [] => None,
                [one] => Some(*one),
                many => {
                    // The nearest full name before the first partial mention.
                    many.iter()
                        .filter_map(|&fe| {
                            let before = self
                                .ents
                                .get(fe)?
                                .mentions
                                .iter()
                                .filter(|m| m.span.start() < first_pos)
                                .map(|m| m.span.start())
                                .max()?;
                            Some((before, fe))
                        })
                        .max()
                        .map(|(_, fe)| fe)
                }
            };
            if let Some(t) = target {
                self.merge(e, t);
            }
        }
    }

    fn merge_acronyms(&mut self) {
        // Initials of names of two capitalised words or more.
        let mut initials: HashMap<String, Vec<usize>> = HashMap::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || !matches!(coarse(x.ty()), 1 | 2) {
                continue;
            }
            let Some(c) = x.best.and_then(|b| self.cands.get(b)) else {
                continue;
            };
            let mut ini = String::new();
            let mut words_n = 0;
            for t in c.t0..c.t1 {
                let s = self.ctx.s(t);
                for part in s.split('-') {
                    if let Some(ch) = part.chars().next().filter(|ch| ch.is_uppercase()) {
                        ini.extend(ch.to_uppercase());
                        words_n += 1;
                    }
                }
            }
            // The initials of a tail of three words or more of a longer name stand for it
            // too ("RPCC" for "Kestrel Reserve Pilot Cadet Corps").
            if words_n >= 4 {
                for (k, _) in ini.char_indices().skip(1) {
                    let Some(tail) = ini.get(k..) else { continue };
                    if tail.chars().count() < 3 {
                        break;
                    }
                    let v = initials.entry(tail.to_owned()).or_default();
                    if !v.contains(&e) {
                        v.push(e);
                    }
                }
            }
            if words_n >= 2 {
                let v = initials.entry(ini).or_default();
                if !v.contains(&e) {
                    v.push(e);
                }
            }
        }
        // Bracketed acronyms right after a name join it.
        for ci in 0..self.cands.len() {
            let Some(c) = self.cands.get(ci) else {
                continue;
            };
            if words::is(self.ctx.s(c.t1), "(") {
                if let Some(n) = self.cands.get(ci + 1) {
                    if n.t0 == c.t1 + 1
                        && n.t1 == n.t0 + 1
                        && words::is(self.ctx.s(n.t1), ")")
                        && (words::all_caps(self.ctx.slice(n.span))
                            || self.mixed_acronym_of(c, self.ctx.slice(n.span)))
                        && coarse(n.ty) != 0
                    {
                        // A "person" spelt out before its initials ("Advanced Polymer Systems
                        // (ROS)") is no person: persons are not named by initials.
                        let spelt = coarse(c.ty) == 0
                            && c.t1 >= c.t0 + 2
                            && self.initials_of(c.t0, c.t1)
                                == self
                                    .ctx
                                    .slice(n.span)
                                    .chars()
                                    .filter(|ch| ch.is_alphabetic())
                                    .collect::<String>();
                        let (a, b) = (
                            self.ent_of_cand.get(ci + 1).copied().unwrap_or(usize::MAX),
                            self.ent_of_cand.get(ci).copied().unwrap_or(usize::MAX),
                        );
                        if a != usize::MAX && b != usize::MAX && (coarse(c.ty) != 0 || spelt) {
                            let ty = n.ty;
                            self.merge(a, b);
                            if spelt {
                                let r = self.root(b);
                                if let Some(x) = self.ents.get_mut(r) {
                                    x.strong = Some(ty);
                                }
                            }
                        }
                    }
                }
            }
        }
        if initials.is_empty() {
            return;
        }
        let mut acr = String::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || !matches!(coarse(x.ty()), 1 | 2) {
                continue;
            }
            let Some(c) = x.best.and_then(|b| self.cands.get(b)) else {
                continue;
            };
            if c.t1 != c.t0 + 1 {
                continue;
            }
            let s = self.ctx.slice(c.span);
            if !words::all_caps(s) {
                continue;
            }
            acr.clear();
            acr.extend(s.chars().filter(|ch| ch.is_alphabetic()));
            if acr.chars().count() < 2 {
                continue;
            }
            let kb = x.kb;
            let ty = coarse(x.ty());
            if let Some([one]) = initials.get(acr.as_str()).map(Vec::as_slice) {
                let other = self.ent(*one);
                let other_kb = other.and_then(|o| o.kb);
                // An acronym the knowledge base knows ("US") keeps its type: it is no
                // organisation of the same initials ("University of Kestrel Bay").
                let same_type = other.is_some_and(|o| coarse(o.ty()) == ty);
                if (kb.is_none() || other_kb.is_none() || kb == other_kb)
                    && (kb.is_none() || same_type)
                {
                    self.merge(e, *one);
                }
            }
        }
    }

    /// A head word standing alone for a longer name of the article ("the Court" after "the
    /// High Court of Appeal", "the Airport" after "Lakeport International Airport") joins
    /// the one earlier organisation or place whose name holds that word.
    fn merge_head_words(&mut self) {
        // The lone head words: entity, word, coarse type, first mention.
        let mut lone: Vec<(usize, String, u8, usize)> = Vec::new();
        let mut w = Vec::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || x.kb.is_some() || !matches!(coarse(x.ty()), 1 | 2) {
                continue;
            }
            let Some(b) = x.best else { continue };
            let Some(c) = self.cands.get(b) else { continue };
            let word = self.ctx.s(c.t0);
            if c.t1 != c.t0 + 1 || words::head_type(word).is_none() || words::all_caps(word) {
                continue;
            }
            let first = x
                .mentions
                .first()
                .map_or(c.span.start(), |m| m.span.start());
            self.cand_words(b, &mut w);
            if let Some(key) = w.first() {
                lone.push((e, key.clone(), coarse(x.ty()), first));
            }
        }
        if lone.is_empty() {
            return;
        }
        // Longer names holding one of those words: word → (entity, coarse type, first mention).
        let keys: std::collections::HashSet<&str> = lone.iter().map(|l| l.1.as_str()).collect();
        let mut holders: HashMap<String, Vec<(usize, u8, usize)>> = HashMap::new();
        for o in 0..self.ents.len() {
            let Some(y) = self.ents.get(o) else { continue };
            let Some(ob) = y.best else { continue };
            let Some(oc) = self.cands.get(ob) else {
                continue;
            };
            if y.parent.is_some() || oc.t1 < oc.t0 + 2 {
                continue;
            }
            let first = y.mentions.first().map_or(usize::MAX, |m| m.span.start());
            self.cand_words(ob, &mut w);
            w.sort_unstable();
            w.dedup();
            for x in w.iter().filter(|x| keys.contains(x.as_str())) {
                holders
                    .entry(x.clone())
                    .or_default()
                    .push((o, coarse(y.ty()), first));
            }
        }
        for (e, key, ty, first) in lone {
            let mut hits = holders
                .get(&key)
                .into_iter()
                .flatten()
                .filter(|&&(o, oty, ofirst)| o != e && oty == ty && ofirst < first);
            if let (Some(&(t, _, _)), None) = (hits.next(), hits.next()) {
                self.merge(e, t);
            }
        }
    }

    /// A shorter name that is the tail of one longer organisation or place name of the
    /// article is that entity ("the Berg Center" after "the Anna K. Berg Center", "the Air
    /// Force" after "the Norvland Air Force"): the short name ends in a head word, or is one
    /// acronym the knowledge base does not know ("RPCC" after "Kestrel RPCC"); the longer
    /// name's extra words end in no connector ("Rail & Steam Museum"), and neither the
    /// short name is a known entry of its own nor two longer names end with it.
    fn merge_tails(&mut self) {
        // Longer names by their last token: (entity, candidate, coarse type).
        let mut by_last: HashMap<String, Vec<(usize, usize, u8)>> = HashMap::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || !matches!(coarse(x.ty()), 1 | 2) {
                continue;
            }
            let Some(b) = x.best else { continue };
            let Some(c) = self.cands.get(b) else { continue };
            if c.t1 < c.t0 + 2 {
                continue;
            }
            by_last
                .entry(self.ctx.s(c.t1 - 1).to_lowercase())
                .or_default()
                .push((e, b, coarse(x.ty())));
        }
        if by_last.is_empty() {
            return;
        }
        let mut pairs = Vec::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            let ty = coarse(x.ty());
            if x.parent.is_some() || !matches!(ty, 1 | 2) || x.kb.is_some() {
                continue;
            }
            let Some(sb) = x.best else { continue };
            let Some(c) = self.cands.get(sb) else {
                continue;
            };
            let n = c.t1.saturating_sub(c.t0);
            let last = self.ctx.s(c.t1.saturating_sub(1));
            let acronym = n == 1
                && words::all_caps(last)
                && last.chars().filter(|ch| ch.is_alphabetic()).count() >= 2;
            let headed = n >= 2 && words::capitalised(last) && words::head_type(last).is_some();
            if !acronym && !headed {
                continue;
            }
            let ctx = self.ctx;
            let mut hits = by_last
                .get(&last.to_lowercase())
                .into_iter()
                .flatten()
                .filter(|&&(fe, fb, fty)| {
                    let Some(f) = self.cands.get(fb) else {
                        return false;
                    };
                    let fn_ = f.t1.saturating_sub(f.t0);
                    fe != e
                        && fn_ > n
                        && (fty == ty || acronym && fty == 1)
                        && (0..n).all(|k| {
                            ctx.s(f.t1 - n + k)
                                .eq_ignore_ascii_case(ctx.s(c.t0 + k))
                        })
                        && !is_tail_connector(ctx.s(f.t1 - n - 1))
                        // Not a list of names ("the X Hotel, the Y Hotel and Z Hotel").
                        && !self.coordinated(e, fe)
                })
                .map(|&(fe, _, _)| fe);
            if let (Some(t), None) = (hits.next(), hits.next()) {
                pairs.push((e, t));
            }
        }
        for (e, t) in pairs {
            self.merge(e, t);
        }
    }

    /// A compass word before a coordinated compass word and a place ("North and South Kestia")
    /// is that place's first half named in full elsewhere ("North Kestia"): one entity.
    fn merge_compass_ellipses(&mut self) {
        let compass = |w: &str| {
            matches!(
                w,
                "North"
                    | "South"
                    | "East"
                    | "West"
                    | "Northern"
                    | "Southern"
                    | "Eastern"
                    | "Western"
            )
        };
        let ctx = self.ctx;
        let mut pairs = Vec::new();
        for ci in 0..self.cands.len() {
            let Some(c) = self.cands.get(ci) else {
                continue;
            };
            let word = ctx.s(c.t0);
            if c.t1 != c.t0 + 1
                || !compass(word)
                || !matches!(ctx.s(c.t1), "and" | "or")
                || !compass(ctx.s(c.t1 + 1))
                || ctx.unit(c.t1 + 2) != ctx.unit(c.t0)
                || !words::capitalised(ctx.s(c.t1 + 2))
            {
                continue;
            }
            let place = ctx.s(c.t1 + 2);
            let Some(&e) = self.ent_of_cand.get(ci) else {
                continue;
            };
            let full =
                self.cands.iter().enumerate().find(|(_, o)| {
                    o.t1 == o.t0 + 2 && ctx.s(o.t0) == word && ctx.s(o.t0 + 1) == place
                });
            if let Some((oi, _)) = full {
                if let Some(&t) = self.ent_of_cand.get(oi) {
                    pairs.push((e, t));
                }
            }
        }
        for (e, t) in pairs {
            if e != usize::MAX && t != usize::MAX {
                self.merge(e, t);
            }
        }
    }

    /// Names of the shape "<Head> of <X>" and their other forms in the article: "the X
    /// <Head>" ("the Kestrel Ministry" for "the Ministry of Kestrel"), "X" alone for an
    /// organisation that is no place ("Velism" for "Church of Velism"), and the place X for
    /// "the State of X" or "the City of X" (the knowledge base not knowing the longer name).
    fn merge_of_forms(&mut self) {
        let ctx = self.ctx;
        // Longer names "<Head> of [the] <X>": (entity, head token, first token of X, end).
        let mut longs: Vec<(usize, usize, usize, usize)> = Vec::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || !matches!(coarse(x.ty()), 1 | 2) {
                continue;
            }
            let Some(c) = x.best.and_then(|b| self.cands.get(b)) else {
                continue;
            };
            if c.t1 < c.t0 + 3 || ctx.s(c.t0 + 1) != "of" || !words::capitalised(ctx.s(c.t0)) {
                continue;
            }
            let mut x0 = c.t0 + 2;
            if words::is(ctx.s(x0), "the") {
                x0 += 1;
            }
            if x0 >= c.t1 || (x0..c.t1).any(|k| !words::capitalised(ctx.s(k))) {
                continue;
            }
            longs.push((e, c.t0, x0, c.t1));
        }
        if longs.is_empty() {
            return;
        }
        let same = |a0: usize, b0: usize, n: usize| (0..n).all(|k| ctx.s(a0 + k) == ctx.s(b0 + k));
        let mut pairs = Vec::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            let ty = x.ty();
            if x.parent.is_some() || !matches!(coarse(ty), 0..=2) {
                continue;
            }
            let Some(c) = x.best.and_then(|b| self.cands.get(b)) else {
                continue;
            };
            let n = c.t1.saturating_sub(c.t0);
            // A "person" of unknown words the tagger guessed ("Varantology").
            let guessed = ty == EntityType::Person
                && x.strong.is_none()
                && x.kb.is_none()
                && (c.t0..c.t1).all(|k| {
                    let w = ctx.s(k);
                    !ctx.gaz.is_first_name(w) && !ctx.gaz.is_surname(w)
                });
            let mut hits = longs.iter().filter_map(|&(fe, head, x0, x1)| {
                if fe == e {
                    return None;
                }
                let xn = x1 - x0;
                let lty = self.ent(fe).map(Ent::ty)?;
                let head_w = ctx.s(head);
                // "the X <Head>" for "<Head> of X".
                let inverted = coarse(ty) == 1
                    && coarse(lty) == 1
                    && n == xn + 1
                    && same(c.t0, x0, xn)
                    && ctx.s(c.t1 - 1) == head_w
                    && words::head_type(head_w) == Some(EntityType::Org);
                // "X" alone for an organisation "<Head> of X" that is no place.
                let bare = (ty == EntityType::Org || guessed)
                    && coarse(lty) == 1
                    && x.kb.is_none()
                    && n == 1
                    && xn == 1
                    && same(c.t0, x0, 1)
                    && !words::all_caps(ctx.s(c.t0))
                    && words::head_type(head_w) == Some(EntityType::Org);
                // The place X for "the State of X", "the City of X".
                let place = (is_place(ty) || guessed)
                    && matches!(head_w, "State" | "City")
                    && self.ent(fe).is_some_and(|y| y.kb.is_none())
                    && n == xn
                    && same(c.t0, x0, xn);
                (inverted || bare || place).then_some((fe, place))
            });
            if let (Some((t, place)), None) = (hits.next(), hits.next()) {
                let tkb = self.ent(t).and_then(|y| y.kb);
                if x.kb.is_none() || tkb.is_none() || x.kb == tkb {
                    // The place keeps its type: the longer name joins it.
                    let retype = match (place, guessed) {
                        (true, true) => Some(EntityType::Gpe),
                        (false, true) => Some(EntityType::Org),
                        _ => None,
                    };
                    pairs.push(if place {
                        (t, e, retype)
                    } else {
                        (e, t, retype)
                    });
                }
            }
        }
        for (a, b, retype) in pairs {
            self.merge(a, b);
            if let Some(ty) = retype {
                let r = self.root(b);
                if let Some(x) = self.ents.get_mut(r) {
                    x.strong = Some(ty);
                }
            }
        }
    }

    /// Whether a name mention of entity `a` and one of entity `b` stand in one list of names
    /// (only names, commas and "and"/"or" between them): two entities named side by side.
    fn coordinated(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.ent(a), self.ent(b)) else {
            return false;
        };
        let names = |m: &&Mention| m.kind == MentionKind::Name;
        x.mentions.iter().filter(names).any(|m| {
            y.mentions.iter().filter(names).any(|o| {
                let (l, r) = if m.span.end() <= o.span.start() {
                    (m.span.end(), o.span.start())
                } else if o.span.end() <= m.span.start() {
                    (o.span.end(), m.span.start())
                } else {
                    return false;
                };
                r - l <= 60
                    && self.ctx.text.get(l..r).is_some_and(|gap| {
                        gap.contains([',', '&']) || gap.contains(" and ") || gap.contains(" or ")
                    } && gap.split([' ', ',']).all(|w| {
                        w.is_empty()
                            || matches!(w, "and" | "or" | "&" | "the")
                            || w.chars().next().is_some_and(char::is_uppercase)
                    }))
            })
        })
    }

    /// Two persons of the same surname whose given names are one name's variants ("Larry" and
    /// "Lawrence", "Chris" and "Christine", "Tom Avery" and "Tom R. Avery") are one
    /// person, when no third person of that surname fits as well.
    fn merge_name_variants(&mut self) {
        // Persons of two words or more, by their last word.
        let mut by_last: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        let mut w = Vec::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || x.ty() != EntityType::Person {
                continue;
            }
            let Some(b) = x.best else { continue };
            self.cand_words(b, &mut w);
            if let (true, Some(l)) = (w.len() >= 2, w.last()) {
                by_last.entry(l.clone()).or_default().push((e, w.clone()));
            }
        }
        let mut pairs = Vec::new();
        for group in by_last.values().filter(|g| g.len() >= 2) {
            for (i, (e, a)) in group.iter().enumerate() {
                let mut hits = group
                    .iter()
                    .enumerate()
                    .filter(|&(j, (_, b))| j != i && a != b && same_person_names(a, b));
                if let (Some((j, (t, _))), None) = (hits.next(), hits.next()) {
                    // Each pair once, from the earlier index.
                    if j > i {
                        pairs.push((*t, *e));
                    }
                }
            }
        }
        pairs.sort_unstable();
        for (t, e) in pairs {
            self.merge(t, e);
        }
    }

    /// Whether `acr`, a mixed-case acronym, has for its capitals the initials of organisation
    /// name `c` ("KesPro" for "Kestrel Professionals").
    fn mixed_acronym_of(&self, c: &Cand, acr: &str) -> bool {
        coarse(c.ty) == 1
            && c.t1 >= c.t0 + 2
            && acr.chars().next().is_some_and(char::is_uppercase)
            && acr.chars().all(char::is_alphabetic)
            && acr.chars().filter(|ch| ch.is_uppercase()).count() >= 2
            && acr
                .chars()
                .filter(|ch| ch.is_uppercase())
                .eq(self.initials_of(c.t0, c.t1).chars())
    }

    /// The upper-case initials of the capitalised words (and hyphenated parts) of tokens
    /// `[t0, t1)`.
    fn initials_of(&self, t0: usize, t1: usize) -> String {
        let mut ini = String::new();
        for t in t0..t1 {
            for part in self.ctx.s(t).split('-') {
                if let Some(ch) = part.chars().next().filter(|ch| ch.is_uppercase()) {
                    ini.extend(ch.to_uppercase());
                }
            }
        }
        ini
    }

    fn merge_org_prefixes(&mut self) {
        let mut by_first: HashMap<String, Vec<(usize, Vec<String>, bool)>> = HashMap::new();
        let mut w = Vec::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || x.ty() != EntityType::Org {
                continue;
            }
            let Some(c) = x.best.and_then(|b| self.cands.get(b)) else {
                continue;
            };
            let last = self.ctx.s(c.t1.saturating_sub(1));
            // Ends in an organisation's head word, or has one before "of" ("Church of X",
            // which "the Church" may stand for).
            let of_head = (c.t0 + 1..c.t1.saturating_sub(1))
                .find(|&k| matches!(self.ctx.s(k), "of" | "for"))
                .is_some_and(|k| {
                    words::head_type(self.ctx.s(k - 1)) == Some(EntityType::Org)
                        || words::is_org_opener(self.ctx.s(k - 1))
                });
            // A company's legal form after its name ("X Lottery Corporation, Inc."): the name
            // without it is the company.
            let headed =
                words::head_type(last) == Some(EntityType::Org) || of_head || is_legal_form(last);
            // A two-word company name with a word of another language or a brand word after
            // its first ("Velora Telecomunicações"): its first word alone may stand for it,
            // when that word is no common word (checked where the short name is matched).
            if c.t1 < c.t0 + 2 || !headed && c.t1 != c.t0 + 2 {
                continue;
            }
            if let Some(b) = x.best {
                self.cand_words(b, &mut w);
            }
            if let Some(f) = w.first() {
                by_first
                    .entry(f.clone())
                    .or_default()
                    .push((e, w.clone(), headed));
            }
        }
        if by_first.is_empty() {
            return;
        }
        // A name followed by a place's descriptor ("the Cerro Alto copper mine") is the place,
        // not an organisation's short name ("Cerro Alto Mineworkers' Union").
        let mut described: Vec<usize> = Vec::new();
        for ci in 0..self.cands.len() {
            if self.descriptor_after(ci).is_some() {
                if let Some(&e) = self.ent_of_cand.get(ci) {
                    described.push(self.root(e));
                }
            }
        }
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || x.strong.is_some_and(|t| t != EntityType::Org) {
                continue;
            }
            if described.contains(&e) {
                continue;
            }
            if !matches!(
                x.ty(),
                EntityType::Org | EntityType::Person | EntityType::Gpe
            ) {
                continue;
            }
            let Some(b) = x.best else { continue };
            self.cand_words(b, &mut w);
            // A person named in full ("Ada Binti") is not the start of the foundation named
            // after her ("Ada Binti Foundation"); another "person" may be an organisation's
            // short name the tagger mistook.
            if x.ty() == EntityType::Person && w.len() > 1 && self.named_person(b) {
                continue;
            }
            let Some(f) = w.first() else { continue };
            let kb = x.kb;
            // (A "person" here is the company's name the tagger took for a subject's.)
            let short_brand = w.len() == 1
                && kb.is_none()
                && matches!(x.ty(), EntityType::Org | EntityType::Person)
                && self.cands.get(b).is_some_and(|c| {
                    let word = self.ctx.s(c.t0);
                    c.t1 == c.t0 + 1
                        && !self.ctx.common_word(word)
                        && !self.ctx.gaz.is_first_name(word)
                        && !self.ctx.gaz.is_surname(word)
                });
            let mut hits = by_first
                .get(f)
                .into_iter()
                .flatten()
                .filter(|(fe, fw, headed)| {
                    *fe != e && fw.len() > w.len() && fw.starts_with(&w) && (*headed || short_brand)
                });
            if let (Some((t, tw, _)), None) = (hits.next(), hits.next()) {
                let t = *t;
                let tkb = self.ent(t).and_then(|o| o.kb);
                // A known organisation and one body of it named by one head word more ("the
                // Andean Union" and "the Andean Union Commission") are two.
                let complete = kb.is_some()
                    || self.cands.get(b).is_some_and(|c| {
                        c.t1 >= c.t0 + 2
                            && words::head_type(self.ctx.s(c.t1 - 1)) == Some(EntityType::Org)
                    });
                let legal_form = self
                    .ent(t)
                    .and_then(|o| o.best)
                    .and_then(|tb| self.cands.get(tb))
                    .is_some_and(|tc| is_legal_form(self.ctx.s(tc.t1.saturating_sub(1))));
                let body_of =
                    complete && !legal_form && tw.len() == w.len() + 1 && x.ty() == EntityType::Org;
                if !body_of && (kb.is_none() || tkb.is_none() || kb == tkb) {
                    self.merge(e, t);
                }
            }
        }
    }

    /// A town named alone joins the entity of the same town named with its state or country
    /// ("Springfield" and "Springfield, Illinois"), when the text names one such pair.
    fn merge_place_pairs(&mut self) {
        let mut pairs: HashMap<String, Vec<usize>> = HashMap::new();
        let mut w = Vec::new();
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || !is_place(x.ty()) {
                continue;
            }
            let Some(c) = x.best.and_then(|b| self.cands.get(b)) else {
                continue;
            };
            let Some(comma) = (c.t0 + 1..c.t1.saturating_sub(1)).find(|&k| self.ctx.s(k) == ",")
            else {
                continue;
            };
            w.clear();
            for t in c.t0..comma {
                normalize_into(self.ctx.s(t), &mut self.key);
                w.push(self.key.clone());
            }
            pairs.entry(w.join(" ")).or_default().push(e);
        }
        if pairs.is_empty() {
            return;
        }
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || !is_place(x.ty()) {
                continue;
            }
            let Some(b) = x.best else { continue };
            self.cand_words(b, &mut w);
            let key = w.join(" ");
            if let Some([t]) = pairs.get(&key).map(Vec::as_slice) {
                let t = *t;
                let (kb, tkb) = (x.kb, self.ent(t).and_then(|o| o.kb));
                if t != e && (kb.is_none() || tkb.is_none() || kb == tkb) {
                    self.merge(e, t);
                }
            }
        }
    }

    /// Title owners become affiliations ("Hamas leader X" → Hamas).
    fn owners(&mut self) {
        for ci in 0..self.cands.len() {
            let Some(c) = self.cands.get(ci) else {
                continue;
            };
            if let Some(o) = c.owned_by {
                let e = self.ent_of_cand.get(ci).copied().unwrap_or(usize::MAX);
                if e != usize::MAX {
                    let country = self.country_ent(o.country);
                    let e = self.root(e);
                    if let Some(x) = self.ents.get_mut(e) {
                        if !x.affil.contains(&country) {
                            x.affil.push(country);
                        }
                    }
                }
            }
            let Some(c) = self.cands.get(ci) else {
                continue;
            };
            let Some(owner) = c.owner else { continue };
            let e = self.ent_of_cand.get(ci).copied().unwrap_or(usize::MAX);
            if e == usize::MAX {
                continue;
            }
            let o = match owner {
                Owner::Cand(oi) => self.ent_of_cand.get(oi).copied().unwrap_or(usize::MAX),
                Owner::Country(id) => self.country_ent(id),
            };
            if o != usize::MAX {
                let (e, o) = (self.root(e), self.root(o));
                if e != o {
                    if let Some(x) = self.ents.get_mut(e) {
                        x.affil.push(o);
                    }
                }
            }
        }
    }

    /// The entity of a country, made if the text has none yet.
    fn country_ent(&mut self, id: EntryId) -> usize {
        if let Some(&e) = self.by_kb.get(&id) {
            return self.root(e);
        }
        let e = self.new_ent();
        let ty = self
            .ctx
            .kb
            .get(id)
            .map_or(EntityType::Gpe, |en| kb_type(en.kind(), en.ner()));
        if let Some(x) = self.ents.get_mut(e) {
            x.strong = Some(ty);
            x.kb = Some(id);
        }
        self.by_kb.insert(id, e);
        e
    }

    /// The end of a place descriptor right after candidate `ci` ("province", "gas field",
    /// "copper mine"), if any.
    fn descriptor_after(&self, ci: usize) -> Option<usize> {
        let c = self.cands.get(ci)?;
        let unit = self.ctx.unit(c.t0);
        let mut j = c.t1;
        while j < c.t1 + 2 && self.ctx.unit(j) == unit && self.ctx.is_word(j) {
            let w = self.ctx.s(j);
            if words::capitalised(w) {
                return None;
            }
            if is_place_descriptor(w) {
                return Some(j + 1);
            }
            if ![
                "gas", "oil", "refugee", "border", "military", "air", "naval", "army", "copper",
                "gold", "coal", "iron", "lithium", "uranium", "diamond", "power", "nuclear",
                "police",
            ]
            .iter()
            .any(|m| words::is(w, m))
            {
                return None;
            }
            j += 1;
        }
        None
    }

    /// "Tana province", "Kora gas field": the place with its descriptor is a nominal
    /// mention of the place.
    fn place_descriptors(&mut self) {
        for ci in 0..self.cands.len() {
            let Some(c) = self.cands.get(ci) else {
                continue;
            };
            if !(is_place(c.ty) || !c.strong && !c.cued) || c.ty == EntityType::Norp {
                continue;
            }
            let Some(end) = self.descriptor_after(ci) else {
                continue;
            };
            let e = self.ent_of_cand.get(ci).copied().unwrap_or(usize::MAX);
            if e == usize::MAX {
                continue;
            }
            let span = c.span.cover(self.ctx.span(end - 1));
            let fac = [
                "field", "camp", "base", "crossing", "port", "plant", "mine", "site", "sites",
                "facility", "complex", "reactor", "station",
            ]
            .iter()
            .any(|w| words::is(self.ctx.s(end - 1), w));
            let strong_place = c.strong;
            // "TANA, May 3 - … much of Tana province": the dateline names the town; the
            // province named after it is another place.
            let admin = [
                "province",
                "governorate",
                "region",
                "district",
                "county",
                "prefecture",
                "municipality",
            ]
            .iter()
            .any(|w| words::is(self.ctx.s(end - 1), w));
            let root = self.root(e);
            let with_dateline = admin
                && self.cands.iter().enumerate().any(|(cj, o)| {
                    o.source == Source::Dateline
                        && self
                            .ent_of_cand
                            .get(cj)
                            .is_some_and(|&oe| oe != usize::MAX && self.root(oe) == root)
                });
            if with_dateline {
                if let Some(x) = self.ents.get_mut(root) {
                    x.mentions.retain(|m| m.span != c.span);
                }
                let n = self.new_ent();
                self.attach_cand(n, ci);
                if let Some(x) = self.ents.get_mut(n) {
                    x.kb = None;
                    x.strong = Some(EntityType::Gpe);
                    x.full_name = Some(span);
                }
                self.add_mention(n, span, MentionKind::Nominal);
                for u in self.used.get_mut(c.t1..end).unwrap_or(&mut []) {
                    *u = true;
                }
                continue;
            }
            self.add_mention(e, span, MentionKind::Nominal);
            let r = self.root(e);
            if let Some(x) = self.ents.get_mut(r) {
                if !strong_place {
                    let t = if fac {
                        EntityType::Fac
                    } else {
                        EntityType::Gpe
                    };
                    if let Some(v) = x.votes.get_mut(type_index(t)) {
                        *v += 3;
                    }
                }
            }
            for u in self.used.get_mut(c.t1..end).unwrap_or(&mut []) {
                *u = true;
            }
        }
    }

    // ---------------------------------------------------------------- demonyms

    fn demonyms(&mut self) {
        for i in 0..self.ctx.toks.len() {
            if self.in_name.get(i).copied().unwrap_or(true)
                || self.ctx.unit(i) == NO_UNIT
                || !self.ctx.is_word(i)
            {
                continue;
            }
            let s = self.ctx.s(i);
            let start = self.ctx.span(i).start();
            // The word, or the parts of a hyphenated word ("pro-Iranian", "Iranian-backed").
            let mut parts: [(usize, &str); 2] = [(0, s), (0, "")];
            if let Some(d) = s.find('-') {
                parts = [
                    (0, s.get(..d).unwrap_or("")),
                    (d + 1, s.get(d + 1..).unwrap_or("")),
                ];
            }
            for (off, part) in parts {
                if part.len() < 4
                    || !words::capitalised(part)
                    || words::all_caps(part) && part.len() < 5
                {
                    continue;
                }
                let Some(country) = self.ctx.demonym(part) else {
                    if let Some(e) = self.derived_place_ent(part) {
                        let span = ByteSpan::ordered(start + off, start + off + part.len());
                        self.add_mention(e, span, MentionKind::Demonym);
                        if let Some(u) = self.used.get_mut(i) {
                            *u = true;
                        }
                    }
                    continue;
                };
                // A country not named in the text becomes an entity only when the demonym
                // names an actor ("Iranian officials", "the Israelis") or an affiliation.
                let e = match self.by_kb.get(&country) {
                    Some(&e) => self.root(e),
                    None => {
                        if !self.demonym_is_actor(i, part, off > 0) {
                            continue;
                        }
                        self.country_ent(country)
                    }
                };
                let span = ByteSpan::ordered(start + off, start + off + part.len());
                self.add_mention(e, span, MentionKind::Demonym);
                if let Some(u) = self.used.get_mut(i) {
                    *u = true;
                }
            }
        }
    }

    /// Whether the demonym at token `i` names an actor: a plural used as a noun ("the
    /// Israelis"), or an adjective before an actor noun ("Iranian officials", "Israeli
    /// troops", "the Iranian government", "Lebanese Prime Minister").
    fn demonym_is_actor(&self, i: usize, part: &str, suffix_part: bool) -> bool {
        if suffix_part {
            return false;
        }
        let next = self.ctx.s(i + 1);
        let next_word = self.ctx.is_word(i + 1) && self.ctx.unit(i + 1) == self.ctx.unit(i);
        if part.ends_with('s') && (!next_word || words::capitalised(next)) {
            return true;
        }
        if !next_word {
            return false;
        }
        // "the Palestinian group", "this Lebanese movement": a description of an organisation
        // (resolved to its name later), not an actor of the country itself.
        let prev = if i > 0 && self.ctx.unit(i - 1) == self.ctx.unit(i) {
            self.ctx.s(i - 1)
        } else {
            ""
        };
        if ["the", "this", "that"].iter().any(|d| words::is(prev, d))
            && [
                "alliance",
                "coalition",
                "company",
                "faction",
                "firm",
                "group",
                "insurgency",
                "militia",
                "movement",
                "network",
                "organisation",
                "organization",
                "outfit",
                "party",
            ]
            .iter()
            .any(|x| words::is(next, x))
        {
            return false;
        }
        if self.in_name.get(i + 1).copied().unwrap_or(false) {
            return self
                .cand_starting_at(i + 1)
                .and_then(|c| self.cands.get(c))
                .is_some_and(|c| matches!(c.ty, EntityType::Org | EntityType::Person));
        }
        // Allow one modifier between ("Iranian security forces", "Israeli military officials").
        let noun_at = |j: usize| {
            let w = self.ctx.s(j);
            words::is_group_noun(w)
                || words::is_role_noun(w)
                || words::is_org_noun(w)
                || is_title(w)
                || [
                    "government",
                    "authorities",
                    "military",
                    "leadership",
                    "officials",
                    "state",
                    "side",
                    "delegation",
                    "regime",
                    "administration",
                    "forces",
                    "police",
                    "navy",
                    "army",
                    "people",
                    "embassy",
                ]
                .iter()
                .any(|x| words::is(w, x))
                || w.ends_with('s') && self.ctx.kb.agent(w).is_some()
        };
        // What a state wields acts for it when it opens the clause ("American sanctions
        // took effect", "Sudrian missiles struck …"), not as an object ("talk of X missiles").
        let opens = self.ctx.opens_unit(i)
            || i > 0
                && self.ctx.opens_unit(i - 1)
                && ["the", "new"]
                    .iter()
                    .any(|d| words::is(self.ctx.s(i - 1), d));
        let wielded = [
            "sanctions",
            "tariffs",
            "warplanes",
            "jets",
            "drones",
            "missiles",
            "rockets",
            "warships",
            "airstrikes",
        ]
        .iter()
        .any(|x| words::is(next, x));
        noun_at(i + 1)
            || opens && wielded
            || (is_group_modifier(next) || words::is_title_modifier(next))
                && self.ctx.unit(i + 2) == self.ctx.unit(i)
                && noun_at(i + 2)
    }

    // ---------------------------------------------------------------- groups

    /// Whether token `i` is a collective actor noun; `weak` nouns need a name or demonym
    /// among their modifiers.
    fn group_noun(&self, i: usize) -> Option<bool> {
        let s = self.ctx.s(i);
        if !self.ctx.is_word(i) || s.len() < 4 || words::capitalised(s) && !self.ctx.opens_unit(i) {
            return None;
        }
        if words::is_group_noun(s) {
            let weak = [
                "officials",
                "residents",
                "workers",
                "diplomats",
                "lawmakers",
                "villagers",
                "authorities",
            ]
            .iter()
            .any(|w| words::is(s, w));
            return Some(weak);
        }
        if is_force_noun(s) && !words::is(s, "police") {
            // Not a modifier of the actor noun after it ("military officials").
            let next = self.ctx.s(i + 1);
            let modifies = self.ctx.unit(i + 1) == self.ctx.unit(i)
                && self.ctx.is_word(i + 1)
                && !words::capitalised(next)
                && (words::is_group_noun(next)
                    || words::is_role_noun(next)
                    || self.ctx.kb.agent(next).is_some());
            return (!modifies).then_some(true);
        }
        let plural = s.ends_with('s') && !s.ends_with("ss");
        (plural && self.ctx.kb.agent(s).is_some()).then_some(true)
    }

    /// The one organisation named before token `i` whose name holds the force noun at `i`
    /// ("the Norland Police Service" for a bare "police", "… Army" for "the army").
    fn named_force(&self, i: usize) -> Option<usize> {
        let noun = self.ctx.s(i);
        let start = self.ctx.span(i).start();
        let mut found: Option<usize> = None;
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || x.ty() != EntityType::Org {
                continue;
            }
            let named_before = x.mentions.iter().any(|m| {
                m.kind == MentionKind::Name
                    && m.span.end() <= start
                    && self
                        .ctx
                        .slice(m.span)
                        .split(|ch: char| !ch.is_alphanumeric())
                        .any(|w| {
                            words::capitalised(w)
                                && (w.eq_ignore_ascii_case(noun)
                                    || words::is(noun, "coastguard") && w == "Guard")
                        })
            });
            if named_before {
                if found.is_some() {
                    return None;
                }
                found = Some(e);
            }
        }
        found
    }

    fn groups(&mut self) {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        // Most recent group by head noun: (head key, entity, unit).
        let mut recent: Vec<(String, usize, u32)> = Vec::new();
        let mut key = String::new();
        for i in 0..self.ctx.toks.len() {
            if self.in_name.get(i).copied().unwrap_or(true) || self.ctx.unit(i) == NO_UNIT {
                continue;
            }
            let Some(weak) = self.group_noun(i) else {
                continue;
            };
            let unit = self.ctx.unit(i);
            let u0 = self.ctx.units.get(unit as usize).map_or(i, |u| u.t0);
            // Modifiers: names, demonyms, hyphenated words, a few adjectives.
            let mut a = i;
            let mut affil: Vec<usize> = Vec::new();
            while a > u0 && i - a < 4 {
                let j = a - 1;
                let s = self.ctx.s(j);
                // A demonym formed from a place of the text ("Sudrian troops").
                if let Some(e) = self.derived_place_ent(s) {
                    affil.push(e);
                    a = j;
                    continue;
                }
                // A people or community named before the noun ("Kurdish militants").
                if let Some(ci) = self.cand_ending_at(j).filter(|&ci| {
                    self.cands
                        .get(ci)
                        .is_some_and(|c| c.ty == EntityType::Norp && c.t1 == c.t0 + 1)
                        && self.demonym_of(s).is_none()
                }) {
                    if let Some(&e) = self.ent_of_cand.get(ci).filter(|&&e| e != usize::MAX) {
                        affil.push(self.root(e));
                    }
                    a = j;
                    continue;
                }
                if let Some(ci) = self
                    .cand_ending_at(j)
                    .filter(|&ci| self.cands.get(ci).is_some_and(|c| c.ty != EntityType::Norp))
                {
                    let Some(c) = self.cands.get(ci) else { break };
                    if c.ty == EntityType::Person {
                        break;
                    }
                    if let Some(&e) = self.ent_of_cand.get(ci) {
                        if e != usize::MAX {
                            affil.push(self.root(e));
                        }
                    }
                    a = c.t0.min(j);
                    continue;
                }
                if let Some(country) = self.demonym_of(s) {
                    if let Some(&e) = self.by_kb.get(&country) {
                        affil.push(self.root(e));
                    }
                    a = j;
                    continue;
                }
                if self.ctx.is_word(j)
                    && (s.contains('-') || is_group_modifier(s))
                    && !words::capitalised(s)
                {
                    a = j;
                    continue;
                }
                break;
            }
            // A bare force noun ("police", "the army"): the group of that noun just
            // mentioned, else the one force the article names ("the Norland Police Service").
            if a == i && is_force_noun(self.ctx.s(i)) {
                let mut h = String::new();
                normalize_into(self.ctx.s(i), &mut h);
                let near = recent
                    .iter()
                    .rev()
                    .any(|(k, _, u)| *k == h && unit.saturating_sub(*u) <= LOOKBACK_UNITS);
                if !near {
                    if let Some(t) = self.named_force(i) {
                        let mut a0 = a;
                        if a0 > u0 && words::is(self.ctx.s(a0 - 1), "the") {
                            a0 -= 1;
                        }
                        let span = self.ctx.range(a0, i + 1);
                        self.add_mention(t, span, MentionKind::Nominal);
                        for u in self.used.get_mut(a0..=i).unwrap_or(&mut []) {
                            *u = true;
                        }
                        continue;
                    }
                }
            }
            if weak && affil.is_empty() {
                if a == i && is_force_noun(self.ctx.s(i)) {
                    let mut h = String::new();
                    normalize_into(self.ctx.s(i), &mut h);
                    let det = a > u0 && words::is(self.ctx.s(a - 1), "the");
                    let prev = recent
                        .iter()
                        .rev()
                        .find(|(k, _, u)| *k == h && unit.saturating_sub(*u) <= LOOKBACK_UNITS)
                        .map(|(_, e, _)| *e);
                    if let (true, Some(e)) = (det, prev) {
                        let e = self.root(e);
                        self.add_mention(e, self.ctx.range(a, i + 1), MentionKind::Nominal);
                        recent.push((h, e, unit));
                        if let Some(u) = self.used.get_mut(i) {
                            *u = true;
                        }
                    }
                }
                continue;
            }
            let span = self.ctx.range(a, i + 1);
            normalize_into(self.ctx.slice(span), &mut key);
            let head_key = {
                let mut h = String::new();
                normalize_into(self.ctx.s(i), &mut h);
                h
            };
            let det = a > u0 && words::is(self.ctx.s(a - 1), "the");
            let e = if let Some(&e) = by_key.get(key.as_str()) {
                Some(self.root(e))
            } else if a == i && det {
                recent
                    .iter()
                    .rev()
                    .find(|(h, _, u)| *h == head_key && unit.saturating_sub(*u) <= LOOKBACK_UNITS)
                    .map(|(_, e, _)| self.root(*e))
            } else {
                None
            };
            let e = match e {
                Some(e) => e,
                None => {
                    let e = self.new_ent();
                    if let Some(x) = self.ents.get_mut(e) {
                        x.strong = Some(EntityType::Group);
                        x.head = Some(i);
                    }
                    by_key.insert(key.clone(), e);
                    e
                }
            };
            self.add_mention(e, span, MentionKind::Nominal);
            if let Some(x) = self.ents.get_mut(e) {
                for f in affil {
                    if !x.affil.contains(&f) {
                        x.affil.push(f);
                    }
                }
            }
            recent.push((head_key, e, unit));
            if recent.len() > LOOKBACK_MENTIONS {
                recent.remove(0);
            }
            for u in self.used.get_mut(a..=i).unwrap_or(&mut []) {
                *u = true;
            }
        }
    }

    /// The candidate whose last token is `j` (binary search: candidates are sorted by start).
    fn cand_ending_at(&self, j: usize) -> Option<usize> {
        let k = self.cands.partition_point(|c| c.t0 <= j);
        (k.saturating_sub(3)..k)
            .rev()
            .find(|&ci| self.cands.get(ci).is_some_and(|c| c.t1 == j + 1))
    }

    /// The candidate starting at token `j`.
    fn cand_starting_at(&self, j: usize) -> Option<usize> {
        let k = self.cands.partition_point(|c| c.t0 < j);
        self.cands.get(k).filter(|c| c.t0 == j).map(|_| k)
    }

    fn demonym_of(&self, s: &str) -> Option<EntryId> {
        if s.len() < 4 || !words::capitalised(s) {
            return None;
        }
        self.ctx.demonym(s)
    }

    // ---------------------------------------------------------------- descriptions

    /// Appositions after a person's name: "X, the foreign minister," → a title and a mention.
    fn appositions(&mut self) {
        for ci in 0..self.cands.len() {
            let Some(c) = self.cands.get(ci) else {
                continue;
            };
            if c.ty != EntityType::Person && c.ty != EntityType::Org {
                continue;
            }
            if !words::is(self.ctx.s(c.t1), ",") {
                continue;
            }
            let e = self.ent_of_cand.get(ci).copied().unwrap_or(usize::MAX);
            if e == usize::MAX {
                continue;
            }
            let unit = self.ctx.unit(c.t0);
            let u1 = self.ctx.units.get(unit as usize).map_or(c.t1, |u| u.t1);
            let j = c.t1 + 1;
            let mut k = j;
            let mut role = None;
            let mut owner = None;
            while k < u1 && k - j < 12 {
                let s = self.ctx.s(k);
                if !self.ctx.is_word(k) && !matches!(s, "'s" | "’s") {
                    break;
                }
                if [
                    "said", "says", "who", "which", "that", "whose", "where", "when",
                ]
                .iter()
                .any(|w| words::is(s, w))
                    || words::is(s, "and") && k == j
                {
                    break;
                }
                if let Some(oi) = self.cand_starting_at(k) {
                    let Some(o) = self.cands.get(oi) else { break };
                    if o.ty == EntityType::Person || k == j && o.ty == c.ty {
                        break;
                    }
                    owner = self
                        .ent_of_cand
                        .get(oi)
                        .copied()
                        .filter(|&x| x != usize::MAX);
                    k = o.t1.max(k + 1);
                    continue;
                }
                let is_role = if c.ty == EntityType::Person {
                    words::is_role_noun(s)
                } else {
                    words::is_org_noun(s)
                };
                if is_role && role.is_none() && !words::capitalised(s) {
                    role = Some(k);
                }
                k += 1;
            }
            let Some(r) = role else { continue };
            let closes = matches!(self.ctx.s(k), "," | "." | ";" | ")" | "—" | "–")
                || ["who", "which", "whose", "that"]
                    .iter()
                    .any(|w| words::is(self.ctx.s(k), w));
            if r - j > 5 || k <= j || !closes {
                continue;
            }
            // Before the role noun only determiners, owners and title words ("the group's
            // military", "Iran's foreign", "a senior"), so the role noun is the head.
            let head_ok = (j..r).all(|m| {
                let w = self.ctx.s(m);
                words::is_determiner(w)
                    || matches!(w, "'s" | "’s" | "its" | "his" | "her" | "their")
                    || words::is_title_modifier(w)
                    || words::is_role_noun(w)
                    || is_org_modifier(w)
                    || self.in_name.get(m).copied().unwrap_or(false)
                    || self.demonym_of(w).is_some()
                    || [
                        "former", "longtime", "veteran", "senior", "top", "new", "current",
                        "group", "party", "army", "company", "ministry",
                    ]
                    .iter()
                    .any(|x| words::is(w, x))
            });
            if !head_ok {
                continue;
            }
            let first = self.ctx.s(j);
            let opener_ok = words::is_determiner(first)
                || matches!(
                    first.to_ascii_lowercase().as_str(),
                    "its" | "his" | "her" | "their"
                )
                || !words::capitalised(first)
                || self.cand_starting_at(j).is_some()
                || self.demonym_of(first).is_some();
            if !opener_ok {
                continue;
            }
            let span = self.ctx.range(j, k);
            let title_from = if words::is_determiner(first) {
                j + 1
            } else {
                j
            };
            let title = self.ctx.range(title_from, k);
            let r_e = self.root(e);
            self.add_mention(r_e, span, MentionKind::Nominal);
            if let Some(x) = self.ents.get_mut(r_e) {
                if c.ty == EntityType::Person {
                    x.titles.push(title);
                    if x.gender.is_none() {
                        x.gender = words::title_gender(self.ctx.s(r));
                    }
                }
                if let Some(o) = owner {
                    x.affil.push(o);
                }
            }
            for u in self.used.get_mut(j..k).unwrap_or(&mut []) {
                *u = true;
            }
        }
    }

    /// Descriptions set before a person's name: "the bloc's chief negotiator, Tomas Arvel,",
    /// "Chile's deputy foreign minister, Ines Marrow," → a title, an owner and a mention.
    fn pre_appositions(&mut self) {
        for ci in 0..self.cands.len() {
            let Some(c) = self.cands.get(ci) else {
                continue;
            };
            // The name, or its honorific ("the regional governor, Col. Lena Ferro").
            let start = c.title.map_or(c.t0, |t| {
                self.ctx
                    .toks
                    .partition_point(|x| x.span.start() < t.start())
            });
            if c.ty != EntityType::Person || start < 3 || self.ctx.s(start - 1) != "," {
                continue;
            }
            let unit = self.ctx.unit(c.t0);
            let role = start - 2;
            let rw = self.ctx.s(role);
            if self.ctx.unit(role) != unit || !words::is_role_noun(rw) || words::capitalised(rw) {
                continue;
            }
            let u0 = self.ctx.units.get(unit as usize).map_or(role, |u| u.t0);
            let mut a = role;
            while a > u0 && role - a < 4 {
                let w = self.ctx.s(a - 1);
                let adjective = self.ctx.is_word(a - 1)
                    && w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !STOP_WORDS.iter().any(|x| words::is(w, x));
                if !words::capitalised(w)
                    && (words::is_title_modifier(w)
                        || words::is_role_noun(w)
                        || is_org_modifier(w)
                        || adjective)
                {
                    a -= 1;
                } else {
                    break;
                }
            }
            let title_start = a;
            let mut owner = None;
            if a > u0 {
                let w = self.ctx.s(a - 1);
                if words::is_determiner(w) {
                    a -= 1;
                } else if matches!(w, "'s" | "’s" | "'" | "’") && a >= 2 {
                    if let Some(oi) = self.cand_ending_at(a - 2) {
                        if let Some(o) = self.cands.get(oi).filter(|o| o.ty != EntityType::Person) {
                            owner = self
                                .ent_of_cand
                                .get(oi)
                                .copied()
                                .filter(|&x| x != usize::MAX);
                            a = o.t0;
                            if a > u0 && words::is(self.ctx.s(a - 1), "the") {
                                a -= 1;
                            }
                        }
                    }
                    if owner.is_none() {
                        continue;
                    }
                } else {
                    continue;
                }
            } else {
                continue;
            }
            let e = self.ent_of_cand.get(ci).copied().unwrap_or(usize::MAX);
            if e == usize::MAX
                || self
                    .used
                    .get(a..role + 1)
                    .is_none_or(|u| u.iter().any(|&x| x) && owner.is_none())
            {
                continue;
            }
            let span = self.ctx.range(a, role + 1);
            let title = self.ctx.range(title_start, role + 1);
            let r = self.root(e);
            self.add_mention(r, span, MentionKind::Nominal);
            let gender = words::title_gender(rw);
            if let Some(x) = self.ents.get_mut(r) {
                x.titles.push(title);
                if x.gender.is_none() {
                    x.gender = gender;
                }
                if let Some(o) = owner {
                    x.affil.push(o);
                }
            }
            for u in self.used.get_mut(title_start..=role).unwrap_or(&mut []) {
                *u = true;
            }
        }
    }

    /// Definite descriptions of persons and organisations elsewhere.
    fn descriptions(&mut self) {
        let mut refs = self.refs();
        for i in 0..self.ctx.toks.len() {
            if self.used.get(i).copied().unwrap_or(true) || self.ctx.unit(i) == NO_UNIT {
                continue;
            }
            let s = self.ctx.s(i);
            if !self.ctx.is_word(i) || words::capitalised(s) && !self.ctx.opens_unit(i) {
                continue;
            }
            let person = words::is_role_noun(s);
            let org = !person && (words::is_org_noun(s) || !org_kind_heads(s).is_empty());
            let country = !person && !org && words::is(s, "country");
            if !person && !org && !country {
                continue;
            }
            let unit = self.ctx.unit(i);
            let u0 = self.ctx.units.get(unit as usize).map_or(i, |u| u.t0);
            let u1 = self.ctx.units.get(unit as usize).map_or(i + 1, |u| u.t1);
            // Not a title before a name, not "the minister's", not a plural.
            if self.cand_starting_at(i + 1).is_some() {
                continue;
            }
            // Walk back over modifiers to "the" or an owner with a possessive.
            let mut a = i;
            let mut owner: Option<usize> = None;
            let mut demonym: Option<EntryId> = None;
            let mut definite = false;
            let mut modifiers = 0;
            // A place's derived demonym among the modifiers ("her Sudrian counterpart").
            let mut demonym_ent: Option<usize> = None;
            let mut pron_opener = false;
            // Other lower-case words before an organisation noun, which its name must hold
            // ("the health workers' union").
            let mut free: Vec<usize> = Vec::new();
            while a > u0 && modifiers < 4 {
                let j = a - 1;
                let w = self.ctx.s(j);
                if words::is(w, "the") {
                    definite = true;
                    a = j;
                    break;
                }
                // "his Sudrian counterpart": a possessive pronoun with the owner's demonym.
                if person
                    && (demonym.is_some() || demonym_ent.is_some())
                    && ["his", "her", "their"].iter().any(|d| words::is(w, d))
                {
                    definite = true;
                    pron_opener = true;
                    a = j;
                    break;
                }
                if matches!(w, "'s" | "’s" | "'" | "’") && j > u0 {
                    // "the group's second-in-command": an owner known only by a description.
                    if person
                        && self.cand_ending_at(j - 1).is_none()
                        && j >= u0 + 2
                        && words::is(self.ctx.s(j - 2), "the")
                        && (words::is_org_noun(self.ctx.s(j - 1))
                            || !org_kind_heads(self.ctx.s(j - 1)).is_empty())
                    {
                        definite = true;
                        a = j - 2;
                        break;
                    }
                    // A plural's possessive inside the description ("workers' union").
                    if org
                        && matches!(w, "'" | "’")
                        && self.cand_ending_at(j - 1).is_none()
                        && self.ctx.s(j - 1).ends_with('s')
                        && !words::capitalised(self.ctx.s(j - 1))
                    {
                        a = j;
                        continue;
                    }
                    if let Some(oi) = self.cand_ending_at(j - 1) {
                        if let Some(o) = self.cands.get(oi) {
                            if o.ty != EntityType::Person {
                                owner = self
                                    .ent_of_cand
                                    .get(oi)
                                    .copied()
                                    .filter(|&x| x != usize::MAX);
                                definite = true;
                                a = o.t0;
                            }
                        }
                    }
                    break;
                }
                if let Some(cn) = self.demonym_of(w) {
                    demonym = Some(cn);
                    a = j;
                    modifiers += 1;
                    continue;
                }
                if let Some(e) = self.derived_place_ent(w) {
                    demonym_ent = Some(e);
                    a = j;
                    modifiers += 1;
                    continue;
                }
                if self.ctx.is_word(j)
                    && !words::capitalised(w)
                    && (words::is_title_modifier(w) || words::is_role_noun(w) || is_org_modifier(w))
                {
                    a = j;
                    modifiers += 1;
                    continue;
                }
                // "the Norland-led bloc": an affiliation word.
                if org
                    && self.ctx.is_word(j)
                    && w.rsplit_once('-')
                        .is_some_and(|(_, suf)| words::is_affil_suffix(suf))
                {
                    a = j;
                    modifiers += 1;
                    continue;
                }
                if org
                    && self.ctx.is_word(j)
                    && !words::capitalised(w)
                    && w.len() >= 3
                    && !STOP_WORDS.iter().any(|x| words::is(w, x))
                    && words::pronoun(w).is_none()
                    && !words::is_determiner(w)
                {
                    free.push(j);
                    a = j;
                    modifiers += 1;
                    continue;
                }
                break;
            }
            if !definite {
                continue;
            }
            // "the head of Hamas": an owner after "of".
            let mut end = i + 1;
            if owner.is_none() && end + 1 < u1 && words::is(self.ctx.s(end), "of") {
                if let Some(oi) = self.cand_starting_at(end + 1) {
                    if let Some(o) = self.cands.get(oi) {
                        if o.ty != EntityType::Person {
                            owner = self
                                .ent_of_cand
                                .get(oi)
                                .copied()
                                .filter(|&x| x != usize::MAX);
                            end = o.t1;
                        }
                    }
                }
            }
            if owner.is_none() {
                if let Some(cn) = demonym {
                    owner = self.by_kb.get(&cn).copied();
                }
            }
            if owner.is_none() {
                owner = demonym_ent;
            }
            let owner = owner.map(|o| self.root(o));
            let span = self.ctx.range(a, end);
            let target = if person {
                self.resolve_person_description(a, i, end, owner, &refs)
            } else if org {
                self.resolve_org_description(i, unit, demonym, owner, &free, &refs)
            } else {
                self.resolve_country(a, unit, &refs)
            };
            let Some(t) = target else { continue };
            let t = self.root(t);
            // The possessive pronoun opening "her Sudrian counterpart" is left to the
            // pronoun pass.
            let (a, span) = if pron_opener {
                (a + 1, self.ctx.range(a + 1, end))
            } else {
                (a, span)
            };
            self.add_mention(t, span, MentionKind::Nominal);
            for u in self.used.get_mut(a..end).unwrap_or(&mut []) {
                *u = true;
            }
            let pos = refs.partition_point(|r| r.tok < a);
            refs.insert(
                pos,
                Ref {
                    tok: a,
                    unit,
                    ent: t,
                    subject: self.ctx.opens_unit(a),
                },
            );
        }
    }

    /// Words of the description at tokens `[a, i]` (without "the" or owner) all in one of the
    /// entity's titles.
    fn titles_hold(&self, e: usize, a: usize, i: usize) -> bool {
        let Some(x) = self.ent(e) else { return false };
        x.titles.iter().any(|t| {
            let title = self.ctx.slice(*t);
            (a..=i).all(|j| {
                let w = self.ctx.s(j);
                if words::is(w, "the") || matches!(w, "'s" | "’s" | "'" | "’") {
                    return true;
                }
                if self.in_name.get(j).copied().unwrap_or(false) {
                    return true; // the owner's name
                }
                if w.contains('-') {
                    return title
                        .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
                        .any(|tw| tw.eq_ignore_ascii_case(w));
                }
                title
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|tw| tw.eq_ignore_ascii_case(w))
            })
        })
    }

    fn affiliated(&self, e: usize, owner: usize) -> bool {
        let Some(x) = self.ent(e) else { return false };
        if x.affil.iter().any(|&f| self.root(f) == owner) {
            return true;
        }
        let (Some(pk), Some(ok)) = (x.kb, self.ent(owner).and_then(|o| o.kb)) else {
            return false;
        };
        self.ctx
            .kb
            .get(pk)
            .is_some_and(|p| p.affiliation() == Some(ok) || p.country() == Some(ok))
    }

    fn resolve_person_description(
        &self,
        a: usize,
        i: usize,
        _end: usize,
        owner: Option<usize>,
        refs: &[Ref],
    ) -> Option<usize> {
        // A counterpart is told by its owner alone ("her Sudrian counterpart").
        let head = words::is_head_noun(self.ctx.s(i)) || words::is(self.ctx.s(i), "counterpart");
        // With an owner: the one person affiliated with it, anywhere in the text.
        if let Some(o) = owner {
            let mut found = None;
            for e in 0..self.ents.len() {
                let Some(x) = self.ents.get(e) else { continue };
                if x.parent.is_some() || x.ty() != EntityType::Person || x.mentions.is_empty() {
                    continue;
                }
                if self.affiliated(e, o) && (head || self.titles_hold(e, a, i)) {
                    if found.is_some() {
                        return None;
                    }
                    found = Some(e);
                }
            }
            return found;
        }
        // Without: the one person mentioned before whose titles hold the words.
        let pos = refs.partition_point(|r| r.tok < a);
        let mut found: Option<usize> = None;
        for r in refs
            .get(..pos)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(LOOKBACK_MENTIONS * 4)
        {
            let e = self.root(r.ent);
            if found == Some(e) {
                continue;
            }
            let Some(x) = self.ents.get(e) else { continue };
            if x.ty() != EntityType::Person || !self.titles_hold(e, a, i) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(e);
        }
        found
    }

    fn resolve_org_description(
        &self,
        i: usize,
        unit: u32,
        demonym: Option<EntryId>,
        owner: Option<usize>,
        free: &[usize],
        refs: &[Ref],
    ) -> Option<usize> {
        let noun = self.ctx.s(i);
        // The words before the noun that are no usual modifiers must be in the name.
        let holds_free = |x: &Ent| -> bool {
            free.iter().all(|&j| {
                let w = self.ctx.s(j);
                x.mentions.iter().any(|m| {
                    m.kind == MentionKind::Name
                        && self
                            .ctx
                            .slice(m.span)
                            .split(|ch: char| !ch.is_alphanumeric())
                            .any(|n| n.eq_ignore_ascii_case(w))
                })
            })
        };
        let pos = refs.partition_point(|r| r.tok < i);
        let earlier = refs.get(..pos).unwrap_or(&[]);
        let owned_ok = |x: &Ent| -> bool {
            let entry = x.kb.and_then(|id| self.ctx.kb.get(id));
            let country = demonym.or_else(|| owner.and_then(|o| self.ent(o)).and_then(|o| o.kb));
            let owner_root = owner.or_else(|| demonym.and_then(|d| self.by_kb.get(&d).copied()));
            if country.is_none() && owner_root.is_none() {
                return true;
            }
            let by_kb = country.is_some_and(|c| {
                entry.is_some_and(|en| en.country() == Some(c)) || self.owned_by_country(x, c)
            });
            let by_text =
                owner_root.is_some_and(|o| x.affil.iter().any(|&f| self.root(f) == self.root(o)));
            by_kb || by_text
        };
        // 1. The most recent organisation whose name ends in the noun ("the bank" → "Central Bank").
        for r in earlier.iter().rev().take(LOOKBACK_MENTIONS * 4) {
            let e = self.root(r.ent);
            let Some(x) = self.ents.get(e) else { continue };
            if x.ty() != EntityType::Org {
                continue;
            }
            // Its head word also stands before a connector ("Marsh Foundation for the Arts").
            let named = x.mentions.iter().any(|m| {
                if m.kind != MentionKind::Name {
                    return false;
                }
                let name = self.ctx.slice(m.span);
                let mut parts = name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty());
                let mut prev: Option<&str> = None;
                let mut last = None;
                for w in parts.by_ref() {
                    if prev.is_some_and(|p| p.eq_ignore_ascii_case(noun))
                        && matches!(w, "for" | "of" | "on")
                    {
                        return true;
                    }
                    prev = Some(w);
                    last = Some(w);
                }
                last.is_some_and(|w| w.eq_ignore_ascii_case(noun))
            });
            if named && owned_ok(x) && holds_free(x) {
                return Some(e);
            }
        }
        // 2. The one organisation named before whose name's head word fits the noun's kind
        // ("the charity" → "… Relief Fund", "the regulator" → "… Conduct Authority").
        let heads = org_kind_heads(noun);
        if !heads.is_empty() {
            let mut found: Option<usize> = None;
            for r in earlier.iter().rev().take(LOOKBACK_MENTIONS * 4) {
                let e = self.root(r.ent);
                if found == Some(e) {
                    continue;
                }
                let Some(x) = self.ents.get(e) else { continue };
                if x.ty() != EntityType::Org {
                    continue;
                }
                let fits = x.mentions.iter().any(|m| {
                    m.kind == MentionKind::Name
                        && self
                            .ctx
                            .slice(m.span)
                            .rsplit(|c: char| !c.is_alphanumeric())
                            .find(|w| !w.is_empty())
                            .is_some_and(|w| heads.iter().any(|h| w.eq_ignore_ascii_case(h)))
                });
                if !fits {
                    continue;
                }
                if found.is_some() {
                    found = None;
                    break;
                }
                found = Some(e);
            }
            if let Some(e) = found {
                if self.ent(e).is_some_and(|x| owned_ok(x) && holds_free(x)) {
                    return Some(e);
                }
            }
        }
        if !free.is_empty() {
            return None;
        }
        // 2. The most recent organisation of the kind the noun names.
        let company = [
            "company",
            "firm",
            "shipowner",
            "operator",
            "insurer",
            "lender",
        ]
        .iter()
        .any(|w| words::is(noun, w));
        let group = [
            "group",
            "movement",
            "militia",
            "network",
            "organisation",
            "organization",
            "insurgency",
            "faction",
        ]
        .iter()
        .any(|w| words::is(noun, w));
        if !company && !group {
            return None;
        }
        for r in earlier.iter().rev().take(LOOKBACK_MENTIONS) {
            let e = self.root(r.ent);
            let Some(x) = self.ents.get(e) else { continue };
            if demonym.is_none() && owner.is_none() && unit.saturating_sub(r.unit) > LOOKBACK_UNITS
            {
                return None;
            }
            if x.ty() != EntityType::Org || !owned_ok(x) {
                continue;
            }
            let entry = x.kb.and_then(|id| self.ctx.kb.get(id));
            let last = x
                .best
                .and_then(|b| self.cands.get(b))
                .map_or("", |c| self.ctx.s(c.t1.saturating_sub(1)));
            let last = last.trim_end_matches('.');
            let fits = if company {
                entry.is_some_and(|en| en.kind() == Kind::Company)
                    || [
                        "corp",
                        "inc",
                        "ltd",
                        "co",
                        "company",
                        "plc",
                        "group",
                        "airlines",
                        "corporation",
                        "shipping",
                        "holdings",
                        "industries",
                        "securities",
                        "capital",
                        "bank",
                    ]
                    .iter()
                    .any(|w| last.eq_ignore_ascii_case(w))
            } else {
                entry.is_some_and(|en| en.kind() == Kind::NonStateGroup)
                    || [
                        "group",
                        "movement",
                        "front",
                        "brigades",
                        "brigade",
                        "militia",
                        "army",
                        "network",
                        "organization",
                        "organisation",
                        "alliance",
                        "council",
                    ]
                    .iter()
                    .any(|w| last.eq_ignore_ascii_case(w))
            };
            if fits {
                return Some(e);
            }
        }
        None
    }

    /// Whether an organisation's owned name belongs to `country`.
    fn owned_by_country(&self, x: &Ent, country: EntryId) -> bool {
        x.affil
            .iter()
            .any(|&f| self.ent(f).is_some_and(|o| o.kb == Some(country)))
    }

    /// "the country": the most recent country named within a few sentences.
    fn resolve_country(&self, at: usize, unit: u32, refs: &[Ref]) -> Option<usize> {
        let pos = refs.partition_point(|r| r.tok < at);
        for r in refs
            .get(..pos)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(LOOKBACK_MENTIONS)
        {
            if unit.saturating_sub(r.unit) > LOOKBACK_UNITS {
                return None;
            }
            let e = self.root(r.ent);
            let Some(x) = self.ents.get(e) else { continue };
            let country =
                x.kb.and_then(|id| self.ctx.kb.get(id))
                    .is_some_and(|en| en.kind() == Kind::Country);
            if country {
                return Some(e);
            }
        }
        None
    }

    /// Name and description mentions in text order, for look-back.
    fn refs(&self) -> Vec<Ref> {
        let mut refs = Vec::with_capacity(self.cands.len());
        for (ci, c) in self.cands.iter().enumerate() {
            let e = self.ent_of_cand.get(ci).copied().unwrap_or(usize::MAX);
            if e == usize::MAX {
                continue;
            }
            refs.push(Ref {
                tok: c.t0,
                unit: self.ctx.unit(c.t0),
                ent: self.root(e),
                subject: self.ctx.opens_unit(c.t0) || self.title_opens(c),
            });
        }
        // Appositions and groups already added as nominal mentions.
        for (e, x) in self.ents.iter().enumerate() {
            if x.parent.is_some() {
                continue;
            }
            for m in &x.mentions {
                if m.kind == MentionKind::Nominal {
                    let t = self
                        .ctx
                        .toks
                        .partition_point(|t| t.span.start() < m.span.start());
                    refs.push(Ref {
                        tok: t,
                        unit: self.ctx.unit(t),
                        ent: e,
                        subject: self.ctx.opens_unit(t),
                    });
                }
            }
        }
        refs.sort_by_key(|r| r.tok);
        refs
    }

    fn title_opens(&self, c: &Cand) -> bool {
        c.title.is_some_and(|t| {
            let tt = self
                .ctx
                .toks
                .partition_point(|x| x.span.start() < t.start());
            self.ctx.opens_unit(tt)
        })
    }

    // ---------------------------------------------------------------- pronouns

    fn pronouns(&mut self) {
        let refs = self.refs();
        for i in 0..self.ctx.toks.len() {
            if self.used.get(i).copied().unwrap_or(true) || self.ctx.unit(i) == NO_UNIT {
                continue;
            }
            let s = self.ctx.s(i);
            let Some(p) = words::pronoun(s) else { continue };
            if self.ctx.quoted(i) {
                continue;
            }
            if p == Pronoun::Neuter && words::is(s, "it") && !it_is_referential(self.ctx.s(i + 1)) {
                continue;
            }
            if words::is(s, "itself") || words::is(s, "themselves") {
                continue; // "a group calling itself X": the antecedent follows
            }
            let unit = self.ctx.unit(i);
            let pos = refs.partition_point(|r| r.tok < i);
            let before = refs.get(..pos).unwrap_or(&[]);
            let fits = |e: usize| -> bool {
                let Some(x) = self.ents.get(e) else {
                    return false;
                };
                let t = x.ty();
                match p {
                    Pronoun::Male | Pronoun::Female => {
                        t == EntityType::Person && x.gender.is_none_or(|g| g == p)
                    }
                    Pronoun::Neuter => matches!(t, EntityType::Org) || is_place(t),
                    Pronoun::Plural => t == EntityType::Group,
                }
            };
            let subject_pronoun = self.ctx.opens_unit(i)
                || matches!(self.ctx.s(i.wrapping_sub(1)), "," | "“" | "\"" | "‘");
            let mut target = None;
            // The current unit, then the one before it (and, if empty, the one before that).
            let mut look = unit;
            let mut steps = 0;
            loop {
                let in_unit: Vec<&Ref> = before
                    .iter()
                    .rev()
                    .take(LOOKBACK_MENTIONS)
                    .take_while(|r| r.unit >= look)
                    .filter(|r| r.unit == look)
                    .collect();
                let mut distinct: Vec<usize> = Vec::new();
                for r in &in_unit {
                    let e = self.root(r.ent);
                    if fits(e) && !distinct.contains(&e) {
                        distinct.push(e);
                    }
                }
                // An organisation or place in an earlier sentence must be its subject.
                let earlier_neuter = p == Pronoun::Neuter && look != unit;
                match distinct.as_slice() {
                    [one] if !earlier_neuter => {
                        target = Some(*one);
                        break;
                    }
                    [_] => {
                        if let Some(first) = in_unit.last() {
                            let e = self.root(first.ent);
                            if first.subject && fits(e) {
                                target = Some(e);
                            }
                        }
                        break;
                    }
                    [] => {}
                    _ => {
                        if look != unit && subject_pronoun {
                            // The earlier sentence's subject.
                            if let Some(first) = in_unit.last() {
                                let e = self.root(first.ent);
                                if first.subject && fits(e) {
                                    target = Some(e);
                                }
                            }
                        }
                        break;
                    }
                }
                steps += 1;
                if look == 0 || steps > 2 {
                    break;
                }
                look -= 1;
                // Skip headline and dateline units.
                if self
                    .ctx
                    .units
                    .get(look as usize)
                    .is_some_and(|u| u.region.is_some())
                {
                    break;
                }
            }
            // A description left unresolved between the antecedent and the pronoun ("the
            // company", "the minister") may be what the pronoun refers to: leave it.
            if let Some(t) = target {
                let from = before
                    .iter()
                    .rev()
                    .find(|r| self.root(r.ent) == t)
                    .map_or(i, |r| r.tok);
                if !self.open_description(from, i, p) {
                    self.add_mention(t, self.ctx.span(i), MentionKind::Pronoun);
                }
            }
        }
    }

    /// Whether tokens `[from, to)` hold a definite description no entity took ("the company")
    /// that a pronoun of class `p` could refer to.
    fn open_description(&self, from: usize, to: usize, p: Pronoun) -> bool {
        (from + 1..to).any(|j| {
            let w = self.ctx.s(j);
            // A plural noun phrase no entity took ("officials", "the two neighbours") is
            // nearer than the group: "they" may be it.
            if p == Pronoun::Plural {
                return !self.used.get(j).copied().unwrap_or(true)
                    && self.ctx.is_word(j)
                    && (!words::capitalised(w) || self.ctx.opens_unit(j))
                    && (words::is_group_noun(w)
                        || is_plural_description(w)
                        || w.len() > 4 && w.ends_with('s') && self.ctx.kb.agent(w).is_some());
            }
            if self.used.get(j).copied().unwrap_or(true) || !words::is(self.ctx.s(j - 1), "the") {
                return false;
            }
            match p {
                Pronoun::Male | Pronoun::Female => words::is_role_noun(w),
                Pronoun::Neuter => {
                    words::is_org_noun(w)
                        || is_org_cue(w)
                        || is_force_noun(w) && !words::is(w, "police")
                }
                Pronoun::Plural => false,
            }
        })
    }

    // ---------------------------------------------------------------- output

    fn finish(mut self) -> Vec<Entity> {
        let kb = self.ctx.kb;
        // Persons linked to the knowledge base: affiliations it gives, when in the text.
        for e in 0..self.ents.len() {
            let Some(x) = self.ents.get(e) else { continue };
            if x.parent.is_some() || x.ty() != EntityType::Person {
                continue;
            }
            let Some(entry) = x.kb.and_then(|id| kb.get(id)) else {
                continue;
            };
            let extra: Vec<usize> = [entry.affiliation(), entry.country()]
                .into_iter()
                .flatten()
                .filter_map(|id| self.by_kb.get(&id).map(|&f| self.root(f)))
                .collect();
            if let Some(x) = self.ents.get_mut(e) {
                x.affil.extend(extra);
            }
        }
        let mut order: Vec<(usize, usize)> = Vec::new();
        for (e, x) in self.ents.iter_mut().enumerate() {
            if x.parent.is_some() || x.mentions.is_empty() {
                continue;
            }
            x.mentions.sort_by_key(|m| (m.span.start(), m.span.end()));
            x.mentions.dedup_by_key(|m| m.span);
            let has_name = x
                .mentions
                .iter()
                .any(|m| matches!(m.kind, MentionKind::Name | MentionKind::Demonym));
            if !has_name && x.strong != Some(EntityType::Group) {
                continue;
            }
            if let Some(first) = x.mentions.first() {
                order.push((first.span.start(), e));
            }
        }
        order.sort_unstable();
        let mut index = vec![u32::MAX; self.ents.len()];
        for (n, &(_, e)) in order.iter().enumerate() {
            if let Some(slot) = index.get_mut(e) {
                *slot = n as u32;
            }
        }
        let mut out = Vec::with_capacity(order.len());
        for &(_, e) in &order {
            let Some(x) = self.ents.get(e) else { continue };
            let ty = x.ty();
            let entry = x.kb.and_then(|id| kb.get(id));
            let name = match entry {
                Some(en) => en.name().to_owned(),
                None => {
                    let want = if ty == EntityType::Group {
                        MentionKind::Nominal
                    } else {
                        MentionKind::Name
                    };
                    x.mentions
                        .iter()
                        .filter(|m| m.kind == want)
                        .map(|m| m.span)
                        .chain(x.full_name)
                        .map(|s| self.ctx.slice(s))
                        .max_by_key(|s| s.chars().count())
                        .map_or(String::new(), |n| {
                            if ty == EntityType::Person {
                                crate::layout::display_name(self.ctx, n).into_owned()
                            } else {
                                n.to_owned()
                            }
                        })
                }
            };
            // An entity known only by a demonym or a description: its longest mention.
            let name = if name.is_empty() {
                x.mentions
                    .iter()
                    .map(|m| self.ctx.slice(m.span))
                    .max_by_key(|s| s.chars().count())
                    .unwrap_or("")
                    .to_owned()
            } else {
                name
            };
            let kb_link = entry.map(|en| {
                let mut codes = Vec::new();
                if let Some(c) = en.cameo() {
                    codes.push(("cameo".to_owned(), c.to_owned()));
                }
                if let Some(c) = en.iso2() {
                    codes.push(("iso2".to_owned(), c.to_owned()));
                }
                if let Some(c) = en.iso3() {
                    codes.push(("iso3".to_owned(), c.to_owned()));
                }
                KbLink {
                    id: en.key().to_owned(),
                    codes,
                }
            });
            let mut titles: Vec<String> = Vec::new();
            for t in &x.titles {
                let s = self.ctx.slice(*t).trim();
                if !s.is_empty() && !titles.iter().any(|o| o.eq_ignore_ascii_case(s)) {
                    titles.push(s.to_owned());
                }
            }
            let mut affiliations: Vec<EntityId> = Vec::new();
            for &f in &x.affil {
                let r = self.root(f);
                if r == e {
                    continue;
                }
                if let Some(&n) = index.get(r) {
                    if n != u32::MAX && !affiliations.contains(&EntityId(n)) {
                        affiliations.push(EntityId(n));
                    }
                }
            }
            out.push(Entity {
                name,
                kind: ty,
                kb: kb_link,
                titles,
                affiliations,
                mentions: x.mentions.clone(),
            });
        }
        out
    }
}

/// Function words and verbs that never sit inside a description before its role noun.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "had", "has", "have", "in", "is", "of",
    "on", "or", "said", "says", "that", "the", "to", "was", "were", "who", "with",
];

/// Whether `w` is a demonym formed from the place name `place` by a common suffix: the name
/// itself or without a final vowel or two, then "-n", "-an", "-ian", "-ese", "-ic", "-ish",
/// "-i", "-er" or their plurals ("Sudria" → "Sudrian", "Norland" → "Norlandic",
/// "Kestra" → "Kestrans").
fn derived_from(w: &str, place: &str) -> bool {
    const SUFFIXES: [&str; 14] = [
        "ians", "ian", "ans", "an", "ns", "n", "ese", "ic", "ish", "is", "i", "ers", "er", "ics",
    ];
    if w.len() <= place.len().saturating_sub(2) || w == place || place.len() < 4 {
        return false;
    }
    SUFFIXES.iter().any(|suf| {
        let Some(stem) = w.strip_suffix(suf) else {
            return false;
        };
        let Some(rest) = place.strip_prefix(stem) else {
            return false;
        };
        stem.len() >= 4
            && rest.len() <= 2
            && rest
                .bytes()
                .all(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
    })
}

/// Whether `short` is an ordered subsequence of `long`.
/// Given names that stand for one another: a short form and the full name.
const NAME_VARIANTS: &[(&str, &str)] = &[
    ("abe", "abraham"),
    ("al", "albert"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("ben", "benjamin"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("kate", "katherine"),
    ("larry", "lawrence"),
    ("liz", "elizabeth"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("nick", "nicholas"),
    ("pat", "patricia"),
    ("pat", "patrick"),
    ("peggy", "margaret"),
    ("rick", "richard"),
    ("ron", "ronald"),
    ("sam", "samuel"),
    ("steve", "stephen"),
    ("steve", "steven"),
    ("sue", "susan"),
    ("ted", "edward"),
    ("tom", "thomas"),
    ("tony", "anthony"),
];

/// Whether two given names are one: equal, a listed short form of the other, or its first
/// four letters or more ("Chris", "Christine").
fn same_given(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 4 && long.starts_with(short)
        || NAME_VARIANTS.iter().any(|&(s, l)| s == short && l == long)
        || vowel_variant(a, b)
}

/// Whether two given names of five letters or more differ in one inner vowel only, a spelling
/// variant or slip ("Annika" and "Anneka"); not in the last letter ("Paulo", "Paula").
fn vowel_variant(a: &str, b: &str) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.len() < 5 || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let mut diff = a.iter().zip(b).enumerate().filter(|(_, (x, y))| x != y);
    match (diff.next(), diff.next()) {
        (Some((i, (&x, &y))), None) => i > 0 && i + 1 < a.len() && vowel(x) && vowel(y),
        _ => false,
    }
}

/// Whether two persons' names (normalised words, same last word) name one person: the same
/// given name or a variant of it, and middle names that are initials or agree.
fn same_person_names(a: &[String], b: &[String]) -> bool {
    let (Some(fa), Some(fb)) = (a.first(), b.first()) else {
        return false;
    };
    if !same_given(fa, fb) {
        return false;
    }
    let mid = |w: &[String]| -> Vec<String> {
        w.get(1..w.len().saturating_sub(1))
            .unwrap_or(&[])
            .iter()
            .filter(|x| x.trim_end_matches('.').chars().count() > 1)
            .cloned()
            .collect()
    };
    let (ma, mb) = (mid(a), mid(b));
    (ma.is_empty() || mb.is_empty() || ma == mb)
        && (a.len() <= b.len() && same_initials(a, b) || b.len() < a.len() && same_initials(b, a))
}

/// Whether a shorter name with middle initials has the longer one's middle initials: "George
/// W. Bush" is not "George H. W. Bush", though "Tom Avery" may be "Tom R. Avery".
fn same_initials(short: &[String], long: &[String]) -> bool {
    let initials = |w: &[String]| {
        w.iter()
            .skip(1)
            .take(w.len().saturating_sub(2))
            .filter(|x| x.chars().count() == 1)
            .count()
    };
    let n = initials(short);
    n == 0 || n == initials(long)
}

fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// A company's legal form ending its name ("Inc.", "Ltd").
fn is_legal_form(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    ["inc", "corp", "ltd", "llc", "plc", "gmbh"]
        .iter()
        .any(|x| words::is(w, x))
}

/// A word after which a name's tail is no name of its own ("Rail & Steam Museum",
/// "Museum of Flight").
fn is_tail_connector(w: &str) -> bool {
    matches!(
        w,
        "and" | "&" | "of" | "for" | "the" | "de" | "del" | "la" | "le" | "on" | "in" | "at"
    )
}

/// Whether "it" followed by `next` likely refers to something (not "it is", "it was").
fn it_is_referential(next: &str) -> bool {
    [
        "said",
        "says",
        "added",
        "denied",
        "claimed",
        "warned",
        "announced",
        "called",
        "urged",
        "accused",
        "launched",
        "rejected",
        "wants",
        "plans",
        "vowed",
        "has",
        "had",
    ]
    .iter()
    .any(|w| words::is(next, w))
}

/// The gender a person's title implies.
fn title_gender(ctx: &Ctx<'_>, title: ByteSpan) -> Option<Pronoun> {
    ctx.slice(title)
        .split(|c: char| !c.is_alphanumeric())
        .find_map(words::title_gender)
}

/// Lower-case nouns for an organisation's kind ("the company", "the operator").
fn is_org_cue(w: &str) -> bool {
    [
        "company",
        "firm",
        "operator",
        "group",
        "carrier",
        "lender",
        "insurer",
        "regulator",
    ]
    .iter()
    .any(|x| words::is(w, x))
}

/// Lower-case nouns that describe a place after its name ("Tana province").
fn is_place_descriptor(w: &str) -> bool {
    [
        "province",
        "region",
        "district",
        "county",
        "governorate",
        "state",
        "city",
        "town",
        "village",
        "field",
        "camp",
        "base",
        "crossing",
        "port",
        "plant",
        "mine",
        "valley",
        "municipality",
        "prefecture",
        "island",
        "neighbourhood",
        "neighborhood",
        "site",
        "sites",
        "facility",
        "complex",
        "reactor",
        "station",
    ]
    .iter()
    .any(|d| words::is(w, d))
}

/// The head words of the names an organisation noun may stand for ("the charity" for a
/// "… Fund" or "… Foundation"), empty for other words.
fn org_kind_heads(noun: &str) -> &'static [&'static str] {
    const TABLE: &[(&str, &[&str])] = &[
        (
            "agency",
            &[
                "agency",
                "service",
                "bureau",
                "office",
                "authority",
                "administration",
                "directorate",
            ],
        ),
        ("airline", &["airlines", "airways", "air", "aviation"]),
        (
            "alliance",
            &["alliance", "coalition", "front", "bloc", "pact", "league"],
        ),
        (
            "bloc",
            &[
                "union",
                "alliance",
                "community",
                "bloc",
                "pact",
                "coalition",
                "organization",
                "organisation",
                "association",
                "league",
            ],
        ),
        (
            "broadcaster",
            &["broadcasting", "television", "tv", "radio", "corporation"],
        ),
        (
            "carrier",
            &[
                "airlines", "airways", "air", "lines", "shipping", "telecom", "telecoms",
            ],
        ),
        (
            "charity",
            &[
                "fund",
                "foundation",
                "trust",
                "charity",
                "relief",
                "rescue",
                "aid",
                "appeal",
                "society",
                "cross",
                "crescent",
            ],
        ),
        (
            "coalition",
            &["coalition", "alliance", "front", "bloc", "pact"],
        ),
        ("commission", &["commission"]),
        ("committee", &["committee"]),
        ("court", &["court", "tribunal"]),
        ("federation", &["federation", "confederation"]),
        ("foundation", &["foundation", "fund", "trust"]),
        ("fund", &["fund", "foundation"]),
        ("ministry", &["ministry", "department"]),
        (
            "newspaper",
            &[
                "times",
                "post",
                "herald",
                "tribune",
                "journal",
                "gazette",
                "news",
                "daily",
                "observer",
                "chronicle",
            ],
        ),
        ("party", &["party"]),
        (
            "regulator",
            &[
                "authority",
                "commission",
                "regulator",
                "board",
                "office",
                "agency",
                "inspectorate",
            ],
        ),
        ("tribunal", &["tribunal", "court"]),
        (
            "union",
            &[
                "union",
                "federation",
                "confederation",
                "association",
                "guild",
                "syndicate",
            ],
        ),
        ("university", &["university", "college", "institute"]),
        (
            "watchdog",
            &[
                "authority",
                "commission",
                "regulator",
                "board",
                "office",
                "agency",
                "inspectorate",
                "observatory",
            ],
        ),
    ];
    TABLE
        .iter()
        .find(|(n, _)| words::is(noun, n))
        .map_or(&[], |(_, h)| h)
}

/// Plural nouns for several states or parties taken together ("the two neighbours").
fn is_plural_description(w: &str) -> bool {
    [
        "neighbours",
        "neighbors",
        "countries",
        "nations",
        "sides",
        "governments",
        "allies",
        "rivals",
        "states",
        "parties",
        "leaders",
        "ministers",
    ]
    .iter()
    .any(|m| words::is(w, m))
}

/// Nouns for a state's armed or police force ("the army", "police").
fn is_force_noun(w: &str) -> bool {
    ["army", "navy", "coastguard", "military", "police"]
        .iter()
        .any(|m| words::is(w, m))
}

/// Lower-case words that may modify a collective actor noun ("security forces").
fn is_group_modifier(w: &str) -> bool {
    [
        "armed",
        "allied",
        "anti",
        "foreign",
        "government",
        "insurgent",
        "local",
        "militant",
        "military",
        "opposition",
        "paramilitary",
        "police",
        "pro",
        "rebel",
        "riot",
        "rival",
        "security",
        "special",
        "state",
        "tribal",
    ]
    .iter()
    .any(|m| words::is(w, m))
}

/// Lower-case words that may modify an organisation noun ("the militant group").
fn is_org_modifier(w: &str) -> bool {
    [
        "armed",
        "extremist",
        "insurgent",
        "islamist",
        "jihadist",
        "militant",
        "paramilitary",
        "political",
        "rebel",
        "separatist",
        "state",
        "terrorist",
        "defence",
        "defense",
        "foreign",
        "interior",
        "health",
        "finance",
        "mining",
        "energy",
        "shipping",
        "oil",
    ]
    .iter()
    .any(|m| words::is(w, m))
}
