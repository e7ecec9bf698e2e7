//! HTML pages: the article's main text, with its paragraphs, and the page's metadata.
//!
//! The main text comes from `dom_smoothie` (a port of Mozilla's Readability), which drops
//! navigation, ads, related links and comments. Its HTML result is turned into text here,
//! with one blank line between paragraphs. When it finds nothing, the visible text of the
//! page's `<p>` elements outside navigation, headers, footers and forms is used instead.
//!
//! Metadata (date, canonical URL, outlet) is read from the page before Readability changes
//! the document.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use crate::date::normalize_date;

/// What was found in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Page {
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Author names.
    pub byline: Option<String>,
    /// Publication date, normalised.
    pub published: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical: Option<String>,
    /// `og:site_name` or the publisher's name.
    pub outlet: Option<String>,
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas", "object",
    "embed", "head", "title", "meta", "link", "button", "select", "option", "input", "textarea",
    "nav", "aside",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Ancestors that make a `<p>` boilerplate in the fallback extraction.
const BOILERPLATE: &[&str] = &["nav", "header", "footer", "aside", "form", "menu"];

/// Pages nested deeper than this skip Readability (whose scoring walks the tree) and use the
/// `<p>` fallback.
const MAX_DEPTH: usize = 400;

/// Extracts the article from an HTML page. `url` is the page's address, when known.
///
/// # Errors
/// A message saying why no article text was found.
pub(crate) fn extract(html: &str, url: Option<&str>) -> Result<Page, String> {
    let flat = flatten_if_deep(html);
    let html = flat.as_deref().unwrap_or(html);
    let doc = Document::from(html);
    let mut page = read_meta(&doc);
    let base = url
        .filter(|u| is_http(u))
        .or(page.canonical.as_deref().filter(|u| is_http(u)))
        .map(str::to_string);
    let deep = flat.is_some() || depth(&doc.root()) > MAX_DEPTH;

    let mut text = String::new();
    if !deep {
        let result = catch_unwind(AssertUnwindSafe(|| {
            let cfg = Config {
                max_elements_to_parse: 0,
                ..Config::default()
            };
            let mut r = Readability::with_document(doc, base.as_deref(), Some(cfg)).ok()?;
            r.parse().ok()
        }));
        if let Ok(Some(article)) = result {
            let content = Document::fragment(article.content);
            text = block_text(&content.root());
            fill(&mut page.title, Some(article.title));
            fill(&mut page.byline, article.byline);
            fill(&mut page.outlet, article.site_name);
            fill(&mut page.canonical, article.url);
            if page.published.is_none() {
                page.published = article.published_time.as_deref().and_then(normalize_date);
            }
        }
    }
    if text.trim().is_empty() {
        text = paragraph_text(&Document::from(html));
    }
    if text.trim().is_empty() {
        return Err(if deep {
            format!("the page is nested more than {MAX_DEPTH} elements deep and has no <p> text")
        } else {
            "no main text was found and the page has no <p> text".to_string()
        });
    }
    page.text = text;
    Ok(page)
}

/// An HTML fragment (a feed item's content) as text, paragraphs separated by blank lines.
pub(crate) fn fragment_text(html: &str) -> String {
    let flat = flatten_if_deep(html);
    block_text(&Document::fragment(flat.as_deref().unwrap_or(html)).root())
}

/// Markup nested deeper than this (by a cheap count of tags) is flattened before parsing:
/// the HTML parser's work grows with the square of the nesting depth.
const MAX_MARKUP_DEPTH: usize = 1000;

/// Elements with no end tag, or whose end tag is usually left out: they add no depth.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "colgroup", "dd", "dt", "embed", "hr", "img", "input", "li",
    "link", "meta", "option", "optgroup", "p", "param", "rp", "rt", "source", "tbody", "td",
    "tfoot", "th", "thead", "tr", "track", "wbr", "!doctype",
];

/// Elements whose content is raw text, not markup.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext"];

/// Tags kept when a page is flattened: the ones that carry text structure or metadata.
const KEEP_FLAT: &[&str] = &[
    "html", "head", "body", "title", "meta", "link", "script", "style", "p", "br", "h1", "h2",
    "h3", "h4", "h5", "h6", "li", "time", "nav", "header", "footer", "aside", "form",
];

