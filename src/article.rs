//! What extraction returns: the [`Article`], its body as structured
//! [`ArticleBlock`]s, and the text, Markdown and HTML renderings of it.

use crate::render;
use serde::Serialize;

/// The main content of a page.
///
/// `text` holds one block per paragraph, heading, list item, table cell or
/// quote, separated by a blank line. It is empty when the page has no main
/// content (a bare navigation page, say); that is not an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Article {
    /// The page's title, when one was found.
    pub title: Option<String>,
    /// The article body as plain text.
    pub text: String,
    /// The article body as structured blocks, in order (what `text`,
    /// [`to_markdown`](Self::to_markdown) and [`to_html`](Self::to_html) render).
    pub blocks: Vec<ArticleBlock>,
    /// Reader comments, apart from the body (never mixed into `text`): one
    /// block per comment paragraph, separated by a blank line. Empty when the
    /// page has none or [`include_comments`](crate::ExtractorBuilder::include_comments) is off.
    pub comments: String,
    /// The authors the page names, in byline order (from HTML metadata, or
    /// for plain text a byline such as "By Jane Doe" or the name a bio opens
    /// with). Empty when none was found.
    pub authors: Vec<String>,
    /// The publication date in ISO 8601 (`2024-03-12`) when one was found.
    /// A page that gives a publication date and an update date gives the
    /// publication date here.
    pub date_published: Option<String>,
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ArticleBlock {
    /// What the block is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Its text, whitespace collapsed (line breaks kept in code).
    pub text: String,
}

/// What an [`ArticleBlock`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph, or loose text in a container.
    Paragraph,
    /// A heading, `level` 1 to 6.
    Heading {
        /// 1 for `<h1>` ... 6 for `<h6>`.
        level: u8,
    },
    /// An item of a list.
    ListItem {
        /// The list is numbered (`<ol>`).
        ordered: bool,
    },
    /// A quotation.
    Quote,
    /// Preformatted text or code.
    Code,
    /// A cell of a table; `table` and `row` number the article's tables and
    /// each table's rows from 0.
    TableCell {
        /// Which table of the article.
        table: u32,
        /// Which row of that table.
        row: u32,
        /// A header cell (`<th>`).
        header: bool,
    },
    /// A caption of a figure or table.
    Caption,
}

impl Article {
    /// True when no main content was found.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The article as Markdown: headings, paragraphs, lists, block quotes,
    /// code blocks and GitHub tables, with the title as a first-level
    /// heading. Text that Markdown would read as markup or raw HTML is
    /// escaped.
    ///
    /// ```
    /// let html = "<article><h2>Steps</h2><ol><li>Mix the flour and water well.</li>\
    ///     <li>Leave the dough to rest for an hour.</li></ol></article>";
    /// let markdown = unboil::extract(html)?.to_markdown();
    /// assert!(markdown.contains("## Steps") && markdown.contains("1. Mix the flour"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        render::markdown(self.title.as_deref(), &self.blocks)
    }

    /// The article as a minimal, clean HTML document: structural tags only
    /// (headings, paragraphs, lists, quotes, code, tables), every text
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
        render::html(self.title.as_deref(), &self.blocks)
    }
}
