//! Differential tests: [`parse_limited`] (our tokenizer) must build exactly
//! the tree [`parse_reference`] builds (html5ever's own tokenizer in front of
//! the same guard, tree builder and arena).
//!
//! Trees are compared through [`dump`], one line per node, on hand-written
//! inputs aimed at the tokenizer's corners, on seeded random soups of the
//! same pieces, and on every page of the two evaluation sets.
//!
//! The random test takes `EQUIV_SEED` and `EQUIV_CASES` from the environment
//! for longer runs, e.g.
//! `EQUIV_SEED=7 EQUIV_CASES=1000000 cargo test --release --lib equivalence`.

use super::oracle::{dump, mismatch, parse_reference, Mismatch};
use crate::model::options::DEFAULT_MAX_DEPTH;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Limits every hand-written case runs under: the production default, and
/// small ones so that the depth guard and the node cap cut in mid-construct.
const LIMITS: [(usize, usize); 4] = [
    (DEFAULT_MAX_DEPTH, usize::MAX),
    (8, usize::MAX),
    (DEFAULT_MAX_DEPTH, 20),
    (8, 20),
];

// ---------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------

/// `None` when the parsers agree (as [`mismatch`] judges); otherwise a
/// report of the input and the first differing line.
fn difference(html: &str, max_depth: usize, max_nodes: usize) -> Option<String> {
    let Mismatch {
        ours: (ours, ours_over),
        reference: (reference, reference_over),
    } = mismatch(html, max_depth, max_nodes)?;
    let mut report = format!(
        "parse_limited and parse_reference differ (max_depth {max_depth}, max_nodes {max_nodes})\n\
         input ({} bytes): {}\n",
        html.len(),
        shorten_input(html)
    );
    if ours_over != reference_over {
        writeln!(
            report,
            "node limit hit: parse_limited {ours_over}, parse_reference {reference_over}"
        )
        .expect("writing to a String");
    }
    if ours != reference {
        report.push_str(&first_difference(&ours, &reference));
    }
    Some(report)
}

/// Panics with [`difference`]'s report when the two parsers disagree.
fn assert_same(html: &str, max_depth: usize, max_nodes: usize) {
    if let Some(report) = difference(html, max_depth, max_nodes) {
        panic!("{report}");
    }
}

/// `html` as `{:?}`, its middle left out when it is long.
fn shorten_input(html: &str) -> String {
    const HEAD: usize = 800;
    const TAIL: usize = 200;
    if html.len() <= HEAD + TAIL {
        return format!("{html:?}");
    }
    let head = &html[..floor_boundary(html, HEAD)];
    let tail = &html[floor_boundary(html, html.len() - TAIL)..];
    format!("{head:?} … {tail:?}")
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first line where two dumps differ, with a few lines around it.
fn first_difference(ours: &str, reference: &str) -> String {
    let ours: Vec<&str> = ours.lines().collect();
    let reference: Vec<&str> = reference.lines().collect();
    let at = ours
        .iter()
        .zip(&reference)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(reference.len()));
    let (a, b) = (
        ours.get(at).copied().unwrap_or(""),
        reference.get(at).copied().unwrap_or(""),
    );
    let column = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    format!(
        "first difference at dump line {} (byte {column} of the line):\n\
         parse_limited:\n{}parse_reference:\n{}",
        at + 1,
        context(&ours, at, column),
        context(&reference, at, column)
    )
}

/// Lines `at - 3 ..= at + 3` of a dump, line `at` marked and cut around
/// `column`, the others cut after their start.
fn context(lines: &[&str], at: usize, column: usize) -> String {
    const AROUND: usize = 3;
    let mut out = String::new();
    let first = at.saturating_sub(AROUND);
    for (n, line) in lines
        .iter()
        .enumerate()
        .skip(first)
        .take(at + AROUND + 1 - first)
    {
        let (marker, focus) = if n == at { ('>', column) } else { (' ', 0) };
        let line = shorten_line(line, focus);
        writeln!(out, "{marker}{:>7} {line}", n + 1).expect("writing to a String");
    }
    if at >= lines.len() {
        writeln!(out, ">{:>7} (end of dump)", at + 1).expect("writing to a String");
    }
    out
}

