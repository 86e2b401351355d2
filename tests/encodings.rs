//! A real page from the evaluation set, replayed in the encodings legacy pages
//! use, with the charset declared and without (detection only), must come out
//! of `extract_bytes` with its non-ASCII sentences intact.

use encoding_rs::{Encoding, EUC_JP, EUC_KR, GBK, KOI8_R, SHIFT_JIS, WINDOWS_1251, WINDOWS_1252};
use std::io::Read;
use unboil::{extract_bytes, Error};

/// An English news page (sciencealert.com) whose head declares
/// `<meta http-equiv="content-type" content="text/html; charset=utf-8">`.
const PAGE: &str = "tests/data/scrapinghub/html/\
    14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f.html.gz";
const META: &str = r#"<meta http-equiv="content-type" content="text/html; charset=utf-8">"#;

const FRENCH: &[&str] = &[
    "Les élèves ont déjà commencé à préparer la fête de l'été, où ils dégusteront des crêpes.",
    "Le maître d'hôtel a reçu un prix pour son œuvre à Noël.",
];
const GERMAN: &[&str] = &[
    "Die Bürger äußerten Verständnis für die Maßnahmen, während die Straßen gesperrt wurden.",
    "Über die Größe der Schäden wird morgen früh entschieden.",
];
const JAPANESE: &[&str] = &[
    "東京の天気は明日から崩れる見込みで、気象庁は大雨への警戒を呼びかけています。",
    "私たちは新しい図書館で日本の歴史について学びました。",
];
const CHINESE: &[&str] = &[
    "北京市政府今天宣布，将在明年春季开放新的城市公园。",
    "专家表示，这项计划有助于改善居民的生活质量。",
];
const KOREAN: &[&str] = &[
    "서울시는 내년부터 대중교통 요금을 인하하기로 결정했다고 밝혔다.",
    "시민들은 이번 조치를 환영하며 더 많은 지원을 기대하고 있다.",
];
const RUSSIAN: &[&str] = &[
    "Москва готовится к зиме: городские службы проверяют отопление в жилых домах.",
    "Жители надеются, что морозы не будут слишком сильными в этом году.",
];

/// The page as a template: its charset declaration replaced by `{meta}`,
/// and its body by a small article page whose paragraphs go in `{text}`.
fn template() -> String {
    let mut html = String::new();
    flate2::read::GzDecoder::new(&std::fs::read(PAGE).expect("evaluation page")[..])
        .read_to_string(&mut html)
        .expect("gzip of UTF-8");
    assert_eq!(html.matches(META).count(), 1, "the page's own declaration");
    let html = html.replacen(META, "{meta}", 1);
    let body = html.find("<body").expect("a body");
    format!(
        "{}<body><nav><a href=/>Home</a> <a href=/a>Archive</a> <a href=/b>About</a></nav>\
         <article>{{text}}</article><footer><a href=/c>Contact</a></footer></body></html>",
        &html[..body]
    )
}

