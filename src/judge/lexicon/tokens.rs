//! Splitting class, id, role and itemprop values into lowercase tokens: at
//! every character that is not a letter or digit, at camelCase humps
//! (`mainContent` → `main content`, `ADSlot` → `ad slot`) and between letters
//! and digits (`ad300x250` → `ad 300 x 250`).

/// At most this many tokens of one attribute value are looked at.
pub(super) const MAX_TOKENS: usize = 32;

/// What a character is, as far as token boundaries go; `Lower` also covers
/// letters without case.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharKind {
    Lower,
    Upper,
    Digit,
    Other,
}

/// The kind of any character.
fn kind(c: char) -> CharKind {
    if c.is_uppercase() {
        CharKind::Upper
    } else if c.is_numeric() {
        CharKind::Digit
    } else if c.is_alphanumeric() {
        CharKind::Lower
    } else {
        CharKind::Other
    }
}

/// The kind of an ASCII character, without Unicode tables.
fn ascii_kind(c: char) -> CharKind {
    match c {
        'a'..='z' => CharKind::Lower,
        'A'..='Z' => CharKind::Upper,
        '0'..='9' => CharKind::Digit,
        _ => CharKind::Other,
    }
}

/// Byte spans of tokens in the tokeniser's buffer.
pub(super) type Spans = [(u16, u16); MAX_TOKENS];

/// Split `value` into lowercase tokens (see the module doc) written to `buf`,
/// their byte spans to `spans`; returns how many tokens there are. Values
/// are nearly always ASCII, which gets a table-free path.
pub(super) fn tokenize(value: &str, buf: &mut String, spans: &mut Spans) -> usize {
    if value.is_ascii() {
        tokenize_with(value.bytes().map(char::from), ascii_kind, buf, spans)
    } else {
        tokenize_with(value.chars(), kind, buf, spans)
    }
}

fn tokenize_with(
    mut chars: impl Iterator<Item = char>,
    kind: impl Fn(char) -> CharKind,
    buf: &mut String,
    spans: &mut Spans,
) -> usize {
    let mut n = 0;
    let mut start: Option<usize> = None;
    let mut prev = CharKind::Other;
    let mut cur = chars.next();
    let mut k = cur.map_or(CharKind::Other, &kind);
    while let Some(c) = cur {
        let next = chars.next();
        let next_kind = next.map_or(CharKind::Other, &kind);
        let boundary = match (prev, k) {
            (_, CharKind::Other) | (CharKind::Other, _) => true,
            (CharKind::Lower, CharKind::Upper) => true,
            (CharKind::Upper, CharKind::Upper) => next_kind == CharKind::Lower,
            (CharKind::Digit, CharKind::Digit) => false,
            (CharKind::Digit, _) | (_, CharKind::Digit) => true,
            _ => false,
        };
        if boundary {
            if let Some(s) = start.take() {
                if n == MAX_TOKENS || buf.len() > usize::from(u16::MAX) {
                    return n;
                }
                spans[n] = (s as u16, buf.len() as u16);
                n += 1;
            }
        }
        if k != CharKind::Other {
            start.get_or_insert(buf.len());
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
        }
        prev = k;
        cur = next;
        k = next_kind;
    }
    if let Some(s) = start {
        if n < MAX_TOKENS && buf.len() <= usize::from(u16::MAX) {
            spans[n] = (s as u16, buf.len() as u16);
            n += 1;
        }
    }
    n
}
