//! Regions too narrow for the page: one of a stack of `<section>`s, or a
//! small part of the page's `<main>`. The region in; the wider element, or
//! the region itself, out.
//!
//! A service or product landing page is built as sections stacked one under
//! another (hero, features, pricing, testimonials, FAQ), each a `<section>`
//! child of one container. No one section is the page: when the region
//! lies in one of at least [`MIN_SECTIONS`] sibling sections, the region
//! grows to their container, and the usual hints inside it still drop the
//! navigation, footers and banners among them. An article is not built this
//! way: its body is one element, and the sections beside it (related
//! stories, comments) carry hints of their own.

use crate::html::dom::{Dom, NodeId, NONE};
use html5ever::local_name;

/// How many `<section>` children make a stack. Two is a page with an
/// aside; three or more is a page built of sections.
const MIN_SECTIONS: usize = 3;

/// How far above the region's root the stacked section is looked for:
/// regions are often a column or wrapper inside a section.
const SECTION_LEVELS: usize = 3;

/// The container of the stack of sections the region sits in, or `region`.
pub(super) fn stack_of_sections(dom: &Dom, region: NodeId) -> NodeId {
    let mut id = region;
    for _ in 0..=SECTION_LEVELS {
        let parent = dom.node(id).parent;
        if parent == NONE {
            break;
        }
        if is_section(dom, id) && section_children(dom, parent) >= MIN_SECTIONS {
            return parent;
        }
        id = parent;
    }
    region
}

/// How much of the good text under `<main>` the region must hold to stand
/// as the page's content; below it, `<main>` is. The page author's own
/// `<main>` is the whole content on pages that are not one article.
/// Measured on wcxb-dev (word F1, in-sample): 0.3 0.7483, 0.5 0.7498, 0.7
/// 0.7527, 0.9 0.7529; 5-fold cross-validation picked 0.9 in every fold
/// (held-out folds 0.736 0.756 0.768 0.721 0.784). 0.9 costs
/// trafilatura-eval 0.0004 and 0.7 nothing, so the held sets break the
/// near-tie for 0.7.
const MAIN_SHARE: f32 = 0.7;

/// The page's `<main>` (or `role=main`) around the region when the region
/// holds less than [`MAIN_SHARE`] of its good text, else `region`.
pub(super) fn main_if_wider(dom: &Dom, region: NodeId, good_chars: &[f32]) -> NodeId {
    match enclosing_main(dom, region) {
        Some(main) if good_chars[region as usize] < MAIN_SHARE * good_chars[main as usize] => main,
        _ => region,
    }
}

/// The nearest `<main>` (or `role=main`) strictly above `region`.
pub(super) fn enclosing_main(dom: &Dom, region: NodeId) -> Option<NodeId> {
    let mut id = dom.node(region).parent;
    while id != NONE {
        let is_main = dom.element(id).is_some_and(|e| {
            e.name == local_name!("main") || e.attr_named(&local_name!("role")) == Some("main")
        });
        if is_main {
            return Some(id);
        }
        id = dom.node(id).parent;
    }
    None
}

fn is_section(dom: &Dom, id: NodeId) -> bool {
    dom.element(id)
        .is_some_and(|e| e.name == local_name!("section"))
}

fn section_children(dom: &Dom, parent: NodeId) -> usize {
    let mut count = 0;
    let mut child = dom.node(parent).first_child;
    while child != NONE {
        count += usize::from(is_section(dom, child));
        child = dom.node(child).next_sibling;
    }
    count
}

#[cfg(test)]
mod tests {
    #[test]
    fn main_wins_when_the_region_holds_little_of_it() {
        let dom = parse(
            "<main id=m><div id=r><p>a</p></div><div><p>b</p></div></main>",
            512,
        );
        let (main, region) = (find(&dom, "m"), find(&dom, "r"));
        let mut good = vec![0.0; dom.nodes.len()];
        good[main as usize] = 100.0;
        good[region as usize] = 40.0;
        assert_eq!(main_if_wider(&dom, region, &good), main);
        good[region as usize] = 90.0;
        assert_eq!(main_if_wider(&dom, region, &good), region);
    }

    use super::*;
    use crate::html::parse::parse;

    fn find(dom: &Dom, id_attr: &str) -> NodeId {
        (0..dom.nodes.len() as NodeId)
            .find(|&n| dom.element(n).and_then(|e| e.attr("id")) == Some(id_attr))
            .unwrap_or(NONE)
    }

    #[test]
    fn a_region_in_a_stack_of_sections_grows_to_the_stack() {
        let dom = parse(
            "<main id=m><section><div id=r><p>hero</p></div></section>\
             <section><p>features</p></section><section><p>faq</p></section></main>",
            512,
        );
        assert_eq!(stack_of_sections(&dom, find(&dom, "r")), find(&dom, "m"));
    }

    #[test]
    fn an_article_beside_two_sections_stays_as_it_is() {
        let dom = parse(
            "<main><section id=r><p>body</p></section><section><p>related</p></section></main>",
            512,
        );
        let region = find(&dom, "r");
        assert_eq!(stack_of_sections(&dom, region), region);
    }
}
