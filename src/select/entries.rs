//! Entry lists: the list that is the page's content on a listing or
//! collection page (search results, a category of products, a blog index,
//! a ranked table, a directory).
//!
//! Blocks, the tree, hints and the first verdicts in; the entry list, if
//! the page has one that outweighs its article, out. Such a page is built
//! from a template repeated once per entry: at least [`MIN_ENTRIES`]
//! sibling elements of one kind (tag and class signature), each holding a
//! link (the entry's title) and more text (a teaser, a byline, a date, a
//! price). The same structure makes menus (one link per item, no other
//! text) and the teaser rails beside an article; a menu is told apart by its
//! items, a rail by the article it stands beside, which outweighs it.
//! Lists inside navigation, headers, footers, sidebars, related boxes and
//! comment threads are never entries. When the list wins, its entries and
//! the heading and intro just before it are kept; filter panels, sort bars
//! and pagination are other elements, and stay out.

use super::kinds::{is_furniture_tag, SameKind, MIN_ITEMS as MIN_ENTRIES};

use crate::html::dom::{Dom, Element, NodeId, NONE};
use crate::html::segment::{Block, BlockKind};
use crate::judge::lexicon::{HintCategory, Hints};
use crate::judge::score::{Class, Verdict};
use html5ever::local_name;

/// How many levels above a block its entry may be. Deeper than a teaser
/// card's (`MAX_ITEM_LEVELS`, 6): app-built results nest a title 7 to 10
/// elements below its list item (`li > div > div > div > a > h3`), so the
/// item had its date and rating but no title. 5-fold cross-validation over
/// wcxb-dev page ids on 6, 7, 8, 10 and 12: every fold chose 12 (held-out
/// word F1 0.7986; in sample 0.790 -> 0.793, forum 0.652 -> 0.647 where
/// thread posts now read as entries); scrapinghub unchanged,
/// trafilatura-eval 0.9428 -> 0.9425; 551.9M -> 553.8M instructions.
const MAX_ENTRY_LEVELS: usize = 12;

/// An entry with more blocks than this is a section of a page, not one
/// entry: product cards run to about ten (badge, title, brand, rating,
/// price, old price, stock, button).
const MAX_ENTRY_BLOCKS: u32 = 12;

/// ... or more words than this: a blog excerpt is 55 words by WordPress's
/// default, with title and byline under a hundred; 200 leaves room for
/// themes with longer excerpts, and keeps out the sections of an article.
const MAX_ENTRY_WORDS: u32 = 200;

/// At least one item in this many is an entry: lists interleave entries
/// with rows of their own (a row of points and comments under each title, a
/// spacer row, an ad slot).
const ENTRY_SHARE: u32 = 3;

/// The list is the content when its text is more than this many times the
/// good text of the best article-like region outside it, if the list is
/// the first thing under the page's main heading (or the page has none).
/// Fitted with 5-fold cross-validation over the wcxb-dev pages, on a grid
/// of 1, 1.5, 2, 3 and 4, under the condition that the held sets stay
/// within 0.001 of main (scrapinghub F1 at least 0.9760, trafilatura-eval
/// at least 0.9415; main 0.9763 and 0.9423): every fold chose 2.
const LEADING_LIST_OVER_ARTICLE: f32 = 2.0;

/// ... and this many times, when article text stands between the main
/// heading and the list: that is an article with a list after it (related
/// stories, a references section). Fitted with the same folds, on a grid
/// of 2, 4, 8, 16 and never: every fold chose 16.
const TRAILING_LIST_OVER_ARTICLE: f32 = 16.0;

/// The ratios an entry list must exceed the article's good text by.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ListRatios {
    /// When the list is the first thing under the page's main heading.
    pub(crate) leading: f32,
    /// When article text stands between the main heading and the list.
    pub(crate) trailing: f32,
}

/// The ratios fitted over all pages, whatever their type.
pub(crate) const DEFAULT_RATIOS: ListRatios = ListRatios {
    leading: LEADING_LIST_OVER_ARTICLE,
    trailing: TRAILING_LIST_OVER_ARTICLE,
};

/// How many blocks before the first entry are read for the list's heading
/// and intro: a heading, a paragraph, perhaps a result count and a sort
/// bar in between. Measured (wcxb-dev word F1, trafilatura-eval F1): no
/// intro 0.7562 / 0.9422, 4 blocks 0.7564 / 0.9422, 8 blocks 0.7567 /
/// 0.9420; the intro is a small part of a listing's text.
const MAX_INTRO_BLOCKS: usize = 4;

