//! The runtime knowledge base: loading and lookups.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

use fst::raw::{Fst, Output};
use fst::Streamer;

use crate::format::{self, EntryRec, StrRef, Tables, NONE};
use crate::model::{AgentCode, Date, EntryId, Kind, NerType, Role};
use crate::normalize::{all_caps, name_cased, normalize_into};
use crate::KbError;

static ENTRIES: &[u8] = include_bytes!("../data/entries.bin");
static ALIASES: &[u8] = include_bytes!("../data/aliases.fst");
static DEMONYMS: &[u8] = include_bytes!("../data/demonyms.fst");
static AGENTS: &[u8] = include_bytes!("../data/agents.fst");

thread_local! {
    static KEY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Bytes that are either embedded in the binary or owned (built at run time).
#[derive(Debug)]
enum Bytes {
    Static(&'static [u8]),
    Owned(Vec<u8>),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Owned(v) => v,
        }
    }
}

/// The knowledge base. Load it once ([`Kb::global`] or [`Kb::load`]) and share it: every method
/// takes `&self`, and the type is `Send + Sync`.
#[derive(Debug)]
pub struct Kb {
    pool: Cow<'static, str>,
    t: Tables,
    aliases: fst::Map<Bytes>,
    demonyms: fst::Map<Bytes>,
    agents: fst::Map<Bytes>,
    /// `(country, capital)` pairs sorted by country.
    capitals: Vec<(u32, u32)>,
    /// `(code, country)` pairs sorted by code: ISO alpha-2, alpha-3 and CAMEO country codes.
    codes: Vec<(StrRef, u32)>,
}

fn fst_map(bytes: Bytes, file: &'static str) -> Result<fst::Map<Bytes>, KbError> {
    fst::Map::new(bytes).map_err(|e| KbError::Data {
        file,
        offset: 0,
        message: format!("not a valid fst map: {e}"),
    })
}

impl Kb {
    /// Loads the knowledge base from the data embedded in the binary (no file is read).
    ///
    /// It decodes the entry tables (a few milliseconds) and maps the `fst` files in place.
    /// Prefer [`Kb::global`], which does this once per process.
    ///
    /// # Errors
    ///
    /// [`KbError::Data`] if the embedded data is corrupt (it is checked, not trusted).
    pub fn load() -> Result<Kb, KbError> {
        let t = format::decode(ENTRIES)?;
        let pool_bytes = ENTRIES
            .get(t.pool_start..t.pool_start + t.pool_len)
            .unwrap_or(&[]);
        let pool = std::str::from_utf8(pool_bytes).map_err(|_| KbError::Data {
            file: "entries.bin",
            offset: t.pool_start,
            message: "string pool is not UTF-8".into(),
        })?;
        Kb::assemble(
            Cow::Borrowed(pool),
            t,
            Bytes::Static(ALIASES),
            Bytes::Static(DEMONYMS),
            Bytes::Static(AGENTS),
        )
    }

    /// The process-wide knowledge base, loaded on first use.
    ///
    /// # Errors
    ///
    /// The error of the first [`Kb::load`], returned on every call.
    pub fn global() -> Result<&'static Kb, &'static KbError> {
        static KB: OnceLock<Result<Kb, KbError>> = OnceLock::new();
        KB.get_or_init(Kb::load).as_ref()
    }

