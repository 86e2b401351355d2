//! Reading text and attributes off the parsed tree for the metadata walk:
//! an element's visible text (capped, inline elements glued as a browser
//! shows them), a script's raw text, microdata lookups and class tests.

use super::vocab::Vocab;
use crate::html::dom::{Dom, NodeData, NodeId, NONE};
use html5ever::local_name;

/// The first descendant of `id` (not `id` itself) with `itemprop` `prop`,
/// looked for among the first few hundred nodes.
pub(super) fn find_prop(dom: &Dom, id: NodeId, prop: &str) -> Option<NodeId> {
    let mut stack = vec![dom.node(id).first_child];
    let mut budget = 300;
    while let Some(n) = stack.pop() {
        if n == NONE || budget == 0 {
            continue;
        }
        budget -= 1;
        let node = dom.node(n);
        stack.push(node.next_sibling);
        if let Some(e) = node.element() {
            if e.attr_named(&local_name!("itemprop"))
                .is_some_and(|p| has_word(p, prop))
            {
                return Some(n);
            }
            stack.push(node.first_child);
        }
    }
    None
}

/// A script's text as written.
pub(super) fn raw_text(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    let mut child = dom.node(id).first_child;
    while child != NONE {
        if let NodeData::Text(t) = &dom.node(child).data {
            out.push_str(t);
        }
        child = dom.node(child).next_sibling;
    }
    out
}

/// The whitespace-collapsed text below `id`, or `None` when it is longer
/// than `max` characters (reading stops there). Text on both sides of an
/// inline element is glued as a browser shows it (`W<b>or</b>d` is "Word");
/// other elements separate words.
pub(crate) fn text_within(dom: &Dom, id: NodeId, max: usize) -> Option<String> {
    text_skipping(dom, id, max, None)
}

/// [`text_within`], leaving out elements below `id` that `kickers` marks
/// as kickers (when given).
pub(super) fn text_skipping(
    dom: &Dom,
    id: NodeId,
    max: usize,
    kickers: Option<&Vocab>,
) -> Option<String> {
    let mut out = String::new();
    let mut gap = false;
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        let node = dom.node(n);
        match &node.data {
            NodeData::Text(t) => {
                gap |= t.starts_with(char::is_whitespace);
                for word in t.split_whitespace() {
                    if gap && !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(word);
                    gap = true;
                }
                gap = (t.trim().is_empty() && gap) || t.ends_with(char::is_whitespace);
                if out.len() > max * 4 || out.chars().count() > max {
                    return None;
                }
            }
            NodeData::Element(e) => {
                if matches!(
                    e.name,
                    local_name!("script") | local_name!("style") | local_name!("svg")
                ) {
                    continue;
                }
                let class = e.attr_named(&local_name!("class")).unwrap_or("");
                if n != id && !class.is_empty() && kickers.is_some_and(|v| v.marks(&[class]).kicker)
                {
                    continue;
                }
                if !is_inline(&e.name) {
                    gap = true;
                }
            }
            _ => {}
        }
        let mut child = node.last_child;
        while child != NONE {
            stack.push(child);
            child = dom.node(child).prev_sibling;
        }
    }
    Some(out)
}

/// Elements a browser lays out inside a line of text.
fn is_inline(name: &html5ever::LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("span")
            | local_name!("b")
            | local_name!("i")
            | local_name!("em")
            | local_name!("strong")
            | local_name!("small")
            | local_name!("sup")
            | local_name!("sub")
            | local_name!("abbr")
            | local_name!("time")
            | local_name!("mark")
            | local_name!("u")
            | local_name!("s")
            | local_name!("font")
            | local_name!("q")
            | local_name!("cite")
            | local_name!("bdi")
            | local_name!("wbr")
    )
}

/// Whether the space-separated `list` holds `word` (ASCII case-insensitive).
pub(super) fn has_word(list: &str, word: &str) -> bool {
    list.split_whitespace()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `class` contains any of `words` (ASCII case-insensitive).
pub(super) fn says(class: &str, words: &[&str]) -> bool {
    let lower = class.to_ascii_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// A link to an author page: `/author/jane-doe`, `/autor/…`, `/authors/…`.
pub(super) fn is_author_href(href: &str) -> bool {
    const PATHS: [&str; 6] = [
        "/author/",
        "/authors/",
        "/autor/",
        "/autoren/",
        "/auteur/",
        "/autore/",
    ];
    // Every path starts at a slash: try them there only, ignoring ASCII
    // case, with no lower-cased copy of the link.
    let bytes = href.as_bytes();
    memchr::memchr_iter(b'/', bytes).any(|i| {
        let rest = &bytes[i..];
        PATHS.iter().any(|path| {
            rest.get(..path.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(path.as_bytes()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::is_author_href;

    #[test]
    fn author_hrefs_match_at_any_slash_in_any_case() {
        assert!(is_author_href("https://news.example/author/jane-doe"));
        assert!(is_author_href("/AUTOREN/max"));
        assert!(is_author_href("https://x.example//Autore/"));
        assert!(!is_author_href("https://news.example/authority/report"));
        assert!(!is_author_href("/author"));
        assert!(!is_author_href("author/jane"));
        assert!(!is_author_href("/ä/autor"));
        assert!(is_author_href("/ä/autor/"));
    }
}
