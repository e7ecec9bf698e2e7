//! The trigger lexicon: common news verbs and nouns mapped to PLOVER types.
//!
//! Hand-written from the PLOVER definitions; each verb base is expanded to its regular
//! inflections, irregular forms are listed. Verbs the hand-written lists lack come from
//! `data/cameo_verbs.tsv`, derived from the CAMEO verb dictionary by
//! `src/bin/build-cameo-lexicon.rs` (see `NOTICE`); the hand-written senses take precedence.

use std::collections::HashMap;

use newsgraph_doc::EventType;
use EventType::*;

/// What a trigger word means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sense {
    /// Its PLOVER type.
    pub kind: EventType,
    /// Its PLOVER mode, where the word gives one.
    pub mode: Option<&'static str>,
}

/// Verbs (base forms): inflected regularly.
const VERBS: &[(&str, EventType, Option<&str>)] = &[
    ("attack", Assault, None),
    ("strike", Assault, None),
    ("shell", Assault, Some("heavy-weapons")),
    ("bomb", Assault, Some("aerial")),
    ("kill", Assault, None),
    ("clash", Assault, None),
    ("ambush", Assault, None),
    ("assault", Assault, None),
    ("assassinate", Assault, Some("targeted")),
    ("massacre", Assault, None),
    ("shoot", Assault, Some("firearms")),
    ("gun", Assault, Some("firearms")),
    ("target", Assault, None),
    ("invade", Assault, None),
    ("storm", Assault, None),
    ("besiege", Assault, None),
    ("meet", Consult, None),
    ("visit", Consult, Some("visit")),
    ("host", Consult, None),
    ("negotiate", Consult, None),
    ("mediate", Consult, Some("third-party")),
    // PLOVER files signing an agreement under SUPPORT (CAMEO 057); a promise to sign is
    // AGREE, which the future reading gives.
    ("sign", Support, None),
    ("agree", Agree, None),
    ("accuse", Accuse, None),
    ("blame", Accuse, None),
    ("condemn", Accuse, None),
    ("denounce", Accuse, None),
    ("criticise", Accuse, None),
    ("criticize", Accuse, None),
    ("threaten", Threaten, None),
    ("vow", Threaten, None),
    ("protest", Protest, Some("demo")),
    ("rally", Protest, Some("demo")),
    ("march", Protest, Some("demo")),
    ("riot", Protest, Some("riot")),
    ("strike", Assault, None),
    ("sanction", Sanction, None),
    ("suspend", Sanction, None),
    ("ban", Sanction, None),
    ("boycott", Sanction, None),
    ("arrest", Coerce, Some("arrest")),
    ("detain", Coerce, Some("arrest")),
    ("seize", Coerce, Some("seize")),
    ("abduct", Assault, Some("abduct")),
    ("kidnap", Assault, Some("abduct")),
    ("hijack", Assault, Some("abduct")),
    ("expel", Sanction, Some("expel")),
    ("deport", Coerce, Some("deport")),
    ("summon", Accuse, Some("disapprove")),
    ("dismiss", Reject, None),
    ("welcome", Support, None),
    ("thank", Support, None),
    ("overrun", Assault, None),
    ("overran", Assault, None),
    ("quit", Sanction, None),
    ("blockade", Coerce, None),
    ("evacuate", Aid, None),
    ("rescue", Aid, None),
    ("defend", Support, None),
    ("impeach", Accuse, None),
    ("warn", Threaten, None),
    ("pledge", Agree, None),
    ("promise", Agree, None),
    ("resign", Retreat, Some("resign")),
    ("charge", Accuse, None),
    ("object", Accuse, None),
    ("fine", Sanction, None),
    ("freeze", Sanction, None),
    ("apologise", Concede, None),
    ("apologize", Concede, None),
    ("probe", Accuse, Some("investigate")),
    ("raid", Coerce, None),
    ("intercept", Coerce, Some("seize")),
    ("confiscate", Coerce, Some("seize")),
    ("deploy", Mobilize, None),
    ("mobilise", Mobilize, None),
    ("mobilize", Mobilize, None),
    ("donate", Aid, None),
    ("back", Support, None),
    ("support", Support, None),
    ("endorse", Support, None),
    ("praise", Support, None),
    ("demand", Request, None),
    ("urge", Request, None),
    ("ask", Request, None),
    ("appeal", Request, None),
    ("reject", Reject, None),
    ("refuse", Reject, None),
    ("deny", Reject, None),
    ("veto", Reject, None),
    ("withdraw", Retreat, Some("withdraw")),
    ("retreat", Retreat, None),
    ("surrender", Retreat, None),
    ("free", Retreat, None),
    ("release", Retreat, Some("release")),
    ("ease", Concede, None),
    ("lift", Concede, None),
    ("cooperate", Cooperate, None),
    ("offer", Agree, None),
    ("loan", Aid, None),
    ("contribute", Aid, None),
    ("airlift", Aid, None),
    ("criticise", Accuse, None),
    ("allege", Accuse, Some("allege")),
    ("sue", Accuse, None),
    ("indict", Accuse, None),
    ("prosecute", Accuse, None),
    ("investigate", Accuse, Some("investigate")),
    ("censure", Accuse, None),
    ("rebuke", Accuse, None),
    ("pressure", Request, None),
    ("petition", Request, None),
    ("implore", Request, None),
    ("consult", Consult, None),
    ("endorse", Support, None),
    ("commend", Support, None),
    ("applaud", Support, None),
    ("congratulate", Support, None),
    ("collaborate", Cooperate, None),
    ("reopen", Retreat, None),
    ("unfreeze", Concede, None),
    ("pardon", Concede, None),
    ("scrap", Concede, None),
    ("demobilise", Retreat, None),
    ("demobilize", Retreat, None),
    ("disarm", Retreat, Some("disarm")),
    ("evict", Coerce, None),
    ("imprison", Coerce, Some("arrest")),
    ("jail", Coerce, Some("arrest")),
    ("censor", Coerce, Some("censor")),
    ("torture", Assault, Some("torture")),
    ("execute", Assault, None),
    ("behead", Assault, Some("primitive")),
    ("stab", Assault, Some("primitive")),
    ("torch", Assault, Some("primitive")),
    ("loot", Assault, None),
    ("rocket", Assault, Some("heavy-weapons")),
    ("picket", Protest, Some("demo")),
    ("boycott", Sanction, None),
    ("embargo", Sanction, None),
    ("blacklist", Sanction, None),
    ("sever", Sanction, None),
    ("destroy", Assault, None),
    ("bombard", Assault, Some("heavy-weapons")),
    ("murder", Assault, None),
    ("slaughter", Assault, None),
    ("detonate", Assault, Some("explosives")),
    // CAMEO 063, judicial cooperation.
    ("extradite", Cooperate, Some("legal")),
    ("scramble", Mobilize, None),
    ("outlaw", Coerce, None),
    ("reinforce", Mobilize, None),
    ("request", Request, None),
    ("plead", Request, None),
    ("deplore", Accuse, None),
    ("decry", Accuse, None),
    ("slam", Accuse, None),
    ("lambast", Accuse, None),
    ("castigate", Accuse, None),
    ("complain", Accuse, None),
    ("rebuff", Reject, None),
    ("spurn", Reject, None),
    ("snub", Reject, None),
    ("repudiate", Reject, None),
    ("accept", Agree, None),
    ("ratify", Agree, None),
    ("hail", Support, None),
    ("laud", Support, None),
    ("discuss", Consult, None),
    ("confer", Consult, None),
    ("coordinate", Cooperate, None),
    ("concede", Concede, None),
    ("relent", Concede, None),
];

