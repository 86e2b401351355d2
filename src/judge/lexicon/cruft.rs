//! Cruft phrases: the short boilerplate texts of web pages ("Read more »",
//! "Share on Facebook", "All rights reserved", "We use cookies…").
//!
//! Data: `data/cruft.txt` (whole-block phrases) and `data/cruft_contains.txt`
//! (phrases strong enough to flag any block containing them), both lines of
//! `category<TAB>lang<TAB>phrase`, and `data/date_words.txt` (month and day
//! names); see the files' headers. Blocks are normalised by `normal.rs`.

use super::hash::{map_with_capacity, FxMap};
use super::normal::{normalise, Words, MAX_CRUFT_WORDS};
use crate::model::data::rows;

/// The kind of boilerplate a cruft phrase marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CruftKind {
    /// "Read more", "Continue reading", "Weiterlesen".
    ReadMore,
    /// "Share this", "Tweet", "Print", "Teilen".
    Share,
    /// "Subscribe", "Sign up for our newsletter", paywall prompts.
    Newsletter,
    /// "All rights reserved", "Privacy policy", "Impressum".
    Legal,
    /// "Advertisement", "Sponsored", "Anzeige".
    Advertising,
    /// "Home", "Next", "Back to top", "Skip to content", "Log in".
    Navigation,
    /// "Follow us on…".
    Follow,
    /// "Related articles", "You may also like", "Most read".
    Related,
    /// Cookie and consent banner texts and buttons.
    Cookie,
    /// "Leave a comment", "12 comments".
    Comment,
    /// "By Jane Doe", "Posted by…".
    Byline,
    /// "Updated 3 hours ago", "Published 12 March", "5 min read".
    Date,
    /// "Tags: …", "Filed under…".
    Tags,
    /// "Photo: …", "Source: …", "Getty Images".
    Credit,
}

impl CruftKind {
    /// Every kind.
    #[cfg(test)] // a query for the tests of the lists
    pub(crate) const ALL: [CruftKind; 14] = [
        CruftKind::ReadMore,
        CruftKind::Share,
        CruftKind::Newsletter,
        CruftKind::Legal,
        CruftKind::Advertising,
        CruftKind::Navigation,
        CruftKind::Follow,
        CruftKind::Related,
        CruftKind::Cookie,
        CruftKind::Comment,
        CruftKind::Byline,
        CruftKind::Date,
        CruftKind::Tags,
        CruftKind::Credit,
    ];

    /// The name used in the data files.
    pub(crate) fn name(self) -> &'static str {
        match self {
            CruftKind::ReadMore => "readmore",
            CruftKind::Share => "share",
            CruftKind::Newsletter => "newsletter",
            CruftKind::Legal => "legal",
            CruftKind::Advertising => "advertising",
            CruftKind::Navigation => "navigation",
            CruftKind::Follow => "follow",
            CruftKind::Related => "related",
            CruftKind::Cookie => "cookie",
            CruftKind::Comment => "comment",
            CruftKind::Byline => "byline",
            CruftKind::Date => "date",
            CruftKind::Tags => "tags",
            CruftKind::Credit => "credit",
        }
    }

    fn from_name(name: &str) -> Option<CruftKind> {
        Some(match name {
            "readmore" => CruftKind::ReadMore,
            "share" => CruftKind::Share,
            "newsletter" => CruftKind::Newsletter,
            "legal" => CruftKind::Legal,
            "advertising" => CruftKind::Advertising,
            "navigation" => CruftKind::Navigation,
            "follow" => CruftKind::Follow,
            "related" => CruftKind::Related,
            "cookie" => CruftKind::Cookie,
            "comment" => CruftKind::Comment,
            "byline" => CruftKind::Byline,
            "date" => CruftKind::Date,
            "tags" => CruftKind::Tags,
            "credit" => CruftKind::Credit,
            _ => return None,
        })
    }

    /// How many words may follow a phrase marked `*` ("Read more about the
    /// budget", "Copyright 2024 Example Media Ltd").
    fn max_tail(self) -> usize {
        match self {
            CruftKind::Legal | CruftKind::Cookie | CruftKind::Tags => 10,
            CruftKind::ReadMore
            | CruftKind::Newsletter
            | CruftKind::Related
            | CruftKind::Date
            | CruftKind::Comment => 8,
            CruftKind::Share | CruftKind::Follow | CruftKind::Byline | CruftKind::Credit => 6,
            CruftKind::Advertising => 5,
            CruftKind::Navigation => 4,
        }
    }
}

/// How many words may precede a phrase marked with a leading `* `
/// ("Cicero Newsletter", "Dein personalisierter Newsletter").
const MAX_HEAD: usize = 3;

/// Blocks of at most this many words can be bare dates ("Oct 9, 2019").
const MAX_DATE_WORDS: usize = 8;

/// What a whole-block phrase stands for.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    kind: CruftKind,
    /// Marked ` *`: may be followed by up to `kind.max_tail()` words.
    prefix: bool,
    /// Marked `* `: may be preceded by up to [`MAX_HEAD`] words.
    suffix: bool,
}

