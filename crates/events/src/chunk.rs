//! A light noun-phrase chunker over the words of one sentence.
//!
//! There is no parser: a noun phrase is a run of words that are not closed-class words
//! (prepositions, conjunctions, auxiliaries, relative pronouns), with at most one "of"
//! ("hundreds of miners", "supporters of the president"). Its head is its last word, or the
//! word before "of" when that is a quantity ("hundreds of miners" → "miners").

use newsgraph_doc::TokenKind;

use crate::Word;

/// Words that end a noun phrase: prepositions, conjunctions, auxiliaries and modals,
/// relative and subordinating words, reporting verbs.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "of"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "after"
            | "before"
            | "during"
            | "over"
            | "under"
            | "against"
            | "into"
            | "near"
            | "since"
            | "about"
            | "across"
            | "amid"
            | "amidst"
            | "off"
            | "among"
            | "along"
            | "alongside"
            | "throughout"
            | "beyond"
            | "despite"
            | "around"
            | "behind"
            | "beside"
            | "besides"
            | "between"
            | "within"
            | "upon"
            | "onto"
            | "beneath"
            | "above"
            | "below"
            | "amongst"
            | "without"
            | "through"
            | "toward"
            | "towards"
            | "outside"
            | "inside"
            | "until"
            | "via"
            | "per"
            | "than"
            | "as"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "while"
            | "because"
            | "if"
            | "unless"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "when"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "shall"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "never"
            | "also"
            | "said"
            | "says"
            | "told"
            | "so"
            | "then"
            | "there"
            | "here"
            | "what"
            | "how"
            | "why"
            | "whether"
            | "it"
            | "itself"
            | "themselves"
            | "himself"
            | "herself"
    )
}

/// True for a closed-class word that ends a noun phrase.
pub(crate) fn is_stop_word(w: &str) -> bool {
    is_stop(w)
}

/// True for a determiner or quantifier.
pub(crate) fn is_det_word(w: &str) -> bool {
    is_det(w)
}

/// Determiners and quantifiers that may open a noun phrase.
fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "some"
            | "all"
            | "both"
            | "several"
            | "many"
            | "any"
            | "each"
            | "every"
            | "other"
            | "more"
            | "most"
            | "few"
            | "no"
    )
}

/// Quantity nouns whose "of" phrase holds the real head ("hundreds of miners").
fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "hundreds"
            | "thousands"
            | "dozens"
            | "scores"
            | "millions"
            | "tens"
            | "group"
            | "groups"
            | "number"
            | "team"
            | "teams"
            | "crowd"
            | "crowds"
    ) || w.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// Nouns that name people, groups, organisations or their vehicles: heads of phrases that
