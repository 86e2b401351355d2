//! Class, id, role and itemprop hints: what an attribute value says about the
//! element it sits on (article body, menu, share bar, ad slot…).
//!
//! Data: `data/class_hints.txt`, lines `category<TAB>mode<TAB>pattern`
//! (see the file's header). Matching works on *tokens*, never on raw
//! substrings, so that `ad` cannot hit `header`, `shadow` or `download`:
//!
//! 1. the value is split into tokens at every character that is not a letter
//!    or digit (`-`, `_`, space, `:`…), at camelCase humps (`mainContent` →
//!    `main content`, `ADSlot` → `ad slot`) and between letters and digits
//!    (`ad300x250` → `ad 300 x 250`); tokens are lowercased;
//! 2. a `word` pattern matches a token equal to it, `prefix` a token starting
//!    with it, `suffix` a token ending with it, `affix` either of those, and
//!    `seq` (tokens joined by `-` in the file) a run of consecutive tokens;
//! 3. the value's hints are the set of categories its tokens hit.

use crate::model::data::rows;

use super::hash::{map_with_capacity, FxMap};
use super::tokens::{tokenize, Spans, MAX_TOKENS};

/// What a class/id token says about an element. One bit each in [`Hints`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum HintCategory {
    /// The article body or a part of it (the only positive category).
    Content,
    /// Menus, breadcrumbs, pagination, toolbars, skip links, search.
    Navigation,
    /// The site or page header.
    Header,
    /// The site or page footer.
    Footer,
    /// Sidebars, rails, widgets, secondary columns.
    Sidebar,
    /// Share bars and social buttons.
    Share,
    /// Related, recommended, popular and trending lists.
    Related,
    /// Comment sections.
    Comment,
    /// Ad slots, sponsored and promotional boxes.
    Advertising,
    /// Cookie and consent banners.
    Consent,
    /// Newsletter sign-ups, subscription prompts, paywalls.
    Newsletter,
    /// Author, date and other article metadata.
    Byline,
    /// Tag and category lists.
    Tags,
    /// Captions and credits.
    Caption,
    /// Elements hidden from view (screen-reader text, `hidden`).
    Hidden,
    /// Disclaimers, disclosures and licence notices.
    Legal,
}

impl HintCategory {
    /// Every category, in bit order.
    pub(crate) const ALL: [HintCategory; 16] = [
        HintCategory::Content,
        HintCategory::Navigation,
        HintCategory::Header,
        HintCategory::Footer,
        HintCategory::Sidebar,
        HintCategory::Share,
        HintCategory::Related,
        HintCategory::Comment,
        HintCategory::Advertising,
        HintCategory::Consent,
        HintCategory::Newsletter,
        HintCategory::Byline,
        HintCategory::Tags,
        HintCategory::Caption,
        HintCategory::Hidden,
        HintCategory::Legal,
    ];

    /// The name used in the data file.
    pub(crate) fn name(self) -> &'static str {
        match self {
            HintCategory::Content => "content",
            HintCategory::Navigation => "navigation",
            HintCategory::Header => "header",
            HintCategory::Footer => "footer",
            HintCategory::Sidebar => "sidebar",
            HintCategory::Share => "share",
            HintCategory::Related => "related",
            HintCategory::Comment => "comment",
            HintCategory::Advertising => "advertising",
            HintCategory::Consent => "consent",
            HintCategory::Newsletter => "newsletter",
            HintCategory::Byline => "byline",
            HintCategory::Tags => "tags",
            HintCategory::Caption => "caption",
            HintCategory::Hidden => "hidden",
            HintCategory::Legal => "legal",
        }
    }

    fn from_name(name: &str) -> Option<HintCategory> {
        HintCategory::ALL.into_iter().find(|c| c.name() == name)
    }

    /// This category's bit in [`Hints::bits`].
    pub(crate) const fn bit(self) -> u32 {
        1 << self as u32
    }
}

#[cfg(test)] // a query for the tests of the lists
const POSITIVE: u32 = HintCategory::Content.bit();
#[cfg(test)] // a query for the tests of the lists
const ALL_BITS: u32 = (1 << HintCategory::ALL.len()) - 1;
#[cfg(test)] // a query for the tests of the lists
const NEGATIVE: u32 = ALL_BITS & !POSITIVE;

/// The categories an attribute value hit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hints {
    bits: u32,
}

impl Hints {
    /// No hint at all.
    pub(crate) const NONE: Hints = Hints { bits: 0 };

