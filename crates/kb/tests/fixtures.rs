//! The builder on small invented dictionaries (tests/data/), in the same formats as the real
//! sources.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use newsgraph_kb::build::{build, Built, Sources};
use newsgraph_kb::{Date, Entry, Kb, Kind, NerType};

fn sources() -> Sources {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    Sources::from_dir(&dir).unwrap()
}

fn built() -> (Built, Kb) {
    let built = build(&sources()).unwrap();
    let kb = Kb::from_data(&built.data).unwrap();
    (built, kb)
}

fn one<'a>(kb: &'a Kb, name: &str) -> Entry<'a> {
    let ids: Vec<_> = kb.lookup(name).collect();
    assert!(!ids.is_empty(), "{name:?} not found");
    kb.get(ids[0]).unwrap()
}

fn keys(kb: &Kb, name: &str) -> Vec<String> {
    kb.lookup(name)
        .map(|id| kb.get(id).unwrap().key().to_owned())
        .collect()
}

#[test]
fn countries_merge_both_sources() {
    let (_, kb) = built();
    let f = one(&kb, "Freedonia");
    assert_eq!(f.key(), "kb:XFR");
    assert_eq!(f.kind(), Kind::Country);
    assert_eq!(f.ner(), NerType::Gpe);
    assert_eq!(f.iso2(), Some("XF"));
    assert_eq!(f.iso3(), Some("XFR"));
    assert_eq!(f.cameo(), Some("XFR"));
    // countries.json names, the dictionary's spellings and a typo within budget.
    for name in [
        "Republic of Freedonia",
        "the Republic of Freedonia",
        "Fridonia",
        "Freedonnia",
        "FREEDONIA",
    ] {
        assert_eq!(keys(&kb, name), ["kb:XFR"], "{name}");
    }
    // "XF" (the bare ISO code) and the inverted form are not aliases.
    assert!(kb.lookup("XF").next().is_none());
    assert!(kb.lookup("Freedonia, Republic of").next().is_none());
    // A translation only helps to classify dictionary variants; it is not an alias.
    assert!(kb.lookup("Libertonia").next().is_none());
    assert_eq!(kb.country_by_code("XF"), Some(f.id()));
    assert_eq!(kb.country_by_code("XFR"), Some(f.id()));
}

#[test]
fn demonyms_are_not_aliases() {
    let (_, kb) = built();
    let f = kb.by_key("kb:XFR").unwrap();
    assert_eq!(kb.demonym("Freedonian"), Some(f));
    assert_eq!(kb.demonym("Freedonians"), Some(f));
    assert_eq!(kb.demonym("freedonian"), Some(f));
    assert!(kb.lookup("Freedonian").next().is_none());
    // "Sylvanese" has no plural and names two countries: the independent, larger one first.
    let s = kb.by_key("kb:XSY").unwrap();
    let l = kb.by_key("kb:XLS").unwrap();
    assert_eq!(kb.demonyms("Sylvanese").collect::<Vec<_>>(), [s, l]);
    assert!(kb.demonym("Sylvaneses").is_none());
}

#[test]
fn capitals_and_places() {
    let (_, kb) = built();
    let f = kb.by_key("kb:XFR").unwrap();
    let cap = kb.get(kb.capital_of(f).unwrap()).unwrap();
    assert_eq!(cap.key(), "kb:XFR/castello");
    assert_eq!(cap.kind(), Kind::Capital);
    assert_eq!(cap.country(), Some(f));
    assert_eq!(cap.cameo(), Some("XFR"));
    // The dictionary's misspelling joins the capital.
    assert_eq!(keys(&kb, "Castelo"), ["kb:XFR/castello"]);
    let p = one(&kb, "Porto Verde");
    assert_eq!(
        (p.kind(), p.ner(), p.key()),
        (Kind::Place, NerType::Gpe, "kb:XFR/porto-verde")
    );
    let r = one(&kb, "Amber River");
    assert_eq!(r.ner(), NerType::Loc);
    // A capital given only by the dictionary's alias list still joins the capital entry.
    let s = kb.by_key("kb:XSY").unwrap();
    assert_eq!(keys(&kb, "Marrowby"), ["kb:XSY/marrowby"]);
    assert_eq!(kb.capital_of(s), kb.by_key("kb:XSY/marrowby"));
    assert!(kb.capital_of(kb.by_key("kb:XLS").unwrap()).is_none());
}

