//! Dates: machine-readable stamps (`2021-11-03T10:00:00+01:00`) and dates
//! written for people (`3. November 2021`, `Nov 3, 2021`, `03.11.2021`,
//! `3 de noviembre de 2021`), read into ISO 8601.
//!
//! Output is `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM` when
//! the source gives a time (and the offset when it gives one). Dates before
//! 1990, or after the day following the reference date (else after 2100),
//! are refused as garbage (`model::dates` holds the calendar both front
//! ends share: month names, plausible years, numeric stamps).

use super::vocab::Vocab;
use crate::model::dates::parse_iso;
pub(crate) use crate::model::dates::Day;

/// A date read from the page: its day and its ISO 8601 text (with the
/// time when the source gives one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub(crate) day: Day,
    pub(crate) iso: String,
}

impl From<Day> for Stamp {
    fn from(day: Day) -> Stamp {
        Stamp {
            day,
            iso: day.iso(),
        }
    }
}

/// Read a machine-readable stamp (a `content` or `datetime` attribute, a
/// JSON-LD value); falls back to [`find_in_text`] for the many sites that put
/// a written date there.
pub(crate) fn parse_stamp(value: &str, vocab: &Vocab, latest: Day) -> Option<Stamp> {
    let value = value.trim();
    if let Some((day, iso)) = parse_iso(value).filter(|(day, _)| day.plausible(latest)) {
        return Some(Stamp { day, iso });
    }
    find_in_text(value, vocab, latest, false).map(Stamp::from)
}

/// One token of written text.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A run of ASCII digits: value and digit count.
    Num(u32, usize),
    /// A run of letters, lowercased.
    Word(String),
    /// One punctuation character.
    Punct(char),
}

/// Cut text into numbers, lowercase words and punctuation; whitespace is
/// dropped. Only the first `limit` tokens are kept.
fn tokens(text: &str, limit: usize) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() >= limit {
            break;
        }
        if c.is_ascii_digit() {
            let (mut value, mut n) = (c as u32 - '0' as u32, 1usize);
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                value = value.saturating_mul(10).saturating_add(d);
                n += 1;
                chars.next();
            }
            out.push(Tok::Num(value, n));
        } else if c.is_alphabetic() {
            let mut word: String = c.to_lowercase().collect();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic()) {
                word.extend(l.to_lowercase());
                chars.next();
            }
            out.push(Tok::Word(word));
        } else if !c.is_whitespace() {
            out.push(Tok::Punct(c));
        }
    }
    out
}

/// Words that may stand inside a written date: ordinal endings and "of".
const DATE_FILLERS: [&str; 10] = ["st", "nd", "rd", "th", "er", "de", "del", "of", "the", "º"];

