//! Name handling for the builder: display casing, slugs, titles, acronyms, fuzzy matching.

use std::collections::BTreeSet;

use crate::normalize::normalize;

/// Words kept lower-case inside a name (not at its start).
const PARTICLES: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "da", "di", "del", "della", "der",
    "den", "van", "von", "la", "le", "du", "des", "y", "e", "al", "el", "bin", "ibn", "bint", "ul",
    "ud", "ad", "ash", "ar", "dos", "das", "do", "et", "und", "a", "i",
];

/// Acronyms known in advance (others are learnt from the data, see [`Acronyms`]).
const KNOWN_ACRONYMS: &[&str] = &[
    "US", "USA", "UK", "UN", "EU", "NATO", "UAE", "DRC", "DPRK", "PLO", "IRA", "ETA", "PKK",
    "FARC", "ELN", "ISIS", "ISIL", "IAEA", "OPEC", "ASEAN", "WTO", "WHO", "IMF", "UNICEF",
    "UNESCO", "UNHCR", "UNDP", "UNRWA", "UNSC", "ICC", "ICJ", "FBI", "CIA", "NSA", "KGB", "FSB",
    "BBC", "CNN", "AFP", "OSCE", "ECOWAS", "SADC", "IGAD", "AMISOM", "MONUC", "MONUSCO", "UNIFIL",
    "ANC", "SPLM", "SPLA", "LTTE", "MEND", "AQIM", "AQAP", "GCC", "OAS", "OAU", "AU", "IDF",
    "IRGC", "PA", "PLA", "KMT", "BJP", "PPP", "MQM", "JUI", "TTP", "NLD", "ZANU", "PF", "MDC",
    "RUF", "ECB", "EC", "OIC", "APEC", "SCO", "CIS", "CSTO", "NAFTA", "MERCOSUR", "WFP", "FAO",
    "ILO", "UNEP", "UNFPA", "UNAIDS", "OHCHR", "IPCC", "ICRC", "MSF", "HRW", "NGO", "DC", "PM",
    "SAARC", "BEAC", "CEMAC", "COMESA", "UEMOA", "OPCW", "ICAO", "IOM", "OCHA", "UNOCHA", "UNMIS",
    "UNAMID", "UNAMA", "MINUSMA", "MINUSCA", "UNMISS", "UNSMIL", "ISAF", "KFOR", "SFOR", "EUFOR",
    "DGSE", "DCRI", "GCHQ", "MI5", "MI6", "NASA", "FEMA", "USAID", "EPA", "USDA", "OMB", "DOJ",
    "DHS", "DOD", "KRG", "PLA", "SCOTUS", "ANSF", "II", "III", "IV", "VI", "VII", "VIII", "IX",
    "XI", "XII", "XIII", "XIV", "XV", "XVI",
];

/// Titles and honorifics stripped from the start of a person's canonical name (normalised).
const TITLES: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "foreign minister",
    "defense minister",
    "defence minister",
    "minister",
    "general",
    "gen",
    "lt",
    "lieutenant",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "admiral",
    "adm",
    "field marshal",
    "marshal",
    "brigadier",
    "commander",
    "lord",
    "lady",
    "sir",
    "dame",
    "baron",
    "baroness",
    "king",
    "queen",
    "crown prince",
    "prince",
    "princess",
    "emir",
    "amir",
    "sheikh",
    "shaikh",
    "sheik",
    "sultan",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "professor",
    "senator",
    "sen",
    "governor",
    "gov",
    "secretary general",
    "secretary",
    "chancellor",
    "grand ayatollah",
    "ayatollah",
    "hojatolislam",
    "hojatoleslam",
    "hojjatoleslam",
    "hojjat ol eslam",
    "sayyed",
    "sayed",
    "seyed",
    "sayyid",
    "seyyed",
    "mullah",
    "imam",
    "rabbi",
    "pope",
    "cardinal",
    "archbishop",
    "bishop",
    "reverend",
    "rev",
    "pastor",
    "jonkheer",
    "chairman",
    "judge",
    "justice",
    "ambassador",
    "mayor",
    "speaker",
    "premier",
    "deputy",
    "former",
    "late",
    "his excellency",
    "excellency",
    "un secretary general",
    "un",
    "us",
    "u s",
    "secretary of state",
    "supreme leader",
    "ex",
];

