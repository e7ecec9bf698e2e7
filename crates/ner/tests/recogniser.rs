//! Tests of the entry point, `Recogniser`, with the shipped model and the knowledge-base
//! gazetteer, on invented text only.

use newsgraph_doc::{ByteSpan, Sentence};
use newsgraph_ner::{
    Gazetteer, KbGazetteer, Label, NamedSpan, Recogniser, Scratch, Tagger, KB_GAZETTEER_ID,
};
use proptest::prelude::*;

/// The recogniser, loaded once for all tests.
#[allow(clippy::unwrap_used)]
fn recogniser() -> &'static Recogniser {
    static REC: std::sync::OnceLock<Recogniser> = std::sync::OnceLock::new();
    REC.get_or_init(|| Recogniser::new().unwrap())
}

/// Tags `text` (tokenised and split into sentences by `newsgraph-segment`), checks the spans
/// and returns the names with their labels.
fn tag(text: &str) -> Vec<(String, Label)> {
    let tokens = newsgraph_segment::tokenize(text);
    let sentences = newsgraph_segment::split_sentences(text, &[]);
    let mut out = Vec::new();
    recogniser().tag(text, &tokens, &sentences, &mut out);
    check_spans(text, &out);
    out.iter()
        .map(|n| (text[n.span.start()..n.span.end()].to_owned(), n.label))
        .collect()
}

/// Every span is in bounds, on char boundaries, not empty, in order and not overlapping.
fn check_spans(text: &str, out: &[NamedSpan]) {
    for n in out {
        assert!(n.span.end() <= text.len(), "{n:?} out of {}", text.len());
        assert!(text.is_char_boundary(n.span.start()) && text.is_char_boundary(n.span.end()));
        assert!(n.span.start() < n.span.end());
    }
    assert!(out.windows(2).all(|w| w[0].span.end() <= w[1].span.start()));
}

/// `text` has the names of `expect`, with their labels (other names may be found too).
fn check(text: &str, expect: &[(&str, Label)]) {
    let found = tag(text);
    for (name, label) in expect {
        assert!(
            found.iter().any(|(n, l)| n == name && l == label),
            "{name} ({label}) not in {found:?}"
        );
    }
}

#[test]
fn knowledge_base_names_get_their_kind() {
    check(
        "Officials of the World Bank and the International Monetary Fund met in Tel Aviv on Monday.",
        &[
            ("World Bank", Label::Org),
            ("International Monetary Fund", Label::Org),
            ("Tel Aviv", Label::Loc),
        ],
    );
    check(
        "Rockets were fired from the Gaza Strip, and Hezbollah said it had hit a base in Syria.",
        &[
            ("Gaza Strip", Label::Loc),
            ("Hezbollah", Label::Org),
            ("Syria", Label::Loc),
        ],
    );
}

#[test]
fn titles_possessives_and_compounds() {
    check(
        "Ayatollah Ali Khamenei said Iran's response to the Iran-backed militias' losses would be measured.",
        &[("Ali Khamenei", Label::Per), ("Iran", Label::Loc)],
    );
    let found = tag("President Tomas Ferreira flew to Lisbon, and Sen. Ada Quell stayed behind.");
    assert!(
        found.contains(&("Tomas Ferreira".to_owned(), Label::Per)),
        "{found:?}"
    );
    assert!(
        found.contains(&("Ada Quell".to_owned(), Label::Per)),
        "{found:?}"
    );
    assert!(found
        .iter()
        .all(|(n, _)| !n.starts_with("President") && !n.starts_with("Sen.")));
    let found = tag("The Kenya-based group and the U.S.-led coalition disagreed.");
    assert!(
        found.contains(&("Kenya".to_owned(), Label::Loc)),
        "{found:?}"
    );
}

#[test]
fn names_unknown_to_the_knowledge_base_are_found() {
    check(
        "Maria Okafor, a spokeswoman for Vexicorp Holdings, said the plant in Quenmark would reopen.",
        &[("Maria Okafor", Label::Per)],
    );
    let found =
        tag("Maria Okafor, a spokeswoman for Vexicorp Holdings, said the plant would reopen.");
    assert!(
        found.iter().any(|(n, _)| n.contains("Vexicorp")),
        "{found:?}"
    );
}

