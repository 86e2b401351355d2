//! Why each block went: the pipeline's results (blocks, features, verdicts,
//! selection, repeats) in, one [`ExplainedBlock`] per block of the page out.
//!
//! This is a view for people and tools, built only when asked for
//! ([`Extractor::explain`](crate::Extractor::explain)); extraction never pays for it.

use crate::html::dom::Dom;
use crate::html::segment::{Block, BlockKind};
use crate::judge::features::Features;
use crate::judge::lexicon::{CruftKind, HintCategory};
use crate::judge::score::{Class, Reason, Verdict};
use crate::model::article::PageType;
use crate::model::page_signals::TypeCall;
use crate::output::assemble::Repeat;
use crate::output::render::escape_html;
use serde::Serialize;

/// Every block of a page with the decision on it. From
/// [`Extractor::explain`](crate::Extractor::explain).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The page title found in the metadata.
    pub title: Option<String>,
    /// The tag path of the content region's root, e.g. `body > main > article`;
    /// for text input, the article span (`blocks 3..17`).
    pub region: String,
    /// What kind of page it is (as [`Article::page_type`](crate::Article::page_type)).
    pub page_type: PageType,
    /// Why: the evidence that weighed most for the type, strongest first
    /// (`structured data says product`, `URL docs`, `code share 0.31`), or
    /// `forced by the caller`.
    pub page_type_reasons: Vec<String>,
    /// How sure the extraction is, 0 to 1 (as [`Article::confidence`](crate::Article::confidence)).
    pub confidence: f32,
    /// Every text block of the page, in page order.
    pub blocks: Vec<ExplainedBlock>,
}

/// One block of the page and why it was kept or dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ExplainedBlock {
    /// The block's text.
    pub text: String,
    /// What element the text sits in (serialised `paragraph`, `heading`, `list_item`, ...).
    pub kind: ElementKind,
    /// Whether the block is in the article.
    pub kept: bool,
    /// The content label, or the kind of boilerplate.
    pub label: Label,
    /// The deciding evidence in words, e.g. `link density 0.85 over 0.30`.
    pub reason: String,
    /// The block judged alone, before context (serialised `good`, `near_good`, `short`, `bad`).
    pub first_class: FirstClass,
    /// The features the decision used.
    pub features: BlockFeatures,
    /// The tag path from `body` to the block's element, with ids and classes;
    /// for text input, the block's number (`block 7`).
    pub path: String,
}

/// What a block was labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Label {
    /// Article text.
    Content,
    /// Menus, breadcrumbs, pagination.
    Navigation,
    /// A block made mostly of links.
    LinkList,
    /// A boilerplate phrase ("Read more", "Share this", "All rights reserved").
    CruftPhrase,
    /// Author and date lines.
    Byline,
    /// Related, recommended or teaser lists.
    Related,
    /// Reader comments.
    Comment,
    /// Ads and sponsored boxes.
    Advertising,
    /// Legal and copyright notices.
    Legal,
    /// Share and follow bars.
    Share,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Cookie and consent banners.
    Consent,
    /// Image captions and credits.
    Caption,
    /// Page header, footer or sidebar.
    Layout,
    /// Tag and category lists.
    Tags,
    /// Text hidden from readers.
    Hidden,
    /// Outside the content region.
    OutsideContent,
    /// Too few function words to be prose (lists of names, data).
    NotProse,
    /// Short text that its neighbours settled as boilerplate.
    ShortFragment,
    /// The headline, which is metadata (`Article::title`).
    Title,
    /// A repeat of an earlier block.
    Duplicate,
}

/// The per-block features the scorer used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BlockFeatures {
    /// Words (CJK text in word-equivalents).
    pub words: f32,
    /// Share of the words inside links.
    pub link_density: f32,
    /// Share of the words that are stop words.
    pub stopword_density: f32,
    /// Words per 80-column wrapped line.
    pub text_density: f32,
    /// Sentence-ending marks.
    pub sentence_ends: u16,
    /// Position in the page, 0 to 1.
    pub position: f32,
}