    /// Loads a knowledge base from data files built at run time (see [`crate::build`]).
    ///
    /// # Errors
    ///
    /// [`KbError::Data`] if a file is missing or corrupt.
    pub fn from_data(data: &crate::build::KbData) -> Result<Kb, KbError> {
        let file = |name: &'static str| {
            data.file(name)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| KbError::Data {
                    file: name,
                    offset: 0,
                    message: "file missing from the built data".into(),
                })
        };
        let entries = file("entries.bin")?;
        let t = format::decode(&entries)?;
        let pool_bytes = entries
            .get(t.pool_start..t.pool_start + t.pool_len)
            .unwrap_or(&[]);
        let pool = String::from_utf8(pool_bytes.to_vec()).map_err(|_| KbError::Data {
            file: "entries.bin",
            offset: t.pool_start,
            message: "string pool is not UTF-8".into(),
        })?;
        Kb::assemble(
            Cow::Owned(pool),
            t,
            Bytes::Owned(file("aliases.fst")?),
            Bytes::Owned(file("demonyms.fst")?),
            Bytes::Owned(file("agents.fst")?),
        )
    }

    fn assemble(
        pool: Cow<'static, str>,
        t: Tables,
        aliases: Bytes,
        demonyms: Bytes,
        agents: Bytes,
    ) -> Result<Kb, KbError> {
        let aliases = fst_map(aliases, "aliases.fst")?;
        let demonyms = fst_map(demonyms, "demonyms.fst")?;
        let agents = fst_map(agents, "agents.fst")?;
        let mut kb = Kb {
            pool,
            t,
            aliases,
            demonyms,
            agents,
            capitals: Vec::new(),
            codes: Vec::new(),
        };
        let mut capitals = Vec::new();
        let mut codes = Vec::new();
        for (i, e) in kb.t.entries.iter().enumerate() {
            let i = i as u32;
            if e.kind == Kind::Capital && e.country != NONE {
                capitals.push((e.country, i));
            }
            if e.kind == Kind::Country {
                for s in [e.iso2, e.iso3] {
                    if s.len > 0 {
                        codes.push((s, i));
                    }
                }
                for r in format::Range::slice(e.roles, &kb.t.roles) {
                    if r.code.len == 3 {
                        codes.push((r.code, i));
                    }
                }
            }
        }
        capitals.sort_unstable();
        let pool = &kb.pool;
        let s = |r: StrRef| pool_str(pool, r);
        codes.sort_by(|a, b| s(a.0).cmp(s(b.0)).then(a.1.cmp(&b.1)));
        codes.dedup_by(|a, b| s(a.0) == s(b.0));
        kb.capitals = capitals;
        kb.codes = codes;
        Ok(kb)
    }

    /// Checks that every value of the alias, demonym and agent maps points inside its table.
    ///
    /// Loading does not do this (it would double the load time); lookups never read out of
    /// bounds anyway (a bad value yields no entry). Tests and tools call it.
    ///
    /// # Errors
    ///
    /// [`KbError::Data`] naming the map with a value out of range.
    pub fn verify(&self) -> Result<(), KbError> {
        let np = self.t.postings.len() as u64;
        for (map, file) in [
            (&self.aliases, "aliases.fst"),
            (&self.demonyms, "demonyms.fst"),
        ] {
            let mut stream = map.stream();
            while let Some((_, v)) = stream.next() {
                let (start, len) = (v >> 32, v & 0xffff_ffff);
                if start + len > np {
                    return Err(KbError::Data {
                        file,
                        offset: 0,
                        message: format!("posting run {start}+{len} outside {np} postings"),
                    });
                }
            }
        }
        let na = self.t.agents.len() as u64;
        let mut stream = self.agents.stream();
        while let Some((_, v)) = stream.next() {
            if v >= na {
                return Err(KbError::Data {
                    file: "agents.fst",
                    offset: 0,
                    message: format!("agent index {v} outside {na} agents"),
                });
            }
        }
        Ok(())
    }

    fn str(&self, r: StrRef) -> &str {
        pool_str(&self.pool, r)
    }

    /// The number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.t.entries.len()
    }

    /// True when the knowledge base has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.t.entries.is_empty()
    }

    /// The entry `id`, or `None` if `id` is out of range (an id from another `Kb`).
    #[must_use]
    pub fn get(&self, id: EntryId) -> Option<Entry<'_>> {
        let rec = self.t.entries.get(id.index())?;
        Some(Entry { kb: self, id, rec })
    }

    /// Every entry, in id order.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> + '_ {
        self.t
            .entries
            .iter()
            .enumerate()
            .map(move |(i, rec)| Entry {
                kb: self,
                id: EntryId(i as u32),
                rec,
            })
    }

    /// The entry whose string id is `key` (`"kb:IRN"`), by binary search.
    #[must_use]
    pub fn by_key(&self, key: &str) -> Option<EntryId> {
        self.t
            .entries
            .binary_search_by(|e| self.str(e.id).cmp(key))
            .ok()
            .map(|i| EntryId(i as u32))
    }

    /// The country with ISO 3166 alpha-2 or alpha-3 code, or CAMEO country code, `code`
    /// (`"IR"`, `"IRN"`; upper case).
    #[must_use]
    pub fn country_by_code(&self, code: &str) -> Option<EntryId> {
        self.codes
            .binary_search_by(|(c, _)| self.str(*c).cmp(code))
            .ok()
            .and_then(|i| self.codes.get(i))
            .map(|&(_, e)| EntryId(e))
    }

    fn run(&self, map: &fst::Map<Bytes>, key: &str, gate: Gate) -> EntryIds<'_> {
        let postings = map.get(key).map_or(&[][..], |v| self.postings(v));
        EntryIds {
            postings: postings.iter(),
            gate,
        }
    }

    fn postings(&self, v: u64) -> &[u32] {
        let start = (v >> 32) as usize;
        let len = (v & 0xffff_ffff) as usize;
        self.t.postings.get(start..start + len).unwrap_or(&[])
    }

    /// Entries with an alias whose normalised form equals `key`, which must already be
    /// normalised (see [`normalize_into`]); no allocation. Ignores letter case entirely.
    pub fn lookup_key(&self, key: &str) -> EntryIds<'_> {
        self.run(&self.aliases, key, Gate::Any)
    }

    /// Entries with an alias equal to `name` once normalised (`"U.S."`, `"US"` and `"the United
    /// States"` all find the United States). Case is ignored; see [`Kb::lookup_cased`] for text.
    /// The normalisation uses a per-thread buffer: no allocation after the first call.
    pub fn lookup(&self, name: &str) -> EntryIds<'_> {
        with_key(name, |key| self.lookup_key(key))
    }

    /// Like [`Kb::lookup`], but for a surface taken from running text: it must look like a name
    /// (contain an upper-case letter, or be in a script without case), and acronym-only aliases
    /// (`US`, `WHO`, `UN`: one word of at most three letters, written with periods, or without a
    /// vowel) need a surface without lower-case letters, so "us" and "Who" find nothing.
    pub fn lookup_cased(&self, surface: &str) -> EntryIds<'_> {
        let gate = Gate::for_surface(surface);
        with_key(surface, |key| self.run(&self.aliases, key, gate))
    }

    /// The longest run of tokens from the start of `tokens` that is an alias, with its entries
    /// (gated as in [`Kb::lookup_cased`]). Tokens that normalise to nothing (punctuation,
    /// `'s`) are passed over but never end a match; the first token must not be one.
    ///
    /// Walks the alias map byte by byte, so its cost is the length of the match plus one token.
    #[must_use]
    pub fn longest_match(&self, tokens: &[&str]) -> Option<Match<'_>> {
        longest(self.aliases.as_fst(), tokens, |v, gate| {
            let ids = EntryIds {
                postings: self.postings(v).iter(),
                gate,
            };
            ids.clone().next().is_some().then_some(ids)
        })
        .map(|(tokens, entries)| Match { tokens, entries })
    }

    /// The country a demonym names (`"Iranian"`, `"Israelis"`, `"Lebanese"`); the most prominent
    /// one when several share it (`"Congolese"`). Case is ignored.
    #[must_use]
    pub fn demonym(&self, word: &str) -> Option<EntryId> {
        self.demonyms(word).next()
    }

    /// Every country a demonym names, most prominent first.
    pub fn demonyms(&self, word: &str) -> EntryIds<'_> {
        with_key(word, |key| self.run(&self.demonyms, key, Gate::Any))
    }

    /// The agent code of an agent noun or phrase (`"minister"`, `"ministers"` → `GOV`,
    /// `"police"` → `COP`, `"militants"` → `UAF`). Case is ignored.
    #[must_use]
    pub fn agent(&self, phrase: &str) -> Option<AgentCode<'_>> {
        with_key(phrase, |key| self.agents.get(key)).and_then(|v| self.agent_at(v))
    }

    fn agent_at(&self, v: u64) -> Option<AgentCode<'_>> {
        let &(code, prefix) = self.t.agents.get(usize::try_from(v).ok()?)?;
        Some(AgentCode {
            code: self.str(code),
            prefix,
        })
    }

    /// The longest run of tokens from the start of `tokens` that is an agent phrase
    /// (`["riot", "police"]` → 2 tokens, `COP`). Case is ignored.
    #[must_use]
    pub fn agent_longest_match(&self, tokens: &[&str]) -> Option<(usize, AgentCode<'_>)> {
        longest_plain(self.agents.as_fst(), tokens)
            .and_then(|(n, v)| self.agent_at(v).map(|a| (n, a)))
    }

    /// The capital of `country` (the first listed when there are several).
    #[must_use]
    pub fn capital_of(&self, country: EntryId) -> Option<EntryId> {
        let i = self.capitals.partition_point(|&(c, _)| c < country.0);
        match self.capitals.get(i) {
            Some(&(c, cap)) if c == country.0 => Some(EntryId(cap)),
            _ => None,
        }
    }

    /// Counts of entries by kind.
    #[must_use]
    pub fn counts(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .iter()
            .map(|&k| (k, self.t.entries.iter().filter(|e| e.kind == k).count()))
            .collect()
    }

    /// The number of alias keys, demonym keys and agent phrases.
    #[must_use]
    pub fn key_counts(&self) -> (usize, usize, usize) {
        (self.aliases.len(), self.demonyms.len(), self.agents.len())
    }
}

