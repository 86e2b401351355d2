//! The text select stage's title rules: which line is the headline (a
//! headline-like line above the article span, preferring one a page title
//! or breadcrumb repeats), which lines repeat it, and the standfirst under
//! it. In: blocks, their key words and decisions so far; out: block
//! numbers, or decisions changed.

use std::ops::Range;

use crate::html::segment::{Block, BlockKind};
use crate::judge::features::Features;

use super::patterns::ends_like_sentence;
use super::why::Why;

/// How many blocks above the span the headline is looked for: between a
/// headline and its article sit at most a standfirst, a byline, a date, a
/// photo and its caption and credit, and a share bar.
pub(super) const TITLE_WINDOW: usize = 12;

/// Headlines are 3 to 30 words: fewer is a menu item or a name, more is a
/// paragraph.
const TITLE_WORDS: std::ops::RangeInclusive<u32> = 3..=30;

/// A headline has at least this many characters ("Rain due" is a menu).
const TITLE_MIN_CHARS: u32 = 15;

/// A line that holds the title and at most this many other words repeats
/// it: a breadcrumb ("Home › News › Title") or a page title ("Title | Site").
const BREADCRUMB_EXTRA_WORDS: usize = 10;

/// A repeated line anchors the article only with this many words: a
/// section name ("World News") repeats in many lines.
const PAGE_TITLE_MIN_WORDS: usize = 4;

/// Separators of breadcrumb trails ("Home › News › Politics"): a line with
/// one is a trail, never a headline.
const BREADCRUMB_SEPARATORS: [&str; 4] = [" > ", " » ", " › ", " / "];

/// A standfirst has at least this many words: fewer is a name, a place or
/// a menu item.
const STANDFIRST_MIN_WORDS: u32 = 6;

/// The headline that a longer line repeats (the page title "Headline |
/// Site", a breadcrumb "Home › News › Headline"): the strongest evidence
/// of where the article starts, in flattened HTML and in scraped text.
pub(super) fn page_title_line(
    blocks: &[Block],
    keys: &[Vec<String>],
    why: &[Why],
) -> Option<usize> {
    (0..blocks.len()).find(|&c| {
        keys[c].len() >= PAGE_TITLE_MIN_WORDS
            && is_headline_like(&blocks[c], why[c])
            && (0..blocks.len()).any(|j| {
                j != c
                    && why[j] == Why::Kept
                    && keys[j].len() > keys[c].len()
                    && repeats(&keys[j], &keys[c])
            })
    })
}

/// Whether a block reads like a headline: a few words, not ending like a
/// statement, not furniture, not a list item.
pub(crate) fn is_headline_like(block: &Block, why: Why) -> bool {
    let text = block.text.trim_end();
    why == Why::Kept
        && block.kind != BlockKind::ListItem
        && TITLE_WORDS.contains(&block.words)
        && block.chars >= TITLE_MIN_CHARS
        && !text.ends_with(['.', ',', ':', ';', '…'])
        && (!ends_like_sentence(text) || text.ends_with(['?', '!']))
        && text.chars().any(char::is_alphabetic)
        && !BREADCRUMB_SEPARATORS.iter().any(|s| text.contains(s))
        && text.matches(" | ").count() < MENU_BARS
}

/// A line with this many bars is a row of links ("Home | Recipes |
/// Archive | About"); a headline has at most one ("Pune | Bridge reopens").
const MENU_BARS: usize = 2;

/// The title: a headline-like line just above the article span (or the
/// span's own first line), preferring one that another line repeats (a
/// breadcrumb, the page title); otherwise the nearest headline-like line
/// of the [`TITLE_WINDOW`] blocks above the span, or the one right above
/// that when it is shorter (a headline above its unpunctuated standfirst).
pub(super) fn find_title(
    blocks: &[Block],
    keys: &[Vec<String>],
    why: &[Why],
    span: Range<usize>,
) -> Option<usize> {
    if span.is_empty() {
        return (0..blocks.len()).find(|&i| is_headline_like(&blocks[i], why[i]));
    }
    let from = span.start.saturating_sub(TITLE_WINDOW);
    let candidates: Vec<usize> = (from..=span.start)
        .filter(|&i| is_headline_like(&blocks[i], why[i]))
        .collect();
    let repeated = candidates.iter().rev().copied().find(|&c| {
        keys.iter()
            .enumerate()
            // Copyright and other furniture lines repeat the site's name,
            // not the headline.
            .any(|(j, words)| j != c && why[j] == Why::Kept && repeats(words, &keys[c]))
    });
    repeated.or_else(|| {
        let nearest = *candidates.last()?;
        let above = nearest.checked_sub(1).filter(|a| candidates.contains(a));
        match above {
            Some(a) if blocks[a].words < blocks[nearest].words => Some(a),
            _ => Some(nearest),
        }
    })
}

/// The first prose line after the title, above the span, is the article's
/// standfirst: keep it ("Cyclists and traders clashed at a packed meeting").
pub(super) fn keep_standfirst(
    blocks: &[Block],
    features: &[Features],
    title: usize,
    span_start: usize,
    why: &mut [Why],
) {
    let next = (title + 1..span_start).find(|&i| why[i] == Why::OutsideSpan);
    if let Some(i) = next {
        let prose = blocks[i].words >= STANDFIRST_MIN_WORDS && features[i].stopword_density > 0.0;
        if prose {
            why[i] = Why::Kept;
        }
    }
}

/// Lower-cased alphanumeric words, for comparing lines.
pub(crate) fn key_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `line` holds all of `title` in a row and at most
/// [`BREADCRUMB_EXTRA_WORDS`] other words.
pub(super) fn repeats(line: &[String], title: &[String]) -> bool {
    !title.is_empty()
        && line.len() >= title.len()
        && line.len() <= title.len() + BREADCRUMB_EXTRA_WORDS
        && line.windows(title.len()).any(|w| w == title)
}
