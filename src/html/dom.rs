//! The document tree: an arena of nodes linked by index.
//!
//! Built once by [`parse`](crate::html::parse) and then only read (pruning unlinks
//! subtrees). Text is kept as html5ever's reference-counted tendrils, so no
//! text is copied while the tree is built.

use html5ever::tendril::StrTendril;
use html5ever::{local_name, ns, Attribute, LocalName, Namespace};

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = u32;

/// The "no node" link.
pub(crate) const NONE: NodeId = u32::MAX;

/// The document node is always the first.
pub(crate) const DOCUMENT: NodeId = 0;

/// One node: its links and its data.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) parent: NodeId,
    pub(crate) first_child: NodeId,
    pub(crate) last_child: NodeId,
    pub(crate) prev_sibling: NodeId,
    pub(crate) next_sibling: NodeId,
    pub(crate) data: NodeData,
}

/// What a node holds.
#[derive(Debug, Clone)]
pub(crate) enum NodeData {
    /// The document root, or a template's content fragment.
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, doctypes and processing instructions: kept only as placeholders.
    Other,
}

/// An element: its name and attributes as the tokenizer gave them.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub(crate) name: LocalName,
    pub(crate) ns: Namespace,
    pub(crate) attrs: Vec<Attribute>,
}

impl Element {
    /// The value of attribute `name` (no namespace), if present.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        // Comparing atoms is one integer comparison; reading an atom's text
        // is a table lookup, so the namespace is checked as an atom first.
        self.attrs
            .iter()
            .find(|a| a.name.ns == ns!() && &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// [`attr`](Self::attr) by the attribute's interned name
    /// (`local_name!("class")`): no string comparisons, for the hot loops.
    pub(crate) fn attr_named(&self, name: &LocalName) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.local == *name && a.name.ns == ns!())
            .map(|a| &*a.value)
    }
}

/// The parsed document.
#[derive(Debug, Clone)]
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
}

impl Node {
    pub(crate) fn new(data: NodeData) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
            data,
        }
    }

    /// The element data, if this node is an element.
    pub(crate) fn element(&self) -> Option<&Element> {
        match &self.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }
}

impl Dom {
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The element at `id`, if it is one.
    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        self.nodes.get(id as usize).and_then(Node::element)
    }

    /// Children of `id`, in order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(id).first_child,
        }
    }

    /// Whether `id` is `ancestor` or inside it.
    pub(crate) fn is_within(&self, mut id: NodeId, ancestor: NodeId) -> bool {
        while id != NONE {
            if id == ancestor {
                return true;
            }
            id = self.node(id).parent;
        }
        false
    }

    /// Unlink `id` (and so its subtree) from its parent.
    pub(crate) fn detach(&mut self, id: NodeId) {
        detach(&mut self.nodes, id);
    }

    /// The first element named `name` in document order.
    #[cfg(test)]
    pub(crate) fn find_first(&self, name: &str) -> Option<NodeId> {
        let mut stack = vec![DOCUMENT];
        while let Some(id) = stack.pop() {
            let node = self.node(id);
            if node.element().is_some_and(|e| &*e.name == name) {
                return Some(id);
            }
            let mut child = node.last_child;
            while child != NONE {
                stack.push(child);
                child = self.node(child).prev_sibling;
            }
        }
        None
    }

    /// The ancestors of `id` as `tag#id.class` steps from the root down,
    /// e.g. `body > div#main.page > article.post > p`.
    pub(crate) fn path_of(&self, id: NodeId) -> String {
        let mut steps = Vec::new();
        let mut cur = id;
        while cur != NONE {
            if let Some(e) = self.element(cur) {
                if matches!(&*e.name, "html") {
                    break;
                }
                let mut step = e.name.to_string();
                if let Some(i) = e.attr_named(&local_name!("id")).filter(|v| !v.is_empty()) {
                    step.push('#');
                    step.push_str(i);
                }
                for class in e
                    .attr_named(&local_name!("class"))
                    .unwrap_or("")
                    .split_whitespace()
                {
                    step.push('.');
                    step.push_str(class);
                }
                steps.push(step);
            }
            cur = self.node(cur).parent;
        }
        steps.reverse();
        steps.join(" > ")
    }

    /// All the text below `id`, whitespace collapsed.
    pub(crate) fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            let node = self.node(n);
            if let NodeData::Text(t) = &node.data {
                out.push_str(t);
                out.push(' ');
            }
            let mut child = node.last_child;
            while child != NONE {
                stack.push(child);
                child = self.node(child).prev_sibling;
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Iterator over a node's children.
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.node(id).next_sibling;
        Some(id)
    }
}

/// Unlink `id` from its parent and siblings (used by the tree builder too).
pub(crate) fn detach(nodes: &mut [Node], id: NodeId) {
    let (parent, prev, next) = {
        let n = &nodes[id as usize];
        (n.parent, n.prev_sibling, n.next_sibling)
    };
    if parent == NONE {
        return;
    }
    if prev != NONE {
        nodes[prev as usize].next_sibling = next;
    } else {
        nodes[parent as usize].first_child = next;
    }
    if next != NONE {
        nodes[next as usize].prev_sibling = prev;
    } else {
        nodes[parent as usize].last_child = prev;
    }
    let n = &mut nodes[id as usize];
    n.parent = NONE;
    n.prev_sibling = NONE;
    n.next_sibling = NONE;
}

/// Append `child` (already detached) as the last child of `parent`.
pub(crate) fn append(nodes: &mut [Node], parent: NodeId, child: NodeId) {
    let last = nodes[parent as usize].last_child;
    {
        let c = &mut nodes[child as usize];
        c.parent = parent;
        c.prev_sibling = last;
        c.next_sibling = NONE;
    }
    if last != NONE {
        nodes[last as usize].next_sibling = child;
    } else {
        nodes[parent as usize].first_child = child;
    }
    nodes[parent as usize].last_child = child;
}

/// Insert `child` (already detached) just before `sibling`.
pub(crate) fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
    let (parent, prev) = {
        let s = &nodes[sibling as usize];
        (s.parent, s.prev_sibling)
    };
    if parent == NONE {
        return;
    }
    {
        let c = &mut nodes[child as usize];
        c.parent = parent;
        c.prev_sibling = prev;
        c.next_sibling = sibling;
    }
    nodes[sibling as usize].prev_sibling = child;
    if prev != NONE {
        nodes[prev as usize].next_sibling = child;
    } else {
        nodes[parent as usize].first_child = child;
    }
}
