//! Generators of pathological pages, shared by `tests/pathological.rs` and
//! `benches/linearity.rs`. Each takes a size `n` and returns the page; the
//! page's cost should grow linearly with `n`.

#![allow(dead_code)] // each user takes the shapes it needs

/// A sentence of ordinary prose, so pages have text worth keeping.
pub const PROSE: &str = "The committee said on Tuesday that the new rules would take effect \
    next year, after a long consultation with residents and local businesses. ";

/// `<div>` nested `n` deep around a sentence, closed properly.
pub fn deep_div(n: usize) -> String {
    format!("{}{PROSE}{}", "<div>".repeat(n), "</div>".repeat(n))
}

/// `<div>` nested `n` deep, never closed, text at every level.
pub fn deep_div_unclosed(n: usize) -> String {
    "<div>x ".repeat(n) + PROSE
}

/// `<b>` nested `n` deep, never closed, text at every level.
pub fn deep_b(n: usize) -> String {
    "<b>x ".repeat(n) + PROSE
}

/// `<b>` with distinct attributes nested `n` deep, so the list of active
/// formatting elements cannot dedupe them (the Noah's Ark clause keeps only
/// three identical ones).
pub fn deep_b_distinct(n: usize) -> String {
    let mut s = String::with_capacity(n * 16);
    for i in 0..n {
        s.push_str(&format!("<b id=b{i}>x "));
    }
    s + PROSE
}

/// `<a href>` nested `n` deep, never closed.
pub fn deep_a(n: usize) -> String {
    "<a href=/x>x ".repeat(n) + PROSE
}

/// Tables nested `n` deep (`<table><tr><td>`), never closed.
pub fn deep_table(n: usize) -> String {
    "<table><tr><td>x ".repeat(n) + PROSE
}

/// Misnested formatting: each `<div>` closes over an open `<b>` with its own
/// attribute, so every later start tag or text makes the tree builder
/// reconstruct every earlier `<b>` (the HTML spec's "reconstruct the active
/// formatting elements"): quadratic in an unguarded parser.
pub fn misnested_formatting(n: usize) -> String {
    let mut s = String::with_capacity(n * 32);
    for i in 0..n {
        s.push_str(&format!("<div><b class=c{i}>x </div>"));
    }
    s + PROSE
}

/// Text and blocks inside a table, outside any cell: all foster-parented.
pub fn foster_parented(n: usize) -> String {
    "<table>".to_string() + &"<div>x y z</div>".repeat(n) + PROSE
}

/// `n` sibling paragraphs in one `<div>`.
pub fn wide(n: usize) -> String {
    format!(
        "<html><body><div>{}</div></body></html>",
        "<p>a b</p>".repeat(n)
    )
}

/// One text node of about `n` bytes of prose, lines and all.
pub fn long_text(n: usize) -> String {
    let mut s = String::with_capacity(n + 64);
    s.push_str("<html><body><p>");
    while s.len() < n {
        s.push_str(PROSE);
        s.push('\n');
    }
    s.push_str("</p></body></html>");
    s
}

/// `n` links in a list, with a paragraph of prose after every hundred.
pub fn many_links(n: usize) -> String {
    let mut s = String::with_capacity(n * 40);
    s.push_str("<html><body><ul>");
    for i in 0..n {
        s.push_str(&format!("<li><a href=\"/page/{i}\">link {i}</a></li>"));
        if i % 100 == 99 {
            s.push_str("</ul><p>");
            s.push_str(PROSE);
            s.push_str("</p><ul>");
        }
    }
    s.push_str("</ul></body></html>");
    s
}

/// An ordinary-looking article page of about `bytes` bytes: navigation, a
/// long article of paragraphs, sidebars, a footer.
pub fn huge_page(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 1024);
    s.push_str("<!doctype html><html><head><title>A long story | Site</title></head><body>");
    s.push_str("<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>");
    s.push_str("<main><article><h1>A long story</h1>");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "<p>{PROSE}{PROSE}<a href=\"/more/{i}\">Read more</a> about it.</p>\n"
        ));
        if i % 50 == 49 {
            s.push_str("<aside class=related><ul><li><a href=/a>Related</a></li></ul></aside>\n");
        }
        i += 1;
    }
    s.push_str("</article></main><footer>All rights reserved.</footer></body></html>");
    s
}

/// One element with `n` distinct attributes, then prose: the tokenizer
/// drops repeated attributes, which must not cost a scan per attribute.
pub fn many_attributes(n: usize) -> String {
    let mut s = String::with_capacity(n * 16 + 256);
    s.push_str("<html><body><div");
    for i in 0..n {
        s.push_str(&format!(" data-a{i}=\"{i}\""));
    }
    s.push_str(&format!("><p>{PROSE}</p></div></body></html>"));
    s
}

/// `n` custom elements, each with its own made-up name, then prose.
pub fn many_tag_names(n: usize) -> String {
    let mut s = String::with_capacity(n * 40 + 256);
    s.push_str("<html><body><div>");
    for i in 0..n {
        s.push_str(&format!("<made-up-{i}>x</made-up-{i}>"));
    }
    s.push_str(&format!("</div><p>{PROSE}</p></body></html>"));
    s
}

/// `n` comments, each after a few words, inside one paragraph: a comment's
/// end must be found without scanning the rest of the page.
pub fn many_comments(n: usize) -> String {
    format!(
        "<html><body><p>{PROSE}{}</p></body></html>",
        "a b <!-- c - d -- e --!x -->".repeat(n)
    )
}

/// `n` character references, in text and in attribute values.
pub fn many_references(n: usize) -> String {
    format!(
        "<html><body><p title=\"{}\">{PROSE}{}</p></body></html>",
        "&amp;&copy&#233;".repeat(n),
        "caf&eacute; &amp &#x20AC;&notit; ".repeat(n)
    )
}

/// Flattened page text of about `n` bytes: a headline, furniture lines and
/// paragraphs, for the text front end.
pub fn text_lines(n: usize) -> String {
    let mut s = String::with_capacity(n + 256);
    s.push_str("Home\nNews\nA long story about the new rules\nBy Jane Doe\n9 hours ago\n");
    let mut i = 0;
    while s.len() < n {
        s.push_str(PROSE);
        s.push_str(&format!("Item {i}.\n"));
        if i % 20 == 19 {
            s.push_str("Read more\nShare this article\n");
        }
        i += 1;
    }
    s
}

/// One line of about `n` bytes of prose, for the text front end.
pub fn text_one_line(n: usize) -> String {
    PROSE.repeat(n / PROSE.len() + 1)
}
