//! Stage 6, select: first verdicts in, the final verdict per block out,
//! using context.
//!
//! Two kinds of context settle what a block alone cannot:
//! 1. the content region: the DOM subtree where good text outweighs bad text
//!    the most. Blocks outside it are dropped; inside it, an element between
//!    the region's root and a block whose class/id marks boilerplate (share
//!    bar, related list, comments) condemns the block. Hints on the root and
//!    its ancestors are ignored: a wrapper around the article cannot be
//!    boilerplate, whatever its class says (`tag-news`, `page-ad-margins`);
//! 2. neighbours: short and near-good blocks take the class of the good or
//!    bad blocks around them (jusText's context-sensitive pass).

mod discussion;
mod entries;
mod teasers;

use crate::dom::{Dom, NodeId, DOCUMENT, NONE};
use crate::features::PageFeatures;
use crate::lexicon::{HintCategory, Hints};
use crate::options::Balance;
use crate::score::{Class, Reason, Verdict};
use crate::segment::{Block, BlockKind};
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

/// A page whose best region outside comments holds less good text than
/// this (characters; about 30 words) may be a discussion. Measured: 500
/// also turned a blog post with a short text and a long comment thread
/// into its comments (scrapinghub 0.9642 -> 0.9619); 100 and 200 only
/// catch pages with next to no article, as intended.
const DISCUSSION_MAX_ARTICLE_CHARS: f32 = 200.0;

/// ... and is one when its best region, comments included, holds this many
/// times as much.
const DISCUSSION_MIN_RATIO: f32 = 3.0;

/// Container hints that discount a region candidate.
const BOILERPLATE_CONTAINERS: [HintCategory; 4] = [
    HintCategory::Sidebar,
    HintCategory::Footer,
    HintCategory::Navigation,
    HintCategory::Comment,
];

/// How much a character of near-good text counts towards a region,
/// relative to good text.
const NEAR_GOOD_TEXT_WEIGHT: f32 = 0.5;

/// Characters of following text within which a short heading counts as the
/// heading of good content. jusText's MAX_HEADING_DISTANCE default.
const MAX_HEADING_DISTANCE: u32 = 200;

/// How far up from the region its "siblings" are looked for: under the
/// region's great-grandparent. Measured here: 2 levels gave scrapinghub F1
/// 0.9735 and trafilatura-eval 0.9333; 3 gave 0.9734 and 0.9339; 4 the same
/// as 3 (articles split across containers one level deeper are common on
/// CMS pages with a wrapper per section).
const SIBLING_LEVELS: usize = 3;

/// An element inside the region holding at least this share of the
/// region's good text is a wrapper of the article, not boilerplate, whatever
/// its class says: boilerplate is by nature the lesser part of a page.
const WRAPPER_SHARE: f32 = 0.5;

/// Hint categories that condemn a block when an element inside the content
/// region carries them.
const CONDEMNING_HINTS: [HintCategory; 15] = [
    HintCategory::Caption,
    HintCategory::Navigation,
    HintCategory::Share,
    HintCategory::Related,
    HintCategory::Comment,
    HintCategory::Advertising,
    HintCategory::Consent,
    HintCategory::Newsletter,
    HintCategory::Hidden,
    HintCategory::Tags,
    HintCategory::Header,
    HintCategory::Footer,
    HintCategory::Sidebar,
    HintCategory::Byline,
    HintCategory::Legal,
];

/// The final verdict on each block, and the chosen content region.
pub(crate) struct Selection {
    pub(crate) verdicts: Vec<Verdict>,
    pub(crate) keep: Vec<bool>,
    /// Blocks that are reader comments (never in `keep`).
    pub(crate) comments: Vec<bool>,
    /// The root of the content region.
    pub(crate) region: NodeId,
}

