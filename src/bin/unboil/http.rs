//! The HTTP response inside a WARC `response` record: its head ([`Head`]),
//! whether it is HTML, and undoing the transfer and content encodings of
//! its body ([`decode_body`]).

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use std::fmt;
use std::io::Read;

/// What the response head says about the body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Head {
    /// The status code.
    pub status: u16,
    /// The media type of `Content-Type`, lower-cased, without parameters.
    pub media_type: Option<String>,
    /// `Transfer-Encoding: chunked`.
    pub chunked: bool,
    /// The `Content-Encoding` codings, lower-cased, in the order applied.
    pub codings: Vec<String>,
}

/// Why a response could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// The block does not start with an HTTP status line.
    NoStatusLine(String),
    /// The head is longer than any real one.
    HeadTooLong { limit: usize },
    /// A content coding we cannot undo (brotli, zstd, ...).
    UnsupportedCoding(String),
    /// Undoing a content coding gave more than the size limit.
    TooLarge { limit: usize },
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::NoStatusLine(line) => {
                write!(
                    f,
                    "the response does not start with an HTTP status line: {line:?}"
                )
            }
            HttpError::HeadTooLong { limit } => {
                write!(f, "the HTTP response head is over {limit} bytes")
            }
            HttpError::UnsupportedCoding(coding) => write!(
                f,
                "the body has Content-Encoding {coding}, which unboil cannot decode"
            ),
            HttpError::TooLarge { limit } => write!(
                f,
                "the body decompresses to over the limit of {limit} bytes"
            ),
        }
    }
}

impl Head {
    /// Parse the status line and header lines (CRLF or LF ended, without the
    /// blank line that ends the head).
    pub fn parse(lines: &[&[u8]]) -> Result<Head, HttpError> {
        let (first, fields) = match lines.split_first() {
            Some((first, fields)) => (*first, fields),
            None => (&b""[..], &[][..]),
        };
        let status_line = String::from_utf8_lossy(first);
        let status_line = status_line.trim();
        let status = status_line
            .strip_prefix("HTTP/")
            .and_then(|rest| rest.split_whitespace().nth(1))
            .and_then(|code| code.parse::<u16>().ok())
            .ok_or_else(|| {
                HttpError::NoStatusLine(status_line.chars().take(60).collect::<String>())
            })?;
        let mut head = Head {
            status,
            ..Head::default()
        };
        for line in fields {
            let line = String::from_utf8_lossy(line);
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_ascii_lowercase();
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => {
                    let media = value.split(';').next().unwrap_or("").trim();
                    if !media.is_empty() {
                        head.media_type = Some(media.to_string());
                    }
                }
                "transfer-encoding" => {
                    head.chunked |= value.split(',').any(|c| c.trim() == "chunked");
                }
                "content-encoding" => head.codings.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|c| !c.is_empty() && *c != "identity")
                        .map(String::from),
                ),
                _ => {}
            }
        }
        Ok(head)
    }
}

/// Whether a media type is HTML: `Some(true)` or `Some(false)` when it says,
/// `None` when it does not (absent, or a generic binary type): then sniff.
pub fn is_html_type(media_type: Option<&str>) -> Option<bool> {
    match media_type? {
        "text/html" | "application/xhtml+xml" => Some(true),
        "application/octet-stream" | "unknown/unknown" | "application/unknown" => None,
        _ => Some(false),
    }
}

/// Whether a body starts like HTML, by the WHATWG MIME sniffing patterns
/// for `text/html` (after a byte-order mark and whitespace).
pub fn sniff_html(body: &[u8]) -> bool {
    const TAGS: [&[u8]; 17] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<script",
        b"<iframe",
        b"<h1",
        b"<div",
        b"<font",
        b"<table",
        b"<a",
        b"<style",
        b"<title",
        b"<b",
        b"<body",
        b"<br",
        b"<p",
        b"<!--",
    ];
    let body = body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let body = &body[start..];
    TAGS.iter().any(|tag| {
        body.len() > tag.len()
            && body[..tag.len()].eq_ignore_ascii_case(tag)
            // The tag must end there: `<b>` or `<b `, not `<base`.
            && (tag == b"<!--" || matches!(body[tag.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r'))
    })
}

/// The page bytes of a body as stored: chunked transfer undone, then
/// content codings undone, at most `limit` bytes.
///
/// Archives differ in what they store: some keep the wire bytes, some the
/// decoded body with the original headers. So a body that does not parse as
/// chunks, or does not start like gzip, is taken as already decoded.
pub fn decode_body(head: &Head, body: Vec<u8>, limit: usize) -> Result<Vec<u8>, HttpError> {
    let mut body = if head.chunked {
        dechunk(&body).unwrap_or(body)
    } else {
        body
    };
    for coding in head.codings.iter().rev() {
        body = match coding.as_str() {
            "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
                inflate(MultiGzDecoder::new(&body[..]), limit)?.unwrap_or(body)
            }
            "gzip" | "x-gzip" => body,
            "deflate" => match inflate(ZlibDecoder::new(&body[..]), limit)? {
                Some(inflated) => inflated,
                None => inflate(DeflateDecoder::new(&body[..]), limit)?.unwrap_or(body),
            },
            other => return Err(HttpError::UnsupportedCoding(other.to_string())),
        };
    }
    Ok(body)
}

/// All of a decoder's output; `None` when the data does not decode (then the
/// caller keeps the bytes as they are); an error when it is over `limit`.
fn inflate(decoder: impl Read, limit: usize) -> Result<Option<Vec<u8>>, HttpError> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut out = Vec::new();
    match decoder.take(cap).read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(HttpError::TooLarge { limit }),
        Ok(_) => Ok(Some(out)),
        // A truncated response still gives the page as far as it goes.
        Err(_) if !out.is_empty() => Ok(Some(out)),
        Err(_) => Ok(None),
    }
}