/// One tag found by [`scan_tags`].
struct Tag<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    closing: bool,
    self_closing: bool,
}

/// Calls `f` on each tag of `html`, skipping comments and the content of raw-text elements.
fn scan_tags<'a>(html: &'a str, mut f: impl FnMut(&Tag<'a>)) {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let start = i + off;
        if b.get(start..start + 4) == Some(b"<!--") {
            let end = b
                .get(start + 4..)
                .and_then(|rest| memchr::memmem::find(rest, b"-->"))
                .map_or(b.len(), |j| start + 4 + j + 3);
            i = end;
            continue;
        }
        let closing = b.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = b
            .get(name_start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!' || **c == b'-')
            .count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        // The tag ends at the first '>' outside quotes.
        let mut quote = None;
        let mut end = b.len();
        for (j, &c) in b.iter().enumerate().skip(name_start + name_len) {
            match (quote, c) {
                (None, b'"' | b'\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => {
                    end = j + 1;
                    break;
                }
                _ => {}
            }
        }
        let name = html.get(name_start..name_start + name_len).unwrap_or("");
        let self_closing = end >= 2 && b.get(end - 2) == Some(&b'/');
        let tag = Tag {
            start,
            end,
            name,
            closing,
            self_closing,
        };
        f(&tag);
        i = end;
        if !closing && RAW.iter().any(|r| name.eq_ignore_ascii_case(r)) {
            let close = format!("</{}", name.to_ascii_lowercase());
            let lower_find = b.get(i..).and_then(|rest| {
                rest.windows(close.len())
                    .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
            });
            if let Some(j) = lower_find {
                i += j;
            } else {
                i = b.len();
            }
        }
    }
}

/// The page with every tag but those in [`KEEP_FLAT`] removed, when its markup nests deeper
/// than [`MAX_MARKUP_DEPTH`]; `None` for ordinary pages.
fn flatten_if_deep(html: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut max = 0usize;
    scan_tags(html, |t| {
        let flat = FLAT.iter().any(|n| t.name.eq_ignore_ascii_case(n));
        if flat || t.self_closing {
            return;
        }
        if t.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    });
    if max <= MAX_MARKUP_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    scan_tags(html, |t| {
        if !KEEP_FLAT.iter().any(|n| t.name.eq_ignore_ascii_case(n)) {
            out.push_str(html.get(copied..t.start).unwrap_or(""));
            out.push(' ');
            copied = t.end;
        }
    });
    out.push_str(html.get(copied..).unwrap_or(""));
    Some(out)
}

fn is_http(u: &str) -> bool {
    let l = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value.map(|v| collapse(&v)).filter(|v| !v.is_empty());
    }
}

/// Collapses runs of white space to one space and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The depth of the element tree, computed without recursion.
fn depth(root: &NodeRef) -> usize {
    let mut max = 0;
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, d)) = stack.pop() {
        max = max.max(d);
        if max > MAX_DEPTH {
            break;
        }
        for child in node.children() {
            if child.is_element() {
                stack.push((child, d + 1));
            }
        }
    }
    max
}

