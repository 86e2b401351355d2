//! The [`Extractor`]: runs the pipeline stages in order with one set of options.

use crate::html::{decode, parse, prune, segment};
use crate::judge::lexicon::Lexicon;
use crate::judge::{features, score};
use crate::model::article::Article;
use crate::model::error::Error;
use crate::model::options::{ExtractorBuilder, Options};
use crate::output::explain::{self, Explanation};
use crate::output::{assemble, marks, render};
use crate::{metadata, select, text};

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
            options,
            lexicon: Lexicon::new(),
            vocab: metadata::Vocab::load(),
            text_lexicon: text::TextLexicon::new(),
        }
    }

    /// The options this extractor runs with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extract the article from an HTML page held as bytes in any encoding.
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        let html = self.decode(bytes)?;
        self.extract(&html)
    }

    /// Extract the article from an HTML page held as a string.
    pub fn extract(&self, html: &str) -> Result<Article, Error> {
        self.extract_page(html, None)
    }

    /// Extract the article from an HTML page fetched from `url` (a crawler's
    /// URL, a WARC record's target URI). Relative links and images are
    /// resolved against it when the page has no `<base href>`, and it stands
    /// in for the canonical URL when the page declares none.
    ///
    /// ```
    /// let html = r#"<article><p>The committee met on Monday and agreed, after a long
    ///   debate, to publish <a href="report.pdf">its findings</a> before the end of
    ///   the month, and to hold a public meeting on them in the spring.</p></article>"#;
    /// let extractor = unboil::Extractor::builder().include_links(true).build();
    /// let article = extractor.extract_with_url(html, "https://news.example/2024/council/")?;
    /// assert_eq!(article.canonical_url.as_deref(), Some("https://news.example/2024/council/"));
    /// assert!(article
    ///     .to_markdown()
    ///     .contains("[its findings](https://news.example/2024/council/report.pdf)"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn extract_with_url(&self, html: &str, url: &str) -> Result<Article, Error> {
        self.extract_page(html, Some(url))
    }

    /// [`extract_with_url`](Self::extract_with_url) for a page held as bytes
    /// in any encoding.
    pub fn extract_bytes_with_url(&self, bytes: &[u8], url: &str) -> Result<Article, Error> {
        let html = self.decode(bytes)?;
        self.extract_page(&html, Some(url))
    }

    fn extract_page(&self, html: &str, fetched_url: Option<&str>) -> Result<Article, Error> {
        self.check_size(html.len())?;
        if html.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        let analysis = self.analyse(html, fetched_url)?;
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
            &analysis.dom,
            &analysis.blocks,
            &analysis.selection.keep,
            analysis.meta.head_title.as_deref(),
            &shape,
        );
        if let Some(body) = analysis.meta.article_body.as_deref() {
            if let Some(structured) = assemble::structured_body(body, &blocks) {
                blocks = structured;
            }
        }
        let comments = if self.options.include_comments {
            comment_text(&analysis.blocks, &analysis.selection.comments)
        } else {
            String::new()
        };
        let text = render::text(&blocks);
        self.check_output(text.len() + comments.len())?;
        let meta = analysis.meta;
        let language = meta
            .language
            .or_else(|| metadata::detect_language(&text, &self.vocab));
        Ok(Article {
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
            page_type: meta.page_type,
        })
    }

    /// Every block of the page, kept or dropped, with its label, the
    /// reason and the features behind it.
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
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn explain(&self, html: &str) -> Result<Explanation, Error> {
        self.check_size(html.len())?;
        if html.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        let a = self.analyse(html, None)?;
        let (_, repeats) = assemble::assemble(
            &a.dom,
            &a.blocks,
            &a.selection.keep,
            a.meta.head_title.as_deref(),
            &assemble::Shape::PLAIN,
        );
        Ok(explain::explain(&explain::Findings {
            dom: &a.dom,
            title: a.meta.title.as_deref(),
            region: a.selection.region,
            blocks: &a.blocks,
            features: &a.features.blocks,
            first: &a.verdicts,
            last: &a.selection.verdicts,
            repeats: &repeats,
        }))
    }

    /// [`explain`](Self::explain) for a page held as bytes in any encoding.
    pub fn explain_bytes(&self, bytes: &[u8]) -> Result<Explanation, Error> {
        let html = self.decode(bytes)?;
        self.explain(&html)
    }

    /// Parse, prune, segment and compute features: everything before the
    /// scoring loop, so benchmarks can time that loop alone.
    #[doc(hidden)]
    pub fn prepare(&self, html: &str) -> Prepared {
        let (mut dom, _) = parse::parse_page(html, self.options.max_depth, usize::MAX);
        prune::prune(&mut dom);
        let blocks = segment::segment(&dom);
        let features = features::compute(&dom, &blocks, &self.lexicon);
        Prepared {
            dom,
            blocks,
            features,
        }
    }

    /// The scoring loop alone (score and select) on a prepared page;
    /// returns how many blocks were kept.
    #[doc(hidden)]
    pub fn score_prepared(&self, page: &Prepared) -> usize {
        let balance = self.options.balance();
        let verdicts = score::score(
            &page.blocks,
            &page.features.blocks,
            page.features.language.is_some(),
            balance,
        );
        let selection = select::select(&page.dom, &page.blocks, &page.features, &verdicts, balance);
        selection.keep.iter().filter(|&&k| k).count()
    }

    /// Run every stage up to selection.
    fn analyse(&self, html: &str, fetched_url: Option<&str>) -> Result<Analysis, Error> {
        let max_nodes = self.options.max_dom_nodes;
        let (mut dom, over) = parse::parse_page(html, self.options.max_depth, max_nodes);
        if over {
            return Err(Error::LimitExceeded {
                limit: "max_dom_nodes",
                value: max_nodes,
            });
        }
        let meta = metadata::read(&dom, &self.vocab, fetched_url, self.options.reference_date);
        let base_href = marks::base_href(&dom);
        prune::prune(&mut dom);
        let blocks = segment::segment(&dom);
        let features = features::compute(&dom, &blocks, &self.lexicon);
        let balance = self.options.balance();
        let verdicts = score::score(
            &blocks,
            &features.blocks,
            features.language.is_some(),
            balance,
        );
        let selection = select::select(&dom, &blocks, &features, &verdicts, balance);
        Ok(Analysis {
            dom,
            meta,
            base_href,
            blocks,
            features,
            verdicts,
            selection,
        })
    }

    // ------------------------------------------------ the text front end

    /// Extract the article from page text that a scraper already flattened:
    /// an `innerText`, a copy-paste, a dump with every element on a line.
    ///
    /// Lines may end in `\n` or `\r\n`, with or without blank lines between
    /// paragraphs. The text goes through the same scorer as HTML; what markup
    /// would have told (which lines are dates, credits, bylines, menus,
    /// related headlines) is read from the lines themselves. The headline
    /// becomes the title, and the author and date are recovered when the
    /// text gives them.
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
    /// let article = unboil::Extractor::default().extract_text(text)?;
    /// assert_eq!(article.title.as_deref(), Some("Council backs new cycle lanes for the high street"));
    /// assert_eq!(article.authors, ["Jane Doe"]);
    /// assert!(article.text.starts_with("The council voted"));
    /// assert!(!article.text.contains("hours ago"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn extract_text(&self, text: &str) -> Result<Article, Error> {
        self.check_size(text.len())?;
        if text.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        // Lines are the text front end's nodes.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        if lines >= self.options.max_dom_nodes {
            return Err(Error::LimitExceeded {
                limit: "max_dom_nodes",
                value: self.options.max_dom_nodes,
            });
        }
        let balance = self.options.balance();
        let mut article = text::extract(text, &self.lexicon, &self.text_lexicon, balance);
        if article.language.is_none() {
            article.language = metadata::detect_language(&article.text, &self.vocab);
        }
        self.check_output(article.text.len() + article.comments.len())?;
        Ok(article)
    }

    /// Extract the article from flattened page text held as bytes in any
    /// encoding (detected as for [`extract_bytes`](Self::extract_bytes):
    /// a byte-order mark, valid UTF-8, or statistical detection).
    pub fn extract_text_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        let text = self.decode(bytes)?;
        self.extract_text(&text)
    }

    /// Every block of a text with its verdicts, for explaining decisions.
    #[doc(hidden)]
    pub fn explain_text(&self, text: &str) -> Vec<(String, String)> {
        text::explain(
            text,
            &self.lexicon,
            &self.text_lexicon,
            self.options.balance(),
        )
    }

    fn check_output(&self, size: usize) -> Result<(), Error> {
        let limit = self.options.max_output_bytes;
        if size > limit {
            return Err(Error::LimitExceeded {
                limit: "max_output_bytes",
                value: limit,
            });
        }
        Ok(())
    }

    /// `bytes` decoded to text, once they are known to be within the size
    /// limit.
    fn decode<'b>(&self, bytes: &'b [u8]) -> Result<std::borrow::Cow<'b, str>, Error> {
        self.check_size(bytes.len())?;
        let text = decode::decode(bytes)?;
        // Decoding can grow a page (Latin-1 to UTF-8 up to twice): the text
        // is held to the limit too.
        self.check_size(text.len())?;
        Ok(text)
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        // `Options` fields can be set past the builder's ceiling.
        let limit = self
            .options
            .max_input_bytes
            .min(crate::model::options::MAX_INPUT_BYTES_CEILING);
        if size > limit {
            return Err(Error::InputTooLarge { size, limit });
        }
        Ok(())
    }
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

/// Everything the stages found out about one page.
struct Analysis {
    dom: crate::html::dom::Dom,
    meta: metadata::Metadata,
    /// The head's `<base href>`, read before pruning removed the head.
    base_href: Option<String>,
    blocks: Vec<segment::Block>,
    features: features::PageFeatures,
    verdicts: Vec<score::Verdict>,
    selection: select::Selection,
}

/// A page taken up to the scoring loop (see [`Extractor::prepare`]).
#[doc(hidden)]
pub struct Prepared {
    dom: crate::html::dom::Dom,
    blocks: Vec<segment::Block>,
    features: features::PageFeatures,
}

impl Prepared {
    /// How many text blocks the page has.
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }
}

#[cfg(test)]
mod tests;
