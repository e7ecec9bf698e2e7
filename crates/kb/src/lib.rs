//! The newsgraph knowledge base: countries (ISO and CAMEO codes, capitals, demonyms),
//! international organisations, armed and political non-state groups, leaders and officials
//! with dated roles, other places, and CAMEO agent nouns.
//!
//! The data is built from `../shared/kb` by a command kept here (see [Building](#building)),
//! committed under `crates/kb/data/`, and embedded in the binary with `include_bytes!`: nothing
//! is read at run time. [`Kb::load`] decodes it in about 10 ms (release build; about 100 ms in
//! a debug build) and the whole knowledge base takes under 10 MB of memory.
//!
//! ```
//! use newsgraph_kb::{Kb, Kind};
//!
//! let kb = Kb::global().expect("embedded data");
//! // Names: normalised exact match; "U.S.", "US" and "the United States" all find the USA.
//! let usa = kb.lookup("U.S.").next().and_then(|id| kb.get(id)).unwrap();
//! assert_eq!((usa.key(), usa.iso2(), usa.cameo()), ("kb:USA", Some("US"), Some("USA")));
//! // Running text: acronyms need capitals, so the pronoun "us" is not the country.
//! assert!(kb.lookup_cased("us").next().is_none());
//! // Gazetteer matching over tokens: the longest alias from the first token.
//! let m = kb.longest_match(&["Islamic", "Republic", "of", "Iran", "said"]).unwrap();
//! assert_eq!(m.tokens, 4);
//! // Demonyms, capitals, agents.
//! let iran = kb.demonym("Iranians").unwrap();
//! assert_eq!(kb.get(kb.capital_of(iran).unwrap()).unwrap().name(), "Tehran");
//! assert_eq!(kb.agent("ministers").unwrap().code, "GOV");
//! // People with dated roles.
//! let k = kb.get(kb.lookup_cased("Khamenei").next().unwrap()).unwrap();
//! assert_eq!((k.name(), k.kind(), k.cameo()), ("Ali Khamenei", Kind::Person, Some("IRNGOV")));
//! ```
//!
//! # API
//!
//! - [`Kb`]: [`Kb::global`] / [`Kb::load`] (embedded data), [`Kb::from_data`] (data built at
//!   run time), [`Kb::get`] → [`Entry`], [`Kb::by_key`] (`"kb:IRN"` → id),
//!   [`Kb::lookup`] (case-blind), [`Kb::lookup_cased`] (for surfaces from text),
//!   [`Kb::lookup_key`] (already-normalised key, no allocation), [`Kb::longest_match`]
//!   (gazetteer over tokens), [`Kb::demonym`] / [`Kb::demonyms`], [`Kb::agent`] /
//!   [`Kb::agent_longest_match`], [`Kb::capital_of`], [`Kb::country_by_code`] (ISO alpha-2,
//!   alpha-3 or CAMEO), [`Kb::entries`], [`Kb::counts`].
//! - [`Entry`]: [`key`](Entry::key) (stable string id), [`kind`](Entry::kind) ([`Kind`]),
//!   [`ner`](Entry::ner) ([`NerType`]: PERSON, ORG, GPE, LOC), [`name`](Entry::name) (cased for
//!   display), [`cameo`](Entry::cameo) (the code as of 2014), [`code_at`](Entry::code_at) (the code
//!   on a date), [`roles`](Entry::roles) ([`Role`]: code, from, to), [`codes`](Entry::codes),
//!   [`iso2`](Entry::iso2), [`iso3`](Entry::iso3), [`country`](Entry::country),
//!   [`affiliation`](Entry::affiliation), [`aliases`](Entry::aliases),
//!   [`demonyms`](Entry::demonyms).
//! - [`normalize_into`]: the key normaliser, into a reusable buffer. Every lookup normalises its
//!   input with it; lookups allocate nothing (a per-thread buffer is reused).
//!
//! Entries sharing an alias come best first: countries, capitals, IGOs, non-state groups, state
//! organisations, NGOs, companies, persons, other places; among countries (and their places)
//! independent and larger ones first. `"Georgia"` gives the country before the US state.
//!
//! The knowledge base only links: the dictionaries date from 2014, so an entity missing from it
//! must still be found by the recogniser, and its newer names and roles come from the text.
//!
//! # Ids
//!
//! `kb:IRN` for countries (ISO alpha-3; the CAMEO code for former states: `kb:SUN`, `kb:DDR`),
//! `kb:IRN/tehran` for capitals and places, `kb:IGOUNO` for the first organisation or group
//! holding a CAMEO code of six letters or more (`kb:IGOUNO/security-council` for the others,
//! `kb:MNC/…`, `kb:NGO/…` for the generic codes), `kb:person/ali-khamenei` for persons (`-2`,
//! `-3` when names repeat). They are stable for given sources; [`EntryId`]s (indices) are not.
//!
//! # Building
//!
//! From the workspace root:
//!
//! ```text
//! cargo run -p newsgraph-kb --bin newsgraph-kb-build -- ../shared/kb crates/kb/data
//! ```
//!
//! [`build::Sources::from_dir`] reads the sources, [`build::build`] makes the files (the same
//! input gives the same bytes: no clock, no hash-map order) and [`build::KbData::write_to`]
//! writes them. The test `tests/up_to_date.rs` rebuilds when `../shared/kb` is present (or
//! `NEWSGRAPH_SHARED` points at a `shared` directory) and fails if a committed file differs.
//!
//! # The sources, as read here
//!
//! **`countries.json`** (ODbL 1.0): a JSON array of countries and territories with `name.common`,
//! `name.official`, `name.native.<lang>.{common,official}`, `cca2`, `cca3`, `independent`,
//! `capital` (a list), `altSpellings`, `translations.<lang>.{common,official}`,
//! `demonyms.eng.{m,f}` and `area`, among fields not used. Every country becomes an entry; its
//! English, native and alternative names become aliases, except the bare alpha-2 code (`"IR"`,
//! `"IT"`: noise in text; `UK` and `US` are kept) and inverted forms (`"Iran, Islamic Republic
//! of"`). Translations are used only to recognise the dictionary's foreign variants. Capitals
//! become `Capital` entries, English demonyms (and their regular plurals) go to the demonym map.
//!
//! **The actor dictionaries** (`Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`,
//! `Phoenix.MilNonState.actors.txt`; MIT) use the TABARI/PETRARCH format:
//!
//! - a *record* starts with a phrase at the start of a line: words joined by `_` (or spaces),
//!   upper case, a trailing `_` meaning "no stemming"; codes may follow on the same line;
//! - `+PHRASE` lines add synonyms to the current record (one line joins two with a `+`: split);
//! - indented lines hold codes: `[CODE]`, `[CODE >DATE]` (from), `[CODE <DATE]` (until),
//!   `[CODE DATE-DATE]`, a bare `[CODE DATE]` read as "from"; dates are `YYYYMMDD` or `YYMMDD`
//!   (`YY` ≤ 14 is 20YY, the files date from 2014); bounds are inclusive; an undated code is the
//!   default; `[---]` is the null code (not an actor);
//! - `#` (and the legacy `;`) start comments; `<!-- -->` comments are skipped; blank lines do
//!   not end a record;
//! - codes are CAMEO actor codes: 3-letter segments, a country (`IRN`) or a sector (`IGO`, `NGO`,
//!   `MNC`, `IMG`) followed by roles (`GOV`, `MIL`, `REB`, `ELI`, `LEG`, …): `IRNGOVLEG`,
//!   `IGOUNOKID`, `PSEREBHMS`;
//! - in the country dictionary, a country's block starts with a record coded with the country
//!   alone (`IRAN_ [IRN]`; with history, `UKRAINE_ [USRUKR <910824] … [UKR >911221]`) whose
//!   synonyms mix the country's spellings and misspellings, its demonyms, and its cities,
//!   provinces, states, rivers and nicknames (CAMEO codes them all as the country); institutions
//!   (`[IRNGOVLEG]`) and persons follow, persons marked `# CountryInfo.txt` with dated roles.
//!
//! How records become entries:
//!
//! - **Countries**: a country-coded record named like a `countries.json` country (any English
//!   or native spelling) is that country's head; otherwise the first open-ended one for a code
//!   without a head; former states (`SUN`, `DDR`, `CSK`, `SCG`, `YUG`) get their own entries;
//!   other country-coded records (and territory codes like `PSEGZA`) are places of the country.
//!   Each synonym of a head is sorted, in order: a known name of the country → alias; a demonym
//!   (the json demonym, its plural, a close misspelling, or the country name plus a demonym
//!   suffix) → demonym map; a capital or a one-typo misspelling of it → the capital's alias;
//!   a close misspelling of an English name (1 typo up to 9 letters, 2 beyond) or the name with
//!   words like "Republic of" → alias; anything else → a `Place` of the country (`LOC` when it
//!   has a feature word such as river, mountains, desert, island, else `GPE`). Places and
//!   capitals carry their country's CAMEO code.
//! - **Persons**: records with a `CountryInfo` comment, an `ELI` role, or a dated code and no
//!   organisation word; records and synonyms that look like a person (a given name seen among
//!   those persons followed by 1–3 words, a personal title such as "Sheikh" or "President"
//!   followed by 1–3 words, or "Abu" followed by 2–4) are persons too. A person named inside a
//!   group's block (`+HASSAN_NASRALLAH` under Hezbollah) becomes a person affiliated with the
//!   group, and a bare surname there (`+NASRALLAH`) goes with them. Records with the same name
//!   (titles aside) sharing a code or country merge. The canonical name drops leading titles
//!   ("Hojatolislam Sayyed Ali Khamenei" → "Ali Khamenei"); title-stripped synonyms are added.
//!   A person's affiliation is the group or IGO holding one of their codes.
//! - **Organisations**: the rest. Kind from the codes: `IGO…` → `Igo`, `NGO…`/`NGM…` → `Ngo`,
//!   `MNC…` → `Company`, the non-state dictionary or a `REB`, `INS`, `SEP`, `UAF`, `PTY`, `OPP`
//!   segment or `IMG…` code → `NonStateGroup`, else `Organisation` (state institutions, media).
//!   Records with the same kind and codes merge when they share a name or one is the acronym of
//!   the other (`UN_ [IGOUNO]`, `THE_UNITED_NATIONS_ [IGOUNO]`); an acronym name is replaced by
//!   its expansion when one is known (`NATO` → "North Atlantic Treaty Organization").
//! - **Display**: upper-case phrases are title-cased, with particles lower-cased inside names
//!   (of, the, al, bin, van…), known and learnt acronyms kept upper-case (UN, NATO, and every
//!   single word that is the initials of another name of the same entry), `Mc`, `O'` and `D'`
//!   handled; a leading "The" is dropped from canonical names.
//! - **Acronym-only aliases**: one word of at most three letters, written with periods, or
//!   without a vowel (`US`, `U.N.`, `WHO`, `UNSC`): [`Kb::lookup_cased`] and
//!   [`Kb::longest_match`] only return them for a surface without lower-case letters.
//!
//! **`Phoenix.agents.txt`** (MIT): `PHRASE {PLURALS} [~CODE]` lines; `~CODE` is a suffix
//! (`[~GOV]`), `CODE~` a prefix (`[NGO~]`); the regular plural of the last word (`-s`, `-es` after
//! s/x/z/ch/sh, `-ies` after consonant + y) is added unless `{}` gives the plurals (`{}` for none);
//! `!PERSON! = MAN, MEN, …` defines substitution sets used as `POLICE!PERSON!` (each member
//! substituted, no plural). The first code given for a phrase wins.
//!
//! # What is dropped, and why
//!
//! - records without a code or with the null code `---` (not actors);
//! - the fictional test country Kinakuta (`KNT`);
//! - records and synonyms naming a person by role rather than a name ("UN envoy", "White House
//!   spokesman", "CLF militants", "Secretary of State"): a recogniser should find the person;
//! - phrases with bytes that are not UTF-8 (a few Latin-1 leftovers) and noise keys (shorter
//!   than two bytes, stopwords, digits only);
//! - from `countries.json`: bare alpha-2 codes, inverted names, translations (kept only for
//!   classification), and the fields not listed above (currencies, borders, calling codes…).
//!
//! The build report ([`build::BuildReport`], printed by the command) counts each drop and lists
//! the odd source lines (malformed dates, lines without a code) with file and line.
//!
//! # Data files
//!
//! `entries.bin` (tables), `aliases.fst` and `demonyms.fst` (normalised key → run of the
//! postings table), `agents.fst` (normalised phrase → agent code), `NOTICE` and
//! `LICENSE-ODbL.txt`. The layout of `entries.bin`, all little-endian LEB128 varints:
//! magic `NGKB`, version byte 1; the string pool (length, UTF-8 bytes; each string stored once);
//! the entries sorted by id (kind, NER byte, id, name, country + 1, affiliation + 1, iso2, iso3,
//! roles as code/from/to with `YYYYMMDD` or 0, aliases, demonyms; strings as pool offset and
//! length); the postings (`entry << 1 | acronym-only`); the agent codes (code, prefix byte);
//! `END!`. The fst values are `start << 32 | len` into the postings (agent map: an index into
//! the agent codes). Everything is checked on load: a corrupt file is a [`KbError::Data`] naming
//! the file and byte, never a panic.
//!
//! # Known gaps
//!
//! - The dictionaries stop in 2014: later leaders, groups (and roles) are missing or out of date.
//! - Person detection is heuristic: some undated persons stay organisations (initials such as
//!   "N.P. Rijal"), some aliases of one person list another (as in the source).
//! - Places come from the dictionary's lists, so they are uneven (many US cities and states,
//!   few elsewhere) and some are nicknames ("Graveyard of Empires").
//! - Ids of organisations depend on source order (`kb:LBNREB` is not Hezbollah but another
//!   Lebanese group; Hezbollah is `kb:LBNREB/hezbollah`).
//! - Demonyms of regions (`Gazan`, `Kurdish`) are not demonyms of countries: they stay places or
//!   are missing.
//! - Acronyms that are not initials of a known name display title-cased (`Saarc`).

#![deny(missing_docs)]

pub mod build;
mod format;
mod kb;
mod model;
mod normalize;

use std::path::PathBuf;

pub use crate::kb::{Entry, EntryIds, Kb, Match};
pub use crate::model::{AgentCode, Date, EntryId, Kind, NerType, Role};
pub use crate::normalize::{normalize, normalize_into};

/// Errors of this crate. Every variant names the input and the place in it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KbError {
    /// A file could not be read or written.
    #[error("{path}: {source}", path = .path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// `countries.json` is not the expected JSON.
    #[error("{file}:{line}:{column}: {message}")]
    Json {
        /// The input's name.
        file: String,
        /// 1-based line (0 when the problem is a value, not the syntax).
        line: usize,
        /// 1-based column (0 when unknown).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A data file is corrupt or missing.
    #[error("{file} at byte {offset}: {message}")]
    Data {
        /// The data file (`entries.bin`, `aliases.fst`, ...).
        file: &'static str,
        /// Byte offset of the problem.
        offset: usize,
        /// What is wrong.
        message: String,
    },
    /// A data file could not be built.
    #[error("building {file}: {message}")]
    Build {
        /// The data file being built.
        file: &'static str,
        /// What went wrong.
        message: String,
    },
}
