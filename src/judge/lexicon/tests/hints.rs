//! Class/id hints: tokenising, false hits, one hit per category.

use super::super::tokens::tokenize;
use super::super::{HintCategory, Hints};
use super::lexicon;

fn tokens(value: &str) -> Vec<String> {
    let mut buf = String::new();
    let mut spans = [(0u16, 0u16); 32];
    let n = tokenize(value, &mut buf, &mut spans);
    spans[..n]
        .iter()
        .map(|&(s, e)| buf[s as usize..e as usize].to_string())
        .collect()
}

#[test]
fn tokenizer_splits_separators_humps_and_digits() {
    assert_eq!(tokens("mainContent"), ["main", "content"]);
    assert_eq!(tokens("ADSlot top_banner"), ["ad", "slot", "top", "banner"]);
    assert_eq!(tokens("ad300x250"), ["ad", "300", "x", "250"]);
    assert_eq!(
        tokens("c-article__body--wide"),
        ["c", "article", "body", "wide"]
    );
    assert_eq!(tokens("  "), Vec::<String>::new());
    assert_eq!(tokens("Статья-текст"), ["статья", "текст"]);
    assert_eq!(tokens(&"a-".repeat(100)).len(), 32);
}

#[test]
fn no_false_hits_inside_words() {
    let lex = lexicon();
    for value in [
        "header", "shadow", "download", "load", "thread", "readable", "spread", "badge",
        "gradient", "pad", "roadmap", "headline",
    ] {
        assert!(
            !lex.class_hints(value).contains(HintCategory::Advertising),
            "{value}"
        );
    }
    for value in ["stage", "vintage", "heritage", "montage", "tagline"] {
        assert!(
            !lex.class_hints(value).contains(HintCategory::Tags),
            "{value}"
        );
    }
    for value in ["canvas", "unavailable", "research-paper"] {
        assert!(
            !lex.class_hints(value).contains(HintCategory::Navigation),
            "{value}"
        );
    }
    for value in [
        "shadow",
        "download",
        "stage",
        "clearfix",
        "row",
        "col-md-8",
        "wrapper",
        "container",
    ] {
        assert_eq!(lex.class_hints(value), Hints::NONE, "{value}");
    }
}

#[test]
fn every_category_hits() {
    use HintCategory::*;
    let lex = lexicon();
    let cases: &[(HintCategory, &[&str])] = &[
        (
            Content,
            &[
                "artikel-text",
                "corpo",
                "hauptinhalt",
                "entry-content",
                "articleBody",
                "post__body",
                "story-text",
                "prose lg:prose-xl",
                "main",
            ],
        ),
        (
            Navigation,
            &[
                "metanavigation",
                "mainnavi",
                "nocontent",
                "main-nav",
                "topnav",
                "navbar-expand",
                "breadcrumbs",
                "pagination",
                "skip-link",
                "toolbar",
            ],
        ),
        (Header, &["site-header", "pageHeader", "branding"]),
        (Footer, &["footer", "siteFooter", "colophon", "contentinfo"]),
        (
            Sidebar,
            &[
                "sidebar-left",
                "leftSidebar",
                "right-rail",
                "widget_text",
                "complementary",
            ],
        ),
        (
            Share,
            &[
                "shariff",
                "dpsp-networks",
                "share-buttons",
                "socialShare",
                "sharing",
                "addthis_toolbox",
            ],
        ),
        (
            Related,
            &[
                "verwandte-artikel",
                "relacionados",
                "related-posts",
                "outbrain-widget",
                "more-stories",
                "OUTBRAIN",
                "taboola-below",
                "trending",
            ],
        ),
        (
            Comment,
            &[
                "comentarios",
                "kommentare",
                "comments-area",
                "disqus_thread",
                "postComments",
                "reply-form",
            ],
        ),
        (
            Advertising,
            &[
                "werbeanzeige",
                "skyscraper",
                "ad-slot",
                "adContainer",
                "ad_300x250",
                "sponsored-content",
                "gpt-ad",
                "advertisement",
                "adsbygoogle",
            ],
        ),
        (
            Consent,
            &[
                "BorlabsCookie",
                "brlbs-cb",
                "cmplz-cookiebanner",
                "cookie-banner",
                "onetrust-consent-sdk",
                "gdpr-notice",
                "CookieConsent",
            ],
        ),
        (
            Newsletter,
            &[
                "nieuwsbrief",
                "abonnement",
                "newsletter-signup",
                "paywall",
                "subscribe-box",
                "sign-up-form",
            ],
        ),
        (
            Byline,
            &[
                "byline",
                "author-name",
                "post-meta",
                "pubdate",
                "entry-date",
            ],
        ),
        (Tags, &["tags", "tag-list", "post-categories", "topics"]),
        (Caption, &["wp-caption-text", "figcaption", "photo-credit"]),
        (
            Hidden,
            &[
                "sr-only",
                "visually-hidden",
                "screen-reader-text",
                "srOnly",
                "hidden",
            ],
        ),
    ];
    for (category, values) in cases {
        for value in *values {
            let hints = lex.class_hints(value);
            assert!(
                hints.contains(*category),
                "{value}: {:?}",
                hints.categories().collect::<Vec<_>>()
            );
            assert_eq!(
                hints.is_positive(),
                *category == Content || hints.contains(Content),
                "{value}"
            );
            if *category != Content {
                assert!(hints.is_negative(), "{value}");
            }
        }
    }
}

