//! Names the tagger left out or could not type: acronyms standing alone ("the NHS"), outlets
//! named on "news", persons known only by the verb they are subject of or their age ("X died", "X, 31,"), names
//! after or before a noun that says what they are ("the border agency X", "the town of X",
//! "the X union"), and untagged repeats of names found elsewhere in the article.

use newsgraph_doc::EntityType;
use newsgraph_ner::{rules::is_title, Label};

use crate::names::{
    cap_word, common_noun, is_named_org_noun, is_org_cue, is_place_noun, is_romance_connector,
    Cand, Ctx, Source, NO_UNIT,
};
use crate::words;

/// Whether what follows token `t1 - 1` shows a person: a verb whose subject is a person
/// ("died", "thought", "wrote", "was born") or an age in apposition ("X, 31," "X, now 31,"),
/// in the same unit.
pub(crate) fn person_verb_after(ctx: &Ctx<'_>, t1: usize) -> bool {
    if t1 == 0 || ctx.unit(t1) != ctx.unit(t1 - 1) {
        return false;
    }
    let next = ctx.s(t1);
    let age = |w: &str| {
        (1..=3).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_digit())
            && w.parse::<u32>().is_ok_and(|n| n <= 120)
    };
    [
        "argued",
        "believed",
        "believes",
        "died",
        "explained",
        "insisted",
        "recalled",
        "thinks",
        "thought",
        "wrote",
    ]
    .contains(&next)
        || born_after(ctx, t1)
        || next == ","
            && (age(ctx.s(t1 + 1)) && ctx.s(t1 + 2) == ","
                || matches!(ctx.s(t1 + 1), "now" | "aged") && age(ctx.s(t1 + 2)))
}

/// Whether "was born" or "is born" follows token `t1 - 1`: a person, even when the name is also
/// a common word ("X was born in 1832").
fn born_after(ctx: &Ctx<'_>, t1: usize) -> bool {
    matches!(ctx.s(t1), "was" | "is") && ctx.s(t1 + 1) == "born"
}

/// English words made on "news" that name no outlet ("Newspaper", "Newsroom").
const NEWS_WORDS: &[&str] = &[
    "newsagent",
    "newsagents",
    "newscast",
    "newscaster",
    "newscasts",
    "newsfeed",
    "newsfeeds",
    "newsflash",
    "newsgroup",
    "newsgroups",
    "newsletter",
    "newsletters",
    "newsman",
    "newsmen",
    "newspaper",
    "newspapers",
    "newsprint",
    "newsreader",
    "newsreel",
    "newsreels",
    "newsroom",
    "newsrooms",
    "newsstand",
    "newsstands",
    "newsworthy",
];