/// Irregular or noun forms, matched exactly.
const WORDS: &[(&str, EventType, Option<&str>)] = &[
    ("struck", Assault, None),
    ("shot", Assault, Some("firearms")),
    ("fought", Assault, None),
    ("airstrike", Assault, Some("aerial")),
    ("airstrikes", Assault, Some("aerial")),
    ("air strike", Assault, Some("aerial")),
    ("bombing", Assault, Some("explosives")),
    ("bombardment", Assault, Some("heavy-weapons")),
    ("shelling", Assault, Some("heavy-weapons")),
    ("offensive", Assault, None),
    ("incursion", Assault, None),
    ("invasion", Assault, None),
    ("fighting", Assault, None),
    ("met", Consult, None),
    ("talks", Consult, None),
    ("summit", Consult, Some("multilateral")),
    ("signed", Support, None),
    ("accord", Agree, None),
    ("ceasefire", Agree, None),
    ("truce", Agree, None),
    ("accusation", Accuse, None),
    ("accusations", Accuse, None),
    ("protesters", Protest, Some("demo")),
    ("demonstration", Protest, Some("demo")),
    ("demonstrations", Protest, Some("demo")),
    ("sanctions", Sanction, None),
    ("tariffs", Sanction, None),
    ("embargo", Sanction, None),
    ("seizure", Coerce, Some("seize")),
    ("arrests", Coerce, Some("arrest")),
    ("withdrew", Retreat, Some("withdraw")),
    ("withdrawn", Retreat, Some("withdraw")),
    ("withdrawal", Retreat, Some("withdraw")),
    ("freed", Retreat, None),
    ("froze", Sanction, None),
    ("frozen", Sanction, None),
    ("pressed", Request, None),
    ("condemnation", Accuse, None),
    ("investigation", Accuse, Some("investigate")),
    ("drills", Mobilize, None),
    ("donated", Aid, None),
    ("cyberattack", Coerce, Some("cyber")),
    ("cyberattacks", Coerce, Some("cyber")),
    ("hacked", Coerce, Some("cyber")),
    ("clashes", Assault, None),
    ("crackdown", Coerce, None),
    ("curfew", Coerce, Some("curfew")),
    ("ultimatum", Threaten, None),
    ("threat", Threaten, None),
    ("threats", Threaten, None),
    ("walkout", Protest, Some("demo")),
    ("sit-in", Protest, Some("demo")),
    ("stayaway", Protest, Some("strike")),
    ("condolences", Support, None),
    ("loan", Aid, None),
    ("loans", Aid, None),
    ("pledges", Agree, None),
    ("agreement", Agree, None),
    ("deal", Agree, None),
    ("pact", Agree, None),
    ("visit", Consult, Some("visit")),
    ("negotiations", Consult, None),
    ("meeting", Consult, None),
    ("appeal", Request, None),
    ("demands", Request, None),
    ("protest", Protest, Some("demo")),
    ("protests", Protest, Some("demo")),
    ("rallies", Protest, Some("demo")),
    ("deployment", Mobilize, None),
    ("dismissed", Reject, None),
];

