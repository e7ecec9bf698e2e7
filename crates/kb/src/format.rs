//! The data file format: `entries.bin` (tables) and three `fst` maps.
//!
//! `entries.bin` is a sequence of sections; every integer is an unsigned LEB128 varint unless
//! said otherwise, and every string is a pair `offset, length` of varints into the string pool
//! (UTF-8, each distinct string stored once, in order of first use):
//!
//! ```text
//! magic      4 bytes "NGKB", then 1 byte format version (1)
//! pool       length, then that many bytes of UTF-8
//! entries    count, then for each entry, sorted by id:
//!              kind (1 byte), ner (1 byte), id, name,
//!              country (0 = none, else entry index + 1), affiliation (same),
//!              iso2, iso3 (empty strings when absent),
//!              roles: count, then (code, from, to) with dates as YYYYMMDD or 0 for open,
//!              aliases: count, then strings,
//!              demonyms: count, then strings
//! postings   count, then each posting = entry index << 1 | acronym flag
//! agents     count, then (code, prefix flag byte)
//! end        4 bytes "END!"
//! ```
//!
//! `aliases.fst` and `demonyms.fst` map a normalised key to `start << 32 | len`, a run of the
//! postings table (entries ranked: countries first, then capitals, IGOs, groups, state
//! organisations, NGOs, companies, persons, other places; then independent and larger countries
//! first, then by index). The acronym flag marks a posting that only matches a surface without
//! lower-case letters (`US`, `U.S.`, `WHO`). `agents.fst` maps a normalised agent phrase to an
//! index into the agents table.

use crate::model::{Date, Kind, NerType};
use crate::KbError;

pub(crate) const MAGIC: &[u8; 4] = b"NGKB";
pub(crate) const VERSION: u8 = 1;
pub(crate) const END: &[u8; 4] = b"END!";
pub(crate) const NONE: u32 = u32::MAX;

/// A string in the pool.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct StrRef {
    pub(crate) off: u32,
    pub(crate) len: u32,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Range {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

impl Range {
    pub(crate) fn slice<T>(self, v: &[T]) -> &[T] {
        let start = self.start as usize;
        v.get(start..start + self.len as usize).unwrap_or(&[])
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct RoleRec {
    pub(crate) code: StrRef,
    pub(crate) from: u32,
    pub(crate) to: u32,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct EntryRec {
    pub(crate) kind: Kind,
    pub(crate) ner: NerType,
    pub(crate) id: StrRef,
    pub(crate) name: StrRef,
    pub(crate) country: u32,
    pub(crate) affiliation: u32,
    pub(crate) iso2: StrRef,
    pub(crate) iso3: StrRef,
    pub(crate) roles: Range,
    pub(crate) aliases: Range,
    pub(crate) demonyms: Range,
}

/// The decoded tables of `entries.bin`, borrowing nothing (the pool is kept apart).
#[derive(Debug, Default)]
pub(crate) struct Tables {
    pub(crate) pool_start: usize,
    pub(crate) pool_len: usize,
    pub(crate) entries: Vec<EntryRec>,
    pub(crate) roles: Vec<RoleRec>,
    pub(crate) strs: Vec<StrRef>,
    pub(crate) postings: Vec<u32>,
    pub(crate) agents: Vec<(StrRef, bool)>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn err(&self, message: impl Into<String>) -> KbError {
        KbError::Data {
            file: "entries.bin",
            offset: self.pos,
            message: message.into(),
        }
    }

    fn byte(&mut self) -> Result<u8, KbError> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or_else(|| self.err("unexpected end of data"))?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], KbError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or_else(|| self.err("length overflows"))?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or_else(|| self.err(format!("section of {n} bytes runs past the end")))?;
        self.pos = end;
        Ok(s)
    }

    fn var(&mut self) -> Result<u64, KbError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.err("varint longer than 10 bytes"))
    }

    fn var32(&mut self) -> Result<u32, KbError> {
        let v = self.var()?;
        u32::try_from(v).map_err(|_| self.err(format!("value {v} does not fit in 32 bits")))
    }

    fn count(&mut self, what: &str) -> Result<usize, KbError> {
        let n = self.var32()? as usize;
        // Every record takes at least one byte: a count larger than what is left is corrupt.
        if n > self.bytes.len().saturating_sub(self.pos) {
            return Err(self.err(format!("{what} count {n} exceeds the remaining data")));
        }
        Ok(n)
    }

    fn str_ref(&mut self, pool: &str) -> Result<StrRef, KbError> {
        let off = self.var32()?;
        let len = self.var32()?;
        let (o, l) = (off as usize, len as usize);
        let ok = o.checked_add(l).is_some_and(|end| {
            end <= pool.len() && pool.is_char_boundary(o) && pool.is_char_boundary(end)
        });
        if !ok {
            return Err(self.err(format!(
                "string {off}+{len} is outside the pool of {} bytes or not on a character boundary",
                pool.len()
            )));
        }
        Ok(StrRef { off, len })
    }

    fn entry_ref(&mut self, n: usize) -> Result<u32, KbError> {
        let v = self.var32()?;
        if v == 0 {
            return Ok(NONE);
        }
        if v as usize > n {
            return Err(self.err(format!("entry reference {} out of {n} entries", v - 1)));
        }
        Ok(v - 1)
    }

    fn date(&mut self) -> Result<u32, KbError> {
        let v = self.var32()?;
        if v != 0 && Date::from_u32(v).is_none() {
            return Err(self.err(format!("invalid date {v}")));
        }
        Ok(v)
    }
}

