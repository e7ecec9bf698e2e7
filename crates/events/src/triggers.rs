//! Trigger words and phrases: which words of a sentence name an event, of which PLOVER type
//! and mode, and whether a trigger reads as a noun or a verb.

use newsgraph_doc::{EventType, TokenKind};

use crate::lexicon::{self, Lexicon, Sense};
use crate::{chunk, number_word, word, Word};

pub(crate) fn trigger_sense(words: &[Word], i: usize, lexicon: &Lexicon) -> Option<Sense> {
    let w = word(words, i);
    let prev = if i > 0 { word(words, i - 1) } else { "" };
    let next = word(words, i + 1);
    // Two-word triggers.
    // "opened fire", "exchanged fire", "traded gunfire": shooting.
    if (w == "fire" && prev.starts_with("open"))
        || (matches!(w, "fire" | "gunfire" | "shots" | "artillery" | "blows")
            && matches!(
                prev,
                "exchanged" | "exchange" | "exchanges" | "exchanging" | "traded" | "trade"
            ))
    {
        return Some(Sense {
            kind: EventType::Assault,
            mode: Some("firearms"),
        });
    }
    if w == "call" && matches!(prev, "phone" | "telephone" | "video") {
        return Some(Sense {
            kind: EventType::Consult,
            mode: Some("phone"),
        });
    }
    // "called off the strike", "ended their boycott": suspending a protest is a concession
    // (PLOVER CONCEDE).
    if (matches!(w, "call" | "called" | "calls" | "calling") && next == "off")
        || matches!(w, "ended" | "suspended" | "halted" | "abandoned")
    {
        let protest = (i + 1..i + 5).any(|j| {
            matches!(
                word(words, j),
                "strike"
                    | "strikes"
                    | "protest"
                    | "protests"
                    | "boycott"
                    | "boycotts"
                    | "march"
                    | "rally"
                    | "demonstration"
                    | "demonstrations"
                    | "sit-in"
                    | "walkout"
            )
        });
        if protest {
            return Some(Sense {
                kind: EventType::Concede,
                mode: None,
            });
        }
    }
    // "called up 300,000 reservists": a mobilisation.
    if matches!(w, "call" | "called" | "calls" | "calling")
        && next == "up"
        && (i + 2..i + 5).any(|j| {
            matches!(
                word(words, j),
                "reservists" | "reserves" | "troops" | "soldiers" | "conscripts" | "fighters"
            )
        })
    {
        return Some(Sense {
            kind: EventType::Mobilize,
            mode: None,
        });
    }
    if w == "call" || w == "called" || w == "calls" || w == "calling" {
        if next == "on" || next == "for" {
            return Some(Sense {
                kind: EventType::Request,
                mode: None,
            });
        }
        // "called the ruling “a disgrace”": a condemnation; "called it “a historic step”": praise.
        let quoted = (i + 1..(i + 8).min(words.len()))
            .find(|&j| words.get(j).is_some_and(|x| x.kind == TokenKind::Quote));
        if let Some(q) = quoted {
            let verdict = (q + 1..(q + 12).min(words.len())).find_map(|j| {
                let x = word(words, j);
                if lexicon::is_condemning(x) {
                    Some(EventType::Accuse)
                } else if lexicon::is_praising(x) {
                    Some(EventType::Support)
                } else {
                    None
                }
            });
            return verdict.map(|kind| Sense { kind, mode: None });
        }
        return None;
    }
    if w == "fired" && (next == "on" || next == "at") {
        return Some(Sense {
            kind: EventType::Assault,
            mode: Some("firearms"),
        });
    }
    if (w == "launched" || w == "launch" || w == "launches") && {
        let n2 = word(words, i + 2);
        [
            "missiles",
            "rockets",
            "drones",
            "attack",
            "attacks",
            "strikes",
            "offensive",
        ]
        .iter()
        .any(|x| *x == next || *x == n2)
    } {
        let n2 = word(words, i + 2);
        let mode = if next == "drones" || n2 == "drones" {
            Some("drone")
        } else if matches!(next, "missiles" | "rockets") || matches!(n2, "missiles" | "rockets") {
            Some("heavy-weapons")
        } else {
            None
        };
        return Some(Sense {
            kind: EventType::Assault,
            mode,
        });
    }
    let n2 = word(words, i + 2);
    let n3 = word(words, i + 3);
    let sense_of = |kind, mode| Some(Sense { kind, mode });
    // "walked out", "walked out of the talks" (not "walked out of prison").
    let meeting = |x: &str| {
        matches!(
            x,
            "talks"
                | "summit"
                | "meeting"
                | "session"
                | "negotiations"
                | "parliament"
                | "chamber"
                | "conference"
                | "hearing"
                | "assembly"
                | "debate"
        )
    };
    if matches!(w, "walked" | "walk" | "walks" | "walking")
        && next == "out"
        && (n2 != "of" || meeting(n3) || meeting(word(words, i + 4)))
    {
        return sense_of(EventType::Protest, Some("demo"));
    }
    // "launched joint patrols", "a joint investigation": cooperation.
    let joint_act = |x: &str| {
        matches!(
            x,
            "patrols"
                | "patrol"
                | "operation"
                | "operations"
                | "investigation"
                | "investigations"
                | "exercises"
                | "exercise"
                | "drills"
                | "manoeuvres"
                | "maneuvers"
                | "inquiry"
                | "probe"
                | "mission"
                | "missions"
        )
    };
    // "launched joint patrols", "a joint investigation", "will hold joint naval exercises":
    // cooperation.
    if w == "joint" && (joint_act(next) || (joint_act(n2) && !chunk::is_stop_word(next))) {
        return sense_of(EventType::Cooperate, None);
    }
    // "cut diplomatic ties with Sudria", "broke off relations": a sanction.
    if matches!(
        w,
        "cut" | "cuts" | "cutting" | "broke" | "break" | "breaks" | "breaking" | "suspended"
    ) && (i + 1..(i + 4).min(words.len()))
        .any(|j| matches!(word(words, j), "ties" | "relations"))
        && !(i + 1..(i + 4).min(words.len())).any(|j| matches!(word(words, j), "to" | "in"))
    {
        return sense_of(EventType::Sanction, None);
    }
    // "shared intelligence on smuggling networks": cooperation.
    if matches!(
        w,
        "shared" | "share" | "shares" | "sharing" | "exchanged" | "exchange"
    ) && (i + 1..(i + 3).min(words.len())).any(|j| {
        matches!(
            word(words, j),
            "intelligence" | "information" | "data" | "expertise" | "technology" | "know-how"
        )
    }) {
        return sense_of(EventType::Cooperate, None);
    }
    // "returned 18 prisoners to Norland": giving back people or land.
    if matches!(
        w,
        "returned" | "return" | "returns" | "returning" | "handed" | "hands" | "hand"
    ) && (i + 1..(i + 5).min(words.len())).any(|j| {
        matches!(
            word(words, j),
            "prisoners"
                | "hostages"
                | "detainees"
                | "captives"
                | "bodies"
                | "remains"
                | "territory"
                | "soldiers"
        )
    }) {
        return sense_of(EventType::Retreat, Some("release"));
    }
    // "said Sudria was responsible for the blast", "had committed war crimes": an
    // allegation, which the speaker makes.
    if w == "responsible" && next == "for" && matches!(prev, "was" | "were" | "is" | "are" | "been")
    {
        return sense_of(EventType::Accuse, Some("allege"));
    }
    if matches!(w, "committed" | "committing")
        && (i + 1..(i + 4).min(words.len())).any(|j| {
            matches!(
                word(words, j),
                "crimes" | "atrocities" | "genocide" | "abuses" | "massacres" | "massacre"
            )
        })
    {
        return sense_of(EventType::Accuse, Some("allege"));
    }
    // "its backing for the bid", "their full backing": support, as a noun.
    if w == "backing"
        && matches!(
            prev,
            "its" | "their" | "his" | "her" | "our" | "'s" | "'" | "full" | "strong" | "firm"
        )
    {
        return sense_of(EventType::Support, None);
    }
    // "pulled its soldiers out of Sudria".
    if matches!(w, "pulled" | "pull" | "pulls" | "pulling")
        && (i + 2..(i + 5).min(words.len())).any(|j| word(words, j) == "out")
    {
        return sense_of(EventType::Retreat, Some("withdraw"));
    }
    // "phoned his Sudrian counterpart" (not "said by telephone").
    if matches!(w, "phoned" | "telephoned" | "phoning" | "telephoning") {
        return sense_of(EventType::Consult, Some("phone"));
    }
    // "worked with Sudrian officials", "joined forces with the army": cooperation.
    if (matches!(w, "worked" | "working" | "work" | "works") && next == "with")
        || (matches!(w, "joined" | "join" | "joins" | "joining")
            && next == "forces"
            && n2 == "with")
    {
        return sense_of(EventType::Cooperate, None);
    }
    // "walked off the job": a strike.
    if matches!(w, "walked" | "walk" | "walks" | "walking")
        && next == "off"
        && (matches!(n2, "work" | "duty") || (n2 == "the" && matches!(n3, "job" | "jobs")))
    {
        return sense_of(EventType::Protest, Some("strike"));
    }
    // "traders shut their shops in protest", "vendors closed their stalls against the levy":
    // a strike.
    if matches!(
        w,
        "shut" | "shuts" | "shutting" | "shuttered" | "closed" | "close" | "closes" | "closing"
    ) && (i + 1..(i + 4).min(words.len())).any(|j| {
        matches!(
            word(words, j),
            "shops" | "businesses" | "stores" | "stalls" | "markets" | "offices" | "factories"
        )
    }) && (i + 1..(i + 12).min(words.len())).any(|j| {
        let (a, b) = (word(words, j), word(words, j + 1));
        (matches!(a, "in" | "to") && matches!(b, "protest" | "solidarity" | "demand" | "denounce"))
            || matches!(
                a,
                "protesting" | "against" | "demanding" | "strike" | "boycott" | "walkout"
            )
    }) {
        return sense_of(EventType::Protest, Some("strike"));
    }
    // "raised the issue with Velgrad": a consultation.
    if matches!(w, "raised" | "raise" | "raises" | "raising")
        && matches!(next, "the" | "its" | "their" | "his" | "her" | "our")
        && matches!(
            n2,
            "matter" | "issue" | "case" | "concerns" | "concern" | "question"
        )
        && n3 == "with"
    {
        return sense_of(EventType::Consult, None);
    }
    // "pulled 12 miners from the rubble": a rescue.
    if matches!(w, "pulled" | "pull" | "pulls" | "pulling")
        && (i + 2..(i + 7).min(words.len())).any(|j| {
            word(words, j) == "from"
                && matches!(
                    word(words, j + 2),
                    "water" | "sea" | "rubble" | "wreckage" | "river" | "debris" | "ruins"
                )
        })
    {
        return sense_of(EventType::Aid, None);
    }
    // "fired first on its outposts", "fired back at the raiders".
    if w == "fired"
        && matches!(next, "first" | "back" | "again" | "repeatedly")
        && matches!(n2, "on" | "at")
    {
        return sense_of(EventType::Assault, Some("firearms"));
    }
    if matches!(w, "pulled" | "pull" | "pulls" | "pulling") && matches!(next, "out" | "back") {
        return sense_of(EventType::Retreat, None);
    }
    if matches!(w, "ruled" | "rule" | "rules" | "ruling") && next == "out" {
        return sense_of(EventType::Reject, None);
    }
    if matches!(w, "cracked" | "crack" | "cracks" | "cracking") && next == "down" {
        return sense_of(EventType::Coerce, None);
    }
    if matches!(w, "blew" | "blow" | "blows" | "blowing") && next == "up" {
        return sense_of(EventType::Assault, Some("explosives"));
    }
    if matches!(w, "turned" | "turn" | "turns" | "turning") && next == "down" {
        return sense_of(EventType::Reject, None);
    }
    // "hurled stones", "threw petrol bombs", "pelted police with bottles": objects thrown at
    // people.
    if matches!(
        w,
        "threw"
            | "throw"
            | "throws"
            | "throwing"
            | "hurled"
            | "hurl"
            | "hurls"
            | "hurling"
            | "lobbed"
            | "lob"
            | "lobbing"
            | "pelted"
            | "pelting"
            | "flung"
    ) && (i + 1..(i + 5).min(words.len())).any(|j| is_projectile(word(words, j)))
    {
        let explosive = (i + 1..(i + 5).min(words.len())).any(|j| {
            matches!(
                word(words, j),
                "grenade" | "grenades" | "explosives" | "explosive"
            )
        });
        return sense_of(
            EventType::Assault,
            Some(if explosive { "explosives" } else { "primitive" }),
        );
    }
    let ammo = |x: &str| {
        matches!(
            x,
            "tear"
                | "rounds"
                | "bullets"
                | "shots"
                | "rockets"
                | "missiles"
                | "shells"
                | "live"
                | "rubber"
                | "water"
        )
    };
    if matches!(w, "fired" | "fire" | "fires" | "firing") && (ammo(next) || ammo(n2) || ammo(n3)) {
        // The weapon gives the mode: tear gas, heavy weapons, or guns.
        let said = [next, n2, n3];
        let mode = if said
            .iter()
            .any(|x| matches!(*x, "tear" | "rubber" | "water"))
        {
            "crowd-control"
        } else if said
            .iter()
            .any(|x| matches!(*x, "rockets" | "missiles" | "shells"))
        {
            "heavy-weapons"
        } else {
            "firearms"
        };
        return sense_of(EventType::Assault, Some(mode));
    }
    if w == "strike" || w == "strikes" {
        let labour = prev.ends_with("day")
            || matches!(
                prev,
                "general" | "on" | "national" | "nationwide" | "called" | "hunger"
            )
            || matches!(next, "action" | "by");
        if labour {
            let mode = if prev == "hunger" { "hunger" } else { "strike" };
            return sense_of(EventType::Protest, Some(mode));
        }
    }
    if matches!(w, "send" | "sends" | "sent" | "sending") {
        // "sent two aircraft", "will send aid": help in kind, not a letter or a message.
        let sent = (i + 1..i + 4).any(|j| {
            let x = word(words, j);
            number_word(x).is_some_and(|n| n > 1)
                || matches!(
                    x,
                    "aid"
                        | "troops"
                        | "soldiers"
                        | "aircraft"
                        | "helicopters"
                        | "planes"
                        | "ships"
                        | "experts"
                        | "teams"
                        | "doctors"
                        | "firefighters"
                        | "supplies"
                        | "food"
                        | "medicine"
                        | "medicines"
                        | "equipment"
                        | "weapons"
                        | "reinforcements"
                        | "rescuers"
                        | "assistance"
                        | "officers"
                        | "peacekeepers"
                        | "personnel"
                        | "medics"
                        | "engineers"
                        | "vessels"
                        | "tents"
                        | "vaccines"
                        | "fuel"
                        | "funds"
                )
        });
        return sent.then_some(Sense {
            kind: EventType::Aid,
            mode: None,
        });
    }
    // "asking not to be quoted", "asked to remain anonymous".
    if matches!(w, "asked" | "asking") && (next == "not" || (next == "to" && n2 == "remain")) {
        return None;
    }
    // "placed on high alert", "a state of emergency", "a phone call", "blocked roads",
    // "moved tanks towards the frontier".
    if w == "alert" && matches!(prev, "high" | "maximum" | "full" | "heightened") {
        return sense_of(EventType::Mobilize, None);
    }
    if w == "emergency" && prev == "of" && i >= 2 && word(words, i - 2) == "state" {
        return sense_of(EventType::Coerce, None);
    }
    if w == "call" && matches!(prev, "phone" | "telephone" | "video") {
        return sense_of(EventType::Consult, None);
    }
    if matches!(w, "block" | "blocked" | "blocking" | "blocks") {
        let road = (i + 1..i + 4).any(|j| {
            matches!(
                word(words, j),
                "road"
                    | "roads"
                    | "highway"
                    | "highways"
                    | "streets"
                    | "street"
                    | "access"
                    | "bridge"
                    | "bridges"
                    | "entrance"
                    | "traffic"
            )
        });
        // "blocked the sanctions package", "blocked a resolution": a veto.
        let proposal = (i + 1..i + 5).any(|j| {
            matches!(
                word(words, j),
                "proposal"
                    | "proposals"
                    | "package"
                    | "resolution"
                    | "bill"
                    | "plan"
                    | "deal"
                    | "agreement"
                    | "measure"
                    | "motion"
                    | "bid"
                    | "appointment"
                    | "nomination"
                    | "statement"
                    | "declaration"
            )
        });
        if proposal && !road {
            return sense_of(EventType::Reject, None);
        }
        return Some(if road {
            Sense {
                kind: EventType::Protest,
                mode: Some("obstruct"),
            }
        } else {
            Sense {
                kind: EventType::Coerce,
                mode: None,
            }
        });
    }
    if matches!(
        w,
        "moved" | "move" | "moves" | "moving" | "massed" | "amassed"
    ) {
        let troops = (i + 1..i + 5).any(|j| {
            matches!(
                word(words, j),
                "troops"
                    | "units"
                    | "tanks"
                    | "forces"
                    | "soldiers"
                    | "battalions"
                    | "warships"
                    | "reinforcements"
                    | "artillery"
            )
        });
        return troops.then_some(Sense {
            kind: EventType::Mobilize,
            mode: None,
        });
    }
    // "used tear gas", "used water cannon against protesters": force on a crowd.
    if matches!(w, "used" | "use" | "uses" | "using")
        && (i + 1..i + 4).any(|j| {
            matches!(
                word(words, j),
                "tear" | "water" | "batons" | "rubber" | "force" | "pepper" | "stun"
            )
        })
    {
        return sense_of(EventType::Assault, Some("crowd-control"));
    }
    // "provided $10 million in aid", "approved a loan", "gave 500 tonnes of food": help.
    if matches!(
        w,
        "provided"
            | "provide"
            | "provides"
            | "providing"
            | "approved"
            | "approve"
            | "approves"
            | "gave"
            | "give"
            | "gives"
            | "giving"
            | "delivered"
            | "deliver"
            | "delivers"
            | "received"
            | "receive"
            | "receives"
            | "receiving"
            | "accepted"
            | "accept"
            | "accepts"
            | "supplied"
            | "supply"
            | "supplies"
            | "allocated"
            | "granted"
            | "grant"
    ) {
        let help = (i + 1..i + 8).any(|j| {
            matches!(
                word(words, j),
                "aid"
                    | "assistance"
                    | "funding"
                    | "funds"
                    | "loan"
                    | "loans"
                    | "grant"
                    | "grants"
                    | "food"
                    | "supplies"
                    | "medicine"
                    | "medicines"
                    | "vaccines"
                    | "weapons"
                    | "arms"
                    | "ammunition"
                    | "equipment"
                    | "shelter"
                    | "asylum"
                    | "relief"
                    | "tents"
                    | "fuel"
            )
        });
        // "received aid" alone does not name the giver: only "received X from Y" is kept.
        let converse = w.starts_with("receiv") || w.starts_with("accept");
        if converse && !(i + 1..i + 8).any(|j| word(words, j) == "from") {
            return None;
        }
        // "approved a budget": only an approved sum is help.
        let sum = !w.starts_with("approv")
            || (i + 1..i + 5)
                .any(|j| matches!(word(words, j), "$" | "€" | "£" | "million" | "billion"));
        return (help && sum).then_some(Sense {
            kind: EventType::Aid,
            mode: None,
        });
    }
    if matches!(w, "treat" | "treats" | "treated" | "treating") {
        // "medics treated the wounded": care for the hurt is humanitarian help.
        let hurt = (i + 1..i + 4).any(|j| {
            matches!(
                word(words, j),
                "wounded" | "injured" | "casualties" | "victims" | "survivors" | "patients"
            )
        });
        return hurt.then_some(Sense {
            kind: EventType::Aid,
            mode: None,
        });
    }
    if matches!(w, "lend" | "lends" | "lent" | "lending") {
        // "will lend $300 million": a loan; "lend the group its support" is support.
        let money = (i + 1..i + 4).any(|j| {
            let x = word(words, j);
            matches!(x, "$" | "€" | "£" | "money" | "funds" | "loans")
                || number_word(x).is_some_and(|n| n > 1)
        });
        return money.then_some(Sense {
            kind: EventType::Aid,
            mode: None,
        });
    }
    // "meet its obligations", "met the deadline": no meeting.
    if matches!(w, "meet" | "meets" | "met" | "meeting")
        && matches!(
            next,
            "its" | "their" | "the" | "this" | "that" | "our" | "his" | "her"
        )
        && (i + 2..i + 5).any(|j| {
            matches!(
                word(words, j),
                "obligations"
                    | "obligation"
                    | "deadline"
                    | "deadlines"
                    | "demands"
                    | "needs"
                    | "targets"
                    | "target"
                    | "expectations"
                    | "criteria"
                    | "requirements"
                    | "standards"
                    | "costs"
                    | "goals"
                    | "commitments"
                    | "conditions"
            )
        })
    {
        return None;
    }
    // "recalled its ambassador": a downgrade of relations, not a memory.
    if matches!(w, "recalled" | "recall" | "recalls" | "recalling") {
        let envoy = (i + 1..i + 4).any(|j| {
            matches!(
                word(words, j),
                "ambassador" | "ambassadors" | "envoy" | "envoys" | "diplomats" | "diplomat"
            )
        });
        return envoy.then_some(Sense {
            kind: EventType::Sanction,
            mode: None,
        });
    }
    // "took 240 hostages", "seized hostages": an abduction.
    if w == "hostages"
        && (i >= 2)
        && (1..=3).any(|k| {
            matches!(
                word(words, i - k),
                "took" | "take" | "taking" | "taken" | "seized" | "held" | "holding"
            )
        })
    {
        return Some(Sense {
            kind: EventType::Assault,
            mode: Some("abduct"),
        });
    }
    if w == "deal" && matches!(next, "with" | "a") {
        return None;
    }
    let sense = lexicon.get(w)?;
    // A capitalised trigger mid-sentence is most likely part of a name ("Operation Storm").
    let raw = words.get(i).map(|x| x.raw).unwrap_or("");
    if i > 0 && raw.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // "a strike" nouns after determiners are kept; infinitive after "to" kept.
    // Auxiliary-like uses: "back" as adverb ("came back", "back to").
    if w == "back" && !matches!(next, "the" | "a" | "an") {
        return None;
    }
    if sense.kind == EventType::Support && (next == "for" && w == "support") {
        // "support for X" is a nominal: keep.
        return Some(sense);
    }
    Some(sense)
}

