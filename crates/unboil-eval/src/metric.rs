//! Quality metrics for extraction benchmarks.
//!
//! Two metrics, one per evaluation set shipped in `tests/data`:
//!
//! - The **shingle metric** compares an extracted text with a human-written
//!   article body. Both become multisets of 4-token shingles; the overlap gives
//!   precision and recall per page, which are averaged over the corpus
//!   ([`score_page`], [`CorpusScore`]).
//! - The **snippet metric** checks that an extracted text contains short
//!   passages of the article ("with" snippets) and leaves out short passages
//!   of boilerplate ("without" snippets), pooling the counts over all pages
//!   ([`score_snippets`], [`SnippetTotals`]).
//! - The **metadata metric** checks titles, authors and dates against hand
//!   annotations ([`metadata`]).
//!
//! ```
//! use unboil_eval::metric::{score_page, CorpusScore};
//!
//! let truth = "The council approved the new budget on Monday after a long debate.";
//! let predicted = "Menu Home. The council approved the new budget on Monday after a long debate.";
//! let page = score_page(predicted, truth);
//! assert_eq!(page.recall, 1.0);
//! assert!(page.precision < 1.0);
//!
//! let mut corpus = CorpusScore::default();
//! corpus.add(&page);
//! assert_eq!(corpus.pages(), 1);
//! assert_eq!(corpus.recall(), 1.0);
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

pub mod metadata;
pub mod words;

/// Number of consecutive tokens in a shingle.
pub const SHINGLE_LEN: usize = 4;

fn word_regex() -> &'static Regex {
    static WORD: OnceLock<Regex> = OnceLock::new();
    // `\w` is Unicode-aware in the regex crate: letters, marks, digits and
    // connector punctuation of every script.
    WORD.get_or_init(|| Regex::new(r"\w+").expect("the word pattern is valid"))
}

/// The tokens of `text`: every match of the Unicode pattern `\w+`, in order.
///
/// ```
/// use unboil_eval::metric::tokens;
///
/// assert_eq!(tokens("Die Größe, 42!"), ["Die", "Größe", "42"]);
/// assert!(tokens(" -- ").is_empty());
/// ```
pub fn tokens(text: &str) -> Vec<&str> {
    word_regex().find_iter(text).map(|m| m.as_str()).collect()
}

/// The byte ranges of the [`tokens`] of `text`, in order.
///
/// Useful to show a text with some tokens marked while keeping its
/// punctuation and spacing.
///
/// ```
/// use unboil_eval::metric::token_ranges;
///
/// assert_eq!(token_ranges("Hi, you."), [0..2, 4..7]);
/// ```
pub fn token_ranges(text: &str) -> Vec<Range<usize>> {
    word_regex().find_iter(text).map(|m| m.range()).collect()
}

/// The token windows that make up the shingles of a token list: consecutive
/// windows of [`SHINGLE_LEN`] tokens; one window of all tokens when there are
/// 1 to `SHINGLE_LEN - 1`; none when there are none.
fn windows<'t, 'a>(tokens: &'t [&'a str]) -> impl Iterator<Item = (usize, &'t [&'a str])> {
    let short = (1..SHINGLE_LEN).contains(&tokens.len());
    let short_window = short.then_some((0, tokens));
    let long_windows = tokens.windows(SHINGLE_LEN).enumerate();
    short_window.into_iter().chain(long_windows)
}

/// The multiset of shingles of a token list, as shingle → count.
fn shingles<'t, 'a>(tokens: &'t [&'a str]) -> HashMap<&'t [&'a str], usize> {
    let mut counts = HashMap::with_capacity(tokens.len());
    for (_, window) in windows(tokens) {
        *counts.entry(window).or_insert(0) += 1;
    }
    counts
}

/// `a / (a + b)`, with 0 when both are 0.
fn ratio(a: f64, b: f64) -> f64 {
    if a + b > 0.0 {
        a / (a + b)
    } else {
        0.0
    }
}

