//! Names of things that are no actor or place: titles of works (books, films, albums, songs,
//! series, paintings), products and brands used as products (browsers, drinks, foods,
//! spacecraft), ideas and creeds ("-isms") and licences. The tagger often reads them as
//! persons or places; the words around them tell what they are:
//!
//! - a work noun right before the title ("the novel X", "his latest book, X,", "the films X
//!   and Y", "the video game X", "the next picture was the award-winning X"), "titled"/"entitled
//!   X", "called X" after a work noun ("a song called X"), "author of X", "an adaptation of
//!   X", "a chapter of X's Y", "the sequel to X"; a name given to a work or a made thing ("a
//!   robot named X", "they called the album X");
//! - a quoted title after a verb of publishing ("she released “X”");
//! - a product or mission noun right after one unknown word ("the X browser", "X chocolate
//!   flakes", "the X and Y spacecraft", "the X mission"), a licence noun after its name ("the
//!   X license");
//! - a well-known company's product after it ("Acme Widget"; the company stays) named again
//!   alone;
//! - a one-word idea or creed ("Xism", "Xophobia"), a hyphenated event ("X-Fest", "X-Con").
//!
//! Such a name is dropped where it stands and, when the whole name was cued, everywhere else
//! in the article. A pollster before "poll" ("the X poll") is an organisation, not a person.
//!
//! Characters and gods, which the tagger often reads as places, are persons when the context
//! says so: a character noun before the name ("the goddess X", "the character X") or in
//! apposition after it ("X, the superhero,"), "the voice of X", "dressed as X", "played X in
//! the film", or a list after a plural character noun ("gods such as X, Y and Z", "heroes
//! including X"). The Sun, the Moon, Earth and the planets near an astronomical word
//! ("orbit", "probe", "surface", "comet") are places, added when the tagger left them out;
//! "The Sun" with a capital article is a newspaper and keeps its type.

use newsgraph_doc::EntityType;
use newsgraph_ner::Label;

use crate::names::{cap_word, Cand, Ctx, Source, NO_UNIT};
use crate::words;

/// Nouns for works that, in lower case right before a capitalised run, introduce its title
/// ("the novel X"). Sorted for binary search. Words that are also verbs or adjectives read
/// before names ("show", "play", "comic", "single") are left out; "game" and "show" take a
/// kind before them (see [`work_before`]).
const WORK_NOUNS: &[&str] = &[
    "album",
    "albums",
    "anthology",
    "autobiography",
    "ballad",
    "bestseller",
    "biography",
    "blockbuster",
    "book",
    "books",
    "comedies",
    "comedy",
    "documentaries",
    "documentary",
    "drama",
    "dramas",
    "episode",
    "episodes",
    "essay",
    "essays",
    "film",
    "films",
    "memoir",
    "memoirs",
    "miniseries",
    "movie",
    "movies",
    "musicals",
    "novel",
    "novella",
    "novels",
    "opera",
    "operas",
    "painting",
    "paintings",
    "podcast",
    "podcasts",
    "poem",
    "poems",
    "prequel",
    "sequel",
    "serial",
    "series",
    "sitcom",
    "sitcoms",
    "song",
    "songs",
    "symphonies",
    "symphony",
    "telenovela",
    "thriller",
    "thrillers",
    "trilogy",
    "videogame",
    "videogames",
];

/// Nouns for drugs and other substances that, like work nouns, introduce a product's name
/// ("the drug X", "a pesticide called X"). Sorted for binary search.
const SUBSTANCE_NOUNS: &[&str] = &[
    "antibiotic",
    "antidepressant",
    "drug",
    "drugs",
    "herbicide",
    "medication",
    "painkiller",
    "pesticide",
    "sedative",
    "steroid",
    "supplement",
    "vaccine",
];

/// Kinds of game or show before "game"/"show" that make it a work ("the video game X", "the
/// TV show X").
const GAME_KINDS: &[&str] = &[
    "board",
    "computer",
    "mobile",
    "online",
    "radio",
    "reality",
    "talk",
    "television",
    "tv",
    "video",
];

