//! The extractor's tests: entry points, limits, errors, options.

use super::*;

#[test]
fn a_fetched_url_that_is_not_a_web_url_is_ignored() {
    let html = r#"<article><p>The committee met on Monday and agreed, after a long
        debate, to publish <a href="report.pdf">its findings</a> before the end of the
        month, and to hold a public meeting on them in the spring.</p></article>"#;
    let extractor = Extractor::builder().include_links(true).build();
    for url in ["javascript:alert(1)", "", "not a url", "file:///etc/passwd"] {
        let article = extractor
            .extract(crate::model::input::Input::html(html).url(url))
            .expect("a page");
        assert_eq!(article.canonical_url, None, "{url:?}");
        assert!(
            article.to_markdown().contains("[its findings](report.pdf)"),
            "{url:?}"
        );
    }
    // A page's own <base href> wins over the URL it was fetched from.
    let based = format!(r#"<base href="https://cdn.example/docs/">{html}"#);
    let article = extractor
        .extract(crate::model::input::Input::html(&based).url("https://news.example/a/"))
        .expect("a page");
    assert!(article
        .to_markdown()
        .contains("(https://cdn.example/docs/report.pdf)"));
}

#[test]
fn extractor_is_send_sync_and_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    let extractor = std::sync::Arc::new(Extractor::default());
    let page = "<article><p>Shared across threads, one extractor gives the same answer every time.</p></article>";
    let expected = extractor.extract(page).map(|a| a.text);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let extractor = std::sync::Arc::clone(&extractor);
            std::thread::spawn(move || extractor.extract(page).map(|a| a.text))
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.join().ok(), Some(expected.clone()));
    }
}

#[test]
fn the_size_limit_holds_after_decoding_and_has_a_ceiling() {
    // 1,000 Latin-1 bytes of `é` become 2,000 bytes of UTF-8.
    let mut page = b"<meta charset=iso-8859-1><p>".to_vec();
    page.extend([0xE9u8; 1_000]);
    let limit = page.len() + 100;
    let extractor = Extractor::builder().max_input_bytes(limit).build();
    let err = extractor
        .extract(crate::model::input::Input::html_bytes(&page))
        .unwrap_err();
    assert!(
        matches!(err, Error::InputTooLarge { size, .. } if size > limit),
        "{err:?}"
    );
    let huge = Extractor::builder().max_input_bytes(usize::MAX).build();
    assert_eq!(
        huge.options().max_input_bytes(),
        crate::model::options::MAX_INPUT_BYTES_CEILING
    );
}

#[test]
fn errors_say_what_went_wrong() {
    let small = Extractor::builder().max_input_bytes(10).build();
    let err = small.extract("<p>more than ten bytes</p>").unwrap_err();
    assert!(matches!(
        err,
        Error::InputTooLarge {
            size: 26,
            limit: 10
        }
    ));
    assert!(err.to_string().contains("max_input_bytes"));
    assert_eq!(
        Extractor::default().extract("  \n "),
        Err(Error::EmptyInput)
    );
}

#[test]
fn limits_name_the_option_that_was_hit() {
    let page = "<article><p>A paragraph long enough to be kept as the article text.</p></article>";
    let few_nodes = Extractor::builder().max_dom_nodes(3).build();
    let err = few_nodes.extract(page).unwrap_err();
    assert!(matches!(
        err,
        Error::LimitExceeded {
            limit: Limit::MaxDomNodes,
            value: 3
        }
    ));
    assert!(err.to_string().contains("max_dom_nodes"));
    let short = Extractor::builder().max_output_bytes(10).build();
    let err = short.extract(page).unwrap_err();
    assert!(matches!(
        err,
        Error::LimitExceeded {
            limit: Limit::MaxOutputBytes,
            value: 10
        }
    ));
    let text = "A paragraph long enough to be kept as the article text, surely.\n".repeat(4);
    assert!(matches!(
        few_nodes.extract(crate::model::input::Input::text(&text)),
        Err(Error::LimitExceeded {
            limit: Limit::MaxDomNodes,
            ..
        })
    ));
    assert!(Extractor::default().extract(page).is_ok());
}

#[test]
fn tables_are_kept_unless_turned_off() {
    let page = "<article><p>The council published the figures for every region on Monday.</p>\
        <table><tr><th>Region</th><th>Rain</th></tr><tr><td>North</td><td>912</td></tr></table></article>";
    let with = Extractor::default().extract(page).expect("a page");
    assert!(with.text.contains("North"), "{}", with.text);
    let without = Extractor::builder().include_tables(false).build();
    let article = without.extract(page).expect("a page");
    assert!(!article.text.contains("North") && article.text.contains("council"));
}

