//! Stage 1, parse: a UTF-8 page in, a [`Dom`] out.
//!
//! Our byte-scanning [`tokenizer`] feeds a [`DepthGuard`], which feeds
//! html5ever's tree builder, which builds into our arena ([`ArenaSink`]).
//! The tree is the one html5ever's own tokenizer would give
//! (`parse_reference`, kept for the tests that check this). The guard exists
//! because the tree builder scans its stack of open elements for many tags,
//! so a page nested N deep costs O(N²): past `max_depth` open elements the
//! guard drops further start tags (and their end tags). Their text is kept and
//! lands in the deepest kept ancestor, much as Blink flattens past depth 512.

mod noscript;
#[cfg(any(test, fuzzing))]
pub(crate) mod oracle;
mod title;
mod tokenizer;

use crate::html::dom::{self, Dom, Element, Node, NodeData, NodeId, DOCUMENT, NONE};
use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// Parse `html` into a tree whose element nesting stays within about `max_depth`.
#[cfg(any(test, feature = "internals"))]
pub(crate) fn parse(html: &str, max_depth: usize) -> Dom {
    parse_limited(html, max_depth, usize::MAX).0
}

/// [`parse`] with a cap on the tree's size: once it holds `max_nodes` nodes,
/// the rest of the page is tokenized but not built (so memory stays bounded)
/// and the second value is `true`.
#[cfg(any(test, fuzzing, feature = "internals"))]
pub(crate) fn parse_limited(html: &str, max_depth: usize, max_nodes: usize) -> (Dom, bool) {
    parse_with(html, max_depth, max_nodes, true)
}

/// `parse_limited` as a reader sees the page: when its content is only in
/// `<noscript>` (see [`noscript`]), parsed again with scripting off; an
/// unterminated `<title>` ends at the next tag (see [`title`]).
pub(crate) fn parse_page(html: &str, max_depth: usize, max_nodes: usize) -> (Dom, bool) {
    // A title never closed would swallow the page (see [`title`]).
    let closed = title::close_unterminated_title(html);
    let html = closed.as_deref().unwrap_or(html);
    let (dom, over) = parse_with(html, max_depth, max_nodes, true);
    if over || !noscript::content_in_noscript(&dom) {
        return (dom, over);
    }
    let (mut dom, over) = parse_with(html, max_depth, max_nodes, false);
    noscript::show_noscript(&mut dom);
    (dom, over)
}

fn parse_with(html: &str, max_depth: usize, max_nodes: usize, scripting: bool) -> (Dom, bool) {
    let guard = guarded_builder(html.len(), max_depth, max_nodes, scripting);
    tokenizer::tokenize(html, &guard);
    finish(guard)
}

/// The tree builder behind its depth guard, with an empty arena sized for
/// a page of `html_len` bytes; `scripting` as in a browser with scripts on.
fn guarded_builder(
    html_len: usize,
    max_depth: usize,
    max_nodes: usize,
    scripting: bool,
) -> DepthGuard {
    let sink = ArenaSink::with_capacity((html_len / 64).min(max_nodes));
    let opts = TreeBuilderOpts {
        scripting_enabled: scripting,
        ..TreeBuilderOpts::default()
    };
    DepthGuard {
        tree_builder: TreeBuilder::new(sink, opts),
        max_depth: u32::try_from(max_depth).unwrap_or(u32::MAX),
        end_tags_since_insert: Cell::new(0),
        dropped: RefCell::new(Vec::new()),
        max_nodes,
        over_node_limit: Cell::new(false),
    }
}

/// The built tree, and whether the node limit cut it short.
fn finish(guard: DepthGuard) -> (Dom, bool) {
    let over = guard.over_node_limit.get();
    (guard.tree_builder.sink.finish(), over)
}

