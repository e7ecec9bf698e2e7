//! Query-string parameters: pagination with capped limits, optional text filters.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::error::ApiError;

/// Rows a list answers when no `limit` is given.
pub const DEFAULT_LIMIT: usize = 50;
/// Most rows one page may hold.
pub const MAX_LIMIT: usize = 200;
/// Largest `offset` accepted (deeper pages: narrow the filter instead).
pub const MAX_OFFSET: usize = 10_000;
/// Longest filter value accepted, in bytes.
pub const MAX_PARAM_BYTES: usize = 512;

/// The query string as a map.
pub type Params = HashMap<String, String>;

/// A page of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Rows wanted.
    pub limit: usize,
    /// Rows skipped.
    pub offset: usize,
}

impl Page {
    /// `limit` (1..=200, default 50) and `offset` (0..=10000) from the query.
    ///
    /// # Errors
    /// 400 when either is not a number or is out of range.
    pub fn from_params(p: &Params) -> Result<Self, ApiError> {
        let limit = number(p, "limit")?.unwrap_or(DEFAULT_LIMIT);
        let offset = number(p, "offset")?.unwrap_or(0);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::bad_request(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        if offset > MAX_OFFSET {
            return Err(ApiError::bad_request(format!(
                "offset may be at most {MAX_OFFSET}"
            )));
        }
        Ok(Self { limit, offset })
    }

    /// Rows to ask the store for: this page and one more, to tell whether a next page exists.
    pub fn fetch(&self) -> usize {
        self.offset + self.limit + 1
    }

    /// The page's rows of `all` (the first [`Page::fetch`] rows of the list) as the list
    /// answer: `{"items", "limit", "offset", "next_offset"}`.
    pub fn answer(&self, all: Vec<Value>) -> Value {
        let more = all.len() > self.offset + self.limit;
        let items: Vec<Value> = all.into_iter().skip(self.offset).take(self.limit).collect();
        json!({
            "items": items, "limit": self.limit, "offset": self.offset,
            "next_offset": if more { Some(self.offset + self.limit) } else { None },
        })
    }
}

/// A non-negative integer parameter.
///
/// # Errors
/// 400 when it is given but is not one.
pub fn number(p: &Params, name: &str) -> Result<Option<usize>, ApiError> {
    match p.get(name).map(|s| s.trim()) {
        None | Some("") => Ok(None),
        Some(s) => s.parse::<usize>().map(Some).map_err(|_| {
            ApiError::bad_request(format!("{name} must be a non-negative whole number"))
        }),
    }
}

/// A text parameter, `None` when absent or blank.
///
/// # Errors
/// 400 when it is longer than [`MAX_PARAM_BYTES`].
pub fn text(p: &Params, name: &str) -> Result<Option<String>, ApiError> {
    match p.get(name).map(|s| s.trim()) {
        None | Some("") => Ok(None),
        Some(s) if s.len() > MAX_PARAM_BYTES => Err(ApiError::bad_request(format!(
            "{name} may have at most {MAX_PARAM_BYTES} bytes"
        ))),
        Some(s) => Ok(Some(s.to_string())),
    }
}

/// A date parameter: YYYY, YYYY-MM or YYYY-MM-DD.
///
/// # Errors
/// 400 when it is given in another form.
pub fn date(p: &Params, name: &str) -> Result<Option<String>, ApiError> {
    let Some(s) = text(p, name)? else {
        return Ok(None);
    };
    if newsgraph_store::day_range(&s).is_none() {
        return Err(ApiError::bad_request(format!(
            "{name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD"
        )));
    }
    Ok(Some(s))
}