/// Whether the one-word name `w` is made on "news", as the names of news outlets are
/// ("Euronews", "Newsday"): capitalised, "news" inside one word with other letters, and no
/// English word such as "Newspaper".
pub(crate) fn outlet_word(w: &str) -> bool {
    let lower_rest = |r: &str| r.len() >= 2 && r.bytes().all(|b| b.is_ascii_lowercase());
    words::capitalised(w)
        && (w
            .strip_suffix("news")
            .is_some_and(|r| r.len() >= 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
            || w.strip_prefix("News").is_some_and(lower_rest))
        && !NEWS_WORDS.iter().any(|x| words::is(w, x))
}

/// A capitalised word the tagger left out, standing alone before a verb whose subject is a
/// person ("X thought", "X died"), is a person's name, unless it is a common word or a name the
/// knowledge base knows as something else.
pub(crate) fn add_person_subjects(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    for (i, s) in ctx.strs.iter().enumerate() {
        if covered.get(i).copied().unwrap_or(true)
            || ctx.unit(i) == NO_UNIT
            || !ctx.is_word(i)
            || ctx.caps_unit(i)
            || s.len() < 3
            || !words::capitalised(s)
            || words::all_caps(s)
            || !person_verb_after(ctx, i + 1)
            || words::is_not_name(s)
            || is_title(s)
            || common_noun(ctx, s)
            || ctx.demonym(s).is_some()
            || ctx.kb.lookup_cased(s).next().is_some()
            || ctx.common_word(s) && !born_after(ctx, i + 1)
            || out.iter().any(|c| c.t0 <= i && i < c.t1)
        {
            continue;
        }
        let unit = ctx.unit(i);
        if i > 0 && ctx.unit(i - 1) == unit && cap_word(ctx, i - 1) && !ctx.opens_unit(i - 1) {
            continue;
        }
        out.push(Cand::new(
            ctx.span(i),
            i,
            i + 1,
            EntityType::Person,
            Source::Tagger(Label::Per),
        ));
    }
}

/// News outlets named on "news" ([`outlet_word`]) and well-known organisations
/// ([`crate::known::org`]) that the tagger left out: organisations.
pub(crate) fn add_outlets(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    for (i, s) in ctx.strs.iter().enumerate() {
        if covered.get(i).copied().unwrap_or(true)
            || ctx.unit(i) == NO_UNIT
            || !ctx.is_word(i)
            || !(outlet_word(s) || crate::known::org(s))
            || out.iter().any(|c| c.t0 <= i && i < c.t1)
        {
            continue;
        }
        out.push(Cand {
            strong: true,
            ..Cand::new(
                ctx.span(i),
                i,
                i + 1,
                EntityType::Org,
                Source::Tagger(Label::Org),
            )
        });
    }
}

/// Whether `w` reads as an acronym name: two to six capital letters (an inner "&" allowed),
/// neither a Roman numeral nor the acronym of a common noun ("CEO", "TV"), nor a common word
/// written in capitals for emphasis ("FIRST").
pub(crate) fn acronym_shape(ctx: &Ctx<'_>, w: &str) -> bool {
    let n = w.len();
    (2..=6).contains(&n)
        && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
        && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && w.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && !w.bytes().all(|b| b"IVXLC".contains(&b))
        && !words::is_common_acronym(w)
        && !ctx.common_word(w)
}

/// Acronyms the tagger left out ("the NHS", "BA and IAG") are organisations: in news, a
/// capitalised acronym standing alone in ordinary text names one far more often than not.
/// Two letters after a place and a comma ("Paramus, NJ") are a state's code, a place.
/// Only in text not written in capitals, and not next to another capitalised word (it may be
/// part of a longer name there).
pub(crate) fn add_acronyms(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    for (i, s) in ctx.strs.iter().enumerate() {
        if covered.get(i).copied().unwrap_or(true)
            || ctx.unit(i) == NO_UNIT
            || !ctx.is_word(i)
            || ctx.caps_unit(i)
            || !acronym_shape(ctx, s)
            || out.iter().any(|c| c.t0 <= i && i < c.t1)
        {
            continue;
        }
        let unit = ctx.unit(i);
        let cap_next = |j: usize| ctx.unit(j) == unit && cap_word(ctx, j);
        if cap_next(i + 1) || (i > 0 && !ctx.opens_unit(i - 1) && cap_next(i - 1)) {
            continue;
        }
        // "Paramus, NJ": two letters after a place and a comma are its state's code.
        let state = s.len() == 2
            && i >= 2
            && ctx.s(i - 1) == ","
            && out
                .iter()
                .any(|c| c.t1 == i - 1 && crate::names::is_place(c.ty) && ctx.unit(c.t0) == unit);
        let (ty, label) = if state {
            (EntityType::Gpe, Label::Loc)
        } else {
            (EntityType::Org, Label::Org)
        };
        out.push(Cand::new(ctx.span(i), i, i + 1, ty, Source::Tagger(label)));
    }
}

/// A run of capitalised words the tagger left out right after a lower-case noun for an
/// organisation ("the border agency X", "the charity X Y", "telecoms operator X"), or between
/// "the" and such a noun ("the X news agency", "the X union"), names that organisation; one
/// after "the town of", "residents of" names a place.
pub(crate) fn add_cued_orgs(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    let n = ctx.toks.len();
    let mut i = 1;
    while i < n {
        let free = |j: usize| !covered.get(j).copied().unwrap_or(true);
        // Cheap tests first: an untagged capitalised word.
        if !free(i) || !words::capitalised(ctx.s(i)) {
            i += 1;
            continue;
        }
        let before = ctx.s(i - 1);
        let cue = !words::capitalised(before) && (words::is_org_noun(before) || is_org_cue(before));
        // "the town of X": a place.
        let place_cue = before == "of" && i >= 2 && is_place_noun(ctx.s(i - 2));
        // "a village near X", "a camp outside X": a single word no list knows, not a
        // possessor ("near X's home"), is a place.
        let near_cue = matches!(before, "near" | "outside")
            && !ctx.common_word(ctx.s(i))
            && !ctx.gaz.is_first_name(ctx.s(i))
            && !matches!(ctx.s(i + 1), "'s" | "’s" | "'" | "’")
            && !ctx.s(i + 1).starts_with(|c: char| c.is_ascii_digit())
            && ctx.unit(i + 1) == ctx.unit(i)
            && !cap_word(ctx, i + 1);
        let place_cue = place_cue || near_cue;
        if !(cue || place_cue || before == "the")
            || ctx.unit(i) == NO_UNIT
            || ctx.unit(i - 1) != ctx.unit(i)
            || ctx.caps_unit(i)
            || !free(i)
            || !cap_word(ctx, i)
            || is_title(ctx.s(i))
            || ctx.demonym(ctx.s(i)).is_some()
        {
            i += 1;
            continue;
        }
        let unit = ctx.unit(i);
        let mut j = i;
        while j < i + 6 && ctx.unit(j) == unit && free(j) {
            if cap_word(ctx, j) {
                j += 1;
            } else if is_romance_connector(ctx.s(j))
                && ctx.unit(j + 1) == unit
                && free(j + 1)
                && cap_word(ctx, j + 1)
            {
                j += 2; // "Jornal da X"
            } else {
                break;
            }
        }
        // Or "the X news agency", "the X union": the noun after the run.
        let after = if ctx.s(j) == "news" { j + 1 } else { j };
        let after_cue = ctx.unit(after) == unit && is_named_org_noun(ctx.s(after));
        // Not part of a longer run, not a common word alone ("the agency's Board"), and not
        // inside a name already found.
        if !(cue || place_cue || after_cue)
            || ctx.unit(j) == unit && cap_word(ctx, j)
            || j == i + 1
                && ctx.common_word(ctx.s(i))
                && !(place_cue && !cue && i >= 2 && is_settlement_noun(ctx.s(i - 2)))
            || out.iter().any(|c| c.t0 < j && i < c.t1)
        {
            i = j.max(i + 1);
            continue;
        }
        out.push(Cand {
            span: ctx.range(i, j),
            t0: i,
            t1: j,
            ty: if place_cue && !cue {
                EntityType::Gpe
            } else {
                EntityType::Org
            },
            strong: false,
            kb: None,
            source: Source::Tagger(if place_cue && !cue {
                Label::Loc
            } else {
                Label::Org
            }),
            title: None,
            owner: None,
            owned_by: None,
            cued: true,
        });
        i = j;
    }
}

/// The longest name (in tokens) whose untagged repeats [`add_repeats`] looks for.
const MAX_REPEAT: usize = 6;

/// A name found once is found again: an untagged repeat of a candidate's exact words (the
/// tagger's document pass does this for its own names; this does it for the names the rules
/// added, such as an organisation from a list, an acronym in brackets or a knowledge-base
/// name), standing alone (no untagged capitalised word right before or after it) and, when it
/// opens a sentence, no common word.
pub(crate) fn add_repeats(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    if out.is_empty() {
        return;
    }
    let mut taken = vec![false; ctx.toks.len()];
    for c in out.iter() {
        for x in taken.get_mut(c.t0..c.t1).unwrap_or(&mut []) {
            *x = true;
        }
    }
    // First words of the names worth repeating, to skip most tokens at once.
    let firsts: std::collections::HashSet<&str> = out
        .iter()
        .filter(|c| c.ty != EntityType::Norp && c.t1 - c.t0 <= MAX_REPEAT)
        .map(|c| ctx.s(c.t0))
        .collect();
    let mut added: Vec<Cand> = Vec::new();
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        let w = ctx.s(i);
        if taken.get(i).copied().unwrap_or(true)
            || ctx.unit(i) == NO_UNIT
            || ctx.caps_unit(i)
            || !words::capitalised(w)
            || !firsts.contains(w)
        {
            i += 1;
            continue;
        }
        let unit = ctx.unit(i);
        let found = out.iter().find(|c| {
            let len = c.t1 - c.t0;
            c.ty != EntityType::Norp
                && len <= MAX_REPEAT
                && i + len <= n
                && (0..len).all(|k| {
                    ctx.s(c.t0 + k) == ctx.s(i + k)
                        && ctx.unit(i + k) == unit
                        && !taken.get(i + k).copied().unwrap_or(true)
                })
        });
        let Some(c) = found else {
            i += 1;
            continue;
        };
        let len = c.t1 - c.t0;
        let cap_free = |j: usize| {
            ctx.unit(j) == unit && cap_word(ctx, j) && !taken.get(j).copied().unwrap_or(true)
        };
        let opens = ctx.opens_unit(i);
        let alone = !cap_free(i + len) && (opens || i == 0 || !cap_free(i - 1));
        if !alone || (opens && len == 1 && ctx.common_word(w)) {
            i += 1;
            continue;
        }
        let (t0, t1) = (i, i + len);
        added.push(Cand {
            strong: c.strong,
            cued: c.cued,
            kb: c.kb,
            ..Cand::new(ctx.range(t0, t1), t0, t1, c.ty, c.source)
        });
        for x in taken.get_mut(t0..t1).unwrap_or(&mut []) {
            *x = true;
        }
        i = t1;
    }
    out.extend(added);
}

