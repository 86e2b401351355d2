//! The one reader of the embedded data files (the word lists under
//! `src/**/data/` and `src/judge/lexicon/data/`).
//!
//! In: a file's name and its text (from `include_str!`). Out: its entry
//! [`Row`]s, each with its 1-based line number, and a [`DataError`] naming
//! file, line and what is wrong when a row does not have the shape its file
//! wants. Every data file shares one syntax: UTF-8, one entry per line,
//! fields separated by a single tab, blank lines and lines starting with
//! `#` ignored, a trailing `\r` removed.
//!
//! The files are embedded at compile time and every test that builds an
//! extractor loads them, so the loaders turn a [`DataError`] into a panic
//! ([`Row::fail`]): a malformed entry is a bug of the build, never of a page.

use std::fmt;

/// One entry line of a data file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    /// The file's name, for messages (`months.txt`).
    pub(crate) file: &'static str,
    /// The 1-based line number.
    pub(crate) line: usize,
    /// The line, without its trailing `\r`.
    pub(crate) text: &'static str,
}

/// What is wrong with one line of a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DataError {
    /// The file's name.
    pub(crate) file: &'static str,
    /// The 1-based line number.
    pub(crate) line: usize,
    /// What is wrong.
    pub(crate) what: String,
    /// The line as written.
    pub(crate) text: &'static str,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} line {}: {}: {:?}",
            self.file, self.line, self.what, self.text
        )
    }
}

impl std::error::Error for DataError {}

/// The entry rows of `text`, the data file called `file`.
pub(crate) fn rows(file: &'static str, text: &'static str) -> impl Iterator<Item = Row> {
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.trim_end_matches('\r');
        let t = line.trim();
        (!t.is_empty() && !t.starts_with('#')).then_some(Row {
            file,
            line: i + 1,
            text: line,
        })
    })
}

impl Row {
    /// The error `what` at this row.
    pub(crate) fn error(&self, what: impl Into<String>) -> DataError {
        DataError {
            file: self.file,
            line: self.line,
            what: what.into(),
            text: self.text,
        }
    }

    /// Panic with the error `what` at this row (embedded data only).
    #[track_caller]
    pub(crate) fn fail(&self, what: impl Into<String>) -> ! {
        panic!("{}", self.error(what))
    }

    /// Exactly `N` tab-separated fields; `shape` names them for the error
    /// (`"lang<TAB>number<TAB>names"`).
    pub(crate) fn fields<const N: usize>(
        &self,
        shape: &str,
    ) -> Result<[&'static str; N], DataError> {
        let mut out = [""; N];
        let mut parts = self.text.split('\t');
        for slot in &mut out {
            *slot = parts
                .next()
                .ok_or_else(|| self.error(format!("want `{shape}`")))?;
        }
        match parts.next() {
            Some(_) => Err(self.error(format!("want `{shape}`"))),
            None => Ok(out),
        }
    }

    /// [`fields`](Self::fields), panicking on a malformed row.
    #[track_caller]
    pub(crate) fn expect<const N: usize>(&self, shape: &str) -> [&'static str; N] {
        self.fields(shape).unwrap_or_else(|e| panic!("{e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# comment\n\nen\t1\tjanuary\r\n  \nde\t2\n";

    #[test]
    fn rows_skip_comments_and_blanks_and_keep_line_numbers() {
        let got: Vec<(usize, &str)> = rows("t.txt", TEXT).map(|r| (r.line, r.text)).collect();
        assert_eq!(got, [(3, "en\t1\tjanuary"), (5, "de\t2")]);
    }

    #[test]
    fn errors_name_file_line_and_what() {
        let bad = rows("t.txt", TEXT).nth(1).expect("two rows");
        let err = bad.fields::<3>("lang<TAB>number<TAB>names").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.txt line 5: want `lang<TAB>number<TAB>names`: \"de\\t2\""
        );
        let good = rows("t.txt", TEXT).next().expect("a row");
        assert_eq!(good.expect::<3>("x"), ["en", "1", "january"]);
        assert!(good.fields::<2>("x").is_err(), "a field too many");
    }
}
