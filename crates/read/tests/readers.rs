//! One test (or a few) per input kind, on small invented fixtures.

mod common;

use common::*;
use newsgraph_doc::PublishedSource;
use newsgraph_read::{open, ErrorKind, InputFormat, ReadOptions, Record, Source};

fn opts() -> ReadOptions {
    ReadOptions::default()
}

#[test]
fn plain_text_is_kept_as_is() {
    let text = "Storm closes ferry port\r\n\r\nThe port shut at noon.\r\n";
    let tmp = temp_file("storm.txt", text.as_bytes());
    let path = tmp.path.clone();
    let records: Vec<Record> = open(&Source::Path(path.clone()), &opts())
        .unwrap()
        .collect();
    assert_eq!(records.len(), 1);
    let a = records[0].article().unwrap();
    let name = path.display().to_string();
    assert_eq!(a.text, text, "CRLFs kept so offsets index the output");
    assert_eq!(a.id, name);
    assert_eq!(a.meta.input.as_deref(), Some(name.as_str()));
    assert_eq!(a.meta.published, None);
    assert_eq!(a.meta.published_source, PublishedSource::Unknown);
}

#[test]
fn stdin_text_gets_the_default_date() {
    let o = ReadOptions {
        default_published: Some("2024-06-01".into()),
        ..opts()
    };
    let records = read("Rain fell on the hills.".as_bytes(), "stdin", &o);
    let a = records[0].article().unwrap();
    assert_eq!(a.id, "stdin");
    assert_eq!(a.meta.published.as_deref(), Some("2024-06-01"));
    assert_eq!(a.meta.published_source, PublishedSource::Default);
}

#[test]
fn html_page_keeps_the_article_and_drops_the_boilerplate() {
    let records: Vec<Record> = open(&Source::Path(data("page.html")), &opts())
        .unwrap()
        .collect();
    assert_eq!(records.len(), 1, "{records:?}");
    let a = records[0].article().unwrap();
    assert_eq!(a.id, "https://ledger.example/news/harbour-bridge-reopens");
    let paragraphs: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{:?}", a.text);
    assert!(paragraphs[0].starts_with("The Harbour Street bridge reopened"));
    assert!(paragraphs[3].ends_with("summer tourist season."));
    for junk in [
        "Home",
        "Advertisement",
        "Related stories",
        "Ferry timetable",
        "nightmare",
        "All rights reserved",
        "trackPageView",
        "font-family",
    ] {
        assert!(
            !a.text.contains(junk),
            "boilerplate {junk:?} in {:?}",
            a.text
        );
    }
    let m = &a.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Harbour bridge reopens after storm repairs")
    );
    assert_eq!(m.byline.as_deref(), Some("Mira Okafor"));
    assert_eq!(m.outlet.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(m.published.as_deref(), Some("2024-02-11T08:30:00+01:00"));
    assert_eq!(m.published_source, PublishedSource::Metadata);
    assert_eq!(
        m.source_url.as_deref(),
        Some("https://ledger.example/news/harbour-bridge-reopens")
    );
    assert!(m.input.as_deref().unwrap().ends_with("page.html"));
}

#[test]
fn html_without_canonical_url_is_named_by_its_path_and_dated_by_time_element() {
    let page = news_page(
        "Market hall to close for renovation",
        &[
            "The old market hall will close for eight months of renovation work from July.",
            "Stallholders will move to a temporary site beside the bus station.",
        ],
        "",
    )
    .replace(
        "<article>",
        "<article><time datetime='2023-07-14'>14 July</time>",
    );
    let records = read(page.as_bytes(), "pages/market.htm", &opts());
    let a = records[0].article().unwrap();
    assert_eq!(a.id, "pages/market.htm");
    assert_eq!(a.meta.published.as_deref(), Some("2023-07-14"));
    assert!(a.text.contains("old market hall"));
    assert!(!a.text.contains("Copyright"));
}

