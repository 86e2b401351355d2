//! Pathological pages (issue 7): each completes with text or a clear error.
//!
//! Sizes are the in release builds, a tenth of them in debug builds
//! (ten times slower). The 50 MB page is 10 MB here unless
//! `UNBOIL_FULL_SIZE=1` is set; `benches/linearity.rs` times every shape at
//! two sizes and `examples/memory.rs --generate 50` measures the 50 MB page.

mod support;

use support::shapes::{self, PROSE};
use unboil::{Error, Extractor};

/// `n` at the size in release builds, a tenth in debug builds.
fn size(n: usize) -> usize {
    if cfg!(debug_assertions) {
        n / 10
    } else {
        n
    }
}

/// The words every generated page's kept text must show.
const EXPECTED: &str = "the new rules would take effect";

fn assert_text(html: &str) {
    let article = Extractor::default()
        .extract(html)
        .unwrap_or_else(|e| panic!("expected text, got the error: {e}"));
    assert!(
        article.text.contains(EXPECTED),
        "text lost: {:.200}",
        article.text
    );
}

fn assert_text_bytes(bytes: &[u8]) -> unboil::Article {
    let article = unboil::extract_bytes(bytes)
        .unwrap_or_else(|e| panic!("expected text, got the error: {e}"));
    assert!(!article.text.is_empty(), "no text");
    article
}

#[test]
fn a_hundred_thousand_nested_elements_keep_their_text() {
    assert_text(&shapes::deep_div(size(100_000)));
    assert_text(&shapes::deep_div_unclosed(size(100_000)));
    assert_text(&shapes::deep_table(size(100_000)));
    assert_text(&shapes::deep_b_distinct(size(100_000)));
}

#[test]
fn a_million_sibling_elements_complete() {
    let article = Extractor::default()
        .extract(&shapes::wide(size(1_000_000)))
        .expect("a page of siblings");
    assert!(article.text.starts_with("a b"));
}

#[test]
fn a_large_page_keeps_its_article() {
    let mb = match std::env::var("UNBOIL_FULL_SIZE").as_deref() {
        Ok("1") => 50,
        _ => 10,
    };
    let html = shapes::huge_page(size(mb * 1_000_000));
    let article = Extractor::default().extract(&html).expect("a large page");
    assert!(article.text.contains(EXPECTED));
    assert!(!article.text.contains("All rights reserved"));
    // Over the default input limit: refused, and the message names the option.
    let small = Extractor::builder().max_input_bytes(html.len() - 1).build();
    let err = small
        .extract(unboil::Input::html_bytes(html.as_bytes()))
        .unwrap_err();
    assert!(err.to_string().contains("max_input_bytes"), "{err}");
}

#[test]
fn one_ten_megabyte_text_node_is_kept() {
    let html = shapes::long_text(size(10_000_000));
    let article = Extractor::default().extract(&html).expect("one text node");
    assert!(article.text.len() > html.len() / 2);
}

#[test]
fn a_hundred_thousand_links_complete() {
    let html = shapes::many_links(size(100_000));
    assert_text(&html);
}

#[test]
fn tokenizer_heavy_shapes_complete() {
    assert_text(&shapes::many_attributes(size(200_000)));
    assert_text(&shapes::many_tag_names(size(200_000)));
    assert_text(&shapes::many_comments(size(200_000)));
    assert_text(&shapes::many_references(size(200_000)));
}

#[test]
fn misnested_and_foster_parented_markup_keeps_its_text() {
    assert_text(&shapes::misnested_formatting(size(20_000)));
    assert_text(&shapes::foster_parented(size(100_000)));
    // Every word there is link text, rightly dropped: the text must still be
    // in the page's blocks.
    let explanation = Extractor::default()
        .explain(&shapes::deep_a(size(100_000)))
        .expect("nested links");
    assert!(explanation.blocks.iter().any(|b| b.text.contains(EXPECTED)));
}

#[test]
fn unclosed_tags_comments_and_cdata_complete() {
    let para = format!("<p>{PROSE}</p>");
    let pages = [
        format!("{para}<div><span><a href=x>unclosed {PROSE}"),
        format!("{para}<!-- a comment never closed {PROSE}"),
        format!("{para}<![CDATA[ never closed {PROSE}"),
        format!("{para}<svg><![CDATA[ never closed {PROSE}"),
        format!("{para}<script>never closed {PROSE}"),
        format!("{para}<style>never closed {PROSE}"),
        format!("{para}<textarea>never closed {PROSE}"),
        format!("{para}<title>never closed {PROSE}"),
        format!("{para}<plaintext>{PROSE}"),
        format!("{para}<p class=\"never closed {PROSE}"),
        format!("{para}<!DOCTYPE"),
        format!("{para}<"),
        format!("{para}</"),
        format!("{para}&#x1F4A9&#xFFFFFFFF;&#0;&"),
        // Everything after an unclosed comment or script is inside it.
        para.clone() + &"<!--".repeat(10_000) + &para,
        para.clone() + &"<script>".repeat(10_000) + &para,
        format!("{para}{}", "<p".repeat(10_000)),
    ];
    for page in &pages {
        let result = Extractor::default().extract(page);
        let article = result.unwrap_or_else(|e| panic!("{e} on {page:.80}"));
        assert!(article.text.contains(EXPECTED), "lost text of {page:.80}");
    }
}

