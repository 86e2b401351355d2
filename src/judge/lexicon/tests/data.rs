//! Hygiene of the embedded data files.

use super::super::cruft::{date_words, raw_rows};
use super::super::normal::normalised;
use super::super::stopwords::raw_list;
use super::super::{CruftKind, Lang, LangSet};
use super::lexicon;
use std::collections::HashSet;

#[test]
fn stopword_lists_are_clean_and_sized() {
    for lang in Lang::ALL {
        let words: Vec<&str> = raw_list(lang).collect();
        let mut seen = HashSet::new();
        for w in &words {
            assert_eq!(*w, w.to_lowercase(), "{}: not lowercase: {w}", lang.code());
            assert!(!w.contains(char::is_whitespace), "{}: {w:?}", lang.code());
            assert!(!w.contains('’'), "{}: use ' in {w}", lang.code());
            assert!(seen.insert(*w), "{}: duplicate {w}", lang.code());
        }
        let major = LangSet::of(lang).intersects(
            [
                Lang::En,
                Lang::De,
                Lang::Fr,
                Lang::Es,
                Lang::It,
                Lang::Pt,
                Lang::Nl,
                Lang::Ru,
            ]
            .into_iter()
            .fold(LangSet::EMPTY, |s, l| s.union(LangSet::of(l))),
        );
        let min = if major { 150 } else { 100 };
        assert!(
            (min..=350).contains(&words.len()),
            "{}: {} words",
            lang.code(),
            words.len()
        );
    }
}

#[test]
fn stopwords_per_language() {
    let lex = lexicon();
    for (lang, word) in [
        (Lang::En, "the"),
        (Lang::De, "und"),
        (Lang::Fr, "avec"),
        (Lang::Es, "pero"),
        (Lang::It, "della"),
        (Lang::Pt, "não"),
        (Lang::Nl, "het"),
        (Lang::Ru, "что"),
        (Lang::Pl, "się"),
        (Lang::Sv, "och"),
        (Lang::Da, "ikke"),
        (Lang::No, "ikke"),
        (Lang::Fi, "että"),
        (Lang::Cs, "když"),
        (Lang::Tr, "için"),
        (Lang::Id, "yang"),
        (Lang::Hu, "hogy"),
        (Lang::Ro, "și"),
    ] {
        assert!(lex.stopword_languages(word).contains(lang), "{word}");
        assert!(lex.is_stopword_in(word, LangSet::of(lang)), "{word}");
        assert!(lex.is_stopword(word), "{word}");
    }
    assert!(lex.stopword_languages("die").contains(Lang::De));
    assert!(!lex.stopword_languages("die").contains(Lang::En));
    assert!(!lex.is_stopword_in("und", LangSet::of(Lang::En)));
    assert!(LangSet::ALL.iter().count() == Lang::ALL.len());
    for word in [
        "weather",
        "government",
        "rain",
        "wetter",
        "économie",
        "",
        "The",
    ] {
        assert!(!lex.is_stopword(word), "{word}");
    }
    // Contractions, whole and split at the apostrophe.
    for word in ["don't", "don", "t", "it's", "l", "qu", "dell"] {
        assert!(lex.is_stopword(word), "{word}");
    }
}

const MAJOR: [&str; 8] = ["en", "de", "fr", "es", "it", "pt", "nl", "ru"];

/// Languages with a few phrases, not yet one of every kind.
const PARTIAL: [&str; 1] = ["pl"];

#[test]
fn cruft_rows_are_normalised_and_match_themselves() {
    let lex = lexicon();
    let (whole, contains) = raw_rows();
    let mut kinds_by_lang = HashSet::new();
    for (kind, lang, phrase) in whole {
        assert!(
            MAJOR.contains(&lang) || PARTIAL.contains(&lang),
            "cruft.txt: language {lang} of {phrase:?}"
        );
        kinds_by_lang.insert((kind, lang));
        let key = phrase.strip_suffix(" *").unwrap_or(phrase);
        let key = key.strip_prefix("* ").unwrap_or(key);
        let sample = key.replace("<n>", "7");
        assert_eq!(
            normalised(&sample).replace("<n>", "7"),
            sample,
            "not normalised: {phrase:?}"
        );
        assert_eq!(lex.cruft(&sample), Some(kind), "{phrase:?}");
        let upper = sample.to_uppercase();
        if upper.to_lowercase() == sample {
            assert_eq!(lex.cruft(&upper), Some(kind), "{phrase:?} uppercase");
        }
    }
    for kind in CruftKind::ALL {
        for lang in MAJOR {
            assert!(
                kinds_by_lang.contains(&(kind, lang)),
                "no {} phrase in {lang}",
                kind.name()
            );
        }
    }
    for (kind, lang, phrase) in contains {
        assert!(
            MAJOR.contains(&lang),
            "cruft_contains.txt: language {lang} of {phrase:?}"
        );
        assert_eq!(phrase, phrase.to_lowercase(), "{phrase:?}");
        assert_eq!(
            phrase,
            phrase.split_whitespace().collect::<Vec<_>>().join(" "),
            "{phrase:?}"
        );
        let upper = phrase.to_uppercase();
        let shown = if upper.to_lowercase() == phrase {
            upper
        } else {
            phrase.to_string()
        };
        let text = format!("Some words before. {shown} — and after.");
        assert_eq!(lex.contains_cruft_phrase(&text), Some(kind), "{phrase:?}");
    }
}

#[test]
fn date_words_are_clean() {
    let mut kinds = std::collections::HashMap::new();
    for (lang, named, word) in date_words() {
        assert!(
            MAJOR.contains(&lang),
            "date_words.txt: language {lang} of {word:?}"
        );
        assert_eq!(normalised(word), word, "not normalised: {word:?}");
        let kind = kinds.entry(word).or_insert(named);
        assert_eq!(
            *kind, named,
            "{word:?} is a name in one language, a small word in another"
        );
    }
}
