//! Author names from bylines: "By Jane Doe and John Roe | Staff Writer,
//! 3 May 2021" → `["Jane Doe", "John Roe"]`.
//!
//! A byline is cut into parts at list punctuation and joining words
//! (`data/bylines.txt`); each part loses its leading "By"/"Von"/"Text:" and is
//! dropped when it is not a name: an e-mail address, a URL, a date or time, a
//! photo credit, a job title, only noise words, several lower-case words, or
//! sentence-long.

use super::dates::{self, Day};
use super::vocab::Vocab;

/// A name longer than this many words is a sentence, not a name.
const MAX_NAME_WORDS: usize = 5;
/// A stretch between list separators of more words than this is prose.
const MAX_PIECE_WORDS: usize = 12;
/// A collective byline ("HLNF Staff Report") has at most this many words.
const MAX_COLLECTIVE_WORDS: usize = 4;
/// Nor is a name of more characters than this.
const MAX_NAME_CHARS: usize = 60;

/// Characters that separate names in a list.
fn is_list_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '|' | '/' | '•' | '·' | '–' | '—' | '\n' | '(' | ')' | '[' | ']'
    )
}

/// The names in one byline or author value, cleaned, in order, without
/// duplicates.
pub(crate) fn clean(raw: &str, vocab: &Vocab, latest: Day) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    if raw.len() > 1000 || looks_like_url(raw.trim()) {
        return names;
    }
    let raw = super::entities::decode(raw);
    for chunk in raw.split(is_list_separator) {
        // " - " separates too, a hyphen inside a name does not.
        for piece in chunk.split(" - ") {
            if piece.split_whitespace().count() > MAX_PIECE_WORDS {
                continue;
            }
            for part in split_joiners(piece, vocab) {
                if let Some(name) = clean_part(&part, vocab, latest) {
                    push_unique(&mut names, name);
                }
            }
        }
    }
    names
}

/// A collective byline ("Redaktion", "Staff Writer", "HLNF Staff Report"):
/// a short part with a job title and no person's name in it, which
/// [`clean`] drops. Pages that credit only their newsroom name it so.
pub(crate) fn collective(raw: &str, vocab: &Vocab) -> Option<String> {
    if raw.len() > MAX_NAME_CHARS * 2 {
        return None;
    }
    raw.split(is_list_separator).find_map(|part| {
        let mut words: Vec<&str> = part.split_whitespace().collect();
        while let Some(n) = prefix_len(&words, vocab).filter(|&n| n < words.len()) {
            words.drain(..n);
        }
        let keys: Vec<String> = words.iter().map(|w| word_key(w)).collect();
        let capitalised = words.iter().all(|w| w.starts_with(char::is_uppercase));
        (!words.is_empty()
            && words.len() <= MAX_COLLECTIVE_WORDS
            && capitalised
            && keys.iter().any(|k| vocab.is_role(k)))
        .then(|| words.join(" "))
    })
}

/// Add `name` unless a name with the same letters is already there.
pub(crate) fn push_unique(names: &mut Vec<String>, name: String) {
    let key = name_key(&name);
    if !key.is_empty() && !names.iter().any(|n| name_key(n) == key) {
        names.push(name);
    }
}

/// A name's letters and digits, lowercased, for comparing names.
pub(crate) fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn looks_like_url(s: &str) -> bool {
    s.contains("://") || s.starts_with("www.") || s.starts_with('/')
}

/// Split at joining words ("and", "und", "&") between names.
fn split_joiners(piece: &str, vocab: &Vocab) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for word in piece.split_whitespace() {
        if vocab.is_joiner(&word.to_lowercase()) {
            parts.push(current.join(" "));
            current.clear();
        } else {
            current.push(word);
        }
    }
    parts.push(current.join(" "));
    parts
}

