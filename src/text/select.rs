//! The text front end's select stage: first verdicts in, which blocks to
//! keep out, settled with what markup would have told.
//!
//! 1. Furniture: lines matching the text patterns (dates, credits,
//!    locations, prompts, bios) or the lexicon's cruft phrases are dropped
//!    wherever they are.
//! 2. The article span, the one-dimensional content region: the run of
//!    consecutive blocks with the most prose net of boilerplate (a maximum
//!    subarray). Prose counts for it, unpunctuated short lines (menus,
//!    headlines of other stories, captions) against it, furniture not at
//!    all, except the lines that open a list of other stories or the
//!    comments, which cost as much as a few paragraphs: the span crosses
//!    one only for more article than that.
//! 3. Inside the span: the title and lines repeating it (breadcrumbs, the
//!    page title) go; so does a list of headlines after a "Related" line;
//!    a paragraph that occurs twice is given once, or not at all when the
//!    article lies between its copies (a bio or teaser box above and below).

use std::collections::HashMap;
use std::ops::Range;

use crate::html::segment::Block;
use crate::judge::features::Features;
use crate::judge::lexicon::CruftKind;
use crate::judge::score::{Class, Reason, Verdict};
use crate::judge::thresholds::LENGTH_HIGH;

use super::patterns::{ends_like_sentence, inline_link, LineKind, LinePatterns};
use super::title::{
    find_title, keep_standfirst, key_words, page_title_line, repeats, TITLE_WINDOW,
};
use super::why::Why;

/// How much a character of near-good text counts towards the span, against
/// one of good text: the weight the HTML content region gives it
/// (select.rs NEAR_GOOD_TEXT_WEIGHT).
const NEAR_GOOD_WEIGHT: f32 = 0.5;

/// How much a character of a short line that ends like a sentence counts
/// towards the span: as near-good text (a forum reply, a one-line
/// paragraph is evidence of content, if less than a paragraph).
const SHORT_SENTENCE_WEIGHT: f32 = 0.5;

/// How much a character of bad text counts against the span: the weight
/// the HTML content region gives it (select.rs BAD_TEXT_WEIGHT).
const BAD_WEIGHT: f32 = 0.5;

/// How much a character of an unpunctuated line shorter than LENGTH_HIGH
/// counts against the span. Such lines are menus, headlines of other
/// stories and captions, but also the article's subheadings and list
/// items, so they weigh less than bad text: a list inside the article
/// does not split it, a list after it does not join it.
const UNPUNCTUATED_WEIGHT: f32 = 0.25;

/// What a line opening the comments or a list of other stories costs the
/// span, in characters of good text: about two paragraphs (LENGTH_HIGH
/// each), so that a heading such as "Related" inside an article does not
/// cut it short, while the comments after it do not join it.
const BOUNDARY_COST: f32 = 2.0 * LENGTH_HIGH as f32;

/// Copies of a paragraph with more good text than this between them frame
/// the article (a bio or teaser above and below it) rather than repeat a
/// line of it: two paragraphs' worth (LENGTH_HIGH each).
const DUPLICATE_FRAME_CHARS: u32 = 2 * LENGTH_HIGH;

/// Paragraphs of fewer words than this are not checked for repetition:
/// short lines ("Share", "Reply") repeat by nature.
const MIN_DUPLICATE_WORDS: u32 = 6;

/// Author bios run to a few sentences; a longer block holding a bio phrase
/// is an article about a reporter, not a bio.
const MAX_BIO_CHARS: u32 = 2 * LENGTH_HIGH;

/// A headline repeated by a page title or breadcrumb anchors the article
/// when the best span under it holds at least this share of the value of
/// the best span anywhere: a short article under its headline beats a
/// long footer blurb, not a long article elsewhere on the page.
const ANCHORED_SPAN_MIN_SHARE: f32 = 0.4;

/// A span under a repeated headline that holds the best span is given up
/// for it when the prose it adds above the best span is worth less than
/// this share of it: the share of a tail past the article's end
/// (end.rs TAIL_MAX_SHARE).
const ANCHOR_PREFIX_MAX_SHARE: f32 = 0.25;

