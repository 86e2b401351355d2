//! Typography evened out before any pattern is matched: copy-pastes and
//! tools write the same label in many ways ("Last Updated:November 03",
//! "Last Updated : November 03", "Comments reflect users’ views" with a
//! curly or a straight apostrophe, a no-break space inside a date). The
//! text given out is left as it was; only what the patterns see changes.

use std::borrow::Cow;

/// `text` as patterns should see it: typographic quotes and apostrophes
/// straight, every kind of space a plain one, and a space after a colon
/// that sits between two letters ("Updated:November").
pub(crate) fn for_matching(text: &str) -> Cow<'_, str> {
    if text.is_ascii() && !has_glued_colon(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '‘' | '’' | '‚' | '‛' | '′' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '″' => '"',
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\u{3000}' => ' ',
            other => other,
        };
        out.push(c);
        let next_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
        if c == ':' && prev.is_alphabetic() && next_letter {
            out.push(' ');
        }
        prev = c;
    }
    Cow::Owned(out)
}

/// Whether a colon sits between two letters.
fn has_glued_colon(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b':' && b[i - 1].is_ascii_alphabetic() && b[i + 1].is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_spaces_and_colons_are_evened_out() {
        assert_eq!(
            for_matching("Last Updated:November 03,\u{a0}2025"),
            "Last Updated: November 03, 2025"
        );
        assert_eq!(for_matching("users’ views “here”"), "users' views \"here\"");
        assert_eq!(
            for_matching("at 20:49 IST, see https://x"),
            "at 20:49 IST, see https://x"
        );
    }
}
