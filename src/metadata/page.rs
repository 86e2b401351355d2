//! What the page is and where: its own URL (canonical link, `og:url`,
//! JSON-LD `url`), URLs made absolute against it, and its [`PageType`].

use super::jsonld;
use super::meta_tags::{self, MetaTags};
use super::signals::Signals;
use crate::model::article::PageType;

/// The page's own URL: `<link rel=canonical>`, `og:url`, JSON-LD `url`,
/// and last the URL it was fetched from; relative values are resolved
/// against the others.
pub(super) fn page_url(
    s: &Signals,
    metas: &MetaTags,
    ld: &jsonld::Facts,
    fetched: Option<&str>,
) -> Option<String> {
    let candidates: Vec<&str> = s
        .canonical
        .as_deref()
        .into_iter()
        .chain(metas.each(meta_tags::URL))
        .chain(ld.url.as_deref())
        .chain(fetched)
        .map(str::trim)
        .collect();
    let base = candidates.iter().copied().find(|u| is_absolute(u));
    candidates.iter().find_map(|u| absolute(u, base))
}

fn is_absolute(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && host_of(url).is_some()
}

/// `url` made absolute against `base`: protocol-relative and root-relative
/// URLs are resolved; other relative forms are refused.
pub(super) fn absolute(url: &str, base: Option<&str>) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    if is_absolute(url) {
        return Some(url.to_string());
    }
    let base = base.filter(|b| is_absolute(b));
    if let Some(rest) = url.strip_prefix("//") {
        let scheme = base
            .and_then(|b| b.split_once("://"))
            .map_or("https", |(s, _)| s);
        return Some(format!("{scheme}://{rest}")).filter(|u| is_absolute(u));
    }
    if url.starts_with('/') {
        let base = base?;
        let (scheme, rest) = base.split_once("://")?;
        let host = rest.split(['/', '?', '#']).next()?;
        return Some(format!("{scheme}://{host}{url}"));
    }
    None
}

/// The host of an absolute URL, without port or credentials.
pub(super) fn host_of(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// What kind of page: JSON-LD or microdata type, `og:type`, the generator,
/// then the number of `<article>` elements.
pub(super) fn page_type(s: &Signals, metas: &MetaTags, ld: &jsonld::Facts) -> PageType {
    let by_schema = |t: &str| match t {
        "DiscussionForumPosting" | "QAPage" | "Question" | "Comment" => Some(PageType::Forum),
        "Product" | "ProductGroup" | "Offer" | "IndividualProduct" => Some(PageType::Product),
        "CollectionPage" | "SearchResultsPage" | "ItemList" => Some(PageType::Listing),
        t if t.ends_with("Article") || t.ends_with("Posting") => Some(PageType::Article),
        "Report" | "Recipe" | "HowTo" | "Review" | "Guide" | "PressRelease" => {
            Some(PageType::Article)
        }
        _ => None,
    };
    if let Some(t) = ld.main_type.as_deref().and_then(by_schema) {
        return t;
    }
    if let Some(t) = s.item_types.iter().find_map(|t| by_schema(t)) {
        return t;
    }
    if let Some(t) = ld.types.iter().find_map(|t| by_schema(t)) {
        return t;
    }
    let og = metas
        .first(meta_tags::TYPE)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if og.contains("article") || og == "blog" || og == "news" || og.starts_with("news") {
        return PageType::Article;
    }
    if og.contains("product") {
        return PageType::Product;
    }
    let generator = metas
        .first(meta_tags::GENERATOR)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    const FORUMS: [&str; 10] = [
        "vbulletin",
        "phpbb",
        "xenforo",
        "discourse",
        "invision",
        "mybb",
        "simple machines",
        "vanilla",
        "flarum",
        "nodebb",
    ];
    if FORUMS.iter().any(|f| generator.contains(f)) {
        return PageType::Forum;
    }
    match s.articles {
        0 => PageType::Other,
        1 | 2 => PageType::Article,
        _ => PageType::Listing,
    }
}
