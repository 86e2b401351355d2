//! Stage 2, prune: a parsed [`Dom`] in, the same tree with everything that
//! can never be article text unlinked.
//!
//! Gone: code and styles (`script`, `style`, `template`), embedded and
//! graphic content (`svg`, `iframe`, `canvas`, media, MathML annotations),
//! form controls, the `<head>`, consent banners, and elements hidden from
//! readers (`hidden`, except on closed tab and accordion panels;
//! `aria-hidden="true"`; inline `display:none` or `visibility:hidden`). Metadata is read before this stage. Streamed
//! server-rendered segments, hidden until a script moves them into place,
//! are moved first ([`streamed`]), and so is text a browser shows that the
//! walk would not reach ([`unreached`]: shadow roots, MathML alternatives).
//! The fallback content of an `<object>` that embeds a resource (`data`)
//! stays: a saved page has no plugin or file to show, so a reader sees the
//! fallback (a transcript, a description of the embedded document). An
//! `<object>` without `data` is markup that nests a link in a link (a score
//! badge in a card) and is cut as before (measured: kept, it split a
//! review's heading from its text on a wcxb-dev article).

use crate::html::dom::{Dom, Element, NodeData, NodeId, DOCUMENT, NONE};
use crate::html::streamed;
use crate::html::unreached;
use crate::model::data::rows;
use html5ever::local_name;
use std::sync::LazyLock;

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
    unreached::reveal(dom);
    let cut = unreadable;
    let (mut found, shown) = walk(dom, DOCUMENT, &cut, VEILED_MAX_SHOWN);
    if shown < VEILED_MAX_SHOWN {
        let veil = veil(dom, &found).or_else(|| page_template(dom, &found));
        if let Some(veil) = veil {
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

/// On a page that shows next to no text, the `<template>` among those cut
/// whose content holds a page's worth ([`VEIL_MIN_CHARS`]): an app shell
/// that clones its page from a template. Its content is moved under it
/// (see [`unreached::show_template`]) and it is returned, to be read as
/// shown.
fn page_template(dom: &mut Dom, found: &[NodeId]) -> Option<NodeId> {
    let cut = unreadable;
    let (_, id) = found
        .iter()
        .filter_map(|&id| Some((unreached::template_contents(dom, id)?, id)))
        .map(|(fragment, id)| {
            let chars: usize = dom
                .children(fragment)
                .map(|c| walk(dom, c, &cut, VEIL_MIN_CHARS).1)
                .sum();
            (chars, id)
        })
        .filter(|&(chars, _)| chars >= VEIL_MIN_CHARS)
        .max()?;
    unreached::show_template(dom, id);
    Some(id)
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

/// What prune cuts: elements never read as text, hidden ones, and the
/// banners of consent-management platforms.
fn unreadable(element: &Element) -> bool {
    never_text(element) || hidden(element) || consent_root(element)
}

/// The id prefixes of consent-management platforms' root elements.
static CONSENT_ROOTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    rows("consent_roots.txt", include_str!("data/consent_roots.txt"))
        .map(|row| row.text.trim())
        .collect()
});

/// The root of a consent banner or preference centre, by the id its
/// platform gives it (`onetrust-consent-sdk`, `CybotCookiebotDialog`):
/// prose about purposes and vendors that would otherwise compete with a
/// short page's content for the region. Never `<body>` or `<html>`.
fn consent_root(element: &Element) -> bool {
    if matches!(element.name, local_name!("body") | local_name!("html")) {
        return false;
    }
    let Some(id) = element.attr_named(&local_name!("id")) else {
        return false;
    };
    CONSENT_ROOTS.iter().any(|prefix| {
        id.len() >= prefix.len()
            && id.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    })
}

/// Elements whose content is never read as text.
fn never_text(element: &Element) -> bool {
    if element.ns == html5ever::ns!(mathml) {
        // A formula's text is read; its annotations (TeX source, content
        // markup) repeat it for machines.
        return matches!(
            element.name,
            local_name!("annotation") | local_name!("annotation-xml")
        );
    }
    if is_code(element) || (!element.ns.is_empty() && element.ns != html5ever::ns!(html)) {
        // Code, and SVG content.
        return true;
    }
    if element.name == local_name!("object") {
        return element.attr("data").is_none();
    }
    matches!(
        element.name,
        local_name!("head")
            | local_name!("svg")
            | local_name!("iframe")
            | local_name!("frame")
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
    let mut hidden_attr = false;
    for attr in &element.attrs {
        let value: &str = &attr.value;
        match attr.name.local {
            local_name!("hidden") => hidden_attr = true,
            local_name!("aria-hidden") if value.trim().eq_ignore_ascii_case("true") => return true,
            local_name!("style") if style_hides(value) => return true,
            _ => {}
        }
    }
    hidden_attr && !is_panel(element)
}

/// A tab or accordion panel: `role=tabpanel`, or an element labelled by
/// its tab or button (`aria-labelledby`) that is not a dialog or a menu.
/// Its `hidden` attribute means "not the open one", not "not for readers":
/// a click shows it, and its text is the page's own (a FAQ's answers, a
/// product's specification tab). A hidden dialog (a sign-up or login
/// modal) stays hidden.
fn is_panel(element: &Element) -> bool {
    let role = element.attr("role").map(str::trim).unwrap_or("");
    let is = |name: &str| role.eq_ignore_ascii_case(name);
    if is("tabpanel") {
        return true;
    }
    element.attr("aria-labelledby").is_some() && !(is("dialog") || is("alertdialog") || is("menu"))
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

/// The text of `html` once parsed and pruned (unit tests of prune and of
/// the stages it runs first).
#[cfg(test)]
pub(crate) fn pruned_text(html: &str) -> String {
    let mut dom = crate::html::parse::parse(html, 512);
    prune(&mut dom);
    dom.text_of(DOCUMENT)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn cuts_consent_platform_roots_by_id_but_never_body() {
        let html = r#"<body class="fides-no-scroll"><p>post</p>
            <div id="onetrust-consent-sdk"><p>We and our partners</p></div>
            <div id="CybotCookiebotDialog"><p>This website uses cookies</p></div>
            <div id="fides-banner-container"><p>Your privacy</p></div>
            <div class="onetrust-like">kept</div></body>"#;
        assert_eq!(pruned_text(html), "post kept");
    }

    #[test]
    fn shows_closed_tab_and_accordion_panels_but_not_dialogs() {
        let html = r#"<p>q</p><div role="tabpanel" hidden>specs</div>
            <div id="a2" aria-labelledby="b2" hidden>answer</div>
            <div role="dialog" aria-labelledby="t" hidden>sign up</div>
            <div hidden>other</div>"#;
        assert_eq!(pruned_text(html), "q specs answer");
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

    #[test]
    fn reads_object_fallback_only_for_an_embedded_resource() {
        let html = r#"<object data="a.pdf" type="application/pdf"><param name="x" value="y">
            <p>The report in short.</p></object><object class="badge"><span>9</span></object>"#;
        assert_eq!(pruned_text(html), "The report in short.");
    }

    #[test]
    fn reads_mathml_text_or_its_alternative_but_not_annotations() {
        let html = r#"<p>so <math><semantics><mrow><mi>x</mi><mo>=</mo><mn>2</mn></mrow>
            <annotation encoding="application/x-tex">x = 2</annotation></semantics></math>
            and <math alttext="y > 3"></math></p>"#;
        let text = pruned_text(html);
        assert_eq!(text.split_whitespace().collect::<String>(), "sox=2andy>3");
        assert_eq!(text.matches('x').count(), 1, "{text}");
    }

    #[test]
    fn reads_shadow_roots_and_a_template_that_is_the_page() {
        let html = r#"<host-el><template shadowrootmode="open"><p>shown</p></template></host-el>
            <template><p>a row</p></template>"#;
        assert_eq!(pruned_text(html), "shown");
        let story = "The article a script clones from its template. ".repeat(12);
        let html = format!(r#"<div id="app"></div><template><p>{story}</p></template>"#);
        assert!(pruned_text(&html).starts_with("The article a script clones"));
    }
}
