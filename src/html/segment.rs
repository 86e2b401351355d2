//! Stage 3, segment: a pruned [`Dom`] in, a list of text [`Block`]s out.
//!
//! A block is a maximal run of inline text inside one block-level element:
//! a paragraph, heading, list item, table cell, quote, or the loose text of a
//! `div`. Whitespace is collapsed as a browser would render it, `<br><br>`
//! ends a block, and block-level boundaries always separate words, so
//! `<td>a</td><td>b</td>` never reads "ab". Word and link-word counts are
//! taken on the way, as the text is copied once.

use crate::html::dom::{Dom, NodeData, NodeId, DOCUMENT, NONE};
use html5ever::{local_name, LocalName};

/// What kind of element a block's text sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum BlockKind {
    Paragraph,
    Heading(u8),
    ListItem,
    Quote,
    Preformatted,
    TableCell,
    Caption,
    /// Loose text in a generic container (`div`, `section`, ...).
    Text,
}

/// One block of text and the raw counts taken while segmenting.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) text: String,
    pub(crate) kind: BlockKind,
    /// The nearest block-level element around the text.
    pub(crate) container: NodeId,
    /// Whitespace-separated words.
    pub(crate) words: u32,
    /// Words that sit inside a link (`<a href>`).
    pub(crate) link_words: u32,
    /// Characters that are not whitespace.
    pub(crate) chars: u32,
    /// Links and emphasis over byte ranges of `text` (empty, so free, for
    /// the many blocks without any).
    pub(crate) spans: Vec<Span>,
    /// Images (`<img>` elements) met after the previous block and before this one.
    pub(crate) images: Vec<NodeId>,
}

/// An inline mark over `text[start..end]`, recorded as offsets only: the
/// link's URL is read from its element when the block is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) mark: SpanMark,
    /// How many marks were open around it: orders marks over the same range.
    pub(crate) depth: u16,
}

/// What a [`Span`] marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanMark {
    /// An `<a>`, by its element.
    Link(NodeId),
    /// `<em>`, `<i>`.
    Emphasis,
    /// `<strong>`, `<b>`.
    Strong,
}

/// How an element affects segmentation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Inline,
    Block,
    LineBreak,
    Link,
    Pre,
    /// `<em>`, `<i>`, `<strong>`, `<b>`: marked, otherwise inline.
    Mark(SpanMark),
    /// `<img>`: a block boundary that is remembered.
    Image,
}

fn role(name: &LocalName) -> Role {
    match *name {
        local_name!("a") => Role::Link,
        local_name!("em") | local_name!("i") => Role::Mark(SpanMark::Emphasis),
        local_name!("strong") | local_name!("b") => Role::Mark(SpanMark::Strong),
        local_name!("img") => Role::Image,
        local_name!("br") => Role::LineBreak,
        local_name!("pre") | local_name!("listing") | local_name!("plaintext") => Role::Pre,
        local_name!("p")
        | local_name!("div")
        | local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6")
        | local_name!("li")
        | local_name!("ul")
        | local_name!("ol")
        | local_name!("dl")
        | local_name!("dt")
        | local_name!("dd")
        | local_name!("td")
        | local_name!("th")
        | local_name!("tr")
        | local_name!("table")
        | local_name!("tbody")
        | local_name!("thead")
        | local_name!("tfoot")
        | local_name!("caption")
        | local_name!("blockquote")
        | local_name!("section")
        | local_name!("article")
        | local_name!("aside")
        | local_name!("header")
        | local_name!("footer")
        | local_name!("nav")
        | local_name!("main")
        | local_name!("figure")
        | local_name!("figcaption")
        | local_name!("address")
        | local_name!("center")
        | local_name!("details")
        | local_name!("summary")
        | local_name!("dialog")
        | local_name!("fieldset")
        | local_name!("legend")
        | local_name!("form")
        | local_name!("hr")
        | local_name!("menu")
        | local_name!("dir")
        | local_name!("hgroup")
        | local_name!("body")
        | local_name!("html")
        | local_name!("iframe")
        | local_name!("video")
        | local_name!("audio")
        | local_name!("option")
        | local_name!("label")
        | local_name!("button") => Role::Block,
        // Custom elements (`<my-widget>`) are usually laid out as blocks.
        _ if name.contains('-') => Role::Block,
        _ => Role::Inline,
    }
}

