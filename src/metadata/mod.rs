//! Metadata: the parsed [`Dom`] (before pruning) in, the page's title,
//! authors, dates, site name, language, description, URL, image, tags,
//! categories and type out.
//!
//! One walk of the tree (`collect`) gathers every signal; the other modules
//! read one kind each (`jsonld`, `meta_tags`, `dates`, `authors`, `title`,
//! `language`); this module decides between them, field by field, in this
//! order of trust: JSON-LD, meta tags, microdata, `<time>` and byline
//! elements, the URL. Word lists are data (`data/*.txt`, see `vocab`).
//! Nothing here panics on any input: broken JSON and garbage dates give
//! nothing.

mod authors;
mod collect;
mod dates;
mod dom_text;
mod entities;
mod jsonld;
mod language;
mod markers;
mod meta_tags;
mod page;
mod signals;
mod title;
mod vocab;

pub(crate) use language::detect as detect_language;
pub(crate) use vocab::Vocab;

use crate::html::dom::Dom;
use crate::model::date::Date;
use crate::model::page_signals::Declared;
use dates::Day;
use meta_tags::MetaTags;
use page::{absolute, declared, host_of, page_url};
use signals::{BylineKind, Signals};
use title::Site;

/// At most this many tags or categories are kept.
const MAX_LIST: usize = 50;
/// Tags and categories longer than this are sentences, not labels.
const MAX_LABEL_CHARS: usize = 80;

/// What the page says about itself.
#[derive(Debug, Default, Clone)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    /// The headline as the head states it ([`title::head_title`]): what
    /// assembly drops from the body as a repeat.
    pub(crate) head_title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) date_published: Option<String>,
    pub(crate) date_modified: Option<String>,
    pub(crate) site_name: Option<String>,
    /// The declared language only; detection needs the extracted text.
    pub(crate) language: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) canonical_url: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) categories: Vec<String>,
    /// What the page declares its type to be (the classifier decides).
    pub(crate) declared: Declared,
    /// The body as structured data (JSON-LD `articleBody`) states it.
    pub(crate) article_body: Option<String>,
    /// The page's one product's description as structured data states it.
    pub(crate) product_description: Option<String>,
}

/// Read the metadata of `dom`, fetched from `fetched_url` when the caller
/// knows it (a WARC record's target URI, a crawler's URL), on `reference`
/// when it knows the day (see [`Day::latest`]).
pub(crate) fn read(
    dom: &Dom,
    vocab: &Vocab,
    fetched_url: Option<&str>,
    reference: Option<Date>,
) -> Metadata {
    read_at(dom, vocab, Day::latest(reference), fetched_url)
}

/// [`read`] with dates after `latest` refused.
fn read_at(dom: &Dom, vocab: &Vocab, latest: Day, fetched_url: Option<&str>) -> Metadata {
    let s = collect::collect(dom, vocab);
    let ld = jsonld::read(&s.ld_json);
    let metas = MetaTags::new(&s.metas);

    let canonical_url = page_url(&s, &metas, &ld, fetched_url);
    let host = canonical_url.as_deref().and_then(host_of);
    let site_name = metas
        .first(meta_tags::SITE_NAME)
        .map(clean_text)
        .filter(|n| !n.is_empty())
        .or_else(|| ld.website.clone())
        .or_else(|| ld.publisher.clone());
    let site = Site {
        name: site_name.as_deref(),
        host,
    };

    let (title, head_title) = titles(&s, &metas, &ld, &site);

    let authors = authors(&s, &metas, &ld, vocab, latest, &site);
    let headline = title.as_deref().and_then(|t| {
        s.headings
            .iter()
            .find(|h| h.text == t)
            .or_else(|| s.headings.iter().find(|h| h.level == 1))
    });
    let date_published = published(
        &s,
        &metas,
        &ld,
        vocab,
        latest,
        canonical_url.as_deref(),
        headline,
    );
    let date_modified = ld
        .date_modified
        .iter()
        .map(String::as_str)
        .chain(metas.each(meta_tags::MODIFIED))
        .chain(
            s.times
                .iter()
                .filter(|t| t.modified)
                .map(|t| t.value.as_str()),
        )
        .find_map(|v| dates::parse_stamp(v, vocab, latest))
        .map(|d| d.iso);

    let language = s
        .html_lang
        .iter()
        .map(String::as_str)
        .chain(metas.each(meta_tags::LANGUAGE))
        .chain(ld.language.as_deref())
        .find_map(language::normalise_tag);
    let description = metas
        .first(meta_tags::DESCRIPTION)
        .map(clean_text)
        .filter(|d| !d.is_empty())
        .or_else(|| ld.description.clone());
    let image = metas
        .first(meta_tags::IMAGE)
        .map(str::to_string)
        .or_else(|| ld.image.clone())
        .or_else(|| s.image_src.clone())
        .and_then(|i| absolute(&i, canonical_url.as_deref()));

    let (tags, categories) = labels(&s, &metas, &ld);

    let mut declared = declared(&s, &metas, &ld);
    declared.authored = !authors.is_empty();
    declared.dated = date_published.is_some();
    Metadata {
        title,
        head_title,
        authors,
        date_published,
        date_modified,
        site_name,
        language,
        description,
        canonical_url,
        image,
        tags,
        categories,
        declared,
        article_body: ld.article_body,
        product_description: ld.product_description,
    }
}

