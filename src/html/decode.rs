//! Stage 0, decode: the raw bytes of a saved page in, its text as UTF-8 out.
//!
//! The encoding is taken from the first of: a byte-order mark; the NUL pattern
//! of UTF-16 without one; a `<meta>` or XML declaration in the first 1024
//! bytes; the bytes being UTF-8; statistical detection (chardetng). Binary
//! files (archives, images, PDF) are refused with [`Error::BinaryInput`].
//! Valid UTF-8 without a byte-order mark, the common case, is borrowed, not
//! copied. Bad sequences never fail the decode: they become U+FFFD.

use crate::model::error::{BinaryKind, Error};
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};
use std::borrow::Cow;

/// How far the `<meta>` prescan looks, as in the WHATWG algorithm.
const PRESCAN_LEN: usize = 1024;

/// How many leading bytes the UTF-16 and control-byte checks look at.
const SNIFF_LEN: usize = 512;

/// Start-of-file signatures of binary formats, with the kind reported in
/// [`Error::BinaryInput`]. A `?` in a signature matches any byte (no signature
/// here has a literal `?`).
const BINARY_MAGIC: &[(&[u8], BinaryKind)] = &[
    (b"\x1f\x8b", BinaryKind::Gzip),
    (b"PK\x03\x04", BinaryKind::Zip),
    (b"PK\x05\x06", BinaryKind::Zip),
    (b"%PDF-", BinaryKind::Pdf),
    (b"\x89PNG\r\n\x1a\n", BinaryKind::Png),
    (b"\xff\xd8\xff", BinaryKind::Jpeg),
    (b"GIF87a", BinaryKind::Gif),
    (b"GIF89a", BinaryKind::Gif),
    (b"RIFF????WEBP", BinaryKind::Webp),
    (b"BZh?1AY&SY", BinaryKind::Bzip2),
    (b"\xfd7zXZ\x00", BinaryKind::Xz),
    (b"\x28\xb5\x2f\xfd", BinaryKind::Zstd),
];

/// Decode page bytes to text. Fails only on empty or binary input.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    if bytes.is_empty() {
        return Err(Error::EmptyInput);
    }
    Ok(match sniff(bytes)? {
        Sniffed::Utf8(text) => Cow::Borrowed(text),
        Sniffed::Encoded { encoding, start } => {
            let body = bytes.get(start..).unwrap_or_default();
            encoding.decode_without_bom_handling(body).0
        }
    })
}

/// What [`sniff`] found the bytes to be.
#[derive(Debug, PartialEq)]
pub(crate) enum Sniffed<'a> {
    /// Valid UTF-8, ready to borrow (less a sequence cut off at the very end).
    Utf8(&'a str),
    /// Text in `encoding` from byte `start` on (past any byte-order mark).
    Encoded {
        /// The encoding to decode with.
        encoding: &'static Encoding,
        /// Length of the byte-order mark to skip.
        start: usize,
    },
}

