//! Teaser lists: runs of sibling items that each hold a linked headline and
//! a short blurb ("more stories", "latest news", a rail of other articles).
//!
//! Blocks and the tree in; one flag per block out, set for every block of a
//! teaser item. The blurbs are prose on their own, so the first verdict
//! keeps them; only the structure gives them away. An item is an element
//! with at least [`MIN_TEASER_ITEMS`] siblings of the same tag and first class; it
//! is a teaser when it holds a linked headline and under
//! [`MAX_BLURB_WORDS`] words of other text; a list is a teaser list when
//! most of its items with text are teasers.

use crate::html::dom::{Dom, Element, NodeId, NONE};
use crate::html::segment::Block;
use crate::judge::lexicon::HintCategory;
use crate::judge::score::{Class, Reason, Verdict};

use super::kinds::{SameKind, MAX_ITEM_LEVELS, MIN_ITEMS as MIN_TEASER_ITEMS};
use html5ever::local_name;

/// A headline is a block with at least this share of its words in links.
const HEADLINE_LINK_DENSITY: f32 = 0.8;

/// ... and at most this many words.
const MAX_HEADLINE_WORDS: u32 = 25;

/// ... and at least this many: a linked single word is a forum post's or
/// a comment's author (a user name), not a story's headline. Measured: 2
/// kept scrapinghub at 0.9734 and raised trafilatura-eval 0.9368 ->
/// 0.9371; 3 lost both (0.9732, 0.9362), headlines of two words exist.
const MIN_HEADLINE_WORDS: u32 = 2;

/// A blurb is short: a teaser with more text than this is an article part.
/// Blog excerpts run to about 55 words (WordPress's default) and some
/// themes show 100. Measured: 80 -> 100 raised scrapinghub 0.9711 ->
/// 0.9733 and trafilatura-eval 0.9319 -> 0.9316 (one snippet); 120 and
/// 150 gave 0.9733 and 0.9308.
const MAX_BLURB_WORDS: u32 = 100;

/// A teaser item has at most this many blocks (kicker, headline, blurb, byline).
const MAX_ITEM_BLOCKS: u32 = 5;

/// What one item holds.
#[derive(Default, Clone, Copy)]
struct Item {
    blocks: u32,
    headline: bool,
    blurb_words: u32,
}

/// The first verdicts with every teaser block (see [`teaser_blocks`])
/// made bad, as a related list.
pub(crate) fn mark_teasers(first: &[Verdict], teaser: &[bool]) -> Vec<Verdict> {
    first
        .iter()
        .zip(teaser)
        .map(|(&v, &t)| {
            if t {
                Verdict {
                    class: Class::Bad,
                    reason: Reason::Hint(HintCategory::Related),
                }
            } else {
                v
            }
        })
        .collect()
}

/// One flag per block: it belongs to a teaser item of a teaser list.
pub(crate) fn teaser_blocks(dom: &Dom, blocks: &[Block]) -> Vec<bool> {
    let mut same_kind = SameKind::new(dom, first_class);
    let items: Vec<NodeId> = blocks
        .iter()
        .map(|b| item_of(dom, b.container, &mut same_kind))
        .collect();
    let mut stats = vec![Item::default(); dom.nodes.len()];
    for (block, &item) in blocks.iter().zip(&items) {
        if item == NONE {
            continue;
        }
        let s = &mut stats[item as usize];
        s.blocks += 1;
        let link_density = block.link_words as f32 / block.words.max(1) as f32;
        if link_density >= HEADLINE_LINK_DENSITY
            && (MIN_HEADLINE_WORDS..=MAX_HEADLINE_WORDS).contains(&block.words)
        {
            s.headline = true;
        } else if link_density < 0.5 {
            s.blurb_words += block.words;
        }
    }
    let is_teaser = |s: &Item| {
        s.headline
            && s.blurb_words > 0
            && s.blurb_words <= MAX_BLURB_WORDS
            && s.blocks <= MAX_ITEM_BLOCKS
    };
    // Per list (the items' parent): teaser items and items with text.
    let mut lists = vec![(0u32, 0u32); dom.nodes.len()];
    let mut counted = vec![false; dom.nodes.len()];
    for &item in items.iter().filter(|&&i| i != NONE) {
        if std::mem::replace(&mut counted[item as usize], true) {
            continue;
        }
        let list = &mut lists[dom.node(item).parent as usize];
        list.1 += 1;
        if is_teaser(&stats[item as usize]) {
            list.0 += 1;
        }
    }
    items
        .iter()
        .map(|&item| {
            item != NONE && is_teaser(&stats[item as usize]) && {
                let (teasers, all) = lists[dom.node(item).parent as usize];
                teasers >= MIN_TEASER_ITEMS && 2 * teasers > all
            }
        })
        .collect()
}

/// The lowest element from `container` up (at most [`MAX_ITEM_LEVELS`]) that
/// has enough siblings of its kind, or `NONE`.
fn item_of(dom: &Dom, container: NodeId, same_kind: &mut SameKind) -> NodeId {
    let mut id = container;
    for _ in 0..=MAX_ITEM_LEVELS {
        if id == NONE {
            break;
        }
        if same_kind.count(dom, id) >= MIN_TEASER_ITEMS {
            return id;
        }
        id = dom.node(id).parent;
    }
    NONE
}

/// An element's first class: the kind of item it is. The rest often
/// varies per item (`post-7816 category-news`, `is-active`).
fn first_class(element: &Element) -> (&str, &str) {
    let class = element
        .attr_named(&local_name!("class"))
        .and_then(|c| c.split_ascii_whitespace().next())
        .unwrap_or("");
    ("", class)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::{parse, segment};

    fn flagged(html: &str) -> Vec<(String, bool)> {
        let dom = parse::parse(html, 512);
        let blocks = segment::segment(&dom);
        let flags = teaser_blocks(&dom, &blocks);
        blocks.into_iter().map(|b| b.text).zip(flags).collect()
    }

    const CARD: &str = r#"<li class="card"><h3><a href="/x">Council approves the new bridge</a></h3>
        <p>The vote ends a decade of argument over the crossing, which will open in 2027.</p></li>"#;

    #[test]
    fn cards_of_headline_and_blurb_are_teasers() {
        let html = format!(
            "<article><p>The article itself, long enough to read as prose on its own.</p></article>\
             <ul class=more>{CARD}{CARD}{CARD}</ul>"
        );
        let flags = flagged(&html);
        assert!(!flags[0].1, "{flags:?}");
        assert!(flags[1..].iter().all(|(_, t)| *t), "{flags:?}");
    }

    #[test]
    fn paragraphs_and_two_cards_are_not() {
        let html = format!(
            "<div><p class=x>One <a href=/a>linked</a> word.</p><p class=x>Two.</p><p class=x>Three.</p></div>\
             <ul>{CARD}{CARD}</ul>"
        );
        assert!(flagged(&html).iter().all(|(_, t)| !t));
    }
}
