//! Raw text: the contents of `<title>` and `<textarea>` (RCDATA, with
//! character references), of `<style>`, `<xmp>`, `<iframe>`… (RAWTEXT) and
//! of `<script>`. Each runs to an end tag with the name of the element that
//! opened it, followed by a space, `/` or `>`; in a script, the escape
//! states that `<!--` opens decide which such tags count.

use super::{charref, find_byte, is_space, Mode, Tokenizer};
use html5ever::tokenizer::{TagKind, TokenSink};
use memchr::{memchr, memchr2};

impl<S: TokenSink> Tokenizer<'_, S> {
    /// From `pos` in a raw-text mode: the text, then its end tag.
    pub(super) fn raw_text(&mut self) {
        let start = self.pos;
        let Some(name) = self.last_start_tag.clone() else {
            self.emit_replacing_nul(start, self.bytes.len());
            self.pos = self.bytes.len();
            return;
        };
        let wanted = name.as_bytes();
        let end_tag = match self.mode {
            Mode::ScriptData => script_end(self.bytes, start, wanted),
            _ => raw_end(self.bytes, start, wanted),
        };
        let text_end = end_tag.unwrap_or(self.bytes.len());
        if self.mode == Mode::Rcdata {
            self.emit_with_references(start, text_end);
        } else {
            self.emit_replacing_nul(start, text_end);
        }
        match end_tag {
            Some(lt) => {
                self.pos = lt + 2 + wanted.len();
                self.attributes_and_emit(TagKind::EndTag, name);
            }
            None => self.pos = self.bytes.len(),
        }
    }

    /// RCDATA text: references decoded, NULs replaced.
    fn emit_with_references(&self, start: usize, end: usize) {
        let mut at = start;
        while at < end {
            let Some(offset) = memchr2(b'&', 0, &self.bytes[at..end]) else {
                self.emit_text(at, end);
                return;
            };
            let special = at + offset;
            self.emit_text(at, special);
            if self.bytes[special] == 0 {
                self.emit_str("\u{fffd}");
                at = special + 1;
                continue;
            }
            match charref::read(&self.bytes[..end], special + 1, false) {
                Some(found) => {
                    self.emit_reference(found);
                    at = found.end;
                }
                None => {
                    self.emit_str("&");
                    at = special + 1;
                }
            }
        }
    }
}

/// Whether an end tag named `name` starts at `lt` (a `<`).
fn is_end_tag(bytes: &[u8], lt: usize, name: &[u8]) -> bool {
    let name_start = lt + 2;
    let name_end = name_start + name.len();
    bytes.get(lt + 1) == Some(&b'/')
        && bytes
            .get(name_start..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && bytes
            .get(name_end)
            .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
}

/// The `<` of the end tag closing RCDATA or RAWTEXT text from `from`.
fn raw_end(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr(b'<', &bytes[at..])?;
        if is_end_tag(bytes, lt, name) {
            return Some(lt);
        }
        at = lt + 1;
    }
}

/// Where a script's text stands, between `<`s and dashes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Plain script text.
    Data,
    /// After `<!--`: `</script>` still ends the script, but `<script>`
    /// starts a double-escaped stretch.
    Escaped,
    EscapedDash,
    EscapedDashDash,
    /// After `<!--<script>`: `</script>` ends only this stretch.
    Double,
    DoubleDash,
    DoubleDashDash,
}