/// Everything the stages found out about one page, borrowed.
pub(crate) struct Findings<'a> {
    pub(crate) dom: &'a Dom,
    pub(crate) title: Option<&'a str>,
    pub(crate) region: crate::html::dom::NodeId,
    pub(crate) blocks: &'a [Block],
    pub(crate) features: &'a [Features],
    pub(crate) first: &'a [Verdict],
    pub(crate) last: &'a [Verdict],
    pub(crate) repeats: &'a [Option<Repeat>],
    pub(crate) page_type: &'a TypeCall,
    pub(crate) confidence: f32,
}

/// Build the explanation.
pub(crate) fn explain(found: &Findings<'_>) -> Explanation {
    let blocks = found
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let f = &found.features[i];
            let last = found.last[i];
            let repeat = found.repeats[i];
            let kept = last.class == Class::Good && repeat.is_none();
            let (label, reason) = match repeat {
                Some(Repeat::Title) => (Label::Title, "repeats the title".to_string()),
                Some(Repeat::Duplicate) => (Label::Duplicate, "repeats an earlier block".into()),
                None if kept => (Label::Content, content_reason(found.first[i], f)),
                // Outside the region, a block's own flaw (a link list, a
                // cruft phrase) says more than where it sits.
                None => match (last.reason, found.first[i]) {
                    (Reason::OutsideRegion, first) if first.class == Class::Bad => {
                        describe_drop(first.reason, f)
                    }
                    (reason, _) => describe_drop(reason, f),
                },
            };
            ExplainedBlock {
                text: block.text.clone(),
                kind: ElementKind::of(block.kind),
                kept,
                label,
                reason,
                first_class: FirstClass::of(found.first[i].class),
                features: BlockFeatures::of(f),
                path: found.dom.path_of(block.container),
            }
        })
        .collect();
    Explanation {
        title: found.title.map(str::to_string),
        region: found.dom.path_of(found.region),
        page_type: found.page_type.page_type,
        page_type_reasons: found.page_type.reasons.clone(),
        confidence: found.confidence,
        blocks,
    }
}

impl BlockFeatures {
    /// The explained view of a block's features.
    pub(crate) fn of(f: &Features) -> BlockFeatures {
        BlockFeatures {
            words: f.words,
            link_density: f.link_density,
            stopword_density: f.stopword_density,
            text_density: f.text_density,
            sentence_ends: f.sentence_ends,
            position: f.position,
        }
    }
}

/// Why a kept block is content, in words.
pub(crate) fn content_reason(first: Verdict, f: &Features) -> String {
    match first.class {
        Class::Good => format!(
            "prose: {:.0} words, stop-word density {:.2}",
            f.words, f.stopword_density
        ),
        Class::NearGood => "near-good text inside the content region".into(),
        _ => "short text between article blocks".into(),
    }
}

/// The label and reason of a block dropped for `reason`.
pub(crate) fn describe_drop(reason: Reason, f: &Features) -> (Label, String) {
    match reason {
        Reason::LinkDense => (
            Label::LinkList,
            format!("link density {:.2} over its length's limit", f.link_density),
        ),
        Reason::Cruft(kind) => (
            cruft_label(kind),
            format!("boilerplate phrase ({})", kind.name()),
        ),
        Reason::Hint(category) => (
            hint_label(category),
            format!("inside an element marked '{}'", category.name()),
        ),
        Reason::OutsideRegion => (Label::OutsideContent, "outside the content region".into()),
        Reason::NotProse => (
            Label::NotProse,
            format!(
                "stop-word density {:.2} too low for prose",
                f.stopword_density
            ),
        ),
        Reason::Short | Reason::Context | Reason::MaybeProse | Reason::Prose => (
            Label::ShortFragment,
            "settled as boilerplate by its neighbours".into(),
        ),
    }
}

