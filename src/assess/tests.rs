//! The page-type classifier and the confidence on small hand-written
//! pages, through the extractor.

use crate::extractor::Extractor;
use crate::model::article::PageType;
use crate::model::input::Input;

const PROSE: &str = "The committee met on Monday and agreed, after a long debate that ran \
    well into the evening, to publish its findings before the end of the month and to hold \
    a public meeting on them in the spring, when residents can ask what they mean.";

fn kind(html: &str, url: Option<&str>) -> PageType {
    let mut input = Input::html(html);
    if let Some(url) = url {
        input = input.url(url);
    }
    Extractor::default()
        .extract(input)
        .map(|a| a.page_type)
        .unwrap_or_default()
}

#[test]
fn a_dated_authored_story_is_an_article() {
    let html = format!(
        r#"<head><meta property="og:type" content="article">
        <meta property="article:published_time" content="2024-05-01">
        <meta name="author" content="Jane Doe"></head>
        <body><article><h1>Council publishes findings</h1><p>{PROSE}</p><p>{PROSE}</p></article></body>"#
    );
    let url = "https://news.example/news/2024/05/council-publishes-its-findings-on-rain";
    assert_eq!(kind(&html, Some(url)), PageType::Article);
}

#[test]
fn structured_product_data_and_a_price_make_a_product() {
    let html = format!(
        r#"<script type="application/ld+json">{{"@type":"Product","name":"Red kettle"}}</script>
        <meta property="og:type" content="product">
        <h1>Red kettle</h1><p class="price">$49.99</p>
        <button class="add-to-cart">Add to cart</button><p>{PROSE}</p>"#
    );
    assert_eq!(
        kind(&html, Some("https://shop.example/products/red-kettle")),
        PageType::Product
    );
}

#[test]
fn code_under_a_docs_path_is_documentation() {
    let code = "<pre><code>let extractor = Extractor::default();\nlet article = extractor.extract(html)?;\nprintln!(\"{}\", article.text);</code></pre>";
    let html = format!(
        r#"<nav class="docs-sidebar"><a href="/docs/a">Install</a></nav><main><h1>Extracting</h1>
        <p>{PROSE}</p>{code}<h2>Options</h2><p>{PROSE}</p>{code}<p><code>include_links</code></p></main>"#
    );
    assert_eq!(
        kind(&html, Some("https://lib.example/docs/guide/extracting")),
        PageType::Documentation
    );
}

#[test]
fn a_question_with_answers_is_a_forum() {
    let html = format!(
        r#"<script type="application/ld+json">{{"@type":"QAPage"}}</script>
        <div class="question post"><h1>Why does my kettle click?</h1><p>{PROSE}</p></div>
        <div class="answer post"><p>{PROSE}</p></div><div class="answer post"><p>{PROSE}</p></div>"#
    );
    assert_eq!(
        kind(
            &html,
            Some("https://ask.example/questions/123/why-does-my-kettle-click")
        ),
        PageType::Forum
    );
}

#[test]
fn forcing_the_type_sets_it_and_says_so() {
    let html = format!("<article><p>{PROSE}</p></article>");
    for forced in PageType::ALL {
        let extractor = Extractor::builder().page_type(forced).build();
        let article = extractor.extract(html.as_str()).expect("a page");
        assert_eq!(article.page_type, forced);
        let explained = extractor.explain(html.as_str()).expect("a page");
        assert_eq!(explained.page_type, forced);
        assert_eq!(explained.page_type_reasons, ["forced by the caller"]);
    }
}

#[test]
fn confidence_is_a_share_and_zero_without_text() {
    let html = format!("<article><h1>Findings</h1><p>{PROSE}</p><p>{PROSE}</p></article>");
    let article = Extractor::default().extract(html.as_str()).expect("a page");
    assert!(article.confidence > 0.0 && article.confidence <= 1.0);
    let empty = Extractor::default()
        .extract(r#"<nav><a href="/">Home</a> <a href="/news">News</a></nav>"#)
        .expect("a page");
    assert!(empty.text.is_empty());
    assert_eq!(empty.confidence, 0.0);
    let json = serde_json::to_string(&article).expect("json");
    assert!(json.contains("\"confidence\":"), "{json}");
}

#[test]
fn explain_gives_the_type_its_reasons_and_the_confidence() {
    let html = format!(
        r#"<script type="application/ld+json">{{"@type":"Product"}}</script>
        <meta property="og:type" content="product"><p>$12.00</p><p>{PROSE}</p>"#
    );
    let input = Input::html(&html).url("https://shop.example/products/red-kettle");
    let explained = Extractor::default().explain(input).expect("a page");
    assert_eq!(explained.page_type, PageType::Product);
    assert!(!explained.page_type_reasons.is_empty());
    assert!(explained.page_type_line().starts_with("product ("));
    assert!(explained.to_html().contains("Page type: <code>product ("));
    assert!((0.0..=1.0).contains(&explained.confidence));
}