/// Personal titles: a phrase starting with one of these names a person.
const PERSON_TITLES: &[&str] = &[
    "president",
    "prime minister",
    "minister",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "captain",
    "admiral",
    "marshal",
    "field marshal",
    "brigadier",
    "commander",
    "lord",
    "lady",
    "sir",
    "king",
    "queen",
    "prince",
    "princess",
    "crown prince",
    "emir",
    "amir",
    "sheikh",
    "shaikh",
    "sheik",
    "sultan",
    "dr",
    "mr",
    "mrs",
    "ms",
    "senator",
    "governor",
    "ayatollah",
    "grand ayatollah",
    "hojatolislam",
    "hojatoleslam",
    "sayyed",
    "sayed",
    "seyed",
    "sayyid",
    "mullah",
    "imam",
    "rabbi",
    "cardinal",
    "archbishop",
    "bishop",
    "reverend",
    "chancellor",
];

/// True when `raw` starts with a personal title followed by at least one more word.
pub(crate) fn has_person_title(raw: &str) -> bool {
    let key = normalize(raw);
    PERSON_TITLES.iter().any(|t| {
        key.strip_prefix(t)
            .is_some_and(|rest| rest.starts_with(' ') && rest.len() > 1)
    })
}

/// Words that mark an organisation, group or place name (never a person).
pub(crate) const ORG_WORDS: &[&str] = &[
    "army",
    "armies",
    "brigade",
    "brigades",
    "front",
    "movement",
    "organization",
    "organisation",
    "party",
    "group",
    "groups",
    "council",
    "committee",
    "force",
    "forces",
    "union",
    "league",
    "association",
    "alliance",
    "battalion",
    "battalions",
    "martyrs",
    "jihad",
    "mujahideen",
    "mujahidin",
    "liberation",
    "resistance",
    "revolutionary",
    "islamic",
    "national",
    "people",
    "peoples",
    "popular",
    "faction",
    "cell",
    "cells",
    "network",
    "foundation",
    "fund",
    "bank",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "co",
    "agency",
    "ministry",
    "department",
    "office",
    "institute",
    "institution",
    "commission",
    "court",
    "assembly",
    "parliament",
    "government",
    "authority",
    "service",
    "services",
    "guard",
    "guards",
    "police",
    "command",
    "university",
    "center",
    "centre",
    "society",
    "church",
    "tribe",
    "clan",
    "militia",
    "militias",
    "tigers",
    "state",
    "states",
    "republic",
    "kingdom",
    "emirate",
    "province",
    "district",
    "region",
    "city",
    "international",
    "federation",
    "confederation",
    "bureau",
    "board",
    "trust",
    "club",
    "airlines",
    "airways",
    "news",
    "radio",
    "television",
    "tv",
    "press",
    "times",
    "daily",
    "post",
    "journal",
    "media",
    "holdings",
    "industries",
    "industry",
    "bureau",
    "program",
    "programme",
    "project",
    "mission",
    "initiative",
    "coalition",
    "congress",
    "senate",
    "cabinet",
    "administration",
    "unit",
    "units",
    "squad",
    "division",
    "regiment",
    "corps",
    "navy",
    "air",
    "fleet",
    "academy",
    "school",
    "college",
    "hospital",
    "council",
    "secretariat",
    "tribunal",
    "watch",
    "aid",
    "relief",
    "rights",
    "red",
    "cross",
    "crescent",
    "workers",
    "front",
    "ansar",
    "harakat",
    "hizb",
    "jamaat",
    "jaish",
    "jaysh",
    "lashkar",
    "tehrik",
    "majlis",
    "shura",
    "daawa",
    "dawa",
    "sons",
    "soldiers",
    "fighters",
    "knights",
    "lions",
    "eagles",
    "wolves",
    "sword",
    "swords",
    "army's",
    "youth",
    "students",
    "women",
    "students",
    "brotherhood",
    "companions",
    "supporters",
    "followers",
    "partisans",
    "guerrillas",
    "rebels",
    "insurgents",
    "commandos",
    "defenders",
    "vanguard",
    "legion",
    "group's",
    "order",
    "circle",
    "nucleus",
    "cells",
    "wing",
    "base",
    "camp",
    "zone",
    "territory",
    "territories",
    "province",
    "county",
    "river",
    "mountain",
    "mountains",
    "desert",
    "island",
    "islands",
    "sea",
    "lake",
    "gulf",
    "bay",
    "valley",
    "ocean",
    "canal",
    "strait",
    "peninsula",
    "coast",
    "plain",
    "plateau",
    "basin",
    "delta",
    "falls",
    "canyon",
    "forest",
    "glacier",
    "dam",
    "pass",
];