/// Parts of a work that a "called X" names ("the first part is called X").
const PART_NOUNS: &[&str] = &["chapter", "movement", "part", "section", "track"];

/// Nouns for products that, in lower case right after one unknown capitalised word, make it
/// the product's name ("the X browser", "X chocolate flakes"). Makers' nouns ("car",
/// "aircraft", "phone", "software") are left out: the word before them is the company.
/// Sorted for binary search.
const PRODUCT_NOUNS: &[&str] = &[
    "app",
    "apps",
    "bitters",
    "brandy",
    "browser",
    "browsers",
    "chocolate",
    "chocolates",
    "cocktail",
    "cocktails",
    "console",
    "lander",
    "landers",
    "liqueur",
    "mission",
    "missions",
    "orbiter",
    "orbiters",
    "probe",
    "probes",
    "rover",
    "rovers",
    "satellite",
    "satellites",
    "spacecraft",
    "telescope",
    "telescopes",
    "vodka",
    "whiskey",
    "whisky",
];

/// Lower-case words that may join the capitalised words of one title ("Harbour of Silence",
/// "Lanterns in Winter").
const TITLE_JOINERS: &[&str] = &[
    "a", "an", "and", "at", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

fn in_sorted(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Whether token `i` is a lower-case work noun that introduces a title right after it.
fn work_before(ctx: &Ctx<'_>, i: usize) -> bool {
    let w = ctx.s(i);
    if !(3..=13).contains(&w.len()) || !w.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    if in_sorted(WORK_NOUNS, w) || in_sorted(SUBSTANCE_NOUNS, w) {
        return true;
    }
    if matches!(w, "game" | "games" | "show" | "shows") && i > 0 {
        let kind = ctx.s(i - 1);
        return GAME_KINDS.iter().any(|k| words::is(kind, k));
    }
    false
}

/// Verbs of publishing and performing that a quoted title may follow ("released “X”").
/// Sorted for binary search.
const RELEASE_VERBS: &[&str] = &[
    "directed",
    "performed",
    "premiered",
    "produced",
    "publish",
    "published",
    "publishes",
    "read",
    "recorded",
    "release",
    "released",
    "releases",
    "sang",
    "sing",
    "sings",
    "wrote",
];

/// Whether token `j` is a closing quotation mark (a comma or full stop may come first).
fn close_quote(ctx: &Ctx<'_>, mut j: usize) -> bool {
    if matches!(ctx.s(j), "," | ".") {
        j += 1;
    }
    matches!(ctx.s(j), "\"" | "”" | "’" | "'" | "»")
}

/// Whether token `j` is an opening quotation mark.
fn open_quote(ctx: &Ctx<'_>, j: usize) -> bool {
    matches!(ctx.s(j), "\"" | "“" | "‘" | "'" | "«")
}

/// The capitalised run that starts at token `j` (after any opening quotation mark) and reads
/// as one title: capitalised words and numbers, joined by short lower-case words and a
/// subtitle's colon ("Lanterns in Winter", "Quest: The Return"). `split_and` stops it at "and"
/// (a list of titles after a plural noun). Returns `[a, b)`.
fn title_run(ctx: &Ctx<'_>, mut j: usize, split_and: bool) -> Option<(usize, usize)> {
    let unit = ctx.unit(j);
    while open_quote(ctx, j) && ctx.unit(j + 1) == unit {
        j += 1;
    }
    // A title's own article ("The Quiet Hour").
    if matches!(ctx.s(j), "The" | "A" | "An") && ctx.unit(j + 1) == unit && cap_word(ctx, j + 1) {
        j += 1;
    }
    // At most two owners before the title ("Ann Lee's Night Harbour").
    for _ in 0..3 {
        if !cap_word(ctx, j) {
            return None;
        }
        let a = j;
        let mut k = j + 1;
        while k < a + 10 && ctx.unit(k) == unit {
            let w = ctx.s(k);
            if cap_word(ctx, k) || !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
                k += 1;
            } else if in_sorted(TITLE_JOINERS, w) && !(split_and && w == "and") || w == ":" {
                // One or two joiners, then a capitalised word ("of an Ugly …", "in the Dark").
                let mut m = k + 1;
                if in_sorted(TITLE_JOINERS, ctx.s(m)) && ctx.s(m) != "and" {
                    m += 1;
                }
                if !(cap_word(ctx, m) && ctx.unit(m) == unit) {
                    break;
                }
                k = m + 1;
            } else {
                break;
            }
        }
        // The run is the author's name; the title follows the possessive.
        let after = k + possessive(ctx, k);
        if after > k && ctx.unit(after) == unit && cap_word(ctx, after) {
            j = after;
            continue;
        }
        return Some((a, k));
    }
    None
}

/// The number of tokens of a possessive ending at token `k` ("'s", or "'" and "s"), 0 if none.
fn possessive(ctx: &Ctx<'_>, k: usize) -> usize {
    match ctx.s(k) {
        "'s" | "’s" => 1,
        "'" | "’" if ctx.s(k + 1) == "s" => 2,
        _ => 0,
    }
}

/// The end of a name that the singular work noun at token `i` describes in apposition ("X, a
/// novel by …", "X, her debut album, …"): a comma, a determiner and at most two lower-case
/// words before the noun; after it, punctuation or a word that goes on about a work ("by",
/// "about", "released"), not a role noun ("X, a film director").
fn apposed_title(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let next = ctx.s(i + 1);
    let goes_on = !words::has_alnum(next)
        || matches!(
            next,
            "by" | "about"
                | "from"
                | "that"
                | "which"
                | "set"
                | "released"
                | "published"
                | "written"
                | "directed"
                | "starring"
                | "whose"
                | "in"
                | "on"
                | "with"
        );
    if !goes_on || ctx.s(i).ends_with('s') && ctx.s(i) != "series" {
        return None;
    }
    let unit = ctx.unit(i);
    let mut k = i;
    for _ in 0..3 {
        if k < 2 || ctx.unit(k - 1) != unit {
            return None;
        }
        let w = ctx.s(k - 1);
        if matches!(w, "a" | "an" | "his" | "her" | "their" | "its") {
            return (ctx.s(k - 2) == "," && ctx.unit(k - 2) == unit).then_some(k - 2);
        }
        if !w.starts_with(|c: char| c.is_lowercase()) || w.len() < 3 {
            return None;
        }
        k -= 1;
    }
    None
}

/// Made things that a name is given to ("a robot named X", "the first part is called X"):
/// parts of works, products and machines.
fn thing_noun(w: &str) -> bool {
    in_sorted(PART_NOUNS, w)
        || in_sorted(PRODUCT_NOUNS, w)
        || matches!(w, "robot" | "robots" | "chatbot" | "drone" | "algorithm")
}

/// Whether the naming verb at token `i` gives a name to a work or a thing right after it
/// ("they named their robot X", "she called the album X"): a determiner and the noun, then
/// the name. Returns the token where the name starts.
fn naming_object(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let unit = ctx.unit(i);
    if !matches!(
        ctx.s(i + 1),
        "the" | "a" | "an" | "their" | "his" | "her" | "its" | "our" | "my" | "your"
    ) || ctx.unit(i + 2) != unit
    {
        return None;
    }
    (work_before(ctx, i + 2) || thing_noun(ctx.s(i + 2))).then_some(i + 3)
}

/// Whether the "called"/"named" at token `i` names a work or a part of one: the work noun
/// right before it, or with only a copula and adverbs between ("the first part is called X",
/// "a song now called X"); not across a role ("the film's director, named X").
fn names_work(ctx: &Ctx<'_>, i: usize) -> bool {
    let unit = ctx.unit(i);
    let mut k = i;
    for _ in 0..3 {
        if k == 0 || ctx.unit(k - 1) != unit {
            return false;
        }
        k -= 1;
        if work_before(ctx, k) || thing_noun(ctx.s(k)) {
            return true;
        }
        if !matches!(
            ctx.s(k),
            "is" | "was" | "be" | "been" | "being" | "now" | "also" | "simply" | "originally"
        ) {
            return false;
        }
    }
    false
}

/// Whether `w` is a hyphenated adjective before a title ("Oscar-winning", "best-selling",
/// "long-awaited").
fn hyphen_adjective(w: &str) -> bool {
    w.contains('-')
        && (w.ends_with("ing") || w.ends_with("ed"))
        && w.rsplit('-')
            .next()
            .is_some_and(|x| x.starts_with(|c: char| c.is_lowercase()))
}

/// Whether the run `[a, b)` after a work noun is rather a person acting in a clause ("the film
/// Ann Lee made"): a known first name opening two or more words, or a last word that is the
/// surname of a person the knowledge base knows; a lower-case word after.
fn clause_subject(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    b > a
        && (b >= a + 2 && ctx.gaz.is_first_name(ctx.s(a)) || ctx.gaz.is_surname(ctx.s(b - 1)))
        && ctx.unit(b) == ctx.unit(a)
        && ctx
            .s(b)
            .starts_with(|c: char| c.is_alphabetic() && c.is_lowercase())
        && !in_sorted(TITLE_JOINERS, ctx.s(b))
        && !matches!(
            ctx.s(b),
            "by" | "as" | "but" | "which" | "that" | "who" | "about"
        )
}

/// Whether the one word `w` is unknown: no entry of the knowledge base, no well-known
/// company, no demonym.
fn unknown_word(ctx: &Ctx<'_>, w: &str) -> bool {
    ctx.kb.lookup_cased(w).next().is_none() && !crate::known::org(w) && ctx.demonym(w).is_none()
}

/// Whether the one-word name `w` names an idea or a creed by its ending ("Xism", "Xophobia").
fn idea_word(w: &str) -> bool {
    w.len() >= 7
        && !words::all_caps(w)
        && w.bytes().all(|b| b.is_ascii_alphabetic())
        && (w.ends_with("ism") || w.ends_with("phobia"))
}

/// Whether the one word `w` names an event by a hyphenated event word ("Kite-Fest",
/// "Robo-Con", "Agri-Expo").
fn event_compound(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(head, last)| {
        !head.is_empty() && ["fest", "con", "expo"].iter().any(|x| words::is(last, x))
    })
}

