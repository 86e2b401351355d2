//! Writing small WARC archives (ISO 28500, WARC/1.0) of saved pages, for the
//! tests and the Spark smoke test (`examples/make_warc.rs`).
//!
//! An archive is a `warcinfo` record, then for each page a `request` record
//! and a `response` record holding the HTTP response (status line, headers,
//! body), and one `image/png` response that extraction must skip. With
//! `gzip`, each record is its own gzip member, as crawlers write them.

#![allow(dead_code)] // each user takes what it needs

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

/// How a response's body is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    /// As is, with a Content-Length.
    Plain,
    /// Gzip content-encoding, then chunked transfer-encoding, as on the wire.
    ChunkedGzip,
}

/// One WARC record: header fields, then `block`, then the two CRLFs.
pub fn record(warc_type: &str, url: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"WARC/1.0\r\n");
    out.extend_from_slice(format!("WARC-Type: {warc_type}\r\n").as_bytes());
    out.extend_from_slice(b"WARC-Date: 2024-05-01T12:00:00Z\r\n");
    let id = 0x1000 + out.len() + block.len();
    out.extend_from_slice(
        format!("WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:012x}>\r\n").as_bytes(),
    );
    if let Some(url) = url {
        out.extend_from_slice(format!("WARC-Target-URI: {url}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// The `warcinfo` record that opens an archive.
pub fn warcinfo() -> Vec<u8> {
    let info = b"software: unboil tests\r\nformat: WARC File Format 1.0\r\n";
    record("warcinfo", None, "application/warc-fields", info)
}

/// A `request` record for `url`.
pub fn request(url: &str) -> Vec<u8> {
    let host = url.split('/').nth(2).unwrap_or("example.com");
    let path = url.splitn(4, '/').nth(3).unwrap_or("");
    let http = format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: unboil-test\r\n\r\n");
    record(
        "request",
        Some(url),
        "application/http; msgtype=request",
        http.as_bytes(),
    )
}

/// A `response` record for `url`: an HTTP response of `content_type` with `body`.
pub fn response(url: &str, content_type: &str, body: &[u8], stored: Body) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n").into_bytes();
    match stored {
        Body::Plain => {
            http.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
            http.extend_from_slice(body);
        }
        Body::ChunkedGzip => {
            http.extend_from_slice(b"Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
            for chunk in gzip(body).chunks(1000) {
                http.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                http.extend_from_slice(chunk);
                http.extend_from_slice(b"\r\n");
            }
            http.extend_from_slice(b"0\r\n\r\n");
        }
    }
    record(
        "response",
        Some(url),
        "application/http; msgtype=response",
        &http,
    )
}

/// A small PNG image's bytes (the signature and an IHDR chunk suffice).
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89";

/// One gzip member of `bytes`.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// An archive of `pages` (URL and HTML), as a list of records: `warcinfo`,
/// then a request and a response for each page, the last page's response
/// chunked and gzip-encoded, and a PNG response after the first page.
pub fn records(pages: &[(String, Vec<u8>)]) -> Vec<Vec<u8>> {
    let mut records = vec![warcinfo()];
    for (i, (url, html)) in pages.iter().enumerate() {
        records.push(request(url));
        let stored = if i + 1 == pages.len() {
            Body::ChunkedGzip
        } else {
            Body::Plain
        };
        records.push(response(url, "text/html; charset=utf-8", html, stored));
        if i == 0 {
            let image = format!("{url}/logo.png");
            records.push(request(&image));
            records.push(response(&image, "image/png", PNG, Body::Plain));
        }
    }
    records
}

/// The records joined into one archive, each record its own gzip member
/// when `compress` is set.
pub fn archive(records: &[Vec<u8>], compress: bool) -> Vec<u8> {
    records
        .iter()
        .flat_map(|record| {
            if compress {
                gzip(record)
            } else {
                record.clone()
            }
        })
        .collect()
}