/// The harmonic mean `2PR / (P + R)`, with 0 when both are 0.
fn harmonic_mean(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Which of `tokens` lie in at least one shingle that `other` also has.
///
/// The result has one flag per token. A token whose flag is false was not
/// matched at all: for a truth text against a prediction it was *missed*, for
/// a prediction against a truth text it is *extra*.
///
/// ```
/// use unboil_eval::metric::{covered_tokens, tokens};
///
/// let truth = tokens("one two three four five six");
/// let predicted = tokens("one two three four seven");
/// let flags = covered_tokens(&truth, &predicted);
/// assert_eq!(flags, [true, true, true, true, false, false]);
/// ```
pub fn covered_tokens(tokens: &[&str], other: &[&str]) -> Vec<bool> {
    let other_shingles = shingles(other);
    let mut covered = vec![false; tokens.len()];
    for (start, window) in windows(tokens) {
        if other_shingles.contains_key(window) {
            covered[start..start + window.len()].fill(true);
        }
    }
    covered
}

/// The shingle metric for one page. Build it with [`score_page`].
///
/// `tp`, `fp` and `fn_` are normalised: they are shares of the page's total
/// `tp + fp + fn` (all 0 when both texts have no tokens), so that every page
/// weighs the same whatever its length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Share of the predicted shingles that are in the truth; 1 when nothing
    /// was missed or extra, else 0 when nothing was predicted.
    pub precision: f64,
    /// Share of the truth shingles that were predicted; 1 when nothing was
    /// missed or extra, else 0 when nothing was predicted right.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall` (0 when both are 0).
    pub f1: f64,
    /// Matched shingles (size of the multiset intersection), normalised.
    pub tp: f64,
    /// Predicted shingles with no match in the truth, normalised.
    pub fp: f64,
    /// Truth shingles with no match in the prediction, normalised.
    pub fn_: f64,
    /// True when the predicted token list equals the truth's token list.
    pub exact: bool,
}

/// Score an extracted text against the true article body with the shingle
/// metric.
///
/// ```
/// use unboil_eval::metric::score_page;
///
/// let s = score_page("alpha beta gamma delta", "alpha beta gamma delta epsilon");
/// // Predicted: 1 shingle; truth: 2 shingles; 1 in common.
/// assert_eq!(s.precision, 1.0);
/// assert_eq!(s.recall, 0.5);
/// assert!(!s.exact);
///
/// // Both texts without words: a perfect score.
/// let empty = score_page("", "...");
/// assert_eq!((empty.precision, empty.recall, empty.exact), (1.0, 1.0, true));
/// ```
pub fn score_page(predicted: &str, truth: &str) -> PageScore {
    let predicted_tokens = tokens(predicted);
    let truth_tokens = tokens(truth);
    let predicted_shingles = shingles(&predicted_tokens);
    let truth_shingles = shingles(&truth_tokens);

    let common: usize = predicted_shingles
        .iter()
        .map(|(shingle, &n)| n.min(truth_shingles.get(shingle).copied().unwrap_or(0)))
        .sum();
    let predicted_total: usize = predicted_shingles.values().sum();
    let truth_total: usize = truth_shingles.values().sum();

    let (tp, fp, fn_) = (common, predicted_total - common, truth_total - common);
    let total = (tp + fp + fn_) as f64;
    let normalise = |n: usize| if total > 0.0 { n as f64 / total } else { 0.0 };
    let (tp, fp, fn_) = (normalise(tp), normalise(fp), normalise(fn_));

    let (precision, recall) = if fp == 0.0 && fn_ == 0.0 {
        (1.0, 1.0)
    } else {
        (ratio(tp, fp), ratio(tp, fn_))
    };
    PageScore {
        precision,
        recall,
        f1: harmonic_mean(precision, recall),
        tp,
        fp,
        fn_,
        exact: predicted_tokens == truth_tokens,
    }
}

