//! Any bytes through the text front end (flattened page text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static unboil::Extractor {
    static EXTRACTOR: OnceLock<unboil::Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(unboil::Extractor::default)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = extractor().extract(unboil::Input::text_bytes(data)) {
        let _ = article.to_markdown();
        let _ = article.to_html();
    }
});
