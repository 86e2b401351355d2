//! "Not found" error pages: the extracted blocks and the page's titles in,
//! whether the page is a server's error page with no main content out.
//!
//! A 404 page still has text ("Sorry, the page you are looking for does not
//! exist. Try searching, or go back home."), which selection keeps as the
//! best it has; but it is not the page anyone asked for, and a crawler
//! should store nothing. Such a page says so in its title or main heading,
//! in a phrase of its own ("Page not found", "Seite nicht gefunden",
//! "404"; `data/not_found_titles.txt`), and has little text. An article
//! about 404 errors has a title that only contains the phrase ("How to fix
//! a 404 Not Found error") and a body far longer than an error page's.

use crate::model::article::{ArticleBlock, BlockKind};
use crate::model::data::rows;
use std::collections::HashSet;
use std::sync::LazyLock;

/// An error page's text is under this many words: the apology, a search
/// box's label, a few links home. The "not found" pages we wrote and those
/// of common CMS themes (WordPress, Shopify, Drupal) run 10 to 60 words;
/// an article about 404 errors runs to hundreds. No page of the three
/// evaluation sets has a title in the list and text this short.
const MAX_ERROR_PAGE_WORDS: usize = 120;

/// Separators between the parts of a title ("Page not found | Site").
const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", ": ", " · "];

static TITLES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    rows(
        "not_found_titles.txt",
        include_str!("data/not_found_titles.txt"),
    )
    .map(|row| normal(row.text))
    .collect()
});

/// Whether the page is an error page: one of `titles` (the head's, the
/// chosen one), a part of one, or the first heading of `blocks`, is a
/// not-found title, and the blocks hold under [`MAX_ERROR_PAGE_WORDS`]
/// words.
pub(crate) fn is_error_page(titles: &[Option<&str>], blocks: &[ArticleBlock]) -> bool {
    let words: usize = blocks
        .iter()
        .map(|b| b.text.split_whitespace().count())
        .sum();
    if words >= MAX_ERROR_PAGE_WORDS {
        return false;
    }
    let heading = blocks
        .iter()
        .find(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| b.text.as_str());
    titles
        .iter()
        .copied()
        .chain(std::iter::once(heading))
        .flatten()
        .any(says_not_found)
}

/// Whether a title, or one of its parts, is a not-found title.
fn says_not_found(title: &str) -> bool {
    let mut parts = vec![title];
    for sep in SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.iter().any(|part| TITLES.contains(&normal(part)))
}

/// Lower-cased, every run of characters that are not letters or digits one
/// space, trimmed.
fn normal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> ArticleBlock {
        ArticleBlock::new(BlockKind::Paragraph, text)
    }

    fn heading(text: &str) -> ArticleBlock {
        ArticleBlock::new(BlockKind::Heading { level: 1 }, text)
    }

    #[test]
    fn error_pages_in_several_languages_are_found() {
        let body = [para("Sorry, the page you are looking for does not exist.")];
        for title in [
            "Page Not Found | The Daily Loaf",
            "404",
            "Seite nicht gefunden – Bäckerei Kranz",
            "Page introuvable - Le Fournil",
            "Página no encontrada",
            "Error 404: Page not found",
        ] {
            assert!(is_error_page(&[Some(title)], &body), "{title}");
        }
        let body = [
            heading("Oops! That page can’t be found."),
            para("Try a search."),
        ];
        assert!(is_error_page(&[Some("The Daily Loaf")], &body));
    }

    #[test]
    fn articles_about_errors_and_long_pages_are_not() {
        let body = [para(
            "A 404 status means the server found nothing at the address.",
        )];
        assert!(!is_error_page(
            &[Some("How to fix a 404 Not Found error")],
            &body
        ));
        assert!(!is_error_page(&[Some("404 errors, explained")], &body));
        let long = [para(&"The server answers with a status code. ".repeat(30))];
        assert!(!is_error_page(
            &[Some("404 Not Found: what it means")],
            &long
        ));
        assert!(!is_error_page(&[None], &[]));
    }

    #[test]
    fn titles_are_compared_by_their_words() {
        assert_eq!(
            normal("  Oops! That page can't be found. "),
            "oops that page can t be found"
        );
        assert_eq!(normal("Página  NO encontrada"), "página no encontrada");
    }
}
