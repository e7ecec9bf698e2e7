//! Arbitrary input never makes the entity stage panic, and every span it reports is in bounds
//! and on character boundaries.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_doc::{
    check_spans, ByteSpan, Doc, Meta, QuotePair, Region, RegionKind, Sentence, Stage, Token,
    TokenKind,
};
use newsgraph_entities::EntityStage;
use proptest::prelude::*;
use std::sync::OnceLock;

fn stage() -> &'static EntityStage {
    static STAGE: OnceLock<EntityStage> = OnceLock::new();
    STAGE.get_or_init(|| EntityStage::new().expect("embedded model and knowledge base"))
}

fn run(text: &str) {
    let mut doc = Doc::new("p", text, Meta::default());
    for s in newsgraph_segment::article_stages() {
        s.run(&mut doc);
    }
    stage().run(&mut doc);
    assert_eq!(check_spans(&doc), vec![]);
    let n = doc.entities.as_ref().map_or(0, Vec::len);
    for e in doc.entities.iter().flatten() {
        for m in &e.mentions {
            assert!(m.span.get(doc.text()).is_some(), "{m:?} in {text:?}");
        }
        assert!(e.affiliations.iter().all(|a| a.index() < n));
    }
}

/// Text made of news-like pieces, so that names, titles and pronouns meet odd characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Iran".to_owned()),
        Just("Iranian officials".to_owned()),
        Just("Ayatollah Ali Khamenei".to_owned()),
        Just("Hamas".to_owned()),
        Just("the group".to_owned()),
        Just("he said".to_owned()),
        Just("’s".to_owned()),
        Just("U.S.-led".to_owned()),
        Just("(UN)".to_owned()),
        Just(", the foreign minister,".to_owned()),
        Just("Iran-backed militias".to_owned()),
        Just("TEHRAN, May 3 (Reuters) -".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\n\n".to_owned()),
        Just(". ".to_owned()),
        Just("Zoë Ødegård".to_owned()),
        Just("مرحبا".to_owned()),
        Just("\u{301}".to_owned()),
        Just("\u{a0}".to_owned()),
        "[A-Za-z]{1,8}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,300}") {
        run(&text);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        run(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn news_like_text(text in newsy()) {
        run(&text);
    }

    /// Layers that do not fit the text (out of bounds, off character boundaries, overlapping)
    /// are ignored, never trusted.
    #[test]
    fn inconsistent_layers(
        text in "\\PC{0,80}",
        cuts in prop::collection::vec((0usize..120, 0usize..120), 0..20),
    ) {
        let spans: Vec<ByteSpan> = cuts.iter().map(|&(a, b)| ByteSpan::ordered(a, b)).collect();
        let tokens: Vec<Token> = spans
            .iter()
            .map(|&span| Token { span, kind: TokenKind::Word })
            .collect();
        let sentences: Vec<Sentence> = spans.iter().rev().map(|&s| Sentence::new(s)).collect();
        let regions: Vec<Region> = spans
            .iter()
            .take(2)
            .map(|&span| Region { kind: RegionKind::Headline, span })
            .collect();
        let quotes: Vec<QuotePair> = spans
            .iter()
            .take(3)
            .map(|&s| QuotePair { open: s, close: s, content: s, reopenings: vec![] })
            .collect();
        let entities = stage().find(&text, &tokens, &sentences, &regions, &quotes);
        for e in &entities {
            for m in &e.mentions {
                prop_assert!(m.span.get(&text).is_some());
            }
        }
    }
}