#[test]
fn persons_with_dated_roles() {
    let (_, kb) = built();
    let v = one(&kb, "Amara Velt");
    assert_eq!(v.key(), "kb:person/amara-velt");
    assert_eq!((v.kind(), v.ner()), (Kind::Person, NerType::Person));
    let roles: Vec<_> = v.roles().collect();
    assert_eq!(roles.len(), 2);
    assert_eq!(roles[0].code, "XFRELI");
    assert_eq!(roles[0].from, Date::new(1970, 1, 1));
    assert_eq!(roles[0].to, Date::new(1999, 1, 1));
    assert_eq!(roles[1].from, Date::new(1999, 1, 1));
    assert_eq!(roles[1].to, None);
    assert_eq!(v.cameo(), Some("XFRGOV"));
    assert_eq!(v.code_at(Date::new(1995, 6, 1).unwrap()), Some("XFRELI"));
    assert_eq!(v.country(), kb.by_key("kb:XFR"));
    // Title-stripped alias and bare surname.
    assert_eq!(keys(&kb, "President Velt"), ["kb:person/amara-velt"]);
    assert_eq!(keys(&kb, "Velt"), ["kb:person/amara-velt"]);
    // A closed role then a default: the default applies now.
    let g = one(&kb, "Tobias Grennick");
    assert_eq!(g.cameo(), Some("XFRELI"));
    assert_eq!(g.code_at(Date::new(2007, 1, 1).unwrap()), Some("XFRGOV"));
    // A malformed date is kept open and reported with file and line.
    let o = one(&kb, "Marguerite Ossory");
    let r: Vec<_> = o.roles().collect();
    assert_eq!((r[0].from, r[0].to), (None, Date::new(2003, 12, 31)));
}

#[test]
fn organisations_merge_and_gate_acronyms() {
    let (_, kb) = built();
    let l = one(&kb, "League of Coastal States");
    assert_eq!(l.key(), "kb:IGOLCS");
    assert_eq!(l.kind(), Kind::Igo);
    assert_eq!(l.name(), "League of Coastal States");
    assert!(l.aliases().any(|a| a == "LCS"));
    for name in ["LCS", "L.C.S.", "The League of Coastal States"] {
        assert_eq!(
            kb.lookup_cased(name).collect::<Vec<_>>(),
            [l.id()],
            "{name}"
        );
    }
    // Acronym-only aliases need capitals in running text.
    assert!(kb.lookup_cased("Lcs").next().is_none());
    assert!(kb.lookup_cased("lcs").next().is_none());
    assert!(kb.lookup("lcs").next().is_some());
    // "LCS envoy" names a person by role: dropped.
    assert!(kb.lookup("LCS envoy").next().is_none());
    let m = one(&kb, "Odette Marlow");
    assert_eq!(m.affiliation(), Some(l.id()));
    assert_eq!(m.cameo(), Some("ELI"));
    let n = one(&kb, "Global Harbour Trust");
    assert_eq!(
        (n.kind(), n.key()),
        (Kind::Ngo, "kb:NGO/global-harbour-trust")
    );
}

#[test]
fn groups_and_their_people() {
    let (_, kb) = built();
    let g = one(&kb, "Crimson Lantern Front");
    assert_eq!(g.kind(), Kind::NonStateGroup);
    assert_eq!(g.key(), "kb:XFRREB");
    assert_eq!(g.cameo(), Some("XFRREB"));
    assert_eq!(g.country(), kb.by_key("kb:XFR"));
    assert_eq!(keys(&kb, "Lantern Brigades"), ["kb:XFRREB"]);
    // The commander named in the group's block is a person affiliated with it.
    let p = one(&kb, "Rufus Tallow");
    assert_eq!(p.kind(), Kind::Person);
    assert_eq!(p.affiliation(), Some(g.id()));
    assert_eq!(keys(&kb, "Tallow"), [p.key()]);
    assert!(kb.lookup("CLF militants").next().is_none());
    // "The X" of one common word that is no name of the group alone links nothing; an
    // acronym after "The" stays.
    assert!(kb.lookup("Beacon").next().is_none());
    assert!(kb.lookup("The Beacon").next().is_none());
    assert_eq!(keys(&kb, "XFLF"), ["kb:XFRREB"]);
}

