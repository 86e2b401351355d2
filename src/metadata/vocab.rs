//! The metadata reader's word lists, kept as data in `data/*.txt` (month
//! names in the shared `model/data/months.txt`) and parsed once per
//! extractor into a [`Vocab`].

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::markers::{MarkerWords, Marks};
use crate::model::data::rows;
use crate::model::dates::Months;

const BYLINES: &str = include_str!("data/bylines.txt");
const MARKERS: &str = include_str!("data/markers.txt");
const LANGUAGES: &str = include_str!("data/languages.txt");

/// All word lists, parsed. Cheap to clone (one `Arc`).
#[derive(Clone)]
pub(crate) struct Vocab {
    inner: Arc<Inner>,
}

struct Inner {
    months: Months,
    /// Byline prefixes as word sequences, longest first, and whether they
    /// count only when written in lower case.
    prefixes: Vec<(Vec<String>, bool)>,
    joiners: HashSet<String>,
    noise: HashSet<String>,
    roles: HashSet<String>,
    credits: HashSet<String>,
    /// Lower-case words that end a name ("am" in "Jane Doe am Montag").
    tails: HashSet<String>,
    /// Class and id parts that mark bylines, dates and regions.
    markers: MarkerWords,
    languages: HashMap<String, String>,
}

impl std::fmt::Debug for Vocab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocab").finish_non_exhaustive()
    }
}

impl Default for Vocab {
    fn default() -> Self {
        Vocab::load()
    }
}

impl Vocab {
    /// Parse the embedded lists. Panics only on malformed embedded data,
    /// which the unit tests catch.
    pub(crate) fn load() -> Vocab {
        let mut inner = Inner {
            months: Months::load(),
            prefixes: Vec::new(),
            joiners: HashSet::new(),
            noise: HashSet::new(),
            roles: HashSet::new(),
            credits: HashSet::new(),
            tails: HashSet::new(),
            markers: MarkerWords::new(
                rows("markers.txt", MARKERS).map(|row| row.expect::<2>("kind<TAB>word").into()),
            ),
            languages: HashMap::new(),
        };
        for row in rows("bylines.txt", BYLINES) {
            let [kind, entry] = row.expect("kind<TAB>entry");
            let entry = entry.to_string();
            match kind {
                "prefix" | "lowprefix" => inner.prefixes.push((
                    entry.split_whitespace().map(str::to_string).collect(),
                    kind == "lowprefix",
                )),
                "joiner" => drop(inner.joiners.insert(entry)),
                "noise" => drop(inner.noise.insert(entry)),
                "role" => drop(inner.roles.insert(entry)),
                "credit" => drop(inner.credits.insert(entry)),
                "tail" => drop(inner.tails.insert(entry)),
                _ => row.fail(format!("unknown kind {kind:?}")),
            }
        }
        inner
            .prefixes
            .sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        for row in rows("languages.txt", LANGUAGES) {
            let [three, two] = row.expect("three<TAB>two");
            inner.languages.insert(three.to_string(), two.to_string());
        }
        Vocab {
            inner: Arc::new(inner),
        }
    }

    /// The number (1–12) of a lowercase month name or abbreviation.
    pub(crate) fn month(&self, lowercase: &str) -> Option<u8> {
        self.inner.months.number(lowercase)
    }

    /// Byline prefixes as lowercase word sequences, longest first, each with
    /// whether it counts only when written in lower case.
    pub(crate) fn prefixes(&self) -> &[(Vec<String>, bool)] {
        &self.inner.prefixes
    }

    pub(crate) fn is_joiner(&self, lowercase: &str) -> bool {
        self.inner.joiners.contains(lowercase)
    }

    pub(crate) fn is_noise(&self, lowercase: &str) -> bool {
        self.inner.noise.contains(lowercase)
    }

    pub(crate) fn is_role(&self, lowercase: &str) -> bool {
        self.inner.roles.contains(lowercase)
    }

    /// Whether `word`, as written, ends a name ([`tails`](Self)).
    pub(crate) fn is_tail(&self, word: &str) -> bool {
        self.inner.tails.contains(word)
    }

    pub(crate) fn is_credit(&self, lowercase: &str) -> bool {
        self.inner.credits.contains(lowercase)
    }

    /// The two-letter code of a language whatlang names by its three-letter
    /// code, if it has one.
    pub(crate) fn two_letter(&self, three: &str) -> Option<&str> {
        self.inner.languages.get(three).map(String::as_str)
    }

    /// What the `class` and `id` values of an element say.
    pub(crate) fn marks(&self, values: &[&str]) -> Marks {
        self.inner.markers.marks(values)
    }

    /// What the parts of one `class` or `id` value say; `part` is scratch
    /// space. For callers that look up the same values many times.
    pub(super) fn markers(&self) -> &MarkerWords {
        &self.inner.markers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let v = Vocab::load();
        assert_eq!(v.month("märz"), Some(3));
        assert_eq!(v.month("décembre"), Some(12));
        assert_eq!(v.month("sept"), Some(9));
        assert!(v.is_joiner("und"));
        assert!(v.is_role("staff"));
        assert!(v.is_noise("senior"));
        assert_eq!(v.two_letter("deu"), Some("de"));
        let lengths: Vec<usize> = v.prefixes().iter().map(|(p, _)| p.len()).collect();
        assert!(
            lengths.windows(2).all(|w| w[0] >= w[1]),
            "longest prefix first"
        );
        assert_eq!(v.month("августа"), Some(8));
        assert!(v.is_tail("am"));
        assert!(v.marks(&["article-kicker"]).kicker);
    }

    #[test]
    fn class_parts() {
        let v = Vocab::load();
        assert!(v.marks(&["entry-author"]).author);
        assert!(v.marks(&["authorName"]).author);
        assert!(v.marks(&["c-byline__name"]).author);
        assert!(!v.marks(&["author-bio"]).author);
        assert!(!v.marks(&["authority"]).author);
        assert!(!v.marks(&["header"]).author);
        assert!(v.marks(&["comment-author vcard"]).skip);
        assert!(v.marks(&["post-date"]).date);
        assert!(v.marks(&["site-footer"]).outside);
        assert!(!v.marks(&["entry-content"]).skip);
    }
}
