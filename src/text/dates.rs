//! Reading a written date into ISO 8601 (`2024-03-12`): numeric forms
//! (`2024-03-12`, `12.03.2024`, `12/03/2024`) and written ones in several
//! languages (`March 12, 2024`, `12 March 2024`, `12. März 2024`,
//! `12 mars 2024`, `12 de marzo de 2024`), with the month names, valid days
//! and plausible years of the shared calendar (`model::dates`). What is
//! this front end's own: the regular expressions over a line, the word
//! orders around a month name, and day-first or month-first by language.

use regex::Regex;

use crate::model::dates::{Day, Months, MAX_YEAR, MIN_YEAR};

/// The languages whose month names this front end reads: the ones its month
/// list held before the two lists became one (`model/data/months.txt` also
/// has Polish, Russian and Ukrainian, which the metadata reader uses).
const LANGUAGES: [&str; 7] = ["en", "de", "fr", "es", "it", "pt", "nl"];

/// Month names by language, and the numeric date forms.
#[derive(Debug)]
pub(crate) struct DateReader {
    months: Months,
    iso: Regex,
    numeric: Regex,
}

impl DateReader {
    /// Load the shared month names of [`LANGUAGES`] and build the numeric
    /// forms.
    pub(crate) fn load() -> DateReader {
        DateReader {
            months: Months::load_languages(|lang| LANGUAGES.contains(&lang)),
            // Built from literals: cannot fail.
            iso: Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)").expect("a valid regex"),
            numeric: Regex::new(r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b").expect("a valid regex"),
        }
    }

    /// The first date in `text` as `YYYY-MM-DD`, if it holds one with a
    /// day, a month and a year. Slashed dates are read day first
    /// (`12/03/2024` is 12 March) unless the first number cannot be a
    /// month's day and the second can, or `month_first` is set (for
    /// English, where American sites write the month first) and both could
    /// be either.
    pub(crate) fn iso_date(&self, text: &str, month_first: bool) -> Option<String> {
        let text = &*super::typography::for_matching(text);
        if let Some(c) = self.iso.captures(text) {
            if let Some(date) = ymd(&c[1], &c[2], &c[3]) {
                return Some(date);
            }
        }
        if let Some(c) = self.numeric.captures(text) {
            let (a, b) = (&c[1], &c[3]);
            let (a_num, b_num) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
            let slashed = &c[2] == "/";
            let swap = slashed && (a_num <= 12 && (b_num > 12 || month_first));
            let (day, month) = if swap { (b, a) } else { (a, b) };
            if let Some(date) = ymd(&c[4], month, day) {
                return Some(date);
            }
        }
        self.written_date(text)
    }

    /// A date with the month written as a word.
    fn written_date(&self, text: &str) -> Option<String> {
        let tokens: Vec<String> = text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '/'))
            .map(|t| {
                t.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|t| !t.is_empty())
            .collect();
        let is_filler = |t: &str| matches!(t, "de" | "del" | "of" | "the");
        for (i, token) in tokens.iter().enumerate() {
            let Some(month) = self.months.number(token) else {
                continue;
            };
            let after: Vec<&str> = tokens[i + 1..]
                .iter()
                .map(String::as_str)
                .filter(|t| !is_filler(t))
                .take(2)
                .collect();
            let before = tokens[..i]
                .iter()
                .map(String::as_str)
                .rev()
                .find(|t| !is_filler(t));
            // "March 12, 2024"
            if let (Some(day), Some(year)) = (after.first().and_then(|d| day(d)), after.get(1)) {
                if let Some(date) = ymd(year, &month.to_string(), &day.to_string()) {
                    return Some(date);
                }
            }
            // "12 March 2024", "12. März 2024", "12 de marzo de 2024"
            if let (Some(day), Some(year)) = (before.and_then(day), after.first()) {
                if let Some(date) = ymd(year, &month.to_string(), &day.to_string()) {
                    return Some(date);
                }
            }
        }
        None
    }
}

/// A day of the month, maybe with an ordinal ending ("12", "12th", "1er", "1º").
fn day(token: &str) -> Option<u32> {
    let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
    let rest = &token[digits.len()..];
    let ordinal = matches!(
        rest,
        "" | "st" | "nd" | "rd" | "th" | "er" | "e" | "º" | "o"
    );
    digits
        .parse()
        .ok()
        .filter(|d| ordinal && (1..=31).contains(d))
}

/// `YYYY-MM-DD` when the parts make a real day of a plausible year.
fn ymd(year: &str, month: &str, day: &str) -> Option<String> {
    let years = u32::from(MIN_YEAR)..=u32::from(MAX_YEAR);
    let year: u32 = year.parse().ok().filter(|y| years.contains(y))?;
    Day::new(year, month.parse().ok()?, day.parse().ok()?).map(Day::iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_in_several_languages_and_forms() {
        let r = DateReader::load();
        let cases = [
            ("Last Updated: March 12, 2024, 10:32 IST", "2024-03-12"),
            ("First Published: 12 Mar 2024, 09:00 IST", "2024-03-12"),
            ("Stand: 05.11.2023, 18:04 Uhr", "2023-11-05"),
            ("Veröffentlicht am 5. November 2023", "2023-11-05"),
            ("Publié le 7 février 2024 à 10h32", "2024-02-07"),
            ("Actualizado: 12 de marzo de 2024, 10:32", "2024-03-12"),
            ("Posted 2024-03-12T10:32:00Z", "2024-03-12"),
            ("Tuesday 12th March 2024", "2024-03-12"),
            ("13/03/2024", "2024-03-13"),
        ];
        for (text, want) in cases {
            assert_eq!(r.iso_date(text, false).as_deref(), Some(want), "{text}");
        }
        assert_eq!(
            r.iso_date("03/04/2024", true).as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            r.iso_date("03/04/2024", false).as_deref(),
            Some("2024-04-03")
        );
    }

    #[test]
    fn refuses_what_is_not_a_full_date() {
        let r = DateReader::load();
        for text in [
            "9 hours ago",
            "March 2024",
            "31 February 2024",
            "Call 12.03.1234",
        ] {
            assert_eq!(r.iso_date(text, false), None, "{text}");
        }
    }
}