/// `line` cut to about 200 bytes around byte `focus`.
fn shorten_line(line: &str, focus: usize) -> String {
    const WIDTH: usize = 100;
    if line.len() <= 2 * WIDTH {
        return line.to_owned();
    }
    let start = floor_boundary(line, focus.saturating_sub(WIDTH));
    let end = floor_boundary(line, focus.saturating_add(WIDTH));
    let before = if start > 0 { "…" } else { "" };
    let after = if end < line.len() { "…" } else { "" };
    format!("{before}{}{after}", &line[start..end])
}

// ---------------------------------------------------------------------------
// Hand-written cases
// ---------------------------------------------------------------------------

// Inputs aimed at the tokenizer's corners, kept as data beside this file.
include!("cases.rs");

#[test]
fn hand_written_cases_parse_alike() {
    for html in CASES {
        for (max_depth, max_nodes) in LIMITS {
            assert_same(html, max_depth, max_nodes);
        }
    }
}

/// Long and deep inputs, built rather than written out.
fn built_cases() -> Vec<String> {
    let long_text = "x".repeat(70_000);
    vec![
        format!("{}x{}", "<div>".repeat(600), "</div>".repeat(600)),
        format!(
            "{}<script>a<b</script><title>t</title>y",
            "<div><span>".repeat(300)
        ),
        format!("{}<p>x</b>y", "<b>".repeat(50)),
        format!("{}x", "<table>".repeat(100)),
        format!("{}x", "<a>".repeat(100)),
        format!("{}<![CDATA[x]]>", "<svg>".repeat(20)),
        "&amp;".repeat(10_000),
        format!("{long_text}&notin<p>{long_text}</p>"),
        format!("<p title=\"{}\">x</p>", "é".repeat(5_000)),
        format!("<!--{long_text}-->x"),
        format!("<script>{long_text}<!--<script>{long_text}</script>"),
        format!("<textarea>{}</textarea>", "&lt;é".repeat(5_000)),
        "\r\n".repeat(10_000),
        "\0".repeat(10_000),
    ]
}

#[test]
fn built_cases_parse_alike() {
    for html in built_cases() {
        for (max_depth, max_nodes) in LIMITS {
            assert_same(&html, max_depth, max_nodes);
        }
    }
}

/// Nesting far past the default limit, with no limit at all: the tree is
/// thousands deep, so the dump must not recurse.
#[test]
fn unlimited_deep_nesting_parses_alike() {
    let html = format!("{}x{}", "<div>".repeat(3_000), "</div>".repeat(3_000));
    assert_same(&html, usize::MAX, usize::MAX);
}

// ---------------------------------------------------------------------------
// Random documents
// ---------------------------------------------------------------------------

/// The seed of the random test; `EQUIV_SEED` overrides it.
const SEED: u64 = 0x5eed_0fe9_0001;

/// How many random documents; `EQUIV_CASES` overrides it.
const RANDOM_CASES: u64 = 10_000;

/// Pieces the random documents are made of: the openers, closers and
/// references where tokenizer states change.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "<", ">", "</", "/>", "<!", "<!--", "-->", "--!>", "<!---->", "<?", "?>", "<![CDATA[", "]]>",
    "<!DOCTYPE html>", "<!DOCTYPE html PUBLIC \"", "<!doctype", " SYSTEM '", "<p>", "</p>", "<b>",
    "</b>", "<i>", "<a href=\"", "<a href='", "<a href=", "<div class=x>", "</div>", "<table>",
    "<tr>", "<td>", "</table>", "<select>", "<option>", "<template>", "</template>", "<svg>",
    "</svg>", "<math>", "<mi>", "<foreignObject>", "<script>", "</script>", "</script ", "<style>",
    "</style>", "<title>", "</title>", "<textarea>", "</textarea>", "<xmp>", "</xmp>", "<iframe>",
    "</iframe>", "<noembed>", "<noframes>", "<noscript>", "</noscript>", "<plaintext>", "<pre>",
    "<pre>\r\n", "<listing>\n", "<frameset>", "<br/>", "<img src=x", "&", "&amp", "&amp;", "&lt",
    "&not", "&notin;", "&notit;", "&copy=", "&#", "&#x", "&#65;", "&#x80;", "&#xD800;", "&#0;",
    "&#99999999999;", "\r\n", "\r", "\0", "\x0c", " a=b", " a='", " a=\"", "=", "é", "€", "😀",
];

