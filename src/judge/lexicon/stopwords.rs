//! Stop words: the most frequent function words of each language.
//!
//! Data: `data/stopwords/<code>.txt`, one lowercase word per line, `#` starts a
//! comment line. Words are matched whole, so callers split text into words
//! first; elided and contracted forms are listed as the pieces a split at the
//! apostrophe leaves (`l`, `qu`, `dell`, `don`, `t`…), and English
//! contractions also whole with an ASCII apostrophe (`don't`). Callers should
//! map `’` to `'` before looking a word up.

use super::hash::{map_with_capacity, FxMap};
use crate::model::data::rows;

/// A language with a stop-word list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Lang {
    /// English.
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Italian.
    It,
    /// Portuguese.
    Pt,
    /// Dutch.
    Nl,
    /// Russian.
    Ru,
    /// Polish.
    Pl,
    /// Swedish.
    Sv,
    /// Danish.
    Da,
    /// Norwegian (Bokmål, with the commonest Nynorsk forms).
    No,
    /// Finnish.
    Fi,
    /// Czech.
    Cs,
    /// Turkish.
    Tr,
    /// Indonesian.
    Id,
    /// Hungarian.
    Hu,
    /// Romanian.
    Ro,
}

impl Lang {
    /// Every language, in bit order.
    pub(crate) const ALL: [Lang; 18] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::It,
        Lang::Pt,
        Lang::Nl,
        Lang::Ru,
        Lang::Pl,
        Lang::Sv,
        Lang::Da,
        Lang::No,
        Lang::Fi,
        Lang::Cs,
        Lang::Tr,
        Lang::Id,
        Lang::Hu,
        Lang::Ro,
    ];

    /// The ISO 639-1 code, as in the data file names.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Pt => "pt",
            Lang::Nl => "nl",
            Lang::Ru => "ru",
            Lang::Pl => "pl",
            Lang::Sv => "sv",
            Lang::Da => "da",
            Lang::No => "no",
            Lang::Fi => "fi",
            Lang::Cs => "cs",
            Lang::Tr => "tr",
            Lang::Id => "id",
            Lang::Hu => "hu",
            Lang::Ro => "ro",
        }
    }

    /// This language's bit in a [`LangSet`].
    pub(crate) const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A set of languages, one bit per [`Lang`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct LangSet(u32);

impl LangSet {
    /// No language.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) const EMPTY: LangSet = LangSet(0);
    /// Every language.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) const ALL: LangSet = LangSet((1 << Lang::ALL.len()) - 1);

    /// The set holding just `lang`.
    pub(crate) const fn of(lang: Lang) -> LangSet {
        LangSet(lang.bit())
    }

    /// Whether `lang` is in the set.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn contains(self, lang: Lang) -> bool {
        self.0 & lang.bit() != 0
    }

    /// Whether the set is empty.
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the two sets share a language.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn intersects(self, other: LangSet) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sets together.
    pub(crate) fn union(self, other: LangSet) -> LangSet {
        LangSet(self.0 | other.0)
    }

    /// The languages in the set, in [`Lang::ALL`] order.
    pub(crate) fn iter(self) -> impl Iterator<Item = Lang> {
        // Visit the set bits only, lowest (first in `Lang::ALL`) first: the
        // features stage asks this for every stop word of a page.
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let lang = Lang::ALL.get(bits.trailing_zeros() as usize).copied()?;
            bits &= bits - 1;
            Some(lang)
        })
    }
}

/// The embedded lists, one per language.
const FILES: [(Lang, &str); 18] = [
    (Lang::En, include_str!("data/stopwords/en.txt")),
    (Lang::De, include_str!("data/stopwords/de.txt")),
    (Lang::Fr, include_str!("data/stopwords/fr.txt")),
    (Lang::Es, include_str!("data/stopwords/es.txt")),
    (Lang::It, include_str!("data/stopwords/it.txt")),
    (Lang::Pt, include_str!("data/stopwords/pt.txt")),
    (Lang::Nl, include_str!("data/stopwords/nl.txt")),
    (Lang::Ru, include_str!("data/stopwords/ru.txt")),
    (Lang::Pl, include_str!("data/stopwords/pl.txt")),
    (Lang::Sv, include_str!("data/stopwords/sv.txt")),
    (Lang::Da, include_str!("data/stopwords/da.txt")),
    (Lang::No, include_str!("data/stopwords/no.txt")),
    (Lang::Fi, include_str!("data/stopwords/fi.txt")),
    (Lang::Cs, include_str!("data/stopwords/cs.txt")),
    (Lang::Tr, include_str!("data/stopwords/tr.txt")),
    (Lang::Id, include_str!("data/stopwords/id.txt")),
    (Lang::Hu, include_str!("data/stopwords/hu.txt")),
    (Lang::Ro, include_str!("data/stopwords/ro.txt")),
];

/// The raw list of one language, for tests and reports.
#[cfg(test)]
pub(super) fn raw_list(lang: Lang) -> impl Iterator<Item = &'static str> {
    let text = FILES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("", |(_, text)| *text);
    rows("stopwords", text).map(|row| row.text.trim())
}

/// All languages' stop words in one table: word → languages listing it.
pub(super) struct Stopwords {
    words: FxMap<&'static str, LangSet>,
}

impl Stopwords {
    /// Parse the embedded lists.
    pub(super) fn load() -> Stopwords {
        let mut words: FxMap<&'static str, LangSet> = map_with_capacity(4096);
        for (lang, text) in FILES {
            for row in rows("stopwords", text) {
                let entry = words.entry(row.text.trim()).or_default();
                *entry = entry.union(LangSet::of(lang));
            }
        }
        Stopwords { words }
    }

    /// The languages whose list holds `word` (already lowercase).
    #[inline]
    pub(super) fn languages(&self, word: &str) -> LangSet {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// How many distinct words the union holds.
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }
}

#[cfg(test)]
mod lang_set_tests {
    use super::{Lang, LangSet};

    #[test]
    fn iter_gives_the_members_in_list_order() {
        assert_eq!(LangSet::EMPTY.iter().count(), 0);
        let all: Vec<Lang> = LangSet::ALL.iter().collect();
        assert_eq!(all, Lang::ALL);
        let some = LangSet::of(Lang::Ro)
            .union(LangSet::of(Lang::En))
            .union(LangSet::of(Lang::Ru));
        assert_eq!(
            some.iter().collect::<Vec<_>>(),
            [Lang::En, Lang::Ru, Lang::Ro]
        );
    }
}
