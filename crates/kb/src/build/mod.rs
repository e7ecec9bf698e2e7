//! The builder: parses the sources in `../shared/kb` and writes the committed data files.
//!
//! Run it with `cargo run -p newsgraph-kb --bin newsgraph-kb-build -- ../shared/kb crates/kb/data`
//! from the workspace root. [`Sources::from_dir`] reads the inputs, [`build`] turns them into a
//! [`KbData`] (the bytes of every data file) and a [`BuildReport`], and [`KbData::write_to`]
//! writes the files. The output depends only on the input bytes: no clock, no hash-map order.
//! How each source is read, and what is dropped, is described in the crate docs.

mod assemble;
mod countries;
mod names;
mod tabari;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::Kind;
use crate::KbError;

/// The source files, by their names in `../shared/kb`.
pub const SOURCE_FILES: [&str; 5] = [
    "countries.json",
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
];

/// The contents of the source files.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// `countries.json`: the country list (ODbL).
    pub countries_json: String,
    /// `Phoenix.Countries.actors.txt`: country names, places, institutions and leaders (MIT).
    pub country_actors: String,
    /// `Phoenix.International.actors.txt`: IGOs, NGOs, companies and their officials (MIT).
    pub international_actors: String,
    /// `Phoenix.MilNonState.actors.txt`: armed non-state groups (MIT).
    pub nonstate_actors: String,
    /// `Phoenix.agents.txt`: agent nouns and their codes (MIT).
    pub agents: String,
    /// `LICENSE-petrarch2.txt`, copied into the notice when present.
    pub mit_licence: Option<String>,
    /// `LICENSE-countries-ODbL.txt`, copied next to the data when present.
    pub odbl_licence: Option<String>,
}

fn read_text(path: &Path) -> Result<String, KbError> {
    let bytes = std::fs::read(path).map_err(|source| KbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // The dictionaries hold a few bytes that are not UTF-8 (Latin-1 leftovers): they become
    // U+FFFD here, and the builder drops every phrase containing one.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_optional(path: &Path) -> Result<Option<String>, KbError> {
    if path.exists() {
        read_text(path).map(Some)
    } else {
        Ok(None)
    }
}

impl Sources {
    /// Reads the five source files (and the licence files, when present) from `dir`.
    ///
    /// # Errors
    ///
    /// [`KbError::Io`] naming the file that cannot be read.
    pub fn from_dir(dir: &Path) -> Result<Sources, KbError> {
        let [c, ca, ia, na, ag] = SOURCE_FILES;
        Ok(Sources {
            countries_json: read_text(&dir.join(c))?,
            country_actors: read_text(&dir.join(ca))?,
            international_actors: read_text(&dir.join(ia))?,
            nonstate_actors: read_text(&dir.join(na))?,
            agents: read_text(&dir.join(ag))?,
            mit_licence: read_optional(&dir.join("LICENSE-petrarch2.txt"))?,
            odbl_licence: read_optional(&dir.join("LICENSE-countries-ODbL.txt"))?,
        })
    }
}

/// The bytes of every data file, by file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbData {
    /// `(file name, bytes)`, in a fixed order: `entries.bin`, `aliases.fst`, `demonyms.fst`,
    /// `agents.fst`, `NOTICE`, then `LICENSE-ODbL.txt` when the source had it.
    pub files: Vec<(String, Vec<u8>)>,
}

impl KbData {
    /// The bytes of the file called `name`, if built.
    #[must_use]
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
    }

    /// Writes every file into `dir` (created if missing).
    ///
    /// # Errors
    ///
    /// [`KbError::Io`] naming the file or directory that cannot be written.
    pub fn write_to(&self, dir: &Path) -> Result<Vec<PathBuf>, KbError> {
        std::fs::create_dir_all(dir).map_err(|source| KbError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut written = Vec::new();
        for (name, bytes) in &self.files {
            let path = dir.join(name);
            std::fs::write(&path, bytes).map_err(|source| KbError::Io {
                path: path.clone(),
                source,
            })?;
            written.push(path);
        }
        Ok(written)
    }
}

/// What the builder did: counts, drops and warnings (with file and line).
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// Entries by kind.
    pub entries: BTreeMap<Kind, usize>,
    /// Distinct normalised alias keys.
    pub alias_keys: usize,
    /// Distinct normalised demonym keys.
    pub demonym_keys: usize,
    /// Distinct normalised agent phrases.
    pub agent_keys: usize,
    /// Records or phrases dropped, by reason.
    pub dropped: BTreeMap<String, usize>,
    /// Oddities in the sources, each naming file and line.
    pub warnings: Vec<String>,
}

impl BuildReport {
    pub(crate) fn drop(&mut self, reason: &str) {
        *self.dropped.entry(reason.to_owned()).or_insert(0) += 1;
    }

    /// A short human-readable summary (counts and drops, not the warnings).
    #[must_use]
    pub fn summary(&self) -> String {
        let mut s = String::new();
        let total: usize = self.entries.values().sum();
        let _ = writeln!(s, "entries: {total}");
        for (k, n) in &self.entries {
            let _ = writeln!(s, "  {k}: {n}");
        }
        let _ = writeln!(
            s,
            "alias keys: {}, demonym keys: {}, agent phrases: {}",
            self.alias_keys, self.demonym_keys, self.agent_keys
        );
        let _ = writeln!(s, "dropped:");
        for (r, n) in &self.dropped {
            let _ = writeln!(s, "  {r}: {n}");
        }
        let _ = writeln!(s, "warnings: {}", self.warnings.len());
        s
    }
}

/// The result of [`build`].
#[derive(Debug, Clone)]
pub struct Built {
    /// The data files.
    pub data: KbData,
    /// What was built and dropped.
    pub report: BuildReport,
}

/// Builds the data files from the sources.
///
/// # Errors
///
/// [`KbError::Json`] when `countries.json` is not the expected JSON (with line and column), or
/// [`KbError::Build`] when an `fst` map cannot be built. Odd lines in the dictionaries are not
/// errors: they are skipped and listed in [`BuildReport::warnings`] with file and line.
pub fn build(sources: &Sources) -> Result<Built, KbError> {
    assemble::assemble(sources)
}

/// The `NOTICE` file written next to the data.
pub(crate) fn notice(mit: Option<&str>) -> String {
    let mit_text = mit.map_or(DEFAULT_MIT, str::trim);
    format!(
        "newsgraph-kb data files (entries.bin, aliases.fst, demonyms.fst, agents.fst)
=======================================================================

These files are generated by `cargo run -p newsgraph-kb --bin newsgraph-kb-build --
../shared/kb crates/kb/data` from two sources, and are covered by both sources' terms.

1. countries.json -- country names, ISO 3166 codes, capitals and demonyms.
   Licensed under the Open Database License (ODbL) 1.0,
   https://opendatacommons.org/licenses/odbl/1-0/ (full text in LICENSE-ODbL.txt).
   (c) the countries.json authors, per its licence file.
   The country, capital and demonym data in these files is a Derivative Database of
   countries.json and is made available under the ODbL 1.0: you may use, share and adapt
   it, provided you attribute it, keep it under the ODbL (share-alike) and keep it open.

2. The Phoenix/PETRARCH dictionaries Phoenix.Countries.actors.txt,
   Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt and
   Phoenix.agents.txt, Open Event Data Alliance, under the MIT License:

{mit_text}

The selection, normalisation and encoding of the data are part of newsgraph.
"
    )
}

const DEFAULT_MIT: &str = "The MIT License (MIT)

Copyright (c) 2014 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the \"Software\"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.";