/// The page with `sentences` as paragraphs, declaring `label` if given.
fn page(template: &str, sentences: &[&str], label: Option<&str>) -> String {
    let meta = label.map_or(String::new(), |label| {
        format!(r#"<meta http-equiv="Content-Type" content="text/html; charset={label}">"#)
    });
    assert!(
        template.find("{meta}").expect("slot") < 1000,
        "declared early"
    );
    // Each language constant holds two sentences, so pairs are languages:
    // one paragraph per language, said twice to make it prose-long.
    let text: String = sentences
        .chunks(2)
        .map(|pair| {
            let p = pair.join(" ");
            format!("<p>{p} {p}</p>\n")
        })
        .collect();
    template
        .replacen("{meta}", &meta, 1)
        .replacen("{text}", &text, 1)
}

/// Encode in a legacy encoding; the sentences themselves must be mappable
/// (the page's own curly quotes may become numeric references).
fn encode(encoding: &'static Encoding, html: &str, sentences: &[&str]) -> Vec<u8> {
    for s in sentences {
        let (_, used, unmappable) = encoding.encode(s);
        assert!(
            used == encoding && !unmappable,
            "{s} in {}",
            encoding.name()
        );
    }
    encoding.encode(html).0.into_owned()
}

fn utf16(html: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let bom = if bom { Some('\u{FEFF}') } else { None };
    let units = bom.into_iter().chain(html.chars()).collect::<String>();
    units
        .encode_utf16()
        .flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

fn assert_extracts(bytes: &[u8], sentences: &[&str], case: &str) {
    let article = extract_bytes(bytes).unwrap_or_else(|e| panic!("{case}: {e}"));
    for s in sentences {
        assert!(
            article.text.contains(s),
            "{case}: lost {s}\nextracted: {}",
            article.text
        );
    }
    assert!(
        !article.text.contains('\u{FFFD}'),
        "{case}: replacement characters"
    );
}

#[test]
fn legacy_encodings_declared_and_detected() {
    let template = template();
    let western: Vec<&str> = FRENCH.iter().chain(GERMAN).copied().collect();
    let cases: &[(&'static Encoding, &str, &[&str])] = &[
        (WINDOWS_1252, "windows-1252", &western),
        (WINDOWS_1252, "iso-8859-1", &western),
        (SHIFT_JIS, "Shift_JIS", JAPANESE),
        (EUC_JP, "EUC-JP", JAPANESE),
        (GBK, "gbk", CHINESE),
        (GBK, "gb2312", CHINESE),
        (EUC_KR, "euc-kr", KOREAN),
        (WINDOWS_1251, "windows-1251", RUSSIAN),
        (KOI8_R, "koi8-r", RUSSIAN),
    ];
    for &(encoding, label, sentences) in cases {
        let declared = encode(
            encoding,
            &page(&template, sentences, Some(label)),
            sentences,
        );
        assert_extracts(&declared, sentences, &format!("{label} declared"));
        let bare = encode(encoding, &page(&template, sentences, None), sentences);
        assert_extracts(&bare, sentences, &format!("{label} detected"));
    }
}

#[test]
fn utf16_with_and_without_bom() {
    let template = template();
    let all: Vec<&str> = [FRENCH, GERMAN, JAPANESE, CHINESE, KOREAN, RUSSIAN].concat();
    for label in [Some("utf-16"), None] {
        let html = page(&template, &all, label);
        for (le, bom, case) in [
            (true, true, "UTF-16LE with BOM"),
            (false, true, "UTF-16BE with BOM"),
            (true, false, "UTF-16LE without BOM"),
            (false, false, "UTF-16BE without BOM"),
        ] {
            assert_extracts(&utf16(&html, le, bom), &all, &format!("{case}, {label:?}"));
        }
    }
}

#[test]
fn utf8_declared_undeclared_and_under_a_lying_meta() {
    let template = template();
    let all: Vec<&str> = [FRENCH, GERMAN, JAPANESE, CHINESE, KOREAN, RUSSIAN].concat();
    for label in [Some("utf-8"), None, Some("windows-1252"), Some("koi8-r")] {
        let html = page(&template, &all, label);
        assert_extracts(html.as_bytes(), &all, &format!("UTF-8, {label:?}"));
        let with_bom = [&b"\xef\xbb\xbf"[..], html.as_bytes()].concat();
        assert_extracts(&with_bom, &all, &format!("UTF-8 with BOM, {label:?}"));
    }
}

#[test]
fn binary_and_empty_inputs_are_refused() {
    let gzip = std::fs::read(PAGE).expect("evaluation page");
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06";
    let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    for (bytes, kind) in [
        (&gzip[..], "gzip"),
        (&png[..], "PNG image"),
        (&pdf[..], "PDF document"),
    ] {
        match extract_bytes(bytes) {
            Err(Error::BinaryInput { kind: found }) => assert_eq!(found.name(), kind),
            other => panic!("{kind}: expected BinaryInput, got {other:?}"),
        }
    }
    assert_eq!(extract_bytes(b""), Err(Error::EmptyInput));
}