/// Decide which blocks to keep.
pub(crate) fn select(
    dom: &Dom,
    blocks: &[Block],
    features: &PageFeatures,
    first: &[Verdict],
    balance: Balance,
) -> Selection {
    // Teasers of other stories are prose on their own; their structure
    // marks them as a related list before the region is chosen.
    let teaser = teasers::teaser_blocks(dom, blocks);
    let first: Vec<Verdict> = first
        .iter()
        .zip(&teaser)
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
        .collect();
    let first = first.as_slice();
    let (mut region, mut good_chars, article_chars) =
        content_region(dom, blocks, &features.node_hints, first);
    // On a discussion page (a forum thread, a Q&A), the posts are the
    // content: read the page again with comment hints struck out.
    let comment_free: Vec<Hints>;
    let mut node_hints: &[Hints] = &features.node_hints;
    let mut discussion = false;
    if article_chars < DISCUSSION_MAX_ARTICLE_CHARS {
        let discussion_hints: Vec<Hints> = node_hints
            .iter()
            .map(|h| h.without(HintCategory::Comment))
            .collect();
        let (posts, posts_good, _) = content_region(dom, blocks, &discussion_hints, first);
        if posts_good[posts as usize] >= DISCUSSION_MIN_RATIO * article_chars.max(1.0) {
            region = posts;
            good_chars = posts_good;
            comment_free = discussion_hints;
            node_hints = &comment_free;
            discussion = true;
        }
    }
    // A list of entries that outweighs the article is the content.
    let entries = entries::entry_list(dom, blocks, &features.node_hints, first, region);
    if let Some(list) = &entries {
        (region, discussion) = (list.root, false);
    }
    let wrapper_chars = good_chars[region as usize] * WRAPPER_SHARE;
    let near_region = ancestor(dom, region, SIBLING_LEVELS);
    let mut verdicts = first.to_vec();
    // The first block inside the region: a lead just before it joins.
    let region_start = blocks
        .iter()
        .position(|b| is_inside(dom, b.container, region))
        .unwrap_or(blocks.len());
    for (index, (block, verdict)) in blocks.iter().zip(verdicts.iter_mut()).enumerate() {
        let hints = HintPath {
            dom,
            hints: node_hints,
            good_chars: &good_chars,
            wrapper_chars,
        };
        match hints.to_region(block.container, region) {
            // Readability's sibling rule: near the region, a block that is
            // article prose on its own (a lead, the second half of a split
            // article) and not marked as boilerplate joins the article.
            // Before the region, near-good text joins too: a standfirst or
            // intro is a few plain sentences above the body. (Measured:
            // trafilatura-eval 0.9264 -> 0.9288, scrapinghub 0.9646 ->
            // 0.9642, whose truths leave standfirsts out; limiting it to
            // the 3 blocks before the region kept only 0.9269.)
            None if balance != Balance::Precision
                && (verdict.class == Class::Good
                    || (verdict.class == Class::NearGood
                        && (balance == Balance::Recall || index < region_start)))
                && hints
                    .to_region(block.container, near_region)
                    .is_some_and(|h| condemning(h).is_none()) => {}
            None => {
                *verdict = Verdict {
                    class: Class::Bad,
                    reason: Reason::OutsideRegion,
                }
            }
            Some(hints) => {
                // A share bar is a few linked words; prose under a "social"
                // or "twitter" class is an embedded post, quoted content.
                // Inside the region a header is the article's own: its
                // byline and date lines go, its prose lead stays.
                let hints = if matches!(verdict.class, Class::Good | Class::NearGood) {
                    hints
                        .without(HintCategory::Share)
                        .without(HintCategory::Header)
                } else {
                    hints
                };
                if let Some(category) = condemning(hints) {
                    *verdict = Verdict {
                        class: Class::Bad,
                        reason: Reason::Hint(category),
                    };
                }
            }
        }
    }
    keep_gallery_captions(blocks, first, &mut verdicts);
    // Inside the region (everything outside is bad by now), near-good text
    // is article text: the region was chosen as the subtree where such text
    // outweighs boilerplate, and articles of short paragraphs have no block
    // good enough alone to anchor jusText's neighbour rule.
    // With Balance::Precision, jusText's own rule stands: near-good needs
    // a good neighbour (settled below).
    if balance != Balance::Precision {
        for v in verdicts.iter_mut().filter(|v| v.class == Class::NearGood) {
            v.class = Class::Good;
        }
    }
    if balance == Balance::Precision {
        drop_trailing_fragments(features, first, &mut verdicts);
    }
    keep_text_lists(features, &mut verdicts);
    entries.iter().for_each(|list| list.keep(&mut verdicts));
    let before_context = verdicts.clone();
    promote_headings(blocks, &mut verdicts);
    smooth_short(&mut verdicts, balance);
    settle_near_good(&mut verdicts);
    if !verdicts.iter().any(|v| v.class == Class::Good) {
        // Still nothing (a page of one short paragraph): keep whatever in
        // the region was not judged boilerplate, rather than return nothing.
        for (v, b) in verdicts.iter_mut().zip(&before_context) {
            if matches!(b.class, Class::Short | Class::NearGood) {
                *v = *b;
                v.class = Class::Good;
            }
        }
    }
    let mut keep: Vec<bool> = verdicts.iter().map(|v| v.class == Class::Good).collect();
    let mut comments = comment_blocks(dom, blocks, node_hints, first, &keep);
    if discussion {
        discussion::first_post_only(
            dom,
            blocks,
            &features.node_hints,
            &mut verdicts,
            &mut keep,
            &mut comments,
        );
    }
    Selection {
        verdicts,
        keep,
        comments,
        region,
    }
}

