//! Turns parsed sources into entries, alias postings and data files. The rules are described in
//! the crate docs ("How the sources are read" and "What is dropped").

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use super::countries::{self, Country};
use super::names::{
    self, acronym_only, display, edit_distance, is_acronym_of, slug, strip_titles, typo_budget,
    Acronyms, COUNTRY_WORDS, FEATURE_WORDS, ORG_WORDS, ROLE_NOUNS, STOPWORDS,
};
use super::tabari::{self, current_code, RawCode, RawRecord};
use super::{notice, BuildReport, Built, KbData, Sources};
use crate::format::{self, OutEntry};
use crate::model::{Kind, NerType};
use crate::normalize::normalize;
use crate::KbError;

const ACTOR_FILES: [&str; 3] = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
];

/// Former states coded in the country dictionary but absent from the ISO list.
const HISTORICAL: &[&str] = &["SUN", "DDR", "CSK", "SCG", "YUG"];

/// Codes of the dictionary's fictional test country (Kinakuta), dropped.
const FICTIONAL: &[&str] = &["KNT"];

/// Common English names of countries that neither source spells out.
const EXTRA_COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("USA", "America"),
    ("USA", "U.S."),
    ("USA", "U.S.A."),
    ("GBR", "Britain"),
    ("GBR", "U.K."),
    ("NLD", "Holland"),
    ("IRN", "Persia"),
    ("CIV", "Ivory Coast"),
    ("MMR", "Burma"),
    ("PRK", "DPRK"),
    ("ARE", "UAE"),
    ("ARE", "Emirates"),
    ("VAT", "Holy See"),
    ("SWZ", "Swaziland"),
    ("MKD", "Macedonia"),
    ("TLS", "East Timor"),
    ("CPV", "Cape Verde"),
    ("COD", "DRC"),
    ("COD", "Congo-Kinshasa"),
    ("COG", "Congo-Brazzaville"),
    ("TUR", "Turkiye"),
    ("CZE", "Czechia"),
    ("PSE", "Palestinian Territories"),
];

/// CAMEO role and sector codes: a code with one of these after its country names an actor of
/// that country, not a territory.
const ROLE_SEGMENTS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "BUS", "MED", "EDU", "CVL", "UAF",
    "SPY", "REL", "ELI", "AGR", "LAB", "HLH", "REF", "HRI", "ENV", "DEV", "CRM", "INS", "SEP",
    "MOD", "RAD", "MUS", "CHR", "JEW", "HIN", "BUD", "SIK", "IGO", "NGO", "NGM", "MNC", "IMG",
    "UNR", "PPL", "ATH", "CTH", "ORT", "PRO", "SHI", "SUN", "TAO", "ZRO", "JAN", "DRZ", "ALE",
    "MOS", "CON", "SPY", "INT", "ITP",
];

/// Codes that mark a non-state group when they appear as a 3-letter segment of a code.
const GROUP_SEGMENTS: &[&str] = &["REB", "INS", "SEP", "UAF", "PTY", "OPP"];

#[derive(Debug, Clone)]
enum IdHint {
    Country(String),
    Place(usize),
    Code(String),
    Person,
}

#[derive(Debug, Clone)]
struct Ent {
    kind: Kind,
    ner: NerType,
    /// Canonical name, raw (upper-case dictionary phrase) or already cased (countries.json).
    name: String,
    /// Set when the canonical name is final (chosen by a rule rather than displayed from `name`).
    fixed_name: Option<String>,
    id: IdHint,
    country: Option<usize>,
    affiliation: Option<usize>,
    iso2: String,
    iso3: String,
    roles: Vec<RawCode>,
    /// Raw alias strings (the name first).
    aliases: Vec<String>,
    demonyms: Vec<String>,
    prominence: (bool, u64),
}

impl Ent {
    fn new(kind: Kind, ner: NerType, name: &str, id: IdHint) -> Ent {
        Ent {
            kind,
            ner,
            name: name.to_owned(),
            fixed_name: None,
            id,
            country: None,
            affiliation: None,
            iso2: String::new(),
            iso3: String::new(),
            roles: Vec::new(),
            aliases: vec![name.to_owned()],
            demonyms: Vec::new(),
            prominence: (false, 0),
        }
    }
}

fn bad_key(key: &str) -> bool {
    key.len() < 2
        || key.len() > 100
        || key.contains('\u{FFFD}')
        || STOPWORDS.contains(&key)
        || key.chars().all(|c| c.is_ascii_digit() || c == ' ')
}

/// Splits `NAME (XYZ)` into `NAME` and `Some("XYZ")`.
fn split_paren(raw: &str) -> (String, Option<String>) {
    match raw.find('(') {
        Some(i) => {
            let base = raw.get(..i).unwrap_or("").trim_end_matches(['_', ' ']);
            let rest = raw.get(i + 1..).unwrap_or("");
            let inner = rest
                .split(')')
                .next()
                .unwrap_or("")
                .trim_matches(['_', ' ']);
            let tail = rest.split_once(')').map_or("", |(_, t)| t);
            let base = format!("{base}{}", tail.trim_end_matches(['_', ' ']));
            let inner = (!inner.is_empty()).then(|| inner.to_owned());
            (base, inner)
        }
        None => (raw.to_owned(), None),
    }
}

struct Builder<'a> {
    json: &'a [Country],
    ents: Vec<Ent>,
    acr: Acronyms,
    /// CAMEO or ISO 3166 alpha-3 country code → country entry.
    country_by_code: BTreeMap<String, usize>,
    /// Per country entry: every known name key (exact matches).
    country_keys: BTreeMap<usize, BTreeSet<String>>,
    /// Per country entry: the keys fuzzy matching compares with (English names only).
    fuzzy_keys: BTreeMap<usize, Vec<String>>,
    capitals: BTreeMap<usize, Vec<usize>>,
    places: BTreeMap<(usize, String), usize>,
}

