//! Grammatical roles around a trigger: the subject phrase before its verb group and the
//! object phrase after it, found with the chunker.

use crate::chunk::{np_backward, np_forward, Np};
use crate::dates::{month_of, weekday_of};
use crate::{word, Word};

/// What fills the subject slot of a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A noun phrase.
    Phrase(Np),
    /// A personal pronoun at this word ("he", "they", "it", "we").
    Pronoun(usize),
    /// A phrase with an apposition between commas ("the group's leader, Ana Velmor,"):
    /// the phrase before the commas and the one inside them.
    Apposed(Option<Np>, Option<Np>),
}

/// Auxiliaries, modals, negators and adverbs that sit between a subject and its verb.
fn is_chain(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "did"
            | "does"
            | "do"
            | "not"
            | "never"
            | "also"
            | "then"
            | "later"
            | "again"
            | "already"
            | "still"
            | "first"
            | "since"
            | "once"
            | "yet"
            | "even"
            | "jointly"
            | "earlier"
            | "subsequently"
            | "ultimately"
            | "finally"
            | "reportedly"
            | "allegedly"
    ) || w.ends_with("n't")
}

/// True for an auxiliary, modal, negator or adverb that may stand between subject and verb.
pub(crate) fn is_chain_word(w: &str) -> bool {
    is_chain(w)
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they" | "we" | "i")
}

/// Words of a time adjunct that may stand between subject and verb ("on Wednesday", "last
/// week", "in March").
fn is_time(w: &str) -> bool {
    weekday_of(w).is_some()
        || month_of(w).is_some()
        || matches!(
            w,
            "week"
                | "month"
                | "year"
                | "weekend"
                | "yesterday"
                | "today"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "last"
                | "this"
                | "early"
                | "late"
                | "."
        )
        || w.chars().all(|c| c.is_ascii_digit())
}

/// Words that govern an infinitive whose subject is theirs ("agreed to free", "vowed to
/// hunt"): intent verbs, whose own event stands for the plan.
pub(crate) fn is_intent_verb(w: &str) -> bool {
    matches!(
        w,
        "agreed"
            | "agree"
            | "agrees"
            | "vowed"
            | "vow"
            | "vows"
            | "threatened"
            | "threaten"
            | "threatens"
            | "threatening"
            | "pledged"
            | "pledge"
            | "pledges"
            | "promised"
            | "promise"
            | "promises"
            | "offered"
            | "offer"
            | "offers"
            | "refused"
            | "refuse"
            | "refuses"
            | "declined"
            | "decline"
            | "declines"
            | "planned"
            | "plans"
            | "plan"
            | "intends"
            | "intended"
            | "wants"
            | "wanted"
            | "sought"
            | "seeks"
            | "tried"
            | "tries"
            | "attempted"
            | "failed"
            | "ready"
            | "prepared"
            | "willing"
            | "unwilling"
            | "decided"
            | "voted"
            | "moved"
            | "continue"
            | "continued"
            | "continues"
            | "keep"
            | "began"
            | "begin"
            | "started"
            | "set"
            | "going"
            | "trying"
            | "seeking"
            | "vowing"
            | "preparing"
            | "planning"
            | "hoping"
            | "hopes"
            | "hoped"
            | "aims"
            | "aimed"
            | "needs"
            | "needed"
    )
}

/// Intent verbs that are event triggers themselves (AGREE, THREATEN, REJECT).
pub(crate) fn is_intent_trigger(w: &str) -> bool {
    is_intent_verb(w)
        && !matches!(
            w,
            "planned"
                | "plans"
                | "plan"
                | "intends"
                | "intended"
                | "wants"
                | "wanted"
                | "sought"
                | "seeks"
                | "tried"
                | "tries"
                | "attempted"
                | "failed"
                | "ready"
                | "prepared"
                | "willing"
                | "unwilling"
                | "decided"
                | "voted"
                | "moved"
                | "continue"
                | "continued"
                | "continues"
                | "keep"
                | "began"
                | "begin"
                | "started"
        )
}

