//! The tree builder: text, nesting, the depth guard.

use super::*;

fn depth_of_deepest(dom: &Dom) -> usize {
    let mut best = 0;
    let mut stack = vec![(DOCUMENT, 0usize)];
    while let Some((id, d)) = stack.pop() {
        best = best.max(d);
        for c in dom.children(id) {
            stack.push((c, d + 1));
        }
    }
    best
}

#[test]
fn builds_a_tree_with_text() {
    let dom = parse("<p>Hello <b>big</b> world</p>", 512);
    let p = dom.find_first("p").expect("p");
    assert_eq!(dom.text_of(p), "Hello big world");
}

#[test]
fn deep_nesting_is_capped_and_text_kept() {
    let n = 5000;
    let html = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
    let dom = parse(&html, 100);
    assert!(depth_of_deepest(&dom) <= 110, "{}", depth_of_deepest(&dom));
    assert_eq!(dom.text_of(DOCUMENT), "deep text");
}

#[test]
fn capped_depth_recovers_after_closing() {
    let html = format!(
        "{}a{}<p>after</p>",
        "<div>".repeat(300),
        "</div>".repeat(300)
    );
    let dom = parse(&html, 100);
    let p = dom.find_first("p").expect("p kept after the deep part");
    assert_eq!(dom.text_of(p), "after");
}

#[test]
fn scripts_stay_raw_text_even_when_deep() {
    let html = format!("{}<script>if (a<b) x()</script>", "<div>".repeat(300));
    let dom = parse(&html, 100);
    assert!(dom.find_first("script").is_some());
    assert!(dom.find_first("b").is_none());
}

#[test]
fn meta_charset_does_not_stop_the_parse() {
    let dom = parse(
        r#"<head><meta charset="utf-8"></head><body><p>after</p>"#,
        512,
    );
    assert_eq!(dom.text_of(DOCUMENT), "after");
}

#[test]
fn the_node_limit_stops_building_and_says_so() {
    let html = "<p>a</p>".repeat(1000);
    let (dom, over) = parse_limited(&html, 512, 100);
    assert!(over);
    // A token may add a few nodes (an implied `html`, `head`, `body`).
    assert!(dom.nodes.len() < 110, "{}", dom.nodes.len());
    let (dom, over) = parse_limited(&html, 512, 10_000);
    assert!(!over);
    assert!(dom.nodes.len() > 2000);
}

#[test]
fn template_contents_do_not_leak() {
    let dom = parse("<template><p>hidden</p></template><p>shown</p>", 512);
    let body = dom.find_first("body").expect("body");
    assert_eq!(dom.text_of(body), "shown");
}
