//! Robustness: arbitrary input through every stage, pathological input in linear time, and the
//! stages' contract with the pipeline.

// Test helpers outside #[test] functions may panic: that is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_doc::{check_spans, Doc, Layer, Meta, Region, RegionKind, Severity, TokenKind};
use newsgraph_segment::{article_stages, split_sentences, tokenize, LanguageDetector, Sentencizer};
use proptest::prelude::*;

/// Runs every article stage over `text` and checks every invariant the layers promise.
fn run_and_check(text: &str, title: Option<String>) -> Doc {
    let mut doc = Doc::new(
        "p",
        text,
        Meta {
            title,
            ..Meta::default()
        },
    );
    for stage in article_stages() {
        stage.run(&mut doc);
    }
    let problems = check_spans(&doc);
    assert!(problems.is_empty(), "{problems:?} in {text:?}");
    let mut prev = 0;
    for t in doc.tokens.iter().flatten() {
        assert!(
            !t.span.is_empty() && t.span.start() >= prev,
            "token order in {text:?}"
        );
        assert!(t.span.get(text).is_some());
        prev = t.span.end();
    }
    let sentences: Vec<_> = doc.sentences.iter().flatten().map(|s| s.span).collect();
    for w in sentences.windows(2) {
        assert!(w[0].end() <= w[1].start(), "sentence order in {text:?}");
    }
    for s in &sentences {
        let surface = doc.slice(*s);
        assert!(
            !surface.is_empty() && surface.trim() == surface,
            "untrimmed {surface:?}"
        );
    }
    let q = doc.quotations.as_ref().expect("quotations ran");
    for p in &q.pairs {
        assert!(p.open.end() <= p.close.start(), "pair order in {text:?}");
        assert_eq!(p.content.start(), p.open.end());
        assert_eq!(p.content.end(), p.close.start());
        assert!(p.reopenings.iter().all(|r| p.content.contains(*r)));
    }
    for w in q.pairs.windows(2) {
        assert!(w[0].open.start() < w[1].open.start());
    }
    for w in q.unpaired.windows(2) {
        assert!(w[0].mark.start() < w[1].mark.start());
    }
    for m in [&doc.meta.byline, &doc.meta.dateline, &doc.meta.outlet]
        .into_iter()
        .flatten()
    {
        assert!(!m.is_empty() && text.contains(m.as_str()));
    }
    doc
}

const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{a0}",
    "\t",
    "\u{2029}",
    "\u{85}",
    ".",
    ". ",
    "...",
    "…",
    "?",
    "!",
    ",",
    ":",
    " - ",
    " — ",
    "-",
    "(",
    ")",
    "\"",
    "'",
    "‘",
    "’",
    "“",
    "”",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "U.S.",
    "Mr.",
    "Oct.",
    "p.m.",
    "No.",
    "L.",
    "Inc.",
    "3.5",
    "10:30",
    "1,200",
    "’s",
    "’90s",
    "’n’",
    "Hamas’",
    "wouldn’t",
    "Iran-backed",
    "said",
    "the",
    "The",
    "He",
    "war",
    "s",
    "TEHRAN",
    "(Reuters)",
    "NAIROBI, March 3 (AP) —",
    "By",
    "By Jane Doe",
    "Online Desk:",
    "Friday, January 4, 2019",
    "1. ",
    "- ",
    "• ",
    "😀",
    "👍\u{1F3FD}",
    "e\u{301}",
    "\u{301}",
    "مرحبا",
    "؟",
    "中文",
    "。",
    "Đặng",
    "\u{200d}",
    "\u{feff}",
    "\u{0}",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ],
        0..80,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_breaks_an_invariant(text in any::<String>()) {
        run_and_check(&text, None);
    }

    #[test]
    fn newsy_fragments_never_break_an_invariant(text in newsy(), with_title in any::<bool>()) {
        let title = with_title.then(|| text.lines().next().unwrap_or("").to_owned());
        run_and_check(&text, title);
    }

    #[test]
    fn arbitrary_bytes_read_lossily(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        run_and_check(&String::from_utf8_lossy(&bytes), None);
    }
}

#[test]
fn empty_document_has_empty_layers() {
    let doc = run_and_check("", None);
    assert_eq!(doc.regions.as_deref(), Some(&[][..]));
    assert_eq!(doc.sentences.as_deref(), Some(&[][..]));
    assert_eq!(doc.tokens.as_deref(), Some(&[][..]));
    assert_eq!(doc.meta.language, None);
}

#[test]
fn crlf_and_nbsp() {
    let text = "First line\r\nSecond\u{a0}one. Third one.\r\n\r\n“Fourth,” he said.\r\n";
    let doc = run_and_check(text, None);
    let got: Vec<&str> = doc
        .sentences
        .iter()
        .flatten()
        .map(|s| doc.slice(s.span))
        .collect();
    assert_eq!(
        got,
        [
            "First line",
            "Second\u{a0}one.",
            "Third one.",
            "“Fourth,” he said."
        ]
    );
}

#[test]
fn ten_thousand_word_sentence_without_punctuation() {
    let text = "word ".repeat(10_000);
    let doc = run_and_check(&text, None);
    assert_eq!(doc.sentences.as_ref().map(Vec::len), Some(1));
    assert_eq!(doc.tokens.as_ref().map(Vec::len), Some(10_000));
}