/// Find the encoding of `bytes`, or refuse them as binary.
pub(crate) fn sniff(bytes: &[u8]) -> Result<Sniffed<'_>, Error> {
    let encoded = |encoding| Ok(Sniffed::Encoded { encoding, start: 0 });
    if let Some((encoding, start)) = Encoding::for_bom(bytes) {
        return Ok(Sniffed::Encoded { encoding, start });
    }
    if let Some(&(_, kind)) = BINARY_MAGIC.iter().find(|(m, _)| has_magic(bytes, m)) {
        return Err(Error::BinaryInput { kind });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return encoded(encoding);
    }
    if mostly_control(bytes) {
        return Err(Error::BinaryInput {
            kind: BinaryKind::ControlBytes,
        });
    }
    let head = &bytes[..bytes.len().min(PRESCAN_LEN)];
    let declared = prescan(head).or_else(|| xml_declared(head));
    // A declaration says which legacy encoding a page was written in, but a
    // page re-saved as UTF-8 (by an editor, a CMS migration, "save page as")
    // keeps its old `<meta charset=windows-1252>`. Non-ASCII bytes forming
    // valid UTF-8 almost never occur by chance in a legacy encoding, so such
    // bytes outweigh a legacy declaration. Pure ASCII is no such evidence and
    // leaves the declaration in charge (it matters for 7-bit ISO-2022-JP).
    match (declared, utf8_evidence(bytes)) {
        (Some(declared), Utf8::Valid(text)) if declared != UTF_8 && text.is_ascii() => {
            encoded(declared)
        }
        (Some(declared), Utf8::No) if declared != UTF_8 => encoded(declared),
        // Declared UTF-8, undeclared, or a lying legacy declaration.
        (_, Utf8::Valid(text)) => Ok(Sniffed::Utf8(text)),
        (_, Utf8::Mostly) => encoded(UTF_8),
        // Undeclared, or declared UTF-8 by a page that is plainly not UTF-8
        // (a template's meta over legacy content): let the bytes tell.
        (_, Utf8::No) => encoded(detect(bytes)),
    }
}

/// Whether `bytes` start with `magic`, where `?` matches any byte.
fn has_magic(bytes: &[u8], magic: &[u8]) -> bool {
    bytes.len() >= magic.len() && magic.iter().zip(bytes).all(|(&m, &b)| m == b'?' || m == b)
}

/// Printable ASCII or the whitespace of text.
fn is_text_ascii(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | 0x20..=0x7E)
}

/// UTF-16 without a byte-order mark, seen in its ASCII-range characters: a
/// NUL in every odd (little-endian) or even (big-endian) position.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let pairs = sample.len() / 2;
    let (mut le, mut be) = (0, 0);
    for pair in sample.chunks_exact(2) {
        match *pair {
            [a, 0] if is_text_ascii(a) => le += 1,
            [0, b] if is_text_ascii(b) => be += 1,
            _ => {}
        }
    }
    if pairs > 0 && le * 2 > pairs {
        Some(UTF_16LE)
    } else if pairs > 0 && be * 2 > pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether the start is mostly control bytes (over 30%), as in executables and
/// unknown binary formats. A few NULs in a page do not make it binary.
fn mostly_control(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let is_control = |b: u8| (b < 0x20 && !is_text_ascii(b) && b != 0x1B) || b == 0x7F;
    let control = sample.iter().filter(|&&b| is_control(b)).count();
    control * 10 > sample.len() * 3
}

/// How well the bytes fit UTF-8.
enum Utf8<'a> {
    /// Valid; a multi-byte sequence cut off at the very end (a truncated
    /// download) is left out rather than counted against it.
    Valid(&'a str),
    /// Invalid, but in a few bytes among many valid multi-byte sequences: a
    /// UTF-8 page with a stray legacy byte or two.
    Mostly,
    /// Not UTF-8.
    No,
}

/// Weigh the bytes as UTF-8 in one pass (more only where there are errors).
fn utf8_evidence(bytes: &[u8]) -> Utf8<'_> {
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return Utf8::Valid(text),
        Err(error) => error,
    };
    let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
    let Some(bad) = error.error_len() else {
        // Only the end is cut off mid-sequence.
        return std::str::from_utf8(valid).map_or(Utf8::No, Utf8::Valid);
    };
    let count_multibyte = |b: &[u8]| b.iter().filter(|&&b| b >= 0xC0).count();
    let mut multibyte = count_multibyte(valid);
    let mut invalid = 1usize;
    let mut rest = bytes.get(error.valid_up_to() + bad..).unwrap_or_default();
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                multibyte += count_multibyte(text.as_bytes());
                break;
            }
            Err(error) => {
                let valid = rest.get(..error.valid_up_to()).unwrap_or_default();
                multibyte += count_multibyte(valid);
                let Some(bad) = error.error_len() else { break };
                invalid += 1;
                rest = rest.get(error.valid_up_to() + bad..).unwrap_or_default();
            }
        }
    }
    // Legacy CJK text forms valid UTF-8 pairs by chance, but never at 32 to 1.
    if multibyte >= 16 && invalid.saturating_mul(32) <= multibyte {
        Utf8::Mostly
    } else {
        Utf8::No
    }
}

