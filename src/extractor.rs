//! The [`Extractor`]: runs the pipeline stages in order with one set of options.

use crate::{decode, Article, Error, ExtractorBuilder, Options};

/// A configured extractor, reusable across calls and threads (`Send + Sync`).
///
/// ```
/// let extractor = unboil::Extractor::default();
/// let article = extractor.extract("<p>Just one paragraph of text, but a real one.</p>")?;
/// assert_eq!(article.text, "Just one paragraph of text, but a real one.");
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: Options,
}

impl Extractor {
    /// A builder for an extractor with non-default options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor with the given options.
    pub fn with_options(options: Options) -> Self {
        Extractor { options }
    }

    /// The options this extractor runs with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extract the article from an HTML page held as bytes in any encoding.
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        self.check_size(bytes.len())?;
        let html = decode::decode(bytes)?;
        self.extract(&html)
    }

    /// Extract the article from an HTML page held as a string.
    pub fn extract(&self, html: &str) -> Result<Article, Error> {
        self.check_size(html.len())?;
        if html.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        // Placeholder until the pipeline lands: all text.
        Ok(Article {
            title: None,
            text: html.to_string(),
        })
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        let limit = self.options.max_input_bytes;
        if size > limit {
            return Err(Error::InputTooLarge { size, limit });
        }
        Ok(())
    }
}
