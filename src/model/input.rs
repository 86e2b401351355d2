//! [`Input`]: what an extractor reads — an HTML page or flattened page
//! text, held as a string or as bytes in any encoding, with the URL it came
//! from and the day it was fetched when the caller knows them.

use crate::model::date::Date;

/// One page to extract: its content, what it is, and where and when it was
/// fetched. Every [`Extractor`](crate::Extractor) entry point takes one.
///
/// A `&str`, `&String` or `&Cow<str>` is an HTML page; `&[u8]` or `&Vec<u8>` an HTML page
/// in any encoding. Build one for text, for a page of unknown kind, or to
/// add a URL or a fetch day:
///
/// ```
/// use unboil::{Extractor, Input};
/// let extractor = Extractor::default();
/// let html = "<article><p>The committee met on Monday and agreed to publish.</p></article>";
/// let article = extractor.extract(html)?;
/// let article = extractor.extract(Input::html(html).url("https://news.example/council/"))?;
/// assert_eq!(article.canonical_url.as_deref(), Some("https://news.example/council/"));
/// let text = extractor.extract(Input::text("The committee met on Monday and agreed to publish."))?;
/// let sniffed = Input::detect(b"<p>markup</p>");
/// assert!(sniffed.is_html());
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    content: Content<'a>,
    kind: Kind,
    url: Option<&'a str>,
    fetched_on: Option<Date>,
}

/// The content as given.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Content<'a> {
    Str(&'a str),
    Bytes(&'a [u8]),
}

/// What the content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Html,
    Text,
}

impl<'a> Input<'a> {
    /// An HTML page held as a string.
    pub fn html(html: &'a str) -> Self {
        Input::new(Content::Str(html), Kind::Html)
    }

    /// An HTML page held as bytes in any encoding (a byte-order mark, a
    /// `<meta charset>`, else detection).
    pub fn html_bytes(bytes: &'a [u8]) -> Self {
        Input::new(Content::Bytes(bytes), Kind::Html)
    }

    /// Page text a scraper already flattened: an `innerText`, a
    /// copy-paste, a dump with an element on each line.
    pub fn text(text: &'a str) -> Self {
        Input::new(Content::Str(text), Kind::Text)
    }

    /// Flattened page text held as bytes in any encoding.
    pub fn text_bytes(bytes: &'a [u8]) -> Self {
        Input::new(Content::Bytes(bytes), Kind::Text)
    }

    /// HTML or text, told apart by [`looks_like_html`]: the rule of the
    /// CLI's `--input auto`.
    pub fn detect(bytes: &'a [u8]) -> Self {
        match looks_like_html(bytes) {
            true => Input::html_bytes(bytes),
            false => Input::text_bytes(bytes),
        }
    }

    /// [`detect`](Self::detect) for a string.
    pub fn detect_str(content: &'a str) -> Self {
        match looks_like_html(content.as_bytes()) {
            true => Input::html(content),
            false => Input::text(content),
        }
    }

    /// The URL the page was fetched from (a crawler's URL, a WARC record's
    /// target URI): relative links and images are resolved against it when
    /// the page has no `<base href>`, and it stands in for the canonical URL
    /// when the page declares none. Unused for text.
    pub fn url(mut self, url: &'a str) -> Self {
        self.url = Some(url);
        self
    }

    /// The day the page was fetched (a WARC record's `WARC-Date`): overrides
    /// the extractor's [`reference_date`](crate::ExtractorBuilder::reference_date)
    /// for this page.
    pub fn fetched_on(mut self, day: Date) -> Self {
        self.fetched_on = Some(day);
        self
    }

    /// Whether the input is read as HTML (else as flattened text).
    pub fn is_html(&self) -> bool {
        self.kind == Kind::Html
    }

    fn new(content: Content<'a>, kind: Kind) -> Self {
        Input {
            content,
            kind,
            url: None,
            fetched_on: None,
        }
    }

    pub(crate) fn content(&self) -> Content<'a> {
        self.content
    }

    pub(crate) fn fetched_url(&self) -> Option<&'a str> {
        self.url
    }

    pub(crate) fn fetched_day(&self) -> Option<Date> {
        self.fetched_on
    }
}