/// Head nouns of nominals that name a person by role ("White House spokesman", "UN envoy"):
/// aliases containing them are not names of the organisation they belong to.
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "official",
    "officials",
    "soldier",
    "soldiers",
    "troops",
    "envoy",
    "envoys",
    "monitor",
    "monitors",
    "peacekeeper",
    "peacekeepers",
    "justices",
    "secretary",
    "chief",
    "commander",
    "minister",
    "ambassador",
    "delegate",
    "delegates",
    "representative",
    "representatives",
    "officer",
    "officers",
    "agent",
    "agents",
    "member",
    "members",
    "supporter",
    "supporters",
    "employee",
    "employees",
    "worker",
    "spokespeople",
    "diplomat",
    "diplomats",
    "inspector",
    "inspectors",
    "observer",
    "observers",
    "rapporteur",
    "contingent",
    "bodies",
    "sources",
    "source",
    "resident",
    "personnel",
    "leader",
    "leaders",
    "director",
    "president",
    "chairman",
    "operative",
    "operatives",
    "militant",
    "militants",
    "gunman",
    "gunmen",
    "loyalists",
    "sympathizers",
    "linked",
    "affiliated",
    "offshoot",
    "attorney",
    "journalist",
    "reporter",
    "correspondent",
];

/// Geographic feature words: a place with one of these is `LOC`, not `GPE`.
pub(crate) const FEATURE_WORDS: &[&str] = &[
    "river",
    "mountain",
    "mountains",
    "mount",
    "mt",
    "desert",
    "lake",
    "sea",
    "ocean",
    "gulf",
    "bay",
    "falls",
    "canyon",
    "valley",
    "island",
    "islands",
    "peninsula",
    "strait",
    "coast",
    "plain",
    "plains",
    "plateau",
    "range",
    "forest",
    "glacier",
    "dam",
    "pass",
    "delta",
    "basin",
    "heights",
    "hills",
    "highlands",
    "channel",
    "cape",
    "reef",
    "lut",
    "kavir",
    "creek",
];

/// Extra words allowed around a country name in a name variant ("Republic of Georgia").
pub(crate) const COUNTRY_WORDS: &[&str] = &[
    "republic",
    "of",
    "the",
    "islamic",
    "democratic",
    "people",
    "peoples",
    "kingdom",
    "state",
    "states",
    "federal",
    "federation",
    "united",
    "socialist",
    "arab",
    "union",
    "commonwealth",
    "principality",
    "grand",
    "duchy",
    "sultanate",
    "emirate",
    "emirates",
    "territory",
    "country",
    "nation",
    "soviet",
    "occupied",
    "greater",
    "independent",
    "plurinational",
    "bolivarian",
    "cooperative",
    "hashemite",
    "oriental",
    "co",
    "and",
    "popular",
    "sovereign",
    "military",
    "order",
    "caucasus",
    "islands",
    "island",
];

/// Words that never make a name on their own.
pub(crate) const STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "is",
    "it", "he", "she", "we", "they", "his", "her", "its", "their", "this", "that", "as", "but",
];

pub(crate) fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// The set of tokens displayed in upper case.
#[derive(Debug, Default)]
pub(crate) struct Acronyms {
    set: BTreeSet<String>,
}

