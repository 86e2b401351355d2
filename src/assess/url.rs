//! The shape of a page's URL: a URL in, the path-segment groups it shows
//! out (`/docs/`, `/forum/`, `/product/`, `/collections/`, a dated blog
//! path, a section front, the home page). Segment words are data
//! (`data/url-segments.txt`).

/// The segment groups of `data/url-segments.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Group {
    Docs,
    Forum,
    Product,
    Collection,
    Service,
    Post,
    Section,
}

const GROUPS: [(&str, Group); 7] = [
    ("docs", Group::Docs),
    ("forum", Group::Forum),
    ("product", Group::Product),
    ("collection", Group::Collection),
    ("service", Group::Service),
    ("post", Group::Post),
    ("section", Group::Section),
];

/// The segment words of each group.
#[derive(Debug, Clone)]
pub(crate) struct SegmentWords {
    words: Vec<(String, Group)>,
}

impl SegmentWords {
    /// Parse `data/url-segments.txt`.
    pub(crate) fn load() -> SegmentWords {
        let mut words = Vec::new();
        for line in include_str!("data/url-segments.txt").lines() {
            let line = line.trim();
            let Some((name, list)) = line.split_once(':') else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            if let Some(&(_, group)) = GROUPS.iter().find(|(n, _)| *n == name.trim()) {
                words.extend(list.split_whitespace().map(|w| (w.to_string(), group)));
            }
        }
        SegmentWords { words }
    }

    /// Whether `segment` is a word of `group` (a word may be in several).
    fn is(&self, segment: &str, group: Group) -> bool {
        self.words
            .iter()
            .any(|(w, g)| *g == group && w.eq_ignore_ascii_case(segment))
    }
}

/// What a URL's path shows.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct UrlShape {
    /// A URL was given at all.
    pub(super) known: bool,
    /// The path is empty, or only a locale (`/en/`, `/en-us/`).
    pub(super) home: bool,
    pub(super) docs: bool,
    pub(super) forum: bool,
    pub(super) product: bool,
    pub(super) collection: bool,
    /// A service segment (`/services/`, `/pricing`).
    pub(super) service: bool,
    /// A service word among a segment's hyphenated words.
    pub(super) service_word: bool,
    /// An article section word (`blog`, `news`) with a slug after it.
    pub(super) post: bool,
    /// A year segment (1990 to 2099).
    pub(super) dated: bool,
    /// The path ends in a section word (`/news`, `/blog/`).
    pub(super) section: bool,
    /// Hyphenated words in the last segment (a slug's length).
    pub(super) slug_words: usize,
    /// Path segments, locales left out.
    pub(super) depth: usize,
}

/// The shape of `url` (absolute, or a path).
pub(super) fn shape(url: Option<&str>, words: &SegmentWords) -> UrlShape {
    let Some(url) = url else {
        return UrlShape::default();
    };
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = match rest.find('/') {
        Some(i) if url.contains("://") => &rest[i..],
        Some(_) => rest,
        None if url.contains("://") => "",
        None => rest,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path
        .split('/')
        .filter(|s| !s.is_empty() && !is_locale(s))
        .collect();
    let mut out = UrlShape {
        known: true,
        home: segments.is_empty(),
        depth: segments.len(),
        ..UrlShape::default()
    };
    for (i, segment) in segments.iter().enumerate() {
        let stem = segment.split('.').next().unwrap_or(segment);
        let last = i + 1 == segments.len();
        if stem.len() == 4
            && stem.starts_with(['1', '2'])
            && stem.bytes().all(|b| b.is_ascii_digit())
        {
            out.dated |= ("1990".."2100").contains(&stem);
        }
        let is = |group| words.is(segment, group) || words.is(stem, group);
        out.docs |= is(Group::Docs);
        out.forum |= is(Group::Forum);
        out.product |= is(Group::Product);
        out.collection |= is(Group::Collection);
        out.service |= is(Group::Service);
        out.service_word |= stem.split(['-', '_']).any(|w| words.is(w, Group::Service));
        out.section |= last && is(Group::Section);
        out.post |= !last && is(Group::Post);
    }
    if let Some(last) = segments.last() {
        let stem = last.split('.').next().unwrap_or(last);
        out.slug_words = stem.split(['-', '_']).filter(|w| w.len() > 1).count();
    }
    out
}

/// `en`, `de`, `en-us`, `en_GB`: a locale segment, which says nothing of
/// the page.
fn is_locale(segment: &str) -> bool {
    let b = segment.as_bytes();
    let letters = |s: &[u8]| s.iter().all(u8::is_ascii_alphabetic);
    match b.len() {
        2 => letters(b),
        5 => letters(&b[..2]) && matches!(b[2], b'-' | b'_') && letters(&b[3..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(url: &str) -> UrlShape {
        shape(Some(url), &SegmentWords::load())
    }

    #[test]
    fn groups_and_shapes() {
        assert!(of("https://example.com/").home);
        assert!(of("https://example.com/en-us/").home);
        assert!(of("https://example.com/docs/getting-started").docs);
        assert!(of("https://forum.example.org/t/how-to/123").forum);
        assert!(of("https://shop.example/products/red-kettle?x=1").product);
        assert!(of("https://shop.example/collections/kettles").collection);
        let post = of("https://news.example/blog/2024/05/a-long-story-about-rain");
        assert!(post.post && post.dated && !post.section);
        assert_eq!(post.slug_words, 4);
        assert!(of("https://news.example/news/").section);
        assert!(of("https://firm.example/services/tax").service);
        assert!(of("https://firm.example/data-analytics-services/").service_word);
        assert!(!of("https://news.example/news/").post);
        assert_eq!(of("https://news.example/a/b/c").depth, 3);
        assert_eq!(shape(None, &SegmentWords::load()), UrlShape::default());
    }
}