/// Objects thrown at people in a riot or a clash.
fn is_projectile(w: &str) -> bool {
    matches!(
        w,
        "stones"
            | "stone"
            | "rocks"
            | "rock"
            | "bottles"
            | "bottle"
            | "bricks"
            | "brick"
            | "firebombs"
            | "firebomb"
            | "petrol"
            | "molotov"
            | "fireworks"
            | "firecrackers"
            | "flares"
            | "projectiles"
            | "objects"
            | "debris"
            | "grenade"
            | "grenades"
            | "explosives"
            | "chairs"
            | "eggs"
            | "paving"
            | "cobblestones"
    )
}

/// True when the trigger at `i` reads as a noun ("the attack", "the Front's assault", "Norlandic
/// airstrikes") rather than a verb.
pub(crate) fn is_nominal(words: &[Word], i: usize, noun: bool) -> bool {
    // "joint patrols": the trigger is the modifier of a noun.
    if noun || word(words, i) == "joint" {
        return true;
    }
    if i == 0 {
        return false;
    }
    let prev = word(words, i - 1);
    let w = word(words, i);
    if matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "in"
            | "into"
            | "after"
            | "before"
            | "during"
            | "amid"
            | "following"
            | "despite"
            | "against"
            | "from"
            | "without"
            | "under"
            | "about"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "'s"
            | "'"
            | "this"
            | "that"
            | "these"
            | "those"
            | "any"
            | "no"
            | "further"
            | "of"
            | "on"
            | "new"
            | "fresh"
            | "military"
            | "deadly"
            | "heaviest"
            | "latest"
            | "first"
            // "air strikes", "drone strikes".
            | "air"
            | "drone"
            | "missile"
            | "rocket"
            | "artillery"
    ) {
        return true;
    }
    let p = words.get(i - 1);
    if p.is_some_and(|p| p.kind == TokenKind::Number) {
        return true;
    }
    // "Norlandic strikes" is a noun; "the Union froze payments" a verb in the past.
    let past = matches!(
        w,
        "struck"
            | "shot"
            | "fought"
            | "met"
            | "withdrew"
            | "froze"
            | "overran"
            | "lent"
            | "sent"
            | "took"
            | "held"
            | "led"
            | "began"
            | "threw"
            | "hit"
            | "drew"
            | "gave"
            | "sought"
            | "broke"
            | "stole"
            | "beat"
            | "bought"
            | "brought"
            | "told"
            | "spoke"
            | "won"
            | "left"
            | "shut"
    );
    // "its full and lasting support": adjectives back to a determiner.
    // ("The army withdrew its troops": a verb in the past, not a noun.)
    if !w.ends_with("ed") && !past {
        for j in (i.saturating_sub(5)..i).rev() {
            let x = word(words, j);
            if j + 1 < i
                && matches!(
                    x,
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
                )
            {
                return true;
            }
            let adjective = words.get(j).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.raw.starts_with(char::is_lowercase)
                    && !chunk::is_stop_word(x)
                    && !chunk::is_det_word(x)
                    && !x.ends_with("ed")
            });
            let link = j + 1 < i && (x == "and" || x == ",");
            if !(adjective || link) {
                break;
            }
        }
    }
    i >= 2
        && !w.ends_with("ed")
        && !past
        && p.is_some_and(|p| p.raw.starts_with(char::is_uppercase) && p.kind == TokenKind::Word)
}

