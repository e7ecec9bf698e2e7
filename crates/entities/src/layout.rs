//! What looks like a name but is none, and names written out of order: a caption's credit
//! word glued to a name ("… Image:"), vehicles ("Space Shuttle X", "HMS X", "the tanker X"),
//! species ("Xus vulgaris"), words inside web addresses, and a reference list's
//! "Surname, Given" entries (one person, named in order for display).

use newsgraph_doc::{ByteSpan, EntityType};
use newsgraph_kb::Kind;
use newsgraph_ner::Label;

use crate::names::{cap_word, Cand, Ctx, Source};
use crate::words;

/// Whether the candidate names a country, a capital or an international organisation of the
/// knowledge base (never a vehicle's name, nor a caption word).
pub(crate) fn well_known_place(ctx: &Ctx<'_>, c: &Cand) -> bool {
    c.kb.and_then(|id| ctx.kb.get(id))
        .is_some_and(|e| matches!(e.kind(), Kind::Country | Kind::Capital | Kind::Igo))
}

/// Whether token `j` is a caption's credit word followed by a colon ("Image:", "Photo:").
pub(crate) fn caption_word(ctx: &Ctx<'_>, j: usize) -> bool {
    let w = ctx.s(j);
    ctx.s(j + 1) == ":"
        && [
            "image",
            "photo",
            "photograph",
            "picture",
            "credit",
            "source",
        ]
        .iter()
        .any(|x| words::is(w, x))
}

/// A caption's credit word glued to the name before it ("… Washington Image: A. Photographer")
/// is cut from that name.
pub(crate) fn cut_caption_words(ctx: &Ctx<'_>, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if c.t1 < c.t0 + 2 || ctx.s(c.t1) != ":" {
            continue;
        }
        if caption_word(ctx, c.t1 - 1) {
            c.t1 -= 1;
            c.span =
                ByteSpan::ordered(c.span.start(), ctx.span(c.t1 - 1).end().max(c.span.start()));
        }
    }
}

/// Whether `w`, right before a name, says the name is a vehicle's: a ship ("HMS", "the tanker
/// X"), a spacecraft ("Space Shuttle X", "spacecraft X").
pub(crate) fn vehicle_before(w: &str) -> bool {
    // Most words are too short or too long to be one: a cheap test first.
    if !(3..=10).contains(&w.len()) {
        return false;
    }
    const ANY_CASE: &[&str] = &[
        "hmc",
        "hmcs",
        "hms",
        "probe",
        "rover",
        "shuttle",
        "spacecraft",
        "uss",
    ];
    const LOWER: &[&str] = &[
        "destroyer",
        "ferry",
        "freighter",
        "frigate",
        "ship",
        "submarine",
        "tanker",
        "trawler",
        "vessel",
        "warship",
        "yacht",
    ];
    LOWER.binary_search(&w).is_ok() || ANY_CASE.iter().any(|x| words::is(w, x))
}

/// Whether `w`, right after a name, says the name is a vehicle's ("the X spacecraft").
pub(crate) fn vehicle_after(w: &str) -> bool {
    ["orbiter", "probe", "rover", "spacecraft", "telescope"].contains(&w)
}

