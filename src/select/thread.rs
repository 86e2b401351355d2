//! Threads: the content region is one post, and the page holds more posts
//! of the same kind. The content region and the first verdicts in; for each
//! block, the post it belongs to (or `NONE`) out.
//!
//! Forum and Q&A software renders every post from one template, so the
//! question, the first post and each reply share an element with the same
//! tag and classes (`div.topic-body.crawler-post`, `div.s-prose.js-post-body`,
//! `article.message-body`, `div.postbody`), wherever the replies are nested.
//! When the region sits in such an element and others of its kind elsewhere
//! on the page hold prose, those are further posts of the thread: their
//! blocks are judged as if they were inside the region. An article's body
//! has no twin of this kind (its comments use a template of their own), so
//! articles keep the region they had.

use crate::html::dom::{Dom, Element, NodeId, NONE};
use crate::html::segment::Block;
use crate::judge::lexicon::{HintCategory, Hints};
use crate::judge::score::{Class, Verdict};
use html5ever::local_name;

/// How many levels above the region's root a post's template element is
/// looked for: a region is often a paragraph wrapper a few levels inside the
/// post's outer element (Discourse's `div.post` inside `div.topic-body`).
const POST_LEVELS: usize = 4;

/// How many other posts of the kind, holding prose, make a thread: one
/// reply is already a thread.
const MIN_OTHER_POSTS: usize = 1;

/// Hints that put an element outside any thread: page furniture and asides.
/// Comments (last) count only when the region is not itself in comments: a
/// thread whose every post is marked as a comment is still a thread.
const NOT_A_POST: [HintCategory; 9] = [
    HintCategory::Navigation,
    HintCategory::Header,
    HintCategory::Footer,
    HintCategory::Sidebar,
    HintCategory::Related,
    HintCategory::Advertising,
    HintCategory::Newsletter,
    HintCategory::Consent,
    HintCategory::Comment,
];

/// For every block, the root of the post outside the region that holds it,
/// or `NONE`. A post holds at least one good block of its own.
pub(super) fn posts_of_blocks(
    dom: &Dom,
    blocks: &[Block],
    hints: &[Hints],
    first: &[Verdict],
    region: NodeId,
    loose: bool,
) -> Vec<NodeId> {
    let signature: fn(&Element) -> Option<String> = if loose { base_signature } else { signature };
    let mut id = region;
    for _ in 0..=POST_LEVELS {
        if id == NONE {
            break;
        }
        if let Some(wanted) = dom.element(id).and_then(signature) {
            let region_in_comments = carries(dom, hints, id, NONE, &[HintCategory::Comment]);
            let anchor_line = ancestors(dom, id);
            let not_a_post: &[HintCategory] = if region_in_comments {
                &NOT_A_POST[..NOT_A_POST.len() - 1]
            } else {
                &NOT_A_POST
            };
            let outer = parent_signature(dom, id, signature);
            let candidates: Vec<NodeId> = twins(dom, id, &wanted, signature)
                .into_iter()
                .filter(|&twin| {
                    // A twin whose outer element is the anchor's twin too is a
                    // whole post of the same template, even under a "replies"
                    // container; a lone body class shared with the comments
                    // (`div.content`) is not.
                    let categories =
                        if outer.is_some() && parent_signature(dom, twin, signature) == outer {
                            &NOT_A_POST[..NOT_A_POST.len() - 1]
                        } else {
                            not_a_post
                        };
                    !set_apart(dom, hints, twin, &anchor_line, categories)
                })
                .collect();
            let owners = owners(dom, blocks, &candidates);
            let mut has_prose = vec![false; dom.nodes.len()];
            for (&owner, verdict) in owners.iter().zip(first) {
                if owner != NONE
                    && (verdict.class == Class::Good || (loose && verdict.class == Class::NearGood))
                {
                    has_prose[owner as usize] = true;
                }
            }
            let posts = candidates
                .iter()
                .filter(|&&p| has_prose[p as usize])
                .count();
            if posts >= MIN_OTHER_POSTS {
                return owners
                    .into_iter()
                    .map(|o| {
                        if o != NONE && has_prose[o as usize] {
                            o
                        } else {
                            NONE
                        }
                    })
                    .collect();
            }
        }
        id = dom.node(id).parent;
    }
    vec![NONE; blocks.len()]
}

/// The signature of `id`'s parent.
fn parent_signature(
    dom: &Dom,
    id: NodeId,
    signature: fn(&Element) -> Option<String>,
) -> Option<String> {
    let parent = dom.node(id).parent;
    if parent == NONE {
        return None;
    }
    dom.element(parent).and_then(signature)
}

/// `id` and its ancestors.
fn ancestors(dom: &Dom, mut id: NodeId) -> Vec<NodeId> {
    let mut line = Vec::new();
    while id != NONE {
        line.push(id);
        id = dom.node(id).parent;
    }
    line
}

