//! A streaming reader of WARC archives (ISO 28500, WARC/1.0 and 1.1).
//!
//! Records are read one at a time from any [`BufRead`] (a `.warc.gz` is one
//! gzip stream of many members, which `MultiGzDecoder` reads as one), so an
//! archive of any size takes the memory of one record. Only `response`
//! records holding HTML come out as pages; every other record is skipped
//! without being kept in memory.
//!
//! A record that breaks off (a truncated download, a corrupt gzip member)
//! ends the archive with an error: there is no safe way to find the next
//! record after a broken one.

use crate::http::{self, Head, HttpError};
use std::fmt;
use std::io::{self, BufRead, Read};

/// The most bytes the WARC header of a record, or the head of an HTTP
/// response, may take. Real ones are a few hundred bytes.
const MAX_HEAD: usize = 64 * 1024;

/// What the next record of an archive is.
#[derive(Debug)]
pub enum Entry {
    /// An HTML response, or one whose type is not declared.
    Response(Response),
    /// Any other record: `warcinfo`, `request`, `metadata`, a response
    /// holding an image or a script.
    Skipped,
    /// A response that cannot be extracted; the archive goes on after it.
    Bad(WarcError),
}

/// What a record's block held.
enum Block {
    Page(Response),
    Skipped,
    /// Unusable, but read to its end: the archive goes on.
    Bad(ErrorKind),
}

/// A response record's page, not yet decoded.
#[derive(Debug)]
pub struct Response {
    /// The record's `WARC-Target-URI`.
    pub url: Option<String>,
    /// The day of the record's `WARC-Date` (when the page was fetched).
    pub date: Option<unboil::Date>,
    /// The HTTP response head.
    pub head: Head,
    /// The HTTP body as stored, possibly chunked and compressed.
    pub body: Vec<u8>,
    /// Neither the response nor the archive says what the body is: the
    /// body must be sniffed to tell whether it is HTML.
    pub sniff: bool,
}

/// Why a record could not be read.
#[derive(Debug)]
pub struct WarcError {
    /// Which record, counting from 1 (the `warcinfo` record included).
    pub record: u64,
    /// The record's target URI, when known.
    pub url: Option<String>,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong with a record.
#[derive(Debug)]
pub enum ErrorKind {
    /// The bytes where a record should start are not a WARC version line.
    NotWarc(String),
    /// The record header is unusable.
    BadHeader(&'static str),
    /// The archive ends inside the record.
    Truncated {
        /// How many bytes of the record block were there.
        got: u64,
        /// How many `Content-Length` announced.
        expected: u64,
    },
    /// Reading failed (a corrupt gzip member, an I/O error).
    Io(io::Error),
    /// The HTTP response inside is unusable.
    Http(HttpError),
    /// The HTTP body is over the size limit.
    TooLarge {
        /// The body's size.
        size: u64,
        /// The limit.
        limit: usize,
    },
}

impl WarcError {
    /// Whether the rest of the archive is lost after this error.
    pub fn breaks_archive(&self) -> bool {
        !matches!(self.kind, ErrorKind::Http(_) | ErrorKind::TooLarge { .. })
    }
}

impl fmt::Display for WarcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The URL is not repeated here: records and messages carry it already.
        write!(f, "WARC record {}", self.record)?;
        match &self.kind {
            ErrorKind::NotWarc(found) => {
                write!(f, ": not a WARC record (it starts with {found:?})")?
            }
            ErrorKind::BadHeader(reason) => write!(f, ": {reason}")?,
            ErrorKind::Truncated { got, expected } => write!(
                f,
                ": the archive is truncated: it ends after {got} of the record's {expected} bytes"
            )?,
            ErrorKind::Io(e) => write!(f, ": cannot read: {e}")?,
            ErrorKind::Http(e) => write!(f, ": {e}")?,
            ErrorKind::TooLarge { size, limit } => write!(
                f,
                ": the HTTP body is {size} bytes, over the limit of {limit} bytes"
            )?,
        }
        if self.breaks_archive() {
            write!(f, "; the rest of the archive cannot be read")?;
        }
        Ok(())
    }
}

/// Reads the records of one archive in order.
pub struct WarcReader<R> {
    reader: R,
    /// The largest HTTP body to keep.
    limit: usize,
    /// How many records have been started.
    record: u64,
    /// Set after an error that loses the rest of the archive.
    broken: bool,
}

/// The WARC header fields that matter here.
#[derive(Default)]
struct Fields {
    warc_type: Option<String>,
    content_length: Option<u64>,
    content_type: Option<String>,
    target_uri: Option<String>,
    payload_type: Option<String>,
    /// The day of `WARC-Date`, when it reads as one.
    date: Option<unboil::Date>,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader of the archive `reader`, keeping HTTP bodies of at most `limit` bytes.
    pub fn new(reader: R, limit: usize) -> Self {
        WarcReader {
            reader,
            limit,
            record: 0,
            broken: false,
        }
    }

