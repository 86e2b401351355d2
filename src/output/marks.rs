//! Inline structure of kept blocks: links, emphasis and images, with their
//! URLs resolved and checked. Runs in `assemble`, on kept blocks only, so
//! the segmenter records nothing but offsets and element ids.

use crate::html::dom::{Dom, NodeId, DOCUMENT, NONE};
use crate::html::segment::{Block, SpanMark};
use crate::model::article::{Mark, Span};
use html5ever::local_name;
use url::Url;

/// Schemes a link may keep; anything else (`javascript:`, `data:`,
/// `vbscript:`, `file:`...) drops the link, its text stays.
const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Schemes an image may keep (no `data:`: inline images are mostly
/// placeholders of lazy loading, and can carry scripts in SVG).
const IMAGE_SCHEMES: &[&str] = &["http", "https"];

/// Resolves relative URLs against the page's base.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    base: Option<Url>,
}

impl Resolver {
    /// The base is `<base href>` (itself resolved against what follows),
    /// else the first of `fallbacks` that is an `http(s)` URL (the URL the
    /// page was fetched from, its canonical URL, the caller's default).
    /// Only `http(s)` bases count: a `<base href="javascript:...">` is ignored.
    pub(crate) fn new(base_href: Option<&str>, fallbacks: &[Option<&str>]) -> Self {
        let web = |u: Url| matches!(u.scheme(), "http" | "https").then_some(u);
        let fallback = fallbacks
            .iter()
            .flatten()
            .find_map(|f| Url::parse(f.trim()).ok().and_then(web));
        let base = match base_href.map(str::trim) {
            Some(href) => match &fallback {
                Some(fb) => fb.join(href).ok().and_then(web).or(fallback),
                None => Url::parse(href).ok().and_then(web),
            },
            None => fallback,
        };
        Resolver { base }
    }

    /// `raw` resolved, or `None` when its scheme is not in `schemes` (or it
    /// is empty). Without a base a relative URL stays relative, with the
    /// characters that would end a Markdown link or an attribute escaped.
    pub(crate) fn resolve(&self, raw: &str, schemes: &[&str]) -> Option<String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return None;
        }
        let parsed = match &self.base {
            Some(base) => base.join(raw),
            None => Url::parse(raw),
        };
        match parsed {
            Ok(url) => schemes.contains(&url.scheme()).then(|| url.to_string()),
            Err(url::ParseError::RelativeUrlWithoutBase) => {
                // Parse it against a stand-in base to learn its form, and
                // keep the relative text (a fragment, a path) percent-encoded.
                let stand_in = Url::parse("https://unboil.invalid/").ok()?;
                stand_in.join(raw).ok()?;
                Some(escape_relative(raw))
            }
            Err(_) => None,
        }
    }
}

/// Percent-encode what would end a link in Markdown or HTML, and controls.
fn escape_relative(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '"' | '\'' | '\\' | '[' | ']' | '`' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The public spans of a kept block: links resolved (or dropped), each span
/// trimmed of surrounding whitespace and clamped inside the span around it.
pub(crate) fn spans(dom: &Dom, block: &Block, links: Option<&Resolver>) -> Vec<Span> {
    if block.spans.is_empty() {
        return Vec::new();
    }
    let text = &block.text;
    let mut raw: Vec<_> = block.spans.iter().collect();
    raw.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.depth));
    let mut out: Vec<Span> = Vec::new();
    // Ends of the spans enclosing the current one.
    let mut enclosing: Vec<usize> = Vec::new();
    for span in raw {
        let mark = match span.mark {
            SpanMark::Emphasis => Mark::Emphasis,
            SpanMark::Strong => Mark::Strong,
            SpanMark::Link(node) => {
                let href = links.and_then(|r| {
                    dom.element(node)
                        .and_then(|e| e.attr_named(&local_name!("href")))
                        .and_then(|h| r.resolve(h, LINK_SCHEMES))
                });
                match href {
                    Some(href) => Mark::Link { href },
                    None => continue,
                }
            }
        };
        let (start, end) = trimmed(text, span.start as usize, span.end as usize);
        while enclosing.last().is_some_and(|&e| e <= start) {
            enclosing.pop();
        }
        let end = enclosing.last().map_or(end, |&outer| end.min(outer));
        if start >= end {
            continue;
        }
        // The same mark directly inside itself adds nothing.
        if out
            .iter()
            .any(|o| o.mark == mark && o.start <= start && end <= o.end)
        {
            continue;
        }
        enclosing.push(end);
        out.push(Span { start, end, mark });
    }
    out
}

