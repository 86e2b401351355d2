//! Whole-page tests of the metadata reader.

use super::*;
use crate::html::parse::parse;

fn meta(html: &str) -> Metadata {
    read_at(
        &parse(html, 512),
        &Vocab::load(),
        Day::new(2024, 6, 2).expect("a valid day"),
        None,
    )
}

#[test]
fn title_prefers_confirmed_heading_then_og_then_title_tag() {
    let m = meta(
        r#"<head><title>Big news today | Daily</title><meta property="og:title" content="Big news"></head>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Big news"));
    let m = meta("<title>Big news today | Daily</title>");
    assert_eq!(m.title.as_deref(), Some("Big news today"));
    let m = meta("<body><h1> Only  heading </h1></body>");
    assert_eq!(m.title.as_deref(), Some("Only heading"));
    let m = meta(
        r#"<title>Politik: Lange Nacht im Bundestag - Die Zeitung</title>
        <meta property="og:site_name" content="Die Zeitung">
        <body><h1>Die Zeitung</h1><article><h1>Lange Nacht im Bundestag</h1></article>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Lange Nacht im Bundestag"));
    assert_eq!(m.site_name.as_deref(), Some("Die Zeitung"));
}

#[test]
fn a_full_news_page() {
    let m = meta(
        r#"<html lang="en-gb"><head>
        <title>Rain due - The Daily</title>
        <meta property="og:title" content="Rain due">
        <meta property="og:site_name" content="The Daily">
        <meta property="og:type" content="article">
        <meta property="og:image" content="/img/rain.jpg">
        <meta property="og:url" content="https://daily.example/weather/rain">
        <meta name="description" content="  Heavy rain
            on Monday. ">
        <meta property="article:published_time" content="2021-11-03T08:00:00+00:00">
        <meta property="article:modified_time" content="2021-11-04T09:30:00+00:00">
        <meta property="article:section" content="Weather">
        <meta property="article:tag" content="rain"><meta property="article:tag" content="Rain">
        <meta property="article:tag" content="floods">
        </head><body><article><h1>Rain due</h1>
        <p class="byline">By <a href="/author/jane">Jane Doe</a>, Weather Correspondent</p>
        <p>Text.</p></article></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Rain due"));
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(
        m.date_published.as_deref(),
        Some("2021-11-03T08:00:00+00:00")
    );
    assert_eq!(
        m.date_modified.as_deref(),
        Some("2021-11-04T09:30:00+00:00")
    );
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(m.description.as_deref(), Some("Heavy rain on Monday."));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://daily.example/weather/rain")
    );
    assert_eq!(
        m.image.as_deref(),
        Some("https://daily.example/img/rain.jpg")
    );
    assert_eq!(m.tags, ["rain", "floods"]);
    assert_eq!(m.categories, ["Weather"]);
    assert_eq!(m.declared.og_type.as_deref(), Some("article"));
}

#[test]
fn json_ld_comes_first() {
    let m = meta(
        r##"<head><meta name="author" content="Meta Person">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","@id":"#w","name":"Ex Blog"},
        {"@type":"BlogPosting","headline":"A post","datePublished":"2020-01-02",
         "author":{"@id":"#p"},"keywords":["x","y"],"inLanguage":"de-DE"},
        {"@type":"Person","@id":"#p","name":"Ann Poe"}]}</script></head>"##,
    );
    assert_eq!(m.authors, ["Ann Poe"]);
    assert_eq!(m.date_published.as_deref(), Some("2020-01-02"));
    assert_eq!(m.site_name.as_deref(), Some("Ex Blog"));
    assert_eq!(m.title.as_deref(), Some("A post"));
    assert_eq!(m.tags, ["x", "y"]);
    assert_eq!(m.language.as_deref(), Some("de-DE"));
    assert_eq!(m.declared.schema_types[0], "BlogPosting");
}

#[test]
fn broken_json_ld_falls_back_to_meta_tags() {
    let m = meta(
        r#"<head><script type="application/ld+json">{"@type":"Article", "author": </script>
        <meta name="author" content="By Jane Doe and John Roe">
        <meta name="date" content="12.03.2024"></head>"#,
    );
    assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(m.date_published.as_deref(), Some("2024-03-12"));
}

#[test]
fn author_urls_give_way_to_bylines() {
    let m = meta(
        r#"<head><meta property="article:author" content="https://www.facebook.com/jane"></head>
        <body><div class="entry-meta"><span class="author vcard">von Max Müller</span>
        <span class="posted-on">3. März 2021</span></div></body>"#,
    );
    assert_eq!(m.authors, ["Max Müller"]);
    assert_eq!(m.date_published.as_deref(), Some("2021-03-03"));
}

