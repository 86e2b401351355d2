//! One walk of the parsed tree that gathers every metadata signal: head
//! `<meta>` and `<link>` tags, JSON-LD blocks, microdata, `<time>`
//! elements, byline and date elements, headings and tag links. Deciding
//! between them is left to the other modules.

use super::dom_text::{
    find_prop, has_word, is_author_href, raw_text, says, text_skipping, text_within,
};
use super::markers::FlagsMemo;
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

/// Where a byline candidate came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum BylineKind {
    /// `itemprop="author"` (or `creator`).
    Itemprop,
    /// `rel="author"`, or a link to an author page (`/author/jane`).
    Link,
    /// An element whose class or id says author or byline.
    Class,
}

/// The innermost ancestors marked as a region of other texts: a "skip"
/// region (comments, related stories) and an "outside" one (menus, page
/// footers), or [`NONE`]. A candidate in a region is dropped at the end of
/// the walk unless the region holds an `<h1>`: wrappers of the whole page
/// are named `with-navigation` or `pageLayout--related` too.
pub(crate) type Regions = [NodeId; 2];

/// A byline candidate.
#[derive(Debug, Clone)]
pub(crate) struct Byline {
    pub(crate) kind: BylineKind,
    pub(crate) text: String,
    pub(crate) regions: Regions,
}

/// A `<time>` element or an element with a date `itemprop`.
#[derive(Debug, Clone)]
pub(crate) struct TimeMark {
    /// The `datetime` or `content` value, else the text.
    pub(crate) value: String,
    /// Marked as the publication date (`itemprop="datePublished"`,
    /// `pubdate`, a class saying published).
    pub(crate) published: bool,
    /// Marked as the modification date.
    pub(crate) modified: bool,
    pub(crate) regions: Regions,
}

/// A heading (`h1` to `h3`), whether it is inside an `<article>`, and the
/// page text just before and just after it, where pages show the date.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub(crate) text: String,
    pub(crate) level: u8,
    pub(crate) in_article: bool,
    pub(crate) before: String,
    pub(crate) after: String,
    pub(crate) regions: Regions,
}

/// Everything the walk found, in document order.
#[derive(Debug, Default)]
pub(crate) struct Signals {
    pub(crate) html_lang: Option<String>,
    /// `<meta>` tags as (key, content); the key is the `property`, `name`,
    /// `itemprop` or `http-equiv`, lowercased.
    pub(crate) metas: Vec<(String, String)>,
    pub(crate) ld_json: Vec<String>,
    pub(crate) title_tag: Option<String>,
    /// The text of the first `<h1>` anywhere.
    pub(crate) first_h1: Option<String>,
    pub(crate) headings: Vec<Heading>,
    /// The text of the first `itemprop="headline"` element.
    pub(crate) headline: Option<String>,
    pub(crate) canonical: Option<String>,
    pub(crate) image_src: Option<String>,
    pub(crate) bylines: Vec<Byline>,
    pub(crate) times: Vec<TimeMark>,
    /// Texts of elements whose class says date.
    pub(crate) date_texts: Vec<String>,
    /// Short texts with a digit, anywhere in the body, in page order.
    pub(crate) loose_texts: Vec<String>,
    /// `rel="tag"` link texts.
    pub(crate) tag_links: Vec<String>,
    /// `rel="category"` link texts.
    pub(crate) category_links: Vec<String>,
    /// Microdata `itemtype` names (`NewsArticle`), in order.
    pub(crate) item_types: Vec<String>,
    /// How many `<article>` elements the page has.
    pub(crate) articles: usize,
}

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

