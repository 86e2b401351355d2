//! Forum threads and Q&A pages: the question or first post and every
//! answer or reply are the content, in order.

use std::collections::HashMap;

use crate::html::dom::{Dom, NodeId, NONE};
use crate::html::segment::Block;
use crate::judge::lexicon::{HintCategory, Hints};
use crate::judge::score::{Class, Reason, Verdict};
use crate::model::article::PageType;
use crate::model::page_signals::TypeCall;

/// The hints to read a thread with (see [`posts_unmarked`]), or `None`
/// when the page is not taken for a thread.
pub(super) fn thread_hints(
    call: &TypeCall,
    dom: &Dom,
    blocks: &[Block],
    first: &[Verdict],
    hints: &[Hints],
) -> Option<Vec<Hints>> {
    (call.page_type == PageType::Forum).then(|| posts_unmarked(dom, blocks, first, hints))
}

/// The hints of a thread: comment marks struck out, since on a forum page
/// the "reply", "comment" and "responses" containers hold the posts; except
/// on comments under a post (a Q&A site's comments on the question and on
/// each answer): a comment container whose template recurs once per post,
/// holding less prose than the rest of its post.
fn posts_unmarked(dom: &Dom, blocks: &[Block], first: &[Verdict], hints: &[Hints]) -> Vec<Hints> {
    let good = good_chars(dom, blocks, first);
    let mut groups: HashMap<String, Vec<NodeId>> = HashMap::new();
    for id in 0..dom.nodes.len() as NodeId {
        if !hints[id as usize].contains(HintCategory::Comment) {
            continue;
        }
        if let Some(sig) = dom.element(id).and_then(super::thread::signature) {
            groups.entry(sig).or_default().push(id);
        }
    }
    let mut keep = vec![false; dom.nodes.len()];
    let mut is_member = vec![false; dom.nodes.len()];
    let mut under = vec![0u32; dom.nodes.len()];
    for members in groups.values() {
        // The outermost of the kind, each under a parent of its own.
        for &m in members {
            is_member[m as usize] = true;
        }
        let outer: Vec<NodeId> = members
            .iter()
            .copied()
            .filter(|&m| !has_ancestor_in(dom, m, &is_member))
            .collect();
        for &m in members {
            is_member[m as usize] = false;
        }
        if outer.len() < 2 {
            continue;
        }
        let mut parents: Vec<NodeId> = outer.iter().map(|&m| dom.node(m).parent).collect();
        parents.sort_unstable();
        parents.dedup();
        if parents.len() < outer.len() {
            continue;
        }
        count_under(dom, &outer, &mut under, true);
        for &m in &outer {
            let post = post_of(dom, m, &under);
            let own = good[m as usize];
            if own < good[post as usize] - own {
                keep[m as usize] = true;
            }
        }
        count_under(dom, &outer, &mut under, false);
    }
    hints
        .iter()
        .zip(&keep)
        .map(|(&h, &k)| {
            if k {
                h
            } else {
                h.without(HintCategory::Comment)
            }
        })
        .collect()
}

/// Whether a strict ancestor of `id` is marked in `marked`.
fn has_ancestor_in(dom: &Dom, id: NodeId, marked: &[bool]) -> bool {
    let mut cur = dom.node(id).parent;
    while cur != NONE {
        if marked[cur as usize] {
            return true;
        }
        cur = dom.node(cur).parent;
    }
    false
}

/// Counts, on every node, how many of `members` it holds (`add`), or
/// clears those counts again, so one buffer serves every group.
fn count_under(dom: &Dom, members: &[NodeId], under: &mut [u32], add: bool) {
    for &m in members {
        let mut id = m;
        while id != NONE {
            under[id as usize] = if add { under[id as usize] + 1 } else { 0 };
            id = dom.node(id).parent;
        }
    }
}

/// The highest ancestor of `member` that holds no other member (`under`:
/// how many members each node holds): the post it belongs to.
fn post_of(dom: &Dom, member: NodeId, under: &[u32]) -> NodeId {
    let mut post = member;
    let mut id = dom.node(member).parent;
    while id != NONE && under[id as usize] <= 1 {
        post = id;
        id = dom.node(id).parent;
    }
    post
}

/// The characters of good and near-good text below every node.
fn good_chars(dom: &Dom, blocks: &[Block], first: &[Verdict]) -> Vec<f32> {
    let mut good = vec![0f32; dom.nodes.len()];
    for (block, verdict) in blocks.iter().zip(first) {
        if !matches!(verdict.class, Class::Good | Class::NearGood) {
            continue;
        }
        let mut id = block.container;
        while id != NONE {
            good[id as usize] += block.chars as f32;
            id = dom.node(id).parent;
        }
    }
    good
}

/// On a thread, lines without a word (vote and reaction counts, "+100",
/// post numbers, ISO timestamps: nothing but digits and tokens mixed with
/// digits) are the posts' furniture, not what the posters wrote.
pub(super) fn drop_counts(on_thread: bool, blocks: &[Block], verdicts: &mut [Verdict]) {
    if !on_thread {
        return;
    }
    for (block, verdict) in blocks.iter().zip(verdicts.iter_mut()) {
        if verdict.class == Class::Good && !has_word(&block.text) {
            *verdict = Verdict {
                class: Class::Bad,
                reason: Reason::Short,
            };
        }
    }
}

/// Whether `text` holds a token of letters without digits.
fn has_word(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|t| !t.is_empty() && t.chars().all(char::is_alphabetic))
}

#[cfg(test)]
#[path = "forum_tests.rs"]
mod tests;
