//! Small value types: entry ids, kinds, NER hints, dates, roles and agent codes.

use std::fmt;

/// The index of an entry in a [`Kb`](crate::Kb). Only valid for the `Kb` that returned it.
///
/// Entries are stored sorted by their string id ([`Entry::key`](crate::Entry::key)), so an
/// `EntryId` is stable for a given data build but may change when the data is rebuilt: store the
/// string id, not this index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub(crate) u32);

impl EntryId {
    /// The index as a `usize`, for use as a dense array index.
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A country or territory (ISO 3166 where the country list has it), or a former state.
    Country,
    /// A capital city (from the country list).
    Capital,
    /// Another place named in a country's block of the actor dictionary: a city, province, state,
    /// region, river or landmark. Linked to its country.
    Place,
    /// An intergovernmental organisation (CAMEO codes starting `IGO`).
    Igo,
    /// A non-governmental organisation (codes starting `NGO` or `NGM`).
    Ngo,
    /// A company (codes starting `MNC`).
    Company,
    /// An armed or political non-state group: rebels, insurgents, separatists, militias, parties,
    /// opposition movements (codes with `REB`, `INS`, `SEP`, `UAF`, `PTY`, `OPP`, `IMG`, or any
    /// entry of the non-state actors dictionary).
    NonStateGroup,
    /// A state institution or other organisation of a country (government, army, parliament,
    /// courts, ministries, media).
    Organisation,
    /// A person: a leader or official with dated roles, or a named member of a group.
    Person,
}

impl Kind {
    /// All kinds, in the order used for ranking entries that share an alias.
    pub const ALL: [Kind; 9] = [
        Kind::Country,
        Kind::Capital,
        Kind::Igo,
        Kind::NonStateGroup,
        Kind::Organisation,
        Kind::Ngo,
        Kind::Company,
        Kind::Person,
        Kind::Place,
    ];

    /// A lower-case name: `country`, `capital`, `place`, `igo`, `ngo`, `company`, `group`,
    /// `organisation`, `person`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Capital => "capital",
            Kind::Place => "place",
            Kind::Igo => "igo",
            Kind::Ngo => "ngo",
            Kind::Company => "company",
            Kind::NonStateGroup => "group",
            Kind::Organisation => "organisation",
            Kind::Person => "person",
        }
    }

    pub(crate) fn to_byte(self) -> u8 {
        match self {
            Kind::Country => 0,
            Kind::Capital => 1,
            Kind::Place => 2,
            Kind::Igo => 3,
            Kind::Ngo => 4,
            Kind::Company => 5,
            Kind::NonStateGroup => 6,
            Kind::Organisation => 7,
            Kind::Person => 8,
        }
    }

    pub(crate) fn from_byte(b: u8) -> Option<Kind> {
        Some(match b {
            0 => Kind::Country,
            1 => Kind::Capital,
            2 => Kind::Place,
            3 => Kind::Igo,
            4 => Kind::Ngo,
            5 => Kind::Company,
            6 => Kind::NonStateGroup,
            7 => Kind::Organisation,
            8 => Kind::Person,
            _ => return None,
        })
    }

    /// Rank used to order entries sharing an alias (lower first).
    pub(crate) fn rank(self) -> u8 {
        match self {
            Kind::Country => 0,
            Kind::Capital => 1,
            Kind::Igo => 2,
            Kind::NonStateGroup => 3,
            Kind::Organisation => 4,
            Kind::Ngo => 5,
            Kind::Company => 6,
            Kind::Person => 7,
            Kind::Place => 8,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The entity type a recogniser should give a name linked to this entry, as in the output
/// contract (`entities[].type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum NerType {
    /// `PERSON`.
    Person,
    /// `ORG`.
    Org,
    /// `GPE`: countries, cities, states.
    Gpe,
    /// `LOC`: other places (rivers, mountains, deserts, seas).
    Loc,
    /// `NORP`: nationalities and religious or political groups (demonyms).
    Norp,
}

impl NerType {
    /// The contract's spelling: `PERSON`, `ORG`, `GPE`, `LOC`, `NORP`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            NerType::Person => "PERSON",
            NerType::Org => "ORG",
            NerType::Gpe => "GPE",
            NerType::Loc => "LOC",
            NerType::Norp => "NORP",
        }
    }

    pub(crate) fn to_byte(self) -> u8 {
        match self {
            NerType::Person => 0,
            NerType::Org => 1,
            NerType::Gpe => 2,
            NerType::Loc => 3,
            NerType::Norp => 4,
        }
    }

    pub(crate) fn from_byte(b: u8) -> Option<NerType> {
        Some(match b {
            0 => NerType::Person,
            1 => NerType::Org,
            2 => NerType::Gpe,
            3 => NerType::Loc,
            4 => NerType::Norp,
            _ => return None,
        })
    }
}

impl fmt::Display for NerType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar date stored as the number `YYYYMMDD` (month and day are never zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(u32);

impl Date {
    /// A date from its parts; `None` unless `1000 <= year <= 9999`, `1 <= month <= 12` and
    /// `1 <= day <= 31`.
    #[must_use]
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if (1000..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day) {
            Some(Date(year * 10_000 + month * 100 + day))
        } else {
            None
        }
    }

    /// Parses a date as written in the actor dictionaries: `YYYYMMDD`, or `YYMMDD` where `YY`
    /// of 14 or less means 20YY and above means 19YY (the dictionaries date from 2014).
    #[must_use]
    pub fn parse_dictionary(s: &str) -> Option<Date> {
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = s.parse().ok()?;
        match s.len() {
            8 => Date::new(n / 10_000, n / 100 % 100, n % 100),
            6 => {
                let yy = n / 10_000;
                let year = if yy <= 14 { 2000 + yy } else { 1900 + yy };
                Date::new(year, n / 100 % 100, n % 100)
            }
            _ => None,
        }
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> u32 {
        self.0 / 10_000
    }

    /// The month, 1 to 12.
    #[must_use]
    pub fn month(self) -> u32 {
        self.0 / 100 % 100
    }

    /// The day of the month, 1 to 31.
    #[must_use]
    pub fn day(self) -> u32 {
        self.0 % 100
    }

    /// The date as the number `YYYYMMDD`.
    #[must_use]
    pub fn as_u32(self) -> u32 {
        self.0
    }

    pub(crate) fn from_u32(n: u32) -> Option<Date> {
        Date::new(n / 10_000, n / 100 % 100, n % 100)
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2009-01-20`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

/// A CAMEO actor code held by an entry, with the dates it applies between (both inclusive;
/// `None` means open). A role without dates is the entry's default code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Role<'a> {
    /// The CAMEO actor code, such as `IRNGOV` or `IGOUNO`.
    pub code: &'a str,
    /// The first day the code applies, if known.
    pub from: Option<Date>,
    /// The last day the code applies, if known.
    pub to: Option<Date>,
}

impl Role<'_> {
    /// True when the role has a date restriction.
    #[must_use]
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// True when `date` falls inside the role's dates (always true for an undated role).
    #[must_use]
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// A CAMEO agent code from the agents dictionary ("minister" → `GOV`, "police" → `COP`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AgentCode<'a> {
    /// The code without its `~`, such as `GOV`, `MIL`, `GOVMED`, `IGO`.
    pub code: &'a str,
    /// True when the dictionary writes the code before the `~` (`IGO~`, `NGO~`): it goes before
    /// the actor code instead of after it.
    pub prefix: bool,
}