impl Acronyms {
    pub(crate) fn new() -> Acronyms {
        let mut a = Acronyms::default();
        for k in KNOWN_ACRONYMS {
            a.set.insert(k.to_lowercase());
        }
        a
    }

    pub(crate) fn insert(&mut self, key: &str) {
        self.set.insert(key.to_owned());
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.set.contains(key)
    }
}

/// The initials of a multi-word normalised key, skipping particles; a word that is itself a
/// known acronym contributes all its letters ("un security council" → "unsc").
pub(crate) fn initials(key: &str, acronyms: &Acronyms) -> String {
    let mut out = String::new();
    for w in key.split(' ') {
        if contains(PARTICLES, w) && out.len() + 1 < key.len() {
            continue;
        }
        if acronyms.contains(w) && w.len() <= 3 {
            out.push_str(w);
        } else if let Some(c) = w.chars().next() {
            out.push(c);
        }
    }
    out
}

/// True when the normalised single-word `short` is the acronym of the multi-word `long`.
pub(crate) fn is_acronym_of(short: &str, long: &str, acronyms: &Acronyms) -> bool {
    short.len() >= 2
        && !short.contains(' ')
        && long.contains(' ')
        && (initials(long, acronyms) == short || initials_all(long) == short)
}

fn initials_all(key: &str) -> String {
    key.split(' ').filter_map(|w| w.chars().next()).collect()
}

fn has_vowel(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

/// True for an alias that should only match an all-capitals surface: written with periods
/// between letters (`U.S.`), or one word of at most three letters, or one word without a vowel.
pub(crate) fn acronym_only(raw: &str, key: &str) -> bool {
    if key.contains(' ') {
        return false;
    }
    let dotted = raw
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_alphabetic() && w[1] == b'.')
        && key.len() <= 6;
    dotted || key.chars().count() <= 3 || (!has_vowel(key) && key.len() <= 6)
}

/// Display form of a dictionary phrase: `HOJATOLISLAM_SAYYED_ALI_KHAMENEI_` →
/// `Hojatolislam Sayyed Ali Khamenei`. Phrases with lower-case letters are kept as written
/// (only `_` and spacing are cleaned).
pub(crate) fn display(raw: &str, acronyms: &Acronyms) -> String {
    let spaced: String = raw.replace('_', " ");
    let words: Vec<&str> = spaced
        .split_whitespace()
        .map(|w| w.trim_matches(','))
        .filter(|w| !w.is_empty())
        .collect();
    if spaced.chars().any(char::is_lowercase) {
        return words.join(" ");
    }
    let mut out = String::with_capacity(raw.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut first_part = true;
        let mut start = 0;
        for (j, c) in w.char_indices().chain(std::iter::once((w.len(), '-'))) {
            if c == '-' || c == '/' {
                let part = w.get(start..j).unwrap_or("");
                out.push_str(&case_word(part, i == 0 && first_part, acronyms));
                if j < w.len() {
                    out.push(c);
                }
                start = j + c.len_utf8();
                first_part = false;
            }
        }
    }
    out
}

fn case_word(part: &str, first: bool, acronyms: &Acronyms) -> String {
    let lower = part.to_lowercase();
    let letters: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    if letters.is_empty() {
        return part.to_owned();
    }
    let dotted = part.contains('.') && letters.chars().count() <= 4 && part.len() > 2;
    if acronyms.contains(&letters)
        || dotted
        || (!has_vowel(&letters) && letters.chars().all(char::is_alphabetic) && letters.len() >= 2)
    {
        return part.to_uppercase();
    }
    if !first && contains(PARTICLES, &lower) {
        return lower;
    }
    if let Some(rest) = lower.strip_prefix("mc") {
        if rest.chars().count() > 1 {
            return format!("Mc{}", capitalize(rest));
        }
    }
    // O'Brien, D'Escoto: capitalise after an apostrophe that follows one letter.
    if let Some((a, b)) = lower.split_once('\'') {
        if a.chars().count() == 1 && !b.is_empty() {
            return format!("{}'{}", capitalize(a), capitalize(b));
        }
    }
    capitalize(&lower)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A person's name without leading titles (`Hojatolislam Sayyed Ali Khamenei` → `Ali
/// Khamenei`). Returns the input when stripping would leave nothing.
pub(crate) fn strip_titles(display: &str) -> String {
    let mut words: Vec<&str> = display.split(' ').filter(|w| !w.is_empty()).collect();
    'outer: loop {
        for k in (1..=4.min(words.len().saturating_sub(1))).rev() {
            let head = normalize(&words.get(..k).unwrap_or(&[]).join(" "));
            if TITLES.contains(&head.as_str()) {
                words.drain(..k);
                continue 'outer;
            }
        }
        break;
    }
    words.join(" ")
}

