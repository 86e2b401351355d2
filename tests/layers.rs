//! The library's folders are its layers, and data flows one way through
//! them. A check on the source: it fails when a module imports (`crate::…`
//! or `super::…`) from a later layer, when two modules import each other,
//! or when a module imports through `lib.rs`'s public re-exports (the
//! re-exports are for users; inside, each import names the defining module).

#[path = "support/source.rs"]
mod source;

use std::collections::BTreeSet;

/// The layers, lowest first: a module may import from its own layer and
/// the ones before it. A new top-level module must be placed here.
const LAYERS: &[&str] = &[
    "model",     // shared types: article, options, error
    "html",      // decode, parse, dom, prune, segment
    "judge",     // lexicon, features, score
    "select",    // which blocks are the article
    "output",    // assemble, inline marks, render, explain
    "metadata",  // title, authors, dates, language, declared page type
    "assess",    // page type and confidence
    "text",      // the front end for already-flattened text
    "extractor", // the pipeline on top
];

/// One import: the importing module, where it points, and where it is.
struct Import {
    from: Vec<String>,
    to: Vec<String>,
    place: String,
}

/// The modules there are (from the files) and every import between them.
fn imports() -> (BTreeSet<Vec<String>>, Vec<Import>) {
    let files = source::library_files();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| source::module_of(f)).collect();
    let mut found = Vec::new();
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let from = source::module_of(file);
        // Unit-test files may use any module; so may lib.rs, which
        // declares them all.
        if name.ends_with("_tests.rs") || from.is_empty() {
            continue;
        }
        let code = std::fs::read_to_string(file).expect("read a source file");
        let lines: Vec<(usize, &str)> = source::code_lines(&code).collect();
        for (i, (n, line)) in lines.iter().enumerate() {
            // An inline test module ends what the layer rule covers.
            let next = lines.get(i + 1).map_or("", |(_, l)| l.trim());
            if line.trim() == "#[cfg(test)]" && next.starts_with("mod tests") {
                break;
            }
            for path in source::crate_paths(line) {
                let Some(resolved) = source::resolve(&from, &path) else {
                    continue;
                };
                // The longest module the path starts with.
                let to = (0..=resolved.len())
                    .rev()
                    .map(|k| resolved[..k].to_vec())
                    .find(|prefix| modules.contains(prefix))
                    .unwrap_or_default();
                if to != from {
                    found.push(Import {
                        from: from.clone(),
                        to,
                        place: format!("{}:{n}: {}", file.display(), line.trim()),
                    });
                }
            }
        }
    }
    (modules, found)
}

fn layer(module: &[String]) -> Option<usize> {
    let top = module.first()?;
    LAYERS.iter().position(|l| l == top)
}

#[test]
fn every_top_level_module_has_a_layer() {
    let (modules, _) = imports();
    let loose: Vec<String> = modules
        .iter()
        .filter_map(|m| m.first())
        .filter(|top| layer(std::slice::from_ref(top)).is_none())
        .map(|top| top.to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(loose.is_empty(), "modules in no layer: {loose:?}");
}

#[test]
fn imports_follow_the_layer_order() {
    let (_, imports) = imports();
    assert!(imports.len() > 50, "found only {} imports", imports.len());
    let mut wrong = Vec::new();
    for import in &imports {
        if import.to.is_empty() {
            wrong.push(format!("through lib.rs's re-exports: {}", import.place));
        } else if let (Some(from), Some(to)) = (layer(&import.from), layer(&import.to)) {
            if to > from {
                wrong.push(format!(
                    "{} imports from the later layer {}: {}",
                    import.from[0], import.to[0], import.place
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn no_two_modules_import_each_other() {
    let (_, imports) = imports();
    let edges: BTreeSet<(&[String], &[String])> = imports
        .iter()
        .map(|i| (i.from.as_slice(), i.to.as_slice()))
        .collect();
    let mutual: Vec<String> = edges
        .iter()
        .filter(|(a, b)| a < b && edges.contains(&(*b, *a)))
        .map(|(a, b)| format!("{} <-> {}", a.join("::"), b.join("::")))
        .collect();
    assert!(
        mutual.is_empty(),
        "modules importing each other:\n{}",
        mutual.join("\n")
    );
}

#[test]
fn the_scanner_reads_use_trees() {
    let paths = source::crate_paths("use crate::html::{dom::{self, Dom}, parse as p};");
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "crate::html::dom",
            "crate::html::dom::Dom",
            "crate::html::parse"
        ]
    );
    let from = vec!["select".to_string(), "teasers".to_string()];
    let path = source::crate_paths("let x = super::super::model::Options::default();");
    assert_eq!(
        source::resolve(&from, &path[0]),
        Some(vec!["model".into(), "Options".into(), "default".into()])
    );
    assert!(source::crate_paths("a::crate::b and foo_super::x").is_empty());
}