#[test]
fn nul_bytes_complete() {
    let page = format!("<p>{PROSE}\0{PROSE}</p><p a\0b=\"\0\">\0</p><\0p>{PROSE}\0").repeat(1000);
    assert_text(&page);
    assert_text_bytes(page.as_bytes());
    // Nothing but NUL bytes: no text as a string, binary data as bytes.
    let nuls = "\0".repeat(100_000);
    assert!(unboil::extract(&nuls).is_ok());
    assert!(matches!(
        unboil::extract_bytes(nuls.as_bytes()),
        Err(Error::BinaryInput { .. })
    ));
}

#[test]
fn invalid_utf8_is_replaced_not_refused() {
    let mut page = format!("<p>{PROSE}</p><p>").into_bytes();
    page.extend_from_slice(b"\xff\xfe\xc3\x28 \xe2\x82 \xf0\x28\x8c\xbc caf\xe9 \xc0\xaf");
    page.extend_from_slice(format!("</p><p>{PROSE}").as_bytes());
    page.extend_from_slice(b"\xe2\x82"); // a sequence cut off at the end
    let article = assert_text_bytes(&page);
    assert!(article.text.contains(EXPECTED));
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        let bytes = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&bytes);
    }
    out
}

#[test]
fn utf16_with_and_without_a_bom_is_decoded() {
    let page = format!("<html><body><p>{PROSE} Grüße, naïve café.</p></body></html>");
    for big_endian in [false, true] {
        for bom in [true, false] {
            let article = assert_text_bytes(&utf16(&page, big_endian, bom));
            assert!(
                article.text.contains("Grüße, naïve café"),
                "be={big_endian} bom={bom}: {}",
                article.text
            );
        }
    }
}

#[test]
fn a_lying_meta_charset_does_not_garble_or_stop_the_page() {
    let body = format!("<p>{PROSE} Grüße aus Köln.</p>");
    // Declares UTF-8, is windows-1252.
    let mut latin1 = b"<meta charset=\"utf-8\"><p>".to_vec();
    latin1.extend_from_slice(PROSE.as_bytes());
    latin1.extend_from_slice(b" Gr\xfc\xdfe aus K\xf6ln.</p>");
    // Declares Shift_JIS, UTF-16 or nonsense; is UTF-8.
    let lies = [
        format!("<meta charset=\"shift_jis\">{body}"),
        format!("<meta charset=\"utf-16\">{body}"),
        format!("<meta http-equiv=Content-Type content=\"text/html; charset=x-bogus\">{body}"),
        format!("<meta charset=\"utf-8\"><meta charset=\"big5\">{body}"),
    ];
    let mut pages = vec![latin1];
    pages.extend(lies.iter().map(|p| p.clone().into_bytes()));
    for page in &pages {
        let article = assert_text_bytes(page);
        assert!(article.text.contains(EXPECTED), "{}", article.text);
        // Readable either way: never the replacement character for the umlauts.
        assert!(!article.text.contains('\u{FFFD}'), "{}", article.text);
    }
}

/// Binary files, by their first bytes and a body of noise.
fn binary(magic: &[u8]) -> Vec<u8> {
    let mut out = magic.to_vec();
    let mut x: u32 = 0x9E37_79B9;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out.push(x.to_le_bytes()[0]);
    }
    out
}

#[test]
fn binary_files_are_refused_with_a_clear_error() {
    let files = [
        ("PNG", binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")),
        ("PDF", binary(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")),
        ("gzip", binary(b"\x1f\x8b\x08\0\0\0\0\0\0\x03")),
    ];
    for (name, bytes) in &files {
        for result in [
            unboil::extract_bytes(bytes),
            Extractor::default().extract(unboil::Input::text_bytes(bytes)),
        ] {
            match result {
                Err(Error::BinaryInput { kind }) => {
                    let message = Error::BinaryInput { kind }.to_string();
                    assert!(message.contains("binary"), "{name}: {message}");
                }
                other => panic!("{name}: expected BinaryInput, got {other:?}"),
            }
        }
    }
}
