//! HTML building blocks: escaping, URL components, the page frame, and the annotated article
//! text of the reader.

use std::fmt::Write;

use serde_json::Value;

use crate::state::contract_entity_key;

/// `s` escaped for HTML text and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_esc(&mut out, s);
    out
}

/// Appends `s` escaped for HTML text and quoted attribute values.
pub fn push_esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `s` percent-encoded for a URL path segment or query value.
pub fn pct(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A string field of a JSON object, or "".
pub fn field<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// A whole page: `title` (escaped here) and `body` (already HTML).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · newsgraph</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head>\
         <body><header class=\"top\"><a class=\"brand\" href=\"/\">newsgraph</a>\
         <nav><a href=\"/\">Articles</a><a href=\"/events\">Events</a>\
         <a href=\"/graph\">Network</a><a href=\"/extract\">Extract</a>\
         <a href=\"/api/openapi.json\">API</a></nav>\
         <form action=\"/\" method=\"get\" class=\"search\"><input name=\"q\" \
         placeholder=\"Find an entity\" aria-label=\"Find an entity\"></form></header>\
         <main>{body}</main></body></html>",
        esc(title)
    )
}

/// One annotation of the text: a code-point span, the layer, a class and a hover text.
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    hover: String,
    href: Option<String>,
}

fn span_of(v: &Value) -> Option<(usize, usize)> {
    let s = v.get("start")?.as_u64()? as usize;
    let e = v.get("end")?.as_u64()? as usize;
    (s < e).then_some((s, e))
}

fn list<'a>(c: &'a Value, key: &str) -> &'a [Value] {
    c.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn entity_names(c: &Value) -> std::collections::HashMap<&str, &str> {
    list(c, "entities")
        .iter()
        .map(|e| (field(e, "id"), field(e, "name")))
        .collect()
}

/// The page of a contract entity: by store id when it has one (`entity_id`, articles read
/// from the store), else by its store key.
pub fn entity_href(e: &Value) -> Option<String> {
    match e.get("entity_id").and_then(Value::as_i64) {
        Some(id) => Some(format!("/entity/{id}")),
        None => contract_entity_key(e).map(|k| format!("/entity/{}", pct(&k))),
    }
}

/// Hover text of an entity: its resolution and knowledge-base codes.
pub fn entity_hover(e: &Value) -> String {
    let mut s = format!("{} ({})", field(e, "name"), field(e, "type"));
    if let Some(kb) = e.get("kb").filter(|k| !k.is_null()) {
        let _ = write!(s, "\nKB: {}", field(kb, "id"));
        if let Some(Value::Object(codes)) = kb.get("codes") {
            for (k, v) in codes {
                let _ = write!(s, "\n{k}: {}", v.as_str().unwrap_or(""));
            }
        }
    }
    let titles: Vec<&str> = list(e, "titles").iter().filter_map(Value::as_str).collect();
    if !titles.is_empty() {
        let _ = write!(s, "\ntitles: {}", titles.join(", "));
    }
    s
}

fn names(ids: &Value, by_id: &std::collections::HashMap<&str, &str>) -> String {
    let out: Vec<&str> = ids
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(Value::as_str)
        .map(|id| by_id.get(id).copied().unwrap_or(id))
        .collect();
    if out.is_empty() {
        "?".into()
    } else {
        out.join(", ")
    }
}

fn marks(c: &Value) -> Vec<Mark> {
    let by_id = entity_names(c);
    let mut out = Vec::new();
    for e in list(c, "entities") {
        let hover = entity_hover(e);
        let href = entity_href(e);
        for m in list(e, "mentions") {
            if let Some((start, end)) = span_of(m) {
                out.push(Mark {
                    start,
                    end,
                    class: "ent",
                    hover: hover.clone(),
                    href: href.clone(),
                });
            }
        }
    }
    for q in list(c, "quotes") {
        let source = q.get("source").unwrap_or(&Value::Null);
        let speaker = source
            .get("entity")
            .and_then(Value::as_str)
            .and_then(|id| by_id.get(id).copied())
            .unwrap_or_else(|| field(source, "text"));
        let content = q.get("content").unwrap_or(&Value::Null);
        let hover = format!(
            "{} quote: {} → {}",
            field(q, "kind"),
            if speaker.is_empty() { "?" } else { speaker },
            field(content, "text")
        );
        if let Some((start, end)) = span_of(content) {
            out.push(Mark {
                start,
                end,
                class: "quote",
                hover: hover.clone(),
                href: None,
            });
        }
        if let Some((start, end)) = span_of(source) {
            out.push(Mark {
                start,
                end,
                class: "qsrc",
                hover: format!("source of: {}", field(content, "text")),
                href: None,
            });
        }
    }
    for v in list(c, "events") {
        let Some(trigger) = v.get("trigger") else {
            continue;
        };
        if let Some((start, end)) = span_of(trigger) {
            let mut hover = format!(
                "{}: {} → {}",
                field(v, "type"),
                names(v.get("source").unwrap_or(&Value::Null), &by_id),
                names(v.get("target").unwrap_or(&Value::Null), &by_id)
            );
            if let Some(d) = v.get("date").and_then(Value::as_str) {
                let _ = write!(hover, "\ndate: {d}");
            }
            out.push(Mark {
                start,
                end,
                class: "event",
                hover,
                href: None,
            });
        }
    }
    for r in list(c, "relations") {
        let Some(ev) = r.get("evidence") else {
            continue;
        };
        if let Some((start, end)) = span_of(ev) {
            let name = |k: &str| {
                let id = field(r, k);
                by_id.get(id).copied().unwrap_or(id).to_string()
            };
            out.push(Mark {
                start,
                end,
                class: "rel",
                hover: format!("{} {} {}", name("source"), field(r, "type"), name("target")),
                href: None,
            });
        }
    }
    out
}

