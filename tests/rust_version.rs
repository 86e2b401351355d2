//! `rust-version` in Cargo.toml (and README's "Rust … or newer") must be
//! true: no lower than what the locked dependencies declare they need. Read
//! from `cargo metadata` (the `rust_version` field of each package the
//! library and its CLI build against), offline and for this machine's
//! platform, so it needs only what `cargo test` already fetched.

use std::process::Command;

use serde_json::Value;

/// `"1.88"` as `(1, 88)`; a patch number is ignored (Cargo compares it,
/// but no dependency here declares one that matters).
fn version(text: &str) -> (u32, u32) {
    let mut parts = text.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

fn host() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc)
        .arg("-vV")
        .output()
        .expect("run rustc -vV");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("a host line")
        .to_string()
}

/// The highest `rust_version` among the packages the library and the CLI
/// depend on (not dev-dependencies: benchmarks and tests may need more).
fn dependencies_need() -> ((u32, u32), String) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--all-features", "--filter-platform", &host()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let nodes = meta["resolve"]["nodes"].as_array().expect("resolve nodes");
    let root = meta["resolve"]["root"].as_str().expect("a root package");
    let node = |id: &str| nodes.iter().find(|n| n["id"] == id);
    let mut seen = vec![root.to_string()];
    let mut stack = vec![root.to_string()];
    while let Some(id) = stack.pop() {
        let Some(n) = node(&id) else { continue };
        for dep in n["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            let pkg = dep["pkg"].as_str().unwrap_or_default().to_string();
            if normal && !seen.contains(&pkg) {
                seen.push(pkg.clone());
                stack.push(pkg);
            }
        }
    }
    packages
        .iter()
        .filter(|p| {
            p["id"]
                .as_str()
                .is_some_and(|id| id != root && seen.iter().any(|s| s == id))
        })
        .filter_map(|p| Some((version(p["rust_version"].as_str()?), p["name"].to_string())))
        .max()
        .expect("dependencies that declare a rust_version")
}

fn manifest() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).expect("Cargo.toml")
}

#[test]
fn rust_version_is_what_the_locked_dependencies_need() {
    let declared = manifest()
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .map(|v| version(v.trim_matches('"')))
        .expect("a rust-version in Cargo.toml");
    let (needed, by) = dependencies_need();
    assert!(
        declared >= needed,
        "rust-version {declared:?} is below {needed:?}, which {by} needs"
    );
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let said = format!("{}.{} or newer", declared.0, declared.1);
    assert!(readme.contains(&said), "README should say \"{said}\"");
}