/// A credit line of its own ("Foto: Stefan Sauer/dpa") has at most this
/// many words; the short line above it is the photo's caption.
const CREDIT_LINE_WORDS: u32 = 8;

/// What the text select stage decided.
pub(crate) struct TextSelection {
    pub(crate) keep: Vec<bool>,
    pub(crate) why: Vec<Why>,
    /// The article span.
    pub(crate) span: Range<usize>,
    /// The block that is the title.
    pub(crate) title: Option<usize>,
}

/// Decide which blocks of a text page to keep.
pub(crate) fn select(
    blocks: &[Block],
    features: &[Features],
    first: &[Verdict],
    furniture: &[Option<LineKind>],
    patterns: &LinePatterns,
) -> TextSelection {
    let n = blocks.len();
    // Each block's words, for the repeat checks: computed once.
    let keys: Vec<Vec<String>> = blocks.iter().map(|b| key_words(&b.text)).collect();
    let mut why = vec![Why::Kept; n];
    for i in 0..n {
        if let Some(kind) = furniture[i] {
            why[i] = Why::Furniture(kind);
        } else if first[i].class == Class::Bad {
            why[i] = Why::FirstVerdict(first[i].reason);
        }
    }
    drop_frames_and_bios(blocks, &keys, first, patterns, &mut why);
    let open: Vec<bool> = why.iter().map(|w| *w == Why::Kept).collect();
    for i in super::bio::name_and_bio(blocks, first, &open) {
        why[i] = Why::Bio;
    }
    let values: Vec<f32> = (0..n)
        .map(|i| span_value(&blocks[i], &features[i], first[i], furniture[i], why[i]))
        .collect();
    // Readers' comments under the article are not sought in: the span
    // lies before the line that opens them.
    let wall = super::end::comments_wall(blocks, first, furniture, &why).unwrap_or(n);
    let searched = &values[..wall];
    let span = best_span(searched);
    let anchored = page_title_line(blocks, &keys, &why).and_then(|t| {
        let anchored = span_after(searched, t);
        let share = sum(searched, &anchored) / sum(searched, &span).max(f32::MIN_POSITIVE);
        // A span under the headline that holds the best span adds what
        // lies between them: when that is nearly no prose, it is a menu
        // under a headline repeated far above the article.
        let holds_best = anchored.start <= span.start && anchored.end >= span.end;
        let prose = |r: Range<usize>| -> f32 { searched[r].iter().map(|v| v.max(0.0)).sum() };
        let adds_little = holds_best
            && prose(anchored.start..span.start) < ANCHOR_PREFIX_MAX_SHARE * prose(span.clone());
        (share >= ANCHORED_SPAN_MIN_SHARE && !adds_little).then_some((t, anchored))
    });
    let (span, title) = match anchored {
        Some((t, anchored)) => (anchored, Some(t)),
        None => {
            let title = find_title(blocks, &keys, &why, span.clone());
            (span, title)
        }
    };
    let cut = super::end::tail_break(blocks, first, furniture, &values, &why, span.clone());
    for w in &mut why[cut.end..span.end] {
        if *w == Why::Kept {
            *w = Why::PastEnd;
        }
    }
    let span = cut;
    if let Some(t) = title {
        why[t] = Why::Title;
        for (i, words) in keys.iter().enumerate() {
            if i != t && why[i] == Why::Kept && repeats(words, &keys[t]) {
                why[i] = Why::RepeatsTitle;
            }
        }
    }
    for (i, w) in why.iter_mut().enumerate() {
        if *w == Why::Kept && !span.contains(&i) {
            *w = Why::OutsideSpan;
        }
    }
    if span.is_empty() {
        // No prose at all (a list, a few headlines): give what is not
        // furniture rather than nothing.
        for w in why.iter_mut().filter(|w| **w == Why::OutsideSpan) {
            *w = Why::Kept;
        }
    }
    drop_related_lists(blocks, first, furniture, &mut why);
    drop_captions_and_dangling_lines(blocks, features, furniture, &mut why);
    if let Some(t) = title {
        keep_standfirst(blocks, features, t, span.start, &mut why);
    }
    drop_duplicates(blocks, &keys, &mut why);
    let keep = why.iter().map(|w| *w == Why::Kept).collect();
    TextSelection {
        keep,
        why,
        span,
        title,
    }
}