/// Characters for the random runs between pieces.
#[rustfmt::skip]
const ALPHABET: &[char] = &[
    '<', '>', '/', '!', '-', '=', '&', '#', ';', '"', '\'', ' ', '\t', '\n', '\r', '\0', 'a', 'b',
    'c', 'x', 'X', 's', 'S', '[', ']', '?', 'é', '€', '😀',
];

/// Spliced windows of real pages per run (`EQUIV_SPLICES` overrides).
const SPLICE_CASES: u64 = 2_000;

/// SplitMix64: tiny, fast, and good enough to pick pieces.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A random document as its pieces: up to 16, each a piece from
/// [`PIECES`] or a short run from [`ALPHABET`].
fn random_pieces(rng: &mut SplitMix64) -> Vec<String> {
    (0..1 + rng.below(16))
        .map(|_| {
            if rng.below(5) < 3 {
                PIECES[rng.below(PIECES.len())].to_owned()
            } else {
                (0..1 + rng.below(6))
                    .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                    .collect()
            }
        })
        .collect()
}

/// Mostly the default limits; sometimes small ones.
fn random_limits(rng: &mut SplitMix64) -> (usize, usize) {
    match rng.below(8) {
        0 => (1 + rng.below(8), usize::MAX),
        1 => (DEFAULT_MAX_DEPTH, 3 + rng.below(30)),
        _ => (DEFAULT_MAX_DEPTH, usize::MAX),
    }
}

/// Drops pieces one at a time while the parsers still differ.
fn minimise(mut pieces: Vec<String>, max_depth: usize, max_nodes: usize) -> String {
    let mut i = 0;
    while i < pieces.len() {
        let mut fewer = pieces.clone();
        fewer.remove(i);
        if difference(&fewer.concat(), max_depth, max_nodes).is_some() {
            pieces = fewer;
        } else {
            i += 1;
        }
    }
    pieces.concat()
}

fn env_u64(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .parse()
            .unwrap_or_else(|e| panic!("{name}={value:?}: {e}")),
    )
}

