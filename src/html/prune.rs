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

use crate::html::dom::{Dom, Element, NodeId, DOCUMENT, NONE};
use crate::html::streamed;
use html5ever::local_name;

/// Unlink every subtree that cannot hold article text. Returns how many were cut.
pub(crate) fn prune(dom: &mut Dom) -> usize {
    // Streamed segments are hidden only until the page's script moves them.
    streamed::reveal(dom);
    prune_where(dom, |element| never_text(element) || hidden(element))
}

/// Unlink every element for which `cut` holds, with its subtree (walked
/// iteratively: pages nest thousands deep). Returns how many were cut.
pub(crate) fn prune_where(dom: &mut Dom, cut: impl Fn(&Element) -> bool) -> usize {
    let mut found = Vec::new();
    let mut stack: Vec<NodeId> = vec![DOCUMENT];
    while let Some(id) = stack.pop() {
        let node = dom.node(id);
        if node.element().is_some_and(&cut) {
            found.push(id);
            continue;
        }
        let mut child = node.first_child;
        while child != NONE {
            stack.push(child);
            child = dom.node(child).next_sibling;
        }
    }
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
