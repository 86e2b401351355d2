//! The service-page rules alone: when they apply, how far the region
//! grows, which hints they strike out.

use super::*;
use crate::html::parse::parse;
use crate::judge::lexicon::Lexicon;

fn find(dom: &Dom, id_attr: &str) -> NodeId {
    (0..dom.nodes.len() as NodeId)
        .find(|&n| dom.element(n).and_then(|e| e.attr("id")) == Some(id_attr))
        .unwrap_or(NONE)
}

#[test]
fn a_service_page_region_grows_to_its_main() {
    let dom = parse(
        "<header><nav>menu</nav></header><main id=m><div class=hero><p>hero</p></div>\
         <div><div id=r><p>faq</p></div></div></main><footer>f</footer>",
        512,
    );
    let (main, region) = (find(&dom, "m"), find(&dom, "r"));
    let good = vec![0.0; dom.nodes.len()];
    let service = TypeCall::called(PageType::Service, 0.9);
    assert_eq!(super::region(&dom, region, &good, &service), main);
    // Not when the call is another type, or an unsure one.
    let article = TypeCall::called(PageType::Article, 0.9);
    assert_eq!(super::region(&dom, region, &good, &article), region);
    let unsure = TypeCall::called(PageType::Service, MIN_CERTAINTY - 0.1);
    assert_eq!(super::region(&dom, region, &good, &unsure), region);
}

#[test]
fn without_main_it_grows_to_what_holds_most_of_the_good_text() {
    let dom = parse(
        "<div id=page><div id=w><div id=r><p>faq</p></div><div><p>features</p></div></div>\
         <div><p>footer</p></div></div>",
        512,
    );
    let (page, wrapper, region) = (find(&dom, "page"), find(&dom, "w"), find(&dom, "r"));
    let mut good = vec![0.0; dom.nodes.len()];
    let mut id = region;
    while id != NONE {
        good[id as usize] = 40.0;
        id = dom.node(id).parent;
    }
    good[wrapper as usize] = 95.0;
    good[page as usize] = 100.0;
    good[DOCUMENT as usize] = 100.0;
    let service = TypeCall::called(PageType::Service, 0.9);
    assert_eq!(super::region(&dom, region, &good, &service), wrapper);
}

#[test]
fn hero_testimonial_and_responsive_classes_stop_marking_boilerplate() {
    let lexicon = Lexicon::new();
    let hints = vec![
        lexicon.class_hints("page-header"),
        lexicon.class_hints("testimonial-author"),
        lexicon.class_hints("site-footer"),
        lexicon.class_hints("cookie-consent"),
    ];
    assert!(hints[0].contains(HintCategory::Header));
    assert!(hints[1].contains(HintCategory::Byline));
    let service = TypeCall::called(PageType::Service, 0.9);
    let read = super::hints(&service, &hints).unwrap_or_default();
    assert!(!read[0].contains(HintCategory::Header));
    assert!(!read[1].contains(HintCategory::Byline));
    assert!(read[2].contains(HintCategory::Footer));
    assert!(read[3].contains(HintCategory::Consent));
    assert!(super::hints(&TypeCall::called(PageType::Article, 0.9), &hints).is_none());
}

#[test]
fn documentation_keeps_its_badges_and_callouts_but_not_its_menus() {
    let lexicon = Lexicon::new();
    let hints = vec![
        lexicon.class_hints("tag"),
        lexicon.class_hints("sidebar"),
        lexicon.class_hints("page-header"),
    ];
    assert!(hints[0].contains(HintCategory::Tags));
    let docs = TypeCall::called(PageType::Documentation, 0.9);
    let read = super::hints(&docs, &hints).unwrap_or_default();
    assert!(!read[0].contains(HintCategory::Tags));
    assert!(read[1].contains(HintCategory::Sidebar));
    assert!(read[2].contains(HintCategory::Header));
    let unsure = TypeCall::called(PageType::Documentation, MIN_CERTAINTY - 0.1);
    assert!(super::hints(&unsure, &hints).is_none());
}