/// Nouns for a settlement, after which ("the port of X", "the town of X") even a common word
/// is a place's name.
fn is_settlement_noun(w: &str) -> bool {
    ["town", "city", "port", "village", "island", "harbour"].contains(&w)
}

/// Last words of news outlets' names ("X Wire", "Y Press", "Z Herald").
fn is_outlet_head(w: &str) -> bool {
    [
        "Wire",
        "Press",
        "News",
        "Times",
        "Post",
        "Herald",
        "Tribune",
        "Gazette",
        "Journal",
        "Chronicle",
        "Dispatch",
        "Courier",
        "Observer",
        "Newswire",
        "Radio",
        "Television",
        "Weekly",
        "Daily",
        "Monthly",
        "Magazine",
        "Review",
        "Bulletin",
        "Telegraph",
        "Sentinel",
        "Examiner",
        "Inquirer",
        "Enquirer",
        "Reporter",
        "Register",
        "Star",
        "Globe",
        "Mail",
        "Mirror",
        "Standard",
        "Express",
        "Insider",
    ]
    .contains(&w)
}

/// A run of two or three capitalised words the tagger left out, ending in an outlet's head
/// word, told something or reporting it ("telling Harbour Wire", "told the Valley Herald",
/// "according to Coast Press"): a news outlet.
pub(crate) fn add_told_outlets(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    let n = ctx.toks.len();
    for i in 1..n {
        let v = ctx.s(i - 1);
        let told = ["told", "telling", "tells", "tell"].contains(&v)
            || v == "to" && i >= 2 && ctx.s(i - 2) == "according";
        let the = told && words::is(ctx.s(i), "the");
        let a = if the { i + 1 } else { i };
        if !told || ctx.unit(a) != ctx.unit(i - 1) || ctx.unit(a) == NO_UNIT {
            continue;
        }
        let unit = ctx.unit(a);
        let mut b = a;
        while b < a + 3 && ctx.unit(b) == unit && cap_word(ctx, b) {
            b += 1;
        }
        if b < a + 2 || ctx.unit(b) == unit && cap_word(ctx, b) || !is_outlet_head(ctx.s(b - 1)) {
            continue;
        }
        // Names the tagger cut from the outlet's name ("KC" of "KC Weekly") give way to it;
        // a name running past it does not.
        let inside = |c: &Cand| a <= c.t0 && c.t1 <= b;
        let in_cand = |j: usize| out.iter().any(|c| inside(c) && c.t0 <= j && j < c.t1);
        if (a..b).any(|j| covered.get(j).copied().unwrap_or(true) && !in_cand(j))
            || out.iter().any(|c| c.t0 < b && a < c.t1 && !inside(c))
        {
            continue;
        }
        out.retain(|c| !(c.t0 < b && a < c.t1));
        out.push(Cand {
            strong: true,
            cued: true,
            ..Cand::new(
                ctx.range(a, b),
                a,
                b,
                EntityType::Org,
                Source::Tagger(Label::Org),
            )
        });
    }
}