fn pool_str(pool: &str, r: StrRef) -> &str {
    let start = r.off as usize;
    pool.get(start..start + r.len as usize).unwrap_or("")
}

fn with_key<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    KEY.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            normalize_into(text, &mut buf);
            f(&buf)
        }
        Err(_) => f(&crate::normalize(text)),
    })
}

/// Which postings a lookup may return, from the surface's letter case.
#[derive(Debug, Clone, Copy)]
enum Gate {
    Any,
    Cased { name: bool, caps: bool },
}

impl Gate {
    fn for_surface(surface: &str) -> Gate {
        Gate::Cased {
            name: name_cased(surface),
            caps: all_caps(surface),
        }
    }

    fn allows(self, acronym: bool) -> bool {
        match self {
            Gate::Any => true,
            Gate::Cased { name, caps } => name && (!acronym || caps),
        }
    }
}

/// The entries found by a lookup, best first (see [`crate`] docs for the ranking).
#[derive(Debug, Clone)]
pub struct EntryIds<'a> {
    postings: std::slice::Iter<'a, u32>,
    gate: Gate,
}

impl Iterator for EntryIds<'_> {
    type Item = EntryId;

    fn next(&mut self) -> Option<EntryId> {
        for &p in self.postings.by_ref() {
            if self.gate.allows(p & 1 == 1) {
                return Some(EntryId(p >> 1));
            }
        }
        None
    }
}