/// The parsed cruft tables.
pub(super) struct Cruft {
    phrases: FxMap<&'static str, Phrase>,
    /// The most words in a `*` phrase.
    max_prefix_words: usize,
    /// Strong phrases by their first word (every one has two or more).
    contains: FxMap<&'static str, Vec<(&'static str, CruftKind)>>,
    contains_len: usize,
    /// Month and day names (true) and the small words of dates (false).
    date_words: FxMap<&'static str, bool>,
}

const WHOLE: &str = include_str!("data/cruft.txt");
const CONTAINS: &str = include_str!("data/cruft_contains.txt");
const DATE_WORDS: &str = include_str!("data/date_words.txt");

/// One data row: category, language code, phrase.
pub(super) type Row = (CruftKind, &'static str, &'static str);

/// Parse one `category<TAB>lang<TAB>phrase` file.
pub(super) fn parse(file: &'static str, text: &'static str) -> impl Iterator<Item = Row> {
    rows(file, text).map(move |row| {
        let [kind, lang, phrase] = row.expect("category<TAB>lang<TAB>phrase");
        let kind = CruftKind::from_name(kind).unwrap_or_else(|| row.fail("unknown category"));
        if phrase.is_empty() {
            row.fail("empty phrase");
        }
        (kind, lang, phrase)
    })
}

/// The raw rows of both files, for tests.
#[cfg(test)]
pub(super) fn raw_rows() -> (Vec<Row>, Vec<Row>) {
    (
        parse("cruft.txt", WHOLE).collect(),
        parse("cruft_contains.txt", CONTAINS).collect(),
    )
}

impl Cruft {
    /// Parse the embedded tables. Panics on a malformed line or a phrase
    /// listed under two kinds: the data is embedded and every test loads it.
    pub(super) fn load() -> Cruft {
        let rows = parse("cruft.txt", WHOLE);
        let mut phrases: FxMap<&'static str, Phrase> = map_with_capacity(2048);
        let mut max_prefix_words = 0;
        for (kind, _, phrase) in rows {
            let (key, prefix) = match phrase.strip_suffix(" *") {
                Some(key) => (key, true),
                None => (phrase, false),
            };
            let (key, suffix) = match key.strip_prefix("* ") {
                Some(key) => (key, true),
                None => (key, false),
            };
            if prefix {
                max_prefix_words = max_prefix_words.max(key.split(' ').count());
            }
            let slot = phrases.entry(key).or_insert(Phrase {
                kind,
                prefix,
                suffix,
            });
            assert!(
                slot.kind == kind,
                "cruft.txt: {key:?} listed under two kinds"
            );
            slot.prefix |= prefix;
            slot.suffix |= suffix;
        }
        let mut contains_len = 0;
        let mut contains: FxMap<&'static str, Vec<(&'static str, CruftKind)>> =
            map_with_capacity(128);
        for (kind, _, phrase) in parse("cruft_contains.txt", CONTAINS) {
            contains_len += 1;
            let Some((first, _)) = phrase.split_once(' ') else {
                panic!("cruft_contains.txt: {phrase:?} is one word");
            };
            let list = contains.entry(first).or_default();
            assert!(
                list.iter().all(|(p, _)| *p != phrase),
                "cruft_contains.txt: {phrase:?} listed twice"
            );
            list.push((phrase, kind));
        }
        Cruft {
            phrases,
            max_prefix_words,
            contains,
            contains_len,
            date_words: date_words().map(|(_, name, word)| (word, name)).collect(),
        }
    }

    /// How many whole-block and substring phrases there are.
    pub(super) fn len(&self) -> (usize, usize) {
        (self.phrases.len(), self.contains_len)
    }

    /// Whether a short block is essentially a cruft phrase: a whole phrase, a
    /// `*` phrase with a few words around it, a run of share targets, a bare
    /// date, or a block holding a strong phrase.
    pub(super) fn whole(&self, text: &str) -> Option<CruftKind> {
        // Cheap bail-out before any allocation: punctuation-only words are
        // dropped later, so allow twice the limit here.
        if text.split_whitespace().nth(2 * MAX_CRUFT_WORDS).is_some() {
            return None;
        }
        let mut buf = String::with_capacity(text.len());
        let mut words = Words::default();
        if !normalise(text, &mut buf, &mut words) || words.n == 0 {
            return None;
        }
        let n = words.n;
        if let Some(p) = self.phrases.get(buf.as_str()) {
            return Some(p.kind);
        }
        // A bare run of share targets: "Facebook Twitter Email".
        let is_share = |i| {
            self.phrases
                .get(words.word(&buf, i))
                .is_some_and(|p| p.kind == CruftKind::Share)
        };
        if n > 1 && (0..n).all(is_share) {
            return Some(CruftKind::Share);
        }
        for k in (1..n.min(self.max_prefix_words + 1)).rev() {
            let Some(p) = self.phrases.get(&buf[..words.end[k - 1] as usize]) else {
                continue;
            };
            if p.prefix && n - k <= p.kind.max_tail() && tail_fits(p.kind, &buf, &words, k) {
                return Some(p.kind);
            }
        }
        for k in 1..n.min(MAX_HEAD + 1) {
            if let Some(p) = self.phrases.get(&buf[words.start(k)..]) {
                if p.suffix {
                    return Some(p.kind);
                }
            }
        }
        if n <= MAX_DATE_WORDS && self.is_date(&buf, &words) {
            return Some(CruftKind::Date);
        }
        // A short block with a copyright sign is a photo credit or a
        // copyright line ("Marco Odermatt in Sölden. © AFP / Jane Roe").
        if text.contains('\u{a9}') {
            return Some(CruftKind::Credit);
        }
        self.contains(text)
    }

    /// Whether the block is a bare date or time: only numbers and date words,
    /// with a month or day name or a date-like number ("Oct 9, 2019",
    /// "Dienstag, 30.11.2021", "2:54pm"), not a count ("42").
    fn is_date(&self, buf: &str, words: &Words) -> bool {
        let mut named = false;
        for i in 0..words.n {
            let word = words.word(buf, i);
            if word == "<n>" {
                continue;
            }
            match self.date_words.get(word) {
                Some(&name) => named |= name,
                None => return false,
            }
        }
        named || words.date_number
    }

    /// The kind of the first strong phrase found anywhere in `text`.
    pub(super) fn contains(&self, text: &str) -> Option<CruftKind> {
        let buf = if text.is_ascii() && !text.contains('\x0b') {
            lowered_ascii(text)
        } else {
            lowered(text)
        };
        // At each word (past leading punctuation), look the word up; a
        // candidate matches if the block goes on with the whole phrase and
        // then a character that is not alphanumeric.
        let mut word_start = 0;
        for word in buf.as_bytes().split(|&b| b == b' ') {
            let start = word_start;
            word_start += word.len() + 1;
            // Spaces are ASCII, so every word is a whole `str`.
            let word = &buf[start..start + word.len()];
            let skip = match word.as_bytes().first() {
                Some(b) if b.is_ascii_alphanumeric() => 0,
                _ => match word.find(char::is_alphanumeric) {
                    Some(skip) => skip,
                    None => continue,
                },
            };
            let Some(list) = self.contains.get(&word[skip..]) else {
                continue;
            };
            let rest = &buf[start + skip..];
            for (phrase, kind) in list {
                if rest.starts_with(phrase)
                    && !rest[phrase.len()..].starts_with(char::is_alphanumeric)
                {
                    return Some(*kind);
                }
            }
        }
        None
    }
}