/// The shingle metric over a corpus: add each page's [`PageScore`].
///
/// Precision is the mean page precision over pages where something was
/// predicted (`tp + fp > 0`); recall is the mean page recall over pages that
/// have a truth text (`tp + fn > 0`); either is 0 when no page counts towards
/// it. F1 is the harmonic mean of the two means; accuracy is the share of
/// pages whose prediction has exactly the truth's tokens.
///
/// ```
/// use unboil_eval::metric::{score_page, CorpusScore};
///
/// let mut corpus = CorpusScore::default();
/// corpus.add(&score_page("a b c d e", "a b c d e"));
/// corpus.add(&score_page("", "a b c d e"));
/// assert_eq!(corpus.pages(), 2);
/// // Only the first page predicted anything.
/// assert_eq!(corpus.precision(), 1.0);
/// assert_eq!(corpus.recall(), 0.5);
/// assert_eq!(corpus.accuracy(), 0.5);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusScore {
    pages: usize,
    exact: usize,
    precision_sum: f64,
    precision_pages: usize,
    recall_sum: f64,
    recall_pages: usize,
}

impl CorpusScore {
    /// Count one page.
    pub fn add(&mut self, page: &PageScore) {
        self.pages += 1;
        self.exact += usize::from(page.exact);
        if page.tp + page.fp > 0.0 {
            self.precision_sum += page.precision;
            self.precision_pages += 1;
        }
        if page.tp + page.fn_ > 0.0 {
            self.recall_sum += page.recall;
            self.recall_pages += 1;
        }
    }

    /// Number of pages added.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Mean precision over pages where something was predicted.
    pub fn precision(&self) -> f64 {
        mean(self.precision_sum, self.precision_pages)
    }

    /// Mean recall over pages with a non-empty truth.
    pub fn recall(&self) -> f64 {
        mean(self.recall_sum, self.recall_pages)
    }

    /// Harmonic mean of [`precision`](Self::precision) and [`recall`](Self::recall).
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }

    /// Share of pages whose predicted tokens equal the truth's exactly.
    pub fn accuracy(&self) -> f64 {
        mean(self.exact as f64, self.pages)
    }
}

fn mean(sum: f64, n: usize) -> f64 {
    if n > 0 {
        sum / n as f64
    } else {
        0.0
    }
}