impl Builder<'_> {
    fn push(&mut self, e: Ent) -> usize {
        self.ents.push(e);
        self.ents.len() - 1
    }

    fn add_countries(&mut self) {
        let json = self.json;
        for c in json {
            let mut e = Ent::new(
                Kind::Country,
                NerType::Gpe,
                &c.common,
                IdHint::Country(c.iso3.clone()),
            );
            e.iso2.clone_from(&c.iso2);
            e.iso3.clone_from(&c.iso3);
            e.prominence = (c.independent, c.area.max(0.0) as u64);
            e.demonyms.clone_from(&c.demonyms);
            let mut keys = BTreeSet::new();
            let mut fuzzy = Vec::new();
            let mut add = |e: &mut Ent, s: &str, fuzzy_ok: bool| {
                let k = normalize(s);
                if bad_key(&k) {
                    return;
                }
                if fuzzy_ok && !fuzzy.contains(&k) {
                    fuzzy.push(k.clone());
                }
                keys.insert(k);
                if !e.aliases.iter().any(|a| a == s) {
                    e.aliases.push(s.to_owned());
                }
            };
            add(&mut e, &c.common.clone(), true);
            add(&mut e, &c.official.clone(), true);
            for a in &c.alt_spellings {
                // Two-letter ISO codes ("IR", "IT", "IN") are noise in text, except UK and US;
                // inverted forms ("Iran, Islamic Republic of") never occur in running text.
                let iso_like = a.len() <= 2 && a != "UK" && a != "US";
                if iso_like || a.contains(',') {
                    continue;
                }
                add(&mut e, a, true);
            }
            for n in &c.native {
                if n.chars().count() <= 60 {
                    add(&mut e, n, false);
                }
            }
            for &(code, alias) in EXTRA_COUNTRY_ALIASES {
                if code == c.iso3 {
                    add(&mut e, alias, true);
                }
            }
            for t in &c.translations {
                let k = normalize(t);
                if !bad_key(&k) {
                    keys.insert(k);
                }
            }
            let idx = self.push(e);
            self.country_keys.insert(idx, keys);
            self.fuzzy_keys.insert(idx, fuzzy);
            self.country_by_code.insert(c.iso3.clone(), idx);
            for cap in &c.capitals {
                if normalize(cap).is_empty() {
                    continue;
                }
                let mut k = Ent::new(Kind::Capital, NerType::Gpe, cap, IdHint::Place(idx));
                k.country = Some(idx);
                k.prominence = (c.independent, c.area.max(0.0) as u64);
                let kidx = self.push(k);
                self.capitals.entry(idx).or_default().push(kidx);
            }
        }
    }

    fn is_demonym(&self, country: usize, key: &str) -> bool {
        let Some(e) = self.ents.get(country) else {
            return false;
        };
        if key.contains(' ') {
            return false;
        }
        for d in &e.demonyms {
            let dk = normalize(d);
            if key == dk || demonym_plural(&dk).is_some_and(|p| p == key) {
                return true;
            }
            let budget = typo_budget(&dk);
            let tail = |s: &str| s.chars().rev().take(2).collect::<String>();
            if key.len() >= 6
                && key.get(..2) == dk.get(..2)
                && tail(key) == tail(&dk)
                && edit_distance(key, &dk, budget) <= budget
            {
                return true;
            }
        }
        // Derived forms of the country's own name: Iraq → Iraqi, Kosova → Kosovar.
        let suffixes = ["ian", "ean", "ese", "ish", "an", "i", "ic", "ar"];
        self.fuzzy_keys.get(&country).is_some_and(|names| {
            names.iter().any(|n| {
                let stem: String = n.chars().take(4).collect();
                !n.contains(' ')
                    && n.chars().count() >= 4
                    && key.starts_with(&stem)
                    && key != n
                    && suffixes.iter().any(|s| key.ends_with(s))
                    && edit_distance(key, n, 3) <= 3
            })
        })
    }

    fn capital_match(&self, country: usize, key: &str) -> Option<usize> {
        let caps = self.capitals.get(&country)?;
        caps.iter().copied().find(|&c| {
            self.ents.get(c).is_some_and(|e| {
                let ck = normalize(&e.name);
                let budget = typo_budget(&ck).min(1);
                key == ck
                    || (key.get(..1) == ck.get(..1) && edit_distance(key, &ck, budget) <= budget)
            })
        })
    }

    fn fuzzy_country(&self, country: usize, key: &str) -> bool {
        let Some(names) = self.fuzzy_keys.get(&country) else {
            return false;
        };
        for n in names {
            let budget = typo_budget(n).min(typo_budget(key));
            if budget > 0 && key.get(..1) == n.get(..1) && edit_distance(key, n, budget) <= budget {
                return true;
            }
            // "Republic of Georgia", "Islamic Republic of Afghanistan".
            if key.len() > n.len() && contains_words(key, n) {
                let extra = key.replace(n.as_str(), " ");
                if extra.split_whitespace().all(|w| COUNTRY_WORDS.contains(&w)) {
                    return true;
                }
            }
        }
        false
    }

    /// Sorts the names of a country block into country names, demonyms, capitals and places.
    fn classify_names(&mut self, country: usize, raws: &[String], report: &mut BuildReport) {
        for raw in raws {
            let (base, _) = split_paren(raw);
            let key = normalize(&base);
            if bad_key(&key) {
                report.drop("country-block phrase that is noise (empty, a stopword, digits)");
                continue;
            }
            let known = self
                .country_keys
                .get(&country)
                .is_some_and(|k| k.contains(&key));
            if known {
                self.add_country_alias(country, &base, key);
                continue;
            }
            if self.is_demonym(country, &key) {
                if let Some(e) = self.ents.get_mut(country) {
                    e.demonyms.push(base.clone());
                }
                continue;
            }
            if let Some(cap) = self.capital_match(country, &key) {
                if let Some(e) = self.ents.get_mut(cap) {
                    e.aliases.push(base.clone());
                }
                continue;
            }
            if self.fuzzy_country(country, &key) {
                self.add_country_alias(country, &base, key);
                continue;
            }
            let slot = (country, key.clone());
            if let Some(&p) = self.places.get(&slot) {
                if let Some(e) = self.ents.get_mut(p) {
                    e.aliases.push(base.clone());
                }
                continue;
            }
            let ner = if key.split(' ').any(|w| FEATURE_WORDS.contains(&w)) {
                NerType::Loc
            } else {
                NerType::Gpe
            };
            let mut p = Ent::new(Kind::Place, ner, &base, IdHint::Place(country));
            p.country = Some(country);
            p.prominence = self.ents.get(country).map_or((false, 0), |c| c.prominence);
            let idx = self.push(p);
            self.places.insert(slot, idx);
        }
    }

    fn add_country_alias(&mut self, country: usize, base: &str, key: String) {
        if let Some(e) = self.ents.get_mut(country) {
            e.aliases.push(base.to_owned());
        }
        self.country_keys.entry(country).or_default().insert(key);
    }

    fn attach_head(&mut self, country: usize, rec: &RawRecord, report: &mut BuildReport) {
        if let Some(e) = self.ents.get_mut(country) {
            if e.roles.is_empty() {
                e.roles.clone_from(&rec.codes);
            }
        }
        for c in &rec.codes {
            if c.code.len() == 3 {
                self.country_by_code
                    .entry(c.code.clone())
                    .or_insert(country);
            }
        }
        let mut raws = vec![rec.name.clone()];
        raws.extend(rec.aliases.iter().cloned());
        self.classify_names(country, &raws, report);
    }

    /// Country blocks: the records of the country dictionary whose current code is a country.
    fn add_country_blocks(
        &mut self,
        recs: &[RawRecord],
        used: &mut [bool],
        report: &mut BuildReport,
    ) {
        let json = self.json;
        let mut json_by_code = BTreeMap::new();
        let mut name_index: BTreeMap<String, usize> = BTreeMap::new();
        for (j, c) in json.iter().enumerate() {
            json_by_code.insert(c.iso3.as_str(), j);
            let mut names = vec![c.common.as_str(), c.official.as_str()];
            names.extend(c.alt_spellings.iter().map(String::as_str));
            names.extend(c.native.iter().map(String::as_str));
            for n in names {
                let k = normalize(n);
                if k.len() > 3 {
                    name_index.entry(k).or_insert(j);
                }
            }
        }
        let mut head = vec![false; json.len()];
        let candidates: Vec<usize> = recs
            .iter()
            .enumerate()
            .filter(|(_, r)| r.file == 0)
            .filter(|(_, r)| {
                // A country code alone (IRN), or followed by segments that are not roles: a
                // territory or region (USAVIR, GBRIMY, PSEGZA).
                r.current().is_some_and(|c| {
                    let country = |s: &str| {
                        json_by_code.contains_key(s) || HISTORICAL.contains(&s) || s == "KSV"
                    };
                    let mut segs = segments(&c.code);
                    c.code.len() % 3 == 0
                        && segs.next().is_some_and(country)
                        && segs.all(|s| !ROLE_SEGMENTS.contains(&s))
                })
            })
            .map(|(i, _)| i)
            .collect();
        // Pass A: a record named like a country (in any of its spellings) is that country.
        for &i in &candidates {
            let Some(r) = recs.get(i) else { continue };
            let Some(&j) = name_index.get(&normalize(&r.name)) else {
                continue;
            };
            let Some(&ent) = self
                .country_by_code
                .get(json.get(j).map_or("", |c| c.iso3.as_str()))
            else {
                continue;
            };
            self.attach_head(ent, r, report);
            if let Some(h) = head.get_mut(j) {
                *h = true;
            }
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
        }
        // Pass B: the first open record coded for a country without a head becomes its head; a
        // former state gets its own entry; the rest are places of their country.
        for &i in &candidates {
            if used.get(i).copied().unwrap_or(true) {
                continue;
            }
            let Some(r) = recs.get(i) else { continue };
            let Some(cur) = r.current() else { continue };
            let code = cur.code.clone();
            if let Some(&j) = json_by_code.get(code.as_str()) {
                if !head.get(j).copied().unwrap_or(true) && cur.to.is_none() {
                    if let Some(&ent) = self.country_by_code.get(code.as_str()) {
                        self.attach_head(ent, r, report);
                        if let Some(h) = head.get_mut(j) {
                            *h = true;
                        }
                        if let Some(u) = used.get_mut(i) {
                            *u = true;
                        }
                        continue;
                    }
                }
            }
            let country = self
                .country_by_code
                .get(code.as_str())
                .or_else(|| {
                    (code.len() > 3)
                        .then(|| code.get(..3).and_then(|c| self.country_by_code.get(c)))
                        .flatten()
                })
                .copied();
            if let Some(ent) = country {
                let mut raws = vec![r.name.clone()];
                raws.extend(r.aliases.iter().cloned());
                self.classify_names(ent, &raws, report);
            } else if HISTORICAL.contains(&code.as_str()) {
                let mut e = Ent::new(
                    Kind::Country,
                    NerType::Gpe,
                    &r.name,
                    IdHint::Country(code.clone()),
                );
                e.aliases.clear();
                let ent = self.push(e);
                self.country_keys
                    .insert(ent, BTreeSet::from([normalize(&r.name)]));
                self.fuzzy_keys.insert(ent, vec![normalize(&r.name)]);
                self.country_by_code.insert(code.clone(), ent);
                self.attach_head(ent, r, report);
            } else {
                report.drop("country-block record for an unknown country code");
            }
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
        }
    }

    fn country_of_code(&self, code: &str) -> Option<usize> {
        self.country_by_code.get(code.get(..3)?).copied()
    }
}