fn cruft_label(kind: CruftKind) -> Label {
    match kind {
        CruftKind::Share | CruftKind::Follow => Label::Share,
        CruftKind::Newsletter => Label::Newsletter,
        CruftKind::Legal => Label::Legal,
        CruftKind::Advertising => Label::Advertising,
        CruftKind::Navigation => Label::Navigation,
        CruftKind::Related => Label::Related,
        CruftKind::Cookie => Label::Consent,
        CruftKind::Comment => Label::Comment,
        CruftKind::Byline | CruftKind::Date => Label::Byline,
        CruftKind::Tags => Label::Tags,
        CruftKind::Credit => Label::Caption,
        CruftKind::ReadMore => Label::CruftPhrase,
    }
}

fn hint_label(category: HintCategory) -> Label {
    match category {
        HintCategory::Navigation => Label::Navigation,
        HintCategory::Header | HintCategory::Footer | HintCategory::Sidebar => Label::Layout,
        HintCategory::Share => Label::Share,
        HintCategory::Related => Label::Related,
        HintCategory::Comment => Label::Comment,
        HintCategory::Advertising => Label::Advertising,
        HintCategory::Consent => Label::Consent,
        HintCategory::Newsletter => Label::Newsletter,
        HintCategory::Byline => Label::Byline,
        HintCategory::Tags => Label::Tags,
        HintCategory::Caption => Label::Caption,
        HintCategory::Hidden => Label::Hidden,
        HintCategory::Legal => Label::Legal,
        HintCategory::Content => Label::Content,
    }
}

/// What element a block's text sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ElementKind {
    /// A paragraph (`<p>`, or text in a `<div>`).
    Paragraph,
    /// A heading of any level.
    Heading,
    /// A list item.
    ListItem,
    /// A block quote.
    Quote,
    /// Preformatted text or code.
    Preformatted,
    /// A table cell.
    TableCell,
    /// A figure or table caption.
    Caption,
    /// Loose text.
    Text,
}

impl ElementKind {
    /// The name it serialises to: `paragraph`, `list_item`, ...
    pub fn name(self) -> &'static str {
        match self {
            ElementKind::Paragraph => "paragraph",
            ElementKind::Heading => "heading",
            ElementKind::ListItem => "list_item",
            ElementKind::Quote => "quote",
            ElementKind::Preformatted => "preformatted",
            ElementKind::TableCell => "table_cell",
            ElementKind::Caption => "caption",
            ElementKind::Text => "text",
        }
    }

    pub(crate) fn of(kind: BlockKind) -> ElementKind {
        match kind {
            BlockKind::Paragraph => ElementKind::Paragraph,
            BlockKind::Heading(_) => ElementKind::Heading,
            BlockKind::ListItem => ElementKind::ListItem,
            BlockKind::Quote => ElementKind::Quote,
            BlockKind::Preformatted => ElementKind::Preformatted,
            BlockKind::TableCell => ElementKind::TableCell,
            BlockKind::Caption => ElementKind::Caption,
            BlockKind::Text => ElementKind::Text,
        }
    }
}

/// How a block was judged alone, before its neighbours were looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FirstClass {
    /// Content on its own evidence.
    Good,
    /// Nearly content: kept when its neighbours are.
    NearGood,
    /// Too short to judge alone.
    Short,
    /// Boilerplate.
    Bad,
}

impl FirstClass {
    /// The name it serialises to: `good`, `near_good`, `short`, `bad`.
    pub fn name(self) -> &'static str {
        match self {
            FirstClass::Good => "good",
            FirstClass::NearGood => "near_good",
            FirstClass::Short => "short",
            FirstClass::Bad => "bad",
        }
    }

    pub(crate) fn of(class: Class) -> FirstClass {
        match class {
            Class::Good => FirstClass::Good,
            Class::NearGood => FirstClass::NearGood,
            Class::Short => FirstClass::Short,
            Class::Bad => FirstClass::Bad,
        }
    }
}

impl Explanation {
    /// The page type and why, on one line: `product (structured data says
    /// product; prices 0.41)`.
    ///
    /// ```
    /// let explanation = unboil::Extractor::builder()
    ///     .page_type(unboil::PageType::Forum)
    ///     .build()
    ///     .explain("<p>A sentence long enough to be kept as the article, surely.</p>")?;
    /// assert_eq!(explanation.page_type_line(), "forum (forced by the caller)");
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn page_type_line(&self) -> String {
        if self.page_type_reasons.is_empty() {
            return self.page_type.name().to_string();
        }
        format!(
            "{} ({})",
            self.page_type.name(),
            self.page_type_reasons.join("; ")
        )
    }

