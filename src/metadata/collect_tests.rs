//! Tests of `collect`.

use super::*;
use crate::html::parse::parse;

fn signals(html: &str) -> Signals {
    collect(&parse(html, 512), &Vocab::load())
}

#[test]
fn head_and_body_signals() {
    let s = signals(
        r#"<html lang="de"><head><title>T</title>
        <meta property="og:title" content=" OG ">
        <link rel="canonical" href="https://ex.com/a">
        <script type="application/ld+json">{"@type":"Article"}</script></head>
        <body><header><h1>Logo</h1></header>
        <article><h1>Head</h1><p class="byline">By <a href="/author/jane">Jane</a></p>
        <time datetime="2021-11-03" pubdate>3 Nov</time>
        <a rel="tag" href="/t/x">x</a>
        <div class="comments"><span class="comment-author">Troll</span>
        <time datetime="2022-01-01">later</time></div></article>
        <footer><a href="/author/other">Other</a></footer></body></html>"#,
    );
    assert_eq!(s.html_lang.as_deref(), Some("de"));
    assert_eq!(s.title_tag.as_deref(), Some("T"));
    assert_eq!(s.metas, [("og:title".to_string(), "OG".to_string())]);
    assert_eq!(s.canonical.as_deref(), Some("https://ex.com/a"));
    assert_eq!(s.ld_json, [r#"{"@type":"Article"}"#]);
    let heads: Vec<_> = s
        .headings
        .iter()
        .map(|h| (h.text.as_str(), h.in_article))
        .collect();
    assert_eq!(heads, [("Logo", false), ("Head", true)]);
    let bylines: Vec<_> = s.bylines.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(bylines, ["By Jane"]);
    assert_eq!(s.times.len(), 1);
    assert!(s.times[0].published);
    assert_eq!(s.tag_links, ["x"]);
    assert_eq!(s.articles, 1);
}

#[test]
fn microdata_author_name() {
    let s = signals(
        r#"<div itemscope itemtype="http://schema.org/NewsArticle">
        <span itemprop="author" itemscope itemtype="http://schema.org/Person">
        <img src="a.jpg"><span itemprop="name">Ann Poe</span> Staff</span>
        <meta itemprop="datePublished" content="2020-02-02">
        <span itemprop="dateModified" content="2020-02-03">Feb 3</span></div>"#,
    );
    assert_eq!(s.bylines.len(), 1);
    assert_eq!(s.bylines[0].text, "Ann Poe");
    assert_eq!(s.bylines[0].kind, BylineKind::Itemprop);
    assert_eq!(s.item_types, ["NewsArticle", "Person"]);
    assert!(s
        .metas
        .contains(&("datepublished".into(), "2020-02-02".into())));
    assert!(s.times[0].modified);
}

#[test]
fn long_texts_are_not_bylines() {
    let long = "word ".repeat(100);
    let s = signals(&format!(r#"<div class="author">{long}</div>"#));
    assert!(s.bylines.is_empty());
}
