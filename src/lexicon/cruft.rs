//! Cruft phrases: the short boilerplate texts of web pages ("Read more »",
//! "Share on Facebook", "All rights reserved", "We use cookies…").
//!
//! Data: `data/cruft.txt` (whole-block phrases) and `data/cruft_contains.txt`
//! (phrases strong enough to flag any block containing them), both lines of
//! `category<TAB>lang<TAB>phrase`; see the files' headers.

use super::data_lines;
use super::hash::{map_with_capacity, FxMap};

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

/// Blocks of more words than this are never whole cruft phrases.
pub(crate) const MAX_CRUFT_WORDS: usize = 12;

/// What a whole-block phrase stands for.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    kind: CruftKind,
    /// Marked `*`: may be followed by up to `kind.max_tail()` words.
    prefix: bool,
}

/// The parsed cruft tables.
pub(super) struct Cruft {
    phrases: FxMap<&'static str, Phrase>,
    /// The most words in a `*` phrase.
    max_prefix_words: usize,
    /// Strong phrases by their first word (every one has two or more).
    contains: FxMap<&'static str, Vec<(&'static str, CruftKind)>>,
    contains_len: usize,
}

const WHOLE: &str = include_str!("data/cruft.txt");
const CONTAINS: &str = include_str!("data/cruft_contains.txt");

/// One data row: category, language code, phrase.
pub(super) type Row = (CruftKind, &'static str, &'static str);

/// Parse one `category<TAB>lang<TAB>phrase` file.
pub(super) fn parse(file: &'static str, text: &'static str) -> impl Iterator<Item = Row> {
    data_lines(text).map(move |(number, line)| {
        let row = line.split_once('\t').and_then(|(kind, rest)| {
            let (lang, phrase) = rest.split_once('\t')?;
            let kind = CruftKind::from_name(kind)?;
            (!phrase.is_empty() && !phrase.contains('\t')).then_some((kind, lang, phrase))
        });
        row.unwrap_or_else(|| {
            panic!("{file} line {number}: want `category<TAB>lang<TAB>phrase`: {line:?}")
        })
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
            if prefix {
                max_prefix_words = max_prefix_words.max(key.split(' ').count());
            }
            let slot = phrases.entry(key).or_insert(Phrase { kind, prefix });
            assert!(
                slot.kind == kind,
                "cruft.txt: {key:?} listed under two kinds"
            );
            slot.prefix |= prefix;
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
        }
    }

    /// How many whole-block and substring phrases there are.
    pub(super) fn len(&self) -> (usize, usize) {
        (self.phrases.len(), self.contains_len)
    }

    /// Whether a short block is essentially a cruft phrase.
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
        None
    }

    /// The kind of the first strong phrase found anywhere in `text`.
    pub(super) fn contains(&self, text: &str) -> Option<CruftKind> {
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
        // At each word (past leading punctuation), look the word up; a
        // candidate matches if the block goes on with the whole phrase and
        // then a character that is not alphanumeric.
        let mut word_start = 0;
        for word in buf.split(' ') {
            let start = word_start;
            word_start += word.len() + 1;
            let Some(skip) = word.find(char::is_alphanumeric) else {
                continue;
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

/// The words of a normalised block: where each ends in the buffer and
/// whether it began with a capital letter in the original text.
#[derive(Default)]
struct Words {
    n: usize,
    end: [u16; MAX_CRUFT_WORDS],
    capital: [bool; MAX_CRUFT_WORDS],
}

impl Words {
    fn word<'a>(&self, buf: &'a str, i: usize) -> &'a str {
        let start = if i == 0 {
            0
        } else {
            self.end[i - 1] as usize + 1
        };
        &buf[start..self.end[i] as usize]
    }
}

/// Characters trimmed from both ends of every word; a word of nothing else is
/// dropped. ASCII punctuation plus the arrows, guillemets, dashes, bullets and
/// quotes that decorate links ("Read more »", "→ Next", "Weiter ›").
fn is_trim_char(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '«' | '»'
                | '‹'
                | '›'
                | '…'
                | '‘'
                | '’'
                | '‚'
                | '“'
                | '”'
                | '„'
                | '–'
                | '—'
                | '―'
                | '•'
                | '·'
                | '→'
                | '←'
                | '↑'
                | '↓'
                | '↗'
                | '⇒'
                | '►'
                | '▶'
                | '▸'
                | '▹'
                | '❯'
                | '❮'
                | '〉'
                | '〈'
                | '¡'
                | '¿'
                | '§'
                | '¶'
                | '†'
                | '‡'
                | '′'
                | '″'
                | '×'
                | '✕'
                | '✖'
                | '✓'
                | '✔'
                | '|'
                | '¦'
                | '\u{200b}'
                | '\u{200c}'
                | '\u{200d}'
                | '\u{ad}'
                | '\u{feff}'
                | '\u{2060}'
        )
}

/// Whether a trimmed word is a number: digits, maybe with `.,:/-` inside
/// (`2024`, `1,234`, `10:30`, `12.03.2024`). Numbers become `<n>`.
fn is_number(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':' | b'/' | b'-'))
}

/// Normalise a block into `buf`: words split at whitespace, trimmed of
/// [`is_trim_char`], dropped when nothing is left, lowercased (`’` → `'`),
/// numbers replaced by `<n>`, joined by single spaces. Returns false when
/// there are more than [`MAX_CRUFT_WORDS`] words.
fn normalise(text: &str, buf: &mut String, words: &mut Words) -> bool {
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(is_trim_char);
        // "©2024" is "©" and "2024".
        let word = match word.strip_prefix('©') {
            Some(rest) if !rest.is_empty() => {
                if !push_word("©", buf, words) {
                    return false;
                }
                rest.trim_matches(is_trim_char)
            }
            _ => word,
        };
        if !word.is_empty() && !push_word(word, buf, words) {
            return false;
        }
    }
    true
}

/// Append one trimmed, non-empty word; false when the block is too long.
fn push_word(word: &str, buf: &mut String, words: &mut Words) -> bool {
    if words.n == MAX_CRUFT_WORDS {
        return false;
    }
    if words.n > 0 {
        buf.push(' ');
    }
    if is_number(word) {
        buf.push_str("<n>");
    } else {
        for c in word.chars() {
            match c {
                '’' => buf.push('\''),
                c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                c => buf.extend(c.to_lowercase()),
            }
        }
    }
    if buf.len() > usize::from(u16::MAX) {
        return false;
    }
    words.end[words.n] = buf.len() as u16;
    words.capital[words.n] = word.chars().next().is_some_and(char::is_uppercase);
    words.n += 1;
    true
}

/// Normalise a phrase as [`Cruft::whole`] does, for checking the data.
#[cfg(test)]
pub(super) fn normalised(text: &str) -> String {
    let mut buf = String::new();
    let mut words = Words::default();
    assert!(
        normalise(text, &mut buf, &mut words),
        "too many words: {text:?}"
    );
    buf
}