#[test]
fn all_caps_and_lower_case_text() {
    let found = tag("IRAN WARNS ISRAEL OVER STRIKES NEAR DAMASCUS");
    assert!(
        found
            .iter()
            .any(|(n, l)| (n == "IRAN" || n == "ISRAEL" || n == "DAMASCUS") && *l == Label::Loc),
        "{found:?}"
    );
    let found =
        tag("iranian officials met the delegation in nairobi on monday and flew on to damascus.");
    assert!(
        found.iter().all(|(n, _)| n != "on" && n != "monday"),
        "{found:?}"
    );
}

#[test]
fn bad_input_gives_sensible_output() {
    assert!(tag("").is_empty());
    assert!(tag("   \n\n  ").is_empty());
    // Diacritics and other scripts.
    let found = tag("José Ramírez met Łukasz Nowak in Kraków. وقال علي حسن في بيروت");
    assert!(found.iter().any(|(n, _)| n.contains("Kraków")), "{found:?}");
    // One sentence of 10,000 tokens.
    let long = "Maria Okafor saw Lisbon and ".repeat(2_000);
    let found = tag(&long);
    assert!(found.len() > 1_000, "{}", found.len());
}

#[test]
fn threads_share_one_recogniser() {
    let texts = [
        "The World Bank lent money to Kenya.",
        "Maria Okafor met Gen. Tomas Ferreira in Lisbon.",
        "Hamas and Hezbollah leaders met in Beirut.",
    ];
    let alone: Vec<_> = texts.iter().map(|t| tag(t)).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|k| {
                let texts = &texts;
                s.spawn(move || {
                    (0..20)
                        .map(|r| tag(texts[(k + r) % texts.len()]))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for (k, h) in handles.into_iter().enumerate() {
            for (r, got) in h.join().unwrap().into_iter().enumerate() {
                assert_eq!(got, alone[(k + r) % texts.len()]);
            }
        }
    });
}

#[test]
fn explicit_scratch_and_tagger_agree_with_tag() {
    let text = "Maria Okafor met officials of the World Bank in Nairobi. Okafor left.";
    let tokens = newsgraph_segment::tokenize(text);
    let sentences = newsgraph_segment::split_sentences(text, &[]);
    let rec = recogniser();
    let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
    rec.tag(text, &tokens, &sentences, &mut a);
    let mut scratch = Scratch::default();
    rec.tag_with(&mut scratch, text, &tokens, &sentences, &mut b);
    rec.tag_with(&mut scratch, text, &tokens, &sentences, &mut b);
    Tagger::new(rec.model()).tag(text, &tokens, &sentences, &mut c);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(rec.model().gazetteer(), KB_GAZETTEER_ID);
    assert_eq!(rec.gazetteer().id(), KB_GAZETTEER_ID);
    // A sentence span beyond the text is harmless.
    let far = [Sentence::new(ByteSpan::new(0, text.len() + 40).unwrap())];
    rec.tag(text, &tokens, &far, &mut a);
    check_spans(text, &a);
}

#[test]
fn gazetteer_lists() {
    let g = KbGazetteer::global().unwrap();
    assert!(g.is_title("Ayatollah") && g.is_title("gen."));
    assert!(g.is_first_name("Ahmed") && !g.is_first_name("however"));
    assert!(g.kb().demonym("Iranian").is_some());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let tokens = newsgraph_segment::tokenize(&text);
        let sentences = newsgraph_segment::split_sentences(&text, &[]);
        let mut out = Vec::new();
        recogniser().tag(&text, &tokens, &sentences, &mut out);
        check_spans(&text, &out);
        recogniser().tag(&text, &tokens, &[], &mut out);
        check_spans(&text, &out);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        let tokens = newsgraph_segment::tokenize(&text);
        let sentences = newsgraph_segment::split_sentences(&text, &[]);
        let mut out = Vec::new();
        recogniser().tag(&text, &tokens, &sentences, &mut out);
        check_spans(&text, &out);
    }

    #[test]
    fn name_like_text_never_panics(words in proptest::collection::vec("[A-Z][a-z]{0,8}|[A-Z]{2,6}|[a-z]{1,6}|[.,'’-]|al-[A-Z][a-z]+|\"|Tel Aviv|World Bank|Gen\\.", 0..60)) {
        let text = words.join(" ");
        tag(&text);
    }
}
