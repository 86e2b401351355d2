//! The [`Extractor`]: one entry pair, [`extract`](Extractor::extract) and
//! [`explain`](Extractor::explain), over one [`Input`]. `admit` holds every
//! check on the input (size, decoding, emptiness); `pipeline.rs` writes the
//! stage sequence once.

mod pipeline;
mod text_pipeline;

#[cfg(feature = "internals")]
pub use pipeline::Prepared;

use std::borrow::Cow;

use crate::assess::{confidence, page_type, Assessor};
use crate::html::{decode, segment};
use crate::judge::lexicon::Lexicon;
use crate::model::article::Article;
use crate::model::date::Date;
use crate::model::error::{Error, Limit};
use crate::model::input::{Content, Input};
use crate::model::options::{ExtractorBuilder, Options};
use crate::output::explain::{self, Explanation};
use crate::output::{assemble, marks, not_found, product, render};
use crate::{metadata, text};

/// A configured extractor, reusable across calls and threads (`Send + Sync`).
///
/// ```
/// let extractor = unboil::Extractor::default();
/// let article = extractor.extract("<p>Just one paragraph of text, but a real one.</p>")?;
/// assert_eq!(article.text, "Just one paragraph of text, but a real one.");
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Clone)]
pub struct Extractor {
    options: Options,
    lexicon: Lexicon,
    /// The metadata reader's word lists (bylines, months, languages).
    vocab: metadata::Vocab,
    /// The text front end's line patterns and month names.
    text_lexicon: text::TextLexicon,
    /// The page-type classifier's word lists.
    assessor: Assessor,
}

impl ExtractorBuilder {
    /// The extractor with these options.
    pub fn build(self) -> Extractor {
        Extractor::with_options(self.options)
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::with_options(Options::default())
    }
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Extractor {
    /// A builder for an extractor with non-default options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor with the given options.
    pub fn with_options(options: Options) -> Self {
        Extractor {
            options: options.clamped(),
            lexicon: Lexicon::new(),
            vocab: metadata::Vocab::load(),
            text_lexicon: text::TextLexicon::new(),
            assessor: Assessor::load(),
        }
    }

    /// The options this extractor runs with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extract the article from one input: an HTML page or flattened text,
    /// as a string or as bytes in any encoding, with the URL and the day it
    /// was fetched when known (see [`Input`]). A `&str` is an HTML page.
    ///
    /// ```
    /// use unboil::{Extractor, Input};
    /// let html = r#"<article><p>The committee met on Monday and agreed, after a long
    ///   debate, to publish <a href="report.pdf">its findings</a> before the end of the
    ///   month, and to hold a public meeting on them in the spring.</p></article>"#;
    /// let extractor = Extractor::builder().include_links(true).build();
    /// let article = extractor.extract(Input::html(html).url("https://news.example/2024/council/"))?;
    /// assert_eq!(article.canonical_url.as_deref(), Some("https://news.example/2024/council/"));
    /// assert!(article
    ///     .to_markdown()
    ///     .contains("[its findings](https://news.example/2024/council/report.pdf)"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    ///
    /// Flattened text (an `innerText`, a copy-paste, a dump with every element
    /// on a line) goes through the same scorer; what markup would have told
    /// (which lines are dates, credits, bylines, menus, related headlines) is
    /// read from the lines themselves. The headline becomes the title, and
    /// the author and date are recovered when the text gives them.
    ///
    /// ```
    /// let text = "Home\nNews\nSport\n\
    ///     Council backs new cycle lanes for the high street\n\
    ///     By Jane Doe\n\
    ///     9 hours ago\n\
    ///     The council voted on Tuesday to build protected cycle lanes along the whole \
    ///     of the high street, after a year in which residents had asked for safer routes.\n\
    ///     Work is to start in the spring and should be finished by the end of the year, \
    ///     the council said, at a cost that it has yet to set out in full.\n\
    ///     Read more\n";
    /// let article = unboil::Extractor::default().extract(unboil::Input::text(text))?;
    /// assert_eq!(article.title.as_deref(), Some("Council backs new cycle lanes for the high street"));
    /// assert_eq!(article.authors, ["Jane Doe"]);
    /// assert!(article.text.starts_with("The council voted"));
    /// assert!(!article.text.contains("hours ago"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn extract<'a>(&self, input: impl Into<Input<'a>>) -> Result<Article, Error> {
        let input = input.into();
        let page = self.admit(&input)?;
        if input.is_html() {
            self.extract_page(&page)
        } else {
            self.extract_flat_text(&page)
        }
    }

    fn extract_page(&self, page: &Admitted<'_>) -> Result<Article, Error> {
        self.extract_page_with_features(page)
            .map(|(article, _)| article)
    }

