//! Discussion pages: a forum thread or a Q&A whose posts are all marked as
//! comments. The kept blocks and the page's own hints in; the same blocks
//! out, with the replies moved from the body to the comments.
//!
//! The first post is what the page is about (the question, the report of a
//! problem); the replies are its comments, as on an article page. A post is
//! an element whose class marks it as a comment: the outermost such element
//! around the first kept block in a post that does not also hold every other kept
//! block (that one would be the whole thread).

use crate::html::dom::{Dom, NodeId, NONE};
use crate::html::segment::Block;
use crate::judge::lexicon::{HintCategory, Hints};
use crate::judge::score::{Class, Reason, Verdict};

use super::region::{in_comments, is_inside};

/// Keep the first post in the body and move the other posts' blocks to
/// the comments. Blocks outside every post (the thread's title, a
/// question's body not marked as a comment) stay where they are.
pub(super) fn first_post_only(
    dom: &Dom,
    blocks: &[Block],
    hints: &[Hints],
    verdicts: &mut [Verdict],
    keep: &mut [bool],
    comments: &mut [bool],
) {
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| keep[i]).collect();
    let Some(&first) = kept
        .iter()
        .find(|&&i| in_comments(dom, blocks[i].container, hints))
    else {
        return;
    };
    // The first post block's ancestors, innermost first; those from the
    // lowest common ancestor of all kept blocks up hold them all.
    let mut path: Vec<NodeId> = Vec::new();
    let mut index_on_path = vec![usize::MAX; dom.nodes.len()];
    let mut id = blocks[first].container;
    while id != NONE {
        index_on_path[id as usize] = path.len();
        path.push(id);
        id = dom.node(id).parent;
    }
    let mut common = 0;
    for &i in &kept {
        let mut id = blocks[i].container;
        while id != NONE && index_on_path[id as usize] == usize::MAX {
            id = dom.node(id).parent;
        }
        if id != NONE {
            common = common.max(index_on_path[id as usize]);
        }
    }
    let post = path[..common]
        .iter()
        .rev()
        .copied()
        .find(|&id| hints[id as usize].contains(HintCategory::Comment))
        .unwrap_or(NONE);
    if post == NONE {
        return;
    }
    for &i in &kept {
        let container = blocks[i].container;
        if !is_inside(dom, container, post) && in_comments(dom, container, hints) {
            keep[i] = false;
            comments[i] = true;
            verdicts[i] = Verdict {
                class: Class::Bad,
                reason: Reason::Hint(HintCategory::Comment),
            };
        }
    }
}