#[test]
fn html_in_a_declared_charset_is_decoded() {
    let page = b"<html><head><meta charset=\"windows-1252\"></head><body>\
                 <p>The caf\xE9 on the corner reopened \x93today\x94.</p></body></html>";
    let records = read(page, "cafe.html", &opts());
    assert!(warnings(&records).is_empty(), "{records:?}");
    assert_eq!(
        articles(&records)[0].text,
        "The café on the corner reopened “today”."
    );
}

#[test]
fn html_without_article_content_is_skipped() {
    let page = "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>";
    let records = read(page.as_bytes(), "empty.html", &opts());
    let s = skipped(&records);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].kind, ErrorKind::NoArticleContent);
    assert!(s[0]
        .to_string()
        .starts_with("empty.html: no article content"));
}

#[test]
fn rss_feed_gives_one_article_per_item() {
    let path = data("feed.rss");
    let name = path.display().to_string();
    let records: Vec<Record> = open(&Source::Path(path), &opts()).unwrap().collect();
    let arts = articles(&records);
    assert_eq!(arts.len(), 3, "{records:?}");

    let a = arts[0];
    assert_eq!(a.id, "https://gazette.example/2024/09/apple-harvest");
    assert!(a.text.starts_with("Orchard growers in the valley expect"));
    assert!(
        a.text.contains(".\n\n\"The blossom"),
        "paragraphs kept: {:?}",
        a.text
    );
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Orchard growers expect record apple harvest")
    );
    assert_eq!(a.meta.byline.as_deref(), Some("Lena Varga"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Valley Gazette"));
    assert_eq!(a.meta.published.as_deref(), Some("2024-09-03T07:15:00Z"));
    assert_eq!(a.meta.published_source, PublishedSource::Given);
    assert_eq!(
        a.meta.source_url.as_deref(),
        Some("https://gazette.example/2024/09/apple-harvest")
    );
    assert_eq!(a.meta.input, Some(format!("{name}#1")));

    let b = arts[1];
    assert!(b
        .text
        .starts_with("The central library will open on Sundays"));
    assert_eq!(b.meta.published.as_deref(), Some("2024-09-04T14:00:00Z"));

    let c = arts[2];
    assert_eq!(c.id, format!("{name}#3"), "no link, no guid");
    assert_eq!(
        c.text,
        "Mill Street will be closed to traffic\nbetween Monday and Friday."
    );
    assert_eq!(c.meta.published, None);

    let s = skipped(&records);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].kind, ErrorKind::MissingText);
    assert_eq!(s[0].place.record, Some(4));
}

#[test]
fn atom_feed_entries_become_articles() {
    let records: Vec<Record> = open(&Source::Path(data("feed.atom")), &opts())
        .unwrap()
        .collect();
    let arts = articles(&records);
    assert_eq!(arts.len(), 2, "{records:?}");
    assert_eq!(arts[0].id, "https://wire.example/ferry-resumes");
    assert_eq!(
        arts[0].text,
        "Ferries returned to the harbour on Wednesday.\n\nThe strike lasted four days."
    );
    assert_eq!(arts[0].meta.byline.as_deref(), Some("Sam Lindqvist"));
    assert_eq!(arts[0].meta.outlet.as_deref(), Some("Harbour Wire"));
    assert_eq!(
        arts[0].meta.published.as_deref(),
        Some("2024-05-01T09:00:00Z")
    );
    assert_eq!(
        arts[1].id, "urn:example:harbour-wire:78",
        "no link: the entry id"
    );
    assert_eq!(
        arts[1].meta.published.as_deref(),
        Some("2024-05-02T08:00:00Z"),
        "updated when there is no published date"
    );
}

#[test]
fn a_feed_that_does_not_parse_is_one_skip() {
    let records = read(
        b"<?xml version='1.0'?><rss version='2.0'><channel><item>",
        "bad.rss",
        &opts(),
    );
    let s = skipped(&records);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(s[0].kind, ErrorKind::MalformedFeed);
    let records = read(b"<?xml version='1.0'?><catalog/>", "odd.rss", &opts());
    assert_eq!(skipped(&records)[0].kind, ErrorKind::MalformedFeed);
}