/// The data of a chunked body (RFC 9112 §7.1), or `None` when it does not
/// start with a chunk. A body cut short gives the chunks up to the cut.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut first = true;
    loop {
        let Some(end) = body.iter().position(|&b| b == b'\n') else {
            return (!first).then_some(out);
        };
        let line = String::from_utf8_lossy(&body[..end]);
        let size = line.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size, 16) else {
            return (!first).then_some(out);
        };
        first = false;
        body = &body[end + 1..];
        if size == 0 {
            return Some(out);
        }
        let take = size.min(body.len());
        out.extend_from_slice(&body[..take]);
        body = &body[take..];
        // The CRLF after the chunk's data.
        body = body.strip_prefix(b"\r").unwrap_or(body);
        body = body.strip_prefix(b"\n").unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn head(lines: &[&str]) -> Result<Head, HttpError> {
        let lines: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
        Head::parse(&lines)
    }

    #[test]
    fn parses_status_type_and_encodings() {
        let parsed = head(&[
            "HTTP/1.1 200 OK\r\n",
            "Content-Type: text/HTML; charset=UTF-8\r\n",
            "transfer-encoding: chunked\r\n",
            "Content-Encoding: gzip\r\n",
        ])
        .expect("a valid head");
        assert_eq!(parsed.status, 200);
        assert_eq!(parsed.media_type.as_deref(), Some("text/html"));
        assert!(parsed.chunked);
        assert_eq!(parsed.codings, ["gzip"]);
        assert!(matches!(head(&["<html>"]), Err(HttpError::NoStatusLine(_))));
    }

    #[test]
    fn html_by_type_or_by_sniffing() {
        assert_eq!(is_html_type(Some("text/html")), Some(true));
        assert_eq!(is_html_type(Some("application/xhtml+xml")), Some(true));
        assert_eq!(is_html_type(Some("image/png")), Some(false));
        assert_eq!(is_html_type(None), None);
        assert!(sniff_html(b"\xef\xbb\xbf\n  <!DOCTYPE html><html>"));
        assert!(sniff_html(b"<p>hello"));
        assert!(!sniff_html(b"<base href=x>"));
        assert!(!sniff_html(b"\x89PNG\r\n"));
        assert!(!sniff_html(b"{\"json\": 1}"));
    }

    #[test]
    fn undoes_chunks_then_gzip() {
        let page = b"<html><body><p>Hello, chunked world.</p></body></html>";
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(page).expect("write to a Vec");
        let gz = gz.finish().expect("finish to a Vec");
        let (a, b) = gz.split_at(10);
        let mut chunked = format!("{:x};ext=1\r\n", a.len()).into_bytes();
        chunked.extend_from_slice(a);
        chunked.extend_from_slice(format!("\r\n{:X}\r\n", b.len()).as_bytes());
        chunked.extend_from_slice(b);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let head = Head {
            status: 200,
            chunked: true,
            codings: vec!["gzip".into()],
            ..Head::default()
        };
        assert_eq!(
            decode_body(&head, chunked, 1 << 20).as_deref(),
            Ok(&page[..])
        );
        // Stored already decoded, headers kept: taken as it is.
        assert_eq!(
            decode_body(&head, page.to_vec(), 1 << 20).as_deref(),
            Ok(&page[..])
        );
        // A gzip bomb stops at the limit.
        assert_eq!(
            decode_body(&head, gz, 10),
            Err(HttpError::TooLarge { limit: 10 })
        );
        let brotli = Head {
            codings: vec!["br".into()],
            ..Head::default()
        };
        assert!(matches!(
            decode_body(&brotli, b"x".to_vec(), 10),
            Err(HttpError::UnsupportedCoding(c)) if c == "br"
        ));
    }
}