/// A single capitalised word the tagger left out, cited as a source ("according to X." or
/// "according to X, …"): a body or a person giving figures, never dropped. It is an
/// organisation unless it is a known given name; a demonym, a creed's word, a common noun or a
/// word written in lower case elsewhere is left alone ("according to Christian belief").
pub(crate) fn add_source_words(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    let n = ctx.toks.len();
    for i in 2..n {
        if ctx.s(i - 1) != "to" || !words::is(ctx.s(i - 2), "according") {
            continue;
        }
        let unit = ctx.unit(i);
        let w = ctx.s(i);
        if unit == NO_UNIT
            || ctx.unit(i - 2) != unit
            || ctx.caps_unit(i)
            || !cap_word(ctx, i)
            || words::all_caps(w)
            || covered.get(i).copied().unwrap_or(true)
            || out.iter().any(|c| c.t0 <= i && i < c.t1)
        {
            continue;
        }
        // The word ends its phrase: punctuation or the unit's end after it.
        let next = ctx.s(i + 1);
        if ctx.unit(i + 1) == unit && !matches!(next, "," | "." | ";" | ":" | ")" | "?" | "!") {
            continue;
        }
        if ctx.gaz.is_first_name(w)
            || ctx.demonym(w).is_some()
            || words::is_norp_word(w)
            || words::is_not_name(w)
            || is_title(w)
            || words::is_role_noun(w)
            || common_noun(ctx, w)
            || ctx.common_word(w)
        {
            continue;
        }
        out.push(Cand::cued(ctx, i, i + 1, EntityType::Org, Label::Org));
    }
}

