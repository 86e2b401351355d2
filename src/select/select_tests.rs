//! Selection as a whole on small hand-built pages: the region chosen, what
//! outside it and inside it is dropped, comments set apart.

use super::*;
use crate::html::{parse, prune, segment};
use crate::judge::{features, lexicon::Lexicon, score};

/// Each block's text, whether it is kept, whether it is a comment, and
/// its final reason; and the tag of the region's root.
struct Run {
    blocks: Vec<(String, bool, bool, Reason)>,
    region: String,
}

fn run(html: &str, balance: Balance) -> Run {
    let mut dom = parse::parse(html, 512);
    prune::prune(&mut dom);
    let blocks = segment::segment(&dom);
    let features = features::compute(&dom, &blocks, &Lexicon::new());
    let first = score::score(
        &blocks,
        &features.blocks,
        features.language.is_some(),
        balance,
    );
    let s = select(
        &dom,
        &blocks,
        &features,
        &first,
        balance,
        &TypeCall::unknown(),
    );
    let region = dom.path_of(s.region);
    let blocks = blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| (b.text, s.keep[i], s.comments[i], s.verdicts[i].reason))
        .collect();
    Run { blocks, region }
}

impl Run {
    fn block(&self, starts: &str) -> &(String, bool, bool, Reason) {
        self.blocks
            .iter()
            .find(|b| b.0.starts_with(starts))
            .unwrap_or_else(|| panic!("no block {starts:?} in {:?}", self.blocks))
    }
}

const PROSE: &str = "The council met on Monday and agreed, after a long debate that ran \
    into the evening, to publish its findings on the state of the roads before the end of \
    the month, and to hold a public meeting on them in the spring.";

#[test]
fn the_region_is_the_article_and_what_lies_outside_goes() {
    let html = format!(
        "<body><div class=sidebar><p>Sidebar: most read today</p><p>Weather and traffic</p></div>\
         <article><p>One: {PROSE}</p><p>Two: {PROSE}</p><p>Three: {PROSE}</p></article>\
         <div class=promo><p>Promo: subscribe for one euro a month</p></div></body>"
    );
    let r = run(&html, Balance::Balanced);
    assert!(r.region.ends_with("article"), "{}", r.region);
    for para in ["One", "Two", "Three"] {
        assert!(r.block(para).1, "{para} kept");
    }
    let sidebar = r.block("Sidebar");
    assert!(!sidebar.1);
    assert!(
        matches!(sidebar.3, Reason::OutsideRegion | Reason::Hint(_)),
        "{sidebar:?}"
    );
    assert!(!r.block("Promo").1);
}

#[test]
fn a_link_list_inside_the_region_is_dropped() {
    let links: String = (0..8)
        .map(|i| format!("<a href=/story{i}>Another story number {i}</a> "))
        .collect();
    let html = format!("<article><p>One: {PROSE}</p><p>{links}</p><p>Two: {PROSE}</p></article>");
    let r = run(&html, Balance::Balanced);
    let list = r.block("Another story");
    assert!(!list.1, "{list:?}");
    assert_eq!(list.3, Reason::LinkDense);
    assert!(r.block("One").1 && r.block("Two").1);
}

#[test]
fn comments_are_set_apart_not_kept() {
    let html = format!(
        "<article><p>One: {PROSE}</p><p>Two: {PROSE}</p><p>Three: {PROSE}</p></article>\
         <section id=comments class=comments>\
         <div class=comment><p>Reader: {PROSE}</p></div></section>"
    );
    let r = run(&html, Balance::Balanced);
    let comment = r.block("Reader");
    assert!(!comment.1, "{comment:?}");
    assert!(comment.2, "marked as a comment: {comment:?}");
    assert!(r.block("One").1 && !r.block("One").2);
}