    /// One bit per [`HintCategory`], `1 << category as u32`.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn bits(self) -> u32 {
        self.bits
    }

    /// Whether `category` was hit.
    pub(crate) fn contains(self, category: HintCategory) -> bool {
        self.bits & category.bit() != 0
    }

    /// Whether nothing was hit.
    pub(crate) fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// Whether a content category was hit.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn is_positive(self) -> bool {
        self.bits & POSITIVE != 0
    }

    /// Whether any boilerplate category was hit.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn is_negative(self) -> bool {
        self.bits & NEGATIVE != 0
    }

    /// These hints less one category.
    pub(crate) fn without(self, category: HintCategory) -> Hints {
        Hints {
            bits: self.bits & !category.bit(),
        }
    }

    /// These hints and one category more.
    pub(crate) fn with(self, category: HintCategory) -> Hints {
        Hints {
            bits: self.bits | category.bit(),
        }
    }

    /// Hints of two attributes together (say class and id): bits are joined.
    pub(crate) fn merge(self, other: Hints) -> Hints {
        Hints {
            bits: self.bits | other.bits,
        }
    }

    /// The categories hit, in [`HintCategory::ALL`] order.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) fn categories(self) -> impl Iterator<Item = HintCategory> {
        HintCategory::ALL
            .into_iter()
            .filter(move |c| self.contains(*c))
    }
}

/// One pattern's verdict.
#[derive(Clone, Copy, Debug)]
struct Entry {
    category: HintCategory,
}

/// What a token equal to a key says: its `word` pattern, and the `seq`
/// patterns starting with it (the tokens that must follow).
#[derive(Default)]
struct Exact {
    word: Option<Entry>,
    seqs: Vec<(Vec<&'static str>, Entry)>,
}

/// A `prefix` or `suffix` pattern.
struct Affix {
    pattern: &'static str,
    entry: Entry,
}

/// Prefix and suffix patterns are indexed by their first or last this many
/// bytes, so a token costs one lookup per side whatever the pattern lengths.
const KEY_BYTES: usize = 3;

fn key(bytes: &[u8]) -> u32 {
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], 0])
}

/// Index a prefix or suffix pattern; panics on a repeat.
fn add_affix(map: &mut FxMap<u32, Vec<Affix>>, key: u32, pattern: &'static str, entry: Entry) {
    let list = map.entry(key).or_default();
    assert!(
        list.iter().all(|a| a.pattern != pattern),
        "class_hints.txt: {pattern:?} listed twice as prefix or as suffix"
    );
    list.push(Affix { pattern, entry });
}

/// The parsed hint table.
pub(super) struct ClassHints {
    exact: FxMap<&'static str, Exact>,
    prefix: FxMap<u32, Vec<Affix>>,
    suffix: FxMap<u32, Vec<Affix>>,
    patterns: usize,
}

const DATA: &str = include_str!("data/class_hints.txt");

impl ClassHints {
    /// Parse the embedded table. Panics on a malformed line: the data is
    /// embedded at compile time and every test loads it.
    pub(super) fn load() -> ClassHints {
        let mut hints = ClassHints {
            exact: map_with_capacity(256),
            prefix: map_with_capacity(128),
            suffix: map_with_capacity(128),
            patterns: 0,
        };
        for row in rows("class_hints.txt", DATA) {
            let bad = |why: &str| -> ! { row.fail(why) };
            let [cat, mode, pattern] = row.expect("category<TAB>mode<TAB>pattern");
            let category = HintCategory::from_name(cat).unwrap_or_else(|| bad("unknown category"));
            let entry = Entry { category };
            let plain = |p: &str| !p.is_empty() && p.chars().all(char::is_lowercase);
            hints.patterns += 1;
            let (word, prefix, suffix) = match mode {
                "seq" => {
                    let mut tokens = pattern.split('-');
                    let first = tokens.next().unwrap_or_default();
                    let rest: Vec<&'static str> = tokens.collect();
                    if rest.is_empty() || !plain(first) || !rest.iter().all(|t| plain(t)) {
                        bad("seq wants two or more lowercase letter tokens joined by '-'");
                    }
                    hints
                        .exact
                        .entry(first)
                        .or_default()
                        .seqs
                        .push((rest, entry));
                    continue;
                }
                "word" => (true, false, false),
                "prefix" => (false, true, false),
                "suffix" => (false, false, true),
                "affix" => (false, true, true),
                _ => bad("mode is word, prefix, suffix, affix or seq"),
            };
            if !plain(pattern) {
                bad("pattern must be lowercase letters");
            }
            if word
                && hints
                    .exact
                    .entry(pattern)
                    .or_default()
                    .word
                    .replace(entry)
                    .is_some()
            {
                bad("word listed twice");
            }
            let b = pattern.as_bytes();
            if (prefix || suffix) && b.len() < KEY_BYTES {
                bad("prefix and suffix patterns need three bytes or more");
            }
            if prefix {
                add_affix(&mut hints.prefix, key(b), pattern, entry);
            }
            if suffix {
                add_affix(
                    &mut hints.suffix,
                    key(&b[b.len() - KEY_BYTES..]),
                    pattern,
                    entry,
                );
            }
        }
        hints
    }