/// Names of vehicles (ships, spacecraft) are no person, organisation or place: a name the text
/// once shows to be one ("Space Shuttle X", "HMS X", "the X spacecraft") is dropped everywhere
/// in the article.
pub(crate) fn drop_vehicles(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    let mut vehicles: Vec<&str> = cands
        .iter()
        .filter(|c| !well_known_place(ctx, c) && !ctx.caps_unit(c.t0))
        .filter(|c| ctx.unit(c.t1) == ctx.unit(c.t0) && vehicle_after(ctx.s(c.t1)))
        .map(|c| ctx.slice(c.span))
        .collect();
    // The capitalised words right after a vehicle word ("Space Shuttle X", "HMS X").
    for i in 0..ctx.toks.len() {
        // "the Panama-flagged X": a flag state names a ship.
        let flagged = ctx.s(i).ends_with("-flagged");
        if !(vehicle_before(ctx.s(i)) || flagged) || ctx.caps_unit(i) {
            continue;
        }
        let unit = ctx.unit(i);
        let mut j = i + 1;
        while j < i + 4 && ctx.unit(j) == unit && cap_word(ctx, j) && !caption_word(ctx, j) {
            j += 1;
        }
        // A hull number after the name ("X 08").
        if j > i + 1
            && ctx.unit(j) == unit
            && ctx.s(j).bytes().all(|b| b.is_ascii_digit())
            && !ctx.s(j).is_empty()
        {
            j += 1;
        }
        if j > i + 1 && !vehicle_before(ctx.s(i + 1)) {
            vehicles.push(ctx.slice(ctx.range(i + 1, j)));
        }
    }
    if vehicles.is_empty() {
        return;
    }
    cands.retain(|c| {
        if well_known_place(ctx, c) {
            return true;
        }
        let surface = ctx.slice(c.span);
        !vehicles.iter().any(|v| {
            surface
                .strip_suffix(v)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        })
    });
}

/// Whether `w` reads as the second word of a Latin species name ("fusca", "sapiens"): lower
/// case, a Latin ending, and not a word of the tagger's casing lexicon.
pub(crate) fn species_epithet(ctx: &Ctx<'_>, w: &str) -> bool {
    w.len() >= 4
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && ["a", "ae", "i", "ii", "is", "um", "us", "ensis", "ens"]
            .iter()
            .any(|e| w.ends_with(e))
        && !ctx.common_word(w)
}

/// A genus name followed by its species ("Xus vulgaris") names a living thing, not a person,
/// organisation or place: the genus is dropped everywhere in the article.
pub(crate) fn drop_binomials(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    let genera: Vec<&str> = cands
        .iter()
        .filter(|c| c.t1 == c.t0 + 1 && c.kb.is_none())
        .filter(|c| ctx.unit(c.t1) == ctx.unit(c.t0) && species_epithet(ctx, ctx.s(c.t1)))
        .map(|c| ctx.slice(c.span))
        .collect();
    if !genera.is_empty() {
        cands.retain(|c| c.kb.is_some() || !genera.contains(&ctx.slice(c.span)));
    }
}

/// Whether token `i` starts a line of the text (a line break between it and the token before).
pub(crate) fn starts_line(ctx: &Ctx<'_>, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = ByteSpan::ordered(ctx.span(i - 1).end(), ctx.span(i).start());
    ctx.slice(gap).contains('\n')
}

