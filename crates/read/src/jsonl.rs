//! JSON Lines: one article per line, `{"text": …, "id": …, "title": …, "published": …,
//! "url": …, "outlet": …}`; other fields are ignored. Read one line at a time.

use std::collections::VecDeque;

use newsgraph_doc::{Meta, PublishedSource};
use serde_json::{Map, Value};

use crate::date::normalize_date;
use crate::decode::utf8_lossy;
use crate::input::Source;
use crate::{Article, Ctx, ErrorKind, Place, ReadError, Record};

/// Streams the records of a JSON Lines input.
pub(crate) struct JsonlReader {
    ctx: Ctx,
    src: Source,
    line_no: u64,
    line: Vec<u8>,
    /// Lines longer than this are skipped without being held whole.
    line_cap: usize,
    queue: VecDeque<Record>,
    done: bool,
}

impl JsonlReader {
    pub(crate) fn new(ctx: Ctx, src: Source) -> Self {
        // JSON escapes can double a text's size; leave room for the other fields too.
        let line_cap = ctx
            .opts
            .max_article_bytes
            .saturating_mul(2)
            .saturating_add(1 << 20);
        Self {
            ctx,
            src,
            line_no: 0,
            line: Vec::new(),
            line_cap,
            queue: VecDeque::new(),
            done: false,
        }
    }

    /// Reads one line, queueing what it yields.
    fn step(&mut self) {
        let start = self.src.offset();
        let read = match self.src.read_line(&mut self.line, self.line_cap) {
            Ok(r) => r,
            Err(e) => {
                self.done = true;
                let place = Place::line(self.line_no + 1, self.src.offset());
                self.queue.push_back(Record::Skipped(self.ctx.err(
                    place,
                    ErrorKind::Unreadable,
                    format!("read failed: {e}; the rest of the input is lost"),
                )));
                return;
            }
        };
        if read.consumed == 0 {
            self.done = true;
            return;
        }
        self.line_no += 1;
        let place = Place::line(self.line_no, start);
        if read.truncated {
            self.queue.push_back(Record::Skipped(self.ctx.too_large(
                place,
                "the line",
                read.consumed,
                self.line_cap,
            )));
            return;
        }
        let mut bytes = std::mem::take(&mut self.line);
        while matches!(bytes.last(), Some(b'\n' | b'\r')) {
            bytes.pop();
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            self.line = bytes;
            return;
        }
        let decoded = utf8_lossy(bytes);
        if let Some(w) = self.ctx.decode_warning(&decoded, place) {
            self.queue.push_back(w);
        }
        match self.parse(&decoded.text, place) {
            Ok(records) => self.queue.extend(records),
            Err(e) => self.queue.push_back(Record::Skipped(e)),
        }
        let mut buf = decoded.text.into_bytes();
        buf.clear();
        self.line = buf;
    }

    fn parse(&self, line: &str, place: Place) -> Result<Vec<Record>, ReadError> {
        let skip = |kind, msg: String| self.ctx.err(place, kind, msg);
        let value: Value = serde_json::from_str(line).map_err(|e| {
            let mut msg = e.to_string();
            if let Some(i) = msg.rfind(" at line ") {
                msg.truncate(i);
            }
            skip(
                ErrorKind::MalformedJson,
                format!("{msg}, at column {}; line skipped", e.column()),
            )
        })?;
        let Value::Object(obj) = value else {
            return Err(skip(
                ErrorKind::MalformedJson,
                format!(
                    "expected a JSON object such as {{\"text\": \"…\"}}, found {}; line skipped",
                    kind_of(&value)
                ),
            ));
        };
        let text = match obj.get("text") {
            Some(Value::String(t)) => t.clone(),
            Some(other) => {
                return Err(skip(
                    ErrorKind::MissingText,
                    format!(
                        "field \"text\" is {}, not a string; line skipped",
                        kind_of(other)
                    ),
                ))
            }
            None => {
                return Err(skip(
                    ErrorKind::MissingText,
                    "no \"text\" field; line skipped".to_string(),
                ))
            }
        };
        if text.trim().is_empty() {
            return Err(skip(
                ErrorKind::Empty,
                "field \"text\" is empty; line skipped".to_string(),
            ));
        }
        self.ctx.check_size(&text, place)?;

        let mut out = Vec::new();
        let url = string_field(&obj, "url");
        let id = match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => url
                .clone()
                .unwrap_or_else(|| format!("{}:{}", self.ctx.input, self.line_no)),
        };
        let given = match obj.get("published") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => {
                let d = normalize_date(s);
                if d.is_none() {
                    out.push(Record::Warning(self.ctx.err(
                        place,
                        ErrorKind::InvalidDate,
                        format!("\"published\": {s:?} is not a date this reader knows; ignored"),
                    )));
                }
                d
            }
            Some(other) => {
                out.push(Record::Warning(self.ctx.err(
                    place,
                    ErrorKind::InvalidDate,
                    format!(
                        "\"published\" is {}, not a date string; ignored",
                        kind_of(other)
                    ),
                )));
                None
            }
        };
        let (published, published_source) = self.ctx.published(&[(given, PublishedSource::Given)]);
        out.push(Record::Article(Article {
            id,
            text,
            meta: Meta {
                title: string_field(&obj, "title"),
                byline: string_field(&obj, "byline").or_else(|| string_field(&obj, "author")),
                published,
                published_source,
                outlet: string_field(&obj, "outlet"),
                source_url: url,
                input: Some(format!("{}#{}", self.ctx.input, self.line_no)),
                ..Meta::default()
            },
        }));
        Ok(out)
    }
}

fn string_field(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Iterator for JsonlReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(r) = self.queue.pop_front() {
                return Some(r);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }
}
