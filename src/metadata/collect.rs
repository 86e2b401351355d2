//! One walk of the parsed tree that gathers every metadata signal: head
//! `<meta>` and `<link>` tags, JSON-LD blocks, microdata, `<time>`
//! elements, byline and date elements, headings and tag links. Deciding
//! between them is left to the other modules.

use super::dom_text::{
    find_prop, has_word, is_author_href, raw_text, says, text_skipping, text_within,
};
use super::markers::{FlagsMemo, Marks};
use super::signals::{Byline, BylineKind, Heading, Regions, Signals, TimeMark};
use super::vocab::Vocab;
use crate::html::dom::{Dom, NodeData, NodeId, DOCUMENT, NONE};
use html5ever::local_name;
use std::collections::HashSet;

/// Texts longer than this are not bylines.
const MAX_BYLINE_CHARS: usize = 200;
/// Texts longer than this are not dates.
const MAX_DATE_CHARS: usize = 120;
/// Headings longer than this are not titles.
const MAX_HEADING_CHARS: usize = 400;
/// How many of each kind of candidate are kept.
const MAX_CANDIDATES: usize = 32;
/// How many headings are kept.
const MAX_HEADINGS: usize = 32;
/// How much text before and after each heading is kept, in bytes.
const NEAR_BYTES: usize = 240;
/// How many short texts with digits are kept as the last place to look for
/// a date; many are menus and footers, dropped after the walk.
const MAX_LOOSE_TEXTS: usize = 400;

/// Context carried down the walk.
#[derive(Clone, Copy)]
struct Ctx {
    pub(crate) regions: Regions,
    in_article: bool,
    /// Inside a byline already taken.
    in_byline: bool,
}

impl Default for Ctx {
    fn default() -> Ctx {
        Ctx {
            regions: [NONE; 2],
            in_article: false,
            in_byline: false,
        }
    }
}

/// One step of the walk: enter a node, or leave heading number `i`.
enum Step {
    Enter(NodeId, Ctx),
    LeaveHeading(usize),
}

/// Walk the tree once and gather every signal, in three named steps per
/// node: its text ([`Walk::text`]), its element ([`Walk::element`]: regions,
/// head tags, headings, times, links, then class and microdata marks), and
/// finally the signals of other texts' regions dropped ([`Walk::finish`]).
pub(crate) fn collect(dom: &Dom, vocab: &Vocab) -> Signals {
    let mut walk = Walk {
        dom,
        vocab,
        s: Signals::default(),
        recent: String::new(),
        reading_after: Vec::new(),
        h1_ancestors: HashSet::new(),
        date_texts: Vec::new(),
        loose_texts: Vec::new(),
        tag_links: Vec::new(),
        category_links: Vec::new(),
        memo: FlagsMemo::new(),
    };
    let mut stack = vec![Step::Enter(DOCUMENT, Ctx::default())];
    while let Some(step) = stack.pop() {
        let (id, mut ctx) = match step {
            Step::Enter(id, ctx) => (id, ctx),
            Step::LeaveHeading(i) => {
                walk.reading_after.push(i);
                continue;
            }
        };
        let node = dom.node(id);
        let mut leave_heading = None;
        match &node.data {
            // Whitespace between elements (most text nodes of a page) holds
            // no words and no date: nothing below would change.
            NodeData::Text(t) if !t.bytes().all(|b| b.is_ascii_whitespace()) => {
                walk.text(t, ctx.regions);
            }
            NodeData::Element(_) => match walk.element(id, &mut ctx) {
                Some(heading) => leave_heading = heading,
                // Head tags, scripts and styles: their children are read.
                None => continue,
            },
            _ => {}
        }
        if let Some(i) = leave_heading {
            stack.push(Step::LeaveHeading(i));
        }
        let mut child = node.last_child;
        while child != NONE {
            stack.push(Step::Enter(child, ctx));
            child = dom.node(child).prev_sibling;
        }
    }
    walk.finish()
}

/// The walk's state: the signals so far and what later nodes need.
struct Walk<'a> {
    dom: &'a Dom,
    vocab: &'a Vocab,
    s: Signals,
    /// The last text seen.
    recent: String,
    /// The headings whose following text is being read.
    reading_after: Vec<usize>,
    /// Ancestors of every <h1>, to tell page wrappers from regions.
    h1_ancestors: HashSet<NodeId>,
    date_texts: Vec<(String, Regions)>,
    loose_texts: Vec<(String, Regions)>,
    tag_links: Vec<(String, Regions)>,
    category_links: Vec<(String, Regions)>,
    memo: FlagsMemo<'a>,
}

