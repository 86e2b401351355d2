//! Character references left in metadata values: pages often escape
//! JSON-LD and meta contents twice, so "Redacci&oacute;n" reaches us with
//! the reference still in it. Named references come from
//! `data/entities.txt`; numeric ones (`&#243;`, `&#xF3;`) are decoded too.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::data::rows;

const ENTITIES: &str = include_str!("data/entities.txt");
/// The longest reference name looked for, in bytes.
const MAX_NAME: usize = 8;

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows("entities.txt", ENTITIES)
            .map(|row| row.expect::<2>("name<TAB>text").into())
            .collect()
    })
}

/// `text` with its character references decoded; unknown ones are left.
pub(crate) fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest
            .get(1..MAX_NAME + 3)
            .or_else(|| rest.get(1..))
            .and_then(|window| window.split_once(';'))
            .and_then(|(name, _)| reference(name).map(|c| (c, name.len() + 2)));
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The text a reference name (between `&` and `;`) stands for.
fn reference(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| !c.is_control())
            .map(String::from);
    }
    table().get(name).map(|s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn references_are_decoded() {
        assert_eq!(decode("Redacci&oacute;n"), "Redacción");
        assert_eq!(
            decode("Fish &amp; Chips &#8217;n&#x2019;"),
            "Fish & Chips ’n’"
        );
        assert_eq!(
            decode("A & B &unknown; &#xZZ; &"),
            "A & B &unknown; &#xZZ; &"
        );
        assert_eq!(decode("&#0;&#1114112;"), "&#0;&#1114112;");
        assert_eq!(decode("no refs"), "no refs");
        assert_eq!(decode("ünï &Uuml;"), "ünï Ü");
    }
}