/// `text` with every run of whitespace turned into one space, trimmed.
///
/// ```
/// assert_eq!(unboil_eval::metric::normalize_whitespace("  a \n\t b  "), "a b");
/// ```
pub fn normalize_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The snippet metric for one page. Build it with [`score_snippets`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnippetScore {
    /// "With" snippets found in the output.
    pub tp: usize,
    /// "Without" snippets found in the output (leaked boilerplate).
    pub fp: usize,
    /// "With" snippets not found in the output (missed content).
    pub fn_: usize,
    /// "Without" snippets not found in the output.
    pub tn: usize,
    /// Indices into the "with" list of the snippets that were missed.
    pub missed: Vec<usize>,
    /// Indices into the "without" list of the snippets that leaked.
    pub leaked: Vec<usize>,
}

impl SnippetScore {
    /// Missed plus leaked snippets: the page's errors.
    pub fn errors(&self) -> usize {
        self.fn_ + self.fp
    }
}

/// Check an extracted text against a page's "with" snippets (which it should
/// contain) and "without" snippets (which it should not).
///
/// Whitespace is normalised in the output and in each snippet first (see
/// [`normalize_whitespace`]); a snippet counts as found when it is a substring
/// of the output.
///
/// ```
/// use unboil_eval::metric::score_snippets;
///
/// let output = "The mayor said\nthe bridge\nwill reopen. Subscribe now!";
/// let s = score_snippets(output, &["the bridge will", "closed for good"], &["Subscribe now", "Log in"]);
/// assert_eq!((s.tp, s.fn_, s.fp, s.tn), (1, 1, 1, 1));
/// assert_eq!(s.missed, [1]);
/// assert_eq!(s.leaked, [0]);
/// ```
pub fn score_snippets<W, O>(output: &str, with: &[W], without: &[O]) -> SnippetScore
where
    W: AsRef<str>,
    O: AsRef<str>,
{
    let output = normalize_whitespace(output);
    let found = |snippet: &str| output.contains(&normalize_whitespace(snippet));
    let missed: Vec<usize> = (0..with.len())
        .filter(|&i| !found(with[i].as_ref()))
        .collect();
    let leaked: Vec<usize> = (0..without.len())
        .filter(|&i| found(without[i].as_ref()))
        .collect();
    SnippetScore {
        tp: with.len() - missed.len(),
        fp: leaked.len(),
        fn_: missed.len(),
        tn: without.len() - leaked.len(),
        missed,
        leaked,
    }
}

/// The snippet metric pooled over a corpus: add each page's [`SnippetScore`].
///
/// Precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their harmonic
/// mean, accuracy = (tp + tn) / all snippets; each is 0 when its denominator
/// is 0.
///
/// ```
/// use unboil_eval::metric::{score_snippets, SnippetTotals};
///
/// let mut totals = SnippetTotals::default();
/// totals.add(&score_snippets("alpha beta", &["alpha", "gamma"], &["beta"]));
/// totals.add(&score_snippets("delta", &["delta"], &["menu"]));
/// assert_eq!(totals.pages(), 2);
/// assert_eq!(totals.precision(), 2.0 / 3.0);
/// assert_eq!(totals.recall(), 2.0 / 3.0);
/// assert_eq!(totals.accuracy(), 3.0 / 5.0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SnippetTotals {
    /// "With" snippets found, over all pages.
    pub tp: usize,
    /// "Without" snippets found, over all pages.
    pub fp: usize,
    /// "With" snippets missed, over all pages.
    pub fn_: usize,
    /// "Without" snippets left out, over all pages.
    pub tn: usize,
    pages: usize,
}

impl SnippetTotals {
    /// Count one page.
    pub fn add(&mut self, page: &SnippetScore) {
        self.tp += page.tp;
        self.fp += page.fp;
        self.fn_ += page.fn_;
        self.tn += page.tn;
        self.pages += 1;
    }