/// Index of the first word of the verb group that ends with the trigger at `i`: auxiliaries,
/// adverbs, "agreed to", and a time adjunct are stepped over.
pub(crate) fn verb_group_start(words: &[Word], i: usize, lo: usize) -> usize {
    let mut k = i;
    let mut steps = 0;
    while k > lo && steps < 12 {
        steps += 1;
        let w = word(words, k - 1);
        let raw_lower = words
            .get(k - 1)
            .is_some_and(|x| x.raw.starts_with(|c: char| c.is_lowercase()));
        if is_chain(w) || (raw_lower && crate::chunk::is_adverb(w)) {
            k -= 1;
            continue;
        }
        if w == "to" && k >= 2 && is_intent_verb(word(words, k - 2)) {
            k -= 2;
            continue;
        }
        // "on Wednesday", "last week", "in early March", "on Nov. 3".
        if is_time(w) {
            let mut j = k - 1;
            while j > lo && is_time(word(words, j - 1)) {
                j -= 1;
            }
            let prep = if j > lo { word(words, j - 1) } else { "" };
            if matches!(prep, "on" | "in" | "last" | "this" | "earlier" | "late") {
                k = j - 1;
                continue;
            }
            if matches!(w, "yesterday" | "today" | "week" | "month" | "year") {
                k = j;
                continue;
            }
        }
        break;
    }
    k
}

/// The subject of the verb whose group starts at `g`, within the clause from `lo`.
pub(crate) fn subject(words: &[Word], g: usize, lo: usize) -> Option<Subject> {
    if g <= lo {
        return None;
    }
    let last = word(words, g - 1);
    if is_pronoun(last) {
        return Some(Subject::Pronoun(g - 1));
    }
    // "rebels who rejected", "Norland, which has deployed": the phrase the relative
    // pronoun stands for.
    if matches!(last, "who" | "which") && g >= 2 {
        let mut e = g - 1;
        if e > lo && word(words, e - 1) == "," {
            e -= 1;
        }
        let np = np_backward(words, e).filter(|n| n.start >= lo)?;
        // "the League (GPL), a group of former miners who rejected": the description stands
        // in apposition to the name before it.
        if np.start >= 2 && word(words, np.start - 1) == "," {
            let mut c = np.start - 1;
            if c >= 2 && word(words, c - 1) == ")" {
                if let Some(open) = (c.saturating_sub(6)..c - 1)
                    .rev()
                    .find(|&j| word(words, j) == "(")
                {
                    c = open;
                }
            }
            let outer = np_backward(words, c).filter(|n| n.start >= lo && n.end == c);
            if outer.is_some() {
                return Some(Subject::Apposed(outer, Some(np)));
            }
        }
        return Some(Subject::Phrase(np));
    }
    // "prompting Norland's leaders to threaten": the phrase before "to".
    if last == "to" && g >= 2 {
        let np = np_backward(words, g - 1).filter(|n| n.start > lo)?;
        let control = word(words, np.start - 1);
        let stem = control
            .strip_suffix("ing")
            .or_else(|| control.strip_suffix("ed"))
            .unwrap_or(control);
        let object_control = matches!(
            stem,
            "prompt"
                | "urg"
                | "ask"
                | "press"
                | "forc"
                | "allow"
                | "encourag"
                | "order"
                | "invit"
                | "persuad"
                | "caus"
                | "lead"
                | "led"
                | "told"
                | "tell"
                | "get"
                | "got"
                | "push"
                | "compell"
        );
        // Otherwise a purpose ("set up a panel to review the case"): the clause's subject.
        return object_control.then_some(Subject::Phrase(np));
    }
    // "those not accused": a subject no phrase names.
    if matches!(
        last,
        "those" | "these" | "some" | "others" | "many" | "all" | "one" | "none"
    ) {
        return Some(Subject::Apposed(None, None));
    }
    if matches!(last, "," | "–" | "—") {
        // "X, the head of Y, said": the phrase before the opening mark.
        let open = (lo..g - 1).rev().find(|&j| word(words, j) == last)?;
        if g - 1 - open > 14 {
            return None;
        }
        let outer = np_backward(words, open).filter(|n| n.start >= lo);
        let inner = np_backward(words, g - 1).filter(|n| n.start > open);
        return Some(Subject::Apposed(outer, inner));
    }
    let mut np = np_backward(words, g).filter(|n| n.start >= lo)?;
    // "The aid office in Velgrad said", "Bakers in the old town shut", "Hundreds of
    // teachers at state schools in Tarso walked out": the phrase before a chain of place
    // or group phrases is the subject.
    for _ in 0..3 {
        if np.start < lo + 2 {
            break;
        }
        // "Raiders on motorbikes", "men with rifles", "an airstrike on southern Tarso
        // killed": the phrase after the preposition is inside the subject.
        // "Fighters loyal to the warlord", "militias allied to the army": the description
        // goes on after an adjective and "to".
        let loyal = word(words, np.start - 1) == "to"
            && np.start >= lo + 3
            && matches!(
                word(words, np.start - 2),
                "loyal" | "allied" | "linked" | "close" | "affiliated" | "tied" | "connected"
            );
        if !loyal
            && !matches!(
                word(words, np.start - 1),
                "in" | "at" | "from" | "near" | "on" | "with"
            )
        {
            break;
        }
        let before = if loyal { np.start - 2 } else { np.start - 1 };
        let Some(outer) = np_backward(words, before).filter(|n| n.start >= lo) else {
            break;
        };
        np = Np {
            start: outer.start,
            end: np.end,
            head: outer.head,
        };
    }
    // "Norland's offer to mediate between the two sides was welcomed": a phrase after
    // "between" or "among" belongs to a longer subject, the clause's first phrase.
    if np.start > lo + 1 && matches!(word(words, np.start - 1), "between" | "among" | "amongst") {
        if let Some(first) = np_forward(words, lo).filter(|n| n.end < np.start) {
            if !(first.end..np.start).any(|k| matches!(word(words, k), "," | ";" | ":")) {
                return Some(Subject::Phrase(first));
            }
        }
    }
    Some(Subject::Phrase(np))
}