impl<'a> From<&'a str> for Input<'a> {
    fn from(html: &'a str) -> Self {
        Input::html(html)
    }
}

impl<'a> From<&'a String> for Input<'a> {
    fn from(html: &'a String) -> Self {
        Input::html(html)
    }
}

impl<'a> From<&'a std::borrow::Cow<'_, str>> for Input<'a> {
    fn from(html: &'a std::borrow::Cow<'_, str>) -> Self {
        Input::html(html)
    }
}

impl<'a> From<&'a [u8]> for Input<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        Input::html_bytes(bytes)
    }
}

impl<'a> From<&'a Vec<u8>> for Input<'a> {
    fn from(bytes: &'a Vec<u8>) -> Self {
        Input::html_bytes(bytes)
    }
}

impl<'a, const N: usize> From<&'a [u8; N]> for Input<'a> {
    fn from(bytes: &'a [u8; N]) -> Self {
        Input::html_bytes(bytes)
    }
}

/// How far into an input a start tag marks it as HTML: a page's first tags
/// (doctype, `<html>`, `<head>`, a fragment's `<p>` or `<div>`) come within
/// its first kilobyte; a tag further down a text is quoted markup.
const HTML_START_BYTES: usize = 1024;

/// How much of an input the tag density is measured on.
const HTML_DENSITY_BYTES: usize = 64 * 1024;

/// Tags per kilobyte above which an input is HTML however it starts: pages
/// run to dozens of tags per kilobyte, while text that quotes a tag or
/// compares numbers ("a <b") has well under one.
const HTML_MIN_TAGS_PER_KB: usize = 4;

/// Tag names that, opening near the start, mark an input as HTML.
const HTML_START_TAGS: [&str; 22] = [
    "!doctype", "html", "head", "body", "meta", "title", "link", "p", "div", "span", "br", "a",
    "table", "ul", "ol", "li", "h1", "h2", "h3", "article", "section", "!--",
];

/// Whether an input is HTML rather than flattened page text: a known tag
/// opens within its first kilobyte, or it holds at least four tags per
/// kilobyte. The CLI's `--input auto` and the Python binding's
/// `input="auto"` use this rule.
///
/// ```
/// assert!(unboil::looks_like_html(b"\n  <p>Just one paragraph.</p>"));
/// assert!(!unboil::looks_like_html(b"A note on <angle brackets> in prose.\n"));
/// ```
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(HTML_START_BYTES)];
    let starts_with_markup = tags(start).any(|name| {
        HTML_START_TAGS
            .iter()
            .any(|tag| name.eq_ignore_ascii_case(tag.as_bytes()))
    });
    if starts_with_markup {
        return true;
    }
    let sample = &bytes[..bytes.len().min(HTML_DENSITY_BYTES)];
    let kilobytes = sample.len().div_ceil(1024).max(1);
    tags(sample).count() >= HTML_MIN_TAGS_PER_KB * kilobytes
}

/// The names of the tags in `bytes`: what follows each `<` (or `</`) up to
/// the first byte that cannot be part of a tag name, when it starts with a
/// letter or `!`.
fn tags(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes
        .split(|&b| b == b'<')
        .skip(1)
        .map(|rest| rest.strip_prefix(b"/").unwrap_or(rest))
        .filter(|rest| {
            rest.first()
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'!')
        })
        .map(|rest| {
            let end = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'!' | b'-')))
                .unwrap_or(rest.len());
            &rest[..end]
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(
            b"<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html(b"\n  <p>Just one paragraph.</p>"));
        assert!(looks_like_html(b"<DIV class=x>Shouting markup</DIV>"));
        assert!(!looks_like_html(
            b"Headline\nBy Jane Doe\nThe text, where 3 < 4.\n"
        ));
        assert!(!looks_like_html(b"A note on <angle brackets> in prose.\n"));
        let mut text = "Line of plain page text.\n".repeat(100).into_bytes();
        text.extend_from_slice(b"Quoted markup: <p>, <div> and <br>.\n");
        assert!(!looks_like_html(&text));
    }
}
