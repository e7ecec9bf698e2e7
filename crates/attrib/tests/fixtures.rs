//! Fixture tests: each `tests/data/<case>.txt` is an invented article; `<case>.expect` holds
//! the quotes the stage must find, one line each (kind, content, cue, source, details).
//! Run with `ATTRIB_BLESS=1` to rewrite the expectations after a reviewed change.
// Test helpers may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use newsgraph_attrib::AttributionStage;
use newsgraph_doc::{check_spans, Doc, Meta, Stage};

/// Runs the article layer and the attribution stage on `text` (no entity layer).
fn run(text: &str) -> Doc {
    let mut doc = Doc::new("fixture", text, Meta::default());
    for stage in newsgraph_segment::article_stages() {
        stage.run(&mut doc);
    }
    AttributionStage::new().run(&mut doc);
    doc
}

/// One line per quote.
fn render(doc: &Doc) -> String {
    let mut out = String::new();
    for q in doc.quotes.iter().flatten() {
        let s = |span: Option<newsgraph_doc::ByteSpan>| {
            span.map_or("-".to_string(), |s| format!("{:?}", doc.slice(s)))
        };
        let src = &q.source;
        out.push_str(&format!(
            "{} {:?} cue={} src={} anon={} count={}",
            q.kind.as_str(),
            doc.slice(q.content),
            s(q.cue),
            s(src.party.span),
            src.anonymous,
            src.count.map_or("-".to_string(), |c| c.to_string()),
        ));
        if q.negated {
            out.push_str(" negated");
        }
        if q.denial {
            out.push_str(" denial");
        }
        if let Some(p) = q.parent {
            out.push_str(&format!(" parent=q{}", p.0 + 1));
        }
        if let Some(a) = &q.addressee {
            out.push_str(&format!(" to={}", s(a.span)));
        }
        if let Some(o) = &q.outlet {
            out.push_str(&format!(" via={}", s(o.span)));
        }
        if src.anonymity_reason.is_some() {
            out.push_str(&format!(" reason={}", s(src.anonymity_reason)));
        }
        if src.basis.is_some() {
            out.push_str(&format!(" basis={}", s(src.basis)));
        }
        out.push('\n');
    }
    out
}

/// The one check: the stage's quotes on fixture `case` equal its expectation, and every span
/// is sound.
fn check(case: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let text = std::fs::read_to_string(dir.join(format!("{case}.txt"))).unwrap();
    let doc = run(&text);
    assert_eq!(check_spans(&doc), vec![], "{case}: span problems");
    let got = render(&doc);
    let expect_path = dir.join(format!("{case}.expect"));
    if std::env::var_os("ATTRIB_BLESS").is_some() {
        std::fs::write(&expect_path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&expect_path).unwrap_or_default();
    assert_eq!(
        got,
        want,
        "{case}: quotes differ from {}",
        expect_path.display()
    );
}

#[test]
fn direct_quote_with_inverted_cue_and_appositive() {
    check("direct_inverted");
}

#[test]
fn direct_quote_before_pronoun_source_with_audience() {
    check("direct_post_pronoun");
}

#[test]
fn quote_split_by_its_cue_gives_two_quotes() {
    check("split_quote");
}

#[test]
fn indirect_speech_with_and_without_that() {
    check("indirect_pre");
}

#[test]
fn indirect_speech_with_cue_after_content() {
    check("indirect_post");
}

#[test]
fn according_to_before_and_after() {
    check("according_to");
}

#[test]
fn mixed_quote_with_fragment() {
    check("mixed");
}

#[test]
fn quotation_over_two_paragraphs_is_one_quote() {
    check("multi_paragraph");
}

#[test]
fn floating_quote_takes_previous_speaker() {
    check("floating");
}

#[test]
fn negation_and_denial_flags_and_questions_skipped() {
    check("negation_denial");
}

#[test]
fn anonymous_sources_counts_reason_and_basis() {
    check("anonymous");
}

#[test]
fn addressee_and_outlet() {
    check("addressee_outlet");
}

#[test]
fn nested_attribution_has_parent() {
    check("nested");
}

#[test]
fn participle_and_coordinated_cues_share_the_source() {
    check("participle_coord");
}

#[test]
fn quotation_with_no_speaker_anywhere() {
    check("no_speaker");
}

#[test]
fn unbalanced_quotation_marks() {
    check("unbalanced");
}

#[test]
fn interview_turns_are_quotes_of_their_speaker() {
    check("dialogue");
}

#[test]
fn wire_story_mix() {
    check("wire_mix");
}

#[test]
fn long_organisation_names_as_sources() {
    check("long_org_names");
}

#[test]
fn coordinated_participles_share_the_first_ones_source() {
    check("participle_chain");
}
