//! What extraction returns: the [`Article`].

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
    /// The author named by the page, when one was found (from page text:
    /// a byline such as "By Jane Doe", or the name a bio opens with).
    pub author: Option<String>,
    /// The publication date, when one was found: ISO 8601 (`2024-03-12`)
    /// when a full date could be read, else absent. A page that gives a
    /// publication date and an update date gives the publication date.
    pub date: Option<String>,
}

impl Article {
    /// True when no main content was found.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}
