//! The page's language: as declared, normalised to a BCP 47 tag, or
//! detected from the extracted text.

use super::vocab::Vocab;

/// Detection reads at most this many bytes of the text: a few paragraphs
/// are as telling as the whole, and detection costs time linear in text.
const DETECT_BYTES: usize = 2048;
/// Texts shorter than this many bytes are not worth a guess.
const MIN_DETECT_BYTES: usize = 40;

/// A declared language (`en_US`, `de-at`, `fr, en`) as a BCP 47 tag
/// (`en-US`, `de-AT`, `fr`), or `None` when it is not one.
pub(crate) fn normalise_tag(declared: &str) -> Option<String> {
    let first = declared.split([',', ';', ' ']).find(|s| !s.is_empty())?;
    let mut parts = first.split(['-', '_']);
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary.to_ascii_lowercase();
    for sub in parts {
        if sub.is_empty() || sub.len() > 8 || !sub.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        tag.push('-');
        if sub.len() == 2 {
            tag.push_str(&sub.to_ascii_uppercase());
        } else {
            tag.push_str(sub);
        }
    }
    // "xx" and "zz" are placeholders, not languages.
    (!matches!(tag.as_str(), "xx" | "zz" | "und")).then_some(tag)
}

/// The language of `text`, detected from its first few KB; `None` when
/// the detector is not confident.
pub(crate) fn detect(text: &str, vocab: &Vocab) -> Option<String> {
    let mut end = text.len().min(DETECT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.len() < MIN_DETECT_BYTES {
        return None;
    }
    let info = whatlang::detect(sample).filter(whatlang::Info::is_reliable)?;
    let code = info.lang().code();
    Some(vocab.two_letter(code).unwrap_or(code).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags_are_normalised() {
        assert_eq!(normalise_tag("en_US").as_deref(), Some("en-US"));
        assert_eq!(normalise_tag("DE-at").as_deref(), Some("de-AT"));
        assert_eq!(normalise_tag("fr, en").as_deref(), Some("fr"));
        assert_eq!(normalise_tag("zh-Hant-TW").as_deref(), Some("zh-Hant-TW"));
        for bad in ["", "{{lang}}", "english", "e", "en-", "xx", "12"] {
            assert_eq!(normalise_tag(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn detection() {
        let v = Vocab::load();
        let de = "Die Bundesregierung hat am Mittwoch beschlossen, dass die Maßnahmen \
                  zum Schutz der Bevölkerung bis zum Ende des Monats verlängert werden.";
        assert_eq!(detect(de, &v).as_deref(), Some("de"));
        let en = "The government decided on Wednesday that the measures to protect \
                  the population will be extended until the end of the month.";
        assert_eq!(detect(en, &v).as_deref(), Some("en"));
        assert_eq!(detect("Hi", &v), None);
        assert_eq!(detect("", &v), None);
        // Multi-byte text cut at the sample size is cut at a char boundary.
        let long = "ä".repeat(5000);
        let _ = detect(&long, &v);
    }
}