/// Verbs whose object is the thing given and whose target is the recipient.
pub(crate) fn is_theme_verb(w: &str) -> bool {
    let stem = w
        .strip_suffix("ed")
        .or_else(|| w.strip_suffix("ing"))
        .or_else(|| w.strip_suffix('s'))
        .unwrap_or(w);
    matches!(
        stem,
        "send"
            | "sent"
            | "offer"
            | "contribut"
            | "contribute"
            | "donat"
            | "donate"
            | "pledg"
            | "pledge"
            | "promis"
            | "promise"
            | "deploy"
            | "provid"
            | "provide"
            | "suppli"
            | "supply"
            | "loan"
            | "gave"
            | "give"
            | "deliver"
    )
}

/// Verbs that take an event noun as object and lend it their subject ("launched an attack").
pub(crate) fn is_light_verb(w: &str) -> bool {
    let stem = w
        .strip_suffix("ed")
        .or_else(|| w.strip_suffix("ing"))
        .or_else(|| w.strip_suffix('s'))
        .unwrap_or(w);
    matches!(
        stem,
        "launch"
            | "went"
            | "go"
            | "goe"
            | "gone"
            | "clos"
            | "close"
            | "end"
            | "conclud"
            | "conclude"
            | "conven"
            | "convene"
            | "lend"
            | "lent"
            | "trad"
            | "trade"
            | "exchang"
            | "exchange"
            | "carri"
            | "carry"
            | "conduct"
            | "stag"
            | "stage"
            | "mount"
            | "engag"
            | "engage"
            | "wag"
            | "wage"
            | "open"
            | "impos"
            | "impose"
            | "call"
            | "claim"
            | "step"
            | "stepp"
            | "intensifi"
            | "intensify"
            | "continu"
            | "continue"
            | "resum"
            | "resume"
            | "announc"
            | "announce"
            | "order"
            | "organis"
            | "organise"
            | "organiz"
            | "organize"
            | "join"
            | "began"
            | "begin"
            | "start"
            | "held"
            | "hold"
            | "led"
            | "lead"
            | "lift"
            | "extend"
            | "expand"
            | "escalat"
            | "escalate"
            | "issu"
            | "issue"
            | "lodg"
            | "lodge"
            | "fil"
            | "file"
            | "express"
            | "offer"
            | "made"
            | "make"
            | "gave"
            | "give"
            | "provid"
            | "provide"
            | "sent"
            | "send"
            | "host"
            | "attend"
    )
}
