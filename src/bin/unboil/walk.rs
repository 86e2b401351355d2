//! Turning the PATH arguments into a stream of things to read: pages, WARC
//! archives, and directories walked recursively.
//!
//! The walk is lazy (one directory listing in memory per level) and in a
//! fixed order (entries sorted by name), so `--ordered` output is the same
//! from run to run.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One thing to read, found on the command line or in a directory.
#[derive(Debug, PartialEq, Eq)]
pub enum Item {
    /// Standard input: a page or a WARC archive, told by its content.
    Stdin,
    /// A file named on the command line whose name does not say what it
    /// holds (not `.html`, `.htm`, `.warc`, or those gzipped): told by its content.
    Unknown(PathBuf),
    /// A page: a file named so on the command line, or a `.html`, `.htm` or
    /// `.gz` file (not `.warc.gz`) found in a directory.
    Page(PathBuf),
    /// A WARC archive (`.warc`, `.warc.gz`).
    Warc(PathBuf),
    /// A directory that could not be listed.
    Unreadable(PathBuf, String),
}

/// What a file holds, going by its name alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.html`, `.htm`, `.html.gz`, `.htm.gz`.
    Page,
    /// Another `.gz`: in a directory, taken for a gzipped page.
    Gzip,
    /// `.warc` or `.warc.gz`.
    Warc,
    /// Anything else.
    Other,
}

/// What a file holds, going by its name (case-insensitive).
pub fn kind_of(path: &Path) -> Kind {
    let name = path
        .file_name()
        .map(OsStr::to_string_lossy)
        .unwrap_or_default()
        .to_ascii_lowercase();
    if name.ends_with(".warc") || name.ends_with(".warc.gz") {
        Kind::Warc
    } else if [".html", ".htm", ".html.gz", ".htm.gz"]
        .iter()
        .any(|end| name.ends_with(end))
    {
        Kind::Page
    } else if name.ends_with(".gz") {
        Kind::Gzip
    } else {
        Kind::Other
    }
}

/// The items named by `paths`, in order, directories expanded. No paths
/// means standard input.
pub fn walk(paths: &[PathBuf]) -> Walk {
    let mut pending: Vec<Pending> = paths.iter().rev().cloned().map(Pending::Arg).collect();
    if paths.is_empty() {
        pending.push(Pending::Arg(PathBuf::from("-")));
    }
    Walk { pending }
}

/// The iterator of [`walk`].
pub struct Walk {
    /// What is left to do, the next at the end.
    pending: Vec<Pending>,
}

enum Pending {
    /// A command-line argument.
    Arg(PathBuf),
    /// A directory to list.
    Dir(PathBuf),
    /// A file found in a directory, with the kind its name says.
    Found(PathBuf, Kind),
}

impl Iterator for Walk {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            match self.pending.pop()? {
                Pending::Arg(path) if path.as_os_str() == "-" => return Some(Item::Stdin),
                Pending::Arg(path) => {
                    // `metadata` follows symbolic links, as a user naming one expects.
                    if fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                        self.pending.push(Pending::Dir(path));
                        continue;
                    }
                    return Some(match kind_of(&path) {
                        Kind::Warc => Item::Warc(path),
                        Kind::Page => Item::Page(path),
                        // Missing files end up here too; opening them says why.
                        Kind::Gzip | Kind::Other => Item::Unknown(path),
                    });
                }
                Pending::Found(path, Kind::Warc) => return Some(Item::Warc(path)),
                Pending::Found(path, _) => return Some(Item::Page(path)),
                Pending::Dir(dir) => match list(&dir) {
                    Ok(entries) => self.pending.extend(entries.into_iter().rev()),
                    Err(e) => return Some(Item::Unreadable(dir, e.to_string())),
                },
            }
        }
    }
}

/// The subdirectories and the page and WARC files of `dir`, sorted by name.
/// Symbolic links to files are followed; to directories they are not, so a
/// link loop cannot make the walk endless.
fn list(dir: &Path) -> io::Result<Vec<Pending>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            entries.push(Pending::Dir(path));
            continue;
        }
        let is_file = file_type.is_file()
            || (file_type.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_file()));
        let kind = kind_of(&path);
        if is_file && kind != Kind::Other {
            entries.push(Pending::Found(path, kind));
        }
    }
    entries.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(entries)
}

impl Pending {
    fn path(&self) -> &Path {
        match self {
            Pending::Arg(path) | Pending::Dir(path) | Pending::Found(path, _) => path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_go_by_the_name() {
        assert_eq!(kind_of(Path::new("a/CC-1.warc.gz")), Kind::Warc);
        assert_eq!(kind_of(Path::new("x.WARC")), Kind::Warc);
        assert_eq!(kind_of(Path::new("p.html.gz")), Kind::Page);
        assert_eq!(kind_of(Path::new("p.gz")), Kind::Gzip);
        assert_eq!(kind_of(Path::new("p.htm")), Kind::Page);
        assert_eq!(kind_of(Path::new("notes.txt")), Kind::Other);
        assert_eq!(kind_of(Path::new("README")), Kind::Other);
    }

    #[test]
    fn no_paths_is_stdin_and_arguments_keep_their_order() {
        assert_eq!(walk(&[]).collect::<Vec<_>>(), vec![Item::Stdin]);
        let args = [
            PathBuf::from("b.warc"),
            PathBuf::from("-"),
            PathBuf::from("a.html"),
            PathBuf::from("no-such-file"),
            PathBuf::from("crawl.gz"),
        ];
        assert_eq!(
            walk(&args).collect::<Vec<_>>(),
            vec![
                Item::Warc(PathBuf::from("b.warc")),
                Item::Stdin,
                Item::Page(PathBuf::from("a.html")),
                Item::Unknown(PathBuf::from("no-such-file")),
                Item::Unknown(PathBuf::from("crawl.gz")),
            ]
        );
    }

    #[test]
    fn directories_are_walked_depth_first_in_name_order() {
        let root = std::env::temp_dir().join(format!("unboil-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for dir in ["b/deeper", "a"] {
            fs::create_dir_all(root.join(dir)).expect("create a test directory");
        }
        for file in [
            "z.html",
            "a/2.htm",
            "a/1.html.gz",
            "a/3.gz",
            "a/notes.txt",
            "b/deeper/c.warc.gz",
            "b/0.HTML",
        ] {
            fs::write(root.join(file), b"x").expect("write a test file");
        }
        let found: Vec<Item> = walk(std::slice::from_ref(&root)).collect();
        let _ = fs::remove_dir_all(&root);
        assert_eq!(
            found,
            vec![
                Item::Page(root.join("a/1.html.gz")),
                Item::Page(root.join("a/2.htm")),
                Item::Page(root.join("a/3.gz")),
                Item::Page(root.join("b/0.HTML")),
                Item::Warc(root.join("b/deeper/c.warc.gz")),
                Item::Page(root.join("z.html")),
            ]
        );
    }
}
