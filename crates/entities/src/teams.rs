//! Teams named after places: a country's name standing for its side in a sports report
//! ("Varnia beat Ostland 2–1", "Ostland's coach", "Varnia 0 – 0 Ostland") is an organisation,
//! the team, not the country. A place named so once is the team throughout the article, and in an article
//! so shown to be a sports report weaker signs mark the other sides ("beating Ostland",
//! "Ostland are out").

use std::collections::HashSet;

use newsgraph_doc::EntityType;
use newsgraph_kb::{EntryId, Kind};

use crate::names::{Cand, Ctx, NO_UNIT};
use crate::words;

/// Verbs (and "against") that join two sides of a match when a score is in the sentence.
const MATCH_WORDS: &[&str] = &[
    "against",
    "beat",
    "beating",
    "beats",
    "defeated",
    "defeating",
    "defeats",
    "drew",
    "edged",
    "eliminated",
    "faced",
    "faces",
    "facing",
    "hammered",
    "lost",
    "overcame",
    "routed",
    "thrashed",
    "trounced",
    "versus",
    "vs",
];

/// Members of a side named after a possessive ("Ostland's goalkeeper").
const SIDE_NOUNS: &[&str] = &[
    "coach",
    "defender",
    "forward",
    "goalkeeper",
    "keeper",
    "lineup",
    "manager",
    "midfielder",
    "squad",
    "striker",
    "winger",
];

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| words::is(w, x))
}

fn small_number(w: &str) -> bool {
    (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "–" | "—" | ":")
}

/// The number of tokens of a score ("2–1", "2 – 1") starting at token `j`, if one does.
fn score_at(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let w = ctx.s(j);
    if let Some((a, b)) = w.split_once(['-', '–', '—']) {
        return (small_number(a) && small_number(b)).then_some(1);
    }
    (small_number(w) && is_dash(ctx.s(j + 1)) && small_number(ctx.s(j + 2))).then_some(3)
}

/// Whether a score ends right before token `j` (exclusive).
fn score_before(ctx: &Ctx<'_>, j: usize) -> bool {
    (j >= 1 && score_at(ctx, j - 1) == Some(1)) || (j >= 3 && score_at(ctx, j - 3) == Some(3))
}

/// Whether the unit of tokens `[u0, u1)` holds a score.
fn has_score(ctx: &Ctx<'_>, u0: usize, u1: usize) -> bool {
    (u0..u1).any(|j| score_at(ctx, j).is_some_and(|n| j + n <= u1))
}

/// Whether the country name of tokens `[t0, t1)` stands for a team.
fn team_context(ctx: &Ctx<'_>, t0: usize, t1: usize) -> bool {
    let unit = ctx.unit(t0);
    let Some(u) = ctx.units.get(unit as usize) else {
        return false;
    };
    let same = |j: usize| ctx.unit(j) == unit;
    // "Ostland's coach", "Ostland's head coach"
    if matches!(ctx.s(t1), "'s" | "’s") && same(t1 + 1) {
        let n = ctx.s(t1 + 1);
        if in_list(SIDE_NOUNS, n) || words::is(n, "head") && words::is(ctx.s(t1 + 2), "coach") {
            return true;
        }
    }
    // "Ostland national team", "this Ostland side"; "team" alone is left out, as it also
    // names a club from the country ("the Ostland team Kestrels").
    let side = |w: &str| matches!(w, "side" | "eleven" | "XI" | "XV");
    let team = |w: &str| side(w) || matches!(w, "team" | "squad");
    // "the Ostland side of the border" is a part of the place, not a team.
    let side_of = |j: usize| side(ctx.s(j)) && !(same(j + 1) && words::is(ctx.s(j + 1), "of"));
    if same(t1) && (side_of(t1) || words::is(ctx.s(t1), "national") && team(ctx.s(t1 + 1))) {
        return true;
    }
    // "Varnia 2–1 Ostland": a score touching the name.
    if same(t1) && score_at(ctx, t1).is_some() || t0 > 0 && same(t0 - 1) && score_before(ctx, t0) {
        return true;
    }
    // "Varnia beat Ostland 2–1": a match word touching the name, a score in the sentence.
    match_word_touching(ctx, t0, t1) && has_score(ctx, u.t0, u.t1)
}

/// Whether a match word touches the name of tokens `[t0, t1)` in its sentence.
fn match_word_touching(ctx: &Ctx<'_>, t0: usize, t1: usize) -> bool {
    let unit = ctx.unit(t0);
    let same = |j: usize| ctx.unit(j) == unit;
    (same(t1) && in_list(MATCH_WORDS, ctx.s(t1)))
        || (t0 > 0 && same(t0 - 1) && in_list(MATCH_WORDS, ctx.s(t0 - 1)))
}

/// Whether, in an article already shown to be a sports report, the name of tokens `[t0, t1)`
/// stands for a side: a match word touches it ("beating Ostland"), or a plural verb follows
/// it, as teams take ("Ostland are out").
fn weak_team_context(ctx: &Ctx<'_>, t0: usize, t1: usize) -> bool {
    match_word_touching(ctx, t0, t1)
        || ctx.unit(t1) == ctx.unit(t0) && matches!(ctx.s(t1), "are" | "were" | "have")
}

/// Types as organisations the places (countries, cities: a club is often named after its
/// town) that stand for teams somewhere in the article, in every mention: those the knowledge
/// base knows by their entry, the others by their words.
pub(crate) fn national_teams(ctx: &Ctx<'_>, out: &mut [Cand]) {
    let place = |c: &Cand| match c.kb {
        Some(id) => ctx
            .kb
            .get(id)
            .is_some_and(|e| matches!(e.kind(), Kind::Country | Kind::Capital | Kind::Place)),
        None => c.ty == EntityType::Gpe,
    };
    let mut teams: HashSet<EntryId> = HashSet::new();
    let mut unknown: HashSet<&str> = HashSet::new();
    for c in out.iter() {
        if ctx.unit(c.t0) == NO_UNIT || !team_context(ctx, c.t0, c.t1) || !place(c) {
            continue;
        }
        match c.kb {
            Some(id) => teams.insert(id),
            None => unknown.insert(ctx.slice(c.span)),
        };
    }
    if teams.is_empty() && unknown.is_empty() {
        return;
    }
    // A sports report: weaker signs suffice for the other sides.
    for c in out.iter() {
        if ctx.unit(c.t0) != NO_UNIT && weak_team_context(ctx, c.t0, c.t1) && place(c) {
            match c.kb {
                Some(id) => teams.insert(id),
                None => unknown.insert(ctx.slice(c.span)),
            };
        }
    }
    for c in out.iter_mut() {
        let team = match c.kb {
            Some(id) => teams.contains(&id),
            None => c.ty == EntityType::Gpe && unknown.contains(ctx.slice(c.span)),
        };
        if team {
            c.ty = EntityType::Org;
            c.strong = true;
        }
    }
}