/// Drops titles of works, products, ideas and licences (see the module's documentation), and
/// makes a pollster an organisation.
pub(crate) fn drop_works(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    if cands.is_empty() {
        return;
    }
    // Token ranges of titles and products.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    // Ends of names followed by a work noun in apposition ("X, a novel by …").
    let mut after_titles: Vec<usize> = Vec::new();
    // Product nouns after an unknown word: a name of up to three unknown words before one is
    // the product's ("the Quill Nova browser").
    let mut product_ends: Vec<usize> = Vec::new();
    let n = ctx.toks.len();
    for i in 0..n {
        let w = ctx.s(i);
        // Cheap test first: every cue is a lower-case word of two letters or more.
        if w.len() < 2 || !w.starts_with(|c: char| c.is_ascii_lowercase()) || ctx.caps_unit(i) {
            continue;
        }
        if work_before(ctx, i) {
            if let Some(end) = apposed_title(ctx, i) {
                after_titles.push(end);
            }
            let plural = w.ends_with('s') && w != "series";
            let mut j = i + 1;
            if ctx.s(j) == "," && !plural {
                j += 1;
            }
            // "whose last film was the award-winning X": a copula, an article, adjectives.
            let copula = !plural && matches!(ctx.s(j), "was" | "is");
            if copula {
                j += 1;
                if matches!(ctx.s(j), "the" | "a" | "an") {
                    j += 1;
                }
                while hyphen_adjective(ctx.s(j)) {
                    j += 1;
                }
            }
            if ctx.unit(j) != ctx.unit(i) {
                continue;
            }
            while let Some((a, b)) = title_run(ctx, j, plural) {
                if clause_subject(ctx, a, b) || copula && possessive(ctx, b) > 0 {
                    break;
                }
                runs.push((a, b));
                // "the films X and Y", "the novels X, Y and Z".
                if plural && matches!(ctx.s(b), "and" | "," | "or") && ctx.unit(b) == ctx.unit(i) {
                    j = b + 1;
                    continue;
                }
                break;
            }
            continue;
        }
        let titled = matches!(w, "titled" | "entitled")
            || matches!(w, "called" | "named" | "dubbed") && names_work(ctx, i)
            || w == "of"
                && i > 0
                && matches!(
                    ctx.s(i - 1),
                    "author"
                        | "authors"
                        | "co-author"
                        | "co-authors"
                        | "adaptation"
                        | "adaptations"
                        | "remake"
                        | "rendition"
                        | "translation"
                        | "translations"
                        | "chapter"
                        | "chapters"
                        | "episode"
                        | "episodes"
                        | "excerpt"
                        | "excerpts"
                )
            || w == "from" && i > 0 && matches!(ctx.s(i - 1), "excerpt" | "excerpts")
            || w == "to" && i > 0 && matches!(ctx.s(i - 1), "sequel" | "prequel");
        let naming = if matches!(w, "named" | "called" | "dubbed" | "name" | "call" | "calls") {
            naming_object(ctx, i)
        } else {
            None
        };
        if let Some(j) = naming {
            if let Some(r) = title_run(ctx, j, false) {
                runs.push(r);
            }
            continue;
        }
        if titled {
            let mut j = i + 1;
            while matches!(ctx.s(j), "," | ":") && ctx.unit(j) == ctx.unit(i) {
                j += 1;
            }
            if ctx.unit(j) == ctx.unit(i) {
                if let Some(r) = title_run(ctx, j, false) {
                    runs.push(r);
                }
            }
            continue;
        }
        if in_sorted(RELEASE_VERBS, w) && open_quote(ctx, i + 1) && ctx.unit(i + 1) == ctx.unit(i) {
            // "she released “X”": a quoted title after a verb of publishing.
            if let Some((a, b)) = title_run(ctx, i + 1, false) {
                if close_quote(ctx, b) {
                    runs.push((a, b));
                }
            }
            continue;
        }
        let two_word = i > 1
            && matches!(
                (ctx.s(i - 1), w),
                ("operating", "system")
                    | ("programming", "language")
                    | ("search", "engine")
                    | ("web", "browser")
                    | ("space", "station")
                    | ("space", "telescope")
            );
        if (two_word || in_sorted(PRODUCT_NOUNS, w)) && i > 0 {
            // One unknown capitalised word right before ("the X browser", "the X operating
            // system"), or two joined by "and" ("the X and Y spacecraft").
            let p = if two_word { i - 2 } else { i - 1 };
            let i = p + 1;
            if ctx.unit(p) == ctx.unit(i) && cap_word(ctx, p) && unknown_word(ctx, ctx.s(p)) {
                if p >= 2
                    && matches!(ctx.s(p - 1), "and" | "or")
                    && cap_word(ctx, p - 2)
                    && ctx.unit(p - 2) == ctx.unit(i)
                    && unknown_word(ctx, ctx.s(p - 2))
                {
                    runs.push((p - 2, p - 1));
                }
                runs.push((p, p + 1));
                product_ends.push(i);
            }
            continue;
        }
        if matches!(w, "license" | "licence" | "licenses" | "licences") {
            // The licence's name before it, written in capitals, initials or hyphenated
            // codes ("the Open Atlas License", "the CC BY-SA license").
            let mut a = i;
            while a > 0
                && a + 5 > i
                && ctx.unit(a - 1) == ctx.unit(i)
                && words::has_alnum(ctx.s(a - 1))
                && !ctx.s(a - 1).starts_with(|c: char| c.is_lowercase())
            {
                a -= 1;
            }
            if a < i {
                runs.push((a, i));
            }
        }
    }
    // Products of a well-known company named right after it ("Acme Widget", cut to the
    // company), named again alone.
    let mut everywhere: Vec<&str> = Vec::new();
    for c in cands.iter() {
        if c.t1 == c.t0 + 1
            && c.ty == EntityType::Org
            && crate::known::org(ctx.s(c.t0))
            && ctx.unit(c.t1) == ctx.unit(c.t0)
            && cap_word(ctx, c.t1)
            && !words::all_caps(ctx.s(c.t1))
            && words::head_type(ctx.s(c.t1)).is_none()
            && unknown_word(ctx, ctx.s(c.t1))
            && !cands.iter().any(|d| d.t0 == c.t1 && d.t1 > c.t1 + 1)
        {
            everywhere.push(ctx.s(c.t1));
        }
    }
    for &end in &product_ends {
        for c in cands.iter() {
            if c.t1 == end
                && c.t1 <= c.t0 + 3
                && c.kb.is_none()
                && (c.t0..c.t1).all(|k| unknown_word(ctx, ctx.s(k)))
            {
                runs.push((c.t0, c.t1));
            }
        }
    }
    for &end in &after_titles {
        if let Some(c) = cands.iter().find(|c| c.t1 == end && c.kb.is_none()) {
            runs.push((c.t0, c.t1));
        }
    }
    for &(a, b) in &runs {
        for c in cands.iter() {
            // The whole title, or a name of two words or more inside it, is dropped
            // wherever it stands.
            let inside = a <= c.t0 && c.t1 <= b && (c.t0 == a && c.t1 == b || c.t1 >= c.t0 + 2);
            if inside && c.kb.is_none() {
                everywhere.push(ctx.slice(c.span));
            }
        }
    }
    // A pollster before "poll" is an organisation; a place the knowledge base knows stays
    // the place polled ("a Florida poll").
    for c in cands.iter_mut() {
        if matches!(c.ty, EntityType::Person | EntityType::Gpe | EntityType::Loc)
            && c.kb.is_none()
            && !c.strong
            && unknown_word(ctx, ctx.s(c.t0))
            && c.t1 == c.t0 + 1
            && matches!(ctx.s(c.t1), "poll" | "polls" | "survey")
            && ctx.unit(c.t1) == ctx.unit(c.t0)
        {
            c.ty = EntityType::Org;
            c.cued = true;
        }
    }
    cands.retain(|c| {
        // A name inside a title goes with it; a name reaching past the title is kept.
        if runs.iter().any(|&(a, b)| a <= c.t0 && c.t1 <= b) {
            return false;
        }
        if c.kb.is_none() && everywhere.contains(&ctx.slice(c.span)) {
            return false;
        }
        !(c.t1 == c.t0 + 1
            && c.kb.is_none()
            && (idea_word(ctx.s(c.t0)) || event_compound(ctx.s(c.t0))))
    });
}

