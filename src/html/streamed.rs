//! Streamed server rendering: a parsed [`Dom`] in, the same tree with each
//! streamed segment moved where the page's own script would move it.
//!
//! React's streaming server renderer (React 18 and later: Next.js, Remix
//! and others) first sends the page with a placeholder for every part that
//! was not ready (`<template id="B:0">` for a suspense boundary,
//! `<template id="P:1">` for a segment), then, at the end of the body, the
//! finished parts as hidden containers (`<div hidden id="S:0">…</div>`)
//! followed by an inline script call that moves each into its place:
//! `$RC("B:0","S:0")` completes a boundary, `$RS("S:1","P:1")` fills a
//! segment. A browser shows the moved content; read as markup alone, the
//! page's article is a hidden element that pruning would drop.
//!
//! What the calls pair is done here: the container's children go before the
//! placeholder and the emptied container goes. A container no call names is
//! paired with the placeholder of the same number (a saved page can lose its
//! scripts); one with no placeholder at all is shown where it stands.

use crate::html::dom::{self, Dom, NodeData, NodeId, NONE};
use html5ever::local_name;

/// Prefix of a streamed segment container's id.
const SEGMENT: &str = "S:";
/// Prefixes of placeholder ids: suspense boundaries and segments.
const PLACEHOLDERS: [&str; 2] = ["B:", "P:"];

/// Move every streamed segment into its placeholder. Returns how many moved.
pub(crate) fn reveal(dom: &mut Dom) -> usize {
    let segments = hidden_segments(dom);
    if segments.is_empty() {
        return 0;
    }
    let placeholders = placeholders(dom);
    let calls = script_calls(dom);
    let mut moved = 0;
    for (segment, id) in segments {
        let target = calls
            .iter()
            .find(|(_, s)| *s == id)
            .map(|(p, _)| p.clone())
            .or_else(|| same_number(&id));
        let place = target.and_then(|t| {
            placeholders
                .iter()
                .find(|(_, pid)| names(&t, pid))
                .map(|&(node, _)| node)
        });
        match place {
            // A placeholder inside its own segment cannot take it: the tree
            // would loop.
            Some(place) if !dom.is_within(place, segment) => {
                move_children(dom, segment, place);
                dom.detach(segment);
                moved += 1;
            }
            _ => show(dom, segment),
        }
    }
    moved
}

/// Hidden elements whose id names a streamed segment, with that id. A pass
/// over the arena comparing interned attribute names: pages without
/// streaming pay one scan of their attributes.
fn hidden_segments(dom: &Dom) -> Vec<(NodeId, String)> {
    let mut found = Vec::new();
    for (index, node) in dom.nodes.iter().enumerate() {
        let Some(element) = node.element() else {
            continue;
        };
        let mut hidden = false;
        let mut segment = None;
        for attr in &element.attrs {
            match attr.name.local {
                local_name!("hidden") => hidden = true,
                local_name!("id") if attr.value.starts_with(SEGMENT) => {
                    segment = Some(attr.value.to_string());
                }
                _ => {}
            }
        }
        if let (true, Some(id), Ok(index)) = (hidden, segment, NodeId::try_from(index)) {
            if node.parent != NONE {
                found.push((index, id));
            }
        }
    }
    found
}

/// `<template>` elements whose id names a placeholder, with that id.
fn placeholders(dom: &Dom) -> Vec<(NodeId, String)> {
    let mut found = Vec::new();
    for (index, node) in dom.nodes.iter().enumerate() {
        let Some(element) = node.element() else {
            continue;
        };
        if element.name != local_name!("template") {
            continue;
        }
        let id = element.attr_named(&local_name!("id")).unwrap_or_default();
        if PLACEHOLDERS.iter().any(|p| id.starts_with(p)) {
            if let Ok(index) = NodeId::try_from(index) {
                found.push((index, id.to_string()));
            }
        }
    }
    found
}

