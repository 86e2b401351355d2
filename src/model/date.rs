//! [`Date`]: a calendar day, the reference that metadata's date reading is
//! held to (see [`ExtractorBuilder::reference_date`](crate::ExtractorBuilder::reference_date)).

use std::fmt;
use std::str::FromStr;

/// A calendar day (proleptic Gregorian), such as the day a page was fetched.
///
/// ```
/// let day: unboil::Date = "2019-06-01".parse()?;
/// assert_eq!((day.year(), day.month(), day.day()), (2019, 6, 1));
/// // A timestamp's day (a WARC-Date, an HTTP date in ISO form) reads too.
/// assert_eq!("2019-06-01T12:30:00Z".parse::<unboil::Date>()?, day);
/// assert_eq!(day.to_string(), "2019-06-01");
/// # Ok::<(), unboil::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a [`Date`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text does not start with `YYYY-MM-DD`.
    #[error("`{0}` is not a date written YYYY-MM-DD")]
    Format(String),
    /// The numbers name no calendar day (a 13th month, a 30 February).
    #[error("{year:04}-{month:02}-{day:02} is not a day of the calendar")]
    NoSuchDay {
        /// The year as written.
        year: u32,
        /// The month as written.
        month: u32,
        /// The day as written.
        day: u32,
    },
}

/// How many days `month` (1 to 12) of `year` has; `None` for no month.
pub(crate) fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

impl Date {
    /// The day, or `None` when the numbers name none.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let days = days_in_month(year, month)?;
        let year = u16::try_from(year).ok()?;
        (day >= 1 && day <= days).then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// `YYYY-MM-DD`, optionally followed by `T` and a time (which is ignored).
    fn from_str(s: &str) -> Result<Date, DateError> {
        let s = s.trim();
        let bad = || DateError::Format(s.chars().take(40).collect());
        let b = s.as_bytes();
        let shaped = b.len() >= 10
            && b[4] == b'-'
            && b[7] == b'-'
            && (b.len() == 10 || b[10] == b'T' || b[10] == b' ')
            && [0..4, 5..7, 8..10]
                .iter()
                .all(|r| b[r.clone()].iter().all(u8::is_ascii_digit));
        if !shaped {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| bad());
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(year, month, day).ok_or(DateError::NoSuchDay { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_stamps_and_refuses_the_rest() {
        assert_eq!("2024-02-29".parse(), Ok(Date::new(2024, 2, 29).unwrap()));
        assert_eq!(
            "2019-06-01T00:00:01Z".parse(),
            Ok(Date::new(2019, 6, 1).unwrap())
        );
        assert!(matches!(
            "2023-02-29".parse::<Date>(),
            Err(DateError::NoSuchDay { .. })
        ));
        for bad in [
            "",
            "2019-6-1",
            "20190601",
            "2019-06-01x",
            "२०१९-06-01",
            "2019-06-0",
        ] {
            assert!(
                matches!(bad.parse::<Date>(), Err(DateError::Format(_))),
                "{bad}"
            );
        }
    }
}
