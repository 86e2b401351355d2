//! Tag and attribute names as atoms, remembered per page by their spelling.
//!
//! html5ever's names are `string_cache` atoms: a short or well-known name is
//! packed into the atom itself, any other ("data-track-id", "ng-click") is
//! interned in one process-wide set of 4,096 buckets and taken out again
//! when the last copy drops. Two costs follow. Every name is hashed against
//! the well-known table each time it is met, and a page with hundreds of
//! thousands of distinct made-up names makes the buckets' chains long, so
//! interning them costs quadratic time (`many_attributes` in
//! `benches/linearity.rs`: doubling 200,000 attributes took 6x as long).
//! This memo answers repeated spellings from a per-page map, and lets each
//! page intern at most [`MAX_INTERNED_NAMES`] names; names past that become
//! [`overflow_name`]. No real page comes near the limit.

use ahash::RandomState;
use html5ever::LocalName;
use std::collections::HashMap;

/// Interned (neither well-known nor short) names one page may add to the
/// process-wide set. The largest count on the evaluation pages is far
/// below; the bucket count of `string_cache`'s set (4,096) keeps chains
/// short while a few pages per core stay within it.
const MAX_INTERNED_NAMES: usize = 4_096;

/// Spellings remembered per page; past this, names are made afresh.
const MAX_REMEMBERED_SPELLINGS: usize = 16_384;

/// The stand-in for names past the page's limit.
fn overflow_name() -> LocalName {
    LocalName::from("unboil-overflow-name")
}

/// Slots of the cache of names met lately, a power of two.
const RECENT_SLOTS: usize = 64;

/// The names of one page.
pub(super) struct Names<'a> {
    /// Keyed by page text, so hashed with random keys (see DESIGN.md).
    by_spelling: HashMap<&'a str, LocalName, RandomState>,
    /// Names met lately, each in the slot its spelling's length and end
    /// bytes pick: a page spells the same few dozen tag and attribute
    /// names over and over, and most are found here without hashing the
    /// spelling. A miss costs one comparison more than the map alone, so
    /// no spelling a page chooses makes it slower than the map.
    recent: [Option<(&'a str, LocalName)>; RECENT_SLOTS],
    interned: usize,
}

/// The slot of [`Names::recent`] for a spelling.
fn recent_slot(spelling: &str) -> usize {
    let b = spelling.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let mix = b.len() ^ usize::from(first.unwrap_or(0)) << 1 ^ usize::from(last.unwrap_or(0)) << 2;
    mix % RECENT_SLOTS
}

impl<'a> Names<'a> {
    pub(super) fn new() -> Names<'a> {
        Names {
            by_spelling: HashMap::with_hasher(RandomState::new()),
            recent: [const { None }; RECENT_SLOTS],
            interned: 0,
        }
    }

    /// The atom for a tag or attribute name spelled `spelling` in the page:
    /// ASCII letters lowercased, NUL as U+FFFD.
    pub(super) fn get(&mut self, spelling: &'a str) -> LocalName {
        let slot = recent_slot(spelling);
        if let Some((seen, name)) = &self.recent[slot] {
            if *seen == spelling {
                return name.clone();
            }
        }
        let name = self.remembered(spelling);
        self.recent[slot] = Some((spelling, name.clone()));
        name
    }

    /// [`get`](Self::get) past the cache of recent names.
    fn remembered(&mut self, spelling: &'a str) -> LocalName {
        if let Some(name) = self.by_spelling.get(spelling) {
            return name.clone();
        }
        let mut name = lower_name(spelling);
        // `is_dynamic` is `string_cache`'s test for an interned atom.
        if name.is_dynamic() {
            if self.interned >= MAX_INTERNED_NAMES {
                name = overflow_name();
            } else {
                self.interned += 1;
            }
        }
        if self.by_spelling.len() < MAX_REMEMBERED_SPELLINGS {
            self.by_spelling.insert(spelling, name.clone());
        }
        name
    }
}

/// A name as the tokenizer keeps it: ASCII letters lowercased, NUL as
/// U+FFFD.
fn lower_name(name: &str) -> LocalName {
    let plain = name.bytes().all(|b| b != 0 && !b.is_ascii_uppercase());
    if plain {
        LocalName::from(name)
    } else {
        LocalName::from(name.to_ascii_lowercase().replace('\0', "\u{fffd}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_lowercased_and_remembered() {
        let mut names = Names::new();
        assert_eq!(&*names.get("DIV"), "div");
        assert_eq!(
            &*names.get("Data-Track-Identifier"),
            "data-track-identifier"
        );
        assert_eq!(&*names.get("a\0b"), "a\u{fffd}b");
        assert_eq!(names.by_spelling.len(), 3);
    }

    #[test]
    fn interned_names_past_the_limit_share_one_stand_in() {
        let mut names = Names::new();
        let spellings: Vec<String> = (0..MAX_INTERNED_NAMES + 2)
            .map(|i| format!("data-made-up-{i}"))
            .collect();
        let atoms: Vec<LocalName> = spellings.iter().map(|s| names.get(s)).collect();
        assert_eq!(&*atoms[0], "data-made-up-0");
        assert_eq!(atoms[MAX_INTERNED_NAMES + 1], overflow_name());
        // Well-known and short names never count against the limit.
        assert_eq!(&*names.get("class"), "class");
        assert_eq!(&*names.get("x-y"), "x-y");
    }
}