/// The title (chosen from the head's candidates and the headings) and the
/// headline as the head states it.
fn titles(
    s: &Signals,
    metas: &MetaTags,
    ld: &jsonld::Facts,
    site: &Site,
) -> (Option<String>, Option<String>) {
    let mut head_titles: Vec<String> = Vec::new();
    let mut add_title = |t: Option<String>| {
        if let Some(t) = t.filter(|t| !t.is_empty()) {
            head_titles.push(t);
        }
    };
    add_title(metas.first(&["og:title"]).map(clean_text));
    add_title(ld.headline.clone());
    add_title(s.headline.as_deref().map(clean_text));
    for t in metas.each(&meta_tags::TITLE[1..]) {
        add_title(Some(clean_text(t)));
    }
    add_title(s.title_tag.as_deref().map(clean_text));
    add_title(ld.page_name.clone());
    let title = title::choose(&head_titles, &s.headings, site);
    let head_title = title::head_title(
        metas.first(&["og:title"]),
        s.title_tag.as_deref(),
        s.first_h1.as_deref(),
    );
    (title, head_title)
}

/// The tags (explicit ones, else the keywords meta) and the categories.
fn labels(s: &Signals, metas: &MetaTags, ld: &jsonld::Facts) -> (Vec<String>, Vec<String>) {
    let mut tags = Vec::new();
    let explicit = ld
        .keywords
        .iter()
        .map(String::as_str)
        .chain(metas.each(meta_tags::TAGS))
        .chain(s.tag_links.iter().map(String::as_str));
    add_labels(&mut tags, explicit, false);
    if tags.is_empty() {
        add_labels(&mut tags, metas.first(meta_tags::KEYWORDS), true);
    }
    let mut categories = Vec::new();
    let sections = ld
        .sections
        .iter()
        .map(String::as_str)
        .chain(metas.each(meta_tags::SECTION))
        .chain(s.category_links.iter().map(String::as_str));
    add_labels(&mut categories, sections, false);
    (tags, categories)
}

/// The authors: from the first source that names a person, in order of
/// trust. Names that are the site's own are kept only when nothing else
/// names anyone.
fn authors(
    s: &Signals,
    metas: &MetaTags,
    ld: &jsonld::Facts,
    vocab: &Vocab,
    latest: Day,
    site: &Site,
) -> Vec<String> {
    let clean_all = |raws: &mut dyn Iterator<Item = &str>| {
        let mut names = Vec::new();
        for raw in raws {
            for name in authors::clean(raw, vocab, latest) {
                authors::push_unique(&mut names, name);
            }
        }
        names
    };
    let bylines = |kind: BylineKind| {
        clean_all(
            &mut s
                .bylines
                .iter()
                .filter(move |b| b.kind == kind)
                .map(|b| b.text.as_str()),
        )
    };
    let sources: [&dyn Fn() -> Vec<String>; 6] = [
        &|| {
            clean_all(
                &mut ld
                    .authors
                    .iter()
                    .filter(|a| !a.organization)
                    .map(|a| a.name.as_str()),
            )
        },
        &|| clean_all(&mut metas.all_of_first(meta_tags::AUTHOR).into_iter()),
        &|| bylines(BylineKind::Itemprop),
        &|| bylines(BylineKind::Link),
        &|| bylines(BylineKind::Class),
        &|| {
            clean_all(
                &mut ld
                    .authors
                    .iter()
                    .filter(|a| a.organization)
                    .map(|a| a.name.as_str()),
            )
        },
    ];
    let mut fallback = Vec::new();
    for source in sources {
        let names = source();
        if names.is_empty() {
            continue;
        }
        if names.iter().all(|n| site.matches(n)) {
            if fallback.is_empty() {
                fallback = names;
            }
            continue;
        }
        return names;
    }
    if fallback.is_empty() {
        // No person named anywhere: a newsroom credit, if the page gives one.
        let raws = ld
            .authors
            .iter()
            .map(|a| a.name.as_str())
            .chain(metas.all_of_first(meta_tags::AUTHOR))
            .chain(s.bylines.iter().map(|b| b.text.as_str()));
        fallback.extend(raws.into_iter().find_map(|r| authors::collective(r, vocab)));
    }
    fallback
}