/// Reads the hints on the way from a block up to the region's root.
struct HintPath<'a> {
    dom: &'a Dom,
    hints: &'a [Hints],
    good_chars: &'a [f32],
    /// Elements holding at least this much good text are wrappers.
    wrapper_chars: f32,
}

impl HintPath<'_> {
    /// The hints of the elements from `container` up to (not including)
    /// `region`, or `None` when `container` is not inside `region`. An
    /// element that holds most of the region's good text is a wrapper of
    /// the article, so its hints are ignored (`elementor-widget`,
    /// `hs_cos_wrapper_meta_field`).
    fn to_region(&self, container: NodeId, region: NodeId) -> Option<Hints> {
        let mut merged = Hints::NONE;
        let mut id = container;
        while id != NONE {
            if id == region {
                return Some(merged);
            }
            let hints = self.hints[id as usize];
            if self.good_chars[id as usize] < self.wrapper_chars
                || hints.contains(HintCategory::Comment)
                || self.dom.element(id).is_some_and(|e| {
                    matches!(
                        e.name,
                        local_name!("aside") | local_name!("nav") | local_name!("footer")
                    )
                })
            {
                // Comment threads, and sidebars, menus and footers by their
                // tag, can outgrow a short article, yet stay what they are.
                merged = merged.merge(hints);
            }
            id = self.dom.node(id).parent;
        }
        None
    }
}

/// A short heading shortly followed by good or near-good text is near-good.
fn promote_headings(blocks: &[Block], verdicts: &mut [Verdict]) {
    for i in 0..blocks.len() {
        if !matches!(blocks[i].kind, BlockKind::Heading(_)) || verdicts[i].class != Class::Short {
            continue;
        }
        let mut distance = 0;
        for j in i + 1..blocks.len() {
            if matches!(verdicts[j].class, Class::Good | Class::NearGood) {
                verdicts[i].class = Class::NearGood;
                break;
            }
            distance += blocks[j].chars;
            if distance > MAX_HEADING_DISTANCE {
                break;
            }
        }
    }
}

/// The nearest class on each side of `i` that is not in `skip`; the page
/// edges count as bad.
fn neighbours(classes: &[Class], i: usize, skip: &[Class]) -> (Class, Class) {
    let before = classes[..i]
        .iter()
        .rev()
        .find(|c| !skip.contains(c))
        .copied()
        .unwrap_or(Class::Bad);
    let after = classes[i + 1..]
        .iter()
        .find(|c| !skip.contains(c))
        .copied()
        .unwrap_or(Class::Bad);
    (before, after)
}

/// Short blocks: good between good, bad between bad, near-good otherwise.
/// With [`Balance::Precision`], short blocks between good and bad are bad.
fn smooth_short(verdicts: &mut [Verdict], balance: Balance) {
    let classes: Vec<Class> = verdicts.iter().map(|v| v.class).collect();
    for (i, verdict) in verdicts.iter_mut().enumerate() {
        if verdict.class != Class::Short {
            continue;
        }
        verdict.class = match neighbours(&classes, i, &[Class::Short, Class::NearGood]) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            _ if balance == Balance::Precision => Class::Bad,
            _ => Class::NearGood,
        };
        verdict.reason = Reason::Context;
    }
}

/// Near-good blocks: good when next to good on either side, else bad.
fn settle_near_good(verdicts: &mut [Verdict]) {
    let classes: Vec<Class> = verdicts.iter().map(|v| v.class).collect();
    for (i, verdict) in verdicts.iter_mut().enumerate() {
        if verdict.class != Class::NearGood {
            continue;
        }
        let (before, after) = neighbours(&classes, i, &[Class::NearGood, Class::Short]);
        verdict.class = if before == Class::Good || after == Class::Good {
            Class::Good
        } else {
            Class::Bad
        };
    }
}

