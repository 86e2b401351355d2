//! Property test over random and mutated real pages: whatever the bytes,
//! every entry point returns (text or an error), never panics, and the HTML
//! output stays free of script. A seeded generator, so a failure is
//! reproducible: the failing input is written to the target's temp directory
//! and its case number printed. `fuzz/` runs the same entry points under
//! libFuzzer for longer.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// Real pages mutated, and random inputs made, per run. Release builds run
/// in about two seconds; debug builds do a tenth.
const CASES: usize = if cfg!(debug_assertions) { 20 } else { 200 };

/// How many of the evaluation pages serve as seeds.
const SEED_PAGES: usize = 12;

/// Seed pages are cut to this many bytes: enough for a head, navigation and
/// the start of the article, small enough for hundreds of cases a second
/// (the text front end, fed HTML, reads it at about 3 MB/s).
const SEED_BYTES: usize = 32 * 1024;

/// Markup fragments that steer the parser into its rarer states.
const FRAGMENTS: &[&[u8]] = &[
    b"<",
    b">",
    b"</",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"<!DOCTYPE html>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<textarea>",
    b"<title>",
    b"<plaintext>",
    b"<template>",
    b"<table>",
    b"<tr>",
    b"<td>",
    b"<select>",
    b"<option>",
    b"<frameset>",
    b"<svg>",
    b"<math>",
    b"<foreignObject>",
    b"<b>",
    b"</b>",
    b"<a href=x>",
    b"</a>",
    b"<p>",
    b"</div>",
    b"<br>",
    b"<li>",
    b"<h1>",
    b"&#",
    b"&amp",
    b"&#x10FFFF;",
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\r\n",
    b"<meta charset=shift_jis>",
    b"<meta charset=utf-16>",
    b"\"",
    b"'",
    b"=",
    b"<nav>",
    b"<article>",
    b"<aside class=related>",
];

/// xorshift64*: small, fast and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seed_pages() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scrapinghub/html");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the scrapinghub pages")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .step_by(paths.len() / SEED_PAGES)
        .take(SEED_PAGES)
        .map(|p| {
            let mut html = Vec::new();
            let file = std::fs::File::open(p).expect("open a page");
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut html)
                .expect("gunzip a page");
            html.truncate(SEED_BYTES);
            html
        })
        .collect()
}

/// A few random edits: flip, delete, duplicate, insert fragments, truncate,
/// or splice in another page.
fn mutate(rng: &mut Rng, page: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = page.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if at < out.len() => out[at] ^= 1 << rng.below(8),
            1 => {
                let end = (at + rng.below(4096)).min(out.len());
                out.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(4096)).min(out.len());
                let chunk = out[at..end].to_vec();
                out.splice(
                    at..at,
                    chunk
                        .iter()
                        .cycle()
                        .take(chunk.len() * (1 + rng.below(8)))
                        .copied(),
                );
            }
            3 => {
                for _ in 0..1 + rng.below(64) {
                    let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                    let at = rng.below(out.len() + 1);
                    out.splice(at..at, fragment.iter().copied());
                }
            }
            4 => out.truncate(at),
            _ => {
                let from = rng.below(other.len());
                let end = (from + rng.below(4096)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
        }
    }
    out
}

/// Random bytes, or a random soup of fragments and words.
fn random_input(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(20_000);
    if rng.below(2) == 0 {
        (0..len).map(|_| rng.next() as u8).collect()
    } else {
        let mut out = Vec::with_capacity(len);
        while out.len() < len {
            match rng.below(3) {
                0 => out.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len())]),
                _ => out.extend_from_slice(b"the quick brown fox jumps over the lazy dog. "),
            }
        }
        out
    }
}

/// Every entry point on `bytes`; panics on an unsafe HTML rendering.
fn exercise(extractor: &unboil::Extractor, bytes: &[u8]) {
    if let Ok(article) = extractor.extract(unboil::Input::html_bytes(bytes)) {
        // Bare structural tags only: no attributes, no script.
        let html = article.to_html();
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or_default();
            let name = tag.trim_start_matches('/');
            assert!(
                name.bytes().all(|b| b.is_ascii_alphanumeric()) && name != "script",
                "tag <{tag}> in {html}"
            );
        }
        let _ = article.to_markdown();
    }
    if let Ok(explanation) = extractor.explain(unboil::Input::html_bytes(bytes)) {
        let _ = explanation.to_html();
    }
    let _ = extractor.extract(unboil::Input::text_bytes(bytes));
    let text = String::from_utf8_lossy(bytes);
    let _ = extractor.extract(&text);
    let _ = extractor.extract(unboil::Input::text(&text));
}

#[test]
fn random_and_mutated_pages_never_panic() {
    let pages = seed_pages();
    let extractor = unboil::Extractor::default();
    let mut rng = Rng(0x005E_ED0F_0B01_u64);
    for case in 0..CASES {
        let input = if case % 4 == 3 {
            random_input(&mut rng)
        } else {
            let page = &pages[rng.below(pages.len())];
            let other = &pages[rng.below(pages.len())];
            mutate(&mut rng, page, other)
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| exercise(&extractor, &input)));
        if outcome.is_err() {
            let path =
                Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("random_page_{case}.html"));
            let _ = std::fs::write(&path, &input);
            panic!("case {case} panicked; its input is in {}", path.display());
        }
    }
}