/// The `(placeholder, segment)` pairs named by `$RC("B:…","S:…")` and
/// `$RS("S:…","P:…")` calls in the page's inline scripts.
fn script_calls(dom: &Dom) -> Vec<(String, String)> {
    let mut calls = Vec::new();
    for node in &dom.nodes {
        let NodeData::Text(text) = &node.data else {
            continue;
        };
        let in_script = dom
            .element(node.parent)
            .is_some_and(|e| e.name == local_name!("script"));
        if !in_script {
            continue;
        }
        for (name, rest) in [("$RC(", true), ("$RS(", false)] {
            for (at, _) in text.match_indices(name) {
                let Some((first, second)) = two_strings(&text[at + name.len()..]) else {
                    continue;
                };
                // $RC names the placeholder first, $RS the segment first.
                calls.push(if rest {
                    (first, second)
                } else {
                    (second, first)
                });
            }
        }
    }
    calls
}

/// The two quoted strings at the start of a call's argument list
/// (`"B:0","S:0")`), if that is what follows.
fn two_strings(args: &str) -> Option<(String, String)> {
    let (first, rest) = quoted(args)?;
    let rest = rest.trim_start().strip_prefix(',')?;
    let (second, _) = quoted(rest.trim_start())?;
    Some((first.to_string(), second.to_string()))
}

/// A string in double or single quotes at the start of `s`, and what follows.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let quote = s.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let body = &s[1..];
    let end = body.find(quote)?;
    Some((&body[..end], &body[end + 1..]))
}

/// A segment's placeholder by number alone: `S:3` fills `B:3` or `P:3`.
fn same_number(segment: &str) -> Option<String> {
    segment.strip_prefix(SEGMENT).map(|n| format!("?:{n}"))
}

/// Whether placeholder id `found` is what `wanted` asks for (`?:` matches
/// either prefix).
fn names(wanted: &str, found: &str) -> bool {
    match wanted.strip_prefix("?:") {
        Some(n) => PLACEHOLDERS
            .iter()
            .any(|p| found.strip_prefix(p) == Some(n)),
        None => wanted == found,
    }
}

/// Move the children of `from`, in order, to just before `place`.
fn move_children(dom: &mut Dom, from: NodeId, place: NodeId) {
    let mut child = dom.node(from).first_child;
    while child != NONE {
        let next = dom.node(child).next_sibling;
        dom::detach(&mut dom.nodes, child);
        dom::insert_before(&mut dom.nodes, place, child);
        child = next;
    }
}

/// Drop the `hidden` attribute of `id`, so that it is read where it stands.
fn show(dom: &mut Dom, id: NodeId) {
    if let Some(node) = dom.nodes.get_mut(id as usize) {
        if let NodeData::Element(element) = &mut node.data {
            element
                .attrs
                .retain(|a| a.name.local != local_name!("hidden"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::html::prune::pruned_text;

    #[test]
    fn completed_boundary_takes_its_place() {
        let html = r#"<body><header>Menu</header><!--$?--><template id="B:0"></template>
            <!--/$--><footer>Foot</footer>
            <div hidden id="S:0"><p>The story.</p></div>
            <script>$RC("B:0","S:0")</script></body>"#;
        assert_eq!(pruned_text(html), "Menu The story. Foot");
    }

    #[test]
    fn calls_pair_segments_across_numbers() {
        let html = r#"<body><template id="P:1"></template><template id="B:7"></template>
            <div hidden id="S:2"><p>second</p></div><div hidden id="S:5"><p>first</p></div>
            <script>$RS('S:5','P:1');$RC("B:7","S:2")</script></body>"#;
        assert_eq!(pruned_text(html), "first second");
    }

    #[test]
    fn without_scripts_numbers_pair_and_strays_show_in_place() {
        let html = r#"<body><p>a</p><template id="B:0"></template><p>c</p>
            <div hidden id="S:0">b</div><div hidden id="S:9">d</div>
            <div hidden id="other">never</div></body>"#;
        assert_eq!(pruned_text(html), "a b c d");
    }

    #[test]
    fn a_placeholder_inside_its_own_segment_does_not_loop() {
        let html = r#"<body><div hidden id="S:0"><p>x</p><template id="B:0"></template></div>
            <script>$RC("B:0","S:0")</script></body>"#;
        assert_eq!(pruned_text(html), "x");
    }
}
