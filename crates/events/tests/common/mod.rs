//! The hand-made layers the event tests share: a simple tokenizer and sentence splitter, a
//! document builder with named entities, and a way to read event actors back as names.
#![allow(dead_code)]

use newsgraph_doc::{
    check_spans, ByteSpan, Doc, Entity, EntityType, Event, Mention, MentionKind, Meta, Sentence,
    Stage, Token, TokenKind,
};
use newsgraph_events::EventStage;

/// A simple tokenizer: words (letters, digits, inner '.', ',' between digits, apostrophes), and
/// single punctuation marks.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (b, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = k + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let inner = (d == ',' || d == '.' || d == '\'' || d == '-')
                    && chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric())
                    && (d != ',' || chars[j - 1].1.is_ascii_digit());
                if d.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map(|x| x.0).unwrap_or(text.len());
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: ByteSpan::ordered(b, end),
                kind,
            });
            k = j;
        } else {
            out.push(Token {
                span: ByteSpan::ordered(b, b + c.len_utf8()),
                kind: TokenKind::Punct,
            });
            k += 1;
        }
    }
    out
}

/// One sentence per line.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            out.push(Sentence::new(ByteSpan::ordered(start, start + line.len())));
        }
        start += line.len() + 1;
    }
    out
}

pub fn doc(text: &str, published: Option<&str>, ents: &[(&str, EntityType)]) -> Doc {
    let meta = Meta {
        published: published.map(str::to_string),
        ..Meta::default()
    };
    let mut d = Doc::new("t", text, meta);
    d.sentences = Some(sentences(text));
    d.tokens = Some(tokens(text));
    d.entities = Some(
        ents.iter()
            .map(|(name, kind)| Entity {
                name: name.to_string(),
                kind: *kind,
                kb: None,
                titles: vec![],
                affiliations: vec![],
                mentions: text
                    .match_indices(name)
                    .map(|(b, _)| Mention {
                        span: ByteSpan::ordered(b, b + name.len()),
                        kind: MentionKind::Name,
                    })
                    .collect(),
            })
            .collect(),
    );
    d.quotes = Some(vec![]);
    d
}

pub fn run(d: &mut Doc) -> Vec<Event> {
    EventStage::new().run(d);
    assert!(check_spans(d).is_empty(), "{:?}", check_spans(d));
    d.events.clone().unwrap_or_default()
}

pub fn names(d: &Doc, actors: &[newsgraph_doc::Actor]) -> Vec<String> {
    let ents = d.entities.as_deref().unwrap_or(&[]);
    actors
        .iter()
        .map(|a| match a {
            newsgraph_doc::Actor::Entity(i) => ents[i.index()].name.clone(),
            newsgraph_doc::Actor::Phrase(s) => d.slice(*s).to_string(),
        })
        .collect()
}
