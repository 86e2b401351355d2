//! Loading the evaluation pages for the benchmarks (read and gunzipped once,
//! outside any timing). Each bench uses what it needs of it.
#![allow(dead_code)]

use flate2::read::GzDecoder;
use std::io::Read;
use std::path::Path;

/// Every page of `tests/data/<set>/html/*.html.gz`, decompressed, by file name.
pub fn pages(set: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(set)
        .join("html");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let file = std::fs::File::open(path).expect("page file");
            let mut html = String::new();
            GzDecoder::new(file)
                .read_to_string(&mut html)
                .expect("gzipped UTF-8 page");
            html
        })
        .collect()
}

/// Total bytes of `pages`.
pub fn total_bytes(pages: &[String]) -> u64 {
    pages.iter().map(|p| p.len() as u64).sum()
}
