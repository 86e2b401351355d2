//! Peak heap memory of one extraction, against the page's size.
//!
//! ```sh
//! cargo run --release --example memory -- tests/data/scrapinghub tests/data/trafilatura-eval
//! cargo run --release --example memory -- --generate 50    # a 50 MB generated article page
//! ```
//!
//! A counting global allocator records the most bytes live at once while
//! `extract_bytes` runs, less what was live before (the page itself). For a
//! directory (of `.html` or `.html.gz` pages) it prints every page over 1 MB,
//! and the largest page, then the most tree nodes and the longest article
//! text of any page (what the default limits must let through). Issue 8's
//! bound: at most 8x the page's size.

#[path = "../tests/support/shapes.rs"]
mod shapes;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counts live heap bytes and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = System.realloc(p, layout, new_size);
        if !q.is_null() {
            if new_size >= layout.size() {
                let grown = new_size - layout.size();
                let live = LIVE.fetch_add(grown, Relaxed) + grown;
                PEAK.fetch_max(live, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Pages at least this large are held to the bound (issue 8).
const LARGE_PAGE: usize = 1_000_000;

/// Issue 8's bound on peak memory, as a multiple of the page's size.
const BOUND: f64 = 8.0;

/// Peak bytes allocated by one extraction beyond what was live before it.
/// Also whether it succeeded, and the article text's length.
fn peak_of(extractor: &unboil::Extractor, page: &[u8]) -> (usize, bool, usize) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let result = extractor.extract(unboil::Input::html_bytes(page));
    let peak = PEAK.load(Relaxed) - before;
    let text = result.as_ref().map(|a| a.text.len()).unwrap_or(0);
    (peak, result.is_ok(), text)
}

fn read_page(path: &Path) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut html)?;
        Ok(html)
    } else {
        Ok(raw)
    }
}

fn report(name: &str, size: usize, peak: usize, ok: bool) {
    let ratio = peak as f64 / size.max(1) as f64;
    let verdict = if size < LARGE_PAGE || ratio <= BOUND {
        "ok"
    } else {
        "OVER"
    };
    println!(
        "{name:<24} {:>9.2} MB {:>9.2} MB {ratio:>6.2}x {verdict}{}",
        size as f64 / 1e6,
        peak as f64 / 1e6,
        if ok { "" } else { " (error)" }
    );
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let extractor = unboil::Extractor::default();
    println!(
        "{:<24} {:>12} {:>12} {:>7}",
        "page", "size", "peak heap", "ratio"
    );
    if args.first().map(String::as_str) == Some("--generate") {
        let mb: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(50);
        let page = shapes::huge_page(mb * 1_000_000).into_bytes();
        let (peak, ok, _) = peak_of(&extractor, &page);
        report(&format!("generated {mb} MB page"), page.len(), peak, ok);
        return Ok(());
    }
    for dir in &args {
        let mut largest = (0, 0, String::new());
        let mut worst = 0.0f64;
        let (mut most_nodes, mut longest_text) = (0, 0);
        let mut entries: Vec<_> = std::fs::read_dir(Path::new(dir).join("html"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            let page = read_page(&path)?;
            let (peak, ok, text) = peak_of(&extractor, &page);
            longest_text = longest_text.max(text);
            most_nodes = most_nodes.max(unboil::parse_only(&String::from_utf8_lossy(&page)));
            let name: String = path
                .file_name()
                .map(|n| n.to_string_lossy().chars().take(16).collect())
                .unwrap_or_default();
            if page.len() >= LARGE_PAGE {
                worst = worst.max(peak as f64 / page.len() as f64);
                report(&name, page.len(), peak, ok);
            }
            if page.len() > largest.0 {
                largest = (page.len(), peak, name);
            }
        }
        println!("{dir}: largest page {}", largest.2);
        report("  largest", largest.0, largest.1, true);
        println!("{dir}: worst ratio over pages of 1 MB or more: {worst:.2}x");
        println!("{dir}: most tree nodes {most_nodes}, longest article text {longest_text} bytes");
    }
    Ok(())
}