fn kind_of(name: &LocalName) -> BlockKind {
    match *name {
        local_name!("p") => BlockKind::Paragraph,
        local_name!("h1") => BlockKind::Heading(1),
        local_name!("h2") => BlockKind::Heading(2),
        local_name!("h3") => BlockKind::Heading(3),
        local_name!("h4") => BlockKind::Heading(4),
        local_name!("h5") => BlockKind::Heading(5),
        local_name!("h6") => BlockKind::Heading(6),
        local_name!("li") | local_name!("dt") | local_name!("dd") => BlockKind::ListItem,
        local_name!("blockquote") => BlockKind::Quote,
        local_name!("pre") | local_name!("listing") => BlockKind::Preformatted,
        local_name!("td") | local_name!("th") => BlockKind::TableCell,
        local_name!("figcaption") | local_name!("caption") => BlockKind::Caption,
        _ => BlockKind::Text,
    }
}

/// Text being gathered for the next block.
struct Pending {
    text: String,
    words: u32,
    link_words: u32,
    chars: u32,
    /// The last character pushed was a (collapsed) space.
    after_space: bool,
    /// A `<br>` was seen since the last text.
    after_break: bool,
    spans: Vec<Span>,
}

impl Pending {
    fn new() -> Pending {
        Pending {
            text: String::new(),
            words: 0,
            link_words: 0,
            chars: 0,
            after_space: true,
            after_break: false,
            spans: Vec::new(),
        }
    }

    fn push_text(&mut self, text: &str, in_link: bool, preformatted: bool) {
        // Room for all of it at once: the block's text grows by doubling
        // from empty otherwise, a reallocation every few words.
        self.text.reserve(text.len());
        for c in text.chars() {
            if c.is_ascii_graphic() {
                // Visible ASCII, most characters: the last branch below,
                // without the tests before it.
                self.push_visible(c, in_link);
                continue;
            }
            if c.is_whitespace() && !(preformatted && c == '\n') {
                if !self.after_space {
                    self.text.push(' ');
                    self.after_space = true;
                }
            } else if c == '\n' {
                while self.text.ends_with(' ') {
                    self.text.pop();
                }
                self.text.push('\n');
                self.after_space = true;
            } else if !is_invisible(c) {
                self.push_visible(c, in_link);
            }
        }
    }

    /// A character that shows: counted, and a word starts after a space.
    #[inline]
    fn push_visible(&mut self, c: char, in_link: bool) {
        if self.after_space {
            self.words += 1;
            if in_link {
                self.link_words += 1;
            }
        }
        self.after_space = false;
        self.after_break = false;
        self.chars += 1;
        self.text.push(c);
    }

    fn line_break(&mut self) {
        if !self.text.is_empty() {
            while self.text.ends_with(' ') {
                self.text.pop();
            }
            self.text.push('\n');
            self.after_space = true;
        }
        self.after_break = true;
    }
}

/// Zero-width characters that render as nothing. (Soft hyphens stay: they
/// are part of the text as written, and matching against it expects them.)
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Gathers blocks during the walk.
struct Segmenter {
    blocks: Vec<Block>,
    pending: Pending,
    /// Open block-level elements, innermost last.
    containers: Vec<NodeId>,
    link_depth: u32,
    pre_depth: u32,
    /// Marks open around the current text: (mark, start offset, block number).
    open: Vec<(SpanMark, u32, u32)>,
    /// How many times a block was cut: a mark closing in another block
    /// than it opened in is not recorded.
    cuts: u32,
    images: Vec<NodeId>,
}

impl Segmenter {
    fn open(&mut self, mark: SpanMark) {
        let start = self.pending.text.len() as u32;
        self.open.push((mark, start, self.cuts));
    }

    fn close(&mut self) {
        if let Some((mark, start, cut)) = self.open.pop() {
            let end = self.pending.text.len() as u32;
            if cut == self.cuts && end > start {
                let depth = self.open.len().min(usize::from(u16::MAX)) as u16;
                self.pending.spans.push(Span {
                    start,
                    end,
                    mark,
                    depth,
                });
            }
        }
    }