/// Nouns for fictional characters, gods and heroes that, right before a name ("the goddess
/// X", "the character X") or in apposition after it ("X, the superhero,"), make it a person.
/// Sorted for binary search.
const CHARACTER_NOUNS: &[&str] = &[
    "character",
    "deity",
    "demigod",
    "god",
    "goddess",
    "hero",
    "heroine",
    "protagonist",
    "superhero",
    "superheroine",
    "supervillain",
    "villain",
];

/// The plurals of [`CHARACTER_NOUNS`] that head a list of examples ("gods such as X, Y and
/// Z"). Sorted for binary search.
const CHARACTER_PLURALS: &[&str] = &[
    "characters",
    "deities",
    "demigods",
    "goddesses",
    "gods",
    "heroes",
    "heroines",
    "protagonists",
    "superheroes",
    "supervillains",
    "villains",
];

/// Lower-case words that put the celestial body after them in an astronomical context.
/// Sorted for binary search.
const SKY_WORDS: &[&str] = &[
    "asteroid",
    "asteroids",
    "astronomer",
    "astronomers",
    "comet",
    "comets",
    "crater",
    "craters",
    "eclipse",
    "lander",
    "lunar",
    "orbit",
    "orbital",
    "orbited",
    "orbiting",
    "orbits",
    "planet",
    "planetary",
    "planets",
    "probe",
    "rover",
    "sample",
    "samples",
    "solar",
    "spacecraft",
    "surface",
    "telescope",
];

