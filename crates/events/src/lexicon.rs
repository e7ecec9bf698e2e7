//! The trigger lexicon: common news verbs and nouns mapped to PLOVER types.
//!
//! Hand-written from the PLOVER definitions; each verb base is expanded to its regular
//! inflections, irregular forms are listed.

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
    ("shell", Assault, Some("artillery")),
    ("bomb", Assault, Some("aerial weapons")),
    ("kill", Assault, None),
    ("clash", Assault, None),
    ("ambush", Assault, None),
    ("assault", Assault, None),
    ("assassinate", Assault, None),
    ("massacre", Assault, None),
    ("shoot", Assault, Some("firearms")),
    ("gun", Assault, Some("firearms")),
    ("target", Assault, None),
    ("invade", Assault, None),
    ("storm", Assault, None),
    ("besiege", Assault, None),
    ("meet", Consult, None),
    ("visit", Consult, None),
    ("host", Consult, None),
    ("negotiate", Consult, None),
    ("mediate", Consult, None),
    ("sign", Agree, None),
    ("agree", Agree, None),
    ("accuse", Accuse, None),
    ("blame", Accuse, None),
    ("condemn", Accuse, None),
    ("denounce", Accuse, None),
    ("criticise", Accuse, None),
    ("criticize", Accuse, None),
    ("threaten", Threaten, None),
    ("vow", Threaten, None),
    ("protest", Protest, Some("demonstrate")),
    ("rally", Protest, Some("demonstrate")),
    ("march", Protest, Some("demonstrate")),
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
    ("impeach", Accuse, None),
    ("warn", Threaten, None),
    ("pledge", Agree, None),
    ("promise", Agree, None),
    ("resign", Retreat, None),
    ("charge", Accuse, None),
    ("object", Accuse, None),
    ("fine", Sanction, None),
    ("freeze", Sanction, None),
    ("apologise", Concede, None),
    ("apologize", Concede, None),
    ("probe", Accuse, None),
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
    ("withdraw", Retreat, None),
    ("retreat", Retreat, None),
    ("surrender", Retreat, None),
    ("free", Retreat, None),
    ("release", Retreat, Some("release")),
    ("ease", Concede, None),
    ("lift", Concede, None),
    ("cooperate", Cooperate, None),
];

/// Irregular or noun forms, matched exactly.
const WORDS: &[(&str, EventType, Option<&str>)] = &[
    ("struck", Assault, None),
    ("shot", Assault, Some("firearms")),
    ("fought", Assault, None),
    ("airstrike", Assault, Some("aerial weapons")),
    ("airstrikes", Assault, Some("aerial weapons")),
    ("air strike", Assault, Some("aerial weapons")),
    ("bombing", Assault, Some("explosives")),
    ("bombardment", Assault, Some("artillery")),
    ("shelling", Assault, Some("artillery")),
    ("offensive", Assault, None),
    ("incursion", Assault, None),
    ("invasion", Assault, None),
    ("fighting", Assault, None),
    ("met", Consult, None),
    ("talks", Consult, None),
    ("summit", Consult, None),
    ("signed", Agree, None),
    ("accord", Agree, None),
    ("ceasefire", Agree, None),
    ("truce", Agree, None),
    ("accusation", Accuse, None),
    ("accusations", Accuse, None),
    ("protesters", Protest, Some("demonstrate")),
    ("demonstration", Protest, Some("demonstrate")),
    ("demonstrations", Protest, Some("demonstrate")),
    ("sanctions", Sanction, None),
    ("tariffs", Sanction, None),
    ("embargo", Sanction, None),
    ("seizure", Coerce, Some("seize")),
    ("arrests", Coerce, Some("arrest")),
    ("withdrew", Retreat, None),
    ("withdrawn", Retreat, None),
    ("withdrawal", Retreat, None),
    ("freed", Retreat, None),
    ("froze", Sanction, None),
    ("frozen", Sanction, None),
    ("pressed", Request, None),
    ("condemnation", Accuse, None),
    ("investigation", Accuse, None),
    ("drills", Mobilize, None),
    ("donated", Aid, None),
];

/// The lexicon: lower-case word form → sense.
pub(crate) struct Lexicon {
    words: HashMap<String, Sense>,
}

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

impl Lexicon {
    /// The built-in lexicon.
    pub(crate) fn new() -> Self {
        let mut words = HashMap::new();
        for &(base, kind, mode) in VERBS {
            for f in inflections(base) {
                words.entry(f).or_insert(Sense { kind, mode });
            }
        }
        for &(w, kind, mode) in WORDS {
            words.insert(w.to_string(), Sense { kind, mode });
        }
        // Words that inflection over-generates into common non-event words.
        for w in ["backs", "targets", "hosts", "lifting", "backing"] {
            words.remove(w);
        }
        Self { words }
    }

    /// The sense of a lower-case word, if it is a trigger.
    pub(crate) fn get(&self, word: &str) -> Option<Sense> {
        self.words.get(word).copied()
    }
}