/// `start..end` within `text`, on character boundaries, without the
/// whitespace at either edge (Markdown emphasis may not start or end with it).
fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let end = end.min(text.len());
    let (mut start, mut end) = (start.min(end), end);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    start += lead;
    end = (end - trail).max(start);
    (start, end)
}

/// The image at `node`: its URL (`src`, or the lazy-loading `data-src`
/// when `src` is missing or a `data:` placeholder) and its alternative text.
pub(crate) fn image(dom: &Dom, node: NodeId, resolver: &Resolver) -> Option<(String, String)> {
    let element = dom.element(node)?;
    let src = element.attr_named(&local_name!("src")).map(str::trim);
    let src = match src {
        Some(s) if !s.is_empty() && !s.starts_with("data:") => s,
        _ => element.attr("data-src")?,
    };
    let url = resolver.resolve(src, IMAGE_SCHEMES)?;
    let alt = element
        .attr_named(&local_name!("alt"))
        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    Some((url, alt))
}

/// Whether `node` lies inside `region` (or is it).
pub(crate) fn inside(dom: &Dom, node: NodeId, region: NodeId) -> bool {
    if region == DOCUMENT {
        return true;
    }
    let mut cur = node;
    while cur != NONE {
        if cur == region {
            return true;
        }
        cur = dom.node(cur).parent;
    }
    false
}

/// The first `<base href>` of the page's head (read before pruning).
pub(crate) fn base_href(dom: &Dom) -> Option<String> {
    let html = dom
        .children(DOCUMENT)
        .find(|&c| dom.element(c).is_some_and(|e| &*e.name == "html"))?;
    let head = dom
        .children(html)
        .find(|&c| dom.element(c).is_some_and(|e| &*e.name == "head"))?;
    dom.children(head).find_map(|c| {
        dom.element(c)
            .filter(|e| &*e.name == "base")
            .and_then(|e| e.attr_named(&local_name!("href")))
            .map(str::to_string)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_against_base_then_canonical_then_given() {
        let r = Resolver::new(Some("/docs/"), &[None, Some("https://a.example/x/y"), None]);
        assert_eq!(
            r.resolve("p.html", LINK_SCHEMES).as_deref(),
            Some("https://a.example/docs/p.html")
        );
        let r = Resolver::new(
            None,
            &[None, Some("no-scheme"), Some("https://b.example/n/")],
        );
        assert_eq!(
            r.resolve("../m", LINK_SCHEMES).as_deref(),
            Some("https://b.example/m")
        );
        let r = Resolver::new(Some("javascript:alert(1)//"), &[]);
        assert_eq!(
            r.resolve("a b(c)", LINK_SCHEMES).as_deref(),
            Some("a%20b%28c%29")
        );
    }

    #[test]
    fn unsafe_schemes_are_dropped() {
        let r = Resolver::new(None, &[Some("https://a.example/")]);
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "",
        ] {
            assert_eq!(r.resolve(bad, LINK_SCHEMES), None, "{bad}");
        }
        assert_eq!(r.resolve("data:image/png;base64,AA", IMAGE_SCHEMES), None);
        let none = Resolver::default();
        assert_eq!(none.resolve("javascript:alert(1)", LINK_SCHEMES), None);
        assert_eq!(
            none.resolve("mailto:a@b.example", LINK_SCHEMES).as_deref(),
            Some("mailto:a@b.example")
        );
    }

    #[test]
    fn trimming_stays_on_char_boundaries() {
        assert_eq!(trimmed(" é ", 0, 4), (1, 3));
        assert_eq!(trimmed("ab", 1, 9), (1, 2));
        assert_eq!(trimmed("ab", 2, 1), (1, 1));
    }
}
