//! Reader comments: for a set whose `metadata.json` lists comment snippets,
//! how many land in `Article::comments` and how many leak into the body.

use serde_json::Value;
use unboil::Extractor;

use super::Result;
use crate::corpus::{read_optional, Page};
use crate::metric::normalize_whitespace;
use std::path::Path;

/// How the reader-comment snippets of `metadata.json` fared.
pub(super) struct CommentCheck {
    pub(super) pages: usize,
    pub(super) snippets: usize,
    found: usize,
    pub(super) in_body: usize,
}

impl CommentCheck {
    pub(super) fn recall(&self) -> f64 {
        if self.snippets == 0 {
            0.0
        } else {
            self.found as f64 / self.snippets as f64
        }
    }
}

/// When the set has `metadata.json` with `comments` snippets: how many are
/// found in `Article::comments`, and how many leak into the body text.
pub(super) fn comment_check(
    dir: &Path,
    pages: &[Page],
    extractor: &Extractor,
) -> Result<Option<CommentCheck>> {
    let Some(metadata) = read_optional(&dir.join("metadata.json"))? else {
        return Ok(None);
    };
    let mut check = CommentCheck {
        pages: 0,
        snippets: 0,
        found: 0,
        in_body: 0,
    };
    for page in pages {
        // Empty annotations ("") are in every text; they say nothing.
        let snippets: Vec<String> = metadata
            .get(&page.id)
            .and_then(|m| m.get("comments"))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(normalize_whitespace)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if snippets.is_empty() {
            continue;
        }
        let Ok(article) = extractor.extract(&page.html) else {
            continue;
        };
        check.pages += 1;
        let comments = normalize_whitespace(&article.comments);
        let body = normalize_whitespace(&article.text);
        for snippet in &snippets {
            check.snippets += 1;
            check.found += usize::from(comments.contains(snippet.as_str()));
            check.in_body += usize::from(body.contains(snippet.as_str()));
        }
    }
    Ok(Some(check))
}
