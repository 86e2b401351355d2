//! What the page is and where: its own URL (canonical link, `og:url`,
//! JSON-LD `url`), URLs made absolute against it, and what it declares its type to be.

use super::jsonld;
use super::meta_tags::{self, MetaTags};
use super::signals::Signals;
use crate::model::page_signals::Declared;

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

/// What the page declares about its type: JSON-LD `@type`s (the main
/// entity's first), microdata item types, `og:type`, the generator and the
/// number of `<article>` elements. The classifier (`assess`) weighs them.
pub(super) fn declared(s: &Signals, metas: &MetaTags, ld: &jsonld::Facts) -> Declared {
    let mut schema_types: Vec<String> = Vec::new();
    for t in ld.main_type.iter().chain(&s.item_types).chain(&ld.types) {
        if !schema_types.contains(t) {
            schema_types.push(t.clone());
        }
    }
    let lower = |keys: &[&str]| metas.first(keys).map(|v| v.trim().to_ascii_lowercase());
    Declared {
        schema_types,
        og_type: lower(meta_tags::TYPE),
        generator: lower(meta_tags::GENERATOR),
        articles: s.articles,
        // Set by the caller, which reads authors and dates.
        authored: false,
        dated: false,
    }
}
