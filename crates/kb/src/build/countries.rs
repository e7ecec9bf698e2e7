//! Reader for `countries.json` (ODbL): the fields the knowledge base uses.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::KbError;

#[derive(Debug, Deserialize)]
struct JNamePair {
    #[serde(default)]
    common: String,
    #[serde(default)]
    official: String,
}

#[derive(Debug, Deserialize)]
struct JName {
    common: String,
    #[serde(default)]
    official: String,
    #[serde(default)]
    native: BTreeMap<String, JNamePair>,
}

#[derive(Debug, Deserialize)]
struct JDemonym {
    #[serde(default)]
    f: String,
    #[serde(default)]
    m: String,
}

#[derive(Debug, Deserialize)]
struct JCountry {
    name: JName,
    cca2: String,
    cca3: String,
    #[serde(default)]
    independent: Option<bool>,
    #[serde(default)]
    capital: Vec<String>,
    #[serde(default, rename = "altSpellings")]
    alt_spellings: Vec<String>,
    #[serde(default)]
    translations: BTreeMap<String, JNamePair>,
    #[serde(default)]
    demonyms: BTreeMap<String, JDemonym>,
    #[serde(default)]
    area: f64,
}

/// One country as the builder uses it.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub(crate) common: String,
    pub(crate) official: String,
    pub(crate) iso2: String,
    pub(crate) iso3: String,
    pub(crate) independent: bool,
    pub(crate) area: f64,
    pub(crate) capitals: Vec<String>,
    /// English spellings and native names (Latin script or not), in file order.
    pub(crate) alt_spellings: Vec<String>,
    pub(crate) native: Vec<String>,
    /// Names in other languages (used to recognise the dictionary's foreign variants only).
    pub(crate) translations: Vec<String>,
    /// English demonyms (masculine first, then feminine when different).
    pub(crate) demonyms: Vec<String>,
}

/// Parses `countries.json`. `file` names the input in errors.
pub(crate) fn parse(text: &str, file: &str) -> Result<Vec<Country>, KbError> {
    let raw: Vec<JCountry> = serde_json::from_str(text).map_err(|e| KbError::Json {
        file: file.into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut out = Vec::with_capacity(raw.len());
    for (i, c) in raw.into_iter().enumerate() {
        let ok = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase());
        if !ok(&c.cca3, 3) || !ok(&c.cca2, 2) {
            return Err(KbError::Json {
                file: file.into(),
                line: 0,
                column: 0,
                message: format!(
                    "country #{i} ({}): cca2 {:?} / cca3 {:?} are not ISO 3166 codes (two and three capital letters)",
                    c.name.common, c.cca2, c.cca3
                ),
            });
        }
        let mut demonyms = Vec::new();
        if let Some(d) = c.demonyms.get("eng") {
            for s in [&d.m, &d.f] {
                if !s.is_empty() && !demonyms.contains(s) {
                    demonyms.push(s.clone());
                }
            }
        }
        let mut native = Vec::new();
        for n in c.name.native.values() {
            for s in [&n.common, &n.official] {
                if !s.is_empty() && !native.contains(s) {
                    native.push(s.clone());
                }
            }
        }
        let mut translations = Vec::new();
        for n in c.translations.values() {
            for s in [&n.common, &n.official] {
                if !s.is_empty() && !translations.contains(s) {
                    translations.push(s.clone());
                }
            }
        }
        out.push(Country {
            common: c.name.common,
            official: c.name.official,
            iso2: c.cca2,
            iso3: c.cca3,
            independent: c.independent.unwrap_or(false),
            area: if c.area.is_finite() { c.area } else { 0.0 },
            capitals: c.capital,
            alt_spellings: c.alt_spellings,
            native,
            translations,
            demonyms,
        });
    }
    Ok(out)
}