/// can be an event's actor though no entity names them ("the captain", "38 wounded
/// people", "shipping companies").
pub(crate) fn is_actor_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "person"
            | "persons"
            | "civilian"
            | "civilians"
            | "resident"
            | "residents"
            | "villagers"
            | "inhabitants"
            | "citizens"
            | "soldier"
            | "soldiers"
            | "troops"
            | "officer"
            | "officers"
            | "police"
            | "policemen"
            | "policeman"
            | "protester"
            | "protesters"
            | "protestors"
            | "demonstrators"
            | "students"
            | "worker"
            | "workers"
            | "miners"
            | "nurses"
            | "doctors"
            | "teachers"
            | "farmers"
            | "herders"
            | "traders"
            | "merchants"
            | "drivers"
            | "truckers"
            | "journalist"
            | "journalists"
            | "reporters"
            | "men"
            | "man"
            | "women"
            | "woman"
            | "children"
            | "child"
            | "boys"
            | "girls"
            | "teenagers"
            | "captain"
            | "crew"
            | "sailors"
            | "seafarers"
            | "fishermen"
            | "passengers"
            | "migrants"
            | "refugees"
            | "survivors"
            | "hostages"
            | "prisoners"
            | "detainees"
            | "suspect"
            | "suspects"
            | "smugglers"
            | "militants"
            | "fighters"
            | "rebels"
            | "insurgents"
            | "gunmen"
            | "attackers"
            | "assailants"
            | "separatists"
            | "jihadists"
            | "terrorists"
            | "militia"
            | "militias"
            | "members"
            | "member"
            | "supporters"
            | "followers"
            | "leaders"
            | "leader"
            | "officials"
            | "official"
            | "diplomats"
            | "diplomat"
            | "lawmakers"
            | "legislators"
            | "ministers"
            | "minister"
            | "delegates"
            | "delegation"
            | "envoy"
            | "envoys"
            | "ambassador"
            | "donors"
            | "investors"
            | "lenders"
            | "creditors"
            | "companies"
            | "company"
            | "firms"
            | "firm"
            | "operators"
            | "vessels"
            | "vessel"
            | "ships"
            | "ship"
            | "tanker"
            | "tankers"
            | "boats"
            | "convoy"
            | "convoys"
            | "stations"
            | "outlets"
            | "newspapers"
            | "broadcasters"
            | "banks"
            | "bank"
            | "fund"
            | "embassy"
            | "secretariat"
            | "mission"
            | "observatory"
            | "institute"
            | "centre"
            | "center"
            | "foundation"
            | "corporation"
            | "group"
            | "governments"
            | "authorities"
            | "administration"
            | "army"
            | "military"
            | "navy"
            | "forces"
            | "units"
            | "ministry"
            | "office"
            | "commission"
            | "committee"
            | "council"
            | "court"
            | "prosecutors"
            | "prosecutor"
            | "investigators"
            | "inspectors"
            | "judges"
            | "parliament"
            | "opposition"
            | "coalition"
            | "party"
            | "parties"
            | "union"
            | "unions"
            | "federation"
            | "association"
            | "families"
            | "relatives"
            | "customers"
            | "consumers"
            | "employees"
            | "staff"
            | "executives"
            | "activists"
            | "critics"
            | "voters"
            | "patients"
            | "victims"
            | "pilgrims"
            | "settlers"
            | "guards"
            | "guard"
            | "coastguard"
            | "agency"
            | "agencies"
            | "partners"
            | "allies"
            | "neighbours"
            | "neighbors"
            | "countries"
            | "nations"
            | "states"
            | "sides"
            | "recruits"
            | "volunteers"
            | "firefighters"
            | "rescuers"
            | "regulator"
            | "regulators"
            | "watchdog"
            | "paramedics"
            | "lifeguards"
            | "marines"
            | "commandos"
            | "medics"
            | "epidemiologists"
            | "experts"
            | "engineer"
            | "engineers"
            | "contractors"
            | "peacekeepers"
            | "personnel"
            | "crowd"
            | "crowds"
            | "mob"
            | "teams"
            | "team"
            | "brigade"
            | "battalion"
            | "regiment"
            | "junta"
            | "regime"
            | "government"
            | "source"
            | "sources"
            | "jets"
            | "warplanes"
            | "aircraft"
            | "drones"
            | "tanks"
            | "warships"
            | "towns"
            | "villages"
            | "positions"
            | "bases"
            | "outposts"
            | "head"
            | "chief"
            | "president"
            | "commander"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary"
            | "governor"
            | "mayor"
            | "director"
            | "chairman"
            | "chairwoman"
            | "counterpart"
            | "negotiators"
            | "mediators"
            | "intermediaries"
            | "crews"
            | "owners"
            | "strikers"
            | "rioters"
            | "looters"
            | "shopkeepers"
            | "vendors"
            | "surgeons"
            | "surgeon"
            | "medic"
            | "paramedic"
            | "physicians"
            | "firefighter"
            | "rescuer"
            | "militiamen"
            | "fighter"
            | "rebel"
            | "militant"
            | "gunman"
            | "miner"
            | "farmer"
            | "fisherman"
            | "student"
            | "teacher"
            | "doctor"
            | "nurse"
            | "driver"
            | "pilot"
            | "pilots"
            | "veterans"
            | "pensioners"
            | "retirees"
            | "labourers"
            | "laborers"
            | "dockworkers"
            | "dockers"
            | "porters"
            | "bakers"
            | "butchers"
            | "growers"
            | "ranchers"
            | "herdsmen"
            | "nomads"
            | "tribesmen"
            | "clerics"
            | "priests"
            | "monks"
            | "nuns"
            | "bishops"
            | "imams"
            | "lawyers"
            | "lawyer"
            | "attorneys"
            | "judge"
            | "academics"
            | "professors"
            | "scientists"
            | "researchers"
            | "clinicians"
            | "vets"
            | "veterinarians"
            | "midwives"
            | "cadets"
            | "conscripts"
            | "reservists"
            | "gendarmes"
            | "rangers"
            | "wardens"
            | "sheriffs"
            | "deputies"
            | "agents"
            | "spies"
            | "bandits"
            | "pirates"
            | "kidnappers"
            | "hijackers"
            | "raiders"
            | "poachers"
            | "traffickers"
            | "squads"
            | "squad"
            | "platoon"
            | "bishop"
            | "professor"
            | "cleric"
            | "priest"
            | "imam"
            | "rabbi"
            | "economist"
            | "scholar"
            | "veteran"
            | "general"
            | "colonel"
            | "activist"
            | "businessman"
            | "businesswoman"
            | "tycoon"
            | "politician"
            | "senator"
            | "lawmaker"
            | "negotiator"
            | "mediator"
            | "mp"
            | "mps"
            | "ex-minister"
            | "ex-president"
            | "campaigner"
            | "campaigners"
            | "analyst"
            | "analysts"
            | "tribunal"
            | "tribunals"
            | "jury"
            | "panel"
            | "board"
            | "senate"
            | "congress"
            | "assembly"
            | "cabinet"
            | "legislature"
            | "presidency"
            | "courts"
            | "councils"
            | "ministries"
            | "inspectorate"
            | "garrison"
            | "garrisons"
            | "warlord"
            | "warlords"
            | "hackers"
            | "hacker"
            | "oligarchs"
            | "businessmen"
            | "individuals"
            | "newspaper"
            | "broadcaster"
            | "charity"
            | "charities"
            | "gang"
            | "gangs"
            | "cartel"
            | "cartels"
            | "syndicate"
            | "clan"
            | "clans"
            | "tribe"
            | "tribes"
            | "network"
            | "networks"
            | "bloc"
            | "alliance"
            | "movement"
            | "organisation"
            | "organization"
            | "organisations"
            | "organizations"
            | "department"
            | "departments"
            | "bureau"
            | "brigades"
            | "battalions"
            | "platoons"
            | "squadron"
            | "fleet"
            | "fans"
            | "hooligans"
            | "youths"
            | "locals"
            | "thugs"
            | "assailant"
            | "family"
            | "household"
            | "households"
            | "tourists"
            | "visitors"
            | "worshippers"
            | "shoppers"
            | "commuters"
            | "bystanders"
            | "pedestrians"
            | "employers"
            | "employer"
            | "management"
            | "bosses"
            | "landlords"
            | "tenants"
            | "editor"
            | "editors"
            | "reporter"
            | "correspondent"
            | "photographer"
            | "blogger"
            | "bloggers"
            | "author"
            | "writer"
            | "writers"
            | "artist"
            | "artists"
            | "player"
            | "players"
            | "coach"
            | "manager"
            | "managers"
            | "owner"
            | "founder"
            | "chairperson"
            | "ceo"
            | "candidate"
            | "candidates"
            | "opponent"
            | "opponents"
            | "rival"
            | "rivals"
            | "dissident"
            | "dissidents"
            | "defendant"
            | "defendants"
            | "witness"
            | "witnesses"
            | "victim"
            | "patient"
            | "citizen"
            | "villager"
            | "artillery"
            | "helicopters"
            | "gunboats"
            | "bombers"
            | "frigate"
            | "frigates"
            | "destroyer"
            | "submarine"
            | "submarines"
    )
}