#[test]
fn feed_detected_by_content_with_unknown_extension() {
    let bytes = std::fs::read(data("feed.atom")).unwrap();
    let records = read(&bytes, "download.xml", &opts());
    assert_eq!(articles(&records).len(), 2);
}

#[test]
fn jsonl_one_article_per_line() {
    let path = data("news.jsonl");
    let name = path.display().to_string();
    let records: Vec<Record> = open(&Source::Path(path), &opts()).unwrap().collect();
    let arts = articles(&records);
    assert_eq!(arts.len(), 5, "{records:?}");

    let a = arts[0];
    assert_eq!(a.id, "wire-1");
    assert_eq!(
        a.text,
        "Council approves new cycle lanes.\nWork starts in May."
    );
    assert_eq!(a.meta.title.as_deref(), Some("Cycle lanes approved"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Town Wire"));
    assert_eq!(
        a.meta.source_url.as_deref(),
        Some("https://wire.example/cycle")
    );
    assert_eq!(a.meta.published.as_deref(), Some("2024-04-02"));
    assert_eq!(a.meta.published_source, PublishedSource::Given);
    assert_eq!(a.meta.input, Some(format!("{name}#1")));

    assert_eq!(arts[1].id, "42", "numeric ids become strings");
    assert_eq!(
        arts[1].meta.published.as_deref(),
        Some("2024-04-02T18:00:00+01:00")
    );
    assert_eq!(arts[2].id, "https://wire.example/third", "url when no id");
    assert_eq!(
        arts[3].id,
        format!("{name}:5"),
        "path:LINE, blank line 3 counted"
    );
    assert_eq!(arts[4].meta.published, None);

    let s = skipped(&records);
    let kinds: Vec<_> = s.iter().map(|e| (e.kind, e.place.line)).collect();
    assert_eq!(
        kinds,
        [
            (ErrorKind::MissingText, Some(6)),
            (ErrorKind::MalformedJson, Some(7)),
            (ErrorKind::MalformedJson, Some(8)),
        ]
    );
    // The byte offset is the start of the line.
    let bytes = std::fs::read(data("news.jsonl")).unwrap();
    let at = s[1].place.byte.unwrap() as usize;
    assert!(bytes[at..].starts_with(b"{\"text\": \"Unterminated"));
    assert!(s[1]
        .to_string()
        .starts_with(&format!("{name}: line 7, byte {at}: malformed JSON: ")));

    let w = warnings(&records);
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].kind, w[0].place.line),
        (ErrorKind::InvalidDate, Some(9))
    );
}

#[test]
fn jsonl_date_precedence_given_then_default() {
    let o = ReadOptions {
        default_published: Some("2020-01-01".into()),
        ..opts()
    };
    let input = "{\"text\": \"a\", \"published\": \"2024-04-02\"}\n{\"text\": \"b\"}\n";
    let records = read(input.as_bytes(), "d.jsonl", &o);
    let arts = articles(&records);
    assert_eq!(arts[0].meta.published_source, PublishedSource::Given);
    assert_eq!(arts[1].meta.published.as_deref(), Some("2020-01-01"));
    assert_eq!(arts[1].meta.published_source, PublishedSource::Default);
}

#[test]
fn jsonl_overlong_line_is_skipped_and_reading_goes_on() {
    let o = ReadOptions {
        max_article_bytes: 100,
        ..opts()
    };
    let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(1_200_000));
    let input = format!("{{\"text\": \"short one\"}}\n{long}{{\"text\": \"after\"}}\n");
    let records = read(input.as_bytes(), "big.jsonl", &o);
    let arts = articles(&records);
    assert_eq!(
        arts.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(),
        ["short one", "after"]
    );
    let s = skipped(&records);
    assert_eq!(s.len(), 1);
    assert_eq!(
        (s[0].kind, s[0].place.line, s[0].place.byte),
        (ErrorKind::TooLarge, Some(2), Some(22))
    );
    assert!(s[0].message.contains("--max-article-bytes"));
}