/// True when the bracketed part of `NAME (XYZ)` is the acronym of the name.
fn paren_acronym(base: &str, paren: &str, acr: &Acronyms) -> bool {
    is_acronym_of(&normalize(paren), &normalize(base), acr)
}

fn contains_words(hay: &str, needle: &str) -> bool {
    let h = format!(" {hay} ");
    let n = format!(" {needle} ");
    h.contains(&n)
}

/// The plural of a demonym, if it has one ("Iranian" → "iranians"; "Lebanese", "British" none).
fn demonym_plural(key: &str) -> Option<String> {
    if key.contains(' ') {
        return None;
    }
    let none = ["ese", "sh", "ch", "ss", "s", "x", "z"];
    if none.iter().any(|s| key.ends_with(s)) {
        return None;
    }
    Some(format!("{key}s"))
}

fn kind_of(rec: &RawRecord) -> Kind {
    if rec.file == 2 {
        return Kind::NonStateGroup;
    }
    let Some(cur) = rec.current() else {
        return Kind::Organisation;
    };
    let code = cur.code.as_str();
    if code.starts_with("IGO") {
        return Kind::Igo;
    }
    if code.starts_with("NGO") || code.starts_with("NGM") {
        return Kind::Ngo;
    }
    if code.starts_with("MNC") {
        return Kind::Company;
    }
    let group = rec.codes.iter().any(|c| {
        c.code.starts_with("IMG")
            || segments(&c.code)
                .skip(1)
                .any(|s| GROUP_SEGMENTS.contains(&s))
    });
    if group {
        Kind::NonStateGroup
    } else {
        Kind::Organisation
    }
}