/// Nouns for the organs of a state or organisation: "Norland's foreign ministry", "the
/// Sudrian army" stand for the country or organisation named inside them.
pub(crate) fn is_organ_noun(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "government"
            | "army"
            | "military"
            | "forces"
            | "force"
            | "troops"
            | "navy"
            | "delegation"
            | "embassy"
            | "authorities"
            | "administration"
            | "cabinet"
            | "parliament"
            | "police"
            | "leadership"
            | "regime"
            | "junta"
            | "presidency"
            | "units"
            | "jets"
            | "warplanes"
            | "aircraft"
            | "drones"
            | "tanks"
            | "warships"
            | "gunboats"
            | "artillery"
            | "towns"
            | "villages"
            | "cities"
            | "positions"
            | "bases"
            | "posts"
            | "outposts"
            | "territory"
            | "settlements"
            | "camps"
            | "ports"
            | "ships"
            | "vessels"
    )
}

/// Words of time adjuncts that end a noun phrase ("two stations last month").
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "last"
            | "next"
            | "yesterday"
            | "today"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "earlier"
            | "later"
            | "ago"
            | "overnight"
            | "again"
            | "tomorrow"
            | "meanwhile"
            | "already"
            | "once"
            | "twice"
    )
}

/// True for a word that may sit inside a noun phrase.
fn np_word(w: &Word) -> bool {
    match w.kind {
        TokenKind::Word => {
            let l = w.low.as_str();
            if is_time_word(l) {
                return false;
            }
            let adverb = is_adverb(l) && w.raw.starts_with(char::is_lowercase);
            !is_stop(l) && !adverb && !is_det(l)
        }
        TokenKind::Number => true,
        _ => false,
    }
}

