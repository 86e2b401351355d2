//! Unit tests of the decode stage, one or more per rule of the decode order.

use super::*;
use encoding_rs::{EUC_JP, ISO_2022_JP, ISO_8859_2, KOI8_R, SHIFT_JIS, WINDOWS_1251, WINDOWS_1252};

fn text(bytes: &[u8]) -> String {
    decode(bytes).expect("decodes").into_owned()
}

/// The encoding `sniff` settles on (UTF-8 for borrowed text).
fn sniffed(bytes: &[u8]) -> &'static Encoding {
    match sniff(bytes).expect("not binary") {
        Sniffed::Utf8(_) => UTF_8,
        Sniffed::Encoded { encoding, .. } => encoding,
    }
}

fn encode(encoding: &'static Encoding, s: &str) -> Vec<u8> {
    let (bytes, used, unmappable) = encoding.encode(s);
    assert!(
        used == encoding && !unmappable,
        "{s} in {}",
        encoding.name()
    );
    bytes.into_owned()
}

const RUSSIAN: &str = "Москва готовится к зиме: городские службы проверяют отопление \
    в жилых домах, а жители надеются, что морозы не будут слишком сильными.";
const JAPANESE: &str = "東京の天気は明日から崩れる見込みで、気象庁は大雨への警戒を\
    呼びかけています。私たちは新しい図書館で日本の歴史について学びました。";

#[test]
fn empty_input_is_an_error() {
    assert_eq!(decode(b""), Err(Error::EmptyInput));
}

#[test]
fn valid_utf8_is_borrowed() {
    let page = "<p>Déjà vu, naïve café — 東京</p>".as_bytes();
    assert!(matches!(decode(page), Ok(Cow::Borrowed(s)) if s.as_bytes() == page));
}

