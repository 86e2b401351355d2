//! `<meta>` tags: OpenGraph, Twitter cards, Dublin Core, `article:*`,
//! microdata `<meta itemprop>` and the vendor tags of common publishing
//! systems, looked up by field in priority order.
//!
//! Keys are compared lowercased, as the collector stores them.

/// Title tags, best first.
pub(crate) const TITLE: &[&str] = &[
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "citation_title",
    "parsely-title",
    "sailthru.title",
    "headline",
    "title",
];

/// Author tags, best first.
pub(crate) const AUTHOR: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "article:author_name",
    "citation_author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "cxenseparse:author",
    "book:author",
];

/// Publication date tags, best first.
pub(crate) const PUBLISHED: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "published_time",
    "publication_date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "datecreated",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "published-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "pub_date",
    "og:pubdate",
    "date.available",
    "release_date",
    "cxenseparse:recs:publishtime",
    "dc.date",
    "dcterms.date",
    "date",
];

/// Modification date tags, best first.
pub(crate) const MODIFIED: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "og:updated_time",
    "datemodified",
    "modified_time",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

pub(crate) const SITE_NAME: &[&str] = &[
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
    "dc.publisher",
    "dcterms.publisher",
    "citation_publisher",
];

pub(crate) const DESCRIPTION: &[&str] = &[
    "og:description",
    "description",
    "twitter:description",
    "dc.description",
    "dcterms.description",
    "dcterms.abstract",
];

pub(crate) const IMAGE: &[&str] = &[
    "og:image:secure_url",
    "og:image:url",
    "og:image",
    "twitter:image",
    "twitter:image:src",
    "thumbnailurl",
    "image",
];

pub(crate) const URL: &[&str] = &["og:url", "twitter:url"];

pub(crate) const LANGUAGE: &[&str] = &[
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
    "inlanguage",
    "og:locale",
];

/// Tags whose every occurrence is a tag.
pub(crate) const TAGS: &[&str] = &["article:tag", "og:article:tag", "book:tag", "video:tag"];

/// Comma-separated keyword lists.
pub(crate) const KEYWORDS: &[&str] = &["news_keywords", "keywords", "parsely-tags"];

pub(crate) const SECTION: &[&str] = &[
    "article:section",
    "og:article:section",
    "parsely-section",
    "sailthru.section",
    "section",
];

pub(crate) const TYPE: &[&str] = &["og:type"];

pub(crate) const GENERATOR: &[&str] = &["generator"];

/// The collected `<meta>` tags, for lookups by field.
pub(crate) struct MetaTags<'a> {
    tags: &'a [(String, String)],
}

impl<'a> MetaTags<'a> {
    pub(crate) fn new(tags: &'a [(String, String)]) -> Self {
        MetaTags { tags }
    }

    /// The content of the first present key, in the order of `keys`.
    pub(crate) fn first(&self, keys: &[&str]) -> Option<&'a str> {
        keys.iter().find_map(|k| {
            self.tags
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        })
    }

    /// Every content of the first key present, in page order.
    pub(crate) fn all_of_first(&self, keys: &[&str]) -> Vec<&'a str> {
        keys.iter()
            .map(|k| {
                self.tags
                    .iter()
                    .filter(|(key, _)| key == k)
                    .map(|(_, v)| v.as_str())
                    .collect::<Vec<_>>()
            })
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }

    /// Every content of each key, key by key in the order of `keys`.
    pub(crate) fn each<'k>(&self, keys: &'k [&'k str]) -> impl Iterator<Item = &'a str> + 'k
    where
        'a: 'k,
    {
        let tags = self.tags;
        keys.iter().flat_map(move |k| {
            tags.iter()
                .filter(move |(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_follow_key_priority() {
        let tags: Vec<(String, String)> = [
            ("description", "plain"),
            ("og:description", "og"),
            ("article:tag", "a"),
            ("article:tag", "b"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let m = MetaTags::new(&tags);
        assert_eq!(m.first(DESCRIPTION), Some("og"));
        assert_eq!(m.all_of_first(TAGS), ["a", "b"]);
        assert_eq!(m.first(TITLE), None);
        assert_eq!(m.each(DESCRIPTION).collect::<Vec<_>>(), ["og", "plain"]);
    }
}
