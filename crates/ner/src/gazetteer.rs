//! The knowledge-base gazetteer: features from the names, demonyms and agent nouns of
//! [`newsgraph_kb`], plus a title lexicon and first-name and surname lists derived from the
//! knowledge base's persons.
//!
//! For each token of a sentence, [`KbGazetteer`] reports:
//!
//! | group | feature |
//! |---|---|
//! | KB match, any kind | for every longest knowledge-base match ([`Kb::longest_match`]) from any start that covers the token: each kind among the match's entries (country, capital, place, IGO, NGO, company, group, organisation, person) × the token's place in the match (begin, inside, last, unit) |
//! | KB match, best kind | the kind of the match's best entry × the token's place |
//! | demonym | the capitalised token is a demonym ("Iranian", "Israelis") |
//! | agent | the token is a CAMEO agent noun ("minister", "police", "militants"), by the first three letters of its code; also for the next token |
//! | title | the token is a title, rank or office that precedes names ("President", "Gen.", "Ayatollah", "Sen."); also for the previous token |
//! | first name | the capitalised token is the first word of a knowledge-base person's name (at least two persons share it); also for the previous token |
//! | surname | the capitalised token is the last word of a knowledge-base person's name; also for the next token |
//! | coordination | the best kind of a knowledge-base match that ends two tokens before (or starts two tokens after) the token, across "and", "or", "&" or a comma ("Tioman and *Seychelles*") |
//! | run head, run lead | for a token in a run of capitalised words (joined by "of", "the", "for", "de", "&", "-"): each kind of knowledge-base name (persons aside) that at least two names of ends with the run's last word ("Samsung *Electronics*", "Arab *League*"), or, for runs of two words or more, starts with its first word ("*Bank* of Korea"), × the token's place in the run |
//!
//! Matching starts only at capitalised words (or words of a script without case) and at
//! name particles ("al", "de", "bin"), and the knowledge base itself refuses matches without a
//! capital (so "us" is not the United States) except in text without case. In an ALL CAPS
//! headline the knowledge base matches case-blind, so the gazetteer gives the tagger the
//! case-independent evidence it lacks there.
//!
//! The knowledge base dates from 2014 and lists mostly political actors: it misses new names and
//! most companies, and some of its aliases are ambiguous. Its features are evidence the model
//! weighs against context, never rules: the model is trained with them dropped from part of the
//! sentences (see [`crate::TrainConfig::gaz_dropout_percent`]) so that it keeps learning
//! from context.

use std::cell::RefCell;

use newsgraph_kb::{Kb, Kind};

use crate::features::{GazFeature, Gazetteer};
use crate::hash::{fold_hash, HashSet64, KeyHasher};

type HashMap64<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// Words that join the capitalised words of a name ("Bank of Korea", "Procter & Gamble"); not
/// "and", which more often joins two names.
const JOINERS: &[&str] = &["&", "-", "de", "for", "of", "the"];

/// The id of the features [`KbGazetteer`] reports, stored in the models trained with it. It
/// changes whenever the features change, so that a model is never used with features it was
/// not trained on.
pub const KB_GAZETTEER_ID: &str = "newsgraph-kb/1";

// Feature groups (the high 16 bits of a [`GazFeature`]).
const G_ANY: u32 = 1;
const G_TOP: u32 = 2;
const G_DEMONYM: u32 = 3;
const G_AGENT: u32 = 4;
const G_NEXT_AGENT: u32 = 5;
const G_TITLE: u32 = 6;
const G_PREV_TITLE: u32 = 7;
const G_FIRST: u32 = 8;
const G_SURNAME: u32 = 9;
const G_PREV_FIRST: u32 = 10;
const G_NEXT_SURNAME: u32 = 11;
const G_RUN_HEAD: u32 = 12;
const G_RUN_LEAD: u32 = 13;
const G_COORD_PREV: u32 = 14;
const G_COORD_NEXT: u32 = 15;

/// Words that coordinate names ("Shanghai and Guangzhou", "Iran, Iraq or Syria").
const COORDINATORS: &[&str] = &[",", "and", "or", "&"];

