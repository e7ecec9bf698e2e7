//! Data-driven tests: each `tests/data/<case>.case` file is an invented article with the
//! expected output of the article stages.
//!
//! A case file has sections, each opened by a `== name` line; lines starting with `#` before
//! the first section are comments.
//! - `title`: the title given with the article (one line).
//! - `text`: the article; the lines up to the next section, joined by `\n`.
//! - `regions`: `kind: surface` per region, in order (`headline`, `byline`, `dateline`, `date`).
//! - `meta`: `field: value` for byline, dateline, outlet, language; `-` means none.
//! - `sentences`: the sentences, one a line, in order.
//! - `quotes`: the content of each quotation pair, in order of opening marks; `\n` stands for a
//!   line break; a trailing ` [reopenings=N]` gives the number of reopening marks (else 0).
//! - `unpaired`: `mark side` per unpaired mark, in order.
//! - `tokens`: every token, separated by white space.
//! - `has-tokens`: each line a run of tokens that must occur one after another.
//! - `kinds`: `token kind` per line: some token with that surface has that kind.
//!
//! Every case also checks the offsets invariant with `check_spans`, that tokens are ordered
//! and do not overlap, and that no token straddles a sentence boundary.

// Test helpers outside #[test] functions may panic: that is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsgraph_doc::{check_spans, Doc, Meta};

struct Case {
    title: Option<String>,
    text: String,
    sections: Vec<(String, Vec<String>)>,
}

fn parse(source: &str) -> Case {
    let mut title = None;
    let mut text = None;
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in source.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            if let Some(done) = current.take() {
                sections.push(done);
            }
            current = Some((name.trim().to_owned(), Vec::new()));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line.to_owned());
        } else {
            assert!(
                line.starts_with('#') || line.is_empty(),
                "stray line {line:?}"
            );
        }
    }
    if let Some(done) = current.take() {
        sections.push(done);
    }
    let mut rest = Vec::new();
    for (name, lines) in sections {
        match name.as_str() {
            "title" => title = lines.first().cloned(),
            "text" => {
                let mut lines = lines;
                // The text keeps its inner blank lines; blank lines before the next section
                // header are dropped only when the text has content.
                while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
                    lines.pop();
                }
                text = Some(lines.join("\n"));
            }
            _ => rest.push((name, lines.into_iter().filter(|l| !l.is_empty()).collect())),
        }
    }
    Case {
        title,
        text: text.expect("a case needs a text section"),
        sections: rest,
    }
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn check(name: &str, source: &str) {
    let case = parse(source);
    let meta = Meta {
        title: case.title.clone(),
        ..Meta::default()
    };
    let mut doc = Doc::new(name, case.text.as_str(), meta);
    for stage in newsgraph_segment::article_stages() {
        stage.run(&mut doc);
    }
    let problems = check_spans(&doc);
    assert!(problems.is_empty(), "{name}: {problems:?}");
    check_invariants(name, &doc);

    for (section, lines) in &case.sections {
        match section.as_str() {
            "regions" => {
                let got: Vec<String> = doc
                    .regions
                    .iter()
                    .flatten()
                    .map(|r| format!("{}: {}", r.kind.as_str(), doc.slice(r.span)))
                    .collect();
                assert_eq!(&got, lines, "{name}: regions");
            }
            "meta" => {
                for line in lines {
                    let (field, value) = line
                        .split_once(": ")
                        .unwrap_or((line.trim_end_matches(':'), "-"));
                    let want = (value != "-").then_some(value);
                    let got = match field {
                        "byline" => doc.meta.byline.as_deref(),
                        "dateline" => doc.meta.dateline.as_deref(),
                        "outlet" => doc.meta.outlet.as_deref(),
                        "language" => doc.meta.language.as_deref(),
                        other => panic!("{name}: unknown meta field {other}"),
                    };
                    assert_eq!(got, want, "{name}: meta.{field}");
                }
            }
            "sentences" => {
                let got: Vec<&str> = doc
                    .sentences
                    .iter()
                    .flatten()
                    .map(|s| doc.slice(s.span))
                    .collect();
                assert_eq!(got, *lines, "{name}: sentences");
            }
            "quotes" => {
                let layer = doc.quotations.as_ref().expect("quotations ran");
                let got: Vec<String> = layer
                    .pairs
                    .iter()
                    .map(|p| {
                        let content = doc.slice(p.content).replace('\n', "\\n");
                        if p.reopenings.is_empty() {
                            content
                        } else {
                            format!("{content} [reopenings={}]", p.reopenings.len())
                        }
                    })
                    .collect();
                let want: Vec<String> = lines.iter().map(|l| l.to_owned()).collect();
                assert_eq!(got, want, "{name}: quotes");
                for p in &layer.pairs {
                    assert!(
                        p.open.end() <= p.content.start() && p.content.end() <= p.close.start()
                    );
                    for r in &p.reopenings {
                        assert!(p.content.contains(*r), "{name}: reopening outside its pair");
                    }
                    assert_eq!(
                        unescape(&doc.slice(p.content).replace('\n', "\\n")),
                        doc.slice(p.content)
                    );
                }
            }
            "unpaired" => {
                let layer = doc.quotations.as_ref().expect("quotations ran");
                let got: Vec<String> = layer
                    .unpaired
                    .iter()
                    .map(|u| format!("{} {}", doc.slice(u.mark), u.side.as_str()))
                    .collect();
                assert_eq!(&got, lines, "{name}: unpaired");
            }
            "tokens" => {
                let got: Vec<&str> = doc
                    .tokens
                    .iter()
                    .flatten()
                    .map(|t| doc.slice(t.span))
                    .collect();
                let want: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
                assert_eq!(got, want, "{name}: tokens");
            }
            "has-tokens" => {
                let got: Vec<&str> = doc
                    .tokens
                    .iter()
                    .flatten()
                    .map(|t| doc.slice(t.span))
                    .collect();
                for line in lines {
                    let want: Vec<&str> = line.split_whitespace().collect();
                    assert!(
                        got.windows(want.len()).any(|w| w == want.as_slice()),
                        "{name}: tokens {want:?} not found in {got:?}"
                    );
                }
            }
            "kinds" => {
                let tokens = doc.tokens.as_ref().expect("tokens ran");
                for line in lines {
                    let (surface, kind) = line.rsplit_once(' ').expect("`token kind`");
                    assert!(
                        tokens
                            .iter()
                            .any(|t| doc.slice(t.span) == surface && t.kind.as_str() == kind),
                        "{name}: no {kind} token {surface:?}"
                    );
                }
            }
            other => panic!("{name}: unknown section {other}"),
        }
    }
}

