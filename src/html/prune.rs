//! Stage 2, prune: a parsed [`Dom`] in, the same tree with everything that
//! can never be article text unlinked.
//!
//! Gone: code and styles (`script`, `style`, `template`), embedded and
//! graphic content (`svg`, `math`, `iframe`, `object`, `canvas`, media),
//! form controls, the `<head>`, and elements hidden from readers
//! (`hidden`, `aria-hidden="true"`, inline `display:none` or
//! `visibility:hidden`). Metadata is read before this stage. Streamed
//! server-rendered segments, hidden until a script moves them into place,
//! are moved first ([`streamed`]).

use crate::html::dom::{Dom, Element, NodeData, NodeId, DOCUMENT, NONE};
use crate::html::streamed;
use html5ever::local_name;

/// A page that shows fewer characters of text than this once hidden
/// elements are cut may be veiled as a whole (about 25 words).
const VEILED_MAX_SHOWN: usize = 150;

/// ... and is veiled when one hidden element holds at least this many
/// characters (about 80 words): a page's worth, not a menu or a modal.
const VEIL_MIN_CHARS: usize = 500;

/// Unlink every subtree that cannot hold article text. Returns how many were cut.
///
/// A page hidden as a whole until its scripts have loaded (a wrapper with
/// `visibility:hidden` that a script clears: a guard against a flash of
/// unstyled content) would lose everything: when what is left shows next to
/// no text and one hidden element holds a page's worth, that element is
/// read as shown.
pub(crate) fn prune(dom: &mut Dom) -> usize {
    // Streamed segments are hidden only until the page's script moves them.
    streamed::reveal(dom);
    let cut = unreadable;
    let (mut found, shown) = walk(dom, DOCUMENT, &cut, VEILED_MAX_SHOWN);
    if shown < VEILED_MAX_SHOWN {
        if let Some(veil) = veil(dom, &found) {
            found.retain(|&id| id != veil);
            let mut stack = Vec::new();
            push_children(dom, veil, &mut stack);
            for id in stack {
                found.extend(walk(dom, id, &cut, 0).0);
            }
        }
    }
    for &id in &found {
        dom.detach(id);
    }
    found.len()
}

/// The elements under `root` (itself included) for which `cut` holds,
/// outermost only, and the characters of text outside them, counted only
/// up to `cap` (counting is the costly part, and only small counts matter).
fn walk(
    dom: &Dom,
    root: NodeId,
    cut: &impl Fn(&Element) -> bool,
    cap: usize,
) -> (Vec<NodeId>, usize) {
    let mut found = Vec::new();
    let mut shown = 0;
    let mut stack: Vec<NodeId> = vec![root];
    while let Some(id) = stack.pop() {
        let node = dom.node(id);
        match &node.data {
            NodeData::Element(element) if cut(element) => {
                found.push(id);
                continue;
            }
            NodeData::Text(text) if shown < cap => shown += text.trim().len(),
            _ => {}
        }
        push_children(dom, id, &mut stack);
    }
    (found, shown)
}

/// Push the children of `id` onto `stack`.
fn push_children(dom: &Dom, id: NodeId, stack: &mut Vec<NodeId>) {
    let mut child = dom.node(id).first_child;
    while child != NONE {
        stack.push(child);
        child = dom.node(child).next_sibling;
    }
}

/// The hidden element, among those cut, that holds the most text, if it
/// holds a page's worth ([`VEIL_MIN_CHARS`]).
fn veil(dom: &Dom, found: &[NodeId]) -> Option<NodeId> {
    let cut = unreadable;
    found
        .iter()
        .filter(|&&id| dom.element(id).is_some_and(|e| !never_text(e)))
        .map(|&id| {
            let mut stack = Vec::new();
            push_children(dom, id, &mut stack);
            let chars: usize = stack
                .into_iter()
                .map(|c| walk(dom, c, &cut, VEIL_MIN_CHARS).1)
                .sum();
            (chars, id)
        })
        .filter(|&(chars, _)| chars >= VEIL_MIN_CHARS)
        .max()
        .map(|(_, id)| id)
}