/// What a block adds to (or takes from) the article span.
fn span_value(
    block: &Block,
    f: &Features,
    first: Verdict,
    furniture: Option<LineKind>,
    why: Why,
) -> f32 {
    let chars = block.chars as f32;
    let lexicon_related = first.reason == Reason::Cruft(CruftKind::Related);
    // "Also Read | Headline of another story" is one link inside the
    // article; a label line ("Related stories") opens a list.
    let inline_link = inline_link(block);
    let related = furniture == Some(LineKind::Related) || lexicon_related;
    let boundary = furniture.is_some_and(LineKind::is_boundary) || lexicon_related;
    if boundary && !(related && inline_link) {
        return -BOUNDARY_COST;
    }
    if furniture.is_some() || matches!(first.reason, Reason::Cruft(_)) || why != Why::Kept {
        return 0.0;
    }
    // A style sheet or script a tool left in (html2text, bs4) reads as a
    // long run of words; it is worth nothing to the span, and kept only
    // inside it (a code sample in a programming article).
    if looks_like_code(&block.text) {
        return 0.0;
    }
    let unpunctuated = !f.ends_with_punctuation && f.length < LENGTH_HIGH;
    match first.class {
        Class::Bad => -chars * BAD_WEIGHT,
        _ if unpunctuated => -chars * UNPUNCTUATED_WEIGHT,
        Class::Good => chars,
        Class::NearGood => chars * NEAR_GOOD_WEIGHT,
        Class::Short => chars * SHORT_SENTENCE_WEIGHT,
    }
}

/// Whether a block reads as code: at least [`CODE_MIN_MARKS`] braces,
/// semicolons and equals signs, making up [`CODE_MARK_SHARE`] of its
/// characters or more ("a { color: red; }", "var x = f(y);"). Prose has
/// hardly any.
fn looks_like_code(text: &str) -> bool {
    let (mut chars, mut marks) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        chars += 1;
        marks += usize::from(matches!(c, '{' | '}' | ';' | '='));
    }
    marks >= CODE_MIN_MARKS && marks as f32 >= CODE_MARK_SHARE * chars as f32
}

/// See [`looks_like_code`].
const CODE_MIN_MARKS: usize = 4;

/// See [`looks_like_code`].
const CODE_MARK_SHARE: f32 = 0.03;

/// The run of consecutive blocks with the greatest total value (Kadane's
/// maximum subarray); empty when no block has a positive value.
fn best_span(values: &[f32]) -> Range<usize> {
    let mut best = 0..0;
    let mut best_sum = 0.0;
    let mut start = 0;
    let mut sum = 0.0;
    for (i, &v) in values.iter().enumerate() {
        if sum <= 0.0 {
            start = i;
            sum = 0.0;
        }
        sum += v;
        if sum > best_sum {
            best_sum = sum;
            best = start..i + 1;
        }
    }
    best
}

/// The value of a span.
fn sum(values: &[f32], span: &Range<usize>) -> f32 {
    values[span.clone()].iter().sum()
}

/// The best span that starts within [`TITLE_WINDOW`] blocks after block
/// `title`: the article under its headline.
fn span_after(values: &[f32], title: usize) -> Range<usize> {
    let mut best = 0..0;
    let mut best_sum = 0.0;
    let last_start = (title + 1 + TITLE_WINDOW).min(values.len());
    for start in title + 1..last_start {
        let mut sum = 0.0;
        for (end, v) in values.iter().enumerate().skip(start) {
            sum += v;
            if sum > best_sum {
                best_sum = sum;
                best = start..end + 1;
            }
        }
    }
    best
}

/// After a line that opens a list of other stories, the unpunctuated lines
/// that follow, up to the next prose, are that list.
fn drop_related_lists(
    blocks: &[Block],
    first: &[Verdict],
    furniture: &[Option<LineKind>],
    why: &mut [Why],
) {
    let mut in_list = false;
    for i in 0..blocks.len() {
        let opens = furniture[i] == Some(LineKind::Related)
            || first[i].reason == Reason::Cruft(CruftKind::Related);
        if opens {
            in_list = true;
            continue;
        }
        if !in_list {
            continue;
        }
        let text = &blocks[i].text;
        if ends_like_sentence(text) || blocks[i].chars >= LENGTH_HIGH {
            in_list = false;
        } else if why[i] == Why::Kept {
            why[i] = Why::RelatedList;
        }
    }
}