/// Decodes `entries.bin`. Every reference is checked, so later accesses cannot fail.
pub(crate) fn decode(bytes: &[u8]) -> Result<Tables, KbError> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4)? != MAGIC {
        return Err(KbError::Data {
            file: "entries.bin",
            offset: 0,
            message: "missing NGKB magic: not a newsgraph-kb entries file".into(),
        });
    }
    let version = r.byte()?;
    if version != VERSION {
        return Err(r.err(format!("format version {version}, expected {VERSION}")));
    }
    let pool_len = r.var32()? as usize;
    let pool_start = r.pos;
    let pool_bytes = r.take(pool_len)?;
    let pool = std::str::from_utf8(pool_bytes).map_err(|e| KbError::Data {
        file: "entries.bin",
        offset: pool_start + e.valid_up_to(),
        message: "string pool is not UTF-8".into(),
    })?;
    let mut t = Tables {
        pool_start,
        pool_len,
        ..Tables::default()
    };
    let n = r.count("entry")?;
    t.entries.reserve(n);
    for _ in 0..n {
        let kb = r.byte()?;
        let kind = Kind::from_byte(kb).ok_or_else(|| r.err(format!("unknown kind {kb}")))?;
        let nb = r.byte()?;
        let ner = NerType::from_byte(nb).ok_or_else(|| r.err(format!("unknown NER type {nb}")))?;
        let id = r.str_ref(pool)?;
        let name = r.str_ref(pool)?;
        let country = r.entry_ref(n)?;
        let affiliation = r.entry_ref(n)?;
        let iso2 = r.str_ref(pool)?;
        let iso3 = r.str_ref(pool)?;
        let nroles = r.count("role")?;
        let roles = Range {
            start: t.roles.len() as u32,
            len: nroles as u32,
        };
        for _ in 0..nroles {
            let code = r.str_ref(pool)?;
            let from = r.date()?;
            let to = r.date()?;
            t.roles.push(RoleRec { code, from, to });
        }
        let mut list = |r: &mut Reader<'_>, what: &str| -> Result<Range, KbError> {
            let k = r.count(what)?;
            let range = Range {
                start: t.strs.len() as u32,
                len: k as u32,
            };
            for _ in 0..k {
                t.strs.push(r.str_ref(pool)?);
            }
            Ok(range)
        };
        let aliases = list(&mut r, "alias")?;
        let demonyms = list(&mut r, "demonym")?;
        t.entries.push(EntryRec {
            kind,
            ner,
            id,
            name,
            country,
            affiliation,
            iso2,
            iso3,
            roles,
            aliases,
            demonyms,
        });
    }
    let np = r.count("posting")?;
    t.postings.reserve(np);
    for _ in 0..np {
        let p = r.var32()?;
        if (p >> 1) as usize >= n {
            return Err(r.err(format!("posting to entry {} out of {n}", p >> 1)));
        }
        t.postings.push(p);
    }
    let na = r.count("agent")?;
    for _ in 0..na {
        let code = r.str_ref(pool)?;
        let prefix = r.byte()? != 0;
        t.agents.push((code, prefix));
    }
    if r.take(4)? != END {
        return Err(r.err("missing END! trailer"));
    }
    if r.pos != bytes.len() {
        return Err(r.err("trailing bytes after END!"));
    }
    Ok(t)
}

