//! The thread rules on small hand-built pages.

use super::*;
use crate::html::{parse, prune, segment};
use crate::judge::{features, lexicon::Lexicon, score};
use crate::model::options::Balance;

const PROSE: &str = "The slab shrinks as it cures, and the stress gathers wherever the \
    shape of the floor changes, so the first cracks start at the corners of a drain and \
    run towards the walls before the month is out.";

/// Each block's text and whether it ends up inside a comment-marked element
/// under the thread's hints.
fn in_comments_after(html: &str) -> Vec<(String, bool)> {
    let mut dom = parse::parse(html, 512);
    prune::prune(&mut dom);
    let blocks = segment::segment(&dom);
    let features = features::compute(&dom, &blocks, &Lexicon::new());
    let first = score::score(&blocks, &features.blocks, true, Balance::Balanced);
    let hints = posts_unmarked(&dom, &blocks, &first, &features.node_hints);
    blocks
        .iter()
        .map(|b| {
            (
                b.text.clone(),
                super::super::region::in_comments(&dom, b.container, &hints),
            )
        })
        .collect()
}

fn marked(run: &[(String, bool)], starts: &str) -> bool {
    run.iter()
        .find(|(t, _)| t.starts_with(starts))
        .map(|&(_, c)| c)
        .unwrap_or_else(|| panic!("no block {starts:?}"))
}

#[test]
fn replies_in_a_row_are_posts_and_comments_under_each_post_stay_comments() {
    let html = format!(
        "<body><div class=thread>\
         <div class=post><p>Question: {PROSE}</p>\
         <div class=comments><p class=c>Under the question: how wide are they?</p></div></div>\
         <div class=reply><p>First reply: {PROSE}</p>\
         <div class=comments><p class=c>Under the first reply: agreed.</p></div></div>\
         <div class=reply><p>Second reply: {PROSE}</p>\
         <div class=comments><p class=c>Under the second reply: thanks.</p></div></div>\
         </div></body>"
    );
    let run = in_comments_after(&html);
    assert!(!marked(&run, "First reply"));
    assert!(!marked(&run, "Second reply"));
    assert!(marked(&run, "Under the question"));
    assert!(marked(&run, "Under the first reply"));
}

#[test]
fn a_replies_section_holding_the_posts_is_no_comment_thread() {
    let html = format!(
        "<body><article><p>Opening post: {PROSE}</p></article>\
         <section id=replies><article class=reply><p>A reply: {PROSE}</p></article>\
         <article class=reply><p>Another reply: {PROSE}</p></article></section></body>"
    );
    let run = in_comments_after(&html);
    assert!(!marked(&run, "A reply"));
    assert!(!marked(&run, "Another reply"));
}

#[test]
fn a_post_body_marked_as_a_comment_in_every_post_is_the_post() {
    // Drupal's forum: each reply's body is a `comment-content`.
    let html = format!(
        "<body><div class=wrap><span>alice</span><div class=comment-content><p>One: {PROSE}</p></div></div>\
         <div class=wrap><span>bob</span><div class=comment-content><p>Two: {PROSE}</p></div></div></body>"
    );
    let run = in_comments_after(&html);
    assert!(!marked(&run, "One:"));
    assert!(!marked(&run, "Two:"));
}

#[test]
fn counts_and_stamps_go_and_words_stay() {
    let mut dom = parse::parse(
        "<body><p>467</p><p>+100</p><p>2019-01-21T21:40:59Z</p><p>Thanks</p><p>No.</p></body>",
        512,
    );
    prune::prune(&mut dom);
    let blocks = segment::segment(&dom);
    let good = Verdict {
        class: Class::Good,
        reason: Reason::Short,
    };
    let mut verdicts = vec![good; blocks.len()];
    drop_counts(true, &blocks, &mut verdicts);
    let kept: Vec<&str> = blocks
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.class == Class::Good)
        .map(|(b, _)| b.text.as_str())
        .collect();
    assert_eq!(kept, ["Thanks", "No."]);
}

#[test]
fn the_first_post_and_the_replies_share_a_base_template() {
    let dom = parse::parse(
        "<body><article class='message message-threadStarterPost js-post'>a</article>\
         <article class='post-7 message message--post'>b</article></body>",
        512,
    );
    let sig = |n: usize| {
        let ids: Vec<_> = (0..dom.nodes.len() as NodeId)
            .filter(|&id| dom.element(id).is_some_and(|e| &*e.name == "article"))
            .collect();
        dom.element(ids[n])
            .and_then(super::super::thread::base_signature)
    };
    assert_eq!(sig(0).as_deref(), Some("article.message"));
    assert_eq!(sig(1), sig(0));
}
