//! The [`Extractor`]: runs the pipeline stages in order with one set of options.

use crate::lexicon::Lexicon;
use crate::{
    assemble, decode, features, metadata, parse, prune, render, score, segment, select, Article,
    Error, ExtractorBuilder, Options,
};

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
    vocab: metadata::Vocab,
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
        }
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
        let analysis = self.analyse(html);
        let body = assemble::assemble(
            &analysis.blocks,
            &analysis.selection.keep,
            analysis.meta.title.as_deref(),
        );
        let text = render::text(&body);
        let meta = analysis.meta;
        let language = meta
            .language
            .or_else(|| metadata::detect_language(&text, &self.vocab));
        Ok(Article {
            title: meta.title,
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
            text,
        })
    }

    /// Every block of the page with its verdict, for explaining decisions.
    #[doc(hidden)]
    pub fn explain(&self, html: &str) -> Vec<(String, String)> {
        let a = self.analyse(html);
        a.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let f = &a.features.blocks[i];
                let why = format!(
                    "{:?}->{:?} {:?} keep={} w={:.0} ld={:.2} sw={:.2} td={:.1}",
                    a.verdicts[i].class,
                    a.selection.verdicts[i].class,
                    a.selection.verdicts[i].reason,
                    a.selection.keep[i],
                    f.words,
                    f.link_density,
                    f.stopword_density,
                    f.text_density,
                );
                let why = format!("{why}\n     @ {}", a.dom.path_of(b.container));
                (b.text.clone(), why)
            })
            .collect()
    }

    /// Parse, prune, segment and compute features: everything before the
    /// scoring loop, so benchmarks can time that loop alone.
    #[doc(hidden)]
    pub fn prepare(&self, html: &str) -> Prepared {
        let mut dom = parse::parse(html, self.options.max_depth);
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
        let verdicts = score::score(
            &page.blocks,
            &page.features.blocks,
            page.features.language.is_some(),
        );
        let selection = select::select(&page.dom, &page.blocks, &page.features, &verdicts);
        selection.keep.iter().filter(|&&k| k).count()
    }

    /// Run every stage up to selection.
    fn analyse(&self, html: &str) -> Analysis {
        let mut dom = parse::parse(html, self.options.max_depth);
        let meta = metadata::read(&dom, &self.vocab);
        prune::prune(&mut dom);
        let blocks = segment::segment(&dom);
        let features = features::compute(&dom, &blocks, &self.lexicon);
        let verdicts = score::score(&blocks, &features.blocks, features.language.is_some());
        let selection = select::select(&dom, &blocks, &features, &verdicts);
        Analysis {
            dom,
            meta,
            blocks,
            features,
            verdicts,
            selection,
        }
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        let limit = self.options.max_input_bytes;
        if size > limit {
            return Err(Error::InputTooLarge { size, limit });
        }
        Ok(())
    }
}

/// Everything the stages found out about one page.
struct Analysis {
    dom: crate::dom::Dom,
    meta: metadata::Metadata,
    blocks: Vec<segment::Block>,
    features: features::PageFeatures,
    verdicts: Vec<score::Verdict>,
    selection: select::Selection,
}

/// A page taken up to the scoring loop (see [`Extractor::prepare`]).
#[doc(hidden)]
pub struct Prepared {
    dom: crate::dom::Dom,
    blocks: Vec<segment::Block>,
    features: features::PageFeatures,
}

impl Prepared {
    /// How many text blocks the page has.
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }
}
