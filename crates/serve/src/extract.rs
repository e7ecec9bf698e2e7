//! One article from a request body through the pipeline: the contract JSON and the record the
//! store keeps.

use std::io::Cursor;

use newsgraph::doc::Doc;
use newsgraph::read::{Articles, InputFormat, ReadOptions};
use newsgraph::{doc_from_article, Pipeline};
use newsgraph_contract::Options;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// Most bytes of article text or HTML one request may carry (the body limit is a little
/// larger, for the JSON around it).
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;

/// The metadata fields a request may give beside `text` or `html`.
const META_FIELDS: &[&str] = &["id", "title", "published", "outlet", "url"];

/// An article as a request gives it: `{"text": …}` or `{"html": …}` with optional `id`,
/// `title`, `published` (ISO 8601), `outlet` and `url`.
pub fn article_from_json(body: &Value) -> Result<newsgraph::read::Article, ApiError> {
    let Value::Object(obj) = body else {
        return Err(ApiError::bad_request(
            "the body must be a JSON object with \"text\" or \"html\"",
        ));
    };
    let mut line = Map::new();
    for &field in META_FIELDS {
        match obj.get(field) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                line.insert(field.to_string(), Value::String(s.clone()));
            }
            Some(_) => {
                return Err(ApiError::bad_request(format!(
                    "\"{field}\" must be a string"
                )))
            }
        }
    }
    let text = obj.get("text").and_then(Value::as_str);
    let html = obj.get("html").and_then(Value::as_str);
    let (format, bytes) = match (text, html) {
        (Some(t), None) => {
            line.insert("text".into(), Value::String(t.to_string()));
            (InputFormat::Jsonl, Value::Object(line.clone()).to_string())
        }
        (None, Some(h)) => (InputFormat::Html, h.to_string()),
        _ => {
            return Err(ApiError::bad_request(
                "give exactly one of \"text\" or \"html\", as a string",
            ))
        }
    };
    if text.or(html).map_or(0, str::len) > MAX_ARTICLE_BYTES {
        return Err(ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("an article may have at most {MAX_ARTICLE_BYTES} bytes"),
        ));
    }
    let opts = ReadOptions {
        format: Some(format),
        max_article_bytes: MAX_ARTICLE_BYTES,
        default_published: None,
    };
    let mut records = Articles::from_reader(Cursor::new(bytes.into_bytes()), "request", &opts);
    let Some(record) = records.next() else {
        return Err(ApiError::bad_request("the request holds no article"));
    };
    let Some(mut article) = record.into_article() else {
        return Err(ApiError::bad_request(
            "the article could not be read (empty, or no main text in the HTML)",
        ));
    };
    if format == InputFormat::Html {
        let given = |f: &str| line.get(f).and_then(Value::as_str).map(str::to_string);
        if let Some(id) = given("id") {
            article.id = id;
        }
        for (field, slot) in [
            ("title", &mut article.meta.title),
            ("outlet", &mut article.meta.outlet),
            ("url", &mut article.meta.source_url),
        ] {
            if let Some(v) = given(field) {
                *slot = Some(v);
            }
        }
    }
    article.meta.input = Some("request".into());
    Ok(article)
}

/// Runs the pipeline on `article`.
pub fn run(pipeline: &Pipeline, article: newsgraph::read::Article) -> Doc {
    let mut doc = doc_from_article(article);
    pipeline.run(&mut doc);
    doc
}

/// The extraction contract (`newsgraph/1`) of `doc`.
pub fn contract(doc: &Doc) -> Value {
    newsgraph_contract::to_json(doc, &Options::default())
}
