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
        /// What the bytes look like (displayed as `gzip`, `PNG image`, ...).
        kind: BinaryKind,
    },
    /// A configured limit on the parsed document or the article was reached.
    #[error(
        "the page goes over the limit `{limit}` = {value} (raise it in the extractor options)"
    )]
    LimitExceeded {
        /// The limit that was reached (displayed as its option's name).
        limit: Limit,
        /// The configured value of that limit.
        value: usize,
    },
}

/// A limit of the extractor options that a page can reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// [`ExtractorBuilder::max_dom_nodes`](crate::ExtractorBuilder::max_dom_nodes).
    MaxDomNodes,
    /// [`ExtractorBuilder::max_output_bytes`](crate::ExtractorBuilder::max_output_bytes).
    MaxOutputBytes,
}

impl Limit {
    /// The option's name: `max_dom_nodes`, `max_output_bytes`.
    pub fn name(self) -> &'static str {
        match self {
            Limit::MaxDomNodes => "max_dom_nodes",
            Limit::MaxOutputBytes => "max_output_bytes",
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What binary data an input was found to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BinaryKind {
    /// gzip-compressed data.
    Gzip,
    /// A zip archive.
    Zip,
    /// A PDF document.
    Pdf,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A WebP image.
    Webp,
    /// bzip2-compressed data.
    Bzip2,
    /// xz-compressed data.
    Xz,
    /// zstd-compressed data.
    Zstd,
    /// No known signature, but mostly control bytes.
    ControlBytes,
}

impl BinaryKind {
    /// How messages name it: `gzip`, `PNG image`, `mostly control bytes`, ...
    pub fn name(self) -> &'static str {
        match self {
            BinaryKind::Gzip => "gzip",
            BinaryKind::Zip => "zip archive",
            BinaryKind::Pdf => "PDF document",
            BinaryKind::Png => "PNG image",
            BinaryKind::Jpeg => "JPEG image",
            BinaryKind::Gif => "GIF image",
            BinaryKind::Webp => "WebP image",
            BinaryKind::Bzip2 => "bzip2",
            BinaryKind::Xz => "xz",
            BinaryKind::Zstd => "zstd",
            BinaryKind::ControlBytes => "mostly control bytes",
        }
    }
}

impl std::fmt::Display for BinaryKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