fn sample_warc() -> Vec<u8> {
    let page_a = news_page(
        "Wind farm approved off the coast",
        &[
            "Regulators approved a forty-turbine wind farm off the northern coast on Tuesday.",
            "Construction is due to begin next year and to last three years.",
        ],
        "<meta property='article:published_time' content='2024-03-05T09:00:00Z'>",
    );
    let page_b = news_page(
        "Night buses return to the city centre",
        &["Night buses will run again on weekends from next month, the transport authority said."],
        "",
    );
    let mut w = Vec::new();
    w.extend(warc_record(
        "warcinfo",
        &[("Content-Type", "application/warc-fields")],
        b"software: invented-crawler/0.1\r\nformat: WARC File Format 1.0\r\n",
    ));
    w.extend(warc_record(
        "request",
        &[
            ("WARC-Target-URI", "https://news.example/wind"),
            ("Content-Type", "application/http; msgtype=request"),
        ],
        b"GET /wind HTTP/1.1\r\nHost: news.example\r\n\r\n",
    ));
    w.extend(response(
        "https://news.example/wind",
        "2024-03-06T10:11:12Z",
        &http("200 OK", "text/html; charset=utf-8", page_a.as_bytes()),
    ));
    w.extend(warc_record(
        "metadata",
        &[("WARC-Target-URI", "https://news.example/wind")],
        b"fetchTimeMs: 120\r\n",
    ));
    w.extend(response(
        "https://news.example/missing",
        "2024-03-06T10:11:13Z",
        &http(
            "404 Not Found",
            "text/html",
            b"<html><body><p>Not found</p></body></html>",
        ),
    ));
    w.extend(response(
        "https://news.example/logo.png",
        "2024-03-06T10:11:14Z",
        &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0\0"),
    ));
    w.extend(response(
        "https://news.example/buses",
        "2024-03-07T22:00:00Z",
        &http("200 OK", "text/html", page_b.as_bytes()),
    ));
    w
}

fn check_sample_warc(records: &[Record], name: &str) {
    assert!(
        skipped(records).is_empty() && warnings(records).is_empty(),
        "{records:?}"
    );
    let arts = articles(records);
    assert_eq!(arts.len(), 2, "{records:?}");
    let a = arts[0];
    assert_eq!(a.id, "https://news.example/wind");
    assert_eq!(
        a.meta.source_url.as_deref(),
        Some("https://news.example/wind")
    );
    assert!(a
        .text
        .starts_with("Regulators approved a forty-turbine wind farm"));
    assert!(a.text.contains("Tuesday.\n\nConstruction"));
    assert!(!a.text.contains("Copyright"));
    assert_eq!(a.meta.published.as_deref(), Some("2024-03-05T09:00:00Z"));
    assert_eq!(a.meta.published_source, PublishedSource::Metadata);
    assert_eq!(a.meta.input, Some(format!("{name}#3")));
    let b = arts[1];
    assert_eq!(b.id, "https://news.example/buses");
    assert_eq!(b.meta.published.as_deref(), Some("2024-03-07T22:00:00Z"));
    assert_eq!(b.meta.published_source, PublishedSource::CrawlDate);
    assert_eq!(b.meta.input, Some(format!("{name}#7")));
}

#[test]
fn warc_html_responses_become_articles() {
    let tmp = temp_file("crawl.warc", &sample_warc());
    let path = tmp.path.clone();
    let name = path.display().to_string();
    let arts = open(&Source::Path(path), &opts()).unwrap();
    assert_eq!(arts.format(), Some(InputFormat::Warc));
    let records: Vec<Record> = arts.collect();
    check_sample_warc(&records, &name);
}

#[test]
fn warc_gz_with_one_member_per_record() {
    // CC-NEWS style: each record is its own gzip member.
    let raw = sample_warc();
    let mut gz = Vec::new();
    let mut rest = raw.as_slice();
    while !rest.is_empty() {
        let next = rest[1..]
            .windows(8)
            .position(|w| w == b"WARC/1.0")
            .map_or(rest.len(), |i| i + 1);
        gz.extend(gzip(&rest[..next]));
        rest = &rest[next..];
    }
    let tmp = temp_file("CC-NEWS-00001.warc.gz", &gz);
    let path = tmp.path.clone();
    let name = path.display().to_string();
    let records: Vec<Record> = open(&Source::Path(path), &opts()).unwrap().collect();
    check_sample_warc(&records, &name);
    // Detected by the gzip magic alone, too.
    let records = read(&gz, "stdin", &opts());
    check_sample_warc(&records, "stdin");
}