/// Containers whose lists are never entries.
const BOILERPLATE: [HintCategory; 7] = [
    HintCategory::Navigation,
    HintCategory::Related,
    HintCategory::Header,
    HintCategory::Footer,
    HintCategory::Sidebar,
    HintCategory::Comment,
    HintCategory::Hidden,
];

/// Hints that a wrapper of the list may carry: a results page wraps its
/// grid in `search-results` or `filters-and-pagination`, a header or menu
/// keyword on the column that also holds the filters. Sidebars and footers
/// stay out whatever they hold (measured: letting them wrap lists too
/// gained wcxb-dev collection 0.530 -> 0.536 and listing 0.541 -> 0.558,
/// but took sidebar and "more articles" boxes on articles,
/// trafilatura-eval 0.9423 -> 0.9412).
const WRAPPER_HINTS: [HintCategory; 2] = [HintCategory::Navigation, HintCategory::Header];

/// A boilerplate-hinted element whose text is at least this share entries
/// of the list inside it wraps the list: the half of the region's own
/// wrapper rule. 5-fold cross-validation over wcxb-dev page ids on a grid
/// of 0.3, 0.5, 0.7, 0.9 (0.3 ruled out: trafilatura-eval 0.9423 ->
/// 0.9417): every fold chose 0.5, held-out word F1 0.7915.
const WRAPPER_SHARE: f32 = 0.5;

/// The entry list of a page.
pub(crate) struct Entries {
    /// The element that holds the entries.
    pub(crate) root: NodeId,
    /// Per block: part of an entry, or the heading or intro of the list.
    pub(crate) blocks: Vec<bool>,
    /// The article region the list outweighed, when it is not page
    /// furniture: its prose (a category's own text) stays content.
    pub(crate) article: Option<NodeId>,
}

impl Entries {
    /// Every block of the list is content, whatever its first verdict.
    pub(crate) fn keep(&self, verdicts: &mut [Verdict]) {
        for (v, _) in verdicts.iter_mut().zip(&self.blocks).filter(|(_, &e)| e) {
            v.class = Class::Good;
        }
    }
}

/// A block is a linked title when at least this share of its words are
/// links: a title with its "by" or a count beside the link still is one,
/// while a paragraph of prose with a link in it is not (measured: without
/// it, the paragraphs of articles read as entries).
const TITLE_LINK_DENSITY: f32 = 0.5;

/// What one item (a candidate entry) holds.
#[derive(Default, Clone, Copy)]
struct Item {
    blocks: u32,
    words: u32,
    titles: u32,
    link_words: u32,
    chars: u32,
}

impl Item {
    /// A linked title and more: a second block (a teaser, a byline, a
    /// date, a price) or text beside the link (`<a>Title</a> by Author`).
    fn is_entry(&self) -> bool {
        self.titles > 0
            && (self.blocks >= 2 || self.words > self.link_words)
            && self.blocks <= MAX_ENTRY_BLOCKS
            && self.words <= MAX_ENTRY_WORDS
    }
}

/// Per list (the items' parent): entries, items with text, entry chars.
#[derive(Default, Clone, Copy)]
struct List {
    entries: u32,
    items: u32,
    chars: u32,
}

