//! The page-type classifier: what the page declares ([`Declared`]), its
//! URL's shape and its structural counts in, a [`TypeCall`] out (the type,
//! its probability and the evidence that weighed most).
//!
//! A linear model over [`FEATURES`], one weight row per type, fitted on
//! WCXB's development pages with five-fold cross-validation
//! (`scripts/fit_assess.rs`; the weights and their figures are in
//! `weights.rs`). Each feature is a fact a page shows, scaled to about 0..1.

use super::structure::Structure;
use super::url::UrlShape;
use super::weights::{TYPE_ORDER, TYPE_WEIGHTS};
use crate::model::article::PageType;
use crate::model::page_signals::{Declared, TypeCall};

/// The features, in the order of the weight rows' columns.
pub(crate) const FEATURES: [&str; 45] = [
    "bias",
    "ld_article",
    "ld_tech",
    "ld_forum",
    "ld_product",
    "ld_collection",
    "ld_service",
    "og_article",
    "og_product",
    "og_website",
    "generator_forum",
    "url_known",
    "url_home",
    "url_docs",
    "url_forum",
    "url_product",
    "url_collection",
    "url_post",
    "url_dated",
    "url_section",
    "url_slug",
    "url_depth",
    "code_share",
    "code_elements",
    "prices",
    "cart",
    "product_marks",
    "post_marks",
    "article_elements",
    "link_share",
    "heading_share",
    "linked_headings",
    "list_share",
    "words",
    "times",
    "sections",
    "doc_nav",
    "authored",
    "dated",
    "long_block_share",
    "controls",
    "images",
    "url_service",
    "url_service_word",
    "linked_heading_share",
];

// The weights have one column per feature.
const _: () = assert!(TYPE_WEIGHTS[0].len() == FEATURES.len());

/// The feature vector of one page.
pub(crate) type Vector = [f32; FEATURES.len()];

/// Schema.org types by what they say of the page.
const LD_TECH: [&str; 3] = ["TechArticle", "APIReference", "SoftwareSourceCode"];
const LD_FORUM: [&str; 4] = ["DiscussionForumPosting", "QAPage", "Question", "Answer"];
const LD_PRODUCT: [&str; 5] = [
    "Product",
    "ProductGroup",
    "Offer",
    "AggregateOffer",
    "IndividualProduct",
];
const LD_COLLECTION: [&str; 4] = [
    "CollectionPage",
    "ItemList",
    "OfferCatalog",
    "SearchResultsPage",
];
const LD_SERVICE: [&str; 7] = [
    "Service",
    "ProfessionalService",
    "SoftwareApplication",
    "WebApplication",
    "MobileApplication",
    "LocalBusiness",
    "FinancialService",
];
const LD_ARTICLE: [&str; 5] = ["Recipe", "HowTo", "Review", "Report", "PressRelease"];

/// Forum software that names itself in `<meta name=generator>`.
const FORUM_GENERATORS: [&str; 10] = [
    "vbulletin",
    "phpbb",
    "xenforo",
    "discourse",
    "invision",
    "mybb",
    "simple machines",
    "vanilla",
    "flarum",
    "nodebb",
];

/// `ln(1 + n) / ln(1 + cap)`, at most 1: a count on a log scale where
/// `cap` is "many".
fn log_scale(n: u32, cap: f32) -> f32 {
    ((n as f32).ln_1p() / cap.ln_1p()).min(1.0)
}