#[test]
fn random_documents_parse_alike() {
    let seed = env_u64("EQUIV_SEED").unwrap_or(SEED);
    let cases = env_u64("EQUIV_CASES").unwrap_or(RANDOM_CASES);
    for case in 0..cases {
        // One generator per case, so a case reproduces on its own.
        let mut rng = SplitMix64(seed ^ case.wrapping_mul(0xd134_2543_de82_ef95));
        let pieces = random_pieces(&mut rng);
        let (max_depth, max_nodes) = random_limits(&mut rng);
        let html = pieces.concat();
        if difference(&html, max_depth, max_nodes).is_some() {
            let smallest = minimise(pieces, max_depth, max_nodes);
            let report = difference(&smallest, max_depth, max_nodes).unwrap_or_default();
            panic!(
                "random case {case} of seed {seed:#x} (EQUIV_SEED={seed}) differs\n\
                 full input: {}\nminimised:\n{report}",
                shorten_input(&html)
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Real pages
// ---------------------------------------------------------------------------

/// Every page of the two evaluation sets.
fn corpus_pages() -> Vec<PathBuf> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut pages = Vec::new();
    for dir in ["scrapinghub/html", "trafilatura-eval/html"] {
        let dir = data.join(dir);
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            pages.push(entry.expect("directory entry").path());
        }
    }
    pages.sort();
    pages
}

/// A page as the extractor parses it: gunzipped if need be, then decoded
/// by the extractor's own decode step.
fn read_page(path: &Path) -> String {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let bytes = if path.extension().is_some_and(|ext| ext == "gz") {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut bytes)
            .unwrap_or_else(|e| panic!("cannot gunzip {}: {e}", path.display()));
        bytes
    } else {
        raw
    };
    crate::html::decode::decode(&bytes)
        .unwrap_or_else(|e| panic!("cannot decode {}: {e}", path.display()))
        .into_owned()
}

/// Every page under the default limits; every 20th also under small ones.
#[test]
fn corpus_pages_parse_alike() {
    let pages = corpus_pages();
    assert!(pages.len() > 800, "only {} pages found", pages.len());
    for (i, path) in pages.iter().enumerate() {
        let html = read_page(path);
        let mut limits = vec![(DEFAULT_MAX_DEPTH, usize::MAX)];
        if i % 20 == 0 {
            limits.extend([(8, usize::MAX), (DEFAULT_MAX_DEPTH, 2_000)]);
        }
        for (max_depth, max_nodes) in limits {
            if let Some(report) = difference(&html, max_depth, max_nodes) {
                panic!("{}:\n{report}", path.display());
            }
        }
    }
}

/// Windows cut from real pages at random places (mid-tag, mid-attribute,
/// mid-script), with pieces spliced in: real markup in every broken state.
#[test]
fn spliced_page_windows_parse_alike() {
    let pages: Vec<String> = corpus_pages()
        .iter()
        .step_by(7)
        .map(|p| read_page(p))
        .collect();
    let seed = env_u64("EQUIV_SEED").unwrap_or(SEED);
    let cases = env_u64("EQUIV_SPLICES").unwrap_or(SPLICE_CASES);
    for case in 0..cases {
        let mut rng = SplitMix64(seed ^ case.wrapping_mul(0x2545_f491_4f6c_dd1d));
        let page = &pages[rng.below(pages.len())];
        let start = floor_boundary(page, rng.below(page.len().max(1)));
        let end = floor_boundary(page, start + 1 + rng.below(4096));
        let mut html = page[start..end].to_owned();
        for _ in 0..rng.below(4) {
            let at = floor_boundary(&html, rng.below(html.len() + 1));
            html.insert_str(at, PIECES[rng.below(PIECES.len())]);
        }
        let (max_depth, max_nodes) = random_limits(&mut rng);
        if let Some(report) = difference(&html, max_depth, max_nodes) {
            panic!("splice case {case} of seed {seed:#x} differs\n{report}");
        }
    }
}

/// The harness itself: different trees make different dumps, and the
/// report points at the first differing line.
#[test]
fn dump_tells_trees_apart() {
    let dump_of = |html: &str| dump(&parse_reference(html, DEFAULT_MAX_DEPTH, usize::MAX).0);
    let pairs = [
        ("<p>a</p>", "<p>b</p>"),
        ("<p a=1>", "<p a=2>"),
        ("<p a=1 b=2>", "<p b=2 a=1>"),
        ("<p><b>x</b></p>", "<p><b></b>x</p>"),
        ("<svg><a/></svg>", "<svg><a/></svg><a></a>"),
        ("<svg xlink:href=x>", "<svg href=x>"),
        ("<template>a</template>", "<template>b</template>"),
        ("<!--x--><p>", "<p>"),
    ];
    for (a, b) in pairs {
        assert_ne!(dump_of(a), dump_of(b), "{a:?} vs {b:?}");
    }
    let report = first_difference(&dump_of("<p>a</p><p>b</p>"), &dump_of("<p>a</p><p>c</p>"));
    assert!(report.contains(r#"#text "b""#), "{report}");
    assert!(report.contains(r#"#text "c""#), "{report}");
}