/// The article text of a contract as HTML, each annotation a `<span>` (entities a link to
/// their page) with its hover text; every piece of text escaped.
pub fn annotated_text(c: &Value) -> String {
    let text = field(c, "text");
    // Byte offset of every code point, and the end.
    let mut at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    at.push(text.len());
    let n = at.len() - 1;
    let mut marks = marks(c);
    for m in &mut marks {
        m.end = m.end.min(n);
        m.start = m.start.min(m.end);
    }
    marks.retain(|m| m.start < m.end);
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.push(0);
    cuts.push(n);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = text.get(at[a]..at[b]).unwrap_or("");
        let active: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && b <= m.end)
            .collect();
        let mut closers = String::new();
        let mut linked = false;
        for m in &active {
            match (&m.href, linked) {
                (Some(href), false) => {
                    linked = true;
                    let _ = write!(
                        out,
                        "<a class=\"{}\" href=\"{}\" title=\"{}\">",
                        m.class,
                        esc(href),
                        esc(&m.hover)
                    );
                    closers.insert_str(0, "</a>");
                }
                _ => {
                    let _ = write!(
                        out,
                        "<span class=\"{}\" title=\"{}\">",
                        m.class,
                        esc(&m.hover)
                    );
                    closers.insert_str(0, "</span>");
                }
            }
        }
        push_esc(&mut out, piece);
        out.push_str(&closers);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn contract(text: &str, entities: Value, quotes: Value, events: Value) -> Value {
        json!({"schema": "newsgraph/1", "text": text, "entities": entities,
               "quotes": quotes, "events": events, "relations": []})
    }

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            esc("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(
            pct("name|PERSON|zoë ö/?"),
            "name%7CPERSON%7Czo%C3%AB%20%C3%B6%2F%3F"
        );
    }

    #[test]
    fn spans_are_code_points_and_may_overlap() {
        // "Zoë Ährn" is 8 code points and 10 bytes.
        let text = "Zoë Ährn said “we stay” today.";
        let c = contract(
            text,
            json!([{"id": "e1", "name": "Zoë Ährn", "type": "PERSON", "kb": null,
                    "titles": [], "mentions": [{"start": 0, "end": 8, "kind": "name"}]}]),
            json!([{"id": "q1", "kind": "direct",
                    "content": {"start": 15, "end": 22, "text": "we stay"},
                    "source": {"start": 0, "end": 8, "text": "Zoë Ährn", "entity": "e1"}}]),
            json!([{"id": "v1", "type": "RETREAT", "source": ["e1"], "target": [],
                    "trigger": {"start": 18, "end": 22, "text": "stay"}}]),
        );
        let html = annotated_text(&c);
        assert!(html.contains(">Zoë Ährn</span></a>"), "{html}");
        assert!(html.contains("href=\"/entity/name%7CPERSON%7C"), "{html}");
        assert!(
            html.contains(
                "<span class=\"quote\" title=\"direct quote: Zoë Ährn → we stay\">we </span>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"event\" title=\"RETREAT: Zoë Ährn → ?\">stay</span>"),
            "{html}"
        );
        // Every character of the text is there once, in order.
        let visible: String = {
            let mut out = String::new();
            let mut in_tag = false;
            for ch in html.chars() {
                match ch {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out
        };
        assert_eq!(visible, text);
    }

    #[test]
    fn bad_spans_and_missing_layers_do_not_panic() {
        let c = contract(
            "short",
            json!([{"id": "e1", "name": "X", "type": "ORG",
                    "mentions": [{"start": 3, "end": 99}, {"start": 4, "end": 2}, {"start": "a"}]}]),
            json!("not a list"),
            json!([{"trigger": null}]),
        );
        let html = annotated_text(&c);
        assert!(html.ends_with("rt</a>"), "{html}");
        assert_eq!(annotated_text(&json!({})), "");
        assert_eq!(annotated_text(&json!({"text": "<b>"})), "&lt;b&gt;");
    }
}