/// Tokens are non-empty, ordered, non-overlapping, and each lies within one sentence or region
/// or outside all of them (never across a boundary).
fn check_invariants(name: &str, doc: &Doc) {
    let tokens = doc.tokens.as_deref().unwrap_or(&[]);
    let mut prev_end = 0;
    for t in tokens {
        assert!(!t.span.is_empty(), "{name}: empty token");
        assert!(
            t.span.start() >= prev_end,
            "{name}: tokens overlap or out of order"
        );
        assert!(
            !doc.slice(t.span).chars().any(char::is_whitespace),
            "{name}: token with space"
        );
        prev_end = t.span.end();
    }
    let units: Vec<_> = doc
        .sentences
        .iter()
        .flatten()
        .map(|s| s.span)
        .chain(doc.regions.iter().flatten().map(|r| r.span))
        .collect();
    for t in tokens {
        for u in &units {
            assert!(
                !t.span.overlaps(*u) || u.contains(t.span),
                "{name}: token {:?} straddles {:?}",
                doc.slice(t.span),
                doc.slice(*u)
            );
        }
    }
}

macro_rules! cases {
    ($($case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                check(
                    stringify!($case),
                    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/", stringify!($case), ".case")),
                );
            }
        )*

        /// Every case file has a test above.
        #[test]
        fn every_case_file_is_listed() {
            let listed = [$(stringify!($case)),*];
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "case") {
                    let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
                    assert!(listed.contains(&stem.as_str()), "{stem}.case has no test");
                }
            }
        }
    };
}

cases!(
    abbreviations,
    all_caps_headline,
    blank_only,
    byline_before_dateline,
    byline_desk,
    byline_line_then_dateline,
    date_line,
    dateline_dash_only,
    dateline_long_outlet,
    dateline_reuters,
    empty,
    headline_equals_title,
    headline_without_title,
    lines_and_lists,
    no_capitals,
    not_a_byline,
    numbers_and_ellipses,
    quote_sentence_ends,
    quotes_apostrophes,
    quotes_guillemets,
    quotes_multi_paragraph,
    quotes_nested,
    quotes_straight,
    quotes_unbalanced,
    scripts_and_diacritics,
    tokens_tricky,
);