/// The object of the verb at `i`: the phrase right after it (after a particle, a quantifier
/// such as "at least", or "on"/"against" after a noun trigger).
pub(crate) fn object(words: &[Word], i: usize, hi: usize, nominal: bool) -> Option<Np> {
    let mut j = i + 1;
    let trig = word(words, i);
    let next = word(words, j);
    if matches!(next, "out" | "off" | "up" | "down" | "back" | "fire") {
        j += 1;
    }
    // "fired first on its outposts".
    if matches!(trig, "fire" | "fired")
        && matches!(word(words, j), "first" | "again" | "repeatedly")
    {
        j += 1;
    }
    let next = word(words, j);
    if (nominal && matches!(next, "on" | "against" | "of" | "into"))
        || (matches!(
            trig,
            "call" | "calls" | "called" | "calling" | "fire" | "fired"
        ) && matches!(next, "on" | "upon" | "at"))
        || (!nominal && next == "against")
    {
        j += 1;
    }
    // "surrendered to the army", "talks with the rebels", "accused “foreign agencies”".
    let next = word(words, j);
    let after = words.get(j + 1);
    let opens_np = after.is_some_and(|w| {
        w.raw.starts_with(char::is_uppercase)
            || w.kind == newsgraph_doc::TokenKind::Number
            || matches!(
                w.low.as_str(),
                "the" | "a" | "an" | "its" | "their" | "both" | "all"
            )
            || crate::chunk::is_actor_noun(&w.low)
    });
    if matches!(next, "to" | "with") && opens_np {
        j += 1;
    }
    while words
        .get(j)
        .is_some_and(|w| w.kind == newsgraph_doc::TokenKind::Quote)
    {
        j += 1;
    }
    // "at least 64", "more than 300", "nearly 40".
    loop {
        let (a, b) = (word(words, j), word(words, j + 1));
        if (a == "at" && matches!(b, "least" | "most")) || (a == "more" && b == "than") {
            j += 2;
        } else if matches!(
            a,
            "nearly" | "about" | "around" | "almost" | "some" | "over"
        ) {
            j += 1;
        } else {
            break;
        }
    }
    if j >= hi {
        return None;
    }
    np_forward(words, j).filter(|n| n.end <= hi)
}
