//! `input="auto"`: whether an input is HTML or flattened page text, by the
//! same rule as the CLI's `--input auto` (`src/bin/unboil/input.rs`), which
//! the library does not export. Kept in step with it by
//! `python/tests/test_options.py`, which runs both on the same inputs.

/// How far into an input a start tag marks it as HTML: a page's first tags
/// come within its first kilobyte; a tag further down a text is quoted markup.
const HTML_START_BYTES: usize = 1024;

/// How much of an input the tag density is measured on.
const HTML_DENSITY_BYTES: usize = 64 * 1024;

/// Tags per kilobyte above which an input is HTML however it starts: pages
/// run to dozens of tags per kilobyte, text that quotes a tag well under one.
const HTML_MIN_TAGS_PER_KB: usize = 4;

/// Tag names that, opening near the start, mark an input as HTML.
const HTML_START_TAGS: [&str; 22] = [
    "!doctype", "html", "head", "body", "meta", "title", "link", "p", "div", "span", "br", "a",
    "table", "ul", "ol", "li", "h1", "h2", "h3", "article", "section", "!--",
];

/// Whether an input is HTML rather than page text: a known tag opens within
/// its first [`HTML_START_BYTES`], or it is dense with tags.
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
