//! Metadata: the parsed [`Dom`] (before pruning) in, the page's title out.
//!
//! The title is taken from `og:title`, then `<title>` with the site name cut
//! off, then the first `<h1>`.

use crate::dom::{Dom, NodeData, DOCUMENT, NONE};
use html5ever::local_name;

/// What is read from the page head.
#[derive(Debug, Default, Clone)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
}

/// Read the metadata of `dom`.
pub(crate) fn read(dom: &Dom) -> Metadata {
    let mut og_title = None;
    let mut title_tag = None;
    let mut h1 = None;
    let mut stack = vec![DOCUMENT];
    while let Some(id) = stack.pop() {
        let node = dom.node(id);
        if let NodeData::Element(e) = &node.data {
            match e.name {
                local_name!("meta") if og_title.is_none() => {
                    let key = e.attr("property").or_else(|| e.attr("name"));
                    if key.is_some_and(|k| k.eq_ignore_ascii_case("og:title")) {
                        og_title = e.attr("content").map(clean).filter(|t| !t.is_empty());
                    }
                }
                local_name!("title") if title_tag.is_none() => {
                    title_tag = Some(dom.text_of(id)).filter(|t| !t.is_empty());
                }
                local_name!("h1") if h1.is_none() => {
                    h1 = Some(dom.text_of(id)).filter(|t| !t.is_empty());
                }
                local_name!("script") | local_name!("style") | local_name!("svg") => continue,
                _ => {}
            }
        }
        let mut child = node.last_child;
        while child != NONE {
            stack.push(child);
            child = dom.node(child).prev_sibling;
        }
    }
    let title = og_title
        .or_else(|| title_tag.map(|t| strip_site_name(&t)))
        .or(h1);
    Metadata { title }
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Story headline | The Site" → "Story headline": cut at the last
/// separator when what follows is short, as site names are.
fn strip_site_name(title: &str) -> String {
    const SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn title_prefers_og_then_title_tag() {
        let dom = parse(
            r#"<head><title>Big news today | Daily</title><meta property="og:title" content="Big news"></head>"#,
            512,
        );
        assert_eq!(read(&dom).title.as_deref(), Some("Big news"));
        let dom = parse("<title>Big news today | Daily</title>", 512);
        assert_eq!(read(&dom).title.as_deref(), Some("Big news today"));
        let dom = parse("<body><h1> Only  heading </h1></body>", 512);
        assert_eq!(read(&dom).title.as_deref(), Some("Only heading"));
    }
}
