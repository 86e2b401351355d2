//! Matching class and id parts against `data/markers.txt`.
//!
//! The metadata reader asks this of every element with a `class` or `id`,
//! and modern pages carry long class lists, so each part costs one hash
//! probe for all whole-word lists together, and one more for the prefix
//! lists (keyed by the parts' first bytes) instead of a probe per list and a
//! `starts_with` per listed prefix.

use crate::judge::lexicon::hash::{map_with_capacity, FxMap};
use ahash::RandomState;
use std::collections::HashMap;

/// Flag: the part starts with an author word.
const AUTHOR: u8 = 1;
/// Flag: the part is a word that vetoes the author mark ("author-bio").
const NOT_AUTHOR: u8 = 1 << 1;
/// Flag: the part starts with a date word.
const DATE: u8 = 1 << 2;
/// Flag: the part names a region of other texts.
const SKIP: u8 = 1 << 3;
/// Flag: the part names a region around the article.
const OUTSIDE: u8 = 1 << 4;
/// Flag: the part names a kicker.
const KICKER: u8 = 1 << 5;

/// Prefix lookups key on at most this many leading bytes of a part.
const MAX_KEY_BYTES: usize = 8;

/// A listed word or prefix and its flags.
type Flagged = (Box<str>, u8);

/// What a class or id part says (see `data/markers.txt`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    /// An author or byline element.
    pub(crate) author: bool,
    /// An element whose text may be a date.
    pub(crate) date: bool,
    /// A region of other texts (comments, related stories).
    pub(crate) skip: bool,
    /// A region of the page around the article (menus, page footer).
    pub(crate) outside: bool,
    /// A kicker: the topic line set above or inside a headline.
    pub(crate) kicker: bool,
}

/// The marker lists, indexed for per-part lookups.
pub(super) struct MarkerWords {
    /// Whole-word entries and their flags.
    words: FxMap<Box<str>, u8>,
    /// The longest whole-word entry, in bytes: longer parts skip the probe.
    longest_word: usize,
    /// Prefix entries with their flags, by their first `key_bytes` bytes.
    prefixes: FxMap<Box<[u8]>, Vec<Flagged>>,
    /// Bytes of the prefix key: the shortest prefix's length (at most
    /// [`MAX_KEY_BYTES`]), so every prefix has a key.
    key_bytes: usize,
}

impl MarkerWords {
    /// Index the `(kind, word)` rows of `markers.txt`. Panics on an unknown
    /// kind, which the unit tests catch.
    pub(super) fn new<'a>(rows: impl Iterator<Item = (&'a str, &'a str)>) -> MarkerWords {
        let mut words: FxMap<Box<str>, u8> = map_with_capacity(64);
        let mut prefixes: Vec<Flagged> = Vec::new();
        for (kind, word) in rows {
            let flag = match kind {
                "author" => AUTHOR,
                "notauthor" => NOT_AUTHOR,
                "date" => DATE,
                "skip" => SKIP,
                "outside" => OUTSIDE,
                "kicker" => KICKER,
                _ => panic!("markers.txt: unknown kind {kind}"),
            };
            if flag & (AUTHOR | DATE) != 0 {
                prefixes.push((word.into(), flag));
            } else {
                *words.entry(word.into()).or_default() |= flag;
            }
        }
        let longest_word = words.keys().map(|w| w.len()).max().unwrap_or(0);
        let key_bytes = prefixes
            .iter()
            .map(|(p, _)| p.len())
            .min()
            .unwrap_or(0)
            .min(MAX_KEY_BYTES);
        let mut by_key: FxMap<Box<[u8]>, Vec<Flagged>> = map_with_capacity(prefixes.len());
        for (prefix, flag) in prefixes {
            let key: Box<[u8]> = prefix.as_bytes()[..key_bytes].into();
            by_key.entry(key).or_default().push((prefix, flag));
        }
        MarkerWords {
            words,
            longest_word,
            prefixes: by_key,
            key_bytes,
        }
    }

    /// The flags of one lowercase part.
    fn part_flags(&self, part: &str) -> u8 {
        let mut flags = 0;
        if part.len() <= self.longest_word {
            flags |= self.words.get(part).copied().unwrap_or(0);
        }
        if let Some(key) = part.as_bytes().get(..self.key_bytes) {
            if let Some(candidates) = self.prefixes.get(key) {
                for (prefix, flag) in candidates {
                    if part.starts_with(&**prefix) {
                        flags |= flag;
                    }
                }
            }
        }
        flags
    }

    /// The flags of every part of one `class` or `id` value.
    pub(super) fn value_flags(&self, value: &str, part: &mut String) -> MarkerFlags {
        let mut flags = 0;
        for_each_part(value, part, |part| flags |= self.part_flags(part));
        MarkerFlags(flags)
    }

    /// What the `class` and `id` values of an element say.
    pub(super) fn marks(&self, values: &[&str]) -> Marks {
        let mut part = String::new();
        let flags = values.iter().fold(MarkerFlags::default(), |flags, value| {
            flags.union(self.value_flags(value, &mut part))
        });
        flags.marks()
    }
}

