//! Stage 8, render: the article's blocks in, text, Markdown or HTML out.

mod inline;

use crate::model::article::{Article, ArticleBlock, BlockKind};
pub(crate) use inline::escape_html;
use inline::{escape_markdown, html_element};

// The renderings are methods of the article, written here so the model
// does not depend on the output layer.
impl Article {
    /// The article as Markdown: headings, paragraphs, lists, block quotes,
    /// code blocks and GitHub tables, with the title as a first-level
    /// heading; emphasis as `*x*` and `**x**`, links as `[text](url)` and
    /// images as `![alt](url)` when they were extracted. Text that Markdown
    /// would read as markup or raw HTML is escaped.
    ///
    /// ```
    /// let html = "<article><h2>Steps</h2><ol><li>Mix the flour and water well.</li>\
    ///     <li>Leave the dough to rest for an hour.</li></ol></article>";
    /// let markdown = unboil::extract(html)?.to_markdown();
    /// assert!(markdown.contains("## Steps") && markdown.contains("1. Mix the flour"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        markdown(self.title.as_deref(), &self.blocks)
    }

    /// The article as a minimal, clean HTML document: structural tags only
    /// (headings, paragraphs, lists, quotes, code, tables, `em`, `strong`,
    /// and `a href` and `img src alt` when extracted), every text
    /// escaped, the result passed through the `ammonia` sanitiser, so it is
    /// safe to display: no scripts, event handlers, styles or `javascript:`.
    ///
    /// ```
    /// let html = r#"<article><p>Safe &lt;script&gt;alert(1)&lt;/script&gt; text, long enough to keep.</p></article>"#;
    /// let clean = unboil::extract(html)?.to_html();
    /// assert!(!clean.contains("<script") && clean.contains("&lt;script&gt;"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        html(self.title.as_deref(), &self.blocks)
    }
}

/// Plain text: one block per paragraph, separated by a blank line. Images
/// are not text: their alternative text is left out.
pub(crate) fn text(body: &[ArticleBlock]) -> String {
    let mut out = String::with_capacity(body.iter().map(|b| b.text.len() + 2).sum());
    for block in body.iter().filter(|b| b.kind != BlockKind::Image) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block.text);
    }
    out
}

/// A run of blocks rendered together: one block, a list, or a table.
enum Group<'a> {
    Single(&'a ArticleBlock),
    List(&'a [ArticleBlock], bool),
    Table(&'a [ArticleBlock]),
}

/// Consecutive list items of one kind form a list; consecutive cells of
/// one table form a table.
fn groups(body: &[ArticleBlock]) -> Vec<Group<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let run = |same: &dyn Fn(&BlockKind) -> bool| {
            body[i..].iter().take_while(|b| same(&b.kind)).count()
        };
        match body[i].kind {
            BlockKind::ListItem { ordered } => {
                let n = run(&|k| *k == BlockKind::ListItem { ordered });
                out.push(Group::List(&body[i..i + n], ordered));
                i += n;
            }
            BlockKind::TableCell { table, .. } => {
                let n = run(&|k| matches!(k, BlockKind::TableCell { table: t, .. } if *t == table));
                out.push(Group::Table(&body[i..i + n]));
                i += n;
            }
            _ => {
                out.push(Group::Single(&body[i]));
                i += 1;
            }
        }
    }
    out
}

/// The cells of a table, row by row.
fn rows(cells: &[ArticleBlock]) -> Vec<Vec<&ArticleBlock>> {
    let mut rows: Vec<Vec<&ArticleBlock>> = Vec::new();
    let mut current = None;
    for cell in cells {
        let row = match cell.kind {
            BlockKind::TableCell { row, .. } => row,
            _ => 0,
        };
        if current != Some(row) {
            rows.push(Vec::new());
            current = Some(row);
        }
        if let Some(last) = rows.last_mut() {
            last.push(cell);
        }
    }
    rows
}

// ---------------------------------------------------------------- Markdown