#[test]
fn categories_count_once_and_merge() {
    use HintCategory::{Comment, Content};
    let lex = lexicon();
    let body = lex.class_hints("entry-content");
    assert!(body.is_positive() && !body.is_negative());
    // "comment" and "comments" are one category, hit once.
    assert_eq!(
        lex.class_hints("comment comments comment-list").bits(),
        Comment.bit()
    );
    assert!(lex.class_hints("sidebar-content").is_negative());
    assert!(lex.class_hints("entry-header").is_positive());
    assert!(lex.class_hints("comment-content").is_negative());
    assert!(lex.class_hints("nocontent").is_negative());
    assert!(lex.class_hints("mainNavigation").is_negative());
    // WordPress marks the article itself with its tags and categories.
    let article = "post-12 post type-post status-publish hentry category-news tag-politics";
    assert!(lex.class_hints(article).is_positive());
    let merged = lex.class_hints("post").merge(lex.class_hints("sidebar"));
    assert!(merged.is_positive() && merged.is_negative());
    assert_eq!(merged.without(HintCategory::Sidebar).bits(), Content.bit());
    assert!(Hints::NONE.is_empty());
    assert_eq!(
        lex.class_hints("nav footer").bits(),
        HintCategory::Navigation.bit() | HintCategory::Footer.bit()
    );
}

#[test]
fn blog_taxonomy_classes_say_nothing() {
    let lex = lexicon();
    // A post filed under "comments" and tagged "sidebar" is still a post.
    let h = lex.class_hints("post hentry type-post category-kommentare tag-sidebar tag-ads");
    assert!(
        !h.contains(HintCategory::Comment)
            && !h.contains(HintCategory::Sidebar)
            && !h.contains(HintCategory::Advertising)
    );
    // The same words as the element's own classes still count.
    assert!(lex.class_hints("comments").contains(HintCategory::Comment));
    assert!(lex.class_hints("post-tags").contains(HintCategory::Tags));
}

#[test]
fn ignored_class_words_say_nothing() {
    let lex = lexicon();
    for value in [
        "field field--label-hidden",
        "hidden-xs col-md-8",
        "TOC_TITLE_2 content_body",
    ] {
        let h = lex.class_hints(value);
        assert!(
            !h.contains(HintCategory::Hidden) && !h.contains(HintCategory::Navigation),
            "{value}: {:?}",
            h.categories().collect::<Vec<_>>()
        );
    }
    assert!(lex.class_hints("hidden").contains(HintCategory::Hidden));
    assert!(lex.class_hints("toc").contains(HintCategory::Navigation));
}

#[test]
fn page_builder_widgets_are_not_sidebars() {
    let lex = lexicon();
    let builder = lex.class_hints("elementor-widget elementor-widget-text-editor");
    assert!(!builder.contains(HintCategory::Sidebar));
    assert!(lex
        .class_hints("widget widget_text")
        .contains(HintCategory::Sidebar));
}

#[test]
fn bem_modifiers_of_a_present_base_class_say_nothing() {
    let lex = lexicon();
    let value = "report__section report__section--conclusion report__section--ads";
    assert!(!lex.class_hints(value).contains(HintCategory::Advertising));
    // Without its base class, the modifier is all the element says.
    assert!(lex
        .class_hints("teaser--ads")
        .contains(HintCategory::Advertising));
    assert!(lex
        .class_hints("ad-slot ad-slot--top")
        .contains(HintCategory::Advertising));
}

#[test]
fn a_commentary_is_an_article_not_reader_comments() {
    let lex = lexicon();
    for value in [
        "commentary",
        "news subjective commentary article",
        "live-commentary",
    ] {
        assert!(
            !lex.class_hints(value).contains(HintCategory::Comment),
            "{value}"
        );
    }
    assert!(lex
        .class_hints("comment-list")
        .contains(HintCategory::Comment));
}

#[test]
fn disclaimers_and_disclosures_are_legal_notices() {
    let lex = lexicon();
    for value in [
        "editorial-disclosure",
        "article-disclaimer",
        "affiliateDisclosure",
    ] {
        assert!(
            lex.class_hints(value).contains(HintCategory::Legal),
            "{value}"
        );
    }
}

#[test]
fn utility_css_variants_say_nothing_of_the_element() {
    let lex = lexicon();
    let hidden = |value: &str| lex.class_hints(value).contains(HintCategory::Hidden);
    // Shown on wide screens, or hidden only on them: a saved page is read as
    // on a desktop, and either way the element is page content.
    assert!(!hidden("hidden md:block"));
    assert!(!hidden("md:hidden text-lg"));
    assert!(!hidden("hidden lg:!flex"));
    // Clipping what overflows an element does not hide the element.
    assert!(!hidden("hx-w-full hx-overflow-hidden"));
    assert!(!hidden("overflow-x-hidden"));
    // Hidden with nothing that shows it again stays hidden.
    assert!(hidden("hidden"));
    assert!(hidden("hidden md:mt-4"));
    // Other hints of the value still count.
    assert!(lex
        .class_hints("sidebar md:w-1/3")
        .contains(HintCategory::Sidebar));
}

#[test]
fn generated_hashes_are_no_words() {
    let lex = lexicon();
    let ad = |value: &str| lex.class_hints(value).contains(HintCategory::Advertising);
    assert!(!ad("w-node-b5343ad4-d1b4-c331-818c-58e1b5a83f06-c9c182d5"));
    assert!(!ad("css-1ad2f3"));
    // Real ad slots keep their hint, digits or not.
    assert!(ad("ad-slot"));
    assert!(ad("ad300x250"));
    assert!(ad("ad-container-1"));
}