/// The element whose subtree has the most good text net of bad text, the
/// good characters below every node, and the region's good characters
/// discounted as the choice discounted them (boilerplate containers).
///
/// Text inside a comment thread counts as bad here, whatever its quality:
/// reader comments are prose too, and would otherwise pull the region up to
/// the element that holds both article and thread.
fn content_region(
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
fn in_comments(dom: &Dom, container: NodeId, hints: &[Hints]) -> bool {
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

/// The first condemning category among `hints`.
fn condemning(hints: Hints) -> Option<HintCategory> {
    CONDEMNING_HINTS
        .iter()
        .find(|&&c| hints.contains(c))
        .copied()
}

/// The ancestor `levels` up from `id` (or the highest one there is).
fn ancestor(dom: &Dom, mut id: NodeId, levels: usize) -> NodeId {
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
    let mut path = Vec::new();
    let mut cur = id;
    let mut found = false;
    while cur != NONE {
        if let Some(known) = memo[cur as usize] {
            found = known;
            break;
        }
        path.push(cur);
        let h = hints[cur as usize];
        if !h.contains(HintCategory::Content)
            && BOILERPLATE_CONTAINERS.iter().any(|&c| h.contains(c))
        {
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

/// After the last block that is good on its own, short lines that do not
/// end like a sentence are sign-offs, sources, credits and prompts
/// ("Quelle: dpa", "Alle Angaben ohne Gewähr", "03.04.2020").
fn drop_trailing_fragments(features: &PageFeatures, first: &[Verdict], verdicts: &mut [Verdict]) {
    let Some(last_good) = first.iter().rposition(|v| v.class == Class::Good) else {
        return;
    };
    let tail = verdicts
        .iter_mut()
        .zip(&features.blocks)
        .skip(last_good + 1);
    for (verdict, f) in tail {
        if verdict.class == Class::Short && !f.ends_with_punctuation {
            *verdict = Verdict {
                class: Class::Bad,
                reason: Reason::Short,
            };
        }
    }
}

/// Reader comments: blocks inside a comment thread that are text, not a
/// link list or a boilerplate phrase ("Reply", "Leave a comment", dates),
/// and not already in the article.
fn comment_blocks(
    dom: &Dom,
    blocks: &[Block],
    hints: &[Hints],
    first: &[Verdict],
    keep: &[bool],
) -> Vec<bool> {
    blocks
        .iter()
        .zip(first)
        .zip(keep)
        .map(|((block, verdict), &kept)| {
            !kept
                && !matches!(verdict.reason, Reason::LinkDense | Reason::Cruft(_))
                && in_comments(dom, block.container, hints)
        })
        .collect()
}

/// A run of at least this many short blocks is a list of its own. Measured
/// here: 3 and 4 score the same on scrapinghub, 4 is a hair better on
/// trafilatura-eval and safer against stray bylines and datelines.
const MIN_TEXT_LIST_RUN: usize = 4;

/// Inside the region, a run of short blocks without links (ingredients,
/// specifications, steps, a list of jokes) is a text list, content in its
/// own right: menus are link lists, and were judged bad already.
fn keep_text_lists(features: &PageFeatures, verdicts: &mut [Verdict]) {
    let mut i = 0;
    while i < verdicts.len() {
        let run = verdicts[i..]
            .iter()
            .zip(&features.blocks[i..])
            .take_while(|(v, f)| v.class == Class::Short && f.link_density == 0.0)
            .count();
        if run >= MIN_TEXT_LIST_RUN {
            for v in &mut verdicts[i..i + run] {
                v.class = Class::Good;
            }
        }
        i += run.max(1);
    }
}

/// Whether `id` is `ancestor` or inside it.
fn is_inside(dom: &Dom, mut id: NodeId, ancestor: NodeId) -> bool {
    while id != NONE {
        if id == ancestor {
            return true;
        }
        id = dom.node(id).parent;
    }
    false
}

/// On a gallery or slideshow page the captions are the article: when the
/// prose condemned as captions outweighs all other kept prose, it is kept.
fn keep_gallery_captions(blocks: &[Block], first: &[Verdict], verdicts: &mut [Verdict]) {
    let prose = |v: &Verdict| matches!(v.class, Class::Good | Class::NearGood);
    let mut caption_chars = 0;
    let mut kept_chars = 0;
    for ((block, before), after) in blocks.iter().zip(first).zip(verdicts.iter()) {
        if after.reason == Reason::Hint(HintCategory::Caption) && prose(before) {
            caption_chars += block.chars;
        } else if prose(after) {
            kept_chars += block.chars;
        }
    }
    if caption_chars <= kept_chars {
        return;
    }
    for (before, after) in first.iter().zip(verdicts.iter_mut()) {
        if after.reason == Reason::Hint(HintCategory::Caption) && prose(before) {
            *after = *before;
        }
    }
}
