//! Inputs that hold one article: plain text and an HTML page.

use newsgraph_doc::{Meta, PublishedSource};

use crate::decode::{decode, sniff_html_charset};
use crate::input::Source;
use crate::{html, Article, Ctx, ErrorKind, Place, ReadError, Record};

/// Reads the rest of `src`, keeping at most `limit` bytes; `Err` when it is longer.
fn read_bounded(
    ctx: &Ctx,
    src: &mut Source,
    limit: usize,
    what: &str,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    match src.read_rest(&mut bytes, limit) {
        Ok(total) if total > limit as u64 => Err(ctx.too_large(Place::NONE, what, total, limit)),
        Ok(_) => Ok(bytes),
        Err(e) => Err(ctx.err(
            Place::byte(src.offset()),
            ErrorKind::Unreadable,
            format!("read failed: {e}"),
        )),
    }
}

/// Plain text: the whole input is the article, kept as it is (CRLFs included); only a
/// leading byte-order mark is dropped.
pub(crate) fn read_text(ctx: &Ctx, mut src: Source) -> Vec<Record> {
    let limit = ctx.opts.max_article_bytes;
    let bytes = match read_bounded(ctx, &mut src, limit, "the text") {
        Ok(b) => b,
        Err(e) => return vec![Record::Skipped(e)],
    };
    let decoded = decode(bytes, None);
    let mut out: Vec<Record> = ctx
        .decode_warning(&decoded, Place::NONE)
        .into_iter()
        .collect();
    let text = decoded.text;
    if text.trim().is_empty() {
        out.push(Record::Skipped(ctx.err(
            Place::NONE,
            ErrorKind::Empty,
            "the input holds only white space",
        )));
        return out;
    }
    if let Err(e) = ctx.check_size(&text, Place::NONE) {
        out.push(Record::Skipped(e));
        return out;
    }
    let (published, published_source) = ctx.published(&[]);
    out.push(Record::Article(Article {
        id: ctx.input.clone(),
        text,
        meta: Meta {
            published,
            published_source,
            input: Some(ctx.input.clone()),
            ..Meta::default()
        },
    }));
    out
}

/// One HTML page: its main text is the article.
pub(crate) fn read_html(ctx: &Ctx, mut src: Source, head: &[u8]) -> Vec<Record> {
    let limit = ctx.opts.max_article_bytes.saturating_mul(4);
    let bytes = match read_bounded(
        ctx,
        &mut src,
        limit,
        "the page (limit: 4 × the article limit)",
    ) {
        Ok(b) => b,
        Err(e) => return vec![Record::Skipped(e)],
    };
    let label = sniff_html_charset(head);
    let decoded = decode(bytes, label.as_deref());
    let mut out: Vec<Record> = ctx
        .decode_warning(&decoded, Place::NONE)
        .into_iter()
        .collect();
    match page_article(ctx, &decoded.text, None, Place::NONE) {
        Ok(mut article) => {
            if article.id.is_empty() {
                article.id = ctx.input.clone();
            }
            article.meta.input = Some(ctx.input.clone());
            out.push(Record::Article(article));
        }
        Err(e) => out.push(Record::Skipped(e)),
    }
    out
}

/// Extracts the article of an HTML page. `fetched` is the address it was fetched from and
/// the crawl date (WARC). The id is that address, else the canonical URL, else empty (the
/// caller fills it in).
pub(crate) fn page_article(
    ctx: &Ctx,
    html_text: &str,
    fetched: Option<(&str, Option<String>)>,
    place: Place,
) -> Result<Article, ReadError> {
    let (url, crawl) = match fetched {
        Some((u, d)) => (Some(u), d),
        None => (None, None),
    };
    let page = html::extract(html_text, url)
        .map_err(|m| ctx.err(place, ErrorKind::NoArticleContent, format!("{m}; skipped")))?;
    ctx.check_size(&page.text, place)?;
    let (published, published_source) = ctx.published(&[
        (page.published.clone(), PublishedSource::Metadata),
        (crawl, PublishedSource::CrawlDate),
    ]);
    let id = match url {
        Some(u) => u.to_string(),
        None => page.canonical.clone().unwrap_or_default(),
    };
    let source_url = url.map(str::to_string).or(page.canonical);
    Ok(Article {
        id,
        text: page.text,
        meta: Meta {
            title: page.title,
            byline: page.byline,
            published,
            published_source,
            outlet: page.outlet,
            source_url,
            ..Meta::default()
        },
    })
}
