//! Any bytes through the HTML entry points: extraction, explanation and
//! every rendering. Must never panic, abort or overflow the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static unboil::Extractor {
    static EXTRACTOR: OnceLock<unboil::Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(unboil::Extractor::default)
}

fuzz_target!(|data: &[u8]| {
    let extractor = extractor();
    if let Ok(article) = extractor.extract(unboil::Input::html_bytes(data)) {
        let html = article.to_html();
        assert!(!html.contains("<script"));
        let _ = article.to_markdown();
    }
    if let Ok(explanation) = extractor.explain(unboil::Input::html_bytes(data)) {
        let _ = explanation.to_html();
    }
});