/// The page's entry list, when one outweighs the article. `first` are the
/// first verdicts (teasers marked); `region` is the content region chosen
/// without entries, whose good text outside the list is the article.
pub(crate) fn entry_list(
    dom: &Dom,
    blocks: &[Block],
    hints: &[Hints],
    first: &[Verdict],
    region: NodeId,
    ratios: ListRatios,
) -> Option<Entries> {
    let mut same_kind = SameKind::new(dom, signature);
    let mut items = vec![Item::default(); dom.nodes.len()];
    // Each block counts towards every item it may belong to, one per level:
    // which level is the entry is settled per list below.
    for block in blocks {
        let mut id = block.container;
        for _ in 0..=MAX_ENTRY_LEVELS {
            if id == NONE {
                break;
            }
            if same_kind.count(dom, id) >= MIN_ENTRIES {
                let item = &mut items[id as usize];
                item.blocks += 1;
                item.words += block.words;
                item.titles += u32::from(is_title(block));
                item.link_words += block.link_words;
                item.chars += block.chars;
            }
            id = dom.node(id).parent;
        }
    }
    let mut lists = vec![List::default(); dom.nodes.len()];
    for (id, item) in items.iter().enumerate().filter(|(_, i)| i.blocks > 0) {
        let list = &mut lists[dom.node(id as NodeId).parent as usize];
        list.items += 1;
        if item.is_entry() {
            list.entries += 1;
            list.chars += item.chars;
        }
    }
    let mut memo = vec![None; dom.nodes.len()];
    let mut text = None;
    let qualified: Vec<bool> = lists
        .iter()
        .enumerate()
        .map(|(id, l)| {
            l.entries >= MIN_ENTRIES
                && ENTRY_SHARE * l.entries >= l.items
                && !list_in_boilerplate(dom, id as NodeId, l.chars, hints, &mut text, blocks)
        })
        .collect();
    let root = lists
        .iter()
        .enumerate()
        .filter(|&(id, _)| qualified[id])
        .max_by_key(|(_, l)| l.chars)
        .map(|(id, _)| id as NodeId)?;
    let in_entry: Vec<bool> = blocks
        .iter()
        .map(|b| entry_of(dom, b.container, root, &items).is_some())
        .collect();
    let list_chars = lists[root as usize].chars as f32;
    let article = article_chars(dom, blocks, first, region, &in_entry);
    let ratio = if leads(dom, blocks, first, region, &in_entry) {
        ratios.leading
    } else {
        ratios.trailing
    };
    if list_chars <= ratio * article {
        return None;
    }
    // Once the page is a listing, its other entry lists (the sections of
    // an index page, a second grid) are entries too. Measured: taking only
    // those within 2, 3, 5 or 8 levels of the best list's container gained
    // less (wcxb-dev 0.7552, 0.7556, 0.7562, 0.7563 against 0.7564).
    let mut flags: Vec<bool> = blocks
        .iter()
        .zip(&in_entry)
        .map(|(b, &e)| e || in_any_entry(dom, b.container, &qualified, &items))
        .collect();
    mark_intro(dom, blocks, hints, first, &mut flags, &mut memo);
    let article = (!in_boilerplate(dom, region, hints, &mut memo)).then_some(region);
    Some(Entries {
        root,
        blocks: flags,
        article,
    })
}

/// Whether a block is a linked title.
fn is_title(block: &Block) -> bool {
    block.link_words > 0 && block.link_words as f32 >= TITLE_LINK_DENSITY * block.words as f32
}

/// Whether the list is the first thing under the page's main heading (its
/// first `h1`): it starts after the heading, and the article's first good
/// block is not between them. A page without an `h1` gives no sign either
/// way, and counts as leading.
fn leads(dom: &Dom, blocks: &[Block], first: &[Verdict], region: NodeId, in_list: &[bool]) -> bool {
    let Some(heading) = blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading(1)))
    else {
        return true;
    };
    let Some(start) = in_list.iter().position(|&e| e) else {
        return false;
    };
    let article = (0..blocks.len()).find(|&i| {
        !in_list[i] && first[i].class == Class::Good && dom.is_within(blocks[i].container, region)
    });
    start > heading && article.is_none_or(|a| a < heading || a > start)
}

/// Whether `container` is in an entry of any qualified list.
fn in_any_entry(dom: &Dom, container: NodeId, qualified: &[bool], items: &[Item]) -> bool {
    let mut id = container;
    for _ in 0..=MAX_ENTRY_LEVELS {
        if id == NONE {
            return false;
        }
        let parent = dom.node(id).parent;
        if parent != NONE && qualified[parent as usize] && items[id as usize].is_entry() {
            return true;
        }
        id = parent;
    }
    false
}

/// The entry of `root` that holds `container`, if that entry qualifies.
fn entry_of(dom: &Dom, container: NodeId, root: NodeId, items: &[Item]) -> Option<NodeId> {
    let mut id = container;
    for _ in 0..=MAX_ENTRY_LEVELS {
        if id == NONE {
            return None;
        }
        let parent = dom.node(id).parent;
        if parent == root {
            return items[id as usize].is_entry().then_some(id);
        }
        id = parent;
    }
    None
}

/// Good text (near-good at half) inside `region` and outside the list.
fn article_chars(
    dom: &Dom,
    blocks: &[Block],
    first: &[Verdict],
    region: NodeId,
    in_list: &[bool],
) -> f32 {
    blocks
        .iter()
        .zip(first)
        .zip(in_list)
        .filter(|((b, _), &listed)| !listed && dom.is_within(b.container, region))
        .map(|((b, v), _)| match v.class {
            Class::Good => b.chars as f32,
            Class::NearGood => b.chars as f32 * 0.5,
            _ => 0.0,
        })
        .sum()
}