#[test]
fn pathological_inputs_finish() {
    // Each is about a megabyte; a quadratic scan would not finish in test time.
    for unit in [
        "a.",
        "U.",
        "“",
        "”",
        "’",
        "’s ",
        "s’ ",
        "‘",
        "'",
        "\"",
        "« ",
        "»",
        "„",
        "...",
        "\n",
        "By ",
        "A ",
        "TEHRAN ",
        "Mr. ",
        "1,2",
        "-",
        "\u{301}",
        "(",
        "a.a",
        "‘a ",
        "x’ y’ ",
    ] {
        let text = unit.repeat(1_000_000 / unit.len());
        let mut doc = Doc::new("big", text.as_str(), Meta::default());
        for stage in article_stages() {
            stage.run(&mut doc);
        }
        assert!(check_spans(&doc).is_empty(), "{unit:?}");
    }
}

#[test]
fn offsets_pin_multibyte_surface_text() {
    let text = "Luíza said “no” 😀 — مرحبا. Zoë left.";
    let doc = run_and_check(text, None);
    let sentences = doc.sentences.as_deref().unwrap_or(&[]);
    assert_eq!(sentences.len(), 2);
    let cs = doc.offsets().char_span(sentences[1].span);
    assert_eq!((cs.start(), cs.end()), (27, 36));
    let as_chars: String = text.chars().skip(cs.start()).take(cs.len()).collect();
    assert_eq!(as_chars, "Zoë left.");
    let q = &doc.quotations.as_ref().unwrap().pairs[0];
    let cq = doc.offsets().char_span(q.content);
    assert_eq!((cq.start(), cq.end()), (12, 14));
}

#[test]
fn stages_declare_their_layers_in_a_runnable_order() {
    let stages = article_stages();
    let names: Vec<_> = stages.iter().map(|s| s.name()).collect();
    assert_eq!(
        names,
        ["regions", "language", "sentences", "tokens", "quotations"]
    );
    let mut assigned: Vec<Layer> = Vec::new();
    for s in &stages {
        for r in s.requires() {
            assert!(
                assigned.contains(r),
                "{} requires {:?} before it is assigned",
                s.name(),
                r
            );
        }
        assigned.extend(s.assigns());
    }
    assert_eq!(
        assigned,
        [
            Layer::Regions,
            Layer::Language,
            Layer::Sentences,
            Layer::Tokens,
            Layer::Quotations
        ]
    );
}

#[test]
fn given_metadata_is_kept() {
    let meta = Meta {
        byline: Some("Desk A".into()),
        language: Some("fr".into()),
        ..Meta::default()
    };
    let mut doc = Doc::new("m", "By Jane Doe\nTEHRAN (Reuters) - Talks began.", meta);
    for stage in article_stages() {
        stage.run(&mut doc);
    }
    assert_eq!(doc.meta.byline.as_deref(), Some("Desk A"));
    assert_eq!(doc.meta.language.as_deref(), Some("fr"));
    assert_eq!(doc.meta.dateline.as_deref(), Some("TEHRAN"));
    // The byline is still a region, so not a sentence.
    let kinds: Vec<_> = doc.regions.iter().flatten().map(|r| r.kind).collect();
    assert_eq!(kinds, [RegionKind::Byline, RegionKind::Dateline]);
}

#[test]
fn sentencizer_without_regions_and_with_bad_ones() {
    let mut doc = Doc::new("s", "One. Two.", Meta::default());
    newsgraph_doc::Stage::run(&Sentencizer, &mut doc);
    assert_eq!(doc.sentences.as_ref().map(Vec::len), Some(2));
    let span = newsgraph_doc::ByteSpan::new(3, 99).unwrap();
    doc.regions = Some(vec![Region {
        kind: RegionKind::Byline,
        span,
    }]);
    newsgraph_doc::Stage::run(&Sentencizer, &mut doc);
    assert_eq!(doc.sentences.as_ref().map(Vec::len), Some(2));
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.stage == "sentences" && d.severity == Severity::Warning));
}

#[test]
fn sentences_skip_regions_anywhere() {
    let text = "Alpha one. Beta two. Gamma three.";
    let span = newsgraph_doc::ByteSpan::new(11, 20).unwrap();
    let got: Vec<&str> = split_sentences(
        text,
        &[Region {
            kind: RegionKind::Headline,
            span,
        }],
    )
    .iter()
    .map(|s| s.span.get(text).unwrap())
    .collect();
    assert_eq!(got, ["Alpha one.", "Gamma three."]);
}

#[test]
fn language_is_noted_when_unknown() {
    let mut doc = Doc::new("l", "1234 5678", Meta::default());
    newsgraph_doc::Stage::run(&LanguageDetector, &mut doc);
    assert_eq!(doc.meta.language, None);
    assert_eq!(doc.diagnostics.len(), 1);
}

#[test]
fn non_latin_tokens() {
    let text = "قال الوزير، «نعم». 会谈 हिन्दी Ελλάδα";
    let got: Vec<(&str, TokenKind)> = tokenize(text)
        .iter()
        .map(|t| (t.span.get(text).unwrap(), t.kind))
        .collect();
    let words: Vec<&str> = got.iter().map(|(w, _)| *w).collect();
    assert_eq!(
        words,
        [
            "قال",
            "الوزير",
            "،",
            "«",
            "نعم",
            "»",
            ".",
            "会谈",
            "हिन्दी",
            "Ελλάδα"
        ]
    );
}