/// An adverb in -ly ("publicly", "later"), not a noun or adjective that ends so ("supply",
/// "rally", "deadly").
pub(crate) fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "supply"
                | "rally"
                | "family"
                | "assembly"
                | "july"
                | "italy"
                | "reply"
                | "apply"
                | "comply"
                | "rely"
                | "imply"
                | "multiply"
                | "monopoly"
                | "anomaly"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "quarterly"
                | "early"
                | "elderly"
                | "friendly"
                | "unfriendly"
                | "lonely"
                | "likely"
                | "unlikely"
                | "holy"
                | "deadly"
                | "costly"
                | "orderly"
                | "lovely"
                | "ugly"
                | "silly"
                | "woolly"
                | "bully"
                | "belly"
                | "jelly"
        )
}

/// A noun phrase: first word, one past the last, head word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub start: usize,
    pub end: usize,
    pub head: usize,
}

/// A verb-like word (ends in -ed or -ing, lower case): inside a phrase only before a noun.
fn verbish(w: &Word) -> bool {
    w.kind == TokenKind::Word
        && (w.low.ends_with("ed") || (w.low.ends_with("ing") && !is_ing_noun(&w.low)))
        && w.raw.starts_with(|c: char| c.is_lowercase())
}

/// Nouns in -ing that name things, not acts in progress ("its border crossing").
fn is_ing_noun(w: &str) -> bool {
    matches!(
        w,
        "crossing"
            | "crossings"
            | "building"
            | "buildings"
            | "meeting"
            | "meetings"
            | "funding"
            | "hearing"
            | "briefing"
            | "ruling"
            | "housing"
            | "training"
            | "spending"
            | "uprising"
            | "wedding"
            | "gathering"
            | "offering"
            | "warning"
            | "landing"
            | "clothing"
            | "shipping"
            | "bombing"
            | "shooting"
            | "ceiling"
            | "opening"
            | "setting"
            | "wing"
            | "king"
            | "ring"
            | "string"
            | "evening"
            | "morning"
    )
}

