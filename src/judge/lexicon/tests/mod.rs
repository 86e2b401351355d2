//! Tests of the lexicon: the data files' hygiene, then each lookup.

mod cruft;
mod data;
mod eval;
mod hints;

use super::Lexicon;
use std::sync::OnceLock;

/// One lexicon shared by the tests (built once per test binary).
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::new)
}

#[test]
fn lexicon_is_send_sync_clone() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Lexicon>();
    let copy = lexicon().clone();
    assert!(copy.is_stopword("the"));
    assert!(format!("{copy:?}").starts_with("Lexicon { stopwords: "));
}
