//! Metadata from text: the author from a byline (or the name a bio opens
//! with, or a bare name beside the date line), and the publication date
//! from the date lines, read into ISO 8601.

use crate::html::segment::Block;
use crate::judge::lexicon::CruftKind;
use crate::judge::score::{Reason, Verdict};

use super::dates::DateReader;
use super::patterns::LineKind;
use super::why::Why;

/// Words that label a byline rather than name its author ("By", "Von",
/// "Written by", "Auteur :").
const BYLINE_LABELS: [&str; 25] = [
    "by",
    "von",
    "par",
    "por",
    "written",
    "reported",
    "reporting",
    "posted",
    "edited",
    "compiled",
    "curated",
    "author",
    "authors",
    "autor",
    "autorin",
    "autora",
    "auteur",
    "autrice",
    "texto",
    "text",
    "words",
    "story",
    "from",
    "de",
    "escrito",
];

/// The words after which a byline names its author wherever they stand
/// ("Posted on 4 April 2023 by Hannah Ellis").
const BY_WORDS: [&str; 4] = ["by", "von", "par", "por"];

/// Small words inside names ("Ursula von der Leyen", "Juan de la Cruz"), and
/// the words joining two authors.
const NAME_JOINERS: [&str; 19] = [
    "de", "da", "del", "der", "den", "di", "du", "dos", "la", "le", "van", "von", "bin", "al",
    "and", "und", "et", "y", "&",
];

/// A name has two to eight words (two authors with joiners: "Elena Marquez
/// and Tom Hadley").
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=8;

/// Verbs a bio opens with after the name ("Jane Doe is a reporter").
const BIO_VERBS: [&str; 6] = ["is", "ist", "est", "es", "has", "was"];

/// Where a date line's date comes from, best first: when a page gives a
/// publication date and an update, the publication date is the article's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum DateSource {
    Published,
    Bare,
    Updated,
}

/// Words that mark an update ("Last Updated", "Aktualisiert", "Mis à jour").
const UPDATE_WORDS: [&str; 7] = [
    "updated",
    "modified",
    "aktualisiert",
    "stand",
    "jour",
    "actualizado",
    "modificado",
];

/// The author named by the page, if any.
pub(crate) fn author(blocks: &[Block], first: &[Verdict], why: &[Why]) -> Option<String> {
    let byline = |i: usize| {
        matches!(why[i], Why::Furniture(LineKind::Byline))
            || first[i].reason == Reason::Cruft(CruftKind::Byline)
    };
    let from_byline = (0..blocks.len())
        .filter(|&i| byline(i))
        .find_map(|i| name_after_label(&blocks[i].text));
    // "Posted on 4 April 2023 by Hannah Ellis" reads as a date line.
    let from_furniture = || {
        (0..blocks.len())
            .filter(|&i| matches!(why[i], Why::Furniture(_) | Why::FirstVerdict(_)))
            .find_map(|i| name_after_by(&blocks[i].text))
    };
    from_byline
        .or_else(from_furniture)
        .or_else(|| {
            (0..blocks.len())
                .filter(|&i| matches!(why[i], Why::Bio | Why::Frame))
                .find_map(|i| name_before_bio_verb(&blocks[i].text))
        })
        .or_else(|| {
            // A bare name beside a date line ("Jane Doe" / "9 hours ago").
            let date = |i: usize| {
                matches!(why.get(i), Some(Why::Furniture(LineKind::Date)))
                    || first.get(i).map(|v| v.reason) == Some(Reason::Cruft(CruftKind::Date))
            };
            (0..blocks.len())
                .filter(|&i| date(i + 1) || (i > 0 && date(i - 1)))
                .find_map(|i| bare_name(&blocks[i].text))
        })
}