/// Modifiers of a facility noun ("gas field", "copper mine", "refugee camp").
fn is_facility_modifier(w: &str) -> bool {
    [
        "gas",
        "oil",
        "oilfield",
        "copper",
        "gold",
        "coal",
        "power",
        "nuclear",
        "refugee",
        "military",
        "air",
        "naval",
        "lithium",
        "uranium",
        "iron",
        "diamond",
        "hydroelectric",
    ]
    .contains(&w)
}

/// A capitalised run the tagger left out right before a place's descriptor names that place:
/// "the Kora Dun gas field", "the Alto Verde copper mine" (a facility), "Tana province" (a
/// region). A facility noun needs its modifier ("gas", "copper"), except the nouns that name
/// only places ("refinery", "mine"); demonyms ("the Syrian gas field") and names opening a
/// sentence as common words are left alone.
pub(crate) fn add_described_places(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    let n = ctx.toks.len();
    for d in 1..n {
        let w = ctx.s(d);
        let admin = ["province", "governorate", "prefecture"].contains(&w);
        let facility = [
            "field", "mine", "plant", "refinery", "camp", "dam", "base", "terminal",
        ]
        .contains(&w);
        if !(admin || facility) {
            continue;
        }
        let unit = ctx.unit(d);
        let modified = d >= 2 && is_facility_modifier(ctx.s(d - 1)) && ctx.unit(d - 1) == unit;
        if facility && !modified && !["refinery", "mine"].contains(&w) {
            continue;
        }
        let b = if modified { d - 1 } else { d };
        let mut a = b;
        while a > 0 && a + 3 > b && ctx.unit(a - 1) == unit && cap_word(ctx, a - 1) {
            a -= 1;
        }
        if a == b
            || unit == NO_UNIT
            || ctx.caps_unit(a)
            || (a..b).any(|j| covered.get(j).copied().unwrap_or(true))
            || (a..b).any(|j| {
                let s = ctx.s(j);
                ctx.demonym(s).is_some() || is_title(s) || words::is_norp_word(s)
            })
            || ctx.opens_unit(a) && ctx.common_word(ctx.s(a))
            || out.iter().any(|c| c.t0 < b && a < c.t1)
        {
            continue;
        }
        let (ty, label) = if admin {
            (EntityType::Gpe, Label::Loc)
        } else {
            (EntityType::Fac, Label::Loc)
        };
        out.push(Cand::cued(ctx, a, b, ty, label));
    }
}

