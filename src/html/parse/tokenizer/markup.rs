//! What starts with `<!` or is read as a comment: comments, bogus comments,
//! DOCTYPEs and CDATA sections. Each method starts with `pos` just after
//! the opening and leaves it after the end (or at the end of input).

use super::{find_byte, is_space, Tokenizer};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Doctype, Token, TokenSink};
use memchr::memchr;
use memchr::memmem;

impl<S: TokenSink> Tokenizer<'_, S> {
    /// After `<!`.
    pub(super) fn markup_declaration(&mut self) {
        let rest = &self.bytes[self.pos..];
        if rest.starts_with(b"--") {
            self.pos += 2;
            self.comment();
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            self.pos += 7;
            self.doctype();
        } else if rest.starts_with(b"[CDATA[")
            && self
                .sink
                .adjusted_current_node_present_but_not_in_html_namespace()
        {
            self.pos += 7;
            self.cdata();
        } else {
            self.bogus_comment();
        }
    }

    /// A comment's contents are not kept: a placeholder token is enough.
    fn emit_comment(&self) {
        self.send(Token::CommentToken(StrTendril::new()));
    }

    /// Up to and including the next `>`.
    pub(super) fn bogus_comment(&mut self) {
        self.pos =
            memchr(b'>', &self.bytes[self.pos..]).map_or(self.bytes.len(), |o| self.pos + o + 1);
        self.emit_comment();
    }

    /// After `<!--`: ends at `-->` or `--!>`, or at once for `<!-->` and
    /// `<!--->` (the dashes of the opening do not count towards an end).
    fn comment(&mut self) {
        let rest = &self.bytes[self.pos..];
        let end = if rest.starts_with(b">") {
            1
        } else if rest.starts_with(b"->") {
            2
        } else {
            comment_end(rest)
        };
        self.pos += end;
        self.emit_comment();
    }

    /// After `<![CDATA[` in foreign content: text up to `]]>`.
    fn cdata(&mut self) {
        let start = self.pos;
        let rest = &self.bytes[start..];
        let (end, next) = match memmem::find(rest, b"]]>") {
            Some(o) => (start + o, start + o + 3),
            None => (self.bytes.len(), self.bytes.len()),
        };
        // NULs stay NULs here, each its own token as the data state has it.
        let mut at = start;
        while let Some(o) = memchr(0, &self.bytes[at..end]) {
            self.emit_text(at, at + o);
            self.send(Token::NullCharacterToken);
            at += o + 1;
        }
        self.emit_text(at, end);
        self.pos = next;
    }

    /// After `<!DOCTYPE`: the name and public and system identifiers,
    /// which decide the quirks mode.
    fn doctype(&mut self) {
        let mut doctype = Doctype::default();
        let finished = self.doctype_parts(&mut doctype);
        if !finished {
            doctype.force_quirks = true; // Cut off by the end of input.
        }
        self.send(Token::DoctypeToken(doctype));
    }

    /// Read the DOCTYPE into `doctype`; `false` when the input ends first.
    fn doctype_parts(&mut self, doctype: &mut Doctype) -> bool {
        // One space may separate the keyword and the name; missing is an
        // error with no effect.
        if self.bytes.get(self.pos).copied().is_some_and(is_space) {
            self.pos += 1;
        }
        self.skip_spaces();
        let Some(&first) = self.bytes.get(self.pos) else {
            return false;
        };
        if first == b'>' {
            self.pos += 1;
            doctype.force_quirks = true;
            return true;
        }
        // The name: up to a space or `>`, lowercased.
        let start = self.pos;
        let end = find_byte(self.bytes, start, |b| is_space(b) || b == b'>');
        let name = self.text[start..end]
            .to_ascii_lowercase()
            .replace('\0', "\u{fffd}");
        doctype.name = Some(StrTendril::from_slice(&name));
        self.pos = end;
        self.skip_spaces();
        let Some(&b) = self.bytes.get(self.pos) else {
            return false;
        };
        if b == b'>' {
            self.pos += 1;
            return true;
        }
        let rest = &self.bytes[self.pos..];
        let keyword = |word: &[u8]| rest.len() >= 6 && rest[..6].eq_ignore_ascii_case(word);
        if keyword(b"public") {
            self.pos += 6;
            self.doctype_identifiers(doctype, true)
        } else if keyword(b"system") {
            self.pos += 6;
            self.doctype_identifiers(doctype, false)
        } else {
            doctype.force_quirks = true;
            self.bogus_doctype()
        }
    }

    /// After `PUBLIC` (`public` true) or `SYSTEM`.
    fn doctype_identifiers(&mut self, doctype: &mut Doctype, public: bool) -> bool {
        let mut public = public;
        // Right after the keyword a space is expected; a quote is an error
        // that is read all the same.
        let Some(&b) = self.bytes.get(self.pos) else {
            return false;
        };
        if is_space(b) {
            self.skip_spaces();
        }
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return false;
            };
            match b {
                b'"' | b'\'' => {
                    self.pos += 1;
                    let start = self.pos;
                    let close = self.bytes[start..]
                        .iter()
                        .position(|&c| c == b || c == b'>');
                    let Some(offset) = close else {
                        let id = self.doctype_id(start, self.bytes.len());
                        set_id(doctype, public, id);
                        self.pos = self.bytes.len();
                        return false;
                    };
                    let id = self.doctype_id(start, start + offset);
                    set_id(doctype, public, id);
                    self.pos = start + offset + 1;
                    if self.bytes[start + offset] == b'>' {
                        doctype.force_quirks = true;
                        return true;
                    }
                    if !public {
                        // After the system identifier only spaces and `>`.
                        self.skip_spaces();
                        return match self.bytes.get(self.pos) {
                            None => false,
                            Some(b'>') => {
                                self.pos += 1;
                                true
                            }
                            Some(_) => self.bogus_doctype(),
                        };
                    }
                    // After the public identifier: `>`, or a system one.
                    public = false;
                    self.skip_spaces();
                    match self.bytes.get(self.pos) {
                        None => return false,
                        Some(b'>') => {
                            self.pos += 1;
                            return true;
                        }
                        Some(b'"' | b'\'') => continue,
                        Some(_) => {
                            doctype.force_quirks = true;
                            return self.bogus_doctype();
                        }
                    }
                }
                b'>' => {
                    self.pos += 1;
                    doctype.force_quirks = true;
                    return true;
                }
                _ => {
                    doctype.force_quirks = true;
                    return self.bogus_doctype();
                }
            }
        }
    }

    /// An identifier's text, NULs replaced.
    fn doctype_id(&self, start: usize, end: usize) -> StrTendril {
        StrTendril::from_slice(&self.text[start..end].replace('\0', "\u{fffd}"))
    }

    /// Skip to after the next `>`. A bogus DOCTYPE is finished even when
    /// the input ends first (no forced quirks), so this always says `true`.
    fn bogus_doctype(&mut self) -> bool {
        self.pos =
            memchr(b'>', &self.bytes[self.pos..]).map_or(self.bytes.len(), |o| self.pos + o + 1);
        true
    }
}

/// The length of a comment's contents and closing from `rest` (just after
/// `<!--`): through the first `>` that closes `--` or `--!` lying wholly
/// in `rest`, or all of `rest`.
fn comment_end(rest: &[u8]) -> usize {
    let mut from = 0;
    while let Some(offset) = memchr(b'>', &rest[from..]) {
        let gt = from + offset;
        let before = &rest[..gt];
        if before.ends_with(b"--") || before.ends_with(b"--!") {
            return gt + 1;
        }
        from = gt + 1;
    }
    rest.len()
}

/// Store a public or system identifier.
fn set_id(doctype: &mut Doctype, public: bool, id: StrTendril) {
    if public {
        doctype.public_id = Some(id);
    } else {
        doctype.system_id = Some(id);
    }
}
