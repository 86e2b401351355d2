//! The library never touches the network or the filesystem: only the CLI
//! (`src/bin`) reads files. A check on the source, so a change that adds
//! such a call fails here rather than in review.

use std::path::{Path, PathBuf};

/// What would reach the filesystem, the network or other processes.
const FORBIDDEN: &[&str] = &[
    "std::fs",
    "std::net",
    "std::process",
    "fs::",
    "net::",
    "File::",
    "OpenOptions",
    "TcpStream",
    "UdpSocket",
    "read_dir",
    "Command::new",
];

/// Crates that would do I/O on the library's behalf.
const FORBIDDEN_CRATES: &[&str] = &["reqwest", "ureq", "hyper", "curl", "tokio", "walkdir"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("read src");
    for entry in entries.map(|e| e.expect("a directory entry")) {
        let path = entry.path();
        if path.is_dir() {
            // The CLI is the one part allowed to read files; unit tests
            // (`#[cfg(test)] mod tests`) may read evaluation data.
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if (name == "bin" && dir.ends_with("src")) || name == "tests" {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

#[test]
fn library_source_uses_no_filesystem_network_or_processes() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} files", files.len());
    let mut found = Vec::new();
    for file in &files {
        let code = std::fs::read_to_string(file).expect("read a source file");
        for (n, line) in code.lines().enumerate() {
            // Doc and plain comments may mention files (examples read pages).
            if line.trim_start().starts_with("//") {
                continue;
            }
            for word in FORBIDDEN.iter().filter(|w| line.contains(**w)) {
                found.push(format!(
                    "{}:{}: {word}: {}",
                    file.display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "I/O in the library:\n{}",
        found.join("\n")
    );
}

#[test]
fn library_dependencies_do_no_io() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("read Cargo.toml");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    for line in deps.lines().filter(|l| !l.contains("optional = true")) {
        let name = line.split('=').next().unwrap_or("").trim();
        assert!(
            !FORBIDDEN_CRATES.contains(&name),
            "{name} in [dependencies]"
        );
    }
}
