//! Tests of `entries`.

use super::*;
use crate::html::dom::DOCUMENT;
use crate::html::{parse, prune, segment};
use crate::judge::lexicon::Lexicon;
use crate::judge::{features, score};
use crate::model::options::Balance;

/// The entry list of a page whose article region is the whole page.
fn entries_of(html: &str) -> Option<Vec<String>> {
    entries_with(html, DEFAULT_RATIOS)
}

/// As [`entries_of`], with the ratios of a page type's call.
fn entries_with(html: &str, ratios: ListRatios) -> Option<Vec<String>> {
    let mut dom = parse::parse(html, 512);
    prune::prune(&mut dom);
    let blocks = segment::segment(&dom);
    let features = features::compute(&dom, &blocks, &Lexicon::new());
    let first = score::score(&blocks, &features.blocks, true, Balance::Balanced);
    let list = entry_list(
        &dom,
        &blocks,
        &features.node_hints,
        &first,
        DOCUMENT,
        ratios,
    )?;
    Some(
        blocks
            .iter()
            .zip(&list.blocks)
            .filter(|(_, &e)| e)
            .map(|(b, _)| b.text.clone())
            .collect(),
    )
}

fn text(html: &str) -> String {
    crate::Extractor::default()
        .extract(html)
        .map(|a| a.text)
        .unwrap_or_default()
}

fn card(n: u32) -> String {
    format!(
        r#"<article class="card card-{n}" id="post-{n}"><h2><a href="/r/{n}">Slow-roasted tomato soup number {n}</a></h2>
        <p>A weeknight soup with garlic, basil and a splash of cream, ready in forty minutes.</p>
        <span class="date">12 May 2024</span></article>"#
    )
}

fn listing() -> String {
    let cards: String = (1..=6).map(card).collect();
    format!(
        r#"<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/r">Recipes</a></li>
        <li><a href="/about">About us</a></li></ul></nav>
        <main><h1>Soup recipes</h1>
        <p>Our favourite soups for cold evenings, from quick weeknight bowls to slow Sunday pots.</p>
        <aside class="filters"><ul><li><a href="?v">Vegan (12)</a></li><li><a href="?q">Quick (30)</a></li>
        <li><a href="?g">Gluten free (8)</a></li></ul></aside>
        <div class="results">{cards}</div>
        <nav class="pagination"><a href="?p=2">Next page</a></nav></main>
        <footer><p>Soup Kitchen Ltd is a small independent cookery site run by two friends in Leeds since 2009.</p></footer>
        </body></html>"#
    )
}

#[test]
fn a_listing_keeps_heading_intro_and_every_entry() {
    let out = text(&listing());
    for n in 1..=6 {
        assert!(out.contains(&format!("tomato soup number {n}")), "{out}");
    }
    assert!(out.contains("ready in forty minutes"), "{out}");
    assert!(out.contains("12 May 2024"), "{out}");
    assert!(out.contains("Our favourite soups"), "{out}");
    for boilerplate in ["Vegan (12)", "Next page", "About us", "Soup Kitchen Ltd"] {
        assert!(!out.contains(boilerplate), "{boilerplate}: {out}");
    }
}

#[test]
fn an_article_outweighs_the_list_after_it() {
    let paragraph = "The council voted on Tuesday to rebuild the old river bridge, which has been \
        closed to traffic since the floods of last winter, and the work is expected to take two years. ";
    let body: String = (0..6).map(|_| format!("<p>{paragraph}</p>")).collect();
    let cards: String = (1..=4).map(card).collect();
    let html = format!(
        "<html><body><main><article><h1>Bridge to be rebuilt</h1>{body}</article>\
         <div class=cards>{cards}</div></main></body></html>"
    );
    let out = text(&html);
    assert!(out.contains("rebuild the old river bridge"), "{out}");
    assert!(!out.contains("tomato soup"), "{out}");
}