/// The kinds (bit per kind) of the best entries of matches in `top` in which the token has one
/// of the `places` (bit per place: begin, inside, last, unit).
fn kinds_at(top: u64, places: u32) -> u32 {
    let mut kinds = 0;
    for kind in 0..10 {
        for place in 0..4 {
            if places & (1 << place) != 0 && top & (1u64 << (kind * 4 + place)) != 0 {
                kinds |= 1 << kind;
            }
        }
    }
    kinds
}

/// The longest knowledge-base match considered, in tokens.
const MAX_MATCH: usize = 12;
/// How many entries of a match are inspected for their kinds.
const MAX_ENTRIES: usize = 32;

fn feat(group: u32, value: u32) -> GazFeature {
    GazFeature(group << 16 | (value & 0xffff))
}

/// Appends `feat(group, value)` unless the group is off.
fn push(out: &mut Vec<GazFeature>, off: u32, group: u32, value: u32) {
    if off & (1 << group) == 0 {
        out.push(feat(group, value));
    }
}

/// Titles, ranks, offices and honorifics that stand before a person's name in news, lower case
/// without a final period. Broader than [`crate::rules::is_title`]: it also has role nouns
/// that precede names ("spokesman", "coach") and the parts of multi-word titles.
const TITLE_WORDS: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "attorney",
    "atty",
    "ayatollah",
    "bishop",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "cardinal",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cmdr",
    "coach",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "cpl",
    "crown",
    "dame",
    "defence",
    "defense",
    "deputy",
    "det",
    "detective",
    "director",
    "dr",
    "emir",
    "emperor",
    "envoy",
    "father",
    "finance",
    "foreign",
    "former",
    "fr",
    "gen",
    "general",
    "gov",
    "governor",
    "hojatoleslam",
    "hojatolislam",
    "hon",
    "imam",
    "insp",
    "inspector",
    "interior",
    "judge",
    "justice",
    "king",
    "lady",
    "lawmaker",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "madam",
    "maj",
    "marshal",
    "mayor",
    "minister",
    "mp",
    "mr",
    "mrs",
    "ms",
    "mufti",
    "mullah",
    "officer",
    "pastor",
    "patriarch",
    "pm",
    "pope",
    "premier",
    "pres",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "prosecutor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "sayyed",
    "sayyid",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "shaikh",
    "sheik",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "supreme",
    "supt",
    "vice",
];

/// Agent nouns common in news that the knowledge base's agent dictionary lacks, with the
/// CAMEO code group they would have.
const EXTRA_AGENTS: &[(&str, &str)] = &[
    ("force", "MIL"),
    ("forces", "MIL"),
    ("leader", "GOV"),
    ("leaders", "GOV"),
    ("officer", "COP"),
    ("officers", "COP"),
    ("official", "GOV"),
    ("officials", "GOV"),
];

/// Lower-case words that start names ("al-Assad", "de Gaulle", "bin Salman"): a knowledge-base
/// match may start at them.
const PARTICLES: &[&str] = &[
    "abu", "al", "ash", "bin", "bint", "da", "de", "del", "della", "den", "der", "di", "dos", "du",
    "el", "ibn", "la", "le", "van", "von",
];

/// Words that are not first names or surnames even when a knowledge-base person's name starts
/// or ends with them (particles, generational suffixes, roman numerals).
const NOT_NAMES: &[&str] = &[
    "abu", "al", "bin", "da", "de", "del", "der", "di", "du", "el", "ibn", "ii", "iii", "iv", "jr",
    "la", "le", "sr", "the", "van", "von",
];

/// What the gazetteer knows of one token.
#[derive(Clone, Copy, Debug, Default)]
struct TokGaz {
    title: bool,
    first: bool,
    surname: bool,
    demonym: bool,
    /// The agent code's group plus one (0 for none).
    agent: u32,
    /// Bits `kind * 4 + place` of the matches covering the token, any entry and best entry.
    any: u64,
    top: u64,
    /// Bits `kind * 4 + place` from the words that end and start the token's capitalised run.
    head: u64,
    lead: u64,
}