/// An entry as the builder produces it, before encoding.
#[derive(Debug, Clone, Default)]
pub(crate) struct OutEntry {
    pub(crate) kind: Option<Kind>,
    pub(crate) ner: Option<NerType>,
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) country: Option<u32>,
    pub(crate) affiliation: Option<u32>,
    pub(crate) iso2: String,
    pub(crate) iso3: String,
    pub(crate) roles: Vec<(String, Option<Date>, Option<Date>)>,
    pub(crate) aliases: Vec<String>,
    pub(crate) demonyms: Vec<String>,
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    pool: String,
    index: std::collections::HashMap<String, u32>,
}

impl Writer {
    fn var(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(b);
                return;
            }
            self.out.push(b | 0x80);
        }
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&off) = self.index.get(s) {
            return off;
        }
        let off = self.pool.len() as u32;
        self.pool.push_str(s);
        self.index.insert(s.to_owned(), off);
        off
    }

    fn str(&mut self, s: &str) {
        let off = if s.is_empty() { 0 } else { self.intern(s) };
        self.var(u64::from(off));
        self.var(s.len() as u64);
    }
}

/// Encodes the tables. Deterministic: the output depends only on the inputs' order.
pub(crate) fn encode(entries: &[OutEntry], postings: &[u32], agents: &[(String, bool)]) -> Vec<u8> {
    // Two passes: the first fills the pool (in order of first use), the second writes records.
    let mut w = Writer::default();
    let body = |w: &mut Writer| {
        w.var(entries.len() as u64);
        for e in entries {
            w.out.push(e.kind.unwrap_or(Kind::Organisation).to_byte());
            w.out.push(e.ner.unwrap_or(NerType::Org).to_byte());
            w.str(&e.id);
            w.str(&e.name);
            w.var(e.country.map_or(0, |c| u64::from(c) + 1));
            w.var(e.affiliation.map_or(0, |c| u64::from(c) + 1));
            w.str(&e.iso2);
            w.str(&e.iso3);
            w.var(e.roles.len() as u64);
            for (code, from, to) in &e.roles {
                w.str(code);
                w.var(from.map_or(0, |d| u64::from(d.as_u32())));
                w.var(to.map_or(0, |d| u64::from(d.as_u32())));
            }
            w.var(e.aliases.len() as u64);
            for a in &e.aliases {
                w.str(a);
            }
            w.var(e.demonyms.len() as u64);
            for d in &e.demonyms {
                w.str(d);
            }
        }
        w.var(postings.len() as u64);
        for &p in postings {
            w.var(u64::from(p));
        }
        w.var(agents.len() as u64);
        for (code, prefix) in agents {
            w.str(code);
            w.out.push(u8::from(*prefix));
        }
    };
    body(&mut w);
    let pool = std::mem::take(&mut w.pool);
    w.out.clear();
    body(&mut w);
    let records = std::mem::take(&mut w.out);
    let mut out = Writer::default();
    out.out.extend_from_slice(MAGIC);
    out.out.push(VERSION);
    out.var(pool.len() as u64);
    out.out.extend_from_slice(pool.as_bytes());
    out.out.extend_from_slice(&records);
    out.out.extend_from_slice(END);
    out.out
}
