//! Inline marks (emphasis, links) of a block rendered as Markdown or HTML.

use crate::model::article::{ArticleBlock, Mark, Span};

/// Receives a block's text and marks in order.
trait Inline {
    fn text(&mut self, text: &str);
    fn open(&mut self, mark: &Mark);
    fn close(&mut self, mark: &Mark);
}

/// Walk `block`'s text and spans in order. Spans that are out of range, not
/// on character boundaries, or overlap without nesting (the fields are
/// public, so anything may come in) are skipped: their text stays.
fn walk(block: &ArticleBlock, sink: &mut impl Inline) {
    let text = block.text.as_str();
    let mut stack: Vec<&Span> = Vec::new();
    let mut pos = 0;
    for span in &block.spans {
        let valid = span.start < span.end
            && span.start >= pos
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        if !valid {
            continue;
        }
        while let Some(top) = stack.last().copied() {
            if top.end > span.start {
                break;
            }
            sink.text(&text[pos..top.end]);
            pos = top.end;
            sink.close(&top.mark);
            stack.pop();
        }
        if stack.last().is_some_and(|top| span.end > top.end) {
            continue;
        }
        sink.text(&text[pos..span.start]);
        pos = span.start;
        sink.open(&span.mark);
        stack.push(span);
    }
    while let Some(top) = stack.pop() {
        sink.text(&text[pos..top.end]);
        pos = top.end;
        sink.close(&top.mark);
    }
    sink.text(&text[pos..]);
}

// ---------------------------------------------------------------- Markdown

struct Markdown {
    out: String,
    line_start: bool,
}

impl Inline for Markdown {
    fn text(&mut self, text: &str) {
        push_escaped_markdown(&mut self.out, text, &mut self.line_start);
    }

    fn open(&mut self, mark: &Mark) {
        self.out.push_str(match mark {
            Mark::Emphasis => "*",
            Mark::Strong => "**",
            Mark::Link { .. } => "[",
        });
        self.line_start = false;
    }

    fn close(&mut self, mark: &Mark) {
        match mark {
            Mark::Emphasis => self.out.push('*'),
            Mark::Strong => self.out.push_str("**"),
            Mark::Link { href } => {
                self.out.push_str("](");
                push_markdown_url(&mut self.out, href);
                self.out.push(')');
            }
        }
    }
}

/// The block's text as Markdown, marks included, escaped.
pub(super) fn markdown(block: &ArticleBlock) -> String {
    let mut sink = Markdown {
        out: String::with_capacity(block.text.len() + 8),
        line_start: true,
    };
    walk(block, &mut sink);
    sink.out
}

/// Escape what Markdown would read as emphasis, code, links, raw HTML or a
/// block marker at the start of a line.
pub(super) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped_markdown(&mut out, text, &mut true);
    out
}

fn push_escaped_markdown(out: &mut String, text: &str, line_start: &mut bool) {
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' | '|' if *line_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        *line_start = c == '\n' || (*line_start && c == ' ');
    }
}

/// A link or image target inside `(...)`: what could end it is
/// percent-encoded (resolved URLs are already encoded but for parentheses).
pub(super) fn push_markdown_url(out: &mut String, url: &str) {
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

// ---------------------------------------------------------------- HTML

struct Html<'a> {
    out: &'a mut String,
}

impl Inline for Html<'_> {
    fn text(&mut self, text: &str) {
        escape_html(self.out, text);
    }

    fn open(&mut self, mark: &Mark) {
        match mark {
            Mark::Emphasis => self.out.push_str("<em>"),
            Mark::Strong => self.out.push_str("<strong>"),
            Mark::Link { href } => {
                self.out.push_str("<a href=\"");
                escape_html(self.out, href);
                self.out.push_str("\">");
            }
        }
    }

    fn close(&mut self, mark: &Mark) {
        self.out.push_str(match mark {
            Mark::Emphasis => "</em>",
            Mark::Strong => "</strong>",
            Mark::Link { .. } => "</a>",
        });
    }
}

/// `<tag>` the block's text, marks included, escaped `</tag>`.
pub(super) fn html_element(out: &mut String, tag: &str, block: &ArticleBlock) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    walk(block, &mut Html { out });
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

/// Append `text` with `&`, `<`, `>` and `"` escaped: safe as element text
/// and inside double-quoted attribute values.
pub(crate) fn escape_html(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::BlockKind;

    fn marked(text: &str, spans: &[(usize, usize, Mark)]) -> ArticleBlock {
        let mut block = ArticleBlock::new(BlockKind::Paragraph, text);
        block.spans = spans
            .iter()
            .map(|(start, end, mark)| Span {
                start: *start,
                end: *end,
                mark: mark.clone(),
            })
            .collect();
        block
    }

    #[test]
    fn nested_marks_render_in_both_forms() {
        let link = Mark::Link {
            href: "https://a.example/x_(y)".into(),
        };
        let block = marked(
            "see the big news now",
            &[
                (4, 16, link),
                (8, 11, Mark::Strong),
                (12, 16, Mark::Emphasis),
            ],
        );
        assert_eq!(
            markdown(&block),
            "see [the **big** *news*](https://a.example/x_%28y%29) now"
        );
        let mut html = String::new();
        html_element(&mut html, "p", &block);
        assert_eq!(
            html,
            "<p>see <a href=\"https://a.example/x_(y)\">the <strong>big</strong> <em>news</em></a> now</p>\n"
        );
    }

    #[test]
    fn bad_spans_are_skipped_text_kept() {
        let block = marked(
            "aé b",
            &[
                (0, 2, Mark::Strong),
                (1, 9, Mark::Emphasis),
                (0, 3, Mark::Emphasis),
            ],
        );
        assert_eq!(markdown(&block), "*aé* b");
        let block = marked("ab cd", &[(0, 4, Mark::Strong), (3, 5, Mark::Emphasis)]);
        assert_eq!(markdown(&block), "**ab c**d");
    }
}