/// Words that make a characterisation a condemnation ("called the ruling “a disgrace”").
pub(crate) fn is_condemning(w: &str) -> bool {
    matches!(
        w,
        "treason"
            | "coup"
            | "assault"
            | "attack"
            | "lie"
            | "lies"
            | "propaganda"
            | "illegal"
            | "unlawful"
            | "unacceptable"
            | "terrorism"
            | "terror"
            | "crime"
            | "crimes"
            | "criminal"
            | "shameful"
            | "disgraceful"
            | "disgrace"
            | "absurd"
            | "fabrication"
            | "fabrications"
            | "violation"
            | "aggression"
            | "provocation"
            | "provocative"
            | "betrayal"
            | "farce"
            | "sham"
            | "outrage"
            | "outrageous"
            | "irresponsible"
            | "reckless"
            | "hostile"
            | "one-sided"
            | "biased"
            | "blackmail"
            | "interference"
            | "hypocrisy"
            | "hypocritical"
            | "scandal"
            | "scandalous"
            | "witch-hunt"
            | "persecution"
            | "abduction"
            | "massacre"
            | "genocide"
            | "barbaric"
            | "cowardly"
            | "insult"
            | "failure"
            | "mistake"
    )
}

/// Words that make a characterisation praise ("called the deal “a historic step”").
pub(crate) fn is_praising(w: &str) -> bool {
    matches!(
        w,
        "historic"
            | "important"
            | "welcome"
            | "positive"
            | "success"
            | "successful"
            | "breakthrough"
            | "milestone"
            | "victory"
            | "great"
            | "excellent"
            | "constructive"
            | "landmark"
            | "courageous"
            | "brave"
    )
}

