//! Where the article ends: what follows it on a page is other text that
//! reads like prose (readers' comments, teasers with their summaries, a
//! newsletter box, a legal footer), so prose alone cannot tell it from the
//! article. Two signals of position can:
//!
//! - the comments' opening line ("12 Comments", "Leave a Reply", "3
//!   Gedanken zu …") under the article is a wall: everything after it is
//!   the comments, so the article span is sought before it
//!   ([`comments_wall`]);
//! - a break, a run of lines that are not prose (share buttons, a date, a
//!   tag list, a menu), after which the span holds little prose next to
//!   what lies before it: the article ended at the break, and what follows
//!   is the page's ([`tail_break`]). An article that goes on after an
//!   advertisement or a photo goes on with much of its text. So does a
//!   list of other stories, each a headline over a paragraph of its own:
//!   after an article's run of paragraphs, paragraphs that each stand
//!   alone are teasers or posts, not the article going on.

use std::collections::HashSet;
use std::ops::Range;

use crate::html::segment::Block;
use crate::judge::lexicon::CruftKind;
use crate::judge::score::{Class, Reason, Verdict};
use crate::judge::thresholds::LENGTH_HIGH;

use super::patterns::{inline_link, LineKind};
use super::why::Why;

/// The comments' opening line is a wall once this much good text lies
/// above it: two paragraphs (LENGTH_HIGH each), the least of an article.
/// Above less, it is a link to the comments under a headline or teaser.
const WALL_MIN_GOOD_CHARS: u32 = 2 * LENGTH_HIGH;

/// A break is a run of lines that are not prose: this many of them,
/// whatever they are (a menu, a list of headlines), or fewer when one is
/// furniture or boilerplate (a share bar, a date, "Tags:").
const BREAK_LINES: usize = 4;

/// The text after a break is the page's when its prose is worth less than
/// this share of the prose before it: a closing paragraph after an ad is
/// kept, a bio or a legal footer under a long article is not…
const TAIL_MAX_SHARE: f32 = 0.25;

/// …but after a single marked line, which is often inline (a date, a
/// "Newsletter" link), only when it is worth less than this share: a
/// newsletter box's lines under "Newsletter".
const SCRAP_MAX_SHARE: f32 = 0.1;

/// A marked break this long or longer takes [`TAIL_MAX_SHARE`].
const MARKED_BREAK_LINES: usize = 2;

/// An article has a run of at least this many prose blocks one after
/// another; a list of teasers has paragraphs standing alone.
const ARTICLE_RUN: usize = 3;

/// A list has at least this many items…
const LIST_MIN_ITEMS: usize = 4;

/// …and at least this share of its paragraphs stand alone between lines
/// that are not prose.
const LIST_ALONE_SHARE: f32 = 0.75;

/// A list of dated items has at least this many date lines…
const LIST_MIN_DATES: usize = 4;

/// …and at most this many prose blocks in a row between them.
const DATED_ITEM_RUN: usize = 3;

/// The first line that opens the comments with at least
/// [`WALL_MIN_GOOD_CHARS`] of good text above it, if any.
pub(crate) fn comments_wall(
    blocks: &[Block],
    first: &[Verdict],
    furniture: &[Option<LineKind>],
    why: &[Why],
) -> Option<usize> {
    let mut good = 0;
    for (i, block) in blocks.iter().enumerate() {
        if furniture[i] == Some(LineKind::Comments) && good >= WALL_MIN_GOOD_CHARS {
            return Some(i);
        }
        if why[i] == Why::Kept && first[i].class == Class::Good {
            good += block.chars;
        }
    }
    None
}