/// The `<` of the end tag closing script text from `from`, following the
/// script data states (`name` is the script element's name).
fn script_end(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    use Script::*;
    let mut state = Data;
    let mut at = from;
    loop {
        // The next byte that can change the state.
        let found = match state {
            Data => at + memchr(b'<', &bytes[at..])?,
            Escaped | Double => at + memchr2(b'-', b'<', &bytes[at..])?,
            _ => at,
        };
        let &byte = bytes.get(found)?;
        at = found + 1;
        let double = matches!(state, Double | DoubleDash | DoubleDashDash);
        state = match (state, byte) {
            (Data, _) => match bytes.get(at) {
                Some(b'/') if is_end_tag(bytes, found, name) => return Some(found),
                Some(b'!') => match (bytes.get(at + 1), bytes.get(at + 2)) {
                    (Some(b'-'), Some(b'-')) => {
                        at += 3;
                        EscapedDashDash
                    }
                    (Some(b'-'), _) => {
                        at += 2;
                        Data
                    }
                    _ => {
                        at += 1;
                        Data
                    }
                },
                _ => Data,
            },
            (Escaped | Double, b'-') if double => DoubleDash,
            (Escaped | Double, b'-') => EscapedDash,
            (_, b'-') if double => DoubleDashDash,
            (_, b'-') => EscapedDashDash,
            (EscapedDashDash | DoubleDashDash, b'>') => Data,
            (_, b'<') if double => match bytes.get(at) {
                Some(b'/') => {
                    at += 1;
                    after_script_word(bytes, &mut at, Escaped, Double)
                }
                _ => Double,
            },
            (_, b'<') => match bytes.get(at) {
                Some(b'/') if is_end_tag(bytes, found, name) => return Some(found),
                Some(b'/') => {
                    at += 1;
                    Escaped
                }
                Some(b) if b.is_ascii_alphabetic() => {
                    after_script_word(bytes, &mut at, Double, Escaped)
                }
                _ => Escaped,
            },
            _ if double => Double,
            _ => Escaped,
        };
    }
}

/// After `<` (double-escape start) or `</` (double-escape end) in an
/// escaped script: the letters from `at`, and the state they lead to:
/// `if_script` when they spell `script` and a space, `/` or `>` follows
/// (which is consumed), else `otherwise` (the next byte read again).
fn after_script_word(bytes: &[u8], at: &mut usize, if_script: Script, otherwise: Script) -> Script {
    let start = *at;
    let end = find_byte(bytes, start, |b| !b.is_ascii_alphabetic());
    *at = end;
    match bytes.get(end) {
        Some(&b) if is_space(b) || b == b'/' || b == b'>' => {
            *at = end + 1;
            if bytes[start..end].eq_ignore_ascii_case(b"script") {
                if_script
            } else {
                otherwise
            }
        }
        _ => otherwise,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the script text in `html` ends, as a prefix of it.
    fn script_text(html: &str) -> &str {
        let end = script_end(html.as_bytes(), 0, b"script").unwrap_or(html.len());
        &html[..end]
    }

    #[test]
    fn script_text_ends_at_its_end_tag_in_any_case() {
        assert_eq!(script_text("a < b</script>"), "a < b");
        assert_eq!(script_text("x</SCRIPT >"), "x");
        assert_eq!(script_text("x</scriptx></script/>"), "x</scriptx>");
        assert_eq!(script_text("x</script"), "x</script");
    }

    #[test]
    fn a_comment_opener_protects_a_nested_script() {
        // Escaped: `</script>` still ends the script.
        assert_eq!(script_text("<!-- </script>"), "<!-- ");
        // Double-escaped: the first `</script>` ends only the inner script.
        let html = "<!--<script>x</script>--></script>";
        assert_eq!(script_text(html), "<!--<script>x</script>-->");
        // `-->` leaves the escape, so a later `<script>` is plain text.
        assert_eq!(script_text("<!-- --><script></script>"), "<!-- --><script>");
        assert_eq!(script_text("a<!-b</script>"), "a<!-b");
    }

    #[test]
    fn raw_text_ends_only_at_the_opening_name() {
        let end = |html: &str, name: &[u8]| raw_end(html.as_bytes(), 0, name);
        assert_eq!(end("a</b></style>", b"style"), Some(5));
        assert_eq!(end("a</stylex></style\t>", b"style"), Some(10));
        assert_eq!(end("a</style", b"style"), None);
    }
}