/// A gazetteer match: how many tokens it used and the entries it names.
#[derive(Debug, Clone)]
pub struct Match<'a> {
    /// The number of tokens used, counted from the first.
    pub tokens: usize,
    /// The entries, best first.
    pub entries: EntryIds<'a>,
}

/// Walks `fst` over the normalised tokens; `accept` turns a final value into a result (or
/// rejects it). Returns the longest accepted match.
fn longest<T>(
    fst: &Fst<Bytes>,
    tokens: &[&str],
    accept: impl Fn(u64, Gate) -> Option<T>,
) -> Option<(usize, T)> {
    KEY.with(|cell| {
        let mut owned = String::new();
        let mut guard = cell.try_borrow_mut().ok();
        let buf: &mut String = match guard.as_deref_mut() {
            Some(b) => b,
            None => &mut owned,
        };
        let mut node = fst.root();
        let mut out = Output::zero();
        let mut fed = false;
        let mut best = None;
        let (mut upper, mut lower, mut caps) = (false, false, true);
        for (i, tok) in tokens.iter().enumerate() {
            normalize_into(tok, buf);
            if buf.is_empty() {
                if i == 0 {
                    return None;
                }
                continue;
            }
            for c in tok.chars() {
                upper |= c.is_uppercase();
                lower |= c.is_lowercase();
            }
            caps &= all_caps(tok);
            // A space joins tokens; none precedes the first.
            let skip = usize::from(!fed);
            for b in std::iter::once(b' ').chain(buf.bytes()).skip(skip) {
                let Some(ti) = node.find_input(b) else {
                    return best;
                };
                let t = node.transition(ti);
                out = out.cat(t.out);
                node = fst.node(t.addr);
            }
            fed = true;
            if node.is_final() {
                let v = out.cat(node.final_output()).value();
                let gate = Gate::Cased {
                    name: upper || !lower,
                    caps,
                };
                if let Some(r) = accept(v, gate) {
                    best = Some((i + 1, r));
                }
            }
        }
        best
    })
}

fn longest_plain(fst: &Fst<Bytes>, tokens: &[&str]) -> Option<(usize, u64)> {
    longest(fst, tokens, |v, _| Some(v))
}

/// A view of one entry.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    kb: &'a Kb,
    id: EntryId,
    rec: &'a EntryRec,
}

