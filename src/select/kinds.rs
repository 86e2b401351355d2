//! Sibling elements of one kind: the repeated items of teaser lists and
//! entry lists. An element and the dom in; how many children of its parent
//! share its tag and kind key out.

use crate::html::dom::{Dom, Element, NodeId, NONE};

/// Sibling items of one kind that make a list: three, the least that reads
/// as a repeated pattern rather than a pair.
pub(super) const MIN_ITEMS: u32 = 3;

/// How many levels above a block its item may be (block → card → item).
/// Measured on teaser lists: 2 caught too few cards (scrapinghub 0.9644),
/// 4 and 8 as 6 on scrapinghub (0.9690), 6 best on trafilatura-eval
/// (0.9301). Entries are the same cards.
pub(super) const MAX_ITEM_LEVELS: usize = 6;

/// What makes two sibling elements of one tag the same kind of item.
pub(super) type KindKey = fn(&Element) -> (&str, &str);

/// For each element, how many children of its parent share its tag and
/// kind key (itself included); filled one parent at a time, so each node is
/// looked at once however wide the page. Parents with fewer than
/// [`MIN_ITEMS`] element children hold no list, and count 0.
pub(super) struct SameKind {
    counts: Vec<u32>,
    done: Vec<bool>,
    key: KindKey,
}

impl SameKind {
    pub(super) fn new(dom: &Dom, key: KindKey) -> SameKind {
        SameKind {
            counts: vec![0; dom.nodes.len()],
            done: vec![false; dom.nodes.len()],
            key,
        }
    }

    pub(super) fn count(&mut self, dom: &Dom, id: NodeId) -> u32 {
        let parent = dom.node(id).parent;
        if parent == NONE || dom.element(id).is_none() {
            return 0;
        }
        if !self.done[parent as usize] {
            self.done[parent as usize] = true;
            // Most parents have one or two children: no list there.
            let elements = dom
                .children(parent)
                .filter(|&c| dom.element(c).is_some())
                .take(MIN_ITEMS as usize)
                .count();
            if elements < MIN_ITEMS as usize {
                return 0;
            }
            // Group the children by sorting: no hashing, and no input can
            // make it slow.
            let key = self.key;
            let mut kinds: Vec<(&str, (&str, &str), NodeId)> = dom
                .children(parent)
                .filter_map(|c| dom.element(c).map(|e| (&*e.name, key(e), c)))
                .collect();
            kinds.sort_unstable();
            for group in kinds.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
                let size = u32::try_from(group.len()).unwrap_or(u32::MAX);
                for &(_, _, child) in group {
                    self.counts[child as usize] = size;
                }
            }
        }
        self.counts[id as usize]
    }
}

/// Whether an element is page furniture by its tag: navigation, a header, a
/// footer or an aside.
pub(super) fn is_furniture_tag(element: &Element) -> bool {
    use html5ever::local_name;
    matches!(
        element.name,
        local_name!("nav") | local_name!("header") | local_name!("footer") | local_name!("aside")
    )
}