thread_local! {
    static SCRATCH: RefCell<Vec<TokGaz>> = const { RefCell::new(Vec::new()) };
}

/// The gazetteer over a [`Kb`]: see the [module documentation](self).
///
/// Building it reads every person of the knowledge base once (a few milliseconds); share one
/// (it is `Send + Sync`), or use [`KbGazetteer::global`].
#[derive(Debug)]
pub struct KbGazetteer<'k> {
    kb: &'k Kb,
    titles: HashSet64,
    first: HashSet64,
    surnames: HashSet64,
    particles: HashSet64,
    /// Kind bits of the words that end (and that start) names of the knowledge base.
    heads: HashMap64<u16>,
    leads: HashMap64<u16>,
    /// The agent code groups of [`EXTRA_AGENTS`].
    extra_agents: HashMap64<&'static str>,
    /// Feature groups turned off (bit `g` for group `g`), for experiments.
    off: u32,
}

fn kind_index(k: Kind) -> u32 {
    match k {
        Kind::Country => 0,
        Kind::Capital => 1,
        Kind::Place => 2,
        Kind::Igo => 3,
        Kind::Ngo => 4,
        Kind::Company => 5,
        Kind::NonStateGroup => 6,
        Kind::Organisation => 7,
        Kind::Person => 8,
        _ => 9,
    }
}