    /// [`extract`](Self::extract) on an HTML page, with the page-type
    /// classifier's and the confidence model's features by name (the
    /// `internals` feature; `examples/assess_features.rs` dumps them to fit
    /// the models).
    #[cfg(feature = "internals")]
    #[allow(clippy::type_complexity)]
    pub fn extract_with_features<'a>(
        &self,
        input: impl Into<Input<'a>>,
    ) -> Result<(Article, Vec<(&'static str, f32)>, Vec<(&'static str, f32)>), Error> {
        let page = self.admit(&input.into())?;
        let (article, (types, conf)) = self.extract_page_with_features(&page)?;
        let named = |names: &[&'static str], values: &[f32]| {
            names.iter().copied().zip(values.iter().copied()).collect()
        };
        Ok((
            article,
            named(&page_type::FEATURES, &types),
            named(&confidence::FEATURES, &conf),
        ))
    }

    /// [`extract_page`](Self::extract_page), with the confidence model's
    /// features.
    fn extract_page_with_features(
        &self,
        page: &Admitted<'_>,
    ) -> Result<(Article, (page_type::Vector, confidence::Vector)), Error> {
        let fetched_url = page.url;
        let analysis = self.analyse(page)?;
        let o = &self.options;
        let resolver = if o.include_links || o.include_images {
            marks::Resolver::new(
                analysis.base_href.as_deref(),
                &[
                    fetched_url,
                    analysis.meta.canonical_url.as_deref(),
                    o.base_url.as_deref(),
                ],
            )
        } else {
            marks::Resolver::default()
        };
        let shape = assemble::Shape {
            links: o.include_links.then_some(&resolver),
            images: o.include_images.then_some(&resolver),
            tables: o.include_tables,
            region: analysis.selection.region,
        };
        let (mut blocks, _) = assemble::assemble(
            &analysis.page.dom,
            &analysis.page.blocks,
            &analysis.selection.keep,
            analysis.meta.head_title.as_deref(),
            &shape,
        );
        let mut structured_body = false;
        if let Some(body) = analysis.meta.article_body.as_deref() {
            if let Some(structured) = assemble::structured_body(body, &blocks) {
                blocks = structured;
                structured_body = true;
            }
        }
        if let Some(description) = analysis.meta.product_description.as_deref() {
            if let Some(block) = product::missing_description(description, &blocks) {
                blocks.insert(product::insert_at(&blocks), block);
            }
        }
        let titles = [
            analysis.meta.title.as_deref(),
            analysis.meta.head_title.as_deref(),
        ];
        if not_found::is_error_page(&titles, &blocks) {
            // A "not found" page has no main content.
            blocks.clear();
        }
        let comments = if self.options.include_comments {
            comment_text(&analysis.page.blocks, &analysis.selection.comments)
        } else {
            String::new()
        };
        let text = render::text(&blocks);
        self.check_output(text.len() + comments.len())?;
        let (confidence, confidence_features) =
            assess_confidence(&analysis, &text, structured_body);
        let meta = analysis.meta;
        let language = meta
            .language
            .or_else(|| metadata::detect_language(&text, &self.vocab));
        Ok((
            Article {
                title: meta.title,
                text,
                blocks,
                comments,
                authors: meta.authors,
                date_published: meta.date_published,
                date_modified: meta.date_modified,
                site_name: meta.site_name,
                language,
                description: meta.description,
                canonical_url: meta.canonical_url,
                image: meta.image,
                tags: meta.tags,
                categories: meta.categories,
                page_type: analysis.call.page_type,
                confidence,
            },
            (analysis.type_features, confidence_features),
        ))
    }

    /// Every block of a page, kept or dropped, with its label, the reason
    /// and the features behind it. A text input ([`Input::text`]) is
    /// explained with the text front end's own blocks and decisions (its
    /// furniture lines, article span, title and repeats); its region is the
    /// article span and each block's path its number.
    ///
    /// ```
    /// let html = r#"<nav><a href="/">Home</a> <a href="/news">News</a></nav>
    ///   <article><p>The committee met on Monday and agreed, after a long debate, to
    ///   publish its findings before the end of the month.</p></article>"#;
    /// let explanation = unboil::Extractor::default().explain(html)?;
    /// let nav = &explanation.blocks[0];
    /// assert!(!nav.kept);
    /// assert!(explanation.blocks[1].kept);
    /// println!("{}: {} ({})", nav.text, nav.label.name(), nav.reason);
    ///
    /// let text = "Rail strike called off after late-night deal\n\
    ///     Unions accepted a revised pay offer late on Monday, ending weeks of \
    ///     disruption for commuters across the region, the transport authority said.\n\
    ///     Share this article\n";
    /// let explanation = unboil::Extractor::default().explain(unboil::Input::text(text))?;
    /// assert_eq!(explanation.title.as_deref(), Some("Rail strike called off after late-night deal"));
    /// assert!(explanation.blocks[1].kept);
    /// assert!(!explanation.blocks[2].kept);
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn explain<'a>(&self, input: impl Into<Input<'a>>) -> Result<Explanation, Error> {
        let input = input.into();
        let page = self.admit(&input)?;
        if !input.is_html() {
            let mut explanation = text::explanation(&self.analyse_text(&page)?);
            if let Some(forced) = self.options.page_type {
                explanation.page_type = forced;
                explanation.page_type_reasons = vec!["forced by the caller".into()];
            }
            return Ok(explanation);
        }
        let a = self.analyse(&page)?;
        let (mut blocks, repeats) = assemble::assemble(
            &a.page.dom,
            &a.page.blocks,
            &a.selection.keep,
            a.meta.head_title.as_deref(),
            &assemble::Shape::PLAIN,
        );
        let mut structured_body = false;
        if let Some(body) = a.meta.article_body.as_deref() {
            if let Some(structured) = assemble::structured_body(body, &blocks) {
                blocks = structured;
                structured_body = true;
            }
        }
        let (confidence, _) = assess_confidence(&a, &render::text(&blocks), structured_body);
        Ok(explain::explain(&explain::Findings {
            dom: &a.page.dom,
            title: a.meta.title.as_deref(),
            region: a.selection.region,
            blocks: &a.page.blocks,
            features: &a.page.features.blocks,
            first: &a.verdicts,
            last: &a.selection.verdicts,
            repeats: &repeats,
            page_type: &a.call,
            confidence,
        }))
    }

    /// Extract from flattened page text (admitted: not empty, size checked).
    fn extract_flat_text(&self, page: &Admitted<'_>) -> Result<Article, Error> {
        let analysis = self.analyse_text(page)?;
        let mut article = text::article(&analysis, &self.text_lexicon);
        if let Some(forced) = self.options.page_type {
            article.page_type = forced;
        }
        if article.language.is_none() {
            article.language = metadata::detect_language(&article.text, &self.vocab);
        }
        self.check_output(article.text.len() + article.comments.len())?;
        Ok(article)
    }

    /// The one admission of every input: the size limit (before and after
    /// decoding, which can double a page), decoding bytes to text, and the
    /// empty check.
    fn admit<'a>(&self, input: &Input<'a>) -> Result<Admitted<'a>, Error> {
        let text = match input.content() {
            Content::Str(s) => Cow::Borrowed(s),
            Content::Bytes(bytes) => {
                self.check_size(bytes.len())?;
                decode::decode(bytes)?
            }
        };
        self.check_size(text.len())?;
        if text.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        Ok(Admitted {
            text,
            url: input.fetched_url(),
            reference: input.fetched_day().or(self.options.reference_date),
        })
    }

    fn check_output(&self, size: usize) -> Result<(), Error> {
        let limit = self.options.max_output_bytes;
        if size > limit {
            return Err(Error::LimitExceeded {
                limit: Limit::MaxOutputBytes,
                value: limit,
            });
        }
        Ok(())
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        let limit = self.options.max_input_bytes;
        if size > limit {
            return Err(Error::InputTooLarge { size, limit });
        }
        Ok(())
    }
}