fn segments(code: &str) -> impl Iterator<Item = &str> {
    (0..code.len() / 3).filter_map(move |i| code.get(i * 3..i * 3 + 3))
}

fn has_word(key: &str, list: &[&str]) -> bool {
    key.split(' ').any(|w| list.contains(&w))
}

/// Whether `alias` is "THE_X" with X one word, not an acronym, that the record does not also
/// go by alone: a nickname in an ordinary word ("The Foundation", "The Cornerstone") that
/// would link every capitalised use of the word. Acronyms ("THE_UK", "THE_EU") are kept.
fn the_one_word(alias: &str, rec: &RawRecord) -> bool {
    let with_the = |n: &str| {
        let head = n.trim_start().get(..4).unwrap_or("");
        head.eq_ignore_ascii_case("the_") || head.eq_ignore_ascii_case("the ")
    };
    if !with_the(alias) {
        return false;
    }
    // The normalised key has lost its "the".
    let word = normalize(alias);
    let word = word.as_str();
    if word.contains(' ') || acronym_only(alias, word) || bad_key(word) {
        return false;
    }
    let alone = |n: &str| !with_the(n) && normalize(n) == word;
    !(alone(&rec.name) || rec.aliases.iter().any(|n| alone(n)))
}

fn title_stripped_key(raw: &str) -> String {
    normalize(&strip_titles(&raw.replace('_', " ")))
}

struct People {
    given: BTreeSet<String>,
}

impl People {
    /// A phrase that names a person: a known given name followed by one to three words, or a
    /// personal title ("Sheikh", "President") followed by one to three words, with no word of
    /// an organisation or place name.
    fn looks_like_person(&self, raw: &str) -> bool {
        let key = title_stripped_key(raw);
        let n = key.split(' ').count();
        if has_word(&key, ORG_WORDS) || key.chars().any(|c| c.is_ascii_digit()) || bad_key(&key) {
            return false;
        }
        let given = key
            .split(' ')
            .next()
            .is_some_and(|w| self.given.contains(w));
        // "Abu Bakr al-Baghdadi": a kunya followed by two or more words.
        let kunya = key.starts_with("abu ") && (3..=5).contains(&n);
        (given && (2..=4).contains(&n))
            || kunya
            || (names::has_person_title(raw) && (1..=3).contains(&n))
    }
}

fn strong_person(rec: &RawRecord) -> bool {
    let key = normalize(&rec.name);
    rec.comment.to_lowercase().contains("countryinfo")
        || rec
            .codes
            .iter()
            .any(|c| segments(&c.code).any(|s| s == "ELI"))
        || (rec.codes.iter().any(RawCode::is_dated) && !has_word(&key, ORG_WORDS))
}

/// Minimal union-find over `0..n`.
struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.0.get(x) {
            if p == x {
                break;
            }
            let gp = self.0.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.0.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = self.0.get_mut(hi) {
            *slot = lo;
        }
    }
}

fn push_role(roles: &mut Vec<RawCode>, c: &RawCode) {
    if !roles.contains(c) {
        roles.push(c.clone());
    }
}