    /// The next record; `None` at the end of the archive, and after an
    /// error that breaks it.
    pub fn next_entry(&mut self) -> Option<Result<Entry, WarcError>> {
        if self.broken {
            return None;
        }
        let result = self.read_record().transpose()?;
        if let Err(e) = &result {
            self.broken = e.breaks_archive();
        }
        Some(result)
    }

    fn error(&self, url: Option<&str>, kind: ErrorKind) -> WarcError {
        WarcError {
            record: self.record,
            url: url.map(String::from),
            kind,
        }
    }

    fn read_record(&mut self) -> Result<Option<Entry>, WarcError> {
        let mut line = Vec::new();
        // Records end with two CRLFs; be lenient about how many.
        loop {
            line.clear();
            let read = read_line(&mut self.reader, &mut line, MAX_HEAD)
                .map_err(|e| self.error(None, ErrorKind::Io(e)))?;
            if read == 0 {
                return Ok(None);
            }
            if !line.trim_ascii().is_empty() {
                break;
            }
        }
        self.record += 1;
        if !line.starts_with(b"WARC/") {
            let found: String = String::from_utf8_lossy(&line).chars().take(40).collect();
            return Err(self.error(None, ErrorKind::NotWarc(found)));
        }
        let fields = self.read_fields()?;
        let url = fields.target_uri.as_deref();
        let Some(length) = fields.content_length else {
            let kind = ErrorKind::BadHeader("no valid Content-Length");
            return Err(self.error(url, kind));
        };
        let is_response = fields.warc_type.as_deref() == Some("response")
            && fields
                .content_type
                .as_deref()
                .is_none_or(|t| t.starts_with("application/http"));
        let mut block = (&mut self.reader).take(length);
        let read = if is_response {
            read_response(&mut block, length, &fields, self.limit)
        } else {
            skip(&mut block, length).map(|()| Block::Skipped)
        };
        match read {
            Ok(Block::Page(response)) => Ok(Some(Entry::Response(response))),
            Ok(Block::Skipped) => Ok(Some(Entry::Skipped)),
            Ok(Block::Bad(kind)) => Ok(Some(Entry::Bad(self.error(url, kind)))),
            Err(kind) => Err(self.error(url, kind)),
        }
    }

    /// The header fields, up to the blank line that ends them.
    fn read_fields(&mut self) -> Result<Fields, WarcError> {
        let mut fields = Fields::default();
        let mut budget = MAX_HEAD;
        let mut line = Vec::new();
        loop {
            line.clear();
            let read = read_line(&mut self.reader, &mut line, budget)
                .map_err(|e| self.error(None, ErrorKind::Io(e)))?;
            if read == 0 {
                let reason = if budget == 0 {
                    "the record header is over 64 KiB"
                } else {
                    "the archive is truncated inside a record header"
                };
                return Err(self.error(fields.target_uri.as_deref(), ErrorKind::BadHeader(reason)));
            }
            budget -= read;
            if line.trim_ascii().is_empty() {
                return Ok(fields);
            }
            let text = String::from_utf8_lossy(&line);
            let Some((name, value)) = text.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => fields.warc_type = Some(value.to_ascii_lowercase()),
                "content-length" => fields.content_length = value.parse().ok(),
                "content-type" => fields.content_type = Some(value.to_ascii_lowercase()),
                "warc-identified-payload-type" => {
                    fields.payload_type = Some(value.to_ascii_lowercase())
                }
                // WARC/0.17 wrote the URI in angle brackets; some tools still do.
                "warc-target-uri" => {
                    let uri = value.trim_start_matches('<').trim_end_matches('>');
                    fields.target_uri = Some(uri.to_string());
                }
                "warc-date" => fields.date = value.parse().ok(),
                _ => {}
            }
        }
    }
}

/// The HTTP response in a `response` record's block.
fn read_response(
    block: &mut io::Take<impl BufRead>,
    length: u64,
    fields: &Fields,
    limit: usize,
) -> Result<Block, ErrorKind> {
    let mut lines = Vec::new();
    let mut budget = MAX_HEAD;
    loop {
        let mut line = Vec::new();
        let read = read_line(block, &mut line, budget).map_err(ErrorKind::Io)?;
        if read == 0 && budget == 0 {
            skip(block, length)?;
            return Ok(Block::Bad(ErrorKind::Http(HttpError::HeadTooLong {
                limit: MAX_HEAD,
            })));
        }
        if read == 0 && block.limit() > 0 {
            return Err(truncated(block, length));
        }
        budget -= read;
        // A response with no body ends with its head, maybe without the blank line.
        if read == 0 || line.trim_ascii().is_empty() {
            break;
        }
        lines.push(line);
    }
    let lines: Vec<&[u8]> = lines.iter().map(Vec::as_slice).collect();
    let head = match Head::parse(&lines) {
        Ok(head) => head,
        Err(e) => {
            skip(block, length)?;
            return Ok(Block::Bad(ErrorKind::Http(e)));
        }
    };
    let declared = head
        .media_type
        .as_deref()
        .or(fields.payload_type.as_deref());
    let html = http::is_html_type(declared);
    let size = block.limit();
    if html == Some(false) {
        skip(block, length)?;
        return Ok(Block::Skipped);
    }
    if size > u64::try_from(limit).unwrap_or(u64::MAX) {
        skip(block, length)?;
        return Ok(Block::Bad(ErrorKind::TooLarge { size, limit }));
    }
    let mut body = Vec::new();
    block.read_to_end(&mut body).map_err(ErrorKind::Io)?;
    if block.limit() > 0 {
        return Err(truncated(block, length));
    }
    Ok(Block::Page(Response {
        url: fields.target_uri.clone(),
        date: fields.date,
        head,
        body,
        sniff: html.is_none(),
    }))
}