/// Statistical guess for bytes known not to be UTF-8.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
}

/// A declared encoding as HTML reads it: UTF-16 cannot be declared from
/// inside an ASCII-compatible page, so it means UTF-8; x-user-defined means
/// windows-1252. The "replacement" encoding (labels of unsafe encodings such as
/// ISO-2022-KR) would turn the page into a single U+FFFD, so it counts as no
/// declaration and detection decides.
fn as_declared(encoding: &'static Encoding) -> Option<&'static Encoding> {
    match encoding {
        e if e == UTF_16LE || e == UTF_16BE => Some(UTF_8),
        e if e == X_USER_DEFINED => Some(WINDOWS_1252),
        e if e == REPLACEMENT => None,
        e => Some(e),
    }
}

/// HTML whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

/// Where `needle` first occurs in `hay`, ignoring ASCII case.
fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Index of the first byte at or after `from` for which `pred` holds.
fn next(head: &[u8], from: usize, pred: impl Fn(u8) -> bool) -> Option<usize> {
    Some(from + head.get(from..)?.iter().position(|&b| pred(b))?)
}

/// The encoding a `<meta>` declares in `head`, after the WHATWG "prescan a
/// byte stream to determine its encoding": comments and other tags (with
/// their quoted attributes) are skipped, so a `<meta` inside them is not
/// taken for one. `None` also when the bytes run out mid-tag.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(rest) = head.get(pos..).filter(|r| !r.is_empty()) {
        let letter_at = |i: usize| rest.get(i).is_some_and(u8::is_ascii_alphabetic);
        if rest.starts_with(b"<!--") {
            // Ends at the first `-->`, whose dashes may be those of `<!--`.
            pos += 2 + find_ignore_case(&rest[2..], b"-->")? + 2;
        } else if rest.len() > 5
            && rest[..5].eq_ignore_ascii_case(b"<meta")
            && (is_space(rest[5]) || rest[5] == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta(head, &mut pos)? {
                return Some(encoding);
            }
        } else if rest[0] == b'<' && (letter_at(1) || (rest.get(1) == Some(&b'/') && letter_at(2)))
        {
            pos = next(head, pos, |b| is_space(b) || b == b'>')?;
            while let Attribute::Found(..) = attribute(head, &mut pos)? {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos = next(head, pos, |b| b == b'>')?;
        }
        pos += 1;
    }
    None
}

/// The result of reading one attribute.
enum Attribute {
    /// A name and a value, both ASCII-lowercased.
    Found(Vec<u8>, Vec<u8>),
    /// The tag ended (`pos` is at its `>`).
    End,
}

/// Read the attribute at `pos` (WHATWG "get an attribute"), leaving `pos`
/// after it. `None` when the bytes run out first.
fn attribute(head: &[u8], pos: &mut usize) -> Option<Attribute> {
    let at = |pos: &usize| head.get(*pos).copied();
    let skip_spaces = |pos: &mut usize| {
        while at(pos).is_some_and(is_space) {
            *pos += 1;
        }
    };
    while at(pos).is_some_and(|b| is_space(b) || b == b'/') {
        *pos += 1;
    }
    if at(pos)? == b'>' {
        return Some(Attribute::End);
    }
    let (mut name, mut value) = (Vec::new(), Vec::new());
    loop {
        match at(pos)? {
            b'=' if !name.is_empty() => break,
            b if is_space(b) => {
                skip_spaces(pos);
                if at(pos)? != b'=' {
                    return Some(Attribute::Found(name, value));
                }
                break;
            }
            b'/' | b'>' => return Some(Attribute::Found(name, value)),
            b => name.push(b.to_ascii_lowercase()),
        }
        *pos += 1;
    }
    *pos += 1; // past `=`
    skip_spaces(pos);
    match at(pos)? {
        quote @ (b'"' | b'\'') => loop {
            *pos += 1;
            match at(pos)? {
                b if b == quote => {
                    *pos += 1;
                    return Some(Attribute::Found(name, value));
                }
                b => value.push(b.to_ascii_lowercase()),
            }
        },
        b'>' => return Some(Attribute::Found(name, value)),
        _ => {}
    }
    loop {
        match at(pos)? {
            b if is_space(b) || b == b'>' => return Some(Attribute::Found(name, value)),
            b => value.push(b.to_ascii_lowercase()),
        }
        *pos += 1;
    }
}