fn name_of(node: &NodeRef) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads the metadata that Readability does not give, or gives less reliably.
fn read_meta(doc: &Document) -> Page {
    let mut page = Page::default();
    let attr = |n: &NodeRef, a: &str| n.attr(a).map(|v| v.trim().to_string());

    for link in doc.select("link[rel][href]").nodes() {
        let rel = attr(link, "rel").unwrap_or_default().to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "canonical") {
            fill(&mut page.canonical, attr(link, "href"));
        }
    }

    // Date candidates, best first.
    let mut dates: [Option<String>; 4] = Default::default();
    let mut og_url = None;
    for meta in doc.select("meta[content]").nodes() {
        let Some(content) = attr(meta, "content").filter(|c| !c.is_empty()) else {
            continue;
        };
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| attr(meta, a))
            .unwrap_or_default()
            .to_ascii_lowercase();
        match key.as_str() {
            "article:published_time" | "og:article:published_time" => {
                fill(&mut dates[0], normalize_date(&content));
            }
            "datepublished" => fill(&mut dates[2], normalize_date(&content)),
            "pubdate" | "publishdate" | "publish-date" | "publish_date" | "date" | "dc.date"
            | "dc.date.issued" | "dc.date.created" | "dcterms.date" | "dcterms.issued"
            | "dcterms.created" | "sailthru.date" | "parsely-pub-date" | "article.published"
            | "og:published_time" | "published_time" => {
                fill(&mut dates[3], normalize_date(&content));
            }
            "og:url" => fill(&mut og_url, Some(content)),
            "og:site_name" => fill(&mut page.outlet, Some(content)),
            "og:title" => fill(&mut page.title, Some(content)),
            _ => {}
        }
    }
    fill(&mut page.canonical, og_url);

    for script in doc.select("script[type]").nodes() {
        let ty = attr(script, "type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if ty != "application/ld+json" {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text()) else {
            continue;
        };
        let mut ld = JsonLd::default();
        ld.walk(&value);
        fill(
            &mut dates[1],
            ld.published.as_deref().and_then(normalize_date),
        );
        fill(&mut page.outlet, ld.publisher);
        fill(&mut page.byline, ld.author);
        fill(&mut page.title, ld.headline);
    }

    let mut time_date = None;
    for time in doc.select("time[datetime]").nodes() {
        let Some(d) = attr(time, "datetime").as_deref().and_then(normalize_date) else {
            continue;
        };
        let marked = time.has_attr("pubdate")
            || attr(time, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
        if marked {
            fill(&mut dates[2], Some(d));
        } else {
            fill(&mut time_date, Some(d));
        }
    }
    page.published = dates.into_iter().flatten().next().or(time_date);
    page
}

/// What a JSON-LD block says about the article.
#[derive(Default)]
struct JsonLd {
    published: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    headline: Option<String>,
}

