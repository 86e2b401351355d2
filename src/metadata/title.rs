//! The title: the headline as the page shows it, without the site's name.
//!
//! Titles from the head (`og:title`, JSON-LD `headline`, `<title>`) often
//! carry the site name ("Story | The Site") or a kicker ("Politics: Story");
//! the page's `<h1>` usually does not, but may be the site's logo. So a
//! heading wins when a head title confirms it: equal to it, or the start or
//! end of it and at least half of it. Otherwise the first head title is used
//! with the site name stripped: a segment after the last separator that
//! matches `og:site_name` or the domain, or is short; a segment before the
//! first separator only when it matches the site.

use super::signals::Heading;

/// What separates a title from the site name.
const SEPARATORS: [&str; 11] = [
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " « ", " » ", " ~ ",
];
/// A suffix of at most this many words is a site name even unmatched.
const SHORT_SUFFIX_WORDS: usize = 4;

/// What the site is called, to recognise its name in titles.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Site<'a> {
    /// `og:site_name` or the like.
    pub(crate) name: Option<&'a str>,
    /// The page's host, e.g. `www.example.com`.
    pub(crate) host: Option<&'a str>,
}

impl Site<'_> {
    /// Whether `segment` of a title names the site.
    pub(crate) fn matches(&self, segment: &str) -> bool {
        let seg = key(segment);
        if seg.is_empty() {
            return false;
        }
        let short = segment.split_whitespace().count() <= SHORT_SUFFIX_WORDS;
        if let Some(name) = self.name.map(key).filter(|n| !n.is_empty()) {
            if seg == name
                || (short && seg.len() >= 4 && (seg.contains(&name) || name.contains(&seg)))
            {
                return true;
            }
        }
        if let Some(host) = self.host {
            let host = host.trim_start_matches("www.").to_ascii_lowercase();
            let whole: String = host.chars().filter(char::is_ascii_alphanumeric).collect();
            let labels: Vec<&str> = host.split('.').collect();
            // The registrable name: the longest label but the last (the TLD).
            let main = labels[..labels.len().saturating_sub(1)]
                .iter()
                .map(|l| l.replace('-', ""))
                .max_by_key(String::len)
                .unwrap_or_default();
            if seg == whole
                || (main.len() >= 3 && seg == main)
                || (short && main.len() >= 4 && seg.contains(&main))
            {
                return true;
            }
        }
        false
    }
}