impl<'a> Walk<'a> {
    /// A text node: a date may open it; its words feed the text before
    /// the next heading and after the open ones.
    fn text(&mut self, t: &str, regions: Regions) {
        // A date opens a text, or is all of it: keep the start.
        let head = t.trim_start();
        let mut cut = head.len().min(MAX_DATE_CHARS);
        while !head.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &head[..cut];
        if self.loose_texts.len() < MAX_LOOSE_TEXTS && head.bytes().any(|b| b.is_ascii_digit()) {
            self.loose_texts.push((head.to_string(), regions));
        }
        for word in t.split_whitespace() {
            push_word(&mut self.recent, word);
            if !self.reading_after.is_empty() {
                let headings = &mut self.s.headings;
                self.reading_after.retain(|&i| {
                    let after = &mut headings[i].after;
                    push_word(after, word);
                    after.len() < NEAR_BYTES
                });
            }
        }
        if self.recent.len() > 2 * NEAR_BYTES {
            let mut cut = self.recent.len() - NEAR_BYTES;
            while !self.recent.is_char_boundary(cut) {
                cut += 1;
            }
            self.recent.drain(..cut);
        }
    }

    /// An element: the regions it opens, then what its tag says. `None`
    /// when its children are not to be read (head tags, scripts, styles),
    /// else the heading it opens, if any.
    fn element(&mut self, id: NodeId, ctx: &mut Ctx) -> Option<Option<usize>> {
        let dom = self.dom;
        let e = dom.element(id)?;
        let name = &e.name;
        // Regions: comments, related stories, menus, page footers.
        let class = e.attr_named(&local_name!("class")).unwrap_or("");
        let eid = e.attr_named(&local_name!("id")).unwrap_or("");
        let page = matches!(*name, local_name!("html") | local_name!("body"));
        let marks = if page || (class.is_empty() && eid.is_empty()) {
            Default::default()
        } else {
            self.memo.marks(self.vocab.markers(), class, eid)
        };
        if *name == local_name!("article") {
            self.s.articles += 1;
            ctx.in_article = true;
            ctx.regions[1] = NONE;
        }
        if marks.skip {
            ctx.regions[0] = id;
        }
        let outside_tag = matches!(
            *name,
            local_name!("nav") | local_name!("footer") | local_name!("aside")
        );
        if (marks.outside || outside_tag) && !ctx.in_article {
            ctx.regions[1] = id;
        }
        if let Some(types) = e.attr_named(&local_name!("itemtype")) {
            for t in types.split_whitespace() {
                if self.s.item_types.len() < MAX_CANDIDATES {
                    self.s
                        .item_types
                        .push(t.rsplit('/').next().unwrap_or(t).to_string());
                }
            }
        }
        if *name == local_name!("h1") && self.s.first_h1.is_none() {
            self.s.first_h1 = Some(dom.text_of(id)).filter(|t| !t.is_empty());
        }
        if self.head_tag(id) {
            return None;
        }
        let leave_heading = self.tag(id, *ctx);
        self.marked(id, class, marks, ctx);
        Some(leave_heading)
    }

