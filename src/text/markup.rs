//! What text-dump tools write besides the page's words, taken out before
//! lines are joined: html2text's Markdown (links, images, emphasis,
//! escapes, heading marks), lynx's numbered link markers (`[12]`), image
//! placeholders (`[logo.png]`, `[INLINE]`) and form fields (`[BUTTON]`,
//! `____`), and the list of link targets lynx appends ("References").

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Markdown images, `![alt](src "title")`, the address maybe wrapped and
/// the alt text maybe holding brackets of its own: the alt text is the
/// image's, not the article's (a caption, if any, follows as its own text).
static IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?[^)\s>]*(?:\n[^)\s>]+)*>?(?:\s+"[^"]*")?\s*\)"#,
    )
    .unwrap_or_else(|e| panic!("image pattern: {e}"))
});

/// Markdown links, `[text](href "title")`: the text stays. The text, and
/// the address (html2text breaks long ones at a hyphen), may span the
/// wrapped lines of a block.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\[([^\[\]]*)\]\(\s*<?[^)\s>]*(?:\n[^)\s>]+)*>?(?:\s+"[^"]*")?\s*\)"#)
        .unwrap_or_else(|e| panic!("link pattern: {e}"))
});

/// Backslash escapes of Markdown syntax characters (`\-`, `1\.`, `\*`).
static ESCAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\\([-\\`*_{}\[\]()#+.!>|])").unwrap_or_else(|e| panic!("escape pattern: {e}"))
});

/// Lynx's numbered link markers, written right before a link's text
/// (`[12]News`), or alone for a link around an image without alt text,
/// when lynx lists the links at the end. A marker glued to a word before
/// it (`[102]Politics[103]Economy`) stands between two links the page set
/// apart with styling, so it becomes a space.
static LINK_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(^|[^\s\[(“‘"'«„])?\[\d+\](\S)|^\[\d+\]\s*$"#)
        .unwrap_or_else(|e| panic!("link number pattern: {e}"))
});

/// Placeholders lynx and w3m draw for images, form fields and frames: an
/// image's file name or URL fragment (`[logo.png]`, `[svg%3E]`,
/// `[p?c1=2]`), their labels in capitals (`[BUTTON]`, `(BUTTON)`,
/// `[INLINE]`, `[INS: :INS]`), empty boxes and check boxes (`[ ]`, `[X]`),
/// and runs of underscores standing for text fields.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\[[^\]\s]*(?:\.(?:png|jpe?g|gif|svg|webp|ico|bmp)|[?=%])[^\]\s]*\]",
        r"|[\[(](?:BUTTON|INLINE|IMAGE|IMG|LINK|USEMAP|EMBED|IFRAME|OBJECT|FRAME|FORM|DEL|INS)",
        r"(?: Input)?(?::[^\])]*)?[\])](?: \(not implemented\))?",
        r"|\[[ xX]?\]",
        r"|_{6,}",
    ))
    .unwrap_or_else(|e| panic!("marker pattern: {e}"))
});

/// Bold spans, `**x**` and `__x__`, and italic `_x_`, around words.
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\*\*(\S(?:[^*\n]*\S)?)\*\*|\b__(\S(?:[^_\n]*\S)?)__\b|(?:^|[\s(])_(\S(?:[^_\n]*\S)?)_(?:[\s).,;:!?]|$)")
        .unwrap_or_else(|e| panic!("emphasis pattern: {e}"))
});

/// Image file extensions: a block that ends with one is an image's name.
const IMAGE_EXTENSIONS: [&str; 7] = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp"];

/// Whether a block is a tool's stand-in for something that is not text: an
/// inline frame lynx labels with its name or address ("IFRAME:
/// https://…"), or an image lynx names by its file when it has no alt text
/// ("brady-pats.png", "Headline of a teaser.jpg").
pub(crate) fn is_placeholder(block: &str) -> bool {
    let block = block.trim();
    let bytes = block.as_bytes();
    let image = IMAGE_EXTENSIONS.iter().any(|e| {
        bytes.len() > e.len() && bytes[bytes.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
    });
    image || block.starts_with("IFRAME:") || block.starts_with("FRAME:")
}

/// Whether `text` is html2text's Markdown: its links mark it; without
/// them, stars, underscores and backslashes are the page's own.
pub(crate) fn is_markdown(text: &str) -> bool {
    text.contains("](")
}

/// Take html2text's Markdown out of a block (links may span its lines).
pub(crate) fn strip_markdown(text: &str) -> Cow<'_, str> {
    let text = IMAGE.replace_all(text, "");
    let text = LINK.replace_all(&text, "$1").into_owned();
    let text = EMPHASIS.replace_all(&text, |c: &regex::Captures| {
        let whole = c.get(0).map_or("", |m| m.as_str());
        let inner = c
            .get(1)
            .or_else(|| c.get(2))
            .or_else(|| c.get(3))
            .map_or("", |m| m.as_str());
        if c.get(3).is_some() {
            // Keep the characters around `_x_` that the pattern consumed.
            let lead = &whole[..whole.find('_').unwrap_or(0)];
            let trail = &whole[whole.rfind('_').map_or(whole.len(), |i| i + 1)..];
            format!("{lead}{inner}{trail}")
        } else {
            inner.to_string()
        }
    });
    Cow::Owned(ESCAPE.replace_all(&text, "$1").into_owned())
}

/// Take lynx's and w3m's placeholders out of one line, and lynx's link
/// numbers when `numbered` (the dump lists its links at the end).
pub(crate) fn strip_markers(line: &str, numbered: bool) -> Cow<'_, str> {
    if !line.contains(['[', '(', '_']) {
        return Cow::Borrowed(line);
    }
    let line = if numbered {
        LINK_NUMBER.replace_all(line, |c: &regex::Captures| {
            let before = c.get(1).map_or("", |m| m.as_str());
            let first = c.get(2).map_or("", |m| m.as_str());
            let gap = if before.is_empty() { "" } else { " " };
            format!("{before}{gap}{first}")
        })
    } else {
        Cow::Borrowed(line)
    };
    match MARKER.replace_all(&line, "") {
        Cow::Borrowed(_) => line,
        Cow::Owned(s) => Cow::Owned(s),
    }
}

/// Where the list of link targets at the end of a lynx dump starts: a line
/// "References" (or "Visible links"/"Hidden links") followed by numbered
/// URLs. `None` when there is none.
pub(crate) fn reference_list_start(lines: &[&str]) -> Option<usize> {
    let is_head = |l: &str| {
        matches!(
            l.trim(),
            "References" | "Visible links:" | "Visible links" | "Hidden links:"
        )
    };
    let heads: Vec<usize> = (0..lines.len()).filter(|&i| is_head(lines[i])).collect();
    heads.into_iter().find(|&i| {
        lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| is_reference(l))
    })
}

/// A line of the reference list: "  12. https://example.com/page".
fn is_reference(line: &str) -> bool {
    let t = line.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(". ") && t[digits + 2..].contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_images_and_emphasis_go() {
        let md = "**New Delhi** , [News Nation\nBureau](https://x.in/a \"t\") \\- see\n\
                  ![a photo](https://x.in/p.jpg) _really_ 1\\. done Ni** My**\
                  ![[https://x.in/v.jpg]](https://x.in/v.jpg)";
        assert_eq!(
            strip_markdown(md),
            "New Delhi , News Nation\nBureau - see\n really 1. done Ni** My**"
        );
    }

    #[test]
    fn lynx_markers_go() {
        assert_eq!(
            strip_markers(
                "   [73]News Nation [logo.png] (BUTTON) [ ] ______ [sic] (NYAG) [1]",
                true
            ),
            "   News Nation     [sic] (NYAG) [1]"
        );
        assert_eq!(strip_markers("[79]", true), "");
        assert_eq!(
            strip_markers("[102]Politik[103]Wirtschaft “[9]Title”", true),
            "Politik Wirtschaft “Title”"
        );
        assert_eq!(strip_markers("[79]", false), "[79]");
    }

    #[test]
    fn frames_and_image_names_are_placeholders() {
        assert!(is_placeholder("IFRAME: https://ads.example/frame?x=1"));
        assert!(is_placeholder("fh180x1002x.jpg"));
        assert!(is_placeholder(
            "Media and Democrats agree- The witnesses.PNG"
        ));
        assert!(!is_placeholder("The photo was saved as a JPEG file."));
        assert!(!is_placeholder("Émigrés"));
    }

    #[test]
    fn the_reference_list_is_found() {
        let lines = [
            "text",
            "References",
            "",
            "   1. https://a.example/",
            "   2. file:///x",
        ];
        assert_eq!(reference_list_start(&lines), Some(1));
        assert_eq!(
            reference_list_start(&["References", "", "More prose."]),
            None
        );
    }
}
