//! Property tests: arbitrary input never panics the lookups, the normaliser or the builder.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_kb::build::{build, Sources};
use newsgraph_kb::{normalize, normalize_into, Kb};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z.'’_&()\\-\u{301}\u{a0}éİßإ😀]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn lookups_never_panic(s in text()) {
        let kb = Kb::global().unwrap();
        let mut buf = String::new();
        normalize_into(&s, &mut buf);
        prop_assert_eq!(&buf, &normalize(&s));
        prop_assert!(!buf.starts_with(' ') && !buf.ends_with(' ') && !buf.contains("  "));
        // Normalising is idempotent.
        prop_assert_eq!(normalize(&buf), buf.clone());
        for id in kb.lookup(&s).chain(kb.lookup_cased(&s)).chain(kb.demonyms(&s)) {
            prop_assert!(kb.get(id).is_some());
        }
        let _ = kb.agent(&s);
        let tokens: Vec<&str> = s.split(' ').collect();
        if let Some(m) = kb.longest_match(&tokens) {
            prop_assert!(m.tokens >= 1 && m.tokens <= tokens.len());
            for id in m.entries {
                prop_assert!(kb.get(id).is_some());
            }
        }
        if let Some((n, _)) = kb.agent_longest_match(&tokens) {
            prop_assert!(n >= 1 && n <= tokens.len());
        }
        let _ = kb.by_key(&s);
        let _ = kb.country_by_code(&s);
    }

    #[test]
    fn builder_never_panics_on_odd_dictionaries(
        a in "[A-Z_+\\[\\]<>0-9 \t#;{}!~=\n-]{0,300}",
        b in any::<String>(),
    ) {
        let sources = Sources {
            countries_json: r#"[{"name": {"common": "Freedonia", "official": "Republic of Freedonia"},
                "cca2": "XF", "cca3": "XFR", "capital": ["Castello"],
                "demonyms": {"eng": {"f": "Freedonian", "m": "Freedonian"}}}]"#.into(),
            country_actors: a.clone(),
            international_actors: b.clone(),
            nonstate_actors: a.clone(),
            agents: format!("{a}\n{b}"),
            mit_licence: None,
            odbl_licence: None,
        };
        let built = build(&sources).unwrap();
        let kb = Kb::from_data(&built.data).unwrap();
        prop_assert!(kb.len() >= 2);
    }

    #[test]
    fn corrupt_entries_are_errors(cut in 0usize..4000, flip in any::<u8>()) {
        let sources = Sources {
            countries_json: r#"[{"name": {"common": "Freedonia"}, "cca2": "XF", "cca3": "XFR"}]"#.into(),
            ..Sources::default()
        };
        let mut data = build(&sources).unwrap().data;
        for (name, bytes) in &mut data.files {
            if name == "entries.bin" && !bytes.is_empty() {
                let i = cut % bytes.len();
                bytes[i] ^= flip;
                if cut % 3 == 0 {
                    bytes.truncate(i);
                }
            }
        }
        // Either an error or a knowledge base whose accessors all work.
        if let Ok(kb) = Kb::from_data(&data) {
            let _ = kb.verify();
            for e in kb.entries() {
                let _ = (e.name(), e.key(), e.cameo(), e.aliases().count(), e.roles().count());
            }
        }
    }
}