/// True when the normalised `key` is only a title ("senator", "president").
pub(crate) fn is_title(key: &str) -> bool {
    TITLES.contains(&key) || PERSON_TITLES.contains(&key)
}

/// A URL-safe slug of a display name: lower-case ASCII letters and digits joined by `-`.
pub(crate) fn slug(name: &str) -> String {
    let key = normalize(name);
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == ' ' && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped: returns
/// `max + 1` as soon as the distance must exceed `max`.
pub(crate) fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let w = b.len() + 1;
    let mut prev2 = vec![0usize; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut cur = vec![0usize; w];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[w - 1].min(max + 1)
}

/// The number of typos tolerated when comparing a key of this length to a known name.
pub(crate) fn typo_budget(key: &str) -> usize {
    match key.chars().count() {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays() {
        let a = Acronyms::new();
        assert_eq!(
            display("HOJATOLISLAM_SAYYED_ALI_KHAMENEI_", &a),
            "Hojatolislam Sayyed Ali Khamenei"
        );
        assert_eq!(display("THE_UNITED_NATIONS_", &a), "The United Nations");
        assert_eq!(
            display("U.N._SECURITY_COUNCIL", &a),
            "U.N. Security Council"
        );
        assert_eq!(display("MUHAMMAD_AL-BARADEI_", &a), "Muhammad al-Baradei");
        assert_eq!(display("AL-QAEDA", &a), "Al-Qaeda");
        assert_eq!(
            display("MIGUEL_D'ESCOTO_BROCKMANN_", &a),
            "Miguel D'Escoto Brockmann"
        );
        assert_eq!(
            display("UNITED_NATIONS_CHILDREN'S_FUND_", &a),
            "United Nations Children's Fund"
        );
        assert_eq!(display("OSAMA_BIN_LADEN", &a), "Osama bin Laden");
        assert_eq!(display("WFP_", &a), "WFP");
        assert_eq!(display("Washington D.C.", &a), "Washington D.C.");
    }

    #[test]
    fn titles() {
        assert_eq!(
            strip_titles("Hojatolislam Sayyed Ali Khamenei"),
            "Ali Khamenei"
        );
        assert_eq!(strip_titles("Sheikh Ahmed Yassin"), "Ahmed Yassin");
        assert_eq!(strip_titles("President"), "President");
        assert_eq!(strip_titles("John Major"), "John Major");
    }

    #[test]
    fn acronym_detection() {
        let a = Acronyms::new();
        assert!(is_acronym_of("un", "united nations", &a));
        assert!(is_acronym_of("unsc", "un security council", &a));
        assert!(is_acronym_of(
            "opec",
            "organization of the petroleum exporting countries",
            &a
        ));
        assert!(!is_acronym_of("iran", "islamic republic of iran", &a));
        assert!(acronym_only("U.S.", "us"));
        assert!(acronym_only("WHO", "who"));
        assert!(!acronym_only("NATO", "nato"));
        assert!(!acronym_only("Iran", "iran"));
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("afghanistan", "afghansitan", 2), 1);
        assert_eq!(edit_distance("tehran", "teheran", 1), 1);
        assert_eq!(edit_distance("iran", "iraq", 0), 1);
        assert_eq!(slug("Ali Khamenei"), "ali-khamenei");
        assert_eq!(slug("Côte d'Ivoire"), "cote-divoire");
    }
}