    /// `<html lang>`, `<meta>`, `<link>`, `<title>`, `<script>` and the
    /// tags whose text is not the page's; true when the children are not
    /// to be read.
    fn head_tag(&mut self, id: NodeId) -> bool {
        let dom = self.dom;
        let Some(e) = dom.element(id) else {
            return false;
        };
        let s = &mut self.s;
        match e.name {
            local_name!("html") if s.html_lang.is_none() => {
                s.html_lang = e.attr("lang").map(str::to_string);
                false
            }
            local_name!("meta") => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr_named(&local_name!("itemprop")))
                    .or_else(|| e.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, e.attr("content")) {
                    let content = content.trim();
                    if !content.is_empty() && s.metas.len() < 1000 {
                        s.metas
                            .push((key.trim().to_ascii_lowercase(), content.to_string()));
                    }
                }
                true
            }
            local_name!("link") => {
                let rel = e.attr("rel").unwrap_or("");
                let href = e.attr("href").map(str::trim).filter(|h| !h.is_empty());
                if let Some(href) = href {
                    if has_word(rel, "canonical") && s.canonical.is_none() {
                        s.canonical = Some(href.to_string());
                    } else if has_word(rel, "image_src") && s.image_src.is_none() {
                        s.image_src = Some(href.to_string());
                    }
                }
                true
            }
            local_name!("title") if s.title_tag.is_none() => {
                s.title_tag = Some(dom.text_of(id)).filter(|t| !t.is_empty());
                true
            }
            local_name!("script") => {
                let ty = e.attr("type").unwrap_or("");
                if ty.to_ascii_lowercase().contains("ld+json") && s.ld_json.len() < 64 {
                    s.ld_json.push(raw_text(dom, id));
                }
                true
            }
            local_name!("style") | local_name!("svg") | local_name!("template") => true,
            _ => false,
        }
    }

    /// Headings, `<time>` and links in the body; the heading opened, if any.
    fn tag(&mut self, id: NodeId, ctx: Ctx) -> Option<usize> {
        let dom = self.dom;
        let e = dom.element(id)?;
        match e.name {
            local_name!("h1") | local_name!("h2") | local_name!("h3")
                if self.s.headings.len() < MAX_HEADINGS =>
            {
                return self.heading(id, ctx);
            }
            local_name!("time") if self.s.times.len() < MAX_CANDIDATES => {
                let class = e.attr_named(&local_name!("class")).unwrap_or("");
                let itemprop = e.attr_named(&local_name!("itemprop")).unwrap_or("");
                let value = e
                    .attr("datetime")
                    .map(str::to_string)
                    .or_else(|| text_within(dom, id, MAX_DATE_CHARS));
                if let Some(value) = value {
                    self.s.times.push(TimeMark {
                        value,
                        published: has_word(itemprop, "datePublished")
                            || e.attr("pubdate").is_some()
                            || says(class, &["publish", "posted", "created"]),
                        modified: has_word(itemprop, "dateModified")
                            || says(class, &["update", "modified", "edited"]),
                        regions: ctx.regions,
                    });
                }
            }
            local_name!("a") => self.link(id, ctx),
            _ => {}
        }
        None
    }

    /// An `<h1>` to `<h3>`: its text, level and the text before it; the
    /// text after it is read as the walk goes on.
    fn heading(&mut self, id: NodeId, ctx: Ctx) -> Option<usize> {
        let dom = self.dom;
        let e = dom.element(id)?;
        if e.name == local_name!("h1") {
            let mut up = dom.node(id).parent;
            while up != NONE && self.h1_ancestors.insert(up) {
                up = dom.node(up).parent;
            }
        }
        let text = text_skipping(dom, id, MAX_HEADING_CHARS, Some(self.vocab));
        let text = text.filter(|t| !t.is_empty())?;
        let level = match e.name {
            local_name!("h1") => 1,
            local_name!("h2") => 2,
            _ => 3,
        };
        self.s.headings.push(Heading {
            text,
            level,
            in_article: ctx.in_article,
            before: self.recent.clone(),
            after: String::new(),
            regions: ctx.regions,
        });
        Some(self.s.headings.len() - 1)
    }

    /// An `<a>`: a tag or category link, or an author link.
    fn link(&mut self, id: NodeId, ctx: Ctx) {
        let dom = self.dom;
        let Some(e) = dom.element(id) else { return };
        let rel = e.attr("rel").unwrap_or("");
        let href = e.attr("href").unwrap_or("");
        if has_word(rel, "tag") || has_word(rel, "category") {
            let list = if has_word(rel, "category") {
                &mut self.category_links
            } else {
                &mut self.tag_links
            };
            if let Some(text) = text_within(dom, id, 100).filter(|t| !t.is_empty()) {
                if list.len() < 64 {
                    list.push((text, ctx.regions));
                }
            }
        } else if !ctx.in_byline
            && (has_word(rel, "author") || is_author_href(href))
            && self.s.bylines.len() < MAX_CANDIDATES
        {
            if let Some(text) = text_within(dom, id, MAX_BYLINE_CHARS) {
                self.s.bylines.push(Byline {
                    kind: BylineKind::Link,
                    text,
                    regions: ctx.regions,
                });
            }
        }
    }

    /// What any element's microdata and byline or date class say.
    fn marked(&mut self, id: NodeId, class: &str, marks: Marks, ctx: &mut Ctx) {
        let dom = self.dom;
        let Some(e) = dom.element(id) else { return };
        let s = &mut self.s;
        let itemprop = e.attr_named(&local_name!("itemprop")).unwrap_or("");
        if !itemprop.is_empty() {
            microdata(dom, id, itemprop, ctx.regions, s);
            if has_word(itemprop, "author") || has_word(itemprop, "creator") {
                ctx.in_byline = true;
            }
        }
        if marks.author && !ctx.in_byline && s.bylines.len() < MAX_CANDIDATES {
            if let Some(text) = text_within(dom, id, MAX_BYLINE_CHARS) {
                s.bylines.push(Byline {
                    kind: BylineKind::Class,
                    text,
                    regions: ctx.regions,
                });
                ctx.in_byline = true;
            }
        }
        if marks.date && self.date_texts.len() < MAX_CANDIDATES {
            if let Some(text) = text_within(dom, id, MAX_DATE_CHARS) {
                self.date_texts.push((text, ctx.regions));
            }
            // hAtom: <abbr class="published" title="2020-04-28T21:11:00+02:00">
            if let Some(title) = e.attr("title").filter(|_| s.times.len() < MAX_CANDIDATES) {
                let published = says(class, &["published"]);
                let modified = says(class, &["updated", "modified"]);
                if published || modified {
                    s.times.push(TimeMark {
                        value: title.to_string(),
                        published,
                        modified,
                        regions: ctx.regions,
                    });
                }
            }
        }
    }

    /// The signals, without what belongs to regions of other texts.
    fn finish(self) -> Signals {
        let mut s = self.s;
        let h1_ancestors = self.h1_ancestors;
        let own = |r: &Regions| r.iter().all(|&n| n == NONE || h1_ancestors.contains(&n));
        s.bylines.retain(|b| own(&b.regions));
        s.times.retain(|t| own(&t.regions));
        s.headings.retain(|h| own(&h.regions));
        let keep = |list: Vec<(String, Regions)>, unique: bool| {
            let mut out: Vec<String> = Vec::new();
            for (text, regions) in list {
                if own(&regions) && !(unique && out.contains(&text)) {
                    out.push(text);
                }
            }
            out
        };
        s.date_texts = keep(self.date_texts, false);
        s.loose_texts = keep(self.loose_texts, false);
        s.tag_links = keep(self.tag_links, true);
        s.category_links = keep(self.category_links, true);
        s
    }
}

