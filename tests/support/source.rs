//! Reading the library's own source, for the tests that check its shape
//! (`no_io.rs`: no I/O; `layers.rs`: imports follow the layer order).

#![allow(dead_code)] // each user takes what it needs

use std::path::{Path, PathBuf};

/// The crate's `src` directory.
pub fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every library source file under `src`: not the CLI (`src/bin`), not
/// unit-test files (`tests.rs`, anything in a `tests` directory), which may
/// read evaluation data and use any module.
pub fn library_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    collect(&src_dir(), true, &mut files);
    files.sort();
    files
}

fn collect(dir: &Path, is_src: bool, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("read a source directory");
    for entry in entries.map(|e| e.expect("a directory entry")) {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if (name == "bin" && is_src) || name == "tests" {
                continue;
            }
            collect(&path, false, out);
        } else if name.ends_with(".rs") && name != "tests.rs" {
            out.push(path);
        }
    }
}

/// The file's lines that are code, numbered from 1: doc and plain comment
/// lines are left out (they may name anything).
pub fn code_lines(code: &str) -> impl Iterator<Item = (usize, &str)> {
    code.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(n, line)| (n + 1, line))
}

/// The module path of a file under `src`: `html/parse/mod.rs` is
/// `["html", "parse"]`, `lib.rs` the root `[]`.
pub fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src_dir()).unwrap_or(file);
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" && stem != "lib" {
            parts.push(stem.to_string());
        }
    }
    parts
}

/// Every `crate::` or `super::` path in `line`, with `use` groups spread
/// out: `use crate::html::{dom::Dom, parse};` gives `crate html dom Dom`
/// and `crate html parse`. A group that spans lines is read as far as the
/// line goes.
pub fn crate_paths(line: &str) -> Vec<Vec<String>> {
    let bytes = line.as_bytes();
    let mut paths = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let starts = rest.starts_with(b"crate::") || rest.starts_with(b"super::");
        let after_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != b':';
        if starts && after_word {
            let mut at = i;
            paths.extend(tree(bytes, &mut at, Vec::new()));
            i = at.max(i + 1);
        } else {
            i += 1;
        }
    }
    paths
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn skip_space(bytes: &[u8], at: &mut usize) {
    while *at < bytes.len() && bytes[*at].is_ascii_whitespace() {
        *at += 1;
    }
}

/// One use tree from `at`: segments joined by `::`, ending in a name, `*`
/// or a `{…}` group of trees.
fn tree(bytes: &[u8], at: &mut usize, mut prefix: Vec<String>) -> Vec<Vec<String>> {
    loop {
        skip_space(bytes, at);
        if *at < bytes.len() && bytes[*at] == b'{' {
            *at += 1;
            let mut paths = Vec::new();
            loop {
                skip_space(bytes, at);
                match bytes.get(*at) {
                    None => return paths,
                    Some(b'}') => {
                        *at += 1;
                        return paths;
                    }
                    Some(b',') => *at += 1,
                    Some(_) => {
                        let before = *at;
                        paths.extend(tree(bytes, at, prefix.clone()));
                        if *at == before {
                            *at += 1;
                        }
                    }
                }
            }
        }
        let start = *at;
        while *at < bytes.len() && is_ident(bytes[*at]) {
            *at += 1;
        }
        if *at > start {
            let word = String::from_utf8_lossy(&bytes[start..*at]).into_owned();
            // `self` in a group names the group's own path.
            if word != "self" {
                prefix.push(word);
            }
        }
        if bytes[*at..].starts_with(b"::") && *at > start {
            *at += 2;
            continue;
        }
        // `as name` renames; it does not change what is imported.
        let mut after = *at;
        skip_space(bytes, &mut after);
        if bytes[after..].starts_with(b"as ") {
            *at = after + 3;
            skip_space(bytes, at);
            while *at < bytes.len() && is_ident(bytes[*at]) {
                *at += 1;
            }
        }
        return vec![prefix];
    }
}

/// Where a path found in module `from` points: `crate` and `super` are
/// resolved, the rest kept (`None` when `super` climbs past the root).
pub fn resolve(from: &[String], path: &[String]) -> Option<Vec<String>> {
    let mut segments = path.iter();
    let mut base: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => {
            segments.next();
            Vec::new()
        }
        _ => from.to_vec(),
    };
    let mut rest: Vec<String> = Vec::new();
    for segment in segments {
        if segment == "super" && rest.is_empty() {
            base.pop()?;
        } else {
            rest.push(segment.clone());
        }
    }
    base.extend(rest);
    Some(base)
}