#[test]
fn byte_order_mark_wins() {
    assert_eq!(text(b"\xef\xbb\xbfcaf\xc3\xa9"), "café");
    // Over a declaration that says otherwise.
    let page = b"\xef\xbb\xbf<meta charset=windows-1252>caf\xc3\xa9";
    assert_eq!(text(page), "<meta charset=windows-1252>café");
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("<p>été</p>".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(text(&le), "<p>été</p>");
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("<p>東京</p>".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(text(&be), "<p>東京</p>");
    // A byte-order mark alone is an empty page, left to the extractor.
    assert_eq!(text(b"\xef\xbb\xbf"), "");
}

#[test]
fn binary_magic_is_refused() {
    let cases: &[(&[u8], &str)] = &[
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"PK\x03\x04\x14\x00", "zip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
    ];
    for &(bytes, kind) in cases {
        let found = match decode(bytes) {
            Err(Error::BinaryInput { kind }) => kind.name(),
            _ => "not binary",
        };
        assert_eq!(found, kind);
    }
    // Too short for the magic, or a near miss: text.
    assert_eq!(text(b"%PD"), "%PD");
    assert_eq!(text(b"RIFF is not WEBP here"), "RIFF is not WEBP here");
}

#[test]
fn control_bytes_are_binary_but_stray_nuls_are_not() {
    let blob: Vec<u8> = (0u8..=255).cycle().take(600).map(|b| b % 32).collect();
    assert!(matches!(decode(&blob), Err(Error::BinaryInput { .. })));
    let page = b"<html><body>\0<p>A page\0 with a few\0 NUL bytes in it.</p>\0</body></html>";
    assert!(text(page).contains("A page\0 with a few"));
}

#[test]
fn utf16_without_bom_is_recognised_by_its_nuls() {
    let page = "<html><head><title>Новости</title></head><body><p>Привет, мир</p></body></html>";
    let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(sniffed(&le), UTF_16LE);
    assert_eq!(sniffed(&be), UTF_16BE);
    assert_eq!(text(&le), page);
    assert_eq!(text(&be), page);
}

#[test]
fn prescan_reads_meta_declarations() {
    let cases: &[(&str, &'static Encoding)] = &[
        (r#"<meta charset="windows-1251">"#, WINDOWS_1251),
        ("<META CHARSET=KOI8-R>", KOI8_R),
        ("<meta charset='shift_jis'/>", SHIFT_JIS),
        ("<meta/charset=euc-jp>", EUC_JP),
        (
            r#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">"#,
            SHIFT_JIS,
        ),
        (
            r#"<meta content='text/html;charset="koi8-r"' http-equiv=content-type>"#,
            KOI8_R,
        ),
        (
            "<meta http-equiv=Content-Type content=\"text/html; charset = windows-1251 \">",
            WINDOWS_1251,
        ),
        // Per the spec: a declared UTF-16 is UTF-8, x-user-defined is windows-1252.
        ("<meta charset=utf-16le>", UTF_8),
        ("<meta charset=x-user-defined>", WINDOWS_1252),
        // The first charset attribute counts.
        ("<meta charset=koi8-r charset=shift_jis>", KOI8_R),
        // After comments, other tags and odd attributes.
        (
            "<!-- <meta charset=shift_jis> --><html lang=ru><meta charset=koi8-r>",
            KOI8_R,
        ),
        ("<!--><meta charset=koi8-r>", KOI8_R),
        (
            r#"<a title="<meta charset=shift_jis>"><meta charset=koi8-r>"#,
            KOI8_R,
        ),
        (
            "<?php echo 1 ?></p><!doctype html><meta name=x charset=koi8-r>",
            KOI8_R,
        ),
    ];
    for &(head, encoding) in cases {
        assert_eq!(prescan(head.as_bytes()), Some(encoding), "{head}");
    }
    let none = [
        "<p>no declaration</p>",
        // content= without http-equiv=content-type declares nothing.
        r#"<meta content="text/html; charset=koi8-r">"#,
        r#"<meta http-equiv=refresh content="0; charset=koi8-r">"#,
        "<!-- <meta charset=koi8-r> -->",
        r#"<div data-x="<meta charset=koi8-r>"></div>"#,
        "<meta charset=no-such-encoding>",
        "<metaxcharset=koi8-r>",
        // Unsafe labels map to "replacement": left to detection.
        "<meta charset=iso-2022-kr>",
        // Cut off mid-tag.
        "<meta charset=koi8-r",
    ];
    for head in none {
        assert_eq!(prescan(head.as_bytes()), None, "{head}");
    }
}

#[test]
fn declaration_counts_only_in_the_first_1024_bytes() {
    let mut page = format!("<html><head><title>{}</title>", "x".repeat(1024)).into_bytes();
    page.extend_from_slice(b"<meta charset=windows-1251></head><body>");
    page.extend(encode(WINDOWS_1251, RUSSIAN));
    // Not declared in time: detected instead, still right.
    assert_eq!(sniffed(&page), WINDOWS_1251);
    let mut early = b"<meta charset=koi8-r>".to_vec();
    early.extend_from_slice(b"plain ascii page");
    assert_eq!(sniffed(&early), KOI8_R);
}

#[test]
fn xml_declaration_counts() {
    assert_eq!(
        xml_declared(br#"<?xml version="1.0" encoding="ISO-8859-2"?><html>"#),
        Some(ISO_8859_2)
    );
    assert_eq!(
        xml_declared(b"\n<?xml version='1.0' encoding='utf-16'?>"),
        Some(UTF_8)
    );
    assert_eq!(
        xml_declared(b"<?xml version='1.0'?><p>encoding='koi8-r'</p>"),
        None
    );
    assert_eq!(xml_declared(br#"<?xml encoding="koi8 r"?>"#), None);
    let mut page = br#"<?xml version="1.0" encoding="windows-1251"?><html><body>"#.to_vec();
    page.extend(encode(WINDOWS_1251, "Привет"));
    assert_eq!(
        text(&page),
        r#"<?xml version="1.0" encoding="windows-1251"?><html><body>Привет"#
    );
}

#[test]
fn declared_legacy_encoding_is_used() {
    let mut page = b"<meta charset=shift_jis><p>".to_vec();
    page.extend(encode(SHIFT_JIS, JAPANESE));
    assert_eq!(
        text(&page),
        format!("<meta charset=shift_jis><p>{JAPANESE}")
    );
    // ISO-2022-JP is 7-bit, so valid UTF-8: the declaration still decides.
    let mut page = b"<meta charset=iso-2022-jp><p>".to_vec();
    page.extend(encode(ISO_2022_JP, "日本語のページ"));
    assert!(text(&page).ends_with("日本語のページ"));
}

#[test]
fn valid_utf8_outweighs_a_lying_legacy_meta() {
    let page = "<meta charset=windows-1252><p>Die Bürger äußerten Verständnis.</p>";
    assert!(matches!(decode(page.as_bytes()), Ok(Cow::Borrowed(s)) if s == page));
    let page =
        r#"<meta http-equiv="content-type" content="text/html; charset=koi8-r"><p>Привет</p>"#;
    assert_eq!(text(page.as_bytes()), page);
}

#[test]
fn declared_utf8_over_legacy_bytes_is_detected() {
    let mut page = b"<meta charset=utf-8><p>".to_vec();
    page.extend(encode(WINDOWS_1251, RUSSIAN));
    assert_eq!(sniffed(&page), WINDOWS_1251);
    assert!(text(&page).contains(RUSSIAN));
}

#[test]
fn truncated_and_slightly_broken_utf8_stay_utf8() {
    // A download cut inside the last character: borrowed, less that character.
    let cut = "<p>Привет, мир".as_bytes();
    let cut = &cut[..cut.len() - 1];
    assert!(matches!(decode(cut), Ok(Cow::Borrowed("<p>Привет, ми"))));
    // One stray Latin-1 byte among plenty of UTF-8.
    let mut page = format!("<p>{RUSSIAN}</p><p>caf").into_bytes();
    page.extend_from_slice(b"\xe9</p>");
    let decoded = text(&page);
    assert!(decoded.contains(RUSSIAN) && decoded.contains("caf\u{FFFD}"));
}

#[test]
fn undeclared_legacy_bytes_are_detected() {
    for encoding in [WINDOWS_1251, KOI8_R] {
        let mut page = b"<html><body><p>".to_vec();
        page.extend(encode(encoding, RUSSIAN));
        // chardetng names KOI8-R text KOI8-U, its superset: same letters.
        assert!(text(&page).contains(RUSSIAN), "{}", encoding.name());
    }
    for encoding in [SHIFT_JIS, EUC_JP] {
        let mut page = b"<html><body><p>".to_vec();
        page.extend(encode(encoding, JAPANESE));
        assert_eq!(sniffed(&page), encoding);
        assert!(text(&page).contains(JAPANESE));
    }
    let page = b"<p>Les \xe9l\xe8ves ont d\xe9j\xe0 commenc\xe9 \xe0 pr\xe9parer la f\xeate.</p>";
    assert!(text(page).contains("Les élèves ont déjà commencé à préparer la fête."));
}

/// A small deterministic generator (xorshift64), so failures replay.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn any_bytes_are_safe() {
    // Byte alphabets that reach the different paths: anything at all, markup
    // that the prescan has to walk, high bytes for detection, NULs for UTF-16.
    let alphabets: [&[u8]; 4] = [
        &[],
        b"<>!-?/=\"' \tmetaMETAcharsetCHARSETcontenthttp-equivxmlencodingkoi8-r;",
        b"<p>\x80\x81\xa1\xb0\xc3\xc8\xe3\xe9\xef\xf0\xfe\xff ",
        b"\0\0\0<a\xff\xfe\xef\xbb\xbf",
    ];
    let prefixes: [&[u8]; 6] = [
        b"",
        b"<meta charset=",
        b"<?xml encoding='",
        b"\xef\xbb",
        b"RIFF",
        b"<!--",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..4000 {
        let len = (rng.next() % 1500) as usize;
        let alphabet = alphabets[round % alphabets.len()];
        let mut bytes = prefixes[(rng.next() % 6) as usize].to_vec();
        bytes.extend((0..len).map(|_| {
            let r = rng.next();
            if alphabet.is_empty() {
                r as u8
            } else {
                alphabet[(r % alphabet.len() as u64) as usize]
            }
        }));
        let _ = decode(&bytes);
        let _ = prescan(&bytes);
        let _ = xml_declared(&bytes);
    }
}
