//! The **metadata metric**: title, author and date accuracy against hand
//! annotations (trafilatura's evaluation set ships them in
//! `metadata.json`).
//!
//! A page counts for a field only when its annotation is non-empty. Texts are
//! compared as sequences of lowercased alphanumeric words (soft hyphens and
//! zero-width characters dropped), so case and punctuation do not matter.
//!
//! - **title**: the extracted title has the same words as the annotation;
//!   [`title_contained`] is the looser check that the annotation's words
//!   occur, in a row, in the extracted title (site names left on pass).
//! - **author**: every annotated name is one of the extracted names. The
//!   annotation lists names separated by `;`, `,`, `/`, `&`, " and " or
//!   " und " ([`annotated_names`]). [`authors_contained`] only asks that each
//!   name's words occur in a row among the extracted names.
//! - **date**: the same day (the first ten characters of an ISO 8601 date).
//!
//! ```
//! use unboil_eval::metric::metadata::{authors_match, date_matches, title_matches, MetadataScore};
//!
//! assert!(title_matches("Rain due!", Some("RAIN DUE")));
//! assert!(authors_match("Jane Doe; John Roe", &["John Roe".into(), "Jane Doe".into()]));
//! assert!(date_matches("2021-11-03", Some("2021-11-03T08:00:00Z")));
//!
//! let mut score = MetadataScore::default();
//! score.add_title("Rain due", Some("Rain due"));
//! score.add_title("Sun out", None);
//! assert_eq!(score.title.counted, 2);
//! assert_eq!(score.title.accuracy(), 0.5);
//! ```

