//! An unterminated `<title>`: a page whose `<title>` is never closed.
//!
//! The title is raw text (RCDATA) that only `</title>` ends, so by the HTML
//! standard, which html5ever and browsers follow, everything after the
//! opening tag (the head's other tags and the whole body) becomes the
//! title and the page shows nothing. The author meant the title to end at
//! the next tag, as libxml2's HTML parser reads it. In: the page; out: the
//! page with `</title>` before the first `<` after the opening tag, when no
//! `</title` follows it anywhere and that `<` opens markup.

use memchr::memchr_iter;

/// The page with its unterminated title closed, or `None` when its first
/// `<title>` is closed (or there is none, or nothing after it is markup).
pub(super) fn close_unterminated_title(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let open = find_tag(bytes, 0, b"<title")?;
    let after_open = open + memchr::memchr(b'>', &bytes[open..])? + 1;
    if find_tag(bytes, after_open, b"</title").is_some() {
        return None;
    }
    let lt = after_open + memchr::memchr(b'<', &bytes[after_open..])?;
    let opens_markup = bytes
        .get(lt + 1)
        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!');
    if !opens_markup {
        return None;
    }
    let mut out = String::with_capacity(html.len() + 8);
    out.push_str(&html[..lt]);
    out.push_str("</title>");
    out.push_str(&html[lt..]);
    Some(out)
}

/// The first `<` at or after `from` followed by `name` (which starts with
/// `<`; ASCII case ignored) and then by a character that ends a tag name.
fn find_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let rest = bytes.get(from..)?;
    memchr_iter(b'<', rest).map(|i| from + i).find(|&at| {
        let end = at + name.len();
        bytes
            .get(at..end)
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
            && bytes
                .get(end)
                .is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_title_ends_at_the_next_tag() {
        let page = "<html><head><TITLE>Spring fair\n<meta charset=utf-8></head><body><p>Stalls open at nine.</p></body>";
        let fixed = close_unterminated_title(page);
        assert_eq!(
            fixed.as_deref(),
            Some("<html><head><TITLE>Spring fair\n</title><meta charset=utf-8></head><body><p>Stalls open at nine.</p></body>")
        );
    }

    #[test]
    fn closed_or_absent_titles_and_bare_text_are_left_alone() {
        assert!(close_unterminated_title("<title>A</title><p>b</p>").is_none());
        assert!(close_unterminated_title("<title>A</TITLE ><p>b</p>").is_none());
        assert!(close_unterminated_title("<p>no title</p>").is_none());
        assert!(close_unterminated_title("<title>1 < 2 and nothing more").is_none());
        assert!(close_unterminated_title("<titles>x<p>y</p>").is_none());
        assert!(close_unterminated_title("<title").is_none());
    }
}