fn is_capitalised(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

fn has_letter(t: &str) -> bool {
    t.chars().any(char::is_alphabetic)
}

impl<'k> KbGazetteer<'k> {
    /// The gazetteer over `kb`, with first names and surnames taken from its persons: the
    /// first word of a name of two words or more shared by at least two persons, and the last
    /// word of such a name (at least two letters, no initial, no particle or numeral).
    pub fn new(kb: &'k Kb) -> Self {
        let set =
            |words: &[&str]| -> HashSet64 { words.iter().map(|w| fold_hash(w, false)).collect() };
        let not_names = set(NOT_NAMES);
        let mut first_counts: std::collections::HashMap<u64, u32> =
            std::collections::HashMap::new();
        let mut surnames = HashSet64::default();
        let name_word = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.ends_with('.')
                && is_capitalised(w)
                && !not_names.contains(&fold_hash(w, false))
        };
        for e in kb.entries() {
            if e.kind() != Kind::Person {
                continue;
            }
            let mut words = e.name().split_whitespace();
            let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
                continue;
            };
            if name_word(first) {
                *first_counts.entry(fold_hash(first, false)).or_default() += 1;
            }
            if name_word(last) {
                surnames.insert(fold_hash(last, false));
            }
        }
        let first = first_counts
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(h, _)| h)
            .collect();
        // Head and lead words of the other names, with the kinds at least two names have.
        let joiners = set(JOINERS);
        let mut head_counts: std::collections::HashMap<(u64, u32), u32> =
            std::collections::HashMap::new();
        let mut lead_counts: std::collections::HashMap<(u64, u32), u32> =
            std::collections::HashMap::new();
        let word_ok = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && is_capitalised(w)
                && !joiners.contains(&fold_hash(w, false))
        };
        for e in kb.entries() {
            if e.kind() == Kind::Person {
                continue;
            }
            let k = kind_index(e.kind());
            for name in std::iter::once(e.name()).chain(e.aliases()) {
                let mut words = name
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|w| !w.is_empty());
                let (Some(lead), last) = (words.next(), words.next_back()) else {
                    continue;
                };
                let head = last.unwrap_or(lead);
                if word_ok(head) {
                    *head_counts.entry((fold_hash(head, false), k)).or_default() += 1;
                }
                if last.is_some() && word_ok(lead) {
                    *lead_counts.entry((fold_hash(lead, false), k)).or_default() += 1;
                }
            }
        }
        let bits = |counts: std::collections::HashMap<(u64, u32), u32>| {
            let mut m = HashMap64::<u16>::default();
            for ((h, k), n) in counts {
                if n >= 2 {
                    *m.entry(h).or_default() |= 1 << k;
                }
            }
            m
        };
        KbGazetteer {
            kb,
            titles: TITLE_WORDS.iter().map(|w| fold_hash(w, false)).collect(),
            first,
            surnames,
            particles: set(PARTICLES),
            heads: bits(head_counts),
            leads: bits(lead_counts),
            extra_agents: EXTRA_AGENTS
                .iter()
                .map(|&(w, code)| (fold_hash(w, false), code))
                .collect(),
            off: 0,
        }
    }

    /// The gazetteer over [`Kb::global`], built once per process; `None` if the knowledge base
    /// cannot be loaded (see [`crate::Recogniser::new`] for the error).
    pub fn global() -> Option<&'static KbGazetteer<'static>> {
        static GAZ: std::sync::OnceLock<Option<KbGazetteer<'static>>> = std::sync::OnceLock::new();
        GAZ.get_or_init(|| Kb::global().ok().map(KbGazetteer::new))
            .as_ref()
    }

    /// The same gazetteer without the feature groups whose bits are set in `groups` (bit *g*
    /// for group *g*, numbered as in the source), for experiments on what each group brings.
    /// A model must be used with the groups it was trained with.
    #[doc(hidden)]
    pub fn without_groups(mut self, groups: u32) -> Self {
        self.off = groups;
        self
    }

    /// The knowledge base.
    pub fn kb(&self) -> &'k Kb {
        self.kb
    }

    /// Whether `word` is in the title lexicon ("President", "Gen.", "AYATOLLAH").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(&fold_hash(word, true))
    }

    /// Whether `word` is the first word of the names of two knowledge-base persons or more.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first.contains(&fold_hash(word, false))
    }

    /// Whether `word` is the last word of a knowledge-base person's name.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(&fold_hash(word, false))
    }

    /// Marks in `info` the head and lead kinds of each run of capitalised words.
    fn runs(&self, tokens: &[&str], info: &mut [TokGaz]) {
        let cap = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| is_capitalised(t) && has_letter(t))
        };
        let joiner = |i: usize| tokens.get(i).is_some_and(|t| JOINERS.contains(t));
        let mut i = 0;
        while i < tokens.len() {
            if !cap(i) {
                i += 1;
                continue;
            }
            let start = i;
            let end = crate::features::capitalised_run_end(start, cap, joiner);
            let word = |k: usize| tokens.get(k).map_or(0, |t| fold_hash(t, false));
            let head = self.heads.get(&word(end)).copied().unwrap_or(0);
            let lead = if end > start {
                self.leads.get(&word(start)).copied().unwrap_or(0)
            } else {
                0
            };
            if head | lead != 0 {
                for k in start..=end {
                    let place: u32 = if start == end {
                        3
                    } else if k == start {
                        0
                    } else if k == end {
                        2
                    } else {
                        1
                    };
                    if let Some(t) = info.get_mut(k) {
                        for kind in 0..10 {
                            if head & (1 << kind) != 0 {
                                t.head |= 1u64 << (kind * 4 + place);
                            }
                            if lead & (1 << kind) != 0 {
                                t.lead |= 1u64 << (kind * 4 + place);
                            }
                        }
                    }
                }
            }
            i = end + 1;
        }
    }

    /// Fills `info` with what the gazetteer knows of each token.
    fn analyse(&self, tokens: &[&str], info: &mut Vec<TokGaz>) {
        info.clear();
        info.resize(tokens.len(), TokGaz::default());
        for (i, tok) in tokens.iter().enumerate() {
            if !has_letter(tok) {
                continue;
            }
            let cap = is_capitalised(tok);
            let folded = fold_hash(tok, false);
            let dotless = fold_hash(tok, true);
            let Some(me) = info.get_mut(i) else { continue };
            me.title = self.titles.contains(&dotless);
            if cap {
                me.first = self.first.contains(&folded);
                me.surname = self.surnames.contains(&folded);
                me.demonym = self.kb.demonym(tok).is_some();
            }
            if tok.len() >= 3 {
                let code = match self.kb.agent(tok) {
                    Some(a) => Some(a.code.get(..3).unwrap_or(a.code)),
                    None => self.extra_agents.get(&folded).copied(),
                };
                if let Some(code) = code {
                    me.agent = 1 + (fold_hash(code, false) & 0x3fff) as u32;
                }
            }
            if !cap && !self.particles.contains(&folded) {
                continue;
            }
            let rest = tokens.get(i..).unwrap_or(&[]);
            let rest = rest.get(..MAX_MATCH).unwrap_or(rest);
            let Some(m) = self.kb.longest_match(rest) else {
                continue;
            };
            let len = m.tokens;
            let mut kinds = 0u32;
            let mut top = None;
            for id in m.entries.take(MAX_ENTRIES) {
                if let Some(e) = self.kb.get(id) {
                    let k = kind_index(e.kind());
                    kinds |= 1 << k;
                    top.get_or_insert(k);
                }
            }
            let Some(top) = top else { continue };
            for k in i..i + len {
                let place: u32 = if len == 1 {
                    3
                } else if k == i {
                    0
                } else if k + 1 == i + len {
                    2
                } else {
                    1
                };
                if let Some(t) = info.get_mut(k) {
                    for kind in 0..10 {
                        if kinds & (1 << kind) != 0 {
                            t.any |= 1u64 << (kind * 4 + place);
                        }
                    }
                    t.top |= 1u64 << (top * 4 + place);
                }
            }
        }
    }
}