/// The first plausible date written in `text`, in any of the forms the
/// module doc lists. Slashed dates are read day-first or month-first only
/// when one of the two numbers is over 12; otherwise they are ambiguous and
/// skipped. With `short_years`, `2.11.22` is read too (for text that is
/// known to hold a date, where it is not a version number).
pub(crate) fn find_in_text(
    text: &str,
    vocab: &Vocab,
    latest: Day,
    short_years: bool,
) -> Option<Day> {
    let toks = tokens(text, 400);
    let num = |i: usize, max_digits: usize| match toks.get(i) {
        Some(&Tok::Num(v, n)) if n <= max_digits => Some(v),
        _ => None,
    };
    let year = |i: usize| match toks.get(i) {
        Some(&Tok::Num(v, 4)) => Some(v),
        _ => None,
    };
    let punct = |i: usize, c: char| toks.get(i) == Some(&Tok::Punct(c));
    let month = |i: usize| match toks.get(i) {
        Some(Tok::Word(w)) => vocab.month(w),
        _ => None,
    };
    // Skip dots, commas and filler words from `i`.
    let skip = |mut i: usize| {
        while let Some(t) = toks.get(i) {
            match t {
                Tok::Punct('.' | ',') => i += 1,
                Tok::Word(w) if DATE_FILLERS.contains(&w.as_str()) => i += 1,
                _ => break,
            }
        }
        i
    };
    let ok = |d: Option<Day>| d.filter(|d| d.plausible(latest));
    for i in 0..toks.len() {
        // 2021-11-03, 2021/11/03, 2021.11.03
        if let Some(y) = year(i) {
            for sep in ['-', '/', '.'] {
                if punct(i + 1, sep) && punct(i + 3, sep) {
                    if let (Some(m), Some(d)) = (num(i + 2, 2), num(i + 4, 2)) {
                        if let Some(day) = ok(Day::new(y, m, d)) {
                            return Some(day);
                        }
                    }
                }
            }
        }
        if let Some(a) = num(i, 2) {
            // 03.11.2021 and 03-11-2021: day first.
            for sep in ['.', '-'] {
                if punct(i + 1, sep) && punct(i + 3, sep) {
                    let y = year(i + 4).or_else(|| {
                        let yy = num(i + 4, 2).filter(|_| short_years)?;
                        // Not a longer dotted number (1.2.22.4).
                        if punct(i + 5, '.') && matches!(toks.get(i + 6), Some(Tok::Num(..))) {
                            return None;
                        }
                        Some(2000 + yy)
                    });
                    if let (Some(m), Some(y)) = (num(i + 2, 2), y) {
                        if let Some(day) = ok(Day::new(y, m, a)) {
                            return Some(day);
                        }
                    }
                }
            }
            // 03/11/2021: whichever reading is the only valid one.
            if punct(i + 1, '/') && punct(i + 3, '/') {
                if let (Some(b), Some(y)) = (num(i + 2, 2), year(i + 4)) {
                    let day = match (a > 12, b > 12) {
                        (true, false) => Day::new(y, b, a),
                        (false, true) => Day::new(y, a, b),
                        _ => None,
                    };
                    if let Some(day) = ok(day) {
                        return Some(day);
                    }
                }
            }
            // 3. November 2021, 3rd of November, 2021, 3 de noviembre de 2021
            let j = skip(i + 1);
            if let Some(m) = month(j) {
                if let Some(y) = year(skip(j + 1)) {
                    if let Some(day) = ok(Day::new(y, u32::from(m), a)) {
                        return Some(day);
                    }
                }
            }
        }
        // November 3, 2021; Nov. 3rd 2021
        if let Some(m) = month(i) {
            let j = skip(i + 1);
            if let Some(d) = num(j, 2) {
                if let Some(y) = year(skip(j + 1)) {
                    if let Some(day) = ok(Day::new(y, u32::from(m), d)) {
                        return Some(day);
                    }
                }
            }
        }
    }
    None
}

/// A date in a URL path: `/2021/11/03/`, `/2021-11-03/`, `/20211103/`.
pub(crate) fn from_url(url: &str, latest: Day) -> Option<Day> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let Ok(year) = seg.parse::<u32>() else {
            if let Some((day, _)) = parse_iso(seg)
                .filter(|_| seg.len() >= 8)
                .filter(|(d, _)| d.plausible(latest))
            {
                return Some(day);
            }
            if let Some(day) = year_last(seg).filter(|d| d.plausible(latest)) {
                return Some(day);
            }
            continue;
        };
        if seg.len() != 4 {
            continue;
        }
        let (Some(m), Some(d)) = (segments.get(i + 1), segments.get(i + 2)) else {
            continue;
        };
        let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>()) else {
            continue;
        };
        if let Some(day) = Day::new(year, m, d).filter(|d| d.plausible(latest)) {
            return Some(day);
        }
    }
    None
}

/// A path segment `29-10-2021` (or `10-29-2021`): read day-first or
/// month-first only when one of the two numbers is over 12, as in text.
fn year_last(seg: &str) -> Option<Day> {
    let parts: Vec<&str> = seg.split(['-', '.', '_']).collect();
    let [a, b, y] = parts[..] else { return None };
    if y.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b, y) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    match (a > 12, b > 12) {
        (true, false) => Day::new(y, b, a),
        (false, true) => Day::new(y, a, b),
        _ => None,
    }
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
