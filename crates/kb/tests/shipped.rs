//! Tests of the committed data (embedded in the crate): they run without `../shared`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_kb::{Date, Kb, Kind, NerType};

fn kb() -> &'static Kb {
    Kb::global().unwrap()
}

fn first_key(name: &str) -> String {
    let kb = kb();
    let id = kb.lookup_cased(name).next();
    id.and_then(|id| kb.get(id))
        .map(|e| e.key().to_owned())
        .unwrap_or_default()
}

#[test]
fn loads_quickly_and_reports_counts() {
    let start = std::time::Instant::now();
    let kb = Kb::load().unwrap();
    let elapsed = start.elapsed();
    kb.verify().unwrap();
    // Printed, not asserted: timed tests do not check speed (about 15 ms in release builds).
    println!("loaded {} entries in {elapsed:?}", kb.len());
    let counts: Vec<_> = kb.counts();
    println!("{counts:?} keys {:?}", kb.key_counts());
    let n = |k: Kind| counts.iter().find(|(c, _)| *c == k).map_or(0, |c| c.1);
    assert!(n(Kind::Country) >= 250);
    assert!(n(Kind::Person) > 10_000);
    assert!(n(Kind::NonStateGroup) > 500);
    assert!(n(Kind::Igo) > 100);
}

#[test]
fn iran() {
    let kb = kb();
    for name in [
        "Iran",
        "Islamic Republic of Iran",
        "IRAN",
        "Iran’s",
        "Persia",
    ] {
        assert_eq!(first_key(name), "kb:IRN", "{name}");
    }
    let iran = kb.get(kb.by_key("kb:IRN").unwrap()).unwrap();
    assert_eq!(iran.kind(), Kind::Country);
    assert_eq!(iran.ner(), NerType::Gpe);
    assert_eq!(iran.iso2(), Some("IR"));
    assert_eq!(iran.iso3(), Some("IRN"));
    assert_eq!(iran.cameo(), Some("IRN"));
    assert_eq!(iran.name(), "Iran");
    assert_eq!(kb.country_by_code("IR"), Some(iran.id()));
    let tehran = kb.get(kb.capital_of(iran.id()).unwrap()).unwrap();
    assert_eq!(tehran.name(), "Tehran");
    assert_eq!(first_key("Teheran"), "kb:IRN/tehran");
    assert_eq!(kb.demonym("Iranian"), Some(iran.id()));
    assert_eq!(kb.demonym("Iranians"), Some(iran.id()));
    assert!(iran.demonyms().any(|d| d == "Iranian"));
}

#[test]
fn united_states() {
    let kb = kb();
    for name in [
        "U.S.",
        "US",
        "USA",
        "United States",
        "the United States",
        "America",
    ] {
        assert_eq!(first_key(name), "kb:USA", "{name}");
    }
    assert_eq!(
        kb.lookup("United States of America").next(),
        kb.by_key("kb:USA")
    );
    // The pronoun is not the country in running text.
    assert!(kb.lookup_cased("us").next().is_none());
    assert!(kb.lookup_cased("Us").next().is_none());
    assert_eq!(kb.demonym("American"), kb.by_key("kb:USA"));
    let m = kb.longest_match(&["the", "United", "States"]);
    assert!(m.is_none(), "keys never start with 'the': callers skip it");
    let m = kb
        .longest_match(&["United", "States", "officials"])
        .unwrap();
    assert_eq!(m.tokens, 2);
}

#[test]
fn demonyms() {
    let kb = kb();
    assert_eq!(kb.demonym("Israelis"), kb.by_key("kb:ISR"));
    assert_eq!(kb.demonym("Israeli"), kb.by_key("kb:ISR"));
    assert_eq!(kb.demonym("Lebanese"), kb.by_key("kb:LBN"));
    assert_eq!(kb.demonym("Palestinians"), kb.by_key("kb:PSE"));
    assert_eq!(kb.demonym("British"), kb.by_key("kb:GBR"));
    assert!(kb.demonym("Minister").is_none());
}

