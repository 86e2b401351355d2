//! Sizes a reader can hold in mind: no library file over [`MAX_FILE_LINES`]
//! lines and no function over [`MAX_FN_LINES`], counted as a reader would,
//! every line from the first to the last (doc comments included), leaving
//! out unit tests (`tests.rs`, `*_tests.rs`, `tests/` folders, an inline
//! `#[cfg(test)] mod tests`). Functions are found by a brace-matching scan
//! that skips strings, characters and comments.

#[path = "support/source.rs"]
mod source;

/// Longest library file, in lines (issue 14: "no library file over about
/// 500 lines").
const MAX_FILE_LINES: usize = 500;

/// Longest function, in lines from its `fn` to its closing brace (issue 14:
/// "no function over about 120").
const MAX_FN_LINES: usize = 120;

/// The lines of `code` before an inline unit-test module, if any.
fn without_tests(code: &str) -> Vec<&str> {
    let lines: Vec<&str> = code.lines().collect();
    let end = (0..lines.len())
        .find(|&i| {
            lines[i].trim() == "#[cfg(test)]"
                && lines
                    .get(i + 1)
                    .is_some_and(|next| next.trim_start().starts_with("mod "))
        })
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

/// Whether the line declares a function (after visibility and qualifiers).
fn declares_fn(line: &str) -> bool {
    let mut words = line.split_whitespace();
    for word in words.by_ref() {
        match word {
            "fn" => return true,
            "pub" | "const" | "async" | "unsafe" | "extern" | "default" => {}
            w if w.starts_with("pub(") => {}
            _ => return false,
        }
    }
    false
}

/// The brace depth change of each line, skipping string and character
/// literals and comments (raw strings with up to three `#`).
fn brace_deltas(lines: &[&str]) -> Vec<(i32, bool)> {
    let mut out = Vec::with_capacity(lines.len());
    // Open raw string's hash count, or a normal string.
    let mut in_str: Option<Option<usize>> = None;
    let mut block_comment = 0usize;
    for line in lines {
        let b = line.as_bytes();
        let (mut delta, mut opened) = (0i32, false);
        let mut i = 0;
        while i < b.len() {
            if block_comment > 0 {
                if b[i..].starts_with(b"*/") {
                    block_comment -= 1;
                    i += 2;
                } else if b[i..].starts_with(b"/*") {
                    block_comment += 1;
                    i += 2;
                } else {
                    i += 1;
                }
                continue;
            }
            match in_str {
                Some(None) => {
                    match b[i] {
                        b'\\' => i += 1,
                        b'"' => in_str = None,
                        _ => {}
                    }
                    i += 1;
                    continue;
                }
                Some(Some(hashes)) => {
                    if b[i] == b'"'
                        && b[i + 1..].iter().take_while(|&&c| c == b'#').count() >= hashes
                    {
                        in_str = None;
                        i += 1 + hashes;
                    } else {
                        i += 1;
                    }
                    continue;
                }
                None => {}
            }
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'/') => break,
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    block_comment += 1;
                    i += 2;
                    continue;
                }
                b'"' => in_str = Some(None),
                b'r' if !b[..i]
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') =>
                {
                    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                    if b.get(i + 1 + hashes) == Some(&b'"') {
                        in_str = Some(Some(hashes));
                        i += 2 + hashes;
                        continue;
                    }
                }
                b'\'' => {
                    // A character literal ('{', '\'', '\u{7b}'), not a lifetime.
                    if b.get(i + 1) == Some(&b'\\') {
                        let close = b[i + 2..].iter().position(|&c| c == b'\'');
                        i += close.map_or(1, |c| c + 3);
                        continue;
                    }
                    let len = line[i + 1..].chars().next().map_or(1, char::len_utf8);
                    if b.get(i + 1 + len) == Some(&b'\'') {
                        i += len + 2;
                        continue;
                    }
                }
                b'{' => {
                    delta += 1;
                    opened = true;
                }
                b'}' => delta -= 1,
                _ => {}
            }
            i += 1;
        }
        out.push((delta, opened));
    }
    out
}

/// Every function of `lines` with its first line (1-based) and length.
fn functions(lines: &[&str]) -> Vec<(usize, usize, String)> {
    let deltas = brace_deltas(lines);
    let mut found = Vec::new();
    for start in 0..lines.len() {
        if !declares_fn(lines[start]) {
            continue;
        }
        // From the line that opens the body to the line that closes it; a
        // declaration ending in `;` (a trait method) has no body.
        let mut depth = 0i32;
        let mut opened = false;
        for (end, &(delta, opens)) in deltas.iter().enumerate().skip(start) {
            if !opened && !opens && lines[end].trim_end().ends_with(';') {
                break;
            }
            opened |= opens;
            depth += delta;
            if opened && depth <= 0 {
                let name = lines[start].trim().chars().take(70).collect();
                found.push((start + 1, end - start + 1, name));
                break;
            }
        }
    }
    found
}

#[test]
fn library_files_and_functions_are_short() {
    let mut problems = Vec::new();
    for file in source::library_files() {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with("_tests.rs") {
            continue;
        }
        let code = std::fs::read_to_string(&file).expect("read a source file");
        let lines = without_tests(&code);
        let shown = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&file)
            .display();
        if lines.len() > MAX_FILE_LINES {
            problems.push(format!("{shown}: {} lines", lines.len()));
        }
        for (line, len, decl) in functions(&lines) {
            if len > MAX_FN_LINES {
                problems.push(format!("{shown}:{line}: {len} lines: {decl}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "over {MAX_FILE_LINES} lines a file or {MAX_FN_LINES} a function:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scan_counts_like_a_reader() {
    let code = "fn a() {\n    let s = \"}\";\n    let c = '{';\n    // }\n    let r = r#\"{\"#;\n}\nfn b<'x>(v: &'x str) -> &'x str {\n    v\n}\ntrait T {\n    fn c(&self);\n}\n";
    let lines: Vec<&str> = code.lines().collect();
    let found: Vec<(usize, usize)> = functions(&lines).iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(found, [(1, 6), (7, 3)]);
    let with_tests = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn long() {}\n}\n";
    assert_eq!(without_tests(with_tests).len(), 1);
}
