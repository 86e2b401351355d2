//! Name-and-bio boxes: the blocks of a text page and the verdicts so far
//! in, the blocks that are an author's (or a publisher's) box out.
//!
//! Under an article, sites print who wrote it: a line with the name
//! ("Meg James", "About Brigit Katz", "Sobre Carlos Nadalim", "About
//! Ascom") and a paragraph about them that opens with that name ("Meg
//! James is a corporate media reporter…", "Ascom is a global solutions
//! provider…"). The phrase patterns of `data/lines.txt` know some job
//! titles; this knows the shape, in any language: a name line, then a
//! paragraph that starts with the name (or its last word, "Regan is…"),
//! or, after an introducing word ("About", "Über"), names it within its
//! first words ("Als Sales Manager bildet Moritz Bachmann…").

use std::sync::LazyLock;

use crate::html::segment::Block;
use crate::judge::score::{Class, Verdict};

/// Words that introduce a box ("about", "über", "sobre"), lowercase.
const INTROS: &str = include_str!("data/bio_intros.txt");

static INTRO_PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut phrases: Vec<Vec<String>> = INTROS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(key_words)
        .filter(|w| !w.is_empty())
        .collect();
    // Longest first, so "about the author" wins over "about".
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
});

/// A name has one to four words ("Regan", "Jean-Paul de la Cruz" is four
/// words once hyphens split it): more is a headline.
const NAME_WORDS: std::ops::RangeInclusive<usize> = 1..=4;

/// A bio paragraph has at least this many words: a sentence about
/// someone's job and beat ("Regan is a writer living in Boston with her
/// two sons and a cat.").
const MIN_BIO_WORDS: u32 = 12;

/// After an introducing word, the name may come this far into the
/// paragraph: past a job title ("Als Inbound Sales Manager bildet Moritz
/// Bachmann…").
const INTRO_NAME_WINDOW: usize = 12;

/// The name lines and the bio paragraph under each, among the blocks
/// still `open` (not judged yet) after the first good paragraph (the
/// article is above them).
pub(crate) fn name_and_bio(blocks: &[Block], first: &[Verdict], open: &[bool]) -> Vec<usize> {
    let mut found = Vec::new();
    let Some(start) = first.iter().position(|v| v.class == Class::Good) else {
        return found;
    };
    for i in start + 1..blocks.len().saturating_sub(1) {
        if !open[i] || !open[i + 1] || found.contains(&i) {
            continue;
        }
        let Some((name, introduced)) = name_line(&blocks[i].text) else {
            continue;
        };
        // "About Acme" over "Acme makes…" under a release about Acme is
        // the release's boilerplate, part of it; a box about someone the
        // article never names is the author's.
        let person = !mentioned(&blocks[start..i], &first[start..i], &name);
        // "Sobre Carlos Nadalim" may be followed by the name again (a photo's
        // alt text, a link) before the bio.
        let again = name_line(&blocks[i + 1].text).is_some_and(|(n, _)| n == name);
        let bio = if again { i + 2 } else { i + 1 };
        if person
            && bio < blocks.len()
            && open[bio]
            && blocks[bio].words >= MIN_BIO_WORDS
            && opens_with_name(&key_words(&blocks[bio].text), &name, introduced)
        {
            found.extend(i..=bio);
        }
    }
    found
}

/// Lower-cased alphanumeric words, for comparing names.
fn key_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a good paragraph names `name`.
fn mentioned(blocks: &[Block], first: &[Verdict], name: &[String]) -> bool {
    blocks.iter().zip(first).any(|(b, v)| {
        v.class == Class::Good && key_words(&b.text).windows(name.len()).any(|w| w == name)
    })
}

/// The name a short line holds, and whether a word introduced it: every
/// word capitalised (short particles such as "de", "van" aside), no
/// sentence punctuation at its end.
fn name_line(text: &str) -> Option<(Vec<String>, bool)> {
    let text = text.trim();
    if text.ends_with(['.', ':', ',', ';', '!', '?', '…']) {
        return None;
    }
    let words = key_words(text);
    let intro = INTRO_PHRASES
        .iter()
        .find(|p| words.len() > p.len() && words.starts_with(p));
    let skip = intro.map_or(0, Vec::len);
    let name = &words[skip..];
    if !NAME_WORDS.contains(&name.len()) {
        return None;
    }
    let raw: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip(skip)
        .collect();
    let capitalised = raw.first().is_some_and(|w| starts_upper(w))
        && raw
            .iter()
            .all(|w| starts_upper(w) || w.chars().count() <= 3);
    capitalised.then(|| (name.to_vec(), intro.is_some()))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a paragraph's words open with the name (or the name's last
/// word), or, after an introducing word, hold it near the start.
fn opens_with_name(words: &[String], name: &[String], introduced: bool) -> bool {
    let Some(last) = name.last() else {
        return false;
    };
    if words.starts_with(name) || words.first() == Some(last) {
        return true;
    }
    introduced
        && words
            .windows(name.len())
            .take(INTRO_NAME_WINDOW)
            .any(|w| w == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_line_with_or_without_an_intro() {
        let name = |t| name_line(t).map(|(n, i)| (n.join(" "), i));
        assert_eq!(name("Meg James"), Some(("meg james".into(), false)));
        assert_eq!(
            name("Über Moritz Bachmann"),
            Some(("moritz bachmann".into(), true))
        );
        assert_eq!(
            name("Sobre Carlos de Nadalim"),
            Some(("carlos de nadalim".into(), true))
        );
        assert_eq!(name("Read the full story here"), None);
        assert_eq!(name("Jane Doe said:"), None);
    }

    #[test]
    fn a_bio_opens_with_the_name() {
        let name = key_words("Meg James");
        assert!(opens_with_name(
            &key_words("Meg James is a reporter"),
            &name,
            false
        ));
        assert!(opens_with_name(
            &key_words("James covers media"),
            &name,
            false
        ));
        assert!(!opens_with_name(
            &key_words("As editor, Meg James"),
            &name,
            false
        ));
        assert!(opens_with_name(
            &key_words("As editor, Meg James"),
            &name,
            true
        ));
    }
}