#[test]
fn a_page_without_content_gives_empty_text() {
    let nav = r#"<nav><a href="/">Home</a> <a href="/a">About</a></nav>"#;
    let article = Extractor::default().extract(nav).expect("a page");
    assert!(article.is_empty());
}

#[test]
fn typed_edges_serialise_and_display_as_the_old_strings() {
    let html = "<ul><li>Home</li></ul><p>The committee met on Monday and agreed, after a long \
        debate, to publish its findings before the end of the month.</p>";
    let explanation = Extractor::default().explain(html).expect("a page");
    let json = serde_json::to_string(&explanation).expect("json");
    assert!(json.contains(r#""kind":"paragraph""#), "{json}");
    assert!(json.contains(r#""kind":"list_item""#), "{json}");
    assert!(json.contains(r#""first_class":"near_good""#), "{json}");
    assert!(json.contains(r#""first_class":"bad""#), "{json}");
    let limit = Error::LimitExceeded {
        limit: Limit::MaxOutputBytes,
        value: 7,
    };
    assert_eq!(
        limit.to_string(),
        "the page goes over the limit `max_output_bytes` = 7 (raise it in the extractor options)"
    );
    let binary = Error::BinaryInput {
        kind: crate::model::error::BinaryKind::Png,
    };
    assert!(binary.to_string().contains("(PNG image)"), "{binary}");
}

#[test]
fn options_are_clamped_in_one_place_and_balance_is_one_setting() {
    use crate::model::options::Balance;
    let o = Extractor::builder().max_depth(1).build();
    assert_eq!(o.options().max_depth(), 16);
    let b = |e: Extractor| e.options().balance();
    assert_eq!(b(Extractor::default()), Balance::Balanced);
    assert_eq!(
        b(Extractor::builder().favor_precision(true).build()),
        Balance::Precision
    );
    let flipped = Extractor::builder()
        .favor_precision(true)
        .favor_recall(true);
    assert_eq!(b(flipped.clone().build()), Balance::Recall);
    // Turning precision off leaves a recall choice alone.
    assert_eq!(b(flipped.favor_precision(false).build()), Balance::Recall);
    assert_eq!(
        b(Extractor::builder()
            .balance(Balance::Recall)
            .favor_recall(false)
            .build()),
        Balance::Balanced
    );
}

#[test]
fn explain_of_text_gives_the_text_front_ends_decisions() {
    use crate::output::explain::Label;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text/");
    let extractor = Extractor::default();
    for case in [
        "regional_news",
        "german_news",
        "press_release",
        "forum_thread",
    ] {
        let path = format!("{dir}{case}/input.txt");
        let text = std::fs::read_to_string(&path).expect("a text fixture");
        let input = Input::text(&text);
        let article = extractor.extract(input).expect("an article");
        let explanation = extractor.explain(input).expect("an explanation");
        // The same stages: what explain keeps is what extraction gives.
        let kept: Vec<String> = explanation
            .blocks
            .iter()
            .filter(|b| b.kept)
            .map(|b| b.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let body = article
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(kept.join(" "), body, "{case}");
        assert_eq!(explanation.title, article.title, "{case}");
        assert!(explanation.region.starts_with("blocks "), "{case}");
        assert!(explanation.blocks[0].path == "block 0", "{case}");
        // Kept blocks are content; every dropped block says why.
        for b in &explanation.blocks {
            assert_eq!(b.kept, b.label == Label::Content, "{case}: {b:?}");
            assert!(!b.reason.is_empty(), "{case}: {b:?}");
        }
    }
    // Text-only decisions show: a furniture line, the title.
    let text = std::fs::read_to_string(format!("{dir}regional_news/input.txt")).expect("text");
    let explanation = extractor.explain(Input::text(&text)).expect("explained");
    assert!(explanation
        .blocks
        .iter()
        .any(|b| b.reason.starts_with("furniture line")));
    assert!(explanation.blocks.iter().any(|b| b.label == Label::Title));
    // The node (line) limit holds for explain as for extraction.
    let small = Extractor::builder().max_dom_nodes(3).build();
    assert!(matches!(
        small.explain(Input::text(&text)),
        Err(Error::LimitExceeded { .. })
    ));
}
