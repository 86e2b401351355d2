//! Finds the contents of `<script>` and `<style>` elements so the parser can
//! skip them: they are more than half the bytes of a typical news page, the
//! tokenizer walks them one character at a time, and pruning throws them
//! away. JSON-LD scripts are kept (metadata reads them).
//!
//! The scan mirrors the tokenizer's raw-text rule (content ends at the first
//! `</script` or `</style` followed by whitespace, `/` or `>`, in any case).
//! A script body holding `<!--` is left alone, because there the tokenizer's
//! escape states can make a `</script>` part of the script.

use memchr::memchr;
use std::ops::Range;

/// Byte ranges of skippable raw-text contents in `html`, in order.
pub(crate) fn skippable(html: &str) -> Vec<Range<usize>> {
    let bytes = html.as_bytes();
    let mut ranges = Vec::new();
    let mut pos = 0;
    while let Some(offset) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + offset;
        pos = lt + 1;
        let Some(name) = raw_text_name(&bytes[lt + 1..]) else {
            continue;
        };
        let Some(tag_end) = start_tag_end(bytes, lt + 1 + name.len()) else {
            break; // An unclosed start tag: nothing more to skip.
        };
        let content_start = tag_end + 1;
        let Some(content_end) = find_end_tag(bytes, content_start, name) else {
            break; // Raw text runs to the end of the page: let the tokenizer have it.
        };
        let content = &bytes[content_start..content_end];
        let keep = content.is_empty()
            || (name == "script"
                && (is_json_ld(&bytes[lt..tag_end]) || contains(content, b"<!--")));
        if !keep {
            ranges.push(content_start..content_end);
        }
        pos = content_end;
    }
    ranges
}

/// `script` or `style` when `rest` starts with that name and a tag-name end.
fn raw_text_name(rest: &[u8]) -> Option<&'static str> {
    ["script", "style"].into_iter().find(|name| {
        rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                rest[name.len()],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
            )
    })
}

/// The index of the `>` closing a start tag whose attributes begin at `from`,
/// honouring quoted attribute values.
fn start_tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The index of the `<` of the end tag `</name` closing raw text from `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut pos = from;
    while let Some(offset) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + offset;
        let rest = &bytes[lt + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len() + 1
            && rest[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                rest[name.len() + 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
            )
        {
            return Some(lt);
        }
        pos = lt + 1;
    }
    None
}

/// Whether a script start tag declares JSON-LD.
fn is_json_ld(tag: &[u8]) -> bool {
    tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(html: &str) -> Vec<&str> {
        skippable(html).into_iter().map(|r| &html[r]).collect()
    }

    #[test]
    fn finds_script_and_style_bodies() {
        let html = r#"<p>a</p><script type="text/javascript">if (a < b) x("</p>")</script><STYLE>p{}</STYLE ><p>b</p>"#;
        assert_eq!(skipped(html), [r#"if (a < b) x("</p>")"#, "p{}"]);
    }

    #[test]
    fn keeps_json_ld_and_escaped_scripts() {
        let html =
            r#"<script type="application/ld+json">{"a":1}</script><script><!-- x --></script>"#;
        assert!(skipped(html).is_empty());
    }

    #[test]
    fn quoted_greater_than_in_attributes() {
        let html = r#"<script data-x="a>b">code</script>"#;
        assert_eq!(skipped(html), ["code"]);
    }

    #[test]
    fn unterminated_raw_text_is_left_to_the_tokenizer() {
        assert!(skipped("<script>never ends").is_empty());
        assert!(skipped("<script src=x").is_empty());
        assert!(skipped("<scripts>x</scripts>").is_empty());
    }
}
