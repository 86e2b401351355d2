//! The one error type. Each variant says what went wrong and, where there is
//! one, what to do about it.

/// Why a page could not be extracted.
///
/// A page that parses but has no main content is *not* an error: it gives an
/// [`Article`](crate::Article) whose `text` is empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input had no bytes, or only whitespace.
    #[error("the input is empty: there is no page to extract from")]
    EmptyInput,
    /// The input is larger than [`ExtractorBuilder::max_input_bytes`](crate::ExtractorBuilder::max_input_bytes).
    #[error("the input is {size} bytes, over the limit of {limit} bytes (raise `max_input_bytes` to accept it)")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The bytes look like a binary file (an image, a PDF, compressed data), not a page.
    #[error("the input is binary data ({kind}), not an HTML page or text; decompress or convert it first")]
    BinaryInput {
        /// What the bytes look like, e.g. `"gzip"` or `"PNG image"`.
        kind: &'static str,
    },
    /// A configured limit on the parsed document or the article was reached.
    #[error(
        "the page goes over the limit `{limit}` = {value} (raise it in the extractor options)"
    )]
    LimitExceeded {
        /// The option that names the limit: `"max_dom_nodes"` or `"max_output_bytes"`.
        limit: &'static str,
        /// The configured value of that limit.
        value: usize,
    },
}