impl JsonLd {
    fn walk(&mut self, root: &serde_json::Value) {
        use serde_json::Value;
        let mut stack = vec![root];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    let s = |k: &str| map.get(k).and_then(Value::as_str).map(collapse);
                    if self.published.is_none() {
                        self.published = s("datePublished");
                    }
                    if self.headline.is_none() {
                        self.headline = s("headline");
                    }
                    if self.publisher.is_none() {
                        self.publisher = map.get("publisher").and_then(name_in);
                    }
                    if self.author.is_none() {
                        self.author = map.get("author").and_then(name_in);
                    }
                    if let Some(g) = map.get("@graph") {
                        stack.push(g);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The `name` of a JSON-LD person or organisation, or the names of a list of them.
fn name_in(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let one = |v: &Value| match v {
        Value::String(s) => Some(collapse(s)),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(collapse),
        _ => None,
    };
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// The text of the page's `<p>` elements that are not in navigation, headers, footers,
/// asides or forms, one paragraph each.
fn paragraph_text(doc: &Document) -> String {
    let mut paragraphs = Vec::new();
    for p in doc.select("p").nodes() {
        let boiler = p.ancestors_it(None).any(|a| {
            let n = name_of(&a);
            BOILERPLATE.contains(&n.as_str()) || SKIP.contains(&n.as_str())
        });
        if boiler {
            continue;
        }
        let t = block_text(p);
        if !t.is_empty() {
            paragraphs.push(t);
        }
    }
    paragraphs.join("\n\n")
}

/// Builds text out of paragraphs.
#[derive(Default)]
struct TextBuilder {
    paragraphs: Vec<String>,
    current: String,
    pending_space: bool,
    pre: usize,
}

impl TextBuilder {
    fn push_text(&mut self, t: &str) {
        if self.pre > 0 {
            self.current.push_str(t);
            self.pending_space = false;
            return;
        }
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.current.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn line_break(&mut self) {
        let kept = self.current.trim_end_matches([' ', '\t']).len();
        self.current.truncate(kept);
        if !self.current.is_empty() {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    fn paragraph_break(&mut self) {
        let p = self.current.trim();
        if !p.is_empty() {
            self.paragraphs.push(p.to_string());
        }
        self.current.clear();
        self.pending_space = false;
    }

    fn finish(mut self) -> String {
        self.paragraph_break();
        self.paragraphs.join("\n\n")
    }
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { block: bool, pre: bool, cell: bool },
}

/// The text under `root`: white space collapsed as a browser would, block elements as
/// paragraphs separated by blank lines, `<br>` as a line break. Walks without recursion.
fn block_text(root: &NodeRef) -> String {
    let mut out = TextBuilder::default();
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave { block, pre, cell } => {
                if pre {
                    out.pre = out.pre.saturating_sub(1);
                }
                if block {
                    out.paragraph_break();
                }
                if cell {
                    out.space();
                }
            }
            Step::Enter(node) => {
                if node.is_text() {
                    out.push_text(&node.text());
                    continue;
                }
                let (block, pre, cell) = if node.is_element() {
                    let name = name_of(&node);
                    let name = name.as_str();
                    if SKIP.contains(&name) {
                        continue;
                    }
                    if name == "br" {
                        out.line_break();
                        continue;
                    }
                    (
                        BLOCK.contains(&name),
                        name == "pre",
                        matches!(name, "td" | "th"),
                    )
                } else if node.is_document() || node.is_fragment() {
                    (false, false, false)
                } else {
                    continue;
                };
                if block {
                    out.paragraph_break();
                }
                if cell {
                    out.space();
                }
                if pre {
                    out.pre += 1;
                }
                stack.push(Step::Leave { block, pre, cell });
                for child in node.children().into_iter().rev() {
                    stack.push(Step::Enter(child));
                }
            }
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_become_paragraphs() {
        let t = fragment_text(
            "<p>First   line\n of <b>news</b>.</p><p>Second<br>line</p><script>x()</script>\
             <ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>",
        );
        assert_eq!(
            t,
            "First line of news.\n\nSecond\nline\n\none\n\ntwo\n\na b"
        );
    }

    #[test]
    fn entities_and_nbsp() {
        assert_eq!(
            fragment_text("<p>Tom&nbsp;&amp; Jerry &ldquo;hi&rdquo;</p>"),
            "Tom\u{a0}& Jerry “hi”"
        );
    }

    #[test]
    fn meta_dates_in_order_of_trust() {
        let doc = Document::from(
            r#"<html><head>
            <meta name="date" content="2020-01-01">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-02-03T04:05:06Z","publisher":{"name":"The Daily Fig"}}]}</script>
            <link rel="canonical" href="https://fig.example/a">
            </head><body><time datetime="2019-05-05">May 5</time></body></html>"#,
        );
        let page = read_meta(&doc);
        assert_eq!(page.published.as_deref(), Some("2021-02-03T04:05:06Z"));
        assert_eq!(page.outlet.as_deref(), Some("The Daily Fig"));
        assert_eq!(page.canonical.as_deref(), Some("https://fig.example/a"));
    }

    #[test]
    fn time_element_is_the_last_resort() {
        let doc = Document::from("<p>x</p><time datetime='2019-05-05T10:00'>May 5</time>");
        assert_eq!(
            read_meta(&doc).published.as_deref(),
            Some("2019-05-05T10:00:00")
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let page = extract(&html, None).unwrap();
        assert_eq!(page.text, "deep text");
    }

    #[test]
    fn very_deep_markup_is_flattened_quickly() {
        let html = format!(
            "<html><head><title>T</title></head><body>{}<p>Deep <b>text</b> survives.</p>{}</body></html>",
            "<div><span>".repeat(20_000),
            "</span></div>".repeat(20_000)
        );
        let flat = flatten_if_deep(&html).unwrap();
        assert!(flat.len() < 300_000);
        let page = extract(&html, None).unwrap();
        assert_eq!(page.text, "Deep text survives.");
        assert_eq!(fragment_text(&html), "Deep text survives.");
    }

    #[test]
    fn ordinary_markup_is_not_flattened() {
        let html = "<div><script>if (a<b) { x('</div>') }</script><!-- <div> --><p>x<br/>y</div>";
        assert!(flatten_if_deep(html).is_none());
        let mut names = Vec::new();
        scan_tags(html, |t| names.push((t.name.to_string(), t.closing)));
        assert_eq!(names.len(), 6, "{names:?}");
    }

    #[test]
    fn nothing_to_read() {
        assert!(extract("<html><body><nav><p>Home</p></nav></body></html>", None).is_err());
        assert!(extract("", None).is_err());
    }
}
