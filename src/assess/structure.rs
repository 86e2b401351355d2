//! Structural counts for the page-type classifier: the parsed tree's node
//! list and the page's blocks in, a [`Structure`] of counts out. One pass
//! over the node vector (no tree walk: pruned nodes still sit in the
//! vector, so what the page showed before pruning is counted too) and one
//! over the blocks.

use crate::html::dom::{Dom, NodeData};
use crate::html::segment::{Block, BlockKind};
use ahash::RandomState;
use html5ever::local_name;
use std::collections::HashMap;

/// What the page is built of.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Structure {
    /// Words of all blocks, and of those in links, in code, in list items.
    pub(super) words: u32,
    pub(super) link_words: u32,
    pub(super) code_words: u32,
    pub(super) list_words: u32,
    /// Words in blocks of [`LONG_BLOCK_WORDS`] or more: running prose.
    pub(super) long_words: u32,
    pub(super) blocks: u32,
    pub(super) headings: u32,
    /// Headings whose every word is a link: cards and teasers.
    pub(super) linked_headings: u32,
    /// Blocks holding a price (a currency sign or code next to digits).
    pub(super) prices: u32,
    /// `<pre>` and `<code>` elements.
    pub(super) code_elements: u32,
    pub(super) times: u32,
    pub(super) sections: u32,
    pub(super) images: u32,
    /// Form controls (`input`, `select`, `button`).
    pub(super) controls: u32,
    /// Elements whose class names a cart or basket.
    pub(super) cart: u32,
    /// ... a product.
    pub(super) product: u32,
    /// ... a post, answer, reply, message or comment.
    pub(super) posts: u32,
    /// ... a table of contents, sidebar or docs navigation.
    pub(super) doc_nav: u32,
}

/// Class parts counted, and which count each adds to. Matched anywhere in
/// the value, ASCII case ignored, as CSS class names are built from words.
const CLASS_PARTS: [(&str, Part); 11] = [
    ("cart", Part::Cart),
    ("basket", Part::Cart),
    ("product", Part::Product),
    ("post", Part::Posts),
    ("answer", Part::Posts),
    ("reply", Part::Posts),
    ("message", Part::Posts),
    ("comment", Part::Posts),
    ("toc", Part::DocNav),
    ("sidebar", Part::DocNav),
    ("docs", Part::DocNav),
];

#[derive(Clone, Copy)]
enum Part {
    Cart,
    Product,
    Posts,
    DocNav,
}

impl Part {
    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// For each byte, the [`CLASS_PARTS`] that start with it (in either case),
/// as bits of their index: most bytes of a value start none.
const STARTING_WITH: [u16; 256] = starting_with();

const fn starting_with() -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < CLASS_PARTS.len() {
        let first = CLASS_PARTS[i].0.as_bytes()[0];
        table[first as usize] |= 1 << i;
        table[first.to_ascii_uppercase() as usize] |= 1 << i;
        i += 1;
    }
    table
}

/// The parts a class value names, as bits of [`Part::bit`]: one pass over
/// its bytes, trying at each the parts that start with it (eleven
/// substring searches of a lowercased copy cost ten times as much).
fn class_parts(class: &str) -> u8 {
    let bytes = class.as_bytes();
    let mut bits = 0;
    for at in 0..bytes.len() {
        let mut candidates = STARTING_WITH[usize::from(bytes[at])];
        while candidates != 0 {
            let (word, part) = CLASS_PARTS[candidates.trailing_zeros() as usize];
            candidates &= candidates - 1;
            let here = bytes[at..].get(..word.len());
            if here.is_some_and(|here| here.eq_ignore_ascii_case(word.as_bytes())) {
                bits |= part.bit();
            }
        }
    }
    bits
}