/// Whether `w` has the shape of a country's name: a capitalised word of one piece ending in
/// "-ia", "-land", "-stan" ("Ruritania", "Freedonia", "Kazakhstan").
pub(crate) fn country_shape(w: &str) -> bool {
    w.len() >= 5
        && words::capitalised(w)
        && w.bytes().all(|b| b.is_ascii_alphabetic())
        && !w.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        && (w.ends_with("ia") || w.ends_with("land") || w.ends_with("stan"))
}

/// Whether `w` has the shape of a demonym: a capitalised word of one piece ending in "-ian",
/// "-ese", "-ish", "-ic" or "-i" after a consonant ("Ruritanian", "Sudrani").
fn demonym_shape(w: &str) -> bool {
    let b = w.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    w.len() >= 5
        && words::capitalised(w)
        && w.bytes().all(|b| b.is_ascii_alphabetic())
        && !w.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        && (w.ends_with("ian")
            || w.ends_with("ese")
            || w.ends_with("ish")
            || w.ends_with("ic")
            || w.ends_with('i') && b.len() >= 2 && b.get(b.len() - 2).is_some_and(|&c| !vowel(c)))
}

/// Nouns of a state's or people's collective actors that a demonym may stand before.
fn is_actor_noun(w: &str) -> bool {
    words::is_group_noun(w)
        || [
            "army",
            "navy",
            "ministry",
            "government",
            "military",
            "guards",
            "warplanes",
            "jets",
            "coastguard",
            "embassy",
            "officers",
            "parliament",
        ]
        .contains(&w)
}

/// A capitalised word of a demonym's shape that the knowledge base does not know, right before
/// a lower-case actor noun ("Ruritanian police", "Sudrani troops"), is a nationality (NORP), so
/// that the phrase is read as a group of that people, not a person or a place of that name.
/// The tagger's one-word guess is retyped; a word it left out is added.
pub(crate) fn demonym_actors(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    for (i, s) in ctx.strs.iter().enumerate() {
        if ctx.unit(i) == NO_UNIT
            || !ctx.is_word(i)
            || ctx.caps_unit(i)
            || !demonym_shape(s)
            || ctx.unit(i + 1) != ctx.unit(i)
            || !is_actor_noun(ctx.s(i + 1))
            || words::is_not_name(s)
            || words::is_norp_word(s)
            || is_title(s)
            || ctx.common_word(s)
            || ctx.demonym(s).is_some()
            || ctx.kb.lookup_cased(s).next().is_some()
            || ctx.gaz.is_first_name(s)
        {
            continue;
        }
        // Part of a longer name ("Anna Rossi police"): a capitalised word before it.
        if i > 0 && ctx.unit(i - 1) == ctx.unit(i) && cap_word(ctx, i - 1) && !ctx.opens_unit(i - 1)
        {
            continue;
        }
        // The surname of a person the text names in full ("the X government" after "Ana X").
        if out
            .iter()
            .any(|c| c.ty == EntityType::Person && c.t1 > c.t0 + 1 && ctx.s(c.t1 - 1) == *s)
        {
            continue;
        }
        let mut found = false;
        for c in out.iter_mut().filter(|c| c.t0 <= i && i < c.t1) {
            found = true;
            if c.t0 == i && c.t1 == i + 1 && c.kb.is_none() && !c.strong && !c.cued {
                c.ty = EntityType::Norp;
            }
        }
        if !found {
            out.push(Cand::new(
                ctx.span(i),
                i,
                i + 1,
                EntityType::Norp,
                Source::Tagger(Label::Misc),
            ));
        }
    }
}

