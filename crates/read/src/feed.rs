//! RSS and Atom feeds, via `feed-rs`: one article per item.
//!
//! `feed-rs` parses a whole document, so the feed is read into memory on the first call to
//! `next` (memory of the order of the file's size, plus the parsed items); items are then
//! turned into articles one at a time.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};

use feed_rs::model::{Entry, Text};
use newsgraph_doc::{Meta, PublishedSource};

use crate::date::utc_iso;
use crate::decode::utf8_lossy;
use crate::html::fragment_text;
use crate::input::Source;
use crate::{Article, Ctx, ErrorKind, Place, Record};

/// Feeds larger than this are refused (they are parsed whole).
const FEED_LIMIT: usize = 1 << 30;

enum State {
    Unparsed(Source),
    Items {
        entries: std::vec::IntoIter<Entry>,
        outlet: Option<String>,
        index: u64,
    },
    Done,
}

/// Reads a feed, then yields its items.
pub(crate) struct FeedReader {
    ctx: Ctx,
    state: State,
    queue: VecDeque<Record>,
}

impl FeedReader {
    pub(crate) fn new(ctx: Ctx, src: Source) -> Self {
        Self {
            ctx,
            state: State::Unparsed(src),
            queue: VecDeque::new(),
        }
    }

    fn parse(&mut self, mut src: Source) -> State {
        let mut bytes = Vec::new();
        match src.read_rest(&mut bytes, FEED_LIMIT) {
            Ok(total) if total > FEED_LIMIT as u64 => {
                self.skip(
                    Place::NONE,
                    ErrorKind::TooLarge,
                    format!(
                        "the feed is {total} bytes; feeds are parsed whole and may be at most \
                         {FEED_LIMIT} bytes: split it"
                    ),
                );
                return State::Done;
            }
            Ok(_) => {}
            Err(e) => {
                self.skip(
                    Place::byte(src.offset()),
                    ErrorKind::Unreadable,
                    format!("read failed: {e}"),
                );
                return State::Done;
            }
        }
        if declared_encoding(&bytes).is_none() {
            let decoded = utf8_lossy(bytes);
            if let Some(w) = self.ctx.decode_warning(&decoded, Place::NONE) {
                self.queue.push_back(w);
            }
            bytes = decoded.text.into_bytes();
        }
        let parser = feed_rs::parser::Builder::new()
            .id_generator(|_, _, _| String::new())
            .build();
        let parsed = catch_unwind(AssertUnwindSafe(|| parser.parse(bytes.as_slice())));
        match parsed {
            Ok(Ok(feed)) => State::Items {
                outlet: feed.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
                entries: feed.entries.into_iter(),
                index: 0,
            },
            Ok(Err(e)) => {
                self.skip(
                    Place::NONE,
                    ErrorKind::MalformedFeed,
                    format!("{e}; no item could be read"),
                );
                State::Done
            }
            Err(_) => {
                self.skip(
                    Place::NONE,
                    ErrorKind::MalformedFeed,
                    "the feed parser failed on this input; no item could be read",
                );
                State::Done
            }
        }
    }

    fn skip(&mut self, place: Place, kind: ErrorKind, message: impl Into<String>) {
        self.queue
            .push_back(Record::Skipped(self.ctx.err(place, kind, message)));
    }

    fn item(&self, entry: Entry, index: u64, outlet: Option<&String>) -> Record {
        let place = Place::record(index, None);
        let body = entry
            .content
            .as_ref()
            .and_then(|c| {
                let body = c.body.as_deref()?;
                let html =
                    c.content_type.subty().as_str().contains("html") || looks_like_html(body);
                Some(if html {
                    fragment_text(body)
                } else {
                    body.trim().to_string()
                })
            })
            .filter(|t| !t.trim().is_empty())
            .or_else(|| entry.summary.as_ref().map(text_of))
            .filter(|t| !t.trim().is_empty());
        let Some(text) = body else {
            return Record::Skipped(self.ctx.err(
                place,
                ErrorKind::MissingText,
                "the item has no content, description or summary; skipped",
            ));
        };
        if let Err(e) = self.ctx.check_size(&text, place) {
            return Record::Skipped(e);
        }
        let link = entry
            .links
            .iter()
            .filter(|l| !l.href.trim().is_empty())
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.iter().find(|l| !l.href.trim().is_empty()))
            .map(|l| l.href.trim().to_string());
        let id = link
            .clone()
            .or_else(|| Some(entry.id.trim().to_string()).filter(|i| !i.is_empty()))
            .unwrap_or_else(|| format!("{}#{}", self.ctx.input, index));
        let given = entry.published.or(entry.updated).map(utc_iso);
        let (published, published_source) = self.ctx.published(&[(given, PublishedSource::Given)]);
        let authors: Vec<String> = entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref())
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty())
            .collect();
        Record::Article(Article {
            id,
            text,
            meta: Meta {
                title: entry.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
                byline: (!authors.is_empty()).then(|| authors.join(", ")),
                published,
                published_source,
                outlet: outlet.cloned(),
                source_url: link,
                input: Some(format!("{}#{}", self.ctx.input, index)),
                ..Meta::default()
            },
        })
    }
}

/// A feed `Text` as plain text: HTML stripped (with paragraph breaks), white space trimmed.
fn text_of(t: &Text) -> String {
    let html = t.content_type.subty().as_str().contains("html") || looks_like_html(&t.content);
    if html {
        fragment_text(&t.content)
    } else {
        t.content.trim().to_string()
    }
}

/// True when `s` holds what looks like an HTML tag (`<p>`, `</a>`, `<br/>`).
fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'<', b).any(|i| {
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        (next.is_ascii_alphabetic() || next == b'/' || next == b'!')
            && b.get(i..).is_some_and(|rest| rest.contains(&b'>'))
    })
}

/// The encoding named in the XML declaration, when it is not UTF-8.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..200).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let decl = head.trim_start_matches('\u{feff}').trim_start();
    let decl = decl.strip_prefix("<?xml")?;
    let decl = decl.split("?>").next()?;
    let at = decl.find("encoding")?;
    let rest = decl
        .get(at + 8..)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let label: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_.:".contains(*c))
        .collect();
    (!label.is_empty() && label != "utf-8" && label != "utf8").then_some(label)
}

impl Iterator for FeedReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(r) = self.queue.pop_front() {
                return Some(r);
            }
            match std::mem::replace(&mut self.state, State::Done) {
                State::Unparsed(src) => self.state = self.parse(src),
                State::Items {
                    mut entries,
                    outlet,
                    index,
                } => {
                    let entry = entries.next()?;
                    let record = self.item(entry, index + 1, outlet.as_ref());
                    self.state = State::Items {
                        entries,
                        outlet,
                        index: index + 1,
                    };
                    return Some(record);
                }
                State::Done => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_in_declarations() {
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>"),
            Some("iso-8859-1".into())
        );
        assert_eq!(
            declared_encoding(b"<?xml version='1.0' encoding='utf-8'?>"),
            None
        );
        assert_eq!(declared_encoding(b"<rss encoding='latin1'>"), None);
    }

    #[test]
    fn html_detection() {
        assert!(looks_like_html("a <p>b</p>"));
        assert!(!looks_like_html("a < b and c > d"));
    }
}