/// The Sun, the Moon and the planets of the solar system, by their English names.
fn celestial_body(w: &str) -> bool {
    matches!(
        w,
        "Sun"
            | "Moon"
            | "Earth"
            | "Mercury"
            | "Venus"
            | "Mars"
            | "Jupiter"
            | "Saturn"
            | "Uranus"
            | "Neptune"
            | "Pluto"
    )
}

/// Whether the name `[t0, t1)` is cued as a fictional character or a god by the words right
/// before it ("the voice of X", "dressed as X", "the goddess X") or after it ("X, the
/// superhero").
fn character_cued(ctx: &Ctx<'_>, t0: usize, t1: usize) -> bool {
    let unit = ctx.unit(t0);
    let before = |k: usize| {
        if t0 >= k && ctx.unit(t0 - k) == unit {
            ctx.s(t0 - k)
        } else {
            ""
        }
    };
    let b1 = before(1);
    if in_sorted(CHARACTER_NOUNS, b1) && words::is_determiner(before(2)) {
        return true;
    }
    if b1 == "of" && before(2) == "voice" {
        return true;
    }
    if b1 == "as" && matches!(before(2), "dressed" | "disguised" | "costumed") {
        return true;
    }
    // "she played X in the film", "played X in a new production".
    if b1 == "played" && ctx.s(t1) == "in" && ctx.unit(t1) == unit && stage_work_at(ctx, t1 + 1) {
        return true;
    }
    // "X, the superhero,", "X, a character in".
    if ctx.s(t1) == "," && ctx.unit(t1) == unit && words::is_determiner(ctx.s(t1 + 1)) {
        let mut k = t1 + 2;
        // One adjective or modifier before the noun ("the fictional superhero").
        if !in_sorted(CHARACTER_NOUNS, ctx.s(k))
            && ctx.s(k).starts_with(|c: char| c.is_ascii_lowercase())
        {
            k += 1;
        }
        if ctx.unit(k) == unit && in_sorted(CHARACTER_NOUNS, ctx.s(k)) {
            return true;
        }
    }
    false
}