fn share(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// The feature vector of a page.
pub(super) fn vector(declared: &Declared, url: &UrlShape, s: &Structure) -> Vector {
    let any = |list: &[&str]| {
        declared
            .schema_types
            .iter()
            .any(|t| list.contains(&t.as_str()))
    };
    let ld_article = declared.schema_types.iter().any(|t| {
        (t.ends_with("Article") && !LD_TECH.contains(&t.as_str()))
            || t == "BlogPosting"
            || t == "LiveBlogPosting"
    }) || any(&LD_ARTICLE);
    let og = declared.og_type.as_deref().unwrap_or("");
    let generator = declared.generator.as_deref().unwrap_or("");
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    [
        1.0,
        flag(ld_article),
        flag(any(&LD_TECH)),
        flag(any(&LD_FORUM)),
        flag(any(&LD_PRODUCT)),
        flag(any(&LD_COLLECTION)),
        flag(any(&LD_SERVICE)),
        flag(og.contains("article") || og == "blog" || og.starts_with("news")),
        flag(og.contains("product")),
        flag(og == "website"),
        flag(FORUM_GENERATORS.iter().any(|g| generator.contains(g))),
        flag(url.known),
        flag(url.home),
        flag(url.docs),
        flag(url.forum),
        flag(url.product),
        flag(url.collection),
        flag(url.post),
        flag(url.dated),
        flag(url.section),
        (url.slug_words as f32 / 8.0).min(1.0),
        (url.depth as f32 / 5.0).min(1.0),
        share(s.code_words, s.words),
        log_scale(s.code_elements, 50.0),
        log_scale(s.prices, 50.0),
        log_scale(s.cart, 20.0),
        log_scale(s.product, 100.0),
        log_scale(s.posts, 100.0),
        log_scale(declared.articles as u32, 20.0),
        share(s.link_words, s.words),
        share(s.headings, s.blocks),
        log_scale(s.linked_headings, 50.0),
        share(s.list_words, s.words),
        log_scale(s.words, 20_000.0),
        log_scale(s.times, 30.0),
        log_scale(s.sections, 30.0),
        log_scale(s.doc_nav, 50.0),
        flag(declared.authored),
        flag(declared.dated),
        share(s.long_words, s.words),
        log_scale(s.controls, 50.0),
        log_scale(s.images, 100.0),
        flag(url.service),
        flag(url.service_word),
        share(s.linked_headings, s.headings),
    ]
}

/// How many reasons a call gives.
const REASONS: usize = 3;

/// The type the weights give `x`, with its probability and reasons. A page
/// that shows nothing (no text, no declared type, no URL) is `Other`.
pub(super) fn decide(x: &Vector, nothing: bool) -> TypeCall {
    if nothing {
        return TypeCall {
            page_type: PageType::Other,
            certainty: 1.0,
            reasons: vec!["no text, no declared type, no URL".into()],
        };
    }
    let logits: Vec<f32> = TYPE_WEIGHTS
        .iter()
        .map(|row| row.iter().zip(x).map(|(w, v)| w * v).sum())
        .collect();
    let best = (0..logits.len())
        .max_by(|&a, &b| logits[a].total_cmp(&logits[b]))
        .unwrap_or(0);
    let top = logits[best];
    let total: f32 = logits.iter().map(|l| (l - top).exp()).sum();
    // A feature's pull toward the chosen type: its weight there less its
    // mean weight over all types, times its value.
    let types = TYPE_WEIGHTS.len() as f32;
    let mut pulls: Vec<(usize, f32)> = (1..FEATURES.len())
        .map(|f| {
            let mean = TYPE_WEIGHTS.iter().map(|row| row[f]).sum::<f32>() / types;
            (f, (TYPE_WEIGHTS[best][f] - mean) * x[f])
        })
        .filter(|&(_, pull)| pull > 0.0)
        .collect();
    pulls.sort_by(|a, b| b.1.total_cmp(&a.1));
    TypeCall {
        page_type: TYPE_ORDER[best],
        certainty: 1.0 / total,
        reasons: pulls
            .iter()
            .take(REASONS)
            .map(|&(f, _)| describe(f, x[f]))
            .collect(),
    }
}

/// One feature and its value in words.
fn describe(feature: usize, value: f32) -> String {
    let name = FEATURES[feature];
    match name.split_once('_') {
        Some(("ld", kind)) => format!("structured data says {kind}"),
        Some(("og", kind)) => format!("og:type {kind}"),
        Some(("url", "known" | "slug" | "depth")) => format!("URL shape ({name} {value:.2})"),
        Some(("url", kind)) => format!("URL {kind}"),
        _ if value == 1.0 => name.replace('_', " "),
        _ => format!("{} {value:.2}", name.replace('_', " ")),
    }
}