/// Copies of a paragraph that frame the article (a bio or teaser box
/// above and below it) go, as do author bios.
fn drop_frames_and_bios(
    blocks: &[Block],
    keys: &[Vec<String>],
    first: &[Verdict],
    patterns: &LinePatterns,
    why: &mut [Why],
) {
    let copies = copies(blocks, keys);
    // Blocks that occur more than once: a page that gives the whole article
    // twice (a print copy, a carousel) repeats it, it does not frame it.
    let repeated: std::collections::HashSet<usize> = copies
        .values()
        .filter(|p| p.len() > 1)
        .flatten()
        .copied()
        .collect();
    for places in copies.values().filter(|p| p.len() > 1) {
        let (Some(&head), Some(&tail)) = (places.first(), places.last()) else {
            continue;
        };
        let between: u32 = (head + 1..tail)
            .filter(|&j| first[j].class == Class::Good && !repeated.contains(&j))
            .map(|j| blocks[j].chars)
            .sum();
        if between > DUPLICATE_FRAME_CHARS {
            for &i in places {
                if why[i] == Why::Kept {
                    why[i] = Why::Frame;
                }
            }
        }
    }
    for (block, w) in blocks.iter().zip(why.iter_mut()) {
        if *w == Why::Kept && block.chars <= MAX_BIO_CHARS && patterns.is_bio(&block.text) {
            *w = Why::Bio;
        }
    }
}

/// Of other repeated paragraphs, only the first kept copy stays.
fn drop_duplicates(blocks: &[Block], keys: &[Vec<String>], why: &mut [Why]) {
    for places in copies(blocks, keys).values().filter(|p| p.len() > 1) {
        let mut given = false;
        for &i in places {
            if why[i] == Why::Kept {
                if given {
                    why[i] = Why::Duplicate;
                }
                given = true;
            }
        }
    }
}

/// Where each paragraph of [`MIN_DUPLICATE_WORDS`] or more occurs, by its words.
fn copies<'k>(blocks: &[Block], keys: &'k [Vec<String>]) -> HashMap<&'k [String], Vec<usize>> {
    let mut copies: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (i, block) in blocks.iter().enumerate() {
        if block.words >= MIN_DUPLICATE_WORDS {
            copies.entry(&keys[i]).or_default().push(i);
        }
    }
    copies
}

/// A short line right above a credit line is the photo's caption; an
/// unpunctuated short line followed by furniture (or nothing) leads into
/// no text: a user name above "Posts: 214", a label above a date.
fn drop_captions_and_dangling_lines(
    blocks: &[Block],
    features: &[Features],
    furniture: &[Option<LineKind>],
    why: &mut [Why],
) {
    let n = blocks.len();
    for i in 0..n {
        if why[i] != Why::Kept || blocks[i].chars >= LENGTH_HIGH {
            continue;
        }
        let next_is_furniture =
            i + 1 == n || !matches!(why[i + 1], Why::Kept | Why::OutsideSpan | Why::Title);
        let credit_line = i + 1 < n
            && furniture[i + 1] == Some(LineKind::Credit)
            && blocks[i + 1].words <= CREDIT_LINE_WORDS;
        if credit_line {
            why[i] = Why::Caption;
        } else if next_is_furniture && !features[i].ends_with_punctuation {
            why[i] = Why::Dangling;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_span_is_the_maximum_subarray() {
        assert_eq!(best_span(&[-1.0, 5.0, -2.0, 4.0, -9.0, 3.0]), 1..4);
        assert_eq!(best_span(&[-1.0, -2.0]), 0..0);
        assert_eq!(best_span(&[]), 0..0);
    }

    #[test]
    fn a_breadcrumb_repeats_the_title() {
        let title = key_words("Rail strike called off");
        assert!(repeats(
            &key_words("Home › News › Rail strike called off"),
            &title
        ));
        assert!(repeats(
            &key_words("Rail strike called off | The Gazette"),
            &title
        ));
        assert!(!repeats(&key_words("Rail strike"), &title));
    }
}