/// The publication date, as `YYYY-MM-DD`, if a date line gives a full date.
pub(crate) fn date(
    blocks: &[Block],
    first: &[Verdict],
    why: &[Why],
    dates: &DateReader,
    month_first: bool,
) -> Option<String> {
    // A byline may carry the date too ("Von Hanna Lorenzen | Stand:
    // 12.05.2025, 14:20 Uhr").
    let is_date_line = |i: usize| {
        matches!(
            why[i],
            Why::Furniture(LineKind::Date) | Why::Furniture(LineKind::Byline)
        ) || first[i].reason == Reason::Cruft(CruftKind::Date)
    };
    (0..blocks.len())
        .filter(|&i| is_date_line(i))
        .filter_map(|i| {
            let text = &blocks[i].text;
            let iso = dates.iso_date(text, month_first)?;
            // A label may stand on the line above ("First Published:").
            let label = match i.checked_sub(1).map(|p| blocks[p].text.trim_end()) {
                Some(above) if above.ends_with(':') => above,
                _ => "",
            };
            let lower = format!("{label} {text}").to_lowercase();
            let source = if UPDATE_WORDS.iter().any(|w| lower.contains(w))
                && !lower.contains("publi")
                && !lower.contains("veröffentlicht")
            {
                DateSource::Updated
            } else if lower.contains("publi")
                || lower.contains("veröffentlicht")
                || lower.contains("posted")
            {
                DateSource::Published
            } else {
                DateSource::Bare
            };
            Some((source, i, iso))
        })
        .min()
        .map(|(_, _, iso)| iso)
}

/// The name in a byline: the capitalised words after its label, up to a
/// separator ("By Jane Doe, Political Editor | 9 hours ago" → "Jane Doe").
fn name_after_label(line: &str) -> Option<String> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let is_label = |t: &&str| {
        let word = bare(t).to_lowercase();
        word.is_empty() || BYLINE_LABELS.contains(&word.as_str())
    };
    let start = tokens.iter().position(|t| !is_label(t))?;
    name_from(&tokens[start..]).or_else(|| name_after_by(line))
}

/// The name after the last "by" of a line ("… 2023 by Hannah Ellis").
fn name_after_by(line: &str) -> Option<String> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let by = tokens
        .iter()
        .rposition(|t| BY_WORDS.contains(&bare(t).to_lowercase().as_str()))?;
    name_from(&tokens[by + 1..])
}

/// The name a bio opens with ("Jane Doe is a reporter…" → "Jane Doe").
fn name_before_bio_verb(text: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().take(10).collect();
    let verb = tokens
        .iter()
        .position(|t| BIO_VERBS.contains(&t.to_lowercase().as_str()))?;
    name_from(&tokens[..verb]).filter(|n| n.split(' ').count() == verb)
}

/// A line that is only a name ("Jane Doe").
fn bare_name(line: &str) -> Option<String> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.len() > 4 {
        return None;
    }
    name_from(&tokens).filter(|n| n.split(' ').count() == tokens.len())
}

/// The leading run of name words in `tokens`, ending at a separator.
fn name_from(tokens: &[&str]) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for token in tokens {
        let word = bare(token);
        let capital = word.starts_with(char::is_uppercase);
        let joiner = !words.is_empty() && NAME_JOINERS.contains(&word);
        if word.is_empty() || word.contains(|c: char| c.is_ascii_digit()) || !(capital || joiner) {
            break;
        }
        words.push(word);
        // "Jane Doe, Political Editor", "Jane Doe | The Gazette"
        if token.ends_with([',', ';', '|', '·']) || token.ends_with(" -") {
            break;
        }
    }
    while words.last().is_some_and(|w| NAME_JOINERS.contains(w)) {
        words.pop();
    }
    NAME_WORDS.contains(&words.len()).then(|| words.join(" "))
}

/// A token without the punctuation around it.
fn bare(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_bylines_bios_and_bare_lines() {
        let cases = [
            ("By Jane Doe, Political Editor", Some("Jane Doe")),
            (
                "By Elena Marquez and Tom Hadley",
                Some("Elena Marquez and Tom Hadley"),
            ),
            ("Von Ursula von der Leyen", Some("Ursula von der Leyen")),
            ("Par Marie Dupont | Le 12 mars 2024", Some("Marie Dupont")),
            ("Written by: Sam Lee · 9 hours ago", Some("Sam Lee")),
            ("By staff", None),
            ("Curated By : Rohan Kulkarni", Some("Rohan Kulkarni")),
            (
                "Posted on 4 April 2023 by Hannah Ellis",
                Some("Hannah Ellis"),
            ),
        ];
        for (line, want) in cases {
            assert_eq!(name_after_label(line).as_deref(), want, "{line}");
        }
        assert_eq!(
            name_before_bio_verb("Jane Doe is a local democracy reporter.").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(bare_name("Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(bare_name("Council tax rises again"), None);
    }
}