/// The heading and intro just before the first entry: headings and prose
/// among the last [`MAX_INTRO_BLOCKS`] blocks, outside boilerplate
/// containers. Sort bars and result counts are short lines, and stay out.
fn mark_intro(
    dom: &Dom,
    blocks: &[Block],
    hints: &[Hints],
    first: &[Verdict],
    flags: &mut [bool],
    memo: &mut [Option<bool>],
) {
    let Some(start) = flags.iter().position(|&f| f) else {
        return;
    };
    for i in (start.saturating_sub(MAX_INTRO_BLOCKS)..start).rev() {
        let heading = matches!(blocks[i].kind, BlockKind::Heading(_));
        let prose = matches!(first[i].class, Class::Good | Class::NearGood);
        if (heading || prose) && !in_boilerplate(dom, blocks[i].container, hints, memo) {
            flags[i] = true;
        }
    }
}

/// Whether the list `id`, whose entries hold `chars`, is inside
/// boilerplate. As [`in_boilerplate`], except that a class hint of
/// navigation or header ([`WRAPPER_HINTS`]) on an element whose text is
/// mostly the list's entries ([`WRAPPER_SHARE`]) above the list marks a
/// wrapper of the list (`search-results`, `filtering-and-pagination`, a sticky-footer
/// page wrapper), not boilerplate around it. `text` (characters under
/// each node) is computed on first need.
fn list_in_boilerplate(
    dom: &Dom,
    id: NodeId,
    chars: u32,
    hints: &[Hints],
    text: &mut Option<Vec<u32>>,
    blocks: &[Block],
) -> bool {
    let mut cur = id;
    while cur != NONE {
        let h = hints[cur as usize];
        if dom.element(cur).is_some_and(is_furniture_tag) {
            return true;
        }
        if !h.contains(HintCategory::Content) && BOILERPLATE.iter().any(|&c| h.contains(c)) {
            let wrappable = BOILERPLATE
                .iter()
                .all(|&c| !h.contains(c) || WRAPPER_HINTS.contains(&c));
            if !wrappable || cur == id {
                return true;
            }
            let total = text.get_or_insert_with(|| text_under(dom, blocks))[cur as usize];
            if (chars as f32) < WRAPPER_SHARE * total as f32 {
                return true;
            }
        }
        cur = dom.node(cur).parent;
    }
    false
}

/// Characters of block text under each node (the tree builder may move a
/// node under a later one, so no arena order is assumed).
fn text_under(dom: &Dom, blocks: &[Block]) -> Vec<u32> {
    let mut text = vec![0u32; dom.nodes.len()];
    for b in blocks {
        let mut id = b.container;
        while id != NONE {
            text[id as usize] = text[id as usize].saturating_add(b.chars);
            id = dom.node(id).parent;
        }
    }
    text
}

/// Whether `id` or an ancestor is navigation, a header, footer, sidebar,
/// comment thread or hidden, by tag or by hint (a content hint overrides
/// the hint); memoised per node.
fn in_boilerplate(dom: &Dom, id: NodeId, hints: &[Hints], memo: &mut [Option<bool>]) -> bool {
    super::region::any_ancestor(dom, id, memo, |cur| {
        let h = hints[cur as usize];
        let by_hint =
            !h.contains(HintCategory::Content) && BOILERPLATE.iter().any(|&c| h.contains(c));
        let by_tag = dom.element(cur).is_some_and(is_furniture_tag);
        by_hint || by_tag
    })
}

/// An element's kind of item: its id and first class token without digits.
/// Digits mark per-item tokens (`post-7816`, `sc-7cd3bab3-1`, `col-3`),
/// which differ between items of one kind.
/// An `id` without digits names one element of its own kind (`#content`,
/// `#sidebar`), while entries carry numbered ids (`post-7816`) if any.
fn signature(element: &Element) -> (&str, &str) {
    let plain = |t: &&str| !t.bytes().any(|b| b.is_ascii_digit());
    let id = element
        .attr_named(&local_name!("id"))
        .filter(plain)
        .unwrap_or("");
    let class = element
        .attr_named(&local_name!("class"))
        .and_then(|c| c.split_ascii_whitespace().find(plain))
        .unwrap_or("");
    (id, class)
}

#[cfg(test)]
#[path = "entries_tests.rs"]
mod tests;
