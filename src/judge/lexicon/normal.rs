//! Normalising a short text block into words for the cruft lookups.
//!
//! Words are split at whitespace and trimmed of punctuation and decoration at
//! both ends (so "» Read More…" is "read more"); words left empty are dropped;
//! the rest are lowercased with `’` as `'`, numbers are written `<n>`, and
//! the words are joined by single spaces into one buffer.

/// Blocks of more words than this are never whole cruft phrases.
pub(crate) const MAX_CRUFT_WORDS: usize = 12;

/// The words of a normalised block, as positions in its buffer, plus what the
/// lookups need to know about the original text.
#[derive(Default)]
pub(super) struct Words {
    /// How many words there are.
    pub(super) n: usize,
    /// Where each word ends in the buffer (the next starts one byte later).
    pub(super) end: [u16; MAX_CRUFT_WORDS],
    /// Whether each word began with a capital letter in the original text.
    pub(super) capital: [bool; MAX_CRUFT_WORDS],
    /// Whether some number looks like a date or time (`10:30`, `12.03.2024`,
    /// `3/4`, `2pm`) rather than a count.
    pub(super) date_number: bool,
}

impl Words {
    /// The `i`th word.
    pub(super) fn word<'a>(&self, buf: &'a str, i: usize) -> &'a str {
        &buf[self.start(i)..self.end[i] as usize]
    }

    /// Where the `i`th word starts in the buffer.
    pub(super) fn start(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.end[i - 1] as usize + 1
        }
    }
}

/// Non-ASCII characters trimmed from word ends besides ASCII punctuation:
/// guillemets, arrows, dashes, bullets, quotes, marks and invisible ones.
const DECORATION: &str = concat!(
    "«»‹›…‘’‚“”„–—―•·",
    "→←↑↓↗⇒►▶▸▹❯❮〉〈",
    "¡¿§¶†‡′″×✕✖✓✔¦",
    "\u{a0}\u{200b}\u{200c}\u{200d}\u{ad}\u{feff}\u{2060}",
);

/// Whether `c` is trimmed from the ends of words.
fn is_trim_char(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && DECORATION.contains(c))
}

/// How a trimmed word reads as a number, if it does: digits, maybe with
/// `.,:/-` inside, maybe ending in up to three letters (`2024`, `1,234`,
/// `10:30`, `12.03.2024`, `2pm`, `21st`, `1er`). `Some(true)` when it looks
/// like a date or time rather than a count or a phone number.
fn number(word: &str) -> Option<bool> {
    let b = word.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let body = b.iter().rposition(u8::is_ascii_digit)? + 1;
    let (digits, letters) = b.split_at(body);
    if letters.len() > 3 || !letters.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if !digits
        .iter()
        .all(|c| c.is_ascii_digit() || b".,:/-".contains(c))
    {
        return None;
    }
    let ampm = matches!(letters, b"am" | b"pm" | b"AM" | b"PM" | b"h");
    Some(ampm || is_date_or_time(digits))
}

/// Whether digit groups read as a time (`10:30`, `9:05:00`) or a date
/// (`30.11.2021`, `2019-11-18`, `18/11`): two or three groups split by one
/// kind of separator, at most one of them (the year) longer than two digits,
/// and none in a time.
fn is_date_or_time(digits: &[u8]) -> bool {
    let Some(&sep) = digits.iter().find(|c| b".:/-".contains(c)) else {
        return false;
    };
    let groups = digits.split(|&c| c == sep);
    let (mut count, mut long) = (0, 0);
    for group in groups {
        if group.is_empty() || group.len() > 4 || !group.iter().all(u8::is_ascii_digit) {
            return false;
        }
        count += 1;
        long += usize::from(group.len() > 2);
    }
    let long_allowed = usize::from(sep != b':' && count == 3);
    (2..=3).contains(&count) && long <= long_allowed
}

/// Normalise `text` into `buf` and `words` (see the module doc). Returns false
/// when there are more than [`MAX_CRUFT_WORDS`] words.
pub(super) fn normalise(text: &str, buf: &mut String, words: &mut Words) -> bool {
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
    if words.n == MAX_CRUFT_WORDS || buf.len() + word.len() + 4 > usize::from(u16::MAX) {
        return false;
    }
    if words.n > 0 {
        buf.push(' ');
    }
    if let Some(date) = number(word) {
        buf.push_str("<n>");
        words.date_number |= date;
    } else {
        for c in word.chars() {
            match c {
                '’' => buf.push('\''),
                c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                c => buf.extend(c.to_lowercase()),
            }
        }
    }
    words.end[words.n] = buf.len() as u16;
    words.capital[words.n] = word.chars().next().is_some_and(char::is_uppercase);
    words.n += 1;
    true
}

/// A phrase normalised as blocks are, for checking the data.
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