#[test]
fn non_state_groups() {
    let kb = kb();
    for name in ["Hezbollah", "Hizbullah", "Hamas", "Taliban"] {
        let e = kb.get(kb.lookup_cased(name).next().unwrap()).unwrap();
        assert_eq!(e.kind(), Kind::NonStateGroup, "{name}");
        assert_eq!(e.ner(), NerType::Org);
        assert!(e.cameo().is_some_and(|c| c.contains("REB")), "{name}");
    }
    let hamas = kb.get(kb.lookup("Hamas").next().unwrap()).unwrap();
    assert_eq!(hamas.cameo(), Some("PSEREBHMS"));
    assert_eq!(hamas.country(), kb.by_key("kb:PSE"));
    let hez = kb.get(kb.lookup("Hezbollah").next().unwrap()).unwrap();
    assert_eq!(hez.country(), kb.by_key("kb:LBN"));
    // Its leader, named in the group's block, is a person affiliated with it.
    let n = kb
        .get(kb.lookup("Hassan Nasrallah").next().unwrap())
        .unwrap();
    assert_eq!(n.kind(), Kind::Person);
    assert_eq!(n.affiliation(), Some(hez.id()));
}

#[test]
fn united_nations() {
    let kb = kb();
    for name in ["United Nations", "U.N.", "UN", "the United Nations"] {
        assert_eq!(first_key(name), "kb:IGOUNO", "{name}");
    }
    let un = kb.get(kb.by_key("kb:IGOUNO").unwrap()).unwrap();
    assert_eq!(un.kind(), Kind::Igo);
    assert_eq!(un.name(), "United Nations");
    assert!(kb.lookup_cased("Un").next().is_none());
    let nato = kb.get(kb.lookup_cased("NATO").next().unwrap()).unwrap();
    assert_eq!(nato.name(), "North Atlantic Treaty Organization");
    assert_eq!(nato.cameo(), Some("IGOWSTNAT"));
}

#[test]
fn agents() {
    let kb = kb();
    assert_eq!(kb.agent("minister").map(|a| a.code), Some("GOV"));
    assert_eq!(kb.agent("ministers").map(|a| a.code), Some("GOV"));
    assert_eq!(kb.agent("police").map(|a| a.code), Some("COP"));
    assert_eq!(kb.agent("militants").map(|a| a.code), Some("UAF"));
    assert_eq!(kb.agent("rebels").map(|a| a.code), Some("REB"));
    assert!(kb.agent("Iran").is_none());
}

#[test]
fn a_leader_with_dated_roles() {
    let kb = kb();
    let k = kb
        .get(kb.lookup_cased("Ali Khamenei").next().unwrap())
        .unwrap();
    assert_eq!(k.key(), "kb:person/ali-khamenei");
    assert_eq!(k.name(), "Ali Khamenei");
    assert_eq!((k.kind(), k.ner()), (Kind::Person, NerType::Person));
    assert_eq!(k.country(), kb.by_key("kb:IRN"));
    assert_eq!(k.cameo(), Some("IRNGOV"));
    let dated: Vec<_> = k.roles().filter(|r| r.is_dated()).collect();
    assert!(dated.len() >= 2);
    assert!(dated
        .iter()
        .any(|r| r.code == "IRNGOV" && r.from == Date::new(1989, 6, 4) && r.to.is_none()));
    assert_eq!(first_key("Khamenei"), "kb:person/ali-khamenei");
    assert_eq!(first_key("Ayatollah Khamenei"), "kb:person/ali-khamenei");
    // A former leader: no open role, so the default code applies now, the dated one then.
    let a = kb
        .get(kb.lookup_cased("Mahmoud Ahmadinejad").next().unwrap())
        .unwrap();
    assert_eq!(a.cameo(), Some("IRNELI"));
    assert_eq!(a.code_at(Date::new(2010, 1, 1).unwrap()), Some("IRNGOV"));
}

#[test]
fn ids_are_unique_and_sorted() {
    let kb = kb();
    let keys: Vec<&str> = kb.entries().map(|e| e.key()).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    for e in kb.entries().step_by(97) {
        assert_eq!(kb.by_key(e.key()), Some(e.id()));
        assert!(!e.name().is_empty());
        // Every entry is found by its canonical name (lookup ignores case).
        assert!(kb.lookup(e.name()).any(|id| id == e.id()), "{}", e.key());
    }
}
