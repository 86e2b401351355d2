//! Stage 8, render: body blocks in, output text out.

use crate::assemble::BodyBlock;

/// Plain text: one block per paragraph, separated by a blank line.
pub(crate) fn text(body: &[BodyBlock]) -> String {
    let mut out = String::with_capacity(body.iter().map(|b| b.text.len() + 2).sum());
    for block in body {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block.text);
    }
    out
}