/// Unlink every element for which `cut` holds, with its subtree (walked
/// iteratively: pages nest thousands deep). Returns how many were cut.
/// Only the flattener (the `internals` feature) prunes by its own test.
#[cfg(feature = "internals")]
pub(crate) fn prune_where(dom: &mut Dom, cut: impl Fn(&Element) -> bool) -> usize {
    let (found, _) = walk(dom, DOCUMENT, &cut, 0);
    for &id in &found {
        dom.detach(id);
    }
    found.len()
}

/// Code and styles: `script`, `style`, `noscript` and `template`, whose
/// content is never shown as text on any page.
pub(crate) fn is_code(element: &Element) -> bool {
    matches!(
        element.name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
    )
}

/// What prune cuts: elements never read as text, and hidden ones.
fn unreadable(element: &Element) -> bool {
    never_text(element) || hidden(element)
}

/// Elements whose content is never read as text.
fn never_text(element: &Element) -> bool {
    if is_code(element) || (!element.ns.is_empty() && element.ns != html5ever::ns!(html)) {
        // Code, and SVG and MathML content.
        return true;
    }
    matches!(
        element.name,
        local_name!("head")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("frame")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("map")
            | local_name!("input")
            | local_name!("select")
            | local_name!("textarea")
            | local_name!("button")
            | local_name!("datalist")
            | local_name!("dialog")
            // Ruby annotations (furigana, pinyin) and their fallback
            // parentheses: a reading aid printed over the text, not text.
            | local_name!("rt")
            | local_name!("rp")
    )
}

/// Elements a reader cannot see.
fn hidden(element: &Element) -> bool {
    for attr in &element.attrs {
        let value: &str = &attr.value;
        match attr.name.local {
            local_name!("hidden") => return true,
            local_name!("aria-hidden") if value.trim().eq_ignore_ascii_case("true") => return true,
            local_name!("style") if style_hides(value) => return true,
            _ => {}
        }
    }
    false
}

/// Whether an inline style sets `display:none` or `visibility:hidden`.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let property = property.trim();
        let value = value.trim().trim_end_matches("!important").trim();
        (property.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (property.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    fn pruned_text(html: &str) -> String {
        let mut dom = parse(html, 512);
        prune(&mut dom);
        dom.text_of(DOCUMENT)
    }

    #[test]
    fn removes_code_and_hidden_content() {
        let html = r#"<p>keep</p><script>var x;</script><style>p{}</style>
            <div hidden>h1</div><div aria-hidden="true">h2</div>
            <div style="color:red; display: none !important">h3</div>
            <div style="visibility:hidden">h4</div><svg><text>h5</text></svg>
            <noscript>h6</noscript><button>h7</button><p>too</p>"#;
        assert_eq!(pruned_text(html), "keep too");
    }

    #[test]
    fn a_page_veiled_as_a_whole_is_read_as_shown() {
        let story = "A long paragraph of the article that a script reveals. ".repeat(12);
        let html = format!(
            r#"<body><div style="visibility:hidden"><nav>Menu</nav>
            <div style="display:none">modal</div><p>{story}</p></div></body>"#
        );
        let text = pruned_text(&html);
        assert!(text.starts_with("Menu A long paragraph"), "{text}");
        assert!(!text.contains("modal"));
    }

    #[test]
    fn a_hidden_menu_beside_a_short_page_stays_hidden() {
        // A page that shows its text keeps its hidden parts hidden, and a
        // near-empty page does not borrow a hidden element's few words.
        let words = "hidden menu entry ".repeat(40);
        let html = format!(r#"<p>{}</p><div hidden>{words}</div>"#, "shown ".repeat(40));
        assert!(!pruned_text(&html).contains("hidden menu"));
        assert_eq!(pruned_text(r#"<p>hi</p><div hidden>few words</div>"#), "hi");
    }

    #[test]
    fn keeps_visible_styled_content() {
        assert_eq!(
            pruned_text(r#"<div style="display:block">seen</div>"#),
            "seen"
        );
        assert_eq!(
            pruned_text(r#"<div aria-hidden="false">seen</div>"#),
            "seen"
        );
    }

    #[test]
    fn drops_ruby_annotations_and_keeps_the_base_text() {
        let html = "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>";
        let text: String = pruned_text(html).split_whitespace().collect();
        assert_eq!(text, "子ども");
    }
}