/// `text` lower-cased, runs of whitespace as one space, `’` as `'`: what
/// [`Cruft::contains`] searches.
fn lowered(text: &str) -> String {
    let mut buf = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                buf.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        match c {
            '’' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
    buf
}

/// [`lowered`] for ASCII text without vertical tabs (where ASCII and
/// Unicode whitespace agree), byte by byte.
fn lowered_ascii(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    let mut space = true;
    for &b in text.as_bytes() {
        if b.is_ascii_whitespace() {
            if !space {
                bytes.push(b' ');
            }
            space = true;
        } else {
            space = false;
            bytes.push(b.to_ascii_lowercase());
        }
    }
    // Lower-cased ASCII is still ASCII, so this never fails.
    String::from_utf8(bytes).unwrap_or_default()
}

/// The rows of `date_words.txt`: language, whether the word names a month or
/// day (not just a small word of dates), word.
pub(super) fn date_words() -> impl Iterator<Item = (&'static str, bool, &'static str)> {
    rows("date_words.txt", DATE_WORDS).map(|row| {
        match row.expect("lang<TAB>month|day|word<TAB>word") {
            [lang, kind @ ("month" | "day" | "word"), word] => (lang, kind != "word", word),
            _ => row.fail("the kind is month, day or word"),
        }
    })
}

/// Kind-specific checks on the words after a `*` phrase's first `k`.
fn tail_fits(kind: CruftKind, buf: &str, words: &Words, k: usize) -> bool {
    match kind {
        // A byline names someone: "By Jane Doe", not "By the river".
        CruftKind::Byline => words.capital[k],
        // A date line holds a date: "Stand: 12.03.2024", not "Stand up for it".
        CruftKind::Date => words.n - k <= 2 || buf[words.end[k - 1] as usize..].contains("<n>"),
        _ => true,
    }
}

#[cfg(test)]
mod lowering_tests {
    use super::{lowered, lowered_ascii};

    #[test]
    fn the_ascii_path_lowers_as_the_general_one() {
        for text in [
            "  All Rights\t\tReserved.\r\n",
            "We use COOKIES\x0c to (improve) it",
            "",
            " ",
        ] {
            assert_eq!(lowered_ascii(text), lowered(text), "{text:?}");
        }
        assert_eq!(lowered("Don’t  SHARE"), "don't share");
    }
}