/// "The X government" or "the X administration" with X one capitalised word that is no
/// demonym, no country and no place or body the knowledge base knows: X is the leader heading
/// it, a person ("the Vanneri government"), not a nationality. Runs after
/// [`demonym_actors`], whose "-i" demonym shape such a surname may have.
pub(crate) fn leader_governments(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    for (i, s) in ctx.strs.iter().enumerate() {
        if i == 0
            || ctx.unit(i) == NO_UNIT
            || !ctx.is_word(i)
            || ctx.caps_unit(i)
            || ctx.unit(i + 1) != ctx.unit(i)
            || !matches!(ctx.s(i + 1), "government" | "administration")
            || !words::is(ctx.s(i - 1), "the")
            || !words::capitalised(s)
            || s.len() < 3
            || !s.bytes().all(|b| b.is_ascii_alphabetic())
            || s.bytes().skip(1).any(|b| b.is_ascii_uppercase())
            || words::is_not_name(s)
            || words::is_norp_word(s)
            || is_title(s)
            || ctx.common_word(s)
            || ctx.demonym(s).is_some()
            || country_shape(s)
            || demonym_shape(s) && !s.ends_with('i')
        {
            continue;
        }
        // Known as anything but a person: a place, a country, a body.
        let kb = ctx.kb;
        if kb.lookup_cased(s).take(8).any(|id| {
            kb.get(id)
                .is_some_and(|e| e.kind() != newsgraph_kb::Kind::Person)
        }) {
            continue;
        }
        let mut found = false;
        for c in out.iter_mut().filter(|c| c.t0 <= i && i < c.t1) {
            found = true;
            if c.t0 == i && c.t1 == i + 1 && c.kb.is_none() && !c.strong && !c.cued {
                c.ty = EntityType::Person;
            }
        }
        if !found {
            out.push(Cand::new(
                ctx.span(i),
                i,
                i + 1,
                EntityType::Person,
                Source::Tagger(Label::Per),
            ));
        }
    }
}

/// Verbs of what a state does, that make an unknown subject a country rather than a person.
const STATE_VERBS: &[&str] = &[
    "annexed",
    "deployed",
    "expelled",
    "extradited",
    "imposed",
    "invaded",
    "mobilised",
    "mobilized",
    "ratified",
    "recalled",
    "sanctioned",
];

/// Past-tense verbs that do not end in "-ed", and auxiliaries that open a finite verb phrase.
const FINITE_WORDS: &[&str] = &[
    "began", "brought", "built", "chose", "drew", "fought", "gave", "had", "has", "have", "held",
    "hit", "knew", "led", "left", "lost", "made", "met", "paid", "ran", "said", "sent", "shot",
    "sold", "sought", "spoke", "struck", "took", "told", "threw", "will", "won", "wrote",
];

/// Closed-class words that may open a sentence before a verb and are no names: indefinite
/// pronouns and prepositions ("Nobody asked", "Unlike distributed …").
const CLOSED_OPENERS: &[&str] = &[
    "albeit",
    "anybody",
    "anyone",
    "anything",
    "despite",
    "everybody",
    "everyone",
    "everything",
    "nobody",
    "nothing",
    "somebody",
    "someone",
    "something",
    "unlike",
    "whoever",
    "whatever",
];

/// Endings of English common nouns, adjectives and participles ("Attendance", "Fitness",
/// "Citing", "Donors", "Protestor"): a capitalised word so made is no unknown name.
fn common_ending(w: &str) -> bool {
    [
        "s", "ing", "ness", "ance", "ence", "ment", "tion", "sion", "ity", "ism", "ogy", "ship",
        "hood", "able", "ible", "ful", "less", "ous", "ive", "ly", "ist", "or", "er", "cy",
    ]
    .iter()
    .any(|x| w.ends_with(x))
}

/// Whether the text writes `w` in lower case somewhere: a common word capitalised by its place.
fn lower_in_text(ctx: &Ctx<'_>, w: &str) -> bool {
    ctx.strs.iter().any(|x| {
        x.len() == w.len()
            && x.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && x.eq_ignore_ascii_case(w)
    })
}

/// Whether token `j` is a finite verb after a subject: a past tense ("expelled", "fought"), an
/// auxiliary ("has", "will"), or a verb in "-s" followed by an object or a clause ("supports the",
/// "wants to").
fn finite_verb_at(ctx: &Ctx<'_>, j: usize) -> bool {
    let w = ctx.s(j);
    if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    if FINITE_WORDS.contains(&w) {
        // "has been", "will be": a copula says too little of its subject.
        return !matches!(ctx.s(j + 1), "been" | "be");
    }
    if w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") {
        return true;
    }
    w.len() >= 5
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !words::is_group_noun(w)
        && ctx.unit(j + 1) == ctx.unit(j)
        && matches!(
            ctx.s(j + 1),
            "the" | "a" | "an" | "to" | "that" | "its" | "their"
        )
}

