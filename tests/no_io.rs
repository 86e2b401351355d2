//! The library never touches the network or the filesystem: only the CLI
//! (`src/bin`) reads files. A check on the source, so a change that adds
//! such a call fails here rather than in review.

#[path = "support/source.rs"]
mod source;

use std::path::Path;

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

#[test]
fn library_source_uses_no_filesystem_network_or_processes() {
    let files = source::library_files();
    assert!(files.len() > 20, "found only {} files", files.len());
    let mut found = Vec::new();
    for file in &files {
        let code = std::fs::read_to_string(file).expect("read a source file");
        // Doc and plain comments may mention files (examples read pages).
        for (n, line) in source::code_lines(&code) {
            for word in FORBIDDEN.iter().filter(|w| line.contains(**w)) {
                found.push(format!("{}:{n}: {word}: {}", file.display(), line.trim()));
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
