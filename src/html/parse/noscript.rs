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
/// One pass over the arena (no tree walk): a raw-text child of `<noscript>`
/// counts the letters and digits outside its tags; any other text counts
/// unless its parent is code or the title.
pub(super) fn content_in_noscript(dom: &Dom) -> bool {
    let (mut hidden, mut shown) = (0usize, 0usize);
    for node in &dom.nodes {
        let NodeData::Text(text) = &node.data else {
            continue;
        };
        let parent = if node.parent == NONE {
            None
        } else {
            dom.element(node.parent)
        };
        match parent.map(|e| &e.name) {
            Some(&local_name!("noscript")) => hidden += markup_text_chars(text),
            Some(
                &local_name!("script")
                | &local_name!("style")
                | &local_name!("template")
                | &local_name!("title"),
            ) => {}
            _ => shown += text.chars().filter(|c| c.is_alphanumeric()).count(),
        }
    }
    hidden >= MIN_NOSCRIPT_CHARS && hidden > shown
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

/// Letters and digits of `markup` outside its tags (`<...>`).
fn markup_text_chars(markup: &str) -> usize {
    let mut in_tag = false;
    let mut count = 0;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && c.is_alphanumeric() => count += 1,
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
