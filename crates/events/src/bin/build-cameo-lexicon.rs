//! Builds `data/cameo_verbs.tsv`, the CAMEO-derived part of the event trigger lexicon.
//!
//! Usage (from the workspace root):
//!
//! ```text
//! cargo run -p newsgraph-events --bin build-cameo-lexicon -- \
//!     ../shared/kb/CAMEO.2.0.txt ../shared/kb/CAMEO2PLOVER-2021.txt \
//!     > crates/events/data/cameo_verbs.tsv
//! ```
//!
//! Reads the verb blocks of the CAMEO verb dictionary (PETRARCH format: a `--- NAME [code]
//! ---` header, then one verb a line with optional `{irregular forms}` and its own `[code]`),
//! keeps single-word verbs whose code has a CAMEO root 03–20, and maps each code to its
//! PLOVER type and mode with the CAMEO2PLOVER table (the longest listed prefix of the code).
//! Verbs of statement, appeal and cognition blocks (roots 01, 02) are left out, and so are
//! general verbs whose event sense needs a particular object (listed in `GENERAL`).
//!
//! Output: `base<TAB>irregular forms (space-separated)<TAB>PLOVER type<TAB>mode<TAB>code`.

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

/// Common verbs that CAMEO codes by default but that name an event only with a particular
/// object or in a particular sense ("die", "engage", "consider", "allow"): left to the
/// hand-written lexicon and its patterns.
const GENERAL: &[&str] = &[
    "die",
    "engage",
    "consider",
    "hear",
    "arrive",
    "allow",
    "go",
    "come",
    "link",
    "grant",
    "enact",
    "boost",
    "merge",
    "trade",
    "import",
    "purchase",
    "finance",
    "introduce",
    "invite",
    "notify",
    "assemble",
    "cable",
    "call",
    "host",
    "visit",
    "agree",
    "influence",
    "disclose",
    "rejoice",
    "bargain",
    "respect",
    "favor",
    "favour",
    "bless",
    "appreciate",
    "encourage",
    "reassert",
    "formalize",
    "formalise",
    "allocate",
    "facilitate",
    "enlist",
    "oversee",
    "manage",
    "stabilise",
    "stabilize",
    "intervene",
    "defend",
    "abandon",
    "absolve",
    "abstain",
    "submit",
    "yield",
    "loosen",
    "compromise",
    "inspect",
    "insist",
    "despair",
    "dismay",
    "distrust",
    "lament",
    "regret",
    "curse",
    "jeer",
    "endanger",
    "disturb",
    "provoke",
    "parade",
    "overfly",
    "patrol",
    "disrupt",
    "undermine",
    "spy",
    "confine",
    "exclude",
    "impel",
    "impose",
    "suppress",
    "extract",
    "sentence",
    "hurt",
    "rip",
    "destroy",
    "flatten",
    "pound",
    "repulse",
    "encircle",
    "target",
    "intend",
    "prepare",
    "revive",
    "signal",
    "strive",
    "offer",
    "pledge",
    "promise",
    "lecture",
    "hang",
    "slap",
    "whip",
    "abuse",
    "betray",
    "disassociate",
    "secede",
    "take",
    "steal",
    "prohibit",
    "fine",
    "sue",
    "order",
    "press",
    "push",
    "urge",
    "tell",
    "say",
    "ask",
    "request",
    "petition",
    "grill",
    "make",
    "give",
    "get",
    "hold",
    "keep",
    "meet",
    "see",
    "set",
    "put",
    "run",
    "turn",
    "bring",
    "leave",
    "move",
    "pass",
    "open",
    "close",
    "end",
    "start",
    "begin",
    "join",
    "return",
    "receive",
    "share",
    "help",
    "support",
    "back",
    "cover",
    "charge",
    "claim",
    "file",
    "fire",
    "fight",
    "beat",
    "hit",
    "storm",
    "free",
    "lift",
    "ease",
    "cut",
    "drop",
    "halt",
    "stop",
    "block",
    "deny",
    "refuse",
    "reject",
    "accept",
    "sign",
    "treat",
    "work",
    "win",
    "lose",
    "raise",
    "use",
    "follow",
    "lead",
    "spend",
    "pay",
    "send",
    "deliver",
    "provide",
    "supply",
    "offer",
    "commit",
    "clear",
    "review",
    "study",
    "examine",
    "check",
    "question",
    "test",
    "try",
    "judge",
    "rule",
    "decide",
    "vote",
    "elect",
    "appoint",
    "name",
    "nominate",
    "best",
    "master",
    "match",
    "ring",
    "circle",
    "overshadow",
    "overtake",
    "surmount",
    "dominate",
    "break",
    "crack",
    "tear",
    "pull",
    "catch",
    "spoil",
    "mar",
    "corrupt",
    "tarnish",
    "stock",
    "tender",
    "render",
    "gear",
    "attire",
    "outfit",
    "tend",
    "ward",
    "value",
    "prize",
    "prefer",
    "esteem",
    "admire",
    "inspire",
    "rouse",
    "spur",
    "enliven",
    "galvanize",
    "embolden",
    "affirm",
    "toast",
    "cheer",
    "clap",
    "celebrate",
    "reside",
    "inhabit",
    "infest",
    "moderate",
    "contain",
    "enclose",
    "tax",
    "levy",
    "bill",
    "remove",
    "force",
    "pit",
    "struggle",
    "conflict",
    "compensate",
    "interfere",
    "reassure",
    "invest",
    "buy",
    "fund",
    "sponsor",
    "underwrite",
    "impair",
    "vitiate",
    "sanctify",
    "revolutionise",
    "revolutionize",
    "pluck",
    "disorder",
    "disarray",
    "countermine",
    "glorify",
    "exalt",
    "honor",
    "honour",
    "risk",
    "shelter",
    "guard",
    "protect",
    "safeguard",
    "shield",
    "stone",
    "blow",
    "smash",
    "shatter",
    "ruin",
    "damage",
    "harm",
    "overcome",
    "recognise",
    "recognize",
    "greet",
    "salute",
    "reward",
    "abort",
    "restrict",
    "curb",
    "enforce",
    "bar",
    "arm",
    "equip",
    "furnish",
    "phone",
    "telephone",
    "surround",
    "ram",
    "lash",
    "kick",
    "hammer",
    "defeat",
    "wound",
    "injure",
    "blast",
    "explode",
    "pressure",
    "sabotage",
    "legitimise",
    "legitimize",
    "invigorate",
    "revitalize",
    "quarrel",
    "brand",
    "savage",
    "release",
    "resign",
    "disarm",
    "attend",
    "caution",
    "acquit",
    "punish",
    "combat",
    "battle",
    "wrestle",
    "overturn",
    "demonstrate",
    "fault",
    "breach",
    "grab",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(cameo), Some(map)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: build-cameo-lexicon CAMEO.2.0.txt CAMEO2PLOVER-2021.txt");
        return ExitCode::FAILURE;
    };
    let (cameo, map) = match (std::fs::read_to_string(cameo), std::fs::read_to_string(map)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("cannot read input: {e}");
            return ExitCode::FAILURE;
        }
    };
    let table = plover_table(&map);
    let mut out: BTreeMap<String, (String, String, String, String)> = BTreeMap::new();
    let mut default: Option<String> = None;
    let mut in_verbs = false;
    for line in cameo.lines() {
        if line.contains("VERB PATTERNS") {
            in_verbs = true;
            continue;
        }
        if !in_verbs {
            continue;
        }
        let body = line.split('#').next().unwrap_or("").trim();
        if body.is_empty() || body.starts_with('-') && !body.starts_with("---") {
            continue;
        }
        if let Some(h) = body.strip_prefix("---") {
            default = code_in(h);
            continue;
        }
        // Single-word verbs only: phrases (`+WIPE_OUT`) need a pattern matcher.
        if body.starts_with('+') || body.starts_with('&') {
            continue;
        }
        let base = body
            .split(|c: char| c.is_whitespace() || c == '{' || c == '[')
            .next()
            .unwrap_or("")
            .to_lowercase();
        if base.is_empty() || !base.chars().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        if GENERAL.contains(&base.as_str()) {
            continue;
        }
        let own = body.find('[').and_then(|k| code_in(&body[k..]));
        let Some(code) = own.or_else(|| default.clone()) else {
            continue;
        };
        let root: u32 = code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
        if !(3..=20).contains(&root) {
            continue;
        }
        // The default codes of the verbal, cognitive and affective blocks (030 "express
        // intent", 040 "consult", 050 "cooperate", 110 "disapprove", …) gather whole WordNet
        // synonym sets ("think", "learn", "need"): only their specific codes are kept.
        if matches!(
            code.as_str(),
            "030" | "040" | "050" | "060" | "080" | "090" | "100" | "110" | "120" | "140"
        ) {
            continue;
        }
        let Some((kind, mode)) = lookup(&table, &code) else {
            continue;
        };
        let irregular = match (body.find('{'), body.find('}')) {
            (Some(a), Some(b)) if a < b => body[a + 1..b]
                .split_whitespace()
                .map(str::to_lowercase)
                .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        };
        out.entry(base)
            .or_insert((irregular, kind.clone(), mode.clone(), code));
    }
    println!(
        "# Derived from the CAMEO verb dictionary (CAMEO.2.0.txt, Open Event Data Alliance, MIT)"
    );
    println!(
        "# mapped to PLOVER with CAMEO2PLOVER-2021.txt (CC BY-SA 4.0); this file: CC BY-SA 4.0."
    );
    println!("# Built by src/bin/build-cameo-lexicon.rs. Columns: base, irregular forms, type, mode, code.");
    for (base, (irr, kind, mode, code)) in out {
        println!("{base}\t{irr}\t{kind}\t{mode}\t{code}");
    }
    ExitCode::SUCCESS
}