/// The confidence of an extraction whose text is `text`, and its features.
fn assess_confidence(
    a: &pipeline::Analysis,
    text: &str,
    structured_body: bool,
) -> (f32, confidence::Vector) {
    let output_words = text.split_whitespace().count();
    let x = confidence::vector(&confidence::Outcome {
        dom: &a.page.dom,
        blocks: &a.page.blocks,
        first: &a.verdicts,
        keep: &a.selection.keep,
        node_hints: &a.page.features.node_hints,
        region: a.selection.region,
        output_words,
        structured_body,
        call: &a.call,
    });
    (confidence::confidence(&x, output_words), x)
}

/// The comment blocks' text, a blank line between blocks.
fn comment_text(blocks: &[segment::Block], is_comment: &[bool]) -> String {
    let texts: Vec<&str> = blocks
        .iter()
        .zip(is_comment)
        .filter(|(_, &c)| c)
        .map(|(b, _)| b.text.as_str())
        .collect();
    texts.join("\n\n")
}

/// An input past admission: its text, within the size limit and not empty.
struct Admitted<'a> {
    text: Cow<'a, str>,
    /// The URL the page was fetched from.
    url: Option<&'a str>,
    /// The day dates are held to: the input's fetch day, else the option.
    reference: Option<Date>,
}

#[cfg(test)]
mod tests;