#[test]
fn warc_bad_content_length_is_skipped_and_reading_resumes() {
    let good = response(
        "https://news.example/ok",
        "2024-03-06T10:00:00Z",
        &http(
            "200 OK",
            "text/html",
            news_page(
                "Harbour dredging starts",
                &["Dredging of the harbour channel began on Monday."],
                "",
            )
            .as_bytes(),
        ),
    );
    let mut bad = good.clone();
    // Claim a body shorter than it is.
    let text = String::from_utf8(bad.clone()).unwrap();
    let len_line = text
        .lines()
        .find(|l| l.starts_with("Content-Length: "))
        .unwrap()
        .to_string();
    let len: usize = len_line["Content-Length: ".len()..].parse().unwrap();
    let fixed = text.replacen(&len_line, &format!("Content-Length: {}", len - 30), 1);
    bad = fixed.into_bytes();

    let mut w = Vec::new();
    w.extend(good.clone());
    let bad_start = w.len() as u64;
    w.extend(bad);
    w.extend(good.clone());
    let records = read(&w, "broken.warc", &opts());
    assert_eq!(articles(&records).len(), 2, "{records:?}");
    let s = skipped(&records);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].kind, ErrorKind::MalformedWarc);
    assert_eq!(s[0].place.record, Some(2));
    assert_eq!(s[0].place.byte, Some(bad_start));
    assert!(s[0].to_string().starts_with(&format!(
        "broken.warc: record 2, byte {bad_start}: malformed WARC: "
    )));

    // Garbage before the first record, then a truncated record at the end.
    let mut w = b"this is not a warc header\r\nmore junk\r\n".to_vec();
    w.extend(good.clone());
    w.extend(&good[..good.len() - 100]);
    let records = read(&w, "junk.warc", &opts());
    assert_eq!(articles(&records).len(), 1, "{records:?}");
    let s = skipped(&records);
    assert_eq!(s.len(), 2, "{records:?}");
    assert_eq!((s[0].place.record, s[0].place.byte), (Some(1), Some(0)));
    assert!(s[1].message.contains("truncated"), "{}", s[1]);
    assert_eq!(s[1].place.record, Some(3));
}

#[test]
fn warc_missing_content_length() {
    let mut w = b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n".to_vec();
    w.extend(response(
        "https://news.example/next",
        "2024-03-06T10:00:00Z",
        &http(
            "200 OK",
            "text/html",
            b"<html><body><p>The next record is fine.</p></body></html>",
        ),
    ));
    let records = read(&w, "nolen.warc", &opts());
    assert_eq!(skipped(&records)[0].kind, ErrorKind::MalformedWarc);
    assert!(skipped(&records)[0].message.contains("Content-Length"));
    assert_eq!(articles(&records)[0].text, "The next record is fine.");
}

#[test]
fn warc_response_without_article_is_skipped_with_its_place() {
    let w = response(
        "https://news.example/menu",
        "2024-03-06T10:00:00Z",
        &http(
            "200 OK",
            "text/html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        ),
    );
    let records = read(&w, "menu.warc", &opts());
    let s = skipped(&records);
    assert_eq!(s[0].kind, ErrorKind::NoArticleContent);
    assert_eq!((s[0].place.record, s[0].place.byte), (Some(1), Some(0)));
}

#[test]
fn format_option_overrides_detection() {
    let o = ReadOptions {
        format: Some(InputFormat::Txt),
        ..opts()
    };
    let records = read(b"<html><body><p>x</p></body></html>", "page.html", &o);
    assert_eq!(
        articles(&records)[0].text,
        "<html><body><p>x</p></body></html>"
    );
}