impl<'a> Entry<'a> {
    /// Its index in the knowledge base.
    #[must_use]
    pub fn id(&self) -> EntryId {
        self.id
    }

    /// Its stable string id: `kb:IRN` (countries: ISO alpha-3, or the CAMEO code of a former
    /// state), `kb:IRN/tehran` (capitals and places), `kb:IGOUNO` (the first organisation or
    /// group with that CAMEO code), `kb:IGOUNO/un-security-council` (others), `kb:MNC/…`,
    /// `kb:person/ali-khamenei`.
    #[must_use]
    pub fn key(&self) -> &'a str {
        self.kb.str(self.rec.id)
    }

    /// What it is.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.rec.kind
    }

    /// The entity type a name linked to it should get.
    #[must_use]
    pub fn ner(&self) -> NerType {
        self.rec.ner
    }

    /// The canonical name, cased for display (`Ali Khamenei`, `United Nations`).
    #[must_use]
    pub fn name(&self) -> &'a str {
        self.kb.str(self.rec.name)
    }

    /// ISO 3166 alpha-2 code (countries only).
    #[must_use]
    pub fn iso2(&self) -> Option<&'a str> {
        Some(self.kb.str(self.rec.iso2)).filter(|s| !s.is_empty())
    }

    /// ISO 3166 alpha-3 code (countries only).
    #[must_use]
    pub fn iso3(&self) -> Option<&'a str> {
        Some(self.kb.str(self.rec.iso3)).filter(|s| !s.is_empty())
    }

    /// The country of a capital, place, person or organisation.
    #[must_use]
    pub fn country(&self) -> Option<EntryId> {
        (self.rec.country != NONE).then_some(EntryId(self.rec.country))
    }

    /// The group or international organisation a person belongs to, when the dictionaries say.
    #[must_use]
    pub fn affiliation(&self) -> Option<EntryId> {
        (self.rec.affiliation != NONE).then_some(EntryId(self.rec.affiliation))
    }

    /// Every CAMEO code with its dates, in dictionary order.
    pub fn roles(&self) -> impl Iterator<Item = Role<'a>> + 'a {
        let kb = self.kb;
        self.rec.roles.slice(&kb.t.roles).iter().map(move |r| Role {
            code: kb.str(r.code),
            from: Date::from_u32(r.from),
            to: Date::from_u32(r.to),
        })
    }

    /// The distinct CAMEO codes, in dictionary order.
    pub fn codes(&self) -> impl Iterator<Item = &'a str> + 'a {
        let roles = self.rec.roles.slice(&self.kb.t.roles);
        let kb = self.kb;
        roles.iter().enumerate().filter_map(move |(i, r)| {
            let code = kb.str(r.code);
            let earlier = roles.get(..i).unwrap_or(&[]);
            (!earlier.iter().any(|e| kb.str(e.code) == code)).then_some(code)
        })
    }

    /// The CAMEO code that applies as of the dictionaries (2014): an open-ended dated role with
    /// the latest start, else the default (undated) code, else the role that ended last.
    #[must_use]
    pub fn cameo(&self) -> Option<&'a str> {
        let open = self
            .roles()
            .filter(|r| r.from.is_some() && r.to.is_none())
            .max_by_key(|r| r.from);
        open.or_else(|| self.roles().find(|r| !r.is_dated()))
            .or_else(|| self.roles().max_by_key(|r| (r.to, r.from)))
            .map(|r| r.code)
    }

    /// The CAMEO code that applied on `date`: the dated role containing it (latest start first),
    /// else the default code.
    #[must_use]
    pub fn code_at(&self, date: Date) -> Option<&'a str> {
        self.roles()
            .filter(|r| r.is_dated() && r.contains(date))
            .max_by_key(|r| r.from)
            .or_else(|| self.roles().find(|r| !r.is_dated()))
            .map(|r| r.code)
    }

    /// Other names, cased for display (the canonical name excluded).
    pub fn aliases(&self) -> impl Iterator<Item = &'a str> + 'a {
        let kb = self.kb;
        self.rec
            .aliases
            .slice(&kb.t.strs)
            .iter()
            .map(move |&r| kb.str(r))
    }

    /// The demonyms of a country (`Iranian`).
    pub fn demonyms(&self) -> impl Iterator<Item = &'a str> + 'a {
        let kb = self.kb;
        self.rec
            .demonyms
            .slice(&kb.t.strs)
            .iter()
            .map(move |&r| kb.str(r))
    }
}