    /// Number of pages added.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// tp / (tp + fp).
    pub fn precision(&self) -> f64 {
        ratio(self.tp as f64, self.fp as f64)
    }

    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        ratio(self.tp as f64, self.fn_ as f64)
    }

    /// Harmonic mean of [`precision`](Self::precision) and [`recall`](Self::recall).
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }

    /// (tp + tn) / all snippets.
    pub fn accuracy(&self) -> f64 {
        let all = self.tp + self.fp + self.fn_ + self.tn;
        mean((self.tp + self.tn) as f64, all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_are_unicode_words() {
        assert_eq!(tokens("Größe: 3,5 cm"), ["Größe", "3", "5", "cm"]);
        assert_eq!(tokens("snake_case déjà-vu"), ["snake_case", "déjà", "vu"]);
        // CJK has no spaces: a run of ideographs is one token.
        assert_eq!(tokens("東京は晴れ。明日"), ["東京は晴れ", "明日"]);
        assert_eq!(tokens("Привет, мир"), ["Привет", "мир"]);
        assert!(tokens("").is_empty());
        assert!(tokens("  ¿?! -- ").is_empty());
    }

    #[test]
    fn token_ranges_match_tokens() {
        let text = "Die Größe — 東京, ok";
        let from_ranges: Vec<&str> = token_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(from_ranges, tokens(text));
    }

    #[test]
    fn shingle_counts() {
        assert!(shingles(&[]).is_empty());
        for n in 1..SHINGLE_LEN {
            let toks: Vec<&str> = ["a", "b", "c"][..n].to_vec();
            let s = shingles(&toks);
            assert_eq!(s.len(), 1);
            assert_eq!(s[&toks[..]], 1);
        }
        let toks = tokens("a b c d e f");
        assert_eq!(shingles(&toks).values().sum::<usize>(), 3);
        // Repeated windows are counted, not collapsed.
        let toks = tokens("a b c d a b c d");
        let s = shingles(&toks);
        assert_eq!(s.values().sum::<usize>(), 5);
        assert_eq!(s[&["a", "b", "c", "d"][..]], 2);
    }

    #[test]
    fn both_empty_is_perfect() {
        let s = score_page("", "");
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert_eq!((s.tp, s.fp, s.fn_), (0.0, 0.0, 0.0));
        assert!(s.exact);
        // Punctuation only is the same as empty.
        let s = score_page("...", " - ");
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
    }

    #[test]
    fn empty_prediction() {
        let s = score_page("", "one two three four five");
        assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
        assert_eq!((s.tp, s.fp, s.fn_), (0.0, 0.0, 1.0));
        assert!(!s.exact);
    }

    #[test]
    fn empty_truth() {
        let s = score_page("one two three four five", "");
        assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
        assert_eq!((s.tp, s.fp, s.fn_), (0.0, 1.0, 0.0));
    }

    #[test]
    fn identical_texts() {
        let s = score_page("One, two; three four five!", "one two three four five");
        // Token case differs in "One": one shingle out of two differs.
        assert!(!s.exact);
        let s = score_page("one, two; three four five!", "one two three four five");
        assert!(s.exact);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert_eq!((s.tp, s.fp, s.fn_), (1.0, 0.0, 0.0));
    }

    #[test]
    fn short_texts_form_one_shingle() {
        for text in ["a", "a b", "a b c"] {
            let s = score_page(text, text);
            assert_eq!((s.precision, s.recall), (1.0, 1.0), "{text}");
            assert!(s.exact);
        }
        // A short text's single shingle must match as a whole.
        let s = score_page("a b", "a b c");
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        assert_eq!((s.tp, s.fp, s.fn_), (0.0, 0.5, 0.5));
        // Nor does it match one of a longer text's 4-token shingles.
        let s = score_page("a b c", "a b c d");
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
    }

    #[test]
    fn partial_overlap_is_normalised() {
        // Predicted shingles: abcd bcde cdef; truth: abcd bcde cdeg.
        let s = score_page("a b c d e f", "a b c d e g");
        assert!(close(s.tp, 0.5) && close(s.fp, 0.25) && close(s.fn_, 0.25));
        assert!(close(s.precision, 2.0 / 3.0));
        assert!(close(s.recall, 2.0 / 3.0));
        assert!(close(s.f1, 2.0 / 3.0));
        assert!(close(s.tp + s.fp + s.fn_, 1.0));
    }

    #[test]
    fn duplicates_are_a_multiset() {
        // Truth has "a b c d" twice (and the windows in between); the
        // prediction has it once: only one copy matches.
        let s = score_page("a b c d", "a b c d a b c d");
        // Predicted 1 shingle, truth 5, common 1.
        assert_eq!(s.precision, 1.0);
        assert!(close(s.recall, 0.2));
        assert!(close(s.fn_, 0.8));
        // And the other way round: a repeated prediction is penalised.
        let s = score_page("a b c d a b c d", "a b c d");
        assert!(close(s.precision, 0.2));
        assert_eq!(s.recall, 1.0);
        // Same tokens, same multiset.
        let s = score_page("x y z w x y z w", "x y z w x y z w");
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
    }

    #[test]
    fn unicode_and_cjk_pages() {
        let truth = "Die Größe des Hauses ist beeindruckend groß";
        let s = score_page(truth, truth);
        assert_eq!(s.f1, 1.0);
        let s = score_page("Die Grosse des Hauses ist beeindruckend groß", truth);
        assert!(s.f1 < 1.0 && s.f1 > 0.0);
        // CJK runs are single tokens; punctuation splits them.
        let s = score_page(
            "東京は晴れ。明日は雨。週末は曇り。来週は雪",
            "東京は晴れ、明日は雨、週末は曇り、来週は雪",
        );
        assert!(s.exact);
        assert_eq!(s.f1, 1.0);
    }

    #[test]
    fn covered_tokens_marks_missed_and_extra() {
        let truth = tokens("a b c d e f g");
        let predicted = tokens("x a b c d e y");
        assert_eq!(
            covered_tokens(&truth, &predicted),
            [true, true, true, true, true, false, false]
        );
        assert_eq!(
            covered_tokens(&predicted, &truth),
            [false, true, true, true, true, true, false]
        );
        assert!(covered_tokens(&[], &truth).is_empty());
        assert_eq!(covered_tokens(&truth, &[]), [false; 7]);
        let short = tokens("a b");
        assert_eq!(covered_tokens(&short, &short), [true, true]);
        assert_eq!(covered_tokens(&short, &truth), [false, false]);
    }

    #[test]
    fn corpus_means_skip_undefined_pages() {
        let mut c = CorpusScore::default();
        assert_eq!(
            (c.precision(), c.recall(), c.f1(), c.accuracy()),
            (0.0, 0.0, 0.0, 0.0)
        );
        c.add(&score_page("", "")); // counts for neither mean, but is exact
        c.add(&score_page("", "a b c d")); // recall 0, no precision
        c.add(&score_page("a b c d", "")); // precision 0, no recall
        c.add(&score_page("a b c d e", "a b c d")); // P 0.5, R 1
        assert_eq!(c.pages(), 4);
        assert!(close(c.precision(), 0.25)); // (0 + 0.5) / 2
        assert!(close(c.recall(), 0.5)); // (0 + 1) / 2
        assert!(close(c.f1(), 2.0 * 0.25 * 0.5 / 0.75));
        assert!(close(c.accuracy(), 0.25));
    }

    #[test]
    fn whitespace_normalisation() {
        assert_eq!(normalize_whitespace(""), "");
        assert_eq!(normalize_whitespace(" \n\t "), "");
        assert_eq!(normalize_whitespace("a\u{a0}\u{a0}b\r\nc"), "a b c");
    }

    #[test]
    fn snippets_found_across_line_breaks() {
        let output = "First   paragraph\n\nsecond paragraph.\nFooter links";
        let s = score_snippets(
            output,
            &["paragraph second", " First paragraph "],
            &["Footer\tlinks"],
        );
        assert_eq!((s.tp, s.fn_, s.fp, s.tn), (2, 0, 1, 0));
        assert_eq!(s.errors(), 1);
        // Matching is case-sensitive and exact.
        let s = score_snippets(output, &["first paragraph"], &["footer"]);
        assert_eq!((s.tp, s.fn_, s.fp, s.tn), (0, 1, 0, 1));
        assert_eq!(s.missed, [0]);
    }

    #[test]
    fn snippets_on_empty_output() {
        let none: [&str; 0] = [];
        let s = score_snippets("", &["a"], &["b"]);
        assert_eq!((s.tp, s.fn_, s.fp, s.tn), (0, 1, 0, 1));
        let s = score_snippets("", &none, &none);
        assert_eq!(s, SnippetScore::default());
        let s = score_snippets("Größe 東京", &["Größe", "東京"], &none);
        assert_eq!(s.tp, 2);
    }

    #[test]
    fn snippet_totals_pool_counts() {
        let mut t = SnippetTotals::default();
        assert_eq!(
            (t.precision(), t.recall(), t.f1(), t.accuracy()),
            (0.0, 0.0, 0.0, 0.0)
        );
        t.add(&score_snippets("a b c", &["a", "z"], &["c", "q"]));
        t.add(&score_snippets("x", &["x"], &["y"]));
        assert_eq!((t.tp, t.fp, t.fn_, t.tn, t.pages()), (2, 1, 1, 2, 2));
        assert!(close(t.precision(), 2.0 / 3.0));
        assert!(close(t.recall(), 2.0 / 3.0));
        assert!(close(t.f1(), 2.0 / 3.0));
        assert!(close(t.accuracy(), 4.0 / 6.0));
    }
}
