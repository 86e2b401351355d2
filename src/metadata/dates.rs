//! Dates: machine-readable stamps (`2021-11-03T10:00:00+01:00`) and dates
//! written for people (`3. November 2021`, `Nov 3, 2021`, `03.11.2021`,
//! `3 de noviembre de 2021`), read into ISO 8601.
//!
//! Output is `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM` when
//! the source gives a time (and the offset when it gives one). Dates before
//! [`MIN_YEAR`], or after the day following the reference date (else after
//! [`MAX_YEAR`]), are refused as garbage.

use super::vocab::Vocab;
use crate::model::date::Date;

/// No web page is older than this.
pub(crate) const MIN_YEAR: u16 = 1990;
/// Without a reference date, later years are refused as misreadings (a
/// product number, a phone number): a bound on plausibility, not on time.
pub(crate) const MAX_YEAR: u16 = 2100;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day {
    pub(crate) year: u16,
    pub(crate) month: u8,
    pub(crate) day: u8,
}

impl Day {
    /// A valid day, or `None`.
    pub(crate) fn new(year: u32, month: u32, day: u32) -> Option<Day> {
        let days = crate::model::date::days_in_month(year, month)?;
        (day >= 1 && day <= days && year <= u32::from(u16::MAX)).then_some(Day {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The latest day a page's date may be: the day after `reference`
    /// (the day the page was fetched; a day's grace for time zones), else
    /// the last day of [`MAX_YEAR`]. Never the clock: the same page gives
    /// the same dates on any day.
    pub(crate) fn latest(reference: Option<Date>) -> Day {
        reference
            .and_then(|r| Day::new(r.year().into(), r.month().into(), r.day().into()))
            .map_or(
                Day {
                    year: MAX_YEAR,
                    month: 12,
                    day: 31,
                },
                Day::next,
            )
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub(crate) fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The next day.
    fn next(self) -> Day {
        Day::new(
            u32::from(self.year),
            u32::from(self.month),
            u32::from(self.day) + 1,
        )
        .or_else(|| Day::new(u32::from(self.year), u32::from(self.month) + 1, 1))
        .or_else(|| Day::new(u32::from(self.year) + 1, 1, 1))
        .unwrap_or(self)
    }

    /// Whether the day can be a page's date, given the latest one.
    pub(crate) fn plausible(self, latest: Day) -> bool {
        self.year >= MIN_YEAR && self <= latest
    }

    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

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

/// `YYYY-MM-DD` (or `/` or `.` between), or `YYYYMMDD`, with an optional
/// time and offset. Returns the day and the ISO text.
fn parse_iso(value: &str) -> Option<(Day, String)> {
    let b = value.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s = b.get(from..from + n)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
    };
    let year = digits(0, 4)?;
    let (month, day, mut pos) = match b.get(4) {
        Some(&sep @ (b'-' | b'/' | b'.')) => {
            let (month, after) = one_or_two(b, 5)?;
            if b.get(after) != Some(&sep) {
                return None;
            }
            let (day, end) = one_or_two(b, after + 1)?;
            (month, day, end)
        }
        _ => (digits(4, 2)?, digits(6, 2)?, 8),
    };
    if b.get(pos).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let day = Day::new(year, month, day)?;
    let mut out = day.iso();
    // Time: [T ]HH:MM[:SS][.fff][Z|±HH[:]MM]
    if matches!(b.get(pos), Some(b'T' | b' ')) {
        let hour = digits(pos + 1, 2);
        let minute = digits(pos + 4, 2).filter(|_| b.get(pos + 3) == Some(&b':'));
        if let (Some(h), Some(m)) = (hour, minute) {
            if h < 24 && m < 60 {
                pos += 6;
                let mut second = 0;
                if b.get(pos) == Some(&b':') {
                    second = digits(pos + 1, 2).filter(|&s| s < 61).unwrap_or(0);
                    pos += 3;
                }
                while b.get(pos).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
                    pos += 1;
                }
                out.push_str(&format!("T{h:02}:{m:02}:{second:02}"));
                match b.get(pos) {
                    Some(b'Z') => out.push('Z'),
                    Some(&sign @ (b'+' | b'-')) => {
                        let oh = digits(pos + 1, 2);
                        let colon = usize::from(b.get(pos + 3) == Some(&b':'));
                        let om = digits(pos + 3 + colon, 2).or(Some(0));
                        if let (Some(oh), Some(om)) = (oh, om) {
                            if oh < 15 && om < 60 {
                                out.push_str(&format!("{}{oh:02}:{om:02}", sign as char));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Some((day, out))
}

/// One or two ASCII digits at `from`: their value and the index after them.
fn one_or_two(b: &[u8], from: usize) -> Option<(u32, usize)> {
    let first = b.get(from).filter(|c| c.is_ascii_digit())?;
    let mut value = u32::from(first - b'0');
    let mut end = from + 1;
    if let Some(c) = b.get(end).filter(|c| c.is_ascii_digit()) {
        value = value * 10 + u32::from(c - b'0');
        end += 1;
    }
    Some((value, end))
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
