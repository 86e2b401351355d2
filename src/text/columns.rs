//! Side-by-side columns undone: w3m and inscriptis lay a table's cells out
//! next to each other (a layout table puts the article in one column and
//! a list of other stories in the next), each cell wrapped to its own
//! width. Read line by line, such text interleaves the columns mid
//! sentence. Here a run of lines that share a gutter is cut at it, and the
//! left column is given before the right one.
//!
//! A gutter is a column position where every line of the run has a space
//! just before it (or ends before it), some lines have text on both sides,
//! and some lines are padded with spaces up to it: a cell shorter than
//! its column, the mark of a table layout that prose never shows.

/// A run of lines shorter than this is not cut: a few lines can share a
/// space at some position by chance.
const MIN_RUN_LINES: usize = 6;

/// At least this many lines of the run have text on both sides of the
/// gutter.
const MIN_SPLIT_LINES: usize = 3;

/// At least this many lines of the run are padded up to the gutter by a
/// run of [`PAD_SPACES`] spaces or more.
const MIN_PADDED_LINES: usize = 2;

/// Spaces that pad a short cell; tools separate cells by one or two, and
/// never write three between words of prose.
const PAD_SPACES: usize = 3;

/// Columns narrower than this are not cut off: a bullet, a number, a
/// date's day.
const MIN_COLUMN_WIDTH: usize = 12;

/// Lines longer than this (in characters) are not laid out in columns;
/// it bounds the work on a long unwrapped line.
const MAX_TABLE_LINE: usize = 400;

/// Cut side-by-side columns apart; other lines are given as they are.
pub(crate) fn split(lines: &[&str]) -> Vec<String> {
    let rows: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
    let mut out = Vec::with_capacity(lines.len());
    split_rows(&rows, &mut out, 0);
    out
}

/// How deep columns nest: a cell's text may itself hold columns.
const MAX_NESTING: usize = 4;

fn split_rows(rows: &[Vec<char>], out: &mut Vec<String>, depth: usize) {
    let mut i = 0;
    while i < rows.len() {
        let found = (depth < MAX_NESTING).then(|| find_run(rows, i)).flatten();
        let Some((gutter, end)) = found else {
            out.push(rows[i].iter().collect());
            i += 1;
            continue;
        };
        let left: Vec<Vec<char>> = rows[i..end]
            .iter()
            .map(|r| trim_end(&r[..gutter.min(r.len())]).to_vec())
            .collect();
        let right: Vec<Vec<char>> = rows[i..end]
            .iter()
            .map(|r| r.get(gutter..).map_or_else(Vec::new, <[char]>::to_vec))
            .collect();
        split_rows(&left, out, depth + 1);
        out.push(String::new());
        split_rows(&right, out, depth + 1);
        out.push(String::new());
        i = end;
    }
}

/// The gutter of a run of columns starting at line `start`, and where the
/// run ends.
fn find_run(rows: &[Vec<char>], start: usize) -> Option<(usize, usize)> {
    let first = &rows[start];
    if first.len() > MAX_TABLE_LINE {
        return None;
    }
    // Candidate gutters: where the first line's text resumes after a space.
    let candidates = (MIN_COLUMN_WIDTH..first.len())
        .filter(|&c| first[c - 1] == ' ' && first[c] != ' ' && has_text_before(first, c));
    for gutter in candidates {
        let end = (start..rows.len())
            .find(|&j| !fits(&rows[j], gutter))
            .unwrap_or(rows.len());
        if end - start < MIN_RUN_LINES {
            continue;
        }
        let run = &rows[start..end];
        let split = run
            .iter()
            .filter(|r| r.len() > gutter && r[gutter] != ' ' && has_text_before(r, gutter))
            .count();
        let padded = run.iter().filter(|r| padded_to(r, gutter)).count();
        if split >= MIN_SPLIT_LINES && padded >= MIN_PADDED_LINES {
            return Some((gutter, end));
        }
    }
    None
}

/// Whether `row` leaves position `gutter` free: it ends before it, or has
/// a space just before it.
fn fits(row: &[char], gutter: usize) -> bool {
    row.len() <= MAX_TABLE_LINE && (row.len() < gutter || row[gutter - 1] == ' ')
}

fn trim_end(row: &[char]) -> &[char] {
    let keep = row
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |i| i + 1);
    &row[..keep]
}

/// Whether `row` has text before position `c` (not only indentation).
fn has_text_before(row: &[char], c: usize) -> bool {
    row[..c.min(row.len())].iter().any(|ch| !ch.is_whitespace())
}

/// Whether `row` has text, then [`PAD_SPACES`] spaces or more up to
/// `gutter`, then text.
fn padded_to(row: &[char], gutter: usize) -> bool {
    if row.len() <= gutter || row[gutter] == ' ' || gutter < PAD_SPACES {
        return false;
    }
    row[gutter - PAD_SPACES..gutter].iter().all(|&c| c == ' ') && has_text_before(row, gutter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_columns_are_given_one_after_the_other() {
        let text = "\
Amnesty. More than 100 protesters killed ●
in Iran unrest                           All news
November 20, 2019 - 11:28 AMT            ━━━━━━━━━━
PanARMENIAN.Net - Verified video         *
footage, eyewitness testimony from       Overview: World
people on the ground and information     ━━━━━━━━━━
gathered from human rights activists     Other news
One line of prose after the table that runs past the gutter.";
        let lines: Vec<&str> = text.lines().collect();
        let out = split(&lines);
        let joined = out.join("\n");
        assert!(joined.contains("in Iran unrest\nNovember 20"), "{joined}");
        assert!(
            joined.contains("All news\n━━━━━━━━━━\n*\nOverview: World"),
            "{joined}"
        );
        assert_eq!(out.last().map(String::as_str), Some(lines[7]));
    }

    #[test]
    fn prose_is_left_alone() {
        let text = "The council met on Tuesday to discuss the plan for new cycle\n\
                    lanes in the town centre, which residents had asked for since\n\
                    the spring of last year and which the mayor had promised them.";
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(split(&lines), lines);
    }
}