/// Parse-only entry point for benchmarks: the same parser, the tree dropped.
#[cfg(feature = "internals")]
pub fn parse_only(html: &str) -> usize {
    parse(html, crate::model::options::DEFAULT_MAX_DEPTH)
        .nodes
        .len()
}

/// Elements that never stay open, so never deepen the tree.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("param")
    )
}

/// Elements whose start tag switches the tokenizer's state (raw text and
/// the like): dropping them would turn a script's code into page text.
fn switches_tokenizer(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
            | local_name!("html")
            | local_name!("head")
            | local_name!("body")
    )
}

/// Sits between tokenizer and tree builder and keeps the tree shallow.
///
/// It estimates the depth of the current node from the depth at which the
/// tree builder last inserted an element, less the end tags seen since. The
/// estimate is exact after every insertion, so errors never accumulate.
struct DepthGuard {
    tree_builder: TreeBuilder<NodeId, ArenaSink>,
    max_depth: u32,
    end_tags_since_insert: Cell<u32>,
    /// Start tags dropped and not yet matched by an end tag, per name.
    dropped: RefCell<Vec<(LocalName, u32)>>,
    /// The most nodes the tree may hold ([`Options::max_dom_nodes`](crate::Options::max_dom_nodes)).
    max_nodes: usize,
    /// Set once the tree reached `max_nodes`: every later token is dropped.
    over_node_limit: Cell<bool>,
}

impl TokenSink for DepthGuard {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        if self.over_node_limit.get() {
            return TokenSinkResult::Continue;
        }
        if self.tree_builder.sink.nodes.borrow().len() >= self.max_nodes {
            self.over_node_limit.set(true);
            return TokenSinkResult::Continue;
        }
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag if !tag.self_closing && !is_void(&tag.name) => {
                    let last = self.tree_builder.sink.last_insert_depth.get();
                    let depth = last.saturating_sub(self.end_tags_since_insert.get());
                    if depth >= self.max_depth && !switches_tokenizer(&tag.name) {
                        let mut dropped = self.dropped.borrow_mut();
                        match dropped.iter_mut().find(|(n, _)| *n == tag.name) {
                            Some((_, count)) => *count += 1,
                            None => dropped.push((tag.name.clone(), 1)),
                        }
                        return TokenSinkResult::Continue;
                    }
                    self.end_tags_since_insert.set(0);
                }
                TagKind::EndTag => {
                    let mut dropped = self.dropped.borrow_mut();
                    if let Some((_, count)) =
                        dropped.iter_mut().find(|(n, c)| *c > 0 && *n == tag.name)
                    {
                        *count -= 1;
                        return TokenSinkResult::Continue;
                    }
                    self.end_tags_since_insert
                        .set(self.end_tags_since_insert.get() + 1);
                }
                TagKind::StartTag => {}
            }
        }
        match self.tree_builder.process_token(token, line_number) {
            // The page is already decoded; a `<meta charset>` changes nothing.
            TokenSinkResult::EncodingIndicator(_) => TokenSinkResult::Continue,
            other => other,
        }
    }

    fn end(&self) {
        self.tree_builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.tree_builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Builds the arena. Interior mutability because html5ever's sink API takes `&self`.
struct ArenaSink {
    nodes: RefCell<Vec<Node>>,
    /// Depth of each node (document = 0), for the guard.
    depth: RefCell<Vec<u32>>,
    /// Depth of the element most recently inserted.
    last_insert_depth: Cell<u32>,
}

impl ArenaSink {
    fn with_capacity(capacity: usize) -> ArenaSink {
        let mut nodes = Vec::with_capacity(capacity.max(16));
        nodes.push(Node::new(NodeData::Document));
        let mut depth = Vec::with_capacity(capacity.max(16));
        depth.push(0);
        ArenaSink {
            nodes: RefCell::new(nodes),
            depth: RefCell::new(depth),
            last_insert_depth: Cell::new(0),
        }
    }

    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        // An arena of u32 indices: a page with 4 billion nodes is far past
        // any input limit, so saturate rather than wrap.
        let id = NodeId::try_from(nodes.len()).unwrap_or(NONE - 1);
        nodes.push(Node::new(data));
        self.depth.borrow_mut().push(0);
        id
    }

    fn set_depth(&self, child: NodeId, parent: NodeId) {
        let mut depth = self.depth.borrow_mut();
        let d = depth.get(parent as usize).copied().unwrap_or(0) + 1;
        if let Some(slot) = depth.get_mut(child as usize) {
            *slot = d;
        }
        self.last_insert_depth.set(d);
    }

    /// Text goes into the previous text node when there is one.
    fn append_text(&self, parent: NodeId, text: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        let last = nodes[parent as usize].last_child;
        if last != NONE {
            if let NodeData::Text(existing) = &mut nodes[last as usize].data {
                existing.push_tendril(&text);
                return;
            }
        }
        drop(nodes);
        let id = self.push(NodeData::Text(text));
        dom::append(&mut self.nodes.borrow_mut(), parent, id);
    }
}