/// Append `word` to `text`, space-separated.
fn push_word(text: &mut String, word: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(word);
}

/// Microdata properties the metadata reader uses.
fn microdata(dom: &Dom, id: NodeId, itemprop: &str, regions: Regions, s: &mut Signals) {
    let Some(e) = dom.element(id) else { return };
    let value = |prop: &str| {
        e.attr("content")
            .or_else(|| e.attr("datetime"))
            .or_else(|| e.attr("title").filter(|_| prop.starts_with("date")))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    for prop in itemprop.split_whitespace() {
        match prop {
            "author" | "creator" if s.bylines.len() < MAX_CANDIDATES => {
                let text = value(prop)
                    .or_else(|| {
                        find_prop(dom, id, "name")
                            .and_then(|n| text_within(dom, n, MAX_BYLINE_CHARS))
                    })
                    .or_else(|| text_within(dom, id, MAX_BYLINE_CHARS));
                if let Some(text) = text {
                    s.bylines.push(Byline {
                        kind: BylineKind::Itemprop,
                        text,
                        regions,
                    });
                }
            }
            "datePublished" | "dateModified" | "dateCreated"
                if e.name != local_name!("time") && s.times.len() < MAX_CANDIDATES =>
            {
                if let Some(v) = value(prop).or_else(|| text_within(dom, id, MAX_DATE_CHARS)) {
                    s.times.push(TimeMark {
                        value: v,
                        published: prop != "dateModified",
                        modified: prop == "dateModified",
                        regions,
                    });
                }
            }
            "headline" if s.headline.is_none() && regions == [NONE; 2] => {
                s.headline = value(prop).or_else(|| text_within(dom, id, MAX_HEADING_CHARS));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "collect_tests.rs"]
mod tests;
