//! Inputs: what one page is ([`Input`]), getting a page's bytes ([`read`]),
//! and telling a WARC archive from a page by its first bytes ([`sniff`]).
//!
//! Directories are walked by [`crate::walk`], WARC records read by
//! [`crate::warc`]; [`enumerate`] is the plain list of arguments that
//! `--explain` uses.

use flate2::read::MultiGzDecoder;
use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The first two bytes of every gzip member (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The first bytes of every WARC record: its version line.
const WARC_MAGIC: &[u8] = b"WARC/";

/// Buffer size for reading WARC archives.
const WARC_BUFFER: usize = 256 * 1024;

/// One page to extract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (no FILE argument, or `-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
    /// A response record of a WARC archive, or what is left of the archive
    /// after a break (then `url` may be unknown).
    Record(Box<WarcOrigin>),
}

/// Where a WARC record came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcOrigin {
    /// The archive, as named on the command line or found in a directory; `-` for standard input.
    pub warc: Arc<Path>,
    /// The record's `WARC-Target-URI`.
    pub url: Option<String>,
    /// The HTTP status of the response.
    pub status: Option<u16>,
    /// The day of the record's `WARC-Date`: the reference for the page's
    /// dates unless `--reference-date` is given.
    pub date: Option<unboil::Date>,
}

impl Input {
    /// How the input is named in messages and text headers.
    pub fn label(&self) -> Cow<'_, str> {
        match self {
            Input::Stdin => Cow::Borrowed("<stdin>"),
            Input::File(path) => path.to_string_lossy(),
            Input::Record(origin) => match &origin.url {
                Some(url) => Cow::Owned(format!("{}: {url}", origin.warc.display())),
                None => origin.warc.to_string_lossy(),
            },
        }
    }

    /// The `path` field of JSON records: the argument as given, `-` for
    /// standard input; `None` for a WARC record, which has a URL instead.
    pub fn json_path(&self) -> Option<Cow<'_, str>> {
        match self {
            Input::Stdin => Some(Cow::Borrowed("-")),
            Input::File(path) => Some(path.to_string_lossy()),
            Input::Record(_) => None,
        }
    }
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
///
/// A WARC record's bytes are not read here: they come with the record.
pub fn read(input: &Input, limit: usize) -> Result<Vec<u8>, ReadError> {
    let raw = match input {
        Input::Stdin => read_raw(io::stdin().lock(), limit)?,
        Input::File(path) => read_file(path, limit)?,
        Input::Record(_) => return Err(ReadError::Read(io::ErrorKind::Unsupported.into())),
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

/// A stream, told apart by its first bytes.
pub enum Sniffed {
    /// A WARC archive, decompressed when it was gzip data.
    Warc(Box<dyn BufRead + Send>),
    /// Anything else is taken for a page: the whole stream, decompressed
    /// when `gzip` is set.
    Page {
        /// The page's bytes.
        stream: Box<dyn Read + Send>,
        /// Whether they are being gunzipped (read errors are then gzip errors).
        gzip: bool,
    },
}

/// Tell a WARC archive (plain or gzip-compressed) from a page by its first bytes.
/// Nothing is lost: the returned stream starts at the beginning.
pub fn sniff(reader: impl Read + Send + 'static) -> Result<Sniffed, ReadError> {
    let (head, rest) = peek(reader, GZIP_MAGIC.len()).map_err(ReadError::Read)?;
    let gzip = head.starts_with(&GZIP_MAGIC);
    let raw = Cursor::new(head).chain(rest);
    if !gzip {
        let (head, rest) = peek(raw, WARC_MAGIC.len()).map_err(ReadError::Read)?;
        return Ok(classify(head, rest, false));
    }
    let (head, rest) = peek(MultiGzDecoder::new(raw), WARC_MAGIC.len()).map_err(ReadError::Gzip)?;
    Ok(classify(head, rest, true))
}

fn classify(head: Vec<u8>, rest: impl Read + Send + 'static, gzip: bool) -> Sniffed {
    let is_warc = head.starts_with(WARC_MAGIC);
    let stream = Cursor::new(head).chain(rest);
    if is_warc {
        Sniffed::Warc(Box::new(BufReader::with_capacity(WARC_BUFFER, stream)))
    } else {
        Sniffed::Page {
            stream: Box::new(stream),
            gzip,
        }
    }
}

/// Open a WARC archive named on the command line or found in a directory,
/// decompressing it when it is gzip data.
pub fn open_warc(path: &Path) -> Result<Box<dyn BufRead + Send>, ReadError> {
    let file = File::open(path).map_err(ReadError::Open)?;
    if file.metadata().map_err(ReadError::Read)?.is_dir() {
        return Err(ReadError::IsDirectory);
    }
    match sniff(file)? {
        Sniffed::Warc(stream) => Ok(stream),
        // Not starting with a version line: let the WARC reader say so.
        Sniffed::Page { stream, .. } => Ok(Box::new(BufReader::with_capacity(WARC_BUFFER, stream))),
    }
}

/// All of a page stream from [`sniff`], at most `limit` bytes.
pub fn read_page(stream: impl Read, gzip: bool, limit: usize) -> Result<Vec<u8>, ReadError> {
    if gzip {
        read_limited(stream, limit)
            .map_err(ReadError::Gzip)?
            .ok_or(ReadError::GzipTooLarge { limit })
    } else {
        read_raw(stream, limit)
    }
}

/// Up to `n` first bytes of `reader` (fewer only at its end), and the reader
/// for the rest.
fn peek<R: Read>(mut reader: R, n: usize) -> io::Result<(Vec<u8>, R)> {
    let mut head = vec![0; n];
    let mut filled = 0;
    while filled < n {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    head.truncate(filled);
    Ok((head, reader))
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