/// An element's name, as the tree builder asks for it: a borrow of the
/// element in the arena, so no atom is cloned (and dropped) per question;
/// the tree builder asks some 5 times per tag, walking its stack of open
/// elements. html5ever lets a name go before it changes the tree (scraper's
/// sink borrows the same way), so the borrow never meets a `borrow_mut`.
struct Name<'a>(Option<Ref<'a, Element>>);

/// The name of a node that is not an element (never asked for).
static NO_NAMESPACE: Namespace = ns!();
static NO_LOCAL_NAME: LocalName = local_name!("");

impl std::fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.local_name())
    }
}

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        self.0.as_ref().map_or(&NO_NAMESPACE, |e| &e.ns)
    }
    fn local_name(&self) -> &LocalName {
        self.0.as_ref().map_or(&NO_LOCAL_NAME, |e| &e.name)
    }
}

impl TreeSink for ArenaSink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        let element = Ref::filter_map(self.nodes.borrow(), |nodes| {
            match nodes.get(*target as usize).map(|n| &n.data) {
                Some(NodeData::Element(e)) => Some(e),
                _ => None,
            }
        });
        Name(element.ok())
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.push(NodeData::Element(Element {
            name: name.local,
            ns: name.ns,
            attrs,
        }));
        if flags.template {
            // A template's contents live in the fragment right after it.
            self.push(NodeData::Document);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(id) => {
                let mut nodes = self.nodes.borrow_mut();
                dom::detach(&mut nodes, id);
                dom::append(&mut nodes, *parent, id);
                drop(nodes);
                self.set_depth(id, *parent);
            }
            NodeOrText::AppendText(text) => self.append_text(*parent, text),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        target + 1
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let parent = self.nodes.borrow()[*sibling as usize].parent;
        let id = match new_node {
            NodeOrText::AppendNode(id) => {
                dom::detach(&mut self.nodes.borrow_mut(), id);
                id
            }
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let prev = nodes[*sibling as usize].prev_sibling;
                if prev != NONE {
                    if let NodeData::Text(existing) = &mut nodes[prev as usize].data {
                        existing.push_tendril(&text);
                        return;
                    }
                }
                drop(nodes);
                self.push(NodeData::Text(text))
            }
        };
        dom::insert_before(&mut self.nodes.borrow_mut(), *sibling, id);
        if parent != NONE {
            self.set_depth(id, parent);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[*target as usize].data {
            for attr in attrs {
                if !e.attrs.iter().any(|a| a.name == attr.name) {
                    e.attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        dom::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next_sibling;
            dom::detach(&mut nodes, child);
            dom::append(&mut nodes, *new_parent, child);
            child = next;
        }
    }
}

#[cfg(test)]
#[path = "tests/equivalence.rs"]
mod equivalence_tests;

#[cfg(test)]
#[path = "tests/tree.rs"]
mod tests;
