//! Tests of `jsonld`.

use super::*;

fn facts(blocks: &[&str]) -> Facts {
    read(&blocks.iter().map(|b| b.to_string()).collect::<Vec<_>>())
}

fn person(name: &str) -> LdAuthor {
    LdAuthor {
        name: name.into(),
        organization: false,
    }
}

#[test]
fn one_article_object() {
    let f = facts(&[r#"{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Rain due","author":{"@type":"Person","name":"Jane Doe"},
        "datePublished":"2021-11-03T08:00:00Z","dateModified":"2021-11-04",
        "image":["https://ex.com/a.jpg"],"keywords":"rain, weather",
        "articleSection":"Weather","publisher":{"@type":"Organization","name":"The Daily"},
        "mainEntityOfPage":{"@type":"WebPage","@id":"https://ex.com/rain"}}"#]);
    assert_eq!(f.main_type.as_deref(), Some("NewsArticle"));
    assert_eq!(f.headline.as_deref(), Some("Rain due"));
    assert_eq!(f.authors, [person("Jane Doe")]);
    assert_eq!(f.date_published.as_deref(), Some("2021-11-03T08:00:00Z"));
    assert_eq!(f.date_modified.as_deref(), Some("2021-11-04"));
    assert_eq!(f.image.as_deref(), Some("https://ex.com/a.jpg"));
    assert_eq!(f.keywords, ["rain", "weather"]);
    assert_eq!(f.sections, ["Weather"]);
    assert_eq!(f.publisher.as_deref(), Some("The Daily"));
    assert_eq!(f.url.as_deref(), Some("https://ex.com/rain"));
}

#[test]
fn yoast_graph_with_author_by_id() {
    let f = facts(&[r#"{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","@id":"https://ex.com/#website","name":"Ex Blog"},
        {"@type":"WebPage","@id":"https://ex.com/p/#webpage","name":"A post - Ex Blog",
         "datePublished":"2020-01-02T03:04:05+00:00"},
        {"@type":"Article","@id":"https://ex.com/p/#article","headline":"A post",
         "author":{"@id":"https://ex.com/#/schema/person/1"},
         "image":{"@id":"https://ex.com/p/#primaryimage"}},
        {"@type":"ImageObject","@id":"https://ex.com/p/#primaryimage","url":"https://ex.com/i.png"},
        {"@type":["Person"],"@id":"https://ex.com/#/schema/person/1","name":"Ann Poe"}]}"#]);
    assert_eq!(f.headline.as_deref(), Some("A post"));
    assert_eq!(f.authors, [person("Ann Poe")]);
    assert_eq!(
        f.date_published.as_deref(),
        Some("2020-01-02T03:04:05+00:00")
    );
    assert_eq!(f.website.as_deref(), Some("Ex Blog"));
    assert_eq!(f.page_name.as_deref(), Some("A post - Ex Blog"));
    assert_eq!(f.image.as_deref(), Some("https://ex.com/i.png"));
}

#[test]
fn arrays_of_authors_and_blocks() {
    let f = facts(&[
        r#"[{"@type":"BreadcrumbList","itemListElement":[]},
           {"@type":"BlogPosting","headline":"H","author":[{"@type":"Person","name":"A B"},
            "C D",{"@type":"Organization","name":"Org"}]}]"#,
        r#"{"@type":"Organization","name":"Other"}"#,
    ]);
    assert_eq!(
        f.authors,
        [
            person("A B"),
            person("C D"),
            LdAuthor {
                name: "Org".into(),
                organization: true
            }
        ]
    );
}

#[test]
fn broken_json_is_repaired_or_skipped() {
    // Raw newline in a string, trailing comma, comment wrapper.
    let f = facts(&["<!--{\"@type\":\"Article\",\"headline\":\"Line\none\",}-->"]);
    assert_eq!(f.headline.as_deref(), Some("Line one"));
    // Two objects with a semicolon between.
    let f = facts(&[r#"{"@type":"WebSite","name":"S"}; {"@type":"Article","headline":"T"}"#]);
    assert_eq!(f.headline.as_deref(), Some("T"));
    assert_eq!(f.website.as_deref(), Some("S"));
    for broken in [
        "",
        "{",
        "}{",
        "[[[[",
        "null",
        "\"x\"",
        "{\"@type\":",
        "{\"author\":{\"@id\":\"x\"}}",
    ] {
        let f = facts(&[broken]);
        assert!(f.headline.is_none() && f.authors.is_empty(), "{broken:?}");
    }
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(facts(&[&deep]).types.is_empty());
}

#[test]
fn author_reference_cycles_end() {
    let f = facts(&[
        r##"{"@graph":[{"@type":"Article","headline":"H","author":{"@id":"#a"}},
        {"@id":"#a","@type":"Person","name":{"@id":"#a"}}]}"##,
    ]);
    assert!(f.authors.is_empty());
}

#[test]
fn one_product_gives_its_description_many_give_none() {
    let one = facts(&[
        r#"{"@type":"Product","name":"Kettle","description":"A quiet kettle.",
        "hasVariant":[{"@type":"Product","name":"Kettle, red","description":"A quiet kettle."}]}"#,
    ]);
    assert_eq!(one.product_description.as_deref(), Some("A quiet kettle."));
    let many = facts(&[r#"{"@type":"ItemList","itemListElement":[
        {"@type":"Product","name":"Kettle","description":"A quiet kettle."},
        {"@type":"Product","name":"Toaster","description":"A wide toaster."}]}"#]);
    assert_eq!(many.product_description, None);
}
