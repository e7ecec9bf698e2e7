//! The offsets invariant, checked cheaply over every layer.

use crate::doc::Doc;
use crate::span::ByteSpan;

/// A span of a layer that breaks the offsets invariant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanProblem {
    /// The layer ("sentences", "tokens", …).
    pub layer: &'static str,
    /// The offending span.
    pub span: ByteSpan,
    /// What is wrong with it.
    pub problem: &'static str,
}

/// Checks that every span of every layer is in bounds and on character boundaries, that
/// sentences do not overlap each other or a non-body region, and that sentences and regions
/// together cover every non-blank character of the text.
///
/// Returns the problems found; an empty list means the document is sound.
pub fn check_spans(doc: &Doc) -> Vec<SpanProblem> {
    let text = doc.text();
    let mut problems = Vec::new();
    let mut check = |layer: &'static str, span: ByteSpan| {
        if span.get(text).is_none() {
            problems.push(SpanProblem {
                layer,
                span,
                problem: "out of bounds or not on a character boundary",
            });
        }
    };
    for r in doc.regions.iter().flatten() {
        check("regions", r.span);
    }
    for s in doc.sentences.iter().flatten() {
        check("sentences", s.span);
    }
    for t in doc.tokens.iter().flatten() {
        check("tokens", t.span);
    }
    if let Some(q) = &doc.quotations {
        for p in &q.pairs {
            check("quotations", p.open);
            check("quotations", p.close);
            check("quotations", p.content);
            for r in &p.reopenings {
                check("quotations", *r);
            }
        }
        for u in &q.unpaired {
            check("quotations", u.mark);
        }
    }
    for e in doc.entities.iter().flatten() {
        for m in &e.mentions {
            check("entities", m.span);
        }
    }
    for q in doc.quotes.iter().flatten() {
        check("quotes", q.content);
        let parties = [
            Some(&q.source.party),
            q.addressee.as_ref(),
            q.outlet.as_ref(),
        ];
        let spans = q
            .cue
            .iter()
            .copied()
            .chain(parties.into_iter().flatten().filter_map(|p| p.span))
            .chain(q.source.anonymity_reason)
            .chain(q.source.basis);
        for s in spans {
            check("quotes", s);
        }
    }
    for e in doc.events.iter().flatten() {
        check("events", e.trigger);
        let phrases = e.source.iter().chain(&e.target).filter_map(|a| match a {
            crate::events::Actor::Phrase(s) => Some(*s),
            crate::events::Actor::Entity(_) => None,
        });
        for s in e.evidence.iter().copied().chain(e.date_text).chain(phrases) {
            check("events", s);
        }
    }
    for r in doc.relations.iter().flatten() {
        check("relations", r.evidence);
    }
    if let Some(sentences) = &doc.sentences {
        let mut covered: Vec<(ByteSpan, &'static str)> = sentences
            .iter()
            .map(|s| (s.span, "sentences"))
            .chain(doc.regions.iter().flatten().map(|r| (r.span, "regions")))
            .collect();
        covered.sort_by_key(|(s, _)| (s.start(), s.end()));
        let mut pos = 0usize;
        for (span, layer) in covered {
            if span.start() < pos {
                problems.push(SpanProblem {
                    layer,
                    span,
                    problem: "overlaps the span before it",
                });
            } else if let Some(gap) = text.get(pos..span.start()) {
                if !gap.trim().is_empty() {
                    problems.push(SpanProblem {
                        layer,
                        span: ByteSpan::ordered(pos, span.start()),
                        problem: "non-blank text covered by no sentence or region",
                    });
                }
            }
            pos = pos.max(span.end());
        }
        if let Some(rest) = text.get(pos..) {
            if !rest.trim().is_empty() {
                problems.push(SpanProblem {
                    layer: "sentences",
                    span: ByteSpan::ordered(pos, text.len()),
                    problem: "non-blank text covered by no sentence or region",
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Meta, Region, RegionKind, Sentence};

    fn span(a: usize, b: usize) -> ByteSpan {
        ByteSpan::new(a, b).unwrap()
    }

    #[test]
    fn sound_document_has_no_problems() {
        let mut doc = Doc::new("x", "By Ann Lee: It rained. Roads shut.", Meta::default());
        doc.regions = Some(vec![Region {
            kind: RegionKind::Byline,
            span: span(0, 11),
        }]);
        doc.sentences = Some(vec![
            Sentence::new(span(12, 22)),
            Sentence::new(span(23, 34)),
        ]);
        assert_eq!(check_spans(&doc), vec![]);
    }

    #[test]
    fn finds_gaps_overlaps_and_bad_boundaries() {
        let mut doc = Doc::new("x", "It’s wet. Dry.", Meta::default());
        doc.sentences = Some(vec![Sentence::new(span(0, 3)), Sentence::new(span(2, 11))]);
        let problems = check_spans(&doc);
        let kinds: Vec<_> = problems.iter().map(|p| p.problem).collect();
        assert!(kinds.contains(&"out of bounds or not on a character boundary"));
        assert!(kinds.contains(&"overlaps the span before it"));
        assert!(kinds.contains(&"non-blank text covered by no sentence or region"));
    }
}