/// The lexicon: lower-case word form → sense.
pub(crate) struct Lexicon {
    words: HashMap<String, Sense>,
    nouns: std::collections::HashSet<&'static str>,
    /// Forms known only from the CAMEO verb list.
    cameo: std::collections::HashSet<String>,
}

/// Verb forms among the exact-match words.
const IRREGULAR: &[&str] = &[
    "struck",
    "shot",
    "fought",
    "met",
    "signed",
    "withdrew",
    "withdrawn",
    "freed",
    "froze",
    "frozen",
    "pressed",
    "donated",
    "hacked",
    "dismissed",
    "overran",
    "lent",
];

fn inflections(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string(), format!("{base}s"), format!("{base}es")];
    if let Some(stem) = base.strip_suffix('e') {
        v.push(format!("{base}d"));
        v.push(format!("{stem}ing"));
    } else if let Some(stem) = base.strip_suffix('y') {
        v.push(format!("{stem}ied"));
        v.push(format!("{stem}ies"));
        v.push(format!("{base}ed"));
        v.push(format!("{base}ing"));
    } else {
        v.push(format!("{base}ed"));
        v.push(format!("{base}ing"));
        if let Some(last) = base.chars().last() {
            v.push(format!("{base}{last}ed"));
            v.push(format!("{base}{last}ing"));
        }
    }
    v
}

/// The CAMEO-derived verbs: `(base, irregular forms, sense)`.
fn cameo_verbs() -> impl Iterator<Item = (&'static str, &'static str, Sense)> {
    include_str!("../data/cameo_verbs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let base = f.next()?;
            let irregular = f.next()?;
            let kind = EventType::from_name(f.next()?)?;
            let mode = f.next().map(str::trim).filter(|m| !m.is_empty());
            Some((base, irregular, Sense { kind, mode }))
        })
}

impl Lexicon {
    /// The built-in lexicon.
    pub(crate) fn new() -> Self {
        let mut words = HashMap::new();
        for &(base, kind, mode) in VERBS {
            for f in inflections(base) {
                words.entry(f).or_insert(Sense { kind, mode });
            }
        }
        let mut nouns = std::collections::HashSet::new();
        for &(w, kind, mode) in WORDS {
            words.insert(w.to_string(), Sense { kind, mode });
            if !IRREGULAR.contains(&w) {
                nouns.insert(w);
            }
        }
        let mut cameo = std::collections::HashSet::new();
        for (base, irregular, sense) in cameo_verbs() {
            let forms = inflections(base)
                .into_iter()
                .chain(irregular.split_whitespace().map(str::to_string));
            for f in forms {
                if let std::collections::hash_map::Entry::Vacant(slot) = words.entry(f) {
                    cameo.insert(slot.key().clone());
                    slot.insert(sense);
                }
            }
        }
        // Words that inflection over-generates into common non-event words.
        for w in ["backs", "targets", "hosts", "lifting", "backing"] {
            words.remove(w);
        }
        Self {
            words,
            nouns,
            cameo,
        }
    }

    /// True when the word's sense comes from the CAMEO verb list, which holds verbs only.
    pub(crate) fn is_cameo_verb(&self, word: &str) -> bool {
        self.cameo.contains(word)
    }

    /// True when the word is listed as an event noun ("talks", "airstrikes", "sanctions").
    pub(crate) fn is_noun(&self, word: &str) -> bool {
        self.nouns.contains(word)
    }

    /// The sense of a lower-case word, if it is a trigger.
    pub(crate) fn get(&self, word: &str) -> Option<Sense> {
        self.words.get(word).copied()
    }
}