/// The article span cut at the first break after which the span holds less
/// than [`TAIL_MAX_SHARE`] of the prose before it, or a list of other
/// stories' summaries ([`is_item_list`]); `values` are the blocks' worth to
/// the span (positive for prose). A break whose marked lines ("Quote",
/// "Reply", "Top") all came in an earlier break is a separator between
/// posts of a thread, not an end.
pub(crate) fn tail_break(
    blocks: &[Block],
    first: &[Verdict],
    furniture: &[Option<LineKind>],
    values: &[f32],
    why: &[Why],
    span: Range<usize>,
) -> Range<usize> {
    // Content, not a break: prose, and short lines that end like a
    // sentence (list items, one-line paragraphs).
    let prose = |i: usize| span.contains(&i) && why[i] == Why::Kept && values[i] > 0.0;
    let worth = |i: usize| {
        if why[i] == Why::Kept {
            values[i].max(0.0)
        } else {
            0.0
        }
    };
    let total: f32 = span.clone().map(worth).sum();
    let mut head = 0.0;
    // The longest run of prose blocks one after another so far: an
    // article's paragraphs follow each other.
    let (mut run, mut longest_run) = (0, 0);
    let mut seen: HashSet<String> = HashSet::new();
    let mut i = span.start;
    while i < span.end {
        if prose(i) {
            head += worth(i);
            run += 1;
            longest_run = longest_run.max(run);
            i += 1;
            continue;
        }
        run = 0;
        let start = i;
        let mut lines = 0;
        let mut marks = Vec::new();
        while i < span.end && !prose(i) {
            head += worth(i);
            // "Also Read | Headline" is a link inside the article.
            if !inline_link(&blocks[i]) {
                lines += 1;
                if marks_end(furniture[i], first[i].reason) {
                    marks.push(mark_key(&blocks[i].text));
                }
            }
            i += 1;
        }
        // Its marks all came before: a separator between posts ("Top",
        // "Quote", "Post by …").
        let repeated = !marks.is_empty() && marks.iter().all(|m| seen.contains(m));
        let is_break = lines >= BREAK_LINES || !marks.is_empty();
        let max_share = if lines >= MARKED_BREAK_LINES {
            TAIL_MAX_SHARE
        } else {
            SCRAP_MAX_SHARE
        };
        let little_left = head > 0.0 && total - head < max_share * head;
        // A list of teasers is worth no more than the article above it (a
        // landing page is lists all the way down); dated items are never
        // the article going on, however many.
        // (Walked only at a break that could end the article: the lists
        // are read over the whole rest of the span.)
        let list_after_article = || {
            longest_run >= ARTICLE_RUN
                && ((total - head <= head && is_item_list(&prose, i..span.end))
                    || is_dated_list(&prose, furniture, i..span.end))
        };
        if i < span.end && is_break && !repeated && (little_left || list_after_article()) {
            return span.start..start;
        }
        seen.extend(marks);
    }
    span
}

/// Whether the prose of `range` is a list of items, each a paragraph on
/// its own between lines that are not prose (a headline above it, a date
/// or "Read more" under it): teasers of other stories, or posts. At least
/// [`LIST_MIN_ITEMS`] paragraphs, and [`LIST_ALONE_SHARE`] of them alone.
fn is_item_list(prose: &impl Fn(usize) -> bool, range: Range<usize>) -> bool {
    let items: Vec<usize> = range.filter(|&j| prose(j)).collect();
    let alone = items
        .iter()
        .filter(|&&j| {
            let after_prose = j > 0 && prose(j - 1);
            !after_prose && !prose(j + 1)
        })
        .count();
    items.len() >= LIST_MIN_ITEMS && alone as f32 >= LIST_ALONE_SHARE * items.len() as f32
}

