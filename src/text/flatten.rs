//! HTML in, the page's text out, one block-level element a line: what a
//! scraper's `innerText` gives. Used to measure the text front end on the
//! HTML evaluation sets.

use crate::html::{parse, prune, segment};
use crate::model::options::DEFAULT_MAX_DEPTH;

/// Flatten an HTML page to its text: every block-level element's text on
/// its own line, in page order, nothing left out but code and styles
/// (`script`, `style`, `noscript`, `template`) — no navigation, footer or
/// hidden element is removed, so the result holds every cruft line a
/// scraper would keep.
///
/// Meant for measuring [`extract_text`](crate::extract_text) on pages
/// whose HTML is at hand; it shares the HTML path's parse and segment
/// stages.
///
/// ```
/// let html = "<html><body><nav><a href=/>Home</a></nav>\
///             <h1>Rain due</h1><p>Heavy rain is <b>expected</b>.</p><script>x()</script></body></html>";
/// assert_eq!(unboil::flatten_to_text(html), "Home\nRain due\nHeavy rain is expected.\n");
/// ```
pub fn flatten_to_text(html: &str) -> String {
    let mut dom = parse::parse(html, DEFAULT_MAX_DEPTH);
    prune::prune_where(&mut dom, prune::is_code);
    let mut text = String::with_capacity(html.len() / 4);
    for block in segment::segment(&dom) {
        for line in block.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}
