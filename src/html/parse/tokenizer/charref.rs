//! Character references (`&amp;`, `&#233;`, `&#x20AC;`): the bytes after an
//! `&` in, the characters they stand for and where they end out, or `None`
//! when the `&` is just an ampersand.
//!
//! Named references take the longest name in html5ever's entity table,
//! which also lists every prefix of every name so a lookup says whether
//! reading on could still match. Numeric ones map as the standard says
//! (zero, surrogates and values past U+10FFFF to U+FFFD, the C1 range to
//! Windows-1252's characters).

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// The largest code point.
const MAX_CODE_POINT: u32 = 0x10FFFF;

/// A reference that was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    first: char,
    second: Option<char>,
    /// The index just past the reference.
    pub(super) end: usize,
    /// Written wrongly (no `;`, or a value that is not a character).
    pub(super) malformed: bool,
}

impl Found {
    /// The one or two characters the reference stands for.
    pub(super) fn chars(&self) -> impl Iterator<Item = char> {
        std::iter::once(self.first).chain(self.second)
    }
}

/// Read a reference whose first byte (after the `&`) is at `start`.
/// `in_attribute`: a name without its `;` followed by `=` or a letter or
/// digit is left as text there, for old URLs like `?a=1&copy=2`.
pub(super) fn read(bytes: &[u8], start: usize, in_attribute: bool) -> Option<Found> {
    match bytes.get(start)? {
        b'#' => numeric(bytes, start + 1),
        b if b.is_ascii_alphanumeric() => named(bytes, start, in_attribute),
        _ => None,
    }
}

/// `&#…`: decimal, or hexadecimal after `x`; `start` is after the `#`.
fn numeric(bytes: &[u8], start: usize) -> Option<Found> {
    let (base, mut at) = match bytes.get(start) {
        Some(b'x' | b'X') => (16, start + 1),
        _ => (10, start),
    };
    let digits_start = at;
    let mut value: u32 = 0;
    while let Some(digit) = bytes.get(at).and_then(|&b| char::from(b).to_digit(base)) {
        value = value.saturating_mul(base).saturating_add(digit);
        at += 1;
    }
    if at == digits_start {
        return None; // `&#` or `&#x` without digits is text.
    }
    let terminated = bytes.get(at) == Some(&b';');
    if terminated {
        at += 1;
    }
    Some(Found {
        first: numeric_char(value),
        second: None,
        end: at,
        malformed: !terminated || !is_proper_value(value),
    })
}

/// The character a numeric reference's value stands for.
fn numeric_char(value: u32) -> char {
    match value {
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        v if v > MAX_CODE_POINT => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize]
            .or_else(|| char::from_u32(value))
            .unwrap_or('\u{fffd}'),
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

/// Whether a numeric reference's value is a character a page may hold:
/// not zero, a surrogate, past U+10FFFF, a control or a noncharacter.
fn is_proper_value(value: u32) -> bool {
    !matches!(value, 0 | 0x01..=0x08 | 0x0B | 0x0D..=0x1F | 0x7F..=0x9F | 0xD800..=0xDFFF | 0xFDD0..=0xFDEF)
        && value <= MAX_CODE_POINT
        && value & 0xFFFE != 0xFFFE
}

/// `&name;` or a legacy `&name` without its `;`.
fn named(bytes: &[u8], start: usize, in_attribute: bool) -> Option<Found> {
    // The longest full match so far: its code points and its end.
    let mut matched: Option<((u32, u32), usize)> = None;
    let mut at = start;
    while let Some(&b) = bytes.get(at) {
        if !b.is_ascii() {
            break;
        }
        // ASCII bytes, so the slice is valid UTF-8.
        let Ok(name) = std::str::from_utf8(&bytes[start..=at]) else {
            break;
        };
        match NAMED_ENTITIES.get(name) {
            Some(&points) => {
                if points.0 != 0 {
                    matched = Some((points, at + 1));
                }
                at += 1;
            }
            None => break,
        }
    }
    let ((first, second), end) = matched?;
    let ends_with_semicolon = bytes[end - 1] == b';';
    if in_attribute && !ends_with_semicolon {
        if let Some(&next) = bytes.get(end) {
            if next == b'=' || next.is_ascii_alphanumeric() {
                return None;
            }
        }
    }
    Some(Found {
        first: char::from_u32(first)?,
        second: char::from_u32(second).filter(|_| second != 0),
        end,
        malformed: !ends_with_semicolon,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(input: &str, in_attribute: bool) -> Option<(String, usize)> {
        read(input.as_bytes(), 0, in_attribute).map(|f| (f.chars().collect(), f.end))
    }

    #[test]
    fn named_references_take_the_longest_name() {
        assert_eq!(text_of("amp;x", false), Some(("&".into(), 4)));
        assert_eq!(text_of("notin;", false), Some(("∉".into(), 6)));
        assert_eq!(text_of("notit;", false), Some(("¬".into(), 3)));
        assert_eq!(text_of("ampx", false), Some(("&".into(), 3)));
        assert_eq!(text_of("bogus;", false), None);
    }

    #[test]
    fn legacy_names_in_attributes_stay_text_before_letters_and_equals() {
        assert_eq!(text_of("copy=2", true), None);
        assert_eq!(text_of("copyx", true), None);
        assert_eq!(text_of("copy ", true), Some(("©".into(), 4)));
        assert_eq!(text_of("copy=2", false), Some(("©".into(), 4)));
    }

    #[test]
    fn numeric_references_map_invalid_values() {
        assert_eq!(text_of("#65;", false), Some(("A".into(), 4)));
        assert_eq!(text_of("#x41", false), Some(("A".into(), 4)));
        assert_eq!(text_of("#0;", false), Some(("\u{fffd}".into(), 3)));
        assert_eq!(text_of("#x80;", false), Some(("€".into(), 5)));
        assert_eq!(text_of("#xD800;", false), Some(("\u{fffd}".into(), 7)));
        assert_eq!(
            text_of("#99999999999;", false),
            Some(("\u{fffd}".into(), 13))
        );
        assert_eq!(text_of("#;", false), None);
        assert_eq!(text_of("#x;", false), None);
        assert_eq!(text_of(" ", false), None);
    }

    #[test]
    fn two_code_point_entities_give_both() {
        let found = text_of("NotEqualTilde;", false).map(|(t, _)| t.chars().count());
        assert_eq!(found, Some(2));
    }
}