pub(crate) fn assemble(src: &Sources) -> Result<Built, KbError> {
    let mut report = BuildReport::default();
    let json = countries::parse(&src.countries_json, "countries.json")?;
    let mut recs: Vec<RawRecord> = Vec::new();
    let texts = [
        &src.country_actors,
        &src.international_actors,
        &src.nonstate_actors,
    ];
    for (i, (text, file)) in texts.iter().zip(ACTOR_FILES).enumerate() {
        recs.extend(tabari::parse_actors(text, i, file, &mut report.warnings));
    }
    for r in &mut recs {
        let before = r.aliases.len();
        r.aliases.retain(|a| !a.contains('\u{FFFD}'));
        for _ in r.aliases.len()..before {
            report.drop("phrase with bytes that are not UTF-8");
        }
    }
    recs.retain(|r| {
        let bad = r.name.contains('\u{FFFD}');
        if bad {
            report.warnings.push(format!(
                "{}:{}: record name is not UTF-8",
                ACTOR_FILES[r.file.min(2)],
                r.line
            ));
        }
        !bad
    });

    let mut b = Builder {
        json: &json,
        ents: Vec::new(),
        acr: Acronyms::new(),
        country_by_code: BTreeMap::new(),
        country_keys: BTreeMap::new(),
        fuzzy_keys: BTreeMap::new(),
        capitals: BTreeMap::new(),
        places: BTreeMap::new(),
    };
    b.add_countries();
    let mut used = vec![false; recs.len()];
    b.add_country_blocks(&recs, &mut used, &mut report);

    // Remaining records: persons and organisations.
    let mut strong = Vec::new();
    let mut rest = Vec::new();
    for (i, r) in recs.iter().enumerate() {
        if used.get(i).copied().unwrap_or(true) {
            continue;
        }
        if r.codes.is_empty() {
            report.drop("record without a code (null code)");
            continue;
        }
        if r.codes
            .iter()
            .any(|c| FICTIONAL.iter().any(|f| c.code.starts_with(f)))
        {
            report.drop("record of the fictional test country Kinakuta");
            continue;
        }
        if strong_person(r) {
            strong.push(i);
        } else {
            rest.push(i);
        }
    }
    let mut given_count: BTreeMap<String, usize> = BTreeMap::new();
    for &i in &strong {
        if let Some(r) = recs.get(i) {
            if let Some(first) = title_stripped_key(&r.name).split(' ').next() {
                *given_count.entry(first.to_owned()).or_insert(0) += 1;
            }
        }
    }
    let people = People {
        given: given_count
            .into_iter()
            .filter(|(w, n)| {
                *n >= 2
                    && w.len() >= 3
                    && !ORG_WORDS.contains(&w.as_str())
                    && !["abu", "umm", "bin", "ibn", "the", "al", "el"].contains(&w.as_str())
            })
            .map(|(w, _)| w)
            .collect(),
    };
    let mut persons: Vec<usize> = strong;
    let mut orgs: Vec<usize> = Vec::new();
    for i in rest {
        let Some(r) = recs.get(i) else { continue };
        if people.looks_like_person(&r.name) {
            persons.push(i);
        } else {
            orgs.push(i);
        }
    }
    persons.sort_unstable();

    // Organisations: drop role nominals, split person aliases, merge records naming the same
    // organisation (same kind and codes, sharing a name or an acronym).
    struct OrgRec {
        rec: usize,
        kind: Kind,
        names: Vec<String>,
        people: Vec<String>,
    }
    let mut org_recs: Vec<OrgRec> = Vec::new();
    for i in orgs {
        let Some(r) = recs.get(i) else { continue };
        if has_word(&normalize(&r.name), ROLE_NOUNS) {
            report.drop("record naming a role, not an organisation (\"UN envoy\")");
            continue;
        }
        let mut names = vec![r.name.clone()];
        let mut people_here: Vec<String> = Vec::new();
        for a in &r.aliases {
            if people.looks_like_person(a) {
                people_here.push(a.clone());
            } else if has_word(&normalize(a), ROLE_NOUNS) {
                report.drop("alias naming a role (\"White House spokesman\")");
            } else if the_one_word(a, r) {
                report.drop(
                    "alias \"The X\" of one word the record has no name of (\"The Foundation\")",
                );
            } else {
                names.push(a.clone());
            }
        }
        // A bare surname goes with the person it ends ("Nasrallah").
        let surnames: BTreeSet<String> = people_here
            .iter()
            .filter_map(|p| title_stripped_key(p).rsplit(' ').next().map(str::to_owned))
            .collect();
        let mut kept = Vec::with_capacity(names.len());
        for (i, n) in names.into_iter().enumerate() {
            let key = normalize(&n);
            let bare = key.strip_prefix("al ").unwrap_or(&key);
            if i > 0 && surnames.contains(bare) {
                people_here.push(n);
            } else {
                kept.push(n);
            }
        }
        names = kept;
        org_recs.push(OrgRec {
            rec: i,
            kind: kind_of(r),
            names,
            people: people_here,
        });
    }
    let mut groups: BTreeMap<(Kind, Vec<String>), Vec<usize>> = BTreeMap::new();
    for (k, o) in org_recs.iter().enumerate() {
        let Some(r) = recs.get(o.rec) else { continue };
        let mut codes: Vec<String> = r.codes.iter().map(|c| c.code.clone()).collect();
        codes.sort();
        codes.dedup();
        groups.entry((o.kind, codes)).or_default().push(k);
    }
    let mut dsu = Dsu((0..org_recs.len()).collect());
    for members in groups.values() {
        let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_initials: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut singles: Vec<(String, usize)> = Vec::new();
        for &m in members {
            let Some(o) = org_recs.get(m) else { continue };
            for n in &o.names {
                let (base, paren) = split_paren(n);
                let key = normalize(&base);
                if bad_key(&key) {
                    continue;
                }
                match by_key.get(&key) {
                    Some(&other) => dsu.union(m, other),
                    None => {
                        by_key.insert(key.clone(), m);
                    }
                }
                if key.contains(' ') {
                    let ini = names::initials(&key, &b.acr);
                    by_initials.entry(ini).or_default().push(m);
                } else if key.len() >= 2 {
                    singles.push((key.clone(), m));
                }
                if let Some(p) = paren {
                    if paren_acronym(&base, &p, &b.acr) {
                        b.acr.insert(&normalize(&p));
                    }
                }
            }
        }
        for (key, m) in singles {
            if let Some(ms) = by_initials.get(&key) {
                b.acr.insert(&key);
                for &other in ms {
                    dsu.union(m, other);
                }
            }
        }
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..org_recs.len() {
        components.entry(dsu.find(k)).or_default().push(k);
    }
    let mut org_of_code: BTreeMap<String, usize> = BTreeMap::new();
    let mut split_people: Vec<(usize, Vec<String>)> = Vec::new();
    for members in components.values() {
        let Some(first) = members.first().and_then(|&m| org_recs.get(m)) else {
            continue;
        };
        let Some(r0) = recs.get(first.rec) else {
            continue;
        };
        let kind = first.kind;
        let mut roles = Vec::new();
        let mut aliases: Vec<String> = Vec::new();
        let mut people_here = Vec::new();
        for &m in members {
            let Some(o) = org_recs.get(m) else { continue };
            if let Some(r) = recs.get(o.rec) {
                for c in &r.codes {
                    push_role(&mut roles, c);
                }
            }
            for n in &o.names {
                let (base, paren) = split_paren(n);
                let acronym = paren.filter(|p| paren_acronym(&base, p, &b.acr));
                if !aliases.contains(&base) {
                    aliases.push(base);
                }
                if let Some(p) = acronym {
                    if !aliases.contains(&p) {
                        aliases.push(p);
                    }
                }
            }
            people_here.extend(o.people.iter().cloned());
        }
        let cur = current_code(&roles).map_or_else(String::new, |c| c.code.clone());
        let name = aliases.first().cloned().unwrap_or_else(|| r0.name.clone());
        let mut e = Ent::new(kind, NerType::Org, &name, IdHint::Code(cur.clone()));
        e.aliases = aliases;
        e.roles = roles;
        e.country = b.country_of_code(&cur);
        e.prominence = (false, 0);
        let idx = b.push(e);
        if matches!(
            kind,
            Kind::Igo | Kind::Ngo | Kind::Company | Kind::NonStateGroup
        ) && cur.len() >= 6
        {
            org_of_code.entry(cur).or_insert(idx);
        }
        if !people_here.is_empty() {
            split_people.push((idx, people_here));
        }
    }

    // Persons named inside a group's block ("Hassan Nasrallah" under Hezbollah).
    for (org, list) in split_people {
        let mut by_last: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut order = Vec::new();
        for a in list {
            let last = title_stripped_key(&a)
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_owned();
            if !by_last.contains_key(&last) {
                order.push(last.clone());
            }
            by_last.entry(last).or_default().push(a);
        }
        let (country, code) = b.ents.get(org).map_or((None, None), |o| {
            (o.country, current_code(&o.roles).cloned())
        });
        for last in order {
            let Some(names) = by_last.remove(&last) else {
                continue;
            };
            let Some(first) = names.first() else { continue };
            let mut p = Ent::new(Kind::Person, NerType::Person, first, IdHint::Person);
            p.aliases = names;
            p.affiliation = Some(org);
            p.country = country;
            if let Some(c) = &code {
                p.roles.push(RawCode {
                    code: c.code.clone(),
                    from: None,
                    to: None,
                });
            }
            b.push(p);
        }
    }

    // Persons: merge records with the same name (titles aside) sharing a code or country.
    let mut person_groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in persons {
        let Some(r) = recs.get(i) else { continue };
        let key = title_stripped_key(&r.name);
        if bad_key(&key) {
            report.drop("person record with an empty name");
            continue;
        }
        let cur = r.current().map_or_else(String::new, |c| c.code.clone());
        let country = b.country_of_code(&cur);
        let codes: BTreeSet<&str> = r.codes.iter().map(|c| c.code.as_str()).collect();
        let existing = person_groups.get(&key).and_then(|list| {
            list.iter().copied().find(|&e| {
                b.ents.get(e).is_some_and(|p| {
                    p.roles.iter().any(|c| codes.contains(c.code.as_str()))
                        || (country.is_some() && p.country == country)
                })
            })
        });
        let target = match existing {
            Some(e) => e,
            None => {
                let mut p = Ent::new(Kind::Person, NerType::Person, &r.name, IdHint::Person);
                p.aliases.clear();
                p.country =
                    country.or_else(|| r.codes.iter().find_map(|c| b.country_of_code(&c.code)));
                // The group or IGO of the current code, else of any code ("Kofi Annan" → UN).
                p.affiliation = std::iter::once(cur.as_str())
                    .chain(r.codes.iter().map(|c| c.code.as_str()))
                    .filter(|c| c.len() >= 6)
                    .find_map(|c| org_of_code.get(c).copied());
                let idx = b.push(p);
                person_groups.entry(key).or_default().push(idx);
                idx
            }
        };
        if let Some(p) = b.ents.get_mut(target) {
            for c in &r.codes {
                push_role(&mut p.roles, c);
            }
            p.aliases.push(r.name.clone());
            p.aliases.extend(r.aliases.iter().cloned());
        }
    }

    // Places code as their country (the dictionaries list them as the country's synonyms).
    for i in 0..b.ents.len() {
        let Some(e) = b.ents.get(i) else { continue };
        if !matches!(e.kind, Kind::Place | Kind::Capital) || !e.roles.is_empty() {
            continue;
        }
        let code = e
            .country
            .and_then(|c| b.ents.get(c))
            .and_then(|c| current_code(&c.roles))
            .map(|c| c.code.clone());
        if let (Some(code), Some(e)) = (code, b.ents.get_mut(i)) {
            e.roles.push(RawCode {
                code,
                from: None,
                to: None,
            });
        }
    }
    let (partial, counts) = finish(b)?;
    report.entries = counts.entries;
    report.alias_keys = counts.alias_keys;
    report.demonym_keys = counts.demonym_keys;
    let agents = tabari::parse_agents(&src.agents, "Phoenix.agents.txt", &mut report.warnings);
    let (agent_keys, agents_fst, table) = agent_data(&agents, &mut report);
    let agents_fst = agents_fst?;
    report.agent_keys = agent_keys;
    let entries = partial.entries_with_agents(&table);
    Ok(Built {
        data: partial.into_kb_data(entries, agents_fst, src),
        report,
    })
}

struct Counts {
    entries: BTreeMap<Kind, usize>,
    alias_keys: usize,
    demonym_keys: usize,
}

/// Entries and alias maps, before the agents are added.
struct Partial {
    out: Vec<OutEntry>,
    postings: Vec<u32>,
    aliases_fst: Vec<u8>,
    demonyms_fst: Vec<u8>,
}

impl Partial {
    fn entries_with_agents(&self, agents: &[(String, bool)]) -> Vec<u8> {
        format::encode(&self.out, &self.postings, agents)
    }

    fn into_kb_data(self, entries: Vec<u8>, agents_fst: Vec<u8>, src: &Sources) -> KbData {
        let mut files = vec![
            ("entries.bin".to_owned(), entries),
            ("aliases.fst".to_owned(), self.aliases_fst),
            ("demonyms.fst".to_owned(), self.demonyms_fst),
            ("agents.fst".to_owned(), agents_fst),
            (
                "NOTICE".to_owned(),
                notice(src.mit_licence.as_deref()).into_bytes(),
            ),
        ];
        if let Some(odbl) = &src.odbl_licence {
            files.push(("LICENSE-ODbL.txt".to_owned(), odbl.clone().into_bytes()));
        }
        KbData { files }
    }
}

fn fst_error(file: &'static str, e: &fst::Error) -> KbError {
    KbError::Build {
        file,
        message: e.to_string(),
    }
}

/// Distinct `(agent code, prefix)` pairs.
type AgentTable = Vec<(String, bool)>;

/// An alias as output: display form, normalised key, acronym-only flag.
type OutAlias = (String, String, bool);

fn agent_data(
    agents: &[tabari::RawAgent],
    report: &mut BuildReport,
) -> (usize, Result<Vec<u8>, KbError>, AgentTable) {
    let mut table: Vec<(String, bool)> = Vec::new();
    let mut map: BTreeMap<String, u64> = BTreeMap::new();
    for a in agents {
        let key = normalize(&a.phrase);
        if bad_key(&key) {
            report.drop("agent phrase that is noise");
            continue;
        }
        if map.contains_key(&key) {
            continue;
        }
        let pair = (a.code.clone(), a.prefix);
        let idx = match table.iter().position(|t| *t == pair) {
            Some(i) => i,
            None => {
                table.push(pair);
                table.len() - 1
            }
        };
        map.insert(key, idx as u64);
    }
    let n = map.len();
    let fst = fst::Map::from_iter(map).map_err(|e| fst_error("agents.fst", &e));
    (n, fst.map(|m| m.into_fst().into_inner()), table)
}

fn finish(b: Builder<'_>) -> Result<(Partial, Counts), KbError> {
    let Builder { ents, acr, .. } = b;
    // Canonical names and display aliases.
    let mut finals: Vec<(String, Vec<OutAlias>)> = Vec::with_capacity(ents.len());
    for e in &ents {
        let mut aliases: Vec<OutAlias> = Vec::new();
        let add = |raw: &str, aliases: &mut Vec<OutAlias>| {
            let (base, paren) = split_paren(raw);
            let paren = paren.filter(|p| paren_acronym(&base, p, &acr));
            for s in std::iter::once(base).chain(paren) {
                let key = normalize(&s);
                if bad_key(&key) || (e.kind == Kind::Person && names::is_title(&key)) {
                    continue;
                }
                let gated = acronym_only(&s, &key);
                match aliases.iter_mut().find(|(_, k, _)| *k == key) {
                    Some(slot) => slot.2 = slot.2 && gated,
                    None => aliases.push((display(&s, &acr), key, gated)),
                }
            }
        };
        for a in &e.aliases {
            add(a, &mut aliases);
            if e.kind == Kind::Person {
                let stripped = strip_titles(&a.replace('_', " "));
                add(&stripped, &mut aliases);
            }
        }
        let mut name = e
            .fixed_name
            .clone()
            .unwrap_or_else(|| display(&e.name, &acr));
        match e.kind {
            Kind::Person => {
                name = strip_titles(&name);
                if !name.contains(' ') {
                    let key = normalize(&name);
                    if let Some((d, _, _)) = aliases.iter().find(|(d, k, _)| {
                        let s = strip_titles(d);
                        s.contains(' ') && k.split(' ').any(|w| w == key)
                    }) {
                        name = strip_titles(d);
                    }
                }
            }
            Kind::Country | Kind::Capital => {}
            _ => {
                let key = normalize(&name);
                if !key.contains(' ') {
                    if let Some((d, _, _)) = aliases
                        .iter()
                        .find(|(_, k, _)| is_acronym_of(&key, k, &acr))
                    {
                        name.clone_from(d);
                    }
                }
            }
        }
        if let Some(rest) = name.strip_prefix("The ") {
            if !rest.is_empty() {
                name = rest.to_owned();
            }
        }
        let name_key = normalize(&name);
        if !bad_key(&name_key) && !aliases.iter().any(|(_, k, _)| *k == name_key) {
            let gated = acronym_only(&name, &name_key);
            aliases.push((name.clone(), name_key, gated));
        }
        finals.push((name, aliases));
    }

    // Ids: countries, then places, organisations and persons, in build order.
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut ids = Vec::with_capacity(ents.len());
    let country_code = |i: usize| -> String {
        ents.get(i).map_or_else(String::new, |c| match &c.id {
            IdHint::Country(code) => code.clone(),
            _ => String::new(),
        })
    };
    for (i, e) in ents.iter().enumerate() {
        let name = finals.get(i).map_or("", |f| f.0.as_str());
        let base = match &e.id {
            IdHint::Country(code) => format!("kb:{code}"),
            IdHint::Place(c) => format!("kb:{}/{}", country_code(*c), slug(name)),
            IdHint::Person => format!("kb:person/{}", slug(name)),
            IdHint::Code(code) if code.len() >= 6 && !used.contains(&format!("kb:{code}")) => {
                format!("kb:{code}")
            }
            IdHint::Code(code) if code.is_empty() => format!("kb:org/{}", slug(name)),
            IdHint::Code(code) => format!("kb:{code}/{}", slug(name)),
        };
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        ids.push(id);
    }
    // Sort by id; map old indices to new.
    let mut order: Vec<usize> = (0..ents.len()).collect();
    order.sort_by(|&a, &b| ids.get(a).cmp(&ids.get(b)));
    let mut new_of = vec![0u32; ents.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = new_of.get_mut(old) {
            *slot = new as u32;
        }
    }
    let remap = |o: Option<usize>| o.and_then(|i| new_of.get(i).copied());

    let mut out = Vec::with_capacity(ents.len());
    let mut alias_map: BTreeMap<String, Vec<(u32, bool)>> = BTreeMap::new();
    let mut demonym_map: BTreeMap<String, Vec<(u32, bool)>> = BTreeMap::new();
    let mut counts = Counts {
        entries: BTreeMap::new(),
        alias_keys: 0,
        demonym_keys: 0,
    };
    for (new, &old) in order.iter().enumerate() {
        let (Some(e), Some((name, aliases)), Some(id)) =
            (ents.get(old), finals.get(old), ids.get(old))
        else {
            continue;
        };
        *counts.entries.entry(e.kind).or_insert(0) += 1;
        let new = new as u32;
        for (_, key, gated) in aliases {
            alias_map
                .entry(key.clone())
                .or_default()
                .push((new, *gated));
        }
        let mut demonyms: Vec<String> = Vec::new();
        let mut demonym_keys: Vec<String> = Vec::new();
        for d in &e.demonyms {
            let disp = display(d, &acr);
            let key = normalize(d);
            if bad_key(&key) || demonym_keys.contains(&key) {
                continue;
            }
            let mut forms = vec![key.clone()];
            forms.extend(demonym_plural(&key));
            for f in forms {
                demonym_map.entry(f).or_default().push((new, false));
            }
            demonym_keys.push(key);
            demonyms.push(disp);
        }
        let name_key = normalize(name);
        out.push(OutEntry {
            kind: Some(e.kind),
            ner: Some(e.ner),
            id: id.clone(),
            name: name.clone(),
            country: remap(e.country),
            affiliation: remap(e.affiliation),
            iso2: e.iso2.clone(),
            iso3: e.iso3.clone(),
            roles: e
                .roles
                .iter()
                .map(|c| (c.code.clone(), c.from, c.to))
                .collect(),
            aliases: aliases
                .iter()
                .filter(|(_, k, _)| *k != name_key)
                .map(|(d, _, _)| d.clone())
                .collect(),
            demonyms,
        });
    }
    // Rank postings: kind, then independent and larger countries, then index.
    let rank = |idx: u32| {
        let e = order.get(idx as usize).and_then(|&old| ents.get(old));
        e.map_or((u8::MAX, true, Reverse(0), idx), |e| {
            (e.kind.rank(), !e.prominence.0, Reverse(e.prominence.1), idx)
        })
    };
    let mut postings: Vec<u32> = Vec::new();
    let mut build_map = |map: BTreeMap<String, Vec<(u32, bool)>>,
                         file: &'static str|
     -> Result<(usize, Vec<u8>), KbError> {
        let mut pairs: Vec<(String, u64)> = Vec::with_capacity(map.len());
        for (key, mut list) in map {
            list.sort_by_key(|&(i, _)| rank(i));
            let mut merged: Vec<(u32, bool)> = Vec::new();
            for (i, g) in list {
                match merged.iter_mut().find(|(j, _)| *j == i) {
                    Some(slot) => slot.1 = slot.1 && g,
                    None => merged.push((i, g)),
                }
            }
            let start = postings.len() as u64;
            for (i, g) in &merged {
                postings.push((i << 1) | u32::from(*g));
            }
            pairs.push((key, (start << 32) | merged.len() as u64));
        }
        let n = pairs.len();
        let m = fst::Map::from_iter(pairs).map_err(|e| fst_error(file, &e))?;
        Ok((n, m.into_fst().into_inner()))
    };
    let (alias_keys, aliases_fst) = build_map(alias_map, "aliases.fst")?;
    let (demonym_keys, demonyms_fst) = build_map(demonym_map, "demonyms.fst")?;
    counts.alias_keys = alias_keys;
    counts.demonym_keys = demonym_keys;
    Ok((
        Partial {
            out,
            postings,
            aliases_fst,
            demonyms_fst,
        },
        counts,
    ))
}