/// Count what `dom` and `blocks` are built of.
pub(super) fn count(dom: &Dom, blocks: &[Block]) -> Structure {
    let mut s = Structure::default();
    // Pages repeat the same class lists on many elements: read each
    // distinct value once. Keys are page text, hence the keyed hasher.
    let mut parts_by_value: HashMap<&str, u8, RandomState> =
        HashMap::with_hasher(RandomState::new());
    for node in &dom.nodes {
        let NodeData::Element(e) = &node.data else {
            continue;
        };
        match e.name {
            local_name!("pre") | local_name!("code") => s.code_elements += 1,
            local_name!("time") => s.times += 1,
            local_name!("section") => s.sections += 1,
            local_name!("img") => s.images += 1,
            local_name!("input") | local_name!("select") | local_name!("button") => {
                s.controls += 1;
            }
            _ => {}
        }
        let Some(class) = e.attr_named(&local_name!("class")) else {
            continue;
        };
        let parts = *parts_by_value
            .entry(class)
            .or_insert_with(|| class_parts(class));
        s.cart += u32::from(parts & Part::Cart.bit() != 0);
        s.product += u32::from(parts & Part::Product.bit() != 0);
        s.posts += u32::from(parts & Part::Posts.bit() != 0);
        s.doc_nav += u32::from(parts & Part::DocNav.bit() != 0);
    }
    for block in blocks {
        s.blocks += 1;
        s.words += block.words;
        s.link_words += block.link_words;
        if block.words >= LONG_BLOCK_WORDS {
            s.long_words += block.words;
        }
        match block.kind {
            BlockKind::Preformatted => s.code_words += block.words,
            BlockKind::ListItem => s.list_words += block.words,
            BlockKind::Heading(_) => {
                s.headings += 1;
                if block.words > 0 && block.link_words >= block.words {
                    s.linked_headings += 1;
                }
            }
            _ => {}
        }
        if block.words <= MAX_PRICE_BLOCK_WORDS && has_price(&block.text) {
            s.prices += 1;
        }
    }
    s
}

/// A block of this many words is a paragraph of prose, not a card's
/// blurb or a feature's one-liner (about two sentences).
const LONG_BLOCK_WORDS: u32 = 40;

/// A price sits in a short block of its own (a product card's price line,
/// a price tag): longer blocks that name an amount are prose.
const MAX_PRICE_BLOCK_WORDS: u32 = 12;

/// A currency sign or code next to a digit: `$12`, `12,99 €`, `£ 5`,
/// `USD 40`.
fn has_price(text: &str) -> bool {
    const SIGNS: [&str; 7] = ["$", "€", "£", "¥", "₹", "USD", "EUR"];
    // Every sign starts with one of these bytes ($, the lead byte of € and
    // ₹, of £ and ¥, U, E): most blocks are passed over by one search.
    let b = text.as_bytes();
    if !b.iter().any(u8::is_ascii_digit) {
        return false;
    }
    if memchr::memchr3(b'$', 0xE2, 0xC2, b).is_none() && memchr::memchr2(b'U', b'E', b).is_none() {
        return false;
    }
    SIGNS.iter().any(|sign| {
        text.match_indices(sign).any(|(i, _)| {
            let before = text[..i].trim_end().chars().next_back();
            let after = text[i + sign.len()..].trim_start().chars().next();
            before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::{parse, prune, segment};

    fn structure(html: &str) -> Structure {
        let (mut dom, _) = parse::parse_page(html, 512, usize::MAX);
        prune::prune(&mut dom);
        let blocks = segment::segment(&dom);
        count(&dom, &blocks)
    }

    #[test]
    fn prices_need_a_digit_beside_the_sign() {
        assert!(has_price("$12.99"));
        assert!(has_price("12,99 €"));
        assert!(has_price("From USD 40"));
        assert!(!has_price("Save money with $ signs"));
        assert!(!has_price("The euro (€) rose"));
    }

    #[test]
    fn class_parts_are_found_anywhere_in_any_case() {
        // The definition the one-pass scan stands for.
        fn searched(class: &str) -> u8 {
            let lower = class.to_ascii_lowercase();
            CLASS_PARTS
                .iter()
                .filter(|(word, _)| lower.contains(word))
                .fold(0, |bits, (_, part)| bits | part.bit())
        }
        for class in [
            "",
            "post",
            "pos",
            "Add-To-CART btn",
            "stock-item",
            "commentlist postcard",
            "ProductSidebar",
            "x-bask",
            "basket",
            "TOCdocs",
            "réply-Answer",
            "messag",
            "mEsSaGe",
        ] {
            assert_eq!(class_parts(class), searched(class), "{class:?}");
        }
        assert_eq!(class_parts("stock"), Part::DocNav.bit());
    }

    #[test]
    fn counts_code_posts_and_controls() {
        let s = structure(
            r#"<div class="post-body"><p>Question text here</p></div>
            <div class="Answer"><pre><code>let x = 1;</code></pre></div>
            <form><input name=q><button class="add-to-cart">Add</button></form>
            <p>$19.99</p><h2><a href="/a">A linked heading</a></h2>"#,
        );
        assert_eq!(s.posts, 2);
        assert_eq!(s.code_elements, 2);
        assert_eq!(s.controls, 2);
        assert_eq!(s.cart, 1);
        assert_eq!(s.prices, 1);
        assert_eq!(s.linked_headings, 1);
        assert!(s.code_words > 0);
    }
}