/// Whether a work a part is played in opens at token `j`: determiners, possessives and up to
/// two lower-case modifiers, then a work noun ("the 2003 film", "her new musical").
fn stage_work_at(ctx: &Ctx<'_>, mut j: usize) -> bool {
    let unit = ctx.unit(j);
    for _ in 0..5 {
        if ctx.unit(j) != unit {
            return false;
        }
        let w = ctx.s(j);
        if in_sorted(WORK_NOUNS, w)
            || matches!(
                w,
                "adaptation" | "musical" | "play" | "production" | "remake" | "show"
            )
        {
            return true;
        }
        let skippable = matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its")
            || w.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !skippable {
            return false;
        }
        j += 1;
    }
    false
}

/// Whether the list holding the name at `t0` follows a plural character noun and "such as"
/// or "including" ("gods such as X, Y and Z"): walks back over the names, commas and "and"
/// of the list, at most a few steps.
fn character_list(ctx: &Ctx<'_>, cands: &[Cand], idx: usize) -> bool {
    let unit = ctx.unit(cands[idx].t0);
    let mut i = idx;
    for _ in 0..8 {
        let t0 = cands[i].t0;
        let cue = |k: usize| {
            if t0 >= k && ctx.unit(t0 - k) == unit {
                ctx.s(t0 - k)
            } else {
                ""
            }
        };
        if cue(1) == "as" && cue(2) == "such" && in_sorted(CHARACTER_PLURALS, cue(3))
            || matches!(cue(1), "including" | "like") && in_sorted(CHARACTER_PLURALS, cue(2))
        {
            return true;
        }
        // The previous name of the list, joined by a comma and/or "and"/"or".
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let prev = &cands[p];
        if ctx.unit(prev.t0) != unit {
            return false;
        }
        let gap_ok = (prev.t1..t0).all(|j| matches!(ctx.s(j), "," | "and" | "or"))
            && prev.t1 < t0
            && t0 - prev.t1 <= 2;
        if !gap_ok {
            return false;
        }
        i = p;
    }
    false
}