#[test]
fn the_site_as_author_is_a_last_resort() {
    let m = meta(
        r#"<head><meta property="og:site_name" content="The Daily">
        <meta name="author" content="The Daily"></head>
        <body><span itemprop="author">Jane Doe</span></body>"#,
    );
    assert_eq!(m.authors, ["Jane Doe"]);
    let m = meta(
        r#"<head><meta property="og:site_name" content="The Daily">
        <meta name="author" content="The Daily"></head>"#,
    );
    assert_eq!(m.authors, ["The Daily"]);
}

#[test]
fn dates_from_time_elements_and_the_url() {
    let m = meta(
        r#"<body><article><time datetime="2019-05-06T07:08:09Z">May 6</time></article></body>"#,
    );
    assert_eq!(m.date_published.as_deref(), Some("2019-05-06T07:08:09Z"));
    let m = meta(r#"<link rel="canonical" href="https://ex.com/2021/11/03/story/">"#);
    assert_eq!(m.date_published.as_deref(), Some("2021-11-03"));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://ex.com/2021/11/03/story/")
    );
    // Garbage and future dates give nothing.
    let m = meta(r#"<meta property="article:published_time" content="2099-01-01">"#);
    assert_eq!(m.date_published, None);
}

#[test]
fn comments_and_footers_do_not_give_authors() {
    let m = meta(
        r#"<body><article><p>Text</p><ol class="comment-list"><li>
        <span class="comment-author">Troll</span><time datetime="2020-01-01">x</time></li></ol>
        </article><footer><a rel="author" href="/about">Site Owner</a></footer></body>"#,
    );
    assert!(m.authors.is_empty(), "{:?}", m.authors);
    assert_eq!(m.date_published, None);
}

#[test]
fn declared_types() {
    let declared = |html: &str| meta(html).declared;
    assert_eq!(
        declared(r#"<meta property="og:type" content="Product">"#)
            .og_type
            .as_deref(),
        Some("product")
    );
    assert_eq!(
        declared(
            r#"<script type="application/ld+json">{"@type":"DiscussionForumPosting"}</script>"#
        )
        .schema_types,
        ["DiscussionForumPosting"]
    );
    assert_eq!(
        declared(r#"<meta name="generator" content="vBulletin 4.2">"#)
            .generator
            .as_deref(),
        Some("vbulletin 4.2")
    );
    assert_eq!(
        declared("<article>a</article><article>b</article><article>c</article>").articles,
        3
    );
    assert_eq!(
        declared(r#"<div itemscope itemtype="https://schema.org/NewsArticle"></div>"#).schema_types,
        ["NewsArticle"]
    );
    assert_eq!(declared("<p>plain</p>"), Default::default());
}

#[test]
fn urls_are_made_absolute_or_dropped() {
    assert_eq!(
        absolute("//cdn.ex.com/a.jpg", Some("http://ex.com/x")).as_deref(),
        Some("http://cdn.ex.com/a.jpg")
    );
    assert_eq!(
        absolute("/a.jpg", Some("https://ex.com/x/y")).as_deref(),
        Some("https://ex.com/a.jpg")
    );
    assert_eq!(absolute("a.jpg", Some("https://ex.com/x/y")), None);
    assert_eq!(absolute("/a.jpg", None), None);
    assert_eq!(absolute("javascript:void(0)", None), None);
    assert_eq!(
        host_of("https://user@www.ex.com:8080/p"),
        Some("www.ex.com")
    );
    assert_eq!(host_of("https://"), None);
}

#[test]
fn no_panics_on_odd_pages() {
    for html in [
        "",
        "<meta>",
        "<meta content>",
        r#"<meta property="og:title" content="">"#,
        r#"<script type="application/ld+json"></script>"#,
        r#"<script type="application/ld+json">{"@graph":[{"@type":[],"author":[[[[]]]]}]}</script>"#,
        r#"<html lang="">"#,
        r#"<time datetime="">"#,
        r#"<a rel="author"></a><span class="byline">   </span>"#,
        r#"<link rel="canonical" href="https://">"#,
        "<title> | - | </title>",
    ] {
        let _ = meta(html);
    }
}

#[test]
fn text_cleaning() {
    assert_eq!(clean_text("  a \n b&amp;c "), "a b&c");
    assert_eq!(clean_text("Don&#039;t"), "Don't");
}