/// The article as Markdown (see [`Article::to_markdown`](crate::Article::to_markdown)).
pub(crate) fn markdown(title: Option<&str>, body: &[ArticleBlock]) -> String {
    let mut out = String::new();
    if let Some(title) = title {
        out.push_str("# ");
        out.push_str(&escape_markdown(title));
        out.push_str("\n\n");
    }
    for group in groups(body) {
        match group {
            Group::Single(block) => markdown_block(&mut out, block),
            Group::List(items, ordered) => {
                for (n, item) in items.iter().enumerate() {
                    if ordered {
                        out.push_str(&format!("{}. ", n + 1));
                    } else {
                        out.push_str("- ");
                    }
                    out.push_str(&inline::markdown(item).replace('\n', "\n   "));
                    out.push('\n');
                }
                out.push('\n');
            }
            Group::Table(cells) => markdown_table(&mut out, cells),
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn markdown_block(out: &mut String, block: &ArticleBlock) {
    match block.kind {
        BlockKind::Heading { level } => {
            // The title is the one first-level heading.
            let level = usize::from(level.clamp(2, 6));
            out.push_str(&"#".repeat(level));
            out.push(' ');
            out.push_str(&inline::markdown(block));
        }
        BlockKind::Quote => {
            for line in inline::markdown(block).lines() {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
        }
        BlockKind::Code => {
            // A fence longer than any backtick run inside the code.
            let longest = block
                .text
                .split(|c| c != '`')
                .map(str::len)
                .max()
                .unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            out.push_str(&fence);
            out.push('\n');
            out.push_str(&block.text);
            out.push('\n');
            out.push_str(&fence);
        }
        BlockKind::Caption => {
            out.push('*');
            out.push_str(&inline::markdown(block));
            out.push('*');
        }
        BlockKind::Image => {
            out.push_str("![");
            out.push_str(&escape_markdown(&block.text));
            out.push_str("](");
            inline::push_markdown_url(out, block.url.as_deref().unwrap_or_default());
            out.push(')');
        }
        _ => out.push_str(&inline::markdown(block)),
    }
    out.push_str("\n\n");
}

fn markdown_table(out: &mut String, cells: &[ArticleBlock]) {
    let rows = rows(cells);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for (r, row) in rows.iter().enumerate() {
        out.push('|');
        for c in 0..width {
            let text = row
                .get(c)
                .map(|cell| {
                    inline::markdown(cell)
                        .replace('|', "\\|")
                        .replace('\n', " ")
                })
                .unwrap_or_default();
            out.push(' ');
            out.push_str(&text);
            out.push_str(" |");
        }
        out.push('\n');
        if r == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(width));
            out.push('\n');
        }
    }
    out.push('\n');
}

// ---------------------------------------------------------------- HTML

/// The article as a small HTML document (see
/// [`Article::to_html`](crate::Article::to_html)).
pub(crate) fn html(title: Option<&str>, body: &[ArticleBlock]) -> String {
    let mut out = String::from("<article>\n");
    if let Some(title) = title {
        element(&mut out, "h1", title);
    }
    for group in groups(body) {
        match group {
            Group::Single(block) => match block.kind {
                BlockKind::Heading { level } => {
                    let tag = ["h2", "h2", "h2", "h3", "h4", "h5", "h6"][usize::from(level.min(6))];
                    html_element(&mut out, tag, block);
                }
                BlockKind::Quote => {
                    out.push_str("<blockquote>");
                    html_element(&mut out, "p", block);
                    out.push_str("</blockquote>\n");
                }
                BlockKind::Code => {
                    out.push_str("<pre><code>");
                    escape_html(&mut out, &block.text);
                    out.push_str("</code></pre>\n");
                }
                BlockKind::Caption => html_element(&mut out, "figcaption", block),
                BlockKind::Image => {
                    out.push_str("<img src=\"");
                    escape_html(&mut out, block.url.as_deref().unwrap_or_default());
                    out.push_str("\" alt=\"");
                    escape_html(&mut out, &block.text);
                    out.push_str("\">\n");
                }
                _ => html_element(&mut out, "p", block),
            },
            Group::List(items, ordered) => {
                let tag = if ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                for item in items {
                    html_element(&mut out, "li", item);
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Group::Table(cells) => {
                out.push_str("<table>\n");
                for row in rows(cells) {
                    out.push_str("<tr>");
                    for cell in row {
                        let header = matches!(cell.kind, BlockKind::TableCell { header: true, .. });
                        html_element(&mut out, if header { "th" } else { "td" }, cell);
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    out.push_str("</article>\n");
    sanitise(&out)
}

fn element(out: &mut String, tag: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    escape_html(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

/// Keep only structural tags, `href` on links and `src`/`alt` on images,
/// `http(s)`/`mailto` URLs: every text is already escaped and every URL
/// checked, so this is defence in depth should a later change let markup in.
fn sanitise(html: &str) -> String {
    let tags = [
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "code",
        "table",
        "tr",
        "th",
        "td",
        "figcaption",
        "em",
        "strong",
        "a",
        "img",
    ];
    let attributes = std::collections::HashMap::from([
        ("a", std::collections::HashSet::from(["href"])),
        ("img", std::collections::HashSet::from(["src", "alt"])),
    ]);
    ammonia::Builder::empty()
        .add_tags(tags)
        .tag_attributes(attributes)
        .generic_attributes(std::collections::HashSet::new())
        .url_schemes(std::collections::HashSet::from(["http", "https", "mailto"]))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, text: &str) -> ArticleBlock {
        ArticleBlock::new(kind, text)
    }

    fn cell(row: u32, text: &str) -> ArticleBlock {
        block(
            BlockKind::TableCell {
                table: 0,
                row,
                header: row == 0,
            },
            text,
        )
    }

    #[test]
    fn markdown_renders_structure() {
        let body = [
            block(BlockKind::Heading { level: 2 }, "Results"),
            block(BlockKind::ListItem { ordered: false }, "one"),
            block(BlockKind::ListItem { ordered: false }, "two"),
            cell(0, "Region"),
            cell(0, "mm"),
            cell(1, "North"),
            cell(1, "912"),
            block(BlockKind::Code, "let x = `a`;"),
        ];
        let md = markdown(Some("Title"), &body);
        assert!(
            md.starts_with("# Title\n\n## Results\n\n- one\n- two\n\n"),
            "{md}"
        );
        assert!(
            md.contains("| Region | mm |\n| --- | --- |\n| North | 912 |"),
            "{md}"
        );
        assert!(md.contains("```\nlet x = `a`;\n```"), "{md}");
    }

    #[test]
    fn markdown_escapes_what_would_become_markup() {
        let md = markdown(
            None,
            &[block(
                BlockKind::Paragraph,
                "# not a heading <b>*x*</b> [y](z)",
            )],
        );
        assert_eq!(md, "\\# not a heading \\<b\\>\\*x\\*\\</b\\> \\[y\\](z)\n");
    }

    #[test]
    fn html_is_escaped_and_structural() {
        let body = [
            block(
                BlockKind::Paragraph,
                r#"<img src=x onerror="alert(1)"> & <script>"#,
            ),
            block(BlockKind::ListItem { ordered: true }, "first"),
        ];
        let out = html(Some("T"), &body);
        assert!(!out.contains("<img") && !out.contains("<script"), "{out}");
        assert!(
            out.contains("&lt;img") && out.contains("<ol>\n<li>first</li>"),
            "{out}"
        );
    }
}
