//! Any bytes, read as UTF-8 (invalid sequences replaced), must build the
//! same tree through our tokenizer as through html5ever's own.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Err(difference) = unboil::check_parser_against_html5ever(&html) {
        panic!("{difference}\ninput: {html:?}");
    }
});
