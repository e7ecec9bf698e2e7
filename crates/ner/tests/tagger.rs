//! Tests of the shipped model and of training, on invented text only.

use newsgraph_doc::{ByteSpan, Sentence, Token, TokenKind};
use newsgraph_ner::{
    evaluate, parse_iob2, train, BioTag, Label, Model, NamedSpan, NoGazetteer, Tagger, TrainConfig,
};
use proptest::prelude::*;

/// The shipped model, loaded once for all tests.
#[allow(clippy::unwrap_used)]
fn shipped() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| Model::load_embedded().unwrap())
}

fn names(model: &Model, text: &str) -> Vec<(String, Label)> {
    let tokens = newsgraph_segment::tokenize(text);
    let sentences = newsgraph_segment::split_sentences(text, &[]);
    let mut out = Vec::new();
    model.tag(text, &tokens, &sentences, &mut out);
    out.iter()
        .map(|n| (text[n.span.start()..n.span.end()].to_owned(), n.label))
        .collect()
}

fn has(found: &[(String, Label)], name: &str, label: Label) -> bool {
    found.iter().any(|(n, l)| n == name && *l == label)
}

#[test]
fn finds_obvious_names() {
    let model = shipped();
    let found = names(model, "Maria Okafor met officials in Nairobi on Monday.");
    assert!(has(&found, "Maria Okafor", Label::Per), "{found:?}");
    assert!(has(&found, "Nairobi", Label::Loc), "{found:?}");

    let found = names(
        model,
        "The talks in Berlin were led by John Smith, a senior adviser to the United Nations.",
    );
    assert!(has(&found, "Berlin", Label::Loc), "{found:?}");
    assert!(has(&found, "John Smith", Label::Per), "{found:?}");
    assert!(has(&found, "United Nations", Label::Org), "{found:?}");
}

#[test]
fn titles_and_the_stay_outside_names() {
    let model = shipped();
    let found = names(
        model,
        "President Tomas Ferreira flew to the United States on Tuesday, his office said.",
    );
    assert!(has(&found, "Tomas Ferreira", Label::Per), "{found:?}");
    assert!(has(&found, "United States", Label::Loc), "{found:?}");
    assert!(found
        .iter()
        .all(|(n, _)| !n.starts_with("the ") && !n.starts_with("President")));
}

#[test]
fn hyphenated_words_give_their_name_part() {
    let model = shipped();
    let text = "Iraq-based fighters crossed into Syria.";
    let found = names(model, text);
    assert!(has(&found, "Syria", Label::Loc), "{found:?}");
    assert!(found.iter().all(|(n, _)| n != "Iraq-based"), "{found:?}");
}

#[test]
fn empty_sentences_mean_whole_text_and_buffers_are_reused() {
    let model = shipped();
    let text = "Maria Okafor met officials in Nairobi on Monday.";
    let tokens = newsgraph_segment::tokenize(text);
    let mut tagger = Tagger::new(model);
    let mut a = Vec::new();
    tagger.tag(text, &tokens, &[], &mut a);
    let mut b = vec![NamedSpan {
        span: ByteSpan::empty(0),
        label: Label::Misc,
    }];
    let sentences = newsgraph_segment::split_sentences(text, &[]);
    tagger.tag(text, &tokens, &sentences, &mut b);
    assert_eq!(a, b);
    assert!(!a.is_empty());
}

#[test]
fn spans_that_do_not_fit_are_skipped() {
    let model = shipped();
    let text = "Nairobi é";
    let bad = [
        Token {
            span: ByteSpan::new(3, 200).unwrap(),
            kind: TokenKind::Word,
        },
        Token {
            span: ByteSpan::new(8, 9).unwrap(),
            kind: TokenKind::Word,
        },
    ];
    let sentences = [Sentence::new(ByteSpan::new(0, 500).unwrap())];
    let mut out = Vec::new();
    model.tag(text, &bad, &sentences, &mut out);
    assert!(out.is_empty());
}

#[test]
fn model_bytes_round_trip_and_bad_bytes_are_errors() {
    let model = shipped();
    let bytes = model.to_bytes();
    assert_eq!(&Model::from_bytes(&bytes, "copy").unwrap(), model);
    let err = Model::from_bytes(b"NGNEX", "bad.bin")
        .unwrap_err()
        .to_string();
    assert!(err.contains("bad.bin"), "{err}");
    assert!(Model::from_bytes(&bytes[..bytes.len() - 1], "cut").is_err());
}