/// Characters that do not separate words and are not part of them.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// The lowercased alphanumeric words of `text`.
///
/// ```
/// assert_eq!(unboil_eval::metric::metadata::words("Deutsch\u{ad}land, ja!"), ["deutschland", "ja"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().filter(|&c| !invisible(c)) {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The names of an author annotation, each as its [`words`] joined by
/// spaces.
///
/// ```
/// use unboil_eval::metric::metadata::annotated_names;
/// assert_eq!(annotated_names("Jane Doe and John Roe; Ann"), ["jane doe", "john roe", "ann"]);
/// ```
pub fn annotated_names(annotation: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in annotation.split([';', ',', '/', '&']) {
        let mut current: Vec<String> = Vec::new();
        for w in words(part) {
            if w == "and" || w == "und" {
                names.push(current.join(" "));
                current.clear();
            } else {
                current.push(w);
            }
        }
        names.push(current.join(" "));
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Whether `got` has the same words as `expected`.
pub fn title_matches(expected: &str, got: Option<&str>) -> bool {
    got.is_some_and(|g| words(g) == words(expected))
}

/// Whether the words of `expected` occur in a row in `got`.
pub fn title_contained(expected: &str, got: Option<&str>) -> bool {
    got.is_some_and(|g| contains_run(&words(g), &words(expected)))
}

/// Whether every annotated name is one of the extracted `authors`.
pub fn authors_match(expected: &str, authors: &[String]) -> bool {
    let got: Vec<String> = authors.iter().map(|a| words(a).join(" ")).collect();
    let names = annotated_names(expected);
    !names.is_empty() && names.iter().all(|n| got.contains(n))
}

/// Whether every annotated name's words occur in a row among the extracted
/// `authors`, read as one list.
pub fn authors_contained(expected: &str, authors: &[String]) -> bool {
    let got: Vec<String> = authors.iter().flat_map(|a| words(a)).collect();
    let names = annotated_names(expected);
    !names.is_empty()
        && names.iter().all(|n| {
            let n: Vec<String> = n.split(' ').map(str::to_string).collect();
            contains_run(&got, &n)
        })
}

/// Whether `got` is on the day `expected` (`YYYY-MM-DD`) names.
pub fn date_matches(expected: &str, got: Option<&str>) -> bool {
    let day = |s: &str| s.trim().get(..10).map(str::to_string);
    match (day(expected), got.and_then(day)) {
        (Some(e), Some(g)) => e == g,
        _ => false,
    }
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Pages counted and pages right for one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Pages whose annotation of the field is non-empty.
    pub counted: usize,
    /// Of those, pages where the extraction is right.
    pub correct: usize,
}

impl Tally {
    /// Share of counted pages that are right (0 when none are counted).
    pub fn accuracy(&self) -> f64 {
        if self.counted == 0 {
            0.0
        } else {
            self.correct as f64 / self.counted as f64
        }
    }

    fn add(&mut self, right: bool) -> bool {
        self.counted += 1;
        self.correct += usize::from(right);
        right
    }
}

/// The tallies of a whole set. Each `add_*` skips an empty annotation and
/// returns whether the extraction was right (`None` when not counted).
#[derive(Debug, Clone, Copy, Default)]
pub struct MetadataScore {
    /// Same words ([`title_matches`]).
    pub title: Tally,
    /// Annotated words in a row ([`title_contained`]).
    pub title_contained: Tally,
    /// Every name extracted ([`authors_match`]).
    pub author: Tally,
    /// Every name's words in a row ([`authors_contained`]).
    pub author_contained: Tally,
    /// Same day ([`date_matches`]).
    pub date: Tally,
}

impl MetadataScore {
    /// Count one page's title.
    pub fn add_title(&mut self, expected: &str, got: Option<&str>) -> Option<bool> {
        if words(expected).is_empty() {
            return None;
        }
        self.title_contained.add(title_contained(expected, got));
        Some(self.title.add(title_matches(expected, got)))
    }

    /// Count one page's authors.
    pub fn add_author(&mut self, expected: &str, authors: &[String]) -> Option<bool> {
        if annotated_names(expected).is_empty() {
            return None;
        }
        self.author_contained
            .add(authors_contained(expected, authors));
        Some(self.author.add(authors_match(expected, authors)))
    }

    /// Count one page's date.
    pub fn add_date(&mut self, expected: &str, got: Option<&str>) -> Option<bool> {
        if expected.trim().is_empty() {
            return None;
        }
        Some(self.date.add(date_matches(expected, got)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn titles() {
        assert!(title_matches(
            "Schulze: Deutsch\u{ad}land",
            Some("Schulze – Deutschland")
        ));
        assert!(!title_matches("Rain", Some("Rain | Daily")));
        assert!(title_contained("Rain", Some("Rain | Daily")));
        assert!(!title_contained("Rain", None));
        assert!(!title_contained("", Some("x")));
    }

    #[test]
    fn authors() {
        assert!(authors_match("JANE DOE", &v(&["Jane Doe"])));
        assert!(authors_match(
            "Jane Doe, John Roe",
            &v(&["John Roe", "Jane Doe", "X"])
        ));
        assert!(!authors_match("Jane Doe, John Roe", &v(&["Jane Doe"])));
        assert!(!authors_match("Jane Doe", &v(&["Jane Doe Staff"])));
        assert!(authors_contained("Jane Doe", &v(&["Jane Doe Staff"])));
        assert!(authors_match(
            "David Brand and Ramsey Khalifeh",
            &v(&["David Brand", "Ramsey Khalifeh"])
        ));
        assert!(!authors_match("", &v(&[])));
    }

    #[test]
    fn dates() {
        assert!(date_matches("2021-11-03", Some("2021-11-03")));
        assert!(!date_matches("2021-11-03", Some("2021-11-04")));
        assert!(!date_matches("2021-11-03", None));
        assert!(!date_matches("2021", Some("2021")));
    }

    #[test]
    fn empty_annotations_are_not_counted() {
        let mut s = MetadataScore::default();
        assert_eq!(s.add_title(" ", Some("x")), None);
        assert_eq!(s.add_author("", &[]), None);
        assert_eq!(s.add_date("", None), None);
        assert_eq!(s.add_date("2020-01-01", None), Some(false));
        assert_eq!(s.date.counted, 1);
        assert_eq!(s.title.counted, 0);
    }
}
