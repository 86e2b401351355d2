//! The calendar both front ends read dates against: the one month list
//! (`data/months.txt`, every language), the plausible years, a valid
//! [`Day`], and the numeric stamp format (`2021-11-03T10:00:00+01:00`,
//! `2021/11/03`, `20211103`).
//!
//! In: month words, numbers, stamp texts. Out: month numbers, [`Day`]s and
//! their ISO 8601 text. What each front end does with dates written in
//! running text (which word orders, which separators, which ambiguities)
//! stays with it: `metadata::dates` for pages, `text::dates` for text.

use std::collections::HashMap;

use super::data::rows;
use super::date::{days_in_month, Date};

const MONTHS: &str = include_str!("data/months.txt");

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
        let days = days_in_month(year, month)?;
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
    pub(crate) fn next(self) -> Day {
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

/// Month names in every language listed, to their numbers.
#[derive(Debug)]
pub(crate) struct Months {
    names: HashMap<&'static str, u8>,
}

impl Months {
    /// Parse the embedded list, every language. Panics on a malformed line
    /// or a name listed with two numbers: the data is embedded and tested.
    pub(crate) fn load() -> Months {
        Months::load_languages(|_| true)
    }

    /// Parse the embedded list, only the languages `keep` accepts.
    pub(crate) fn load_languages(keep: impl Fn(&str) -> bool) -> Months {
        let mut names = HashMap::new();
        for row in rows("months.txt", MONTHS) {
            let [lang, month, list] = row.expect("lang<TAB>number<TAB>names");
            if !keep(lang) {
                continue;
            }
            let month: u8 = month
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .unwrap_or_else(|| row.fail(format!("bad month {month:?}")));
            for name in list.split(' ') {
                if name.is_empty() {
                    row.fail("empty name");
                }
                if names.insert(name, month).is_some_and(|m| m != month) {
                    row.fail(format!("{name:?} listed with two numbers"));
                }
            }
        }
        Months { names }
    }

    /// The number (1–12) of a lowercase month name or abbreviation.
    pub(crate) fn number(&self, lowercase: &str) -> Option<u8> {
        self.names.get(lowercase).copied()
    }
}

/// `YYYY-MM-DD` (or `/` or `.` between), or `YYYYMMDD`, with an optional
/// time and offset. Returns the day and the ISO text.
pub(crate) fn parse_iso(value: &str) -> Option<(Day, String)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_every_language() {
        let m = Months::load();
        for (name, number) in [
            ("march", 3),
            ("märz", 3),
            ("décembre", 12),
            ("sept", 9),
            ("sett", 9),
            ("marzo", 3),
            ("marca", 3),
            ("августа", 8),
            ("maart", 3),
        ] {
            assert_eq!(m.number(name), Some(number), "{name}");
        }
        assert_eq!(m.number("monday"), None);
    }

    #[test]
    fn days_are_real_and_plausible() {
        assert!(Day::new(2024, 2, 29).is_some());
        assert!(Day::new(2023, 2, 29).is_none());
        assert!(Day::new(2024, 13, 1).is_none());
        let latest = Day::latest(None);
        assert!(Day::new(MIN_YEAR.into(), 1, 1).is_some_and(|d| d.plausible(latest)));
        assert!(Day::new(1989, 12, 31).is_some_and(|d| !d.plausible(latest)));
        assert_eq!(
            Day::new(2021, 11, 3).map(Day::iso).as_deref(),
            Some("2021-11-03")
        );
    }

    #[test]
    fn numeric_stamps() {
        let iso = |s: &str| parse_iso(s).map(|(_, t)| t);
        assert_eq!(iso("2021-11-03").as_deref(), Some("2021-11-03"));
        assert_eq!(iso("2021/11/3").as_deref(), Some("2021-11-03"));
        assert_eq!(iso("20211103").as_deref(), Some("2021-11-03"));
        assert_eq!(
            iso("2021-11-03T10:00:00+01:00").as_deref(),
            Some("2021-11-03T10:00:00+01:00")
        );
        assert_eq!(iso("2021-13-03"), None);
        assert_eq!(iso("202111031"), None);
    }
}