    fn flush(&mut self, dom: &Dom) {
        self.cuts = self.cuts.wrapping_add(1);
        let mut pending = std::mem::replace(&mut self.pending, Pending::new());
        if pending.chars == 0 {
            self.pending.text = std::mem::take(&mut pending.text);
            self.pending.text.clear();
            return;
        }
        let trimmed_len = pending.text.trim_end().len();
        pending.text.truncate(trimmed_len);
        for span in &mut pending.spans {
            span.end = span.end.min(trimmed_len as u32);
        }
        let container = self.containers.last().copied().unwrap_or(DOCUMENT);
        let kind = dom
            .element(container)
            .map_or(BlockKind::Text, |e| kind_of(&e.name));
        self.blocks.push(Block {
            text: pending.text,
            kind,
            container,
            words: pending.words,
            link_words: pending.link_words,
            chars: pending.chars,
            spans: pending.spans,
            images: std::mem::take(&mut self.images),
        });
    }
}

/// Split the tree below the document into blocks, in document order.
pub(crate) fn segment(dom: &Dom) -> Vec<Block> {
    let mut seg = Segmenter {
        blocks: Vec::new(),
        pending: Pending::new(),
        containers: Vec::new(),
        link_depth: 0,
        pre_depth: 0,
        open: Vec::new(),
        cuts: 0,
        images: Vec::new(),
    };
    // (node, entering?) pairs: an explicit stack, as pages nest thousands deep.
    let mut stack: Vec<(NodeId, bool)> = vec![(DOCUMENT, true)];
    while let Some((id, entering)) = stack.pop() {
        let node = dom.node(id);
        match &node.data {
            NodeData::Text(text) => {
                seg.pending
                    .push_text(text, seg.link_depth > 0, seg.pre_depth > 0);
                continue;
            }
            NodeData::Element(element) => {
                let role = role(&element.name);
                if entering {
                    match role {
                        Role::Block | Role::Pre => {
                            seg.flush(dom);
                            seg.containers.push(id);
                            if role == Role::Pre {
                                seg.pre_depth += 1;
                            }
                        }
                        Role::LineBreak => {
                            if seg.pending.after_break {
                                seg.flush(dom);
                            } else {
                                seg.pending.line_break();
                            }
                        }
                        Role::Link => {
                            seg.link_depth += 1;
                            seg.open(SpanMark::Link(id));
                        }
                        Role::Mark(mark) => seg.open(mark),
                        Role::Image => {
                            seg.flush(dom);
                            seg.images.push(id);
                        }
                        Role::Inline => {}
                    }
                } else {
                    match role {
                        Role::Block | Role::Pre => {
                            seg.flush(dom);
                            seg.containers.pop();
                            if role == Role::Pre {
                                seg.pre_depth -= 1;
                            }
                        }
                        Role::Link => {
                            seg.link_depth = seg.link_depth.saturating_sub(1);
                            seg.close();
                        }
                        Role::Mark(_) => seg.close(),
                        Role::Image => seg.flush(dom),
                        Role::LineBreak | Role::Inline => {}
                    }
                    continue;
                }
            }
            NodeData::Document if !entering => continue,
            NodeData::Document => {}
            NodeData::Other => continue,
        }
        stack.push((id, false));
        let mut child = node.last_child;
        while child != NONE {
            stack.push((child, true));
            child = dom.node(child).prev_sibling;
        }
    }
    seg.flush(dom);
    seg.blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    fn texts(html: &str) -> Vec<String> {
        segment(&parse(html, 512))
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn cells_and_breaks_never_glue_words() {
        assert_eq!(
            texts("<table><tr><td>a</td><td>b</td></tr></table>"),
            ["a", "b"]
        );
        assert_eq!(texts("<p>one<br>two</p>"), ["one\ntwo"]);
        assert_eq!(texts("<div>one<br><br>two</div>"), ["one", "two"]);
    }

    #[test]
    fn inline_markup_keeps_words_whole() {
        assert_eq!(
            texts("<p>in<b>line</b>  text &amp;\n more</p>"),
            ["inline text & more"]
        );
    }

    #[test]
    fn loose_text_around_paragraphs_is_its_own_block() {
        assert_eq!(
            texts("<div>before<p>para</p>after</div>"),
            ["before", "para", "after"]
        );
    }

    #[test]
    fn counts_link_words() {
        let blocks = segment(&parse("<p>read <a href=x>two words</a> here</p>", 512));
        assert_eq!((blocks[0].words, blocks[0].link_words), (4, 2));
    }

    #[test]
    fn preformatted_keeps_lines() {
        assert_eq!(texts("<pre>a  b\nc</pre>"), ["a b\nc"]);
    }
}