/// Walk `dom` once and gather the signals.
pub(crate) fn collect(dom: &Dom, vocab: &Vocab) -> Signals {
    let mut s = Signals::default();
    // The last text seen, and the headings whose following text is read.
    let mut recent = String::new();
    let mut reading_after: Vec<usize> = Vec::new();
    let mut stack = vec![Step::Enter(DOCUMENT, Ctx::default())];
    // Ancestors of every <h1>, to tell page wrappers from regions.
    let mut h1_ancestors: HashSet<NodeId> = HashSet::new();
    let mut date_texts: Vec<(String, Regions)> = Vec::new();
    let mut loose_texts: Vec<(String, Regions)> = Vec::new();
    let mut tag_links: Vec<(String, Regions)> = Vec::new();
    let mut category_links: Vec<(String, Regions)> = Vec::new();
    let mut memo = FlagsMemo::new();
    while let Some(step) = stack.pop() {
        let (id, mut ctx) = match step {
            Step::Enter(id, ctx) => (id, ctx),
            Step::LeaveHeading(i) => {
                reading_after.push(i);
                continue;
            }
        };
        let node = dom.node(id);
        let mut leave_heading = None;
        // Whitespace between elements (most text nodes of a page) holds no
        // words and no date: nothing below would change.
        let text = match &node.data {
            NodeData::Text(t) if !t.bytes().all(|b| b.is_ascii_whitespace()) => Some(t),
            _ => None,
        };
        if let Some(t) = text {
            // A date opens a text, or is all of it: keep the start.
            let head = t.trim_start();
            let mut cut = head.len().min(MAX_DATE_CHARS);
            while !head.is_char_boundary(cut) {
                cut -= 1;
            }
            let head = &head[..cut];
            if loose_texts.len() < MAX_LOOSE_TEXTS && head.bytes().any(|b| b.is_ascii_digit()) {
                loose_texts.push((head.to_string(), ctx.regions));
            }
            for word in t.split_whitespace() {
                push_word(&mut recent, word);
                if !reading_after.is_empty() {
                    reading_after.retain(|&i| {
                        let after = &mut s.headings[i].after;
                        push_word(after, word);
                        after.len() < NEAR_BYTES
                    });
                }
            }
            if recent.len() > 2 * NEAR_BYTES {
                let mut cut = recent.len() - NEAR_BYTES;
                while !recent.is_char_boundary(cut) {
                    cut += 1;
                }
                recent.drain(..cut);
            }
        }
        if let NodeData::Element(e) = &node.data {
            let name = &e.name;
            // Regions: comments, related stories, menus, page footers.
            let class = e.attr_named(&local_name!("class")).unwrap_or("");
            let eid = e.attr_named(&local_name!("id")).unwrap_or("");
            let page = matches!(*name, local_name!("html") | local_name!("body"));
            let marks = if page || (class.is_empty() && eid.is_empty()) {
                Default::default()
            } else {
                memo.marks(vocab.markers(), class, eid)
            };
            if *name == local_name!("article") {
                s.articles += 1;
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
                    if s.item_types.len() < MAX_CANDIDATES {
                        s.item_types
                            .push(t.rsplit('/').next().unwrap_or(t).to_string());
                    }
                }
            }
            let itemprop = e.attr_named(&local_name!("itemprop")).unwrap_or("");
            if *name == local_name!("h1") && s.first_h1.is_none() {
                s.first_h1 = Some(dom.text_of(id)).filter(|t| !t.is_empty());
            }
            match *name {
                local_name!("html") if s.html_lang.is_none() => {
                    s.html_lang = e.attr("lang").map(str::to_string);
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
                    continue;
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
                    continue;
                }
                local_name!("title") if s.title_tag.is_none() => {
                    s.title_tag = Some(dom.text_of(id)).filter(|t| !t.is_empty());
                    continue;
                }
                local_name!("script") => {
                    let ty = e.attr("type").unwrap_or("");
                    if ty.to_ascii_lowercase().contains("ld+json") && s.ld_json.len() < 64 {
                        s.ld_json.push(raw_text(dom, id));
                    }
                    continue;
                }
                local_name!("style") | local_name!("svg") | local_name!("template") => continue,
                local_name!("h1") | local_name!("h2") | local_name!("h3")
                    if s.headings.len() < MAX_HEADINGS =>
                {
                    if *name == local_name!("h1") {
                        let mut up = node.parent;
                        while up != NONE && h1_ancestors.insert(up) {
                            up = dom.node(up).parent;
                        }
                    }
                    let text = text_skipping(dom, id, MAX_HEADING_CHARS, Some(vocab));
                    if let Some(text) = text.filter(|t| !t.is_empty()) {
                        let level = match *name {
                            local_name!("h1") => 1,
                            local_name!("h2") => 2,
                            _ => 3,
                        };
                        leave_heading = Some(s.headings.len());
                        s.headings.push(Heading {
                            text,
                            level,
                            in_article: ctx.in_article,
                            before: recent.clone(),
                            after: String::new(),
                            regions: ctx.regions,
                        });
                    }
                }
                local_name!("time") if s.times.len() < MAX_CANDIDATES => {
                    let value = e
                        .attr("datetime")
                        .map(str::to_string)
                        .or_else(|| text_within(dom, id, MAX_DATE_CHARS));
                    if let Some(value) = value {
                        s.times.push(TimeMark {
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
                local_name!("a") => {
                    let rel = e.attr("rel").unwrap_or("");
                    let href = e.attr("href").unwrap_or("");
                    if has_word(rel, "tag") || has_word(rel, "category") {
                        let list = if has_word(rel, "category") {
                            &mut category_links
                        } else {
                            &mut tag_links
                        };
                        if let Some(text) = text_within(dom, id, 100).filter(|t| !t.is_empty()) {
                            if list.len() < 64 {
                                list.push((text, ctx.regions));
                            }
                        }
                    } else if !ctx.in_byline
                        && (has_word(rel, "author") || is_author_href(href))
                        && s.bylines.len() < MAX_CANDIDATES
                    {
                        if let Some(text) = text_within(dom, id, MAX_BYLINE_CHARS) {
                            s.bylines.push(Byline {
                                kind: BylineKind::Link,
                                text,
                                regions: ctx.regions,
                            });
                        }
                    }
                }
                _ => {}
            }
            // Microdata on any element.
            if !itemprop.is_empty() {
                microdata(dom, id, itemprop, ctx.regions, &mut s);
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
            if marks.date && date_texts.len() < MAX_CANDIDATES {
                if let Some(text) = text_within(dom, id, MAX_DATE_CHARS) {
                    date_texts.push((text, ctx.regions));
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
        if let Some(i) = leave_heading {
            stack.push(Step::LeaveHeading(i));
        }
        let mut child = node.last_child;
        while child != NONE {
            stack.push(Step::Enter(child, ctx));
            child = dom.node(child).prev_sibling;
        }
    }
    // Drop what belongs to regions of other texts.
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
    s.date_texts = keep(date_texts, false);
    s.loose_texts = keep(loose_texts, false);
    s.tag_links = keep(tag_links, true);
    s.category_links = keep(category_links, true);
    s
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
