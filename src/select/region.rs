//! The content region: the element whose subtree has the most good text
//! net of bad text, and the tree walks around it (is a node inside another,
//! inside a comment thread, inside a boilerplate container).

use crate::html::dom::{Dom, NodeId, DOCUMENT, NONE};
use crate::html::segment::Block;
use crate::judge::lexicon::{HintCategory, Hints};
use crate::judge::score::{Class, Verdict};
use html5ever::local_name;

/// How much a character of bad text counts against a region, relative to
/// a character of good text. Measured on the evaluation sets: lower keeps
/// articles whole across ad slots, higher keeps sidebars out.
const BAD_TEXT_WEIGHT: f32 = 0.5;

/// A region candidate inside a sidebar, footer, navigation or comment
/// container counts this share of its text: such containers hold prose
/// (an "about this blog" box, a footer's contact note) but seldom the
/// article. Measured: 0.5 -> 0.25 raised F1 on both sets (scrapinghub
/// 0.9543 -> 0.9598, trafilatura-eval 0.9114 -> 0.9122); 0.1 was only
/// marginally better again, on one set, so the less extreme value stands.
const BOILERPLATE_REGION_DISCOUNT: f32 = 0.25;

/// Container hints that discount a region candidate.
const BOILERPLATE_CONTAINERS: [HintCategory; 4] = [
    HintCategory::Sidebar,
    HintCategory::Footer,
    HintCategory::Navigation,
    HintCategory::Comment,
];

/// How much a character of near-good text counts towards a region,
/// relative to good text (also in the outvoting of hints).
pub(super) const NEAR_GOOD_TEXT_WEIGHT: f32 = 0.5;

/// The element whose subtree has the most good text net of bad text, the
/// good characters below every node, and the region's good characters
/// discounted as the choice discounted them (boilerplate containers).
///
/// Text inside a comment thread counts as bad here, whatever its quality:
/// reader comments are prose too, and would otherwise pull the region up to
/// the element that holds both article and thread.
pub(super) fn content_region(
    dom: &Dom,
    blocks: &[Block],
    hints: &[Hints],
    verdicts: &[Verdict],
) -> (NodeId, Vec<f32>, f32) {
    let mut sums = vec![0f32; dom.nodes.len()];
    let mut good = vec![0f32; dom.nodes.len()];
    for (block, verdict) in blocks.iter().zip(verdicts) {
        let chars = block.chars as f32;
        let class = if in_comments(dom, block.container, hints) {
            Class::Bad
        } else {
            verdict.class
        };
        let (value, good_value) = match class {
            Class::Good => (chars, chars),
            Class::NearGood => (chars * NEAR_GOOD_TEXT_WEIGHT, chars * NEAR_GOOD_TEXT_WEIGHT),
            Class::Bad => (-chars * BAD_TEXT_WEIGHT, 0.0),
            // A short line says nothing either way. Measured: counting
            // those that end like a sentence (a recipe step, a line of
            // dialogue) at 0.1 or 0.25 of good text lowered
            // trafilatura-eval 0.9379 -> 0.9359.
            Class::Short => continue,
        };
        let mut id = block.container;
        while id != NONE {
            sums[id as usize] += value;
            good[id as usize] += good_value;
            id = dom.node(id).parent;
        }
    }
    // Ties go to the later node, which in the arena is the deeper one: the
    // tighter region around the same text.
    let mut inside_boilerplate: Vec<Option<bool>> = vec![None; dom.nodes.len()];
    let mut best = DOCUMENT;
    let mut best_sum = 0.0;
    let mut best_discount = 1.0;
    for (id, &raw) in sums.iter().enumerate() {
        if raw <= 0.0 || raw < best_sum || !can_hold_article(dom, id as NodeId) {
            continue;
        }
        let discount = if in_boilerplate(dom, id as NodeId, hints, &mut inside_boilerplate) {
            BOILERPLATE_REGION_DISCOUNT
        } else {
            1.0
        };
        let sum = raw * discount;
        if sum >= best_sum {
            best = id as NodeId;
            best_sum = sum;
            best_discount = discount;
        }
    }
    // The good text of the region as evidence of an article: prose in a
    // footer or sidebar counts as little there as it did in the choice.
    let article_chars = good[best as usize] * best_discount;
    (best, good, article_chars)
}

/// Whether an ancestor of `container` is marked as a comment thread.
pub(super) fn in_comments(dom: &Dom, container: NodeId, hints: &[Hints]) -> bool {
    let mut id = container;
    while id != NONE {
        if hints[id as usize].contains(HintCategory::Comment) {
            return true;
        }
        id = dom.node(id).parent;
    }
    false
}

/// Whether an element can be the root of the content region: a container,
/// not a paragraph, heading, list item or other text block, which are parts
/// of an article (as in Readability, where paragraphs score their parents).
fn can_hold_article(dom: &Dom, id: NodeId) -> bool {
    dom.element(id).is_some_and(|e| {
        !matches!(
            e.name,
            local_name!("p")
                | local_name!("h1")
                | local_name!("h2")
                | local_name!("h3")
                | local_name!("h4")
                | local_name!("h5")
                | local_name!("h6")
                | local_name!("li")
                | local_name!("dt")
                | local_name!("dd")
                | local_name!("pre")
                | local_name!("blockquote")
                | local_name!("figcaption")
                | local_name!("caption")
                | local_name!("a")
        )
    })
}

/// The ancestor `levels` up from `id` (or the highest one there is).
pub(super) fn ancestor(dom: &Dom, mut id: NodeId, levels: usize) -> NodeId {
    for _ in 0..levels {
        let parent = dom.node(id).parent;
        if parent == NONE {
            break;
        }
        id = parent;
    }
    id
}

/// Whether `id` or an ancestor is a sidebar, footer, navigation or comment
/// container with no content hint of its own; memoised per node.
fn in_boilerplate(dom: &Dom, id: NodeId, hints: &[Hints], memo: &mut [Option<bool>]) -> bool {
    any_ancestor(dom, id, memo, |cur| {
        let h = hints[cur as usize];
        !h.contains(HintCategory::Content) && BOILERPLATE_CONTAINERS.iter().any(|&c| h.contains(c))
    })
}

/// Whether `hit` holds for `id` or an ancestor, memoised per node in `memo`
/// (one memo per `hit`), so that asking for every block of a page walks each
/// node once.
pub(super) fn any_ancestor(
    dom: &Dom,
    id: NodeId,
    memo: &mut [Option<bool>],
    hit: impl Fn(NodeId) -> bool,
) -> bool {
    let mut path = Vec::new();
    let mut cur = id;
    let mut found = false;
    while cur != NONE {
        if let Some(known) = memo[cur as usize] {
            found = known;
            break;
        }
        path.push(cur);
        if hit(cur) {
            found = true;
            break;
        }
        cur = dom.node(cur).parent;
    }
    for n in path {
        memo[n as usize] = Some(found);
    }
    found
}
