//! The text front end's decisions in explain's terms: an analysed text in,
//! one [`ExplainedBlock`] per block out, with the label and reason of the
//! text select stage ([`Why`]) where the HTML explain gives the HTML one.
//! A text has no tags: the region is the article span (`blocks 3..17`) and a
//! block's path its number (`block 7`).

use crate::judge::score::{Class, Reason};
use crate::model::article::PageType;
use crate::output::explain::{
    content_reason, describe_drop, BlockFeatures, ElementKind, ExplainedBlock, Explanation,
    FirstClass, Label,
};

use super::patterns::LineKind;
use super::TextAnalysis;

/// Every block of the analysed text with the decision on it.
pub(crate) fn explanation(a: &TextAnalysis) -> Explanation {
    let span = &a.selection.span;
    let blocks = a
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let f = &a.features.blocks[i];
            let first = a.verdicts[i];
            let why = a.selection.why[i];
            let (label, reason) = match why {
                Why::Kept if first.class == Class::Good => {
                    (Label::Content, content_reason(first, f))
                }
                Why::Kept if span.contains(&i) => {
                    (Label::Content, "short line inside the article span".into())
                }
                Why::Kept => (
                    Label::Content,
                    "kept outside the span: the standfirst, or no span at all".into(),
                ),
                Why::FirstVerdict(reason) => describe_drop(reason, f),
                other => describe(other),
            };
            ExplainedBlock {
                text: block.text.clone(),
                kind: ElementKind::of(block.kind),
                kept: a.selection.keep[i],
                label,
                reason,
                first_class: FirstClass::of(first.class),
                features: BlockFeatures::of(f),
                path: format!("block {i}"),
            }
        })
        .collect();
    Explanation {
        title: a.selection.title.map(|i| a.blocks[i].text.clone()),
        region: format!("blocks {}..{}", span.start, span.end),
        blocks,
        // Text input is not assessed (the classifier and the confidence
        // model read the HTML tree); the extractor applies a forced type.
        page_type: PageType::default(),
        page_type_reasons: Vec::new(),
        confidence: 0.0,
    }
}

/// The label and reason of a block the text select stage dropped.
fn describe(why: Why) -> (Label, String) {
    let (label, reason) = match why {
        Why::Furniture(kind) => return furniture(kind),
        Why::OutsideSpan => (Label::OutsideContent, "outside the article span"),
        Why::PastEnd => (
            Label::OutsideContent,
            "past the article's end: after a break, with little prose left",
        ),
        Why::Title => (Label::Title, "the headline, given as the title"),
        Why::RepeatsTitle => (Label::Title, "repeats the title"),
        Why::Duplicate => (Label::Duplicate, "repeats an earlier paragraph"),
        Why::Frame => (
            Label::Duplicate,
            "given above and below the article: a bio or teaser",
        ),
        Why::Bio => (Label::Byline, "an author's biography"),
        Why::Caption => (Label::Caption, "a photo caption (above a credit line)"),
        Why::Dangling => (
            Label::ShortFragment,
            "an unpunctuated line that leads into no text",
        ),
        Why::RelatedList => (Label::Related, "a headline in a list of other stories"),
        Why::Kept | Why::FirstVerdict(_) => (Label::Content, "kept"),
    };
    (label, reason.to_string())
}

/// The label and reason of a furniture line.
fn furniture(kind: LineKind) -> (Label, String) {
    let (label, what) = match kind {
        LineKind::Date => (Label::Byline, "a date line"),
        LineKind::Credit => (Label::Caption, "a photo credit"),
        LineKind::Location => (Label::Byline, "a place label"),
        LineKind::Byline => (Label::Byline, "an author line"),
        LineKind::Prompt => (Label::CruftPhrase, "a call to read on, share or subscribe"),
        LineKind::Legal => (Label::Legal, "a disclaimer or notice"),
        LineKind::Related => (Label::Related, "opens a list of other stories"),
        LineKind::Comments => (Label::Comment, "opens the comments"),
        LineKind::End => (Label::CruftPhrase, "the end mark of a press release"),
    };
    (label, format!("furniture line: {what}"))
}

/// Why a block was kept or dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// Kept: article text.
    Kept,
    /// A line of furniture matched by the text patterns.
    Furniture(LineKind),
    /// Judged boilerplate on its own (lexicon cruft, not prose).
    FirstVerdict(Reason),
    /// Outside the article span.
    OutsideSpan,
    /// In the span first found, but after a break past which the span held
    /// little prose: the page's text after the article.
    PastEnd,
    /// The title, given as metadata.
    Title,
    /// A line repeating the title.
    RepeatsTitle,
    /// A later copy of a paragraph already given.
    Duplicate,
    /// A paragraph found above and below the article: a bio or teaser.
    Frame,
    /// An author's biography.
    Bio,
    /// A photo caption (the line above a credit line).
    Caption,
    /// An unpunctuated line that leads into no text: a name above a user's
    /// post details, a label above a date.
    Dangling,
    /// A headline in a list of other stories.
    RelatedList,
}