/// What the parts of one or more class or id values say, before the author
/// veto is applied: [`MarkerFlags::marks`] turns them into [`Marks`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct MarkerFlags(u8);

impl MarkerFlags {
    /// The flags of both.
    pub(crate) fn union(self, other: MarkerFlags) -> MarkerFlags {
        MarkerFlags(self.0 | other.0)
    }

    /// What the flags say about the element.
    pub(crate) fn marks(self) -> Marks {
        let flags = self.0;
        Marks {
            author: flags & AUTHOR != 0 && flags & NOT_AUTHOR == 0,
            date: flags & DATE != 0,
            skip: flags & SKIP != 0,
            outside: flags & OUTSIDE != 0,
            kicker: flags & KICKER != 0,
        }
    }
}

/// Call `f` with each lowercase part of a class or id value, cut at spaces,
/// `-`, `_` and lower-to-upper case changes; `part` is scratch space.
fn for_each_part(value: &str, part: &mut String, mut f: impl FnMut(&str)) {
    part.clear();
    let mut prev_lower = false;
    for c in value.chars() {
        let cut = c.is_whitespace() || c == '-' || c == '_' || (prev_lower && c.is_uppercase());
        if cut && !part.is_empty() {
            f(part);
            part.clear();
        }
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                part.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            part.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if !part.is_empty() {
        f(part);
    }
}

/// The flags of the class values met in one walk of a page, by value:
/// pages repeat the same class lists on many elements, and hashing a value
/// costs far less than cutting it into parts. Ids are mostly unique, so
/// they are looked up directly.
pub(crate) struct FlagsMemo<'a> {
    /// Keyed by page text, so hashed with a randomly keyed hasher (ahash):
    /// crafted class names cannot make lookups collide.
    by_class: HashMap<&'a str, MarkerFlags, RandomState>,
    part: String,
}

impl<'a> FlagsMemo<'a> {
    pub(crate) fn new() -> FlagsMemo<'a> {
        FlagsMemo {
            by_class: HashMap::with_hasher(RandomState::new()),
            part: String::new(),
        }
    }

    /// What an element's `class` and `id` values say, as
    /// [`Vocab::marks`](super::Vocab::marks) would.
    pub(super) fn marks(&mut self, words: &MarkerWords, class: &'a str, id: &str) -> Marks {
        let class_flags = match self.by_class.get(class) {
            Some(&flags) => flags,
            None => {
                let flags = words.value_flags(class, &mut self.part);
                self.by_class.insert(class, flags);
                flags
            }
        };
        class_flags
            .union(words.value_flags(id, &mut self.part))
            .marks()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(value: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_part(value, &mut String::new(), |p| out.push(p.to_string()));
        out
    }

    #[test]
    fn values_cut_at_separators_and_case_changes() {
        assert_eq!(
            parts("c-byline__nameAuthor x1\u{b}y"),
            ["c", "byline", "name", "author", "x1", "y"]
        );
        assert_eq!(
            parts("c-byline__nameAuthor x1 é"),
            ["c", "byline", "name", "author", "x1", "é"]
        );
        assert_eq!(parts("Überschrift-Datum"), ["überschrift", "datum"]);
    }
}
