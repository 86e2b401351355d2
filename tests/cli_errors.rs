//! The CLI on inputs it cannot read: each gets a clear message naming the
//! file, the exit status is 1, and the other inputs are still extracted.
//! Run with `cargo test --all-features` (or `--features cli`).
#![cfg(all(feature = "cli", unix))]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_unboil");

/// A page every run must still extract, and a sentence of its body.
const GOOD_PAGE: &str = "<html><body><article><p>The committee said on Tuesday that the \
    new rules would take effect next year, after a long consultation.</p></article></body></html>";
const GOOD_SENTENCE: &str = "the new rules would take effect";

/// The user the permission tests run the binary as when the tests run as
/// root (who reads any file whatever its mode): `nobody`.
const NOBODY: &str = "65534";

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli_errors")
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create a scratch directory");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod");
    dir
}

fn good_page(dir: &Path) -> PathBuf {
    let path = dir.join("good.html");
    fs::write(&path, GOOD_PAGE).expect("write a page");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    path
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.trim_ascii() == b"0")
        .unwrap_or(false)
}

/// Run the binary; as `nobody` (via `setpriv`) when we are root, so that
/// file modes are enforced. `None` when that is not possible here.
fn unboil_unprivileged(args: &[&Path]) -> Option<Output> {
    let mut command = if is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid", NOBODY, "--regid", NOBODY, "--clear-groups", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    let output = command.args(args).output().ok()?;
    // setpriv missing or refused: nothing to learn about permissions.
    let stderr = String::from_utf8_lossy(&output.stderr);
    (!stderr.starts_with("setpriv")).then_some(output)
}

fn unboil(args: &[&Path]) -> Output {
    Command::new(BIN).args(args).output().expect("run unboil")
}

/// Exit status 1, the good page's text on stdout, one stderr line per bad
/// input, naming it and holding `reason`, and the batch's summary line last.
fn assert_reported(output: &Output, bad: &[(&Path, &str)]) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stdout.contains(GOOD_SENTENCE),
        "the run did not go on: {stdout}"
    );
    for (path, reason) in bad {
        let expected = format!("unboil: {}: ", path.display());
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&expected))
            .unwrap_or_else(|| panic!("no message for {}: {stderr}", path.display()));
        assert!(line.contains(reason), "{line}");
    }
    let summary = "unboil: done: ";
    let messages = stderr.lines().filter(|l| !l.starts_with(summary)).count();
    assert_eq!(messages, bad.len(), "{stderr}");
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(summary) && last.contains(" error"),
        "{stderr}"
    );
}

#[test]
fn an_unreadable_file_is_reported_and_the_run_goes_on() {
    let dir = scratch("unreadable_file");
    let locked = dir.join("locked.html");
    fs::write(&locked, GOOD_PAGE).expect("write a page");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let good = good_page(&dir);
    let Some(output) = unboil_unprivileged(&[&locked, &good]) else {
        eprintln!("skipped: cannot drop privileges here");
        return;
    };
    assert_reported(&output, &[(&locked, "cannot open: Permission denied")]);
}

#[test]
fn a_directory_without_permission_is_reported_and_the_run_goes_on() {
    let dir = scratch("locked_dir");
    let locked = dir.join("locked");
    fs::create_dir(&locked).expect("mkdir");
    let inside = locked.join("page.html");
    fs::write(&inside, GOOD_PAGE).expect("write a page");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let good = good_page(&dir);
    let output = unboil_unprivileged(&[&inside, &locked, &good]);
    // Give the directory back, so the next run can clean it up.
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod 755");
    let Some(output) = output else {
        eprintln!("skipped: cannot drop privileges here");
        return;
    };
    assert_reported(
        &output,
        &[
            (&inside, "cannot open: Permission denied"),
            // A directory is walked for pages; this one cannot be listed.
            (&locked, "cannot list the directory: Permission denied"),
        ],
    );
}

#[test]
fn paths_that_cannot_be_files_are_reported_and_the_run_goes_on() {
    let dir = scratch("not_files");
    let good = good_page(&dir);
    let through_a_file = good.join("child.html");
    let dangling = dir.join("dangling.html");
    std::os::unix::fs::symlink(dir.join("gone.html"), &dangling).expect("symlink");
    let looping = dir.join("loop.html");
    std::os::unix::fs::symlink(&looping, &looping).expect("symlink");
    // The directory is walked: its good page is read again, and the
    // dangling and looping links in it, which lead to no file, are passed over.
    let output = unboil(&[&through_a_file, &dangling, &looping, &good, &dir]);
    assert_reported(
        &output,
        &[
            (&through_a_file, "cannot open: Not a directory"),
            (&dangling, "cannot open: No such file"),
            (&looping, "cannot open: Too many levels of symbolic links"),
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.matches(GOOD_SENTENCE).count(), 2, "{stdout}");
}

/// `bytes` as one gzip member.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

#[test]
fn broken_gzip_of_every_kind_is_reported_and_the_run_goes_on() {
    let dir = scratch("broken_gzip");
    let good = good_page(&dir);
    let whole = gzip(GOOD_PAGE.repeat(50).as_bytes());
    let mut corrupt = whole.clone();
    let middle = corrupt.len() / 2;
    for byte in &mut corrupt[middle..middle + 16] {
        *byte ^= 0x5A;
    }
    let mut bad_crc = whole.clone();
    let crc_at = bad_crc.len() - 8;
    bad_crc[crc_at] ^= 0xFF;
    let cases = [
        ("magic_only.gz", b"\x1f\x8b".to_vec()),
        ("header_only.gz", whole[..10].to_vec()),
        ("truncated.gz", whole[..whole.len() / 2].to_vec()),
        ("corrupt.gz", corrupt),
        ("bad_crc.gz", bad_crc),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in &cases {
        let path = dir.join(name);
        fs::write(&path, bytes).expect("write");
        paths.push(path);
    }
    let mut args: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    args.push(&good);
    let output = unboil(&args);
    let bad: Vec<(&Path, &str)> = paths
        .iter()
        .map(|p| (p.as_path(), "broken gzip data"))
        .collect();
    assert_reported(&output, &bad);
}
