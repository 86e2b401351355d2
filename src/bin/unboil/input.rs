//! Inputs: which pages to extract ([`enumerate`]) and getting their bytes ([`read`]).
//!
//! Directory walking and WARC records are to slot in here: `enumerate` turns
//! the command line into a list of [`Input`]s, `read` turns one into bytes.

use flate2::read::MultiGzDecoder;
use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The first two bytes of every gzip member (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// How far into an input a start tag marks it as HTML: a page's first tags
/// (doctype, `<html>`, `<head>`, a fragment's `<p>` or `<div>`) come within
/// its first kilobyte; a tag further down a text is quoted markup.
const HTML_START_BYTES: usize = 1024;

/// How much of an input the tag density is measured on.
const HTML_DENSITY_BYTES: usize = 64 * 1024;

/// Tags per kilobyte above which an input is HTML however it starts: pages
/// run to dozens of tags per kilobyte, while text that quotes a tag or
/// compares numbers ("a <b") has well under one.
const HTML_MIN_TAGS_PER_KB: usize = 4;

/// Tag names that, opening near the start, mark an input as HTML.
const HTML_START_TAGS: [&str; 22] = [
    "!doctype", "html", "head", "body", "meta", "title", "link", "p", "div", "span", "br", "a",
    "table", "ul", "ol", "li", "h1", "h2", "h3", "article", "section", "!--",
];

/// One page to extract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (no FILE argument, or `-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Input {
    /// How the input is named in messages and text headers.
    pub fn label(&self) -> Cow<'_, str> {
        match self {
            Input::Stdin => Cow::Borrowed("<stdin>"),
            Input::File(path) => path.to_string_lossy(),
        }
    }

    /// The `path` field of JSON records: the argument as given, `-` for standard input.
    pub fn json_path(&self) -> Cow<'_, str> {
        match self {
            Input::Stdin => Cow::Borrowed("-"),
            Input::File(path) => path.to_string_lossy(),
        }
    }
}

/// Whether an input is HTML rather than page text: a known tag opens within
/// its first [`HTML_START_BYTES`], or it is dense with tags.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(HTML_START_BYTES)];
    let starts_with_markup = tags(start).any(|name| {
        HTML_START_TAGS
            .iter()
            .any(|tag| name.eq_ignore_ascii_case(tag.as_bytes()))
    });
    if starts_with_markup {
        return true;
    }
    let sample = &bytes[..bytes.len().min(HTML_DENSITY_BYTES)];
    let kilobytes = sample.len().div_ceil(1024).max(1);
    tags(sample).count() >= HTML_MIN_TAGS_PER_KB * kilobytes
}

/// The names of the tags in `bytes`: what follows each `<` (or `</`) up to
/// the first byte that cannot be part of a tag name, when it starts with a
/// letter or `!`.
fn tags(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes
        .split(|&b| b == b'<')
        .skip(1)
        .map(|rest| rest.strip_prefix(b"/").unwrap_or(rest))
        .filter(|rest| {
            rest.first()
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'!')
        })
        .map(|rest| {
            let end = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'!' | b'-')))
                .unwrap_or(rest.len());
            &rest[..end]
        })
}

/// The inputs named on the command line, in order; standard input when there are none.
pub fn enumerate(files: &[PathBuf]) -> Vec<Input> {
    if files.is_empty() {
        return vec![Input::Stdin];
    }
    files
        .iter()
        .map(|path| {
            if path.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::File(path.clone())
            }
        })
        .collect()
}

