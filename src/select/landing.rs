//! Service pages (landing, features, pricing pages) and documentation
//! pages: the region and the hints read as such pages are built. The page
//! type and the region in; a wider region, and the hints with those that
//! mark content on such a page struck out.
//!
//! A landing page is a stack of sections, each with a short text of its
//! own (hero, features, pricing, testimonials, FAQ); the region that wins
//! on good text is often one of them (the FAQ, the longest), so the whole
//! `<main>`, or without one the element holding most of the page's good
//! text, is the content. Inside it, class names that mark boilerplate on
//! an article mark content here: the hero is a `page-header` or a
//! `banner`/`promo`, a testimonial's name and role are an `author` line,
//! and responsive variants are `hidden-xs`/`d-none d-lg-block`. Navigation,
//! footers, sidebars, consent and newsletter boxes keep their hints.
//! Documentation keeps its region (the article rules find its body) but
//! not the hints its callouts, badges and entry lines carry.
//!
//! Only when the classifier calls the page so with at least
//! [`MIN_CERTAINTY`]: on an article the same widening is what costs
//! precision (the related stories and teasers beside the story).

use super::sections::enclosing_main;
use crate::html::dom::{Dom, NodeId, DOCUMENT, NONE};
use crate::judge::lexicon::{HintCategory, Hints};
use crate::model::article::PageType;
use crate::model::page_signals::TypeCall;

/// How sure the classifier must be that the page is a service page.
/// Measured on wcxb-dev with the service rules (word F1, in-sample;
/// service / all pages): 0 0.7853 / 0.8223, 0.5 0.7858 / 0.8222, 0.6 0.7820 / 0.8218,
/// 0.7 0.7782 / 0.8212, 0.8 0.7624 / 0.8194. Below 0.5 the pages called
/// service but annotated documentation and some trafilatura-eval pages
/// lose (documentation 0.9016 -> 0.9008, trafilatura-eval 0.9431 ->
/// 0.9429); at 0.5 no type and no set loses. Five-fold cross-validation
/// in DESIGN.md ("Service pages"). The documentation rule measured the
/// same at 0 and 0.5 (0.9049).
const MIN_CERTAINTY: f32 = 0.5;

/// Without a `<main>`, the region grows to its lowest ancestor holding
/// this share of the page's good text. Measured on wcxb-dev (service word
/// F1, in-sample): 0.5 0.7620, 0.65 0.7670, 0.8 0.7670, 0.9 0.7687, 0.95
/// 0.7687 (with the region alone, before the hints below).
const PAGE_SHARE: f32 = 0.9;

/// Hint categories that mark content, not boilerplate, on a service page:
/// hero headers, banners and promos, testimonial author lines, responsive
/// variants hidden by class. Measured one at a time on wcxb-dev (service
/// word F1 0.7687 with the wider region alone): header 0.7724,
/// advertising 0.7694, byline 0.7729, hidden 0.7773; all four 0.7858.
/// Navigation gained 0.0004 and stays (menus inside `<main>`); related
/// and caption changed nothing.
const CONTENT_ON_SERVICE_PAGES: &[HintCategory] = &[
    HintCategory::Header,
    HintCategory::Advertising,
    HintCategory::Byline,
    HintCategory::Hidden,
];

/// Hint categories that mark content on a documentation page: callout
/// boxes named `banner` or `promo`, the `meta`/`author` lines of an API
/// entry, the `tag`/`label` badges of parameters and admonitions.
/// Measured one at a time on wcxb-dev (documentation word F1 0.9016 with
/// the service rules): advertising 0.9025, byline 0.9028, tags 0.9026;
/// the three 0.9049. Related gained 0.0004 more but cost trafilatura-eval
/// 0.9431 -> 0.9429; hidden and header lost (0.9012, 0.9017).
const CONTENT_ON_DOCUMENTATION_PAGES: &[HintCategory] = &[
    HintCategory::Advertising,
    HintCategory::Byline,
    HintCategory::Tags,
];

/// Whether the page was called `page_type` with enough certainty.
fn called(call: &TypeCall, page_type: PageType) -> bool {
    call.page_type == page_type && call.certainty >= MIN_CERTAINTY
}

/// The region of a service page: the `<main>` (or `role=main`) around it,
/// else its lowest ancestor holding [`PAGE_SHARE`] of the page's good text.
/// Any other page's region as it is.
pub(super) fn region(
    dom: &Dom,
    region: NodeId,
    good_chars: &[f32],
    page_type: &TypeCall,
) -> NodeId {
    if !called(page_type, PageType::Service) {
        return region;
    }
    if let Some(main) = enclosing_main(dom, region) {
        return main;
    }
    let page = good_chars[DOCUMENT as usize] * PAGE_SHARE;
    let mut id = region;
    while id != NONE && dom.element(id).is_some() {
        if good_chars[id as usize] >= page {
            return id;
        }
        id = dom.node(id).parent;
    }
    region
}

/// On a service or documentation page, the page's hints with the
/// categories that mark content there struck out; on any other, `None`.
pub(super) fn hints(page_type: &TypeCall, hints: &[Hints]) -> Option<Vec<Hints>> {
    let content = if called(page_type, PageType::Service) {
        CONTENT_ON_SERVICE_PAGES
    } else if called(page_type, PageType::Documentation) {
        CONTENT_ON_DOCUMENTATION_PAGES
    } else {
        return None;
    };
    let strike = |h: &Hints| content.iter().fold(*h, |h, &category| h.without(category));
    Some(hints.iter().map(strike).collect())
}

#[cfg(test)]
#[path = "landing_tests.rs"]
mod tests;