/// The noun phrase that starts at word `j`.
pub(crate) fn np_forward(words: &[Word], j: usize) -> Option<Np> {
    let mut k = j;
    while words.get(k).is_some_and(|w| is_det(&w.low)) && k < j + 2 {
        k += 1;
    }
    let body = k;
    while words.get(k).is_some_and(np_word) && k < body + 6 {
        // "Norland killed 300 people": a verb-like word after a name, before another
        // phrase, is the verb of the clause.
        if k > body
            && words.get(k).is_some_and(verbish)
            && words.get(k + 1).is_some_and(|n| {
                n.kind == TokenKind::Number
                    || is_det(&n.low)
                    || n.raw.starts_with(char::is_uppercase)
            })
        {
            break;
        }
        k += 1;
    }
    // A verb-like last word ends the phrase before it ("the men killed").
    while k > body && words.get(k - 1).is_some_and(verbish) {
        k -= 1;
    }
    if k == body {
        return None;
    }
    let mut np = Np {
        start: j,
        end: k,
        head: k - 1,
    };
    // "nine of those held", "three of them": a part of a group named before.
    if words.get(k).is_some_and(|w| w.low == "of")
        && matches!(
            words.get(k + 1).map(|w| w.low.as_str()),
            Some("those" | "them")
        )
        && words
            .get(k - 1)
            .is_some_and(|w| w.kind == TokenKind::Number || crate::number_word(&w.low).is_some())
    {
        let mut end = k + 2;
        if words.get(k + 1).is_some_and(|w| w.low == "those")
            && words.get(end).is_some_and(|w| {
                verbish(w)
                    || (w.raw.starts_with(char::is_lowercase)
                        && (w.low.ends_with("en")
                            || matches!(
                                w.low.as_str(),
                                "held" | "hurt" | "caught" | "shot" | "kept"
                            )))
            })
        {
            end += 1;
        }
        return Some(Np {
            start: j,
            end,
            head: k - 1,
        });
    }
    // "hundreds of miners", "supporters of the president".
    if words.get(k).is_some_and(|w| w.low == "of")
        && !words.get(k + 1).is_some_and(|w| w.low.ends_with("ing"))
    {
        if let Some(inner) = np_forward(words, k + 1).filter(|n| n.end <= k + 6) {
            let quantity = words.get(k - 1).is_some_and(|w| is_quantity(&w.low));
            np.end = inner.end;
            if quantity {
                np.head = inner.head;
            }
        }
    }
    Some(np)
}

/// The noun phrase that ends just before word `end`.
pub(crate) fn np_backward(words: &[Word], end: usize) -> Option<Np> {
    let mut k = end;
    let lo = end.saturating_sub(7);
    while k > lo && words.get(k - 1).is_some_and(np_word) {
        k -= 1;
    }
    // A verb-like first word is the verb before the phrase ("prompting Norland's leaders"),
    // unless a determiner, number or "of" comes before it: then it is an adjective ("a group
    // of retired miners", "the injured men").
    let adjective = k > 0
        && words
            .get(k - 1)
            .is_some_and(|w| is_det(&w.low) || w.low == "of" || w.kind == TokenKind::Number);
    while !adjective && k + 1 < end && words.get(k).is_some_and(verbish) {
        k += 1;
    }
    while k > 0 && k > lo && words.get(k - 1).is_some_and(|w| is_det(&w.low)) {
        k -= 1;
    }
    // Nothing but determiners or verb-like words: no phrase.
    if k >= end
        || words
            .get(end - 1)
            .is_some_and(|w| is_det(&w.low) || verbish(w))
    {
        return None;
    }
    let mut np = Np {
        start: k,
        end,
        head: end - 1,
    };
    // "hundreds of miners", "members of the team": one "of" further back.
    if k >= 2 && words.get(k - 1).is_some_and(|w| w.low == "of") {
        if let Some(outer) = np_backward(words, k - 1).filter(|n| n.start + 6 >= k) {
            let quantity = words.get(outer.head).is_some_and(|w| is_quantity(&w.low));
            if !quantity {
                np.head = outer.head;
            }
            np.start = outer.start;
        }
    }
    Some(np)
}