/// A capitalised word the tagger left out that opens its sentence and is directly followed by a
/// finite verb ("X expelled two diplomats", "X has recalled", "X supports the plan") is a name,
/// unless the tagger's lexicon knows it as a common word ("Storms destroyed", "Officials said").
/// Typed by its shape and verb: a country's shape or a state's action is a place (GPE), a given
/// name or a person's verb a person, else an organisation.
pub(crate) fn add_opening_subjects(ctx: &Ctx<'_>, covered: &[bool], out: &mut Vec<Cand>) {
    for (i, s) in ctx.strs.iter().enumerate() {
        if covered.get(i).copied().unwrap_or(true)
            || ctx.unit(i) == NO_UNIT
            || !ctx.opens_unit(i)
            || !ctx.is_word(i)
            || ctx.caps_unit(i)
            || s.len() < 4
            || !words::capitalised(s)
            || words::all_caps(s)
            || !s.bytes().all(|b| b.is_ascii_alphabetic())
            || s.bytes().skip(1).any(|b| b.is_ascii_uppercase())
            || ctx.unit(i + 1) != ctx.unit(i)
            || !finite_verb_at(ctx, i + 1)
            || words::is_not_name(s)
            || is_title(s)
            || common_noun(ctx, s)
            || ctx.common_word(s)
            || ctx.demonym(s).is_some()
            || words::is_norp_word(s)
            || common_ending(s)
            || CLOSED_OPENERS.iter().any(|x| words::is(s, x))
            || ctx.kb.lookup_cased(s).next().is_some()
            || out.iter().any(|c| c.t0 <= i && i < c.t1)
            || lower_in_text(ctx, s)
        {
            continue;
        }
        let verb = ctx.s(i + 1);
        let ty = if country_shape(s) || STATE_VERBS.contains(&verb) {
            EntityType::Gpe
        } else if ctx.gaz.is_first_name(s) || person_verb_after(ctx, i + 1) {
            EntityType::Person
        } else {
            EntityType::Org
        };
        out.push(Cand::new(
            ctx.span(i),
            i,
            i + 1,
            ty,
            Source::Tagger(Label::Misc),
        ));
    }
}

/// Whether `w` has a country's name's shape that person names hardly take: "-stan", "-ania",
/// "-ovia", "-aria", "-enia", "-onia", "-avia" ("Ruritania", "Moldovia").
fn strong_country_shape(w: &str) -> bool {
    country_shape(w)
        && ["stan", "ania", "ovia", "aria", "enia", "onia", "avia"]
            .iter()
            .any(|x| w.ends_with(x))
}

/// Verbs of saying and thinking, whose subject is as often a person as a state.
const SAY_VERBS: &[&str] = &["said", "says", "told", "added", "noted", "stated"];

/// A one-word name the tagger took for a person that opens its sentence before a finite verb
/// and has a country's name's shape ("Ruritania expelled …") is a place (GPE), unless it is a
/// given name, a person's verb follows, or the text names a person ending in it.
pub(crate) fn country_shaped_subjects(ctx: &Ctx<'_>, out: &mut [Cand]) {
    for k in 0..out.len() {
        let Some(c) = out.get(k) else { continue };
        let t = c.t0;
        if c.t1 != t + 1
            || c.ty != EntityType::Person
            || c.kb.is_some()
            || c.strong
            || c.cued
            || c.title.is_some()
            || !ctx.opens_unit(t)
            || ctx.unit(t + 1) != ctx.unit(t)
        {
            continue;
        }
        let w = ctx.s(t);
        if !strong_country_shape(w)
            || ctx.gaz.is_first_name(w)
            || !finite_verb_at(ctx, t + 1)
            || SAY_VERBS.contains(&ctx.s(t + 1))
            || person_verb_after(ctx, t + 1)
            || out
                .iter()
                .any(|o| o.ty == EntityType::Person && o.t1 > o.t0 + 1 && ctx.s(o.t1 - 1) == w)
        {
            continue;
        }
        if let Some(c) = out.get_mut(k) {
            c.ty = EntityType::Gpe;
        }
    }
}