/// Lowercased letters and digits only, for comparing names.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lowercased alphanumeric words, for comparing titles.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\u{ad}')
        .map(|w| w.replace('\u{ad}', "").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Byte ranges of the segments of `title` between separators.
fn segments(title: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in SEPARATORS {
        for (i, _) in title.match_indices(sep) {
            cuts.push((i, i + sep.len()));
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for (from, to) in cuts {
        if from < start {
            continue; // overlapping separators (" - " inside " -- ")
        }
        out.push((start, from));
        start = to;
    }
    out.push((start, title.len()));
    out
}

/// `title` without the site name; see the module doc.
pub(crate) fn strip_site_name(title: &str, site: &Site) -> String {
    let title = title.trim();
    let segs = segments(title);
    let (mut first, mut last) = (0, segs.len() - 1);
    let text = |(a, b): (usize, usize)| title[a..b].trim();
    while last > first && site.matches(text(segs[last])) {
        last -= 1;
    }
    while first < last && site.matches(text(segs[first])) {
        first += 1;
    }
    if (first, last) == (0, segs.len() - 1) && last > 0 {
        // Nothing matched: the old rule, a short last segment after a
        // longer head.
        let head = &title[..segs[last - 1].1];
        let tail = text(segs[last]);
        if tail.split_whitespace().count() <= SHORT_SUFFIX_WORDS
            && head.split_whitespace().count() >= 2
        {
            last -= 1;
        }
    }
    title[segs[first].0..segs[last].1].trim().to_string()
}

/// The title as the page head states it: `og:title`, else `<title>` cut at
/// its last separator when a short suffix follows (a site name, most
/// likely), else the first `<h1>`. Cruder than [`choose`], and kept so on
/// purpose: assembly drops a kept heading equal to it as a repeat of the
/// headline, and that drop was tuned on this form (a confirmed `<h1>` would
/// drop body headings more often and lose text).
pub(crate) fn head_title(
    og_title: Option<&str>,
    title_tag: Option<&str>,
    first_h1: Option<&str>,
) -> Option<String> {
    let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let og = og_title.map(collapse).filter(|t| !t.is_empty());
    og.or_else(|| title_tag.filter(|t| !t.is_empty()).map(cut_short_suffix))
        .or_else(|| first_h1.filter(|t| !t.is_empty()).map(str::to_string))
}

/// "Story headline | The Site" → "Story headline": cut at the last
/// separator when at most [`SHORT_SUFFIX_WORDS`] words follow it and at
/// least two precede it.
fn cut_short_suffix(title: &str) -> String {
    const HEAD_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];
    for sep in HEAD_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.split_whitespace().count() <= SHORT_SUFFIX_WORDS
                && head.split_whitespace().count() >= 2
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The title of the page from its head titles (in priority order) and its
/// headings.
pub(crate) fn choose(head_titles: &[String], headings: &[Heading], site: &Site) -> Option<String> {
    let stripped: Vec<String> = head_titles
        .iter()
        .map(|t| strip_site_name(t, site))
        .filter(|t| !t.is_empty() && !site.matches(t))
        .collect();
    // Headings in order of trust: h1 in the article, other h1, then h2.
    let mut ordered: Vec<&Heading> = headings.iter().collect();
    ordered.sort_by_key(|h| (h.level, !h.in_article));
    for heading in ordered {
        if site.matches(&heading.text) {
            continue;
        }
        let h = words(&heading.text);
        if h.is_empty() {
            continue;
        }
        let confirmed = head_titles.iter().chain(&stripped).any(|t| {
            let t = words(t);
            h == t || (2 * h.len() >= t.len() && (t.starts_with(&h) || t.ends_with(&h)))
        });
        if confirmed {
            return Some(heading.text.clone());
        }
    }
    stripped.into_iter().next().or_else(|| {
        headings
            .iter()
            .filter(|h| h.level == 1)
            .min_by_key(|h| !h.in_article)
            .map(|h| h.text.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(text: &str, level: u8, in_article: bool) -> Heading {
        Heading {
            text: text.into(),
            level,
            in_article,
            before: String::new(),
            after: String::new(),
            regions: [crate::html::dom::NONE; 2],
        }
    }

    #[test]
    fn site_names_are_stripped() {
        let none = Site::default();
        assert_eq!(
            strip_site_name("Big news today | Daily", &none),
            "Big news today"
        );
        assert_eq!(strip_site_name("Big news today", &none), "Big news today");
        let named = Site {
            name: Some("The Daily Planet"),
            host: None,
        };
        assert_eq!(
            strip_site_name("A story - The Daily Planet", &named),
            "A story"
        );
        assert_eq!(
            strip_site_name("The Daily Planet | A story about things", &named),
            "A story about things"
        );
        let host = Site {
            name: None,
            host: Some("www.zdnet.de"),
        };
        assert_eq!(
            strip_site_name("Facebook wehrt sich gegen Maas-Gesetz | ZDNet.de", &host),
            "Facebook wehrt sich gegen Maas-Gesetz"
        );
        assert_eq!(
            strip_site_name("ZDNet - Facebook wehrt sich - Politik - ZDNet.de", &host),
            "Facebook wehrt sich - Politik"
        );
        // A long unmatched tail is part of the title.
        assert_eq!(
            strip_site_name("Rain - heavy rain expected all over the north", &none),
            "Rain - heavy rain expected all over the north"
        );
        // A short unmatched head is a kicker, kept here (headings decide).
        assert_eq!(
            strip_site_name(
                "Politik - Lange Nacht im Bundestag endet ohne Einigung",
                &none
            ),
            "Politik - Lange Nacht im Bundestag endet ohne Einigung"
        );
        assert_eq!(strip_site_name(" | ", &none), "|");
    }

    #[test]
    fn headings_confirmed_by_head_titles_win() {
        let site = Site {
            name: Some("Daily"),
            host: Some("daily.com"),
        };
        let heads = vec!["Klimaschutz: Bohren, bis es heiß wird | Daily".to_string()];
        let hs = [
            heading("Daily", 1, false),
            heading("Bohren, bis es heiß wird", 1, true),
        ];
        assert_eq!(
            choose(&heads, &hs, &site).as_deref(),
            Some("Bohren, bis es heiß wird")
        );
        // A heading that is a small part of the title is not the title.
        let hs = [heading("Klimaschutz", 1, true)];
        assert_eq!(
            choose(&heads, &hs, &site).as_deref(),
            Some("Klimaschutz: Bohren, bis es heiß wird")
        );
        // No head title: the first h1.
        assert_eq!(
            choose(&[], &[heading("Only", 1, false)], &site).as_deref(),
            Some("Only")
        );
        assert_eq!(choose(&[], &[], &site), None);
    }
}
