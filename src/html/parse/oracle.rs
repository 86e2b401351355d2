//! The reference the tokenizer is held to: html5ever's own tokenizer in
//! front of the same depth guard, tree builder and arena, and a dump that
//! makes two trees comparable line by line. Built for the tests and for the
//! `parse_equivalence` fuzz target (`cfg(fuzzing)`), not for extraction.

use super::{finish, guarded_builder};
use crate::html::dom::{Dom, NodeData, NodeId, DOCUMENT};
use html5ever::tendril::StrTendril;
use html5ever::{local_name, ns};
use std::fmt::Write as _;

/// [`parse_limited`](super::parse_limited) through html5ever's own tokenizer: the reference our
/// tokenizer is checked against.
pub(crate) fn parse_reference(html: &str, max_depth: usize, max_nodes: usize) -> (Dom, bool) {
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let tokenizer = Tokenizer::new(
        guarded_builder(html.len(), max_depth, max_nodes, true),
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // `feed` returns early for scripts, which we never run: carry on.
    while let html5ever::TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    tokenizer.end();
    finish(tokenizer.sink)
}

/// The tree reachable from [`DOCUMENT`], pre-order, one line per node: depth,
/// kind, then for elements `{namespace}"name"` and the attributes in order,
/// for text its content. Names and text are `{:?}`-escaped, so two trees are
/// equal iff their dumps are. A template's content fragment (outside the
/// tree, in the arena slot after the element) is dumped as its first child.
pub(crate) fn dump(dom: &Dom) -> String {
    let mut out = String::new();
    let mut stack: Vec<(NodeId, usize)> = vec![(DOCUMENT, 0)];
    while let Some((id, depth)) = stack.pop() {
        write_node(&mut out, depth, &dom.node(id).data);
        // Pushed in order, then reversed, so they pop in document order.
        let first = stack.len();
        stack.extend(dom.children(id).map(|child| (child, depth + 1)));
        stack[first..].reverse();
        if let Some(contents) = template_contents(dom, id) {
            stack.push((contents, depth + 1));
        }
    }
    out
}

fn write_node(out: &mut String, depth: usize, data: &NodeData) {
    write!(out, "{depth} ").expect("writing to a String");
    match data {
        NodeData::Document => out.push_str("#document"),
        NodeData::Other => out.push_str("#other"),
        NodeData::Text(text) => write!(out, "#text {:?}", &**text).expect("writing to a String"),
        NodeData::Element(e) => {
            write!(out, "<{{{}}}{:?}", &*e.ns, &*e.name).expect("writing to a String");
            for a in &e.attrs {
                out.push(' ');
                if !a.name.ns.is_empty() {
                    write!(out, "{{{}}}", &*a.name.ns).expect("writing to a String");
                }
                if let Some(prefix) = &a.name.prefix {
                    write!(out, "{}:", &**prefix).expect("writing to a String");
                }
                write!(out, "{:?}={:?}", &*a.name.local, &*a.value).expect("writing to a String");
            }
            out.push('>');
        }
    }
    out.push('\n');
}

/// The content fragment of a `<template>` element: the sink creates it
/// right after the element, and it has no parent.
fn template_contents(dom: &Dom, id: NodeId) -> Option<NodeId> {
    let e = dom.element(id)?;
    if e.name != local_name!("template") || e.ns != ns!(html) {
        return None;
    }
    let next = id.checked_add(1)?;
    let node = dom.nodes.get(next as usize)?;
    matches!(node.data, NodeData::Document).then_some(next)
}

/// Two trees that differ: each parser's dump, and whether it hit the node
/// limit.
pub(crate) struct Mismatch {
    pub(crate) ours: (String, bool),
    pub(crate) reference: (String, bool),
}

/// Parse `html` with both tokenizers; `None` when the trees agree. Past
/// the node limit only the verdict counts: the extractor throws such a
/// tree away, and where the cut falls depends on how text is split into
/// tokens, which the tokenizers are free to do differently.
pub(crate) fn mismatch(html: &str, max_depth: usize, max_nodes: usize) -> Option<Mismatch> {
    let (ours, ours_over) = super::parse_limited(html, max_depth, max_nodes);
    let (reference, reference_over) = parse_reference(html, max_depth, max_nodes);
    if ours_over && reference_over {
        return None;
    }
    let (ours, reference) = (dump(&ours), dump(&reference));
    if ours == reference && ours_over == reference_over {
        return None;
    }
    Some(Mismatch {
        ours: (ours, ours_over),
        reference: (reference, reference_over),
    })
}

/// Whether our parser builds the tree html5ever's tokenizer gives, under
/// the default limits; `Err` names the first differing node.
pub(crate) fn check(html: &str) -> Result<(), String> {
    let Some(Mismatch { ours, reference }) =
        mismatch(html, crate::model::options::DEFAULT_MAX_DEPTH, usize::MAX)
    else {
        return Ok(());
    };
    let (ours, reference) = (ours.0, reference.0);
    let line = ours
        .lines()
        .zip(reference.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| ours.lines().count().min(reference.lines().count()));
    Err(format!(
        "trees differ at dump line {line}:\n ours:      {}\n reference: {}",
        ours.lines().nth(line).unwrap_or("(end)"),
        reference.lines().nth(line).unwrap_or("(end)")
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fuzz_check_accepts_a_page_and_the_dump_shows_its_text() {
        assert_eq!(super::check("<p>a &amp; b<table><td>x"), Ok(()));
        let reference = super::dump(&super::parse_reference("<p>a", 512, usize::MAX).0);
        assert!(reference.contains("#text \"a\""), "{reference}");
    }
}