    /// How many lines (patterns) the table holds.
    pub(super) fn len(&self) -> usize {
        self.patterns
    }

    /// The hints of one attribute value (class, id, role, itemprop…).
    ///
    /// Utility-CSS variants (`md:hidden`, `hover:underline`, `lg:flex`,
    /// `@5xl/layout:pb-0`) style the element at one screen width or in one
    /// state; they say nothing of what it is, so they are left out. A plain
    /// `hidden` beside a variant that shows the element again
    /// (`hidden md:block`) hides it only on small screens, which is not
    /// hidden from a reader.
    pub(super) fn hints(&self, value: &str) -> Hints {
        if !value.contains(':') {
            return self.plain_hints(value);
        }
        let plain: Vec<&str> = value
            .split_ascii_whitespace()
            .filter(|item| !item.contains(':'))
            .collect();
        let hints = self.plain_hints(&plain.join(" "));
        let shown_somewhere = value.split_ascii_whitespace().any(|item| {
            item.rsplit_once(':').is_some_and(|(_, utility)| {
                SHOWING_UTILITIES.contains(&utility.trim_start_matches('!'))
            })
        });
        if shown_somewhere {
            hints.without(HintCategory::Hidden)
        } else {
            hints
        }
    }

    /// [`hints`](Self::hints) of a value without utility variants; parts
    /// that are hashes are read as separators.
    fn plain_hints(&self, value: &str) -> Hints {
        if value.bytes().any(|b| b.is_ascii_digit()) && value.split(SEPARATORS).any(is_hash) {
            let unhashed: Vec<&str> = value.split(SEPARATORS).filter(|p| !is_hash(p)).collect();
            return self.token_hints(&unhashed.join(" "));
        }
        self.token_hints(value)
    }

    /// The hints of a value's tokens (steps 1 to 3 of the module doc).
    fn token_hints(&self, value: &str) -> Hints {
        let mut buf = String::with_capacity(value.len());
        let mut spans: Spans = [(0, 0); MAX_TOKENS];
        let n = tokenize(value, &mut buf, &mut spans);
        let tokens = spans[..n]
            .iter()
            .map(|&(s, e)| &buf[s as usize..e as usize]);
        let mut acc = Acc::default();
        for (i, token) in tokens.clone().enumerate() {
            let b = token.as_bytes();
            if b[0].is_ascii_digit() {
                continue; // Tokens never mix digits and letters.
            }
            if let Some(exact) = self.exact.get(token) {
                if let Some(e) = exact.word {
                    acc.add(e);
                }
                for (rest, e) in &exact.seqs {
                    if tokens
                        .clone()
                        .skip(i + 1)
                        .take(rest.len())
                        .eq(rest.iter().copied())
                    {
                        acc.add(*e);
                    }
                }
            }
            if b.len() < KEY_BYTES {
                continue;
            }
            if let Some(list) = self.prefix.get(&key(b)) {
                for a in list.iter().filter(|a| token.starts_with(a.pattern)) {
                    acc.add(a.entry);
                }
            }
            if let Some(list) = self.suffix.get(&key(&b[b.len() - KEY_BYTES..])) {
                for a in list.iter().filter(|a| token.ends_with(a.pattern)) {
                    acc.add(a.entry);
                }
            }
        }
        acc.finish()
    }
}

/// Where a class or id value's parts end.
const SEPARATORS: [char; 4] = [' ', '-', '_', '\t'];

/// Shortest hexadecimal part read as a hash: 6 characters, the shortest
/// hashes that build tools and page builders write into class names and ids
/// (`w-node-b5343ad4-…`, `css-1a2b3c`), long enough that no English word in
/// the hint lists is one.
const MIN_HASH_LEN: usize = 6;

/// Whether a part of a class or id value is a generated hash: hexadecimal,
/// with both digits and letters. Its letters are no word: `b5343ad4` holds
/// no advertising, however its tokens split.
fn is_hash(part: &str) -> bool {
    part.len() >= MIN_HASH_LEN
        && part.bytes().all(|b| b.is_ascii_hexdigit())
        && part.bytes().any(|b| b.is_ascii_digit())
        && part.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Utility classes that display an element (Tailwind's and its kin's names
/// for the CSS `display` values).
const SHOWING_UTILITIES: [&str; 9] = [
    "block",
    "flex",
    "grid",
    "inline",
    "inline-block",
    "inline-flex",
    "inline-grid",
    "table",
    "contents",
];

/// The categories hit, gathered over one value.
#[derive(Default)]
struct Acc {
    bits: u32,
}

impl Acc {
    fn add(&mut self, e: Entry) {
        self.bits |= e.category.bit();
    }

    fn finish(self) -> Hints {
        Hints { bits: self.bits }
    }
}