impl Gazetteer for KbGazetteer<'_> {
    fn id(&self) -> &str {
        KB_GAZETTEER_ID
    }

    fn tags(&self, tokens: &[&str], i: usize, out: &mut Vec<GazFeature>) {
        let (mut feats, mut offsets) = (Vec::new(), Vec::new());
        self.sentence_tags(tokens, &mut feats, &mut offsets);
        if let (Some(&a), Some(&b)) = (offsets.get(i), offsets.get(i + 1)) {
            out.extend_from_slice(feats.get(a as usize..b as usize).unwrap_or(&[]));
        }
    }

    fn sentence_tags(&self, tokens: &[&str], feats: &mut Vec<GazFeature>, offsets: &mut Vec<u32>) {
        feats.clear();
        offsets.clear();
        SCRATCH.with(|cell| {
            let mut owned = Vec::new();
            let mut guard = cell.try_borrow_mut().ok();
            let info: &mut Vec<TokGaz> = match guard.as_deref_mut() {
                Some(v) => v,
                None => &mut owned,
            };
            self.analyse(tokens, info);
            self.runs(tokens, info);
            let at = |j: Option<usize>| j.and_then(|j| info.get(j)).copied().unwrap_or_default();
            for (i, me) in info.iter().enumerate() {
                offsets.push(feats.len() as u32);
                let (prev, next) = (at(i.checked_sub(1)), at(Some(i + 1)));
                let coord = |j: Option<usize>| {
                    j.and_then(|j| tokens.get(j))
                        .is_some_and(|t| COORDINATORS.iter().any(|c| t.eq_ignore_ascii_case(c)))
                };
                if has_letter(tokens.get(i).copied().unwrap_or("")) {
                    if coord(i.checked_sub(1)) {
                        let k = kinds_at(at(i.checked_sub(2)).top, 0b1100);
                        for kind in (0..10).filter(|b| k & (1 << b) != 0) {
                            push(feats, self.off, G_COORD_PREV, kind);
                        }
                    }
                    if coord(Some(i + 1)) {
                        let k = kinds_at(at(Some(i + 2)).top, 0b1001);
                        for kind in (0..10).filter(|b| k & (1 << b) != 0) {
                            push(feats, self.off, G_COORD_NEXT, kind);
                        }
                    }
                }
                for b in 0..40u32 {
                    if me.any & (1u64 << b) != 0 {
                        push(feats, self.off, G_ANY, b);
                    }
                    if me.top & (1u64 << b) != 0 {
                        push(feats, self.off, G_TOP, b);
                    }
                    if me.head & (1u64 << b) != 0 {
                        push(feats, self.off, G_RUN_HEAD, b);
                    }
                    if me.lead & (1u64 << b) != 0 {
                        push(feats, self.off, G_RUN_LEAD, b);
                    }
                }
                let flags = [
                    (me.demonym, G_DEMONYM),
                    (me.title, G_TITLE),
                    (prev.title, G_PREV_TITLE),
                    (me.first, G_FIRST),
                    (me.surname, G_SURNAME),
                    (prev.first, G_PREV_FIRST),
                    (next.surname, G_NEXT_SURNAME),
                ];
                for (on, g) in flags {
                    if on {
                        push(feats, self.off, g, 0);
                    }
                }
                if me.agent != 0 {
                    push(feats, self.off, G_AGENT, me.agent);
                }
                if next.agent != 0 {
                    push(feats, self.off, G_NEXT_AGENT, next.agent);
                }
            }
            offsets.push(feats.len() as u32);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> &'static KbGazetteer<'static> {
        KbGazetteer::global().unwrap()
    }

    fn feats(tokens: &[&str]) -> Vec<Vec<GazFeature>> {
        let (mut f, mut o) = (Vec::new(), Vec::new());
        gaz().sentence_tags(tokens, &mut f, &mut o);
        assert_eq!(o.len(), tokens.len() + 1);
        o.windows(2)
            .map(|w| f[w[0] as usize..w[1] as usize].to_vec())
            .collect()
    }

    #[test]
    fn lists() {
        let g = gaz();
        assert!(TITLE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(EXTRA_AGENTS.iter().all(|(w, _)| g.kb().agent(w).is_none()));
        assert!(g.is_title("Gen.") && g.is_title("AYATOLLAH") && !g.is_title("Maria"));
        assert!(g.is_first_name("John") && g.is_first_name("MOHAMED"));
        assert!(!g.is_first_name("the") && !g.is_first_name("Al"));
        assert!(g.is_surname("Khamenei"));
    }

    #[test]
    fn matches_kinds_and_places() {
        let f = feats(&[
            "the",
            "International",
            "Monetary",
            "Fund",
            "and",
            "Iran",
            "said",
        ]);
        let igo = kind_index(Kind::Igo);
        assert!(f[1].contains(&feat(G_TOP, igo * 4)));
        assert!(f[2].contains(&feat(G_TOP, igo * 4 + 1)));
        assert!(f[3].contains(&feat(G_TOP, igo * 4 + 2)));
        assert!(f[5].contains(&feat(G_TOP, kind_index(Kind::Country) * 4 + 3)));
        assert!(f[0].is_empty() && f[4].is_empty(), "{f:?}");
        // Lower case: no match.
        let f = feats(&["iran"]);
        assert!(!f[0].iter().any(|g| g.0 >> 16 == G_TOP));
    }

    #[test]
    fn words_and_neighbours() {
        let f = feats(&["Iranian", "officials", "met", "Gen.", "Ali", "Khamenei"]);
        assert!(f[0].contains(&feat(G_DEMONYM, 0)));
        assert!(f[0].iter().any(|g| g.0 >> 16 == G_NEXT_AGENT));
        assert!(f[1].iter().any(|g| g.0 >> 16 == G_AGENT));
        assert!(f[3].contains(&feat(G_TITLE, 0)));
        assert!(f[4].contains(&feat(G_PREV_TITLE, 0)) && f[4].contains(&feat(G_FIRST, 0)));
        assert!(f[5].contains(&feat(G_PREV_FIRST, 0)) && f[5].contains(&feat(G_SURNAME, 0)));
        let mut one = Vec::new();
        gaz().tags(&["Gen.", "Ali"], 1, &mut one);
        assert!(one.contains(&feat(G_PREV_TITLE, 0)));
        assert!(feats(&[]).is_empty());
    }
}