    /// The page's blocks as one self-contained HTML page: kept blocks on
    /// green, dropped ones on red and greyed, each with its label shown and
    /// the reason on hover. Every text is escaped; the page has no scripts.
    ///
    /// ```
    /// let explanation = unboil::Extractor::default()
    ///     .explain("<p>A sentence long enough to be kept as the article, surely.</p>")?;
    /// let html = explanation.to_html();
    /// assert!(html.contains(r#"class="block kept""#));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.blocks.iter().map(|b| b.text.len() + 160).sum());
        out.push_str(HIGHLIGHT_HEAD);
        out.push_str("<h1>");
        escape_html(&mut out, self.title.as_deref().unwrap_or("(no title)"));
        out.push_str("</h1>\n<p class=\"legend\"><span class=\"kept\">kept</span> <span class=\"dropped\">dropped</span> (hover a block for the reason). Content region: <code>");
        escape_html(&mut out, &self.region);
        out.push_str("</code></p>\n<p class=\"legend\">Page type: <code>");
        escape_html(&mut out, &self.page_type_line());
        out.push_str("</code>. Confidence: ");
        out.push_str(&format!("{:.2}", self.confidence));
        out.push_str("</p>\n");
        for block in &self.blocks {
            let state = if block.kept { "kept" } else { "dropped" };
            out.push_str("<div class=\"block ");
            out.push_str(state);
            out.push_str("\" title=\"");
            escape_html(
                &mut out,
                &format!("{}: {}\n{}", block.label.name(), block.reason, block.path),
            );
            out.push_str("\"><span class=\"label\">");
            out.push_str(block.label.name());
            out.push_str("</span>");
            escape_html(&mut out, &block.text);
            out.push_str("</div>\n");
        }
        out.push_str("</body></html>\n");
        out
    }
}

const HIGHLIGHT_HEAD: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>unboil: kept and dropped blocks</title>\n<style>\nbody{font:15px/1.45 sans-serif;max-width:60em;margin:2em auto;padding:0 1em}\n.block{margin:.35em 0;padding:.35em .6em;border-left:5px solid;white-space:pre-wrap}\n.kept{background:#dff5df;border-color:#2e8b3a}\n.dropped{background:#f8e1e1;border-color:#b33;color:#666}\n.label{font:11px monospace;margin-right:.6em;padding:0 .3em;background:#fff8;border-radius:3px}\n.legend span{padding:.1em .5em}\n</style></head><body>\n";

impl Label {
    /// The label's name, as in JSON (`content`, `link_list`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Label::Content => "content",
            Label::Navigation => "navigation",
            Label::LinkList => "link_list",
            Label::CruftPhrase => "cruft_phrase",
            Label::Byline => "byline",
            Label::Related => "related",
            Label::Comment => "comment",
            Label::Advertising => "advertising",
            Label::Legal => "legal",
            Label::Share => "share",
            Label::Newsletter => "newsletter",
            Label::Consent => "consent",
            Label::Caption => "caption",
            Label::Layout => "layout",
            Label::Tags => "tags",
            Label::Hidden => "hidden",
            Label::OutsideContent => "outside_content",
            Label::NotProse => "not_prose",
            Label::ShortFragment => "short_fragment",
            Label::Title => "title",
            Label::Duplicate => "duplicate",
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extractor::Extractor;

    #[test]
    fn highlight_page_escapes_everything_and_runs_nothing() {
        let page = r#"<nav><a href="/">Home &lt;script&gt;</a></nav><article><p>The council met on Monday and agreed, after a long debate, to publish its "findings" &amp; minutes.</p></article>"#;
        let html = Extractor::default()
            .explain(page)
            .map(|e| e.to_html())
            .unwrap_or_default();
        assert!(
            html.contains(r#"class="block kept""#) && html.contains(r#"class="block dropped""#)
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&quot;findings&quot; &amp; minutes"));
    }
}