/// One part of a byline as a name, or `None` when it is not one.
fn clean_part(part: &str, vocab: &Vocab, latest: Day) -> Option<String> {
    let trim = |s: &str| {
        s.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
            .trim_start_matches(['.', '\''])
            .to_string()
    };
    let mut words: Vec<&str> = part.split_whitespace().collect();
    // "© 2020 by Jane Doe": a "by" after words without letters.
    if let Some(by) = words.iter().position(|w| *w == "by" || *w == "von") {
        if by > 0
            && !words[..by]
                .iter()
                .any(|w| w.chars().any(char::is_alphabetic))
        {
            words.drain(..by);
        }
    }
    // "Jane Doe am Samstag", "Jane Doe im Gespräch": cut at the tail word.
    if let Some(tail) = words.iter().skip(1).position(|w| vocab.is_tail(w)) {
        words.truncate(tail + 1);
    }
    // Leading "By", "Von", "Text:", repeatedly ("Text: von Jane").
    while let Some(n) = prefix_len(&words, vocab) {
        // A prefix must be followed by a name: "Text" alone is not one.
        if n >= words.len() {
            return None;
        }
        words.drain(..n);
    }
    let first = words.first().map(|w| word_key(w))?;
    if vocab.is_credit(&first) {
        return None;
    }
    // "Jane Doe Chefredakteur": a job title after a two-word name goes.
    while words.len() > 2 && words.last().is_some_and(|w| vocab.is_role(&word_key(w))) {
        words.pop();
    }
    let name = trim(&words.join(" "));
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || words.len() > MAX_NAME_WORDS
        || name.contains('@')
        || looks_like_url(&name)
        || !name.chars().any(char::is_alphabetic)
        || is_time(&name)
        || dates::find_in_text(&name, vocab, latest, false).is_some()
        || has_month_and_number(&name, vocab)
    {
        return None;
    }
    let keys: Vec<String> = words.iter().map(|w| word_key(w)).collect();
    if keys.iter().any(|k| vocab.is_role(k))
        || keys.iter().all(|k| vocab.is_noise(k) || vocab.is_joiner(k))
    {
        return None;
    }
    // Names are capitalised; several lower-case words are a phrase (a
    // single one may be a user name).
    if words.len() > 1 && !words.iter().any(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    Some(name)
}

/// The length in words of the byline prefix `words` start with, if any.
/// Prefixes listed as lower-case only ("di") must be written so, as they are
/// also the start of names ("Di Maria").
fn prefix_len(words: &[&str], vocab: &Vocab) -> Option<usize> {
    let lower: Vec<String> = words.iter().take(4).map(|w| word_key(w)).collect();
    vocab
        .prefixes()
        .iter()
        .find(|(p, lowercase_only)| {
            p.len() <= lower.len()
                && p.iter().zip(&lower).all(|(a, b)| a == b)
                && (!lowercase_only
                    || words
                        .first()
                        .is_some_and(|w| !w.starts_with(char::is_uppercase)))
        })
        .map(|(p, _)| p.len())
}

/// A word lowercased, without punctuation at its ends ("By:" → "by").
fn word_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
        .to_lowercase()
}

/// "10:30", "10h30", "3 min".
fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
}

/// A part with a month name and a number is a date, even a partial one
/// ("May 3", "Nov 2021").
fn has_month_and_number(s: &str, vocab: &Vocab) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.split(|c: char| !c.is_alphabetic())
            .any(|w| vocab.month(&w.to_lowercase()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> Vec<String> {
        clean(raw, &Vocab::load(), Day::new(2024, 6, 1).unwrap())
    }

    #[test]
    fn bylines_become_names() {
        assert_eq!(names("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            names("Von Max Müller und Erika Mustermann"),
            ["Max Müller", "Erika Mustermann"]
        );
        assert_eq!(names("Par Jean Dupont"), ["Jean Dupont"]);
        assert_eq!(names("Text: Anna Schmidt"), ["Anna Schmidt"]);
        assert_eq!(names("BY: JANE DOE"), ["JANE DOE"]);
        assert_eq!(names("Written by Jane Doe"), ["Jane Doe"]);
        assert_eq!(
            names("Jane Doe, John Roe; Ann Poe"),
            ["Jane Doe", "John Roe", "Ann Poe"]
        );
        assert_eq!(names("Jane Doe & John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(names("  Jane   Doe  "), ["Jane Doe"]);
        assert_eq!(names("Jean-Luc Picard"), ["Jean-Luc Picard"]);
        assert_eq!(names("T. V. Raman"), ["T. V. Raman"]);
        assert_eq!(names("Sadhbh O'Sullivan"), ["Sadhbh O'Sullivan"]);
    }

    #[test]
    fn noise_is_dropped() {
        assert_eq!(names("By Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe | March 3, 2021"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe - 12.03.2024, 10:30"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe (jane@example.com)"), ["Jane Doe"]);
        assert_eq!(
            names("https://www.facebook.com/janedoe"),
            Vec::<String>::new()
        );
        assert_eq!(names("Staff"), Vec::<String>::new());
        assert_eq!(names("By Staff"), Vec::<String>::new());
        assert_eq!(names("Jane Doe / Foto: John Roe"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe, PhD"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe, Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("By"), Vec::<String>::new());
        assert_eq!(names(""), Vec::<String>::new());
        assert_eq!(
            names("This is a whole sentence about the article and its topic"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn tails_titles_and_newsrooms() {
        assert_eq!(names("© 2020 by Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe am Samstag"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe Chefredakteur"), ["Jane Doe"]);
        assert_eq!(names("Veröffentlicht von Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("Jos&eacute; Garc&iacute;a"), ["José García"]);
        let v = Vocab::load();
        assert_eq!(collective("Redaktion", &v).as_deref(), Some("Redaktion"));
        assert_eq!(
            collective("By Staff Writer", &v).as_deref(),
            Some("Staff Writer")
        );
        assert_eq!(collective("Jane Doe", &v), None);
    }

    #[test]
    fn usernames_survive() {
        assert_eq!(names("Marianne1"), ["Marianne1"]);
        assert_eq!(names("r23"), ["r23"]);
    }
}