/// Whether the sentence holding token `t` speaks of the sky: an astronomical word within a
/// few words of it ("the orbit of X", "X's surface", "a probe to X").
fn sky_context(ctx: &Ctx<'_>, t: usize) -> bool {
    let unit = ctx.unit(t);
    let lo = t.saturating_sub(8);
    let hi = (t + 9).min(ctx.toks.len());
    (lo..hi).any(|j| j != t && ctx.unit(j) == unit && in_sorted(SKY_WORDS, ctx.s(j)))
        || (lo..hi).any(|j| {
            j != t
                && ctx.unit(j) == unit
                && ctx.s(j) != ctx.s(t)
                && celestial_body(ctx.s(j))
                && (j == 0 || ctx.s(j - 1) != "The")
        })
}

/// Types the names of characters and gods as persons, and the Sun, the Moon and the planets
/// named in an astronomical context as places (see the module docs).
pub(crate) fn type_characters(ctx: &Ctx<'_>, cands: &mut Vec<Cand>) {
    for idx in 0..cands.len() {
        let (t0, t1, ty) = (cands[idx].t0, cands[idx].t1, cands[idx].ty);
        if t1 == t0 + 1 && celestial_body(ctx.s(t0)) {
            // "The Sun reported": the newspaper, an organisation, opens with a capital.
            let outlet = t0 > 0 && ctx.s(t0 - 1) == "The";
            if ty != EntityType::Loc && !outlet && sky_context(ctx, t0) {
                cands[idx].ty = EntityType::Loc;
                cands[idx].kb = None;
                cands[idx].cued = true;
            }
            continue;
        }
        if ty == EntityType::Person || cands[idx].kb.is_some() {
            continue;
        }
        if character_cued(ctx, t0, t1) || character_list(ctx, cands, idx) {
            cands[idx].ty = EntityType::Person;
            cands[idx].cued = true;
        }
    }
    // The bodies the tagger left out ("the orbit of Earth", "a probe to Venus").
    let before = cands.len();
    for t in 0..ctx.toks.len() {
        let w = ctx.s(t);
        if w.len() < 3
            || !celestial_body(w)
            || ctx.unit(t) == NO_UNIT
            || ctx.caps_unit(t)
            || ctx.opens_unit(t)
            || t > 0 && ctx.s(t - 1) == "The"
            // Part of a longer name ("Earth Day", "Planet Mars Society").
            || cap_word(ctx, t + 1) && ctx.unit(t + 1) == ctx.unit(t)
            || t > 0 && cap_word(ctx, t - 1) && ctx.unit(t - 1) == ctx.unit(t)
            || cands[..before].iter().any(|c| c.t0 <= t && t < c.t1)
            || !sky_context(ctx, t)
        {
            continue;
        }
        let mut c = Cand::new(
            ctx.span(t),
            t,
            t + 1,
            EntityType::Loc,
            Source::Tagger(Label::Loc),
        );
        c.cued = true;
        cands.push(c);
    }
    if cands.len() > before {
        cands.sort_by_key(|c| (c.span.start(), c.span.end()));
    }
}