/// The name of a reference list's entry written surname first, "Surname, Given." at the start
/// of a line ("Okafor, Maria. A History of …"; "Berg, Anna and Lind, Ola."): one person, whose
/// name [`display_name`] puts back in order. The given name must be a first name the knowledge
/// base knows, or a name it does not know at all within a few lines of such an entry (a list
/// of them), so that "Paris, Texas" stays two places.
pub(crate) fn inverted_names(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    // Entries, with whether their given name is a known first name: an entry whose given name
    // is not known is taken only beside one that is (a list of such entries).
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    for start in 0..ctx.toks.len() {
        // Cheap tests first: "Surname ," opening the entry.
        if ctx.s(start + 1) != "," || !words::capitalised(ctx.s(start)) {
            continue;
        }
        let Some(unit) = ctx.units.get(ctx.unit(start) as usize) else {
            continue;
        };
        if unit.caps || unit.region.is_some() || !starts_line(ctx, start) {
            continue;
        }
        let mut i = start;
        let mut more = false;
        loop {
            let surname = ctx.s(i);
            if !(cap_word(ctx, i) && surname.len() > 1 && ctx.s(i + 1) == ",") {
                break;
            }
            let g = i + 2;
            // The second name of an entry ("… and Lind, Ola") needs no known first name.
            let known = more || ctx.gaz.is_first_name(ctx.s(g));
            if !cap_word(ctx, g)
                || words::all_caps(ctx.s(g))
                || !known && ctx.kb.lookup_cased(ctx.s(g)).next().is_some()
            {
                break;
            }
            let mut k = g + 1;
            while k < g + 3 && k < unit.t1 && cap_word(ctx, k) {
                k += 1;
            }
            let end = ctx.s(k);
            if k > unit.t1 || !(k == unit.t1 || matches!(end, "." | "and" | "&" | ";" | ":")) {
                break;
            }
            found.push((i, k, known));
            if end == "and" || end == "&" {
                i = k + 1;
                more = true;
                continue;
            }
            break;
        }
    }
    if found.is_empty() {
        return;
    }
    // An entry with an unknown given name stands within a few lines of a sure one.
    const NEAR: usize = 60;
    let sure: Vec<usize> = found.iter().filter(|f| f.2).map(|f| f.0).collect();
    found.retain(|&(a, _, known)| known || sure.iter().any(|&s| s.abs_diff(a) <= NEAR));
    if found.is_empty() {
        return;
    }
    cands.retain(|c| !found.iter().any(|&(a, b, _)| c.t0 < b && a < c.t1));
    for (a, b, _) in found {
        cands.push(Cand {
            strong: true,
            ..Cand::new(
                ctx.range(a, b),
                a,
                b,
                EntityType::Person,
                Source::Tagger(Label::Per),
            )
        });
    }
    cands.sort_by_key(|c| (c.span.start(), c.span.end()));
}

/// A person's name for display: "Surname, Given" (a reference list's order, see
/// [`inverted_names`]) becomes "Given Surname"; other names are kept as written.
pub(crate) fn display_name<'t>(ctx: &Ctx<'_>, name: &'t str) -> std::borrow::Cow<'t, str> {
    if let Some((surname, given)) = name.split_once(", ") {
        let first = given.split(' ').next().unwrap_or("");
        // A given name the gazetteer does not know still reads as one: one or two
        // capitalised words, not initials of honours ("SC") nor a suffix ("Jr.").
        let given_shape = given.split(' ').count() <= 2
            && given.split(' ').all(|w| {
                words::capitalised(w) && !words::all_caps(w.trim_end_matches('.'))
                    || w.len() == 2 && w.ends_with('.')
            })
            && !matches!(first, "Jr." | "Jr" | "Sr." | "Sr");
        if !surname.contains(' ')
            && !given.contains(',')
            && (ctx.gaz.is_first_name(first) || given_shape)
        {
            return std::borrow::Cow::Owned(format!("{given} {surname}"));
        }
    }
    // Editorial brackets completing a name ("Jeff [Marlow]") are no part of it.
    if name.contains(['[', ']']) {
        return std::borrow::Cow::Owned(name.replace(['[', ']'], ""));
    }
    std::borrow::Cow::Borrowed(name)
}

/// Whether `span` lies inside a web address ("http://www.example.org/Some-Page"): the longest
/// run of non-space characters around it holds "://" or "www.".
pub(crate) fn in_url(ctx: &Ctx<'_>, span: ByteSpan) -> bool {
    let text = ctx.text.as_bytes();
    let (mut a, mut b) = (span.start(), span.end());
    let limit = 200;
    while a > 0 && span.start() - a < limit && !text.get(a - 1).is_none_or(u8::is_ascii_whitespace)
    {
        a -= 1;
    }
    while b < text.len()
        && b - span.end() < limit
        && !text.get(b).is_none_or(u8::is_ascii_whitespace)
    {
        b += 1;
    }
    while a > 0 && !ctx.text.is_char_boundary(a) {
        a -= 1;
    }
    while b < text.len() && !ctx.text.is_char_boundary(b) {
        b += 1;
    }
    let word = ctx.slice(ByteSpan::ordered(a, b));
    word.contains("://") || word.contains("www.")
}