/// Whether `range` is a list of dated items: at least [`LIST_MIN_DATES`]
/// date lines, the prose between them in runs of at most
/// [`DATED_ITEM_RUN`] blocks (a headline and a summary under each date, a
/// comment under each author's line).
fn is_dated_list(
    prose: &impl Fn(usize) -> bool,
    furniture: &[Option<LineKind>],
    range: Range<usize>,
) -> bool {
    let dates = range
        .clone()
        .filter(|&j| furniture[j] == Some(LineKind::Date))
        .count();
    let (mut run, mut longest) = (0, 0);
    for j in range {
        run = if prose(j) { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    dates >= LIST_MIN_DATES && longest <= DATED_ITEM_RUN
}

/// A marked line's first words, lowercased and numbers left out: what
/// repeats from post to post ("Post by oldspade » Mon Jun 17" and "Post by
/// kate » Tue Jun 18" are both "post by").
fn mark_key(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()))
        .take(MARK_KEY_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// See [`mark_key`].
const MARK_KEY_WORDS: usize = 2;

/// Whether a line is furniture or boilerplate that marks a break: not a
/// photo credit or an advertisement slot, which sit inside articles too.
fn marks_end(furniture: Option<LineKind>, reason: Reason) -> bool {
    match (furniture, reason) {
        (Some(LineKind::Credit), _)
        | (_, Reason::Cruft(CruftKind::Advertising | CruftKind::Credit)) => false,
        (Some(_), _) | (_, Reason::Cruft(_)) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(class: Class) -> Verdict {
        let reason = match class {
            Class::Good => Reason::Prose,
            Class::Bad => Reason::Cruft(crate::judge::lexicon::CruftKind::Share),
            _ => Reason::Short,
        };
        Verdict { class, reason }
    }

    #[test]
    fn a_small_tail_after_a_marked_break_is_cut() {
        // Article (3 paragraphs), share bar (2 lines), a bio paragraph.
        let first: Vec<Verdict> = [
            Class::Good,
            Class::Good,
            Class::Good,
            Class::Bad,
            Class::Bad,
            Class::Good,
        ]
        .map(verdict)
        .to_vec();
        let values = [300.0, 300.0, 300.0, 0.0, 0.0, 150.0];
        let why = [
            Why::Kept,
            Why::Kept,
            Why::Kept,
            Why::FirstVerdict(first[3].reason),
            Why::FirstVerdict(first[4].reason),
            Why::Kept,
        ];
        let furniture = [None; 6];
        let blocks: Vec<Block> = ["a", "b", "c", "Share", "Tweet", "d"]
            .iter()
            .map(|t| crate::text::lines::split(t).remove(0))
            .collect();
        assert_eq!(
            tail_break(&blocks, &first, &furniture, &values, &why, 0..6),
            0..3
        );
        // An article that goes on with much of its text is not cut.
        let values = [300.0, 300.0, 300.0, 0.0, 0.0, 400.0];
        assert_eq!(
            tail_break(&blocks, &first, &furniture, &values, &why, 0..6),
            0..6
        );
    }

    #[test]
    fn dated_teasers_after_an_article_are_cut_however_many() {
        // Three paragraphs, a menu of four lines, then five teasers: a
        // headline, a date, a summary each, worth more than the article.
        let mut values = vec![300.0, 300.0, 300.0, -5.0, -5.0, -5.0, -5.0];
        let mut furniture = vec![None; 7];
        for _ in 0..5 {
            values.extend([-10.0, 0.0, 250.0]);
            furniture.extend([None, Some(LineKind::Date), None]);
        }
        let n = values.len();
        let first = vec![verdict(Class::Good); n];
        let why = vec![Why::Kept; n];
        let blocks: Vec<Block> = (0..n)
            .map(|i| crate::text::lines::split(&format!("line {i}")).remove(0))
            .collect();
        assert_eq!(
            tail_break(&blocks, &first, &furniture, &values, &why, 0..n),
            0..3
        );
    }

    #[test]
    fn the_comments_open_behind_a_wall_once_an_article_is_above() {
        let blocks: Vec<Block> = ["12 Comments", "a", "b", "12 Comments", "c"]
            .iter()
            .map(|t| crate::text::lines::split(t).remove(0))
            .collect();
        let mut first = vec![verdict(Class::Good); 5];
        first[0] = verdict(Class::Short);
        first[3] = verdict(Class::Short);
        let furniture = [
            Some(LineKind::Comments),
            None,
            None,
            Some(LineKind::Comments),
            None,
        ];
        let why = [Why::Kept; 5];
        // "a" and "b" are one character each: not an article yet.
        assert_eq!(comments_wall(&blocks, &first, &furniture, &why), None);
        let long = "word ".repeat(100);
        let blocks: Vec<Block> = ["12 Comments", &long, &long, "12 Comments", "c"]
            .iter()
            .map(|t| crate::text::lines::split(t).remove(0))
            .collect();
        assert_eq!(comments_wall(&blocks, &first, &furniture, &why), Some(3));
    }

    #[test]
    fn marks_repeat_by_their_first_words() {
        assert_eq!(
            mark_key("Post by oldspade » Mon Jun 17, 2024 9:05 pm"),
            mark_key("Post by kate » Tue Jun 18, 2024 6:30 am")
        );
        assert_eq!(mark_key("Posts: 214"), "posts");
    }
}