#[test]
fn training_learns_a_tiny_fixture() {
    let text = include_str!("data/tiny.iob2");
    let sentences = parse_iob2(text, "tiny.iob2").unwrap();
    assert_eq!(sentences.len(), 4);
    let config = TrainConfig {
        epochs: 10,
        seed: 7,
        bits: 14,
        upper_case_percent: 0,
        lower_case_percent: 0,
        ..TrainConfig::default()
    };
    let mut epochs = 0;
    let model = train(&sentences, &config, &NoGazetteer, |_, _| epochs += 1).unwrap();
    assert_eq!(epochs, 10);
    let ev = evaluate(&model, &sentences);
    let all = ev.overall();
    assert_eq!((all.correct, all.gold), (9, 9), "{ev}");
    assert_eq!(
        model.tag_tokens(&["Zorblat", "visited", "Quenmark", "."]),
        vec![
            BioTag::B(Label::Per),
            BioTag::O,
            BioTag::B(Label::Loc),
            BioTag::O
        ]
    );
    // Deterministic: the same data and settings give the same bytes.
    let again = train(&sentences, &config, &NoGazetteer, |_, _| {}).unwrap();
    assert_eq!(model.to_bytes(), again.to_bytes());
    // Bad settings are errors, not panics.
    assert!(train(&[], &config, &NoGazetteer, |_, _| {}).is_err());
    let zero = TrainConfig {
        epochs: 0,
        ..config
    };
    assert!(train(&sentences, &zero, &NoGazetteer, |_, _| {}).is_err());
    let too_much = TrainConfig {
        upper_case_percent: 70,
        lower_case_percent: 40,
        ..config
    };
    assert!(train(&sentences, &too_much, &NoGazetteer, |_, _| {}).is_err());
    // Trained without a gazetteer, the model says so and a tagger uses none.
    assert_eq!(model.gazetteer(), "none");
}

#[test]
fn retraining_from_shared_data_is_reproducible() {
    // Only where the training data is present (never on a fresh clone).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/train");
    if !dir.join("uner-ewt-train.iob2").exists() || cfg!(debug_assertions) {
        return;
    }
    let data = newsgraph_ner::load_training_dir(&dir).unwrap();
    let gaz = newsgraph_ner::KbGazetteer::global().unwrap();
    let model = train(&data.train, &TrainConfig::default(), gaz, |_, _| {}).unwrap();
    let shipped = Model::load_embedded().unwrap();
    assert!(
        model.to_bytes() == shipped.to_bytes(),
        "the shipped model is not what the training command makes"
    );
}

fn check(text: &str, out: &[NamedSpan]) {
    for n in out {
        assert!(n.span.end() <= text.len());
        assert!(text.is_char_boundary(n.span.start()) && text.is_char_boundary(n.span.end()));
        assert!(n.span.start() < n.span.end());
    }
    assert!(out.windows(2).all(|w| w[0].span.end() <= w[1].span.start()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let model = shipped();
        let tokens = newsgraph_segment::tokenize(&text);
        let sentences = newsgraph_segment::split_sentences(&text, &[]);
        let mut out = Vec::new();
        model.tag(&text, &tokens, &sentences, &mut out);
        check(&text, &out);
        model.tag(&text, &tokens, &[], &mut out);
        check(&text, &out);
    }

    #[test]
    fn name_like_text_never_panics(words in proptest::collection::vec("[A-Z][a-z]{0,8}|[a-z]{1,6}|[.,'’-]|Al-[A-Z][a-z]+|\"", 0..60)) {
        let model = shipped();
        let text = words.join(" ");
        let tokens = newsgraph_segment::tokenize(&text);
        let sentences = newsgraph_segment::split_sentences(&text, &[]);
        let mut out = Vec::new();
        model.tag(&text, &tokens, &sentences, &mut out);
        check(&text, &out);
    }

    #[test]
    fn arbitrary_spans_never_panic(text in "\\PC{0,80}", raw in proptest::collection::vec((0usize..120, 0usize..120, 0u8..5), 0..20)) {
        let model = shipped();
        let kinds = [TokenKind::Word, TokenKind::Number, TokenKind::Quote, TokenKind::Punct, TokenKind::Symbol];
        let tokens: Vec<Token> = raw.iter().map(|&(a, b, k)| Token { span: ByteSpan::ordered(a, b), kind: kinds[usize::from(k)] }).collect();
        let sentences = [Sentence::new(ByteSpan::ordered(0, text.len() + 5))];
        let mut out = Vec::new();
        model.tag(&text, &tokens, &sentences, &mut out);
        for n in &out {
            prop_assert!(text.get(n.span.start()..n.span.end()).is_some());
        }
    }
}
