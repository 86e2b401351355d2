//! Class words that say nothing of an element's role (`class_ignore.txt`):
//! responsive and print visibility (`hidden-xs`), label placement
//! (`field--label-hidden`), page-builder wrappers (`elementor-widget`).
//! Listed as prefixes and suffixes, matched with ASCII case ignored.

use crate::model::data::rows;

/// The listed prefixes and suffixes, with a table of which can match a
/// word by its first (prefixes) or last (suffixes) byte: a class word is
/// compared with the few patterns its end bytes allow, not the whole list.
pub(super) struct IgnoredClassWords {
    prefixes: Vec<String>,
    suffixes: Vec<String>,
    /// For each byte, the prefixes starting with it (in either case), as
    /// bits of their index.
    prefix_starts: [u64; 256],
    /// For each byte, the suffixes ending with it, likewise.
    suffix_ends: [u64; 256],
}

/// The bit table of `patterns` by the byte `end` picks from each.
fn end_bytes(patterns: &[String], end: impl Fn(&[u8]) -> Option<u8>) -> [u64; 256] {
    assert!(
        patterns.len() <= 64,
        "class_ignore.txt: more than 64 prefixes or suffixes"
    );
    let mut table = [0u64; 256];
    for (i, pattern) in patterns.iter().enumerate() {
        let b = end(pattern.as_bytes()).expect("class_ignore.txt: an empty pattern");
        table[usize::from(b.to_ascii_lowercase())] |= 1 << i;
        table[usize::from(b.to_ascii_uppercase())] |= 1 << i;
    }
    table
}

/// The indexes of the set bits of `bits`.
fn bit_indexes(mut bits: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (bits != 0).then(|| {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            i
        })
    })
}

impl IgnoredClassWords {
    pub(super) fn load() -> Self {
        let mut prefixes = Vec::new();
        let mut suffixes = Vec::new();
        let data = include_str!("data/class_ignore.txt");
        for row in rows("class_ignore.txt", data) {
            match row.expect("prefix|suffix<TAB>word") {
                ["prefix", p] => prefixes.push(p.to_string()),
                ["suffix", p] => suffixes.push(p.to_string()),
                _ => row.fail("want `prefix` or `suffix`"),
            }
        }
        IgnoredClassWords {
            prefix_starts: end_bytes(&prefixes, |p| p.first().copied()),
            suffix_ends: end_bytes(&suffixes, |p| p.last().copied()),
            prefixes,
            suffixes,
        }
    }

    /// Whether any word of `value` is to be ignored (a quick pre-check).
    pub(super) fn hits(&self, value: &str) -> bool {
        value.split_ascii_whitespace().any(|w| self.matches_word(w))
    }

    /// Whether `word` starts with a listed prefix or ends with a listed
    /// suffix, ASCII case ignored.
    pub(super) fn matches_word(&self, word: &str) -> bool {
        let word = word.as_bytes();
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        let starts = |i: usize| {
            let p = self.prefixes[i].as_bytes();
            word.len() >= p.len() && word[..p.len()].eq_ignore_ascii_case(p)
        };
        let ends = |i: usize| {
            let p = self.suffixes[i].as_bytes();
            word.len() >= p.len() && word[word.len() - p.len()..].eq_ignore_ascii_case(p)
        };
        bit_indexes(self.prefix_starts[usize::from(first)]).any(starts)
            || bit_indexes(self.suffix_ends[usize::from(last)]).any(ends)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_as_a_scan_of_every_pattern_would() {
        let ignore = IgnoredClassWords::load();
        let scanned = |word: &str| {
            let w = word.as_bytes();
            ignore
                .prefixes
                .iter()
                .any(|p| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
                || ignore.suffixes.iter().any(|p| {
                    w.len() >= p.len() && w[w.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
                })
        };
        let mut words: Vec<String> = ignore
            .prefixes
            .iter()
            .chain(&ignore.suffixes)
            .flat_map(|p| {
                [
                    p.clone(),
                    p.to_ascii_uppercase(),
                    format!("x{p}"),
                    format!("{p}x"),
                    p[1..].to_string(),
                    p[..p.len() - 1].to_string(),
                ]
            })
            .collect();
        words.extend(["", "a", "content", "Hidden-XS-up"].map(String::from));
        for word in &words {
            assert_eq!(ignore.matches_word(word), scanned(word), "{word:?}");
        }
        assert!(ignore.matches_word("Hidden-XS-up"));
    }
}