/// The CAMEO code inside `[…]`, without a passive alternative (`[042:043]` → `042`).
fn code_in(s: &str) -> Option<String> {
    let a = s.find('[')?;
    let b = s[a..].find(']')? + a;
    let c = s[a + 1..b].split(':').next()?.trim();
    (!c.is_empty() && c.chars().all(|x| x.is_ascii_digit())).then(|| c.to_string())
}

/// CAMEO code → (PLOVER type, mode) from the conversion table (`031: AGREE,  , diplomatic`).
fn plover_table(map: &str) -> HashMap<String, (String, String)> {
    let mut t = HashMap::new();
    for line in map.lines() {
        let body = line.split('#').next().unwrap_or("");
        let Some((code, rest)) = body.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut f = rest.split(',').map(str::trim);
        let kind = f.next().unwrap_or("").to_string();
        let mode = f.next().unwrap_or("").to_string();
        if kind.chars().all(|c| c.is_ascii_uppercase() || c == '-') && !kind.is_empty() {
            t.entry(code.to_string()).or_insert((kind, mode));
        }
    }
    t
}

/// The entry of the longest listed prefix of `code`.
fn lookup(t: &HashMap<String, (String, String)>, code: &str) -> Option<(String, String)> {
    (2..=code.len())
        .rev()
        .find_map(|n| code.get(..n).and_then(|p| t.get(p)).cloned())
}
