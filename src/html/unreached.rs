//! Text a browser shows that a plain walk of the tree never reaches: in
//! the tree in, the same tree with that text moved where the walk finds it
//! out. Run by [`prune`](crate::html::prune) before it cuts.
//!
//! - Declarative shadow roots: `<template shadowrootmode="open">` is
//!   rendered by the browser as its host's content (server-rendered web
//!   components), yet the parser keeps it in a template's detached content
//!   fragment like any other template. Its content is moved under the
//!   template, which becomes a `<div>`.
//! - MathML with no text of its own but an `alttext` (a formula drawn by a
//!   script from its text alternative): the alternative is its text. Other
//!   MathML keeps its own text (`<mi>x</mi><mo>=</mo><mn>2</mn>`), read
//!   by prune like any inline text; its `<annotation>` (TeX source) is cut
//!   there.

use crate::html::dom::{self, Dom, NodeData, NodeId, NONE};
use html5ever::tendril::StrTendril;
use html5ever::{local_name, ns};

/// Move the text a browser shows into reach: shadow roots, MathML
/// alternatives.
pub(crate) fn reveal(dom: &mut Dom) {
    let mut shadow_roots = Vec::new();
    let mut formulas = Vec::new();
    for (id, node) in dom.nodes.iter().enumerate() {
        let Some(e) = node.element() else { continue };
        let id = id as NodeId;
        if e.name == local_name!("template")
            && e.ns == ns!(html)
            && (e.attr("shadowrootmode").is_some() || e.attr("shadowroot").is_some())
        {
            shadow_roots.push(id);
        } else if e.name == local_name!("math") && e.ns == ns!(mathml) {
            if let Some(alt) = e.attr("alttext").filter(|a| !a.trim().is_empty()) {
                formulas.push((id, StrTendril::from(alt)));
            }
        }
    }
    for id in shadow_roots {
        show_template(dom, id);
    }
    for (id, alt) in formulas {
        if !has_text(dom, id) {
            let text = dom.nodes.len() as NodeId;
            dom.nodes.push(dom::Node::new(NodeData::Text(alt)));
            dom::append(&mut dom.nodes, id, text);
        }
    }
}

/// The content fragment of `<template>` `id`: the tree builder's sink
/// creates it right after the element, as a detached document node.
pub(crate) fn template_contents(dom: &Dom, id: NodeId) -> Option<NodeId> {
    let next = id.checked_add(1)?;
    let node = dom.nodes.get(next as usize)?;
    (matches!(node.data, NodeData::Document) && node.parent == NONE).then_some(next)
}

/// Move the content of `<template>` `id` under it and make it a `<div>`,
/// so that it reads as shown.
pub(crate) fn show_template(dom: &mut Dom, id: NodeId) {
    let Some(fragment) = template_contents(dom, id) else {
        return;
    };
    let children: Vec<NodeId> = dom.children(fragment).collect();
    for child in children {
        dom::detach(&mut dom.nodes, child);
        dom::append(&mut dom.nodes, id, child);
    }
    if let NodeData::Element(e) = &mut dom.nodes[id as usize].data {
        e.name = local_name!("div");
    }
}

/// Whether any text node under `id` has more than whitespace.
fn has_text(dom: &Dom, id: NodeId) -> bool {
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        let node = dom.node(n);
        if let NodeData::Text(t) = &node.data {
            if !t.trim().is_empty() {
                return true;
            }
        }
        stack.extend(dom.children(n));
    }
    false
}