#[test]
fn agents_with_plurals_and_substitutions() {
    let (_, kb) = built();
    let code = |s: &str| kb.agent(s).map(|a| (a.code, a.prefix));
    assert_eq!(code("minister"), Some(("GOV", false)));
    assert_eq!(code("Ministers"), Some(("GOV", false)));
    assert_eq!(code("police"), Some(("COP", false)));
    assert_eq!(code("polices"), None);
    assert_eq!(code("policewomen"), Some(("COP", false)));
    assert_eq!(code("children"), Some(("CVL", false)));
    assert_eq!(code("childs"), None);
    assert_eq!(code("militants"), Some(("UAF", false)));
    assert_eq!(code("aid agencies"), Some(("NGO", true)));
    let m = kb
        .agent_longest_match(&["riot", "police", "fired"])
        .unwrap();
    assert_eq!((m.0, m.1.code), (2, "COP"));
}

#[test]
fn gazetteer_longest_match() {
    let (_, kb) = built();
    let m = kb
        .longest_match(&["Republic", "of", "Freedonia", "said"])
        .unwrap();
    assert_eq!(m.tokens, 3);
    assert_eq!(
        m.entries
            .map(|id| kb.get(id).unwrap().key())
            .collect::<Vec<_>>(),
        ["kb:XFR"]
    );
    // Possessives and punctuation tokens are passed over but never end a match.
    let m = kb.longest_match(&["Freedonia", "’s", "army"]).unwrap();
    assert_eq!(m.tokens, 1);
    let m = kb
        .longest_match(&["Crimson", "-", "Lantern", "Front"])
        .unwrap();
    assert_eq!(m.tokens, 4);
    assert!(kb.longest_match(&[",", "Freedonia"]).is_none());
    assert!(kb.longest_match(&[]).is_none());
    // Lower-case text does not match names.
    assert!(kb.longest_match(&["freedonia"]).is_none());
    assert!(kb.longest_match(&["LCS"]).is_some());
    assert!(kb.longest_match(&["Lcs"]).is_none());
}

#[test]
fn report_names_drops_and_places() {
    let (built, kb) = built();
    let r = &built.report;
    assert_eq!(r.dropped.get("record without a code (null code)"), Some(&1));
    assert_eq!(
        r.dropped
            .get("record of the fictional test country Kinakuta"),
        Some(&1)
    );
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("Phoenix.Countries.actors.txt:31:") && w.contains("9912345")),
        "{:?}",
        r.warnings
    );
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("Phoenix.agents.txt:12:")),
        "{:?}",
        r.warnings
    );
    assert!(kb.lookup("Kinakuta").next().is_none());
    assert!(kb.lookup("Nobody Important").next().is_none());
    assert_eq!(r.entries.get(&Kind::Country), Some(&3));
    assert!(r.summary().contains("entries:"));
    let notice = String::from_utf8(built.data.file("NOTICE").unwrap().to_vec()).unwrap();
    assert!(notice.contains("ODbL"));
    assert!(notice.contains("MIT"));
}

#[test]
fn output_is_deterministic_and_round_trips_through_files() {
    let a = build(&sources()).unwrap();
    let b = build(&sources()).unwrap();
    assert_eq!(a.data, b.data);
    let dir = std::env::temp_dir().join(format!("newsgraph-kb-fixture-{}", std::process::id()));
    let written = a.data.write_to(&dir).unwrap();
    assert_eq!(written.len(), a.data.files.len());
    for (name, bytes) in &a.data.files {
        assert_eq!(&std::fs::read(dir.join(name)).unwrap(), bytes, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_json_names_file_line_and_column() {
    let mut s = sources();
    s.countries_json = "[\n  {\"name\": 3}\n]".into();
    let err = build(&s).unwrap_err().to_string();
    assert!(err.starts_with("countries.json:2:"), "{err}");
    s.countries_json = r#"[{"name": {"common": "X"}, "cca2": "x1", "cca3": "XXX"}]"#.into();
    let err = build(&s).unwrap_err().to_string();
    assert!(err.contains("cca2"), "{err}");
}

#[test]
fn corrupt_data_is_an_error_not_a_panic() {
    let built = build(&sources()).unwrap();
    let mut data = built.data.clone();
    for (name, bytes) in &mut data.files {
        if name == "entries.bin" {
            bytes.truncate(bytes.len() / 2);
        }
    }
    let err = Kb::from_data(&data).unwrap_err().to_string();
    assert!(err.starts_with("entries.bin at byte"), "{err}");
    let mut data = built.data.clone();
    data.files.retain(|(n, _)| n != "aliases.fst");
    assert!(Kb::from_data(&data).is_err());
}