/// The error for a block of `length` bytes that ended `block.limit()` bytes early.
fn truncated<R>(block: &io::Take<R>, length: u64) -> ErrorKind {
    ErrorKind::Truncated {
        got: length - block.limit(),
        expected: length,
    }
}

/// Read and drop the rest of a block of `length` bytes.
fn skip(block: &mut io::Take<impl BufRead>, length: u64) -> Result<(), ErrorKind> {
    io::copy(block, &mut io::sink()).map_err(ErrorKind::Io)?;
    if block.limit() > 0 {
        return Err(truncated(block, length));
    }
    Ok(())
}

/// One line into `line`, newline included, of at most `max` bytes; the
/// number of bytes read (0 at the end of the input, or when `max` is 0).
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> io::Result<usize> {
    let max = u64::try_from(max).unwrap_or(u64::MAX);
    reader.take(max).read_until(b'\n', line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(bytes: &[u8], limit: usize) -> Vec<Result<Entry, WarcError>> {
        let mut reader = WarcReader::new(bytes, limit);
        std::iter::from_fn(|| reader.next_entry()).collect()
    }

    fn record(fields: &str, block: &[u8]) -> Vec<u8> {
        let length = block.len();
        let mut out = format!("WARC/1.1\r\n{fields}Content-Length: {length}\r\n\r\n").into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(url: &str, body: &str) -> Vec<u8> {
        let http = format!("HTTP/1.1 200 OK\nContent-Type: text/html\n\n{body}");
        let fields = format!("WARC-Type: response\nWARC-Target-URI: <{url}>\n");
        record(&fields, http.as_bytes())
    }

    #[test]
    fn reads_responses_with_bare_newlines_and_bracketed_uris() {
        let mut bytes = record("WARC-Type: warcinfo\r\n", b"software: x\r\n");
        bytes.extend(response("https://a.example/", "<p>Hi</p>"));
        let got = entries(&bytes, 1 << 20);
        assert!(matches!(got[0], Ok(Entry::Skipped)), "{got:?}");
        let Some(Ok(Entry::Response(page))) = got.get(1) else {
            panic!("a response: {got:?}");
        };
        assert_eq!(page.url.as_deref(), Some("https://a.example/"));
        assert_eq!(page.body, b"<p>Hi</p>");
        assert_eq!(page.head.status, 200);
        assert!(!page.sniff);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn an_oversized_body_is_a_bad_record_and_the_archive_goes_on() {
        let mut bytes = response("https://big.example/", &"x".repeat(100));
        bytes.extend(response("https://small.example/", "<p>ok</p>"));
        let got = entries(&bytes, 50);
        assert!(
            matches!(&got[0], Ok(Entry::Bad(e)) if matches!(e.kind, ErrorKind::TooLarge { .. })),
            "{got:?}"
        );
        assert!(matches!(&got[1], Ok(Entry::Response(_))), "{got:?}");
    }

    #[test]
    fn garbage_or_a_missing_length_ends_the_archive_with_an_error() {
        let got = entries(b"<html>not a WARC</html>", 1 << 20);
        assert_eq!(got.len(), 1);
        assert!(
            matches!(&got[0], Err(e) if matches!(e.kind, ErrorKind::NotWarc(_))),
            "{got:?}"
        );
        let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\n\r\n".to_vec();
        bytes.extend(response("https://lost.example/", "<p>x</p>"));
        let got = entries(&bytes, 1 << 20);
        assert_eq!(got.len(), 1, "nothing after a record that cannot be framed");
        assert!(got[0].as_ref().is_err_and(|e| e.breaks_archive()));
    }

    #[test]
    fn never_panics_on_cut_or_corrupted_archives() {
        let mut archive = response("https://a.example/", "<p>one</p>");
        archive.extend(response("https://b.example/", "<p>two</p>"));
        for cut in 0..archive.len() {
            let got = entries(&archive[..cut], 1 << 20);
            // Only the last entry may be an error, and only a cut gives one.
            assert!(
                got.iter().rev().skip(1).all(Result::is_ok),
                "{cut}: {got:?}"
            );
            assert!(got.len() <= 2);
        }
        for at in 0..archive.len() {
            let mut corrupt = archive.clone();
            corrupt[at] ^= 0x5a;
            assert!(entries(&corrupt, 1 << 20).len() <= 3, "{at}");
        }
    }
}