/// Why an input's bytes could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened (missing, permission denied, ...).
    Open(io::Error),
    /// Reading failed part way.
    Read(io::Error),
    /// The path names a directory.
    IsDirectory,
    /// The input is over the size limit.
    TooLarge { limit: usize },
    /// The input starts like gzip but does not decompress.
    Gzip(io::Error),
    /// The gzip data decompresses to more than the size limit.
    GzipTooLarge { limit: usize },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Open(e) => write!(f, "cannot open: {e}"),
            ReadError::Read(e) => write!(f, "cannot read: {e}"),
            ReadError::IsDirectory => write!(f, "is a directory, not a page"),
            ReadError::TooLarge { limit } => {
                write!(f, "the input is over the limit of {limit} bytes")
            }
            ReadError::Gzip(e) => write!(f, "broken gzip data: {e}"),
            ReadError::GzipTooLarge { limit } => write!(
                f,
                "the gzip data decompresses to over the limit of {limit} bytes"
            ),
        }
    }
}

/// The bytes of one input, gunzipped when they are gzip data, at most `limit` of them.
pub fn read(input: &Input, limit: usize) -> Result<Vec<u8>, ReadError> {
    let raw = match input {
        Input::Stdin => read_raw(io::stdin().lock(), limit)?,
        Input::File(path) => read_file(path, limit)?,
    };
    if raw.starts_with(&GZIP_MAGIC) {
        gunzip(&raw, limit)
    } else {
        Ok(raw)
    }
}

fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let file = File::open(path).map_err(ReadError::Open)?;
    let metadata = file.metadata().map_err(ReadError::Read)?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory);
    }
    read_raw(file, limit)
}

fn read_raw(reader: impl Read, limit: usize) -> Result<Vec<u8>, ReadError> {
    read_limited(reader, limit)
        .map_err(ReadError::Read)?
        .ok_or(ReadError::TooLarge { limit })
}

fn gunzip(compressed: &[u8], limit: usize) -> Result<Vec<u8>, ReadError> {
    read_limited(MultiGzDecoder::new(compressed), limit)
        .map_err(ReadError::Gzip)?
        .ok_or(ReadError::GzipTooLarge { limit })
}

/// All of `reader`, or `None` when it holds more than `limit` bytes. Never
/// buffers more than `limit + 1` bytes, so a huge file or a gzip bomb cannot
/// exhaust memory.
fn read_limited(reader: impl Read, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    reader.take(cap).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= limit).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(bytes).expect("write to a Vec");
        encoder.finish().expect("finish to a Vec")
    }

    #[test]
    fn no_files_means_stdin_and_dash_means_stdin() {
        assert_eq!(enumerate(&[]), vec![Input::Stdin]);
        let files = [PathBuf::from("a.html"), PathBuf::from("-")];
        assert_eq!(
            enumerate(&files),
            vec![Input::File(PathBuf::from("a.html")), Input::Stdin]
        );
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(
            b"<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html(b"\n  <p>Just one paragraph.</p>"));
        assert!(looks_like_html(b"<DIV class=x>Shouting markup</DIV>"));
        assert!(!looks_like_html(
            b"Headline\nBy Jane Doe\nThe text, where 3 < 4.\n"
        ));
        assert!(!looks_like_html(b"A note on <angle brackets> in prose.\n"));
        let mut text = "Line of plain page text.\n".repeat(100).into_bytes();
        text.extend_from_slice(b"Quoted markup: <p>, <div> and <br>.\n");
        assert!(!looks_like_html(&text));
    }

    #[test]
    fn read_limited_refuses_one_byte_over() {
        assert_eq!(
            read_limited(&b"abc"[..], 3).ok().flatten(),
            Some(b"abc".to_vec())
        );
        assert!(matches!(read_limited(&b"abcd"[..], 3), Ok(None)));
    }

    #[test]
    fn gunzip_caps_the_decompressed_size() {
        let page = vec![b'a'; 10_000];
        let compressed = gzip(&page);
        assert!(matches!(gunzip(&compressed, 10_000), Ok(ref b) if b == &page));
        assert!(matches!(
            gunzip(&compressed, 9_999),
            Err(ReadError::GzipTooLarge { limit: 9_999 })
        ));
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let compressed = gzip(b"<p>hello</p>");
        let truncated = &compressed[..compressed.len() / 2];
        assert!(matches!(
            gunzip(truncated, 1 << 20),
            Err(ReadError::Gzip(_))
        ));
    }
}