/// Whether an element between `twin` (not included: a post's own marks, such
/// as `itemprop=comment` on every reply, say nothing) and the lowest
/// ancestor it shares with the anchor carries one of `categories`: the twin
/// sits in a comment section, a sidebar or a footer that the anchor is not in.
fn set_apart(
    dom: &Dom,
    hints: &[Hints],
    twin: NodeId,
    anchor_line: &[NodeId],
    categories: &[HintCategory],
) -> bool {
    let mut shared = dom.node(twin).parent;
    while shared != NONE && !anchor_line.contains(&shared) {
        shared = dom.node(shared).parent;
    }
    carries(dom, hints, dom.node(twin).parent, shared, categories)
}

/// Whether `id` or an ancestor below `stop` carries one of `categories`.
fn carries(
    dom: &Dom,
    hints: &[Hints],
    mut id: NodeId,
    stop: NodeId,
    categories: &[HintCategory],
) -> bool {
    while id != NONE && id != stop {
        let h = hints[id as usize];
        if categories.iter().any(|&c| h.contains(c)) {
            return true;
        }
        id = dom.node(id).parent;
    }
    false
}

/// An element's template: its tag and its class tokens without digits (ids
/// and counters differ from post to post); `None` without classes.
pub(super) fn signature(element: &Element) -> Option<String> {
    let class = element.attr_named(&local_name!("class"))?;
    let mut tokens: Vec<&str> = class
        .split_ascii_whitespace()
        .filter(|t| !t.bytes().any(|b| b.is_ascii_digit()))
        .collect();
    if tokens.is_empty() {
        return None;
    }
    tokens.sort_unstable();
    Some(format!("{}.{}", &*element.name, tokens.join(".")))
}

/// A looser template for threads the page type vouches for: the tag and
/// the first class token without digits, the template's base class
/// (`article.message` for XenForo's `message message-threadStarterPost` and
/// `message message--post`; `div.forum-post` for the first post and the
/// replies), since forum software marks the first post with a class of its
/// own.
pub(super) fn base_signature(element: &Element) -> Option<String> {
    let class = element.attr("class")?;
    let first = class
        .split_ascii_whitespace()
        .find(|t| !t.bytes().any(|b| b.is_ascii_digit()))?;
    Some(format!("{}.{}", &*element.name, first))
}

/// The elements with `anchor`'s signature that neither hold nor sit inside
/// `anchor`, nor sit in navigation, a header, a footer or an aside.
fn twins(
    dom: &Dom,
    anchor: NodeId,
    wanted: &str,
    signature: fn(&Element) -> Option<String>,
) -> Vec<NodeId> {
    let Some(anchor_element) = dom.element(anchor) else {
        return Vec::new();
    };
    let first_class = wanted.split('.').nth(1).unwrap_or_default();
    let mut found = Vec::new();
    for id in 0..dom.nodes.len() as NodeId {
        let Some(element) = dom.element(id) else {
            continue;
        };
        // Cheap checks first: the tag, then the class value holding the
        // signature's first class token, before building a signature.
        if id == anchor
            || element.name != anchor_element.name
            || !element
                .attr_named(&local_name!("class"))
                .is_some_and(|c| c.contains(first_class))
            || signature(element).as_deref() != Some(wanted)
        {
            continue;
        }
        if !related(dom, id, anchor) && !in_page_furniture(dom, id) && attached(dom, id) {
            found.push(id);
        }
    }
    found
}

/// Whether one of `a` and `b` holds the other.
fn related(dom: &Dom, a: NodeId, b: NodeId) -> bool {
    dom.is_within(a, b) || dom.is_within(b, a)
}

/// Whether `id` still hangs in the document (pruning unlinks subtrees).
fn attached(dom: &Dom, mut id: NodeId) -> bool {
    while id != NONE {
        if id == crate::html::dom::DOCUMENT {
            return true;
        }
        id = dom.node(id).parent;
    }
    false
}

/// Whether `id` sits in navigation, a header, a footer or an aside.
fn in_page_furniture(dom: &Dom, mut id: NodeId) -> bool {
    while id != NONE {
        if dom.element(id).is_some_and(super::kinds::is_furniture_tag) {
            return true;
        }
        id = dom.node(id).parent;
    }
    false
}

/// For every block, which of `posts` holds it, or `NONE`.
fn owners(dom: &Dom, blocks: &[Block], posts: &[NodeId]) -> Vec<NodeId> {
    let mut is_post = vec![false; dom.nodes.len()];
    for &p in posts {
        is_post[p as usize] = true;
    }
    blocks
        .iter()
        .map(|block| {
            let mut id = block.container;
            while id != NONE {
                if is_post[id as usize] {
                    return id;
                }
                id = dom.node(id).parent;
            }
            NONE
        })
        .collect()
}