#[test]
fn a_results_wrapper_named_like_navigation_holds_the_list() {
    // Cards of a shop's grid inside a column named for its filters and
    // pagination, with a filter panel and a pager beside the grid.
    let cards: String = (1..=6)
        .map(|n| {
            format!(
                "<li class=tile><h3><a href=/p/{n}>Merino walking sock, style {n}</a></h3>\
                 <span class=price>$1{n}.00</span></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/men>Men</a></nav><main><h1>Walking socks</h1>\
         <div class=\"filters-and-pagination\"><div class=facets><ul><li><a href=?s=m>Size M</a></li>\
         <li><a href=?s=l>Size L</a></li></ul></div><ul class=grid>{cards}</ul>\
         <div class=pager><a href=?p=2>2</a></div></div></main></body></html>"
    );
    let out = text(&html);
    for n in 1..=6 {
        assert!(out.contains(&format!("walking sock, style {n}")), "{out}");
    }
    assert!(out.contains("$13.00"), "{out}");
    assert!(!out.contains("Size M"), "{out}");
}

#[test]
fn a_title_nested_deep_in_its_card_still_makes_an_entry() {
    // A chart built by a component library: rank, then the title eight
    // elements below the list item, then year and rating.
    let rows: String = (1..=5)
        .map(|n| {
            format!(
                "<li class=row><div class=rank>#{n}</div><div class=c1><div class=c2><div class=c3>\
                 <div class=c4><div class=c5><div class=c6><a href=/t/{n}><h3>Harbour lights part {n}</h3>\
                 </a></div></div></div></div></div></div><div class=meta>2025, 1h 4{n}m, rated 7.{n}</div></li>"
            )
        })
        .collect();
    let kept = entries_of(&format!("<div><ul class=chart>{rows}</ul></div>")).unwrap_or_default();
    assert!(
        kept.iter().any(|t| t == "Harbour lights part 4"),
        "{kept:?}"
    );
    assert!(kept.iter().any(|t| t.contains("rated 7.2")), "{kept:?}");
}

#[test]
fn a_list_in_a_sidebar_stays_out_however_full() {
    let cards: String = (1..=4).map(card).collect();
    let html = format!("<div><div class=sidebar><div class=cards>{cards}</div></div></div>");
    assert!(entries_of(&html).is_none());
}

#[test]
fn a_menu_is_not_an_entry_list() {
    let items: String = (1..=6)
        .map(|n| format!("<li class=item><a href=/s/{n}>Section number {n}</a></li>"))
        .collect();
    assert!(entries_of(&format!("<div><ul>{items}</ul></div>")).is_none());
}

#[test]
fn paragraphs_with_links_are_not_entries() {
    let p = "<p>The mayor <a href=/m>said on Monday</a> that the bridge would reopen in spring, \
             after two years of repairs and a long argument over who should pay for them.</p>";
    assert!(entries_of(&format!("<div>{p}{p}{p}{p}</div>")).is_none());
}

#[test]
fn entries_and_intro_are_flagged() {
    let cards: String = (1..=4).map(card).collect();
    let html = format!(
        "<div><h1>Soup recipes</h1><p>Our favourite soups for cold evenings, from quick \
         weeknight bowls to slow Sunday pots.</p><div class=results>{cards}</div></div>"
    );
    let kept = entries_of(&html).unwrap_or_default();
    assert_eq!(kept.len(), 2 + 4 * 3, "{kept:?}");
    assert_eq!(kept[0], "Soup recipes");
}

#[test]
fn every_section_of_an_index_is_kept() {
    let first: String = (1..=5).map(card).collect();
    let second: String = (6..=8).map(card).collect();
    let html = format!(
        "<html><body><main><h1>Recipes</h1><section><h2>Soups</h2><div class=grid>{first}</div></section>\
         <section><h2>Stews</h2><ul class=rows>{second}</ul></section></main></body></html>"
    );
    let out = text(&html);
    for n in 1..=8 {
        assert!(out.contains(&format!("tomato soup number {n}")), "{out}");
    }
}

#[test]
fn numbered_tokens_do_not_split_a_kind() {
    let dom = parse::parse(
        r#"<div class="card card-3" id="post-3"></div><div class="card card-7" id="post-7"></div>
           <div class="x-1 card"></div><div id="content"></div><div id="sidebar"></div>"#,
        512,
    );
    let sig = |n: usize| {
        let id = dom
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.element().is_some_and(|e| &*e.name == "div"))
            .nth(n)
            .map(|(i, _)| i as NodeId)
            .unwrap_or(NONE);
        dom.element(id).map(|e| {
            let (i, c) = signature(e);
            (i.to_string(), c.to_string())
        })
    };
    assert_eq!(sig(0), sig(1));
    assert_eq!(sig(0), sig(2));
    assert_ne!(sig(3), sig(4));
}

/// A category page: its heading, an intro of a few sentences, then the
/// entries. The intro is article text between the heading and the list.
fn category_with_intro() -> String {
    let cards: String = (1..=4).map(card).collect();
    let intro = "Soup is the dish we return to every winter, and this category gathers all \
        of our recipes for it: quick weeknight bowls, slow Sunday stocks, chilled summer \
        soups and hearty stews that are almost a meal on their own. Each recipe gives \
        weights and cups, a make-ahead note and tips for freezing leftovers safely.";
    format!(
        r#"<html><body><main><h1>Soup recipes</h1><div class="intro"><p>{intro}</p></div>
        <div class="results">{cards}</div></main></body></html>"#
    )
}

#[test]
fn an_intro_before_the_list_keeps_the_page_unless_it_is_called_a_listing() {
    let html = category_with_intro();
    assert_eq!(entries_of(&html), None);
    let sure = ListRatios {
        leading: 1.0,
        trailing: 1.0,
    };
    let entries = entries_with(&html, sure).unwrap_or_default();
    assert!(
        entries.iter().any(|e| e.contains("tomato soup number 4")),
        "{entries:?}"
    );
}