/// Read the attributes of a `<meta` tag: `Some(encoding)` if it declares one
/// (by `charset`, or by `content` together with `http-equiv=content-type`).
/// The outer `None` means the bytes ran out.
fn meta(head: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let (mut seen_http_equiv, mut seen_content, mut seen_charset) = (false, false, false);
    let mut got_pragma = false;
    let mut need_pragma = None;
    // `None`: no charset yet; `Some(None)`: a label that names no encoding.
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Attribute::Found(name, value) = attribute(head, pos)? {
        match name.as_slice() {
            b"http-equiv" if !seen_http_equiv => {
                seen_http_equiv = true;
                got_pragma = value == b"content-type";
            }
            b"content" if !seen_content => {
                seen_content = true;
                if charset.is_none() {
                    if let Some(encoding) = charset_in_content(&value) {
                        charset = Some(Some(encoding));
                        need_pragma = Some(true);
                    }
                }
            }
            b"charset" if !seen_charset => {
                seen_charset = true;
                charset = Some(Encoding::for_label(&value));
                need_pragma = Some(false);
            }
            _ => {}
        }
    }
    Some(match need_pragma {
        Some(true) if !got_pragma => None,
        Some(_) => charset.flatten().and_then(as_declared),
        None => None,
    })
}

/// The encoding named by `charset=` in a `content` value such as
/// `text/html; charset="euc-jp"` (WHATWG "extract a character encoding from a
/// meta element").
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        pos += find_ignore_case(content.get(pos..)?, b"charset")? + 7;
        let eq = next(content, pos, |b| !is_space(b))?;
        if content[eq] != b'=' {
            pos = eq;
            continue;
        }
        let start = next(content, eq + 1, |b| !is_space(b))?;
        let label = match content[start] {
            quote @ (b'"' | b'\'') => {
                let end = next(content, start + 1, |b| b == quote)?;
                &content[start + 1..end]
            }
            _ => {
                let end = next(content, start, |b| is_space(b) || b == b';');
                &content[start..end.unwrap_or(content.len())]
            }
        };
        return Encoding::for_label(label);
    }
}

/// The encoding named in an XML declaration `<?xml ... encoding="..."?>` at
/// the start of `head` (WHATWG "get an XML encoding"; leading whitespace is
/// tolerated).
fn xml_declared(head: &[u8]) -> Option<&'static Encoding> {
    let start = next(head, 0, |b| !is_space(b))?;
    let decl = &head[start..next(head, start, |b| b == b'>')?];
    if !decl.starts_with(b"<?xml") {
        return None;
    }
    let pos = find_ignore_case(decl, b"encoding")? + 8;
    let eq = next(decl, pos, |b| b > 0x20)?;
    if decl[eq] != b'=' {
        return None;
    }
    let open = next(decl, eq + 1, |b| b > 0x20)?;
    let quote = decl[open];
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let label = &decl[open + 1..next(decl, open + 1, |b| b == quote)?];
    if label.iter().any(|&b| b <= 0x20) {
        return None;
    }
    as_declared(Encoding::for_label(label)?)
}

#[cfg(test)]
mod tests;