/// The publication date.
///
/// Machine-readable dates (JSON-LD, meta tags, marked `<time>` and microdata
/// values) are read first; dates shown to the reader (date- and
/// byline-classed elements, the text around the headline, any `<time>`)
/// next, then the URL. A machine stamp is often in UTC while the page shows
/// and the URL holds the site's local day: when one of those is a day off
/// the stamp, it wins.
fn published(
    s: &Signals,
    metas: &MetaTags,
    ld: &jsonld::Facts,
    vocab: &Vocab,
    latest: Day,
    url: Option<&str>,
    headline: Option<&signals::Heading>,
) -> Option<String> {
    let stamp = |v: &str| dates::parse_stamp(v, vocab, latest);
    let text = |v: &str| dates::find_in_text(v, vocab, latest, true);
    let machine = ld
        .date_published
        .as_deref()
        .and_then(stamp)
        .or_else(|| metas.each(meta_tags::PUBLISHED).find_map(stamp))
        .or_else(|| {
            s.times
                .iter()
                .filter(|t| t.published)
                .find_map(|t| stamp(&t.value))
        });
    let shown = || {
        s.date_texts
            .iter()
            .chain(s.bylines.iter().map(|b| &b.text))
            .find_map(|t| text(t))
            .map(dates::Stamp::from)
            .or_else(|| {
                s.times
                    .iter()
                    .filter(|t| !t.modified)
                    .find_map(|t| stamp(&t.value))
            })
            .or_else(|| {
                let h = headline?;
                let before = h
                    .before
                    .get(h.before.len().saturating_sub(120)..)
                    .unwrap_or("");
                dates::find_in_text(&h.after, vocab, latest, false)
                    .or_else(|| dates::find_in_text(before, vocab, latest, false))
                    .map(dates::Stamp::from)
            })
    };
    let from_url = url.and_then(|u| dates::from_url(u, latest));
    match machine {
        Some(m) => {
            let local = from_url.or_else(|| shown().map(|s| s.day));
            if let Some(l) = local.filter(|l| (l.days() - m.day.days()).abs() == 1) {
                return Some(l.iso());
            }
            Some(m.iso)
        }
        None => shown()
            .map(|s| s.iso)
            .or_else(|| from_url.map(Day::iso))
            .or_else(|| loose(s, vocab, latest)),
    }
}

/// The last resort for the publication date: the first full date in a
/// short text of the page (outside menus, footers and comments), else in
/// the `<title>`.
fn loose(s: &Signals, vocab: &Vocab, latest: Day) -> Option<String> {
    s.loose_texts
        .iter()
        .chain(&s.title_tag)
        .find_map(|t| dates::find_in_text(t, vocab, latest, false))
        .map(Day::iso)
}

/// Add labels (tags, categories) to `list`: cleaned, split at commas when
/// `split`, without duplicates (ignoring case), at most [`MAX_LIST`].
fn add_labels<'a>(list: &mut Vec<String>, labels: impl IntoIterator<Item = &'a str>, split: bool) {
    for label in labels {
        let pieces: Vec<&str> = if split {
            label.split([',', ';']).collect()
        } else {
            vec![label]
        };
        for piece in pieces {
            let piece = clean_text(piece);
            let lower = piece.to_lowercase();
            if piece.is_empty()
                || piece.chars().count() > MAX_LABEL_CHARS
                || list.len() >= MAX_LIST
                || list.iter().any(|l| l.to_lowercase() == lower)
            {
                continue;
            }
            list.push(piece);
        }
    }
}

/// Whitespace collapsed and the commonest character references decoded
/// (JSON-LD values are often HTML-escaped twice).
pub(crate) fn clean_text(text: &str) -> String {
    let text = entities::decode(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
