//! The crawler view: pages whose content is in `<noscript>`.
//!
//! A script-driven page (a single-page app, Discourse, many shops) often
//! ships its real content a second time inside `<noscript>`, for readers and
//! crawlers without scripts, while the scripted part of the body is an empty
//! shell until scripts run. A browser with scripting on reads `<noscript>` as
//! raw text, and so do we by default; then such a page has nothing to
//! extract. When the `<noscript>` text outweighs everything else the body
//! shows, the page is parsed again with scripting off, as a reader without
//! scripts would see it.

use crate::html::dom::{Dom, NodeData, NONE};
use html5ever::local_name;

/// Letters and digits a page's `<noscript>` text must hold before it can be
/// read as the page: about 100 words. Below that a `<noscript>` is a notice
/// ("please enable JavaScript") or a tracking pixel, never the content.
const MIN_NOSCRIPT_CHARS: usize = 500;

/// Whether the page's `<noscript>` elements hold more text than the rest of
/// the page shows, so that it should be read with scripting off.
///
/// Passes over the arena (no tree walk): a raw-text child of `<noscript>`
/// counts the letters and digits outside its tags; any other text counts
/// unless its parent is code or the title.
pub(super) fn content_in_noscript(dom: &Dom) -> bool {
    // Most pages hold next to nothing in <noscript>: count it first, and the
    // rest of the page only when it might be outweighed, only until it is not.
    let hidden: usize = text_nodes(dom)
        .filter(|&(parent, _)| parent == Some(&local_name!("noscript")))
        .map(|(_, text)| markup_text_chars(text))
        .sum();
    if hidden < MIN_NOSCRIPT_CHARS {
        return false;
    }
    let mut shown = 0usize;
    for (parent, text) in text_nodes(dom) {
        let counted = !matches!(
            parent,
            Some(
                &local_name!("noscript")
                    | &local_name!("script")
                    | &local_name!("style")
                    | &local_name!("template")
                    | &local_name!("title")
            )
        );
        if counted {
            shown += letter_count(text);
            if shown >= hidden {
                return false;
            }
        }
    }
    true
}

/// Every text node with its parent element's name.
fn text_nodes(dom: &Dom) -> impl Iterator<Item = (Option<&html5ever::LocalName>, &str)> {
    dom.nodes.iter().filter_map(move |node| {
        let NodeData::Text(text) = &node.data else {
            return None;
        };
        let parent = if node.parent == NONE {
            None
        } else {
            dom.element(node.parent).map(|e| &e.name)
        };
        Some((parent, &**text))
    })
}

/// Letters and digits of `text`, counted by bytes: an ASCII letter or digit
/// counts one, every byte of a non-ASCII character one (both sides of the
/// comparison are counted alike, and no Unicode tables are read).
fn letter_count(text: &str) -> usize {
    text.bytes()
        .filter(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
        .count()
}

/// After a parse with scripting off: every `<noscript>` becomes a plain
/// `<div>`, since its content is what a reader without scripts sees (later
/// stages drop `<noscript>` as code).
pub(super) fn show_noscript(dom: &mut Dom) {
    for node in &mut dom.nodes {
        if let NodeData::Element(element) = &mut node.data {
            if element.name == local_name!("noscript") {
                element.name = local_name!("div");
            }
        }
    }
}

/// [`letter_count`] of `markup` outside its tags (`<...>`).
fn markup_text_chars(markup: &str) -> usize {
    let mut in_tag = false;
    let mut count = 0;
    for b in markup.bytes() {
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b if !in_tag && (b.is_ascii_alphanumeric() || b >= 0x80) => count += 1,
            _ => {}
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    fn long(words: usize) -> String {
        vec!["content"; words].join(" ")
    }

    #[test]
    fn an_empty_shell_with_a_noscript_copy_is_read_from_the_copy() {
        let html = format!(
            "<body><div id=app></div><noscript><article><p>{}</p></article></noscript>",
            long(120)
        );
        assert!(content_in_noscript(&parse(&html, 512)));
    }

    #[test]
    fn a_notice_or_a_pixel_is_not_the_page() {
        let html = format!(
            "<body><noscript>Please enable JavaScript.<img src=x></noscript><p>{}</p>",
            long(30)
        );
        assert!(!content_in_noscript(&parse(&html, 512)));
    }

    #[test]
    fn a_page_that_shows_more_than_its_noscript_stays_as_it_is() {
        let html = format!(
            "<body><noscript><p>{}</p></noscript><main><p>{}</p></main>",
            long(120),
            long(300)
        );
        assert!(!content_in_noscript(&parse(&html, 512)));
    }
}
